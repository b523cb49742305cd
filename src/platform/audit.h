/*
 * audit.h - the tamper-evident record: every change is an event chained by hash.
 *
 * Each event's hash is SHA-256 over a canonical encoding of all its fields and
 * the previous event's hash, so altering, removing or reordering any stored
 * event breaks the chain from that point on. The newest event id and hash are
 * also kept in audit_head, so removing the newest events is detected too.
 * fz_audit_append must run inside the caller's transaction, together with the
 * change it records: both are stored or neither (DESIGN.md, rules of the house).
 */
#ifndef FZ_PLATFORM_AUDIT_H
#define FZ_PLATFORM_AUDIT_H

#include <stdint.h>

#include "platform/ctx.h"

struct fz_event {
	int64_t case_id;        /* 0 when the event is not about a case */
	const char *entity;     /* "case", "clock", "user", "calendar", "session" */
	const char *action;     /* transition or operation name */
	const char *from_state; /* NULL when not a state change */
	const char *to_state;
	const char *note;   /* human note (reason), may be NULL */
	const char *input;  /* JSON of the input as given, may be NULL */
	const char *before; /* JSON of the record before, may be NULL */
	const char *after;  /* JSON after, may be NULL */
};

/* Appends one event as ctx->user (or the public / "system"). Returns its id in *id if not NULL. */
enum fz_code fz_audit_append(struct fz_ctx *ctx, const struct fz_event *ev, int64_t *id,
			     struct fz_err *err);

struct fz_audit_report {
	int64_t verified;      /* events whose hash checked out */
	int64_t bad_event_id;  /* first bad event, 0 when intact */
	char why[256];         /* Chinese description of the first fault */
	/*
	 * Files an event links by their SHA-256 (attachments, issued documents):
	 * each is hashed again from the store. Counted when the chain is intact.
	 */
	int64_t files_checked;
	int64_t bad_files;      /* changed or missing */
	char file_why[512];     /* the first: its case number, file name and fault */
};

/*
 * The administrator's security record as a declared list (platform/lists.h),
 * newest first: login throttling, account and settings changes, calendar
 * loads.
 */
struct fz_list;
extern const struct fz_list fz_audit_security_list;

/*
 * Walks the whole chain, then hashes again every file an event links (an
 * "after" JSON with "sha256"). FZ_OK when both are intact; FZ_ECONFLICT with
 * the report filled when not (bad_event_id for the chain, bad_files for files).
 */
enum fz_code fz_audit_verify(struct fz_db *db, struct fz_audit_report *rep, struct fz_err *err);

#endif
