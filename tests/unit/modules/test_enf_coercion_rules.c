/*
 * test_enf_coercion_rules.c - unit tests of the coercion case's rules that
 * need no I/O (modules/enforcement/enf_coercion.c, 行政强制法 2011).
 *
 * For: the 24 hours of 第19条, the time of day they are counted from, the
 * months of 第53条 and 行政诉讼法 第46条. Not for: the procedure through the
 * store and the routes (tests/api/enf_coercion.test.mjs).
 *
 * Rows name the article they check; expected values are written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/enforcement/enf_int.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static int day(const char *s)
{
	int d;
	if (fz_date_parse(s, &d) != FZ_OK)
		fail_msg("test bug: bad date %s", s);
	return d;
}

static void test_months(void **state)
{
	(void)state;
	static const struct {
		const char *article, *from;
		int months;
		const char *to;
	} rows[] = {
	    {"第53条 三个月", "2025-09-03", 3, "2025-12-03"},
	    {"第53条 三个月 over a year end", "2025-11-20", 3, "2026-02-20"},
	    {"第53条 三个月 to a shorter month", "2025-11-30", 3, "2026-02-28"},
	    {"第53条 三个月 to 29 Feb", "2027-11-30", 3, "2028-02-29"},
	    {"行政诉讼法 第46条 六个月", "2025-03-03", 6, "2025-09-03"},
	    {"行政诉讼法 第46条 六个月 from 31 Aug", "2025-08-31", 6, "2026-02-28"},
	    {"行政诉讼法 第46条 六个月 over a year end", "2026-08-10", 6, "2027-02-10"},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		char got[11];
		fz_date_format(fz_coe_add_months(day(rows[i].from), rows[i].months), got);
		if (strcmp(got, rows[i].to) != 0)
			fail_msg("%s: %s + %d months -> %s, want %s", rows[i].article, rows[i].from,
				 rows[i].months, got, rows[i].to);
	}
	char got[11];
	fz_date_format(fz_coe_remedy_end(day("2025-05-20")), got);
	assert_string_equal(got, "2025-11-20");
}

static void test_time(void **state)
{
	(void)state;
	static const struct {
		const char *s;
		bool ok;
		int minutes;
	} rows[] = {
	    {"00:00", true, 0},	 {"09:30", true, 570}, {"23:59", true, 1439}, {"24:00", false, 0},
	    {"12:60", false, 0}, {"9:30", false, 0},   {"09-30", false, 0},   {"0930", false, 0},
	    {"09:3a", false, 0}, {"", false, 0},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		int m = -1;
		bool ok = fz_coe_parse_time(rows[i].s, &m);
		if (ok != rows[i].ok || (ok && m != rows[i].minutes))
			fail_msg("time \"%s\" -> %d %d, want %d %d", rows[i].s, ok, m, rows[i].ok,
				 rows[i].minutes);
	}
	assert_false(fz_coe_parse_time(NULL, &(int){0}));
}

static void test_24_hours(void **state)
{
	(void)state;
	static const struct {
		const char *article, *taken;
		int taken_min;
		const char *approved;
		int approved_min;
		bool ok;
	} rows[] = {
	    {"第19条 the same hour", "2026-01-20", 600, "2026-01-20", 600, true},
	    {"第19条 exactly 24 hours", "2026-01-20", 600, "2026-01-21", 600, true},
	    {"第19条 one minute late", "2026-01-20", 600, "2026-01-21", 601, false},
	    {"第19条 over midnight", "2026-01-20", 1430, "2026-01-21", 1420, true},
	    {"第19条 over a month end", "2026-01-31", 1439, "2026-02-01", 1439, true},
	    {"第19条 before the measure", "2026-01-20", 600, "2026-01-20", 599, false},
	    {"第19条 two days on", "2026-01-20", 0, "2026-01-22", 0, false},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		bool ok = fz_coe_within_24h(day(rows[i].taken), rows[i].taken_min,
					    day(rows[i].approved), rows[i].approved_min);
		if (ok != rows[i].ok)
			fail_msg("%s: %s %d -> %s %d gives %d", rows[i].article, rows[i].taken,
				 rows[i].taken_min, rows[i].approved, rows[i].approved_min, ok);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_months),
	    cmocka_unit_test(test_time),
	    cmocka_unit_test(test_24_hours),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
