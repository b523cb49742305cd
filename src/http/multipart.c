/* multipart.c - multipart/form-data part lookup (multipart.h). */
#include "http/multipart.h"

#include <stdio.h>
#include <string.h>
#include <strings.h>

static const char *memfind(const char *hay, size_t hlen, const char *needle, size_t nlen)
{
	if (nlen == 0 || hlen < nlen)
		return NULL;
	for (size_t i = 0; i + nlen <= hlen; i++)
		if (hay[i] == needle[0] && memcmp(hay + i, needle, nlen) == 0)
			return hay + i;
	return NULL;
}

/* Value of a parameter (name="value" or name=value) inside a header line. */
static bool header_param(const char *line, size_t len, const char *name, char *out, size_t size)
{
	size_t nl = strlen(name);
	for (size_t i = 0; i + nl + 1 < len; i++) {
		if ((i == 0 || line[i - 1] == ' ' || line[i - 1] == ';') &&
		    strncasecmp(line + i, name, nl) == 0 && line[i + nl] == '=') {
			const char *v = line + i + nl + 1, *end = line + len;
			size_t k = 0;
			if (*v == '"') {
				v++;
				while (v < end && *v != '"' && k + 1 < size)
					out[k++] = *v++;
				if (v >= end || *v != '"')
					return false;
			} else {
				while (v < end && *v != ';' && *v != ' ' && k + 1 < size)
					out[k++] = *v++;
			}
			out[k] = '\0';
			return true;
		}
	}
	return false;
}

bool fz_multipart_find(const char *content_type, const char *body, size_t len, const char *field,
		       struct fz_part *out)
{
	if (!content_type || strncasecmp(content_type, "multipart/form-data", 19) != 0)
		return false;
	char boundary[128], delim[136];
	if (!header_param(content_type, strlen(content_type), "boundary", boundary, sizeof boundary) ||
	    !*boundary)
		return false;
	int dl = snprintf(delim, sizeof delim, "--%s", boundary);
	if (dl <= 0 || (size_t)dl >= sizeof delim)
		return false;
	const char *p = memfind(body, len, delim, (size_t)dl);
	const char *end = body + len;
	while (p) {
		p += dl;
		if (end - p >= 2 && p[0] == '-' && p[1] == '-')
			return false; /* closing delimiter */
		if (end - p < 2 || p[0] != '\r' || p[1] != '\n')
			return false;
		p += 2;
		const char *hend = memfind(p, (size_t)(end - p), "\r\n\r\n", 4);
		if (!hend)
			return false;
		char name[64] = "", filename[256] = "";
		bool is_field = false;
		for (const char *line = p; line < hend;) {
			const char *eol = memfind(line, (size_t)(hend - line), "\r\n", 2);
			size_t ll = eol ? (size_t)(eol - line) : (size_t)(hend - line);
			if (ll > 20 && strncasecmp(line, "Content-Disposition:", 20) == 0) {
				header_param(line, ll, "name", name, sizeof name);
				header_param(line, ll, "filename", filename, sizeof filename);
				is_field = strcmp(name, field) == 0;
			}
			line += ll + 2;
		}
		const char *data = hend + 4;
		char next[140];
		int nl = snprintf(next, sizeof next, "\r\n%s", delim);
		const char *stop = memfind(data, (size_t)(end - data), next, (size_t)nl);
		if (!stop)
			return false;
		if (is_field) {
			out->data = data;
			out->len = (size_t)(stop - data);
			snprintf(out->filename, sizeof out->filename, "%s", filename);
			return true;
		}
		p = stop + 2;
	}
	return false;
}
