/*
 * fuzz_json_inputs.c - libFuzzer target for platform/jsonx.c: a request body
 * taken as the server takes it (http/server.c fz_json_body: UTF-8 check, jansson
 * with duplicate keys refused, an object), then checked by fz_json_check_inputs
 * against a fixed table with every input type, and, on failure, answered by
 * fz_resp_error.
 *
 * Input: the request body (any bytes).
 * Checks, against a reference written here from the declarations:
 *  - accepted: no key outside the table and its extras; every required input
 *    present and not null; every present input of its type and within its
 *    limits (characters, range, options, a real date in the loaded calendar
 *    year, an active agency); no text with control characters (C0 other than
 *    tab and line breaks in multi-line text, DEL, C1 such as U+0085 NEL, and in
 *    one-line text the line breaks, U+2028 and U+2029) or NUL;
 *  - refused: the code is set and is a 4xx, the message is non-empty valid
 *    UTF-8 with Chinese in it (see check_refusal for the parse step), the
 *    field (if any) is a declared input that the reference also finds at
 *    fault, or for an unknown key that key; the body is unchanged; the error
 *    response is a JSON object with the same code and a Chinese message.
 * Nothing leaks: the replay runs under LeakSanitizer.
 */
#include <jansson.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "fuzz_check.h"
#include "http/respond.h"
#include "platform/jsonx.h"
#include "store/db.h"
#include "store/migrations.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const struct fz_option categories[] = {
	{"problem", "反映问题"}, {"complaint", "投诉举报"}, {"其他", "其他"}, {NULL, NULL}};

/* One input of each type, required and optional; max_chars 0 is the default 2000. */
static const struct fz_input inputs[] = {
	{.name = "name", .label = "姓名", .type = FZ_IN_TEXT, .required = true, .max_chars = 8},
	{.name = "subject", .label = "标题", .type = FZ_IN_TEXT},
	{.name = "content", .label = "内容", .type = FZ_IN_TEXTAREA, .required = true,
	 .max_chars = 40},
	{.name = "consent", .label = "同意", .type = FZ_IN_BOOL, .required = true},
	{.name = "publish_ok", .label = "同意公开", .type = FZ_IN_BOOL},
	{.name = "days", .label = "延长天数", .type = FZ_IN_INT, .required = true, .min = 1,
	 .max = 30},
	{.name = "amount", .label = "罚款金额", .type = FZ_IN_INT, .min = -1000000000000L,
	 .max = 1000000000000L},
	{.name = "received_on", .label = "收到日期", .type = FZ_IN_DATE, .required = true},
	{.name = "due_on", .label = "截止日期", .type = FZ_IN_DATE},
	{.name = "category", .label = "类别", .type = FZ_IN_SELECT, .required = true,
	 .options = categories},
	{.name = "agency_id", .label = "承办单位", .type = FZ_IN_AGENCY},
	{.name = NULL},
};
#define NINPUTS (sizeof inputs / sizeof inputs[0] - 1)

static const char *const extra[] = {"version", NULL};

/* The only calendar year loaded, and the agencies: 1 and 2 active, 3 revoked. */
#define YEAR 2026
static bool agency_active(json_int_t id)
{
	return id == 1 || id == 2;
}

static struct fz_ctx shared;

/* At exit: closes what context() made, so valgrind finds nothing still held. */
static void release(void)
{
	fz_db_close(shared.db);
	fz_calendar_free((struct fz_calendar *)shared.cal);
}

/*
 * What a request has: the calendar and a database with the agency registry
 * (the real schema, in memory). Made once and kept for the whole run, as the
 * server keeps them, and released at exit.
 */
