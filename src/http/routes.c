/*
 * routes.c - core HTTP handlers and the route table they are declared in.
 *
 * Handlers only translate: query and body in, one service call, JSON out.
 * The rules live in platform/ and core/.
 */
#include "http/routes.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "http/metrics.h"
#include "http/multipart.h"
#include "platform/accounts.h"
#include "platform/attachments.h"
#include "platform/audit.h"
#include "platform/cases.h"
#include "platform/jsonx.h"
#include "platform/module.h"
#include "platform/settings.h"
#include "platform/supervision.h"

static void reply(struct fz_resp *resp, enum fz_code rc, const struct fz_err *err, json_t *out,
		  int status)
{
	if (rc)
		fz_resp_error(resp, err);
	else
		fz_resp_json(resp, status, out);
}

static json_t *user_json(const struct fz_user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s}", "user_id", (json_int_t)u->user_id,
			 "username", u->username, "display_name", u->display_name, "role",
			 fz_role_name(u->role), "role_label", fz_role_label(u->role), "agency_id",
			 (json_int_t)u->agency_id, "agency_name", u->agency_name);
}

/* ---- session ------------------------------------------------------------------ */

static void session_create(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *body = NULL;
	static const struct fz_input inputs[] = {
		{.name = "username", .label = "用户名", .type = FZ_IN_TEXT, .required = true, .max_chars = 40},
		{.name = "password", .label = "密码", .type = FZ_IN_TEXT, .required = true, .max_chars = 128},
		{.name = NULL},
	};
	if (fz_req_json(req, &body, &err) ||
	    fz_json_check_inputs(req->ctx, inputs, 3, body, NULL, &err)) {
		json_decref(body);
		fz_resp_error(resp, &err);
		return;
	}
	char token[FZ_TOKEN_HEX], csrf[FZ_TOKEN_HEX];
	struct fz_user u;
	int64_t retry = 0;
	enum fz_code rc = fz_login(req->ctx, fz_json_str(body, "username"),
				   fz_json_str(body, "password"), token, csrf, &u, &retry, &err);
	json_decref(body);
	if (rc) {
		if (rc == FZ_ETHROTTLED && retry > 0)
			fz_resp_header(resp, "Retry-After",
				       fz_arena_printf(req->ctx->arena, "%lld", (long long)retry));
		fz_resp_error(resp, &err);
		return;
	}
	/* The cookie lives as long as the session row (the session.hours setting). */
	long hours = fz_setting_int(req->ctx->db, "session.hours", 12);
	fz_resp_header(resp, "Set-Cookie",
		       fz_arena_printf(req->ctx->arena,
				       "fz_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%ld%s",
				       token, hours * 3600, req->secure ? "; Secure" : ""));
	fz_resp_json(resp, 200, json_pack("{s:s, s:o}", "csrf_token", csrf, "user", user_json(&u)));
}

static void session_get(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_user u;
	char csrf[FZ_TOKEN_HEX];
	struct fz_err err;
	if (fz_session_lookup(req->ctx->db, req->session_token, req->ctx->now, &u, csrf, &err)) {
		fz_resp_error(resp, &err);
		return;
	}
	fz_resp_json(resp, 200, json_pack("{s:s, s:o}", "csrf_token", csrf, "user", user_json(&u)));
}

static void session_delete(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_logout(req->ctx, req->session_token, &err)) {
		fz_resp_error(resp, &err);
		return;
	}
	fz_resp_header(resp, "Set-Cookie",
		       req->secure ? "fz_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure"
				   : "fz_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	fz_resp_json(resp, 204, NULL);
}

/* ---- reference data --------------------------------------------------------------- */

static const char *kind_label(const char *kind)
{
	static const char *const k[][2] = {{"county", "县人民政府"},
					   {"legal_office", "法制机构"},
					   {"department", "政府部门"},
					   {"township", "乡镇（街道）"}};
	for (size_t i = 0; i < sizeof k / sizeof k[0]; i++)
		if (strcmp(k[i][0], kind) == 0)
			return k[i][1];
	return kind;
}

