/* powermap.c: the power-map diagram and the players' list. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "lay/alttext.h"
#include "lay/geom.h"
#include "lay/powermap.h"
#include "lay/tieroute.h"

#define BADGE_R		15.0
#define LABEL_W		104.0
#define DIAGRAM_H	318.0
#define TIE_PIECES	12	/* straight pieces a tie is checked as */
#define TIE_LABEL_W	86.0	/* one line; narrower when crowded */


/* The diagram's shortest height; see powermap.h.  Up to six players
 * sit apart on a flatter ellipse; eleven and twelve need it all. */
double
powermap_min_height(size_t n)
{
	return n <= 6 ? 228 : n <= 10 ? 262 : DIAGRAM_H;
}

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

/* The top of a badge's name: above it in the upper half, else below. */
static double
name_y(double by, double cy, double h)
{
	return by < cy - 2 * BADGE_R ? by - BADGE_R - 3 - h : by + BADGE_R + 3;
}

/* The diagram being drawn: seats, what is taken, the layers. */
struct pm {
	struct lay *L;
	const struct story *st;
	const struct style *cs, *ls;
	size_t n;
	double px[POWERMAP_MAX], py[POWERMAP_MAX];
	struct tie_rect *taken;
	size_t ntaken;
	struct geom *g;
	struct dl_list fr, labels, front;
	struct tlines subj;
	double W, H, bw, bh, cx, cy;
	uint32_t line;
	const unsigned char *drawn;
	unsigned char pair[POWERMAP_MAX][POWERMAP_MAX];
	double (*route)[8];		/* each drawn tie's curve */
	unsigned char *routed;
	struct tie_seg *segs;		/* the curves as straight pieces */
	size_t nsegs;
};

/* Player i's name under or over its badge, whole: in two lines of
 * LABEL_W, or wider lines when two are not enough.  Returns the width it
 * was laid out in (its lines centred in it). */
static double
player_name(struct pm *m, size_t i, struct tlines *nm)
{
	double w = LABEL_W;

	text_layout(m->L->ts, NULL, m->st->players[i].name, m->cs, w, T_CENTER, 0, nm);
	if (nm->n > 2) {
		w = LABEL_W * 1.5;
		tlines_free(nm);
		text_layout(m->L->ts, NULL, m->st->players[i].name, m->cs, w, T_CENTER,
		    0, nm);
	}
	return w;
}

/* Seat the players, lay out the subject, and mark the subject box, the
 * badges and their names as taken. */
static void
pm_obstacles(struct pm *m)
{
	struct lay *L = m->L;
	const struct story *st = m->st;
	const char *subject = st->subject ? st->subject : st->title.text;
	double sx[POWERMAP_MAX], sy[POWERMAP_MAX];
	int pos[POWERMAP_MAX];

	powermap_place(m->n, m->W, m->H, sx, sy);
	seat(st, m->n, pos);
	for (size_t i = 0; i < m->n; i++) {
		m->px[i] = sx[pos[i]];
		m->py[i] = sy[pos[i]];
	}
	/* The subject, whole, centred in a tinted box that widens rather
	 * than grow past five lines. */
	text_layout(L->ts, NULL, subject, m->cs, m->bw - 16, T_CENTER, 0, &m->subj);
	for (int k = 0; k < 2 && m->subj.n > 5; k++) {
		m->bw += 50;
		tlines_free(&m->subj);
		text_layout(L->ts, NULL, subject, m->cs, m->bw - 16, T_CENTER, 0,
		    &m->subj);
	}
	m->bh = m->subj.n * m->subj.leading + 16;
	m->taken[m->ntaken++] = (struct tie_rect){ m->cx - m->bw / 2,
	    m->cy - m->bh / 2, m->cx + m->bw / 2, m->cy + m->bh / 2 };
	for (size_t i = 0; i < m->n; i++) {
		/* Badge, and its name on the outer side (as drawn later). */
		struct tlines nm;
		double h, ny;

		player_name(m, i, &nm);
		h = nm.n * nm.leading;
		ny = name_y(m->py[i], m->cy, h);

		m->taken[m->ntaken++] = (struct tie_rect){ m->px[i] - BADGE_R,
		    m->py[i] - BADGE_R, m->px[i] + BADGE_R, m->py[i] + BADGE_R };
		m->taken[m->ntaken++] = (struct tie_rect){ m->px[i] - nm.width / 2, ny,
		    m->px[i] + nm.width / 2, ny + h };
		tlines_free(&nm);
	}
}

