/*
 * disclosure_report.c - the annual information-disclosure report
 * (政府信息公开工作年度报告, 国办公开办函〔2021〕30号 layout; 条例 第49-50条),
 * counted from the records.
 *
 * Table 三's detail rows are counted by outcome; its group rows, 三（七）,
 * 一, 二 and 四 are counted by separate queries, so the template's printed
 * checks (一 + 二 = 三（七） + 四; each group = the sum of its rows) test the
 * records rather than the arithmetic. A mismatch blocks publication.
 * Tables 二 and 四 count other modules' records: they are those modules'
 * named figures (platform/figures.h), read by name.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/disclosure/disclosure_int.h"
#include "platform/audit.h"
#include "platform/figures.h"
#include "platform/jsonx.h"
#include "platform/module.h"

static void range(int year, char lo[11], char hi[11])
{
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
}

/* Runs one counting query (grouped by applicant type, and optionally a key) into row r. */
static enum fz_code count_into(struct fz_ctx *ctx, struct fz_disc_table3 *t, int fixed_row,
			       const char *sql, const char *lo, const char *hi, int64_t agency,
			       struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "ttii", lo, hi, agency, agency);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		int col = fz_disc_column(fz_col_text(st, 0));
		int row = fixed_row >= 0 ? fixed_row : fz_disc_row_of(fz_col_text(st, 1));
		if (col >= 0 && row >= 0)
			t->v[row][col] += (long)fz_col_int(st, 2);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

/* Every query takes (?1 year start, ?2 year end, ?3/?4 agency or 0). */
#define REQ " FROM disclosure_request r JOIN case_record c ON c.case_id = r.case_id WHERE (?3 = 0 OR c.agency_id = ?4) AND"

static enum fz_code table3(struct fz_ctx *ctx, int year, int64_t agency, struct fz_disc_table3 *t,
			   struct fz_err *err)
{
	char lo[11], hi[11];
	range(year, lo, hi);
	memset(t, 0, sizeof *t);
	static const struct {
		int row;
		const char *sql;
	} q[] = {
		{FZ_ROW_RECEIVED, "SELECT r.applicant_type, NULL, COUNT(*)" REQ
				  " c.received_on >= ?1 AND c.received_on <= ?2 GROUP BY 1"},
		{FZ_ROW_CARRIED_IN, "SELECT r.applicant_type, NULL, COUNT(*)" REQ
				    " c.received_on < ?1 AND (c.closed_on IS NULL OR c.closed_on >= ?1)"
				    " GROUP BY 1"},
		{-1, "SELECT r.applicant_type, r.report_row, COUNT(*)" REQ
		     " c.closed_on >= ?1 AND c.closed_on <= ?2 GROUP BY 1, 2"},
		{-1, "SELECT r.applicant_type, CASE"
		     " WHEN r.report_row LIKE 'withhold.%' THEN 'withhold'"
		     " WHEN r.report_row LIKE 'unable.%' THEN 'unable'"
		     " WHEN r.report_row LIKE 'refuse.%' THEN 'refuse'"
		     " WHEN r.report_row LIKE 'other.%' THEN 'other' END, COUNT(*)" REQ
		     " c.closed_on >= ?1 AND c.closed_on <= ?2 GROUP BY 1, 2"},
		{FZ_ROW_TOTAL, "SELECT r.applicant_type, NULL, COUNT(*)" REQ
			       " c.closed_on >= ?1 AND c.closed_on <= ?2 GROUP BY 1"},
		{FZ_ROW_CARRIED_OUT, "SELECT r.applicant_type, NULL, COUNT(*)" REQ
				     " c.received_on <= ?2 AND (c.closed_on IS NULL OR c.closed_on > ?2)"
				     " GROUP BY 1"},
	};
	for (size_t i = 0; i < sizeof q / sizeof q[0]; i++) {
		enum fz_code rc = count_into(ctx, t, q[i].row, q[i].sql, lo, hi, agency, err);
		if (rc)
			return rc;
	}
	fz_disc_table3_sum_columns(t);
	return FZ_OK;
}

