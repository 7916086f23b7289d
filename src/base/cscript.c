/* cscript.c: a Cairo script, as the script surface writes what librsvg
 * draws, read back as shapes (see svg.h).
 *
 * The script is a small PostScript-like stack language.  Only what the
 * script surface writes for solid fills and strokes is understood: path
 * building (n m l c h rectangle), the graphics state (matrix, line
 * width, caps, joins, miter limit, dashes, fill rule), solid sources
 * (rgb rgba g ga), fill and stroke, and the groups librsvg pushes for
 * opacity (similar ... context ... pop, pattern set-source, a mask).
 * Anything else (gradients, images, masks, clips that cut a shape, blend
 * modes, an operator not listed) is an error naming it: nothing is
 * dropped in silence. */
#include <math.h>
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/svg.h"
#include "base/util.h"

enum vt { V_NUM, V_NAME, V_CONST, V_ARRAY, V_STR, V_DICT, V_MARK, V_SURF,
	V_CTX, V_PAT, V_COLOR };

#define MAXARR	16
#define MAXSTK	64
#define MAXDEPTH 16
#define MAXDEFS	64
#define MAXGRP	256

struct val {
	enum vt	t;
	double	n;		/* number */
	int	grp;		/* V_SURF, V_CTX, V_PAT: group, -1 the page */
	char	name[40];	/* V_NAME, V_CONST */
	double	v[MAXARR];	/* V_ARRAY, V_COLOR (r g b a) */
	int	nv;
};

/* The state of one context (the page, or a group being drawn). */
struct gs {
	double	 m[6];
	double	 rgba[4];
	int	 src_grp;	/* source: a group's pattern, or -1: rgba */
	double	 lw, miter, dash[MAXARR], dash_off;
	int	 ndash, cap, join, evenodd;
	int	 clipped;
	double	 clip[4];	/* x0 y0 x1 y1 */
	uint8_t	*ops;
	float	*pts;
	size_t	 nops, npts, cops, cpts;
};

struct grp {
	size_t	first, end;	/* shapes drawn in it */
	int	open, used;
};

struct rd {
	struct pool		*pool;
	struct svg_drawing	*d;
	size_t			 cap;
	double			 w, h;
	long			 points;
	struct val		 stk[MAXSTK];
	int			 sp;
	struct gs		 g[MAXDEPTH];
	int			 depth;		/* index of the current context */
	struct grp		 grp[MAXGRP];
	int			 ngrp;
	struct val		 defs[MAXDEFS];
	char			 defname[MAXDEFS][40];
	int			 ndefs;
	char			*why;
};

static int fail(struct rd *r, const char *fmt, ...)
    __attribute__((format(printf, 2, 3)));

static int
fail(struct rd *r, const char *fmt, ...)
{
	va_list ap;
	struct buf b;

	if (r->why != NULL)
		return -1;
	buf_init(&b);
	va_start(ap, fmt);
	{
		char *s = g_strdup_vprintf(fmt, ap);

		buf_adds(&b, s);
		g_free(s);
	}
	va_end(ap);
	r->why = buf_steal(&b);
	return -1;
}

static int
push(struct rd *r, const struct val *v)
{
	if (r->sp == MAXSTK)
		return fail(r, "%s", "its drawing is nested too deeply");
	r->stk[r->sp++] = *v;
	return 0;
}

static struct val *
pop(struct rd *r, enum vt want)
{
	if (r->sp == 0 || (r->stk[r->sp - 1].t != want && !(want == V_NUM &&
	    r->stk[r->sp - 1].t == V_NUM))) {
		fail(r, "%s", "librsvg's drawing could not be read back "
		    "(an unexpected Cairo script)");
		return NULL;
	}
	return &r->stk[--r->sp];
}

static void
gs_init(struct gs *g)
{
	memset(g, 0, sizeof(*g));
	g->m[0] = g->m[3] = 1;
	g->rgba[3] = 1;		/* Cairo's defaults: opaque black, */
	g->src_grp = -1;
	g->lw = 2;		/* 2 wide, */
	g->miter = 10;		/* miter limit 10 */
}

