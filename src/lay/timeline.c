/* timeline.c: dates of mixed precision on a proportional axis. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/alttext.h"
#include "lay/geom.h"
#include "lay/timeline.h"

/* Markers on the axis: at most this many get numbered badges; more are
 * drawn as plain ticks so the axis stays readable. */
#define BADGES_MAX	30
#define BADGE_R		6.5
#define ROWS		3

/* The axis's stretches; see timeline.h. */
size_t
timeline_axis(const double *a, const double *b, size_t n, double x0, double x1,
    double brk, struct tl_span *sp)
{
	double *clo, *chi, *cnt, total, avail, sum = 0, fixed = 0;
	unsigned char *cut;
	size_t nc = 0, ns = 0, ncut = 0, nsmall = 0;
	const double minw = 40;

	if (n == 0)
		return 0;
	clo = xcalloc(n, sizeof(double));
	chi = xcalloc(n, sizeof(double));
	cnt = xcalloc(n, sizeof(double));
	cut = xcalloc(n, 1);
	for (size_t i = 0; i < n; i++) {	/* clusters of overlapping periods */
		if (nc && a[i] <= chi[nc - 1]) {
			chi[nc - 1] = b[i] > chi[nc - 1] ? b[i] : chi[nc - 1];
			cnt[nc - 1]++;
		} else {
			clo[nc] = a[i];
			chi[nc] = b[i];
			cnt[nc++] = 1;
		}
	}
	total = chi[nc - 1] - clo[0];
	while (ncut < 3) {	/* cut the longest gaps over 40% of what is left */
		size_t best = 0;
		double bg = total * 0.4;

		for (size_t k = 0; k + 1 < nc; k++)
			if (!cut[k] && clo[k + 1] - chi[k] > bg) {
				bg = clo[k + 1] - chi[k];
				best = k + 1;
			}
		if (best == 0)
			break;
		cut[best - 1] = 1;
		total -= bg;
		ncut++;
	}
	for (size_t k = 0; k < nc; k++) {	/* stretches: clusters between cuts */
		if (k == 0 || cut[k - 1]) {
			sp[ns].lo = clo[k];
			sp[ns].x0 = 0;	/* the count of periods, for now */
			ns++;
		}
		sp[ns - 1].hi = chi[k];
		sp[ns - 1].x0 += cnt[k];
	}
	for (size_t k = 0; k < ns; k++) {	/* room around, weight in x1 */
		double days = sp[k].hi - sp[k].lo;
		double pad = days < 60 ? 30 : days * 0.03;

		sp[k].lo -= pad;
		sp[k].hi += pad;
		sp[k].x1 = pow(sp[k].hi - sp[k].lo, 0.25) * pow(sp[k].x0, 0.75);
		sum += sp[k].x1;
	}
	avail = x1 - x0 - (double)(ns - 1) * brk;
	for (size_t k = 0; k < ns; k++)	/* narrow stretches get a minimum */
		if (avail * sp[k].x1 / sum < minw && ns * minw <= avail) {
			fixed += sp[k].x1;
			nsmall++;
		}
	for (size_t k = 0, first = 1; k < ns; k++) {
		double w = avail * sp[k].x1 / sum;

		if (nsmall && ns * minw <= avail)
			w = w < minw ? minw : (avail - nsmall * minw) * sp[k].x1 /
			    (sum - fixed);
		sp[k].x0 = first ? x0 : sp[k - 1].x1 + brk;
		sp[k].x1 = sp[k].x0 + w;
		first = 0;
	}
	free(clo);
	free(chi);
	free(cnt);
	free(cut);
	return ns;
}

/* A day's place on the axis; see timeline.h. */
double
timeline_x(const struct tl_span *sp, size_t ns, double day)
{
	size_t k = 0;

	while (k + 1 < ns && day >= sp[k].hi)
		k++;
	if (day < sp[k].lo)
		return sp[k].x0;
	if (day > sp[k].hi)
		return sp[k].x1;
	return sp[k].x0 + (day - sp[k].lo) / (sp[k].hi - sp[k].lo) *
	    (sp[k].x1 - sp[k].x0);
}

/* Least-squares separation, by pooling adjacent violators; see
 * timeline.h. */
