/* chart.c: charts with round ticks, direct labels and a caption. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "lay/alttext.h"
#include "lay/chart.h"
#include "lay/geom.h"
#include "lay/ticks.h"

/* The chart's data as a table: categories (labels in order of first
 * appearance) by series. */
struct table {
	const char	**cat;
	size_t		  ncat;
	double		 *v;	/* [series * ncat + cat] */
	char		 *has;
	size_t		  nser;
};

/* The table of c: categories found through a hash, so that building it
 * is linear in the values (validate bounds its size). */
static void
table_build(const struct chart *c, struct table *t)
{
	GHashTable *index = g_hash_table_new(g_str_hash, g_str_equal);
	size_t cap = 0;

	memset(t, 0, sizeof(*t));
	t->nser = c->nseries;
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t i = 0; i < c->series[s].nvalues; i++) {
			const char *lb = c->series[s].values[i].label;

			if (g_hash_table_contains(index, lb))
				continue;
			t->cat = xgrow(t->cat, &cap, t->ncat + 1, sizeof(char *));
			g_hash_table_insert(index, (gpointer)lb, GSIZE_TO_POINTER(t->ncat));
			t->cat[t->ncat++] = lb;
		}
	t->v = xcalloc(t->nser * (t->ncat ? t->ncat : 1), sizeof(double));
	t->has = xcalloc(t->nser * (t->ncat ? t->ncat : 1), 1);
	for (size_t s = 0; s < c->nseries; s++)
		for (size_t i = 0; i < c->series[s].nvalues; i++) {
			size_t k = GPOINTER_TO_SIZE(g_hash_table_lookup(index,
			    c->series[s].values[i].label));

			/* A label twice in a series (an error validate reports)
			 * keeps its last value, as before. */
			t->v[s * t->ncat + k] = c->series[s].values[i].v;
			t->has[s * t->ncat + k] = 1;
		}
	g_hash_table_destroy(index);
}

static void
table_free(struct table *t)
{
	free(t->cat);
	free(t->v);
	free(t->has);
}

static uint32_t
series_color(const struct lay *L, size_t s)
{
	return L->t->palette[s % (size_t)L->t->npalette];
}

/* Text on a bar: paper on dark colours, ink on light ones. */
static uint32_t
on_color(const struct lay *L, uint32_t c)
{
	double lum = 0.2126 * (c >> 24 & 0xff) + 0.7152 * (c >> 16 & 0xff) +
	    0.0722 * (c >> 8 & 0xff);

	return lum > 150 ? L->t->colors[C_TEXT] : L->t->colors[C_PAPER];
}

/* Legend: a swatch and the name of each series, wrapping as needed. */
static double
legend(struct lay *L, const struct chart *c, struct dl_list *fr, struct geom *g,
    double y)
{
	const struct style *st = &L->t->st[ST_CHART_LABEL];
	double x = 0, row = 0;

	for (size_t s = 0; s < c->nseries; s++) {
		double w = text_width(L->ts, c->series[s].name, st) + 22;

		if (x > 0 && x + w > L->W) {
			x = 0;
			row += st->leading + 2;
		}
		cairo_rectangle(geom_cr(g), x, y + row + (st->leading - 8) / 2, 8, 8);
		geom_emit(g, L->doc, fr, series_color(L, s), 0, 0, DL_FILL);
		lay_frame_text(L, fr, NULL, c->series[s].name, ST_CHART_LABEL, x + 11,
		    y + row, w, T_NOWRAP, L->t->colors[C_TEXT]);
		x += w;
	}
	return row + st->leading + 6;
}

static double
max_label_width(struct lay *L, const struct table *t, enum style_id s)
{
	double w = 0;

	for (size_t k = 0; k < t->ncat; k++) {
		double x = text_width(L->ts, t->cat[k], &L->t->st[s]);

		if (x > w)
			w = x;
	}
	return w;
}

/* The values bars must reach, from 0: the stacks' totals on each side,
 * or the single values. */
