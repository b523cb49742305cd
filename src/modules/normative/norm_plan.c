/*
 * norm_plan.c - the yearly drafting plan (年度制定计划): the items each agency
 * means to draft in a year, the county's view of all of them, and the item's
 * status as its draft moves (planned → drafting on a draft from the plan →
 * issued on the document's issue; dropped when taken off the plan or when its
 * draft is abandoned). A document starts from the plan or with a reason
 * (norm_draft.c); the plan's figures are counted elsewhere from these rows.
 *
 * Also the module's one audit helper for writes that are not case steps.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"

enum fz_code fz_norm_audit(struct fz_ctx *ctx, int64_t case_id, const char *entity,
			   const char *action, const char *note, json_t *input, const char *after,
			   struct fz_err *err)
{
	struct fz_event ev = {.case_id = case_id,
			      .entity = entity,
			      .action = action,
			      .note = note,
			      .input = input ? fz_json_text(ctx->arena, input, NULL) : NULL,
			      .after = after};
	return fz_audit_append(ctx, &ev, NULL, err);
}

const struct fz_option fz_norm_plan_statuses[] = {
	{"planned", "计划中"},
	{"drafting", "起草中"},
	{"issued", "已发布"},
	{"dropped", "已调出计划"},
	{NULL, NULL},
};

const struct fz_input fz_norm_plan_inputs[] = {
	{.name = "agency_id", .label = "起草单位", .type = FZ_IN_AGENCY},
	{.name = "year", .label = "计划年度", .type = FZ_IN_INT, .required = true, .min = 2000,
	 .max = 2100},
	{.name = "title", .label = "文件名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
	{.name = "reason", .label = "制定必要性和主要内容", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 2000},
	{.name = "issuing_body", .label = "制定机关", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 60},
	{.name = "planned_quarter", .label = "计划完成季度", .type = FZ_IN_INT, .required = true,
	 .min = 1, .max = 4},
	{.name = NULL},
};

const struct fz_input fz_norm_plan_edit_inputs[] = {
	{.name = "title", .label = "文件名称", .type = FZ_IN_TEXT, .max_chars = 100},
	{.name = "reason", .label = "制定必要性和主要内容", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
	{.name = "issuing_body", .label = "制定机关", .type = FZ_IN_TEXT, .max_chars = 60},
	{.name = "planned_quarter", .label = "计划完成季度", .type = FZ_IN_INT, .min = 1, .max = 4},
	{.name = NULL},
};

const struct fz_input fz_norm_plan_drop_inputs[] = {
	{.name = "reason", .label = "调出计划的理由", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 1000},
	{.name = NULL},
};

#define PLAN_COLS                                                                               \
	"p.item_id, p.agency_id, a.name, p.year, p.title, p.reason, p.issuing_body,"            \
	" p.planned_quarter, p.status, p.drop_reason, p.dropped_on, p.created_at,"             \
	" (SELECT MAX(d.case_id) FROM norm_draft d WHERE d.plan_item_id = p.item_id)"

static json_t *plan_json(struct fz_stmt *st)
{
	json_t *o = json_object();
	json_object_set_new(o, "item_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 1)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 2));
	json_object_set_new(o, "year", json_integer(fz_col_int(st, 3)));
	fz_json_set_str(o, "title", fz_col_text(st, 4));
	fz_json_set_str(o, "reason", fz_col_text(st, 5));
	fz_json_set_str(o, "issuing_body", fz_col_text(st, 6));
	json_object_set_new(o, "planned_quarter", json_integer(fz_col_int(st, 7)));
	const char *s = fz_col_text(st, 8);
	fz_json_set_str(o, "status", s);
	fz_json_set_str(o, "status_label", fz_option_label(fz_norm_plan_statuses, s));
	fz_json_set_str(o, "drop_reason", fz_col_null(st, 9) ? NULL : fz_col_text(st, 9));
	fz_json_set_str(o, "dropped_on", fz_col_null(st, 10) ? NULL : fz_col_text(st, 10));
	fz_json_set_str(o, "created_at", fz_col_text(st, 11));
	if (!fz_col_null(st, 12))
		json_object_set_new(o, "draft_case_id", json_integer(fz_col_int(st, 12)));
	return o;
}

static enum fz_code plan_get(struct fz_ctx *ctx, int64_t id, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " PLAN_COLS " FROM norm_plan_item p"
					 " JOIN agency a ON a.agency_id = p.agency_id WHERE p.item_id = ?",
					 "i", id);
	if (!st)
		return err->code;
	json_t *o = fz_stmt_row(st) ? plan_json(st) : NULL;
	int64_t agency = o ? (int64_t)json_integer_value(json_object_get(o, "agency_id")) : 0;
	fz_stmt_done(st);
	if (!o || !fz_ctx_may_see(ctx, agency)) {
		json_decref(o);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "年度制定计划项目不存在");
	}
	/* The draft made from it, for the link on the plan page. */
	json_t *d = json_object_get(o, "draft_case_id");
	if (d) {
		st = fz_db_query(ctx->db, err,
				 "SELECT number, state FROM case_record WHERE case_id = ?", "i",
				 (int64_t)json_integer_value(d));
		if (st && fz_stmt_row(st)) {
			fz_json_set_str(o, "draft_number", fz_col_text(st, 0));
			fz_json_set_str(o, "draft_state", fz_col_text(st, 1));
		}
		fz_stmt_done(st);
	}
	*out = o;
	return FZ_OK;
}

