/* tieroute.c: tie curves and label spots of the power map; see tieroute.h. */
#include <math.h>

#include "lay/tieroute.h"

/* The share of two rectangles; see tieroute.h. */
double
tie_overlap(const struct tie_rect *a, const struct tie_rect *b)
{
	double w = fmin(a->x1, b->x1) - fmax(a->x0, b->x0);
	double h = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);

	return w > 0 && h > 0 ? w * h : 0;
}

/* A point on the cubic and its tangent; see tieroute.h. */
void
tie_point(const double p[8], double t, double *x, double *y, double *dx, double *dy)
{
	double u = 1 - t;

	*x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
	*y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];
	*dx = 3 * u * u * (p[2] - p[0]) + 6 * u * t * (p[4] - p[2]) + 3 * t * t * (p[6] - p[4]);
	*dy = 3 * u * u * (p[3] - p[1]) + 6 * u * t * (p[5] - p[3]) + 3 * t * t * (p[7] - p[5]);
}

/* The curve of one tie; see tieroute.h. */
int
tie_route(double ax, double ay, double bx, double by, double r, int mutual,
    double cx, double cy, double w, double h, double p[8])
{
	double dx = bx - ax, dy = by - ay, len = hypot(dx, dy);
	double nx, ny, bend = mutual ? 16 : 0;
	double along, across, reach, d;

	if (len < 1)
		return -1;
	nx = -dy / len;
	ny = dx / len;
	/* Where the centre falls along and across the straight line. */
	along = ((cx - ax) * dx + (cy - ay) * dy) / (len * len);
	across = (cx - ax) * nx + (cy - ay) * ny;
	reach = fabs(nx) * w / 2 + fabs(ny) * h / 2;
	d = fabs(across);
	if (along > 0 && along < 1 && d < reach + 8)
		bend += (across > 0 ? -1 : 1) * (reach + 12 - d);
	p[0] = ax + dx / len * (r + 2);
	p[1] = ay + dy / len * (r + 2);
	p[6] = bx - dx / len * (r + 6);
	p[7] = by - dy / len * (r + 6);
	p[2] = p[0] + dx / 3 + nx * bend * 1.33;
	p[3] = p[1] + dy / 3 + ny * bend * 1.33;
	p[4] = p[6] - dx / 3 + nx * bend * 1.33;
	p[5] = p[7] - dy / 3 + ny * bend * 1.33;
	return 0;
}

/* The least covering spot for a tie's label; see tieroute.h. */
void
tie_label_spot(const double p[8], double tw, double th, double W, double H,
    const struct tie_rect *taken, size_t ntaken, struct tie_rect *box,
    double *x, double *y)
{
	static const double ts[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73 };
	const size_t nt = sizeof(ts) / sizeof(ts[0]);
	double best = INFINITY;

	*box = (struct tie_rect){ 0, 0, 0, 0 };
	*x = *y = 0;
	for (size_t k = 0; k < 3 * nt; k++) {
		double cx, cy, tx, ty, cost = 0, shift;
		struct tie_rect c;

		tie_point(p, ts[k % nt], &cx, &cy, &tx, &ty);
		shift = k / nt == 0 ? 0 : (k / nt == 1 ? 1 : -1) * (tw / 2 + 6);
		cx += shift;
		c = (struct tie_rect){ cx - tw / 2 - 3, cy - th / 2 - 1,
		    cx + tw / 2 + 3, cy + th / 2 + 1 };
		if (c.x0 < 0 || c.x1 > W || c.y0 < 0 || c.y1 > H)
			cost += 1e6;
		for (size_t q = 0; q < ntaken; q++)
			cost += tie_overlap(&c, &taken[q]) * 10;
		cost += fabs(ts[k % nt] - 0.5) + (shift != 0) * 2;
		if (cost < best) {
			best = cost;
			*x = cx;
			*y = cy;
			*box = c;
		}
	}
}
