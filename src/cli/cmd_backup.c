/* cmd_backup.c - `fazhi backup --db FILE --to FILE`: an online, consistent copy. */
#include <stdio.h>
#include <unistd.h>

#include "cli/cli.h"

int fz_cmd_backup(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--to", NULL};
	if (!fz_cli_known(argc, argv, opts, NULL))
		return 2;
	const char *to = fz_cli_opt(argc, argv, "--to");
	if (!to) {
		fprintf(stderr, "fazhi backup: 缺少 --to FILE（备份文件）\n");
		return 2;
	}
	if (access(to, F_OK) == 0) {
		fprintf(stderr, "fazhi backup: %s 已存在，不会覆盖\n", to);
		return 1;
	}
	struct fz_cli c;
	if (!fz_cli_open(&c, fz_cli_opt(argc, argv, "--db"), 0))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	int status = 0;
	if (fz_db_backup(c.db, to, &err) != FZ_OK) {
		fz_cli_fail(&err);
		status = 1;
	} else {
		printf("备份完成：%s\n", to);
	}
	fz_cli_close(&c);
	return status;
}
