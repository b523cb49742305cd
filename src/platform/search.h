/*
 * search.h - full-text search for modules and platform: keeping a record's
 * text in an index, and the keyword a list is filtered by, turned into a
 * bound value.
 *
 * The only way above store/ to reach a full-text index: callers name an index
 * ("case", "disclosure_item", "enf_power", made by a migration) and never
 * write the backend's search syntax (SQLite: FTS5 MATCH and rowid) themselves.
 * Indexes use a trigram tokenizer, which cannot match fewer than three
 * characters. For words of two characters (Chinese search is mostly
 * two-character words: 农贸, 养老, 补贴) an index may also keep its text as
 * overlapping character pairs: a migration creates the index's pairs table
 * beside its trigram table (SQLite: "CREATE VIRTUAL TABLE <name>_fts_pairs USING
 * fts5(<same columns>, content='', detail='none', tokenize='unicode61')",
 * created with the trigram table, before any record is indexed), and from
 * then on fz_search_index and fz_search_remove keep both, and
 * fz_search_match answers a two-character word from the pairs with one index
 * lookup. An index without pairs, and any one-character keyword, falls back
 * to LIKE (a scan: fine for small tables, slow for large ones). Keywords are
 * written into a
 * caller buffer and bound as parameters, never spliced into SQL. Not for:
 * choosing columns or building the rest of a list's clause, which stay with
 * each list's SQL.
 */
#ifndef FZ_PLATFORM_SEARCH_H
#define FZ_PLATFORM_SEARCH_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/err.h"

struct fz_db;

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

/* One indexed column of a record and its text (NULL indexes as empty). */
struct fz_search_field {
	const char *column;
	const char *text;
};

/*
 * Indexes record id's fields in index, replacing what was indexed for id
 * before. Runs inside the caller's transaction, beside the record's write.
 */
enum fz_code fz_search_index(struct fz_db *db, const char *index, int64_t id,
			     const struct fz_search_field *fields, size_t n, struct fz_err *err);
/* Drops record id from index (nothing happens when it is not there). */
enum fz_code fz_search_remove(struct fz_db *db, const char *index, int64_t id,
			      struct fz_err *err);

/*
 * The full-text filter of a list: when q has at least FZ_SEARCH_MIN_PHRASE
 * characters, or is a two-character word and index has pairs, writes into
 * sql (size >= 160) "<key> IN (<ids of index whose text holds q>)" with one
 * text parameter, writes the value to bind for it into bind (for three or
 * more characters as fz_search_phrase), and returns true. Otherwise (also
 * for NULL) leaves both untouched and returns false: the caller falls back
 * to LIKE (fz_search_like). key is the SQL expression of the record id, such
 * as "c.case_id".
 */
bool fz_search_match(struct fz_db *db, const char *index, const char *key, const char *q,
		     char *sql, size_t sql_size, char *bind, size_t bind_size);

/*
 * For a long list searched with a common word, where most records match:
 * the number of records of index holding q, read from the index alone
 * (*n), and the same filter as fz_search_match as a correlated test of one
 * record ("EXISTS (…)" with one text parameter, value in bind), so a page in
 * another order walks that order's index and stops after one page instead
 * of reading every match. False (nothing written) when q is no full-text
 * keyword (fz_search_match would be false). A caller takes the IN form for
 * rare words and this one for common ones: their costs are the matches'
 * count and the rows walked until a page is full.
 */
bool fz_search_count(struct fz_db *db, const char *index, const char *q, int64_t *n,
		     struct fz_err *err);
bool fz_search_match_each(struct fz_db *db, const char *index, const char *key, const char *q,
			  char *sql, size_t sql_size, char *bind, size_t bind_size);

#endif