static json_t *table3_json(const struct fz_disc_table3 *t)
{
	json_t *cols = json_array();
	for (int c = 0; fz_disc_applicant_types[c].value; c++)
		json_array_append_new(cols, json_string(c == 0 ? "自然人" : fz_disc_applicant_types[c].label));
	json_array_append_new(cols, json_string("总计"));
	/*
	 * The template's order (国办公开办函〔2021〕30号): each group's line first,
	 * then its numbered items, as the form prints them.
	 */
	static const enum fz_disc_row order[FZ_ROW_COUNT] = {
		FZ_ROW_RECEIVED, FZ_ROW_CARRIED_IN, FZ_ROW_DISCLOSE, FZ_ROW_PARTIAL,
		FZ_ROW_WITHHOLD, FZ_ROW_W1, FZ_ROW_W2, FZ_ROW_W3, FZ_ROW_W4, FZ_ROW_W5, FZ_ROW_W6,
		FZ_ROW_W7, FZ_ROW_W8, FZ_ROW_UNABLE, FZ_ROW_U1, FZ_ROW_U2, FZ_ROW_U3,
		FZ_ROW_REFUSE, FZ_ROW_R1, FZ_ROW_R2, FZ_ROW_R3, FZ_ROW_R4, FZ_ROW_R5,
		FZ_ROW_OTHER, FZ_ROW_O1, FZ_ROW_O2, FZ_ROW_O3, FZ_ROW_TOTAL, FZ_ROW_CARRIED_OUT,
	};
	json_t *rows = json_array();
	for (int i = 0; i < FZ_ROW_COUNT; i++) {
		int r = order[i];
		json_t *vals = json_array();
		for (int c = 0; c < FZ_DISC_COLUMNS; c++)
			json_array_append_new(vals, json_integer(t->v[r][c]));
		json_array_append_new(rows, json_pack("{s:s, s:s, s:i, s:o}", "key", fz_disc_rows[r].key,
						      "label", fz_disc_rows[r].label, "indent",
						      fz_disc_rows[r].indent, "values", vals));
	}
	return json_pack("{s:s, s:[s, s], s:o, s:o}", "title", "三、收到和处理政府信息公开申请情况",
			 "column_groups", "自然人", "法人或其他组织（商业企业、科研机构、社会公益组织、法律服务机构、其他）",
			 "columns", cols, "rows", rows);
}

/*
 * A figure another module publishes, or 0 when no installed module declares
 * it (*missing then set). A figure that fails to count is an error, not a 0.
 */
static enum fz_code figure_or_zero(struct fz_ctx *ctx, const char *name, int year, int64_t agency,
				   long *value, bool *missing, struct fz_err *err)
{
	*value = 0;
	if (!fz_figure_find(name, NULL)) {
		*missing = true;
		return FZ_OK;
	}
	return fz_figure_value(ctx, name, year, agency, value, err);
}

/*
 * Table 二 (条例 第20条): what other modules count - normative documents,
 * licensing, penalty and coercion decisions, fees - read by figure name. A
 * row whose module is not installed shows 0 and is named in the note.
 */
static const struct {
	const char *block;
	const char *columns[4]; /* after 信息内容 */
	struct {
		const char *label, *module; /* module: the word the note names when absent */
		const char *figures[3];
	} rows[2];
} table2_blocks[] = {
	{"第二十条第（一）项", {"本年制发件数", "本年废止件数", "现行有效件数"},
	 /* 规章 are made by the governments of cities with districts (立法法), not by a county's module. */
	 {{"规章", "规章", {"normdocs.rules.issued", "normdocs.rules.repealed", "normdocs.rules.in_force"}},
	  {"行政规范性文件", "规范性文件",
	   {"normative.documents.issued", "normative.documents.repealed", "normative.documents.in_force"}}}},
	{"第二十条第（五）项", {"本年处理决定数量"}, {{"行政许可", "行政许可", {"enforcement.licences.count"}}}},
	{"第二十条第（六）项", {"本年处理决定数量"},
	 {{"行政处罚", "行政处罚", {"enforcement.penalties.decided"}},
	  {"行政强制", "行政强制", {"enforcement.coercions.count"}}}},
	/* The form asks for 万元; the figure counts 元. */
	{"第二十条第（八）项", {"本年收费金额（单位：万元）"}, {{"行政事业性收费", "收费", {"fees.charges.amount"}}}},
};

