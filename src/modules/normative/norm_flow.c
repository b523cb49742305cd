/*
 * norm_flow.c - the procedures of normative documents declared as data: the
 * drafting of a document (norm_doc) and the public's objection to one
 * (norm_objection); the local periods as settings; the module entry.
 *
 * Facts (spec statutory-rules §8; 国办发〔2018〕37号, 115号): legality review
 * before deliberation, no deliberation without a passed review; public
 * comment of in general at least 7 working days on a document touching the
 * public's rights and duties; filing within 30 days of publication; validity
 * of usually 5 years, 2 for 暂行/试行. Each period is a setting.
 */
#include "modules/normative/norm_int.h"

#include "modules/normative/normative.h"
#include "platform/legality.h"
#include "platform/settings.h"

static const struct fz_state doc_states[] = {
	{"drafting", "起草中", false},
	{"commenting", "公开征求意见中", false},
	{"in_review", "合法性审核中", false},
	{"reviewed", "审核通过，待集体审议", false},
	{"deliberated", "已审议，待发布", false},
	{"filing", "已发布，待备案", false},
	{"filed", "已备案", true},
	{"abandoned", "终止制定", true},
	{NULL, NULL, false},
};

static const struct fz_clock_def doc_clocks[] = {
	{.name = "comment", .label = "公开征求意见期限", .unit = FZ_UNIT_WD, .days = 7,
	 .days_setting = "normative.comment_days",
	 .article = "国办发〔2018〕37号：公开征求意见的期限一般不少于 7 个工作日（设置项）",
	 /* The public's period, which ends by itself: closed after it, never "late". */
	 .validity = true},
	{.name = "filing", .label = "备案期限", .unit = FZ_UNIT_CD, .days = 30,
	 .days_setting = "normative.filing_days",
	 .article = "地方规定（设置项“规范性文件备案期限”）：自公布之日起 30 日内报送备案"},
	{.name = NULL},
};

#define AGENCY (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define LEGAL (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)

