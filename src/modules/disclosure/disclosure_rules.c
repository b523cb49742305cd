/*
 * disclosure_rules.c - outcomes, report rows, applicant columns, receipt day
 * (第31条) and the reconciliation of table 三 (disclosure_rules.h). Pure.
 */
#include "modules/disclosure/disclosure_rules.h"

#include <stdio.h>
#include <string.h>

const struct fz_disc_outcome fz_disc_outcomes[] = {
	{"disclose", "予以公开", "disclose", "第36条（二）", FZ_DISC_NEEDS_NONE},
	{"already_public", "已主动公开，告知获取方式和途径", "disclose", "第36条（一）", FZ_DISC_NEEDS_WHERE},
	{"partial", "部分公开（区分处理）", "partial", "第37条", FZ_DISC_NEEDS_GROUND | FZ_DISC_NEEDS_WITHHELD},
	{"withhold.secret", "不予公开：属于国家秘密", "withhold.secret", "第14条", FZ_DISC_NEEDS_GROUND},
	{"withhold.law", "不予公开：其他法律行政法规禁止公开", "withhold.law", "第14条", FZ_DISC_NEEDS_GROUND},
	{"withhold.security", "不予公开：危及“三安全一稳定”", "withhold.security", "第14条", FZ_DISC_NEEDS_GROUND},
	{"withhold.third_party", "不予公开：保护第三方合法权益", "withhold.third_party", "第15条", FZ_DISC_NEEDS_GROUND},
	{"withhold.internal", "不予公开：属于三类内部事务信息", "withhold.internal", "第16条第1款", FZ_DISC_NEEDS_GROUND},
	{"withhold.process", "不予公开：属于四类过程性信息", "withhold.process", "第16条第2款", FZ_DISC_NEEDS_GROUND},
	{"withhold.enforcement", "不予公开：属于行政执法案卷", "withhold.enforcement", "第16条第2款", FZ_DISC_NEEDS_GROUND},
	{"withhold.query", "不予公开：属于行政查询事项", "withhold.query", "第36条（七）", FZ_DISC_NEEDS_GROUND},
	{"unable.not_held", "无法提供：本机关不掌握相关政府信息", "unable.not_held", "第36条（四）", FZ_DISC_NEEDS_NONE},
	{"not_ours", "无法提供：不属于本机关公开，告知负责公开的机关", "unable.not_held", "第36条（五）", FZ_DISC_NEEDS_AGENCY},
	{"unable.needs_creation", "无法提供：没有现成信息需要另行制作", "unable.needs_creation", "第38条", FZ_DISC_NEEDS_NONE},
	{"unable.unclear", "无法提供：补正后申请内容仍不明确", "unable.unclear", "第30条", FZ_DISC_NEEDS_NONE},
	{"refuse.petition", "不予处理：信访举报投诉类申请", "refuse.petition", "第39条第1款", FZ_DISC_NEEDS_GROUND},
	{"refuse.repeat", "不予处理：重复申请", "refuse.repeat", "第36条（六）", FZ_DISC_NEEDS_GROUND},
	{"refuse.publication", "不予处理：要求提供公开出版物", "refuse.publication", "第39条第2款", FZ_DISC_NEEDS_GROUND},
	{"refuse.excessive", "不予处理：无正当理由大量反复申请", "refuse.excessive", "第35条", FZ_DISC_NEEDS_GROUND},
	{"refuse.confirm", "不予处理：要求行政机关确认或重新出具已获取信息", "refuse.confirm", "第39条", FZ_DISC_NEEDS_GROUND},
	{"other.no_correction", "其他处理：申请人无正当理由逾期不补正", "other.no_correction", "第30条", FZ_DISC_NEEDS_NONE},
	{"other.no_fee", "其他处理：申请人逾期未按收费通知缴纳费用", "other.no_fee", "第42条", FZ_DISC_NEEDS_NONE},
	{"other.other", "其他处理：其他（如申请人撤回申请）", "other.other", "—", FZ_DISC_NEEDS_GROUND},
	{NULL, NULL, NULL, NULL, 0},
};

/* The same outcomes as form options (the reply form's select). */
const struct fz_option fz_disc_outcome_options[] = {
	{"disclose", "予以公开（第36条（二））"},
	{"already_public", "已主动公开，告知获取方式和途径（第36条（一））"},
	{"partial", "部分公开（第37条）"},
	{"withhold.secret", "不予公开：属于国家秘密（第14条）"},
	{"withhold.law", "不予公开：其他法律行政法规禁止公开（第14条）"},
	{"withhold.security", "不予公开：危及“三安全一稳定”（第14条）"},
	{"withhold.third_party", "不予公开：保护第三方合法权益（第15条）"},
	{"withhold.internal", "不予公开：属于三类内部事务信息（第16条第1款）"},
	{"withhold.process", "不予公开：属于四类过程性信息（第16条第2款）"},
	{"withhold.enforcement", "不予公开：属于行政执法案卷（第16条第2款）"},
	{"withhold.query", "不予公开：属于行政查询事项（第36条（七））"},
	{"unable.not_held", "无法提供：本机关不掌握相关政府信息（第36条（四））"},
	{"not_ours", "无法提供：不属于本机关公开，告知负责机关（第36条（五））"},
	{"unable.needs_creation", "无法提供：没有现成信息需要另行制作（第38条）"},
	{"unable.unclear", "无法提供：补正后申请内容仍不明确（第30条）"},
	{"refuse.petition", "不予处理：信访举报投诉类申请（第39条第1款）"},
	{"refuse.repeat", "不予处理：重复申请（第36条（六））"},
	{"refuse.publication", "不予处理：要求提供公开出版物（第39条第2款）"},
	{"refuse.excessive", "不予处理：无正当理由大量反复申请（第35条）"},
	{"refuse.confirm", "不予处理：要求确认或重新出具已获取信息（第39条）"},
	{"other.other", "其他处理：其他（须说明）"},
	{NULL, NULL},
};

