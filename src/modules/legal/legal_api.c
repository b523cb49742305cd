/*
 * legal_api.c - the legal affairs module's routes as rows (platform/api.h).
 * The steps of a contract and of a matter are the generic case routes
 * (/api/cases/{id}/actions/{action}); their files are the case's attachments.
 * Advisers are the county's register: their routes name no record (the
 * adviser is in the body), and only the legal office writes them.
 */
#include "modules/legal/legal_int.h"
#include "platform/jsonx.h"

#define AGENCY	(FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define WRITERS (AGENCY | FZ_ROLES_LEGAL)

void fz_legal_meta(json_t *obj)
{
	json_object_set_new(obj, "legal_contract_kinds", fz_options_json(fz_legal_contract_kinds));
	json_object_set_new(obj, "legal_dispute_kinds", fz_options_json(fz_legal_dispute_kinds));
	json_object_set_new(obj, "legal_dispute_outcomes",
			    fz_options_json(fz_legal_dispute_outcomes));
	json_object_set_new(obj, "legal_matter_kinds", fz_options_json(fz_legal_matter_kinds));
	json_object_set_new(obj, "legal_adviser_kinds", fz_options_json(fz_legal_adviser_kinds));
	json_object_set_new(obj, "legal_opinion_kinds", fz_options_json(fz_legal_opinion_kinds));
}

#define LIST_PAIR(name, list)                                                                      \
	static enum fz_code name(struct fz_req *req, json_t **out, struct fz_err *err)             \
	{                                                                                          \
		return fz_list_answer(req, &list, out, err);                                       \
	}                                                                                          \
	static enum fz_code name##_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)      \
	{                                                                                          \
		return fz_list_export(req, &list, out, err);                                       \
	}
LIST_PAIR(contracts_list, fz_legal_contracts_list)
LIST_PAIR(milestones_list, fz_legal_milestones_list)
LIST_PAIR(disputes_list, fz_legal_disputes_list)
LIST_PAIR(matters_list, fz_legal_matters_list)
LIST_PAIR(advisers_list, fz_legal_advisers_list)
LIST_PAIR(engagements_list, fz_legal_engagements_list)
LIST_PAIR(opinions_list, fz_legal_opinions_list)

static enum fz_code contract_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_legal_contract_create(req->ctx, req->body, &c, err);
	return rc ? rc : fz_case_detail(req->ctx, c.case_id, out, err);
}

static enum fz_code milestone_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq = 0;
	enum fz_code rc = fz_req_path_id(req, &id, "合同不存在", err);
	if (!rc)
		rc = fz_legal_milestone_add(req->ctx, id, req->body, &seq, err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code milestone_done(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq;
	enum fz_code rc = fz_req_path_id(req, &id, "合同不存在", err);
	if (rc)
		return rc;
	if (!fz_req_id(req, 1, &seq))
		return fz_err_set(err, FZ_EBAD_VALUE, "seq", "履行节点序号应为正整数");
	rc = fz_legal_milestone_done(req->ctx, id, seq, req->body, err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code matter_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_legal_matter_create(req->ctx, req->body, &c, err);
	return rc ? rc : fz_case_detail(req->ctx, c.case_id, out, err);
}

static enum fz_code handlers(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_legal_handlers_json(req->ctx, out, err);
}

static enum fz_code adviser_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_legal_adviser_save(req->ctx, req->body, true, &id, err);
	if (!rc)
		*out = json_pack("{s:I}", "adviser_id", (json_int_t)id);
	return rc;
}

static enum fz_code adviser_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_legal_adviser_save(req->ctx, req->body, false, &id, err);
	if (!rc)
		*out = json_pack("{s:I}", "adviser_id", (json_int_t)id);
	return rc;
}

static enum fz_code engagement_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_legal_engagement_add(req->ctx, req->body, &id, err);
	if (!rc)
		*out = json_pack("{s:I}", "engagement_id", (json_int_t)id);
	return rc;
}

static enum fz_code stats_args(struct fz_req *req, int *year, int64_t *agency, struct fz_err *err)
{
	enum fz_code rc = fz_stats_year_arg(req, year, err);
	return rc ? rc : fz_figures_agency(req->ctx, fz_req_query(req, "agency_id"), agency, err);
}

static enum fz_code adviser_stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	enum fz_code rc = stats_args(req, &year, &agency, err);
	return rc ? rc : fz_legal_adviser_stats_json(req->ctx, year, agency, out, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	enum fz_code rc = stats_args(req, &year, &agency, err);
	return rc ? rc : fz_legal_stats_json(req->ctx, year, agency, out, err);
}

static enum fz_code opinions_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "案件不存在", err);
	return rc ? rc : fz_legal_opinions_json(req->ctx, id, out, err);
}

static enum fz_code opinion_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq = 0;
	enum fz_code rc = fz_req_path_id(req, &id, "案件不存在", err);
	if (!rc)
		rc = fz_legal_opinion_add(req->ctx, id, req->body, &seq, err);
	return rc ? rc : fz_legal_opinions_json(req->ctx, id, out, err);
}

static enum fz_code opinion_delete(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq;
	enum fz_code rc = fz_req_path_id(req, &id, "案件不存在", err);
	if (rc)
		return rc;
	if (!fz_req_id(req, 1, &seq))
		return fz_err_set(err, FZ_EBAD_VALUE, "seq", "法律顾问意见序号应为正整数");
	rc = fz_legal_opinion_remove(req->ctx, id, seq, err);
	return rc ? rc : fz_legal_opinions_json(req->ctx, id, out, err);
}

