/*
 * calendar.c - civil date arithmetic and the official working-day calendar.
 *
 * For: turning "YYYY-MM-DD" into day numbers and back, and answering "is this
 * a working day" / "which day ends this period" on the State Council holiday
 * calendar (holidays and 调休 make-up working days) loaded from CSV text.
 * Not for: reading files, the system clock or the database (the caller hands
 * the CSV text in), nor for clocks with pauses and extensions (core/clock.c).
 *
 * Layout: one byte per day from FZ_CAL_MIN_YEAR-01-01 to FZ_CAL_MAX_YEAR-12-31
 * holds the day kind, whether its year is loaded and whether it is a working
 * day, so fz_calendar_is_workday and fz_calendar_add_workdays are one array
 * read per day. Holiday names live in a small side table sorted by day, read
 * only when an explanation is written. Invariant: for every day, DAY_WORK is
 * set exactly when (kind == WORKDAY) or (kind == NORMAL and Monday..Friday),
 * and DAY_LOADED is set exactly when the day's year bit is set in `years`.
 */
#include "core/calendar.h"

#include <assert.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Days since 1970-01-01 of 1 January of year y (constant expression, y >= 1970). */
#define DAYS_BEFORE_YEAR(y)                                                           \
	(365 * ((y)-1970) + (((y)-1) / 4 - 1969 / 4) - (((y)-1) / 100 - 1969 / 100) + \
	 (((y)-1) / 400 - 1969 / 400))

#define FIRST_DAY DAYS_BEFORE_YEAR(FZ_CAL_MIN_YEAR)
#define LAST_DAY (DAYS_BEFORE_YEAR(FZ_CAL_MAX_YEAR + 1) - 1)
#define NDAYS (LAST_DAY - FIRST_DAY + 1)
#define NYEARS (FZ_CAL_MAX_YEAR - FZ_CAL_MIN_YEAR + 1)

_Static_assert(FIRST_DAY == 7305, "1990-01-01 is day 7305");
_Static_assert(LAST_DAY == 47846, "2100-12-31 is day 47846");

/* Bits of the per-day byte. */
#define DAY_KIND 0x03u   /* enum fz_day_kind */
#define DAY_LOADED 0x04u /* the day's year is loaded */
#define DAY_WORK 0x08u   /* a working day (see the invariant above) */

/* Longest holiday name kept, in bytes; longer names are refused, not cut. */
#define NAME_MAX_BYTES 96

struct name_entry {
	int day;
	char *name; /* owned by the calendar */
};

struct fz_calendar {
	uint8_t *day;                    /* NDAYS bytes, index = day number - FIRST_DAY */
	uint8_t years[(NYEARS + 7) / 8]; /* bit (year - FZ_CAL_MIN_YEAR): loaded */
	struct name_entry *names;        /* sorted by day, unique days */
	size_t nnames;
	size_t capnames;
};

/* ---- civil dates ---------------------------------------------------- */

