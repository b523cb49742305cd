/*
 * recon_report.c - the figures county reports publish about reconsideration
 * and litigation ("收到行政复议申请6件，受理5件，不予受理1件；被申请人是乡镇政府
 * 的2件，占33%；维持2件，调解2件，和解终止1件" and the court-appearance rate),
 * the drafted paragraph, the Excel export, and the module's named figures
 * (platform/figures.h): the report's own counts and the fifteen cells of table
 * 四 of the disclosure report, which reads them by name. Percentages are
 * whole numbers, rounded half up, as the reports write them.
 */
#include <stdio.h>
#include <string.h>

#include "modules/reconsideration/recon_int.h"
#include "platform/jsonx.h"
#include "platform/lists.h"
#include "platform/spreadsheets.h"

static long pct(long n, long total)
{
	return total ? (n * 100 + total / 2) / total : 0;
}

struct counter {
	char key[32];
	char label[96];
	long n;
};

#define MAXC 24

static void bump(struct counter *c, int *nc, const char *key, const char *label)
{
	if (!key)
		return;
	for (int i = 0; i < *nc; i++)
		if (strcmp(c[i].key, key) == 0) {
			c[i].n++;
			return;
		}
	if (*nc < MAXC) {
		snprintf(c[*nc].key, sizeof c[*nc].key, "%s", key);
		snprintf(c[*nc].label, sizeof c[*nc].label, "%s", label ? label : key);
		c[*nc].n = 1;
		(*nc)++;
	}
}

static json_t *counters_json(const struct counter *c, int nc, long total)
{
	json_t *a = json_array();
	for (int i = 0; i < nc; i++)
		json_array_append_new(a, json_pack("{s:s, s:s, s:I, s:I}", "value", c[i].key, "label",
						   c[i].label, "count", (json_int_t)c[i].n, "percent",
						   (json_int_t)pct(c[i].n, total)));
	return a;
}

/* The label of a decision or ending without its article, for prose: "维持", "调解结案". */
static const char *short_label(const char *d)
{
	static const char *const m[][2] = {
		{"change", "变更"}, {"revoke", "撤销"}, {"partial_revoke", "部分撤销"},
		{"revoke_remake", "撤销并责令重作"}, {"confirm_illegal", "确认违法"},
		{"order_perform", "责令履行"}, {"confirm_void", "确认无效"}, {"uphold", "维持"},
		{"reject_claim", "驳回复议请求"}, {"dismiss", "驳回复议申请"}, {"mediation", "调解"},
		{"settle_withdraw", "和解终止"}, {"withdraw", "撤回终止"}, {"terminate", "终止"}};
	for (size_t i = 0; d && i < sizeof m / sizeof m[0]; i++)
		if (strcmp(m[i][0], d) == 0)
			return m[i][1];
	return d;
}

/*
 * Whether a decision came within its period (第62条), from the decision clock's
 * columns 7.. (stopped_on, due_date, trigger_date, days, extended_days). When the
 * due date is still pending (the period runs into a year whose official
 * calendar is not loaded), it can still be certain: a period of N days ends on
 * or after trigger + N calendar days — a calendar-day period is only moved
 * later by rest days, a working-day period needs at least N calendar days, and
 * a suspension only adds days — so a decision on or before that day is on time.
 */
static bool decided_on_time(struct fz_stmt *st)
{
	const char *stopped = fz_col_text(st, 7), *due = fz_col_text(st, 8);
	if (!stopped)
		return false;
	if (due)
		return strcmp(stopped, due) <= 0;
	int trigger, stop;
	if (!fz_col_text(st, 10) || fz_date_parse(fz_col_text(st, 10), &trigger) != FZ_OK ||
	    fz_date_parse(stopped, &stop) != FZ_OK)
		return false;
	return stop <= trigger + (int)fz_col_int(st, 11) + (int)fz_col_int(st, 12);
}

