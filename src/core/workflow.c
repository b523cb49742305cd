/*
 * workflow.c - the engine half that needs no I/O: lookups, permission and
 * state checks, the guards of a transition over facts the caller supplies,
 * and the checks of a declaration.
 */
#include "core/workflow.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	const char *label;
} roles[] = {
#define FZ_X(up, low, label) {#low, label},
	FZ_ROLE_MAP(FZ_X)
#undef FZ_X
};

static int role_index(enum fz_role role)
{
	for (int i = 0; i < FZ_ROLE_COUNT; i++)
		if ((unsigned)role == (1u << i))
			return i;
	return -1;
}

const char *fz_role_name(enum fz_role role)
{
	int i = role_index(role);
	return i < 0 ? "unknown" : roles[i].name;
}

const char *fz_role_label(enum fz_role role)
{
	int i = role_index(role);
	return i < 0 ? "未知角色" : roles[i].label;
}

enum fz_role fz_role_parse(const char *name)
{
	if (!name)
		return 0;
	for (int i = 0; i < FZ_ROLE_COUNT; i++)
		if (strcmp(roles[i].name, name) == 0 && (1u << i) != FZ_ROLE_PUBLIC)
			return (enum fz_role)(1u << i);
	return 0;
}

const struct fz_state *fz_flow_state(const struct fz_case_type *t, const char *name)
{
	if (!name)
		return NULL;
	for (const struct fz_state *s = t->states; s->name; s++)
		if (strcmp(s->name, name) == 0)
			return s;
	return NULL;
}

const struct fz_transition *fz_flow_transition(const struct fz_case_type *t, const char *name)
{
	if (!name)
		return NULL;
	for (const struct fz_transition *tr = t->transitions; tr->name; tr++)
		if (strcmp(tr->name, name) == 0)
			return tr;
	return NULL;
}

const struct fz_clock_def *fz_flow_clock(const struct fz_case_type *t, const char *name)
{
	if (!name || !t->clocks)
		return NULL;
	for (const struct fz_clock_def *c = t->clocks; c->name; c++)
		if (strcmp(c->name, name) == 0)
			return c;
	return NULL;
}

static const struct fz_input *find_input(const struct fz_transition *tr, const char *name)
{
	for (int i = 0; name && i < FZ_MAX_INPUTS && tr->inputs[i].name; i++)
		if (strcmp(tr->inputs[i].name, name) == 0)
			return &tr->inputs[i];
	return NULL;
}

bool fz_flow_from_ok(const struct fz_transition *tr, const char *state)
{
	for (int i = 0; i < FZ_MAX_FROM && tr->from[i]; i++)
		if (strcmp(tr->from[i], state) == 0)
			return true;
	return false;
}

enum fz_code fz_flow_check(const struct fz_case_type *t, const struct fz_transition *tr,
			   const char *state, enum fz_role role, struct fz_err *err)
{
	if (!(tr->roles & (unsigned)role))
		return fz_err_set(err, FZ_EFORBIDDEN, NULL, "您的角色（%s）无权执行“%s”",
				  fz_role_label(role), tr->label);
	if (!fz_flow_from_ok(tr, state)) {
		const struct fz_state *s = fz_flow_state(t, state);
		return fz_err_set(err, FZ_ESTATE, NULL, "案件当前状态为“%s”，不能执行“%s”",
				  s ? s->label : state, tr->label);
	}
	return FZ_OK;
}

size_t fz_flow_available(const struct fz_case_type *t, const char *state, enum fz_role role,
			 const struct fz_transition **out, size_t max)
{
	size_t n = 0;
	for (const struct fz_transition *tr = t->transitions; tr->name && n < max; tr++)
		if ((tr->roles & (unsigned)role) && fz_flow_from_ok(tr, state))
			out[n++] = tr;
	return n;
}


/* ---- guards --------------------------------------------------------------- */

/*
 * "（《政府信息公开条例》第三十条）" for a refusal: the article's citation, the
 * text before its first full-width colon (the rest quotes the law and would
 * not fit a message); "" when the step names no article.
 */
static void cite_paren(const char *article, char *out, size_t size)
{
	out[0] = '\0';
	if (!article)
		return;
	const char *colon = strstr(article, "：");
	int n = colon ? (int)(colon - article) : (int)strlen(article);
	snprintf(out, size, "（%.*s）", n, article);
}