static void agencies(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	struct fz_stmt *st = fz_db_query(req->ctx->db, &err,
					 "SELECT agency_id, name, short_name, kind FROM agency"
					 " WHERE active = 1 ORDER BY sort_order, agency_id",
					 NULL);
	if (!st) {
		fz_resp_error(resp, &err);
		return;
	}
	json_t *items = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(items,
				      json_pack("{s:I, s:s, s:s, s:s, s:s}", "agency_id",
						(json_int_t)fz_col_int(st, 0), "name", fz_col_text(st, 1),
						"short_name", fz_col_text(st, 2), "kind",
						fz_col_text(st, 3), "kind_label",
						kind_label(fz_col_text(st, 3))));
	fz_stmt_done(st);
	fz_resp_json(resp, 200, json_pack("{s:o}", "items", items));
}

static json_t *options_json(const struct fz_option *o)
{
	json_t *a = json_array();
	for (; o && o->value; o++)
		json_array_append_new(a, json_pack("{s:s, s:s}", "value", o->value, "label", o->label));
	return a;
}

static void meta(struct fz_req *req, struct fz_resp *resp)
{
	(void)req;
	json_t *roles = json_array();
	for (int i = 0; i < FZ_ROLE_COUNT; i++) {
		enum fz_role r = (enum fz_role)(1u << i);
		if (r != FZ_ROLE_PUBLIC)
			json_array_append_new(roles, json_pack("{s:s, s:s}", "value", fz_role_name(r),
							       "label", fz_role_label(r)));
	}
	json_t *types = json_array();
	for (size_t i = 0; i < fz_platform_kind_count(); i++) {
		const struct fz_case_type *t = fz_platform_kind(i)->type;
		json_t *states = json_array();
		for (const struct fz_state *s = t->states; s->name; s++)
			json_array_append_new(states, json_pack("{s:s, s:s, s:b}", "value", s->name,
								"label", s->label, "final", s->final));
		json_array_append_new(types, json_pack("{s:s, s:s, s:o}", "value", t->name, "label",
						       t->label, "states", states));
	}
	static const struct fz_option status[] = {
		{"green", "正常"}, {"yellow", "即将到期"}, {"red", "已超期"}, {NULL, NULL}};
	extern const struct fz_option fz_mailbox_categories[];
	fz_resp_json(resp, 200,
		     json_pack("{s:o, s:o, s:o, s:o}", "roles", roles, "case_types", types,
			       "mailbox_categories", options_json(fz_mailbox_categories),
			       "clock_status", options_json(status)));
}

/* ---- cases ---------------------------------------------------------------------- */

static void cases_list(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_case_filter f = {
		.type = fz_req_query(req, "type"),
		.state = fz_req_query(req, "state"),
		.clock_status = fz_req_query(req, "clock_status"),
		.q = fz_req_query(req, "q"),
		.sort = fz_req_query(req, "sort"),
		.page = 1,
		.per_page = 20,
	};
	int64_t v;
	const char *s;
	if ((s = fz_req_query(req, "agency_id"))) {
		if (!fz_parse_int(s, 1, INT64_MAX, &v)) {
			fz_err_set(&err, FZ_EBAD_VALUE, "agency_id", "单位编号应为正整数");
			fz_resp_error(resp, &err);
			return;
		}
		f.agency_id = v;
	}
	if ((s = fz_req_query(req, "page"))) {
		if (!fz_parse_int(s, 1, 100000, &v)) {
			fz_err_set(&err, FZ_EBAD_VALUE, "page", "页码应为 1 至 100000 的整数");
			fz_resp_error(resp, &err);
			return;
		}
		f.page = (int)v;
	}
	if ((s = fz_req_query(req, "per_page"))) {
		if (!fz_parse_int(s, 1, 100, &v)) {
			fz_err_set(&err, FZ_EBAD_VALUE, "per_page", "每页条数应为 1 至 100 的整数");
			fz_resp_error(resp, &err);
			return;
		}
		f.per_page = (int)v;
	}
	json_t *out = NULL;
	enum fz_code rc = fz_case_list(req->ctx, &f, &out, &err);
	reply(resp, rc, &err, out, 200);
}

