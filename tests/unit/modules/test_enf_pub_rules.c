/*
 * test_enf_pub_rules.c - unit tests of modules/enforcement/enf_pub_rules.c:
 * what the public notice of an enforcement decision may show (三项制度 公示,
 * 国办发〔2018〕118号; personal data protected).
 *
 * For: the party's name (a citizen's surname only, an organisation's name),
 * and the masking of ID card numbers, mobile and fixed numbers and a natural
 * person's address in text officers typed. Not for: when a decision is
 * published (tests/api/enf_publication.test.mjs).
 *
 * Rows say what they check; expected texts are written by hand.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "modules/enforcement/enf_pub_rules.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static void test_party(void **state)
{
	(void)state;
	static const struct {
		const char *why;
		bool citizen;
		const char *name, *want;
	} rows[] = {
	    {"citizen, two characters", true, "张三", "张某"},
	    {"citizen, three characters", true, "李秋菊", "李某"},
	    {"citizen, compound surname", true, "欧阳明月", "欧阳某"},
	    {"citizen, compound surname of two characters is a surname and a name", true, "欧阳",
	     "欧某"},
	    {"citizen, no name", true, "", "某"},
	    {"organisation keeps its name", false, "青山县惠民超市有限公司",
	     "青山县惠民超市有限公司"},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		char got[128];
		fz_pub_party_shown(rows[i].citizen, rows[i].name, got, sizeof got);
		if (strcmp(got, rows[i].want) != 0)
			fail_msg("%s: %s -> %s, want %s", rows[i].why, rows[i].name, got,
				 rows[i].want);
	}
}

static void test_mask(void **state)
{
	(void)state;
	static const struct {
		const char *why;
		bool citizen;
		const char *name, *text, *want;
	} rows[] = {
	    {"ID card number ending in X", true, NULL, "身份证号码36072119850312421X，",
	     "身份证号码***，"},
	    {"ID card number ending in x, at the end", true, NULL, "身份证号360721198503124215",
	     "身份证号***"},
	    {"old 15-digit ID number", false, NULL, "证号360721850312421。", "证号***。"},
	    {"mobile number", false, NULL, "联系人手机13812345678。", "联系人手机***。"},
	    {"mobile number written 3-4-4", true, NULL, "电话 138-1234-5678，", "电话 ***，"},
	    {"mobile number after +86", false, NULL, "+8613912345678", "+***"},
	    {"fixed number with area code", false, NULL, "举报电话0797-8123456。", "举报电话***。"},
	    {"fixed number in full-width parentheses", false, NULL, "（0791）86123456", "***"},
	    {"fixed number without area code after 电话", false, NULL, "联系电话：8612345，",
	     "联系电话：***，"},
	    {"an amount is not a phone number", false, NULL, "罚款13000元", "罚款13000元"},
	    {"a date is not a number to mask", false, NULL, "2025年10月9日", "2025年10月9日"},
	    {"a registration code stays", false, NULL, "统一社会信用代码91360000MA35X1234K",
	     "统一社会信用代码91360000MA35X1234K"},
	    {"a long digit run stays (a bank account)", false, NULL, "账号62220215010012345678",
	     "账号62220215010012345678"},
	    {"citizen's address after 住址", true, NULL, "当事人住址：青山县城关镇解放路12号，经营",
	     "当事人住址：***，经营"},
	    {"citizen's address after 家住", true, NULL, "王五家住青山县梅林镇石桥村3组。",
	     "王五家住***。"},
	    {"citizen's address after 户籍地址 in parentheses", true, NULL,
	     "（户籍地址：江西省青山县河口乡）", "（户籍地址：***）"},
	    {"an organisation's address stays", false, NULL, "住所：青山县工业园区8号。",
	     "住所：青山县工业园区8号。"},
	    {"citizen's full name becomes the surname", true, "李秋菊",
	     "李秋菊在其店内销售，李秋菊承认", "李某在其店内销售，李某承认"},
	    {"everything at once", true, "张三",
	     "张三（身份证号36072119850312421X，住青山县城关镇解放路12号，电话13812345678）无证经营"
	     "。",
	     "张某（身份证号***，住***，电话***）无证经营。"},
	    {"住 opening a clause", true, "王五", "王五，男，住青山县梅林镇石桥村。",
	     "王某，男，住***。"},
	    {"an address with spaces around its numbers", true, NULL,
	     "家住青山县梅林镇石桥村 3 组，", "家住***，"},
	    {"住 inside a word stays", true, NULL, "提供住宿服务", "提供住宿服务"},
	    {"住所 of a citizen", true, "张三", "张三，住所青山县城关镇解放路12号。",
	     "张某，住所***。"},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		char got[512];
		fz_pub_mask(rows[i].text, rows[i].citizen, rows[i].name, got, sizeof got);
		if (strcmp(got, rows[i].want) != 0)
			fail_msg("%s: %s -> %s, want %s", rows[i].why, rows[i].text, got,
				 rows[i].want);
	}
}

static void test_mask_cut(void **state)
{
	(void)state;
	char got[8];
	/* 7 bytes of room: two Chinese characters (6 bytes), never half of the third. */
	fz_pub_mask("行政处罚", false, NULL, got, sizeof got);
	assert_string_equal(got, "行政");
	fz_pub_mask(NULL, true, NULL, got, sizeof got);
	assert_string_equal(got, "");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_party),
	    cmocka_unit_test(test_mask),
	    cmocka_unit_test(test_mask_cut),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
