/* linebreak.c: Knuth and Plass's total-fit line breaking ("Breaking
 * Paragraphs into Lines", 1981) with TeX's demerits, over one paragraph's
 * boxes, glues and penalties. */
#include <math.h>
#include <stdlib.h>

#include "base/util.h"
#include "lay/linebreak.h"

#define LINE_PENALTY	10
#define ADJ_DEMERITS	10000	/* fitness classes two apart */
#define DOUBLE_HYPHEN	10000	/* two hyphenated lines running */
#define FINAL_HYPHEN	5000	/* the last line's word begun above */
#define SHORT_LAST	5000	/* a last line under a sixth of the width */
#define MAX_HYPHENS	2	/* hyphenated lines in a row, at most */

struct node {
	size_t	 pos;		/* the break's item, or n for the end */
	int	 line;		/* lines before the break */
	int	 fitness;	/* of the line ending here: 0 tight .. 3 very loose */
	int	 hyph;		/* hyphenated lines in a row ending here */
	double	 tw, ty, tz;	/* sums up to the next line's first box */
	double	 demerits;	/* total, from the paragraph's start */
	long	 prev;		/* the node of the break before, -1: none */
};

struct pass {
	const struct lb_item *it;
	size_t		 n;
	double		 width, tolerance;
	double		*sw, *sy, *sz;	/* sums of the items before index i */
	struct node	*nodes;		/* every node made; active ones listed */
	size_t		 nnodes, capnodes;
	size_t		*active, nactive, capactive;
};

static int
is_break(const struct pass *P, size_t i)
{
	if (i == P->n)
		return 1;
	if (P->it[i].kind == LB_GLUE)
		return i > 0 && P->it[i - 1].kind == LB_BOX;
	return P->it[i].kind == LB_PENALTY && P->it[i].penalty < LB_INFINITY;
}

static int
flagged(const struct pass *P, size_t i)
{
	return i < P->n && P->it[i].kind == LB_PENALTY && P->it[i].flagged;
}

/* A node for a break at pos (SIZE_MAX: the paragraph's start), its sums
 * taken past the glue and penalties that follow it. */
static size_t
add_node(struct pass *P, size_t pos, int line, int fitness, int hyph,
    double demerits, long prev)
{
	struct node *nd;
	size_t i = pos == (size_t)-1 ? 0 : pos;

	while (i < P->n && P->it[i].kind != LB_BOX &&
	    !(i > pos && P->it[i].kind == LB_PENALTY &&
	    P->it[i].penalty <= -LB_INFINITY))
		i++;
	P->nodes = xgrow(P->nodes, &P->capnodes, P->nnodes + 1, sizeof(*P->nodes));
	nd = &P->nodes[P->nnodes];
	nd->pos = pos;
	nd->line = line;
	nd->fitness = fitness;
	nd->hyph = hyph;
	nd->tw = P->sw[i];
	nd->ty = P->sy[i];
	nd->tz = P->sz[i];
	nd->demerits = demerits;
	nd->prev = prev;
	P->active = xgrow(P->active, &P->capactive, P->nactive + 1, sizeof(*P->active));
	P->active[P->nactive++] = P->nnodes;
	return P->nnodes++;
}

/* The adjustment ratio of the line from node a to the break at b. */
static double
ratio(const struct pass *P, const struct node *a, size_t b, double *natural)
{
	double L = P->sw[b] - a->tw, y, z;

	if (b < P->n && P->it[b].kind == LB_PENALTY)
		L += P->it[b].width;
	*natural = L;
	if (b == P->n && L <= P->width)
		return 0;		/* the last line: not justified */
	if (L < P->width) {
		y = P->sy[b] - a->ty;
		return y > 0 ? (P->width - L) / y : INFINITY;
	}
	if (L > P->width) {
		z = P->sz[b] - a->tz;
		return z > 0 ? (P->width - L) / z : -INFINITY;
	}
	return 0;
}

static int
fitness_class(double r)
{
	return r < -0.5 ? 0 : r <= 0.5 ? 1 : r <= 1 ? 2 : 3;
}

/* The demerits of the line from a to b with ratio r (natural width L). */
static double
demerits(const struct pass *P, const struct node *a, size_t b, double r,
    double L, int fit)
{
	/* Badness capped at 10,000 as TeX caps it; a line with no space to
	 * stretch (the last pass takes it) costs more than any, and more
	 * the emptier it is. */
	double bad = isinf(r) ? 1e13 * (1 + (P->width - L) / P->width) :
	    fmin(100 * pow(fabs(r), 3), LB_INFINITY);
	int p = b < P->n && P->it[b].kind == LB_PENALTY ? P->it[b].penalty : 0;
	double d = (LINE_PENALTY + bad) * (LINE_PENALTY + bad);

	if (p > 0)
		d += (double)p * p;
	else if (p > -LB_INFINITY)
		d -= (double)p * p;
	if (flagged(P, b) && flagged(P, a->pos))
		d += DOUBLE_HYPHEN;
	if (b == P->n && flagged(P, a->pos))
		d += FINAL_HYPHEN;
	if (b == P->n && a->line > 0 && L < P->width / 6)
		d += SHORT_LAST;
	if (abs(fit - a->fitness) > 1)
		d += ADJ_DEMERITS;
	return d;
}

/* Try every active node against the break at b; add the best new node
 * of each fitness class and hyphen count. */