static bool path_id(struct fz_req *req, struct fz_resp *resp, int64_t *id)
{
	if (fz_req_id(req, 0, id))
		return true;
	struct fz_err err;
	fz_err_set(&err, FZ_ENOT_FOUND, "id", "编号应为正整数");
	fz_resp_error(resp, &err);
	return false;
}

static void case_get(struct fz_req *req, struct fz_resp *resp)
{
	int64_t id;
	if (!path_id(req, resp, &id))
		return;
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fz_case_detail(req->ctx, id, &out, &err);
	reply(resp, rc, &err, out, 200);
}

static void case_action(struct fz_req *req, struct fz_resp *resp)
{
	int64_t id;
	if (!path_id(req, resp, &id))
		return;
	struct fz_err err;
	fz_err_clear(&err);
	json_t *body = NULL, *out = NULL;
	enum fz_code rc = fz_req_json(req, &body, &err);
	if (!rc)
		rc = fz_case_act(req->ctx, id, req->params[1], body, &err);
	json_decref(body);
	if (rc) {
		reply(resp, rc, &err, NULL, 200);
		return;
	}
	rc = fz_case_detail(req->ctx, id, &out, &err);
	/* The action moved the case out of the actor's agency (a letter returned for
	 * reassignment): it is done, so show its result once rather than a 404. */
	struct fz_case_row moved;
	if (rc == FZ_ENOT_FOUND && req->ctx->user &&
	    fz_case_load(req->ctx, id, true, &moved, &err) == FZ_OK) {
		const struct fz_user *actor = req->ctx->user;
		struct fz_user as = *actor;
		as.agency_id = moved.agency_id;
		req->ctx->user = &as;
		rc = fz_case_detail(req->ctx, id, &out, &err);
		req->ctx->user = actor;
	}
	reply(resp, rc, &err, out, 200);
}

static void attachment_post(struct fz_req *req, struct fz_resp *resp)
{
	int64_t id;
	if (!path_id(req, resp, &id))
		return;
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_part part;
	if (!req->content_type || strncasecmp(req->content_type, "multipart/form-data", 19) != 0) {
		fz_err_set(&err, FZ_EMEDIA_TYPE, NULL, "上传附件应使用 multipart/form-data");
		fz_resp_error(resp, &err);
		return;
	}
	if (!fz_multipart_find(req->content_type, req->body, req->body_len, "file", &part) ||
	    !part.filename[0]) {
		fz_err_set(&err, FZ_EBAD_REQUEST, "file", "没有找到名为 file 的上传文件");
		fz_resp_error(resp, &err);
		return;
	}
	json_t *out = NULL;
	enum fz_code rc =
		fz_attachment_add(req->ctx, id, part.filename, part.data, part.len, &out, &err);
	reply(resp, rc, &err, out, 201);
}

static void public_attachment_post(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_part part;
	char code[15];
	json_t *out = NULL;
	if (!fz_tracking_normalize(req->params[0], code))
		fz_err_set(&err, FZ_ENOT_FOUND, "code", "查询码格式不正确");
	else if (!req->content_type || strncasecmp(req->content_type, "multipart/form-data", 19) != 0)
		fz_err_set(&err, FZ_EMEDIA_TYPE, NULL, "上传材料应使用 multipart/form-data");
	else if (!fz_multipart_find(req->content_type, req->body, req->body_len, "file", &part) ||
		 !part.filename[0])
		fz_err_set(&err, FZ_EBAD_REQUEST, "file", "没有找到名为 file 的上传文件");
	if (err.code ||
	    fz_attachment_add_public(req->ctx, code, part.filename, part.data, part.len, &out, &err))
		fz_resp_error(resp, &err);
	else
		fz_resp_json(resp, 201, out);
}

