/*
 * router.h - matching a method and path against the route tables.
 *
 * Routes are declared as rows (http/handler.h struct fz_route) by http/routes.c
 * and by each module; the router is built once at start-up and then only read,
 * so every server thread can match concurrently. Patterns are literal segments
 * and {name} parameters, one segment each; parameters are percent-decoded and
 * must not contain '/', NUL or control characters.
 */
#ifndef FZ_HTTP_ROUTER_H
#define FZ_HTTP_ROUTER_H

#include <stddef.h>

#include "platform/api.h"

#define FZ_MAX_ROUTES 512 /* every module's rows; the enforcement cases alone have some 80 */
#define FZ_PARAM_MAX 160

struct fz_router {
	const struct fz_route *routes[FZ_MAX_ROUTES];
	size_t n;
};

enum fz_match {
	FZ_MATCH_OK = 0,
	FZ_MATCH_NONE,       /* no route has this path: 404 */
	FZ_MATCH_METHOD,     /* the path exists with other methods: 405, see allow */
	FZ_MATCH_BAD_PARAM,  /* a parameter is malformed: 400 */
};

void fz_router_init(struct fz_router *r);
/* Adds rows until one with method NULL. Returns false when the table is full. */
bool fz_router_add(struct fz_router *r, const struct fz_route *routes);

/*
 * Matches; on FZ_MATCH_OK *route and *index are set and params[0..*nparams)
 * hold the decoded parameters. On FZ_MATCH_METHOD allow lists the methods.
 * HEAD matches GET routes.
 */
enum fz_match fz_router_match(const struct fz_router *r, const char *method, const char *path,
			      const struct fz_route **route, size_t *index,
			      char params[FZ_MAX_PARAMS][FZ_PARAM_MAX], int *nparams, char *allow,
			      size_t allow_size);

/* Percent-decodes src into dst (size bytes); false on bad escapes, NUL or overflow. */
bool fz_url_decode(const char *src, size_t len, char *dst, size_t size);

#endif
