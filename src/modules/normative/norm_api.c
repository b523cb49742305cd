/*
 * norm_api.c - the normative documents module's routes as rows (platform/api.h).
 * Each part of the document's life keeps its rows together under its heading;
 * the steps of a draft and of an objection are the generic case routes.
 */
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

/* ---- drafts ---- */

static enum fz_code draft_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_norm_draft_create(req->ctx, req->body, &c, err);
	return rc ? rc : fz_case_detail(req->ctx, c.case_id, out, err);
}

static enum fz_code drafts_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_norm_drafts_list, out, err);
}

static enum fz_code drafts_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_norm_drafts_list, out, err);
}

/* Kinds of record the drafting chain's paths name (the draft itself is a case). */
const struct fz_record_kind fz_norm_records[] = {
	{"norm_plan_item", "SELECT agency_id FROM norm_plan_item WHERE item_id = ?"},
	{"norm_document", "SELECT agency_id FROM norm_document WHERE doc_id = ?"},
	/*
	 * A cleanup campaign is the county's: every user reads it, an agency sees
	 * and decides only its own items in it (norm_campaign.c).
	 */
	{"norm_campaign", "SELECT NULL FROM norm_campaign WHERE campaign_id = ?"},
	{"norm_comment",
	 "SELECT c.agency_id, c.case_type, c.case_id FROM norm_comment m"
	 " JOIN case_record c ON c.case_id = m.case_id WHERE m.comment_id = ?",
	 true},
	{"norm_filing",
	 "SELECT d.agency_id FROM norm_filing f JOIN norm_document d ON d.doc_id = f.doc_id"
	 " WHERE f.filing_id = ?"},
	{NULL, NULL, false},
};
/* ---- cleanup campaigns, objections, figures and statistics ---- */

static enum fz_code campaign_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id = 0;
	enum fz_code rc = fz_norm_campaign_open(req->ctx, req->body, &id, err);
	return rc ? rc : fz_norm_campaign_json(req->ctx, id, false, out, err);
}

static enum fz_code campaigns_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_norm_campaigns_json(req->ctx, false, out, err);
}

static enum fz_code campaign_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "记录不存在", err);
	return rc ? rc : fz_norm_campaign_json(req->ctx, id, false, out, err);
}

static enum fz_code campaign_decide(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, doc;
	enum fz_code rc = fz_req_path_id(req, &id, "记录不存在", err);
	if (rc)
		return rc;
	if (!fz_req_id(req, 1, &doc))
		return fz_err_set(err, FZ_ENOT_FOUND, "doc_id", "本次清理中没有该文件");
	rc = fz_norm_campaign_decide(req->ctx, id, doc, req->body, err);
	return rc ? rc : fz_norm_campaign_json(req->ctx, id, false, out, err);
}

static enum fz_code campaign_close(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "记录不存在", err);
	return rc ? rc : fz_norm_campaign_close(req->ctx, id, out, err);
}

static enum fz_code campaign_publish(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "记录不存在", err);
	return rc ? rc : fz_norm_campaign_publish(req->ctx, id, out, err);
}

static enum fz_code public_campaigns(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_norm_campaigns_json(req->ctx, true, out, err);
}

static enum fz_code public_campaign(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "没有找到该清理结果", err);
	return rc ? rc : fz_norm_campaign_json(req->ctx, id, true, out, err);
}

static enum fz_code objection_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_case_row c;
	/* 网上提交：收到之日为提交当日. */
	enum fz_code rc = fz_norm_objection_submit(req->ctx, req->body, req->ctx->today, &c, err);
	if (rc)
		return rc;
	*out = json_pack("{s:s, s:s, s:s}", "tracking_code", c.tracking_code, "number", c.number,
			 "received_on", c.received_on);
	fz_case_receipt_due_json(req->ctx, c.case_id, "reply", *out);
	return FZ_OK;
}

static enum fz_code objection_track(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_norm_objection_track_json(req->ctx, req->params[0], out, err);
}

static enum fz_code objections_public(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_norm_objections_public_list, out, err);
}

#define LIST_PAIR(name, list)                                                                  \
	static enum fz_code name(struct fz_req *req, json_t **out, struct fz_err *err)         \
	{                                                                                      \
		return fz_list_answer(req, &list, out, err);                                   \
	}                                                                                      \
	static enum fz_code name##_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)  \
	{                                                                                      \
		return fz_list_export(req, &list, out, err);                                   \
	}
