/* cmd_audit.c - `fazhi audit verify --db FILE`: walks the event hash chain. */
#include <inttypes.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "platform/audit.h"

int fz_cmd_audit(int argc, char **argv)
{
	static const char *const opts[] = {"--db", NULL};
	if (argc < 2 || strcmp(argv[1], "verify") != 0 || !fz_cli_known(argc, argv, opts, NULL)) {
		fprintf(stderr, "用法：fazhi audit verify --db FILE\n");
		return 2;
	}
	struct fz_cli c;
	if (!fz_cli_open(&c, fz_cli_opt(argc, argv, "--db"), FZ_DB_READONLY))
		return 1;
	struct fz_audit_report rep;
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = fz_audit_verify(c.db, &rep, &err);
	int status = 0;
	if (rc == FZ_OK) {
		printf("审计链完整：已校验 %" PRId64 " 个事件\n", rep.verified);
	} else if (rep.bad_event_id) {
		printf("审计链被篡改：第一个异常事件 %" PRId64 "：%s（此前 %" PRId64 " 个事件校验通过）\n",
		       rep.bad_event_id, rep.why, rep.verified);
		status = 1;
	} else if (rep.bad_files) {
		printf("案卷文件被改动或缺失：共 %" PRId64 " 个（已校验 %" PRId64 " 个文件）；第一个：%s\n",
		       rep.bad_files, rep.files_checked, rep.file_why);
		status = 1;
	} else {
		fz_cli_fail(&err);
		status = 1;
	}
	fz_cli_close(&c);
	return status;
}
