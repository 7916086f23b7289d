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

/* A straight piece of a stroke. */
struct tie_seg {
	double x0, y0, x1, y1;
};

/* The cubic p as n straight pieces, written to s[0..n). */
void tie_flatten(const double p[8], size_t n, struct tie_seg *s);

/* True when the segment s enters the rectangle r (touching counts). */
int tie_seg_hits(const struct tie_seg *s, const struct tie_rect *r);

/* Where a label tw x th goes beside its own cubic p inside a W x H
 * diagram: its box just off the curve, on the curve's left (side 1, the
 * side a mutual tie bends to), its right (-1), or either (0), at one of
 * several points along it, preferring the middle and the side asked
 * for; the spot that crosses no stroke in segs[0..nsegs) (its own curve
 * included) and covers the taken rectangles least.  Writes the label's box to *box.  Returns 0
 * when the box touches no stroke, no taken rectangle, stays inside and
 * is on the side asked for, else -1 (the least bad spot is still written). */
int tie_label_beside(const double p[8], double tw, double th, int side,
    double W, double H, const struct tie_rect *taken, size_t ntaken,
    const struct tie_seg *segs, size_t nsegs, struct tie_rect *box);

#endif
