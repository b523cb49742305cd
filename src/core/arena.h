/*
 * arena.h - a bump allocator: one per request, released in one step.
 *
 * Handlers allocate from the request's arena and free nothing by hand; the
 * server calls fz_arena_cleanup when the response has been queued. Allocation
 * failure aborts (a server that cannot allocate 4 KiB cannot answer anyway).
 * Not thread-safe: an arena belongs to one request on one thread.
 */
#ifndef FZ_CORE_ARENA_H
#define FZ_CORE_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct fz_arena_block;

struct fz_arena {
	struct fz_arena_block *head;
	size_t used; /* bytes used in head */
	size_t cap;  /* capacity of head */
};

void fz_arena_init(struct fz_arena *a);
/* Frees every block; the arena can be reused after fz_arena_init. */
void fz_arena_cleanup(struct fz_arena *a);
/* Zeroed memory aligned for any type, owned by the arena. */
void *fz_arena_alloc(struct fz_arena *a, size_t n);
char *fz_arena_strdup(struct fz_arena *a, const char *s);
/* Copies at most n bytes of s (fewer when s ends first) and a terminating NUL into the arena. */
char *fz_arena_strndup(struct fz_arena *a, const char *s, size_t n);
char *fz_arena_printf(struct fz_arena *a, const char *fmt, ...)
	__attribute__((format(printf, 2, 3)));

#endif
