/*
 * enf_publication.c - publication of enforcement decisions (行政执法公示,
 * 三项制度, 国办发〔2018〕118号) and the withdrawal of a published penalty
 * decision later changed, revoked or declared unlawful (《行政处罚法》第48条).
 *
 * A decision of a penalty case starts a publication clock: 7 working days for
 * a decision to punish (setting enforcement.publish_penalty_days), 20 for a
 * decision not to punish (enforcement.publish_other_days), the latter only
 * where the county publishes them (enforcement.publish_no_penalty). Each
 * publication is a row of enf_publication: due → published (late when after
 * the clock's due day) → to_withdraw (the decision changed: 3 working days) →
 * withdrawn; a changed decision gets a new row (seq + 1) to publish again.
 * The portal shows published rows only, with personal data masked
 * (enf_pub_rules.c); staff see every row of a case.
 *
 * The steps (publish, change_decision, withdraw) are transitions of the
 * penalty case (enf_penalty_flow.c); enf_penalty.c hands them to
 * fz_enf_pub_hook, and its decision step calls fz_enf_pub_on_decide.
 * Not for: the masking rules themselves (enf_pub_rules.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/enforcement/enf_int.h"
#include "modules/enforcement/enf_pub_rules.h"
#include "platform/jsonx.h"
#include "platform/search.h"
#include "platform/settings.h"

const struct fz_option fz_pub_status[] = {{"due", "待公示"},
					  {"published", "已公示"},
					  {"to_withdraw", "待撤回"},
					  {"withdrawn", "已撤回"},
					  {NULL, NULL}};

const struct fz_option fz_pub_kinds[] = {
    {"penalty", "行政处罚决定（7个工作日内公示）"},
    {"other", "不予行政处罚决定等其他执法决定（20个工作日内公示）"},
    {NULL, NULL}};

/* 《行政处罚法》第48条第二款: the ways a published decision may fall. */
const struct fz_option fz_pub_change_kinds[] = {{"changed", "依法变更"},
						{"revoked", "依法撤销"},
						{"unlawful", "确认违法"},
						{"void", "确认无效"},
						{NULL, NULL}};

static const char *clock_of(const char *kind)
{
	return strcmp(kind, "penalty") == 0 ? "publication" : "publication_other";
}

/* The due day of a clock of the case as YYYY-MM-DD in the arena, or NULL. */
static const char *clock_due(struct fz_ctx *ctx, int64_t case_id, const char *clock)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, NULL, "SELECT due_date FROM case_clock WHERE case_id = ? AND name = ?", "it",
	    case_id, clock);
	const char *due =
	    st && fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	return due;
}

/* Starts the publication clock of kind on day and adds the publication row seq. */
static enum fz_code open_publication(struct fz_ctx *ctx, const struct fz_case_row *c,
				     const char *kind, int seq, const char *decided_on,
				     struct fz_err *err)
{
	int day;
	if (fz_date_parse(decided_on, &day) != FZ_OK)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "决定日期无效");
	enum fz_code rc = fz_case_clock_start(ctx, c, clock_of(kind), day, 0, err);
	if (rc)
		return rc;
	char now[21];
	fz_iso_utc(ctx->now, now);
	return fz_stmt_exec(
	    fz_db_query(
		ctx->db, err,
		"INSERT INTO enf_publication(case_id, agency_id, seq, kind, decided_on, due_on,"
		" status, late, created_at) VALUES (?,?,?,?,?,?,'due',0,?)",
		"iiIt"
		"ttt",
		c->case_id, c->agency_id, seq, kind, decided_on,
		clock_due(ctx, c->case_id, clock_of(kind)), now),
	    err);
}

enum fz_code fz_enf_pub_on_decide(struct fz_ctx *ctx, const struct fz_case_row *c, bool punish,
				  const char *decided_on, struct fz_err *err)
{
	/* 国办发〔2018〕118号: other decisions as the county publishes them (a setting). */
	if (!punish && fz_setting_int(ctx->db, "enforcement.publish_no_penalty", 1) == 0)
		return FZ_OK;
	return open_publication(ctx, c, punish ? "penalty" : "other", 1, decided_on, err);
}

bool fz_enf_pub_action(const char *name)
{
	return strcmp(name, "publish") == 0 || strcmp(name, "change_decision") == 0 ||
	       strcmp(name, "withdraw") == 0;
}

