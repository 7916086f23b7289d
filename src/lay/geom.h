/* geom.h: drawing geometry with Cairo's path API and reading it back as
 * display-list paths, so charts, the timeline and the power map reach
 * every backend as vectors. */
#ifndef BRIEFING_GEOM_H
#define BRIEFING_GEOM_H

#include <cairo.h>

#include "draw/dl.h"

struct geom;

/* A Cairo context for building paths in points (no drawing happens). */
struct geom *geom_new(void);
void geom_free(struct geom *g);
/* The context: build the current path with cairo_move_to, cairo_arc... */
cairo_t *geom_cr(struct geom *g);
/* Turn the current path into a path item of l (fill and/or stroke by
 * flags) and clear it.  An empty path adds nothing. */
void geom_emit(struct geom *g, struct dl_doc *doc, struct dl_list *l,
    uint32_t fill, uint32_t stroke, double width, int flags);

#endif
