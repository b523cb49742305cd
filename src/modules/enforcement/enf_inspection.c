/*
 * enf_inspection.c - inspections (行政检查) and "双随机、一公开": the
 * inspection plans of each agency and year, the directory of inspected
 * entities (检查对象名录, imported from and exported to Excel), the random draw
 * of entities and of certified inspectors, and the inspection tasks the draw
 * creates (a case kind, enf_inspection_flow.c): the domain checks of their
 * steps, their fields and their lists, staff and public.
 *
 * The draw is seeded and reproducible: a seed from the system's random
 * source, the candidate lists sorted and written out as text, their SHA-256,
 * and the result are stored with the draw and in its audit event (hash-chained,
 * platform/audit.h), in one transaction with the tasks. The verify call
 * recomputes the result from the stored seed and lists (enf_inspection_rules.c
 * holds the algorithm) and compares it with the draw, its audit event and its
 * tasks.
 *
 * Scope: plans, draws, entities and tasks belong to an agency; its own clerk
 * and head write them, the legal office all (fz_enf_may_edit).
 *
 * Not for: the procedure's declaration (enf_inspection_flow.c) or the pure
 * rules (enf_inspection_rules.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/enforcement/enf_inspection_rules.h"
#include "modules/enforcement/enf_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"
#include "platform/xlsx_read.h"

#define MAX_INSPECTORS	512
#define MAX_TEAM	5
#define MAX_PLAN_POWERS 20

static int in_day(json_t *in, const char *key)
{
	int d;
	const char *s = fz_json_str(in, key);
	return s && fz_date_parse(s, &d) == FZ_OK ? d : -1;
}

static const char *day_text(struct fz_ctx *ctx, int day)
{
	char *d = fz_arena_alloc(ctx->arena, 11);
	fz_date_format(day, d);
	return d;
}

static const char *dup(struct fz_ctx *ctx, const char *s)
{
	return s ? fz_arena_strdup(ctx->arena, s) : NULL;
}

static const char *state_label(const char *state)
{
	const struct fz_state *s = state ? fz_flow_state(&fz_enf_inspection_type, state) : NULL;
	return s ? s->label : state;
}

/* ---- plans ------------------------------------------------------------------------ */

static const struct fz_input plan_inputs[] = {
    {.name = "body_id",
     .label = "执法主体",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 2147483647},
    {.name = "year",
     .label = "计划年度",
     .type = FZ_IN_INT,
     .required = true,
     .min = 2000,
     .max = 2100},
    {.name = "name", .label = "计划名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "draw_kind",
     .label = "抽取方式",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_insp_draw_kinds},
    {.name = "draw_value",
     .label = "抽取数量或比例",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 100000},
    {.name = "period_from", .label = "检查期间（起）", .type = FZ_IN_DATE, .required = true},
    {.name = "period_to", .label = "检查期间（止）", .type = FZ_IN_DATE, .required = true},
    {.name = "scope", .label = "抽查内容", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = NULL}};

/* The power items of a plan: 1 to MAX_PLAN_POWERS distinct positive ids. */
static enum fz_code plan_power_ids(json_t *in, int64_t *ids, size_t *n, struct fz_err *err)
{
	json_t *a = json_object_get(in, "power_ids"), *v;
	size_t i;
	*n = 0;
	if (!a || json_is_null(a) || (json_is_array(a) && json_array_size(a) == 0))
		return fz_err_set(err, FZ_EMISSING_FIELD, "power_ids",
				  "请选择抽查依据的权责事项（power_ids，行政检查类）");
	if (!json_is_array(a))
		return fz_err_set(err, FZ_EBAD_TYPE, "power_ids",
				  "抽查事项（power_ids）应为编号数组");
	if (json_array_size(a) > MAX_PLAN_POWERS)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_ids", "一个计划最多 %d 个抽查事项",
				  MAX_PLAN_POWERS);
	json_array_foreach (a, i, v) {
		if (!json_is_integer(v) || json_integer_value(v) <= 0)
			return fz_err_set(err, FZ_EBAD_TYPE, "power_ids",
					  "抽查事项（power_ids）应为编号数组");
		for (size_t j = 0; j < *n; j++)
			if (ids[j] == json_integer_value(v))
				return fz_err_set(err, FZ_EBAD_VALUE, "power_ids",
						  "同一抽查事项重复选择");
		ids[(*n)++] = json_integer_value(v);
	}
	return FZ_OK;
}

