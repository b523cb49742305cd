/*
 * test_disclosure_rules.c - unit tests of modules/disclosure/disclosure_rules.c,
 * the disclosure rules that need no I/O.
 *
 * For: the receipt day of 政府信息公开条例 第31条 per channel, the reply
 * outcomes of 第36-39条 and the table-三 row each counts in, the applicant
 * columns of table 三, and the template's printed checks on table 三
 * (国办公开办函〔2021〕30号: 一 + 二 = 三（七） + 四; each group equals the sum
 * of its numbered rows; and 三（七） equals the sum of the groups).
 * Not for: counting the table from records or the HTTP routes
 * (tests/api/disclosure*.test.mjs).
 *
 * Rows of the tables name the article they check. Every expected value is
 * written out by hand; nothing is computed with the code under test.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/disclosure/disclosure_rules.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* A day number from "YYYY-MM-DD", or -1 for NULL (the "absent" of fz_disc_dates). */
static int day(const char *s)
{
	int d;
	if (!s)
		return -1;
	if (fz_date_parse(s, &d) != FZ_OK)
		fail_msg("test bug: bad date %s", s);
	return d;
}

/* True when s holds at least one CJK ideograph (U+4E00..U+9FFF, 3-byte UTF-8 E4..E9). */
static bool has_han(const char *s)
{
	for (const unsigned char *p = (const unsigned char *)s; *p; p++)
		if (*p >= 0xE4 && *p <= 0xE9 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80)
			return true;
	return false;
}

/* ---- 第31条: the receipt day ------------------------------------------- */

struct receipt_row {
	const char *article;
	const char *channel;
	const char *submitted_on, *signed_on, *confirmed_on; /* NULL = absent */
	enum fz_code code;
	const char *field;   /* err.field when code != FZ_OK */
	const char *receipt; /* the receipt day when code == FZ_OK */
};