static void
path_add(struct gs *g, uint8_t op, const double *p, int np)
{
	g->ops = xgrow(g->ops, &g->cops, g->nops + 1, 1);
	g->ops[g->nops++] = op;
	g->pts = xgrow(g->pts, &g->cpts, g->npts + (size_t)np, sizeof(float));
	for (int i = 0; i < np; i++)
		g->pts[g->npts++] = (float)p[i];
}

/* The extent of the current path, grown by pad; 0 when it has points. */
static int
path_bbox(const struct gs *g, double pad, double *b)
{
	if (g->npts < 2)
		return -1;
	b[0] = b[2] = g->pts[0];
	b[1] = b[3] = g->pts[1];
	for (size_t i = 0; i + 1 < g->npts; i += 2) {
		b[0] = fmin(b[0], g->pts[i]);
		b[2] = fmax(b[2], g->pts[i]);
		b[1] = fmin(b[1], g->pts[i + 1]);
		b[3] = fmax(b[3], g->pts[i + 1]);
	}
	b[0] -= pad, b[1] -= pad, b[2] += pad, b[3] += pad;
	return 0;
}

/* The current path as an axis-aligned rectangle (a clip): 0, or -1.
 * A move and three or four lines (and a close), each side horizontal or
 * vertical, the closing side too. */
static int
path_rect(const struct gs *g, double *b)
{
	size_t n = g->nops, np;

	while (n > 0 && g->ops[n - 1] == SVG_MOVE)
		n--;		/* the move after a close */
	if (n > 0 && g->ops[n - 1] == SVG_CLOSE)
		n--;
	if (n < 4 || n > 5 || g->ops[0] != SVG_MOVE || path_bbox(g, 0, b) != 0)
		return -1;
	for (size_t i = 1; i < n; i++)
		if (g->ops[i] != SVG_LINE)
			return -1;
	np = n;		/* points: one per op */
	for (size_t i = 0; i < np; i++) {
		const float *p = g->pts + 2 * i, *q = g->pts + 2 * ((i + 1) % np);

		if (fabs(p[0] - q[0]) > 1e-3 && fabs(p[1] - q[1]) > 1e-3)
			return -1;
	}
	return 0;
}

static double
ctm_scale(const double *m)
{
	return sqrt(fabs(m[0] * m[3] - m[1] * m[2]));
}

