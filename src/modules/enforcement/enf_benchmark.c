/*
 * enf_benchmark.c - discretion benchmarks (行政处罚裁量基准): for each penalty
 * power of a body's power list, a versioned table of circumstances (违法情节
 * 轻微/一般/较重/严重) with the lawful range of each; editing, publishing,
 * Excel import and export, the portal's published tables, the calculator a
 * case's officer reads, and the check of a penalty case's notice and decision
 * against the row the officer picked.
 *
 * Versions: an agency edits a draft (one at most per power); publishing it
 * supersedes the version in force, which stays stored, so a case keeps the
 * row (and with it the version) it was decided on. Published rows never
 * change.
 *
 * A penalty outside the picked row's range needs a written deviation_reason
 * and makes the case major with the reason "benchmark" (超出裁量基准作出处罚),
 * so the decision waits for a passed legal review (第58条, the review_ok gate
 * of enf_penalty_flow.c).
 *
 * Not for: the pure rules of a row (enf_benchmark_rules.c), the penalty
 * procedure (enf_penalty*.c).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_benchmark_rules.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/spreadsheets.h"
#include "platform/xlsx_read.h"

#define MAX_ROWS 60

const struct fz_option fz_bench_status[] = {{"draft", "草稿（未发布）"},
					    {"published", "现行有效"},
					    {"superseded", "已被新版本替代"},
					    {NULL, NULL}};

const struct fz_option fz_bench_placements[] = {
    {"inside", "在裁量基准范围内"}, {"outside", "超出裁量基准"}, {NULL, NULL}};

static const char *actor(const struct fz_ctx *ctx)
{
	return ctx->user ? ctx->user->display_name : "系统";
}

/* ---- rows: input, storage, output ------------------------------------------------ */

static const struct fz_input row_inputs[] = {
    {.name = "level",
     .label = "违法情节",
     .type = FZ_IN_SELECT,
     .required = true,
     .options = fz_bench_levels},
    {.name = "circumstances",
     .label = "违法情形",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 1000},
    {.name = "factors", .label = "从轻、从重情节", .type = FZ_IN_TEXTAREA, .max_chars = 1000},
    {.name = "fine_min", .label = "罚款下限（元）", .type = FZ_IN_INT, .min = 0, .max = 2000000000},
    {.name = "fine_max", .label = "罚款上限（元）", .type = FZ_IN_INT, .min = 0, .max = 2000000000},
    {.name = "no_penalty", .label = "可以不予处罚（首违不罚）", .type = FZ_IN_BOOL},
    {.name = "basis",
     .label = "裁量依据",
     .type = FZ_IN_TEXTAREA,
     .required = true,
     .max_chars = 1000},
    {.name = NULL}};

static const char *row_label(const char *field)
{
	if (strcmp(field, "kinds") == 0)
		return "处罚种类";
	for (const struct fz_input *i = row_inputs; i->name; i++)
		if (strcmp(i->name, field) == 0)
			return i->label;
	return field;
}

/* A row as stored: text the arena owns. */
struct stored_row {
	const char *level, *circumstances, *factors, *kinds, *basis;
	long fine_min, fine_max;
	bool no_penalty;
};

static long opt_long(json_t *o, const char *key)
{
	json_t *v = json_object_get(o, key);
	return json_is_integer(v) ? (long)json_integer_value(v) : -1;
}

/*
 * Reads and checks rows (a JSON array) into out (at least MAX_ROWS). A fault
 * names the field "rows" and the row's number and column in the message.
 */
static enum fz_code rows_from_json(struct fz_ctx *ctx, json_t *rows, struct stored_row *out,
				   size_t *n, struct fz_err *err)
{
	static const char *const extra[] = {"kinds", "row_id", "seq", NULL};
	if (!json_is_array(rows) || json_array_size(rows) == 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "rows",
				  "请至少填写一条违法情形及其裁量幅度（rows）");
	if (json_array_size(rows) > MAX_ROWS)
		return fz_err_set(err, FZ_EBAD_VALUE, "rows", "一个事项的裁量基准最多 %d 条情形",
				  MAX_ROWS);
	size_t i;
	json_t *o;
	*n = 0;
	json_array_foreach (rows, i, o) {
		int no = (int)i + 1;
		if (!json_is_object(o))
			return fz_err_set(err, FZ_EBAD_TYPE, "rows", "第 %d 条情形格式不对", no);
		struct fz_err e = {0};
		if (fz_json_check_inputs(ctx, row_inputs, 16, o, extra, &e))
			return fz_err_set(err, e.code, "rows", "第 %d 条情形“%s”：%s", no,
					  row_label(e.field), e.message);
		struct stored_row *s = &out[(*n)++];
		struct fz_bench_row r = {.level = fz_json_str(o, "level"),
					 .circumstances = fz_json_str(o, "circumstances"),
					 .fine_min = opt_long(o, "fine_min"),
					 .fine_max = opt_long(o, "fine_max"),
					 .no_penalty =
					     json_is_true(json_object_get(o, "no_penalty"))};
		json_t *kinds = json_object_get(o, "kinds"), *k;
		size_t j;
		char *joined = fz_arena_strdup(ctx->arena, "");
		if (kinds && !json_is_null(kinds) && !json_is_array(kinds))
			return fz_err_set(err, FZ_EBAD_TYPE, "rows",
					  "第 %d 条情形“处罚种类”应为数组", no);
		if (json_array_size(kinds) > FZ_BENCH_KINDS)
			return fz_err_set(err, FZ_EBAD_VALUE, "rows", "第 %d 条情形“处罚种类”过多",
					  no);
		json_array_foreach (kinds, j, k) {
			if (!json_is_string(k))
				return fz_err_set(err, FZ_EBAD_TYPE, "rows",
						  "第 %d 条情形“处罚种类”应为文字", no);
			r.kinds[j] = json_string_value(k);
			joined =
			    fz_arena_printf(ctx->arena, "%s%s%s", joined, j ? "," : "", r.kinds[j]);
		}
		r.kinds[json_array_size(kinds)] = NULL;
		const char *field;
		char msg[200];
		if (!fz_bench_row_check(&r, &field, msg, sizeof msg))
			return fz_err_set(err, FZ_EBAD_VALUE, "rows", "第 %d 条情形“%s”：%s", no,
					  row_label(field), msg);
		*s = (struct stored_row){r.level,
					 r.circumstances,
					 fz_json_str(o, "factors"),
					 joined,
					 fz_json_str(o, "basis"),
					 r.fine_min,
					 r.fine_max,
					 r.no_penalty};
	}
	return FZ_OK;
}

static enum fz_code rows_store(struct fz_ctx *ctx, int64_t bm, const struct stored_row *rows,
			       size_t n, struct fz_err *err)
{
	enum fz_code rc =
	    fz_stmt_exec(fz_db_query(ctx->db, err, "DELETE FROM enf_benchmark_row WHERE benchmark_id = ?",
			     "i", bm),
		 err);
	for (size_t i = 0; i < n && !rc; i++) {
		const struct stored_row *s = &rows[i];
		rc = fz_stmt_exec(
		    fz_db_query(
			ctx->db, err,
			"INSERT INTO enf_benchmark_row(benchmark_id, seq, level, circumstances,"
			" factors, kinds, fine_min, fine_max, no_penalty, basis)"
			" VALUES (?,?,?,?,?,?,NULLIF(?, -1),NULLIF(?, -1),?,?)",
			"iItt"
			"tt"
			"iiIt",
			bm, (int)i + 1, s->level, s->circumstances, s->factors, s->kinds,
			(int64_t)s->fine_min, (int64_t)s->fine_max, (int)s->no_penalty, s->basis),
		    err);
	}
	return rc;
}