enum fz_code fz_enf_insp_plan_create(struct fz_ctx *ctx, json_t *in, json_t **out,
				     struct fz_err *err)
{
	static const char *const extra[] = {"power_ids", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, plan_inputs, 16, in, extra, err);
	if (rc)
		return rc;
	int64_t powers[MAX_PLAN_POWERS];
	size_t np;
	if ((rc = plan_power_ids(in, powers, &np, err)))
		return rc;
	int64_t body_id = json_integer_value(json_object_get(in, "body_id"));
	int year = (int)json_integer_value(json_object_get(in, "year"));
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT agency_id, status, name FROM enf_body WHERE body_id = ?", "i",
	    body_id);
	if (!st)
		return err->code;
	int64_t agency = 0;
	const char *status = "", *body_name = "";
	if (fz_stmt_row(st)) {
		agency = fz_col_int(st, 0);
		status = dup(ctx, fz_col_text(st, 1));
		body_name = dup(ctx, fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	if (!agency || !fz_enf_may_edit(ctx, agency))
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "执法主体不存在或不属于本单位");
	if (strcmp(status, "published") != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id",
				  "%s的执法主体资格尚未经确认公告，不能以其名义开展检查",
				  body_name);
	int from = in_day(in, "period_from"), to = in_day(in, "period_to");
	int y0, y1;
	char ys[11];
	snprintf(ys, sizeof ys, "%04d-01-01", year);
	fz_date_parse(ys, &y0);
	snprintf(ys, sizeof ys, "%04d-12-31", year);
	fz_date_parse(ys, &y1);
	if (from < y0 || from > y1)
		return fz_err_set(err, FZ_EBAD_DATE, "period_from", "检查期间应在计划年度 %d 年内",
				  year);
	if (to < from)
		return fz_err_set(err, FZ_EBAD_DATE, "period_to", "“检查期间（止）”不能早于起始日");
	if (to > y1)
		return fz_err_set(err, FZ_EBAD_DATE, "period_to", "检查期间应在计划年度 %d 年内",
				  year);
	const char *kind = fz_json_str(in, "draw_kind");
	long value = (long)json_integer_value(json_object_get(in, "draw_value"));
	if (strcmp(kind, "share") == 0 && value > 100)
		return fz_err_set(err, FZ_EBAD_VALUE, "draw_value", "抽取比例应为 1 至 100（%%）");
	for (size_t i = 0; i < np; i++) {
		st = fz_db_query(
		    ctx->db, err,
		    "SELECT body_id, category, status, name FROM enf_power WHERE item_id = ?", "i",
		    powers[i]);
		if (!st)
			return err->code;
		bool found = fz_stmt_row(st);
		bool ok_body = found && fz_col_int(st, 0) == body_id;
		bool insp = found && strcmp(fz_col_text(st, 1), "inspection") == 0;
		bool active = found && strcmp(fz_col_text(st, 2), "active") == 0;
		const char *pname = found ? dup(ctx, fz_col_text(st, 3)) : "";
		fz_stmt_done(st);
		if (!ok_body)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_ids",
					  "该事项不在%s的权责清单中", body_name);
		if (!active)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_ids",
					  "“%s”已从现行权责清单中取消", pname);
		if (!insp)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_ids",
					  "“%s”不是行政检查类权责事项", pname);
	}
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	int64_t plan_id = 0;
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO enf_insp_plan(agency_id, body_id, year, name, draw_kind, draw_value,"
	    " period_from, period_to, scope, created_by, created_at)"
	    " VALUES (?,?,?,?,?,?,?,?,?,?,?) RETURNING plan_id",
	    "iiIttI"
	    "tttit",
	    agency, body_id, year, fz_json_str(in, "name"), kind, (int)value,
	    fz_json_str(in, "period_from"), fz_json_str(in, "period_to"), fz_json_str(in, "scope"),
	    ctx->user ? ctx->user->user_id : (int64_t)0, now);
	if ((rc = fz_stmt_exec_id(st, &plan_id, err)))
		goto fail;
	for (size_t i = 0; i < np; i++)
		if ((rc = fz_stmt_exec(fz_db_query(
				   ctx->db, err,
				   "INSERT INTO enf_insp_plan_power(plan_id, item_id) VALUES (?,?)",
				   "ii", plan_id, powers[i]),
			       err)))
			goto fail;
	if ((rc = fz_enf_audit(
		 ctx, "enf_insp_plan", "plan_create", NULL, fz_json_text(ctx->arena, in, NULL),
		 NULL, fz_arena_printf(ctx->arena, "{\"plan_id\":%lld}", (long long)plan_id),
		 err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_insp_plan_json(ctx, plan_id, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* Entities of the agency's directory, and those not yet drawn under the plan. */
static void directory_counts(struct fz_ctx *ctx, int64_t agency, int64_t plan_id, size_t *total,
			     size_t *remaining)
{
	*total = *remaining = 0;
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT COUNT(*), COALESCE(SUM(CASE WHEN e.entity_id IN "
					 "(SELECT i.entity_id FROM enf_inspection i"
					 " WHERE i.plan_id = ?) THEN 0 ELSE 1 END), 0) FROM "
					 "enf_insp_entity e WHERE e.agency_id = ?",
					 "ii", plan_id, agency);
	if (st && fz_stmt_row(st)) {
		*total = (size_t)fz_col_int(st, 0);
		*remaining = (size_t)fz_col_int(st, 1);
	}
	fz_stmt_done(st);
}

enum fz_code fz_enf_insp_plan_json(struct fz_ctx *ctx, int64_t plan_id, json_t **out,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT p.plan_id, p.agency_id, a.name, p.body_id, b.name, p.year, p.name, p.draw_kind,"
	    " p.draw_value, p.period_from, p.period_to, p.scope, p.created_at"
	    " FROM enf_insp_plan p JOIN agency a ON a.agency_id = p.agency_id"
	    " JOIN enf_body b ON b.body_id = p.body_id WHERE p.plan_id = ?",
	    "i", plan_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, "检查计划不存在");
	}
	json_t *o = json_object();
	int64_t agency = fz_col_int(st, 1);
	json_object_set_new(o, "plan_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "agency_id", json_integer(agency));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 2));
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 3)));
	fz_json_set_str(o, "body_name", fz_col_text(st, 4));
	json_object_set_new(o, "year", json_integer(fz_col_int(st, 5)));
	fz_json_set_str(o, "name", fz_col_text(st, 6));
	fz_json_set_str(o, "draw_kind", fz_col_text(st, 7));
	fz_json_set_str(o, "draw_kind_label", fz_enf_label(fz_insp_draw_kinds, fz_col_text(st, 7)));
	json_object_set_new(o, "draw_value", json_integer(fz_col_int(st, 8)));
	fz_json_set_str(o, "period_from", fz_col_text(st, 9));
	fz_json_set_str(o, "period_to", fz_col_text(st, 10));
	fz_json_set_str(o, "scope", fz_col_text(st, 11));
	fz_json_set_str(o, "created_at", fz_col_text(st, 12));
	const char *kind = dup(ctx, fz_col_text(st, 7));
	long value = (long)fz_col_int(st, 8);
	fz_stmt_done(st);
	json_t *powers = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT p.item_id, p.code, p.name, p.law_name, p.article FROM enf_insp_plan_power x"
	    " JOIN enf_power p ON p.item_id = x.item_id WHERE x.plan_id = ? ORDER BY p.code",
	    "i", plan_id);
	while (st && fz_stmt_row(st)) {
		json_t *p = json_pack("{s:I}", "item_id", (json_int_t)fz_col_int(st, 0));
		fz_json_set_str(p, "code", fz_col_text(st, 1));
		fz_json_set_str(p, "name", fz_col_text(st, 2));
		fz_json_set_str(p, "basis",
				fz_arena_printf(ctx->arena, "%s%s",
						fz_col_text(st, 3) ? fz_col_text(st, 3) : "",
						fz_col_text(st, 4) ? fz_col_text(st, 4) : ""));
		json_array_append_new(powers, p);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "powers", powers);
	size_t total, remaining;
	directory_counts(ctx, agency, plan_id, &total, &remaining);
	json_object_set_new(o, "directory_total", json_integer((json_int_t)total));
	json_object_set_new(o, "directory_remaining", json_integer((json_int_t)remaining));
	json_object_set_new(
	    o, "next_draw_size",
	    json_integer((json_int_t)fz_insp_draw_size(kind, value, total, remaining)));
	json_t *draws = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT draw_id, drawn_on, entity_count, team_size, seed, entity_hash, officer_hash"
	    " FROM enf_insp_draw WHERE plan_id = ? ORDER BY draw_id",
	    "i", plan_id);
	while (st && fz_stmt_row(st)) {
		json_t *d = json_pack("{s:I, s:I, s:I}", "draw_id", (json_int_t)fz_col_int(st, 0),
				      "entity_count", (json_int_t)fz_col_int(st, 2), "team_size",
				      (json_int_t)fz_col_int(st, 3));
		fz_json_set_str(d, "drawn_on", fz_col_text(st, 1));
		fz_json_set_str(d, "seed", fz_col_text(st, 4));
		fz_json_set_str(d, "entity_hash", fz_col_text(st, 5));
		fz_json_set_str(d, "officer_hash", fz_col_text(st, 6));
		json_array_append_new(draws, d);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "draws", draws);
	json_t *states = json_object();
	st = fz_db_query(ctx->db, err,
			 "SELECT c.state, COUNT(*) FROM enf_inspection x JOIN case_record c ON "
			 "c.case_id = x.case_id"
			 " WHERE x.plan_id = ? GROUP BY c.state ORDER BY c.state",
			 "i", plan_id);
	while (st && fz_stmt_row(st))
		json_object_set_new(states, fz_col_text(st, 0), json_integer(fz_col_int(st, 1)));
	fz_stmt_done(st);
	json_object_set_new(o, "tasks_by_state", states);
	json_object_set_new(o, "may_edit", json_boolean(fz_enf_may_edit(ctx, agency)));
	*out = o;
	return FZ_OK;
}

