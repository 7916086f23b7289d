/* svg.c: an SVG file drawn by librsvg through a Cairo recording into a
 * Cairo script, and the script read back as shapes (cscript.c).  The
 * file is read through
 * infile_read (the input's folder rule) and handed to librsvg as bytes
 * with no base file, so it cannot reach other files. */
#include <dlfcn.h>
#include <stdlib.h>
#include <string.h>

#include <cairo.h>
#include <cairo-script.h>
#include <librsvg/rsvg.h>
#include <pango/pangocairo.h>

#include "base/infile.h"
#include "base/svg.h"
#include "base/util.h"

#if !CAIRO_HAS_SCRIPT_SURFACE
#error "briefing needs Cairo built with its script surface (Debian's is)"
#endif

/* The largest side of an SVG picture, in CSS pixels. */
#define SVG_MAX_SIDE	100000.0

/* librsvg is opened on the first SVG figure, not at start: it brings in
 * GIO, gdk-pixbuf and its own runtime, which a briefing without SVG
 * would load for nothing on every run. */
static struct {
	int		 tried;
	char		*error;
	RsvgHandle	*(*new_from_data)(const guint8 *, gsize, GError **);
	void		 (*set_dpi)(RsvgHandle *, double);
	gboolean	 (*size_in_pixels)(RsvgHandle *, gdouble *, gdouble *);
	void		 (*dimensions)(RsvgHandle *, gboolean *, RsvgLength *,
			    gboolean *, RsvgLength *, gboolean *, RsvgRectangle *);
	gboolean	 (*render_document)(RsvgHandle *, cairo_t *,
			    const RsvgRectangle *, GError **);
} rs;

static void *
sym(void *lib, const char *name)
{
	void *p = dlsym(lib, name);

	if (p == NULL && rs.error == NULL)
		rs.error = xasprintf("librsvg has no %s", name);
	return p;
}

/* librsvg sets text with Pango's default font map, which briefing does
 * not use otherwise: let it go at exit, with the fonts it holds. */
static void
rsvg_close(void)
{
	pango_cairo_font_map_set_default(NULL);
}

