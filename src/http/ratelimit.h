/*
 * ratelimit.h - per-client token buckets for public forms and lookups.
 *
 * A fixed table of buckets keyed by the client's full address: two addresses
 * never share a bucket; when the table is crowded, the bucket used longest ago
 * is reused (idle for a minute, it would be full anyway). The rate is
 * FAZHI_PUBLIC_RATE requests per minute (default 30) with the same burst.
 */
#ifndef FZ_HTTP_RATELIMIT_H
#define FZ_HTTP_RATELIMIT_H

#include <stdbool.h>

/* true when the client may make one more request now (seconds since any epoch). */
bool fz_ratelimit_allow(const char *client, double now);

#endif
