/*
 * enf_pub_rules.h - what the public notice of an enforcement decision may
 * show (三项制度, 国办发〔2018〕118号: 公示 with personal data protected):
 * the party's name as the portal prints it and the masking of personal data
 * in text officers typed. Private to the enforcement folder; pure, so unit
 * tests check it row by row.
 */
#ifndef FZ_MODULES_ENF_PUB_RULES_H
#define FZ_MODULES_ENF_PUB_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* What replaces a removed ID number, phone number or address. */
#define FZ_PUB_MASK "***"

/*
 * The party as the notice names it: an organisation by its name, a citizen
 * by the surname only ("张三" → "张某", "欧阳明月" → "欧阳某"; compound
 * surnames by the usual list). Writes at most size bytes (size >= 16) with
 * the terminating NUL.
 */
void fz_pub_party_shown(bool citizen, const char *name, char *out, size_t size);

/*
 * Masks personal data in text: resident ID card numbers (18 characters, the
 * last a digit or X, and the old 15-digit ones), mobile numbers (11 digits
 * from 13-19, also written 3-4-4 with '-' or spaces, or after +86) and fixed
 * numbers (an area code 0xx(x) with '-', a space or parentheses, then 7-8
 * digits; or any 7-12 digits right after "电话"/"手机"/"联系方式"). When
 * citizen, also the address after 住址/住所/家住/户籍地/居住地/现住 and the
 * like (up to the next punctuation), and every whole occurrence of the party's
 * full name (name, may be NULL) becomes the surname form. An organisation's
 * address and registration code stay: they are public. Writes at most size
 * bytes with the NUL (cut at a character boundary when the text does not
 * fit); returns out. NULL text gives "".
 */
char *fz_pub_mask(const char *text, bool citizen, const char *name, char *out, size_t size);

#endif
