/*
 * test_xlsx_read.c - unit tests of platform/xlsx_read.c: cells from shared
 * strings (rich-text runs kept, phonetic runs dropped), inline strings,
 * numbers, gaps in cell references, entities and _xHHHH_ escapes; and the
 * refusals: not a ZIP, no worksheet, a dangling shared-string index, a
 * DOCTYPE, cells out of order, the row and cell limits.
 * Workbooks are packed in memory with libzip; nothing touches the disk.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "platform/xlsx_read.h"

/* A workbook holding the given shared strings (or none) and worksheet; malloc'd. */
static void *pack(const char *ss, const char *sheet, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = zip_open_from_source(src, ZIP_TRUNCATE, &ze);
	zip_error_fini(&ze);
	assert_non_null(za);
	zip_source_keep(src);
	if (ss)
		assert_true(zip_file_add(za, "xl/sharedStrings.xml", zip_source_buffer(za, ss, strlen(ss), 0), 0) >= 0);
	if (sheet)
		assert_true(zip_file_add(za, "xl/worksheets/sheet1.xml",
					 zip_source_buffer(za, sheet, strlen(sheet), 0), 0) >= 0);
	assert_int_equal(zip_close(za), 0);
	assert_int_equal(zip_source_open(src), 0);
	zip_stat_t st;
	zip_stat_init(&st);
	assert_int_equal(zip_source_stat(src, &st), 0);
	void *out = malloc(st.size);
	*len = (size_t)zip_source_read(src, out, st.size);
	zip_source_close(src);
	zip_source_free(src);
	return out;
}

static enum fz_code read_xml(const char *ss, const char *sheet, const struct fz_xlsx_limits *lim,
			     struct fz_xlsx_table **t, struct fz_err *err)
{
	size_t len;
	void *z = pack(ss, sheet, &len);
	fz_err_clear(err);
	enum fz_code rc = fz_xlsx_read(z, len, lim, t, err);
	free(z);
	return rc;
}

static void cells_of_every_kind(void **state)
{
	(void)state;
	struct fz_xlsx_table *t;
	struct fz_err err;
	const char *ss = "<?xml version=\"1.0\"?><sst count=\"2\"><si><t>事项编码</t></si>"
			 "<si><r><t>对经营者</t></r><r><rPr><b/></rPr><t xml:space=\"preserve\">的 处罚</t></r>"
			 "<rPh sb=\"0\" eb=\"1\"><t>ジ</t></rPh></si></sst>";
	const char *sheet = "<worksheet><sheetData>"
			    "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c><c r=\"C1\" t=\"s\"><v>1</v></c></row>"
			    "<row r=\"2\"/>"
			    "<row r=\"4\"><c r=\"AB4\" t=\"inlineStr\"><is><t>A&amp;B&#x4E2D;&#20013;_x000D_</t></is></c>"
			    "<c r=\"AC4\"><v>330217000123</v></c><c r=\"AD4\" t=\"b\"><v>1</v></c></row>"
			    "</sheetData></worksheet>";
	assert_int_equal(read_xml(ss, sheet, NULL, &t, &err), FZ_OK);
	assert_int_equal(t->nrows, 2); /* the empty row 2 is not a row */
	assert_int_equal(t->rows[0].number, 1);
	assert_string_equal(fz_xlsx_cell(t, 0, 0), "事项编码");
	assert_null(fz_xlsx_cell(t, 0, 1)); /* B1: a gap */
	assert_string_equal(fz_xlsx_cell(t, 0, 2), "对经营者的 处罚");
	assert_int_equal(t->rows[1].number, 4);
	assert_string_equal(fz_xlsx_cell(t, 1, 27), "A&B中中\r");
	assert_string_equal(fz_xlsx_cell(t, 1, 28), "330217000123");
	assert_string_equal(fz_xlsx_cell(t, 1, 29), "1");
	assert_int_equal(t->ncols, 30);
	fz_xlsx_table_free(t);
}

