/*
 * enf_coercion_flow.c - the coercion case (行政强制案件, 《行政强制法》2011)
 * declared as data: states, clocks with the articles they rest on, and the
 * transitions with their roles, inputs and guards. One case kind holds the
 * two procedures of the law, told apart by the case's `procedure` field and
 * by their disjoint states:
 *
 * Coercive measure (行政强制措施: 查封 or 扣押, 第22-28条):
 *   with prior approval: 申请 (requested) → 负责人批准 (approved) → 实施 (in_force)
 *   on the spot (第19条): 当场实施 (spot_pending, report within 24 hours) →
 *   负责人补办批准 (in_force), or 不予批准 → 立即解除 (released)
 *   in force: at most 30 days (第25条), extended once by at most 30 days with the
 *   head's approval and the party told in writing; ends by 解除 (第28条) or by
 *   handling (没收 through a penalty decision, 销毁 as a law provides).
 *
 * Coercive execution (行政强制执行) of a decision the party did not perform:
 *   待催告 (to_remind) → 催告 (第35条; the period to perform) → 陈述申辩
 *   (第36条) → the agency's own execution decision (第37条, where a law gives
 *   the power) or an application to the people's court (第53条, within three
 *   months after the party's remedy periods ended) → the court's ruling.
 *
 * The checks that need the store (certified officers, the power list, the 24
 * hours, the remedy periods, the linked penalty case) are in enf_coercion.c.
 */
#include "modules/enforcement/enf_int.h"

const struct fz_option fz_coe_procedures[] = {
    {"measure", "行政强制措施（查封、扣押）"}, {"execution", "行政强制执行"}, {NULL, NULL}};

/* 第9条第（二）（三）项: the measures a county agency takes in this module. */
const struct fz_option fz_coe_measure_kinds[] = {
    {"seal", "查封场所、设施或者财物"}, {"seize", "扣押财物"}, {NULL, NULL}};

const struct fz_option fz_coe_approvals[] = {
    {"prior", "事先经行政机关负责人批准"},
    {"spot", "情况紧急当场实施，24 小时内报告负责人并补办批准（第十九条）"},
    {NULL, NULL}};

/* 第28条第一款: the grounds of a release. */
const struct fz_option fz_coe_release_reasons[] = {
    {"no_violation", "当事人没有违法行为"},
    {"unrelated", "查封、扣押的场所、设施或者财物与违法行为无关"},
    {"decided", "行政机关对违法行为已经作出处理决定，不再需要查封、扣押"},
    {"expired", "查封、扣押期限已经届满"},
    {"no_longer_needed", "其他不再需要采取查封、扣押措施的情形"},
    {"not_approved", "行政机关负责人不予批准，立即解除（第十九条）"},
    {NULL, NULL}};

const struct fz_option fz_coe_handlings[] = {
    {"confiscate", "依法没收（行政处罚决定）"}, {"destroy", "依法销毁"}, {NULL, NULL}};

/* 第12条: the ways of coercive execution an agency with the power may take. */
const struct fz_option fz_coe_exec_methods[] = {
    {"surcharge", "加处罚款或者滞纳金（第四十五条）"},
    {"transfer", "划拨存款、汇款（第四十七条）"},
    {"auction", "拍卖或者依法处理查封、扣押的场所、设施或者财物（第四十六条）"},
    {"restore", "排除妨碍、恢复原状"},
    {"substitute", "代履行（第五十条）"},
    {"other", "其他强制执行方式"},
    {NULL, NULL}};

const struct fz_option fz_coe_rulings[] = {
    {"grant", "裁定准予执行"}, {"refuse", "裁定不予执行"}, {NULL, NULL}};

static const struct fz_state states[] = {{"requested", "待负责人批准", false},
					 {"approved", "已批准，待实施", false},
					 {"spot_pending", "当场实施，待补办批准", false},
					 {"in_force", "查封、扣押中", false},
					 {"released", "已解除", true},
					 {"handled", "已依法处理", true},
					 {"refused", "负责人不予批准", true},
					 {"to_remind", "待催告", false},
					 {"reminded", "已催告，待履行", false},
					 {"executing", "已作出强制执行决定", false},
					 {"at_court", "已申请法院强制执行", false},
					 {"ruled", "法院已裁定", true},
					 {"closed", "已执行完毕", true},
					 {NULL, NULL, false}};

