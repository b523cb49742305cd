/* module.c - the installed table of modules and the lookups over it (module.h). */
#include "platform/module.h"

#include <assert.h>
#include <string.h>

#include "platform/jobs.h"
#include "platform/legality.h"
#include "platform/settings.h"

/*
 * Written once by fz_platform_set_modules before any thread starts, read-only
 * afterwards, so the readers need no lock.
 */
static const struct fz_module *const *table;
static size_t table_n;
static bool installed;
/* The modules' case kinds flattened, each with the module that declares it. */
static const struct fz_case_kind *kinds[FZ_MAX_CASE_KINDS];
static const struct fz_module *kind_owner[FZ_MAX_CASE_KINDS];
static size_t kinds_n;

void fz_platform_set_modules(const struct fz_module *const *mods, size_t n)
{
	assert((mods || n == 0) && n <= FZ_MAX_MODULES);
	table = mods;
	table_n = n;
	kinds_n = 0;
	for (size_t i = 0; i < n; i++)
		for (const struct fz_case_kind *k = mods[i]->kinds; k && k->type; k++) {
			assert(kinds_n < FZ_MAX_CASE_KINDS);
			kind_owner[kinds_n] = mods[i];
			kinds[kinds_n++] = k;
		}
	installed = true;
}

size_t fz_platform_module_count(void)
{
	assert(installed && "fz_platform_set_modules was not called at start-up");
	return table_n;
}

const struct fz_module *fz_platform_module(size_t i)
{
	assert(installed && i < table_n);
	return table[i];
}

size_t fz_platform_kind_count(void)
{
	assert(installed && "fz_platform_set_modules was not called at start-up");
	return kinds_n;
}

const struct fz_case_kind *fz_platform_kind(size_t i)
{
	assert(installed && i < kinds_n);
	return kinds[i];
}