/* Paint the current path: a new shape, when it is inside the clip. */
static int
paint_path(struct rd *r, int stroke)
{
	struct gs *g = &r->g[r->depth];
	struct svg_shape *s;
	double k = ctm_scale(g->m), b[4], pad = 0, eps = 0.5;
	size_t nops = g->nops;

	if (g->src_grp >= 0)
		return fail(r, "%s", "it fills or strokes with a pattern (an SVG "
		    "<pattern> or a group used as paint), which cannot be carried "
		    "as vectors; use a plain colour");
	while (nops > 0 && g->ops[nops - 1] == SVG_MOVE)
		nops--;		/* a lone move paints nothing */
	if (nops == 0 || g->rgba[3] <= 0)
		return 0;
	if (path_bbox(g, 0, b) != 0)
		return 0;
	eps = 0.5;
	if (stroke)
		pad = g->lw * k / 2;
	path_bbox(g, pad, b);
	if (g->clipped && (b[0] < g->clip[0] - eps || b[1] < g->clip[1] - eps ||
	    b[2] > g->clip[2] + eps || b[3] > g->clip[3] + eps))
		return fail(r, "%s", "a clip path cuts one of its shapes (clip-path, "
		    "or an inner <svg>, <symbol>, marker or pattern its content "
		    "overflows), which cannot be carried as vectors; remove the "
		    "clip or cut the shapes to it");
	path_bbox(g, 0, b);
	eps = 0.5 + fmax(r->w, r->h) / 100;
	if (b[0] < -eps || b[1] < -eps || b[2] > r->w + eps || b[3] > r->h + eps)
		return fail(r, "%s", "it draws outside its own area (its width, "
		    "height and viewBox), which would spill out of the figure; "
		    "enlarge the viewBox to hold the drawing");
	if ((r->points += (long)g->npts) > SVG_MAX_POINTS)
		return fail(r, "it has more than %s path coordinates; simplify it",
		    "4 million");
	r->d->shapes = pool_realloc(r->pool, r->d->shapes,
	    (r->d->n + 1) * sizeof(*r->d->shapes));
	s = &r->d->shapes[r->d->n++];
	memset(s, 0, sizeof(*s));
	s->nops = (uint32_t)nops;
	s->ops = pool_alloc(r->pool, nops);
	memcpy(s->ops, g->ops, nops);
	s->npts = 0;
	for (size_t i = 0; i < nops; i++)
		s->npts += g->ops[i] == SVG_CURVE ? 6 : g->ops[i] == SVG_CLOSE ? 0 : 2;
	s->pts = pool_alloc(r->pool, (s->npts ? s->npts : 1) * sizeof(float));
	memcpy(s->pts, g->pts, s->npts * sizeof(float));
	s->stroke = stroke;
	s->evenodd = g->evenodd;
	for (int i = 0; i < 4; i++) {
		long c = lround(fmin(fmax(g->rgba[i], 0), 1) * 255);

		s->color |= (uint32_t)c << (24 - 8 * i);
	}
	if (stroke) {
		s->width = (float)(g->lw * k);
		s->miter = (float)g->miter;
		s->cap = (uint8_t)g->cap;
		s->join = (uint8_t)g->join;
		if (g->ndash) {
			s->ndash = (uint32_t)g->ndash;
			s->dash = pool_alloc(r->pool, (size_t)g->ndash * sizeof(float));
			for (int i = 0; i < g->ndash; i++)
				s->dash[i] = (float)(g->dash[i] * k);
			s->dash_off = (float)(g->dash_off * k);
		}
	}
	return 0;
}

/* m = a * m (a applied first), as cairo_transform. */
static void
mat_pre(double *m, const double *a)
{
	double t[6];

	t[0] = a[0] * m[0] + a[1] * m[2];
	t[1] = a[0] * m[1] + a[1] * m[3];
	t[2] = a[2] * m[0] + a[3] * m[2];
	t[3] = a[2] * m[1] + a[3] * m[3];
	t[4] = a[4] * m[0] + a[5] * m[2] + m[4];
	t[5] = a[4] * m[1] + a[5] * m[3] + m[5];
	memcpy(m, t, sizeof(t));
}

static int
const_is(const struct val *v, const char *name)
{
	return v->t == V_CONST && strcmp(v->name, name) == 0;
}