enum fz_code fz_norm_plan_create(struct fz_ctx *ctx, json_t *in, int64_t *id, struct fz_err *err)
{
	int64_t agency = (int64_t)json_integer_value(json_object_get(in, "agency_id"));
	if (!agency)
		agency = ctx->user ? ctx->user->agency_id : 0;
	if (!agency || !fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能为本单位编制年度制定计划");
	char now[21];
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO norm_plan_item(agency_id, year, title, reason, issuing_body,"
		" planned_quarter, created_by, created_at) VALUES (?, ?, ?, ?, ?, ?, NULLIF(?, 0), ?)"
		" RETURNING item_id",
		"iItttIit", agency, (int)json_integer_value(json_object_get(in, "year")),
		fz_json_str(in, "title"), fz_json_str(in, "reason"), fz_json_str(in, "issuing_body"),
		(int)json_integer_value(json_object_get(in, "planned_quarter")),
		ctx->user ? ctx->user->user_id : (int64_t)0, now);
	if ((rc = fz_stmt_exec_id(st, id, err)))
		goto fail;
	if ((rc = fz_norm_audit(ctx, 0, "norm_plan_item", "plan_create", NULL, in,
				fz_arena_printf(ctx->arena, "{\"item_id\":%lld}", (long long)*id), err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* The item's status, or FZ_ENOT_FOUND; refuses (409) an item no longer only planned. */
static enum fz_code planned_only(struct fz_ctx *ctx, int64_t id, const char *doing,
				 struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT status, agency_id FROM norm_plan_item WHERE item_id = ?",
					 "i", id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	const char *status = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : "";
	int64_t agency = found ? fz_col_int(st, 1) : 0;
	fz_stmt_done(st);
	if (!found || !fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "年度制定计划项目不存在");
	if (strcmp(status, "planned") != 0)
		return fz_err_set(err, FZ_ESTATE, NULL, "该计划项目%s，不能再%s",
				  fz_option_label(fz_norm_plan_statuses, status), doing);
	return FZ_OK;
}

static enum fz_code plan_edit(struct fz_ctx *ctx, int64_t id, json_t *in, struct fz_err *err)
{
	enum fz_code rc = planned_only(ctx, id, "修改", err);
	if (rc)
		return rc;
	static const char *const cols[] = {"title", "reason", "issuing_body", NULL};
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	for (const char *const *k = cols; *k; k++) {
		const char *v = fz_json_str(in, *k);
		if (!v)
			continue;
		if (fz_text_blank(v)) {
			rc = fz_err_set(err, FZ_EMISSING_FIELD, *k, "不能改为空白");
			goto fail;
		}
		char *sql = fz_arena_printf(ctx->arena, "UPDATE norm_plan_item SET %s = ? WHERE item_id = ?",
					    *k);
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err, sql, "ti", v, id), err)))
			goto fail;
	}
	json_t *q = json_object_get(in, "planned_quarter");
	if (q && json_is_integer(q) &&
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "UPDATE norm_plan_item SET planned_quarter = ? WHERE item_id = ?", "Ii",
				  (int)json_integer_value(q), id),
		      err)))
		goto fail;
	if ((rc = fz_norm_audit(ctx, 0, "norm_plan_item", "plan_edit", NULL, in,
				fz_arena_printf(ctx->arena, "{\"item_id\":%lld}", (long long)id), err)))
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_norm_plan_set_dropped(struct fz_ctx *ctx, int64_t id, const char *reason,
				      struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "UPDATE norm_plan_item SET status = 'dropped', drop_reason = ?,"
			       " dropped_on = ? WHERE item_id = ?",
			       "tti", reason, today, id),
		   err);
}

