/* pdf.h: the PDF backend (libharu).  Reads only the display list. */
#ifndef BRIEFING_PDF_H
#define BRIEFING_PDF_H

#include <stddef.h>

#include "dl.h"

/* Where the time of a render went, in milliseconds. */
struct pdf_stats {
	double	fonts;		/* loading the faces into libharu */
	double	draw;		/* writing the pages' content */
	double	save;		/* subsetting fonts, compressing, serialising */
};

/* Write doc as a PDF into memory: *out (malloc'd, caller frees) and *len;
 * streams are compressed unless compress is 0.  stats may be NULL.
 * Returns 0, or -1 with a message in *err (malloc'd) when libharu fails
 * (a face it cannot embed, an image it cannot read). */
int pdf_render(const struct dl_doc *doc, int compress, char **out, size_t *len,
    struct pdf_stats *stats, char **err);

#endif
