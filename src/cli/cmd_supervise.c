/* cmd_supervise.c - `fazhi supervise --db FILE [--json]`: cards per agency, and a sweep. */
#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"
#include "platform/supervision.h"

int fz_cmd_supervise(int argc, char **argv)
{
	static const char *const opts[] = {"--db", NULL};
	static const char *const flags[] = {"--json", NULL};
	if (!fz_cli_known(argc, argv, opts, flags))
		return 2;
	struct fz_cli c;
	if (!fz_cli_open(&c, fz_cli_opt(argc, argv, "--db"), 0))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	/* The command line sees everything, as the legal office does. */
	struct fz_user system = {.role = FZ_ROLE_ADMIN};
	c.ctx.user = &system;
	int issued = 0, status = 1;
	json_t *out = NULL;
	if (fz_supervision_sweep(&c.ctx, &issued, &err) || fz_supervision_json(&c.ctx, &out, &err)) {
		fz_cli_fail(&err);
		goto done;
	}
	if (fz_cli_flag(argc, argv, "--json")) {
		char *s = json_dumps(out, JSON_INDENT(2));
		puts(s);
		free(s);
	} else {
		json_t *t = json_object_get(out, "totals");
		printf("电子监察 %s：在办时限 %lld，黄牌（%lld 个工作日内到期）%lld，红牌（已超期）%lld；本次新发牌 %d\n",
		       json_string_value(json_object_get(out, "today")),
		       (long long)json_integer_value(json_object_get(t, "open")),
		       (long long)json_integer_value(json_object_get(out, "yellow_days")),
		       (long long)json_integer_value(json_object_get(t, "yellow")),
		       (long long)json_integer_value(json_object_get(t, "red")), issued);
		printf("%-36s %8s %8s %8s\n", "单位", "在办", "黄牌", "红牌");
		size_t i;
		json_t *a;
		json_array_foreach(json_object_get(out, "agencies"), i, a)
		{
			json_int_t open = json_integer_value(json_object_get(a, "open"));
			json_int_t y = json_integer_value(json_object_get(a, "yellow"));
			json_int_t r = json_integer_value(json_object_get(a, "red"));
			if (open || y || r)
				printf("%-36s %8lld %8lld %8lld\n",
				       json_string_value(json_object_get(a, "agency_name")), (long long)open,
				       (long long)y, (long long)r);
		}
	}
	status = 0;
done:
	json_decref(out);
	fz_cli_close(&c);
	return status;
}
