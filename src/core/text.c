/* text.c - input text checks of text.h. */
#include "core/text.h"

#include <errno.h>
#include <stdlib.h>
#include <string.h>

bool fz_utf8_valid(const char *str, size_t len)
{
	const unsigned char *s = (const unsigned char *)str;
	size_t i = 0;
	while (i < len) {
		unsigned c = s[i];
		size_t n;
		unsigned cp;
		if (c < 0x80) {
			if (c == 0)
				return false; /* NUL never belongs in text */
			i++;
			continue;
		} else if ((c & 0xE0) == 0xC0) {
			n = 1;
			cp = c & 0x1F;
		} else if ((c & 0xF0) == 0xE0) {
			n = 2;
			cp = c & 0x0F;
		} else if ((c & 0xF8) == 0xF0) {
			n = 3;
			cp = c & 0x07;
		} else {
			return false;
		}
		if (i + n >= len)
			return false;
		for (size_t k = 1; k <= n; k++) {
			if ((s[i + k] & 0xC0) != 0x80)
				return false;
			cp = (cp << 6) | (s[i + k] & 0x3F);
		}
		if ((n == 1 && cp < 0x80) || (n == 2 && cp < 0x800) || (n == 3 && cp < 0x10000))
			return false; /* overlong */
		if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF))
			return false;
		i += n + 1;
	}
	return true;
}

size_t fz_utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s++)
		if (((unsigned char)*s & 0xC0) != 0x80)
			n++;
	return n;
}

bool fz_text_has_controls(const char *s, bool allow_newlines)
{
	for (; *s; s++) {
		unsigned char c = (unsigned char)*s;
		if (c == 0x7F)
			return true;
		if (c < 0x20) {
			if (allow_newlines && (c == '\n' || c == '\r' || c == '\t'))
				continue;
			return true;
		}
		/* C1 controls U+0080..U+009F (NEL U+0085 among them): C2 80 .. C2 9F. */
		if (c == 0xC2 && (unsigned char)s[1] >= 0x80 && (unsigned char)s[1] <= 0x9F)
			return true;
		/*
		 * Line and paragraph separators U+2028/U+2029 and the bidirectional
		 * overrides U+202A..U+202E, U+2066..U+2069: invisible, and they
		 * reorder what a reader sees (a name that reads differently on screen).
		 */
		if (c == 0xE2 && (unsigned char)s[1] == 0x80 && (unsigned char)s[2] >= 0xA8 &&
		    (unsigned char)s[2] <= 0xAE)
			return true;
		if (c == 0xE2 && (unsigned char)s[1] == 0x81 && (unsigned char)s[2] >= 0xA6 &&
		    (unsigned char)s[2] <= 0xA9)
			return true;
	}
	return false;
}

/* Length of the white space at p (ASCII or U+3000), 0 when none. */
static size_t space_at(const unsigned char *p)
{
	if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
		return 1;
	if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/*
 * Copies the folded text (see fz_text_excerpt) into out while it has at most
 * limit characters and leaves room for an ellipsis; returns true when text
 * was left over. *k is the length written (not NUL-terminated).
 */
static bool fold_copy(const unsigned char *p, size_t limit, char *out, size_t size, size_t *k)
{
	static const size_t room = 4; /* "…" and the NUL */
	size_t chars = 0;
	bool pending_space = false;
	*k = 0;
	while (*p && space_at(p))
		p += space_at(p);
	while (*p) {
		size_t sp = space_at(p);
		if (sp) {
			pending_space = true;
			p += sp;
			continue;
		}
		size_t len = *p >= 0xF0 ? 4 : *p >= 0xE0 ? 3 : *p >= 0xC0 ? 2 : 1;
		size_t gap = pending_space ? 1 : 0;
		if (chars + gap + 1 > limit || *k + gap + len + room > size)
			return true;
		if (gap)
			out[(*k)++] = ' ';
		for (size_t i = 0; i < len && p[i]; i++)
			out[(*k)++] = (char)p[i];
		chars += gap + 1;
		pending_space = false;
		p += len;
	}
	return false;
}

size_t fz_text_excerpt(const char *s, size_t max_chars, char *out, size_t size)
{
	const unsigned char *p = (const unsigned char *)(s ? s : "");
	size_t k;
	if (fold_copy(p, max_chars, out, size, &k)) {
		/* Too long: one character fewer, then the ellipsis, within max_chars. */
		fold_copy(p, max_chars ? max_chars - 1 : 0, out, size, &k);
		memcpy(out + k, "\xE2\x80\xA6", 3);
		k += 3;
	}
	out[k] = '\0';
	return k;
}

bool fz_text_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		if (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r') {
			p++;
		} else if (p[0] == 0xE3 && p[1] == 0x80 && p[2] == 0x80) { /* U+3000 */
			p += 3;
		} else {
			return false;
		}
	}
	return true;
}