static void receipt_day_table(void **state)
{
	(void)state;
	static const struct receipt_row rows[] = {
		/* （一）当面提交: the day the applicant hands it in; other dates are irrelevant. */
		{"第31条（一） in person", "in_person", "2026-03-02", NULL, NULL, FZ_OK, NULL,
		 "2026-03-02"},
		{"第31条（一） in person ignores signed_on/confirmed_on", "in_person", "2026-03-02",
		 "2026-03-09", "2026-03-10", FZ_OK, NULL, "2026-03-02"},
		{"第31条（一） in person, a holiday is still the day submitted", "in_person",
		 "2026-10-03", NULL, NULL, FZ_OK, NULL, "2026-10-03"},
		{"第31条 submitted_on is always needed", "in_person", NULL, NULL, NULL,
		 FZ_EMISSING_FIELD, "submitted_on", NULL},
		/* （二）邮寄且需签收: the day the agency signs for it. */
		{"第31条（二） signed post", "post_signed", "2026-03-02", "2026-03-05", NULL, FZ_OK,
		 NULL, "2026-03-05"},
		{"第31条（二） signed post signed the day it was posted", "post_signed", "2026-03-02",
		 "2026-03-02", NULL, FZ_OK, NULL, "2026-03-02"},
		{"第31条（二） signed post needs signed_on", "post_signed", "2026-03-02", NULL, NULL,
		 FZ_EMISSING_FIELD, "signed_on", NULL},
		{"第31条（二） signed post: confirmed_on is not signed_on", "post_signed", "2026-03-02",
		 NULL, "2026-03-05", FZ_EMISSING_FIELD, "signed_on", NULL},
		{"第31条（二） signed post signed before it was posted", "post_signed", "2026-03-02",
		 "2026-03-01", NULL, FZ_EBAD_DATE, "signed_on", NULL},
		{"第31条 signed post without submitted_on", "post_signed", NULL, "2026-03-05", NULL,
		 FZ_EMISSING_FIELD, "submitted_on", NULL},
		/* （二）平常信函: the day the agency confirms with the applicant. */
		{"第31条（二） ordinary letter", "post_ordinary", "2026-03-02", NULL, "2026-03-06",
		 FZ_OK, NULL, "2026-03-06"},
		{"第31条（二） ordinary letter needs confirmed_on", "post_ordinary", "2026-03-02",
		 NULL, NULL, FZ_EMISSING_FIELD, "confirmed_on", NULL},
		{"第31条（二） ordinary letter: signed_on is not confirmed_on", "post_ordinary",
		 "2026-03-02", "2026-03-04", NULL, FZ_EMISSING_FIELD, "confirmed_on", NULL},
		{"第31条（二） ordinary letter confirmed before it was sent", "post_ordinary",
		 "2026-03-02", NULL, "2026-02-27", FZ_EBAD_DATE, "confirmed_on", NULL},
		/* （三）网络、传真、电子邮件: the day both sides confirm. */
		{"第31条（三） online", "online", "2026-02-13", NULL, "2026-02-24", FZ_OK, NULL,
		 "2026-02-24"},
		{"第31条（三） online needs confirmed_on", "online", "2026-02-13", NULL, NULL,
		 FZ_EMISSING_FIELD, "confirmed_on", NULL},
		{"第31条（三） online confirmed before it was sent", "online", "2026-02-13", NULL,
		 "2026-02-12", FZ_EBAD_DATE, "confirmed_on", NULL},
		{"第31条（三） fax", "fax", "2026-09-30", NULL, "2026-10-08", FZ_OK, NULL,
		 "2026-10-08"},
		{"第31条（三） fax confirmed the same day", "fax", "2026-09-30", NULL, "2026-09-30",
		 FZ_OK, NULL, "2026-09-30"},
		{"第31条（三） fax needs confirmed_on", "fax", "2026-09-30", "2026-10-08", NULL,
		 FZ_EMISSING_FIELD, "confirmed_on", NULL},
		{"第31条（三） fax confirmed before it was sent", "fax", "2026-09-30", NULL,
		 "2026-09-29", FZ_EBAD_DATE, "confirmed_on", NULL},
		{"第31条（三） e-mail", "email", "2025-12-31", NULL, "2026-01-05", FZ_OK, NULL,
		 "2026-01-05"},
		{"第31条（三） e-mail needs confirmed_on", "email", "2025-12-31", NULL, NULL,
		 FZ_EMISSING_FIELD, "confirmed_on", NULL},
		{"第31条（三） e-mail confirmed before it was sent", "email", "2025-12-31", NULL,
		 "2025-12-30", FZ_EBAD_DATE, "confirmed_on", NULL},
		/* Channels the article does not know. */
		{"第31条 unknown channel", "wechat", "2026-03-02", "2026-03-02", "2026-03-02",
		 FZ_EBAD_VALUE, "channel", NULL},
		{"第31条 channel names are exact", "In_Person", "2026-03-02", NULL, NULL,
		 FZ_EBAD_VALUE, "channel", NULL},
		{"第31条 channel is needed", NULL, "2026-03-02", NULL, NULL, FZ_EMISSING_FIELD,
		 "channel", NULL},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct receipt_row *r = &rows[i];
		struct fz_disc_dates d = {day(r->submitted_on), day(r->signed_on),
					  day(r->confirmed_on)};
		const int untouched = -12345;
		int out = untouched;
		struct fz_err err;
		fz_err_clear(&err);
		enum fz_code rc = fz_disc_receipt_day(r->channel, &d, &out, &err);
		if (rc != r->code)
			fail_msg("%s: code %s, expected %s", r->article, fz_code_name(rc),
				 fz_code_name(r->code));
		if (r->code == FZ_OK) {
			char got[11];
			fz_date_format(out, got);
			if (strcmp(got, r->receipt) != 0)
				fail_msg("%s: receipt day %s, expected %s", r->article, got,
					 r->receipt);
			continue;
		}
		if (out != untouched)
			fail_msg("%s: a refused date still wrote the receipt day", r->article);
		if (strcmp(err.field, r->field) != 0)
			fail_msg("%s: field \"%s\", expected \"%s\"", r->article, err.field,
				 r->field);
		if (!has_han(err.message))
			fail_msg("%s: message is not Chinese: \"%s\"", r->article, err.message);
	}
}

