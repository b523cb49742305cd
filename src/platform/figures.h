/*
 * figures.h - named yearly figures: the numbers a module publishes for a year
 * and an agency ("recon.decisions.corrected": 纠错 decisions of 2024 about the
 * county's agencies), each with the staff list that shows the records behind
 * it.
 *
 * A module declares its figures as rows in its struct fz_module (.figures).
 * Every other reader - another module's report (the disclosure report's
 * tables 二 and 四), GET /api/figures, `fazhi report figures`, and later the
 * assessment and the annual rule-of-law report - asks for a figure by name
 * and never reads the module's tables. A figure is counted in one place, its
 * row; the module's own report reads it through the same name, so the report
 * and every reader agree.
 *
 * Not for: breakdowns (by category, by agency) or rates; those stay in the
 * module's own report. A figure is one whole number.
 */
#ifndef FZ_PLATFORM_FIGURES_H
#define FZ_PLATFORM_FIGURES_H

#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>

#include "core/err.h"
#include "platform/ctx.h"

struct fz_module;

/*
 * How to list the records that make a figure: a staff list route and its
 * query. In the query "{year}" is replaced by the year and "{agency}" by the
 * agency; a parameter whose whole value is "{agency}" is left out for the
 * whole county (agency 0), so the list is not filtered by agency. The list
 * must be a normal list a user can open, and for a count figure its total
 * equals the figure (tests/api/figures.test.mjs checks every one).
 */
struct fz_figure_drill {
	const char *route; /* "GET /api/reconsideration/cases" */
	const char *query; /* "year={year}&respondent_agency_id={agency}&outcome_class=corrected" */
};

/*
 * One figure. Either compute or sql says how it is counted:
 * - compute: sets *value and returns FZ_OK, or returns an error with err set
 *   and leaves *value alone; agency_id 0 means the whole county.
 * - sql: one query returning one number, with ?1 the year's first day and ?2
 *   its last day ('YYYY-MM-DD'), ?3 the agency or 0; it names ?3 (the
 *   agency), and ?1 and ?2 as it needs.
 * The caller has already decided which agency the user may ask for; a figure
 * applies no scope of its own.
 */
struct fz_figure {
	const char *name;  /* "<module>.<subject>.<measure>": [a-z0-9_.]; unique; NULL ends */
	const char *label; /* Chinese, as reports print it: "行政复议结果纠正" */
	const char *unit;  /* "件", "人", "项", "元", "学时" */
	enum fz_code (*compute)(struct fz_ctx *ctx, int year, int64_t agency_id, long *value,
				struct fz_err *err);
	struct fz_figure_drill drill;
	const char *sql;
	/* The value adds up a column of the drill's records (元, 学时) rather than counting them.
	 */
	bool sum;
};

/*
 * The installed figure called name, or NULL when no installed module declares
 * it (the module is absent: a report then says "尚未启用"). When module is not
 * NULL it receives the declaring module (NULL when none).
 */
const struct fz_figure *fz_figure_find(const char *name, const struct fz_module **module);

/*
 * The value of figure name for year and agency_id (0 = whole county) into
 * *value. A name no installed module declares is a programmer error in the
 * caller: FZ_EINTERNAL naming it (check with fz_figure_find first when the
 * module may be absent). On failure *value is left as it was.
 */
enum fz_code fz_figure_value(struct fz_ctx *ctx, const char *name, int year, int64_t agency_id,
			     long *value, struct fz_err *err);

/* Runs a figure's count query (struct fz_figure's sql, same parameters) into *value. */
enum fz_code fz_figure_count(struct fz_ctx *ctx, const char *sql, int year, int64_t agency_id,
			     long *value, struct fz_err *err);

/*
 * The drill-down of f for year and agency_id as {method, path, query}, the
 * query filled in (see struct fz_figure_drill). Caller owns the result.
 */
json_t *fz_figure_drill_json(const struct fz_figure *f, int year, int64_t agency_id);

/*
 * Every installed figure, in table order and within a module in declaration
 * order, as {year, agency_id, items: [{name, label, unit, module, kind
 * ("count" or "sum"), value, drill}]}. Caller owns *out; nothing on failure.
 */
enum fz_code fz_figures_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
			     struct fz_err *err);

/*
 * The agency a user may read figures of, from the agency_id argument (NULL or
 * "" = not given) into *agency: an agency user only its own agency (asking for
 * another is FZ_ENOT_FOUND, as another agency's record is; not given = its
 * own); the legal office, leaders and the administrator any existing agency,
 * or 0 (the whole county) when not given. FZ_EBAD_VALUE naming "agency_id"
 * for a value that is not an agency.
 */
enum fz_code fz_figures_agency(struct fz_ctx *ctx, const char *arg, int64_t *agency,
			       struct fz_err *err);

/*
 * Checks every installed module's figures: well-formed unique names, a label
 * and unit, exactly one of compute and sql, a drill-down on a GET route.
 * Called from fz_modules_validate, so the server refuses to start on a bad
 * declaration. FZ_EINTERNAL naming the figure otherwise.
 */
enum fz_code fz_figures_validate(struct fz_err *err);

#endif
