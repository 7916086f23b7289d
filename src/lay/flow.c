/* flow.c: page breaking over slices. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/flow.h"

struct slice {
	struct dl_list	 frame;
	double		 h, space;
	int		 flags;
	int		 cont;		/* continuation heading, or -1 */
	int		*dests;
	size_t		 ndests;
	struct dl_list	 foot;		/* its notes, for the page's foot */
	double		 footh;
};

#define FOOT_GAP	12.0	/* from the text to the first note: a rule midway */

struct flow {
	struct dl_doc	*doc;
	double		 w, h, x, top, bottom;
	struct slice	*pend;
	size_t		 npend, cap;
	int		*marks;		/* dests for the next slice */
	size_t		 nmarks, capmarks;
	struct dl_list	*conts;		/* continuation headings */
	double		*conth;
	size_t		 nconts, capconts, capconth;
	int		 cont;		/* the current run's, or -1 */
	int		 first_page, pages;
	int		 overflow;
	struct dl_list	 nfoot;		/* notes for the next slice */
	double		 nfooth;
	uint32_t	 rule;		/* colour of the rule above notes */
};

/* Start a flow; see flow.h. */
struct flow *
flow_new(struct dl_doc *doc, double w, double h, double x, double top,
    double bottom)
{
	struct flow *f = xcalloc(1, sizeof(*f));

	f->doc = doc;
	f->w = w;
	f->h = h;
	f->x = x;
	f->top = top;
	f->bottom = bottom;
	f->first_page = (int)dl_npages(doc);
	f->cont = -1;
	return f;
}

/* The next page starts inside a run with a continuation heading: put a
 * copy of it first, glued to the slice it now heads (which gets one
 * heading at most, so that a page holding only the heading cannot make
 * another). */
static void
continue_heading(struct flow *f)
{
	struct slice *s;
	int c = f->pend[0].cont;

	f->pend = xgrow(f->pend, &f->cap, f->npend + 1, sizeof(*f->pend));
	memmove(f->pend + 1, f->pend, f->npend * sizeof(*f->pend));
	f->npend++;
	f->pend[1].cont = -1;
	f->pend[1].flags |= F_KEEP;
	s = &f->pend[0];
	memset(s, 0, sizeof(*s));
	dl_list_place(&s->frame, &f->conts[c], 0, 0);
	/* Placing a slice moves its paths' points where they lie: each
	 * copy gets points of its own, or the heading's rule would move
	 * again on every page it heads. */
	for (size_t i = 0; i < s->frame.n; i++) {
		struct dl_path *p = &s->frame.items[i].u.path;
		float *pts;

		if (s->frame.items[i].kind != DL_PATH || p->npts == 0)
			continue;
		pts = dl_alloc(f->doc, p->npts * sizeof(*pts));
		memcpy(pts, p->pts, p->npts * sizeof(*pts));
		p->pts = pts;
	}
	s->h = f->conth[c];
	s->cont = -1;
}

/* The notes of pending slices [0, n) at the foot of page pg, under a
 * short rule. */
static void
feet(struct flow *f, struct dl_page *pg, size_t n)
{
	double h = 0, y;

	for (size_t i = 0; i < n; i++)
		h += f->pend[i].footh;
	if (h <= 0)
		return;
	y = f->bottom - h;
	dl_hline(f->doc, &pg->list, (float)f->x, (float)(f->x + 72), (float)(y -
	    FOOT_GAP / 2), 0.5f, f->rule, 0);
	for (size_t i = 0; i < n; i++) {
		dl_list_place(&pg->list, &f->pend[i].foot, (float)f->x, (float)y);
		dl_list_free(&f->pend[i].foot);
		y += f->pend[i].footh;
	}
}

/* Put pending slices [0, n) on a new page and drop them from pending. */
static void
emit_page(struct flow *f, size_t n)
{
	struct dl_page *pg;
	int pno;
	double y = f->top;

	if (dl_npages(f->doc) >= FLOW_MAX_PAGES) {
		/* Over the limit: drop what would go on this page. */
		for (size_t i = 0; i < n; i++) {
			dl_list_free(&f->pend[i].frame);
			dl_list_free(&f->pend[i].foot);
			free(f->pend[i].dests);
		}
		memmove(f->pend, f->pend + n, (f->npend - n) * sizeof(*f->pend));
		f->npend -= n;
		f->overflow = 1;
		return;
	}
	pg = dl_add_page(f->doc, (float)f->w, (float)f->h);
	pno = (int)dl_npages(f->doc) - 1;
	for (size_t i = 0; i < n; i++) {
		struct slice *s = &f->pend[i];

		if (i > 0)
			y += s->space;
		for (size_t k = 0; k < s->ndests; k++)
			dl_dest_set(f->doc, s->dests[k], pno, (float)y);
		dl_list_place(&pg->list, &s->frame, (float)f->x, (float)y);
		dl_list_free(&s->frame);
		free(s->dests);
		y += s->h;
	}
	/* The notes after the page's text: the structure tree takes its
	 * order from the order things are drawn in. */
	feet(f, pg, n);
	memmove(f->pend, f->pend + n, (f->npend - n) * sizeof(*f->pend));
	f->npend -= n;
	f->pages++;
	if (f->npend > 0 && f->pend[0].cont >= 0)
		continue_heading(f);
}

