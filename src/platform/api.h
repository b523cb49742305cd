/*
 * api.h - a module's API declared as rows: method, path, who may call it, the
 * record its path names, the JSON body it takes, and the handler that answers.
 *
 * A handler gets a request that has already passed every generic check (the
 * route's roles, login, CSRF, the rate limit, the body parsed and checked
 * against the declared fields, the named record inside the caller's agency
 * scope) and returns a code and a JSON value. The server is the single place
 * that turns a code into an error answer (Chinese message naming the field),
 * and /api/openapi.json and /api/meta are generated from the same rows, so
 * what a route allows is written once.
 *
 * Nothing here is HTTP: no libmicrohttpd type, no status-line handling. The
 * server (http/server.c) fills struct fz_req and reads back the handler's
 * extras (a status other than the route's, a file, extra headers).
 *
 * Not for: matching paths (http/router.h) or anything a handler should say in
 * its JSON value.
 */
#ifndef FZ_PLATFORM_API_H
#define FZ_PLATFORM_API_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/workflow.h"
#include "platform/ctx.h"

#define FZ_MAX_PARAMS 4
#define FZ_MAX_RESP_HEADERS 8

/* Every role an account can have: "any signed-in user". */
#define FZ_ROLES_SIGNED_IN (FZ_ROLES_ALL_AGENCIES | FZ_ROLES_AGENCY)
/* Everyone, signed in or not: a public route. */
#define FZ_ROLES_ANYONE (FZ_ROLES_SIGNED_IN | FZ_ROLE_PUBLIC)

struct fz_req {
	const char *method;
	const char *path;
	const char *params[FZ_MAX_PARAMS]; /* path parameters in pattern order, decoded */
	int nparams;
	struct fz_ctx *ctx;
	/*
	 * The JSON body (an object) when the route declares body fields or
	 * FZ_R_JSON, already checked against the declared fields; NULL otherwise.
	 * Borrowed: the server frees it after the handler.
	 */
	json_t *body;
	const char *raw; /* the body as sent (uploads), NUL-terminated copy; "" when none */
	size_t raw_len;
	const char *content_type; /* may be NULL */
	/*
	 * FZ_R_UPLOAD: the multipart part named "file" (upload_name its file name,
	 * possibly ""), or the whole body as sent when it is not multipart
	 * (upload_name NULL).
	 */
	const char *upload_name;
	const char *upload_data;
	size_t upload_len;
	const char *session_token; /* cookie value, NULL when none */
	bool secure;               /* came over HTTPS (said by the trusted proxy) */
	/* How the server answers header (kind 0) and query (kind 1) lookups. */
	const char *(*lookup)(void *conn, int kind, const char *key);
	void *conn;

	/* What the handler may add to its answer (set through the calls below). */
	int status; /* 0: the route's declared status */
	const char *file_type; /* non-NULL: the answer is file_data, not the JSON value */
	char *file_data;       /* malloc'd, taken by the server */
	size_t file_len;
	const char *file_name; /* NULL: shown inline (text); else a download of that name */
	int nheaders;
	const char *headers[FZ_MAX_RESP_HEADERS][2];
};

/*
 * A route's handler. Returns FZ_OK with *out (owned by the server; NULL for an
 * empty answer), or an error code with err set. An error with *out also set
 * answers both: the value with the error added under "error" (a row-by-row
 * import report beside its refusal).
 */
typedef enum fz_code (*fz_handler)(struct fz_req *req, json_t **out, struct fz_err *err);

enum fz_route_flags {
	FZ_R_UPLOAD = 2,    /* multipart body, the upload size limit */
	FZ_R_RATELIMIT = 4, /* public form: limited per client */
	FZ_R_NOCSRF = 8,    /* state change that needs no CSRF token (login) */
	FZ_R_LOCAL = 16,    /* operations: from this machine, or with the operations token */
	/* A JSON object body whose fields depend on the record (a case action's
	 * inputs): parsed by the server, checked by the handler. */
	FZ_R_JSON = 32,
};

