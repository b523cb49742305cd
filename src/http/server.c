/*
 * server.c - the libmicrohttpd server (server.h) and the request helpers of
 * handler.h. The only file that includes microhttpd.h.
 *
 * A request passes, in order: the request line's limits (414: path, query
 * text and number of parameters, checked before libmicrohttpd parses the
 * query), header limits (431), route match (404/405/400), body limit (413,
 * answered at once from Content-Length), query text check (400), session (401
 * where login is needed), CSRF on state changes (403), rate limit on public
 * forms (429), the handler. Every response carries the security headers;
 * every request leaves one access-log line and one metrics observation.
 *
 * Slow clients: each connection is watched (struct conn_watch); one that takes
 * longer than opts->header_seconds to send a request's headers, or
 * opts->body_seconds to send its body, is shut down by the watchdog thread.
 * Connections per client address are capped by libmicrohttpd.
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
#include "http/multipart.h"
#include "http/respond.h"
#include "http/metrics.h"
#include "http/ratelimit.h"
#include "http/router.h"
#include "http/routes.h"
#include "http/static.h"
#include "platform/accounts.h"
#include "platform/calendar_store.h"
#include "platform/jobs.h"
#include "platform/jsonx.h"
#include "platform/module.h"
#include "platform/settings.h"
#include "platform/supervision.h"

#define JSON_LIMIT (256 * 1024)
#define UPLOAD_LIMIT (10 * 1024 * 1024 + 64 * 1024)
/*
 * Request-line and header limits. They are checked by this file, so the client
 * gets a JSON answer in Chinese; libmicrohttpd's own limits (its per-connection
 * memory pool, sized below) lie well beyond them.
 */
#define URI_MAX 4096          /* path and query as sent */
#define QUERY_PARAMS_MAX 64   /* parameters in the query */
#define HEADERS_MAX (16 * 1024) /* names and values of all headers */
#define HEADER_COUNT_MAX 64
#define POOL_BYTES (128 * 1024) /* libmicrohttpd's memory per connection */

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

/* The background thread's last checkpoint, for /metrics. */
static struct fz_wal_state g_wal;
static pthread_mutex_t wal_lock = PTHREAD_MUTEX_INITIALIZER;
/* synchronous=FULL for the request connections (setting store.sync_full, read at start). */
static int db_flags;

void fz_server_wal(struct fz_wal_state *out)
{
	pthread_mutex_lock(&wal_lock);
	*out = g_wal;
	pthread_mutex_unlock(&wal_lock);
}