const struct fz_disc_outcome *fz_disc_outcome(const char *value)
{
	for (const struct fz_disc_outcome *o = fz_disc_outcomes; value && o->value; o++)
		if (strcmp(o->value, value) == 0)
			return o;
	return NULL;
}

const struct fz_option fz_disc_applicant_types[] = {
	{"natural", "自然人"},
	{"commercial", "商业企业"},
	{"research", "科研机构"},
	{"public_interest", "社会公益组织"},
	{"legal_service", "法律服务机构"},
	{"other_org", "其他"},
	{NULL, NULL},
};

int fz_disc_column(const char *type)
{
	for (int i = 0; type && fz_disc_applicant_types[i].value; i++)
		if (strcmp(fz_disc_applicant_types[i].value, type) == 0)
			return i;
	return -1;
}

const struct fz_option fz_disc_channels[] = {
	{"online", "网上申请"},
	{"in_person", "当面提交"},
	{"post_signed", "邮寄（需签收）"},
	{"post_ordinary", "平常信函"},
	{"fax", "传真"},
	{"email", "电子邮件"},
	{NULL, NULL},
};

enum fz_code fz_disc_receipt_day(const char *channel, const struct fz_disc_dates *d, int *out,
				 struct fz_err *err)
{
	if (!channel)
		return fz_err_set(err, FZ_EMISSING_FIELD, "channel", "请选择申请方式");
	if (d->submitted_on < 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "submitted_on", "请填写申请人提交日期");
	/* 第31条（一）当面提交：申请人提交之日。 */
	if (strcmp(channel, "in_person") == 0) {
		*out = d->submitted_on;
		return FZ_OK;
	}
	const char *field;
	int day;
	if (strcmp(channel, "post_signed") == 0) {
		/* 第31条（二）邮寄且需签收：行政机关签收之日。 */
		field = "signed_on";
		day = d->signed_on;
		if (day < 0)
			return fz_err_set(err, FZ_EMISSING_FIELD, field,
					  "邮寄需签收的申请，收到申请之日为签收之日（第31条），请填写签收日期");
	} else if (strcmp(channel, "post_ordinary") == 0 || strcmp(channel, "online") == 0 ||
		   strcmp(channel, "fax") == 0 || strcmp(channel, "email") == 0) {
		/* 第31条（二）平常信函：与申请人确认之日；（三）网络、传真、电子邮件：双方确认之日。 */
		field = "confirmed_on";
		day = d->confirmed_on;
		if (day < 0)
			return fz_err_set(err, FZ_EMISSING_FIELD, field,
					  "该申请方式以双方确认之日为收到申请之日（第31条），请填写确认日期");
	} else {
		return fz_err_set(err, FZ_EBAD_VALUE, "channel", "申请方式无效");
	}
	if (day < d->submitted_on)
		return fz_err_set(err, FZ_EBAD_DATE, field, "收到或确认日期不能早于申请人提交日期");
	*out = day;
	return FZ_OK;
}

