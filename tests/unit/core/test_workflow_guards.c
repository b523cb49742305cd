/*
 * test_workflow_guards.c - unit tests of the guards a transition declares
 * (core/workflow.c fz_flow_guard, fz_flow_guarded, their part of
 * fz_flow_validate), on a toy procedure with facts made up per row: no
 * database, no module.
 *
 * For: each guard refusing and allowing as declared, the refusal's code,
 * field and message (the rule, the date, the article's citation), the needs
 * skipped while listing, and declaration mistakes in guards.
 * Not for: gathering the facts from the store (tests/unit/platform/test_case_guards.c).
 *
 * The calendar has 2027 loaded with no holidays: working days are Monday to
 * Friday, so the periods below can be counted by eye. 2027-03-01 is a Monday.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/workflow.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* ---- the toy procedure ------------------------------------------------- */

static const struct fz_state states[] = {
	{"waiting", "办理中", false}, {"done", "已办结", true}, {NULL, NULL, false}};

static const struct fz_clock_def clocks[] = {
	{.name = "answer", .label = "答复期限", .unit = FZ_UNIT_WD, .days = 10,
	 .cite = "《示例条例》第九条", .max_extension = 10, .max_extensions = 1},
	{.name = "validity", .label = "有效期", .unit = FZ_UNIT_DAY, .days = 365},
	{.name = "letter", .label = "报告期限", .unit = FZ_UNIT_CD, .days = 60},
	{.name = NULL}};

static const struct fz_option posts[] = {{"head", "负责人"}, {"staff", "工作人员"}, {NULL, NULL}};

#define STAFF FZ_ROLE_LEGAL_STAFF

static const struct fz_transition transitions[] = {
	{.name = "lapse", .label = "逾期终止", .from = {"waiting"}, .to = "done", .roles = STAFF,
	 .article = "《示例条例》第三条：逾期不补正的，视为放弃", .after_clock = "answer"},
	{.name = "renew", .label = "发还", .from = {"waiting"}, .roles = STAFF,
	 .before_clock = "validity"},
	{.name = "receive", .label = "收到答复", .from = {"waiting"}, .roles = STAFF,
	 .while_clock = "answer"},
	{.name = "send", .label = "制发意见书", .from = {"waiting"}, .roles = STAFF,
	 .unless_clock = "letter"},
	{.name = "notice", .label = "告知补正", .from = {"waiting"}, .roles = STAFF,
	 .article = "《示例条例》第五条", .once = true, .within = {5, FZ_UNIT_WD}},
	{.name = "publish", .label = "公开", .from = {"waiting"}, .roles = STAFF,
	 .when = {{.field = "consent", .is = "true", .rule = "申请人不同意公开，不能公开"}}},
	{.name = "act", .label = "审核", .from = {"waiting"}, .roles = STAFF,
	 .when = {{.field = "status", .is_not = "abolished", .rule = "主体已撤销"}}},
	{.name = "record", .label = "登记出庭", .from = {"waiting"}, .roles = STAFF,
	 .article = "《示例条例》第七条：负责人应当出庭",
	 .inputs = {{.name = "post", .label = "出庭人员职务", .type = FZ_IN_SELECT, .required = true,
		     .options = posts},
		    {.name = "reason", .label = "负责人未出庭的原因", .type = FZ_IN_TEXTAREA}},
	 .needs = {{.input = "reason", .when = "post", .is = "staff"}}},
	{.name = "extend", .label = "延长", .from = {"waiting"}, .roles = STAFF,
	 .inputs = {{.name = "days", .label = "天数", .type = FZ_IN_INT, .required = true, .min = 1,
		     .max = 10}},
	 .effects = {{.op = FZ_CLK_EXTEND, .clock = "answer", .arg = "days"}}},
	{.name = "plain", .label = "登记", .from = {"waiting"}, .roles = STAFF},
	{.name = NULL}};

static const struct fz_case_type toy = {
	.name = "toy", .label = "示例申请", .number_code = "示", .states = states,
	.transitions = transitions, .clocks = clocks, .initial_state = "waiting"};

/* ---- made-up facts ------------------------------------------------------- */

struct clk {
	bool started, open;
	const char *due; /* NULL: not known */
	int extensions;
};

/* One case as a row sees it. Unset clocks never started; unset fields and inputs are absent. */
struct world {
	const char *today, *received;
	struct clk answer, validity, letter;
	bool taken;                    /* the transition was taken before */
	const char *consent, *status;  /* fields */
	const char *post, *reason;     /* inputs */
	bool listing;                  /* no input: the actions a case offers */
};

