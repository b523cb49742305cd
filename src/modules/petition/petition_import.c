/*
 * petition_import.c - the 12345 hotline's work orders (an Excel workbook or a
 * UTF-8 CSV export) registered as petitions of the channel 12345热线.
 *
 * One header row (within the first 10) names the columns; each row is checked
 * as the staff form checks it. A dry run (no commit) answers the rows and
 * their mistakes; with commit=1 every row is registered in one transaction,
 * or none when any row is wrong (422 naming the first). A work order already
 * imported (its number) is a mistake, so importing a file twice adds nothing.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "modules/petition/petition_int.h"
#include "platform/jsonx.h"
#include "platform/xlsx_read.h"

enum { C_ORDER, C_DATE, C_NAME, C_ID, C_PHONE, C_ADDRESS, C_MATTER, C_SUBJECT, C_CONTENT, NC };

static const struct {
	const char *header, *alias, *key;
} cols[NC] = {
    {"工单编号", "工单号", "order_number"},
    {"受理日期", "来电时间", "received_on"},
    {"来电人", "姓名", "name"},
    {"身份证号码", "证件号码", "id_number"},
    {"联系电话", "来电号码", "phone"},
    {"地址", "住址", "address"},
    {"事项类别", "诉求类别", "matter_type"},
    {"诉求标题", "标题", "subject"},
    {"诉求内容", "内容", "content"},
};

/* A table of text cells from CSV (RFC 4180 quotes, comma, UTF-8 with or without BOM). */
static struct fz_xlsx_table *csv_read(const char *s, size_t len)
{
	struct fz_xlsx_table *t = calloc(1, sizeof *t);
	if (!t)
		return NULL;
	size_t i = 0;
	if (len >= 3 && memcmp(s, "\xEF\xBB\xBF", 3) == 0)
		i = 3;
	int line = 1;
	while (i < len && t->nrows < 20000) {
		struct fz_xlsx_row row = {.number = line};
		bool end = false, any = false;
		while (!end && row.ncells < 64) {
			size_t cap = 64, n = 0;
			char *cell = malloc(cap);
			if (!cell)
				break;
			bool quoted = i < len && s[i] == '"';
			if (quoted)
				i++;
			while (i < len) {
				char ch = s[i];
				if (quoted && ch == '"') {
					if (i + 1 < len && s[i + 1] == '"') {
						i += 2;
						ch = '"';
					} else {
						quoted = false;
						i++;
						continue;
					}
				} else if (!quoted && (ch == ',' || ch == '\n' || ch == '\r')) {
					break;
				} else {
					if (ch == '\n')
						line++;
					i++;
				}
				if (n + 2 > cap) {
					char *m = realloc(cell, cap *= 2);
					if (!m)
						break;
					cell = m;
				}
				cell[n++] = ch;
			}
			cell[n] = 0;
			char **m = realloc(row.cells, (size_t)(row.ncells + 1) * sizeof *m);
			if (!m) {
				free(cell);
				break;
			}
			row.cells = m;
			if (n) {
				row.cells[row.ncells++] = cell;
				any = true;
			} else {
				free(cell);
				row.cells[row.ncells++] = NULL;
			}
			if (i >= len || s[i] == '\n' || s[i] == '\r') {
				if (i < len && s[i] == '\r')
					i++;
				if (i < len && s[i] == '\n')
					i++;
				line++;
				end = true;
			} else {
				i++; /* the comma */
			}
		}
		if (!any) {
			for (int c = 0; c < row.ncells; c++)
				free(row.cells[c]);
			free(row.cells);
			continue;
		}
		struct fz_xlsx_row *m = realloc(t->rows, (size_t)(t->nrows + 1) * sizeof *m);
		if (!m) {
			for (int c = 0; c < row.ncells; c++)
				free(row.cells[c]);
			free(row.cells);
			break;
		}
		t->rows = m;
		t->rows[t->nrows++] = row;
		if (row.ncells > t->ncols)
			t->ncols = row.ncells;
	}
	return t;
}

static void csv_free(struct fz_xlsx_table *t)
{
	for (int r = 0; t && r < t->nrows; r++) {
		for (int c = 0; c < t->rows[r].ncells; c++)
			free(t->rows[r].cells[c]);
		free(t->rows[r].cells);
	}
	if (t)
		free(t->rows);
	free(t);
}