static struct fz_ctx *context(void)
{
	static bool ready;
	if (ready)
		return &shared;
	struct fz_err err;
	fz_err_clear(&err);
	struct fz_calendar *cal = fz_calendar_new();
	FUZZ_CHECK(cal);
	FUZZ_CHECK(fz_calendar_set_day(cal, fz_date_from_ymd(YEAR, 10, 1), FZ_DAY_HOLIDAY,
				       "国庆节") == FZ_OK);
	struct fz_db *db = NULL;
	int applied = 0;
	FUZZ_CHECK(fz_db_open(":memory:", FZ_DB_CREATE, &db, &err) == FZ_OK);
	FUZZ_CHECK(fz_migrate(db, NULL, 0, &applied, &err) == FZ_OK); /* core tables only */
	FUZZ_CHECK(fz_db_exec(db,
			      "INSERT INTO agency (agency_id, code, name, short_name, kind, active)"
			      " VALUES (1, 'a', '县司法局', '司法局', 'dept', 1),"
			      " (2, 'b', '县市场监督管理局', '市场监管局', 'dept', 1),"
			      " (3, 'c', '县旧单位', '旧单位', 'dept', 0);",
			      &err) == FZ_OK);
	shared.db = db;
	shared.cal = cal;
	shared.today = fz_date_from_ymd(YEAR, 11, 23);
	ready = true;
	FUZZ_CHECK(atexit(release) == 0);
	return &shared;
}

/* Next code point of valid UTF-8 at *p, advancing *p. */
static unsigned next_cp(const unsigned char **p)
{
	const unsigned char *s = *p;
	unsigned c = s[0];
	size_t n = c < 0x80 ? 0 : c < 0xE0 ? 1 : c < 0xF0 ? 2 : 3;
	unsigned cp = n == 0 ? c : n == 1 ? c & 0x1F : n == 2 ? c & 0x0F : c & 0x07;
	for (size_t k = 1; k <= n; k++)
		cp = (cp << 6) | (s[k] & 0x3F);
	*p = s + n + 1;
	return cp;
}

/*
 * Must be refused in a text input (multiline: a multi-line one): control
 * characters and, in one-line text, line breaks.
 */
static bool must_refuse(unsigned cp, bool multiline)
{
	if (cp == '\t' || cp == '\n' || cp == '\r')
		return !multiline;
	if (cp < 0x20 || cp == 0x7F || (cp >= 0x80 && cp <= 0x9F))
		return true;
	return !multiline && (cp == 0x2028 || cp == 0x2029);
}

/*
 * May be refused as a control character: the above, the line breaks in any
 * text, and the invisible format characters that reorder or hide text (bidi
 * marks and overrides, zero-width characters, the BOM, annotation marks).
 */
static bool may_refuse(unsigned cp)
{
	return must_refuse(cp, false) || (cp >= 0x200B && cp <= 0x200F) ||
	       (cp >= 0x2028 && cp <= 0x202E) || (cp >= 0x2060 && cp <= 0x206F) || cp == 0xFEFF ||
	       (cp >= 0xFFF9 && cp <= 0xFFFB);
}

/* Blank as fz_text_blank defines it: only ASCII white space and U+3000. */
static bool blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp = next_cp(&p);
		if (cp != ' ' && cp != '\t' && cp != '\n' && cp != '\r' && cp != 0x3000)
			return false;
	}
	return true;
}

