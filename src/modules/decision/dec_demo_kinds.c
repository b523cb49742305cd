/*
 * dec_demo_kinds.c - what a record of the decisions' demo data becomes, each
 * through the function its route calls:
 *
 *   item            an item proposed for a year's catalogue (as its agency)
 *   item_approve    the government approves an item (item_id: @key)
 *   item_adjust     the government adjusts an approved item (item_id, change_reason, …)
 *   item_drop       an item taken off the catalogue (item_id, reason)
 *   catalogue_publish  the approved items of a year published on the portal (year)
 *   meeting         an executive or plenary meeting of the government, with 会前学法
 *   decision        a decision started from an item (item_id: @key); steps: its transitions
 *   expert          an expert's opinion (case_id: @key of the decision)
 *   speeches        the speeches at the meeting (case_id; speeches: [...], the head last)
 *   comment         a comment of the public (case_id), inside the period
 *   comment_answer  the undertaking agency's answer (comment_id: @key)
 *   review          the legal head assigns the legality review of a decision submitted
 *                   for it (decision_case_id: @key; reviewer: username); steps: opinion
 */
#include <string.h>

#include "modules/decision/dec_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static int64_t int_of(json_t *f, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(f, key));
}

static enum fz_code item(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			 struct fz_err *err)
{
	(void)case_id;
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_item_inputs, 16, f, NULL, err);
	return rc ? rc : fz_dec_item_create(ctx, f, id, err);
}

static enum fz_code item_approve(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				 struct fz_err *err)
{
	(void)case_id;
	*id = int_of(f, "item_id");
	return fz_dec_item_approve(ctx, *id, err);
}

static enum fz_code item_adjust(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"item_id", NULL};
	*id = int_of(f, "item_id");
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_item_edit_inputs, 16, f, extra, err);
	return rc ? rc : fz_dec_item_edit(ctx, *id, f, err);
}

static enum fz_code item_drop(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			      struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"item_id", NULL};
	*id = int_of(f, "item_id");
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_reason_inputs, 8, f, extra, err);
	return rc ? rc : fz_dec_item_drop(ctx, *id, fz_json_str(f, "reason"), err);
}

static enum fz_code catalogue_publish(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				      struct fz_err *err)
{
	(void)case_id;
	long n = 0;
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_publish_inputs, 8, f, NULL, err);
	*id = int_of(f, "year");
	return rc ? rc : fz_dec_catalogue_publish(ctx, (int)*id, &n, err);
}

static enum fz_code meeting(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	(void)case_id;
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_meeting_inputs, 16, f, NULL, err);
	return rc ? rc : fz_dec_meeting_create(ctx, f, id, err);
}

static enum fz_code decision(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_create_inputs, 16, f, NULL, err);
	struct fz_case_row c;
	if (rc || (rc = fz_dec_create(ctx, f, &c, err)))
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static enum fz_code expert(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			   struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_expert_inputs, 16, f, extra, err);
	return rc ? rc : fz_dec_expert_add(ctx, int_of(f, "case_id"), f, id, err);
}

static enum fz_code speeches(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	(void)case_id;
	*id = int_of(f, "case_id");
	return fz_dec_speeches_save(ctx, *id, f, err);
}

static enum fz_code comment(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_comment_inputs, 8, f, extra, err);
	char code[15];
	return rc ? rc : fz_dec_comment_submit(ctx, int_of(f, "case_id"), f, code, id, err);
}

static enum fz_code comment_answer(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"comment_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_dec_answer_inputs, 8, f, extra, err);
	*id = int_of(f, "comment_id");
	return rc ? rc : fz_dec_comment_answer(ctx, *id, f, err);
}

static enum fz_code review(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			   struct fz_err *err)
{
	int64_t dec = int_of(f, "decision_case_id");
	const char *reviewer = fz_json_str(f, "reviewer");
	if (!dec)
		return fz_err_set(err, FZ_EMISSING_FIELD, "decision_case_id",
				  "请写明送审的决策（@key）");
	if (!reviewer)
		return fz_err_set(err, FZ_EMISSING_FIELD, "reviewer", "请写明审查人员的用户名");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT COALESCE(review_case_id, 0) FROM dec_decision WHERE case_id = ?",
	    "i", dec);
	if (!st)
		return err->code;
	int64_t rcase = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!rcase)
		return fz_err_set(err, FZ_EBAD_VALUE, "decision_case_id", "该决策尚未送合法性审查");
	st = fz_db_query(ctx->db, err, "SELECT user_id FROM app_user WHERE username = ?", "t",
			 reviewer);
	if (!st)
		return err->code;
	int64_t uid = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!uid)
		return fz_err_set(err, FZ_EBAD_VALUE, "reviewer", "没有用户名为“%s”的账号",
				  reviewer);
	json_t *in = json_pack("{s:I}", "reviewer_id", (json_int_t)uid);
	enum fz_code rc = fz_case_act_current(ctx, rcase, "assign", in, err);
	json_decref(in);
	if (rc)
		return rc;
	*id = *case_id = rcase;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
    {"item", NULL, item},
    {"item_approve", NULL, item_approve},
    {"item_adjust", NULL, item_adjust},
    {"item_drop", NULL, item_drop},
    {"catalogue_publish", NULL, catalogue_publish},
    {"meeting", NULL, meeting},
    {"decision", FZ_DEC_TYPE, decision},
    {"expert", NULL, expert},
    {"speeches", NULL, speeches},
    {"comment", NULL, comment},
    {"comment_answer", NULL, comment_answer},
    {"review", "legal_review", review},
    {NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_decision[]; /* scripts/embed-demo.py */

const struct fz_demo fz_dec_demo = {fz_demo_files_decision, kinds};