static void
bar_range(const struct table *t, int stacked, double *lo, double *hi)
{
	for (size_t k = 0; k < t->ncat; k++) {
		double pos = 0, neg = 0;

		for (size_t s = 0; s < t->nser; s++) {
			double v = t->v[s * t->ncat + k];

			if (!t->has[s * t->ncat + k])
				continue;
			if (stacked) {
				if (v >= 0)
					pos += v;
				else
					neg += v;
			} else {
				pos = v > pos ? v : pos;
				neg = v < neg ? v : neg;
			}
		}
		*hi = pos > *hi ? pos : *hi;
		*lo = neg < *lo ? neg : *lo;
	}
}

/* A bar's value, for the bar from xa to xb (w wide): inside it in the
 * colour that reads on the series colour where it fits, else just past
 * its end (grouped bars only). */
static void
bar_label(struct lay *L, struct dl_list *fr, double v, double xa, double xb,
    double w, double by, double bar, int stacked, size_t s)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	double lwid;
	char num[48];

	ticks_format(v, ticks_decimals(v) > 2 ? 2 : ticks_decimals(v), num);
	lwid = text_width(L->ts, num, ls);
	if (lwid + 8 < w)	/* inside the bar, in white */
		lay_frame_text(L, fr, NULL, num, ST_CHART_LABEL, xa,
		    by + (bar - ls->leading) / 2, w, T_CENTER,
		    on_color(L, series_color(L, s)));
	else if (!stacked)	/* just past the bar's end */
		lay_frame_text(L, fr, NULL, num, ST_CHART_LABEL,
		    v >= 0 ? xb + 3 : xa - lwid - 3, by + (bar - ls->leading) / 2,
		    lwid + 2, T_NOWRAP, L->t->colors[C_TEXT]);
}

/* The value axis's labels under a bar chart at y; the unit goes with the
 * last. */
static void
bar_axis(struct lay *L, const struct chart *c, struct dl_list *fr,
    const struct ticks *tk, double x0, double scale, double y)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	char num[48], num2[64];

	for (int i = 0; i < tk->n; i++) {
		double v = tk->lo + i * tk->step, x = x0 + (v - tk->lo) * scale, w;

		ticks_label(tk, v, num);
		if (i == tk->n - 1 && c->unit)
			snprintf(num2, sizeof(num2), "%s %s", num, c->unit);
		else
			snprintf(num2, sizeof(num2), "%s", num);
		w = text_width(L->ts, num2, ls);
		lay_frame_text(L, fr, NULL, num2, ST_CHART_LABEL,
		    i == tk->n - 1 && c->unit ? x - text_width(L->ts, num, ls) / 2 :
		    x - w / 2, y + 3, w + 2, T_NOWRAP, 0);
	}
}

/* How many lines text takes in the chart-label style at width. */
static size_t
label_lines(struct lay *L, const char *text, double width)
{
	struct tlines tl;
	size_t n;

	text_layout(L->ts, NULL, text, &L->t->st[ST_CHART_LABEL], width, 0, 0, &tl);
	n = tl.n ? tl.n : 1;
	tlines_free(&tl);
	return n;
}

/* A category's label, right-aligned in width and centred on a row of
 * height row at y, wrapped (never cut) when it is long. */
static void
category_label(struct lay *L, struct dl_list *fr, const char *text, double y,
    double row, double width)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	struct tlines tl;

	text_layout(L->ts, NULL, text, ls, width, T_RIGHT, L->t->colors[C_TEXT], &tl);
	lay_place(fr, &tl, 0, y + (row - (double)tl.n * ls->leading) / 2);
	tlines_free(&tl);
}

