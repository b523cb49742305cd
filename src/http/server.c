/*
 * server.c - the libmicrohttpd server (server.h) and the request helpers of
 * handler.h. The only file that includes microhttpd.h.
 *
 * A request passes, in order: route match (404/405/400), body limit (413),
 * query text check (400), session (401 where login is needed), CSRF on state
 * changes (403), rate limit on public forms (429), the handler. Every response
 * carries the security headers; every request leaves one access-log line and
 * one metrics observation.
 */
#include "http/server.h"

#include <arpa/inet.h>
#include <microhttpd.h>
#include <netinet/in.h>
#include <pthread.h>
#include <signal.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "core/text.h"
#include "http/handler.h"
#include "http/metrics.h"
#include "http/ratelimit.h"
#include "http/router.h"
#include "http/routes.h"
#include "http/static.h"
#include "platform/accounts.h"
#include "platform/calendar_store.h"
#include "modules/registry.h"
#include "platform/supervision.h"
#include "store/migrations.h"

#define JSON_LIMIT (256 * 1024)
#define UPLOAD_LIMIT (10 * 1024 * 1024 + 64 * 1024)

static const char csp[] = "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline';"
			  " img-src 'self' data:; font-src 'self' data:; connect-src 'self';"
			  " frame-ancestors 'none'; base-uri 'self'; form-action 'self'; object-src 'none'";

static struct fz_router router;
static const struct fz_server_opts *opts;

/* The live calendar; replaced under the write lock when a new year is loaded. */
static struct fz_calendar *g_cal;
static char g_cal_sig[96];
static pthread_rwlock_t cal_lock = PTHREAD_RWLOCK_INITIALIZER;

/* Each server thread's own connection; all are closed at shutdown. */
static _Thread_local struct fz_db *tdb;
static struct fz_db *all_dbs[256];
static int n_dbs;
static pthread_mutex_t dbs_lock = PTHREAD_MUTEX_INITIALIZER;

static volatile sig_atomic_t stopping;

