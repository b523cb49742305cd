/*
 * recon_flow.c - reconsideration and litigation declared as data.
 *
 * 行政复议法 (2023, in force 2024-01-01):
 *  第20条 apply within 60 days of knowing of the act (a late application is
 *         flagged and accepted only with the reason recorded);
 *  第30条 acceptance review within 5 working days of receipt; silence = accepted;
 *  第31条 one correction notice within 5 working days listing everything; the
 *         applicant has 10 working days; no correction = withdrawn;
 *  第48条 normal procedure: copy to the respondent within 7 working days of
 *         acceptance, answer and evidence within 10 working days of receipt;
 *  第54条 simplified procedure: copy within 3, answer within 5 working days;
 *  第53条 when the simplified procedure is allowed;
 *  第51条 hearing notice 5 working days before the hearing;
 *  第62条 decision within 60 days of acceptance (+30 once, with approval);
 *         simplified: within 30 days;
 *  第39条 suspension (the decision clock is paused); 第41条 termination;
 *  第63-69条 decisions; 第73条 mediation; 第74条 settlement and withdrawal;
 *  第76条 opinion letters: the agency reports back within 60 days.
 * 行政诉讼法 第67条: the defendant answers within 15 days of receiving the
 * complaint; 第3条 the head of the sued agency appears in court.
 */
#include <string.h>

#include "modules/reconsideration/recon_int.h"
#include "modules/reconsideration/reconsideration.h"
#include "platform/jobs.h"
#include "platform/settings.h"

const struct fz_option fz_recon_act_types[] = {
	{"penalty", "行政处罚"}, {"licensing", "行政许可"}, {"coercion", "行政强制"},
	{"levy", "行政征收"}, {"confirmation", "行政确认"}, {"ownership", "行政确权"},
	{"disclosure", "政府信息公开"}, {"inaction", "不履行法定职责"}, {"other", "其他"},
	{NULL, NULL}};

const struct fz_option fz_recon_decisions[] = {
	{"change", "变更（第63条）"},
	{"revoke", "撤销（第64条）"},
	{"partial_revoke", "部分撤销（第64条）"},
	{"revoke_remake", "撤销并责令重新作出行政行为（第64条）"},
	{"confirm_illegal", "确认违法（第65条）"},
	{"order_perform", "责令履行（第66条）"},
	{"confirm_void", "确认无效（第67条）"},
	{"uphold", "维持（第68条）"},
	{"reject_claim", "驳回复议请求（第69条）"},
	{"dismiss", "驳回复议申请（第33条）"},
	{NULL, NULL}};

const struct fz_option fz_recon_endings[] = {
	{"mediation", "调解结案（第73条）"},
	{"settle_withdraw", "和解后撤回申请，终止（第74条）"},
	{"withdraw", "申请人撤回申请，终止（第41条）"},
	{"terminate", "其他情形终止（第41条）"},
	{NULL, NULL}};

const struct fz_option fz_recon_simplified_grounds[] = {
	{"on_spot", "当场作出的行政行为"},
	{"warning", "警告或者通报批评"},
	{"amount_3000", "案件涉及款额三千元以下"},
	{"disclosure", "政府信息公开案件"},
	{"consent", "当事人各方同意适用简易程序"},
	{NULL, NULL}};

const struct fz_option fz_lit_outcomes[] = {
	{"uphold", "驳回诉讼请求（维持）"}, {"revoke", "撤销"}, {"confirm_illegal", "确认违法"},
	{"order_perform", "责令履行"}, {"change", "变更"}, {"withdrawn", "原告撤诉"},
	{"dismissed", "裁定驳回起诉"}, {"mediation", "调解"}, {"other", "其他"},
	{NULL, NULL}};

const struct fz_option fz_lit_posts[] = {
	{"head", "正职负责人"}, {"deputy", "副职负责人"}, {"staff", "其他工作人员"}, {NULL, NULL}};