LIST_PAIR(objections_list, fz_norm_objections_list)
LIST_PAIR(doc_stats, fz_norm_doc_stats_list)
LIST_PAIR(filing_stats, fz_norm_filing_stats_list)
LIST_PAIR(cleanup_stats, fz_norm_cleanup_stats_list)
LIST_PAIR(review_stats, fz_norm_review_stats_list)

static enum fz_code stats_args(struct fz_req *req, int *year, int64_t *agency, struct fz_err *err)
{
	enum fz_code rc = fz_stats_year_arg(req, year, err);
	return rc ? rc : fz_figures_agency(req->ctx, fz_req_query(req, "agency_id"), agency, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	enum fz_code rc = stats_args(req, &year, &agency, err);
	return rc ? rc : fz_norm_stats_json(req->ctx, year, agency, out, err);
}

static enum fz_code stats_xlsx(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	char *data = NULL;
	size_t len = 0;
	enum fz_code rc = stats_args(req, &year, &agency, err);
	if (rc || (rc = fz_norm_stats_xlsx(req->ctx, year, agency, &data, &len, err)))
		return rc;
	(void)out;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", data,
		    len, fz_arena_printf(req->ctx->arena, "%d年行政规范性文件统计.xlsx", year));
	return FZ_OK;
}

#define T "行政规范性文件"
#define DRAFTERS (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD | FZ_ROLES_LEGAL)