/* The graphics-state operators; 1 when op is not one of them. */
static int
op_state(struct rd *r, const char *op)
{
	struct gs *g = &r->g[r->depth];
	struct val *v;

	if (strcmp(op, "set-line-width") == 0 && (v = pop(r, V_NUM)))
		g->lw = v->n;
	else if (strcmp(op, "set-miter-limit") == 0 && (v = pop(r, V_NUM)))
		g->miter = v->n;
	else if (strcmp(op, "set-tolerance") == 0 && (v = pop(r, V_NUM)))
		;
	else if (strcmp(op, "set-antialias") == 0 && (v = pop(r, V_CONST)))
		;
	else if (strcmp(op, "set-line-cap") == 0 && (v = pop(r, V_CONST)))
		g->cap = const_is(v, "LINE_CAP_ROUND") ? SVG_CAP_ROUND :
		    const_is(v, "LINE_CAP_SQUARE") ? SVG_CAP_SQUARE : SVG_CAP_BUTT;
	else if (strcmp(op, "set-line-join") == 0 && (v = pop(r, V_CONST)))
		g->join = const_is(v, "LINE_JOIN_ROUND") ? SVG_JOIN_ROUND :
		    const_is(v, "LINE_JOIN_BEVEL") ? SVG_JOIN_BEVEL : SVG_JOIN_MITER;
	else if (strcmp(op, "set-fill-rule") == 0 && (v = pop(r, V_CONST)))
		g->evenodd = const_is(v, "EVEN_ODD");
	else if (strcmp(op, "set-operator") == 0 && (v = pop(r, V_CONST))) {
		if (!const_is(v, "OVER"))
			return fail(r, "it uses a blend or compositing mode (%s), "
			    "which cannot be carried as vectors; remove "
			    "mix-blend-mode", v->name);
	} else if (strcmp(op, "set-dash") == 0 && (v = pop(r, V_NUM))) {
		double off = v->n;

		if ((v = pop(r, V_ARRAY)) == NULL)
			return -1;
		g->ndash = v->nv;
		memcpy(g->dash, v->v, sizeof(g->dash));
		g->dash_off = off;
	} else if (strcmp(op, "scale") == 0 || strcmp(op, "translate") == 0) {
		double a[6] = { 1, 0, 0, 1, 0, 0 }, y, x;

		if ((v = pop(r, V_NUM)) == NULL)
			return -1;
		y = v->n;
		if ((v = pop(r, V_NUM)) == NULL)
			return -1;
		x = v->n;
		if (op[0] == 's')
			a[0] = x, a[3] = y;
		else
			a[4] = x, a[5] = y;
		mat_pre(g->m, a);
	} else if (strcmp(op, "transform") == 0 && (v = pop(r, V_ARRAY))) {
		if (v->nv != 6)
			return fail(r, "%s", "librsvg's drawing could not be read "
			    "back (a matrix of the wrong size)");
		mat_pre(g->m, v->v);
	} else if (strcmp(op, "set-matrix") == 0 && (v = pop(r, V_ARRAY))) {
		if (v->nv != 6)
			return fail(r, "%s", "librsvg's drawing could not be read "
			    "back (a matrix of the wrong size)");
		if (r->sp > 0 && r->stk[r->sp - 1].t == V_PAT) {
			if (v->v[0] != 1 || v->v[1] != 0 || v->v[2] != 0 ||
			    v->v[3] != 1 || v->v[4] != 0 || v->v[5] != 0)
				return fail(r, "%s", "it paints a group moved or "
				    "scaled as a pattern, which cannot be carried "
				    "as vectors");
		} else
			memcpy(g->m, v->v, sizeof(g->m));
	} else
		return r->why ? -1 : 1;
	return r->why ? -1 : 0;
}

/* The path operators; 1 when op is not one of them. */
static int
op_path(struct rd *r, const char *op)
{
	struct gs *g = &r->g[r->depth];
	double p[8] = { 0 };
	int np;

	if (strcmp(op, "n") == 0) {
		g->nops = g->npts = 0;
		return 0;
	}
	if (strcmp(op, "h") == 0) {
		path_add(g, SVG_CLOSE, p, 0);
		return 0;
	}
	np = strcmp(op, "m") == 0 || strcmp(op, "l") == 0 ? 2 :
	    strcmp(op, "c") == 0 ? 6 : strcmp(op, "rectangle") == 0 ? 4 : 0;
	if (np == 0)
		return 1;
	for (int i = np - 1; i >= 0; i--) {
		struct val *v = pop(r, V_NUM);

		if (v == NULL)
			return -1;
		p[i] = v->n;
	}
	if (op[0] == 'r') {
		double q[8] = { p[0], p[1], p[0] + p[2], p[1], p[0] + p[2],
		    p[1] + p[3], p[0], p[1] + p[3] };

		path_add(g, SVG_MOVE, q, 2);
		path_add(g, SVG_LINE, q + 2, 2);
		path_add(g, SVG_LINE, q + 4, 2);
		path_add(g, SVG_LINE, q + 6, 2);
		path_add(g, SVG_CLOSE, q, 0);
		path_add(g, SVG_MOVE, q, 2);
	} else
		path_add(g, op[0] == 'm' ? SVG_MOVE : op[0] == 'l' ? SVG_LINE :
		    SVG_CURVE, p, np);
	return 0;
}

