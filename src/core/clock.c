/*
 * clock.c - statutory clocks: the due day, the status on a given day, and the
 * explanation of how the due day was reached, in Chinese.
 *
 * For: the pure arithmetic of clock.h, on the official calendar of
 * core/calendar.c, following spec/statutory-rules.md "How periods are counted".
 * Not for: storing clocks or their events, deciding which statutory period
 * applies to a case (the modules do), reading today's date, or pause reasons
 * (the caller keeps them and may pass them to fz_clock_explain_lines_reasons).
 */
#include "core/clock.h"

#include <assert.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

/* About a century of days; a longer period is an input error, not a deadline. */
#define MAX_PERIOD 36600

static const char *const weekday_names[8] = {"",       "星期一", "星期二", "星期三",
					     "星期四", "星期五", "星期六", "星期日"};

static const char *unit_word(enum fz_clock_unit unit)
{
	return unit == FZ_UNIT_WD ? "工作日" : "自然日";
}

const char *fz_clock_unit_code(enum fz_clock_unit unit)
{
	return unit == FZ_UNIT_CD ? "CD" : unit == FZ_UNIT_DAY ? "DAY" : "WD";
}

bool fz_clock_unit_parse(const char *code, enum fz_clock_unit *out)
{
	static const enum fz_clock_unit all[] = {FZ_UNIT_WD, FZ_UNIT_CD, FZ_UNIT_DAY};
	for (size_t i = 0; code && i < sizeof all / sizeof all[0]; i++)
		if (strcmp(code, fz_clock_unit_code(all[i])) == 0) {
			*out = all[i];
			return true;
		}
	return false;
}

const char *fz_clock_unit_label(enum fz_clock_unit unit)
{
	return unit == FZ_UNIT_DAY ? "日（期满不顺延）" : unit_word(unit);
}

static enum fz_code out_of_calendar(struct fz_err *err, int day)
{
	char d[11];
	int y;
	fz_date_format(day, d);
	fz_date_to_ymd(day, &y, NULL, NULL);
	return fz_err_set(
		err, FZ_EDATE_RANGE, "calendar",
		"计算期限需要 %s 的节假日安排，但 %d 年的日历尚未载入，请管理员先载入该年日历", d,
		y);
}

/* A day number the calendar can hold (years FZ_CAL_MIN_YEAR..FZ_CAL_MAX_YEAR). */
static bool valid_day(int day)
{
	return day >= fz_date_from_ymd(FZ_CAL_MIN_YEAR, 1, 1) &&
	       day <= fz_date_from_ymd(FZ_CAL_MAX_YEAR, 12, 31);
}

static enum fz_code check_spec(const struct fz_calendar *cal, const struct fz_clock_spec *spec,
			       struct fz_err *err)
{
	if (spec->unit != FZ_UNIT_WD && spec->unit != FZ_UNIT_CD && spec->unit != FZ_UNIT_DAY)
		return fz_err_set(err, FZ_EBAD_VALUE, "unit", "计时单位应为工作日或自然日");
	if (spec->days <= 0 || spec->days > MAX_PERIOD)
		return fz_err_set(err, FZ_EBAD_VALUE, "days", "期限天数应为 1 到 %d 之间的整数",
				  MAX_PERIOD);
	if (spec->extended_days < 0 || spec->extended_days > MAX_PERIOD)
		return fz_err_set(err, FZ_EBAD_VALUE, "extended_days",
				  "延长天数应为 0 到 %d 之间的整数", MAX_PERIOD);
	if (spec->npauses && !spec->pauses)
		return fz_err_set(err, FZ_EBAD_VALUE, "pauses", "暂停记录缺失");
	for (size_t i = 0; i < spec->npauses; i++) {
		const struct fz_clock_pause *p = &spec->pauses[i];
		if (!valid_day(p->from) || (p->to != FZ_OPEN && !valid_day(p->to)))
			return fz_err_set(err, FZ_EBAD_VALUE, "pauses", "第 %zu 次暂停的日期无效",
					  i + 1);
		if (p->from < spec->trigger)
			return fz_err_set(err, FZ_EBAD_VALUE, "pauses",
					  "第 %zu 次暂停的暂停日早于起算日", i + 1);
		if (p->to != FZ_OPEN && p->to < p->from)
			return fz_err_set(err, FZ_EBAD_VALUE, "pauses",
					  "第 %zu 次暂停的恢复日早于暂停日", i + 1);
		if (p->to == FZ_OPEN && i + 1 != spec->npauses)
			return fz_err_set(err, FZ_EBAD_VALUE, "pauses",
					  "第 %zu 次暂停尚未恢复，之后不能再有暂停", i + 1);
		if (i > 0 && p->from < spec->pauses[i - 1].to)
			return fz_err_set(err, FZ_EBAD_VALUE, "pauses",
					  "第 %zu 次暂停与前一次暂停重叠或顺序颠倒", i + 1);
	}
	if (!fz_calendar_covers(cal, spec->trigger))
		return out_of_calendar(err, spec->trigger);
	return FZ_OK;
}