static struct fz_db *thread_db(void)
{
	if (tdb)
		return tdb;
	struct fz_err err;
	if (fz_db_open(opts->db_path, 0, &tdb, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", err.message);
		return NULL;
	}
	fz_db_autocheckpoint(tdb, 0); /* the background thread checkpoints */
	pthread_mutex_lock(&dbs_lock);
	if (n_dbs < 256)
		all_dbs[n_dbs++] = tdb;
	pthread_mutex_unlock(&dbs_lock);
	return tdb;
}

struct reqstate {
	struct fz_arena arena;
	char *body;
	size_t len, cap, limit;
	bool too_large;
	char *raw_path; /* the path as sent, before libmicrohttpd unescapes it */
	struct timespec start;
};

/* ---- handler.h helpers ------------------------------------------------------ */

const char *fz_req_header(struct fz_req *req, const char *name)
{
	return MHD_lookup_connection_value(req->conn, MHD_HEADER_KIND, name);
}

const char *fz_req_query(struct fz_req *req, const char *key)
{
	const char *v = MHD_lookup_connection_value(req->conn, MHD_GET_ARGUMENT_KIND, key);
	return v && *v ? v : NULL;
}

bool fz_req_id(struct fz_req *req, int i, int64_t *out)
{
	return i < req->nparams && fz_parse_int(req->params[i], 1, INT64_MAX, out);
}

enum fz_code fz_req_json(struct fz_req *req, json_t **out, struct fz_err *err)
{
	*out = NULL;
	if (!req->content_type || strncasecmp(req->content_type, "application/json", 16) != 0)
		return fz_err_set(err, FZ_EMEDIA_TYPE, NULL,
				  "请求内容类型应为 application/json");
	if (!fz_utf8_valid(req->body, req->body_len))
		return fz_err_set(err, FZ_EBAD_UTF8, NULL, NULL);
	json_error_t je;
	json_t *j = json_loadb(req->body, req->body_len, JSON_REJECT_DUPLICATES, &je);
	if (!j)
		return fz_err_set(err, FZ_EBAD_JSON, NULL, "请求内容不是有效的 JSON（第 %d 行第 %d 列：%s）",
				  je.line, je.column, je.text);
	if (!json_is_object(j)) {
		json_decref(j);
		return fz_err_set(err, FZ_EBAD_TYPE, NULL, "请求内容应为 JSON 对象");
	}
	*out = j;
	return FZ_OK;
}

void fz_resp_json(struct fz_resp *resp, int status, json_t *j)
{
	resp->status = status;
	resp->content_type = "application/json; charset=utf-8";
	if (!j) {
		resp->body = NULL;
		resp->len = 0;
		return;
	}
	resp->body = json_dumps(j, JSON_COMPACT);
	resp->len = resp->body ? strlen(resp->body) : 0;
	resp->free_body = true;
	json_decref(j);
}

void fz_resp_error(struct fz_resp *resp, const struct fz_err *err)
{
	const char *msg = err->message[0] && fz_utf8_valid(err->message, strlen(err->message))
				  ? err->message
				  : fz_code_message(err->code);
	const char *field = err->field[0] && fz_utf8_valid(err->field, strlen(err->field))
				    ? err->field
				    : NULL;
	json_t *e = json_pack("{s:{s:s, s:s, s:s?}}", "error", "code", fz_code_name(err->code),
			      "message", msg, "field", field);
	fz_resp_json(resp, fz_code_status(err->code), e);
}

void fz_resp_text(struct fz_resp *resp, int status, const char *type, const char *text)
{
	resp->status = status;
	resp->content_type = type;
	resp->body = (char *)text;
	resp->len = strlen(text);
	resp->free_body = false;
}

void fz_resp_file(struct fz_req *req, struct fz_resp *resp, const char *type, char *data,
		  size_t len, const char *filename)
{
	resp->status = 200;
	resp->content_type = type;
	resp->body = data;
	resp->len = len;
	resp->free_body = true;
	char enc[800];
	size_t k = 0;
	for (const unsigned char *p = (const unsigned char *)filename; *p && k + 4 < sizeof enc; p++) {
		if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') || (*p >= '0' && *p <= '9') ||
		    *p == '.' || *p == '-' || *p == '_')
			enc[k++] = (char)*p;
		else
			k += (size_t)snprintf(enc + k, sizeof enc - k, "%%%02X", *p);
	}
	enc[k] = '\0';
	const char *dot = strrchr(filename, '.');
	fz_resp_header(resp, "Content-Disposition",
		       fz_arena_printf(req->ctx->arena,
				       "attachment; filename=\"download%s\"; filename*=UTF-8''%s",
				       dot && strlen(dot) < 8 ? dot : "", enc));
	fz_resp_header(resp, "Cache-Control", "private, no-store");
}

void fz_resp_header(struct fz_resp *resp, const char *name, const char *value)
{
	if (resp->nheaders < FZ_MAX_RESP_HEADERS) {
		resp->headers[resp->nheaders][0] = name;
		resp->headers[resp->nheaders][1] = value;
		resp->nheaders++;
	}
}

/* ---- the request pipeline ----------------------------------------------------- */

static void error_resp(struct fz_resp *resp, enum fz_code code, const char *field, const char *msg)
{
	struct fz_err err;
	fz_err_set(&err, code, field, "%s", msg ? msg : fz_code_message(code));
	fz_resp_error(resp, &err);
}

struct query_check {
	bool bad;
	char key[64];
};

static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				 const char *value)
{
	(void)kind;
	struct query_check *q = cls;
	if ((key && !fz_utf8_valid(key, strlen(key))) ||
	    (value && (!fz_utf8_valid(value, strlen(value)) || fz_text_has_controls(value, false)))) {
		q->bad = true;
		snprintf(q->key, sizeof q->key, "%s", key && fz_utf8_valid(key, strlen(key)) ? key : "?");
		return MHD_NO;
	}
	return MHD_YES;
}

static void client_addr(struct MHD_Connection *c, char *out, size_t size)
{
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	snprintf(out, size, "?");
	if (ci && ci->client_addr) {
		if (ci->client_addr->sa_family == AF_INET)
			inet_ntop(AF_INET, &((const struct sockaddr_in *)ci->client_addr)->sin_addr, out,
				  (socklen_t)size);
		else if (ci->client_addr->sa_family == AF_INET6)
			inet_ntop(AF_INET6, &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr,
				  out, (socklen_t)size);
	}
}

static bool is_api(const char *url)
{
	return strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0 ||
	       strcmp(url, "/healthz") == 0 || strcmp(url, "/metrics") == 0;
}

