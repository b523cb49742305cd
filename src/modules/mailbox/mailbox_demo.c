/*
 * mailbox_demo.c - a realistic year of letters for the demo county.
 *
 * Letters arrive over the past year (more on working days, a few over Spring
 * Festival and National Day); each is assigned, answered, sometimes sent back
 * or returned for rework, approved and, where the writer agreed, published.
 * Every step runs through the real engine on its own simulated day, in date
 * order, so clocks, events and the hash chain are exactly what staff would
 * have produced. Recent letters are still open; a few are late, so the
 * supervision cards have something to show. Deterministic: same data each run.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/mailbox/mailbox_int.h"
#include "platform/accounts.h"

struct tmpl {
	const char *category, *agency, *subject, *content, *reply;
};

/* %s is a place name in subject and content. */
static const struct tmpl tmpls[] = {
	{"problem", "cgj", "%s路灯损坏多日无人维修", "%s一带路灯已经坏了两个多星期，晚上一片漆黑，老人孩子出行很不安全，希望尽快修复。",
	 "经核查，%s共有 6 盏路灯因线路老化损坏，我局已于接件后 3 日内完成线路更换，路灯已恢复照明。"},
	{"problem", "jtj", "%s村道坑洼严重影响出行", "%s通往镇上的村道坑洼不平，雨天积水严重，农用车和电动车经常陷车，请求修补。",
	 "我局已会同乡镇对%s村道进行现场查看，已列入本年度农村公路养护计划，坑塘修补工程已完成。"},
	{"problem", "slj", "%s农村饮水水压不足", "%s最近一个月自来水水压很低，高处的住户基本放不出水，影响日常生活。",
	 "经排查，%s供水管网存在漏点，县水务公司已完成抢修并加装增压设施，水压已恢复正常。"},
	{"problem", "zjj", "%s小区电梯频繁故障", "%s小区 3 号楼电梯一个月内停运四次，物业推诿不修，老人上下楼困难。",
	 "我局已约谈%s小区物业公司，责令其限期维修，电梯已经特种设备检验合格后恢复运行。"},
	{"problem", "wjj", "%s卫生院夜间无医生值班", "%s卫生院晚上经常没有医生，家里老人半夜发病只能往县城跑。",
	 "经调查，%s卫生院存在夜间值班安排不落实问题，已责令整改并建立值班巡查制度，对相关责任人予以批评教育。"},
	{"problem", "nyj", "%s秸秆焚烧烟雾呛人", "%s每到傍晚就有人焚烧秸秆，烟雾很大，影响呼吸和交通安全。",
	 "我局已会同所在乡镇加强秸秆禁烧巡查，推广秸秆还田和离田利用，并对当事人进行了劝导教育。"},
	{"problem", "mzj", "咨询%s低保申请为何迟迟未批", "我家住%s，去年 10 月申请低保，至今没有结果，也没人告知进度。",
	 "经核查，您的低保申请因家庭收入核对材料不全暂缓审批，民政所已电话告知需补充的材料，补齐后 15 个工作日内办结。"},
	{"problem", "ybj", "%s异地就医报销手续繁琐", "%s的父亲在省城住院，回来报销要跑好几趟，材料要求反复变化。",
	 "您反映的问题已收悉，异地就医已可通过国家医保服务平台线上备案，直接结算，我局已安排工作人员电话指导您办理。"},
	{"complaint", "hbj", "%s餐馆油烟扰民", "%s一家烧烤店油烟直排，噪音大到凌晨，多次与店主沟通无果。",
	 "经现场检查，该店未安装油烟净化设施，我局已依法责令限期改正，目前已安装净化设备并调整营业时间。"},
	{"complaint", "rsj", "%s工地拖欠农民工工资", "我们在%s工地干了半年，包工头拖欠工资 8 万多元，春节前一直没结。",
	 "我局劳动保障监察大队已立案调查，责令施工单位支付拖欠工资，目前工资已全部发放到位。"},
	{"complaint", "jyj", "%s校外培训机构退费难", "孩子在%s一家培训机构报了课，机构停课后拒绝退费，涉及 30 多个家庭。",
	 "我局已会同市场监管部门约谈该培训机构，督促其制定退费方案，目前已为 32 名学生办理退费。"},
	{"complaint", "scj", "%s药店销售过期药品", "在%s一家药店买的感冒药已经过期三个月，店员拒绝退换。",
	 "经执法人员现场检查，该药店确有销售过期药品行为，我局已依法立案查处，没收过期药品并处罚款。"},
	{"complaint", "scj", "%s农贸市场缺斤短两", "%s农贸市场有摊贩使用作弊电子秤，买两斤少二两。",
	 "我局已对%s农贸市场开展计量专项检查，查处作弊电子秤 4 台，并设立公平秤供群众复核。"},
	{"complaint", "zjj", "%s建筑工地夜间施工噪音扰民", "%s一处工地连续多日夜间施工到凌晨两点，严重影响休息。",
	 "经查，该工地未办理夜间施工许可，我局已责令立即停止夜间施工，并纳入重点巡查名单。"},
	{"complaint", "cgj", "%s占道经营堵塞交通", "%s学校门口早晚有大量流动摊贩占道经营，接送孩子很危险。",
	 "我局已在%s学校周边设立临时疏导点，安排执法队员上下学时段定点值守，占道经营已明显改善。"},
	{"complaint", "zrj", "%s有人在耕地上违建厂房", "%s有人在基本农田上私自建设厂房，已经打好地基。",
	 "经现场核查，反映情况属实，我局已依法下达责令停止违法行为通知书并立案查处，违建已拆除并复耕。"},
	{"complaint", "gaj", "%s深夜飙车扰民", "%s滨河路每到深夜就有改装摩托车飙车，轰鸣声很大。",
	 "我局交警大队已在%s滨河路开展夜间专项整治，查处非法改装摩托车 12 辆，并增设测速设备。"},
	{"complaint", "yjj", "%s小作坊存在安全隐患", "%s一处居民楼底层开设了烟花爆竹存放点，存在很大的安全隐患。",
	 "我局已联合属地乡镇对该处进行检查，依法查扣非法储存的烟花爆竹，并对当事人作出处理。"},
	{"suggestion", "zjj", "建议在%s增设公共停车场", "%s车辆越来越多，停车难问题突出，建议利用闲置地块建设公共停车场。",
	 "感谢您的建议。我局已将%s公共停车场建设列入明年城建计划，选址论证工作正在进行。"},
	{"suggestion", "wlj", "建议延长县图书馆开放时间", "县图书馆周一闭馆、平时下午五点关门，上班族根本没时间去，建议延长开放时间。",
	 "感谢您的建议。自下月起，县图书馆将于周二至周日延长开放至晚上八点，并开设自助借还服务。"},
	{"suggestion", "jtj", "建议增加%s城乡公交班次", "%s到县城的公交车一小时一班，早晚高峰很挤，建议加密班次。",
	 "经客流调查，我局已协调公交公司在早晚高峰时段将%s线路发车间隔缩短至 30 分钟。"},
	{"suggestion", "ybj", "建议简化医保报销流程", "建议医保报销材料实行一次告知、一窗受理，减少群众跑腿。",
	 "感谢您的建议。我局已推行医保报销“一次告知、一窗通办”，并在各乡镇便民服务中心设立医保服务站。"},
	{"suggestion", "lyj", "建议在%s加强森林防火宣传", "%s山林多，清明前后上坟烧纸的人多，建议加强防火宣传和巡查。",
	 "感谢您的建议。我局已在%s增设防火检查站和宣传牌，清明期间安排专职护林员巡山。"},
	{"suggestion", "swj", "建议在%s建设便民菜市场", "%s周边没有正规菜市场，居民买菜要走很远，建议规划建设便民市场。",
	 "感谢您的建议。我局已会同自然资源部门对%s便民市场选址进行论证，拟于明年启动建设。"},
	{"suggestion", "fgj", "建议公开%s重点项目进展", "%s的几个重点项目开工后就没有消息了，建议定期公开进展。",
	 "感谢您的建议。县重点项目进展情况已在县政府网站“重点项目”专栏按季度公开。"},
	{"other", "ybj", "咨询新生儿医保参保办理流程", "孩子刚出生，想问一下新生儿医保在哪里办、需要什么材料。",
	 "新生儿可凭出生医学证明和户口簿在县政务服务中心医保窗口或手机“赣服通”等平台办理参保，出生 90 日内参保的自出生之日起享受待遇。"},
	{"other", "rsj", "咨询灵活就业人员社保缴费", "我是灵活就业人员，想了解养老保险缴费档次和缴费方式。",
	 "灵活就业人员可按当地社平工资的 60%%至 300%%自主选择缴费基数，可通过银行代扣或线上平台缴费，详细可咨询 12333。"},
	{"other", "czj", "咨询%s惠农补贴发放时间", "%s今年的耕地地力保护补贴什么时候发？",
	 "2026 年耕地地力保护补贴已于 6 月底前通过“一卡通”发放到户，您可持本人“一卡通”到银行查询。"},
	{"other", "mzj", "咨询%s养老服务补贴申请条件", "家里老人 82 岁，住在%s，想问能不能申请养老服务补贴。",
	 "80 周岁以上经济困难老年人可申请养老服务补贴，请携带身份证、户口簿到%s民政所提出申请。"},
	{"problem", "qsz", "%s垃圾清运不及时", "%s垃圾桶经常满了好几天没人清运，夏天气味很大。",
	 "镇政府已调整%s垃圾清运线路，实行每日清运，并增设分类垃圾桶 20 个。"},
	{"problem", "cgz", "%s背街小巷积水", "%s背街小巷一下雨就积水，排水沟堵塞多年。",
	 "镇政府已组织对%s排水沟进行清淤疏通，并将改造工程列入老旧小区改造项目。"},
	{"problem", "lhx", "%s灌溉水渠年久失修", "%s的灌溉水渠渗漏严重，影响春耕用水。",
	 "乡政府已会同县水利局对%s水渠进行修缮，渗漏段已完成防渗处理。"},
	{"complaint", "dhjd", "%s广场舞噪音扰民", "%s广场每晚广场舞音响开得很大，持续到十点以后。",
	 "街道已与%s广场舞团队负责人沟通，约定音量限制和结束时间，并安装噪声监测显示屏。"},
	{"suggestion", "sqz", "建议在%s增设健身器材", "%s没有健身场所，建议在村委会附近增设健身器材。",
	 "感谢您的建议。镇政府已在%s村委会广场安装健身器材 12 件，已投入使用。"},
};

