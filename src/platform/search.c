/*
 * search.c - full-text indexing through the store, and keyword to phrase or
 * LIKE pattern (search.h). The backend's search SQL is in the store.
 */
#include "platform/search.h"

#include <stdio.h>
#include <stdlib.h>

#include "core/text.h"
#include "store/db.h"

#define MAX_FIELDS 8

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

enum fz_code fz_search_index(struct fz_db *db, const char *index, int64_t id,
			     const struct fz_search_field *fields, size_t n, struct fz_err *err)
{
	const char *cols[MAX_FIELDS], *texts[MAX_FIELDS];
	if (n == 0 || n > MAX_FIELDS)
		abort(); /* a programmer error: indexes have one to a few columns */
	for (size_t k = 0; k < n; k++) {
		cols[k] = fields[k].column;
		texts[k] = fields[k].text ? fields[k].text : "";
	}
	return fz_db_fts_put(db, index, id, cols, texts, n, err);
}

enum fz_code fz_search_remove(struct fz_db *db, const char *index, int64_t id,
			      struct fz_err *err)
{
	return fz_db_fts_remove(db, index, id, err);
}

bool fz_search_match(struct fz_db *db, const char *index, const char *key, const char *q,
		     char *sql, size_t sql_size, char *bind, size_t bind_size)
{
	char ids[128];
	if (!q)
		return false;
	if (fz_utf8_chars(q) == 2) {
		if (!fz_db_fts_pair_ids(db, index, q, ids, sizeof ids, bind, bind_size))
			return false;
		if ((size_t)snprintf(sql, sql_size, "%s IN %s", key, ids) >= sql_size)
			abort();
		return true;
	}
	if (fz_utf8_chars(q) < FZ_SEARCH_MIN_PHRASE)
		return false;
	if ((size_t)snprintf(sql, sql_size, "%s IN %s", key,
			     fz_db_fts_ids(index, ids, sizeof ids)) >= sql_size)
		abort();
	return fz_search_phrase(q, bind, bind_size);
}

/* Which table answers q (pairs: true) and the value to bind; false: none, LIKE. */
static bool table_for(struct fz_db *db, const char *index, const char *q, bool *pairs, char *bind,
		      size_t bind_size)
{
	char ids[128];
	if (!q)
		return false;
	if (fz_utf8_chars(q) == 2)
		return (*pairs = fz_db_fts_pair_ids(db, index, q, ids, sizeof ids, bind, bind_size));
	*pairs = false;
	return fz_search_phrase(q, bind, bind_size);
}

bool fz_search_count(struct fz_db *db, const char *index, const char *q, int64_t *n,
		     struct fz_err *err)
{
	char bind[512], sql[256];
	bool pairs;
	if (!table_for(db, index, q, &pairs, bind, sizeof bind))
		return false;
	struct fz_stmt *st = fz_db_query(db, err, fz_db_fts_count_sql(index, pairs, sql, sizeof sql),
					 "t", bind);
	*n = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return st != NULL;
}

bool fz_search_match_each(struct fz_db *db, const char *index, const char *key, const char *q,
			  char *sql, size_t sql_size, char *bind, size_t bind_size)
{
	bool pairs;
	if (!table_for(db, index, q, &pairs, bind, bind_size))
		return false;
	fz_db_fts_each_sql(index, pairs, key, sql, sql_size);
	return true;
}
