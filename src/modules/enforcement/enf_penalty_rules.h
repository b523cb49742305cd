/*
 * enf_penalty_rules.h - the statutory rules of the penalty procedure that
 * need no I/O (行政处罚法 2021): limitation, the hearing right, the limits of
 * the simplified procedure. Private to the enforcement folder; pure, so unit
 * tests check them row by row against the articles.
 */
#ifndef FZ_MODULES_ENF_PENALTY_RULES_H
#define FZ_MODULES_ENF_PENALTY_RULES_H

#include <stdbool.h>

/*
 * 第36条: a violation not discovered within two years is not punished; five
 * years where citizens' life, health or financial security was harmed. The
 * last day on which filing is still in time: the same date two (five) years
 * after the act; an act on 29 February ends on 28 February.
 */
int fz_pen_limitation_end(int act_day, bool grave);

/*
 * 第63条: the kinds of penalty for which the party must be told of the right
 * to a hearing: a large fine or confiscation (at or above the county's
 * threshold for citizens or for organisations), lowering a qualification,
 * revoking a licence, ordering a stop of production or business, closure,
 * restricting practice.
 */
bool fz_pen_hearing_right(const char *kind, long fine, long confiscation, bool organisation,
			  long threshold_citizen, long threshold_org);

/* 第51条: the limit of an on-the-spot fine in yuan: 200 for a citizen, 3,000 for an organisation. */
long fz_pen_simple_fine_limit(bool organisation);
/* 第51条: on the spot only a warning or a fine. */
bool fz_pen_simple_kind_ok(const char *kind);

#endif