#define ROW_COLS                                                                                   \
	"r.row_id, r.seq, r.level, r.circumstances, r.factors, r.kinds, r.fine_min, r.fine_max,"   \
	" r.no_penalty, r.basis"

/* A row of ROW_COLS starting at column c as JSON, with its range in words. */
static json_t *row_json(struct fz_ctx *ctx, struct fz_stmt *st, int c)
{
	struct fz_bench_row r = {
	    .level = fz_col_text(st, c + 2),
	    .fine_min = fz_col_null(st, c + 6) ? -1 : (long)fz_col_int(st, c + 6),
	    .fine_max = fz_col_null(st, c + 7) ? -1 : (long)fz_col_int(st, c + 7),
	    .no_penalty = fz_col_int(st, c + 8) != 0};
	char *kinds =
	    fz_arena_strdup(ctx->arena, fz_col_text(st, c + 5) ? fz_col_text(st, c + 5) : "");
	fz_bench_kinds_split(kinds, &r);
	char range[400];
	fz_bench_range_text(&r, range, sizeof range);
	json_t *o = json_object(), *ks = json_array(), *labels = json_array();
	json_object_set_new(o, "row_id", json_integer(fz_col_int(st, c)));
	json_object_set_new(o, "seq", json_integer(fz_col_int(st, c + 1)));
	fz_json_set_str(o, "level", r.level);
	fz_json_set_str(o, "level_label", fz_enf_label(fz_bench_levels, r.level));
	fz_json_set_str(o, "circumstances", fz_col_text(st, c + 3));
	fz_json_set_str(o, "factors", fz_col_text(st, c + 4));
	for (int i = 0; r.kinds[i]; i++) {
		json_array_append_new(ks, json_string(r.kinds[i]));
		json_array_append_new(labels, json_string(fz_enf_label(fz_pen_kinds, r.kinds[i])));
	}
	json_object_set_new(o, "kinds", ks);
	json_object_set_new(o, "kind_labels", labels);
	json_object_set_new(o, "fine_min",
			    r.fine_min >= 0 ? json_integer(r.fine_min) : json_null());
	json_object_set_new(o, "fine_max",
			    r.fine_max >= 0 ? json_integer(r.fine_max) : json_null());
	json_object_set_new(o, "no_penalty", json_boolean(r.no_penalty));
	fz_json_set_str(o, "range_text", range);
	fz_json_set_str(o, "basis", fz_col_text(st, c + 9));
	return o;
}

static enum fz_code rows_json(struct fz_ctx *ctx, int64_t bm, const char *level, json_t **out,
			      struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT " ROW_COLS " FROM enf_benchmark_row r WHERE r.benchmark_id = ?"
			" AND (? IS NULL OR r.level = ?) ORDER BY r.seq",
			"itt", bm, level, level);
	if (!st)
		return err->code;
	*out = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(*out, row_json(ctx, st, 0));
	fz_stmt_done(st);
	return FZ_OK;
}

/* ---- a benchmark ---------------------------------------------------------------- */

#define BM_COLS                                                                                    \
	"m.benchmark_id, m.power_id, p.code, p.name, m.body_id, b.name, m.agency_id, a.name,"      \
	" m.version, m.status, m.note, m.published_on, m.superseded_on, m.created_by, "            \
	"m.created_at,"                                                                            \
	" m.updated_at, p.law_name, p.article"
#define BM_FROM                                                                                    \
	" FROM enf_benchmark m JOIN enf_power p ON p.item_id = m.power_id"                         \
	" JOIN enf_body b ON b.body_id = m.body_id JOIN agency a ON a.agency_id = m.agency_id"

static json_t *bm_head(struct fz_stmt *st)
{
	json_t *o = json_object();
	json_object_set_new(o, "benchmark_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "power_id", json_integer(fz_col_int(st, 1)));
	fz_json_set_str(o, "power_code", fz_col_text(st, 2));
	fz_json_set_str(o, "power_name", fz_col_text(st, 3));
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 4)));
	fz_json_set_str(o, "body_name", fz_col_text(st, 5));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 6)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 7));
	json_object_set_new(o, "version", json_integer(fz_col_int(st, 8)));
	fz_json_set_str(o, "status", fz_col_text(st, 9));
	fz_json_set_str(o, "status_label", fz_enf_label(fz_bench_status, fz_col_text(st, 9)));
	fz_json_set_str(o, "note", fz_col_text(st, 10));
	fz_json_set_str(o, "published_on", fz_col_text(st, 11));
	fz_json_set_str(o, "superseded_on", fz_col_text(st, 12));
	fz_json_set_str(o, "created_by", fz_col_text(st, 13));
	fz_json_set_str(o, "created_at", fz_col_text(st, 14));
	fz_json_set_str(o, "updated_at", fz_col_text(st, 15));
	char law[600];
	snprintf(law, sizeof law, "%s%s", fz_col_text(st, 16) ? fz_col_text(st, 16) : "",
		 fz_col_text(st, 17) ? fz_col_text(st, 17) : "");
	fz_json_set_str(o, "power_basis", law);
	return o;
}

static enum fz_code bm_json(struct fz_ctx *ctx, int64_t bm, bool public_only, json_t **out,
			    struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT " BM_COLS BM_FROM " WHERE m.benchmark_id = ?"
			" AND (? = 0 OR (m.status = 'published' AND b.status = 'published'))",
			"iI", bm, (int)public_only);
	if (!st)
		return err->code;
	json_t *o = fz_stmt_row(st) ? bm_head(st) : NULL;
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "裁量基准不存在");
	json_t *rows;
	enum fz_code rc = rows_json(ctx, bm, NULL, &rows, err);
	if (rc) {
		json_decref(o);
		return rc;
	}
	json_object_set_new(o, "rows", rows);
	if (!public_only) {
		json_t *versions = json_array();
		st = fz_db_query(
		    ctx->db, err,
		    "SELECT benchmark_id, version, status, published_on, superseded_on, created_by"
		    " FROM enf_benchmark WHERE power_id = ? ORDER BY version DESC",
		    "i", json_integer_value(json_object_get(o, "power_id")));
		while (st && fz_stmt_row(st)) {
			json_t *v =
			    json_pack("{s:I, s:I}", "benchmark_id", (json_int_t)fz_col_int(st, 0),
				      "version", (json_int_t)fz_col_int(st, 1));
			fz_json_set_str(v, "status", fz_col_text(st, 2));
			fz_json_set_str(v, "status_label",
					fz_enf_label(fz_bench_status, fz_col_text(st, 2)));
			fz_json_set_str(v, "published_on", fz_col_text(st, 3));
			fz_json_set_str(v, "superseded_on", fz_col_text(st, 4));
			fz_json_set_str(v, "created_by", fz_col_text(st, 5));
			json_array_append_new(versions, v);
		}
		fz_stmt_done(st);
		json_object_set_new(o, "versions", versions);
		/* How many penalty cases picked a row of this version (kept when it is superseded).
		 */
		st = fz_db_query(ctx->db, err,
				 "SELECT COUNT(DISTINCT case_id) FROM enf_penalty_benchmark WHERE "
				 "benchmark_id = ?",
				 "i", bm);
		json_object_set_new(o, "cases",
				    json_integer(st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0));
		fz_stmt_done(st);
	}
	*out = o;
	return FZ_OK;
}

