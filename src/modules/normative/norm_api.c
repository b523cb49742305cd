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
	{NULL},
};
