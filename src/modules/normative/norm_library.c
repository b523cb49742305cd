/*
 * norm_library.c - documents after issue: the staff list and record (versions,
 * history, filings, evaluations, objections, the validity clock), the status
 * and text of a document on any day, evaluation before expiry, repeal, the
 * daily expiry job, what changed between two versions, and the public
 * library (list with full-text search, a document as it stood on a day).
 *
 * Status on day D (norm_status_on): not yet issued before issued_on; issued
 * but not in force before effective_on; repealed from ended_on; expired (or
 * lapsed, when an evaluation let it lapse) after valid_until; otherwise in
 * force, in the version whose effective_from <= D < effective_to (open).
 * The stored status is today's; the job keeps it right the day after
 * valid_until, and every day is computed from the dates, whether the job has
 * run or not.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"
#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/audit.h"
#include "platform/jobs.h"
#include "platform/jsonx.h"
#include "platform/lists.h"
#include "platform/search.h"
#include "platform/settings.h"

const struct fz_option fz_norm_doc_statuses[] = {
	{"in_force", "现行有效"},
	{"expired", "有效期届满失效"},
	{"repealed", "已废止"},
	{"lapsed", "已失效"},
	{"revoked", "已被撤销"},
	{NULL, NULL},
};

/* What a day may show besides the stored statuses. */
static const struct fz_option day_statuses[] = {
	{"not_issued", "尚未印发"},
	{"not_effective", "已印发，尚未施行"},
	{NULL, NULL},
};

static const struct fz_option version_kinds[] = {
	{"original", "首次印发"},
	{"amendment", "修改"},
	{"repeal", "废止"},
	{"lapse", "宣布失效"},
	{"revoke", "备案审查撤销"},
	{NULL, NULL},
};

const struct fz_option fz_norm_eval_decisions[] = {
	{"continue", "继续有效"},
	{"amend", "予以修改"},
	{"lapse", "有效期届满后失效"},
	{NULL, NULL},
};

static const struct fz_option recipients[] = {
	{"npc", "县人大常委会"},
	{"government", "上一级人民政府"},
	{NULL, NULL},
};

static const char *status_label(const char *s)
{
	const char *l = fz_option_label(fz_norm_doc_statuses, s);
	return l && strcmp(l, s) != 0 ? l : fz_option_label(day_statuses, s);
}

static void set_text(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	if (!fz_col_null(st, col))
		fz_json_set_str(o, key, fz_col_text(st, col));
}

static int day_of(const char *s)
{
	int d = 0;
	return s && fz_date_parse(s, &d) == FZ_OK ? d : 0;
}

/* ---- a document and its status on a day ------------------------------------------ */

struct doc {
	int64_t id, agency_id;
	char status[16], title[512], number[64], body_name[160], end_reason[512];
	int issued, effective, valid_until, ended; /* 0: none */
	bool provisional;
};

static enum fz_code load(struct fz_ctx *ctx, int64_t id, struct doc *d, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT agency_id, status, title, number, issuing_body, issued_on, effective_on,"
		" valid_until, ended_on, end_reason, provisional FROM norm_document WHERE doc_id = ?",
		"i", id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		bool failed = fz_stmt_failed(st, err);
		fz_stmt_done(st);
		return failed ? err->code
			      : fz_err_set(err, FZ_ENOT_FOUND, "id", "规范性文件不存在");
	}
	memset(d, 0, sizeof *d);
	d->id = id;
	d->agency_id = fz_col_int(st, 0);
	snprintf(d->status, sizeof d->status, "%s", fz_col_text(st, 1));
	snprintf(d->title, sizeof d->title, "%s", fz_col_text(st, 2));
	snprintf(d->number, sizeof d->number, "%s", fz_col_text(st, 3));
	snprintf(d->body_name, sizeof d->body_name, "%s", fz_col_text(st, 4));
	d->issued = day_of(fz_col_text(st, 5));
	d->effective = day_of(fz_col_text(st, 6));
	d->valid_until = day_of(fz_col_text(st, 7));
	d->ended = day_of(fz_col_text(st, 8));
	if (!fz_col_null(st, 9))
		snprintf(d->end_reason, sizeof d->end_reason, "%s", fz_col_text(st, 9));
	d->provisional = fz_col_int(st, 10) != 0;
	fz_stmt_done(st);
	return FZ_OK;
}

/* Was the latest evaluation of the document "lapse"? */
static bool lapses(struct fz_ctx *ctx, int64_t id)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT decision FROM norm_evaluation WHERE doc_id = ?"
					 " ORDER BY evaluated_on DESC, evaluation_id DESC LIMIT 1",
					 "i", id);
	bool yes = st && fz_stmt_row(st) && strcmp(fz_col_text(st, 0), "lapse") == 0;
	fz_stmt_done(st);
	return yes;
}

/* The array a of rows read from st, or NULL (a freed, err set) when the reading failed. */
static json_t *rows_done(struct fz_stmt *st, json_t *a, struct fz_err *err)
{
	bool failed = !st || fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(a);
		return NULL;
	}
	return a;
}

static const char *status_on(struct fz_ctx *ctx, const struct doc *d, int day)
{
	if (day < d->issued)
		return "not_issued";
	if ((strcmp(d->status, "repealed") == 0 || strcmp(d->status, "revoked") == 0) && d->ended &&
	    day >= d->ended)
		return d->status;
	/* Declared invalid in a cleanup (宣布失效) before its validity ran out: from that day. */
	if (strcmp(d->status, "lapsed") == 0 && d->ended && day >= d->ended &&
	    (!d->valid_until || d->ended <= d->valid_until))
		return "lapsed";
	if (d->valid_until && day > d->valid_until) {
		if (strcmp(d->status, "lapsed") == 0 || strcmp(d->status, "expired") == 0)
			return d->status;
		return lapses(ctx, d->id) ? "lapsed" : "expired";
	}
	if (day < d->effective)
		return "not_effective";
	return "in_force";
}

