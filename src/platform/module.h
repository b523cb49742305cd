/*
 * module.h - what a domain module is, and the table of modules the engine runs with.
 *
 * Platform owns the module type; the table itself (modules/registry.c) sits
 * above it and is handed in once at start-up by main (fz_platform_set_modules),
 * so core, store and platform build and test without any module. The case
 * engine, supervision, the server and the subcommands then read the table only
 * through the accessors below.
 *
 * A module's routes are declared rows (platform/api.h): who may call them,
 * the record they name, the body they take. They carry no HTTP type, so
 * platform can own them; http/ serves them.
 *
 * Not for: registering modules (one line in modules/registry.c), or anything
 * a single module needs privately.
 */
#ifndef FZ_PLATFORM_MODULE_H
#define FZ_PLATFORM_MODULE_H

#include <jansson.h>
#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#include "core/workflow.h"
#include "platform/api.h"
#include "platform/ctx.h"
#include "platform/figures.h"
#include "store/migrations.h"

struct fz_case_row;
struct fz_job;         /* platform/jobs.h */
struct fz_setting_def; /* platform/settings.h */
struct fz_demo; /* platform/demo_loader.h */
struct fz_review_kind; /* platform/legality.h */

/* Limits on the table, so start-up needs no allocation (16 or so modules are planned). */
#define FZ_MAX_MODULES 64
#define FZ_MAX_CASE_KINDS 128

/*
 * One case kind (one procedure) a module runs: its declared workflow and the
 * domain hooks the case engine calls for cases of that kind. A module with
 * several procedures (reconsideration: applications and lawsuits) declares one
 * kind for each; each kind's hooks see only cases of its own type.
 */
struct fz_case_kind {
	const struct fz_case_type *type; /* NULL ends a module's list */
	/*
	 * The domain's part of a transition (its own table, its documents), inside
	 * the engine's transaction, after permission, state, version, input checks
	 * and the transition's declared guards, and before the clocks and the state
	 * are written. May change c->agency_id (reassignment). input has been
	 * validated against the transition's declared inputs. NULL: no domain work.
	 * A rule on whether the step may be taken at all is a guard on the row
	 * (core/workflow.h), not code here, so the engine also stops offering it.
	 */
	enum fz_code (*apply)(struct fz_ctx *ctx, struct fz_case_row *c,
			      const struct fz_transition *tr, json_t *input, struct fz_err *err);
	/*
	 * Adds the domain's fields of a case to obj ("fields" of the detail view).
	 * Field guards (struct fz_field_guard) read the fields it adds.
	 */
	enum fz_code (*fields)(struct fz_ctx *ctx, int64_t case_id, json_t *obj,
			       struct fz_err *err);
	/*
	 * The further agencies a case of this kind is shared with besides its own:
	 * SQL (no parameters) whose rows are (case_id, agency_id), the columns so
	 * named, such as the respondent of a reconsideration case. Their staff read
	 * the case, take the steps their roles allow and upload to it, and the
	 * kind's `party` clocks (core/workflow.h) are charged to them. The record
	 * check, the lists' scope and supervision all read this one rule. NULL: none.
	 */
	const char *shares;
	/*
	 * The system transition (core/workflow.h `system`) that takes a case of
	 * this kind out of its own procedure when another kind's case is made from
	 * it (a 县长信箱 letter turned into a petition, docs/petition.md): its
	 * clocks stop and it ends in a final state, so it leaves the kind's open
	 * work, lists and supervision; its inputs are `to_number` (the new case's
	 * number, which its event names) and `note`. Its `from` states are the
	 * ones a case may be converted in. fz_case_convert_source and
	 * fz_case_convert_done (platform/cases.h) read it. NULL: none.
	 */
	const char *convert;
};