#define T "法律事务"

const struct fz_route fz_legal_routes[] = {
    /* ---- government contracts ---- */
    {"POST", "/api/legal/contracts", contract_post, WRITERS, FZ_R_JSON,
     "登记政府合同（合同名称、类型、金额、相对方及统一社会信用代码、拟签订日期、主要内容）", T,
     .status = 201},
    {"GET", "/api/legal/contracts", contracts_list, FZ_ROLES_SIGNED_IN, 0,
     "政府合同台账（分页、排序、筛选：年度、审核年度、签订年度、单位、状态、类型）", T},
    {"GET", "/api/legal/contracts.xlsx", contracts_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出政府合同台账（Excel，筛选和排序同列表）", T},
    {"POST", "/api/legal/contracts/{id}/milestones", milestone_post, WRITERS, 0,
     "登记合同履行节点（节点、约定期限、涉及金额）", T, "case:legal_contract",
     .body = fz_legal_milestone_inputs, .status = 201},
    {"POST", "/api/legal/contracts/{id}/milestones/{seq}/done", milestone_done, WRITERS, 0,
     "登记履行节点完成（完成日期、完成情况）", T, "case:legal_contract",
     .body = fz_legal_milestone_done_inputs},
    {"GET", "/api/legal/milestones", milestones_list, FZ_ROLES_SIGNED_IN, 0,
     "合同履行节点（remind=1：提醒期内未完成的节点）", T},
    {"GET", "/api/legal/milestones.xlsx", milestones_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出合同履行节点（Excel）", T},
    {"GET", "/api/legal/disputes", disputes_list, FZ_ROLES_SIGNED_IN, 0,
     "合同争议（协商、调解、仲裁、诉讼）及处理结果", T},
    {"GET", "/api/legal/disputes.xlsx", disputes_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出合同争议（Excel）", T},
    /* ---- legal matters ---- */
    {"POST", "/api/legal/matters", matter_post, WRITERS, 0,
     "提请涉法事务（函件、拟诉讼/应诉准备、协议、政策咨询、其他），法制机构按期出具法律意见", T,
     .body = fz_legal_matter_inputs, .status = 201},
    {"GET", "/api/legal/matters", matters_list, FZ_ROLES_SIGNED_IN, 0,
     "涉法事务列表（分页、排序、筛选：年度、办结年度、按期、单位、状态、类别、承办人员）", T},
    {"GET", "/api/legal/matters.xlsx", matters_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出涉法事务列表（Excel）", T},
    {"GET", "/api/legal/handlers", handlers, FZ_ROLES_LEGAL, 0,
     "可分办涉法事务的法制机构工作人员及其在办件数", T},
    /* ---- advisers ---- */
    {"GET", "/api/legal/advisers", advisers_list, FZ_ROLES_SIGNED_IN, 0,
     "法律顾问、公职律师名册（类别、在聘、关键词）", T},
    {"GET", "/api/legal/advisers.xlsx", advisers_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出法律顾问名册（Excel）", T},
    {"POST", "/api/legal/advisers", adviser_post, FZ_ROLES_LEGAL, 0, "登记法律顾问或者公职律师", T,
     .body = fz_legal_adviser_inputs, .status = 201},
    {"PUT", "/api/legal/advisers", adviser_put, FZ_ROLES_LEGAL, 0,
     "修改法律顾问信息（adviser_id 及全部字段）", T, .body = fz_legal_adviser_edit_inputs},
    {"GET", "/api/legal/advisers/stats", adviser_stats, FZ_ROLES_SIGNED_IN, 0,
     "各法律顾问年度履职统计：提供意见、书面意见、列席会议、口头意见、聘请", T},
    {"GET", "/api/legal/engagements", engagements_list, FZ_ROLES_SIGNED_IN, 0,
     "法律顾问聘请情况（顾问、单位、服务期、费用）", T},
    {"GET", "/api/legal/engagements.xlsx", engagements_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出法律顾问聘请情况（Excel）", T},
    {"POST", "/api/legal/engagements", engagement_post, FZ_ROLES_LEGAL, 0,
     "登记法律顾问聘请（顾问、聘请单位、服务期、费用、服务范围）", T,
     .body = fz_legal_engagement_inputs, .status = 201},
    {"GET", "/api/legal/adviser-opinions", opinions_list, FZ_ROLES_SIGNED_IN, 0,
     "法律顾问意见（年度、方式、顾问、单位、案件类别）", T},
    {"GET", "/api/legal/adviser-opinions.xlsx", opinions_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
     "导出法律顾问意见（Excel）", T},
    {"GET", "/api/cases/{id}/adviser-opinions", opinions_get, FZ_ROLES_SIGNED_IN, 0,
     "案件的法律顾问意见（任何类别的案件）", T, "case"},
    {"POST", "/api/cases/{id}/adviser-opinions", opinion_post, WRITERS, 0,
     "记录法律顾问对案件的意见（顾问、涉及环节、书面意见/列席会议/口头意见、日期、摘要）", T,
     "case", .body = fz_legal_opinion_inputs, .status = 201},
    {"DELETE", "/api/cases/{id}/adviser-opinions/{seq}", opinion_delete, WRITERS, 0,
     "删除案件的一条法律顾问意见", T, "case"},
    /* ---- statistics ---- */
    {"GET", "/api/legal/stats", stats, FZ_ROLES_SIGNED_IN, 0,
     "法律事务年度统计：合同审核与签订、争议、涉法事务、法律顾问履职", T},
    {NULL},
};