/* clip, clip+ and reset-clip: a rectangle is kept, and shapes that it
 * would cut are refused; any other clip is refused. */
static int
op_clip(struct rd *r, const char *op)
{
	struct gs *g = &r->g[r->depth];
	double b[4];

	if (strcmp(op, "reset-clip") == 0) {
		g->clipped = 0;
		return 0;
	}
	if (strcmp(op, "clip") != 0 && strcmp(op, "clip+") != 0)
		return 1;
	if (path_rect(g, b) != 0)
		return fail(r, "%s", "it has a clip path that is not a rectangle "
		    "(clip-path), which cannot be carried as vectors; remove the "
		    "clip or cut the shapes to it");
	if (g->clipped) {
		b[0] = fmax(b[0], g->clip[0]);
		b[1] = fmax(b[1], g->clip[1]);
		b[2] = fmin(b[2], g->clip[2]);
		b[3] = fmin(b[3], g->clip[3]);
	}
	memcpy(g->clip, b, sizeof(b));
	g->clipped = 1;
	if (op[4] != '+')
		g->nops = g->npts = 0;
	return 0;
}

/* Multiply the alpha of the shapes drawn in group k by a. */
static int
group_paint(struct rd *r, int k, double a)
{
	struct grp *gp = &r->grp[k];

	if (gp->open || gp->used)
		return fail(r, "%s", "librsvg's drawing could not be read back "
		    "(a group painted twice)");
	gp->used = 1;
	for (size_t i = gp->first; i < gp->end; i++) {
		uint32_t c = r->d->shapes[i].color;
		long na = lround((c & 0xff) * fmin(fmax(a, 0), 1));

		r->d->shapes[i].color = (c & 0xffffff00u) | (uint32_t)na;
	}
	return 0;
}

/* fill, stroke, paint, mask. */
static int
op_paint(struct rd *r, const char *op)
{
	struct gs *g = &r->g[r->depth];
	struct val *v;
	int was, rc;

	if (strcmp(op, "fill") == 0 || strcmp(op, "fill+") == 0 ||
	    strcmp(op, "stroke") == 0 || strcmp(op, "stroke+") == 0) {
		if (paint_path(r, op[0] == 's') != 0)
			return -1;
		if (op[strlen(op) - 1] != '+')
			g->nops = g->npts = 0;
		return 0;
	}
	if (strcmp(op, "paint") == 0) {
		double q[4] = { 0, 0, r->w, r->h };

		if (g->src_grp >= 0)
			return group_paint(r, g->src_grp, 1);
		if (g->clipped)
			memcpy(q, g->clip, sizeof(q));
		g->nops = g->npts = 0;
		for (int i = 0; i < 4; i++) {
			struct val n = { .t = V_NUM, .n = i < 2 ? q[i] : q[i] - q[i - 2] };

			if (push(r, &n) != 0)
				return -1;
		}
		op_path(r, "rectangle");
		was = g->clipped;
		g->clipped = 0;	/* the rectangle is the clip */
		rc = paint_path(r, 0);
		g->clipped = was;
		g->nops = g->npts = 0;
		return rc;
	}
	if (strcmp(op, "mask") == 0) {
		if ((v = pop(r, V_COLOR)) == NULL || g->src_grp < 0) {
			free(r->why);
			r->why = NULL;
			return fail(r, "%s", "it uses a mask (an SVG <mask>), which "
			    "cannot be carried as vectors; remove it");
		}
		return group_paint(r, g->src_grp, v->v[3]);
	}
	return 1;
}

