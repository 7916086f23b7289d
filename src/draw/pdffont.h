/* pdffont.h: a face embedded in a PDF by glyph id.
 *
 * Each face becomes a Type0 font, Identity-H, whose codes are the glyph
 * ids Pango chose (CID = glyph id, /CIDToGIDMap /Identity), with one
 * descendant: CIDFontType2 for TrueType outlines (FontFile2), CIDFontType0
 * for CFF ones (FontFile3 /OpenType).  The font program is the face
 * subset by HarfBuzz to the glyphs the document uses, glyph ids kept.
 * /W lists only those glyphs; the ToUnicode CMap says what each glyph
 * stands for, from Pango's clusters.
 *
 * Opening and subsetting touch only HarfBuzz (any thread, one face per
 * thread at a time); the calls that take an HPDF_Doc run on the
 * document's thread. */
#ifndef BRIEFING_PDFFONT_H
#define BRIEFING_PDFFONT_H

#include <stddef.h>
#include <stdint.h>

#include <hpdf.h>

#include "draw/pdfzip.h"

struct pdffont;

/* Open face number index of the font file at path.  Returns NULL with a
 * message in *err (malloc'd) when HarfBuzz finds no glyphs in it. */
struct pdffont *pdffont_open(const char *path, unsigned index, char **err);
/* Free a face; NULL is ignored. */
void pdffont_free(struct pdffont *f);

/* The advance of glyph gid in 1/1000 em, exactly as /W will give it;
 * the glyph joins the subset. */
double pdffont_use(struct pdffont *f, uint32_t gid);
/* Whether glyph gid alone can stand for text[0, len) in the text layer:
 * 1 when the ToUnicode entry of gid says that text (the entry is made
 * now when gid has none yet), 0 when gid already stands for something
 * else (the caller marks the text with /ActualText). */
int pdffont_map(struct pdffont *f, uint32_t gid, const char *text, size_t len);

/* Give the glyphs gids[0, n) of an /ActualText span over text[0, len)
 * ToUnicode entries where they have none yet, for readers that ignore
 * the span: a glyph that is some character's own glyph (the face's cmap)
 * stands for it; the first other glyph stands for the characters left
 * (a vowel sign in its positional form, a conjunct's half forms). */
void pdffont_map_span(struct pdffont *f, const uint32_t *gids, size_t n,
    const char *text, size_t len);

/* The font's dictionary in pdf (an indirect object, made on first call),
 * to name in page resources before the font is written. */
HPDF_Dict pdffont_dict(struct pdffont *f, HPDF_Doc pdf);
/* Subset the face to the glyphs used so far (HarfBuzz only).  Returns 0,
 * or -1 when the subsetter fails. */
int pdffont_subset(struct pdffont *f);
/* Fill the font's dictionary after pdffont_subset: the descendant font,
 * descriptor, widths, ToUnicode CMap and font file.  Streams are deflated
 * when compress is set, by z when it is not NULL.  Returns 0, or -1
 * with a message in *err (malloc'd). */
int pdffont_write(struct pdffont *f, HPDF_Doc pdf, struct pdfzip *z,
    int compress, char **err);
/* The file the face came from. */
const char *pdffont_path(const struct pdffont *f);

#endif