/* The power an editor writes a benchmark for: active, of the penalty category, in scope. */
static enum fz_code power_for_edit(struct fz_ctx *ctx, int64_t power_id, int64_t *body,
				   int64_t *agency, struct fz_err *err)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT body_id, agency_id, category, status, name FROM enf_power"
			" WHERE item_id = ?",
			"i", power_id);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	*body = found ? fz_col_int(st, 0) : 0;
	*agency = found ? fz_col_int(st, 1) : 0;
	bool penalty = found && strcmp(fz_col_text(st, 2), "penalty") == 0;
	bool active = found && strcmp(fz_col_text(st, 3), "active") == 0;
	const char *name = found ? fz_arena_strdup(ctx->arena, fz_col_text(st, 4)) : "";
	fz_stmt_done(st);
	if (!found || !fz_ctx_may_see(ctx, *agency))
		return fz_err_set(err, FZ_EBAD_VALUE, "power_id", "权责事项不存在");
	enum fz_code rc = fz_enf_need_edit(ctx, *agency, err);
	if (rc)
		return rc;
	if (!penalty)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
				  "“%s”不是行政处罚类事项，不制定处罚裁量基准", name);
	if (!active)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_id", "“%s”已从权责清单中取消", name);
	return FZ_OK;
}

static int64_t draft_of(struct fz_ctx *ctx, int64_t power_id, int *next_version)
{
	struct fz_stmt *st =
	    fz_db_query(ctx->db, NULL,
			"SELECT MAX(version), MAX(CASE WHEN status = 'draft' THEN benchmark_id END)"
			" FROM enf_benchmark WHERE power_id = ?",
			"i", power_id);
	int64_t draft = 0;
	*next_version = 1;
	if (st && fz_stmt_row(st)) {
		*next_version = (int)fz_col_int(st, 0) + 1;
		draft = fz_col_null(st, 1) ? 0 : fz_col_int(st, 1);
	}
	fz_stmt_done(st);
	return draft;
}

/*
 * Writes a draft of power_id: the existing draft's rows are replaced, or a new
 * version is opened. Inside the caller's transaction; *bm receives its id.
 */
static enum fz_code draft_write(struct fz_ctx *ctx, int64_t power_id, int64_t body, int64_t agency,
				const char *note, const struct stored_row *rows, size_t n,
				int64_t *bm, struct fz_err *err)
{
	char now[21];
	fz_iso_utc(ctx->now, now);
	int version;
	enum fz_code rc;
	*bm = draft_of(ctx, power_id, &version);
	if (*bm)
		rc = fz_stmt_exec(
		    fz_db_query(
			ctx->db, err,
			"UPDATE enf_benchmark SET note = ?, updated_at = ? WHERE benchmark_id = ?",
			"tti", note, now, *bm),
		    err);
	else
		rc = fz_stmt_exec_id(
		    fz_db_query(ctx->db, err,
				"INSERT INTO enf_benchmark(power_id, agency_id, body_id, version,"
				" status, note, created_by, created_at, updated_at)"
				" VALUES (?,?,?,?,'draft',?,?,?,?) RETURNING benchmark_id",
				"iiiI"
				"tttt",
				power_id, agency, body, version, note, actor(ctx), now, now),
		    bm, err);
	return rc ? rc : rows_store(ctx, *bm, rows, n, err);
}

static const struct fz_input bm_inputs[] = {
    {.name = "power_id",
     .label = "处罚事项",
     .type = FZ_IN_INT,
     .required = true,
     .min = 1,
     .max = 2147483647},
    {.name = "note", .label = "制定说明", .type = FZ_IN_TEXTAREA, .max_chars = 2000},
    {.name = NULL}};

enum fz_code fz_enf_bench_save(struct fz_ctx *ctx, int64_t bm_id, json_t *in, json_t **out,
			       struct fz_err *err)
{
	static const char *const extra[] = {"rows", NULL};
	enum fz_code rc = fz_json_check_inputs(ctx, bm_inputs, 4, in, extra, err);
	if (rc)
		return rc;
	int64_t power_id = json_integer_value(json_object_get(in, "power_id")), body = 0,
		agency = 0;
	if (bm_id) {
		/* PUT of a version: only a draft changes, and it stays with its power. */
		struct fz_stmt *st = fz_db_query(
		    ctx->db, err,
		    "SELECT power_id, status, version FROM enf_benchmark WHERE benchmark_id = ?",
		    "i", bm_id);
		if (!st)
			return err->code;
		bool found = fz_stmt_row(st);
		int64_t p = found ? fz_col_int(st, 0) : 0;
		bool draft = found && strcmp(fz_col_text(st, 1), "draft") == 0;
		long version = found ? (long)fz_col_int(st, 2) : 0;
		fz_stmt_done(st);
		if (!found)
			return fz_err_set(err, FZ_ENOT_FOUND, "id", "裁量基准不存在");
		if (p != power_id)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_id",
					  "裁量基准的处罚事项不能更改");
		if (!draft)
			return fz_err_set(err, FZ_ESTATE, NULL,
					  "第 %ld "
					  "版已经发布，不能修改；请新建一个版本（原版本保留，已办案"
					  "件仍按原版本）",
					  version);
	}
	if ((rc = power_for_edit(ctx, power_id, &body, &agency, err)))
		return rc;
	struct stored_row *rows = fz_arena_alloc(ctx->arena, MAX_ROWS * sizeof *rows);
	size_t n;
	if ((rc = rows_from_json(ctx, json_object_get(in, "rows"), rows, &n, err)))
		return rc;
	int next;
	int64_t existing = draft_of(ctx, power_id, &next);
	if (!bm_id && existing)
		return fz_err_set(err, FZ_EDUPLICATE, "power_id",
				  "该事项已有未发布的草稿（第 %d 版），请修改该草稿", next - 1);
	int64_t bm;
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = draft_write(ctx, power_id, body, agency, fz_json_str(in, "note"), rows, n, &bm,
			      err)) ||
	    (rc = fz_enf_audit(
		 ctx, "enf_benchmark", bm_id ? "benchmark_update" : "benchmark_create",
		 fz_json_str(in, "note"), fz_json_text(ctx->arena, in, NULL), NULL, NULL, err)) ||
	    (rc = fz_db_commit(ctx->db, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return bm_json(ctx, bm, false, out, err);
}

enum fz_code fz_enf_bench_publish(struct fz_ctx *ctx, int64_t bm, json_t *in, json_t **out,
				  struct fz_err *err)
{
	static const struct fz_input inputs[] = {
	    {.name = "published_on", .label = "发布日期", .type = FZ_IN_DATE, .required = true},
	    {.name = NULL}};
	enum fz_code rc = fz_json_check_inputs(ctx, inputs, 2, in, NULL, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT power_id, status, agency_id FROM enf_benchmark WHERE benchmark_id = ?", "i",
	    bm);
	if (!st)
		return err->code;
	bool found = fz_stmt_row(st);
	int64_t power = found ? fz_col_int(st, 0) : 0, agency = found ? fz_col_int(st, 2) : 0;
	bool draft = found && strcmp(fz_col_text(st, 1), "draft") == 0;
	fz_stmt_done(st);
	if (!found)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "裁量基准不存在");
	if ((rc = fz_enf_need_edit(ctx, agency, err)))
		return rc;
	if (!draft)
		return fz_err_set(err, FZ_ESTATE, NULL,
				  "只有草稿可以发布；已发布的版本不能重复发布");
	int day;
	const char *on = fz_json_str(in, "published_on");
	fz_date_parse(on, &day);
	if (day > ctx->today)
		return fz_err_set(err, FZ_EBAD_DATE, "published_on", "“发布日期”不能晚于今天");
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT MAX(published_on) FROM enf_benchmark WHERE power_id = ? AND status <> 'draft'",
	    "i", power);
	const char *last = st && fz_stmt_row(st) && fz_col_text(st, 0)
			       ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0))
			       : NULL;
	fz_stmt_done(st);
	if (last && strcmp(on, last) < 0)
		return fz_err_set(err, FZ_EBAD_DATE, "published_on",
				  "“发布日期”不能早于现行版本的发布日期（%s）", last);
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "UPDATE enf_benchmark SET status = 'superseded', superseded_on "
				   "= ?, updated_at = ?"
				   " WHERE power_id = ? AND status = 'published'",
				   "tti", on, now, power),
		       err)) ||
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "UPDATE enf_benchmark SET status = 'published', published_on = "
				   "?, updated_at = ?"
				   " WHERE benchmark_id = ?",
				   "tti", on, now, bm),
		       err)) ||
	    (rc = fz_enf_audit(ctx, "enf_benchmark", "benchmark_publish", on,
			       fz_json_text(ctx->arena, in, NULL), NULL, NULL, err)) ||
	    (rc = fz_db_commit(ctx->db, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return bm_json(ctx, bm, false, out, err);
}

enum fz_code fz_enf_bench_json(struct fz_ctx *ctx, int64_t bm, bool public_only, json_t **out,
			       struct fz_err *err)
{
	return bm_json(ctx, bm, public_only, out, err);
}

/*
 * The benchmarks of the caller's scope (staff) or the published ones of
 * published bodies (portal), newest version per power for staff. Filters:
 * agency_id, body_id, power_id, status (staff), level, q (power name, code,
 * circumstances). Each item carries its rows.
 */
enum fz_code fz_enf_bench_list(struct fz_ctx *ctx, bool public_only, int64_t agency_id,
			       int64_t body_id, int64_t power_id, const char *status, const char *q,
			       json_t **out, struct fz_err *err)
{
	int64_t scope = agency_id;
	if (!public_only && !fz_ctx_sees_all(ctx))
		scope = ctx->user ? ctx->user->agency_id : -1;
	const char *like = q && *q ? fz_arena_printf(ctx->arena, "%%%s%%", q) : NULL;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT " BM_COLS BM_FROM
	    " WHERE (?1 = 0 OR m.agency_id = ?1) AND (?2 = 0 OR m.body_id = ?2)"
	    " AND (?3 = 0 OR m.power_id = ?3) AND (?4 IS NULL OR m.status = ?4)"
	    " AND (?5 = 0 OR (m.status = 'published' AND b.status = 'published'))"
	    " AND (?5 = 1 OR ?4 IS NOT NULL OR m.version = (SELECT MAX(v.version) FROM "
	    "enf_benchmark v"
	    "  WHERE v.power_id = m.power_id))"
	    " AND (?6 IS NULL OR p.name LIKE ?6 OR p.code LIKE ?6 OR EXISTS (SELECT 1 FROM "
	    "enf_benchmark_row r"
	    "  WHERE r.benchmark_id = m.benchmark_id AND (r.circumstances LIKE ?6 OR r.factors "
	    "LIKE ?6)))"
	    " ORDER BY a.sort_order, b.name, p.code, m.version DESC LIMIT 201",
	    "iiit"
	    "It",
	    scope, body_id, power_id, public_only ? NULL : status, (int)public_only, like);
	if (!st)
		return err->code;
	json_t *items = json_array();
	while (fz_stmt_row(st))
		json_array_append_new(items, bm_head(st));
	fz_stmt_done(st);
	bool more = json_array_size(items) > 200;
	if (more)
		json_array_remove(items, 200);
	size_t i;
	json_t *it;
	json_array_foreach (items, i, it) {
		json_t *rows;
		if (rows_json(ctx, json_integer_value(json_object_get(it, "benchmark_id")), NULL,
			      &rows, err)) {
			json_decref(items);
			return err->code;
		}
		json_object_set_new(it, "rows", rows);
	}
	*out = json_pack("{s:o, s:b, s:o, s:o}", "items", items, "truncated", more, "levels",
			 fz_options_json(fz_bench_levels), "kinds", fz_options_json(fz_pen_kinds));
	return FZ_OK;
}

