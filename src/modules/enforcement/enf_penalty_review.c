/*
 * enf_penalty_review.c - three supervised pieces of a penalty case beside
 * its main procedure:
 *   - the legal review (法制审核, 《行政处罚法》第五十八条): each submission is
 *     a round with its due day (a local period, setting
 *     enforcement.legal_review_days) and its opinion; 修改后同意 names what
 *     must change, 不同意 its reasons; the reviewers' queue and its counts;
 *   - the filing of a major penalty decision with the justice bureau
 *     (重大行政处罚备案): a period from the decision (setting
 *     enforcement.major_filing_days), the agency's filing, the bureau's
 *     receipt or return with an opinion;
 *   - evidence preservation (先行登记保存, 第五十六条): the items, the head's
 *     approval, the handling decision within seven working days.
 *
 * The steps are transitions of the penalty case (enf_penalty_flow.c); this
 * file keeps their tables, the checks that need the store, and the lists.
 * A refusal returns before anything is written. Not for: the review gate of
 * the decision (enf_penalty.c's review_ok field) or the first reviewer's
 * qualification (enf_penalty.c review()).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

static const struct fz_option round_status[] = {
	{"awaiting", "待审核"},  {"pass", "同意"},           {"amend", "修改后同意"},
	{"fail", "不同意"},      {"withdrawn", "撤销立案，审核终止"}, {NULL, NULL}};

static const struct fz_option filing_states[] = {
	{"due", "待报送备案"}, {"filed", "已报送，待审查"}, {"received", "已备案"}, {NULL, NULL}};

static int in_day(json_t *in, const char *key)
{
	int d;
	const char *s = fz_json_str(in, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static const char *in_text(json_t *in, const char *key)
{
	const char *s = fz_json_str(in, key);
	return s && !fz_text_blank(s) ? s : NULL;
}

/* A step's day: given, not after today, not before `after` (a 'YYYY-MM-DD' or NULL). */
static enum fz_code day_of(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
			   const char *after, const char *after_label, int *day, struct fz_err *err)
{
	*day = in_day(in, key);
	if (*day < 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请填写“%s”（%s）", label, key);
	if (*day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	int before;
	if (after && fz_date_parse(after, &before) == FZ_OK && *day < before)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能早于%s（%s）", label, after_label, after);
	return FZ_OK;
}

/* One text column of one row, copied into the arena, or NULL. */
static const char *text1(struct fz_ctx *ctx, const char *sql, int64_t id)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, sql, "i", id);
	const char *v = NULL;
	if (st && fz_stmt_row(st) && !fz_col_null(st, 0))
		v = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
	fz_stmt_done(st);
	return v;
}

/* The due day of a clock of the case as the engine stored it, or NULL. */
static const char *clock_due(struct fz_ctx *ctx, int64_t case_id, const char *name)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT due_date FROM case_clock WHERE case_id = ? AND name = ?",
					 "it", case_id, name);
	const char *v = NULL;
	if (st && fz_stmt_row(st) && !fz_col_null(st, 0))
		v = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
	fz_stmt_done(st);
	return v;
}

static void now_iso(struct fz_ctx *ctx, char now[21])
{
	fz_iso_utc(ctx->now, now);
}

/* ---- 法制审核 (第五十八条) ------------------------------------------------------ */

static enum fz_code submit(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, struct fz_err *err)
{
	int day;
	const char *filed = text1(ctx, "SELECT filed_on FROM enf_penalty WHERE case_id = ?", c->case_id);
	enum fz_code rc = day_of(ctx, in, "submitted_on", "提交日期", filed, "立案日期", &day, err);
	if (rc || (rc = fz_case_clock_start(ctx, c, "legal_review", day, 0, err)))
		return rc;
	char now[21];
	now_iso(ctx, now);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"INSERT INTO enf_review_round(case_id, agency_id, submitted_on, due_on,"
				" submit_note, created_at) VALUES (?,?,?,?,?,?)",
				"iittt" "t", c->case_id, c->agency_id, fz_json_str(in, "submitted_on"),
				clock_due(ctx, c->case_id, "legal_review"), in_text(in, "note"), now),
		    err);
}

