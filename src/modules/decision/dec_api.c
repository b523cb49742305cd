/*
 * dec_api.c - the routes of major administrative decisions as rows
 * (platform/api.h). A decision's steps are the generic case routes
 * (GET /api/cases/{id}, POST /api/cases/{id}/actions/{action}); docs/decision.md
 * lists every route, body and field.
 */
#include <string.h>

#include "core/text.h"
#include "modules/decision/dec_int.h"
#include "platform/jsonx.h"

void fz_dec_meta(json_t *obj)
{
	json_t *o = json_object();
	json_object_set_new(o, "outcomes", fz_options_json(fz_dec_outcomes));
	json_object_set_new(o, "meeting_kinds", fz_options_json(fz_dec_meeting_kinds));
	json_object_set_new(o, "item_statuses", fz_options_json(fz_dec_item_statuses));
	json_object_set_new(o, "risk_levels", fz_options_json(fz_dec_risk_levels));
	json_object_set_new(o, "evaluation_conclusions", fz_options_json(fz_dec_eval_conclusions));
	json_object_set_new(o, "adoptions", fz_options_json(fz_dec_adoptions));
	json_object_set_new(obj, "decision", o);
}

const struct fz_record_kind fz_dec_records[] = {
    /*
     * The catalogue is the county's: every staff user reads an item (the portal publishes it;
     * who may change one is dec_catalogue.c's rule). A meeting is the government's record.
     */
    {"dec_item", "SELECT NULL FROM dec_item WHERE item_id = ?"},
    {"dec_meeting", "SELECT agency_id FROM dec_meeting WHERE meeting_id = ?"},
    {"dec_comment",
     "SELECT c.agency_id, c.case_type, c.case_id FROM dec_comment m"
     " JOIN case_record c ON c.case_id = m.case_id WHERE m.comment_id = ?",
     true},
    {NULL, NULL, false},
};

#define LIST_PAIR(name, list)                                                                      \
	static enum fz_code name(struct fz_req *req, json_t **out, struct fz_err *err)             \
	{                                                                                          \
		return fz_list_answer(req, &list, out, err);                                       \
	}                                                                                          \
	static enum fz_code name##_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)      \
	{                                                                                          \
		return fz_list_export(req, &list, out, err);                                       \
	}
LIST_PAIR(decisions_list, fz_dec_list)
LIST_PAIR(catalogue_list, fz_dec_catalogue_list)
LIST_PAIR(meetings_list, fz_dec_meetings_list)
LIST_PAIR(comments_list, fz_dec_comments_list)

static enum fz_code public_catalogue(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_dec_public_catalogue_list, out, err);
}

static enum fz_code public_consultations(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_dec_consultations_list, out, err);
}

static enum fz_code public_decisions(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_dec_public_list, out, err);
}

/* ---- decisions ---- */

static enum fz_code decision_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_dec_create(req->ctx, req->body, &c, err);
	return rc ? rc : fz_case_detail(req->ctx, c.case_id, out, err);
}

static enum fz_code expert_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, expert = 0;
	enum fz_code rc = fz_req_path_id(req, &id, "重大行政决策不存在", err);
	if (rc || (rc = fz_dec_expert_add(req->ctx, id, req->body, &expert, err)))
		return rc;
	return fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code speeches_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "重大行政决策不存在", err);
	if (rc || (rc = fz_dec_speeches_save(req->ctx, id, req->body, err)))
		return rc;
	return fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code case_comments(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "重大行政决策不存在", err);
	return rc ? rc : fz_dec_case_comments_json(req->ctx, id, out, err);
}

static enum fz_code answer_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "意见不存在", err);
	if (rc || (rc = fz_dec_comment_answer(req->ctx, id, req->body, err)))
		return rc;
	*out = json_pack("{s:I, s:s}", "comment_id", (json_int_t)id, "adopted_label",
			 fz_option_label(fz_dec_adoptions, fz_json_str(req->body, "adopted")));
	return FZ_OK;
}

static enum fz_code archive_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	char *data = NULL;
	size_t len = 0;
	const char *name = NULL;
	enum fz_code rc = fz_req_path_id(req, &id, "重大行政决策不存在", err);
	if (rc || (rc = fz_dec_archive_zip(req->ctx, id, &data, &len, &name, err)))
		return rc;
	(void)out;
	fz_req_file(req, "application/zip", data, len, name);
	return FZ_OK;
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	const char *arg = fz_req_query(req, "agency_id");
	if (rc)
		return rc;
	/*
	 * The county government decides every agency's decisions (they are
	 * shared with it): its staff read the county's statistics, or one
	 * undertaking agency's, like the legal office.
	 */
	if (fz_dec_is_gov(req->ctx) && !fz_ctx_sees_all(req->ctx)) {
		agency = 0;
		if (arg && *arg && !fz_parse_int(arg, 0, INT64_MAX, &agency))
			return fz_err_set(err, FZ_EBAD_VALUE, "agency_id", "单位编号应为整数");
	} else if ((rc = fz_figures_agency(req->ctx, arg, &agency, err))) {
		return rc;
	}
	return fz_dec_stats_json(req->ctx, year, agency, out, err);
}