/* The two "which date does this channel need" messages cite the article. */
static void receipt_day_messages_cite_article(void **state)
{
	(void)state;
	static const char *const channels[] = {"post_signed", "post_ordinary", "online", "fax",
					      "email"};
	for (size_t i = 0; i < NROWS(channels); i++) {
		struct fz_disc_dates d = {day("2026-03-02"), -1, -1};
		int out;
		struct fz_err err;
		fz_err_clear(&err);
		assert_int_equal(fz_disc_receipt_day(channels[i], &d, &out, &err), FZ_EMISSING_FIELD);
		if (!strstr(err.message, "第31条"))
			fail_msg("%s: the message does not cite 第31条: %s", channels[i], err.message);
	}
}

/* ---- 第36-39条: outcomes and their rows of table 三 --------------------- */

struct outcome_row {
	const char *value;
	const char *article; /* as printed in the reply letter */
	int row;             /* table-三 detail row, by the template's wording */
	unsigned needs;
};

/* Each reply type, with the template row a 30号 reader would put it in. */
static const struct outcome_row outcome_rows[] = {
	{"disclose", "第36条（二）", FZ_ROW_DISCLOSE, FZ_DISC_NEEDS_NONE},
	{"already_public", "第36条（一）", FZ_ROW_DISCLOSE, FZ_DISC_NEEDS_WHERE},
	{"partial", "第37条", FZ_ROW_PARTIAL, FZ_DISC_NEEDS_GROUND | FZ_DISC_NEEDS_WITHHELD},
	{"withhold.secret", "第14条", FZ_ROW_W1, FZ_DISC_NEEDS_GROUND},
	{"withhold.law", "第14条", FZ_ROW_W2, FZ_DISC_NEEDS_GROUND},
	{"withhold.security", "第14条", FZ_ROW_W3, FZ_DISC_NEEDS_GROUND},
	{"withhold.third_party", "第15条", FZ_ROW_W4, FZ_DISC_NEEDS_GROUND},
	{"withhold.internal", "第16条第1款", FZ_ROW_W5, FZ_DISC_NEEDS_GROUND},
	{"withhold.process", "第16条第2款", FZ_ROW_W6, FZ_DISC_NEEDS_GROUND},
	{"withhold.enforcement", "第16条第2款", FZ_ROW_W7, FZ_DISC_NEEDS_GROUND},
	{"withhold.query", "第36条（七）", FZ_ROW_W8, FZ_DISC_NEEDS_GROUND},
	{"unable.not_held", "第36条（四）", FZ_ROW_U1, FZ_DISC_NEEDS_NONE},
	/* 第36条（五）"not this agency's" is counted as 本机关不掌握 (row 四.1). */
	{"not_ours", "第36条（五）", FZ_ROW_U1, FZ_DISC_NEEDS_AGENCY},
	{"unable.needs_creation", "第38条", FZ_ROW_U2, FZ_DISC_NEEDS_NONE},
	{"unable.unclear", "第30条", FZ_ROW_U3, FZ_DISC_NEEDS_NONE},
	{"refuse.petition", "第39条第1款", FZ_ROW_R1, FZ_DISC_NEEDS_GROUND},
	{"refuse.repeat", "第36条（六）", FZ_ROW_R2, FZ_DISC_NEEDS_GROUND},
	{"refuse.publication", "第39条第2款", FZ_ROW_R3, FZ_DISC_NEEDS_GROUND},
	{"refuse.excessive", "第35条", FZ_ROW_R4, FZ_DISC_NEEDS_GROUND},
	{"refuse.confirm", "第39条", FZ_ROW_R5, FZ_DISC_NEEDS_GROUND},
	{"other.no_correction", "第30条", FZ_ROW_O1, FZ_DISC_NEEDS_NONE},
	{"other.no_fee", "第42条", FZ_ROW_O2, FZ_DISC_NEEDS_NONE},
	{"other.other", "—", FZ_ROW_O3, FZ_DISC_NEEDS_GROUND},
};