static enum fz_code review(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT round_id, submitted_on FROM enf_review_round WHERE case_id = ?"
					 " AND opinion IS NULL ORDER BY round_id DESC LIMIT 1",
					 "i", c->case_id);
	if (!st)
		return err->code;
	int64_t round = 0;
	const char *submitted = NULL;
	if (fz_stmt_row(st)) {
		round = fz_col_int(st, 0);
		submitted = fz_arena_strdup(ctx->arena, fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	int day;
	enum fz_code rc = day_of(ctx, in, "reviewed_on", "审核日期", submitted, "提交法制审核日期", &day, err);
	if (rc)
		return rc;
	/* Who handled the case does not review it: the review is a check by someone else. */
	int64_t reviewer = json_integer_value(json_object_get(in, "reviewer_id"));
	st = fz_db_query(ctx->db, err,
			 "SELECT o.name FROM enf_penalty_officer x JOIN enf_officer o ON o.officer_id = x.officer_id"
			 " WHERE x.case_id = ? AND x.officer_id = ?",
			 "ii", c->case_id, reviewer);
	if (!st)
		return err->code;
	const char *own = fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	if (own)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer_id",
				  "%s是本案承办的执法人员，不能担任本案的法制审核人员", own);
	const char *opinion = fz_json_str(in, "opinion");
	const char *changes = strcmp(opinion, "amend") == 0 ? in_text(in, "changes") : NULL;
	const char *reasons = strcmp(opinion, "fail") == 0 ? in_text(in, "reasons") : NULL;
	if (!round) /* a case that reached review before the rounds were kept */
		return FZ_OK;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_review_round SET reviewed_on = ?, reviewer_id = ?, opinion = ?,"
				" changes = ?, reasons = ?, note = ? WHERE round_id = ?",
				"tittt" "ti", fz_json_str(in, "reviewed_on"), reviewer, opinion, changes, reasons,
				fz_json_str(in, "note"), round),
		    err);
}

/* ---- 重大行政处罚备案 ------------------------------------------------------------ */

static enum fz_code decided(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT major FROM enf_penalty WHERE case_id = ?",
					 "i", c->case_id);
	if (!st)
		return err->code;
	bool major = fz_stmt_row(st) && fz_col_int(st, 0) != 0;
	fz_stmt_done(st);
	const char *outcome = fz_json_str(in, "outcome");
	int day = in_day(in, "decided_on");
	/* Only a decision to punish is a penalty decision to file; the engine checked the day. */
	if (!major || !outcome || strcmp(outcome, "penalty") != 0 || day < 0)
		return FZ_OK;
	enum fz_code rc = fz_case_clock_start(ctx, c, "major_filing", day, 0, err);
	if (rc)
		return rc;
	char now[21];
	now_iso(ctx, now);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"INSERT INTO enf_major_filing(case_id, agency_id, decided_on, due_on, state,"
				" created_at) VALUES (?,?,?,?,'due',?)",
				"iittt", c->case_id, c->agency_id, fz_json_str(in, "decided_on"),
				clock_due(ctx, c->case_id, "major_filing"), now),
		    err);
}

static enum fz_code file_major(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			       struct fz_err *err)
{
	const char *after = text1(ctx,
				  "SELECT COALESCE(returned_on, decided_on) FROM enf_major_filing WHERE case_id = ?",
				  c->case_id);
	const char *label = text1(ctx, "SELECT returned_on FROM enf_major_filing WHERE case_id = ?",
				  c->case_id)
				    ? "退回日期"
				    : "决定日期";
	int day;
	enum fz_code rc = day_of(ctx, in, "filed_on", "报送备案日期", after, label, &day, err);
	if (rc)
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_major_filing SET state = 'filed', filed_on = ?, note = ?"
				" WHERE case_id = ?",
				"tti", fz_json_str(in, "filed_on"), in_text(in, "note"), c->case_id),
		    err);
}

static enum fz_code receive_filing(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				   struct fz_err *err)
{
	const char *filed = text1(ctx, "SELECT filed_on FROM enf_major_filing WHERE case_id = ?", c->case_id);
	int day;
	enum fz_code rc = day_of(ctx, in, "received_on", "收到备案日期", filed, "报送备案日期", &day, err);
	if (rc)
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_major_filing SET state = 'received', received_on = ?,"
				" receipt_note = ? WHERE case_id = ?",
				"tti", fz_json_str(in, "received_on"), in_text(in, "note"), c->case_id),
		    err);
}

