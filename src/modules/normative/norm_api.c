/*
 * norm_api.c - the normative documents module's routes as rows (platform/api.h).
 * Each part of the document's life keeps its rows together under its heading.
 */
#include "modules/normative/norm_int.h"

const struct fz_route fz_norm_routes[] = {
	/* ---- drafting plan, drafts, comment, pre-check, deliberation, issue, filing ---- */
	/* ---- documents, versions, validity, public library ---- */
	/* ---- cleanup campaigns and objections ---- */
	{NULL},
};
