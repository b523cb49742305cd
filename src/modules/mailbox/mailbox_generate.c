/*
 * mailbox_generate.c - synthetic letters for benchmarks (`fazhi bench`): count
 * letters from templates, received over the last 40 days and spread over the
 * given agencies, so open clocks are a mix of green, yellow and red.
 * Deterministic: the same letters each run. The demo county's letters are
 * data files instead (demo folder, mailbox_demo_kinds.c).
 */
#include <stdio.h>

#include "modules/mailbox/mailbox_int.h"

struct tmpl {
	const char *category, *agency, *subject, *content;
};

/* %s is a place name in subject and content. */
static const struct tmpl tmpls[] = {
	{"problem", "cgj", "%s路灯损坏多日无人维修", "%s一带路灯已经坏了两个多星期，晚上一片漆黑，老人孩子出行很不安全，希望尽快修复。"},
	{"problem", "jtj", "%s村道坑洼严重影响出行", "%s通往镇上的村道坑洼不平，雨天积水严重，农用车和电动车经常陷车，请求修补。"},
	{"problem", "slj", "%s农村饮水水压不足", "%s最近一个月自来水水压很低，高处的住户基本放不出水，影响日常生活。"},
	{"problem", "zjj", "%s小区电梯频繁故障", "%s小区 3 号楼电梯一个月内停运四次，物业推诿不修，老人上下楼困难。"},
	{"problem", "wjj", "%s卫生院夜间无医生值班", "%s卫生院晚上经常没有医生，家里老人半夜发病只能往县城跑。"},
	{"problem", "nyj", "%s秸秆焚烧烟雾呛人", "%s每到傍晚就有人焚烧秸秆，烟雾很大，影响呼吸和交通安全。"},
	{"problem", "mzj", "咨询%s低保申请为何迟迟未批", "我家住%s，去年 10 月申请低保，至今没有结果，也没人告知进度。"},
	{"problem", "ybj", "%s异地就医报销手续繁琐", "%s的父亲在省城住院，回来报销要跑好几趟，材料要求反复变化。"},
	{"complaint", "hbj", "%s餐馆油烟扰民", "%s一家烧烤店油烟直排，噪音大到凌晨，多次与店主沟通无果。"},
	{"complaint", "rsj", "%s工地拖欠农民工工资", "我们在%s工地干了半年，包工头拖欠工资 8 万多元，春节前一直没结。"},
	{"complaint", "jyj", "%s校外培训机构退费难", "孩子在%s一家培训机构报了课，机构停课后拒绝退费，涉及 30 多个家庭。"},
	{"complaint", "scj", "%s药店销售过期药品", "在%s一家药店买的感冒药已经过期三个月，店员拒绝退换。"},
	{"complaint", "scj", "%s农贸市场缺斤短两", "%s农贸市场有摊贩使用作弊电子秤，买两斤少二两。"},
	{"complaint", "zjj", "%s建筑工地夜间施工噪音扰民", "%s一处工地连续多日夜间施工到凌晨两点，严重影响休息。"},
	{"complaint", "cgj", "%s占道经营堵塞交通", "%s学校门口早晚有大量流动摊贩占道经营，接送孩子很危险。"},
	{"complaint", "zrj", "%s有人在耕地上违建厂房", "%s有人在基本农田上私自建设厂房，已经打好地基。"},
	{"complaint", "gaj", "%s深夜飙车扰民", "%s滨河路每到深夜就有改装摩托车飙车，轰鸣声很大。"},
	{"complaint", "yjj", "%s小作坊存在安全隐患", "%s一处居民楼底层开设了烟花爆竹存放点，存在很大的安全隐患。"},
	{"suggestion", "zjj", "建议在%s增设公共停车场", "%s车辆越来越多，停车难问题突出，建议利用闲置地块建设公共停车场。"},
	{"suggestion", "wlj", "建议延长县图书馆开放时间", "县图书馆周一闭馆、平时下午五点关门，上班族根本没时间去，建议延长开放时间。"},
	{"suggestion", "jtj", "建议增加%s城乡公交班次", "%s到县城的公交车一小时一班，早晚高峰很挤，建议加密班次。"},
	{"suggestion", "ybj", "建议简化医保报销流程", "建议医保报销材料实行一次告知、一窗受理，减少群众跑腿。"},
	{"suggestion", "lyj", "建议在%s加强森林防火宣传", "%s山林多，清明前后上坟烧纸的人多，建议加强防火宣传和巡查。"},
	{"suggestion", "swj", "建议在%s建设便民菜市场", "%s周边没有正规菜市场，居民买菜要走很远，建议规划建设便民市场。"},
	{"suggestion", "fgj", "建议公开%s重点项目进展", "%s的几个重点项目开工后就没有消息了，建议定期公开进展。"},
	{"other", "ybj", "咨询新生儿医保参保办理流程", "孩子刚出生，想问一下新生儿医保在哪里办、需要什么材料。"},
	{"other", "rsj", "咨询灵活就业人员社保缴费", "我是灵活就业人员，想了解养老保险缴费档次和缴费方式。"},
	{"other", "czj", "咨询%s惠农补贴发放时间", "%s今年的耕地地力保护补贴什么时候发？"},
	{"other", "mzj", "咨询%s养老服务补贴申请条件", "家里老人 82 岁，住在%s，想问能不能申请养老服务补贴。"},
	{"problem", "qsz", "%s垃圾清运不及时", "%s垃圾桶经常满了好几天没人清运，夏天气味很大。"},
	{"problem", "cgz", "%s背街小巷积水", "%s背街小巷一下雨就积水，排水沟堵塞多年。"},
	{"problem", "lhx", "%s灌溉水渠年久失修", "%s的灌溉水渠渗漏严重，影响春耕用水。"},
	{"complaint", "dhjd", "%s广场舞噪音扰民", "%s广场每晚广场舞音响开得很大，持续到十点以后。"},
	{"suggestion", "sqz", "建议在%s增设健身器材", "%s没有健身场所，建议在村委会附近增设健身器材。"},
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