static enum fz_code return_filing(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
				  struct fz_err *err)
{
	const char *filed = text1(ctx, "SELECT filed_on FROM enf_major_filing WHERE case_id = ?", c->case_id);
	int day;
	enum fz_code rc = day_of(ctx, in, "returned_on", "退回日期", filed, "报送备案日期", &day, err);
	if (rc)
		return rc;
	/* The agency files again within the same period, counted from the return. */
	if ((rc = fz_case_clock_start(ctx, c, "major_filing", day, 0, err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_major_filing SET state = 'due', returned_on = ?, return_opinion = ?,"
				" returns = returns + 1, filed_on = NULL, due_on = ? WHERE case_id = ?",
				"ttti", fz_json_str(in, "returned_on"), fz_json_str(in, "opinion"),
				clock_due(ctx, c->case_id, "major_filing"), c->case_id),
		    err);
}

/* ---- 先行登记保存 (第五十六条) --------------------------------------------------- */

static enum fz_code preserve(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, struct fz_err *err)
{
	const char *filed = text1(ctx, "SELECT filed_on FROM enf_penalty WHERE case_id = ?", c->case_id);
	int day, approved;
	enum fz_code rc = day_of(ctx, in, "preserved_on", "登记保存日期", filed, "立案日期", &day, err);
	if (rc || (rc = day_of(ctx, in, "approved_on", "负责人批准日期", filed, "立案日期", &approved, err)))
		return rc;
	if (approved > day)
		return fz_err_set(err, FZ_EBAD_DATE, "approved_on",
				  "《行政处罚法》第五十六条：先行登记保存须经行政机关负责人批准，批准日期（%s）不能晚于登记保存日期（%s）",
				  fz_json_str(in, "approved_on"), fz_json_str(in, "preserved_on"));
	if ((rc = fz_case_clock_start(ctx, c, "preservation", day, 0, err)))
		return rc;
	char now[21];
	now_iso(ctx, now);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"INSERT INTO enf_preservation(case_id, agency_id, preserved_on, items, approver,"
				" approved_on, due_on, created_at) VALUES (?,?,?,?,?,?,?,?)",
				"iittt" "ttt", c->case_id, c->agency_id, fz_json_str(in, "preserved_on"),
				fz_json_str(in, "items"), fz_json_str(in, "approver"), fz_json_str(in, "approved_on"),
				clock_due(ctx, c->case_id, "preservation"), now),
		    err);
}

static enum fz_code handle(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT preservation_id, preserved_on, due_on FROM enf_preservation"
					 " WHERE case_id = ? AND handled_on IS NULL ORDER BY preservation_id DESC LIMIT 1",
					 "i", c->case_id);
	if (!st)
		return err->code;
	int64_t id = 0;
	const char *from = NULL, *due = NULL;
	if (fz_stmt_row(st)) {
		id = fz_col_int(st, 0);
		from = fz_arena_strdup(ctx->arena, fz_col_text(st, 1));
		due = fz_col_null(st, 2) ? NULL : fz_arena_strdup(ctx->arena, fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!id)
		return fz_err_set(err, FZ_ESTATE, NULL, "本案没有待处理的先行登记保存");
	int day;
	enum fz_code rc = day_of(ctx, in, "handled_on", "处理决定日期", from, "登记保存日期", &day, err);
	if (rc)
		return rc;
	const char *late = in_text(in, "late_reason");
	int due_day;
	bool is_late = due && fz_date_parse(due, &due_day) == FZ_OK && day > due_day;
	if (is_late && !late)
		return fz_err_set(err, FZ_EBAD_VALUE, "late_reason",
				  "《行政处罚法》第五十六条：先行登记保存应当在七日内作出处理决定（%s 登记保存，期限至 %s）；"
				  "%s 作出的，请填写“超过七日作出处理决定的原因”（late_reason）",
				  from, due, fz_json_str(in, "handled_on"));
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_preservation SET handled_on = ?, handling = ?, handling_note = ?,"
				" late_reason = ? WHERE preservation_id = ?",
				"tttti", fz_json_str(in, "handled_on"), fz_json_str(in, "handling"),
				fz_json_str(in, "note"), is_late ? late : NULL, id),
		    err);
}

enum fz_code fz_enf_review_step(struct fz_ctx *ctx, struct fz_case_row *c,
				const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	const char *a = tr->name;
	if (strcmp(a, "submit_review") == 0)
		return submit(ctx, c, in, err);
	if (strcmp(a, "review") == 0)
		return review(ctx, c, in, err);
	if (strcmp(a, "decide") == 0)
		return decided(ctx, c, in, err);
	if (strcmp(a, "file_major") == 0)
		return file_major(ctx, c, in, err);
	if (strcmp(a, "receive_filing") == 0)
		return receive_filing(ctx, c, in, err);
	if (strcmp(a, "return_filing") == 0)
		return return_filing(ctx, c, in, err);
	if (strcmp(a, "preserve") == 0)
		return preserve(ctx, c, in, err);
	if (strcmp(a, "handle_preservation") == 0)
		return handle(ctx, c, in, err);
	if (strcmp(a, "cancel") == 0) /* a review still awaited ends with the case */
		return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE enf_review_round SET opinion = 'withdrawn' WHERE case_id = ?"
					" AND opinion IS NULL",
					"i", c->case_id),
			    err);
	return FZ_OK;
}

