/*
 * petition_flow.c - the petition procedure (信访工作条例 2022) declared as
 * data: states, the clocks with their articles, the transitions and guards.
 *
 * A petition belongs to the body that registered it (the county government's
 * petition office, or a township); the agency it is routed to (转送 / 交办,
 * 第22条) shares it (the kind's shares) and keeps the acceptance and handling
 * clocks (party clocks, charged to it in supervision).
 */
#include "modules/petition/petition_int.h"

#include "modules/petition/petition.h"
#include "platform/jobs.h"
#include "platform/settings.h"

const struct fz_option fz_petition_channels[] = {
    {"visit", "来访"},	    {"letter", "来信"},	      {"phone", "电话"},
    {"online", "网上信访"}, {"hotline", "12345热线"}, {"mailbox", "县长信箱转入"},
    {NULL, NULL},
};

const struct fz_option fz_petition_matters[] = {
    {"land", "土地征收"},   {"housing", "城乡建设"},
    {"labour", "劳动社保"}, {"environment", "生态环境"},
    {"law", "政法"},	    {"agriculture", "农村农业"},
    {"market", "市场监管"}, {"traffic", "交通运输"},
    {"health", "卫生健康"}, {"education", "教育"},
    {"civil", "民政"},	    {"other", "其他"},
    {NULL, NULL},
};

/* 第32条: the handling opinion's three outcomes. */
const struct fz_option fz_petition_outcomes[] = {
    {"support", "支持"},
    {"explain", "解释说明"},
    {"reject", "不予支持"},
    {NULL, NULL},
};

const struct fz_option fz_petition_ratings[] = {
    {"satisfied", "满意"},
    {"basic", "基本满意"},
    {"dissatisfied", "不满意"},
    {NULL, NULL},
};

static const struct fz_option route_kinds[] = {
    {"transfer", "转送"},
    {"assign", "交办"},
    {NULL, NULL},
};

#define PERSON                                                                                     \
	{.name = "name",                                                                           \
	 .label = "信访人姓名",                                                                    \
	 .type = FZ_IN_TEXT,                                                                       \
	 .required = true,                                                                         \
	 .max_chars = 30},                                                                         \
	    {.name = "id_number",                                                                  \
	     .label = "身份证号码",                                                                \
	     .type = FZ_IN_TEXT,                                                                   \
	     .required = true,                                                                     \
	     .max_chars = 18},                                                                     \
	    {.name = "phone",                                                                      \
	     .label = "联系电话",                                                                  \
	     .type = FZ_IN_TEXT,                                                                   \
	     .required = true,                                                                     \
	     .max_chars = 20},                                                                     \
	    {.name = "address", .label = "住址", .type = FZ_IN_TEXT, .max_chars = 100},            \
	    {.name = "matter_type",                                                                \
	     .label = "事项类别",                                                                  \
	     .type = FZ_IN_SELECT,                                                                 \
	     .required = true,                                                                     \
	     .options = fz_petition_matters},                                                      \
	    {.name = "subject",                                                                    \
	     .label = "信访事项",                                                                  \
	     .type = FZ_IN_TEXT,                                                                   \
	     .required = true,                                                                     \
	     .max_chars = 100},                                                                    \
	{                                                                                          \
		.name = "content", .label = "诉求内容", .type = FZ_IN_TEXTAREA, .required = true,  \
		.max_chars = 5000                                                                  \
	}

/* What the public submits on the portal (网上信访). */
const struct fz_input fz_petition_public_inputs[] = {
    PERSON,
    {.name = NULL},
};

/* What the petition office (or a township) registers from any channel. */
const struct fz_input fz_petition_staff_inputs[] = {
    PERSON,
    {.name = "channel",
     .label = "信访渠道",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_petition_channels},
    {.name = "received_on", .label = "收到日期", .type = FZ_IN_DATE, .required = true},
    {.name = "order_number", .label = "工单编号", .type = FZ_IN_TEXT, .max_chars = 40},
    {.name = NULL},
};

