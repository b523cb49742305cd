/*
 * enf_inspection_flow.c - the inspection task (行政检查, "双随机、一公开")
 * declared as data: states, the publication clock with the rule it rests on,
 * and the steps with their roles, inputs and guards. A task is born from a
 * random draw (enf_inspection.c): one drawn entity with its drawn
 * inspectors. The checks that need the store (the inspectors' certificates on
 * the inspection day, the days' order) are in enf_inspection.c's apply hook.
 *
 * 待检查 → (record_result) 已检查，待公示 → (publish) 已公示; a task that
 * cannot be carried out is cancelled by the head with a reason. A finding of
 * a violation opens a penalty case (POST /api/enforcement/inspections/{id}/penalty).
 */
#include "modules/enforcement/enf_int.h"

/* The results an inspection record names (抽查结果, as the public notice prints them). */
const struct fz_option fz_insp_results[] = {
    {"pass", "未发现问题"},
    {"rectify", "发现问题，责令整改"},
    {"refer_penalty", "发现违法行为，移送立案查处"},
    {"refer_other", "发现问题，移送其他部门处理"},
    {"not_found", "未发现检查对象（通过登记的住所无法联系）"},
    {NULL, NULL}};

/* 检查对象类型 of the directory. */
const struct fz_option fz_insp_entity_types[] = {{"enterprise", "企业"},
						 {"individual", "个体工商户"},
						 {"cooperative", "农民专业合作社"},
						 {"institution", "事业单位、社会组织"},
						 {"other", "其他"},
						 {NULL, NULL}};

/* How a plan says how many entities a draw takes. */
const struct fz_option fz_insp_draw_kinds[] = {
    {"number", "按数量抽取"}, {"share", "按比例抽取（%）"}, {NULL, NULL}};

static const struct fz_state states[] = {{"assigned", "待检查", false},
					 {"inspected", "已检查，待公示", false},
					 {"published", "已公示", true},
					 {"cancelled", "已取消", true},
					 {NULL, NULL, false}};

static const struct fz_clock_def clocks[] = {
    {.name = "publish",
     .label = "检查结果公示期限",
     .unit = FZ_UNIT_WD,
     .days = 20,
     .days_setting = "enforcement.inspection_publish_days",
     .article = "地方规定（设置项，默认 20 个工作日，未经核实）：抽查检查结果自检查完成之日起 20 "
		"个工作日内向社会公示"
		"（《国务院办公厅关于推广随机抽查规范事中事后监管的通知》国办发〔2015〕58号要求及时"
		"公开，具体期限以本省规定为准）",
     .cite = "地方规定（设置项，未经核实）",
     .step = "inspected"},
    {.name = NULL}};

#define CASEWORK (FZ_ROLE_OFFICER | FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

static const struct fz_transition transitions[] = {
    {.name = "record_result",
     .label = "登记检查结果",
     .from = {"assigned"},
     .to = "inspected",
     .roles = CASEWORK,
     .article = "执法人员不得少于两人，并应当出示执法证件（《行政处罚法》第四十二条、第五十五条）",
     .inputs = {{.name = "inspected_on", .label = "检查日期", .type = FZ_IN_DATE, .required = true},
		{.name = "result",
		 .label = "检查结果",
		 .type = FZ_IN_SELECT,
		 .required = true,
		 .options = fz_insp_results},
		{.name = "findings",
		 .label = "检查情况（发现的问题）",
		 .type = FZ_IN_TEXTAREA,
		 .max_chars = 2000},
		{.name = "rectify_date", .label = "责令整改期限", .type = FZ_IN_DATE}},
     .needs = {{.input = "rectify_date", .when = "result", .is = "rectify"}},
     .effects = {{.op = FZ_CLK_START, .clock = "publish", .arg = "inspected_on"}},
     .note_input = "findings"},
    {.name = "publish",
     .label = "公示检查结果",
     .from = {"inspected"},
     .to = "published",
     .roles = FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD,
     .article = "“双随机、一公开”：抽查情况及查处结果及时向社会公开",
     .inputs =
	 {{.name = "published_on", .label = "公示日期", .type = FZ_IN_DATE, .required = true}},
     .effects = {{.op = FZ_CLK_STOP, .clock = "publish", .arg = "published_on"}}},
    {.name = "cancel",
     .label = "取消检查任务",
     .from = {"assigned"},
     .to = "cancelled",
     .roles = FZ_ROLE_AGENCY_HEAD,
     .inputs = {{.name = "reason",
		 .label = "取消的理由",
		 .type = FZ_IN_TEXTAREA,
		 .required = true,
		 .max_chars = 1000}},
     .note_input = "reason"},
    /* Names the event the penalty filing records on the task (enf_inspection_task.c), so the
     * case's record reads it in words; never taken as a step, by anyone. */
    {.name = "open_penalty",
     .label = "检查发现违法行为，立案查处",
     .from = {"inspected", "published"},
     .system = true,
     .when = {{.field = "may_open_penalty", .is = "never", .rule = "立案经“据此立案查处”办理"}}},
    {.name = NULL}};

const struct fz_case_type fz_enf_inspection_type = {
    .name = "enf_inspection",
    .label = "行政检查（双随机抽查）",
    .number_code = "检",
    .states = states,
    .transitions = transitions,
    .clocks = clocks,
    .initial_state = "assigned",
    .create_label = "随机抽取，生成检查任务",
};
