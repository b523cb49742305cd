/*
 * calendar_store.h - the official calendar as stored in the database.
 *
 * The shipped data/cn-calendar.csv is imported at `fazhi init`; an
 * administrator imports later years (or a corrected year) with `fazhi calendar
 * load`. An import replaces the days of each year it contains, and recomputes
 * every open clock on the new calendar in the same transaction, recording an
 * event for each due date that moved.
 */
#ifndef FZ_PLATFORM_CALENDAR_STORE_H
#define FZ_PLATFORM_CALENDAR_STORE_H

#include "platform/ctx.h"

/* Builds the calendar from the database. Caller owns *out (fz_calendar_free). */
enum fz_code fz_calstore_load(struct fz_db *db, struct fz_calendar **out, struct fz_err *err);

/*
 * Imports CSV text. ctx->cal must be the current calendar; on success it is
 * replaced by the new one in *updated (caller owns it) and *years / *changed
 * tell how many years were loaded and how many clocks moved.
 */
enum fz_code fz_calstore_import(struct fz_ctx *ctx, const char *text, size_t len,
				const char *source, struct fz_calendar **updated, int *years,
				int *changed, struct fz_err *err);

/* Reads a whole file into a malloc'd NUL-terminated buffer. */
enum fz_code fz_read_file(const char *path, size_t max, char **out, size_t *len,
			  struct fz_err *err);

#endif
