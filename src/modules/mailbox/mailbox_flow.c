/*
 * mailbox_flow.c - the mailbox procedure declared as data: states, clocks,
 * transitions. The engine (platform/cases.c) interprets it.
 *
 * The reply period is a local rule, not a national statute: the county sets it
 * (setting mailbox.reply_days, default 15 working days from the day after
 * receipt). Assignment has its own step clock (mailbox.assign_days, default 2
 * working days), so a letter left unassigned raises a card even while the
 * whole reply period is still green.
 */
#include "modules/mailbox/mailbox_int.h"

#include <string.h>

#include "modules/mailbox/mailbox.h"
#include "platform/settings.h"

const struct fz_option fz_mailbox_categories[] = {
	{"problem", "反映问题"},
	{"complaint", "投诉举报"},
	{"suggestion", "建议咨询"},
	{"other", "其他"},
	{NULL, NULL},
};

const char *fz_mailbox_category_label(const char *value)
{
	for (const struct fz_option *o = fz_mailbox_categories; o->value; o++)
		if (value && strcmp(o->value, value) == 0)
			return o->label;
	return value;
}

/* What the public submits on the portal. */
const struct fz_input fz_mailbox_letter_inputs[] = {
	{.name = "name", .label = "姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 30},
	{.name = "phone", .label = "联系电话", .type = FZ_IN_TEXT, .required = true, .max_chars = 20},
	{.name = "category", .label = "来信类别", .type = FZ_IN_SELECT, .required = true,
	 .options = fz_mailbox_categories},
	{.name = "subject", .label = "标题", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
	{.name = "content", .label = "来信内容", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 5000},
	{.name = "publish_ok", .label = "是否同意公开", .type = FZ_IN_BOOL, .required = true},
	{.name = NULL},
};

static const struct fz_state states[] = {
	{"pending", "待分办", false},
	{"handling", "办理中", false},
	{"reviewing", "待审核", false},
	{"answered", "已答复", true},
	{"published", "已公开", true},
	{"closed", "不予办理", true},
	{"converted", "已转为信访事项", true},
	{NULL, NULL, false},
};

static const struct fz_clock_def clocks[] = {
	{.name = "reply", .label = "答复期限", .unit = FZ_UNIT_WD, .days = 15,
	 .days_setting = "mailbox.reply_days",
	 .article = "地方规定（设置项“县长信箱答复期限”）：自收信次日起 15 个工作日内答复"},
	{.name = "assign", .label = "分办时限", .unit = FZ_UNIT_WD, .days = 2,
	 .days_setting = "mailbox.assign_days",
	 .article = "地方规定（设置项“县长信箱分办时限”）：自收信次日起 2 个工作日内分办",
	 .step = "pending"},
	{.name = NULL},
};

#define LEGAL (FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD)
#define AGENCY (FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD)

static const struct fz_transition transitions[] = {
	{.name = "assign",
	 .label = "分办",
	 .from = {"pending"},
	 .to = "handling",
	 .roles = LEGAL,
	 .inputs = {{.name = "agency_id", .label = "承办单位", .type = FZ_IN_AGENCY, .required = true},
		    {.name = "opinion", .label = "分办意见", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "assign"}},
	 .note_input = "opinion"},
	{.name = "return",
	 .label = "退回重新分办",
	 .from = {"handling"},
	 .to = "pending",
	 .roles = AGENCY,
	 .inputs = {{.name = "reason", .label = "退回理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_START, .clock = "assign"}},
	 .note_input = "reason"},
	{.name = "reply",
	 .label = "拟办答复",
	 .from = {"handling"},
	 .to = "reviewing",
	 .roles = AGENCY,
	 .inputs = {{.name = "reply_text", .label = "答复内容", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 5000}}},
	{.name = "approve",
	 .label = "审核通过并答复",
	 .from = {"reviewing"},
	 .to = "answered",
	 .roles = LEGAL,
	 .inputs = {{.name = "opinion", .label = "审核意见", .type = FZ_IN_TEXTAREA, .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "reply"}},
	 .note_input = "opinion"},
	{.name = "reject",
	 .label = "退回修改",
	 .from = {"reviewing"},
	 .to = "handling",
	 .roles = LEGAL,
	 .inputs = {{.name = "reason", .label = "退回理由", .type = FZ_IN_TEXTAREA, .required = true,
		     .max_chars = 500}},
	 .note_input = "reason"},
	{.name = "publish",
	 .label = "公开答复",
	 .from = {"answered"},
	 .to = "published",
	 .roles = LEGAL,
	 .when = {{.field = "publish_ok", .is = "true", .rule = "来信人不同意公开，不能公开答复"}}},
	{.name = "close",
	 .label = "不予办理",
	 .from = {"pending"},
	 .to = "closed",
	 .roles = LEGAL,
	 .inputs = {{.name = "reason", .label = "不予办理理由", .type = FZ_IN_TEXTAREA,
		     .required = true, .max_chars = 500}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "assign"}, {.op = FZ_CLK_STOP, .clock = "reply"}},
	 .note_input = "reason"},
	/*
	 * The letter is a petition (信访事项) and goes on as one (docs/petition.md,
	 * POST /api/petitions/from-mailbox/{id}): the petitions module takes this
	 * step through the platform (fz_case_convert_done, the kind's `convert`);
	 * the letter's clocks stop and it leaves the mailbox's open work.
	 */
	{.name = "convert",
	 .label = "转为信访事项",
	 .from = {"pending", "handling", "reviewing"},
	 .to = "converted",
	 .system = true,
	 .inputs = {{.name = "to_number", .label = "信访事项编号", .type = FZ_IN_TEXT, .required = true,
		     .max_chars = 64},
		    {.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 1000}},
	 .effects = {{.op = FZ_CLK_STOP, .clock = "assign"}, {.op = FZ_CLK_STOP, .clock = "reply"}},
	 .note_input = "note"},
	{.name = NULL},
};

const struct fz_case_type fz_mailbox_type = {
	.name = "mailbox",
	.label = "县长信箱来信",
	.number_code = "信",
	.states = states,
	.transitions = transitions,
	.clocks = clocks,
	.initial_state = "pending",
	.on_create = {{.op = FZ_CLK_START, .clock = "reply"}, {.op = FZ_CLK_START, .clock = "assign"}},
	.create_label = "来信登记",
};

static const struct fz_case_kind mailbox_kinds[] = {
	{.type = &fz_mailbox_type, .apply = fz_mailbox_apply, .fields = fz_mailbox_fields,
	 .convert = "convert"},
	{.type = NULL},
};

/* The county's own periods for letters (the clocks above name them). */
static const struct fz_setting_def mailbox_settings[] = {
	{"mailbox.reply_days", "县长信箱答复期限（工作日）", 15, 1, 60, "地方规定，默认 15 个工作日"},
	{"mailbox.assign_days", "县长信箱分办时限（工作日）", 2, 1, 10, "地方规定，默认 2 个工作日"},
	{NULL, NULL, 0, 0, 0, NULL},
};

const struct fz_module fz_mailbox_module = {
	.name = "mailbox",
	.label = "县长信箱",
	.kinds = mailbox_kinds,
	.migrations = fz_mailbox_migrations,
	.settings = mailbox_settings,
	.routes = fz_mailbox_routes,
	.meta = fz_mailbox_meta,
	.figures = fz_mailbox_figures,
	.demo = &fz_mailbox_demo,
	.generate = fz_mailbox_generate,
};