static void outcome_lookup_table(void **state)
{
	(void)state;
	for (size_t i = 0; i < NROWS(outcome_rows); i++) {
		const struct outcome_row *r = &outcome_rows[i];
		const struct fz_disc_outcome *o = fz_disc_outcome(r->value);
		if (!o)
			fail_msg("%s (%s): no such outcome", r->value, r->article);
		assert_string_equal(o->value, r->value);
		if (strcmp(o->article, r->article) != 0)
			fail_msg("%s: article %s, expected %s", r->value, o->article, r->article);
		int row = fz_disc_row_of(o->row);
		if (row != r->row)
			fail_msg("%s (%s): counts in row %d (\"%s\"), expected row %d (%s)", r->value,
				 r->article, row, o->row, r->row, fz_disc_rows[r->row].label);
		if (o->needs != r->needs)
			fail_msg("%s (%s): needs %u, expected %u", r->value, r->article, o->needs,
				 r->needs);
		if (!o->label || !has_han(o->label))
			fail_msg("%s: label is not Chinese", r->value);
	}
	/* The table above is the whole list: nothing declared that the test does not know. */
	size_t n = 0;
	while (fz_disc_outcomes[n].value)
		n++;
	assert_int_equal(n, NROWS(outcome_rows));
	assert_null(fz_disc_outcome("withhold"));   /* a group, not a reply type */
	assert_null(fz_disc_outcome("Disclose"));   /* exact */
	assert_null(fz_disc_outcome("disclose "));  /* exact */
	assert_null(fz_disc_outcome(""));
	assert_null(fz_disc_outcome(NULL));
}

static bool is_detail_row(int row)
{
	switch (row) {
	case FZ_ROW_DISCLOSE:
	case FZ_ROW_PARTIAL:
	case FZ_ROW_W1: case FZ_ROW_W2: case FZ_ROW_W3: case FZ_ROW_W4:
	case FZ_ROW_W5: case FZ_ROW_W6: case FZ_ROW_W7: case FZ_ROW_W8:
	case FZ_ROW_U1: case FZ_ROW_U2: case FZ_ROW_U3:
	case FZ_ROW_R1: case FZ_ROW_R2: case FZ_ROW_R3: case FZ_ROW_R4: case FZ_ROW_R5:
	case FZ_ROW_O1: case FZ_ROW_O2: case FZ_ROW_O3:
		return true;
	default: /* 一, 二, the four group totals, （七）, 四 */
		return false;
	}
}

/* Every outcome counts in a real detail row: never a group, total or 一/二/四 row. */
static void every_outcome_counts_in_a_detail_row(void **state)
{
	(void)state;
	bool reached[FZ_ROW_COUNT] = {false};
	for (const struct fz_disc_outcome *o = fz_disc_outcomes; o->value; o++) {
		int row = fz_disc_row_of(o->row);
		if (row < 0)
			fail_msg("%s (%s): row \"%s\" is not a row of table 三", o->value, o->article,
				 o->row);
		if (!is_detail_row(row))
			fail_msg("%s (%s): row \"%s\" is a group or total row", o->value, o->article,
				 o->row);
		reached[row] = true;
	}
	/* And each detail row of the template can be reached by some outcome. */
	for (int r = 0; r < FZ_ROW_COUNT; r++)
		if (is_detail_row(r) && !reached[r])
			fail_msg("row %s (%s) is counted by no outcome", fz_disc_rows[r].key,
				 fz_disc_rows[r].label);
}

/* The reply form offers every reply type staff choose; the system-made ends it does not. */
static void outcome_options_are_outcomes(void **state)
{
	(void)state;
	size_t n = 0;
	for (const struct fz_option *p = fz_disc_outcome_options; p->value; p++, n++) {
		const struct fz_disc_outcome *o = fz_disc_outcome(p->value);
		if (!o)
			fail_msg("option %s is not an outcome", p->value);
		/* The option shows the article it rests on (except 其他处理: 其他). */
		if (strcmp(o->article, "—") != 0 && !strstr(p->label, o->article))
			fail_msg("option %s: label \"%s\" does not cite %s", p->value, p->label,
				 o->article);
		/* 第30条 deemed withdrawal and 第42条 unpaid fee are the engine's, not a reply. */
		assert_string_not_equal(p->value, "other.no_correction");
		assert_string_not_equal(p->value, "other.no_fee");
	}
	assert_int_equal(n, NROWS(outcome_rows) - 2);
}

