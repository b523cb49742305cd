/* router.c - route matching (router.h). Pure: no I/O, no allocation. */
#include "http/router.h"

#include <stdio.h>
#include <string.h>

#include "core/text.h"

void fz_router_init(struct fz_router *r)
{
	r->n = 0;
}

bool fz_router_add(struct fz_router *r, const struct fz_route *routes)
{
	for (; routes && routes->method; routes++) {
		if (r->n == FZ_MAX_ROUTES)
			return false;
		r->routes[r->n++] = routes;
	}
	return true;
}

bool fz_url_decode(const char *src, size_t len, char *dst, size_t size)
{
	if (size == 0)
		return false; /* no room even for the NUL */
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		char c = src[i];
		if (c == '%') {
			if (i + 2 >= len)
				return false;
			int hi = fz_hex_digit(src[i + 1]), lo = fz_hex_digit(src[i + 2]);
			if (hi < 0 || lo < 0)
				return false;
			c = (char)(hi * 16 + lo);
			i += 2;
		}
		if (c == '\0' || k + 1 >= size)
			return false;
		dst[k++] = c;
	}
	dst[k] = '\0';
	return true;
}

/* Compares one pattern to the path; fills params when it matches. -1 bad param, 0 no, 1 yes. */
static int match_path(const char *pattern, const char *path,
		      char params[FZ_MAX_PARAMS][FZ_PARAM_MAX], int *nparams)
{
	const char *p = pattern, *s = path;
	int np = 0;
	while (*p && *s) {
		if (*p == '{') {
			const char *pe = strchr(p, '}');
			const char *se = strchr(s, '/');
			size_t len = se ? (size_t)(se - s) : strlen(s);
			if (len == 0)
				return 0;
			if (np == FZ_MAX_PARAMS || !fz_url_decode(s, len, params[np], FZ_PARAM_MAX))
				return -1;
			for (const char *c = params[np]; *c; c++)
				if ((unsigned char)*c < 0x20 || *c == '/' || *c == 0x7F)
					return -1;
			np++;
			p = pe + 1;
			s += len;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	if (*p || *s)
		return 0;
	*nparams = np;
	return 1;
}

enum fz_match fz_router_match(const struct fz_router *r, const char *method, const char *path,
			      const struct fz_route **route, size_t *index,
			      char params[FZ_MAX_PARAMS][FZ_PARAM_MAX], int *nparams, char *allow,
			      size_t allow_size)
{
	bool path_seen = false, bad = false;
	if (allow_size)
		allow[0] = '\0';
	const char *m = strcmp(method, "HEAD") == 0 ? "GET" : method;
	for (size_t i = 0; i < r->n; i++) {
		int np = 0;
		int res = match_path(r->routes[i]->pattern, path, params, &np);
		if (res < 0) {
			bad = true;
			continue;
		}
		if (res == 0)
			continue;
		if (strcmp(r->routes[i]->method, m) == 0) {
			*route = r->routes[i];
			*index = i;
			*nparams = np;
			return FZ_MATCH_OK;
		}
		if (!path_seen || !strstr(allow, r->routes[i]->method)) {
			size_t used = strlen(allow);
			if (used + strlen(r->routes[i]->method) + 3 < allow_size)
				snprintf(allow + used, allow_size - used, "%s%s", used ? ", " : "",
					 r->routes[i]->method);
		}
		path_seen = true;
	}
	if (path_seen)
		return FZ_MATCH_METHOD;
	return bad ? FZ_MATCH_BAD_PARAM : FZ_MATCH_NONE;
}
