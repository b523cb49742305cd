/*
 * cmd_demo.c - `fazhi demo --db FILE [--data DIR]`: the demo county 青山县
 * with its government, legal office, departments and townships, an account
 * for every role, and each module's year of records: its demo data files
 * played through the real procedures (platform/demo_loader.h). The files are
 * the ones compiled in, or with --data a trainer's edited copies laid out as
 * DIR/<module>/demo/NAME.json (only the modules with such a folder are played),
 * so demo data can be changed without rebuilding. Every demo account's
 * password is FAZHI_DEMO_PASSWORD (default fazhi-demo).
 */
#include <dirent.h>
#include <pthread.h>
#include <sodium.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "cli/cli.h"
#include "platform/accounts.h"
#include "platform/demo_loader.h"
#include "platform/module.h"

struct demo_agency {
	const char *code, *name, *shortname, *kind;
	const char *head, *clerk; /* names of the agency head and clerk */
	bool enforces;            /* has enforcement officers */
};

static const struct demo_agency agencies[] = {
	{"gov", "青山县人民政府", "青政", "county", "周建国", "孙丽", false},
	{"sfj", "青山县司法局", "青司", "legal_office", "李正明", "王晓燕", true},
	{"fgj", "青山县发展和改革局", "青发改", "department", "赵志强", "钱敏", false},
	{"jyj", "青山县教育局", "青教", "department", "孙宏伟", "李娜", true},
	{"gaj", "青山县公安局", "青公", "department", "刘卫东", "陈静", true},
	{"mzj", "青山县民政局", "青民", "department", "吴秀英", "郑磊", false},
	{"czj", "青山县财政局", "青财", "department", "王建华", "冯雪", false},
	{"rsj", "青山县人力资源和社会保障局", "青人社", "department", "陈国庆", "褚红", true},
	{"zrj", "青山县自然资源局", "青自然资源", "department", "杨海涛", "卫琳", true},
	{"hbj", "青山县生态环境分局", "青环", "department", "朱立新", "蒋芳", true},
	{"zjj", "青山县住房和城乡建设局", "青住建", "department", "秦志军", "沈悦", true},
	{"jtj", "青山县交通运输局", "青交", "department", "许文斌", "韩梅", true},
	{"slj", "青山县水利局", "青水", "department", "何长江", "曹倩", true},
	{"nyj", "青山县农业农村局", "青农", "department", "吕春生", "施燕", true},
	{"swj", "青山县商务局", "青商", "department", "张海燕", "孔颖", true},
	{"wlj", "青山县文化广电和旅游局", "青文旅", "department", "严文华", "华晶", true},
	{"wjj", "青山县卫生健康局", "青卫健", "department", "金玉兰", "魏洁", true},
	{"yjj", "青山县应急管理局", "青应急", "department", "陶建军", "姜丹", true},
	{"scj", "青山县市场监督管理局", "青市监", "department", "戚振华", "谢婷", true},
	{"ybj", "青山县医疗保障局", "青医保", "department", "邹惠芳", "喻琪", true},
	{"cgj", "青山县城市管理综合行政执法局", "青城管", "department", "柏继明", "水莉", true},
	{"lyj", "青山县林业局", "青林", "department", "窦青山", "章蕾", true},
	{"tjj", "青山县统计局", "青统", "department", "云光明", "苏红", true},
	{"qsz", "青山镇人民政府", "青山镇", "township", "潘永福", "葛秀兰", true},
	{"cgz", "城关镇人民政府", "城关镇", "township", "奚德胜", "范玲", true},
	{"lhx", "柳河乡人民政府", "柳河乡", "township", "彭长林", "郎静", true},
	{"sqz", "石桥镇人民政府", "石桥镇", "township", "鲁春华", "韦萍", true},
	{"lqz", "龙泉镇人民政府", "龙泉镇", "township", "昌建平", "马芸", true},
	{"bsx", "白沙乡人民政府", "白沙乡", "township", "苗振东", "凤霞", true},
	{"dhjd", "东湖街道办事处", "东湖街道", "township", "花立军", "方园", true},
};