static const struct fz_state states[] = {
    {"registered", "待转送交办", false}, {"routed", "待受理告知", false},
    {"accepted", "办理中", false},	 {"replied", "已出具处理意见", false},
    {"reviewing", "复查中", false},	 {"reviewed", "已复查", false},
    {"rechecking", "复核中", false},	 {"closed", "已办结", true},
    {"final", "复核终结", true},	 {"not_accepted", "不予受理", true},
    {"duplicate", "重复信访", true},	 {NULL, NULL, false},
};

static const struct fz_clock_def clocks[] = {
    {.name = "route",
     .label = "转送交办期限",
     .unit = FZ_UNIT_CD,
     .days = 15,
     .article = "《信访工作条例》第二十二条：收到信访事项之日起 15 日内转送、交办",
     .cite = "《信访工作条例》第二十二条",
     .step = "registered"},
    {.name = "accept",
     .label = "受理告知期限",
     .unit = FZ_UNIT_CD,
     .days = 15,
     .article = "《信访工作条例》第二十三条：收到转送、交办的信访事项之日起 15 日内告知是否受理",
     .cite = "《信访工作条例》第二十三条",
     .step = "routed",
     .party = true},
    {.name = "objection",
     .label = "职责异议期限",
     .unit = FZ_UNIT_WD,
     .days = 5,
     .days_setting = "petition.objection_days",
     .article =
	 "地方规定（设置项“信访职责异议期限”）：认为不属于本机关职责的，收到转送交办之日起 5 "
	 "个工作日内提出异议",
     .cite = "信访职责异议期限",
     .step = "routed",
     .party = true},
    {.name = "handle",
     .label = "办理期限",
     .unit = FZ_UNIT_CD,
     .days = 60,
     .article =
	 "《信访工作条例》第三十四条：自受理之日起 60 日内办结；情况复杂的，经本机关负责人批准可以"
	 "适当延长，延长期限不得超过 30 日，并告知信访人延期理由",
     .cite = "《信访工作条例》第三十四条",
     .step = "accepted",
     .max_extension = 30,
     .max_extensions = 1,
     .party = true},
    {
	.name = "review_request",
	.label = "复查申请期限",
	.unit = FZ_UNIT_CD,
	.days = 30,
	.article =
	    "《信访工作条例》第三十五条：信访人对处理意见不服的，可以自收到书面答复之日起 30 "
	    "日内请求上一级机关复查",
	.cite = "《信访工作条例》第三十五条",
	.step = "replied",
    },
    {.name = "review",
     .label = "复查期限",
     .unit = FZ_UNIT_CD,
     .days = 30,
     .article = "《信访工作条例》第三十五条：收到复查请求之日起 30 日内提出复查意见",
     .cite = "《信访工作条例》第三十五条",
     .step = "reviewing"},
    {
	.name = "recheck_request",
	.label = "复核申请期限",
	.unit = FZ_UNIT_CD,
	.days = 30,
	.article =
	    "《信访工作条例》第三十六条：信访人对复查意见不服的，可以自收到书面意见之日起 30 "
	    "日内向复查机关的上一级机关请求复核",
	.cite = "《信访工作条例》第三十六条",
	.step = "reviewed",
    },
    {.name = "recheck",
     .label = "复核期限",
     .unit = FZ_UNIT_CD,
     .days = 30,
     .article = "《信访工作条例》第三十六条：收到复核请求之日起 30 "
		"日内提出复核意见；举行听证的，听证所需时间"
		"不计算在内",
     .cite = "《信访工作条例》第三十六条",
     .step = "rechecking"},
    {.name = NULL},
};

#define STAFF  (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define OFFICE (FZ_ROLE_AGENCY_HEAD | FZ_ROLES_LEGAL)
#define REASON(lbl)                                                                                \
	{                                                                                          \
		.name = "reason", .label = lbl, .type = FZ_IN_TEXTAREA, .required = true,          \
		.max_chars = 1000                                                                  \
	}
#define RATED_STATES                                                                               \
	{                                                                                          \
		"replied", "reviewed", "closed", "final"                                           \
	}