static const char *const places[] = {
	"城关镇幸福小区", "东湖街道滨河路", "青山镇中心村", "石桥镇老街", "龙泉镇龙泉村", "柳河乡柳河村",
	"白沙乡白沙村", "城关镇解放路", "东湖街道东湖花园", "青山镇工业园", "石桥镇石桥中学", "城关镇人民路",
	"龙泉镇新区", "东湖街道锦绣家园", "柳河乡新农村社区",
};

static const char *const surnames[] = {"王", "李", "张", "刘", "陈", "杨", "黄", "赵", "吴", "周",
				       "徐", "孙", "马", "朱", "胡", "郭", "何", "高", "林", "罗"};
static const char *const given[] = {"伟", "芳", "娜", "敏", "静", "磊", "洋", "艳", "勇", "军",
				    "杰", "娟", "涛", "明", "超", "秀兰", "霞", "平", "刚", "桂英"};

static unsigned long long rng = 0x2545F4914F6CDD1DULL;

static unsigned rnd(unsigned n)
{
	rng ^= rng << 13;
	rng ^= rng >> 7;
	rng ^= rng << 17;
	return (unsigned)(rng % n);
}

enum step_kind { S_SUBMIT, S_ASSIGN, S_RETURN, S_REPLY, S_REJECT, S_APPROVE, S_PUBLISH, S_CLOSE };

