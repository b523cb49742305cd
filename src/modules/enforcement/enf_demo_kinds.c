/*
 * enf_demo_kinds.c - what a record of the enforcement registries' demo data
 * (its demo folder) becomes, each through the function its staff page calls:
 *   body            an enforcement body sent for qualification review (its
 *                   steps: reject, resubmit, confirm, publish, ...);
 *   power           an item of a body's power list (权责清单事项);
 *   officer         an enforcement officer of a body;
 *   officer_update  a change of an officer's record (left the post: the
 *                   withdrawal tasks of its certificates follow);
 *   training        a training an officer attended;
 *   certificate     an application for an officer's certificate (its steps:
 *                   qualify, train, exam, issue, annual review, ...);
 *   coercion        a coercion case (查封、扣押 or 强制执行) filed by the agency;
 *   penalty         a penalty case filed by the agency (its steps: notify,
 *                   statement, hearing, review, decide, serve, pay, close, ...);
 *   benchmark       a discretion benchmark of a penalty power, published;
 *   benchmark_row   names a row of the benchmark in force for a case to pick.
 *   penalty_document / penalty_evidence
 *                   a document of a penalty case issued, an evidence file
 *                   uploaded (enf_documents.c; the case named by its matter).
 */
#include "modules/enforcement/enf_int.h"
#include "platform/demo_loader.h"
#include "platform/jsonx.h"

/* The id member of a create function's answer, which the caller then drops. */
static int64_t id_of(json_t *out, const char *key)
{
	int64_t id = json_integer_value(json_object_get(out, key));
	json_decref(out);
	return id;
}

static enum fz_code body(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			 struct fz_err *err)
{
	json_t *out = NULL;
	enum fz_code rc = fz_enf_body_create(ctx, f, &out, err);
	if (rc)
		return rc;
	*case_id = json_integer_value(json_object_get(out, "case_id"));
	*id = id_of(out, "body_id");
	return FZ_OK;
}

static enum fz_code power(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			  struct fz_err *err)
{
	json_t *out = NULL;
	enum fz_code rc = fz_enf_power_create(ctx, f, &out, err);
	if (rc)
		return rc;
	*id = id_of(out, "item_id");
	*case_id = 0;
	return FZ_OK;
}

static enum fz_code officer(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	json_t *out = NULL;
	enum fz_code rc = fz_enf_officer_create(ctx, f, &out, err);
	if (rc)
		return rc;
	*id = id_of(out, "officer_id");
	*case_id = 0;
	return FZ_OK;
}

/*
 * The officer named by the officer_id field, taken out of f (the record's
 * own functions take it apart from the form), or FZ_EMISSING_FIELD.
 */
static enum fz_code officer_of(json_t *f, int64_t *officer, struct fz_err *err)
{
	*officer = json_integer_value(json_object_get(f, "officer_id"));
	if (*officer <= 0)
		return fz_err_set(err, FZ_EMISSING_FIELD, "officer_id", "请写明执法人员（officer_id）");
	json_object_del(f, "officer_id");
	return FZ_OK;
}

/*
 * A change of the officer's record as it stands now: the form's version is
 * the one just read, as a scripted actor holds no earlier read (the same
 * reason as fz_case_act_current), unless the record gives one.
 */
static enum fz_code officer_update(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				   struct fz_err *err)
{
	int64_t officer;
	json_t *now = NULL, *out = NULL;
	enum fz_code rc = officer_of(f, &officer, err);
	if (rc)
		return rc;
	if (!json_object_get(f, "version")) {
		if ((rc = fz_enf_officer_json(ctx, officer, &now, err)))
			return rc;
		json_object_set(f, "version", json_object_get(now, "version"));
		json_decref(now);
	}
	if ((rc = fz_enf_officer_update(ctx, officer, f, &out, err)))
		return rc;
	json_decref(out);
	*id = officer;
	*case_id = 0;
	return FZ_OK;
}

static enum fz_code training(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	int64_t officer;
	json_t *out = NULL;
	enum fz_code rc = officer_of(f, &officer, err);
	if (rc || (rc = fz_enf_training_add(ctx, officer, f, &out, err)))
		return rc;
	json_decref(out);
	*id = officer;
	*case_id = 0;
	return FZ_OK;
}

