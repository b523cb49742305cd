/*
 * test_jobs.c - unit tests of the periodic-job runner (platform/jobs.c) on a
 * temporary SQLite file with the core schema: two runners (two connections,
 * as two server processes have) claiming the same period run the job once;
 * a failed run stores nothing and is tried again; module jobs run after the
 * core's; period keys.
 *
 * For: fz_job_run, fz_jobs_run_due, fz_job_period_key, fz_jobs_validate.
 * Not for: what a job does (the supervision sweep has its API tests).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "platform/jobs.h"
#include "platform/module.h"

/* ---- toy jobs ------------------------------------------------------------------ */

static int runs;          /* how many times a job's work ran (any connection) */
static bool fail_next;    /* the next run writes its row and then fails */
static useconds_t linger; /* how long a run holds its transaction open */
static pthread_mutex_t runs_lock = PTHREAD_MUTEX_INITIALIZER;

/* Writes a row of its own (to show it commits or rolls back with the claim). */
static enum fz_code count(struct fz_ctx *ctx, const char *period_key, struct fz_err *err)
{
	pthread_mutex_lock(&runs_lock);
	runs++;
	pthread_mutex_unlock(&runs_lock);
	struct fz_stmt *st = fz_db_query(ctx->db, err, "INSERT INTO work(period_key) VALUES (?)",
					 "t", period_key);
	enum fz_code rc = st ? fz_stmt_exec(st, err) : err->code;
	if (linger)
		usleep(linger);
	if (!rc && fail_next) {
		fail_next = false;
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "任务失败（测试）");
	}
	return rc;
}

static const struct fz_job toy_jobs[] = {
	{"toy.count", FZ_JOB_DAILY, count},
	{"toy.hourly", FZ_JOB_HOURLY, count},
	{NULL, FZ_JOB_DAILY, NULL},
};
static const struct fz_module toy_module = {.name = "toy", .label = "示例", .jobs = toy_jobs};
static const struct fz_module *const toy_table[] = {&toy_module};

static const struct fz_job *job(const char *name)
{
	for (const struct fz_job *j = toy_jobs; j->name; j++)
		if (strcmp(j->name, name) == 0)
			return j;
	fail_msg("test bug: no job %s", name);
	return NULL;
}

/* ---- fixture: one database file, two connections ---------------------------------- */

struct runner {
	struct fz_db *db;
	struct fz_arena arena;
	struct fz_ctx ctx;
};

struct fixture {
	char path[64];
	struct runner a, b;
};

#define NOW 1795363200 /* 2026-11-22T16:00:00Z = 2026-11-23 00:00 China Standard Time */

static void remove_files(const char *path)
{
	char side[80];
	unlink(path);
	snprintf(side, sizeof side, "%s-wal", path);
	unlink(side);
	snprintf(side, sizeof side, "%s-shm", path);
	unlink(side);
}

static bool runner_open(struct fixture *fx, struct runner *r, struct fz_err *err)
{
	if (fz_db_open(fx->path, FZ_DB_CREATE, &r->db, err) != FZ_OK)
		return false;
	fz_arena_init(&r->arena);
	r->ctx = (struct fz_ctx){.db = r->db, .arena = &r->arena, .now = NOW,
				 .today = fz_today_from(NOW)};
	return true;
}

static int teardown(void **state);

static int setup(void **state)
{
	struct fixture *fx = calloc(1, sizeof *fx);
	*state = fx;
	if (!fx)
		return -1;
	snprintf(fx->path, sizeof fx->path, "/tmp/fz-test-jobs-XXXXXX");
	int fd = mkstemp(fx->path);
	if (fd < 0)
		return -1;
	close(fd);
	fz_platform_set_modules(toy_table, 1);
	runs = 0;
	fail_next = false;
	linger = 0;
	struct fz_err err;
	fz_err_clear(&err);
	int n = 0;
	if (!runner_open(fx, &fx->a, &err) || fz_platform_migrate(fx->a.db, &n, &err) != FZ_OK ||
	    fz_db_exec(fx->a.db, "CREATE TABLE work (period_key TEXT NOT NULL)", &err) != FZ_OK ||
	    !runner_open(fx, &fx->b, &err)) {
		print_message("cannot set up %s: %s\n", fx->path, err.message);
		teardown(state);
		return -1;
	}
	return 0;
}

