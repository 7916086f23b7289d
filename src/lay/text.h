/* text.h: laying out text with Pango into display-list lines.  Each text
 * is laid out once; each line becomes a frame (a dl_list whose y = 0 is
 * the top of the line box) with its text runs and link areas. */
#ifndef BRIEFING_TEXT_H
#define BRIEFING_TEXT_H

#include "draw/dl.h"
#include "lay/fonts.h"
#include "read/model.h"
#include "read/theme.h"

#define T_JUSTIFY	0x01	/* justify all lines but the last */
#define T_CENTER	0x02
#define T_RIGHT		0x04
#define T_HYPHENATE	0x08	/* insert libhyphen break points */
#define T_ELLIPSIZE	0x10	/* one line, cut with an ellipsis */
#define T_NOWRAP	0x20	/* one line, no width limit */
#define T_BALANCE	0x40	/* headings, left-aligned: as many lines, as even
				 * as they can be */

struct typeset;

/* Everything text layout needs: the shared Pango context, the hyphenation
 * patterns (compiled in, see hyph.h) and the document that records the
 * faces used.  Never fails (memory aside, which aborts). */
struct typeset *typeset_new(struct fonts *f);
/* Free a typesetter; NULL is ignored. */
void typeset_free(struct typeset *ts);
/* The document that text items and faces go into from now on. */
void typeset_set_doc(struct typeset *ts, struct dl_doc *doc);
/* Call fn(ctx, path) when a face is drawn for the first time in the
 * current document (the PDF writer loads it meanwhile); NULL: none. */
void typeset_set_face_hook(struct typeset *ts, void (*fn)(void *, const char *),
    void *ctx);
/* Tell the face hook about a face that text laid out earlier uses (a
 * story taken from the layout cache). */
void typeset_face_seen(struct typeset *ts, const char *path);
/* Count glyphs the faces lack (drawn as boxes), reported once each. */
void typeset_set_diags(struct typeset *ts, struct diags *d);

struct tlines {
	struct dl_list	*lines;
	size_t		 n;
	double		 leading;	/* distance between baselines */
	double		 baseline;	/* from a line box's top to its baseline */
	double		 width;		/* widest line, points */
	unsigned char	*hyphen;	/* per line: 1 when it ends on a break's
					 * hyphen (a word goes on below) */
};

/* Lay out rich text (or plain text when r is NULL) in style st within
 * width points.  color (0 = the style's) overrides the text colour.
 * Fills out; the caller frees it with tlines_free. */
void text_layout(struct typeset *ts, const struct rich *r, const char *plain,
    const struct style *st, double width, int flags, uint32_t color,
    struct tlines *out);
/* Free the line frames. */
void tlines_free(struct tlines *t);
/* Natural width of a one-line plain text in style st. */
double text_width(struct typeset *ts, const char *plain, const struct style *st);

#endif