static void note(struct fz_clock_explain *ex, int day, enum fz_day_kind kind)
{
	if (ex->nnotes < FZ_CLOCK_MAX_NOTES) {
		ex->notes[ex->nnotes].day = day;
		ex->notes[ex->nnotes].kind = kind;
		ex->nnotes++;
	}
}

/*
 * The walking definition of clock.h, day by day. A pause (from, to] excludes
 * the days after the pause day up to and including the resume day (政府信息公开条例
 * 第33条, 行政许可法 第45条); the pause day itself still counts. The walk stops
 * on the day the count completes, so a pause beginning on or after that day
 * never moves it.
 *
 * Notes: for WD clocks, the holidays skipped and the make-up days (on a
 * weekend) counted. For CD clocks nothing is skipped while counting; the notes
 * are the holidays passed over by the roll-forward, or the end day itself when
 * it is a weekend make-up working day and therefore kept; weekend_skipped
 * stays 0.
 */
enum fz_code fz_clock_compute(const struct fz_calendar *cal, const struct fz_clock_spec *spec,
			      struct fz_clock_explain *out, struct fz_err *err)
{
	assert(cal && spec && out);
	enum fz_code rc = check_spec(cal, spec, err);
	if (rc != FZ_OK)
		return rc;

	struct fz_clock_explain ex = {.due = FZ_OPEN, .rolled_from = FZ_OPEN};
	const int total = spec->days + spec->extended_days;
	size_t p = 0;
	int d = spec->trigger;
	bool open = false;
	while (ex.counted < total) {
		d++;
		while (p < spec->npauses && spec->pauses[p].to != FZ_OPEN && spec->pauses[p].to < d)
			p++;
		if (p < spec->npauses && d > spec->pauses[p].from) {
			if (spec->pauses[p].to == FZ_OPEN) {
				open = true;
				break;
			}
			ex.paused_days += spec->pauses[p].to - d + 1;
			d = spec->pauses[p].to;
			continue;
		}
		if (spec->unit == FZ_UNIT_DAY) {
			if (!valid_day(d))
				return out_of_calendar(err, d);
			ex.counted++;
			continue;
		}
		bool work;
		if (fz_calendar_is_workday(cal, d, &work) != FZ_OK)
			return out_of_calendar(err, d);
		if (spec->unit == FZ_UNIT_CD) {
			ex.counted++;
		} else if (work) {
			ex.counted++;
			if (fz_calendar_kind(cal, d) == FZ_DAY_WORKDAY && fz_date_weekday(d) >= 6)
				note(&ex, d, FZ_DAY_WORKDAY);
		} else if (fz_calendar_kind(cal, d) == FZ_DAY_HOLIDAY) {
			note(&ex, d, FZ_DAY_HOLIDAY);
		} else {
			ex.weekend_skipped++;
		}
	}

	if (open) {
		ex.left_when_paused = total - ex.counted;
		*out = ex;
		return FZ_OK;
	}
	if (spec->unit == FZ_UNIT_CD) {
		/*
		 * 民事诉讼法 第85条 (行政复议法 第88条1款, 行政诉讼法 第101条): an end on
		 * a rest day moves to the next working day; a make-up working day is a
		 * working day, so an end on one stays. Pauses do not apply here: the
		 * count is complete.
		 */
		int raw = d;
		for (;;) {
			bool work;
			if (fz_calendar_is_workday(cal, d, &work) != FZ_OK)
				return out_of_calendar(err, d);
			if (work)
				break;
			if (fz_calendar_kind(cal, d) == FZ_DAY_HOLIDAY)
				note(&ex, d, FZ_DAY_HOLIDAY);
			d++;
		}
		if (d != raw)
			ex.rolled_from = raw;
		else if (fz_calendar_kind(cal, d) == FZ_DAY_WORKDAY && fz_date_weekday(d) >= 6)
			note(&ex, d, FZ_DAY_WORKDAY);
	}
	ex.due = d;
	*out = ex;
	return FZ_OK;
}