static int teardown(void **state)
{
	struct fixture *fx = *state;
	if (!fx)
		return 0;
	fz_db_close(fx->a.db);
	fz_db_close(fx->b.db);
	fz_arena_cleanup(&fx->a.arena);
	fz_arena_cleanup(&fx->b.arena);
	remove_files(fx->path);
	free(fx);
	return 0;
}

static long count_rows(struct runner *r, const char *sql)
{
	struct fz_stmt *st = fz_db_query(r->db, NULL, sql, NULL);
	long n = st && fz_stmt_row(st) ? (long)fz_col_int(st, 0) : -1;
	fz_stmt_done(st);
	return n;
}

static bool run(struct runner *r, const char *name, enum fz_code want)
{
	struct fz_err err;
	fz_err_clear(&err);
	bool ran = true;
	enum fz_code rc = fz_job_run(&r->ctx, job(name), &ran, &err);
	if (rc != want)
		fail_msg("%s: %s (%s), want %s", name, fz_code_name(rc), err.message,
			 fz_code_name(want));
	return ran;
}

/* ---- tests ------------------------------------------------------------------- */

static void period_keys(void **state)
{
	struct fixture *fx = *state;
	char key[16];
	fz_job_period_key(&fx->a.ctx, FZ_JOB_DAILY, key);
	assert_string_equal(key, "2026-11-23");
	fz_job_period_key(&fx->a.ctx, FZ_JOB_HOURLY, key);
	assert_string_equal(key, "2026-11-23T00");
	fx->a.ctx.now = NOW + 14 * 3600 + 59 * 60; /* 14:59 CST */
	fz_job_period_key(&fx->a.ctx, FZ_JOB_HOURLY, key);
	assert_string_equal(key, "2026-11-23T14");
}

static void second_runner_skips_a_claimed_period(void **state)
{
	struct fixture *fx = *state;
	assert_true(run(&fx->a, "toy.count", FZ_OK));
	assert_false(run(&fx->b, "toy.count", FZ_OK));
	assert_false(run(&fx->a, "toy.count", FZ_OK));
	assert_int_equal(runs, 1);
	assert_int_equal(count_rows(&fx->b, "SELECT COUNT(*) FROM work"), 1);
	assert_int_equal(count_rows(&fx->b, "SELECT COUNT(*) FROM job_run WHERE job = 'toy.count'"
					    " AND period_key = '2026-11-23'"),
			 1);
	/* The next day is a new period: whichever runner comes first runs it. */
	fx->b.ctx.today++;
	assert_true(run(&fx->b, "toy.count", FZ_OK));
	fx->a.ctx.today++;
	assert_false(run(&fx->a, "toy.count", FZ_OK));
	assert_int_equal(runs, 2);
}

/* Both runners at once, each in its own thread and connection: one runs, one skips. */
struct race {
	struct runner *r;
	pthread_barrier_t *start;
	bool ran;
	enum fz_code rc;
};

static void *race_one(void *arg)
{
	struct race *x = arg;
	struct fz_err err;
	fz_err_clear(&err);
	pthread_barrier_wait(x->start);
	x->rc = fz_job_run(&x->r->ctx, job("toy.count"), &x->ran, &err);
	return NULL;
}

