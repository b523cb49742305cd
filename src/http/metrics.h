/*
 * metrics.h - request counts and latency per route, in Prometheus text format.
 *
 * Counters are atomics updated by every server thread without locks. Route
 * index FZ_METRICS_OTHER counts static files and unmatched paths.
 */
#ifndef FZ_HTTP_METRICS_H
#define FZ_HTTP_METRICS_H

#include <stddef.h>
#include <stdint.h>

#include "http/router.h"

#define FZ_METRICS_OTHER FZ_MAX_ROUTES

void fz_metrics_observe(size_t route_index, int status, double ms);
/* Appends the exposition to a malloc'd string; extra is appended verbatim. Caller frees. */
char *fz_metrics_render(const struct fz_router *r, const char *extra);

#endif