static const struct fz_transition transitions[] = {
    {.name = "route",
     .label = "转送交办",
     .from = {"registered"},
     .to = "routed",
     .roles = STAFF,
     .inputs =
	 {{.name = "agency_id", .label = "办理机关", .type = FZ_IN_AGENCY, .required = true},
	  {.name = "route_kind",
	   .label = "方式",
	   .type = FZ_IN_SELECT,
	   .required = true,
	   .options = route_kinds},
	  {.name = "opinion", .label = "转送交办意见", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "route"},
		 {.op = FZ_CLK_START, .clock = "accept"},
		 {.op = FZ_CLK_START, .clock = "objection"}},
     .article = "《信访工作条例》第二十二条",
     .note_input = "opinion"},
    {.name = "object",
     .label = "提出职责异议",
     .from = {"routed"},
     .to = "registered",
     .roles = STAFF,
     .inputs = {REASON("异议理由")},
     .effects = {{.op = FZ_CLK_STOP, .clock = "accept"},
		 {.op = FZ_CLK_STOP, .clock = "objection"},
		 {.op = FZ_CLK_START, .clock = "route"}},
     .before_clock = "objection",
     .note_input = "reason"},
    {.name = "accept",
     .label = "受理并告知",
     .from = {"routed"},
     .to = "accepted",
     .roles = STAFF,
     .inputs = {{.name = "notice", .label = "告知内容", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "accept"},
		 {.op = FZ_CLK_STOP, .clock = "objection"},
		 {.op = FZ_CLK_START, .clock = "handle"}},
     .article = "《信访工作条例》第二十三条、第三十四条",
     .note_input = "notice"},
    {.name = "refuse",
     .label = "不予受理并告知",
     .from = {"registered", "routed"},
     .to = "not_accepted",
     .roles = STAFF,
     .inputs = {REASON("不予受理理由")},
     .effects = {{.op = FZ_CLK_STOP, .clock = "route"},
		 {.op = FZ_CLK_STOP, .clock = "accept"},
		 {.op = FZ_CLK_STOP, .clock = "objection"}},
     .article = "《信访工作条例》第二十三条",
     .note_input = "reason"},
    {.name = "extend",
     .label = "延长办理期限",
     .from = {"accepted"},
     .to = NULL,
     .roles = FZ_ROLE_AGENCY_HEAD,
     .inputs = {{.name = "days",
		 .label = "延长天数",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 1,
		 .max = 30},
		REASON("延期理由（告知信访人）")},
     .effects = {{.op = FZ_CLK_EXTEND, .clock = "handle", .arg = "days"}},
     .article = "《信访工作条例》第三十四条",
     .note_input = "reason",
     .before_clock = "handle"},
    {.name = "reply",
     .label = "出具书面处理意见",
     .from = {"accepted"},
     .to = "replied",
     .roles = STAFF,
     .inputs = {{.name = "outcome",
		 .label = "处理意见",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_petition_outcomes},
		{.name = "opinion",
		 .label = "处理意见书正文",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 5000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "handle"},
		 {.op = FZ_CLK_START, .clock = "review_request"}},
     .article = "《信访工作条例》第三十二条、第三十四条"},
    {.name = "request_review",
     .label = "登记复查请求",
     .from = {"replied"},
     .to = "reviewing",
     .roles = STAFF | FZ_ROLES_LEGAL,
     .inputs = {REASON("复查请求")},
     .effects = {{.op = FZ_CLK_STOP, .clock = "review_request"},
		 {.op = FZ_CLK_START, .clock = "review"}},
     .before_clock = "review_request",
     .article = "《信访工作条例》第三十五条",
     .note_input = "reason"},
    {.name = "review_opinion",
     .label = "出具复查意见",
     .from = {"reviewing"},
     .to = "reviewed",
     .roles = STAFF | FZ_ROLES_LEGAL,
     .inputs = {{.name = "outcome",
		 .label = "复查意见",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_petition_outcomes},
		{.name = "opinion",
		 .label = "复查意见书正文",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 5000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "review"},
		 {.op = FZ_CLK_START, .clock = "recheck_request"}},
     .article = "《信访工作条例》第三十五条"},
    {.name = "request_recheck",
     .label = "登记复核请求",
     .from = {"reviewed"},
     .to = "rechecking",
     .roles = STAFF | FZ_ROLES_LEGAL,
     .inputs = {REASON("复核请求")},
     .effects = {{.op = FZ_CLK_STOP, .clock = "recheck_request"},
		 {.op = FZ_CLK_START, .clock = "recheck"}},
     .before_clock = "recheck_request",
     .article = "《信访工作条例》第三十六条",
     .note_input = "reason"},
    {.name = "hearing_start",
     .label = "举行听证（复核期限中止）",
     .from = {"rechecking"},
     .to = NULL,
     .roles = STAFF | FZ_ROLES_LEGAL,
     .inputs = {{.name = "note", .label = "听证安排", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_PAUSE, .clock = "recheck"}},
     .when = {{.field = "hearing", .is_not = "true", .rule = "听证正在进行，不能重复开始"}},
     .article = "《信访工作条例》第三十六条",
     .note_input = "note"},
    {.name = "hearing_end",
     .label = "听证结束（复核期限恢复）",
     .from = {"rechecking"},
     .to = NULL,
     .roles = STAFF | FZ_ROLES_LEGAL,
     .inputs = {{.name = "note", .label = "听证情况", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_RESUME, .clock = "recheck"}},
     .when = {{.field = "hearing", .is = "true", .rule = "没有正在进行的听证"}},
     .article = "《信访工作条例》第三十六条",
     .note_input = "note"},
    {.name = "recheck_opinion",
     .label = "出具复核意见（终结）",
     .from = {"rechecking"},
     .to = "final",
     .roles = STAFF | FZ_ROLES_LEGAL,
     .inputs = {{.name = "outcome",
		 .label = "复核意见",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_petition_outcomes},
		{.name = "opinion",
		 .label = "复核意见书正文",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 5000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "recheck"}},
     .when = {{.field = "hearing", .is_not = "true", .rule = "听证尚未结束，不能出具复核意见"}},
     .article =
	 "《信访工作条例》第三十六条：复核意见为最终意见，信访人仍以同一事实和理由提出的不再受理"},
    {.name = "conclude",
     .label = "办结（未请求复查）",
     .from = {"replied"},
     .to = "closed",
     .roles = STAFF,
     .effects = {{.op = FZ_CLK_STOP, .clock = "review_request"}},
     .after_clock = "review_request",
     .article = "《信访工作条例》第三十五条"},
    {.name = "conclude_review",
     .label = "办结（未请求复核）",
     .from = {"reviewed"},
     .to = "closed",
     .roles = STAFF | FZ_ROLES_LEGAL,
     .effects = {{.op = FZ_CLK_STOP, .clock = "recheck_request"}},
     .after_clock = "recheck_request",
     .article = "《信访工作条例》第三十六条"},
    /*
     * The request period ran out in silence (第35条, 第36条): the program closes the
     * case as of the period's last day (fz_petition_conclude_lapsed, the module's
     * job, run at start and hourly); the office's manual steps above stay for a
     * case the job has not reached yet.
     */
    {.name = "lapse_review",
     .label = "复查申请期限届满未请求复查，办结",
     .from = {"replied"},
     .to = "closed",
     .system = true,
     .inputs = {{.name = "ended_on",
		 .label = "复查申请期限届满之日",
		 .type = FZ_IN_DATE,
		 .required = true},
		{.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "review_request", .arg = "ended_on"}},
     .after_clock = "review_request",
     .note_input = "note",
     .article = "《信访工作条例》第三十五条"},
    {.name = "lapse_recheck",
     .label = "复核申请期限届满未请求复核，办结",
     .from = {"reviewed"},
     .to = "closed",
     .system = true,
     .inputs = {{.name = "ended_on",
		 .label = "复核申请期限届满之日",
		 .type = FZ_IN_DATE,
		 .required = true},
		{.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "recheck_request", .arg = "ended_on"}},
     .after_clock = "recheck_request",
     .note_input = "note",
     .article = "《信访工作条例》第三十六条"},
    {.name = "rate",
     .label = "记录信访人评价",
     .from = RATED_STATES,
     .to = NULL,
     .roles = STAFF,
     .inputs = {{.name = "rating",
		 .label = "满意度",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_petition_ratings}}},
    /* The petitioner's own rating with the tracking code (the portal). */
    {.name = "public_rate",
     .label = "信访人网上评价",
     .from = RATED_STATES,
     .to = NULL,
     .system = true,
     .inputs = {{.name = "rating",
		 .label = "满意度",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_petition_ratings}}},
    {.name = "reopen",
     .label = "决定重新办理",
     .from = RATED_STATES,
     .to = "accepted",
     .roles = OFFICE,
     .inputs = {REASON("重新办理理由")},
     .effects = {{.op = FZ_CLK_STOP, .clock = "review_request"},
		 {.op = FZ_CLK_STOP, .clock = "recheck_request"},
		 {.op = FZ_CLK_RESTART, .clock = "handle"}},
     .when = {{.field = "rating",
	       .is = "dissatisfied",
	       .rule = "信访人评价为不满意的，才能由信访工作机构决定重新办理"}},
     .note_input = "reason"},
    /* Registration finds the same matter in progress (第19条): linked, not counted. */
    {.name = "mark_duplicate",
     .label = "重复信访",
     .from = {"registered"},
     .to = "duplicate",
     .system = true,
     .inputs = {{.name = "duplicate_of",
		 .label = "原信访件",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 1,
		 .max = 2147483647L},
		{.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "route"}},
     .note_input = "note",
     .article = "《信访工作条例》第十九条"},
    {.name = NULL},
};