/* ---- the case's fields ------------------------------------------------------------ */

static bool late_row(struct fz_ctx *ctx, const char *due, const char *done)
{
	int d, t;
	if (!due || fz_date_parse(due, &d) != FZ_OK)
		return false;
	if (done && fz_date_parse(done, &t) == FZ_OK)
		return t > d;
	return ctx->today > d;
}

enum fz_code fz_enf_review_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				  struct fz_err *err)
{
	json_object_set_new(obj, "legal_review_days",
			    json_integer(fz_setting_int(ctx->db, "enforcement.legal_review_days", 5)));
	json_t *rounds = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.submitted_on, r.due_on, r.reviewed_on, o.name, r.opinion, r.changes, r.reasons,"
		" r.note, o.legal_qualification FROM enf_review_round r"
		" LEFT JOIN enf_officer o ON o.officer_id = r.reviewer_id WHERE r.case_id = ? ORDER BY r.round_id",
		"i", case_id);
	if (!st) {
		json_decref(rounds);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		const char *opinion = fz_col_null(st, 4) ? "awaiting" : fz_col_text(st, 4);
		json_t *r = json_object();
		json_object_set_new(r, "round", json_integer((json_int_t)json_array_size(rounds) + 1));
		fz_json_set_str(r, "submitted_on", fz_col_text(st, 0));
		fz_json_set_str(r, "due_on", fz_col_text(st, 1));
		fz_json_set_str(r, "reviewed_on", fz_col_text(st, 2));
		fz_json_set_str(r, "reviewer_name", fz_col_text(st, 3));
		fz_json_set_str(r, "status", opinion);
		fz_json_set_str(r, "status_label", fz_enf_label(round_status, opinion));
		fz_json_set_str(r, "changes", fz_col_text(st, 5));
		fz_json_set_str(r, "reasons", fz_col_text(st, 6));
		fz_json_set_str(r, "note", fz_col_text(st, 7));
		json_object_set_new(r, "overdue",
				    json_boolean(strcmp(opinion, "withdrawn") != 0 &&
						 late_row(ctx, fz_col_text(st, 1), fz_col_text(st, 2))));
		json_array_append_new(rounds, r);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "review_rounds", rounds);

	json_t *filing = json_null();
	const char *fstate = NULL;
	st = fz_db_query(ctx->db, err,
			 "SELECT state, decided_on, due_on, filed_on, received_on, returned_on, return_opinion,"
			 " returns, note, receipt_note FROM enf_major_filing WHERE case_id = ?",
			 "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		fstate = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		filing = json_object();
		fz_json_set_str(filing, "state", fstate);
		fz_json_set_str(filing, "state_label",
				strcmp(fstate, "due") == 0 && fz_col_int(st, 7) > 0
					? "已退回，待重新报送"
					: fz_enf_label(filing_states, fstate));
		static const char *const keys[] = {"decided_on", "due_on", "filed_on", "received_on",
						   "returned_on", "return_opinion"};
		for (int i = 0; i < 6; i++)
			fz_json_set_str(filing, keys[i], fz_col_text(st, 1 + i));
		json_object_set_new(filing, "returns", json_integer(fz_col_int(st, 7)));
		fz_json_set_str(filing, "note", fz_col_text(st, 8));
		fz_json_set_str(filing, "receipt_note", fz_col_text(st, 9));
		json_object_set_new(filing, "overdue",
				    json_boolean(late_row(ctx, fz_col_text(st, 2), fz_col_text(st, 3))));
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "major_filing", filing);
	/* The filing steps' guard reads this field (enf_penalty_flow.c). */
	fz_json_set_str(obj, "major_filing_state", fstate);
	json_object_set_new(obj, "major_filing_days",
			    json_integer(fz_setting_int(ctx->db, "enforcement.major_filing_days", 15)));

	json_t *kept = json_array();
	bool open = false;
	st = fz_db_query(ctx->db, err,
			 "SELECT preserved_on, items, approver, approved_on, due_on, handled_on, handling,"
			 " handling_note, late_reason FROM enf_preservation WHERE case_id = ?"
			 " ORDER BY preservation_id",
			 "i", case_id);
	if (!st) {
		json_decref(kept);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *p = json_object();
		static const char *const keys[] = {"preserved_on", "items", "approver", "approved_on",
						   "due_on", "handled_on", "handling"};
		for (int i = 0; i < 7; i++)
			fz_json_set_str(p, keys[i], fz_col_text(st, i));
		const char *h = fz_col_text(st, 6);
		fz_json_set_str(p, "handling_label", h ? fz_enf_label(fz_pen_preservation_handlings, h) : NULL);
		fz_json_set_str(p, "handling_note", fz_col_text(st, 7));
		fz_json_set_str(p, "late_reason", fz_col_text(st, 8));
		json_object_set_new(p, "overdue", json_boolean(late_row(ctx, fz_col_text(st, 4), fz_col_text(st, 5))));
		open = open || fz_col_null(st, 5);
		json_array_append_new(kept, p);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "preservations", kept);
	json_object_set_new(obj, "preservation_open", json_boolean(open));
	return FZ_OK;
}

