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
	/* ---- documents, versions, validity, public library ---- */
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
