/*
 * legal_matter.c - a legal matter (涉法事务) referred to the legal office by
 * an agency or by the county government: its registration, the domain half of
 * its steps (assignment to a member of the office, the head's extension,
 * the answer), the opinion letter and its list.
 *
 * The answer issues the legal opinion letter (法律意见书) as Word inside the
 * step's transaction: the office's next number of the answer's year (its
 * short name and 法意, as 青司法意〔2026〕5号, drawn once from number_seq and
 * never reused), stored as an attachment of the matter, so it is downloaded
 * like any file of the case and linked into the hash-chained record.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/numbering.h"
#include "modules/legal/legal_int.h"
#include "platform/attachments.h"
#include "platform/documents.h"
#include "platform/jsonx.h"
#include "platform/settings.h"

#define LETTER_CODE "法意"
#define DOCX	    "application/vnd.openxmlformats-officedocument.wordprocessingml.document"

const struct fz_input fz_legal_matter_inputs[] = {
    {.name = "title", .label = "事项名称", .type = FZ_IN_TEXT, .required = true, .max_chars = 100},
    {.name = "kind",
     .label = "事项类别",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_legal_matter_kinds},
    {.name = "question",
     .label = "需要法律意见的问题",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 10000},
    {.name = "background", .label = "基本情况", .type = FZ_IN_TEXTAREA, .max_chars = 10000},
    {.name = "agency_id", .label = "提请单位", .type = FZ_IN_AGENCY},
    {.name = "received_on", .label = "收到日期", .type = FZ_IN_DATE},
    {.name = NULL},
};

static int64_t int_of(json_t *in, const char *key)
{
	return (int64_t)json_integer_value(json_object_get(in, key));
}

enum fz_code fz_legal_matter_create(struct fz_ctx *ctx, json_t *in, struct fz_case_row *out,
				    struct fz_err *err)
{
	int64_t agency = int_of(in, "agency_id");
	if (!agency)
		agency = ctx->user ? ctx->user->agency_id : 0;
	if (!fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_EFORBIDDEN, "agency_id", "只能提请本单位的涉法事务");
	int received = ctx->today;
	const char *r = fz_json_str(in, "received_on");
	if (r && fz_date_parse(r, &received))
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "收到日期无效");
	if (received > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on", "收到日期不能晚于今天");
	if (received < ctx->today - 30)
		return fz_err_set(err, FZ_EBAD_DATE, "received_on",
				  "收到日期不能早于 30 日前：请在收到当日登记");
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_case_new n = {.case_type = FZ_LEGAL_MATTER,
				.agency_id = agency,
				.title = fz_json_str(in, "title"),
				.body = fz_json_str(in, "question"),
				.received_on = received,
				.input = fz_json_text(ctx->arena, in, NULL)};
	if ((rc = fz_case_create(ctx, &n, out, err)))
		goto fail;
	char now[21];
	fz_iso_utc(ctx->now, now);
	rc = fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"INSERT INTO legal_matter(case_id, kind, question, background,"
			" created_at) VALUES (?, ?, ?, ?, ?)",
			"ittt"
			"t",
			out->case_id, fz_json_str(in, "kind"), fz_json_str(in, "question"),
			fz_json_str(in, "background"), now),
	    err);
	if (rc)
		goto fail;
	return fz_db_commit(ctx->db, err);
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* ---- the opinion letter ---------------------------------------------------------------------- */

struct office {
	int64_t agency_id;
	char name[128], short_name[64];
};

static enum fz_code legal_office(struct fz_ctx *ctx, struct office *o, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT agency_id, name, short_name FROM agency WHERE kind = 'legal_office'"
			" AND active = 1 ORDER BY agency_id LIMIT 1",
			"");
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		o->agency_id = fz_col_int(st, 0);
		snprintf(o->name, sizeof o->name, "%s", fz_col_text(st, 1));
		snprintf(o->short_name, sizeof o->short_name, "%s",
			 fz_col_text(st, 2) ? fz_col_text(st, 2) : "");
	}
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "单位名录中没有法制机构，无法为法律意见书编号，请管理员先登记");
	return FZ_OK;
}

