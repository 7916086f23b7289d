/* pdf.h: the PDF backend (libharu).  Reads only the display list. */
#ifndef BRIEFING_PDF_H
#define BRIEFING_PDF_H

#include <stddef.h>

#include "draw/dl.h"

/* Where the time of a render went, in milliseconds. */
struct pdf_stats {
	double	fonts;		/* opening the faces, subsetting and writing them */
	double	draw;		/* writing the pages' content */
	double	save;		/* serialising what is left to deflate */
	double	compress;	/* deflating pages and font files on another thread */
};

/* A PDF in the making.  Text is written as glyph ids in fonts of the
 * writer's own (see pdffont.h), each face subset once per document to
 * the glyphs its pages draw; libharu assembles pages, outline, links and
 * labels.  Faces are opened as layout announces them; the fonts are made
 * in the order the pages first use them, so the output is the same byte
 * for byte however the faces were announced. */
struct pdf_writer;

/* Start a PDF (threaded: pages and font files are deflated on a second
 * thread as they are finished).  Returns NULL when libharu cannot start. */
struct pdf_writer *pdf_writer_new(int compress, int threaded);
struct zcache;
/* Take deflated streams from kept (zcache.h) where a stream's bytes were
 * deflated in a build before, and keep this build's there (watch). */
void pdf_writer_keep(struct pdf_writer *w, struct zcache *kept);
/* Write PDF/A-2 as well, level 'b', 'u' or 'a' (a PDF/UA document is
 * tagged whatever the level). */
void pdf_writer_pdfa(struct pdf_writer *w, char level);
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
