/*
 * jobs.c - the periodic-job runner (jobs.h) and the core's jobs.
 */
#include "platform/jobs.h"

#include <stdio.h>
#include <string.h>

#include "platform/module.h"
#include "platform/supervision.h"

/*
 * 电子监察: the red and yellow cards of the day. The sweep keeps its own
 * mark of the day and warning window it last covered, so it issues each card
 * once whoever runs it (this job, or `fazhi supervise` by hand).
 */
static enum fz_code supervision_sweep(struct fz_ctx *ctx, const char *period_key,
				      struct fz_err *err)
{
	(void)period_key;
	int issued = 0;
	return fz_supervision_sweep(ctx, &issued, err);
}

const struct fz_job fz_core_jobs[] = {
	{"supervision.sweep", FZ_JOB_DAILY, supervision_sweep},
	{NULL, FZ_JOB_DAILY, NULL},
};

void fz_job_period_key(const struct fz_ctx *ctx, enum fz_job_period period, char out[16])
{
	char day[11];
	fz_date_format(ctx->today, day);
	if (period == FZ_JOB_HOURLY) {
		/* The hour of ctx->now in China Standard Time (UTC+8, no daylight saving). */
		int hour = (int)(((ctx->now + 8 * 3600) % 86400 + 86400) % 86400 / 3600);
		snprintf(out, 16, "%sT%02d", day, hour);
	} else {
		snprintf(out, 16, "%s", day);
	}
}

/* Has the period been claimed already? A read, so a check that finds it done writes nothing. */
static bool claimed(struct fz_ctx *ctx, const char *job, const char *key)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT 1 FROM job_run WHERE job = ? AND period_key = ?", "tt",
					 job, key);
	bool yes = st && fz_stmt_row(st);
	fz_stmt_done(st);
	return yes;
}

enum fz_code fz_job_run(struct fz_ctx *ctx, const struct fz_job *job, bool *ran,
			struct fz_err *err)
{
	char key[16], now[21];
	fz_job_period_key(ctx, job->period, key);
	fz_iso_utc(ctx->now, now);
	*ran = false;
	if (claimed(ctx, job->name, key))
		return FZ_OK;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	/*
	 * The claim: a second process inserting the same key finds the row (or,
	 * on PostgreSQL, waits for this transaction and then finds it) and skips.
	 */
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "INSERT INTO job_run(job, period_key, ran_at) VALUES (?, ?, ?)"
					 " ON CONFLICT (job, period_key) DO NOTHING",
					 "ttt", job->name, key, now);
	if (!st || (rc = fz_stmt_exec(st, err))) {
		rc = err->code;
		goto fail;
	}
	if (fz_db_changes(ctx->db) != 1) {
		fz_db_rollback(ctx->db);
		return FZ_OK;
	}
	if ((rc = job->run(ctx, key, err)) || (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	*ran = true;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

/* Runs one list of jobs; returns how many ran. */
static int run_list(struct fz_ctx *ctx, const struct fz_job *jobs)
{
	int n = 0;
	for (const struct fz_job *j = jobs; j && j->name; j++) {
		struct fz_err err;
		fz_err_clear(&err);
		bool ran = false;
		if (fz_job_run(ctx, j, &ran, &err) != FZ_OK)
			fprintf(stderr, "fazhi: job %s: %s\n", j->name, err.message);
		n += ran;
	}
	return n;
}

int fz_jobs_run_due(struct fz_ctx *ctx)
{
	int n = run_list(ctx, fz_core_jobs);
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		n += run_list(ctx, fz_platform_module(i)->jobs);
	return n;
}

/* The declaration of job `name` in the core or an installed module, first found; NULL if none. */
static const struct fz_job *find(const char *name)
{
	for (const struct fz_job *j = fz_core_jobs; j->name; j++)
		if (strcmp(j->name, name) == 0)
			return j;
	for (size_t i = 0; i < fz_platform_module_count(); i++)
		for (const struct fz_job *j = fz_platform_module(i)->jobs; j && j->name; j++)
			if (strcmp(j->name, name) == 0)
				return j;
	return NULL;
}

static enum fz_code check_list(const struct fz_job *jobs, struct fz_err *err)
{
	for (const struct fz_job *j = jobs; j && j->name; j++) {
		if (find(j->name) != j)
			return fz_err_set(err, FZ_EINTERNAL, j->name, "定期任务 %s 重复声明", j->name);
		if (!j->run || (j->period != FZ_JOB_DAILY && j->period != FZ_JOB_HOURLY))
			return fz_err_set(err, FZ_EINTERNAL, j->name, "定期任务 %s 没有执行函数或周期",
					  j->name);
	}
	return FZ_OK;
}

enum fz_code fz_jobs_validate(struct fz_err *err)
{
	enum fz_code rc = check_list(fz_core_jobs, err);
	for (size_t i = 0; !rc && i < fz_platform_module_count(); i++)
		rc = check_list(fz_platform_module(i)->jobs, err);
	return rc;
}