static void
try_break(struct pass *P, size_t b)
{
	double best[4][MAX_HYPHENS + 1], dmin = INFINITY;
	long from[4][MAX_HYPHENS + 1];
	size_t keep = 0;
	int forced = b == P->n || (P->it[b].kind == LB_PENALTY &&
	    P->it[b].penalty <= -LB_INFINITY);

	for (int f = 0; f < 4; f++)
		for (int h = 0; h <= MAX_HYPHENS; h++) {
			best[f][h] = INFINITY;
			from[f][h] = -1;
		}
	for (size_t k = 0; k < P->nactive; k++) {
		size_t ai = P->active[k];
		const struct node *a = &P->nodes[ai];
		double L, r = ratio(P, a, b, &L);
		int h = flagged(P, b) ? a->hyph + 1 : 0;

		if (r >= -1 && r <= P->tolerance && h <= MAX_HYPHENS) {
			int fit = fitness_class(r);
			double d = a->demerits + demerits(P, a, b, r, L, fit);

			if (d < best[fit][h]) {
				best[fit][h] = d;
				from[fit][h] = (long)ai;
			}
			if (d < dmin)
				dmin = d;
		}
		if (!(r < -1 || forced))
			P->active[keep++] = ai;	/* still reaches further */
	}
	P->nactive = keep;
	for (int f = 0; f < 4; f++)
		for (int h = 0; h <= MAX_HYPHENS; h++)
			if (from[f][h] >= 0 && best[f][h] <= dmin + ADJ_DEMERITS)
				add_node(P, b, P->nodes[from[f][h]].line + 1, f, h,
				    best[f][h], from[f][h]);
}

/* One pass at a tolerance: the number of lines, or -1. */
static int
run_pass(struct pass *P, size_t *breaks)
{
	long end = -1;
	int lines;

	P->nnodes = P->nactive = 0;
	add_node(P, (size_t)-1, 0, 1, 0, 0, -1);
	for (size_t b = 0; b <= P->n && P->nactive > 0; b++)
		if (is_break(P, b))
			try_break(P, b);
	for (size_t k = 0; k < P->nactive; k++) {
		size_t ai = P->active[k];

		if (P->nodes[ai].pos == P->n && (end < 0 ||
		    P->nodes[ai].demerits < P->nodes[end].demerits))
			end = (long)ai;
	}
	if (end < 0)
		return -1;
	lines = P->nodes[end].line;
	for (long k = P->nodes[end].prev, i = lines - 1; k >= 0 &&
	    P->nodes[k].prev >= 0; k = P->nodes[k].prev)
		breaks[--i] = P->nodes[k].pos;
	return lines;
}

/* Break a paragraph; see linebreak.h. */
int
linebreak(const struct lb_item *items, size_t n, double width, size_t *breaks)
{
	/* The last pass takes any line that does not shrink past its limit:
	 * a paragraph that cannot be set well is set as evenly as it can. */
	static const double tolerance[] = { 1.0, 2.5, INFINITY };
	struct pass P = { items, n, width, 0, NULL, NULL, NULL, NULL, 0, 0,
	    NULL, 0, 0 };
	int lines = -1;

	P.sw = xcalloc(n + 1, sizeof(double));
	P.sy = xcalloc(n + 1, sizeof(double));
	P.sz = xcalloc(n + 1, sizeof(double));
	for (size_t i = 0; i < n; i++) {
		int w = items[i].kind != LB_PENALTY;

		P.sw[i + 1] = P.sw[i] + (w ? items[i].width : 0);
		P.sy[i + 1] = P.sy[i] + (w ? items[i].stretch : 0);
		P.sz[i + 1] = P.sz[i] + (w ? items[i].shrink : 0);
	}
	for (size_t t = 0; t < sizeof(tolerance) / sizeof(tolerance[0]) &&
	    lines < 0; t++) {
		P.tolerance = tolerance[t];
		lines = run_pass(&P, breaks);
	}
	free(P.sw);
	free(P.sy);
	free(P.sz);
	free(P.nodes);
	free(P.active);
	return lines;
}

/* First fit; see linebreak.h. */
int
linebreak_greedy(const struct lb_item *items, size_t n, double width,
    size_t *breaks)
{
	double run = 0;		/* the line so far, to the item at i */
	size_t start = 0, last = (size_t)-1;
	int lines = 1;

	for (size_t i = 0; i < n; i++) {
		const struct lb_item *it = &items[i];
		int legal = (it->kind == LB_GLUE && i > start && items[i - 1].kind == LB_BOX) ||
		    (it->kind == LB_PENALTY && it->penalty < LB_INFINITY);

		if (legal && run + (it->kind == LB_PENALTY ? it->width : 0) <= width)
			last = i;
		if (it->kind == LB_PENALTY)
			continue;
		if (it->kind == LB_BOX && run + it->width > width && last != (size_t)-1) {
			/* Break at the last break that fit; the next line starts
			 * at the first box after it. */
			breaks[lines - 1] = last;
			lines++;
			i = last;
			while (i + 1 < n && items[i + 1].kind != LB_BOX)
				i++;
			start = i + 1;
			run = 0;
			last = (size_t)-1;
			continue;
		}
		if (it->kind == LB_BOX && run + it->width > width)
			return -1;	/* a word wider than the line */
		run += it->width;
	}
	return lines;
}
