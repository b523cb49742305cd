/* ratelimit.c - token buckets (ratelimit.h). One mutex: the table is tiny and hits are rare. */
#include "http/ratelimit.h"

#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096

struct bucket {
	unsigned long key;
	double tokens;
	double at;
};

static struct bucket table[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static double per_minute = -1;

static unsigned long hash(const char *s)
{
	unsigned long h = 5381;
	for (; *s; s++)
		h = h * 33 + (unsigned char)*s;
	return h | 1;
}

bool fz_ratelimit_allow(const char *client, double now)
{
	pthread_mutex_lock(&lock);
	if (per_minute < 0) {
		const char *env = getenv("FAZHI_PUBLIC_RATE");
		per_minute = env && atof(env) > 0 ? atof(env) : 30;
	}
	unsigned long key = hash(client ? client : "");
	struct bucket *b = &table[key % SLOTS];
	if (b->key != key) {
		b->key = key;
		b->tokens = per_minute;
		b->at = now;
	}
	b->tokens += (now - b->at) * per_minute / 60.0;
	if (b->tokens > per_minute)
		b->tokens = per_minute;
	b->at = now;
	bool ok = b->tokens >= 1.0;
	if (ok)
		b->tokens -= 1.0;
	pthread_mutex_unlock(&lock);
	return ok;
}