/* The version of the document that stood on day (the first one when not yet in force). */
static json_t *version_on(struct fz_ctx *ctx, int64_t id, int day, bool with_body,
			  struct fz_err *err)
{
	char d[11];
	fz_date_format(day, d);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT seq, kind, number, title, body, change_summary, issued_on, effective_from,"
		" effective_to FROM norm_version WHERE doc_id = ? AND issued_on <= ?"
		" AND (effective_to IS NULL OR effective_to > ?)"
		" ORDER BY CASE WHEN effective_from <= ? THEN 0 ELSE 1 END, seq DESC LIMIT 1",
		"ittt", id, d, d, d);
	if (!st)
		return NULL;
	json_t *v = NULL;
	if (fz_stmt_row(st)) {
		v = json_object();
		json_object_set_new(v, "seq", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(v, "kind", fz_col_text(st, 1));
		fz_json_set_str(v, "kind_label", fz_option_label(version_kinds, fz_col_text(st, 1)));
		set_text(v, "number", st, 2);
		fz_json_set_str(v, "title", fz_col_text(st, 3));
		if (with_body)
			fz_json_set_str(v, "body", fz_col_text(st, 4));
		set_text(v, "change_summary", st, 5);
		fz_json_set_str(v, "issued_on", fz_col_text(st, 6));
		fz_json_set_str(v, "effective_from", fz_col_text(st, 7));
		set_text(v, "effective_to", st, 8);
	}
	fz_stmt_done(st);
	return v ? v : json_null();
}

/* ---- the record: shared by the staff page and the public page ----------------------- */

static json_t *versions_json(struct fz_ctx *ctx, int64_t id, bool staff, struct fz_err *err)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT v.seq, v.kind, v.number, v.title, v.change_summary, v.issued_on,"
		" v.effective_from, v.effective_to, v.case_id, c.number FROM norm_version v"
		" LEFT JOIN case_record c ON c.case_id = v.case_id WHERE v.doc_id = ? ORDER BY v.seq",
		"i", id);
	while (st && fz_stmt_row(st)) {
		json_t *v = json_object();
		json_object_set_new(v, "seq", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(v, "kind", fz_col_text(st, 1));
		fz_json_set_str(v, "kind_label", fz_option_label(version_kinds, fz_col_text(st, 1)));
		set_text(v, "number", st, 2);
		fz_json_set_str(v, "title", fz_col_text(st, 3));
		set_text(v, "change_summary", st, 4);
		fz_json_set_str(v, "issued_on", fz_col_text(st, 5));
		fz_json_set_str(v, "effective_from", fz_col_text(st, 6));
		set_text(v, "effective_to", st, 7);
		if (staff && !fz_col_null(st, 8)) {
			json_object_set_new(v, "case_id", json_integer(fz_col_int(st, 8)));
			set_text(v, "case_number", st, 9);
		}
		json_array_append_new(a, v);
	}
	return rows_done(st, a, err);
}

/* The life of the document as dated lines: issue, each amendment, the end. */
static json_t *history_json(const struct doc *d, json_t *versions)
{
	json_t *h = json_array();
	size_t i;
	json_t *v;
	json_array_foreach(versions, i, v)
	{
		const char *kind = fz_json_str(v, "kind");
		json_t *e = json_object();
		fz_json_set_str(e, "date", fz_json_str(v, strcmp(kind, "repeal") == 0 ? "effective_from"
										     : "issued_on"));
		fz_json_set_str(e, "kind", kind);
		fz_json_set_str(e, "label", fz_option_label(version_kinds, kind));
		if (fz_json_str(v, "number"))
			fz_json_set_str(e, "number", fz_json_str(v, "number"));
		if (fz_json_str(v, "change_summary"))
			fz_json_set_str(e, "note", fz_json_str(v, "change_summary"));
		json_object_set_new(e, "seq", json_integer(json_integer_value(json_object_get(v, "seq"))));
		json_array_append_new(h, e);
	}
	if (d->ended && (strcmp(d->status, "expired") == 0 || strcmp(d->status, "lapsed") == 0)) {
		json_t *e = json_object();
		json_object_set_new(e, "date", fz_json_date(d->ended));
		fz_json_set_str(e, "kind", d->status);
		fz_json_set_str(e, "label", status_label(d->status));
		if (*d->end_reason)
			fz_json_set_str(e, "note", d->end_reason);
		json_array_append_new(h, e);
	}
	return h;
}

/* Filings: every row for staff; for the public the latest result per recipient. */
static json_t *filings_json(struct fz_ctx *ctx, int64_t id, bool staff, struct fz_err *err)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT f.recipient, f.due_on, f.filed_on, f.on_time, f.complete, f.result, f.result_on,"
		" f.result_note, v.seq FROM norm_filing f LEFT JOIN norm_version v"
		" ON v.version_id = f.version_id WHERE f.doc_id = ?"
		" ORDER BY f.recipient, f.filing_id DESC",
		"i", id);
	const char *last = NULL;
	while (st && fz_stmt_row(st)) {
		const char *r = fz_col_text(st, 0);
		if (!staff && last && strcmp(last, r) == 0)
			continue;
		last = fz_arena_printf(ctx->arena, "%s", r);
		json_t *f = json_object();
		fz_json_set_str(f, "recipient", r);
		fz_json_set_str(f, "recipient_label", fz_option_label(recipients, r));
		set_text(f, "filed_on", st, 2);
		set_text(f, "result", st, 5);
		set_text(f, "result_on", st, 6);
		set_text(f, "result_note", st, 7);
		if (staff) {
			fz_json_set_str(f, "due_on", fz_col_text(st, 1));
			if (!fz_col_null(st, 3))
				json_object_set_new(f, "on_time", json_boolean(fz_col_int(st, 3)));
			if (!fz_col_null(st, 4))
				json_object_set_new(f, "complete", json_boolean(fz_col_int(st, 4)));
			if (!fz_col_null(st, 8))
				json_object_set_new(f, "version_seq", json_integer(fz_col_int(st, 8)));
		}
		json_array_append_new(a, f);
	}
	return rows_done(st, a, err);
}