static enum fz_code draw_number(struct fz_ctx *ctx, const struct office *o, int year,
				char number[64], int64_t *serial, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "INSERT INTO number_seq(agency_id, code, year, last_no) VALUES (?, ?, ?, 1)"
	    " ON CONFLICT (agency_id, code, year) DO UPDATE SET last_no = number_seq.last_no + 1"
	    " RETURNING last_no",
	    "itI", o->agency_id, LETTER_CODE, year);
	if (!st)
		return err->code;
	*serial = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	if (!fz_number_format(number, 64, o->short_name, LETTER_CODE, year, (long)*serial))
		return fz_err_set(err, FZ_EINTERNAL, NULL, "法律意见书文号生成失败");
	return FZ_OK;
}

struct matter {
	const char *kind, *question, *background, *agency, *received_on;
	int64_t handler;
};

static enum fz_code load(struct fz_ctx *ctx, int64_t case_id, struct matter *m, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT m.kind, m.question, COALESCE(m.background, ''), a.name, c.received_on,"
	    " COALESCE(m.handler_id, 0)"
	    " FROM legal_matter m JOIN case_record c ON c.case_id = m.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id WHERE m.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	if (found) {
		struct fz_arena *a = ctx->arena;
		*m = (struct matter){.kind = fz_arena_strdup(a, fz_col_text(st, 0)),
				     .question = fz_arena_strdup(a, fz_col_text(st, 1)),
				     .background = fz_arena_strdup(a, fz_col_text(st, 2)),
				     .agency = fz_arena_strdup(a, fz_col_text(st, 3)),
				     .received_on = fz_arena_strdup(a, fz_col_text(st, 4)),
				     .handler = fz_col_int(st, 5)};
	}
	fz_stmt_done(st);
	return found ? FZ_OK : fz_err_set(err, FZ_EINTERNAL, NULL, "涉法事务记录缺失");
}

static const char *cn_date(struct fz_ctx *ctx, int day)
{
	char buf[32];
	fz_date_chinese(day, buf);
	return fz_arena_strdup(ctx->arena, buf);
}

static enum fz_code issue_letter(struct fz_ctx *ctx, struct fz_case_row *c, const struct matter *m,
				 json_t *in, char number[64], int64_t *attachment, int64_t *serial,
				 struct fz_err *err)
{
	struct office o;
	enum fz_code rc = legal_office(ctx, &o, err);
	int y, mo, d;
	fz_date_to_ymd(ctx->today, &y, &mo, &d);
	if (!rc)
		rc = draw_number(ctx, &o, y, number, serial, err);
	if (rc)
		return rc;
	struct fz_docx *doc = fz_docx_new();
	if (!doc)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	int received = ctx->today;
	fz_date_parse(m->received_on, &received);
	fz_docx_para(doc, FZ_P_TITLE, "法律意见书");
	fz_docx_para(doc, FZ_P_SUBTITLE, number);
	fz_docx_para(doc, FZ_P_PLAIN, fz_arena_printf(ctx->arena, "%s：", m->agency));
	fz_docx_para(
	    doc, FZ_P_BODY,
	    fz_arena_printf(ctx->arena,
			    "你单位于%s提请的“%s”（%s，编号 %s）收悉。经研究，现提出法律意见如下：",
			    cn_date(ctx, received), c->title,
			    fz_option_label(fz_legal_matter_kinds, m->kind), c->number));
	fz_docx_para(doc, FZ_P_HEADING, "一、提请事项");
	fz_docx_para(doc, FZ_P_BODY, m->question);
	if (m->background[0]) {
		fz_docx_para(doc, FZ_P_HEADING, "二、基本情况");
		fz_docx_para(doc, FZ_P_BODY, m->background);
	}
	fz_docx_para(doc, FZ_P_HEADING, m->background[0] ? "三、法律意见" : "二、法律意见");
	fz_docx_para(doc, FZ_P_BODY, fz_json_str(in, "opinion"));
	const char *basis = fz_json_str(in, "basis");
	if (basis && basis[0]) {
		fz_docx_para(doc, FZ_P_HEADING, m->background[0] ? "四、法律依据" : "三、法律依据");
		fz_docx_para(doc, FZ_P_BODY, basis);
	}
	fz_docx_para(doc, FZ_P_BODY, "以上意见供参考。");
	fz_docx_para(doc, FZ_P_PLAIN, "");
	if (ctx->user)
		fz_docx_para(doc, FZ_P_RIGHT,
			     fz_arena_printf(ctx->arena, "承办人：%s", ctx->user->display_name));
	fz_docx_para(doc, FZ_P_RIGHT, o.name);
	fz_docx_para(doc, FZ_P_RIGHT, cn_date(ctx, ctx->today));
	char *data = NULL;
	size_t len = 0;
	rc = fz_docx_finish(doc, &data, &len, err);
	fz_docx_free(doc);
	if (rc)
		return rc;
	json_t *att = NULL;
	rc = fz_attachment_store(ctx, c->case_id,
				 fz_arena_printf(ctx->arena, "法律意见书（%s）.docx", number), DOCX,
				 data, len, &att, err);
	free(data);
	if (rc)
		return rc;
	*attachment = (int64_t)json_integer_value(json_object_get(att, "attachment_id"));
	json_decref(att);
	return FZ_OK;
}

