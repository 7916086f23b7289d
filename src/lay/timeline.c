/* timeline.c: dates of mixed precision on a proportional axis. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/geom.h"
#include "lay/timeline.h"

/* Markers on the axis: at most this many get numbered badges; more are
 * drawn as plain ticks so the axis stays readable. */
#define BADGES_MAX	30
#define BADGE_R		6.5
#define ROWS		3

/* Spread markers into rows; see timeline.h. */
void
timeline_spread(const double *x, size_t n, double gap, int rows, int *row,
    double *placed)
{
	double last[16];

	if (rows > 16)
		rows = 16;
	for (int r = 0; r < rows; r++)
		last[r] = -INFINITY;
	for (size_t i = 0; i < n; i++) {
		int best = -1;

		for (int r = 0; r < rows && best < 0; r++)
			if (x[i] - last[r] >= gap)
				best = r;
		if (best >= 0) {
			placed[i] = x[i];
		} else {
			best = 0;
			for (int r = 1; r < rows; r++)
				if (last[r] < last[best])
					best = r;
			placed[i] = last[best] + gap;
		}
		row[i] = best;
		last[best] = placed[i];
	}
}

static int
event_cmp(const void *a, const void *b)
{
	const struct event *x = *(struct event *const *)a;
	const struct event *y = *(struct event *const *)b;
	int c = date_cmp(&x->date, &y->date);

	return c ? c : (x < y ? -1 : x > y);
}

/* First and last day (exclusive) of the period a date names. */
static void
period(const struct date *d, double *a, double *b)
{
	switch (d->prec) {
	case DATE_YEAR:
		*a = date_days(d->y, 1, 1);
		*b = date_days(d->y + 1, 1, 1);
		break;
	case DATE_MONTH:
		*a = date_days(d->y, d->m, 1);
		*b = d->m == 12 ? date_days(d->y + 1, 1, 1) : date_days(d->y, d->m + 1, 1);
		break;
	default:
		*a = date_days(d->y, d->m, d->d);
		*b = *a + 1;
	}
}

/* Axis ticks: years at a round step, or months when the span is short. */
static void
axis_ticks(struct lay *L, struct dl_list *fr, struct geom *g, double lo, double hi,
    double x0, double x1, double ay)
{
	const struct style *ls = &L->t->st[ST_CHART_LABEL];
	double span = hi - lo, scale = (x1 - x0) / span;
	int y0, y1;
	char buf[32];

	/* Civil year of a day number (days since 1970-01-01). */
	y0 = 1970 + (int)floor(lo / 365.2425) - 1;
	y1 = 1970 + (int)ceil(hi / 365.2425) + 1;
	if (span > 2.5 * 365) {
		int years = y1 - y0, step = 1;
		const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };

		for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
			step = steps[i];
			if (years / step <= 8)
				break;
		}
		for (int y = y0 - (y0 % step + step) % step; y <= y1; y += step) {
			double d = date_days(y, 1, 1), x = x0 + (d - lo) * scale, w;

			if (d < lo || d > hi)
				continue;
			cairo_move_to(geom_cr(g), x, ay);
			cairo_line_to(geom_cr(g), x, ay + 4);
			geom_emit(g, L->doc, fr, 0, L->t->colors[C_MUTED], 0.6, DL_STROKE);
			snprintf(buf, sizeof(buf), "%d", y);
			w = text_width(L->ts, buf, ls);
			lay_frame_text(L, fr, NULL, buf, ST_CHART_LABEL, x - w / 2 - 1,
			    ay + 5, w + 2, T_NOWRAP, 0);
		}
	} else {
		int months = (int)(span / 30.4) + 1, step = months <= 8 ? 1 :
		    months <= 16 ? 2 : months <= 24 ? 3 : 6;

		for (int y = y0; y <= y1; y++)
			for (int m = 1; m <= 12; m += step) {
				double d = date_days(y, m, 1), x = x0 + (d - lo) * scale, w;

				if (d < lo || d > hi)
					continue;
				cairo_move_to(geom_cr(g), x, ay);
				cairo_line_to(geom_cr(g), x, ay + 4);
				geom_emit(g, L->doc, fr, 0, L->t->colors[C_MUTED], 0.6,
				    DL_STROKE);
				if (m == 1)
					snprintf(buf, sizeof(buf), "%s %d", date_month_short(m), y);
				else
					snprintf(buf, sizeof(buf), "%s", date_month_short(m));
				w = text_width(L->ts, buf, ls);
				lay_frame_text(L, fr, NULL, buf, ST_CHART_LABEL, x - w / 2 - 1,
				    ay + 5, w + 2, T_NOWRAP, 0);
			}
	}
}

