/*
 * proposal_api.c - the module's routes: sessions, item entry, the staff list
 * and its export, statistics, the reply letter (Word) and the portal's
 * published replies. Generic case routes serve the steps and the detail.
 */
#include <string.h>

#include "modules/proposal/proposal_int.h"
#include "platform/documents.h"
#include "core/text.h"
#include "platform/jsonx.h"

const struct fz_input fz_proposal_session_inputs[] = {
    {.name = "body",
     .label = "机关",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_proposal_bodies},
    {.name = "name", .label = "会次名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 60},
    {.name = "opens_on", .label = "开幕日期", .type = FZ_IN_DATE, .required = true},
    {.name = "closes_on", .label = "闭幕日期", .type = FZ_IN_DATE, .required = true},
    {.name = NULL},
};

/* authors ([{name, unit}]) is checked by the store beside these. */
const struct fz_input fz_proposal_item_inputs[] = {
    {.name = "session_id",
     .label = "会次",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 1000000000},
    {.name = "item_no", .label = "编号", .type = FZ_IN_TEXT, .required = true, .max_chars = 20},
    {.name = "title", .label = "标题", .type = FZ_IN_TEXT, .required = true, .max_chars = 200},
    {.name = "content",
     .label = "内容",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 10000},
    {.name = NULL},
};

static enum fz_code sessions_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_proposal_sessions_json(req->ctx, out, err);
}

static enum fz_code sessions_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_proposal_session_create(req->ctx, req->body, &id, err);
	if (rc)
		return rc;
	*out = json_pack("{s:I}", "session_id", (json_int_t)id);
	return FZ_OK;
}

static enum fz_code item_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	json_t *in = json_deep_copy(req->body);
	struct fz_case_row c;
	enum fz_code rc = fz_proposal_item_create(req->ctx, in, &c, err);
	json_decref(in);
	if (rc)
		return rc;
	*out = json_pack("{s:I, s:s}", "case_id", (json_int_t)c.case_id, "number", c.number);
	return FZ_OK;
}

/* POST /api/proposals/import?session_id=&commit=1: the workbook as multipart (field "file") or raw.
 */
static enum fz_code import(struct fz_req *req, json_t **out, struct fz_err *err)
{
	const char *sid = fz_req_query(req, "session_id");
	int64_t id = 0;
	if (!sid || !*sid)
		return fz_err_set(err, FZ_EMISSING_FIELD, "session_id",
				  "请选择导入到哪个会次（session_id）");
	struct fz_stmt *st = NULL;
	if (fz_parse_int(sid, 1, 1000000000, &id))
		st = fz_db_query(req->ctx->db, err,
				 "SELECT COUNT(*) FROM proposal_session WHERE session_id = ?", "i",
				 id);
	bool found = st && fz_stmt_row(st) && fz_col_int(st, 0) > 0;
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_EBAD_VALUE, "session_id", "会次不存在，请先登记会次");
	if (!req->upload_len)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "请上传 .xlsx 文件");
	const char *c = fz_req_query(req, "commit");
	bool commit = c && (strcmp(c, "1") == 0 || strcmp(c, "true") == 0);
	return fz_proposal_import(req->ctx, id, req->upload_data, req->upload_len, commit, out,
				  err);
}

static enum fz_code list_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_proposal_list, out, err);
}

static enum fz_code list_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_proposal_list, out, err);
}

static enum fz_code public_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_proposal_public_list, out, err);
}

static enum fz_code public_one(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	if (!fz_req_id(req, 0, &id))
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "没有找到该公开答复");
	return fz_proposal_public_one(req->ctx, id, out, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	return rc ? rc : fz_proposal_stats_json(req->ctx, year, out, err);
}

static const char *cn_date(struct fz_ctx *ctx, const char *iso)
{
	int day;
	char buf[32];
	if (!iso || fz_date_parse(iso, &day))
		day = ctx->today;
	fz_date_chinese(day, buf);
	return fz_arena_strdup(ctx->arena, buf);
}

