/*
 * cmd_report.c - `fazhi report <module> --db FILE --year YYYY [--agency ID]
 * [--format json|text]`: a module's yearly report, counted from the records,
 * as JSON with the row and column labels of the official template. Exit 1
 * when the report does not reconcile. `fazhi report figures --year YYYY
 * [--agency ID]`: every installed module's named figures (platform/figures.h).
 */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "platform/module.h"

static void print_text(json_t *r)
{
	printf("%s\n\n", json_string_value(json_object_get(r, "title")));
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(r, "sections"), i, s)
	{
		printf("%s\n", json_string_value(json_object_get(s, "title")));
		const char *text = json_string_value(json_object_get(s, "text"));
		const char *table = json_string_value(json_object_get(s, "table"));
		if (text)
			printf("  %s\n", text);
		json_t *t = table ? json_object_get(r, table) : NULL;
		json_t *rows = t ? json_object_get(t, "rows") : NULL;
		json_t *cols = t ? json_object_get(t, "columns") : NULL;
		if (rows && json_is_object(json_array_get(rows, 0))) {
			size_t k;
			json_t *c;
			printf("  %-44s", "");
			json_array_foreach(cols, k, c)
				printf(" %8s", json_string_value(c));
			printf("\n");
			json_t *row;
			json_array_foreach(rows, k, row)
			{
				printf("  %-44s", json_string_value(json_object_get(row, "label")));
				size_t j;
				json_t *v;
				json_array_foreach(json_object_get(row, "values"), j, v)
					printf(" %8lld", (long long)json_integer_value(v));
				printf("\n");
			}
		}
		printf("\n");
	}
	printf("%s\n", json_is_true(json_object_get(r, "reconciled")) ? "表三平衡校验：通过"
								       : "表三平衡校验：不通过（见 mismatches）");
}

/* The figures one a line: name, value and unit, label. */
static void print_figures(json_t *r)
{
	size_t i;
	json_t *f;
	json_array_foreach(json_object_get(r, "items"), i, f)
		printf("%-48s %10lld %s\t%s\n", json_string_value(json_object_get(f, "name")),
		       (long long)json_integer_value(json_object_get(f, "value")),
		       json_string_value(json_object_get(f, "unit")),
		       json_string_value(json_object_get(f, "label")));
}

int fz_cmd_report(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--year", "--agency", "--format", NULL};
	if (argc < 2 || argv[1][0] == '-' || !fz_cli_known(argc, argv, opts, NULL)) {
		fprintf(stderr, "用法：fazhi report <模块>|figures --db FILE --year YYYY [--agency ID] [--format json|text]\n");
		return 2;
	}
	const struct fz_module *m = NULL;
	size_t nmod = fz_platform_module_count();
	for (size_t i = 0; i < nmod; i++) {
		const struct fz_module *mod = fz_platform_module(i);
		if (mod->report && strcmp(mod->name, argv[1]) == 0)
			m = mod;
	}
	bool figures = strcmp(argv[1], "figures") == 0;
	if (!m && !figures) {
		fprintf(stderr, "fazhi report: 没有名为“%s”的报告（可用：", argv[1]);
		for (size_t i = 0; i < nmod; i++)
			if (fz_platform_module(i)->report)
				fprintf(stderr, " %s", fz_platform_module(i)->name);
		fprintf(stderr, " figures）\n");
		return 2;
	}
	int64_t year, agency = 0;
	const char *ys = fz_cli_opt(argc, argv, "--year"), *as = fz_cli_opt(argc, argv, "--agency");
	const char *format = fz_cli_opt(argc, argv, "--format");
	if (!ys || !fz_parse_int(ys, 2000, 2100, &year)) {
		fprintf(stderr, "fazhi report: --year 应为 2000 至 2100 的年份\n");
		return 2;
	}
	if (as && !fz_parse_int(as, 1, INT64_MAX, &agency)) {
		fprintf(stderr, "fazhi report: --agency 应为单位编号（正整数）\n");
		return 2;
	}
	if (format && strcmp(format, "json") != 0 && strcmp(format, "text") != 0) {
		fprintf(stderr, "fazhi report: --format 应为 json 或 text\n");
		return 2;
	}
	struct fz_cli c;
	if (!fz_cli_open(&c, fz_cli_opt(argc, argv, "--db"), FZ_DB_READONLY))
		return 1;
	struct fz_user system = {.role = FZ_ROLE_ADMIN};
	c.ctx.user = &system;
	struct fz_err err;
	fz_err_clear(&err);
	json_t *out = NULL;
	int status = 1;
	enum fz_code rc = figures ? fz_figures_agency(&c.ctx, as, &agency, &err) : FZ_OK;
	if (!rc)
		rc = figures ? fz_figures_json(&c.ctx, (int)year, agency, &out, &err)
			     : m->report(&c.ctx, (int)year, agency, &out, &err);
	if (rc) {
		fz_cli_fail(&err);
	} else {
		if (format && strcmp(format, "text") == 0) {
			if (figures)
				print_figures(out);
			else
				print_text(out);
		} else {
			char *s = json_dumps(out, JSON_INDENT(2));
			puts(s);
			free(s);
		}
		status = json_is_false(json_object_get(out, "reconciled")) ? 1 : 0;
	}
	json_decref(out);
	fz_cli_close(&c);
	return status;
}
