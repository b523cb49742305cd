/*
 * enf_flow.c - the two enforcement procedures declared as data, and the
 * option lists of the registries.
 *
 * Qualification of an enforcement body (执法主体资格): the agency submits the
 * body with the law that gives it enforcement power; the legal office reviews
 * it (a local period, setting enforcement.body_review_days), confirms or
 * rejects it, and publishes the confirmed body (公告, 《法治政府建设实施纲要》
 * and provincial rules on 行政执法主体资格确认).
 *
 * Certificates (执法证件, 持证上岗 and 亮证执法, 《行政处罚法》第四十二条: at
 * least two officers holding enforcement certificates): application →
 * qualification screening → training → exam (pass mark a setting) → issue →
 * annual review → suspension / withdrawal → expiry. Two clocks feed the
 * supervision cards: "expiry" runs from the issue day to the end of
 * validity; "withdrawal" runs from the day an officer leaves (调离, 退休) to
 * the day the certificate must be back (a local rule: setting
 * enforcement.cert_withdraw_days, default 10 working days; provinces write
 * "及时收回" without a number).
 */
#include <string.h>

#include "modules/enforcement/enf_int.h"
#include "modules/enforcement/enforcement.h"
#include "platform/settings.h"

const struct fz_option fz_enf_body_kinds[] = {
	{"organ", "行政机关"},
	{"authorized", "法律法规授权的组织"},
	{"entrusted", "受委托组织"},
	{NULL, NULL}};

const struct fz_option fz_enf_body_levels[] = {
	{"department", "县政府部门"}, {"township", "乡镇（街道）"}, {NULL, NULL}};

const struct fz_option fz_enf_body_status[] = {
	{"submitted", "待审核"}, {"confirmed", "已确认（待公告）"}, {"rejected", "审核未通过"},
	{"published", "已公告"}, {"abolished", "已撤销"},          {NULL, NULL}};

const struct fz_option fz_enf_categories[] = {
	{"licensing", "行政许可"},   {"penalty", "行政处罚"},   {"coercion", "行政强制"},
	{"levy", "行政征收"},        {"payment", "行政给付"},   {"adjudication", "行政裁决"},
	{"confirmation", "行政确认"}, {"reward", "行政奖励"},    {"inspection", "行政检查"},
	{"other", "其他"},           {NULL, NULL}};

const struct fz_option fz_enf_officer_status[] = {
	{"on_duty", "在岗"}, {"transferred", "调离"}, {"retired", "退休"}, {"suspended", "停职"},
	{NULL, NULL}};

const struct fz_option fz_enf_posts[] = {
	{"enforcement", "一线执法岗位"}, {"legal_review", "法制审核岗位"},
	{"supervision", "执法监督岗位"}, {"leadership", "执法机构负责人"}, {NULL, NULL}};

const struct fz_option fz_enf_education[] = {
	{"doctor", "博士研究生"}, {"master", "硕士研究生"}, {"bachelor", "大学本科"},
	{"college", "大学专科"},  {"secondary", "高中、中专及以下"}, {NULL, NULL}};

const struct fz_option fz_enf_employment[] = {
	{"civil_servant", "公务员"}, {"managed", "参照公务员法管理人员"},
	{"institution", "事业编制人员"}, {"contract", "合同制或劳务派遣人员"},
	{"temporary", "临时聘用人员"}, {NULL, NULL}};

const struct fz_option fz_enf_end_reasons[] = {
	{"transfer", "调离执法岗位"}, {"retirement", "退休"}, {"misconduct", "违法违纪"},
	{"other", "其他原因"},        {NULL, NULL}};

const struct fz_option fz_enf_genders[] = {{"male", "男"}, {"female", "女"}, {NULL, NULL}};

const struct fz_option fz_enf_cert_types[] = {
	{"enforcement", "行政执法证"}, {"supervision", "行政执法监督证"}, {NULL, NULL}};

const struct fz_option fz_enf_change_types[] = {
	{"rename", "更名"}, {"merge", "合并"}, {"split", "分设"}, {"abolish", "撤销"}, {NULL, NULL}};

