/*
 * review_store.c - the review's tables and the domain half of its steps.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/review/review_int.h"
#include "platform/jsonx.h"
#include "platform/legality.h"
#include "platform/module.h"
#include "platform/settings.h"

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
	{"review-002",
	 /*
	  * The opinion letter as issued (its file in blob_store by hash, the day
	  * it bears); who recorded a point's adoption and when; the opinion day
	  * for the yearly figures.
	  */
	 "ALTER TABLE legal_review ADD COLUMN letter_sha256 TEXT;"
	 "ALTER TABLE legal_review ADD COLUMN letter_size INTEGER;"
	 "ALTER TABLE legal_review ADD COLUMN letter_on TEXT;"
	 "ALTER TABLE legal_review_point ADD COLUMN adoption_on TEXT;"
	 "ALTER TABLE legal_review_point ADD COLUMN adoption_by INTEGER REFERENCES app_user;"
	 "CREATE INDEX legal_review_opinion ON legal_review(opinion_on);"},
	{NULL, NULL},
};

static enum fz_code on_submit(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			      struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
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
	return fz_stmt_exec(fz_db_query(ctx->db, err, "UPDATE legal_review SET reviewer_id = ?, assigned_on = ? WHERE case_id = ?",
		    "iti", reviewer, today, c->case_id), err);
}

/*
 * 国办发〔2018〕115号 and the county's rule: the head may extend, but the whole
 * period (the days given on submission and every extension) stays within
 * review.max_days working days.
 */
static enum fz_code on_extend(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT days, extended_days FROM case_clock WHERE case_id = ? AND name = 'review'", "i",
		c->case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	long days = found ? (long)fz_col_int(st, 0) : 0, ext = found ? (long)fz_col_int(st, 1) : 0;
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ESTATE, NULL, "合法性审核期限尚未起算");
	long add = (long)json_integer_value(json_object_get(in, "days"));
	long most = fz_setting_int(ctx->db, "review.max_days", 15);
	if (days + ext + add > most)
		return fz_err_set(err, FZ_EBAD_VALUE, "days",
				  "延长工作日数超出上限：审核期限连同延长最长 %ld 个工作日（设置项“合法性审核最长期限”），"
				  "现为 %ld 个工作日，最多还能延长 %ld 个工作日",
				  most, days + ext, most - days - ext > 0 ? most - days - ext : 0);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE legal_review SET extended_days = extended_days + ?,"
			       " extension_reason = ? WHERE case_id = ?",
			       "iti", (int64_t)add, fz_json_str(in, "reason"), c->case_id),
		   err);
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
	/* A point given with the opinion itself (the dialog's last point, or a scripted review). */
	const char *point = fz_json_str(in, "point"), *basis = fz_json_str(in, "basis");
	if (point && point[0]) {
		if (!basis || !basis[0])
			return fz_err_set(err, FZ_EMISSING_FIELD, "basis", "请填写审核意见要点的法律依据");
		int64_t seq = 0;
		enum fz_code prc = fz_review_point_insert(ctx, c->case_id, point, basis, &seq, err);
		if (prc)
			return prc;
	}
	/* 修改后合法 and 不合法 say what must change or what is unlawful, each with its basis. */
	if (strcmp(opinion, "lawful") != 0) {
		long points = 0;
		enum fz_code prc = fz_review_point_count(ctx, c->case_id, &points, err);
		if (prc)
			return prc;
		if (points == 0)
			return fz_err_set(err, FZ_EMISSING_FIELD, "points",
					  "出具“%s”意见的，应当先列明至少一条审核意见要点及其法律依据",
					  fz_option_label(fz_review_opinions, opinion));
	}
	char today[11];
	fz_date_format(ctx->today, today);
	enum fz_code rc = fz_stmt_exec(fz_db_query(
		ctx->db, err,
		"UPDATE legal_review SET opinion = ?, opinion_summary = ?, opinion_on = ?, opinion_by = ?"
		" WHERE case_id = ?",
		"tttii", opinion, fz_json_str(in, "summary"), today,
		ctx->user ? ctx->user->user_id : (int64_t)0, c->case_id), err);
	if (!rc)
		rc = fz_review_letter_issue(ctx, c->case_id, err);
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
	if (strcmp(tr->name, "extend") == 0)
		return on_extend(ctx, c, input, err);
	if (strcmp(tr->name, "opinion") == 0)
		return on_opinion(ctx, c, input, err);
	return FZ_OK;
}

const char *fz_review_kind_label(const char *name)
{
	const struct fz_review_kind *k = fz_review_kind_find(name);
	return k ? k->label : name;
}

void fz_review_meta(json_t *obj)
{
	json_t *kinds = json_array();
	for (size_t i = 0, n = fz_review_kind_count(); i < n; i++) {
		const struct fz_review_kind *k = fz_review_kind_at(i);
		json_array_append_new(kinds, json_pack("{s:s, s:s, s:s}", "value", k->name, "label",
						       k->label, "subject_type", k->subject_type));
	}
	json_object_set_new(obj, "review_kinds", kinds);
	json_object_set_new(obj, "review_opinions", fz_options_json(fz_review_opinions));
}

