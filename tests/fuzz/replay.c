/*
 * replay.c - runs every fuzz target over every file of its corpus, without
 * libFuzzer, so `meson test` exercises the corpus under gcc, the sanitizers
 * and valgrind.
 *
 * Usage: fuzz_replay CORPUS_DIR. Each target reads CORPUS_DIR/<name>/; each
 * file is run whole and cut at every length (a cheap stand-in for the
 * truncations a fuzzer tries first). A missing or empty corpus folder fails,
 * so a renamed folder cannot turn the test into a silent pass. The targets
 * abort on a broken check (fuzz_check.h), which fails the test.
 */
#include <dirent.h>
#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

/* Each target's LLVMFuzzerTestOneInput, renamed at build time (tests/unit/meson.build). */
int fz_fuzz_router(const uint8_t *data, size_t size);
int fz_fuzz_multipart(const uint8_t *data, size_t size);
int fz_fuzz_calendar_csv(const uint8_t *data, size_t size);
int fz_fuzz_xlsx(const uint8_t *data, size_t size);
int fz_fuzz_json_inputs(const uint8_t *data, size_t size);

static const struct {
	const char *name;
	int (*fn)(const uint8_t *data, size_t size);
} targets[] = {
	{"router", fz_fuzz_router},
	{"multipart", fz_fuzz_multipart},
	{"calendar_csv", fz_fuzz_calendar_csv},
	{"xlsx", fz_fuzz_xlsx},
	{"json_inputs", fz_fuzz_json_inputs},
};

#define MAX_SEED (64 * 1024)

/* The file's bytes (malloc'd, caller frees) or NULL. */
static uint8_t *slurp(const char *path, size_t *len)
{
	FILE *f = fopen(path, "rb");
	if (!f)
		return NULL;
	uint8_t *buf = malloc(MAX_SEED);
	size_t n = buf ? fread(buf, 1, MAX_SEED, f) : 0;
	bool too_big = buf && n == MAX_SEED && fgetc(f) != EOF;
	fclose(f);
	if (!buf || too_big) {
		fprintf(stderr, "%s: %s\n", path, too_big ? "larger than 64 KiB" : "out of memory");
		free(buf);
		return NULL;
	}
	*len = n;
	return buf;
}

/* Runs one input whole and at every shorter length, each in a copy of exactly that size. */
static void run(int (*fn)(const uint8_t *, size_t), const uint8_t *data, size_t len)
{
	for (size_t n = 0; n <= len; n++) {
		uint8_t *copy = malloc(n ? n : 1);
		if (!copy)
			abort();
		memcpy(copy, data, n);
		fn(copy, n);
		free(copy);
	}
}

static int by_name(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

int main(int argc, char **argv)
{
	if (argc != 2) {
		fprintf(stderr, "usage: %s CORPUS_DIR\n", argv[0]);
		return 2;
	}
	int status = 0;
	for (size_t t = 0; t < sizeof targets / sizeof targets[0]; t++) {
		char dir[4096];
		snprintf(dir, sizeof dir, "%s/%s", argv[1], targets[t].name);
		DIR *d = opendir(dir);
		if (!d) {
			fprintf(stderr, "FAIL [%s] cannot open %s\n", targets[t].name, dir);
			status = 1;
			continue;
		}
		/* Sorted, so a failure is reported on the same file every run. */
		char *names[256];
		size_t count = 0;
		struct dirent *e;
		while ((e = readdir(d)) && count < sizeof names / sizeof names[0])
			if (e->d_name[0] != '.')
				names[count++] = strdup(e->d_name);
		closedir(d);
		qsort(names, count, sizeof names[0], by_name);
		size_t files = 0, bytes = 0;
		for (size_t i = 0; i < count; i++) {
			char path[8192];
			struct stat sb;
			snprintf(path, sizeof path, "%s/%s", dir, names[i]);
			if (stat(path, &sb) != 0 || !S_ISREG(sb.st_mode))
				continue;
			size_t len = 0;
			uint8_t *data = slurp(path, &len);
			if (!data) {
				status = 1;
				continue;
			}
			printf("%s: %s (%zu bytes)\n", targets[t].name, names[i], len);
			fflush(stdout);
			run(targets[t].fn, data, len);
			free(data);
			files++;
			bytes += len;
		}
		for (size_t i = 0; i < count; i++)
			free(names[i]);
		if (files == 0) {
			fprintf(stderr, "FAIL [%s] no seed files in %s\n", targets[t].name, dir);
			status = 1;
		}
		printf("%s: %zu files, %zu bytes, every prefix run\n", targets[t].name, files,
		       bytes);
	}
	return status;
}
