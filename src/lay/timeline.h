/* timeline.h: the timeline section: a date axis with a numbered marker per
 * day that has events, then the events as a dated list.  The axis is
 * proportional within each stretch; a long empty stretch between
 * clusters of events is cut out and marked with a break. */
#ifndef BRIEFING_TIMELINE_H
#define BRIEFING_TIMELINE_H

#include "lay/lay.h"

/* A stretch of the axis: days [lo, hi) drawn from x0 to x1. */
struct tl_span {
	double lo, hi, x0, x1;
};

/* A marker over the axis: it points at want, is 2 * hw wide; placing it
 * sets its centre x and its row (0 next to the axis, 1 above). */
struct tl_mark {
	double want, hw, x;
	int row;
};

/* The axis for n periods [a[i], b[i]) sorted by a, drawn from x0 to x1:
 * a gap longer than 40% of the whole (at most 3; the whole without the
 * gaps cut so far) is cut out and drawn brk wide; each stretch is proportional, and wider when it holds
 * more periods.  Writes the stretches to sp (room for n) and returns how
 * many; n 0 gives 0.  Pure, for tests. */
size_t timeline_axis(const double *a, const double *b, size_t n, double x0,
    double x1, double brk, struct tl_span *sp);
/* Where day falls on the axis of ns stretches (clamped to its ends). */
double timeline_x(const struct tl_span *sp, size_t ns, double day);
/* Move points x[0..n) (ascending) as little as possible (least squares)
 * so that x[i + 1] - x[i] >= gap[i], keeping their order, inside [x0, x1]
 * when they fit there.  Pure, for tests. */
void timeline_separate(double *x, const double *gap, size_t n, double x0,
    double x1);
/* Place markers (ascending want) in order over [x0, x1]: one row when
 * they fit at least clear apart, else alternating rows so that a marker's
 * stem passes its neighbours clear of them.  Returns the rows used (1 or
 * 2; 0 when n is 0).  Pure, for tests. */
int timeline_marks(struct tl_mark *m, size_t n, double clear, double x0,
    double x1);
/* The stem of a placed marker as three points p[0..5]: straight down
 * from its bottom to elbow_y, then to (want, end_y).  Row 0's centre is
 * at cy0, rows are rowh apart, markers r high. */
void timeline_stem(const struct tl_mark *m, double cy0, double rowh,
    double r, double elbow_y, double end_y, double p[6]);
/* Lay out the timeline of st into the flow (nothing when it has none). */
void timeline_layout(struct lay *L, const struct story *st);

#endif
