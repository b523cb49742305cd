/*
 * med_flow.c - the mediation procedure declared as data: states, clocks,
 * transitions, settings, and the module's entry.
 *
 * The mediation period is a local rule (setting mediation.days, default 30
 * calendar days from the case's receipt: 人民调解法 and the province's rules
 * on people's mediation); it is extended only when both parties consent
 * (the input `consent` records it and is required). An agreement opens the
 * 30 days in which the parties may apply to the court for judicial
 * confirmation (人民调解法 第33条): a validity period, refused once past.
 */
#include "modules/mediation/mediation_int.h"

#include "modules/mediation/mediation.h"
#include "platform/settings.h"

const struct fz_option fz_med_kinds[] = {
    {"people", "人民调解"},
    {"admin", "行政调解"},
    {NULL, NULL},
};

/* The fields administrative mediation is done in, with the agency that mediates. */
const struct fz_option fz_med_fields[] = {
    {"police", "公安（治安纠纷）"},	  {"health", "卫生健康（医疗纠纷）"},
    {"market", "市场监管（消费纠纷）"},	  {"labour", "人力资源和社会保障（劳动争议）"},
    {"land", "自然资源（土地权属争议）"}, {NULL, NULL},
};

const struct fz_option fz_med_dispute_types[] = {
    {"family", "婚姻家庭"},
    {"neighbour", "邻里纠纷"},
    {"homestead", "房屋宅基地"},
    {"contract", "合同纠纷"},
    {"damages", "损害赔偿"},
    {"labour", "劳动争议"},
    {"consumer", "消费纠纷"},
    {"medical", "医疗纠纷"},
    {"land", "土地纠纷"},
    {"other", "其他"},
    {NULL, NULL},
};

const struct fz_option fz_med_id_types[] = {
    {"id_card", "居民身份证"}, {"passport", "护照"}, {"uscc", "统一社会信用代码"},
    {"other", "其他证件"},     {NULL, NULL},
};

const struct fz_option fz_med_performance[] = {
    {"done", "已履行"},
    {"partly", "部分履行"},
    {"not_done", "未履行"},
    {NULL, NULL},
};

const struct fz_option fz_med_referrals[] = {
    {"none", "未引导"},
    {"court", "引导向人民法院起诉"},
    {"arbitration", "引导申请仲裁"},
    {NULL, NULL},
};

const struct fz_option fz_med_rulings[] = {
    {"valid", "裁定调解协议有效"},
    {"rejected", "裁定驳回申请"},
    {NULL, NULL},
};

static const struct fz_state states[] = {
    {"mediating", "调解中", false},	 {"agreed", "达成协议", false},
    {"confirming", "司法确认中", false}, {"failed", "未达成协议", true},
    {"closed", "已结案", true},		 {NULL, NULL, false},
};

#define ART_PERIOD                                                                                                                           \
	"《人民调解法》第二十六条及地方规定（设置项“调解期限”）：自受理之日起 30 日内调解终结，" \
	"经双方当事人同意可以延长"
#define ART_CONFIRM                                                                                                                            \
	"《人民调解法》第三十三条：经调解达成协议后，双方当事人认为有必要的，可以自调解协议生效之" \
	"日起"                                                                                                                               \
	"三十日内共同向人民法院申请司法确认"

static const struct fz_clock_def clocks[] = {
    {.name = "period",
     .label = "调解期限",
     .unit = FZ_UNIT_CD,
     .days = 30,
     .days_setting = "mediation.days",
     .article = ART_PERIOD,
     .cite = "《人民调解法》第二十六条",
     .max_extension = 90},
    {.name = "confirm",
     .label = "司法确认申请期限",
     .unit = FZ_UNIT_CD,
     .days = 30,
     .article = ART_CONFIRM,
     .cite = "《人民调解法》第三十三条",
     .validity = true},
    {.name = NULL},
};

#define STAFF (FZ_ROLES_LEGAL | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

