/* pdfzip.h: deflating libharu's streams before it saves, on another core.
 *
 * libharu 2.3.0 compresses every stream inside HPDF_SaveToStream, one
 * after the other, on the thread that saves.  A stream whose content is
 * final (a page once drawn, a font file once subset) can be
 * compressed earlier and elsewhere: its data is replaced by the deflated
 * bytes, libharu's own filter is switched off for it, and the stream's
 * dictionary writes /Filter /FlateDecode itself.  The PDF says the same
 * thing; the time moves off the critical path. */
#ifndef BRIEFING_PDFZIP_H
#define BRIEFING_PDFZIP_H

#include <hpdf.h>

struct pdfzip;

struct zcache;

/* Start a compressor with a thread of its own; with a cache (NULL: none),
 * a stream whose bytes were deflated in a build before takes the kept
 * result instead.  Returns NULL when no thread can be started (the
 * streams are then left to libharu). */
struct pdfzip *pdfzip_new(struct zcache *cache);
/* Queue a stream dictionary whose content will not change again, to be
 * deflated at zlib's default level, or with best at its best (for the
 * font files, written once a document: a few percent smaller).  The
 * thread may read it from now on; the caller must not write to it. */
void pdfzip_add(struct pdfzip *z, HPDF_Dict stream, int best);
/* Deflate what is still queued alongside the thread, wait for it, and put
 * each compressed stream in place (libharu allocates: call it on the
 * thread that owns the document).
 * Adds the milliseconds the thread spent deflating to *ms (ms may be
 * NULL).  Returns 0, or -1 when libharu could not take the data back. */
int pdfzip_finish(struct pdfzip *z, double *ms);
/* Stop the thread and free the compressor; NULL is ignored. */
void pdfzip_free(struct pdfzip *z);

#endif
