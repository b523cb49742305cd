/*
 * norm_report.c - normative documents in figures: the named yearly figures
 * (platform/figures.h) the disclosure report's table 二 reads (issued,
 * repealed, in force at the year's end) and the annual rule-of-law report
 * reads (reviewed, filed, filed on time, corrected by the receiving body,
 * cleanup counts, objections received and replied), each with the list that
 * shows its records; and the statistics page with its Excel export, which
 * prints those figures county-wide and per agency.
 *
 * Every count is made once, in its figure's SQL; the statistics read the
 * figures by name as every other reader does.
 */
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "modules/normative/norm_int.h"
#include "platform/jsonx.h"
#include "platform/spreadsheets.h"

/* A filing result that sends the document back: 要求纠正 or 撤销 (the filing step's values). */
#define CORRECTED "('correct', 'revoke')"

/* A version issued in the year (first issue or amendment) that went to filing. */
#define FILING_UNIT                                                                                \
	" FROM norm_version v JOIN norm_document d ON d.doc_id = v.doc_id"                         \
	" WHERE v.issued_on >= ?1 AND v.issued_on <= ?2 AND (?3 = 0 OR d.agency_id = ?3)"          \
	" AND EXISTS (SELECT 1 FROM norm_filing f WHERE f.version_id = v.version_id)"
#define ALL_FILED                                                                                  \
	" AND NOT EXISTS (SELECT 1 FROM norm_filing f WHERE f.version_id = v.version_id"           \
	" AND f.filed_on IS NULL)"
#define ALL_ON_TIME                                                                                \
	" AND NOT EXISTS (SELECT 1 FROM norm_filing f WHERE f.version_id = v.version_id"           \
	" AND (f.filed_on IS NULL OR f.on_time = 0))"
#define ANY_CORRECTED                                                                              \
	" AND EXISTS (SELECT 1 FROM norm_filing f WHERE f.version_id = v.version_id"               \
	" AND f.result IN " CORRECTED ")"

/* Decisions of campaigns closed in the year. */
#define CLEANUP(decision)                                                                          \
	"SELECT COUNT(*) FROM norm_campaign_item i JOIN norm_campaign c"                           \
	" ON c.campaign_id = i.campaign_id WHERE c.status IN ('closed', 'published')"              \
	" AND c.closed_on >= ?1 AND c.closed_on <= ?2 AND (?3 = 0 OR i.agency_id = ?3)" decision

#define DOCS	"GET /api/normative/stats/documents"
#define FILINGS "GET /api/normative/stats/filings"
#define CLEAN	"GET /api/normative/stats/cleanup"
#define OBJ	"GET /api/normative/objections"

