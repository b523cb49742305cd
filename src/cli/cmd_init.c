/*
 * cmd_init.c - `fazhi init --db FILE`: schema (re-runnable migrations), the
 * shipped official calendar, the two agencies every county has, and the admin
 * account (password from FAZHI_ADMIN_PASSWORD, or generated and printed once).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "platform/accounts.h"
#include "platform/audit.h"
#include "platform/calendar_store.h"
#include "platform/module.h"

static bool ensure_agency(struct fz_cli *c, const char *code, const char *name, const char *shortname,
			  const char *kind, int order, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		c->db, err,
		"INSERT INTO agency(code, name, short_name, kind, sort_order) VALUES (?,?,?,?,?)"
		" ON CONFLICT (code) DO NOTHING",
		"ttttI", code, name, shortname, kind, order);
	return st && fz_stmt_exec(st, err) == FZ_OK;
}

int fz_cmd_init(int argc, char **argv)
{
	static const char *const opts[] = {"--db", NULL};
	if (!fz_cli_known(argc, argv, opts, NULL))
		return 2;
	const char *path = fz_cli_opt(argc, argv, "--db");
	struct fz_cli c;
	if (!fz_cli_open(&c, path, FZ_DB_CREATE))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	int applied = 0, rc = 1;
	if (fz_platform_migrate(c.db, &applied, &err) != FZ_OK) {
		fz_cli_fail(&err);
		goto out;
	}
	printf("数据库结构：新执行 %d 个迁移\n", applied);
	if (applied)
		fz_db_optimize(c.db);
	if (!c.cal) {
		fz_calendar_free(c.cal);
		if (fz_calstore_load(c.db, &c.cal, &err) != FZ_OK) {
			fz_cli_fail(&err);
			goto out;
		}
		c.ctx.cal = c.cal;
	}
	int years[4];
	if (fz_calendar_years(c.cal, years, 4) == 0) {
		char *text;
		size_t len;
		const char *csv = FZ_DATA_DIR "/cn-calendar.csv";
		if (fz_read_file(csv, 1 << 20, &text, &len, &err) != FZ_OK) {
			fz_cli_fail(&err);
			goto out;
		}
		struct fz_calendar *next;
		int ny, changed;
		enum fz_code r = fz_calstore_import(&c.ctx, text, len, "cn-calendar.csv", &next, &ny,
						    &changed, &err);
		free(text);
		if (r) {
			fz_cli_fail(&err);
			goto out;
		}
		fz_calendar_free(c.cal);
		c.cal = next;
		c.ctx.cal = next;
		printf("节假日日历：载入 %d 个年度（%s）\n", ny, csv);
	}
	if (!ensure_agency(&c, "gov", "县人民政府", "县政", "county", 0, &err) ||
	    !ensure_agency(&c, "sfj", "县司法局", "县司", "legal_office", 1, &err)) {
		fz_cli_fail(&err);
		goto out;
	}
	struct fz_stmt *st = fz_db_query(c.db, &err, "SELECT 1 FROM app_user WHERE username = 'admin'",
					 NULL);
	bool have_admin = st && fz_stmt_row(st);
	fz_stmt_done(st);
	if (!have_admin) {
		char generated[25];
		const char *pw = getenv("FAZHI_ADMIN_PASSWORD");
		if (!pw || !*pw) {
			unsigned char raw[12];
			randombytes_buf(raw, sizeof raw);
			sodium_bin2base64(generated, sizeof generated, raw, sizeof raw,
					  sodium_base64_VARIANT_URLSAFE_NO_PADDING);
			pw = generated;
		}
		char hash[crypto_pwhash_STRBYTES];
		if (fz_password_hash(pw, hash, sizeof hash, &err) != FZ_OK) {
			fprintf(stderr, "fazhi: FAZHI_ADMIN_PASSWORD 无效：");
			fz_cli_fail(&err);
			goto out;
		}
		st = fz_db_query(c.db, &err, "SELECT agency_id FROM agency WHERE code = 'sfj'", NULL);
		int64_t agency = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 1;
		fz_stmt_done(st);
		if (fz_user_create(&c.ctx, "admin", "系统管理员", FZ_ROLE_ADMIN, agency, hash, NULL,
				   &err) != FZ_OK) {
			fz_cli_fail(&err);
			goto out;
		}
		if (pw == generated)
			printf("已创建管理员账号 admin，初始密码：%s（只显示这一次，请妥善保存）\n", pw);
		else
			printf("已创建管理员账号 admin（密码取自 FAZHI_ADMIN_PASSWORD）\n");
	}
	printf("完成：%s\n", path);
	rc = 0;
out:
	fz_cli_close(&c);
	return rc;
}
