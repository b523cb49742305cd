/*
 * fuzz_multipart.c - libFuzzer target for http/multipart.c: fz_multipart_find
 * on arbitrary Content-Type values and bodies.
 *
 * Input: the Content-Type value up to the first '\n', then the body (which may
 * hold any bytes, NUL included). The body is copied into a buffer of exactly
 * its size, so a read past its end is caught by the sanitizer.
 * Checks: a found part lies inside the body and ends right before a
 * "\r\n--" delimiter; the filename is terminated inside its field.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz_check.h"
#include "http/multipart.h"

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

static const char *const fields[] = {"file", "title", ""};

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	const uint8_t *nl = memchr(data, '\n', size);
	size_t ct_len = nl ? (size_t)(nl - data) : size;
	char *ct = malloc(ct_len + 1);
	FUZZ_CHECK(ct);
	memcpy(ct, data, ct_len);
	ct[ct_len] = '\0';

	size_t len = nl ? size - ct_len - 1 : 0;
	char *body = malloc(len ? len : 1);
	FUZZ_CHECK(body);
	if (len)
		memcpy(body, nl + 1, len);

	for (size_t f = 0; f < sizeof fields / sizeof fields[0]; f++) {
		struct fz_part part;
		memset(&part, 0x5A, sizeof part);
		if (!fz_multipart_find(ct, body, len, fields[f], &part))
			continue;
		FUZZ_CHECK(part.data >= body && part.data <= body + len);
		FUZZ_CHECK(part.len <= (size_t)(body + len - part.data));
		/* The part ends where the next delimiter begins. */
		FUZZ_CHECK((size_t)(body + len - (part.data + part.len)) >= 4);
		FUZZ_CHECK(memcmp(part.data + part.len, "\r\n--", 4) == 0);
		FUZZ_CHECK(memchr(part.filename, '\0', sizeof part.filename) != NULL);
	}
	free(body);
	free(ct);
	return 0;
}