static void
number_badge(struct lay *L, struct dl_list *fr, double cx, double cy, size_t n,
    double r)
{
	char num[32];

	snprintf(num, sizeof(num), "%zu", n);
	lay_circle(L, fr, cx, cy, r, L->accent);
	{
		const struct style *bs = &L->t->st[ST_CHART_LABEL];
		struct tlines tl;

		text_layout(L->ts, NULL, num, bs, 2 * r + 8, T_CENTER, L->t->colors[C_PAPER],
		    &tl);
		if (tl.n)
			dl_list_place(fr, &tl.lines[0], (float)(cx - r - 4),
			    (float)(cy + bs->ascent * 0.36 - tl.baseline));
		tlines_free(&tl);
	}
}

/* The axis strip: proportional spacing, spans for years and months, dots
 * for days, numbered markers spread into rows, the story's date marked. */
static void
axis(struct lay *L, const struct story *st, struct event **ev, size_t n)
{
	const double pad = 14, rowh = 2 * BADGE_R + 5;
	struct geom *g = geom_new();
	struct dl_list fr = { 0 };
	double lo = INFINITY, hi = -INFINITY, span, x0 = pad, x1 = L->W - pad;
	double *want = xcalloc(n, sizeof(double)), *at = xcalloc(n, sizeof(double));
	int *row = xcalloc(n, sizeof(int)), rows = 0, badges = n <= BADGES_MAX;
	double ay, top = 16;

	for (size_t i = 0; i < n; i++) {
		double a, b;

		period(&ev[i]->date, &a, &b);
		lo = a < lo ? a : lo;
		hi = b > hi ? b : hi;
	}
	if (st->date.prec) {
		double a, b;

		period(&st->date, &a, &b);
		lo = a < lo ? a : lo;
		hi = b > hi ? b : hi;
	}
	span = hi - lo;
	if (span < 60) {	/* a single day or month: show some context */
		lo -= 30;
		hi += 30;
		span = hi - lo;
	}
	lo -= span * 0.02;
	hi += span * 0.02;
	span = hi - lo;
	for (size_t i = 0; i < n; i++)
		want[i] = x0 + (date_axis(&ev[i]->date) - lo) / span * (x1 - x0);
	if (badges) {
		timeline_spread(want, n, 2 * BADGE_R + 3, ROWS, row, at);
		for (size_t i = 0; i < n; i++) {
			rows = row[i] + 1 > rows ? row[i] + 1 : rows;
			if (at[i] > x1)	/* pushed past the end: pull the run back */
				at[i] = x1;
		}
	}
	ay = top + rows * rowh + 8;

	/* The axis line and its ticks. */
	cairo_move_to(geom_cr(g), x0 - 6, ay);
	cairo_line_to(geom_cr(g), x1 + 6, ay);
	geom_emit(g, L->doc, &fr, 0, L->t->colors[C_MUTED], 0.8, DL_STROKE);
	axis_ticks(L, &fr, g, lo, hi, x0, x1, ay);

	/* The story's own date: an accent rule across the strip. */
	if (st->date.prec) {
		double x = x0 + (date_axis(&st->date) - lo) / span * (x1 - x0);
		const char *label = "Story date";
		double w = text_width(L->ts, label, &L->t->st[ST_CHART_LABEL]);

		cairo_move_to(geom_cr(g), x, 2);
		cairo_line_to(geom_cr(g), x, ay + 4);
		geom_emit(g, L->doc, &fr, 0, L->accent, 0.7, DL_STROKE | DL_DASH);
		lay_frame_text(L, &fr, NULL, label, ST_CHART_LABEL,
		    x + 4 + w > L->W ? x - w - 5 : x + 3, 0, w + 2, T_NOWRAP, L->accent);
	}

	/* Periods: a bar for a year or a month, a dot for a day. */
	for (size_t i = 0; i < n; i++) {
		double a, b, xa, xb;

		period(&ev[i]->date, &a, &b);
		xa = x0 + (a - lo) / span * (x1 - x0);
		xb = x0 + (b - lo) / span * (x1 - x0);
		if (ev[i]->date.prec == DATE_DAY || xb - xa < 3) {
			cairo_arc(geom_cr(g), (xa + xb) / 2, ay, 2.6, 0, 2 * M_PI);
			geom_emit(g, L->doc, &fr, L->accent, 0, 0, DL_FILL);
		} else {
			cairo_rectangle(geom_cr(g), xa, ay - 2.5, xb - xa, 5);
			geom_emit(g, L->doc, &fr, (L->accent & 0xffffff00) | 0x66, 0, 0,
			    DL_FILL);
		}
	}
	/* Numbered markers with leaders down to their dates. */
	for (size_t i = 0; badges && i < n; i++) {
		double cy = ay - 8 - BADGE_R - row[i] * rowh;

		cairo_move_to(geom_cr(g), at[i], cy + BADGE_R);
		cairo_line_to(geom_cr(g), want[i], ay - 3);
		geom_emit(g, L->doc, &fr, 0, L->t->colors[C_MUTED], 0.5, DL_STROKE);
		number_badge(L, &fr, at[i], cy, i + 1, BADGE_R);
	}
	flow_add(L->f, &fr, ay + 5 + L->t->st[ST_CHART_LABEL].leading, 6, F_KEEP);
	free(want);
	free(at);
	free(row);
	geom_free(g);
}