/* ---- eligible reviewers ----------------------------------------------------------- */

enum fz_code fz_enf_review_reviewers(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				     struct fz_err *err)
{
	/* The agency's officers on duty on the legal-review post, qualified, or who reviewed before;
	 * the case's own officers are left out (they may not review their case). */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT o.officer_id, o.name, b.name, o.post, o.legal_qualification,"
		" (SELECT COUNT(*) FROM enf_penalty_review v WHERE v.reviewer_id = o.officer_id)"
		" FROM enf_officer o JOIN enf_body b ON b.body_id = o.body_id"
		" WHERE o.agency_id = (SELECT agency_id FROM case_record WHERE case_id = ?)"
		" AND o.status = 'on_duty'"
		" AND NOT EXISTS (SELECT 1 FROM enf_penalty_officer x WHERE x.case_id = ? AND x.officer_id = o.officer_id)"
		" AND (o.post = 'legal_review' OR o.legal_qualification = 1"
		"  OR EXISTS (SELECT 1 FROM enf_penalty_review v WHERE v.reviewer_id = o.officer_id))"
		" ORDER BY o.legal_qualification DESC, o.officer_id LIMIT 100",
		"ii", case_id, case_id);
	if (!st)
		return err->code;
	json_t *a = json_array();
	while (fz_stmt_row(st)) {
		bool qualified = fz_col_int(st, 4) != 0;
		long reviews = (long)fz_col_int(st, 5);
		bool eligible = qualified || reviews > 0;
		json_t *o = json_object();
		json_object_set_new(o, "officer_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(o, "name", fz_col_text(st, 1));
		fz_json_set_str(o, "body_name", fz_col_text(st, 2));
		fz_json_set_str(o, "post_label", fz_enf_label(fz_enf_posts, fz_col_text(st, 3)));
		json_object_set_new(o, "legal_qualification", json_boolean(qualified));
		json_object_set_new(o, "reviews", json_integer(reviews));
		json_object_set_new(o, "eligible", json_boolean(eligible));
		fz_json_set_str(o, "qualification_label",
				qualified ? "已取得法律职业资格"
					  : (reviews > 0 ? fz_arena_printf(ctx->arena, "未登记法律职业资格，已审核 %ld 件", reviews)
							 : "未登记法律职业资格，初次审核不符合第五十八条第二款"));
		json_array_append_new(a, o);
	}
	fz_stmt_done(st);
	*out = json_pack("{s:o}", "reviewers", a);
	return FZ_OK;
}

/* ---- the review queue (platform/lists.h) ------------------------------------------- */

/* Overdue: answered after its due day, or still awaited (case under review) past it. */
#define REVIEW_OVERDUE                                                                            \
	"((r.reviewed_on IS NOT NULL AND r.reviewed_on > r.due_on) OR (r.opinion IS NULL"         \
	" AND c.state = 'reviewing' AND r.due_on < ?))"

static enum fz_code today_flag(struct fz_list_run *run, const char *cond, const char *v,
			       const char *param, struct fz_err *err)
{
	if (strcmp(v, "0") == 0 || strcmp(v, "false") == 0)
		return FZ_OK;
	if (strcmp(v, "1") != 0 && strcmp(v, "true") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, param, "“超期”应为 1（是）或 0（否）");
	char d[11];
	fz_date_format(run->ctx->today, d);
	fz_list_where(run, cond);
	fz_list_bind_text(run, fz_arena_strdup(run->ctx->arena, d));
	return FZ_OK;
}

