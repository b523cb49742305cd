/* static.c - in-memory static files (static.h). */
#include "http/static.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>

#include "core/err.h"
#include "platform/calendar_store.h"

/* Each asset may come with its .br and .gz (web/vite.config.js): three entries. */
#define MAX_FILES 2048

struct entry {
	char *url;
	char *body;
	struct fz_static_file f;
};

static struct entry files[MAX_FILES];
static int nfiles;
static const struct fz_static_file *index_file;

static const char *type_of(const char *name)
{
	static const struct {
		const char *ext, *type;
	} types[] = {
		{".html", "text/html; charset=utf-8"}, {".js", "text/javascript; charset=utf-8"},
		{".css", "text/css; charset=utf-8"},   {".svg", "image/svg+xml"},
		{".png", "image/png"},                 {".ico", "image/x-icon"},
		{".json", "application/json"},         {".woff2", "font/woff2"},
		{".woff", "font/woff"},                {".ttf", "font/ttf"},
		{".txt", "text/plain; charset=utf-8"}, {".map", "application/json"},
	};
	const char *dot = strrchr(name, '.');
	for (size_t i = 0; dot && i < sizeof types / sizeof types[0]; i++)
		if (strcmp(dot, types[i].ext) == 0)
			return types[i].type;
	return "application/octet-stream";
}

static void walk(const char *root, const char *rel)
{
	char path[1024];
	snprintf(path, sizeof path, "%s%s", root, rel);
	DIR *d = opendir(path);
	if (!d)
		return;
	struct dirent *e;
	while ((e = readdir(d)) && nfiles < MAX_FILES) {
		if (e->d_name[0] == '.')
			continue;
		char child[1024], full[2048];
		snprintf(child, sizeof child, "%s/%s", rel, e->d_name);
		snprintf(full, sizeof full, "%s%s", root, child);
		struct stat st;
		if (lstat(full, &st) != 0)
			continue;
		if (S_ISDIR(st.st_mode)) {
			walk(root, child);
		} else if (S_ISREG(st.st_mode)) {
			char *body;
			size_t len;
			if (fz_read_file(full, 64u << 20, &body, &len, NULL) != FZ_OK)
				continue;
			struct entry *en = &files[nfiles++];
			en->url = strdup(child);
			en->body = body;
			en->f = (struct fz_static_file){body, len, type_of(e->d_name),
							strncmp(child, "/assets/", 8) == 0, NULL, NULL};
			if (strcmp(child, "/index.html") == 0)
				index_file = &en->f;
		}
	}
	closedir(d);
}

static struct entry *entry_of(const char *url, size_t len)
{
	for (int i = 0; i < nfiles; i++)
		if (strlen(files[i].url) == len && memcmp(files[i].url, url, len) == 0)
			return &files[i];
	return NULL;
}

/* name.br and name.gz become the variants of name (when name is there too). */
static void link_variants(void)
{
	for (int i = 0; i < nfiles; i++) {
		size_t n = strlen(files[i].url);
		bool br = n > 3 && strcmp(files[i].url + n - 3, ".br") == 0;
		bool gz = n > 3 && strcmp(files[i].url + n - 3, ".gz") == 0;
		struct entry *base = br || gz ? entry_of(files[i].url, n - 3) : NULL;
		if (!base)
			continue;
		if (br)
			base->f.br = &files[i].f;
		else
			base->f.gz = &files[i].f;
	}
}

int fz_static_load(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	walk(dir, "");
	link_variants();
	return nfiles;
}

/* Does an Accept-Encoding header accept coding (RFC 9110 12.5.3: q=0 refuses)? */
static bool accepts(const char *accept, const char *coding)
{
	size_t clen = strlen(coding);
	const char *p = accept;
	while (p && *p) {
		while (*p == ' ' || *p == '\t' || *p == ',')
			p++;
		const char *name = p;
		while (*p && *p != ',' && *p != ';' && *p != ' ' && *p != '\t')
			p++;
		size_t nlen = (size_t)(p - name);
		bool match = nlen == clen && strncasecmp(name, coding, clen) == 0;
		bool refused = false;
		const char *end = strchr(p, ',');
		const char *q = strstr(p, "q=");
		if (q && (!end || q < end)) {
			q += 2;
			/* q=0, q=0.0, q=0.00, q=0.000 refuse; anything else accepts. */
			refused = *q == '0';
			for (const char *d = q + 1; refused && *d && *d != ',' && *d != ' ' && *d != ';'; d++)
				if (*d != '.' && *d != '0')
					refused = false;
		}
		if (match)
			return !refused;
		p = end;
	}
	return false;
}

const struct fz_static_file *fz_static_pick(const struct fz_static_file *f, const char *accept,
					    const char **encoding)
{
	*encoding = NULL;
	if (!f || !accept)
		return f;
	if (f->br && accepts(accept, "br")) {
		*encoding = "br";
		return f->br;
	}
	if (f->gz && accepts(accept, "gzip")) {
		*encoding = "gzip";
		return f->gz;
	}
	return f;
}

void fz_static_free(void)
{
	for (int i = 0; i < nfiles; i++) {
		free(files[i].url);
		free(files[i].body);
	}
	nfiles = 0;
	index_file = NULL;
}

const struct fz_static_file *fz_static_find(const char *path)
{
	for (int i = 0; i < nfiles; i++)
		if (strcmp(files[i].url, path) == 0)
			return &files[i].f;
	/* Page paths of the single-page app; never for asset-like or API paths. */
	if (strncmp(path, "/assets/", 8) == 0 || strncmp(path, "/api/", 5) == 0)
		return NULL;
	const char *last = strrchr(path, '/');
	if (last && strchr(last, '.'))
		return NULL;
	return index_file;
}