/*
 * Working days in (from, to] for a status only, never for a due day: the
 * official calendar where it is loaded, Monday to Friday beyond it. Used when
 * today has run past the last loaded year (an overdue clock stays overdue and
 * its days overdue are still told) or a warning window reaches into it.
 */
static int workdays_lenient(const struct fz_calendar *cal, int from, int to)
{
	int n = 0;
	for (int d = from + 1; d <= to; d++) {
		bool work;
		if (fz_calendar_is_workday(cal, d, &work) != FZ_OK)
			work = fz_date_weekday(d) <= 5;
		n += work;
	}
	return n;
}

/* The n-th working day after day, on the same terms as workdays_lenient. */
static int add_workdays_lenient(const struct fz_calendar *cal, int day, int n)
{
	int d = day;
	while (n > 0 && d < day + MAX_PERIOD) {
		bool work;
		d++;
		if (fz_calendar_is_workday(cal, d, &work) != FZ_OK)
			work = fz_date_weekday(d) <= 5;
		n -= work;
	}
	return d;
}

int fz_clock_warn_days(int setting, int period)
{
	int half = period / 2;
	if (setting < 0)
		setting = 0;
	return half < setting ? (half < 0 ? 0 : half) : setting;
}

int fz_clock_warn_end(const struct fz_calendar *cal, int today, int window)
{
	int w = today;
	if (window > 0 && fz_calendar_add_workdays(cal, today, window, &w) != FZ_OK)
		w = add_workdays_lenient(cal, today, window);
	return w;
}

/*
 * Yellow when due <= W, W being the yellow_wd-th working day after today.
 * With k working days in (today, due]: k < yellow_wd means due < W; k ==
 * yellow_wd means W <= due, equal exactly when due is a working day (or, for
 * a window of 0, when due is today).
 */
enum fz_code fz_clock_status(const struct fz_calendar *cal, enum fz_clock_unit unit, int due,
			     int today, int yellow_wd, enum fz_clock_status *status, int *days_left)
{
	assert(cal && status && days_left);
	if (due == FZ_OPEN) {
		*status = FZ_STATUS_PAUSED;
		*days_left = 0;
		return FZ_OK;
	}
	if (yellow_wd < 0)
		yellow_wd = 0;
	if (unit != FZ_UNIT_WD) {
		/*
		 * Calendar days left; yellow when due falls on or before W, the
		 * yellow_wd-th working day after today (today itself for 0). Only
		 * the days up to W need the calendar, not the due day.
		 */
		*days_left = due - today;
		if (today > due) {
			*status = FZ_STATUS_RED;
			return FZ_OK;
		}
		*status = due <= fz_clock_warn_end(cal, today, yellow_wd) ? FZ_STATUS_YELLOW
								       : FZ_STATUS_GREEN;
		return FZ_OK;
	}
	int k;
	if (today > due) {
		/*
		 * Overdue is always negative, even on the weekend right after a Friday
		 * due day, when no working day has passed yet: a red clock never shows
		 * (or sorts with) the 0 of a clock due today. A due day inside the
		 * loaded calendar stays overdue when today has run past the last
		 * loaded year; the days overdue beyond it are counted Monday to Friday.
		 */
		if (fz_calendar_workdays_between(cal, today, due, &k) != FZ_OK)
			k = -workdays_lenient(cal, due, today);
		*status = FZ_STATUS_RED;
		*days_left = k < -1 ? k : -1;
		return FZ_OK;
	}
	enum fz_code rc = fz_calendar_workdays_between(cal, today, due, &k);
	if (rc != FZ_OK)
		return rc;
	bool due_works = false;
	rc = fz_calendar_is_workday(cal, due, &due_works);
	if (rc != FZ_OK)
		return rc;
	bool yellow = k < yellow_wd || (k == yellow_wd && (due == today || due_works));
	*status = yellow ? FZ_STATUS_YELLOW : FZ_STATUS_GREEN;
	*days_left = unit == FZ_UNIT_WD ? k : due - today;
	return FZ_OK;
}

