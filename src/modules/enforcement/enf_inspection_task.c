/*
 * enf_inspection_task.c - the inspection task's own record (enf_inspection,
 * keyed by the case id): the domain checks of its steps (the inspectors'
 * certificates on the inspection day, the days' order), its fields, the
 * staff and public lists, and the link to the penalty case a finding opens
 * (立案, source 监督检查发现), stored on both records in the filing's
 * transaction.
 *
 * Not for: the draw that creates the tasks (enf_inspection.c) or the
 * procedure's declaration (enf_inspection_flow.c).
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/enforcement/enf_int.h"
#include "platform/audit.h"
#include "platform/jsonx.h"

#define MAX_TEAM 5

struct task {
	int64_t body_id, penalty_case_id;
	char drawn_on[11], inspected_on[11], result[24];
};

static bool load(struct fz_ctx *ctx, int64_t case_id, struct task *t)
{
	memset(t, 0, sizeof *t);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL,
			"SELECT body_id, drawn_on, inspected_on, result, penalty_case_id"
			" FROM enf_inspection WHERE case_id = ?",
			"i", case_id);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		t->body_id = fz_col_int(st, 0);
		snprintf(t->drawn_on, sizeof t->drawn_on, "%s",
			 fz_col_text(st, 1) ? fz_col_text(st, 1) : "");
		snprintf(t->inspected_on, sizeof t->inspected_on, "%s",
			 fz_col_text(st, 2) ? fz_col_text(st, 2) : "");
		snprintf(t->result, sizeof t->result, "%s",
			 fz_col_text(st, 3) ? fz_col_text(st, 3) : "");
		t->penalty_case_id = fz_col_null(st, 4) ? 0 : fz_col_int(st, 4);
	}
	fz_stmt_done(st);
	return ok;
}

/* The day of a step: not after today, not before the step it follows. */
static enum fz_code step_day(struct fz_ctx *ctx, json_t *in, const char *key, const char *label,
			     const char *after, const char *after_label, int *day,
			     struct fz_err *err)
{
	const char *s = fz_json_str(in, key);
	if (!s || fz_date_parse(s, day) != FZ_OK)
		return fz_err_set(err, FZ_EMISSING_FIELD, key, "请填写“%s”（%s）", label, key);
	if (*day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能晚于今天", label);
	if (after && *after && strcmp(s, after) < 0)
		return fz_err_set(err, FZ_EBAD_DATE, key, "“%s”不能早于%s（%s）", label,
				  after_label, after);
	return FZ_OK;
}

static enum fz_code record_result(struct fz_ctx *ctx, struct fz_case_row *c, struct task *t,
				  json_t *in, struct fz_err *err)
{
	int day;
	enum fz_code rc =
	    step_day(ctx, in, "inspected_on", "检查日期", t->drawn_on, "抽取日期", &day, err);
	if (rc)
		return rc;
	/* The drawn inspectors, each holding an enforcement certificate valid on the day. */
	int64_t ids[MAX_TEAM];
	size_t n = 0;
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT officer_id FROM enf_inspection_officer WHERE case_id = ?"
			" ORDER BY officer_id",
			"i", c->case_id);
	while (st && fz_stmt_row(st) && n < MAX_TEAM)
		ids[n++] = fz_col_int(st, 0);
	fz_stmt_done(st);
	if ((rc = fz_enf_officers_certified(ctx, t->body_id, ids, n, day, "inspected_on",
						 "国办发〔2019〕5号（双随机、一公开）", "行政检查", err)))
		return rc;
	const char *result = fz_json_str(in, "result"), *findings = fz_json_str(in, "findings");
	if (strcmp(result, "pass") != 0 && (!findings || !*findings))
		return fz_err_set(err, FZ_EMISSING_FIELD, "findings",
				  "检查结果为“%s”的，请填写检查情况（发现的问题）",
				  fz_enf_label(fz_insp_results, result));
	const char *by = fz_json_str(in, "rectify_date");
	if (by && strcmp(result, "rectify") == 0 &&
	    strcmp(by, fz_json_str(in, "inspected_on")) <= 0)
		return fz_err_set(err, FZ_EBAD_DATE, "rectify_date", "“责令整改期限”应晚于检查日期");
	if (strcmp(result, "rectify") != 0)
		by = NULL;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"UPDATE enf_inspection SET inspected_on = ?, result = ?, findings "
				"= ?, rectify_by = ?"
				" WHERE case_id = ?",
				"tttt"
				"i",
				fz_json_str(in, "inspected_on"), result, findings, by, c->case_id),
		    err);
}