/* Which ties the diagram draws: the first of each ordered pair of its
 * players (drawn[r], and pair[a][b] for players a and b); the others are
 * listed in words below it.  Linear in the ties, so that thousands of
 * them cost no more than their list. */
static void
drawn_ties(const struct story *st, unsigned char *drawn,
    unsigned char pair[POWERMAP_MAX][POWERMAP_MAX])
{
	size_t n = st->nplayers < POWERMAP_MAX ? st->nplayers : POWERMAP_MAX;

	memset(pair, 0, POWERMAP_MAX * POWERMAP_MAX);
	for (size_t r = 0; r < st->nrelations; r++) {
		int a = find_player(st, n, st->relations[r].from);
		int b = find_player(st, n, st->relations[r].to);

		drawn[r] = a >= 0 && b >= 0 && !pair[a][b];
		if (drawn[r])
			pair[a][b] = 1;
	}
}

/* One tie's curve and head, behind everything; its route is kept (and
 * its pieces added to the strokes labels must not cross). */
static void
pm_tie(struct pm *m, size_t r)
{
	struct lay *L = m->L;
	const struct relation *rel = &m->st->relations[r];
	int a = find_player(m->st, m->n, rel->from), b = find_player(m->st, m->n, rel->to);
	double *p = m->route[r], ex, ey, tx, ty, tl;
	cairo_t *cr = geom_cr(m->g);

	if (!m->drawn[r])
		return;	/* a player beyond the diagram, or a pair drawn already */
	if (tie_route(m->px[a], m->py[a], m->px[b], m->py[b], BADGE_R, m->pair[b][a],
	    m->cx, m->cy, m->bw, m->bh, p) < 0)
		return;
	m->routed[r] = 1;
	tie_flatten(p, TIE_PIECES, m->segs + m->nsegs);
	m->nsegs += TIE_PIECES;
	cairo_move_to(cr, p[0], p[1]);
	cairo_curve_to(cr, p[2], p[3], p[4], p[5], p[6], p[7]);
	geom_emit(m->g, L->doc, &m->fr, 0, m->line, 0.9, DL_STROKE | DL_ROUND);
	/* The head, along the curve's end tangent. */
	tie_point(p, 1, &ex, &ey, &tx, &ty);
	tl = hypot(tx, ty);
	tx /= tl;
	ty /= tl;
	cairo_move_to(cr, ex + tx * 5, ey + ty * 5);
	cairo_line_to(cr, ex - tx * 2 + ty * 3.4, ey - ty * 2 - tx * 3.4);
	cairo_line_to(cr, ex - tx * 2 - ty * 3.4, ey - ty * 2 + tx * 3.4);
	cairo_close_path(cr);
	geom_emit(m->g, L->doc, &m->fr, m->line, 0, 0, DL_FILL);
}

/* One tie's label, whole, beside its own curve (a mutual tie's on the
 * outer side, away from its twin), crossing no stroke, then taken: on
 * one line when that finds a clean spot, else in narrower lines. */
static void
pm_label(struct pm *m, size_t r)
{
	static const double widths[] = { TIE_LABEL_W, TIE_LABEL_W * 0.72 };
	struct lay *L = m->L;
	const struct relation *rel = &m->st->relations[r];
	int a = find_player(m->st, m->n, rel->from), b = find_player(m->st, m->n, rel->to);
	struct tlines lt;
	struct tie_rect lr;
	double th = 0, w = 0;

	if (!m->routed[r])
		return;
	for (size_t k = 0; k < 2; k++) {
		w = widths[k];
		text_layout(L->ts, NULL, rel->label, m->ls, w, T_CENTER,
		    L->t->colors[C_TEXT], &lt);
		th = lt.n * lt.leading;
		if (tie_label_beside(m->route[r], lt.width, th, m->pair[b][a] ? 1 : 0,
		    m->W, m->H, m->taken, m->ntaken, m->segs, m->nsegs, &lr) == 0 ||
		    k == 1)
			break;
		tlines_free(&lt);
	}
	m->taken[m->ntaken++] = lr;
	dl_rect(L->doc, &m->labels, (float)lr.x0, (float)lr.y0,
	    (float)(lr.x1 - lr.x0), (float)(lr.y1 - lr.y0),
	    (L->t->colors[C_PAPER] & 0xffffff00) | 0xe6);
	lay_place(&m->labels, &lt, (lr.x0 + lr.x1) / 2 - w / 2,
	    (lr.y0 + lr.y1) / 2 - th / 2);
	tlines_free(&lt);
}

