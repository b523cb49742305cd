/*
 * review_flow.c - the legality review declared as data: states, the review
 * period and its steps. The engine (platform/cases.c) interprets it.
 *
 * The period is local practice (国办发〔2018〕115号 leaves it to the
 * provinces: in general at least 5 and at most 15 working days): setting
 * review.days is the period given on submission, review.max_days the most an
 * extension approved by the office head may reach.
 */
#include "modules/review/review_int.h"

#include "modules/review/review.h"
#include "platform/legality.h"
#include "platform/settings.h"

const struct fz_option fz_review_opinions[] = {
	{"lawful", "合法"},
	{"lawful_if_amended", "修改后合法"},
	{"unlawful", "不合法"},
	{NULL, NULL},
};

static const struct fz_state states[] = {
	{"registering", "登记中", false},
	{"submitted", "待分配审核人员", false},
	{"reviewing", "审核中", false},
	{"done", "已出具审核意见", true},
	{"returned", "退回补充材料", true},
	{NULL, NULL, false},
};

static const struct fz_clock_def clocks[] = {
	{.name = "review", .label = "合法性审核期限", .unit = FZ_UNIT_WD, .days = 5,
	 .days_setting = "review.days",
	 .article = "国办发〔2018〕115号及地方规定（设置项“合法性审核期限”）：一般不少于 5 个工作日，"
		    "最长不超过 15 个工作日",
	 .cite = "国办发〔2018〕115号",
	 /*
	  * The engine's bound only (review.max_days at most 30, review.days at
	  * least 1); the county's limit, review.max_days counted over the whole
	  * period, is checked by the extend step (review_store.c).
	  */
	 .max_extension = 29},
	{.name = NULL},
};

#define HEAD FZ_ROLE_LEGAL_HEAD
#define LEGAL (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)

static const struct fz_transition transitions[] = {
	/* Taken by fz_legality_submit (platform/legality.c) on the subject's step. */
	{.name = "submit",
	 .label = "送审",
	 .from = {"registering"},
	 .to = "submitted",
	 .system = true,
	 .inputs = {{.name = "kind", .label = "审核类别", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 40},
		    {.name = "subject_case_id", .label = "送审事项", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 9000000000000000000L},
		    {.name = "summary", .label = "送审说明", .type = FZ_IN_TEXTAREA, .max_chars = 4000},
		    /* The kind's own period (struct fz_review_kind days_setting), else review.days. */
		    {.name = "days", .label = "审核期限（工作日）", .type = FZ_IN_INT, .min = 1, .max = 30}},
	 .effects = {{.op = FZ_CLK_START, .clock = "review", .days_arg = "days"}}},
	{.name = "assign",
	 .label = "分配审核人员",
	 .from = {"submitted", "reviewing"},
	 .to = "reviewing",
	 .roles = HEAD,
	 .inputs = {{.name = "reviewer_id", .label = "审核人员", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 9000000000000000000L}}},
	/* The head approves a longer period; never past review.max_days in all, never after the due day. */
	{.name = "extend",
	 .label = "批准延长审核期限",
	 .from = {"submitted", "reviewing"},
	 .roles = HEAD,
	 .before_clock = "review",
	 .inputs = {{.name = "days", .label = "延长工作日数", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 29},
		    {.name = "reason", .label = "延长理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 1000}},
	 .effects = {{.op = FZ_CLK_EXTEND, .clock = "review", .arg = "days"}},
	 .note_input = "reason"},
	{.name = "opinion",
	 .label = "出具审核意见",
	 .from = {"reviewing"},
	 .to = "done",
	 .roles = LEGAL,
	 .inputs = {{.name = "opinion", .label = "审核意见", .type = FZ_IN_SELECT, .required = true,
		     .options = fz_review_opinions},
		    {.name = "summary", .label = "审核意见说明", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 4000},
		    {.name = "point", .label = "审核意见要点（可在此补充一条）", .type = FZ_IN_TEXTAREA,
		     .max_chars = 2000},
		    {.name = "basis", .label = "该要点的法律依据", .type = FZ_IN_TEXTAREA, .max_chars = 2000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "review"}},
	 .note_input = "summary"},
	{.name = NULL},
};

/* What the review records outside its steps (review_points.c). */
static const struct fz_option review_events[] = {
	{"review_point_save", "记录审核意见要点"},
	{"review_point_remove", "删除审核意见要点"},
	{"review_point_adoption", "记录要点采纳情况"},
	{NULL, NULL},
};

const struct fz_case_type fz_review_type = {
	.name = FZ_LEGAL_REVIEW_TYPE,
	.label = "合法性审核",
	.number_code = "审",
	.states = states,
	.transitions = transitions,
	.clocks = clocks,
	.initial_state = "registering",
	.create_label = "收到送审材料",
	.event_labels = review_events,
};

static const struct fz_case_kind review_kinds[] = {
	{.type = &fz_review_type, .apply = fz_review_apply, .fields = fz_review_fields},
	{.type = NULL},
};

static const struct fz_setting_def review_settings[] = {
	{"review.days", "合法性审核期限（工作日）", 5, 1, 15,
	 "送审之日起给法制机构的审核期限；国办发〔2018〕115号：一般不少于 5 个工作日"},
	{"review.max_days", "合法性审核最长期限（工作日）", 15, 5, 30,
	 "经法制机构负责人批准延长后的最长期限；国办发〔2018〕115号：最长不超过 15 个工作日"},
	{NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_review_module = {
	.name = "review",
	.label = "合法性审核",
	.kinds = review_kinds,
	.migrations = fz_review_migrations,
	.settings = review_settings,
	.routes = fz_review_routes,
	.meta = fz_review_meta,
	.figures = fz_review_figures,
};
