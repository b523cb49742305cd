/* ctx.c - time and scope helpers of ctx.h. */
#include "platform/ctx.h"

#include <stdlib.h>
#include <time.h>

#include "platform/settings.h"

#define CST_OFFSET (8 * 3600)

int64_t fz_now(void)
{
	const char *pin = getenv("FAZHI_TODAY");
	int day;
	time_t real = time(NULL);
	if (pin && *pin && fz_date_parse(pin, &day) == FZ_OK) {
		/* Keep the real time of day so instants still order within a day. */
		int64_t tod = ((int64_t)real + CST_OFFSET) % 86400;
		return (int64_t)day * 86400 - CST_OFFSET + tod;
	}
	return (int64_t)real;
}

int fz_today_from(int64_t now)
{
	int64_t local = now + CST_OFFSET;
	return (int)(local >= 0 ? local / 86400 : (local - 86399) / 86400);
}

void fz_iso_utc(int64_t t, char out[21])
{
	time_t tt = (time_t)t;
	struct tm tm;
	gmtime_r(&tt, &tm);
	strftime(out, 21, "%Y-%m-%dT%H:%M:%SZ", &tm);
}

void fz_ctx_set_time(struct fz_ctx *ctx)
{
	ctx->now = fz_now();
	ctx->today = fz_today_from(ctx->now);
}

int fz_ctx_yellow_days(struct fz_ctx *ctx)
{
	if (!ctx->yellow_days)
		ctx->yellow_days = (int)fz_setting_int(ctx->db, "clock.yellow_days", 3);
	return ctx->yellow_days;
}

bool fz_ctx_sees_all(const struct fz_ctx *ctx)
{
	return ctx->user && (ctx->user->role & FZ_ROLES_ALL_AGENCIES);
}

bool fz_ctx_may_see(const struct fz_ctx *ctx, int64_t agency_id)
{
	if (!ctx->user)
		return false;
	return fz_ctx_sees_all(ctx) || ctx->user->agency_id == agency_id;
}

enum fz_role fz_ctx_role(const struct fz_ctx *ctx)
{
	return ctx->user ? ctx->user->role : FZ_ROLE_PUBLIC;
}