/* Horizontal bars: categories are rows; stacked or grouped by series. */
static double
bars(struct lay *L, const struct chart *c, const struct table *t,
    struct dl_list *fr, struct geom *g, double y0)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	const int stacked = c->type == CHART_STACKED;
	const double maxh = (L->t->page_h - L->t->top - L->t->bottom) * 0.55;
	double lw = max_label_width(L, t, ST_CHART_LABEL) + 10;
	double x0, x1, row, bar, y, lo = 0, hi = 0, scale;
	struct ticks tk;
	char num[48];
	size_t every = 1;

	if (lw > L->W * 0.3)
		lw = L->W * 0.3;
	x0 = lw;
	x1 = L->W - 34;
	bar_range(t, stacked, &lo, &hi);
	ticks_nice(lo, hi, 5, 1, &tk);
	scale = (x1 - x0) / (tk.hi - tk.lo);
	bar = stacked ? 14 : (t->nser > 1 ? 9 : 14);
	row = (stacked ? bar : bar * (double)t->nser) + 10;
	if (max_label_width(L, t, ST_CHART_LABEL) + 10 > lw) {
		/* Labels too long for their column wrap, and rows make room. */
		size_t lines = 1;

		for (size_t k = 0; k < t->ncat; k++) {
			size_t n = label_lines(L, t->cat[k], lw - 8);

			lines = n > lines ? n : lines;
		}
		if ((double)lines * ls->leading + 4 > row)
			row = (double)lines * ls->leading + 4;
	}
	if (row * (double)t->ncat > maxh) {
		row = maxh / (double)t->ncat;
		bar = (row * 0.75) / (stacked ? 1 : (double)t->nser);
		every = (size_t)ceil(ls->leading / row);
	}

	/* Gridlines and the zero line first, under the bars. */
	for (int i = 0; i < tk.n; i++) {
		double v = tk.lo + i * tk.step, x = x0 + (v - tk.lo) * scale;

		cairo_move_to(geom_cr(g), x, y0 - 2);
		cairo_line_to(geom_cr(g), x, y0 + row * (double)t->ncat);
		geom_emit(g, L->doc, fr, 0, fabs(v) < tk.step / 1e6 ?
		    L->t->colors[C_MUTED] : L->t->colors[C_RULE],
		    fabs(v) < tk.step / 1e6 ? 0.8 : 0.35, DL_STROKE);
	}
	y = y0;
	for (size_t k = 0; k < t->ncat; k++, y += row) {
		double pos = 0, neg = 0, by = y + (row - (stacked ? bar :
		    bar * (double)t->nser)) / 2;
		int segs = 0;

		if (k % every == 0)
			category_label(L, fr, t->cat[k], y, row, lw - 8);
		for (size_t s = 0; s < t->nser; s++) {
			double v = t->v[s * t->ncat + k], a, b, w;

			if (!t->has[s * t->ncat + k])
				continue;
			segs++;
			if (stacked) {
				a = v >= 0 ? pos : neg + v;
				b = v >= 0 ? pos + v : neg;
				if (v >= 0)
					pos += v;
				else
					neg += v;
			} else {
				a = v >= 0 ? 0 : v;
				b = v >= 0 ? v : 0;
			}
			w = (b - a) * scale;
			cairo_rectangle(geom_cr(g), x0 + (a - tk.lo) * scale, by, w, bar);
			geom_emit(g, L->doc, fr, series_color(L, s), 0, 0, DL_FILL);
			if (every == 1 && bar >= ls->size)
				bar_label(L, fr, v, x0 + (a - tk.lo) * scale,
				    x0 + (b - tk.lo) * scale, w, by, bar, stacked, s);
			if (!stacked)
				by += bar;
		}
		if (stacked && every == 1 && bar >= ls->size && (segs > 1 || pos > 0)) {
			/* The stack's total just past its end. */
			ticks_format(pos, ticks_decimals(pos) > 2 ? 2 : ticks_decimals(pos),
			    num);
			if (segs > 1 || text_width(L->ts, num, ls) + 8 >= pos * scale)
				lay_frame_text(L, fr, NULL, num, ST_CHART_LABEL,
				    x0 + (pos - tk.lo) * scale + 4,
				    by + (bar - ls->leading) / 2, 60, T_NOWRAP,
				    L->t->colors[C_TEXT]);
		}
	}
	bar_axis(L, c, fr, &tk, x0, scale, y);
	return y + 3 + ls->leading - y0;
}

/* The value of a single series' point k at (x, y): below the point where
 * the line comes down to it, else above. */
