/*
 * audit.c - appending to and verifying the event hash chain (audit.h).
 *
 * Canonical encoding: every field in a fixed order as "<byte length>:<bytes>\n",
 * SQL NULL as "-\n", integers in decimal; then SHA-256, as lowercase hex. The
 * length prefix keeps "ab"+"c" and "a"+"bc" apart.
 */
#include "platform/audit.h"

#include <inttypes.h>
#include <jansson.h>
#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "platform/lists.h"

#define HASH_HEX 65

struct fields {
	int64_t event_id, case_id, actor_user_id;
	const char *entity, *action, *actor, *actor_role, *at, *from_state, *to_state, *note,
		*input, *before, *after, *prev_hash;
};

static void put(crypto_hash_sha256_state *h, const char *s)
{
	if (!s) {
		crypto_hash_sha256_update(h, (const unsigned char *)"-\n", 2);
		return;
	}
	char len[24];
	int n = snprintf(len, sizeof len, "%zu:", strlen(s));
	crypto_hash_sha256_update(h, (const unsigned char *)len, (unsigned long long)n);
	crypto_hash_sha256_update(h, (const unsigned char *)s, strlen(s));
	crypto_hash_sha256_update(h, (const unsigned char *)"\n", 1);
}

static void put_int(crypto_hash_sha256_state *h, int64_t v)
{
	char buf[24];
	snprintf(buf, sizeof buf, "%" PRId64, v);
	put(h, buf);
}

static void hash_event(const struct fields *f, char out[HASH_HEX])
{
	crypto_hash_sha256_state h;
	unsigned char digest[crypto_hash_sha256_BYTES];
	crypto_hash_sha256_init(&h);
	put_int(&h, f->event_id);
	put_int(&h, f->case_id);
	put(&h, f->entity);
	put(&h, f->action);
	put_int(&h, f->actor_user_id);
	put(&h, f->actor);
	put(&h, f->actor_role);
	put(&h, f->at);
	put(&h, f->from_state);
	put(&h, f->to_state);
	put(&h, f->note);
	put(&h, f->input);
	put(&h, f->before);
	put(&h, f->after);
	put(&h, f->prev_hash);
	crypto_hash_sha256_final(&h, digest);
	sodium_bin2hex(out, HASH_HEX, digest, sizeof digest);
}

enum fz_code fz_audit_append(struct fz_ctx *ctx, const struct fz_event *ev, int64_t *id,
			     struct fz_err *err)
{
	if (fz_db_depth(ctx->db) == 0)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "审计事件必须与变更在同一事务中写入");
	struct fz_stmt *st = fz_db_query(
		ctx->db, err, "SELECT last_event_id, last_hash FROM audit_head WHERE id = 1", NULL);
	if (!st)
		return err->code;
	if (!fz_stmt_row(st)) {
		fz_stmt_done(st);
		return fz_err_set(err, FZ_EDB, NULL, "审计链头缺失");
	}
	char prev[HASH_HEX];
	int64_t last = fz_col_int(st, 0);
	snprintf(prev, sizeof prev, "%s", fz_col_text(st, 1));
	fz_stmt_done(st);

	char at[21], hash[HASH_HEX];
	fz_iso_utc(ctx->now, at);
	struct fields f = {
		.event_id = last + 1,
		.case_id = ev->case_id,
		.actor_user_id = ctx->user ? ctx->user->user_id : 0,
		.entity = ev->entity,
		.action = ev->action,
		.actor = ctx->user ? ctx->user->display_name : (ctx->client ? "公众" : "系统"),
		.actor_role = ctx->user ? fz_role_name(ctx->user->role)
					: (ctx->client ? "public" : "system"),
		.at = at,
		.from_state = ev->from_state,
		.to_state = ev->to_state,
		.note = ev->note,
		.input = ev->input,
		.before = ev->before,
		.after = ev->after,
		.prev_hash = prev,
	};
	hash_event(&f, hash);
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO event(event_id, case_id, entity, action, actor_user_id, actor,"
			 " actor_role, at, from_state, to_state, note, input, before_json, after_json,"
			 " prev_hash, hash) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)",
			 "iittittttttttttt", f.event_id, f.case_id ? f.case_id : (int64_t)0,
			 f.entity, f.action, f.actor_user_id, f.actor, f.actor_role, f.at,
			 f.from_state, f.to_state, f.note, f.input, f.before, f.after, f.prev_hash,
			 hash);
	if (!st || fz_stmt_exec(st, err))
		return err->code;
	st = fz_db_query(ctx->db, err,
			 "UPDATE audit_head SET last_event_id = ?, last_hash = ? WHERE id = 1", "it",
			 f.event_id, hash);
	if (!st || fz_stmt_exec(st, err))
		return err->code;
	if (id)
		*id = f.event_id;
	return FZ_OK;
}