/* The public comment on the drafts that made the document: the drafter's published account. */
static json_t *comments_json(struct fz_ctx *ctx, int64_t id, bool staff, struct fz_err *err)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT d.case_id, d.title, d.comment_from, d.comment_to, d.comment_account,"
		" d.account_published_on,"
		" (SELECT COUNT(*) FROM norm_comment m WHERE m.case_id = d.case_id)"
		" FROM norm_draft d WHERE d.doc_id = ? AND d.comment_from IS NOT NULL"
		" ORDER BY d.case_id",
		"i", id);
	while (st && fz_stmt_row(st)) {
		if (!staff && fz_col_null(st, 5))
			continue; /* the account is public once published */
		json_t *c = json_object();
		if (staff)
			json_object_set_new(c, "case_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(c, "title", fz_col_text(st, 1));
		set_text(c, "comment_from", st, 2);
		set_text(c, "comment_to", st, 3);
		set_text(c, "comment_account", st, 4);
		set_text(c, "account_published_on", st, 5);
		json_object_set_new(c, "comments", json_integer(fz_col_int(st, 6)));
		json_array_append_new(a, c);
	}
	return rows_done(st, a, err);
}

/* Objections (审查建议) about the document: all for staff, the published replies for the public. */
static json_t *objections_json(struct fz_ctx *ctx, int64_t id, bool staff, struct fz_err *err)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT o.case_id, c.number, c.state, o.applicant, o.applicant_type, o.content,"
		" o.outcome, o.reply, o.replied_on, o.published_on, c.received_on"
		" FROM norm_objection o JOIN case_record c ON c.case_id = o.case_id"
		" WHERE o.doc_id = ? ORDER BY o.case_id",
		"i", id);
	while (st && fz_stmt_row(st)) {
		if (!staff && fz_col_null(st, 9))
			continue;
		json_t *o = json_object();
		if (staff) {
			json_object_set_new(o, "case_id", json_integer(fz_col_int(st, 0)));
			fz_json_set_str(o, "number", fz_col_text(st, 1));
			fz_json_set_str(o, "state", fz_col_text(st, 2));
			fz_json_set_str(o, "applicant", fz_col_text(st, 3));
			fz_json_set_str(o, "applicant_type", fz_col_text(st, 4));
			fz_json_set_str(o, "content", fz_col_text(st, 5));
			set_text(o, "received_on", st, 10);
		}
		set_text(o, "outcome", st, 6);
		set_text(o, "reply", st, 7);
		set_text(o, "replied_on", st, 8);
		set_text(o, "published_on", st, 9);
		json_array_append_new(a, o);
	}
	return rows_done(st, a, err);
}

static json_t *evaluations_json(struct fz_ctx *ctx, int64_t id, struct fz_err *err)
{
	json_t *a = json_array();
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT e.evaluation_id, e.evaluated_on, e.decision, e.note, e.new_valid_until,"
		" u.display_name FROM norm_evaluation e LEFT JOIN app_user u ON u.user_id = e.created_by"
		" WHERE e.doc_id = ? ORDER BY e.evaluated_on, e.evaluation_id",
		"i", id);
	while (st && fz_stmt_row(st)) {
		json_t *e = json_object();
		json_object_set_new(e, "evaluation_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(e, "evaluated_on", fz_col_text(st, 1));
		fz_json_set_str(e, "decision", fz_col_text(st, 2));
		fz_json_set_str(e, "decision_label",
				fz_option_label(fz_norm_eval_decisions, fz_col_text(st, 2)));
		set_text(e, "note", st, 3);
		set_text(e, "new_valid_until", st, 4);
		set_text(e, "by", st, 5);
		json_array_append_new(a, e);
	}
	return rows_done(st, a, err);
}

