/*
 * fuzz_router.c - libFuzzer target for http/router.c: fz_router_match and
 * fz_url_decode on arbitrary request targets.
 *
 * Input: the first byte picks the method (and the size of the decode buffer),
 * the rest is the path, cut at the first NUL as the server's C string would be.
 * Checks: parameters decoded inside FZ_PARAM_MAX with no '/', NUL or control
 * character; the Allow list inside its buffer; fz_url_decode agreeing with a
 * plain reference decoder and never writing past the size it is given.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "http/router.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* The shapes of the application's routes: literals, one and two params, a prefix of another. */
static const struct fz_route routes[] = {
	{"GET", "/api/cases", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"POST", "/api/cases", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"GET", "/api/cases/stats", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"GET", "/api/cases/{id}", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"PUT", "/api/cases/{id}", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"POST", "/api/cases/{id}/actions/{action}", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"GET", "/api/cases/{id}/attachments/{aid}", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"GET", "/api/public/mailbox/{code}", NULL, FZ_ROLES_ANYONE, 0, NULL, NULL, NULL},
	{"GET", "/api/x/{a}/{b}/{c}/{d}/{e}", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"DELETE", "/api/session", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
	{"GET", "/", NULL, FZ_ROLES_ANYONE, 0, NULL, NULL, NULL},
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};

static const char *const methods[] = {"GET", "HEAD", "POST", "PUT", "DELETE", "PATCH", "get", ""};

static int hex(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	c = (char)(c | 0x20);
	return c >= 'a' && c <= 'f' ? c - 'a' + 10 : -1;
}

/* Reference decoder: decoded bytes into out (room for len), or -1 when malformed or NUL. */
static long reference_decode(const char *s, size_t len, char *out)
{
	size_t k = 0;
	for (size_t i = 0; i < len; i++) {
		int c = (unsigned char)s[i];
		if (c == '%') {
			if (len - i < 3 || hex(s[i + 1]) < 0 || hex(s[i + 2]) < 0)
				return -1;
			c = hex(s[i + 1]) * 16 + hex(s[i + 2]);
			i += 2;
		}
		if (c == 0)
			return -1;
		out[k++] = (char)c;
	}
	return (long)k;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size == 0)
		return 0;
	const char *method = methods[data[0] % (sizeof methods / sizeof methods[0])];
	size_t dst_size = (size_t)(data[0] >> 3); /* 0..31: small buffers find the bounds */
	const char *raw = (const char *)data + 1;
	size_t n = size - 1;

	/* fz_url_decode over the raw bytes (NULs included), into exactly dst_size bytes. */
	char *ref = malloc(n + 1);
	char *dst = malloc(dst_size + 1);
	FUZZ_CHECK(ref && dst);
	memset(dst, 0x5A, dst_size + 1);
	long want = reference_decode(raw, n, ref);
	bool ok = fz_url_decode(raw, n, dst, dst_size);
	FUZZ_CHECK((unsigned char)dst[dst_size] == 0x5A);
	FUZZ_CHECK(ok == (want >= 0 && (size_t)want < dst_size));
	if (ok) {
		FUZZ_CHECK(strlen(dst) == (size_t)want);
		FUZZ_CHECK(memcmp(dst, ref, (size_t)want) == 0);
	}
	free(dst);
	free(ref);

	/* fz_router_match on the path as a C string. */
	char *path = malloc(n + 1);
	FUZZ_CHECK(path);
	memcpy(path, raw, n);
	path[n] = '\0';
	struct fz_router r;
	fz_router_init(&r);
	FUZZ_CHECK(fz_router_add(&r, routes));
	const struct fz_route *route = NULL;
	size_t index = 0;
	char params[FZ_MAX_PARAMS][FZ_PARAM_MAX];
	int nparams = -1;
	char allow[24];
	enum fz_match m = fz_router_match(&r, method, path, &route, &index, params, &nparams, allow,
					  sizeof allow);
	FUZZ_CHECK(memchr(allow, '\0', sizeof allow) != NULL);
	FUZZ_CHECK(m == FZ_MATCH_OK || m == FZ_MATCH_NONE || m == FZ_MATCH_METHOD ||
		   m == FZ_MATCH_BAD_PARAM);
	if (m == FZ_MATCH_OK) {
		FUZZ_CHECK(index < r.n && route == r.routes[index]);
		FUZZ_CHECK(nparams >= 0 && nparams <= FZ_MAX_PARAMS);
		for (int i = 0; i < nparams; i++) {
			size_t len = strnlen(params[i], FZ_PARAM_MAX);
			FUZZ_CHECK(len > 0 && len < FZ_PARAM_MAX);
			for (size_t k = 0; k < len; k++) {
				unsigned char c = (unsigned char)params[i][k];
				FUZZ_CHECK(c >= 0x20 && c != 0x7F && c != '/');
			}
		}
	}
	free(path);
	return 0;
}