static void dispatch(struct MHD_Connection *conn, const char *url, const char *method,
		     struct reqstate *rs, struct fz_resp *resp, size_t *route_index,
		     struct fz_user *user, bool *have_user)
{
	*route_index = FZ_METRICS_OTHER;
	/*
	 * libmicrohttpd hands over the path already unescaped; the router decodes
	 * each parameter itself, so it matches the path as sent: /api/cases%2F1 is
	 * no route and /api/cases/%2531 is case "%31", not case 1.
	 */
	const char *path = rs->raw_path ? rs->raw_path : url;
	if (!is_api(path)) {
		if (strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0) {
			error_resp(resp, FZ_EMETHOD, NULL, NULL);
			fz_resp_header(resp, "Allow", "GET, HEAD");
			return;
		}
		const struct fz_static_file *f = fz_static_find(url);
		if (!f) {
			error_resp(resp, FZ_ENOT_FOUND, NULL, "页面不存在");
			return;
		}
		resp->status = 200;
		resp->content_type = f->type;
		resp->body = (char *)f->data;
		resp->len = f->len;
		fz_resp_header(resp, "Cache-Control",
			       f->immutable ? "public, max-age=31536000, immutable" : "no-cache");
		return;
	}
	const struct fz_route *route = NULL;
	char params[FZ_MAX_PARAMS][FZ_PARAM_MAX], allow[64];
	int np = 0;
	switch (fz_router_match(&router, method, path, &route, route_index, params, &np, allow,
				sizeof allow)) {
	case FZ_MATCH_OK:
		break;
	case FZ_MATCH_METHOD:
		error_resp(resp, FZ_EMETHOD, NULL, NULL);
		fz_resp_header(resp, "Allow", fz_arena_strdup(&rs->arena, allow));
		return;
	case FZ_MATCH_BAD_PARAM:
		error_resp(resp, FZ_EBAD_REQUEST, NULL, "路径参数格式错误");
		return;
	case FZ_MATCH_NONE:
		error_resp(resp, FZ_ENOT_FOUND, NULL, "接口不存在");
		return;
	}
	if (rs->too_large) {
		error_resp(resp, FZ_ETOO_LARGE, NULL,
			   (route->flags & FZ_R_UPLOAD) ? "上传内容超过 10 MB 上限" : "请求内容超过 256 KB 上限");
		return;
	}
	struct query_check qc = {false, ""};
	MHD_get_connection_values(conn, MHD_GET_ARGUMENT_KIND, check_arg, &qc);
	if (qc.bad) {
		error_resp(resp, FZ_EBAD_UTF8, qc.key, "查询参数不是有效的 UTF-8 文本或含控制字符");
		return;
	}
	struct fz_db *db = thread_db();
	if (!db) {
		error_resp(resp, FZ_EDB, NULL, "数据库不可用");
		return;
	}
	char client[64];
	client_addr(conn, client, sizeof client);
	struct fz_ctx ctx = {.db = db, .arena = &rs->arena, .client = fz_arena_strdup(&rs->arena, client)};
	fz_ctx_set_time(&ctx);
	struct fz_req req = {.method = method, .path = url, .body = rs->body ? rs->body : "",
			     .body_len = rs->len, .ctx = &ctx, .conn = conn, .nparams = np};
	req.content_type = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Type");
	for (int i = 0; i < np; i++)
		req.params[i] = fz_arena_strdup(&rs->arena, params[i]);
	req.session_token = MHD_lookup_connection_value(conn, MHD_COOKIE_KIND, "fz_session");

	char csrf[FZ_TOKEN_HEX] = "";
	struct fz_err err;
	fz_err_clear(&err);
	if (req.session_token &&
	    fz_session_lookup(db, req.session_token, ctx.now, user, csrf, &err) == FZ_OK) {
		ctx.user = user;
		*have_user = true;
	}
	bool changes = strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
	if (!(route->flags & FZ_R_PUBLIC) && !ctx.user) {
		error_resp(resp, FZ_EUNAUTHENTICATED, NULL,
			   req.session_token ? "登录已过期，请重新登录" : "请先登录");
		return;
	}
	if (changes && ctx.user && !(route->flags & (FZ_R_PUBLIC | FZ_R_NOCSRF))) {
		const char *sent = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
		if (!sent || !fz_str_ct_equal(sent, csrf)) {
			error_resp(resp, FZ_ECSRF, "X-CSRF-Token", NULL);
			return;
		}
	}
	if ((route->flags & FZ_R_RATELIMIT)) {
		struct timespec ts;
		clock_gettime(CLOCK_MONOTONIC, &ts);
		if (!fz_ratelimit_allow(client, (double)ts.tv_sec + ts.tv_nsec / 1e9)) {
			error_resp(resp, FZ_ETHROTTLED, NULL, "提交过于频繁，请稍后再试");
			fz_resp_header(resp, "Retry-After", "60");
			return;
		}
	}
	pthread_rwlock_rdlock(&cal_lock);
	ctx.cal = g_cal;
	route->fn(&req, resp);
	pthread_rwlock_unlock(&cal_lock);
}

