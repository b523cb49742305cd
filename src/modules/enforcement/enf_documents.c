/*
 * enf_documents.c - the whole-process record of a penalty case (全过程记录,
 * 《行政处罚法》第四十七条): the case's documents as Word with official
 * numbers, the evidence files of the body camera and the camera, and the whole
 * case as one ZIP archive for the paper file (案卷).
 *
 * A document exists once its step has been taken (the notice once 告知 is
 * recorded, the decision once it is decided, ...). Its first download issues
 * it: the number is drawn, the Word file is written from the case's recorded
 * fields, stored by its SHA-256 and linked into the hash-chained record, all in
 * one transaction; every later download answers the same stored file, so the
 * number and the text never change. `fazhi audit verify` hashes each linked
 * file again (platform/audit.c).
 *
 * Not for: the procedure (enf_penalty*.c) or the generic attachment routes.
 */
#include <inttypes.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "core/calendar.h"
#include "core/numbering.h"
#include "modules/enforcement/enf_int.h"
#include "platform/audit.h"
#include "platform/documents.h"
#include "platform/jsonx.h"

/* ---- the case's fields, as the case page reads them ------------------------------ */

struct pcase {
	struct fz_case_row row;
	json_t *f; /* fz_enf_penalty_fields; owned */
};

static const char *S(const struct pcase *c, const char *key)
{
	const char *s = json_string_value(json_object_get(c->f, key));
	return s && *s ? s : NULL;
}

static bool has(const struct pcase *c, const char *key)
{
	return S(c, key) != NULL;
}

static json_int_t N(const struct pcase *c, const char *key, bool *set)
{
	json_t *v = json_object_get(c->f, key);
	if (set)
		*set = json_is_integer(v);
	return json_is_integer(v) ? json_integer_value(v) : 0;
}

/* A blank to fill in by hand where the case records nothing: the document invents nothing. */
#define BLANK "＿＿＿＿＿＿＿＿"

static const char *or_blank(const char *s)
{
	return s ? s : BLANK;
}

/* "2025年10月24日" for a recorded day, or the blank. */
static const char *cn_date(struct fz_ctx *ctx, const char *iso)
{
	int d;
	if (!iso || fz_date_parse(iso, &d) != FZ_OK)
		return "    年  月  日";
	char buf[32];
	fz_date_chinese(d, buf);
	return fz_arena_strdup(ctx->arena, buf);
}

static const char *officers_text(struct fz_ctx *ctx, const struct pcase *c, bool certs)
{
	const char *s = "";
	size_t i;
	json_t *o;
	json_array_foreach (json_object_get(c->f, "officers"), i, o) {
		const char *name = json_string_value(json_object_get(o, "name"));
		const char *cert = json_string_value(json_object_get(o, "cert_number"));
		s = fz_arena_printf(ctx->arena, "%s%s%s", s, i ? "、" : "", name ? name : "");
		if (certs)
			s = fz_arena_printf(ctx->arena, "%s（执法证号 %s）", s,
					    cert ? cert : BLANK);
	}
	return *s ? s : BLANK;
}

static const char *party_you(const struct pcase *c)
{
	const char *t = S(c, "party_type");
	return t && strcmp(t, "citizen") == 0 ? "你" : "你单位";
}

/* 罚款人民币80000元 / 警告，并处罚款… / 没收…, as recorded for the proposal or the decision. */
static const char *penalty_text(struct fz_ctx *ctx, const struct pcase *c, const char *kind_label,
				const char *fine_key, const char *conf_key)
{
	bool fine_set, conf_set;
	json_int_t fine = N(c, fine_key, &fine_set), conf = N(c, conf_key, &conf_set);
	const char *s = kind_label ? kind_label : BLANK;
	if (fine_set && fine > 0)
		s = kind_label && strcmp(kind_label, "罚款") == 0
			? fz_arena_printf(ctx->arena, "罚款人民币%lld元", (long long)fine)
			: fz_arena_printf(ctx->arena, "%s，并处罚款人民币%lld元", s,
					  (long long)fine);
	if (conf_set && conf > 0)
		s = fz_arena_printf(ctx->arena, "%s；没收违法所得、非法财物人民币%lld元", s,
				    (long long)conf);
	return s;
}

/* ---- the documents, one writer each ---------------------------------------------- */

struct doc_kind;
typedef void (*writer_fn)(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
			  const struct doc_kind *k, const char *number);

struct doc_kind {
	const char *kind;  /* in the path: /documents/{kind} */
	const char *title; /* 文书名称 */
	/*
	 * 类别代字 after the body's short name (青市监 + 罚告 → 青市监罚告〔2026〕3号);
	 * NULL: the document bears the case's own number (the decision).
	 */
	const char *code;
	const char *date_field; /* the step's day: the document's date and its number's year */
	/* Whether the step was taken; refusal says which step is missing (409). */
	bool (*ready)(const struct pcase *c);
	const char *refusal;
	bool form; /* a blank form to fill in on site: in the archive only once downloaded */
	writer_fn write;
};

static void head_table(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c)
{
	const char *cells[] = {
	    "案号",	c->row.number,
	    "案由",	or_blank(S(c, "matter")),
	    "当事人",	or_blank(S(c, "party_name")),
	    "证件号码", or_blank(S(c, "party_id_number")),
	};
	static const int widths[] = {2, 5, 2, 5};
	(void)ctx;
	fz_docx_table(d, 2, 4, cells, 0, widths);
}

static void sign(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c, const char *date_iso)
{
	fz_docx_para(d, FZ_P_PLAIN, "");
	fz_docx_para(d, FZ_P_RIGHT,
		     fz_arena_printf(ctx->arena, "%s（印章）", or_blank(S(c, "body_name"))));
	fz_docx_para(d, FZ_P_RIGHT, cn_date(ctx, date_iso));
}