/*
 * The calculator: the rows of the version in force for a power (the caller
 * sees the power), of one level or all, with the range in words and the
 * basis. 404 when none is published.
 */
enum fz_code fz_enf_bench_calc(struct fz_ctx *ctx, int64_t power_id, const char *level,
			       json_t **out, struct fz_err *err)
{
	if (!power_id)
		return fz_err_set(err, FZ_EMISSING_FIELD, "power_id", "请选择处罚事项（power_id）");
	if (level) {
		bool ok = false;
		for (const struct fz_option *o = fz_bench_levels; o->value; o++)
			ok = ok || strcmp(o->value, level) == 0;
		if (!ok)
			return fz_err_set(err, FZ_EBAD_VALUE, "level",
					  "违法情节（level）应为 minor 轻微、general 一般、serious "
					  "较重或 grave 严重");
	}
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT agency_id FROM enf_power WHERE item_id = ?", "i", power_id);
	if (!st)
		return err->code;
	int64_t agency = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!agency || !fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_ENOT_FOUND, "power_id", "权责事项不存在");
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT benchmark_id FROM enf_benchmark WHERE power_id = ? AND status = 'published'",
	    "i", power_id);
	if (!st)
		return err->code;
	int64_t bm = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!bm)
		return fz_err_set(err, FZ_ENOT_FOUND, "power_id", "该事项尚未发布裁量基准");
	enum fz_code rc = bm_json(ctx, bm, false, out, err);
	if (rc)
		return rc;
	json_object_del(*out, "versions");
	if (level) {
		json_t *rows;
		if ((rc = rows_json(ctx, bm, level, &rows, err))) {
			json_decref(*out);
			return rc;
		}
		json_object_set_new(*out, "rows", rows);
	}
	fz_json_set_str(*out, "level", level);
	fz_json_set_str(*out, "rule",
			"拟作出或者作出的处罚超出所选情形的裁量幅度的，须书面说明理由，并经法制审核"
			"（《行政处罚法》第五十八条）");
	return FZ_OK;
}

/* ---- the case: the row picked at notice and at decision ----------------------- */

/* A row by id, with its benchmark, version, power and status; false when none. */
struct picked {
	int64_t row_id, bm, power;
	int version;
	char status[16], level[16];
	char kinds_buf[200];
	struct fz_bench_row r;
};

static bool load_row(struct fz_ctx *ctx, int64_t row_id, struct picked *p)
{
	memset(p, 0, sizeof *p);
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT r.benchmark_id, m.power_id, m.version, m.status, "
					 "r.level, r.kinds, r.fine_min, r.fine_max,"
					 " r.no_penalty FROM enf_benchmark_row r JOIN "
					 "enf_benchmark m ON m.benchmark_id = r.benchmark_id"
					 " WHERE r.row_id = ?",
					 "i", row_id);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		p->row_id = row_id;
		p->bm = fz_col_int(st, 0);
		p->power = fz_col_int(st, 1);
		p->version = (int)fz_col_int(st, 2);
		snprintf(p->status, sizeof p->status, "%s", fz_col_text(st, 3));
		snprintf(p->level, sizeof p->level, "%s", fz_col_text(st, 4));
		snprintf(p->kinds_buf, sizeof p->kinds_buf, "%s",
			 fz_col_text(st, 5) ? fz_col_text(st, 5) : "");
		p->r.level = p->level;
		p->r.fine_min = fz_col_null(st, 6) ? -1 : (long)fz_col_int(st, 6);
		p->r.fine_max = fz_col_null(st, 7) ? -1 : (long)fz_col_int(st, 7);
		p->r.no_penalty = fz_col_int(st, 8) != 0;
		fz_bench_kinds_split(p->kinds_buf, &p->r);
	}
	fz_stmt_done(st);
	return ok;
}