/* The timeline section; see timeline.h. */
void
timeline_layout(struct lay *L, const struct story *st)
{
	const double datew = 70, gx = datew + 12, tx = datew + 26;
	struct event **ev;
	int badges = st->nevents <= BADGES_MAX;

	if (st->nevents == 0)
		return;
	ev = xcalloc(st->nevents, sizeof(*ev));
	for (size_t i = 0; i < st->nevents; i++)
		ev[i] = &st->events[i];
	qsort(ev, st->nevents, sizeof(*ev), event_cmp);
	lay_kicker(L, "Timeline", 26, lay_break(L, SEC_TIMELINE), "Timeline");
	axis(L, st, ev, st->nevents);
	lay_continued(L, "Timeline");
	for (size_t i = 0; i < st->nevents; i++) {
		struct dl_list fr = { 0 };
		char date[32];
		double h;
		int is_story = st->date.prec && date_cmp(&ev[i]->date, &st->date) == 0;

		h = lay_frame_text(L, &fr, &ev[i]->text, NULL, ST_EVENT, tx, 0,
		    L->W - tx, T_HYPHENATE, 0);
		lay_frame_text(L, &fr, NULL, date_format(&ev[i]->date, date),
		    ST_EVENT_DATE, 0, 0.6, datew, T_RIGHT, 0);
		/* The spine joins the markers down the list. */
		cairo_move_to(geom_cr(L->g), gx, i == 0 ? 7 : -9);
		cairo_line_to(geom_cr(L->g), gx, i + 1 == st->nevents ? 7 : h + 1);
		geom_emit(L->g, L->doc, &fr, 0, L->t->colors[C_RULE], 1, DL_STROKE);
		if (badges)
			number_badge(L, &fr, gx, 7, i + 1, BADGE_R);
		else
			lay_circle(L, &fr, gx, 7, 3, L->accent);
		if (is_story)	/* the story's day: a ring around its marker */
			lay_ring(L, &fr, gx, 7, BADGE_R + 2.2, L->accent, 0.9);
		flow_add(L->f, &fr, h, i == 0 ? 10 : 9, i == 0 ? F_KEEP : 0);
	}
	flow_continued(L->f, NULL, 0);
	free(ev);
}