/* The xlsx reader's tables and ours are freed each their own way. */
static void table_free(struct fz_xlsx_table *t, bool csv)
{
	if (csv)
		csv_free(t);
	else
		fz_xlsx_table_free(t);
}

static const char *cell(struct fz_ctx *ctx, const struct fz_xlsx_table *t, int r, int c)
{
	const char *s = c >= 0 ? fz_xlsx_cell(t, r, c) : NULL;
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t')
		s++;
	size_t n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t' || s[n - 1] == '\r' || s[n - 1] == '\n'))
		n--;
	return n ? fz_arena_printf(ctx->arena, "%.*s", (int)n, s) : NULL;
}

/* "2026/9/3 10:20", "2026-09-03": the day as YYYY-MM-DD, or the text when it is none. */
static const char *day_of(struct fz_ctx *ctx, const char *s)
{
	int y, m, d;
	if (s &&
	    (sscanf(s, "%d-%d-%d", &y, &m, &d) == 3 || sscanf(s, "%d/%d/%d", &y, &m, &d) == 3 ||
	     sscanf(s, "%d年%d月%d日", &y, &m, &d) == 3))
		return fz_arena_printf(ctx->arena, "%04d-%02d-%02d", y, m, d);
	return s;
}

static const char *matter_of(const char *s)
{
	for (const struct fz_option *o = fz_petition_matters; s && o->value; o++)
		if (strcmp(o->value, s) == 0 || strcmp(o->label, s) == 0)
			return o->value;
	return s ? s : "other";
}

static int col_of(const char *key)
{
	for (int i = 0; i < NC; i++)
		if (strcmp(cols[i].key, key) == 0)
			return i;
	return -1;
}

