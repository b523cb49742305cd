/*
 * review_api.c - the review module's routes as rows (platform/api.h). The
 * review's steps (assign, extend, opinion) are the generic case routes
 * (/api/cases/{id}/actions/{action}); materials are the case's attachments.
 */
#include "modules/review/review_int.h"

#define LEGAL FZ_ROLES_LEGAL
#define DRAFTERS (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define REC "case:legal_review"
#define T "合法性审核"

static enum fz_code queue(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_review_queue_list, out, err);
}

static enum fz_code queue_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_review_queue_list, out, err);
}

static enum fz_code points_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_review_points_list, out, err);
}

static enum fz_code points_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_review_points_list, out, err);
}

static enum fz_code stats(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency = 0;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	if (!rc)
		rc = fz_figures_agency(req->ctx, fz_req_query(req, "agency_id"), &agency, err);
	return rc ? rc : fz_review_stats_json(req->ctx, year, agency, out, err);
}

static enum fz_code reviewers(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_review_reviewers(req->ctx, out, err);
}

/* The point's number, the second path parameter. */
static enum fz_code ids(struct fz_req *req, int64_t *id, int64_t *seq, struct fz_err *err)
{
	enum fz_code rc = fz_req_path_id(req, id, "合法性审核案件不存在", err);
	if (!rc && seq && !fz_req_id(req, 1, seq))
		rc = fz_err_set(err, FZ_ENOT_FOUND, "seq", "没有这条审核意见要点");
	return rc;
}

static enum fz_code point_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq = 0;
	enum fz_code rc = ids(req, &id, NULL, err);
	if (!rc)
		rc = fz_review_point_save(req->ctx, id, &seq, req->body, err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code point_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq;
	enum fz_code rc = ids(req, &id, &seq, err);
	if (!rc)
		rc = fz_review_point_save(req->ctx, id, &seq, req->body, err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code point_delete(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq;
	enum fz_code rc = ids(req, &id, &seq, err);
	if (!rc)
		rc = fz_review_point_remove(req->ctx, id, seq, err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code adoption_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id, seq;
	enum fz_code rc = ids(req, &id, &seq, err);
	if (!rc)
		rc = fz_review_point_adopt(req->ctx, id, seq, req->body, err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code letter(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	char *data = NULL;
	size_t len = 0;
	const char *name = NULL;
	enum fz_code rc = ids(req, &id, NULL, err);
	if (rc || (rc = fz_review_letter_get(req->ctx, id, &data, &len, &name, err)))
		return rc;
	(void)out;
	fz_req_file(req, "application/vnd.openxmlformats-officedocument.wordprocessingml.document", data,
		    len, name);
	return FZ_OK;
}

const struct fz_route fz_review_routes[] = {
	{"GET", "/api/reviews", queue, FZ_ROLES_SIGNED_IN, 0,
	 "合法性审核队列（分页、排序、筛选：mine=1 我的审核、state、kind 审核类别、agency_id、"
	 "band 期限状态 red/yellow/green、year 送审年度、opinion_year、q 关键词）",
	 T},
	{"GET", "/api/reviews.xlsx", queue_export, FZ_ROLES_SIGNED_IN, 0,
	 "导出合法性审核队列（Excel，筛选和排序同列表）", T},
	{"GET", "/api/reviews/points", points_list, FZ_ROLES_SIGNED_IN, 0,
	 "合法性审核意见要点及采纳情况（分页、筛选：opinion_year、adoption、opinion、kind、agency_id）",
	 T},
	{"GET", "/api/reviews/points.xlsx", points_export, FZ_ROLES_SIGNED_IN, 0,
	 "导出合法性审核意见要点及采纳情况（Excel，筛选同列表）", T},
	{"GET", "/api/reviews/stats", stats, FZ_ROLES_SIGNED_IN, 0,
	 "合法性审核年度统计：按审核类别的送审、审核结论、超期、意见要点及采纳（命名统计指标）", T},
	{"GET", "/api/reviews/reviewers", reviewers, LEGAL, 0,
	 "可以分配的审核人员（法制机构在岗的工作人员和负责人，注明在审件数）", T},
	{"POST", "/api/reviews/{id}/points", point_post, LEGAL, 0,
	 "审核中记录一条审核意见要点及其法律依据（分配的审核人员或法制机构负责人）", T, REC,
	 .body = fz_review_point_inputs, .status = 201},
	{"PUT", "/api/reviews/{id}/points/{seq}", point_put, LEGAL, 0,
	 "修改审核意见要点及其法律依据（审核中）", T, REC, .body = fz_review_point_inputs},
	{"DELETE", "/api/reviews/{id}/points/{seq}", point_delete, LEGAL, 0,
	 "删除审核意见要点（审核中）", T, REC},
	{"POST", "/api/reviews/{id}/points/{seq}/adoption", adoption_post, DRAFTERS, 0,
	 "起草单位记录审核意见要点的采纳情况（出具审核意见后；未采纳的说明理由）", T, REC,
	 .body = fz_review_adoption_inputs},
	{"GET", "/api/reviews/{id}/letter", letter, FZ_ROLES_SIGNED_IN, 0,
	 "下载合法性审核意见书（Word）：出具审核意见时编号并存档，每次下载为同一文件", T, REC},
	{NULL},
};
