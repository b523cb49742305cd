/*
 * disclosure_flow.c - the request procedure (依申请公开) declared as data.
 *
 * 政府信息公开条例 (2019):
 *  第33条 reply within 20 working days of receipt; one extension of at most 20
 *         working days, approved by the head of the disclosure office, the
 *         applicant told; time spent consulting third parties or other
 *         agencies is not counted.
 *  第30条 one consolidated correction notice within 7 working days of receipt;
 *         the period restarts from receipt of the corrected request; no
 *         correction by the stated deadline without good reason = withdrawn.
 *  第32条 a consulted third party answers within 15 working days.
 *  第42条 information-processing fees (国办函〔2020〕109号); the time until
 *         payment is not counted (unconfirmed: a setting may change this).
 */
#include "modules/disclosure/disclosure_int.h"

#include "modules/disclosure/disclosure.h"
#include "platform/settings.h"

static const struct fz_state states[] = {
	{"processing", "办理中", false},
	{"correcting", "待补正", false},
	{"consulting", "征求意见中", false},
	{"awaiting_fee", "待缴费", false},
	{"replied", "已答复", true},
	{"withdrawn", "已终止", true},
	{NULL, NULL, false},
};

static const struct fz_clock_def clocks[] = {
	{.name = "reply", .label = "答复期限", .unit = FZ_UNIT_WD, .days = 20,
	 .article = "《政府信息公开条例》第三十三条：收到申请之日起 20 个工作日内答复；"
		    "经负责人同意可延长，延长期限最长不超过 20 个工作日；征求第三方意见的时间不计算在内",
	 .cite = "《政府信息公开条例》第三十三条", .max_extension = 20, .max_extensions = 1},
	{.name = "correction", .label = "补正期限（申请人）", .unit = FZ_UNIT_WD, .days = 15,
	 .article = "《政府信息公开条例》第三十条：申请人无正当理由逾期不补正的，视为放弃申请",
	 .step = "correcting"},
	{.name = "third_party", .label = "第三方答复期限", .unit = FZ_UNIT_WD, .days = 15,
	 .article = "《政府信息公开条例》第三十二条：第三方应当自收到征求意见书之日起 15 个工作日内提出意见",
	 .step = "consulting"},
	{.name = "fee", .label = "缴费期限（申请人）", .unit = FZ_UNIT_WD, .days = 20,
	 .article = "《政府信息公开信息处理费管理办法》：申请人应当在收到收费通知之日起 20 个工作日内缴费（待确认，可设置）",
	 .days_setting = "disclosure.fee_days", .step = "awaiting_fee"},
	{.name = NULL},
};

#define STAFF (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD | FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)
#define HEADS (FZ_ROLE_AGENCY_HEAD | FZ_ROLE_LEGAL_HEAD)

