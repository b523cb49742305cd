/*
 * recon_rules.c - 行政复议法 第20条, the 60-day application period, as a pure
 * rule: was an application late, in time, or is that not yet knowable?
 *
 * The period is 60 calendar days from the day the applicant knew of the act;
 * ending on a rest day it ends on the next working day (第88条1款 with
 * 民事诉讼法 第85条). Where that walk reaches a year whose official calendar
 * is not loaded, the end day is not known, but it is bounded: it is never
 * before the raw 60th day, and rest days never run longer than
 * RECON_MAX_REST_RUN days in a row. An application on or before the first
 * unknown day is in time whatever the holidays; one after the bound is late
 * whatever they are; only one in between is undecided ("待定").
 *
 * Not for: I/O. The caller stores and shows the answer.
 */
#include <stdio.h>

#include "modules/reconsideration/recon_int.h"

/*
 * The longest run of consecutive official rest days so far is 9 (春节 2026,
 * 02-15..02-23); 12 leaves a margin, so "late" is said only when no holiday
 * arrangement the State Council has ever made could move the end that far.
 */
#define RECON_MAX_REST_RUN 12

enum fz_recon_late fz_recon_lateness(const struct fz_calendar *cal, int learned, int received,
				     int *last_day)
{
	int raw = learned + 60, d = raw;
	*last_day = FZ_OPEN;
	/* Walk the known days from the 60th on: the first working day ends the period. */
	while (fz_calendar_covers(cal, d)) {
		bool work = false;
		if (fz_calendar_is_workday(cal, d, &work) != FZ_OK)
			break;
		if (work) {
			*last_day = d;
			return received > d ? FZ_RECON_LATE : FZ_RECON_IN_TIME;
		}
		d++;
	}
	/* d is the first day whose kind is not known: the end is in [d, d + MAX]. */
	if (received <= d)
		return FZ_RECON_IN_TIME;
	if (received > d + RECON_MAX_REST_RUN)
		return FZ_RECON_LATE;
	return FZ_RECON_PENDING;
}

const char *fz_recon_late_name(enum fz_recon_late l)
{
	return l == FZ_RECON_LATE ? "late" : l == FZ_RECON_IN_TIME ? "in_time" : "pending";
}

const char *fz_recon_late_label(struct fz_ctx *ctx, enum fz_recon_late l, int learned, int last)
{
	const struct fz_calendar *cal = ctx->cal;
	char d[11];
	if (last != FZ_OPEN) {
		fz_date_format(last, d);
		return fz_arena_printf(ctx->arena, "%s（知道之日起六十日，期满日 %s，《行政复议法》第二十条）",
				       l == FZ_RECON_LATE ? "已超过申请期限" : "在申请期限内", d);
	}
	fz_date_format(learned + 60, d);
	/* The year whose holiday arrangement is missing: the first day the walk could not read. */
	int open = learned + 60, y = 0, m, dd;
	while (fz_calendar_covers(cal, open))
		open++;
	fz_date_to_ymd(open, &y, &m, &dd);
	if (l == FZ_RECON_PENDING)
		return fz_arena_printf(
			ctx->arena,
			"待定：第六十日为 %s，期满日可能因 %d 年法定节假日顺延，该年度国务院节假日安排尚未载入，"
			"载入后自动确定（《行政复议法》第二十条）",
			d, y);
	return fz_arena_printf(ctx->arena,
			       "%s（第六十日为 %s；%d 年节假日安排尚未载入，但无论如何顺延%s，《行政复议法》第二十条）",
			       l == FZ_RECON_LATE ? "已超过申请期限" : "在申请期限内", d, y,
			       l == FZ_RECON_LATE ? "均已超过" : "均未超过");
}