enum fz_code fz_enf_bench_step(struct fz_ctx *ctx, int64_t case_id, const char *step, bool punish,
			       const char *kind, long fine, json_t *in, struct fz_err *err)
{
	bool notice = strcmp(step, "notify") == 0, simple = strcmp(step, "decide_simple") == 0;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT x.power_id, x.review_opinion, (SELECT row_id FROM enf_penalty_benchmark k"
	    "  WHERE k.case_id = x.case_id AND k.step = 'notify') FROM enf_penalty x WHERE "
	    "x.case_id = ?",
	    "i", case_id);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "处罚案件缺少案件信息");
	}
	int64_t power = fz_col_int(st, 0);
	const char *opinion = fz_col_text(st, 1);
	bool passed = opinion && (strcmp(opinion, "pass") == 0 || strcmp(opinion, "amend") == 0);
	int64_t notice_row = fz_col_null(st, 2) ? 0 : fz_col_int(st, 2);
	fz_stmt_done(st);
	json_t *v = json_object_get(in, "benchmark_row_id");
	int64_t row_id = json_is_integer(v) ? json_integer_value(v) : 0;
	/* The decision is compared with the row picked at the notice unless another is picked. */
	if (!row_id && !notice)
		row_id = notice_row;
	const char *reason = fz_json_str(in, "deviation_reason");
	if (reason && fz_text_blank(reason))
		reason = NULL;
	if (!row_id)
		return FZ_OK; /* no benchmark picked: nothing to compare */
	/* Not to punish on a ground the benchmark does not govern (no fault, facts unproven). */
	const char *ground = fz_json_str(in, "no_penalty_ground");
	if (!punish && ground && strcmp(ground, "minor") != 0 && strcmp(ground, "first_minor") != 0)
		return FZ_OK;
	struct picked p;
	if (!load_row(ctx, row_id, &p) || p.power != power)
		return fz_err_set(err, FZ_EBAD_VALUE, "benchmark_row_id",
				  "所选裁量情形不属于本案适用的处罚事项");
	if (strcmp(p.status, "published") != 0 && row_id != notice_row)
		return fz_err_set(err, FZ_EBAD_VALUE, "benchmark_row_id",
				  "所选情形属于%s的第 %d 版裁量基准，请按现行版本选择",
				  strcmp(p.status, "draft") == 0 ? "未发布" : "已被替代",
				  p.version);
	const char *field = NULL;
	char why[600] = "";
	bool inside = fz_bench_inside(&p.r, punish, kind, fine, &field, why, sizeof why);
	if (!inside) {
		if (simple)
			return fz_err_set(err, FZ_EBAD_VALUE, "fine_amount",
					  "当场处罚不得超出裁量基准，%s；请适用普通程序", why);
		if (!reason)
			return fz_err_set(err, FZ_EMISSING_FIELD, "deviation_reason",
					  "%s。超出裁量基准的，请填写“超出裁量基准的理由”（deviatio"
					  "n_reason），并经法制审核",
					  why);
		/* 第58条: the decision itself needs a passed review when it leaves the benchmark.
		 */
		if (!notice && !passed)
			return fz_err_set(err, FZ_ESTATE, "deviation_reason",
					  "超出裁量基准作出处罚，须先经法制审核：请认定为重大执法决"
					  "定（超出裁量基准作出处罚）并提交审核");
	}
	/* The day of the step itself (the step checked it), not the day it was recorded. */
	char day[11];
	fz_date_format(ctx->today, day);
	const char *on = fz_json_str(in, notice ? "notified_on" : "decided_on");
	if (on && strlen(on) == 10)
		snprintf(day, sizeof day, "%s", on);
	enum fz_code rc =
	    fz_stmt_exec(fz_db_query(ctx->db, err,
			     "DELETE FROM enf_penalty_benchmark WHERE case_id = ? AND step = ?",
			     "it", case_id, notice ? "notify" : "decide"),
		 err);
	if (!rc)
		rc = fz_stmt_exec(
		    fz_db_query(
			ctx->db, err,
			"INSERT INTO enf_penalty_benchmark(case_id, step, row_id, benchmark_id,"
			" version, level, placement, deviation_reason, penalty_kind, fine, note,"
			" recorded_on) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)",
			"itiiIt"
			"tttItt",
			case_id, notice ? "notify" : "decide", row_id, p.bm, p.version, p.level,
			inside ? "inside" : "outside", inside ? NULL : reason, punish ? kind : NULL,
			(int)(punish ? fine : 0), inside ? NULL : why, day),
		    err);
	if (!rc && !inside)
		rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				      "UPDATE enf_penalty SET major = 1, major_reason = "
				      "COALESCE(major_reason, 'benchmark')"
				      " WHERE case_id = ?",
				      "i", case_id),
			  err);
	return rc;
}

/* The benchmark part of a penalty case's fields: the picks and the rows in force. */
enum fz_code fz_enf_bench_fields(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
				 struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT k.step, k.row_id, k.benchmark_id, k.version, k.level, k.placement, "
	    "k.deviation_reason,"
	    " k.note, k.recorded_on, r.circumstances, r.basis FROM enf_penalty_benchmark k"
	    " JOIN enf_benchmark_row r ON r.row_id = k.row_id WHERE k.case_id = ? ORDER BY k.step "
	    "DESC",
	    "i", case_id);
	if (!st)
		return err->code;
	json_t *picks = json_object();
	while (fz_stmt_row(st)) {
		json_t *o = json_pack("{s:I, s:I, s:I}", "row_id", (json_int_t)fz_col_int(st, 1),
				      "benchmark_id", (json_int_t)fz_col_int(st, 2), "version",
				      (json_int_t)fz_col_int(st, 3));
		fz_json_set_str(o, "level", fz_col_text(st, 4));
		fz_json_set_str(o, "level_label",
				fz_enf_label(fz_bench_levels, fz_col_text(st, 4)));
		fz_json_set_str(o, "placement", fz_col_text(st, 5));
		fz_json_set_str(o, "placement_label",
				strcmp(fz_col_text(st, 5), "inside") == 0 ? "在裁量基准范围内"
									  : "超出裁量基准");
		fz_json_set_str(o, "deviation_reason", fz_col_text(st, 6));
		fz_json_set_str(o, "deviation", fz_col_text(st, 7));
		fz_json_set_str(o, "recorded_on", fz_col_text(st, 8));
		fz_json_set_str(o, "circumstances", fz_col_text(st, 9));
		fz_json_set_str(o, "basis", fz_col_text(st, 10));
		json_object_set_new(picks, fz_col_text(st, 0), o);
	}
	fz_stmt_done(st);
	json_object_set_new(obj, "benchmark", picks);
	/* The rows in force for the case's power, for the notice and decision forms. */
	st = fz_db_query(
	    ctx->db, err,
	    "SELECT m.benchmark_id, m.version FROM enf_benchmark m JOIN enf_penalty x"
	    " ON x.power_id = m.power_id WHERE x.case_id = ? AND m.status = 'published'",
	    "i", case_id);
	if (!st)
		return err->code;
	int64_t bm = 0, version = 0;
	if (fz_stmt_row(st)) {
		bm = fz_col_int(st, 0);
		version = fz_col_int(st, 1);
	}
	fz_stmt_done(st);
	json_t *rows = NULL;
	if (bm && rows_json(ctx, bm, NULL, &rows, err))
		return err->code;
	json_object_set_new(obj, "benchmark_rows", rows ? rows : json_array());
	json_object_set_new(obj, "benchmark_version", bm ? json_integer(version) : json_null());
	json_object_set_new(obj, "benchmark_id", bm ? json_integer(bm) : json_null());
	return FZ_OK;
}

