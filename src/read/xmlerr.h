/* xmlerr.h: XML syntax errors in plain words.  The parser's errors for
 * one file are gathered, then reported once per root cause: an element
 * left open is one error at its start tag (not the cascade of mismatched
 * end tags that follows it), a bare & says to write &amp;, and nothing of
 * libxml2's own wording or function names is ever shown. */
#ifndef BRIEFING_XMLERR_H
#define BRIEFING_XMLERR_H

#include <libxml/xmlerror.h>

#include "base/diag.h"
#include "read/srcmap.h"

struct xmlerrs;

/* An empty list.  Never fails. */
struct xmlerrs *xmlerrs_new(void);
/* Free the list; NULL is ignored. */
void xmlerrs_free(struct xmlerrs *l);
/* Keep one of the parser's errors (called from its error handler). */
void xmlerrs_add(struct xmlerrs *l, const xmlError *e);
/* Report the errors kept, one per root cause, for file f of m to d, and
 * empty the list.  Returns the number of errors (not warnings) reported. */
int xmlerrs_report(struct xmlerrs *l, const struct srcmap *m, int f,
    struct diags *d);

#endif
