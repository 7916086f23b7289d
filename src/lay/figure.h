/* figure.h: pictures in a story's sections. */
#ifndef BRIEFING_FIGURE_H
#define BRIEFING_FIGURE_H

#include "lay/lay.h"

/* Lay out figure fg into the flow, space points below what precedes:
 * the picture as wide as the text at most, and never wider than its
 * pixels at 150 dpi, nor taller than two thirds of the page; the credit
 * under its right edge, then the caption; all of it one slice, so it
 * moves to the next page whole. */
void figure_layout(struct lay *L, const struct figure *fg, double space);

#endif
