/*
 * test_enf_inspection_rules.c - unit tests of
 * modules/enforcement/enf_inspection_rules.c, the rules of inspections that
 * need no store: the number a plan draws, the unified social credit code's
 * check character (GB 32100-2015) and the seeded draw.
 *
 * Not for: the draw through the store and the routes (tests/api/enf_inspection.test.mjs,
 * which also re-runs recorded draws with its own implementation).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_inspection_rules.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static void test_draw_size(void **state)
{
	(void)state;
	static const struct {
		const char *rule, *kind;
		long value;
		size_t total, remaining, want;
	} rows[] = {
	    {"number: as many as the plan says", "number", 5, 30, 30, 5},
	    {"number: no more than not yet drawn", "number", 5, 30, 3, 3},
	    {"share: 10% of 30", "share", 10, 30, 30, 3},
	    {"share: rounded up, 10% of 31 is 4", "share", 10, 31, 31, 4},
	    {"share: at least one, 1% of 5", "share", 1, 5, 5, 1},
	    {"share: of the whole directory, capped by the rest", "share", 50, 30, 10, 10},
	    {"share: 100%", "share", 100, 7, 7, 7},
	    {"empty directory", "number", 3, 0, 0, 0},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		size_t got = fz_insp_draw_size(rows[i].kind, rows[i].value, rows[i].total,
					       rows[i].remaining);
		if (got != rows[i].want)
			fail_msg("%s: got %zu, want %zu", rows[i].rule, got, rows[i].want);
	}
}

static void test_credit_code(void **state)
{
	(void)state;
	static const struct {
		const char *code;
		bool ok;
	} rows[] = {
	    {"91350100M000100Y43", true},  /* GB 32100-2015 worked example */
	    {"91350100M000100Y44", false}, /* wrong check character */
	    {"91350100M000100Y4", false},  /* 17 characters */
	    {"91350100M000100Y433", false},
	    {"91350100I000100Y43", false}, /* I is not in the alphabet */
	    {"91350100m000100Y43", false}, /* lower case */
	    {"", false},
	};
	for (size_t i = 0; i < NROWS(rows); i++)
		if (fz_insp_credit_code_ok(rows[i].code) != rows[i].ok)
			fail_msg("%s: want %s", rows[i].code, rows[i].ok ? "valid" : "invalid");
	assert_false(fz_insp_credit_code_ok(NULL));
}

static void test_pick(void **state)
{
	(void)state;
	unsigned char seed[FZ_INSP_SEED_BYTES], other[FZ_INSP_SEED_BYTES];
	for (int i = 0; i < FZ_INSP_SEED_BYTES; i++) {
		seed[i] = (unsigned char)i;
		other[i] = (unsigned char)(i + 1);
	}
	size_t a[10], b[10], c[10], all[20];
	/* Reproducible: the same seed and stream give the same draw. */
	assert_true(fz_insp_pick(seed, "entities", 20, 10, a));
	assert_true(fz_insp_pick(seed, "entities", 20, 10, b));
	assert_memory_equal(a, b, sizeof a);
	/* Distinct indices in range. */
	for (size_t i = 0; i < 10; i++) {
		assert_true(a[i] < 20);
		for (size_t j = 0; j < i; j++)
			assert_true(a[i] != a[j]);
	}
	/* Another seed or stream draws otherwise (with overwhelming likelihood). */
	assert_true(fz_insp_pick(other, "entities", 20, 10, c));
	assert_memory_not_equal(a, c, sizeof a);
	assert_true(fz_insp_pick(seed, "team-0", 20, 10, c));
	assert_memory_not_equal(a, c, sizeof a);
	/* The first k of a longer draw are the shorter draw: the shuffle is a prefix. */
	assert_true(fz_insp_pick(seed, "entities", 20, 20, all));
	assert_memory_equal(a, all, sizeof a);
	/* k = n is a permutation. */
	int seen[20] = {0};
	for (size_t i = 0; i < 20; i++)
		seen[all[i]]++;
	for (size_t i = 0; i < 20; i++)
		assert_int_equal(seen[i], 1);
	/* k > n is refused; n = 1 always picks 0. */
	assert_false(fz_insp_pick(seed, "entities", 3, 4, a));
	assert_true(fz_insp_pick(seed, "entities", 1, 1, a));
	assert_int_equal(a[0], 0);
}

static void test_uniform(void **state)
{
	(void)state;
	/* Each of 5 candidates is drawn first about a fifth of the time over 5,000 seeds. */
	unsigned char seed[FZ_INSP_SEED_BYTES] = {0};
	int first[5] = {0};
	for (int s = 0; s < 5000; s++) {
		seed[0] = (unsigned char)(s & 0xff);
		seed[1] = (unsigned char)(s >> 8);
		size_t p[1];
		assert_true(fz_insp_pick(seed, "entities", 5, 1, p));
		first[p[0]]++;
	}
	for (int i = 0; i < 5; i++)
		if (first[i] < 850 || first[i] > 1150)
			fail_msg("candidate %d drawn first %d times of 5000", i, first[i]);
}

static void test_seed_and_hash(void **state)
{
	(void)state;
	unsigned char seed[FZ_INSP_SEED_BYTES];
	char hex[65];
	fz_insp_sha256_hex("abc", 3, hex);
	assert_string_equal(hex,
			    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
	assert_true(fz_insp_seed_parse(hex, seed));
	assert_int_equal(seed[0], 0xba);
	assert_false(fz_insp_seed_parse("ba78", seed));
	assert_false(fz_insp_seed_parse(NULL, seed));
	hex[10] = 'z';
	assert_false(fz_insp_seed_parse(hex, seed));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_draw_size),	  cmocka_unit_test(test_credit_code),
	    cmocka_unit_test(test_pick),	  cmocka_unit_test(test_uniform),
	    cmocka_unit_test(test_seed_and_hash),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
