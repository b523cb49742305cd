/*
 * test_workflow.c - unit tests of core/workflow.c: the engine half that needs
 * no I/O (lookups, permission and state checks, declaration checks), on a
 * small procedure declared here and on the real mailbox declaration.
 *
 * For: fz_flow_check, fz_flow_available, role names, fz_flow_validate.
 * Not for: running transitions against a database (platform/cases.c, API tests).
 *
 * The test procedure, a permit (许可) in miniature:
 *
 *   draft --submit (clerk)--> review --approve (legal head)--> done (final)
 *     \                         |  \--extend (legal staff/head), state kept
 *      \--withdraw (clerk, agency head) from draft or review--> withdrawn (final)
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/workflow.h"
#include "modules/registry.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* The real declaration, linked in from modules/mailbox/mailbox_flow.c. */
extern const struct fz_case_type fz_mailbox_type;

/* ---- the test procedure ---------------------------------------------- */

static const struct fz_state base_states[] = {
	{"draft", "草稿", false},
	{"review", "审核中", false},
	{"done", "已办结", true},
	{"withdrawn", "已撤回", true},
	{NULL, NULL, false},
};

static const struct fz_clock_def base_clocks[] = {
	{.name = "decide", .label = "办理期限", .unit = FZ_UNIT_WD, .days = 20,
	 .article = "行政许可法 第42条", .max_extension = 10, .max_extensions = 1},
	{.name = "review", .label = "审核时限", .unit = FZ_UNIT_WD, .days = 5, .step = "review"},
	{.name = NULL},
};

static const struct fz_transition base_transitions[] = {
	{.name = "submit",
	 .label = "提交审核",
	 .from = {"draft"},
	 .to = "review",
	 .roles = FZ_ROLE_AGENCY_CLERK,
	 .inputs = {{.name = "received_on", .label = "收件日期", .type = FZ_IN_DATE}},
	 .effects = {{.op = FZ_CLK_START, .clock = "review", .arg = "received_on"}}},
	{.name = "approve",
	 .label = "审核通过",
	 .from = {"review"},
	 .to = "done",
	 .roles = FZ_ROLE_LEGAL_HEAD,
	 .effects = {{.op = FZ_CLK_STOP, .clock = "decide"},
		     {.op = FZ_CLK_STOP, .clock = "review"}}},
	{.name = "extend",
	 .label = "延长期限",
	 .from = {"review"},
	 .to = NULL,
	 .roles = FZ_ROLE_LEGAL_STAFF | FZ_ROLE_LEGAL_HEAD,
	 .inputs = {{.name = "days", .label = "延长天数", .type = FZ_IN_INT, .required = true,
		     .min = 1, .max = 10},
		    {.name = "reason", .label = "延长理由", .type = FZ_IN_TEXTAREA, .required = true}},
	 .effects = {{.op = FZ_CLK_EXTEND, .clock = "decide", .arg = "days"}},
	 .article = "行政许可法 第42条",
	 .note_input = "reason"},
	{.name = "withdraw",
	 .label = "撤回申请",
	 .from = {"draft", "review"},
	 .to = "withdrawn",
	 .roles = FZ_ROLE_AGENCY_CLERK | FZ_ROLE_AGENCY_HEAD,
	 .inputs = {{.name = "reason", .label = "撤回理由", .type = FZ_IN_TEXTAREA},
		    {.name = "new_days", .label = "天数", .type = FZ_IN_INT}},
	 .effects = {{.op = FZ_CLK_RESTART, .clock = "decide", .days_arg = "new_days"}},
	 .note_input = "reason"},
	{.name = NULL},
};

static const struct fz_case_type base_type = {
	.name = "permit",
	.label = "许可申请",
	.number_code = "许",
	.states = base_states,
	.transitions = base_transitions,
	.clocks = base_clocks,
	.initial_state = "draft",
	.on_create = {{.op = FZ_CLK_START, .clock = "decide"}},
	.create_label = "申请登记",
};