struct step {
	int day;
	int seq; /* order within a letter */
	int letter;
	enum step_kind kind;
};

struct letter {
	const struct tmpl *t;
	const char *place;
	int received;
	bool publish_ok;
	int64_t case_id;
	bool wrong_agency; /* first assigned to the wrong agency, which returns it */
};

static int cmp_step(const void *a, const void *b)
{
	const struct step *x = a, *y = b;
	if (x->day != y->day)
		return x->day - y->day;
	if (x->letter != y->letter)
		return x->letter - y->letter;
	return x->seq - y->seq;
}

static int workdays_after(struct fz_ctx *ctx, int day, int n)
{
	int out;
	return fz_calendar_add_workdays(ctx->cal, day, n, &out) == FZ_OK ? out : day + n;
}

static enum fz_code act(struct fz_ctx *ctx, struct letter *l, const char *action, json_t *body,
			struct fz_err *err)
{
	struct fz_case_row c;
	const struct fz_user *who = ctx->user;
	struct fz_user legal;
	/* Read the version as the legal office, which sees every case. */
	fz_user_load(ctx->db, "legal", &legal);
	ctx->user = &legal;
	enum fz_code rc = fz_case_load(ctx, l->case_id, false, &c, err);
	ctx->user = who;
	if (rc) {
		json_decref(body);
		return rc;
	}
	json_object_set_new(body, "version", json_integer(c.version));
	rc = fz_case_act(ctx, l->case_id, action, body, err);
	json_decref(body);
	return rc;
}

