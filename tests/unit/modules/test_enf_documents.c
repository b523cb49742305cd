/*
 * test_enf_documents.c - unit tests of the evidence check of
 * modules/enforcement/enf_documents.c (全过程记录, 行政处罚法 第47条).
 *
 * For: which files a penalty case takes as evidence, by extension AND first
 * bytes (body-camera video and audio, photos, scans), so a renamed file is
 * refused. Not for: storing, numbering or the archive
 * (tests/api/enf_documents.test.mjs).
 */
#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>

#include <cmocka.h>

#include <string.h>

#include "modules/enforcement/enf_int.h"

#define NROWS(a) (sizeof(a) / sizeof((a)[0]))

static void test_evidence_types(void **state)
{
	(void)state;
	static const struct {
		const char *what, *name;
		const char *bytes;
		size_t len;
		const char *type; /* NULL: refused */
	} rows[] = {
	    {"MP4 (ftyp box)", "执法记录仪.mp4",
	     "\0\0\0\x18"
	     "ftypisom....",
	     16, "video/mp4"},
	    {"MP4, upper-case extension", "A.MP4",
	     "\0\0\0\x20"
	     "ftypmp42....",
	     16, "video/mp4"},
	    {"MP4 name, executable inside", "x.mp4", "MZ\x90\0\3\0\0\0\4\0\0\0\xff\xff\0\0", 16,
	     NULL},
	    {"MP4 too short for its box", "x.mp4", "\0\0\0", 3, NULL},
	    {"MP3 with ID3 tag", "询问.mp3", "ID3\3\0\0\0\0\0\0", 10, "audio/mpeg"},
	    {"MP3 frame sync", "询问.mp3", "\xff\xfb\x90\x44", 4, "audio/mpeg"},
	    {"MP3 name, text inside", "x.mp3", "hello", 5, NULL},
	    {"WAV", "录音.wav", "RIFF\0\0\0\0WAVEfmt ", 16, "audio/wav"},
	    {"WAV name, AVI inside", "x.wav", "RIFF\0\0\0\0AVI LIST", 16, NULL},
	    {"JPG", "照片.jpg", "\xff\xd8\xff\xe0", 4, "image/jpeg"},
	    {"JPEG", "照片.jpeg", "\xff\xd8\xff\xe1", 4, "image/jpeg"},
	    {"PNG", "照片.png", "\x89PNG\r\n\x1a\n", 8, "image/png"},
	    {"PDF", "扫描件.pdf", "%PDF-1.4", 8, "application/pdf"},
	    {"PNG name, JPEG inside", "x.png", "\xff\xd8\xff\xe0", 4, NULL},
	    {"Word is not evidence here", "说明.docx", "PK\3\4", 4, NULL},
	    {"text is not evidence here", "说明.txt", "text", 4, NULL},
	    {"no extension", "mp4",
	     "\0\0\0\x18"
	     "ftypisom....",
	     16, NULL},
	};
	for (size_t i = 0; i < NROWS(rows); i++) {
		const char *got = fz_enf_evidence_type(rows[i].name, rows[i].bytes, rows[i].len);
		if ((got == NULL) != (rows[i].type == NULL) ||
		    (got && strcmp(got, rows[i].type) != 0))
			fail_msg("%s (%s): got %s, want %s", rows[i].what, rows[i].name,
				 got ? got : "refused", rows[i].type ? rows[i].type : "refused");
	}
}

int main(void)
{
	const struct CMUnitTest tests[] = {
	    cmocka_unit_test(test_evidence_types),
	};
	return cmocka_run_group_tests(tests, NULL, NULL);
}
