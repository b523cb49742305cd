/*
 * norm_objection.c - objections of the public (审查建议): a citizen or a
 * company asks the legal office to review a normative document; the case is
 * registered with the legal office with a tracking code, handled on the
 * 60-day clock (setting normative.objection_days), answered with the outcome
 * (经审查未发现问题 / 已督促纠正 / 已废止 / 不予受理 with the reason) and the
 * outcome published on the portal without the applicant's name.
 *
 * The steps are the case kind's transitions (norm_flow.c); this file holds
 * the public form, the domain half of each step, the fields of the case
 * page, the tracking page and the lists.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"
#include "platform/lists.h"

const struct fz_option fz_norm_applicant_types[] = {
    {"person", "公民"},
    {"organisation", "法人或者其他组织"},
    {NULL, NULL},
};

const struct fz_option fz_norm_objection_outcomes[] = {
    {"no_problem", "经审查未发现问题"},
    {"corrected", "已督促纠正"},
    {"repealed", "已废止"},
    {"not_accepted", "不予受理"},
    {NULL, NULL},
};

/* What the public submits on the portal (POST /api/public/normative/objections). */
const struct fz_input fz_norm_objection_inputs[] = {
    {.name = "applicant",
     .label = "建议人姓名或者名称",
     .type = FZ_IN_TEXT,
     .required = true,
     .max_chars = 60},
    {.name = "applicant_type",
     .label = "建议人类型",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_norm_applicant_types},
    {.name = "contact", .label = "联系方式", .type = FZ_IN_TEXT, .required = true, .max_chars = 60},
    {.name = "doc_id",
     .label = "所涉规范性文件",
     .type = FZ_IN_INT,
     .min = 1,
     .max = 9000000000000000000L},
    {.name = "doc_title", .label = "所涉规范性文件名称", .type = FZ_IN_TEXT, .max_chars = 200},
    {.name = "content",
     .label = "审查建议内容",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 5000},
    {.name = NULL},
};

static const char *opt(struct fz_stmt *st, int col)
{
	return fz_col_null(st, col) ? NULL : fz_col_text(st, col);
}

/* The legal office, which registers and handles every objection. */
static int64_t legal_office(struct fz_ctx *ctx)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL,
			"SELECT agency_id FROM agency WHERE kind = 'legal_office' AND active = 1"
			" ORDER BY agency_id LIMIT 1",
			NULL);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

