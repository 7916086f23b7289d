/* output.h: writing results so that a failure loses nothing. */
#ifndef BRIEFING_OUTPUT_H
#define BRIEFING_OUTPUT_H

#include <stddef.h>

/* Write len bytes to path atomically: a temporary file in the same folder,
 * flushed, then renamed over path.  "-" writes to standard output, and a
 * device or FIFO (e.g. /dev/full) is written in place.  On
 * failure the temporary file is removed, path is untouched, and -1 is
 * returned with a message in *err (malloc'd). */
int output_write(const char *path, const void *data, size_t len, char **err);

#endif
