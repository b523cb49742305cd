/* common.c - argument and database helpers shared by the subcommands (cli.h). */
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "platform/calendar_store.h"

const char *fz_cli_opt(int argc, char **argv, const char *name)
{
	for (int i = 1; i + 1 < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return argv[i + 1];
	return NULL;
}

bool fz_cli_flag(int argc, char **argv, const char *name)
{
	for (int i = 1; i < argc; i++)
		if (strcmp(argv[i], name) == 0)
			return true;
	return false;
}

static bool in(const char *const *list, const char *s)
{
	for (; list && *list; list++)
		if (strcmp(*list, s) == 0)
			return true;
	return false;
}

bool fz_cli_known(int argc, char **argv, const char *const *with_value, const char *const *flags)
{
	for (int i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--", 2) != 0)
			continue;
		if (in(with_value, argv[i])) {
			if (i + 1 >= argc) {
				fprintf(stderr, "fazhi %s: 选项 %s 缺少取值\n", argv[0], argv[i]);
				return false;
			}
			i++;
			continue;
		}
		if (in(flags, argv[i]))
			continue;
		fprintf(stderr, "fazhi %s: 不认识的选项 %s（见 fazhi --help）\n", argv[0], argv[i]);
		return false;
	}
	return true;
}

void fz_cli_fail(const struct fz_err *err)
{
	if (err->field[0])
		fprintf(stderr, "fazhi: %s（%s）\n", err->message, err->field);
	else
		fprintf(stderr, "fazhi: %s\n", err->message);
}

bool fz_cli_open(struct fz_cli *c, const char *db_path, int flags)
{
	memset(c, 0, sizeof *c);
	struct fz_err err;
	fz_err_clear(&err);
	if (!db_path) {
		fprintf(stderr, "fazhi: 缺少 --db FILE（数据库文件）\n");
		return false;
	}
	if (fz_db_open(db_path, flags, &c->db, &err) != FZ_OK) {
		fz_cli_fail(&err);
		return false;
	}
	if (fz_db_has_table(c->db, "calendar_year")) {
		if (fz_calstore_load(c->db, &c->cal, &err) != FZ_OK) {
			fz_cli_fail(&err);
			fz_db_close(c->db);
			return false;
		}
	}
	fz_arena_init(&c->arena);
	c->ctx.db = c->db;
	c->ctx.arena = &c->arena;
	c->ctx.cal = c->cal;
	fz_ctx_set_time(&c->ctx);
	return true;
}

void fz_cli_close(struct fz_cli *c)
{
	fz_arena_cleanup(&c->arena);
	fz_calendar_free(c->cal);
	fz_db_close(c->db);
	c->db = NULL;
	c->cal = NULL;
}