static enum fz_code table2_json(struct fz_ctx *ctx, int year, int64_t agency, json_t **out,
				struct fz_err *err)
{
	json_t *blocks = json_array();
	const char *absent = NULL;
	size_t nb = sizeof table2_blocks / sizeof table2_blocks[0];
	for (size_t b = 0; b < nb; b++) {
		json_t *cols = json_pack("[s]", "信息内容"), *rows = json_array();
		for (int k = 0; k < 3 && table2_blocks[b].columns[k]; k++)
			json_array_append_new(cols, json_string(table2_blocks[b].columns[k]));
		for (int r = 0; r < 2 && table2_blocks[b].rows[r].label; r++) {
			json_t *row = json_pack("[s]", table2_blocks[b].rows[r].label);
			bool missing = false;
			for (int k = 0; k < 3 && table2_blocks[b].rows[r].figures[k]; k++) {
				long v;
				if (figure_or_zero(ctx, table2_blocks[b].rows[r].figures[k], year, agency, &v,
						   &missing, err)) {
					json_decref(row);
					json_decref(rows);
					json_decref(cols);
					json_decref(blocks);
					return err->code;
				}
				json_array_append_new(row, b + 1 == nb ? json_real((double)v / 10000.0)
								       : json_integer(v));
			}
			json_array_append_new(rows, row);
			/* One word per module, once, in the table's order. */
			const char *word = table2_blocks[b].rows[r].module;
			if (missing && !(absent && strstr(absent, word)))
				absent = absent ? fz_arena_printf(ctx->arena, "%s、%s", absent, word) : word;
		}
		json_array_append_new(blocks, json_pack("{s:s, s:o, s:o}", "block", table2_blocks[b].block,
							"columns", cols, "rows", rows));
	}
	*out = json_pack("{s:s, s:o, s:s?}", "title", "二、主动公开政府信息情况", "blocks", blocks, "note",
			 absent ? fz_arena_printf(ctx->arena, "相关业务模块（%s）尚未启用，暂填 0", absent)
				: NULL);
	return FZ_OK;
}

/*
 * Table 四 (政府信息公开行政复议、行政诉讼情况): fifteen figures the
 * reconsideration module publishes, read by name in the template's order.
 */
static const char *const table4_figures[15] = {
	"recon.disclosure.upheld", "recon.disclosure.corrected", "recon.disclosure.other",
	"recon.disclosure.pending", "recon.disclosure.total",
	"litigation.disclosure.direct.upheld", "litigation.disclosure.direct.corrected",
	"litigation.disclosure.direct.other", "litigation.disclosure.direct.pending",
	"litigation.disclosure.direct.total",
	"litigation.disclosure.after_recon.upheld", "litigation.disclosure.after_recon.corrected",
	"litigation.disclosure.after_recon.other", "litigation.disclosure.after_recon.pending",
	"litigation.disclosure.after_recon.total",
};

static enum fz_code table4_json(struct fz_ctx *ctx, int year, int64_t agency, json_t **out,
				struct fz_err *err)
{
	static const char *const groups[] = {"行政复议", "行政诉讼（未经复议直接起诉）",
					     "行政诉讼（复议后起诉）"};
	static const char *const five[] = {"结果维持", "结果纠正", "其他结果", "尚未审结", "总计"};
	json_t *cols = json_array(), *vals = json_array();
	bool missing = false;
	for (int g = 0; g < 3; g++)
		for (int k = 0; k < 5; k++) {
			long v;
			if (figure_or_zero(ctx, table4_figures[g * 5 + k], year, agency, &v, &missing, err)) {
				json_decref(cols);
				json_decref(vals);
				return err->code;
			}
			json_array_append_new(cols, json_sprintf("%s·%s", groups[g], five[k]));
			json_array_append_new(vals, json_integer(v));
		}
	*out = json_pack("{s:s, s:o, s:o, s:s?}", "title", "四、政府信息公开行政复议、行政诉讼情况",
			 "columns", cols, "values", vals, "note",
			 missing ? "行政复议、行政应诉模块尚未启用，暂填 0" : NULL);
	return FZ_OK;
}

