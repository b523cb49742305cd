/*
 * test_enf_review_clocks.c - the periods of the legal review, the major
 * filing and evidence preservation as the penalty case declares them
 * (modules/enforcement/enf_penalty_flow.c), counted on the official calendar
 * (data/cn-calendar.csv, found through $FZ_TEST_DATA).
 *
 * For: the declared unit, default days, setting and article of each clock,
 * and its due day across the 2025 National Day and the 2026 Spring Festival.
 * Not for: the steps through the store (tests/api/enf_review.test.mjs).
 *
 * Expected days were counted by hand: 2025-09-28 (Sun) and 10-11 (Sat) are
 * make-up working days, 10-01..10-08 holidays; 2026-02-14 (Sat) and 02-28
 * (Sat) make-up working days, 02-15..02-23 holidays.
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
#include "core/clock.h"
#include "modules/enforcement/enf_int.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static char *read_file(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	if (fseek(f, 0, SEEK_END) != 0) {
		fclose(f);
		return NULL;
	}
	long n = ftell(f);
	rewind(f);
	char *buf = n > 0 ? malloc((size_t)n) : NULL;
	if (buf && fread(buf, 1, (size_t)n, f) != (size_t)n) {
		free(buf);
		buf = NULL;
	}
	fclose(f);
	*len = buf ? (size_t)n : 0;
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
	if (!text)
		return -1;
	struct fz_calendar *cal = fz_calendar_new();
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = cal ? fz_calendar_load_csv(cal, text, len, &err) : FZ_EINTERNAL;
	free(text);
	if (rc != FZ_OK) {
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

static int day(const char *s)
{
	int d;
	if (fz_date_parse(s, &d) != FZ_OK)
		fail_msg("test bug: bad date %s", s);
	return d;
}

static void test_declarations(void **state)
{
	(void)state;
	static const struct {
		const char *clock, *setting, *article;
		enum fz_clock_unit unit;
		int days;
	} rows[] = {
		{"legal_review", "enforcement.legal_review_days", "第五十八条", FZ_UNIT_WD, 5},
		{"major_filing", "enforcement.major_filing_days", "备案", FZ_UNIT_CD, 15},
		{"preservation", NULL, "第五十六条", FZ_UNIT_WD, 7},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct fz_clock_def *k = fz_flow_clock(&fz_enf_penalty_type, rows[i].clock);
		if (!k)
			fail_msg("clock %s is not declared", rows[i].clock);
		if (k->unit != rows[i].unit || k->days != rows[i].days)
			fail_msg("%s: %d days of unit %d, want %d of %d", rows[i].clock, k->days, (int)k->unit,
				 rows[i].days, (int)rows[i].unit);
		if ((k->days_setting == NULL) != (rows[i].setting == NULL) ||
		    (rows[i].setting && strcmp(k->days_setting, rows[i].setting) != 0))
			fail_msg("%s: setting %s, want %s", rows[i].clock, k->days_setting ? k->days_setting : "none",
				 rows[i].setting ? rows[i].setting : "none");
		if (!k->article || !strstr(k->article, rows[i].article))
			fail_msg("%s: article does not cite %s", rows[i].clock, rows[i].article);
		/* A local period says so where the due day is explained. */
		if (rows[i].setting && !strstr(k->article, "设置项"))
			fail_msg("%s: the article does not say the period is a setting", rows[i].clock);
	}
}

static void test_due_days(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct {
		const char *rule, *clock, *trigger;
		int days; /* 0: the declared default */
		const char *due;
	} rows[] = {
		{"第58条 审核 5 WD: 09-30, 10-09, 10-10, 10-11, 10-13", "legal_review", "2025-09-29", 0, "2025-10-13"},
		{"第58条 审核 5 WD: 02-13, 02-14, 02-24, 02-25, 02-26", "legal_review", "2026-02-12", 0, "2026-02-26"},
		{"第58条 审核 setting 3 WD: 02-13, 02-14, 02-24", "legal_review", "2026-02-12", 3, "2026-02-24"},
		{"第56条 保存 7 WD from Fri 09-26: 09-28 .. 10-13", "preservation", "2025-09-26", 0, "2025-10-13"},
		{"第56条 保存 7 WD from Thu 02-12: ends on make-up Sat 02-28", "preservation", "2026-02-12", 0, "2026-02-28"},
		{"备案 15 CD from 09-20: 10-05 is a holiday, so 10-09", "major_filing", "2025-09-20", 0, "2025-10-09"},
		{"备案 15 CD from 02-06: 02-21 is a holiday, so 02-24", "major_filing", "2026-02-06", 0, "2026-02-24"},
		{"备案 15 CD from 2026-03-02: 03-17, a working day", "major_filing", "2026-03-02", 0, "2026-03-17"},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct fz_clock_def *k = fz_flow_clock(&fz_enf_penalty_type, rows[i].clock);
		assert_non_null(k);
		struct fz_clock_spec spec = {.unit = k->unit, .days = rows[i].days ? rows[i].days : k->days,
					     .trigger = day(rows[i].trigger)};
		struct fz_clock_explain ex;
		struct fz_err err;
		fz_err_clear(&err);
		if (fz_clock_compute(cal, &spec, &ex, &err) != FZ_OK)
			fail_msg("%s: %s", rows[i].rule, err.message);
		char got[11];
		fz_date_format(ex.due, got);
		if (strcmp(got, rows[i].due) != 0)
			fail_msg("%s: from %s due %s, want %s", rows[i].rule, rows[i].trigger, got, rows[i].due);
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_declarations),
		cmocka_unit_test_setup_teardown(test_due_days, setup_official, teardown_official),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