/* ---- the steps ----------------------------------------------------------------------------------
 */

static enum fz_code assign(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			   struct fz_err *err)
{
	int64_t handler = int_of(in, "handler_id");
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT 1 FROM app_user WHERE user_id = ? AND disabled = 0"
					 " AND role IN ('legal_staff', 'legal_head')",
					 "i", handler);
	if (!st)
		return err->code;
	bool ok = fz_stmt_row(st);
	fz_stmt_done(st);
	if (!ok)
		return fz_err_set(err, FZ_EBAD_VALUE, "handler_id",
				  "承办人员应当是在岗的法制机构工作人员");
	return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE legal_matter SET handler_id = ? WHERE case_id = ?",
					"ii", handler, c->case_id),
			    err);
}

static enum fz_code extend(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			   struct fz_err *err)
{
	long most = fz_setting_int(ctx->db, "legal.matter_extend_days", 10);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err, "SELECT extended_days FROM legal_matter WHERE case_id = ?",
			"i", c->case_id);
	if (!st)
		return err->code;
	int64_t done = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	int64_t add = int_of(in, "days");
	if (done + add > most)
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "days",
		    "涉法事务办理期限累计最多延长 %ld 个工作日（设置项“涉法事务最长延长期限”），"
		    "已延长 %lld 个工作日",
		    most, (long long)done);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
					"UPDATE legal_matter SET extended_days = extended_days + ?"
					" WHERE case_id = ?",
					"ii", add, c->case_id),
			    err);
}

static enum fz_code answer(struct fz_ctx *ctx, struct fz_case_row *c, json_t *in,
			   struct fz_err *err)
{
	struct matter m = {0};
	enum fz_code rc = load(ctx, c->case_id, &m, err);
	if (rc)
		return rc;
	if (ctx->user && ctx->user->role != FZ_ROLE_LEGAL_HEAD && ctx->user->user_id != m.handler)
		return fz_err_set(err, FZ_EFORBIDDEN, NULL,
				  "只有分办的承办人员或者法制机构负责人可以出具法律意见");
	/* On time: answered on or before the handling clock's due day (extensions included). */
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT due_date FROM case_clock WHERE case_id = ? AND name = 'handle'",
	    "i", c->case_id);
	if (!st)
		return err->code;
	char due[11] = "";
	if (fz_stmt_row(st) && !fz_col_null(st, 0))
		snprintf(due, sizeof due, "%s", fz_col_text(st, 0));
	fz_stmt_done(st);
	char today[11];
	fz_date_format(ctx->today, today);
	bool on_time = !due[0] || strcmp(today, due) <= 0;
	char number[64];
	int64_t attachment = 0, serial = 0;
	if ((rc = issue_letter(ctx, c, &m, in, number, &attachment, &serial, err)))
		return rc;
	int y, mo, d;
	fz_date_to_ymd(ctx->today, &y, &mo, &d);
	return fz_stmt_exec(
	    fz_db_query(ctx->db, err,
			"UPDATE legal_matter SET opinion = ?, basis = ?, answered_on = ?,"
			" on_time = ?, letter_number = ?, letter_year = ?, letter_seq = ?,"
			" letter_attachment_id = ? WHERE case_id = ?",
			"tttItIiii", fz_json_str(in, "opinion"), fz_json_str(in, "basis"), today,
			on_time ? 1 : 0, number, y, serial, attachment, c->case_id),
	    err);
}

