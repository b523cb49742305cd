/* metrics.c - lock-free request metrics (metrics.h). */
#include "http/metrics.h"

#include <stdarg.h>
#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static const double bounds[] = {1, 2, 5, 10, 20, 50, 100, 250, 500, 1000, 5000};
#define NB (sizeof bounds / sizeof bounds[0])

struct route_metrics {
	atomic_uint_fast64_t count;
	atomic_uint_fast64_t status[6]; /* by class: 1xx..5xx, index 1..5 */
	atomic_uint_fast64_t sum_us;
	atomic_uint_fast64_t bucket[NB];
};

static struct route_metrics m[FZ_MAX_ROUTES + 1];

void fz_metrics_observe(size_t i, int status, double ms)
{
	if (i > FZ_METRICS_OTHER)
		i = FZ_METRICS_OTHER;
	atomic_fetch_add_explicit(&m[i].count, 1, memory_order_relaxed);
	int cls = status / 100;
	if (cls >= 1 && cls <= 5)
		atomic_fetch_add_explicit(&m[i].status[cls], 1, memory_order_relaxed);
	atomic_fetch_add_explicit(&m[i].sum_us, (uint_fast64_t)(ms * 1000), memory_order_relaxed);
	for (size_t b = 0; b < NB; b++)
		if (ms <= bounds[b])
			atomic_fetch_add_explicit(&m[i].bucket[b], 1, memory_order_relaxed);
}

struct buf {
	char *p;
	size_t len, cap;
};

static void add(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
static void add(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	for (;;) {
		va_start(ap, fmt);
		int n = vsnprintf(b->p + b->len, b->cap - b->len, fmt, ap);
		va_end(ap);
		if (n < 0)
			return;
		if (b->len + (size_t)n < b->cap) {
			b->len += (size_t)n;
			return;
		}
		char *np = realloc(b->p, b->cap * 2 + (size_t)n);
		if (!np)
			return;
		b->p = np;
		b->cap = b->cap * 2 + (size_t)n;
	}
}

char *fz_metrics_render(const struct fz_router *r, const char *extra)
{
	struct buf b = {malloc(16384), 0, 16384};
	if (!b.p)
		return NULL;
	b.p[0] = '\0';
	add(&b, "# HELP fazhi_http_requests_total HTTP requests by route and status class.\n"
		"# TYPE fazhi_http_requests_total counter\n");
	for (size_t i = 0; i <= r->n; i++) {
		size_t k = i < r->n ? i : FZ_METRICS_OTHER;
		const char *meth = i < r->n ? r->routes[i]->method : "GET";
		const char *pat = i < r->n ? r->routes[i]->pattern : "static";
		for (int c = 1; c <= 5; c++) {
			uint64_t v = atomic_load(&m[k].status[c]);
			if (v)
				add(&b, "fazhi_http_requests_total{method=\"%s\",route=\"%s\",status=\"%dxx\"} %llu\n",
				    meth, pat, c, (unsigned long long)v);
		}
	}
	add(&b, "# HELP fazhi_http_request_duration_ms Request latency by route.\n"
		"# TYPE fazhi_http_request_duration_ms histogram\n");
	for (size_t i = 0; i <= r->n; i++) {
		size_t k = i < r->n ? i : FZ_METRICS_OTHER;
		uint64_t count = atomic_load(&m[k].count);
		if (!count)
			continue;
		const char *meth = i < r->n ? r->routes[i]->method : "GET";
		const char *pat = i < r->n ? r->routes[i]->pattern : "static";
		for (size_t j = 0; j < NB; j++)
			add(&b, "fazhi_http_request_duration_ms_bucket{method=\"%s\",route=\"%s\",le=\"%g\"} %llu\n",
			    meth, pat, bounds[j], (unsigned long long)atomic_load(&m[k].bucket[j]));
		add(&b, "fazhi_http_request_duration_ms_bucket{method=\"%s\",route=\"%s\",le=\"+Inf\"} %llu\n",
		    meth, pat, (unsigned long long)count);
		add(&b, "fazhi_http_request_duration_ms_sum{method=\"%s\",route=\"%s\"} %.3f\n", meth,
		    pat, (double)atomic_load(&m[k].sum_us) / 1000.0);
		add(&b, "fazhi_http_request_duration_ms_count{method=\"%s\",route=\"%s\"} %llu\n", meth,
		    pat, (unsigned long long)count);
	}
	if (extra)
		add(&b, "%s", extra);
	return b.p;
}