/* ---- statistics ------------------------------------------------------------------ */

/*
 * Decisions of the year (决定日期 in it) compared with a benchmark, inside and
 * outside, per agency in the caller's scope; also those decided without one.
 */
enum fz_code fz_enf_bench_stats(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err)
{
	int64_t scope = agency_id;
	if (!fz_ctx_sees_all(ctx))
		scope = ctx->user ? ctx->user->agency_id : -1;
	char from[11], to[11];
	snprintf(from, sizeof from, "%04d-01-01", year);
	snprintf(to, sizeof to, "%04d-12-31", year);
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT a.agency_id, a.name,"
	    " SUM(CASE WHEN k.placement = 'inside' THEN 1 ELSE 0 END),"
	    " SUM(CASE WHEN k.placement = 'outside' THEN 1 ELSE 0 END),"
	    " SUM(CASE WHEN k.placement IS NULL THEN 1 ELSE 0 END)"
	    " FROM enf_penalty x JOIN case_record c ON c.case_id = x.case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id"
	    " LEFT JOIN enf_penalty_benchmark k ON k.case_id = x.case_id AND k.step = 'decide'"
	    " WHERE x.decided_on >= ? AND x.decided_on <= ? AND (? = 0 OR c.agency_id = ?)"
	    " GROUP BY a.agency_id, a.name, a.sort_order ORDER BY a.sort_order",
	    "ttii", from, to, scope, scope);
	if (!st)
		return err->code;
	json_t *rows = json_array();
	long ti = 0, tout = 0, tn = 0;
	while (fz_stmt_row(st)) {
		long i = (long)fz_col_int(st, 2), o = (long)fz_col_int(st, 3),
		     n = (long)fz_col_int(st, 4);
		json_t *r =
		    json_pack("{s:I, s:s, s:i, s:i, s:i}", "agency_id",
			      (json_int_t)fz_col_int(st, 0), "agency_name", fz_col_text(st, 1),
			      "inside", (int)i, "outside", (int)o, "unmatched", (int)n);
		json_array_append_new(rows, r);
		ti += i;
		tout += o;
		tn += n;
	}
	fz_stmt_done(st);
	*out = json_pack("{s:i, s:o, s:{s:i, s:i, s:i}, s:s}", "year", year, "agencies", rows,
			 "total", "inside", (int)ti, "outside", (int)tout, "unmatched", (int)tn,
			 "note", "按决定日期统计；“未对照”为决定时未选择裁量基准情形的案件");
	return FZ_OK;
}

/* ---- Excel ----------------------------------------------------------------------- */

enum { X_CODE, X_NAME, X_LEVEL, X_CIRC, X_FACTORS, X_KINDS, X_MIN, X_MAX, X_NOPEN, X_BASIS, NX };
static const struct {
	const char *header, *field;
	bool required;
} xcols[NX] = {
    {"事项编码", NULL, true},
    {"事项名称", NULL, false},
    {"违法情节", "level", true},
    {"违法情形", "circumstances", true},
    {"从轻、从重情节", "factors", false},
    {"处罚种类", "kinds", false},
    {"罚款下限（元）", "fine_min", false},
    {"罚款上限（元）", "fine_max", false},
    {"可以不予处罚（首违不罚）", "no_penalty", false},
    {"裁量依据", "basis", true},
};

enum fz_code fz_enf_bench_xlsx(struct fz_ctx *ctx, int64_t body_id, char **out, size_t *len,
			       struct fz_err *err)
{
	int64_t scope = fz_ctx_sees_all(ctx) ? 0 : (ctx->user ? ctx->user->agency_id : -1);
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err,
			"SELECT p.code, p.name, " ROW_COLS
			" FROM enf_benchmark m JOIN enf_power p ON p.item_id = m.power_id"
			" JOIN enf_benchmark_row r ON r.benchmark_id = m.benchmark_id"
			" WHERE (?1 = 0 OR m.body_id = ?1) AND (?2 = 0 OR m.agency_id = ?2)"
			" AND m.version = (SELECT MAX(v.version) FROM enf_benchmark v WHERE "
			"v.power_id = m.power_id)"
			" ORDER BY m.body_id, p.code, r.seq LIMIT 20000",
			"ii", body_id, scope);
	if (!st)
		return err->code;
	size_t cap = 64, n = 1;
	const char **cells = malloc(cap * NX * sizeof *cells);
	if (!cells) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	for (int i = 0; i < NX; i++)
		cells[i] = xcols[i].header;
	while (fz_stmt_row(st)) {
		if (n == cap) {
			const char **bigger = realloc(cells, cap * 2 * NX * sizeof *cells);
			if (!bigger) {
				free(cells);
				fz_stmt_done(st);
				return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
			}
			cells = bigger;
			cap *= 2;
		}
		json_t *r = row_json(ctx, st, 2);
		const char **c = cells + n * NX;
		c[X_CODE] = fz_arena_strdup(ctx->arena, fz_col_text(st, 0));
		c[X_NAME] = fz_arena_strdup(ctx->arena, fz_col_text(st, 1));
		c[X_LEVEL] = fz_arena_strdup(ctx->arena, fz_json_str(r, "level_label"));
		c[X_CIRC] = fz_arena_strdup(ctx->arena, fz_json_str(r, "circumstances"));
		c[X_FACTORS] = fz_json_str(r, "factors")
				   ? fz_arena_strdup(ctx->arena, fz_json_str(r, "factors"))
				   : NULL;
		char *kinds = fz_arena_strdup(ctx->arena, "");
		size_t i;
		json_t *k;
		json_array_foreach (json_object_get(r, "kind_labels"), i, k)
			kinds = fz_arena_printf(ctx->arena, "%s%s%s", kinds, i ? "；" : "",
						json_string_value(k));
		c[X_KINDS] = kinds;
		json_t *mn = json_object_get(r, "fine_min"), *mx = json_object_get(r, "fine_max");
		c[X_MIN] = json_is_integer(mn) ? fz_arena_printf(ctx->arena, "%lld",
								 (long long)json_integer_value(mn))
					       : NULL;
		c[X_MAX] = json_is_integer(mx) ? fz_arena_printf(ctx->arena, "%lld",
								 (long long)json_integer_value(mx))
					       : NULL;
		c[X_NOPEN] = json_is_true(json_object_get(r, "no_penalty")) ? "是" : "否";
		c[X_BASIS] = fz_arena_strdup(ctx->arena, fz_json_str(r, "basis"));
		json_decref(r);
		n++;
	}
	fz_stmt_done(st);
	static const int widths[NX] = {16, 28, 8, 40, 30, 24, 12, 12, 12, 40};
	struct fz_sheet sheet = {"裁量基准", "行政处罚裁量基准（导入时按事项编码生成新版本草稿）",
				 (int)n,     NX,
				 cells,	     1,
				 widths,     true,
				 NULL};
	enum fz_code rc = fz_xlsx_build(&sheet, 1, out, len, err);
	free(cells);
	return rc;
}

static char *trim_dup(struct fz_ctx *ctx, const char *s)
{
	if (!s)
		return NULL;
	while (*s == ' ' || *s == '\t' || *s == '\r' || *s == '\n' ||
	       (strncmp(s, "\xE3\x80\x80", 3) == 0 && (s += 2)))
		s++;
	size_t n = strlen(s);
	for (;;) {
		if (n && strchr(" \t\r\n", s[n - 1]))
			n--;
		else if (n >= 3 && memcmp(s + n - 3, "\xE3\x80\x80", 3) == 0)
			n -= 3;
		else
			break;
	}
	if (!n)
		return NULL;
	char *t = fz_arena_alloc(ctx->arena, n + 1);
	memcpy(t, s, n);
	t[n] = '\0';
	return t;
}

