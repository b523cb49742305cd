/*
 * demo_loader.h - plays a module's demo data files through the real procedures.
 *
 * A module keeps its demo county data as JSON files in its own folder
 * (src/modules/<name>/demo, compiled into the binary by
 * scripts/embed-demo.py) and declares, beside them, what each kind of record
 * becomes: the function that creates it exactly as the module's API would,
 * and for a record that opens a case, the case type whose transitions its
 * steps take. The loader reads every file, checks it whole, orders every
 * creation and step of every record by its day, and plays them one by one
 * with ctx->today set to that day and ctx->user to the named demo account, so
 * numbers, clocks, audit events and documents come out as if staff had done
 * the work on those days. The file format is written down for the county's
 * trainers in docs/demo-data.md.
 *
 * Not for: the demo county's agencies and accounts (cli/cmd_demo.c), or
 * synthetic bulk data for benchmarks (a module's generate hook).
 */
#ifndef FZ_PLATFORM_DEMO_LOADER_H
#define FZ_PLATFORM_DEMO_LOADER_H

#include <jansson.h>
#include <stddef.h>
#include <stdint.h>

#include "platform/ctx.h"

/* One data file: its name as errors show it ("mailbox/demo/letters.json") and its bytes. */
struct fz_demo_file {
	const char *name; /* NULL ends a list */
	const char *data;
	size_t len;
};

/*
 * One kind of demo record a module understands: the record's "kind" and the
 * function that creates it. create runs as ctx->user on ctx->today inside the
 * loader's transaction, and is given the record's fields with dates,
 * agency codes and @references already turned into what the API takes. It
 * checks them as the module's own API does (an error names the field) and
 * returns in *id what "@key" in other records stands for, and in *case_id the
 * case the record's steps act on (0 when it opens none).
 */
struct fz_demo_kind {
	const char *name; /* "letter"; NULL ends a list */
	/* The type of the case the record opens, whose transitions its steps name; NULL: no steps. */
	const char *case_type;
	enum fz_code (*create)(struct fz_ctx *ctx, json_t *fields, int64_t *id, int64_t *case_id,
			       struct fz_err *err);
};

/* What a module declares (struct fz_module's demo): its files and its kinds of record. */
struct fz_demo {
	const struct fz_demo_file *files; /* name NULL ends */
	const struct fz_demo_kind *kinds; /* name NULL ends */
};

/* What a play did, for the summary line. */
struct fz_demo_stats {
	long records; /* records created */
	long steps;   /* steps taken */
	long later;   /* records and steps dated after today, left undone */
};

/*
 * Plays files (name NULL ends; the module's own files, or a trainer's copy
 * read from disk) with the module's kinds, in one transaction (a savepoint
 * inside the caller's): either every record of every file is written, or
 * nothing is. ctx->today is the reference day that "today" in the files
 * means; ctx->user, ctx->now and ctx->client are set per step and left as
 * NULL / the environment's time afterwards. On error err's message names the
 * file, the record's number in it, its step where one failed, and the field;
 * err->field is the field.
 */
enum fz_code fz_demo_play(struct fz_ctx *ctx, const struct fz_demo *demo,
			  const struct fz_demo_file *files, struct fz_demo_stats *stats,
			  struct fz_err *err);

/*
 * Evaluates a date as the files write it: "2026-03-05", "today", "today-200",
 * "day", "day-2", "+3", "+5wd", "today-200+5wd" (docs/demo-data.md). today is
 * the reference day; rel the day a base-less form counts from (the previous
 * step, or the record's own day; -1 when there is none, which refuses those
 * forms; "day" means rel). Working days are counted on cal. FZ_EBAD_DATE for
 * a malformed date, FZ_EDATE_RANGE outside the loaded calendar.
 */
enum fz_code fz_demo_date(const struct fz_calendar *cal, const char *s, int today, int rel,
			  int *out);

#endif
