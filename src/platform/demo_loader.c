/*
 * demo_loader.c - the demo data player (demo_loader.h).
 *
 * Three passes, so a mistake in a file is found before anything is written:
 * read (parse every file, merge each record with its file's defaults, check
 * its kind, user, dates, agency codes, references and actions), plan (work
 * out the day of every creation and step, drop what lies after today, sort
 * by day), play (one transaction, each creation or step on its own day as
 * its own user). A record's number in errors counts from 1 within its file,
 * as a trainer counts them in an editor.
 */
#include "platform/demo_loader.h"

#include <stdarg.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "platform/accounts.h"
#include "platform/cases.h"
#include "platform/jsonx.h"
#include "platform/module.h"

/* Where a record is written, for errors: file, number in it, step (0: the record itself). */
struct where {
	const char *file;
	int rec, step;
	const char *action; /* the step's action, NULL for the record */
};

struct rec {
	struct where at;
	const struct fz_demo_kind *kind;
	json_t *obj;      /* the record with its file's defaults merged in (owned) */
	const char *key;  /* "@key" names it; NULL when it has none */
	const struct fz_user *as;
	int day;          /* creation day */
	int64_t id, case_id;
	bool created;
};

/* One thing to do: a record's creation (step 0) or its step'th step. */
struct act {
	int day;
	size_t rec;
	int step;
};

struct user {
	struct user *next;
	struct fz_user u;
};

struct play {
	struct fz_ctx *ctx;
	const struct fz_demo *demo;
	struct rec *recs;
	size_t nrecs;
	struct act *acts;
	size_t nacts;
	struct user *users;
	json_t *docs; /* the parsed files, kept while records point into them */
	/*
	 * Weekends-only counting for the years the calendar lacks (made when
	 * first needed): the story's dates must be known whatever today is; the
	 * cases' own clocks still count on the official calendar alone.
	 */
	struct fz_calendar *provisional;
};

/* ---- errors ---- */

/* Sets err to "演示数据 <file> 第 n 条记录[第 k 步（action）]，字段 f：<why>". */
static enum fz_code fail(struct fz_err *err, enum fz_code code, const struct where *at,
			 const char *field, const char *fmt, ...)
	__attribute__((format(printf, 5, 6)));

static enum fz_code fail(struct fz_err *err, enum fz_code code, const struct where *at,
			 const char *field, const char *fmt, ...)
{
	char why[256], place[160] = "", step[64] = "", what[96] = "";
	va_list ap;
	va_start(ap, fmt);
	vsnprintf(why, sizeof why, fmt, ap);
	va_end(ap);
	if (at->rec)
		snprintf(place, sizeof place, " 第 %d 条记录", at->rec);
	if (at->step)
		snprintf(step, sizeof step, "第 %d 步%s%s%s", at->step, at->action ? "（" : "",
			 at->action ? at->action : "", at->action ? "）" : "");
	if (field && *field)
		snprintf(what, sizeof what, "，字段 %s", field);
	return fz_err_set(err, code, field, "演示数据 %s%s%s%s：%s", at->file, place, step, what, why);
}

/* Puts the location in front of an error a procedure reported (its field kept). */
static enum fz_code wrap(struct fz_err *err, const struct where *at)
{
	char why[sizeof err->message], field[sizeof err->field];
	snprintf(why, sizeof why, "%s", err->message);
	snprintf(field, sizeof field, "%s", err->field);
	return fail(err, err->code ? err->code : FZ_EINTERNAL, at, field, "%s", why);
}

/* ---- dates ---- */

enum base { B_REL, B_TODAY, B_DATE };

struct dexpr {
	enum base base;
	int date;  /* B_DATE */
	int days;  /* calendar days added */
	int wd;    /* then working days added (-1: none) */
};

/* Reads up to five digits; false when there are none. */
static bool digits(const char **p, int *out)
{
	int n = 0, v = 0;
	while (**p >= '0' && **p <= '9' && n < 5) {
		v = v * 10 + (**p - '0');
		(*p)++;
		n++;
	}
	*out = v;
	return n > 0 && !(**p >= '0' && **p <= '9');
}