/* Break pages until what is pending fits on the current one. */
static void
settle(struct flow *f)
{
	for (;;) {
		double y = f->top, foot = 0;
		size_t j;

		for (size_t i = 0; i < f->npend; i++) {
			y += (i ? f->pend[i].space : 0) + f->pend[i].h;
			foot += f->pend[i].footh;
		}
		if (foot > 0)	/* a slice moves with its notes */
			y += FOOT_GAP + foot;
		if (y <= f->bottom + 0.01 || f->npend <= 1)
			return;
		/* The last place a break is allowed, never before the first. */
		for (j = f->npend - 1; j > 0; j--)
			if (!(f->pend[j].flags & F_KEEP))
				break;
		if (j == 0)
			j = f->npend - 1;	/* all glued: break anyway */
		emit_page(f, j);
	}
}

/* Add a slice; see flow.h. */
void
flow_add(struct flow *f, struct dl_list *frame, double h, double space,
    int flags)
{
	struct slice *s;

	if ((flags & F_NEWPAGE) && f->npend > 0)
		emit_page(f, f->npend);
	f->pend = xgrow(f->pend, &f->cap, f->npend + 1, sizeof(*f->pend));
	s = &f->pend[f->npend++];
	s->frame = *frame;
	memset(frame, 0, sizeof(*frame));
	s->h = h;
	s->space = space;
	s->flags = flags;
	s->cont = f->cont;
	s->dests = f->marks;
	s->ndests = f->nmarks;
	s->foot = f->nfoot;
	s->footh = f->nfooth;
	memset(&f->nfoot, 0, sizeof(f->nfoot));
	f->nfooth = 0;
	f->marks = NULL;
	f->nmarks = f->capmarks = 0;
	settle(f);
}

/* Start or end a run with a continuation heading; see flow.h. */
void
flow_continued(struct flow *f, struct dl_list *frame, double h)
{
	if (frame == NULL) {
		f->cont = -1;
		return;
	}
	f->conts = xgrow(f->conts, &f->capconts, f->nconts + 1, sizeof(*f->conts));
	f->conth = xgrow(f->conth, &f->capconth, f->nconts + 1, sizeof(*f->conth));
	f->conts[f->nconts] = *frame;
	memset(frame, 0, sizeof(*frame));
	f->conth[f->nconts] = h;
	f->cont = (int)f->nconts++;
}

/* Room left on the current page; see flow.h. */
double
flow_room(const struct flow *f)
{
	double y = f->top, foot = 0;

	for (size_t i = 0; i < f->npend; i++) {
		y += (i ? f->pend[i].space : 0) + f->pend[i].h;
		foot += f->pend[i].footh;
	}
	if (foot > 0)	/* the page's notes take their room at its foot */
		y += FOOT_GAP + foot;
	return f->bottom - y;
}

/* Attach a note to the next slice; see flow.h. */
void
flow_note(struct flow *f, struct dl_list *frame, double h, uint32_t rule)
{
	dl_list_place(&f->nfoot, frame, 0, (float)f->nfooth);
	dl_list_free(frame);
	memset(frame, 0, sizeof(*frame));
	f->nfooth += h;
	f->rule = rule;
}

/* Attach a destination to the next slice. */
void
flow_mark(struct flow *f, int dest)
{
	f->marks = xgrow(f->marks, &f->capmarks, f->nmarks + 1, sizeof(int));
	f->marks[f->nmarks++] = dest;
}

/* Flush the last page; see flow.h. */
int
flow_finish(struct flow *f, int *count)
{
	if (f->npend > 0 || f->pages == 0) {
		if (f->nmarks) {	/* marks with nothing after them */
			struct dl_list empty = { 0 };

			flow_add(f, &empty, 0, 0, F_KEEP);
		}
		emit_page(f, f->npend);
	}
	*count = f->pages;
	return f->first_page;
}

/* True when the flow stopped at the page limit (FLOW_MAX_PAGES). */
int
flow_overflowed(const struct flow *f)
{
	return f->overflow;
}

/* Free the flow. */
void
flow_free(struct flow *f)
{
	if (f == NULL)
		return;
	for (size_t i = 0; i < f->npend; i++) {
		dl_list_free(&f->pend[i].frame);
		dl_list_free(&f->pend[i].foot);
		free(f->pend[i].dests);
	}
	dl_list_free(&f->nfoot);
	for (size_t i = 0; i < f->nconts; i++)
		dl_list_free(&f->conts[i]);
	free(f->conts);
	free(f->conth);
	free(f->pend);
	free(f->marks);
	free(f);
}
