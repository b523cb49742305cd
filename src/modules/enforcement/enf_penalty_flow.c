/*
 * enf_penalty_flow.c - the penalty case (行政处罚案件, 《行政处罚法》2021)
 * declared as data: states, clocks with the articles they rest on, and the
 * transitions with their roles, inputs and guards. The domain's checks that
 * need the store (certified officers on the day, the power list, the review
 * gate's reviewer, the hearing periods) are in enf_penalty.c's apply hook.
 *
 * Normal procedure: 立案 (the case's creation) → 调查取证 → 告知 (陈述、申辩;
 * 听证 where 第63条 applies) → [听证] → [法制审核, 第58条] → 决定 (处罚 or 不予
 * 处罚) → 送达 → 执行（缴纳罚款）→ 结案. Simplified procedure (当场处罚,
 * 第51-52条): the officers decide on the spot and hand the decision over.
 */
#include "modules/enforcement/enf_int.h"

const struct fz_option fz_pen_procedures[] = {
	{"normal", "普通程序"}, {"simple", "简易程序（当场处罚）"}, {NULL, NULL}};

const struct fz_option fz_pen_party_types[] = {
	{"citizen", "公民"}, {"organisation", "法人或者其他组织"}, {NULL, NULL}};

/* 第9条: the kinds of administrative penalty (行政拘留 is not a county agency's). */
const struct fz_option fz_pen_kinds[] = {
	{"warning", "警告"},
	{"criticism", "通报批评"},
	{"fine", "罚款"},
	{"confiscation", "没收违法所得、没收非法财物"},
	{"suspend_licence", "暂扣许可证件"},
	{"lower_qualification", "降低资质等级"},
	{"revoke_licence", "吊销许可证件"},
	{"restrict_business", "限制开展生产经营活动"},
	{"suspend_business", "责令停产停业"},
	{"close_down", "责令关闭"},
	{"restrict_practice", "限制从业"},
	{NULL, NULL}};

/* 第58条第一款: the cases whose decision needs a passed legal review first. */
const struct fz_option fz_pen_major_reasons[] = {
	{"public_interest", "涉及重大公共利益"},
	{"hearing", "直接关系当事人或者第三人重大权益，经过听证程序"},
	{"complex", "案件情况疑难复杂、涉及多个法律关系"},
	{"by_law", "法律、法规规定应当进行法制审核的其他情形"},
	{NULL, NULL}};

const struct fz_option fz_pen_sources[] = {
	{"inspection", "监督检查发现"}, {"complaint", "投诉举报"}, {"referral", "其他机关移送"},
	{"other", "其他"},               {NULL, NULL}};

const struct fz_option fz_pen_outcomes[] = {
	{"penalty", "给予行政处罚"}, {"no_penalty", "不予行政处罚"}, {NULL, NULL}};

/* 第33条 (and 第57条第一款第二、三项): the grounds of a decision not to punish. */
const struct fz_option fz_pen_no_penalty_grounds[] = {
	{"minor", "违法行为轻微并及时改正，没有造成危害后果（第三十三条第一款）"},
	{"first_minor", "初次违法且危害后果轻微并及时改正（第三十三条第一款）"},
	{"no_fault", "当事人有证据足以证明没有主观过错（第三十三条第二款）"},
	{"unproven", "违法事实不能成立（第五十七条第一款第三项）"},
	{NULL, NULL}};

const struct fz_option fz_pen_review_opinions[] = {
	{"pass", "同意"}, {"amend", "修改后同意"}, {"fail", "不同意"}, {NULL, NULL}};

const struct fz_option fz_pen_service_methods[] = {
	{"direct", "直接送达"},  {"left", "留置送达"},     {"mail", "邮寄送达"},
	{"electronic", "电子送达（当事人同意）"}, {"public", "公告送达"}, {NULL, NULL}};