static const struct fz_transition transitions[] = {
	{.name = "request_correction",
	 .label = "一次性告知补正",
	 .from = {"processing"},
	 .to = "correcting",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第三十条",
	 /* 第30条: one consolidated notice, within 7 working days of receipt. */
	 .once = true,
	 .within = {7, FZ_UNIT_WD},
	 .inputs = {{.name = "items", .label = "需补正的事项（一次性全部列明）", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 2000},
		    {.name = "correction_days", .label = "补正期限（工作日）", .type = FZ_IN_INT,
		     .required = true, .min = 5, .max = 30}},
	 .effects = {{.op = FZ_CLK_PAUSE, .clock = "reply"},
		     {.op = FZ_CLK_START, .clock = "correction", .days_arg = "correction_days"}},
	 .note_input = "items"},
	{.name = "corrected",
	 .label = "收到补正申请",
	 .from = {"correcting"},
	 .to = "processing",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第三十条：答复期限自收到补正申请之日起计算",
	 .inputs = {{.name = "corrected_on", .label = "收到补正申请日期", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "note", .label = "补正情况", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 .effects = {{.op = FZ_CLK_RESTART, .clock = "reply", .arg = "corrected_on"},
		     {.op = FZ_CLK_STOP, .clock = "correction", .arg = "corrected_on"}},
	 .note_input = "note"},
	{.name = "deem_withdrawn",
	 .label = "逾期未补正，视为放弃申请",
	 .from = {"correcting"},
	 .to = "withdrawn",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第三十条",
	 .after_clock = "correction",
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}, {.op = FZ_CLK_STOP, .clock = "correction"}}},
	{.name = "consult",
	 .label = "征求第三方或其他机关意见",
	 .from = {"processing"},
	 .to = "consulting",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第三十二条、第三十三条",
	 .inputs = {{.name = "third_party", .label = "征求意见对象", .type = FZ_IN_TEXT,
		     .required = true, .max_chars = 100},
		    {.name = "sent_on", .label = "征求意见书发出日期", .type = FZ_IN_DATE, .required = true}},
	 .effects = {{.op = FZ_CLK_PAUSE, .clock = "reply", .arg = "sent_on"},
		     {.op = FZ_CLK_START, .clock = "third_party", .arg = "sent_on"}},
	 .note_input = "third_party"},
	{.name = "consulted",
	 .label = "收到意见（或期满未答复）",
	 .from = {"consulting"},
	 .to = "processing",
	 .roles = STAFF,
	 .inputs = {{.name = "answered_on", .label = "收到意见日期（期满未答复填期满次日）",
		     .type = FZ_IN_DATE, .required = true},
		    {.name = "opinion", .label = "意见摘要", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_RESUME, .clock = "reply", .arg = "answered_on"},
		     {.op = FZ_CLK_STOP, .clock = "third_party", .arg = "answered_on"}},
	 .note_input = "opinion"},
	{.name = "extend",
	 .label = "延长答复期限",
	 .from = {"processing", "consulting"},
	 .roles = HEADS,
	 .article = "《政府信息公开条例》第三十三条第二款：经负责人同意并告知申请人，延长不超过 20 个工作日",
	 .inputs = {{.name = "days", .label = "延长工作日数", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 20},
		    {.name = "reason", .label = "延长理由（将告知申请人）", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 500}},
	 /*
	  * 第33条: the extension is approved within the 20 working days; once the
	  * reply period has run out the request is overdue and no approval recorded
	  * afterwards can make it timely (the same rule as the reconsideration
	  * decision's extension, 行政复议法 第62条).
	  */
	 .before_clock = "reply",
	 .effects = {{.op = FZ_CLK_EXTEND, .clock = "reply", .arg = "days"}},
	 .note_input = "reason"},
	{.name = "fee_notice",
	 .label = "发出收费通知",
	 .from = {"processing"},
	 .to = "awaiting_fee",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第四十二条",
	 .inputs = {{.name = "amount", .label = "信息处理费（元）", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 1000000},
		    {.name = "basis", .label = "收费依据与计算方式", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_PAUSE, .clock = "reply"}, {.op = FZ_CLK_START, .clock = "fee"}},
	 .note_input = "basis"},
	{.name = "fee_paid",
	 .label = "申请人已缴费",
	 .from = {"awaiting_fee"},
	 .to = "processing",
	 .roles = STAFF,
	 .inputs = {{.name = "paid_on", .label = "缴费日期", .type = FZ_IN_DATE, .required = true}},
	 .effects = {{.op = FZ_CLK_RESUME, .clock = "reply", .arg = "paid_on"},
		     {.op = FZ_CLK_STOP, .clock = "fee", .arg = "paid_on"}}},
	{.name = "fee_lapsed",
	 .label = "逾期未缴费，不再处理",
	 .from = {"awaiting_fee"},
	 .to = "withdrawn",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第四十二条",
	 .after_clock = "fee",
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}, {.op = FZ_CLK_STOP, .clock = "fee"}}},
	{.name = "reply",
	 .label = "作出答复",
	 .from = {"processing"},
	 .to = "replied",
	 .roles = STAFF,
	 .article = "《政府信息公开条例》第三十六条至第三十九条",
	 .inputs = {{.name = "outcome", .label = "答复类型", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_disc_outcome_options},
		    {.name = "ground", .label = "理由与法律依据", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
		    {.name = "where", .label = "已公开信息的获取方式和途径", .type = FZ_IN_TEXT,
		     .max_chars = 300},
		    {.name = "right_agency", .label = "负责公开该信息的机关名称及联系方式", .type = FZ_IN_TEXT,
		     .max_chars = 200},
		    {.name = "withheld", .label = "不予公开的部分及理由", .type = FZ_IN_TEXTAREA,
		     .max_chars = 2000},
		    {.name = "reply_text", .label = "答复告知书正文", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 10000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}}},
	{.name = "withdraw",
	 .label = "申请人撤回申请",
	 .from = {"processing", "correcting", "consulting", "awaiting_fee"},
	 .to = "withdrawn",
	 .roles = STAFF,
	 .inputs = {{.name = "reason", .label = "撤回情况", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"},
		     {.op = FZ_CLK_STOP, .clock = "correction"},
		     {.op = FZ_CLK_STOP, .clock = "third_party"},
		     {.op = FZ_CLK_STOP, .clock = "fee"}},
	 .note_input = "reason"},
	{.name = NULL},
};

const struct fz_case_type fz_disc_type = {
	.name = "disclosure",
	.label = "政府信息公开申请",
	.number_code = "依申公",
	.states = states,
	.transitions = transitions,
	.clocks = clocks,
	.initial_state = "processing",
	.on_create = {{.op = FZ_CLK_START, .clock = "reply"}},
	.create_label = "登记申请",
};

static const struct fz_case_kind disc_kinds[] = {
	{.type = &fz_disc_type, .apply = fz_disc_apply, .fields = fz_disc_fields},
	{.type = NULL},
};

/* 第42条 fees: the payment period is not settled nationally (unconfirmed), so a setting. */
static const struct fz_setting_def disc_settings[] = {
	{"disclosure.fee_days", "信息处理费缴费期限（工作日）", 20, 1, 60, "申请人收到收费通知后缴费的期限，默认 20 个工作日"},
	{NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_disclosure_module = {
	.name = "disclosure",
	.label = "政府信息公开",
	.kinds = disc_kinds,
	.migrations = fz_disc_migrations,
	.settings = disc_settings,
	.routes = fz_disc_routes,
	.records = fz_disc_records,
	.report = fz_disc_report_json,
	.figures = fz_disc_figures,
	.demo = &fz_disc_demo,
};