static bool dexpr_parse(const char *s, struct dexpr *e)
{
	const char *p = s;
	*e = (struct dexpr){B_REL, 0, 0, -1};
	if (strncmp(p, "today", 5) == 0) {
		e->base = B_TODAY;
		p += 5;
	} else if (strncmp(p, "day", 3) == 0) {
		p += 3;
	} else if (strlen(p) >= 10 && p[4] == '-') {
		char d[11];
		memcpy(d, p, 10);
		d[10] = '\0';
		if (fz_date_parse(d, &e->date) != FZ_OK)
			return false;
		e->base = B_DATE;
		p += 10;
	} else if (*p != '+' && *p != '-') {
		return false;
	}
	if (*p == '+' || *p == '-') {
		int sign = *p == '-' ? -1 : 1, n;
		p++;
		if (!digits(&p, &n))
			return false;
		if (strcmp(p, "wd") == 0 && sign > 0) {
			e->wd = n;
			return true;
		}
		e->days = sign * n;
	}
	if (strncmp(p, "+", 1) == 0) {
		p++;
		if (!digits(&p, &e->wd) || strcmp(p, "wd") != 0)
			return false;
		return true;
	}
	return *p == '\0';
}

static enum fz_code dexpr_eval(const struct fz_calendar *cal, const struct dexpr *e, int today,
			       int rel, int *out)
{
	int d = e->base == B_TODAY ? today : e->base == B_DATE ? e->date : rel;
	if (d < 0)
		return FZ_EBAD_DATE;
	d += e->days;
	if (e->wd >= 0)
		return fz_calendar_add_workdays(cal, d, e->wd, out);
	*out = d;
	return FZ_OK;
}

enum fz_code fz_demo_date(const struct fz_calendar *cal, const char *s, int today, int rel,
			  int *out)
{
	struct dexpr e;
	if (!s || !dexpr_parse(s, &e))
		return FZ_EBAD_DATE;
	return dexpr_eval(cal, &e, today, rel, out);
}

/* Evaluates a date value, naming the field on error. */
static enum fz_code date_of(struct play *p, json_t *v, int rel, const struct where *at,
			    const char *field, int *out, struct fz_err *err)
{
	const char *s = json_string_value(v);
	enum fz_code rc = s ? fz_demo_date(p->ctx->cal, s, p->ctx->today, rel, out) : FZ_EBAD_DATE;
	if (rc == FZ_EDATE_RANGE && !p->provisional)
		p->provisional = fz_calendar_provisional(p->ctx->cal);
	if (rc == FZ_EDATE_RANGE && p->provisional)
		rc = fz_demo_date(p->provisional, s, p->ctx->today, rel, out);
	if (rc == FZ_EDATE_RANGE)
		return fail(err, rc, at, field, "日期“%s”超出已载入的节假日日历，请先载入该年日历", s);
	if (rc)
		return fail(err, FZ_EBAD_DATE, at, field,
			    "日期“%s”无效：应为 2026-03-05、today、today-30、day、day-2、+3 或 +5wd 等写法",
			    s ? s : "（不是文本）");
	return FZ_OK;
}

/* ---- the values a record's fields may hold ---- */

static bool ends_with(const char *s, const char *tail)
{
	size_t n = strlen(s), m = strlen(tail);
	return n >= m && strcmp(s + n - m, tail) == 0;
}

/* A date field: its name ends in _on or _date (received_on, act_date). */
static bool date_key(const char *key)
{
	return ends_with(key, "_on") || ends_with(key, "_date");
}