static const struct fz_transition transitions[] = {
    {.name = "extend",
     .label = "经双方同意延长调解期限",
     .from = {"mediating"},
     .roles = STAFF,
     .inputs =
	 {{.name = "consent", .label = "双方当事人同意延长", .type = FZ_IN_BOOL, .required = true},
	  {.name = "days",
	   .label = "延长天数",
	   .type = FZ_IN_INT,
	   .required = true,
	   .min = 1,
	   .max = 90},
	  {.name = "note", .label = "延长理由", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_EXTEND, .clock = "period", .arg = "days"}},
     .article = "《人民调解法》第二十六条：经双方当事人同意可以延长",
     .note_input = "note"},
    {.name = "agree",
     .label = "达成调解协议",
     .from = {"mediating"},
     .to = "agreed",
     .roles = STAFF,
     .inputs = {{.name = "terms",
		 .label = "协议内容",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 5000},
		{.name = "obligations",
		 .label = "履行方式和时限",
		 .type = FZ_IN_TEXTAREA,
		 .max_chars = 2000}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "period"}, {.op = FZ_CLK_START, .clock = "confirm"}},
     .article = "《人民调解法》第二十八条、第二十九条"},
    {.name = "fail",
     .label = "调解未达成协议",
     .from = {"mediating"},
     .to = "failed",
     .roles = STAFF,
     .inputs = {{.name = "reason",
		 .label = "未达成协议的原因",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 2000},
		{.name = "referral",
		 .label = "引导途径",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_med_referrals}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "period"}},
     .article = "《人民调解法》第二十六条：调解不成的，应当终止调解，并告知当事人可以依法通过仲裁、"
		"行政、司法等途径维护自己的权利",
     .note_input = "reason"},
    {.name = "perform",
     .label = "记录协议履行情况",
     .from = {"agreed", "confirming"},
     .roles = STAFF,
     .inputs = {{.name = "performance",
		 .label = "履行情况",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_med_performance},
		{.name = "note", .label = "回访说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
     .article = "《人民调解法》第三十一条：人民调解委员会应当对调解协议的履行情况进行监督",
     .note_input = "note"},
    {.name = "apply_confirm",
     .label = "申请司法确认",
     .from = {"agreed"},
     .to = "confirming",
     .roles = STAFF,
     .inputs = {{.name = "court",
		 .label = "受理法院",
		 .type = FZ_IN_TEXT,
		 .required = true,
		 .max_chars = 60}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "confirm"}},
     .before_clock = "confirm",
     .once = true,
     .article = ART_CONFIRM},
    {.name = "confirm_ruling",
     .label = "记录司法确认裁定",
     .from = {"confirming"},
     .to = "agreed",
     .roles = STAFF,
     .inputs =
	 {{.name = "ruling",
	   .label = "裁定结果",
	   .type = FZ_IN_SELECT,
	   .required = true,
	   .options = fz_med_rulings},
	  {.name = "ruled_on", .label = "裁定日期", .type = FZ_IN_DATE, .required = true},
	  {.name = "ruling_number", .label = "裁定书文号", .type = FZ_IN_TEXT, .max_chars = 60}},
     .article = "《人民调解法》第三十三条第二款、第三款"},
    {.name = "close",
     .label = "结案归档",
     .from = {"agreed"},
     .to = "closed",
     .roles = STAFF,
     .inputs = {{.name = "note", .label = "结案说明", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "confirm"}},
     .when = {{.field = "performance", .is_not = "none", .rule = "尚未记录协议履行情况，不能结案"}},
     .note_input = "note"},
    {.name = NULL},
};

const struct fz_case_type fz_med_type = {
    .name = "mediation",
    .label = "调解案件",
    .number_code = "调",
    .states = states,
    .transitions = transitions,
    .clocks = clocks,
    .initial_state = "mediating",
    .on_create = {{.op = FZ_CLK_START, .clock = "period"}},
    .create_label = "受理调解申请",
};

static const struct fz_case_kind med_kinds[] = {
    {.type = &fz_med_type, .apply = fz_med_apply, .fields = fz_med_fields_json},
    {.type = NULL},
};

static const struct fz_setting_def med_settings[] = {
    {"mediation.days", "调解期限（日）", 30, 1, 90,
     "人民调解法及地方规定，默认自受理之日起 30 日；经双方当事人同意可以延长"},
    {NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_mediation_module = {
    .name = "mediation",
    .label = "人民调解和行政调解",
    .kinds = med_kinds,
    .migrations = fz_med_migrations,
    .settings = med_settings,
    .routes = fz_med_routes,
    .records = fz_med_records,
    .meta = fz_med_meta,
    .figures = fz_med_figures,
    .demo = &fz_med_demo,
};
