/*
 * review_points.c - the points a review raises (审核意见要点), each with its
 * legal basis, and afterwards the drafting agency's account of whether it
 * adopted each one (采纳情况).
 *
 * While the case is being reviewed the assigned reviewer (or the office head)
 * keeps the list; the opinion freezes it, and the opinion letter prints it.
 * Once the opinion is given, the agency that drafted the subject says for
 * each point whether it was adopted, and why not when it was not. Every
 * change is one transaction with its event on the review case.
 *
 * Not for: the opinion itself (review_store.c) or the letter (review_letter.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/review/review_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"

const struct fz_input fz_review_point_inputs[] = {
	{.name = "point", .label = "审核意见要点", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 2000},
	{.name = "basis", .label = "法律依据", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 1000},
	{.name = NULL},
};

const struct fz_input fz_review_adoption_inputs[] = {
	{.name = "adopted", .label = "是否采纳", .type = FZ_IN_BOOL, .required = true},
	{.name = "note", .label = "采纳情况说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
	{.name = NULL},
};

static bool blank(const char *s)
{
	return !s || fz_text_blank(s);
}

/* The review case in the caller's transaction, with its reviewer; FZ_ENOT_FOUND when not one. */
static enum fz_code load(struct fz_ctx *ctx, int64_t case_id, struct fz_case_row *c,
			 int64_t *reviewer, const char **opinion, struct fz_err *err)
{
	enum fz_code rc = fz_case_load(ctx, case_id, false, c, err);
	if (rc)
		return rc;
	if (strcmp(c->type->name, fz_review_type.name) != 0)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "合法性审核案件不存在");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT reviewer_id, opinion FROM legal_review WHERE case_id = ?", "i",
		case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	*reviewer = found && !fz_col_null(st, 0) ? fz_col_int(st, 0) : 0;
	if (opinion)
		*opinion = found && fz_col_text(st, 1) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 1))
						       : NULL;
	fz_stmt_done(st);
	return found ? FZ_OK : fz_err_set(err, FZ_ENOT_FOUND, "id", "合法性审核案件不存在");
}

/* Only the assigned reviewer (or the head) writes the points, and only while reviewing. */
static enum fz_code may_edit(struct fz_ctx *ctx, const struct fz_case_row *c, int64_t reviewer,
			     struct fz_err *err)
{
	if (strcmp(c->state, "reviewing") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "审核意见要点只能在审核中记录（分配审核人员之后、出具审核意见之前）");
	if (!ctx->user || (ctx->user->role != FZ_ROLE_LEGAL_HEAD && ctx->user->user_id != reviewer))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "只有分配的审核人员或法制机构负责人可以记录审核意见要点");
	return FZ_OK;
}

static enum fz_code event(struct fz_ctx *ctx, int64_t case_id, const char *action,
			  const char *note, json_t *in, struct fz_err *err)
{
	struct fz_event ev = {.case_id = case_id,
			      .entity = "review_point",
			      .action = action,
			      .note = note,
			      .input = in ? fz_json_text(ctx->arena, in, NULL) : NULL};
	return fz_audit_append(ctx, &ev, NULL, err);
}

enum fz_code fz_review_point_insert(struct fz_ctx *ctx, int64_t case_id, const char *point,
				    const char *basis, int64_t *seq, struct fz_err *err)
{
	return fz_stmt_exec_id(
		fz_db_query(ctx->db, err,
			    "INSERT INTO legal_review_point(case_id, seq, point, basis)"
			    " VALUES (?, (SELECT COALESCE(MAX(seq), 0) + 1 FROM legal_review_point"
			    " WHERE case_id = ?), ?, ?) RETURNING seq",
			    "iitt", case_id, case_id, point, basis),
		seq, err);
}

