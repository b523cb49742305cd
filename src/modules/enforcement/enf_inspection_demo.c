/*
 * enf_inspection_demo.c - what a record of the inspections' demo data
 * (demo/inspections.json) becomes, each through the function its page calls:
 *   insp_entity  an entity of an agency's directory (检查对象名录);
 *   insp_plan    an inspection plan; without power_ids, the body's first two
 *                active inspection items; its period as start_on and end_on
 *                (relative days), the year the first day's;
 *   insp_draw    a random draw of a plan, with the file's seed so the demo
 *                county is the same on every run (a route never takes a seed);
 *                a draw in another year than its plan's is made under that
 *                year's copy of the plan;
 *   insp_task    the index-th task (by number) of a draw, whose steps the
 *                file then takes: record_result, publish, cancel.
 */
#include <string.h>

#include "modules/enforcement/enf_inspection_rules.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"

enum fz_code fz_enf_demo_insp_entity(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				     struct fz_err *err)
{
	int64_t agency = json_integer_value(json_object_get(f, "agency_id"));
	if (agency <= 0 && ctx->user)
		agency = ctx->user->agency_id;
	*case_id = 0;
	return fz_enf_insp_entity_add(ctx, agency, f, id, err);
}

enum fz_code fz_enf_demo_insp_plan(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	if (!json_object_get(f, "power_ids")) {
		json_t *a = json_array();
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT item_id FROM enf_power WHERE body_id = ? AND category = 'inspection'"
		    " AND status = 'active' ORDER BY code LIMIT 2",
		    "i", (int64_t)json_integer_value(json_object_get(f, "body_id")));
		while (st && fz_stmt_row(st))
			json_array_append_new(a, json_integer(fz_col_int(st, 0)));
		fz_stmt_done(st);
		json_object_set_new(f, "power_ids", a);
	}
	/* The file's period is relative to the demo's day: the plan's year is its first day's, and
	 * a period running into the next year ends on 31 December (a plan is for one year). */
	/* The data file names the period by start_on and end_on, which take relative days. */
	const char *from = fz_json_str(f, "start_on"), *to = fz_json_str(f, "end_on");
	if (from)
		json_object_set_new(f, "period_from", json_string(from));
	if (to)
		json_object_set_new(f, "period_to", json_string(to));
	json_object_del(f, "start_on");
	json_object_del(f, "end_on");
	from = fz_json_str(f, "period_from");
	to = fz_json_str(f, "period_to");
	if (!json_object_get(f, "year") && from && strlen(from) == 10) {
		int year = (from[0] - '0') * 1000 + (from[1] - '0') * 100 + (from[2] - '0') * 10 +
			   (from[3] - '0');
		json_object_set_new(f, "year", json_integer(year));
		if (to && strncmp(to, from, 4) > 0)
			json_object_set_new(
			    f, "period_to",
			    json_string(fz_arena_printf(ctx->arena, "%.4s-12-31", from)));
	}
	json_t *out = NULL;
	enum fz_code rc = fz_enf_insp_plan_create(ctx, f, &out, err);
	if (rc)
		return rc;
	*id = json_integer_value(json_object_get(out, "plan_id"));
	*case_id = 0;
	json_decref(out);
	return FZ_OK;
}

enum fz_code fz_enf_demo_insp_draw(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	int64_t plan = json_integer_value(json_object_get(f, "plan_id"));
	unsigned char seed[FZ_INSP_SEED_BYTES];
	if (!fz_insp_seed_parse(fz_json_str(f, "seed"), seed))
		return fz_err_set(err, FZ_EBAD_VALUE, "seed",
				  "演示数据的抽取须写明 64 位十六进制种子（seed）");
	json_object_del(f, "plan_id");
	json_object_del(f, "seed");
	/* A plan is for one year, the file's days are relative: a draw falling in another year than
	 * its plan's is made under that year's copy of the plan (made once, the whole year long).
	 */
	const char *day = fz_json_str(f, "drawn_on");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT agency_id, body_id, name, draw_kind, draw_value, scope, period_from,"
	    " period_to FROM enf_insp_plan WHERE plan_id = ?",
	    "i", plan);
	if (!st)
		return err->code;
	json_t *copy = NULL;
	int64_t agency = 0;
	if (fz_stmt_row(st) && day && strlen(day) == 10 &&
	    (strcmp(day, fz_col_text(st, 6)) < 0 || strcmp(day, fz_col_text(st, 7)) > 0)) {
		agency = fz_col_int(st, 0);
		copy = json_pack(
		    "{s:I, s:s, s:s, s:I}", "body_id", (json_int_t)fz_col_int(st, 1), "name",
		    fz_arena_printf(ctx->arena, "%s（%.4s年度）", fz_col_text(st, 2), day),
		    "draw_kind", fz_col_text(st, 3), "draw_value", (json_int_t)fz_col_int(st, 4));
		fz_json_set_str(copy, "scope", fz_col_text(st, 5));
	}
	fz_stmt_done(st);
	if (copy) {
		const char *name = fz_json_str(copy, "name");
		st = fz_db_query(
		    ctx->db, err,
		    "SELECT plan_id FROM enf_insp_plan WHERE agency_id = ? AND name = ?", "it",
		    agency, name);
		int64_t existing = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (existing) {
			plan = existing;
		} else {
			json_object_set_new(copy, "year",
					    json_integer((day[0] - '0') * 1000 +
							 (day[1] - '0') * 100 +
							 (day[2] - '0') * 10 + (day[3] - '0')));
			json_object_set_new(
			    copy, "period_from",
			    json_string(fz_arena_printf(ctx->arena, "%.4s-01-01", day)));
			json_object_set_new(
			    copy, "period_to",
			    json_string(fz_arena_printf(ctx->arena, "%.4s-12-31", day)));
			json_t *powers = json_array();
			st = fz_db_query(ctx->db, err,
					 "SELECT item_id FROM enf_insp_plan_power WHERE plan_id = "
					 "? ORDER BY item_id",
					 "i", plan);
			while (st && fz_stmt_row(st))
				json_array_append_new(powers, json_integer(fz_col_int(st, 0)));
			fz_stmt_done(st);
			json_object_set_new(copy, "power_ids", powers);
			json_t *made = NULL;
			enum fz_code rc = fz_enf_insp_plan_create(ctx, copy, &made, err);
			if (rc) {
				json_decref(copy);
				return rc;
			}
			plan = json_integer_value(json_object_get(made, "plan_id"));
			json_decref(made);
		}
		json_decref(copy);
	}
	json_t *out = NULL;
	enum fz_code rc = fz_enf_insp_draw_seeded(ctx, plan, f, seed, &out, err);
	if (rc)
		return rc;
	*id = json_integer_value(json_object_get(out, "draw_id"));
	*case_id = 0;
	json_decref(out);
	return FZ_OK;
}

enum fz_code fz_enf_demo_insp_task(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	int64_t draw = json_integer_value(json_object_get(f, "draw_id"));
	json_int_t index = json_integer_value(json_object_get(f, "index"));
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT case_id FROM enf_inspection WHERE draw_id = ? ORDER BY case_id",
	    "i", draw);
	if (!st)
		return err->code;
	int64_t found = 0;
	for (json_int_t i = 0; fz_stmt_row(st); i++)
		if (i == index) {
			found = fz_col_int(st, 0);
			break;
		}
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_EBAD_VALUE, "index", "该次抽取没有第 %lld 个检查任务",
				  (long long)index + 1);
	*id = *case_id = found;
	return FZ_OK;
}
