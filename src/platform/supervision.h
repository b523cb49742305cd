/*
 * supervision.h - electronic supervision (电子监察): due-soon and overdue clocks
 * per agency, the red and yellow cards, and the dashboard figures.
 *
 * Yellow: a running clock due within the warning window (setting
 * clock.yellow_days working days, default 3). Red: a running clock whose due
 * day has passed. A card is issued once per clock and level by the background
 * sweep (fz_supervision_sweep), so the record shows when a clock went red even
 * after the case is closed. Scope follows the user: agency roles see only
 * their own agency.
 */
#ifndef FZ_PLATFORM_SUPERVISION_H
#define FZ_PLATFORM_SUPERVISION_H

#include <jansson.h>

#include "platform/ctx.h"

struct fz_sup_totals {
	int64_t open, yellow, red;
};

/* The supervision view (docs/api.md). Caller owns *out. */
enum fz_code fz_supervision_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err);
/* Totals only, county-wide (for /metrics). */
enum fz_code fz_supervision_totals(struct fz_ctx *ctx, struct fz_sup_totals *t, struct fz_err *err);
/* Issues cards for clocks that turned yellow or red; returns how many were new. */
enum fz_code fz_supervision_sweep(struct fz_ctx *ctx, int *issued, struct fz_err *err);
/* The dashboard (docs/api.md). Caller owns *out. */
enum fz_code fz_dashboard_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err);

#endif