/* Howard Hinnant's days_from_civil, in long long so no int input overflows. */
static long long days_from_civil(long long y, long long m, long long d)
{
	y -= m <= 2;
	long long era = (y >= 0 ? y : y - 399) / 400;
	long long yoe = y - era * 400;
	long long doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

static bool is_leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int days_in_month(int y, int m)
{
	static const int dim[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	return m == 2 && is_leap(y) ? 29 : dim[m - 1];
}

/*
 * Month and day outside their ranges are normalised, as mktime does:
 * (2026, 13, 1) is 2027-01-01 and (2026, 1, 32) is 2026-02-01.
 */
int fz_date_from_ymd(int y, int m, int d)
{
	long long mm = (long long)m - 1;
	long long carry = mm >= 0 ? mm / 12 : -((11 - mm) / 12); /* floor(mm / 12) */
	long long yy = (long long)y + carry;
	mm -= carry * 12;
	return (int)(days_from_civil(yy, mm + 1, 1) + (long long)d - 1);
}

void fz_date_to_ymd(int day, int *y, int *m, int *d)
{
	long long z = (long long)day + 719468;
	long long era = (z >= 0 ? z : z - 146096) / 146097;
	long long doe = z - era * 146097;
	long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
	long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
	long long mp = (5 * doy + 2) / 153;
	long long dd = doy - (153 * mp + 2) / 5 + 1;
	long long mm = mp < 10 ? mp + 3 : mp - 9;
	long long yy = yoe + era * 400 + (mm <= 2);
	if (y)
		*y = (int)yy;
	if (m)
		*m = (int)mm;
	if (d)
		*d = (int)dd;
}

/* Day 0 (1970-01-01) was a Thursday. */
int fz_date_weekday(int day)
{
	return (int)((((long long)day + 3) % 7 + 7) % 7) + 1;
}

static void put_digits(char *out, int v, int width)
{
	for (int i = width - 1; i >= 0; i--) {
		out[i] = (char)('0' + v % 10);
		v /= 10;
	}
}

/* Years outside 0..9999 cannot be written in 10 bytes and come out as "0000-00-00". */
void fz_date_format(int day, char out[11])
{
	int y, m, d;
	fz_date_to_ymd(day, &y, &m, &d);
	if (y < 0 || y > 9999)
		y = m = d = 0;
	put_digits(out, y, 4);
	out[4] = '-';
	put_digits(out + 5, m, 2);
	out[7] = '-';
	put_digits(out + 8, d, 2);
	out[10] = '\0';
}

static bool is_digit(char c)
{
	return c >= '0' && c <= '9';
}

enum fz_code fz_date_parse(const char *s, int *out_day)
{
	if (!s)
		return FZ_EBAD_DATE;
	/* Exactly ten characters: the loop stops at the NUL, which is neither a digit nor '-'. */
	for (int i = 0; i < 10; i++) {
		bool dash = i == 4 || i == 7;
		if (dash ? s[i] != '-' : !is_digit(s[i]))
			return FZ_EBAD_DATE;
	}
	if (s[10] != '\0')
		return FZ_EBAD_DATE;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0');
	int d = (s[8] - '0') * 10 + (s[9] - '0');
	if (y < FZ_CAL_MIN_YEAR || y > FZ_CAL_MAX_YEAR || m < 1 || m > 12 || d < 1 ||
	    d > days_in_month(y, m))
		return FZ_EBAD_DATE;
	if (out_day)
		*out_day = fz_date_from_ymd(y, m, d);
	return FZ_OK;
}

/* ---- the calendar --------------------------------------------------- */

static bool in_range(int day)
{
	return day >= FIRST_DAY && day <= LAST_DAY;
}

static uint8_t work_bit(int day, unsigned kind)
{
	if (kind == FZ_DAY_WORKDAY)
		return DAY_WORK;
	if (kind == FZ_DAY_HOLIDAY)
		return 0;
	return fz_date_weekday(day) <= 5 ? DAY_WORK : 0;
}

static int year_of(int day)
{
	int y;
	fz_date_to_ymd(day, &y, NULL, NULL);
	return y;
}

struct fz_calendar *fz_calendar_new(void)
{
	struct fz_calendar *cal = calloc(1, sizeof *cal);
	if (!cal)
		return NULL;
	cal->day = malloc(NDAYS);
	if (!cal->day) {
		free(cal);
		return NULL;
	}
	for (int i = 0; i < NDAYS; i++)
		cal->day[i] = work_bit(FIRST_DAY + i, FZ_DAY_NORMAL);
	return cal;
}

void fz_calendar_free(struct fz_calendar *cal)
{
	if (!cal)
		return;
	for (size_t i = 0; i < cal->nnames; i++)
		free(cal->names[i].name);
	free(cal->names);
	free(cal->day);
	free(cal);
}

struct fz_calendar *fz_calendar_clone(const struct fz_calendar *cal)
{
	assert(cal);
	struct fz_calendar *c = fz_calendar_new();
	if (!c)
		return NULL;
	memcpy(c->day, cal->day, NDAYS);
	memcpy(c->years, cal->years, sizeof c->years);
	if (cal->nnames) {
		c->names = malloc(cal->nnames * sizeof *c->names);
		if (!c->names)
			goto fail;
		c->capnames = cal->nnames;
		for (size_t i = 0; i < cal->nnames; i++) {
			size_t len = strlen(cal->names[i].name) + 1;
			char *copy = malloc(len);
			if (!copy)
				goto fail;
			memcpy(copy, cal->names[i].name, len);
			c->names[i].day = cal->names[i].day;
			c->names[i].name = copy;
			c->nnames++;
		}
	}
	return c;
fail:
	fz_calendar_free(c);
	return NULL;
}

static bool year_loaded(const struct fz_calendar *cal, int year)
{
	unsigned bit = (unsigned)(year - FZ_CAL_MIN_YEAR);
	return (cal->years[bit / 8] >> (bit % 8)) & 1u;
}

static void set_year_loaded(struct fz_calendar *cal, int year)
{
	unsigned bit = (unsigned)(year - FZ_CAL_MIN_YEAR);
	if ((cal->years[bit / 8] >> (bit % 8)) & 1u)
		return;
	cal->years[bit / 8] |= (uint8_t)(1u << (bit % 8));
	int from = fz_date_from_ymd(year, 1, 1) - FIRST_DAY;
	int to = fz_date_from_ymd(year + 1, 1, 1) - FIRST_DAY;
	for (int i = from; i < to; i++)
		cal->day[i] |= DAY_LOADED;
}

struct fz_calendar *fz_calendar_provisional(const struct fz_calendar *cal)
{
	struct fz_calendar *c = fz_calendar_clone(cal);
	for (int y = FZ_CAL_MIN_YEAR; c && y <= FZ_CAL_MAX_YEAR; y++)
		if (!year_loaded(c, y))
			set_year_loaded(c, y);
	return c;
}

/* Index of the first name entry with .day >= day. */
static size_t name_lower_bound(const struct fz_calendar *cal, int day)
{
	size_t lo = 0, hi = cal->nnames;
	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;
		if (cal->names[mid].day < day)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo;
}

static void remove_names(struct fz_calendar *cal, int from_day, int to_day)
{
	size_t a = name_lower_bound(cal, from_day);
	size_t b = name_lower_bound(cal, to_day + 1);
	if (a == b)
		return;
	for (size_t i = a; i < b; i++)
		free(cal->names[i].name);
	memmove(cal->names + a, cal->names + b, (cal->nnames - b) * sizeof *cal->names);
	cal->nnames -= b - a;
}

/* Back to weekdays-work, weekends-rest, no names; the year stays loaded. */
static void clear_year(struct fz_calendar *cal, int year)
{
	int from = fz_date_from_ymd(year, 1, 1);
	int to = fz_date_from_ymd(year + 1, 1, 1) - 1;
	for (int day = from; day <= to; day++) {
		uint8_t *b = &cal->day[day - FIRST_DAY];
		*b = (uint8_t)((*b & DAY_LOADED) | work_bit(day, FZ_DAY_NORMAL));
	}
	remove_names(cal, from, to);
}

enum fz_code fz_calendar_mark_year(struct fz_calendar *cal, int year)
{
	assert(cal);
	if (year < FZ_CAL_MIN_YEAR || year > FZ_CAL_MAX_YEAR)
		return FZ_EDATE_RANGE;
	set_year_loaded(cal, year);
	return FZ_OK;
}

/*
 * A NORMAL day carries no name. Everything that can fail (copying the name,
 * growing the table) happens before the calendar is touched, so a failure
 * leaves it as it was.
 */
enum fz_code fz_calendar_set_day(struct fz_calendar *cal, int day, enum fz_day_kind kind,
				 const char *name)
{
	assert(cal);
	if (!in_range(day))
		return FZ_EDATE_RANGE;
	if (kind != FZ_DAY_NORMAL && kind != FZ_DAY_HOLIDAY && kind != FZ_DAY_WORKDAY)
		return FZ_EBAD_VALUE;
	if (kind == FZ_DAY_NORMAL)
		name = NULL;
	char *copy = NULL;
	if (name) {
		size_t len = strlen(name);
		if (len > NAME_MAX_BYTES)
			return FZ_EBAD_VALUE;
		copy = malloc(len + 1);
		if (!copy)
			return FZ_EINTERNAL;
		memcpy(copy, name, len + 1);
	}
	size_t at = name_lower_bound(cal, day);
	bool exists = at < cal->nnames && cal->names[at].day == day;
	if (copy && !exists && cal->nnames == cal->capnames) {
		size_t cap = cal->capnames ? cal->capnames * 2 : 64;
		struct name_entry *grown = realloc(cal->names, cap * sizeof *grown);
		if (!grown) {
			free(copy);
			return FZ_EINTERNAL;
		}
		cal->names = grown;
		cal->capnames = cap;
	}

	if (exists && copy) {
		free(cal->names[at].name);
		cal->names[at].name = copy;
	} else if (exists) {
		remove_names(cal, day, day);
	} else if (copy) {
		memmove(cal->names + at + 1, cal->names + at,
			(cal->nnames - at) * sizeof *cal->names);
		cal->names[at].day = day;
		cal->names[at].name = copy;
		cal->nnames++;
	}
	uint8_t *b = &cal->day[day - FIRST_DAY];
	*b = (uint8_t)((*b & DAY_LOADED) | (unsigned)kind | work_bit(day, (unsigned)kind));
	set_year_loaded(cal, year_of(day));
	return FZ_OK;
}

bool fz_calendar_covers(const struct fz_calendar *cal, int day)
{
	assert(cal);
	return in_range(day) && (cal->day[day - FIRST_DAY] & DAY_LOADED);
}

int fz_calendar_years(const struct fz_calendar *cal, int *years, int max)
{
	assert(cal);
	int n = 0;
	for (int y = FZ_CAL_MIN_YEAR; y <= FZ_CAL_MAX_YEAR; y++) {
		if (!year_loaded(cal, y))
			continue;
		if (years && n < max)
			years[n] = y;
		n++;
	}
	return n;
}

enum fz_day_kind fz_calendar_kind(const struct fz_calendar *cal, int day)
{
	assert(cal);
	if (!in_range(day))
		return FZ_DAY_NORMAL;
	return (enum fz_day_kind)(cal->day[day - FIRST_DAY] & DAY_KIND);
}

const char *fz_calendar_day_name(const struct fz_calendar *cal, int day)
{
	assert(cal);
	size_t at = name_lower_bound(cal, day);
	return at < cal->nnames && cal->names[at].day == day ? cal->names[at].name : NULL;
}

enum fz_code fz_calendar_is_workday(const struct fz_calendar *cal, int day, bool *out)
{
	assert(cal && out);
	if (!in_range(day))
		return FZ_EDATE_RANGE;
	uint8_t b = cal->day[day - FIRST_DAY];
	if (!(b & DAY_LOADED))
		return FZ_EDATE_RANGE;
	*out = (b & DAY_WORK) != 0;
	return FZ_OK;
}

/*
 * The start day must itself be in a loaded year, although it is not counted:
 * a trigger day outside the loaded calendar means the calendar is missing, and
 * the answer near its edge would be a guess. Every day walked must be loaded.
 */
enum fz_code fz_calendar_add_workdays(const struct fz_calendar *cal, int day, int n, int *out)
{
	assert(cal && out);
	if (n < 0)
		return FZ_EBAD_VALUE;
	if (!fz_calendar_covers(cal, day))
		return FZ_EDATE_RANGE;
	const uint8_t *b = cal->day - FIRST_DAY;
	int d = day;
	while (n > 0) {
		if (++d > LAST_DAY || !(b[d] & DAY_LOADED))
			return FZ_EDATE_RANGE;
		if (b[d] & DAY_WORK)
			n--;
	}
	*out = d;
	return FZ_OK;
}

/* 民事诉讼法 第85条: a period ending on a rest day ends on the next working day. */
enum fz_code fz_calendar_add_days(const struct fz_calendar *cal, int day, int n, int *out)
{
	assert(cal && out);
	if (n < 0)
		return FZ_EBAD_VALUE;
	if (!fz_calendar_covers(cal, day) || n > LAST_DAY - day)
		return FZ_EDATE_RANGE;
	const uint8_t *b = cal->day - FIRST_DAY;
	int d = day + n;
	for (;;) {
		if (d > LAST_DAY || !(b[d] & DAY_LOADED))
			return FZ_EDATE_RANGE;
		if (b[d] & DAY_WORK)
			break;
		d++;
	}
	*out = d;
	return FZ_OK;
}

enum fz_code fz_calendar_workdays_between(const struct fz_calendar *cal, int from, int to, int *out)
{
	assert(cal && out);
	int sign = 1;
	if (to < from) {
		int t = from;
		from = to;
		to = t;
		sign = -1;
	}
	if (!fz_calendar_covers(cal, from) || !fz_calendar_covers(cal, to))
		return FZ_EDATE_RANGE;
	const uint8_t *b = cal->day - FIRST_DAY;
	int n = 0;
	for (int d = from + 1; d <= to; d++) {
		if (!(b[d] & DAY_LOADED))
			return FZ_EDATE_RANGE;
		n += (b[d] & DAY_WORK) != 0;
	}
	*out = sign * n;
	return FZ_OK;
}

/* ---- CSV loading ---------------------------------------------------- */

struct line {
	const char *p;
	size_t len;
};

static bool is_space(char c)
{
	return c == ' ' || c == '\t';
}

static struct line trim(struct line l)
{
	while (l.len && is_space(l.p[0])) {
		l.p++;
		l.len--;
	}
	while (l.len && is_space(l.p[l.len - 1]))
		l.len--;
	return l;
}

static bool field_is(struct line f, const char *word)
{
	size_t n = strlen(word);
	return f.len == n && memcmp(f.p, word, n) == 0;
}

/* Splits at commas into at most max fields; returns the number of fields found (may exceed max). */
static size_t split(struct line l, struct line *fields, size_t max)
{
	size_t n = 0;
	const char *start = l.p, *end = l.p + l.len;
	for (const char *q = l.p;; q++) {
		if (q == end || *q == ',') {
			if (n < max)
				fields[n] = trim((struct line){start, (size_t)(q - start)});
			n++;
			if (q == end)
				break;
			start = q + 1;
		}
	}
	return n;
}

/* Strict UTF-8: no overlongs, no surrogates, nothing above U+10FFFF, no control characters. */
static bool valid_utf8_text(const char *s, size_t len)
{
	const unsigned char *p = (const unsigned char *)s, *end = p + len;
	while (p < end) {
		unsigned c = *p;
		size_t n;
		unsigned min;
		if (c < 0x80) {
			if (c < 0x20 || c == 0x7f)
				return false;
			p++;
			continue;
		} else if ((c & 0xe0) == 0xc0) {
			n = 1, min = 0x80, c &= 0x1f;
		} else if ((c & 0xf0) == 0xe0) {
			n = 2, min = 0x800, c &= 0x0f;
		} else if ((c & 0xf8) == 0xf0) {
			n = 3, min = 0x10000, c &= 0x07;
		} else {
			return false;
		}
		if ((size_t)(end - p) <= n)
			return false;
		for (size_t i = 1; i <= n; i++) {
			if ((p[i] & 0xc0) != 0x80)
				return false;
			c = (c << 6) | (p[i] & 0x3fu);
		}
		if (c < min || c > 0x10ffff || (c >= 0xd800 && c <= 0xdfff))
			return false;
		p += n + 1;
	}
	return true;
}

/* Quote a short printable-ASCII value into the message; anything else is left out. */
static const char *shown(struct line f, char *buf, size_t cap)
{
	if (f.len == 0 || f.len + 7 > cap)
		return "";
	for (size_t i = 0; i < f.len; i++)
		if (f.p[i] < 0x20 || f.p[i] > 0x7e)
			return "";
	snprintf(buf, cap, "：%.*s", (int)f.len, f.p);
	return buf;
}

static enum fz_code parse_rows(struct fz_calendar *cal, const char *text, size_t len,
			       struct fz_err *err)
{
	/* Days set by this text (to refuse duplicates) and years cleared by it. */
	uint8_t *seen = calloc((NDAYS + 7) / 8, 1);
	uint8_t cleared[(NYEARS + 7) / 8] = {0};
	if (!seen)
		return fz_err_set(err, FZ_EINTERNAL, "csv", "内存不足，无法载入节假日日历");

	enum fz_code rc = FZ_OK;
	bool header = false;
	size_t nrows = 0;
	long lineno = 0;
	const char *p = text, *end = text + len;
	if (len >= 3 && memcmp(p, "\xef\xbb\xbf", 3) == 0)
		p += 3; /* a byte-order mark, as spreadsheet programs write */

	while (p < end) {
		const char *nl = memchr(p, '\n', (size_t)(end - p));
		const char *eol = nl ? nl : end;
		struct line l = {p, (size_t)(eol - p)};
		p = nl ? nl + 1 : end;
		lineno++;
		if (l.len && l.p[l.len - 1] == '\r')
			l.len--;
		if (memchr(l.p, '\0', l.len)) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "csv", "第 %ld 行：包含空字符", lineno);
			goto out;
		}
		l = trim(l);
		if (l.len == 0 || l.p[0] == '#')
			continue;

		struct line f[3];
		size_t nf = split(l, f, 3);
		if (!header) {
			if (nf != 3 || !field_is(f[0], "date") || !field_is(f[1], "kind") ||
			    !field_is(f[2], "name")) {
				rc = fz_err_set(err, FZ_EBAD_VALUE, "csv",
						"第 %ld 行：缺少表头，应为 date,kind,name", lineno);
				goto out;
			}
			header = true;
			continue;
		}
		if (nf < 3) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "csv",
					"第 %ld 行：列数不足，应为 date,kind,name 三列", lineno);
			goto out;
		}
		if (nf > 3) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "csv",
					"第 %ld 行：列数过多，应为 date,kind,name 三列"
					"（名称中不能有英文逗号）",
					lineno);
			goto out;
		}

		char date[11], quote[32];
		int day;
		if (f[0].len != 10) {
			rc = fz_err_set(err, FZ_EBAD_DATE, "date",
					"第 %ld 行：日期格式错误，应为 YYYY-MM-DD%s", lineno,
					shown(f[0], quote, sizeof quote));
			goto out;
		}
		memcpy(date, f[0].p, 10);
		date[10] = '\0';
		if (fz_date_parse(date, &day) != FZ_OK) {
			rc = fz_err_set(err, FZ_EBAD_DATE, "date",
					"第 %ld 行：日期格式错误，应为 YYYY-MM-DD 格式的真实日期"
					"（%d-%d 年）%s",
					lineno, FZ_CAL_MIN_YEAR, FZ_CAL_MAX_YEAR,
					shown(f[0], quote, sizeof quote));
			goto out;
		}

		enum fz_day_kind kind;
		if (field_is(f[1], "holiday")) {
			kind = FZ_DAY_HOLIDAY;
		} else if (field_is(f[1], "workday")) {
			kind = FZ_DAY_WORKDAY;
		} else {
			rc = fz_err_set(
				err, FZ_EBAD_VALUE, "kind",
				"第 %ld 行：类型应为 holiday（放假）或 workday（调休上班）%s",
				lineno, shown(f[1], quote, sizeof quote));
			goto out;
		}

		if (f[2].len == 0) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "name", "第 %ld 行：名称不能为空",
					lineno);
			goto out;
		}
		if (!valid_utf8_text(f[2].p, f[2].len)) {
			rc = fz_err_set(err, FZ_EBAD_UTF8, "name",
					"第 %ld 行：名称不是有效的 UTF-8 文本", lineno);
			goto out;
		}
		if (f[2].len > NAME_MAX_BYTES) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "name",
					"第 %ld 行：名称过长（最多 %d 字节）", lineno,
					NAME_MAX_BYTES);
			goto out;
		}

		unsigned bit = (unsigned)(day - FIRST_DAY);
		if ((seen[bit / 8] >> (bit % 8)) & 1u) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "date", "第 %ld 行：日期 %s 重复",
					lineno, date);
			goto out;
		}
		seen[bit / 8] |= (uint8_t)(1u << (bit % 8));

		/* The rows of a year replace everything known about that year. */
		unsigned ybit = (unsigned)(year_of(day) - FZ_CAL_MIN_YEAR);
		if (!((cleared[ybit / 8] >> (ybit % 8)) & 1u)) {
			clear_year(cal, year_of(day));
			cleared[ybit / 8] |= (uint8_t)(1u << (ybit % 8));
		}

		char name[NAME_MAX_BYTES + 1];
		memcpy(name, f[2].p, f[2].len);
		name[f[2].len] = '\0';
		if (fz_calendar_set_day(cal, day, kind, name) != FZ_OK) {
			rc = fz_err_set(err, FZ_EINTERNAL, "csv", "第 %ld 行：内存不足", lineno);
			goto out;
		}
		nrows++;
	}
	if (!header)
		rc = fz_err_set(err, FZ_EBAD_VALUE, "csv", "日历文件为空，缺少表头 date,kind,name");
	else if (nrows == 0)
		rc = fz_err_set(err, FZ_EBAD_VALUE, "csv", "日历文件没有任何日期行");
out:
	free(seen);
	return rc;
}

/*
 * All or nothing: the rows go into a clone, and only when every row is good
 * do the clone's contents and the calendar's trade places.
 */
enum fz_code fz_calendar_load_csv(struct fz_calendar *cal, const char *text, size_t len,
				  struct fz_err *err)
{
	assert(cal);
	assert(text || len == 0);
	struct fz_calendar *next = fz_calendar_clone(cal);
	if (!next)
		return fz_err_set(err, FZ_EINTERNAL, "csv", "内存不足，无法载入节假日日历");
	enum fz_code rc = parse_rows(next, text ? text : "", len, err);
	if (rc == FZ_OK) {
		struct fz_calendar tmp = *cal;
		*cal = *next;
		*next = tmp;
	}
	fz_calendar_free(next);
	return rc;
}