static void w_filing(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		     const struct doc_kind *k, const char *number)
{
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	const char *limitation = or_blank(S(c, "limitation_end"));
	if (has(c, "limitation_reason"))
		limitation = fz_arena_printf(ctx->arena, "%s（超过时效立案的理由：%s）", limitation,
					     S(c, "limitation_reason"));
	const char *rows[][2] = {
	    {"案号", c->row.number},
	    {"案由", or_blank(S(c, "matter"))},
	    {"案件来源", or_blank(S(c, "source_label"))},
	    {"当事人", fz_arena_printf(ctx->arena, "%s（%s）", or_blank(S(c, "party_name")),
				       or_blank(S(c, "party_type_label")))},
	    {"统一社会信用代码或身份证件号码", or_blank(S(c, "party_id_number"))},
	    {"违法行为发生日", or_blank(S(c, "act_on"))},
	    {"立案日期", or_blank(S(c, "filed_on"))},
	    {"执法主体", or_blank(S(c, "body_name"))},
	    {"职权事项", or_blank(S(c, "power_name"))},
	    {"法律依据", or_blank(S(c, "legal_basis"))},
	    {"承办执法人员（第四十二条）", officers_text(ctx, c, true)},
	    {"追责时效届满日（第三十六条）", limitation},
	    {"简要案情", or_blank(S(c, "facts"))},
	    {"承办人意见", ""},
	    {"负责人审批意见", ""},
	};
	size_t n = sizeof rows / sizeof rows[0];
	const char **cells = fz_arena_alloc(ctx->arena, sizeof(char *) * n * 2);
	for (size_t i = 0; i < n; i++) {
		cells[2 * i] = rows[i][0];
		cells[2 * i + 1] = rows[i][1];
	}
	static const int widths[] = {3, 7};
	fz_docx_table(d, (int)n, 2, cells, 0, widths);
	fz_docx_para(d, FZ_P_SMALL,
		     "依据《中华人民共和国行政处罚法》第五十四条第二款：符合立案标准的，行政机关应"
		     "当及时立案。");
}

static void w_inquiry(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		      const struct doc_kind *k, const char *number)
{
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	head_table(ctx, d, c);
	fz_docx_para(d, FZ_P_PLAIN, "询问时间：    年  月  日  时  分至  时  分");
	fz_docx_para(d, FZ_P_PLAIN, "询问地点：" BLANK BLANK);
	fz_docx_para(d, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "询问人：%s", officers_text(ctx, c, true)));
	fz_docx_para(d, FZ_P_PLAIN, "记录人：" BLANK);
	fz_docx_para(d, FZ_P_PLAIN,
		     "被询问人：" BLANK "  性别：＿＿  年龄：＿＿  身份证件号码：" BLANK);
	fz_docx_para(d, FZ_P_PLAIN, "工作单位及职务：" BLANK "  联系电话：" BLANK);
	fz_docx_para(
	    d, FZ_P_BODY,
	    fz_arena_printf(
		ctx->arena,
		"问：我们是%"
		"s的执法人员，已向你出示执法证件（《中华人民共和国行政处罚法》第五十五条）。"
		"现就%"
		"s依法进行调查，你有如实回答询问、协助调查的义务，也有陈述、申辩和申请回避的权利。"
		"你是否申请回避？",
		or_blank(S(c, "body_name")), or_blank(S(c, "matter"))));
	fz_docx_para(d, FZ_P_PLAIN, "答：");
	for (int i = 0; i < 6; i++) {
		fz_docx_para(d, FZ_P_PLAIN, "问：");
		fz_docx_para(d, FZ_P_PLAIN, "答：");
	}
	fz_docx_para(d, FZ_P_PLAIN,
		     "被询问人核对意见：以上笔录我已看过（已向我宣读），与我所说相符。");
	fz_docx_para(d, FZ_P_PLAIN,
		     "被询问人签名：＿＿＿＿  询问人签名：＿＿＿＿  记录人签名：＿＿＿＿");
}

static void w_inspection(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
			 const struct doc_kind *k, const char *number)
{
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	head_table(ctx, d, c);
	fz_docx_para(d, FZ_P_PLAIN, "检查（勘验）时间：    年  月  日  时  分至  时  分");
	fz_docx_para(d, FZ_P_PLAIN, "检查（勘验）地点：" BLANK BLANK);
	fz_docx_para(
	    d, FZ_P_PLAIN,
	    fz_arena_printf(ctx->arena, "检查（勘验）人员：%s", officers_text(ctx, c, true)));
	fz_docx_para(d, FZ_P_PLAIN,
		     "记录人：" BLANK "  当事人或其代理人：" BLANK "  见证人：" BLANK);
	fz_docx_para(
	    d, FZ_P_BODY,
	    fz_arena_printf(ctx->arena,
			    "执法人员已出示执法证件，告知当事人有申请回避的权利和配合检查的义务"
			    "（《中华人民共和国行政处罚法》第五十五条）。执法主体：%s。",
			    or_blank(S(c, "body_name"))));
	fz_docx_para(d, FZ_P_HEADING, "现场情况：");
	for (int i = 0; i < 8; i++)
		fz_docx_para(d, FZ_P_PLAIN, BLANK BLANK BLANK BLANK);
	fz_docx_para(d, FZ_P_PLAIN, "现场照片、录音录像：共＿＿份，编号＿＿＿＿");
	fz_docx_para(d, FZ_P_PLAIN, "当事人核对意见：" BLANK BLANK);
	fz_docx_para(d, FZ_P_PLAIN,
		     "当事人签名：＿＿＿＿  检查人员签名：＿＿＿＿  记录人签名：＿＿＿＿  "
		     "见证人签名：＿＿＿＿");
}

static void w_notice(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		     const struct doc_kind *k, const char *number)
{
	const char *you = party_you(c);
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	fz_docx_para(d, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "%s：", or_blank(S(c, "party_name"))));
	fz_docx_para(
	    d, FZ_P_BODY,
	    fz_arena_printf(ctx->arena, "本机关于%s对%s立案调查（案号：%s）。经查：%s",
			    cn_date(ctx, S(c, "filed_on")), or_blank(S(c, "matter")), c->row.number,
			    or_blank(S(c, "notice_facts") ? S(c, "notice_facts") : S(c, "facts"))));
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "%s的上述行为涉及%s，依据%s。", you,
				     or_blank(S(c, "power_name")), or_blank(S(c, "legal_basis"))));
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "本机关拟对%s作出如下行政处罚：%s。", you,
				     penalty_text(ctx, c, S(c, "proposed_kind_label"),
						  "proposed_fine", "proposed_confiscation")));
	fz_docx_para(
	    d, FZ_P_BODY,
	    fz_arena_printf(
		ctx->arena,
		"根据《中华人民共和国行政处罚法》第四十四条、第四十五条的规定，%"
		"s有权进行陈述和申辩。"
		"本机关对%s提出的事实、理由和证据将进行复核，不因%s的陈述、申辩而给予更重的处罚。",
		you, you, you));
	if (json_is_true(json_object_get(c->f, "hearing_offered")))
		fz_docx_para(d, FZ_P_BODY,
			     fz_arena_printf(ctx->arena,
					     "根据《中华人民共和国行政处罚法》第六十三条、第六十四"
					     "条的规定，%s有权要求听证。"
					     "要求听证的，应当在本机关告知后五日内提出；逾期未提出"
					     "的，视为放弃听证权利。",
					     you));
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "执法人员：%s。", officers_text(ctx, c, true)));
	sign(ctx, d, c, S(c, "notified_on"));
}

