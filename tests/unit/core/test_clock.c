/*
 * test_clock.c - unit tests of core/clock.c on the shipped official calendar
 * (data/cn-calendar.csv, found through $FZ_TEST_DATA).
 *
 * For: due days of statutory clocks (spec/statutory-rules.md, one row per
 * period of its tables), pauses, extensions, restarts, status and days left,
 * and the Chinese explanation lines.
 * Not for: plain calendar arithmetic (test_calendar.c).
 *
 * Every expected value was worked out by hand from the CSV and a printed
 * calendar; the reasoning is in the comment on the row. "H" is an official
 * holiday, "W" a make-up working day (调休上班), "(a, b]" the days after a up
 * to and including b. Each test loads its own calendar, so any one runs
 * alone: `test_core_clock 'status*'` runs the tests matching the pattern.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/clock.h"

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

/* A date written in a row (NULL = FZ_OPEN); the rows are known-good. */
static int D(const char *s)
{
	if (!s)
		return FZ_OPEN;
	int day = 0;
	if (fz_date_parse(s, &day) != FZ_OK)
		fail_msg("test row has a malformed date \"%s\"", s);
	return day;
}

static const char *fmt(int day, char buf[11])
{
	if (day == FZ_OPEN)
		return "OPEN";
	fz_date_format(day, buf);
	return buf;
}

/* ---- clock rows ----------------------------------------------------- */

#define NO_CHECK (-999)

struct clock_row {
	const char *name;
	enum fz_clock_unit unit;
	int days, ext;
	const char *trigger;
	struct {
		const char *from, *to; /* to NULL: still paused */
	} pauses[3];
	size_t npauses;
	enum fz_code code;
	const char *due; /* NULL: no due date (open pause) */
	/* NO_CHECK skips a field; statutory rows check the due day only. */
	int counted, left, weekend, paused;
	const char *rolled; /* CD roll-forward origin, NULL: none */
};

static void spec_of(const struct clock_row *r, struct fz_clock_spec *spec,
		    struct fz_clock_pause *pauses)
{
	for (size_t i = 0; i < r->npauses; i++) {
		pauses[i].from = D(r->pauses[i].from);
		pauses[i].to = D(r->pauses[i].to);
	}
	*spec = (struct fz_clock_spec){.unit = r->unit,
				       .days = r->days,
				       .extended_days = r->ext,
				       .trigger = D(r->trigger),
				       .pauses = r->npauses ? pauses : NULL,
				       .npauses = r->npauses};
}

static bool field_ok(int want, int got)
{
	return want == NO_CHECK || want == got;
}

static int run_clock_rows(const struct fz_calendar *cal, const struct clock_row *rows, size_t n)
{
	int failures = 0;
	for (size_t i = 0; i < n; i++) {
		const struct clock_row *r = &rows[i];
		struct fz_clock_pause pauses[3];
		struct fz_clock_spec spec;
		spec_of(r, &spec, pauses);
		struct fz_clock_explain ex, before;
		memset(&ex, 0x5a, sizeof ex);
		before = ex;
		struct fz_err err;
		fz_err_clear(&err);
		enum fz_code code = fz_clock_compute(cal, &spec, &ex, &err);
		bool ok = code == r->code;
		if (code != FZ_OK) {
			ok = ok && memcmp(&ex, &before, sizeof ex) == 0 && err.code == code &&
			     err.message[0] != '\0';
		} else {
			ok = ok && ex.due == D(r->due) && field_ok(r->counted, ex.counted) &&
			     field_ok(r->left, ex.left_when_paused) &&
			     field_ok(r->weekend, ex.weekend_skipped) &&
			     field_ok(r->paused, ex.paused_days) &&
			     (r->counted == NO_CHECK || ex.rolled_from == D(r->rolled));
			if (r->counted == NO_CHECK && r->due)
				ok = ok && ex.counted == r->days + r->ext;
		}
		if (!ok) {
			char t[11], g[11], rf[11];
			print_message(
				"FAIL [%s] %d%s+%d from %s, %zu pause(s): got %s due=%s "
				"counted=%d left=%d weekend=%d paused=%d rolled=%s (%s); want %s "
				"due=%s counted=%d left=%d weekend=%d paused=%d rolled=%s\n",
				r->name, r->days, r->unit == FZ_UNIT_WD ? "WD" : "CD", r->ext,
				fmt(D(r->trigger), t), r->npauses, fz_code_name(code),
				code == FZ_OK ? fmt(ex.due, g) : "-", ex.counted,
				ex.left_when_paused, ex.weekend_skipped, ex.paused_days,
				code == FZ_OK ? fmt(ex.rolled_from, rf) : "-", err.message,
				fz_code_name(r->code), r->due ? r->due : "OPEN", r->counted,
				r->left, r->weekend, r->paused, r->rolled ? r->rolled : "OPEN");
			failures++;
		}
	}
	return failures;
}

#define WD FZ_UNIT_WD
#define CD FZ_UNIT_CD
#define DAY FZ_UNIT_DAY
#define P0 {{NULL, NULL}}, 0
#define STAT NO_CHECK, NO_CHECK, NO_CHECK, NO_CHECK, NULL

/*
 * One row per statutory period of spec/statutory-rules.md, each across a
 * holiday or a make-up day where one is near, so the calendar matters.
 */
