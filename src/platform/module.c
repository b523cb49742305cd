/* module.c - the installed table of modules and the lookups over it (module.h). */
#include "platform/module.h"

#include <assert.h>
#include <string.h>

#include "platform/settings.h"

/*
 * Written once by fz_platform_set_modules before any thread starts, read-only
 * afterwards, so the readers need no lock.
 */
static const struct fz_module *const *table;
static size_t table_n;
static bool installed;

void fz_platform_set_modules(const struct fz_module *const *mods, size_t n)
{
	assert((mods || n == 0) && n <= FZ_MAX_MODULES);
	table = mods;
	table_n = n;
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

enum fz_code fz_modules_validate(struct fz_err *err)
{
	size_t n = fz_platform_module_count();
	for (size_t i = 0; i < n; i++) {
		const struct fz_case_type *t = table[i]->case_type;
		if (!t)
			continue;
		enum fz_code rc = fz_flow_validate(t, err);
		if (rc)
			return rc;
		/* A clock whose days are a local rule names a setting that exists. */
		for (const struct fz_clock_def *k = t->clocks; k && k->name; k++) {
			bool known = !k->days_setting;
			for (const struct fz_setting_def *d = fz_setting_defs; !known && d->key;
			     d++)
				known = strcmp(d->key, k->days_setting) == 0;
			if (!known)
				return fz_err_set(err, FZ_EINTERNAL, k->name,
						  "%s 的时限 %s 引用了未定义的设置 %s", t->name,
						  k->name, k->days_setting);
		}
		for (size_t j = 0; j < i; j++)
			if (table[j]->case_type && strcmp(table[j]->case_type->name, t->name) == 0)
				return fz_err_set(err, FZ_EINTERNAL, t->name,
						  "案件类型 %s 重复注册", t->name);
	}
	return FZ_OK;
}

const struct fz_module *fz_module_for_type(const char *case_type)
{
	size_t n = fz_platform_module_count();
	for (size_t i = 0; i < n; i++) {
		const struct fz_case_type *t = table[i]->case_type;
		if (t && case_type && strcmp(t->name, case_type) == 0)
			return table[i];
	}
	return NULL;
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