/* The first day of the evaluation window: months before valid_until (day of month kept, or the month's last). */
static int window_start(struct fz_ctx *ctx, int valid_until)
{
	long months = fz_setting_int(ctx->db, "normative.evaluate_months", 6);
	int y, m, d;
	fz_date_to_ymd(valid_until, &y, &m, &d);
	int total = y * 12 + (m - 1) - (int)months;
	int ny = total / 12, nm = total % 12 + 1;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int last = mdays[nm - 1] + (nm == 2 && ((ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0));
	return fz_date_from_ymd(ny, nm, d > last ? last : d) + 1;
}

/* The validity clock of a document in force: calendar days to valid_until, its band. */
static void validity_json(struct fz_ctx *ctx, const struct doc *d, json_t *o)
{
	json_t *v = json_object();
	json_object_set_new(v, "valid_until", fz_json_date(d->valid_until));
	json_object_set_new(v, "article",
			    json_string("地方规定（设置项“规范性文件有效期”）：有效期一般为 5 年，"
					"标注“暂行”“试行”的一般为 2 年；有效期届满前评估"));
	if (strcmp(d->status, "in_force") == 0) {
		enum fz_clock_status s = FZ_STATUS_GREEN;
		int left = d->valid_until - ctx->today;
		fz_clock_status(ctx->cal, FZ_UNIT_CD, d->valid_until, ctx->today,
				fz_ctx_yellow_days(ctx), &s, &left);
		json_object_set_new(v, "days_left", json_integer(left));
		fz_json_set_str(v, "status", s == FZ_STATUS_RED      ? "red"
					     : s == FZ_STATUS_YELLOW ? "yellow"
								     : "green");
		int from = window_start(ctx, d->valid_until);
		json_object_set_new(v, "evaluate_from", fz_json_date(from));
		json_object_set_new(v, "evaluation_due", json_boolean(ctx->today >= from));
	} else {
		fz_json_set_str(v, "status", "ended");
		fz_json_set_str(v, "ended_label", status_label(d->status));
	}
	json_object_set_new(o, "validity", v);
}

static void doc_head_json(const struct doc *d, json_t *o)
{
	json_object_set_new(o, "doc_id", json_integer(d->id));
	fz_json_set_str(o, "title", d->title);
	fz_json_set_str(o, "number", d->number);
	fz_json_set_str(o, "issuing_body", d->body_name);
	fz_json_set_str(o, "status", d->status);
	fz_json_set_str(o, "status_label", status_label(d->status));
	json_object_set_new(o, "provisional", json_boolean(d->provisional));
	json_object_set_new(o, "issued_on", fz_json_date(d->issued));
	json_object_set_new(o, "effective_on", fz_json_date(d->effective));
	if (d->valid_until)
		json_object_set_new(o, "valid_until", fz_json_date(d->valid_until));
	if (d->ended)
		json_object_set_new(o, "ended_on", fz_json_date(d->ended));
	if (*d->end_reason)
		fz_json_set_str(o, "end_reason", d->end_reason);
}

/* The day asked for (?on=), today when absent; 422 naming "on" when it is no date. */
static enum fz_code day_arg(struct fz_req *req, int *day, struct fz_err *err)
{
	const char *on = fz_req_query(req, "on");
	*day = req->ctx->today;
	if (on && fz_date_parse(on, day))
		return fz_err_set(err, FZ_EBAD_DATE, "on", "查询日期无效，应为 YYYY-MM-DD");
	return FZ_OK;
}

static enum fz_code record(struct fz_req *req, bool staff, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id;
	int day;
	struct doc d;
	enum fz_code rc;
	if ((rc = fz_req_path_id(req, &id, "规范性文件不存在", err)) || (rc = day_arg(req, &day, err)) ||
	    (rc = load(ctx, id, &d, err)))
		return rc;
	json_t *o = json_object();
	doc_head_json(&d, o);
	json_t *on = json_object();
	json_object_set_new(on, "date", fz_json_date(day));
	const char *s = status_on(ctx, &d, day);
	fz_json_set_str(on, "status", s);
	fz_json_set_str(on, "status_label", status_label(s));
	json_t *v = strcmp(s, "not_issued") == 0 ? json_null() : version_on(ctx, id, day, true, err);
	if (!v) {
		json_decref(on);
		json_decref(o);
		return err->code;
	}
	json_object_set_new(on, "version", v);
	json_object_set_new(o, "on", on);
	json_t *versions = versions_json(ctx, id, staff, err);
	json_t *filings = versions ? filings_json(ctx, id, staff, err) : NULL;
	json_t *comments = filings ? comments_json(ctx, id, staff, err) : NULL;
	json_t *objections = comments ? objections_json(ctx, id, staff, err) : NULL;
	json_t *evaluations = objections && staff ? evaluations_json(ctx, id, err) : NULL;
	if (!objections || (staff && !evaluations)) {
		json_decref(versions);
		json_decref(filings);
		json_decref(comments);
		json_decref(objections);
		json_decref(o);
		return err->code;
	}
	json_object_set_new(o, "history", history_json(&d, versions));
	json_object_set_new(o, "versions", versions);
	json_object_set_new(o, "filings", filings);
	json_object_set_new(o, "comments", comments);
	json_object_set_new(o, "objections", objections);
	if (staff) {
		json_object_set_new(o, "evaluations", evaluations);
		json_object_set_new(o, "agency_id", json_integer(d.agency_id));
		struct fz_stmt *st = fz_db_query(ctx->db, err,
						 "SELECT name FROM agency WHERE agency_id = ?", "i",
						 d.agency_id);
		if (st && fz_stmt_row(st))
			fz_json_set_str(o, "agency_name", fz_col_text(st, 0));
		fz_stmt_done(st);
		validity_json(ctx, &d, o);
		bool in_force = strcmp(d.status, "in_force") == 0;
		enum fz_role role = fz_ctx_role(ctx);
		json_t *may = json_object();
		json_object_set_new(may, "repeal",
				    json_boolean(in_force && (role & (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_HEAD))));
		json_object_set_new(
			may, "evaluate",
			json_boolean(in_force && ctx->today >= window_start(ctx, d.valid_until) &&
				     (role & (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_HEAD | FZ_ROLE_AGENCY_CLERK))));
		json_object_set_new(o, "may", may);
	}
	*out = o;
	return FZ_OK;
}

enum fz_code fz_norm_lib_record(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return record(req, true, out, err);
}

enum fz_code fz_norm_lib_public_record(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return record(req, false, out, err);
}

/* ---- what changed between two versions: a line diff of the bodies ------------------- */

#define DIFF_MAX_LINES 3000

/* Splits s (modified in place) into lines; returns the count (at most max). */
static size_t split_lines(char *s, char **lines, size_t max)
{
	size_t n = 0;
	while (*s && n < max) {
		lines[n++] = s;
		char *nl = strchr(s, '\n');
		if (!nl)
			break;
		*nl = '\0';
		if (nl > s && nl[-1] == '\r')
			nl[-1] = '\0';
		s = nl + 1;
	}
	return n;
}

static char *version_body(struct fz_ctx *ctx, int64_t doc, int64_t seq, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT body FROM norm_version WHERE doc_id = ? AND seq = ?", "ii", doc, seq);
	if (!st)
		return NULL;
	char *b = fz_stmt_row(st) ? fz_arena_printf(ctx->arena, "%s", fz_col_text(st, 0)) : NULL;
	fz_stmt_done(st);
	return b;
}

static enum fz_code seq_arg(struct fz_req *req, const char *key, int64_t def, int64_t *out,
			    struct fz_err *err)
{
	const char *v = fz_req_query(req, key);
	*out = def;
	if (!v)
		return FZ_OK;
	char *end;
	long long n = strtoll(v, &end, 10);
	if (*end || n < 1)
		return fz_err_set(err, FZ_EBAD_VALUE, key, "版本序号应为正整数");
	*out = n;
	return FZ_OK;
}

/*
 * GET …/diff?from=A&to=B (default: the version before the latest, and the
 * latest): {from, to, lines: [{op: kept|added|removed, text}], added, removed},
 * the longest common subsequence of lines.
 */
enum fz_code fz_norm_lib_diff(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id, last = 0, from, to;
	struct doc d;
	enum fz_code rc;
	if ((rc = fz_req_path_id(req, &id, "规范性文件不存在", err)) || (rc = load(ctx, id, &d, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT MAX(seq) FROM norm_version WHERE doc_id = ?", "i", id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st))
		last = fz_col_int(st, 0);
	fz_stmt_done(st);
	if ((rc = seq_arg(req, "to", last, &to, err)) ||
	    (rc = seq_arg(req, "from", to > 1 ? to - 1 : 1, &from, err)))
		return rc;
	char *a = version_body(ctx, id, from, err), *b = a ? version_body(ctx, id, to, err) : NULL;
	if (!a)
		return fz_err_set(err, FZ_EBAD_VALUE, "from", "该文件没有第 %lld 版", (long long)from);
	if (!b)
		return fz_err_set(err, FZ_EBAD_VALUE, "to", "该文件没有第 %lld 版", (long long)to);
	char **la = malloc(DIFF_MAX_LINES * sizeof *la), **lb = malloc(DIFF_MAX_LINES * sizeof *lb);
	if (!la || !lb) {
		free(la);
		free(lb);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	size_t n = split_lines(a, la, DIFF_MAX_LINES), m = split_lines(b, lb, DIFF_MAX_LINES);
	/* L[i][j]: the longest common subsequence of la[i..] and lb[j..]. */
	unsigned *L = calloc((n + 1) * (m + 1), sizeof *L);
	if (!L) {
		free(la);
		free(lb);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	for (size_t i = n; i-- > 0;)
		for (size_t j = m; j-- > 0;)
			L[i * (m + 1) + j] = strcmp(la[i], lb[j]) == 0
						     ? L[(i + 1) * (m + 1) + j + 1] + 1
						     : (L[(i + 1) * (m + 1) + j] > L[i * (m + 1) + j + 1]
								? L[(i + 1) * (m + 1) + j]
								: L[i * (m + 1) + j + 1]);
	json_t *lines = json_array();
	long added = 0, removed = 0;
	size_t i = 0, j = 0;
	while (i < n || j < m) {
		const char *op, *text;
		if (i < n && j < m && strcmp(la[i], lb[j]) == 0) {
			op = "kept", text = la[i++], j++;
		} else if (i < n && (j == m || L[(i + 1) * (m + 1) + j] >= L[i * (m + 1) + j + 1])) {
			op = "removed", text = la[i++], removed++;
		} else {
			op = "added", text = lb[j++], added++;
		}
		json_array_append_new(lines, json_pack("{ss ss}", "op", op, "text", text));
	}
	free(L);
	free(la);
	free(lb);
	*out = json_pack("{sI sI so sI sI}", "from", (json_int_t)from, "to", (json_int_t)to, "lines",
			 lines, "added", (json_int_t)added, "removed", (json_int_t)removed);
	return FZ_OK;
}

/* ---- evaluation and repeal ---------------------------------------------------------- */

static enum fz_code audit(struct fz_ctx *ctx, const char *action, const char *from,
			  const char *to, const char *note, json_t *input, struct fz_err *err)
{
	struct fz_event ev = {.entity = "norm_document", .action = action, .from_state = from,
			      .to_state = to, .note = note,
			      .input = input ? fz_json_text(ctx->arena, input, NULL) : NULL};
	return fz_audit_append(ctx, &ev, NULL, err);
}

const struct fz_input fz_norm_eval_inputs[] = {
	{.name = "decision", .label = "评估结论", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_norm_eval_decisions},
	{.name = "note", .label = "评估意见", .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 2000},
	{.name = "new_valid_until", .label = "新的有效期截止日期", .type = FZ_IN_DATE},
	{.name = NULL},
};

enum fz_code fz_norm_lib_evaluate(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id;
	struct doc d;
	enum fz_code rc;
	if ((rc = fz_req_path_id(req, &id, "规范性文件不存在", err)) || (rc = load(ctx, id, &d, err)))
		return rc;
	const char *decision = fz_json_str(req->body, "decision");
	const char *until = fz_json_str(req->body, "new_valid_until");
	if (strcmp(status_on(ctx, &d, ctx->today), "in_force") != 0 &&
	    strcmp(status_on(ctx, &d, ctx->today), "not_effective") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "该文件已%s，不再评估", status_label(d.status));
	int from = window_start(ctx, d.valid_until);
	if (ctx->today < from) {
		char f[11];
		fz_date_format(from, f);
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "尚未进入有效期届满前的评估期（自 %s 起可以评估）", f);
	}
	int nu = 0;
	if (strcmp(decision, "continue") == 0) {
		if (!until || !*until)
			return fz_err_set(err, FZ_EMISSING_FIELD, "new_valid_until",
					  "决定继续有效的，应当写明新的有效期截止日期");
		if (fz_date_parse(until, &nu) || nu <= d.valid_until) {
			char v[11];
			fz_date_format(d.valid_until, v);
			return fz_err_set(err, FZ_EBAD_DATE, "new_valid_until",
					  "新的有效期截止日期应当晚于现有效期截止日期（%s）", v);
		}
	} else if (until && *until) {
		return fz_err_set(err, FZ_EBAD_VALUE, "new_valid_until",
				  "只有决定继续有效的才填写新的有效期截止日期");
	}
	char today[11], now[21];
	fz_date_format(ctx->today, today);
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
			     "INSERT INTO norm_evaluation(doc_id, evaluated_on, decision, note,"
			     " new_valid_until, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
			     "ittttit", id, today, decision, fz_json_str(req->body, "note"),
			     nu ? until : NULL, ctx->user ? ctx->user->user_id : 0, now),
		 err);
	if (!rc && nu)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_document SET valid_until = ? WHERE doc_id = ?", "ti",
				     until, id),
			 err);
	if (!rc)
		rc = audit(ctx, "evaluate", NULL, NULL, fz_json_str(req->body, "note"), req->body, err);
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	fz_req_status(req, 201);
	return record(req, true, out, err);
}

const struct fz_input fz_norm_repeal_inputs[] = {
	{.name = "decided_on", .label = "废止决定日期", .type = FZ_IN_DATE, .required = true},
	{.name = "basis", .label = "废止依据", .type = FZ_IN_TEXT, .required = true, .max_chars = 200},
	{.name = "reason", .label = "废止理由", .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 2000},
	{.name = NULL},
};

enum fz_code fz_norm_end(struct fz_ctx *ctx, int64_t id, int day, const char *kind,
			 const char *reason, struct fz_err *err)
{
	bool lapse = strcmp(kind, "lapse") == 0, revoke = strcmp(kind, "revoke") == 0;
	const char *version_kind = lapse ? "lapse" : revoke ? "revoke" : "repeal";
	const char *status = lapse ? "lapsed" : revoke ? "revoked" : "repealed";
	/* The text in force: the latest version. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT seq, title, body, effective_from FROM norm_version WHERE doc_id = ?"
		" ORDER BY seq DESC LIMIT 1",
		"i", id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "文件没有版本");
	}
	int64_t seq = fz_col_int(st, 0) + 1;
	char *title = fz_arena_printf(ctx->arena, "%s", fz_col_text(st, 1));
	char *body = fz_arena_printf(ctx->arena, "%s", fz_col_text(st, 2));
	int latest_from = day_of(fz_col_text(st, 3));
	fz_stmt_done(st);
	/* A body the document was filed with may revoke it before it takes effect. */
	if (day < latest_from && !revoke) {
		char f[11];
		fz_date_format(latest_from, f);
		return fz_err_set(err, FZ_EBAD_DATE, "decided_on", "%s日期不能早于现行版本的施行日期（%s）",
				  lapse ? "宣布失效" : "废止决定", f);
	}
	char now[21], on[11];
	fz_iso_utc(ctx->now, now);
	fz_date_format(day, on);
	enum fz_code rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					  "UPDATE norm_version SET effective_to = ? WHERE doc_id = ?"
					  " AND (effective_to IS NULL OR effective_to > ?)",
					  "tit", on, id, on),
			      err);
	int64_t version = 0;
	if (!rc) {
		st = fz_db_query(ctx->db, err,
				 "INSERT INTO norm_version(doc_id, seq, kind, title, body, change_summary,"
				 " issued_on, effective_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?,"
				 " ?, ?) RETURNING version_id",
				 "iittttttt", id, seq, version_kind, title, body, reason, on,
				 on, now);
		rc = fz_stmt_exec_id(st, &version, err);
	}
	if (!rc)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_document SET status = ?, ended_on = ?,"
				     " end_reason = ?, current_version_id = ? WHERE doc_id = ?",
				     "tttii", status, on, reason, version, id),
			 err);
	return rc;
}

