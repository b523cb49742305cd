/*
 * norm_demo_kinds.c - what a record of the normative documents' demo data
 * (its demo folder) becomes, each through the function its route calls:
 *
 *   plan_item         an item of an agency's yearly drafting plan
 *   draft             a draft opened by an agency (steps: the norm_doc steps);
 *                     amends_case_id: @key of the draft whose document it amends
 *   review            the legal head assigns the review of a draft submitted
 *                     for it (draft_case_id: @key of the draft; reviewer: the
 *                     reviewer's username); steps: the review's own (opinion)
 *   comment           a comment of the public on a draft out for comment
 *   comment_answer    the drafter's answer to a comment (comment_id: @key)
 *   fair_check        the drafter's fair-competition check list of a draft
 *   precheck_decision a pre-check hit (found by its words, term) confirmed or
 *                     dismissed
 *   filing_result     the receiving body's result of a filing (recipient npc
 *                     or government)
 */
#include <string.h>

#include "modules/normative/norm_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static int64_t int_of(json_t *f, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(f, key));
}

static enum fz_code plan_item(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			      struct fz_err *err)
{
	(void)case_id;
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_plan_inputs, 16, f, NULL, err);
	return rc ? rc : fz_norm_plan_create(ctx, f, id, err);
}

static enum fz_code draft(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			  struct fz_err *err)
{
	/* amends_case_id: @key of the draft that issued the document this one amends. */
	json_t *amends = json_object_get(f, "amends_case_id");
	if (amends) {
		struct fz_stmt *st = fz_db_query(
			ctx->db, err, "SELECT COALESCE(doc_id, 0) FROM norm_draft WHERE case_id = ?", "i",
			(int64_t)json_integer_value(amends));
		if (!st)
			return err->code;
		int64_t doc = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!doc)
			return fz_err_set(err, FZ_EBAD_VALUE, "amends_case_id", "要修改的草案尚未发布为规范性文件");
		json_object_set_new(f, "amends_doc_id", json_integer(doc));
		json_object_del(f, "amends_case_id");
	}
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_draft_inputs, 32, f, NULL, err);
	struct fz_case_row c;
	if (rc || (rc = fz_norm_draft_create(ctx, f, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static enum fz_code review(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			   struct fz_err *err)
{
	int64_t draft_id = int_of(f, "draft_case_id");
	const char *reviewer = fz_json_str(f, "reviewer");
	if (!draft_id)
		return fz_err_set(err, FZ_EMISSING_FIELD, "draft_case_id", "请写明送审的草案（@key）");
	if (!reviewer)
		return fz_err_set(err, FZ_EMISSING_FIELD, "reviewer", "请写明审核人员的用户名");
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT COALESCE(review_case_id, 0) FROM norm_draft WHERE case_id = ?",
					 "i", draft_id);
	if (!st)
		return err->code;
	int64_t rcase = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!rcase)
		return fz_err_set(err, FZ_EBAD_VALUE, "draft_case_id", "该草案尚未送合法性审核");
	st = fz_db_query(ctx->db, err, "SELECT user_id FROM app_user WHERE username = ?", "t",
			 reviewer);
	if (!st)
		return err->code;
	int64_t uid = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!uid)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer", "没有用户名为“%s”的账号", reviewer);
	json_t *in = json_pack("{s:I}", "reviewer_id", (json_int_t)uid);
	enum fz_code rc = fz_case_act_current(ctx, rcase, "assign", in, err);
	json_decref(in);
	if (rc)
		return rc;
	*id = *case_id = rcase;
	return FZ_OK;
}

static enum fz_code comment(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_comment_inputs, 8, f, extra, err);
	char code[15];
	return rc ? rc : fz_norm_comment_submit(ctx, int_of(f, "case_id"), f, code, id, err);
}

static enum fz_code comment_answer(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"comment_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_answer_inputs, 8, f, extra, err);
	*id = int_of(f, "comment_id");
	return rc ? rc : fz_norm_comment_answer(ctx, *id, f, err);
}

static enum fz_code fair_check(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			       struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_fair_inputs, 16, f, extra, err);
	*id = int_of(f, "case_id");
	return rc ? rc : fz_norm_fair_save(ctx, *id, f, err);
}

static enum fz_code precheck_decision(struct fz_ctx *ctx, json_t *f, int64_t *id,
				      int64_t *case_id, struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", "term", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_hit_inputs, 8, f, extra, err);
	if (rc)
		return rc;
	int64_t draft_id = int_of(f, "case_id");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT MIN(seq) FROM norm_precheck_hit WHERE case_id = ? AND term = ? AND status = 'open'",
		"it", draft_id, fz_json_str(f, "term") ? fz_json_str(f, "term") : "");
	if (!st)
		return err->code;
	int64_t seq = fz_stmt_row(st) && !fz_col_null(st, 0) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!seq)
		return fz_err_set(err, FZ_EBAD_VALUE, "term", "该草案没有待处理的含“%s”的预审提示",
				  fz_json_str(f, "term") ? fz_json_str(f, "term") : "");
	*id = seq;
	return fz_norm_hit_decide(ctx, draft_id, seq, f, err);
}

static enum fz_code filing_result(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				  struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", "recipient", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_norm_filing_result_inputs, 8, f, extra, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT f.filing_id FROM norm_filing f JOIN norm_draft d ON d.doc_id = f.doc_id"
		" AND d.version_id = f.version_id WHERE d.case_id = ? AND f.recipient = ?",
		"it", int_of(f, "case_id"), fz_json_str(f, "recipient") ? fz_json_str(f, "recipient") : "");
	if (!st)
		return err->code;
	*id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!*id)
		return fz_err_set(err, FZ_EBAD_VALUE, "recipient",
				  "该草案没有报送该机关（npc 或 government）的备案记录");
	return fz_norm_filing_result(ctx, *id, f, err);
}

static const struct fz_demo_kind kinds[] = {
	{"plan_item", NULL, plan_item},
	{"draft", "norm_doc", draft},
	{"review", "legal_review", review},
	{"comment", NULL, comment},
	{"comment_answer", NULL, comment_answer},
	{"fair_check", NULL, fair_check},
	{"precheck_decision", NULL, precheck_decision},
	{"filing_result", NULL, filing_result},
	{NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_normative[]; /* scripts/embed-demo.py */

const struct fz_demo fz_norm_demo = {fz_demo_files_normative, kinds};
