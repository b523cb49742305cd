/*
 * enf_penalty_rules.c - the penalty procedure's rules without I/O (see the
 * header): each function cites the article it implements.
 */
#include "modules/enforcement/enf_penalty_rules.h"

#include <string.h>

#include "core/calendar.h"

int fz_pen_limitation_end(int act_day, bool grave)
{
	int y, m, d;
	fz_date_to_ymd(act_day, &y, &m, &d);
	y += grave ? 5 : 2; /* 第36条第一款 */
	if (m == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		d = 28;
	return fz_date_from_ymd(y, m, d);
}

bool fz_pen_hearing_right(const char *kind, long fine, long confiscation, bool organisation,
			  long threshold_citizen, long threshold_org)
{
	long limit = organisation ? threshold_org : threshold_citizen;
	/* 第63条第一款第一、二项: 较大数额罚款, 没收较大数额违法所得、较大价值非法财物. */
	if (fine >= limit || confiscation >= limit)
		return true;
	/* 第三至五项: 降低资质等级、吊销许可证件; 责令停产停业、责令关闭、限制从业. */
	static const char *const heavy[] = {"lower_qualification", "revoke_licence", "suspend_business",
					    "close_down", "restrict_practice"};
	for (size_t i = 0; kind && i < sizeof heavy / sizeof heavy[0]; i++)
		if (strcmp(kind, heavy[i]) == 0)
			return true;
	return false;
}

long fz_pen_simple_fine_limit(bool organisation)
{
	return organisation ? 3000 : 200;
}

bool fz_pen_simple_kind_ok(const char *kind)
{
	return kind && (strcmp(kind, "warning") == 0 || strcmp(kind, "fine") == 0);
}