static const struct fz_transition doc_transitions[] = {
	{.name = "open_comment",
	 .label = "公开征求意见",
	 .from = {"drafting"},
	 .to = "commenting",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "comment_from", .label = "征求意见开始日期", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "days", .label = "征求意见期限（工作日）", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 60},
		    {.name = "short_reason", .label = "期限少于规定天数的理由", .type = FZ_IN_TEXTAREA,
		     .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_START, .clock = "comment", .arg = "comment_from",
		      .days_arg = "days"}}},
	{.name = "close_comment",
	 .label = "结束征求意见并说明采纳情况",
	 .from = {"commenting"},
	 .to = "drafting",
	 .roles = AGENCY | LEGAL,
	 .after_clock = "comment",
	 .inputs = {{.name = "account", .label = "意见采纳情况说明", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 5000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "comment"}}},
	{.name = "revise",
	 .label = "修改草案",
	 .from = {"drafting"},
	 .to = "drafting",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "title", .label = "文件名称", .type = FZ_IN_TEXT, .max_chars = 100},
		    {.name = "drafting_note", .label = "起草说明", .type = FZ_IN_TEXTAREA,
		     .max_chars = 10000},
		    {.name = "basis", .label = "制定依据", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
		    {.name = "body", .label = "文件正文", .type = FZ_IN_TEXTAREA, .max_chars = 60000}}},
	{.name = "submit_review",
	 .label = "送合法性审核",
	 .from = {"drafting"},
	 .to = "in_review",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "summary", .label = "送审说明", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 4000}}},
	/* Taken by the review's opinion (platform/legality.h). */
	{.name = "review_passed",
	 .label = "合法性审核通过",
	 .from = {"in_review"},
	 .to = "reviewed",
	 .system = true,
	 .inputs = {{.name = "opinion", .label = "审核意见", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 40},
		    {.name = "review_case_id", .label = "审核案件", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 9000000000000000000L}}},
	{.name = "review_failed",
	 .label = "合法性审核未通过，退回起草",
	 .from = {"in_review"},
	 .to = "drafting",
	 .system = true,
	 .inputs = {{.name = "opinion", .label = "审核意见", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 40},
		    {.name = "review_case_id", .label = "审核案件", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 9000000000000000000L}}},
	{.name = "deliberate",
	 .label = "记录集体审议",
	 .from = {"reviewed"},
	 .to = "deliberated",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "meeting", .label = "审议会议", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 100},
		    {.name = "deliberated_on", .label = "审议日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "outcome", .label = "审议结果", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_norm_deliberation_outcomes}}},
	{.name = "deliberation_rejected",
	 .label = "审议未通过，退回修改",
	 .from = {"reviewed"},
	 .to = "drafting",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "meeting", .label = "审议会议", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 100},
		    {.name = "deliberated_on", .label = "审议日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "reason", .label = "未通过的理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .note_input = "reason"},
	/* 统一登记、统一编号、统一发布: the number is issued and the document published on the day. */
	{.name = "issue",
	 .label = "登记编号并发布",
	 .from = {"deliberated"},
	 .to = "filing",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "issued_on", .label = "印发日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "effective_on", .label = "施行日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "change_summary", .label = "修改说明", .type = FZ_IN_TEXTAREA,
		     .max_chars = 4000}},
	 .effects = {{.op = FZ_CLK_START, .clock = "filing", .arg = "issued_on"}}},
	{.name = "file",
	 .label = "报送备案",
	 .from = {"filing"},
	 .to = "filed",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "npc_filed_on", .label = "报县人大常委会备案日期", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "government_filed_on", .label = "报上一级人民政府备案日期",
		     .type = FZ_IN_DATE, .required = true},
		    {.name = "complete", .label = "备案材料齐全规范", .type = FZ_IN_BOOL, .required = true}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "filing"}}},
	{.name = "abandon",
	 .label = "终止制定",
	 .from = {"drafting", "commenting", "reviewed"},
	 .to = "abandoned",
	 .roles = AGENCY | LEGAL,
	 .inputs = {{.name = "reason", .label = "终止理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 1000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "comment"}},
	 .note_input = "reason"},
	{.name = NULL},
};

/*
 * What the drafting chain records on a draft outside its steps (norm_comment.c,
 * norm_precheck_api.c, norm_filing.c), as the timeline says it.
 */
static const struct fz_option doc_events[] = {
	{"comment", "公众提交意见"},
	{"comment_answer", "答复公众意见"},
	{"fair_check", "填写公平竞争审查"},
	{"precheck_decide", "处理自动预审提示"},
	{"precheck_run", "重新自动预审"},
	{"filing_result", "记录备案审查结果"},
	{NULL, NULL},
};

const struct fz_case_type fz_norm_doc_type = {
	.name = "norm_doc",
	.label = "规范性文件制定",
	.number_code = "规",
	.states = doc_states,
	.transitions = doc_transitions,
	.clocks = doc_clocks,
	.initial_state = "drafting",
	.create_label = "立项起草",
	.event_labels = doc_events,
};

static const struct fz_state objection_states[] = {
	{"received", "已收到", false},
	{"handling", "审查中", false},
	{"replied", "已答复", true},
	{"published", "已公开", true},
	{NULL, NULL, false},
};

static const struct fz_clock_def objection_clocks[] = {
	{.name = "reply", .label = "审查答复期限", .unit = FZ_UNIT_CD, .days = 60,
	 .days_setting = "normative.objection_days",
	 .article = "地方规定（设置项“审查建议办理期限”）：自收到之日起 60 日内审查并答复"},
	{.name = NULL},
};

static const struct fz_transition objection_transitions[] = {
	{.name = "accept",
	 .label = "受理审查",
	 .from = {"received"},
	 .to = "handling",
	 .roles = LEGAL},
	/* Not accepted, answered, published (norm_objection.c: the domain half). */
	{.name = "reject",
	 .label = "不予受理",
	 .from = {"received"},
	 .to = "replied",
	 .roles = LEGAL,
	 .inputs = {{.name = "reason", .label = "不予受理的理由", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}},
	 .note_input = "reason"},
	{.name = "reply",
	 .label = "答复审查结果",
	 .from = {"handling"},
	 .to = "replied",
	 .roles = LEGAL,
	 .inputs = {{.name = "outcome", .label = "审查结果", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_norm_objection_outcomes},
		    {.name = "reply", .label = "答复意见（不予受理的，说明理由）", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 5000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}},
	 .note_input = "reply"},
	{.name = "publish",
	 .label = "公开审查结果",
	 .from = {"replied"},
	 .to = "published",
	 .roles = LEGAL},
	{.name = NULL},
};

const struct fz_case_type fz_norm_objection_type = {
	.name = "norm_objection",
	.label = "规范性文件审查建议",
	.number_code = "建",
	.states = objection_states,
	.transitions = objection_transitions,
	.clocks = objection_clocks,
	.initial_state = "received",
	.on_create = {{.op = FZ_CLK_START, .clock = "reply"}},
	.create_label = "收到审查建议",
};

static const struct fz_case_kind norm_kinds[] = {
	{.type = &fz_norm_doc_type, .apply = fz_norm_doc_apply, .fields = fz_norm_doc_fields},
	{.type = &fz_norm_objection_type, .apply = fz_norm_objection_apply,
	 .fields = fz_norm_objection_fields},
	{.type = NULL},
};

/* The legal office reviews every draft before deliberation. */
static const struct fz_review_kind norm_review_kinds[] = {
	{.name = "norm_doc", .label = "行政规范性文件", .subject_type = "norm_doc",
	 .on_passed = "review_passed", .on_failed = "review_failed"},
	{.name = NULL},
};

static const struct fz_setting_def norm_settings[] = {
	{"normative.comment_days", "规范性文件公开征求意见期限（工作日）", 7, 1, 60,
	 "国办发〔2018〕37号：一般不少于 7 个工作日；少于此数须说明理由"},
	{"normative.filing_days", "规范性文件备案期限（日）", 30, 1, 90,
	 "地方规定：自公布之日起报送本级人大常委会和上一级人民政府备案的期限"},
	{"normative.valid_years", "规范性文件有效期（年）", 5, 1, 10, "地方规定：一般为 5 年"},
	{"normative.provisional_years", "暂行、试行规范性文件有效期（年）", 2, 1, 5,
	 "地方规定：标注“暂行”“试行”的一般为 2 年"},
	{"normative.evaluate_months", "有效期届满前评估期（月）", 6, 1, 12,
	 "有效期届满前若干个月内评估，决定继续有效、修改或者失效"},
	{"normative.objection_days", "审查建议办理期限（日）", 60, 1, 180,
	 "地方规定：自收到公民、法人或者其他组织的审查建议之日起审查并答复的期限"},
	{NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_norm_module = {
	.name = "normative",
	.label = "行政规范性文件",
	.kinds = norm_kinds,
	.migrations = fz_norm_migrations,
	.settings = norm_settings,
	.routes = fz_norm_routes,
	.records = fz_norm_records,
	.figures = fz_norm_figures,
	.review_kinds = norm_review_kinds,
	.demo = &fz_norm_demo,
	.jobs = fz_norm_jobs,
	.generate = fz_norm_generate,
};
