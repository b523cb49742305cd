/*
 * test_module.c - unit tests of platform/module.c: the installed table of
 * modules and the lookups over their case kinds, on a table of made-up
 * modules (no real module is linked).
 *
 * For: a module declaring several case kinds, the flattened kind order, the
 * lookup from a case type to its kind and its module, and the start-up check
 * refusing a case type or module name registered twice.
 * Not for: whether a real module's workflow is valid (core_workflow checks
 * every registered module's declaration).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "platform/module.h"

static const struct fz_state states[] = {{"open", "办理中", false}, {NULL, NULL, false}};
static const struct fz_transition transitions[] = {{.name = NULL}};
static const struct fz_clock_def clocks[] = {{.name = NULL}};

#define TYPE(id, text)                                                                             \
	static const struct fz_case_type id = {.name = #id,                                        \
					       .label = text,                                      \
					       .number_code = "测",                                \
					       .states = states,                                   \
					       .transitions = transitions,                         \
					       .clocks = clocks,                                   \
					       .initial_state = "open"}
TYPE(alpha, "甲");
TYPE(beta, "乙");
TYPE(gamma, "丙");

static enum fz_code fields_a(struct fz_ctx *ctx, int64_t id, json_t *o, struct fz_err *err)
{
	(void)ctx, (void)id, (void)o, (void)err;
	return FZ_OK;
}

static enum fz_code fields_b(struct fz_ctx *ctx, int64_t id, json_t *o, struct fz_err *err)
{
	(void)ctx, (void)id, (void)o, (void)err;
	return FZ_OK;
}

static const struct fz_case_kind one_kinds[] = {{.type = &alpha, .fields = fields_a},
						{.type = NULL}};
/* One module, two procedures, each with its own hook. */
static const struct fz_case_kind two_kinds[] = {
    {.type = &beta, .fields = fields_b}, {.type = &gamma}, {.type = NULL}};
static const struct fz_case_kind dup_kinds[] = {{.type = &beta}, {.type = NULL}};

static const struct fz_module first = {.name = "first", .label = "一", .kinds = one_kinds};
static const struct fz_module bare = {.name = "bare", .label = "无案件"};
static const struct fz_module second = {.name = "second", .label = "二", .kinds = two_kinds};
static const struct fz_module dup_type = {.name = "third", .label = "三", .kinds = dup_kinds};
static const struct fz_module dup_name = {.name = "first", .label = "重名"};

static void kinds_flattened_in_table_order(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&first, &bare, &second};
	fz_platform_set_modules(mods, 3);
	assert_int_equal(fz_platform_module_count(), 3);
	assert_int_equal(fz_platform_kind_count(), 3);
	assert_ptr_equal(fz_platform_kind(0)->type, &alpha);
	assert_ptr_equal(fz_platform_kind(1)->type, &beta);
	assert_ptr_equal(fz_platform_kind(2)->type, &gamma);
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_modules_validate(&err), FZ_OK);
}

static void type_finds_its_kind_and_module(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&first, &bare, &second};
	fz_platform_set_modules(mods, 3);
	const struct fz_module *m = NULL;
	const struct fz_case_kind *k = fz_case_kind_for_type("gamma", &m);
	assert_non_null(k);
	assert_ptr_equal(k->type, &gamma);
	assert_null(k->fields);
	assert_ptr_equal(m, &second);
	k = fz_case_kind_for_type("beta", &m);
	assert_ptr_equal(k->fields, fields_b);
	assert_ptr_equal(m, &second);
	assert_ptr_equal(fz_case_kind_for_type("alpha", NULL)->fields, fields_a);
	assert_ptr_equal(fz_module_for_type("alpha"), &first);
	assert_ptr_equal(fz_module_for_type("beta"), &second);

	assert_null(fz_case_kind_for_type("delta", &m));
	assert_null(m);
	assert_null(fz_case_kind_for_type(NULL, NULL));
	assert_null(fz_module_for_type("bare"));
}

static void empty_table_has_no_kinds(void **state)
{
	(void)state;
	fz_platform_set_modules(NULL, 0);
	assert_int_equal(fz_platform_kind_count(), 0);
	assert_null(fz_module_for_type("alpha"));
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_modules_validate(&err), FZ_OK);
}

static void type_registered_twice_refused(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&first, &second, &dup_type};
	fz_platform_set_modules(mods, 3);
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_modules_validate(&err), FZ_EINTERNAL);
	assert_string_equal(err.field, "beta");
}

static void module_name_registered_twice_refused(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&first, &second, &dup_name};
	fz_platform_set_modules(mods, 3);
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_modules_validate(&err), FZ_EINTERNAL);
	assert_string_equal(err.field, "first");
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(kinds_flattened_in_table_order),
	    cmocka_unit_test(type_finds_its_kind_and_module),
	    cmocka_unit_test(empty_table_has_no_kinds),
	    cmocka_unit_test(type_registered_twice_refused),
	    cmocka_unit_test(module_name_registered_twice_refused),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