/* ---- the directory of inspected entities (检查对象名录) ------------------------------- */

enum { E_NAME, E_CODE, E_TYPE, E_ADDRESS, E_AREA, E_INDUSTRY, NE };

static const struct {
	const char *key, *header, *alias;
	bool required;
	int max_chars;
} ef[NE] = {
    {"name", "检查对象名称", "名称", true, 100},
    {"credit_code", "统一社会信用代码", "信用代码", true, 18},
    {"entity_type", "对象类型", "类型", true, 20},
    {"address", "地址", "住所", false, 200},
    {"area", "所属区域", "区域", false, 50},
    {"industry", "行业", "所属行业", false, 50},
};

/* A trimmed copy of a cell (malloc'd, caller frees), NULL for an empty one. */
static char *trimmed(const char *s)
{
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	if (!n)
		return NULL;
	char *r = malloc(n + 1);
	if (r) {
		memcpy(r, s, n);
		r[n] = 0;
	}
	return r;
}

static const char *entity_type_parse(const char *s)
{
	for (const struct fz_option *o = fz_insp_entity_types; s && o->value; o++)
		if (strcmp(o->value, s) == 0 || strcmp(o->label, s) == 0)
			return o->value;
	return NULL;
}

/* Why a row's values are refused (msg), and which field; true when they are fine. */
static bool entity_row_ok(char *const *v, int *bad, char *msg, size_t size)
{
	for (int i = 0; i < NE; i++) {
		*bad = i;
		if (ef[i].required && !v[i]) {
			snprintf(msg, size, "“%s”不能为空", ef[i].header);
			return false;
		}
		if (v[i] && (fz_utf8_chars(v[i]) > (size_t)ef[i].max_chars ||
			     fz_text_has_controls(v[i], false))) {
			snprintf(msg, size, "“%s”不能超过 %d 个字", ef[i].header, ef[i].max_chars);
			return false;
		}
	}
	*bad = E_CODE;
	if (!fz_insp_credit_code_ok(v[E_CODE])) {
		snprintf(msg, size, "统一社会信用代码“%s”无效（应为 18 位，末位为校验码）",
			 v[E_CODE]);
		return false;
	}
	*bad = E_TYPE;
	if (!entity_type_parse(v[E_TYPE])) {
		snprintf(msg, size,
			 "对象类型“%"
			 "s”无效（企业、个体工商户、农民专业合作社、事业单位、社会组织或其他）",
			 v[E_TYPE]);
		return false;
	}
	return true;
}

static void add_error(json_t *errors, int row, int col, int field, const char *msg)
{
	char letter[4] = "";
	if (col >= 0)
		fz_xlsx_col_name(col, letter);
	json_array_append_new(
	    errors, json_pack("{s:i, s:s?, s:s?, s:s?, s:s}", "row", row, "column",
			      col >= 0 ? letter : NULL, "field", field >= 0 ? ef[field].key : NULL,
			      "label", field >= 0 ? ef[field].header : NULL, "message", msg));
}

struct entity_row {
	char *v[NE];
	int sheet_row;
	bool used;
};

