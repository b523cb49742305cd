/*
 * test_enf_benchmark_rules.c - unit tests of modules/enforcement/enf_benchmark_rules.c,
 * the rules of a discretion benchmark (裁量基准) that need no I/O.
 *
 * For: what a row may say (levels, kinds of 第9条, fine bounds, 不予处罚 only
 * for 轻微 under 第33条), whether a penalty lies inside a row, the range in
 * words. Not for: versions, cases and routes (tests/api/enf_benchmark.test.mjs).
 * Expected values are written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_benchmark_rules.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static struct fz_bench_row row(const char *level, const char *kinds, long min, long max, bool np)
{
	static char buf[8][200];
	static int next;
	char *b = buf[next++ % 8];
	snprintf(b, 200, "%s", kinds);
	struct fz_bench_row r = {.level = level,
				 .circumstances = "情形",
				 .fine_min = min,
				 .fine_max = max,
				 .no_penalty = np};
	fz_bench_kinds_split(b, &r);
	return r;
}

static void test_row_check(void **state)
{
	(void)state;
	static const struct {
		const char *why, *level, *kinds;
		long min, max;
		bool np;
		const char *field; /* NULL: valid */
	} rows[] = {
	    {"fine range", "general", "fine", 2000, 10000, false, NULL},
	    {"fine up to a maximum only", "general", "fine", -1, 5000, false, NULL},
	    {"equal bounds", "serious", "fine", 5000, 5000, false, NULL},
	    {"warning alone", "minor", "warning", -1, -1, false, NULL},
	    {"第33条 首违不罚 for 轻微", "minor", "", -1, -1, true, NULL},
	    {"第33条 不予处罚 not for 一般", "general", "fine", 0, 100, true, "no_penalty"},
	    {"unknown level", "heavy", "fine", 0, 100, false, "level"},
	    {"not a 第9条 kind", "grave", "detention", -1, -1, false, "kinds"},
	    {"kind twice", "grave", "fine,fine", 0, 100, false, "kinds"},
	    {"nothing allowed", "general", "", -1, -1, false, "kinds"},
	    {"fine without a maximum", "general", "fine", 100, -1, false, "fine_max"},
	    {"maximum zero", "general", "fine", 0, 0, false, "fine_max"},
	    {"bounds reversed", "general", "fine", 9000, 800, false, "fine_min"},
	    {"bounds without a fine", "general", "warning", 0, 100, false, "fine_min"},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct fz_bench_row r =
		    row(rows[i].level, rows[i].kinds, rows[i].min, rows[i].max, rows[i].np);
		const char *field = NULL;
		char msg[200] = "";
		bool ok = fz_bench_row_check(&r, &field, msg, sizeof msg);
		if (ok != (rows[i].field == NULL))
			fail_msg("%s: check %s (%s)", rows[i].why, ok ? "passed" : "failed", msg);
		if (!ok && strcmp(field, rows[i].field) != 0)
			fail_msg("%s: field %s, want %s", rows[i].why, field, rows[i].field);
		if (!ok && !msg[0])
			fail_msg("%s: no message", rows[i].why);
	}
	struct fz_bench_row blank = row("general", "fine", 0, 10, false);
	blank.circumstances = "  ";
	const char *field;
	char msg[200];
	assert_false(fz_bench_row_check(&blank, &field, msg, sizeof msg));
	assert_string_equal(field, "circumstances");
}

static void test_inside(void **state)
{
	(void)state;
	struct fz_bench_row general = row("general", "fine", 2000, 10000, false);
	struct fz_bench_row serious = row("serious", "fine,confiscation", 10000, 30000, false);
	struct fz_bench_row minor = row("minor", "warning,fine", -1, 2000, true);
	static const struct {
		const char *why;
		int r; /* 0 general, 1 serious, 2 minor */
		bool punish;
		const char *kind;
		long fine;
		bool inside;
		const char *field;
	} rows[] = {
	    {"lower bound is inside", 0, true, "fine", 2000, true, NULL},
	    {"upper bound is inside", 0, true, "fine", 10000, true, NULL},
	    {"one below", 0, true, "fine", 1999, false, "fine"},
	    {"one above", 0, true, "fine", 10001, false, "fine"},
	    {"kind not allowed", 0, true, "warning", 0, false, "kind"},
	    {"no kind", 0, true, NULL, 0, false, "kind"},
	    {"not punishing where the row does not allow it", 0, false, NULL, 0, false, "kind"},
	    {"confiscation allowed", 1, true, "confiscation", 0, true, NULL},
	    {"confiscation with a fine in range", 1, true, "confiscation", 20000, true, NULL},
	    {"confiscation with a fine out of range", 1, true, "confiscation", 40000, false,
	     "fine"},
	    {"suspension not allowed", 1, true, "suspend_business", 0, false, "kind"},
	    {"第33条 首违不罚 in 轻微", 2, false, NULL, 0, true, NULL},
	    {"warning in 轻微", 2, true, "warning", 0, true, NULL},
	    {"small fine in 轻微 (no minimum)", 2, true, "fine", 1, true, NULL},
	    {"fine above 轻微", 2, true, "fine", 2001, false, "fine"},
	};
	const struct fz_bench_row *rs[] = {&general, &serious, &minor};
	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *field = NULL;
		char why[600] = "";
		bool in = fz_bench_inside(rs[rows[i].r], rows[i].punish, rows[i].kind, rows[i].fine,
					  &field, why, sizeof why);
		if (in != rows[i].inside)
			fail_msg("%s: inside %d, want %d", rows[i].why, in, rows[i].inside);
		if (!in && (strcmp(field, rows[i].field) != 0 || !why[0]))
			fail_msg("%s: field %s, want %s (%s)", rows[i].why, field, rows[i].field,
				 why);
	}
}

static void test_range_text(void **state)
{
	(void)state;
	char out[400];
	struct fz_bench_row a = row("general", "fine", 2000, 10000, false);
	fz_bench_range_text(&a, out, sizeof out);
	assert_string_equal(out, "罚款 2000 元以上 10000 元以下");
	struct fz_bench_row b = row("minor", "warning,fine", 0, 2000, true);
	fz_bench_range_text(&b, out, sizeof out);
	assert_string_equal(out, "警告；罚款 2000 元以下；可以不予行政处罚（首违不罚）");
	struct fz_bench_row c = row("grave", "fine,suspend_business", 30000, 50000, false);
	fz_bench_range_text(&c, out, sizeof out);
	assert_string_equal(out, "罚款 30000 元以上 50000 元以下；责令停产停业");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_row_check),
	    cmocka_unit_test(test_inside),
	    cmocka_unit_test(test_range_text),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