const char *fz_enf_label(const struct fz_option *o, const char *v)
{
	for (; v && o->value; o++)
		if (strcmp(o->value, v) == 0)
			return o->label;
	return v;
}

const char *fz_enf_category_parse(const char *s)
{
	for (const struct fz_option *o = fz_enf_categories; s && o->value; o++)
		if (strcmp(o->value, s) == 0 || strcmp(o->label, s) == 0)
			return o->value;
	/* The short forms agencies write in their sheets: "许可", "处罚", "其他类". */
	static const char *const shorts[][2] = {
		{"许可", "licensing"}, {"处罚", "penalty"},    {"强制", "coercion"},
		{"征收", "levy"},      {"给付", "payment"},    {"裁决", "adjudication"},
		{"确认", "confirmation"}, {"奖励", "reward"}, {"检查", "inspection"},
		{"其他类", "other"},   {"其他行政权力", "other"}};
	for (size_t i = 0; s && i < sizeof shorts / sizeof shorts[0]; i++)
		if (strcmp(shorts[i][0], s) == 0)
			return shorts[i][1];
	return NULL;
}

#define LEGAL FZ_ROLES_LEGAL
#define AGENCY (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

/* ---- qualification review of a body ---------------------------------------------- */

static const struct fz_state body_states[] = {
	{"submitted", "待审核", false}, {"confirmed", "已确认（待公告）", false},
	{"rejected", "审核未通过", false}, {"published", "已公告", true}, {NULL, NULL, false}};

static const struct fz_clock_def body_clocks[] = {
	{.name = "review", .label = "资格审核期限", .unit = FZ_UNIT_WD, .days = 20,
	 .days_setting = "enforcement.body_review_days",
	 .article = "地方规定：法制机构收到执法主体资格确认申请后进行审核（默认 20 个工作日，可设置）",
	 .step = "submitted"},
	{.name = NULL}};

/* A body abolished (撤销) while under review takes no further step. */
#define BODY_EXISTS {{.field = "status", .is_not = "abolished", .rule = "该执法主体已撤销"}}

static const struct fz_transition body_transitions[] = {
	{.name = "confirm", .label = "审核通过，确认执法主体资格", .from = {"submitted"},
	 .to = "confirmed", .roles = LEGAL, .when = BODY_EXISTS,
	 .inputs = {{.name = "opinion", .label = "审核意见", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "review"}}, .note_input = "opinion"},
	{.name = "reject", .label = "审核不通过", .from = {"submitted"}, .to = "rejected",
	 .roles = LEGAL, .when = BODY_EXISTS,
	 .inputs = {{.name = "reason", .label = "不予确认的理由", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "review"}}, .note_input = "reason"},
	{.name = "resubmit", .label = "修改后重新报审", .from = {"rejected"}, .to = "submitted",
	 .roles = LEGAL | AGENCY, .when = BODY_EXISTS,
	 .inputs = {{.name = "legal_basis", .label = "执法主体资格的法律依据（修改后）",
		     .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 4000}},
	 .effects = {{.op = FZ_CLK_START, .clock = "review"}}},
	{.name = "publish", .label = "公告", .from = {"confirmed"}, .to = "published", .roles = LEGAL,
	 .when = BODY_EXISTS,
	 .inputs = {{.name = "published_on", .label = "公告日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "announcement", .label = "公告文号或载体", .type = FZ_IN_TEXT,
		     .max_chars = 100}},
	 .note_input = "announcement"},
	{.name = NULL}};

const struct fz_case_type fz_enf_body_type = {
	.name = "enf_body",
	.label = "执法主体资格审核",
	.number_code = "执主",
	.states = body_states,
	.transitions = body_transitions,
	.clocks = body_clocks,
	.initial_state = "submitted",
	.on_create = {{.op = FZ_CLK_START, .clock = "review"}},
	.create_label = "报送执法主体资格审核",
};

/* ---- certificates --------------------------------------------------------------- */