static void w_hearing(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		      const struct doc_kind *k, const char *number)
{
	const char *you = party_you(c);
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	fz_docx_para(d, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "%s：", or_blank(S(c, "party_name"))));
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(
			 ctx->arena,
			 "根据%s于%s提出的听证要求，本机关定于%s在%s就%s（案号：%s）举行听证，"
			 "听证主持人：%s。",
			 you, cn_date(ctx, S(c, "hearing_requested_on")),
			 cn_date(ctx, S(c, "hearing_on")), or_blank(S(c, "hearing_place")),
			 or_blank(S(c, "matter")), c->row.number, or_blank(S(c, "hearing_host"))));
	fz_docx_para(
	    d, FZ_P_BODY,
	    fz_arena_printf(
		ctx->arena,
		"根据《中华人民共和国行政处罚法》第六十四条的规定：%"
		"s可以亲自参加听证，也可以委托一至二人代理；"
		"认为主持人与本案有直接利害关系的，有权申请回避；除涉及国家秘密、商业秘密或者个人隐"
		"私依法予以保密外，"
		"听证公开举行。%"
		"s及其代理人无正当理由拒不出席听证或者未经许可中途退出听证的，视为放弃听证权利，"
		"本机关终止听证。",
		you, you));
	sign(ctx, d, c, S(c, "hearing_notice_on"));
}

static void remedies(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c)
{
	const char *you = party_you(c);
	fz_docx_para(
	    d, FZ_P_BODY,
	    fz_arena_printf(ctx->arena,
			    "%s如不服本决定，可以在收到本决定书之日起六十日内依法申请行政复议"
			    "（《中华人民共和国行政复议法》第二十条），或者在收到本决定书之日起六个"
			    "月内依法向人民法院"
			    "提起行政诉讼（《中华人民共和国行政诉讼法》第四十六条）。",
			    you));
}

static void decision_body(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c)
{
	const char *you = party_you(c);
	fz_docx_para(d, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "当事人：%s（%s）", or_blank(S(c, "party_name")),
				     or_blank(S(c, "party_type_label"))));
	fz_docx_para(d, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "统一社会信用代码或身份证件号码：%s",
				     or_blank(S(c, "party_id_number"))));
	const char *simple = S(c, "procedure");
	if (simple && strcmp(simple, "simple") == 0)
		fz_docx_para(
		    d, FZ_P_BODY,
		    fz_arena_printf(ctx->arena,
				    "本机关执法人员%s依照《中华人民共和国行政处罚法》第五十一条、"
				    "第五十二条的规定当场作出本决定。案由：%s。",
				    officers_text(ctx, c, true), or_blank(S(c, "matter"))));
	else
		fz_docx_para(d, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "本机关于%s对%s立案调查。",
					     cn_date(ctx, S(c, "filed_on")),
					     or_blank(S(c, "matter"))));
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "经查：%s", or_blank(S(c, "facts"))));
	if (has(c, "notified_on"))
		fz_docx_para(
		    d, FZ_P_BODY,
		    fz_arena_printf(
			ctx->arena,
			"本机关于%s告知%s拟作出行政处罚的内容及事实、理由、依据，并告知%"
			"s依法享有陈述、申辩%s的权利"
			"（《中华人民共和国行政处罚法》第四十四条%s）。",
			cn_date(ctx, S(c, "notified_on")), you, you,
			json_is_true(json_object_get(c->f, "hearing_offered")) ? "、要求听证" : "",
			json_is_true(json_object_get(c->f, "hearing_offered")) ? "、第六十三条"
									       : ""));
	if (has(c, "hearing_held_on"))
		fz_docx_para(d, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "本机关于%s依法举行了听证。",
					     cn_date(ctx, S(c, "hearing_held_on"))));
	if (has(c, "reviewed_on"))
		fz_docx_para(d, FZ_P_BODY,
			     fz_arena_printf(ctx->arena,
					     "本案于%s经法制审核，审核意见：%"
					     "s（《中华人民共和国行政处罚法》第五十八条）。",
					     cn_date(ctx, S(c, "reviewed_on")),
					     or_blank(S(c, "review_opinion_label"))));
	if (json_is_true(json_object_get(c->f, "collective")))
		fz_docx_para(d, FZ_P_BODY,
			     "本案经本机关负责人集体讨论决定（《中华人民共和国行政处罚法》第五十七"
			     "条第二款）。");
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "本案适用的职权事项：%s；依据：%s。",
				     or_blank(S(c, "power_name")), or_blank(S(c, "legal_basis"))));
	if (has(c, "basis_text"))
		fz_docx_para(d, FZ_P_BODY, S(c, "basis_text"));
}

