/* callout.c: the callout box.  Its content is gathered as rows (one line
 * of text each) with list.c's row interface, measured, and then either
 * placed in one frame (one slice of the flow, so never split) or, for a
 * box taller than a page, given to the flow row by row. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/callout.h"
#include "lay/list.h"

#define PAD_X	10.0
#define PAD_Y	8.0
#define BLOCK_SPACE	6.0

struct row {
	struct dl_list	 fr;
	double		 h, space;
	int		 flags;
};

struct rowset {
	struct row	*v;
	size_t		 n, cap;
};

static void
gather(void *ctx, struct dl_list *fr, double h, double space, int flags)
{
	struct rowset *rs = ctx;
	struct row *r;

	rs->v = xgrow(rs->v, &rs->cap, rs->n + 1, sizeof(*rs->v));
	r = &rs->v[rs->n++];
	r->fr = *fr;		/* the row takes the items over */
	memset(fr, 0, sizeof(*fr));
	r->h = h;
	r->space = space;
	r->flags = flags;
}

/* A paragraph of the callout as rows, justified within the padding. */
static void
para_rows(struct lay *L, const struct rich *r, double space,
    const struct rows *out)
{
	struct tlines tl;
	int e = 0;

	text_layout(L->ts, r, NULL, &L->t->st[ST_BODY], L->W - 2 * PAD_X,
	    T_JUSTIFY | T_HYPHENATE, lay_color(L, ST_BODY), &tl);
	if (tl.n && L->tag && !L->artifact) {	/* tagged: a P of its own */
		e = dl_elem_new(L->doc, L->tag, DL_R_P);
		if (r->lang)
			dl_elem_lang(L->doc, e, r->lang);
	}
	/* Its notes go with the box (the next slice the flow gets). */
	notes_all(L, r);
	for (size_t i = 0; i < tl.n; i++) {
		struct dl_list fr = { 0 };

		dl_list_tag(L->doc, &tl.lines[i], 0, e);
		dl_list_place(&fr, &tl.lines[i], (float)PAD_X, 0);
		out->emit(out->ctx, &fr, tl.leading, i == 0 ? space : 0,
		    i > 0 && (i < 2 || tl.n - i < 2) ? F_KEEP : 0);
	}
	tlines_free(&tl);
}

/* The label: an accent rule across the box's top, the title under it. */
static double
label(struct lay *L, const struct callout *co, struct dl_list *fr)
{
	double h;

	dl_hline(L->doc, fr, 0, (float)L->W, 0, 0.8f, L->accent, 0);
	h = lay_frame_text(L, fr, NULL, co->title ? co->title : "", ST_KICKER,
	    PAD_X, PAD_Y, L->W - 2 * PAD_X, 0, 0);
	return PAD_Y + h + 2;
}

/* The whole box as one slice, the label lab (labh high) at its top. */
static void
one_box(struct lay *L, const struct dl_list *lab, double labh,
    struct rowset *rs, double total, double space)
{
	struct dl_list fr = { 0 };
	double y = labh;

	dl_rect(L->doc, &fr, 0, 0, (float)L->W, (float)total, L->t->colors[C_TINT]);
	dl_list_place(&fr, lab, 0, 0);
	for (size_t i = 0; i < rs->n; i++) {
		y += rs->v[i].space;
		dl_list_place(&fr, &rs->v[i].fr, 0, (float)y);
		y += rs->v[i].h;
	}
	flow_add(L->f, &fr, total, space, 0);
}

/* A box taller than a page: a strip of tint behind every row, the space
 * above a row part of its strip, so the tint has no gaps. */
static void
strips(struct lay *L, const struct dl_list *lab, double h, struct rowset *rs,
    double space)
{
	struct dl_list fr = { 0 };

	dl_rect(L->doc, &fr, 0, 0, (float)L->W, (float)h, L->t->colors[C_TINT]);
	dl_list_place(&fr, lab, 0, 0);
	flow_add(L->f, &fr, h, space, 0);
	for (size_t i = 0; i < rs->n; i++) {
		struct row *r = &rs->v[i];
		double rh = r->space + r->h + (i + 1 == rs->n ? PAD_Y : 0);

		memset(&fr, 0, sizeof(fr));
		dl_rect(L->doc, &fr, 0, 0, (float)L->W, (float)rh,
		    L->t->colors[C_TINT]);
		dl_list_place(&fr, &r->fr, 0, (float)r->space);
		flow_add(L->f, &fr, rh, 0, i == 0 ? F_KEEP : r->flags);
	}
}

/* Lay out a callout; see callout.h. */
void
callout_layout(struct lay *L, const struct callout *co, double space)
{
	struct rowset rs = { 0 };
	struct rows out = { gather, &rs };
	struct dl_list lab = { 0 };
	double labh, total, avail = L->t->page_h - L->t->top - L->t->bottom;

	if (flow_overflowed(L->f))
		return;
	for (size_t i = 0; i < co->nblocks; i++) {
		const struct block *b = &co->blocks[i];
		double sp = i == 0 ? 2 : BLOCK_SPACE;

		if (b->kind == BLOCK_LIST)
			list_rows(L, b->list, PAD_X, L->W - 2 * PAD_X, sp, 0, &out);
		else
			para_rows(L, &b->text, sp, &out);
	}
	labh = label(L, co, &lab);
	total = labh + PAD_Y;
	for (size_t i = 0; i < rs.n; i++)
		total += rs.v[i].space + rs.v[i].h;
	if (total <= avail)
		one_box(L, &lab, labh, &rs, total, space);
	else
		strips(L, &lab, labh, &rs, space);
	dl_list_free(&lab);
	for (size_t i = 0; i < rs.n; i++)
		dl_list_free(&rs.v[i].fr);
	free(rs.v);
}