static bool upsert_agency(struct fz_cli *c, const struct demo_agency *a, int order,
			  struct fz_err *err)
{
	struct fz_stmt *st = fz_db_query(
		c->db, err,
		"INSERT INTO agency(code, name, short_name, kind, sort_order) VALUES (?,?,?,?,?)"
		" ON CONFLICT (code) DO UPDATE SET name = excluded.name,"
		" short_name = excluded.short_name, kind = excluded.kind, sort_order = excluded.sort_order",
		"ttttI", a->code, a->name, a->shortname, a->kind, order);
	return st && fz_stmt_exec(st, err) == FZ_OK;
}

static int64_t agency_by_code(struct fz_cli *c, const char *code)
{
	struct fz_stmt *st = fz_db_query(c->db, NULL, "SELECT agency_id FROM agency WHERE code = ?",
					 "t", code);
	int64_t id = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	return id;
}

static bool add_user(struct fz_cli *c, const char *username, const char *name, enum fz_role role,
		     const char *agency_code, const char *hash, int *created, struct fz_err *err)
{
	if (fz_user_create(&c->ctx, username, name, role, agency_by_code(c, agency_code), hash, NULL,
			   err) != FZ_OK)
		return false;
	(*created)++;
	return true;
}

struct demo_account {
	char username[48];
	char name[32];
	enum fz_role role;
	const char *code;
	char hash[crypto_pwhash_STRBYTES];
	const char *password;
	bool ok;
};

static void account(struct demo_account *a, const char *username, const char *name,
		    enum fz_role role, const char *code)
{
	snprintf(a->username, sizeof a->username, "%s", username);
	snprintf(a->name, sizeof a->name, "%s", name);
	a->role = role;
	a->code = code;
}

/*
 * Keeps the accounts not made yet and returns how many: a run after one that
 * stopped at a mistake in a demo data file hashes nothing again.
 */
static size_t missing_only(struct fz_cli *c, struct demo_account *acc, size_t n)
{
	size_t k = 0;
	for (size_t i = 0; i < n; i++) {
		struct fz_stmt *st = fz_db_query(c->db, NULL,
						 "SELECT 1 FROM app_user WHERE username = ?", "t",
						 acc[i].username);
		bool exists = st && fz_stmt_row(st);
		fz_stmt_done(st);
		if (!exists)
			acc[k++] = acc[i];
	}
	return k;
}

struct hash_job {
	struct demo_account *acc;
	size_t n, next;
	pthread_mutex_t lock;
};

static void *hash_worker(void *arg)
{
	struct hash_job *job = arg;
	for (;;) {
		pthread_mutex_lock(&job->lock);
		size_t i = job->next++;
		pthread_mutex_unlock(&job->lock);
		if (i >= job->n)
			return NULL;
		struct fz_err err;
		job->acc[i].ok = fz_password_hash(job->acc[i].password, job->acc[i].hash,
						  sizeof job->acc[i].hash, &err) == FZ_OK;
	}
}

/* Hashes the password once per account (own salt each), on every core. */
static bool hash_all(struct demo_account *acc, size_t n, const char *pw, struct fz_err *err)
{
	if (fz_password_hash(pw, acc[0].hash, sizeof acc[0].hash, err) != FZ_OK)
		return false; /* the password itself is refused: say why once */
	for (size_t i = 0; i < n; i++)
		acc[i].password = pw;
	acc[0].ok = true;
	struct hash_job job = {.acc = acc, .n = n, .next = 1, .lock = PTHREAD_MUTEX_INITIALIZER};
	long cores = sysconf(_SC_NPROCESSORS_ONLN);
	pthread_t t[8];
	int nt = cores < 1 ? 1 : cores > 8 ? 8 : (int)cores, started = 0;
	for (int i = 0; i < nt; i++)
		started += pthread_create(&t[started], NULL, hash_worker, &job) == 0;
	if (!started)
		hash_worker(&job);
	for (int i = 0; i < started; i++)
		pthread_join(t[i], NULL);
	for (size_t i = 0; i < n; i++)
		if (!acc[i].ok) {
			fz_err_set(err, FZ_EINTERNAL, NULL, "密码哈希失败（内存不足）");
			return false;
		}
	return true;
}

/* A module's files read from dir/<module>/demo, in name order. */
struct disk_files {
	struct fz_demo_file *files; /* name NULL ends; NULL when the folder is missing */
	size_t n;
};

