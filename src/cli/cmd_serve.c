/* cmd_serve.c - `fazhi serve`: argument checks, then the server. */
#include <arpa/inet.h>
#include <stdio.h>
#include <stdlib.h>
#include <unistd.h>

#include "cli/cli.h"
#include "core/text.h"
#include "http/server.h"

int fz_cmd_serve(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--bind", "--port", "--threads", "--web",
					   "--sweep", "--per-ip", "--header-timeout",
					   "--body-timeout", "--trusted-proxy", NULL};
	static const char *const flags[] = {"--quiet", NULL};
	if (!fz_cli_known(argc, argv, opts, flags))
		return 2;
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	struct fz_server_opts o = {
		.db_path = fz_cli_opt(argc, argv, "--db"),
		.bind = fz_cli_opt(argc, argv, "--bind") ? fz_cli_opt(argc, argv, "--bind") : "127.0.0.1",
		.web_dir = fz_cli_opt(argc, argv, "--web") ? fz_cli_opt(argc, argv, "--web") : FZ_WEB_DIR,
		.port = 8080,
		.threads = cores > 0 ? (int)cores * 2 : 4,
		.sweep_seconds = 60,
		.quiet = fz_cli_flag(argc, argv, "--quiet"),
		.per_ip = 64,
		.header_seconds = 20,
		.body_seconds = 120,
		.trusted_proxy = fz_cli_opt(argc, argv, "--trusted-proxy"),
		/* From the environment, not argv: a command line is visible to every local user. */
		.metrics_token = getenv("FAZHI_METRICS_TOKEN"),
	};
	if (!o.db_path) {
		fprintf(stderr, "fazhi serve: 缺少 --db FILE\n");
		return 2;
	}
	int64_t v;
	const char *s;
	if ((s = fz_cli_opt(argc, argv, "--port"))) {
		if (!fz_parse_int(s, 0, 65535, &v)) {
			fprintf(stderr, "fazhi serve: --port 应为 0 至 65535 的整数（0 表示自动选择）\n");
			return 2;
		}
		o.port = (int)v;
	}
	if ((s = fz_cli_opt(argc, argv, "--threads"))) {
		if (!fz_parse_int(s, 1, 256, &v)) {
			fprintf(stderr, "fazhi serve: --threads 应为 1 至 256 的整数\n");
			return 2;
		}
		o.threads = (int)v;
	}
	if ((s = fz_cli_opt(argc, argv, "--sweep"))) {
		if (!fz_parse_int(s, 1, 86400, &v)) {
			fprintf(stderr, "fazhi serve: --sweep 应为 1 至 86400 秒\n");
			return 2;
		}
		o.sweep_seconds = (int)v;
	}
	const struct {
		const char *name;
		long min, max;
		int *to;
		const char *what;
	} ints[] = {
		{"--per-ip", 0, 4096, &o.per_ip, "每个客户端地址的最大连接数，0 表示不限"},
		{"--header-timeout", 1, 600, &o.header_seconds, "接收请求头的时限（秒）"},
		{"--body-timeout", 1, 3600, &o.body_seconds, "接收请求内容的时限（秒）"},
	};
	for (size_t i = 0; i < sizeof ints / sizeof ints[0]; i++) {
		if (!(s = fz_cli_opt(argc, argv, ints[i].name)))
			continue;
		if (!fz_parse_int(s, ints[i].min, ints[i].max, &v)) {
			fprintf(stderr, "fazhi serve: %s 应为 %ld 至 %ld 的整数（%s）\n", ints[i].name,
				ints[i].min, ints[i].max, ints[i].what);
			return 2;
		}
		*ints[i].to = (int)v;
	}
	if (o.trusted_proxy) {
		unsigned char buf[16];
		if (inet_pton(AF_INET, o.trusted_proxy, buf) != 1 &&
		    inet_pton(AF_INET6, o.trusted_proxy, buf) != 1) {
			fprintf(stderr, "fazhi serve: --trusted-proxy 应为反向代理的 IP 地址\n");
			return 2;
		}
	}
	if (access(o.db_path, R_OK | W_OK) != 0) {
		fprintf(stderr, "fazhi serve: 数据库 %s 不存在或不可读写（请先运行 fazhi init --db %s）\n",
			o.db_path, o.db_path);
		return 1;
	}
	return fz_server_run(&o);
}
