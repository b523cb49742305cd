/*
 * petition_generate.c - synthetic petitions for benchmarks
 * (`fazhi bench-gen --only petition --cases N`).
 *
 * The county government (its petition office, bench.pclerk) registers about
 * three in five, ten bench townships (基准乡镇01 … bt01…bt10, each with a
 * head bench.tphead01 …) the rest. Each bench agency gets a head
 * (bench.phead001 …) who accepts, extends and answers what is routed to it.
 * Then count petitions, received over the last four years from every channel
 * (来访, 来信, 电话, 网上信访, 12345热线 with its work-order number, 县长信箱转入)
 * about twelve kinds of matter, each from its own petitioner (name, ID
 * number, phone, village), are taken through the real steps as far as their
 * age allows (fz_petition_submit, then the case engine's transitions, so
 * the case rows, clocks, events and the petition row are those the server
 * would have written): routed (转送 / 交办, a few to a township; a few
 * objected to and routed again), accepted or refused, some handling periods
 * extended, answered (支持 / 解释说明 / 不予支持; some late), rated by most,
 * closed when the 复查 request period ends, a few through 复查 and fewer
 * through 复核 to the final opinion. About one in sixteen is followed by the
 * same petitioner's same matter while the first is in progress: registered
 * as 重复信访 (第19条) by the registration's own rule. Deterministic: the same
 * records each run. At most PETITION_GENERATE_MAX petitions.
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "modules/petition/petition_int.h"
#include "platform/accounts.h"
#include "platform/jsonx.h"

#define PETITION_GENERATE_MAX 2000000L
#define NTOWNSHIPS	      10

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

/* Subjects by matter type: the words the staff search for (征收, 补偿款, 工资 …). */
static const struct {
	const char *matter, *subject, *content;
} subjects[] = {
    {"land", "土地征收补偿款未足额发放",
     "反映本村土地征收补偿款至今未足额发放到户，要求核实并补发。"},
    {"land", "宅基地审批久拖未办", "申请宅基地建房已逾一年，村镇两级均未给予明确答复。"},
    {"housing", "安置房逾期未交付",
     "拆迁安置房约定交付期已过，安置房至今未能交付，要求明确交付时间。"},
    {"housing", "小区物业服务不到位", "小区物业公司服务不到位，电梯长期故障，垃圾清运不及时。"},
    {"labour", "拖欠农民工工资", "在某工地务工，包工头拖欠工资三个月，多次讨要未果。"},
    {"labour", "养老金待遇核定有误", "认为本人养老金待遇核定有误，要求重新核定并补发差额。"},
    {"environment", "企业夜间施工噪音扰民",
     "附近企业夜间施工噪音严重扰民，影响休息，要求依法查处。"},
    {"environment", "养殖场污水直排河道", "村边养殖场污水直排河道，河水发黑发臭，要求整治。"},
    {"law", "邻里纠纷处理不公", "与邻居因宅基地界址发生纠纷，认为派出所调处不公。"},
    {"agriculture", "土地流转租金未兑现", "承包地流转给合作社，租金两年未兑现，要求督促支付。"},
    {"market", "网购商品质量投诉未处理", "在本县商户购买的商品存在质量问题，投诉后无人处理。"},
    {"traffic", "村道破损影响出行", "进村道路破损严重，雨天无法通行，要求修缮。"},
    {"health", "医疗费用报销不予受理", "住院医疗费用报销申请被退回，要求说明理由并依规报销。"},
    {"education", "子女入学安排不合理", "子女就近入学申请未获安排，要求按学区政策解决。"},
    {"civil", "低保资格被取消", "家庭困难，低保资格被取消，要求重新审核。"},
    {"other", "对政务服务窗口工作人员态度不满",
     "到政务服务中心办事，窗口工作人员态度生硬，推诿不办。"},
};
#define NSUBJECTS (sizeof subjects / sizeof subjects[0])

static const char *const villages[] = {"青山村",   "下溪村",   "枫林村",   "石门村",  "桃源村",
				       "新塘村",   "上坞村",   "龙井村",   "梅园村",  "白沙村",
				       "城东社区", "城西社区", "南门社区", "北苑社区"};
#define NVILLAGES (sizeof villages / sizeof villages[0])

static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵",
				       "吴", "周", "徐", "孙", "马", "朱", "胡", "郭"};
static const char *const given[] = {"建国", "秀英", "桂兰", "志强", "丽华", "国平", "小红",
				    "海涛", "春燕", "德明", "玉梅", "文斌", "红霞", "永军"};