static void
point_label(struct lay *L, struct dl_list *fr, const struct table *t, size_t k,
    double x, double y)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	double v = t->v[k], w, prev = k > 0 && t->has[k - 1] ? t->v[k - 1] : v;
	double next = k + 1 < t->ncat && t->has[k + 1] ? t->v[k + 1] : v;
	int below = v < prev || v < next;	/* the line comes down to it */
	char num[48];

	if (v > prev || v > next)
		below = 0;
	ticks_format(v, ticks_decimals(v) > 2 ? 2 : ticks_decimals(v), num);
	w = text_width(L->ts, num, ls);
	lay_frame_text(L, fr, NULL, num, ST_CHART_LABEL,
	    x - w / 2 - 1 < 0 ? 0 : x - w / 2 - 1,
	    below ? y + 4 : y - ls->leading - 3, w + 2, T_NOWRAP,
	    L->t->colors[C_TEXT]);
}

/* Direct labels at the lines' ends (endy, by series) from x, namew wide
 * (a long name wraps, never cut), nudged apart so none collide. */
static void
end_labels(struct lay *L, const struct chart *c, struct dl_list *fr, double *endy,
    double x, double namew)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	size_t n = c->nseries, *ord = xcalloc(n, sizeof(size_t));
	size_t *lines = xcalloc(n, sizeof(size_t));

	for (size_t s = 0; s < n; s++)
		lines[s] = label_lines(L, c->series[s].name, namew + 2);

	for (size_t s = 0; s < n; s++)
		ord[s] = s;
	for (size_t a = 1; a < n; a++)
		for (size_t b = a; b > 0 && endy[ord[b]] < endy[ord[b - 1]]; b--) {
			size_t tmp = ord[b];

			ord[b] = ord[b - 1];
			ord[b - 1] = tmp;
		}
	for (size_t i = 1; i < n; i++) {
		double below = endy[ord[i - 1]] + (double)lines[ord[i - 1]] * ls->leading;

		if (endy[ord[i]] < below)
			endy[ord[i]] = below;
	}
	for (size_t s = 0; s < n; s++)
		lay_frame_text(L, fr, NULL, c->series[s].name, ST_CHART_LABEL, x,
		    endy[s] - ls->leading / 2, namew + 2, 0, series_color(L, s));
	free(lines);
	free(ord);
}