static int day(const char *s)
{
	int d = FZ_OPEN;
	if (s && fz_date_parse(s, &d) != FZ_OK)
		fail_msg("test bug: bad date %s", s);
	return d;
}

static struct fz_clock_fact clock_of(void *ud, const char *name)
{
	const struct world *w = ud;
	const struct clk *c = strcmp(name, "answer") == 0     ? &w->answer
			      : strcmp(name, "validity") == 0 ? &w->validity
							      : &w->letter;
	return (struct fz_clock_fact){c->started, c->open, day(c->due), c->extensions};
}

static bool taken(void *ud, const char *transition)
{
	(void)transition;
	return ((const struct world *)ud)->taken;
}

static const char *field(void *ud, const char *name)
{
	const struct world *w = ud;
	return strcmp(name, "consent") == 0 ? w->consent : strcmp(name, "status") == 0 ? w->status : NULL;
}

static const char *input(void *ud, const char *name)
{
	const struct world *w = ud;
	return strcmp(name, "post") == 0 ? w->post : strcmp(name, "reason") == 0 ? w->reason : NULL;
}

static struct fz_calendar *cal2027;

static int setup(void **state)
{
	(void)state;
	cal2027 = fz_calendar_new();
	return cal2027 && fz_calendar_mark_year(cal2027, 2027) == FZ_OK ? 0 : -1;
}

static int teardown(void **state)
{
	(void)state;
	fz_calendar_free(cal2027);
	return 0;
}

static enum fz_code guard(const char *transition, struct world *w, struct fz_err *err)
{
	struct fz_flow_facts f = {.today = day(w->today ? w->today : "2027-03-10"),
				  .received = day(w->received ? w->received : "2027-03-01"),
				  .cal = cal2027,
				  .ud = w,
				  .clock = clock_of,
				  .taken = taken,
				  .field = field,
				  .input = w->listing ? NULL : input};
	const struct fz_transition *tr = fz_flow_transition(&toy, transition);
	if (!tr)
		fail_msg("test bug: no transition %s", transition);
	fz_err_clear(err);
	return fz_flow_guard(&toy, tr, &f, err);
}

/* ---- each guard refuses and allows as declared --------------------------- */

struct guard_row {
	const char *name;
	const char *transition;
	struct world w;
	enum fz_code code;
	const char *field;   /* expected err.field when refused ("" = none) */
	const char *message; /* substring of err.message when refused */
};

#define OPEN_CLOCK(d) {.started = true, .open = true, .due = (d)}
#define STOPPED_CLOCK(d) {.started = true, .open = false, .due = (d)}

