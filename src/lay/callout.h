/* callout.h: a boxed aside ("Bottom line") in a section. */
#ifndef BRIEFING_CALLOUT_H
#define BRIEFING_CALLOUT_H

#include "lay/lay.h"

/* Lay out callout co into the flow, space points below what precedes:
 * a tinted box under an accent rule, the title as a small-caps label,
 * then its paragraphs and lists.  The box moves to the next page whole
 * when it fits on a page; a box taller than a page is laid out line by
 * line, each line on its own strip of tint. */
void callout_layout(struct lay *L, const struct callout *co, double space);

#endif