static const struct fz_state cert_states[] = {
	{"applied", "待资格审查", false},   {"screened", "待培训", false},
	{"trained", "待考试", false},       {"passed", "考试合格，待发证", false},
	{"failed", "考试不合格", false},    {"rejected", "资格审查未通过", true},
	/* A valid or suspended certificate is the outcome of the procedure, not a to-do; its
	 * follow-ups (review, suspension, withdrawal) stay possible, as after a decision. */
	{"valid", "有效", true},            {"suspended", "暂扣", true},
	{"to_withdraw", "待收回", false},   {"withdrawn", "已注销收回", true},
	{"expired", "已过期", true},        {NULL, NULL, false}};

static const struct fz_clock_def cert_clocks[] = {
	{.name = "expiry", .label = "证件有效期", .unit = FZ_UNIT_DAY, .days = 1826, .validity = true,
	 .article = "证件有效期自发证之日起计算，届满前应当换领；有效期届满未换领的，证件失效（有效期年限为地方规定，默认 5 年，可设置）"},
	{.name = "withdrawal", .label = "证件收回期限", .unit = FZ_UNIT_WD, .days = 10,
	 .days_setting = "enforcement.cert_withdraw_days",
	 .article = "地方规定：持证人调离执法岗位或退休的，所在单位应当及时收回执法证件并报发证机关注销（默认 10 个工作日，可设置）",
	 .step = "to_withdraw"},
	{.name = NULL}};