static const struct guard_row rows[] = {
	/* after_clock: only once the other side's period has run out. */
	{"after: due tomorrow", "lapse", {.today = "2027-03-10", .answer = OPEN_CLOCK("2027-03-11")},
	 FZ_ESTATE, "", "“答复期限”至 2027-03-11 届满，届满后才能“逾期终止”（《示例条例》第三条）"},
	{"after: due today still runs", "lapse",
	 {.today = "2027-03-11", .answer = OPEN_CLOCK("2027-03-11")}, FZ_ESTATE, "", "2027-03-11"},
	{"after: the day after the due day", "lapse",
	 {.today = "2027-03-12", .answer = OPEN_CLOCK("2027-03-11")}, FZ_OK, NULL, NULL},
	{"after: a clock that never ran", "lapse", {.today = "2027-03-12"}, FZ_ESTATE, "",
	 "“答复期限”尚未起算或到期日待定"},
	{"after: a due day pending a calendar", "lapse",
	 {.today = "2027-03-12", .answer = OPEN_CLOCK(NULL)}, FZ_ESTATE, "", "到期日待定"},
	/* before_clock: refused once the validity ended; no clock, no limit. */
	{"before: validity ends today", "renew",
	 {.today = "2027-03-11", .validity = OPEN_CLOCK("2027-03-11")}, FZ_OK, NULL, NULL},
	{"before: validity ended yesterday", "renew",
	 {.today = "2027-03-12", .validity = OPEN_CLOCK("2027-03-11")}, FZ_ESTATE, "",
	 "“有效期”已于 2027-03-11 届满，不能“发还”"},
	{"before: no validity clock", "renew", {.today = "2027-03-12"}, FZ_OK, NULL, NULL},
	/* while_clock: only while the awaited step's clock runs or is paused. */
	{"while: running", "receive", {.answer = OPEN_CLOCK("2027-03-20")}, FZ_OK, NULL, NULL},
	{"while: stopped", "receive", {.answer = STOPPED_CLOCK("2027-03-20")}, FZ_ESTATE, "",
	 "“答复期限”未在计算中，不能“收到答复”"},
	{"while: never started", "receive", {0}, FZ_ESTATE, "", "未在计算中"},
	/* unless_clock: one at a time. */
	{"unless: none yet", "send", {0}, FZ_OK, NULL, NULL},
	{"unless: the last one answered", "send", {.letter = STOPPED_CLOCK("2027-04-30")}, FZ_OK,
	 NULL, NULL},
	{"unless: one awaits its report", "send", {.letter = OPEN_CLOCK("2027-04-30")}, FZ_ESTATE,
	 "", "“报告期限”尚在计算中，不能再“制发意见书”"},
	/* once, and within 5 working days of receipt (Mon 03-01: WD5 is Mon 03-08). */
	{"once: first time, in time", "notice", {.today = "2027-03-08"}, FZ_OK, NULL, NULL},
	{"once: taken before", "notice", {.today = "2027-03-02", .taken = true}, FZ_ESTATE, "",
	 "“告知补正”只能办理一次，本案已经办理过（《示例条例》第五条）"},
	{"within: a working day late", "notice", {.today = "2027-03-09"}, FZ_ESTATE, "",
	 "“告知补正”应在收到之日起 5 个工作日内办理，期限已于 2027-03-08 届满（《示例条例》第五条）"},
	{"within: receipt day outside the loaded calendar is not guessed", "notice",
	 {.today = "2027-03-09", .received = "2026-12-30"}, FZ_OK, NULL, NULL},
	/* when: a domain field must (not) have a value. */
	{"when is: agreed", "publish", {.consent = "true"}, FZ_OK, NULL, NULL},
	{"when is: refused", "publish", {.consent = "false"}, FZ_ESTATE, "",
	 "申请人不同意公开，不能公开"},
	{"when is: field absent", "publish", {0}, FZ_ESTATE, "", "不同意公开"},
	{"when is_not: other value", "act", {.status = "submitted"}, FZ_OK, NULL, NULL},
	{"when is_not: field absent", "act", {0}, FZ_OK, NULL, NULL},
	{"when is_not: the refused value", "act", {.status = "abolished"}, FZ_ESTATE, "",
	 "主体已撤销"},
	/* needs: an input required by another input's value. */
	{"needs: the head appeared", "record", {.post = "head"}, FZ_OK, NULL, NULL},
	{"needs: staff with a reason", "record", {.post = "staff", .reason = "出差"}, FZ_OK, NULL,
	 NULL},
	{"needs: staff without a reason", "record", {.post = "staff"}, FZ_EMISSING_FIELD, "reason",
	 "“出庭人员职务”为“工作人员”的，须填写“负责人未出庭的原因”（《示例条例》第七条）"},
	{"needs: not checked while listing", "record", {.listing = true}, FZ_OK, NULL, NULL},
	/* An EXTEND effect on a clock extended as often as the law allows. */
	{"extend: not extended yet", "extend", {.answer = OPEN_CLOCK("2027-03-20")}, FZ_OK, NULL,
	 NULL},
	{"extend: extended once already", "extend",
	 {.answer = {.started = true, .open = true, .due = "2027-03-20", .extensions = 1}},
	 FZ_ESTATE, "days", "“答复期限”依法只能延长 1 次，已经延长过（《示例条例》第九条）"},
	{"no guard", "plain", {0}, FZ_OK, NULL, NULL},
};