/* Channels, weighted: online and the hotline most, the mailbox least. */
static const char *channel_of(unsigned r)
{
	return r < 22	? "visit"
	       : r < 34 ? "letter"
	       : r < 44 ? "phone"
	       : r < 70 ? "online"
	       : r < 94 ? "hotline"
			: "mailbox";
}

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
	if (!in)
		in = json_object();
	enum fz_code rc = fz_case_act_current(ctx, case_id, action, in, err);
	json_decref(in);
	return rc;
}

/* The bench townships bt01 … (kind township), made once. */
static enum fz_code township(struct fz_ctx *ctx, int i, int64_t *id, struct fz_err *err)
{
	char code[16], name[48], shortname[24];
	snprintf(code, sizeof code, "bt%02d", i + 1);
	snprintf(name, sizeof name, "基准乡镇%02d", i + 1);
	snprintf(shortname, sizeof shortname, "乡%02d", i + 1);
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO agency(code, name, short_name, kind, sort_order) VALUES "
	    "(?,?,?,'township',?)"
	    " ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING agency_id",
	    "ttti", code, name, shortname, (int64_t)(5000 + i));
	if (!st || !fz_stmt_row(st)) {
		fz_stmt_done(st);
		return err->code ? err->code
				 : fz_err_set(err, FZ_EINTERNAL, NULL, "无法建立基准乡镇");
	}
	*id = fz_col_int(st, 0);
	fz_stmt_done(st);
	return FZ_OK;
}

struct people {
	struct fz_user county;		  /* the county petition office */
	struct fz_user towns[NTOWNSHIPS]; /* the townships' petition staff */
	struct fz_user *heads;		  /* a head in each bench agency */
	size_t nheads;
};

static json_t *person(struct fz_ctx *ctx, long p, unsigned s, unsigned v, const char *subject)
{
	char idn[24], phone[16];
	/* 331122, a birth day of 1940-1999 and a sequence, all from the petitioner's number
	 * (unique up to 60 × 336 × 1000 petitioners), then the check character. */
	snprintf(idn, sizeof idn, "331122%04u%02u%02u%03ld", 1940 + (unsigned)(p % 60),
		 1 + (unsigned)(p / 60 % 12), 1 + (unsigned)(p / 720 % 28), p / 20160 % 1000);
	idn[17] = fz_resident_id_check(idn);
	idn[18] = '\0';
	snprintf(phone, sizeof phone, "13%09ld", p % 1000000000L);
	return json_pack(
	    "{ss ss ss ss ss ss ss}", "name",
	    fz_arena_printf(ctx->arena, "%s%s", surnames[p % 16], given[(p / 16) % 14]),
	    "id_number", idn, "phone", phone, "address",
	    fz_arena_printf(ctx->arena, "青山县%s%ld号", villages[v], 1 + p % 200), "matter_type",
	    subjects[s].matter, "subject", subject, "content",
	    fz_arena_printf(ctx->arena, "信访人%s%s：%s", villages[v], "村民",
			    subjects[s].content));
}

