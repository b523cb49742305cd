/*
 * enf_powers.c - the power list (权责清单): items with their legal basis and
 * version history, search, counts by category, and the Excel layout agencies
 * already keep their lists in, both ways.
 *
 * The layout (one row per item, header row found by its labels, so a title
 * row above it and the column order do not matter):
 *   序号 | 事项编码 | 事项名称 | 事项类别 | 法律法规名称 | 条款 | 依据内容 |
 *   承办机构（责任岗位） | 责任事项 | 追责情形
 * The export writes exactly this layout, so an exported list imports back
 * unchanged. An import is a dry run unless committed; committed, it is all or
 * nothing in one transaction, or, when asked, only the valid rows.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "core/text.h"
#include "modules/enforcement/enf_int.h"
#include "platform/jsonx.h"
#include "platform/search.h"
#include "platform/spreadsheets.h"
#include "platform/xlsx_read.h"

/* The item's text fields, in the layout's order (after 序号). */
enum { F_CODE, F_NAME, F_CATEGORY, F_LAW, F_ARTICLE, F_BASIS, F_POST, F_DUTIES, F_ACCOUNT, NF };

static const struct pfield {
	const char *key, *label, *header;
	int max;
	bool required, multiline;
	const char *aliases[6];
} pf[NF] = {
	{"code", "事项编码", "事项编码", 40, true, false, {"编码", "权力编码", "事项代码", "权责事项编码"}},
	{"name", "事项名称", "事项名称", 200, true, false, {"权力名称", "权责事项名称", "权力事项名称", "事项"}},
	{"category", "事项类别", "事项类别", 20, true, false, {"权力类别", "权力类型", "事项类型", "类别"}},
	{"law_name", "设定依据（法律法规名称）", "法律法规名称", 200, true, false,
	 {"设定依据", "实施依据", "法律依据", "依据名称"}},
	{"article", "条款", "条款", 100, false, false, {"条款号", "依据条款", "条款序号"}},
	{"basis_text", "依据内容", "依据内容", 4000, false, true, {"条款内容", "依据条款内容", "条款原文"}},
	{"post", "承办机构（责任岗位）", "承办机构（责任岗位）", 100, false, false,
	 {"责任岗位", "承办机构", "责任科室", "实施主体（承办机构）"}},
	{"duties", "责任事项", "责任事项", 4000, false, true, {"责任事项内容"}},
	{"accountability", "追责情形", "追责情形", 4000, false, true, {"问责情形", "追责依据", "追责情形及依据"}},
};

/* Code: letters, digits and - _ . / (the forms agencies and provinces use). */
static bool code_ok(const char *s)
{
	for (; *s; s++)
		if (!((*s >= '0' && *s <= '9') || (*s >= 'A' && *s <= 'Z') || (*s >= 'a' && *s <= 'z') ||
		      *s == '-' || *s == '_' || *s == '.' || *s == '/'))
			return false;
	return true;
}

/*
 * Checks one item's values (NULL = absent). On a problem returns false with
 * *bad the field index and msg the Chinese message (without the row).
 */
static bool check_values(const char *const v[NF], int *bad, char *msg, size_t size)
{
	for (int i = 0; i < NF; i++) {
		const char *s = v[i];
		if (!s || fz_text_blank(s)) {
			if (pf[i].required) {
				*bad = i;
				if (i == F_LAW)
					snprintf(msg, size, "缺少设定依据：请填写“法律法规名称”（权责事项须有法律、法规、规章依据）");
				else
					snprintf(msg, size, "请填写“%s”", pf[i].label);
				return false;
			}
			continue;
		}
		if (!fz_utf8_valid(s, strlen(s)) || fz_text_has_controls(s, pf[i].multiline)) {
			*bad = i;
			snprintf(msg, size, "“%s”含有不允许的控制字符", pf[i].label);
			return false;
		}
		if (fz_utf8_chars(s) > (size_t)pf[i].max) {
			*bad = i;
			snprintf(msg, size, "“%s”不能超过 %d 个字", pf[i].label, pf[i].max);
			return false;
		}
	}
	if (!code_ok(v[F_CODE])) {
		*bad = F_CODE;
		snprintf(msg, size, "事项编码“%.40s”只能由字母、数字和 - _ . / 组成", v[F_CODE]);
		return false;
	}
	if (!fz_enf_category_parse(v[F_CATEGORY])) {
		*bad = F_CATEGORY;
		snprintf(msg, size,
			 "事项类别“%.40s”不在范围内，应为：行政许可、行政处罚、行政强制、行政征收、行政给付、行政裁决、行政确认、行政奖励、行政检查、其他",
			 v[F_CATEGORY]);
		return false;
	}
	return true;
}

static void values_from_json(json_t *in, const char *v[NF])
{
	for (int i = 0; i < NF; i++)
		v[i] = fz_json_str(in, pf[i].key);
}

/* Which body holds a code (0 when free). */
static int64_t code_owner(struct fz_ctx *ctx, const char *code, int64_t *item_id)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL,
					 "SELECT body_id, item_id FROM enf_power WHERE code = ?", "t", code);
	int64_t body = 0;
	if (st && fz_stmt_row(st)) {
		body = fz_col_int(st, 0);
		if (item_id)
			*item_id = fz_col_int(st, 1);
	}
	fz_stmt_done(st);
	return body;
}