enum fz_code fz_norm_objection_submit(struct fz_ctx *ctx, json_t *in, int received_on,
				      struct fz_case_row *out, struct fz_err *err)
{
	int64_t doc = (int64_t)json_integer_value(json_object_get(in, "doc_id"));
	const char *title = fz_json_str(in, "doc_title");
	if (!doc && (!title || fz_text_blank(title)))
		return fz_err_set(err, FZ_EMISSING_FIELD, "doc_title",
				  "请选择所涉规范性文件，或者填写其名称（doc_title）");
	if (fz_text_blank(fz_json_str(in, "applicant")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "applicant",
				  "请填写“建议人姓名或者名称”（applicant）");
	if (fz_text_blank(fz_json_str(in, "contact")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "contact", "请填写“联系方式”（contact）");
	if (fz_text_blank(fz_json_str(in, "content")))
		return fz_err_set(err, FZ_EMISSING_FIELD, "content",
				  "请填写“审查建议内容”（content）");
	int64_t office = legal_office(ctx);
	if (!office)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "未配置办理审查建议的法制机构");
	const char *name = title;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	if (doc) {
		/* The library's documents: in force or no longer, never a draft. */
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err, "SELECT title, number FROM norm_document WHERE doc_id = ?", "i",
		    doc);
		if (!st) {
			rc = err->code;
			goto fail;
		}
		if (!fz_stmt_row(st)) {
			fz_stmt_done(st);
			rc = fz_err_set(err, FZ_EBAD_VALUE, "doc_id",
					"所涉规范性文件不在文件库中，请重新选择或者填写文件名称");
			goto fail;
		}
		name = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		title = fz_arena_printf(ctx->arena, "%s（%s）", name, fz_col_text(st, 1));
		fz_stmt_done(st);
	}
	/* 关于《青山县……办法》的审查建议; a title typed with its own 《》 keeps them. */
	const char *case_title = strstr(name, "《")
				     ? fz_arena_printf(ctx->arena, "关于%s的审查建议", name)
				     : fz_arena_printf(ctx->arena, "关于《%s》的审查建议", name);
	char *input = fz_json_text(ctx->arena, in, NULL);
	struct fz_case_new n = {.case_type = "norm_objection",
				.agency_id = office,
				.title = case_title,
				.body = fz_json_str(in, "content"),
				.received_on = received_on,
				.tracking = true,
				.receipt = true,
				.input = input};
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	rc = fz_stmt_exec(fz_db_query(ctx->db, err,
			     "INSERT INTO norm_objection(case_id, doc_id, doc_title, applicant,"
			     " applicant_type, contact, content, created_at)"
			     " VALUES (?, NULLIF(?, 0), ?, ?, ?, ?, ?, ?)",
			     "iitttttt", out->case_id, doc, title, fz_json_str(in, "applicant"),
			     fz_json_str(in, "applicant_type"), fz_json_str(in, "contact"),
			     fz_json_str(in, "content"), now),
		 err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the steps (norm_flow.c: accept, reject, reply, publish) -------------------------- */

enum fz_code fz_norm_objection_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				     const struct fz_transition *tr, json_t *input,
				     struct fz_err *err)
{
	char today[11];
	fz_date_format(ctx->today, today);
	if (strcmp(tr->name, "reply") == 0)
		return fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE norm_objection SET outcome = ?, reply = ?, replied_on = ?"
				" WHERE case_id = ?",
				"ttti", fz_json_str(input, "outcome"), fz_json_str(input, "reply"),
				today, c->case_id),
		    err);
	if (strcmp(tr->name, "reject") == 0)
		return fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE norm_objection SET outcome = 'not_accepted', reply = ?,"
				" replied_on = ? WHERE case_id = ?",
				"tti", fz_json_str(input, "reason"), today, c->case_id),
		    err);
	if (strcmp(tr->name, "publish") == 0)
		return fz_stmt_exec(
		    fz_db_query(ctx->db, err,
				"UPDATE norm_objection SET published_on = ? WHERE case_id = ?",
				"ti", today, c->case_id),
		    err);
	return FZ_OK;
}

enum fz_code fz_norm_objection_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				      struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT o.doc_id, o.doc_title, d.number, d.status, o.applicant, o.applicant_type,"
	    " o.contact, o.content, o.outcome, o.reply, o.replied_on, o.published_on"
	    " FROM norm_objection o LEFT JOIN norm_document d ON d.doc_id = o.doc_id"
	    " WHERE o.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		if (!fz_col_null(st, 0))
			json_object_set_new(obj, "doc_id", json_integer(fz_col_int(st, 0)));
		fz_json_set_str(obj, "doc_title", fz_col_text(st, 1));
		fz_json_set_str(obj, "doc_number", opt(st, 2));
		fz_json_set_str(obj, "doc_status", opt(st, 3));
		fz_json_set_str(obj, "applicant", fz_col_text(st, 4));
		fz_json_set_str(obj, "applicant_type", fz_col_text(st, 5));
		fz_json_set_str(obj, "applicant_type_label",
				fz_option_label(fz_norm_applicant_types, fz_col_text(st, 5)));
		fz_json_set_str(obj, "contact", fz_col_text(st, 6));
		fz_json_set_str(obj, "content", fz_col_text(st, 7));
		const char *o = opt(st, 8);
		fz_json_set_str(obj, "outcome", o);
		fz_json_set_str(obj, "outcome_label",
				o ? fz_option_label(fz_norm_objection_outcomes, o) : NULL);
		fz_json_set_str(obj, "reply", opt(st, 9));
		fz_json_set_str(obj, "replied_on", opt(st, 10));
		fz_json_set_str(obj, "published_on", opt(st, 11));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

/* ---- the applicant's tracking page ----------------------------------------------------- */

static const struct fz_public_step public_steps[] = {
    {"create", "审查建议已收到", NULL},
    {"accept", "已受理，正在审查", NULL},
    {"reject", "不予受理", NULL},
    {"reply", "已答复", NULL},
    {"publish", "审查结果已在网站公开", NULL},
};

