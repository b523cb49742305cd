/*
 * enf_pub_rules.c - the masking of personal data in the public notice of an
 * enforcement decision (三项制度 公示; 《个人信息保护法》: an ID number, a phone
 * number and a natural person's address are not published) and the party's
 * name as the notice prints it.
 *
 * Not for: which decisions are published or when (enf_publication.c). Text
 * is UTF-8; the scanner moves one whole character at a time, copies ASCII
 * letter-and-digit runs whole (so a number inside a registration code such
 * as 91360000MA35X1234K is never taken for a phone number) and writes only
 * whole characters, so a cut output is still valid UTF-8.
 */
#include <string.h>

#include "modules/enforcement/enf_pub_rules.h"

struct out {
	char *p;
	size_t size, len;
	bool full;
};

static void put(struct out *o, const char *s, size_t n)
{
	if (o->full || o->len + n >= o->size) {
		o->full = true;
		return;
	}
	memcpy(o->p + o->len, s, n);
	o->len += n;
	o->p[o->len] = '\0';
}

static void puts_(struct out *o, const char *s)
{
	put(o, s, strlen(s));
}

static size_t char_len(unsigned char c)
{
	return c < 0x80 ? 1 : c < 0xE0 ? 2 : c < 0xF0 ? 3 : 4;
}

static bool digit(char c)
{
	return c >= '0' && c <= '9';
}

static bool alnum(char c)
{
	return digit(c) || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
}

static bool starts(const char *s, const char *w)
{
	return strncmp(s, w, strlen(w)) == 0;
}

/* How many digits start s (at most max + 1, so "more than max" is seen). */
static size_t digits(const char *s, size_t max)
{
	size_t n = 0;
	while (n <= max && digit(s[n]))
		n++;
	return n;
}

/* Length of a resident ID number at s (18 with a check digit or X, or 15 digits), else 0. */
static size_t id_number(const char *s)
{
	size_t n = digits(s, 18);
	if (n == 17 && (s[17] == 'X' || s[17] == 'x') && !alnum(s[18]))
		return 18;
	if ((n == 18 || n == 15) && !alnum(s[n]))
		return n;
	return 0;
}

/* Length of a mobile number at s: 1[3-9] and 9 digits, or 3-4-4 with '-' or ' ', or 86 first. */
static size_t mobile(const char *s)
{
	if (s[0] == '8' && s[1] == '6' && digit(s[2])) {
		size_t m = mobile(s + 2);
		return m ? m + 2 : 0;
	}
	if (s[0] != '1' || s[1] < '3' || s[1] > '9')
		return 0;
	size_t n = digits(s, 11);
	if (n == 11 && !alnum(s[11]))
		return 11;
	if (n == 3 && (s[3] == '-' || s[3] == ' ') && digits(s + 4, 4) == 4 && s[8] == s[3] &&
	    digits(s + 9, 4) == 4 && !alnum(s[13]))
		return 13;
	return 0;
}

/* Length of a fixed number at s: 0 and 2-3 digits, '-' or ' ', 7-8 digits. */
static size_t fixed(const char *s)
{
	if (s[0] != '0')
		return 0;
	size_t a = digits(s, 4);
	if (a < 3 || a > 4 || (s[a] != '-' && s[a] != ' '))
		return 0;
	size_t n = digits(s + a + 1, 8);
	return n >= 7 && n <= 8 && !alnum(s[a + 1 + n]) ? a + 1 + n : 0;
}

/* An area code in parentheses, then the number: (0791)86123456, （0791）8612-3456 is not taken. */
static size_t fixed_paren(const char *s)
{
	size_t open = s[0] == '(' ? 1 : starts(s, "（") ? strlen("（") : 0;
	if (!open || s[open] != '0')
		return 0;
	size_t a = digits(s + open, 4);
	if (a < 3 || a > 4)
		return 0;
	const char *p = s + open + a;
	size_t close = *p == ')' ? 1 : starts(p, "）") ? strlen("）") : 0;
	if (!close)
		return 0;
	p += close;
	if (*p == ' ' || *p == '-')
		p++;
	size_t n = digits(p, 8);
	return n >= 7 && n <= 8 && !alnum(p[n]) ? (size_t)(p - s) + n : 0;
}

/* After a phone keyword: optional "：", ":", "号码", "为", spaces, then 7-12 digits (with '-'). */
static size_t phone_after_keyword(const char *s, size_t *lead)
{
	static const char *const skip[] = {"号码", "：", ":", "为", " ", "是"};
	const char *p = s;
	for (bool again = true; again;) {
		again = false;
		for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
			if (starts(p, skip[i])) {
				p += strlen(skip[i]);
				again = true;
			}
	}
	*lead = (size_t)(p - s);
	size_t n = 0, d = 0;
	while (digit(p[n]) || (p[n] == '-' && d > 0 && digit(p[n + 1]))) {
		d += digit(p[n]);
		n++;
	}
	return d >= 7 && d <= 12 && !alnum(p[n]) ? (size_t)(p - s) + n : 0;
}

static const char *const phone_words[] = {"联系电话", "电话", "手机", "联系方式"};

/* Longest first, so 住所地 is not read as 住所 followed by 地. */
static const char *const address_words[] = {
    "家庭住址",	  "户籍地址", "居住地址", "现住址", "住所地", "户籍地", "居住地",
    "经常居住地", "住址",     "住所",	  "家住",   "现住",   "住在"};

