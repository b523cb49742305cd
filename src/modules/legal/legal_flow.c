/*
 * legal_flow.c - the legal affairs procedures declared as data: a government
 * contract (legal_contract) from registration through the legality review,
 * signing, performance and disputes to completion or termination; a legal
 * matter referred to the legal office (legal_matter), answered on a clock;
 * the local periods as settings; the review kind; the module entry.
 *
 * Facts: a contract the government or its departments sign goes through the
 * legal office's legality review before it is signed (国办发〔2018〕115号 and
 * the county's rules on government contracts; the period is the county's:
 * setting legal.contract_review_days). A legal matter is answered within the
 * county's period (setting legal.matter_days), which the head of the legal
 * office may extend with a reason.
 */
#include "modules/legal/legal_int.h"

#include "modules/legal/legal.h"
#include "platform/legality.h"
#include "platform/settings.h"

const struct fz_option fz_legal_contract_kinds[] = {
    {"procurement", "采购"}, {"construction", "工程"},	  {"ppp", "PPP"},
    {"lease", "租赁"},	     {"cooperation", "合作协议"}, {"concession", "特许经营"},
    {"service", "服务"},     {"other", "其他"},		  {NULL, NULL},
};

const struct fz_option fz_legal_dispute_kinds[] = {
    {"negotiation", "协商"}, {"mediation", "调解"}, {"arbitration", "仲裁"},
    {"litigation", "诉讼"},  {NULL, NULL},
};

const struct fz_option fz_legal_dispute_outcomes[] = {
    {"settled", "协商一致"},
    {"mediated", "调解结案"},
    {"won", "裁决或判决支持我方"},
    {"partly", "部分支持我方"},
    {"lost", "裁决或判决不支持我方"},
    {"withdrawn", "撤回或不再主张"},
    {NULL, NULL},
};

const struct fz_option fz_legal_matter_kinds[] = {
    {"letter", "函件"},	   {"litigation", "拟诉讼/应诉准备"},
    {"agreement", "协议"}, {"policy", "政策咨询"},
    {"other", "其他"},	   {NULL, NULL},
};

const struct fz_option fz_legal_adviser_kinds[] = {
    {"counsel", "法律顾问"},
    {"public_lawyer", "公职律师"},
    {NULL, NULL},
};

const struct fz_option fz_legal_opinion_kinds[] = {
    {"written", "书面意见"},
    {"meeting", "列席会议"},
    {"oral", "口头意见"},
    {NULL, NULL},
};

/* The legal office's opinions as the contract records them (the review module's values). */
const struct fz_option fz_legal_review_opinions[] = {
    {"lawful", "合法"},
    {"lawful_if_amended", "修改后合法"},
    {"unlawful", "不合法"},
    {NULL, NULL},
};

#define AGENCY (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define LEGAL  (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)
#define HEADS  (FZ_ROLE_AGENCY_HEAD | LEGAL)
#define BIG    9000000000000000000L

/* ---- 政府合同 --------------------------------------------------------------------------- */

static const struct fz_state contract_states[] = {
    {"drafting", "拟订中", false},
    {"in_review", "合法性审核中", false},
    {"reviewed", "审核通过，待签订", false},
    {"performing", "履行中", false},
    {"disputed", "争议处理中", false},
    {"completed", "履行完毕", true},
    {"terminated", "已解除（终止）", true},
    {"abandoned", "不再签订", true},
    {NULL, NULL, false},
};

static const struct fz_clock_def contract_clocks[] = {
    /* Started by the domain on the nearest open milestone's due day (legal_contract.c). */
    {.name = "milestone",
     .label = "履行节点期限",
     .unit = FZ_UNIT_DAY,
     .days = 30,
     .article =
	 "合同约定的履行期限（最近一个未完成的履行节点）；到期前按设置项“履行节点提醒天数”提醒"},
    {.name = NULL},
};

