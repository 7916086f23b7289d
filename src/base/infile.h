/* infile.h: the one way briefing reads a file on behalf of an input:
 * stories, included files, text includes, layouts and images.
 *
 * A file is opened once, never blocks (a FIFO or a device named by an
 * input is refused, not waited on), is read to a size limit, and is
 * checked through the opened descriptor: what the descriptor really is
 * must be a regular file inside the confining folder, so swapping a
 * symlink between a check and the open cannot bring in a file from
 * elsewhere. */
#ifndef BRIEFING_INFILE_H
#define BRIEFING_INFILE_H

#include <stddef.h>

/* Largest input file (and included file, layout) read, in bytes. */
#define INFILE_MAX	(32u * 1024 * 1024)

/* Read path into memory (malloc'd, NUL-terminated; the caller frees
 * *data).  With root (a real path, no trailing slash) the file must be a
 * regular file in that folder or below it, links resolved; without, any
 * readable file (a pipe named on the command line is read to the limit).
 * Reads at most max bytes.  Returns 0; -2 when the file does not exist;
 * -1 otherwise.  On failure *why (malloc'd) says why, in words that
 * follow "cannot read FILE: " (the system's reason, or "it is a folder,
 * not a file", "it is outside the input's folder; ...", "it is larger
 * than ..."). */
int infile_read(const char *path, const char *root, size_t max, char **data,
    size_t *len, char **why);

/* The real path of the folder a file is in (links resolved, no trailing
 * slash; "/" for the root).  Returns a malloc'd string, or NULL with errno
 * set. */
char *infile_real_dir(const char *path);

/* The folder part of path ("." when there is none): a malloc'd string. */
char *infile_dirname(const char *path);

/* True when real path p lies in folder root or below it. */
int infile_within(const char *p, const char *root);

#endif