static enum fz_code plan_drop(struct fz_ctx *ctx, int64_t id, json_t *in, struct fz_err *err)
{
	enum fz_code rc = planned_only(ctx, id, "调出计划", err);
	if (rc || (rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_norm_plan_set_dropped(ctx, id, fz_json_str(in, "reason"), err)) ||
	    (rc = fz_norm_audit(ctx, 0, "norm_plan_item", "plan_drop", fz_json_str(in, "reason"), in,
				fz_arena_printf(ctx->arena, "{\"item_id\":%lld}", (long long)id),
				err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_db_commit(ctx->db, err);
}

/* ---- the list: one agency's plan, or the county's ---- */

static const char *const plan_like[] = {"p.title", "p.issuing_body", NULL};

static const struct fz_list_filter plan_filters[] = {
	{.param = "year", .label = "计划年度", .kind = FZ_LF_INT, .sql = "p.year = ?", .min = 2000,
	 .max = 2100},
	{.param = "agency_id", .label = "起草单位", .kind = FZ_LF_AGENCY, .sql = "p.agency_id = ?"},
	{.param = "status", .label = "状态", .kind = FZ_LF_OPTION, .sql = "p.status = ?",
	 .options = fz_norm_plan_statuses},
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50,
	 .like = plan_like},
	{.param = NULL},
};

static const struct fz_list_sort plan_sorts[] = {
	{.name = "quarter", .expr = "p.planned_quarter"},
	{.name = "agency", .expr = "a.sort_order"},
	{.name = "created_at", .expr = "p.item_id"},
	{.name = NULL},
};

static const struct fz_list_col plan_cols[] = {
	{.key = "year", .header = "年度", .kind = FZ_LC_NUMBER, .width = 8},
	{.key = "agency_name", .header = "起草单位", .width = 24},
	{.key = "title", .header = "文件名称", .width = 40},
	{.key = "issuing_body", .header = "制定机关", .width = 22},
	{.key = "planned_quarter", .header = "计划完成季度", .kind = FZ_LC_NUMBER, .width = 10},
	{.key = "status_label", .header = "状态", .width = 12},
	{.key = "reason", .header = "制定必要性和主要内容", .width = 50},
	{.key = NULL},
};

static json_t *plan_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx, (void)arg;
	return plan_json(st);
}

const struct fz_list fz_norm_plans_list = {
	.name = "规范性文件年度制定计划",
	.select = PLAN_COLS,
	.from = "norm_plan_item p JOIN agency a ON a.agency_id = p.agency_id",
	.scope = "p.agency_id",
	.filters = plan_filters,
	.sorts = plan_sorts,
	.sort_default = "quarter",
	.tiebreak = "p.item_id",
	.per_page_max = 500,
	.row = plan_row,
	.columns = plan_cols,
};

/* ---- routes ---- */

enum fz_code fz_norm_plans_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_norm_plans_list, out, err);
}

enum fz_code fz_norm_plans_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_norm_plans_list, out, err);
}

enum fz_code fz_norm_plan_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_norm_plan_create(req->ctx, req->body, &id, err);
	return rc ? rc : plan_get(req->ctx, id, out, err);
}

enum fz_code fz_norm_plan_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "年度制定计划项目不存在", err);
	if (!rc)
		rc = plan_edit(req->ctx, id, req->body, err);
	return rc ? rc : plan_get(req->ctx, id, out, err);
}

enum fz_code fz_norm_plan_drop(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "年度制定计划项目不存在", err);
	if (!rc)
		rc = plan_drop(req->ctx, id, req->body, err);
	return rc ? rc : plan_get(req->ctx, id, out, err);
}
