/*
 * multipart.h - finding one file part in a multipart/form-data body (RFC 7578).
 *
 * Pure and bounded: it only points into the body it is given and never
 * allocates, so a malformed or hostile body can at worst be refused.
 */
#ifndef FZ_HTTP_MULTIPART_H
#define FZ_HTTP_MULTIPART_H

#include <stdbool.h>
#include <stddef.h>

struct fz_part {
	const char *data;
	size_t len;
	char filename[256]; /* as sent, NUL-terminated; "" when absent */
};

/*
 * Finds the part named `field` in body, given the Content-Type header value
 * (which carries the boundary). false when the header, the boundary or the
 * body is malformed, or there is no such part.
 */
bool fz_multipart_find(const char *content_type, const char *body, size_t len, const char *field,
		       struct fz_part *out);

#endif
