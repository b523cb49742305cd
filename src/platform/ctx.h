/*
 * ctx.h - what a service call needs to know about who is asking and when.
 *
 * One struct fz_ctx per request (or per CLI run). It borrows everything: the
 * connection (owned by the thread), the arena (owned by the request), the
 * calendar (owned by the calendar store, read-only), the user (owned by the
 * request). "today" is the calendar date in China Standard Time; tests and the
 * demo generator pin it with FAZHI_TODAY=YYYY-MM-DD or by setting the fields.
 */
#ifndef FZ_PLATFORM_CTX_H
#define FZ_PLATFORM_CTX_H

#include <stdbool.h>
#include <stdint.h>

#include "core/arena.h"
#include "core/calendar.h"
#include "core/workflow.h"
#include "store/db.h"

struct fz_user {
	int64_t user_id;
	char username[64];
	char display_name[64];
	enum fz_role role;
	int64_t agency_id;
	char agency_name[128];
};

struct fz_ctx {
	struct fz_db *db;
	struct fz_arena *arena;
	const struct fz_calendar *cal;
	const struct fz_user *user; /* NULL for the public */
	int today;                  /* day number, China Standard Time */
	int64_t now;                /* Unix seconds */
	const char *client;         /* client address, for logs and throttling */
	int yellow_days;            /* warning window, read once per request (0 = not yet) */
};

/* The warning window in working days (setting clock.yellow_days), cached in ctx. */
int fz_ctx_yellow_days(struct fz_ctx *ctx);

/* Current instant and CST date, honouring FAZHI_TODAY (tests, demo). */
int64_t fz_now(void);
int fz_today_from(int64_t now);
/* "2026-03-04T01:02:03Z" into out (21 bytes). */
void fz_iso_utc(int64_t t, char out[21]);
/* Sets now and today from the environment. */
void fz_ctx_set_time(struct fz_ctx *ctx);

/* Does the user see every agency's records (legal office, leadership, admin)? */
bool fz_ctx_sees_all(const struct fz_ctx *ctx);
/* May the user see records of this agency? The public sees none through staff APIs. */
bool fz_ctx_may_see(const struct fz_ctx *ctx, int64_t agency_id);
/* Role for the workflow engine: the user's, or PUBLIC. */
enum fz_role fz_ctx_role(const struct fz_ctx *ctx);

#endif