static void simultaneous_runners_run_once(void **state)
{
	struct fixture *fx = *state;
	linger = 100 * 1000; /* the first claim stays open while the other tries */
	pthread_barrier_t start;
	pthread_barrier_init(&start, NULL, 2);
	struct race x[2] = {{.r = &fx->a, .start = &start}, {.r = &fx->b, .start = &start}};
	pthread_t t[2];
	for (int i = 0; i < 2; i++)
		pthread_create(&t[i], NULL, race_one, &x[i]);
	for (int i = 0; i < 2; i++)
		pthread_join(t[i], NULL);
	pthread_barrier_destroy(&start);
	assert_int_equal(x[0].rc, FZ_OK);
	assert_int_equal(x[1].rc, FZ_OK);
	assert_int_equal(x[0].ran + x[1].ran, 1);
	assert_int_equal(runs, 1);
	assert_int_equal(count_rows(&fx->a, "SELECT COUNT(*) FROM work"), 1);
}

static void failed_run_stores_nothing_and_is_retried(void **state)
{
	struct fixture *fx = *state;
	fail_next = true;
	assert_false(run(&fx->a, "toy.count", FZ_EINTERNAL));
	assert_int_equal(count_rows(&fx->a, "SELECT COUNT(*) FROM work"), 0);
	assert_int_equal(count_rows(&fx->a, "SELECT COUNT(*) FROM job_run"), 0);
	assert_true(run(&fx->b, "toy.count", FZ_OK));
	assert_int_equal(runs, 2);
	assert_int_equal(count_rows(&fx->a, "SELECT COUNT(*) FROM work"), 1);
}

static void hourly_job_runs_each_hour(void **state)
{
	struct fixture *fx = *state;
	assert_true(run(&fx->a, "toy.hourly", FZ_OK));
	fx->a.ctx.now += 1800; /* 00:30, same hour */
	assert_false(run(&fx->a, "toy.hourly", FZ_OK));
	fx->b.ctx.now += 3600; /* 01:00 */
	assert_true(run(&fx->b, "toy.hourly", FZ_OK));
	assert_int_equal(runs, 2);
}

static void run_due_runs_core_then_module_jobs_once(void **state)
{
	struct fixture *fx = *state;
	/* The core's supervision sweep needs a calendar; an empty one leaves nothing to card. */
	struct fz_calendar *cal = fz_calendar_new();
	fx->a.ctx.cal = cal;
	fx->b.ctx.cal = cal;
	int first = fz_jobs_run_due(&fx->a.ctx);
	assert_int_equal(first, 3); /* supervision.sweep, toy.count, toy.hourly */
	assert_int_equal(fz_jobs_run_due(&fx->b.ctx), 0);
	assert_int_equal(count_rows(&fx->a, "SELECT COUNT(*) FROM job_run WHERE job ="
					    " 'supervision.sweep' AND period_key = '2026-11-23'"),
			 1);
	fz_calendar_free(cal);
}

static void validate_refuses_a_duplicate_name(void **state)
{
	(void)state;
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_jobs_validate(&err), FZ_OK);
	static const struct fz_job dup[] = {{"supervision.sweep", FZ_JOB_DAILY, count},
					    {NULL, FZ_JOB_DAILY, NULL}};
	static const struct fz_module dup_module = {.name = "dup", .label = "重复", .jobs = dup};
	static const struct fz_module *const dup_table[] = {&dup_module};
	fz_platform_set_modules(dup_table, 1);
	assert_int_equal(fz_jobs_validate(&err), FZ_EINTERNAL);
	assert_string_equal(err.field, "supervision.sweep");
	fz_platform_set_modules(toy_table, 1);
}

int main(void)
{
	const struct CMUnitTest tests[] = {
		cmocka_unit_test_setup_teardown(period_keys, setup, teardown),
		cmocka_unit_test_setup_teardown(second_runner_skips_a_claimed_period, setup, teardown),
		cmocka_unit_test_setup_teardown(simultaneous_runners_run_once, setup, teardown),
		cmocka_unit_test_setup_teardown(failed_run_stores_nothing_and_is_retried, setup,
						teardown),
		cmocka_unit_test_setup_teardown(hourly_job_runs_each_hour, setup, teardown),
		cmocka_unit_test_setup_teardown(run_due_runs_core_then_module_jobs_once, setup,
						teardown),
		cmocka_unit_test_setup_teardown(validate_refuses_a_duplicate_name, setup, teardown),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
