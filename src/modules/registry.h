/*
 * registry.h - the table of domain modules.
 *
 * A module (one folder under modules/) registers itself with one entry here:
 * its name, its case type, its routes, its migrations, its hooks into the
 * generic case engine, and its demo data. Adding a domain means adding a
 * folder and one line in registry.c; nothing else changes.
 */
#ifndef FZ_MODULES_REGISTRY_H
#define FZ_MODULES_REGISTRY_H

#include <jansson.h>
#include <stddef.h>

#include "core/workflow.h"
#include "http/handler.h"
#include "platform/ctx.h"
#include "store/migrations.h"

struct fz_case_row;

struct fz_module {
	const char *name;
	const char *label;
	const struct fz_case_type *case_type; /* NULL for a module without cases */
	const struct fz_migration *migrations; /* name NULL ends */
	const struct fz_route *routes;          /* method NULL ends */
	/*
	 * The domain's part of a transition, inside the engine's transaction, after
	 * permission, state, version and input checks and before the clocks and the
	 * state are written. May change c->agency_id (reassignment). input has been
	 * validated against the transition's declared inputs.
	 */
	enum fz_code (*apply)(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err);
	/*
	 * Whether to offer a transition the engine allows on this case, where the
	 * domain knows more (a reply is offered for publication only if the writer
	 * agreed). NULL offers every allowed transition. Advisory only: apply()
	 * still enforces the rule.
	 */
	bool (*offers)(struct fz_ctx *ctx, const struct fz_case_row *c,
		       const struct fz_transition *tr);
	/* Adds the domain's fields of a case to obj ("fields" of the detail view). */
	enum fz_code (*fields)(struct fz_ctx *ctx, int64_t case_id, json_t *obj, struct fz_err *err);
	/* The module's yearly report as JSON (`fazhi report <name>`), agency 0 = whole county. */
	enum fz_code (*report)(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
			       struct fz_err *err);
	/*
	 * Its contribution to table 四 of the disclosure annual report: 15 numbers
	 * (复议 / 未经复议直接起诉 / 复议后起诉 × 维持, 纠正, 其他, 尚未审结, 总计),
	 * added to values. A registry-declared report section, so the disclosure
	 * module needs no other module's private header.
	 */
	enum fz_code (*disclosure_table4)(struct fz_ctx *ctx, int year, int64_t agency_id,
					  long values[15], struct fz_err *err);
	/* Creates the module's demo records for the demo county. */
	enum fz_code (*demo)(struct fz_ctx *ctx, struct fz_err *err);
	/* Creates count synthetic records spread over the given agencies (benchmarks). */
	enum fz_code (*generate)(struct fz_ctx *ctx, long count, const int64_t *agencies,
				 size_t nagencies, struct fz_err *err);
};

extern const struct fz_module *const fz_modules[];
extern const size_t fz_modules_count;

const struct fz_module *fz_module_for_type(const char *case_type);

/*
 * Checks every module's case-type declaration (fz_flow_validate) and that
 * case-type names are unique. The server refuses to start on a bad
 * declaration rather than fail at the first case that uses it.
 */
enum fz_code fz_modules_validate(struct fz_err *err);

#endif