/* The reply letter (答复函): to the authors, with the result category. */
static enum fz_code reply_docx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	int64_t id;
	struct fz_case_row c;
	struct fz_ctx *ctx = req->ctx;
	if (!fz_req_id(req, 0, &id) || fz_case_load(ctx, id, false, &c, err) ||
	    strcmp(c.type->name, "proposal") != 0)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "建议提案不存在");
	json_t *f = json_object();
	enum fz_code rc = fz_proposal_fields(ctx, id, f, err);
	if (rc) {
		json_decref(f);
		return rc;
	}
	bool npc = fz_json_str(f, "body") && strcmp(fz_json_str(f, "body"), "npc") == 0;
	const char *what = npc ? "建议" : "提案";
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT name FROM agency WHERE agency_id = ?", "i", c.agency_id);
	const char *lead =
	    st && fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : "承办单位";
	fz_stmt_done(st);
	char names[512] = "";
	size_t i;
	json_t *a;
	json_array_foreach (json_object_get(f, "authors"), i, a) {
		if (i)
			strncat(names, "、", sizeof names - strlen(names) - 1);
		strncat(names, fz_json_str(a, "name"), sizeof names - strlen(names) - 1);
	}
	const char *result = fz_json_str(f, "result");
	struct fz_docx *doc = fz_docx_new();
	fz_docx_para(doc, FZ_P_TITLE,
		     fz_arena_printf(ctx->arena, "关于%s第%s号%s的答复",
				     fz_json_str(f, "session_name"), fz_json_str(f, "item_no"),
				     what));
	if (result)
		fz_docx_para(doc, FZ_P_SUBTITLE, fz_option_label(fz_proposal_results, result));
	fz_docx_para(doc, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "%s%s：", names, npc ? "代表" : "委员"));
	fz_docx_para(doc, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "您提出的《%s》收悉。现答复如下：",
				     fz_json_str(f, "title")));
	fz_docx_para(doc, FZ_P_BODY,
		     fz_json_str(f, "reply_text") ? fz_json_str(f, "reply_text")
						  : "（答复正文待填写）");
	fz_docx_para(doc, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "感谢您对%s工作的关心和支持。", lead));
	fz_docx_para(doc, FZ_P_PLAIN, "");
	fz_docx_para(doc, FZ_P_RIGHT, lead);
	fz_docx_para(doc, FZ_P_RIGHT, cn_date(ctx, fz_json_str(f, "replied_on")));
	char *data;
	size_t len;
	rc = fz_docx_finish(doc, &data, &len, err);
	fz_docx_free(doc);
	if (!rc)
		fz_req_file(
		    req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
		    data, len, fz_arena_printf(ctx->arena, "答复函-%s.docx", c.number));
	json_decref(f);
	return rc;
}

void fz_proposal_meta(json_t *obj)
{
	json_object_set_new(obj, "proposal_bodies", fz_options_json(fz_proposal_bodies));
	json_object_set_new(obj, "proposal_results", fz_options_json(fz_proposal_results));
	json_object_set_new(obj, "proposal_ratings", fz_options_json(fz_proposal_ratings));
	json_object_set_new(obj, "proposal_ways", fz_options_json(fz_proposal_ways));
}

#define T     "建议提案"
#define LEGAL FZ_ROLES_LEGAL

const struct fz_route fz_proposal_routes[] = {
    {"GET", "/api/proposal-sessions", sessions_get, FZ_ROLES_SIGNED_IN, 0,
     "人大、政协会次列表（含各会次件数）", T},
    {"POST", "/api/proposal-sessions", sessions_post, LEGAL, 0,
     "登记人大或政协会次（届次、会次、会期）", T, .body = fz_proposal_session_inputs,
     .status = 201},
    {"POST", "/api/proposals", item_post, LEGAL, FZ_R_JSON,
     "登记一件人大代表建议或政协委员提案（编号、标题、内容、提出人）", T, .status = 201},
    {"POST", "/api/proposals/import", import, LEGAL, FZ_R_UPLOAD,
     "从 Excel 导入一个会次的建议或提案（先预检，commit=1 时全部导入或全部不导入）", T},
    {"GET", "/api/proposals", list_get, FZ_ROLES_SIGNED_IN, 0,
     "建议提案列表：按年度、会次、机关、状态、主办单位、按期、满意、关键词筛选", T},
    {"GET", "/api/proposals.xlsx", list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出建议提案列表（Excel，筛选和排序同列表）", T},
    {"GET", "/api/proposals/stats", stats, FZ_ROLES_SIGNED_IN, 0,
     "建议提案年度统计：件数、按期答复、满意，按机关、按主办单位", T},
    {"GET", "/api/cases/{id}/documents/proposal-reply.docx", reply_docx,
     FZ_ROLES_ALL_AGENCIES | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD, 0,
     "生成建议提案答复函（Word）", T, "case:proposal"},
    {"GET", "/api/public/proposals", public_list, FZ_ROLES_ANYONE, 0,
     "公开的建议提案答复（不含代表委员个人信息）", T},
    {"GET", "/api/public/proposals/{id}", public_one, FZ_ROLES_ANYONE, 0,
     "一件公开的建议提案答复（不含代表委员个人信息）", T},
    {NULL, NULL, NULL, 0, 0, NULL, NULL},
};
