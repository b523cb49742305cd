/*
 * legal_demo_kinds.c - what a record of the legal affairs' demo data becomes:
 *
 *   adviser          an adviser or public lawyer registered by the legal office
 *   engagement       an engagement of an adviser (adviser_id: @key) by an agency
 *   contract         a contract registered by its agency (counterparties: [{name,
 *                    credit_code}]); steps: the contract's (revise, submit_review,
 *                    sign, dispute, resolve_dispute, complete, terminate, abandon)
 *   contract_review  the legal head assigns the review of a contract submitted for
 *                    it (contract_case_id: @key; reviewer: username); steps: the
 *                    review's own (opinion: the contract then moves on by itself)
 *   milestone        a performance milestone of a contract (case_id: @key)
 *   milestone_done   a milestone done (case_id: @key; seq; done_on; note)
 *   matter           a legal matter referred by an agency; steps: assign, extend,
 *                    answer, withdraw (assign by username: see matter_assign)
 *   matter_assign    the legal head assigns a matter (case_id: @key; handler:
 *                    username); steps: the matter's (extend, answer, …)
 *   opinion          an adviser's opinion on any case (case_id, adviser_id: @key)
 */
#include <string.h>

#include "modules/legal/legal_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

static int64_t int_of(json_t *f, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(f, key));
}

static enum fz_code user_id(struct fz_ctx *ctx, json_t *f, const char *key, int64_t *uid,
			    struct fz_err *err)
{
	const char *name = fz_json_str(f, key);
	if (!name)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请写明用户名");
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err, "SELECT user_id FROM app_user WHERE username = ?", "t", name);
	if (!st)
		return err->code;
	*uid = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return *uid ? FZ_OK : fz_err_set(err, FZ_EBAD_VALUE, key, "没有用户名为“%s”的账号", name);
}

static enum fz_code adviser(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	(void)case_id;
	enum fz_code rc = fz_json_check_inputs(ctx, fz_legal_adviser_inputs, 16, f, NULL, err);
	return rc ? rc : fz_legal_adviser_save(ctx, f, true, id, err);
}

static enum fz_code engagement(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			       struct fz_err *err)
{
	(void)case_id;
	enum fz_code rc = fz_json_check_inputs(ctx, fz_legal_engagement_inputs, 16, f, NULL, err);
	return rc ? rc : fz_legal_engagement_add(ctx, f, id, err);
}

static enum fz_code contract(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_legal_contract_create(ctx, f, &c, err);
	if (!rc)
		*id = *case_id = c.case_id;
	return rc;
}

static enum fz_code contract_review(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				    struct fz_err *err)
{
	int64_t contract_id = int_of(f, "contract_case_id"), uid = 0;
	if (!contract_id)
		return fz_err_set(err, FZ_EMISSING_FIELD, "contract_case_id",
				  "请写明送审的合同（@key）");
	enum fz_code rc = user_id(ctx, f, "reviewer", &uid, err);
	if (rc)
		return rc;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT COALESCE(review_case_id, 0) FROM legal_contract WHERE case_id = ?",
			"i", contract_id);
	if (!st)
		return err->code;
	int64_t rcase = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!rcase)
		return fz_err_set(err, FZ_EBAD_VALUE, "contract_case_id", "该合同尚未送合法性审核");
	json_t *in = json_pack("{s:I}", "reviewer_id", (json_int_t)uid);
	rc = fz_case_act_current(ctx, rcase, "assign", in, err);
	json_decref(in);
	if (!rc)
		*id = *case_id = rcase;
	return rc;
}

static enum fz_code milestone(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			      struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_legal_milestone_inputs, 8, f, extra, err);
	return rc ? rc : fz_legal_milestone_add(ctx, int_of(f, "case_id"), f, id, err);
}

static enum fz_code milestone_done(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", "seq", NULL};
	enum fz_code rc =
	    fz_json_check_inputs(ctx, fz_legal_milestone_done_inputs, 8, f, extra, err);
	*id = int_of(f, "seq");
	return rc ? rc : fz_legal_milestone_done(ctx, int_of(f, "case_id"), *id, f, err);
}

static enum fz_code matter(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			   struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, fz_legal_matter_inputs, 16, f, NULL, err);
	struct fz_case_row c;
	if (!rc)
		rc = fz_legal_matter_create(ctx, f, &c, err);
	if (!rc)
		*id = *case_id = c.case_id;
	return rc;
}

static enum fz_code matter_assign(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				  struct fz_err *err)
{
	int64_t uid = 0, mcase = int_of(f, "case_id");
	enum fz_code rc = user_id(ctx, f, "handler", &uid, err);
	if (rc)
		return rc;
	json_t *in = json_pack("{s:I}", "handler_id", (json_int_t)uid);
	const char *note = fz_json_str(f, "note");
	if (note)
		json_object_set_new(in, "note", json_string(note));
	rc = fz_case_act_current(ctx, mcase, "assign", in, err);
	json_decref(in);
	if (!rc)
		*id = *case_id = mcase;
	return rc;
}

static enum fz_code opinion(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	(void)case_id;
	static const char *const extra[] = {"case_id", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, fz_legal_opinion_inputs, 8, f, extra, err);
	return rc ? rc : fz_legal_opinion_add(ctx, int_of(f, "case_id"), f, id, err);
}

static const struct fz_demo_kind kinds[] = {
    {"adviser", NULL, adviser},
    {"engagement", NULL, engagement},
    {"contract", FZ_LEGAL_CONTRACT, contract},
    {"contract_review", "legal_review", contract_review},
    {"milestone", NULL, milestone},
    {"milestone_done", NULL, milestone_done},
    {"matter", FZ_LEGAL_MATTER, matter},
    {"matter_assign", FZ_LEGAL_MATTER, matter_assign},
    {"opinion", NULL, opinion},
    {NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_legal[]; /* scripts/embed-demo.py */

const struct fz_demo fz_legal_demo = {fz_demo_files_legal, kinds};
