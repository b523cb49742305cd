/*
 * proposal_import.c - a session's items from an Excel workbook: one row per
 * suggestion or proposal, columns found by their headers (编号, 标题, 内容,
 * 提出人, 代表团/界别). Each row is checked exactly as entering it one by one
 * (fz_proposal_item_create, inside one transaction): without commit=1 the
 * transaction is rolled back and the report says which rows would be
 * refused; with it, the whole file is written, or nothing when a row is bad.
 */
#include <stdlib.h>
#include <string.h>

#include "modules/proposal/proposal_int.h"
#include "platform/jsonx.h"
#include "platform/xlsx_read.h"

enum { C_NO, C_TITLE, C_CONTENT, C_AUTHORS, C_UNITS, NC };

static const struct {
	const char *key, *header, *alias, *alias2;
	bool required;
} cols[NC] = {
    {"item_no", "编号", "序号", "案号", true},
    {"title", "标题", "案由", "题目", true},
    {"content", "内容", "正文", "建议内容", true},
    {"authors", "提出人", "领衔人", "代表", true},
    {"units", "代表团", "界别", "所在代表团（界别）", false},
};

static char *trimmed(struct fz_ctx *ctx, const char *s)
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
	char *r = fz_arena_strdup(ctx->arena, s);
	r[n] = 0;
	return r;
}

/* Splits on 、，, ; ； and spaces into a JSON array of strings. */
static json_t *split(struct fz_ctx *ctx, const char *s)
{
	json_t *a = json_array();
	if (!s)
		return a;
	char *t = fz_arena_strdup(ctx->arena, s);
	static const char *const seps[] = {"、", "，", "；", NULL};
	for (int i = 0; seps[i]; i++)
		for (char *p = strstr(t, seps[i]); p; p = strstr(p, seps[i]))
			memset(p, ',', strlen(seps[i]));
	for (char *p = t; *p; p++)
		if (*p == ';' || *p == ' ' || *p == '\n')
			*p = ',';
	for (char *tok = strtok(t, ","); tok; tok = strtok(NULL, ","))
		if (*tok)
			json_array_append_new(a, json_string(tok));
	return a;
}

