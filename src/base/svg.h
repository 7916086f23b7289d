/* svg.h: an SVG picture as vector shapes.  librsvg parses and draws the
 * file (briefing has no SVG parser of its own) onto a Cairo script
 * surface; cscript.c reads that operator stream back as filled and
 * stroked paths in solid colours.  What cannot be carried so (gradients,
 * patterns, rasters, filters, masks, clips that cut shapes, blend modes)
 * is refused with a reason naming it. */
#ifndef BRIEFING_SVG_H
#define BRIEFING_SVG_H

#include <stdint.h>

struct pool;

/* Path operations: the same numbering as the display list's dl_op. */
enum { SVG_MOVE, SVG_LINE, SVG_CURVE, SVG_CLOSE };
enum { SVG_CAP_BUTT, SVG_CAP_ROUND, SVG_CAP_SQUARE };
enum { SVG_JOIN_MITER, SVG_JOIN_ROUND, SVG_JOIN_BEVEL };

/* One painted path, in the picture's own pixels (origin top-left). */
struct svg_shape {
	uint8_t		*ops;
	uint32_t	 nops;
	float		*pts;		/* x, y pairs */
	uint32_t	 npts;		/* number of floats */
	int		 stroke;	/* 0: filled, 1: stroked */
	int		 evenodd;	/* filled by the even-odd rule */
	uint32_t	 color;		/* 0xRRGGBBAA */
	float		 width, miter;	/* stroke width, miter limit */
	uint8_t		 cap, join;	/* SVG_CAP_*, SVG_JOIN_* */
	float		*dash;		/* ndash on/off lengths, or NULL */
	uint32_t	 ndash;
	float		 dash_off;
};

struct svg_drawing {
	double			 w, h;	/* intrinsic size in CSS pixels (96 dpi) */
	struct svg_shape	*shapes;
	size_t			 n;
};

/* Largest number of path coordinates (floats) read from one picture. */
#define SVG_MAX_POINTS	(4L * 1000 * 1000)

/* Read the SVG at path through infile_read (root as there), draw it with
 * librsvg and read the drawing back as shapes, allocated in pool.
 * Returns 0 with *out set, or -1 with a reason in *why (malloc'd, worded
 * to follow "cannot be used: "): unreadable, not an SVG librsvg can
 * read, no size, nothing drawn, or a feature that cannot be carried as
 * vectors. */
int svg_load(const char *path, const char *root, struct pool *pool,
    struct svg_drawing **out, char **why);

/* Read a Cairo script (ASCII mode, as cairo_script_surface writes it)
 * of a w x h surface into shapes in d (allocated in pool).  Returns 0,
 * or -1 with *why (malloc'd) naming what could not be carried. */
int cscript_read(const char *s, size_t n, double w, double h,
    struct pool *pool, struct svg_drawing *d, char **why);

#endif
