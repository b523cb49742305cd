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
#include "platform/accounts.h"
#include "platform/attachments.h"
#include "platform/audit.h"
#include "platform/cases.h"
#include "platform/jsonx.h"
#include "platform/lists.h"
#include "platform/module.h"
#include "platform/settings.h"
#include "platform/supervision.h"

static json_t *user_json(const struct fz_user *u)
{
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:I, s:s}", "user_id", (json_int_t)u->user_id,
			 "username", u->username, "display_name", u->display_name, "role",
			 fz_role_name(u->role), "role_label", fz_role_label(u->role), "agency_id",
			 (json_int_t)u->agency_id, "agency_name", u->agency_name);
}

/* ---- session ------------------------------------------------------------------ */

static const struct fz_input login_inputs[] = {
	{.name = "username", .label = "用户名", .type = FZ_IN_TEXT, .required = true, .max_chars = 40},
	{.name = "password", .label = "密码", .type = FZ_IN_TEXT, .required = true, .max_chars = 128},
	{.name = NULL},
};

static enum fz_code session_create(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char token[FZ_TOKEN_HEX], csrf[FZ_TOKEN_HEX];
	struct fz_user u;
	int64_t retry = 0;
	enum fz_code rc = fz_login(req->ctx, fz_json_str(req->body, "username"),
				   fz_json_str(req->body, "password"), token, csrf, &u, &retry, err);
	if (rc) {
		if (rc == FZ_ETHROTTLED && retry > 0)
			fz_req_add_header(req, "Retry-After",
					  fz_arena_printf(req->ctx->arena, "%lld", (long long)retry));
		return rc;
	}
	/* The cookie lives as long as the session row (the session.hours setting). */
	long hours = fz_setting_int(req->ctx->db, "session.hours", 12);
	fz_req_add_header(req, "Set-Cookie",
			  fz_arena_printf(req->ctx->arena,
					  "fz_session=%s; Path=/; HttpOnly; SameSite=Strict; Max-Age=%ld%s",
					  token, hours * 3600, req->secure ? "; Secure" : ""));
	*out = json_pack("{s:s, s:o}", "csrf_token", csrf, "user", user_json(&u));
	return FZ_OK;
}

static enum fz_code session_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_user u;
	char csrf[FZ_TOKEN_HEX];
	enum fz_code rc =
		fz_session_lookup(req->ctx->db, req->session_token, req->ctx->now, &u, csrf, err);
	if (!rc)
		*out = json_pack("{s:s, s:o}", "csrf_token", csrf, "user", user_json(&u));
	return rc;
}

static enum fz_code session_delete(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	enum fz_code rc = fz_logout(req->ctx, req->session_token, err);
	if (rc)
		return rc;
	fz_req_add_header(req, "Set-Cookie",
			  req->secure ? "fz_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0; Secure"
				      : "fz_session=; Path=/; HttpOnly; SameSite=Strict; Max-Age=0");
	fz_req_status(req, 204);
	return FZ_OK;
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

static enum fz_code agencies(struct fz_req *req, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(req->ctx->db, err,
					 "SELECT agency_id, name, short_name, kind FROM agency"
					 " WHERE active = 1 ORDER BY sort_order, agency_id",
					 NULL);
	if (!st)
		return err->code;
	json_t *items = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(items,
				      json_pack("{s:I, s:s, s:s, s:s, s:s}", "agency_id",
						(json_int_t)fz_col_int(st, 0), "name", fz_col_text(st, 1),
						"short_name", fz_col_text(st, 2), "kind",
						fz_col_text(st, 3), "kind_label",
						kind_label(fz_col_text(st, 3))));
	fz_stmt_done(st);
	*out = json_pack("{s:o}", "items", items);
	return FZ_OK;
}

/*
 * The county the installation serves, from its registry (the agency of kind
 * county, entered at `fazhi init`): government "青山县人民政府" as registered,
 * name "青山县" (the government's name without 人民政府; the registry's short
 * name is the numbering prefix such as 青政, not the county's name), and the
 * emblem's address (none yet: null).
 */
static json_t *county_json(struct fz_ctx *ctx)
{
	static const char gov[] = "人民政府";
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT name FROM agency WHERE kind = 'county'"
					 " ORDER BY agency_id LIMIT 1",
					 NULL);
	json_t *c = NULL;
	if (st && fz_stmt_row(st)) {
		const char *full = fz_col_text(st, 0);
		size_t n = strlen(full), g = sizeof gov - 1;
		const char *name = n > g && strcmp(full + n - g, gov) == 0
					   ? fz_arena_printf(ctx->arena, "%.*s", (int)(n - g), full)
					   : full;
		/* `fazhi init` without --county: not named yet, so not "县". */
		if (strcmp(name, "县") == 0)
			name = "本县";
		c = json_pack("{s:s, s:s, s:n}", "name", name, "government", full, "emblem");
	}
	fz_stmt_done(st);
	return c ? c : json_pack("{s:s, s:s, s:n}", "name", "本县", "government", "本县人民政府",
				 "emblem");
}

