/*
 * review_api.c - the review module's routes as rows (platform/api.h).
 */
#include "modules/review/review_int.h"

const struct fz_route fz_review_routes[] = {
	{NULL},
};
