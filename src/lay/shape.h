/* shape.h: a paragraph shaped once, on one line, word by word, each word
 * in each face shaped once a document (Pango itemises, HarfBuzz shapes);
 * text.c breaks the line and cuts its runs. */
#ifndef BRIEFING_SHAPE_H
#define BRIEFING_SHAPE_H

#include <stddef.h>

#include <pango/pango.h>

struct shaper;

/* A shaper for the faces of ctx.  Never fails (memory aside). */
struct shaper *shaper_new(PangoContext *ctx);

/* Forget every word shaped (a new document); NULL is ignored. */
void shaper_clear(struct shaper *s);

/* Free a shaper; NULL is ignored. */
void shaper_free(struct shaper *s);

/* The glyph runs (PangoGlyphItem, in order) of text[0, len) with
 * attributes al set on one line, as a PangoLayout with no width would set
 * it, and Pango's break opportunities there (allow-breaks attributes
 * applied; one per character and one past the end) in *la, *nla unless
 * la is NULL (a width measured, a line never broken); the
 * caller frees the runs with g_slist_free_full(runs,
 * pango_glyph_item_free) and *la with g_free().  NULL (nothing to free)
 * when the text needs what only a layout does: right-to-left text, a line
 * break or a tab, letter spacing, a superscript's scale and shift, font
 * features. */
GSList *shaper_line(struct shaper *s, const char *text, size_t len,
    PangoAttrList *al, PangoLogAttr **la, int *nla);

#endif
