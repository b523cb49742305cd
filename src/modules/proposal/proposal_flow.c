/*
 * proposal_flow.c - the procedure of one suggestion or proposal declared as
 * data: states, clocks, transitions; and the module's registry entry.
 *
 * 代表法 第51条: the bodies answer a deputy's suggestion within three months of
 * its assignment, six months for one that is difficult (涉及面广、处理难度大).
 * CPPCC proposals follow the county's own rules (settings, default 3 / 6
 * months). The reply clock counts calendar months from the day of assignment
 * (民法典 第202条: the corresponding day of the last month, or its last day),
 * an end on a rest day moving to the next working day; the apply hook starts
 * it with the number of days those months make (proposal_store.c).
 *
 * The co-handling agencies (协办) give the lead (主办) their opinions within
 * proposal.cohandle_days calendar days; the reply is refused until each has
 * answered or the lead has recorded why one did not. The author is contacted
 * before the reply (each round); a 不满意 feedback opens a new round on a new
 * clock (proposal.rehandle_months).
 */
#include "modules/proposal/proposal_int.h"

#include "modules/proposal/proposal.h"
#include "platform/settings.h"

const struct fz_option fz_proposal_bodies[] = {
    {"npc", "人大代表建议"},
    {"cppcc", "政协委员提案"},
    {NULL, NULL},
};

const struct fz_option fz_proposal_results[] = {
    {"A", "A类：已解决或采纳"},
    {"B", "B类：正在解决或列入计划解决"},
    {"C", "C类：因条件限制暂不能解决"},
    {NULL, NULL},
};

const struct fz_option fz_proposal_ratings[] = {
    {"satisfied", "满意"},
    {"basic", "基本满意"},
    {NULL, NULL},
};

const struct fz_option fz_proposal_ways[] = {
    {"meeting", "当面座谈"}, {"visit", "实地走访"}, {"phone", "电话沟通"},
    {"letter", "书面征询"},  {"other", "其他方式"}, {NULL, NULL},
};

static const struct fz_state states[] = {
    {"pending", "待交办", false}, {"handling", "办理中", false}, {"replied", "已答复待反馈", false},
    {"closed", "已办结", true},	  {NULL, NULL, false},
};

#define ART51                                                                                                                            \
	"《代表法》第五十一条：自交办之日起三个月内答复，涉及面广、处理难度大的六个月内答复；" \
	"政协委员提案按本县提案工作规定（设置项，默认三个月、难度大的六个月）"

#define COHANDLE(k)                                                                               \
	{.name = "cohandle_" #k,                                                                  \
	 .label = "协办意见期限",                                                                 \
	 .unit = FZ_UNIT_CD,                                                                      \
	 .days = 30,                                                                              \
	 .days_setting = "proposal.cohandle_days",                                                \
	 .party = true,                                                                           \
	 .party_rank = k,                                                                         \
	 .article = "本县建议提案办理规定（设置项“协办意见期限”）：协办单位自交办之日起 30 日内" \
		    "向主办单位提出协办意见"}

static const struct fz_clock_def clocks[] = {
    {.name = "reply",
     .label = "答复期限",
     .unit = FZ_UNIT_CD,
     .days = 92,
     .article = ART51,
     .cite = "《代表法》第五十一条"},
    /*
     * One clock per co-handler (at most 10), kept by that co-handler in
     * supervision: cohandle_k by the k-th co-handler by agency id (party_rank).
     * The apply hook starts one for each at assignment and stops a
     * co-handler's own when it answers or the lead records why it did not.
     */
    COHANDLE(1), COHANDLE(2), COHANDLE(3), COHANDLE(4), COHANDLE(5),
    COHANDLE(6), COHANDLE(7), COHANDLE(8), COHANDLE(9), COHANDLE(10),
    {.name = NULL},
};

#define LEGAL  (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)
#define AGENCY (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

