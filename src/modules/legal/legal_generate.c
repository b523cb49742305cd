/*
 * legal_generate.c - synthetic contracts and legal matters for benchmarks
 * (`fazhi bench-gen --only legal --cases N`).
 *
 * Each bench agency gets a head (bench.lhead001 …) who registers and submits
 * its contracts, and the legal office a head (bench.legalhead) who assigns
 * and gives the legality reviews and answers the matters. Then count
 * contracts, registered over the last three years and spread over the
 * agencies, each with one to three counterparties (valid 统一社会信用代码)
 * and an amount from ten thousand to fifty million 元, are taken through the
 * real steps as far as their age allows: submitted for review, the review
 * assigned and its opinion given (the review module's own steps, its letter
 * included; a few unlawful, back to drafting), signed for the reviewed amount
 * or less, a milestone on some, a dispute on a few, completed or terminated
 * after a year; some stay in drafting or in review, a few are abandoned.
 * Beside them count / 10 legal matters, received over the same years,
 * assigned and answered (the numbered letter) unless recent or withdrawn.
 * Deterministic: the same records each run. At most LEGAL_GENERATE_MAX
 * contracts whatever count asks (a county registers some hundreds a year).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/legal/legal_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"

#define LEGAL_GENERATE_MAX 1000000L

static unsigned long long rng = 0x2545F4914F6CDD1DULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const struct {
	const char *title, *kind;
} subjects[] = {
    {"城区道路改造工程施工合同", "construction"},
    {"办公设备采购合同", "procurement"},
    {"政务服务中心物业服务合同", "service"},
    {"污水处理厂特许经营协议", "concession"},
    {"乡镇卫生院综合楼建设工程合同", "construction"},
    {"国有资产房屋租赁合同", "lease"},
    {"智慧城市建设PPP项目合同", "ppp"},
    {"农村饮水安全工程施工合同", "construction"},
    {"校车服务采购合同", "procurement"},
    {"文化旅游资源开发合作协议", "cooperation"},
    {"城乡环卫一体化服务合同", "service"},
    {"法律顾问服务合同", "service"},
    {"林地经营权流转合同", "other"},
    {"公共停车场特许经营协议", "concession"},
    {"应急物资储备采购合同", "procurement"},
    {"产业园区招商引资合作协议", "cooperation"},
};
#define NSUBJECTS (sizeof subjects / sizeof subjects[0])

static const char *const firms[] = {"路桥建设", "建筑工程", "环境服务", "信息技术",
				    "物业管理", "水务",	    "商贸",	"文旅发展",
				    "农业开发", "交通运输", "医疗器械", "设计研究院"};
static const char *const places[] = {"青山县", "杭州", "宁波", "金华", "绍兴", "湖州", "丽水"};

static const struct {
	const char *title, *kind;
} matter_subjects[] = {
    {"关于土地出让合同履行争议的法律咨询", "agreement"},
    {"关于行政诉讼应诉准备的法律意见", "litigation"},
    {"关于律师函回复的法律意见", "letter"},
    {"关于招商引资优惠政策合法性的咨询", "policy"},
    {"关于历史遗留征地补偿问题的法律意见", "other"},
    {"关于国有企业改制方案的法律咨询", "policy"},
};
#define NMATTERS (sizeof matter_subjects / sizeof matter_subjects[0])

/* A valid 统一社会信用代码 (GB 32100-2015) for party n. */
static void credit_code(long n, char out[19])
{
	static const char alphabet[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
	static const int weights[17] = {1,  3,	9,  27, 19, 26, 16, 17, 20,
					29, 25, 13, 8,	24, 10, 30, 28};
	char body[40]; /* 17 characters: rnd(100) has two digits, n % 10^9 nine */
	snprintf(body, sizeof body, "913311%02u%09ld", rnd(100) % 100u, labs(n) % 1000000000L);
	int sum = 0;
	for (int i = 0; i < 17; i++) {
		out[i] = body[i];
		sum += (int)(strchr(alphabet, body[i]) - alphabet) * weights[i];
	}
	out[17] = alphabet[(31 - sum % 31) % 31];
	out[18] = 0;
}

/* Sets the acting day: the step's day is today for the checks that read it. */
static void on_day(struct fz_ctx *ctx, int day)
{
	ctx->today = day;
	ctx->now = (int64_t)day * 86400 + 1 * 3600 + (int64_t)rnd(7 * 3600);
}

static enum fz_code act(struct fz_ctx *ctx, struct fz_user *as, int64_t case_id, int day,
			const char *action, json_t *in, struct fz_err *err)
{
	ctx->user = as;
	on_day(ctx, day);
	enum fz_code rc = fz_case_act_current(ctx, case_id, action, in, err);
	json_decref(in);
	return rc;
}

static const char *date_s(struct fz_ctx *ctx, int day)
{
	char d[11];
	fz_date_format(day, d);
	return fz_arena_printf(ctx->arena, "%s", d);
}

/* The contract's open review case (set by submit_review). */
static int64_t review_of(struct fz_ctx *ctx, int64_t case_id)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL,
			"SELECT COALESCE(review_case_id, 0) FROM legal_contract WHERE case_id = ?",
			"i", case_id);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