/* Row keys: each key finds its row, unknown keys none. */
static void row_of_table(void **state)
{
	(void)state;
	static const struct {
		const char *key;
		int row;
	} rows[] = {
		{"received", FZ_ROW_RECEIVED},     {"carried_in", FZ_ROW_CARRIED_IN},
		{"disclose", FZ_ROW_DISCLOSE},     {"partial", FZ_ROW_PARTIAL},
		{"withhold.secret", FZ_ROW_W1},    {"withhold.query", FZ_ROW_W8},
		{"withhold", FZ_ROW_WITHHOLD},     {"unable.unclear", FZ_ROW_U3},
		{"unable", FZ_ROW_UNABLE},         {"refuse.confirm", FZ_ROW_R5},
		{"refuse", FZ_ROW_REFUSE},         {"other.other", FZ_ROW_O3},
		{"other", FZ_ROW_OTHER},           {"total", FZ_ROW_TOTAL},
		{"carried_out", FZ_ROW_CARRIED_OUT}, {"not_ours", -1},
		{"withhold.bogus", -1},            {"", -1},
		{NULL, -1},
	};
	for (size_t i = 0; i < NROWS(rows); i++)
		if (fz_disc_row_of(rows[i].key) != rows[i].row)
			fail_msg("row_of(%s) = %d, expected %d", rows[i].key ? rows[i].key : "NULL",
				 fz_disc_row_of(rows[i].key), rows[i].row);
}

/* ---- applicant types = the columns of table 三 ------------------------ */

static void column_table(void **state)
{
	(void)state;
	static const struct {
		const char *type;
		int column;
	} rows[] = {
		/* 30号 template column order: 自然人 | 商业企业, 科研机构, 社会公益组织, 法律服务机构, 其他 */
		{"natural", 0},      {"commercial", 1},    {"research", 2},
		{"public_interest", 3}, {"legal_service", 4}, {"other_org", 5},
		/* 总计 is not an applicant type; unknown and absent types have no column. */
		{"total", -1},       {"Natural", -1},      {"", -1},
		{"company", -1},     {NULL, -1},
	};
	for (size_t i = 0; i < NROWS(rows); i++)
		if (fz_disc_column(rows[i].type) != rows[i].column)
			fail_msg("column(%s) = %d, expected %d", rows[i].type ? rows[i].type : "NULL",
				 fz_disc_column(rows[i].type), rows[i].column);
	static const char *const labels[] = {"自然人", "商业企业", "科研机构", "社会公益组织",
					    "法律服务机构", "其他"};
	for (int c = 0; c < 6; c++)
		assert_string_equal(fz_disc_applicant_types[c].label, labels[c]);
	assert_null(fz_disc_applicant_types[6].value);
}

/* ---- reconciliation of table 三 --------------------------------------- */

/*
 * A balanced year, written cell by cell (columns: 自然人, 商业企业, 科研机构,
 * 社会公益组织, 法律服务机构, 其他, 总计; the 总计 column added up by hand):
 *
 *   一 received      10 3 1 0 2 1 | 17
 *   二 carried in     2 1 0 0 0 0 |  3
 *   四 carried out    1 0 0 0 0 0 |  1
 *   （七） closed = 一 + 二 - 四: 11 4 1 0 2 1 | 19, made of:
 *     自然人 11 = 予以公开 5 + 部分公开 1 + 不予公开 1 (4.第三方) + 无法提供 3
 *                 (1.不掌握 2, 3.补正后仍不明确 1) + 不予处理 1 (2.重复申请)
 *     商业企业 4 = 予以公开 1 + 不予公开 2 (4.第三方 1, 6.过程性 1) + 其他处理 1 (2.逾期未缴费)
 *     科研机构 1 = 部分公开 1
 *     法律服务机构 2 = 不予处理 1 (1.信访举报投诉) + 其他处理 1 (3.其他)
 *     其他 1 = 无法提供 1 (2.需另行制作)
 */
