/*
 * test_documents.c - unit tests of the archive helpers of platform/documents.c:
 * a ZIP built in memory (fz_zip_build) opens with libzip and holds each entry
 * under its UTF-8 name with its bytes, an empty file included; HTML escaping
 * (fz_html_esc) of the five characters a page's text may not carry raw.
 *
 * For: the case archives (enforcement, decisions) and the Word documents,
 * which all zip through fz_zip_build. Not for: the archives' contents (the API
 * tests download and read them).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <zip.h>

#include "platform/documents.h"

static void zip_holds_each_entry_with_its_bytes(void **state)
{
	(void)state;
	const struct fz_zip_entry e[] = {
	    {"目录.html", "<h1>案卷目录</h1>", strlen("<h1>案卷目录</h1>")},
	    {"附件/01-照片.jpg", "\xff\xd8\xff\x00\x01", 5},
	    {"空文件.txt", "", 0},
	};
	char *out = NULL;
	size_t len = 0;
	struct fz_err err = {0};
	assert_int_equal(fz_zip_build(e, 3, "案卷压缩包", &out, &len, &err), FZ_OK);
	assert_non_null(out);
	assert_true(len > 22);
	assert_memory_equal(out, "PK", 2);

	zip_error_t ze;
	zip_error_init(&ze);
	zip_source_t *src = zip_source_buffer_create(out, len, 0, &ze);
	zip_t *za = zip_open_from_source(src, ZIP_RDONLY, &ze);
	assert_non_null(za);
	assert_int_equal(zip_get_num_entries(za, 0), 3);
	for (size_t i = 0; i < 3; i++) {
		zip_stat_t st;
		assert_int_equal(zip_stat(za, e[i].name, ZIP_FL_ENC_UTF_8, &st), 0);
		assert_int_equal(st.size, e[i].len);
		char buf[64] = {0};
		zip_file_t *f = zip_fopen(za, e[i].name, 0);
		assert_non_null(f);
		assert_int_equal(zip_fread(f, buf, sizeof buf), (zip_int64_t)e[i].len);
		assert_memory_equal(buf, e[i].data, e[i].len);
		zip_fclose(f);
	}
	zip_close(za);
	zip_error_fini(&ze);
	free(out);
}

static void html_escaping_leaves_text_and_escapes_markup(void **state)
{
	(void)state;
	char *buf = NULL;
	size_t n = 0;
	FILE *f = open_memstream(&buf, &n);
	fz_html_esc(f, "罚款 <script>&\"x\"");
	fz_html_esc(f, NULL);
	fclose(f);
	assert_string_equal(buf, "罚款 &lt;script&gt;&amp;&quot;x&quot;");
	free(buf);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(zip_holds_each_entry_with_its_bytes),
	    cmocka_unit_test(html_escaping_leaves_text_and_escapes_markup),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
