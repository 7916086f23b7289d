/* figure.c: a picture with its credit and caption, kept together.  The
 * backends draw the file itself (JPEG passed through, PNG with its
 * alpha); layout only sizes and places it. */
#include <string.h>

#include "base/util.h"
#include "lay/figure.h"

#define MIN_DPI		150.0	/* never shown larger than this */
#define MAX_PAGE_SHARE	(2.0 / 3.0)
#define CAPTION_MIN	240.0	/* points */

/* Lay out a figure; see figure.h. */
void
figure_layout(struct lay *L, const struct figure *fg, double space)
{
	struct dl_list fr = { 0 };
	struct dl_item it;
	double w, h, y, maxh;

	if (flow_overflowed(L->f) || fg->error || fg->path == NULL ||
	    fg->px_w <= 0 || fg->px_h <= 0)
		return;		/* validate.c reported it */
	maxh = (L->t->page_h - L->t->top - L->t->bottom) * MAX_PAGE_SHARE;
	w = fg->px_w * 72.0 / MIN_DPI;
	if (w > L->W)
		w = L->W;
	h = w * fg->px_h / fg->px_w;
	if (h > maxh) {
		h = maxh;
		w = h * fg->px_w / fg->px_h;
	}
	memset(&it, 0, sizeof(it));
	it.kind = DL_IMAGE;
	it.u.image.image = dl_image(L->doc, fg->path, fg->px_w, fg->px_h, fg->is_png);
	it.u.image.x = (float)((L->W - w) / 2);
	it.u.image.y = 0;
	it.u.image.w = (float)w;
	it.u.image.h = (float)h;
	if (L->tag && !L->artifact) {	/* tagged: a Figure with its alt text */
		it.elem = dl_elem_new(L->doc, L->tag, DL_R_FIGURE);
		dl_elem_alt(L->doc, it.elem, fg->alt);
	}
	dl_list_add(&fr, &it);
	y = h + 3;
	if (fg->credit)
		y += lay_frame_text(L, &fr, NULL, fg->credit, ST_CHART_LABEL,
		    (L->W - w) / 2, y, w, T_RIGHT, 0);
	if (fg->caption.text) {
		/* Under the picture's left edge, as wide as it (a narrow
		 * picture's caption gets a readable measure). */
		double cw = w > CAPTION_MIN ? w : CAPTION_MIN;
		double cx = (L->W - w) / 2;

		if (cw > L->W)
			cw = L->W;
		if (cx + cw > L->W)
			cx = L->W - cw;
		y += 2 + lay_frame_text(L, &fr, &fg->caption, NULL, ST_CAPTION,
		    cx, y + 2, cw, 0, 0);
	}
	flow_add(L->f, &fr, y, space, 0);
}
