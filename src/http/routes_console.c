/*
 * routes_console.c - what every signed-in user has around the procedures:
 * changing one's own password and the heads' 待我审核 queue. Rows here, rules
 * in platform/accounts.c and platform/review.c.
 */
#include "http/routes.h"

#include "platform/accounts.h"
#include "platform/api.h"
#include "platform/jsonx.h"
#include "platform/review.h"

static const struct fz_input password_inputs[] = {
	{.name = "current_password", .label = "当前密码", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 128},
	{.name = "new_password", .label = "新密码", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 128},
	{.name = "confirm_password", .label = "确认新密码", .type = FZ_IN_TEXT, .required = true,
	 .max_chars = 128},
	{.name = NULL},
};

/* POST /api/session/password: this session stays; the user's other sessions end. */
static enum fz_code password_change(struct fz_req *req, json_t **out, struct fz_err *err)
{
	enum fz_code rc = fz_password_change(req->ctx, req->session_token,
					     fz_json_str(req->body, "current_password"),
					     fz_json_str(req->body, "new_password"),
					     fz_json_str(req->body, "confirm_password"), err);
	if (!rc)
		*out = json_pack("{s:b}", "changed", 1);
	return rc;
}

static enum fz_code review_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_review_list, out, err);
}

static enum fz_code review_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_review_list, out, err);
}

const struct fz_route fz_console_routes[] = {
	{"POST", "/api/session/password", password_change, FZ_ROLES_SIGNED_IN, 0,
	 "修改本人密码（需当前密码；成功后本人其他登录会话全部结束）", "登录", .body = password_inputs},
	{"GET", "/api/review", review_list, FZ_ROLES_APPROVING, 0,
	 "待我审核：等待本人角色（负责人）审批、经办人员不能办理的案件，本单位范围，按期限排序、筛选、分页",
	 "案件"},
	{"GET", "/api/review.xlsx", review_export, FZ_ROLES_APPROVING, 0, "导出待我审核列表（Excel）",
	 "案件"},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