/*
 * 废止: a version of kind "repeal" from the decision day, which keeps the text;
 * the version in force ends that day; the document is repealed.
 */
enum fz_code fz_norm_lib_repeal(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	int64_t id;
	struct doc d;
	enum fz_code rc;
	if ((rc = fz_req_path_id(req, &id, "规范性文件不存在", err)) || (rc = load(ctx, id, &d, err)))
		return rc;
	int day;
	const char *on = fz_json_str(req->body, "decided_on");
	if (fz_date_parse(on, &day))
		return fz_err_set(err, FZ_EBAD_DATE, "decided_on", "废止决定日期无效");
	if (strcmp(d.status, "in_force") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "该文件已%s，不能再废止", status_label(d.status));
	if (day < d.issued) {
		char i[11];
		fz_date_format(d.issued, i);
		return fz_err_set(err, FZ_EBAD_DATE, "decided_on", "废止决定日期不能早于印发日期（%s）", i);
	}
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "decided_on", "废止决定日期不能晚于今天");
	if (d.valid_until && day > d.valid_until)
		return fz_err_set(err, FZ_ESTATE, NULL, "该文件已于有效期届满时失效，不能再废止");
	if (ctx->user && fz_ctx_role(ctx) == FZ_ROLE_AGENCY_HEAD && ctx->user->agency_id != d.agency_id)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "只能由制定机关负责人或者法制机构废止");
	const char *reason = fz_arena_printf(ctx->arena, "%s：%s", fz_json_str(req->body, "basis"),
					     fz_json_str(req->body, "reason"));
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	rc = fz_norm_end(ctx, id, day, "repeal", reason, err);
	if (!rc)
		rc = audit(ctx, "repeal", "in_force", "repealed", reason, req->body, err);
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	if (rc) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return record(req, true, out, err);
}