enum fz_code fz_recon_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				  struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	int64_t scope = agency_id;
	if (!fz_ctx_sees_all(ctx))
		scope = ctx->user ? ctx->user->agency_id : -1;
	/* The counts other readers also use are the module's figures, counted once there. */
	long received = 0, refused = 0, decided = 0, corrected = 0, lawsuits = 0, after_recon = 0,
	     judged = 0;
	const struct {
		const char *name;
		long *value;
	} figures[] = {
		{"recon.cases.received", &received},	   {"recon.cases.refused", &refused},
		{"recon.decisions.total", &decided},	   {"recon.decisions.corrected", &corrected},
		{"litigation.cases.received", &lawsuits},  {"litigation.cases.after_recon", &after_recon},
		{"litigation.cases.judged", &judged},
	};
	for (size_t i = 0; i < sizeof figures / sizeof figures[0]; i++) {
		enum fz_code rc = fz_figure_value(ctx, figures[i].name, year, scope, figures[i].value, err);
		if (rc)
			return rc;
	}
	long accepted = 0, forwarded = 0, withdrawn = 0, on_time = 0, late_apps = 0;
	struct counter resp[MAXC], acts[MAXC], decs[MAXC];
	int nresp = 0, nacts = 0, ndecs = 0;
	struct fz_stmt *st;
	st = fz_db_query(
		ctx->db, err,
		"SELECT c.received_on, c.state, r.accepted_on, r.decided_on, r.decision, a.kind,"
		" r.act_type, k.stopped_on, k.due_date, r.late, k.trigger_date, k.days, k.extended_days"
		" FROM recon_case r JOIN case_record c ON c.case_id = r.case_id"
		" JOIN agency a ON a.agency_id = r.respondent_agency_id"
		" LEFT JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'decision'"
		" WHERE (?3 = 0 OR r.respondent_agency_id = ?3)"
		" AND ((c.received_on >= ?1 AND c.received_on <= ?2) OR (r.decided_on >= ?1 AND r.decided_on <= ?2)"
		"  OR (r.accepted_on >= ?1 AND r.accepted_on <= ?2))",
		"tti", lo, hi, scope);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		const char *rec = fz_col_text(st, 0), *state = fz_col_text(st, 1),
			   *acc = fz_col_text(st, 2), *dec_on = fz_col_text(st, 3),
			   *dec = fz_col_text(st, 4), *kind = fz_col_text(st, 5);
		bool in_year_rec = strcmp(rec, lo) >= 0 && strcmp(rec, hi) <= 0;
		bool in_year_dec = dec_on && strcmp(dec_on, lo) >= 0 && strcmp(dec_on, hi) <= 0;
		if (in_year_rec) {
			late_apps += fz_col_int(st, 9) != 0;
			bump(resp, &nresp, kind,
			     strcmp(kind, "township") == 0 ? "乡镇政府（街道办事处）"
			     : strcmp(kind, "county") == 0 ? "县人民政府"
							   : "县政府部门");
			bump(acts, &nacts, fz_col_text(st, 6),
			     fz_recon_label(fz_recon_act_types, fz_col_text(st, 6)));
		}
		if (acc && strcmp(acc, lo) >= 0 && strcmp(acc, hi) <= 0)
			accepted++;
		if (!in_year_dec)
			continue;
		if (strcmp(state, "forwarded") == 0)
			forwarded++;
		else if (strcmp(state, "withdrawn") == 0)
			withdrawn++;
		else if (strcmp(state, "decided") == 0) {
			const char *dl = fz_recon_label(fz_recon_decisions, dec);
			if (dl == dec)
				dl = fz_recon_label(fz_recon_endings, dec);
			bump(decs, &ndecs, dec, dl);
			if (decided_on_time(st))
				on_time++;
		}
	}
	fz_stmt_done(st);

	/* Litigation: judgments in the year by outcome, hearings in the year. */
	long hearings = 0, head_appeared = 0;
	struct counter lit[MAXC];
	int nlit = 0;
	st = fz_db_query(ctx->db, err,
			 "SELECT c.received_on, l.outcome, l.judged_on, l.recon_case_id FROM lit_case l"
			 " JOIN case_record c ON c.case_id = l.case_id WHERE (?3 = 0 OR c.agency_id = ?3)"
			 " AND ((c.received_on >= ?1 AND c.received_on <= ?2) OR (l.judged_on >= ?1 AND l.judged_on <= ?2))",
			 "tti", lo, hi, scope);
	while (st && fz_stmt_row(st)) {
		const char *j = fz_col_text(st, 2);
		if (j && strcmp(j, lo) >= 0 && strcmp(j, hi) <= 0)
			bump(lit, &nlit, fz_col_text(st, 1), fz_recon_label(fz_lit_outcomes, fz_col_text(st, 1)));
	}
	fz_stmt_done(st);
	st = fz_db_query(ctx->db, err,
			 "SELECT h.post FROM lit_hearing h JOIN case_record c ON c.case_id = h.case_id"
			 " WHERE h.hearing_on >= ?1 AND h.hearing_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)",
			 "tti", lo, hi, scope);
	while (st && fz_stmt_row(st)) {
		hearings++;
		head_appeared += strcmp(fz_col_text(st, 0), "staff") != 0;
	}
	fz_stmt_done(st);

	/* The paragraph, in the county reports' own style. */
	char resp_text[512] = "", dec_text[512] = "", lit_text[512] = "";
	size_t k = 0;
	for (int i = 0; i < nresp && k < sizeof resp_text - 120; i++)
		k += (size_t)snprintf(resp_text + k, sizeof resp_text - k, "%s被申请人是%s的%ld件，占%ld%%",
				      i ? "，" : "；", resp[i].label, resp[i].n, pct(resp[i].n, received));
	k = 0;
	for (int i = 0; i < ndecs && k < sizeof dec_text - 80; i++)
		k += (size_t)snprintf(dec_text + k, sizeof dec_text - k, "%s%s%ld件", i ? "，" : "",
				      short_label(decs[i].key), decs[i].n);
	k = 0;
	for (int i = 0; i < nlit && k < sizeof lit_text - 80; i++)
		k += (size_t)snprintf(lit_text + k, sizeof lit_text - k, "%s%s%ld件", i ? "，" : "（",
				      lit[i].label, lit[i].n);
	if (nlit)
		snprintf(lit_text + k, sizeof lit_text - k, "）");
	char *paragraph = fz_arena_printf(
		ctx->arena,
		"%d年，共收到行政复议申请%ld件，受理%ld件，不予受理%ld件%s%s%s；审结%ld件%s%s%s，纠错率%ld%%，"
		"按期审结%ld件。全年发生行政应诉案件%ld件（其中经复议后起诉%ld件），审结%ld件%s；"
		"行政机关负责人出庭应诉%ld次，出庭应诉率%ld%%。",
		year, received, accepted, refused,
		forwarded ? fz_arena_printf(ctx->arena, "，转送%ld件", forwarded) : "",
		withdrawn ? fz_arena_printf(ctx->arena, "，视为撤回%ld件", withdrawn) : "", resp_text,
		decided, ndecs ? "（" : "", dec_text, ndecs ? "）" : "", pct(corrected, decided), on_time,
		lawsuits, after_recon, judged, lit_text, head_appeared, pct(head_appeared, hearings));
	*out = json_pack(
		"{s:i, s:I, s:{s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I, s:I}, s:o, s:o, s:o,"
		" s:{s:I, s:I, s:I, s:I, s:I, s:I, s:o}, s:s}",
		"year", year, "agency_id", (json_int_t)scope, "reconsideration", "received",
		(json_int_t)received, "accepted", (json_int_t)accepted, "refused", (json_int_t)refused,
		"forwarded", (json_int_t)forwarded, "withdrawn", (json_int_t)withdrawn, "decided",
		(json_int_t)decided, "corrected", (json_int_t)corrected, "correction_rate",
		(json_int_t)pct(corrected, decided), "on_time", (json_int_t)on_time, "on_time_rate", (json_int_t)pct(on_time, decided),
		"late_applications",
		(json_int_t)late_apps, "by_respondent_type", counters_json(resp, nresp, received),
		"by_act_type", counters_json(acts, nacts, received), "by_decision",
		counters_json(decs, ndecs, decided), "litigation", "received", (json_int_t)lawsuits,
		"after_reconsideration", (json_int_t)after_recon, "judged", (json_int_t)judged,
		"hearings", (json_int_t)hearings, "head_appeared", (json_int_t)head_appeared,
		"appearance_rate", (json_int_t)pct(head_appeared, hearings), "by_outcome",
		counters_json(lit, nlit, judged), "paragraph", paragraph);
	return FZ_OK;
}