static void attachment_get(struct fz_req *req, struct fz_resp *resp)
{
	int64_t id;
	if (!path_id(req, resp, &id))
		return;
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_attachment a;
	if (fz_attachment_get(req->ctx, id, &a, &err)) {
		fz_resp_error(resp, &err);
		return;
	}
	char *copy = malloc(a.len ? a.len : 1);
	if (!copy) {
		fz_err_set(&err, FZ_EINTERNAL, NULL, "内存不足");
		fz_resp_error(resp, &err);
		return;
	}
	memcpy(copy, a.data, a.len);
	fz_resp_file(req, resp, fz_arena_strdup(req->ctx->arena, a.content_type), copy, a.len,
		     fz_arena_strdup(req->ctx->arena, a.filename));
}

/* ---- supervision, dashboard ----------------------------------------------------- */

static void supervision(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fz_supervision_json(req->ctx, &out, &err);
	reply(resp, rc, &err, out, 200);
}

static void dashboard(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fz_dashboard_json(req->ctx, &out, &err);
	reply(resp, rc, &err, out, 200);
}

/* ---- settings (local rules) ------------------------------------------------------- */

static void settings_get(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	enum fz_code rc = fz_settings_json(req->ctx, &out, &err);
	reply(resp, rc, &err, out, 200);
}

/* PUT /api/settings/{key} {"value": N}: the administrator or the head of the legal office. */
static void settings_put(struct fz_req *req, struct fz_resp *resp)
{
	static const struct fz_input inputs[] = {
		{.name = "value", .label = "设置值", .type = FZ_IN_INT, .required = true, .min = -1000000,
		 .max = 1000000},
		{.name = NULL}};
	struct fz_err err;
	fz_err_clear(&err);
	json_t *b = NULL, *out = NULL;
	enum fz_code rc = FZ_OK;
	if (!(fz_ctx_role(req->ctx) & (FZ_ROLE_ADMIN | FZ_ROLE_LEGAL_HEAD)))
		rc = fz_err_set(&err, FZ_EFORBIDDEN, NULL, "只有系统管理员或法制机构负责人可以修改设置");
	if (!rc)
		rc = fz_req_json(req, &b, &err);
	if (!rc)
		rc = fz_json_check_inputs(req->ctx, inputs, 2, b, NULL, &err);
	if (!rc)
		rc = fz_settings_change(req->ctx, req->params[0],
					(long)json_integer_value(json_object_get(b, "value")), &err);
	if (!rc)
		rc = fz_settings_json(req->ctx, &out, &err);
	json_decref(b);
	reply(resp, rc, &err, out, 200);
}

/* ---- operations ------------------------------------------------------------------ */

/* GET /api/security/events: the administrator's security record (login throttling, accounts). */
static void security_events(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	int64_t page = 1, per_page = 20;
	const char *s;
	enum fz_code rc = FZ_OK;
	if (!(fz_ctx_role(req->ctx) & FZ_ROLE_ADMIN))
		rc = fz_err_set(&err, FZ_EFORBIDDEN, NULL, "只有系统管理员可以查看安全事件");
	else if ((s = fz_req_query(req, "page")) && !fz_parse_int(s, 1, 100000, &page))
		rc = fz_err_set(&err, FZ_EBAD_VALUE, "page", "页码应为 1 至 100000 的整数");
	else if ((s = fz_req_query(req, "per_page")) && !fz_parse_int(s, 1, 100, &per_page))
		rc = fz_err_set(&err, FZ_EBAD_VALUE, "per_page", "每页条数应为 1 至 100 的整数");
	if (!rc)
		rc = fz_audit_security_json(req->ctx, (int)page, (int)per_page, &out, &err);
	reply(resp, rc, &err, out, 200);
}

static void healthz(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_stmt *st = fz_db_query(req->ctx->db, NULL, "SELECT 1", NULL);
	bool ok = st && fz_stmt_row(st);
	fz_stmt_done(st);
	fz_resp_text(resp, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "db unavailable\n");
}