static const char *body_name(struct fz_ctx *ctx, int64_t body_id)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT name FROM enf_body WHERE body_id = ?",
					 "i", body_id);
	const char *n = st && fz_stmt_row(st) ? fz_arena_strdup(ctx->arena, fz_col_text(st, 0)) : "";
	fz_stmt_done(st);
	return n;
}

/* A body the user may change, not abolished; its agency in *agency. */
static enum fz_code writable_body(struct fz_ctx *ctx, int64_t body_id, int64_t *agency,
				  struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT agency_id, status FROM enf_body WHERE body_id = ?", "i",
					 body_id);
	if (!st)
		return err->code;
	char status[16] = "";
	*agency = 0;
	if (fz_stmt_row(st)) {
		*agency = fz_col_int(st, 0);
		snprintf(status, sizeof status, "%s", fz_col_text(st, 1));
	}
	fz_stmt_done(st);
	if (!*agency || !fz_ctx_may_see(ctx, *agency))
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "执法主体不存在");
	enum fz_code rc = fz_enf_need_edit(ctx, *agency, err);
	if (rc)
		return rc;
	if (strcmp(status, "abolished") == 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "body_id", "该执法主体已撤销，不能再登记权责事项");
	return FZ_OK;
}

static char *item_text(struct fz_ctx *ctx, const char *const v[NF], const char *category,
		       const char *status)
{
	json_t *o = json_object();
	for (int i = 0; i < NF; i++)
		fz_json_set_str(o, pf[i].key, i == F_CATEGORY ? category : v[i]);
	fz_json_set_str(o, "status", status);
	char *s = fz_json_text(ctx->arena, o, NULL);
	json_decref(o);
	return s;
}

/* The item's searched text: its name, and its law, article and basis. Replaces the earlier text. */
static enum fz_code fts_put(struct fz_ctx *ctx, int64_t id, const char *name, const char *law,
			    const char *article, const char *basis, struct fz_err *err)
{
	struct fz_search_field text[] = {
		{"name", name},
		{"basis", fz_arena_printf(ctx->arena, "%s%s\n%s", law, article ? article : "",
					  basis ? basis : "")},
	};
	return fz_search_index(ctx->db, "enf_power", id, text, 2, err);
}

/* Inserts one checked item with its first version, inside the caller's transaction. */
static enum fz_code insert_item(struct fz_ctx *ctx, int64_t body, int64_t agency,
				const char *const v[NF], const char *changed_on, const char *reason,
				int64_t *id, struct fz_err *err)
{
	char now[21];
	fz_iso_utc(ctx->now, now);
	const char *cat = fz_enf_category_parse(v[F_CATEGORY]);
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"INSERT INTO enf_power(body_id, agency_id, code, name, category, law_name, article,"
		" basis_text, post, duties, accountability, updated_on, created_at)"
		" VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?) RETURNING item_id",
		"iitttttt" "ttttt", body, agency, v[F_CODE], v[F_NAME], cat, v[F_LAW], v[F_ARTICLE],
		v[F_BASIS], v[F_POST], v[F_DUTIES], v[F_ACCOUNT], changed_on, now);
	enum fz_code rc = fz_stmt_exec_id(st, id, err);
	if (rc)
		return rc;
	if ((rc = fts_put(ctx, *id, v[F_NAME], v[F_LAW], v[F_ARTICLE], v[F_BASIS], err)))
		return rc;
	return fz_stmt_exec(fz_db_query(ctx->db, err,
				"INSERT INTO enf_power_version(item_id, version, changed_on, reason,"
				" after_json, actor, created_at) VALUES (?, 1, ?, ?, ?, ?, ?)",
				"ittttt", *id, changed_on, reason, item_text(ctx, v, cat, "active"),
				ctx->user ? ctx->user->display_name : "系统", now),
		    err);
}

static const struct fz_input power_inputs[] = {
	{.name = "body_id", .label = "执法主体", .type = FZ_IN_INT, .required = true, .min = 1,
	 .max = INT32_MAX},
	{.name = "changed_on", .label = "生效日期", .type = FZ_IN_DATE},
	{.name = "reason", .label = "新增或变更理由", .type = FZ_IN_TEXT, .max_chars = 500},
	{.name = NULL}};

/* Every item field may appear in a body; the checks are check_values's. */
static const char *const power_keys[] = {"code", "name", "category", "law_name", "article",
					 "basis_text", "post", "duties", "accountability", NULL};

static enum fz_code string_fields(json_t *in, struct fz_err *err)
{
	for (int i = 0; i < NF; i++) {
		json_t *x = json_object_get(in, pf[i].key);
		if (x && !json_is_null(x) && !json_is_string(x))
			return fz_err_set(err, FZ_EBAD_TYPE, pf[i].key, "“%s”应为文本", pf[i].label);
	}
	return FZ_OK;
}