const struct fz_option fz_lit_instances[] = {
	{"first", "一审"}, {"second", "二审"}, {"retrial", "再审"}, {NULL, NULL}};

const struct fz_option fz_recon_applicant_types[] = {
	{"natural", "公民"}, {"legal_person", "法人"}, {"other_org", "其他组织"}, {NULL, NULL}};

/* online: the public portal; written and oral: registered at the counter (第22条). */
const struct fz_option fz_recon_channels[] = {
	{"online", "网上申请"}, {"written", "书面申请"}, {"oral", "口头申请"}, {NULL, NULL}};

const struct fz_option fz_recon_procedures[] = {
	{"normal", "普通程序"}, {"simplified", "简易程序"}, {NULL, NULL}};

const struct fz_option fz_recon_opinion_kinds[] = {
	{"opinion", "行政复议意见书"}, {"suggestion", "行政复议建议书"}, {NULL, NULL}};

const char *fz_recon_result_class(const char *d)
{
	static const char *const corrected[] = {"change", "revoke", "partial_revoke", "revoke_remake",
						"confirm_illegal", "order_perform", "confirm_void"};
	if (!d)
		return NULL;
	for (size_t i = 0; i < sizeof corrected / sizeof corrected[0]; i++)
		if (strcmp(d, corrected[i]) == 0)
			return "corrected";
	return strcmp(d, "uphold") == 0 ? "upheld" : "other";
}

const char *fz_recon_label(const struct fz_option *o, const char *v)
{
	for (; v && o->value; o++)
		if (strcmp(o->value, v) == 0)
			return o->label;
	return v;
}

static const struct fz_state recon_states[] = {
	{"received", "待审查", false},  {"correcting", "补正中", false},
	{"accepted", "审理中", false},  {"suspended", "中止审理", false},
	{"decided", "已审结", true},    {"refused", "不予受理", true},
	{"forwarded", "已转送", true},  {"withdrawn", "视为撤回", true},
	{NULL, NULL, false}};

static const struct fz_clock_def recon_clocks[] = {
	{.name = "acceptance", .label = "受理审查期限", .unit = FZ_UNIT_WD, .days = 5,
	 .article = "《行政复议法》第三十条：收到申请之日起五日内审查，期限届满未作出不予受理决定的，视为受理",
	 .step = "received"},
	{.name = "correction", .label = "补正期限（申请人）", .unit = FZ_UNIT_WD, .days = 10,
	 .article = "《行政复议法》第三十一条：申请人应当自收到补正通知之日起十日内补正，无正当理由逾期不补正的视为放弃申请",
	 .step = "correcting"},
	{.name = "copy", .label = "发送答复通知书期限", .unit = FZ_UNIT_WD, .days = 7,
	 .article = "《行政复议法》第四十八条（普通程序七日）、第五十四条（简易程序三日）"},
	/* The respondent's to keep: supervision charges it to the respondent (recon_kinds shares). */
	{.name = "answer", .label = "被申请人答复期限", .unit = FZ_UNIT_WD, .days = 10,
	 .article = "《行政复议法》第四十八条（普通程序十日）、第五十四条（简易程序五日）：提出书面答复并提交证据、依据",
	 .party = true},
	{.name = "decision", .label = "复议决定期限", .unit = FZ_UNIT_CD, .days = 60,
	 .article = "《行政复议法》第六十二条：普通程序自受理之日起六十日内作出决定，经批准可延长不超过三十日；简易程序三十日",
	 .cite = "《行政复议法》第六十二条", .max_extension = 30, .max_extensions = 1},
	{.name = "opinion_report", .label = "意见书落实情况报告期限", .unit = FZ_UNIT_CD, .days = 60,
	 .article = "《行政复议法》第七十六条：被申请人应当自收到意见书之日起六十日内报告纠正情况"},
	{.name = NULL}};

#define LEGAL (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)