static const struct fz_transition *T(const struct fz_case_type *t, const char *name)
{
	const struct fz_transition *tr = fz_flow_transition(t, name);
	if (!tr)
		fail_msg("test bug: no transition \"%s\" in %s", name, t->name);
	return tr;
}

static void lookups(void **state)
{
	(void)state;
	assert_string_equal(fz_flow_state(&base_type, "review")->label, "审核中");
	assert_true(fz_flow_state(&base_type, "done")->final);
	assert_null(fz_flow_state(&base_type, "Review"));
	assert_null(fz_flow_state(&base_type, NULL));
	assert_string_equal(fz_flow_transition(&base_type, "extend")->label, "延长期限");
	assert_null(fz_flow_transition(&base_type, "delete"));
	assert_null(fz_flow_transition(&base_type, NULL));
	assert_int_equal(fz_flow_clock(&base_type, "decide")->days, 20);
	assert_null(fz_flow_clock(&base_type, "reply"));
	assert_null(fz_flow_clock(&base_type, NULL));
	assert_true(fz_flow_from_ok(T(&base_type, "withdraw"), "draft"));
	assert_true(fz_flow_from_ok(T(&base_type, "withdraw"), "review"));
	assert_false(fz_flow_from_ok(T(&base_type, "withdraw"), "done"));
	assert_false(fz_flow_from_ok(T(&base_type, "withdraw"), ""));
}

/* ---- fz_flow_check --------------------------------------------------- */

struct check_row {
	const char *name;
	const char *transition;
	const char *state;
	enum fz_role role;
	enum fz_code code;
	const char *message; /* expected err.message when code != FZ_OK */
};

