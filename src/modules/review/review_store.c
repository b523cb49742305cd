/*
 * review_store.c - the review's tables and the domain half of its steps.
 */
#include <string.h>

#include "core/calendar.h"
#include "modules/review/review_int.h"
#include "platform/jsonx.h"
#include "platform/legality.h"

const struct fz_migration fz_review_migrations[] = {
	{"review-001",
	 /*
	  * One row per review case: what it reviews (the registered kind and the
	  * subject case), the submission, the reviewer, the opinion; its points,
	  * each with its legal basis and whether the drafter adopted it.
	  */
	 "CREATE TABLE legal_review ("
	 " case_id INTEGER PRIMARY KEY REFERENCES case_record, kind TEXT NOT NULL,"
	 " subject_case_id INTEGER NOT NULL REFERENCES case_record, summary TEXT,"
	 " submitted_on TEXT NOT NULL, reviewer_id INTEGER REFERENCES app_user, assigned_on TEXT,"
	 " extended_days INTEGER NOT NULL DEFAULT 0, extension_reason TEXT,"
	 " opinion TEXT, opinion_summary TEXT, opinion_on TEXT, opinion_by INTEGER REFERENCES app_user,"
	 " letter_number TEXT, letter_year INTEGER, letter_seq INTEGER);"
	 "CREATE INDEX legal_review_subject ON legal_review(subject_case_id);"
	 "CREATE INDEX legal_review_reviewer ON legal_review(reviewer_id, opinion_on);"
	 "CREATE TABLE legal_review_point ("
	 " case_id INTEGER NOT NULL REFERENCES case_record, seq INTEGER NOT NULL,"
	 " point TEXT NOT NULL, basis TEXT NOT NULL, adopted INTEGER, adoption_note TEXT,"
	 " PRIMARY KEY (case_id, seq));"},
	{NULL, NULL},
};

/* Runs a prepared write; FZ_OK or the error. */
static enum fz_code run(struct fz_stmt *st, struct fz_err *err)
{
	return st ? fz_stmt_exec(st, err) : err->code;
}

static enum fz_code on_submit(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			      struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	return run(fz_db_query(ctx->db, err,
		    "INSERT INTO legal_review(case_id, kind, subject_case_id, summary, submitted_on)"
		    " VALUES (?, ?, ?, ?, ?)",
		    "ititt", c->case_id, fz_json_str(in, "kind"),
		    (int64_t)json_integer_value(json_object_get(in, "subject_case_id")),
		    fz_json_str(in, "summary"), today), err);
}

static enum fz_code on_assign(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			      struct fz_err *err)
{
	int64_t reviewer = (int64_t)json_integer_value(json_object_get(in, "reviewer_id"));
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT 1 FROM app_user WHERE user_id = ? AND disabled = 0"
		" AND role IN ('legal_staff', 'legal_head')",
		"i", reviewer);
	if (!st)
		return err->code;
	bool ok = fz_stmt_row(st);
	fz_stmt_done(st);
	if (!ok)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer_id",
				  "审核人员应为法制机构在岗的工作人员");
	char today[11];
	fz_date_format(ctx->today, today);
	return run(fz_db_query(ctx->db, err, "UPDATE legal_review SET reviewer_id = ?, assigned_on = ? WHERE case_id = ?",
		    "iti", reviewer, today, c->case_id), err);
}

static enum fz_code on_opinion(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			       struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT kind, subject_case_id, reviewer_id FROM legal_review WHERE case_id = ?",
		"i", c->case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "审核记录缺失");
	}
	const struct fz_review_kind *k = fz_review_kind_find(fz_col_text(st, 0));
	int64_t subject = fz_col_int(st, 1), reviewer = fz_col_int(st, 2);
	fz_stmt_done(st);
	if (!k)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "审核类别未注册");
	if (ctx->user && ctx->user->role != FZ_ROLE_LEGAL_HEAD && ctx->user->user_id != reviewer)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "只有分配的审核人员或法制机构负责人可以出具审核意见");
	const char *opinion = fz_json_str(in, "opinion");
	char today[11];
	fz_date_format(ctx->today, today);
	enum fz_code rc = run(fz_db_query(
		ctx->db, err,
		"UPDATE legal_review SET opinion = ?, opinion_summary = ?, opinion_on = ?, opinion_by = ?"
		" WHERE case_id = ?",
		"tttii", opinion, fz_json_str(in, "summary"), today,
		ctx->user ? ctx->user->user_id : (int64_t)0, c->case_id), err);
	if (rc)
		return rc;
	json_t *body = json_pack("{s:s, s:I}", "opinion", opinion, "review_case_id",
				 (json_int_t)c->case_id);
	rc = fz_case_act_system(ctx, subject,
				strcmp(opinion, "unlawful") == 0 ? k->on_failed : k->on_passed, body, err);
	json_decref(body);
	return rc;
}

enum fz_code fz_review_apply(struct fz_ctx *ctx, struct fz_case_row *c,
			     const struct fz_transition *tr, json_t *input, struct fz_err *err)
{
	if (strcmp(tr->name, "submit") == 0)
		return on_submit(ctx, c, input, err);
	if (strcmp(tr->name, "assign") == 0)
		return on_assign(ctx, c, input, err);
	if (strcmp(tr->name, "opinion") == 0)
		return on_opinion(ctx, c, input, err);
	return FZ_OK;
}

enum fz_code fz_review_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.kind, r.subject_case_id, s.number, s.title, s.case_type, r.summary,"
		" r.submitted_on, r.reviewer_id, u.display_name, r.assigned_on, r.opinion,"
		" r.opinion_summary, r.opinion_on, r.letter_number"
		" FROM legal_review r JOIN case_record s ON s.case_id = r.subject_case_id"
		" LEFT JOIN app_user u ON u.user_id = r.reviewer_id WHERE r.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		const struct fz_review_kind *k = fz_review_kind_find(fz_col_text(st, 0));
		fz_json_set_str(obj, "kind", fz_col_text(st, 0));
		fz_json_set_str(obj, "kind_label", k ? k->label : fz_col_text(st, 0));
		json_object_set_new(obj, "subject_case_id", json_integer(fz_col_int(st, 1)));
		fz_json_set_str(obj, "subject_number", fz_col_text(st, 2));
		fz_json_set_str(obj, "subject_title", fz_col_text(st, 3));
		fz_json_set_str(obj, "subject_type", fz_col_text(st, 4));
		fz_json_set_str(obj, "summary", fz_col_text(st, 5));
		fz_json_set_str(obj, "submitted_on", fz_col_text(st, 6));
		if (!fz_col_null(st, 7))
			json_object_set_new(obj, "reviewer_id", json_integer(fz_col_int(st, 7)));
		fz_json_set_str(obj, "reviewer_name", fz_col_text(st, 8));
		fz_json_set_str(obj, "assigned_on", fz_col_text(st, 9));
		fz_json_set_str(obj, "opinion", fz_col_text(st, 10));
		const char *op = fz_col_text(st, 10);
		for (const struct fz_option *o = fz_review_opinions; op && o->value; o++)
			if (strcmp(o->value, op) == 0)
				fz_json_set_str(obj, "opinion_label", o->label);
		fz_json_set_str(obj, "opinion_summary", fz_col_text(st, 11));
		fz_json_set_str(obj, "opinion_on", fz_col_text(st, 12));
		fz_json_set_str(obj, "letter_number", fz_col_text(st, 13));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}
