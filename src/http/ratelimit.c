/*
 * ratelimit.c - token buckets (ratelimit.h). One mutex: the table is tiny and hits are rare.
 *
 * A bucket is keyed by the client's address text itself, not by its hash, so
 * two addresses never share one: neighbours such as 127.0.0.5 and 127.0.0.6
 * each get their own limit. An address's bucket lies within PROBE slots of the
 * home slot its hash picks. When those slots all belong to other addresses,
 * the one used longest ago gives way; a bucket left alone for a minute is full
 * again, so replacing it loses nothing.
 */
#include "http/ratelimit.h"

#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#define SLOTS 4096 /* power of two */
#define PROBE 8

struct bucket {
	char addr[64]; /* the key; "" while the slot is free */
	double tokens;
	double at; /* last refill */
};

static struct bucket table[SLOTS];
static pthread_mutex_t lock = PTHREAD_MUTEX_INITIALIZER;
static double per_minute = -1;

static uint64_t hash(const char *s)
{
	uint64_t h = 14695981039346656037u; /* FNV-1a */
	for (; *s; s++)
		h = (h ^ (unsigned char)*s) * 1099511628211u;
	return h;
}

/* The bucket of addr, or a fresh one in place of a free or the stalest slot nearby. */
static struct bucket *find(const char *addr, double now)
{
	size_t home = hash(addr) & (SLOTS - 1);
	struct bucket *spare = NULL;
	for (size_t k = 0; k < PROBE; k++) {
		struct bucket *b = &table[(home + k) & (SLOTS - 1)];
		if (strcmp(b->addr, addr) == 0)
			return b;
		if (!spare || (spare->addr[0] && (!b->addr[0] || b->at < spare->at)))
			spare = b;
	}
	snprintf(spare->addr, sizeof spare->addr, "%s", addr);
	spare->tokens = per_minute;
	spare->at = now;
	return spare;
}

bool fz_ratelimit_allow(const char *client, double now)
{
	/* A client is an address text (at most 63 bytes); "" would read as a free slot. */
	char addr[64];
	snprintf(addr, sizeof addr, "%s", client && *client ? client : "?");
	pthread_mutex_lock(&lock);
	if (per_minute < 0) {
		const char *env = getenv("FAZHI_PUBLIC_RATE");
		per_minute = env && atof(env) > 0 ? atof(env) : 30;
	}
	struct bucket *b = find(addr, now);
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