static const char *clock_label(const struct fz_case_type *t, const char *name)
{
	const struct fz_clock_def *c = fz_flow_clock(t, name);
	return c ? c->label : name;
}

/* Refusal for a clock that has no due day yet (never started, or pending a calendar). */
static enum fz_code not_counted(const struct fz_case_type *t, const struct fz_transition *tr,
				const char *clock, const char *why, struct fz_err *err)
{
	return fz_err_set(err, FZ_ESTATE, NULL, "“%s”尚未起算或到期日待定，不能“%s”%s",
			  clock_label(t, clock), tr->label, why);
}

static enum fz_code guard_clocks(const struct fz_case_type *t, const struct fz_transition *tr,
				 const struct fz_flow_facts *f, const char *why, struct fz_err *err)
{
	char d[11];
	if (tr->after_clock) {
		struct fz_clock_fact k = f->clock(f->ud, tr->after_clock);
		if (!k.started || k.due == FZ_OPEN)
			return not_counted(t, tr, tr->after_clock, why, err);
		fz_date_format(k.due, d);
		if (f->today <= k.due)
			return fz_err_set(err, FZ_ESTATE, NULL, "“%s”至 %s 届满，届满后才能“%s”%s",
					  clock_label(t, tr->after_clock), d, tr->label, why);
	}
	if (tr->before_clock) {
		struct fz_clock_fact k = f->clock(f->ud, tr->before_clock);
		if (k.started && k.due != FZ_OPEN && f->today > k.due) {
			fz_date_format(k.due, d);
			return fz_err_set(err, FZ_ESTATE, NULL, "“%s”已于 %s 届满，不能“%s”%s",
					  clock_label(t, tr->before_clock), d, tr->label, why);
		}
	}
	if (tr->while_clock && !f->clock(f->ud, tr->while_clock).open)
		return fz_err_set(err, FZ_ESTATE, NULL, "“%s”未在计算中，不能“%s”%s",
				  clock_label(t, tr->while_clock), tr->label, why);
	if (tr->unless_clock && f->clock(f->ud, tr->unless_clock).open)
		return fz_err_set(err, FZ_ESTATE, NULL, "“%s”尚在计算中，不能再“%s”%s",
				  clock_label(t, tr->unless_clock), tr->label, why);
	return FZ_OK;
}

static enum fz_code guard_case(const struct fz_transition *tr, const struct fz_flow_facts *f,
			       const char *why, struct fz_err *err)
{
	if (tr->once && f->taken(f->ud, tr->name))
		return fz_err_set(err, FZ_ESTATE, NULL, "“%s”只能办理一次，本案已经办理过%s",
				  tr->label, why);
	if (tr->within.days > 0) {
		bool wd = tr->within.unit == FZ_UNIT_WD;
		int last = f->received + tr->within.days;
		/* A period running into a year whose calendar is not loaded is not guessed: no refusal. */
		if (!wd || fz_calendar_add_workdays(f->cal, f->received, tr->within.days, &last) == FZ_OK)
			if (f->today > last) {
				char d[11];
				fz_date_format(last, d);
				return fz_err_set(err, FZ_ESTATE, NULL,
						  "“%s”应在收到之日起 %d 个%s内办理，期限已于 %s 届满%s",
						  tr->label, tr->within.days, wd ? "工作日" : "日", d, why);
			}
	}
	for (int i = 0; i < FZ_MAX_GUARDS && tr->when[i].field; i++) {
		const struct fz_field_guard *g = &tr->when[i];
		const char *v = f->field(f->ud, g->field);
		bool ok = g->is ? v && strcmp(v, g->is) == 0 : !v || strcmp(v, g->is_not) != 0;
		if (!ok)
			return fz_err_set(err, FZ_ESTATE, NULL, "%s%s", g->rule, why);
	}
	return FZ_OK;
}

/* A clock that may be extended only so many times (第62条: once) offers no further extension. */
static enum fz_code guard_extensions(const struct fz_case_type *t, const struct fz_transition *tr,
				     const struct fz_flow_facts *f, struct fz_err *err)
{
	for (int i = 0; i < FZ_MAX_EFFECTS && tr->effects[i].op; i++) {
		const struct fz_clock_effect *e = &tr->effects[i];
		const struct fz_clock_def *def = fz_flow_clock(t, e->clock);
		if (e->op != FZ_CLK_EXTEND || !def || !def->max_extensions)
			continue;
		if (f->clock(f->ud, e->clock).extensions >= def->max_extensions)
			return fz_err_set(err, FZ_ESTATE, e->arg,
					  "“%s”依法只能延长 %d 次，已经延长过（%s）", def->label,
					  def->max_extensions, def->cite ? def->cite : "见该期限的法律依据");
	}
	return FZ_OK;
}