/* ---- the daily job: documents past valid_until expire (or lapse) -------------------- */

enum fz_code fz_norm_expire_due(struct fz_ctx *ctx, struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT doc_id, valid_until FROM norm_document WHERE status = 'in_force'"
		" AND valid_until < ? ORDER BY doc_id",
		"t", today);
	if (!st)
		return err->code;
	size_t n = 0, cap = 0;
	struct {
		int64_t id;
		int until;
	} *due = NULL;
	while (fz_stmt_row(st)) {
		if (n == cap) {
			cap = cap ? 2 * cap : 64;
			void *p = realloc(due, cap * sizeof *due);
			if (!p) {
				fz_stmt_done(st);
				free(due);
				return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
			}
			due = p;
		}
		due[n].id = fz_col_int(st, 0);
		due[n].until = day_of(fz_col_text(st, 1));
		n++;
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	enum fz_code rc = failed ? err->code : FZ_OK;
	for (size_t i = 0; i < n && !rc; i++) {
		bool lapse = lapses(ctx, due[i].id);
		char ended[11], until[11];
		fz_date_format(due[i].until + 1, ended);
		fz_date_format(due[i].until, until);
		const char *reason = fz_arena_printf(
			ctx->arena, lapse ? "经评估决定不再继续有效，有效期于 %s 届满后失效"
					  : "有效期于 %s 届满，自动失效",
			until);
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				     "UPDATE norm_document SET status = ?, ended_on = ?, end_reason = ?"
				     " WHERE doc_id = ? AND status = 'in_force'",
				     "ttti", lapse ? "lapsed" : "expired", ended, reason, due[i].id),
			 err);
		if (!rc)
			rc = audit(ctx, "expire", "in_force", lapse ? "lapsed" : "expired", reason, NULL,
				   err);
	}
	free(due);
	return rc;
}

static enum fz_code expiry_job(struct fz_ctx *ctx, const char *period, struct fz_err *err)
{
	(void)period;
	return fz_norm_expire_due(ctx, err);
}

const struct fz_job fz_norm_jobs[] = {
	{"normative_expiry", FZ_JOB_DAILY, expiry_job},
	{NULL, 0, NULL},
};

/* ---- the lists ---------------------------------------------------------------------- */