static void balanced(struct fz_disc_table3 *t)
{
	memset(t, 0, sizeof *t);
	static const struct {
		int row;
		long v[FZ_DISC_COLUMNS];
	} cells[] = {
		{FZ_ROW_RECEIVED, {10, 3, 1, 0, 2, 1, 17}},
		{FZ_ROW_CARRIED_IN, {2, 1, 0, 0, 0, 0, 3}},
		{FZ_ROW_DISCLOSE, {5, 1, 0, 0, 0, 0, 6}},
		{FZ_ROW_PARTIAL, {1, 0, 1, 0, 0, 0, 2}},
		{FZ_ROW_W4, {1, 1, 0, 0, 0, 0, 2}},
		{FZ_ROW_W6, {0, 1, 0, 0, 0, 0, 1}},
		{FZ_ROW_WITHHOLD, {1, 2, 0, 0, 0, 0, 3}},
		{FZ_ROW_U1, {2, 0, 0, 0, 0, 0, 2}},
		{FZ_ROW_U2, {0, 0, 0, 0, 0, 1, 1}},
		{FZ_ROW_U3, {1, 0, 0, 0, 0, 0, 1}},
		{FZ_ROW_UNABLE, {3, 0, 0, 0, 0, 1, 4}},
		{FZ_ROW_R1, {0, 0, 0, 0, 1, 0, 1}},
		{FZ_ROW_R2, {1, 0, 0, 0, 0, 0, 1}},
		{FZ_ROW_REFUSE, {1, 0, 0, 0, 1, 0, 2}},
		{FZ_ROW_O2, {0, 1, 0, 0, 0, 0, 1}},
		{FZ_ROW_O3, {0, 0, 0, 0, 1, 0, 1}},
		{FZ_ROW_OTHER, {0, 1, 0, 0, 1, 0, 2}},
		{FZ_ROW_TOTAL, {11, 4, 1, 0, 2, 1, 19}},
		{FZ_ROW_CARRIED_OUT, {1, 0, 0, 0, 0, 0, 1}},
	};
	for (size_t i = 0; i < NROWS(cells); i++)
		memcpy(t->v[cells[i].row], cells[i].v, sizeof cells[i].v);
}

static const char RULE_BALANCE[] = "一 + 二 = 三（七） + 四";
static const char RULE_WITHHOLD[] = "（三）不予公开 = 1 至 8 之和";
static const char RULE_UNABLE[] = "（四）无法提供 = 1 至 3 之和";
static const char RULE_REFUSE[] = "（五）不予处理 = 1 至 5 之和";
static const char RULE_OTHER[] = "（六）其他处理 = 1 至 3 之和";
static const char RULE_TOTAL[] = "（七）总计 = （一）至（六）之和";

/* Six checks in each of the seven columns. */
#define ALL_CHECKS (6 * FZ_DISC_COLUMNS)

static void reconcile_balanced(void **state)
{
	(void)state;
	struct fz_disc_table3 t;
	balanced(&t);
	struct fz_disc_check checks[ALL_CHECKS];
	size_t n = 999;
	assert_int_equal(fz_disc_reconcile(&t, checks, NROWS(checks), &n), 0);
	assert_int_equal(n, ALL_CHECKS);
	for (size_t i = 0; i < n; i++)
		if (!checks[i].ok || checks[i].left != checks[i].right)
			fail_msg("balanced table: check %zu (%s, column %d) failed: %ld != %ld", i,
				 checks[i].rule, checks[i].column, checks[i].left, checks[i].right);
	/* Every rule of the template is checked in every column. */
	static const char *const rules[] = {RULE_BALANCE, RULE_WITHHOLD, RULE_UNABLE,
					   RULE_REFUSE,  RULE_OTHER,    RULE_TOTAL};
	for (size_t r = 0; r < NROWS(rules); r++)
		for (int c = 0; c < FZ_DISC_COLUMNS; c++) {
			bool found = false;
			for (size_t i = 0; i < n; i++)
				found |= strcmp(checks[i].rule, rules[r]) == 0 && checks[i].column == c;
			if (!found)
				fail_msg("rule %s is not checked in column %d", rules[r], c);
		}
}