static enum fz_code public_meta(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)err;
	*out = json_pack("{s:o}", "county", county_json(req->ctx));
	return FZ_OK;
}

/* Every route with who may call it, so the web app shows menus and buttons by the server's rows. */
static json_t *routes_json(void)
{
	const struct fz_router *r = fz_server_router();
	json_t *a = json_array();
	for (size_t i = 0; r && i < r->n; i++) {
		const struct fz_route *rt = r->routes[i];
		json_t *o = json_pack("{s:s, s:s}", "method", rt->method, "path", rt->pattern);
		if (rt->roles & FZ_ROLE_PUBLIC)
			json_object_set_new(o, "public", json_true());
		json_object_set_new(o, "roles", fz_roles_json(rt->roles & ~(unsigned)FZ_ROLE_PUBLIC));
		json_array_append_new(a, o);
	}
	return a;
}

static enum fz_code meta(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)err;
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
	*out = json_pack("{s:o, s:o, s:o, s:o, s:o}", "roles", roles, "case_types", types,
			 "clock_status", fz_options_json(status), "county", county_json(req->ctx),
			 "routes", routes_json());
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		if (fz_platform_module(i)->meta)
			fz_platform_module(i)->meta(*out);
	return FZ_OK;
}

/* ---- cases ---------------------------------------------------------------------- */

static enum fz_code cases_list(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_cases_list, out, err);
}

static enum fz_code cases_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_cases_list, out, err);
}

static enum fz_code case_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	return rc ? rc : fz_case_detail(req->ctx, id, out, err);
}

static enum fz_code case_action(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	if (!rc)
		rc = fz_case_act(req->ctx, id, req->params[1], req->body, err);
	if (rc)
		return rc;
	rc = fz_case_detail(req->ctx, id, out, err);
	/* The action moved the case out of the actor's agency (a letter returned for
	 * reassignment): it is done, so show its result once rather than a 404. */
	struct fz_case_row moved;
	if (rc == FZ_ENOT_FOUND && req->ctx->user &&
	    fz_case_load(req->ctx, id, true, &moved, err) == FZ_OK) {
		const struct fz_user *actor = req->ctx->user;
		struct fz_user as = *actor;
		as.agency_id = moved.agency_id;
		req->ctx->user = &as;
		fz_err_clear(err);
		rc = fz_case_detail(req->ctx, id, out, err);
		req->ctx->user = actor;
	}
	return rc;
}

static enum fz_code attachment_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int64_t id;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	if (rc)
		return rc;
	if (!req->upload_name)
		return fz_err_set(err, FZ_EMEDIA_TYPE, NULL, "上传附件应使用 multipart/form-data");
	if (!req->upload_name[0])
		return fz_err_set(err, FZ_EBAD_REQUEST, "file", "没有找到名为 file 的上传文件");
	return fz_attachment_add(req->ctx, id, req->upload_name, req->upload_data, req->upload_len,
				 out, err);
}

static enum fz_code public_attachment_post(struct fz_req *req, json_t **out, struct fz_err *err)
{
	char code[15];
	if (!fz_tracking_normalize(req->params[0], code))
		return fz_err_set(err, FZ_ENOT_FOUND, "code", "查询码格式不正确");
	if (!req->upload_name)
		return fz_err_set(err, FZ_EMEDIA_TYPE, NULL, "上传材料应使用 multipart/form-data");
	if (!req->upload_name[0])
		return fz_err_set(err, FZ_EBAD_REQUEST, "file", "没有找到名为 file 的上传文件");
	return fz_attachment_add_public(req->ctx, code, req->upload_name, req->upload_data,
					req->upload_len, out, err);
}

/* The portal's one tracking box: which procedure's page a code opens (api.h). */
static enum fz_code track_resolve(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_track_resolve(req->ctx, req->params[0], out, err);
}

