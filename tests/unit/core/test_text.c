/*
 * test_text.c - unit tests of core/text.c: the checks on text that comes from
 * outside.
 *
 * For: UTF-8 well-formedness (RFC 3629 section 3 and its table of
 * well-formed byte sequences), character counts, control characters, blank
 * text, phone numbers, whole integers, hex digits, tracking codes and the
 * constant-time comparison. Not for: JSON input (jansson's) or escaping output.
 *
 * Byte strings are written as escapes where the bytes matter, with the code
 * point beside them. Each test runs alone: `test_core_text 'utf8*'`.
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <stdio.h>
#include <string.h>

#include "core/err.h"
#include "core/text.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

/* Shows a byte string as printable ASCII and \xNN escapes, for failure messages. */
static const char *esc(const char *s, size_t len, char *buf, size_t size)
{
	size_t k = 0;
	for (size_t i = 0; i < len && k + 5 < size; i++) {
		unsigned char c = (unsigned char)s[i];
		if (c >= 0x20 && c < 0x7F && c != '\\')
			buf[k++] = (char)c;
		else
			k += (size_t)snprintf(buf + k, size - k, "\\x%02X", c);
	}
	buf[k] = '\0';
	return buf;
}

/* ---- UTF-8 ---------------------------------------------------------- */

struct utf8_row {
	const char *name;
	const char *s;
	size_t len; /* 0: strlen(s) */
	bool valid;
};

