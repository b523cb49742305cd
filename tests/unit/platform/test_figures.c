/*
 * test_figures.c - unit tests of platform/figures.c: the registry of named
 * yearly figures over a table of made-up modules (no real module, no
 * database: every figure here is a compute function).
 *
 * For: lookup by name and its module, the value of a figure, an unknown name
 * refused naming it, the start-up check refusing a name declared twice (in
 * one module or two), a malformed name, a row with both or neither way of
 * counting, and the drill-down query filled in for a year and an agency.
 * Not for: whether a real module's figures equal its reports (the API test
 * tests/api/figures.test.mjs does that on a real database).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "platform/figures.h"
#include "platform/module.h"

static enum fz_code seven(struct fz_ctx *ctx, int year, int64_t agency, long *value,
			  struct fz_err *err)
{
	(void)ctx, (void)err;
	*value = 7 + (year == 2024 ? 100 : 0) + (agency ? 1000 : 0);
	return FZ_OK;
}

static enum fz_code broken(struct fz_ctx *ctx, int year, int64_t agency, long *value,
			   struct fz_err *err)
{
	(void)ctx, (void)year, (void)agency, (void)value;
	return fz_err_set(err, FZ_EDB, NULL, "数据库错误");
}

#define LIST "GET /api/things"

/* A row: name, compute, drill route and query, then any further designated fields. */
#define FIG(n, fn, route, q, ...)                                                                  \
	{                                                                                          \
		.name = n, .label = "测试", .unit = "件", .compute = fn, .drill = {route, q},      \
		__VA_ARGS__                                                                        \
	}
#define END                                                                                        \
	{                                                                                          \
		.name = NULL                                                                       \
	}

static const struct fz_figure alpha_figures[] = {
    FIG("alpha.things.received", seven, LIST, "year={year}&agency_id={agency}"),
    FIG("alpha.things.broken", broken, LIST, "state=broken"),
    END,
};
static const struct fz_figure beta_figures[] = {
    FIG("beta.fees.amount", seven, LIST, "year={year}&owner={agency}&note=a{agency}b", .sum = true),
    END,
};
static const struct fz_figure dup_figures[] = {FIG("alpha.things.received", seven, LIST, ""), END};
static const struct fz_figure bad_name[] = {FIG("Alpha.Things", seven, LIST, ""), END};
static const struct fz_figure one_word[] = {FIG("things", seven, LIST, ""), END};
static const struct fz_figure both_ways[] = {
    FIG("gamma.things.both", seven, LIST, "", .sql = "SELECT ?3"), END};
static const struct fz_figure no_way[] = {FIG("gamma.things.none", NULL, LIST, ""), END};
static const struct fz_figure post_drill[] = {
    FIG("gamma.things.posted", seven, "POST /api/things", ""), END};

static const struct fz_module alpha = {.name = "alpha", .label = "甲", .figures = alpha_figures};
static const struct fz_module bare = {.name = "bare", .label = "无指标"};
static const struct fz_module beta = {.name = "beta", .label = "乙", .figures = beta_figures};
static const struct fz_module dup = {.name = "dup", .label = "重名", .figures = dup_figures};

static void install(const struct fz_module *const *mods, size_t n)
{
	fz_platform_set_modules(mods, n);
}

static void finds_by_name_with_module(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&alpha, &bare, &beta};
	install(mods, 3);
	const struct fz_module *m = NULL;
	const struct fz_figure *f = fz_figure_find("beta.fees.amount", &m);
	assert_non_null(f);
	assert_ptr_equal(f, &beta_figures[0]);
	assert_ptr_equal(m, &beta);
	assert_null(fz_figure_find("gamma.things.none", &m));
	assert_null(m);
	assert_null(fz_figure_find(NULL, NULL));
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_figures_validate(&err), FZ_OK);
	assert_int_equal(fz_modules_validate(&err), FZ_OK);
}

static void value_by_name(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&alpha, &beta};
	install(mods, 2);
	struct fz_ctx ctx = {0};
	struct fz_err err;
	fz_err_clear(&err);
	long v = -1;
	assert_int_equal(fz_figure_value(&ctx, "alpha.things.received", 2024, 0, &v, &err), FZ_OK);
	assert_int_equal(v, 107);
	assert_int_equal(fz_figure_value(&ctx, "beta.fees.amount", 2023, 5, &v, &err), FZ_OK);
	assert_int_equal(v, 1007);
}

static void unknown_name_is_internal_and_named(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&alpha};
	install(mods, 1);
	struct fz_ctx ctx = {0};
	struct fz_err err;
	fz_err_clear(&err);
	long v = 42;
	assert_int_equal(fz_figure_value(&ctx, "recon.decisions.corrected", 2024, 0, &v, &err),
			 FZ_EINTERNAL);
	assert_string_equal(err.field, "recon.decisions.corrected");
	assert_non_null(strstr(err.message, "recon.decisions.corrected"));
	assert_int_equal(v, 42);
	/* A failing figure leaves the value alone and passes its error on. */
	fz_err_clear(&err);
	assert_int_equal(fz_figure_value(&ctx, "alpha.things.broken", 2024, 0, &v, &err), FZ_EDB);
	assert_int_equal(v, 42);
	json_t *out = NULL;
	assert_int_equal(fz_figures_json(&ctx, 2024, 0, &out, &err), FZ_EDB);
	assert_null(out);
}