/* One petition received on day `reg` and taken as far as its age allows. */
static enum fz_code one(struct fz_ctx *ctx, struct people *pp, int today, int span, long n,
			struct fz_err *err)
{
	int reg = today - (int)rnd((unsigned)span);
	unsigned s = rnd(NSUBJECTS), v = rnd(NVILLAGES), t = rnd(NTOWNSHIPS);
	bool by_town = rnd(5) < 2;
	struct fz_user *office = by_town ? &pp->towns[t] : &pp->county;
	const char *channel = channel_of(rnd(100));
	if (by_town && (strcmp(channel, "online") == 0 || strcmp(channel, "hotline") == 0))
		channel =
		    rnd(2) ? "visit" : "letter"; /* the portal and the hotline reach the county */
	const char *subject = fz_arena_printf(ctx->arena, "%s%s", villages[v], subjects[s].subject);
	json_t *b = person(ctx, n, s, v, subject);
	if (strcmp(channel, "hotline") == 0)
		json_object_set_new(
		    b, "order_number",
		    json_string(fz_arena_printf(ctx->arena, "12345-%ld", 1000000 + n)));
	ctx->user = office;
	on_day(ctx, reg);
	struct fz_case_row c;
	enum fz_code rc = fz_petition_submit(ctx, b, channel, office->agency_id, reg, &c, err);
	if (rc) {
		json_decref(b);
		return rc;
	}
	/* The same petitioner's same matter again while the first is in progress: 重复信访. */
	if (rnd(16) == 0 && reg + 10 <= today) {
		struct fz_case_row d;
		int again = reg + 1 + (int)rnd(9);
		on_day(ctx, again);
		ctx->user = office;
		rc = fz_petition_submit(ctx, b, rnd(2) ? "visit" : channel, office->agency_id,
					again, &d, err);
	}
	json_decref(b);
	if (rc)
		return rc;
	int age = today - reg;
	unsigned r = rnd(100);
	if (age < 3 || r < 2)
		return FZ_OK; /* still to be routed */
	if (r < 5)
		return act(
		    ctx, office, c.case_id, reg + 2, "refuse",
		    json_pack("{ss}", "reason",
			      "该事项已经或者依法应当通过诉讼、仲裁、行政复议等法定途径解决，"
			      "不予受理（《信访工作条例》第二十三条）。"),
		    err);
	/* Routed to a bench agency; a fifth of the county's to a township. */
	struct fz_user *handler = !by_town && rnd(5) == 0 ? &pp->towns[rnd(NTOWNSHIPS)]
							  : &pp->heads[rnd((unsigned)pp->nheads)];
	int routed = reg + 1 + (int)rnd(r < 8 ? 20 : 10);
	if (routed > today)
		return FZ_OK;
	json_t *route =
	    json_pack("{sI ss ss}", "agency_id", (json_int_t)handler->agency_id, "route_kind",
		      rnd(3) ? "transfer" : "assign", "opinion", "请依法按期办理并答复信访人。");
	if ((rc = act(ctx, office, c.case_id, routed, "route", route, err)))
		return rc;
	int day = routed;
	if (r < 7 && day + 3 <= today) {
		/* Not its duty: objected to within the period, routed to another agency. */
		if ((rc = act(ctx, handler, c.case_id, day + 2, "object",
			      json_pack("{ss}", "reason", "该事项不属于本机关职责范围。"), err)))
			return rc;
		handler = &pp->heads[rnd((unsigned)pp->nheads)];
		day += 3;
		if ((rc = act(ctx, office, c.case_id, day, "route",
			      json_pack("{sI ss}", "agency_id", (json_int_t)handler->agency_id,
					"route_kind", "transfer"),
			      err)))
			return rc;
	}
	int accepted = day + 1 + (int)rnd(r < 12 ? 25 : 12);
	if (accepted > today)
		return FZ_OK; /* waiting for acceptance */
	if (r < 10)
		return act(ctx, handler, c.case_id, accepted, "refuse",
			   json_pack("{ss}", "reason", "不属于信访事项受理范围。"), err);
	if ((rc = act(ctx, handler, c.case_id, accepted, "accept",
		      json_pack("{ss}", "notice", "您反映的事项已受理，我机关将在 60 日内办结。"),
		      err)))
		return rc;
	int replied = accepted + 10 + (int)rnd(r < 20 ? 80 : 45);
	if (r < 16 && accepted + 30 <= today) {
		if ((rc = act(ctx, handler, c.case_id, accepted + 30, "extend",
			      json_pack("{si ss}", "days", 30, "reason",
					"情况复杂，需进一步调查核实，经本机关负责人批准延长。"),
			      err)))
			return rc;
	}
	if (replied > today)
		return FZ_OK; /* in handling */
	unsigned o = rnd(10);
	const char *outcome = o < 3 ? "support" : o < 8 ? "explain" : "reject";
	if ((rc = act(ctx, handler, c.case_id, replied, "reply",
		      json_pack("{ss ss}", "outcome", outcome, "opinion",
				"经调查核实，现提出处理意见如下：依法依规予以处理，并已向信访人当面"
				"说明。如不服本意见，可自收到之日起 30 日内请求上一级机关复查。"),
		      err)))
		return rc;
	if (rnd(10) < 7 && replied + 3 <= today) {
		unsigned q = rnd(10);
		if ((rc = act(ctx, office, c.case_id, replied + 3, "rate",
			      json_pack("{ss}", "rating",
					q < 6	? "satisfied"
					: q < 9 ? "basic"
						: "dissatisfied"),
			      err)))
			return rc;
	}
	if (rnd(25) == 0 && replied + 20 <= today) {
		/* 复查 requested within 30 days; the opinion within 30 more. */
		if ((rc =
			 act(ctx, office, c.case_id, replied + 20, "request_review",
			     json_pack("{ss}", "reason", "信访人对处理意见不服，请求复查。"), err)))
			return rc;
		int rv = replied + 20 + 5 + (int)rnd(25);
		if (rv > today)
			return FZ_OK;
		if ((rc = act(ctx, office, c.case_id, rv, "review_opinion",
			      json_pack("{ss ss}", "outcome", rnd(4) ? "explain" : "support",
					"opinion", "经复查，原处理意见认定事实清楚，予以维持。"),
			      err)))
			return rc;
		if (rnd(4) == 0 && rv + 20 <= today) {
			if ((rc = act(
				 ctx, office, c.case_id, rv + 20, "request_recheck",
				 json_pack("{ss}", "reason", "信访人对复查意见不服，请求复核。"),
				 err)))
				return rc;
			int rk = rv + 20 + 5 + (int)rnd(25);
			if (rk > today)
				return FZ_OK;
			return act(ctx, office, c.case_id, rk, "recheck_opinion",
				   json_pack("{ss ss}", "outcome", "explain", "opinion",
					     "经复核，维持复查意见。本复核意见为最终意见。"),
				   err);
		}
		if (rv + 45 > today)
			return FZ_OK;
		return act(ctx, office, c.case_id, rv + 45, "conclude_review", NULL, err);
	}
	/* No 复查 requested: closed when the request period has ended. */
	if (replied + 45 > today)
		return FZ_OK;
	return act(ctx, office, c.case_id, replied + 45, "conclude", NULL, err);
}