/* ---- the current publication of a case ---------------------------------------------- */

struct pub {
	int64_t id;
	int seq;
	char kind[16], status[16], decided_on[11], due_on[11], published_on[11], changed_on[11],
	    change_kind[16], withdraw_due[11];
};

static void copy(char *dst, size_t n, const char *s)
{
	snprintf(dst, n, "%s", s ? s : "");
}

static bool current(struct fz_ctx *ctx, int64_t case_id, struct pub *p)
{
	memset(p, 0, sizeof *p);
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT publication_id, seq, kind, status, decided_on, "
					 "due_on, published_on, changed_on,"
					 " change_kind, withdraw_due FROM enf_publication WHERE "
					 "case_id = ? ORDER BY seq DESC LIMIT 1",
					 "i", case_id);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		p->id = fz_col_int(st, 0);
		p->seq = (int)fz_col_int(st, 1);
		copy(p->kind, sizeof p->kind, fz_col_text(st, 2));
		copy(p->status, sizeof p->status, fz_col_text(st, 3));
		copy(p->decided_on, sizeof p->decided_on, fz_col_text(st, 4));
		copy(p->due_on, sizeof p->due_on, fz_col_text(st, 5));
		copy(p->published_on, sizeof p->published_on, fz_col_text(st, 6));
		copy(p->changed_on, sizeof p->changed_on, fz_col_text(st, 7));
		copy(p->change_kind, sizeof p->change_kind, fz_col_text(st, 8));
		copy(p->withdraw_due, sizeof p->withdraw_due, fz_col_text(st, 9));
	}
	fz_stmt_done(st);
	return ok;
}

/* The day of a step: a date, not after today, not before `after` (labelled). */
static enum fz_code step_day(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
			     const char *after, const char *after_label, int *day,
			     struct fz_err *err)
{
	const char *s = fz_json_str(in, key);
	if (!s || fz_date_parse(s, day) != FZ_OK)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请填写“%s”（%s）", label, key);
	if (*day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	if (after && after[0] && strcmp(s, after) < 0)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能早于%s（%s）", label,
				  after_label, after);
	return FZ_OK;
}

/* ---- publish: the public notice, masked --------------------------------------------- */