/* One contract registered on day `reg`, taken as far as its age allows. */
static enum fz_code one_contract(struct fz_ctx *ctx, struct fz_user *head, struct fz_user *office,
				 int today, long n, struct fz_err *err)
{
	int reg = today - (int)rnd(3 * 365);
	unsigned s = rnd(NSUBJECTS);
	/* Amounts from 1 万 to 5,000 万 元, most of them small. */
	static const long scale[] = {10000, 100000, 1000000, 10000000};
	long amount = scale[rnd(4) * rnd(4) / 3] * (long)(1 + rnd(50));
	json_t *parties = json_array();
	unsigned np = 1 + (rnd(4) == 0) + (rnd(8) == 0);
	for (unsigned p = 0; p < np; p++) {
		char code[19];
		credit_code(n * 3 + p, code);
		json_array_append_new(
		    parties,
		    json_pack("{ss ss}", "name",
			      fz_arena_printf(ctx->arena, "%s%s%s有限公司%ld", places[rnd(7)],
					      firms[rnd(12)], p ? "" : "压测", n * 3 + p),
			      "credit_code", code));
	}
	json_t *in =
	    json_pack("{ss ss sI ss ss sI so}", "title",
		      fz_arena_printf(ctx->arena, "%s（第%ld号）", subjects[s].title, n), "kind",
		      subjects[s].kind, "amount", (json_int_t)amount, "planned_sign_on",
		      date_s(ctx, reg + 30), "subject",
		      "合同主要内容：标的、数量、质量、价款、履行期限、违约责任及争议解决方式。",
		      "agency_id", (json_int_t)head->agency_id, "counterparties", parties);
	ctx->user = head;
	on_day(ctx, reg);
	struct fz_case_row c;
	enum fz_code rc = fz_legal_contract_create(ctx, in, &c, err);
	json_decref(in);
	if (rc)
		return rc;
	int age = today - reg;
	unsigned r = rnd(100);
	if (age < 5 || r < 6)
		return FZ_OK; /* still drafting */
	if ((rc = act(ctx, head, c.case_id, reg + 2, "submit_review",
		      json_pack("{ss}", "summary", "合同文本已经承办单位审查，请予合法性审核。"),
		      err)))
		return rc;
	if (age < 12 || r < 9)
		return FZ_OK; /* in review */
	int64_t review = review_of(ctx, c.case_id);
	const char *opinion = r < 12 ? "unlawful" : r < 25 ? "lawful_if_amended" : "lawful";
	json_t *op = json_pack("{ss ss}", "opinion", opinion, "summary",
			       "经审查，合同主体适格，内容不违反法律、法规的强制性规定。");
	if (strcmp(opinion, "lawful") != 0) {
		/* Not plainly lawful: the opinion names a point and its basis. */
		json_object_set_new(op, "point", json_string("违约责任条款显失公平，应当修改。"));
		json_object_set_new(op, "basis",
				    json_string("《中华人民共和国民法典》第四百九十七条"));
	}
	if ((rc = act(ctx, office, review, reg + 3, "assign",
		      json_pack("{sI}", "reviewer_id", (json_int_t)office->user_id), err)) ||
	    (rc = act(ctx, office, review, reg + 7, "opinion", op, err)))
		return rc;
	if (r < 12)
		return FZ_OK; /* unlawful: back in drafting */
	int signed_on = reg + 10 + (int)rnd(30);
	if (signed_on > today || r < 15)
		return FZ_OK; /* reviewed, not yet signed */
	if (r < 17)
		return act(ctx, head, c.case_id, reg + 12, "abandon",
			   json_pack("{ss}", "reason", "项目取消，不再签订。"), err);
	json_t *sg = json_pack("{ss sI}", "signed_on", date_s(ctx, signed_on), "signed_amount",
			       (json_int_t)(amount - (long)rnd(10) * (amount / 100)));
	if ((rc = act(ctx, head, c.case_id, signed_on, "sign", sg, err)))
		return rc;
	int due = signed_on + 60 + (int)rnd(200);
	if (rnd(3) == 0) {
		ctx->user = head;
		on_day(ctx, signed_on);
		int64_t seq = 0;
		in = json_pack("{ss ss sI}", "title", "首期款支付及验收", "due_on",
			       date_s(ctx, due), "amount", (json_int_t)(amount / 3));
		rc = fz_legal_milestone_add(ctx, c.case_id, in, &seq, err);
		json_decref(in);
		if (rc)
			return rc;
		if (due + 5 > today)
			return FZ_OK;
		ctx->user = head;
		on_day(ctx, due + 5);
		in =
		    json_pack("{ss ss}", "done_on", date_s(ctx, due + 3), "note", "已验收并支付。");
		rc = fz_legal_milestone_done(ctx, c.case_id, seq, in, err);
		json_decref(in);
		if (rc)
			return rc;
	}
	if (rnd(25) == 0 && signed_on + 100 <= today) {
		int raised = signed_on + 90;
		json_t *d = json_pack("{ss ss ss}", "kind", rnd(2) ? "negotiation" : "litigation",
				      "raised_on", date_s(ctx, raised), "summary",
				      "相对方未按约定期限履行，双方就违约责任发生争议。");
		if ((rc = act(ctx, head, c.case_id, raised, "dispute", d, err)))
			return rc;
		if (raised + 60 > today || rnd(3) == 0)
			return FZ_OK;
		if ((rc = act(ctx, head, c.case_id, raised + 60, "resolve_dispute",
			      json_pack("{ss ss ss}", "outcome", "settled", "resolved_on",
					date_s(ctx, raised + 60), "outcome_note",
					"经协商达成和解。"),
			      err)))
			return rc;
	}
	int end = signed_on + 365;
	if (end > today || rnd(3) == 0)
		return FZ_OK; /* performing */
	if (rnd(20) == 0)
		return act(ctx, head, c.case_id, end, "terminate",
			   json_pack("{ss ss}", "terminated_on", date_s(ctx, end), "reason",
				     "双方协商一致解除合同。"),
			   err);
	return act(
	    ctx, head, c.case_id, end, "complete",
	    json_pack("{ss ss}", "completed_on", date_s(ctx, end), "note", "合同已履行完毕。"),
	    err);
}