/* The 总计 column is the sum of the six applicant columns (hand totals above). */
static void sum_columns_matches_hand_totals(void **state)
{
	(void)state;
	struct fz_disc_table3 hand, t;
	balanced(&hand);
	t = hand;
	for (int r = 0; r < FZ_ROW_COUNT; r++)
		t.v[r][FZ_DISC_COLUMNS - 1] = -7; /* overwritten */
	fz_disc_table3_sum_columns(&t);
	for (int r = 0; r < FZ_ROW_COUNT; r++)
		if (t.v[r][FZ_DISC_COLUMNS - 1] != hand.v[r][FZ_DISC_COLUMNS - 1])
			fail_msg("row %s: 总计 %ld, by hand %ld", fz_disc_rows[r].key,
				 t.v[r][FZ_DISC_COLUMNS - 1], hand.v[r][FZ_DISC_COLUMNS - 1]);
}

struct broken_row {
	const char *what;
	int row, column;
	long delta;
	/* The failures expected, in the order reconcile reports them. */
	size_t fails;
	struct {
		const char *rule;
		int column;
		long left, right;
	} expect[2];
};

static void reconcile_broken_table(void **state)
{
	(void)state;
	static const struct broken_row rows[] = {
		/* One more received from a 商业企业 than handled: 3+1 + 1 = 5 vs 4 + 0. */
		{"一 + 二 ≠ 三（七） + 四 in 商业企业", FZ_ROW_RECEIVED, 1, 1, 1,
		 {{RULE_BALANCE, 1, 5, 4}}},
		/* One less carried out in 总计: 17 + 3 = 20 vs 19 + 0. */
		{"一 + 二 ≠ 三（七） + 四 in 总计", FZ_ROW_CARRIED_OUT, 6, -1, 1,
		 {{RULE_BALANCE, 6, 20, 19}}},
		/* 自然人 四.1 不掌握 2 -> 3: group 3 vs rows 3 + 0 + 1 = 4. */
		{"（四） ≠ its rows in 自然人", FZ_ROW_U1, 0, 1, 1, {{RULE_UNABLE, 0, 3, 4}}},
		/* 商业企业 三.6 过程性 1 -> 0: group 2 vs rows 1 + 0 = 1. */
		{"（三） ≠ its rows in 商业企业", FZ_ROW_W6, 1, -1, 1, {{RULE_WITHHOLD, 1, 2, 1}}},
		/* 法律服务机构 五 group 1 -> 2: the group is off its rows (2 vs 1), and （七）
		 * 2 is then off the groups (0+0+0+0+2+1 = 3). */
		{"（五） group changed in 法律服务机构", FZ_ROW_REFUSE, 4, 1, 2,
		 {{RULE_REFUSE, 4, 2, 1}, {RULE_TOTAL, 4, 2, 3}}},
		/* 其他 六.3 其他 0 -> 1 in 总计 only: group 2 vs rows 0 + 1 + 2 = 3. */
		{"（六） ≠ its rows in 总计", FZ_ROW_O3, 6, 1, 1, {{RULE_OTHER, 6, 2, 3}}},
		/* 自然人 （七） 11 -> 12: 一 + 二 = 12 vs 12 + 1 = 13, and 12 vs the groups' 11. */
		{"（七） changed in 自然人", FZ_ROW_TOTAL, 0, 1, 2,
		 {{RULE_BALANCE, 0, 12, 13}, {RULE_TOTAL, 0, 12, 11}}},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct broken_row *r = &rows[i];
		struct fz_disc_table3 t;
		balanced(&t);
		t.v[r->row][r->column] += r->delta;
		struct fz_disc_check checks[ALL_CHECKS];
		size_t n;
		size_t fails = fz_disc_reconcile(&t, checks, NROWS(checks), &n);
		if (fails != r->fails)
			fail_msg("%s: %zu failures, expected %zu", r->what, fails, r->fails);
		assert_int_equal(n, ALL_CHECKS);
		size_t k = 0;
		for (size_t j = 0; j < n; j++) {
			if (checks[j].ok) {
				if (checks[j].left != checks[j].right)
					fail_msg("%s: check %s marked ok with %ld != %ld", r->what,
						 checks[j].rule, checks[j].left, checks[j].right);
				continue;
			}
			if (k >= r->fails)
				fail_msg("%s: unexpected failure %s in column %d", r->what,
					 checks[j].rule, checks[j].column);
			if (strcmp(checks[j].rule, r->expect[k].rule) != 0 ||
			    checks[j].column != r->expect[k].column ||
			    checks[j].left != r->expect[k].left || checks[j].right != r->expect[k].right)
				fail_msg("%s: failure %zu is %s column %d (%ld vs %ld), expected %s column "
					 "%d (%ld vs %ld)",
					 r->what, k, checks[j].rule, checks[j].column, checks[j].left,
					 checks[j].right, r->expect[k].rule, r->expect[k].column,
					 r->expect[k].left, r->expect[k].right);
			k++;
		}
		assert_int_equal(k, r->fails);
	}
}

