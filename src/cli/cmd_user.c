/* cmd_user.c - `fazhi user add|passwd|disable|enable`. */
#include <sodium.h>
#include <stdio.h>
#include <string.h>
#include <termios.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/text.h"
#include "platform/accounts.h"

/* Password from --password, or read from the terminal without echo. */
static const char *password(int argc, char **argv, char *buf, size_t size)
{
	const char *p = fz_cli_opt(argc, argv, "--password");
	if (p)
		return p;
	if (!isatty(STDIN_FILENO)) {
		if (!fgets(buf, (int)size, stdin))
			return NULL;
		buf[strcspn(buf, "\r\n")] = '\0';
		return buf;
	}
	struct termios t, quiet;
	tcgetattr(STDIN_FILENO, &t);
	quiet = t;
	quiet.c_lflag &= ~(tcflag_t)ECHO;
	fprintf(stderr, "新密码：");
	tcsetattr(STDIN_FILENO, TCSANOW, &quiet);
	const char *r = fgets(buf, (int)size, stdin);
	tcsetattr(STDIN_FILENO, TCSANOW, &t);
	fprintf(stderr, "\n");
	if (!r)
		return NULL;
	buf[strcspn(buf, "\r\n")] = '\0';
	return buf;
}

static int64_t agency_id(struct fz_cli *c, const char *s)
{
	int64_t id;
	struct fz_stmt *st;
	if (fz_parse_int(s, 1, INT64_MAX, &id))
		st = fz_db_query(c->db, NULL, "SELECT agency_id FROM agency WHERE agency_id = ?", "i", id);
	else
		st = fz_db_query(c->db, NULL, "SELECT agency_id FROM agency WHERE code = ?", "t", s);
	id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

int fz_cmd_user(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--username", "--name", "--role", "--agency",
					   "--password", NULL};
	if (argc < 2 || !fz_cli_known(argc, argv, opts, NULL)) {
		fprintf(stderr, "用法：fazhi user add|passwd|disable|enable --db FILE --username U ...\n");
		return 2;
	}
	const char *verb = argv[1], *username = fz_cli_opt(argc, argv, "--username");
	if (!username) {
		fprintf(stderr, "fazhi user: 缺少 --username\n");
		return 2;
	}
	bool add = strcmp(verb, "add") == 0, passwd = strcmp(verb, "passwd") == 0;
	bool disable = strcmp(verb, "disable") == 0, enable = strcmp(verb, "enable") == 0;
	if (!add && !passwd && !disable && !enable) {
		fprintf(stderr, "fazhi user: 未知操作“%s”，可用 add、passwd、disable、enable\n", verb);
		return 2;
	}
	enum fz_role role = 0;
	if (add) {
		role = fz_role_parse(fz_cli_opt(argc, argv, "--role"));
		if (!role) {
			fprintf(stderr, "fazhi user add: --role 应为 admin、legal_staff、legal_head、"
					"agency_clerk、agency_head、officer、leader 之一\n");
			return 2;
		}
		if (!fz_cli_opt(argc, argv, "--name") || !fz_cli_opt(argc, argv, "--agency")) {
			fprintf(stderr, "fazhi user add: 缺少 --name 姓名 或 --agency 单位\n");
			return 2;
		}
	}
	struct fz_cli c;
	if (!fz_cli_open(&c, fz_cli_opt(argc, argv, "--db"), 0))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	int status = 1;
	char buf[256];
	if (add) {
		int64_t ag = agency_id(&c, fz_cli_opt(argc, argv, "--agency"));
		if (!ag) {
			fprintf(stderr, "fazhi user add: 单位“%s”不存在\n", fz_cli_opt(argc, argv, "--agency"));
			goto out;
		}
		const char *pw = password(argc, argv, buf, sizeof buf);
		char hash[crypto_pwhash_STRBYTES];
		if (!pw || fz_password_hash(pw, hash, sizeof hash, &err) ||
		    fz_user_create(&c.ctx, username, fz_cli_opt(argc, argv, "--name"), role, ag, hash,
				   NULL, &err)) {
			if (!pw)
				fz_err_set(&err, FZ_EMISSING_FIELD, "password", "缺少密码");
			fz_cli_fail(&err);
			goto out;
		}
		printf("已创建用户 %s（%s）\n", username, fz_role_label(role));
	} else if (passwd) {
		const char *pw = password(argc, argv, buf, sizeof buf);
		if (!pw || fz_user_set_password(&c.ctx, username, pw, &err)) {
			if (!pw)
				fz_err_set(&err, FZ_EMISSING_FIELD, "password", "缺少密码");
			fz_cli_fail(&err);
			goto out;
		}
		printf("已修改用户 %s 的密码，其登录会话已全部注销\n", username);
	} else {
		if (fz_user_set_disabled(&c.ctx, username, disable, &err)) {
			fz_cli_fail(&err);
			goto out;
		}
		printf(disable ? "已停用用户 %s\n" : "已启用用户 %s\n", username);
	}
	status = 0;
out:
	sodium_memzero(buf, sizeof buf);
	fz_cli_close(&c);
	return status;
}
