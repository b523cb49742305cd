/*
 * routes.h - the core routes (session, reference data, the generic case API,
 * supervision, dashboard, health, metrics, OpenAPI) and the router built from
 * them plus every module's routes.
 */
#ifndef FZ_HTTP_ROUTES_H
#define FZ_HTTP_ROUTES_H

#include <jansson.h>

#include "http/router.h"

bool fz_routes_build(struct fz_router *r);
/* Password change and the review queue (routes_console.c). */
extern const struct fz_route fz_console_routes[];
/*
 * Checks every row as the server relies on it: a handler, roles, a summary
 * and tag, a declared record kind on an {id} path, no JSON body on an upload.
 * The server refuses to start on a bad row.
 */
enum fz_code fz_routes_validate(const struct fz_router *r, struct fz_err *err);
/* The OpenAPI 3 document generated from the route table. Caller owns it. */
json_t *fz_openapi(const struct fz_router *r);
const struct fz_router *fz_server_router(void);
struct fz_wal_state;
/* The WAL as the background checkpoint last found it (server.c). */
void fz_server_wal(struct fz_wal_state *out);

#endif
