/*
 * test_enf_penalty_rules.c - unit tests of modules/enforcement/enf_penalty_rules.c,
 * the penalty rules that need no I/O (行政处罚法 2021).
 *
 * For: the limitation's last day (第36条), the kinds and amounts that carry
 * the hearing right (第63条), the simplified procedure's limits (第51条).
 * Not for: the procedure through the store and the routes
 * (tests/api/enf_penalty.test.mjs).
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
#include "modules/enforcement/enf_penalty_rules.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static int day(const char *s)
{
	int d;
	if (fz_date_parse(s, &d) != FZ_OK)
		fail_msg("test bug: bad date %s", s);
	return d;
}

static void test_limitation(void **state)
{
	(void)state;
	static const struct {
		const char *article, *act;
		bool grave;
		const char *end;
	} rows[] = {
		{"第36条 二年", "2024-03-05", false, "2026-03-05"},
		{"第36条 五年（生命健康安全、金融安全）", "2024-03-05", true, "2029-03-05"},
		{"第36条 二年, act on 29 Feb", "2024-02-29", false, "2026-02-28"},
		{"第36条 五年, act on 29 Feb", "2024-02-29", true, "2029-02-28"},
		{"第36条 二年 over a year end", "2025-12-31", false, "2027-12-31"},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		char got[11];
		fz_date_format(fz_pen_limitation_end(day(rows[i].act), rows[i].grave), got);
		if (strcmp(got, rows[i].end) != 0)
			fail_msg("%s: act %s -> %s, want %s", rows[i].article, rows[i].act, got, rows[i].end);
	}
}

static void test_hearing_right(void **state)
{
	(void)state;
	static const struct {
		const char *article, *kind;
		long fine, confiscation;
		bool org, want;
	} rows[] = {
		{"第63条第一项 较大数额罚款, citizen at the threshold", "fine", 10000, 0, false, true},
		{"第63条第一项 citizen below", "fine", 9999, 0, false, false},
		{"第63条第一项 organisation below", "fine", 99999, 0, true, false},
		{"第63条第一项 organisation at the threshold", "fine", 100000, 0, true, true},
		{"第63条第二项 没收较大数额", "confiscation", 0, 10000, false, true},
		{"第63条第三项 降低资质等级", "lower_qualification", 0, 0, true, true},
		{"第63条第三项 吊销许可证件", "revoke_licence", 0, 0, false, true},
		{"第63条第四项 责令停产停业", "suspend_business", 0, 0, true, true},
		{"第63条第四项 责令关闭", "close_down", 0, 0, true, true},
		{"第63条第四项 限制从业", "restrict_practice", 0, 0, false, true},
		{"第63条 警告 is not a kind that carries it", "warning", 0, 0, false, false},
		{"第63条 暂扣许可证件 is not listed", "suspend_licence", 0, 0, true, false},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		bool got = fz_pen_hearing_right(rows[i].kind, rows[i].fine, rows[i].confiscation, rows[i].org,
						10000, 100000);
		if (got != rows[i].want)
			fail_msg("%s: got %d", rows[i].article, got);
	}
}

static void test_simple_limits(void **state)
{
	(void)state;
	assert_int_equal(fz_pen_simple_fine_limit(false), 200);  /* 第51条: 公民二百元以下 */
	assert_int_equal(fz_pen_simple_fine_limit(true), 3000);  /* 第51条: 法人或者其他组织三千元以下 */
	assert_true(fz_pen_simple_kind_ok("warning"));
	assert_true(fz_pen_simple_kind_ok("fine"));
	assert_false(fz_pen_simple_kind_ok("criticism"));
	assert_false(fz_pen_simple_kind_ok("confiscation"));
	assert_false(fz_pen_simple_kind_ok(NULL));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(test_limitation),
		cmocka_unit_test(test_hearing_right),
		cmocka_unit_test(test_simple_limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