/* Colours and sources; 1 when op is not one of them. */
static int
op_source(struct rd *r, const char *op)
{
	struct val c = { .t = V_COLOR }, *v;
	int n = strcmp(op, "rgb") == 0 ? 3 : strcmp(op, "rgba") == 0 ? 4 :
	    strcmp(op, "g") == 0 ? 1 : strcmp(op, "ga") == 0 ? 2 :
	    strcmp(op, "a") == 0 ? -1 : 0;

	if (n != 0) {
		double in[4] = { 0, 0, 0, 1 };

		for (int i = abs(n) - 1; i >= 0; i--) {
			if ((v = pop(r, V_NUM)) == NULL)
				return -1;
			in[i] = v->n;
		}
		c.v[3] = n == 4 ? in[3] : n == 2 ? in[1] : n == -1 ? in[0] : 1;
		c.v[0] = n == -1 ? 0 : in[0];
		c.v[1] = n >= 3 ? in[1] : c.v[0];
		c.v[2] = n >= 3 ? in[2] : c.v[0];
		return push(r, &c);
	}
	if (strcmp(op, "set-source") == 0) {
		struct gs *g = &r->g[r->depth];

		if (r->sp > 0 && r->stk[r->sp - 1].t == V_PAT) {
			g->src_grp = r->stk[--r->sp].grp;
			return 0;
		}
		if ((v = pop(r, V_COLOR)) == NULL)
			return -1;
		memcpy(g->rgba, v->v, sizeof(g->rgba));
		g->src_grp = -1;
		return 0;
	}
	if (strcmp(op, "pattern") == 0) {
		if ((v = pop(r, V_SURF)) == NULL)
			return -1;
		c.t = V_PAT;
		c.grp = v->grp;
		return c.grp < 0 ? fail(r, "%s", "librsvg's drawing could not be "
		    "read back (the page used as a pattern)") : push(r, &c);
	}
	if (strcmp(op, "set-extend") == 0 || strcmp(op, "set-filter") == 0)
		return pop(r, V_CONST) ? 0 : -1;
	if (strcmp(op, "linear") == 0 || strcmp(op, "radial") == 0 ||
	    strcmp(op, "mesh") == 0)
		return fail(r, "%s", "it uses a gradient (linearGradient or "
		    "radialGradient), which cannot be carried as vectors; use "
		    "plain colours");
	if (strcmp(op, "image") == 0 || strcmp(op, "png") == 0)
		return fail(r, "%s", "it draws a raster (an embedded <image>, a "
		    "<mask>, or a filter such as a blur or a drop shadow), which "
		    "cannot be carried as vectors; remove it, or use a JPEG or "
		    "PNG figure");
	return 1;
}

/* Surfaces, contexts and groups: the page is made first; a "similar"
 * surface is a group (librsvg's opacity), drawn into through its own
 * context until that is popped. */
static int
op_group(struct rd *r, const char *op)
{
	struct val *v, s = { .t = V_SURF, .grp = -1 };

	if (strcmp(op, "surface") == 0) {
		if (pop(r, V_DICT) == NULL)
			return -1;
		return push(r, &s);
	}
	if (strcmp(op, "similar") == 0 || strcmp(op, "record") == 0) {
		/* ctx w h content similar, or content [x y w h] record */
		int n = op[0] == 's' ? 3 : 2;

		for (int i = 0; i < n; i++)
			if (r->sp == 0 || r->stk[--r->sp].t == V_CTX)
				return fail(r, "%s", "librsvg's drawing could not "
				    "be read back (an unexpected Cairo script)");
		if (op[0] == 's' && pop(r, V_CTX) == NULL)
			return -1;
		if (r->ngrp == MAXGRP)
			return fail(r, "it has more than %s groups with opacity; "
			    "simplify it", "256");
		s.grp = r->ngrp++;
		memset(&r->grp[s.grp], 0, sizeof(r->grp[s.grp]));
		return push(r, &s);
	}
	if (strcmp(op, "context") == 0) {
		if ((v = pop(r, V_SURF)) == NULL)
			return -1;
		s.t = V_CTX;
		s.grp = v->grp;
		if (s.grp >= 0) {
			if (r->depth + 1 == MAXDEPTH || r->grp[s.grp].open ||
			    r->grp[s.grp].used)
				return fail(r, "%s", "its groups are nested too deeply");
			gs_init(&r->g[++r->depth]);
			r->grp[s.grp].open = 1;
			r->grp[s.grp].first = r->d->n;
		}
		return push(r, &s);
	}
	if (strcmp(op, "pop") == 0) {
		if (r->sp == 0)
			return pop(r, V_NUM) ? 0 : -1;
		v = &r->stk[--r->sp];
		if (v->t == V_CTX && v->grp >= 0) {
			struct gs *g = &r->g[r->depth--];

			free(g->ops);
			free(g->pts);
			r->grp[v->grp].open = 0;
			r->grp[v->grp].end = r->d->n;
		}
		return 0;
	}
	return 1;
}

