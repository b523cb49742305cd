/*
 * test_search.c - unit tests of platform/search.c: a list's keyword as an
 * FTS5 trigram phrase or as an escaped LIKE pattern.
 *
 * For: the three-character threshold, quote doubling, LIKE escaping, NULL
 * keywords and cutting at the buffer's end. Not for: the lists' SQL (the API
 * tests search every list). Each test runs alone: `test_platform_search 'like*'`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "platform/search.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static void phrase_table(void **state)
{
	(void)state;
	static const struct {
		const char *q, *want; /* want NULL: too short for a trigram phrase */
	} rows[] = {
		{NULL, NULL},
		{"", NULL},
		{"ab", NULL},
		{"信息", NULL},          /* two characters, six bytes */
		{"abc", "\"abc\""},
		{"政府信", "\"政府信\""},
		{"a\"b", "\"a\"\"b\""}, /* inner quote doubled */
		{"x OR y", "\"x OR y\""}, /* operators stay inside the phrase */
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		char out[64] = "untouched";
		bool got = fz_search_phrase(rows[i].q, out, sizeof out);
		const char *want = rows[i].want ? rows[i].want : "untouched";
		if (got != (rows[i].want != NULL) || strcmp(out, want) != 0) {
			print_message("FAIL fz_search_phrase(\"%s\") = %d \"%s\", want \"%s\"\n",
				      rows[i].q ? rows[i].q : "(null)", got, out, want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void like_table(void **state)
{
	(void)state;
	static const struct {
		const char *q, *want;
	} rows[] = {
		{NULL, "%%"},
		{"", "%%"},
		{"张", "%张%"},
		{"50%", "%50\\%%"},
		{"a_b", "%a\\_b%"},
		{"c:\\d", "%c:\\\\d%"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		char out[64];
		fz_search_like(rows[i].q, out, sizeof out);
		if (strcmp(out, rows[i].want) != 0) {
			print_message("FAIL fz_search_like(\"%s\") = \"%s\", want \"%s\"\n",
				      rows[i].q ? rows[i].q : "(null)", out, rows[i].want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* A keyword longer than the buffer is cut and still closed and terminated. */
static void cut_at_buffer_end(void **state)
{
	(void)state;
	char out[8];
	assert_true(fz_search_phrase("abcdefghij", out, sizeof out));
	assert_string_equal(out, "\"abcd\"");
	fz_search_like("%%%%%%", out, sizeof out);
	assert_string_equal(out, "%\\%\\%%");
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phrase_table),
		cmocka_unit_test(like_table),
		cmocka_unit_test(cut_at_buffer_end),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