static void w_decision(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		       const struct doc_kind *k, const char *number)
{
	const char *you = party_you(c);
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	decision_body(ctx, d, c);
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena, "本机关决定对%s给予如下行政处罚：%s。", you,
				     penalty_text(ctx, c, S(c, "penalty_kind_label"), "fine_amount",
						  "confiscation_amount")));
	if (has(c, "decision_text"))
		fz_docx_para(d, FZ_P_BODY, S(c, "decision_text"));
	bool fine_set;
	json_int_t fine = N(c, "fine_amount", &fine_set);
	if (fine_set && fine > 0) {
		fz_docx_para(d, FZ_P_BODY,
			     fz_arena_printf(ctx->arena,
					     "%s应当自收到本决定书之日起十五日内，到指定的银行或者"
					     "通过电子支付系统缴纳罚款"
					     "（《中华人民共和国行政处罚法》第六十七条第三款）。到"
					     "期不缴纳罚款的，本机关可以每日按罚款数额的"
					     "百分之三加处罚款，加处罚款的数额不超出罚款的数额（第"
					     "七十二条第一款第一项）。",
					     you));
		fz_docx_para(d, FZ_P_BODY,
			     "确有经济困难，需要延期或者分期缴纳罚款的，可以向本机关提出申请，经批"
			     "准后暂缓或者分期缴纳"
			     "（《中华人民共和国行政处罚法》第六十六条第二款）。");
	}
	remedies(ctx, d, c);
	fz_docx_para(d, FZ_P_BODY,
		     "行政复议或者行政诉讼期间，本决定不停止执行，法律另有规定的除外（《中华人民共"
		     "和国行政处罚法》第七十三条第一款）。");
	sign(ctx, d, c, S(c, "decided_on"));
}

static void w_no_penalty(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
			 const struct doc_kind *k, const char *number)
{
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	decision_body(ctx, d, c);
	fz_docx_para(d, FZ_P_BODY,
		     fz_arena_printf(ctx->arena,
				     "本机关认为：%s。依据上述规定，本机关决定不予行政处罚。",
				     or_blank(S(c, "no_penalty_ground_label"))));
	if (has(c, "decision_text"))
		fz_docx_para(d, FZ_P_BODY, S(c, "decision_text"));
	remedies(ctx, d, c);
	sign(ctx, d, c, S(c, "decided_on"));
}

static void w_service(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		      const struct doc_kind *k, const char *number)
{
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	const char *outcome = S(c, "outcome");
	const char *doc =
	    outcome && strcmp(outcome, "no_penalty") == 0 ? "不予行政处罚决定书" : "行政处罚决定书";
	const char *rows[][2] = {
	    {"送达文书", fz_arena_printf(ctx->arena, "%s（案号 %s，%s作出）", doc, c->row.number,
					 cn_date(ctx, S(c, "decided_on")))},
	    {"受送达人", or_blank(S(c, "party_name"))},
	    {"送达方式", or_blank(S(c, "service_method_label"))},
	    {"送达日期", has(c, "served_on") ? cn_date(ctx, S(c, "served_on")) : "    年  月  日"},
	    {"送达地点", BLANK},
	    {"送达人", officers_text(ctx, c, false)},
	    {"受送达人签名或盖章", ""},
	    {"代收人及代收理由", ""},
	    {"见证人", ""},
	    {"备注", "受送达人拒绝签收的，送达人应当在本回证上注明拒收事由和日期（留置送达）。"},
	};
	size_t n = sizeof rows / sizeof rows[0];
	const char **cells = fz_arena_alloc(ctx->arena, sizeof(char *) * n * 2);
	for (size_t i = 0; i < n; i++) {
		cells[2 * i] = rows[i][0];
		cells[2 * i + 1] = rows[i][1];
	}
	static const int widths[] = {3, 7};
	fz_docx_table(d, (int)n, 2, cells, 0, widths);
	fz_docx_para(
	    d, FZ_P_SMALL,
	    "依据《中华人民共和国行政处罚法》第六十一条：行政处罚决定书应当在宣告后当场交付当事人；"
	    "当事人不在场的，行政机关应当在七日内依照《中华人民共和国民事诉讼法》的有关规定送达当事"
	    "人。");
	sign(ctx, d, c, S(c, "decided_on"));
}

static void w_closing(struct fz_ctx *ctx, struct fz_docx *d, const struct pcase *c,
		      const struct doc_kind *k, const char *number)
{
	fz_docx_para(d, FZ_P_TITLE, k->title);
	fz_docx_para(d, FZ_P_SUBTITLE, number);
	const char *outcome = S(c, "outcome");
	const char *decision = outcome && strcmp(outcome, "no_penalty") == 0
				   ? fz_arena_printf(ctx->arena, "不予行政处罚（%s）",
						     or_blank(S(c, "no_penalty_ground_label")))
				   : penalty_text(ctx, c, S(c, "penalty_kind_label"), "fine_amount",
						  "confiscation_amount");
	bool paid_set;
	json_int_t paid = N(c, "paid_amount", &paid_set);
	const char *execution =
	    has(c, "paid_on") ? fz_arena_printf(ctx->arena, "%s缴纳罚款人民币%lld元，票据号 %s",
						cn_date(ctx, S(c, "paid_on")), (long long)paid,
						or_blank(S(c, "receipt_no")))
			      : "无罚款缴纳记录";
	const char *rows[][2] = {
	    {"案号", c->row.number},
	    {"案由", or_blank(S(c, "matter"))},
	    {"当事人", or_blank(S(c, "party_name"))},
	    {"执法主体", or_blank(S(c, "body_name"))},
	    {"立案日期", or_blank(S(c, "filed_on"))},
	    {"决定日期", or_blank(S(c, "decided_on"))},
	    {"处理决定", decision},
	    {"送达日期及方式", fz_arena_printf(ctx->arena, "%s %s", or_blank(S(c, "served_on")),
					       or_blank(S(c, "service_method_label")))},
	    {"执行情况", execution},
	    {"结案日期", or_blank(S(c, "closed_on"))},
	    {"承办执法人员", officers_text(ctx, c, false)},
	    {"承办人意见", ""},
	    {"负责人审批意见", ""},
	};
	size_t n = sizeof rows / sizeof rows[0];
	const char **cells = fz_arena_alloc(ctx->arena, sizeof(char *) * n * 2);
	for (size_t i = 0; i < n; i++) {
		cells[2 * i] = rows[i][0];
		cells[2 * i + 1] = rows[i][1];
	}
	static const int widths[] = {3, 7};
	fz_docx_table(d, (int)n, 2, cells, 0, widths);
	sign(ctx, d, c, S(c, "closed_on"));
}