enum fz_code fz_disc_report_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				 struct fz_err *err)
{
	/* The county-wide report is the county government's (e.g. 青山县人民政府). */
	char agency_name[128] = "本县人民政府";
	{
		struct fz_stmt *st = agency_id
			? fz_db_query(ctx->db, err, "SELECT name FROM agency WHERE agency_id = ?", "i",
				      agency_id)
			: fz_db_query(ctx->db, err,
				      "SELECT name FROM agency WHERE kind = 'county' ORDER BY agency_id LIMIT 1",
				      NULL);
		if (!st)
			return err->code;
		bool found = fz_stmt_row(st);
		if (found)
			snprintf(agency_name, sizeof agency_name, "%s", fz_col_text(st, 0));
		fz_stmt_done(st);
		if (!found && agency_id)
			return fz_err_set(err, FZ_EBAD_VALUE, "agency", "单位 %lld 不存在", (long long)agency_id);
	}
	struct fz_disc_table3 t;
	enum fz_code rc = table3(ctx, year, agency_id, &t, err);
	json_t *t2 = NULL, *t4 = NULL;
	if (rc || (rc = table2_json(ctx, year, agency_id, &t2, err)) ||
	    (rc = table4_json(ctx, year, agency_id, &t4, err))) {
		json_decref(t2);
		return rc;
	}
	struct fz_disc_check checks[64];
	size_t n;
	size_t fails = fz_disc_reconcile(&t, checks, 64, &n);
	json_t *cj = json_array();
	for (size_t i = 0; i < n; i++)
		if (!checks[i].ok)
			json_array_append_new(cj, json_pack("{s:s, s:i, s:I, s:I}", "rule", checks[i].rule,
							    "column", checks[i].column, "left",
							    (json_int_t)checks[i].left, "right",
							    (json_int_t)checks[i].right));