/* A real day of a year the date parser takes (a year whose calendar is not loaded included). */
static bool real_date(const char *s)
{
	for (int i = 0; i < 10; i++)
		if ((i == 4 || i == 7) ? s[i] != '-' : !(s[i] >= '0' && s[i] <= '9'))
			return false;
	if (s[10] != '\0')
		return false;
	int y = (s[0] - '0') * 1000 + (s[1] - '0') * 100 + (s[2] - '0') * 10 + (s[3] - '0');
	int m = (s[5] - '0') * 10 + (s[6] - '0'), d = (s[8] - '0') * 10 + (s[9] - '0');
	static const int mdays[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
	bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
	if (y < FZ_CAL_MIN_YEAR || y > FZ_CAL_MAX_YEAR || m < 1 || m > 12 || d < 1)
		return false;
	return d <= mdays[m - 1] + (m == 2 && leap);
}

/*
 * The reference verdict on one present, non-null value. strict: the lowest bar
 * an accepted value must clear; lenient: what a refusal may rest on (allows a
 * stricter policy on invisible characters than the one required).
 */
static bool value_ok(const struct fz_input *in, json_t *v, bool lenient)
{
	switch (in->type) {
	case FZ_IN_TEXT:
	case FZ_IN_TEXTAREA: {
		if (!json_is_string(v))
			return false;
		const char *s = json_string_value(v);
		if (strlen(s) != json_string_length(v)) /* a NUL inside */
			return false;
		if (!fz_utf8_valid(s, strlen(s)))
			return false;
		if (in->required && blank(s))
			return false;
		size_t chars = 0;
		for (const unsigned char *p = (const unsigned char *)s; *p; chars++) {
			unsigned cp = next_cp(&p);
			if (lenient ? may_refuse(cp) && !(in->type == FZ_IN_TEXTAREA &&
							  (cp == '\t' || cp == '\n' || cp == '\r'))
				    : must_refuse(cp, in->type == FZ_IN_TEXTAREA))
				return false;
		}
		return chars <= (size_t)(in->max_chars ? in->max_chars : 2000);
	}
	case FZ_IN_BOOL:
		return json_is_boolean(v);
	case FZ_IN_INT:
		return json_is_integer(v) && json_integer_value(v) >= in->min &&
		       json_integer_value(v) <= in->max;
	case FZ_IN_DATE:
		return json_is_string(v) && real_date(json_string_value(v));
	case FZ_IN_SELECT:
		if (!json_is_string(v))
			return false;
		for (const struct fz_option *o = in->options; o->value; o++)
			if (strcmp(o->value, json_string_value(v)) == 0)
				return true;
		return false;
	case FZ_IN_AGENCY:
		return json_is_integer(v) && agency_active(json_integer_value(v));
	}
	return false;
}

/* Is input in at fault in body (missing when required, or a bad value)? */
static bool at_fault(const struct fz_input *in, json_t *body)
{
	json_t *v = json_object_get(body, in->name);
	if (!v || json_is_null(v))
		return in->required;
	return !value_ok(in, v, true);
}

static const struct fz_input *declared(const char *name)
{
	for (size_t i = 0; i < NINPUTS; i++)
		if (strcmp(inputs[i].name, name) == 0)
			return &inputs[i];
	return NULL;
}

static bool allowed_key(const char *key)
{
	for (const char *const *e = extra; *e; e++)
		if (strcmp(*e, key) == 0)
			return true;
	return declared(key) != NULL;
}

static bool has_han(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;
	while (*p) {
		unsigned cp = next_cp(&p);
		if (cp >= 0x4E00 && cp <= 0x9FFF)
			return true;
	}
	return false;
}

/*
 * What every refusal must look like, and what the client is sent for it.
 * exact: err->message itself must be valid UTF-8 with Chinese in it, as every
 * message of jsonx.c is. The parse step's message quotes jansson's error text,
 * which can end inside a character (body {"name":"\u张三"} gives "near '"\u"
 * and the first byte of 张); fz_resp_error then sends the code's default
 * message instead, and that is what is checked for it.
 */
static void check_refusal(enum fz_code rc, const struct fz_err *err, bool exact)
{
	FUZZ_CHECK(rc != FZ_OK && rc < FZ_E_COUNT && err->code == rc);
	FUZZ_CHECK(fz_code_status(rc) >= 400 && fz_code_status(rc) < 500);
	FUZZ_CHECK(err->message[0] != '\0');
	bool valid = fz_utf8_valid(err->message, strlen(err->message));
	FUZZ_CHECK(valid || !exact);
	FUZZ_CHECK(!valid || has_han(err->message));

	struct fz_resp resp = {0};
	fz_resp_error(&resp, err, NULL);
	FUZZ_CHECK(resp.status == fz_code_status(rc) && resp.body && resp.free_body);
	json_error_t je;
	json_t *sent = json_loadb(resp.body, resp.len, JSON_REJECT_DUPLICATES, &je);
	FUZZ_CHECK(sent);
	json_t *e = json_object_get(sent, "error");
	FUZZ_CHECK(json_is_object(e));
	FUZZ_CHECK(strcmp(fz_json_str(e, "code"), fz_code_name(rc)) == 0);
	const char *message = fz_json_str(e, "message");
	FUZZ_CHECK(message && has_han(message));
	FUZZ_CHECK(strcmp(message, valid ? err->message : fz_code_message(rc)) == 0);
	const char *field = fz_json_str(e, "field");
	FUZZ_CHECK(!field || strcmp(field, err->field) == 0);
	json_decref(sent);
	free(resp.body);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct fz_ctx *ctx = context();

	/* The body as the server holds it: a NUL-terminated copy of exactly size bytes. */
	char *body_text = malloc(size + 1);
	FUZZ_CHECK(body_text);
	if (size)
		memcpy(body_text, data, size);
	body_text[size] = '\0';
	struct fz_err err;
	fz_err_clear(&err);
	json_t *body = NULL;
	enum fz_code rc =
		fz_json_body("application/json; charset=utf-8", body_text, size, &body, &err);
	if (rc != FZ_OK) {
		FUZZ_CHECK(!body);
		FUZZ_CHECK(rc == FZ_EBAD_UTF8 || rc == FZ_EBAD_JSON || rc == FZ_EBAD_TYPE);
		FUZZ_CHECK(err.field[0] == '\0');
		check_refusal(rc, &err, false);
		free(body_text);
		return 0;
	}
	FUZZ_CHECK(json_is_object(body));

	json_t *before = json_deep_copy(body);
	FUZZ_CHECK(before);
	rc = fz_json_check_inputs(ctx, inputs, NINPUTS, body, extra, &err);
	FUZZ_CHECK(json_equal(body, before));

	const char *key;
	json_t *v;
	if (rc == FZ_OK) {
		FUZZ_CHECK(err.code == FZ_OK);
		json_object_foreach(body, key, v)
		{
			FUZZ_CHECK(allowed_key(key));
		}
		for (size_t i = 0; i < NINPUTS; i++) {
			v = json_object_get(body, inputs[i].name);
			if (!v || json_is_null(v))
				FUZZ_CHECK(!inputs[i].required);
			else
				FUZZ_CHECK(value_ok(&inputs[i], v, false));
		}
	} else {
		check_refusal(rc, &err, true);
		if (rc == FZ_EUNKNOWN_FIELD) {
			/*
			 * The field is the unknown key, cut to fit err.field on a
			 * character boundary (at most 3 bytes short of the buffer).
			 */
			bool named = false;
			size_t fl = strlen(err.field), cap = sizeof err.field - 1;
			json_object_foreach(body, key, v)
			{
				size_t kl = strlen(key);
				if (!allowed_key(key) && strncmp(key, err.field, fl) == 0 &&
				    (kl <= cap ? fl == kl : fl <= cap && fl + 3 >= cap))
					named = true;
			}
			FUZZ_CHECK(named);
		} else {
			FUZZ_CHECK(rc == FZ_EMISSING_FIELD || rc == FZ_EBAD_TYPE ||
				   rc == FZ_EBAD_VALUE || rc == FZ_EBAD_DATE ||
				   rc == FZ_EDATE_RANGE);
			json_object_foreach(body, key, v)
			{
				FUZZ_CHECK(allowed_key(key));
			}
			const struct fz_input *in = declared(err.field);
			FUZZ_CHECK(in);
			FUZZ_CHECK(at_fault(in, body));
		}
	}
	json_decref(before);
	json_decref(body);
	free(body_text);
	return 0;
}
