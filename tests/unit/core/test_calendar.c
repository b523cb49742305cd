/*
 * test_calendar.c - unit tests of core/calendar.c on the shipped official
 * calendar (data/cn-calendar.csv, found through $FZ_TEST_DATA).
 *
 * For: date parsing and arithmetic, working days, WD and CD periods
 * (spec/statutory-rules.md "How periods are counted"), CSV loading.
 * Not for: clocks with pauses and extensions (test_clock.c).
 *
 * Every expected value was worked out by hand from the CSV and a printed
 * calendar; the reasoning is in the comment on the row. In the reasoning
 * "H" is an official holiday, "W" a make-up working day (调休上班).
 * Each test loads its own calendar, so any one runs alone:
 * `test_core_calendar 'add_*'` runs the tests whose names match the pattern.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- fixtures ------------------------------------------------------- */

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	size_t cap = 1 << 16, n = 0;
	char *buf = malloc(cap);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
		if (n == cap) {
			char *grown = realloc(buf, cap * 2);
			if (!grown) {
				free(buf);
				buf = NULL;
				break;
			}
			buf = grown;
			cap *= 2;
		}
	}
	fclose(f);
	*len = n;
	return buf;
}

static int setup_official(void **state)
{
	const char *dir = getenv("FZ_TEST_DATA");
	if (!dir) {
		print_message("FZ_TEST_DATA is not set (meson sets it to the data/ folder)\n");
		return -1;
	}
	char path[4096];
	snprintf(path, sizeof path, "%s/cn-calendar.csv", dir);
	size_t len = 0;
	char *text = read_file(path, &len);
	if (!text) {
		print_message("cannot read %s\n", path);
		return -1;
	}
	struct fz_calendar *cal = fz_calendar_new();
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = cal ? fz_calendar_load_csv(cal, text, len, &err) : FZ_EINTERNAL;
	free(text);
	if (rc != FZ_OK) {
		print_message("cannot load %s: %s\n", path, err.message);
		fz_calendar_free(cal);
		return -1;
	}
	*state = cal;
	return 0;
}

static int teardown_official(void **state)
{
	fz_calendar_free(*state);
	return 0;
}

/* A date written in a row; the rows are known-good, so a bad one is a test bug. */
static int D(const char *s)
{
	int day = 0;
	if (fz_date_parse(s, &day) != FZ_OK)
		fail_msg("test row has a malformed date \"%s\"", s);
	return day;
}

static const char *fmt(int day, char buf[11])
{
	fz_date_format(day, buf);
	return buf;
}

/* ---- dates ---------------------------------------------------------- */

struct parse_row {
	const char *name;
	const char *in;
	enum fz_code code;
	int day; /* days since 1970-01-01 when code == FZ_OK */
};

static void date_parse_table(void **state)
{
	(void)state;
	/*
	 * Anchors: 2000-01-01 = 946684800 s / 86400 = 10957; 2024-01-01 = 1704067200 s
	 * / 86400 = 19723; 2026-01-01 = 19723 + 366 (2024) + 365 (2025) = 20454;
	 * 1990-01-01 = 20 * 365 + 5 leap days (1972..1988) = 7305; 2101-01-01 =
	 * 10957 + 101 * 365 + 25 leap days (2000..2096) = 47847.
	 */
	static const struct parse_row rows[] = {
		{"valid: 2026-10-01 = 20454 + 273 (Jan..Sep 2026)", "2026-10-01", FZ_OK, 20727},
		{"leap year: 2024-02-29 = 19723 + 31 + 28", "2024-02-29", FZ_OK, 19782},
		{"leap century: 2000-02-29 = 10957 + 31 + 28", "2000-02-29", FZ_OK, 11016},
		{"first supported day 1990-01-01", "1990-01-01", FZ_OK, 7305},
		{"last supported day 2100-12-31 = 47847 - 1", "2100-12-31", FZ_OK, 47846},
		{"Feb 29 in a common year", "2025-02-29", FZ_EBAD_DATE, 0},
		{"Feb 29 in 2100 (century, not leap)", "2100-02-29", FZ_EBAD_DATE, 0},
		{"Feb 30", "2024-02-30", FZ_EBAD_DATE, 0},
		{"April has 30 days", "2026-04-31", FZ_EBAD_DATE, 0},
		{"month 13", "2026-13-01", FZ_EBAD_DATE, 0},
		{"month 00", "2026-00-10", FZ_EBAD_DATE, 0},
		{"day 00", "2026-01-00", FZ_EBAD_DATE, 0},
		{"no zero padding", "2026-1-1", FZ_EBAD_DATE, 0},
		{"day not padded", "2026-01-1", FZ_EBAD_DATE, 0},
		{"trailing junk", "2026-01-01x", FZ_EBAD_DATE, 0},
		{"trailing space", "2026-01-01 ", FZ_EBAD_DATE, 0},
		{"leading space", " 2026-01-01", FZ_EBAD_DATE, 0},
		{"empty", "", FZ_EBAD_DATE, 0},
		{"no dashes", "20260101", FZ_EBAD_DATE, 0},
		{"slashes", "2026/01/01", FZ_EBAD_DATE, 0},
		{"letter in month", "2026-0a-01", FZ_EBAD_DATE, 0},
		{"sign instead of digit", "-026-01-01", FZ_EBAD_DATE, 0},
		{"year before FZ_CAL_MIN_YEAR", "1989-12-31", FZ_EBAD_DATE, 0},
		{"year after FZ_CAL_MAX_YEAR", "2101-01-01", FZ_EBAD_DATE, 0},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct parse_row *r = &rows[i];
		int day = -12345;
		enum fz_code code = fz_date_parse(r->in, &day);
		bool ok = code == r->code && (code != FZ_OK || day == r->day);
		if (code != FZ_OK && day != -12345) {
			print_message("  [%s] \"%s\": failed parse wrote its output\n", r->name,
				      r->in);
			ok = false;
		}
		if (!ok) {
			print_message("FAIL [%s] parse \"%s\": got %s/%d, want %s/%d\n", r->name,
				      r->in, fz_code_name(code), day, fz_code_name(r->code),
				      r->day);
			failures++;
		}
	}
	assert_int_equal(fz_date_parse(NULL, NULL), FZ_EBAD_DATE);
	assert_int_equal(failures, 0);
}