static enum fz_code publish(struct fz_ctx *ctx, struct fz_case_row *c, struct pub *p, json_t *in,
			    struct fz_err *err)
{
	int day;
	enum fz_code rc =
	    step_day(ctx, in, "published_on", "公示日期", p->decided_on, "决定日期", &day, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT x.party_type, x.party_name, COALESCE(x.notice_facts, x.facts), p.law_name, "
	    "p.article,"
	    " x.outcome, x.penalty_kind, x.fine_amount, x.confiscation_amount, x.no_penalty_ground,"
	    " x.decision_text, b.name, a.name,"
	    " (SELECT new_decision FROM enf_publication WHERE case_id = x.case_id AND seq = ?)"
	    " FROM enf_penalty x JOIN enf_power p ON p.item_id = x.power_id"
	    " JOIN enf_body b ON b.body_id = x.body_id JOIN agency a ON a.agency_id = ?"
	    " WHERE x.case_id = ?",
	    "Iii", p->seq - 1, c->agency_id, c->case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "处罚案件缺少案件信息");
	}
	struct fz_arena *ar = ctx->arena;
	bool citizen = strcmp(fz_col_text(st, 0), "citizen") == 0;
	const char *name = fz_arena_strdup(ar, fz_col_text(st, 1));
	const char *facts_in = fz_json_str(in, "facts");
	if (!facts_in || !facts_in[0])
		facts_in = fz_col_text(st, 2);
	facts_in = fz_arena_strdup(ar, facts_in ? facts_in : "");
	const char *basis = fz_arena_printf(ar, "%s%s", fz_col_text(st, 3),
					    fz_col_text(st, 4) ? fz_col_text(st, 4) : "");
	bool punish = strcmp(fz_col_text(st, 5), "penalty") == 0;
	const char *kind = punish ? fz_arena_strdup(ar, fz_col_text(st, 6)) : NULL;
	long fine = (long)fz_col_int(st, 7), conf = (long)fz_col_int(st, 8);
	const char *ground = fz_arena_strdup(ar, fz_col_text(st, 9));
	const char *text = fz_arena_strdup(ar, fz_col_text(st, 10));
	const char *body = fz_arena_strdup(ar, fz_col_text(st, 11));
	const char *agency = fz_arena_strdup(ar, fz_col_text(st, 12));
	const char *changed = fz_arena_strdup(ar, fz_col_text(st, 13));
	fz_stmt_done(st);

	char party[160];
	fz_pub_party_shown(citizen, name, party, sizeof party);
	size_t fn = strlen(facts_in) * 2 + 64;
	char *facts = fz_arena_alloc(ar, fn);
	fz_pub_mask(facts_in, citizen, name, facts, fn);
	/* The penalty as decided, or as changed when this is the changed decision's notice. */
	const char *decided;
	if (changed)
		decided = changed;
	else if (!punish)
		decided = fz_arena_printf(ar, "不予行政处罚（%s）",
					  fz_enf_label(fz_pen_no_penalty_grounds, ground));
	else {
		/*
		 * "罚款 200 元", "警告，并处罚款 500 元", then the decision's own words
		 * unless they only repeat the kind ("给予警告" after "警告").
		 */
		const char *label = fz_enf_label(fz_pen_kinds, kind);
		bool fine_kind = kind && strcmp(kind, "fine") == 0;
		decided = fz_arena_printf(
		    ar, "%s%s%s%s",
		    fine_kind && fine > 0 ? fz_arena_printf(ar, "罚款 %ld 元", fine) : label ? label : "",
		    !fine_kind && fine > 0 ? fz_arena_printf(ar, "，并处罚款 %ld 元", fine) : "",
		    conf > 0 ? fz_arena_printf(ar, "，没收违法所得、非法财物 %ld 元", conf) : "",
		    text && text[0] && label && !strstr(text, label) && !(fine_kind && strstr(text, "罚款"))
			? fz_arena_printf(ar, "。%s", text)
			: "");
	}
	size_t pn = strlen(decided) * 2 + 64;
	char *penalty = fz_arena_alloc(ar, pn);
	fz_pub_mask(decided, citizen, name, penalty, pn);
	bool late = p->due_on[0] && strcmp(fz_json_str(in, "published_on"), p->due_on) > 0;
	if ((rc = fz_stmt_exec(
		 fz_db_query(
		     ctx->db, err,
		     "UPDATE enf_publication SET status = 'published', published_on = ?, late = ?,"
		     " number = ?, party_shown = ?, facts_shown = ?, basis_shown = ?,"
		     " penalty_shown = ?, penalty_kind = ?, body_name = ?, agency_name = ?"
		     " WHERE publication_id = ?",
		     "tIttt"
		     "ttttt"
		     "i",
		     fz_json_str(in, "published_on"), (int)late, c->number, party, facts, basis,
		     penalty, kind, body, agency, p->id),
		 err)))
		return rc;
	const struct fz_search_field text_fields[] = {
	    {"title", fz_arena_printf(ar, "%s %s %s %s", c->number, party, agency, body)},
	    {"body", fz_arena_printf(ar, "%s\n%s\n%s", facts, basis, penalty)},
	};
	return fz_search_index(ctx->db, "enf_publication", p->id, text_fields, 2, err);
}

/* ---- 第48条: the decision changed, the notice withdrawn ---------------------------------- */

static enum fz_code change_decision(struct fz_ctx *ctx, struct fz_case_row *c, struct pub *p,
				    json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "changed_on", "变更、撤销或确认违法的日期",
				   p->published_on, "公示日期", &day, err);
	if (rc)
		return rc;
	/* 第48条第二款: three (working, 第85条) days from the day the decision fell. */
	if ((rc = fz_case_clock_start(ctx, c, "withdrawal", day, 0, err)))
		return rc;
	return fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"UPDATE enf_publication SET status = 'to_withdraw', change_kind = ?, "
			"changed_by = ?,"
			" changed_on = ?, change_note = ?, new_decision = ?, withdraw_due = ?"
			" WHERE publication_id = ?",
			"ttttt"
			"ti",
			fz_json_str(in, "change_kind"), fz_json_str(in, "changed_by"),
			fz_json_str(in, "changed_on"), fz_json_str(in, "note"),
			strcmp(fz_json_str(in, "change_kind"), "changed") == 0
			    ? fz_json_str(in, "new_decision")
			    : NULL,
			clock_due(ctx, c->case_id, "withdrawal"), p->id),
	    err);
}

