/*
 * test_search.c - unit tests of platform/search.c: a list's keyword as an
 * FTS5 trigram phrase or as an escaped LIKE pattern, and indexing, matching
 * and removing a record's text (on a temporary SQLite file, removed after).
 *
 * For: the three-character threshold, quote doubling, LIKE escaping, NULL
 * keywords, cutting at the buffer's end, and that an indexed record is found
 * by fz_search_match's clause, found by its new text only after re-indexing,
 * and no longer after removal; with a pairs table, two-character words found
 * the same way, punctuation never joined into a pair, and the pairs of
 * replaced and removed text gone. Not for: the lists' SQL (the API tests search
 * every list). Each test runs alone: `test_platform_search 'like*'`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/search.h"
#include "store/db.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static void phrase_table(void **state)
{
	(void)state;
	static const struct {
		const char *q, *want; /* want NULL: too short for a trigram phrase */
	} rows[] = {
		{NULL, NULL},
		{"", NULL},
		{"ab", NULL},
		{"信息", NULL},          /* two characters, six bytes */
		{"abc", "\"abc\""},
		{"政府信", "\"政府信\""},
		{"a\"b", "\"a\"\"b\""}, /* inner quote doubled */
		{"x OR y", "\"x OR y\""}, /* operators stay inside the phrase */
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		char out[64] = "untouched";
		bool got = fz_search_phrase(rows[i].q, out, sizeof out);
		const char *want = rows[i].want ? rows[i].want : "untouched";
		if (got != (rows[i].want != NULL) || strcmp(out, want) != 0) {
			print_message("FAIL fz_search_phrase(\"%s\") = %d \"%s\", want \"%s\"\n",
				      rows[i].q ? rows[i].q : "(null)", got, out, want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void like_table(void **state)
{
	(void)state;
	static const struct {
		const char *q, *want;
	} rows[] = {
		{NULL, "%%"},
		{"", "%%"},
		{"张", "%张%"},
		{"50%", "%50\\%%"},
		{"a_b", "%a\\_b%"},
		{"c:\\d", "%c:\\\\d%"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		char out[64];
		fz_search_like(rows[i].q, out, sizeof out);
		if (strcmp(out, rows[i].want) != 0) {
			print_message("FAIL fz_search_like(\"%s\") = \"%s\", want \"%s\"\n",
				      rows[i].q ? rows[i].q : "(null)", out, rows[i].want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* A keyword longer than the buffer is cut and still closed and terminated. */
static void cut_at_buffer_end(void **state)
{
	(void)state;
	char out[8];
	assert_true(fz_search_phrase("abcdefghij", out, sizeof out));
	assert_string_equal(out, "\"abcd\"");
	fz_search_like("%%%%%%", out, sizeof out);
	assert_string_equal(out, "%\\%\\%%");
}

/* Ids of t whose text matches q, as a list of numbers ("1,3"). */
static void matching(struct fz_db *db, const char *q, char *out, size_t size)
{
	char clause[160], bind[64], sql[256];
	struct fz_err err;
	fz_err_clear(&err);
	assert_true(fz_search_match(db, "t", "t.id", q, clause, sizeof clause, bind, sizeof bind));
	snprintf(sql, sizeof sql, "SELECT id FROM t WHERE %s ORDER BY id", clause);
	struct fz_stmt *st = fz_db_query(db, &err, sql, "t", bind);
	assert_non_null(st);
	size_t k = 0;
	out[0] = '\0';
	while (fz_stmt_row(st))
		k += (size_t)snprintf(out + k, size - k, "%s%lld", k ? "," : "",
				      (long long)fz_col_int(st, 0));
	assert_false(fz_stmt_failed(st, &err));
	fz_stmt_done(st);
}

static void index_match_remove(void **state)
{
	(void)state;
	char path[64] = "/tmp/fz-test-search-XXXXXX", side[80], got[64];
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct fz_db *db = NULL;
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_db_open(path, FZ_DB_CREATE, &db, &err), FZ_OK);
	assert_int_equal(fz_db_exec(db,
				    "CREATE TABLE t (id INTEGER PRIMARY KEY);"
				    "INSERT INTO t VALUES (1), (2), (3);"
				    "CREATE VIRTUAL TABLE t_fts USING fts5(title, body, tokenize='trigram');",
				    &err),
			 FZ_OK);
	struct fz_search_field a[] = {{"title", "政府信息公开"}, {"body", NULL}};
	struct fz_search_field b[] = {{"title", "行政复议"}, {"body", "不予公开的信息"}};
	assert_int_equal(fz_search_index(db, "t", 1, a, 2, &err), FZ_OK);
	assert_int_equal(fz_search_index(db, "t", 2, b, 2, &err), FZ_OK);
	matching(db, "信息公", got, sizeof got);
	assert_string_equal(got, "1");
	char clause[160] = "untouched", bind[64] = "untouched";
	assert_false(fz_search_match(db, "t", "t.id", "公开", clause, sizeof clause, bind, sizeof bind));
	assert_string_equal(clause, "untouched");
	matching(db, "公开的", got, sizeof got);
	assert_string_equal(got, "2");
	/* Indexing again replaces the text. */
	struct fz_search_field a2[] = {{"title", "行政复议决定"}, {"body", ""}};
	assert_int_equal(fz_search_index(db, "t", 1, a2, 2, &err), FZ_OK);
	matching(db, "信息公", got, sizeof got);
	assert_string_equal(got, "");
	matching(db, "行政复议", got, sizeof got);
	assert_string_equal(got, "1,2");
	assert_int_equal(fz_search_remove(db, "t", 2, &err), FZ_OK);
	assert_int_equal(fz_search_remove(db, "t", 3, &err), FZ_OK); /* never indexed */
	matching(db, "行政复议", got, sizeof got);
	assert_string_equal(got, "1");
	fz_db_close(db);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

/* An index with pairs: two-character words by index lookup, kept across replace and remove. */
static void pairs_match_remove(void **state)
{
	(void)state;
	char path[64] = "/tmp/fz-test-search-XXXXXX", side[80], got[64];
	int fd = mkstemp(path);
	assert_true(fd >= 0);
	close(fd);
	struct fz_db *db = NULL;
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_db_open(path, FZ_DB_CREATE, &db, &err), FZ_OK);
	assert_int_equal(
		fz_db_exec(db,
			   "CREATE TABLE t (id INTEGER PRIMARY KEY);"
			   "INSERT INTO t VALUES (1), (2), (3);"
			   "CREATE VIRTUAL TABLE t_fts USING fts5(title, body, tokenize='trigram');"
			   "CREATE VIRTUAL TABLE t_fts_pairs USING fts5(title, body, content='',"
			   " detail='none', tokenize='unicode61');",
			   &err),
		FZ_OK);
	/* Record 3 was indexed before the pairs table existed: re-indexing it must not corrupt the pairs. */
	assert_int_equal(fz_db_exec(db, "INSERT INTO t_fts(rowid, title, body) VALUES (3, '旧文件', '旧的正文')",
				    &err),
			 FZ_OK);
	struct fz_search_field a[] = {{"title", "农贸市场管理办法"}, {"body", "市场开办者，经营者。"}};
	struct fz_search_field b[] = {{"title", "养老服务补贴"}, {"body", "高龄老人，Ab12"}};
	assert_int_equal(fz_search_index(db, "t", 1, a, 2, &err), FZ_OK);
	assert_int_equal(fz_search_index(db, "t", 2, b, 2, &err), FZ_OK);
	matching(db, "市场", got, sizeof got);
	assert_string_equal(got, "1");
	matching(db, "补贴", got, sizeof got);
	assert_string_equal(got, "2");
	matching(db, "b1", got, sizeof got); /* inside a run of letters and digits, any case */
	assert_string_equal(got, "2");
	matching(db, "AB", got, sizeof got);
	assert_string_equal(got, "2");
	matching(db, "者经", got, sizeof got); /* "者，经": punctuation ends a run */
	assert_string_equal(got, "");
	char clause[160] = "untouched", bind[64] = "untouched";
	assert_false(fz_search_match(db, "t", "t.id", "，经", clause, sizeof clause, bind, sizeof bind));
	assert_false(fz_search_match(db, "t", "t.id", "市", clause, sizeof clause, bind, sizeof bind));
	assert_string_equal(clause, "untouched");
	/* Three characters and more still go to the trigram table. */
	matching(db, "开办者", got, sizeof got);
	assert_string_equal(got, "1");
	/* Replaced text: the old pairs go, the new come. */
	struct fz_search_field a2[] = {{"title", "殡葬管理办法"}, {"body", ""}};
	assert_int_equal(fz_search_index(db, "t", 1, a2, 2, &err), FZ_OK);
	matching(db, "市场", got, sizeof got);
	assert_string_equal(got, "");
	matching(db, "殡葬", got, sizeof got);
	assert_string_equal(got, "1");
	assert_int_equal(fz_search_remove(db, "t", 2, &err), FZ_OK);
	matching(db, "旧的", got, sizeof got); /* not in the pairs yet */
	assert_string_equal(got, "");
	struct fz_search_field c3[] = {{"title", "旧文件"}, {"body", "旧的正文"}};
	assert_int_equal(fz_search_index(db, "t", 3, c3, 2, &err), FZ_OK);
	matching(db, "旧的", got, sizeof got);
	assert_string_equal(got, "3");
	assert_int_equal(fz_search_remove(db, "t", 3, &err), FZ_OK);
	assert_int_equal(fz_search_remove(db, "t", 4, &err), FZ_OK); /* never indexed */
	matching(db, "补贴", got, sizeof got);
	assert_string_equal(got, "");
	/* The index is whole: FTS5's own check finds the pairs consistent. */
	assert_int_equal(fz_db_exec(db, "INSERT INTO t_fts_pairs(t_fts_pairs, rank) VALUES ('integrity-check', 0)",
				    &err),
			 FZ_OK);
	fz_db_close(db);
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(phrase_table),
		cmocka_unit_test(like_table),
		cmocka_unit_test(cut_at_buffer_end),
		cmocka_unit_test(index_match_remove),
		cmocka_unit_test(pairs_match_remove),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