static const struct fz_transition transitions[] = {
    {.name = "assign",
     .label = "交办",
     .from = {"pending"},
     .to = "handling",
     .roles = LEGAL,
     .inputs = {{.name = "agency_id", .label = "主办单位", .type = FZ_IN_AGENCY, .required = true},
		{.name = "cohandlers", .label = "协办单位", .type = FZ_IN_TEXT, .max_chars = 200},
		{.name = "difficult", .label = "涉及面广、处理难度大", .type = FZ_IN_BOOL},
		{.name = "opinion", .label = "交办意见", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .article = ART51,
     .note_input = "opinion"},
    {.name = "cohandle",
     .label = "提交协办意见",
     .from = {"handling"},
     .roles = AGENCY,
     .inputs = {{.name = "opinion",
		 .label = "协办意见",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 3000}},
     .when = {{.field = "cohandle_left", .is_not = "1", .rule = "没有待提交的协办意见"},
	      {.field = "cohandle_left", .is_not = "0", .rule = "协办意见均已提交"},
	      {.field = "my_part",
	       .is = "cohandler_due",
	       .rule = "本单位不是该件待提交意见的协办单位"}},
     .note_input = "opinion"},
    /* The last opinion in (the same step; the guards offer one of the two). */
    {.name = "cohandle_last",
     .label = "提交协办意见",
     .from = {"handling"},
     .roles = AGENCY,
     .inputs = {{.name = "opinion",
		 .label = "协办意见",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 3000}},
     .when = {{.field = "cohandle_left", .is = "1", .rule = "没有待提交的协办意见"},
	      {.field = "my_part",
	       .is = "cohandler_due",
	       .rule = "本单位不是该件待提交意见的协办单位"}},
     .note_input = "opinion"},
    {.name = "waive",
     .label = "记录协办单位未提意见的原因",
     .from = {"handling"},
     .roles = AGENCY,
     .inputs = {{.name = "agency_id", .label = "协办单位", .type = FZ_IN_AGENCY, .required = true},
		{.name = "reason",
		 .label = "未提意见的原因",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 500}},
     .when = {{.field = "cohandle_left", .is_not = "0", .rule = "协办意见均已提交"},
	      {.field = "cohandle_left", .is_not = "1", .rule = "没有待提交的协办意见"},
	      {.field = "my_part", .is = "lead", .rule = "此步骤由主办单位办理"}},
     .note_input = "reason"},
    /* The last one outstanding excused (the same step; the guards offer one of the two). */
    {.name = "waive_last",
     .label = "记录协办单位未提意见的原因",
     .from = {"handling"},
     .roles = AGENCY,
     .inputs = {{.name = "agency_id", .label = "协办单位", .type = FZ_IN_AGENCY, .required = true},
		{.name = "reason",
		 .label = "未提意见的原因",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 500}},
     .when = {{.field = "cohandle_left", .is = "1", .rule = "没有待提交的协办意见"},
	      {.field = "my_part", .is = "lead", .rule = "此步骤由主办单位办理"}},
     .note_input = "reason"},
    {.name = "contact",
     .label = "记录与代表委员沟通",
     .from = {"handling"},
     .roles = AGENCY,
     .inputs = {{.name = "contact_on", .label = "沟通日期", .type = FZ_IN_DATE, .required = true},
		{.name = "way",
		 .label = "沟通方式",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_proposal_ways},
		{.name = "summary",
		 .label = "沟通情况",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 2000}},
     .when = {{.field = "my_part", .is = "lead", .rule = "此步骤由主办单位办理"}},
     .note_input = "summary"},
    {.name = "reply",
     .label = "答复代表委员",
     .from = {"handling"},
     .to = "replied",
     .roles = AGENCY,
     .inputs = {{.name = "result",
		 .label = "办理结果类别",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_proposal_results},
		{.name = "reply_text",
		 .label = "答复内容",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 10000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}},
     .article = ART51,
     .when = {{.field = "cohandle_left",
	       .is = "0",
	       .rule =
		   "协办单位的意见尚未全部提交：请待协办意见提交，或记录未提意见的原因后再答复"},
	      {.field = "contacted",
	       .is = "true",
	       .rule = "答复前应与代表委员沟通：请先记录本轮办理中的沟通情况"},
	      {.field = "my_part", .is = "lead", .rule = "此步骤由主办单位办理"}}},
    /* Found difficult while handling (涉及面广、处理难度大): the six-month period, from assignment.
     */
    {.name = "mark_difficult",
     .label = "列为难度大的件",
     .from = {"handling"},
     .roles = LEGAL,
     .inputs = {{.name = "reason",
		 .label = "理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 500}},
     .article = ART51,
     .when = {{.field = "difficult", .is = "false", .rule = "该件已列为难度大的件"},
	      {.field = "round", .is = "1", .rule = "重新办理的件不再调整答复期限"}},
     .note_input = "reason"},
    /* The lead is changed (改办) when the item is outside its remit; the clocks run on. */
    {.name = "transfer",
     .label = "调整主办单位",
     .from = {"handling"},
     .roles = LEGAL,
     .inputs =
	 {{.name = "agency_id", .label = "新的主办单位", .type = FZ_IN_AGENCY, .required = true},
	  {.name = "reason",
	   .label = "调整理由",
	   .type = FZ_IN_TEXTAREA,
	   .required = true,
	   .max_chars = 500}},
     .note_input = "reason"},
    {.name = "feedback",
     .label = "记录代表委员满意",
     .from = {"replied"},
     .to = "closed",
     .roles = LEGAL,
     .inputs =
	 {{.name = "rating",
	   .label = "代表委员意见",
	   .type = FZ_IN_SELECT,
	   .required = true,
	   .options = fz_proposal_ratings},
	  {.name = "comment", .label = "反馈意见", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
     .note_input = "comment"},
    {.name = "dissatisfied",
     .label = "代表委员不满意，重新办理",
     .from = {"replied"},
     .to = "handling",
     .roles = LEGAL,
     .inputs = {{.name = "comment",
		 .label = "不满意的意见",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .article = "本县建议提案办理规定（设置项“重新办理期限”）：代表委员对答复不满意的，承办单位重新"
		"办理并再次答复",
     .note_input = "comment"},
    {.name = "publish",
     .label = "公开答复",
     .from = {"replied", "closed"},
     .roles = LEGAL,
     .article = "《代表法》第五十一条：办理情况依法公开（代表委员个人信息除外）",
     .when = {{.field = "published", .is = "false", .rule = "答复已公开"}}},
    {.name = NULL},
};

const struct fz_case_type fz_proposal_type = {
    .name = "proposal",
    .label = "建议提案",
    .number_code = "议",
    .states = states,
    .transitions = transitions,
    .clocks = clocks,
    .initial_state = "pending",
    .create_label = "建议提案登记",
};

static const struct fz_case_kind proposal_kinds[] = {
    {.type = &fz_proposal_type,
     .apply = fz_proposal_apply,
     .fields = fz_proposal_fields,
     .shares = "SELECT case_id, agency_id FROM proposal_cohandler"},
    {.type = NULL},
};

static const struct fz_setting_def proposal_settings[] = {
    {"proposal.npc_months", "人大代表建议答复期限（月）", 3, 1, 6, "《代表法》第五十一条：三个月"},
    {"proposal.npc_difficult_months", "难度大的人大代表建议答复期限（月）", 6, 1, 6,
     "《代表法》第五十一条：涉及面广、处理难度大的六个月"},
    {"proposal.cppcc_months", "政协委员提案答复期限（月）", 3, 1, 6,
     "本县提案工作规定，默认三个月"},
    {"proposal.cppcc_difficult_months", "难度大的政协委员提案答复期限（月）", 6, 1, 12,
     "本县提案工作规定，默认六个月"},
    {"proposal.cohandle_days", "协办意见期限（自然日）", 30, 5, 90,
     "本县规定：协办单位自交办之日起向主办单位提出意见，默认 30 日"},
    {"proposal.rehandle_months", "不满意后重新办理期限（月）", 1, 1, 6,
     "本县规定：代表委员不满意的，自反馈之日起重新办理并答复，默认一个月"},
    {NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_proposal_module = {
    .name = "proposal",
    .label = "建议提案",
    .kinds = proposal_kinds,
    .migrations = fz_proposal_migrations,
    .settings = proposal_settings,
    .routes = fz_proposal_routes,
    .meta = fz_proposal_meta,
    .figures = fz_proposal_figures,
    .demo = &fz_proposal_demo,
};
