/* timeline.h: the timeline section: a proportional date axis with a
 * numbered marker per event, then the events as a dated list. */
#ifndef BRIEFING_TIMELINE_H
#define BRIEFING_TIMELINE_H

#include "lay/lay.h"

/* Spread markers that want to sit at x[i] (sorted ascending) into at most
 * rows rows so that no two in a row are closer than gap; a marker that
 * fits no row is pushed right in the emptiest one.  Writes each marker's
 * row and placed x.  Pure, for tests. */
void timeline_spread(const double *x, size_t n, double gap, int rows,
    int *row, double *placed);
/* Lay out the timeline of st into the flow (nothing when it has none). */
void timeline_layout(struct lay *L, const struct story *st);

#endif