const struct fz_route fz_norm_routes[] = {
	/* ---- drafting plan, drafts, comment, pre-check, deliberation, issue, filing ---- */
	{"POST", "/api/normative/drafts", draft_post, DRAFTERS, 0,
	 "立项起草规范性文件（列入年度制定计划或者说明计划外理由）", T, .body = fz_norm_draft_inputs,
	 .status = 201},
	{"GET", "/api/normative/drafts", drafts_list, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件制定：草案列表（分页、排序、筛选）", T},
	{"GET", "/api/normative/drafts.xlsx", drafts_export, FZ_ROLES_SIGNED_IN, 0,
	 "导出规范性文件草案列表（Excel，筛选和排序同列表）", T},
	/* the drafting plan (norm_plan.c) */
	{"GET", "/api/normative/plans", fz_norm_plans_get, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件年度制定计划：本单位的计划项目，法制机构看全县（按年度、单位、状态筛选）", T},
	{"GET", "/api/normative/plans.xlsx", fz_norm_plans_export, FZ_ROLES_SIGNED_IN, 0,
	 "导出年度制定计划（Excel，筛选同列表）", T},
	{"POST", "/api/normative/plans", fz_norm_plan_post, DRAFTERS, 0,
	 "新增年度制定计划项目（文件名称、制定必要性、制定机关、计划完成季度）", T,
	 .body = fz_norm_plan_inputs, .status = 201},
	{"PATCH", "/api/normative/plans/{id}", fz_norm_plan_patch, DRAFTERS, 0,
	 "修改年度制定计划项目（尚未立项起草的）", T, "norm_plan_item", .body = fz_norm_plan_edit_inputs},
	{"POST", "/api/normative/plans/{id}/drop", fz_norm_plan_drop, DRAFTERS, 0,
	 "将尚未立项起草的项目调出年度制定计划（说明理由）", T, "norm_plan_item",
	 .body = fz_norm_plan_drop_inputs},
	/* public comment (norm_comment.c) */
	{"GET", "/api/public/normative/consultations", fz_norm_consultations_get, FZ_ROLES_ANYONE, 0,
	 "公开征求意见的规范性文件草案：正在征求意见的和已公布采纳情况的", T},
	{"GET", "/api/public/normative/consultations/{id}", fz_norm_consultation_get, FZ_ROLES_ANYONE,
	 0, "征求意见的草案：草案文本、起草说明、征求意见期限和剩余天数，结束后的意见采纳情况", T},
	{"POST", "/api/public/normative/consultations/{id}/comments", fz_norm_comment_post,
	 FZ_ROLES_ANYONE, FZ_R_RATELIMIT, "对征求意见的草案提出意见（征求意见期内），返回查询码", T,
	 .body = fz_norm_comment_inputs, .status = 201},
	{"GET", "/api/public/normative/comments/{code}", fz_norm_comment_track, FZ_ROLES_ANYONE,
	 FZ_R_RATELIMIT, "凭查询码查看所提意见和起草单位的答复", T},
	{"GET", "/api/normative/drafts/{id}/comments", fz_norm_draft_comments, FZ_ROLES_SIGNED_IN, 0,
	 "草案收到的公众意见及答复", T, "case:norm_doc"},
	{"POST", "/api/normative/comments/{id}/answer", fz_norm_answer_post, DRAFTERS, 0,
	 "起草单位答复公众意见（采纳、部分采纳、不予采纳及说明）", T, "norm_comment",
	 .body = fz_norm_answer_inputs},
	/* pre-check decisions and the fair-competition check (norm_precheck_api.c) */
	{"POST", "/api/normative/drafts/{id}/precheck", fz_norm_precheck_post, DRAFTERS, 0,
	 "起草单位对草案当前文本重新预审", T, "case:norm_doc"},
	{"POST", "/api/normative/drafts/{id}/precheck/{seq}", fz_norm_hit_post, DRAFTERS, 0,
	 "确认或者排除一条预审提示（排除须说明理由）：起草中由起草单位，审核中由法制机构", T,
	 "case:norm_doc", .body = fz_norm_hit_inputs},
	{"GET", "/api/normative/drafts/{id}/fair-check", fz_norm_fair_get, FZ_ROLES_SIGNED_IN, 0,
	 "草案的公平竞争审查表（四类审查标准及回答）", T, "case:norm_doc"},
	{"PUT", "/api/normative/drafts/{id}/fair-check", fz_norm_fair_put, DRAFTERS, 0,
	 "填写公平竞争审查表：每项标准回答不涉及、涉及但符合或者存在问题，全部回答且无问题即完成", T,
	 "case:norm_doc", .body = fz_norm_fair_inputs},
	/* filing results (norm_filing.c) */
	{"POST", "/api/normative/filings/{id}/result", fz_norm_filing_result_post, FZ_ROLES_LEGAL, 0,
	 "登记备案审查结果（予以备案、要求纠正、撤销）", T, "norm_filing",
	 .body = fz_norm_filing_result_inputs},
	/* ---- documents, versions, validity, public library ---- */
	{"GET", "/api/normative/documents", fz_norm_lib_list, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件：已印发文件列表（状态、制定机关、年度、关键词筛选，排序，待评估）", T},
	{"GET", "/api/normative/documents.xlsx", fz_norm_lib_export, FZ_ROLES_SIGNED_IN, 0,
	 "导出规范性文件列表（Excel，筛选和排序同列表）", T},
	{"GET", "/api/normative/documents/{id}", fz_norm_lib_record, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件详情：版本、沿革、备案、评估、审查建议、有效期（?on=YYYY-MM-DD 看某日的状态和文本）", T,
	 "norm_document"},
	{"GET", "/api/normative/documents/{id}/diff", fz_norm_lib_diff, FZ_ROLES_SIGNED_IN, 0,
	 "两个版本之间的修改（?from=&to= 版本序号，逐行比较）", T, "norm_document"},
	{"POST", "/api/normative/documents/{id}/evaluations", fz_norm_lib_evaluate,
	 FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD | FZ_ROLES_LEGAL, 0,
	 "有效期届满前评估：继续有效（新的有效期）、予以修改或者届满后失效", T, "norm_document",
	 .body = fz_norm_eval_inputs, .status = 201},
	{"POST", "/api/normative/documents/{id}/repeal", fz_norm_lib_repeal,
	 FZ_ROLE_AGENCY_HEAD | FZ_ROLES_LEGAL, 0,
	 "废止规范性文件（制定机关负责人或者法制机构）：形成废止版本，保留文本", T, "norm_document",
	 .body = fz_norm_repeal_inputs},
	{"GET", "/api/public/normative/documents", fz_norm_lib_public_list, FZ_ROLES_ANYONE, 0,
	 "规范性文件库：按制定机关、年度、状态筛选，标题和全文检索", T},
	{"GET", "/api/public/normative/issuing-bodies", fz_norm_lib_bodies, FZ_ROLES_ANYONE, 0,
	 "规范性文件库的制定机关和状态（筛选项）", T},
	{"GET", "/api/public/normative/documents/{id}", fz_norm_lib_public_record, FZ_ROLES_ANYONE, 0,
	 "规范性文件库：文件在某日（?on=YYYY-MM-DD）的状态和文本、沿革、备案结果、征求意见和审查建议的结果", T},
	{"GET", "/api/public/normative/documents/{id}/diff", fz_norm_lib_diff, FZ_ROLES_ANYONE, 0,
	 "规范性文件两个版本之间的修改（?from=&to=）", T},
	/* ---- cleanup campaigns and objections ---- */
	{"POST", "/api/normative/campaigns", campaign_post, FZ_ROLES_LEGAL, 0,
	 "开展规范性文件清理：现行有效的文件逐件列入，由制定单位提出清理意见", T,
	 .body = fz_norm_campaign_inputs, .status = 201},
	{"GET", "/api/normative/campaigns", campaigns_get, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件清理列表，各次清理的进度和结果（部门只计本单位文件）", T},
	{"GET", "/api/normative/campaigns/{id}", campaign_get, FZ_ROLES_SIGNED_IN, 0,
	 "一次清理：各单位进度和清理事项（部门只见本单位文件）", T, "norm_campaign"},
	{"POST", "/api/normative/campaigns/{id}/items/{doc_id}", campaign_decide, DRAFTERS, 0,
	 "对本单位的一件文件提出清理意见（保留、修改、废止、宣布失效）并说明理由", T, "norm_campaign",
	 .body = fz_norm_cleanup_inputs},
	{"POST", "/api/normative/campaigns/{id}/close", campaign_close, FZ_ROLES_LEGAL, 0,
	 "结束清理：全部文件有清理意见后，废止和宣布失效的文件于当日失去效力", T, "norm_campaign"},
	{"POST", "/api/normative/campaigns/{id}/publish", campaign_publish, FZ_ROLES_LEGAL, 0,
	 "在门户网站公布清理结果", T, "norm_campaign"},
	{"GET", "/api/public/normative/campaigns", public_campaigns, FZ_ROLES_ANYONE, 0,
	 "已公布的规范性文件清理结果", T},
	{"GET", "/api/public/normative/campaigns/{id}", public_campaign, FZ_ROLES_ANYONE, 0,
	 "一次清理的结果：数量、各单位情况、废止和宣布失效的文件目录", T},
	{"POST", "/api/public/normative/objections", objection_post, FZ_ROLES_ANYONE, FZ_R_RATELIMIT,
	 "公民、法人或者其他组织提出规范性文件审查建议，返回查询码", T,
	 .body = fz_norm_objection_inputs, .status = 201},
	{"GET", "/api/public/normative/objections/{code}", objection_track, FZ_ROLES_ANYONE,
	 FZ_R_RATELIMIT, "凭查询码查询审查建议办理进度和结果", T},
	{"GET", "/api/public/normative/objections", objections_public, FZ_ROLES_ANYONE, 0,
	 "已公开的审查建议办理结果（建议人姓名隐去）", T},
	{"GET", "/api/normative/objections", objections_list, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件审查建议列表（分页、排序、筛选）", T},
	{"GET", "/api/normative/objections.xlsx", objections_list_xlsx, FZ_ROLES_SIGNED_IN, 0,
	 "导出审查建议列表（Excel）", T},
	/* ---- figures and statistics ---- */
	{"GET", "/api/normative/stats", stats, FZ_ROLES_SIGNED_IN, 0,
	 "规范性文件年度统计：制发、废止、现行有效、审核、备案（报备率、及时率）、清理、审查建议", T},
	{"GET", "/api/normative/stats.xlsx", stats_xlsx, FZ_ROLES_SIGNED_IN, 0,
	 "导出规范性文件年度统计（Excel）", T},
	{"GET", "/api/normative/stats/documents", doc_stats, FZ_ROLES_SIGNED_IN, 0,
	 "统计明细：规范性文件（按印发、废止年度，年末现行有效）", T},
	{"GET", "/api/normative/stats/documents.xlsx", doc_stats_xlsx, FZ_ROLES_SIGNED_IN, 0,
	 "导出统计明细：规范性文件（Excel）", T},
	{"GET", "/api/normative/stats/filings", filing_stats, FZ_ROLES_SIGNED_IN, 0,
	 "统计明细：规范性文件备案（应报备、已报备、按时报备、纠错）", T},
	{"GET", "/api/normative/stats/filings.xlsx", filing_stats_xlsx, FZ_ROLES_SIGNED_IN, 0,
	 "导出统计明细：规范性文件备案（Excel）", T},
	{"GET", "/api/normative/stats/cleanup", cleanup_stats, FZ_ROLES_SIGNED_IN, 0,
	 "统计明细：清理意见（按清理结束年度）", T},
	{"GET", "/api/normative/stats/cleanup.xlsx", cleanup_stats_xlsx, FZ_ROLES_SIGNED_IN, 0,
	 "导出统计明细：清理意见（Excel）", T},
	{"GET", "/api/normative/stats/reviews", review_stats, FZ_ROLES_SIGNED_IN, 0,
	 "统计明细：经合法性审核的规范性文件草案（按审核年度）", T},
	{"GET", "/api/normative/stats/reviews.xlsx", review_stats_xlsx, FZ_ROLES_SIGNED_IN, 0,
	 "导出统计明细：经合法性审核的规范性文件草案（Excel）", T},
	{NULL},
};