const char *fz_clock_status_name(enum fz_clock_status s)
{
	switch (s) {
	case FZ_STATUS_GREEN:
		return "green";
	case FZ_STATUS_YELLOW:
		return "yellow";
	case FZ_STATUS_RED:
		return "red";
	case FZ_STATUS_PAUSED:
		return "paused";
	case FZ_STATUS_STOPPED:
		return "stopped";
	}
	return "unknown";
}

/* ---- explanation ---------------------------------------------------- */

/* One line being written; on overflow it is cut at a UTF-8 character boundary. */
struct linebuf {
	char s[FZ_CLOCK_LINE];
	size_t len;
	bool full;
};

static void cut_utf8(struct linebuf *b)
{
	size_t i = b->len;
	while (i > 0 && ((unsigned char)b->s[i - 1] & 0xc0) == 0x80)
		i--;
	if (i > 0) {
		unsigned char lead = (unsigned char)b->s[i - 1];
		size_t need = lead < 0x80 ? 1 : lead >= 0xf0 ? 4 : lead >= 0xe0 ? 3 : 2;
		if (i - 1 + need > b->len)
			b->len = i - 1;
	}
	b->s[b->len] = '\0';
}

__attribute__((format(printf, 2, 3))) static void add(struct linebuf *b, const char *fmt, ...)
{
	if (b->full)
		return;
	size_t room = sizeof b->s - b->len;
	va_list ap;
	va_start(ap, fmt);
	int n = vsnprintf(b->s + b->len, room, fmt, ap);
	va_end(ap);
	if (n < 0) {
		b->s[b->len] = '\0';
		return;
	}
	if ((size_t)n >= room) {
		b->len = sizeof b->s - 1;
		b->full = true;
		cut_utf8(b);
		return;
	}
	b->len += (size_t)n;
}

static size_t room_left(const struct linebuf *b)
{
	return sizeof b->s - 1 - b->len;
}

struct lines {
	char (*v)[FZ_CLOCK_LINE];
	size_t max;
	size_t n;
};

static void emit(struct lines *o, const struct linebuf *b)
{
	if (o->n < o->max && b->len > 0) {
		memcpy(o->v[o->n], b->s, b->len + 1);
		o->n++;
	}
}

static const char *name_or(const char *name, const char *fallback)
{
	return name && *name ? name : fallback;
}

static bool same_name(const char *a, const char *b)
{
	return (!a && !b) || (a && b && strcmp(a, b) == 0);
}

/* Room kept at the end of the holiday line for "等，共 N 日；周末 M 日。". */
#define TAIL_RESERVE 64

/*
 * "跳过法定节假日：2026-10-01 至 2026-10-07 国庆节，共 7 日；周末 2 日。"
 * Consecutive holidays of one name are written as a range.
 */
