/*
 * main.c - subcommand dispatch, after handing the table of modules to the
 * engine (the one place that joins modules/ to platform/).
 */
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "modules/registry.h"
#include "platform/module.h"

static const struct {
	const char *name;
	int (*fn)(int, char **);
	const char *usage;
} commands[] = {
	{"init", fz_cmd_init, "init --db FILE [--county 县名]  建库（可重复执行），创建 admin 账号"},
	{"demo", fz_cmd_demo, "demo --db FILE                 建立示范县演示数据（单位、账号、一年的来信）"},
	{"serve", fz_cmd_serve,
	 "serve --db FILE [--bind 127.0.0.1] [--port 8080] [--threads N] [--web DIR] [--quiet]\n"
	 "        [--per-ip 64] [--header-timeout 20] [--body-timeout 120] [--trusted-proxy ADDR]\n"
	 "        (FAZHI_METRICS_TOKEN: bearer token for /metrics from other machines)"},
	{"calendar", fz_cmd_calendar,
	 "calendar is-workday DATE | add-workdays DATE N | add-days DATE N | explain DATE N wd|cd\n"
	 "           [--calendar FILE | --db FILE];  calendar load FILE --db FILE"},
	{"audit", fz_cmd_audit, "audit verify --db FILE         校验全过程记录的哈希链"},
	{"backup", fz_cmd_backup, "backup --db FILE --to FILE     在线一致性备份"},
	{"supervise", fz_cmd_supervise, "supervise --db FILE [--json]   各单位即将到期与超期时限（电子监察）"},
	{"user", fz_cmd_user,
	 "user add --db FILE --username U --name 姓名 --role ROLE --agency ID|CODE [--password P]\n"
	 "           user passwd --db FILE --username U [--password P];  user disable|enable --db FILE --username U"},
	{"report", fz_cmd_report,
	 "report disclosure --db FILE --year YYYY [--agency ID] [--format json|text]  年度报告数据"},
	{"bench-gen", fz_cmd_bench_gen,
	 "bench-gen --db FILE [--cases N] [--agencies N]  生成省级规模的压测数据库"},
};

static void usage(FILE *out)
{
	fprintf(out, "fazhi %s - 依法行政综合管理平台\n\n用法：\n", FZ_VERSION);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		fprintf(out, "  fazhi %s\n", commands[i].usage);
	fprintf(out, "\n环境变量：FAZHI_ADMIN_PASSWORD（init）、FAZHI_DEMO_PASSWORD（demo，默认 fazhi-demo）、\n"
		     "FAZHI_TODAY=YYYY-MM-DD（固定“今天”，用于测试）、FAZHI_PUBLIC_RATE（公众提交每分钟限次）\n");
}

int main(int argc, char **argv)
{
	if (argc < 2 || strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0 ||
	    strcmp(argv[1], "help") == 0) {
		usage(argc < 2 ? stderr : stdout);
		return argc < 2 ? 2 : 0;
	}
	if (strcmp(argv[1], "--version") == 0) {
		printf("fazhi %s\n", FZ_VERSION);
		return 0;
	}
	if (sodium_init() < 0) {
		fprintf(stderr, "fazhi: libsodium 初始化失败\n");
		return 1;
	}
	/* Before any subcommand: the server, the case engine and the migrator read it. */
	fz_platform_set_modules(fz_modules, fz_modules_count);
	for (size_t i = 0; i < sizeof commands / sizeof commands[0]; i++)
		if (strcmp(argv[1], commands[i].name) == 0)
			return commands[i].fn(argc - 1, argv + 1);
	fprintf(stderr, "fazhi: 未知的子命令“%s”\n\n", argv[1]);
	usage(stderr);
	return 2;
}