enum fz_code fz_enf_inspection_hook(struct fz_ctx *ctx, struct fz_case_row *c,
				    const struct fz_transition *tr, json_t *in, struct fz_err *err)
{
	struct task t;
	if (!load(ctx, c->case_id, &t))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "检查任务缺少任务信息");
	int day;
	enum fz_code rc;
	if (strcmp(tr->name, "record_result") == 0)
		return record_result(ctx, c, &t, in, err);
	if (strcmp(tr->name, "publish") == 0) {
		if ((rc = step_day(ctx, in, "published_on", "公示日期", t.inspected_on, "检查日期",
				   &day, err)))
			return rc;
		return fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE enf_inspection SET published_on = ? WHERE case_id = ?",
				"ti", fz_json_str(in, "published_on"), c->case_id),
		    err);
	}
	if (strcmp(tr->name, "cancel") == 0)
		return fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE enf_inspection SET cancel_reason = ? WHERE case_id = ?",
				"ti", fz_json_str(in, "reason"), c->case_id),
		    err);
	return FZ_OK;
}

static void set_opt(json_t *o, const char *key, const struct fz_option *opts, const char *v)
{
	fz_json_set_str(o, key, v);
	char k[64];
	snprintf(k, sizeof k, "%s_label", key);
	fz_json_set_str(o, k, v ? fz_enf_label(opts, v) : NULL);
}

enum fz_code fz_enf_inspection_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT x.draw_id, x.plan_id, p.name, x.body_id, b.name, x.entity_id, x.entity_name,"
	    " x.credit_code, e.entity_type, e.address, e.area, e.industry, x.drawn_on, "
	    "x.inspected_on,"
	    " x.result, x.findings, x.rectify_by, x.published_on, x.penalty_case_id, pc.number,"
	    " x.cancel_reason, (SELECT k.due_date FROM case_clock k WHERE k.case_id = x.case_id "
	    "AND k.name = 'publish')"
	    " FROM enf_inspection x JOIN enf_insp_plan p ON p.plan_id = x.plan_id"
	    " JOIN enf_body b ON b.body_id = x.body_id JOIN enf_insp_entity e ON e.entity_id = "
	    "x.entity_id"
	    " LEFT JOIN case_record pc ON pc.case_id = x.penalty_case_id WHERE x.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		json_object_set_new(obj, "draw_id", json_integer(fz_col_int(st, 0)));
		json_object_set_new(obj, "plan_id", json_integer(fz_col_int(st, 1)));
		fz_json_set_str(obj, "plan_name", fz_col_text(st, 2));
		json_object_set_new(obj, "body_id", json_integer(fz_col_int(st, 3)));
		fz_json_set_str(obj, "body_name", fz_col_text(st, 4));
		json_object_set_new(obj, "entity_id", json_integer(fz_col_int(st, 5)));
		fz_json_set_str(obj, "entity_name", fz_col_text(st, 6));
		fz_json_set_str(obj, "credit_code", fz_col_text(st, 7));
		set_opt(obj, "entity_type", fz_insp_entity_types, fz_col_text(st, 8));
		fz_json_set_str(obj, "address", fz_col_text(st, 9));
		fz_json_set_str(obj, "area", fz_col_text(st, 10));
		fz_json_set_str(obj, "industry", fz_col_text(st, 11));
		fz_json_set_str(obj, "drawn_on", fz_col_text(st, 12));
		fz_json_set_str(obj, "inspected_on", fz_col_text(st, 13));
		set_opt(obj, "result", fz_insp_results, fz_col_text(st, 14));
		fz_json_set_str(obj, "findings", fz_col_text(st, 15));
		fz_json_set_str(obj, "rectify_date", fz_col_text(st, 16));
		fz_json_set_str(obj, "published_on", fz_col_text(st, 17));
		if (fz_col_null(st, 18))
			json_object_set_new(obj, "penalty_case_id", json_null());
		else
			json_object_set_new(obj, "penalty_case_id",
					    json_integer(fz_col_int(st, 18)));
		fz_json_set_str(obj, "penalty_case_number", fz_col_text(st, 19));
		fz_json_set_str(obj, "cancel_reason", fz_col_text(st, 20));
		const char *due = fz_col_text(st, 21), *pub = fz_col_text(st, 17);
		if (pub && due)
			json_object_set_new(obj, "published_on_time",
					    json_boolean(strcmp(pub, due) <= 0));
		bool may_open = fz_col_null(st, 18) && fz_col_text(st, 14) &&
				strcmp(fz_col_text(st, 14), "refer_penalty") == 0;
		json_object_set_new(obj, "may_open_penalty", json_boolean(may_open));
	}
	fz_stmt_done(st);
	json_t *officers = json_array();
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT o.officer_id, o.name, (SELECT c.number FROM enf_certificate c"
	    "  WHERE c.officer_id = o.officer_id AND c.cert_type = 'enforcement'"
	    "  AND c.number IS NOT NULL ORDER BY c.issued_on DESC LIMIT 1)"
	    " FROM enf_inspection_officer x JOIN enf_officer o ON o.officer_id = x.officer_id"
	    " WHERE x.case_id = ? ORDER BY o.officer_id",
	    "i", case_id);
	if (!st) {
		json_decref(officers);
		return err->code;
	}
	while (fz_stmt_row(st)) {
		json_t *o = json_pack("{s:I, s:s}", "officer_id", (json_int_t)fz_col_int(st, 0),
				      "name", fz_col_text(st, 1));
		fz_json_set_str(o, "cert_number", fz_col_text(st, 2));
		json_array_append_new(officers, o);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "officers", officers);
	return FZ_OK;
}