static void disk_files_free(struct disk_files *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free((char *)d->files[i].name);
		free((char *)d->files[i].data);
	}
	free(d->files);
	d->files = NULL;
	d->n = 0;
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

/* Reads path whole into a malloc'd buffer; false with err set. */
static bool read_whole(const char *path, char **data, size_t *len, struct fz_err *err)
{
	FILE *f = fopen(path, "rb");
	char *buf = NULL;
	size_t n = 0, cap = 0;
	if (!f) {
		fz_err_set(err, FZ_EIO, NULL, "无法读取 %s", path);
		return false;
	}
	for (;;) {
		if (n == cap) {
			char *grown = realloc(buf, cap = cap ? cap * 2 : 65536);
			if (!grown)
				break;
			buf = grown;
		}
		size_t got = fread(buf + n, 1, cap - n, f);
		n += got;
		if (got == 0)
			break;
	}
	bool ok = !ferror(f) && n < cap;
	fclose(f);
	if (!ok) {
		free(buf);
		fz_err_set(err, FZ_EIO, NULL, "无法读取 %s", path);
		return false;
	}
	*data = buf;
	*len = n;
	return true;
}

static bool disk_files_read(const char *dir, const char *module, struct disk_files *d,
			    struct fz_err *err)
{
	char folder[1024];
	snprintf(folder, sizeof folder, "%s/%s/demo", dir, module);
	memset(d, 0, sizeof *d);
	DIR *dh = opendir(folder);
	if (!dh)
		return true;
	char *names[256];
	size_t nn = 0;
	for (struct dirent *e; (e = readdir(dh)) && nn < sizeof names / sizeof names[0];) {
		size_t l = strlen(e->d_name);
		if (l > 5 && strcmp(e->d_name + l - 5, ".json") == 0 && e->d_name[0] != '.')
			names[nn++] = strdup(e->d_name);
	}
	closedir(dh);
	qsort(names, nn, sizeof names[0], by_name);
	d->files = calloc(nn + 1, sizeof *d->files);
	bool ok = d->files != NULL;
	for (size_t i = 0; i < nn; i++) {
		char path[1400];
		snprintf(path, sizeof path, "%s/%s", folder, names[i] ? names[i] : "");
		char *data = NULL;
		size_t len = 0;
		if (ok && names[i] && (ok = read_whole(path, &data, &len, err))) {
			d->files[d->n++] = (struct fz_demo_file){strdup(path), data, len};
			ok = d->files[d->n - 1].name != NULL;
		}
		free(names[i]);
	}
	if (!ok && !err->code)
		fz_err_set(err, FZ_EINTERNAL, NULL, "内存不足");
	if (!ok)
		disk_files_free(d);
	return ok;
}

/*
 * Plays every module's demo data in one transaction: a mistake in any file
 * leaves no record of any module behind, so the command can be run again
 * once the file is put right.
 */
static bool play_modules(struct fz_cli *c, const char *dir, struct fz_err *err)
{
	struct fz_demo_stats st[FZ_MAX_MODULES];
	bool played[FZ_MAX_MODULES] = {false};
	size_t n = fz_platform_module_count();
	if (fz_db_begin(c->db, err))
		return false;
	bool ok = true;
	for (size_t i = 0; i < n && ok; i++) {
		const struct fz_module *mod = fz_platform_module(i);
		struct disk_files disk = {NULL, 0};
		if (!mod->demo || (dir && !(ok = disk_files_read(dir, mod->name, &disk, err))))
			continue;
		if (dir && !disk.files)
			continue; /* the trainer's copy has no data for this module */
		ok = fz_demo_play(&c->ctx, mod->demo, dir ? disk.files : mod->demo->files, &st[i],
				  err) == FZ_OK;
		played[i] = ok;
		disk_files_free(&disk);
	}
	if (ok)
		ok = fz_db_commit(c->db, err) == FZ_OK;
	if (!ok) {
		fz_db_rollback(c->db);
		return false;
	}
	for (size_t i = 0; i < n; i++) {
		if (!played[i])
			continue;
		printf("%s：%ld 条记录，%ld 个办理步骤", fz_platform_module(i)->label, st[i].records,
		       st[i].steps);
		if (st[i].later)
			printf("（%ld 项日期晚于今天，未办理）", st[i].later);
		printf("\n");
	}
	return true;
}