static bool r_always(const struct pcase *c)
{
	(void)c;
	return true;
}
static bool r_notified(const struct pcase *c)
{
	return has(c, "notified_on");
}
static bool r_hearing(const struct pcase *c)
{
	return has(c, "hearing_notice_on");
}
static bool r_penalty(const struct pcase *c)
{
	return has(c, "decided_on") && S(c, "outcome") && strcmp(S(c, "outcome"), "penalty") == 0;
}
static bool r_no_penalty(const struct pcase *c)
{
	return has(c, "decided_on") && S(c, "outcome") &&
	       strcmp(S(c, "outcome"), "no_penalty") == 0;
}
static bool r_decided(const struct pcase *c)
{
	return has(c, "decided_on");
}
static bool r_closed(const struct pcase *c)
{
	return has(c, "closed_on");
}

static const struct doc_kind kinds[] = {
    {"filing", "立案审批表", "罚立", "filed_on", r_always, NULL, false, w_filing},
    {"inquiry", "询问笔录", "罚询", NULL, r_always, NULL, true, w_inquiry},
    {"inspection", "现场检查（勘验）笔录", "罚检", NULL, r_always, NULL, true, w_inspection},
    {"notice", "行政处罚事先告知书", "罚告", "notified_on", r_notified,
     "本案尚未告知（《行政处罚法》第四十四条），不能生成行政处罚事先告知书", false, w_notice},
    {"hearing_notice", "听证通知书", "罚听", "hearing_notice_on", r_hearing,
     "本案尚未安排听证（《行政处罚法》第六十四条），不能生成听证通知书", false, w_hearing},
    {"decision", "行政处罚决定书", NULL, "decided_on", r_penalty,
     "本案尚未作出行政处罚决定，不能生成行政处罚决定书", false, w_decision},
    {"no_penalty", "不予行政处罚决定书", "不罚", "decided_on", r_no_penalty,
     "本案尚未作出不予行政处罚决定，不能生成不予行政处罚决定书", false, w_no_penalty},
    {"service", "送达回证", "罚送", "decided_on", r_decided,
     "本案尚未作出决定，没有可送达的决定书，不能生成送达回证", false, w_service},
    {"closing", "结案报告", "罚结", "closed_on", r_closed, "本案尚未结案，不能生成结案报告", false,
     w_closing},
};
#define NKINDS (sizeof kinds / sizeof kinds[0])

static const struct doc_kind *kind_find(const char *name)
{
	for (size_t i = 0; i < NKINDS; i++)
		if (name && strcmp(kinds[i].kind, name) == 0)
			return &kinds[i];
	return NULL;
}

/* ---- issuing: number, file, event in the caller's transaction --------------------- */

struct issued {
	char number[64];
	char sha256[65];
	char doc_date[11];
	char issued_at[21];
	int64_t size;
	bool present;
};

static enum fz_code load_case(struct fz_ctx *ctx, int64_t case_id, struct pcase *c,
			      struct fz_err *err)
{
	c->f = NULL;
	enum fz_code rc = fz_case_load(ctx, case_id, false, &c->row, err);
	if (rc)
		return rc;
	if (strcmp(c->row.type->name, fz_enf_penalty_type.name) != 0)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "行政处罚案件不存在");
	c->f = json_object();
	return fz_enf_penalty_fields(ctx, case_id, c->f, err);
}

static enum fz_code find_issued(struct fz_ctx *ctx, int64_t case_id, const char *kind,
				struct issued *out, struct fz_err *err)
{
	memset(out, 0, sizeof *out);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT number, sha256, doc_date, issued_at, size FROM enf_document"
			" WHERE case_id = ? AND kind = ?",
			"it", case_id, kind);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		out->present = true;
		snprintf(out->number, sizeof out->number, "%s", fz_col_text(st, 0));
		snprintf(out->sha256, sizeof out->sha256, "%s", fz_col_text(st, 1));
		snprintf(out->doc_date, sizeof out->doc_date, "%s",
			 fz_col_text(st, 2) ? fz_col_text(st, 2) : "");
		snprintf(out->issued_at, sizeof out->issued_at, "%s", fz_col_text(st, 3));
		out->size = fz_col_int(st, 4);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

/* The next number of code for the case's agency and year: the short name as in the case number. */
static enum fz_code draw_number(struct fz_ctx *ctx, const struct pcase *c, const char *code,
				int year, char *out, size_t size, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO number_seq(agency_id, code, year, last_no) VALUES (?, ?, ?, 1)"
	    " ON CONFLICT (agency_id, code, year) DO UPDATE SET last_no = number_seq.last_no + 1"
	    " RETURNING last_no",
	    "itI", c->row.agency_id, code, year);
	if (!st)
		return err->code;
	long serial = fz_stmt_row(st) ? (long)fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	st = fz_db_query(ctx->db, err, "SELECT short_name FROM agency WHERE agency_id = ?", "i",
			 c->row.agency_id);
	if (!st)
		return err->code;
	char shortname[64] = "";
	if (fz_stmt_row(st))
		snprintf(shortname, sizeof shortname, "%s", fz_col_text(st, 0));
	fz_stmt_done(st);
	if (!fz_number_format(out, size, shortname, code, year, serial))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "文号生成失败");
	return FZ_OK;
}

static const char *doc_filename(struct fz_ctx *ctx, const struct doc_kind *k, const char *number)
{
	return fz_arena_printf(ctx->arena, "%s（%s）.docx", k->title, number);
}

