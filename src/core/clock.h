/*
 * clock.h - statutory clocks: due date, days left, status, and the explanation.
 *
 * A clock counts `days` (+ `extended_days`) working days (WD) or calendar days
 * (CD) from a trigger day, on the official calendar (core/calendar.h), with
 * pauses excluded. Pause semantics (issue 2, 政府信息公开条例 第33条, 行政许可法
 * 第45条): the days between the pause day (exclusive) and the resume day
 * (inclusive) are not counted; on resume the days that were left are counted
 * again from the resume day. A restart is a new trigger day with the pauses
 * cleared (the caller stores that). Everything here is pure: no I/O, no clock
 * reading; "today" is an argument.
 *
 * The due date is defined by walking: from trigger+1 on, each day that is not
 * inside a pause interval (from, to] is counted if it is a working day (WD) or
 * always (CD); the day on which the count reaches days+extended_days is the due
 * day (for CD, then moved to the next working day if it is not one). A pause
 * that begins after that day does not move it. While a pause is open (to ==
 * FZ_OPEN) there is no due date; days_left tells what is left.
 */
#ifndef FZ_CORE_CLOCK_H
#define FZ_CORE_CLOCK_H

#include <stdbool.h>
#include <stddef.h>

#include "core/calendar.h"

#define FZ_OPEN (-1)

/*
 * WD: working days on the official calendar. CD: calendar days, a period that
 * ends on a rest day ending on the next working day (the statutory rule).
 * DAY: calendar days to a fixed end, never moved (a certificate's last day of
 * validity): counted without the calendar, so it is known years ahead.
 */
enum fz_clock_unit { FZ_UNIT_WD = 0, FZ_UNIT_CD = 1, FZ_UNIT_DAY = 2 };

/* "WD", "CD", "DAY" as stored and in the API; parse returns false on anything else. */
const char *fz_clock_unit_code(enum fz_clock_unit unit);
bool fz_clock_unit_parse(const char *code, enum fz_clock_unit *out);
/* "工作日", "自然日", "日（期满不顺延）". */
const char *fz_clock_unit_label(enum fz_clock_unit unit);

enum fz_clock_status {
	FZ_STATUS_GREEN = 0,  /* running, not yet due soon */
	FZ_STATUS_YELLOW = 1, /* due within the clock's warning window (fz_clock_warn_days) */
	FZ_STATUS_RED = 2,    /* overdue: today is after the due day */
	FZ_STATUS_PAUSED = 3, /* paused: no due date while paused */
	FZ_STATUS_STOPPED = 4 /* stopped: finished, no longer supervised */
};

struct fz_clock_pause {
	int from; /* the pause day (not excluded itself) */
	int to;   /* the resume day (excluded), or FZ_OPEN while paused */
};

struct fz_clock_spec {
	enum fz_clock_unit unit;
	int days;          /* statutory number of days, > 0 */
	int extended_days; /* approved extensions, >= 0 */
	int trigger;       /* trigger day (not counted) */
	const struct fz_clock_pause *pauses; /* ascending, non-overlapping */
	size_t npauses;
};

/* A special day met while counting, for the explanation. */
struct fz_clock_note_day {
	int day;
	enum fz_day_kind kind; /* HOLIDAY skipped, or WORKDAY counted */
};

#define FZ_CLOCK_MAX_NOTES 32

struct fz_clock_explain {
	int due;              /* due day, or FZ_OPEN while paused */
	int counted;          /* days counted toward the total (so far, if paused) */
	int left_when_paused; /* days still to count when paused, else 0 */
	int weekend_skipped;  /* weekend days not counted (WD clocks) */
	int paused_days;      /* calendar days inside pause intervals up to due */
	int rolled_from;      /* CD: the raw end day before moving to a working day, or FZ_OPEN */
	size_t nnotes;        /* holidays skipped and make-up days counted (first 32) */
	struct fz_clock_note_day notes[FZ_CLOCK_MAX_NOTES];
};

/*
 * Compute the due day and explanation. Fails with FZ_EDATE_RANGE when the
 * walk leaves the loaded years, FZ_EBAD_VALUE on an invalid spec (days <= 0,
 * extended_days < 0, pauses out of order or before the trigger).
 */
enum fz_code fz_clock_compute(const struct fz_calendar *cal, const struct fz_clock_spec *spec,
			      struct fz_clock_explain *out, struct fz_err *err);

/*
 * Status of a running clock on `today`, and days left: for WD clocks the
 * working days in (today, due], for CD clocks due - today; negative when
 * overdue (-(days past due), counted the same way, and at most -1 even when
 * no working day has passed since the due day). yellow_wd is the warning
 * window: yellow when due <= today + yellow_wd working days. A paused clock
 * (due == FZ_OPEN) is FZ_STATUS_PAUSED with days_left 0 (see left_when_paused).
 */
enum fz_code fz_clock_status(const struct fz_calendar *cal, enum fz_clock_unit unit, int due,
			     int today, int yellow_wd, enum fz_clock_status *status, int *days_left);

/*
 * The warning window of one clock, in working days (issue 15): the county's
 * setting (clock.yellow_days), but never more than half the clock's period
 * (days + extended days, rounded down), so a clock is green when it starts
 * and turns yellow in the second half of its period at the earliest: a 2-WD
 * assignment period warns 1 WD ahead, a 5-WD one 2 WD ahead, a 15-WD reply
 * period the setting's 3 WD. A period of 1 day warns on its due day only.
 */
int fz_clock_warn_days(int setting, int period);
/*
 * The last day of a window of `window` working days after today (today itself
 * for 0): a clock due on or before it is yellow. Beyond the loaded calendar the
 * days are counted Monday to Friday (a status, never a due day).
 */
int fz_clock_warn_end(const struct fz_calendar *cal, int today, int window);

/*
 * The explanation as Chinese sentences, one per line, e.g.
 *   "起算日 2026-09-30（当日不计入），按工作日计算 20 日。"
 *   "跳过法定节假日：2026-10-01 国庆节 … 共 7 日；周末 2 日。"
 *   "计入调休上班日：2026-10-10 国庆节调休上班。"
 *   "暂停 2026-10-12 至 2026-10-20（征求第三方意见），期间不计入。"
 *   "延长 20 个工作日。"
 *   "期满日 2026-11-01 为休息日，顺延至 2026-11-02。"
 *   "到期日 2026-11-02。"
 * Writes up to max lines into lines[] (each NUL-terminated, at most
 * FZ_CLOCK_LINE bytes) and returns the number written. Pure formatting.
 */
#define FZ_CLOCK_LINE 512
size_t fz_clock_explain_lines(const struct fz_calendar *cal, const struct fz_clock_spec *spec,
			      const struct fz_clock_explain *ex, char (*lines)[FZ_CLOCK_LINE],
			      size_t max);
/*
 * The same, with a reason beside each pause: reasons[i] belongs to
 * spec->pauses[i] and may be NULL or ""; reasons itself may be NULL.
 * fz_clock_explain_lines is this with reasons == NULL.
 */
size_t fz_clock_explain_lines_reasons(const struct fz_calendar *cal,
				      const struct fz_clock_spec *spec,
				      const struct fz_clock_explain *ex, const char *const *reasons,
				      char (*lines)[FZ_CLOCK_LINE], size_t max);

const char *fz_clock_status_name(enum fz_clock_status s); /* "green", "yellow", ... */

#endif