enum fz_code fz_recon_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				  size_t *len, struct fz_err *err)
{
	json_t *r;
	enum fz_code rc = fz_recon_report_json(ctx, year, agency_id, &r, err);
	if (rc)
		return rc;
	const char *cells[80 * 3];
	int n = 0;
#define ROW(a, b, c) (cells[n * 3] = (a), cells[n * 3 + 1] = (b), cells[n * 3 + 2] = (c), n++)
	ROW("项目", "数量", "占比（%）");
	json_t *rc_ = json_object_get(r, "reconsideration");
	/* key, label, and the rate beside it (纠错率, 按期审结率: of the cases decided) */
	static const char *const keys[][3] = {
		{"received", "收到行政复议申请", NULL}, {"accepted", "受理", NULL},
		{"refused", "不予受理", NULL}, {"forwarded", "转送", NULL},
		{"withdrawn", "视为撤回", NULL}, {"decided", "审结", NULL},
		{"corrected", "纠错（变更、撤销、确认违法、责令履行、确认无效），占比为纠错率", "correction_rate"},
		{"on_time", "按期审结，占比为按期审结率", "on_time_rate"},
		{"late_applications", "超过申请期限的申请", NULL}};
	for (size_t i = 0; i < sizeof keys / sizeof keys[0]; i++)
		ROW(keys[i][1],
		    fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(json_object_get(rc_, keys[i][0]))),
		    keys[i][2] ? fz_arena_printf(ctx->arena, "%lld",
						 (long long)json_integer_value(json_object_get(rc_, keys[i][2])))
			       : NULL);
	static const char *const lists[][2] = {{"by_respondent_type", "被申请人："},
					       {"by_act_type", "行为类型："},
					       {"by_decision", "审结方式："}};
	for (size_t l = 0; l < 3; l++) {
		size_t i;
		json_t *x;
		json_array_foreach(json_object_get(r, lists[l][0]), i, x)
			if (n < 76)
				ROW(fz_arena_printf(ctx->arena, "%s%s", lists[l][1], fz_json_str(x, "label")),
				    fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(json_object_get(x, "count"))),
				    fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(json_object_get(x, "percent"))));
	}
	json_t *lit = json_object_get(r, "litigation");
	ROW("行政应诉案件", fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(json_object_get(lit, "received"))), NULL);
	ROW("负责人出庭应诉（次）", fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(json_object_get(lit, "head_appeared"))),
	    fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(json_object_get(lit, "appearance_rate"))));