/* ---- a finding opens a penalty case ------------------------------------------------ */

enum fz_code fz_enf_inspection_link_check(struct fz_ctx *ctx, int64_t insp_id, int64_t agency_id,
					  struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT c.agency_id, c.state, x.result, "
					 "x.penalty_case_id, pc.number FROM enf_inspection x"
					 " JOIN case_record c ON c.case_id = x.case_id LEFT JOIN "
					 "case_record pc ON pc.case_id = x.penalty_case_id"
					 " WHERE x.case_id = ?",
					 "i", insp_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	int64_t agency = found ? fz_col_int(st, 0) : 0;
	bool done = found && (strcmp(fz_col_text(st, 1), "inspected") == 0 ||
			      strcmp(fz_col_text(st, 1), "published") == 0);
	bool refer =
	    found && fz_col_text(st, 2) && strcmp(fz_col_text(st, 2), "refer_penalty") == 0;
	int64_t linked = found && !fz_col_null(st, 3) ? fz_col_int(st, 3) : 0;
	const char *number =
	    linked && fz_col_text(st, 4) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 4)) : "";
	fz_stmt_done(st);
	if (!found || agency != agency_id)
		return fz_err_set(err, FZ_EBAD_VALUE, "inspection_case_id",
				  "检查任务不存在或不属于本单位");
	if (!done || !refer)
		return fz_err_set(err, FZ_ESTATE, "inspection_case_id",
				  "只有检查结果为“发现违法行为，移送立案查处”的检查，才能据以立案");
	if (linked)
		return fz_err_set(err, FZ_EDUPLICATE, "inspection_case_id",
				  "该检查发现的问题已立案（%s）", number);
	return FZ_OK;
}