const struct fz_disc_row_def fz_disc_rows[FZ_ROW_COUNT] = {
	[FZ_ROW_RECEIVED] = {"received", "一、本年新收政府信息公开申请数量", 0},
	[FZ_ROW_CARRIED_IN] = {"carried_in", "二、上年结转政府信息公开申请数量", 0},
	[FZ_ROW_DISCLOSE] = {"disclose", "（一）予以公开", 1},
	[FZ_ROW_PARTIAL] = {"partial", "（二）部分公开（区分处理的，只计这一情形，不计其他情形）", 1},
	[FZ_ROW_W1] = {"withhold.secret", "1.属于国家秘密", 2},
	[FZ_ROW_W2] = {"withhold.law", "2.其他法律行政法规禁止公开", 2},
	[FZ_ROW_W3] = {"withhold.security", "3.危及“三安全一稳定”", 2},
	[FZ_ROW_W4] = {"withhold.third_party", "4.保护第三方合法权益", 2},
	[FZ_ROW_W5] = {"withhold.internal", "5.属于三类内部事务信息", 2},
	[FZ_ROW_W6] = {"withhold.process", "6.属于四类过程性信息", 2},
	[FZ_ROW_W7] = {"withhold.enforcement", "7.属于行政执法案卷", 2},
	[FZ_ROW_W8] = {"withhold.query", "8.属于行政查询事项", 2},
	[FZ_ROW_WITHHOLD] = {"withhold", "（三）不予公开", 1},
	[FZ_ROW_U1] = {"unable.not_held", "1.本机关不掌握相关政府信息", 2},
	[FZ_ROW_U2] = {"unable.needs_creation", "2.没有现成信息需要另行制作", 2},
	[FZ_ROW_U3] = {"unable.unclear", "3.补正后申请内容仍不明确", 2},
	[FZ_ROW_UNABLE] = {"unable", "（四）无法提供", 1},
	[FZ_ROW_R1] = {"refuse.petition", "1.信访举报投诉类申请", 2},
	[FZ_ROW_R2] = {"refuse.repeat", "2.重复申请", 2},
	[FZ_ROW_R3] = {"refuse.publication", "3.要求提供公开出版物", 2},
	[FZ_ROW_R4] = {"refuse.excessive", "4.无正当理由大量反复申请", 2},
	[FZ_ROW_R5] = {"refuse.confirm", "5.要求行政机关确认或重新出具已获取信息", 2},
	[FZ_ROW_REFUSE] = {"refuse", "（五）不予处理", 1},
	[FZ_ROW_O1] = {"other.no_correction", "1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请", 2},
	[FZ_ROW_O2] = {"other.no_fee", "2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请", 2},
	[FZ_ROW_O3] = {"other.other", "3.其他", 2},
	[FZ_ROW_OTHER] = {"other", "（六）其他处理", 1},
	[FZ_ROW_TOTAL] = {"total", "（七）总计", 1},
	[FZ_ROW_CARRIED_OUT] = {"carried_out", "四、结转下年度继续办理", 0},
};

int fz_disc_row_of(const char *key)
{
	for (int i = 0; key && i < FZ_ROW_COUNT; i++)
		if (strcmp(fz_disc_rows[i].key, key) == 0)
			return i;
	return -1;
}

void fz_disc_table3_sum_columns(struct fz_disc_table3 *t)
{
	for (int r = 0; r < FZ_ROW_COUNT; r++) {
		long sum = 0;
		for (int c = 0; c < FZ_DISC_COLUMNS - 1; c++)
			sum += t->v[r][c];
		t->v[r][FZ_DISC_COLUMNS - 1] = sum;
	}
}

static void check(struct fz_disc_check *out, size_t max, size_t *n, size_t *fails,
		  const char *rule, int col, long left, long right)
{
	if (left != right)
		(*fails)++;
	if (*n < max) {
		struct fz_disc_check *c = &out[(*n)++];
		snprintf(c->rule, sizeof c->rule, "%s", rule);
		c->column = col;
		c->left = left;
		c->right = right;
		c->ok = left == right;
	}
}

size_t fz_disc_reconcile(const struct fz_disc_table3 *t, struct fz_disc_check *out, size_t max,
			 size_t *n)
{
	static const struct {
		int total, first, last;
		const char *rule;
	} groups[] = {
		{FZ_ROW_WITHHOLD, FZ_ROW_W1, FZ_ROW_W8, "（三）不予公开 = 1 至 8 之和"},
		{FZ_ROW_UNABLE, FZ_ROW_U1, FZ_ROW_U3, "（四）无法提供 = 1 至 3 之和"},
		{FZ_ROW_REFUSE, FZ_ROW_R1, FZ_ROW_R5, "（五）不予处理 = 1 至 5 之和"},
		{FZ_ROW_OTHER, FZ_ROW_O1, FZ_ROW_O3, "（六）其他处理 = 1 至 3 之和"},
	};
	size_t fails = 0;
	*n = 0;
	for (int c = 0; c < FZ_DISC_COLUMNS; c++) {
		check(out, max, n, &fails, "一 + 二 = 三（七） + 四", c,
		      t->v[FZ_ROW_RECEIVED][c] + t->v[FZ_ROW_CARRIED_IN][c],
		      t->v[FZ_ROW_TOTAL][c] + t->v[FZ_ROW_CARRIED_OUT][c]);
		for (size_t g = 0; g < sizeof groups / sizeof groups[0]; g++) {
			long sum = 0;
			for (int r = groups[g].first; r <= groups[g].last; r++)
				sum += t->v[r][c];
			check(out, max, n, &fails, groups[g].rule, c, t->v[groups[g].total][c], sum);
		}
		check(out, max, n, &fails, "（七）总计 = （一）至（六）之和", c, t->v[FZ_ROW_TOTAL][c],
		      t->v[FZ_ROW_DISCLOSE][c] + t->v[FZ_ROW_PARTIAL][c] + t->v[FZ_ROW_WITHHOLD][c] +
			      t->v[FZ_ROW_UNABLE][c] + t->v[FZ_ROW_REFUSE][c] + t->v[FZ_ROW_OTHER][c]);
	}
	return fails;
}