static enum fz_code withdraw(struct fz_ctx *ctx, struct fz_case_row *c, struct pub *p, json_t *in,
			     struct fz_err *err)
{
	int day;
	enum fz_code rc = step_day(ctx, in, "withdrawn_on", "撤回日期", p->changed_on,
				   "变更、撤销或确认违法的日期", &day, err);
	if (rc)
		return rc;
	bool late =
	    p->withdraw_due[0] && strcmp(fz_json_str(in, "withdrawn_on"), p->withdraw_due) > 0;
	if ((rc = fz_stmt_exec(
		 fz_db_query(ctx->db, err,
			     "UPDATE enf_publication SET status = 'withdrawn', withdrawn_on = ?,"
			     " withdraw_late = ?, withdraw_note = ? WHERE publication_id = ?",
			     "tIti", fz_json_str(in, "withdrawn_on"), (int)late,
			     fz_json_str(in, "note"), p->id),
		 err)) ||
	    (rc = fz_search_remove(ctx->db, "enf_publication", p->id, err)))
		return rc;
	/* A changed decision is published again, its clock counted from the day it was changed. */
	if (strcmp(p->change_kind, "changed") == 0)
		return open_publication(ctx, c, p->kind, p->seq + 1, p->changed_on, err);
	return FZ_OK;
}

enum fz_code fz_enf_pub_hook(struct fz_ctx *ctx, struct fz_case_row *c,
			     const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	struct pub p;
	if (!current(ctx, c->case_id, &p))
		return fz_err_set(err, FZ_ESTATE, NULL, "本案的决定无须公示");
	const char *a = tr->name;
	/* The field guards (publication_due, published, withdraw_due) were checked by the engine.
	 */
	if (strcmp(a, "publish") == 0)
		return publish(ctx, c, &p, in, err);
	if (strcmp(a, "change_decision") == 0)
		return change_decision(ctx, c, &p, in, err);
	return withdraw(ctx, c, &p, in, err);
}

/* ---- the case's publication fields (the case page's group) ------------------------------ */

static json_t *pub_json(struct fz_ctx *ctx, struct fz_stmt *st, int col, bool staff)
{
	(void)ctx;
	json_t *o = json_object();
	json_object_set_new(o, "publication_id", json_integer(fz_col_int(st, col)));
	json_object_set_new(o, "seq", json_integer(fz_col_int(st, col + 1)));
	const char *kind = fz_col_text(st, col + 2), *status = fz_col_text(st, col + 3);
	fz_json_set_str(o, "kind", kind);
	fz_json_set_str(o, "kind_label", fz_enf_label(fz_pub_kinds, kind));
	if (staff) {
		fz_json_set_str(o, "status", status);
		fz_json_set_str(o, "status_label", fz_enf_label(fz_pub_status, status));
	}
	static const char *const keys[] = {
	    "decided_on",   "due_on",	    "published_on",  "number",	     "party_shown",
	    "facts_shown",  "basis_shown",  "penalty_shown", "penalty_kind", "body_name",
	    "agency_name",  "change_kind",  "changed_by",    "changed_on",   "change_note",
	    "new_decision", "withdraw_due", "withdrawn_on",  "withdraw_note"};
	size_t n = staff ? sizeof keys / sizeof keys[0] : 11;
	for (size_t i = 0; i < n; i++)
		fz_json_set_str(o, keys[i], fz_col_text(st, col + 4 + (int)i));
	if (!staff)
		json_object_del(o, "due_on");
	const char *pk = fz_col_text(st, col + 12);
	fz_json_set_str(o, "penalty_kind_label",
			pk ? fz_enf_label(fz_pen_kinds, pk) : "不予行政处罚");
	if (staff) {
		fz_json_set_str(o, "change_kind_label",
				fz_col_text(st, col + 15)
				    ? fz_enf_label(fz_pub_change_kinds, fz_col_text(st, col + 15))
				    : NULL);
		json_object_set_new(o, "late", json_boolean(fz_col_int(st, col + 23)));
		json_object_set_new(o, "withdraw_late", json_boolean(fz_col_int(st, col + 24)));
	}
	return o;
}