static void statutory_periods_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct clock_row rows[] = {
		/* 09-26/27 H, 09-28..30 = 1..3, 10-01..07 H, 10-08/09 = 4/5, 10-10 W 6,
		 * 10-12..16 = 7..11, 10-19..23 = 12..16, 10-26..29 = 17..20. */
		{"政府信息公开条例 第33条: reply 20 WD from 2026-09-25", WD, 20, 0, "2026-09-25",
		 P0, FZ_OK, "2026-10-29", STAT},
		/* 20th WD after 09-30 is 11-03 (10-08 1 .. 11-02 19, 11-03 20); then
		 * 11-04..06 = 21..23, 11-09..13 = 24..28, 11-16..20 = 29..33, 11-23..27 =
		 * 34..38, 11-30 39, 12-01 40. */
		{"政府信息公开条例 第33条: 20 WD + extension 20 WD from 2026-09-30", WD, 20, 20,
		 "2026-09-30", P0, FZ_OK, "2026-12-01", STAT},
		/* 01-26 Sun W 1, 01-27 2, 01-28..02-04 H, 02-05..07 = 3..5, 02-08 Sat W 6,
		 * 02-10 7. */
		{"政府信息公开条例 第30条: 补正 notice 7 WD from 2025-01-24", WD, 7, 0,
		 "2025-01-24", P0, FZ_OK, "2025-02-10", STAT},
		/* 09-29 Sun W 1, 09-30 2, 10-01..07 H, 10-08..11 = 3..6, 10-12 Sat W 7,
		 * 10-14..18 = 8..12, 10-21..23 = 13..15. */
		{"政府信息公开条例 第32条: third party answers 15 WD from 2024-09-27", WD, 15, 0,
		 "2024-09-27", P0, FZ_OK, "2024-10-23", STAT},
		/* 05-01..05 H, 05-06..10 = 1..5, 05-11 Sat W 6, 05-13..17 = 7..11,
		 * 05-20..24 = 12..16, 05-27..30 = 17..20. */
		{"政府信息公开条例 第26条: proactive disclosure 20 WD from 2024-04-30", WD, 20, 0,
		 "2024-04-30", P0, FZ_OK, "2024-05-30", STAT},
		/* 02-13 Fri 1, 02-14 Sat W 2, 02-15..23 H, 02-24..26 = 3..5. */
		{"行政复议法 第30条: acceptance review 5 WD from 2026-02-12", WD, 5, 0,
		 "2026-02-12", P0, FZ_OK, "2026-02-26", STAT},
		/* 05-01..05 H, 05-06..08 = 1..3, 05-09 Sat W 4, 05-11..15 = 5..9, 05-18 10. */
		{"行政复议法 第31条: applicant corrects within 10 WD from 2026-04-30", WD, 10, 0,
		 "2026-04-30", P0, FZ_OK, "2026-05-18", STAT},
		/* 09-28 Sun W 1, 09-29/30 = 2/3, 10-01..08 H, 10-09/10 = 4/5, 10-11 Sat W 6,
		 * 10-13..16 = 7..10. */
		{"行政复议法 第48条: respondent answers 10 WD from 2025-09-26", WD, 10, 0,
		 "2025-09-26", P0, FZ_OK, "2025-10-16", STAT},
		/* 05-01..05 H, 05-06..09 = 1..4, 05-12 5. */
		{"行政复议法 第54条: simplified answer 5 WD from 2025-04-30", WD, 5, 0,
		 "2025-04-30", P0, FZ_OK, "2025-05-12", STAT},
		/* 08-11 + 60 = 10-10, make-up Saturday: a working day, no roll. */
		{"行政复议法 第62条: decision 60 CD from 2026-08-11", CD, 60, 0, "2026-08-11", P0,
		 FZ_OK, "2026-10-10", STAT},
		/* 08-11 + 90 = 10-10 + 30 = 11-09, a Monday. */
		{"行政复议法 第62条: decision 60 CD + extension 30 CD from 2026-08-11", CD, 60, 30,
		 "2026-08-11", P0, FZ_OK, "2026-11-09", STAT},
		/* 12-03 + 30 = 2026-01-02 H; 01-03 H; 01-04 Sun W. */
		{"行政复议法 第62条: simplified decision 30 CD from 2025-12-03", CD, 30, 0,
		 "2025-12-03", P0, FZ_OK, "2026-01-04", STAT},
		/* 08-03 + 60 = 10-02 H; 10-03..07 H; 10-08 Tue. */
		{"行政复议法 第20条: apply within 60 CD from 2024-08-03", CD, 60, 0, "2024-08-03",
		 P0, FZ_OK, "2024-10-08", STAT},
		/* 04-06 + 30 = 05-06, Monday after 劳动节 (05-01..05 H): a working day. */
		{"行政复议法 第76条: report back on 意见书 30 CD from 2024-04-06", CD, 30, 0,
		 "2024-04-06", P0, FZ_OK, "2024-05-06", STAT},
		/* 09-18 + 15 = 10-03 H; 10-04..07 H; 10-08 Thu. */
		{"信访工作条例 第22条: register and tell 15 CD from 2026-09-18", CD, 15, 0,
		 "2026-09-18", P0, FZ_OK, "2026-10-08", STAT},
		/* 12-01 + 30 = 12-31, + 30 = 2026-01-30, a Friday. */
		{"信访工作条例 第34条: handle 60 CD from 2025-12-01", CD, 60, 0, "2025-12-01", P0,
		 FZ_OK, "2026-01-30", STAT},
		/* 01-30 + 30 = 03-01 (2026 has 28 Feb days), a Sunday; 03-02 Monday. */
		{"信访工作条例 第34条: handle 60 CD + 30 CD extension from 2025-12-01", CD, 60, 30,
		 "2025-12-01", P0, FZ_OK, "2026-03-02", STAT},
		/* 2024-01-20 + 15 = 02-04, make-up Sunday: no roll. */
		{"行政诉讼法: sue within 15 CD of the reconsideration decision, from 2024-01-20",
		 CD, 15, 0, "2024-01-20", P0, FZ_OK, "2024-02-04", STAT},
		/* 11-05 + 25 = 11-30, + 31 = 12-31, + 31 = 01-31, + 3 = 2025-02-03 H; 02-04 H;
		 * 02-05 Wed. */
		{"行政处罚法 第60条: decide 90 CD after filing, from 2024-11-05", CD, 90, 0,
		 "2024-11-05", P0, FZ_OK, "2025-02-05", STAT},
		/* 04-20 + 15 = 05-05 H; 05-06 Tue. */
		{"行政处罚法 第67条: pay the fine within 15 CD of 2025-04-20", CD, 15, 0,
		 "2025-04-20", P0, FZ_OK, "2025-05-06", STAT},
		/* 06-08/09 weekend, 06-10 H, 06-11..13 = 1..3. */
		{"行政处罚法 第48条: withdraw publication 3 WD from 2024-06-07", WD, 3, 0,
		 "2024-06-07", P0, FZ_OK, "2024-06-13", STAT},
		/* 09-18 Fri 1, 09-19 Sat, 09-20 Sun W 2, 09-21..24 = 3..6, 09-25..27 H,
		 * 09-28 7. */
		{"行政处罚法 第61条: serve the decision 7 WD from 2026-09-17", WD, 7, 0,
		 "2026-09-17", P0, FZ_OK, "2026-09-28", STAT},
		/* 06-19..21 H, 06-22..26 = 1..5. */
		{"行政许可法 第32条: incomplete materials 5 WD from 2026-06-18", WD, 5, 0,
		 "2026-06-18", P0, FZ_OK, "2026-06-26", STAT},
		/* 05-31..06-02 H, 06-03..06 = 1..4, 06-09..13 = 5..9, 06-16..20 = 10..14,
		 * 06-23..27 = 15..19, 06-30 20. */
		{"行政许可法 第42条: decision 20 WD from 2025-05-30", WD, 20, 0, "2025-05-30", P0,
		 FZ_OK, "2025-06-30", STAT},
		/* ... 06-30 20, 07-01..04 = 21..24, 07-07..11 = 25..29, 07-14 30. */
		{"行政许可法 第42条: decision 20 WD + 10 WD extension from 2025-05-30", WD, 20, 10,
		 "2025-05-30", P0, FZ_OK, "2025-07-14", STAT},
		/* 02-08/09 = 1/2, 02-10..17 H, 02-18 Sun W 3, 02-19..22 = 4..7. */
		{"重大行政决策程序暂行条例 第26条: legality review 7 WD from 2024-02-07", WD, 7, 0,
		 "2024-02-07", P0, FZ_OK, "2024-02-22", STAT},
	};
	assert_int_equal(run_clock_rows(cal, rows, NROWS(rows)), 0);
}