#undef ROW
	int widths[3] = {48, 12, 12};
	struct fz_sheet sheet = {"行政复议与应诉", fz_arena_printf(ctx->arena, "%d年行政复议和行政应诉情况统计", year),
				 n, 3, cells, 1, widths, false};
	rc = fz_xlsx_build(&sheet, 1, out, len, err);
	json_decref(r);
	return rc;
}

/* ---- named figures (platform/figures.h) ------------------------------------------- */

/*
 * 纠正 / 维持 / 其他 for a judgment's outcome: 纠正 when the agency lost (the
 * court revoked, changed, found illegal or ordered it to act).
 */
const char *fz_lit_result_class(const char *outcome)
{
	static const char *const corrected[] = {"revoke", "confirm_illegal", "order_perform", "change"};
	if (!outcome)
		return NULL;
	for (size_t i = 0; i < sizeof corrected / sizeof corrected[0]; i++)
		if (strcmp(outcome, corrected[i]) == 0)
			return "corrected";
	return strcmp(outcome, "uphold") == 0 ? "upheld" : "other";
}

/* Table 四's five columns: 结果维持, 结果纠正, 其他结果, 尚未审结, 总计. */
enum { UPHELD, CORRECTED, OTHER, PENDING, TOTAL };

static int class_column(const char *cls)
{
	return strcmp(cls, "upheld") == 0 ? UPHELD : strcmp(cls, "corrected") == 0 ? CORRECTED : OTHER;
}

