/* pdf.h: the PDF backend (libharu).  Reads only the display list. */
#ifndef BRIEFING_PDF_H
#define BRIEFING_PDF_H

#include <stddef.h>

#include "draw/dl.h"

/* Where the time of a render went, in milliseconds. */
struct pdf_stats {
	double	fonts;		/* loading the faces into libharu (a thread) */
	double	draw;		/* writing the pages' content */
	double	save;		/* subsetting fonts, serialising, deflating them */
	double	compress;	/* deflating pages and maps on other threads */
};

/* A PDF in the making, whose faces can be loaded while layout runs:
 * libharu spends milliseconds per face building its character map, and
 * a second core can do that while Pango is busy.  Faces load in the
 * order they are announced, the same order a one-go render uses, so the
 * output is the same byte for byte. */
struct pdf_writer;

/* Start a PDF (threaded: faces load on a thread of their own).  Returns
 * NULL when libharu cannot start. */
struct pdf_writer *pdf_writer_new(int compress, int threaded);
/* Announce the file of a face the text will use. */
void pdf_writer_face(struct pdf_writer *w, const char *path);
/* Write doc as a PDF into memory: *out (malloc'd, caller frees) and *len;
 * streams are compressed unless the writer was made without.  stats may
 * be NULL.  Returns 0, or -1 with a message in *err (malloc'd) when
 * libharu fails (a face it cannot embed, an image it cannot read). */
int pdf_writer_finish(struct pdf_writer *w, const struct dl_doc *doc,
    char **out, size_t *len, struct pdf_stats *stats, char **err);
/* Free the writer. */
void pdf_writer_free(struct pdf_writer *w);

#endif
