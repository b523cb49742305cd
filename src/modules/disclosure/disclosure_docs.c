/*
 * disclosure_docs.c - documents and statistics of the disclosure module: the
 * reply letter (政府信息公开申请答复告知书) as Word, the annual report as Word
 * (official layout) and Excel, and the yearly statistics.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "modules/disclosure/disclosure_int.h"
#include "platform/documents.h"
#include "platform/jsonx.h"
#include "platform/spreadsheets.h"

enum fz_code fz_disc_reply_docx(struct fz_ctx *ctx, int64_t case_id, char **out, size_t *len,
				char *filename, size_t fsize, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.number, c.received_on, a.name, r.applicant_name, r.description, r.outcome,"
		" r.ground, r.where_public, r.right_agency, r.withheld, r.reply_text, r.replied_on,"
		" c.case_type FROM case_record c JOIN disclosure_request r ON r.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id WHERE c.case_id = ?",
		"i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "不是政府信息公开申请");
	}
	char number[64], received[32], replied[32], agency[128];
	int d;
	snprintf(number, sizeof number, "%s", fz_col_text(st, 0));
	fz_date_parse(fz_col_text(st, 1), &d);
	fz_date_chinese(d, received);
	if (fz_col_text(st, 11) && fz_date_parse(fz_col_text(st, 11), &d) == FZ_OK)
		fz_date_chinese(d, replied);
	else
		fz_date_chinese(ctx->today, replied);
	snprintf(agency, sizeof agency, "%s", fz_col_text(st, 2));
	const struct fz_disc_outcome *o = fz_disc_outcome(fz_col_text(st, 5));
	struct fz_docx *doc = fz_docx_new();
	fz_docx_para(doc, FZ_P_TITLE, "政府信息公开申请答复告知书");
	fz_docx_para(doc, FZ_P_SUBTITLE, number);
	fz_docx_para(doc, FZ_P_PLAIN,
		     fz_arena_printf(ctx->arena, "%s：", fz_col_text(st, 3)));
	fz_docx_para(doc, FZ_P_BODY,
		     fz_arena_printf(ctx->arena,
				     "本机关于%s收到您提出的政府信息公开申请，申请获取“%s”。"
				     "根据《中华人民共和国政府信息公开条例》的规定，现答复如下：",
				     received, fz_col_text(st, 4)));
	if (o)
		fz_docx_para(doc, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "答复类型：%s（依据《中华人民共和国政府信息公开条例》%s）。",
					     o->label, o->article));
	if (fz_col_text(st, 7))
		fz_docx_para(doc, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "您申请的信息已经主动公开，获取方式和途径：%s。",
					     fz_col_text(st, 7)));
	if (fz_col_text(st, 8))
		fz_docx_para(doc, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "您申请的信息不属于本机关负责公开，负责公开的机关为：%s。",
					     fz_col_text(st, 8)));
	if (fz_col_text(st, 9))
		fz_docx_para(doc, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "不予公开的部分及理由：%s", fz_col_text(st, 9)));
	if (fz_col_text(st, 6))
		fz_docx_para(doc, FZ_P_BODY,
			     fz_arena_printf(ctx->arena, "理由和依据：%s", fz_col_text(st, 6)));
	fz_docx_para(doc, FZ_P_BODY, fz_col_text(st, 10) ? fz_col_text(st, 10) : "（答复正文待填写）");
	fz_docx_para(doc, FZ_P_BODY,
		     "如对本答复不服，可以自收到本告知书之日起六十日内依法申请行政复议，"
		     "或者自收到本告知书之日起六个月内依法向人民法院提起行政诉讼。");
	fz_docx_para(doc, FZ_P_PLAIN, "");
	fz_docx_para(doc, FZ_P_RIGHT, agency);
	fz_docx_para(doc, FZ_P_RIGHT, replied);
	fz_stmt_done(st);
	snprintf(filename, fsize, "答复告知书-%s.docx", number);
	enum fz_code rc = fz_docx_finish(doc, out, len, err);
	fz_docx_free(doc);
	return rc;
}

/* The report's tables as rows of strings (shared by Word and Excel). */
struct grid {
	int rows, cols;
	const char **cells;
};