enum fz_code fz_norm_objection_track_json(struct fz_ctx *ctx, const char *code, json_t **out,
					  struct fz_err *err)
{
	char norm[15];
	if (!fz_tracking_normalize(code, norm))
		return fz_err_set(err, FZ_ENOT_FOUND, "code",
				  "没有找到该查询码对应的审查建议，请核对后重试");
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT c.case_id, c.number, c.state, c.received_on, o.doc_title, o.outcome, o.reply,"
	    " o.replied_on, o.published_on, c.tracking_code"
	    " FROM case_record c JOIN norm_objection o ON o.case_id = c.case_id"
	    " WHERE c.tracking_code = ? AND c.case_type = 'norm_objection'",
	    "t", norm);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "code",
				  "没有找到该查询码对应的审查建议，请核对后重试");
	}
	int64_t case_id = fz_col_int(st, 0);
	const struct fz_state *s = fz_flow_state(&fz_norm_objection_type, fz_col_text(st, 2));
	json_t *o = json_object();
	fz_json_set_str(o, "tracking_code", fz_col_text(st, 9));
	fz_json_set_str(o, "number", fz_col_text(st, 1));
	fz_json_set_str(o, "state", fz_col_text(st, 2));
	fz_json_set_str(o, "state_label", s ? s->label : fz_col_text(st, 2));
	fz_json_set_str(o, "received_on", fz_col_text(st, 3));
	fz_json_set_str(o, "doc_title", fz_col_text(st, 4));
	const char *outcome = opt(st, 5);
	if (outcome) {
		fz_json_set_str(o, "outcome", outcome);
		fz_json_set_str(o, "outcome_label",
				fz_option_label(fz_norm_objection_outcomes, outcome));
		fz_json_set_str(o, "reply", opt(st, 6));
		fz_json_set_str(o, "replied_on", opt(st, 7));
	}
	fz_json_set_str(o, "published_on", opt(st, 8));
	fz_stmt_done(st);
	json_t *clocks = NULL;
	enum fz_code rc = fz_case_clocks_json(ctx, case_id, &clocks, err);
	if (rc) {
		json_decref(o);
		return rc;
	}
	json_t *reply = NULL, *k;
	size_t i;
	json_array_foreach (clocks, i, k) {
		if (strcmp(fz_json_str(k, "name"), "reply") == 0)
			reply = json_incref(k);
	}
	json_decref(clocks);
	json_object_set_new(o, "due_date",
			    reply ? json_incref(json_object_get(reply, "due_date")) : json_null());
	json_object_set_new(o, "clock", reply ? reply : json_null());
	fz_case_receipt_json(ctx, case_id, o);
	json_t *tl = fz_case_public_timeline(ctx, case_id, public_steps,
					     sizeof public_steps / sizeof public_steps[0]);
	json_array_foreach (tl, i, k)
		json_object_del(k, "input");
	json_object_set_new(o, "timeline", tl);
	*out = o;
	return FZ_OK;
}

/* ---- the published outcomes (portal) --------------------------------------------------- */

/* 张** / 青山县某某公司 → 青山*****: the first character, the rest masked. */
static const char *mask(struct fz_ctx *ctx, const char *name, bool org)
{
	if (!name || !*name)
		return "";
	size_t chars = fz_utf8_chars(name), keep = org && chars > 4 ? 2 : 1, bytes = 0;
	for (size_t n = 0; name[bytes] && n < keep; n++) {
		bytes++;
		while ((name[bytes] & 0xC0) == 0x80)
			bytes++;
	}
	size_t stars = chars > keep ? chars - keep : 1;
	if (stars > 4)
		stars = 4;
	return fz_arena_printf(ctx->arena, "%.*s%.*s", (int)bytes, name, (int)stars, "****");
}

