/* accounts.c - users, sessions and login throttling (accounts.h). */
#include "platform/accounts.h"

#include <sodium.h>
#include <stdio.h>
#include <string.h>

#include "core/calendar.h"
#include "core/text.h"
#include "platform/audit.h"
#include "platform/settings.h"

/*
 * Login throttling. Guesses are counted per account *and* address, so a
 * stranger guessing scj.head's password slows down only the stranger's
 * address: the owner, from another address, logs in as usual. After FAIL_FREE
 * failures each further try waits (login.delay_seconds, doubling with every
 * failure, at most DELAY_MAX); a try refused because it came too early is
 * recorded but not counted, so hammering never extends the wait. Failures
 * are forgotten after FAIL_WINDOW or a successful login.
 *
 * One address trying many accounts (a password spray) slows down after
 * FAIL_FREE_CLIENT failures, but only for accounts that have not logged in
 * from that address in the last KNOWN_DAYS: colleagues behind one office NAT
 * keep working while a stranger among them is slowed.
 */
#define FAIL_WINDOW (15 * 60)
#define FAIL_FREE 5
#define FAIL_FREE_CLIENT 20
#define DELAY_MAX (15 * 60)
#define KNOWN_DAYS 30

enum { ATTEMPT_FAILED = 0, ATTEMPT_OK = 1, ATTEMPT_REFUSED = 2 };

enum fz_code fz_password_hash(const char *password, char *out, size_t size, struct fz_err *err)
{
	if (size < crypto_pwhash_STRBYTES)
		return fz_err_set(err, FZ_EINTERNAL, NULL, NULL);
	size_t len = strlen(password);
	if (len < 8 || len > 128)
		return fz_err_set(err, FZ_EBAD_VALUE, "password", "密码长度应为 8 至 128 个字符");
	if (crypto_pwhash_str(out, password, len, crypto_pwhash_OPSLIMIT_INTERACTIVE,
			      crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "密码哈希失败（内存不足）");
	return FZ_OK;
}

static void random_hex(char out[FZ_TOKEN_HEX])
{
	unsigned char raw[32];
	randombytes_buf(raw, sizeof raw);
	sodium_bin2hex(out, FZ_TOKEN_HEX, raw, sizeof raw);
}

static void sha256_hex(const char *s, char out[FZ_TOKEN_HEX])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, (const unsigned char *)s, strlen(s));
	sodium_bin2hex(out, FZ_TOKEN_HEX, d, sizeof d);
}

static enum fz_code check_username(const char *u, struct fz_err *err)
{
	size_t n = strlen(u);
	if (n < 2 || n > 40)
		return fz_err_set(err, FZ_EBAD_VALUE, "username", "用户名长度应为 2 至 40 个字符");
	for (const char *p = u; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') || *p == '.' ||
		      *p == '_' || *p == '-'))
			return fz_err_set(err, FZ_EBAD_VALUE, "username",
					  "用户名只能包含小写字母、数字和 . _ -");
	return FZ_OK;
}