static void holiday_line(const struct fz_calendar *cal, const struct fz_clock_spec *spec,
			 const struct fz_clock_explain *ex, struct lines *o)
{
	int noted = 0;
	for (size_t i = 0; i < ex->nnotes; i++)
		noted += ex->notes[i].kind == FZ_DAY_HOLIDAY;
	int holidays = noted;
	if (ex->nnotes >= FZ_CLOCK_MAX_NOTES) {
		/* The notes may be cut short; every walked day was counted, paused,
		 * a weekend or a holiday, so the rest is the holidays. */
		int end = ex->due;
		if (end == FZ_OPEN && spec->npauses)
			end = spec->pauses[spec->npauses - 1].from;
		int derived =
			end - spec->trigger - ex->counted - ex->weekend_skipped - ex->paused_days;
		if (derived > holidays)
			holidays = derived;
	}
	if (holidays == 0 && ex->weekend_skipped == 0)
		return;

	struct linebuf b = {.len = 0};
	if (holidays == 0) {
		add(&b, "跳过周末 %d 日。", ex->weekend_skipped);
		emit(o, &b);
		return;
	}
	add(&b, "跳过法定节假日：");
	bool first = true, cut = false;
	for (size_t i = 0; i < ex->nnotes;) {
		if (ex->notes[i].kind != FZ_DAY_HOLIDAY) {
			i++;
			continue;
		}
		const char *name = fz_calendar_day_name(cal, ex->notes[i].day);
		size_t j = i;
		while (j + 1 < ex->nnotes && ex->notes[j + 1].kind == FZ_DAY_HOLIDAY &&
		       ex->notes[j + 1].day == ex->notes[j].day + 1 &&
		       same_name(fz_calendar_day_name(cal, ex->notes[j + 1].day), name))
			j++;
		char from[11], to[11], group[FZ_CLOCK_LINE];
		fz_date_format(ex->notes[i].day, from);
		fz_date_format(ex->notes[j].day, to);
		if (i == j)
			snprintf(group, sizeof group, "%s%s %s", first ? "" : "、", from,
				 name_or(name, "法定节假日"));
		else
			snprintf(group, sizeof group, "%s%s 至 %s %s", first ? "" : "、", from, to,
				 name_or(name, "法定节假日"));
		if (strlen(group) + TAIL_RESERVE > room_left(&b)) {
			cut = true;
			break;
		}
		add(&b, "%s", group);
		first = false;
		i = j + 1;
	}
	if (cut || holidays > noted)
		add(&b, "等");
	add(&b, "，共 %d 日", holidays);
	if (ex->weekend_skipped)
		add(&b, "；周末 %d 日", ex->weekend_skipped);
	add(&b, "。");
	emit(o, &b);
}

/* "计入调休上班日：2026-10-10 国庆节调休上班。" (WD clocks) */
static void makeup_line(const struct fz_calendar *cal, const struct fz_clock_explain *ex,
			struct lines *o)
{
	struct linebuf b = {.len = 0};
	bool any = false;
	/* Past FZ_CLOCK_MAX_NOTES notes, later make-up days are not known here. */
	bool cut = ex->nnotes >= FZ_CLOCK_MAX_NOTES;
	for (size_t i = 0; i < ex->nnotes; i++) {
		if (ex->notes[i].kind != FZ_DAY_WORKDAY)
			continue;
		char d[11], item[FZ_CLOCK_LINE];
		fz_date_format(ex->notes[i].day, d);
		snprintf(item, sizeof item, "%s%s %s", any ? "、" : "计入调休上班日：", d,
			 name_or(fz_calendar_day_name(cal, ex->notes[i].day), "调休上班日"));
		if (strlen(item) + 8 > room_left(&b)) {
			cut = true;
			break;
		}
		add(&b, "%s", item);
		any = true;
	}
	if (!any)
		return;
	if (cut)
		add(&b, "等");
	add(&b, "。");
	emit(o, &b);
}

/* Longest pause reason written, in bytes; the rest becomes "…". */
#define REASON_MAX 240

static void pause_line(const struct fz_clock_pause *p, const char *reason, int walk_end,
		       struct lines *o)
{
	struct linebuf b = {.len = 0};
	char from[11], to[11], first[11], why[REASON_MAX + 16] = "";
	fz_date_format(p->from, from);
	if (reason && *reason) {
		/* A long reason is shortened at a character boundary so the sentence stays whole.
		 */
		size_t len = strlen(reason);
		const char *more = "";
		if (len > REASON_MAX) {
			len = REASON_MAX;
			while (len > 0 && ((unsigned char)reason[len] & 0xc0) == 0x80)
				len--;
			more = "…";
		}
		snprintf(why, sizeof why, "（%.*s%s）", (int)len, reason, more);
	}
	if (walk_end != FZ_OPEN && p->from >= walk_end) {
		if (p->to == FZ_OPEN) {
			add(&b, "%s 起暂停%s", from, why);
		} else {
			fz_date_format(p->to, to);
			add(&b, "暂停 %s 至 %s%s", from, to, why);
		}
		add(&b, "，发生在期限届满之后，不影响到期日。");
	} else if (p->to == FZ_OPEN) {
		add(&b, "%s 起暂停%s，暂停当日计入，次日起不计入，尚未恢复。", from, why);
	} else if (p->to == p->from) {
		add(&b, "暂停 %s%s 当日即恢复，不影响计算。", from, why);
	} else {
		fz_date_format(p->to, to);
		fz_date_format(p->from + 1, first);
		if (p->to == p->from + 1)
			add(&b, "暂停 %s 至 %s%s，%s 共 1 日不计入。", from, to, why, to);
		else
			add(&b, "暂停 %s 至 %s%s，%s 至 %s 共 %d 日不计入。", from, to, why, first,
			    to, p->to - p->from);
	}
	emit(o, &b);
}