enum fz_code fz_enf_insp_entities_import(struct fz_ctx *ctx, int64_t agency, const void *data,
					 size_t len, bool commit, json_t **out, struct fz_err *err)
{
	*out = NULL;
	enum fz_code rc = fz_enf_need_edit(ctx, agency, err);
	if (rc)
		return rc;
	struct fz_xlsx_table *t = NULL;
	if ((rc = fz_xlsx_read(data, len, NULL, &t, err)))
		return rc;
	int header = -1, col[NE];
	for (int r = 0; r < t->nrows && r < 10 && header < 0; r++) {
		for (int i = 0; i < NE; i++)
			col[i] = -1;
		for (int c = 0; c < t->rows[r].ncells; c++) {
			char *h = trimmed(fz_xlsx_cell(t, r, c));
			for (int i = 0; h && i < NE; i++)
				if ((strcmp(h, ef[i].header) == 0 || strcmp(h, ef[i].alias) == 0) &&
				    col[i] < 0)
					col[i] = c;
			free(h);
		}
		if (col[E_CODE] >= 0)
			header = r;
	}
	if (header < 0) {
		fz_xlsx_table_free(t);
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "file",
		    "没有找到表头：前 10 "
		    "行中应有一行写明“检查对象名称”“统一社会信用代码”“对象类型”等列名");
	}
	for (int i = 0; i < NE; i++)
		if (ef[i].required && col[i] < 0) {
			int hr = t->rows[header].number;
			fz_xlsx_table_free(t);
			return fz_err_set(err, FZ_EBAD_VALUE, "file", "第 %d 行表头缺少“%s”列", hr,
					  ef[i].header);
		}
	int n = t->nrows - header - 1;
	if (n > 10000) {
		fz_xlsx_table_free(t);
		return fz_err_set(err, FZ_ETOO_LARGE, "file",
				  "一次最多导入 10000 行，本文件有 %d 行", n);
	}
	if (n <= 0) {
		fz_xlsx_table_free(t);
		return fz_err_set(err, FZ_EBAD_VALUE, "file", "表头下没有数据行");
	}
	struct entity_row *rows = calloc((size_t)n, sizeof *rows);
	json_t *errors = json_array();
	if (!rows) {
		fz_xlsx_table_free(t);
		json_decref(errors);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	int valid = 0, invalid = 0, created = 0, updated = 0;
	for (int k = 0; k < n; k++) {
		struct entity_row *er = &rows[k];
		int r = header + 1 + k;
		er->sheet_row = t->rows[r].number;
		bool any = false;
		for (int i = 0; i < NE; i++) {
			er->v[i] = col[i] >= 0 ? trimmed(fz_xlsx_cell(t, r, col[i])) : NULL;
			any = any || er->v[i];
		}
		if (!any)
			continue;
		er->used = true;
		int bad;
		char msg[400];
		bool ok = entity_row_ok(er->v, &bad, msg, sizeof msg);
		if (!ok)
			add_error(errors, er->sheet_row, col[bad], bad, msg);
		/* Duplicates within the file: the first row with a code wins, later ones are named.
		 */
		for (int j = 0; ok && j < k; j++)
			if (rows[j].used && rows[j].v[E_CODE] &&
			    strcmp(rows[j].v[E_CODE], er->v[E_CODE]) == 0) {
				snprintf(msg, sizeof msg, "统一社会信用代码“%s”与第 %d 行重复",
					 er->v[E_CODE], rows[j].sheet_row);
				add_error(errors, er->sheet_row, col[E_CODE], E_CODE, msg);
				ok = false;
			}
		if (ok) {
			valid++;
			struct fz_stmt *st = fz_db_query(
			    ctx->db, NULL,
			    "SELECT 1 FROM enf_insp_entity WHERE agency_id = ? AND credit_code = ?",
			    "it", agency, er->v[E_CODE]);
			bool exists = st && fz_stmt_row(st);
			fz_stmt_done(st);
			if (exists)
				updated++;
			else
				created++;
		} else {
			invalid++;
		}
	}
	bool doit = commit && valid > 0 && invalid == 0;
	if (doit) {
		char now[21];
		fz_iso_utc(ctx->now, now);
		if ((rc = fz_db_begin(ctx->db, err)))
			goto done;
		for (int k = 0; k < n && !rc; k++) {
			struct entity_row *er = &rows[k];
			if (!er->used)
				continue;
			const char *type = entity_type_parse(er->v[E_TYPE]);
			rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					      "UPDATE enf_insp_entity SET name = ?, entity_type = "
					      "?, address = ?, area = ?,"
					      " industry = ?, updated_at = ? WHERE agency_id = ? "
					      "AND credit_code = ?",
					      "tttttt"
					      "it",
					      er->v[E_NAME], type, er->v[E_ADDRESS], er->v[E_AREA],
					      er->v[E_INDUSTRY], now, agency, er->v[E_CODE]),
				  err);
			if (!rc)
				rc = fz_stmt_exec(
				    fz_db_query(
					ctx->db, err,
					"INSERT INTO enf_insp_entity(agency_id, name, credit_code, "
					"entity_type,"
					" address, area, industry, created_at, updated_at)"
					" SELECT ?, ?, ?, ?, ?, ?, ?, ?, ? WHERE NOT EXISTS "
					"(SELECT 1 FROM"
					" enf_insp_entity WHERE agency_id = ? AND credit_code = ?)",
					"itttttttt"
					"it",
					agency, er->v[E_NAME], er->v[E_CODE], type,
					er->v[E_ADDRESS], er->v[E_AREA], er->v[E_INDUSTRY], now,
					now, agency, er->v[E_CODE]),
				    err);
		}
		const char *after = fz_arena_printf(
		    ctx->arena, "{\"agency_id\":%lld,\"created\":%d,\"updated\":%d}",
		    (long long)agency, created, updated);
		if (!rc)
			rc = fz_enf_audit(ctx, "enf_insp_entity", "insp_entity_import",
					  "检查对象名录导入", NULL, NULL, after, err);
		if (!rc)
			rc = fz_db_commit(ctx->db, err);
		if (rc) {
			fz_db_rollback(ctx->db);
			goto done;
		}
	}
	*out = json_pack("{s:i, s:i, s:i, s:b, s:i, s:i, s:o}", "rows", valid + invalid, "valid",
			 valid, "invalid", invalid, "imported", doit, "created", doit ? created : 0,
			 "updated", doit ? updated : 0, "errors", json_incref(errors));
	if (commit && !doit) {
		json_t *first = json_array_get(errors, 0);
		if (first)
			rc = fz_err_set(
			    err, FZ_EBAD_VALUE, "file",
			    "共 %d 行有误，未导入任何数据。第 %lld 行“%s”：%s", invalid,
			    (long long)json_integer_value(json_object_get(first, "row")),
			    fz_json_str(first, "label") ? fz_json_str(first, "label") : "",
			    fz_json_str(first, "message"));
		else
			rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "没有可导入的数据行");
	}
done:
	for (int k = 0; k < n; k++)
		for (int i = 0; i < NE; i++)
			free(rows[k].v[i]);
	free(rows);
	json_decref(errors);
	fz_xlsx_table_free(t);
	return rc;
}