/*
 * One cell of table 四's reconsideration row: applications about information
 * disclosure received in the year and accepted, by their result on 31
 * December (a decision after the year's end is still 尚未审结 for that year).
 */
static enum fz_code recon_disclosure(struct fz_ctx *ctx, int year, int64_t agency, int column,
				     long *value, struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.state, r.decision, r.decided_on FROM recon_case r"
		" JOIN case_record c ON c.case_id = r.case_id WHERE r.act_type = 'disclosure'"
		" AND c.received_on >= ?1 AND c.received_on <= ?2 AND (?3 = 0 OR r.respondent_agency_id = ?3)"
		" AND c.state IN ('accepted', 'suspended', 'decided')",
		"tti", lo, hi, agency);
	if (!st)
		return err->code;
	long n = 0;
	while (fz_stmt_row(st)) {
		const char *state = fz_col_text(st, 0), *on = fz_col_text(st, 2);
		int col = PENDING;
		if (strcmp(state, "decided") == 0 && on && strcmp(on, hi) <= 0)
			col = class_column(fz_recon_result_class(fz_col_text(st, 1)));
		n += column == TOTAL || column == col;
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	*value = n;
	return FZ_OK;
}

/*
 * One cell of table 四's litigation rows: lawsuits about information
 * disclosure received in the year, brought directly or after
 * reconsideration, by the judgment's result on 31 December.
 */
static enum fz_code lit_disclosure(struct fz_ctx *ctx, int year, int64_t agency, bool after_recon,
				   int column, long *value, struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT l.outcome, l.judged_on FROM lit_case l"
		" JOIN case_record c ON c.case_id = l.case_id WHERE l.act_type = 'disclosure'"
		" AND c.received_on >= ?1 AND c.received_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"
		" AND CASE WHEN l.recon_case_id IS NULL THEN 0 ELSE 1 END = ?4",
		"ttiI", lo, hi, agency, (int)after_recon);
	if (!st)
		return err->code;
	long n = 0;
	while (fz_stmt_row(st)) {
		const char *o = fz_col_text(st, 0), *j = fz_col_text(st, 1);
		int col = o && j && strcmp(j, hi) <= 0 ? class_column(fz_lit_result_class(o)) : PENDING;
		n += column == TOTAL || column == col;
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	*value = n;
	return FZ_OK;
}

/* Reconsiderations decided in the year whose decision corrected the act (纠错, 第63-67条). */
static enum fz_code decisions_corrected(struct fz_ctx *ctx, int year, int64_t agency, long *value,
					struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.decision FROM recon_case r JOIN case_record c ON c.case_id = r.case_id"
		" WHERE c.state = 'decided' AND r.decided_on >= ?1 AND r.decided_on <= ?2"
		" AND (?3 = 0 OR r.respondent_agency_id = ?3)",
		"tti", lo, hi, agency);
	if (!st)
		return err->code;
	long n = 0;
	while (fz_stmt_row(st))
		n += strcmp(fz_recon_result_class(fz_col_text(st, 0)), "corrected") == 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	*value = n;
	return FZ_OK;
}

/* ---- the lists' filters behind the figures' drill-downs ---------------------------- */