/* Does a POST to path reach a route flagged FZ_R_UPLOAD (attachments, a spreadsheet import)? */
static bool upload_route(const char *url)
{
	const struct fz_route *route = NULL;
	char params[FZ_MAX_PARAMS][FZ_PARAM_MAX], allow[64];
	size_t index;
	int np = 0;
	return fz_router_match(&router, "POST", url, &route, &index, params, &np, allow,
			       sizeof allow) == FZ_MATCH_OK &&
	       (route->flags & FZ_R_UPLOAD);
}

/*
 * Called with the request's URI as sent, before libmicrohttpd parses and
 * unescapes it: keeps the raw path for the connection's first access-handler
 * call, in the same thread (each connection stays with one pool thread).
 * Nothing is allocated here: a request libmicrohttpd refuses before the
 * handler (a header too large, say) never reaches on_completed. A few slots
 * per thread cover connections whose headers arrive interleaved.
 */
#define URI_SLOTS 16
#define URI_PATH_MAX 2048
static __thread struct uri_slot {
	const struct MHD_Connection *conn;
	char path[URI_PATH_MAX];
} uri_slots[URI_SLOTS];
static __thread unsigned uri_next;

static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	struct uri_slot *slot = NULL;
	for (int i = 0; i < URI_SLOTS && !slot; i++)
		if (uri_slots[i].conn == conn)
			slot = &uri_slots[i];
	if (!slot)
		slot = &uri_slots[uri_next++ % URI_SLOTS];
	size_t len = strcspn(uri, "?#");
	slot->conn = conn;
	if (len >= URI_PATH_MAX)
		len = 0; /* too long to keep: routed on libmicrohttpd's path */
	memcpy(slot->path, uri, len);
	slot->path[len] = '\0';
	return NULL;
}

