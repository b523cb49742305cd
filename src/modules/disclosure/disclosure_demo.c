/*
 * disclosure_demo.c - a year of disclosure work for the demo county: catalogue
 * items (a few published late), and requests through every path of the
 * procedure (correction and deemed withdrawal, third-party consultation,
 * extension, fees paid and lapsed, withdrawal) and every reply type, some
 * carried in from last year and some still open. Each step runs through the
 * engine on its own simulated day, in date order. Deterministic.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/disclosure/disclosure_int.h"
#include "platform/accounts.h"

static unsigned long long rng = 0x9E3779B97F4A7C15ULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

static const char *const agencies[] = {"gov", "zrj", "zjj", "scj", "hbj", "jyj", "rsj", "czj"};

static const char *const subjects[] = {
	"%s2025年度部门预算及“三公”经费支出明细",
	"%s辖区内某地块的征收补偿安置方案及批复文件",
	"%s对某企业环境影响评价审批的相关文件",
	"%s某小区规划许可证及总平面图",
	"%s近三年食品安全抽检不合格企业名单",
	"%s某建设项目用地预审意见",
	"%s农村危房改造补助资金发放明细",
	"%s某学校校舍安全鉴定报告",
	"%s某路段道路拓宽工程的立项批复",
	"%s对本人投诉事项的调查处理记录",
	"%s2026年重点项目建设计划",
	"%s某企业行政处罚决定书",
};

static const char *const names[] = {"张建军", "李秀英", "王海", "刘芳", "陈志明", "杨丽",
				    "青山县宏达建材有限公司", "省农业科学院青山试验站",
				    "青山县爱心公益协会", "青山正义律师事务所", "青山县某村民委员会"};
static const char *const types[] = {"natural", "natural", "natural", "natural", "natural", "natural",
				    "commercial", "research", "public_interest", "legal_service",
				    "other_org"};

enum kind { K_SUBMIT, K_CORRECT, K_CORRECTED, K_DEEMED, K_CONSULT, K_CONSULTED, K_EXTEND,
	    K_FEE, K_PAID, K_LAPSED, K_REPLY, K_WITHDRAW };

struct step {
	int day, seq, req;
	enum kind kind;
};

struct request {
	const char *agency, *outcome, *channel;
	int who, subject, received;
	int64_t case_id;
};

static int cmp(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	return x->day != y->day ? x->day - y->day : x->req != y->req ? x->req - y->req : x->seq - y->seq;
}

static int wd(struct fz_ctx *ctx, int day, int n)
{
	int out;
	return fz_calendar_add_workdays(ctx->cal, day, n, &out) == FZ_OK ? out : day + n;
}

static int64_t agency_id(struct fz_ctx *ctx, const char *code)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT agency_id FROM agency WHERE code = ?",
					 "t", code);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

static enum fz_code act(struct fz_ctx *ctx, struct request *r, const char *action, json_t *body,
			struct fz_err *err)
{
	enum fz_code rc = fz_case_act_current(ctx, r->case_id, action, body, err);
	json_decref(body);
	return rc;
}

static const char *pick_outcome(void)
{
	static const char *const pool[] = {
		"disclose", "disclose", "disclose", "disclose", "disclose", "disclose", "disclose",
		"already_public", "already_public", "partial", "partial", "withhold.third_party",
		"withhold.process", "withhold.internal", "withhold.enforcement", "withhold.secret",
		"withhold.law", "withhold.security", "withhold.query", "unable.not_held",
		"unable.not_held", "not_ours", "unable.needs_creation", "refuse.petition",
		"refuse.repeat", "refuse.publication", "refuse.excessive", "refuse.confirm"};
	return pool[rnd(sizeof pool / sizeof pool[0])];
}

static json_t *reply_body(struct request *r, char *desc)
{
	const struct fz_disc_outcome *o = fz_disc_outcome(r->outcome);
	json_t *b = json_pack("{s:s, s:s}", "outcome", r->outcome, "reply_text",
			      "您提出的政府信息公开申请收悉。经审查，现答复如下：……（答复告知书正文）");
	if (o->needs & FZ_DISC_NEEDS_GROUND)
		json_object_set_new(b, "ground", json_sprintf("根据《中华人民共和国政府信息公开条例》%s之规定。", o->article));
	if (o->needs & FZ_DISC_NEEDS_WHERE)
		json_object_set_new(b, "where", json_string("青山县人民政府门户网站“政府信息公开”专栏"));
	if (o->needs & FZ_DISC_NEEDS_AGENCY)
		json_object_set_new(b, "right_agency", json_string("青山县自然资源局，联系电话 0791-5551234"));
	if (o->needs & FZ_DISC_NEEDS_WITHHELD)
		json_object_set_new(b, "withheld", json_string("涉及第三方个人隐私的身份证号码、联系电话已作区分处理"));
	(void)desc;
	return b;
}

static enum fz_code catalogue(struct fz_ctx *ctx, int start, int today, struct fz_err *err)
{
	static const struct {
		const char *category, *title;
	} items[] = {
		{"functions", "%s主要职责、内设机构和人员编制"},
		{"normdoc", "%s关于进一步优化营商环境的若干措施"},
		{"plans", "%s2026年工作要点"},
		{"budget", "%s2026年部门预算公开"},
		{"budget", "%s2025年部门决算公开"},
		{"licensing", "%s行政许可决定公示（第%d批）"},
		{"penalty", "%s行政处罚决定公示（第%d批）"},
		{"coercion", "%s行政强制措施决定公示（第%d批）"},
		{"fees", "%s行政事业性收费项目目录"},
		{"personnel", "%s公开招聘工作人员拟聘用人员公示"},
		{"other", "%s政府信息公开指南"},
	};
	static const char *const who[] = {"gov", "zrj", "zjj", "scj", "hbj", "jyj", "rsj", "czj",
					  "jtj", "wjj", "cgj", "qsz"};
	int n = 0;
	for (int i = 0; i < 140; i++) {
		const char *code = who[rnd(sizeof who / sizeof who[0])];
		struct fz_stmt *st = fz_db_query(ctx->db, NULL,
						 "SELECT agency_id, name FROM agency WHERE code = ?", "t",
						 code);
		int64_t id = 0;
		char name[128] = "";
		if (st && fz_stmt_row(st)) {
			id = fz_col_int(st, 0);
			snprintf(name, sizeof name, "%s", fz_col_text(st, 1));
		}
		fz_stmt_done(st);
		int k = (int)rnd(sizeof items / sizeof items[0]);
		char title[256];
		snprintf(title, sizeof title, items[k].title, name, 1 + i / 11);
		int created = start + (int)rnd(360);
		/* Mostly within days; one in twelve late (第26条: 20 working days). */
		int published = wd(ctx, created, rnd(12) == 0 ? 21 + (int)rnd(10) : (int)rnd(8));
		if (published > today)
			continue;
		struct fz_disc_item it = {id, items[k].category, title,
					  "（正文）根据《中华人民共和国政府信息公开条例》第十九条、第二十条规定，现予公开。",
					  created, published, -1};
		ctx->today = published;
		ctx->now = (int64_t)published * 86400 + 3600;
		json_t *out = NULL;
		enum fz_code rc = fz_disc_item_create(ctx, &it, &out, err);
		json_decref(out);
		if (rc)
			return rc;
		n++;
	}
	printf("政府信息公开：主动公开 %d 条，", n);
	return FZ_OK;
}