enum fz_code fz_user_create(struct fz_ctx *ctx, const char *username, const char *display_name,
			    enum fz_role role, int64_t agency_id, const char *password_hash,
			    int64_t *user_id, struct fz_err *err)
{
	enum fz_code rc = check_username(username, err);
	if (rc)
		return rc;
	if (!display_name || fz_text_blank(display_name) || fz_utf8_chars(display_name) > 30)
		return fz_err_set(err, FZ_EBAD_VALUE, "display_name", "姓名不能为空且不超过 30 个字");
	if (!role || role == FZ_ROLE_PUBLIC)
		return fz_err_set(err, FZ_EBAD_VALUE, "role", "角色无效");
	char now[21];
	fz_iso_utc(ctx->now, now);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT 1 FROM agency WHERE agency_id = ?",
					 "i", agency_id);
	bool found = st && fz_stmt_row(st);
	fz_stmt_done(st);
	if (!found) {
		rc = fz_err_set(err, FZ_EBAD_VALUE, "agency", "单位 %lld 不存在", (long long)agency_id);
		goto fail;
	}
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO app_user(username, display_name, password_hash, role, agency_id,"
			 " created_at, password_changed_at) VALUES (?,?,?,?,?,?,?) RETURNING user_id",
			 "ttttitt", username, display_name, password_hash, fz_role_name(role),
			 agency_id, now, now);
	int64_t id = 0;
	if (!st || (rc = fz_stmt_exec_id(st, &id, err))) {
		if (err->code == FZ_EDUPLICATE)
			fz_err_set(err, FZ_EDUPLICATE, "username", "用户名 %s 已存在", username);
		rc = err->code;
		goto fail;
	}
	char after[256];
	snprintf(after, sizeof after, "{\"username\":\"%s\",\"role\":\"%s\",\"agency_id\":%lld}",
		 username, fz_role_name(role), (long long)agency_id);
	struct fz_event ev = {.entity = "user", .action = "user_create", .after = after,
			      .note = display_name};
	if ((rc = fz_audit_append(ctx, &ev, NULL, err)))
		goto fail;
	if ((rc = fz_db_commit(ctx->db, err)))
		goto fail;
	if (user_id)
		*user_id = id;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