#define PUB_COLS                                                                                   \
	"p.publication_id, p.seq, p.kind, p.status, p.decided_on, p.due_on, p.published_on, "      \
	"p.number,"                                                                                \
	" p.party_shown, p.facts_shown, p.basis_shown, p.penalty_shown, p.penalty_kind, "          \
	"p.body_name,"                                                                             \
	" p.agency_name, p.change_kind, p.changed_by, p.changed_on, p.change_note, "               \
	"p.new_decision,"                                                                          \
	" p.withdraw_due, p.withdrawn_on, p.withdraw_note, p.late, p.withdraw_late"

enum fz_code fz_enf_pub_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT " PUB_COLS " FROM enf_publication p WHERE p.case_id = ?"
			" ORDER BY p.seq",
			"i", case_id);
	if (!st)
		return err->code;
	json_t *rows = json_array();
	const char *status = NULL;
	while (fz_stmt_row(st)) {
		json_array_append_new(rows, pub_json(ctx, st, 0, true));
		status = fz_arena_strdup(ctx->arena, fz_col_text(st, 3));
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "publications", rows);
	/* What the steps' field guards read (enf_penalty_flow.c). */
	json_object_set_new(obj, "publication_due",
			    json_boolean(status && strcmp(status, "due") == 0));
	json_object_set_new(obj, "published",
			    json_boolean(status && strcmp(status, "published") == 0));
	json_object_set_new(obj, "withdraw_due",
			    json_boolean(status && strcmp(status, "to_withdraw") == 0));
	return FZ_OK;
}

/* ---- lists: the staff's publication status, the portal's published decisions ---------- */

static json_t *staff_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = pub_json(ctx, st, 0, true);
	json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 25)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 26)));
	fz_json_set_str(o, "case_number", fz_col_text(st, 27));
	fz_json_set_str(o, "title", fz_col_text(st, 28));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 29));
	/* Overdue: due and its day passed (公示超期未公示); not yet due otherwise. */
	char today[11];
	fz_date_format(ctx->today, today);
	const char *status = fz_col_text(st, 3), *due = fz_col_text(st, 5),
		   *wdue = fz_col_text(st, 20);
	bool overdue = (strcmp(status, "due") == 0 && due && strcmp(due, today) < 0) ||
		       (strcmp(status, "to_withdraw") == 0 && wdue && strcmp(wdue, today) < 0);
	json_object_set_new(o, "overdue", json_boolean(overdue));
	return o;
}

static enum fz_code overdue_filter(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (strcmp(v, "1") != 0 && strcmp(v, "true") != 0) {
		if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
			return FZ_OK;
		return fz_err_set(err, FZ_EBAD_VALUE, "overdue", "“逾期未办”只能是 1 或 0");
	}
	char *today = fz_arena_alloc(run->ctx->arena, 11);
	fz_date_format(run->ctx->today, today);
	fz_list_where(run, "(p.status = 'due' AND p.due_on < ?) OR (p.status = 'to_withdraw' AND "
			   "p.withdraw_due < ?)");
	fz_list_bind_text(run, today);
	fz_list_bind_text(run, today);
	return FZ_OK;
}

static const char *const staff_like[] = {"c.number", "c.title", "x.party_name", NULL};

static const struct fz_list_filter staff_filters[] = {
    {.param = "status",
     .label = "公示状态",
     .kind = FZ_LF_OPTION,
     .sql = "p.status = ?",
     .options = fz_pub_status},
    {.param = "kind",
     .label = "决定类别",
     .kind = FZ_LF_OPTION,
     .sql = "p.kind = ?",
     .options = fz_pub_kinds},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "p.agency_id = ?"},
    {.param = "year",
     .label = "决定年度",
     .kind = FZ_LF_YEAR,
     .sql = "p.decided_on",
     .hint = "按决定日期所在年度筛选"},
    /* The records behind the enforcement.publications.* figures (enf_report.c). */
    {.param = "published_year", .label = "公示年度", .kind = FZ_LF_YEAR, .sql = "p.published_on"},
    {.param = "withdrawn_year", .label = "撤回年度", .kind = FZ_LF_YEAR, .sql = "p.withdrawn_on"},
    {.param = "late", .label = "超期公示", .kind = FZ_LF_FLAG, .sql = "p.late = 1"},
    {.param = "on_time",
     .label = "按期公示",
     .kind = FZ_LF_FLAG,
     .sql = "p.late = 0 AND p.published_on IS NOT NULL"},
    {.param = "overdue", .label = "逾期未办", .kind = FZ_LF_CUSTOM, .custom = overdue_filter},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = staff_like},
    {.param = NULL},
};