static const struct fz_transition recon_transitions[] = {
	{.name = "request_correction", .label = "一次性通知补正", .from = {"received"},
	 .to = "correcting", .roles = LEGAL, .article = "《行政复议法》第三十一条",
	 /* 第31条: one notice listing everything, within 5 working days of receipt. */
	 .once = true, .within = {5, FZ_UNIT_WD},
	 .inputs = {{.name = "items", .label = "需补正的事项（一次性全部列明）", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_PAUSE, .clock = "acceptance"},
		     {.op = FZ_CLK_START, .clock = "correction"}},
	 .note_input = "items"},
	{.name = "corrected", .label = "收到补正材料", .from = {"correcting"}, .to = "received",
	 .roles = LEGAL, .article = "《行政复议法》第三十一条：审查期限自收到补正材料之日起计算",
	 .inputs = {{.name = "corrected_on", .label = "收到补正材料日期", .type = FZ_IN_DATE,
		     .required = true}},
	 .effects = {{.op = FZ_CLK_RESTART, .clock = "acceptance", .arg = "corrected_on"},
		     {.op = FZ_CLK_STOP, .clock = "correction", .arg = "corrected_on"}}},
	{.name = "deem_withdrawn", .label = "逾期未补正，视为放弃申请", .from = {"correcting"},
	 .to = "withdrawn", .roles = LEGAL, .article = "《行政复议法》第三十一条",
	 .after_clock = "correction", /* the applicant's 10 working days have run out */
	 .effects = {{.op = FZ_CLK_STOP, .clock = "acceptance"},
		     {.op = FZ_CLK_STOP, .clock = "correction"}}},
	{.name = "accept", .label = "受理", .from = {"received"}, .to = "accepted", .roles = LEGAL,
	 .article = "《行政复议法》第三十条、第五十三条",
	 .inputs = {{.name = "procedure", .label = "审理程序", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_recon_procedures},
		    {.name = "simplified_ground", .label = "适用简易程序的情形（第五十三条）",
		     .type = FZ_IN_SELECT, .options = fz_recon_simplified_grounds},
		    {.name = "late_reason", .label = "超过申请期限仍受理的理由（第二十条）",
		     .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 /* 第53条: the simplified procedure only on one of its grounds (or consent). */
	 .needs = {{.input = "simplified_ground", .when = "procedure", .is = "simplified"}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "acceptance"}}},
	/*
	 * 第30条第3款: the review period ended with no decision, so the application
	 * is accepted as of the day it ended. The program takes this step
	 * (fz_recon_deem_accepted, run by the module's job and at registration);
	 * the decision's 60 days and the copy's 7 working days count from that day
	 * (第48条, 第62条), in the normal procedure.
	 */
	{.name = "deemed_accept", .label = "审查期限届满未作决定，视为受理（第三十条第三款）",
	 .from = {"received"}, .to = "accepted", .system = true,
	 .article = "《行政复议法》第三十条第三款：审查期限届满未作出不予受理决定的，审查期限届满之日起视为受理",
	 .after_clock = "acceptance",
	 .inputs = {{.name = "accepted_on", .label = "视为受理之日（审查期限届满之日）",
		     .type = FZ_IN_DATE, .required = true}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "acceptance", .arg = "accepted_on"}}},
	{.name = "refuse", .label = "不予受理", .from = {"received"}, .to = "refused", .roles = LEGAL,
	 .article = "《行政复议法》第三十条",
	 .inputs = {{.name = "ground", .label = "不予受理的理由和依据", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "acceptance"}}, .note_input = "ground"},
	{.name = "forward", .label = "告知或转送有权机关", .from = {"received"}, .to = "forwarded",
	 .roles = LEGAL, .article = "《行政复议法》第三十条",
	 .inputs = {{.name = "forward_to", .label = "有权受理的复议机关", .type = FZ_IN_TEXT,
		     .required = true, .max_chars = 100}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "acceptance"}}, .note_input = "forward_to"},
	{.name = "copy_sent", .label = "发送申请书副本及答复通知书", .from = {"accepted"},
	 .roles = LEGAL, .article = "《行政复议法》第四十八条、第五十四条",
	 .while_clock = "copy", /* sent once: sending stops its clock */
	 .inputs = {{.name = "sent_on", .label = "发送日期", .type = FZ_IN_DATE, .required = true}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "copy", .arg = "sent_on"}}},
	{.name = "answer_received", .label = "收到被申请人答复及证据", .from = {"accepted"},
	 .roles = LEGAL,
	 .while_clock = "answer", /* an answer is awaited only once the copy went out */
	 .inputs = {{.name = "received_on", .label = "收到日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "summary", .label = "答复要点", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "answer", .arg = "received_on"}},
	 .note_input = "summary"},
	/* The respondent files its answer itself (it sees the case through recon_kinds shares). */
	{.name = "answer_submitted", .label = "提交书面答复及证据（被申请人）", .from = {"accepted"},
	 .roles = FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD,
	 .article = "《行政复议法》第四十八条、第五十四条",
	 .while_clock = "answer",
	 .inputs = {{.name = "received_on", .label = "提交日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "summary", .label = "答复要点", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "answer", .arg = "received_on"}},
	 .note_input = "summary"},
	{.name = "schedule_hearing", .label = "安排听证", .from = {"accepted"}, .roles = LEGAL,
	 .article = "《行政复议法》第五十一条：听证的五日前通知当事人",
	 .inputs = {{.name = "hearing_on", .label = "听证日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "notified_on", .label = "通知日期", .type = FZ_IN_DATE, .required = true}}},
	{.name = "switch_normal", .label = "经批准转为普通程序", .from = {"accepted"},
	 .roles = FZ_ROLE_LEGAL_HEAD, .article = "《行政复议法》第五十五条",
	 .when = {{.field = "procedure", .is = "simplified", .rule = "本案已适用普通程序"}},
	 .inputs = {{.name = "reason", .label = "转换理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 500}},
	 .note_input = "reason"},
	{.name = "extend", .label = "经批准延长审理期限", .from = {"accepted"},
	 .roles = FZ_ROLE_LEGAL_HEAD, .article = "《行政复议法》第六十二条",
	 /* Once only (the clock's max_extensions), and never in the simplified procedure. */
	 .when = {{.field = "procedure", .is_not = "simplified",
		   .rule = "简易程序不能延长审理期限；须先经批准转为普通程序"}},
	 .inputs = {{.name = "days", .label = "延长日数（不超过三十日）", .type = FZ_IN_INT,
		     .required = true, .min = 1, .max = 30},
		    {.name = "reason", .label = "延长理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 500}},
	 /*
	  * 第62条: the extension is approved before the 60 days run out; one
	  * recorded after the due day would only hide an overdue decision (the
	  * same rule as the disclosure reply's extension, 条例 第33条).
	  */
	 .before_clock = "decision",
	 .effects = {{.op = FZ_CLK_EXTEND, .clock = "decision", .arg = "days"}},
	 .note_input = "reason"},
	{.name = "suspend", .label = "中止审理", .from = {"accepted"}, .to = "suspended",
	 .roles = LEGAL, .article = "《行政复议法》第三十九条",
	 .inputs = {{.name = "reason", .label = "中止原因", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_PAUSE, .clock = "decision"}}, .note_input = "reason"},
	{.name = "resume", .label = "恢复审理", .from = {"suspended"}, .to = "accepted",
	 .roles = LEGAL, .article = "《行政复议法》第三十九条",
	 .effects = {{.op = FZ_CLK_RESUME, .clock = "decision"}}},
	{.name = "decide", .label = "作出复议决定", .from = {"accepted"}, .to = "decided",
	 .roles = LEGAL, .article = "《行政复议法》第六十三条至第六十九条、第三十三条",
	 .inputs = {{.name = "decision", .label = "决定类型", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_recon_decisions},
		    {.name = "decision_text", .label = "决定书正文（事实、理由、依据、结论）",
		     .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 20000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "decision"}, {.op = FZ_CLK_STOP, .clock = "copy"},
		     {.op = FZ_CLK_STOP, .clock = "answer"}}},
	{.name = "end", .label = "调解、和解或终止", .from = {"accepted", "suspended"}, .to = "decided",
	 .roles = LEGAL, .article = "《行政复议法》第四十一条、第七十三条、第七十四条",
	 .inputs = {{.name = "ending", .label = "结案方式", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_recon_endings},
		    {.name = "reason", .label = "情况说明（调解书、和解协议或终止理由）",
		     .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 5000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "decision"}, {.op = FZ_CLK_STOP, .clock = "copy"},
		     {.op = FZ_CLK_STOP, .clock = "answer"}},
	 .note_input = "reason"},
	{.name = "issue_opinion", .label = "制发行政复议意见书或建议书", .from = {"decided"},
	 .roles = LEGAL, .article = "《行政复议法》第七十六条",
	 /* One letter at a time: its 60-day report clock is the case's only one. */
	 .unless_clock = "opinion_report",
	 .inputs = {{.name = "kind", .label = "文书类型", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_recon_opinion_kinds},
		    {.name = "content", .label = "意见或建议内容", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 5000}},
	 .effects = {{.op = FZ_CLK_START, .clock = "opinion_report"}}, .note_input = "content"},
	{.name = "opinion_reported", .label = "收到纠正情况报告", .from = {"decided"}, .roles = LEGAL,
	 .while_clock = "opinion_report", /* a letter awaits its report (第76条) */
	 .inputs = {{.name = "reported_on", .label = "收到报告日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "summary", .label = "纠正情况", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "opinion_report", .arg = "reported_on"}},
	 .note_input = "summary"},
	{.name = NULL}};

const struct fz_case_type fz_recon_type = {
	.name = "reconsideration",
	.label = "行政复议申请",
	.number_code = "复",
	.states = recon_states,
	.transitions = recon_transitions,
	.clocks = recon_clocks,
	.initial_state = "received",
	.on_create = {{.op = FZ_CLK_START, .clock = "acceptance"}},
	.create_label = "收到复议申请",
};

/* ---- litigation (行政应诉) ------------------------------------------------------ */

static const struct fz_state lit_states[] = {
	{"pending", "审理中", false}, {"judged", "已判决（裁定）", true}, {NULL, NULL, false}};

static const struct fz_clock_def lit_clocks[] = {
	{.name = "defense", .label = "答辩及举证期限", .unit = FZ_UNIT_CD, .days = 15,
	 .article = "《行政诉讼法》第六十七条：被告应当在收到起诉状副本之日起十五日内提交证据和依据，并提出答辩状"},
	{.name = "suggestion", .label = "司法建议回复期限", .unit = FZ_UNIT_CD, .days = 60,
	 .days_setting = "litigation.suggestion_days",
	 .article = "司法建议书确定的回复期限（通常为两个月，可设置）"},
	{.name = NULL}};

#define LIT (LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

static const struct fz_transition lit_transitions[] = {
	{.name = "defense_filed", .label = "提交答辩状及证据", .from = {"pending"}, .roles = LIT,
	 .article = "《行政诉讼法》第六十七条",
	 .while_clock = "defense", /* one defence per instance, while its 15 days run */
	 .inputs = {{.name = "filed_on", .label = "提交日期", .type = FZ_IN_DATE, .required = true}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "defense", .arg = "filed_on"}}},
	{.name = "record_hearing", .label = "登记开庭及出庭应诉情况", .from = {"pending"}, .roles = LIT,
	 .article = "《行政诉讼法》第三条：被诉行政机关负责人应当出庭应诉；不能出庭的，应当委托相应的工作人员出庭",
	 .inputs = {{.name = "hearing_on", .label = "开庭日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "appearer", .label = "出庭人员姓名", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 30},
		    {.name = "post", .label = "出庭人员职务", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_lit_posts},
		    {.name = "reason", .label = "负责人未出庭的原因", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
	 .needs = {{.input = "reason", .when = "post", .is = "staff"}},
	 .note_input = "reason"},
	{.name = "judge", .label = "登记判决（裁定）结果", .from = {"pending"}, .to = "judged",
	 .roles = LIT,
	 .inputs = {{.name = "outcome", .label = "裁判结果", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_lit_outcomes},
		    {.name = "judged_on", .label = "裁判日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "text", .label = "裁判要旨", .type = FZ_IN_TEXTAREA, .max_chars = 5000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "defense"}}, .note_input = "text"},
	{.name = "appeal", .label = "上诉（申请再审）", .from = {"judged"}, .to = "pending", .roles = LIT,
	 .inputs = {{.name = "instance", .label = "审级", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_lit_instances},
		    {.name = "court", .label = "受理法院", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 60}},
	 .note_input = "court"},
	{.name = "suggestion", .label = "收到司法建议", .from = {"pending", "judged"}, .roles = LIT,
	 .unless_clock = "suggestion", /* answer the first suggestion before the next */
	 .inputs = {{.name = "content", .label = "司法建议内容", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 3000}},
	 .effects = {{.op = FZ_CLK_START, .clock = "suggestion"}}, .note_input = "content"},
	{.name = "suggestion_handled", .label = "回复司法建议", .from = {"pending", "judged"}, .roles = LIT,
	 .while_clock = "suggestion",
	 .inputs = {{.name = "reply", .label = "落实情况", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 3000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "suggestion"}}, .note_input = "reply"},
	{.name = NULL}};

const struct fz_case_type fz_lit_type = {
	.name = "litigation",
	.label = "行政应诉案件",
	.number_code = "诉",
	.states = lit_states,
	.transitions = lit_transitions,
	.clocks = lit_clocks,
	.initial_state = "pending",
	.on_create = {{.op = FZ_CLK_START, .clock = "defense"}},
	.create_label = "收到起诉状副本",
};

/* Applications first: /api/meta lists the case types in this order. */
static const struct fz_case_kind recon_kinds[] = {
	/* 行政复议法 第48条: the respondent answers the application, so it sees the case. */
	{.type = &fz_recon_type, .apply = fz_recon_apply, .fields = fz_recon_fields,
	 .shares = "SELECT case_id, respondent_agency_id AS agency_id FROM recon_case"},
	{.type = &fz_lit_type, .apply = fz_lit_apply, .fields = fz_lit_fields},
	{.type = NULL},
};

/* A judicial suggestion without a stated reply period gets this one (lit_clocks "suggestion"). */
static const struct fz_setting_def recon_settings[] = {
	{"litigation.suggestion_days", "司法建议回复期限（自然日）", 60, 1, 180, "司法建议书未写明期限时适用，默认 60 日"},
	{NULL, NULL, 0, 0, 0, NULL},
};

static enum fz_code deem_job(struct fz_ctx *ctx, const char *period_key, struct fz_err *err)
{
	(void)period_key;
	int n = 0;
	return fz_recon_deem_accepted(ctx, 0, &n, err);
}

/* Hourly: a review that ended yesterday is accepted in the first hour of today. */
static const struct fz_job recon_jobs[] = {
	{"reconsideration.deemed_acceptance", FZ_JOB_HOURLY, deem_job},
	{NULL, FZ_JOB_HOURLY, NULL},
};

const struct fz_module fz_recon_module = {
	.name = "reconsideration",
	.label = "行政复议与应诉",
	.kinds = recon_kinds,
	.migrations = fz_recon_migrations,
	.settings = recon_settings,
	.jobs = recon_jobs,
	.routes = fz_recon_routes,
	.report = fz_recon_report_json,
	.figures = fz_recon_figures,
	.demo = &fz_recon_demo,
};
