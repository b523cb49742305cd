/*
 * text.h - checks on text that comes from outside: UTF-8, lengths in
 * characters, control characters, phone numbers, integers, hex digits,
 * tracking codes.
 *
 * Pure functions over byte strings; no allocation. Not for: escaping output
 * (responses are JSON built by jansson, and the browser renders text as text).
 */
#ifndef FZ_CORE_TEXT_H
#define FZ_CORE_TEXT_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

/* True when s[0..len) is well-formed UTF-8 (no overlongs, no surrogates). */
bool fz_utf8_valid(const char *s, size_t len);
/* Number of code points in a valid UTF-8 string. */
size_t fz_utf8_chars(const char *s);
/*
 * True when s contains a control character: C0 other than \n, \r and \t (those
 * too unless allow_newlines), DEL, C1 (U+0080..U+009F), the line and paragraph
 * separators and the bidirectional overrides. s is valid UTF-8.
 */
bool fz_text_has_controls(const char *s, bool allow_newlines);
/* True when s is empty or only ASCII/full-width/ideographic white space. */
bool fz_text_blank(const char *s);
/*
 * A one-line excerpt of valid UTF-8 text for lists: white space runs (line
 * breaks, tabs, U+3000) become one space, ends are trimmed, and text longer
 * than max_chars characters is cut on a character and ends with "…". Always
 * NUL-terminates out (size > 4). Returns the excerpt's length in bytes.
 */
size_t fz_text_excerpt(const char *s, size_t max_chars, char *out, size_t size);
/* Phone: 7-20 characters of digits, '-', '+', spaces, at least 7 digits. */
bool fz_phone_valid(const char *s);
/*
 * 居民身份证号码 (GB 11643-1999): 18 characters — a 6-digit area code, the birth date
 * YYYYMMDD (a real day of 1900-2099), a 3-digit sequence and the ISO 7064 MOD 11-2 check
 * character (a digit or X, either case) — or the 15 digits of a first-generation card with
 * the birth date YYMMDD.
 */
bool fz_resident_id_valid(const char *s);
/* The check character ('0'-'9' or 'X') of the 17 digits at s (GB 11643-1999). */
char fz_resident_id_check(const char *s);
/* Whole decimal integer in [min, max], no junk. */
bool fz_parse_int(const char *s, int64_t min, int64_t max, int64_t *out);
/* Value 0-15 of one hexadecimal digit in either case, -1 for any other character. */
int fz_hex_digit(char c);
/* Tracking codes are 12 characters from an alphabet without look-alikes,
 * shown as XXXX-XXXX-XXXX; this accepts either form, any case, and writes the
 * canonical 14-byte form with dashes plus NUL into out. */
bool fz_tracking_normalize(const char *s, char out[15]);
/* Render 12 random bytes (from the caller) as a canonical tracking code. */
void fz_tracking_from_bytes(const unsigned char bytes[12], char out[15]);
/* Constant-time comparison of two NUL-terminated strings. */
bool fz_str_ct_equal(const char *a, const char *b);

#endif