/* One legal matter received on a day of the last three years. */
static enum fz_code one_matter(struct fz_ctx *ctx, struct fz_user *head, struct fz_user *office,
			       int today, long n, struct fz_err *err)
{
	int recv = today - (int)rnd(3 * 365);
	unsigned s = rnd(NMATTERS);
	json_t *in = json_pack(
	    "{ss ss ss ss sI}", "title",
	    fz_arena_printf(ctx->arena, "%s（第%ld号）", matter_subjects[s].title, n), "kind",
	    matter_subjects[s].kind, "question", "该事项在法律上应当如何处理，存在哪些法律风险？",
	    "background", "承办单位在工作中遇到上述问题，请法制机构出具法律意见。", "agency_id",
	    (json_int_t)head->agency_id);
	ctx->user = head;
	on_day(ctx, recv);
	struct fz_case_row c;
	enum fz_code rc = fz_legal_matter_create(ctx, in, &c, err);
	json_decref(in);
	if (rc || today - recv < 3)
		return rc;
	if (rnd(30) == 0)
		return act(ctx, head, c.case_id, recv + 1, "withdraw",
			   json_pack("{ss}", "reason", "问题已自行解决。"), err);
	if ((rc = act(ctx, office, c.case_id, recv + 1, "assign",
		      json_pack("{sI}", "handler_id", (json_int_t)office->user_id), err)))
		return rc;
	int answered = recv + 3 + (int)rnd(12);
	if (answered > today)
		return FZ_OK;
	return act(ctx, office, c.case_id, answered, "answer",
		   json_pack("{ss ss}", "opinion",
			     "经研究，提出如下法律意见：依法依约处理，保留证据。", "basis",
			     "《中华人民共和国民法典》"),
		   err);
}