static json_t *public_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = json_object();
	fz_json_set_str(o, "number", fz_col_text(st, 0));
	bool org = fz_col_text(st, 2) && strcmp(fz_col_text(st, 2), "organisation") == 0;
	fz_json_set_str(o, "applicant", mask(ctx, fz_col_text(st, 1), org));
	fz_json_set_str(o, "applicant_type_label",
			fz_option_label(fz_norm_applicant_types, fz_col_text(st, 2)));
	fz_json_set_str(o, "doc_title", fz_col_text(st, 3));
	if (!fz_col_null(st, 4))
		json_object_set_new(o, "doc_id", json_integer(fz_col_int(st, 4)));
	fz_json_set_str(o, "content", fz_col_text(st, 5));
	fz_json_set_str(o, "outcome", fz_col_text(st, 6));
	fz_json_set_str(o, "outcome_label",
			fz_option_label(fz_norm_objection_outcomes, fz_col_text(st, 6)));
	fz_json_set_str(o, "reply", fz_col_text(st, 7));
	fz_json_set_str(o, "received_on", fz_col_text(st, 8));
	fz_json_set_str(o, "replied_on", fz_col_text(st, 9));
	fz_json_set_str(o, "published_on", fz_col_text(st, 10));
	return o;
}

static const char *const public_like[] = {"o.doc_title", "o.content", "o.reply", NULL};

static const struct fz_list_filter public_filters[] = {
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = public_like},
    {.param = "doc_id", .label = "规范性文件", .kind = FZ_LF_ID, .sql = "o.doc_id = ?"},
    {.param = NULL},
};

const struct fz_list fz_norm_objections_public_list = {
    .name = "审查建议办理结果",
    .select = "c.number, o.applicant, o.applicant_type, o.doc_title, o.doc_id, o.content,"
	      " o.outcome, o.reply, c.received_on, o.replied_on, o.published_on",
    .from = "norm_objection o JOIN case_record c ON c.case_id = o.case_id",
    .count_from = "norm_objection o",
    .where = "o.published_on IS NOT NULL",
    .filters = public_filters,
    .order = "o.published_on DESC, o.case_id DESC",
    .per_page = 10,
    .per_page_max = 50,
    .row = public_row,
};

/* ---- the staff list (the office's work and the figures' drill-down) ------------------- */

static json_t *staff_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	fz_json_set_str(o, "doc_title", fz_col_text(st, 13));
	fz_json_set_str(o, "applicant", fz_col_text(st, 14));
	const char *out = opt(st, 15);
	fz_json_set_str(o, "outcome", out);
	fz_json_set_str(o, "outcome_label",
			out ? fz_option_label(fz_norm_objection_outcomes, out) : NULL);
	fz_json_set_str(o, "replied_on", opt(st, 16));
	fz_json_set_str(o, "published_on", opt(st, 17));
	return o;
}

static const char *const staff_like[] = {"c.number", "o.doc_title", "o.applicant", "o.content",
					 NULL};

static const struct fz_list_filter staff_filters[] = {
    {.param = "year", .label = "收到年度", .kind = FZ_LF_YEAR, .sql = "c.received_on"},
    {.param = "replied_year", .label = "答复年度", .kind = FZ_LF_YEAR, .sql = "o.replied_on"},
    {.param = "state",
     .label = "状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_norm_objection_type},
    {.param = "outcome",
     .label = "审查结果",
     .kind = FZ_LF_OPTION,
     .sql = "o.outcome = ?",
     .options = fz_norm_objection_outcomes},
    {.param = "agency_id", .label = "办理单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = staff_like},
    {.param = NULL},
};

static const struct fz_list_sort staff_sorts[] = {
    {.name = "received_on", .expr = "c.received_on"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col staff_cols[] = {
    {.key = "number", .header = "编号", .width = 20},
    {.key = "doc_title", .header = "所涉规范性文件", .width = 40},
    {.key = "applicant", .header = "建议人", .width = 20},
    {.key = "received_on", .header = "收到日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "state_label", .header = "状态", .width = 12},
    {.key = "outcome_label", .header = "审查结果", .width = 18},
    {.key = "replied_on", .header = "答复日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = NULL},
};

const struct fz_list fz_norm_objections_list = {
    .name = "规范性文件审查建议",
    .select =
	FZ_CASE_ROW_COLS ", o.doc_title, o.applicant, o.outcome, o.replied_on, o.published_on",
    .from = "case_record c JOIN norm_objection o ON o.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .where = "c.case_type = 'norm_objection'",
    .scope = "c.agency_id",
    .filters = staff_filters,
    .sorts = staff_sorts,
    .sort_default = "-received_on",
    .tiebreak = "c.case_id",
    .row = staff_row,
    .columns = staff_cols,
};