void
timeline_separate(double *x, const double *gap, size_t n, double x0, double x1)
{
	double *c, *sum, *len, lo, hi;
	size_t nb = 0;

	if (n == 0)
		return;
	c = xcalloc(n, sizeof(double));
	sum = xcalloc(n, sizeof(double));
	len = xcalloc(n, sizeof(double));
	for (size_t i = 1; i < n; i++)
		c[i] = c[i - 1] + gap[i - 1];
	/* With t = x - c the gaps become "t never decreases". */
	for (size_t i = 0; i < n; i++) {
		sum[nb] = x[i] - c[i];
		len[nb++] = 1;
		while (nb > 1 && sum[nb - 2] / len[nb - 2] > sum[nb - 1] / len[nb - 1]) {
			sum[nb - 2] += sum[nb - 1];
			len[nb - 2] += len[nb - 1];
			nb--;
		}
	}
	lo = x0;
	hi = x1 - c[n - 1] < lo ? lo : x1 - c[n - 1];
	for (size_t b = 0, i = 0; b < nb; b++)
		for (double k = 0; k < len[b]; k++, i++) {
			double t = sum[b] / len[b];

			t = t < lo ? lo : t > hi ? hi : t;
			x[i] = t + c[i];
		}
	free(c);
	free(sum);
	free(len);
}

/* Markers in one row or two; see timeline.h. */
int
timeline_marks(struct tl_mark *m, size_t n, double clear, double x0, double x1)
{
	double *x, *gap, need = 0;
	int rows;

	if (n == 0)
		return 0;
	x = xcalloc(n, sizeof(double));
	gap = xcalloc(n, sizeof(double));
	for (size_t i = 0; i + 1 < n; i++) {
		gap[i] = m[i].hw + m[i + 1].hw + clear;
		need += gap[i];
	}
	rows = need <= x1 - x0 - m[0].hw - m[n - 1].hw ? 1 : 2;
	/* Two rows: a marker's stem passes its neighbours (in the other
	 * row) at least clear from their edges. */
	for (size_t i = 0; rows == 2 && i + 1 < n; i++)
		gap[i] = (m[i].hw > m[i + 1].hw ? m[i].hw : m[i + 1].hw) + clear;
	for (size_t i = 0; i < n; i++)
		x[i] = m[i].want;
	timeline_separate(x, gap, n, x0 + m[0].hw, x1 - m[n - 1].hw);
	for (size_t i = 0; i < n; i++) {
		m[i].x = x[i];
		m[i].row = rows == 2 ? (int)(i % 2) : 0;
	}
	free(x);
	free(gap);
	return rows;
}