/* Pauses, extensions, restarts: every field of the explanation checked. */
static void clock_mechanics_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct clock_row rows[] = {
		/* See statutory row 1. Walked 09-26..10-29 = 34 days: 20 counted, 9 H
		 * (09-26/27, 10-01..07), so 5 weekend days (10-11, 10-17/18, 10-24/25). */
		{"plain WD: 政府信息公开条例 第33条 20 WD from 2026-09-25", WD, 20, 0, "2026-09-25",
		 P0, FZ_OK, "2026-10-29", 20, 0, 5, 0, NULL},
		/* 09-18 + 15 = 10-03 H, rolled to 10-08. */
		{"plain CD: 信访工作条例 第22条 15 CD from 2026-09-18", CD, 15, 0, "2026-09-18", P0,
		 FZ_OK, "2026-10-08", 15, 0, 0, 0, "2026-10-03"},
		/* The same 15 days as a fixed end: 10-03 stays, although a holiday. */
		{"DAY: a fixed end is not moved off a holiday", DAY, 15, 0, "2026-09-18", P0,
		 FZ_OK, "2026-10-03", 15, 0, 0, 0, NULL},
		/* A certificate issued 2026-11-23 valid to 2031-11-22: 1,825 days, counted
		 * without the calendar, which ends in 2026. */
		{"DAY: five years ahead, beyond the loaded calendar", DAY, 1825, 0, "2026-11-23", P0,
		 FZ_OK, "2031-11-22", 1825, 0, 0, 0, NULL},
		/* Walked 10-01..12-01 = 62 days: 40 counted, 7 H, 15 weekend days
		 * (Oct: 11, 17, 18, 24, 25, 31; Nov: 1, 7, 8, 14, 15, 21, 22, 28, 29). */
		{"extension: 20 + 20 WD from 2026-09-30", WD, 20, 20, "2026-09-30", P0, FZ_OK,
		 "2026-12-01", 40, 0, 15, 0, NULL},
		/* 10-08 1, 10-09 2, 10-10 W 3, 10-12 4 (the pause day counts); 10-13..20
		 * excluded (8 days, 6 of them working days); from the resume day 10-20 the
		 * 16 left: 10-21..23 = 5..7, 10-26..30 = 8..12, 11-02..06 = 13..17,
		 * 11-09..11 = 18..20. Weekends not paused: 10-11, 10-24/25, 10-31, 11-01,
		 * 11-07/08 = 7. */
		{"pause (2026-10-12, 2026-10-20] then resume, 20 WD from 2026-09-30",
		 WD,
		 20,
		 0,
		 "2026-09-30",
		 {{"2026-10-12", "2026-10-20"}},
		 1,
		 FZ_OK,
		 "2026-11-11",
		 20,
		 0,
		 7,
		 8,
		 NULL},
		/* 03-03 1, 03-04 2 (pause day); 03-05..10 excluded (6); 03-11..13 = 3..5,
		 * 03-16 6 (pause day); 03-17/18 excluded (2); 03-19/20 = 7/8, 03-23..27 =
		 * 9..13, 03-30..04-03 = 14..18, 04-04..06 H, 04-07/08 = 19/20. Weekends:
		 * 03-14/15, 21/22, 28/29 = 6. */
		{"two pauses, 20 WD from 2026-03-02",
		 WD,
		 20,
		 0,
		 "2026-03-02",
		 {{"2026-03-04", "2026-03-10"}, {"2026-03-16", "2026-03-18"}},
		 2,
		 FZ_OK,
		 "2026-04-08",
		 20,
		 0,
		 6,
		 8,
		 NULL},
		/* 10-08, 10-09, 10-10 W, 10-12 counted = 4; 16 left; walked 10-01..12:
		 * 7 H, 1 weekend day (10-11). */
		{"open pause from 2026-10-12: no due day, 16 WD left",
		 WD,
		 20,
		 0,
		 "2026-09-30",
		 {{"2026-10-12", NULL}},
		 1,
		 FZ_OK,
		 NULL,
		 4,
		 16,
		 1,
		 0,
		 NULL},
		/* The count completes on 10-29, the pause day itself. */
		{"pause beginning on the due day does not move it",
		 WD,
		 20,
		 0,
		 "2026-09-25",
		 {{"2026-10-29", "2026-11-05"}},
		 1,
		 FZ_OK,
		 "2026-10-29",
		 20,
		 0,
		 5,
		 0,
		 NULL},
		{"open pause after the due day does not move it",
		 WD,
		 20,
		 0,
		 "2026-09-25",
		 {{"2026-11-02", NULL}},
		 1,
		 FZ_OK,
		 "2026-10-29",
		 20,
		 0,
		 5,
		 0,
		 NULL},
		/* 政府信息公开条例 第30条: after correction the 20 WD restart from the
		 * corrected request's receipt 2026-10-09 (a new trigger, pauses cleared):
		 * 10-10 W 1, 10-12..16 = 2..6, 10-19..23 = 7..11, 10-26..30 = 12..16,
		 * 11-02..05 = 17..20. Weekends: 10-11, 17, 18, 24, 25, 31, 11-01 = 7. */
		{"restart: 20 WD from the corrected request 2026-10-09", WD, 20, 0, "2026-10-09",
		 P0, FZ_OK, "2026-11-05", 20, 0, 7, 0, NULL},
		{"CD end on make-up Saturday 2026-10-10 is not rolled", CD, 60, 0, "2026-08-11", P0,
		 FZ_OK, "2026-10-10", 60, 0, 0, 0, NULL},
		/* 03-10 pause day counted; 03-11..20 excluded (10 days), so the end is
		 * 03-02 + 70 = 05-11, a Monday. */
		{"CD with a pause: 信访工作条例 第34条 60 CD from 2026-03-02",
		 CD,
		 60,
		 0,
		 "2026-03-02",
		 {{"2026-03-10", "2026-03-20"}},
		 1,
		 FZ_OK,
		 "2026-05-11",
		 60,
		 0,
		 0,
		 10,
		 NULL},
		/* 09-11..14 = 1..4; 09-15..21 excluded (7); 09-22..30 = 5..13, 10-01 14,
		 * 10-02 15 H, rolled past 10-03..07 H to 10-08. */
		{"CD pause then roll-forward: 15 CD from 2026-09-10",
		 CD,
		 15,
		 0,
		 "2026-09-10",
		 {{"2026-09-14", "2026-09-21"}},
		 1,
		 FZ_OK,
		 "2026-10-08",
		 15,
		 0,
		 0,
		 7,
		 "2026-10-02"},
		/* 09-19 1, 09-20 2, then paused. */
		{"CD open pause: 15 CD from 2026-09-18 paused 09-20",
		 CD,
		 15,
		 0,
		 "2026-09-18",
		 {{"2026-09-20", NULL}},
		 1,
		 FZ_OK,
		 NULL,
		 2,
		 13,
		 0,
		 0,
		 NULL},
		/* Paused on the trigger day: 03-10/11 excluded; 03-12/13 = 1/2, 03-16..18 =
		 * 3..5; weekend 03-14/15. */
		{"pause on the trigger day, 5 WD from 2026-03-09",
		 WD,
		 5,
		 0,
		 "2026-03-09",
		 {{"2026-03-09", "2026-03-11"}},
		 1,
		 FZ_OK,
		 "2026-03-18",
		 5,
		 0,
		 2,
		 2,
		 NULL},
		/* (03-10, 03-10] is empty: 03-10..13 = 1..4, 03-16 5. */
		{"pause resumed the same day excludes nothing",
		 WD,
		 5,
		 0,
		 "2026-03-09",
		 {{"2026-03-10", "2026-03-10"}},
		 1,
		 FZ_OK,
		 "2026-03-16",
		 5,
		 0,
		 2,
		 0,
		 NULL},
	};
	assert_int_equal(run_clock_rows(cal, rows, NROWS(rows)), 0);
}

