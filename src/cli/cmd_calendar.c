/*
 * cmd_calendar.c - `fazhi calendar ...`: ask the official calendar a question
 * from the command line (is a day a working day, where a period ends, why).
 *
 * For: the read-only questions on a CSV calendar, the shipped
 * FZ_DATA_DIR/cn-calendar.csv or the file given with --calendar.
 * Not for: the calendar stored in a database (--db) or loading one (`load`);
 * those go to fz_cmd_calendar_db in cmd_calendar_db.c.
 *
 * Exit status: 0 answered, 1 could not answer (unreadable file, date outside
 * the loaded years), 2 bad usage (unknown subcommand, malformed date or N).
 */
#include "cli/cli.h"

#include <errno.h>
#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/clock.h"

#ifndef FZ_DATA_DIR
#define FZ_DATA_DIR "data"
#endif

#define CALENDAR_FILE_MAX (4L * 1024 * 1024)
#define N_MAX 3650
#define MAX_POSITIONAL 8

static void usage(FILE *f)
{
	fputs("用法：fazhi calendar [--calendar 文件] 子命令 参数…\n"
	      "  is-workday 日期           是否为工作日，输出 yes 或 no\n"
	      "  add-workdays 日期 N       日期之后第 N 个工作日（起算当日不计入）\n"
	      "  add-days 日期 N           日期之后第 N 日，期满日为休息日的顺延至下一个工作日"
	      "（民事诉讼法 第85条）\n"
	      "  explain 日期 N wd|cd      期限的逐项计算说明（wd 工作日，cd 自然日）\n"
	      "  load …                    把日历载入数据库（见 --db）\n"
	      "日期为 YYYY-MM-DD；N 为 0 到 3650 之间的整数（explain 为 1 到 3650）。\n"
	      "不带 --calendar 时使用随程序发布的日历 " FZ_DATA_DIR "/cn-calendar.csv；\n"
	      "带 --db 文件 时改用数据库中的日历。\n",
	      f);
}

__attribute__((format(printf, 1, 2))) static int usage_error(const char *fmt, ...)
{
	va_list ap;
	va_start(ap, fmt);
	fputs("fazhi calendar：", stderr);
	vfprintf(stderr, fmt, ap);
	fputs("\n运行 fazhi calendar --help 查看用法。\n", stderr);
	va_end(ap);
	return 2;
}

static bool parse_date_arg(const char *s, int *day)
{
	return fz_date_parse(s, day) == FZ_OK;
}

/* A non-negative decimal integer up to N_MAX, nothing else (no sign, no spaces). */
static bool parse_n(const char *s, int min, int *out)
{
	if (!s || *s < '0' || *s > '9')
		return false;
	errno = 0;
	char *end;
	long v = strtol(s, &end, 10);
	if (errno || *end != '\0' || v < min || v > N_MAX)
		return false;
	*out = (int)v;
	return true;
}