/* A kind by its value or Chinese label (or a short form of one), or NULL. */
static const char *kind_parse(const char *s)
{
	for (const struct fz_option *o = fz_pen_kinds; o->value; o++)
		if (strcmp(s, o->value) == 0 || strcmp(s, o->label) == 0)
			return o->value;
	static const struct fz_option aliases[] = {{"confiscation", "没收违法所得"},
						   {"confiscation", "没收非法财物"},
						   {"confiscation", "没收"},
						   {"suspend_licence", "暂扣许可证"},
						   {"revoke_licence", "吊销许可证"},
						   {"suspend_business", "停产停业"},
						   {NULL, NULL}};
	for (const struct fz_option *o = aliases; o->value; o++)
		if (strcmp(s, o->label) == 0)
			return o->value;
	return NULL;
}

/* "罚款；警告" (separated by ；;，,、 or new lines) into "fine,warning"; NULL and *bad on an
 * unknown one. */
static char *kinds_parse(struct fz_ctx *ctx, const char *s, const char **bad)
{
	char *out = fz_arena_strdup(ctx->arena, "");
	char *buf = fz_arena_strdup(ctx->arena, s);
	/* A label holds 、 itself (没收违法所得、没收非法财物): try it whole first. */
	const char *whole = kind_parse(buf);
	if (whole)
		return fz_arena_strdup(ctx->arena, whole);
	static const char *const seps[] = {"；", ";", "，", ",", "、", "\n", NULL};
	for (int i = 0; seps[i]; i++)
		for (char *p; (p = strstr(buf, seps[i]));) {
			*p = '\x1f';
			memmove(p + 1, p + strlen(seps[i]), strlen(p + strlen(seps[i])) + 1);
		}
	int count = 0;
	for (char *p = buf; p;) {
		char *q = strchr(p, '\x1f');
		if (q)
			*q = '\0';
		char *t = trim_dup(ctx, p);
		if (t) {
			const char *v = kind_parse(t);
			if (!v) {
				*bad = t;
				return NULL;
			}
			if (count++ < FZ_BENCH_KINDS && !strstr(out, v))
				out =
				    fz_arena_printf(ctx->arena, "%s%s%s", out, *out ? "," : "", v);
		}
		p = q ? q + 1 : NULL;
	}
	return out;
}

static void add_error(struct fz_ctx *ctx, json_t *errors, int row, int col, const char *field,
		      const char *label, const char *msg)
{
	char letter[4] = "";
	if (col >= 0)
		fz_xlsx_col_name(col, letter);
	json_array_append_new(errors, json_pack("{s:i, s:s?, s:s?, s:s?, s:s}", "row", row,
						"column", col >= 0 ? letter : NULL, "field", field,
						"label", label, "message", msg));
	(void)ctx;
}

struct import_power {
	const char *code;
	int64_t power, body, agency;
	struct stored_row rows[MAX_ROWS];
	size_t n;
};

/*
 * Imports a workbook for body_id: rows grouped by 事项编码, each power's rows
 * becoming its draft (a new version, or the open draft rewritten). All or
 * nothing: any bad row and nothing is written; the report names every bad
 * row with its number, column and field. commit false: a dry run.
 */
