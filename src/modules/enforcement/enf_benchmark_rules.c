/*
 * enf_benchmark_rules.c - the pure rules of discretion benchmarks (裁量基准):
 * a row's lawful range, whether a penalty lies inside it, the range in words.
 * No I/O; the store and the case steps are in enf_benchmark.c.
 */
#include <stdio.h>
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_benchmark_rules.h"
#include "modules/enforcement/enf_int.h"

const struct fz_option fz_bench_levels[] = {
    {"minor", "轻微"}, {"general", "一般"}, {"serious", "较重"}, {"grave", "严重"}, {NULL, NULL}};

static bool is_option(const struct fz_option *o, const char *v)
{
	for (; v && o->value; o++)
		if (strcmp(o->value, v) == 0)
			return true;
	return false;
}

static bool has_kind(const struct fz_bench_row *r, const char *kind)
{
	for (int i = 0; kind && r->kinds[i]; i++)
		if (strcmp(r->kinds[i], kind) == 0)
			return true;
	return false;
}

bool fz_bench_row_check(const struct fz_bench_row *r, const char **field, char *msg, size_t size)
{
	if (!is_option(fz_bench_levels, r->level)) {
		*field = "level";
		snprintf(msg, size, "违法情节应为轻微、一般、较重或严重");
		return false;
	}
	if (!r->circumstances || fz_text_blank(r->circumstances)) {
		*field = "circumstances";
		snprintf(msg, size, "请填写“违法情形”");
		return false;
	}
	for (int i = 0; r->kinds[i]; i++) {
		if (!is_option(fz_pen_kinds, r->kinds[i])) {
			*field = "kinds";
			snprintf(msg, size, "“%s”不是《行政处罚法》第九条规定的处罚种类",
				 r->kinds[i]);
			return false;
		}
		for (int j = 0; j < i; j++)
			if (strcmp(r->kinds[i], r->kinds[j]) == 0) {
				*field = "kinds";
				snprintf(msg, size, "处罚种类“%s”重复",
					 fz_enf_label(fz_pen_kinds, r->kinds[i]));
				return false;
			}
	}
	if (r->no_penalty && strcmp(r->level, "minor") != 0) {
		*field = "no_penalty";
		snprintf(msg, size,
			 "不予处罚（首违不罚）只适用于轻微情节（《行政处罚法》第三十三条）");
		return false;
	}
	if (!r->kinds[0] && !r->no_penalty) {
		*field = "kinds";
		snprintf(msg, size, "请填写可以给予的处罚种类，或注明可以不予处罚");
		return false;
	}
	bool fine = has_kind(r, "fine");
	if (!fine && (r->fine_min >= 0 || r->fine_max >= 0)) {
		*field = r->fine_min >= 0 ? "fine_min" : "fine_max";
		snprintf(msg, size, "处罚种类不含罚款的，不填罚款幅度");
		return false;
	}
	if (fine && r->fine_max < 0) {
		*field = "fine_max";
		snprintf(msg, size, "处罚种类含罚款的，请填写“罚款上限（元）”");
		return false;
	}
	if (fine && r->fine_max == 0) {
		*field = "fine_max";
		snprintf(msg, size, "“罚款上限（元）”应大于 0");
		return false;
	}
	if (fine && r->fine_min > r->fine_max) {
		*field = "fine_min";
		snprintf(msg, size, "“罚款下限”%ld 元不能高于“罚款上限”%ld 元", r->fine_min,
			 r->fine_max);
		return false;
	}
	return true;
}

bool fz_bench_inside(const struct fz_bench_row *r, bool punish, const char *kind, long fine,
		     const char **field, char *why, size_t size)
{
	char range[400];
	fz_bench_range_text(r, range, sizeof range);
	if (!punish) {
		if (r->no_penalty)
			return true;
		*field = "kind";
		if (why)
			snprintf(why, size, "裁量基准对该情节不予处罚未作规定（基准：%s）", range);
		return false;
	}
	if (!kind || !has_kind(r, kind)) {
		*field = "kind";
		if (why)
			snprintf(why, size, "处罚种类“%s”不在裁量基准的范围内（基准：%s）",
				 kind ? fz_enf_label(fz_pen_kinds, kind) : "未填写", range);
		return false;
	}
	if (fine > 0) {
		if (!has_kind(r, "fine")) {
			*field = "fine";
			if (why)
				snprintf(why, size, "裁量基准对该情节不处罚款（基准：%s）", range);
			return false;
		}
		if ((r->fine_min >= 0 && fine < r->fine_min) ||
		    (r->fine_max >= 0 && fine > r->fine_max)) {
			*field = "fine";
			if (why)
				snprintf(why, size, "罚款 %ld 元超出裁量基准的幅度（基准：%s）",
					 fine, range);
			return false;
		}
	}
	return true;
}

static void add(char *out, size_t size, const char *s)
{
	size_t n = strlen(out);
	if (n < size)
		snprintf(out + n, size - n, "%s%s", n ? "；" : "", s);
}

void fz_bench_range_text(const struct fz_bench_row *r, char *out, size_t size)
{
	char part[160];
	out[0] = '\0';
	for (int i = 0; r->kinds[i]; i++) {
		if (strcmp(r->kinds[i], "fine") == 0) {
			if (r->fine_min > 0)
				snprintf(part, sizeof part, "罚款 %ld 元以上 %ld 元以下",
					 r->fine_min, r->fine_max);
			else
				snprintf(part, sizeof part, "罚款 %ld 元以下", r->fine_max);
			add(out, size, part);
		} else {
			add(out, size, fz_enf_label(fz_pen_kinds, r->kinds[i]));
		}
	}
	if (r->no_penalty)
		add(out, size, "可以不予行政处罚（首违不罚）");
}

bool fz_bench_kinds_split(char *buf, struct fz_bench_row *r)
{
	int n = 0;
	char *p = buf;
	while (p && *p) {
		char *comma = strchr(p, ',');
		if (comma)
			*comma = '\0';
		if (*p) {
			if (n == FZ_BENCH_KINDS)
				return false;
			r->kinds[n++] = p;
		}
		p = comma ? comma + 1 : NULL;
	}
	r->kinds[n] = NULL;
	return true;
}