static enum fz_code certificate(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
				struct fz_err *err)
{
	struct fz_case_row c;
	enum fz_code rc = fz_enf_cert_apply_new(ctx, f, &c, err);
	if (rc)
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

/*
 * A penalty case as the filing form sends it, with two conveniences of the
 * data file: the power is named by its code in the body's list (power_code),
 * and without officer_ids the case is given the body's first two officers
 * holding a certificate valid on the filing day, as the form offers them.
 */
static enum fz_code penalty(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			    struct fz_err *err)
{
	const char *code = fz_json_str(f, "power_code");
	if (code) {
		struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT item_id FROM enf_power WHERE code = ?",
						 "t", code);
		if (!st)
			return err->code;
		int64_t item = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!item)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_code", "权责清单中没有编码为“%s”的事项", code);
		json_object_set_new(f, "power_id", json_integer(item));
		json_object_del(f, "power_code");
	}
	if (!json_object_get(f, "officer_ids")) {
		int64_t ids[2];
		int day = ctx->today;
		const char *filed = fz_json_str(f, "filed_on");
		if (filed)
			fz_date_parse(filed, &day);
		size_t n = fz_enf_penalty_certified(ctx, json_integer_value(json_object_get(f, "body_id")), day,
						    ids, 2);
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, json_integer(ids[i]));
		json_object_set_new(f, "officer_ids", a);
	}
	struct fz_case_row c;
	enum fz_code rc = fz_enf_penalty_file(ctx, f, &c, err);
	if (rc)
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

/*
 * A coercion case (行政强制) as the filing form sends it, with the same two
 * conveniences as a penalty case: power_code, and the body's first two
 * officers certified on the day it was filed (or taken on the spot).
 */
static enum fz_code coercion(struct fz_ctx *ctx, json_t *f, int64_t *id, int64_t *case_id,
			     struct fz_err *err)
{
	const char *code = fz_json_str(f, "power_code");
	if (code) {
		struct fz_stmt *st = fz_db_query(ctx->db, err, "SELECT item_id FROM enf_power WHERE code = ?",
						 "t", code);
		if (!st)
			return err->code;
		int64_t item = fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
		fz_stmt_done(st);
		if (!item)
			return fz_err_set(err, FZ_EBAD_VALUE, "power_code", "权责清单中没有编码为“%s”的事项", code);
		json_object_set_new(f, "power_id", json_integer(item));
		json_object_del(f, "power_code");
	}
	if (!json_object_get(f, "officer_ids")) {
		int64_t ids[2];
		int day = ctx->today;
		const char *filed = fz_json_str(f, "filed_on");
		if (filed)
			fz_date_parse(filed, &day);
		size_t n = fz_enf_penalty_certified(ctx, json_integer_value(json_object_get(f, "body_id")), day,
						    ids, 2);
		json_t *a = json_array();
		for (size_t i = 0; i < n; i++)
			json_array_append_new(a, json_integer(ids[i]));
		json_object_set_new(f, "officer_ids", a);
	}
	struct fz_case_row c;
	enum fz_code rc = fz_enf_coercion_file(ctx, f, &c, err);
	if (rc)
		return rc;
	*id = *case_id = c.case_id;
	return FZ_OK;
}

static const struct fz_demo_kind kinds[] = {
	{"body", "enf_body", body},
	{"power", NULL, power},
	{"officer", NULL, officer},
	{"officer_update", NULL, officer_update},
	{"training", NULL, training},
	{"certificate", "enf_certificate", certificate},
	{"penalty", "enf_penalty", penalty},
	/* A write of a penalty's fine (enf_penalty_fines.c): apply, decide, pay, reduce, remedy, remedy_end. */
	{"fine", NULL, fz_enf_fine_demo},
	{"benchmark", NULL, fz_enf_bench_demo},         /* enf_benchmark.c */
	{"benchmark_row", NULL, fz_enf_bench_demo_row}, /* a row of the version in force, for a case */
	{"penalty_document", NULL, fz_enf_demo_document},
	{"penalty_evidence", NULL, fz_enf_demo_evidence},
	{"coercion", "enf_coercion", coercion},
	{"insp_entity", NULL, fz_enf_demo_insp_entity},
	{"insp_plan", NULL, fz_enf_demo_insp_plan},
	{"insp_draw", NULL, fz_enf_demo_insp_draw},
	{"insp_task", "enf_inspection", fz_enf_demo_insp_task},
	{NULL, NULL, NULL},
};

extern const struct fz_demo_file fz_demo_files_enforcement[]; /* scripts/embed-demo.py */

const struct fz_demo fz_enf_demo = {fz_demo_files_enforcement, kinds};
