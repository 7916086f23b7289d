/* powermap.c: the power-map diagram and the players' list. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/geom.h"
#include "lay/powermap.h"

#define BADGE_R		15.0
#define LABEL_W		104.0
#define DIAGRAM_H	318.0


struct rect {
	double x0, y0, x1, y1;
};

/* Badge centres on an ellipse; see powermap.h. */
void
powermap_place(size_t n, double w, double h, double *x, double *y)
{
	double rx = w / 2 - LABEL_W / 2 - 2, ry = h / 2 - BADGE_R - 30;

	for (size_t i = 0; i < n; i++) {
		double a = -M_PI / 2 + 2 * M_PI * (double)i / (double)n;

		x[i] = w / 2 + rx * cos(a);
		y[i] = h / 2 + ry * sin(a);
	}
}

static double
overlap_area(const struct rect *a, const struct rect *b)
{
	double w = fmin(a->x1, b->x1) - fmax(a->x0, b->x0);
	double h = fmin(a->y1, b->y1) - fmax(a->y0, b->y0);

	return w > 0 && h > 0 ? w * h : 0;
}

static int
find_player(const struct story *st, size_t n, const char *id)
{
	if (n > st->nplayers)
		n = st->nplayers;
	for (size_t i = 0; i < n; i++)
		if (strcmp(st->players[i].id, id) == 0)
			return (int)i;
	return -1;
}

/* Total ring distance of the ties when player i sits in slot pos[i]. */
static int
ring_cost(const int *pos, size_t n, const int *ea, const int *eb, size_t ne)
{
	int c = 0;

	for (size_t e = 0; e < ne; e++) {
		int d = abs(pos[ea[e]] - pos[eb[e]]);

		c += d < (int)n - d ? d : (int)n - d;
	}
	return c;
}

/* Seat players so that tied ones sit near each other: swap pairs while
 * that shortens the ties (deterministic; n is at most 12). */
static void
seat(const struct story *st, size_t n, int *pos)
{
	int ea[64], eb[64];
	size_t ne = 0;
	int improved = 1, cost;

	for (size_t i = 0; i < n; i++)
		pos[i] = (int)i;
	for (size_t r = 0; r < st->nrelations && ne < 64; r++) {
		int a = find_player(st, n, st->relations[r].from);
		int b = find_player(st, n, st->relations[r].to);

		if (a >= 0 && b >= 0) {
			ea[ne] = a;
			eb[ne++] = b;
		}
	}
	cost = ring_cost(pos, n, ea, eb, ne);
	for (int round = 0; improved && round < 50; round++) {
		improved = 0;
		for (size_t i = 0; i < n; i++)
			for (size_t j = i + 1; j < n; j++) {
				int t = pos[i], c;

				pos[i] = pos[j];
				pos[j] = t;
				if ((c = ring_cost(pos, n, ea, eb, ne)) < cost) {
					cost = c;
					improved = 1;
				} else {
					pos[j] = pos[i];
					pos[i] = t;
				}
			}
	}
}

/* A point on the cubic from p0 to p3 with controls c1, c2, and its
 * tangent. */
static void
bez(const double *p, double t, double *x, double *y, double *dx, double *dy)
{
	double u = 1 - t;

	*x = u * u * u * p[0] + 3 * u * u * t * p[2] + 3 * u * t * t * p[4] + t * t * t * p[6];
	*y = u * u * u * p[1] + 3 * u * u * t * p[3] + 3 * u * t * t * p[5] + t * t * t * p[7];
	*dx = 3 * u * u * (p[2] - p[0]) + 6 * u * t * (p[4] - p[2]) + 3 * t * t * (p[6] - p[4]);
	*dy = 3 * u * u * (p[3] - p[1]) + 6 * u * t * (p[5] - p[3]) + 3 * t * t * (p[7] - p[5]);
}

/* The top of a badge's name: above it in the upper half, else below. */
static double
name_y(double by, double cy, double h)
{
	return by < cy - 2 * BADGE_R ? by - BADGE_R - 3 - h : by + BADGE_R + 3;
}