/* dup, exch, def, undef, identity, and the names def made. */
static int
op_stack(struct rd *r, const char *op)
{
	struct val *v, a;

	if (strcmp(op, "dup") == 0) {
		if (r->sp == 0)
			return pop(r, V_NUM) ? 0 : -1;
		a = r->stk[r->sp - 1];
		return push(r, &a);
	}
	if (strcmp(op, "exch") == 0) {
		if (r->sp < 2)
			return pop(r, V_NUM) ? 0 : -1;
		a = r->stk[r->sp - 1];
		r->stk[r->sp - 1] = r->stk[r->sp - 2];
		r->stk[r->sp - 2] = a;
		return 0;
	}
	if (strcmp(op, "def") == 0) {
		if (r->sp < 2 || r->stk[r->sp - 2].t != V_NAME || r->ndefs == MAXDEFS)
			return fail(r, "%s", "librsvg's drawing could not be read "
			    "back (an unexpected Cairo script)");
		r->sp -= 2;
		r->defs[r->ndefs] = r->stk[r->sp + 1];
		memcpy(r->defname[r->ndefs++], r->stk[r->sp].name, 40);
		return 0;
	}
	if (strcmp(op, "undef") == 0) {
		if ((v = pop(r, V_NAME)) == NULL)
			return -1;
		for (int i = r->ndefs - 1; i >= 0; i--)
			if (strcmp(r->defname[i], v->name) == 0) {
				memmove(&r->defs[i], &r->defs[i + 1],
				    (size_t)(r->ndefs - i - 1) * sizeof(r->defs[0]));
				memmove(r->defname[i], r->defname[i + 1],
				    (size_t)(r->ndefs - i - 1) * 40);
				r->ndefs--;
				break;
			}
		return 0;
	}
	if (strcmp(op, "identity") == 0) {
		a = (struct val){ .t = V_ARRAY, .v = { 1, 0, 0, 1, 0, 0 }, .nv = 6 };
		return push(r, &a);
	}
	if (strcmp(op, "show-page") == 0 || strcmp(op, "copy-page") == 0)
		return 0;
	for (int i = r->ndefs - 1; i >= 0; i--)
		if (strcmp(r->defname[i], op) == 0)
			return push(r, &r->defs[i]);
	return 1;
}

static int
op_run(struct rd *r, const char *op)
{
	int (*const fn[])(struct rd *, const char *) = { op_path, op_paint,
	    op_source, op_state, op_clip, op_group, op_stack };

	for (size_t i = 0; i < sizeof(fn) / sizeof(fn[0]); i++) {
		int rc = fn[i](r, op);

		if (rc <= 0)
			return rc;
	}
	if (strstr(op, "glyph") || strstr(op, "font") || strstr(op, "text"))
		return fail(r, "%s", "it has text that librsvg could not turn into "
		    "outlines; convert the text to paths (Inkscape: Path > Object "
		    "to Path)");
	return fail(r, "it uses a drawing operation ('%s') that cannot be "
	    "carried as vectors", op);
}