enum fz_code fz_proposal_import(struct fz_ctx *ctx, int64_t session_id, const void *data,
				size_t len, bool commit, json_t **out, struct fz_err *err)
{
	*out = NULL;
	struct fz_xlsx_table *t = NULL;
	enum fz_code rc = fz_xlsx_read(data, len, NULL, &t, err);
	if (rc)
		return rc;
	int header = -1, col[NC];
	for (int r = 0; r < t->nrows && r < 10 && header < 0; r++) {
		for (int i = 0; i < NC; i++)
			col[i] = -1;
		for (int c = 0; c < t->rows[r].ncells; c++) {
			char *h = trimmed(ctx, fz_xlsx_cell(t, r, c));
			for (int i = 0; h && i < NC; i++)
				if (col[i] < 0 && (strcmp(h, cols[i].header) == 0 ||
						   strcmp(h, cols[i].alias) == 0 ||
						   strcmp(h, cols[i].alias2) == 0))
					col[i] = c;
		}
		if (col[C_TITLE] >= 0)
			header = r;
	}
	if (header < 0) {
		fz_xlsx_table_free(t);
		return fz_err_set(
		    err, FZ_EBAD_VALUE, "file",
		    "没有找到表头：前 10 行中应有一行写明“编号”“标题”“内容”“提出人”等列名");
	}
	for (int i = 0; i < NC; i++)
		if (cols[i].required && col[i] < 0) {
			int hr = t->rows[header].number;
			fz_xlsx_table_free(t);
			return fz_err_set(err, FZ_EBAD_VALUE, "file", "第 %d 行表头缺少“%s”列", hr,
					  cols[i].header);
		}
	int n = t->nrows - header - 1;
	if (n <= 0 || n > 2000) {
		fz_xlsx_table_free(t);
		return fz_err_set(err, FZ_EBAD_VALUE, "file",
				  n <= 0 ? "表头下没有数据行" : "一次最多导入 2000 行");
	}
	if ((rc = fz_db_begin(ctx->db, err))) {
		fz_xlsx_table_free(t);
		return rc;
	}
	json_t *errors = json_array(), *created = json_array();
	int valid = 0, invalid = 0;
	for (int k = 0; k < n; k++) {
		int r = header + 1 + k;
		char *v[NC];
		bool any = false;
		for (int i = 0; i < NC; i++) {
			v[i] = col[i] >= 0 ? trimmed(ctx, fz_xlsx_cell(t, r, col[i])) : NULL;
			any = any || v[i];
		}
		if (!any)
			continue;
		json_t *names = split(ctx, v[C_AUTHORS]), *units = split(ctx, v[C_UNITS]);
		json_t *authors = json_array();
		size_t i;
		json_t *nm;
		json_array_foreach (names, i, nm) {
			json_t *u = json_array_size(units) == json_array_size(names)
					? json_array_get(units, i)
					: json_array_get(units, 0);
			json_array_append_new(authors,
					      json_pack("{s:O, s:O?}", "name", nm, "unit", u));
		}
		json_decref(names);
		json_decref(units);
		json_t *in = json_pack("{s:I, s:s?, s:s?, s:s?, s:o}", "session_id",
				       (json_int_t)session_id, "item_no", v[C_NO], "title",
				       v[C_TITLE], "content", v[C_CONTENT], "authors", authors);
		/* Absent cells are absent fields: the entry form's 422 names them. */
		struct fz_err e = {0};
		struct fz_case_row c;
		if (fz_proposal_item_create(ctx, in, &c, &e) == FZ_OK) {
			valid++;
			json_array_append_new(
			    created,
			    json_pack("{s:i, s:s}", "row", t->rows[r].number, "number", c.number));
		} else {
			invalid++;
			int bad = -1;
			for (int j = 0; j < NC; j++)
				if (e.field[0] && strcmp(e.field, cols[j].key) == 0)
					bad = j;
			char letter[4] = "";
			if (bad >= 0 && col[bad] >= 0)
				fz_xlsx_col_name(col[bad], letter);
			json_array_append_new(
			    errors,
			    json_pack("{s:i, s:s?, s:s?, s:s?, s:s}", "row", t->rows[r].number,
				      "column", letter[0] ? letter : NULL, "field",
				      e.field[0] ? e.field : NULL, "label",
				      bad >= 0 ? cols[bad].header : NULL, "message", e.message));
		}
		json_decref(in);
	}
	fz_xlsx_table_free(t);
	bool doit = commit && valid > 0 && invalid == 0;
	if (doit)
		rc = fz_db_commit(ctx->db, err);
	else
		fz_db_rollback(ctx->db);
	if (rc) {
		json_decref(errors);
		json_decref(created);
		return rc;
	}
	*out = json_pack("{s:i, s:i, s:i, s:b, s:o, s:o}", "rows", valid + invalid, "valid", valid,
			 "invalid", invalid, "imported", doit, "errors", errors, "created",
			 doit ? created : json_array());
	if (!doit)
		json_decref(created);
	if (commit && !doit) {
		json_t *first = json_array_get(errors, 0);
		if (first)
			return fz_err_set(
			    err, FZ_EBAD_VALUE, "file",
			    "共 %d 行有误，未导入任何数据。第 %lld 行%s%s%s：%s", invalid,
			    (long long)json_integer_value(json_object_get(first, "row")),
			    fz_json_str(first, "label") ? "“" : "",
			    fz_json_str(first, "label") ? fz_json_str(first, "label") : "",
			    fz_json_str(first, "label") ? "”" : "", fz_json_str(first, "message"));
		return fz_err_set(err, FZ_EBAD_VALUE, "file", "没有可导入的数据行");
	}
	return FZ_OK;
}
