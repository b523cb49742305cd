/* search.c - keyword to MATCH phrase or LIKE pattern (search.h). Pure. */
#include "platform/search.h"

#include "core/text.h"

bool fz_search_phrase(const char *q, char *out, size_t size)
{
	if (!q || fz_utf8_chars(q) < FZ_SEARCH_MIN_PHRASE)
		return false;
	size_t k = 0;
	out[k++] = '"';
	for (; *q && k + 3 < size; q++) {
		if (*q == '"')
			out[k++] = '"';
		out[k++] = *q;
	}
	out[k++] = '"';
	out[k] = '\0';
	return true;
}

void fz_search_like(const char *q, char *out, size_t size)
{
	size_t k = 0;
	out[k++] = '%';
	for (; q && *q && k + 3 < size; q++) {
		if (*q == '%' || *q == '_' || *q == '\\')
			out[k++] = '\\';
		out[k++] = *q;
	}
	out[k++] = '%';
	out[k] = '\0';
}
