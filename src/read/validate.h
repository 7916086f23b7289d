/* validate.h: the checks a schema cannot make, in one pass over the model:
 * real calendar dates, numbers that parse, relation ends that name players,
 * unique ids, safe link targets.  It also fills the parsed fields (dates,
 * chart values) that layout relies on. */
#ifndef BRIEFING_VALIDATE_H
#define BRIEFING_VALIDATE_H

#include "base/diag.h"
#include "read/model.h"

/* Check b, adding every problem to d.  Returns the number of errors. */
int validate(struct briefing *b, struct diags *d);

/* True when href is a link target we write into a PDF: http or https
 * with a host, or mailto with an address; no white space or control
 * characters anywhere. */
int validate_href(const char *href);
/* href with every byte outside printable ASCII (and any space) written as
 * %XX, as a PDF's /URI and a mail's link must be: a new string. */
char *validate_uri_encode(const char *href);

/* The most bytes a text that becomes a PDF string may have (a title in
 * the document information and the bookmarks, a link target): PDF
 * readers need not take longer strings (ISO 32000-1, annex C). */
#define VALIDATE_MAX_STRING	32767
/* Chart values are drawn in 32-bit coordinates: magnitudes beyond these
 * cannot be placed, whatever the scale. */
#define VALIDATE_MAX_VALUE	1e18
#define VALIDATE_MIN_VALUE	1e-9
/* The most characters in one block of text (a paragraph, a point, a
 * title): Pango lays a paragraph out in 32-bit units of 1/1024 pt. */
#define VALIDATE_MAX_TEXT	65536
/* A chart's series and different labels (its table is one by the other). */
#define VALIDATE_MAX_SERIES	64
#define VALIDATE_MAX_LABELS	10000

#endif