static void guards_table(void **state)
{
	(void)state;
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct guard_row *r = &rows[i];
		struct world w = r->w;
		struct fz_err err;
		enum fz_code code = guard(r->transition, &w, &err);
		bool ok = code == r->code;
		if (ok && code != FZ_OK)
			ok = strcmp(err.field, r->field) == 0 && strstr(err.message, r->message);
		if (!ok) {
			print_message("FAIL [%s] %s = %s field \"%s\" \"%s\", want %s field \"%s\" \"%s\"\n",
				      r->name, r->transition, fz_code_name(code), err.field, err.message,
				      fz_code_name(r->code), r->field ? r->field : "",
				      r->message ? r->message : "");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void guarded_says_which_rows_have_guards(void **state)
{
	(void)state;
	static const char *const guarded[] = {"lapse", "renew", "receive", "send", "notice",
					      "publish", "act", "record", "extend"};
	for (size_t i = 0; i < NROWS(guarded); i++)
		if (!fz_flow_guarded(&toy, fz_flow_transition(&toy, guarded[i])))
			fail_msg("%s declares a guard", guarded[i]);
	assert_false(fz_flow_guarded(&toy, fz_flow_transition(&toy, "plain")));
}

/* ---- declaration mistakes in guards -------------------------------------- */

struct decl {
	struct fz_transition trs[NROWS(transitions)];
	struct fz_case_type t;
};

static void decl_init(struct decl *d)
{
	memcpy(d->trs, transitions, sizeof transitions);
	d->t = toy;
	d->t.transitions = d->trs;
}

enum { LAPSE, RENEW, RECEIVE, SEND, NOTICE, PUBLISH, ACT, RECORD };

static void m_after_unknown(struct decl *d) { d->trs[LAPSE].after_clock = "reply"; }
static void m_before_unknown(struct decl *d) { d->trs[RENEW].before_clock = "expiry"; }
static void m_while_unknown(struct decl *d) { d->trs[RECEIVE].while_clock = "copy"; }
static void m_unless_unknown(struct decl *d) { d->trs[SEND].unless_clock = "report"; }
static void m_within_negative(struct decl *d) { d->trs[NOTICE].within.days = -5; }
static void m_within_fixed_days(struct decl *d) { d->trs[NOTICE].within.unit = FZ_UNIT_DAY; }
static void m_when_both(struct decl *d) { d->trs[PUBLISH].when[0].is_not = "false"; }
static void m_when_neither(struct decl *d) { d->trs[ACT].when[0].is_not = NULL; }
static void m_when_no_rule(struct decl *d) { d->trs[PUBLISH].when[0].rule = NULL; }
static void m_needs_unknown_input(struct decl *d) { d->trs[RECORD].needs[0].input = "excuse"; }
static void m_needs_unknown_when(struct decl *d) { d->trs[RECORD].needs[0].when = "role"; }
static void m_needs_unknown_option(struct decl *d) { d->trs[RECORD].needs[0].is = "deputy"; }

static void validate_guards_table(void **state)
{
	(void)state;
	static const struct {
		const char *name;
		void (*mutate)(struct decl *d);
		const char *field, *message;
	} bad[] = {
		{"after_clock undeclared", m_after_unknown, "lapse", "toy.lapse: 条件中的时限 reply 未声明"},
		{"before_clock undeclared", m_before_unknown, "renew",
		 "toy.renew: 条件中的时限 expiry 未声明"},
		{"while_clock undeclared", m_while_unknown, "receive",
		 "toy.receive: 条件中的时限 copy 未声明"},
		{"unless_clock undeclared", m_unless_unknown, "send",
		 "toy.send: 条件中的时限 report 未声明"},
		{"within negative", m_within_negative, "notice",
		 "toy.notice: 办理期限应为正的工作日或自然日"},
		{"within in fixed days", m_within_fixed_days, "notice",
		 "toy.notice: 办理期限应为正的工作日或自然日"},
		{"when with is and is_not", m_when_both, "publish",
		 "toy.publish: 条件 consent 须且只须写明 is 或 is_not"},
		{"when with neither", m_when_neither, "act",
		 "toy.act: 条件 status 须且只须写明 is 或 is_not"},
		{"when without a rule", m_when_no_rule, "publish", "toy.publish: 条件 consent 没有写明规则"},
		{"needs an undeclared input", m_needs_unknown_input, "record",
		 "toy.record: 必填条件 excuse 引用了未声明的输入项"},
		{"needs decided by an undeclared input", m_needs_unknown_when, "record",
		 "toy.record: 必填条件 reason 引用了未声明的输入项"},
		{"needs on a value the select lacks", m_needs_unknown_option, "record",
		 "toy.record: post 没有选项 deputy"},
	};
	struct fz_err err;
	struct decl d;
	decl_init(&d);
	fz_err_clear(&err);
	if (fz_flow_validate(&d.t, &err) != FZ_OK)
		fail_msg("the toy procedure itself: %s", err.message);
	int failures = 0;
	for (size_t i = 0; i < NROWS(bad); i++) {
		decl_init(&d);
		bad[i].mutate(&d);
		fz_err_clear(&err);
		enum fz_code code = fz_flow_validate(&d.t, &err);
		if (code != FZ_EINTERNAL || strcmp(err.field, bad[i].field) != 0 ||
		    strcmp(err.message, bad[i].message) != 0) {
			print_message("FAIL [%s] %s field \"%s\" \"%s\"\n", bad[i].name,
				      fz_code_name(code), err.field, err.message);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(guards_table),
		cmocka_unit_test(guarded_says_which_rows_have_guards),
		cmocka_unit_test(validate_guards_table),
	};
	return cmocka_run_group_tests(tests, setup, teardown);
}
