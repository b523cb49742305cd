/*
 * enf_fine_rules.c - the arithmetic of a fine after the decision: late
 * surcharge (第72条) with its paused days (第73条), instalment plans
 * (第66条), yuan and fen. No I/O; see enf_fine_rules.h.
 */
#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_fine_rules.h"

static bool paused(int d, const struct fz_fine_pause *ps, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if (d >= ps[i].from && (ps[i].to < 0 || d <= ps[i].to))
			return true;
	return false;
}

int fz_fine_surcharge_days(int due, int day, const struct fz_fine_pause *pauses, size_t npauses)
{
	int days = 0;
	for (int d = due + 1; d <= day; d++)
		if (!paused(d, pauses, npauses))
			days++;
	return days;
}

long fz_fine_surcharge_fen(long amount, int due, int day, const struct fz_fine_pause *pauses,
			   size_t npauses, int *days)
{
	int n = amount > 0 ? fz_fine_surcharge_days(due, day, pauses, npauses) : 0;
	if (days)
		*days = n;
	long cap = amount * FZ_FINE_SURCHARGE_CAP_FEN_PER_YUAN;
	/* Past 34 days the cap holds whatever the amount: no overflow on long counts. */
	if (n >= FZ_FINE_SURCHARGE_CAP_FEN_PER_YUAN / FZ_FINE_SURCHARGE_FEN_PER_YUAN_DAY + 1)
		return cap;
	long fen = amount * FZ_FINE_SURCHARGE_FEN_PER_YUAN_DAY * n;
	return fen < cap ? fen : cap;
}

enum fz_fine_plan_fault fz_fine_plan_check(long fine, int served,
					   const struct fz_fine_instalment *p, size_t n, int *bad)
{
	*bad = -1;
	if (n < 2)
		return FZ_FINE_PLAN_FEW;
	if (n > FZ_FINE_PLAN_MAX)
		return FZ_FINE_PLAN_MANY;
	long sum = 0;
	for (size_t i = 0; i < n; i++) {
		*bad = (int)i;
		if (p[i].amount < 1)
			return FZ_FINE_PLAN_AMOUNT;
		if (p[i].due < served)
			return FZ_FINE_PLAN_EARLY;
		if (i > 0 && p[i].due <= p[i - 1].due)
			return FZ_FINE_PLAN_ORDER;
		sum += p[i].amount;
	}
	*bad = -1;
	return sum == fine ? FZ_FINE_PLAN_OK : FZ_FINE_PLAN_SUM;
}

bool fz_fine_parse_fen(const char *s, long *fen)
{
	if (!s || !*s)
		return false;
	long yuan = 0;
	const char *c = s;
	int digits = 0;
	for (; *c >= '0' && *c <= '9'; c++, digits++) {
		yuan = yuan * 10 + (*c - '0');
		if (yuan > 2000000000L)
			return false;
	}
	if (digits == 0)
		return false;
	long cents = 0;
	if (*c == '.') {
		c++;
		int dec = 0;
		for (; *c >= '0' && *c <= '9'; c++, dec++) {
			if (dec >= 2)
				return false;
			cents = cents * 10 + (*c - '0');
		}
		if (dec == 0)
			return false;
		if (dec == 1)
			cents *= 10;
	}
	if (*c)
		return false;
	*fen = yuan * 100 + cents;
	return true;
}

void fz_fine_fen_text(long fen, char out[32])
{
	snprintf(out, 32, "%s%ld.%02ld", fen < 0 ? "-" : "", (fen < 0 ? -fen : fen) / 100,
		 (fen < 0 ? -fen : fen) % 100);
}