enum fz_code fz_enf_insp_entity_add(struct fz_ctx *ctx, int64_t agency, json_t *in, int64_t *id,
				     struct fz_err *err)
{
	enum fz_code rc = fz_enf_need_edit(ctx, agency, err);
	if (rc)
		return rc;
	char *v[NE];
	for (int i = 0; i < NE; i++)
		v[i] = (char *)fz_json_str(in, ef[i].key);
	int bad;
	char msg[400];
	if (!entity_row_ok(v, &bad, msg, sizeof msg))
		return fz_err_set(err, FZ_EBAD_VALUE, ef[bad].key, "%s", msg);
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO enf_insp_entity(agency_id, name, credit_code, entity_type, address, area, industry,"
		" created_at, updated_at) VALUES (?,?,?,?,?,?,?,?,?) RETURNING entity_id",
		"ittttttt" "t", agency, v[E_NAME], v[E_CODE], entity_type_parse(v[E_TYPE]), v[E_ADDRESS], v[E_AREA],
		v[E_INDUSTRY], now, now);
	if ((rc = fz_stmt_exec_id(st, id, err))) {
		fz_db_rollback(ctx->db);
		return rc == FZ_EDUPLICATE ? fz_err_set(err, FZ_EDUPLICATE, "credit_code", "名录中已有统一社会信用代码“%s”", v[E_CODE]) : rc;
	}
	if ((rc = fz_enf_audit(ctx, "enf_insp_entity", "insp_entity_add", NULL, fz_json_text(ctx->arena, in, NULL),
			       NULL, NULL, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the random draw (随机抽取) ---------------------------------------------------- */

struct candidate {
	int64_t id;
	const char *key;  /* entity: credit code; officer: its id as text */
	const char *line; /* the candidate's line in the recorded list */
};

static int cand_cmp(const void *a, const void *b)
{
	return strcmp(((const struct candidate *)a)->key, ((const struct candidate *)b)->key);
}

static int cand_cmp_id(const void *a, const void *b)
{
	int64_t x = ((const struct candidate *)a)->id, y = ((const struct candidate *)b)->id;
	return x < y ? -1 : x > y;
}

static const char *join_lines(struct fz_ctx *ctx, const struct candidate *c, size_t n)
{
	size_t len = 1;
	for (size_t i = 0; i < n; i++)
		len += strlen(c[i].line);
	char *s = fz_arena_alloc(ctx->arena, len), *p = s;
	for (size_t i = 0; i < n; i++) {
		size_t l = strlen(c[i].line);
		memcpy(p, c[i].line, l);
		p += l;
	}
	*p = 0;
	return s;
}

/*
 * The result of a draw as text, one line per drawn entity in drawing order:
 * "<credit code>\t<officer id>,<officer id>...\n". entity_keys[i] and
 * officer_ids[i] are the i-th candidates of the sorted lists. Arena-owned.
 */
static const char *draw_result(struct fz_ctx *ctx, const unsigned char *seed,
			       const char *const *entity_keys, size_t ne,
			       const int64_t *officer_ids, size_t no, size_t count, size_t team,
			       size_t *picked_e, size_t *teams)
{
	if (!fz_insp_pick(seed, "entities", ne, count, picked_e))
		return NULL;
	const char *s = "";
	for (size_t i = 0; i < count; i++) {
		char stream[32];
		snprintf(stream, sizeof stream, "team-%zu", i);
		if (!fz_insp_pick(seed, stream, no, team, teams + i * team))
			return NULL;
		s = fz_arena_printf(ctx->arena, "%s%s\t", s, entity_keys[picked_e[i]]);
		for (size_t j = 0; j < team; j++)
			s = fz_arena_printf(ctx->arena, "%s%s%lld", s, j ? "," : "",
					    (long long)officer_ids[teams[i * team + j]]);
		s = fz_arena_printf(ctx->arena, "%s\n", s);
	}
	return s;
}

static const struct fz_input draw_inputs[] = {
    {.name = "drawn_on", .label = "抽取日期", .type = FZ_IN_DATE, .required = true},
    {.name = "team_size", .label = "每户检查人员数", .type = FZ_IN_INT, .min = 2, .max = MAX_TEAM},
    {.name = "note", .label = "说明", .type = FZ_IN_TEXTAREA, .max_chars = 500},
    {.name = NULL}};

enum fz_code fz_enf_insp_draw(struct fz_ctx *ctx, int64_t plan_id, json_t *in, json_t **out,
			      struct fz_err *err)
{
	return fz_enf_insp_draw_seeded(ctx, plan_id, in, NULL, out, err);
}

enum fz_code fz_enf_insp_draw_seeded(struct fz_ctx *ctx, int64_t plan_id, json_t *in,
				     const unsigned char *given_seed, json_t **out, struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, draw_inputs, 8, in, NULL, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT p.agency_id, p.body_id, p.draw_kind, p.draw_value, p.period_from, p.period_to,"
	    " p.name, b.name FROM enf_insp_plan p JOIN enf_body b ON b.body_id = p.body_id"
	    " WHERE p.plan_id = ?",
	    "i", plan_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, "检查计划不存在");
	}
	int64_t agency = fz_col_int(st, 0), body = fz_col_int(st, 1);
	const char *kind = dup(ctx, fz_col_text(st, 2));
	long value = (long)fz_col_int(st, 3);
	const char *pfrom = dup(ctx, fz_col_text(st, 4)), *pto = dup(ctx, fz_col_text(st, 5));
	const char *plan_name = dup(ctx, fz_col_text(st, 6)),
		   *body_name = dup(ctx, fz_col_text(st, 7));
	fz_stmt_done(st);
	if ((rc = fz_enf_need_edit(ctx, agency, err)))
		return rc;
	int day = in_day(in, "drawn_on");
	const char *day_s = day_text(ctx, day);
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "drawn_on", "“抽取日期”不能晚于今天");
	if (strcmp(day_s, pfrom) < 0 || strcmp(day_s, pto) > 0)
		return fz_err_set(err, FZ_EBAD_DATE, "drawn_on",
				  "“抽取日期”应在计划的检查期间内（%s 至 %s）", pfrom, pto);
	json_t *tv = json_object_get(in, "team_size");
	size_t team = json_is_integer(tv) ? (size_t)json_integer_value(tv) : 2;

	/* The inspectors: officers of the plan's body on duty, each holding an enforcement
	 * certificate valid on the draw day (the check the penalty filing makes, 第42条). */
	int64_t oids[MAX_INSPECTORS];
	size_t no = fz_enf_penalty_certified(ctx, body, day, oids, MAX_INSPECTORS);
	if (no < 2 || no < team)
		return fz_err_set(err, FZ_EBAD_VALUE, "team_size",
				  "%s在 %s 持有效执法证件的在岗执法人员只有 %zu "
				  "人，每户至少须两名检查人员（本次 %zu 名），不能抽取",
				  body_name, day_s, no, team);
	struct candidate *oc = fz_arena_alloc(ctx->arena, no * sizeof *oc);
	for (size_t i = 0; i < no; i++) {
		st = fz_db_query(
		    ctx->db, err,
		    "SELECT o.name, (SELECT c.number FROM enf_certificate c WHERE c.officer_id = "
		    "o.officer_id"
		    " AND c.cert_type = 'enforcement' AND c.issued_on <= ? AND c.valid_until >= ?"
		    " ORDER BY c.issued_on DESC LIMIT 1) FROM enf_officer o WHERE o.officer_id = ?",
		    "tti", day_s, day_s, oids[i]);
		if (!st)
			return err->code;
		const char *name = "", *cert = "";
		if (fz_stmt_row(st)) {
			name = dup(ctx, fz_col_text(st, 0));
			cert = fz_col_text(st, 1) ? dup(ctx, fz_col_text(st, 1)) : "";
		}
		fz_stmt_done(st);
		oc[i].id = oids[i];
		oc[i].key = fz_arena_printf(ctx->arena, "%lld", (long long)oids[i]);
		oc[i].line =
		    fz_arena_printf(ctx->arena, "%lld\t%s\t%s\n", (long long)oids[i], name, cert);
	}
	qsort(oc, no, sizeof *oc, cand_cmp_id);

	/* The entities: the agency's directory less those drawn under this plan before. */
	size_t total, remaining;
	directory_counts(ctx, agency, plan_id, &total, &remaining);
	if (remaining == 0)
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "plan_id",
		    total ? "检查对象名录中的 %zu 户均已在本计划中抽取过，没有可抽取的对象"
			  : "本单位的检查对象名录为空（%zu 户），请先导入检查对象名录",
		    total);
	struct candidate *ec = fz_arena_alloc(ctx->arena, remaining * sizeof *ec);
	size_t ne = 0;
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT e.entity_id, e.credit_code, e.name FROM enf_insp_entity e WHERE e.agency_id = ?"
	    " AND e.entity_id NOT IN (SELECT i.entity_id FROM enf_inspection i WHERE i.plan_id = "
	    "?)",
	    "ii", agency, plan_id);
	if (!st)
		return err->code;
	while (fz_stmt_row(st) && ne < remaining) {
		ec[ne].id = fz_col_int(st, 0);
		ec[ne].key = dup(ctx, fz_col_text(st, 1));
		ec[ne].line =
		    fz_arena_printf(ctx->arena, "%s\t%s\n", fz_col_text(st, 1), fz_col_text(st, 2));
		ne++;
	}
	fz_stmt_done(st);
	qsort(ec, ne, sizeof *ec, cand_cmp);
	size_t count = fz_insp_draw_size(kind, value, total, ne);

	unsigned char seed[FZ_INSP_SEED_BYTES];
	char seed_hex[2 * FZ_INSP_SEED_BYTES + 1];
	if (given_seed)
		memcpy(seed, given_seed, sizeof seed);
	else
		randombytes_buf(seed, sizeof seed);
	sodium_bin2hex(seed_hex, sizeof seed_hex, seed, sizeof seed);
	const char *elist = join_lines(ctx, ec, ne), *olist = join_lines(ctx, oc, no);
	char ehash[65], ohash[65], rhash[65];
	fz_insp_sha256_hex(elist, strlen(elist), ehash);
	fz_insp_sha256_hex(olist, strlen(olist), ohash);
	const char **ekeys = fz_arena_alloc(ctx->arena, ne * sizeof *ekeys);
	int64_t *okeys = fz_arena_alloc(ctx->arena, no * sizeof *okeys);
	for (size_t i = 0; i < ne; i++)
		ekeys[i] = ec[i].key;
	for (size_t i = 0; i < no; i++)
		okeys[i] = oc[i].id;
	size_t *pe = fz_arena_alloc(ctx->arena, count * sizeof *pe);
	size_t *teams = fz_arena_alloc(ctx->arena, count * team * sizeof *teams);
	const char *result = draw_result(ctx, seed, ekeys, ne, okeys, no, count, team, pe, teams);
	if (!result)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	fz_insp_sha256_hex(result, strlen(result), rhash);

	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	int64_t draw_id = 0;
	st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO enf_insp_draw(plan_id, agency_id, drawn_on, team_size, entity_count, seed,"
	    " entity_list, entity_hash, officer_list, officer_hash, result, result_hash, note,"
	    " created_by, created_at) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING draw_id",
	    "iitII"
	    "tttttttt"
	    "it",
	    plan_id, agency, day_s, (int)team, (int)count, seed_hex, elist, ehash, olist, ohash,
	    result, rhash, fz_json_str(in, "note"), ctx->user ? ctx->user->user_id : (int64_t)0,
	    now);
	if ((rc = fz_stmt_exec_id(st, &draw_id, err)))
		goto fail;
	for (size_t i = 0; i < count && !rc; i++) {
		const struct candidate *e = &ec[pe[i]];
		st =
		    fz_db_query(ctx->db, err,
				"SELECT name, credit_code FROM enf_insp_entity WHERE entity_id = ?",
				"i", e->id);
		const char *ename = "", *ecode = "";
		if (st && fz_stmt_row(st)) {
			ename = dup(ctx, fz_col_text(st, 0));
			ecode = dup(ctx, fz_col_text(st, 1));
		}
		fz_stmt_done(st);
		struct fz_case_new nc = {
		    .case_type = "enf_inspection",
		    .agency_id = agency,
		    .title = fz_arena_printf(ctx->arena, "对%s的随机抽查（%s）", ename, plan_name),
		    .body = ecode,
		    .received_on = day,
		    .input = fz_arena_printf(ctx->arena, "{\"draw_id\":%lld}", (long long)draw_id)};
		struct fz_case_row c;
		if ((rc = fz_case_create(ctx, &nc, &c, err)))
			break;
		rc = fz_stmt_exec(
		    fz_db_query(
			ctx->db, err,
			"INSERT INTO enf_inspection(case_id, draw_id, plan_id, body_id, entity_id,"
			" entity_name, credit_code, drawn_on, created_at) VALUES "
			"(?,?,?,?,?,?,?,?,?)",
			"iiiii"
			"tttt",
			c.case_id, draw_id, plan_id, body, e->id, ename, ecode, day_s, now),
		    err);
		for (size_t j = 0; j < team && !rc; j++)
			rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					      "INSERT INTO enf_inspection_officer(case_id, "
					      "officer_id) VALUES (?,?)",
					      "ii", c.case_id, oc[teams[i * team + j]].id),
				  err);
	}
	if (rc)
		goto fail;
	/* The audit event carries what a re-run needs: the seed, the lists' hashes, the result. */
	json_t *after = json_pack(
	    "{s:I, s:I, s:s, s:s, s:s, s:I, s:s, s:I, s:I, s:I, s:s, s:s}", "draw_id",
	    (json_int_t)draw_id, "plan_id", (json_int_t)plan_id, "drawn_on", day_s, "seed",
	    seed_hex, "entity_hash", ehash, "entity_candidates", (json_int_t)ne, "officer_hash",
	    ohash, "officer_candidates", (json_int_t)no, "count", (json_int_t)count, "team_size",
	    (json_int_t)team, "result", result, "result_hash", rhash);
	struct fz_event ev = {
	    .entity = "enf_insp_draw",
	    .action = "insp_draw",
	    .note = fz_arena_printf(ctx->arena, "%s：随机抽取检查对象 %zu 户", plan_name, count),
	    .input = fz_json_text(ctx->arena, in, NULL),
	    .after = fz_json_text(ctx->arena, after, NULL)};
	json_decref(after);
	int64_t event_id = 0;
	if ((rc = fz_audit_append(ctx, &ev, &event_id, err)) ||
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "UPDATE enf_insp_draw SET event_id = ? WHERE draw_id = ?", "ii",
				   event_id, draw_id),
		       err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return fz_enf_insp_draw_json(ctx, draw_id, out, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_enf_insp_draw_json(struct fz_ctx *ctx, int64_t draw_id, json_t **out,
				   struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT d.draw_id, d.plan_id, p.name, d.agency_id, d.drawn_on, d.team_size, "
	    "d.entity_count,"
	    " d.seed, d.entity_list, d.entity_hash, d.officer_list, d.officer_hash, d.result,"
	    " d.result_hash, d.event_id, d.note, d.created_at, b.name"
	    " FROM enf_insp_draw d JOIN enf_insp_plan p ON p.plan_id = d.plan_id"
	    " JOIN enf_body b ON b.body_id = p.body_id WHERE d.draw_id = ?",
	    "i", draw_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, NULL, "抽取记录不存在");
	}
	json_t *o = json_pack(
	    "{s:I, s:I, s:I, s:I, s:I}", "draw_id", (json_int_t)fz_col_int(st, 0), "plan_id",
	    (json_int_t)fz_col_int(st, 1), "agency_id", (json_int_t)fz_col_int(st, 3), "team_size",
	    (json_int_t)fz_col_int(st, 5), "entity_count", (json_int_t)fz_col_int(st, 6));
	fz_json_set_str(o, "plan_name", fz_col_text(st, 2));
	fz_json_set_str(o, "drawn_on", fz_col_text(st, 4));
	static const char *const keys[] = {"seed",	   "entity_list",  "entity_hash",
					   "officer_list", "officer_hash", "result",
					   "result_hash"};
	for (int i = 0; i < 7; i++)
		fz_json_set_str(o, keys[i], fz_col_text(st, 7 + i));
	json_object_set_new(o, "event_id", json_integer(fz_col_int(st, 14)));
	fz_json_set_str(o, "note", fz_col_text(st, 15));
	fz_json_set_str(o, "created_at", fz_col_text(st, 16));
	fz_json_set_str(o, "body_name", fz_col_text(st, 17));
	fz_stmt_done(st);
	json_t *tasks = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT x.case_id, c.number, c.state, x.entity_name, x.credit_code, x.result"
	    " FROM enf_inspection x JOIN case_record c ON c.case_id = x.case_id"
	    " WHERE x.draw_id = ? ORDER BY x.case_id",
	    "i", draw_id);
	if (!st) {
		json_decref(o);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *t = json_pack("{s:I}", "case_id", (json_int_t)fz_col_int(st, 0));
		fz_json_set_str(t, "number", fz_col_text(st, 1));
		fz_json_set_str(t, "state", fz_col_text(st, 2));
		fz_json_set_str(t, "state_label", state_label(fz_col_text(st, 2)));
		fz_json_set_str(t, "entity_name", fz_col_text(st, 3));
		fz_json_set_str(t, "credit_code", fz_col_text(st, 4));
		fz_json_set_str(
		    t, "result_label",
		    fz_col_text(st, 5) ? fz_enf_label(fz_insp_results, fz_col_text(st, 5)) : NULL);
		json_array_append_new(tasks, t);
	}
	fz_stmt_done(st);
	/* Each task's inspectors, by name. */
	size_t i;
	json_t *t;
	json_array_foreach (tasks, i, t) {
		json_t *names = json_array();
		st = fz_db_query(ctx->db, err,
				 "SELECT o.name FROM enf_inspection_officer x JOIN enf_officer o "
				 "ON o.officer_id = x.officer_id"
				 " WHERE x.case_id = ? ORDER BY o.officer_id",
				 "i", (int64_t)json_integer_value(json_object_get(t, "case_id")));
		while (st && fz_stmt_row(st))
			json_array_append_new(names, json_string(fz_col_text(st, 0)));
		fz_stmt_done(st);
		json_object_set_new(t, "inspectors", names);
	}
	json_object_set_new(o, "tasks", tasks);
	*out = o;
	return FZ_OK;
}