	/* Proactive disclosure and timeliness for section 一. */
	char lo[11], hi[11];
	range(year, lo, hi);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT COUNT(*), COALESCE(SUM(late), 0) FROM disclosure_item"
		" WHERE published_on >= ? AND published_on <= ? AND (? = 0 OR agency_id = ?)",
		"ttii", lo, hi, agency_id, agency_id);
	long items = 0, late_items = 0;
	if (st && fz_stmt_row(st)) {
		items = (long)fz_col_int(st, 0);
		late_items = (long)fz_col_int(st, 1);
	}
	fz_stmt_done(st);
	st = fz_db_query(ctx->db, err,
			 "SELECT COUNT(*), COALESCE(SUM(CASE WHEN k.stopped_on <= k.due_date THEN 1 ELSE 0 END), 0),"
			 " COALESCE(SUM(r.fee_amount * r.fee_paid), 0)"
			 " FROM disclosure_request r JOIN case_record c ON c.case_id = r.case_id"
			 " JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'reply'"
			 " WHERE c.closed_on >= ? AND c.closed_on <= ? AND (? = 0 OR c.agency_id = ?)"
			 " AND c.state = 'replied'",
			 "ttii", lo, hi, agency_id, agency_id);
	long replied = 0, on_time = 0, fees = 0;
	if (st && fz_stmt_row(st)) {
		replied = (long)fz_col_int(st, 0);
		on_time = (long)fz_col_int(st, 1);
		fees = (long)fz_col_int(st, 2);
	}
	fz_stmt_done(st);
	const long *v7 = t.v[FZ_ROW_TOTAL];
	char *overall = fz_arena_printf(
		ctx->arena,
		"%d年，%s认真贯彻落实《中华人民共和国政府信息公开条例》，坚持“以公开为常态、不公开为例外”，"
		"全年主动公开政府信息%ld条%s。全年新收政府信息公开申请%ld件，上年结转%ld件，办结%ld件"
		"（其中予以公开%ld件、部分公开%ld件、不予公开%ld件、无法提供%ld件、不予处理%ld件、其他处理%ld件），"
		"结转下年度继续办理%ld件；作出答复的申请中按期答复%ld件%s。",
		year, agency_name, items,
		late_items ? fz_arena_printf(ctx->arena, "（其中%ld条超过20个工作日公开，已督促整改）", late_items)
			   : "，均在信息形成之日起20个工作日内公开",
		t.v[FZ_ROW_RECEIVED][6], t.v[FZ_ROW_CARRIED_IN][6], v7[6], t.v[FZ_ROW_DISCLOSE][6],
		t.v[FZ_ROW_PARTIAL][6], t.v[FZ_ROW_WITHHOLD][6], t.v[FZ_ROW_UNABLE][6],
		t.v[FZ_ROW_REFUSE][6], t.v[FZ_ROW_OTHER][6], t.v[FZ_ROW_CARRIED_OUT][6], on_time,
		replied ? fz_arena_printf(ctx->arena, "，按期答复率%ld%%", (on_time * 100 + replied / 2) / replied)
			: "");
	char *other = fz_arena_printf(ctx->arena,
				      "本年度%s收取信息处理费%ld元。", agency_name, fees);

	/* Saved prose (staff edit sections 一, 五, 六), else the drafts. */
	json_t *saved = NULL, *as_published = NULL;
	char published_on[11] = "";
	st = fz_db_query(ctx->db, err,
			 "SELECT sections, published_on, published FROM disclosure_report"
			 " WHERE year = ? AND agency_id = ?",
			 "Ii", year, agency_id);
	if (st && fz_stmt_row(st)) {
		saved = json_loads(fz_col_text(st, 0), 0, NULL);
		if (fz_col_text(st, 1))
			snprintf(published_on, sizeof published_on, "%s", fz_col_text(st, 1));
		if (fz_col_text(st, 2))
			as_published = json_loads(fz_col_text(st, 2), 0, NULL);
	}
	fz_stmt_done(st);
	const char *s1 = saved ? fz_json_str(saved, "overall") : NULL;
	const char *s5 = saved ? fz_json_str(saved, "problems") : NULL;
	const char *s6 = saved ? fz_json_str(saved, "other") : NULL;
	json_t *sections = json_pack(
		"[{s:s, s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s}, {s:s, s:s, s:s},"
		" {s:s, s:s, s:s, s:s, s:s}, {s:s, s:s, s:s, s:s}]",
		"key", "overall", "title", "一、总体情况", "text", s1 ? s1 : overall, "draft", overall,
		"key", "table2", "title", "二、主动公开政府信息情况", "table", "table2", "key", "table3",
		"title", "三、收到和处理政府信息公开申请情况", "table", "table3", "key", "table4", "title",
		"四、政府信息公开行政复议、行政诉讼情况", "table", "table4", "key", "problems", "title",
		"五、存在的主要问题及改进情况", "text", s5 ? s5 : "", "draft", "", "placeholder",
		"请填写本年度政府信息公开工作存在的主要问题及改进措施（发布前必填）",
		"key", "other", "title", "六、其他需要报告的事项", "text", s6 ? s6 : other, "draft", other);
	json_decref(saved);
	*out = json_pack("{s:i, s:I, s:s, s:s, s:o, s:o, s:o, s:o, s:b, s:o, s:s?}", "year", year,
			 "agency_id", (json_int_t)agency_id, "agency_name", agency_name, "title",
			 fz_arena_printf(ctx->arena, "%s%d年政府信息公开工作年度报告", agency_name, year),
			 "sections", sections, "table2", t2, "table3", table3_json(&t), "table4", t4,
			 "reconciled", fails == 0,
			 "mismatches", cj, "published_on", published_on[0] ? published_on : NULL);
	/*
	 * Records closed after publication (a late reply, a lawsuit decided) move
	 * the figures; the published report does not move with them. Staff are told,
	 * so they can publish a corrected report.
	 */
	bool changed = false;
	static const char *const tables[] = {"table2", "table3", "table4"};
	for (size_t k = 0; as_published && k < 3; k++)
		changed |= !json_equal(json_object_get(*out, tables[k]),
				       json_object_get(as_published, tables[k]));
	json_object_set_new(*out, "changed_since_publish", json_boolean(changed));
	json_decref(as_published);
	return FZ_OK;
}