/* Issues k for the case if it is not yet issued; inside the caller's transaction. */
static enum fz_code issue(struct fz_ctx *ctx, const struct pcase *c, const struct doc_kind *k,
			  struct issued *out, struct fz_err *err)
{
	enum fz_code rc = find_issued(ctx, c->row.case_id, k->kind, out, err);
	if (rc || out->present)
		return rc;
	if (!k->ready(c))
		return fz_err_set(err, FZ_ESTATE, "kind", "%s", k->refusal);
	const char *date = k->date_field ? S(c, k->date_field) : NULL;
	char today[11];
	fz_date_format(ctx->today, today);
	int day = ctx->today;
	if (date && fz_date_parse(date, &day) != FZ_OK)
		day = ctx->today;
	int y, m, dd;
	fz_date_to_ymd(day, &y, &m, &dd);
	if (k->code)
		rc = draw_number(ctx, c, k->code, y, out->number, sizeof out->number, err);
	else
		snprintf(out->number, sizeof out->number, "%s", c->row.number);
	if (rc)
		return rc;
	struct fz_docx *d = fz_docx_new();
	if (!d)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	k->write(ctx, d, c, k, out->number);
	char *data = NULL;
	size_t len = 0;
	rc = fz_docx_finish(d, &data, &len, err);
	fz_docx_free(d);
	if (rc)
		return rc;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(digest, (const unsigned char *)data, len);
	sodium_bin2hex(out->sha256, sizeof out->sha256, digest, sizeof digest);
	fz_iso_utc(ctx->now, out->issued_at);
	snprintf(out->doc_date, sizeof out->doc_date, "%s", date ? date : today);
	out->size = (int64_t)len;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"INSERT INTO blob_store(sha256, size, data) VALUES (?, ?, ?)"
			" ON CONFLICT (sha256) DO NOTHING",
			"tib", out->sha256, (int64_t)len, data, len);
	rc = !st ? err->code : fz_stmt_exec(st, err);
	free(data);
	if (rc)
		return rc;
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO enf_document(case_id, kind, number, year, doc_date, sha256, size,"
	    " issued_by, issued_at) VALUES (?,?,?,?,?,?,?,?,?)",
	    "ittIttitt", c->row.case_id, k->kind, out->number, y, out->doc_date, out->sha256,
	    out->size,
	    ctx->user ? fz_arena_printf(ctx->arena, "%lld", (long long)ctx->user->user_id) : NULL,
	    out->issued_at);
	if (!st || fz_stmt_exec(st, err))
		return err->code;
	json_t *after = json_pack("{s:s, s:s, s:s, s:I}", "kind", k->kind, "number", out->number,
				  "sha256", out->sha256, "size", (json_int_t)len);
	char *after_s = json_dumps(after, JSON_COMPACT);
	json_decref(after);
	struct fz_event ev = {.case_id = c->row.case_id,
			      .entity = "document",
			      .action = "document_issue",
			      .note = doc_filename(ctx, k, out->number),
			      .after = after_s ? fz_arena_strdup(ctx->arena, after_s) : NULL};
	free(after_s);
	rc = fz_audit_append(ctx, &ev, NULL, err);
	out->present = true;
	return rc;
}

static enum fz_code read_blob(struct fz_ctx *ctx, const char *sha, char **out, size_t *len,
			      struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err, "SELECT data FROM blob_store WHERE sha256 = ?", "t", sha);
	if (!st)
		return err->code;
	enum fz_code rc = FZ_OK;
	if (fz_stmt_row(st)) {
		const void *p = fz_col_blob(st, 0, len);
		*out = malloc(*len ? *len : 1);
		if (*out)
			memcpy(*out, p, *len);
		else
			rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	} else {
		rc = fz_err_set(err, FZ_EIO, "kind", "文书文件缺失，请联系管理员运行审计校验");
	}
	fz_stmt_done(st);
	return rc;
}

