/*
 * enf_inspection_rules.h - the rules of inspections (行政检查, "双随机、一公开")
 * that need no store: how many entities a plan draws, the unified social
 * credit code's check character (GB 32100-2015), and the seeded draw itself.
 * Private to the enforcement folder; pure, so unit tests check them row by
 * row and anyone can re-run a recorded draw.
 */
#ifndef FZ_MODULES_ENF_INSPECTION_RULES_H
#define FZ_MODULES_ENF_INSPECTION_RULES_H

#include <stdbool.h>
#include <stddef.h>

/* Bytes of a draw's seed (from the system's random source); its hex text is twice as long. */
#define FZ_INSP_SEED_BYTES 32

/*
 * How many entities one draw of a plan takes: "number" draws value entities,
 * "share" value per cent of the whole directory (total) rounded up, at least
 * one; never more than the entities not yet drawn under the plan (remaining).
 */
size_t fz_insp_draw_size(const char *kind, long value, size_t total, size_t remaining);

/* GB 32100-2015: 18 characters of 0-9 and A-Y without I, O, S, V, Z, the last a check character. */
bool fz_insp_credit_code_ok(const char *code);

/*
 * The draw (documented in docs/enforcement-inspection.md, so it can be re-run
 * by hand): a partial Fisher-Yates shuffle of the indices 0..n-1 that keeps
 * the first k. Step j swaps position j with position j + r, r uniform in
 * [0, n - j): r comes from the 64-bit numbers x_c = the first 8 bytes, big
 * endian, of SHA-256(seed || stream || ":" || c) for c = 0, 1, 2, ... (c
 * counts on across steps), taking the first x_c below the largest multiple of
 * n - j that fits in 64 bits and r = x_c mod (n - j). picked[0..k) receives
 * the chosen indices in drawing order. False (nothing picked) when k > n or
 * memory runs out.
 */
bool fz_insp_pick(const unsigned char seed[FZ_INSP_SEED_BYTES], const char *stream, size_t n,
		  size_t k, size_t *picked);

/* SHA-256 of text as 64 lowercase hex characters into out (65 bytes). */
void fz_insp_sha256_hex(const char *text, size_t len, char out[65]);

/* Hex text of FZ_INSP_SEED_BYTES bytes to bytes; false when it is not one. */
bool fz_insp_seed_parse(const char *hex, unsigned char seed[FZ_INSP_SEED_BYTES]);

#endif