const struct fz_case_type fz_petition_type = {
    .name = "petition",
    .label = "信访事项",
    .number_code = "访",
    .states = states,
    .transitions = transitions,
    .clocks = clocks,
    .initial_state = "registered",
    .on_create = {{.op = FZ_CLK_START, .clock = "route"}},
    .create_label = "信访登记",
};

static const struct fz_case_kind petition_kinds[] = {
    {.type = &fz_petition_type,
     .apply = fz_petition_apply,
     .fields = fz_petition_fields,
     .shares = "SELECT case_id, handler_agency_id AS agency_id FROM petition"
	       " WHERE handler_agency_id IS NOT NULL"},
    {.type = NULL},
};

static const struct fz_setting_def petition_settings[] = {
    {"petition.objection_days", "信访职责异议期限（工作日）", 5, 1, 15,
     "办理机关认为转送交办的信访事项不属于本机关职责的，提出异议的期限（地方规定，默认 5 "
     "个工作日）"},
    {NULL, NULL, 0, 0, 0, NULL},
};

static enum fz_code lapse_job(struct fz_ctx *ctx, const char *period_key, struct fz_err *err)
{
	(void)period_key;
	int n = 0;
	return fz_petition_conclude_lapsed(ctx, &n, err);
}

static enum fz_code index_job(struct fz_ctx *ctx, const char *period_key, struct fz_err *err)
{
	(void)period_key;
	long n = 0;
	return fz_petition_index_all(ctx, &n, err);
}

/* At start and hourly: a request period that ended yesterday closes its case in the first hour. */
static const struct fz_job petition_jobs[] = {
    {"petition.lapsed_requests", FZ_JOB_HOURLY, lapse_job},
    /* Petitions registered before the full-text index (petition-003): once, at the next start. */
    {"petition.search_index", FZ_JOB_HOURLY, index_job},
    {NULL, FZ_JOB_HOURLY, NULL},
};

const struct fz_module fz_petition_module = {
    .name = "petition",
    .label = "信访",
    .kinds = petition_kinds,
    .migrations = fz_petition_migrations,
    .settings = petition_settings,
    .jobs = petition_jobs,
    .routes = fz_petition_routes,
    .meta = fz_petition_meta,
    .figures = fz_petition_figures,
    .demo = &fz_petition_demo,
    .generate = fz_petition_generate,
};
