/*
 * attachments.h - files on a case, stored once by SHA-256 of their content.
 *
 * Limits come before storage: at most FZ_ATTACH_MAX bytes, and only the types
 * a government file holds (PDF, JPEG, PNG, Word .docx, Excel .xlsx, OFD,
 * plain UTF-8 text), checked by extension AND by the file's first bytes, so a
 * renamed executable is refused. Names are kept for display only; storage is
 * by hash, so no name ever reaches a file system path.
 */
#ifndef FZ_PLATFORM_ATTACHMENTS_H
#define FZ_PLATFORM_ATTACHMENTS_H

#include <jansson.h>

#include "platform/ctx.h"

#define FZ_ATTACH_MAX (10 * 1024 * 1024)

/* Adds a file to a case the user may see; one transaction with its event. Caller owns *out. */
enum fz_code fz_attachment_add(struct fz_ctx *ctx, int64_t case_id, const char *filename,
			       const void *data, size_t len, json_t **out, struct fz_err *err);

/*
 * For a module that checks the file's type itself (a kind this file does not
 * accept everywhere, such as body-camera video): stores a file of that type on
 * case_id inside the caller's transaction, with its event, after the name and
 * size checks above. The caller has decided the user may add it. Caller owns *out.
 */
enum fz_code fz_attachment_store(struct fz_ctx *ctx, int64_t case_id, const char *filename,
				 const char *type, const void *data, size_t len, json_t **out,
				 struct fz_err *err);

/*
 * The public's upload to its own case, found by tracking code: only while the
 * case is open, at most FZ_ATTACH_PUBLIC_MAX files per case.
 */
#define FZ_ATTACH_PUBLIC_MAX 10
enum fz_code fz_attachment_add_public(struct fz_ctx *ctx, const char *tracking_code,
				      const char *filename, const void *data, size_t len,
				      json_t **out, struct fz_err *err);

struct fz_attachment {
	char filename[256];
	char content_type[64];
	const void *data; /* in the arena */
	size_t len;
};

/* Fetches a file if the user may see its case (else FZ_ENOT_FOUND). */
enum fz_code fz_attachment_get(struct fz_ctx *ctx, int64_t attachment_id, struct fz_attachment *out,
			       struct fz_err *err);

/*
 * Fetches a file without asking whether ctx's user may see its case: only for
 * a module that has itself decided the public may see this one file (the
 * photo of a certificate in force). FZ_ENOT_FOUND when there is none.
 */
enum fz_code fz_attachment_get_public(struct fz_ctx *ctx, int64_t attachment_id,
				      struct fz_attachment *out, struct fz_err *err);

/* Content type for an allowed file, or NULL: checks extension and magic bytes. */
const char *fz_attachment_sniff(const char *filename, const void *data, size_t len);

#endif