static void flow_check_table(void **state)
{
	(void)state;
	static const struct check_row rows[] = {
		{"clerk submits a draft", "submit", "draft", FZ_ROLE_AGENCY_CLERK, FZ_OK, NULL},
		{"legal head approves in review", "approve", "review", FZ_ROLE_LEGAL_HEAD, FZ_OK,
		 NULL},
		{"legal staff extends in review", "extend", "review", FZ_ROLE_LEGAL_STAFF, FZ_OK,
		 NULL},
		{"agency head withdraws a draft", "withdraw", "draft", FZ_ROLE_AGENCY_HEAD, FZ_OK,
		 NULL},
		{"agency head withdraws in review", "withdraw", "review", FZ_ROLE_AGENCY_HEAD,
		 FZ_OK, NULL},
		{"legal staff may not approve", "approve", "review", FZ_ROLE_LEGAL_STAFF,
		 FZ_EFORBIDDEN, "您的角色（法制机构工作人员）无权执行“审核通过”"},
		{"clerk may not approve", "approve", "review", FZ_ROLE_AGENCY_CLERK, FZ_EFORBIDDEN,
		 "您的角色（部门经办人员）无权执行“审核通过”"},
		{"admin is not every role", "submit", "draft", FZ_ROLE_ADMIN, FZ_EFORBIDDEN,
		 "您的角色（系统管理员）无权执行“提交审核”"},
		{"leader is read-only", "extend", "review", FZ_ROLE_LEADER, FZ_EFORBIDDEN,
		 "您的角色（县领导（只读））无权执行“延长期限”"},
		{"public may not act", "withdraw", "draft", FZ_ROLE_PUBLIC, FZ_EFORBIDDEN,
		 "您的角色（公众）无权执行“撤回申请”"},
		{"role check first: clerk, wrong role and wrong state", "approve", "done",
		 FZ_ROLE_AGENCY_CLERK, FZ_EFORBIDDEN, "您的角色（部门经办人员）无权执行“审核通过”"},
		{"role check first: unknown state", "approve", "nowhere", FZ_ROLE_OFFICER,
		 FZ_EFORBIDDEN, "您的角色（执法人员）无权执行“审核通过”"},
		{"no role at all", "submit", "draft", 0, FZ_EFORBIDDEN,
		 "您的角色（未知角色）无权执行“提交审核”"},
		{"approve a draft", "approve", "draft", FZ_ROLE_LEGAL_HEAD, FZ_ESTATE,
		 "案件当前状态为“草稿”，不能执行“审核通过”"},
		{"submit twice", "submit", "review", FZ_ROLE_AGENCY_CLERK, FZ_ESTATE,
		 "案件当前状态为“审核中”，不能执行“提交审核”"},
		{"final state: withdraw when done", "withdraw", "done", FZ_ROLE_AGENCY_CLERK,
		 FZ_ESTATE, "案件当前状态为“已办结”，不能执行“撤回申请”"},
		{"extend after withdrawal", "extend", "withdrawn", FZ_ROLE_LEGAL_HEAD, FZ_ESTATE,
		 "案件当前状态为“已撤回”，不能执行“延长期限”"},
		{"undeclared state is named as stored", "extend", "archived", FZ_ROLE_LEGAL_HEAD,
		 FZ_ESTATE, "案件当前状态为“archived”，不能执行“延长期限”"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct check_row *r = &rows[i];
		struct fz_err err;
		fz_err_clear(&err);
		enum fz_code code =
			fz_flow_check(&base_type, T(&base_type, r->transition), r->state, r->role,
				      &err);
		bool ok = code == r->code;
		if (code == FZ_OK)
			ok = ok && err.code == FZ_OK && err.message[0] == '\0';
		else
			ok = ok && err.code == code && r->message &&
			     strcmp(err.message, r->message) == 0;
		if (!ok) {
			print_message("FAIL [%s] check(%s in %s as %s) = %s \"%s\", "
				      "want %s \"%s\"\n",
				      r->name, r->transition, r->state, fz_role_name(r->role),
				      fz_code_name(code), err.message, fz_code_name(r->code),
				      r->message ? r->message : "");
			failures++;
		}
	}
	/* err may be NULL: the code alone still comes back. */
	assert_int_equal(fz_flow_check(&base_type, T(&base_type, "approve"), "review",
				       FZ_ROLE_OFFICER, NULL),
			 FZ_EFORBIDDEN);
	assert_int_equal(fz_flow_check(&base_type, T(&base_type, "approve"), "draft",
				       FZ_ROLE_LEGAL_HEAD, NULL),
			 FZ_ESTATE);
	assert_int_equal(failures, 0);
}

/* ---- fz_flow_available ----------------------------------------------- */

struct avail_row {
	const char *name;
	const char *state;
	enum fz_role role;
	size_t max;
	const char *want; /* transition names, space-separated, in declaration order */
};

static void flow_available_table(void **state)
{
	(void)state;
	static const struct avail_row rows[] = {
		{"clerk on a draft", "draft", FZ_ROLE_AGENCY_CLERK, 8, "submit withdraw"},
		{"agency head on a draft", "draft", FZ_ROLE_AGENCY_HEAD, 8, "withdraw"},
		{"legal head in review", "review", FZ_ROLE_LEGAL_HEAD, 8, "approve extend"},
		{"legal staff in review", "review", FZ_ROLE_LEGAL_STAFF, 8, "extend"},
		{"clerk in review", "review", FZ_ROLE_AGENCY_CLERK, 8, "withdraw"},
		{"max 1 keeps the first in declaration order", "review", FZ_ROLE_LEGAL_HEAD, 1,
		 "approve"},
		{"max 0", "review", FZ_ROLE_LEGAL_HEAD, 0, ""},
		{"final state offers nothing", "done", FZ_ROLE_LEGAL_HEAD, 8, ""},
		{"final state offers nothing to the clerk", "withdrawn", FZ_ROLE_AGENCY_CLERK, 8,
		 ""},
		{"leader never acts", "review", FZ_ROLE_LEADER, 8, ""},
		{"unknown state", "nowhere", FZ_ROLE_LEGAL_HEAD, 8, ""},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct avail_row *r = &rows[i];
		const struct fz_transition *out[8] = {NULL};
		size_t n = fz_flow_available(&base_type, r->state, r->role, out, r->max);
		char got[128] = "";
		for (size_t k = 0; k < n && k < 8; k++)
			snprintf(got + strlen(got), sizeof got - strlen(got), "%s%s", k ? " " : "",
				 out[k]->name);
		bool ok = strcmp(got, r->want) == 0 && n <= r->max;
		for (size_t k = n; k < 8; k++)
			ok = ok && out[k] == NULL; /* nothing written past what it returns */
		if (!ok) {
			print_message("FAIL [%s] available(%s, %s, max %zu) = %zu \"%s\", "
				      "want \"%s\"\n",
				      r->name, r->state, fz_role_name(r->role), r->max, n, got,
				      r->want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- roles ----------------------------------------------------------- */

struct role_row {
	enum fz_role role;
	const char *name;
	const char *label;
	bool parseable;
};

static void role_names_round_trip(void **state)
{
	(void)state;
	static const struct role_row rows[] = {
		{FZ_ROLE_ADMIN, "admin", "系统管理员", true},
		{FZ_ROLE_LEGAL_STAFF, "legal_staff", "法制机构工作人员", true},
		{FZ_ROLE_LEGAL_HEAD, "legal_head", "法制机构负责人", true},
		{FZ_ROLE_AGENCY_CLERK, "agency_clerk", "部门经办人员", true},
		{FZ_ROLE_AGENCY_HEAD, "agency_head", "部门负责人", true},
		{FZ_ROLE_OFFICER, "officer", "执法人员", true},
		{FZ_ROLE_LEADER, "leader", "县领导（只读）", true},
		/* PUBLIC is the role of no account: it has a name but cannot be parsed. */
		{FZ_ROLE_PUBLIC, "public", "公众", false},
	};
	assert_int_equal(NROWS(rows), FZ_ROLE_COUNT);
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct role_row *r = &rows[i];
		enum fz_role parsed = fz_role_parse(r->name);
		bool ok = strcmp(fz_role_name(r->role), r->name) == 0 &&
			  strcmp(fz_role_label(r->role), r->label) == 0 &&
			  parsed == (r->parseable ? r->role : 0);
		if (!ok) {
			print_message("FAIL [%s] name %s label %s parse %u\n", r->name,
				      fz_role_name(r->role), fz_role_label(r->role), parsed);
			failures++;
		}
	}
	static const char *const unknown[] = {"",       "Admin", "ADMIN",      "legal",
					      "admin ", " admin", "legal-staff", "系统管理员"};
	for (size_t i = 0; i < NROWS(unknown); i++)
		if (fz_role_parse(unknown[i]) != 0) {
			print_message("FAIL [unknown name] fz_role_parse(\"%s\") != 0\n",
				      unknown[i]);
			failures++;
		}
	assert_int_equal(fz_role_parse(NULL), 0);
	/* Not one role: no name, no label. */
	assert_string_equal(fz_role_name(0), "unknown");
	assert_string_equal(fz_role_label(0), "未知角色");
	assert_string_equal(fz_role_name(FZ_ROLES_LEGAL), "unknown");
	assert_string_equal(fz_role_label(FZ_ROLES_LEGAL), "未知角色");
	assert_string_equal(fz_role_name((enum fz_role)(1u << FZ_ROLE_COUNT)), "unknown");
	assert_int_equal(failures, 0);
}

/* ---- fz_flow_validate ------------------------------------------------- */

/* A writable copy of the test procedure, for one declaration mistake at a time. */
struct decl {
	struct fz_case_type t;
	struct fz_state states[NROWS(base_states) + 1];
	struct fz_transition trs[NROWS(base_transitions) + 1];
	struct fz_clock_def clocks[NROWS(base_clocks)];
};

static void decl_init(struct decl *d)
{
	memset(d, 0, sizeof *d);
	memcpy(d->states, base_states, sizeof base_states);
	memcpy(d->trs, base_transitions, sizeof base_transitions);
	memcpy(d->clocks, base_clocks, sizeof base_clocks);
	d->t = base_type;
	d->t.states = d->states;
	d->t.transitions = d->trs;
	d->t.clocks = d->clocks;
}

/* Index of a transition in the copy (0 submit, 1 approve, 2 extend, 3 withdraw). */
enum { SUBMIT, APPROVE, EXTEND, WITHDRAW };

static void m_from_unknown(struct decl *d) { d->trs[APPROVE].from[0] = "reviewing"; }
static void m_second_from_unknown(struct decl *d) { d->trs[WITHDRAW].from[1] = "pending"; }
static void m_no_from(struct decl *d) { d->trs[APPROVE].from[0] = NULL; }
static void m_to_unknown(struct decl *d) { d->trs[APPROVE].to = "approved"; }
static void m_effect_undeclared_clock(struct decl *d)
{
	d->trs[APPROVE].effects[1].clock = "reply";
}
static void m_effect_null_clock(struct decl *d) { d->trs[APPROVE].effects[0].clock = NULL; }
static void m_extend_no_arg(struct decl *d) { d->trs[EXTEND].effects[0].arg = NULL; }
static void m_extend_text_input(struct decl *d) { d->trs[EXTEND].effects[0].arg = "reason"; }
static void m_extend_undeclared_input(struct decl *d) { d->trs[EXTEND].effects[0].arg = "weeks"; }
static void m_effect_day_not_date(struct decl *d) { d->trs[SUBMIT].inputs[0].type = FZ_IN_TEXT; }
static void m_days_arg_not_int(struct decl *d) { d->trs[WITHDRAW].effects[0].days_arg = "reason"; }
static void m_duplicate_transition(struct decl *d) { d->trs[WITHDRAW].name = "submit"; }
static void m_no_roles(struct decl *d) { d->trs[EXTEND].roles = 0; }
static void m_initial_unknown(struct decl *d) { d->t.initial_state = "new"; }
static void m_initial_null(struct decl *d) { d->t.initial_state = NULL; }
static void m_note_undeclared(struct decl *d) { d->trs[EXTEND].note_input = "opinion"; }
static void m_duplicate_state(struct decl *d) { d->states[3].name = "draft"; }
static void m_create_undeclared_clock(struct decl *d) { d->t.on_create[0].clock = "reply"; }
static void m_clock_step_unknown(struct decl *d) { d->clocks[1].step = "reviewing"; }

struct validate_row {
	const char *name;
	void (*mutate)(struct decl *d);
	const char *field;   /* expected err.field */
	const char *message; /* expected err.message */
};

static void flow_validate_table(void **state)
{
	(void)state;
	static const struct validate_row rows[] = {
		{"transition from an undeclared state", m_from_unknown, "approve",
		 "permit.approve: 起始状态 reviewing 未声明"},
		{"second from-state undeclared", m_second_from_unknown, "withdraw",
		 "permit.withdraw: 起始状态 pending 未声明"},
		{"transition from no state", m_no_from, "approve", "permit.approve: 没有起始状态"},
		{"transition to an undeclared state", m_to_unknown, "approve",
		 "permit.approve: 目标状态 approved 未声明"},
		{"effect on an undeclared clock", m_effect_undeclared_clock, "approve",
		 "permit.approve: 时限 reply 未声明"},
		{"effect naming no clock", m_effect_null_clock, "approve",
		 "permit.approve: 时限 (null) 未声明"},
		{"EXTEND without an input", m_extend_no_arg, "extend",
		 "permit.extend: 延长时限需要整数输入项"},
		{"EXTEND by a text input", m_extend_text_input, "extend",
		 "permit.extend: 延长时限需要整数输入项"},
		{"EXTEND by an undeclared input", m_extend_undeclared_input, "extend",
		 "permit.extend: 延长时限需要整数输入项"},
		{"effect day from a non-date input", m_effect_day_not_date, "submit",
		 "permit.submit: 时限生效日期须为日期输入项"},
		{"clock days from a non-int input", m_days_arg_not_int, "withdraw",
		 "permit.withdraw: 时限天数须为整数输入项"},
		{"duplicate transition", m_duplicate_transition, "submit",
		 "permit: 操作 submit 重复"},
		{"transition no role may take", m_no_roles, "extend",
		 "permit.extend: 没有可执行的角色"},
		{"undeclared initial state", m_initial_unknown, "initial_state",
		 "permit: 初始状态 new 未声明"},
		{"no initial state", m_initial_null, "initial_state",
		 "permit: 初始状态 (null) 未声明"},
		{"note_input not among the inputs", m_note_undeclared, "extend",
		 "permit.extend: 备注输入项 opinion 未声明"},
		{"duplicate state", m_duplicate_state, "draft", "permit: 状态 draft 重复"},
		{"creation effect on an undeclared clock", m_create_undeclared_clock, "on_create",
		 "permit.on_create: 时限 reply 未声明"},
		{"clock step in an undeclared state", m_clock_step_unknown, "review",
		 "permit: 时限 review 所属步骤 reviewing 未声明"},
	};
	int failures = 0;
	struct fz_err err;
	struct decl d;

	decl_init(&d);
	fz_err_clear(&err);
	if (fz_flow_validate(&d.t, &err) != FZ_OK) {
		print_message("FAIL [the test procedure itself] %s\n", err.message);
		failures++;
	}
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct validate_row *r = &rows[i];
		decl_init(&d);
		r->mutate(&d);
		fz_err_clear(&err);
		enum fz_code code = fz_flow_validate(&d.t, &err);
		bool ok = code == FZ_EINTERNAL && err.code == FZ_EINTERNAL &&
			  strcmp(err.field, r->field) == 0 && strcmp(err.message, r->message) == 0;
		if (!ok) {
			print_message("FAIL [%s] validate = %s field \"%s\" \"%s\", want "
				      "INTERNAL field \"%s\" \"%s\"\n",
				      r->name, fz_code_name(code), err.field, err.message, r->field,
				      r->message);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- the mailbox declaration ------------------------------------------ */

static void mailbox_declaration_is_valid(void **state)
{
	(void)state;
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code code = fz_flow_validate(&fz_mailbox_type, &err);
	if (code != FZ_OK)
		print_message("FAIL [mailbox] %s\n", err.message);
	assert_int_equal(code, FZ_OK);
	assert_non_null(fz_flow_state(&fz_mailbox_type, fz_mailbox_type.initial_state));
	assert_false(fz_flow_state(&fz_mailbox_type, fz_mailbox_type.initial_state)->final);
}

/* Every registered module's declaration, as the server checks it at start-up. */
static void all_module_declarations_are_valid(void **state)
{
	(void)state;
	struct fz_err err;
	fz_err_clear(&err);
	fz_platform_set_modules(fz_modules, fz_modules_count);
	if (fz_modules_validate(&err) != FZ_OK)
		fail_msg("module declaration invalid: %s (%s)", err.message, err.field);
	assert_true(fz_platform_kind_count() >= 2); /* mailbox and disclosure at least */
}

static void mailbox_permissions_table(void **state)
{
	(void)state;
	static const struct check_row rows[] = {
		{"legal staff assigns a pending letter", "assign", "pending", FZ_ROLE_LEGAL_STAFF,
		 FZ_OK, NULL},
		{"agency clerk drafts the reply", "reply", "handling", FZ_ROLE_AGENCY_CLERK, FZ_OK,
		 NULL},
		{"legal head approves the reply", "approve", "reviewing", FZ_ROLE_LEGAL_HEAD, FZ_OK,
		 NULL},
		{"agency head returns a misassigned letter", "return", "handling",
		 FZ_ROLE_AGENCY_HEAD, FZ_OK, NULL},
		{"agency clerk cannot assign", "assign", "pending", FZ_ROLE_AGENCY_CLERK,
		 FZ_EFORBIDDEN, "您的角色（部门经办人员）无权执行“分办”"},
		{"legal staff cannot reply for the agency", "reply", "handling",
		 FZ_ROLE_LEGAL_STAFF, FZ_EFORBIDDEN, "您的角色（法制机构工作人员）无权执行“拟办答复”"},
		{"agency head cannot approve its own reply", "approve", "reviewing",
		 FZ_ROLE_AGENCY_HEAD, FZ_EFORBIDDEN, "您的角色（部门负责人）无权执行“审核通过并答复”"},
		{"leader cannot publish", "publish", "answered", FZ_ROLE_LEADER, FZ_EFORBIDDEN,
		 "您的角色（县领导（只读））无权执行“公开答复”"},
		{"public cannot close", "close", "pending", FZ_ROLE_PUBLIC, FZ_EFORBIDDEN,
		 "您的角色（公众）无权执行“不予办理”"},
		{"cannot publish before approval", "publish", "reviewing", FZ_ROLE_LEGAL_HEAD,
		 FZ_ESTATE, "案件当前状态为“待审核”，不能执行“公开答复”"},
		{"cannot close an assigned letter", "close", "handling", FZ_ROLE_LEGAL_STAFF,
		 FZ_ESTATE, "案件当前状态为“办理中”，不能执行“不予办理”"},
		{"cannot assign twice", "assign", "handling", FZ_ROLE_LEGAL_STAFF, FZ_ESTATE,
		 "案件当前状态为“办理中”，不能执行“分办”"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct check_row *r = &rows[i];
		struct fz_err err;
		fz_err_clear(&err);
		enum fz_code code = fz_flow_check(&fz_mailbox_type,
						  T(&fz_mailbox_type, r->transition), r->state,
						  r->role, &err);
		bool ok = code == r->code &&
			  (code == FZ_OK || (r->message && strcmp(err.message, r->message) == 0));
		if (!ok) {
			print_message("FAIL [mailbox: %s] %s in %s as %s = %s \"%s\", "
				      "want %s \"%s\"\n",
				      r->name, r->transition, r->state, fz_role_name(r->role),
				      fz_code_name(code), err.message, fz_code_name(r->code),
				      r->message ? r->message : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* Published and closed letters are done with: no role may take any step on them. */
static void mailbox_nobody_acts_on_final_letters(void **state)
{
	(void)state;
	static const char *const finals[] = {"published", "closed"};
	int failures = 0;
	for (size_t s = 0; s < NROWS(finals); s++) {
		for (int bit = 0; bit < FZ_ROLE_COUNT; bit++) {
			enum fz_role role = (enum fz_role)(1u << bit);
			const struct fz_transition *out[16];
			size_t n = fz_flow_available(&fz_mailbox_type, finals[s], role, out, 16);
			if (n != 0) {
				print_message("FAIL [%s] %s is offered \"%s\"\n", finals[s],
					      fz_role_name(role), out[0]->name);
				failures++;
			}
			for (const struct fz_transition *tr = fz_mailbox_type.transitions;
			     tr->name; tr++) {
				enum fz_code code =
					fz_flow_check(&fz_mailbox_type, tr, finals[s], role, NULL);
				if (code == FZ_OK) {
					print_message("FAIL [%s] %s may \"%s\"\n", finals[s],
						      fz_role_name(role), tr->name);
					failures++;
				}
			}
		}
		assert_true(fz_flow_state(&fz_mailbox_type, finals[s])->final);
	}
	assert_int_equal(failures, 0);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(lookups),
		cmocka_unit_test(flow_check_table),
		cmocka_unit_test(flow_available_table),
		cmocka_unit_test(role_names_round_trip),
		cmocka_unit_test(flow_validate_table),
		cmocka_unit_test(mailbox_declaration_is_valid),
		cmocka_unit_test(all_module_declarations_are_valid),
		cmocka_unit_test(mailbox_permissions_table),
		cmocka_unit_test(mailbox_nobody_acts_on_final_letters),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