enum fz_code fz_petition_import(struct fz_ctx *ctx, const char *data, size_t len, bool commit,
				json_t **out, struct fz_err *err)
{
	*out = NULL;
	struct fz_xlsx_table *t = NULL;
	enum fz_code rc;
	bool csv = !(len >= 2 && data[0] == 'P' && data[1] == 'K');
	if (!csv) {
		if ((rc = fz_xlsx_read(data, len, NULL, &t, err)))
			return rc;
	} else if (!(t = csv_read(data, len))) {
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	int header = -1, col[NC];
	for (int r = 0; r < t->nrows && r < 10 && header < 0; r++) {
		for (int i = 0; i < NC; i++)
			col[i] = -1;
		for (int c = 0; c < t->rows[r].ncells; c++) {
			const char *h = cell(ctx, t, r, c);
			for (int i = 0; h && i < NC; i++)
				if (col[i] < 0 && (strcmp(h, cols[i].header) == 0 ||
						   strcmp(h, cols[i].alias) == 0))
					col[i] = c;
		}
		if (col[C_ORDER] >= 0)
			header = r;
	}
	if (header < 0) {
		table_free(t, csv);
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "file",
		    "没有找到表头：前 10 行中应有一行写明“工单编号”“受理日期”“来电人”“身份证号码”"
		    "“联系电话”“事项类别”“诉求标题”“诉求内容”等列名");
	}
	for (int i = 0; i < NC; i++)
		if (col[i] < 0 && i != C_ADDRESS) {
			int hr = t->rows[header].number;
			table_free(t, csv);
			return fz_err_set(err, FZ_EBAD_VALUE, "file", "第 %d 行表头缺少“%s”列", hr,
					  cols[i].header);
		}
	json_t *errors = json_array(), *bodies = json_array();
	for (int r = header + 1; r < t->nrows; r++) {
		json_t *b = json_object();
		for (int i = 0; i < NC; i++) {
			const char *v = cell(ctx, t, r, col[i]);
			if (i == C_DATE)
				v = day_of(ctx, v);
			if (i == C_MATTER)
				v = matter_of(v);
			if (v)
				json_object_set_new(b, cols[i].key, json_string(v));
		}
		json_object_set_new(b, "channel", json_string("hotline"));
		json_object_set_new(b, "_row", json_integer(t->rows[r].number));
		struct fz_err e = {0};
		static const char *const extra[] = {"_row", NULL};
		enum fz_code vrc =
		    fz_json_check_inputs(ctx, fz_petition_staff_inputs, 16, b, extra, &e);
		int day = -1;
		if (!vrc)
			vrc = fz_petition_check_person(b, &e);
		if (!vrc) {
			fz_date_parse(fz_json_str(b, "received_on"), &day);
			if (day > ctx->today)
				vrc = fz_err_set(&e, FZ_EBAD_DATE, "received_on",
						 "受理日期不能晚于今天");
		}
		if (!vrc && !fz_json_str(b, "order_number"))
			vrc = fz_err_set(&e, FZ_EMISSING_FIELD, "order_number", "请填写工单编号");
		if (!vrc) {
			struct fz_stmt *st =
			    fz_db_query(ctx->db, err,
					"SELECT c.number FROM petition p JOIN case_record c"
					" ON c.case_id = p.case_id WHERE p.order_number = ?",
					"t", fz_json_str(b, "order_number"));
			if (st && fz_stmt_row(st))
				vrc = fz_err_set(&e, FZ_EBAD_VALUE, "order_number",
						 "该工单已经导入（%s）", fz_col_text(st, 0));
			fz_stmt_done(st);
		}
		for (size_t k = 0; !vrc && k < json_array_size(bodies); k++)
			if (strcmp(fz_json_str(json_array_get(bodies, k), "order_number"),
				   fz_json_str(b, "order_number")) == 0)
				vrc = fz_err_set(&e, FZ_EBAD_VALUE, "order_number",
						 "工单编号与第 %lld 行重复",
						 (long long)json_integer_value(json_object_get(
						     json_array_get(bodies, k), "_row")));
		if (vrc) {
			int ci = e.field[0] ? col_of(e.field) : -1;
			json_array_append_new(
			    errors,
			    json_pack("{s:i, s:s?, s:s?, s:s}", "row", t->rows[r].number, "field",
				      e.field[0] ? e.field : NULL, "label",
				      ci >= 0 ? cols[ci].header : NULL, "message", e.message));
			json_decref(b);
		} else {
			json_array_append_new(bodies, b);
		}
	}
	table_free(t, csv);
	size_t valid = json_array_size(bodies), invalid = json_array_size(errors);
	bool doit = commit && valid > 0 && invalid == 0;
	json_t *made = json_array();
	rc = FZ_OK;
	if (doit && !(rc = fz_db_begin(ctx->db, err))) {
		for (size_t k = 0; k < valid && !rc; k++) {
			json_t *b = json_array_get(bodies, k);
			int day = ctx->today;
			fz_date_parse(fz_json_str(b, "received_on"), &day);
			struct fz_case_row c;
			rc = fz_petition_submit(ctx, b, "hotline", ctx->user->agency_id, day, &c,
						err);
			if (rc) {
				/* Name the row in the message, keep the field. */
				const char *msg = fz_arena_strdup(ctx->arena, err->message);
				const char *field = fz_arena_strdup(ctx->arena, err->field);
				rc = fz_err_set(
				    err, rc, field[0] ? field : NULL, "第 %lld 行：%s",
				    (long long)json_integer_value(json_object_get(b, "_row")), msg);
			} else {
				json_array_append_new(made,
						      json_pack("{s:I, s:s, s:s}", "case_id",
								(json_int_t)c.case_id, "number",
								c.number, "state", c.state));
			}
		}
		if (!rc)
			rc = fz_db_commit(ctx->db, err);
		if (rc)
			fz_db_rollback(ctx->db);
	}
	json_decref(bodies);
	if (rc) {
		json_decref(errors);
		json_decref(made);
		return rc;
	}
	if (commit && !doit) {
		json_t *first = json_array_get(errors, 0);
		rc = first
			 ? fz_err_set(err, FZ_EBAD_VALUE, "file",
				      "共 %zu 行有误，未导入任何工单。第 %lld 行：%s", invalid,
				      (long long)json_integer_value(json_object_get(first, "row")),
				      fz_json_str(first, "message"))
			 : fz_err_set(err, FZ_EBAD_VALUE, "file", "表头下没有工单");
		json_decref(errors);
		json_decref(made);
		return rc;
	}
	*out = json_pack("{s:i, s:i, s:i, s:b, s:o, s:o}", "rows", (int)(valid + invalid), "valid",
			 (int)valid, "invalid", (int)invalid, "imported", doit, "errors", errors,
			 "created", made);
	return FZ_OK;
}
