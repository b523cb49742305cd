/*
 * settings.c - local rules as settings (settings.h): the core's keys, the
 * lookup over the core's and the installed modules' declarations, and the
 * stored values. Not for: a module's keys (its own folder declares them).
 */
#include "platform/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/text.h"
#include "platform/audit.h"
#include "platform/ctx.h"
#include "platform/jsonx.h"
#include "platform/module.h"

const struct fz_setting_def fz_core_settings[] = {
	{"clock.yellow_days", "即将到期预警（工作日）", 3, 1, 30, "到期前多少个工作日亮黄牌；每个时限的预警期不超过其期限的一半（向下取整），"
	 "如 2 个工作日的分办时限只提前 1 个工作日亮黄牌，新收的来信不会一到即是黄牌"},
	{"receipt.rest_day_rule", "休息日收到的申请、来信自何日起算（0 收到当日 / 1 下一工作日）", 0, 0, 1,
	 "《政府信息公开条例》第三十一条等以收到之日为起算日，当日不计入。0：休息日收到的，也以收到当日起算；"
	 "1：休息日收到的，视为下一工作日收到，自该日起算（不少地方规定如此）。适用于政府信息公开申请、行政复议申请和县长信箱来信"},
	{"session.hours", "登录有效时长（小时）", 12, 1, 72, "登录后多少小时内无需再次登录；到时自动退出，须重新输入密码"},
	{"login.delay_seconds", "连续登录失败后的等待时间（秒）", 30, 1, 600, "同一账号在同一地址连续失败 5 次后，每次再试须等待的秒数，此后每失败一次加倍，最长 15 分钟"},
	{"store.wal_limit_mb", "数据库日志（WAL）上限（MB）", 1024, 1, 65536, "有长时间的读取占用数据库时日志会增长；超过上限即暂停写入，读取结束后自动恢复"},
	{"store.sync_full", "断电保护（0 关 / 1 开）", 0, 0, 1, "开启后每次写入都同步到磁盘，断电也不丢失已确认的写入，写入速度下降；重启服务后生效"},
	/* The card's QR code must lead to the county's portal, not to whatever address a clerk's browser used. */
	{"county.public_url", "门户网站公开地址", 0, 0, 0,
	 "公众访问本平台门户网站的地址，如 https://fazhi.qingshan.gov.cn；执法证件卡的二维码和网址指向此地址的证件查询页。"
	 "只填 http:// 或 https:// 开头的地址（可带端口和路径），不带“?”“#”之后的内容。未设置时，证件卡提示由管理员设置，并暂用打印时浏览器所用的地址",
	 FZ_SETTING_URL},
	{NULL, NULL, 0, 0, 0, NULL},
};

/*
 * The declaring tables in listing order, the core's first, then each installed
 * module's in table order (a module without settings has none); returns how many.
 */
static size_t tables(const struct fz_setting_def *out[FZ_MAX_MODULES + 1])
{
	size_t n = 0, nm = fz_platform_module_count();
	out[n++] = fz_core_settings;
	for (size_t i = 0; i < nm; i++)
		if (fz_platform_module(i)->settings)
			out[n++] = fz_platform_module(i)->settings;
	return n;
}

const struct fz_setting_def *fz_setting_find(const char *key)
{
	const struct fz_setting_def *t[FZ_MAX_MODULES + 1];
	size_t n = tables(t);
	for (size_t i = 0; key && i < n; i++)
		for (const struct fz_setting_def *d = t[i]; d->key; d++)
			if (strcmp(d->key, key) == 0)
				return d;
	return NULL;
}

enum fz_code fz_settings_validate(struct fz_err *err)
{
	const struct fz_setting_def *t[FZ_MAX_MODULES + 1];
	size_t n = tables(t);
	for (size_t i = 0; i < n; i++)
		for (const struct fz_setting_def *d = t[i]; d->key; d++) {
			if (fz_setting_find(d->key) != d)
				return fz_err_set(err, FZ_EINTERNAL, d->key, "设置项 %s 重复声明", d->key);
			if (d->kind == FZ_SETTING_URL)
				continue;
			if (d->min > d->max || d->def < d->min || d->def > d->max)
				return fz_err_set(err, FZ_EINTERNAL, d->key,
						  "设置项 %s 的默认值 %ld 不在 %ld 至 %ld 之间", d->key,
						  d->def, d->min, d->max);
		}
	return FZ_OK;
}

long fz_setting_int(struct fz_db *db, const char *key, long def)
{
	const struct fz_setting_def *d = fz_setting_find(key);
	if (d)
		def = d->def;
	if (d && d->kind != FZ_SETTING_INT)
		return def;
	struct fz_stmt *st = fz_db_query(db, NULL, "SELECT value FROM setting WHERE key = ?", "t", key);
	if (!st)
		return def;
	int64_t v;
	if (fz_stmt_row(st) && fz_parse_int(fz_col_text(st, 0), d ? d->min : INT32_MIN,
					    d ? d->max : INT32_MAX, &v))
		def = (long)v;
	fz_stmt_done(st);
	return def;
}

