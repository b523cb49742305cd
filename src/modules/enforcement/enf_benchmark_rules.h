/*
 * enf_benchmark_rules.h - the rules of a discretion benchmark (行政处罚裁量基准)
 * that need no I/O: what a row of circumstances may say, whether a proposed
 * or decided penalty lies inside the row's lawful range, and the range in
 * words. Private to the enforcement folder; pure, so unit tests check them
 * row by row.
 */
#ifndef FZ_MODULES_ENF_BENCHMARK_RULES_H
#define FZ_MODULES_ENF_BENCHMARK_RULES_H

#include <stdbool.h>
#include <stddef.h>

#include "core/workflow.h"

/* The levels of circumstances (违法情节): minor 轻微, general 一般, serious 较重, grave 严重. */
extern const struct fz_option fz_bench_levels[];

#define FZ_BENCH_KINDS 12

/*
 * One row of a benchmark as the rules read it. kinds: values of fz_pen_kinds
 * (NULL-terminated, at most FZ_BENCH_KINDS); the fine bounds apply to the
 * kind "fine" and are in 元 (-1: not set); no_penalty: 不予处罚/首违不罚 is
 * within the range (轻微 only).
 */
struct fz_bench_row {
	const char *level;
	const char *circumstances;
	const char *kinds[FZ_BENCH_KINDS + 1];
	long fine_min, fine_max;
	bool no_penalty;
};

/*
 * Checks a row as an editor or an import writes it. On a fault returns false,
 * *field names the offending member ("level", "circumstances", "kinds",
 * "fine_min", "fine_max", "no_penalty") and msg says why in Chinese.
 */
bool fz_bench_row_check(const struct fz_bench_row *r, const char **field, char *msg, size_t size);

/*
 * Is the penalty inside the row's range? punish false is a decision not to
 * punish (inside only where the row allows 不予处罚). For a penalty: its kind
 * must be one the row allows, and a fine (fine > 0) must be allowed and lie
 * within [fine_min, fine_max]. When outside, why (if not NULL) says how in
 * Chinese and *field names the input at fault ("proposed_kind"-style names
 * are the caller's: "kind" or "fine").
 */
bool fz_bench_inside(const struct fz_bench_row *r, bool punish, const char *kind, long fine,
		     const char **field, char *why, size_t size);

/* The lawful range in words: "罚款 2000 元以上 10000 元以下；警告；可以不予处罚（首违不罚）". */
void fz_bench_range_text(const struct fz_bench_row *r, char *out, size_t size);

/* kinds as "fine,warning" into r->kinds (pointers into buf, which it rewrites); false if too many.
 */
bool fz_bench_kinds_split(char *buf, struct fz_bench_row *r);

#endif
