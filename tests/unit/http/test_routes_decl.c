/*
 * test_routes_decl.c - the route rows as the server relies on them.
 *
 * For: every installed route row (core and each module's) passes
 * fz_routes_validate (handler, roles, summary, declared record kind on an
 * {id} path); rows that break one rule are refused, naming the route; the
 * OpenAPI document carries each row's roles and body schema.
 * Not for: dispatch (API tests start the server).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "http/routes.h"
#include "modules/registry.h"

static enum fz_code noop(struct fz_req *req, json_t **out, struct fz_err *err)
{
	(void)req;
	(void)out;
	(void)err;
	return FZ_OK;
}

static void installed_rows_are_valid(void **state)
{
	(void)state;
	struct fz_router r;
	fz_router_init(&r);
	assert_true(fz_routes_build(&r));
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_routes_validate(&r, &err), FZ_OK);
	assert_true(r.n > 50);
}

static void refused(const struct fz_route *rows, const char *expect)
{
	struct fz_router r;
	fz_router_init(&r);
	assert_true(fz_router_add(&r, rows));
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_routes_validate(&r, &err), FZ_EINTERNAL);
	if (!strstr(err.message, expect))
		fail_msg("expected \"%s\" in: %s", expect, err.message);
	assert_non_null(strstr(err.message, "/api/x/{id}"));
}

static void bad_rows_are_refused(void **state)
{
	(void)state;
	const struct fz_route no_roles[] = {{"GET", "/api/x/{id}", noop, 0, 0, "x", "t"}, {NULL}};
	refused(no_roles, "角色");
	const struct fz_route unknown_record[] = {
		{"GET", "/api/x/{id}", noop, FZ_ROLES_SIGNED_IN, 0, "x", "t", "no_such_kind"}, {NULL}};
	refused(unknown_record, "记录类型");
	const struct fz_route no_summary[] = {
		{"GET", "/api/x/{id}", noop, FZ_ROLES_SIGNED_IN, 0, NULL, "t"}, {NULL}};
	refused(no_summary, "说明");
	static const struct fz_input in[] = {{.name = "a", .label = "甲", .type = FZ_IN_TEXT}, {NULL}};
	const struct fz_route upload_body[] = {
		{"POST", "/api/x/{id}", noop, FZ_ROLES_SIGNED_IN, FZ_R_UPLOAD, "x", "t", .body = in},
		{NULL}};
	refused(upload_body, "上传");
	/* A record named by a path whose parameter is not {id}: the scope check could not read it. */
	const struct fz_route not_id[] = {
		{"GET", "/api/y/{code}", noop, FZ_ROLES_SIGNED_IN, 0, "y", "t", "case"}, {NULL}};
	struct fz_router r;
	fz_router_init(&r);
	assert_true(fz_router_add(&r, not_id));
	struct fz_err err;
	fz_err_clear(&err);
	assert_int_equal(fz_routes_validate(&r, &err), FZ_EINTERNAL);
	assert_non_null(strstr(err.message, "{id}"));
	assert_non_null(strstr(err.message, "/api/y/{code}"));
}

/* The OpenAPI operation of method+path in the document built from the real rows. */
static json_t *operation(json_t *doc, const char *path, const char *method)
{
	json_t *op = json_object_get(json_object_get(json_object_get(doc, "paths"), path), method);
	if (!op)
		fail_msg("no %s %s in the OpenAPI document", method, path);
	return op;
}

static void openapi_has_roles_and_bodies(void **state)
{
	(void)state;
	struct fz_router r;
	fz_router_init(&r);
	assert_true(fz_routes_build(&r));
	json_t *doc = fz_openapi(&r);
	/*
	 * Settings: administrator and legal head only, with a JSON object body
	 * (its "value" is a whole number, or an address for a URL setting: the
	 * handler checks it against the key's declaration).
	 */
	json_t *op = operation(doc, "/api/settings/{key}", "put");
	json_t *roles = json_object_get(op, "x-fazhi-roles");
	assert_int_equal(json_array_size(roles), 2);
	assert_string_equal(json_string_value(json_array_get(roles, 0)), "admin");
	assert_string_equal(json_string_value(json_array_get(roles, 1)), "legal_head");
	json_t *schema = json_object_get(
		json_object_get(json_object_get(json_object_get(op, "requestBody"), "content"),
				"application/json"),
		"schema");
	assert_non_null(schema);
	assert_string_equal(json_string_value(json_object_get(schema, "type")), "object");
	/* A public form: no login, rate limited, its required fields listed. */
	op = operation(doc, "/api/public/mailbox", "post");
	assert_true(json_is_true(json_object_get(op, "x-fazhi-public")));
	assert_null(json_object_get(op, "security"));
	assert_non_null(json_object_get(op, "responses") ? json_object_get(json_object_get(op, "responses"), "201") : NULL);
	json_decref(doc);
}

int main(void)
{
	fz_platform_set_modules(fz_modules, fz_modules_count);
	const struct CMUnitTest tests[] = {
		cmocka_unit_test(installed_rows_are_valid),
		cmocka_unit_test(bad_rows_are_refused),
		cmocka_unit_test(openapi_has_roles_and_bodies),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
