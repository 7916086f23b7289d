/* parse.h: read an input file (a <story> or a <briefing>) into the model,
 * with XInclude, RELAX NG validation and located diagnostics. */
#ifndef BRIEFING_PARSE_H
#define BRIEFING_PARSE_H

#include "base/diag.h"
#include "read/model.h"

/* Largest input file (and included file) accepted, in bytes. */
#define PARSE_MAX_BYTES	(32u * 1024 * 1024)

/* Parse path into a new briefing.  Well-formedness, XInclude and schema
 * problems are all added to d.  Returns NULL when any error was found
 * (the model is then not built); the caller frees the result with
 * model_free.  The returned model lists in files every file read. */
struct briefing *parse_file(const char *path, struct diags *d);

/* Parse a document held in memory, named name in diagnostics; XInclude
 * may name files in the current folder or below.  As parse_file. */
struct briefing *parse_memory(const char *name, const char *data, size_t len,
    struct diags *d);

/* Find the 1-based column of needle on line `line` of file (read once and
 * cached for the process).  Searches back a few lines when the needle is
 * not on that line, updating *line.  Returns 0 when not found. */
int srcpos_column(const char *file, int *line, const char *needle);

/* The files the last parse read or tried to include (the input first),
 * whether or not it succeeded: what a watcher must watch.  Valid until
 * the next parse. */
const char *const *parse_files_read(size_t *n);

/* Forget the cached source files. */
void parse_cleanup(void);

#endif