/* ---- named figures (platform/figures.h) ------------------------------------------- */

/* Table 三's row 一 总计: counted once, by the table. */
static enum fz_code requests_received(struct fz_ctx *ctx, int year, int64_t agency, long *value,
				      struct fz_err *err)
{
	struct fz_disc_table3 t;
	enum fz_code rc = table3(ctx, year, agency, &t, err);
	if (!rc)
		*value = t.v[FZ_ROW_RECEIVED][FZ_DISC_COLUMNS - 1];
	return rc;
}

const struct fz_figure fz_disc_figures[] = {
	{"disclosure.requests.received", "本年新收政府信息公开申请", "件", requests_received,
	 {"GET /api/cases", "type=disclosure&year={year}&agency_id={agency}"}},
	{NULL},
};

enum fz_code fz_disc_report_published(struct fz_ctx *ctx, int year, int64_t agency_id,
				      json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT published FROM disclosure_report WHERE year = ?"
					 " AND agency_id = ? AND published IS NOT NULL",
					 "Ii", year, agency_id);
	if (!st)
		return err->code;
	*out = fz_stmt_row(st) ? json_loads(fz_col_text(st, 0), 0, NULL) : NULL;
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	if (!*out)
		return fz_err_set(err, FZ_ENOT_FOUND, "year", "%d年度的政府信息公开工作年度报告尚未发布",
				  year);
	return FZ_OK;
}

/*
 * Order of the published list: newest year first, the county-wide report
 * (agency 0) first within its year, then by agency name in byte order.
 */
static int published_cmp(const void *a, const void *b)
{
	json_t *x = *(json_t *const *)a, *y = *(json_t *const *)b;
	json_int_t yx = json_integer_value(json_object_get(x, "year"));
	json_int_t yy = json_integer_value(json_object_get(y, "year"));
	if (yx != yy)
		return yx < yy ? 1 : -1;
	bool cx = json_integer_value(json_object_get(x, "agency_id")) == 0;
	bool cy = json_integer_value(json_object_get(y, "agency_id")) == 0;
	if (cx != cy)
		return cx ? -1 : 1;
	const char *nx = fz_json_str(x, "agency_name"), *ny = fz_json_str(y, "agency_name");
	return strcmp(nx ? nx : "", ny ? ny : "");
}

enum fz_code fz_disc_reports_published(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT year, agency_id, published, published_on"
					 " FROM disclosure_report WHERE published IS NOT NULL",
					 NULL);
	if (!st)
		return err->code;
	/* Agency name and title as published: read from the published report itself. */
	json_t *items = json_array();
	while (fz_stmt_row(st)) {
		json_t *pub = json_loads(fz_col_text(st, 2), 0, NULL);
		json_array_append_new(items, json_pack("{s:I, s:I, s:s, s:s, s:s}", "year",
						       (json_int_t)fz_col_int(st, 0), "agency_id",
						       (json_int_t)fz_col_int(st, 1), "agency_name",
						       fz_json_str(pub, "agency_name"), "title",
						       fz_json_str(pub, "title"), "published_on",
						       fz_col_text(st, 3)));
		json_decref(pub);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(items);
		return err->code;
	}
	size_t n = json_array_size(items);
	json_t **v = n ? fz_arena_alloc(ctx->arena, n * sizeof *v) : NULL;
	for (size_t i = 0; i < n; i++)
		v[i] = json_incref(json_array_get(items, i));
	if (n)
		qsort(v, n, sizeof *v, published_cmp);
	json_array_clear(items);
	for (size_t i = 0; i < n; i++)
		json_array_append_new(items, v[i]);
	*out = json_pack("{s:o}", "items", items);
	return FZ_OK;
}