/* as_of: a date (YYYY-MM-DD) the outcome_class filter judges the result on; no condition of its own. */
enum fz_code fz_recon_as_of_filter(struct fz_list_run *run, const char *value, struct fz_err *err)
{
	(void)run;
	int day;
	if (fz_date_parse(value, &day) != FZ_OK)
		return fz_err_set(err, FZ_EBAD_VALUE, "as_of", "截至日期应为 YYYY-MM-DD 格式的日期");
	return FZ_OK;
}

static bool class_ok(const char *value, struct fz_err *err)
{
	static const char *const classes[] = {"upheld", "corrected", "other", "pending"};
	for (size_t i = 0; i < sizeof classes / sizeof classes[0]; i++)
		if (strcmp(value, classes[i]) == 0)
			return true;
	fz_err_set(err, FZ_EBAD_VALUE, "outcome_class",
		   "结果类别“%s”无效，可选 upheld（结果维持）、corrected（结果纠正）、other（其他结果）、"
		   "pending（尚未审结）",
		   value);
	return false;
}

/*
 * " AND col IN (?, ...)" of the values of opts (two tables) whose class is
 * cls, or for "other" "col NOT IN" the upheld and corrected ones, so a value
 * in neither table is "other" as classify() says. The values are bound.
 */
static void class_in(struct fz_list_run *run, const char *col, const char *cls,
		     const struct fz_option *a, const struct fz_option *b,
		     const char *(*classify)(const char *))
{
	bool other = strcmp(cls, "other") == 0;
	const char *marks = "";
	const struct fz_option *tables[] = {a, b};
	for (int t = 0; t < 2; t++)
		for (const struct fz_option *o = tables[t]; o && o->value; o++) {
			bool in = other ? strcmp(classify(o->value), "other") != 0
					: strcmp(classify(o->value), cls) == 0;
			if (!in)
				continue;
			marks = fz_arena_printf(run->ctx->arena, "%s%s?", marks, *marks ? ", " : "");
			fz_list_bind_text(run, o->value);
		}
	fz_list_where(run, fz_arena_printf(run->ctx->arena, "%s %sIN (%s)", col, other ? "NOT " : "",
					   marks));
}

/*
 * outcome_class of a reconsideration, as table 四 counts it on as_of (today
 * when absent): upheld, corrected or other for a case decided by then (by its
 * decision's class, fz_recon_result_class), pending for one accepted and not
 * decided by then.
 */
enum fz_code fz_recon_outcome_filter(struct fz_list_run *run, const char *value, struct fz_err *err)
{
	if (!class_ok(value, err))
		return err->code;
	const char *as_of = fz_list_value(run, "as_of");
	if (strcmp(value, "pending") == 0) {
		fz_list_where(run, "c.state IN ('accepted', 'suspended', 'decided')");
		if (as_of) {
			fz_list_where(run, "c.state <> 'decided' OR x.decided_on IS NULL OR x.decided_on > ?");
			fz_list_bind_text(run, as_of);
		} else {
			fz_list_where(run, "c.state <> 'decided'");
		}
		return FZ_OK;
	}
	fz_list_where(run, "c.state = 'decided'");
	if (as_of) {
		fz_list_where(run, "x.decided_on <= ?");
		fz_list_bind_text(run, as_of);
	}
	class_in(run, "x.decision", value, fz_recon_decisions, fz_recon_endings, fz_recon_result_class);
	return FZ_OK;
}

/* outcome_class of a lawsuit on as_of: the judgment's class once judged by then, else pending. */
enum fz_code fz_lit_outcome_filter(struct fz_list_run *run, const char *value, struct fz_err *err)
{
	if (!class_ok(value, err))
		return err->code;
	const char *as_of = fz_list_value(run, "as_of");
	if (strcmp(value, "pending") == 0) {
		if (as_of) {
			fz_list_where(run, "x.outcome IS NULL OR x.judged_on IS NULL OR x.judged_on > ?");
			fz_list_bind_text(run, as_of);
		} else {
			fz_list_where(run, "x.outcome IS NULL OR x.judged_on IS NULL");
		}
		return FZ_OK;
	}
	fz_list_where(run, "x.outcome IS NOT NULL AND x.judged_on IS NOT NULL");
	if (as_of) {
		fz_list_where(run, "x.judged_on <= ?");
		fz_list_bind_text(run, as_of);
	}
	class_in(run, "x.outcome", value, fz_lit_outcomes, NULL, fz_lit_result_class);
	return FZ_OK;
}

