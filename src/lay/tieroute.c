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
	double nx, ny, bend = mutual ? 22 : 0;
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
	if (along > 0 && along < 1 && d < reach + 8) {
		/* The curve strays 4t(1 - t) of its bend from the line at t:
		 * enough over the whole length the box spans along it. */
		double ext = (fabs(dx) * w / 2 + fabs(dy) * h / 2) / (len * len);
		double t = 0.5 + fabs(along - 0.5) + ext, f;

		t = t > 0.9 ? 0.9 : t;
		f = 4 * t * (1 - t);
		bend += (across > 0 ? -1 : 1) * (reach + 12 - d) / (f < 0.36 ? 0.36 : f);
	}
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

/* A cubic as straight pieces; see tieroute.h. */
void
tie_flatten(const double p[8], size_t n, struct tie_seg *s)
{
	double x = p[0], y = p[1], dx, dy;

	for (size_t i = 0; i < n; i++) {
		s[i].x0 = x;
		s[i].y0 = y;
		tie_point(p, (double)(i + 1) / (double)n, &x, &y, &dx, &dy);
		s[i].x1 = x;
		s[i].y1 = y;
	}
}

/* Segment against rectangle, by clipping (Liang-Barsky); see
 * tieroute.h. */
int
tie_seg_hits(const struct tie_seg *s, const struct tie_rect *r)
{
	double dx = s->x1 - s->x0, dy = s->y1 - s->y0, t0 = 0, t1 = 1;
	const double pp[4] = { -dx, dx, -dy, dy };
	const double qq[4] = { s->x0 - r->x0, r->x1 - s->x0, s->y0 - r->y0,
	    r->y1 - s->y0 };

	for (int i = 0; i < 4; i++) {
		if (pp[i] == 0) {
			if (qq[i] < 0)
				return 0;
			continue;
		}
		{
			double t = qq[i] / pp[i];

			if (pp[i] < 0 && t > t0)
				t0 = t;
			else if (pp[i] > 0 && t < t1)
				t1 = t;
		}
		if (t0 > t1)
			return 0;
	}
	return 1;
}

/* A label's spot beside its own tie; see tieroute.h. */
int
tie_label_beside(const double p[8], double tw, double th, int side,
    double W, double H, const struct tie_rect *taken, size_t ntaken,
    const struct tie_seg *segs, size_t nsegs, struct tie_rect *box)
{
	static const double ts[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74,
	    0.18, 0.82 };
	const size_t nt = sizeof(ts) / sizeof(ts[0]);
	const double gap = 3;
	double best = INFINITY;
	int clean = 0;

	*box = (struct tie_rect){ 0, 0, 0, 0 };
	for (size_t k = 0; k < 2 * nt; k++) {
		int sd = k < nt ? 1 : -1;
		double cx, cy, tx, ty, l, nx, ny, d, cost = 0, pref;
		struct tie_rect c;

		tie_point(p, ts[k % nt], &cx, &cy, &tx, &ty);
		l = hypot(tx, ty);
		if (l == 0)
			continue;
		nx = -ty / l;	/* the side tie_route bends a mutual tie to */
		ny = tx / l;
		/* Far enough along the normal that the box clears the tangent. */
		d = fabs(nx) * (tw / 2 + 2) + fabs(ny) * (th / 2 + 1) + gap;
		cx += nx * d;
		cy += ny * d;
		c = (struct tie_rect){ cx - tw / 2 - 2, cy - th / 2 - 1,
		    cx + tw / 2 + 2, cy + th / 2 + 1 };
		if (c.x0 < 0 || c.x1 > W || c.y0 < 0 || c.y1 > H)
			cost += 1e6;
		for (size_t q = 0; q < nsegs; q++)
			if (tie_seg_hits(&segs[q], &c))
				cost += 1e4;
		{	/* 2 pt of air around the box */
			struct tie_rect air = { c.x0 - 2, c.y0 - 2, c.x1 + 2, c.y1 + 2 };

			for (size_t q = 0; q < ntaken; q++)
				cost += tie_overlap(&air, &taken[q]) * 10;
		}
		pref = fabs(ts[k % nt] - 0.5) * 4 + (sd < 0) * 0.5 +
		    (side != 0 && sd != side) * 60;
		if (cost + pref < best) {
			best = cost + pref;
			*box = c;
			clean = cost == 0 && (side == 0 || sd == side);
		}
	}
	return clean ? 0 : -1;
}