enum fz_code fz_legal_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
			       size_t nagencies, struct fz_err *err)
{
	if (count > LEGAL_GENERATE_MAX)
		count = LEGAL_GENERATE_MAX;
	struct fz_user *heads = calloc(nagencies, sizeof *heads);
	if (!heads)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	/* One password for every bench user (bench.lhead001 … sign in with the demo password). */
	const char *pw = getenv("FAZHI_DEMO_PASSWORD");
	char hash[crypto_pwhash_STRBYTES];
	const struct fz_user *saved = ctx->user;
	int today = ctx->today;
	struct fz_user office;
	enum fz_code rc = fz_password_hash(pw && *pw ? pw : "fazhi-demo", hash, sizeof hash, err);
	if (!rc)
		rc = fz_db_begin(ctx->db, err);
	if (!rc)
		rc = fz_user_ensure(ctx, "bench.legalhead", "压测法制机构负责人", FZ_ROLE_LEGAL_HEAD,
			       agencies[0], hash, &office, err);
	for (size_t i = 0; i < nagencies && !rc; i++) {
		char name[32];
		snprintf(name, sizeof name, "bench.lhead%03zu", i + 1);
		rc = fz_user_ensure(ctx, name, "压测合同承办负责人", FZ_ROLE_AGENCY_HEAD, agencies[i],
			       hash, &heads[i], err);
	}
	long matters = count / 10;
	for (long i = 0; i < count + matters && !rc; i++) {
		struct fz_user *head = &heads[rnd((unsigned)nagencies)];
		rc = i < count ? one_contract(ctx, head, &office, today, i + 1, err)
			       : one_matter(ctx, head, &office, today, i + 1 - count, err);
		fz_arena_cleanup(ctx->arena);
		if (!rc && (i + 1) % 10000 == 0) {
			rc = fz_db_commit(ctx->db, err);
			if (!rc)
				rc = fz_db_begin(ctx->db, err);
			fprintf(stderr, "\r  已生成 %ld / %ld 件（%.0f%%）", i + 1, count + matters,
				100.0 * (double)(i + 1) / (double)(count + matters));
		}
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	fprintf(stderr, "\n");
	ctx->user = saved;
	ctx->today = today;
	fz_ctx_set_time(ctx);
	free(heads);
	return rc;
}
