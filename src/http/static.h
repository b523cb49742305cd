/*
 * static.h - the built browser app (web/dist), held in memory.
 *
 * Every file under the directory is read once at start-up into a table keyed
 * by its URL path. A request can only ever name an entry of that table, so no
 * URL reaches the file system: "..", encoded slashes and symlinks have
 * nothing to escape to. Paths of the app's own pages (/, /mailbox, /app/...)
 * that are not files get index.html.
 */
#ifndef FZ_HTTP_STATIC_H
#define FZ_HTTP_STATIC_H

#include <stdbool.h>
#include <stddef.h>

struct fz_static_file {
	const char *data;
	size_t len;
	const char *type;
	bool immutable; /* hashed asset name: cache for a year */
	/* The same file precompressed at build time (name.br, name.gz beside it), or NULL. */
	const struct fz_static_file *br, *gz;
};

/* Loads dir; returns the number of files, or -1 when dir cannot be read. */
int fz_static_load(const char *dir);
void fz_static_free(void);
/* The file for a URL path, the SPA index for page paths, or NULL (404). */
const struct fz_static_file *fz_static_find(const char *path);

/*
 * The variant of f to send for a request's Accept-Encoding header (may be
 * NULL): brotli, else gzip, when the file has it and the client accepts it
 * (q > 0); f itself otherwise. *encoding is the Content-Encoding to send, or
 * NULL for f itself.
 */
const struct fz_static_file *fz_static_pick(const struct fz_static_file *f, const char *accept,
					    const char **encoding);

#endif
