/*
 * calendar.h - civil dates and the official working-day calendar.
 *
 * A date is an int day number: days since 1970-01-01 (proleptic Gregorian),
 * so date arithmetic is integer arithmetic. The calendar knows, for each year
 * it has loaded, which weekdays are official holidays and which weekend days
 * are make-up working days (调休上班). Asking about a day outside the loaded
 * years is an error (FZ_EDATE_RANGE), never a guess.
 *
 * Counting follows spec/statutory-rules.md "How periods are counted": the
 * trigger day is not counted; a working-day (WD) period ends on the N-th working
 * day after the trigger day; a calendar-day (CD) period ends N days after the
 * trigger day, moved to the next working day when that day is not a working day
 * (民事诉讼法 第85条, applied by 行政复议法 第88条1款 and 行政诉讼法 第101条).
 *
 * Not for: I/O. The caller reads the CSV file and hands the text in.
 * Thread-safety: a calendar is built once, then only read; many threads may
 * read one calendar at once. Replacing it is the owner's job (see
 * platform/calendar_store.h).
 */
#ifndef FZ_CORE_CALENDAR_H
#define FZ_CORE_CALENDAR_H

#include <stdbool.h>
#include <stddef.h>

#include "core/err.h"

#define FZ_CAL_MIN_YEAR 1990
#define FZ_CAL_MAX_YEAR 2100

enum fz_day_kind {
	FZ_DAY_NORMAL = 0,  /* ordinary: weekday works, weekend rests */
	FZ_DAY_HOLIDAY = 1, /* official holiday, no work */
	FZ_DAY_WORKDAY = 2, /* official make-up working day */
};

/* Strict "YYYY-MM-DD" (a real date, years FZ_CAL_MIN_YEAR..FZ_CAL_MAX_YEAR). */
enum fz_code fz_date_parse(const char *s, int *out_day);
/* Writes "YYYY-MM-DD" and a NUL into out (11 bytes). */
void fz_date_format(int day, char out[11]);
int fz_date_from_ymd(int y, int m, int d);
void fz_date_to_ymd(int day, int *y, int *m, int *d);
/* 1 = Monday ... 7 = Sunday. */
int fz_date_weekday(int day);

struct fz_calendar;

/* Empty calendar with no year loaded. Owner frees with fz_calendar_free. */
struct fz_calendar *fz_calendar_new(void);
void fz_calendar_free(struct fz_calendar *cal);
/* Deep copy, so an administrator's change can be built beside the live one. */
struct fz_calendar *fz_calendar_clone(const struct fz_calendar *cal);

/*
 * Parse CSV text in the format of data/cn-calendar.csv: lines starting with
 * '#' are comments, a header line "date,kind,name", then rows
 * "YYYY-MM-DD,holiday|workday,名称". Every year that has at least one row
 * becomes loaded. A holiday on a weekend and a workday on a weekday are
 * accepted (they change nothing but the name). The rows of a year replace
 * everything previously known about that year (a corrected file for a year
 * is the whole year); years without rows in the text are left alone. A date
 * may appear once. On any bad row nothing is changed and err names the line
 * ("第 N 行：…").
 */
enum fz_code fz_calendar_load_csv(struct fz_calendar *cal, const char *text, size_t len,
				  struct fz_err *err);
/*
 * Set one day; marks its year loaded. name may be NULL; it is copied (at most
 * 96 bytes, else FZ_EBAD_VALUE). A FZ_DAY_NORMAL day keeps no name.
 */
enum fz_code fz_calendar_set_day(struct fz_calendar *cal, int day, enum fz_day_kind kind,
				 const char *name);
/* Mark a year loaded even if it has no special days. */
enum fz_code fz_calendar_mark_year(struct fz_calendar *cal, int year);

bool fz_calendar_covers(const struct fz_calendar *cal, int day);
/*
 * A provisional copy for a date that cannot wait (issue 15): every year not
 * loaded counts as loaded with weekends as its only rest days, the loaded
 * years as they are. Only ever shown marked as provisional, never stored as a
 * due day. Caller owns the copy (fz_calendar_free); NULL when out of memory.
 */
struct fz_calendar *fz_calendar_provisional(const struct fz_calendar *cal);
/* Loaded years, ascending, into years[max]; returns how many there are. */
int fz_calendar_years(const struct fz_calendar *cal, int *years, int max);
enum fz_day_kind fz_calendar_kind(const struct fz_calendar *cal, int day);
/* Holiday or make-up name for a special day, else NULL. Owned by cal. */
const char *fz_calendar_day_name(const struct fz_calendar *cal, int day);

/*
 * The functions below fail with FZ_EDATE_RANGE unless every day they look at,
 * the start day included (although it is not counted), is in a loaded year;
 * on failure *out is left as it was.
 */
enum fz_code fz_calendar_is_workday(const struct fz_calendar *cal, int day, bool *out);
/* WD period: the n-th working day after day (n >= 0; n == 0 gives day). */
enum fz_code fz_calendar_add_workdays(const struct fz_calendar *cal, int day, int n, int *out);
/* CD period: day + n, rolled to the next working day if that is not one. */
enum fz_code fz_calendar_add_days(const struct fz_calendar *cal, int day, int n, int *out);
/* Working days in (from, to]; negative when to < from (counts (to, from]). */
enum fz_code fz_calendar_workdays_between(const struct fz_calendar *cal, int from, int to,
					  int *out);

#endif