/* ---- the catalogue ---- */

static enum fz_code item_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_dec_item_create(req->ctx, req->body, &id, err);
	return rc ? rc : fz_dec_item_json(req->ctx, id, out, err);
}

static enum fz_code item_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "决策事项目录中没有该项目", err);
	return rc ? rc : fz_dec_item_json(req->ctx, id, out, err);
}

static enum fz_code item_patch(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "决策事项目录中没有该项目", err);
	if (rc || (rc = fz_dec_item_edit(req->ctx, id, req->body, err)))
		return rc;
	return fz_dec_item_json(req->ctx, id, out, err);
}

static enum fz_code item_approve(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "决策事项目录中没有该项目", err);
	if (rc || (rc = fz_dec_item_approve(req->ctx, id, err)))
		return rc;
	return fz_dec_item_json(req->ctx, id, out, err);
}

static enum fz_code item_drop(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "决策事项目录中没有该项目", err);
	if (rc || (rc = fz_dec_item_drop(req->ctx, id, fz_json_str(req->body, "reason"), err)))
		return rc;
	return fz_dec_item_json(req->ctx, id, out, err);
}

static enum fz_code catalogue_publish(struct fz_req *req, json_t **out, struct fz_err *err)
{
	long n = 0;
	int year = (int)json_integer_value(json_object_get(req->body, "year"));
	enum fz_code rc = fz_dec_catalogue_publish(req->ctx, year, &n, err);
	if (rc)
		return rc;
	*out = json_pack("{s:i, s:I}", "year", year, "published", (json_int_t)n);
	return FZ_OK;
}

/* ---- meetings ---- */

static enum fz_code meeting_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_dec_meeting_create(req->ctx, req->body, &id, err);
	return rc ? rc : fz_dec_meeting_json(req->ctx, id, out, err);
}

static enum fz_code meeting_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "会议不存在", err);
	return rc ? rc : fz_dec_meeting_json(req->ctx, id, out, err);
}

/* ---- public ---- */

static enum fz_code consultation_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "征求意见的决策事项不存在", err);
	return rc ? rc : fz_dec_consultation_json(req->ctx, id, out, err);
}

static enum fz_code comment_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, comment = 0;
	char code[15];
	enum fz_code rc = fz_req_path_id(req, &id, "征求意见的决策事项不存在", err);
	if (rc || (rc = fz_dec_comment_submit(req->ctx, id, req->body, code, &comment, err)))
		return rc;
	char today[11];
	fz_date_format(req->ctx->today, today);
	*out = json_pack("{s:s, s:s, s:I}", "tracking_code", code, "submitted_on", today, "case_id",
			 (json_int_t)id);
	return FZ_OK;
}

static enum fz_code comment_track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_dec_comment_track_json(req->ctx, req->params[0], out, err);
}

static enum fz_code public_decision(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "没有找到该重大行政决策", err);
	return rc ? rc : fz_dec_public_json(req->ctx, id, out, err);
}

#define T     "重大行政决策"
#define STAFF (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD | FZ_ROLES_LEGAL)
#define REC   "case:" FZ_DEC_TYPE