enum fz_code fz_setting_set(struct fz_db *db, const char *key, long value, const char *now,
			    struct fz_err *err)
{
	const struct fz_setting_def *d = fz_setting_find(key);
	if (!d)
		return fz_err_set(err, FZ_EBAD_VALUE, "key", "没有名为 %s 的设置项", key);
	if (d->kind != FZ_SETTING_INT)
		return fz_err_set(err, FZ_EBAD_TYPE, "value", "“%s”应为网址（文本）", d->label);
	if (value < d->min || value > d->max)
		return fz_err_set(err, FZ_EBAD_VALUE, "value", "“%s”应在 %ld 至 %ld 之间", d->label,
				  d->min, d->max);
	char buf[32];
	snprintf(buf, sizeof buf, "%ld", value);
	struct fz_stmt *st = fz_db_query(
		db, err,
		"INSERT INTO setting(key, value, updated_at) VALUES (?, ?, ?)"
		" ON CONFLICT (key) DO UPDATE SET value = excluded.value, updated_at = excluded.updated_at",
		"ttt", key, buf, now);
	return fz_stmt_exec(st, err);
}

/* One row per setting of table t: its stored value (stored: key -> {value, at}) or default. */
static void append_items(json_t *items, const struct fz_setting_def *t, json_t *stored)
{
	for (const struct fz_setting_def *d = t; d->key; d++) {
		json_t *row = json_object_get(stored, d->key);
		if (d->kind == FZ_SETTING_URL) {
			json_array_append_new(
				items, json_pack("{s:s, s:s, s:s, s:s, s:s, s:n, s:n, s:s?, s:s?}", "key",
						 d->key, "label", d->label, "kind", "url", "value",
						 row ? fz_json_str(row, "value") : "", "default", "",
						 "min", "max", "note", d->note, "updated_at",
						 row ? fz_json_str(row, "at") : NULL));
			continue;
		}
		int64_t v = d->def;
		if (row && !fz_parse_int(fz_json_str(row, "value"), d->min, d->max, &v))
			v = d->def; /* out of range in the table: the default applies, as fz_setting_int */
		json_array_append_new(
			items, json_pack("{s:s, s:s, s:s, s:I, s:i, s:i, s:i, s:s?, s:s?}", "key", d->key, "label",
					 d->label, "kind", "int", "value", (json_int_t)v, "default", (int)d->def, "min",
					 (int)d->min, "max", (int)d->max, "note", d->note, "updated_at",
					 row ? fz_json_str(row, "at") : NULL));
	}
}

enum fz_code fz_settings_json(struct fz_ctx *ctx, json_t **out, struct fz_err *err)
{
	/* The stored values, read once; a key never set shows its default. */
	json_t *stored = json_object();
	struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT key, value, updated_at FROM setting", NULL);
	if (!st) {
		json_decref(stored);
		return err->code;
	}
	while (fz_stmt_row(st))
		json_object_set_new(stored, fz_col_text(st, 0),
				    json_pack("{s:s, s:s}", "value", fz_col_text(st, 1), "at",
					      fz_col_text(st, 2)));
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed) {
		json_decref(stored);
		return err->code;
	}
	json_t *items = json_array();
	const struct fz_setting_def *t[FZ_MAX_MODULES + 1];
	size_t nt = tables(t);
	for (size_t i = 0; i < nt; i++)
		append_items(items, t[i], stored);
	json_decref(stored);
	*out = json_pack("{s:o}", "items", items);
	return FZ_OK;
}


enum fz_code fz_settings_change(struct fz_ctx *ctx, const char *key, long value,
				struct fz_err *err)
{
	const struct fz_setting_def *d = fz_setting_find(key);
	if (!d)
		return fz_err_set(err, FZ_ENOT_FOUND, "key", "没有名为 %s 的设置项", key);
	if (d->kind != FZ_SETTING_INT)
		return fz_err_set(err, FZ_EBAD_TYPE, "value", "“%s”应为网址（文本）", d->label);
	char now[21];
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	long before = fz_setting_int(ctx->db, key, d->def);
	char *b = fz_arena_printf(ctx->arena, "{\"%s\":%ld}", key, before);
	char *a = fz_arena_printf(ctx->arena, "{\"%s\":%ld}", key, value);
	char *note = fz_arena_printf(ctx->arena, "“%s”由 %ld 改为 %ld", d->label, before, value);
	struct fz_event ev = {.entity = "setting", .action = "setting_change", .note = note,
			      .input = a, .before = b, .after = a};
	if ((rc = fz_setting_set(ctx->db, key, value, now, err)) ||
	    (rc = fz_audit_append(ctx, &ev, NULL, err)) || (rc = fz_db_commit(ctx->db, err))) {
		fz_db_rollback(ctx->db);
		return rc;
	}
	ctx->yellow_days = 0; /* re-read on next use */
	return FZ_OK;
}