bool fz_phone_valid(const char *s)
{
	size_t len = strlen(s), digits = 0;
	if (len < 7 || len > 20)
		return false;
	for (size_t i = 0; i < len; i++) {
		char c = s[i];
		if (c >= '0' && c <= '9')
			digits++;
		else if (c != '-' && c != '+' && c != ' ')
			return false;
	}
	return digits >= 7;
}

char fz_resident_id_check(const char *s)
{
	static const int weight[17] = {7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2};
	int sum = 0;
	for (int i = 0; i < 17; i++)
		sum += (s[i] - '0') * weight[i];
	return "10X98765432"[sum % 11];
}

/* A real day: y-m-d with the month's length (February 29 in leap years only). */
static bool real_day(int y, int m, int d)
{
	static const int len[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	if (m < 1 || m > 12 || d < 1)
		return false;
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	return d <= len[m - 1] + (m == 2 && leap);
}

static int digits_at(const char *s, int n)
{
	int v = 0;
	for (int i = 0; i < n; i++)
		v = v * 10 + (s[i] - '0');
	return v;
}

bool fz_resident_id_valid(const char *s)
{
	size_t n = s ? strlen(s) : 0;
	if (n != 18 && n != 15)
		return false;
	for (size_t i = 0; i < n; i++)
		if (!(s[i] >= '0' && s[i] <= '9') && !(n == 18 && i == 17 && (s[i] == 'X' || s[i] == 'x')))
			return false;
	if (n == 15)
		return real_day(1900 + digits_at(s + 6, 2), digits_at(s + 8, 2), digits_at(s + 10, 2));
	int y = digits_at(s + 6, 4);
	if (y < 1900 || y > 2099 || !real_day(y, digits_at(s + 10, 2), digits_at(s + 12, 2)))
		return false;
	char c = s[17] == 'x' ? 'X' : s[17];
	return fz_resident_id_check(s) == c;
}

bool fz_parse_int(const char *s, int64_t min, int64_t max, int64_t *out)
{
	/* strtoll would skip leading white space and take a '+': neither is a whole integer. */
	if (!s || !((*s >= '0' && *s <= '9') || *s == '-'))
		return false;
	char *end = NULL;
	errno = 0;
	long long v = strtoll(s, &end, 10);
	if (errno || *end || end == s)
		return false;
	if (v < min || v > max)
		return false;
	*out = v;
	return true;
}

/* No 0/O, 1/I/L, 2/Z, 5/S, 8/B: codes are read out over the phone. */
static const char alphabet[] = "ACDEFGHJKMNPQRTUVWXY34679";

void fz_tracking_from_bytes(const unsigned char bytes[12], char out[15])
{
	size_t k = 0;
	for (size_t i = 0; i < 12; i++) {
		if (i == 4 || i == 8)
			out[k++] = '-';
		out[k++] = alphabet[bytes[i] % (sizeof alphabet - 1)];
	}
	out[k] = '\0';
}

bool fz_tracking_normalize(const char *s, char out[15])
{
	char buf[15]; /* out is written only when the code is good */
	size_t n = 0, k = 0;
	for (; *s; s++) {
		char c = *s;
		if (c == '-' || c == ' ')
			continue;
		if (c >= 'a' && c <= 'z')
			c = (char)(c - 'a' + 'A');
		if (!strchr(alphabet, c) || n == 12)
			return false;
		if (n == 4 || n == 8)
			buf[k++] = '-';
		buf[k++] = c;
		n++;
	}
	if (n != 12)
		return false;
	buf[k] = '\0';
	memcpy(out, buf, sizeof buf);
	return true;
}

bool fz_str_ct_equal(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b);
	unsigned char d = (unsigned char)(la != lb);
	size_t n = la < lb ? la : lb;
	for (size_t i = 0; i < n; i++)
		d |= (unsigned char)(a[i] ^ b[i]);
	return d == 0;
}

int fz_hex_digit(char c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}