static void utf8_valid_table(void **state)
{
	(void)state;
	static const struct utf8_row rows[] = {
		{"empty", "", 0, true},
		{"ASCII", "Hello, county 42!", 0, true},
		{"CJK 中文 (E4 B8 AD E6 96 87)", "\xE4\xB8\xAD\xE6\x96\x87", 0, true},
		{"mixed: 县长信箱 No.3", "县长信箱 No.3", 0, true},
		{"full-width punctuation 〔〕（）：", "〔〕（）：", 0, true},
		{"2-byte U+00E9 é", "\xC3\xA9", 0, true},
		{"smallest 2-byte U+0080", "\xC2\x80", 0, true},
		{"smallest 3-byte U+0800", "\xE0\xA0\x80", 0, true},
		{"U+D7FF just below the surrogates", "\xED\x9F\xBF", 0, true},
		{"U+E000 just above the surrogates", "\xEE\x80\x80", 0, true},
		{"U+FFFD replacement character", "\xEF\xBF\xBD", 0, true},
		{"4-byte emoji U+1F600 😀", "\xF0\x9F\x98\x80", 0, true},
		{"smallest 4-byte U+10000", "\xF0\x90\x80\x80", 0, true},
		{"largest code point U+10FFFF", "\xF4\x8F\xBF\xBF", 0, true},
		{"CJK Extension B U+20000 𠀀", "\xF0\xA0\x80\x80", 0, true},
		{"len stops before a truncated tail", "ab\xE4\xB8", 2, true},

		{"NUL inside the length", "a\0b", 3, false},
		{"NUL alone", "\0", 1, false},
		{"lone continuation byte 80", "\x80", 0, false},
		{"continuation byte BF after ASCII", "a\xBF", 0, false},
		{"truncated 2-byte C3 at end", "abc\xC3", 0, false},
		{"truncated 3-byte E4 B8 at end", "\xE4\xB8", 0, false},
		{"truncated 3-byte E4 at end", "\xE4", 0, false},
		{"truncated 4-byte F0 9F 98 at end", "\xF0\x9F\x98", 0, false},
		{"3-byte cut short by the length", "\xE4\xB8\xAD", 2, false},
		{"4-byte cut short by the length", "\xF0\x9F\x98\x80", 3, false},
		{"3-byte lead followed by ASCII", "\xE4" "A" "\xAD", 0, false},
		{"overlong '/' C0 AF", "\xC0\xAF", 0, false},
		{"overlong NUL C0 80", "\xC0\x80", 0, false},
		{"overlong C1 BF (U+007F)", "\xC1\xBF", 0, false},
		{"overlong 3-byte E0 80 AF ('/')", "\xE0\x80\xAF", 0, false},
		{"overlong 3-byte E0 9F BF (U+07FF)", "\xE0\x9F\xBF", 0, false},
		{"overlong 4-byte F0 80 80 AF ('/')", "\xF0\x80\x80\xAF", 0, false},
		{"overlong 4-byte F0 8F BF BF (U+FFFF)", "\xF0\x8F\xBF\xBF", 0, false},
		{"high surrogate U+D800 ED A0 80", "\xED\xA0\x80", 0, false},
		{"low surrogate U+DFFF ED BF BF", "\xED\xBF\xBF", 0, false},
		{"CESU-8 pair for U+1F600", "\xED\xA0\xBD\xED\xB8\x80", 0, false},
		{"U+110000 F4 90 80 80, above U+10FFFF", "\xF4\x90\x80\x80", 0, false},
		{"F5 lead (would be > U+10FFFF)", "\xF5\x80\x80\x80", 0, false},
		{"F7 BF BF BF (U+1FFFFF)", "\xF7\xBF\xBF\xBF", 0, false},
		{"5-byte lead F8", "\xF8\x88\x80\x80\x80", 0, false},
		{"6-byte lead FC", "\xFC\x84\x80\x80\x80\x80", 0, false},
		{"FE", "\xFE", 0, false},
		{"FF", "\xFF", 0, false},
		{"GBK bytes of 中文 (D6 D0 CE C4)", "\xD6\xD0\xCE\xC4", 0, false},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct utf8_row *r = &rows[i];
		size_t len = r->len ? r->len : strlen(r->s);
		bool got = fz_utf8_valid(r->s, len);
		if (got != r->valid) {
			char buf[128];
			print_message("FAIL [%s] fz_utf8_valid(\"%s\", %zu) = %d, want %d\n",
				      r->name, esc(r->s, len, buf, sizeof buf), len, got, r->valid);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

struct chars_row {
	const char *name;
	const char *s;
	size_t chars;
};

static void utf8_chars_table(void **state)
{
	(void)state;
	static const struct chars_row rows[] = {
		{"empty", "", 0},
		{"ASCII", "abc", 3},
		{"CJK: 3 bytes each", "县长信箱", 4},
		{"2-byte é", "caf\xC3\xA9", 4},
		{"4-byte emoji counts once", "\xF0\x9F\x98\x80", 1},
		{"mixed", "a中\xF0\x9F\x98\x80" "b", 4},
		{"full-width space U+3000", "\xE3\x80\x80", 1},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		size_t got = fz_utf8_chars(rows[i].s);
		if (got != rows[i].chars) {
			print_message("FAIL [%s] fz_utf8_chars(\"%s\") = %zu, want %zu\n",
				      rows[i].name, rows[i].s, got, rows[i].chars);
			failures++;
		}
	}
	/* A 5000-character limit on CJK text is 15000 bytes, not 5000. */
	char big[3 * 5000 + 1];
	for (size_t i = 0; i < 5000; i++)
		memcpy(big + 3 * i, "中", 3);
	big[sizeof big - 1] = '\0';
	assert_int_equal(fz_utf8_chars(big), 5000);
	assert_true(fz_utf8_valid(big, strlen(big)));
	assert_int_equal(failures, 0);
}

/* ---- control characters and blank text ------------------------------ */

struct controls_row {
	const char *name;
	const char *s;
	bool strict;  /* fz_text_has_controls(s, false) */
	bool lenient; /* fz_text_has_controls(s, true) */
};

/* A field or message longer than its buffer is cut on a character boundary, never inside one. */
static void err_cut_on_character_boundary(void **state)
{
	(void)state;
	char field[200] = "";
	for (int i = 0; i < 40; i++)
		strcat(field, "字"); /* 120 bytes, 3 a character */
	struct fz_err err;
	for (int lead = 0; lead < 3; lead++) {
		char f[210];
		snprintf(f, sizeof f, "%.*s%s", lead, "abc", field);
		fz_err_set(&err, FZ_EUNKNOWN_FIELD, f, "不认识的字段：%s%s", f, f);
		size_t fl = strlen(err.field), ml = strlen(err.message);
		if (!fz_utf8_valid(err.field, fl) || !fz_utf8_valid(err.message, ml))
			fail_msg("lead %d: cut inside a character (field %zu, message %zu bytes)", lead, fl, ml);
		assert_true(fl > sizeof err.field - 4 && fl < sizeof err.field);
		assert_true(ml > sizeof err.message - 4 && ml < sizeof err.message);
		assert_int_equal(strncmp(err.field, f, fl), 0);
	}
}

static void text_controls_table(void **state)
{
	(void)state;
	static const struct controls_row rows[] = {
		{"empty", "", false, false},
		{"plain CJK", "反映问题", false, false},
		{"space is not a control", "a b", false, false},
		{"newline", "line1\nline2", true, false},
		{"CR LF", "line1\r\nline2", true, false},
		{"tab", "a\tb", true, false},
		{"ESC (terminal escape)", "a\x1B[31mred", true, true},
		{"BEL", "\x07", true, true},
		{"SOH first byte", "\x01" "abc", true, true},
		{"unit separator 1F", "a\x1F", true, true},
		{"vertical tab", "a\vb", true, true},
		{"form feed", "a\fb", true, true},
		{"backspace", "ab\bc", true, true},
		{"DEL 7F", "abc\x7F", true, true},
		{"newline then ESC", "a\n\x1B", true, true},
		{"UTF-8 continuation bytes are not controls", "中\xE3\x80\x80", false, false},
		{"NEL U+0085 (C1)", "张\xC2\x85" "三", true, true},
		{"U+0080 first C1", "\xC2\x80", true, true},
		{"U+009F last C1", "a\xC2\x9F", true, true},
		{"U+00A0 no-break space is not C1", "a\xC2\xA0" "b", false, false},
		{"U+00B7 middle dot (names) is not C1", "阿\xC2\xB7" "木", false, false},
		{"U+2028 line separator", "a\xE2\x80\xA8" "b", true, true},
		{"U+202E right-to-left override", "\xE2\x80\xAE" "abc", true, true},
		{"U+2067 right-to-left isolate", "a\xE2\x81\xA7", true, true},
		{"U+2027 hyphenation point is allowed", "a\xE2\x80\xA7", false, false},
		{"U+2014 em dash is allowed", "a\xE2\x80\x94" "b", false, false},
		{"U+2065 unassigned neighbour not flagged", "a\xE2\x81\xA5", false, false},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct controls_row *r = &rows[i];
		bool strict = fz_text_has_controls(r->s, false);
		bool lenient = fz_text_has_controls(r->s, true);
		if (strict != r->strict || lenient != r->lenient) {
			char buf[128];
			print_message("FAIL [%s] \"%s\": strict %d lenient %d, want %d %d\n",
				      r->name, esc(r->s, strlen(r->s), buf, sizeof buf), strict,
				      lenient, r->strict, r->lenient);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

struct blank_row {
	const char *name;
	const char *s;
	bool blank;
};

struct excerpt_row {
	const char *name, *in;
	size_t max;
	const char *want;
};

static void text_excerpt_table(void **state)
{
	(void)state;
	static const struct excerpt_row rows[] = {
		{"short text unchanged", "公开申请", 40, "公开申请"},
		{"exactly max characters", "一二三四五", 5, "一二三四五"},
		{"one over: cut, with …", "一二三四五六", 5, "一二三四…"},
		{"line breaks and tabs fold to one space", "第一行\n\n\t第二行", 40, "第一行 第二行"},
		{"U+3000 folds too", "甲\xE3\x80\x80\xE3\x80\x80乙", 40, "甲 乙"},
		{"ends trimmed", "  \n 内容 \r\n", 40, "内容"},
		{"blank gives empty", " \n\xE3\x80\x80", 40, ""},
		{"NULL gives empty", NULL, 40, ""},
		{"ASCII cut", "abcdefghij", 4, "abc…"},
		{"mixed widths", "2025年度预算", 6, "2025年…"},
		{"four-byte character kept whole", "\xF0\x9F\x98\x80\xF0\x9F\x98\x80\xF0\x9F\x98\x80", 2, "\xF0\x9F\x98\x80…"},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		char out[64];
		size_t n = fz_text_excerpt(rows[i].in, rows[i].max, out, sizeof out);
		if (strcmp(out, rows[i].want) != 0 || n != strlen(out) ||
		    fz_utf8_chars(out) > rows[i].max) {
			print_message("FAIL [%s] got \"%s\" (%zu bytes), want \"%s\"\n", rows[i].name, out, n,
				      rows[i].want);
			failures++;
		}
	}
	/* A small buffer: still valid UTF-8, NUL-terminated, ending with …. */
	char small[12];
	fz_text_excerpt("一二三四五六七八九十", 40, small, sizeof small);
	if (!fz_utf8_valid(small, strlen(small)) || strcmp(small, "一二…") != 0) {
		print_message("FAIL [small buffer] got \"%s\"\n", small);
		failures++;
	}
	assert_int_equal(failures, 0);
}

static void text_blank_table(void **state)
{
	(void)state;
	static const struct blank_row rows[] = {
		{"empty", "", true},
		{"spaces", "   ", true},
		{"tab, CR, LF", "\t\r\n", true},
		{"full-width space U+3000 (E3 80 80)", "\xE3\x80\x80", true},
		{"several U+3000 and ASCII spaces", " \xE3\x80\x80\xE3\x80\x80 \n", true},
		{"one character", "a", false},
		{"CJK between spaces", "\xE3\x80\x80中 ", false},
		{"U+3001 ideographic comma is not space", "\xE3\x80\x81", false},
		{"truncated U+3000 (E3 80) is not space", "\xE3\x80", false},
		{"lone E3 is not space", "  \xE3", false},
		{"a dot between spaces", " . ", false},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		bool got = fz_text_blank(rows[i].s);
		if (got != rows[i].blank) {
			char buf[128];
			print_message("FAIL [%s] fz_text_blank(\"%s\") = %d, want %d\n",
				      rows[i].name,
				      esc(rows[i].s, strlen(rows[i].s), buf, sizeof buf), got,
				      rows[i].blank);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- phone numbers -------------------------------------------------- */

struct phone_row {
	const char *name;
	const char *s;
	bool valid;
};

/* 居民身份证号码 (GB 11643-1999): shape, birth date and check character. */
static void resident_id_table(void **state)
{
	(void)state;
	static const struct phone_row rows[] = {
		{"the standard's example, check X", "11010519491231002X", true},
		{"lower-case x", "11010519491231002x", true},
		{"a digit check", "360123198001011237", true},
		{"29 February of a leap year", "330120200002290018", true},
		{"15 digits, 1st generation", "360123800101123", true},
		{"wrong check digit", "360123198001011234", false},
		{"X where a digit is due", "36012319800101123X", false},
		{"29 February of 1900 (not leap)", "330120190002290011", false},
		{"month 13", "360123198013011234", false},
		{"day 00", "360123198001001231", false},
		{"born 1899", "360123189901011238", false},
		{"15 digits, 31 April", "360123800431123", false},
		{"17 characters", "36012319800101123", false},
		{"X inside", "3601231980X1011237", false},
		{"empty", "", false},
		{"full-width digits", "３６０１２３１９８００１０１１２３７", false},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		bool got = fz_resident_id_valid(rows[i].s);
		if (got != rows[i].valid) {
			print_message("FAIL [%s] fz_resident_id_valid(\"%s\") = %d, want %d\n",
				      rows[i].name, rows[i].s, got, rows[i].valid);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
	assert_int_equal(fz_resident_id_check("11010519491231002"), 'X');
	assert_false(fz_resident_id_valid(NULL));
}

static void phone_valid_table(void **state)
{
	(void)state;
	static const struct phone_row rows[] = {
		{"mobile, 11 digits", "13800138000", true},
		{"landline with area code", "0971-6123456", true},
		{"international with spaces", "+86 138 0013 8000", true},
		{"7 digits, the shortest", "6123456", true},
		{"20 characters, the longest", "+86-0971-612345-6789", true},
		{"6 digits", "612345", false},
		{"7 characters but 6 digits", "612-345", false},
		{"only punctuation", "--- ---", false},
		{"21 characters", "+86 0971 6123456 7890", false},
		{"empty", "", false},
		{"letters", "138abc38000", false},
		{"parentheses", "(0971)6123456", false},
		{"full-width digits", "１３８００１３８０００", false},
		{"extension marker", "6123456#12", false},
		{"newline", "13800138000\n", false},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		bool got = fz_phone_valid(rows[i].s);
		if (got != rows[i].valid) {
			print_message("FAIL [%s] fz_phone_valid(\"%s\") = %d, want %d\n",
				      rows[i].name, rows[i].s, got, rows[i].valid);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- integers ------------------------------------------------------- */

struct int_row {
	const char *name;
	const char *s;
	int64_t min, max;
	bool ok;
	int64_t value;
};

static void parse_int_table(void **state)
{
	(void)state;
	static const struct int_row rows[] = {
		{"zero", "0", 0, 10, true, 0},
		{"page number", "42", 1, 100000, true, 42},
		{"negative in range", "-5", -10, 10, true, -5},
		{"min itself", "1", 1, 100, true, 1},
		{"max itself", "100", 1, 100, true, 100},
		{"leading zeros are still decimal", "007", 0, 100, true, 7},
		{"INT64_MAX", "9223372036854775807", 0, INT64_MAX, true, INT64_MAX},
		{"INT64_MIN", "-9223372036854775808", INT64_MIN, 0, true, INT64_MIN},
		{"below min", "0", 1, 100, false, 0},
		{"above max", "101", 1, 100, false, 0},
		{"year out of range", "1999", 2000, 2100, false, 0},
		{"overflow INT64_MAX + 1", "9223372036854775808", 0, INT64_MAX, false, 0},
		{"underflow INT64_MIN - 1", "-9223372036854775809", INT64_MIN, 0, false, 0},
		{"far overflow", "99999999999999999999999", 0, INT64_MAX, false, 0},
		{"empty", "", 0, 10, false, 0},
		{"sign only", "-", -10, 10, false, 0},
		{"trailing junk", "12abc", 0, 100, false, 0},
		{"leading junk", "abc12", 0, 100, false, 0},
		{"trailing space", "12 ", 0, 100, false, 0},
		{"leading space", " 12", 0, 100, false, 0},
		{"leading tab", "\t12", 0, 100, false, 0},
		{"leading newline", "\n12", 0, 100, false, 0},
		{"plus sign", "+12", 0, 100, false, 0},
		{"hex", "0x10", 0, 100, false, 0},
		{"exponent", "1e3", 0, 10000, false, 0},
		{"decimal point", "1.0", 0, 100, false, 0},
		{"full-width digits", "１２", 0, 100, false, 0},
		{"percent-decoded id with a space (/api/cases/%2012)", " 12", 1, INT64_MAX, false,
		 0},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct int_row *r = &rows[i];
		int64_t v = -4242;
		bool ok = fz_parse_int(r->s, r->min, r->max, &v);
		bool good = ok == r->ok && (ok ? v == r->value : v == -4242);
		if (!good) {
			char buf[64];
			print_message("FAIL [%s] fz_parse_int(\"%s\", %lld, %lld) = %d/%lld, want "
				      "%d/%lld%s\n",
				      r->name, esc(r->s, strlen(r->s), buf, sizeof buf),
				      (long long)r->min, (long long)r->max, ok, (long long)v, r->ok,
				      (long long)r->value,
				      !ok && v != -4242 ? " (failed parse wrote its output)" : "");
			failures++;
		}
	}
	int64_t v = 7;
	assert_false(fz_parse_int(NULL, 0, 10, &v));
	assert_int_equal(v, 7);
	assert_int_equal(failures, 0);
}

/* ---- tracking codes ------------------------------------------------- */

/* The alphabet has no 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read out over the phone. */
static const char alphabet[] = "ACDEFGHJKMNPQRTUVWXY34679";

static bool canonical_form(const char *code)
{
	if (strlen(code) != 14 || code[4] != '-' || code[9] != '-')
		return false;
	for (int i = 0; i < 14; i++)
		if (i != 4 && i != 9 && !strchr(alphabet, code[i]))
			return false;
	return true;
}

struct tracking_row {
	const char *name;
	const char *in;
	const char *out; /* NULL: rejected */
};

static void tracking_normalize_table(void **state)
{
	(void)state;
	static const struct tracking_row rows[] = {
		{"canonical form", "ACDE-FGHJ-KMNP", "ACDE-FGHJ-KMNP"},
		{"without dashes", "ACDEFGHJKMNP", "ACDE-FGHJ-KMNP"},
		{"lowercase", "acde-fghj-kmnp", "ACDE-FGHJ-KMNP"},
		{"lowercase without dashes", "qrtuvwxy3467", "QRTU-VWXY-3467"},
		{"mixed case", "aCdE-fGhJ-kMnP", "ACDE-FGHJ-KMNP"},
		{"digits of the alphabet", "3467-9346-7934", "3467-9346-7934"},
		{"look-alike O for 0", "OCDE-FGHJ-KMNP", NULL},
		{"look-alike 0 for O", "0CDE-FGHJ-KMNP", NULL},
		{"look-alike I", "ICDE-FGHJ-KMNP", NULL},
		{"look-alike 1", "1CDE-FGHJ-KMNP", NULL},
		{"look-alike L", "LCDE-FGHJ-KMNP", NULL},
		{"look-alike lowercase l", "lcde-fghj-kmnp", NULL},
		{"look-alike Z and 2", "ZCDE-FGHJ-KMN2", NULL},
		{"look-alike S and 5", "SCDE-FGHJ-KMN5", NULL},
		{"look-alike B and 8", "BCDE-FGHJ-KMN8", NULL},
		{"11 characters", "ACDE-FGHJ-KMN", NULL},
		{"13 characters", "ACDE-FGHJ-KMNPQ", NULL},
		{"12 characters and more after", "ACDEFGHJKMNPACDEFGHJKMNP", NULL},
		{"empty", "", NULL},
		{"dashes only", "----", NULL},
		{"full-width letter Ａ", "\xEF\xBC\xA1" "CDE-FGHJ-KMNP", NULL},
		{"underscore", "ACDE_FGHJ_KMNP", NULL},
		{"junk after a good code", "ACDE-FGHJ-KMNP!", NULL},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		const struct tracking_row *r = &rows[i];
		char out[15];
		memset(out, 'z', sizeof out);
		bool ok = fz_tracking_normalize(r->in, out);
		bool good = r->out ? ok && strcmp(out, r->out) == 0 : !ok;
		if (!r->out) {
			/* A refused code leaves the caller's buffer as it was. */
			for (size_t k = 0; k < sizeof out; k++)
				good = good && out[k] == 'z';
		}
		if (!good) {
			print_message("FAIL [%s] normalize(\"%s\") = %d \"%.15s\", want %s\n",
				      r->name, r->in, ok, ok ? out : "(buffer changed)",
				      r->out ? r->out : "refused, buffer unchanged");
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void tracking_from_bytes_round_trip(void **state)
{
	(void)state;
	/* Bytes 0..11 index the alphabet directly. */
	unsigned char seq[12];
	for (int i = 0; i < 12; i++)
		seq[i] = (unsigned char)i;
	char out[15];
	fz_tracking_from_bytes(seq, out);
	assert_string_equal(out, "ACDE-FGHJ-KMNP");
	/* 24 is the last letter, 25 wraps to the first, 255 = 10 * 25 + 5 is 'G'. */
	unsigned char wrap[12] = {24, 25, 255, 0, 0, 0, 0, 0, 0, 0, 0, 0};
	fz_tracking_from_bytes(wrap, out);
	assert_string_equal(out, "9AGA-AAAA-AAAA");

	/* Every code the generator makes is canonical and normalizes to itself, in
	 * any case and with or without dashes. */
	uint32_t x = 2463534242u; /* xorshift32, fixed seed: the run is repeatable */
	int failures = 0;
	for (int n = 0; n < 2000; n++) {
		unsigned char bytes[12];
		for (int i = 0; i < 12; i++) {
			x ^= x << 13;
			x ^= x >> 17;
			x ^= x << 5;
			bytes[i] = (unsigned char)x;
		}
		char code[15], lower[15], bare[13], back[15], back2[15], back3[15];
		fz_tracking_from_bytes(bytes, code);
		size_t k = 0;
		for (int i = 0; i < 15; i++) {
			char c = code[i];
			lower[i] = (c >= 'A' && c <= 'Z') ? (char)(c - 'A' + 'a') : c;
			if (c && c != '-')
				bare[k++] = c;
		}
		bare[k] = '\0';
		bool ok = canonical_form(code) && fz_tracking_normalize(code, back) &&
			  strcmp(back, code) == 0 && fz_tracking_normalize(lower, back2) &&
			  strcmp(back2, code) == 0 && fz_tracking_normalize(bare, back3) &&
			  strcmp(back3, code) == 0;
		if (!ok) {
			print_message("FAIL [generated #%d] %s (lower %s, bare %s) does not "
				      "round-trip\n",
				      n, code, lower, bare);
			if (++failures > 5)
				break;
		}
	}
	assert_int_equal(failures, 0);
}

/* ---- constant-time comparison --------------------------------------- */

struct ct_row {
	const char *name;
	const char *a, *b;
	bool equal;
};

static void hex_digit_table(void **state)
{
	(void)state;
	static const struct {
		char c;
		int want;
	} rows[] = {{'0', 0}, {'9', 9}, {'a', 10}, {'f', 15}, {'A', 10}, {'F', 15},
		    {'g', -1}, {'G', -1}, {'/', -1}, {':', -1}, {'%', -1}, {'\0', -1}};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		int got = fz_hex_digit(rows[i].c);
		if (got != rows[i].want) {
			print_message("FAIL fz_hex_digit(0x%02x) = %d, want %d\n",
				      (unsigned char)rows[i].c, got, rows[i].want);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

static void str_ct_equal_table(void **state)
{
	(void)state;
	static const struct ct_row rows[] = {
		{"equal", "tok3n-abc", "tok3n-abc", true},
		{"both empty", "", "", true},
		{"equal CJK", "法治", "法治", true},
		{"first byte differs", "xbc", "abc", false},
		{"last byte differs", "abcd", "abce", false},
		{"prefix", "abc", "abcd", false},
		{"prefix, other order", "abcd", "abc", false},
		{"empty against non-empty", "", "a", false},
		{"case differs", "ABC", "abc", false},
	};
	int failures = 0;
	for (size_t i = 0; i < NROWS(rows); i++) {
		bool got = fz_str_ct_equal(rows[i].a, rows[i].b);
		if (got != rows[i].equal) {
			print_message("FAIL [%s] ct_equal(\"%s\", \"%s\") = %d, want %d\n",
				      rows[i].name, rows[i].a, rows[i].b, got, rows[i].equal);
			failures++;
		}
	}
	assert_int_equal(failures, 0);
}

/* A message longer than struct fz_err holds is cut on a character boundary, never inside a
 * Chinese character: half a character is invalid UTF-8 and could not be sent as JSON. */
static void err_message_cut_on_character_boundary(void **state)
{
	(void)state;
	for (int pad = 0; pad < 3; pad++) {
		char msg[600];
		size_t k = 0;
		for (int i = 0; i < pad; i++)
			msg[k++] = 'x';
		while (k + 3 < sizeof msg) {
			memcpy(msg + k, "期", 3); /* 3 bytes each */
			k += 3;
		}
		msg[k] = '\0';
		struct fz_err err;
		fz_err_set(&err, FZ_ESTATE, "days", "%s", msg);
		size_t len = strlen(err.message);
		if (!fz_utf8_valid(err.message, len))
			fail_msg("pad %d: truncated message is not valid UTF-8 (%zu bytes)", pad, len);
		assert_true(len < sizeof err.message);
		assert_true(len > sizeof err.message - 4); /* only the partial character dropped */
		assert_string_equal(err.field, "days");
	}
}

int main(int argc, char **argv)
{
	if (argc > 1)
		cmocka_set_test_filter(argv[1]);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(utf8_valid_table),
		cmocka_unit_test(utf8_chars_table),
		cmocka_unit_test(text_controls_table),
		cmocka_unit_test(err_cut_on_character_boundary),
		cmocka_unit_test(text_blank_table),
		cmocka_unit_test(text_excerpt_table),
		cmocka_unit_test(phone_valid_table),
		cmocka_unit_test(resident_id_table),
		cmocka_unit_test(parse_int_table),
		cmocka_unit_test(tracking_normalize_table),
		cmocka_unit_test(tracking_from_bytes_round_trip),
		cmocka_unit_test(hex_digit_table),
		cmocka_unit_test(str_ct_equal_table),
		cmocka_unit_test(err_message_cut_on_character_boundary),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