enum fz_code fz_review_point_save(struct fz_ctx *ctx, int64_t case_id, int64_t *seq, json_t *in,
				  struct fz_err *err)
{
	const char *point = fz_json_str(in, "point"), *basis = fz_json_str(in, "basis");
	if (blank(point))
		return fz_err_set(err, FZ_EMISSING_FIELD, "point", "请填写审核意见要点");
	if (blank(basis))
		return fz_err_set(err, FZ_EMISSING_FIELD, "basis", "请填写审核意见要点的法律依据");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_row c;
	int64_t reviewer;
	if ((rc = load(ctx, case_id, &c, &reviewer, NULL, err)) ||
	    (rc = may_edit(ctx, &c, reviewer, err)))
		goto fail;
	if (*seq == 0) {
		if ((rc = fz_review_point_insert(ctx, case_id, point, basis, seq, err)))
			goto fail;
	} else {
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					  "UPDATE legal_review_point SET point = ?, basis = ?"
					  " WHERE case_id = ? AND seq = ?",
					  "ttii", point, basis, case_id, *seq),
			      err)))
			goto fail;
		if (fz_db_changes(ctx->db) != 1) {
			rc = fz_err_set(err, FZ_ENOT_FOUND, "seq", "没有这条审核意见要点");
			goto fail;
		}
	}
	char note[64];
	snprintf(note, sizeof note, "审核意见要点第 %lld 条", (long long)*seq);
	if ((rc = event(ctx, case_id, "review_point_save", note, in, err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_review_point_remove(struct fz_ctx *ctx, int64_t case_id, int64_t seq,
				    struct fz_err *err)
{
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_row c;
	int64_t reviewer;
	if ((rc = load(ctx, case_id, &c, &reviewer, NULL, err)) ||
	    (rc = may_edit(ctx, &c, reviewer, err)))
		goto fail;
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "DELETE FROM legal_review_point WHERE case_id = ? AND seq = ?", "ii",
				  case_id, seq),
		      err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "seq", "没有这条审核意见要点");
		goto fail;
	}
	char note[64];
	snprintf(note, sizeof note, "删除审核意见要点第 %lld 条", (long long)seq);
	if ((rc = event(ctx, case_id, "review_point_remove", note, NULL, err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_review_point_adopt(struct fz_ctx *ctx, int64_t case_id, int64_t seq, json_t *in,
				   struct fz_err *err)
{
	bool adopted = json_is_true(json_object_get(in, "adopted"));
	const char *note = fz_json_str(in, "note");
	if (!adopted && blank(note))
		return fz_err_set(err, FZ_EMISSING_FIELD, "note", "未采纳审核意见的，应当说明理由");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_row c;
	int64_t reviewer;
	if ((rc = load(ctx, case_id, &c, &reviewer, NULL, err)))
		goto fail;
	if (strcmp(c.state, "done") != 0) {
		rc = fz_err_set(err, FZ_ESTATE, NULL, "出具审核意见之后，起草单位才能记录采纳情况");
		goto fail;
	}
	char today[11];
	fz_date_format(ctx->today, today);
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "UPDATE legal_review_point SET adopted = ?, adoption_note = ?,"
				  " adoption_on = ?, adoption_by = ? WHERE case_id = ? AND seq = ?",
				  "Ittiii", adopted ? 1 : 0, blank(note) ? NULL : note, today,
				  ctx->user ? ctx->user->user_id : (int64_t)0, case_id, seq),
		      err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "seq", "没有这条审核意见要点");
		goto fail;
	}
	char text[80];
	snprintf(text, sizeof text, "审核意见要点第 %lld 条：%s", (long long)seq,
		 adopted ? "采纳" : "未采纳");
	if ((rc = event(ctx, case_id, "review_point_adoption", text, in, err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_review_point_count(struct fz_ctx *ctx, int64_t case_id, long *n,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT COUNT(*) FROM legal_review_point WHERE case_id = ?", "i", case_id);
	if (!st)
		return err->code;
	*n = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

enum fz_code fz_review_points_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT p.seq, p.point, p.basis, p.adopted, p.adoption_note, p.adoption_on,"
		" u.display_name FROM legal_review_point p"
		" LEFT JOIN app_user u ON u.user_id = p.adoption_by"
		" WHERE p.case_id = ? ORDER BY p.seq",
		"i", case_id);
	if (!st)
		return err->code;
	json_t *a = json_array();
	while (fz_stmt_row(st)) {
		json_t *o = json_pack("{s:I, s:s, s:s}", "seq", (json_int_t)fz_col_int(st, 0), "point",
				      fz_col_text(st, 1), "basis", fz_col_text(st, 2));
		if (fz_col_null(st, 3)) {
			json_object_set_new(o, "adopted", json_null());
			fz_json_set_str(o, "adoption_label", "待起草单位说明");
		} else {
			bool yes = fz_col_int(st, 3) != 0;
			json_object_set_new(o, "adopted", json_boolean(yes));
			fz_json_set_str(o, "adoption_label", yes ? "采纳" : "未采纳");
		}
		fz_json_set_str(o, "adoption_note", fz_col_text(st, 4));
		fz_json_set_str(o, "adoption_on", fz_col_text(st, 5));
		fz_json_set_str(o, "adoption_by_name", fz_col_text(st, 6));
		json_array_append_new(a, o);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(a);
		return err->code;
	}
	*out = a;
	return FZ_OK;
}