const struct fz_route fz_dec_routes[] = {
    /* ---- decisions (the steps: POST /api/cases/{id}/actions/{action}) ---- */
    {"POST", "/api/decisions", decision_post, STAFF, 0,
     "从已批准的决策事项目录项目启动重大行政决策（承办单位）", T, .body = fz_dec_create_inputs,
     .status = 201},
    {"GET", "/api/decisions", decisions_list, FZ_ROLES_SIGNED_IN, 0,
     "重大行政决策列表（分页、排序，按年度、承办单位、环节、决定结果、经公众参与/专家论证/"
     "风险评估筛选）",
     T},
    {"GET", "/api/decisions.xlsx", decisions_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出重大行政决策列表（Excel，筛选和排序同列表）", T},
    {"GET", "/api/decisions/stats", stats, FZ_ROLES_SIGNED_IN, 0,
     "重大行政决策年度统计：目录、决策、公众参与、专家论证、风险评估、合法性审查、公众意见、决策后"
     "评估、会前学法",
     T},
    {"POST", "/api/decisions/{id}/experts", expert_post, STAFF, 0,
     "登记一位专家的论证意见（专家论证环节，承办单位）", T, REC, .body = fz_dec_expert_inputs,
     .status = 201},
    {"PUT", "/api/decisions/{id}/speeches", speeches_put, STAFF, FZ_R_JSON,
     "记录决策会议上会议组成人员按顺序的发言，行政首长最后发表意见（第三十条）", T, REC},
    {"GET", "/api/decisions/{id}/comments", case_comments, FZ_ROLES_SIGNED_IN, 0,
     "决策事项收到的公众意见及答复", T, REC},
    {"GET", "/api/decisions/{id}/archive", archive_get, FZ_ROLES_SIGNED_IN, 0,
     "决策案卷：全部材料和办理过程（ZIP）", T, REC},
    {"GET", "/api/decision-comments", comments_list, FZ_ROLES_SIGNED_IN, 0,
     "重大行政决策公众意见列表（按提交年度、承办单位、采纳情况筛选）", T},
    {"GET", "/api/decision-comments.xlsx", comments_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出重大行政决策公众意见列表（Excel）", T},
    {"POST", "/api/decision-comments/{id}/answer", answer_post, STAFF, 0,
     "承办单位答复公众意见（采纳、部分采纳、不予采纳及说明）", T, "dec_comment",
     .body = fz_dec_answer_inputs},
    /* ---- the catalogue ---- */
    {"GET", "/api/decision-catalogue", catalogue_list, FZ_ROLES_SIGNED_IN, 0,
     "重大行政决策事项目录（按年度、承办单位、状态筛选）", T},
    {"GET", "/api/decision-catalogue.xlsx", catalogue_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出重大行政决策事项目录（Excel）", T},
    {"POST", "/api/decision-catalogue", item_post, STAFF, 0, "申报列入年度决策事项目录（承办单位）",
     T, .body = fz_dec_item_inputs, .status = 201},
    {"GET", "/api/decision-catalogue/{id}", item_get, FZ_ROLES_SIGNED_IN, 0,
     "决策事项目录项目：内容、状态和调整记录（调整内容、理由、调整人、日期）", T, "dec_item"},
    {"PATCH", "/api/decision-catalogue/{id}", item_patch, STAFF, 0,
     "调整决策事项目录项目（批准后由县人民政府调整并说明理由，记入调整记录）", T, "dec_item",
     .body = fz_dec_item_edit_inputs},
    {"POST", "/api/decision-catalogue/{id}/approve", item_approve, STAFF, 0,
     "批准列入决策事项目录（县人民政府或者法制机构）", T, "dec_item"},
    {"POST", "/api/decision-catalogue/{id}/drop", item_drop, STAFF, 0,
     "调出决策事项目录（说明理由，记入调整记录）", T, "dec_item", .body = fz_dec_reason_inputs},
    {"POST", "/api/decision-catalogue-publication", catalogue_publish, STAFF, 0,
     "在门户网站公布某年度已批准的决策事项目录（含年度中调整增加的项目）", T,
     .body = fz_dec_publish_inputs},
    /* ---- the government's meetings ---- */
    {"GET", "/api/decision-meetings", meetings_list, FZ_ROLES_SIGNED_IN, 0,
     "县人民政府常务会议、全体会议登记（按年度、类型、有无会前学法筛选）", T},
    {"GET", "/api/decision-meetings.xlsx", meetings_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出县人民政府会议登记（Excel）", T},
    {"POST", "/api/decision-meetings", meeting_post, STAFF, 0,
     "登记县人民政府常务会议或者全体会议及会前学法（县人民政府或者法制机构）", T,
     .body = fz_dec_meeting_inputs, .status = 201},
    {"GET", "/api/decision-meetings/{id}", meeting_get, FZ_ROLES_SIGNED_IN, 0,
     "会议详情：出席人员、议题、会前学法、会上决定的重大行政决策", T, "dec_meeting"},
    /* ---- the portal ---- */
    {"GET", "/api/public/decision-catalogue", public_catalogue, FZ_ROLES_ANYONE, 0,
     "已公布的年度重大行政决策事项目录（含调出的项目及理由）", T},
    {"GET", "/api/public/decision-consultations", public_consultations, FZ_ROLES_ANYONE, 0,
     "公开征求意见的重大行政决策事项：正在征求意见的和已结束的", T},
    {"GET", "/api/public/decision-consultations/{id}", consultation_get, FZ_ROLES_ANYONE, 0,
     "征求意见的决策草案：草案、说明、征求意见期限（少于 30 日的理由）、听证会、剩余天数", T},
    {"POST", "/api/public/decision-consultations/{id}/comments", comment_post, FZ_ROLES_ANYONE,
     FZ_R_RATELIMIT, "对征求意见的决策草案提出意见（征求意见期内），返回查询码", T,
     .body = fz_dec_comment_inputs, .status = 201},
    {"GET", "/api/public/decision-comments/{code}", comment_track, FZ_ROLES_ANYONE, FZ_R_RATELIMIT,
     "凭查询码查看所提意见和承办单位的答复", T},
    {"GET", "/api/public/decisions", public_decisions, FZ_ROLES_ANYONE, 0, "已公布的重大行政决策",
     T},
    {"GET", "/api/public/decisions/{id}", public_decision, FZ_ROLES_ANYONE, 0,
     "已公布的重大行政决策：决定内容、决策会议、公众意见及采纳情况", T},
    {NULL},
};