/* Reads the whole file; the caller frees *text. Prints the reason on failure. */
static int read_file(const char *path, char **text, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f) {
		fprintf(stderr, "fazhi calendar：无法打开日历文件 %s：%s\n", path, strerror(errno));
		return 1;
	}
	char *buf = NULL;
	size_t n = 0, cap = 0;
	int rc = 1;
	for (;;) {
		if (n == cap) {
			if (cap >= (size_t)CALENDAR_FILE_MAX) {
				fprintf(stderr,
					"fazhi calendar：日历文件 %s 过大（超过 %ld 字节）\n", path,
					CALENDAR_FILE_MAX);
				goto out;
			}
			size_t ncap = cap ? cap * 2 : 16384;
			char *grown = realloc(buf, ncap);
			if (!grown) {
				fputs("fazhi calendar：内存不足\n", stderr);
				goto out;
			}
			buf = grown;
			cap = ncap;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	if (ferror(f)) {
		fprintf(stderr, "fazhi calendar：读取日历文件 %s 失败\n", path);
		goto out;
	}
	*text = buf;
	*len = n;
	buf = NULL;
	rc = 0;
out:
	free(buf);
	fclose(f);
	return rc;
}

static int load_calendar(const char *path, struct fz_calendar **out)
{
	char *text = NULL;
	size_t len = 0;
	if (read_file(path, &text, &len) != 0)
		return 1;
	struct fz_calendar *cal = fz_calendar_new();
	if (!cal) {
		free(text);
		fputs("fazhi calendar：内存不足\n", stderr);
		return 1;
	}
	struct fz_err err;
	fz_err_clear(&err);
	enum fz_code rc = fz_calendar_load_csv(cal, text, len, &err);
	free(text);
	if (rc != FZ_OK) {
		fprintf(stderr, "fazhi calendar：日历文件 %s 有误：%s\n", path, err.message);
		fz_calendar_free(cal);
		return 1;
	}
	*out = cal;
	return 0;
}

/*
 * "计算需要 2027 年的节假日日历，但该年尚未载入（已载入 2024、2025、2026 年）…"
 * The missing year is the first one not loaded from the start day on: a walk
 * forward from day fails exactly there.
 */
static int range_error(const struct fz_calendar *cal, int day)
{
	int miss = day;
	while (fz_calendar_covers(cal, miss) && miss - day < 2 * N_MAX)
		miss++;
	int y;
	fz_date_to_ymd(miss, &y, NULL, NULL);
	int years[FZ_CAL_MAX_YEAR - FZ_CAL_MIN_YEAR + 1];
	int n = fz_calendar_years(cal, years, (int)(sizeof years / sizeof years[0]));
	fprintf(stderr, "fazhi calendar：计算需要 %d 年的节假日日历，但该年尚未载入（", y);
	if (n == 0)
		fputs("尚未载入任何年份", stderr);
	for (int i = 0; i < n; i++)
		fprintf(stderr, "%s%d", i ? "、" : "已载入 ", years[i]);
	fputs(n ? " 年），请管理员先载入该年日历\n" : "），请管理员先载入该年日历\n", stderr);
	return 1;
}

static int finish_output(void)
{
	if (fflush(stdout) != 0 || ferror(stdout)) {
		fprintf(stderr, "fazhi calendar：写出结果失败：%s\n", strerror(errno));
		return 1;
	}
	return 0;
}

static int run_explain(const struct fz_calendar *cal, int day, int n, enum fz_clock_unit unit)
{
	struct fz_clock_spec spec = {.unit = unit, .days = n, .trigger = day};
	struct fz_clock_explain ex;
	struct fz_err err;
	fz_err_clear(&err);
	if (fz_clock_compute(cal, &spec, &ex, &err) != FZ_OK) {
		fprintf(stderr, "fazhi calendar：%s\n", err.message);
		return 1;
	}
	char lines[16][FZ_CLOCK_LINE];
	size_t nl = fz_clock_explain_lines(cal, &spec, &ex, lines, 16);
	for (size_t i = 0; i < nl; i++)
		printf("%s\n", lines[i]);
	return finish_output();
}

int fz_cmd_calendar(int argc, char **argv)
{
	for (int i = 1; i < argc; i++) {
		if (strcmp(argv[i], "--") == 0)
			break;
		if (strcmp(argv[i], "--db") == 0 || strncmp(argv[i], "--db=", 5) == 0)
			return fz_cmd_calendar_db(argc, argv);
	}

	const char *cal_path = FZ_DATA_DIR "/cn-calendar.csv";
	const char *pos[MAX_POSITIONAL];
	int npos = 0;
	bool options = true;
	for (int i = 1; i < argc; i++) {
		const char *a = argv[i];
		if (options && strcmp(a, "--") == 0) {
			options = false;
		} else if (options && strcmp(a, "--calendar") == 0) {
			if (i + 1 >= argc)
				return usage_error("--calendar 后面缺少日历文件路径");
			cal_path = argv[++i];
		} else if (options && strncmp(a, "--calendar=", 11) == 0) {
			cal_path = a + 11;
		} else if (options && (strcmp(a, "-h") == 0 || strcmp(a, "--help") == 0)) {
			usage(stdout);
			return finish_output();
		} else if (options && a[0] == '-' && a[1] == '-') {
			return usage_error("不认识的选项 %s", a);
		} else {
			if (npos == MAX_POSITIONAL)
				return usage_error("参数过多");
			pos[npos++] = a;
		}
	}
	if (npos == 0) {
		usage(stderr);
		return 2;
	}

	const char *sub = pos[0];
	if (strcmp(sub, "load") == 0)
		return fz_cmd_calendar_db(argc, argv);
	if (strcmp(sub, "help") == 0) {
		usage(stdout);
		return finish_output();
	}

	/* Check the arguments before touching the file, so usage errors are always 2. */
	int want;
	if (strcmp(sub, "is-workday") == 0)
		want = 2;
	else if (strcmp(sub, "add-workdays") == 0 || strcmp(sub, "add-days") == 0)
		want = 3;
	else if (strcmp(sub, "explain") == 0)
		want = 4;
	else
		return usage_error("不认识的子命令 %s", sub);
	if (npos != want)
		return usage_error(npos < want ? "%s 缺少参数" : "%s 的参数过多", sub);

	int day = 0, n = 0;
	enum fz_clock_unit unit = FZ_UNIT_WD;
	if (!parse_date_arg(pos[1], &day))
		return usage_error("日期「%s」格式错误，应为 YYYY-MM-DD 格式的真实日期（%d-%d 年）",
				   pos[1], FZ_CAL_MIN_YEAR, FZ_CAL_MAX_YEAR);
	if (want >= 3) {
		bool explain = want == 4;
		if (!parse_n(pos[2], explain ? 1 : 0, &n))
			return usage_error(explain ? "参数 N「%s」应为 1 到 3650 之间的整数"
						   : "参数 N「%s」应为 0 到 3650 之间的整数",
					   pos[2]);
	}
	if (want == 4) {
		if (strcmp(pos[3], "wd") == 0 || strcmp(pos[3], "WD") == 0)
			unit = FZ_UNIT_WD;
		else if (strcmp(pos[3], "cd") == 0 || strcmp(pos[3], "CD") == 0)
			unit = FZ_UNIT_CD;
		else
			return usage_error("计时单位「%s」应为 wd（工作日）或 cd（自然日）",
					   pos[3]);
	}

	struct fz_calendar *cal = NULL;
	if (load_calendar(cal_path, &cal) != 0)
		return 1;

	int rc;
	char out[11];
	if (strcmp(sub, "is-workday") == 0) {
		bool work;
		if (fz_calendar_is_workday(cal, day, &work) != FZ_OK) {
			rc = range_error(cal, day);
		} else {
			puts(work ? "yes" : "no");
			rc = finish_output();
		}
	} else if (strcmp(sub, "explain") == 0) {
		rc = run_explain(cal, day, n, unit);
	} else {
		int end;
		enum fz_code c = strcmp(sub, "add-days") == 0
					 ? fz_calendar_add_days(cal, day, n, &end)
					 : fz_calendar_add_workdays(cal, day, n, &end);
		if (c != FZ_OK) {
			rc = range_error(cal, day);
		} else {
			fz_date_format(end, out);
			puts(out);
			rc = finish_output();
		}
	}
	fz_calendar_free(cal);
	return rc;
}