enum fz_code fz_legal_matter_apply(struct fz_ctx *ctx, struct fz_case_row *c,
				   const struct fz_transition *tr, json_t *input,
				   struct fz_err *err)
{
	if (strcmp(tr->name, "assign") == 0)
		return assign(ctx, c, input, err);
	if (strcmp(tr->name, "extend") == 0)
		return extend(ctx, c, input, err);
	if (strcmp(tr->name, "answer") == 0)
		return answer(ctx, c, input, err);
	return FZ_OK;
}

/* ---- fields, handlers, list
 * ----------------------------------------------------------------------- */

static void set_text(json_t *o, const char *key, struct fz_stmt *st, int col)
{
	if (!fz_col_null(st, col))
		fz_json_set_str(o, key, fz_col_text(st, col));
}

enum fz_code fz_legal_matter_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				    struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT m.kind, m.question, m.background, m.handler_id, u.display_name,"
	    " m.extended_days, m.opinion, m.basis, m.answered_on, m.on_time, m.letter_number,"
	    " m.letter_attachment_id"
	    " FROM legal_matter m LEFT JOIN app_user u ON u.user_id = m.handler_id"
	    " WHERE m.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (fz_stmt_row(st)) {
		const char *kind = fz_col_text(st, 0);
		fz_json_set_str(obj, "kind", kind);
		fz_json_set_str(obj, "kind_label", fz_option_label(fz_legal_matter_kinds, kind));
		set_text(obj, "question", st, 1);
		set_text(obj, "background", st, 2);
		if (!fz_col_null(st, 3))
			json_object_set_new(obj, "handler_id", json_integer(fz_col_int(st, 3)));
		/* May the caller answer it: the assigned handler or the office head. */
		bool mine =
		    ctx->user && !fz_col_null(st, 3) && ctx->user->user_id == fz_col_int(st, 3);
		json_object_set_new(
		    obj, "answerable",
		    json_boolean(ctx->user && (mine || ctx->user->role == FZ_ROLE_LEGAL_HEAD)));
		set_text(obj, "handler_name", st, 4);
		json_object_set_new(obj, "extended_days", json_integer(fz_col_int(st, 5)));
		set_text(obj, "opinion", st, 6);
		set_text(obj, "basis", st, 7);
		set_text(obj, "answered_on", st, 8);
		if (!fz_col_null(st, 9))
			json_object_set_new(obj, "on_time", json_boolean(fz_col_int(st, 9)));
		set_text(obj, "letter_number", st, 10);
		if (!fz_col_null(st, 11))
			json_object_set_new(obj, "letter_attachment_id",
					    json_integer(fz_col_int(st, 11)));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	json_object_set_new(obj, "matter_extend_days",
			    json_integer(fz_setting_int(ctx->db, "legal.matter_extend_days", 10)));
	return failed ? err->code : FZ_OK;
}

enum fz_code fz_legal_handlers_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT u.user_id, u.display_name, u.role,"
	    " (SELECT COUNT(*) FROM legal_matter m JOIN case_record c ON c.case_id = m.case_id"
	    "  WHERE m.handler_id = u.user_id AND c.state = 'handling')"
	    " FROM app_user u WHERE u.disabled = 0 AND u.role IN ('legal_staff', 'legal_head')"
	    " ORDER BY CASE WHEN u.role = 'legal_staff' THEN 0 ELSE 1 END, u.user_id LIMIT 200",
	    "");
	if (!st)
		return err->code;
	json_t *a = json_array();
	while (fz_stmt_row(st)) {
		enum fz_role role = fz_role_parse(fz_col_text(st, 2));
		json_array_append_new(a, json_pack("{s:I, s:s, s:s, s:s, s:I}", "user_id",
						   (json_int_t)fz_col_int(st, 0), "name",
						   fz_col_text(st, 1), "role", fz_col_text(st, 2),
						   "role_label", role ? fz_role_label(role) : "",
						   "open_matters", (json_int_t)fz_col_int(st, 3)));
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(a);
		return err->code;
	}
	*out = json_pack("{s:o}", "handlers", a);
	return FZ_OK;
}

