/* settings.c - local rules as settings (settings.h). */
#include "platform/settings.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jansson.h>

#include "core/text.h"
#include "platform/audit.h"
#include "platform/ctx.h"
#include "platform/jsonx.h"

const struct fz_setting_def fz_setting_defs[] = {
	{"clock.yellow_days", "即将到期预警（工作日）", 3, 1, 30, "到期前多少个工作日亮黄牌"},
	{"mailbox.reply_days", "县长信箱答复期限（工作日）", 15, 1, 60, "地方规定，默认 15 个工作日"},
	{"mailbox.assign_days", "县长信箱分办时限（工作日）", 2, 1, 10, "地方规定，默认 2 个工作日"},
	{"session.hours", "登录有效时长（小时）", 12, 1, 72, NULL},
	{"login.delay_seconds", "连续登录失败后的等待时间（秒）", 30, 1, 600, "同一账号在同一地址连续失败 5 次后，每次再试须等待的秒数，此后每失败一次加倍，最长 15 分钟"},
	{"disclosure.fee_days", "信息处理费缴费期限（工作日）", 20, 1, 60, "申请人收到收费通知后缴费的期限，默认 20 个工作日"},
	{"litigation.suggestion_days", "司法建议回复期限（自然日）", 60, 1, 180, "司法建议书未写明期限时适用，默认 60 日"},
	{"enforcement.training_hours", "执法人员年度培训学时目标", 60, 1, 500, "默认值待确认：每人每年不少于 60 学时"},
	{"enforcement.exam_pass_mark", "执法资格考试合格分数线", 60, 1, 100, "地方规定，默认 60 分"},
	{"enforcement.cert_withdraw_days", "执法人员离岗后收回证件期限（工作日）", 10, 1, 60, "地方规定，默认 10 个工作日"},
	{"enforcement.cert_expiry_warning_days", "执法证件到期提醒（自然日）", 90, 1, 365, "有效期届满前多少日列入即将到期"},
	{"enforcement.cert_valid_years", "执法证件有效期（年）", 5, 1, 10, "地方规定，默认 5 年"},
	{"enforcement.body_review_days", "执法主体资格审核期限（工作日）", 20, 1, 60, "地方规定，默认 20 个工作日"},
	{"store.wal_limit_mb", "数据库日志（WAL）上限（MB）", 1024, 1, 65536, "有长时间的读取占用数据库时日志会增长；超过上限即暂停写入，读取结束后自动恢复"},
	{"store.sync_full", "断电保护（0 关 / 1 开）", 0, 0, 1, "开启后每次写入都同步到磁盘，断电也不丢失已确认的写入，写入速度下降；重启服务后生效"},
	{NULL, NULL, 0, 0, 0, NULL},
};

static const struct fz_setting_def *find(const char *key)
{
	for (const struct fz_setting_def *d = fz_setting_defs; d->key; d++)
		if (strcmp(d->key, key) == 0)
			return d;
	return NULL;
}

long fz_setting_int(struct fz_db *db, const char *key, long def)
{
	const struct fz_setting_def *d = find(key);
	if (d)
		def = d->def;
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
	const struct fz_setting_def *d = find(key);
	if (!d)
		return fz_err_set(err, FZ_EBAD_VALUE, "key", "没有名为 %s 的设置项", key);
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
	return st ? fz_stmt_exec(st, err) : err->code;
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
	for (const struct fz_setting_def *d = fz_setting_defs; d->key; d++) {
		json_t *row = json_object_get(stored, d->key);
		int64_t v = d->def;
		if (row && !fz_parse_int(fz_json_str(row, "value"), d->min, d->max, &v))
			v = d->def; /* out of range in the table: the default applies, as fz_setting_int */
		json_array_append_new(
			items, json_pack("{s:s, s:s, s:I, s:i, s:i, s:i, s:s?, s:s?}", "key", d->key, "label",
					 d->label, "value", (json_int_t)v, "default", (int)d->def, "min",
					 (int)d->min, "max", (int)d->max, "note", d->note, "updated_at",
					 row ? fz_json_str(row, "at") : NULL));
	}
	json_decref(stored);
	*out = json_pack("{s:o}", "items", items);
	return FZ_OK;
}

enum fz_code fz_settings_change(struct fz_ctx *ctx, const char *key, long value,
				struct fz_err *err)
{
	const struct fz_setting_def *d = find(key);
	if (!d)
		return fz_err_set(err, FZ_ENOT_FOUND, "key", "没有名为 %s 的设置项", key);
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