static struct fz_db *thread_db(void)
{
	if (tdb)
		return tdb;
	struct fz_err err;
	if (fz_db_open(opts->db_path, db_flags, &tdb, &err) != FZ_OK) {
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

/*
 * One request. Created by on_uri with the request line, before libmicrohttpd
 * parses the query or unescapes the path, and handed to on_request as its
 * context (libmicrohttpd passes on_uri's answer on); freed by on_completed,
 * which libmicrohttpd calls for every request on_uri saw, answered or not.
 */
struct reqstate {
	struct fz_arena arena;
	bool started;         /* on_request has seen the headers */
	enum fz_code refuse;  /* a limit of the request line or headers: answered without routing */
	const char *refuse_field; /* what broke it: "path", "query", "headers" */
	char *body;
	size_t len, cap, limit;
	bool too_large;
	bool declared_too_large; /* Content-Length said so (else the body was counted) */
	char raw_path[URI_MAX + 1]; /* the path as sent, before libmicrohttpd unescapes it */
	struct timespec start;
};

static double mono_now(void)
{
	struct timespec ts;
	clock_gettime(CLOCK_MONOTONIC, &ts);
	return (double)ts.tv_sec + (double)ts.tv_nsec / 1e9;
}

/* ---- slow clients: the connection watchdog --------------------------------------- */

enum conn_phase { PHASE_HEADERS, PHASE_BODY, PHASE_RESPONSE };

/* One open connection; linked in `watched` under watch_lock from accept to close. */
struct conn_watch {
	struct conn_watch *prev, *next;
	int fd;
	enum conn_phase phase;
	double since; /* when the phase began (monotonic seconds) */
};

static struct conn_watch watched = {&watched, &watched, -1, PHASE_RESPONSE, 0};
static pthread_mutex_t watch_lock = PTHREAD_MUTEX_INITIALIZER;
static long n_watched;
static long n_cut; /* connections shut down for being too slow */

static void on_connection(void *cls, struct MHD_Connection *conn, void **socket_context,
			  enum MHD_ConnectionNotificationCode code)
{
	(void)cls;
	if (code == MHD_CONNECTION_NOTIFY_STARTED) {
		struct conn_watch *w = calloc(1, sizeof *w);
		if (!w)
			return; /* not watched: libmicrohttpd's idle timeout still applies */
		const union MHD_ConnectionInfo *ci =
			MHD_get_connection_info(conn, MHD_CONNECTION_INFO_CONNECTION_FD);
		w->fd = ci ? ci->connect_fd : -1;
		w->phase = PHASE_HEADERS;
		w->since = mono_now();
		pthread_mutex_lock(&watch_lock);
		w->next = watched.next;
		w->prev = &watched;
		watched.next->prev = w;
		watched.next = w;
		n_watched++;
		pthread_mutex_unlock(&watch_lock);
		*socket_context = w;
	} else if (code == MHD_CONNECTION_NOTIFY_CLOSED && *socket_context) {
		/* Called before libmicrohttpd closes the socket: the fd is still ours to shut. */
		struct conn_watch *w = *socket_context;
		pthread_mutex_lock(&watch_lock);
		w->prev->next = w->next;
		w->next->prev = w->prev;
		n_watched--;
		pthread_mutex_unlock(&watch_lock);
		free(w);
		*socket_context = NULL;
	}
}

static void watch_phase(struct MHD_Connection *conn, enum conn_phase phase)
{
	const union MHD_ConnectionInfo *ci =
		MHD_get_connection_info(conn, MHD_CONNECTION_INFO_SOCKET_CONTEXT);
	struct conn_watch *w = ci ? ci->socket_context : NULL;
	if (!w)
		return;
	pthread_mutex_lock(&watch_lock);
	w->phase = phase;
	w->since = mono_now();
	pthread_mutex_unlock(&watch_lock);
}

/*
 * Every half second: a connection still sending a request's headers after
 * header_seconds, or its body after body_seconds, is shut down; libmicrohttpd
 * then sees the socket end and closes the connection as usual. The idle
 * timeout alone does not catch a client that sends a byte every few seconds.
 */
static void *watchdog(void *arg)
{
	(void)arg;
	while (!stopping) {
		double now = mono_now();
		pthread_mutex_lock(&watch_lock);
		for (struct conn_watch *w = watched.next; w != &watched; w = w->next) {
			double limit = w->phase == PHASE_HEADERS ? opts->header_seconds
				       : w->phase == PHASE_BODY  ? opts->body_seconds
								 : 0;
			if (limit > 0 && w->fd >= 0 && now - w->since > limit) {
				shutdown(w->fd, SHUT_RDWR);
				w->fd = -1;
				n_cut++;
			}
		}
		pthread_mutex_unlock(&watch_lock);
		struct timespec ts = {0, 500 * 1000 * 1000};
		nanosleep(&ts, NULL);
	}
	return NULL;
}

/* ---- answers (respond.h) ---------------------------------------------------- */

/* platform/api.h's lookups: header (kind 0) or query argument (kind 1). */
static const char *lookup(void *conn, int kind, const char *key)
{
	return MHD_lookup_connection_value(conn, kind ? MHD_GET_ARGUMENT_KIND : MHD_HEADER_KIND,
					   key);
}

enum fz_code fz_json_body(const char *ct, const char *body, size_t len, json_t **out,
			  struct fz_err *err)
{
	*out = NULL;
	/* application/json exactly, optionally with parameters (; charset=utf-8). */
	size_t tail = ct && strncasecmp(ct, "application/json", 16) == 0 ? 16 : 0;
	while (tail && (ct[tail] == ' ' || ct[tail] == '\t'))
		tail++;
	if (!tail || (ct[tail] && ct[tail] != ';'))
		return fz_err_set(err, FZ_EMEDIA_TYPE, "Content-Type",
				  "请求内容类型应为 application/json");
	if (!fz_utf8_valid(body, len))
		return fz_err_set(err, FZ_EBAD_UTF8, NULL, NULL);
	json_error_t je;
	json_t *j = json_loadb(body, len, JSON_REJECT_DUPLICATES, &je);
	if (!j) {
		/* jansson quotes the input near the fault, which may end inside a character. */
		size_t n = strlen(je.text);
		while (n > 0 && !fz_utf8_valid(je.text, n))
			n--;
		return fz_err_set(err, FZ_EBAD_JSON, NULL, "请求内容不是有效的 JSON（第 %d 行第 %d 列：%.*s）",
				  je.line, je.column, (int)n, je.text);
	}
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

void fz_resp_error(struct fz_resp *resp, const struct fz_err *err, json_t *extra)
{
	const char *msg = err->message[0] && fz_utf8_valid(err->message, strlen(err->message))
				  ? err->message
				  : fz_code_message(err->code);
	const char *field = err->field[0] && fz_utf8_valid(err->field, strlen(err->field))
				    ? err->field
				    : NULL;
	json_t *e = json_pack("{s:s, s:s, s:s?}", "code", fz_code_name(err->code), "message", msg,
			      "field", field);
	if (!json_is_object(extra)) {
		json_decref(extra);
		extra = json_object();
	}
	json_object_set_new(extra, "error", e);
	fz_resp_json(resp, fz_code_status(err->code), extra);
}

void fz_resp_text(struct fz_resp *resp, int status, const char *type, const char *text)
{
	resp->status = status;
	resp->content_type = type;
	resp->body = (char *)text;
	resp->len = strlen(text);
	resp->free_body = false;
}

/* A download named filename (UTF-8, sent per RFC 6266/5987 with an ASCII fallback). */
static void resp_file(struct fz_arena *arena, struct fz_resp *resp, const char *type, char *data,
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
		       fz_arena_printf(arena, "attachment; filename=\"download%s\"; filename*=UTF-8''%s",
				       dot && strlen(dot) < 8 ? dot : "", enc));
	fz_resp_header(resp, "Cache-Control", "private, no-store");
}

void fz_resp_header(struct fz_resp *resp, const char *name, const char *value)
{
	if (resp->nheaders < (int)(sizeof resp->headers / sizeof resp->headers[0])) {
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
	fz_resp_error(resp, &err, NULL);
}

struct query_check {
	bool bad;
	char key[64];
};

/*
 * Each query parameter as libmicrohttpd decoded it, with its length: a %00
 * inside a value shows as a length longer than the C string, and is refused
 * like any other control character.
 */
static enum MHD_Result check_arg(void *cls, enum MHD_ValueKind kind, const char *key,
				 size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	struct query_check *q = cls;
	bool key_ok = key && strlen(key) == key_size && fz_utf8_valid(key, key_size) &&
		      !fz_text_has_controls(key, false);
	bool value_ok = !value || (strlen(value) == value_size && fz_utf8_valid(value, value_size) &&
				   !fz_text_has_controls(value, false));
	if (!key_ok || !value_ok) {
		q->bad = true;
		snprintf(q->key, sizeof q->key, "%s", key_ok ? key : "?");
		return MHD_NO;
	}
	return MHD_YES;
}

struct header_sum {
	size_t bytes;
	int count;
};

static enum MHD_Result add_header(void *cls, enum MHD_ValueKind kind, const char *key,
				  size_t key_size, const char *value, size_t value_size)
{
	(void)kind;
	(void)key;
	(void)value;
	struct header_sum *h = cls;
	h->bytes += key_size + value_size;
	h->count++;
	return MHD_YES;
}

/* The client as the rules see it: for logs, rate limits, login throttling, /metrics. */
struct peer {
	char addr[64];  /* the socket's peer, or the client a trusted proxy named */
	bool loopback;  /* this machine, not forwarded by a proxy */
	bool tls;       /* a trusted proxy says the client came over HTTPS */
};

static bool addr_valid(const char *s)
{
	unsigned char buf[sizeof(struct in6_addr)];
	return inet_pton(AF_INET, s, buf) == 1 || inet_pton(AF_INET6, s, buf) == 1;
}

static void peer_of(struct MHD_Connection *c, struct peer *p)
{
	memset(p, 0, sizeof *p);
	snprintf(p->addr, sizeof p->addr, "?");
	const union MHD_ConnectionInfo *ci = MHD_get_connection_info(c, MHD_CONNECTION_INFO_CLIENT_ADDRESS);
	if (ci && ci->client_addr) {
		if (ci->client_addr->sa_family == AF_INET) {
			const struct in_addr *a = &((const struct sockaddr_in *)ci->client_addr)->sin_addr;
			inet_ntop(AF_INET, a, p->addr, sizeof p->addr);
			p->loopback = (ntohl(a->s_addr) >> 24) == 127;
		} else if (ci->client_addr->sa_family == AF_INET6) {
			const struct in6_addr *a = &((const struct sockaddr_in6 *)ci->client_addr)->sin6_addr;
			inet_ntop(AF_INET6, a, p->addr, sizeof p->addr);
			p->loopback = IN6_IS_ADDR_LOOPBACK(a) ||
				      (IN6_IS_ADDR_V4MAPPED(a) && a->s6_addr[12] == 127);
		}
	}
	if (!opts->trusted_proxy || strcmp(p->addr, opts->trusted_proxy) != 0)
		return;
	/*
	 * From the trusted proxy: the client is the last address of
	 * X-Forwarded-For (the one the proxy itself appended; earlier entries
	 * are whatever the client claimed), the scheme is X-Forwarded-Proto.
	 */
	const char *xff = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-For");
	if (xff) {
		const char *last = strrchr(xff, ',');
		last = last ? last + 1 : xff;
		while (*last == ' ' || *last == '\t')
			last++;
		char a[64];
		size_t n = strcspn(last, " \t");
		if (n > 0 && n < sizeof a) {
			memcpy(a, last, n);
			a[n] = '\0';
			if (addr_valid(a)) {
				snprintf(p->addr, sizeof p->addr, "%s", a);
				p->loopback = false;
			}
		}
	}
	const char *proto = MHD_lookup_connection_value(c, MHD_HEADER_KIND, "X-Forwarded-Proto");
	p->tls = proto && strcasecmp(proto, "https") == 0;
}

static bool is_api(const char *url)
{
	return strncmp(url, "/api/", 5) == 0 || strcmp(url, "/api") == 0 ||
	       strcmp(url, "/healthz") == 0 || strcmp(url, "/metrics") == 0;
}

/* Operations routes (FZ_R_LOCAL): from this machine, or with the operations token. */
static bool local_allowed(struct MHD_Connection *conn, const struct peer *p)
{
	if (p->loopback)
		return true;
	if (!opts->metrics_token || !*opts->metrics_token)
		return false;
	const char *auth = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Authorization");
	return auth && strncmp(auth, "Bearer ", 7) == 0 &&
	       strlen(auth + 7) == strlen(opts->metrics_token) &&
	       fz_str_ct_equal(auth + 7, opts->metrics_token);
}

/* "只有…可以使用此功能" from a route's roles, for the 403 a user sees. */
static const char *roles_message(struct fz_arena *a, const struct fz_user *user, unsigned roles)
{
	char names[512] = "";
	size_t k = 0;
	for (int i = 0; i < FZ_ROLE_COUNT; i++) {
		enum fz_role r = (enum fz_role)(1u << i);
		if ((roles & r) && r != FZ_ROLE_PUBLIC)
			k += (size_t)snprintf(names + k, k < sizeof names ? sizeof names - k : 0, "%s%s",
					      k ? "、" : "", fz_role_label(r));
	}
	return fz_arena_printf(a, "您的角色（%s）无权使用此功能；可以使用的角色：%s",
			       user ? fz_role_label(user->role) : "公众", names);
}

/* FZ_R_UPLOAD: the part named "file" of a multipart body, or the raw body as the file. */
static enum fz_code take_upload(struct fz_req *req, struct fz_err *err)
{
	req->upload_data = req->raw;
	req->upload_len = req->raw_len;
	req->upload_name = NULL;
	if (!req->content_type || strncasecmp(req->content_type, "multipart/form-data", 19) != 0)
		return FZ_OK;
	struct fz_part part;
	if (!fz_multipart_find(req->content_type, req->raw, req->raw_len, "file", &part))
		return fz_err_set(err, FZ_EBAD_REQUEST, "file", "没有找到名为 file 的上传文件");
	req->upload_name = fz_arena_strdup(req->ctx->arena, part.filename);
	req->upload_data = part.data;
	req->upload_len = part.len;
	return FZ_OK;
}

static size_t count_inputs(const struct fz_input *in)
{
	size_t n = 0;
	while (in[n].name)
		n++;
	return n;
}

/*
 * Everything a route row declares, checked in one place: the named record in
 * the caller's agency scope (a staff route answers another agency's record as
 * missing), the upload, the JSON body against its fields. Then the handler,
 * and its code and value become the answer.
 */
static void call_route(const struct fz_route *route, struct fz_req *req, struct fz_resp *resp,
		       struct fz_err *err)
{
	struct fz_ctx *ctx = req->ctx;
	enum fz_code rc = FZ_OK;
	json_t *out = NULL;
	int64_t id;
	if (route->record && !(route->roles & FZ_ROLE_PUBLIC) && !fz_ctx_sees_all(ctx))
		rc = fz_req_id(req, 0, &id) ? fz_record_check(ctx, route->record, id, err)
					    : fz_err_set(err, FZ_ENOT_FOUND, "id", "记录不存在");
	if (!rc && (route->flags & FZ_R_UPLOAD))
		rc = take_upload(req, err);
	if (!rc && (route->body || (route->flags & FZ_R_JSON)))
		rc = fz_json_body(req->content_type, req->raw, req->raw_len, &req->body, err);
	if (!rc && route->body)
		rc = fz_json_check_inputs(ctx, route->body, count_inputs(route->body), req->body, NULL,
					  err);
	if (!rc)
		rc = route->fn(req, &out, err);
	json_decref(req->body);
	req->body = NULL;
	if (rc) {
		free(req->file_data);
		fz_resp_error(resp, err, out);
	} else if (req->file_type && req->file_name) {
		resp_file(ctx->arena, resp, req->file_type, req->file_data, req->file_len,
			  req->file_name);
		json_decref(out);
	} else if (req->file_type) {
		resp->status = req->status ? req->status : 200;
		resp->content_type = req->file_type;
		resp->body = req->file_data;
		resp->len = req->file_len;
		resp->free_body = true;
		json_decref(out);
	} else {
		fz_resp_json(resp, req->status ? req->status : route->status ? route->status : 200, out);
	}
	for (int i = 0; i < req->nheaders; i++)
		fz_resp_header(resp, req->headers[i][0], req->headers[i][1]);
}

static void dispatch(struct MHD_Connection *conn, const char *url, const char *method,
		     struct reqstate *rs, const struct peer *peer, struct fz_resp *resp,
		     size_t *route_index, struct fz_user *user, bool *have_user)
{
	*route_index = FZ_METRICS_OTHER;
	if (rs->refuse) {
		error_resp(resp, rs->refuse, rs->refuse_field, NULL);
		return;
	}
	/*
	 * libmicrohttpd hands over the path already unescaped; the router decodes
	 * each parameter itself, so it matches the path as sent (kept by on_uri
	 * with this request): /api/cases%2F1 is no route and /api/cases/%2531 is
	 * case "%31", not case 1.
	 */
	const char *path = rs->raw_path;
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
		/* Precompressed at build time (web/vite.config.js): br, else gzip, when accepted. */
		const char *coding = NULL;
		const struct fz_static_file *v = fz_static_pick(
			f, MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Accept-Encoding"), &coding);
		resp->status = 200;
		resp->content_type = f->type;
		resp->body = (char *)v->data;
		resp->len = v->len;
		if (coding)
			fz_resp_header(resp, "Content-Encoding", coding);
		if (f->br || f->gz)
			fz_resp_header(resp, "Vary", "Accept-Encoding");
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
	if ((route->flags & FZ_R_LOCAL) && !local_allowed(conn, peer)) {
		error_resp(resp, FZ_EFORBIDDEN, NULL, "该接口仅限本机访问，或须携带运维令牌（Authorization: Bearer）");
		return;
	}
	if (rs->too_large) {
		error_resp(resp, FZ_ETOO_LARGE, rs->declared_too_large ? "Content-Length" : "body",
			   (route->flags & FZ_R_UPLOAD) ? "上传内容超过 10 MB 上限" : "请求内容超过 256 KB 上限");
		return;
	}
	struct query_check qc = {false, ""};
	MHD_get_connection_values_n(conn, MHD_GET_ARGUMENT_KIND, check_arg, &qc);
	if (qc.bad) {
		error_resp(resp, FZ_EBAD_UTF8, qc.key, "查询参数不是有效的 UTF-8 文本或含控制字符");
		return;
	}
	struct fz_db *db = thread_db();
	if (!db) {
		error_resp(resp, FZ_EDB, NULL, "数据库不可用");
		return;
	}
	struct fz_ctx ctx = {.db = db, .arena = &rs->arena, .client = fz_arena_strdup(&rs->arena, peer->addr)};
	fz_ctx_set_time(&ctx);
	struct fz_req req = {.method = method, .path = url, .raw = rs->body ? rs->body : "",
			     .raw_len = rs->len, .ctx = &ctx, .conn = conn, .lookup = lookup,
			     .nparams = np, .secure = peer->tls};
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
	bool public = route->roles & FZ_ROLE_PUBLIC;
	bool changes = strcmp(method, "GET") != 0 && strcmp(method, "HEAD") != 0;
	if (!public && !ctx.user) {
		error_resp(resp, FZ_EUNAUTHENTICATED, NULL,
			   req.session_token ? "登录已过期，请重新登录" : "请先登录");
		return;
	}
	if (changes && ctx.user && !public && !(route->flags & FZ_R_NOCSRF)) {
		const char *sent = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "X-CSRF-Token");
		if (!sent || !fz_str_ct_equal(sent, csrf)) {
			error_resp(resp, FZ_ECSRF, "X-CSRF-Token", NULL);
			return;
		}
	}
	if (!(route->roles & fz_ctx_role(&ctx))) {
		error_resp(resp, FZ_EFORBIDDEN, NULL, roles_message(&rs->arena, ctx.user, route->roles));
		return;
	}
	if ((route->flags & FZ_R_RATELIMIT)) {
		if (!fz_ratelimit_allow(peer->addr, mono_now())) {
			error_resp(resp, FZ_ETHROTTLED, NULL, "提交过于频繁，请稍后再试");
			fz_resp_header(resp, "Retry-After", "60");
			return;
		}
	}
	pthread_rwlock_rdlock(&cal_lock);
	ctx.cal = g_cal;
	call_route(route, &req, resp, &err);
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
 * Called with the request line's URI as sent, before libmicrohttpd parses the
 * query or unescapes the path. Creates the request's state, which
 * libmicrohttpd hands to on_request as *con_cls and to on_completed at the
 * end, whether or not the request got as far as on_request: so the raw path
 * belongs to this request alone, whatever other connections do.
 */
static void *on_uri(void *cls, const char *uri, struct MHD_Connection *conn)
{
	(void)cls;
	(void)conn;
	struct reqstate *rs = calloc(1, sizeof *rs);
	if (!rs)
		return NULL; /* on_request refuses the request */
	size_t len = strlen(uri), plen = strcspn(uri, "?#");
	const char *query = uri[plen] == '?' ? uri + plen + 1 : NULL;
	if (len > URI_MAX) {
		rs->refuse = FZ_EURI_TOO_LONG;
		rs->refuse_field = plen > URI_MAX ? "path" : "query";
	} else {
		memcpy(rs->raw_path, uri, plen);
		rs->raw_path[plen] = '\0';
		int n = query && *query ? 1 : 0;
		for (const char *q = query; q && *q && *q != '#'; q++)
			n += *q == '&';
		if (n > QUERY_PARAMS_MAX) {
			rs->refuse = FZ_EURI_TOO_LONG;
			rs->refuse_field = "query";
		}
	}
	if (rs->refuse && query) {
		/*
		 * libmicrohttpd parses the query right after this call into the
		 * connection's memory pool; thousands of parameters exhaust the pool
		 * and leave the request hanging with no answer. The request is refused
		 * anyway, so its query is emptied first. The text is the connection's
		 * read buffer, which libmicrohttpd lends to this callback before it
		 * splits the query off (0.9.75, connection.c parse_initial_message_line).
		 */
		*(char *)query = '\0';
	}
	return rs;
}

/* A header limit this request breaks, or FZ_OK. */
static enum fz_code check_headers(struct MHD_Connection *conn)
{
	struct header_sum h = {0, 0};
	MHD_get_connection_values_n(conn, MHD_HEADER_KIND, add_header, &h);
	return h.bytes > HEADERS_MAX || h.count > HEADER_COUNT_MAX ? FZ_EHEADERS_TOO_LARGE : FZ_OK;
}

static enum MHD_Result send_response(struct MHD_Connection *conn, struct reqstate *rs,
				     const char *method, const char *url, const struct peer *peer,
				     struct fz_resp *resp, size_t route_index, const char *username)
{
	struct MHD_Response *r;
	if (resp->free_body)
		r = MHD_create_response_from_buffer(resp->len, resp->body, MHD_RESPMEM_MUST_FREE);
	else
		r = MHD_create_response_from_buffer(resp->len, resp->body, MHD_RESPMEM_PERSISTENT);
	if (!r)
		return MHD_NO;
	if (resp->content_type)
		MHD_add_response_header(r, "Content-Type", resp->content_type);
	MHD_add_response_header(r, "Content-Security-Policy", csp);
	MHD_add_response_header(r, "X-Content-Type-Options", "nosniff");
	MHD_add_response_header(r, "X-Frame-Options", "DENY");
	MHD_add_response_header(r, "Referrer-Policy", "same-origin");
	bool has_cache = false;
	for (int i = 0; i < resp->nheaders; i++) {
		MHD_add_response_header(r, resp->headers[i][0], resp->headers[i][1]);
		has_cache |= strcasecmp(resp->headers[i][0], "Cache-Control") == 0;
	}
	if (!has_cache)
		MHD_add_response_header(r, "Cache-Control", "no-store");
	int status = resp->status ? resp->status : 500;
	watch_phase(conn, PHASE_RESPONSE);
	enum MHD_Result ret = MHD_queue_response(conn, (unsigned)status, r);
	MHD_destroy_response(r);

	struct timespec end;
	clock_gettime(CLOCK_MONOTONIC, &end);
	double ms = (double)(end.tv_sec - rs->start.tv_sec) * 1e3 +
		    (double)(end.tv_nsec - rs->start.tv_nsec) / 1e6;
	fz_metrics_observe(route_index, status, ms);
	if (!opts->quiet) {
		char at[21];
		fz_iso_utc((int64_t)time(NULL), at);
		printf("%s %s %s %.200s %d %zu %.1fms %s\n", at, peer->addr, method, url, status,
		       resp->len, ms, username ? username : "-");
	}
	return ret;
}

static enum MHD_Result on_request(void *cls, struct MHD_Connection *conn, const char *url,
				  const char *method, const char *version, const char *upload,
				  size_t *upload_size, void **con_cls)
{
	(void)cls;
	(void)version;
	struct reqstate *rs = *con_cls;
	if (!rs)
		return MHD_NO; /* on_uri had no memory for it: close the connection */
	struct peer peer;
	if (!rs->started) {
		rs->started = true;
		fz_arena_init(&rs->arena);
		clock_gettime(CLOCK_MONOTONIC, &rs->start);
		watch_phase(conn, PHASE_BODY);
		if (!rs->refuse && (rs->refuse = check_headers(conn)))
			rs->refuse_field = "headers";
		rs->limit = JSON_LIMIT;
		/* Routes flagged FZ_R_UPLOAD get the larger limit; everything else the JSON one. */
		if (!rs->refuse && strcmp(method, "POST") == 0 && upload_route(rs->raw_path))
			rs->limit = UPLOAD_LIMIT;
		const char *cl = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Content-Length");
		const char *expect = MHD_lookup_connection_value(conn, MHD_HEADER_KIND, "Expect");
		int64_t n;
		bool early = false;
		if (cl && fz_parse_int(cl, 0, INT64_MAX, &n) && (uint64_t)n > rs->limit) {
			rs->too_large = rs->declared_too_large = true;
			/*
			 * A body somewhat over the limit is read and dropped, then
			 * refused: a client that sends its body without waiting reads
			 * the answer only if the server reads the body first. A client
			 * waiting on "Expect: 100-continue", or announcing more than
			 * four times the limit, is refused at once.
			 */
			early = (uint64_t)n > 4 * (uint64_t)rs->limit ||
				(expect && strcasecmp(expect, "100-continue") == 0);
		}
		if (!rs->refuse && !early)
			return MHD_YES; /* the body, if any, comes in the next calls */
		/*
		 * Refused before the body is read: answered now, so a client announcing
		 * gigabytes is told at once; libmicrohttpd then closes the connection
		 * instead of reading the body.
		 */
		struct fz_resp resp = {0};
		if (rs->refuse)
			error_resp(&resp, rs->refuse, rs->refuse_field, NULL);
		else
			error_resp(&resp, FZ_ETOO_LARGE, "Content-Length",
				   rs->limit == UPLOAD_LIMIT ? "上传内容超过 10 MB 上限"
							     : "请求内容超过 256 KB 上限");
		peer_of(conn, &peer);
		return send_response(conn, rs, method, url, &peer, &resp, FZ_METRICS_OTHER, NULL);
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
	peer_of(conn, &peer);
	dispatch(conn, url, method, rs, &peer, &resp, &route_index, &user, &have_user);
	return send_response(conn, rs, method, url, &peer, &resp, route_index,
			     have_user ? user.username : NULL);
}

static void on_completed(void *cls, struct MHD_Connection *conn, void **con_cls,
			 enum MHD_RequestTerminationCode toe)
{
	(void)cls;
	(void)toe;
	/* The next request on this connection starts its header clock now. */
	watch_phase(conn, PHASE_HEADERS);
	struct reqstate *rs = *con_cls;
	if (!rs)
		return;
	fz_arena_cleanup(&rs->arena);
	free(rs->body);
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
	if (fz_db_open(opts->db_path, db_flags, &db, &err) != FZ_OK) {
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
			/* The periodic jobs that are due (supervision cards and modules' jobs). */
			pthread_rwlock_rdlock(&cal_lock);
			ctx.cal = g_cal;
			fz_jobs_run_due(&ctx);
			pthread_rwlock_unlock(&cal_lock);
			fz_arena_cleanup(&arena);
		}
		int64_t limit = fz_setting_int(db, "store.wal_limit_mb", 1024) * 1024 * 1024;
		struct fz_wal_state w;
		fz_db_checkpoint(db, limit, &w);
		pthread_mutex_lock(&wal_lock);
		if (w.writes_held && !g_wal.writes_held)
			fprintf(stderr,
				"fazhi: 警告：WAL 日志 %lld MB 超过上限，有长时间的读取占用数据库；"
				"读取结束前暂停写入（设置 store.wal_limit_mb）\n",
				(long long)(w.bytes >> 20));
		else if (!w.writes_held && g_wal.writes_held)
			fprintf(stderr, "fazhi: WAL 日志已整理，恢复写入\n");
		g_wal = w;
		pthread_mutex_unlock(&wal_lock);
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
	int pending = fz_platform_migrations_pending(db);
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
	db_flags = fz_setting_int(db, "store.sync_full", 0) ? FZ_DB_SYNC_FULL : 0;
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
	struct fz_err rerr;
	if (fz_routes_validate(&router, &rerr)) {
		fprintf(stderr, "fazhi: %s\n", rerr.message);
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
	/*
	 * Connections per client address are capped here, at accept. Behind a
	 * trusted proxy every connection comes from the proxy, so the cap is the
	 * proxy's to apply (see docs/security.md).
	 */
	unsigned per_ip = o->trusted_proxy ? 0 : (unsigned)o->per_ip;
	struct MHD_Daemon *d = MHD_start_daemon(
		MHD_USE_INTERNAL_POLLING_THREAD | MHD_USE_EPOLL | MHD_USE_ERROR_LOG, (uint16_t)o->port,
		NULL, NULL, on_request, NULL, MHD_OPTION_SOCK_ADDR, (struct sockaddr *)&addr,
		MHD_OPTION_THREAD_POOL_SIZE, (unsigned)o->threads, MHD_OPTION_NOTIFY_COMPLETED,
		on_completed, NULL, MHD_OPTION_URI_LOG_CALLBACK, on_uri, NULL,
		MHD_OPTION_NOTIFY_CONNECTION, on_connection, NULL,
		MHD_OPTION_CONNECTION_MEMORY_LIMIT, (size_t)POOL_BYTES,
		MHD_OPTION_CONNECTION_TIMEOUT, (unsigned)30,
		MHD_OPTION_PER_IP_CONNECTION_LIMIT, per_ip,
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
	pthread_t bg, wd;
	pthread_create(&bg, NULL, background, NULL);
	pthread_create(&wd, NULL, watchdog, NULL);
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
	pthread_join(wd, NULL); /* before the daemon goes: it shuts sockets the daemon owns */
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
