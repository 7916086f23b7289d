/* figure.c: a picture with its credit and caption, kept together.  The
 * backends draw a raster file themselves (JPEG passed through, PNG with
 * its alpha); layout only sizes and places it.  An SVG's shapes (read by
 * base/svg.c) become the display list's paths here, scaled into place. */
#include <string.h>

#include "base/util.h"
#include "lay/figure.h"

#define MIN_DPI		150.0	/* never shown larger than this */
#define MAX_PAGE_SHARE	(2.0 / 3.0)
#define CAPTION_MIN	240.0	/* points */

/* An SVG's shapes as path items in fr, scaled by k and moved to (x, y),
 * all parts of element elem. */
static void
svg_items(struct lay *L, struct dl_list *fr, const struct svg_drawing *sv,
    double x, double y, double k, int elem)
{
	for (size_t i = 0; i < sv->n; i++) {
		const struct svg_shape *sh = &sv->shapes[i];
		struct dl_item it;
		struct dl_path *p = &it.u.path;

		memset(&it, 0, sizeof(it));
		it.kind = DL_PATH;
		it.elem = elem;
		p->ops = dl_alloc(L->doc, sh->nops);
		memcpy(p->ops, sh->ops, sh->nops);	/* SVG_* are DL_* */
		p->nops = sh->nops;
		p->pts = dl_alloc(L->doc, (sh->npts ? sh->npts : 1) * sizeof(float));
		for (uint32_t j = 0; j + 1 < sh->npts; j += 2) {
			p->pts[j] = (float)(x + sh->pts[j] * k);
			p->pts[j + 1] = (float)(y + sh->pts[j + 1] * k);
		}
		p->npts = sh->npts;
		if (sh->stroke) {
			p->flags = DL_STROKE | DL_STYLED;
			p->stroke = sh->color;
			p->width = (float)(sh->width * k);
			p->cap = sh->cap;
			p->join = sh->join;
			p->miter = sh->miter;
			if (sh->ndash) {
				p->dash = dl_alloc(L->doc, sh->ndash * sizeof(float));
				for (uint32_t j = 0; j < sh->ndash; j++)
					p->dash[j] = (float)(sh->dash[j] * k);
				p->ndash = sh->ndash;
				p->dash_off = (float)(sh->dash_off * k);
			}
		} else {
			p->flags = DL_FILL | (sh->evenodd ? DL_EVENODD : 0);
			p->fill = sh->color;
		}
		dl_list_add(fr, &it);
	}
}

/* Lay out a figure; see figure.h. */
void
figure_layout(struct lay *L, const struct figure *fg, double space)
{
	struct dl_list fr = { 0 };
	struct dl_item it;
	double w, h, y, maxh, aw, ah;

	if (flow_overflowed(L->f) || fg->error || fg->path == NULL ||
	    fg->px_w <= 0 || fg->px_h <= 0)
		return;		/* validate.c reported it */
	maxh = (L->t->page_h - L->t->top - L->t->bottom) * MAX_PAGE_SHARE;
	/* A raster is never enlarged past MIN_DPI; vectors fill the measure. */
	aw = fg->svg ? fg->svg->w : fg->px_w;
	ah = fg->svg ? fg->svg->h : fg->px_h;
	w = fg->svg ? L->W : fg->px_w * 72.0 / MIN_DPI;
	if (w > L->W)
		w = L->W;
	h = w * ah / aw;
	if (h > maxh) {
		h = maxh;
		w = h * aw / ah;
	}
	memset(&it, 0, sizeof(it));
	if (L->tag && !L->artifact) {	/* tagged: a Figure with its alt text */
		it.elem = dl_elem_new(L->doc, L->tag, DL_R_FIGURE);
		dl_elem_alt(L->doc, it.elem, fg->alt);
	}
	if (fg->svg)
		svg_items(L, &fr, fg->svg, (L->W - w) / 2, 0, w / aw, it.elem);
	else {
		it.kind = DL_IMAGE;
		it.u.image.image = dl_image(L->doc, fg->path, fg->px_w, fg->px_h,
		    fg->is_png);
		it.u.image.x = (float)((L->W - w) / 2);
		it.u.image.y = 0;
		it.u.image.w = (float)w;
		it.u.image.h = (float)h;
		dl_list_add(&fr, &it);
	}
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