/* The fifteen cells of table 四, one compute function each (a figure names one number). */
#define RECON_CELL(fn, column)                                                                     \
	static enum fz_code fn(struct fz_ctx *ctx, int year, int64_t agency, long *value,          \
			       struct fz_err *err)                                                 \
	{                                                                                          \
		return recon_disclosure(ctx, year, agency, column, value, err);                    \
	}
#define LIT_CELL(fn, after, column)                                                                \
	static enum fz_code fn(struct fz_ctx *ctx, int year, int64_t agency, long *value,          \
			       struct fz_err *err)                                                 \
	{                                                                                          \
		return lit_disclosure(ctx, year, agency, after, column, value, err);               \
	}
RECON_CELL(rd_upheld, UPHELD)
RECON_CELL(rd_corrected, CORRECTED)
RECON_CELL(rd_other, OTHER)
RECON_CELL(rd_pending, PENDING)
RECON_CELL(rd_total, TOTAL)
LIT_CELL(ld_upheld, false, UPHELD)
LIT_CELL(ld_corrected, false, CORRECTED)
LIT_CELL(ld_other, false, OTHER)
LIT_CELL(ld_pending, false, PENDING)
LIT_CELL(ld_total, false, TOTAL)
LIT_CELL(la_upheld, true, UPHELD)
LIT_CELL(la_corrected, true, CORRECTED)
LIT_CELL(la_other, true, OTHER)
LIT_CELL(la_pending, true, PENDING)
LIT_CELL(la_total, true, TOTAL)
#undef RECON_CELL
#undef LIT_CELL

#define RECON_LIST "GET /api/reconsideration/cases"
#define LIT_LIST "GET /api/litigation/cases"
/* Every reconsideration figure is about a respondent agency; every lawsuit one about the defendant. */
#define RESP "&respondent_agency_id={agency}"
#define DEF "&agency_id={agency}"
#define RECON_COUNT(where)                                                                         \
	"SELECT COUNT(*) FROM recon_case r JOIN case_record c ON c.case_id = r.case_id WHERE " where \
	" AND (?3 = 0 OR r.respondent_agency_id = ?3)"
#define LIT_COUNT(where)                                                                           \
	"SELECT COUNT(*) FROM lit_case l JOIN case_record c ON c.case_id = l.case_id WHERE " where   \
	" AND (?3 = 0 OR c.agency_id = ?3)"
/* Table 四 cells list the year's cases about disclosure by their result on 31 December. */
#define RD "year={year}" RESP "&act_type=disclosure"
#define LD "year={year}" DEF "&act_type=disclosure&after_recon=0"
#define LA "year={year}" DEF "&act_type=disclosure&after_recon=1"
#define AS_OF "&as_of={year}-12-31"

