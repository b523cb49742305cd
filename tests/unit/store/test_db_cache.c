/*
 * test_db_cache.c - unit tests of the statement cache in store/db_sqlite.c,
 * on a temporary SQLite file.
 *
 * For: many more distinct SQL texts than the cache has slots (each still
 * answers, the connection keeps no more statements than the cache holds, the
 * most recently used ones stay cached), a statement being iterated surviving
 * hundreds of other texts run inside its loop, a full cache of statements in
 * use refusing one more instead of evicting, and rollback with a cached read
 * open. Not for: which SQL the modules send (API tests).
 *
 * Every test opens its own database in /tmp and removes it (with its -wal
 * and -shm files) afterwards, so any one runs alone: `test_store_db_cache 'outer*'`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <sqlite3.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "store/db.h"

#define SLOTS 256 /* CACHE_SLOTS of db_sqlite.c */

struct fixture {
	char path[64];
	struct fz_db *db;
};

static void remove_files(const char *path)
{
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	if (!fx)
		return -1;
	snprintf(fx->path, sizeof fx->path, "/tmp/fz-test-dbcache-XXXXXX");
	int fd = mkstemp(fx->path);
	if (fd < 0) {
		free(fx);
		return -1;
	}
	close(fd);
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_db_open(fx->path, FZ_DB_CREATE, &fx->db, &err) != FZ_OK ||
	    fz_db_exec(
		fx->db,
		"CREATE TABLE t (x INTEGER PRIMARY KEY);"
		"WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n WHERE x < 10)"
		" INSERT INTO t SELECT x FROM n;",
		&err) != FZ_OK) {
		print_message("cannot create the test database %s: %s\n", fx->path, err.message);
		fz_db_close(fx->db);
		remove_files(fx->path);
		free(fx);
		return -1;
	}
	*state = fx;
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	fz_db_close(fx->db);
	remove_files(fx->path);
	free(fx);
	return 0;
}

/* Runs "SELECT 1 + n" and checks it answers n + 1. */
static void check_sum(struct fz_db *db, int n)
{
	char sql[64];
	snprintf(sql, sizeof sql, "SELECT 1 + %d", n);
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_stmt *st = fz_db_query(db, &err, sql, NULL);
	if (!st)
		fail_msg("%s: no statement (%s)", sql, err.message);
	if (!fz_stmt_row(st))
		fail_msg("%s: no row", sql);
	if (fz_col_int(st, 0) != n + 1)
		fail_msg("%s answered %lld", sql, (long long)fz_col_int(st, 0));
	fz_stmt_done(st);
}

/* Statements prepared on the connection, and how many of them ran more than once. */
static int count_stmts(struct fz_db *db, int *reused)
{
	int n = 0;
	*reused = 0;
	for (sqlite3_stmt *s = sqlite3_next_stmt(fz_db_native(db), NULL); s;
	     s = sqlite3_next_stmt(fz_db_native(db), s)) {
		n++;
		if (sqlite3_stmt_status(s, SQLITE_STMTSTATUS_RUN, 0) > 1)
			(*reused)++;
	}
	return n;
}

static void many_distinct_texts_all_answer(void **state)
{
	struct fixture *fx = *state;
	for (int n = 0; n < 5000; n++)
		check_sum(fx->db, n);
	int reused;
	assert_int_equal(count_stmts(fx->db, &reused), SLOTS);
	assert_int_equal(reused, 0);
	/* The last SLOTS texts are the cached ones: running them again prepares nothing. */
	for (int n = 5000 - SLOTS; n < 5000; n++)
		check_sum(fx->db, n);
	assert_int_equal(count_stmts(fx->db, &reused), SLOTS);
	assert_int_equal(reused, SLOTS);
	/* And the first ones again, twice over: evicted, prepared anew, answering. */
	for (int pass = 0; pass < 2; pass++)
		for (int n = 0; n < 600; n++)
			check_sum(fx->db, n);
	assert_int_equal(count_stmts(fx->db, &reused), SLOTS);
}

static void outer_query_survives_inner_queries(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_stmt *outer = fz_db_query(fx->db, &err, "SELECT x FROM t ORDER BY x", NULL);
	assert_non_null(outer);
	int rows = 0, inner = 0;
	while (fz_stmt_row(outer)) {
		rows++;
		if (fz_col_int(outer, 0) != rows)
			fail_msg("outer row %d is %lld after %d inner queries", rows,
				 (long long)fz_col_int(outer, 0), inner);
		/* 40 new texts a row: the outer statement is soon the least recently used. */
		for (int k = 0; k < 40; k++, inner++)
			check_sum(fx->db, 100000 + inner);
	}
	assert_false(fz_stmt_failed(outer, &err));
	fz_stmt_done(outer);
	assert_int_equal(rows, 10);
	assert_true(inner > 300);
}