/* NULL for SQL NULL and for text too long for buf: a cut copy could hide appended bytes. */
static const char *dup_text(struct fz_stmt *st, int col, char *buf, size_t size)
{
	const char *t = fz_col_text(st, col);
	if (!t || strlen(t) >= size)
		return NULL;
	memcpy(buf, t, strlen(t) + 1);
	return buf;
}

/*
 * 全过程记录 (行政处罚法 第47条): a file linked into the chain is hashed again
 * from the store, so a changed or removed file shows even though its event
 * (which carries the hash) is intact.
 */
static enum fz_code verify_files(struct fz_db *db, struct fz_audit_report *rep, struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		db, err,
		"SELECT e.event_id, e.note, e.after_json, c.number FROM event e"
		" LEFT JOIN case_record c ON c.case_id = e.case_id"
		" WHERE e.after_json LIKE '%\"sha256\":\"%' ORDER BY e.event_id",
		NULL);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		json_t *after = json_loads(fz_col_text(st, 2), 0, NULL);
		const char *sha = json_string_value(json_object_get(after, "sha256"));
		if (!sha || strlen(sha) != HASH_HEX - 1) {
			json_decref(after);
			continue;
		}
		struct fz_err e2;
		fz_err_clear(&e2);
		struct fz_stmt *b =
			fz_db_query(db, &e2, "SELECT data FROM blob_store WHERE sha256 = ?", "t", sha);
		const char *fault = NULL;
		char hex[HASH_HEX];
		if (!b) {
			fault = "无法读取";
		} else if (!fz_stmt_row(b)) {
			fault = "已缺失（存储中没有该文件）";
		} else {
			size_t len;
			const void *data = fz_col_blob(b, 0, &len);
			unsigned char digest[crypto_hash_sha256_BYTES];
			crypto_hash_sha256(digest, data, len);
			sodium_bin2hex(hex, sizeof hex, digest, sizeof digest);
			if (strcmp(hex, sha) != 0)
				fault = "已被改动（内容的哈希与记录不符）";
		}
		fz_stmt_done(b);
		rep->files_checked++;
		if (fault && rep->bad_files++ == 0) {
			const char *number = fz_col_text(st, 3), *name = fz_col_text(st, 1);
			snprintf(rep->file_why, sizeof rep->file_why,
				 "案件 %s 的文件“%s”%s；记录于事件 %" PRId64 "，SHA-256 %s",
				 number ? number : "（无）", name ? name : "（未命名）", fault,
				 fz_col_int(st, 0), sha);
		}
		json_decref(after);
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	return failed ? err->code : FZ_OK;
}