enum fz_code fz_modules_validate(struct fz_err *err)
{
	size_t n = fz_platform_kind_count();
	for (size_t i = 0; i < n; i++) {
		const struct fz_case_type *t = kinds[i]->type;
		enum fz_code rc = fz_flow_validate(t, err);
		if (rc)
			return rc;
		/* A clock whose days are a local rule names a setting that exists. */
		for (const struct fz_clock_def *k = t->clocks; k && k->name; k++) {
			if (k->days_setting && !fz_setting_find(k->days_setting))
				return fz_err_set(err, FZ_EINTERNAL, k->name,
						  "%s 的时限 %s 引用了未定义的设置 %s", t->name,
						  k->name, k->days_setting);
		}
		for (size_t j = 0; j < i; j++)
			if (strcmp(kinds[j]->type->name, t->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, t->name,
						  "案件类型 %s 重复注册", t->name);
		/* A conversion step is a system step taking the new case's number. */
		if (kinds[i]->convert) {
			const struct fz_transition *tr = fz_flow_transition(t, kinds[i]->convert);
			bool to_number = false;
			for (int j = 0; tr && j < FZ_MAX_INPUTS && tr->inputs[j].name; j++)
				to_number = to_number || strcmp(tr->inputs[j].name, "to_number") == 0;
			if (!tr || !tr->system || !to_number)
				return fz_err_set(err, FZ_EINTERNAL, t->name,
						  "%s 的转换步骤 %s 应为带 to_number 输入的系统步骤",
						  t->name, kinds[i]->convert);
		}
	}
	/* `fazhi report <name>` finds a module by its name. */
	for (size_t i = 0; i < table_n; i++)
		for (size_t j = 0; j < i; j++)
			if (strcmp(table[j]->name, table[i]->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, table[i]->name,
						  "模块 %s 重复注册", table[i]->name);
	/* The timeline's label of an event on any case: one module declares an action. */
	for (size_t i = 0; i < table_n; i++)
		for (const struct fz_option *o = table[i]->event_labels; o && o->value; o++)
			for (size_t j = 0; j <= i; j++)
				for (const struct fz_option *p = table[j]->event_labels;
				     p && p->value && p != o; p++)
					if (strcmp(p->value, o->value) == 0)
						return fz_err_set(err, FZ_EINTERNAL, o->value,
								  "事件 %s 由模块 %s 和 %s 重复声明",
								  o->value, table[j]->name,
								  table[i]->name);
	/* Settings and jobs are found by key and name across the core and the modules. */
	enum fz_code rc = fz_settings_validate(err);
	if (!rc)
		rc = fz_jobs_validate(err);
	if (rc)
		return rc;
	/* Reports find another module's figures by name: one name, one figure. */
	if (!rc)
		rc = fz_figures_validate(err);
	/* A review kind names its subject's case type and system steps. */
	return rc ? rc : fz_review_kinds_validate(err);
}

const struct fz_case_kind *fz_case_kind_for_type(const char *case_type,
						 const struct fz_module **module)
{
	size_t n = fz_platform_kind_count();
	for (size_t i = 0; case_type && i < n; i++)
		if (strcmp(kinds[i]->type->name, case_type) == 0) {
			if (module)
				*module = kind_owner[i];
			return kinds[i];
		}
	if (module)
		*module = NULL;
	return NULL;
}

const char *fz_module_event_label(const char *action)
{
	size_t n = fz_platform_module_count();
	for (size_t i = 0; action && i < n; i++)
		for (const struct fz_option *o = table[i]->event_labels; o && o->value; o++)
			if (strcmp(o->value, action) == 0)
				return o->label;
	return NULL;
}

const struct fz_module *fz_module_for_type(const char *case_type)
{
	const struct fz_module *m;
	fz_case_kind_for_type(case_type, &m);
	return m;
}

/* The modules' migration tables in table order, for the migrator; returns how many. */
static size_t migration_sets(const struct fz_migration *sets[FZ_MAX_MODULES])
{
	size_t n = fz_platform_module_count();
	for (size_t i = 0; i < n; i++)
		sets[i] = table[i]->migrations;
	return n;
}

int fz_platform_migrations_pending(struct fz_db *db)
{
	const struct fz_migration *sets[FZ_MAX_MODULES];
	size_t n = migration_sets(sets);
	return fz_migrations_pending(db, sets, n);
}

enum fz_code fz_platform_migrate(struct fz_db *db, int *applied, struct fz_err *err)
{
	const struct fz_migration *sets[FZ_MAX_MODULES];
	size_t n = migration_sets(sets);
	return fz_migrate(db, sets, n, applied, err);
}

/* ---- review kinds (platform/legality.h) ---- */

size_t fz_review_kind_count(void)
{
	size_t n = 0;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		for (const struct fz_review_kind *k = fz_platform_module(i)->review_kinds; k && k->name;
		     k++)
			n++;
	return n;
}

const struct fz_review_kind *fz_review_kind_at(size_t at)
{
	size_t n = 0;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		for (const struct fz_review_kind *k = fz_platform_module(i)->review_kinds; k && k->name;
		     k++)
			if (n++ == at)
				return k;
	return NULL;
}

const struct fz_review_kind *fz_review_kind_find(const char *name)
{
	for (size_t i = 0, n = fz_review_kind_count(); name && i < n; i++)
		if (strcmp(fz_review_kind_at(i)->name, name) == 0)
			return fz_review_kind_at(i);
	return NULL;
}

static enum fz_code check_step(const struct fz_review_kind *k, const struct fz_case_type *t,
			       const char *step, struct fz_err *err)
{
	const struct fz_transition *tr = step ? fz_flow_transition(t, step) : NULL;
	if (!tr || !tr->system)
		return fz_err_set(err, FZ_EINTERNAL, k->name,
				  "审核类别 %s：%s 不是案件类型 %s 的系统步骤", k->name,
				  step ? step : "(空)", t->name);
	return FZ_OK;
}

enum fz_code fz_review_kinds_validate(struct fz_err *err)
{
	for (size_t i = 0, n = fz_review_kind_count(); i < n; i++) {
		const struct fz_review_kind *k = fz_review_kind_at(i);
		for (size_t j = 0; j < i; j++)
			if (strcmp(fz_review_kind_at(j)->name, k->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, k->name, "审核类别 %s 重复注册",
						  k->name);
		const struct fz_case_kind *ck = fz_case_kind_for_type(k->subject_type, NULL);
		if (!ck)
			return fz_err_set(err, FZ_EINTERNAL, k->name,
					  "审核类别 %s 的审核对象 %s 不是已注册的案件类型", k->name,
					  k->subject_type ? k->subject_type : "(空)");
		if (k->days_setting && !fz_setting_find(k->days_setting))
			return fz_err_set(err, FZ_EINTERNAL, k->name, "审核类别 %s 的审核期限设置项 %s 未声明",
					  k->name, k->days_setting);
		enum fz_code rc = check_step(k, ck->type, k->on_passed, err);
		if (!rc)
			rc = check_step(k, ck->type, k->on_failed, err);
		if (rc)
			return rc;
	}
	if (fz_review_kind_count() && !fz_case_kind_for_type(FZ_LEGAL_REVIEW_TYPE, NULL))
		return fz_err_set(err, FZ_EINTERNAL, NULL,
				  "已注册合法性审核类别，但没有模块声明案件类型 %s",
				  FZ_LEGAL_REVIEW_TYPE);
	return FZ_OK;
}