int fz_cmd_demo(int argc, char **argv)
{
	static const char *const opts[] = {"--db", "--data", NULL};
	if (!fz_cli_known(argc, argv, opts, NULL))
		return 2;
	struct fz_cli c;
	const char *path = fz_cli_opt(argc, argv, "--db");
	if (!fz_cli_open(&c, path, 0))
		return 1;
	struct fz_err err;
	fz_err_clear(&err);
	int status = 1, applied, created = 0;
	if (fz_platform_migrate(c.db, &applied, &err) != FZ_OK || !c.cal) {
		fprintf(stderr, "fazhi demo: 请先运行 fazhi init --db %s\n", path);
		goto out;
	}
	struct fz_stmt *st = fz_db_query(c.db, &err, "SELECT COUNT(*) FROM case_record", NULL);
	int64_t existing = st && fz_stmt_row(st) ? fz_col_int(st, 0) : 0;
	fz_stmt_done(st);
	if (existing) {
		fprintf(stderr, "fazhi demo: 数据库中已有 %lld 件案件，演示数据只能装入新建的数据库\n",
			(long long)existing);
		goto out;
	}
	for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++)
		if (!upsert_agency(&c, &agencies[i], (int)i, &err)) {
			fz_cli_fail(&err);
			goto out;
		}
	const char *pw = getenv("FAZHI_DEMO_PASSWORD");
	if (!pw || !*pw)
		pw = "fazhi-demo";
	/*
	 * Every account gets its own argon2id hash with its own salt, as real
	 * accounts do, even though the demo gives them one password: the hashes
	 * are computed on every core at once (each takes ~64 MiB and tens of ms).
	 */
	struct demo_account *acc = calloc(3 + 3 * (sizeof agencies / sizeof agencies[0]), sizeof *acc);
	size_t n = 0;
	if (!acc) {
		fprintf(stderr, "fazhi demo: 内存不足\n");
		goto out;
	}
	account(&acc[n++], "legal", "王晓燕", FZ_ROLE_LEGAL_STAFF, "sfj");
	account(&acc[n++], "legalhead", "李正明", FZ_ROLE_LEGAL_HEAD, "sfj");
	account(&acc[n++], "leader", "周建国", FZ_ROLE_LEADER, "gov");
	/*
	 * Every agency but the justice bureau (whose users are the legal office's
	 * above) has a clerk and a head; the county government's are its general
	 * office (县政府办公室), which keeps the executive meetings and publishes.
	 */
	for (size_t i = 0; i < sizeof agencies / sizeof agencies[0]; i++) {
		const struct demo_agency *a = &agencies[i];
		if (strcmp(a->kind, "legal_office") == 0)
			continue;
		char u[48], officer[32];
		snprintf(u, sizeof u, "%s.clerk", a->code);
		account(&acc[n++], u, a->clerk, FZ_ROLE_AGENCY_CLERK, a->code);
		snprintf(u, sizeof u, "%s.head", a->code);
		account(&acc[n++], u, a->head, FZ_ROLE_AGENCY_HEAD, a->code);
		if (a->enforces) {
			snprintf(u, sizeof u, "%s.officer", a->code);
			snprintf(officer, sizeof officer, "%.*s执法员", 3, a->clerk);
			account(&acc[n++], u, officer, FZ_ROLE_OFFICER, a->code);
		}
	}
	n = missing_only(&c, acc, n);
	if (n && !hash_all(acc, n, pw, &err)) {
		fprintf(stderr, "fazhi demo: FAZHI_DEMO_PASSWORD 无效：");
		free(acc);
		fz_cli_fail(&err);
		goto out;
	}
	for (size_t i = 0; i < n; i++)
		if (!add_user(&c, acc[i].username, acc[i].name, acc[i].role, acc[i].code, acc[i].hash,
			      &created, &err)) {
			free(acc);
			goto fail;
		}
	free(acc);
	printf("演示县：%zu 个单位，新建 %d 个账号（密码均为 FAZHI_DEMO_PASSWORD，默认 fazhi-demo）\n",
	       sizeof agencies / sizeof agencies[0], created);
	if (!play_modules(&c, fz_cli_opt(argc, argv, "--data"), &err))
		goto fail;
	status = 0;
	goto out;
fail:
	fz_cli_fail(&err);
out:
	fz_cli_close(&c);
	return status;
}