/* The raw path on_uri kept for this connection's request (malloc'd), or NULL. */
static char *take_raw_path(const struct MHD_Connection *conn)
{
	for (int i = 0; i < URI_SLOTS; i++)
		if (uri_slots[i].conn == conn) {
			uri_slots[i].conn = NULL;
			return uri_slots[i].path[0] ? strdup(uri_slots[i].path) : NULL;
		}
	return NULL;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	struct reqstate *rs = *con_cls;
	if (!rs) {
		if (!(rs = calloc(1, sizeof *rs)))
			return MHD_NO;
		rs->raw_path = take_raw_path(conn);
		fz_arena_init(&rs->arena);
		clock_gettime(CLOCK_MONOTONIC, &rs->start);
		rs->limit = JSON_LIMIT;
		/* Routes flagged FZ_R_UPLOAD get the larger limit; everything else the JSON one. */
		if (strcmp(method, "POST") == 0 && upload_route(rs->raw_path ? rs->raw_path : url))
			rs->limit = UPLOAD_LIMIT;
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		int64_t n;
		if (cl && fz_parse_int(cl, 0, INT64_MAX, &n) && (size_t)n > rs->limit)
			rs->too_large = true;
		*con_cls = rs;
		return MHD_YES;
	}
	if (*upload_size) {
		if (!rs->too_large) {
			if (rs->len + *upload_size > rs->limit) {
				rs->too_large = true;
				free(rs->body);
				rs->body = NULL;
				rs->len = 0;
			} else {
				if (rs->len + *upload_size + 1 > rs->cap) {
					size_t cap = (rs->len + *upload_size + 1) * 2;
					if (cap > rs->limit + 1)
						cap = rs->limit + 1;
					char *nb = realloc(rs->body, cap);
					if (!nb)
						return MHD_NO;
					rs->body = nb;
					rs->cap = cap;
				}
				memcpy(rs->body + rs->len, upload, *upload_size);
				rs->len += *upload_size;
				rs->body[rs->len] = '\0';
			}
		}
		*upload_size = 0;
		return MHD_YES;
	}

	struct fz_resp resp = {0};
	size_t route_index = FZ_METRICS_OTHER;
	struct fz_user user;
	bool have_user = false;
	dispatch(conn, url, method, rs, &resp, &route_index, &user, &have_user);

	struct MHD_Response *r;
	if (resp.free_body)
		r = MHD_create_response_from_buffer(resp.len, resp.body, MHD_RESPMEM_MUST_FREE);
	else
		r = MHD_create_response_from_buffer(resp.len, resp.body, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	if (resp.content_type)
		MHD_add_response_header(r, "Content-Type", resp.content_type);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	bool has_cache = false;
	for (int i = 0; i < resp.nheaders; i++) {
		MHD_add_response_header(r, resp.headers[i][0], resp.headers[i][1]);
		has_cache |= strcasecmp(resp.headers[i][0], "Cache-Control") == 0;
	}
	if (!has_cache)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	int status = resp.status ? resp.status : 500;
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);

	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (double)(end.tv_sec - rs->start.tv_sec) * 1e3 +
		    (double)(end.tv_nsec - rs->start.tv_nsec) / 1e6;
	fz_metrics_observe(route_index, status, ms);
	if (!opts->quiet) {
		char client[64], at[21];
		client_addr(conn, client, sizeof client);
		fz_iso_utc((int64_t)time(NULL), at);
		printf("%s %s %s %s %d %zu %.1fms %s\n", at, client, method, url, status, resp.len, ms,
		       have_user ? user.username : "-");
	}
	return ret;
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)conn;
	(void)toe;
	struct reqstate *rs = *con_cls;
	if (!rs)
		return;
	fz_arena_cleanup(&rs->arena);
	free(rs->body);
	free(rs->raw_path);
	free(rs);
	*con_cls = NULL;
}

/* ---- background: supervision cards and calendar changes ---------------------- */

static void calendar_signature(struct fz_db *db, char *out, size_t size)
{
	struct fz_stmt *st = fz_db_query(db, NULL,
					 "SELECT COUNT(*), COALESCE(MAX(loaded_at), '') FROM calendar_year",
					 NULL);
	snprintf(out, size, "?");
	if (st && fz_stmt_row(st))
		snprintf(out, size, "%lld/%s", (long long)fz_col_int(st, 0), fz_col_text(st, 1));
	fz_stmt_done(st);
}