static const char *option_label(const struct fz_input *in, const char *value)
{
	for (const struct fz_option *o = in && in->options ? in->options : NULL; o && o->value; o++)
		if (strcmp(o->value, value) == 0)
			return o->label;
	return value;
}

static enum fz_code guard_needs(const struct fz_transition *tr, const struct fz_flow_facts *f,
				const char *why, struct fz_err *err)
{
	for (int i = 0; i < FZ_MAX_GUARDS && tr->needs[i].input; i++) {
		const struct fz_input_need *n = &tr->needs[i];
		const char *v = f->input(f->ud, n->when);
		if (!v || strcmp(v, n->is) != 0 || f->input(f->ud, n->input))
			continue;
		const struct fz_input *when = find_input(tr, n->when), *in = find_input(tr, n->input);
		return fz_err_set(err, FZ_EMISSING_FIELD, n->input, "“%s”为“%s”的，须填写“%s”%s",
				  when ? when->label : n->when, option_label(when, n->is),
				  in ? in->label : n->input, why);
	}
	return FZ_OK;
}

bool fz_flow_guarded(const struct fz_case_type *t, const struct fz_transition *tr)
{
	for (int i = 0; i < FZ_MAX_EFFECTS && tr->effects[i].op; i++) {
		const struct fz_clock_def *def = fz_flow_clock(t, tr->effects[i].clock);
		if (tr->effects[i].op == FZ_CLK_EXTEND && def && def->max_extensions)
			return true;
	}
	return tr->after_clock || tr->before_clock || tr->while_clock || tr->unless_clock ||
	       tr->once || tr->within.days > 0 || tr->when[0].field || tr->needs[0].input;
}

enum fz_code fz_flow_guard(const struct fz_case_type *t, const struct fz_transition *tr,
			   const struct fz_flow_facts *f, struct fz_err *err)
{
	char why[160];
	cite_paren(tr->article, why, sizeof why);
	enum fz_code rc;
	if ((rc = guard_clocks(t, tr, f, why, err)) || (rc = guard_case(tr, f, why, err)) ||
	    (rc = guard_extensions(t, tr, f, err)))
		return rc;
	return f->input ? guard_needs(tr, f, why, err) : FZ_OK;
}

/* The guards of one transition name declared clocks and inputs, and say their rule. */
static enum fz_code validate_guards(const struct fz_case_type *t, const struct fz_transition *tr,
				    struct fz_err *err)
{
	const char *clocks[] = {tr->after_clock, tr->before_clock, tr->while_clock,
				tr->unless_clock};
	for (size_t i = 0; i < sizeof clocks / sizeof clocks[0]; i++)
		if (clocks[i] && !fz_flow_clock(t, clocks[i]))
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 条件中的时限 %s 未声明",
					  t->name, tr->name, clocks[i]);
	if (tr->within.days < 0 || (tr->within.days && tr->within.unit != FZ_UNIT_WD &&
				    tr->within.unit != FZ_UNIT_CD))
		return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 办理期限应为正的工作日或自然日",
				  t->name, tr->name);
	for (int i = 0; i < FZ_MAX_GUARDS && tr->when[i].field; i++) {
		const struct fz_field_guard *g = &tr->when[i];
		if (!g->is == !g->is_not)
			return fz_err_set(err, FZ_EINTERNAL, tr->name,
					  "%s.%s: 条件 %s 须且只须写明 is 或 is_not", t->name, tr->name,
					  g->field);
		if (!g->rule || !g->rule[0])
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 条件 %s 没有写明规则",
					  t->name, tr->name, g->field);
	}
	for (int i = 0; i < FZ_MAX_GUARDS && tr->needs[i].input; i++) {
		const struct fz_input_need *n = &tr->needs[i];
		const struct fz_input *when = find_input(tr, n->when);
		if (!find_input(tr, n->input) || !when || !n->is)
			return fz_err_set(err, FZ_EINTERNAL, tr->name,
					  "%s.%s: 必填条件 %s 引用了未声明的输入项", t->name, tr->name,
					  n->input);
		if (when->options && option_label(when, n->is) == n->is)
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: %s 没有选项 %s",
					  t->name, tr->name, n->when, n->is);
	}
	return FZ_OK;
}

