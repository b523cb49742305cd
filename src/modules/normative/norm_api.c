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

/* Kinds of record the module's paths name. */
const struct fz_record_kind fz_norm_records[] = {
	/* A document belongs to the agency that drafted it (norm_library.c). */
	{"norm_document", "SELECT agency_id FROM norm_document WHERE doc_id = ?"},
	{NULL, NULL, false},
};

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
	{NULL},
};