static const struct fz_state states[] = {
	{"investigating", "调查取证", false},
	{"notified", "已告知，待陈述申辩", false},
	{"hearing", "听证程序", false},
	{"pending", "待决定", false},
	{"reviewing", "法制审核中", false},
	{"decided", "已决定，待送达", false},
	{"served", "已送达，待履行", false},
	{"executed", "已缴纳罚款，待结案", false},
	{"closed", "已结案", true},
	{"cancelled", "已撤销立案", true},
	{NULL, NULL, false}};

static const struct fz_clock_def clocks[] = {
	{.name = "decision", .label = "作出处罚决定期限", .unit = FZ_UNIT_CD, .days = 90,
	 .days_setting = "enforcement.penalty_decision_days",
	 .article = "《行政处罚法》第六十条：行政机关应当自行政处罚案件立案之日起九十日内作出行政处罚决定；法律、法规、规章另有规定的，从其规定（设置项）",
	 .cite = "《行政处罚法》第六十条"},
	{.name = "hearing_request", .label = "当事人要求听证期限", .unit = FZ_UNIT_WD, .days = 5,
	 .article = "《行政处罚法》第六十四条第一项：当事人要求听证的，应当在行政机关告知后五日内提出（第八十五条：工作日）",
	 .cite = "《行政处罚法》第六十四条", .step = "notified"},
	{.name = "service", .label = "送达处罚决定书期限", .unit = FZ_UNIT_WD, .days = 7,
	 .article = "《行政处罚法》第六十一条：当事人不在场的，行政机关应当在七日内依照民事诉讼法的有关规定将行政处罚决定书送达当事人（第八十五条：工作日）",
	 .cite = "《行政处罚法》第六十一条", .step = "decided"},
	{.name = "payment", .label = "缴纳罚款期限", .unit = FZ_UNIT_CD, .days = 15,
	 .article = "《行政处罚法》第六十七条第三款：当事人应当自收到行政处罚决定书之日起十五日内，到指定的银行或者通过电子支付系统缴纳罚款",
	 .cite = "《行政处罚法》第六十七条", .step = "served"},
	/* Publication (三项制度 公示) and 第48条 withdrawal: enf_publication.c starts them. */
	{.name = "publication", .label = "行政处罚决定公示期限", .unit = FZ_UNIT_WD, .days = 7,
	 .days_setting = "enforcement.publish_penalty_days",
	 .article = "国办发〔2018〕118号《关于全面推行行政执法公示制度执法全过程记录制度重大执法决定法制审核制度的指导意见》：行政许可、行政处罚的执法决定信息要在执法决定作出之日起7个工作日内公开（设置项）；《行政处罚法》第四十八条第一款：具有一定社会影响的行政处罚决定应当依法公开",
	 .cite = "国办发〔2018〕118号"},
	{.name = "publication_other", .label = "其他执法决定公示期限", .unit = FZ_UNIT_WD, .days = 20,
	 .days_setting = "enforcement.publish_other_days",
	 .article = "国办发〔2018〕118号：其他行政执法决定信息在执法决定作出之日起20个工作日内公开（设置项；不予行政处罚决定是否公示按本县规定，设置项）",
	 .cite = "国办发〔2018〕118号"},
	{.name = "withdrawal", .label = "撤回公示期限", .unit = FZ_UNIT_WD, .days = 3,
	 .article = "《行政处罚法》第四十八条第二款：公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由（第八十五条：工作日）",
	 .cite = "《行政处罚法》第四十八条"},
	{.name = NULL}};

#define CASEWORK (FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)
#define HEAD FZ_ROLE_AGENCY_HEAD
#define NORMAL {.field = "procedure", .is = "normal", .rule = "简易程序（当场处罚）案件不经此步骤"}