static const struct fz_clock_def clocks[] = {
    {.name = "approval",
     .label = "补办批准手续期限（24 小时）",
     .unit = FZ_UNIT_DAY,
     .days = 1,
     .article = "《行政强制法》第十九条：情况紧急，需要当场实施行政强制措施的，行政执法人员应当在二"
		"十四小时内向行政机关负责人报告，并补办批准手续；行政机关负责人认为不应当采取行政强"
		"制措施的，应当立即解除",
     .cite = "《行政强制法》第十九条",
     .step = "spot_pending"},
    {.name = "duration",
     .label = "查封、扣押期限",
     .unit = FZ_UNIT_CD,
     .days = 30,
     .article =
	 "《行政强制法》第二十五条：查封、扣押的期限不得超过三十日；情况复杂的，经行政机关负责人批"
	 "准，可以延长，但是延长期限不得超过三十日。延长查封、扣押的决定应当及时书面告知当事人",
     .cite = "《行政强制法》第二十五条",
     .max_extension = 30,
     .max_extensions = 1},
    {.name = "perform",
     .label = "催告履行期限",
     .unit = FZ_UNIT_WD,
     .days = 10,
     .days_setting = "enforcement.coercion_perform_days",
     .article = "《行政强制法》第三十五条：行政机关作出强制执行决定前，应当事先催告当事人履行义务，"
		"催告应当以书面形式作出，载明履行义务的期限；第六十九条：十日以内期限的规定是指工作"
		"日（默认 10 个工作日，催告书可另定）",
     .cite = "《行政强制法》第三十五条",
     .step = "reminded"},
    {.name = "court_application",
     .label = "申请人民法院强制执行期限（三个月）",
     .unit = FZ_UNIT_CD,
     .days = 92,
     .article = "《行政强制法》第五十三条：当事人在法定期限内不申请行政复议或者提起行政诉讼，又不履"
		"行行政决定的，没有行政强制执行权的行政机关可以自期限届满之日起三个月内，依照本章规"
		"定申请人民法院强制执行",
     .cite = "《行政强制法》第五十三条"},
    {.name = NULL}};

#define CASEWORK (FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define HEAD	 FZ_ROLE_AGENCY_HEAD

