/* output.h: writing results so that a failure loses nothing.
 *
 * Every file is first written in full to a temporary file beside its
 * target, flushed, and then renamed over it: a reader never sees half a
 * PDF, and a failure (a full disk, a signal) leaves the previous file as
 * it was.  A target that is a symbolic link is written through the link
 * (the file it names is replaced, the link stays); an existing file keeps
 * its permissions.  Temporary files are removed on failure and, once
 * output_guard_signals has run, when SIGINT, SIGTERM or SIGHUP ends the
 * process. */
#ifndef BRIEFING_OUTPUT_H
#define BRIEFING_OUTPUT_H

#include <stddef.h>

/* Files written together: all of them replace their targets, or none. */
struct output_batch;

/* An empty batch.  Never fails. */
struct output_batch *output_batch_new(void);
/* Write data to a temporary file for path (see above).  "-" stands for
 * standard output and a device or FIFO for itself: those are written at
 * once.  Returns 0, or -1 with a message in *err (malloc'd) naming path;
 * the batch should then be aborted. */
int output_batch_add(struct output_batch *b, const char *path, const void *data,
    size_t len, char **err);
/* Rename every temporary file over its target and free the batch.
 * Returns 0, or -1 with a message in *err (targets renamed before the
 * failure stay replaced; the rest are removed). */
int output_batch_commit(struct output_batch *b, char **err);
/* Remove every temporary file and free the batch; NULL is ignored. */
void output_batch_abort(struct output_batch *b);

/* One file, as a batch of one.  Returns 0, or -1 with *err (malloc'd). */
int output_write(const char *path, const void *data, size_t len, char **err);

/* Refuse to write over an input: when path names an existing file that is
 * one of the n files in inputs (the same device and inode, whatever the
 * names), returns -1 with a message in *err; else 0. */
int output_not_input(const char *path, char *const *inputs, size_t n,
    char **err);

/* Remove this process's temporary files when SIGINT, SIGTERM or SIGHUP
 * ends it, and make a closed pipe an error (EPIPE) instead of a signal.
 * A SIGBUS (a font file rewritten while it is mapped) removes them too,
 * says so and exits with status 3. */
void output_guard_signals(void);
/* Remove this process's temporary files now; safe in a signal handler. */
void output_remove_temps(void);

#endif