static int strcmp_ptr(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

/* The keys of the lines of a recorded list (text up to the first tab of each line). */
static size_t list_keys(struct fz_ctx *ctx, const char *list, const char ***keys)
{
	size_t n = 0;
	for (const char *p = list; *p; p++)
		n += *p == '\n';
	*keys = fz_arena_alloc(ctx->arena, (n ? n : 1) * sizeof **keys);
	size_t k = 0;
	for (const char *p = list; *p && k < n;) {
		const char *tab = strchr(p, '\t'), *nl = strchr(p, '\n');
		if (!nl)
			break;
		const char *end = tab && tab < nl ? tab : nl;
		char *s = fz_arena_alloc(ctx->arena, (size_t)(end - p) + 1);
		memcpy(s, p, (size_t)(end - p));
		s[end - p] = 0;
		(*keys)[k++] = s;
		p = nl + 1;
	}
	return k;
}

static void check_row(json_t *checks, const char *name, bool ok, const char *detail)
{
	json_array_append_new(
	    checks, json_pack("{s:s, s:b, s:s}", "check", name, "ok", ok, "detail", detail));
}

enum fz_code fz_enf_insp_draw_verify(struct fz_ctx *ctx, int64_t draw_id, json_t **out,
				     struct fz_err *err)
{
	json_t *d;
	enum fz_code rc = fz_enf_insp_draw_json(ctx, draw_id, &d, err);
	if (rc)
		return rc;
	const char *seed_hex = dup(ctx, fz_json_str(d, "seed"));
	const char *elist = dup(ctx, fz_json_str(d, "entity_list")),
		   *olist = dup(ctx, fz_json_str(d, "officer_list"));
	const char *result = dup(ctx, fz_json_str(d, "result"));
	size_t count = (size_t)json_integer_value(json_object_get(d, "entity_count"));
	size_t team = (size_t)json_integer_value(json_object_get(d, "team_size"));
	int64_t event_id = json_integer_value(json_object_get(d, "event_id"));
	json_t *checks = json_array();
	char ehash[65] = "", ohash[65] = "";
	fz_insp_sha256_hex(elist ? elist : "", elist ? strlen(elist) : 0, ehash);
	fz_insp_sha256_hex(olist ? olist : "", olist ? strlen(olist) : 0, ohash);
	check_row(checks, "entity_hash", strcmp(ehash, fz_json_str(d, "entity_hash")) == 0,
		  fz_arena_printf(ctx->arena, "检查对象候选名单的 SHA-256：%s", ehash));
	check_row(checks, "officer_hash", strcmp(ohash, fz_json_str(d, "officer_hash")) == 0,
		  fz_arena_printf(ctx->arena, "检查人员候选名单的 SHA-256：%s", ohash));
	unsigned char seed[FZ_INSP_SEED_BYTES];
	const char **ekeys, **okeys_s;
	size_t ne = list_keys(ctx, elist ? elist : "", &ekeys),
	       no = list_keys(ctx, olist ? olist : "", &okeys_s);
	int64_t *okeys = fz_arena_alloc(ctx->arena, (no ? no : 1) * sizeof *okeys);
	for (size_t i = 0; i < no; i++)
		okeys[i] = strtoll(okeys_s[i], NULL, 10);
	const char *again = NULL;
	if (fz_insp_seed_parse(seed_hex, seed) && count <= ne && team <= no) {
		size_t *pe = fz_arena_alloc(ctx->arena, (count ? count : 1) * sizeof *pe);
		size_t *teams = fz_arena_alloc(ctx->arena, (count * team > 0 ? count * team : 1) *
							       sizeof *teams);
		again = draw_result(ctx, seed, ekeys, ne, okeys, no, count, team, pe, teams);
	}
	check_row(checks, "result", again && result && strcmp(again, result) == 0,
		  "以记录的种子和候选名单重新抽取，结果与记录的抽取结果一致");
	/* The audit event (hash-chained) holds the same seed, hashes and result. */
	bool ev_ok = false;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT after_json FROM event WHERE event_id = ? AND entity = 'enf_insp_draw'", "i",
	    event_id);
	if (st && fz_stmt_row(st) && fz_col_text(st, 0)) {
		json_t *a = json_loads(fz_col_text(st, 0), 0, NULL);
		ev_ok = a && json_integer_value(json_object_get(a, "draw_id")) == draw_id &&
			fz_json_str(a, "seed") && strcmp(fz_json_str(a, "seed"), seed_hex) == 0 &&
			fz_json_str(a, "entity_hash") &&
			strcmp(fz_json_str(a, "entity_hash"), ehash) == 0 &&
			fz_json_str(a, "officer_hash") &&
			strcmp(fz_json_str(a, "officer_hash"), ohash) == 0 &&
			fz_json_str(a, "result") && result &&
			strcmp(fz_json_str(a, "result"), result) == 0;
		json_decref(a);
	}
	fz_stmt_done(st);
	check_row(checks, "audit_event", ev_ok,
		  fz_arena_printf(ctx->arena,
				  "审计记录第 %lld 号事件中的种子、名单摘要和结果与抽取记录一致",
				  (long long)event_id));
	/* The tasks are the drawn entities with the drawn inspectors. */
	const char *tasks = "";
	st = fz_db_query(ctx->db, err,
			 "SELECT x.case_id, x.credit_code FROM enf_inspection x WHERE x.draw_id = "
			 "? ORDER BY x.case_id",
			 "i", draw_id);
	json_t *rows = json_array();
	while (st && fz_stmt_row(st))
		json_array_append_new(rows,
				      json_pack("{s:I, s:s}", "id", (json_int_t)fz_col_int(st, 0),
						"code", fz_col_text(st, 1)));
	fz_stmt_done(st);
	size_t i;
	json_t *r;
	json_array_foreach (rows, i, r) {
		const char *line = fz_arena_printf(ctx->arena, "%s\t", fz_json_str(r, "code"));
		st = fz_db_query(ctx->db, err,
				 "SELECT officer_id FROM enf_inspection_officer WHERE case_id = ? "
				 "ORDER BY officer_id",
				 "i", (int64_t)json_integer_value(json_object_get(r, "id")));
		for (int j = 0; st && fz_stmt_row(st); j++)
			line = fz_arena_printf(ctx->arena, "%s%s%lld", line, j ? "," : "",
					       (long long)fz_col_int(st, 0));
		fz_stmt_done(st);
		tasks = fz_arena_printf(ctx->arena, "%s%s\n", tasks, line);
	}
	json_decref(rows);
	/* The result lists each team in drawing order; the tasks by id: compare as sets of lines
	 * with each team sorted. */
	const char *want = "";
	if (again) {
		const char *p = again;
		while (*p) {
			const char *nl = strchr(p, '\n'), *tab = strchr(p, '\t');
			if (!nl || !tab)
				break;
			int64_t ids[MAX_TEAM];
			size_t k = 0;
			for (const char *q = tab + 1; q < nl && k < MAX_TEAM;) {
				ids[k++] = strtoll(q, NULL, 10);
				q = strchr(q, ',');
				if (!q || q > nl)
					break;
				q++;
			}
			for (size_t a = 1; a < k; a++)
				for (size_t b = a; b > 0 && ids[b - 1] > ids[b]; b--) {
					int64_t x = ids[b];
					ids[b] = ids[b - 1];
					ids[b - 1] = x;
				}
			const char *line = fz_arena_printf(ctx->arena, "%.*s\t", (int)(tab - p), p);
			for (size_t a = 0; a < k; a++)
				line = fz_arena_printf(ctx->arena, "%s%s%lld", line, a ? "," : "",
						       (long long)ids[a]);
			want = fz_arena_printf(ctx->arena, "%s%s\n", want, line);
			p = nl + 1;
		}
	}
	/* Both lists in the same (sorted) order of lines. */
	const char **wl, **tl;
	size_t nw = 0, nt = 0;
	for (const char *p = want; *p; p++)
		nw += *p == '\n';
	for (const char *p = tasks; *p; p++)
		nt += *p == '\n';
	bool same = nw == nt;
	if (same && nw) {
		wl = fz_arena_alloc(ctx->arena, nw * sizeof *wl);
		tl = fz_arena_alloc(ctx->arena, nt * sizeof *tl);
		const char *srcs[2] = {want, tasks};
		const char **dsts[2] = {wl, tl};
		for (int s = 0; s < 2; s++) {
			size_t k = 0;
			for (const char *p = srcs[s]; *p;) {
				const char *nl = strchr(p, '\n');
				dsts[s][k++] =
				    fz_arena_printf(ctx->arena, "%.*s", (int)(nl - p), p);
				p = nl + 1;
			}
		}
		qsort(wl, nw, sizeof *wl, strcmp_ptr);
		qsort(tl, nt, sizeof *tl, strcmp_ptr);
		for (size_t k = 0; k < nw && same; k++)
			same = strcmp(wl[k], tl[k]) == 0;
	}
	check_row(checks, "tasks", same && again,
		  "生成的检查任务与抽取结果（检查对象及其检查人员）一致");
	bool all = true;
	json_array_foreach (checks, i, r) {
		all = all && json_is_true(json_object_get(r, "ok"));
	}
	json_t *o = json_pack("{s:I, s:b, s:o}", "draw_id", (json_int_t)draw_id, "verified", all,
			      "checks", checks);
	fz_json_set_str(o, "seed", seed_hex);
	fz_json_set_str(o, "entity_hash", ehash);
	fz_json_set_str(o, "officer_hash", ohash);
	fz_json_set_str(o, "recomputed_result", again);
	fz_json_set_str(o, "recorded_result", result);
	fz_json_set_str(
	    o, "algorithm",
	    "候选名单：检查对象按统一社会信用代码排序、检查人员按编号排序，每行一人，取其 SHA-256；"
	    "随机数：SHA-256(种子 || 流名 || \":\" || 计数) 的前 8 字节（大端）；"
	    "检查对象流名 entities，第 i 户检查人员流名 team-i；部分 Fisher-Yates 洗牌取前 N "
	    "个（拒绝取样，无模偏差）");
	json_decref(d);
	*out = o;
	return FZ_OK;
}