static void clock_invalid_and_out_of_range(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct clock_row rows[] = {
		{"days must be > 0", WD, 0, 0, "2026-03-09", P0, FZ_EBAD_VALUE, NULL, STAT},
		{"extension must be >= 0", WD, 20, -1, "2026-03-09", P0, FZ_EBAD_VALUE, NULL, STAT},
		{"pause before the trigger day",
		 WD,
		 20,
		 0,
		 "2026-03-09",
		 {{"2026-03-08", "2026-03-10"}},
		 1,
		 FZ_EBAD_VALUE,
		 NULL,
		 STAT},
		{"resume before pause",
		 WD,
		 20,
		 0,
		 "2026-03-09",
		 {{"2026-03-12", "2026-03-10"}},
		 1,
		 FZ_EBAD_VALUE,
		 NULL,
		 STAT},
		{"pauses overlap",
		 WD,
		 20,
		 0,
		 "2026-03-09",
		 {{"2026-03-10", "2026-03-20"}, {"2026-03-15", "2026-03-25"}},
		 2,
		 FZ_EBAD_VALUE,
		 NULL,
		 STAT},
		{"pauses out of order",
		 WD,
		 20,
		 0,
		 "2026-03-09",
		 {{"2026-03-20", "2026-03-25"}, {"2026-03-10", "2026-03-12"}},
		 2,
		 FZ_EBAD_VALUE,
		 NULL,
		 STAT},
		{"open pause followed by another",
		 WD,
		 20,
		 0,
		 "2026-03-09",
		 {{"2026-03-10", NULL}, {"2026-03-15", "2026-03-16"}},
		 2,
		 FZ_EBAD_VALUE,
		 NULL,
		 STAT},
		/* 12-21..25, 12-28..31 are 9 WD; the 10th is in unloaded 2027. */
		{"20 WD from 2026-12-20 leaves the loaded years", WD, 20, 0, "2026-12-20", P0,
		 FZ_EDATE_RANGE, NULL, STAT},
		/* 12-20 + 15 = 2027-01-04: the walk reaches 2027-01-01 first. */
		{"15 CD from 2026-12-20 leaves the loaded years", CD, 15, 0, "2026-12-20", P0,
		 FZ_EDATE_RANGE, NULL, STAT},
		{"trigger day 2023-12-31 outside the loaded years", WD, 1, 0, "2023-12-31", P0,
		 FZ_EDATE_RANGE, NULL, STAT},
		{"trigger day 2027-12-20 outside the loaded years", WD, 20, 0, "2027-12-20", P0,
		 FZ_EDATE_RANGE, NULL, STAT},
	};
	assert_int_equal(run_clock_rows(cal, rows, NROWS(rows)), 0);

	struct fz_clock_spec spec = {
		.unit = (enum fz_clock_unit)9, .days = 5, .trigger = D("2026-03-09")};
	struct fz_clock_explain ex;
	struct fz_err err;
	assert_int_equal(fz_clock_compute(cal, &spec, &ex, &err), FZ_EBAD_VALUE);
	assert_string_equal(err.field, "unit");
	spec = (struct fz_clock_spec){.unit = WD, .days = 0, .trigger = D("2026-03-09")};
	assert_int_equal(fz_clock_compute(cal, &spec, &ex, &err), FZ_EBAD_VALUE);
	assert_string_equal(err.field, "days");
	/* A pause day no calendar can hold (a corrupt record) is refused, not walked. */
	struct fz_clock_pause wild = {D("2026-03-10"), 2147483647};
	spec = (struct fz_clock_spec){
		.unit = WD, .days = 5, .trigger = D("2026-03-09"), .pauses = &wild, .npauses = 1};
	assert_int_equal(fz_clock_compute(cal, &spec, &ex, &err), FZ_EBAD_VALUE);
	assert_string_equal(err.field, "pauses");
	/* The range message names the missing year. */
	spec = (struct fz_clock_spec){.unit = WD, .days = 20, .trigger = D("2026-12-20")};
	assert_int_equal(fz_clock_compute(cal, &spec, &ex, &err), FZ_EDATE_RANGE);
	assert_non_null(strstr(err.message, "2027"));
}