static const struct fz_transition transitions[] = {
    /* ---- 查封、扣押 ---- */
    {.name = "approve",
     .label = "负责人批准实施查封、扣押",
     .from = {"requested"},
     .to = "approved",
     .roles = HEAD,
     .article = "《行政强制法》第十八条第（一）项：实施前须向行政机关负责人报告并经批准",
     .inputs = {{.name = "approved_on", .label = "批准日期", .type = FZ_IN_DATE, .required = true},
		{.name = "note", .label = "批准意见", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
     .note_input = "note"},
    {.name = "refuse",
     .label = "负责人不予批准",
     .from = {"requested"},
     .to = "refused",
     .roles = HEAD,
     .inputs = {{.name = "decided_on", .label = "决定日期", .type = FZ_IN_DATE, .required = true},
		{.name = "reason",
		 .label = "不予批准的理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .note_input = "reason"},
    {.name = "take",
     .label = "实施查封、扣押（制作现场笔录，交付决定书和清单）",
     .from = {"approved"},
     .to = "in_force",
     .roles = CASEWORK,
     .article = "《行政强制法》第十八条、第二十四条：由两名以上行政执法人员实施，出示执法身份证件，"
		"制作现场笔录；当场交付查封、扣押决定书和清单",
     .inputs =
	 {{.name = "taken_on", .label = "实施日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "taken_at", .label = "实施时间（时:分）", .type = FZ_IN_TEXT, .max_chars = 5},
	  {.name = "note", .label = "现场笔录要点", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_START, .clock = "duration", .arg = "taken_on"}},
     .note_input = "note"},
    {.name = "approve_spot",
     .label = "负责人补办批准（当场实施后 24 小时内）",
     .from = {"spot_pending"},
     .to = "in_force",
     .roles = HEAD,
     .article = "《行政强制法》第十九条：当场实施的，应当在二十四小时内向行政机关负责人报告，并补办"
		"批准手续",
     .inputs = {{.name = "approved_on", .label = "批准日期", .type = FZ_IN_DATE, .required = true},
		{.name = "approved_at",
		 .label = "批准时间（时:分）",
		 .type = FZ_IN_TEXT,
		 .required = true,
		 .max_chars = 5},
		{.name = "note", .label = "批准意见", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "approval", .arg = "approved_on"}},
     .note_input = "note"},
    {.name = "refuse_spot",
     .label = "负责人不予批准，立即解除",
     .from = {"spot_pending"},
     .to = "released",
     .roles = HEAD,
     .article = "《行政强制法》第十九条：行政机关负责人认为不应当采取行政强制措施的，应当立即解除",
     .inputs = {{.name = "released_on", .label = "解除日期", .type = FZ_IN_DATE, .required = true},
		{.name = "reason",
		 .label = "不予批准的理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "approval", .arg = "released_on"},
		 {.op = FZ_CLK_STOP, .clock = "duration", .arg = "released_on"}},
     .note_input = "reason"},
    {.name = "extend",
     .label = "延长查封、扣押期限（经负责人批准，书面告知当事人）",
     .from = {"in_force"},
     .roles = HEAD,
     .before_clock = "duration",
     .article =
	 "《行政强制法》第二十五条第一款、第二款：情况复杂的，经行政机关负责人批准，可以延长，但是"
	 "延长期限不得超过三十日；延长查封、扣押的决定应当及时书面告知当事人，并说明理由",
     .inputs =
	 {{.name = "extended_on", .label = "批准延长日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "days",
	   .label = "延长天数（不超过 30 日）",
	   .type = FZ_IN_INT,
	   .required = true,
	   .min = 1,
	   .max = 30},
	  {.name = "reason",
	   .label = "延长理由（情况复杂）",
	   .type = FZ_IN_TEXTAREA,
	   .required = true,
	   .max_chars = 1000},
	  {.name = "party_told_on",
	   .label = "书面告知当事人日期",
	   .type = FZ_IN_DATE,
	   .required = true}},
     .effects = {{.op = FZ_CLK_EXTEND, .clock = "duration", .arg = "days"}},
     .note_input = "reason"},
    {.name = "release",
     .label = "解除查封、扣押",
     .from = {"in_force", "spot_pending"},
     .to = "released",
     .roles = CASEWORK,
     .article = "《行政强制法》第二十八条：有下列情形之一的，行政机关应当及时作出解除查封、扣押决定"
		"……解除查封、扣押应当立即退还财物",
     .inputs =
	 {{.name = "released_on", .label = "解除日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "release_reason",
	   .label = "解除理由",
	   .type = FZ_IN_SELECT,
	   .required = true,
	   .options = fz_coe_release_reasons},
	  {.name = "note", .label = "退还财物情况", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "duration", .arg = "released_on"},
		 {.op = FZ_CLK_STOP, .clock = "approval", .arg = "released_on"}},
     .note_input = "note"},
    {.name = "handle",
     .label = "依法处理查封、扣押的财物（没收、销毁）",
     .from = {"in_force"},
     .to = "handled",
     .roles = CASEWORK,
     .article = "《行政强制法》第二十七条：查封、扣押后，应当及时查清事实，在第二十五条规定的期限内"
		"作出处理决定。对违法事实清楚，依法应当没收的非法财物予以没收；法律、行政法规规定应"
		"当销毁的，依法销毁",
     .inputs = {{.name = "handled_on", .label = "处理日期", .type = FZ_IN_DATE, .required = true},
		{.name = "handling",
		 .label = "处理方式",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_coe_handlings},
		{.name = "penalty_case_id",
		 .label = "没收所依据的行政处罚案件",
		 .type = FZ_IN_INT,
		 .min = 1,
		 .max = 2147483647},
		{.name = "handling_basis",
		 .label = "销毁所依据的法律、行政法规条款",
		 .type = FZ_IN_TEXT,
		 .max_chars = 200},
		{.name = "note", .label = "处理情况", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .needs = {{.input = "penalty_case_id", .when = "handling", .is = "confiscate"},
	       {.input = "handling_basis", .when = "handling", .is = "destroy"}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "duration", .arg = "handled_on"}},
     .note_input = "note"},

    /* ---- 行政强制执行 ---- */
    {.name = "remind",
     .label = "催告当事人履行义务",
     .from = {"to_remind"},
     .to = "reminded",
     .roles = CASEWORK,
     .article = "《行政强制法》第三十五条：催告应当以书面形式作出，载明履行义务的期限、方式，涉及金"
		"钱给付的载明金额和给付方式，以及当事人依法享有的陈述权和申辩权",
     .inputs =
	 {{.name = "reminded_on", .label = "催告书送达日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "perform_days",
	   .label = "履行期限（工作日，默认按设置）",
	   .type = FZ_IN_INT,
	   .min = 1,
	   .max = 60},
	  {.name = "content",
	   .label = "催告内容",
	   .type = FZ_IN_TEXTAREA,
	   .required = true,
	   .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_START,
		  .clock = "perform",
		  .arg = "reminded_on",
		  .days_arg = "perform_days"}},
     .note_input = "content"},
    {.name = "statement",
     .label = "听取当事人陈述、申辩",
     .from = {"reminded"},
     .roles = CASEWORK,
     .article = "《行政强制法》第三十六条：当事人收到催告书后有权进行陈述和申辩。行政机关应当充分听"
		"取当事人的意见，对当事人提出的事实、理由和证据，应当进行记录、复核",
     .inputs =
	 {{.name = "statement_on", .label = "陈述申辩日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "statement",
	   .label = "陈述申辩意见及复核情况",
	   .type = FZ_IN_TEXTAREA,
	   .required = true,
	   .max_chars = 4000},
	  {.name = "adopted",
	   .label = "当事人提出的事实、理由或者证据成立，予以采纳",
	   .type = FZ_IN_BOOL}},
     .note_input = "statement"},
    {.name = "decide_execution",
     .label = "作出强制执行决定（法律授予强制执行权）",
     .from = {"reminded"},
     .to = "executing",
     .roles = HEAD,
     .after_clock = "perform",
     .article = "《行政强制法》第三十七条：经催告，当事人逾期仍不履行行政决定，且无正当理由的，行政"
		"机关可以作出强制执行决定；第十三条：行政强制执行由法律设定",
     .inputs = {{.name = "exec_decided_on",
		 .label = "强制执行决定日期",
		 .type = FZ_IN_DATE,
		 .required = true},
		{.name = "exec_method",
		 .label = "强制执行方式",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_coe_exec_methods},
		{.name = "exec_power_law",
		 .label = "授予本机关强制执行权的法律条款",
		 .type = FZ_IN_TEXT,
		 .required = true,
		 .max_chars = 200},
		{.name = "exec_text",
		 .label = "强制执行决定内容",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 4000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "court_application", .arg = "exec_decided_on"},
		 {.op = FZ_CLK_STOP, .clock = "perform", .arg = "exec_decided_on"}},
     .note_input = "exec_text"},
    {.name = "complete_execution",
     .label = "强制执行完毕",
     .from = {"executing"},
     .to = "closed",
     .roles = CASEWORK,
     .inputs =
	 {{.name = "closed_on", .label = "执行完毕日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "note", .label = "执行情况", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .note_input = "note"},
    {.name = "apply_court",
     .label = "申请人民法院强制执行",
     .from = {"reminded"},
     .to = "at_court",
     /* The application's own day is checked against the three months (a record may come later). */
     .roles = HEAD,
     .after_clock = "perform",
     .article = "《行政强制法》第五十三条、第五十四条：没有行政强制执行权的行政机关自复议、诉讼期限"
		"届满之日起三个月内申请人民法院强制执行；申请前应当催告，催告书送达十日后当事人仍未"
		"履行义务的，可以申请",
     .inputs =
	 {{.name = "court_applied_on", .label = "申请日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "court",
	   .label = "受理申请的人民法院",
	   .type = FZ_IN_TEXT,
	   .required = true,
	   .max_chars = 100},
	  {.name = "note", .label = "申请材料说明", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "court_application", .arg = "court_applied_on"},
		 {.op = FZ_CLK_STOP, .clock = "perform", .arg = "court_applied_on"}},
     .note_input = "note"},
    {.name = "court_ruling",
     .label = "登记人民法院裁定",
     .from = {"at_court"},
     .to = "ruled",
     .roles = CASEWORK,
     .article = "《行政强制法》第五十七条、第五十八条：人民法院对行政机关强制执行的申请进行书面审查"
		"，自受理之日起七日内作出执行裁定",
     .inputs = {{.name = "ruled_on", .label = "裁定日期", .type = FZ_IN_DATE, .required = true},
		{.name = "ruling",
		 .label = "裁定结果",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_coe_rulings},
		{.name = "ruling_no", .label = "裁定书文号", .type = FZ_IN_TEXT, .max_chars = 60},
		{.name = "note", .label = "裁定要点", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .note_input = "note"},
    {.name = "performed",
     .label = "当事人已履行义务，终结执行",
     .from = {"to_remind", "reminded", "executing", "at_court"},
     .to = "closed",
     .roles = CASEWORK,
     .inputs = {{.name = "closed_on", .label = "履行日期", .type = FZ_IN_DATE, .required = true},
		{.name = "note", .label = "履行情况", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "perform", .arg = "closed_on"},
		 {.op = FZ_CLK_STOP, .clock = "court_application", .arg = "closed_on"}},
     .note_input = "note"},
    {.name = NULL}};

const struct fz_case_type fz_enf_coercion_type = {
    .name = "enf_coercion",
    .label = "行政强制案件",
    .number_code = "强",
    .states = states,
    .transitions = transitions,
    .clocks = clocks,
    .initial_state = "requested",
    .create_label = "行政强制立案",
};