/* Open librsvg once.  Returns 0, or -1 with *why. */
static int
rsvg_open(char **why)
{
	void *lib;

	if (!rs.tried) {
		rs.tried = 1;
		if ((lib = dlopen("librsvg-2.so.2", RTLD_NOW | RTLD_LOCAL)) == NULL)
			rs.error = xasprintf("SVG figures need librsvg (Debian's "
			    "librsvg2-2), which cannot be loaded: %s", dlerror());
		else {
			rs.new_from_data = sym(lib, "rsvg_handle_new_from_data");
			rs.set_dpi = sym(lib, "rsvg_handle_set_dpi");
			rs.size_in_pixels = sym(lib,
			    "rsvg_handle_get_intrinsic_size_in_pixels");
			rs.dimensions = sym(lib, "rsvg_handle_get_intrinsic_dimensions");
			rs.render_document = sym(lib, "rsvg_handle_render_document");
			atexit(rsvg_close);
		}
	}
	if (rs.error)
		*why = xstrdup(rs.error);
	return rs.error ? -1 : 0;
}

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int n)
{
	buf_add(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* The picture's size: its width and height in pixels, or its viewBox.
 * Returns 0, or -1 with *why. */
static int
intrinsic(RsvgHandle *h, double *w, double *hh, char **why)
{
	gboolean has_w, has_h, has_vb;
	RsvgLength lw, lh;
	RsvgRectangle vb;

	if (!rs.size_in_pixels(h, w, hh)) {
		rs.dimensions(h, &has_w, &lw, &has_h, &lh,
		    &has_vb, &vb);
		if (!has_vb) {
			*why = xstrdup("it has no size: give its <svg> a width and "
			    "height, or a viewBox");
			return -1;
		}
		*w = vb.width;
		*hh = vb.height;
	}
	if (!(*w > 0 && *hh > 0 && *w <= SVG_MAX_SIDE && *hh <= SVG_MAX_SIDE)) {
		*why = xasprintf("its size (%g x %g pixels) is empty or larger than "
		    "%g a side", *w, *hh, SVG_MAX_SIDE);
		return -1;
	}
	return 0;
}

/* Draw the picture with librsvg onto a recording surface, then turn the
 * recording into a Cairo script in b.  (Drawn onto a script surface
 * directly, Cairo 1.16 fails on a filled horizontal line, which SVG's
 * default black fill of a <line> or <path> makes often; the recording
 * drops such empty fills.)  Returns 0, or -1 with *why. */
static int
draw_script(RsvgHandle *h, double w, double hh, struct buf *b, char **why)
{
	cairo_rectangle_t ext = { 0, 0, w, hh };
	cairo_surface_t *rec = cairo_recording_surface_create(
	    CAIRO_CONTENT_COLOR_ALPHA, &ext);
	cairo_device_t *dev;
	cairo_t *cr = cairo_create(rec);
	RsvgRectangle vp = { 0, 0, w, hh };
	GError *err = NULL;
	cairo_status_t st;
	cairo_font_options_t *fo;
	int rc = 0;

	/* Text becomes outlines: unhinted, so that they scale as drawn. */
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_antialias(fo, CAIRO_ANTIALIAS_GRAY);
	cairo_set_font_options(cr, fo);
	cairo_font_options_destroy(fo);
	if (!rs.render_document(h, cr, &vp, &err)) {
		*why = xasprintf("librsvg cannot draw it: %s",
		    err ? err->message : "unknown error");
		rc = -1;
	} else if (cairo_status(cr) != CAIRO_STATUS_SUCCESS) {
		*why = xasprintf("Cairo cannot draw it: %s",
		    cairo_status_to_string(cairo_status(cr)));
		rc = -1;
	}
	if (err)
		g_error_free(err);
	cairo_destroy(cr);
	if (rc == 0) {
		dev = cairo_script_create_for_stream(to_buf, b);
		cairo_script_set_mode(dev, CAIRO_SCRIPT_MODE_ASCII);
		st = cairo_script_from_recording_surface(dev, rec);
		cairo_device_finish(dev);
		cairo_device_destroy(dev);
		if (st != CAIRO_STATUS_SUCCESS) {
			*why = xasprintf("Cairo cannot write its drawing out: %s",
			    cairo_status_to_string(st));
			rc = -1;
		}
	}
	cairo_surface_destroy(rec);
	return rc;
}

/* The drawings of the last SVGs read, by their bytes' digest: an edition
 * that shows one map in several stories, and each build of `watch`, ask
 * librsvg once.  (Builds run one at a time in a process.) */
#define SVG_CACHE	8

static struct svg_cached {
	char	 digest[65];
	double	 w, h;
	char	*script;	/* NULL: *why instead */
	size_t	 len;
	char	*why;
} cache[SVG_CACHE];
static unsigned cache_next;

/* Draw the SVG in data into a script, or find it drawn before.  Returns
 * the cache entry. */
static const struct svg_cached *
drawn(const char *data, size_t len)
{
	char *dg = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
	    (const guchar *)data, len);
	struct svg_cached *c;
	RsvgHandle *h;
	GError *err = NULL;
	struct buf b;

	for (int i = 0; i < SVG_CACHE; i++)
		if (strcmp(cache[i].digest, dg) == 0) {
			g_free(dg);
			return &cache[i];
		}
	c = &cache[cache_next++ % SVG_CACHE];
	free(c->script);
	free(c->why);
	memset(c, 0, sizeof(*c));
	snprintf(c->digest, sizeof(c->digest), "%s", dg);
	g_free(dg);
	if (rsvg_open(&c->why) != 0)
		return c;
	if ((h = rs.new_from_data((const guint8 *)data, len, &err)) == NULL) {
		c->why = xasprintf("it is not an SVG librsvg can read (%s)",
		    err ? err->message : "unknown error");
		if (err)
			g_error_free(err);
		return c;
	}
	rs.set_dpi(h, 96);
	buf_init(&b);
	if (intrinsic(h, &c->w, &c->h, &c->why) == 0 &&
	    draw_script(h, c->w, c->h, &b, &c->why) == 0) {
		c->len = b.len;
		c->script = buf_steal(&b);
	}
	buf_free(&b);
	g_object_unref(h);
	return c;
}

/* Read an SVG as shapes; see svg.h. */
int
svg_load(const char *path, const char *root, struct pool *pool,
    struct svg_drawing **out, char **why)
{
	const struct svg_cached *c;
	struct svg_drawing *d;
	char *data;
	size_t len;

	*why = NULL;
	*out = NULL;
	if (infile_read(path, root, INFILE_MAX, &data, &len, why) != 0)
		return -1;
	c = drawn(data, len);
	free(data);
	if (c->script == NULL) {
		*why = xstrdup(c->why ? c->why : "librsvg cannot draw it");
		return -1;
	}
	d = pool_alloc(pool, sizeof(*d));
	d->w = c->w;
	d->h = c->h;
	if (cscript_read(c->script, c->len, c->w, c->h, pool, d, why) != 0)
		return -1;
	if (d->n == 0) {
		*why = xstrdup("it draws nothing (no visible shape)");
		return -1;
	}
	*out = d;
	return 0;
}