static void *background(void *arg)
{
	(void)arg;
	struct fz_db *db = NULL;
	struct fz_err err;
	if (fz_db_open(opts->db_path, 0, &db, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: background: %s\n", err.message);
		return NULL;
	}
	int waited = opts->sweep_seconds; /* sweep once at start */
	while (!stopping) {
		if (waited >= opts->sweep_seconds) {
			waited = 0;
			char sig[96];
			calendar_signature(db, sig, sizeof sig);
			if (strcmp(sig, g_cal_sig) != 0) {
				struct fz_calendar *cal;
				if (fz_calstore_load(db, &cal, &err) == FZ_OK) {
					pthread_rwlock_wrlock(&cal_lock);
					struct fz_calendar *old = g_cal;
					g_cal = cal;
					snprintf(g_cal_sig, sizeof g_cal_sig, "%s", sig);
					pthread_rwlock_unlock(&cal_lock);
					fz_calendar_free(old);
					fprintf(stderr, "fazhi: calendar reloaded (%s)\n", sig);
				}
			}
			struct fz_arena arena;
			fz_arena_init(&arena);
			struct fz_ctx ctx = {.db = db, .arena = &arena};
			fz_ctx_set_time(&ctx);
			int issued = 0;
			pthread_rwlock_rdlock(&cal_lock);
			ctx.cal = g_cal;
			if (fz_supervision_sweep(&ctx, &issued, &err) != FZ_OK)
				fprintf(stderr, "fazhi: supervision sweep: %s\n", err.message);
			pthread_rwlock_unlock(&cal_lock);
			fz_arena_cleanup(&arena);
		}
		fz_db_checkpoint(db);
		sleep(1);
		waited++;
	}
	fz_db_close(db);
	return NULL;
}

/* ---- start and stop ---------------------------------------------------------- */

const struct fz_router *fz_server_router(void)
{
	return &router;
}

static void on_signal(int sig)
{
	(void)sig;
	stopping = 1;
}

int fz_server_run(const struct fz_server_opts *o)
{
	struct timespec t0;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	opts = o;
	if (sodium_init() < 0) {
		fprintf(stderr, "fazhi: libsodium 初始化失败\n");
		return 1;
	}
	struct fz_db *db;
	struct fz_err err;
	if (fz_db_open(o->db_path, 0, &db, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: %s（请先运行 fazhi init --db %s）\n", err.message, o->db_path);
		return 1;
	}
	if (!fz_db_has_table(db, "schema_migration")) {
		fprintf(stderr, "fazhi: %s 不是 fazhi 数据库（请先运行 fazhi init）\n", o->db_path);
		fz_db_close(db);
		return 1;
	}
	int pending = fz_migrations_pending(db);
	if (pending > 0) {
		fprintf(stderr, "fazhi: 数据库结构需要升级（%d 个迁移待执行），请先运行 fazhi init --db %s\n",
			pending, o->db_path);
		fz_db_close(db);
		return 1;
	}
	if (fz_calstore_load(db, &g_cal, &err) != FZ_OK) {
		fprintf(stderr, "fazhi: %s\n", err.message);
		fz_db_close(db);
		return 1;
	}
	calendar_signature(db, g_cal_sig, sizeof g_cal_sig);
	fz_db_close(db);

	if (fz_modules_validate(&err) != FZ_OK) {
		fprintf(stderr, "fazhi: 流程声明有误：%s\n", err.message);
		return 1;
	}
	fz_router_init(&router);
	if (!fz_routes_build(&router)) {
		fprintf(stderr, "fazhi: 路由表已满\n");
		return 1;
	}
	int nstatic = fz_static_load(o->web_dir);
	if (nstatic <= 0)
		fprintf(stderr, "fazhi: 警告：未找到浏览器端页面 %s（请先 make 构建 web/dist）\n",
			o->web_dir);

	struct sockaddr_in addr = {.sin_family = AF_INET, .sin_port = htons((uint16_t)o->port)};
	if (inet_pton(AF_INET, o->bind, &addr.sin_addr) != 1) {
		fprintf(stderr, "fazhi: 监听地址无效：%s\n", o->bind);
		return 2;
	}
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)o->port,
		NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads, MHD_OPTION_NOTIFY_COMPLETED,
		on_completed, NULL, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_CONNECTION_LIMIT, (unsigned)4096, MHD_OPTION_LISTENING_ADDRESS_REUSE,
		(unsigned)1, MHD_OPTION_END);
	if (!d) {
		fprintf(stderr, "fazhi: 无法在 %s:%d 上监听（端口被占用？）\n", o->bind, o->port);
		return 1;
	}
	const union MHD_DaemonInfo *di = MHD_get_daemon_info(d, MHD_DAEMON_INFO_BIND_PORT);
	int port = di ? di->port : o->port;
	signal(SIGINT, on_signal);
	signal(SIGTERM, on_signal);
	signal(SIGPIPE, SIG_IGN);
	pthread_t bg;
	pthread_create(&bg, NULL, background, NULL);
	struct timespec t1;
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("fazhi %s listening on http://%s:%d/ (%d threads, %d static files, started in %.1f ms)\n",
	       FZ_VERSION, o->bind, port, o->threads, nstatic < 0 ? 0 : nstatic,
	       (double)(t1.tv_sec - t0.tv_sec) * 1e3 + (double)(t1.tv_nsec - t0.tv_nsec) / 1e6);
	fflush(stdout);
	if (!o->quiet)
		setvbuf(stdout, NULL, _IOLBF, 0);
	while (!stopping)
		pause();
	MHD_stop_daemon(d);
	pthread_join(bg, NULL);
	pthread_mutex_lock(&dbs_lock);
	for (int i = 0; i < n_dbs; i++)
		fz_db_close(all_dbs[i]);
	n_dbs = 0;
	pthread_mutex_unlock(&dbs_lock);
	fz_static_free();
	fz_calendar_free(g_cal);
	printf("fazhi stopped\n");
	return 0;
}