/* The subject box over the ties, then badges and names on top. */
static void
pm_front(struct pm *m)
{
	struct lay *L = m->L;

	cairo_rectangle(geom_cr(m->g), m->cx - m->bw / 2, m->cy - m->bh / 2, m->bw, m->bh);
	geom_emit(m->g, L->doc, &m->front, L->t->colors[C_TINT], L->accent, 0.8,
	    DL_FILL | DL_STROKE);
	lay_place(&m->front, &m->subj, m->cx - m->bw / 2 + 8, m->cy - m->bh / 2 + 8);
	tlines_free(&m->subj);
	for (size_t i = 0; i < m->n; i++) {
		const struct player *pl = &m->st->players[i];
		char *ini = lay_initials(pl->initials, pl->name);
		struct tlines nm;
		double ny, w;

		lay_badge(L, &m->front, m->px[i], m->py[i], BADGE_R, ini,
		    L->t->stance[pl->stance]);
		free(ini);
		w = player_name(m, i, &nm);
		ny = name_y(m->py[i], m->cy, nm.n * nm.leading);
		lay_place(&m->front, &nm, m->px[i] - w / 2, ny);
		tlines_free(&nm);
	}
}

/* The stance legend along the bottom, and how many players the diagram
 * leaves to the list. */
static void
pm_legend(struct pm *m)
{
	struct lay *L = m->L;
	double x = 0, y = m->H + 4;

	for (int s = 0; s < 4; s++) {
		double w = text_width(L->ts, lay_stance_word(s), m->ls);

		lay_circle(L, &m->front, x + 4, y + m->ls->leading / 2, 4, L->t->stance[s]);
		lay_frame_text(L, &m->front, NULL, lay_stance_word(s), ST_CHART_LABEL,
		    x + 11, y, w + 2, T_NOWRAP, 0);
		x += w + 26;
	}
	if (m->st->nplayers > m->n) {
		char *more = xasprintf("%zu more players are listed below",
		    m->st->nplayers - m->n);
		double w = text_width(L->ts, more, m->ls);

		lay_frame_text(L, &m->front, NULL, more, ST_CHART_LABEL, m->W - w - 1, y,
		    w + 2, T_NOWRAP, 0);
		free(more);
	}
}

/* The diagram: ties behind, labels over them, subject, badges and
 * legend in front, kept together in the flow. */