static enum fz_code attachment_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	int64_t id;
	struct fz_attachment a;
	enum fz_code rc = fz_req_path_id(req, &id, "编号应为正整数", err);
	if (!rc)
		rc = fz_attachment_get(req->ctx, id, &a, err);
	if (rc)
		return rc;
	char *copy = malloc(a.len ? a.len : 1);
	if (!copy)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	memcpy(copy, a.data, a.len);
	fz_req_file(req, fz_arena_strdup(req->ctx->arena, a.content_type), copy, a.len,
		    fz_arena_strdup(req->ctx->arena, a.filename));
	return FZ_OK;
}

/* ---- supervision, dashboard, settings ---------------------------------------------- */

static enum fz_code supervision(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_supervision_json(req->ctx, out, err);
}

static enum fz_code dashboard(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_dashboard_json(req->ctx, out, err);
}

static enum fz_code settings_get(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_settings_json(req->ctx, out, err);
}

/*
 * PUT /api/settings/{key} {"value": N}, or {"value": "https://…"} for an
 * address setting: the value's type depends on the key, so the handler checks it.
 */
static enum fz_code settings_put(struct fz_req *req, json_t **out, struct fz_err *err)
{
	const struct fz_setting_def *d = fz_setting_find(req->params[0]);
	if (!d)
		return fz_err_set(err, FZ_ENOT_FOUND, "key", "没有名为 %s 的设置项", req->params[0]);
	const char *name;
	json_t *v;
	json_object_foreach(req->body, name, v)
		if (strcmp(name, "value") != 0)
			return fz_err_set(err, FZ_EUNKNOWN_FIELD, name, "不认识的字段“%s”", name);
	v = json_object_get(req->body, "value");
	if (!v)
		return fz_err_set(err, FZ_EMISSING_FIELD, "value", "请填写“%s”", d->label);
	enum fz_code rc;
	if (d->kind == FZ_SETTING_URL) {
		if (!json_is_string(v))
			return fz_err_set(err, FZ_EBAD_TYPE, "value", "“%s”应为网址（文本）", d->label);
		rc = fz_settings_change_text(req->ctx, d->key, json_string_value(v), err);
	} else {
		if (!json_is_integer(v))
			return fz_err_set(err, FZ_EBAD_TYPE, "value", "“%s”应为整数", d->label);
		json_int_t n = json_integer_value(v);
		if (n < d->min || n > d->max)
			return fz_err_set(err, FZ_EBAD_VALUE, "value", "“%s”应在 %ld 至 %ld 之间",
					  d->label, d->min, d->max);
		rc = fz_settings_change(req->ctx, d->key, (long)n, err);
	}
	return rc ? rc : fz_settings_json(req->ctx, out, err);
}

/* ---- operations ------------------------------------------------------------------ */

/* GET /api/security/events: the administrator's security record (login throttling, accounts). */
static enum fz_code security_events(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_answer(req, &fz_audit_security_list, out, err);
}

static enum fz_code security_export(struct fz_req *req, json_t **out, struct fz_err *err)
{
	return fz_list_export(req, &fz_audit_security_list, out, err);
}

static enum fz_code healthz(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	(void)err;
	struct fz_stmt *st = fz_db_query(req->ctx->db, NULL, "SELECT 1", NULL);
	bool ok = st && fz_stmt_row(st);
	fz_stmt_done(st);
	fz_req_text(req, ok ? 200 : 503, "text/plain; charset=utf-8", ok ? "ok\n" : "db unavailable\n");
	return FZ_OK;
}

static enum fz_code metrics(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)out;
	struct fz_sup_totals t = {0, 0, 0};
	fz_supervision_totals(req->ctx, &t, err);
	fz_err_clear(err);
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
	fz_req_file(req, "text/plain; version=0.0.4; charset=utf-8", text, text ? strlen(text) : 0,
		    NULL);
	return FZ_OK;
}

static enum fz_code openapi(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)req;
	(void)err;
	*out = fz_openapi(fz_server_router());
	return FZ_OK;
}

/* Every module's named yearly figures with their drill-down lists (platform/figures.h). */
static enum fz_code figures(struct fz_req *req, json_t **out, struct fz_err *err)
{
	int year;
	int64_t agency;
	enum fz_code rc = fz_stats_year_arg(req, &year, err);
	if (!rc)
		rc = fz_figures_agency(req->ctx, fz_req_query(req, "agency_id"), &agency, err);
	return rc ? rc : fz_figures_json(req->ctx, year, agency, out, err);
}

#define ANYONE FZ_ROLES_ANYONE
#define SIGNED_IN FZ_ROLES_SIGNED_IN