enum fz_code fz_audit_verify(struct fz_db *db, struct fz_audit_report *rep, struct fz_err *err)
{
	memset(rep, 0, sizeof *rep);
	char running[HASH_HEX];
	memset(running, '0', HASH_HEX - 1);
	running[HASH_HEX - 1] = '\0';
	int64_t expect_id = 1;
	struct fz_stmt *st = fz_db_query(
		db, err,
		"SELECT event_id, case_id, entity, action, actor_user_id, actor, actor_role, at,"
		" from_state, to_state, note, input, before_json, after_json, prev_hash, hash"
		" FROM event ORDER BY event_id",
		NULL);
	if (!st)
		return err->code;
	while (fz_stmt_row(st)) {
		/* Text columns are copied only where needed: the hash reads them in place. */
		char stored[HASH_HEX], prevbuf[HASH_HEX];
		struct fields f = {
			.event_id = fz_col_int(st, 0),
			.case_id = fz_col_int(st, 1),
			.entity = fz_col_text(st, 2),
			.action = fz_col_text(st, 3),
			.actor_user_id = fz_col_int(st, 4),
			.actor = fz_col_text(st, 5),
			.actor_role = fz_col_text(st, 6),
			.at = fz_col_text(st, 7),
			.from_state = fz_col_text(st, 8),
			.to_state = fz_col_text(st, 9),
			.note = fz_col_text(st, 10),
			.input = fz_col_text(st, 11),
			.before = fz_col_text(st, 12),
			.after = fz_col_text(st, 13),
			.prev_hash = dup_text(st, 14, prevbuf, sizeof prevbuf),
		};
		const char *stored_hash = dup_text(st, 15, stored, sizeof stored);
		if (f.event_id != expect_id) {
			/* The first missing position, as when the newest events are removed. */
			rep->bad_event_id = expect_id;
			snprintf(rep->why, sizeof rep->why, "事件编号不连续：应为 %" PRId64 "，实为 %" PRId64
				 "（有事件被删除或重排）", expect_id, f.event_id);
			break;
		}
		if (!f.prev_hash || strcmp(f.prev_hash, running) != 0) {
			rep->bad_event_id = f.event_id;
			snprintf(rep->why, sizeof rep->why,
				 "事件 %" PRId64 " 记录的前序哈希与前一事件不符（前一事件被改动、删除或重排）",
				 f.event_id);
			break;
		}
		char computed[HASH_HEX];
		hash_event(&f, computed);
		if (!stored_hash || strcmp(computed, stored_hash) != 0) {
			rep->bad_event_id = f.event_id;
			snprintf(rep->why, sizeof rep->why, "事件 %" PRId64 " 的内容与其哈希不符（内容被改动）",
				 f.event_id);
			break;
		}
		memcpy(running, computed, HASH_HEX);
		rep->verified++;
		expect_id++;
	}
	bool failed = fz_stmt_failed(st, err);
	fz_stmt_done(st);
	if (failed)
		return err->code;
	if (!rep->bad_event_id) {
		st = fz_db_query(db, err, "SELECT last_event_id, last_hash FROM audit_head WHERE id = 1",
				 NULL);
		if (!st)
			return err->code;
		if (!fz_stmt_row(st) || fz_col_int(st, 0) != expect_id - 1 ||
		    strcmp(fz_col_text(st, 1), running) != 0) {
			rep->bad_event_id = expect_id;
			snprintf(rep->why, sizeof rep->why,
				 "审计链头与最后一个事件不符：最新的事件被删除或链头被改动（应有事件 %" PRId64 "）",
				 expect_id);
		}
		fz_stmt_done(st);
	}
	if (rep->bad_event_id)
		return fz_err_set(err, FZ_ECONFLICT, NULL, "%s", rep->why);
	enum fz_code rc = verify_files(db, rep, err);
	if (rc)
		return rc;
	if (rep->bad_files)
		return fz_err_set(err, FZ_ECONFLICT, NULL, "%s", rep->file_why);
	return FZ_OK;
}

static json_t *security_row(struct fz_ctx *ctx, struct fz_stmt *st, const void *arg)
{
	(void)ctx;
	(void)arg;
	static const char *const labels[][2] = {
		{"login_throttled", "登录失败次数过多，已限制再试"},
		{"user_create", "新建账号"},
		{"user_passwd", "修改密码"},
		{"user_disable", "停用账号"},
		{"user_enable", "启用账号"},
		{"setting_change", "修改设置"},
	};
	const char *action = fz_col_text(st, 2), *label = action;
	for (size_t i = 0; i < sizeof labels / sizeof labels[0]; i++)
		if (strcmp(labels[i][0], action) == 0)
			label = labels[i][1];
	json_t *detail = NULL;
	if (!fz_col_null(st, 7))
		detail = json_loads(fz_col_text(st, 7), 0, NULL);
	return json_pack("{s:I, s:s, s:s, s:s, s:s, s:s, s:s, s:s?, s:o?}", "event_id",
			 (json_int_t)fz_col_int(st, 0), "entity", fz_col_text(st, 1), "action", action,
			 "action_label", label, "actor", fz_col_text(st, 3), "actor_role",
			 fz_col_text(st, 4), "at", fz_col_text(st, 5), "note", fz_col_text(st, 6),
			 "detail", detail);
}

static const struct fz_list_col security_cols[] = {
	{.key = "event_id", .header = "序号", .kind = FZ_LC_NUMBER, .width = 8},
	{.key = "at", .header = "时间（UTC）", .width = 22},
	{.key = "action_label", .header = "事件", .width = 28},
	{.key = "detail.username", .header = "账号", .width = 16},
	{.key = "detail.client", .header = "地址", .width = 18},
	{.key = "actor", .header = "操作人", .width = 16},
	{.key = "actor_role", .header = "角色"},
	{.key = "note", .header = "说明", .width = 40},
	{.key = NULL},
};

/*
 * Read from the same hash-chained events as everything else, so what is
 * shown is what verifies. Only the administrator's route reads it: no scope.
 */
const struct fz_list fz_audit_security_list = {
	.name = "安全事件",
	.select = "event_id, entity, action, actor, actor_role, at, note, after_json",
	.from = "event",
	.where = "entity IN ('session', 'user', 'setting', 'calendar')",
	.order = "event_id DESC",
	.row = security_row,
	.columns = security_cols,
};