static void clock_notes(void **state)
{
	const struct fz_calendar *cal = *state;
	struct fz_clock_spec spec = {.unit = WD, .days = 20, .trigger = D("2026-09-25")};
	struct fz_clock_explain ex;
	assert_int_equal(fz_clock_compute(cal, &spec, &ex, NULL), FZ_OK);
	/* 09-26, 09-27, 10-01..07 skipped (9 holidays), 10-10 counted (make-up). */
	static const char *const days[] = {"2026-09-26", "2026-09-27", "2026-10-01", "2026-10-02",
					   "2026-10-03", "2026-10-04", "2026-10-05", "2026-10-06",
					   "2026-10-07", "2026-10-10"};
	assert_int_equal(ex.nnotes, NROWS(days));
	for (size_t i = 0; i < NROWS(days); i++) {
		enum fz_day_kind kind = i + 1 < NROWS(days) ? FZ_DAY_HOLIDAY : FZ_DAY_WORKDAY;
		if (ex.notes[i].day != D(days[i]) || ex.notes[i].kind != kind) {
			char g[11];
			fail_msg("note %zu: got %s kind %d, want %s kind %d", i,
				 fmt(ex.notes[i].day, g), ex.notes[i].kind, days[i], kind);
		}
	}
}

/* ---- status --------------------------------------------------------- */

struct status_row {
	const char *name;
	enum fz_clock_unit unit;
	const char *due; /* NULL: paused */
	const char *today;
	int yellow_wd;
	enum fz_code code;
	enum fz_clock_status status;
	int left;
};