static void all_slots_in_use_refuses_one_more(void **state)
{
	struct fixture *fx = *state;
	struct fz_stmt *open[SLOTS];
	char sql[64];
	struct fz_err err;
	fz_err_clear(&err);
	for (int k = 0; k < SLOTS; k++) {
		snprintf(sql, sizeof sql, "SELECT x + %d FROM t ORDER BY x", k);
		open[k] = fz_db_query(fx->db, &err, sql, NULL);
		if (!open[k])
			fail_msg("%s: no statement (%s)", sql, err.message);
		assert_true(fz_stmt_row(open[k])); /* now busy */
	}
	assert_null(fz_db_query(fx->db, &err, "SELECT 'one too many'", NULL));
	assert_int_equal(err.code, FZ_EINTERNAL);
	/* Every open statement still reads its own rows. */
	for (int k = 0; k < SLOTS; k++) {
		int x = 1;
		do {
			if (fz_col_int(open[k], 0) != x + k)
				fail_msg("statement %d row %d is %lld", k, x,
					 (long long)fz_col_int(open[k], 0));
			x++;
		} while (fz_stmt_row(open[k]));
		assert_int_equal(x, 11);
		fz_stmt_done(open[k]);
	}
	fz_err_clear(&err);
	check_sum(fx->db, 7);
}

static void rollback_with_a_cached_read_open(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_db_begin(fx->db, &err), FZ_OK);
	struct fz_stmt *ins =
	    fz_db_query(fx->db, &err, "INSERT INTO t (x) VALUES (?)", "i", (int64_t)11);
	assert_non_null(ins);
	assert_int_equal(fz_stmt_exec(ins, &err), FZ_OK);
	struct fz_stmt *rd = fz_db_query(fx->db, &err, "SELECT x FROM t ORDER BY x", NULL);
	assert_non_null(rd);
	assert_true(fz_stmt_row(rd)); /* left open: rollback resets it */
	for (int n = 0; n < 300; n++)
		check_sum(fx->db, 200000 + n);
	fz_db_rollback(fx->db);
	assert_int_equal(fz_db_depth(fx->db), 0);
	struct fz_stmt *st = fz_db_query(fx->db, &err, "SELECT COUNT(*) FROM t", NULL);
	assert_non_null(st);
	assert_true(fz_stmt_row(st));
	assert_int_equal(fz_col_int(st, 0), 10);
	fz_stmt_done(st);
}

/* INSERT ... RETURNING hands back the new key; a refused insert leaves *id as it was. */
static void insert_returning_gives_the_key(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	fz_err_clear(&err);
	int64_t id = -1;
	struct fz_stmt *st = fz_db_query(fx->db, &err, "INSERT INTO t(x) VALUES (?) RETURNING x", "i",
					 (int64_t)42);
	assert_non_null(st);
	assert_int_equal(fz_stmt_exec_id(st, &id, &err), FZ_OK);
	assert_int_equal(id, 42);
	st = fz_db_query(fx->db, &err, "INSERT INTO t(x) VALUES (?) RETURNING x", "i", (int64_t)42);
	assert_int_equal(fz_stmt_exec_id(st, &id, &err), FZ_EDUPLICATE);
	assert_int_equal(id, 42);
	st = fz_db_query(fx->db, &err, "INSERT INTO t(x) VALUES (NULL) RETURNING x", "");
	assert_int_equal(fz_stmt_exec_id(st, &id, &err), FZ_OK);
	assert_int_equal(id, 43); /* the next key after the largest */
	st = fz_db_query(fx->db, &err,
			 "INSERT INTO t(x) VALUES (?) ON CONFLICT (x) DO NOTHING RETURNING x", "i",
			 (int64_t)42);
	assert_int_equal(fz_stmt_exec_id(st, &id, &err), FZ_ENOT_FOUND);
	assert_int_equal(id, 43);
}

/* A write whose statement could not be prepared answers the preparation's error, once. */
static void exec_of_a_failed_query_is_its_error(void **state)
{
	struct fixture *fx = *state;
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_stmt *st = fz_db_query(fx->db, &err, "UPDATE no_such_table SET x = 1", "");
	assert_null(st);
	enum fz_code code = err.code;
	assert_int_not_equal(code, FZ_OK);
	assert_int_equal(fz_stmt_exec(st, &err), code);
	int64_t id = 7;
	assert_int_equal(fz_stmt_exec_id(st, &id, &err), code);
	assert_int_equal(id, 7);
	assert_int_equal(fz_stmt_exec(fz_db_query(fx->db, &err, "UPDATE t SET x = x", ""), &err), FZ_OK);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test_setup_teardown(many_distinct_texts_all_answer, setup, teardown),
	    cmocka_unit_test_setup_teardown(outer_query_survives_inner_queries, setup, teardown),
	    cmocka_unit_test_setup_teardown(all_slots_in_use_refuses_one_more, setup, teardown),
	    cmocka_unit_test_setup_teardown(rollback_with_a_cached_read_open, setup, teardown),
	    cmocka_unit_test_setup_teardown(insert_returning_gives_the_key, setup, teardown),
	    cmocka_unit_test_setup_teardown(exec_of_a_failed_query_is_its_error, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