enum fz_code fz_enf_power_create(struct fz_ctx *ctx, json_t *in, json_t **out, struct fz_err *err)
{
	enum fz_code rc = fz_json_check_inputs(ctx, power_inputs, 4, in, power_keys, err);
	if (rc || (rc = string_fields(in, err)))
		return rc;
	int64_t body = json_integer_value(json_object_get(in, "body_id")), agency;
	if ((rc = writable_body(ctx, body, &agency, err)))
		return rc;
	const char *v[NF];
	values_from_json(in, v);
	int bad;
	char msg[512];
	if (!check_values(v, &bad, msg, sizeof msg))
		return fz_err_set(err, bad == F_CATEGORY ? FZ_EBAD_VALUE
				       : (!v[bad] || fz_text_blank(v[bad])) ? FZ_EMISSING_FIELD
									   : FZ_EBAD_VALUE,
				  pf[bad].key, "%s", msg);
	int64_t owner = code_owner(ctx, v[F_CODE], NULL);
	if (owner)
		return fz_err_set(err, FZ_EDUPLICATE, "code", "事项编码“%s”已被“%s”使用", v[F_CODE],
				  body_name(ctx, owner));
	char today[11];
	fz_date_format(ctx->today, today);
	const char *on = fz_json_str(in, "changed_on") ? fz_json_str(in, "changed_on") : today;
	const char *reason = fz_json_str(in, "reason") ? fz_json_str(in, "reason") : "新增权责事项";
	int64_t id;
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	if ((rc = insert_item(ctx, body, agency, v, on, reason, &id, err)) ||
	    (rc = fz_enf_audit(ctx, "enf_power", "power_create", v[F_NAME],
			       fz_json_text(ctx->arena, in, NULL), NULL,
			       fz_arena_printf(ctx->arena, "{\"item_id\":%lld,\"code\":\"%s\"}",
					       (long long)id, v[F_CODE]),
			       err)) ||
	    (rc = fz_db_commit(ctx->db, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	return fz_enf_power_json(ctx, id, false, out, err);
}

#define ITEM_COLS                                                                              \
	"i.item_id, i.body_id, b.name, i.agency_id, a.name, i.code, i.name, i.category,"       \
	" i.law_name, i.article, i.basis_text, i.post, i.duties, i.accountability, i.status,"    \
	" i.version, i.updated_on"
#define ITEM_FROM                                                                              \
	" FROM enf_power i JOIN enf_body b ON b.body_id = i.body_id"                            \
	" JOIN agency a ON a.agency_id = i.agency_id"

static json_t *item_row(struct fz_stmt *st, bool public_only)
{
	json_t *o = json_object();
	json_object_set_new(o, "item_id", json_integer(fz_col_int(st, 0)));
	json_object_set_new(o, "body_id", json_integer(fz_col_int(st, 1)));
	fz_json_set_str(o, "body_name", fz_col_text(st, 2));
	json_object_set_new(o, "agency_id", json_integer(fz_col_int(st, 3)));
	fz_json_set_str(o, "agency_name", fz_col_text(st, 4));
	static const char *const keys[] = {"code", "name", "category", "law_name", "article",
					   "basis_text", "post", "duties", "accountability"};
	for (int i = 0; i < 9; i++)
		fz_json_set_str(o, keys[i], fz_col_text(st, 5 + i));
	fz_json_set_str(o, "category_label", fz_enf_label(fz_enf_categories, fz_col_text(st, 7)));
	fz_json_set_str(o, "updated_on", fz_col_text(st, 16));
	if (!public_only) {
		fz_json_set_str(o, "status", fz_col_text(st, 14));
		fz_json_set_str(o, "status_label",
				strcmp(fz_col_text(st, 14), "active") == 0 ? "有效" : "已取消");
		json_object_set_new(o, "version", json_integer(fz_col_int(st, 15)));
	}
	return o;
}

enum fz_code fz_enf_power_json(struct fz_ctx *ctx, int64_t item_id, bool public_only, json_t **out,
			       struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT " ITEM_COLS ", b.status" ITEM_FROM " WHERE i.item_id = ?",
					 "i", item_id);
	if (!st)
		return err->code;
	json_t *o = NULL;
	if (fz_stmt_row(st)) {
		bool ok = public_only ? strcmp(fz_col_text(st, 17), "published") == 0 &&
						strcmp(fz_col_text(st, 14), "active") == 0
				      : fz_ctx_may_see(ctx, fz_col_int(st, 3));
		if (ok)
			o = item_row(st, public_only);
	}
	fz_stmt_done(st);
	if (!o)
		return fz_err_set(err, FZ_ENOT_FOUND, "id", "权责事项不存在");
	json_t *versions = json_array();
	st = fz_db_query(ctx->db, err,
			 "SELECT version, changed_on, reason, actor, before_json, after_json, created_at"
			 " FROM enf_power_version WHERE item_id = ? ORDER BY version",
			 "i", item_id);
	while (st && fz_stmt_row(st)) {
		json_t *x = json_pack("{s:I, s:s, s:s}", "version", (json_int_t)fz_col_int(st, 0),
				      "changed_on", fz_col_text(st, 1), "reason", fz_col_text(st, 2));
		if (!public_only) {
			fz_json_set_str(x, "actor", fz_col_text(st, 3));
			fz_json_set_str(x, "at", fz_col_text(st, 6));
			json_object_set_new(x, "before", fz_col_text(st, 4) ? json_loads(fz_col_text(st, 4), 0, NULL) : json_null());
			json_object_set_new(x, "after", json_loads(fz_col_text(st, 5), 0, NULL));
		}
		json_array_append_new(versions, x);
	}
	fz_stmt_done(st);
	json_object_set_new(o, "versions", versions);
	*out = o;
	return FZ_OK;
}

static const struct fz_option item_status[] = {
	{"active", "有效"}, {"repealed", "已取消"}, {NULL, NULL}};

enum fz_code fz_enf_power_update(struct fz_ctx *ctx, int64_t item_id, json_t *in, json_t **out,
				 struct fz_err *err)
{
	static const struct fz_input inputs[] = {
		{.name = "version", .label = "版本号", .type = FZ_IN_INT, .required = true, .min = 1,
		 .max = INT32_MAX},
		{.name = "reason", .label = "变更理由（如依据的法律法规修改）", .type = FZ_IN_TEXT,
		 .required = true, .max_chars = 500},
		{.name = "changed_on", .label = "变更生效日期", .type = FZ_IN_DATE, .required = true},
		{.name = "status", .label = "状态", .type = FZ_IN_SELECT,
		 .options = item_status},
		{.name = NULL}};
	static const char *const editable[] = {"name", "category", "law_name", "article",
					       "basis_text", "post", "duties", "accountability", NULL};
	json_t *old;
	enum fz_code rc = fz_enf_power_json(ctx, item_id, false, &old, err);
	if (rc)
		return rc;
	int64_t agency = json_integer_value(json_object_get(old, "agency_id"));
	if ((rc = fz_enf_need_edit(ctx, agency, err)) ||
	    (rc = fz_json_check_inputs(ctx, inputs, 8, in, editable, err)) ||
	    (rc = string_fields(in, err)))
		goto out;
	if (json_integer_value(json_object_get(in, "version")) !=
	    json_integer_value(json_object_get(old, "version"))) {
		rc = fz_err_set(err, FZ_ECONFLICT, "version", "权责事项已被他人修改（当前版本 %lld），请刷新后重试",
				(long long)json_integer_value(json_object_get(old, "version")));
		goto out;
	}
	const char *v[NF];
	for (int i = 0; i < NF; i++) {
		json_t *x = json_object_get(in, pf[i].key);
		v[i] = x ? (json_is_null(x) ? NULL : json_string_value(x)) : fz_json_str(old, pf[i].key);
	}
	int bad;
	char msg[512];
	if (!check_values(v, &bad, msg, sizeof msg)) {
		rc = fz_err_set(err, (!v[bad] || fz_text_blank(v[bad])) && bad != F_CATEGORY
					     ? FZ_EMISSING_FIELD
					     : FZ_EBAD_VALUE,
				pf[bad].key, "%s", msg);
		goto out;
	}
	const char *cat = fz_enf_category_parse(v[F_CATEGORY]);
	const char *status = fz_json_str(in, "status") ? fz_json_str(in, "status")
						       : fz_json_str(old, "status");
	json_object_del(old, "versions");
	char *before = fz_json_text(ctx->arena, old, NULL);
	char *after = item_text(ctx, v, cat, status);
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		goto out;
	int64_t version = json_integer_value(json_object_get(in, "version")) + 1;
	struct fz_stmt *st = fz_db_query(
		ctx->db, err,
		"UPDATE enf_power SET name = ?, category = ?, law_name = ?, article = ?, basis_text = ?,"
		" post = ?, duties = ?, accountability = ?, status = ?, version = ?, updated_on = ?"
		" WHERE item_id = ? AND version = ?",
		"ttttt" "tttt" "iti" "i", v[F_NAME], cat, v[F_LAW], v[F_ARTICLE], v[F_BASIS], v[F_POST],
		v[F_DUTIES], v[F_ACCOUNT], status, version, fz_json_str(in, "changed_on"), item_id,
		version - 1);
	if ((rc = fz_stmt_exec(st, err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ECONFLICT, "version", "权责事项已被他人修改，请刷新后重试");
		goto fail;
	}
	if ((rc = fts_put(ctx, item_id, v[F_NAME], v[F_LAW], v[F_ARTICLE], v[F_BASIS], err)) ||
	    (rc = fz_stmt_exec(fz_db_query(ctx->db, err,
				   "INSERT INTO enf_power_version(item_id, version, changed_on, reason,"
				   " before_json, after_json, actor, created_at) VALUES (?,?,?,?,?,?,?,?)",
				   "iitttttt", item_id, version, fz_json_str(in, "changed_on"),
				   fz_json_str(in, "reason"), before, after,
				   ctx->user ? ctx->user->display_name : "系统", now),
		       err)) ||
	    (rc = fz_enf_audit(ctx, "enf_power", "power_update", fz_json_str(in, "reason"),
			       fz_json_text(ctx->arena, in, NULL), before, after, err)) ||
	    (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	json_decref(old);
	return fz_enf_power_json(ctx, item_id, false, out, err);
fail:
	fz_db_rollback(ctx->db);
out:
	json_decref(old);
	return rc;
}

/* ---- the lists of powers (platform/lists.h) ------------------------------------- */

static json_t *list_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *public_only)
{
	(void)ctx;
	return item_row(st, public_only != NULL);
}

/* A category by its value, its label or the short form agencies write ("处罚"). */
static enum fz_code category_filter(struct fz_list_run *run, const char *v, struct fz_err *err)
{
	const char *cat = fz_enf_category_parse(v);
	if (!cat) {
		const char *all = "";
		for (const struct fz_option *o = fz_enf_categories; o->value; o++)
			all = fz_arena_printf(run->ctx->arena, "%s%s%s（%s）", all, *all ? "、" : "",
					      o->value, o->label);
		return fz_err_set(err, FZ_EBAD_VALUE, "category", "事项类别“%s”不存在，可选 %s", v, all);
	}
	fz_list_where(run, "i.category = ?");
	fz_list_bind_text(run, cat);
	return FZ_OK;
}

static const char *const item_like[] = {"i.name", "i.code", NULL};

#define ITEM_FILTERS                                                                           \
	{.param = "agency_id", .label = "单位编号", .kind = FZ_LF_ID, .sql = "i.agency_id = ?"},    \
	{.param = "body_id", .label = "执法主体编号", .kind = FZ_LF_ID, .sql = "i.body_id = ?"},    \
	{.param = "category", .label = "事项类别", .kind = FZ_LF_CUSTOM, .custom = category_filter}
/* The keyword: full text over name, law and basis, or the exact code (short ones: LIKE). */
#define ITEM_KEYWORD                                                                           \
	{.param = "q", .label = "关键词", .kind = FZ_LF_KEYWORD, .max_chars = 50,                 \
	 .index = "enf_power", .key = "i.item_id", .equal = "i.code", .like = item_like}

static const struct fz_list_filter staff_filters[] = {
	ITEM_FILTERS,
	{.param = "status", .label = "状态", .kind = FZ_LF_OPTION, .sql = "i.status = ?",
	 .options = item_status},
	ITEM_KEYWORD,
	{.param = NULL},
};
/* The portal lists active items of published bodies and reads no status. */
static const struct fz_list_filter public_filters[] = {ITEM_FILTERS, ITEM_KEYWORD, {.param = NULL}};

static const struct fz_list_sort item_sorts[] = {
	{.name = "code", .expr = "i.code"},
	{.name = "name", .expr = "i.name"},
	{.name = "category", .expr = "i.category, i.code", .one_way = true},
	{.name = "-updated_on", .expr = "i.updated_on", .one_way = true},
	{.name = "body", .expr = "i.body_id, i.code", .one_way = true},
	{.name = NULL},
};

static const struct fz_list_col item_cols[] = {
	{.key = "code", .header = "事项编码", .width = 16},
	{.key = "name", .header = "事项名称", .width = 30},
	{.key = "category_label", .header = "事项类别", .width = 12},
	{.key = "body_name", .header = "执法主体", .width = 24},
	{.key = "agency_name", .header = "所属单位", .width = 24},
	{.key = "law_name", .header = "法律依据名称", .width = 30},
	{.key = "article", .header = "条款", .width = 16},
	{.key = "post", .header = "承办岗位", .width = 16},
	{.key = "status_label", .header = "状态", .width = 8},
	{.key = "updated_on", .header = "更新日期", .kind = FZ_LC_DATE, .width = 12},
	{.key = NULL},
};

#define ITEM_LIST                                                                              \
	.select = ITEM_COLS,                                                                   \
	.from = "enf_power i JOIN enf_body b ON b.body_id = i.body_id"                         \
		" JOIN agency a ON a.agency_id = i.agency_id",                                 \
	.sorts = item_sorts, .sort_default = "-updated_on", .tiebreak = "i.item_id",           \
	.row = list_row

const struct fz_list fz_enf_powers_list = {
	.name = "权责事项",
	ITEM_LIST,
	.scope = "i.agency_id",
	.filters = staff_filters,
	.columns = item_cols,
};

const struct fz_list fz_enf_public_powers_list = {
	.name = "权责清单",
	ITEM_LIST,
	.where = "b.status = 'published' AND i.status = 'active'",
	.filters = public_filters,
	.arg = "public",
};

enum fz_code fz_enf_power_counts(struct fz_ctx *ctx, int64_t agency_id, int64_t body_id,
				 bool public_only, json_t **out, struct fz_err *err)
{
	int64_t scope = agency_id;
	if (!public_only && !fz_ctx_sees_all(ctx))
		scope = ctx->user->agency_id;
	struct fz_stmt *st;
	if (body_id) {
		/* One body, asked for by its page: it answers even once abolished (staff only). */
		st = fz_db_query(ctx->db, err, "SELECT agency_id, status FROM enf_body WHERE body_id = ?",
				 "i", body_id);
		if (!st)
			return err->code;
		bool ok = fz_stmt_row(st) &&
			  (public_only ? strcmp(fz_col_text(st, 1), "published") == 0
				       : fz_ctx_may_see(ctx, fz_col_int(st, 0)));
		fz_stmt_done(st);
		if (!ok)
			return fz_err_set(err, FZ_ENOT_FOUND, "body_id", "执法主体不存在");
	}
	st = fz_db_query(
		ctx->db, err,
		"SELECT b.body_id, b.name, a.name, i.category, COUNT(i.item_id) FROM enf_body b"
		" JOIN agency a ON a.agency_id = b.agency_id"
		" LEFT JOIN enf_power i ON i.body_id = b.body_id AND i.status = 'active'"
		" WHERE (?1 = 0 OR b.agency_id = ?1) AND (?3 = 0 OR b.body_id = ?3)"
		" AND (?3 <> 0 OR b.status <> 'abolished') AND (?2 = 0 OR b.status = 'published')"
		" GROUP BY b.body_id, i.category ORDER BY a.sort_order, b.body_id",
		"iIi", scope, public_only ? 1 : 0, body_id);
	if (!st)
		return err->code;
	json_t *bodies = json_array(), *cur = NULL, *totals = json_object();
	int64_t cur_id = 0, total = 0;
	for (const struct fz_option *o = fz_enf_categories; o->value; o++)
		json_object_set_new(totals, o->value, json_integer(0));
	while (fz_stmt_row(st)) {
		if (!cur || fz_col_int(st, 0) != cur_id) {
			cur_id = fz_col_int(st, 0);
			json_t *counts = json_object();
			for (const struct fz_option *o = fz_enf_categories; o->value; o++)
				json_object_set_new(counts, o->value, json_integer(0));
			cur = json_pack("{s:I, s:s, s:s, s:o, s:i}", "body_id", (json_int_t)cur_id,
					"body_name", fz_col_text(st, 1), "agency_name", fz_col_text(st, 2),
					"counts", counts, "total", 0);
			json_array_append_new(bodies, cur);
		}
		const char *cat = fz_col_text(st, 3);
		int64_t n = fz_col_int(st, 4);
		if (!cat || !n)
			continue;
		json_object_set_new(json_object_get(cur, "counts"), cat, json_integer(n));
		json_object_set_new(cur, "total", json_integer(json_integer_value(json_object_get(cur, "total")) + n));
		json_object_set_new(totals, cat, json_integer(json_integer_value(json_object_get(totals, cat)) + n));
		total += n;
	}
	fz_stmt_done(st);
	json_t *cats = json_array();
	for (const struct fz_option *o = fz_enf_categories; o->value; o++)
		json_array_append_new(cats, json_pack("{s:s, s:s}", "value", o->value, "label", o->label));
	*out = json_pack("{s:o, s:o, s:o, s:I}", "categories", cats, "bodies", bodies, "totals", totals,
			 "total", (json_int_t)total);
	return FZ_OK;
}

/* ---- Excel --------------------------------------------------------------------- */

enum fz_code fz_enf_powers_xlsx(struct fz_ctx *ctx, int64_t body_id, int64_t agency_id, char **out,
				size_t *len, struct fz_err *err)
{
	int64_t scope = agency_id;
	if (!fz_ctx_sees_all(ctx))
		scope = ctx->user ? ctx->user->agency_id : -1;
	const char *title = "青山县权责清单";
	if (body_id) {
		struct fz_stmt *st = fz_db_query(ctx->db, err,
						 "SELECT name, agency_id FROM enf_body WHERE body_id = ?",
						 "i", body_id);
		bool ok = st && fz_stmt_row(st) && fz_ctx_may_see(ctx, fz_col_int(st, 1));
		if (ok)
			title = fz_arena_printf(ctx->arena, "%s权责清单", fz_col_text(st, 0));
		fz_stmt_done(st);
		if (!ok)
			return fz_err_set(err, FZ_ENOT_FOUND, "body_id", "执法主体不存在");
	}
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT COUNT(*) FROM enf_power WHERE status = 'active'"
					 " AND (?1 = 0 OR body_id = ?1) AND (?2 = 0 OR agency_id = ?2)",
					 "ii", body_id, scope);
	int64_t n = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (n > 60000)
		return fz_err_set(err, FZ_ETOO_LARGE, "body_id", "一次最多导出 60000 项，请按执法主体导出");
	int cols = NF + 1;
	const char **cells = fz_arena_alloc(ctx->arena, (size_t)(n + 1) * (size_t)cols * sizeof *cells);
	cells[0] = "序号";
	for (int i = 0; i < NF; i++)
		cells[1 + i] = pf[i].header;
	st = fz_db_query(ctx->db, err,
			 "SELECT code, name, category, law_name, article, basis_text, post, duties,"
			 " accountability FROM enf_power WHERE status = 'active'"
			 " AND (?1 = 0 OR body_id = ?1) AND (?2 = 0 OR agency_id = ?2)"
			 " ORDER BY body_id, code",
			 "ii", body_id, scope);
	if (!st)
		return err->code;
	int r = 1;
	while (r <= n && fz_stmt_row(st)) {
		const char **row = cells + (size_t)r * (size_t)cols;
		row[0] = fz_arena_printf(ctx->arena, "%d", r);
		for (int i = 0; i < NF; i++) {
			const char *s = fz_col_text(st, i);
			if (i == F_CATEGORY)
				s = fz_enf_label(fz_enf_categories, s);
			row[1 + i] = s ? fz_arena_strdup(ctx->arena, s) : NULL;
		}
		r++;
	}
	fz_stmt_done(st);
	static const int widths[] = {6, 16, 30, 10, 30, 12, 40, 18, 30, 30};
	struct fz_sheet sheet = {"权责清单", title, r, cols, cells, 1, widths, true};
	return fz_xlsx_build(&sheet, 1, out, len, err);
}

static char *trimmed(const char *s)
{
	/* Leading and trailing ASCII and ideographic spaces, as copied from documents. */
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
	char *t = malloc(n + 1);
	if (t) {
		memcpy(t, s, n);
		t[n] = '\0';
	}
	return t;
}

struct import_row {
	int sheet_row;
	char *v[NF];
	bool ok;
	int64_t existing; /* item id in this body, 0 = new */
	bool same;	  /* existing and nothing in it changes */
};

/*
 * Does the row say exactly what the stored item does (an active item, every
 * field equal)? Read before any write, so a dry run reports what a commit
 * would do: new, changed or unchanged.
 */
static enum fz_code row_same(struct fz_ctx *ctx, const struct import_row *ir, bool *same,
			     struct fz_err *err)
{
	json_t *old;
	enum fz_code rc = fz_enf_power_json(ctx, ir->existing, false, &old, err);
	if (rc)
		return rc;
	const char *const *v = (const char *const *)ir->v;
	const char *cat = fz_enf_category_parse(v[F_CATEGORY]);
	*same = strcmp(fz_json_str(old, "status"), "active") == 0;
	for (int i = 1; i < NF && *same; i++) {
		const char *a = i == F_CATEGORY ? cat : v[i], *b = fz_json_str(old, pf[i].key);
		*same = (!a && !b) || (a && b && strcmp(a, b) == 0);
	}
	json_decref(old);
	return FZ_OK;
}

static void add_error(json_t *errors, int row, int col, int field, const char *msg)
{
	char letter[4] = "";
	if (col >= 0)
		fz_xlsx_col_name(col, letter);
	json_array_append_new(errors, json_pack("{s:i, s:s?, s:s?, s:s?, s:s}", "row", row, "column",
						col >= 0 ? letter : NULL, "field",
						field >= 0 ? pf[field].key : NULL, "label",
						field >= 0 ? pf[field].label : NULL, "message", msg));
}

enum fz_code fz_enf_powers_import(struct fz_ctx *ctx, int64_t body_id, const void *data,
				  size_t len, bool commit, bool valid_only, const char *reason,
				  json_t **out, struct fz_err *err)
{
	*out = NULL;
	int64_t agency;
	enum fz_code rc = writable_body(ctx, body_id, &agency, err);
	if (rc)
		return rc;
	struct fz_xlsx_table *t = NULL;
	if ((rc = fz_xlsx_read(data, len, NULL, &t, err)))
		return rc;
	/* The header row: the first of the first ten rows naming 事项编码. */
	int header = -1, col[NF];
	for (int r = 0; r < t->nrows && r < 10 && header < 0; r++) {
		for (int i = 0; i < NF; i++)
			col[i] = -1;
		for (int c = 0; c < t->rows[r].ncells; c++) {
			char *h = trimmed(fz_xlsx_cell(t, r, c));
			for (int i = 0; h && i < NF; i++) {
				bool hit = strcmp(h, pf[i].header) == 0 || strcmp(h, pf[i].label) == 0;
				for (int k = 0; !hit && k < 6 && pf[i].aliases[k]; k++)
					hit = strcmp(h, pf[i].aliases[k]) == 0;
				if (hit && col[i] < 0)
					col[i] = c;
			}
			free(h);
		}
		if (col[F_CODE] >= 0)
			header = r;
	}
	if (header < 0) {
		fz_xlsx_table_free(t);
		return fz_err_set(err, FZ_EBAD_VALUE, "file",
				  "没有找到表头：前 10 行中应有一行写明“事项编码”“事项名称”“事项类别”“法律法规名称”等列名（可先导出一份作为模板）");
	}
	for (int i = 0; i < NF; i++)
		if (pf[i].required && col[i] < 0) {
			int hr = t->rows[header].number;
			fz_xlsx_table_free(t);
			return fz_err_set(err, FZ_EBAD_VALUE, "file", "第 %d 行表头缺少“%s”列", hr,
					  pf[i].header);
		}
	int n = t->nrows - header - 1;
	if (n > 10000) {
		fz_xlsx_table_free(t);
		return fz_err_set(err, FZ_ETOO_LARGE, "file", "一次最多导入 10000 行，本文件有 %d 行", n);
	}
	if (n <= 0) {
		fz_xlsx_table_free(t);
		return fz_err_set(err, FZ_EBAD_VALUE, "file", "表头下没有数据行");
	}
	struct import_row *rows = calloc((size_t)n, sizeof *rows);
	json_t *errors = json_array();
	if (!rows) {
		fz_xlsx_table_free(t);
		json_decref(errors);
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	}
	int valid = 0, invalid = 0, created = 0, updated = 0, unchanged = 0;
	/* Codes seen in the file, for duplicates: a sorted index built as we go would be
	 * nicer; the file is at most 10,000 rows, so a hash of the code is enough. */
	enum { HSIZE = 32768 };
	int *seen = calloc(HSIZE, sizeof *seen);
	if (!seen) {
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
		goto done;
	}
	for (int k = 0; k < n; k++) {
		struct import_row *ir = &rows[k];
		int r = header + 1 + k;
		ir->sheet_row = t->rows[r].number;
		for (int i = 0; i < NF; i++) {
			ir->v[i] = col[i] >= 0 ? trimmed(fz_xlsx_cell(t, r, col[i])) : NULL;
			if (ir->v[i] && !*ir->v[i]) {
				free(ir->v[i]);
				ir->v[i] = NULL;
			}
		}
		bool any = false;
		for (int i = 0; i < NF; i++)
			any = any || ir->v[i];
		if (!any)
			continue; /* a row with only a 序号 or stray spaces */
		int bad;
		char msg[600];
		ir->ok = true;
		if (!check_values((const char *const *)ir->v, &bad, msg, sizeof msg)) {
			add_error(errors, ir->sheet_row, col[bad], bad, msg);
			ir->ok = false;
		}
		if (ir->ok) {
			/* Duplicates within the file: open addressing on the code's hash. */
			unsigned h = 2166136261u;
			for (const char *p = ir->v[F_CODE]; *p; p++)
				h = (h ^ (unsigned char)*p) * 16777619u;
			for (unsigned j = h % HSIZE;; j = (j + 1) % HSIZE) {
				if (!seen[j]) {
					seen[j] = k + 1;
					break;
				}
				struct import_row *o = &rows[seen[j] - 1];
				if (strcmp(o->v[F_CODE], ir->v[F_CODE]) == 0) {
					snprintf(msg, sizeof msg, "事项编码“%s”与第 %d 行重复", ir->v[F_CODE],
						 o->sheet_row);
					add_error(errors, ir->sheet_row, col[F_CODE], F_CODE, msg);
					ir->ok = false;
					break;
				}
			}
		}
		if (ir->ok) {
			int64_t item = 0, owner = code_owner(ctx, ir->v[F_CODE], &item);
			if (owner && owner != body_id) {
				snprintf(msg, sizeof msg, "事项编码“%s”已被“%s”使用", ir->v[F_CODE],
					 body_name(ctx, owner));
				add_error(errors, ir->sheet_row, col[F_CODE], F_CODE, msg);
				ir->ok = false;
			}
			ir->existing = owner ? item : 0;
		}
		if (ir->ok && ir->existing && (rc = row_same(ctx, ir, &ir->same, err)))
			goto done;
		if (!ir->ok)
			invalid++;
		else if (valid++, !ir->existing)
			created++;
		else if (ir->same)
			unchanged++;
		else
			updated++;
	}
	/* created/updated/unchanged now say what the file would do (a dry run's figures,
	 * adding up to valid); a commit counts again as it writes. */
	bool doit = commit && valid > 0 && (invalid == 0 || valid_only);
	if (doit) {
		char today[11], now[21];
		fz_date_format(ctx->today, today);
		fz_iso_utc(ctx->now, now);
		if ((rc = fz_db_begin(ctx->db, err)))
			goto done;
		created = updated = unchanged = 0;
		for (int k = 0; k < n && !rc; k++) {
			struct import_row *ir = &rows[k];
			if (!ir->ok)
				continue;
			const char *const *v = (const char *const *)ir->v;
			if (!ir->existing) {
				int64_t id;
				rc = insert_item(ctx, body_id, agency, v, today, reason, &id, err);
				created++;
				continue;
			}
			/* An item already in this body: a new version only when something changed. */
			if (ir->same) {
				unchanged++;
				continue;
			}
			json_t *old;
			if ((rc = fz_enf_power_json(ctx, ir->existing, false, &old, err)))
				break;
			json_t *patch = json_object();
			json_object_set_new(patch, "version", json_incref(json_object_get(old, "version")));
			json_object_set_new(patch, "reason", json_string(reason));
			json_object_set_new(patch, "changed_on", json_string(today));
			json_object_set_new(patch, "status", json_string("active"));
			for (int i = 1; i < NF; i++)
				json_object_set_new(patch, pf[i].key, v[i] ? json_string(v[i]) : json_null());
			json_t *res = NULL;
			rc = fz_enf_power_update(ctx, ir->existing, patch, &res, err);
			json_decref(res);
			json_decref(patch);
			json_decref(old);
			updated++;
		}
		char *after = fz_arena_printf(ctx->arena,
					      "{\"body_id\":%lld,\"created\":%d,\"updated\":%d,"
					      "\"unchanged\":%d,\"rejected\":%d}",
					      (long long)body_id, created, updated, unchanged, invalid);
		if (!rc)
			rc = fz_enf_audit(ctx, "enf_power", "power_import", reason, NULL, NULL, after, err);
		if (!rc)
			rc = fz_db_commit(ctx->db, err);
		if (rc) {
			fz_db_rollback(ctx->db);
			created = updated = unchanged = 0;
			goto done;
		}
	}
	json_t *report = json_pack("{s:i, s:i, s:i, s:b, s:i, s:i, s:i, s:o}", "rows", valid + invalid,
				   "valid", valid, "invalid", invalid, "imported", doit, "created",
				   created, "updated", updated, "unchanged", unchanged, "errors",
				   json_incref(errors));
	if (commit && !doit) {
		json_t *first = json_array_get(errors, 0);
		if (first)
			rc = fz_err_set(err, FZ_EBAD_VALUE, "file",
					"共 %d 行有误，未导入任何数据（可选择只导入正确的行）。第 %lld 行%s%s%s：%s",
					invalid, (long long)json_integer_value(json_object_get(first, "row")),
					fz_json_str(first, "label") ? "“" : "",
					fz_json_str(first, "label") ? fz_json_str(first, "label") : "",
					fz_json_str(first, "label") ? "”" : "", fz_json_str(first, "message"));
		else
			rc = fz_err_set(err, FZ_EBAD_VALUE, "file", "没有可导入的数据行");
	}
	*out = report;
done:
	for (int k = 0; k < n; k++)
		for (int i = 0; i < NF; i++)
			free(rows[k].v[i]);
	free(rows);
	free(seen);
	json_decref(errors);
	fz_xlsx_table_free(t);
	return rc;
}