/* CD clocks: the end day moved forward, or kept because it is a make-up working day. */
static void roll_line(const struct fz_calendar *cal, const struct fz_clock_explain *ex,
		      struct lines *o)
{
	struct linebuf b = {.len = 0};
	char raw[11], due[11];
	fz_date_format(ex->due, due);
	if (ex->rolled_from != FZ_OPEN) {
		fz_date_format(ex->rolled_from, raw);
		if (fz_calendar_kind(cal, ex->rolled_from) == FZ_DAY_HOLIDAY)
			add(&b, "期满日 %s 为法定节假日（%s）", raw,
			    name_or(fz_calendar_day_name(cal, ex->rolled_from), "法定节假日"));
		else
			add(&b, "期满日 %s 为休息日（%s）", raw,
			    weekday_names[fz_date_weekday(ex->rolled_from)]);
		add(&b, "，顺延至其后第一个工作日 %s（民事诉讼法 第85条）。", due);
		emit(o, &b);
		return;
	}
	for (size_t i = 0; i < ex->nnotes; i++) {
		if (ex->notes[i].kind == FZ_DAY_WORKDAY && ex->notes[i].day == ex->due) {
			add(&b, "期满日 %s 为调休上班日（%s），不顺延。", due,
			    name_or(fz_calendar_day_name(cal, ex->due), "调休上班"));
			emit(o, &b);
			return;
		}
	}
}

size_t fz_clock_explain_lines_reasons(const struct fz_calendar *cal,
				      const struct fz_clock_spec *spec,
				      const struct fz_clock_explain *ex, const char *const *reasons,
				      char (*lines)[FZ_CLOCK_LINE], size_t max)
{
	assert(cal && spec && ex && (lines || max == 0));
	struct lines o = {lines, max, 0};
	struct linebuf b = {.len = 0};
	char d[11];

	fz_date_format(spec->trigger, d);
	if (spec->unit == FZ_UNIT_DAY)
		add(&b, "起算日 %s（当日不计入），按日历日计算 %d 日，期满日不因节假日顺延。", d,
		    spec->days);
	else
		add(&b, "起算日 %s（当日不计入），按%s计算 %d 日。", d, unit_word(spec->unit),
		    spec->days);
	emit(&o, &b);

	if (spec->unit == FZ_UNIT_WD) {
		holiday_line(cal, spec, ex, &o);
		makeup_line(cal, ex, &o);
	}

	int walk_end = ex->rolled_from != FZ_OPEN ? ex->rolled_from : ex->due;
	for (size_t i = 0; i < spec->npauses; i++)
		pause_line(&spec->pauses[i], reasons ? reasons[i] : NULL, walk_end, &o);

	if (spec->extended_days > 0) {
		b = (struct linebuf){.len = 0};
		add(&b, "延长 %d 个%s。", spec->extended_days, unit_word(spec->unit));
		emit(&o, &b);
	}

	if (ex->due != FZ_OPEN && spec->unit == FZ_UNIT_CD)
		roll_line(cal, ex, &o);

	b = (struct linebuf){.len = 0};
	if (ex->due == FZ_OPEN) {
		add(&b,
		    "计时暂停中，暂无到期日：已计 %d 个%s，尚余 %d 个%s，"
		    "恢复后自恢复日次日起继续计算。",
		    ex->counted, unit_word(spec->unit), ex->left_when_paused,
		    unit_word(spec->unit));
	} else {
		fz_date_format(ex->due, d);
		add(&b, "到期日 %s。", d);
	}
	emit(&o, &b);
	return o.n;
}

size_t fz_clock_explain_lines(const struct fz_calendar *cal, const struct fz_clock_spec *spec,
			      const struct fz_clock_explain *ex, char (*lines)[FZ_CLOCK_LINE],
			      size_t max)
{
	return fz_clock_explain_lines_reasons(cal, spec, ex, NULL, lines, max);
}
