/* xmlin.h: the one door through which XML comes in.  Stories, the files
 * they include and layout files are all parsed here, with the same rules:
 * no DTD (a DOCTYPE is an error before libxml2 sees it), no entities but
 * the five predefined ones, no network, no file opened by libxml2 itself,
 * elements nested at most 256 deep, and every error located as
 * FILE:LINE:COL.  The files of one input share one libxml2 dictionary, so
 * elements can move from an included document into the including one. */
#ifndef BRIEFING_XMLIN_H
#define BRIEFING_XMLIN_H

#include <stddef.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "read/srcmap.h"

struct xmlin;

/* A parser for the files of one input: errors go to d, places into m
 * (both owned by the caller, and outliving the parser). */
struct xmlin *xmlin_new(struct diags *d, struct srcmap *m);
/* Free the parser (the documents it made stay the caller's); NULL is
 * ignored. */
void xmlin_free(struct xmlin *x);
/* Parse the bytes of the file called name (UTF-8, or UTF-16 with a
 * byte-order mark).  On success every element of the document is paired
 * with its place in m.  Returns the document (free with xmlFreeDoc), or
 * NULL after reporting every error found to d. */
xmlDocPtr xmlin_parse(struct xmlin *x, const char *name, const char *data,
    size_t len);
/* Check doc against a RELAX NG schema (its text in memory, compiled on
 * first use and kept for the process).  Problems go to d, located through
 * m.  Returns the number of errors. */
int xmlin_validate(struct xmlin *x, xmlDocPtr doc, const char *schema,
    size_t len);
/* Forget the compiled schemas (at exit). */
void xmlin_cleanup(void);

/* Whether data[0, len) holds nothing but white space (or nothing):
 * data need not end in NUL.  Returns 1 or 0. */
int xmlin_blank(const char *data, size_t len);

#endif