static json_t *matter_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)arg;
	json_t *o = fz_case_row_json(ctx, st);
	const char *kind = fz_col_text(st, 13);
	fz_json_set_str(o, "kind", kind);
	fz_json_set_str(o, "kind_label", fz_option_label(fz_legal_matter_kinds, kind));
	if (!fz_col_null(st, 14))
		json_object_set_new(o, "handler_id", json_integer(fz_col_int(st, 14)));
	set_text(o, "handler_name", st, 15);
	set_text(o, "answered_on", st, 16);
	if (!fz_col_null(st, 17))
		json_object_set_new(o, "on_time", json_boolean(fz_col_int(st, 17)));
	set_text(o, "letter_number", st, 18);
	json_object_set_new(o, "extended_days", json_integer(fz_col_int(st, 19)));
	return o;
}

static const char *const matter_like[] = {"c.number", "c.title", "m.letter_number", NULL};

static const struct fz_list_filter matter_filters[] = {
    {.param = "year", .label = "收到年度", .kind = FZ_LF_YEAR, .sql = "c.received_on"},
    {.param = "answered_year", .label = "办结年度", .kind = FZ_LF_YEAR, .sql = "m.answered_on"},
    {.param = "on_time", .label = "按期办结", .kind = FZ_LF_FLAG, .sql = "m.on_time = 1"},
    {.param = "agency_id", .label = "提请单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = "state",
     .label = "状态",
     .kind = FZ_LF_STATE,
     .sql = "c.state = ?",
     .type = &fz_legal_matter_type},
    {.param = "kind",
     .label = "事项类别",
     .kind = FZ_LF_OPTION,
     .sql = "m.kind = ?",
     .options = fz_legal_matter_kinds,
     .labels_too = true},
    {.param = "handler_id", .label = "承办人员", .kind = FZ_LF_ID, .sql = "m.handler_id = ?"},
    {.param = "clock_status", .label = "时限状态", .kind = FZ_LF_CLOCK, .sql = "c.due_date"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = matter_like},
    {.param = NULL},
};

static const struct fz_list_sort matter_sorts[] = {
    {.name = "created_at", .expr = "c.case_id"},
    {.name = "received_on", .expr = "c.received_on"},
    {.name = "due_date", .expr = "c.due_date", .nulls_last = true},
    {.name = "answered_on", .expr = "m.answered_on", .nulls_last = true},
    {.name = NULL},
};

static const struct fz_list_col matter_cols[] = {
    {.key = "number", .header = "登记编号", .width = 20},
    {.key = "title", .header = "事项名称", .width = 40},
    {.key = "kind_label", .header = "事项类别", .width = 14},
    {.key = "agency_name", .header = "提请单位", .width = 24},
    {.key = "received_on", .header = "收到日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "state_label", .header = "状态", .width = 14},
    {.key = "handler_name", .header = "承办人员", .width = 10},
    {.key = "due_date", .header = "办理期限", .kind = FZ_LC_DATE, .width = 12},
    {.key = "answered_on", .header = "出具意见日期", .kind = FZ_LC_DATE, .width = 12},
    {.key = "on_time", .header = "按期", .kind = FZ_LC_BOOL, .width = 6},
    {.key = "letter_number", .header = "法律意见书文号", .width = 22},
    {.key = NULL},
};

const struct fz_list fz_legal_matters_list = {
    .name = "涉法事务",
    .select = FZ_CASE_ROW_COLS ", m.kind, m.handler_id, u.display_name, m.answered_on, m.on_time,"
			       " m.letter_number, m.extended_days",
    .from = "case_record c JOIN legal_matter m ON m.case_id = c.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN app_user u ON u.user_id = m.handler_id",
    .scope = "c.agency_id",
    .filters = matter_filters,
    .sorts = matter_sorts,
    .sort_default = "-created_at",
    .tiebreak = "c.case_id",
    .row = matter_row,
    .columns = matter_cols,
};