enum fz_code fz_enf_document_docx(struct fz_ctx *ctx, int64_t case_id, const char *kind, char **out,
				  size_t *len, const char **filename, struct fz_err *err)
{
	const struct doc_kind *k = kind_find(kind);
	if (!k)
		return fz_err_set(err, FZ_ENOT_FOUND, "kind", "没有这种文书");
	struct pcase c;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct issued is;
	if ((rc = load_case(ctx, case_id, &c, err)) || (rc = issue(ctx, &c, k, &is, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	json_decref(c.f);
	*filename = doc_filename(ctx, k, is.number);
	return read_blob(ctx, is.sha256, out, len, err);
fail:
	json_decref(c.f);
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_enf_documents_json(struct fz_ctx *ctx, int64_t case_id, json_t **out,
				   struct fz_err *err)
{
	struct pcase c;
	enum fz_code rc = load_case(ctx, case_id, &c, err);
	if (rc) {
		json_decref(c.f);
		return rc;
	}
	json_t *docs = json_array();
	for (size_t i = 0; i < NKINDS && !rc; i++) {
		const struct doc_kind *k = &kinds[i];
		/* The decision of the other outcome is not a step this case will take. */
		if ((k->ready == r_penalty && r_no_penalty(&c)) ||
		    (k->ready == r_no_penalty && !r_no_penalty(&c)))
			continue;
		struct issued is;
		if ((rc = find_issued(ctx, case_id, k->kind, &is, err)))
			break;
		bool ready = k->ready(&c);
		json_t *o = json_pack("{s:s, s:s, s:b, s:b}", "kind", k->kind, "title", k->title,
				      "available", ready || is.present, "form", k->form);
		if (!ready && !is.present)
			fz_json_set_str(o, "refusal", k->refusal);
		if (is.present) {
			fz_json_set_str(o, "number", is.number);
			fz_json_set_str(o, "doc_date", is.doc_date);
			fz_json_set_str(o, "issued_at", is.issued_at);
			fz_json_set_str(o, "sha256", is.sha256);
			json_object_set_new(o, "size", json_integer(is.size));
		}
		fz_json_set_str(o, "url",
				fz_arena_printf(ctx->arena,
						"/api/enforcement/penalties/%lld/documents/%s",
						(long long)case_id, k->kind));
		json_array_append_new(docs, o);
	}
	json_decref(c.f);
	if (rc) {
		json_decref(docs);
		return rc;
	}
	json_t *detail = NULL;
	if ((rc = fz_case_detail(ctx, case_id, &detail, err))) {
		json_decref(docs);
		return rc;
	}
	json_t *evidence = json_incref(json_object_get(detail, "attachments"));
	json_decref(detail);
	*out = json_pack("{s:o, s:o, s:s}", "documents", docs, "evidence",
			 evidence ? evidence : json_array(), "archive_url",
			 fz_arena_printf(ctx->arena, "/api/enforcement/penalties/%lld/archive",
					 (long long)case_id));
	return FZ_OK;
}

/* ---- evidence (执法记录仪 audio and video, photos, scans) -------------------------- */

const char *fz_enf_evidence_type(const char *name, const void *data, size_t len)
{
	const unsigned char *p = data;
	const char *dot = strrchr(name, '.');
	if (!dot)
		return NULL;
	if (strcasecmp(dot, ".mp4") == 0)
		return len >= 12 && memcmp(p + 4, "ftyp", 4) == 0 ? "video/mp4" : NULL;
	if (strcasecmp(dot, ".mp3") == 0)
		return len >= 3 &&
			       (memcmp(p, "ID3", 3) == 0 || (p[0] == 0xFF && (p[1] & 0xE0) == 0xE0))
			   ? "audio/mpeg"
			   : NULL;
	if (strcasecmp(dot, ".wav") == 0)
		return len >= 12 && memcmp(p, "RIFF", 4) == 0 && memcmp(p + 8, "WAVE", 4) == 0
			   ? "audio/wav"
			   : NULL;
	if (strcasecmp(dot, ".jpg") == 0 || strcasecmp(dot, ".jpeg") == 0 ||
	    strcasecmp(dot, ".png") == 0 || strcasecmp(dot, ".pdf") == 0)
		return fz_attachment_sniff(name, p, len);
	return NULL;
}

enum fz_code fz_enf_evidence_add(struct fz_ctx *ctx, int64_t case_id, const char *filename,
				 const void *data, size_t len, json_t **out, struct fz_err *err)
{
	if (!filename || !*filename)
		return fz_err_set(err, FZ_EMISSING_FIELD, "file", "请选择要上传的证据文件");
	if (len > FZ_ATTACH_MAX)
		return fz_err_set(err, FZ_ETOO_LARGE, "file", "证据文件超过 10 MB 上限");
	const char *type = len ? fz_enf_evidence_type(filename, data, len) : "";
	if (!type)
		return fz_err_set(err, FZ_EMEDIA_TYPE, "file",
				  "证据只接受录像（MP4）、录音（MP3、WAV）、照片（JPG、PNG）和 "
				  "PDF，且内容须与扩展名相符");
	struct pcase c;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = load_case(ctx, case_id, &c, err)))
		goto fail;
	const struct fz_state *s = fz_flow_state(c.row.type, c.row.state);
	if (s && s->final) {
		rc = fz_err_set(err, FZ_ESTATE, "file", "案件%s，不能再上传证据", s->label);
		goto fail;
	}
	if ((rc = fz_attachment_store(ctx, case_id, filename, type, data, len, out, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	json_decref(c.f);
	return FZ_OK;
fail:
	json_decref(c.f);
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the archive (案卷) --------------------------------------------------------------- */

struct buf {
	char *p;
	size_t len;
	FILE *f;
};

static void html_head(FILE *f, const char *title, const struct pcase *c)
{
	fputs("<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>", f);
	fz_html_esc(f, title);
	fputs(
	    "</title><style>body{font-family:'FangSong','仿宋',serif;margin:2em}"
	    "table{border-collapse:collapse;width:100%}td,th{border:1px solid #333;padding:4px 6px;"
	    "font-size:14px;vertical-align:top}th{background:#eee}code{font-size:12px;word-break:"
	    "break-all}"
	    "</style></head><body><h1>",
	    f);
	fz_html_esc(f, title);
	fputs("</h1><p>案号：", f);
	fz_html_esc(f, c->row.number);
	fputs("　案由：", f);
	fz_html_esc(f, S(c, "matter"));
	fputs("　当事人：", f);
	fz_html_esc(f, S(c, "party_name"));
	fputs("　执法主体：", f);
	fz_html_esc(f, S(c, "body_name"));
	fputs("</p>", f);
}

/* Copies a blob into the arena (the ZIP reads it when it is closed). */
static const void *blob_arena(struct fz_ctx *ctx, const char *sha, size_t *len, struct fz_err *err)
{
	char *p = NULL;
	if (read_blob(ctx, sha, &p, len, err))
		return NULL;
	void *a = fz_arena_alloc(ctx->arena, *len ? *len : 1);
	memcpy(a, p, *len);
	free(p);
	return a;
}

enum fz_code fz_enf_archive_zip(struct fz_ctx *ctx, int64_t case_id, char **out, size_t *len,
				const char **filename, struct fz_err *err)
{
	struct pcase c;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if ((rc = load_case(ctx, case_id, &c, err)))
		goto fail;
	/* The paper file holds every document of a step taken: issue those not yet downloaded. */
	struct issued is;
	for (size_t i = 0; i < NKINDS && !rc; i++)
		if (!kinds[i].form && kinds[i].ready(&c))
			rc = issue(ctx, &c, &kinds[i], &is, err);
	if (rc || (rc = fz_db_commit(ctx->db, err)))
		goto fail;

	json_t *detail = NULL;
	if ((rc = fz_case_detail(ctx, case_id, &detail, err)))
		goto done;
	size_t cap = NKINDS + json_array_size(json_object_get(detail, "attachments")) + 2, n = 0;
	struct fz_zip_entry *e = fz_arena_alloc(ctx->arena, sizeof *e * cap);
	struct buf idx = {0}, tl = {0};
	idx.f = open_memstream(&idx.p, &idx.len);
	tl.f = open_memstream(&tl.p, &tl.len);
	if (!idx.f || !tl.f) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto close;
	}
	html_head(idx.f, "案卷目录", &c);
	fputs("<table><tr><th>序号</th><th>材料</th><th>文号或文件名</th><th>日期</"
	      "th><th>大小（字节）</th>"
	      "<th>SHA-256</th><th>卷内文件</th></tr>",
	      idx.f);
	int seq = 0;
	for (size_t i = 0; i < NKINDS && !rc; i++) {
		if ((rc = find_issued(ctx, case_id, kinds[i].kind, &is, err)) || !is.present)
			continue;
		const char *name = fz_arena_printf(ctx->arena, "文书/%02d-%s", ++seq,
						   doc_filename(ctx, &kinds[i], is.number));
		size_t blen = 0;
		const void *data = blob_arena(ctx, is.sha256, &blen, err);
		if (!data) {
			rc = err->code;
			break;
		}
		e[n++] = (struct fz_zip_entry){name, data, blen};
		fprintf(idx.f, "<tr><td>%d</td><td>", seq);
		fz_html_esc(idx.f, kinds[i].title);
		fputs("</td><td>", idx.f);
		fz_html_esc(idx.f, is.number);
		fprintf(idx.f, "</td><td>%s</td><td>%zu</td><td><code>%s</code></td><td>",
			is.doc_date, blen, is.sha256);
		fz_html_esc(idx.f, name);
		fputs("</td></tr>", idx.f);
	}
	size_t i;
	json_t *a;
	json_array_foreach (json_object_get(detail, "attachments"), i, a) {
		if (rc)
			break;
		struct fz_attachment att;
		json_int_t aid = json_integer_value(json_object_get(a, "attachment_id"));
		if ((rc = fz_attachment_get(ctx, aid, &att, err)))
			break;
		const char *name = fz_arena_printf(ctx->arena, "证据/%02d-%s", ++seq, att.filename);
		e[n++] = (struct fz_zip_entry){name, att.data, att.len};
		const char *at = json_string_value(json_object_get(a, "uploaded_at"));
		fprintf(idx.f, "<tr><td>%d</td><td>证据材料（%s）</td><td>", seq, att.content_type);
		fz_html_esc(idx.f, att.filename);
		fprintf(idx.f, "</td><td>%.10s</td><td>%zu</td><td><code>%s</code></td><td>",
			at ? at : "", att.len, json_string_value(json_object_get(a, "sha256")));
		fz_html_esc(idx.f, name);
		fputs("</td></tr>", idx.f);
	}
	fprintf(idx.f,
		"<tr><td>%d</td><td>办理过程记录</td><td>办理过程.html</td><td></td><td></td><td>"
		"（每个事件的哈希见该文件）</td><td>办理过程.html</td></tr></table>",
		++seq);
	fputs("<p>各文件的 SHA-256 "
	      "与系统审计链中登记的一致时，文件未被改动（《中华人民共和国行政处罚法》第四十七条：全"
	      "过程记录，归档保存）。</p>"
	      "</body></html>",
	      idx.f);

	html_head(tl.f, "办理过程记录", &c);
	fputs(
	    "<table><tr><th>序号</th><th>时间（UTC）</th><th>操作人</th><th>环节</th><th>状态</th>"
	    "<th>说明</th><th>事件哈希</th></tr>",
	    tl.f);
	json_t *ev;
	json_array_foreach (json_object_get(detail, "events"), i, ev) {
		json_int_t id = json_integer_value(json_object_get(ev, "event_id"));
		char hash[65] = "";
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err, "SELECT hash FROM event WHERE event_id = ?", "i", (int64_t)id);
		if (st && fz_stmt_row(st))
			snprintf(hash, sizeof hash, "%s", fz_col_text(st, 0));
		fz_stmt_done(st);
		fprintf(tl.f, "<tr><td>%lld</td><td>", (long long)id);
		fz_html_esc(tl.f, json_string_value(json_object_get(ev, "at")));
		fputs("</td><td>", tl.f);
		fz_html_esc(tl.f, json_string_value(json_object_get(ev, "actor")));
		fputs("（", tl.f);
		fz_html_esc(tl.f, json_string_value(json_object_get(ev, "actor_role_label")));
		fputs("）</td><td>", tl.f);
		fz_html_esc(tl.f, json_string_value(json_object_get(ev, "action_label")));
		fputs("</td><td>", tl.f);
		fz_html_esc(tl.f, json_string_value(json_object_get(ev, "to_state_label")));
		fputs("</td><td>", tl.f);
		fz_html_esc(tl.f, json_string_value(json_object_get(ev, "note")));
		fprintf(tl.f, "</td><td><code>%s</code></td></tr>", hash);
	}
	fputs("</table></body></html>", tl.f);
close:
	if (idx.f)
		fclose(idx.f);
	if (tl.f)
		fclose(tl.f);
	if (!rc) {
		e[n++] = (struct fz_zip_entry){"目录.html", idx.p, idx.len};
		e[n++] = (struct fz_zip_entry){"办理过程.html", tl.p, tl.len};
		rc = fz_zip_build(e, n, "案卷压缩包", out, len, err);
		*filename = fz_arena_printf(ctx->arena, "案卷-%s.zip", c.row.number);
	}
	free(idx.p);
	free(tl.p);
	json_decref(detail);
done:
	json_decref(c.f);
	return rc;
fail:
	json_decref(c.f);
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- demo data (enf_demo_kinds.c): documents and evidence of the demo cases ----------- */

/* The demo case named by its matter (案由), as the data file names it. */
static enum fz_code demo_case(struct fz_ctx *ctx, json_t *f, int64_t *case_id, struct fz_err *err)
{
	const char *matter = fz_json_str(f, "matter");
	if (!matter)
		return fz_err_set(err, FZ_EMISSING_FIELD, "matter", "请写明案由（matter）");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT case_id FROM enf_penalty WHERE matter = ?", "t", matter);
	if (!st)
		return err->code;
	*case_id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!*case_id)
		return fz_err_set(err, FZ_EBAD_VALUE, "matter", "没有案由为“%s”的行政处罚案件",
				  matter);
	return FZ_OK;
}

enum fz_code fz_enf_demo_document(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				  struct fz_err *err)
{
	int64_t target;
	char *data = NULL;
	size_t len = 0;
	const char *name = NULL;
	enum fz_code rc = demo_case(ctx, f, &target, err);
	if (!rc)
		rc = fz_enf_document_docx(ctx, target, fz_json_str(f, "kind"), &data, &len, &name,
					  err);
	free(data);
	*id = target;
	*case_id = 0;
	return rc;
}

enum fz_code fz_enf_demo_evidence(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				  struct fz_err *err)
{
	int64_t target;
	enum fz_code rc = demo_case(ctx, f, &target, err);
	if (rc)
		return rc;
	const char *b64 = fz_json_str(f, "base64"), *name = fz_json_str(f, "filename");
	if (!b64 || !name)
		return fz_err_set(err, FZ_EMISSING_FIELD, b64 ? "filename" : "base64",
				  "请写明证据的文件名（filename）和内容（base64）");
	size_t cap = strlen(b64) / 4 * 3 + 3, len = 0;
	unsigned char *bin = malloc(cap);
	if (!bin)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	if (sodium_base642bin(bin, cap, b64, strlen(b64), NULL, &len, NULL,
			      sodium_base64_VARIANT_ORIGINAL) != 0) {
		free(bin);
		return fz_err_set(err, FZ_EBAD_VALUE, "base64", "证据内容不是有效的 Base64");
	}
	json_t *out = NULL;
	rc = fz_enf_evidence_add(ctx, target, name, bin, len, &out, err);
	free(bin);
	json_decref(out);
	*id = target;
	*case_id = 0;
	return rc;
}