static void status_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct status_row rows[] = {
		/* (10-20, 10-29]: 10-21..23, 10-26..29 = 7 WD. */
		{"WD due 2026-10-29, today 10-20: 7 WD left", WD, "2026-10-29", "2026-10-20", 3,
		 FZ_OK, FZ_STATUS_GREEN, 7},
		/* (10-23, 10-29]: 10-26..29 = 4 WD > 3. */
		{"WD due 2026-10-29, today Friday 10-23: 4 WD left, still green", WD, "2026-10-29",
		 "2026-10-23", 3, FZ_OK, FZ_STATUS_GREEN, 4},
		{"WD due 2026-10-29, today 10-26: 3 WD left, yellow", WD, "2026-10-29",
		 "2026-10-26", 3, FZ_OK, FZ_STATUS_YELLOW, 3},
		{"WD due today is yellow, 0 left", WD, "2026-10-29", "2026-10-29", 3, FZ_OK,
		 FZ_STATUS_YELLOW, 0},
		{"one WD overdue", WD, "2026-10-29", "2026-10-30", 3, FZ_OK, FZ_STATUS_RED, -1},
		/* (10-29, 10-31]: 10-30 only; Saturday 10-31 is not a working day. */
		{"overdue on a Saturday counts working days only", WD, "2026-10-29", "2026-10-31",
		 3, FZ_OK, FZ_STATUS_RED, -1},
		/* (10-30, 10-31]: no working day, but overdue is negative: -1. */
		{"due Friday 2026-10-30, today Saturday: red and -1, not 0", WD, "2026-10-30",
		 "2026-10-31", 3, FZ_OK, FZ_STATUS_RED, -1},
		/* (10-29, 11-02]: 10-30, 11-02. */
		{"overdue over a weekend", WD, "2026-10-29", "2026-11-02", 3, FZ_OK, FZ_STATUS_RED,
		 -2},
		/* (09-30, 10-08]: 10-01..07 H, 10-08 = 1 WD although 8 days away. */
		{"WD due after National Day: 1 WD left from 2026-09-30", WD, "2026-10-08",
		 "2026-09-30", 3, FZ_OK, FZ_STATUS_YELLOW, 1},
		/* (09-24, 10-08]: 09-25..27 H, 09-28..30 = 3, 10-08 = 4. */
		{"WD due 2026-10-08 from 09-24: holidays do not count, 4 WD", WD, "2026-10-08",
		 "2026-09-24", 3, FZ_OK, FZ_STATUS_GREEN, 4},
		/* CD: days left are calendar days; the window is still 3 WD: (09-30, 10-08]
		 * holds 1 WD. */
		{"CD due 2026-10-08 from 09-30: 8 days left, yellow", CD, "2026-10-08",
		 "2026-09-30", 3, FZ_OK, FZ_STATUS_YELLOW, 8},
		/* (09-20, 10-08]: 09-21..24 = 4, 09-25..27 H, 09-28..30 = 7, 10-08 = 8 WD. */
		{"CD due 2026-10-08 from 09-20: 18 days, green", CD, "2026-10-08", "2026-09-20", 3,
		 FZ_OK, FZ_STATUS_GREEN, 18},
		{"CD overdue by 2 calendar days", CD, "2026-10-08", "2026-10-10", 3, FZ_OK,
		 FZ_STATUS_RED, -2},
		{"window 0: due today is yellow", WD, "2026-10-29", "2026-10-29", 0, FZ_OK,
		 FZ_STATUS_YELLOW, 0},
		{"window 0: due tomorrow is green", WD, "2026-10-29", "2026-10-28", 0, FZ_OK,
		 FZ_STATUS_GREEN, 1},
		/* The 2nd WD after 10-08 is 10-10 (W); a due day on Sunday 10-11 lies after
		 * it although (10-08, 10-11] holds 2 WD, so green. */
		{"window edge: due on a rest day after the window", WD, "2026-10-11", "2026-10-08",
		 2, FZ_OK, FZ_STATUS_GREEN, 2},
		{"paused clock", WD, NULL, "2026-10-08", 3, FZ_OK, FZ_STATUS_PAUSED, 0},
		/* A fixed end years ahead: green, calendar days left, the due day itself
		 * outside the loaded calendar. */
		{"DAY due 2031-11-22 from 2026-11-23: green, 1,825 days", DAY, "2031-11-22",
		 "2026-11-23", 3, FZ_OK, FZ_STATUS_GREEN, 1825},
		/* The window ends on the 3rd WD after Friday 2026-09-25 (09-30); a fixed end
		 * on 09-29 lies inside it. */
		{"DAY due inside the 3-WD window: yellow, calendar days left", DAY, "2026-09-29",
		 "2026-09-25", 3, FZ_OK, FZ_STATUS_YELLOW, 4},
		{"DAY overdue by calendar days", DAY, "2026-10-03", "2026-10-08", 3, FZ_OK,
		 FZ_STATUS_RED, -5},
		/* Issue 15 item 2: today past the loaded calendar, an overdue clock stays
		 * red; (12-31, 01-04] beyond 2026 counts Monday to Friday: 01-01, 01-04. */
		{"today in unloaded 2027: due in 2026 stays red", WD, "2026-12-31", "2027-01-04",
		 3, FZ_OK, FZ_STATUS_RED, -2},
		{"today in unloaded 2027, CD due in 2026: red", CD, "2026-12-20", "2027-01-04", 3,
		 FZ_OK, FZ_STATUS_RED, -15},
		/* A fixed end whose window reaches into 2027: 12-29 + 3 WD (Mon-Fri) = 01-01. */
		{"DAY window into unloaded 2027: yellow", DAY, "2027-01-01", "2026-12-29", 3, FZ_OK,
		 FZ_STATUS_YELLOW, 3},
		{"today in unloaded 2027, due in 2027: no answer", WD, "2027-01-05", "2027-01-04",
		 3, FZ_EDATE_RANGE, FZ_STATUS_GREEN, 0},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct status_row *r = &rows[i];
		enum fz_clock_status st = FZ_STATUS_STOPPED;
		int left = -12345;
		enum fz_code code = fz_clock_status(cal, r->unit, D(r->due), D(r->today),
						    r->yellow_wd, &st, &left);
		bool ok =
			code == r->code && (code != FZ_OK || (st == r->status && left == r->left));
		if (!ok) {
			print_message("FAIL [%s] due %s today %s window %d: "
				      "got %s %s %d, want %s %s %d\n",
				      r->name, r->due ? r->due : "OPEN", r->today, r->yellow_wd,
				      fz_code_name(code), fz_clock_status_name(st), left,
				      fz_code_name(r->code), fz_clock_status_name(r->status),
				      r->left);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
	assert_string_equal(fz_clock_status_name(FZ_STATUS_GREEN), "green");
	assert_string_equal(fz_clock_status_name(FZ_STATUS_YELLOW), "yellow");
	assert_string_equal(fz_clock_status_name(FZ_STATUS_RED), "red");
	assert_string_equal(fz_clock_status_name(FZ_STATUS_PAUSED), "paused");
	assert_string_equal(fz_clock_status_name(FZ_STATUS_STOPPED), "stopped");
}

/* ---- explanation ---------------------------------------------------- */

#define MAXL 16

struct explain_case {
	const char *name;
	struct clock_row clock;
	const char *const *reasons;
	const char *lines[MAXL]; /* exactly these, in order */
};

static const char *const third_party[] = {"征求第三方意见"};

static void explain_lines_table(void **state)
{
	const struct fz_calendar *cal = *state;
	static const struct explain_case cases[] = {
		{"WD across Mid-Autumn and National Day 2026 (numbers as in clock_mechanics_table)",
		 {"", WD, 20, 0, "2026-09-25", P0, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2026-09-25（当日不计入），按工作日计算 20 日。",
		  "跳过法定节假日：2026-09-26 至 2026-09-27 中秋节、2026-10-01 至 2026-10-07 "
		  "国庆节，共 9 日；周末 5 日。",
		  "计入调休上班日：2026-10-10 国庆节调休上班。", "到期日 2026-10-29。"}},
		{"CD rolled forward out of National Day",
		 {"", CD, 15, 0, "2026-09-18", P0, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2026-09-18（当日不计入），按自然日计算 15 日。",
		  "期满日 2026-10-03 为法定节假日（国庆节），顺延至其后第一个工作日 "
		  "2026-10-08（民事诉讼法 第85条）。",
		  "到期日 2026-10-08。"}},
		/* 03-13 + 15 = 03-28, a Saturday. */
		{"CD rolled forward off a weekend",
		 {"", CD, 15, 0, "2026-03-13", P0, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2026-03-13（当日不计入），按自然日计算 15 日。",
		  "期满日 2026-03-28 为休息日（星期六），顺延至其后第一个工作日 "
		  "2026-03-30（民事诉讼法 第85条）。",
		  "到期日 2026-03-30。"}},
		{"CD ending on a make-up Saturday",
		 {"", CD, 60, 0, "2026-08-11", P0, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2026-08-11（当日不计入），按自然日计算 60 日。",
		  "期满日 2026-10-10 为调休上班日（国庆节调休上班），不顺延。",
		  "到期日 2026-10-10。"}},
		/* 40 WD with the pause of clock_mechanics_table: the 20th is 11-11, then
		 * 11-12/13 = 21/22, 11-16..20 = 23..27, 11-23..27 = 28..32, 11-30..12-04 =
		 * 33..37, 12-07..09 = 38..40. Walked 10-01..12-09 = 70 days: 40 counted,
		 * 8 paused, 7 H, so 15 weekend days. */
		{"pause with its reason, and an extension",
		 {"",
		  WD,
		  20,
		  20,
		  "2026-09-30",
		  {{"2026-10-12", "2026-10-20"}},
		  1,
		  FZ_OK,
		  NULL,
		  STAT},
		 third_party,
		 {"起算日 2026-09-30（当日不计入），按工作日计算 20 日。",
		  "跳过法定节假日：2026-10-01 至 2026-10-07 国庆节，共 7 日；周末 15 日。",
		  "计入调休上班日：2026-10-10 国庆节调休上班。",
		  "暂停 2026-10-12 至 2026-10-20（征求第三方意见），2026-10-13 至 2026-10-20 共 8 "
		  "日不计入。",
		  "延长 20 个工作日。", "到期日 2026-12-09。"}},
		{"the same without reasons (the caller adds them)",
		 {"",
		  WD,
		  20,
		  20,
		  "2026-09-30",
		  {{"2026-10-12", "2026-10-20"}},
		  1,
		  FZ_OK,
		  NULL,
		  STAT},
		 NULL,
		 {"起算日 2026-09-30（当日不计入），按工作日计算 20 日。",
		  "跳过法定节假日：2026-10-01 至 2026-10-07 国庆节，共 7 日；周末 15 日。",
		  "计入调休上班日：2026-10-10 国庆节调休上班。",
		  "暂停 2026-10-12 至 2026-10-20，2026-10-13 至 2026-10-20 共 8 日不计入。",
		  "延长 20 个工作日。", "到期日 2026-12-09。"}},
		{"open pause",
		 {"", WD, 20, 0, "2026-09-30", {{"2026-10-12", NULL}}, 1, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2026-09-30（当日不计入），按工作日计算 20 日。",
		  "跳过法定节假日：2026-10-01 至 2026-10-07 国庆节，共 7 日；周末 1 日。",
		  "计入调休上班日：2026-10-10 国庆节调休上班。",
		  "2026-10-12 起暂停，暂停当日计入，次日起不计入，尚未恢复。",
		  "计时暂停中，暂无到期日：已计 4 个工作日，尚余 16 个工作日，"
		  "恢复后自恢复日次日起继续计算。"}},
		{"pause after the due day",
		 {"",
		  WD,
		  20,
		  0,
		  "2026-09-25",
		  {{"2026-11-02", "2026-11-05"}},
		  1,
		  FZ_OK,
		  NULL,
		  STAT},
		 NULL,
		 {"起算日 2026-09-25（当日不计入），按工作日计算 20 日。",
		  "跳过法定节假日：2026-09-26 至 2026-09-27 中秋节、2026-10-01 至 2026-10-07 "
		  "国庆节，共 9 日；周末 5 日。",
		  "计入调休上班日：2026-10-10 国庆节调休上班。",
		  "暂停 2026-11-02 至 2026-11-05，发生在期限届满之后，不影响到期日。",
		  "到期日 2026-10-29。"}},
		/* 03-10 1, 03-11 2, 03-12 3, 03-13 4, 03-16 5: only a weekend skipped. */
		{"weekend only, no holiday",
		 {"", WD, 5, 0, "2026-03-09", P0, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2026-03-09（当日不计入），按工作日计算 5 日。", "跳过周末 2 日。",
		  "到期日 2026-03-16。"}},
		/*
		 * More special days than FZ_CLOCK_MAX_NOTES. Working days per month of
		 * 2024 (weekdays - weekday holidays + make-up days): Feb 21-5+2 = 18,
		 * Mar 21, Apr 22-2+2 = 22, May 23-3+1 = 21, Jun 20-1 = 19, Jul 23,
		 * Aug 22, Sep 21-2+2 = 21, Oct 23-5+1 = 19; total 186, so 186 WD from
		 * 01-31 end on 10-31. Holidays 8+3+5+1+3+7 = 27; of the 274 days walked
		 * 78 are Saturdays or Sundays, 9 of them holidays and 8 make-up days, so
		 * 61 weekend days skipped. The 32 notes stop at 10-05 (the 32nd special
		 * day), so the lines end in "等".
		 */
		{"more special days than notes",
		 {"", WD, 186, 0, "2024-01-31", P0, FZ_OK, NULL, STAT},
		 NULL,
		 {"起算日 2024-01-31（当日不计入），按工作日计算 186 日。",
		  "跳过法定节假日：2024-02-10 至 2024-02-17 春节、2024-04-04 至 2024-04-06 清明节、"
		  "2024-05-01 至 2024-05-05 劳动节、2024-06-10 端午节、2024-09-15 至 2024-09-17 "
		  "中秋节、2024-10-01 至 2024-10-05 国庆节等，共 27 日；周末 61 日。",
		  "计入调休上班日：2024-02-04 春节调休上班、2024-02-18 春节调休上班、2024-04-07 "
		  "清明节调休上班、2024-04-28 劳动节调休上班、2024-05-11 劳动节调休上班、"
		  "2024-09-14 中秋节调休上班、2024-09-29 国庆节调休上班等。",
		  "到期日 2024-10-31。"}},
	};
	int failures = 0;
	for (size_t c = 0; c < NROWS(cases); c++) {
		const struct explain_case *k = &cases[c];
		struct fz_clock_pause pauses[3];
		struct fz_clock_spec spec;
		spec_of(&k->clock, &spec, pauses);
		struct fz_clock_explain ex;
		struct fz_err err;
		fz_err_clear(&err);
		if (fz_clock_compute(cal, &spec, &ex, &err) != FZ_OK) {
			print_message("FAIL [%s]: compute failed: %s\n", k->name, err.message);
			failures++;
			continue;
		}
		char lines[MAXL][FZ_CLOCK_LINE];
		size_t n = fz_clock_explain_lines_reasons(cal, &spec, &ex, k->reasons, lines, MAXL);
		size_t want = 0;
		while (want < MAXL && k->lines[want])
			want++;
		bool ok = n == want;
		for (size_t i = 0; ok && i < n; i++)
			ok = strcmp(lines[i], k->lines[i]) == 0;
		if (!ok) {
			print_message("FAIL [%s] from %s: got %zu lines, want %zu:\n", k->name,
				      k->clock.trigger, n, want);
			for (size_t i = 0; i < n || i < want; i++)
				print_message("  got:  %s\n  want: %s\n", i < n ? lines[i] : "",
					      i < want ? k->lines[i] : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void explain_lines_limits(void **state)
{
	const struct fz_calendar *cal = *state;
	struct fz_clock_pause pause = {D("2026-10-12"), D("2026-10-20")};
	struct fz_clock_spec spec = {
		.unit = WD, .days = 20, .trigger = D("2026-09-30"), .pauses = &pause, .npauses = 1};
	struct fz_clock_explain ex;
	assert_int_equal(fz_clock_compute(cal, &spec, &ex, NULL), FZ_OK);

	/* max bounds what is written. */
	char two[3][FZ_CLOCK_LINE];
	memset(two, 'x', sizeof two);
	assert_int_equal(fz_clock_explain_lines(cal, &spec, &ex, two, 2), 2);
	assert_true(two[2][0] == 'x');
	assert_int_equal(fz_clock_explain_lines(cal, &spec, &ex, NULL, 0), 0);

	/* A reason longer than a line is shortened at a character boundary, and the
	 * sentence around it stays whole. */
	char reason[1200];
	size_t len = 0;
	while (len + 3 < sizeof reason) {
		memcpy(reason + len, "中", 3);
		len += 3;
	}
	reason[len] = '\0';
	const char *reasons[] = {reason};
	char lines[MAXL][FZ_CLOCK_LINE];
	size_t n = fz_clock_explain_lines_reasons(cal, &spec, &ex, reasons, lines, MAXL);
	assert_int_equal(n, 5);
	const char *p = lines[3];
	const char *head = "暂停 2026-10-12 至 2026-10-20（中中中";
	const char *tail = "中…），2026-10-13 至 2026-10-20 共 8 日不计入。";
	size_t plen = strlen(p);
	assert_true(plen < FZ_CLOCK_LINE);
	assert_true(strncmp(p, head, strlen(head)) == 0);
	assert_true(plen > strlen(tail) && strcmp(p + plen - strlen(tail), tail) == 0);
	assert_string_equal(lines[4], "到期日 2026-11-11。");
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(statutory_periods_table, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(clock_mechanics_table, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(clock_invalid_and_out_of_range, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(clock_notes, setup_official, teardown_official),
		cmocka_unit_test_setup_teardown(status_table, setup_official, teardown_official),
		cmocka_unit_test_setup_teardown(explain_lines_table, setup_official,
						teardown_official),
		cmocka_unit_test_setup_teardown(explain_lines_limits, setup_official,
						teardown_official),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