static const struct fz_list_sort staff_sorts[] = {
    {.name = "decided_on", .expr = "p.decided_on"},
    {.name = "due_on", .expr = "p.due_on", .nulls_last = true},
    {.name = "published_on", .expr = "p.published_on", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col staff_cols[] = {
    {.key = "case_number", .header = "案号", .width = 22},
    {.key = "title", .header = "案由", .width = 36},
    {.key = "agency_name", .header = "执法单位", .width = 22},
    {.key = "kind_label", .header = "决定类别", .width = 24},
    {.key = "decided_on", .header = "决定日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "due_on", .header = "公示期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = "status_label", .header = "公示状态", .width = 10},
    {.key = "published_on", .header = "公示日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "late", .header = "超期公示", .kind = FZ_LC_BOOL, .width = 10},
    {.key = "change_kind_label", .header = "决定变动", .width = 10},
    {.key = "changed_by", .header = "作出变动的机关", .width = 24},
    {.key = "withdraw_due", .header = "撤回期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = "withdrawn_on", .header = "撤回日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = NULL},
};

const struct fz_list fz_enf_publications_list = {
    .name = "行政执法决定公示",
    .select = PUB_COLS ", c.case_id, c.agency_id, c.number, c.title, a.name",
    .from =
	"enf_publication p JOIN case_record c ON c.case_id = p.case_id"
	" JOIN enf_penalty x ON x.case_id = p.case_id JOIN agency a ON a.agency_id = p.agency_id",
    .scope = "p.agency_id",
    .filters = staff_filters,
    .sorts = staff_sorts,
    .sort_default = "-decided_on",
    .tiebreak = "p.publication_id",
    .row = staff_row,
    .columns = staff_cols,
};

static json_t *public_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = pub_json(ctx, st, 0, false);
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 25)));
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 26)));
	return o;
}

static const char *const public_like[] = {"p.number", "p.party_shown", "p.agency_name", NULL};

static const struct fz_list_filter public_filters[] = {
    {.param = "agency_id", .label = "执法单位", .kind = FZ_LF_AGENCY, .sql = "p.agency_id = ?",
     .tally = true},
    {.param = "year", .label = "决定年度", .kind = FZ_LF_YEAR, .sql = "p.decided_on", .tally = true},
    {.param = "penalty_kind",
     .label = "处罚种类",
     .kind = FZ_LF_OPTION,
     .sql = "p.penalty_kind = ?",
     .options = fz_pen_kinds,
     .tally = true},
    {.param = "kind",
     .label = "决定类别",
     .kind = FZ_LF_OPTION,
     .sql = "p.kind = ?",
     .options = fz_pub_kinds,
     .tally = true},
    {.param = "q",
     .label = "关键词",
     .kind = FZ_LF_KEYWORD,
     .max_chars = 50,
     .index = "enf_publication",
     .key = "p.publication_id",
     .like = public_like},
    {.param = NULL},
};

static const struct fz_list_sort public_sorts[] = {
    {.name = "published_on", .expr = "p.published_on"},
    {.name = "decided_on", .expr = "p.decided_on"},
    {.name = NULL},
};

/* The portal shows a notice from its publication until it is withdrawn (第48条). */
#define PUBLIC_WHERE "p.status IN ('published', 'to_withdraw')"

const struct fz_list fz_enf_public_decisions_list = {
    .name = "行政执法决定公示（门户）",
    .select = PUB_COLS ", p.agency_id, x.body_id",
    .from = "enf_publication p JOIN enf_penalty x ON x.case_id = p.case_id",
    /* The page's notices from the index of public notices, then 20 rows joined. */
    .key_from = "enf_publication p",
    .key_aliases = "p",
    .key = "p.publication_id",
    /* Total and counts by penalty kind from the trigger-kept counts (enforcement-013). */
    .tally_from = "enf_pub_tally p",
    .where = PUBLIC_WHERE,
    .filters = public_filters,
    .facet = "penalty_kind",
    .sorts = public_sorts,
    .sort_default = "-published_on",
    .tiebreak = "p.publication_id",
    .row = public_row,
};

enum fz_code fz_enf_public_decision(struct fz_ctx *ctx, int64_t id, json_t **out,
				    struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT " PUB_COLS ", p.agency_id, x.body_id FROM enf_publication p"
			" JOIN enf_penalty x ON x.case_id = p.case_id"
			" WHERE p.publication_id = ? AND " PUBLIC_WHERE,
			"i", id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, "公示信息不存在");
	}
	*out = public_row(ctx, st, NULL);
	fz_stmt_done(st);
	return FZ_OK;
}