enum fz_code fz_disc_report_save(struct fz_ctx *ctx, int year, int64_t agency_id, json_t *body,
				 bool publish, struct fz_err *err)
{
	json_t *report = NULL;
	enum fz_code rc = fz_disc_report_json(ctx, year, agency_id, &report, err);
	if (rc)
		return rc;
	if (publish && !json_is_true(json_object_get(report, "reconciled"))) {
		json_decref(report);
		return fz_err_set(err, FZ_ESTATE, "table3",
				  "表三数据不平衡（见 mismatches），须核对申请记录后才能发布");
	}
	/* Start from what is shown now (saved text or drafts), then apply the edits. */
	json_t *sections = json_object();
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(report, "sections"), i, s)
	{
		const char *key = fz_json_str(s, "key"), *text = fz_json_str(s, "text");
		if (text)
			json_object_set_new(sections, key, json_string(text));
	}
	static const char *const keys[] = {"overall", "problems", "other"};
	for (size_t k = 0; k < 3 && body; k++) {
		const char *v = fz_json_str(body, keys[k]);
		if (v)
			json_object_set_new(sections, keys[k], json_string(v));
	}
	json_decref(report);
	/* A published report has every section written: none is left blank. */
	static const char *const titles[] = {"一、总体情况", "五、存在的主要问题及改进情况",
					     "六、其他需要报告的事项"};
	for (size_t k = 0; k < 3 && publish; k++) {
		const char *v = fz_json_str(sections, keys[k]);
		while (v && (*v == ' ' || *v == '\n' || *v == '\t' || *v == '\r'))
			v++;
		if (!v || !*v) {
			json_decref(sections);
			return fz_err_set(err, FZ_EMISSING_FIELD, keys[k], "发布前须填写“%s”", titles[k]);
		}
	}
	char *text = fz_json_text(ctx->arena, sections, NULL);
	json_decref(sections);
	char now[21], today[11];
	fz_iso_utc(ctx->now, now);
	fz_date_format(ctx->today, today);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO disclosure_report(year, agency_id, sections, updated_at, published_on)"
		" VALUES (?, ?, ?, ?, ?) ON CONFLICT (year, agency_id) DO UPDATE SET"
		" sections = excluded.sections, updated_at = excluded.updated_at,"
		" published_on = COALESCE(excluded.published_on, disclosure_report.published_on)",
		"Iittt", year, agency_id, text, now, publish ? today : NULL);
	if (!st || (rc = fz_stmt_exec(st, err))) {
		rc = err->code;
		goto fail;
	}
	/* Publication freezes the whole report, figures and words, as the public will read it. */
	const char *after = text;
	if (publish) {
		json_t *r = NULL;
		if ((rc = fz_disc_report_json(ctx, year, agency_id, &r, err)))
			goto fail;
		json_object_del(r, "mismatches");
		json_object_del(r, "changed_since_publish");
		size_t j;
		json_t *sec;
		json_array_foreach(json_object_get(r, "sections"), j, sec)
		{
			json_object_del(sec, "draft");
			json_object_del(sec, "placeholder");
		}
		after = fz_json_text(ctx->arena, r, NULL);
		json_decref(r);
		st = fz_db_query(ctx->db, err,
				 "UPDATE disclosure_report SET published = ? WHERE year = ? AND agency_id = ?",
				 "tIi", after, year, agency_id);
		if (!st || (rc = fz_stmt_exec(st, err))) {
			rc = err->code;
			goto fail;
		}
	}
	char *note = fz_arena_printf(ctx->arena, "%d 年政府信息公开工作年度报告（单位 %lld）%s", year,
				     (long long)agency_id, publish ? "发布" : "保存");
	struct fz_event ev = {.entity = "disclosure_report",
			      .action = publish ? "report_publish" : "report_save",
			      .note = note,
			      .after = after};
	if ((rc = fz_audit_append(ctx, &ev, NULL, err)) || (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}