static enum fz_code review_overdue(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	return today_flag(run, REVIEW_OVERDUE, v, "overdue", err);
}

static json_t *review_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	const char *status = fz_col_null(st, 17) ? "awaiting" : fz_col_text(st, 17);
	json_object_set_new(o, "round_id", json_integer(fz_col_int(st, 13)));
	fz_json_set_str(o, "submitted_on", fz_col_text(st, 14));
	fz_json_set_str(o, "review_due_on", fz_col_text(st, 15));
	fz_json_set_str(o, "reviewed_on", fz_col_text(st, 16));
	fz_json_set_str(o, "status", status);
	fz_json_set_str(o, "status_label", fz_enf_label(round_status, status));
	fz_json_set_str(o, "reviewer_name", fz_col_text(st, 18));
	fz_json_set_str(o, "party_name", fz_col_text(st, 19));
	fz_json_set_str(o, "body_name", fz_col_text(st, 20));
	json_object_set_new(o, "major", json_boolean(fz_col_int(st, 21)));
	bool awaited = strcmp(status, "awaiting") == 0 && strcmp(fz_col_text(st, 4), "reviewing") == 0;
	/* The row's time limit is the review's own: days left while awaited, none once answered. */
	fz_case_due_json(ctx, o, awaited ? fz_col_text(st, 15) : NULL, "wd");
	fz_json_set_str(o, "due_kind", "deadline");
	json_object_set_new(o, "overdue",
			    json_boolean(strcmp(status, "withdrawn") != 0 &&
					 (awaited || !fz_col_null(st, 16)) &&
					 late_row(ctx, fz_col_text(st, 15), fz_col_text(st, 16))));
	return o;
}

static const char *const review_like[] = {"c.number", "c.title", "x.party_name", NULL};

static const struct fz_list_filter review_filters[] = {
	{.param = "year", .label = "提交年度", .kind = FZ_LF_YEAR, .sql = "r.submitted_on",
	 .hint = "按提交法制审核日期所在年度筛选"},
	{.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "r.agency_id = ?"},
	{.param = "status", .label = "审核状态", .kind = FZ_LF_OPTION,
	 .sql = "COALESCE(r.opinion, 'awaiting') = ?", .options = round_status},
	{.param = "state", .label = "案件状态", .kind = FZ_LF_STATE, .sql = "c.state = ?",
	 .type = &fz_enf_penalty_type},
	{.param = "overdue", .label = "超期", .kind = FZ_LF_CUSTOM, .custom = review_overdue},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = review_like},
	{.param = NULL},
};

static const struct fz_list_sort review_sorts[] = {
	/* Awaited reviews first, the nearest due day first. */
	{.name = "due_on", .expr = "CASE WHEN r.opinion IS NULL THEN 0 ELSE 1 END, r.due_on"},
	{.name = "submitted_on", .expr = "r.submitted_on"},
	{.name = "reviewed_on", .expr = "r.reviewed_on", .nulls_last = true},
	{.name = NULL},
};

