/*
 * routes_console.c - what every signed-in user has around the procedures:
 * changing one's own password. Rows here, rules in platform/accounts.c.
 */
#include "http/routes.h"

#include "platform/accounts.h"
#include "platform/api.h"
#include "platform/jsonx.h"

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

const struct fz_route fz_console_routes[] = {
	{"POST", "/api/session/password", password_change, FZ_ROLES_SIGNED_IN, 0,
	 "修改本人密码（需当前密码；成功后本人其他登录会话全部结束）", "登录", .body = password_inputs},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};
