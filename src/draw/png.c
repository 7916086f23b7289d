/* png.c: display list -> PNG with Cairo.  Text is drawn by glyph id from
 * the same font files the PDF embeds, at the positions layout gave. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <stdio.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "base/util.h"
#include "draw/picture.h"
#include "draw/png.h"

/* One FreeType library for the process; each face is freed by Cairo when
 * it lets go of the font face (which its caches may outlive us). */
static FT_Library ft;
static const cairo_user_data_key_t face_key;

static void
done_face(void *p)
{
	FT_Done_Face(p);
}

static void
set_rgba(cairo_t *cr, uint32_t c)
{
	cairo_set_source_rgba(cr, (c >> 24 & 0xff) / 255.0, (c >> 16 & 0xff) / 255.0,
	    (c >> 8 & 0xff) / 255.0, (c & 0xff) / 255.0);
}

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int n)
{
	buf_add(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

static int
draw_image(cairo_t *cr, const struct dl_doc *doc, const struct dl_image *im,
    char **err)
{
	const struct dl_imagefile *f = dl_imagefile(doc, im->image);
	cairo_surface_t *img = picture_load(f->path, f->is_png);

	if (img == NULL || cairo_surface_status(img) != CAIRO_STATUS_SUCCESS) {
		*err = xasprintf("cannot read the image %s", f->path);
		if (img)
			cairo_surface_destroy(img);
		return -1;
	}
	cairo_save(cr);
	cairo_translate(cr, im->x, im->y);
	cairo_scale(cr, im->w / cairo_image_surface_get_width(img),
	    im->h / cairo_image_surface_get_height(img));
	cairo_set_source_surface(cr, img, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_paint(cr);
	cairo_restore(cr);
	cairo_surface_destroy(img);
	return 0;
}

static void
draw_path(cairo_t *cr, const struct dl_path *p)
{
	uint32_t k = 0;

	cairo_new_path(cr);
	for (uint32_t o = 0; o < p->nops; o++) {
		const float *v = p->pts + k;

		switch (p->ops[o]) {
		case DL_MOVE:
			cairo_move_to(cr, v[0], v[1]);
			k += 2;
			break;
		case DL_LINE:
			cairo_line_to(cr, v[0], v[1]);
			k += 2;
			break;
		case DL_CURVE:
			cairo_curve_to(cr, v[0], v[1], v[2], v[3], v[4], v[5]);
			k += 6;
			break;
		case DL_CLOSE:
			cairo_close_path(cr);
			break;
		}
	}
	cairo_set_fill_rule(cr, p->flags & DL_EVENODD ? CAIRO_FILL_RULE_EVEN_ODD :
	    CAIRO_FILL_RULE_WINDING);
	if (p->flags & DL_FILL) {
		set_rgba(cr, p->fill);
		if (p->flags & DL_STROKE)
			cairo_fill_preserve(cr);
		else
			cairo_fill(cr);
	}
	if (p->flags & DL_STROKE) {
		set_rgba(cr, p->stroke);
		cairo_set_line_width(cr, p->width);
		cairo_set_line_cap(cr, p->flags & DL_ROUND ? CAIRO_LINE_CAP_ROUND :
		    CAIRO_LINE_CAP_BUTT);
		cairo_set_line_join(cr, p->flags & DL_ROUND ? CAIRO_LINE_JOIN_ROUND :
		    CAIRO_LINE_JOIN_MITER);
		cairo_set_miter_limit(cr, 10);	/* PDF's default too */
		if (p->flags & DL_STYLED) {	/* an SVG shape's own style */
			double dash[64];
			uint32_t nd = p->ndash < 64 ? p->ndash : 64;

			cairo_set_line_cap(cr, (cairo_line_cap_t)(p->cap % 3));
			cairo_set_line_join(cr, (cairo_line_join_t)(p->join % 3));
			cairo_set_miter_limit(cr, p->miter >= 1 ? p->miter : 1);
			for (uint32_t i = 0; i < nd; i++)
				dash[i] = p->dash[i];
			cairo_set_dash(cr, dash, (int)nd, p->dash_off);
		} else if (p->flags & (DL_DASH | DL_DOTTED)) {	/* as the PDF backend */
			double dash[2] = { p->flags & DL_DOTTED ? 1 : 2,
			    p->flags & DL_DOTTED ? 3 : 2 };

			cairo_set_dash(cr, dash, 2, 0);
		} else
			cairo_set_dash(cr, NULL, 0, 0);
		cairo_stroke(cr);
	}
}

/* Render one page; see png.h. */
int
png_render(const struct dl_doc *doc, size_t page, double dpi, char **out,
    size_t *len, char **err)
{
	const struct dl_page *pg = dl_page(doc, page);
	size_t nf = dl_nfaces(doc);
	double scale = dpi / 72.0;
	/* Sizes round up, as pdftoppm does, so previews compare pixel for pixel. */
	int w = (int)ceil(pg->w * scale - 1e-6), h = (int)ceil(pg->h * scale - 1e-6);
	cairo_surface_t *s;
	cairo_t *cr;
	cairo_font_face_t **faces;
	cairo_font_options_t *fo;
	struct buf b;
	int rc = -1;

	*out = NULL;
	*len = 0;
	*err = NULL;
	if (ft == NULL && FT_Init_FreeType(&ft) != 0) {
		*err = xstrdup("cannot start FreeType");
		return -1;
	}
	faces = xcalloc(nf ? nf : 1, sizeof(*faces));
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(s);
	cairo_set_source_rgb(cr, 1, 1, 1);
	cairo_paint(cr);
	cairo_scale(cr, scale, scale);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);

	for (size_t i = 0; i < pg->list.n; i++) {
		const struct dl_item *it = &pg->list.items[i];

		if (it->kind == DL_PATH)
			draw_path(cr, &it->u.path);
		else if (it->kind == DL_IMAGE) {
			if (draw_image(cr, doc, &it->u.image, err) != 0)
				goto out;
		}
		else if (it->kind == DL_TEXT) {
			const struct dl_text *t = &it->u.text;
			cairo_glyph_t *gl;

			if (faces[t->face] == NULL) {
				FT_Face f;

				if (FT_New_Face(ft, dl_face_path(doc, t->face), 0, &f) != 0) {
					*err = xasprintf("cannot load the face %s",
					    dl_face_path(doc, t->face));
					goto out;
				}
				faces[t->face] = cairo_ft_font_face_create_for_ft_face(f, 0);
				cairo_font_face_set_user_data(faces[t->face], &face_key,
				    f, done_face);
			}
			cairo_set_font_face(cr, faces[t->face]);
			cairo_set_font_size(cr, t->size);
			set_rgba(cr, t->color);
			gl = xcalloc(t->nglyphs ? t->nglyphs : 1, sizeof(*gl));
			for (uint32_t g = 0; g < t->nglyphs; g++) {
				gl[g].index = t->glyphs[g].gid;
				gl[g].x = t->x + t->glyphs[g].x;
				gl[g].y = t->y + t->glyphs[g].y;
			}
			cairo_show_glyphs(cr, gl, (int)t->nglyphs);
			free(gl);
		}
	}
	cairo_surface_flush(s);
	buf_init(&b);
	if (cairo_status(cr) != CAIRO_STATUS_SUCCESS ||
	    cairo_surface_write_to_png_stream(s, to_buf, &b) != CAIRO_STATUS_SUCCESS) {
		buf_free(&b);
		*err = xasprintf("Cairo failed: %s", cairo_status_to_string(cairo_status(cr)));
		goto out;
	}
	*len = b.len;
	*out = buf_steal(&b);
	rc = 0;
out:
	cairo_destroy(cr);
	cairo_surface_destroy(s);
	for (size_t i = 0; i < nf; i++)
		if (faces[i])
			cairo_font_face_destroy(faces[i]);
	free(faces);
	return rc;
}
