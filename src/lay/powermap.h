/* powermap.h: the power-map section: the subject in the centre, players
 * around it as badges coloured by stance, their ties as labelled arrows,
 * a legend, then each player's name and role. */
#ifndef BRIEFING_POWERMAP_H
#define BRIEFING_POWERMAP_H

#include "lay/lay.h"

/* Players drawn in the diagram; the list below it names them all. */
#define POWERMAP_MAX	12

/* Where n badges go around a centre box in a w x h diagram: on an
 * ellipse, starting at the top, clockwise.  Pure, for tests. */
void powermap_place(size_t n, double w, double h, double *x, double *y);
/* The shortest the diagram of n players may be, to end a page rather
 * than start the next: shorter with fewer players. */
double powermap_min_height(size_t n);
/* Lay out the power map of st (nothing when it has no players). */
void powermap_layout(struct lay *L, const struct story *st);

#endif