/* A line per series over categories spaced evenly. */
static double
lines(struct lay *L, const struct chart *c, const struct table *t,
    struct dl_list *fr, struct geom *g, double y0)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	const double ph = 150, top = c->unit ? 14 : 0;
	double lo = INFINITY, hi = -INFINITY, x0, x1, scale, dx, tw = 0, namew = 0, maxw;
	double *endy = xcalloc(t->nser, sizeof(double));
	struct ticks tk;
	char num[48];
	size_t every;

	for (size_t i = 0; i < t->nser * t->ncat; i++)
		if (t->has[i]) {
			lo = t->v[i] < lo ? t->v[i] : lo;
			hi = t->v[i] > hi ? t->v[i] : hi;
		}
	ticks_nice(lo, hi, 4, lo >= 0 && lo < (hi - lo), &tk);
	for (int i = 0; i < tk.n; i++) {
		double w = text_width(L->ts, ticks_label(&tk, tk.lo + i * tk.step,
		    num), ls);

		tw = w > tw ? w : tw;
	}
	if (t->nser > 1)
		for (size_t s = 0; s < t->nser; s++) {
			double w = text_width(L->ts, c->series[s].name, ls);

			namew = w > namew ? w : namew;
		}
	if (namew > L->W * 0.25)
		namew = L->W * 0.25;
	x0 = tw + 8;
	x1 = L->W - (t->nser > 1 ? namew + 10 : 8);
	scale = ph / (tk.hi - tk.lo);
	dx = t->ncat > 1 ? (x1 - x0) / (double)(t->ncat - 1) : 0;
	if (t->ncat == 1)
		x0 = x1 = (x0 + x1) / 2;
	y0 += top;
	for (int i = 0; i < tk.n; i++) {
		double v = tk.lo + i * tk.step, y = y0 + ph - (v - tk.lo) * scale;

		cairo_move_to(geom_cr(g), x0 - 2, y);
		cairo_line_to(geom_cr(g), t->ncat == 1 ? x0 + 40 : x1, y);
		geom_emit(g, L->doc, fr, 0, fabs(v) < tk.step / 1e6 ?
		    L->t->colors[C_MUTED] : L->t->colors[C_RULE],
		    fabs(v) < tk.step / 1e6 ? 0.8 : 0.35, DL_STROKE);
		ticks_label(&tk, v, num);
		lay_frame_text(L, fr, NULL, num, ST_CHART_LABEL, 0,
		    y - ls->leading / 2, x0 - 6, T_RIGHT | T_NOWRAP, 0);
	}
	/* The unit heads the value axis. */
	if (c->unit)
		lay_frame_text(L, fr, NULL, c->unit, ST_CHART_LABEL, 0,
		    y0 - ls->leading - 4, L->W / 3, T_NOWRAP, 0);
	for (size_t s = 0; s < t->nser; s++) {
		int started = 0, pts = 0;
		uint32_t col = series_color(L, s);

		for (size_t k = 0; k < t->ncat; k++) {
			double x = x0 + dx * (double)k;
			double y = y0 + ph - (t->v[s * t->ncat + k] - tk.lo) * scale;

			if (!t->has[s * t->ncat + k])
				continue;
			if (started)
				cairo_line_to(geom_cr(g), x, y);
			else
				cairo_move_to(geom_cr(g), x, y);
			started = 1;
			pts++;
			endy[s] = y;
		}
		geom_emit(g, L->doc, fr, 0, col, 1.8, DL_STROKE | DL_ROUND);
		for (size_t k = 0; k < t->ncat && (t->ncat <= 40 || pts == 1); k++) {
			double x = x0 + dx * (double)k;
			double v = t->v[s * t->ncat + k];
			double y = y0 + ph - (v - tk.lo) * scale;

			if (!t->has[s * t->ncat + k])
				continue;
			cairo_arc(geom_cr(g), x, y, 2.4, 0, 2 * M_PI);
			geom_emit(g, L->doc, fr, col, 0, 0, DL_FILL);
			if (t->nser == 1 && t->ncat <= 10)
				point_label(L, fr, t, k, x, y);
		}
	}
	if (t->nser > 1)
		end_labels(L, c, fr, endy, x1 + 6, namew);
	/* Category labels, thinned so they never overlap. */
	maxw = max_label_width(L, t, ST_CHART_LABEL) + 6;
	every = dx > 0 ? (size_t)ceil(maxw / dx) : 1;
	if (every < 1)
		every = 1;
	for (size_t k = 0; k < t->ncat; k += every) {
		double x = x0 + dx * (double)k;
		double w = text_width(L->ts, t->cat[k], ls);

		lay_frame_text(L, fr, NULL, t->cat[k], ST_CHART_LABEL, x - w / 2 - 1,
		    y0 + ph + 4, w + 2, T_NOWRAP, 0);
	}
	free(endy);
	return top + ph + 4 + ls->leading;
}

/* A chart in a frame; see chart.h. */
double
chart_layout(struct lay *L, const struct chart *c, struct dl_list *fr)
{
	struct geom *g = geom_new();
	struct table t;
	double y = 0;

	table_build(c, &t);
	y += lay_frame_text(L, fr, &c->title, NULL, ST_CHART_TITLE, 0, y, L->W,
	    T_BALANCE, 0);
	y += 4;
	{	/* the diagram, labels and all, is one Figure */
		char *alt = alt_chart(c);
		size_t n0 = fr->n;
		int fig = lay_figure(L, alt);

		free(alt);
		if (c->nseries > 1)	/* lines also carry their names */
			y += legend(L, c, fr, g, y);
		else
			y += 4;
		y += c->type == CHART_LINE ? lines(L, c, &t, fr, g, y + 6) + 6 :
		    bars(L, c, &t, fr, g, y);
		lay_figure_end(L, fr, n0, fig);
	}
	if (c->caption.text) {
		y += 6;
		y += lay_frame_text(L, fr, &c->caption, NULL, ST_CAPTION, 0, y, L->W,
		    0, 0);
	}
	table_free(&t);
	geom_free(g);
	return y;
}