static const struct fz_route core_routes[] = {
	{"GET", "/healthz", healthz, ANYONE, 0, "健康检查", "运维"},
	{"GET", "/metrics", metrics, ANYONE, FZ_R_LOCAL, "Prometheus 指标：按接口的请求数与耗时、在办案件、即将到期与超期时限", "运维"},
	{"GET", "/api/openapi.json", openapi, ANYONE, 0, "本接口说明（OpenAPI 3）", "运维"},
	{"POST", "/api/session", session_create, ANYONE, FZ_R_NOCSRF, "登录，返回 CSRF 令牌", "登录",
	 .body = login_inputs},
	{"GET", "/api/session", session_get, SIGNED_IN, 0, "当前登录用户", "登录"},
	{"DELETE", "/api/session", session_delete, SIGNED_IN, 0, "退出登录", "登录"},
	{"GET", "/api/meta", meta, SIGNED_IN, 0, "角色、案件类型、状态、类别、本县名称、各接口可用角色等参考数据", "参考数据"},
	{"GET", "/api/public/meta", public_meta, ANYONE, 0, "本县名称（公开）", "参考数据"},
	{"GET", "/api/agencies", agencies, SIGNED_IN, 0, "单位列表", "参考数据"},
	{"GET", "/api/settings", settings_get, SIGNED_IN, 0, "地方规定等设置项（期限天数、预警窗口等）及当前值", "设置"},
	{"PUT", "/api/settings/{key}", settings_put, FZ_ROLE_ADMIN | FZ_ROLE_LEGAL_HEAD, FZ_R_JSON,
	 "修改一项设置（记入过程记录）：value 为整数，网址类设置为文本", "设置"},
	{"GET", "/api/public/agencies", agencies, ANYONE, 0, "单位列表（公开）", "参考数据"},
	{"GET", "/api/public/track-code/{code}", track_resolve, ANYONE, FZ_R_RATELIMIT,
	 "查询码属于哪类事项（信箱来信、信息公开申请、行政复议申请），只答类型，供统一查询框打开对应页面", "案件"},
	{"GET", "/api/cases", cases_list, SIGNED_IN, 0, "案件列表：按类型、状态、单位、时限状态、关键词筛选，排序，分页", "案件"},
	{"GET", "/api/cases.xlsx", cases_export, SIGNED_IN, 0, "导出案件列表（Excel，筛选和排序同列表，最多 10000 条）", "案件"},
	{"GET", "/api/cases/{id}", case_get, SIGNED_IN, 0, "案件详情：字段、时限、过程记录、附件、可执行操作", "案件", "case"},
	{"POST", "/api/cases/{id}/actions/{action}", case_action, SIGNED_IN, FZ_R_JSON,
	 "执行办理操作（需提交 version；其余字段为该操作声明的输入项）", "案件", "case"},
	/* Attachments are added by those who handle cases: the legal office and agency staff. */
	{"POST", "/api/cases/{id}/attachments", attachment_post, FZ_ROLES_LEGAL | FZ_ROLES_AGENCY,
	 FZ_R_UPLOAD,
	 "上传附件（multipart/form-data，字段 file）", "案件", "case", .status = 201},
	{"GET", "/api/attachments/{id}", attachment_get, SIGNED_IN, 0, "下载附件", "案件", "attachment"},
	{"POST", "/api/public/cases/{code}/attachments", public_attachment_post, ANYONE,
	 FZ_R_UPLOAD | FZ_R_RATELIMIT, "公众凭查询码为本人尚在办理的事项上传材料（每件最多 10 个）", "案件",
	 .status = 201},
	{"GET", "/api/supervision", supervision, SIGNED_IN, 0, "电子监察：各单位即将到期与超期时限（黄牌、红牌）", "电子监察"},
	{"GET", "/api/security/events", security_events, FZ_ROLE_ADMIN, 0, "安全事件：登录失败限制、账号与设置变更", "运维"},
	{"GET", "/api/security/events.xlsx", security_export, FZ_ROLE_ADMIN, 0, "导出安全事件（Excel）", "运维"},
	{"GET", "/api/dashboard", dashboard, SIGNED_IN, 0, "首页：待办、统计、按单位与按月数据", "电子监察"},
	{"GET", "/api/figures", figures, SIGNED_IN, 0,
	 "年度统计指标：各模块按名称发布的数字、单位及其明细列表（agency_id 省略为全县；本单位用户只看本单位）",
	 "统计指标"},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};