static json_t *doc_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	bool staff = arg != NULL;
	json_t *o = json_object();
	json_object_set_new(o, "doc_id", json_integer(fz_col_int(st, 0)));
	fz_json_set_str(o, "number", fz_col_text(st, 1));
	fz_json_set_str(o, "title", fz_col_text(st, 2));
	fz_json_set_str(o, "issuing_body", fz_col_text(st, 3));
	const char *s = fz_col_text(st, 4);
	fz_json_set_str(o, "status", s);
	fz_json_set_str(o, "status_label", status_label(s));
	fz_json_set_str(o, "issued_on", fz_col_text(st, 5));
	fz_json_set_str(o, "effective_on", fz_col_text(st, 6));
	set_text(o, "valid_until", st, 7);
	set_text(o, "ended_on", st, 8);
	json_object_set_new(o, "provisional", json_boolean(fz_col_int(st, 9)));
	if (staff) {
		json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 10)));
		fz_json_set_str(o, "agency_name", fz_col_text(st, 11));
		json_object_set_new(o, "versions", json_integer(fz_col_int(st, 12)));
		int until = day_of(fz_col_text(st, 7));
		if (strcmp(s, "in_force") == 0 && until) {
			enum fz_clock_status cs = FZ_STATUS_GREEN;
			int left = until - ctx->today;
			fz_clock_status(ctx->cal, FZ_UNIT_CD, until, ctx->today, fz_ctx_yellow_days(ctx),
					&cs, &left);
			json_object_set_new(o, "days_left", json_integer(left));
			fz_json_set_str(o, "clock_status", cs == FZ_STATUS_RED	  ? "red"
							   : cs == FZ_STATUS_YELLOW ? "yellow"
										    : "green");
			json_object_set_new(o, "evaluation_due",
					    json_boolean(ctx->today >= window_start(ctx, until)));
		}
	}
	return o;
}

#define DOC_SELECT                                                                           \
	"d.doc_id, d.number, d.title, d.issuing_body, d.status, d.issued_on, d.effective_on," \
	" d.valid_until, d.ended_on, d.provisional"

static enum fz_code issuing_body_filter(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (fz_utf8_chars(v) > 60)
		return fz_err_set(err, FZ_EBAD_VALUE, "issuing_body", "制定机关名称不能超过 60 个字");
	fz_list_where(run, "d.issuing_body = ?");
	fz_list_bind_text(run, v);
	return FZ_OK;
}

/* Due for evaluation: in force, valid_until within the evaluation window from today. */
static enum fz_code evaluation_filter(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	if (strcmp(v, "1") != 0 && strcmp(v, "true") != 0 && strcmp(v, "0") != 0 &&
	    strcmp(v, "false") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "evaluation_due", "应为 1 或 0");
	if (v[0] == '0' || v[0] == 'f')
		return FZ_OK;
	struct fz_ctx *ctx = run->ctx;
	long months = fz_setting_int(ctx->db, "normative.evaluate_months", 6);
	/* valid_until - months < today  <=>  valid_until < today + months (same month arithmetic). */
	int y, m, d;
	fz_date_to_ymd(ctx->today, &y, &m, &d);
	int total = y * 12 + (m - 1) + (int)months;
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	int ny = total / 12, nm = total % 12 + 1;
	int last = mdays[nm - 1] + (nm == 2 && ((ny % 4 == 0 && ny % 100 != 0) || ny % 400 == 0));
	char *limit = fz_arena_alloc(ctx->arena, 11);
	fz_date_format(fz_date_from_ymd(ny, nm, d > last ? last : d), limit);
	fz_list_where(run, "d.status = 'in_force' AND d.valid_until < ?");
	fz_list_bind_text(run, limit);
	return FZ_OK;
}

static const char *const doc_like[] = {"d.title", "d.number", NULL};

static const struct fz_list_filter staff_filters[] = {
	{.param = "status", .label = "文件状态", .kind = FZ_LF_OPTION, .sql = "d.status = ?",
	 .options = fz_norm_doc_statuses, .labels_too = true},
	{.param = "agency_id", .label = "制定单位", .kind = FZ_LF_AGENCY, .sql = "d.agency_id = ?"},
	{.param = "issuing_body", .label = "制定机关", .kind = FZ_LF_CUSTOM,
	 .custom = issuing_body_filter},
	{.param = "year", .label = "印发年度", .kind = FZ_LF_YEAR, .sql = "d.issued_on"},
	{.param = "evaluation_due", .label = "待评估", .kind = FZ_LF_CUSTOM, .custom = evaluation_filter},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50,
	 .index = "norm_document", .key = "d.doc_id", .like = doc_like},
	{.param = NULL},
};

static const struct fz_list_filter public_filters[] = {
	{.param = "status", .label = "文件状态", .kind = FZ_LF_OPTION, .sql = "d.status = ?",
	 .options = fz_norm_doc_statuses, .labels_too = true},
	{.param = "issuing_body", .label = "制定机关", .kind = FZ_LF_CUSTOM,
	 .custom = issuing_body_filter},
	{.param = "year", .label = "印发年度", .kind = FZ_LF_YEAR, .sql = "d.issued_on"},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50,
	 .index = "norm_document", .key = "d.doc_id", .like = doc_like},
	{.param = NULL},
};

static const struct fz_list_sort doc_sorts[] = {
	{.name = "issued_on", .expr = "d.issued_on"},
	{.name = "valid_until", .expr = "d.valid_until", .nulls_last = true},
	{.name = "number", .expr = "d.number"},
	{.name = NULL},
};

static const struct fz_list_col doc_cols[] = {
	{.key = "number", .header = "文号", .width = 22},
	{.key = "title", .header = "文件名称", .width = 44},
	{.key = "issuing_body", .header = "制定机关", .width = 22},
	{.key = "agency_name", .header = "起草单位", .width = 22},
	{.key = "status_label", .header = "状态", .width = 14},
	{.key = "issued_on", .header = "印发日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "effective_on", .header = "施行日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = "valid_until", .header = "有效期至", .kind = FZ_LC_DATE, .width = 12},
	{.key = "ended_on", .header = "失效（废止）日期", .kind = FZ_LC_DATE, .width = 14},
	{.key = "versions", .header = "版本数", .kind = FZ_LC_NUMBER, .width = 8},
	{.key = NULL},
};

