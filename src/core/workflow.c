/* workflow.c - the engine half that needs no I/O: lookups, permission and state checks. */
#include "core/workflow.h"

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

static const struct fz_input *find_input(const struct fz_transition *tr, const char *name)
{
	for (int i = 0; i < FZ_MAX_INPUTS && tr->inputs[i].name; i++)
		if (strcmp(tr->inputs[i].name, name) == 0)
			return &tr->inputs[i];
	return NULL;
}

enum fz_code fz_flow_validate(const struct fz_case_type *t, struct fz_err *err)
{
	if (!fz_flow_state(t, t->initial_state))
		return fz_err_set(err, FZ_EINTERNAL, "initial_state", "%s: 初始状态 %s 未声明",
				  t->name, t->initial_state ? t->initial_state : "(null)");
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
		if (!tr->roles)
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
	}
	return FZ_OK;
}