const struct fz_figure fz_norm_figures[] = {
    /* 政府信息公开年度报告 表二 第二十条第（一）项: 行政规范性文件. */
    {"normative.documents.issued",
     "本年制发行政规范性文件",
     "件",
     NULL,
     {DOCS, "issued_year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM norm_document d WHERE d.issued_on >= ?1 AND d.issued_on <= ?2"
     " AND (?3 = 0 OR d.agency_id = ?3)"},
    {"normative.documents.repealed",
     "本年废止行政规范性文件",
     "件",
     NULL,
     {DOCS, "ended_year={year}&status=repealed&agency_id={agency}"},
     "SELECT COUNT(*) FROM norm_document d WHERE d.status = 'repealed' AND d.ended_on >= ?1"
     " AND d.ended_on <= ?2 AND (?3 = 0 OR d.agency_id = ?3)"},
    {"normative.documents.in_force",
     "年末现行有效行政规范性文件",
     "件",
     NULL,
     {DOCS, "in_force_year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM norm_document d WHERE d.issued_on <= ?2"
     " AND (d.ended_on IS NULL OR d.ended_on > ?2)"
     " AND (d.valid_until IS NULL OR d.valid_until >= ?2) AND (?3 = 0 OR d.agency_id = ?3)"},
    /* 法治政府建设年度报告: 合法性审核, 备案, 清理, 审查建议. */
    {"normative.reviewed",
     "经合法性审核的规范性文件草案",
     "件",
     NULL,
     {"GET /api/normative/stats/reviews", "year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM norm_draft x JOIN case_record c ON c.case_id = x.case_id"
     " JOIN case_record r ON r.case_id = x.review_case_id WHERE x.review_opinion IS NOT NULL"
     " AND r.closed_on >= ?1 AND r.closed_on <= ?2 AND (?3 = 0 OR c.agency_id = ?3)"},
    {"normative.filing.required",
     "应报送备案的规范性文件",
     "件",
     NULL,
     {FILINGS, "year={year}&agency_id={agency}"},
     "SELECT COUNT(*)" FILING_UNIT},
    {"normative.filed",
     "已报送备案的规范性文件",
     "件",
     NULL,
     {FILINGS, "year={year}&filed=1&agency_id={agency}"},
     "SELECT COUNT(*)" FILING_UNIT ALL_FILED},
    {"normative.filed_on_time",
     "按时报送备案的规范性文件",
     "件",
     NULL,
     {FILINGS, "year={year}&on_time=1&agency_id={agency}"},
     "SELECT COUNT(*)" FILING_UNIT ALL_ON_TIME},
    {"normative.filing_corrected",
     "备案审查要求纠正或者撤销的规范性文件（纠错数）",
     "件",
     NULL,
     {FILINGS, "year={year}&corrected=1&agency_id={agency}"},
     "SELECT COUNT(*)" FILING_UNIT ANY_CORRECTED},
    {"normative.cleanup.reviewed",
     "清理的规范性文件",
     "件",
     NULL,
     {CLEAN, "year={year}&agency_id={agency}"},
     CLEANUP("")},
    {"normative.cleanup.kept",
     "清理后保留的规范性文件",
     "件",
     NULL,
     {CLEAN, "year={year}&decision=keep&agency_id={agency}"},
     CLEANUP(" AND i.decision = 'keep'")},
    {"normative.cleanup.amended",
     "清理后修改的规范性文件",
     "件",
     NULL,
     {CLEAN, "year={year}&decision=amend&agency_id={agency}"},
     CLEANUP(" AND i.decision = 'amend'")},
    {"normative.cleanup.repealed",
     "清理后废止的规范性文件",
     "件",
     NULL,
     {CLEAN, "year={year}&decision=repeal&agency_id={agency}"},
     CLEANUP(" AND i.decision = 'repeal'")},
    {"normative.cleanup.invalid",
     "清理后宣布失效的规范性文件",
     "件",
     NULL,
     {CLEAN, "year={year}&decision=declare_invalid&agency_id={agency}"},
     CLEANUP(" AND i.decision = 'declare_invalid'")},
    {"normative.objections.received",
     "收到规范性文件审查建议",
     "件",
     NULL,
     {OBJ, "year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM case_record c JOIN norm_objection o ON o.case_id = c.case_id"
     " WHERE c.case_type = 'norm_objection' AND c.received_on >= ?1 AND c.received_on <= ?2"
     " AND (?3 = 0 OR c.agency_id = ?3)"},
    {"normative.objections.replied",
     "答复规范性文件审查建议",
     "件",
     NULL,
     {OBJ, "replied_year={year}&agency_id={agency}"},
     "SELECT COUNT(*) FROM case_record c JOIN norm_objection o ON o.case_id = c.case_id"
     " WHERE c.case_type = 'norm_objection' AND o.replied_on >= ?1 AND o.replied_on <= ?2"
     " AND (?3 = 0 OR c.agency_id = ?3)"},
    {NULL},
};

/* The record kind norm_campaign is declared with the module's others (norm_api.c). */

/* ---- the drill-down lists -------------------------------------------------------------- */

static enum fz_code parse_year(const char *v, const char *param, int *y, struct fz_err *err)
{
	int64_t n;
	if (!fz_parse_int(v, FZ_CAL_MIN_YEAR, FZ_CAL_MAX_YEAR, &n))
		return fz_err_set(err, FZ_EBAD_VALUE, param, "年度应为 %d 至 %d 之间的四位数字",
				  FZ_CAL_MIN_YEAR, FZ_CAL_MAX_YEAR);
	*y = (int)n;
	return FZ_OK;
}

/* In force at the end of the year (the figure normative.documents.in_force). */
static enum fz_code in_force_year(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	int y = 0;
	enum fz_code rc = parse_year(v, "in_force_year", &y, err);
	if (rc)
		return rc;
	const char *end = fz_arena_printf(run->ctx->arena, "%04d-12-31", y);
	fz_list_where(run, "d.issued_on <= ? AND (d.ended_on IS NULL OR d.ended_on > ?)"
			   " AND (d.valid_until IS NULL OR d.valid_until >= ?)");
	fz_list_bind_text(run, end);
	fz_list_bind_text(run, end);
	fz_list_bind_text(run, end);
	return FZ_OK;
}

static const struct fz_option doc_statuses[] = {
    {"in_force", "现行有效"},
    {"expired", "已过有效期"},
    {"repealed", "已废止"},
    {"lapsed", "已失效"},
    {"revoked", "已被撤销"},
    {NULL, NULL},
};

static const char *const doc_like[] = {"d.title", "d.number", "d.issuing_body", NULL};

static const struct fz_list_filter doc_filters[] = {
    {.param = "issued_year", .label = "印发年度", .kind = FZ_LF_YEAR, .sql = "d.issued_on"},
    {.param = "ended_year", .label = "废止或者失效年度", .kind = FZ_LF_YEAR, .sql = "d.ended_on"},
    {.param = "in_force_year",
     .label = "年末现行有效",
     .kind = FZ_LF_CUSTOM,
     .custom = in_force_year},
    {.param = "status",
     .label = "状态",
     .kind = FZ_LF_OPTION,
     .sql = "d.status = ?",
     .options = doc_statuses},
    {.param = "agency_id", .label = "制定单位", .kind = FZ_LF_AGENCY, .sql = "d.agency_id = ?"},
    {.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50, .like = doc_like},
    {.param = NULL},
};

static const struct fz_list_col doc_cols[] = {
    {"doc_id", "d.doc_id", FZ_LC_NUMBER},
    {"title", "d.title", FZ_LC_TEXT, NULL, "文件名称", 40},
    {"number", "d.number", FZ_LC_TEXT, NULL, "文号", 20},
    {"issuing_body", "d.issuing_body", FZ_LC_TEXT, NULL, "制定机关", 20},
    {"agency_id", "d.agency_id", FZ_LC_NUMBER},
    {"agency_name", "a.name", FZ_LC_TEXT, NULL, "起草单位", 20},
    {"status", "d.status", FZ_LC_TEXT},
    {"status_label", "d.status", FZ_LC_LABEL, doc_statuses, "状态", 10},
    {"issued_on", "d.issued_on", FZ_LC_DATE, NULL, "印发日期", 12},
    {"effective_on", "d.effective_on", FZ_LC_DATE, NULL, "施行日期", 12},
    {"valid_until", "d.valid_until", FZ_LC_DATE, NULL, "有效期至", 12},
    {"ended_on", "d.ended_on", FZ_LC_DATE, NULL, "废止或者失效日期", 12},
    {"end_reason", "d.end_reason", FZ_LC_TEXT, NULL, "废止或者失效原因", 24},
    {NULL},
};

static const struct fz_list_sort doc_sorts[] = {
    {.name = "issued_on", .expr = "d.issued_on"},
    {.name = "ended_on", .expr = "d.ended_on", .nulls_last = true},
    {.name = NULL},
};

const struct fz_list fz_norm_doc_stats_list = {
    .name = "规范性文件统计明细",
    .from = "norm_document d JOIN agency a ON a.agency_id = d.agency_id",
    .scope = "d.agency_id",
    .filters = doc_filters,
    .sorts = doc_sorts,
    .sort_default = "-issued_on",
    .tiebreak = "d.doc_id",
    .columns = doc_cols,
};

static const struct fz_list_filter filing_filters[] = {
    {.param = "year", .label = "印发年度", .kind = FZ_LF_YEAR, .sql = "v.issued_on"},
    {.param = "filed", .label = "已报送备案", .kind = FZ_LF_FLAG, .sql = "1 = 1" ALL_FILED},
    {.param = "on_time", .label = "按时报送备案", .kind = FZ_LF_FLAG, .sql = "1 = 1" ALL_ON_TIME},
    {.param = "corrected",
     .label = "要求纠正或者撤销",
     .kind = FZ_LF_FLAG,
     .sql = "1 = 1" ANY_CORRECTED},
    {.param = "agency_id", .label = "制定单位", .kind = FZ_LF_AGENCY, .sql = "d.agency_id = ?"},
    {.param = NULL},
};

#define FILED_ON(r)                                                                                \
	"(SELECT f.filed_on FROM norm_filing f WHERE f.version_id = v.version_id"                  \
	" AND f.recipient = '" r "')"

static const struct fz_list_col filing_cols[] = {
    {"doc_id", "d.doc_id", FZ_LC_NUMBER},
    {"version_id", "v.version_id", FZ_LC_NUMBER},
    {"title", "v.title", FZ_LC_TEXT, NULL, "文件名称", 40},
    {"number", "v.number", FZ_LC_TEXT, NULL, "文号", 20},
    {"agency_name", "a.name", FZ_LC_TEXT, NULL, "起草单位", 20},
    {"kind", "v.kind", FZ_LC_TEXT},
    {"issued_on", "v.issued_on", FZ_LC_DATE, NULL, "印发日期", 12},
    {"due_on", "(SELECT MIN(f.due_on) FROM norm_filing f WHERE f.version_id = v.version_id)",
     FZ_LC_DATE, NULL, "备案期限", 12},
    {"npc_filed_on", FILED_ON("npc"), FZ_LC_DATE, NULL, "报人大常委会备案日期", 14},
    {"government_filed_on", FILED_ON("government"), FZ_LC_DATE, NULL, "报上级政府备案日期", 14},
    {NULL},
};

const struct fz_list fz_norm_filing_stats_list = {
    .name = "规范性文件备案统计明细",
    .from = "norm_version v JOIN norm_document d ON d.doc_id = v.doc_id"
	    " JOIN agency a ON a.agency_id = d.agency_id",
    .where = "EXISTS (SELECT 1 FROM norm_filing f WHERE f.version_id = v.version_id)",
    .scope = "d.agency_id",
    .filters = filing_filters,
    .order = "v.issued_on DESC, v.version_id DESC",
    .columns = filing_cols,
};

static const struct fz_list_filter cleanup_filters[] = {
    {.param = "year", .label = "清理结束年度", .kind = FZ_LF_YEAR, .sql = "c.closed_on"},
    {.param = "campaign_id", .label = "清理", .kind = FZ_LF_ID, .sql = "c.campaign_id = ?"},
    {.param = "decision",
     .label = "清理意见",
     .kind = FZ_LF_OPTION,
     .sql = "i.decision = ?",
     .options = fz_norm_cleanup_decisions},
    {.param = "agency_id", .label = "制定单位", .kind = FZ_LF_AGENCY, .sql = "i.agency_id = ?"},
    {.param = NULL},
};

static const struct fz_list_col cleanup_cols[] = {
    {"campaign_id", "c.campaign_id", FZ_LC_NUMBER},
    {"campaign_name", "c.name", FZ_LC_TEXT, NULL, "清理", 24},
    {"doc_id", "d.doc_id", FZ_LC_NUMBER},
    {"title", "d.title", FZ_LC_TEXT, NULL, "文件名称", 40},
    {"number", "d.number", FZ_LC_TEXT, NULL, "文号", 20},
    {"agency_name", "a.name", FZ_LC_TEXT, NULL, "制定单位", 20},
    {"decision", "i.decision", FZ_LC_TEXT},
    {"decision_label", "i.decision", FZ_LC_LABEL, fz_norm_cleanup_decisions, "清理意见", 10},
    {"reason", "i.reason", FZ_LC_TEXT, NULL, "理由", 30},
    {"closed_on", "c.closed_on", FZ_LC_DATE, NULL, "清理结束日期", 12},
    {NULL},
};

const struct fz_list fz_norm_cleanup_stats_list = {
    .name = "规范性文件清理统计明细",
    .from =
	"norm_campaign_item i JOIN norm_campaign c ON c.campaign_id = i.campaign_id"
	" JOIN norm_document d ON d.doc_id = i.doc_id JOIN agency a ON a.agency_id = i.agency_id",
    .where = "c.status IN ('closed', 'published')",
    .scope = "i.agency_id",
    .filters = cleanup_filters,
    .order = "c.closed_on DESC, a.sort_order, i.agency_id, i.doc_id",
    .columns = cleanup_cols,
};

static const struct fz_list_filter review_filters[] = {
    {.param = "year", .label = "审核年度", .kind = FZ_LF_YEAR, .sql = "r.closed_on"},
    {.param = "agency_id", .label = "起草单位", .kind = FZ_LF_AGENCY, .sql = "c.agency_id = ?"},
    {.param = NULL},
};

static const struct fz_list_col review_cols[] = {
    {"case_id", "c.case_id", FZ_LC_NUMBER},
    {"number", "c.number", FZ_LC_TEXT, NULL, "立项编号", 20},
    {"title", "x.title", FZ_LC_TEXT, NULL, "文件名称", 40},
    {"agency_name", "a.name", FZ_LC_TEXT, NULL, "起草单位", 20},
    {"review_number", "r.number", FZ_LC_TEXT, NULL, "审核编号", 20},
    {"review_opinion", "x.review_opinion", FZ_LC_TEXT},
    {"review_opinion_label", "x.review_opinion", FZ_LC_LABEL, fz_norm_review_opinions, "审核意见",
     12},
    {"reviewed_on", "r.closed_on", FZ_LC_DATE, NULL, "审核日期", 12},
    {NULL},
};

const struct fz_list fz_norm_review_stats_list = {
    .name = "规范性文件合法性审核统计明细",
    .from = "norm_draft x JOIN case_record c ON c.case_id = x.case_id"
	    " JOIN case_record r ON r.case_id = x.review_case_id"
	    " JOIN agency a ON a.agency_id = c.agency_id",
    .where = "x.review_opinion IS NOT NULL",
    .scope = "c.agency_id",
    .filters = review_filters,
    .order = "r.closed_on DESC, c.case_id DESC",
    .columns = review_cols,
};

/* ---- the statistics page ---------------------------------------------------------------- */

/* The figures of the page, in its column order. */
static const char *const stat_figures[] = {
    "normative.documents.issued",   "normative.documents.repealed",
    "normative.documents.in_force", "normative.reviewed",
    "normative.filing.required",    "normative.filed",
    "normative.filed_on_time",	    "normative.filing_corrected",
    "normative.cleanup.reviewed",   "normative.cleanup.kept",
    "normative.cleanup.amended",    "normative.cleanup.repealed",
    "normative.cleanup.invalid",    "normative.objections.received",
    "normative.objections.replied", NULL,
};

static enum fz_code values_of(struct fz_ctx *ctx, int year, int64_t agency, json_t **out,
			      struct fz_err *err)
{
	json_t *o = json_object();
	for (size_t i = 0; stat_figures[i]; i++) {
		long v = 0;
		enum fz_code rc = fz_figure_value(ctx, stat_figures[i], year, agency, &v, err);
		if (rc) {
			json_decref(o);
			return rc;
		}
		json_object_set_new(o, stat_figures[i], json_integer(v));
	}
	*out = o;
	return FZ_OK;
}

static long val(json_t *o, const char *name)
{
	return (long)json_integer_value(json_object_get(o, name));
}

/* A rate in per cent with one decimal, null when nothing was due. */
static json_t *rate(long part, long whole)
{
	return whole ? json_real((double)((part * 1000 + whole / 2) / whole) / 10.0) : json_null();
}

static void rates(json_t *v)
{
	long req = val(v, "normative.filing.required");
	json_object_set_new(v, "filing_rate", rate(val(v, "normative.filed"), req));
	json_object_set_new(v, "on_time_rate", rate(val(v, "normative.filed_on_time"), req));
}

enum fz_code fz_norm_stats_json(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
				struct fz_err *err)
{
	json_t *totals = NULL;
	enum fz_code rc = values_of(ctx, year, agency_id, &totals, err);
	if (rc)
		return rc;
	rates(totals);
	/* One row per agency that has a document or a draft. */
	json_t *rows = json_array();
	struct fz_stmt *st = fz_db_query(
	    ctx->db, err,
	    "SELECT a.agency_id, a.name FROM agency a WHERE (?1 = 0 OR a.agency_id = ?1)"
	    " AND (EXISTS (SELECT 1 FROM norm_document d WHERE d.agency_id = a.agency_id)"
	    " OR EXISTS (SELECT 1 FROM case_record c WHERE c.agency_id = a.agency_id"
	    " AND c.case_type IN ('norm_doc', 'norm_objection')))"
	    " ORDER BY a.sort_order, a.agency_id",
	    "i", agency_id);
	while (st && fz_stmt_row(st))
		json_array_append_new(rows, json_pack("{s:I, s:s}", "agency_id",
						      (json_int_t)fz_col_int(st, 0), "agency_name",
						      fz_col_text(st, 1)));
	bool failed = !st || fz_stmt_failed(st, err);
	fz_stmt_done(st);
	size_t i;
	json_t *r;
	json_array_foreach (rows, i, r) {
		json_t *v = NULL;
		if (failed ||
		    (rc = values_of(ctx, year, json_integer_value(json_object_get(r, "agency_id")),
				    &v, err))) {
			failed = true;
			break;
		}
		rates(v);
		json_object_set_new(r, "values", v);
	}
	if (failed) {
		json_decref(totals);
		json_decref(rows);
		return err->code;
	}
	json_t *cols = json_array();
	for (size_t k = 0; stat_figures[k]; k++) {
		const struct fz_figure *f = fz_figure_find(stat_figures[k], NULL);
		json_array_append_new(cols, json_pack("{s:s, s:s, s:s, s:o}", "name", f->name,
						      "label", f->label, "unit", f->unit, "drill",
						      fz_figure_drill_json(f, year, agency_id)));
	}
	long req = val(totals, "normative.filing.required");
	char *paragraph = fz_arena_printf(
	    ctx->arena,
	    "%d年，%s制发行政规范性文件%ld件，废止%ld件，年末现行有效%ld件；经合法性审核%ld件。"
	    "应报备%ld件，已报备%ld件，按时报备%ld件（报备率%s，及时率%s），备案审查纠错%ld件。"
	    "清理规范性文件%ld件，其中保留%ld件、修改%ld件、废止%ld件、宣布失效%ld件。"
	    "收到审查建议%ld件，答复%ld件。",
	    year, agency_id ? "本单位" : "全县", val(totals, "normative.documents.issued"),
	    val(totals, "normative.documents.repealed"),
	    val(totals, "normative.documents.in_force"), val(totals, "normative.reviewed"), req,
	    val(totals, "normative.filed"), val(totals, "normative.filed_on_time"),
	    req ? fz_arena_printf(ctx->arena, "%.1f%%",
				  json_real_value(json_object_get(totals, "filing_rate")))
		: "—",
	    req ? fz_arena_printf(ctx->arena, "%.1f%%",
				  json_real_value(json_object_get(totals, "on_time_rate")))
		: "—",
	    val(totals, "normative.filing_corrected"), val(totals, "normative.cleanup.reviewed"),
	    val(totals, "normative.cleanup.kept"), val(totals, "normative.cleanup.amended"),
	    val(totals, "normative.cleanup.repealed"), val(totals, "normative.cleanup.invalid"),
	    val(totals, "normative.objections.received"),
	    val(totals, "normative.objections.replied"));
	*out = json_pack("{s:i, s:I, s:o, s:o, s:o, s:s}", "year", year, "agency_id",
			 (json_int_t)agency_id, "columns", cols, "totals", totals, "agencies", rows,
			 "paragraph", paragraph);
	return FZ_OK;
}

enum fz_code fz_norm_stats_xlsx(struct fz_ctx *ctx, int year, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err)
{
	json_t *j = NULL;
	enum fz_code rc = fz_norm_stats_json(ctx, year, agency_id, &j, err);
	if (rc)
		return rc;
	json_t *cols = json_object_get(j, "columns"), *rows = json_object_get(j, "agencies");
	size_t nc = json_array_size(cols) + 3, nr = json_array_size(rows) + 2;
	const char **cells = fz_arena_alloc(ctx->arena, nc * nr * sizeof *cells);
	cells[0] = "单位";
	size_t i;
	json_t *c, *r;
	json_array_foreach (cols, i, c) {
		cells[1 + i] = fz_arena_printf(ctx->arena, "%s（%s）", fz_json_str(c, "label"),
					       fz_json_str(c, "unit"));
	}
	cells[nc - 2] = "报备率（%）";
	cells[nc - 1] = "及时率（%）";
	for (size_t k = 0; k + 1 < nr; k++) {
		const char **row = cells + (k + 1) * nc;
		json_t *v;
		if (k + 2 < nr) {
			r = json_array_get(rows, k);
			row[0] = fz_json_str(r, "agency_name");
			v = json_object_get(r, "values");
		} else {
			row[0] = agency_id ? "合计（本单位）" : "全县合计";
			v = json_object_get(j, "totals");
		}
		size_t n;
		json_array_foreach (cols, n, c) {
			row[1 + n] =
			    fz_arena_printf(ctx->arena, "%ld", val(v, fz_json_str(c, "name")));
		}
		json_t *fr = json_object_get(v, "filing_rate"),
		       *tr = json_object_get(v, "on_time_rate");
		row[nc - 2] = json_is_real(fr)
				  ? fz_arena_printf(ctx->arena, "%.1f", json_real_value(fr))
				  : "";
		row[nc - 1] = json_is_real(tr)
				  ? fz_arena_printf(ctx->arena, "%.1f", json_real_value(tr))
				  : "";
	}
	struct fz_sheet sheet = {.name = "规范性文件统计",
				 .title =
				     fz_arena_printf(ctx->arena, "%d年行政规范性文件统计", year),
				 .rows = (int)nr,
				 .cols = (int)nc,
				 .cells = cells,
				 .header_rows = 1};
	rc = fz_xlsx_build(&sheet, 1, out, len, err);
	json_decref(j);
	return rc;
}