const char *fz_setting_text(struct fz_ctx *ctx, const char *key)
{
	struct fz_stmt *st = fz_db_query(ctx->db, NULL, "SELECT value FROM setting WHERE key = ?", "t", key);
	const char *v = "";
	if (st && fz_stmt_row(st))
		v = fz_arena_strdup(ctx->arena, fz_col_text(st, 0) ? fz_col_text(st, 0) : "");
	if (st)
		fz_stmt_done(st);
	return v;
}

static bool host_char(char c)
{
	return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
	       c == '.';
}

/* A path character a portal's address needs (RFC 3986 unreserved, '/' and '%'). */
static bool path_char(char c)
{
	return host_char(c) || c == '_' || c == '~' || c == '/' || c == '%';
}

const char *fz_setting_url_check(struct fz_ctx *ctx, const struct fz_setting_def *d,
				 const char *value, struct fz_err *err)
{
	const char *p = value;
	if (strncmp(p, "https://", 8) == 0)
		p += 8;
	else if (strncmp(p, "http://", 7) == 0)
		p += 7;
	else
		goto bad;
	const char *host = p;
	if (*p == '[') { /* an IPv6 literal */
		const char *close = strchr(p, ']');
		if (!close || close == p + 1)
			goto bad;
		for (const char *q = p + 1; q < close; q++)
			if (!((*q >= '0' && *q <= '9') || (*q >= 'a' && *q <= 'f') ||
			      (*q >= 'A' && *q <= 'F') || *q == ':'))
				goto bad;
		p = close + 1;
	} else {
		while (host_char(*p))
			p++;
		if (p == host || *host == '.' || *host == '-' || p[-1] == '-')
			goto bad;
	}
	if (*p == ':') {
		const char *port = ++p;
		while (*p >= '0' && *p <= '9')
			p++;
		int64_t n;
		if (p == port || p - port > 5 ||
		    !fz_parse_int(fz_arena_strndup(ctx->arena, port, (size_t)(p - port)), 1, 65535, &n))
			goto bad;
	}
	if (*p && *p != '/')
		goto bad;
	for (const char *q = p; *q; q++)
		if (!path_char(*q))
			goto bad;
	size_t n = strlen(value);
	while (n > (size_t)(p - value) && value[n - 1] == '/')
		n--;
	return fz_arena_strndup(ctx->arena, value, n);
bad:
	fz_err_set(err, FZ_EBAD_VALUE, "value",
		   "“%s”应为 http:// 或 https:// 开头的网址，如 https://fazhi.example.gov.cn，"
		   "只含域名、端口和路径，不含空格、“?”“#”或用户名",
		   d->label);
	return NULL;
}

enum fz_code fz_settings_change_text(struct fz_ctx *ctx, const char *key, const char *value,
				     struct fz_err *err)
{
	const struct fz_setting_def *d = fz_setting_find(key);
	if (!d)
		return fz_err_set(err, FZ_ENOT_FOUND, "key", "没有名为 %s 的设置项", key);
	if (d->kind != FZ_SETTING_URL)
		return fz_err_set(err, FZ_EBAD_TYPE, "value", "“%s”应为整数", d->label);
	if (strlen(value) > 300)
		return fz_err_set(err, FZ_EBAD_VALUE, "value", "“%s”不能超过 300 个字符", d->label);
	const char *v = *value ? fz_setting_url_check(ctx, d, value, err) : "";
	if (!v)
		return err->code;
	char now[21];
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	const char *before = fz_setting_text(ctx, key);
	json_t *b = json_pack("{s:s}", key, before), *a = json_pack("{s:s}", key, v);
	char *bs = json_dumps(b, JSON_COMPACT), *as = json_dumps(a, JSON_COMPACT);
	json_decref(b);
	json_decref(a);
	char *note = fz_arena_printf(ctx->arena, "“%s”由“%s”改为“%s”", d->label,
				     *before ? before : "（未设置）", *v ? v : "（未设置）");
	struct fz_event ev = {.entity = "setting", .action = "setting_change", .note = note,
			      .input = as, .before = bs, .after = as};
	struct fz_stmt *st = NULL;
	if (!bs || !as)
		rc = fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	else if (!(st = fz_db_query(ctx->db, err,
				    "INSERT INTO setting(key, value, updated_at) VALUES (?, ?, ?)"
				    " ON CONFLICT (key) DO UPDATE SET value = excluded.value,"
				    " updated_at = excluded.updated_at",
				    "ttt", key, v, now)))
		rc = err->code;
	if (!rc)
		rc = fz_stmt_exec(st, err);
	if (!rc)
		rc = fz_audit_append(ctx, &ev, NULL, err);
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	if (rc)
		fz_db_rollback(ctx->db);
	free(bs);
	free(as);
	return rc;
}