static void metrics(struct fz_req *req, struct fz_resp *resp)
{
	struct fz_sup_totals t = {0, 0, 0};
	struct fz_err err;
	fz_supervision_totals(req->ctx, &t, &err);
	struct fz_wal_state wal;
	fz_server_wal(&wal);
	struct fz_stmt *st = fz_db_query(req->ctx->db, NULL,
					 "SELECT COUNT(*) FROM case_record WHERE closed_on IS NULL", NULL);
	long long open_cases = st && fz_stmt_row(st) ? (long long)fz_col_int(st, 0) : -1;
	fz_stmt_done(st);
	char *extra = fz_arena_printf(
		req->ctx->arena,
		"# HELP fazhi_open_cases Cases not yet closed.\n# TYPE fazhi_open_cases gauge\n"
		"fazhi_open_cases %lld\n"
		"# HELP fazhi_clocks Running or paused statutory clocks by status.\n"
		"# TYPE fazhi_clocks gauge\n"
		"fazhi_clocks{status=\"open\"} %lld\nfazhi_clocks{status=\"due_soon\"} %lld\n"
		"fazhi_clocks{status=\"overdue\"} %lld\n"
		"# HELP fazhi_wal_bytes Live size of the database's write-ahead log.\n"
		"# TYPE fazhi_wal_bytes gauge\nfazhi_wal_bytes %lld\n"
		"# HELP fazhi_writes_held 1 while writes wait for a long reader (WAL over store.wal_limit_mb).\n"
		"# TYPE fazhi_writes_held gauge\nfazhi_writes_held %d\n",
		open_cases, (long long)t.open, (long long)t.yellow, (long long)t.red,
		(long long)wal.bytes, wal.writes_held ? 1 : 0);
	char *text = fz_metrics_render(fz_server_router(), extra);
	resp->status = 200;
	resp->content_type = "text/plain; version=0.0.4; charset=utf-8";
	resp->body = text;
	resp->len = text ? strlen(text) : 0;
	resp->free_body = true;
}

static void openapi(struct fz_req *req, struct fz_resp *resp)
{
	(void)req;
	fz_resp_json(resp, 200, fz_openapi(fz_server_router()));
}

static const struct fz_route core_routes[] = {
	{"GET", "/healthz", healthz, FZ_R_PUBLIC, "健康检查", "运维", NULL},
	{"GET", "/metrics", metrics, FZ_R_PUBLIC | FZ_R_LOCAL, "Prometheus 指标：按接口的请求数与耗时、在办案件、即将到期与超期时限", "运维", NULL},
	{"GET", "/api/openapi.json", openapi, FZ_R_PUBLIC, "本接口说明（OpenAPI 3）", "运维", NULL},
	{"POST", "/api/session", session_create, FZ_R_PUBLIC | FZ_R_NOCSRF, "登录，返回 CSRF 令牌", "登录", NULL},
	{"GET", "/api/session", session_get, 0, "当前登录用户", "登录", NULL},
	{"DELETE", "/api/session", session_delete, 0, "退出登录", "登录", NULL},
	{"GET", "/api/meta", meta, 0, "角色、案件类型、状态、类别等参考数据", "参考数据", NULL},
	{"GET", "/api/agencies", agencies, 0, "单位列表", "参考数据", NULL},
	{"GET", "/api/settings", settings_get, 0, "地方规定等设置项（期限天数、预警窗口等）及当前值", "设置", NULL},
	{"PUT", "/api/settings/{key}", settings_put, 0, "修改一项设置（系统管理员或法制机构负责人；记入过程记录）", "设置", NULL},
	{"GET", "/api/public/agencies", agencies, FZ_R_PUBLIC, "单位列表（公开）", "参考数据", NULL},
	{"GET", "/api/cases", cases_list, 0, "案件列表：按类型、状态、单位、时限状态、关键词筛选，排序，分页", "案件", NULL},
	{"GET", "/api/cases/{id}", case_get, 0, "案件详情：字段、时限、过程记录、附件、可执行操作", "案件", "case"},
	{"POST", "/api/cases/{id}/actions/{action}", case_action, 0, "执行办理操作（需提交 version）", "案件", "case"},
	{"POST", "/api/cases/{id}/attachments", attachment_post, FZ_R_UPLOAD, "上传附件（multipart/form-data，字段 file）", "案件", "case"},
	{"GET", "/api/attachments/{id}", attachment_get, 0, "下载附件", "案件", "attachment"},
	{"POST", "/api/public/cases/{code}/attachments", public_attachment_post,
	 FZ_R_PUBLIC | FZ_R_UPLOAD | FZ_R_RATELIMIT,
	 "公众凭查询码为本人尚在办理的事项上传材料（每件最多 10 个）", "案件", NULL},
	{"GET", "/api/supervision", supervision, 0, "电子监察：各单位即将到期与超期时限（黄牌、红牌）", "电子监察", NULL},
	{"GET", "/api/security/events", security_events, 0, "安全事件：登录失败限制、账号与设置变更（系统管理员）", "运维", NULL},
	{"GET", "/api/dashboard", dashboard, 0, "首页：待办、统计、按单位与按月数据", "电子监察", NULL},
	{NULL, NULL, NULL, 0, NULL, NULL, NULL},
};