enum fz_code fz_petition_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
				  size_t nagencies, struct fz_err *err)
{
	if (count > PETITION_GENERATE_MAX)
		count = PETITION_GENERATE_MAX;
	struct people pp = {.heads = calloc(nagencies, sizeof(struct fz_user)),
			    .nheads = nagencies};
	if (!pp.heads)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	const char *pw = getenv("FAZHI_DEMO_PASSWORD");
	char hash[crypto_pwhash_STRBYTES];
	const struct fz_user *saved = ctx->user;
	int today = ctx->today;
	int64_t towns[NTOWNSHIPS] = {0};
	int64_t county = fz_county_office(ctx->db);
	enum fz_code rc = fz_password_hash(pw && *pw ? pw : "fazhi-demo", hash, sizeof hash, err);
	if (!rc && !county)
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "未配置受理信访事项的机关");
	/* Four years back, but only as far as the official calendars loaded (a clock needs its
	 * year's calendar for a due day). */
	int span = 4 * 365;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL, "SELECT MIN(year) FROM calendar_year", NULL);
	if (st && fz_stmt_row(st) && !fz_col_null(st, 0)) {
		int first = fz_date_from_ymd((int)fz_col_int(st, 0), 1, 1);
		if (today - first < span)
			span = today - first;
	}
	fz_stmt_done(st);
	if (span < 1)
		span = 1;
	if (!rc)
		rc = fz_db_begin(ctx->db, err);
	if (!rc)
		rc = fz_user_ensure(ctx, "bench.pclerk", "压测信访局经办人", FZ_ROLE_AGENCY_HEAD, county,
			       hash, &pp.county, err);
	for (int i = 0; i < NTOWNSHIPS && !rc; i++) {
		char name[32];
		snprintf(name, sizeof name, "bench.tphead%02d", i + 1);
		if (!(rc = township(ctx, i, &towns[i], err)))
			rc = fz_user_ensure(ctx, name, "压测乡镇信访负责人", FZ_ROLE_AGENCY_HEAD,
				       towns[i], hash, &pp.towns[i], err);
	}
	for (size_t i = 0; i < nagencies && !rc; i++) {
		char name[32];
		snprintf(name, sizeof name, "bench.phead%03zu", i + 1);
		rc = fz_user_ensure(ctx, name, "压测信访办理负责人", FZ_ROLE_AGENCY_HEAD, agencies[i],
			       hash, &pp.heads[i], err);
	}
	for (long i = 0; i < count && !rc; i++) {
		rc = one(ctx, &pp, today, span, i + 1, err);
		fz_arena_cleanup(ctx->arena);
		if (!rc && (i + 1) % 10000 == 0) {
			rc = fz_db_commit(ctx->db, err);
			if (!rc)
				rc = fz_db_begin(ctx->db, err);
			fprintf(stderr, "\r  已生成 %ld / %ld 件（%.0f%%）", i + 1, count,
				100.0 * (double)(i + 1) / (double)count);
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
	free(pp.heads);
	return rc;
}
