/*
 * test_router.c - unit tests of http/router.c and http/multipart.c, the two
 * parsers that read the request line and upload bodies.
 *
 * For: route matching (literal segments, {param} segments, HEAD as GET, 405
 * with the Allow list of RFC 9110 15.5.6), percent-decoding of parameters
 * (RFC 3986 2.1) and its bounds; finding a file part in a multipart/form-data
 * body (RFC 7578, delimiters per RFC 2046 5.1.1).
 * Not for: dispatching to handlers, sessions, CSRF (API tests start the server).
 *
 * Inputs are copied into buffers of exactly their size, so ASan and valgrind
 * see any read past the end.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "http/multipart.h"
#include "http/router.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* Shows a byte string as printable ASCII and \xNN escapes, for failure messages. */
static const char *esc(const char *s, size_t len, char *buf, size_t size)
{
	size_t k = 0;
	for (size_t i = 0; i < len && k + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F && c != '\\')
			buf[k++] = (char)c;
		else
			k += (size_t)snprintf(buf + k, size - k, "\\x%02X", c);
	}
	buf[k] = '\0';
	return buf;
}

/* A heap copy of exactly len bytes (no terminator), so over-reads are caught. */
static char *exact(const char *s, size_t len)
{
	char *p = malloc(len ? len : 1);
	assert_non_null(p);
	memcpy(p, s, len);
	return p;
}

/* ---- the route table --------------------------------------------------- */

/* Handlers are never called here: only the rows' positions matter. */
static const struct fz_route routes_a[] = {
	{"GET", "/api/cases", NULL, FZ_ROLES_SIGNED_IN, 0, "案件列表", "cases", NULL},              /* 0 */
	{"POST", "/api/cases", NULL, FZ_ROLES_SIGNED_IN, 0, "登记案件", "cases", NULL},             /* 1 */
	{"GET", "/api/cases/stats", NULL, FZ_ROLES_SIGNED_IN, 0, "统计", "cases", NULL},            /* 2 */
	{"GET", "/api/cases/{id}", NULL, FZ_ROLES_SIGNED_IN, 0, "案件详情", "cases", NULL},         /* 3 */
	{"PUT", "/api/cases/{id}", NULL, FZ_ROLES_SIGNED_IN, 0, "修改", "cases", NULL},             /* 4 */
	{"DELETE", "/api/cases/{id}", NULL, FZ_ROLES_SIGNED_IN, 0, "删除", "cases", NULL},          /* 5 */
	{"POST", "/api/cases/{id}/actions/{action}", NULL, FZ_ROLES_SIGNED_IN, 0, "办理", "cases", NULL}, /* 6 */
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};

/* A second table, as a module adds its own. */
static const struct fz_route routes_b[] = {
	{"GET", "/api/track/{code}", NULL, FZ_ROLES_ANYONE, 0, "查询", "mailbox", NULL},            /* 7 */
	{"GET", "/api/four/{a}/{b}/{c}/{d}", NULL, FZ_ROLES_SIGNED_IN, 0, "四个参数", "t", NULL},               /* 8 */
	{"GET", "/api/five/{a}/{b}/{c}/{d}/{e}", NULL, FZ_ROLES_SIGNED_IN, 0, "五个参数", "t", NULL},           /* 9 */
	{"GET", "/", NULL, FZ_ROLES_ANYONE, 0, "首页", "t", NULL},                                   /* 10 */
	{NULL, NULL, NULL, 0, 0, NULL, NULL},
};

static void build_router(struct fz_router *r)
{
	fz_router_init(r);
	assert_true(fz_router_add(r, routes_a));
	assert_true(fz_router_add(r, routes_b));
	assert_int_equal(r->n, 11);
}

struct match_row {
	const char *name;
	const char *method;
	const char *path;
	enum fz_match want;
	int index; /* FZ_MATCH_OK */
	int nparams;
	const char *params[FZ_MAX_PARAMS];
	const char *allow; /* FZ_MATCH_METHOD */
};