enum fz_code fz_enf_bench_import(struct fz_ctx *ctx, int64_t body_id, const void *data, size_t len,
				 bool commit, json_t **out, struct fz_err *err)
{
	*out = NULL;
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err, "SELECT agency_id FROM enf_body WHERE body_id = ?", "i", body_id);
	if (!st)
		return err->code;
	int64_t agency = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!agency || !fz_ctx_may_see(ctx, agency))
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "执法主体不存在");
	enum fz_code rc = fz_enf_need_edit(ctx, agency, err);
	if (rc)
		return rc;
	struct fz_xlsx_table *t = NULL;
	if ((rc = fz_xlsx_read(data, len, NULL, &t, err)))
		return rc;
	int header = -1, col[NX];
	for (int r = 0; r < t->nrows && r < 10 && header < 0; r++) {
		for (int i = 0; i < NX; i++)
			col[i] = -1;
		for (int c = 0; c < t->rows[r].ncells; c++) {
			char *h = trim_dup(ctx, fz_xlsx_cell(t, r, c));
			for (int i = 0; h && i < NX; i++)
				if (strcmp(h, xcols[i].header) == 0 && col[i] < 0)
					col[i] = c;
		}
		if (col[X_CODE] >= 0 && col[X_LEVEL] >= 0)
			header = r;
	}
	json_t *errors = json_array();
	struct import_power *powers = NULL;
	size_t np = 0;
	int nrows = 0;
	if (header < 0) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
				"没有找到表头：前 10 "
				"行中应有一行写明“事项编码”“违法情节”“违法情形”“裁量依据”等列名（可"
				"先导出一份作为模板）");
		goto done;
	}
	for (int i = 0; i < NX; i++)
		if (xcols[i].required && col[i] < 0) {
			rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "第 %d 行表头缺少“%s”列",
					t->rows[header].number, xcols[i].header);
			goto done;
		}
	if (t->nrows - header - 1 > 2000) {
		rc = fz_err_set(err, FZ_ETOO_LARGE, "file", "一次最多导入 2000 行");
		goto done;
	}
	powers = calloc(200, sizeof *powers);
	if (!powers) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto done;
	}
	for (int r = header + 1; r < t->nrows; r++) {
		int no = t->rows[r].number;
		char *v[NX];
		bool any = false;
		for (int i = 0; i < NX; i++) {
			v[i] = col[i] >= 0 ? trim_dup(ctx, fz_xlsx_cell(t, r, col[i])) : NULL;
			any = any || v[i];
		}
		if (!any)
			continue;
		nrows++;
		char msg[400];
		/* The power: an active penalty item of this body, by its code. */
		if (!v[X_CODE]) {
			add_error(ctx, errors, no, col[X_CODE], "code", xcols[X_CODE].header,
				  "请填写事项编码");
			continue;
		}
		struct import_power *ip = NULL;
		for (size_t k = 0; k < np && !ip; k++)
			if (strcmp(powers[k].code, v[X_CODE]) == 0)
				ip = &powers[k];
		if (!ip) {
			st = fz_db_query(ctx->db, err,
					 "SELECT item_id, body_id, category, status FROM enf_power "
					 "WHERE code = ?",
					 "t", v[X_CODE]);
			if (!st) {
				rc = err->code;
				goto done;
			}
			bool found = fz_stmt_row(st);
			int64_t item = found ? fz_col_int(st, 0) : 0;
			bool ok = found && fz_col_int(st, 1) == body_id &&
				  strcmp(fz_col_text(st, 2), "penalty") == 0 &&
				  strcmp(fz_col_text(st, 3), "active") == 0;
			fz_stmt_done(st);
			if (!ok) {
				snprintf(msg, sizeof msg,
					 "事项编码“%s”不是本执法主体权责清单中现行的行政处罚事项",
					 v[X_CODE]);
				add_error(ctx, errors, no, col[X_CODE], "code",
					  xcols[X_CODE].header, msg);
				continue;
			}
			if (np == 200) {
				add_error(ctx, errors, no, col[X_CODE], "code",
					  xcols[X_CODE].header,
					  "一次最多导入 200 个事项的裁量基准");
				continue;
			}
			ip = &powers[np++];
			ip->code = v[X_CODE];
			ip->power = item;
			ip->body = body_id;
			ip->agency = agency;
		}
		struct fz_bench_row br = {
		    .level = NULL, .circumstances = v[X_CIRC], .fine_min = -1, .fine_max = -1};
		const char *level = NULL;
		for (const struct fz_option *o = fz_bench_levels; v[X_LEVEL] && o->value; o++)
			if (strcmp(v[X_LEVEL], o->label) == 0 || strcmp(v[X_LEVEL], o->value) == 0)
				level = o->value;
		if (!level) {
			add_error(ctx, errors, no, col[X_LEVEL], "level", xcols[X_LEVEL].header,
				  "违法情节应为轻微、一般、较重或严重");
			continue;
		}
		br.level = level;
		const char *bad = NULL;
		char *kinds = v[X_KINDS] ? kinds_parse(ctx, v[X_KINDS], &bad)
					 : fz_arena_strdup(ctx->arena, "");
		if (!kinds) {
			snprintf(msg, sizeof msg, "“%s”不是《行政处罚法》第九条规定的处罚种类",
				 bad);
			add_error(ctx, errors, no, col[X_KINDS], "kinds", xcols[X_KINDS].header,
				  msg);
			continue;
		}
		char *kbuf = fz_arena_strdup(ctx->arena, kinds);
		fz_bench_kinds_split(kbuf, &br);
		bool bad_num = false;
		for (int i = X_MIN; i <= X_MAX; i++) {
			int64_t x = -1;
			if (v[i] && !fz_parse_int(v[i], 0, 2000000000, &x)) {
				add_error(ctx, errors, no, col[i], xcols[i].field, xcols[i].header,
					  "应为不小于 0 的整数（元）");
				bad_num = true;
			}
			if (i == X_MIN)
				br.fine_min = (long)x;
			else
				br.fine_max = (long)x;
		}
		if (bad_num)
			continue;
		const char *np_text = v[X_NOPEN];
		if (np_text && strcmp(np_text, "是") != 0 && strcmp(np_text, "否") != 0 &&
		    strcmp(np_text, "可以") != 0) {
			add_error(ctx, errors, no, col[X_NOPEN], "no_penalty",
				  xcols[X_NOPEN].header, "应填“是”或“否”");
			continue;
		}
		br.no_penalty = np_text && strcmp(np_text, "否") != 0;
		const char *field;
		if (!fz_bench_row_check(&br, &field, msg, sizeof msg)) {
			int c = -1;
			const char *label = field;
			for (int i = 0; i < NX; i++)
				if (xcols[i].field && strcmp(xcols[i].field, field) == 0) {
					c = col[i];
					label = xcols[i].header;
				}
			add_error(ctx, errors, no, c, field, label, msg);
			continue;
		}
		if (!v[X_BASIS]) {
			add_error(ctx, errors, no, col[X_BASIS], "basis", xcols[X_BASIS].header,
				  "请填写裁量依据");
			continue;
		}
		if (ip->n == MAX_ROWS) {
			snprintf(msg, sizeof msg, "一个事项的裁量基准最多 %d 条情形", MAX_ROWS);
			add_error(ctx, errors, no, col[X_CODE], "code", xcols[X_CODE].header, msg);
			continue;
		}
		ip->rows[ip->n++] =
		    (struct stored_row){level,	    v[X_CIRC],	 v[X_FACTORS], kinds,
					v[X_BASIS], br.fine_min, br.fine_max,  br.no_penalty};
	}
	size_t nerr = json_array_size(errors);
	if (!nrows && !nerr) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "表头下没有数据行");
		goto done;
	}
	if (commit && nerr) {
		json_t *first = json_array_get(errors, 0);
		rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
				"共 %zu 处错误，未导入任何数据。第 %lld 行 %s 列“%s”：%s", nerr,
				(long long)json_integer_value(json_object_get(first, "row")),
				fz_json_str(first, "column") ? fz_json_str(first, "column") : "",
				fz_json_str(first, "label"), fz_json_str(first, "message"));
		goto done;
	}
	json_t *drafts = json_array();
	if (commit) {
		if ((rc = fz_db_begin(ctx->db, err))) {
			json_decref(drafts);
			goto done;
		}
		for (size_t k = 0; k < np && !rc; k++) {
			int64_t bm;
			rc = draft_write(ctx, powers[k].power, powers[k].body, powers[k].agency,
					 "Excel 导入", powers[k].rows, powers[k].n, &bm, err);
			if (!rc)
				json_array_append_new(
				    drafts, json_pack("{s:s, s:I}", "code", powers[k].code,
						      "benchmark_id", (json_int_t)bm));
		}
		if (!rc)
			rc = fz_enf_audit(
			    ctx, "enf_benchmark", "benchmark_import",
			    fz_arena_printf(ctx->arena, "%zu 个事项、%d 行", np, nrows), NULL, NULL,
			    NULL, err);
		if (!rc)
			rc = fz_db_commit(ctx->db, err);
		if (rc) {
			fz_db_rollback(ctx->db);
			json_decref(drafts);
			goto done;
		}
	}
	*out =
	    json_pack("{s:i, s:i, s:i, s:b, s:o, s:O}", "rows", nrows, "powers", (int)np, "invalid",
		      (int)nerr, "imported", commit, "drafts", drafts, "errors", errors);
done:
	json_decref(errors);
	free(powers);
	fz_xlsx_table_free(t);
	return rc;
}

/* ---- demo records (enf_demo_kinds.c) ---------------------------------------------- */

/* The power named by power_code in a demo record, taken out of f; its id into *power. */
static enum fz_code demo_power(struct fz_ctx *ctx, json_t *f, int64_t *power, struct fz_err *err)
{
	const char *code = fz_json_str(f, "power_code");
	if (!code)
		return fz_err_set(err, FZ_EMISSING_FIELD, "power_code", "请写明处罚事项的编码（power_code）");
	struct fz_stmt *st =
		fz_db_query(ctx->db, err, "SELECT item_id FROM enf_power WHERE code = ?", "t", code);
	if (!st)
		return err->code;
	*power = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (!*power)
		return fz_err_set(err, FZ_EBAD_VALUE, "power_code", "权责清单中没有编码为“%s”的事项", code);
	json_object_del(f, "power_code");
	return FZ_OK;
}

enum fz_code fz_enf_bench_demo(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			       struct fz_err *err)
{
	int64_t power;
	json_t *out = NULL, *on = json_incref(json_object_get(f, "published_on"));
	enum fz_code rc = demo_power(ctx, f, &power, err);
	json_object_del(f, "published_on");
	json_object_set_new(f, "power_id", json_integer(power));
	if (!rc)
		rc = fz_enf_bench_save(ctx, 0, f, &out, err);
	if (!rc) {
		*id = json_integer_value(json_object_get(out, "benchmark_id"));
		*case_id = 0;
		json_decref(out);
		out = NULL;
		if (on) {
			json_t *in = json_pack("{s:O}", "published_on", on);
			rc = fz_enf_bench_publish(ctx, *id, in, &out, err);
			json_decref(in);
			json_decref(out);
		}
	}
	json_decref(on);
	return rc;
}

enum fz_code fz_enf_bench_demo_row(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	int64_t power;
	enum fz_code rc = demo_power(ctx, f, &power, err);
	if (rc)
		return rc;
	const char *level = fz_json_str(f, "level");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"SELECT r.row_id FROM enf_benchmark_row r JOIN enf_benchmark m ON m.benchmark_id = r.benchmark_id"
		" WHERE m.power_id = ? AND m.status = 'published' AND r.level = ? ORDER BY r.seq LIMIT 1",
		"it", power, level);
	if (!st)
		return err->code;
	*id = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	*case_id = 0;
	if (!*id)
		return fz_err_set(err, FZ_EBAD_VALUE, "level", "该事项现行裁量基准中没有“%s”情节", level ? level : "");
	return FZ_OK;
}