static void
diagram(struct lay *L, const struct story *st)
{
	const struct style *cs = &L->t->st[ST_CARD_NAME];
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	const double W = L->W, H = DIAGRAM_H;
	size_t n = st->nplayers < POWERMAP_MAX ? st->nplayers : POWERMAP_MAX;
	double px[POWERMAP_MAX], py[POWERMAP_MAX];
	struct rect *taken = xcalloc(3 * n + st->nrelations + 2, sizeof(struct rect));
	size_t ntaken = 0;
	struct geom *g = geom_new();
	struct dl_list fr = { 0 }, labels = { 0 }, front = { 0 };
	struct tlines subj;
	double bw = 136, bh, cx = W / 2, cy = H / 2;
	const char *subject = st->subject ? st->subject : st->title.text;
	uint32_t line = L->t->colors[C_MUTED];

	{
		double sx[POWERMAP_MAX], sy[POWERMAP_MAX];
		int pos[POWERMAP_MAX];

		powermap_place(n, W, H, sx, sy);
		seat(st, n, pos);
		for (size_t i = 0; i < n; i++) {
			px[i] = sx[pos[i]];
			py[i] = sy[pos[i]];
		}
	}
	/* The subject, centred in a tinted box. */
	text_layout(L->ts, NULL, subject, cs, bw - 16, T_CENTER, 0, &subj);
	if (subj.n > 5)
		subj.n = 5;	/* the full subject is printed above the diagram */
	bh = subj.n * subj.leading + 16;
	taken[ntaken++] = (struct rect){ cx - bw / 2, cy - bh / 2, cx + bw / 2,
	    cy + bh / 2 };
	for (size_t i = 0; i < n; i++) {
		/* Badge, and its name on the outer side (as drawn below). */
		double tw = text_width(L->ts, st->players[i].name, cs);
		double lines = tw > LABEL_W ? 2 : 1, w = tw > LABEL_W ? LABEL_W : tw;
		double ny = name_y(py[i], cy, lines * cs->leading);

		taken[ntaken++] = (struct rect){ px[i] - BADGE_R, py[i] - BADGE_R,
		    px[i] + BADGE_R, py[i] + BADGE_R };
		taken[ntaken++] = (struct rect){ px[i] - w / 2, ny, px[i] + w / 2,
		    ny + lines * cs->leading };
	}

	/* Ties: arrows between badges, bent away from the centre box when
	 * the straight line would cross it, and apart when they are mutual. */
	for (size_t r = 0; r < st->nrelations; r++) {
		const struct relation *rel = &st->relations[r];
		int a = find_player(st, n, rel->from), b = find_player(st, n, rel->to);
		double p[8], dx, dy, len, nx, ny, bend = 0, d;
		double best = INFINITY, bx = 0, by = 0, tw, th;
		struct tlines lt;
		struct rect lr = { 0, 0, 0, 0 };
		const double ts[] = { 0.5, 0.42, 0.58, 0.34, 0.66, 0.27, 0.73 };

		if (a < 0 || b < 0)
			continue;	/* a player beyond the diagram */
		dx = px[b] - px[a];
		dy = py[b] - py[a];
		len = hypot(dx, dy);
		if (len < 1)
			continue;
		nx = -dy / len;
		ny = dx / len;
		for (size_t k = 0; k < st->nrelations; k++)
			if (k != r && strcmp(st->relations[k].from, rel->to) == 0 &&
			    strcmp(st->relations[k].to, rel->from) == 0)
				bend = 16;	/* mutual: each bends to its left */
		{
			/* Where the centre falls along and across the line. */
			double along = ((cx - px[a]) * dx + (cy - py[a]) * dy) / (len * len);
			double across = (cx - px[a]) * nx + (cy - py[a]) * ny;
			double reach = fabs(nx) * bw / 2 + fabs(ny) * bh / 2;

			d = fabs(across);
			if (along > 0 && along < 1 && d < reach + 8)
				bend += (across > 0 ? -1 : 1) * (reach + 12 - d);
		}
		p[0] = px[a] + dx / len * (BADGE_R + 2);
		p[1] = py[a] + dy / len * (BADGE_R + 2);
		p[6] = px[b] - dx / len * (BADGE_R + 6);
		p[7] = py[b] - dy / len * (BADGE_R + 6);
		p[2] = p[0] + dx / 3 + nx * bend * 1.33;
		p[3] = p[1] + dy / 3 + ny * bend * 1.33;
		p[4] = p[6] - dx / 3 + nx * bend * 1.33;
		p[5] = p[7] - dy / 3 + ny * bend * 1.33;
		cairo_move_to(geom_cr(g), p[0], p[1]);
		cairo_curve_to(geom_cr(g), p[2], p[3], p[4], p[5], p[6], p[7]);
		geom_emit(g, L->doc, &fr, 0, line, 0.9, DL_STROKE | DL_ROUND);
		{	/* The head, along the curve's end tangent. */
			double ex, ey, tx, ty, tl;

			bez(p, 1, &ex, &ey, &tx, &ty);
			tl = hypot(tx, ty);
			tx /= tl;
			ty /= tl;
			cairo_move_to(geom_cr(g), ex + tx * 5, ey + ty * 5);
			cairo_line_to(geom_cr(g), ex - tx * 2 + ty * 3.4, ey - ty * 2 - tx * 3.4);
			cairo_line_to(geom_cr(g), ex - tx * 2 - ty * 3.4, ey - ty * 2 + tx * 3.4);
			cairo_close_path(geom_cr(g));
			geom_emit(g, L->doc, &fr, line, 0, 0, DL_FILL);
		}
		/* The label, in at most two short lines, where it covers least. */
		text_layout(L->ts, NULL, rel->label, ls, 86, T_CENTER, L->t->colors[C_TEXT],
		    &lt);
		if (lt.n > 2)
			lt.n = 2;
		tw = lt.width;
		th = lt.n * lt.leading;
		/* Candidates: centred on the curve, or beside it (for steep
		 * ties), at several points along it; the least covering wins. */
		for (size_t k = 0; k < 3 * sizeof(ts) / sizeof(ts[0]); k++) {
			double x, y, tx2, ty2, cost = 0, shift;
			struct rect c;

			bez(p, ts[k % 7], &x, &y, &tx2, &ty2);
			shift = k / 7 == 0 ? 0 : (k / 7 == 1 ? 1 : -1) * (tw / 2 + 6);
			x += shift;
			c = (struct rect){ x - tw / 2 - 3, y - th / 2 - 1,
			    x + tw / 2 + 3, y + th / 2 + 1 };
			if (c.x0 < 0 || c.x1 > W || c.y0 < 0 || c.y1 > H)
				cost += 1e6;
			for (size_t q = 0; q < ntaken; q++)
				cost += overlap_area(&c, &taken[q]) * 10;
			cost += fabs(ts[k % 7] - 0.5) + (shift != 0) * 2;
			if (cost < best) {
				best = cost;
				bx = x;
				by = y;
				lr = c;
			}
		}
		taken[ntaken++] = lr;
		dl_rect(L->doc, &labels, (float)lr.x0, (float)lr.y0,
		    (float)(lr.x1 - lr.x0), (float)(lr.y1 - lr.y0),
		    (L->t->colors[C_PAPER] & 0xffffff00) | 0xe6);
		lay_place(&labels, &lt, bx - 43, by - th / 2);
		tlines_free(&lt);
	}

	/* The subject box over the lines, then badges and names on top. */
	cairo_rectangle(geom_cr(g), cx - bw / 2, cy - bh / 2, bw, bh);
	geom_emit(g, L->doc, &front, L->t->colors[C_TINT], L->accent, 0.8,
	    DL_FILL | DL_STROKE);
	lay_place(&front, &subj, cx - bw / 2 + 8, cy - bh / 2 + 8);
	tlines_free(&subj);
	for (size_t i = 0; i < n; i++) {
		const struct player *pl = &st->players[i];
		char *ini = lay_initials(pl->initials, pl->name);
		struct tlines nm;
		double ny;

		lay_badge(L, &front, px[i], py[i], BADGE_R, ini, L->t->stance[pl->stance]);
		free(ini);
		text_layout(L->ts, NULL, pl->name, cs, LABEL_W, T_CENTER, 0, &nm);
		if (nm.n > 2)
			nm.n = 2;
		ny = name_y(py[i], cy, nm.n * nm.leading);
		lay_place(&front, &nm, px[i] - LABEL_W / 2, ny);
		tlines_free(&nm);
	}
	/* Legend along the bottom. */
	{
		double x = 0, y = H + 4;

		for (int s = 0; s < 4; s++) {
			double w = text_width(L->ts, lay_stance_word(s), ls);

			lay_circle(L, &front, x + 4, y + ls->leading / 2, 4, L->t->stance[s]);
			lay_frame_text(L, &front, NULL, lay_stance_word(s), ST_CHART_LABEL, x + 11,
			    y, w + 2, T_NOWRAP, 0);
			x += w + 26;
		}
		if (st->nplayers > n) {
			char *more = xasprintf("%zu more players are listed below",
			    st->nplayers - n);
			double w = text_width(L->ts, more, ls);

			lay_frame_text(L, &front, NULL, more, ST_CHART_LABEL, W - w - 1, y,
			    w + 2, T_NOWRAP, 0);
			free(more);
		}
	}
	dl_list_place(&fr, &labels, 0, 0);
	dl_list_place(&fr, &front, 0, 0);
	dl_list_free(&labels);
	dl_list_free(&front);
	flow_add(L->f, &fr, H + 4 + ls->leading, 8, F_KEEP);
	free(taken);
	geom_free(g);
}