/* 七 ≠ the sum of its groups with 一 + 二 = 七 + 四 still holding: 七 and 四 moved together. */
static void reconcile_total_off_groups_only(void **state)
{
	(void)state;
	struct fz_disc_table3 t;
	balanced(&t);
	/* 自然人: （七） 11 -> 12 and 四 1 -> 0, so 10 + 2 = 12 + 0 still; groups add to 11. */
	t.v[FZ_ROW_TOTAL][0] = 12;
	t.v[FZ_ROW_CARRIED_OUT][0] = 0;
	struct fz_disc_check checks[ALL_CHECKS];
	size_t n;
	assert_int_equal(fz_disc_reconcile(&t, checks, NROWS(checks), &n), 1);
	for (size_t i = 0; i < n; i++)
		if (!checks[i].ok) {
			assert_string_equal(checks[i].rule, RULE_TOTAL);
			assert_int_equal(checks[i].column, 0);
			assert_int_equal(checks[i].left, 12);
			assert_int_equal(checks[i].right, 11);
		}
}

/* Broken in several columns at once: every failure is counted and reported. */
static void reconcile_many_failures(void **state)
{
	(void)state;
	struct fz_disc_table3 t;
	balanced(&t);
	t.v[FZ_ROW_RECEIVED][2] += 1; /* 科研机构: 一 + 二 = 2 vs 1 + 0 */
	t.v[FZ_ROW_W8][3] += 1;       /* 社会公益组织: （三） 0 vs rows 1 */
	t.v[FZ_ROW_R5][5] += 2;       /* 其他: （五） 0 vs rows 2 */
	struct fz_disc_check checks[ALL_CHECKS];
	size_t n;
	assert_int_equal(fz_disc_reconcile(&t, checks, NROWS(checks), &n), 3);
	int failed_columns[FZ_DISC_COLUMNS] = {0};
	for (size_t i = 0; i < n; i++)
		if (!checks[i].ok)
			failed_columns[checks[i].column]++;
	static const int expect[FZ_DISC_COLUMNS] = {0, 0, 1, 1, 0, 1, 0};
	assert_memory_equal(failed_columns, expect, sizeof expect);
}

/* With room for fewer checks than there are, the count of failures is still whole. */
static void reconcile_counts_beyond_max(void **state)
{
	(void)state;
	struct fz_disc_table3 t;
	balanced(&t);
	t.v[FZ_ROW_CARRIED_IN][FZ_DISC_COLUMNS - 1] += 1; /* 总计, the last column checked */
	struct fz_disc_check checks[5];
	memset(checks, 0, sizeof checks);
	size_t n;
	assert_int_equal(fz_disc_reconcile(&t, checks, NROWS(checks), &n), 1);
	assert_int_equal(n, 5);
	for (size_t i = 0; i < n; i++)
		assert_true(checks[i].ok); /* the first five are of column 0, all fine */
	assert_int_equal(fz_disc_reconcile(&t, NULL, 0, &n), 1);
	assert_int_equal(n, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(receipt_day_table),
		cmocka_unit_test(receipt_day_messages_cite_article),
		cmocka_unit_test(outcome_lookup_table),
		cmocka_unit_test(every_outcome_counts_in_a_detail_row),
		cmocka_unit_test(outcome_options_are_outcomes),
		cmocka_unit_test(row_of_table),
		cmocka_unit_test(column_table),
		cmocka_unit_test(reconcile_balanced),
		cmocka_unit_test(sum_columns_matches_hand_totals),
		cmocka_unit_test(reconcile_broken_table),
		cmocka_unit_test(reconcile_total_off_groups_only),
		cmocka_unit_test(reconcile_many_failures),
		cmocka_unit_test(reconcile_counts_beyond_max),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