static const char *wrong_agency(const char *right)
{
	return strcmp(right, "zjj") == 0 ? "cgj" : "zjj";
}

static int64_t agency_id(struct fz_ctx *ctx, const char *code)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT agency_id FROM agency WHERE code = ?",
					 "t", code);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

enum fz_code fz_mailbox_demo(struct fz_ctx *ctx, struct fz_err *err)
{
	const int nletters = 460;
	int today = ctx->today, start = today - 364;
	struct letter *ls = calloc((size_t)nletters, sizeof *ls);
	struct step *steps = calloc((size_t)nletters * 10, sizeof *steps);
	size_t ns = 0;
	enum fz_code rc = FZ_OK;
	if (!ls || !steps) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto out;
	}
	for (int i = 0; i < nletters; i++) {
		struct letter *l = &ls[i];
		l->t = &tmpls[rnd(sizeof tmpls / sizeof tmpls[0])];
		l->place = places[rnd(sizeof places / sizeof places[0])];
		/* Spread over the year; a non-working day keeps a letter only half the time. */
		int d;
		bool w = false;
		do {
			d = start + (int)rnd(365);
			fz_calendar_is_workday(ctx->cal, d, &w);
		} while (!w && rnd(2));
		l->received = d;
		l->publish_ok = rnd(100) < 65;
		l->wrong_agency = rnd(100) < 5;
		int seq = 0;
		steps[ns++] = (struct step){d, seq++, i, S_SUBMIT};
		if (rnd(100) < 3) {
			steps[ns++] = (struct step){workdays_after(ctx, d, 1), seq++, i, S_CLOSE};
			continue;
		}
		int late_assign = rnd(100) < 8;
		int a = workdays_after(ctx, d, late_assign ? 3 + (int)rnd(2) : (int)rnd(3));
		steps[ns++] = (struct step){a, seq++, i, S_ASSIGN};
		if (l->wrong_agency) {
			int r = workdays_after(ctx, a, 1 + (int)rnd(2));
			steps[ns++] = (struct step){r, seq++, i, S_RETURN};
			a = workdays_after(ctx, r, 1);
			steps[ns++] = (struct step){a, seq++, i, S_ASSIGN};
		}
		bool late = rnd(100) < 10;
		int rep = workdays_after(ctx, a, late ? 13 + (int)rnd(8) : 3 + (int)rnd(9));
		steps[ns++] = (struct step){rep, seq++, i, S_REPLY};
		if (rnd(100) < 8) {
			int rj = workdays_after(ctx, rep, 1);
			steps[ns++] = (struct step){rj, seq++, i, S_REJECT};
			rep = workdays_after(ctx, rj, 2);
			steps[ns++] = (struct step){rep, seq++, i, S_REPLY};
		}
		int ap = workdays_after(ctx, rep, (int)rnd(2));
		steps[ns++] = (struct step){ap, seq++, i, S_APPROVE};
		if (l->publish_ok && rnd(100) < 85)
			steps[ns++] = (struct step){workdays_after(ctx, ap, (int)rnd(3)), seq++, i, S_PUBLISH};
	}
	qsort(steps, ns, sizeof *steps, cmp_step);

	struct fz_user legal, legalhead;
	if (!fz_user_load(ctx->db, "legal", &legal) || !fz_user_load(ctx->db, "legalhead", &legalhead)) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "缺少演示账号 legal / legalhead");
		goto out;
	}
	const struct fz_calendar *cal = ctx->cal;
	int done = 0;
	if ((rc = fz_db_begin(ctx->db, err)))
		goto out;
	for (size_t k = 0; k < ns && !rc; k++) {
		struct step *s = &steps[k];
		if (s->day > today)
			continue;
		struct letter *l = &ls[s->letter];
		ctx->today = s->day;
		ctx->now = (int64_t)s->day * 86400 - 8 * 3600 + 9 * 3600 + (int64_t)rnd(8 * 3600);
		ctx->cal = cal;
		char subject[256], content[1024], reply[1024], username[48];
		snprintf(subject, sizeof subject, l->t->subject, l->place);
		snprintf(content, sizeof content, l->t->content, l->place);
		snprintf(reply, sizeof reply, l->t->reply, l->place);
		struct fz_user clerk;
		const char *agency = l->t->agency;
		if (l->wrong_agency && s->kind == S_RETURN)
			agency = wrong_agency(l->t->agency);
		snprintf(username, sizeof username, "%s.clerk", agency);
		fz_user_load(ctx->db, username, &clerk);
		switch (s->kind) {
		case S_SUBMIT: {
			char name[16], phone[16];
			snprintf(name, sizeof name, "%s%s", surnames[rnd(20)], given[rnd(20)]);
			snprintf(phone, sizeof phone, "1%u%09u", 3 + rnd(7), rnd(1000000000));
			struct fz_letter in = {name, phone, l->t->category, subject, content,
					       l->publish_ok, s->day, 0};
			ctx->user = NULL;
			ctx->client = "demo";
			struct fz_case_row c;
			rc = fz_mailbox_submit(ctx, &in, &c, err);
			l->case_id = c.case_id;
			ctx->client = NULL;
			break;
		}
		case S_ASSIGN: {
			ctx->user = &legal;
			/* The first assignment of a misrouted letter goes to the wrong agency. */
			bool first = l->wrong_agency && s->seq == 1;
			const char *to = first ? wrong_agency(l->t->agency) : l->t->agency;
			rc = act(ctx, l, "assign",
				 json_pack("{s:I, s:s}", "agency_id", (json_int_t)agency_id(ctx, to),
					   "opinion", "请按职责办理，按时答复。"),
				 err);
			break;
		}
		case S_RETURN:
			ctx->user = &clerk;
			rc = act(ctx, l, "return",
				 json_pack("{s:s}", "reason", "该事项不属于我单位职责范围，请重新分办。"), err);
			break;
		case S_REPLY:
			ctx->user = &clerk;
			rc = act(ctx, l, "reply",
				 json_pack("{s:s}", "reply_text",
					   fz_arena_printf(ctx->arena,
							   "您好！您的来信已收悉。%s感谢您对我县工作的关心和支持。",
							   reply)),
				 err);
			break;
		case S_REJECT:
			ctx->user = &legalhead;
			rc = act(ctx, l, "reject",
				 json_pack("{s:s}", "reason", "答复内容需写明办理结果和依据，请补充后重新提交。"),
				 err);
			break;
		case S_APPROVE:
			ctx->user = rnd(2) ? &legal : &legalhead;
			rc = act(ctx, l, "approve", json_pack("{s:s}", "opinion", "同意答复。"), err);
			break;
		case S_PUBLISH:
			ctx->user = &legal;
			rc = act(ctx, l, "publish", json_object(), err);
			break;
		case S_CLOSE:
			ctx->user = &legal;
			rc = act(ctx, l, "close",
				 json_pack("{s:s}", "reason", "来信内容与此前来信重复，已按重复件处理。"), err);
			break;
		}
		done++;
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	ctx->user = NULL;
	fz_ctx_set_time(ctx);
	if (!rc)
		printf("县长信箱：%d 封来信，%d 个办理步骤\n", nletters, done);
out:
	free(ls);
	free(steps);
	return rc;
}