enum fz_code fz_review_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.kind, r.subject_case_id, s.number, s.title, s.case_type, r.summary,"
		" r.submitted_on, r.reviewer_id, u.display_name, r.assigned_on, r.opinion,"
		" r.opinion_summary, r.opinion_on, r.letter_number, r.extended_days,"
		" r.extension_reason, r.letter_on, r.letter_size, s.state, b.display_name"
		" FROM legal_review r JOIN case_record s ON s.case_id = r.subject_case_id"
		" LEFT JOIN app_user u ON u.user_id = r.reviewer_id"
		" LEFT JOIN app_user b ON b.user_id = r.opinion_by WHERE r.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		fz_json_set_str(obj, "kind", fz_col_text(st, 0));
		fz_json_set_str(obj, "kind_label", fz_review_kind_label(fz_col_text(st, 0)));
		const struct fz_review_kind *rk = fz_review_kind_find(fz_col_text(st, 0));
		if (rk && rk->article)
			fz_json_set_str(obj, "kind_article", rk->article);
		json_object_set_new(obj, "subject_case_id", json_integer(fz_col_int(st, 1)));
		fz_json_set_str(obj, "subject_number", fz_col_text(st, 2));
		fz_json_set_str(obj, "subject_title", fz_col_text(st, 3));
		fz_json_set_str(obj, "subject_type", fz_col_text(st, 4));
		fz_json_set_str(obj, "subject_state", fz_col_text(st, 18));
		const struct fz_case_kind *sk = fz_case_kind_for_type(fz_col_text(st, 4), NULL);
		const struct fz_state *ss = sk ? fz_flow_state(sk->type, fz_col_text(st, 18)) : NULL;
		fz_json_set_str(obj, "subject_type_label", sk ? sk->type->label : fz_col_text(st, 4));
		fz_json_set_str(obj, "subject_state_label", ss ? ss->label : fz_col_text(st, 18));
		fz_json_set_str(obj, "summary", fz_col_text(st, 5));
		fz_json_set_str(obj, "submitted_on", fz_col_text(st, 6));
		if (!fz_col_null(st, 7))
			json_object_set_new(obj, "reviewer_id", json_integer(fz_col_int(st, 7)));
		fz_json_set_str(obj, "reviewer_name", fz_col_text(st, 8));
		fz_json_set_str(obj, "assigned_on", fz_col_text(st, 9));
		const char *op = fz_col_text(st, 10);
		fz_json_set_str(obj, "opinion", op);
		if (op)
			fz_json_set_str(obj, "opinion_label", fz_option_label(fz_review_opinions, op));
		fz_json_set_str(obj, "opinion_summary", fz_col_text(st, 11));
		fz_json_set_str(obj, "opinion_on", fz_col_text(st, 12));
		fz_json_set_str(obj, "opinion_by_name", fz_col_text(st, 19));
		json_object_set_new(obj, "extended_days", json_integer(fz_col_int(st, 14)));
		fz_json_set_str(obj, "extension_reason", fz_col_text(st, 15));
		fz_json_set_str(obj, "letter_number", fz_col_text(st, 13));
		if (fz_col_text(st, 13)) {
			fz_json_set_str(obj, "letter_on", fz_col_text(st, 16));
			json_object_set_new(obj, "letter_size", json_integer(fz_col_int(st, 17)));
			fz_json_set_str(obj, "letter_url",
					fz_arena_printf(ctx->arena, "/api/reviews/%lld/letter",
							(long long)case_id));
		}
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	if (!found)
		return FZ_OK;
	json_t *points = NULL;
	enum fz_code rc = fz_review_points_json(ctx, case_id, &points, err);
	if (rc)
		return rc;
	json_object_set_new(obj, "points", points);
	return FZ_OK;
}

enum fz_code fz_review_reviewers(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	/* The office's staff in service; how many reviews each has open, so the head spreads them. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT u.user_id, u.display_name, u.role, a.name,"
		" (SELECT COUNT(*) FROM legal_review r JOIN case_record c ON c.case_id = r.case_id"
		"  WHERE r.reviewer_id = u.user_id AND c.state = 'reviewing')"
		" FROM app_user u JOIN agency a ON a.agency_id = u.agency_id"
		" WHERE u.disabled = 0 AND u.role IN ('legal_staff', 'legal_head')"
		" ORDER BY CASE WHEN u.role = 'legal_staff' THEN 0 ELSE 1 END, u.user_id LIMIT 200",
		"");
	if (!st)
		return err->code;
	json_t *a = json_array();
	while (fz_stmt_row(st)) {
		enum fz_role role = fz_role_parse(fz_col_text(st, 2));
		json_array_append_new(
			a, json_pack("{s:I, s:s, s:s, s:s, s:s, s:I}", "user_id",
				     (json_int_t)fz_col_int(st, 0), "name", fz_col_text(st, 1), "role",
				     fz_col_text(st, 2), "role_label", role ? fz_role_label(role) : "",
				     "agency_name", fz_col_text(st, 3), "open_reviews",
				     (json_int_t)fz_col_int(st, 4)));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(a);
		return err->code;
	}
	*out = json_pack("{s:o}", "reviewers", a);
	return FZ_OK;
}