static const char *num(struct fz_ctx *ctx, json_t *v)
{
	if (json_is_integer(v))
		return fz_arena_printf(ctx->arena, "%lld", (long long)json_integer_value(v));
	if (json_is_real(v))
		return fz_arena_printf(ctx->arena, "%.2f", json_real_value(v));
	return json_string_value(v);
}

static struct grid table3_grid(struct fz_ctx *ctx, json_t *t3)
{
	json_t *cols = json_object_get(t3, "columns"), *rows = json_object_get(t3, "rows");
	/* One more line than the JSON: the form's heading "三、本年度办理结果" over （一）-（七）. */
	struct grid g = {(int)json_array_size(rows) + 2, (int)json_array_size(cols) + 1, NULL};
	g.cells = fz_arena_alloc(ctx->arena, sizeof(char *) * (size_t)(g.rows * g.cols));
	memset(g.cells, 0, sizeof(char *) * (size_t)(g.rows * g.cols));
	g.cells[0] = "本列数据的勾稽关系为：一+二=三（七）+四";
	size_t i;
	json_t *v;
	json_array_foreach(cols, i, v)
		g.cells[1 + i] = json_string_value(v);
	json_t *row;
	size_t r = 1;
	bool heading = false;
	json_array_foreach(rows, i, row)
	{
		int indent = (int)json_integer_value(json_object_get(row, "indent"));
		if (indent > 0 && !heading) {
			g.cells[r++ * (size_t)g.cols] = "三、本年度办理结果";
			heading = true;
		}
		g.cells[r * (size_t)g.cols] =
			fz_arena_printf(ctx->arena, "%s%s", indent == 2 ? "　　" : indent == 1 ? "　" : "",
					json_string_value(json_object_get(row, "label")));
		size_t k;
		json_array_foreach(json_object_get(row, "values"), k, v)
			g.cells[r * (size_t)g.cols + 1 + k] = num(ctx, v);
		r++;
	}
	g.rows = (int)r;
	return g;
}

static struct grid table4_grid(struct fz_ctx *ctx, json_t *t4)
{
	json_t *cols = json_object_get(t4, "columns"), *vals = json_object_get(t4, "values");
	struct grid g = {2, (int)json_array_size(cols), NULL};
	g.cells = fz_arena_alloc(ctx->arena, sizeof(char *) * (size_t)(g.rows * g.cols));
	for (size_t i = 0; i < json_array_size(cols); i++) {
		g.cells[i] = json_string_value(json_array_get(cols, i));
		g.cells[(size_t)g.cols + i] = num(ctx, json_array_get(vals, i));
	}
	return g;
}

/* Table 二 as one grid of four columns; blocks with fewer columns are padded. */
static struct grid table2_grid(struct fz_ctx *ctx, json_t *t2)
{
	struct grid g = {0, 4, NULL};
	size_t i;
	json_t *b;
	json_array_foreach(json_object_get(t2, "blocks"), i, b)
		g.rows += 2 + (int)json_array_size(json_object_get(b, "rows"));
	g.cells = fz_arena_alloc(ctx->arena, sizeof(char *) * (size_t)(g.rows * g.cols));
	int r = 0;
	json_array_foreach(json_object_get(t2, "blocks"), i, b)
	{
		g.cells[r * 4] = json_string_value(json_object_get(b, "block"));
		r++;
		size_t k;
		json_t *v;
		json_array_foreach(json_object_get(b, "columns"), k, v)
			g.cells[r * 4 + (int)k] = json_string_value(v);
		r++;
		json_t *row;
		json_array_foreach(json_object_get(b, "rows"), k, row)
		{
			size_t j;
			json_array_foreach(row, j, v)
				g.cells[r * 4 + (int)j] = num(ctx, v);
			r++;
		}
	}
	return g;
}

