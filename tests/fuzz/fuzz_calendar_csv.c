/*
 * fuzz_calendar_csv.c - libFuzzer target for core/calendar.c: the official
 * calendar loader fz_calendar_load_csv, which reads files an administrator
 * uploads or edits by hand.
 *
 * Input: CSV text in the format of data/cn-calendar.csv (any bytes).
 * Checks: loading is all or nothing (a calendar that already knows 2026 is
 * unchanged by a rejected file, and keeps 2026 when the file does not name
 * it); a failure names a field and gives a message; whatever was loaded
 * answers questions about its years without error.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "fuzz_check.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static bool same_year(const struct fz_calendar *a, const struct fz_calendar *b, int year)
{
	int last = fz_date_from_ymd(year + 1, 1, 1);
	for (int day = fz_date_from_ymd(year, 1, 1); day < last; day++) {
		const char *na = fz_calendar_day_name(a, day), *nb = fz_calendar_day_name(b, day);
		if (fz_calendar_kind(a, day) != fz_calendar_kind(b, day) || !na != !nb ||
		    (na && strcmp(na, nb) != 0))
			return false;
	}
	return true;
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	/* Exactly size bytes, no terminator: the loader must go by len. */
	char *text = malloc(size ? size : 1);
	FUZZ_CHECK(text);
	if (size)
		memcpy(text, data, size);

	struct fz_calendar *cal = fz_calendar_new();
	FUZZ_CHECK(cal);
	FUZZ_CHECK(fz_calendar_set_day(cal, fz_date_from_ymd(2026, 10, 1), FZ_DAY_HOLIDAY,
				       "国庆节") == FZ_OK);
	FUZZ_CHECK(fz_calendar_set_day(cal, fz_date_from_ymd(2026, 10, 10), FZ_DAY_WORKDAY,
				       "国庆节调休上班") == FZ_OK);
	struct fz_calendar *before = fz_calendar_clone(cal);
	FUZZ_CHECK(before);

	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = fz_calendar_load_csv(cal, text, size, &err);

	int years[FZ_CAL_MAX_YEAR - FZ_CAL_MIN_YEAR + 1];
	int n = fz_calendar_years(cal, years, (int)(sizeof years / sizeof years[0]));
	FUZZ_CHECK(n >= 1 && n <= (int)(sizeof years / sizeof years[0]));
	if (rc != FZ_OK) {
		FUZZ_CHECK(err.code == rc && err.message[0] != '\0' && err.field[0] != '\0');
		FUZZ_CHECK(n == 1 && years[0] == 2026);
		FUZZ_CHECK(same_year(cal, before, 2026));
	} else {
		FUZZ_CHECK(fz_calendar_covers(cal, fz_date_from_ymd(2026, 6, 1)));
		for (int i = 0; i < n; i++) {
			FUZZ_CHECK(years[i] >= FZ_CAL_MIN_YEAR && years[i] <= FZ_CAL_MAX_YEAR);
			FUZZ_CHECK(i == 0 || years[i] > years[i - 1]);
			int first = fz_date_from_ymd(years[i], 1, 1), out = 0;
			bool work = false;
			FUZZ_CHECK(fz_calendar_covers(cal, first));
			FUZZ_CHECK(fz_calendar_is_workday(cal, first, &work) == FZ_OK);
			/* 20 working days from 1 January may reach an unloaded year. */
			enum fz_code arc = fz_calendar_add_workdays(cal, first, 20, &out);
			FUZZ_CHECK(arc == FZ_OK || arc == FZ_EDATE_RANGE);
			FUZZ_CHECK(arc != FZ_OK || out > first);
		}
	}
	fz_calendar_free(before);
	fz_calendar_free(cal);
	free(text);
	return 0;
}