enum fz_code fz_enf_inspection_link(struct fz_ctx *ctx, int64_t insp_id, int64_t penalty_id,
				    struct fz_err *err)
{
	enum fz_code rc =
	    fz_stmt_exec(fz_db_query(ctx->db, err,
			     "UPDATE enf_inspection SET penalty_case_id = ? WHERE case_id = ?",
			     "ii", penalty_id, insp_id),
		 err);
	if (!rc)
		rc = fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE enf_penalty SET inspection_case_id = ? WHERE case_id = ?",
				"ii", insp_id, penalty_id),
		    err);
	if (!rc) {
		struct fz_event ev = {.case_id = insp_id,
				      .entity = "case",
				      .action = "open_penalty",
				      .note = "检查发现违法行为，立案查处",
				      .after =
					  fz_arena_printf(ctx->arena, "{\"penalty_case_id\":%lld}",
							  (long long)penalty_id)};
		rc = fz_audit_append(ctx, &ev, NULL, err);
	}
	return rc;
}

void fz_enf_inspection_penalty_fields(struct fz_ctx *ctx, int64_t penalty_id, json_t *obj)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, NULL,
	    "SELECT x.case_id, c.number, x.entity_name, x.inspected_on FROM enf_inspection x"
	    " JOIN case_record c ON c.case_id = x.case_id WHERE x.penalty_case_id = ?",
	    "i", penalty_id);
	if (st && fz_stmt_row(st)) {
		json_object_set_new(obj, "inspection_case_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(obj, "inspection_case_number", fz_col_text(st, 1));
		fz_json_set_str(obj, "inspection_entity_name", fz_col_text(st, 2));
		fz_json_set_str(obj, "inspection_inspected_on", fz_col_text(st, 3));
	} else {
		json_object_set_new(obj, "inspection_case_id", json_null());
	}
	fz_stmt_done(st);
}

/* ---- lists ------------------------------------------------------------------------- */

static json_t *task_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "entity_name", fz_col_text(st, 13));
	fz_json_set_str(o, "credit_code", fz_col_text(st, 14));
	fz_json_set_str(o, "body_name", fz_col_text(st, 15));
	fz_json_set_str(o, "plan_name", fz_col_text(st, 16));
	fz_json_set_str(o, "drawn_on", fz_col_text(st, 17));
	fz_json_set_str(o, "inspected_on", fz_col_text(st, 18));
	set_opt(o, "result", fz_insp_results, fz_col_text(st, 19));
	fz_json_set_str(o, "published_on", fz_col_text(st, 20));
	fz_json_set_str(o, "penalty_case_number", fz_col_text(st, 21));
	json_object_set_new(o, "plan_id", json_integer(fz_col_int(st, 22)));
	return o;
}

#define TASK_SELECT                                                                                \
	FZ_CASE_ROW_COLS                                                                           \
	    ", x.entity_name, x.credit_code, b.name, p.name, x.drawn_on, x.inspected_on,"          \
	    " x.result, x.published_on, pc.number, x.plan_id"
#define TASK_FROM                                                                                  \
	"case_record c JOIN enf_inspection x ON x.case_id = c.case_id"                             \
	" JOIN agency a ON a.agency_id = c.agency_id JOIN enf_body b ON b.body_id = x.body_id"     \
	" JOIN enf_insp_plan p ON p.plan_id = x.plan_id"                                           \
	" LEFT JOIN case_record pc ON pc.case_id = x.penalty_case_id"

static const char *const task_like[] = {"c.number", "x.entity_name", "x.credit_code", NULL};

/* Published no later than the publication clock's due day (抽查结果按期公示). */
#define ON_TIME                                                                                    \
	"x.published_on IS NOT NULL AND x.published_on <= (SELECT k.due_date FROM case_clock k"    \
	" WHERE k.case_id = c.case_id AND k.name = 'publish')"