struct fz_route {
	const char *method;
	const char *pattern; /* "/api/cases/{id}/actions/{action}" */
	fz_handler fn;
	/*
	 * enum fz_role bits that may call it: FZ_ROLES_ANYONE for a public route
	 * (no login), FZ_ROLES_SIGNED_IN for any account. Others get 403 naming
	 * the roles that may (the public 401: sign in first).
	 */
	unsigned roles;
	unsigned flags;
	const char *summary; /* Chinese, for the OpenAPI document */
	const char *tag;
	/*
	 * The kind of record the first path parameter names (a record kind a
	 * module or the core declares: "case", "attachment", "enf_body", ...;
	 * "case:<type>" when only cases of that procedure are served), NULL when
	 * the path names no record. For a staff route the server answers a record
	 * outside the caller's agency scope exactly like a missing one (404)
	 * before the handler runs. Published as x-fazhi-record in OpenAPI, from
	 * which tests/api/scope_matrix.test.mjs asks every such route with
	 * another agency's records.
	 */
	const char *record;
	/* The JSON body's fields (name NULL ends), checked before the handler; NULL: no JSON body. */
	const struct fz_input *body;
	int status; /* success status when the handler sets none; 0 = 200 */
};

/*
 * A kind of record a path can name, and how to find the agency it belongs
 * to: sql takes the id as its one parameter and returns one row (agency_id,
 * and optionally a second column compared with the part after ':' in a
 * route's record, such as the case type), or no row when there is no such
 * record. A NULL agency_id means a county-level record every user may see.
 */
struct fz_record_kind {
	const char *name; /* NULL ends */
	const char *sql;
	/*
	 * A case or a part of one: sql's second and third columns are the case's
	 * type and id, and the agencies the case is shared with (the case kind's
	 * `shares`, platform/module.h) pass the check too.
	 */
	bool of_case;
};

/* Header of the request (case-insensitive), or NULL. */
const char *fz_req_header(struct fz_req *req, const char *name);
/* Decoded query argument, or NULL when absent or empty. */
const char *fz_req_query(struct fz_req *req, const char *key);
/* Path parameter i as a positive id; false when it is not one. */
bool fz_req_id(struct fz_req *req, int i, int64_t *out);
/* Path parameter 0 as a positive id, or FZ_ENOT_FOUND naming "id" with message missing. */
enum fz_code fz_req_path_id(struct fz_req *req, int64_t *out, const char *missing,
			    struct fz_err *err);

/* Answers with a status other than the route's (a created record: 201). */
void fz_req_status(struct fz_req *req, int status);
/*
 * Answers with a file download instead of JSON: takes data (malloc'd) and
 * names it filename (UTF-8; the server sends it per RFC 6266/5987).
 */
void fz_req_file(struct fz_req *req, const char *type, char *data, size_t len,
		 const char *filename);
/* Answers with plain text (static or arena) and status. */
void fz_req_text(struct fz_req *req, int status, const char *type, const char *text);
/* Adds a header to the answer; name and value must outlive it (arena or static). */
void fz_req_add_header(struct fz_req *req, const char *name, const char *value);

/* The record kind a route's record names ("case:disclosure" finds "case"), or NULL. */
const struct fz_record_kind *fz_record_kind_find(const char *record);
/*
 * Is record id of the kind route->record names inside the caller's agency
 * scope (and of the named type after ':')? FZ_ENOT_FOUND, like a missing
 * record, when it is not; FZ_EINTERNAL for an undeclared kind.
 */
enum fz_code fz_record_check(struct fz_ctx *ctx, const char *record, int64_t id,
			     struct fz_err *err);

/*
 * The public tracker (GET /api/public/track-code/{code}): which procedure a
 * tracking code belongs to, so the portal's one tracking box opens that
 * procedure's page. *out is {"type": "<case type>"} (owned by the caller) and
 * says nothing else about the record; a code of the wrong form answers the
 * same FZ_ENOT_FOUND, field "code", message as a well-formed unknown one.
 */
enum fz_code fz_track_resolve(struct fz_ctx *ctx, const char *code, json_t **out,
			      struct fz_err *err);

/* The role names (["legal_staff", ...]) of a route's roles, in role order. */
json_t *fz_roles_json(unsigned roles);

#endif