static const char *match_name(enum fz_match m)
{
	static const char *const names[] = {"OK", "NONE", "METHOD", "BAD_PARAM"};
	return (unsigned)m < NROWS(names) ? names[m] : "?";
}

static void match_table(void **state)
{
	(void)state;
	static const struct match_row rows[] = {
		{"literal", "GET", "/api/cases", FZ_MATCH_OK, 0, 0, {NULL}, NULL},
		{"same path, other method", "POST", "/api/cases", FZ_MATCH_OK, 1, 0, {NULL}, NULL},
		{"the root", "GET", "/", FZ_MATCH_OK, 10, 0, {NULL}, NULL},
		{"a literal row before a {param} row wins", "GET", "/api/cases/stats", FZ_MATCH_OK,
		 2, 0, {NULL}, NULL},
		{"one param", "GET", "/api/cases/42", FZ_MATCH_OK, 3, 1, {"42"}, NULL},
		{"param by method", "DELETE", "/api/cases/42", FZ_MATCH_OK, 5, 1, {"42"}, NULL},
		{"two params", "POST", "/api/cases/7/actions/assign", FZ_MATCH_OK, 6, 2,
		 {"7", "assign"}, NULL},
		{"params from the second table", "GET", "/api/track/ACDE-FGHJ-KMNP", FZ_MATCH_OK, 7,
		 1, {"ACDE-FGHJ-KMNP"}, NULL},
		{"FZ_MAX_PARAMS params", "GET", "/api/four/1/2/3/4", FZ_MATCH_OK, 8, 4,
		 {"1", "2", "3", "4"}, NULL},
		{"RFC 9110 9.3.2: HEAD is GET without a body", "HEAD", "/api/cases", FZ_MATCH_OK, 0,
		 0, {NULL}, NULL},
		{"HEAD with a param", "HEAD", "/api/cases/9", FZ_MATCH_OK, 3, 1, {"9"}, NULL},

		{"RFC 3986 2.1: %E4%B8%AD is 中", "GET", "/api/cases/%E4%B8%AD", FZ_MATCH_OK, 3, 1,
		 {"中"}, NULL},
		{"lowercase hex", "GET", "/api/cases/%e4%b8%ad%e6%96%87", FZ_MATCH_OK, 3, 1,
		 {"中文"}, NULL},
		{"%20 is a space", "GET", "/api/cases/a%20b", FZ_MATCH_OK, 3, 1, {"a b"}, NULL},
		{"'+' stays '+' in a path", "GET", "/api/cases/a+b", FZ_MATCH_OK, 3, 1, {"a+b"},
		 NULL},
		{"%25 is a literal percent", "GET", "/api/cases/100%25", FZ_MATCH_OK, 3, 1,
		 {"100%"}, NULL},
		{"raw UTF-8 in the path", "GET", "/api/cases/中", FZ_MATCH_OK, 3, 1, {"中"}, NULL},

		{"RFC 9110 15.5.6: 405 lists the methods", "DELETE", "/api/cases",
		 FZ_MATCH_METHOD, 0, 0, {NULL}, "GET, POST"},
		{"405 on a {param} path", "PATCH", "/api/cases/42", FZ_MATCH_METHOD, 0, 0, {NULL},
		 "GET, PUT, DELETE"},
		{"405 for HEAD on a POST-only path", "HEAD", "/api/cases/7/actions/reply",
		 FZ_MATCH_METHOD, 0, 0, {NULL}, "POST"},
		{"405: GET on a POST-only path", "GET", "/api/cases/7/actions/reply",
		 FZ_MATCH_METHOD, 0, 0, {NULL}, "POST"},
		{"methods are case-sensitive (RFC 9110 9.1)", "get", "/api/cases", FZ_MATCH_METHOD,
		 0, 0, {NULL}, "GET, POST"},

		{"unknown path", "GET", "/api/nothing", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"empty path", "GET", "", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"trailing slash on a literal", "GET", "/api/cases/", FZ_MATCH_NONE, 0, 0, {NULL},
		 NULL},
		{"trailing slash after a param", "GET", "/api/cases/42/", FZ_MATCH_NONE, 0, 0,
		 {NULL}, NULL},
		{"trailing slash on the root twice", "GET", "//", FZ_MATCH_NONE, 0, 0, {NULL},
		 NULL},
		{"empty param segment", "POST", "/api/cases//actions/assign", FZ_MATCH_NONE, 0, 0,
		 {NULL}, NULL},
		{"extra segment", "GET", "/api/cases/42/more", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"prefix of a literal", "GET", "/api/case", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"literal with a suffix", "GET", "/api/casesx", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"case of a literal", "GET", "/API/cases", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"no leading slash", "GET", "api/cases", FZ_MATCH_NONE, 0, 0, {NULL}, NULL},
		{"encoded slash does not split segments", "GET", "/api%2Fcases", FZ_MATCH_NONE, 0,
		 0, {NULL}, NULL},

		{"bad escape %ZZ", "GET", "/api/cases/%ZZ", FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"bad escape %G1", "GET", "/api/cases/%G1", FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"truncated escape %4", "GET", "/api/cases/%4", FZ_MATCH_BAD_PARAM, 0, 0, {NULL},
		 NULL},
		{"lone %", "GET", "/api/cases/%", FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"truncated escape before the next segment", "POST", "/api/cases/1%/actions/x",
		 FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"%00 (NUL) in a param", "GET", "/api/cases/a%00b", FZ_MATCH_BAD_PARAM, 0, 0,
		 {NULL}, NULL},
		{"%2F (slash) in a param", "GET", "/api/cases/a%2Fb", FZ_MATCH_BAD_PARAM, 0, 0,
		 {NULL}, NULL},
		{"%2f lowercase", "GET", "/api/cases/..%2f..%2fetc", FZ_MATCH_BAD_PARAM, 0, 0,
		 {NULL}, NULL},
		{"%0A (newline) in a param", "GET", "/api/cases/1%0A", FZ_MATCH_BAD_PARAM, 0, 0,
		 {NULL}, NULL},
		{"%0D%0A (header injection)", "GET", "/api/track/x%0D%0ASet-Cookie:a",
		 FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"%1B (escape) in a param", "GET", "/api/cases/%1B", FZ_MATCH_BAD_PARAM, 0, 0,
		 {NULL}, NULL},
		{"%7F (DEL) in a param", "GET", "/api/cases/%7F", FZ_MATCH_BAD_PARAM, 0, 0, {NULL},
		 NULL},
		{"bad param in the second of two", "POST", "/api/cases/7/actions/%00",
		 FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"bad param, unsupported method: 400 rather than 405", "PATCH", "/api/cases/%ZZ",
		 FZ_MATCH_BAD_PARAM, 0, 0, {NULL}, NULL},
		{"more params than FZ_MAX_PARAMS", "GET", "/api/five/1/2/3/4/5", FZ_MATCH_BAD_PARAM,
		 0, 0, {NULL}, NULL},
	};
	struct fz_router r;
	build_router(&r);
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct match_row *w = &rows[i];
		const struct fz_route *route = NULL;
		size_t index = 999;
		char params[FZ_MAX_PARAMS][FZ_PARAM_MAX];
		memset(params, 0, sizeof params);
		int nparams = -1;
		char allow[64];
		memset(allow, 'x', sizeof allow);
		enum fz_match m = fz_router_match(&r, w->method, w->path, &route, &index, params,
						  &nparams, allow, sizeof allow);
		bool ok = m == w->want;
		if (ok && m == FZ_MATCH_OK) {
			ok = route == r.routes[w->index] && index == (size_t)w->index &&
			     nparams == w->nparams;
			for (int k = 0; ok && k < w->nparams; k++)
				ok = strcmp(params[k], w->params[k]) == 0;
		}
		if (ok && m == FZ_MATCH_METHOD)
			ok = strcmp(allow, w->allow) == 0;
		if (!ok) {
			char got[256] = "";
			for (int k = 0; m == FZ_MATCH_OK && k < nparams && k < FZ_MAX_PARAMS; k++)
				snprintf(got + strlen(got), sizeof got - strlen(got), " [%.40s]",
					 params[k]);
			print_message("FAIL [%s] %s %s: %s index %zu nparams %d%s allow \"%.*s\", "
				      "want %s index %d nparams %d allow \"%s\"\n",
				      w->name, w->method, w->path, match_name(m),
				      m == FZ_MATCH_OK ? index : 0, nparams, got,
				      (int)strnlen(allow, sizeof allow), allow, match_name(w->want),
				      w->index, w->nparams, w->allow ? w->allow : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* A parameter may fill FZ_PARAM_MAX - 1 bytes after decoding, not one more. */
static void match_param_length(void **state)
{
	(void)state;
	struct fz_router r;
	build_router(&r);
	char path[1024];
	char params[FZ_MAX_PARAMS][FZ_PARAM_MAX];
	const struct fz_route *route = NULL;
	size_t index = 0;
	int nparams = 0;
	char allow[64];

	/* FZ_PARAM_MAX - 1 = 159 plain bytes fit. */
	int n = snprintf(path, sizeof path, "/api/cases/");
	for (int i = 0; i < FZ_PARAM_MAX - 1; i++)
		path[n++] = 'a';
	path[n] = '\0';
	assert_int_equal(fz_router_match(&r, "GET", path, &route, &index, params, &nparams,
					 allow, sizeof allow),
			 FZ_MATCH_OK);
	assert_int_equal(strlen(params[0]), FZ_PARAM_MAX - 1);
	/* 160 do not. */
	path[n++] = 'a';
	path[n] = '\0';
	assert_int_equal(fz_router_match(&r, "GET", path, &route, &index, params, &nparams,
					 allow, sizeof allow),
			 FZ_MATCH_BAD_PARAM);

	/* 53 escaped 中 decode to 159 bytes (477 bytes of path): they fit. */
	n = snprintf(path, sizeof path, "/api/cases/");
	for (int i = 0; i < 53; i++)
		n += snprintf(path + n, sizeof path - (size_t)n, "%%E4%%B8%%AD");
	assert_int_equal(fz_router_match(&r, "GET", path, &route, &index, params, &nparams,
					 allow, sizeof allow),
			 FZ_MATCH_OK);
	assert_int_equal(strlen(params[0]), 159);
	/* 54 decode to 162: refused, not cut in the middle of a character. */
	n += snprintf(path + n, sizeof path - (size_t)n, "%%E4%%B8%%AD");
	assert_int_equal(fz_router_match(&r, "GET", path, &route, &index, params, &nparams,
					 allow, sizeof allow),
			 FZ_MATCH_BAD_PARAM);
}

/* A small Allow buffer is never overrun and always terminated. */
static void match_allow_bounds(void **state)
{
	(void)state;
	struct fz_router r;
	build_router(&r);
	char params[FZ_MAX_PARAMS][FZ_PARAM_MAX];
	const struct fz_route *route = NULL;
	size_t index = 0;
	int nparams = 0;
	for (size_t size = 1; size <= 24; size++) {
		char buf[32];
		memset(buf, 'x', sizeof buf);
		enum fz_match m = fz_router_match(&r, "PATCH", "/api/cases/1", &route, &index,
						  params, &nparams, buf, size);
		assert_int_equal(m, FZ_MATCH_METHOD);
		if (strnlen(buf, size) >= size) {
			print_message("FAIL [allow size %zu] not terminated inside the buffer\n",
				      size);
			fail();
		}
		for (size_t k = size; k < sizeof buf; k++)
			if (buf[k] != 'x') {
				print_message("FAIL [allow size %zu] byte %zu written\n", size, k);
				fail();
			}
	}
	/* An empty router matches nothing. */
	struct fz_router empty;
	fz_router_init(&empty);
	char allow[16];
	assert_int_equal(fz_router_match(&empty, "GET", "/", &route, &index, params, &nparams,
					 allow, sizeof allow),
			 FZ_MATCH_NONE);
	assert_true(fz_router_add(&empty, NULL));
	assert_int_equal(empty.n, 0);
}

static void router_add_limit(void **state)
{
	(void)state;
	static const struct fz_route one[] = {
		{"GET", "/x", NULL, FZ_ROLES_SIGNED_IN, 0, NULL, NULL, NULL},
		{NULL, NULL, NULL, 0, 0, NULL, NULL},
	};
	struct fz_router r;
	fz_router_init(&r);
	for (int i = 0; i < FZ_MAX_ROUTES; i++)
		assert_true(fz_router_add(&r, one));
	assert_int_equal(r.n, FZ_MAX_ROUTES);
	assert_false(fz_router_add(&r, one));
	assert_int_equal(r.n, FZ_MAX_ROUTES);
}

/* ---- fz_url_decode ------------------------------------------------------- */

struct decode_row {
	const char *name;
	const char *src;
	size_t len;  /* bytes of src read; SIZE_MAX: strlen(src) */
	size_t size; /* size of dst */
	bool ok;
	const char *out;
};

static void url_decode_table(void **state)
{
	(void)state;
	static const struct decode_row rows[] = {
		{"plain", "abc", SIZE_MAX, 16, true, "abc"},
		{"empty", "", SIZE_MAX, 1, true, ""},
		{"RFC 3986 2.1: %E4%B8%AD", "%E4%B8%AD", SIZE_MAX, 16, true, "中"},
		{"lowercase hex", "%e4%b8%ad", SIZE_MAX, 16, true, "中"},
		{"escape at the very end", "ab%41", SIZE_MAX, 16, true, "abA"},
		{"len stops before an escape", "abc%41", 3, 16, true, "abc"},
		{"exact fit: 3 bytes and NUL in 4", "abc", SIZE_MAX, 4, true, "abc"},
		{"exact fit after decoding", "%E4%B8%AD", SIZE_MAX, 4, true, "中"},
		{"one byte short", "abc", SIZE_MAX, 3, false, NULL},
		{"one byte short after decoding", "%E4%B8%AD", SIZE_MAX, 3, false, NULL},
		{"no room at all", "", SIZE_MAX, 0, false, NULL},
		{"no room for one byte", "a", SIZE_MAX, 0, false, NULL},
		{"escape cut by len (%4)", "%41", 2, 16, false, NULL},
		{"escape cut by len (%)", "%41", 1, 16, false, NULL},
		{"trailing %", "a%", SIZE_MAX, 16, false, NULL},
		{"trailing %4", "a%4", SIZE_MAX, 16, false, NULL},
		{"non-hex %ZZ", "%ZZ", SIZE_MAX, 16, false, NULL},
		{"half hex %4G", "%4G", SIZE_MAX, 16, false, NULL},
		{"sign in an escape %+1", "%+1", SIZE_MAX, 16, false, NULL},
		{"%00", "a%00", SIZE_MAX, 16, false, NULL},
		{"NUL byte inside len", "a\0b", 3, 16, false, NULL},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct decode_row *r = &rows[i];
		size_t len = r->len == SIZE_MAX ? strlen(r->src) : r->len;
		char *src = exact(r->src, len);
		/* dst of exactly size bytes (one spare byte allocated, checked below). */
		char *dst = malloc(r->size + 1);
		assert_non_null(dst);
		memset(dst, 'x', r->size + 1);
		bool ok = fz_url_decode(src, len, dst, r->size);
		bool good = ok == r->ok && dst[r->size] == 'x';
		if (good && ok)
			good = strcmp(dst, r->out) == 0;
		if (!good) {
			char buf[64];
			print_message("FAIL [%s] decode(\"%s\", %zu, size %zu) = %d \"%.*s\"%s, "
				      "want %d \"%s\"\n",
				      r->name, esc(r->src, len, buf, sizeof buf), len, r->size, ok,
				      (int)strnlen(dst, r->size), dst,
				      dst[r->size] != 'x' ? " (wrote past size)" : "", r->ok,
				      r->out ? r->out : "");
			failures++;
		}
		free(dst);
		free(src);
	}
	assert_int_equal(failures, 0);
}

/* ---- multipart ----------------------------------------------------------- */

#define CT "multipart/form-data; boundary=XyZ123"

/* Two parts: a text field, then the file. */
static const char two_parts[] = "--XyZ123\r\n"
				"Content-Disposition: form-data; name=\"title\"\r\n"
				"\r\n"
				"请示\r\n"
				"--XyZ123\r\n"
				"Content-Disposition: form-data; name=\"file\";"
				" filename=\"公文.pdf\"\r\n"
				"Content-Type: application/pdf\r\n"
				"\r\n"
				"%PDF-1.7 data\r\n"
				"--XyZ123--\r\n";

struct mp_row {
	const char *name;
	const char *content_type;
	const char *body;
	size_t len; /* 0: strlen(body) */
	const char *field;
	bool ok;
	const char *data; /* when ok */
	size_t data_len;  /* 0: strlen(data) */
	const char *filename;
};

static void multipart_table(void **state)
{
	(void)state;
	/* Binary data with NUL, CR and LF bytes and the boundary text not after CRLF. */
	static const char binary[] = "--b\r\n"
				     "Content-Disposition: form-data; name=\"file\";"
				     " filename=\"x.bin\"\r\n"
				     "\r\n"
				     "\x00\x01\r\n\r\nA--b--\r\x00"
				     "\r\n--b--\r\n";
	static const struct mp_row rows[] = {
		{"RFC 7578 4.2: the file part, with its filename", CT, two_parts, 0, "file", true,
		 "%PDF-1.7 data", 0, "公文.pdf"},
		{"the text part before it, no filename", CT, two_parts, 0, "title", true, "请示", 0,
		 ""},
		{"no such part", CT, two_parts, 0, "attachment", false, NULL, 0, NULL},
		{"name is matched whole, not as a prefix", CT, two_parts, 0, "fil", false, NULL, 0,
		 NULL},
		{"RFC 2046 5.1.1: boundary quoted", "multipart/form-data; boundary=\"XyZ123\"",
		 two_parts, 0, "file", true, "%PDF-1.7 data", 0, "公文.pdf"},
		{"browser boundary, quoted, with a charset before it",
		 "multipart/form-data; charset=utf-8; boundary=\"----WebKitFormBoundary7MA4\"",
		 "------WebKitFormBoundary7MA4\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"a.txt\"\r\n"
		 "\r\n"
		 "hello\r\n"
		 "------WebKitFormBoundary7MA4--\r\n",
		 0, "file", true, "hello", 0, "a.txt"},
		{"media type and parameter names are case-insensitive",
		 "Multipart/Form-Data; BOUNDARY=XyZ123", two_parts, 0, "file", true,
		 "%PDF-1.7 data", 0, "公文.pdf"},
		{"no space after ';'", "multipart/form-data;boundary=XyZ123", two_parts, 0, "file",
		 true, "%PDF-1.7 data", 0, "公文.pdf"},
		{"filename before name", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; filename=\"b.doc\"; name=\"file\"\r\n"
		 "\r\n"
		 "DOC\r\n"
		 "--XyZ123--\r\n",
		 0, "file", true, "DOC", 0, "b.doc"},
		{"file part with no filename", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"\r\n"
		 "\r\n"
		 "raw\r\n"
		 "--XyZ123--\r\n",
		 0, "file", true, "raw", 0, ""},
		{"empty part", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"empty.txt\"\r\n"
		 "\r\n"
		 "\r\n"
		 "--XyZ123--\r\n",
		 0, "file", true, "", 0, "empty.txt"},
		{"RFC 2046 5.1.1: a preamble before the first delimiter", CT,
		 "This is the preamble.\r\n"
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"p.txt\"\r\n"
		 "\r\n"
		 "body\r\n"
		 "--XyZ123--\r\n",
		 0, "file", true, "body", 0, "p.txt"},
		{"boundary text inside the data, not after CRLF", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"t.txt\"\r\n"
		 "\r\n"
		 "a--XyZ123b\n--XyZ123\r--XyZ123 end\r\n"
		 "--XyZ123--\r\n",
		 0, "file", true, "a--XyZ123b\n--XyZ123\r--XyZ123 end", 0, "t.txt"},
		{"binary data with NUL, CR, LF", "multipart/form-data; boundary=b", binary,
		 sizeof binary - 1, "file", true, "\x00\x01\r\n\r\nA--b--\r\x00", 14, "x.bin"},
		{"missing closing delimiter: the last part is refused", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
		 "\r\n"
		 "%PDF cut off",
		 0, "file", false, NULL, 0, NULL},
		{"missing closing delimiter, data ends in CRLF", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n"
		 "\r\n"
		 "%PDF\r\n",
		 0, "file", false, NULL, 0, NULL},
		{"body cut inside the headers", CT,
		 "--XyZ123\r\n"
		 "Content-Disposition: form-data; name=\"file\"; filename=\"a.pdf\"\r\n",
		 0, "file", false, NULL, 0, NULL},
		{"only the closing delimiter", CT, "--XyZ123--\r\n", 0, "file", false, NULL, 0,
		 NULL},
		{"the body does not contain the boundary", CT,
		 "--OTHER\r\n"
		 "Content-Disposition: form-data; name=\"file\"\r\n"
		 "\r\n"
		 "x\r\n"
		 "--OTHER--\r\n",
		 0, "file", false, NULL, 0, NULL},
		{"empty body", CT, "", 0, "file", false, NULL, 0, NULL},
		{"missing boundary", "multipart/form-data", two_parts, 0, "file", false, NULL, 0,
		 NULL},
		{"empty boundary", "multipart/form-data; boundary=", two_parts, 0, "file", false,
		 NULL, 0, NULL},
		{"empty quoted boundary", "multipart/form-data; boundary=\"\"", two_parts, 0,
		 "file", false, NULL, 0, NULL},
		{"unterminated quoted boundary", "multipart/form-data; boundary=\"XyZ123",
		 two_parts, 0, "file", false, NULL, 0, NULL},
		{"a parameter ending in 'boundary' is not the boundary",
		 "multipart/form-data; xboundary=XyZ123", two_parts, 0, "file", false, NULL, 0,
		 NULL},
		{"wrong content type: JSON", "application/json", two_parts, 0, "file", false, NULL,
		 0, NULL},
		{"wrong content type with a boundary", "text/plain; boundary=XyZ123", two_parts, 0,
		 "file", false, NULL, 0, NULL},
		{"multipart/mixed is not a form", "multipart/mixed; boundary=XyZ123", two_parts, 0,
		 "file", false, NULL, 0, NULL},
		{"no content type", NULL, two_parts, 0, "file", false, NULL, 0, NULL},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct mp_row *r = &rows[i];
		size_t len = r->len ? r->len : strlen(r->body);
		char *body = exact(r->body, len);
		struct fz_part part;
		memset(&part, 0, sizeof part);
		bool ok = fz_multipart_find(r->content_type, body, len, r->field, &part);
		bool good = ok == r->ok;
		size_t want_len = 0;
		if (good && ok) {
			want_len = r->data_len ? r->data_len : strlen(r->data);
			good = part.data >= body && part.data + part.len <= body + len &&
			       part.len == want_len && memcmp(part.data, r->data, want_len) == 0 &&
			       strcmp(part.filename, r->filename) == 0;
		}
		if (!good) {
			char got[128] = "", want[128] = "";
			if (ok && part.data >= body && part.data + part.len <= body + len)
				esc(part.data, part.len, got, sizeof got);
			if (r->data)
				esc(r->data, r->data_len ? r->data_len : strlen(r->data), want,
				    sizeof want);
			print_message("FAIL [%s] find(\"%s\", field %s) = %d \"%s\" (%zu bytes) "
				      "filename \"%s\", want %d \"%s\" filename \"%s\"\n",
				      r->name, r->content_type ? r->content_type : "NULL", r->field,
				      ok, got, ok ? part.len : 0, ok ? part.filename : "", r->ok,
				      want, r->filename ? r->filename : "");
			failures++;
		}
		free(body);
	}
	assert_int_equal(failures, 0);
}

/* Every prefix of a good body is refused or answered from inside the prefix. */
static void multipart_truncated_bodies(void **state)
{
	(void)state;
	size_t full = strlen(two_parts);
	int failures = 0;
	for (size_t len = 0; len < full; len++) {
		char *body = exact(two_parts, len);
		struct fz_part part;
		bool ok = fz_multipart_find(CT, body, len, "file", &part);
		/* The file part ends 14 bytes before the end ("\r\n--XyZ123--\r\n"). */
		bool want = len >= full - strlen("--\r\n");
		if (ok != want || (ok && (part.data + part.len > body + len ||
					  strcmp(part.filename, "公文.pdf") != 0))) {
			print_message("FAIL [prefix of %zu bytes] find = %d, want %d\n", len, ok,
				      want);
			failures++;
		}
		free(body);
	}
	assert_int_equal(failures, 0);
}

/* Long values are refused or cut inside their buffers, never written past them. */
static void multipart_long_values(void **state)
{
	(void)state;
	/* RFC 2046 5.1.1 allows boundaries of 1 to 70 characters; 200 is refused. */
	char ct[512], body[2048];
	char boundary[201];
	memset(boundary, 'q', 200);
	boundary[200] = '\0';
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=%s", boundary);
	static const char fmt[] =
		"--%s\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\nx\r\n--%s--\r\n";
	int n = snprintf(body, sizeof body, fmt, boundary, boundary);
	struct fz_part part;
	char *b = exact(body, (size_t)n);
	assert_false(fz_multipart_find(ct, b, (size_t)n, "file", &part));
	free(b);

	/* 70 characters, the most RFC 2046 allows, work. */
	boundary[70] = '\0';
	snprintf(ct, sizeof ct, "multipart/form-data; boundary=\"%s\"", boundary);
	n = snprintf(body, sizeof body, fmt, boundary, boundary);
	b = exact(body, (size_t)n);
	assert_true(fz_multipart_find(ct, b, (size_t)n, "file", &part));
	assert_int_equal(part.len, 1);
	free(b);

	/* A filename longer than the 256-byte field is cut and terminated. */
	char fname[401];
	memset(fname, 'f', 400);
	fname[400] = '\0';
	n = snprintf(body, sizeof body,
		     "--b\r\nContent-Disposition: form-data; name=\"file\"; filename=\"%s\"\r\n"
		     "\r\nx\r\n--b--\r\n",
		     fname);
	b = exact(body, (size_t)n);
	memset(&part, 0, sizeof part);
	bool ok = fz_multipart_find("multipart/form-data; boundary=b", b, (size_t)n, "file", &part);
	if (ok) {
		assert_true(strnlen(part.filename, sizeof part.filename) < sizeof part.filename);
		assert_int_equal(part.len, 1);
	}
	free(b);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(match_table),
		cmocka_unit_test(match_param_length),
		cmocka_unit_test(match_allow_bounds),
		cmocka_unit_test(router_add_limit),
		cmocka_unit_test(url_decode_table),
		cmocka_unit_test(multipart_table),
		cmocka_unit_test(multipart_truncated_bodies),
		cmocka_unit_test(multipart_long_values),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
