/* parse.h: read an input file (a <story> or a <briefing>) into the model,
 * with its includes, RELAX NG validation and located diagnostics. */
#ifndef BRIEFING_PARSE_H
#define BRIEFING_PARSE_H

#include "base/diag.h"
#include "read/include.h"
#include "read/model.h"

/* Parse path into a new briefing.  Well-formedness, include and schema
 * problems are all added to d.  Every file read or tried is added to read
 * (may be NULL), the input first, whether or not the parse succeeds.
 * Returns NULL when any error was found (the model is then not built);
 * the caller frees the result with model_free. */
struct briefing *parse_file(const char *path, struct diags *d,
    struct filelist *read);

/* Parse a document held in memory, named name in diagnostics; it may
 * include files in the current folder or below.  As parse_file. */
struct briefing *parse_memory(const char *name, const char *data, size_t len,
    struct diags *d, struct filelist *read);

#endif