static int64_t agency_id(struct fz_ctx *ctx, const char *code)
{
	struct fz_stmt *st =
		fz_db_query(ctx->db, NULL, "SELECT agency_id FROM agency WHERE code = ?", "t", code);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

static struct rec *by_key(struct play *p, const char *key)
{
	for (size_t i = 0; i < p->nrecs; i++)
		if (p->recs[i].key && strcmp(p->recs[i].key, key) == 0)
			return &p->recs[i];
	return NULL;
}

/*
 * Checks (out NULL) or resolves (into *out, a new object the caller owns) the
 * top-level values of fields (NULL: none): "@key" becomes the id of that record, an
 * agency code under a key ending in agency_id becomes the agency's id, and a
 * date under a key ending in _on or _date becomes YYYY-MM-DD counted from day.
 */
static enum fz_code values(struct play *p, json_t *fields, int day, const struct where *at,
			   json_t **out, struct fz_err *err)
{
	json_t *o = !out ? NULL : fields ? json_deep_copy(fields) : json_object();
	const char *k;
	json_t *v;
	enum fz_code rc = FZ_OK;
	json_object_foreach(fields, k, v)
	{
		const char *s = json_string_value(v);
		if (!s)
			continue;
		if (s[0] == '@') {
			struct rec *r = by_key(p, s + 1);
			if (!r)
				rc = fail(err, FZ_EBAD_VALUE, at, k, "没有 key 为“%s”的记录", s + 1);
			else if (o && !r->created)
				rc = fail(err, FZ_EBAD_VALUE, at, k, "记录“%s”在这一天还没有建立", s + 1);
			else if (o)
				json_object_set_new(o, k, json_integer(r->id));
		} else if (ends_with(k, "agency_id")) {
			int64_t id = agency_id(p->ctx, s);
			if (!id)
				rc = fail(err, FZ_EBAD_VALUE, at, k, "没有代码为“%s”的单位", s);
			else if (o)
				json_object_set_new(o, k, json_integer(id));
		} else if (date_key(k)) {
			int d;
			if (!(rc = date_of(p, v, day, at, k, &d, err)) && o)
				json_object_set_new(o, k, fz_json_date(d));
		}
		if (rc)
			break;
	}
	if (rc)
		json_decref(o);
	else if (out)
		*out = o;
	return rc;
}

/* ---- read ---- */

/* False with *bad the first key of o not in allowed (NULL-terminated). */
static bool only_keys(json_t *o, const char *const *allowed, const char **bad)
{
	const char *k;
	json_t *v;
	json_object_foreach(o, k, v)
	{
		bool ok = false;
		for (const char *const *a = allowed; *a && !ok; a++)
			ok = strcmp(*a, k) == 0;
		if (!ok) {
			*bad = k;
			return false;
		}
	}
	return true;
}

static const struct fz_demo_kind *kind_named(const struct fz_demo *demo, const char *name)
{
	for (const struct fz_demo_kind *k = demo->kinds; k && k->name; k++)
		if (strcmp(k->name, name) == 0)
			return k;
	return NULL;
}

/* "letter、request" for messages, in the arena. */
static const char *kind_names(struct play *p)
{
	char buf[256] = "";
	size_t n = 0;
	for (const struct fz_demo_kind *k = p->demo->kinds; k && k->name; k++)
		n += (size_t)snprintf(buf + n, n < sizeof buf ? sizeof buf - n : 0, "%s%s",
				      k == p->demo->kinds ? "" : "、", k->name);
	return fz_arena_strdup(p->ctx->arena, buf);
}

/* The demo account named username (loaded once), or NULL when there is none. */
static const struct fz_user *user_named(struct play *p, const char *username)
{
	for (struct user *u = p->users; u; u = u->next)
		if (strcmp(u->u.username, username) == 0)
			return &u->u;
	struct user *u = calloc(1, sizeof *u);
	if (!u || !fz_user_load(p->ctx->db, username, &u->u)) {
		free(u);
		return NULL;
	}
	u->next = p->users;
	p->users = u;
	return &u->u;
}

/* Checks an "as": absent or null is the public, else an account that exists. */
static enum fz_code check_as(struct play *p, json_t *as, const struct where *at,
			     struct fz_err *err)
{
	if (!as || json_is_null(as))
		return FZ_OK;
	if (!json_is_string(as))
		return fail(err, FZ_EBAD_TYPE, at, "as", "应为账号的用户名（文本），公众提交不写 as");
	if (!user_named(p, json_string_value(as)))
		return fail(err, FZ_EBAD_VALUE, at, "as", "没有用户名为“%s”的账号",
			    json_string_value(as));
	return FZ_OK;
}

/*
 * The record over its file's defaults for its kind: the defaults' on and as
 * unless the record has its own, the defaults' fields with the record's
 * fields over them. A new reference the caller owns.
 */
static json_t *merged(json_t *r, json_t *defaults)
{
	json_t *m = json_copy(r);
	const char *k;
	json_t *v;
	json_object_foreach(defaults, k, v)
	{
		if (strcmp(k, "fields") != 0) {
			if (!json_object_get(m, k))
				json_object_set(m, k, v);
			continue;
		}
		json_t *f = json_copy(v);
		json_object_update(f, json_object_get(r, "fields"));
		json_object_set_new(m, "fields", f);
	}
	return m;
}

static enum fz_code read_step(struct play *p, const struct rec *r, json_t *s, int k,
			      struct fz_err *err)
{
	static const char *const keys[] = {"on", "as", "do", "input", "about", NULL};
	struct where at = {r->at.file, r->at.rec, k, NULL};
	const char *bad;
	if (!json_is_object(s))
		return fail(err, FZ_EBAD_TYPE, &at, NULL, "步骤应为 JSON 对象 {…}");
	if (!only_keys(s, keys, &bad))
		return fail(err, FZ_EUNKNOWN_FIELD, &at, bad, "不认识的键，步骤可有 on、as、do、input、about");
	const char *action = fz_json_str(s, "do");
	if (!action)
		return fail(err, FZ_EMISSING_FIELD, &at, "do", "请写明办理步骤（do）");
	at.action = action;
	const struct fz_case_kind *ck = fz_case_kind_for_type(r->kind->case_type, NULL);
	if (!ck)
		return fail(err, FZ_EINTERNAL, &at, "do", "案件类型“%s”未安装", r->kind->case_type);
	if (!fz_flow_transition(ck->type, action))
		return fail(err, FZ_EBAD_VALUE, &at, "do", "“%s”不是“%s”的办理步骤", action,
			    ck->type->label);
	struct dexpr e;
	if (!json_is_string(json_object_get(s, "on")))
		return fail(err, FZ_EMISSING_FIELD, &at, "on", "请写明这一步的日期（on）");
	if (!dexpr_parse(fz_json_str(s, "on"), &e))
		return fail(err, FZ_EBAD_DATE, &at, "on",
			    "日期“%s”无效：应为 2026-03-05、today-30、+3（上一步之后 3 天）或 +5wd（5 个工作日）等写法",
			    fz_json_str(s, "on"));
	json_t *input = json_object_get(s, "input");
	if (input && !json_is_object(input))
		return fail(err, FZ_EBAD_TYPE, &at, "input", "应为 JSON 对象 {…}");
	return check_as(p, json_object_get(s, "as"), &at, err);
}

static enum fz_code read_record(struct play *p, json_t *r, json_t *defaults, const char *file,
				int no, struct fz_err *err)
{
	static const char *const keys[] = {"kind", "key", "on", "as", "fields", "steps", "about",
					   NULL};
	struct where at = {file, no, 0, NULL};
	const char *bad;
	if (!json_is_object(r))
		return fail(err, FZ_EBAD_TYPE, &at, NULL, "记录应为 JSON 对象 {…}");
	if (!only_keys(r, keys, &bad))
		return fail(err, FZ_EUNKNOWN_FIELD, &at, bad,
			    "不认识的键，记录可有 kind、key、on、as、fields、steps、about");
	const char *kname = fz_json_str(r, "kind");
	if (!kname)
		return fail(err, FZ_EMISSING_FIELD, &at, "kind", "请写明记录种类（kind）");
	const struct fz_demo_kind *kind = kind_named(p->demo, kname);
	if (!kind)
		return fail(err, FZ_EBAD_VALUE, &at, "kind", "不认识的记录种类“%s”，可用：%s", kname,
			    kind_names(p));
	struct rec *grown = realloc(p->recs, (p->nrecs + 1) * sizeof *grown);
	if (!grown)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	p->recs = grown;
	struct rec *x = &p->recs[p->nrecs];
	*x = (struct rec){.at = at, .kind = kind,
			  .obj = merged(r, json_object_get(defaults, kname))};
	p->nrecs++; /* counted now, so it is freed with the others whatever happens next */
	json_t *key = json_object_get(x->obj, "key");
	if (key && (!json_is_string(key) || !*json_string_value(key)))
		return fail(err, FZ_EBAD_TYPE, &at, "key", "应为非空文本");
	if (key && by_key(p, json_string_value(key)))
		return fail(err, FZ_EDUPLICATE, &at, "key", "key“%s”已被另一条记录使用",
			    json_string_value(key));
	x->key = json_string_value(key);
	struct dexpr e;
	const char *on = fz_json_str(x->obj, "on");
	if (!on)
		return fail(err, FZ_EMISSING_FIELD, &at, "on", "请写明记录的日期（on）");
	if (!dexpr_parse(on, &e) || e.base == B_REL)
		return fail(err, FZ_EBAD_DATE, &at, "on",
			    "日期“%s”无效：记录的日期应写 2026-03-05、today、today-30 或 today-30+5wd 等",
			    on);
	enum fz_code rc = check_as(p, json_object_get(x->obj, "as"), &at, err);
	if (rc)
		return rc;
	if (json_is_string(json_object_get(x->obj, "as")))
		x->as = user_named(p, fz_json_str(x->obj, "as"));
	json_t *fields = json_object_get(x->obj, "fields");
	json_t *steps = json_object_get(x->obj, "steps");
	if (fields && !json_is_object(fields))
		return fail(err, FZ_EBAD_TYPE, &at, "fields", "应为 JSON 对象 {…}");
	if (steps && !json_is_array(steps))
		return fail(err, FZ_EBAD_TYPE, &at, "steps", "应为步骤的列表 […]");
	if (json_array_size(steps) && !kind->case_type)
		return fail(err, FZ_EBAD_VALUE, &at, "steps", "“%s”记录没有办理步骤", kname);
	for (size_t i = 0; i < json_array_size(steps); i++)
		if ((rc = read_step(p, x, json_array_get(steps, i), (int)i + 1, err)))
			return rc;
	return FZ_OK;
}

static enum fz_code read_file(struct play *p, const struct fz_demo_file *f, struct fz_err *err)
{
	static const char *const keys[] = {"about", "defaults", "records", NULL};
	struct where at = {f->name, 0, 0, NULL};
	json_error_t je;
	json_t *doc = json_loadb(f->data, f->len, JSON_REJECT_DUPLICATES, &je);
	if (!doc)
		return fz_err_set(err, FZ_EBAD_JSON, NULL, "演示数据 %s 第 %d 行第 %d 列：不是有效的 JSON（%s）",
				  f->name, je.line, je.column, je.text);
	json_array_append_new(p->docs, doc);
	const char *bad;
	if (!json_is_object(doc))
		return fail(err, FZ_EBAD_TYPE, &at, NULL, "文件应为 {\"records\": […]}");
	if (!only_keys(doc, keys, &bad))
		return fail(err, FZ_EUNKNOWN_FIELD, &at, bad, "不认识的键，文件可有 about、defaults、records");
	json_t *defaults = json_object_get(doc, "defaults");
	json_t *records = json_object_get(doc, "records");
	if (defaults && !json_is_object(defaults))
		return fail(err, FZ_EBAD_TYPE, &at, "defaults", "应为 {记录种类: {on, as, fields}}");
	const char *k;
	json_t *v;
	json_object_foreach(defaults, k, v)
	{
		static const char *const dkeys[] = {"on", "as", "fields", NULL};
		if (!kind_named(p->demo, k))
			return fail(err, FZ_EBAD_VALUE, &at, "defaults", "不认识的记录种类“%s”，可用：%s", k,
				    kind_names(p));
		if (!json_is_object(v) || !only_keys(v, dkeys, &bad))
			return fail(err, FZ_EBAD_VALUE, &at, "defaults", "“%s”的默认值只可有 on、as、fields", k);
		if (json_object_get(v, "fields") && !json_is_object(json_object_get(v, "fields")))
			return fail(err, FZ_EBAD_TYPE, &at, "defaults", "“%s”的 fields 应为 JSON 对象", k);
	}
	if (!json_is_array(records))
		return fail(err, FZ_EMISSING_FIELD, &at, "records", "文件应有记录的列表 \"records\": […]");
	for (size_t i = 0; i < json_array_size(records); i++) {
		json_t *r = json_array_get(records, i);
		enum fz_code rc = read_record(p, r, defaults, f->name, (int)i + 1, err);
		if (rc)
			return rc;
	}
	return FZ_OK;
}

/* ---- plan ---- */

static enum fz_code add_act(struct play *p, int day, size_t rec, int step, struct fz_err *err)
{
	struct act *grown = realloc(p->acts, (p->nacts + 1) * sizeof *grown);
	if (!grown)
		return fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	p->acts = grown;
	p->acts[p->nacts++] = (struct act){day, rec, step};
	return FZ_OK;
}

static int act_order(const void *a, const void *b)
{
	const struct act *x = a, *y = b;
	if (x->day != y->day)
		return x->day < y->day ? -1 : 1;
	if (x->rec != y->rec)
		return x->rec < y->rec ? -1 : 1;
	return x->step - y->step;
}

/*
 * The day of every creation and step, with each record's values checked on
 * its day; what lies after today is left out (a record with all its steps,
 * a step with the steps after it). Sorted by day, then in file and record
 * order, a record's steps in their order.
 */
static enum fz_code plan(struct play *p, struct fz_demo_stats *stats, struct fz_err *err)
{
	int today = p->ctx->today;
	enum fz_code rc = FZ_OK;
	for (size_t i = 0; i < p->nrecs && !rc; i++) {
		struct rec *r = &p->recs[i];
		json_t *steps = json_object_get(r->obj, "steps");
		rc = date_of(p, json_object_get(r->obj, "on"), -1, &r->at, "on", &r->day, err);
		if (rc)
			break;
		if (r->day > today) {
			stats->later += 1 + (long)json_array_size(steps);
			continue;
		}
		if ((rc = values(p, json_object_get(r->obj, "fields"), r->day, &r->at, NULL,
				 err)) ||
		    (rc = add_act(p, r->day, i, 0, err)))
			break;
		int prev = r->day;
		for (size_t k = 0; k < json_array_size(steps) && !rc; k++) {
			json_t *s = json_array_get(steps, k);
			struct where at = {r->at.file, r->at.rec, (int)k + 1, fz_json_str(s, "do")};
			int d;
			if ((rc = date_of(p, json_object_get(s, "on"), prev, &at, "on", &d, err)))
				break;
			if (d < prev) {
				char a[11], b[11];
				fz_date_format(d, a);
				fz_date_format(prev, b);
				rc = fail(err, FZ_EBAD_DATE, &at, "on", "这一步的日期 %s 早于上一步的 %s", a, b);
				break;
			}
			if (d > today) {
				stats->later += (long)(json_array_size(steps) - k);
				break;
			}
			if (!(rc = values(p, json_object_get(s, "input"), d, &at, NULL, err)))
				rc = add_act(p, d, i, (int)k + 1, err);
			prev = d;
		}
	}
	if (!rc && p->nacts)
		qsort(p->acts, p->nacts, sizeof *p->acts, act_order);
	return rc;
}

/* ---- play ---- */

static enum fz_code create(struct play *p, struct rec *r, struct fz_demo_stats *stats,
			   struct fz_err *err)
{
	json_t *fields;
	struct fz_ctx *ctx = p->ctx;
	ctx->user = r->as;
	enum fz_code rc = values(p, json_object_get(r->obj, "fields"), r->day, &r->at,
				 &fields, err);
	if (rc)
		return rc;
	rc = r->kind->create(ctx, fields, &r->id, &r->case_id, err);
	json_decref(fields);
	if (rc)
		return wrap(err, &r->at);
	if (r->kind->case_type && !r->case_id)
		return fail(err, FZ_EINTERNAL, &r->at, NULL, "“%s”记录没有建立案件", r->kind->name);
	r->created = true;
	stats->records++;
	return FZ_OK;
}

static enum fz_code step(struct play *p, struct rec *r, int k, int day,
			 struct fz_demo_stats *stats, struct fz_err *err)
{
	struct fz_ctx *ctx = p->ctx;
	json_t *s = json_array_get(json_object_get(r->obj, "steps"), (size_t)k - 1), *input;
	const char *action = fz_json_str(s, "do");
	struct where at = {r->at.file, r->at.rec, k, action};
	json_t *as = json_object_get(s, "as");
	ctx->user = !as ? r->as : json_is_string(as) ? user_named(p, json_string_value(as)) : NULL;
	enum fz_code rc = values(p, json_object_get(s, "input"), day, &at, &input, err);
	if (rc)
		return rc;
	rc = fz_case_act_current(ctx, r->case_id, action, input, err);
	json_decref(input);
	if (rc)
		return wrap(err, &at);
	stats->steps++;
	return FZ_OK;
}

/*
 * Every planned act in one transaction. Each runs on its day from 09:00 China
 * Standard Time, a few seconds after the one before on that day, so events
 * keep their order within a day; and in an arena of its own, emptied after
 * each act, so a year of records needs no more memory than one.
 */
static enum fz_code play_all(struct play *p, struct fz_demo_stats *stats, struct fz_err *err)
{
	struct fz_ctx *ctx = p->ctx;
	struct fz_arena *outer = ctx->arena, arena;
	enum fz_code rc = fz_db_begin(ctx->db, err);
	if (rc)
		return rc;
	fz_arena_init(&arena);
	ctx->arena = &arena;
	ctx->client = "demo";
	int nth = 0;
	for (size_t i = 0; i < p->nacts && !rc; i++) {
		const struct act *a = &p->acts[i];
		nth = i && p->acts[i - 1].day == a->day ? nth + 1 : 0;
		ctx->today = a->day;
		ctx->now = (int64_t)a->day * 86400 + 3600 + (int64_t)(nth * 7 % (8 * 3600));
		struct rec *r = &p->recs[a->rec];
		rc = a->step ? step(p, r, a->step, a->day, stats, err) : create(p, r, stats, err);
		fz_arena_cleanup(&arena);
		fz_arena_init(&arena);
	}
	ctx->arena = outer;
	if (!rc)
		rc = fz_db_commit(ctx->db, err);
	if (rc)
		fz_db_rollback(ctx->db);
	return rc;
}

enum fz_code fz_demo_play(struct fz_ctx *ctx, const struct fz_demo *demo,
			  const struct fz_demo_file *files, struct fz_demo_stats *stats,
			  struct fz_err *err)
{
	struct play p = {.ctx = ctx, .demo = demo, .docs = json_array()};
	struct fz_demo_stats st = {0, 0, 0};
	const struct fz_user *user = ctx->user;
	const char *client = ctx->client;
	int today = ctx->today;
	int64_t now = ctx->now;
	enum fz_code rc = FZ_OK;
	for (int i = 0; files && files[i].name && !rc; i++)
		rc = read_file(&p, &files[i], err);
	if (!rc)
		rc = plan(&p, &st, err);
	if (!rc)
		rc = play_all(&p, &st, err);
	ctx->user = user;
	ctx->client = client;
	ctx->today = today;
	ctx->now = now;
	for (size_t i = 0; i < p.nrecs; i++)
		json_decref(p.recs[i].obj);
	free(p.recs);
	free(p.acts);
	while (p.users) {
		struct user *next = p.users->next;
		free(p.users);
		p.users = next;
	}
	json_decref(p.docs);
	fz_calendar_free(p.provisional);
	if (!rc && stats)
		*stats = st;
	return rc;
}
