/* pdf.h: the PDF backend (libharu).  Reads only the display list. */
#ifndef BRIEFING_PDF_H
#define BRIEFING_PDF_H

#include <stddef.h>

#include "dl.h"

/* Write doc as a compressed PDF into memory: *out (malloc'd, caller
 * frees) and *len.  Returns 0, or -1 with a message in *err (malloc'd)
 * when libharu fails (a face it cannot embed, an image it cannot read). */
int pdf_render(const struct dl_doc *doc, char **out, size_t *len, char **err);

#endif
