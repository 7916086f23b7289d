/* list.c: bulleted and numbered lists.  The marker hangs in the margin
 * the list makes for itself: bullets a fixed step, numbers as wide as the
 * widest, right-aligned so that "9." and "10." end at the same place.
 * Each line of an item is a row of its own, so a long list breaks
 * between lines with two lines kept at either end of a page, and the
 * rows can go to the flow or into a callout's box alike. */
#include <stdio.h>
#include <stdlib.h>

#include "base/util.h"
#include "lay/list.h"

#define GAP	6.0	/* between a marker and its text */
#define ITEM_SPACE	3.0

/* The marker of item i at nesting depth (1 = outermost). */
static void
marker(const struct list *l, size_t i, int depth, char *out, size_t n)
{
	if (l->numbered)
		snprintf(out, n, "%zu.", i + 1);
	else
		snprintf(out, n, "%s", depth == 2 ? "\xe2\x80\x93" /* en dash */ :
		    "\xe2\x80\xa2" /* bullet */);
}

/* The hang: room left of the text for the widest marker and the gap. */
static double
hang(struct lay *L, const struct list *l)
{
	char widest[32];

	if (!l->numbered)
		return 12;
	snprintf(widest, sizeof(widest), "%zu.", l->nitems);
	return text_width(L->ts, widest, &L->t->st[ST_BODY]) + GAP;
}

static void
rows_at(struct lay *L, const struct list *l, double x, double width,
    int depth, double space, int keep_first, const struct rows *out)
{
	double h = hang(L, l);
	int outer = lay_group(L, DL_R_L);	/* tagged: L > LI > Lbl, LBody */

	for (size_t i = 0; i < l->nitems; i++) {
		const struct list_item *it = &l->items[i];
		struct tlines tl;
		unsigned char *placed;
		char mk[32];
		int li, lbl = 0, body = 0;

		if (flow_overflowed(L->f))
			break;
		li = lay_group(L, DL_R_LI);
		if (L->tag != 0 && !L->artifact) {
			lbl = dl_elem_new(L->doc, L->tag, DL_R_LBL);
			body = dl_elem_new(L->doc, L->tag, DL_R_LBODY);
			if (it->text.lang)
				dl_elem_lang(L->doc, body, it->text.lang);
		}
		text_layout(L->ts, &it->text, NULL, &L->t->st[ST_BODY], width - h,
		    T_HYPHENATE, lay_color(L, ST_BODY), &tl);
		marker(l, i, depth, mk, sizeof(mk));
		placed = it->text.nnotes ? xcalloc(it->text.nnotes, 1) : NULL;
		for (size_t j = 0; j < tl.n; j++) {
			struct dl_list fr = { 0 };
			int fl = 0;

			notes_for_line(L, &it->text, &tl.lines[j], placed, j + 1 == tl.n);
			dl_list_tag(L->doc, &tl.lines[j], 0, body);
			if (j == 0) {
				int into = L->tag_into;

				L->tag_into = lbl;	/* the marker is the label */
				lay_frame_text(L, &fr, NULL, mk, ST_BODY, x, 0,
				    l->numbered ? h - GAP : h,
				    l->numbered ? T_RIGHT : 0, L->accent);
				L->tag_into = into;
				fl = i == 0 && keep_first ? F_KEEP : 0;
			} else if (j < 2 || tl.n - j < 2)
				fl = F_KEEP;
			dl_list_place(&fr, &tl.lines[j], (float)(x + h), 0);
			out->emit(out->ctx, &fr, tl.leading,
			    j > 0 ? 0 : i == 0 ? space : ITEM_SPACE, fl);
		}
		tlines_free(&tl);
		free(placed);
		if (it->sub)
			rows_at(L, it->sub, x + h, width - h, depth + 1, ITEM_SPACE,
			    0, out);
		lay_group_end(L, li);
	}
	lay_group_end(L, outer);
}

/* A list as rows; see list.h. */
void
list_rows(struct lay *L, const struct list *l, double x, double width,
    double space, int keep_first, const struct rows *out)
{
	rows_at(L, l, x, width, 1, space, keep_first, out);
}

static void
to_flow(void *ctx, struct dl_list *fr, double h, double space, int flags)
{
	flow_add(ctx, fr, h, space, flags);
}

/* A section's list into the flow; see list.h. */
void
list_layout(struct lay *L, const struct list *l, double space, int keep_first)
{
	struct rows out = { to_flow, L->f };

	list_rows(L, l, 0, L->W, space, keep_first, &out);
}