static const struct fz_list_col public_cols[] = {
	{.key = "number", .header = "文号", .width = 22},
	{.key = "title", .header = "文件名称", .width = 44},
	{.key = "issuing_body", .header = "制定机关", .width = 22},
	{.key = "status_label", .header = "状态", .width = 14},
	{.key = "issued_on", .header = "印发日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = NULL},
};

static const int staff_mark = 1;

const struct fz_list fz_norm_documents_list = {
	.name = "行政规范性文件",
	.select = DOC_SELECT ", d.agency_id, a.name,"
			     " (SELECT COUNT(*) FROM norm_version v WHERE v.doc_id = d.doc_id)",
	.from = "norm_document d JOIN agency a ON a.agency_id = d.agency_id",
	.count_from = "norm_document d",
	.key_from = "norm_document d",
	.key_aliases = "d",
	.key = "d.doc_id",
	.scope = "d.agency_id",
	.filters = staff_filters,
	.sorts = doc_sorts,
	.sort_default = "-issued_on",
	.tiebreak = "d.doc_id",
	.row = doc_row,
	.arg = &staff_mark,
	.columns = doc_cols,
};

const struct fz_list fz_norm_public_documents_list = {
	.name = "行政规范性文件库",
	.select = DOC_SELECT,
	.from = "norm_document d",
	.filters = public_filters,
	.sorts = doc_sorts,
	.sort_default = "-issued_on",
	.tiebreak = "d.doc_id",
	.row = doc_row,
	.columns = public_cols,
};

/* The issuing bodies of the library's documents, for its filter: [{value, count}]. */
enum fz_code fz_norm_lib_bodies(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(req->ctx->db, err,
					 "SELECT issuing_body, COUNT(*) FROM norm_document"
					 " GROUP BY issuing_body ORDER BY COUNT(*) DESC, issuing_body",
					 "");
	if (!st)
		return err->code;
	json_t *a = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(a, json_pack("{ss sI}", "value", fz_col_text(st, 0), "count",
						   (json_int_t)fz_col_int(st, 1)));
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(a);
		return err->code;
	}
	*out = json_pack("{so so}", "issuing_bodies", a, "statuses", fz_options_json(fz_norm_doc_statuses));
	return FZ_OK;
}

enum fz_code fz_norm_lib_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_norm_documents_list, out, err);
}

enum fz_code fz_norm_lib_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_norm_documents_list, out, err);
}

/* A positive integer query parameter (def when absent), or -1 when it is no such number. */
static long query_int(struct fz_req *req, const char *key, long def, long max)
{
	const char *v = fz_req_query(req, key);
	if (!v)
		return def;
	char *end;
	long n = strtol(v, &end, 10);
	return *end || n < 1 || n > max ? -1 : n;
}

/*
 * The library searched with a keyword and nothing else, newest issue first
 * (the portal's search box). The total is read from the full-text index
 * alone; the page in the cheapest of three ways for the word's n matches out
 * of `size` documents, by costs measured at 100,000 documents (µs):
 *   rare words: each match's row, sorted           1.1 × n
 *   middling: the matches' ids as a set, then the issue-date index walked
 *     until the page is full, each entry looked up in the set
 *                                                  0.13 × n + 0.15 × walked
 *   common words (most documents hold them): the issue-date index walked,
 *     each document probed in the full-text index  42 × walked
 * where walked = (offset + per_page) × size / n entries of the index.
 * Returns FZ_ENOT_FOUND when the query has any other shape: the declared
 * list answers it.
 */
static enum fz_code keyword_page(struct fz_req *req, const char *q, json_t **out,
				 struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	static const char *const others[] = {"status", "issuing_body", "year", NULL};
	for (const char *const *o = others; *o; o++)
		if (fz_req_query(req, *o))
			return FZ_ENOT_FOUND;
	const char *sort = fz_req_query(req, "sort");
	long page = query_int(req, "page", 1, 100000), per = query_int(req, "per_page", 20, 100);
	int64_t n = 0, size = 0;
	if ((sort && strcmp(sort, "-issued_on") != 0) || page < 0 || per < 0 ||
	    fz_utf8_chars(q) > 50 || !fz_search_count(ctx->db, "norm_document", q, &n, err))
		return FZ_ENOT_FOUND;
	struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT MAX(doc_id) FROM norm_document", "");
	if (!st)
		return err->code;
	size = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	int64_t offset = (int64_t)(page - 1) * per;
	double walked = n ? (double)(offset + per) * (double)size / (double)n : 0;
	if (walked > (double)size)
		walked = (double)size;
	double c_rows = 1.1 * (double)n, c_set = 0.13 * (double)n + 0.15 * walked,
	       c_probe = 42.0 * walked;
	char clause[256], bind[512];
	bool ok = c_probe < c_set && c_probe < c_rows
			  ? fz_search_match_each(ctx->db, "norm_document", "d.doc_id", q, clause,
						 sizeof clause, bind, sizeof bind)
			  /* "+": the ids are a set to look up in, not an index to read rows by. */
			  : fz_search_match(ctx->db, "norm_document", c_set < c_rows ? "+d.doc_id" : "d.doc_id",
					    q, clause, sizeof clause, bind, sizeof bind);
	if (!ok)
		return FZ_ENOT_FOUND;
	const char *sql = fz_arena_printf(ctx->arena,
					  "SELECT " DOC_SELECT " FROM norm_document d WHERE %s"
					  " ORDER BY d.issued_on DESC, d.doc_id DESC LIMIT ? OFFSET ?",
					  clause);
	json_t *items = json_array();
	st = n ? fz_db_query(ctx->db, err, sql, "tii", bind, (int64_t)per, offset) : NULL;
	while (st && fz_stmt_row(st))
		json_array_append_new(items, doc_row(ctx, st, NULL));
	if (n && (!st || fz_stmt_failed(st, err))) {
		fz_stmt_done(st);
		json_decref(items);
		return err->code;
	}
	fz_stmt_done(st);
	*out = json_pack("{so sI sI sI}", "items", items, "total", (json_int_t)n, "page",
			 (json_int_t)page, "per_page", (json_int_t)per);
	return FZ_OK;
}

enum fz_code fz_norm_lib_public_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	const char *q = fz_req_query(req, "q");
	if (q) {
		enum fz_code rc = keyword_page(req, q, out, err);
		if (rc != FZ_ENOT_FOUND)
			return rc;
		fz_err_clear(err);
	}
	return fz_list_answer(req, &fz_norm_public_documents_list, out, err);
}