/* One token at *p: pushed, or run as an operator. */
static int
token(struct rd *r, const char **pp, const char *end)
{
	const char *p = *pp, *q;
	struct val v;
	char word[40];

	memset(&v, 0, sizeof(v));
	if (*p == '%') {		/* a comment */
		while (p < end && *p != '\n')
			p++;
		*pp = p;
		return 0;
	}
	if (*p == '[') {		/* an array of numbers */
		v.t = V_ARRAY;
		for (p++; p < end && *p != ']'; ) {
			char *e;
			double n;

			if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
				p++;
				continue;
			}
			n = g_ascii_strtod(p, &e);
			if (e == p || v.nv == MAXARR)
				return fail(r, "%s", "it has a dash pattern or matrix "
				    "that could not be read back (more than 16 numbers)");
			v.v[v.nv++] = n;
			p = e;
		}
		*pp = p < end ? p + 1 : p;
		return push(r, &v);
	}
	if (p + 1 < end && *p == '<' && (p[1] == '~' || p[1] == '|')) {
		for (q = p + 2; q + 1 < end && !(q[0] == '~' && q[1] == '>'); q++)
			;
		*pp = q + 1 < end ? q + 2 : end;
		v.t = V_STR;
		return push(r, &v);
	}
	if (*p == '(') {		/* a string, with \-escapes and nesting */
		int depth = 0;

		for (q = p; q < end; q++) {
			if (*q == '\\')
				q++;
			else if (*q == '(')
				depth++;
			else if (*q == ')' && --depth == 0)
				break;
		}
		*pp = q < end ? q + 1 : end;
		v.t = V_STR;
		return push(r, &v);
	}
	for (q = p; q < end && !strchr(" \t\r\n[]()<%", *q); q++)
		if (q > p && q[0] == '>' && q[-1] != '>')
			break;
	if (q == p && p + 1 < end && p[0] == '<' && p[1] == '<')
		q = p + 2;
	if (q == p)
		q = p + 1;
	*pp = q;
	if ((size_t)(q - p) >= sizeof(word))
		return fail(r, "%s", "librsvg's drawing could not be read back "
		    "(an unexpected Cairo script)");
	memcpy(word, p, (size_t)(q - p));
	word[q - p] = '\0';
	if (strcmp(word, "<<") == 0) {
		v.t = V_MARK;
		return push(r, &v);
	}
	if (strcmp(word, ">>") == 0) {
		while (r->sp > 0 && r->stk[r->sp - 1].t != V_MARK)
			r->sp--;
		if (r->sp == 0)
			return fail(r, "%s", "librsvg's drawing could not be read "
			    "back (an unexpected Cairo script)");
		r->stk[r->sp - 1].t = V_DICT;
		return 0;
	}
	if (word[0] == '/') {
		v.t = word[1] == '/' ? V_CONST : V_NAME;
		strcpy(v.name, word + (word[1] == '/' ? 2 : 1));
		return push(r, &v);
	}
	if (strchr("0123456789+-.", word[0])) {
		char *e;

		v.t = V_NUM;
		v.n = g_ascii_strtod(word, &e);
		if (*e == '\0' && isfinite(v.n))
			return push(r, &v);
	}
	return op_run(r, word);
}

/* Read a Cairo script into shapes; see svg.h. */
int
cscript_read(const char *s, size_t n, double w, double h, struct pool *pool,
    struct svg_drawing *d, char **why)
{
	struct rd *r = xcalloc(1, sizeof(*r));
	const char *p = s, *end = s + n;
	int rc = 0;

	r->pool = pool;
	r->d = d;
	r->w = w;
	r->h = h;
	gs_init(&r->g[0]);
	while (rc == 0 && p < end) {
		if (*p == ' ' || *p == '\n' || *p == '\t' || *p == '\r') {
			p++;
			continue;
		}
		rc = token(r, &p, end);
	}
	for (int i = 0; rc == 0 && i < r->ngrp; i++)
		if (!r->grp[i].used && r->grp[i].end > r->grp[i].first)
			rc = fail(r, "%s", "librsvg's drawing could not be read back "
			    "(a group drawn but never painted)");
	for (int i = 0; i <= r->depth; i++) {
		free(r->g[i].ops);
		free(r->g[i].pts);
	}
	*why = rc == 0 ? NULL : r->why ? r->why : xstrdup("librsvg's drawing "
	    "could not be read back");
	if (rc == 0)
		free(r->why);
	free(r);
	return rc == 0 ? 0 : -1;
}
