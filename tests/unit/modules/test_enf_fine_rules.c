/*
 * test_enf_fine_rules.c - unit tests of modules/enforcement/enf_fine_rules.c,
 * the arithmetic of a fine after the decision (行政处罚法 2021).
 *
 * For: the late surcharge of 第72条 (3 % a day, capped at the fine), the days
 * a reconsideration or lawsuit keeps out of it (第73条), the instalment plan
 * a head may approve (第66条), yuan typed by a clerk.
 * Not for: the ledger through the store and the routes (tests/api/enf_fines.test.mjs).
 *
 * Rows name the article they check; expected values are written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/enforcement/enf_fine_rules.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static int day(const char *s)
{
	int d;
	if (fz_date_parse(s, &d) != FZ_OK)
		fail_msg("test bug: bad date %s", s);
	return d;
}

static void test_surcharge(void **state)
{
	(void)state;
	static const struct {
		const char *article;
		long amount;
		const char *due, *on, *pause_from, *pause_to;
		int days;
		long fen;
	} rows[] = {
	    {"第72条 paid on the due day: nothing", 1000, "2026-03-10", "2026-03-10", NULL, NULL, 0,
	     0},
	    {"第72条 paid before the due day: nothing", 1000, "2026-03-10", "2026-03-01", NULL,
	     NULL, 0, 0},
	    {"第72条 one day late: 3 %", 1000, "2026-03-10", "2026-03-11", NULL, NULL, 1, 3000},
	    {"第72条 ten days late, odd yuan: 3 % a day exact in fen", 1234, "2026-03-10",
	     "2026-03-20", NULL, NULL, 10, 37020},
	    {"第72条 calendar days run over National Day", 500, "2025-09-30", "2025-10-08", NULL,
	     NULL, 8, 12000},
	    {"第72条 over the Spring Festival", 200, "2026-02-13", "2026-02-24", NULL, NULL, 11,
	     6600},
	    {"第72条 33 days: 99 %, under the cap", 100, "2026-01-01", "2026-02-03", NULL, NULL, 33,
	     9900},
	    {"第72条 34 days: capped at the fine", 100, "2026-01-01", "2026-02-04", NULL, NULL, 34,
	     10000},
	    {"第72条 a year late: the fine, no more", 2000000, "2025-01-01", "2026-01-01", NULL,
	     NULL, 365, 200000000},
	    {"第73条 paused days are not counted", 1000, "2026-03-10", "2026-03-20", "2026-03-12",
	     "2026-03-16", 5, 15000},
	    {"第73条 applied on the due day: the pause covers it", 1000, "2026-03-10", "2026-03-20",
	     "2026-03-10", "2026-03-15", 5, 15000},
	    {"第73条 still pending: nothing after the application", 1000, "2026-03-10",
	     "2026-04-30", "2026-03-13", NULL, 2, 6000},
	    {"第73条 pause before the due day changes nothing", 1000, "2026-03-10", "2026-03-12",
	     "2026-03-01", "2026-03-05", 2, 6000},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct fz_fine_pause p = {0, 0};
		size_t np = 0;
		if (rows[i].pause_from) {
			p.from = day(rows[i].pause_from);
			p.to = rows[i].pause_to ? day(rows[i].pause_to) : -1;
			np = 1;
		}
		int days = -1;
		long fen = fz_fine_surcharge_fen(rows[i].amount, day(rows[i].due), day(rows[i].on),
						 &p, np, &days);
		if (days != rows[i].days || fen != rows[i].fen)
			fail_msg(
			    "%s: %ld yuan due %s paid %s -> %d days %ld fen, want %d days %ld fen",
			    rows[i].article, rows[i].amount, rows[i].due, rows[i].on, days, fen,
			    rows[i].days, rows[i].fen);
	}
}

static void test_plan(void **state)
{
	(void)state;
	static const struct {
		const char *article;
		long fine;
		const char *served;
		const char *due[3];
		long amount[3];
		enum fz_fine_plan_fault want;
		int bad;
	} rows[] = {
	    {"第66条 two instalments adding up",
	     5000,
	     "2026-03-01",
	     {"2026-03-20", "2026-04-20"},
	     {3000, 2000},
	     FZ_FINE_PLAN_OK,
	     -1},
	    {"第66条 first due on the service day is allowed",
	     5000,
	     "2026-03-01",
	     {"2026-03-01", "2026-04-20"},
	     {3000, 2000},
	     FZ_FINE_PLAN_OK,
	     -1},
	    {"第66条 one instalment is a deferral",
	     5000,
	     "2026-03-01",
	     {"2026-03-20"},
	     {5000},
	     FZ_FINE_PLAN_FEW,
	     -1},
	    {"第66条 short of the fine",
	     5000,
	     "2026-03-01",
	     {"2026-03-20", "2026-04-20"},
	     {3000, 1999},
	     FZ_FINE_PLAN_SUM,
	     -1},
	    {"第66条 more than the fine",
	     5000,
	     "2026-03-01",
	     {"2026-03-20", "2026-04-20", "2026-05-20"},
	     {3000, 2000, 1},
	     FZ_FINE_PLAN_SUM,
	     -1},
	    {"第66条 due before the service day",
	     5000,
	     "2026-03-01",
	     {"2026-02-28", "2026-04-20"},
	     {3000, 2000},
	     FZ_FINE_PLAN_EARLY,
	     0},
	    {"第66条 due days out of order",
	     5000,
	     "2026-03-01",
	     {"2026-04-20", "2026-03-20"},
	     {3000, 2000},
	     FZ_FINE_PLAN_ORDER,
	     1},
	    {"第66条 two on one day",
	     5000,
	     "2026-03-01",
	     {"2026-04-20", "2026-04-20"},
	     {3000, 2000},
	     FZ_FINE_PLAN_ORDER,
	     1},
	    {"第66条 a zero instalment",
	     5000,
	     "2026-03-01",
	     {"2026-03-20", "2026-04-20", "2026-05-20"},
	     {5000, 0, 0},
	     FZ_FINE_PLAN_AMOUNT,
	     1},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		struct fz_fine_instalment p[3];
		size_t n = 0;
		for (; n < 3 && rows[i].due[n]; n++)
			p[n] = (struct fz_fine_instalment){day(rows[i].due[n]), rows[i].amount[n]};
		int bad = 99;
		enum fz_fine_plan_fault got =
		    fz_fine_plan_check(rows[i].fine, day(rows[i].served), p, n, &bad);
		if (got != rows[i].want || bad != rows[i].bad)
			fail_msg("%s: fault %d at %d, want %d at %d", rows[i].article, got, bad,
				 rows[i].want, rows[i].bad);
	}
}

static void test_money(void **state)
{
	(void)state;
	static const struct {
		const char *in;
		bool ok;
		long fen;
		const char *text;
	} rows[] = {
	    {"185", true, 18500, "185.00"},
	    {"185.1", true, 18510, "185.10"},
	    {"185.10", true, 18510, "185.10"},
	    {"0.05", true, 5, "0.05"},
	    {"0", true, 0, "0.00"},
	    {"185.101", false, 0, NULL},
	    {"-1", false, 0, NULL},
	    {"1.", false, 0, NULL},
	    {".5", false, 0, NULL},
	    {"12a", false, 0, NULL},
	    {"", false, 0, NULL},
	    {"99999999999", false, 0, NULL},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		long fen = -1;
		bool ok = fz_fine_parse_fen(rows[i].in, &fen);
		if (ok != rows[i].ok || (ok && fen != rows[i].fen))
			fail_msg("\"%s\": %d %ld, want %d %ld", rows[i].in, ok, fen, rows[i].ok,
				 rows[i].fen);
		if (ok) {
			char t[32];
			fz_fine_fen_text(fen, t);
			if (strcmp(t, rows[i].text) != 0)
				fail_msg("%ld fen -> %s, want %s", fen, t, rows[i].text);
		}
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_surcharge),
	    cmocka_unit_test(test_plan),
	    cmocka_unit_test(test_money),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
