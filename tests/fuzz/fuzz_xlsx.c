/*
 * fuzz_xlsx.c - libFuzzer target for platform/xlsx_read.c: fz_xlsx_read on
 * arbitrary bytes, and on arbitrary worksheet and shared-string XML wrapped in
 * a valid stored ZIP.
 *
 * Input: when it starts with "XML\n", the rest up to the first "\n--\n" is the
 * shared strings part and what follows is the worksheet, packed into a ZIP
 * here (so the fuzzer reaches the XML scanner without learning ZIP); otherwise
 * the bytes are the workbook itself. Checks: on success every cell is NUL-
 * terminated valid UTF-8 within the limits, rows ascend, no row is wider than
 * the table; on failure the message is set and nothing is returned.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "core/text.h"
#include "fuzz_check.h"
#include "platform/xlsx_read.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct fz_xlsx_limits lim = {
	.max_entry = 1 << 20, .max_rows = 200, .max_cols = 16, .max_cell = 4096, .max_shared = 1000};

/* A ZIP holding the two parts, in a malloc'd buffer (caller frees), or NULL. */
static void *pack(const char *ss, size_t sslen, const char *sheet, size_t sheetlen, size_t *len)
{
	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(NULL, 0, 0, &ze);
	zip_t *za = src ? zip_open_from_source(src, ZIP_TRUNCATE, &ze) : NULL;
	zip_error_fini(&ze);
	if (!za) {
		zip_source_free(src);
		return NULL;
	}
	zip_source_keep(src);
	zip_source_t *a = zip_source_buffer(za, ss, sslen, 0);
	zip_source_t *b = zip_source_buffer(za, sheet, sheetlen, 0);
	if (!a || zip_file_add(za, "xl/sharedStrings.xml", a, 0) < 0)
		zip_source_free(a);
	if (!b || zip_file_add(za, "xl/worksheets/sheet1.xml", b, 0) < 0)
		zip_source_free(b);
	void *out = NULL;
	if (zip_close(za) == 0 && zip_source_open(src) == 0) {
		zip_stat_t st;
		zip_stat_init(&st);
		if (zip_source_stat(src, &st) == 0 && (out = malloc(st.size ? st.size : 1)))
			*len = (size_t)zip_source_read(src, out, st.size);
		zip_source_close(src);
	} else {
		zip_discard(za);
	}
	zip_source_free(src);
	return out;
}

static void check(const void *buf, size_t len)
{
	struct fz_xlsx_table *t = (struct fz_xlsx_table *)1;
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = fz_xlsx_read(buf, len, &lim, &t, &err);
	if (rc) {
		FUZZ_CHECK(t == NULL);
		FUZZ_CHECK(err.code == rc && err.message[0]);
		return;
	}
	FUZZ_CHECK(t && t->nrows <= lim.max_rows && t->ncols <= lim.max_cols);
	for (int r = 0; r < t->nrows; r++) {
		FUZZ_CHECK(r == 0 || t->rows[r].number > t->rows[r - 1].number);
		FUZZ_CHECK(t->rows[r].ncells >= 1 && t->rows[r].ncells <= t->ncols);
		for (int c = 0; c < t->rows[r].ncells; c++) {
			const char *s = fz_xlsx_cell(t, r, c);
			if (!s)
				continue;
			size_t n = strlen(s);
			FUZZ_CHECK(n > 0 && n <= lim.max_cell && fz_utf8_valid(s, n));
		}
	}
	FUZZ_CHECK(fz_xlsx_cell(t, t->nrows, 0) == NULL && fz_xlsx_cell(t, 0, -1) == NULL);
	fz_xlsx_table_free(t);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	if (size >= 4 && memcmp(data, "XML\n", 4) == 0) {
		const char *x = (const char *)data + 4, *end = (const char *)data + size;
		const char *sep = NULL;
		for (const char *p = x; p + 4 <= end; p++)
			if (memcmp(p, "\n--\n", 4) == 0) {
				sep = p;
				break;
			}
		size_t sslen = sep ? (size_t)(sep - x) : 0;
		const char *sheet = sep ? sep + 4 : x;
		size_t len = 0;
		void *z = pack(x, sslen, sheet, (size_t)(end - sheet), &len);
		if (z)
			check(z, len);
		free(z);
		return 0;
	}
	void *copy = malloc(size ? size : 1);
	FUZZ_CHECK(copy);
	memcpy(copy, data, size);
	check(copy, size);
	free(copy);
	return 0;
}