static const struct fz_transition transitions[] = {
	{.name = "notify", .label = "告知（陈述、申辩权利，符合条件的告知听证权利）",
	 .from = {"investigating"}, .to = "notified", .roles = CASEWORK,
	 .article = "《行政处罚法》第四十四条、第六十三条：作出行政处罚决定之前，告知拟作出的处罚内容及事实、理由、依据，并告知当事人依法享有的陈述、申辩、要求听证等权利",
	 .when = {NORMAL},
	 .inputs = {{.name = "notified_on", .label = "告知日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "proposed_kind", .label = "拟处罚种类", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_pen_kinds},
		    {.name = "proposed_fine", .label = "拟罚款金额（元）", .type = FZ_IN_INT, .min = 0,
		     .max = 2000000000},
		    {.name = "proposed_confiscation", .label = "拟没收金额或价值（元）", .type = FZ_IN_INT,
		     .min = 0, .max = 2000000000},
		    {.name = "hearing_offered", .label = "已告知听证权利", .type = FZ_IN_BOOL, .required = true},
		    {.name = "facts", .label = "告知的违法事实、理由和依据", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 4000}}},
	{.name = "request_hearing", .label = "当事人要求听证", .from = {"notified"}, .to = "hearing",
	 .roles = CASEWORK, .article = "《行政处罚法》第六十四条第一项",
	 .when = {{.field = "hearing_offered", .is = "true", .rule = "告知时未告知听证权利，本案不适用听证程序"}},
	 .inputs = {{.name = "requested_on", .label = "当事人提出听证要求日期", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "hearing_request", .arg = "requested_on"}},
	 .note_input = "note"},
	{.name = "statement", .label = "陈述申辩已听取（未要求听证）", .from = {"notified"}, .to = "pending",
	 .roles = CASEWORK, .article = "《行政处罚法》第四十五条：当事人有权进行陈述和申辩，行政机关必须充分听取",
	 .inputs = {{.name = "statement_on", .label = "陈述申辩日期（或期限届满日）", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "waived", .label = "当事人书面放弃听证", .type = FZ_IN_BOOL},
		    {.name = "statement", .label = "陈述申辩意见及采纳情况", .type = FZ_IN_TEXTAREA,
		     .max_chars = 4000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "hearing_request", .arg = "statement_on"}},
	 .note_input = "statement"},
	{.name = "schedule_hearing", .label = "通知听证", .from = {"hearing"}, .roles = CASEWORK,
	 .article = "《行政处罚法》第六十四条第二项：行政机关应当在举行听证的七日前，通知当事人及有关人员听证的时间、地点",
	 .inputs = {{.name = "notice_on", .label = "听证通知日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "hearing_on", .label = "举行听证日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "place", .label = "听证地点", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
		    {.name = "host", .label = "听证主持人", .type = FZ_IN_TEXT, .required = true, .max_chars = 30}}},
	{.name = "hold_hearing", .label = "听证结束，制作听证笔录", .from = {"hearing"}, .to = "pending",
	 .roles = CASEWORK, .article = "《行政处罚法》第六十五条：听证结束后，行政机关应当根据听证笔录作出决定",
	 .when = {{.field = "hearing_scheduled", .is = "true", .rule = "尚未通知听证时间、地点，不能登记听证结果"}},
	 .inputs = {{.name = "held_on", .label = "听证举行日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "record", .label = "听证笔录要点", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 4000}},
	 .note_input = "record"},
	{.name = "mark_major", .label = "认定为重大执法决定（须法制审核）",
	 .from = {"investigating", "notified", "hearing", "pending"}, .roles = CASEWORK,
	 .article = "《行政处罚法》第五十八条第一款",
	 .inputs = {{.name = "major_reason", .label = "须法制审核的情形", .type = FZ_IN_SELECT,
		     .required = true, .options = fz_pen_major_reasons}}},
	{.name = "submit_review", .label = "提交法制审核", .from = {"pending"}, .to = "reviewing",
	 .roles = CASEWORK, .article = "《行政处罚法》第五十八条",
	 .when = {NORMAL},
	 .inputs = {{.name = "submitted_on", .label = "提交日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "note", .label = "提请审核的事项", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
	 .note_input = "note"},
	{.name = "review", .label = "登记法制审核意见", .from = {"reviewing"}, .to = "pending",
	 .roles = CASEWORK,
	 .article = "《行政处罚法》第五十八条：未经法制审核或者审核未通过的，不得作出决定；初次从事法制审核的人员应当取得法律职业资格",
	 .inputs = {{.name = "reviewer_id", .label = "法制审核人员", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 2147483647},
		    {.name = "reviewed_on", .label = "审核日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "opinion", .label = "审核意见", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_pen_review_opinions},
		    {.name = "note", .label = "审核意见说明", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .note_input = "note"},
	{.name = "decide", .label = "作出决定（处罚决定或不予处罚决定）", .from = {"pending"}, .to = "decided",
	 .roles = HEAD,
	 .article = "《行政处罚法》第五十七条：调查终结，行政机关负责人应当对调查结果进行审查，根据不同情况分别作出决定；情节复杂或者重大违法行为给予行政处罚，应当集体讨论决定",
	 .when = {NORMAL,
		  {.field = "review_ok", .is = "true",
		   .rule = "本案须经法制审核（《行政处罚法》第五十八条），未经法制审核或者审核未通过的，不得作出决定"}},
	 .inputs = {{.name = "decided_on", .label = "决定日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "outcome", .label = "决定结果", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_pen_outcomes},
		    {.name = "penalty_kind", .label = "处罚种类", .type = FZ_IN_SELECT, .options = fz_pen_kinds},
		    {.name = "fine_amount", .label = "罚款金额（元）", .type = FZ_IN_INT, .min = 0,
		     .max = 2000000000},
		    {.name = "confiscation_amount", .label = "没收金额或价值（元）", .type = FZ_IN_INT,
		     .min = 0, .max = 2000000000},
		    {.name = "no_penalty_ground", .label = "不予处罚的理由", .type = FZ_IN_SELECT,
		     .options = fz_pen_no_penalty_grounds},
		    {.name = "collective", .label = "经集体讨论决定", .type = FZ_IN_BOOL},
		    {.name = "decision_text", .label = "决定内容", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 4000}},
	 .needs = {{.input = "penalty_kind", .when = "outcome", .is = "penalty"},
		   {.input = "no_penalty_ground", .when = "outcome", .is = "no_penalty"}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "decision", .arg = "decided_on"},
		     {.op = FZ_CLK_START, .clock = "service", .arg = "decided_on"}},
	 .note_input = "decision_text"},
	{.name = "decide_simple", .label = "当场作出处罚决定并交付", .from = {"investigating"},
	 .to = "served", .roles = CASEWORK,
	 .article = "《行政处罚法》第五十一条、第五十二条：违法事实确凿并有法定依据，对公民处以二百元以下、对法人或者其他组织处以三千元以下罚款或者警告的，可以当场作出；决定书当场交付当事人",
	 .when = {{.field = "procedure", .is = "simple", .rule = "普通程序案件不能当场作出处罚决定"}},
	 .inputs = {{.name = "decided_on", .label = "决定日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "penalty_kind", .label = "处罚种类", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_pen_kinds},
		    {.name = "fine_amount", .label = "罚款金额（元）", .type = FZ_IN_INT, .min = 0,
		     .max = 2000000000},
		    {.name = "decision_text", .label = "决定内容", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 4000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "decision", .arg = "decided_on"}},
	 .note_input = "decision_text"},
	{.name = "serve", .label = "送达决定书", .from = {"decided"}, .to = "served", .roles = CASEWORK,
	 .article = "《行政处罚法》第六十一条",
	 .inputs = {{.name = "served_on", .label = "送达日期（当事人收到之日）", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "method", .label = "送达方式", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_pen_service_methods}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "service", .arg = "served_on"}}},
	{.name = "pay", .label = "登记缴纳罚款", .from = {"served"}, .to = "executed", .roles = CASEWORK,
	 .article = "《行政处罚法》第六十七条",
	 .when = {{.field = "fine_unpaid", .is = "true", .rule = "本案没有待缴纳的罚款"}},
	 .inputs = {{.name = "paid_on", .label = "缴纳日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "paid_amount", .label = "缴纳金额（元）", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 2000000000},
		    {.name = "receipt_no", .label = "缴款凭证号", .type = FZ_IN_TEXT, .max_chars = 40}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "payment", .arg = "paid_on"}}},
	{.name = "close", .label = "结案", .from = {"served", "executed"}, .to = "closed",
	 .roles = FZ_ROLE_AGENCY_CLERK | HEAD,
	 .when = {{.field = "fine_unpaid", .is = "false", .rule = "罚款尚未缴纳，不能结案"}},
	 .inputs = {{.name = "closed_on", .label = "结案日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "note", .label = "执行情况", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
	 .note_input = "note"},
	{.name = "cancel", .label = "撤销立案",
	 .from = {"investigating", "notified", "hearing", "pending", "reviewing"}, .to = "cancelled",
	 .roles = HEAD,
	 .inputs = {{.name = "reason", .label = "撤销立案的理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "decision"}, {.op = FZ_CLK_STOP, .clock = "hearing_request"}},
	 .note_input = "reason"},
	/* Publication and 第48条 withdrawal (enf_publication.c); the state stays. */
	{.name = "publish", .label = "公示决定（门户网站）", .from = {"decided", "served", "executed", "closed"},
	 .roles = CASEWORK,
	 .article = "国办发〔2018〕118号：行政处罚决定作出之日起7个工作日内公开，其他执法决定20个工作日内公开；公示内容隐去个人身份证号码、电话号码、自然人住址等个人信息",
	 .when = {{.field = "publication_due", .is = "true", .rule = "本案没有待公示的决定（已公示、无须公示或不公示不予处罚决定）"}},
	 .inputs = {{.name = "published_on", .label = "公示日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "facts", .label = "公示的违法事实（不填则用告知的事实；个人信息自动隐去）",
		     .type = FZ_IN_TEXTAREA, .max_chars = 4000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "publication", .arg = "published_on"},
		     {.op = FZ_CLK_STOP, .clock = "publication_other", .arg = "published_on"}}},
	{.name = "change_decision", .label = "登记决定被变更、撤销或确认违法（须撤回公示）",
	 .from = {"decided", "served", "executed", "closed"}, .roles = CASEWORK,
	 .article = "《行政处罚法》第四十八条第二款：公开的行政处罚决定被依法变更、撤销、确认违法或者确认无效的，行政机关应当在三日内撤回行政处罚决定信息并公开说明理由",
	 .when = {{.field = "published", .is = "true", .rule = "本案的决定没有公示在门户网站上，无须撤回"}},
	 .inputs = {{.name = "change_kind", .label = "决定变动情形", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_pub_change_kinds},
		    {.name = "changed_by", .label = "作出变动的机关及文书（如复议机关、人民法院、本机关）",
		     .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
		    {.name = "changed_on", .label = "变更、撤销或确认违法的日期", .type = FZ_IN_DATE,
		     .required = true},
		    {.name = "new_decision", .label = "变更后的处罚内容（依法变更的，重新公示）",
		     .type = FZ_IN_TEXTAREA, .max_chars = 2000},
		    {.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
	 .needs = {{.input = "new_decision", .when = "change_kind", .is = "changed"}},
	 .note_input = "note"},
	{.name = "withdraw", .label = "撤回公示", .from = {"decided", "served", "executed", "closed"},
	 .roles = CASEWORK, .article = "《行政处罚法》第四十八条第二款",
	 .when = {{.field = "withdraw_due", .is = "true", .rule = "本案没有待撤回的公示"}},
	 .inputs = {{.name = "withdrawn_on", .label = "撤回日期", .type = FZ_IN_DATE, .required = true},
		    {.name = "note", .label = "撤回理由说明", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "withdrawal", .arg = "withdrawn_on"}},
	 .note_input = "note"},
	{.name = NULL}};

const struct fz_case_type fz_enf_penalty_type = {
	.name = "enf_penalty",
	.label = "行政处罚案件",
	.number_code = "罚",
	.states = states,
	.transitions = transitions,
	.clocks = clocks,
	.initial_state = "investigating",
	.on_create = {{.op = FZ_CLK_START, .clock = "decision"}},
	.create_label = "立案",
};