struct format_row {
	const char *name;
	int day;
	const char *out;
};

static void date_format_and_ymd(void **state)
{
	(void)state;
	static const struct format_row rows[] = {
		{"epoch day 0", 0, "1970-01-01"},
		{"20727 (see date_parse_table)", 20727, "2026-10-01"},
		{"19782 leap day", 19782, "2024-02-29"},
		{"11016 leap century", 11016, "2000-02-29"},
		{"7305 first supported", 7305, "1990-01-01"},
		{"47846 last supported", 47846, "2100-12-31"},
		{"2024-01-01 - 1 = 2023-12-31", 19722, "2023-12-31"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		char buf[11];
		fmt(rows[i].day, buf);
		int y, m, d;
		fz_date_to_ymd(rows[i].day, &y, &m, &d);
		char back[11];
		snprintf(back, sizeof back, "%04d-%02d-%02d", y, m, d);
		if (strcmp(buf, rows[i].out) != 0 || strcmp(back, rows[i].out) != 0 ||
		    fz_date_from_ymd(y, m, d) != rows[i].day) {
			print_message("FAIL [%s] day %d: format %s, ymd %s, want %s\n",
				      rows[i].name, rows[i].day, buf, back, rows[i].out);
			failures++;
		}
	}
	/* Out-of-range months and days are normalised: 2026-13-01 is 2027-01-01 =
	 * 20454 + 365; 2026-01-32 is 2026-02-01 = 20454 + 31; 2026-00-01 is
	 * 2025-12-01 = 20454 - 31. */
	assert_int_equal(fz_date_from_ymd(2026, 13, 1), 20819);
	assert_int_equal(fz_date_from_ymd(2026, 1, 32), 20485);
	assert_int_equal(fz_date_from_ymd(2026, 0, 1), 20423);
	assert_int_equal(failures, 0);
}

struct weekday_row {
	const char *name;
	const char *date;
	int weekday; /* 1 = Monday ... 7 = Sunday */
};

static void date_weekday_table(void **state)
{
	(void)state;
	static const struct weekday_row rows[] = {
		{"2026-10-01 Thursday (State Council notice: 10月1日（周四）)", "2026-10-01", 4},
		{"2024-01-01 Monday (notice: 元旦 与周末连休, 1 Jan a Monday)", "2024-01-01", 1},
		{"2025-02-08 Saturday (make-up Saturday 2月8日（周六）)", "2025-02-08", 6},
		{"2026-01-04 Sunday (make-up Sunday 1月4日（周日）)", "2026-01-04", 7},
		{"2000-01-01 Saturday", "2000-01-01", 6},
		{"1990-01-01 Monday", "1990-01-01", 1},
		{"2024-02-29 Thursday", "2024-02-29", 4},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		int got = fz_date_weekday(D(rows[i].date));
		if (got != rows[i].weekday) {
			print_message("FAIL [%s] weekday(%s) = %d, want %d\n", rows[i].name,
				      rows[i].date, got, rows[i].weekday);
			failures++;
		}
	}
	/* Day 0 was a Thursday, day -1 a Wednesday: negative days must not break. */
	assert_int_equal(fz_date_weekday(0), 4);
	assert_int_equal(fz_date_weekday(-1), 3);
	assert_int_equal(failures, 0);
}

/* ---- working days --------------------------------------------------- */

struct workday_row {
	const char *name;
	const char *date;
	enum fz_code code;
	bool work;
	enum fz_day_kind kind;
	const char *day_name; /* NULL: none */
};

static void is_workday_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct workday_row rows[] = {
		{"国庆节 holiday on a Thursday", "2026-10-01", FZ_OK, false, FZ_DAY_HOLIDAY,
		 "国庆节"},
		{"元旦 holiday on a Saturday (2026-01-03)", "2026-01-03", FZ_OK, false,
		 FZ_DAY_HOLIDAY, "元旦"},
		{"端午节 holiday on a Monday (2024-06-10)", "2024-06-10", FZ_OK, false,
		 FZ_DAY_HOLIDAY, "端午节"},
		{"make-up Sunday 2026-01-04 (元旦调休上班)", "2026-01-04", FZ_OK, true,
		 FZ_DAY_WORKDAY, "元旦调休上班"},
		{"make-up Saturday 2026-10-10 (国庆节调休上班)", "2026-10-10", FZ_OK, true,
		 FZ_DAY_WORKDAY, "国庆节调休上班"},
		{"make-up Saturday 2025-02-08 (春节调休上班)", "2025-02-08", FZ_OK, true,
		 FZ_DAY_WORKDAY, "春节调休上班"},
		{"ordinary Saturday 2026-03-07", "2026-03-07", FZ_OK, false, FZ_DAY_NORMAL, NULL},
		{"ordinary Sunday 2026-03-08", "2026-03-08", FZ_OK, false, FZ_DAY_NORMAL, NULL},
		{"ordinary Monday 2026-03-09", "2026-03-09", FZ_OK, true, FZ_DAY_NORMAL, NULL},
		{"ordinary Friday 2024-12-27", "2024-12-27", FZ_OK, true, FZ_DAY_NORMAL, NULL},
		{"2023-12-31: 2023 not loaded", "2023-12-31", FZ_EDATE_RANGE, false, FZ_DAY_NORMAL,
		 NULL},
		{"2027-01-01: 2027 not loaded", "2027-01-01", FZ_EDATE_RANGE, false, FZ_DAY_NORMAL,
		 NULL},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct workday_row *r = &rows[i];
		int day = D(r->date);
		bool work = !r->work; /* a failed call must leave it alone */
		bool before = work;
		enum fz_code code = fz_calendar_is_workday(cal, day, &work);
		enum fz_day_kind kind = fz_calendar_kind(cal, day);
		const char *nm = fz_calendar_day_name(cal, day);
		bool ok = code == r->code && kind == r->kind &&
			  (r->day_name ? nm && strcmp(nm, r->day_name) == 0 : nm == NULL);
		if (code == FZ_OK)
			ok = ok && work == r->work;
		else
			ok = ok && work == before;
		if (!ok) {
			print_message(
				"FAIL [%s] %s: got %s work=%d kind=%d name=%s, want %s work=%d "
				"kind=%d name=%s\n",
				r->name, r->date, fz_code_name(code), work, kind,
				nm ? nm : "(none)", fz_code_name(r->code), r->work, r->kind,
				r->day_name ? r->day_name : "(none)");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

struct period_row {
	const char *name;
	const char *from;
	int n;
	enum fz_code code;
	const char *want; /* when code == FZ_OK */
};

static int run_periods(const struct fz_calendar *cal, const struct period_row *rows, size_t n,
		       bool workdays)
{
	int failures = 0;
	for (size_t i = 0; i < n; i++) {
		const struct period_row *r = &rows[i];
		int out = -777;
		enum fz_code code = workdays ? fz_calendar_add_workdays(cal, D(r->from), r->n, &out)
					     : fz_calendar_add_days(cal, D(r->from), r->n, &out);
		char got[11] = "(none)";
		if (code == FZ_OK)
			fmt(out, got);
		bool ok = code == r->code &&
			  (code == FZ_OK ? strcmp(got, r->want) == 0 : out == -777);
		if (!ok) {
			print_message("FAIL [%s] %s + %d %s: got %s %s, want %s %s\n", r->name,
				      r->from, r->n, workdays ? "WD" : "CD", fz_code_name(code),
				      got, fz_code_name(r->code), r->want ? r->want : "");
			failures++;
		}
	}
	return failures;
}

static void add_workdays_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct period_row rows[] = {
		/* 09-26 H, 09-27 H, 09-28..30 = 1..3, 10-01..07 H, 10-08 4, 10-09 5,
		 * 10-10 Sat W 6, 10-12..16 = 7..11, 10-19..23 = 12..16, 10-26..29 = 17..20. */
		{"政府信息公开条例 第33条: 20 WD from 2026-09-25, Mid-Autumn + National Day",
		 "2026-09-25", 20, FZ_OK, "2026-10-29"},
		/* 10-01..07 H, 10-08 1, 10-09 2, 10-10 W 3, 10-12..16 = 4..8, 10-19..23 =
		 * 9..13, 10-26..30 = 14..18, 11-02 19, 11-03 20. */
		{"政府信息公开条例 第33条: 20 WD from 2026-09-30 (National Day 2026)", "2026-09-30",
		 20, FZ_OK, "2026-11-03"},
		/* 09-28 Sat rest, 09-29 Sun W 1, 09-30 2, 10-01..07 H, 10-08..11 = 3..6,
		 * 10-12 Sat W 7, 10-14..18 = 8..12, 10-21..25 = 13..17, 10-28..30 = 18..20. */
		{"政府信息公开条例 第33条: 20 WD from 2024-09-27, National Day 2024", "2024-09-27",
		 20, FZ_OK, "2024-10-30"},
		/* 09-27 Sat rest, 09-28 Sun W 1, 09-29 2, 09-30 3, 10-01..08 H, 10-09 4,
		 * 10-10 5, 10-11 Sat W 6, 10-12 Sun rest, 10-13..16 = 7..10. */
		{"行政复议法 第48条: 10 WD from 2025-09-26 (National Day 2025)", "2025-09-26", 10,
		 FZ_OK, "2025-10-16"},
		/* 01-25 Sat rest, 01-26 Sun W 1, 01-27 2, 01-28..02-04 H, 02-05..07 = 3..5,
		 * 02-08 Sat W 6, 02-09 Sun rest, 02-10 7. */
		{"政府信息公开条例 第30条: 7 WD from 2025-01-24 (Spring Festival 2025)",
		 "2025-01-24", 7, FZ_OK, "2025-02-10"},
		/* 02-13 Fri 1, 02-14 Sat W 2, 02-15..23 H, 02-24..26 = 3..5. */
		{"行政复议法 第30条: 5 WD from 2026-02-12 (Spring Festival 2026)", "2026-02-12", 5,
		 FZ_OK, "2026-02-26"},
		/* 02-11..13 = 1..3, 02-14 W 4, 02-15..23 H, 02-24..27 = 5..8, 02-28 Sat W 9,
		 * 03-01 Sun rest, 03-02..06 = 10..14, 03-09..13 = 15..19, 03-16 20. */
		{"行政许可法 第42条: 20 WD from 2026-02-10, both 2026 Spring Festival make-up days",
		 "2026-02-10", 20, FZ_OK, "2026-03-16"},
		/* 02-09 Fri 1, 02-10..17 H, 02-18 Sun W 2, 02-19..21 = 3..5. */
		{"行政复议法 第30条: 5 WD from 2024-02-08 (Spring Festival 2024)", "2024-02-08", 5,
		 FZ_OK, "2024-02-21"},
		/* 05-01..05 H, 05-06..10 = 1..5, 05-11 Sat W 6. */
		{"6 WD from 2024-04-30 end on make-up Saturday 2024-05-11 (Labour Day 2024)",
		 "2024-04-30", 6, FZ_OK, "2024-05-11"},
		/* 12-31 Wed 1, 2026-01-01..03 H, 01-04 Sun W 2, 01-05 3. */
		{"行政处罚法 第48条: 3 WD from 2025-12-30 across New Year 2026", "2025-12-30", 3,
		 FZ_OK, "2026-01-05"},
		/* 2025-01-01 H, 01-02 Thu 1. */
		{"1 WD from 2024-12-31 across New Year 2025", "2024-12-31", 1, FZ_OK, "2025-01-02"},
		{"1 WD from Friday 2026-10-09 is make-up Saturday 2026-10-10", "2026-10-09", 1,
		 FZ_OK, "2026-10-10"},
		{"1 WD from make-up Saturday 2026-10-10 skips Sunday to 2026-10-12", "2026-10-10",
		 1, FZ_OK, "2026-10-12"},
		{"n = 0 gives the day itself, even a holiday", "2026-10-01", 0, FZ_OK,
		 "2026-10-01"},
		/* 2026-12-21..25 = 1..5, 12-28..31 = 6..9, then 2027 is not loaded. */
		{"20 WD from 2026-12-20 runs into unloaded 2027", "2026-12-20", 20, FZ_EDATE_RANGE,
		 NULL},
		{"20 WD from 2027-12-20: start year 2027 not loaded", "2027-12-20", 20,
		 FZ_EDATE_RANGE, NULL},
		{"start day 2023-12-31 not loaded (though not counted)", "2023-12-31", 1,
		 FZ_EDATE_RANGE, NULL},
		/* 12-31 Thu 1, 2027-01-01 unknown. */
		{"2 WD from 2026-12-30 needs 2027", "2026-12-30", 2, FZ_EDATE_RANGE, NULL},
		{"negative n", "2026-03-09", -1, FZ_EBAD_VALUE, NULL},
	};
	assert_int_equal(run_periods(cal, rows, NROWS(rows), true), 0);
}

static void add_days_table(void **state)
{
	const struct fz_calendar *cal = *state;
	/* 民事诉讼法 第85条: the end moves off a rest day, but not off a make-up working day. */
	static const struct period_row rows[] = {
		/* 09-18 + 15 = 10-03 H; 10-04..07 H; 10-08 Thu. */
		{"信访工作条例 第22条: 15 CD from 2026-09-18 ends in National Day, rolls to 10-08",
		 "2026-09-18", 15, FZ_OK, "2026-10-08"},
		/* 08-11 + 20 = 08-31, + 30 = 09-30, + 10 = 10-10, a make-up Saturday: stays. */
		{"行政复议法 第62条: 60 CD from 2026-08-11 ends on make-up Saturday, no roll",
		 "2026-08-11", 60, FZ_OK, "2026-10-10"},
		{"2 CD from 2026-10-08 ends on make-up Saturday 10-10, no roll", "2026-10-08", 2,
		 FZ_OK, "2026-10-10"},
		{"3 CD from 2026-10-08 ends on ordinary Sunday 10-11, rolls to Monday",
		 "2026-10-08", 3, FZ_OK, "2026-10-12"},
		/* 03-13 + 15 = 03-28 Sat; 03-29 Sun; 03-30 Mon. */
		{"15 CD from 2026-03-13 ends on a Saturday, rolls to Monday", "2026-03-13", 15,
		 FZ_OK, "2026-03-30"},
		/* 09-13 + 15 = 09-28, Sunday make-up day. */
		{"信访工作条例 第22条: 15 CD from 2025-09-13 ends on make-up Sunday, no roll",
		 "2025-09-13", 15, FZ_OK, "2025-09-28"},
		/* 01-03 + 28 = 01-31, + 2 = 02-02 H; 02-03 H, 02-04 H; 02-05 Wed. */
		{"行政复议法 第62条 (simplified): 30 CD from 2025-01-03 end in Spring Festival",
		 "2025-01-03", 30, FZ_OK, "2025-02-05"},
		/* 08-03 + 28 = 08-31, + 30 = 09-30, + 2 = 10-02 H; 10-03..07 H; 10-08 Tue. */
		{"行政复议法 第20条: 60 CD from 2024-08-03 ends in National Day 2024", "2024-08-03",
		 60, FZ_OK, "2024-10-08"},
		/* 12-18 + 13 = 12-31, + 2 = 2026-01-02 H; 01-03 H; 01-04 Sun W. */
		{"15 CD from 2025-12-18 rolls across New Year onto make-up Sunday 2026-01-04",
		 "2025-12-18", 15, FZ_OK, "2026-01-04"},
		/* 2026-02-15 H + 0; 02-16..23 H; 02-24 Tue. */
		{"n = 0 on a holiday rolls forward (2026-02-15 Spring Festival)", "2026-02-15", 0,
		 FZ_OK, "2026-02-24"},
		{"n = 0 on a working day stays", "2026-03-09", 0, FZ_OK, "2026-03-09"},
		{"5 CD from 2026-12-26 ends 2026-12-31 Thursday, inside 2026", "2026-12-26", 5,
		 FZ_OK, "2026-12-31"},
		{"1 CD from 2026-12-31 needs 2027", "2026-12-31", 1, FZ_EDATE_RANGE, NULL},
		{"15 CD from 2026-12-20 ends 2027-01-04, not loaded", "2026-12-20", 15,
		 FZ_EDATE_RANGE, NULL},
		{"start day 2023-12-31 not loaded", "2023-12-31", 1, FZ_EDATE_RANGE, NULL},
		{"negative n", "2026-03-09", -1, FZ_EBAD_VALUE, NULL},
	};
	assert_int_equal(run_periods(cal, rows, NROWS(rows), false), 0);
}

struct between_row {
	const char *name;
	const char *from, *to;
	enum fz_code code;
	int n;
};

static void workdays_between_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct between_row rows[] = {
		{"(2026-09-30, 2026-11-03] holds 20 WD (see add_workdays_table)", "2026-09-30",
		 "2026-11-03", FZ_OK, 20},
		{"reversed counts negative", "2026-11-03", "2026-09-30", FZ_OK, -20},
		{"same day is 0", "2026-10-01", "2026-10-01", FZ_OK, 0},
		{"(10-01, 10-08]: 10-02..07 H, 10-08 works", "2026-10-01", "2026-10-08", FZ_OK, 1},
		{"(10-09, 10-12]: 10-10 W, 10-11 Sun, 10-12 Mon", "2026-10-09", "2026-10-12", FZ_OK,
		 2},
		{"(2026-12-30, 2027-01-05] needs 2027", "2026-12-30", "2027-01-05", FZ_EDATE_RANGE,
		 0},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct between_row *r = &rows[i];
		int n = -777;
		enum fz_code code = fz_calendar_workdays_between(cal, D(r->from), D(r->to), &n);
		if (code != r->code || (code == FZ_OK && n != r->n) ||
		    (code != FZ_OK && n != -777)) {
			print_message("FAIL [%s] (%s, %s]: got %s %d, want %s %d\n", r->name,
				      r->from, r->to, fz_code_name(code), n, fz_code_name(r->code),
				      r->n);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- loading -------------------------------------------------------- */

static void years_and_coverage(void **state)
{
	const struct fz_calendar *cal = *state;
	int years[8] = {0};
	assert_int_equal(fz_calendar_years(cal, years, 8), 3);
	assert_int_equal(years[0], 2024);
	assert_int_equal(years[1], 2025);
	assert_int_equal(years[2], 2026);
	assert_int_equal(fz_calendar_years(cal, years, 1), 3); /* the count, not what fitted */
	assert_true(fz_calendar_covers(cal, D("2024-01-01")));
	assert_true(fz_calendar_covers(cal, D("2026-12-31")));
	assert_false(fz_calendar_covers(cal, D("2023-12-31")));
	assert_false(fz_calendar_covers(cal, D("2027-01-01")));
	assert_false(fz_calendar_covers(cal, 0));
}

/* What load_csv must not change when it fails, checked before and after. */
static void assert_official_intact(const struct fz_calendar *cal, const char *after)
{
	bool w = true;
	int years[8];
	if (fz_calendar_years(cal, years, 8) != 3 || fz_calendar_covers(cal, D("2027-01-01")) ||
	    fz_calendar_is_workday(cal, D("2026-10-01"), &w) != FZ_OK || w ||
	    fz_calendar_kind(cal, D("2026-10-10")) != FZ_DAY_WORKDAY ||
	    !fz_calendar_day_name(cal, D("2026-10-01")) ||
	    strcmp(fz_calendar_day_name(cal, D("2026-10-01")), "国庆节") != 0 ||
	    fz_calendar_is_workday(cal, D("2026-10-02"), &w) != FZ_OK || w)
		fail_msg("calendar changed after the failed load: %s", after);
}

struct csv_row {
	const char *name;
	const char *text;
	enum fz_code code;
	const char *line; /* the message must name this line, e.g. "第 4 行" */
};

static void load_csv_errors_leave_calendar_unchanged(void **state)
{
	struct fz_calendar *cal = *state;
	/* Each text starts with good rows, for 2026 (which a load would replace) and
	 * 2027 (which it would add), so a partial load would show. */
	static const struct csv_row rows[] = {
		{"bad date (Feb 30)",
		 "date,kind,name\n2026-10-01,workday,改\n2027-01-01,holiday,元旦\n"
		 "2027-02-30,holiday,春节\n",
		 FZ_EBAD_DATE, "第 4 行"},
		{"date not padded",
		 "date,kind,name\n2027-01-01,holiday,元旦\n2027-2-1,holiday,春节\n", FZ_EBAD_DATE,
		 "第 3 行"},
		{"bad kind",
		 "# comment\ndate,kind,name\n2026-10-02,workday,改\n2027-02-06,holliday,春节\n",
		 FZ_EBAD_VALUE, "第 4 行"},
		{"missing column", "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday\n",
		 FZ_EBAD_VALUE, "第 3 行"},
		{"extra column",
		 "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,春,节\n",
		 FZ_EBAD_VALUE, "第 3 行"},
		{"empty name", "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,\n",
		 FZ_EBAD_VALUE, "第 3 行"},
		{"name not UTF-8",
		 "date,kind,name\n2027-01-01,holiday,元旦\n2027-02-06,holiday,\xff\xfe\n",
		 FZ_EBAD_UTF8, "第 3 行"},
		{"duplicate date",
		 "date,kind,name\n2027-01-01,holiday,元旦\n2027-01-01,workday,元旦\n",
		 FZ_EBAD_VALUE, "第 3 行"},
		{"missing header", "2027-01-01,holiday,元旦\n", FZ_EBAD_VALUE, "第 1 行"},
		{"year outside 1990..2100",
		 "date,kind,name\n2027-01-01,holiday,元旦\n2101-01-01,holiday,"
		 "元旦\n",
		 FZ_EBAD_DATE, "第 3 行"},
		{"header only", "date,kind,name\n", FZ_EBAD_VALUE, NULL},
		{"empty text", "", FZ_EBAD_VALUE, NULL},
	};
	assert_official_intact(cal, "setup");
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct csv_row *r = &rows[i];
		struct fz_err err;
		fz_err_clear(&err);
		enum fz_code code = fz_calendar_load_csv(cal, r->text, strlen(r->text), &err);
		if (code != r->code || err.code != r->code ||
		    (r->line && !strstr(err.message, r->line))) {
			print_message("FAIL [%s]: got %s \"%s\", want %s naming \"%s\"\n", r->name,
				      fz_code_name(code), err.message, fz_code_name(r->code),
				      r->line ? r->line : "");
			failures++;
		}
		assert_official_intact(cal, r->name);
	}
	assert_int_equal(failures, 0);
}

static void load_csv_message_is_chinese_and_names_field(void **state)
{
	struct fz_calendar *cal = *state;
	struct fz_err err;
	const char *text =
		"# 注释\n\ndate,kind,name\n2027-01-01,holiday,元旦\n2027-1-1,holiday,x\n";
	assert_int_equal(fz_calendar_load_csv(cal, text, strlen(text), &err), FZ_EBAD_DATE);
	assert_string_equal(err.field, "date");
	assert_non_null(strstr(err.message, "第 5 行：日期格式错误，应为 YYYY-MM-DD"));
}

static void load_csv_adds_a_year(void **state)
{
	struct fz_calendar *cal = *state;
	/* A byte-order mark, CRLF line ends, a comment and spaces around fields are accepted.
	 * 2027-01-01 is a Friday (2026-01-01 Thursday + 365 days = + 52 weeks + 1). */
	const char *text =
		"\xef\xbb\xbf# 2027\r\ndate,kind,name\r\n 2027-01-01 , holiday , 元旦 \r\n";
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_calendar_load_csv(cal, text, strlen(text), &err), FZ_OK);
	int years[8];
	assert_int_equal(fz_calendar_years(cal, years, 8), 4);
	assert_int_equal(years[3], 2027);
	bool w = true;
	assert_int_equal(fz_calendar_is_workday(cal, D("2027-01-01"), &w), FZ_OK);
	assert_false(w);
	assert_string_equal(fz_calendar_day_name(cal, D("2027-01-01")), "元旦");
	/* 2027-01-02 Saturday, 2027-01-04 Monday: ordinary days of a loaded year. */
	assert_int_equal(fz_calendar_is_workday(cal, D("2027-01-02"), &w), FZ_OK);
	assert_false(w);
	assert_int_equal(fz_calendar_is_workday(cal, D("2027-01-04"), &w), FZ_OK);
	assert_true(w);
	/* 2026-12-31 Thu, 2027-01-01 H, 01-02/03 weekend, 01-04 Mon: 1 WD from 12-31. */
	int out = 0;
	assert_int_equal(fz_calendar_add_workdays(cal, D("2026-12-31"), 1, &out), FZ_OK);
	assert_int_equal(out, D("2027-01-04"));
	/* 2026 is untouched. */
	assert_int_equal(fz_calendar_kind(cal, D("2026-10-10")), FZ_DAY_WORKDAY);
}

static void load_csv_replaces_a_whole_year(void **state)
{
	struct fz_calendar *cal = *state;
	/* A corrected 2026 with a single row: every other 2026 special day is gone,
	 * 2024 and 2025 stay. */
	const char *text = "date,kind,name\n2026-10-01,holiday,国庆节\n";
	struct fz_err err;
	assert_int_equal(fz_calendar_load_csv(cal, text, strlen(text), &err), FZ_OK);
	bool w = true;
	assert_int_equal(fz_calendar_is_workday(cal, D("2026-10-01"), &w), FZ_OK);
	assert_false(w);
	/* 2026-10-02 is a Friday, now ordinary; 2026-10-10 an ordinary Saturday. */
	assert_int_equal(fz_calendar_is_workday(cal, D("2026-10-02"), &w), FZ_OK);
	assert_true(w);
	assert_null(fz_calendar_day_name(cal, D("2026-10-02")));
	assert_int_equal(fz_calendar_is_workday(cal, D("2026-10-10"), &w), FZ_OK);
	assert_false(w);
	assert_int_equal(fz_calendar_kind(cal, D("2025-10-01")), FZ_DAY_HOLIDAY);
	assert_string_equal(fz_calendar_day_name(cal, D("2025-10-01")), "国庆节、中秋节");
}

static void set_day_mark_year_and_clone(void **state)
{
	(void)state;
	struct fz_calendar *cal = fz_calendar_new();
	assert_non_null(cal);
	bool w;
	int out = 0;
	/* Nothing loaded: every question is a range error. */
	assert_int_equal(fz_calendar_years(cal, NULL, 0), 0);
	assert_int_equal(fz_calendar_is_workday(cal, D("2030-01-07"), &w), FZ_EDATE_RANGE);
	assert_int_equal(fz_calendar_add_days(cal, D("2030-01-07"), 1, &out), FZ_EDATE_RANGE);

	/* 2030-01-01 is a Tuesday: 2024-01-01 Mon, + 366 (2024) + 365 * 3 + 366 (2028)
	 * + 365 (2029) = + 2192 days = 313 weeks + 1. So 01-05 Sat, 01-07 Mon. */
	assert_int_equal(fz_calendar_mark_year(cal, 2030), FZ_OK);
	assert_int_equal(fz_calendar_mark_year(cal, 1989), FZ_EDATE_RANGE);
	assert_int_equal(fz_calendar_mark_year(cal, 2101), FZ_EDATE_RANGE);
	assert_int_equal(fz_calendar_is_workday(cal, D("2030-01-07"), &w), FZ_OK);
	assert_true(w);
	assert_int_equal(fz_calendar_is_workday(cal, D("2030-01-05"), &w), FZ_OK);
	assert_false(w);

	assert_int_equal(fz_calendar_set_day(cal, D("2030-01-05"), FZ_DAY_WORKDAY, "调休"), FZ_OK);
	assert_int_equal(fz_calendar_set_day(cal, D("2030-01-07"), FZ_DAY_HOLIDAY, NULL), FZ_OK);
	assert_int_equal(fz_calendar_set_day(cal, 0, FZ_DAY_HOLIDAY, "x"), FZ_EDATE_RANGE);
	assert_int_equal(fz_calendar_set_day(cal, D("2030-01-08"), (enum fz_day_kind)7, "x"),
			 FZ_EBAD_VALUE);
	assert_null(fz_calendar_day_name(cal, D("2030-01-07")));

	struct fz_calendar *copy = fz_calendar_clone(cal);
	assert_non_null(copy);
	/* Changing the copy leaves the original alone, names included. */
	assert_int_equal(fz_calendar_set_day(copy, D("2030-01-05"), FZ_DAY_NORMAL, "ignored"),
			 FZ_OK);
	assert_null(fz_calendar_day_name(copy, D("2030-01-05")));
	assert_string_equal(fz_calendar_day_name(cal, D("2030-01-05")), "调休");
	assert_int_equal(fz_calendar_is_workday(copy, D("2030-01-05"), &w), FZ_OK);
	assert_false(w);
	assert_int_equal(fz_calendar_is_workday(cal, D("2030-01-05"), &w), FZ_OK);
	assert_true(w);

	/* set_day loads the year of the day it sets (2031 here). */
	assert_int_equal(fz_calendar_set_day(copy, D("2031-01-01"), FZ_DAY_HOLIDAY, "元旦"), FZ_OK);
	assert_true(fz_calendar_covers(copy, D("2031-06-30")));
	assert_false(fz_calendar_covers(cal, D("2031-06-30")));

	fz_calendar_free(copy);
	fz_calendar_free(cal);
	fz_calendar_free(NULL);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(date_parse_table),
		cmocka_unit_test(date_format_and_ymd),
		cmocka_unit_test(date_weekday_table),
		cmocka_unit_test_setup_teardown(is_workday_table, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(add_workdays_table, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(add_days_table, setup_official, teardown_official),
		cmocka_unit_test_setup_teardown(workdays_between_table, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(years_and_coverage, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(load_csv_errors_leave_calendar_unchanged,
						setup_official, teardown_official),
		cmocka_unit_test_setup_teardown(load_csv_message_is_chinese_and_names_field,
						setup_official, teardown_official),
		cmocka_unit_test_setup_teardown(load_csv_adds_a_year, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(load_csv_replaces_a_whole_year, setup_official,
						teardown_official),
		cmocka_unit_test(set_day_mark_year_and_clone),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
