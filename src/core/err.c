/* err.c - lookups over the error table in err.h. */
#include "core/err.h"

#include <stdio.h>
#include <string.h>

static const struct {
	const char *name;
	int status;
	const char *message;
} table[] = {
#define FZ_X(name, status, msg) {#name, status, msg},
	FZ_ERROR_MAP(FZ_X)
#undef FZ_X
};

const char *fz_code_name(enum fz_code code)
{
	return code < FZ_E_COUNT ? table[code].name : "INTERNAL";
}

int fz_code_status(enum fz_code code)
{
	return code < FZ_E_COUNT ? table[code].status : 500;
}

const char *fz_code_message(enum fz_code code)
{
	return code < FZ_E_COUNT ? table[code].message : "服务器内部错误";
}

void fz_err_clear(struct fz_err *err)
{
	if (!err)
		return;
	err->code = FZ_OK;
	err->field[0] = '\0';
	err->message[0] = '\0';
}

/*
 * A text cut to fit its buffer (size - 1 bytes kept) ends on a character
 * boundary: half a Chinese character is invalid UTF-8 and could not be sent
 * as JSON (the field or message would be dropped).
 */
static void cut_utf8(char *buf, size_t size)
{
	size_t end = size - 1, j = end;
	while (j > 0 && ((unsigned char)buf[j - 1] & 0xC0) == 0x80)
		j--;
	if (j > 0) {
		unsigned char lead = (unsigned char)buf[j - 1];
		size_t need = lead >= 0xF0 ? 4 : lead >= 0xE0 ? 3 : lead >= 0xC0 ? 2 : 1;
		if (j - 1 + need > end)
			buf[j - 1] = '\0';
	}
}

enum fz_code fz_err_set(struct fz_err *err, enum fz_code code, const char *field,
			const char *fmt, ...)
{
	if (!err)
		return code;
	err->code = code;
	int nf = snprintf(err->field, sizeof err->field, "%s", field ? field : "");
	if (nf >= (int)sizeof err->field)
		cut_utf8(err->field, sizeof err->field);
	if (fmt) {
		va_list ap;
		va_start(ap, fmt);
		int n = vsnprintf(err->message, sizeof err->message, fmt, ap);
		va_end(ap);
		if (n >= (int)sizeof err->message)
			cut_utf8(err->message, sizeof err->message);
	} else {
		snprintf(err->message, sizeof err->message, "%s", fz_code_message(code));
	}
	return code;
}
