/*
 * cli.h - entry points of the command-line subcommands.
 *
 * Each takes the arguments after the program name (argv[0] is the subcommand
 * name) and returns the process exit status: 0 success, 1 failure, 2 usage.
 */
#ifndef FZ_CLI_CLI_H
#define FZ_CLI_CLI_H

/* `fazhi calendar ...` on the shipped or a given CSV (cmd_calendar.c). */
int fz_cmd_calendar(int argc, char **argv);
/* `fazhi calendar --db FILE ...` and `fazhi calendar load ...` (cmd_calendar_db.c). */
int fz_cmd_calendar_db(int argc, char **argv);

int fz_cmd_init(int argc, char **argv);
int fz_cmd_demo(int argc, char **argv);
int fz_cmd_serve(int argc, char **argv);
int fz_cmd_audit(int argc, char **argv);
int fz_cmd_backup(int argc, char **argv);
int fz_cmd_supervise(int argc, char **argv);
int fz_cmd_user(int argc, char **argv);
int fz_cmd_bench_gen(int argc, char **argv);
int fz_cmd_report(int argc, char **argv);

/* Shared by the subcommands (common.c). */
#include <stdbool.h>

#include "platform/ctx.h"

struct fz_cli {
	struct fz_db *db;
	struct fz_calendar *cal;
	struct fz_arena arena;
	struct fz_ctx ctx; /* acting as the system, today in CST */
};

/* Value of --name VALUE in argv, or NULL. */
const char *fz_cli_opt(int argc, char **argv, const char *name);
bool fz_cli_flag(int argc, char **argv, const char *name);
/* Fails (printing why) for any --option not in the NULL-terminated lists. */
bool fz_cli_known(int argc, char **argv, const char *const *with_value,
		  const char *const *flags);
/* Opens the database and its calendar; prints a Chinese message and returns false on failure. */
bool fz_cli_open(struct fz_cli *c, const char *db_path, int flags);
void fz_cli_close(struct fz_cli *c);
/* Prints "fazhi: <message>" with the field, to stderr. */
void fz_cli_fail(const struct fz_err *err);

#endif