/* ---- 第39条: each body's enforcement basis, procedure and remedies --------------------- */

/*
 * What a body shows when it has not written its own: the procedure of the
 * 行政处罚法 and the remedies every party has. A body may replace either.
 */
const struct fz_input fz_enf_publicity_inputs[] = {
    {.name = "procedure_text", .label = "执法程序", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
    {.name = "remedies", .label = "救济渠道", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
    {.name = NULL}};

static const char default_procedure[] =
    "普通程序：立案 → 调查取证（执法人员不少于两人，出示执法证件）→ "
    "告知拟作出的行政处罚内容及事实、理由、依据和"
    "当事人的陈述、申辩、要求听证权利 → 听取陈述申辩或者举行听证 → 法制审核（重大执法决定）→ "
    "作出决定 → 送达 → 执行"
    "（《行政处罚法》第五章第三节、第四节）。简易程序：违法事实确凿并有法定依据，对公民处二百元以下"
    "、对法人或者"
    "其他组织处三千元以下罚款或者警告的，可以当场作出决定（第五十一条）。";

static const char default_remedies[] =
    "当事人对行政处罚决定不服的，可以自知道该决定之日起六十日内申请行政复议（《行政复议法》第二十条"
    "），或者自知道"
    "作出决定之日起六个月内向人民法院提起行政诉讼（《行政诉讼法》第四十六条）；当事人有权进行陈述和"
    "申辩，"
    "符合条件的有权要求听证（《行政处罚法》第七条、第六十三条）。";

enum fz_code fz_enf_body_publicity(struct fz_ctx *ctx, int64_t body_id, bool public_only,
				   json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT b.body_id, b.name, a.name, b.legal_basis, b.procedure_text, b.remedies, "
	    "b.status"
	    " FROM enf_body b JOIN agency a ON a.agency_id = b.agency_id WHERE b.body_id = ?",
	    "i", body_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st) || (public_only && strcmp(fz_col_text(st, 6), "published") != 0)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, "执法主体不存在");
	}
	json_t *o = json_object();
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "name", fz_col_text(st, 1));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 2));
	fz_json_set_str(o, "legal_basis", fz_col_text(st, 3));
	const char *proc = fz_col_text(st, 4), *rem = fz_col_text(st, 5);
	fz_json_set_str(o, "procedure_text", proc && proc[0] ? proc : default_procedure);
	fz_json_set_str(o, "remedies", rem && rem[0] ? rem : default_remedies);
	json_object_set_new(o, "procedure_default", json_boolean(!(proc && proc[0])));
	json_object_set_new(o, "remedies_default", json_boolean(!(rem && rem[0])));
	fz_json_set_str(o, "article",
			"《行政处罚法》第三十九条：行政处罚的实施机关、立案依据、实施程序和救济渠道"
			"等信息应当公示");
	fz_stmt_done(st);
	*out = o;
	return FZ_OK;
}

enum fz_code fz_enf_body_publicity_set(struct fz_ctx *ctx, int64_t body_id, json_t *in,
				       json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT agency_id FROM enf_body WHERE body_id = ?", "i", body_id);
	if (!st)
		return err->code;
	int64_t agency = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	enum fz_code rc = agency ? fz_enf_need_edit(ctx, agency, err)
				 : fz_err_set(err, FZ_ENOT_FOUND, NULL, "执法主体不存在");
	if (rc)
		return rc;
	const char *proc = fz_json_str(in, "procedure_text"), *rem = fz_json_str(in, "remedies");
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	rc = fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"UPDATE enf_body SET procedure_text = ?, remedies = ? WHERE body_id = ?",
			"tti", proc && proc[0] ? proc : NULL, rem && rem[0] ? rem : NULL, body_id),
	    err);
	if (!rc) {
		rc = fz_enf_audit(ctx, "enf_body", "body_publicity",
				  fz_arena_printf(ctx->arena, "执法主体 %lld 的第三十九条公示信息",
						  (long long)body_id),
				  fz_json_text(ctx->arena, in, NULL), NULL, NULL, err);
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	return rc ? rc : fz_enf_body_publicity(ctx, body_id, false, out, err);
}