static void column_names(void **state)
{
	(void)state;
	char b[4];
	fz_xlsx_col_name(0, b);
	assert_string_equal(b, "A");
	fz_xlsx_col_name(25, b);
	assert_string_equal(b, "Z");
	fz_xlsx_col_name(26, b);
	assert_string_equal(b, "AA");
	fz_xlsx_col_name(16383, b);
	assert_string_equal(b, "XFD");
}

static void refusals(void **state)
{
	(void)state;
	static const struct {
		const char *ss, *sheet, *expect;
	} rows[] = {
		{"<sst/>", NULL, "没有第一个工作表"},
		{NULL, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row></sheetData></worksheet>", "共享字符串不存在"},
		{"<sst><si><t>a</t></si></sst>", "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"s\"><v>1</v></c></row></sheetData></worksheet>", "共享字符串不存在"},
		{NULL, "<!DOCTYPE w [<!ENTITY e \"x\">]><worksheet/>", "DOCTYPE"},
		{NULL, "<worksheet><sheetData><row r=\"1\"><c r=\"B1\"><v>1</v></c><c r=\"A1\"><v>2</v></c></row></sheetData></worksheet>", "A1 重复或顺序颠倒"},
		{NULL, "<worksheet><sheetData><row r=\"2\"></row><row r=\"1\"></row></sheetData></worksheet>", "顺序颠倒"},
		{NULL, "<worksheet><sheetData><row r=\"1\"><c r=\"A2\"><v>1</v></c></row></sheetData></worksheet>", "A2"},
		{NULL, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>&bogus;</t></is></c></row></sheetData></worksheet>", "字符引用"},
		{NULL, "<worksheet><sheetData><row r=\"1\"><c r=\"A1\"><v>1</v>", "意外结束"},
		{NULL, "<worksheet></worksheet>", "sheetData"},
		{NULL, "<worksheet><sheetData><row r=\"1\"><c r=\"Q1\"><v>1</v></c></row></sheetData></worksheet>", "列上限"},
	};
	struct fz_xlsx_limits lim = fz_xlsx_default_limits;
	lim.max_cols = 16;
	for (size_t i = 0; i < sizeof rows / sizeof rows[0]; i++) {
		struct fz_xlsx_table *t = (struct fz_xlsx_table *)&lim;
		struct fz_err err;
		enum fz_code rc = read_xml(rows[i].ss, rows[i].sheet, &lim, &t, &err);
		if (rc == FZ_OK || !strstr(err.message, rows[i].expect))
			fail_msg("row %zu: expected a refusal naming “%s”, got %d “%s”", i, rows[i].expect, rc,
				 err.message);
		assert_null(t);
		assert_string_equal(err.field, "file");
	}
	struct fz_xlsx_table *t;
	struct fz_err err;
	assert_int_not_equal(fz_xlsx_read("a,b\n1,2\n", 8, NULL, &t, &err), FZ_OK);
	assert_non_null(strstr(err.message, "不是 Excel"));
	assert_int_not_equal(fz_xlsx_read("PK\x03\x04garbage-garbage", 19, NULL, &t, &err), FZ_OK);
	assert_non_null(strstr(err.message, "损坏"));
}

static void limits(void **state)
{
	(void)state;
	struct fz_xlsx_limits lim = fz_xlsx_default_limits;
	lim.max_rows = 2;
	lim.max_cell = 4;
	struct fz_xlsx_table *t;
	struct fz_err err;
	assert_int_equal(read_xml(NULL,
				  "<worksheet><sheetData><row><c><v>1</v></c></row><row><c><v>2</v></c></row>"
				  "<row><c><v>3</v></c></row></sheetData></worksheet>",
				  &lim, &t, &err),
			 FZ_ETOO_LARGE);
	assert_non_null(strstr(err.message, "第 3 行"));
	assert_int_equal(read_xml(NULL,
				  "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>12345</t></is></c></row>"
				  "</sheetData></worksheet>",
				  &lim, &t, &err),
			 FZ_ETOO_LARGE);
	assert_non_null(strstr(err.message, "A1"));
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(cells_of_every_kind),
		cmocka_unit_test(column_names),
		cmocka_unit_test(refusals),
		cmocka_unit_test(limits),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