static enum fz_code user_update(struct fz_ctx *ctx, const char *username, const char *sql,
				const char *fmt_arg, const char *action, struct fz_err *err)
{
	char now[21];
	fz_iso_utc(ctx->now, now);
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "tt", fmt_arg, username);
	if (!st || (rc = fz_stmt_exec(st, err)))
		goto fail;
	if (fz_db_changes(ctx->db) != 1) {
		rc = fz_err_set(err, FZ_ENOT_FOUND, "username", "用户 %s 不存在", username);
		goto fail;
	}
	struct fz_event ev = {.entity = "user", .action = action, .note = username};
	if ((rc = fz_audit_append(ctx, &ev, NULL, err)) || (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	/* A changed password or a disabled account ends every session of that user. */
	st = fz_db_query(ctx->db, NULL,
			 "DELETE FROM user_session WHERE user_id ="
			 " (SELECT user_id FROM app_user WHERE username = ?)",
			 "t", username);
	if (st)
		fz_stmt_exec(st, NULL);
	(void)now;
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_user_set_password(struct fz_ctx *ctx, const char *username, const char *password,
				  struct fz_err *err)
{
	char hash[crypto_pwhash_STRBYTES];
	enum fz_code rc = fz_password_hash(password, hash, sizeof hash, err);
	if (rc)
		return rc;
	return user_update(ctx, username, "UPDATE app_user SET password_hash = ? WHERE username = ?",
			   hash, "user_passwd", err);
}

enum fz_code fz_user_set_disabled(struct fz_ctx *ctx, const char *username, bool disabled,
				  struct fz_err *err)
{
	return user_update(ctx, username,
			   "UPDATE app_user SET disabled = CAST(? AS INTEGER) WHERE username = ?",
			   disabled ? "1" : "0", disabled ? "user_disable" : "user_enable", err);
}

static void record_attempt(struct fz_ctx *ctx, const char *username, int outcome)
{
	char at[21];
	fz_iso_utc(ctx->now, at);
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL, "INSERT INTO login_attempt(username, client, at, ok) VALUES (?,?,?,?)",
		"tttI", username, ctx->client ? ctx->client : "cli", at, outcome);
	if (st)
		fz_stmt_exec(st, NULL);
}

/* Unix seconds of an instant stored as YYYY-MM-DDTHH:MM:SSZ; 0 when malformed. */
static int64_t iso_seconds(const char *s)
{
	int y, mo, d, h, mi, se;
	if (!s || sscanf(s, "%4d-%2d-%2dT%2d:%2d:%2dZ", &y, &mo, &d, &h, &mi, &se) != 6)
		return 0;
	return (int64_t)fz_date_from_ymd(y, mo, d) * 86400 + h * 3600 + mi * 60 + se;
}

/* The wait after the n-th failure: none before `free`, then base, doubling, at most DELAY_MAX. */
static int64_t delay_after(int64_t n, int64_t free, int64_t base)
{
	if (n < free)
		return 0;
	int64_t d = base;
	for (int64_t i = free; i < n && d < DELAY_MAX; i++)
		d *= 2;
	return d < DELAY_MAX ? d : DELAY_MAX;
}

struct throttle {
	int64_t wait;      /* seconds until the next try is checked; 0 = check it now */
	int64_t failures;  /* counted failures of this account from this address */
	bool by_client;    /* the address's spray limit, not the account's */
};

static void throttle_state(struct fz_ctx *ctx, const char *username, struct throttle *t)
{
	const char *client = ctx->client ? ctx->client : "cli";
	int64_t base = fz_setting_int(ctx->db, "login.delay_seconds", 30);
	char since[21], known_since[21];
	fz_iso_utc(ctx->now - FAIL_WINDOW, since);
	fz_iso_utc(ctx->now - KNOWN_DAYS * 86400, known_since);
	memset(t, 0, sizeof *t);
	struct fz_stmt *st = fz_db_query(
		ctx->db, NULL,
		"SELECT COUNT(*), MAX(at),"
		" (SELECT COUNT(*) FROM login_attempt WHERE username = ? AND client = ? AND ok = 1"
		"  AND at > ?)"
		" FROM login_attempt WHERE username = ? AND client = ? AND ok = 0 AND at > ?"
		" AND at > COALESCE((SELECT MAX(at) FROM login_attempt WHERE username = ?"
		"  AND client = ? AND ok = 1), '')",
		"ttt" "ttt" "tt", username, client, known_since, username, client, since, username,
		client);
	bool known = false;
	if (st && fz_stmt_row(st)) {
		t->failures = fz_col_int(st, 0);
		int64_t d = delay_after(t->failures, FAIL_FREE, base);
		if (d)
			t->wait = iso_seconds(fz_col_text(st, 1)) + d - ctx->now;
		known = fz_col_int(st, 2) > 0;
	}
	fz_stmt_done(st);
	if (t->wait > 0 || known)
		return;
	st = fz_db_query(ctx->db, NULL,
			 "SELECT COUNT(*), MAX(at) FROM login_attempt WHERE client = ? AND ok = 0 AND at > ?",
			 "tt", client, since);
	if (st && fz_stmt_row(st)) {
		int64_t d = delay_after(fz_col_int(st, 0), FAIL_FREE_CLIENT, base);
		if (d) {
			t->wait = iso_seconds(fz_col_text(st, 1)) + d - ctx->now;
			t->by_client = t->wait > 0;
		}
	}
	fz_stmt_done(st);
	if (t->wait < 0)
		t->wait = 0;
}

/*
 * A failure that makes the next try wait is a security event the
 * administrator sees (GET /api/security/events): which account, from where,
 * after how many failures, for how long.
 */
static void audit_throttle(struct fz_ctx *ctx, const char *username, const struct throttle *after)
{
	char note[200], json[256];
	const char *client = ctx->client ? ctx->client : "cli";
	snprintf(note, sizeof note, "账号 %s 自 %s 连续登录失败 %lld 次，该地址须等待 %lld 秒后再试", username,
		 client, (long long)after->failures, (long long)after->wait);
	snprintf(json, sizeof json, "{\"username\":\"%s\",\"client\":\"%s\",\"failures\":%lld,\"wait_seconds\":%lld%s}",
		 username, client, (long long)after->failures, (long long)after->wait,
		 after->by_client ? ",\"by_client\":true" : "");
	struct fz_event ev = {.entity = "session", .action = "login_throttled", .note = note,
			      .after = json};
	struct fz_err err;
	if (fz_db_begin(ctx->db, &err) == FZ_OK) {
		if (fz_audit_append(ctx, &ev, NULL, &err) == FZ_OK)
			fz_db_commit(ctx->db, &err);
		else
			fz_db_rollback(ctx->db);
	}
}

static const char user_sql[] =
	"SELECT u.user_id, u.username, u.display_name, u.role, u.agency_id, a.name";

static void fill_user(struct fz_stmt *st, struct fz_user *u)
{
	u->user_id = fz_col_int(st, 0);
	snprintf(u->username, sizeof u->username, "%s", fz_col_text(st, 1));
	snprintf(u->display_name, sizeof u->display_name, "%s", fz_col_text(st, 2));
	u->role = fz_role_parse(fz_col_text(st, 3));
	u->agency_id = fz_col_int(st, 4);
	snprintf(u->agency_name, sizeof u->agency_name, "%s", fz_col_text(st, 5));
}

enum fz_code fz_login(struct fz_ctx *ctx, const char *username, const char *password,
		      char token[FZ_TOKEN_HEX], char csrf[FZ_TOKEN_HEX], struct fz_user *user,
		      int64_t *retry_after, struct fz_err *err)
{
	struct throttle t;
	throttle_state(ctx, username, &t);
	if (t.wait > 0) {
		record_attempt(ctx, username, ATTEMPT_REFUSED);
		if (retry_after)
			*retry_after = t.wait;
		return fz_err_set(err, FZ_ETHROTTLED, "username",
				  "登录失败次数过多，请 %lld 秒后再试", (long long)t.wait);
	}
	static const char *sql = "SELECT u.user_id, u.username, u.display_name, u.role,"
				 " u.agency_id, a.name, u.password_hash, u.disabled"
				 " FROM app_user u JOIN agency a ON a.agency_id = u.agency_id"
				 " WHERE u.username = ?";
	struct fz_stmt *st = fz_db_query(ctx->db, err, sql, "t", username);
	if (!st)
		return err->code;
	char hash[crypto_pwhash_STRBYTES] = "";
	bool found = fz_stmt_row(st);
	bool disabled = false;
	if (found) {
		fill_user(st, user);
		snprintf(hash, sizeof hash, "%s", fz_col_text(st, 6));
		disabled = fz_col_int(st, 7) != 0;
	}
	fz_stmt_done(st);
	/* Always one hash check, so the time taken does not tell whether the account exists. */
	static const char no_account[crypto_pwhash_STRBYTES] =
		"$argon2id$v=19$m=65536,t=2,p=1$HlQpdKstpbHoitw8MGIF/g$"
		"zGDvp3ehohitmuYxj2/TSklK3f0jOy9FeYeaWHKTs+o";
	bool pw_ok = crypto_pwhash_str_verify(found ? hash : no_account, password,
					      strlen(password)) == 0;
	bool ok = found && !disabled && pw_ok;
	record_attempt(ctx, username, ok ? ATTEMPT_OK : ATTEMPT_FAILED);
	if (!ok) {
		struct throttle after;
		throttle_state(ctx, username, &after);
		if (after.wait > 0)
			audit_throttle(ctx, username, &after);
		return fz_err_set(err, FZ_EBAD_CREDENTIALS, "password", NULL);
	}
	(void)user_sql;
	random_hex(token);
	random_hex(csrf);
	char token_hash[FZ_TOKEN_HEX], now[21], exp[21];
	sha256_hex(token, token_hash);
	fz_iso_utc(ctx->now, now);
	fz_iso_utc(ctx->now + fz_setting_int(ctx->db, "session.hours", 12) * 3600, exp);
	st = fz_db_query(ctx->db, err,
			 "INSERT INTO user_session(token_hash, user_id, csrf_token, created_at,"
			 " expires_at) VALUES (?,?,?,?,?)",
			 "titt" "t", token_hash, user->user_id, csrf, now, exp);
	if (!st || fz_stmt_exec(st, err))
		return err->code;
	return FZ_OK;
}

enum fz_code fz_session_lookup(struct fz_db *db, const char *token, int64_t now,
			       struct fz_user *user, char csrf[FZ_TOKEN_HEX], struct fz_err *err)
{
	if (!token || strlen(token) != FZ_TOKEN_HEX - 1)
		return fz_err_set(err, FZ_EUNAUTHENTICATED, NULL, NULL);
	char token_hash[FZ_TOKEN_HEX], nowiso[21];
	sha256_hex(token, token_hash);
	fz_iso_utc(now, nowiso);
	struct fz_stmt *st = fz_db_query(
		db, err,
		"SELECT u.user_id, u.username, u.display_name, u.role, u.agency_id, a.name,"
		" s.csrf_token FROM user_session s JOIN app_user u ON u.user_id = s.user_id"
		" JOIN agency a ON a.agency_id = u.agency_id"
		" WHERE s.token_hash = ? AND s.expires_at > ? AND u.disabled = 0",
		"tt", token_hash, nowiso);
	if (!st)
		return err->code;
	enum fz_code rc = FZ_OK;
	if (fz_stmt_row(st)) {
		fill_user(st, user);
		snprintf(csrf, FZ_TOKEN_HEX, "%s", fz_col_text(st, 6));
	} else {
		rc = fz_err_set(err, FZ_EUNAUTHENTICATED, NULL, "登录已过期，请重新登录");
	}
	fz_stmt_done(st);
	return rc;
}

enum fz_code fz_logout(struct fz_ctx *ctx, const char *token, struct fz_err *err)
{
	char token_hash[FZ_TOKEN_HEX];
	sha256_hex(token ? token : "", token_hash);
	struct fz_stmt *st =
		fz_db_query(ctx->db, err, "DELETE FROM user_session WHERE token_hash = ?", "t",
			    token_hash);
	return fz_stmt_exec(st, err);
}

bool fz_user_load(struct fz_db *db, const char *username, struct fz_user *u)
{
	struct fz_stmt *st = fz_db_query(
		db, NULL,
		"SELECT u.user_id, u.display_name, u.role, u.agency_id, a.name FROM app_user u"
		" JOIN agency a ON a.agency_id = u.agency_id WHERE u.username = ?",
		"t", username);
	bool ok = st && fz_stmt_row(st);
	if (ok) {
		memset(u, 0, sizeof *u);
		u->user_id = fz_col_int(st, 0);
		snprintf(u->username, sizeof u->username, "%s", username);
		snprintf(u->display_name, sizeof u->display_name, "%s", fz_col_text(st, 1));
		u->role = fz_role_parse(fz_col_text(st, 2));
		u->agency_id = fz_col_int(st, 3);
		snprintf(u->agency_name, sizeof u->agency_name, "%s", fz_col_text(st, 4));
	}
	fz_stmt_done(st);
	return ok;
}

/* A wrong current password on the change form, for the administrator's security record. */
static void audit_change_refused(struct fz_ctx *ctx, const char *username)
{
	char note[200];
	snprintf(note, sizeof note, "账号 %s 自 %s 修改密码时当前密码不正确", username,
		 ctx->client ? ctx->client : "cli");
	struct fz_event ev = {.entity = "session", .action = "password_change_refused",
			      .note = note};
	struct fz_err err;
	if (fz_db_begin(ctx->db, &err) == FZ_OK) {
		if (fz_audit_append(ctx, &ev, NULL, &err) == FZ_OK)
			fz_db_commit(ctx->db, &err);
		else
			fz_db_rollback(ctx->db);
	}
}

enum fz_code fz_password_change(struct fz_ctx *ctx, const char *keep_token, const char *current,
				const char *new_password, const char *confirm, struct fz_err *err)
{
	const struct fz_user *u = ctx->user;
	if (!u)
		return fz_err_set(err, FZ_EUNAUTHENTICATED, NULL, NULL);
	if (strcmp(new_password, confirm) != 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "confirm_password", "两次输入的新密码不一致");
	if (strcmp(new_password, current) == 0)
		return fz_err_set(err, FZ_EBAD_VALUE, "new_password", "新密码不能与当前密码相同");
	/* The current password is a login try: throttled and recorded as one. */
	struct throttle t;
	throttle_state(ctx, u->username, &t);
	if (t.wait > 0) {
		record_attempt(ctx, u->username, ATTEMPT_REFUSED);
		return fz_err_set(err, FZ_ETHROTTLED, "current_password",
				  "密码错误次数过多，请 %lld 秒后再试", (long long)t.wait);
	}
	struct fz_stmt *st = fz_db_query(ctx->db, err,
					 "SELECT password_hash FROM app_user WHERE user_id = ?", "i",
					 u->user_id);
	if (!st)
		return err->code;
	char old[crypto_pwhash_STRBYTES] = "";
	if (fz_stmt_row(st))
		snprintf(old, sizeof old, "%s", fz_col_text(st, 0));
	fz_stmt_done(st);
	if (!old[0] || crypto_pwhash_str_verify(old, current, strlen(current)) != 0) {
		record_attempt(ctx, u->username, ATTEMPT_FAILED);
		audit_change_refused(ctx, u->username);
		struct throttle after;
		throttle_state(ctx, u->username, &after);
		if (after.wait > 0)
			audit_throttle(ctx, u->username, &after);
		return fz_err_set(err, FZ_EBAD_VALUE, "current_password", "当前密码不正确");
	}
	/* The rules every password meets (the administrator's accounts too): fz_password_hash. */
	char hash[crypto_pwhash_STRBYTES];
	enum fz_code rc = fz_password_hash(new_password, hash, sizeof hash, err);
	if (rc) {
		if (strcmp(err->field, "password") == 0) {
			char why[sizeof err->message];
			snprintf(why, sizeof why, "%s", err->message);
			fz_err_set(err, rc, "new_password", "新%s", why);
		}
		return rc;
	}
	char now[21], keep[FZ_TOKEN_HEX];
	fz_iso_utc(ctx->now, now);
	sha256_hex(keep_token ? keep_token : "", keep);
	if ((rc = fz_db_begin(ctx->db, err)))
		return rc;
	st = fz_db_query(ctx->db, err,
			 "UPDATE app_user SET password_hash = ?, password_changed_at = ?"
			 " WHERE user_id = ?",
			 "tti", hash, now, u->user_id);
	if (!st || (rc = fz_stmt_exec(st, err)))
		goto fail;
	/* Whoever else holds a session of this account (a stolen cookie) is signed out. */
	st = fz_db_query(ctx->db, err, "DELETE FROM user_session WHERE user_id = ? AND token_hash <> ?",
			 "it", u->user_id, keep);
	if (!st || (rc = fz_stmt_exec(st, err)))
		goto fail;
	int64_t ended = fz_db_changes(ctx->db);
	char note[200];
	snprintf(note, sizeof note, "%s 修改了本人密码，结束其他登录会话 %lld 个", u->username,
		 (long long)ended);
	struct fz_event ev = {.entity = "user", .action = "user_passwd_self", .note = note};
	if ((rc = fz_audit_append(ctx, &ev, NULL, err)) || (rc = fz_db_commit(ctx->db, err)))
		goto fail;
	record_attempt(ctx, u->username, ATTEMPT_OK);
	return FZ_OK;
fail:
	fz_db_rollback(ctx->db);
	return rc;
}

int64_t fz_county_office(struct fz_db *db)
{
	struct fz_stmt *st = fz_db_query(
	    db, NULL,
	    "SELECT agency_id FROM agency WHERE kind IN ('county', 'legal_office') AND active = 1"
	    " ORDER BY CASE kind WHEN 'county' THEN 0 ELSE 1 END, agency_id LIMIT 1",
	    NULL);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

enum fz_code fz_user_ensure(struct fz_ctx *ctx, const char *name, const char *display,
			    enum fz_role role, int64_t agency, const char *hash, struct fz_user *u,
			    struct fz_err *err)
{
	memset(u, 0, sizeof *u);
	u->role = role;
	u->agency_id = agency;
	snprintf(u->username, sizeof u->username, "%s", name);
	snprintf(u->display_name, sizeof u->display_name, "%s", display);
	/* Looked up first, not created and caught: a failed insert would spoil the transaction. */
	struct fz_stmt *st =
	    fz_db_query(ctx->db, err, "SELECT user_id FROM app_user WHERE username = ?", "t", name);
	if (!st)
		return err->code;
	if (fz_stmt_row(st))
		u->user_id = fz_col_int(st, 0);
	fz_stmt_done(st);
	if (u->user_id)
		return FZ_OK;
	return fz_user_create(ctx, name, display, role, agency, hash, &u->user_id, err);
}