enum fz_code fz_disc_report_docx(struct fz_ctx *ctx, int year, int64_t agency_id, bool published,
				 char **out, size_t *len, char *filename, size_t fsize,
				 struct fz_err *err)
{
	json_t *r;
	enum fz_code rc = published ? fz_disc_report_published(ctx, year, agency_id, &r, err)
				    : fz_disc_report_json(ctx, year, agency_id, &r, err);
	if (rc)
		return rc;
	struct fz_docx *doc = fz_docx_new();
	fz_docx_para(doc, FZ_P_TITLE, fz_json_str(r, "title"));
	size_t i;
	json_t *s;
	json_array_foreach(json_object_get(r, "sections"), i, s)
	{
		fz_docx_para(doc, FZ_P_HEADING, fz_json_str(s, "title"));
		const char *table = fz_json_str(s, "table");
		if (fz_json_str(s, "text"))
			fz_docx_para(doc, FZ_P_BODY, fz_json_str(s, "text"));
		if (!table)
			continue;
		json_t *t = json_object_get(r, table);
		struct grid g = strcmp(table, "table3") == 0   ? table3_grid(ctx, t)
				: strcmp(table, "table4") == 0 ? table4_grid(ctx, t)
							       : table2_grid(ctx, t);
		int w3[8] = {17, 3, 3, 3, 3, 3, 3, 3};
		fz_docx_table(doc, g.rows, g.cols, g.cells, strcmp(table, "table3") == 0 ? 1 : 0,
			      strcmp(table, "table3") == 0 ? w3 : NULL);
		if (fz_json_str(t, "note"))
			fz_docx_para(doc, FZ_P_SMALL, fz_arena_printf(ctx->arena, "注：%s", fz_json_str(t, "note")));
	}
	snprintf(filename, fsize, "%s.docx", fz_json_str(r, "title"));
	rc = fz_docx_finish(doc, out, len, err);
	fz_docx_free(doc);
	json_decref(r);
	return rc;
}

enum fz_code fz_disc_report_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, bool published,
				 char **out, size_t *len, char *filename, size_t fsize,
				 struct fz_err *err)
{
	json_t *r;
	enum fz_code rc = published ? fz_disc_report_published(ctx, year, agency_id, &r, err)
				    : fz_disc_report_json(ctx, year, agency_id, &r, err);
	if (rc)
		return rc;
	struct grid g2 = table2_grid(ctx, json_object_get(r, "table2"));
	struct grid g3 = table3_grid(ctx, json_object_get(r, "table3"));
	struct grid g4 = table4_grid(ctx, json_object_get(r, "table4"));
	int w3[8] = {58, 10, 10, 10, 12, 12, 10, 10}, w2[4] = {30, 18, 18, 18};
	const char *title = fz_json_str(r, "title");
	struct fz_sheet sheets[] = {
		{"表二 主动公开", title, g2.rows, g2.cols, g2.cells, 0, w2, false},
		{"表三 依申请公开", title, g3.rows, g3.cols, g3.cells, 1, w3, false},
		{"表四 复议诉讼", title, g4.rows, g4.cols, g4.cells, 1, NULL, false},
	};
	snprintf(filename, fsize, "%s.xlsx", title);
	rc = fz_xlsx_build(sheets, 3, out, len, err);
	json_decref(r);
	return rc;
}

static json_t *rate(json_t *o, long received, long replied, long on_time, double days)
{
	json_object_set_new(o, "received", json_integer(received));
	json_object_set_new(o, "replied", json_integer(replied));
	json_object_set_new(o, "on_time", json_integer(on_time));
	json_object_set_new(o, "on_time_rate",
			    replied ? json_real((double)((on_time * 1000 + replied / 2) / replied) / 10.0)
				    : json_null());
	json_object_set_new(o, "avg_days", replied ? json_real((double)(long)(days * 10 + 0.5) / 10.0)
						   : json_null());
	return o;
}

