/*
 * handler.h - what a route handler sees: the request, the response, the route row.
 *
 * Plain data and a few helpers, with no libmicrohttpd types, so modules can
 * declare their routes and handlers without knowing the server underneath
 * (server.c is the only file that includes microhttpd.h). Handlers allocate
 * from req->ctx->arena and free nothing by hand.
 */
#ifndef FZ_HTTP_HANDLER_H
#define FZ_HTTP_HANDLER_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "platform/ctx.h"

#define FZ_MAX_PARAMS 4
#define FZ_MAX_RESP_HEADERS 8

struct fz_req {
	const char *method;
	const char *path;
	const char *body; /* NUL-terminated copy of the body (may contain NULs in uploads) */
	size_t body_len;
	const char *content_type; /* may be NULL */
	const char *params[FZ_MAX_PARAMS]; /* path parameters in pattern order, decoded */
	int nparams;
	struct fz_ctx *ctx;
	const char *session_token; /* cookie value, NULL when none */
	bool secure;               /* came over HTTPS (said by the trusted proxy) */
	void *conn; /* opaque, for header and query lookups */
};

struct fz_resp {
	int status;
	const char *content_type;
	char *body;       /* malloc'd when free_body, else arena or static */
	size_t len;
	bool free_body;
	int nheaders;
	const char *headers[FZ_MAX_RESP_HEADERS][2];
};

typedef void (*fz_handler)(struct fz_req *req, struct fz_resp *resp);

enum fz_route_flags {
	FZ_R_PUBLIC = 1,    /* no login needed */
	FZ_R_UPLOAD = 2,    /* multipart body, the upload size limit */
	FZ_R_RATELIMIT = 4, /* public form: limited per client */
	FZ_R_NOCSRF = 8,    /* state change that needs no CSRF token (login) */
	FZ_R_LOCAL = 16,    /* operations: from this machine, or with the operations token */
};

struct fz_route {
	const char *method;
	const char *pattern; /* "/api/cases/{id}/actions/{action}" */
	fz_handler fn;
	unsigned flags;
	const char *summary; /* Chinese, for the OpenAPI document */
	const char *tag;
	/*
	 * The kind of record the first path parameter names ("case", "attachment",
	 * "disclosure_item", "enf_body", "enf_power", "enf_officer"; "case:<type>"
	 * when only cases of that procedure are served), NULL when the path names
	 * no record. Published as x-fazhi-record in the OpenAPI document, from which
	 * tests/api/scope_matrix.test.mjs asks every such route with another
	 * agency's records: staff routes must answer them exactly like missing ones.
	 */
	const char *record;
};

/* Header of the request (case-insensitive), or NULL. Owned by the server until the response. */
const char *fz_req_header(struct fz_req *req, const char *name);
/* Decoded query argument, or NULL. */
const char *fz_req_query(struct fz_req *req, const char *key);
/* Path parameter i as a positive id; false when it is not one. */
bool fz_req_id(struct fz_req *req, int i, int64_t *out);

/*
 * Parses the body as a JSON object. 415 unless Content-Type is
 * application/json, 400 on malformed JSON or invalid UTF-8 (with the position),
 * 422 when it is not an object. The caller owns the result (json_decref).
 */
enum fz_code fz_req_json(struct fz_req *req, json_t **out, struct fz_err *err);

/* Takes ownership of j (may be NULL: 204-style empty body). */
void fz_resp_json(struct fz_resp *resp, int status, json_t *j);
void fz_resp_error(struct fz_resp *resp, const struct fz_err *err);
void fz_resp_text(struct fz_resp *resp, int status, const char *type, const char *text);
/*
 * A file download: takes ownership of data (malloc'd) and names it filename
 * (UTF-8, sent per RFC 6266/5987 with an ASCII fallback).
 */
void fz_resp_file(struct fz_req *req, struct fz_resp *resp, const char *type, char *data,
		  size_t len, const char *filename);
/* Adds a header; name and value must outlive the response (arena or static). */
void fz_resp_header(struct fz_resp *resp, const char *name, const char *value);

#endif
