/*
 * cmd_bench.c - `fazhi bench-gen --db FILE [--cases N] [--agencies N] [--only MODULE]`: a
 * province-sized database for the load tests in bench/. It uses the same
 * engine as the real server (clocks on the calendar, the hash chain), so the
 * tables, indexes and events have the shape production data has. Accounts:
 * bench.legal (legal office), bench.clerk (clerk of the first agency) and
 * bench.clerkNNN (clerk of agency NNN),
 * password FAZHI_DEMO_PASSWORD or fazhi-demo. Each module with a generator
 * makes N records (--only: that module's alone).
 */
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "cli/cli.h"
#include "core/text.h"
#include "platform/accounts.h"
#include "platform/module.h"
#include "platform/supervision.h"

int fz_cmd_bench_gen(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--cases", "--agencies", "--only", NULL};
	if (!fz_cli_known(argc, argv, opts, NULL))
		return 2;
	int64_t cases = 1000000, nag = 100;
	const char *s;
	if ((s = fz_cli_opt(argc, argv, "--cases")) && !fz_parse_int(s, 1, 100000000, &cases)) {
		fprintf(stderr, "fazhi bench-gen: --cases 应为正整数\n");
		return 2;
	}
	if ((s = fz_cli_opt(argc, argv, "--agencies")) && !fz_parse_int(s, 1, 10000, &nag)) {
		fprintf(stderr, "fazhi bench-gen: --agencies 应为 1 至 10000 的整数\n");
		return 2;
	}
	struct fz_cli c;
	if (!fz_cli_open(&c, fz_cli_opt(argc, argv, "--db"), 0))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	int status = 1, applied;
	int64_t *ids = calloc((size_t)nag, sizeof *ids);
	if (!ids || fz_platform_migrate(c.db, &applied, &err) || !c.cal) {
		fprintf(stderr, "fazhi bench-gen: 请先运行 fazhi init\n");
		goto out;
	}
	struct timespec t0, t1;
	clock_gettime(CLOCK_MONOTONIC, &t0);
	for (int64_t i = 0; i < nag; i++) {
		char code[32], name[96], shortname[48];
		snprintf(code, sizeof code, "b%03lld", (long long)i + 1);
		snprintf(name, sizeof name, "基准测试单位%03lld", (long long)i + 1);
		snprintf(shortname, sizeof shortname, "基%03lld", (long long)i + 1);
		struct fz_stmt *st = fz_db_query(
			c.db, &err,
			"INSERT INTO agency(code, name, short_name, kind, sort_order) VALUES (?,?,?,'department',?)"
			" ON CONFLICT (code) DO UPDATE SET name = excluded.name RETURNING agency_id",
			"ttti", code, name, shortname, i + 10);
		if (!st || !fz_stmt_row(st)) {
			fz_stmt_done(st);
			fz_cli_fail(&err);
			goto out;
		}
		ids[i] = fz_col_int(st, 0);
		fz_stmt_done(st);
	}
	const char *pw = getenv("FAZHI_DEMO_PASSWORD");
	char hash[crypto_pwhash_STRBYTES];
	if (fz_password_hash(pw && *pw ? pw : "fazhi-demo", hash, sizeof hash, &err) ||
	    (fz_user_create(&c.ctx, "bench.legal", "压测法制员", FZ_ROLE_LEGAL_STAFF, ids[0], hash, NULL,
			    &err) && err.code != FZ_EDUPLICATE) ||
	    (fz_user_create(&c.ctx, "bench.clerk", "压测经办人", FZ_ROLE_AGENCY_CLERK, ids[0], hash,
			    NULL, &err) && err.code != FZ_EDUPLICATE)) {
		fz_cli_fail(&err);
		goto out;
	}
	/* A clerk in every other agency too: letters are assigned only where someone can open them. */
	for (long long i = 1; i < nag; i++) {
		char user[32];
		snprintf(user, sizeof user, "bench.clerk%03lld", i + 1);
		if (fz_user_create(&c.ctx, user, "压测经办人", FZ_ROLE_AGENCY_CLERK, ids[i], hash, NULL,
				   &err) &&
		    err.code != FZ_EDUPLICATE) {
			fz_cli_fail(&err);
			goto out;
		}
	}
	for (size_t m = 0; m < fz_platform_module_count(); m++) {
		const struct fz_module *mod = fz_platform_module(m);
		const char *only = fz_cli_opt(argc, argv, "--only");
		if (!mod->generate || (only && strcmp(only, mod->name) != 0))
			continue;
		fprintf(stderr, "%s：生成 %lld 件…\n", mod->label, (long long)cases);
		if (mod->generate(&c.ctx, (long)cases, ids, (size_t)nag, &err)) {
			fz_cli_fail(&err);
			goto out;
		}
	}
	/* Issue the supervision cards once, as the server's first sweep would. */
	{
		struct fz_user system = {.role = FZ_ROLE_ADMIN};
		c.ctx.user = &system;
		int issued = 0;
		fprintf(stderr, "发放红黄牌…\n");
		if (fz_supervision_sweep(&c.ctx, &issued, &err)) {
			fz_cli_fail(&err);
			goto out;
		}
		c.ctx.user = NULL;
	}
	fz_db_exec(c.db, "ANALYZE", NULL);
	clock_gettime(CLOCK_MONOTONIC, &t1);
	printf("完成：%lld 个单位，%lld 件案件，用时 %.1f 秒\n", (long long)nag, (long long)cases,
	       (double)(t1.tv_sec - t0.tv_sec) + (double)(t1.tv_nsec - t0.tv_nsec) / 1e9);
	status = 0;
out:
	free(ids);
	fz_cli_close(&c);
	return status;
}