static const char *const address_ends[] = {"，", "。", "；", "、", "）", "！",
					   "？", ",",  ";",  ")",  "\n", "\r"};

/* The address after an address keyword at s (keyword excluded): where it starts and ends. */
static bool address_at(const char *s, size_t *start, size_t *end)
{
	static const char *const skip[] = {"：", ":", "为", "在", "于", "是"};
	size_t p = 0;
	for (size_t i = 0; i < sizeof skip / sizeof skip[0]; i++)
		if (starts(s + p, skip[i])) {
			p += strlen(skip[i]);
			break;
		}
	size_t q = p;
	while (s[q]) {
		bool stop = false;
		for (size_t i = 0; i < sizeof address_ends / sizeof address_ends[0] && !stop; i++)
			stop = starts(s + q, address_ends[i]);
		if (stop)
			break;
		q += char_len((unsigned char)s[q]);
	}
	*start = p;
	*end = q;
	return q > p;
}

/* Does s open a clause of text: at its start, or after a comma or an opening parenthesis? */
static bool clause_start(const char *text, const char *s)
{
	static const char *const opens[] = {"，", "（", "、", "；", "。", ",", "(", " "};
	if (s == text)
		return true;
	for (size_t i = 0; i < sizeof opens / sizeof opens[0]; i++) {
		size_t n = strlen(opens[i]);
		if ((size_t)(s - text) >= n && strncmp(s - n, opens[i], n) == 0)
			return true;
	}
	return false;
}

static const char *const compound_surnames[] = {
    "欧阳", "司马", "诸葛", "上官", "东方", "皇甫", "尉迟", "公孙", "慕容", "长孙",
    "宇文", "司徒", "夏侯", "轩辕", "令狐", "端木", "独孤", "南宫", "西门", "呼延"};

static size_t utf8_chars(const char *s)
{
	size_t n = 0;
	for (; *s; s += char_len((unsigned char)*s))
		n++;
	return n;
}

void fz_pub_party_shown(bool citizen, const char *name, char *dst, size_t size)
{
	struct out o = {dst, size, 0, false};
	dst[0] = '\0';
	if (!name)
		name = "";
	if (!citizen) {
		puts_(&o, name);
		return;
	}
	size_t sur = name[0] ? char_len((unsigned char)name[0]) : 0;
	for (size_t i = 0; i < sizeof compound_surnames / sizeof compound_surnames[0]; i++)
		if (starts(name, compound_surnames[i]) && utf8_chars(name) > 2)
			sur = strlen(compound_surnames[i]);
	put(&o, name, sur);
	puts_(&o, "某");
}

char *fz_pub_mask(const char *text, bool citizen, const char *name, char *dst, size_t size)
{
	struct out o = {dst, size, 0, false};
	dst[0] = '\0';
	if (!text)
		return dst;
	char shown[128];
	size_t name_len = citizen && name ? strlen(name) : 0;
	if (name_len)
		fz_pub_party_shown(true, name, shown, sizeof shown);
	const char *s = text;
	while (*s && !o.full) {
		size_t n;
		if (name_len >= 2 && strncmp(s, name, name_len) == 0) {
			puts_(&o, shown);
			s += name_len;
			continue;
		}
		if ((n = fixed_paren(s))) {
			puts_(&o, FZ_PUB_MASK);
			s += n;
			continue;
		}
		if (alnum(*s)) {
			if ((n = id_number(s)) || (n = mobile(s)) || (n = fixed(s))) {
				puts_(&o, FZ_PUB_MASK);
				s += n;
				continue;
			}
			/* Not personal data: copy the whole run, so nothing inside it is taken for
			 * a number. */
			n = 0;
			while (alnum(s[n]))
				n++;
			put(&o, s, n);
			s += n;
			continue;
		}
		bool done = false;
		for (size_t i = 0; i < sizeof phone_words / sizeof phone_words[0] && !done; i++) {
			size_t w = strlen(phone_words[i]);
			size_t lead;
			if (starts(s, phone_words[i]) && (n = phone_after_keyword(s + w, &lead))) {
				put(&o, s, w + lead);
				puts_(&o, FZ_PUB_MASK);
				s += w + n;
				done = true;
			}
		}
		for (size_t i = 0;
		     citizen && !done && i < sizeof address_words / sizeof address_words[0]; i++) {
			size_t w = strlen(address_words[i]), a, b;
			if (starts(s, address_words[i]) && address_at(s + w, &a, &b)) {
				put(&o, s, w + a);
				puts_(&o, FZ_PUB_MASK);
				s += w + b;
				done = true;
			}
		}
		/* "张三，男，住青山县…": 住 opening a clause names where the person lives. */
		size_t a, b, w = strlen("住");
		if (citizen && !done && starts(s, "住") && clause_start(text, s) &&
		    address_at(s + w, &a, &b)) {
			put(&o, s, w + a);
			puts_(&o, FZ_PUB_MASK);
			s += w + b;
			done = true;
		}
		if (done)
			continue;
		n = char_len((unsigned char)*s);
		for (size_t k = 1; k < n; k++)
			if (!s[k]) /* a cut sequence at the end: stop before it */
				return dst;
		put(&o, s, n);
		s += n;
	}
	return dst;
}
