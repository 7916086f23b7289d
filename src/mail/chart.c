/* chart.c: the one picture the message carries: the first chart of the
 * briefing (title, legend and plot; its caption goes into the text), cut
 * from its page of the display list and drawn at twice the
 * size it is shown (sharp on high-density screens), at most 600 x 360 CSS
 * pixels.  Never a page of text. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>

#include "base/util.h"
#include "draw/png.h"
#include "mail/mail.h"

#define SHOW_W	520	/* CSS pixels: the column inside the card's padding */
#define SHOW_H	340

struct box {
	double x0, y0, x1, y1;
};

static void
grow(struct box *b, double x0, double y0, double x1, double y1)
{
	b->x0 = fmin(b->x0, x0);
	b->y0 = fmin(b->y0, y0);
	b->x1 = fmax(b->x1, x1);
	b->y1 = fmax(b->y1, y1);
}

/* The extent of items [first, last] of a page. */
static struct box
extent(const struct dl_list *l, size_t first, size_t last)
{
	struct box b = { INFINITY, INFINITY, -INFINITY, -INFINITY };

	for (size_t i = first; i <= last; i++) {
		const struct dl_item *it = &l->items[i];

		if (it->kind == DL_TEXT) {
			const struct dl_text *t = &it->u.text;
			float end = t->nglyphs ? t->glyphs[t->nglyphs - 1].x + t->size : 0;

			grow(&b, t->x, t->y - t->size, t->x + end, t->y + 0.3 * t->size);
		} else if (it->kind == DL_PATH) {
			const struct dl_path *p = &it->u.path;

			for (uint32_t k = 0; k + 1 < p->npts; k += 2)
				grow(&b, p->pts[k] - p->width, p->pts[k + 1] - p->width,
				    p->pts[k] + p->width, p->pts[k + 1] + p->width);
		} else if (it->kind == DL_IMAGE)
			grow(&b, it->u.image.x, it->u.image.y, it->u.image.x + it->u.image.w,
			    it->u.image.y + it->u.image.h);
	}
	return b;
}

static int
is_text(const struct dl_item *it)
{
	return it->kind == DL_TEXT && it->u.text.textlen > 0;
}

/* Where chart c is drawn: from the run that starts its title to the
 * item before its caption (a chart is laid out as one frame, caption
 * last, so its items are together on one page).  Returns 0 with *page
 * and *b, or -1. */
static int
find(const struct dl_doc *doc, const struct chart *c, size_t *page, struct box *b)
{
	size_t tl = strlen(c->title.text), cl = strlen(c->caption.text);

	for (size_t p = 0; p < dl_npages(doc); p++) {
		const struct dl_list *l = &dl_page(doc, p)->list;

		for (size_t i = 0; i < l->n; i++) {
			const struct dl_text *t = &l->items[i].u.text;
			size_t j = i + 1;

			if (!is_text(&l->items[i]) || t->textlen > tl || t->textlen <
			    (tl < 12 ? tl : 12) || memcmp(t->text, c->title.text, t->textlen))
				continue;
			for (; j < l->n && j < i + 4000; j++) {
				const struct dl_text *e = &l->items[j].u.text;

				if (is_text(&l->items[j]) && e->textlen <= cl && e->textlen >=
				    (cl < 12 ? cl : 12) && memcmp(e->text, c->caption.text,
				    e->textlen) == 0)
					break;
			}
			if (j >= l->n || j >= i + 4000 || j == i + 1)
				continue;
			/* The title, legend and plot; the caption goes into the
			 * message as text, readable at any width. */
			*page = p;
			*b = extent(l, i, j - 1);
			return 0;
		}
	}
	return -1;
}

struct png_in {
	const unsigned char	*p;
	size_t			 left;
};

static cairo_status_t
png_read(void *arg, unsigned char *dst, unsigned int n)
{
	struct png_in *in = arg;

	if (n > in->left)
		return CAIRO_STATUS_READ_ERROR;
	memcpy(dst, in->p, n);
	in->p += n;
	in->left -= n;
	return CAIRO_STATUS_SUCCESS;
}

static cairo_status_t
png_write(void *arg, const unsigned char *src, unsigned int n)
{
	buf_add(arg, src, n);
	return CAIRO_STATUS_SUCCESS;
}

/* Cut (x, y, w, h) pixels out of a PNG.  Returns 0 with the new PNG in
 * *out, or -1. */
static int
crop(const char *png, size_t len, int x, int y, int w, int h, char **out,
    size_t *outlen)
{
	struct png_in in = { (const unsigned char *)png, len };
	cairo_surface_t *src = cairo_image_surface_create_from_png_stream(png_read, &in);
	cairo_surface_t *dst;
	cairo_t *cr;
	struct buf b;
	int rc = -1;

	if (cairo_surface_status(src) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(src);
		return -1;
	}
	dst = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(dst);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_set_source_surface(cr, src, -x, -y);
	cairo_paint(cr);
	cairo_destroy(cr);
	buf_init(&b);
	if (cairo_surface_write_to_png_stream(dst, png_write, &b) == CAIRO_STATUS_SUCCESS) {
		*outlen = b.len;
		*out = buf_steal(&b);
		rc = 0;
	}
	buf_free(&b);
	cairo_surface_destroy(dst);
	cairo_surface_destroy(src);
	return rc;
}

static const struct chart *
first_chart(const struct briefing *bf, size_t *story)
{
	for (size_t s = 0; s < bf->nstories; s++)
		for (size_t i = 0; i < bf->stories[s].nsections; i++)
			for (size_t k = 0; k < bf->stories[s].sections[i].nblocks; k++) {
				const struct block *blk = &bf->stories[s].sections[i].blocks[k];

				if (blk->kind == BLOCK_CHART && blk->chart->caption.text) {
					*story = s;
					return blk->chart;
				}
			}
	return NULL;
}

/* The chart picture; see mail.h. */
int
mail_chart_png(const struct build *b, struct mail_view *v, char **png,
    size_t *len, char **err)
{
	const struct chart *c = first_chart(b->model, &v->chart_story);
	struct box bx;
	size_t page;
	double w, h, css_w, scale;
	char *full;
	size_t fulllen;
	int rc;

	*png = NULL;
	*len = 0;
	if (c == NULL || find(b->doc, c, &page, &bx) != 0)
		return 0;	/* no chart: no picture */
	bx.x0 -= 8, bx.y0 -= 8, bx.x1 += 8, bx.y1 += 8;
	w = bx.x1 - bx.x0;
	h = bx.y1 - bx.y0;
	if (!isfinite(w) || !isfinite(h) || w < 40 || h < 40)
		return 0;	/* nothing worth a picture */
	css_w = fmin(SHOW_W, SHOW_H * w / h);
	scale = 2 * css_w / w;		/* pixels per point */
	{
		const struct dl_page *pg = dl_page(b->doc, page);

		if ((double)pg->w * scale * pg->h * scale > 40e6)
			return 0;	/* a chart small on a huge page: no picture */
	}
	if (png_render(b->doc, page, scale * 72, &full, &fulllen, err) != 0)
		return -1;
	v->chart_w = (int)floor(css_w);
	v->chart_h = (int)floor(css_w * h / w);
	rc = crop(full, fulllen, (int)floor(bx.x0 * scale), (int)floor(bx.y0 * scale),
	    2 * v->chart_w, 2 * v->chart_h, png, len);
	free(full);
	if (rc != 0) {
		*err = xstrdup("cannot cut the chart out of its page");
		return -1;
	}
	v->chart_title = c->title.text;
	v->chart_caption = &c->caption;
	return 0;
}