enum fz_code fz_disc_stats_json(struct fz_ctx *ctx, int year, json_t **out, struct fz_err *err)
{
	char lo[11], hi[11];
	fz_date_format(fz_date_from_ymd(year, 1, 1), lo);
	fz_date_format(fz_date_from_ymd(year, 12, 31), hi);
	int64_t scope = fz_ctx_sees_all(ctx) ? 0 : (ctx->user ? ctx->user->agency_id : -1);
	/* The year's total is the module's figure (table 三 row 一), counted once there. */
	long tr = 0;
	enum fz_code rc = fz_figure_value(ctx, "disclosure.requests.received", year, scope, &tr, err);
	if (rc)
		return rc;
	/* Per request received in the year: agency, replied?, on time?, working days to reply. */
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT c.agency_id, a.name, c.received_on, c.state, k.stopped_on, k.due_date,"
		" r.channel, r.applicant_type, r.outcome"
		" FROM case_record c JOIN disclosure_request r ON r.case_id = c.case_id"
		" JOIN agency a ON a.agency_id = c.agency_id"
		" LEFT JOIN case_clock k ON k.case_id = c.case_id AND k.name = 'reply'"
		" WHERE c.received_on >= ? AND c.received_on <= ? AND (? = 0 OR c.agency_id = ?)"
		" ORDER BY c.agency_id",
		"ttii", lo, hi, scope, scope);
	if (!st)
		return err->code;
	json_t *agencies = json_array(), *channels = json_object(), *types = json_object(),
	       *outcomes = json_object();
	long trep = 0, tok = 0, ar = 0, arep = 0, aok = 0;
	double tdays = 0, adays = 0;
	int64_t cur = -1;
	char cur_name[128] = "";
	for (bool more = fz_stmt_row(st);; more = fz_stmt_row(st)) {
		int64_t id = more ? fz_col_int(st, 0) : -2;
		if (id != cur && cur != -1) {
			json_array_append_new(agencies,
					      rate(json_pack("{s:I, s:s}", "agency_id", (json_int_t)cur,
							     "agency_name", cur_name),
						   ar, arep, aok, arep ? adays / (double)arep : 0));
			ar = arep = aok = 0;
			adays = 0;
		}
		if (!more)
			break;
		cur = id;
		snprintf(cur_name, sizeof cur_name, "%s", fz_col_text(st, 1));
		ar++;
		const char *keys[3] = {fz_col_text(st, 6), fz_col_text(st, 7), fz_col_text(st, 8)};
		json_t *maps[3] = {channels, types, outcomes};
		for (int m = 0; m < 3; m++)
			if (keys[m])
				json_object_set_new(maps[m], keys[m],
						    json_integer(json_integer_value(json_object_get(maps[m], keys[m])) + 1));
		int rec, stop, due, wdays = 0;
		if (strcmp(fz_col_text(st, 3), "replied") == 0 && fz_col_text(st, 4) &&
		    fz_date_parse(fz_col_text(st, 2), &rec) == FZ_OK &&
		    fz_date_parse(fz_col_text(st, 4), &stop) == FZ_OK) {
			arep++;
			trep++;
			fz_calendar_workdays_between(ctx->cal, rec, stop, &wdays);
			adays += wdays;
			tdays += wdays;
			if (fz_col_text(st, 5) && fz_date_parse(fz_col_text(st, 5), &due) == FZ_OK && stop <= due) {
				aok++;
				tok++;
			}
		}
	}
	fz_stmt_done(st);
	json_t *lists[3] = {json_array(), json_array(), json_array()};
	const struct fz_option *opts[3] = {fz_disc_channels, fz_disc_applicant_types, NULL};
	json_t *maps[3] = {channels, types, outcomes};
	for (int m = 0; m < 3; m++) {
		if (opts[m]) {
			for (const struct fz_option *o = opts[m]; o->value; o++)
				json_array_append_new(lists[m], json_pack("{s:s, s:s, s:I}", "value", o->value, "label", o->label,
								      "count", json_integer_value(json_object_get(maps[m], o->value))));
		} else {
			for (const struct fz_disc_outcome *o = fz_disc_outcomes; o->value; o++) {
				json_int_t n = json_integer_value(json_object_get(outcomes, o->value));
				if (n)
					json_array_append_new(lists[m], json_pack("{s:s, s:s, s:I}", "value", o->value,
										  "label", o->label, "count", n));
			}
		}
		json_decref(maps[m]);
	}
	*out = json_pack("{s:i, s:o, s:o, s:o, s:o, s:o}", "year", year, "totals",
			 rate(json_object(), tr, trep, tok, trep ? tdays / (double)trep : 0), "by_agency",
			 agencies, "by_channel", lists[0], "by_applicant_type", lists[1], "by_outcome",
			 lists[2]);
	return FZ_OK;
}
