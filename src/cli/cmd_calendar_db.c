/*
 * cmd_calendar_db.c - `fazhi calendar ... --db FILE` (answers on the calendar
 * stored in the database, which includes years an administrator loaded) and
 * `fazhi calendar load FILE --db FILE` (imports years; recomputes every open
 * clock and records each moved due date as an event).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cli/cli.h"
#include "core/text.h"
#include "platform/calendar_store.h"

int fz_cmd_calendar_db(int argc, char **argv)
{
	static const char *const opts[] = {"--db", NULL};
	if (!fz_cli_known(argc, argv, opts, NULL))
		return 2;
	const char *db = fz_cli_opt(argc, argv, "--db");
	if (!db) {
		fprintf(stderr, "fazhi calendar: 缺少 --db FILE\n");
		return 2;
	}
	/* Positional arguments, without the options. */
	const char *pos[4] = {NULL};
	int np = 0;
	for (int i = 1; i < argc && np < 4; i++) {
		if (strcmp(argv[i], "--db") == 0) {
			i++;
			continue;
		}
		pos[np++] = argv[i];
	}
	struct fz_cli c;
	if (!fz_cli_open(&c, db, 0))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	int status = 1, day, out;
	int64_t n = 0;
	if (np == 2 && strcmp(pos[0], "load") == 0) {
		char *text;
		size_t len;
		if (fz_read_file(pos[1], 4 << 20, &text, &len, &err)) {
			fz_cli_fail(&err);
			goto done;
		}
		struct fz_calendar *next;
		int years, changed;
		enum fz_code rc = fz_calstore_import(&c.ctx, text, len, pos[1], &next, &years, &changed, &err);
		free(text);
		if (rc) {
			fz_cli_fail(&err);
			goto done;
		}
		fz_calendar_free(c.cal);
		c.cal = next;
		printf("已载入 %d 个年度的节假日日历，重新计算了 %d 个期限（每项变更均已记入审计链）\n", years,
		       changed);
		status = 0;
		goto done;
	}
	if (np < 2 || fz_date_parse(pos[1], &day) != FZ_OK) {
		fprintf(stderr, "fazhi calendar: 日期应为 YYYY-MM-DD 格式的真实日期\n");
		status = 2;
		goto done;
	}
	if (strcmp(pos[0], "is-workday") == 0 && np == 2) {
		bool w;
		if (fz_calendar_is_workday(c.cal, day, &w) == FZ_OK) {
			puts(w ? "yes" : "no");
			status = 0;
		} else {
			fprintf(stderr, "fazhi calendar: %s 超出已载入的日历年份\n", pos[1]);
		}
	} else if ((strcmp(pos[0], "add-workdays") == 0 || strcmp(pos[0], "add-days") == 0) && np == 3) {
		if (!fz_parse_int(pos[2], 0, 3650, &n)) {
			fprintf(stderr, "fazhi calendar: N 应为 0 至 3650 的整数\n");
			status = 2;
			goto done;
		}
		enum fz_code rc = pos[0][4] == 'w' ? fz_calendar_add_workdays(c.cal, day, (int)n, &out)
						   : fz_calendar_add_days(c.cal, day, (int)n, &out);
		if (rc == FZ_OK) {
			char s[11];
			fz_date_format(out, s);
			puts(s);
			status = 0;
		} else {
			fprintf(stderr, "fazhi calendar: 计算超出已载入的日历年份\n");
		}
	} else {
		fprintf(stderr, "fazhi calendar: 用法见 fazhi --help\n");
		status = 2;
	}
done:
	fz_cli_close(&c);
	return status;
}