static void name_declared_twice_refused(void **state)
{
	(void)state;
	static const struct fz_module *const mods[] = {&alpha, &beta, &dup};
	install(mods, 3);
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_modules_validate(&err), FZ_EINTERNAL);
	assert_string_equal(err.field, "alpha.things.received");
	assert_non_null(strstr(err.message, "dup"));
	/* Twice within one module is the same mistake. */
	static const struct fz_figure twice[] = {FIG("delta.a.b", seven, LIST, ""),
						 FIG("delta.a.b", seven, LIST, ""), END};
	static const struct fz_module delta = {.name = "delta", .label = "丁", .figures = twice};
	static const struct fz_module *const one[] = {&delta};
	install(one, 1);
	fz_err_clear(&err);
	assert_int_equal(fz_figures_validate(&err), FZ_EINTERNAL);
	assert_string_equal(err.field, "delta.a.b");
}

static void malformed_rows_refused(void **state)
{
	(void)state;
	const struct fz_figure *rows[] = {bad_name, one_word, both_ways, no_way, post_drill};
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		const struct fz_module m = {.name = "gamma", .label = "丙", .figures = rows[i]};
		const struct fz_module *const mods[] = {&m};
		install(mods, 1);
		struct fz_err err;
		fz_err_clear(&err);
		assert_int_equal(fz_figures_validate(&err), FZ_EINTERNAL);
		assert_string_equal(err.field, rows[i]->name);
	}
}

static void drill_filled_in(void **state)
{
	(void)state;
	json_t *d = fz_figure_drill_json(&alpha_figures[0], 2024, 12);
	assert_string_equal(json_string_value(json_object_get(d, "method")), "GET");
	assert_string_equal(json_string_value(json_object_get(d, "path")), "/api/things");
	assert_string_equal(json_string_value(json_object_get(d, "query")),
			    "year=2024&agency_id=12");
	json_decref(d);
	/* The whole county: the agency parameter is left out, not sent as 0. */
	d = fz_figure_drill_json(&alpha_figures[0], 2024, 0);
	assert_string_equal(json_string_value(json_object_get(d, "query")), "year=2024");
	json_decref(d);
	/* Only a parameter whose whole value is {agency} is dropped. */
	d = fz_figure_drill_json(&beta_figures[0], 2023, 0);
	assert_string_equal(json_string_value(json_object_get(d, "query")), "year=2023&note=a0b");
	json_decref(d);
	d = fz_figure_drill_json(&beta_figures[0], 2023, 3);
	assert_string_equal(json_string_value(json_object_get(d, "query")),
			    "year=2023&owner=3&note=a3b");
	json_decref(d);
}

static void all_figures_in_table_order(void **state)
{
	(void)state;
	struct fz_ctx ctx = {0};
	struct fz_err err;
	fz_err_clear(&err);
	/* alpha without its failing figure */
	static const struct fz_figure ok[] = {
	    FIG("alpha.things.received", seven, LIST, "year={year}"), END};
	static const struct fz_module good = {.name = "alpha", .label = "甲", .figures = ok};
	static const struct fz_module *const mods2[] = {&beta, &bare, &good};
	install(mods2, 3);
	json_t *out = NULL;
	assert_int_equal(fz_figures_json(&ctx, 2024, 9, &out, &err), FZ_OK);
	json_t *items = json_object_get(out, "items");
	assert_int_equal(json_array_size(items), 2);
	json_t *a = json_array_get(items, 0), *b = json_array_get(items, 1);
	assert_string_equal(json_string_value(json_object_get(a, "name")), "beta.fees.amount");
	assert_string_equal(json_string_value(json_object_get(a, "module")), "beta");
	assert_string_equal(json_string_value(json_object_get(a, "kind")), "sum");
	assert_int_equal(json_integer_value(json_object_get(a, "value")), 1107);
	assert_string_equal(json_string_value(json_object_get(b, "kind")), "count");
	assert_string_equal(json_string_value(json_object_get(b, "unit")), "件");
	assert_string_equal(
	    json_string_value(json_object_get(json_object_get(b, "drill"), "query")), "year=2024");
	assert_int_equal(json_integer_value(json_object_get(out, "agency_id")), 9);
	json_decref(out);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(finds_by_name_with_module),
	    cmocka_unit_test(value_by_name),
	    cmocka_unit_test(unknown_name_is_internal_and_named),
	    cmocka_unit_test(name_declared_twice_refused),
	    cmocka_unit_test(malformed_rows_refused),
	    cmocka_unit_test(drill_filled_in),
	    cmocka_unit_test(all_figures_in_table_order),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