static const struct fz_transition contract_transitions[] = {
    {.name = "revise",
     .label = "修改合同草案",
     .from = {"drafting"},
     .to = "drafting",
     .roles = AGENCY | LEGAL,
     .inputs =
	 {{.name = "amount",
	   .label = "合同金额（元）",
	   .type = FZ_IN_INT,
	   .min = 0,
	   .max = 1000000000000L},
	  {.name = "planned_sign_on", .label = "拟签订日期", .type = FZ_IN_DATE},
	  {.name = "subject", .label = "合同主要内容", .type = FZ_IN_TEXTAREA, .max_chars = 4000}}},
    {.name = "submit_review",
     .label = "送合法性审核",
     .from = {"drafting"},
     .to = "in_review",
     .roles = HEADS,
     .inputs = {{.name = "summary",
		 .label = "送审说明",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 4000}}},
    /* Taken by the review's opinion (platform/legality.h). */
    {.name = "review_passed",
     .label = "合法性审核通过",
     .from = {"in_review"},
     .to = "reviewed",
     .system = true,
     .inputs = {{.name = "opinion",
		 .label = "审核意见",
		 .type = FZ_IN_TEXT,
		 .required = true,
		 .max_chars = 40},
		{.name = "review_case_id",
		 .label = "审核案件",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 1,
		 .max = BIG}}},
    {.name = "review_failed",
     .label = "合法性审核不合法，退回修改",
     .from = {"in_review"},
     .to = "drafting",
     .system = true,
     .inputs = {{.name = "opinion",
		 .label = "审核意见",
		 .type = FZ_IN_TEXT,
		 .required = true,
		 .max_chars = 40},
		{.name = "review_case_id",
		 .label = "审核案件",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 1,
		 .max = BIG}}},
    /* Only from "reviewed": no contract is signed before a passed review. */
    {.name = "sign",
     .label = "登记签订",
     .from = {"reviewed"},
     .to = "performing",
     .roles = AGENCY | LEGAL,
     .inputs = {{.name = "signed_on", .label = "签订日期", .type = FZ_IN_DATE, .required = true},
		{.name = "signed_amount",
		 .label = "签订金额（元）",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 0,
		 .max = 1000000000000L},
		{.name = "note", .label = "签订说明", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .note_input = "note"},
    {.name = "dispute",
     .label = "登记合同争议",
     .from = {"performing"},
     .to = "disputed",
     .roles = AGENCY | LEGAL,
     .inputs =
	 {{.name = "kind",
	   .label = "争议解决方式",
	   .type = FZ_IN_SELECT,
	   .required = true,
	   .options = fz_legal_dispute_kinds},
	  {.name = "raised_on", .label = "争议发生日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "summary",
	   .label = "争议事项",
	   .type = FZ_IN_TEXTAREA,
	   .required = true,
	   .max_chars = 4000}},
     .note_input = "summary"},
    {.name = "resolve_dispute",
     .label = "登记争议处理结果",
     .from = {"disputed"},
     .to = "performing",
     .roles = AGENCY | LEGAL,
     .inputs = {{.name = "outcome",
		 .label = "处理结果",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_legal_dispute_outcomes},
		{.name = "resolved_on", .label = "结果日期", .type = FZ_IN_DATE, .required = true},
		{.name = "outcome_note",
		 .label = "结果说明",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 4000}},
     .note_input = "outcome_note"},
    /* Taken when the last open milestone is done (legal_contract.c): its clock stops. */
    {.name = "milestones_clear",
     .label = "履行节点已全部完成",
     .from = {"performing", "disputed"},
     .system = true,
     .effects = {{.op = FZ_CLK_STOP, .clock = "milestone"}}},
    {.name = "complete",
     .label = "履行完毕",
     .from = {"performing"},
     .to = "completed",
     .roles = AGENCY | LEGAL,
     .inputs =
	 {{.name = "completed_on", .label = "履行完毕日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "note", .label = "履行情况说明", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "milestone"}},
     .note_input = "note"},
    {.name = "terminate",
     .label = "解除（终止）合同",
     .from = {"performing", "disputed"},
     .to = "terminated",
     .roles = HEADS,
     .inputs =
	 {{.name = "terminated_on", .label = "解除日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "reason",
	   .label = "解除理由",
	   .type = FZ_IN_TEXTAREA,
	   .required = true,
	   .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "milestone"}},
     .note_input = "reason"},
    {.name = "abandon",
     .label = "不再签订",
     .from = {"drafting", "reviewed"},
     .to = "abandoned",
     .roles = HEADS,
     .inputs = {{.name = "reason",
		 .label = "理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "milestone"}},
     .note_input = "reason"},
    {.name = NULL},
};

/* What the contract records outside its steps, as the timeline says it. */
static const struct fz_option contract_events[] = {
    {"milestone_add", "登记履行节点"},
    {"milestone_done", "履行节点完成"},
    {NULL, NULL},
};

const struct fz_case_type fz_legal_contract_type = {
    .name = FZ_LEGAL_CONTRACT,
    .label = "政府合同",
    .number_code = "合",
    .states = contract_states,
    .transitions = contract_transitions,
    .clocks = contract_clocks,
    .initial_state = "drafting",
    .create_label = "合同登记",
    .event_labels = contract_events,
};

/* ---- 涉法事务 --------------------------------------------------------------------------- */

static const struct fz_state matter_states[] = {
    {"received", "待分办", false},
    {"handling", "办理中", false},
    {"answered", "已出具法律意见", true},
    {"withdrawn", "已撤回", true},
    {NULL, NULL, false},
};

static const struct fz_clock_def matter_clocks[] = {
    {.name = "handle",
     .label = "涉法事务办理期限",
     .unit = FZ_UNIT_WD,
     .days = 10,
     .days_setting = "legal.matter_days",
     .article = "地方规定（设置项“涉法事务办理期限”）：自收到之日起 10 个工作日内出具法律意见；"
		"情况复杂的，经法制机构负责人批准可以延长（设置项“涉法事务最长延长期限”）",
     .cite = "本县涉法事务办理规定",
     .max_extension = 30},
    {.name = NULL},
};

static const struct fz_transition matter_transitions[] = {
    {.name = "assign",
     .label = "分办承办人员",
     .from = {"received", "handling"},
     .to = "handling",
     .roles = FZ_ROLE_LEGAL_HEAD,
     .inputs = {{.name = "handler_id",
		 .label = "承办人员",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 1,
		 .max = BIG},
		{.name = "note", .label = "分办意见", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
     .note_input = "note"},
    {.name = "extend",
     .label = "批准延长办理期限",
     .from = {"received", "handling"},
     .roles = FZ_ROLE_LEGAL_HEAD,
     .before_clock = "handle",
     .inputs = {{.name = "days",
		 .label = "延长工作日数",
		 .type = FZ_IN_INT,
		 .required = true,
		 .min = 1,
		 .max = 30},
		{.name = "reason",
		 .label = "延长理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .effects = {{.op = FZ_CLK_EXTEND, .clock = "handle", .arg = "days"}},
     .note_input = "reason"},
    {.name = "answer",
     .label = "出具法律意见书",
     .from = {"handling"},
     .to = "answered",
     .roles = LEGAL,
     .inputs = {{.name = "opinion",
		 .label = "法律意见",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 20000},
		{.name = "basis", .label = "法律依据", .type = FZ_IN_TEXTAREA, .max_chars = 4000}},
     /* The field says whether the caller is the assigned handler or the office head. */
     .when = {{.field = "answerable",
	       .is = "true",
	       .rule = "只有分办的承办人员或者法制机构负责人可以出具法律意见"}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "handle"}}},
    {.name = "withdraw",
     .label = "撤回",
     .from = {"received", "handling"},
     .to = "withdrawn",
     .roles = AGENCY | LEGAL,
     .inputs = {{.name = "reason",
		 .label = "撤回理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "handle"}},
     .note_input = "reason"},
    {.name = NULL},
};

const struct fz_case_type fz_legal_matter_type = {
    .name = FZ_LEGAL_MATTER,
    .label = "涉法事务",
    .number_code = "涉",
    .states = matter_states,
    .transitions = matter_transitions,
    .clocks = matter_clocks,
    .initial_state = "received",
    .on_create = {{.op = FZ_CLK_START, .clock = "handle"}},
    .create_label = "收到涉法事务",
};

static const struct fz_case_kind legal_kinds[] = {
    {.type = &fz_legal_contract_type,
     .apply = fz_legal_contract_apply,
     .fields = fz_legal_contract_fields},
    {.type = &fz_legal_matter_type,
     .apply = fz_legal_matter_apply,
     .fields = fz_legal_matter_fields},
    {.type = NULL},
};

/* The legal office reviews every government contract before it is signed. */
static const struct fz_review_kind legal_review_kinds[] = {
    {.name = "contract",
     .label = "政府合同",
     .subject_type = FZ_LEGAL_CONTRACT,
     .on_passed = "review_passed",
     .on_failed = "review_failed",
     .days_setting = "legal.contract_review_days",
     .article = "国办发〔2018〕115号及本县政府合同管理规定（设置项“政府合同合法性审核期限”）："
		"自收到送审材料之日起 5 个工作日内出具审核意见"},
    {.name = NULL},
};

static const struct fz_setting_def legal_settings[] = {
    {"legal.contract_review_days", "政府合同合法性审核期限（工作日）", 5, 1, 15,
     "本县政府合同管理规定：自收到送审材料之日起出具审核意见的期限，默认 5 个工作日"},
    {"legal.matter_days", "涉法事务办理期限（工作日）", 10, 1, 60,
     "地方规定：自收到涉法事务之日起出具法律意见的期限，默认 10 个工作日"},
    {"legal.matter_extend_days", "涉法事务最长延长期限（工作日）", 10, 1, 30,
     "经法制机构负责人批准延长的，累计不超过的工作日数"},
    {"legal.milestone_remind_days", "合同履行节点提醒天数（日）", 10, 1, 90,
     "履行节点到期前多少日列入待办提醒"},
    {NULL, NULL, 0, 0, 0, NULL},
};

/*
 * What the module records on a case of any procedure, its own and other
 * modules' (a normative draft, a legality review, a major decision), as the
 * case's timeline says it.
 */
static const struct fz_option legal_any_case_events[] = {
    {"adviser_opinion", "记录法律顾问意见"},
    {"adviser_opinion_remove", "删除法律顾问意见"},
    {NULL, NULL},
};

const struct fz_module fz_legal_module = {
    .name = "legal",
    .label = "法律事务",
    .kinds = legal_kinds,
    .migrations = fz_legal_migrations,
    .settings = legal_settings,
    .routes = fz_legal_routes,
    .meta = fz_legal_meta,
    .figures = fz_legal_figures,
    .review_kinds = legal_review_kinds,
    .report = fz_legal_stats_json,
    .demo = &fz_legal_demo,
    .generate = fz_legal_generate,
    .event_labels = legal_any_case_events,
};
