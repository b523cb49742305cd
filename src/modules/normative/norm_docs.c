/*
 * norm_docs.c - 三统一 in the store: a number issued once per issuing prefix
 * and year, and the document (or its new version) written on the day it is
 * issued, indexed for the library's search.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "modules/normative/norm_int.h"
#include "platform/search.h"
#include "platform/settings.h"

enum fz_code fz_norm_number_issue(struct fz_ctx *ctx, const char *prefix, int issued_on,
				  int64_t case_id, char number[64], struct fz_err *err)
{
	int y, m, d;
	fz_date_to_ymd(issued_on, &y, &m, &d);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT COALESCE(MAX(seq), 0) + 1 FROM norm_number WHERE prefix = ? AND year = ?",
		"tI", prefix, y);
	if (!st)
		return err->code;
	int64_t seq = fz_stmt_row(st) ? fz_col_int(st, 0) : 1;
	fz_stmt_done(st);
	/* 青政规〔2026〕3号 */
	snprintf(number, 64, "%s〔%d〕%lld号", prefix, y, (long long)seq);
	char day[11];
	fz_date_format(issued_on, day);
	return fz_stmt_exec(fz_db_query(ctx->db, err,
			       "INSERT INTO norm_number(prefix, year, seq, number, case_id, issued_on)"
			       " VALUES (?, ?, ?, ?, ?, ?)",
			       "tIitit", prefix, y, seq, number, case_id, day),
		   err);
}

int fz_norm_valid_until(struct fz_ctx *ctx, int effective_on, bool provisional)
{
	long years = provisional ? fz_setting_int(ctx->db, "normative.provisional_years", 2)
				 : fz_setting_int(ctx->db, "normative.valid_years", 5);
	int y, m, d;
	fz_date_to_ymd(effective_on, &y, &m, &d);
	/* Five years from 2026-03-01 run to 2031-02-28; from 02-29 of a leap year, to 02-28. */
	int end_y = y + (int)years;
	if (m == 2 && d == 29)
		d = 28;
	return fz_date_from_ymd(end_y, m, d) - 1;
}

enum fz_code fz_norm_index(struct fz_ctx *ctx, int64_t doc_id, const char *title,
			   const char *number, const char *body, struct fz_err *err)
{
	char *t = fz_arena_printf(ctx->arena, "%s %s", title, number ? number : "");
	struct fz_search_field f[] = {{"title", t}, {"body", body}};
	return fz_search_index(ctx->db, "norm_document", doc_id, f, 2, err);
}

enum fz_code fz_norm_doc_issue(struct fz_ctx *ctx, const struct fz_norm_issue *in, int64_t *doc_id,
			       int64_t *version_id, char number[64], struct fz_err *err)
{
	enum fz_code rc = fz_norm_number_issue(ctx, in->prefix, in->issued_on, in->case_id, number, err);
	if (rc)
		return rc;
	char issued[11], effective[11], until[11], now[21];
	fz_date_format(in->issued_on, issued);
	fz_date_format(in->effective_on, effective);
	fz_iso_utc(ctx->now, now);
	int64_t doc = in->amends_doc_id, seq = 1;
	if (doc) {
		/* An amendment: the version in force ends the day the new one begins. */
		struct fz_stmt *st = fz_db_query(
			ctx->db, err, "SELECT COALESCE(MAX(seq), 0) + 1 FROM norm_version WHERE doc_id = ?",
			"i", doc);
		if (!st)
			return err->code;
		seq = fz_stmt_row(st) ? fz_col_int(st, 0) : 1;
		fz_stmt_done(st);
		if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
					  "UPDATE norm_version SET effective_to = ? WHERE doc_id = ?"
					  " AND effective_to IS NULL",
					  "ti", effective, doc),
			      err)))
			return rc;
	} else {
		fz_date_format(fz_norm_valid_until(ctx, in->effective_on, in->provisional), until);
		struct fz_stmt *st = fz_db_query(
			ctx->db, err,
			"INSERT INTO norm_document(agency_id, issuing_body, title, number, status,"
			" provisional, issued_on, effective_on, valid_until, created_at)"
			" VALUES (?, ?, ?, ?, 'in_force', ?, ?, ?, ?, ?) RETURNING doc_id",
			"itttItttt", in->agency_id, in->issuing_body, in->title, number,
			in->provisional ? 1 : 0, issued, effective, until, now);
		if ((rc = fz_stmt_exec_id(st, &doc, err)))
			return rc;
	}
	int64_t version = 0;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO norm_version(doc_id, seq, kind, case_id, number, title, body, change_summary,"
		" issued_on, effective_from, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
		" RETURNING version_id",
		"iitittttttt", doc, seq, seq == 1 ? "original" : "amendment", in->case_id, number,
		in->title, in->body, in->change_summary, issued, effective, now);
	if ((rc = fz_stmt_exec_id(st, &version, err)))
		return rc;
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				  "UPDATE norm_document SET current_version_id = ?, title = ?, number = ?"
				  " WHERE doc_id = ?",
				  "itti", version, in->title, number, doc),
		      err)))
		return rc;
	if ((rc = fz_norm_index(ctx, doc, in->title, number, in->body, err)))
		return rc;
	*doc_id = doc;
	*version_id = version;
	return FZ_OK;
}
