/* calendar_store.c - loading and importing the official calendar (calendar_store.h). */
#include "platform/calendar_store.h"

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/audit.h"
#include "platform/cases.h"

enum fz_code fz_read_file(const char *path, size_t max, char **out, size_t *len,
			  struct fz_err *err)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return fz_err_set(err, FZ_EIO, "file", "无法打开文件 %s：%s", path, strerror(errno));
	size_t cap = 65536, n = 0;
	char *buf = malloc(cap + 1);
	while (buf) {
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (n > max) {
			free(buf);
			fclose(f);
			return fz_err_set(err, FZ_ETOO_LARGE, "file", "文件 %s 过大", path);
		}
		if (got == 0)
			break;
		if (n == cap) {
			char *b = realloc(buf, (cap *= 2) + 1);
			if (!b) {
				free(buf);
				buf = NULL;
			}
			buf = b;
		}
	}
	fclose(f);
	if (!buf)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	buf[n] = '\0';
	*out = buf;
	*len = n;
	return FZ_OK;
}

enum fz_code fz_calstore_load(struct fz_db *db, struct fz_calendar **out, struct fz_err *err)
{
	struct fz_calendar *cal = fz_calendar_new();
	if (!cal)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	enum fz_code rc = FZ_OK;
	struct fz_stmt *st = fz_db_query(db, err, "SELECT year FROM calendar_year", NULL);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	while (fz_stmt_row(st))
		fz_calendar_mark_year(cal, (int)fz_col_int(st, 0));
	fz_stmt_done(st);
	st = fz_db_query(db, err, "SELECT day, kind, name FROM calendar_day", NULL);
	if (!st) {
		rc = err->code;
		goto fail;
	}
	while (fz_stmt_row(st)) {
		int day;
		if (fz_date_parse(fz_col_text(st, 0), &day) != FZ_OK)
			continue;
		enum fz_day_kind k =
			strcmp(fz_col_text(st, 1), "holiday") == 0 ? FZ_DAY_HOLIDAY : FZ_DAY_WORKDAY;
		fz_calendar_set_day(cal, day, k, fz_col_text(st, 2));
	}
	fz_stmt_done(st);
	*out = cal;
	return FZ_OK;
fail:
	fz_calendar_free(cal);
	return rc;
}

enum fz_code fz_calstore_import(struct fz_ctx *ctx, const char *text, size_t len,
				const char *source, struct fz_calendar **updated, int *years,
				int *changed, struct fz_err *err)
{
	/* Parse alone first, to learn which years the file holds and to reject it whole. */
	struct fz_calendar *file = fz_calendar_new();
	struct fz_calendar *next = ctx->cal ? fz_calendar_clone(ctx->cal) : fz_calendar_new();
	int ys[256];
	int ny = 0;
	enum fz_code rc = FZ_OK;
	if (!file || !next) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto out;
	}
	if ((rc = fz_calendar_load_csv(file, text, len, err)))
		goto out;
	ny = fz_calendar_years(file, ys, 256);
	if (ny == 0) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "文件中没有任何日期");
		goto out;
	}
	/* The new calendar: the old one without the file's years, plus the file. */
	{
		struct fz_calendar *fresh = fz_calendar_new();
		int old[256];
		int no = ctx->cal ? fz_calendar_years(ctx->cal, old, 256) : 0;
		for (int i = 0; i < no; i++) {
			bool replaced = false;
			for (int j = 0; j < ny; j++)
				replaced |= old[i] == ys[j];
			if (replaced)
				continue;
			fz_calendar_mark_year(fresh, old[i]);
			int d0 = fz_date_from_ymd(old[i], 1, 1), d1 = fz_date_from_ymd(old[i] + 1, 1, 1);
			for (int d = d0; d < d1; d++) {
				enum fz_day_kind k = fz_calendar_kind(ctx->cal, d);
				if (k != FZ_DAY_NORMAL)
					fz_calendar_set_day(fresh, d, k, fz_calendar_day_name(ctx->cal, d));
			}
		}
		fz_calendar_free(next);
		next = fresh;
		if ((rc = fz_calendar_load_csv(next, text, len, err)))
			goto out;
	}
	if ((rc = fz_db_begin(ctx->db, err)))
		goto out;
	char now[21];
	fz_iso_utc(ctx->now, now);
	for (int i = 0; i < ny && !rc; i++) {
		char lo[11], hi[11];
		fz_date_format(fz_date_from_ymd(ys[i], 1, 1), lo);
		fz_date_format(fz_date_from_ymd(ys[i], 12, 31), hi);
		struct fz_stmt *st = fz_db_query(ctx->db, err,
						 "DELETE FROM calendar_day WHERE day >= ? AND day <= ?",
						 "tt", lo, hi);
		rc = fz_stmt_exec(st, err);
		if (rc)
			break;
		int d0 = fz_date_from_ymd(ys[i], 1, 1), d1 = fz_date_from_ymd(ys[i] + 1, 1, 1);
		for (int d = d0; d < d1 && !rc; d++) {
			enum fz_day_kind k = fz_calendar_kind(file, d);
			if (k == FZ_DAY_NORMAL)
				continue;
			char ds[11];
			fz_date_format(d, ds);
			st = fz_db_query(ctx->db, err,
					 "INSERT INTO calendar_day(day, kind, name) VALUES (?, ?, ?)",
					 "ttt", ds, k == FZ_DAY_HOLIDAY ? "holiday" : "workday",
					 fz_calendar_day_name(file, d));
			rc = fz_stmt_exec(st, err);
		}
		if (rc)
			break;
		st = fz_db_query(ctx->db, err,
				 "INSERT INTO calendar_year(year, loaded_at, source) VALUES (?, ?, ?)"
				 " ON CONFLICT (year) DO UPDATE SET loaded_at = excluded.loaded_at,"
				 " source = excluded.source",
				 "Itt", ys[i], now, source);
		rc = fz_stmt_exec(st, err);
	}
	if (!rc) {
		const struct fz_calendar *old = ctx->cal;
		ctx->cal = next;
		rc = fz_clocks_recompute_all(ctx, changed, err);
		if (!rc) {
			char note[128];
			snprintf(note, sizeof note, "载入 %d 个年度的节假日日历，%d 个期限重新计算", ny,
				 *changed);
			struct fz_event ev = {.entity = "calendar", .action = "calendar_load",
					      .note = note, .input = source};
			rc = fz_audit_append(ctx, &ev, NULL, err);
		}
		ctx->cal = old;
	}
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	if (rc)
		fz_db_rollback(ctx->db);
out:
	fz_calendar_free(file);
	if (rc) {
		fz_calendar_free(next);
		return rc;
	}
	*updated = next;
	*years = ny;
	return FZ_OK;
}
