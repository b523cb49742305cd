/* static.c - in-memory static files (static.h). */
#include "http/static.h"

#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "core/err.h"
#include "platform/calendar_store.h"

#define MAX_FILES 512

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
							strncmp(child, "/assets/", 8) == 0};
			if (strcmp(child, "/index.html") == 0)
				index_file = &en->f;
		}
	}
	closedir(d);
}

int fz_static_load(const char *dir)
{
	struct stat st;
	if (stat(dir, &st) != 0 || !S_ISDIR(st.st_mode))
		return -1;
	walk(dir, "");
	return nfiles;
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