const struct fz_figure fz_recon_figures[] = {
	{"recon.cases.received", "收到行政复议申请", "件", NULL, {RECON_LIST, "year={year}" RESP},
	 RECON_COUNT("c.received_on >= ?1 AND c.received_on <= ?2")},
	{"recon.cases.refused", "不予受理", "件", NULL,
	 {RECON_LIST, "decided_year={year}&state=refused" RESP},
	 RECON_COUNT("c.state = 'refused' AND r.decided_on >= ?1 AND r.decided_on <= ?2")},
	{"recon.decisions.total", "行政复议审结", "件", NULL,
	 {RECON_LIST, "decided_year={year}&state=decided" RESP},
	 RECON_COUNT("c.state = 'decided' AND r.decided_on >= ?1 AND r.decided_on <= ?2")},
	{"recon.decisions.corrected", "行政复议纠错（变更、撤销、确认违法、责令履行、确认无效）", "件",
	 decisions_corrected, {RECON_LIST, "decided_year={year}&outcome_class=corrected" RESP}},
	{"recon.disclosure.upheld", "政府信息公开行政复议：结果维持", "件", rd_upheld,
	 {RECON_LIST, RD "&outcome_class=upheld" AS_OF}},
	{"recon.disclosure.corrected", "政府信息公开行政复议：结果纠正", "件", rd_corrected,
	 {RECON_LIST, RD "&outcome_class=corrected" AS_OF}},
	{"recon.disclosure.other", "政府信息公开行政复议：其他结果", "件", rd_other,
	 {RECON_LIST, RD "&outcome_class=other" AS_OF}},
	{"recon.disclosure.pending", "政府信息公开行政复议：尚未审结", "件", rd_pending,
	 {RECON_LIST, RD "&outcome_class=pending" AS_OF}},
	{"recon.disclosure.total", "政府信息公开行政复议：总计", "件", rd_total,
	 {RECON_LIST, RD "&accepted=1"}},
	{"litigation.cases.received", "行政应诉案件", "件", NULL, {LIT_LIST, "year={year}" DEF},
	 LIT_COUNT("c.received_on >= ?1 AND c.received_on <= ?2")},
	{"litigation.cases.after_recon", "经行政复议后起诉的行政应诉案件", "件", NULL,
	 {LIT_LIST, "year={year}&after_recon=1" DEF},
	 LIT_COUNT("c.received_on >= ?1 AND c.received_on <= ?2 AND l.recon_case_id IS NOT NULL")},
	{"litigation.cases.judged", "行政应诉案件审结", "件", NULL, {LIT_LIST, "judged_year={year}" DEF},
	 LIT_COUNT("l.judged_on >= ?1 AND l.judged_on <= ?2")},
	{"litigation.disclosure.direct.upheld", "政府信息公开行政诉讼（未经复议直接起诉）：结果维持", "件",
	 ld_upheld, {LIT_LIST, LD "&outcome_class=upheld" AS_OF}},
	{"litigation.disclosure.direct.corrected", "政府信息公开行政诉讼（未经复议直接起诉）：结果纠正",
	 "件", ld_corrected, {LIT_LIST, LD "&outcome_class=corrected" AS_OF}},
	{"litigation.disclosure.direct.other", "政府信息公开行政诉讼（未经复议直接起诉）：其他结果", "件",
	 ld_other, {LIT_LIST, LD "&outcome_class=other" AS_OF}},
	{"litigation.disclosure.direct.pending", "政府信息公开行政诉讼（未经复议直接起诉）：尚未审结",
	 "件", ld_pending, {LIT_LIST, LD "&outcome_class=pending" AS_OF}},
	{"litigation.disclosure.direct.total", "政府信息公开行政诉讼（未经复议直接起诉）：总计", "件",
	 ld_total, {LIT_LIST, LD}},
	{"litigation.disclosure.after_recon.upheld", "政府信息公开行政诉讼（复议后起诉）：结果维持", "件",
	 la_upheld, {LIT_LIST, LA "&outcome_class=upheld" AS_OF}},
	{"litigation.disclosure.after_recon.corrected", "政府信息公开行政诉讼（复议后起诉）：结果纠正",
	 "件", la_corrected, {LIT_LIST, LA "&outcome_class=corrected" AS_OF}},
	{"litigation.disclosure.after_recon.other", "政府信息公开行政诉讼（复议后起诉）：其他结果", "件",
	 la_other, {LIT_LIST, LA "&outcome_class=other" AS_OF}},
	{"litigation.disclosure.after_recon.pending", "政府信息公开行政诉讼（复议后起诉）：尚未审结",
	 "件", la_pending, {LIT_LIST, LA "&outcome_class=pending" AS_OF}},
	{"litigation.disclosure.after_recon.total", "政府信息公开行政诉讼（复议后起诉）：总计", "件",
	 la_total, {LIT_LIST, LA}},
	{NULL},
};
