/*
 * enf_inspection_rules.c - the pure rules of inspections: the number a plan
 * draws, the credit code's check character and the seeded, reproducible draw
 * (enf_inspection_rules.h says each rule). No store, no clock, no I/O.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <sodium.h>

#include "modules/enforcement/enf_inspection_rules.h"

size_t fz_insp_draw_size(const char *kind, long value, size_t total, size_t remaining)
{
	size_t n = 0;
	if (value > 0 && kind && strcmp(kind, "share") == 0)
		n = (size_t)(((unsigned long long)total * (unsigned long long)value + 99) / 100);
	else if (value > 0)
		n = (size_t)value;
	if (n == 0 && total > 0 && value > 0)
		n = 1;
	return n < remaining ? n : remaining;
}

/* GB 32100-2015 第4.3条: the code's alphabet, each character's value its position. */
static const char CREDIT_ALPHABET[] = "0123456789ABCDEFGHJKLMNPQRTUWXY";
static const int CREDIT_WEIGHTS[17] = {1,  3,  9,  27, 19, 26, 16, 17, 20,
				       29, 25, 13, 8,  24, 10, 30, 28};

bool fz_insp_credit_code_ok(const char *code)
{
	if (!code || strlen(code) != 18)
		return false;
	int sum = 0, v[18];
	for (int i = 0; i < 18; i++) {
		const char *p = code[i] ? strchr(CREDIT_ALPHABET, code[i]) : NULL;
		if (!p)
			return false;
		v[i] = (int)(p - CREDIT_ALPHABET);
	}
	for (int i = 0; i < 17; i++)
		sum += v[i] * CREDIT_WEIGHTS[i];
	int check = (31 - sum % 31) % 31;
	return v[17] == check;
}

static uint64_t stream_u64(const unsigned char seed[FZ_INSP_SEED_BYTES], const char *stream,
			   uint64_t c)
{
	crypto_hash_sha256_state st;
	unsigned char d[crypto_hash_sha256_BYTES];
	char tail[32];
	int len = snprintf(tail, sizeof tail, ":%llu", (unsigned long long)c);
	crypto_hash_sha256_init(&st);
	crypto_hash_sha256_update(&st, seed, FZ_INSP_SEED_BYTES);
	crypto_hash_sha256_update(&st, (const unsigned char *)stream, strlen(stream));
	crypto_hash_sha256_update(&st, (const unsigned char *)tail, (unsigned long long)len);
	crypto_hash_sha256_final(&st, d);
	uint64_t x = 0;
	for (int i = 0; i < 8; i++)
		x = (x << 8) | d[i];
	return x;
}

bool fz_insp_pick(const unsigned char seed[FZ_INSP_SEED_BYTES], const char *stream, size_t n,
		  size_t k, size_t *picked)
{
	if (k > n)
		return false;
	size_t *a = malloc((n ? n : 1) * sizeof *a);
	if (!a)
		return false;
	for (size_t i = 0; i < n; i++)
		a[i] = i;
	uint64_t c = 0;
	for (size_t j = 0; j < k; j++) {
		uint64_t m = (uint64_t)(n - j);
		/* The largest multiple of m that fits is UINT64_MAX + 1 - (2^64 mod m). */
		uint64_t rem = (UINT64_MAX % m + 1) % m, x;
		do
			x = stream_u64(seed, stream, c++);
		while (rem && x > UINT64_MAX - rem);
		size_t r = j + (size_t)(x % m), t = a[j];
		a[j] = a[r];
		a[r] = t;
		picked[j] = a[j];
	}
	free(a);
	return true;
}

void fz_insp_sha256_hex(const char *text, size_t len, char out[65])
{
	unsigned char d[crypto_hash_sha256_BYTES];
	crypto_hash_sha256(d, (const unsigned char *)text, len);
	sodium_bin2hex(out, 65, d, sizeof d);
}

bool fz_insp_seed_parse(const char *hex, unsigned char seed[FZ_INSP_SEED_BYTES])
{
	size_t got = 0;
	return hex && strlen(hex) == 2 * FZ_INSP_SEED_BYTES &&
	       sodium_hex2bin(seed, FZ_INSP_SEED_BYTES, hex, strlen(hex), NULL, &got, NULL) == 0 &&
	       got == FZ_INSP_SEED_BYTES;
}