enum fz_code fz_disc_demo(struct fz_ctx *ctx, struct fz_err *err)
{
	const int n = 130;
	int today = ctx->today, start = today - 364;
	struct request *rs = calloc((size_t)n, sizeof *rs);
	struct step *steps = calloc((size_t)n * 8, sizeof *steps);
	size_t ns = 0;
	enum fz_code rc = FZ_OK;
	struct fz_user legal;
	if (!rs || !steps || !fz_user_load(ctx->db, "legal", &legal)) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "演示数据准备失败");
		goto out;
	}
	if ((rc = fz_db_begin(ctx->db, err)))
		goto out;
	if ((rc = catalogue(ctx, start, today, err)))
		goto fail;
	static const char *const channels[] = {"online", "online", "online", "in_person", "post_signed",
					      "post_ordinary", "email", "fax"};
	for (int i = 0; i < n; i++) {
		struct request *r = &rs[i];
		r->agency = agencies[rnd(sizeof agencies / sizeof agencies[0])];
		r->who = (int)rnd(sizeof names / sizeof names[0]);
		r->subject = (int)rnd(sizeof subjects / sizeof subjects[0]);
		r->channel = channels[rnd(sizeof channels / sizeof channels[0])];
		bool w;
		int d;
		do {
			d = start + (int)rnd(365);
			fz_calendar_is_workday(ctx->cal, d, &w);
		} while (!w);
		r->received = d;
		int seq = 0, t = d;
		steps[ns++] = (struct step){d, seq++, i, K_SUBMIT};
		unsigned path = rnd(100);
		r->outcome = pick_outcome();
		if (path < 12) { /* correction, then corrected (or still unclear) */
			steps[ns++] = (struct step){t = wd(ctx, t, 3), seq++, i, K_CORRECT};
			steps[ns++] = (struct step){t = wd(ctx, t, 4), seq++, i, K_CORRECTED};
			if (rnd(3) == 0)
				r->outcome = "unable.unclear";
		} else if (path < 17) { /* correction never made: deemed withdrawn */
			steps[ns++] = (struct step){t = wd(ctx, t, 2), seq++, i, K_CORRECT};
			steps[ns++] = (struct step){t = wd(ctx, t, 17), seq++, i, K_DEEMED};
			continue;
		} else if (path < 27) { /* third party consulted */
			steps[ns++] = (struct step){t = wd(ctx, t, 5), seq++, i, K_CONSULT};
			steps[ns++] = (struct step){t = wd(ctx, t, 10 + (int)rnd(6)), seq++, i, K_CONSULTED};
			r->outcome = rnd(2) ? "withhold.third_party" : "partial";
		} else if (path < 33) { /* fee */
			steps[ns++] = (struct step){t = wd(ctx, t, 6), seq++, i, K_FEE};
			if (rnd(3) == 0) {
				steps[ns++] = (struct step){t = wd(ctx, t, 21), seq++, i, K_LAPSED};
				continue;
			}
			steps[ns++] = (struct step){t = wd(ctx, t, 5), seq++, i, K_PAID};
		} else if (path < 36) {
			steps[ns++] = (struct step){t = wd(ctx, t, 4), seq++, i, K_WITHDRAW};
			continue;
		}
		if (rnd(100) < 12) { /* extension with the head's approval */
			steps[ns++] = (struct step){t = wd(ctx, t, 15), seq++, i, K_EXTEND};
			steps[ns++] = (struct step){wd(ctx, t, 10 + (int)rnd(10)), seq++, i, K_REPLY};
		} else {
			steps[ns++] = (struct step){wd(ctx, t, 3 + (int)rnd(16)), seq++, i, K_REPLY};
		}
	}
	qsort(steps, ns, sizeof *steps, cmp);
	const struct fz_calendar *cal = ctx->cal;
	int done = 0;
	for (size_t k = 0; k < ns && !rc; k++) {
		struct step *s = &steps[k];
		if (s->day > today)
			continue;
		struct request *r = &rs[s->req];
		ctx->today = s->day;
		ctx->now = (int64_t)s->day * 86400 + 3600 + (int64_t)rnd(7 * 3600);
		ctx->cal = cal;
		char username[48], day[11], desc[400];
		struct fz_user clerk, head;
		snprintf(username, sizeof username, "%s.clerk", r->agency);
		if (!fz_user_load(ctx->db, username, &clerk))
			clerk = legal;
		snprintf(username, sizeof username, "%s.head", r->agency);
		/* legalhead: the county government's own requests */
		if (!fz_user_load(ctx->db, username, &head))
			fz_user_load(ctx->db, "legalhead", &head);
		ctx->user = &clerk;
		fz_date_format(s->day, day);
		snprintf(desc, sizeof desc, subjects[r->subject], "");
		switch (s->kind) {
		case K_SUBMIT: {
			struct fz_disc_request q = {.channel = r->channel,
						    .applicant_type = types[r->who],
						    .applicant_name = names[r->who],
						    .phone = "13907915678",
						    .address = "青山县城关镇人民路 88 号",
						    .email = "qingshan.shenqing@example.cn",
						    .description = desc,
						    .delivery = rnd(2) ? "email" : "post",
						    .submitted_on = s->day,
						    .received_on = s->day,
						    .agency_id = agency_id(ctx, r->agency)};
			if (strcmp(r->channel, "post_signed") == 0 || strcmp(r->channel, "post_ordinary") == 0)
				q.submitted_on = s->day - 2; /* posted two days before it arrived */
			ctx->user = strcmp(r->channel, "online") == 0 ? NULL : &clerk;
			ctx->client = ctx->user ? NULL : "demo";
			struct fz_case_row c;
			rc = fz_disc_submit(ctx, &q, &c, err);
			r->case_id = c.case_id;
			ctx->client = NULL;
			break;
		}
		case K_CORRECT:
			rc = act(ctx, r, "request_correction",
				 json_pack("{s:s, s:i}", "items", "请明确所需信息的名称、文号或形成时间等特征描述。",
					   "correction_days", 15),
				 err);
			break;
		case K_CORRECTED:
			rc = act(ctx, r, "corrected",
				 json_pack("{s:s, s:s}", "corrected_on", day, "note", "申请人已补正所需信息的具体描述。"),
				 err);
			break;
		case K_DEEMED:
			rc = act(ctx, r, "deem_withdrawn", json_object(), err);
			break;
		case K_CONSULT:
			rc = act(ctx, r, "consult",
				 json_pack("{s:s, s:s}", "third_party", "相关企业（第三方）", "sent_on", day), err);
			break;
		case K_CONSULTED:
			rc = act(ctx, r, "consulted",
				 json_pack("{s:s, s:s}", "answered_on", day, "opinion", "第三方不同意公开其商业信息。"),
				 err);
			break;
		case K_EXTEND:
			ctx->user = &head;
			rc = act(ctx, r, "extend",
				 json_pack("{s:i, s:s}", "days", 15, "reason", "申请内容涉及多个年度档案，需要调档核对。"),
				 err);
			break;
		case K_FEE:
			rc = act(ctx, r, "fee_notice",
				 json_pack("{s:i, s:s}", "amount", 100 * (1 + (int)rnd(5)), "basis",
					   "申请数量超过规定标准，按件计收信息处理费。"),
				 err);
			break;
		case K_PAID:
			rc = act(ctx, r, "fee_paid", json_pack("{s:s}", "paid_on", day), err);
			break;
		case K_LAPSED:
			rc = act(ctx, r, "fee_lapsed", json_object(), err);
			break;
		case K_REPLY:
			rc = act(ctx, r, "reply", reply_body(r, desc), err);
			break;
		case K_WITHDRAW:
			rc = act(ctx, r, "withdraw", json_pack("{s:s}", "reason", "申请人书面申请撤回。"), err);
			break;
		}
		if (rc)
			fprintf(stderr, "demo: request %d step %d on %s failed\n", s->req, s->kind, day);
		done++;
	}
	if (rc)
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	printf("依申请公开 %d 件，%d 个办理步骤\n", n, done);
	goto out;
fail:
	fz_db_rollback(ctx->db);
out:
	ctx->user = NULL;
	fz_ctx_set_time(ctx);
	free(rs);
	free(steps);
	return rc;
}
