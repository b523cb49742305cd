/*
 * accounts.h - users, passwords, sessions, login throttling.
 *
 * Passwords are hashed with argon2id (libsodium crypto_pwhash_str). Session
 * tokens are 32 random bytes given to the browser once, in an HttpOnly
 * SameSite=Strict cookie; only their SHA-256 is stored, so a copy of the
 * database does not let anyone log in. Each session has its own CSRF token,
 * which the browser sends back in X-CSRF-Token on every state change.
 * Failed logins are recorded and slow further tries down per account and
 * address (see accounts.c); a wait is never extended by tries made during it,
 * and its start is an audit event.
 */
#ifndef FZ_PLATFORM_ACCOUNTS_H
#define FZ_PLATFORM_ACCOUNTS_H

#include "platform/ctx.h"

#define FZ_TOKEN_HEX 65 /* 32 bytes as hex + NUL */

/* argon2id hash of password into out (crypto_pwhash_STRBYTES). */
enum fz_code fz_password_hash(const char *password, char *out, size_t size, struct fz_err *err);

/* Creates a user (inside its own transaction, with an audit event). */
enum fz_code fz_user_create(struct fz_ctx *ctx, const char *username, const char *display_name,
			    enum fz_role role, int64_t agency_id, const char *password_hash,
			    int64_t *user_id, struct fz_err *err);
enum fz_code fz_user_set_password(struct fz_ctx *ctx, const char *username, const char *password,
				  struct fz_err *err);
enum fz_code fz_user_set_disabled(struct fz_ctx *ctx, const char *username, bool disabled,
				  struct fz_err *err);
/*
 * Fills *u with the user called username (id, names, role, agency) and returns
 * true; false when there is none, leaving *u as it was. For acting as a known
 * user outside a request (demo data); a request's user comes from its session.
 */
bool fz_user_load(struct fz_db *db, const char *username, struct fz_user *u);
/*
 * The account called name, created with the given role, agency and password hash if there is
 * none (a generator run twice on one database finds its users); *u is filled either way.
 */
enum fz_code fz_user_ensure(struct fz_ctx *ctx, const char *name, const char *display,
			    enum fz_role role, int64_t agency, const char *hash, struct fz_user *u,
			    struct fz_err *err);
/*
 * The county government's office (the active agency of kind county), failing that the legal
 * office: the body that receives what the public addresses to "the county" (the mailbox, 网上信访,
 * the people's congress and CPPCC items). 0 when neither exists.
 */
int64_t fz_county_office(struct fz_db *db);

/*
 * Checks the password and opens a session. On success token and csrf receive
 * fresh hex strings and user is filled. Records the attempt either way. When
 * the try is refused as too early (FZ_ETHROTTLED), *retry_after (if not NULL)
 * receives the seconds to wait.
 */
enum fz_code fz_login(struct fz_ctx *ctx, const char *username, const char *password,
		      char token[FZ_TOKEN_HEX], char csrf[FZ_TOKEN_HEX], struct fz_user *user,
		      int64_t *retry_after, struct fz_err *err);
/* Finds the live session for a cookie token. FZ_EUNAUTHENTICATED when none. */
enum fz_code fz_session_lookup(struct fz_db *db, const char *token, int64_t now,
			       struct fz_user *user, char csrf[FZ_TOKEN_HEX], struct fz_err *err);
enum fz_code fz_logout(struct fz_ctx *ctx, const char *token, struct fz_err *err);

/*
 * The signed-in user (ctx->user) changes their own password: the current one
 * must be right (a wrong one is a failed login try of that account from that
 * address, counts toward the login throttle, and is a security event), the
 * new one is given twice and meets the rules of fz_password_hash. On success
 * the hash, the audit event and the end of the user's other sessions are one
 * transaction; the session whose token is keep_token stays. Fields named in
 * errors: current_password, new_password, confirm_password.
 */
enum fz_code fz_password_change(struct fz_ctx *ctx, const char *keep_token, const char *current,
				const char *new_password, const char *confirm, struct fz_err *err);

#endif
