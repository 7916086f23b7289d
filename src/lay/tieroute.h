/* tieroute.h: the power map's geometry as pure functions over rectangles:
 * the curve a tie takes between two badges around the subject box, and
 * where its label covers least.  No drawing, no text; unit-tested. */
#ifndef BRIEFING_TIEROUTE_H
#define BRIEFING_TIEROUTE_H

#include <stddef.h>

/* An axis-aligned rectangle, x0 <= x1, y0 <= y1. */
struct tie_rect {
	double x0, y0, x1, y1;
};

/* The area two rectangles share (0 when they do not overlap). */
double tie_overlap(const struct tie_rect *a, const struct tie_rect *b);

/* The cubic of a tie from the badge at (ax, ay) to the one at (bx, by),
 * both of radius r, around a box w x h centred at (cx, cy): p[0..7] is
 * start, first control, second control, end.  A mutual tie bends to its
 * left; one whose straight line would cross the box bends away from it.
 * Returns 0, or -1 (p untouched) when the badges coincide. */
int tie_route(double ax, double ay, double bx, double by, double r, int mutual,
    double cx, double cy, double w, double h, double p[8]);

/* The point and tangent of the cubic p at t in [0, 1]. */
void tie_point(const double p[8], double t, double *x, double *y, double *dx,
    double *dy);

/* Where a label tw x th goes on the cubic p inside a W x H diagram: the
 * candidate (centred on the curve or beside it, at several points along
 * it) that covers the taken rectangles least, preferring the middle.
 * Writes the label's box to *box and its centre to *x, *y. */
void tie_label_spot(const double p[8], double tw, double th, double W, double H,
    const struct tie_rect *taken, size_t ntaken, struct tie_rect *box,
    double *x, double *y);

#endif
