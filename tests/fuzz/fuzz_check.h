/*
 * fuzz_check.h - the one assertion the fuzz targets use.
 *
 * A target checks what must hold for any input (results inside the buffers
 * given, outputs terminated, agreement with a reference); a broken promise
 * aborts with the line, so libFuzzer saves the input and replay fails.
 * Private to tests/fuzz/.
 */
#ifndef FZ_FUZZ_CHECK_H
#define FZ_FUZZ_CHECK_H

#include <stdio.h>
#include <stdlib.h>

#define FUZZ_CHECK(cond)                                                                           \
	do {                                                                                       \
		if (!(cond)) {                                                                     \
			fprintf(stderr, "%s:%d: broken: %s\n", __FILE__, __LINE__, #cond);         \
			abort();                                                                   \
		}                                                                                  \
	} while (0)

#endif
