/*
 * jobs.h - periodic jobs: work that is due once a day or once an hour (the
 * supervision cards of a new day), declared by the core and by modules
 * (struct fz_module jobs), and the one runner that runs each at most once
 * per period.
 *
 * At most once, even with several server processes on one database: a run
 * claims its period by inserting (job, period key) into job_run, whose key
 * refuses a second row, in the same transaction as the job's work. Either
 * the work and the claim are stored together, or neither is and the next
 * check (a minute later) tries again. A process that finds the period
 * claimed skips it; with SQLite the writers queue, with PostgreSQL the
 * second insert waits for the first transaction and then finds the row.
 *
 * Not for: infrastructure the server does every second (checkpoints, the
 * connection watchdog, noticing a newly loaded calendar).
 */
#ifndef FZ_PLATFORM_JOBS_H
#define FZ_PLATFORM_JOBS_H

#include <stdbool.h>

#include "platform/ctx.h"

enum fz_job_period {
	FZ_JOB_DAILY,  /* key "2026-11-23": the day in China Standard Time (ctx->today) */
	FZ_JOB_HOURLY, /* key "2026-11-23T14": the hour in China Standard Time (ctx->now) */
};

struct fz_job {
	const char *name; /* unique across the core and the modules; NULL ends a list */
	enum fz_job_period period;
	/*
	 * The work of one period, inside the runner's transaction (it may nest
	 * its own: fz_db_begin makes a savepoint). An error rolls back the work
	 * and the claim. ctx->user is NULL (the system); ctx->cal is loaded.
	 */
	enum fz_code (*run)(struct fz_ctx *ctx, const char *period_key, struct fz_err *err);
};

/* The core's jobs, name NULL ends. */
extern const struct fz_job fz_core_jobs[];

/* The key of the period ctx is in, into out (at most 16 bytes with the NUL). */
void fz_job_period_key(const struct fz_ctx *ctx, enum fz_job_period period, char out[16]);

/*
 * Runs job for the period ctx is in unless that period is claimed already
 * (here or by another process). *ran says whether the work ran here and was
 * stored. On error nothing of the run is stored and *ran is false.
 */
enum fz_code fz_job_run(struct fz_ctx *ctx, const struct fz_job *job, bool *ran,
			struct fz_err *err);

/*
 * Runs every job that is due: the core's, then each installed module's in
 * table order. A failing job is reported on stderr and does not stop the
 * others (it is tried again at the next call). Returns how many ran.
 */
int fz_jobs_run_due(struct fz_ctx *ctx);

/* Job names are unique across the core and the installed modules (start-up check). */
enum fz_code fz_jobs_validate(struct fz_err *err);

#endif