bool fz_routes_build(struct fz_router *r)
{
	if (!fz_router_add(r, core_routes) || !fz_router_add(r, fz_console_routes))
		return false;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		if (!fz_router_add(r, fz_platform_module(i)->routes))
			return false;
	return true;
}

enum fz_code fz_routes_validate(const struct fz_router *r, struct fz_err *err)
{
	for (size_t i = 0; i < r->n; i++) {
		const struct fz_route *rt = r->routes[i];
		const char *why = NULL;
		if (!rt->fn)
			why = "没有处理函数";
		else if (!rt->roles)
			why = "没有声明可调用的角色";
		else if (!rt->summary || !rt->tag)
			why = "没有说明或分组";
		else if (rt->record && !fz_record_kind_find(rt->record))
			why = "声明的记录类型没有模块登记（struct fz_module.records）";
		else if (rt->record && !strstr(rt->pattern, "/{id}"))
			why = "声明了记录类型，但路径的参数不是 {id}";
		else if (rt->body && (rt->flags & FZ_R_UPLOAD))
			why = "上传接口不能同时声明 JSON 请求体";
		if (why)
			return fz_err_set(err, FZ_EINTERNAL, NULL, "接口 %s %s 的声明有误：%s", rt->method,
					  rt->pattern, why);
	}
	return FZ_OK;
}

/* A declared input as a JSON Schema property, with its Chinese label as the title. */
static json_t *input_schema(const struct fz_input *in)
{
	json_t *p = json_pack("{s:s}", "title", in->label);
	switch (in->type) {
	case FZ_IN_BOOL:
		json_object_set_new(p, "type", json_string("boolean"));
		break;
	case FZ_IN_INT:
		json_object_set_new(p, "type", json_string("integer"));
		if (in->min || in->max) {
			json_object_set_new(p, "minimum", json_integer(in->min));
			json_object_set_new(p, "maximum", json_integer(in->max));
		}
		break;
	case FZ_IN_AGENCY:
		json_object_set_new(p, "type", json_string("integer"));
		json_object_set_new(p, "description", json_string("单位编号（/api/agencies）"));
		break;
	case FZ_IN_DATE:
		json_object_set_new(p, "type", json_string("string"));
		json_object_set_new(p, "format", json_string("date"));
		break;
	case FZ_IN_SELECT: {
		json_t *e = json_array();
		for (const struct fz_option *o = in->options; o && o->value; o++)
			json_array_append_new(e, json_string(o->value));
		json_object_set_new(p, "type", json_string("string"));
		json_object_set_new(p, "enum", e);
		break;
	}
	case FZ_IN_TEXT:
	case FZ_IN_TEXTAREA:
		json_object_set_new(p, "type", json_string("string"));
		json_object_set_new(p, "maxLength", json_integer(in->max_chars ? in->max_chars : 2000));
		break;
	}
	return p;
}

static json_t *body_schema(const struct fz_input *in)
{
	json_t *props = json_object(), *req = json_array();
	for (; in->name; in++) {
		json_object_set_new(props, in->name, input_schema(in));
		if (in->required)
			json_array_append_new(req, json_string(in->name));
	}
	return json_pack("{s:{s:{s:{s:s, s:b, s:o, s:o}}}, s:b}", "content", "application/json",
			 "schema", "type", "object", "additionalProperties", 0, "properties", props,
			 "required", req, "required", 1);
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
		char ok[8];
		snprintf(ok, sizeof ok, "%d", rt->status ? rt->status : 200);
		json_t *op = json_pack(
			"{s:s, s:[s], s:o, s:{s:{s:s}, s:{s:s}}}", "summary", rt->summary, "tags", rt->tag,
			"parameters", params, "responses", ok, "description", "成功", "default",
			"description", "错误：{\"error\":{\"code\",\"message\",\"field\"}}");
		/* Who may call it: role names, and whether no login is needed. */
		json_object_set_new(op, "x-fazhi-roles",
				    fz_roles_json(rt->roles & ~(unsigned)FZ_ROLE_PUBLIC));
		if (rt->roles & FZ_ROLE_PUBLIC)
			json_object_set_new(op, "x-fazhi-public", json_true());
		else
			json_object_set_new(op, "security", json_pack("[{s:[]}]", "session"));
		if (rt->body)
			json_object_set_new(op, "requestBody", body_schema(rt->body));
		else if (rt->flags & FZ_R_JSON)
			json_object_set_new(op, "requestBody",
					    json_pack("{s:{s:{s:{s:s}}}}", "content", "application/json",
						      "schema", "type", "object"));
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