struct fz_module {
	const char *name; /* `fazhi report <name>`; unique */
	const char *label;
	const struct fz_case_kind *kinds;      /* type NULL ends; NULL for a module without cases */
	const struct fz_migration *migrations; /* name NULL ends */
	/* Its local rules (platform/settings.h), key NULL ends; NULL for none. Keys unique overall. */
	const struct fz_setting_def *settings;
	/* Its periodic work (platform/jobs.h), name NULL ends; NULL for none. Names unique overall. */
	const struct fz_job *jobs;
	const struct fz_route *routes;	       /* method NULL ends (platform/api.h) */
	const struct fz_record_kind *records;  /* kinds of record its paths name; name NULL ends */
	/* Adds the module's reference lists (option lists its forms use) to /api/meta's object. */
	void (*meta)(json_t *obj);
	/* The module's yearly report as JSON (`fazhi report <name>`), agency 0 = whole county. */
	enum fz_code (*report)(struct fz_ctx *ctx, int year, int64_t agency_id, json_t **out,
			       struct fz_err *err);
	/*
	 * Its named yearly figures (platform/figures.h), name NULL ends; NULL for
	 * none. Other modules' reports read them by name, never its tables.
	 */
	const struct fz_figure *figures;
	/*
	 * The module's demo county data: the JSON files of its demo folder and
	 * the kinds of record they hold (platform/demo_loader.h), played by
	 * `fazhi demo`. NULL: none.
	 */
	const struct fz_demo *demo;
	/*
	 * The kinds of legality review its procedures submit to the legal office
	 * (platform/legality.h), name NULL ends; NULL for none.
	 */
	const struct fz_review_kind *review_kinds;
	/* Creates count synthetic records spread over the given agencies (benchmarks). */
	enum fz_code (*generate)(struct fz_ctx *ctx, long count, const int64_t *agencies,
				 size_t nagencies, struct fz_err *err);
	/*
	 * The timeline's words for the events the module records on cases of
	 * any type, other modules' included (an adviser's opinion on a normative
	 * draft), by event action; value NULL ends; NULL for none. A case's
	 * timeline reads its own type's event_labels (core/workflow.h) first,
	 * then these. An action is declared by one module only.
	 */
	const struct fz_option *event_labels;
};

/*
 * Installs the table of modules (n <= FZ_MAX_MODULES entries, at most
 * FZ_MAX_CASE_KINDS case kinds among them; mods may be NULL when n is 0).
 * Called once at start-up, before any other thread runs and before anything
 * below reads the table; the caller keeps mods and the modules alive for the
 * life of the process (they are static data). Using the table before it is
 * installed is a programmer error (assertion).
 */
void fz_platform_set_modules(const struct fz_module *const *mods, size_t n);

/* How many modules are installed, and module i of them (i < count). */
size_t fz_platform_module_count(void);
const struct fz_module *fz_platform_module(size_t i);

/*
 * Every installed module's case kinds, flattened in table order and, within a
 * module, in declaration order (the order /api/meta lists case types in):
 * how many, and kind i of them (i < count).
 */
size_t fz_platform_kind_count(void);
const struct fz_case_kind *fz_platform_kind(size_t i);

/*
 * The case kind of type case_type, or NULL (also for a NULL case_type); when
 * module is not NULL it receives the module that declares the kind (NULL when
 * none does).
 */
const struct fz_case_kind *fz_case_kind_for_type(const char *case_type,
						 const struct fz_module **module);

/*
 * Every installed module's review kinds (platform/legality.h) in table order:
 * how many, kind i, and the kind named name (or NULL).
 */
size_t fz_review_kind_count(void);
const struct fz_review_kind *fz_review_kind_at(size_t i);
const struct fz_review_kind *fz_review_kind_find(const char *name);
/*
 * Checks every review kind: unique names, a subject type some module
 * declares, and on_passed / on_failed system transitions of it.
 */
enum fz_code fz_review_kinds_validate(struct fz_err *err);

/*
 * The label an installed module declares (fz_module.event_labels) for an
 * event action it records on cases of any type, or NULL.
 */
const char *fz_module_event_label(const char *action);

/* The module that declares case type case_type, or NULL. */
const struct fz_module *fz_module_for_type(const char *case_type);

/*
 * Checks every installed case kind's declaration (fz_flow_validate), that
 * case-type names are unique across all modules and that module names are
 * unique. The server refuses to start on a bad
 * declaration rather than fail at the first case that uses it.
 */
enum fz_code fz_modules_validate(struct fz_err *err);

/*
 * The migrator (store/migrations.h) run over the core schema and every
 * installed module's migrations, in table order.
 */
int fz_platform_migrations_pending(struct fz_db *db);
enum fz_code fz_platform_migrate(struct fz_db *db, int *applied, struct fz_err *err);

#endif
