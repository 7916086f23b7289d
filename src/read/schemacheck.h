/* schemacheck.h: why a document does not match its schema, in plain
 * words.  libxml2 decides whether a document is valid (xmlin.c); this
 * walks the document against the schema's tables (rngtab.h, generated
 * from the schema) and says, at the attribute, element or text that is
 * wrong, what was found and what is allowed there: the attribute a
 * <chart> needs and its values, the elements allowed at that point with a
 * "did you mean", the order a story's parts go in, the element text
 * should be wrapped in. */
#ifndef BRIEFING_SCHEMACHECK_H
#define BRIEFING_SCHEMACHECK_H

#include <libxml/tree.h>

#include "base/diag.h"
#include "read/rngtab.h"
#include "read/srcmap.h"

/* Report to d every way doc breaks grammar g, located through m (file
 * names the document when m knows nothing of a node).  At most 50 errors
 * are reported, then one saying the check stopped.  Returns the number of
 * errors reported (0: the tables see nothing wrong). */
int schemacheck(const struct rng_grammar *g, xmlDocPtr doc,
    const struct srcmap *m, struct diags *d, const char *file);

#endif
