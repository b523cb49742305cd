/*
 * enf_fine_rules.h - the arithmetic of a fine after the decision (行政处罚法
 * 2021, 第66-67条, 第72-73条) without any I/O: the late surcharge (加处罚款)
 * with its cap and its paused days, the check of an instalment plan, and
 * money in fen (分). Private to the enforcement folder; pure, so unit tests
 * check it row by row against the articles.
 *
 * Fines are whole yuan (元), as the decision states them; a surcharge is 3 %
 * of a whole-yuan amount a day, so it is exact in fen: 3 fen per yuan a day.
 */
#ifndef FZ_MODULES_ENF_FINE_RULES_H
#define FZ_MODULES_ENF_FINE_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* 第72条第一款第一项: 3 % of the fine a day, i.e. 3 fen per yuan a day. */
#define FZ_FINE_SURCHARGE_FEN_PER_YUAN_DAY 3
/* 第72条第一款第一项: the surcharge never exceeds the fine (100 fen per yuan). */
#define FZ_FINE_SURCHARGE_CAP_FEN_PER_YUAN 100

/*
 * 第73条第三款: the days of a reconsideration or a lawsuit, from the day the
 * party applied or sued through the day it ended (both counted as paused);
 * to < 0 while it is pending.
 */
struct fz_fine_pause {
	int from, to;
};

/*
 * The calendar days in (due, day] that count for the surcharge: every day
 * after the due day up to and including day, less the paused days (第73条).
 * 0 when day <= due.
 */
int fz_fine_surcharge_days(int due, int day, const struct fz_fine_pause *pauses, size_t npauses);

/*
 * The surcharge in fen on an unpaid amount (yuan) due on due, as of day:
 * 3 % a day for the counted days, capped at the amount (第72条). *days, when
 * not NULL, receives the counted days.
 */
long fz_fine_surcharge_fen(long amount, int due, int day, const struct fz_fine_pause *pauses,
			   size_t npauses, int *days);

struct fz_fine_instalment {
	int due;     /* the due day the head approved */
	long amount; /* yuan */
};

enum fz_fine_plan_fault {
	FZ_FINE_PLAN_OK = 0,
	FZ_FINE_PLAN_FEW,    /* fewer than two instalments (one is a deferral) */
	FZ_FINE_PLAN_MANY,   /* more than FZ_FINE_PLAN_MAX */
	FZ_FINE_PLAN_AMOUNT, /* an amount below 1 yuan */
	FZ_FINE_PLAN_EARLY,  /* a due day before the service day */
	FZ_FINE_PLAN_ORDER,  /* due days not strictly increasing */
	FZ_FINE_PLAN_SUM,    /* the amounts do not add up to the fine */
};
#define FZ_FINE_PLAN_MAX 24

/*
 * 第66条第二款: an instalment plan the head may approve: two to
 * FZ_FINE_PLAN_MAX instalments of at least 1 yuan, due days strictly
 * increasing and none before the service day, adding up to the fine.
 * *bad receives the index of the first faulty instalment (or -1).
 */
enum fz_fine_plan_fault fz_fine_plan_check(long fine, int served,
					   const struct fz_fine_instalment *p, size_t n, int *bad);

/*
 * Money typed by a clerk in yuan: "185", "185.1", "185.10" (at most two
 * decimals, not negative, at most 2,000,000,000 yuan) into fen. false when
 * it is not such an amount.
 */
bool fz_fine_parse_fen(const char *s, long *fen);
/* fen as yuan with two decimals: 18510 → "185.10". */
void fz_fine_fen_text(long fen, char out[32]);

#endif