enum fz_code fz_flow_validate(const struct fz_case_type *t, struct fz_err *err)
{
	if (!fz_flow_state(t, t->initial_state))
		return fz_err_set(err, FZ_EINTERNAL, "initial_state", "%s: 初始状态 %s 未声明",
				  t->name, t->initial_state ? t->initial_state : "(null)");
	if (t->review_state && !fz_flow_state(t, t->review_state))
		return fz_err_set(err, FZ_EINTERNAL, "review_state", "%s: 审核状态 %s 未声明", t->name,
				  t->review_state);
	for (const struct fz_state *s = t->states; s->name; s++)
		for (const struct fz_state *u = s + 1; u->name; u++)
			if (strcmp(s->name, u->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, s->name, "%s: 状态 %s 重复",
						  t->name, s->name);
	for (const struct fz_clock_def *c = t->clocks; c && c->name; c++)
		if (c->step && !fz_flow_state(t, c->step))
			return fz_err_set(err, FZ_EINTERNAL, c->name, "%s: 时限 %s 所属步骤 %s 未声明",
					  t->name, c->name, c->step);
	/* The engine looks the clock of each effect up and uses it: it must exist. */
	for (int i = 0; i < FZ_MAX_EFFECTS && t->on_create[i].op; i++)
		if (!fz_flow_clock(t, t->on_create[i].clock))
			return fz_err_set(err, FZ_EINTERNAL, "on_create", "%s.on_create: 时限 %s 未声明",
					  t->name,
					  t->on_create[i].clock ? t->on_create[i].clock : "(null)");
	for (const struct fz_transition *tr = t->transitions; tr->name; tr++) {
		for (const struct fz_transition *u = tr + 1; u->name; u++)
			if (strcmp(tr->name, u->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s: 操作 %s 重复",
						  t->name, tr->name);
		if (!tr->from[0])
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 没有起始状态",
					  t->name, tr->name);
		for (int i = 0; i < FZ_MAX_FROM && tr->from[i]; i++)
			if (!fz_flow_state(t, tr->from[i]))
				return fz_err_set(err, FZ_EINTERNAL, tr->name,
						  "%s.%s: 起始状态 %s 未声明", t->name, tr->name,
						  tr->from[i]);
		if (tr->to && !fz_flow_state(t, tr->to))
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 目标状态 %s 未声明",
					  t->name, tr->name, tr->to);
		if (!tr->roles && !tr->system)
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 没有可执行的角色",
					  t->name, tr->name);
		for (int i = 0; i < FZ_MAX_EFFECTS && tr->effects[i].op; i++) {
			const struct fz_clock_effect *e = &tr->effects[i];
			if (!fz_flow_clock(t, e->clock))
				return fz_err_set(err, FZ_EINTERNAL, tr->name,
						  "%s.%s: 时限 %s 未声明", t->name, tr->name,
						  e->clock ? e->clock : "(null)");
			if (e->op == FZ_CLK_EXTEND) {
				const struct fz_input *in = e->arg ? find_input(tr, e->arg) : NULL;
				if (!in || in->type != FZ_IN_INT)
					return fz_err_set(err, FZ_EINTERNAL, tr->name,
							  "%s.%s: 延长时限需要整数输入项",
							  t->name, tr->name);
			} else if (e->arg) {
				const struct fz_input *in = find_input(tr, e->arg);
				if (!in || in->type != FZ_IN_DATE)
					return fz_err_set(err, FZ_EINTERNAL, tr->name,
							  "%s.%s: 时限生效日期须为日期输入项",
							  t->name, tr->name);
			}
			if (e->days_arg) {
				const struct fz_input *in = find_input(tr, e->days_arg);
				if (!in || in->type != FZ_IN_INT)
					return fz_err_set(err, FZ_EINTERNAL, tr->name,
							  "%s.%s: 时限天数须为整数输入项",
							  t->name, tr->name);
			}
		}
		if (tr->note_input && !find_input(tr, tr->note_input))
			return fz_err_set(err, FZ_EINTERNAL, tr->name, "%s.%s: 备注输入项 %s 未声明",
					  t->name, tr->name, tr->note_input);
		enum fz_code rc = validate_guards(t, tr, err);
		if (rc)
			return rc;
	}
	return FZ_OK;
}