bool fz_routes_build(struct fz_router *r)
{
	if (!fz_router_add(r, core_routes))
		return false;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		if (!fz_router_add(r, fz_platform_module(i)->routes))
			return false;
	return true;
}

json_t *fz_openapi(const struct fz_router *r)
{
	json_t *paths = json_object();
	for (size_t i = 0; i < r->n; i++) {
		const struct fz_route *rt = r->routes[i];
		json_t *item = json_object_get(paths, rt->pattern);
		if (!item) {
			item = json_object();
			json_object_set_new(paths, rt->pattern, item);
		}
		json_t *params = json_array();
		for (const char *p = strchr(rt->pattern, '{'); p; p = strchr(p + 1, '{')) {
			const char *e = strchr(p, '}');
			char name[32];
			snprintf(name, sizeof name, "%.*s", (int)(e - p - 1), p + 1);
			json_array_append_new(params,
					      json_pack("{s:s, s:s, s:b, s:{s:s}}", "name", name, "in",
							"path", "required", 1, "schema", "type",
							strcmp(name, "id") == 0 ? "integer" : "string"));
		}
		char lower[8];
		size_t k = 0;
		for (; rt->method[k] && k < 7; k++)
			lower[k] = (char)(rt->method[k] | 0x20);
		lower[k] = '\0';
		json_t *op = json_pack(
			"{s:s, s:[s], s:o, s:{s:{s:s}, s:{s:s}}}", "summary", rt->summary, "tags", rt->tag,
			"parameters", params, "responses", "200", "description", "成功", "default",
			"description", "错误：{\"error\":{\"code\",\"message\",\"field\"}}");
		if (!(rt->flags & FZ_R_PUBLIC))
			json_object_set_new(op, "security", json_pack("[{s:[]}]", "session"));
		if (rt->flags & FZ_R_UPLOAD)
			json_object_set_new(
				op, "requestBody",
				json_pack("{s:{s:{s:{s:s, s:{s:{s:s, s:s}}}}}}", "content",
					  "multipart/form-data", "schema", "type", "object", "properties",
					  "file", "type", "string", "format", "binary"));
		/* What the first path parameter names, so tests can ask it with another agency's. */
		if (rt->record)
			json_object_set_new(op, "x-fazhi-record", json_string(rt->record));
		json_object_set_new(item, lower, op);
	}
	return json_pack("{s:s, s:{s:s, s:s, s:s}, s:o, s:{s:{s:{s:s, s:s, s:s}}}}", "openapi",
			 "3.0.3", "info", "title", "法治（Fazhi）依法行政综合管理平台 API", "version",
			 FZ_VERSION, "description", "见 docs/api.md", "paths", paths, "components",
			 "securitySchemes", "session", "type", "apiKey", "in", "cookie", "name",
			 "fz_session");
}
