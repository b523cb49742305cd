/* numbering.c - formatting and parsing official numbers (numbering.h). */
#include "core/numbering.h"

#include <errno.h>
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
	/* Digits only: strtol alone would also take a sign or leading space. */
	int y = 0;
	for (int i = 0; i < 4; i++) {
		if (o[i] < '0' || o[i] > '9')
			return false;
		y = y * 10 + (o[i] - '0');
	}
	if (y < 1900 || strncmp(o + 4, CLOSE, strlen(CLOSE)) != 0)
		return false;
	const char *p = o + 4 + strlen(CLOSE);
	if (*p < '1' || *p > '9')
		return false; /* no serial, a sign, or a leading zero (不编虚位) */
	char *end;
	errno = 0;
	long n = strtol(p, &end, 10);
	if (errno || strcmp(end, "号") != 0)
		return false;
	*year = y;
	*serial = n;
	return true;
}