static void
diagram(struct lay *L, const struct story *st, const unsigned char *drawn,
    unsigned char pair[POWERMAP_MAX][POWERMAP_MAX])
{
	struct pm m = { .L = L, .st = st, .W = L->W, .H = DIAGRAM_H, .bw = 124,
	    .drawn = drawn };
	double room = flow_room(L->f) - 12 - L->t->st[ST_CHART_LABEL].leading;
	char *alt = alt_powermap(st);
	int fig = lay_figure(L, alt);

	/* A little shorter rather than alone on the next page. */
	if (room < DIAGRAM_H && room >= powermap_min_height(m.n))
		m.H = room;

	m.cs = &L->t->st[ST_CARD_NAME];
	m.ls = &L->t->st[ST_CHART_LABEL];
	m.n = st->nplayers < POWERMAP_MAX ? st->nplayers : POWERMAP_MAX;
	m.cx = m.W / 2;
	m.cy = m.H / 2;
	m.line = L->t->colors[C_MUTED];
	m.taken = xcalloc(3 * m.n + st->nrelations + 2, sizeof(struct tie_rect));
	m.g = geom_new();
	memcpy(m.pair, pair, sizeof(m.pair));
	{	/* at most one tie per ordered pair of players is drawn */
		size_t most = m.n * m.n;

		m.route = xcalloc(st->nrelations + 1, sizeof(*m.route));
		m.routed = xcalloc(st->nrelations + 1, 1);
		m.segs = xcalloc(most * TIE_PIECES + 1, sizeof(*m.segs));
	}
	pm_obstacles(&m);
	for (size_t r = 0; r < st->nrelations; r++)
		pm_tie(&m, r);
	for (size_t r = 0; r < st->nrelations; r++)
		pm_label(&m, r);
	pm_front(&m);
	pm_legend(&m);
	dl_list_place(&m.fr, &m.labels, 0, 0);
	dl_list_place(&m.fr, &m.front, 0, 0);
	dl_list_free(&m.labels);
	dl_list_free(&m.front);
	lay_figure_end(L, &m.fr, 0, fig);
	free(alt);
	flow_add(L->f, &m.fr, m.H + 4 + m.ls->leading, 8, F_KEEP);
	free(m.taken);
	free(m.route);
	free(m.routed);
	free(m.segs);
	geom_free(m.g);
}

/* Ties the diagram does not draw (a player beyond it, or a pair it drew
 * already), in words, under a heading. */
static void
further_ties(struct lay *L, const struct story *st, const unsigned char *drawn)
{
	GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
	int first = 1, list = 0, li;

	for (size_t k = st->nplayers; k-- > 0;)	/* the first of an id wins */
		g_hash_table_insert(names, st->players[k].id, st->players[k].name);
	for (size_t i = 0; i < st->nrelations; i++) {
		const struct relation *rel = &st->relations[i];
		const char *fn = g_hash_table_lookup(names, rel->from);
		const char *tn = g_hash_table_lookup(names, rel->to);
		struct dl_list fr = { 0 };
		char *line;
		double h;

		if (drawn[i])
			continue;
		if (first) {
			lay_kicker(L, "Further ties", 14, 0, NULL);
			list = lay_group(L, DL_R_L);	/* L > LI > LBody */
		}
		line = xasprintf("%s to %s: %s", fn ? fn : rel->from, tn ? tn : rel->to,
		    rel->label);
		li = lay_group(L, DL_R_LI);
		L->tag_into = L->artifact ? 0 : dl_elem_new(L->doc, L->tag, DL_R_LBODY);
		h = lay_frame_text(L, &fr, NULL, line, ST_ITEM, 0, 0, L->W, 0, 0);
		L->tag_into = 0;
		lay_group_end(L, li);
		free(line);
		flow_add(L->f, &fr, h, first ? 2 : 1, first ? F_KEEP : 0);
		first = 0;
	}
	if (!first)
		lay_group_end(L, list);
	g_hash_table_destroy(names);
}

/* The power-map section; see powermap.h. */
void
powermap_layout(struct lay *L, const struct story *st)
{
	const double r = 12, tx = 2 * r + 12;
	unsigned char pair[POWERMAP_MAX][POWERMAP_MAX], *drawn;

	if (st->nplayers == 0)
		return;
	lay_kicker(L, "Power map", 26, lay_break(L, SEC_POWERMAP), "Power map");
	drawn = xcalloc(st->nrelations + 1, 1);
	drawn_ties(st, drawn, pair);
	diagram(L, st, drawn, pair);
	lay_continued(L, "Power map");
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
		if (p->role.text && p->role.text[strspn(p->role.text, " \t\r\n")])
			h += 1 + lay_frame_text(L, &fr, &p->role, NULL, ST_PLAYER_ROLE,
			    tx, h + 1, L->W - tx, T_HYPHENATE, 0);
		/* The last player never alone at the top of a page. */
		flow_add(L->f, &fr, h < 2 * r ? 2 * r : h, i == 0 ? 14 : 10,
		    i + 1 == st->nplayers && i > 1 ? F_KEEP : 0);
	}
	further_ties(L, st, drawn);
	flow_continued(L->f, NULL, 0);
	free(drawn);
}
