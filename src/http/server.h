/*
 * server.h - the HTTP server: libmicrohttpd with a thread pool.
 *
 * Every request gets an arena and the calling thread's own database
 * connection; the calendar is shared read-only and swapped under a lock when
 * an administrator loads a new year. A background thread issues supervision
 * cards and notices calendar changes. Not for: routes (routes.c and the
 * modules) or page content (web/).
 */
#ifndef FZ_HTTP_SERVER_H
#define FZ_HTTP_SERVER_H

#include <stdbool.h>

struct fz_server_opts {
	const char *db_path;
	const char *bind;    /* "127.0.0.1" */
	const char *web_dir; /* built browser app, web/dist */
	int port;            /* 0 picks a free port, printed at start */
	int threads;
	int sweep_seconds;   /* supervision sweep interval */
	bool quiet;          /* no access log */
	int per_ip;          /* open connections per client address (0: no cap) */
	int header_seconds;  /* a request's headers must arrive within this */
	int body_seconds;    /* and its body within this after them */
	const char *trusted_proxy; /* the reverse proxy's address, or NULL */
	const char *metrics_token; /* bearer token for /metrics from elsewhere, or NULL */
};

/* Serves until SIGINT or SIGTERM. Returns the process exit code. */
int fz_server_run(const struct fz_server_opts *o);

#endif
