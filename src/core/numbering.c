/* numbering.c - formatting and parsing official numbers (numbering.h). */
#include "core/numbering.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define OPEN "〔"
#define CLOSE "〕"

bool fz_number_format(char *out, size_t size, const char *agency_code, const char *type_code,
		      int year, long serial)
{
	if (!agency_code || !type_code || year < 1900 || year > 9999 || serial < 1)
		return false;
	int n = snprintf(out, size, "%s%s" OPEN "%d" CLOSE "%ld号", agency_code, type_code, year,
			 serial);
	return n > 0 && (size_t)n < size;
}

bool fz_number_parse(const char *s, int *year, long *serial)
{
	const char *o = strstr(s, OPEN);
	if (!o)
		return false;
	o += strlen(OPEN);
	char *end;
	long y = strtol(o, &end, 10);
	if (end != o + 4 || strncmp(end, CLOSE, strlen(CLOSE)) != 0)
		return false;
	const char *p = end + strlen(CLOSE);
	long n = strtol(p, &end, 10);
	if (end == p || n < 1 || *p == '0' || strcmp(end, "号") != 0)
		return false;
	*year = (int)y;
	*serial = n;
	return true;
}
