/*
 * respond.h - the server's answer under construction, and the one error path.
 *
 * Internal to http/: handlers never see it (they return a code and a JSON
 * value, platform/api.h); server.c builds every answer through these, so an
 * error looks the same whichever check refused the request.
 */
#ifndef FZ_HTTP_RESPOND_H
#define FZ_HTTP_RESPOND_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>

#include "platform/api.h"

struct fz_resp {
	int status;
	const char *content_type;
	char *body; /* malloc'd when free_body, else arena or static */
	size_t len;
	bool free_body;
	int nheaders;
	const char *headers[FZ_MAX_RESP_HEADERS + 8][2];
};

/*
 * Parses body as a JSON object. 415 unless content_type is application/json,
 * 400 on malformed JSON or invalid UTF-8 (with the position), 422 when it is
 * not an object. The caller owns the result (json_decref).
 */
enum fz_code fz_json_body(const char *content_type, const char *body, size_t len, json_t **out,
			  struct fz_err *err);

/* Takes ownership of j (may be NULL: an empty body). */
void fz_resp_json(struct fz_resp *resp, int status, json_t *j);
/* The error answer: {"error": {code, message, field}} with the code's status; merged into extra (taken) when not NULL. */
void fz_resp_error(struct fz_resp *resp, const struct fz_err *err, json_t *extra);
void fz_resp_text(struct fz_resp *resp, int status, const char *type, const char *text);
/* Adds a header; name and value must outlive the response (arena or static). */
void fz_resp_header(struct fz_resp *resp, const char *name, const char *value);

#endif