static const struct fz_list_filter task_filters[] = {
    {.param = "year", .label = "抽取年度", .kind = FZ_LF_YEAR, .sql = "x.drawn_on"},
    {.param = "inspected_year", .label = "检查年度", .kind = FZ_LF_YEAR, .sql = "x.inspected_on"},
    {.param = "published_year", .label = "公示年度", .kind = FZ_LF_YEAR, .sql = "x.published_on"},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "plan_id", .label = "检查计划编号", .kind = FZ_LF_ID, .sql = "x.plan_id = ?"},
    {.param = "draw_id", .label = "抽取记录编号", .kind = FZ_LF_ID, .sql = "x.draw_id = ?"},
    {.param = "state",
     .label = "任务状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_enf_inspection_type},
    {.param = "result",
     .label = "检查结果",
     .kind = FZ_LF_OPTION,
     .sql = "x.result = ?",
     .options = fz_insp_results},
    {.param = "on_time", .label = "按期公示", .kind = FZ_LF_FLAG, .sql = ON_TIME},
    {.param = "to_penalty",
     .label = "已立案查处",
     .kind = FZ_LF_FLAG,
     .sql = "x.penalty_case_id IS NOT NULL"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = task_like},
    {.param = NULL},
};

static const struct fz_list_sort task_sorts[] = {
    {.name = "drawn_on", .expr = "x.drawn_on"},
    {.name = "inspected_on", .expr = "x.inspected_on", .nulls_last = true},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col task_cols[] = {
    {.key = "number", .header = "任务编号", .width = 22},
    {.key = "entity_name", .header = "检查对象", .width = 30},
    {.key = "credit_code", .header = "统一社会信用代码", .width = 22},
    {.key = "agency_name", .header = "检查单位", .width = 24},
    {.key = "plan_name", .header = "检查计划", .width = 30},
    {.key = "state_label", .header = "状态", .width = 14},
    {.key = "drawn_on", .header = "抽取日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "inspected_on", .header = "检查日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "result_label", .header = "检查结果", .width = 24},
    {.key = "published_on", .header = "公示日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "penalty_case_number", .header = "立案案号", .width = 22},
    {.key = "due_date", .header = "公示期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = NULL},
};

const struct fz_list fz_enf_inspections_list = {
    .name = "行政检查任务",
    .select = TASK_SELECT,
    .from = TASK_FROM,
    .where = "c.case_type = 'enf_inspection'",
    .scope = "c.agency_id",
    .filters = task_filters,
    .sorts = task_sorts,
    .sort_default = "-drawn_on",
    .tiebreak = "c.case_id",
    .row = task_row,
    .columns = task_cols,
};

/* The portal: published results only, without the inspectors' names. */
static const char *const public_like[] = {"x.entity_name", "x.credit_code", NULL};

static const struct fz_list_filter public_filters[] = {
    {.param = "year", .label = "检查年度", .kind = FZ_LF_YEAR, .sql = "x.inspected_on"},
    {.param = "agency_id", .label = "检查单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "result",
     .label = "检查结果",
     .kind = FZ_LF_OPTION,
     .sql = "x.result = ?",
     .options = fz_insp_results,
     .labels_too = true},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = public_like},
    {.param = NULL},
};

static const struct fz_list_sort public_sorts[] = {
    {.name = "published_on", .expr = "x.published_on"},
    {.name = "inspected_on", .expr = "x.inspected_on"},
    {.name = NULL},
};

static const struct fz_list_col public_cols[] = {
    {.key = "case_id", .sql = "c.case_id", .kind = FZ_LC_NUMBER},
    {.key = "entity_name", .sql = "x.entity_name", .header = "检查对象", .width = 30},
    {.key = "credit_code", .sql = "x.credit_code", .header = "统一社会信用代码", .width = 22},
    {.key = "agency_id", .sql = "c.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "检查单位", .width = 24},
    {.key = "body_name", .sql = "b.name", .header = "执法主体", .width = 28},
    {.key = "plan_name", .sql = "p.name", .header = "检查计划", .width = 30},
    {.key = "inspected_on",
     .sql = "x.inspected_on",
     .kind = FZ_LC_DATE,
     .header = "检查日期",
     .width = 12},
    {.key = "result", .sql = "x.result"},
    {.key = "result_label",
     .sql = "x.result",
     .kind = FZ_LC_LABEL,
     .options = fz_insp_results,
     .header = "检查结果",
     .width = 24},
    {.key = "rectify_date",
     .sql = "x.rectify_by",
     .kind = FZ_LC_DATE,
     .header = "整改期限",
     .width = 12},
    {.key = "published_on",
     .sql = "x.published_on",
     .kind = FZ_LC_DATE,
     .header = "公示日期",
     .width = 12},
    {.key = NULL},
};

const struct fz_list fz_enf_public_inspections_list = {
    .name = "行政检查结果公示",
    .from = "case_record c JOIN enf_inspection x ON x.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id JOIN enf_body b ON b.body_id = x.body_id"
	    " JOIN enf_insp_plan p ON p.plan_id = x.plan_id",
    .where = "c.case_type = 'enf_inspection' AND c.state = 'published'",
    .filters = public_filters,
    .sorts = public_sorts,
    .sort_default = "-published_on",
    .tiebreak = "c.case_id",
    .columns = public_cols,
};

/* ---- plans, draws and the directory as lists ------------------------------------------ */

static const char *const plan_like[] = {"p.name", NULL};

static const struct fz_list_filter plan_filters[] = {
    {.param = "year", .label = "计划年度", .kind = FZ_LF_YEAR, .sql = "p.period_from"},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "p.agency_id = ?"},
    {.param = "body_id", .label = "执法主体编号", .kind = FZ_LF_ID, .sql = "p.body_id = ?"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = plan_like},
    {.param = NULL},
};

static const struct fz_list_col plan_cols[] = {
    {.key = "plan_id", .sql = "p.plan_id", .kind = FZ_LC_NUMBER},
    {.key = "year", .sql = "p.year", .kind = FZ_LC_NUMBER, .header = "年度", .width = 8},
    {.key = "name", .sql = "p.name", .header = "计划名称", .width = 36},
    {.key = "agency_id", .sql = "p.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "单位", .width = 24},
    {.key = "body_name", .sql = "b.name", .header = "执法主体", .width = 28},
    {.key = "draw_kind", .sql = "p.draw_kind"},
    {.key = "draw_kind_label",
     .sql = "p.draw_kind",
     .kind = FZ_LC_LABEL,
     .options = fz_insp_draw_kinds,
     .header = "抽取方式",
     .width = 14},
    {.key = "draw_value",
     .sql = "p.draw_value",
     .kind = FZ_LC_NUMBER,
     .header = "数量或比例",
     .width = 10},
    {.key = "period_from",
     .sql = "p.period_from",
     .kind = FZ_LC_DATE,
     .header = "检查期间（起）",
     .width = 12},
    {.key = "period_to",
     .sql = "p.period_to",
     .kind = FZ_LC_DATE,
     .header = "检查期间（止）",
     .width = 12},
    {.key = "draws",
     .sql = "(SELECT COUNT(*) FROM enf_insp_draw d WHERE d.plan_id = p.plan_id)",
     .kind = FZ_LC_NUMBER,
     .header = "抽取次数",
     .width = 10},
    {.key = "tasks",
     .sql = "(SELECT COUNT(*) FROM enf_inspection i WHERE i.plan_id = p.plan_id)",
     .kind = FZ_LC_NUMBER,
     .header = "检查任务数",
     .width = 10},
    {.key = NULL},
};

static const struct fz_list_sort plan_sorts[] = {
    {.name = "period_from", .expr = "p.period_from"},
    {.name = "name", .expr = "p.name"},
    {.name = NULL},
};

const struct fz_list fz_enf_insp_plans_list = {
    .name = "行政检查计划",
    .from = "enf_insp_plan p JOIN agency a ON a.agency_id = p.agency_id JOIN enf_body b ON "
	    "b.body_id = p.body_id",
    .scope = "p.agency_id",
    .filters = plan_filters,
    .sorts = plan_sorts,
    .sort_default = "-period_from",
    .tiebreak = "p.plan_id",
    .columns = plan_cols,
};

static const struct fz_list_filter draw_filters[] = {
    {.param = "year", .label = "抽取年度", .kind = FZ_LF_YEAR, .sql = "d.drawn_on"},
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "d.agency_id = ?"},
    {.param = "plan_id", .label = "检查计划编号", .kind = FZ_LF_ID, .sql = "d.plan_id = ?"},
    {.param = NULL},
};

static const struct fz_list_col draw_cols[] = {
    {.key = "draw_id", .sql = "d.draw_id", .kind = FZ_LC_NUMBER, .header = "抽取编号", .width = 8},
    {.key = "drawn_on", .sql = "d.drawn_on", .kind = FZ_LC_DATE, .header = "抽取日期", .width = 12},
    {.key = "plan_id", .sql = "d.plan_id", .kind = FZ_LC_NUMBER},
    {.key = "plan_name", .sql = "p.name", .header = "检查计划", .width = 36},
    {.key = "agency_name", .sql = "a.name", .header = "单位", .width = 24},
    {.key = "entity_count",
     .sql = "d.entity_count",
     .kind = FZ_LC_NUMBER,
     .header = "抽取对象数",
     .width = 10},
    {.key = "team_size",
     .sql = "d.team_size",
     .kind = FZ_LC_NUMBER,
     .header = "每户检查人员数",
     .width = 10},
    {.key = "seed", .sql = "d.seed", .header = "随机种子", .width = 66},
    {.key = "entity_hash", .sql = "d.entity_hash", .header = "对象名单摘要", .width = 66},
    {.key = "officer_hash", .sql = "d.officer_hash", .header = "人员名单摘要", .width = 66},
    {.key = NULL},
};

static const struct fz_list_sort draw_sorts[] = {
    {.name = "drawn_on", .expr = "d.drawn_on"},
    {.name = NULL},
};

const struct fz_list fz_enf_insp_draws_list = {
    .name = "随机抽取记录",
    .from = "enf_insp_draw d JOIN enf_insp_plan p ON p.plan_id = d.plan_id JOIN agency a ON "
	    "a.agency_id = d.agency_id",
    .scope = "d.agency_id",
    .filters = draw_filters,
    .sorts = draw_sorts,
    .sort_default = "-drawn_on",
    .tiebreak = "d.draw_id",
    .columns = draw_cols,
};

static const char *const entity_like[] = {"e.name", "e.credit_code", "e.address", NULL};

static const struct fz_list_filter entity_filters[] = {
    {.param = "agency_id", .label = "单位", .kind = FZ_LF_AGENCY, .sql = "e.agency_id = ?"},
    {.param = "entity_type",
     .label = "对象类型",
     .kind = FZ_LF_OPTION,
     .sql = "e.entity_type = ?",
     .options = fz_insp_entity_types,
     .labels_too = true},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = entity_like},
    {.param = NULL},
};

/* The export's headers are the import's, so an exported sheet imports unchanged. */
static const struct fz_list_col entity_cols[] = {
    {.key = "entity_id", .sql = "e.entity_id", .kind = FZ_LC_NUMBER},
    {.key = "name", .sql = "e.name", .header = "检查对象名称", .width = 36},
    {.key = "credit_code", .sql = "e.credit_code", .header = "统一社会信用代码", .width = 22},
    {.key = "entity_type", .sql = "e.entity_type"},
    {.key = "entity_type_label",
     .sql = "e.entity_type",
     .kind = FZ_LC_LABEL,
     .options = fz_insp_entity_types,
     .header = "对象类型",
     .width = 16},
    {.key = "address", .sql = "e.address", .header = "地址", .width = 40},
    {.key = "area", .sql = "e.area", .header = "所属区域", .width = 14},
    {.key = "industry", .sql = "e.industry", .header = "行业", .width = 16},
    {.key = "agency_id", .sql = "e.agency_id", .kind = FZ_LC_NUMBER},
    {.key = "agency_name", .sql = "a.name", .header = "单位", .width = 24},
    {.key = NULL},
};

static const struct fz_list_sort entity_sorts[] = {
    {.name = "credit_code", .expr = "e.credit_code"},
    {.name = "name", .expr = "e.name"},
    {.name = NULL},
};

const struct fz_list fz_enf_insp_entities_list = {
    .name = "检查对象名录",
    .from = "enf_insp_entity e JOIN agency a ON a.agency_id = e.agency_id",
    .scope = "e.agency_id",
    .filters = entity_filters,
    .sorts = entity_sorts,
    .sort_default = "credit_code",
    .tiebreak = "e.entity_id",
    .per_page_max = 1000,
    .columns = entity_cols,
};