static const struct fz_list_col review_cols[] = {
	{.key = "number", .header = "案号", .width = 22},
	{.key = "title", .header = "案由", .width = 36},
	{.key = "party_name", .header = "当事人", .width = 24},
	{.key = "agency_name", .header = "执法单位", .width = 24},
	{.key = "submitted_on", .header = "提交审核日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "review_due_on", .header = "审核期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = "days_left", .header = "剩余工作日", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "status_label", .header = "审核状态", .width = 14},
	{.key = "reviewed_on", .header = "审核日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "reviewer_name", .header = "审核人员", .width = 12},
	{.key = "overdue", .header = "超期", .kind = FZ_LC_BOOL, .width = 8},
	{.key = "major", .header = "重大案件", .kind = FZ_LC_BOOL, .width = 10},
	{.key = NULL},
};

const struct fz_list fz_enf_reviews_list = {
	.name = "法制审核",
	.select = FZ_CASE_ROW_COLS ", r.round_id, r.submitted_on, r.due_on, r.reviewed_on, r.opinion,"
				   " o.name, x.party_name, b.name, x.major",
	.from = "enf_review_round r JOIN case_record c ON c.case_id = r.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id JOIN enf_penalty x ON x.case_id = c.case_id"
		" JOIN enf_body b ON b.body_id = x.body_id"
		" LEFT JOIN enf_officer o ON o.officer_id = r.reviewer_id",
	.scope = "c.agency_id",
	.filters = review_filters,
	.sorts = review_sorts,
	.sort_default = "due_on",
	.tiebreak = "r.round_id",
	.row = review_row,
	.columns = review_cols,
};

/* ---- the major filings (重大行政处罚备案) ------------------------------------------- */

#define FILING_OVERDUE                                                                            \
	"((f.filed_on IS NOT NULL AND f.filed_on > f.due_on) OR (f.state = 'due' AND f.due_on < ?))"

static enum fz_code filing_overdue(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	return today_flag(run, FILING_OVERDUE, v, "overdue", err);
}

static json_t *filing_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	const char *state = fz_col_text(st, 13);
	fz_json_set_str(o, "filing_state", state);
	fz_json_set_str(o, "filing_state_label",
			strcmp(state, "due") == 0 && fz_col_int(st, 19) > 0 ? "已退回，待重新报送"
									  : fz_enf_label(filing_states, state));
	static const char *const keys[] = {"decided_on", "filing_due_on", "filed_on", "received_on",
					   "returned_on"};
	for (int i = 0; i < 5; i++)
		fz_json_set_str(o, keys[i], fz_col_text(st, 14 + i));
	json_object_set_new(o, "returns", json_integer(fz_col_int(st, 19)));
	fz_json_set_str(o, "party_name", fz_col_text(st, 20));
	json_object_set_new(o, "fine_amount", fz_col_null(st, 21) ? json_null() : json_integer(fz_col_int(st, 21)));
	fz_case_due_json(ctx, o, strcmp(state, "due") == 0 ? fz_col_text(st, 15) : NULL, "cd");
	fz_json_set_str(o, "due_kind", "deadline");
	json_object_set_new(o, "overdue", json_boolean(late_row(ctx, fz_col_text(st, 15), fz_col_text(st, 16))));
	return o;
}

static const char *const filing_like[] = {"c.number", "c.title", "x.party_name", NULL};

static const struct fz_list_filter filing_filters[] = {
	{.param = "year", .label = "决定年度", .kind = FZ_LF_YEAR, .sql = "f.decided_on"},
	{.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "f.agency_id = ?"},
	{.param = "state", .label = "备案状态", .kind = FZ_LF_OPTION, .sql = "f.state = ?",
	 .options = filing_states},
	{.param = "returned", .label = "曾被退回", .kind = FZ_LF_FLAG, .sql = "f.returns > 0"},
	{.param = "overdue", .label = "超期", .kind = FZ_LF_CUSTOM, .custom = filing_overdue},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = filing_like},
	{.param = NULL},
};

static const struct fz_list_sort filing_sorts[] = {
	{.name = "due_on", .expr = "CASE WHEN f.state = 'due' THEN 0 ELSE 1 END, f.due_on"},
	{.name = "decided_on", .expr = "f.decided_on"},
	{.name = NULL},
};

