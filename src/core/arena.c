/* arena.c - the request arena of arena.h. */
#include "core/arena.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct fz_arena_block {
	struct fz_arena_block *next;
	max_align_t data[];
};

#define BLOCK_MIN 8192

void fz_arena_init(struct fz_arena *a)
{
	a->head = NULL;
	a->used = 0;
	a->cap = 0;
}

void fz_arena_cleanup(struct fz_arena *a)
{
	struct fz_arena_block *b = a->head;
	while (b) {
		struct fz_arena_block *next = b->next;
		free(b);
		b = next;
	}
	fz_arena_init(a);
}

void *fz_arena_alloc(struct fz_arena *a, size_t n)
{
	const size_t align = sizeof(max_align_t);
	n = (n + align - 1) / align * align;
	if (n == 0)
		n = align;
	if (!a->head || a->cap - a->used < n) {
		size_t cap = n > BLOCK_MIN ? n : BLOCK_MIN;
		struct fz_arena_block *b = malloc(sizeof *b + cap);
		if (!b)
			abort();
		b->next = a->head;
		a->head = b;
		a->cap = cap;
		a->used = 0;
	}
	char *p = (char *)a->head->data + a->used;
	a->used += n;
	memset(p, 0, n);
	return p;
}

char *fz_arena_strndup(struct fz_arena *a, const char *s, size_t n)
{
	/* At most n bytes, as strndup: a shorter string is copied to its end, not past it. */
	n = strnlen(s, n);
	char *p = fz_arena_alloc(a, n + 1);
	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *fz_arena_strdup(struct fz_arena *a, const char *s)
{
	return s ? fz_arena_strndup(a, s, strlen(s)) : NULL;
}

char *fz_arena_printf(struct fz_arena *a, const char *fmt, ...)
{
	va_list ap, ap2;
	va_start(ap, fmt);
	va_copy(ap2, ap);
	int n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		n = 0;
	char *p = fz_arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap2);
	va_end(ap2);
	return p;
}