/* The power-map section; see powermap.h. */
void
powermap_layout(struct lay *L, const struct story *st)
{
	const double r = 12, tx = 2 * r + 12;

	if (st->nplayers == 0)
		return;
	lay_kicker(L, "Power map", 26, 0, "Power map");
	diagram(L, st);
	for (size_t i = 0; i < st->nplayers; i++) {
		const struct player *p = &st->players[i];
		struct dl_list fr = { 0 };
		char *ini = lay_initials(p->initials, p->name);
		uint32_t c = L->t->stance[p->stance];
		double h, nw;

		lay_badge(L, &fr, r, r, r, ini, c);
		free(ini);
		h = lay_frame_text(L, &fr, NULL, p->name, ST_PLAYER_NAME, tx, 0,
		    L->W - tx - 60, 0, 0);
		nw = text_width(L->ts, p->name, &L->t->st[ST_PLAYER_NAME]);
		lay_frame_text(L, &fr, NULL, lay_stance_word(p->stance), ST_POST_META,
		    tx + (nw < L->W - tx - 60 ? nw : L->W - tx - 60) + 8, 1.6, 60, 0, c);
		h += 1 + lay_frame_text(L, &fr, &p->role, NULL, ST_PLAYER_ROLE, tx,
		    h + 1, L->W - tx, T_HYPHENATE, 0);
		flow_add(L->f, &fr, h < 2 * r ? 2 * r : h, i == 0 ? 14 : 10, 0);
	}
	/* Ties the diagram could not draw (a player beyond it), in words. */
	for (size_t i = 0, first = 1; i < st->nrelations; i++) {
		const struct relation *rel = &st->relations[i];
		const char *fn = rel->from, *tn = rel->to;
		int a = find_player(st, POWERMAP_MAX, rel->from);
		int b = find_player(st, POWERMAP_MAX, rel->to);
		struct dl_list fr = { 0 };
		char *line;
		double h;

		if (a >= 0 && b >= 0)
			continue;
		for (size_t k = 0; k < st->nplayers; k++) {
			if (strcmp(st->players[k].id, rel->from) == 0)
				fn = st->players[k].name;
			if (strcmp(st->players[k].id, rel->to) == 0)
				tn = st->players[k].name;
		}
		if (first)
			lay_kicker(L, "Further ties", 14, 0, NULL);
		line = xasprintf("%s to %s: %s", fn, tn, rel->label);
		h = lay_frame_text(L, &fr, NULL, line, ST_ITEM, 0, 0, L->W, 0, 0);
		free(line);
		flow_add(L->f, &fr, h, first ? 2 : 1, first ? F_KEEP : 0);
		first = 0;
	}
}