/* A marker's stem; see timeline.h. */
void
timeline_stem(const struct tl_mark *m, double cy0, double rowh, double r,
    double elbow_y, double end_y, double p[6])
{
	p[0] = m->x;
	p[1] = cy0 - m->row * rowh + r;
	p[2] = m->x;
	p[3] = elbow_y;
	p[4] = m->want;
	p[5] = end_y;
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

/* A tick label at x unless it would touch the last one (*last is the
 * right end of the last label) or leave the strip. */
static void
tick_label(struct lay *L, struct dl_list *fr, const char *text, double x,
    double y, double *last)
{
	double w = text_width(L->ts, text, &L->t->st[ST_CHART_LABEL]);
	double lx = x - w / 2;

	if (lx < *last + 6 || lx < -8 || lx + w > L->W + 8)
		return;
	lay_frame_text(L, fr, NULL, text, ST_CHART_LABEL, lx - 1, y, w + 2,
	    T_NOWRAP, 0);
	*last = lx + w;
}

/* The ticks of one stretch: years at a round step, or months when it is
 * short, as many as its width holds; the first month label of a stretch
 * names its year. */
static void
axis_ticks(struct lay *L, struct dl_list *fr, struct geom *g,
    const struct tl_span *sp, double ay, double *last)
{
	double lo = sp->lo, hi = sp->hi, span = hi - lo;
	int y0 = 1970 + (int)floor(lo / 365.2425) - 1;
	int y1 = 1970 + (int)ceil(hi / 365.2425) + 1;
	int most = (int)((sp->x1 - sp->x0) / 38) + 1, named = 0;
	char buf[32];

	for (int y = y0; y <= y1; y++)
		for (int m = 1; m <= 12; m++) {
			double d = date_days(y, m, 1), x;
			int years = y1 - y0, step = 1, show;

			if (d < lo || d > hi)
				continue;
			if (span > 2.5 * 365) {
				const int steps[] = { 1, 2, 5, 10, 20, 50, 100, 200, 500, 1000 };

				for (size_t i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
					if (years / (step = steps[i]) <= most)
						break;
				show = m == 1 && ((y % step) + step) % step == 0;
			} else {
				const int msteps[] = { 1, 2, 3, 6, 12 };
				int months = (int)(span / 30.4) + 1;

				for (size_t i = 0; i < 5; i++)
					if (months / (step = msteps[i]) <= most)
						break;
				show = (m - 1) % step == 0;
			}
			if (!show)
				continue;
			x = sp->x0 + (d - lo) / span * (sp->x1 - sp->x0);
			cairo_move_to(geom_cr(g), x, ay);
			cairo_line_to(geom_cr(g), x, ay + 4);
			geom_emit(g, L->doc, fr, 0, L->t->colors[C_MUTED], 0.6, DL_STROKE);
			if (span > 2.5 * 365 || step == 12)
				snprintf(buf, sizeof(buf), "%d", y);
			else if (m == 1 || !named)
				snprintf(buf, sizeof(buf), "%s %d", date_month_short(m), y);
			else
				snprintf(buf, sizeof(buf), "%s", date_month_short(m));
			{
				double before = *last;

				tick_label(L, fr, buf, x, ay + 5, last);
				named |= *last != before;
			}
		}
}

/* A marker: a circle, or a pill when its label ("5–6") is wider, in the
 * accent with the label in paper colour. */
static void
number_badge(struct lay *L, struct dl_list *fr, double cx, double cy,
    const char *label, double hw)
{
	const struct style *bs = &L->t->st[ST_CHART_LABEL];
	struct tlines tl;

	if (hw <= BADGE_R + 0.01)
		lay_circle(L, fr, cx, cy, BADGE_R, L->accent);
	else {
		cairo_t *cr = geom_cr(L->g);

		cairo_new_sub_path(cr);
		cairo_arc(cr, cx + hw - BADGE_R, cy, BADGE_R, -M_PI / 2, M_PI / 2);
		cairo_arc(cr, cx - hw + BADGE_R, cy, BADGE_R, M_PI / 2, 3 * M_PI / 2);
		cairo_close_path(cr);
		geom_emit(L->g, L->doc, fr, L->accent, 0, 0, DL_FILL);
	}
	text_layout(L->ts, NULL, label, bs, 2 * hw + 8, T_CENTER, L->t->colors[C_PAPER],
	    &tl);
	if (tl.n)
		dl_list_place(fr, &tl.lines[0], (float)(cx - hw - 4),
		    (float)(cy + bs->ascent * 0.36 - tl.baseline));
	tlines_free(&tl);
}

/* The axis being drawn: its stretches, one marker per day that has
 * events (first[k] is the first event of marker k), the story's day. */
struct tl_axis {
	struct lay *L;
	struct geom *g;
	struct dl_list fr;
	struct tl_span *sp;
	size_t ns, nm;
	struct tl_mark *m;
	size_t *first;
	double story_x, ay;
	int has_story, rows;
};

/* Stretches, markers wanting their (separated) days, the story's day. */
static void
axis_plan(struct tl_axis *A, const struct story *st, struct event **ev, size_t n)
{
	double *a = xcalloc(n + 1, sizeof(double)), *b = xcalloc(n + 1, sizeof(double));
	double *x, *gap;
	size_t np = 0;

	A->m = xcalloc(n, sizeof(*A->m));
	A->first = xcalloc(n + 1, sizeof(size_t));
	A->has_story = st->date.prec != 0;
	for (size_t i = 0; i < n; i++, np++)
		period(&ev[i]->date, &a[np], &b[np]);
	if (A->has_story) {	/* the story's day too, in its place */
		double sa, sb;
		size_t k = np;

		period(&st->date, &sa, &sb);
		while (k > 0 && a[k - 1] > sa) {
			a[k] = a[k - 1];
			b[k] = b[k - 1];
			k--;
		}
		a[k] = sa;
		b[k] = sb;
		np++;
	}
	A->sp = xcalloc(np, sizeof(*A->sp));
	A->ns = timeline_axis(a, b, np, 14, A->L->W - 14, 18, A->sp);
	/* One point per day with events, and the story's day: kept 7 pt
	 * apart so that dots and the story's ring never touch. */
	x = xcalloc(n + 1, sizeof(double));
	gap = xcalloc(n + 1, sizeof(double));
	for (size_t i = 0; i < n; i++)
		if (i == 0 || date_cmp(&ev[i]->date, &ev[i - 1]->date) != 0) {
			A->first[A->nm] = i;
			x[A->nm++] = timeline_x(A->sp, A->ns, date_axis(&ev[i]->date));
		}
	A->first[A->nm] = n;
	A->story_x = A->has_story ? timeline_x(A->sp, A->ns, date_axis(&st->date)) : 0;
	for (size_t k = 0; k + 1 < A->nm; k++)	/* closer when 7 do not fit */
		gap[k] = A->nm > 1 && (A->L->W - 28) / (A->nm - 1) < 7 ?
		    (A->L->W - 28) / (A->nm - 1) : 7;
	timeline_separate(x, gap, A->nm, 14, A->L->W - 14);
	for (size_t k = 0; k < A->nm; k++) {
		if (A->has_story && date_cmp(&ev[A->first[k]]->date, &st->date) == 0)
			A->story_x = x[k];
		A->m[k].want = x[k];
	}
	free(x);
	free(gap);
	free(a);
	free(b);
}

/* The axis line in its stretches, a break mark between them, the ticks,
 * and the story's day: a ring on the axis, labelled under it. */
static void
axis_line(struct tl_axis *A)
{
	struct lay *L = A->L;
	cairo_t *cr = geom_cr(A->g);
	double last = -INFINITY, ay = A->ay;

	for (size_t k = 0; k < A->ns; k++) {
		cairo_move_to(cr, A->sp[k].x0 - (k == 0 ? 6 : 0), ay);
		cairo_line_to(cr, A->sp[k].x1 + (k + 1 == A->ns ? 6 : 0), ay);
		if (k + 1 < A->ns) {	/* the break: two slanted strokes */
			double mid = (A->sp[k].x1 + A->sp[k + 1].x0) / 2;

			for (int s = -1; s <= 1; s += 2) {
				cairo_move_to(cr, mid + s * 2.5 - 2, ay + 4);
				cairo_line_to(cr, mid + s * 2.5 + 2, ay - 4);
			}
		}
	}
	geom_emit(A->g, L->doc, &A->fr, 0, L->t->colors[C_MUTED], 0.8, DL_STROKE);
	if (A->has_story) {
		const char *label = "Story date";
		double w = text_width(L->ts, label, &L->t->st[ST_CHART_LABEL]);
		double lx = A->story_x - w / 2;

		lx = lx + w > L->W ? L->W - w : lx < 0 ? 0 : lx;
		lay_ring(L, &A->fr, A->story_x, ay, 4.8, L->accent, 0.9);
		lay_frame_text(L, &A->fr, NULL, label, ST_CHART_LABEL, lx - 1,
		    ay + 5 + L->t->st[ST_CHART_LABEL].leading, w + 2, T_NOWRAP, L->accent);
	}
	for (size_t k = 0; k < A->ns; k++)
		axis_ticks(L, &A->fr, A->g, &A->sp[k], ay, &last);
}

/* A marker's label: its event's number, or the first and last of the
 * events on its day ("5-6", with an en dash). */
static void
mark_label(const struct tl_axis *A, size_t k, char *buf, size_t size)
{
	if (A->first[k + 1] - A->first[k] > 1)
		snprintf(buf, size, "%zu\xe2\x80\x93%zu", A->first[k] + 1,
		    A->first[k + 1]);
	else
		snprintf(buf, size, "%zu", A->first[k] + 1);
}

/* The axis strip: stretches, periods as bars or dots, numbered markers
 * with stems that never cross each other or another marker. */
static void
axis(struct lay *L, const struct story *st, struct event **ev, size_t n)
{
	const double rowh = 2 * BADGE_R + 5, top = 2;
	struct tl_axis A = { .L = L, .g = geom_new() };
	int badges = n <= BADGES_MAX;
	double cy0 = 0, elbow = top, zone = 0;
	char *alt = alt_timeline(ev, n);
	int fig = lay_figure(L, alt);

	free(alt);
	axis_plan(&A, st, ev, n);
	if (badges) {
		const struct style *ls = &L->t->st[ST_CHART_LABEL];

		for (size_t k = 0; k < A.nm; k++) {
			char label[48];
			double w;

			mark_label(&A, k, label, sizeof(label));
			w = text_width(L->ts, label, ls) / 2 + 4;
			A.m[k].hw = w > BADGE_R ? w : BADGE_R;
		}
		A.rows = timeline_marks(A.m, A.nm, 3, 0, L->W);
		cy0 = top + BADGE_R + (A.rows - 1) * rowh;
		elbow = cy0 + BADGE_R + 2;
		for (size_t k = 0; k < A.nm; k++)	/* steep enough to keep apart */
			zone = fmax(zone, fabs(A.m[k].x - A.m[k].want) * 0.4);
		zone = zone < 8 ? 8 : zone > 30 ? 30 : zone;
	}
	A.ay = elbow + zone + 3;
	axis_line(&A);
	for (size_t i = 0; i < n; i++) {	/* a bar for a year or a month */
		double pa, pb, xa, xb;

		period(&ev[i]->date, &pa, &pb);
		xa = timeline_x(A.sp, A.ns, pa);
		xb = timeline_x(A.sp, A.ns, pb - 0.01);
		if (ev[i]->date.prec != DATE_DAY && xb - xa >= 3) {
			cairo_rectangle(geom_cr(A.g), xa, A.ay - 2.5, xb - xa, 5);
			geom_emit(A.g, L->doc, &A.fr, (L->accent & 0xffffff00) | 0x66, 0, 0,
			    DL_FILL);
		}
	}
	for (size_t k = 0; k < A.nm; k++) {	/* a dot per day with events */
		cairo_arc(geom_cr(A.g), A.m[k].want, A.ay, 2.6, 0, 2 * M_PI);
		geom_emit(A.g, L->doc, &A.fr, L->accent, 0, 0, DL_FILL);
	}
	for (size_t k = 0; badges && k < A.nm; k++) {
		double p[6];
		char label[48];

		timeline_stem(&A.m[k], cy0, rowh, BADGE_R, elbow, A.ay - 3.5, p);
		cairo_move_to(geom_cr(A.g), p[0], p[1]);
		cairo_line_to(geom_cr(A.g), p[2], p[3]);
		cairo_line_to(geom_cr(A.g), p[4], p[5]);
		geom_emit(A.g, L->doc, &A.fr, 0, L->t->colors[C_MUTED], 0.5, DL_STROKE);
		mark_label(&A, k, label, sizeof(label));
		number_badge(L, &A.fr, A.m[k].x, cy0 - A.m[k].row * rowh, label, A.m[k].hw);
	}
	lay_figure_end(L, &A.fr, 0, fig);
	flow_add(L->f, &A.fr, A.ay + 5 + (A.has_story ? 2 : 1) *
	    L->t->st[ST_CHART_LABEL].leading, 6, F_KEEP);
	free(A.sp);
	free(A.m);
	free(A.first);
	geom_free(A.g);
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
		if (badges) {
			char num[32];

			snprintf(num, sizeof(num), "%zu", i + 1);
			number_badge(L, &fr, gx, 7, num, BADGE_R);
		}
		else
			lay_circle(L, &fr, gx, 7, 3, L->accent);
		if (is_story)	/* the story's day: a ring around its marker */
			lay_ring(L, &fr, gx, 7, BADGE_R + 2.2, L->accent, 0.9);
		flow_add(L->f, &fr, h, i == 0 ? 10 : 9, i == 0 ? F_KEEP : 0);
	}
	flow_continued(L->f, NULL, 0);
	free(ev);
}
