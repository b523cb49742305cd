/*
 * numbering.h - official document numbers (文号) such as 青政信〔2026〕12号.
 *
 * The form is <机关代字><类别代字>〔<年份>〕<序号>号: the year in the tortoise-
 * shell brackets 〔〕 (not 【】 or []), the serial without leading zeros
 * (党政机关公文格式 GB/T 9704-2012 7.2.4). The serial itself is kept per
 * agency, code and year by platform/cases.c; this file only formats and parses.
 */
#ifndef FZ_CORE_NUMBERING_H
#define FZ_CORE_NUMBERING_H

#include <stdbool.h>
#include <stddef.h>

/* Writes the number into out; returns false if it does not fit or an argument is invalid. */
bool fz_number_format(char *out, size_t size, const char *agency_code, const char *type_code,
		      int year, long serial);
/* Splits a number back into year and serial; false if s is not of the form. */
bool fz_number_parse(const char *s, int *year, long *serial);

#endif