enum fz_code fz_mailbox_generate(struct fz_ctx *ctx, long count, const int64_t *agencies,
				 size_t nagencies, struct fz_err *err)
{
	/* Letters received over the last 40 days, so open clocks are a mix of green, yellow and red. */
	int today = ctx->today;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	for (long i = 0; i < count && !rc; i++) {
		const struct tmpl *t = &tmpls[rnd(sizeof tmpls / sizeof tmpls[0])];
		const char *place = places[rnd(sizeof places / sizeof places[0])];
		char subject[256], content[1024], name[16];
		snprintf(subject, sizeof subject, t->subject, place);
		snprintf(content, sizeof content, t->content, place);
		snprintf(name, sizeof name, "%s%s", surnames[rnd(20)], given[rnd(20)]);
		int d = today - (int)rnd(40);
		ctx->now = (int64_t)d * 86400 - 8 * 3600 + 9 * 3600 + (int64_t)rnd(8 * 3600);
		struct fz_letter in = {name, "13800000000", t->category, subject, content, rnd(2), d,
				       agencies[rnd((unsigned)nagencies)]};
		struct fz_case_row c;
		rc = fz_mailbox_submit(ctx, &in, &c, err);
		fz_arena_cleanup(ctx->arena);
		if (!rc && (i + 1) % 20000 == 0) {
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
	fz_ctx_set_time(ctx);
	return rc;
}