static const struct fz_list_col filing_cols[] = {
	{.key = "number", .header = "案号", .width = 22},
	{.key = "title", .header = "案由", .width = 36},
	{.key = "party_name", .header = "当事人", .width = 24},
	{.key = "agency_name", .header = "执法单位", .width = 24},
	{.key = "decided_on", .header = "决定日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "filing_due_on", .header = "备案期限", .kind = FZ_LC_DATE, .width = 12},
	{.key = "filing_state_label", .header = "备案状态", .width = 16},
	{.key = "filed_on", .header = "报送日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "received_on", .header = "备案日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "returns", .header = "退回次数", .kind = FZ_LC_NUMBER, .width = 8},
	{.key = "overdue", .header = "超期", .kind = FZ_LC_BOOL, .width = 8},
	{.key = NULL},
};

const struct fz_list fz_enf_filings_list = {
	.name = "重大行政处罚备案",
	.select = FZ_CASE_ROW_COLS ", f.state, f.decided_on, f.due_on, f.filed_on, f.received_on,"
				   " f.returned_on, f.returns, x.party_name, x.fine_amount",
	.from = "enf_major_filing f JOIN case_record c ON c.case_id = f.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id JOIN enf_penalty x ON x.case_id = c.case_id",
	.scope = "c.agency_id",
	.filters = filing_filters,
	.sorts = filing_sorts,
	.sort_default = "due_on",
	.tiebreak = "f.case_id",
	.row = filing_row,
	.columns = filing_cols,
};

/* ---- counts per agency and the named figures ----------------------------------------- */

#define COUNTS_SQL                                                                                \
	"SELECT a.agency_id, a.name, COUNT(*),"                                                    \
	" SUM(CASE WHEN r.opinion = 'pass' THEN 1 ELSE 0 END),"                                    \
	" SUM(CASE WHEN r.opinion = 'amend' THEN 1 ELSE 0 END),"                                   \
	" SUM(CASE WHEN r.opinion = 'fail' THEN 1 ELSE 0 END),"                                    \
	" SUM(CASE WHEN " REVIEW_OVERDUE " THEN 1 ELSE 0 END),"                                    \
	" SUM(CASE WHEN r.opinion IS NULL AND c.state = 'reviewing' THEN 1 ELSE 0 END)"            \
	" FROM enf_review_round r JOIN case_record c ON c.case_id = r.case_id"                     \
	" JOIN agency a ON a.agency_id = r.agency_id"                                               \
	" WHERE r.submitted_on >= ? AND r.submitted_on <= ? AND (? = 0 OR r.agency_id = ?)"

static void year_bounds(int year, char from[11], char to[11])
{
	snprintf(from, 11, "%04d-01-01", year);
	snprintf(to, 11, "%04d-12-31", year);
}

enum fz_code fz_enf_review_counts(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				  struct fz_err *err)
{
	/* An agency's users count their own agency only. */
	if (!(fz_ctx_role(ctx) & FZ_ROLES_ALL_AGENCIES))
		agency_id = ctx->user ? ctx->user->agency_id : -1;
	char from[11], to[11], today[11];
	year_bounds(year, from, to);
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(ctx->db, err, COUNTS_SQL " GROUP BY a.agency_id, a.name ORDER BY a.agency_id",
					 "tttii", today, from, to, agency_id, agency_id);
	if (!st)
		return err->code;
	json_t *rows = json_array();
	long tot[6] = {0};
	static const char *const keys[] = {"submitted", "passed", "amended", "refused", "overdue", "awaiting"};
	while (fz_stmt_row(st)) {
		json_t *o = json_object();
		json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(o, "agency_name", fz_col_text(st, 1));
		for (int i = 0; i < 6; i++) {
			long v = (long)fz_col_int(st, 2 + i);
			tot[i] += v;
			json_object_set_new(o, keys[i], json_integer(v));
		}
		json_array_append_new(rows, o);
	}
	fz_stmt_done(st);
	json_t *total = json_object();
	for (int i = 0; i < 6; i++)
		json_object_set_new(total, keys[i], json_integer(tot[i]));
	*out = json_pack("{s:i, s:o, s:o, s:I}", "year", year, "agencies", rows, "total", total,
			 "legal_review_days",
			 (json_int_t)fz_setting_int(ctx->db, "enforcement.legal_review_days", 5));
	return FZ_OK;
}

static enum fz_code figure(struct fz_ctx *ctx, int year, int64_t agency_id, const char *measure,
			   long *value, struct fz_err *err)
{
	static const char *const keys[] = {"submitted", "passed", "amended", "refused", "overdue"};
	int col = -1;
	for (int i = 0; i < 5; i++)
		if (strcmp(measure, keys[i]) == 0)
			col = 2 + i;
	if (col < 0)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未知的法制审核统计项 %s", measure);
	char from[11], to[11], today[11];
	year_bounds(year, from, to);
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(ctx->db, err, COUNTS_SQL " GROUP BY a.agency_id, a.name",
					 "tttii", today, from, to, agency_id, agency_id);
	if (!st)
		return err->code;
	long v = 0;
	while (fz_stmt_row(st))
		v += (long)fz_col_int(st, col);
	fz_stmt_done(st);
	*value = v;
	return FZ_OK;
}

#define REVIEW_FIGURE(fn, measure)                                                                \
	enum fz_code fn(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,             \
			struct fz_err *err)                                                       \
	{                                                                                         \
		return figure(ctx, year, agency_id, measure, value, err);                          \
	}
REVIEW_FIGURE(fz_enf_reviews_submitted, "submitted")
REVIEW_FIGURE(fz_enf_reviews_passed, "passed")
REVIEW_FIGURE(fz_enf_reviews_amended, "amended")
REVIEW_FIGURE(fz_enf_reviews_refused, "refused")
REVIEW_FIGURE(fz_enf_reviews_overdue, "overdue")
