/* png.c: display list -> PNG with Cairo.  Text is drawn by glyph id from
 * the same font files the PDF embeds, at the positions layout gave. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-ft.h>
#include <ft2build.h>
#include FT_FREETYPE_H

#include "png.h"
#include "util.h"

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
		if (p->flags & DL_DASH) {
			double dash[2] = { 2, 2 };	/* as the PDF backend */

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
