/*
 * test_numbering.c - unit tests of core/numbering.c: official document
 * numbers (文号) such as 青政信〔2026〕12号.
 *
 * For: formatting and parsing the form of 党政机关公文格式 GB/T 9704-2012
 * 7.2.4: the year in the tortoise-shell brackets 〔〕 (U+3014, U+3015), the
 * serial without leading zeros ("不编虚位"), "号" after it. Not for: keeping
 * serials per agency and year (platform/cases.c, tested through the API).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <limits.h>
#include <stdio.h>
#include <string.h>

#include "core/numbering.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

struct format_row {
	const char *name;
	const char *agency, *type;
	int year;
	long serial;
	const char *want; /* NULL: refused */
};

static void format_table(void **state)
{
	(void)state;
	static const struct format_row rows[] = {
		{"GB/T 9704-2012 7.2.4: 青政信〔2026〕12号", "青政", "信", 2026, 12,
		 "青政信〔2026〕12号"},
		{"7.2.4 不编虚位: serial 1 is \"1号\", not \"001号\"", "青政", "复", 2026, 1,
		 "青政复〔2026〕1号"},
		{"serial of five digits", "县司", "罚", 2025, 10234, "县司罚〔2025〕10234号"},
		{"first year accepted 1900", "青政", "信", 1900, 3, "青政信〔1900〕3号"},
		{"last year accepted 9999", "青政", "信", 9999, 3, "青政信〔9999〕3号"},
		{"serial 0 (serials start at 1)", "青政", "信", 2026, 0, NULL},
		{"negative serial", "青政", "信", 2026, -5, NULL},
		{"year 1899", "青政", "信", 1899, 1, NULL},
		{"year 10000 (five digits)", "青政", "信", 10000, 1, NULL},
		{"year 26 (two digits)", "青政", "信", 26, 1, NULL},
		{"no agency code", NULL, "信", 2026, 1, NULL},
		{"no type code", "青政", NULL, 2026, 1, NULL},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct format_row *r = &rows[i];
		char out[128] = "";
		bool ok = fz_number_format(out, sizeof out, r->agency, r->type, r->year, r->serial);
		bool good = r->want ? ok && strcmp(out, r->want) == 0 : !ok;
		if (!good) {
			print_message("FAIL [%s] format(%s, %s, %d, %ld) = %d \"%s\", want %s\n",
				      r->name, r->agency ? r->agency : "NULL",
				      r->type ? r->type : "NULL", r->year, r->serial, ok, out,
				      r->want ? r->want : "refused");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void format_truncation(void **state)
{
	(void)state;
	const char *want = "青政信〔2026〕12号";
	size_t need = strlen(want) + 1;
	char out[64];
	/* Exactly enough room, NUL included. */
	assert_true(fz_number_format(out, need, "青政", "信", 2026, 12));
	assert_string_equal(out, want);
	/* One byte short: refused, and what was written stays inside the buffer. */
	for (size_t size = 0; size < need; size++) {
		memset(out, 'x', sizeof out);
		if (fz_number_format(out, size, "青政", "信", 2026, 12)) {
			print_message("FAIL [size %zu of %zu] a truncated number was accepted\n",
				      size, need);
			fail();
		}
		for (size_t k = size; k < sizeof out; k++)
			if (out[k] != 'x') {
				print_message("FAIL [size %zu] byte %zu written outside\n", size,
					      k);
				fail();
			}
	}
	/* A truncated number must never parse as a shorter serial (12号 cut to 1). */
	for (size_t size = 1; size < need; size++) {
		int year = 0;
		long serial = 0;
		fz_number_format(out, size, "青政", "信", 2026, 12);
		if (fz_number_parse(out, &year, &serial)) {
			print_message("FAIL [size %zu] truncated \"%s\" parsed as %d/%ld\n", size,
				      out, year, serial);
			fail();
		}
	}
}

struct parse_row {
	const char *name;
	const char *in;
	bool ok;
	int year;
	long serial;
};

static void parse_table(void **state)
{
	(void)state;
	static const struct parse_row rows[] = {
		{"GB/T 9704-2012 7.2.4: 青政信〔2026〕12号", "青政信〔2026〕12号", true, 2026, 12},
		{"serial 1", "青政复〔2025〕1号", true, 2025, 1},
		{"long serial", "县司罚〔2024〕10234号", true, 2024, 10234},
		{"7.2.4: 【】 are not the brackets of a 文号", "青政信【2026】12号", false, 0, 0},
		{"ASCII brackets", "青政信[2026]12号", false, 0, 0},
		{"ASCII parentheses", "青政信(2026)12号", false, 0, 0},
		{"full-width parentheses （）", "青政信（2026）12号", false, 0, 0},
		{"〔 opened, 】 closed", "青政信〔2026】12号", false, 0, 0},
		{"7.2.4 不编虚位: leading zero 012", "青政信〔2026〕012号", false, 0, 0},
		{"7.2.4 不编虚位: leading zeros 001", "青政信〔2026〕001号", false, 0, 0},
		{"serial 0", "青政信〔2026〕0号", false, 0, 0},
		{"negative serial", "青政信〔2026〕-3号", false, 0, 0},
		{"plus sign on the serial", "青政信〔2026〕+3号", false, 0, 0},
		{"space before the serial", "青政信〔2026〕 3号", false, 0, 0},
		{"no serial", "青政信〔2026〕号", false, 0, 0},
		{"serial overflows long", "青政信〔2026〕99999999999999999999999号", false, 0, 0},
		{"two-digit year", "青政信〔26〕12号", false, 0, 0},
		{"five-digit year", "青政信〔20260〕12号", false, 0, 0},
		{"year with a sign (+202)", "青政信〔+202〕12号", false, 0, 0},
		{"year with a minus (-202)", "青政信〔-202〕12号", false, 0, 0},
		{"year with a leading space", "青政信〔 202〕12号", false, 0, 0},
		{"year 0000", "青政信〔0000〕12号", false, 0, 0},
		{"year 1899, before any format accepts", "青政信〔1899〕12号", false, 0, 0},
		{"full-width digits in the year", "青政信〔２０２６〕12号", false, 0, 0},
		{"year with letters", "青政信〔20a6〕12号", false, 0, 0},
		{"truncated: no 号", "青政信〔2026〕12", false, 0, 0},
		{"truncated: inside 号 (E5 8F)", "青政信〔2026〕12\xE5\x8F", false, 0, 0},
		{"truncated: after the year", "青政信〔2026〕", false, 0, 0},
		{"truncated: inside 〕 (E3 80)", "青政信〔2026\xE3\x80", false, 0, 0},
		{"truncated: inside the year", "青政信〔20", false, 0, 0},
		{"truncated: after 〔", "青政信〔", false, 0, 0},
		{"no brackets at all", "青政信2026年12号", false, 0, 0},
		{"traditional 號", "青政信〔2026〕12號", false, 0, 0},
		{"text after 号", "青政信〔2026〕12号附件", false, 0, 0},
		{"space after 号", "青政信〔2026〕12号 ", false, 0, 0},
		{"empty", "", false, 0, 0},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct parse_row *r = &rows[i];
		int year = -1;
		long serial = -1;
		bool ok = fz_number_parse(r->in, &year, &serial);
		bool good = ok == r->ok && (ok ? year == r->year && serial == r->serial
					       : year == -1 && serial == -1);
		if (!good) {
			print_message("FAIL [%s] parse(\"%s\") = %d %d/%ld, want %d %d/%ld%s\n",
				      r->name, r->in, ok, year, serial, r->ok, r->year, r->serial,
				      !ok && (year != -1 || serial != -1)
					      ? " (failed parse wrote its output)"
					      : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

struct trip_row {
	const char *agency, *type;
	int year;
	long serial;
};

static void format_parse_round_trip(void **state)
{
	(void)state;
	static const struct trip_row rows[] = {
		{"青政", "信", 2026, 12},   {"青政", "复", 1900, 1},  {"县司", "罚", 9999, 999999},
		{"青市监", "许", 2025, 10}, {"A", "B", 2030, LONG_MAX},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct trip_row *r = &rows[i];
		char out[128];
		int year = 0;
		long serial = 0;
		bool ok =
			fz_number_format(out, sizeof out, r->agency, r->type, r->year, r->serial) &&
			fz_number_parse(out, &year, &serial) && year == r->year &&
			serial == r->serial;
		if (!ok) {
			print_message("FAIL [%s%s %d %ld] round trip via \"%s\" gave %d/%ld\n",
				      r->agency, r->type, r->year, r->serial, out, year, serial);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(format_table),
		cmocka_unit_test(format_truncation),
		cmocka_unit_test(parse_table),
		cmocka_unit_test(format_parse_round_trip),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