static const struct fz_transition cert_transitions[] = {
	{.name = "qualify", .label = "资格审查通过", .from = {"applied"}, .to = "screened",
	 .roles = LEGAL, .article = "学历、岗位、在编在岗（不含临时聘用和合同制人员）审查",
	 .when = {{.field = "officer_status", .is = "on_duty", .rule = "持证人已不在岗，资格审查不能通过"}},
	 .inputs = {{.name = "note", .label = "审查意见", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 .note_input = "note"},
	{.name = "disqualify", .label = "资格审查不通过", .from = {"applied"}, .to = "rejected",
	 .roles = LEGAL,
	 .inputs = {{.name = "reason", .label = "不通过的理由", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 1000}},
	 .note_input = "reason"},
	{.name = "train", .label = "登记岗前培训", .from = {"screened"}, .to = "trained",
	 .roles = LEGAL | AGENCY,
	 .inputs = {{.name = "hours", .label = "培训学时", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 500},
		    {.name = "completed_on", .label = "培训结业日期", .type = FZ_IN_DATE,
		     .required = true}}},
	{.name = "exam_pass", .label = "登记考试成绩（合格）", .from = {"trained", "failed"},
	 .to = "passed", .roles = LEGAL,
	 .inputs = {{.name = "score", .label = "考试成绩", .type = FZ_IN_INT, .required = true,
		     .min = 0, .max = 100},
		    {.name = "exam_on", .label = "考试日期", .type = FZ_IN_DATE, .required = true}}},
	{.name = "exam_fail", .label = "登记考试成绩（不合格）", .from = {"trained", "failed"},
	 .to = "failed", .roles = LEGAL,
	 .inputs = {{.name = "score", .label = "考试成绩", .type = FZ_IN_INT, .required = true,
		     .min = 0, .max = 100},
		    {.name = "exam_on", .label = "考试日期", .type = FZ_IN_DATE, .required = true}}},
	{.name = "issue", .label = "发证", .from = {"passed"}, .to = "valid", .roles = LEGAL,
	 .article = "《行政处罚法》第四十二条：行政处罚应当由具有行政执法资格的执法人员实施",
	 .inputs = {{.name = "area", .label = "执法区域", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 100},
		    {.name = "valid_years", .label = "有效期（年）", .type = FZ_IN_INT, .min = 1,
		     .max = 10},
		    {.name = "number", .label = "证件编号（不填则自动编号）", .type = FZ_IN_TEXT,
		     .max_chars = 30}}},
	{.name = "annual_review", .label = "年度审验通过", .from = {"valid"}, .roles = LEGAL,
	 .inputs = {{.name = "reviewed_on", .label = "审验日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "note", .label = "审验意见", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 .note_input = "note"},
	{.name = "suspend", .label = "暂扣证件", .from = {"valid"}, .to = "suspended", .roles = LEGAL,
	 .inputs = {{.name = "reason", .label = "暂扣理由（如年度审验不合格、涉嫌违法违纪）",
		     .type = FZ_IN_TEXTAREA, .required = true, .max_chars = 1000}},
	 .note_input = "reason"},
	{.name = "reinstate", .label = "发还证件", .from = {"suspended"}, .to = "valid", .roles = LEGAL,
	 /* A certificate whose validity ended is treated as expired, not given back. */
	 .before_clock = "expiry",
	 .when = {{.field = "officer_status", .is = "on_duty", .rule = "持证人已不在岗，不能发还证件"}},
	 .inputs = {{.name = "note", .label = "发还理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 1000}},
	 .note_input = "note"},
	{.name = "transfer_notice", .label = "持证人离岗，待收回证件", .from = {"valid", "suspended"},
	 .to = "to_withdraw", .roles = LEGAL | AGENCY,
	 .when = {{.field = "officer_status", .is_not = "on_duty",
		   .rule = "持证人仍在岗，不需要收回证件；先登记其调离或退休"}},
	 .inputs = {{.name = "reason", .label = "离岗原因", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_enf_end_reasons}},
	 .effects = {{.op = FZ_CLK_START, .clock = "withdrawal"}}},
	{.name = "withdraw", .label = "收回并注销证件", .from = {"valid", "suspended", "to_withdraw"},
	 .to = "withdrawn", .roles = LEGAL | FZ_ROLE_AGENCY_HEAD,
	 .inputs = {{.name = "reason", .label = "注销原因", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_enf_end_reasons},
		    {.name = "note", .label = "情况说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "expiry"}, {.op = FZ_CLK_STOP, .clock = "withdrawal"}},
	 .note_input = "note"},
	{.name = "expire", .label = "有效期届满，证件失效", .from = {"valid", "suspended"},
	 .to = "expired", .roles = LEGAL,
	 .after_clock = "expiry", /* due on the last day of validity (enf_people.c issue) */
	 .effects = {{.op = FZ_CLK_STOP, .clock = "expiry"}}},
	{.name = NULL}};

const struct fz_case_type fz_enf_cert_type = {
	.name = "enf_certificate",
	.label = "行政执法证件",
	.number_code = "执证",
	.states = cert_states,
	.transitions = cert_transitions,
	.clocks = cert_clocks,
	.initial_state = "applied",
	.create_label = "申领执法证件",
};

/* Bodies first: /api/meta lists the case types in this order. */
static const struct fz_case_kind enf_kinds[] = {
	{.type = &fz_enf_body_type, .apply = fz_enf_body_hook, .fields = fz_enf_body_fields},
	{.type = &fz_enf_cert_type, .apply = fz_enf_cert_hook, .fields = fz_enf_cert_fields},
	{.type = &fz_enf_penalty_type, .apply = fz_enf_penalty_hook, .fields = fz_enf_penalty_fields},
	{.type = &fz_enf_coercion_type, .apply = fz_enf_coercion_hook, .fields = fz_enf_coercion_fields},
	{.type = &fz_enf_inspection_type, .apply = fz_enf_inspection_hook, .fields = fz_enf_inspection_fields},
	{.type = NULL},
};

/* Local rules of the registries: periods, the exam's pass mark, validity, training. */
static const struct fz_setting_def enf_setting_defs[] = {
	/*
	 * spec/statutory-rules.md §4 lists 60 class hours per person per year as
	 * unconfirmed: no national statute fixes it, each province's enforcement
	 * training rules do, so the help says what the county must decide.
	 */
	{"enforcement.training_hours", "执法人员年度培训学时目标", 60, 1, 500,
	 "每名执法人员每年应完成的培训学时，低于此数的列入“学时未达标”。国家法律未规定统一学时，"
	 "按本省（本县）行政执法人员培训管理规定设定；默认 60 学时为多数地方的规定"},
	{"enforcement.exam_pass_mark", "执法资格考试合格分数线", 60, 1, 100, "地方规定，默认 60 分"},
	{"enforcement.cert_withdraw_days", "执法人员离岗后收回证件期限（工作日）", 10, 1, 60, "地方规定，默认 10 个工作日"},
	{"enforcement.cert_expiry_warning_days", "执法证件到期提醒（自然日）", 90, 1, 365, "有效期届满前多少日列入即将到期"},
	{"enforcement.cert_valid_years", "执法证件有效期（年）", 5, 1, 10, "地方规定，默认 5 年"},
	{"enforcement.body_review_days", "执法主体资格审核期限（工作日）", 20, 1, 60, "地方规定，默认 20 个工作日"},
	{"enforcement.penalty_decision_days", "行政处罚案件作出决定期限（自然日）", 90, 1, 365,
	 "《行政处罚法》第六十条：自立案之日起九十日内；法律、法规、规章另有规定的，按其规定设置"},
	{"enforcement.hearing_fine_citizen", "应告知听证的较大数额罚款：公民（元）", 10000, 1, 10000000,
	 "《行政处罚法》第六十三条“较大数额”由地方规定，默认对公民 1 万元以上（罚款、没收均适用）"},
	{"enforcement.hearing_fine_org", "应告知听证的较大数额罚款：法人或者其他组织（元）", 100000, 1,
	 100000000, "《行政处罚法》第六十三条“较大数额”由地方规定，默认对法人或者其他组织 10 万元以上（罚款、没收均适用）"},
	{"enforcement.legal_review_days", "法制审核期限（工作日）", 5, 1, 30,
	 "自提交法制审核之日起计算。《行政处罚法》第五十八条未规定审核期限，由本县法制审核办法规定；"
	 "默认 5 个工作日为多数地方的规定"},
	{"enforcement.major_filing_days", "重大行政处罚决定备案期限（自然日）", 15, 1, 90,
	 "自作出重大行政处罚决定之日起报司法行政部门备案的期限。国家法律未作统一规定，按本省、本县重大行政执法决定备案规定设定；"
	 "默认 15 日"},
	{"enforcement.publish_penalty_days", "行政处罚决定公示期限（工作日）", 7, 1, 60,
	 "国办发〔2018〕118号：行政许可、行政处罚的执法决定信息自决定作出之日起 7 个工作日内公开；本省规定更短的，按本省规定设置"},
	{"enforcement.publish_other_days", "其他执法决定公示期限（工作日）", 20, 1, 60,
	 "国办发〔2018〕118号：其他行政执法决定信息自决定作出之日起 20 个工作日内公开"},
	{"enforcement.publish_no_penalty", "是否公示不予行政处罚决定（1 公示，0 不公示）", 1, 0, 1,
	 "不予行政处罚决定是否在门户网站公示由本县规定；公示的，按“其他执法决定公示期限”计算"},
	{"enforcement.coercion_perform_days", "强制执行催告的履行期限（工作日）", 10, 1, 60,
	 "《行政强制法》第三十五条：催告书载明履行义务的期限；第六十九条：十日以内的期限指工作日。默认 10 个工作日，催告时可另定"},
	{"enforcement.inspection_publish_days", "行政检查结果公示期限（工作日）", 20, 1, 60,
	 "地方规定，未经核实：抽查检查结果自检查之日起多少个工作日内向社会公示（默认 20 个工作日），按本省“双随机、一公开”规定设置"},
	{NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_enf_module = {
	.name = "enforcement",
	.label = "执法主体与执法人员",
	.kinds = enf_kinds,
	.migrations = fz_enf_migrations,
	.settings = enf_setting_defs,
	.routes = fz_enf_routes,
	.records = fz_enf_records,
	.report = fz_enf_report_json,
	.figures = fz_enf_figures,
	.demo = &fz_enf_demo,
	.generate = fz_enf_generate,
};
