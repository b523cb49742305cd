/*
 * cmd_init.c - `fazhi init --db FILE [--county 青山县]`: schema (re-runnable
 * migrations), the shipped official calendar, the two agencies every county
 * has (named after the county when given: 青山县人民政府, 青山县司法局), and
 * the admin account (password from FAZHI_ADMIN_PASSWORD, or generated and
 * printed once).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
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

/*
 * A county's name as the portal and documents print it: 2 to 12 characters
 * ending in 县, 区, 市 or 旗 (青山县, 城关区).
 */
static bool county_name_ok(const char *s)
{
	static const char *const tails[] = {"县", "区", "市", "旗"};
	size_t n = s ? strlen(s) : 0, chars = s ? fz_utf8_chars(s) : 0;
	if (chars < 2 || chars > 12 || !fz_utf8_valid(s, n))
		return false;
	for (size_t i = 0; i < sizeof tails / sizeof *tails; i++)
		if (n > 3 && strcmp(s + n - 3, tails[i]) == 0)
			return true;
	return false;
}

/* Names the two agencies after the county, unless someone already renamed them. */
static bool name_county(struct fz_cli *c, const char *county, struct fz_err *err)
{
	static const struct {
		const char *code, *placeholder, *suffix, *short_suffix;
	} a[] = {{"gov", "县人民政府", "人民政府", "政"}, {"sfj", "县司法局", "司法局", "司"}};
	char first[5] = "";
	size_t len = 1;
	while (county[len] && ((unsigned char)county[len] & 0xC0) == 0x80)
		len++;
	memcpy(first, county, len);
	for (size_t i = 0; i < 2; i++) {
		struct fz_stmt *st = fz_db_query(
			c->db, err,
			"UPDATE agency SET name = ?, short_name = ? WHERE code = ? AND name = ?", "tttt",
			fz_arena_printf(c->ctx.arena, "%s%s", county, a[i].suffix),
			fz_arena_printf(c->ctx.arena, "%s%s", first, a[i].short_suffix), a[i].code,
			a[i].placeholder);
		if (!st || fz_stmt_exec(st, err) != FZ_OK)
			return false;
	}
	return true;
}

int fz_cmd_init(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--county", NULL};
	if (!fz_cli_known(argc, argv, opts, NULL))
		return 2;
	const char *path = fz_cli_opt(argc, argv, "--db");
	const char *county = fz_cli_opt(argc, argv, "--county");
	if (county && !county_name_ok(county)) {
		fprintf(stderr, "fazhi: --county 应为本县（区、市、旗）名称，2 至 12 个字，如 青山县\n");
		return 2;
	}
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
	    !ensure_agency(&c, "sfj", "县司法局", "县司", "legal_office", 1, &err) ||
	    (county && !name_county(&c, county, &err))) {
		fz_cli_fail(&err);
		goto out;
	}
	if (!county) {
		struct fz_stmt *q = fz_db_query(
			c.db, &err, "SELECT 1 FROM agency WHERE code = 'gov' AND name = '县人民政府'", NULL);
		if (q && fz_stmt_row(q))
			printf("县名未设置：门户和文书将显示“本县”。设置县名：fazhi init --db %s --county 青山县\n",
			       path);
		fz_stmt_done(q);
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
