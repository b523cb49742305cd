/*
 * search.h - the keyword a list is filtered by, turned into a bound value.
 *
 * Full-text tables use SQLite's FTS5 trigram tokenizer, which cannot match
 * fewer than three characters; shorter keywords fall back to LIKE. Both
 * forms are written into a caller buffer and bound as parameters, never
 * spliced into SQL. Not for: choosing columns or building the clause, which
 * stay with each list's SQL.
 */
#ifndef FZ_PLATFORM_SEARCH_H
#define FZ_PLATFORM_SEARCH_H

#include <stdbool.h>
#include <stddef.h>

/* Fewest characters a trigram MATCH can find. */
#define FZ_SEARCH_MIN_PHRASE 3

/*
 * When q has at least FZ_SEARCH_MIN_PHRASE characters, writes it into out as
 * one FTS5 phrase (in double quotes, inner quotes doubled) and returns true;
 * otherwise (also for NULL) leaves out untouched and returns false. A keyword
 * too long for out is cut, never overrun (size >= 4).
 */
bool fz_search_phrase(const char *q, char *out, size_t size);

/*
 * Writes "%q%" into out with '%', '_' and '\' escaped by '\', for
 * "LIKE ? ESCAPE '\'"; a NULL q gives "%%". A keyword too long for out is
 * cut, never overrun (size >= 4).
 */
void fz_search_like(const char *q, char *out, size_t size);

#endif
