/* geom.c: Cairo paths -> display-list paths. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/geom.h"

struct geom {
	cairo_surface_t	*s;
	cairo_t		*cr;
};

/* A path-building context; see geom.h. */
struct geom *
geom_new(void)
{
	struct geom *g = xcalloc(1, sizeof(*g));

	g->s = cairo_image_surface_create(CAIRO_FORMAT_A8, 1, 1);
	g->cr = cairo_create(g->s);
	return g;
}

/* Free the geometry context; NULL is ignored. */
void
geom_free(struct geom *g)
{
	if (g == NULL)
		return;
	cairo_destroy(g->cr);
	cairo_surface_destroy(g->s);
	free(g);
}

/* The Cairo context paths are built in (owned by g). */
cairo_t *
geom_cr(struct geom *g)
{
	return g->cr;
}

/* Read the current path back (in device space, which is user space here:
 * the matrix is never changed) and add it to l. */
void
geom_emit(struct geom *g, struct dl_doc *doc, struct dl_list *l, uint32_t fill,
    uint32_t stroke, double width, int flags)
{
	cairo_path_t *p = cairo_copy_path(g->cr);
	struct dl_item it;
	uint32_t nops = 0, npts = 0;

	if (p->status != CAIRO_STATUS_SUCCESS || p->num_data == 0) {
		cairo_path_destroy(p);
		cairo_new_path(g->cr);
		return;
	}
	memset(&it, 0, sizeof(it));
	it.kind = DL_PATH;
	for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
		nops++;
		npts += 2 * (uint32_t)(p->data[i].header.length - 1);
	}
	it.u.path.ops = dl_alloc(doc, nops);
	it.u.path.pts = dl_alloc(doc, (npts ? npts : 1) * sizeof(float));
	for (int i = 0; i < p->num_data; i += p->data[i].header.length) {
		cairo_path_data_t *d = &p->data[i];
		int np = d->header.length - 1;

		switch (d->header.type) {
		case CAIRO_PATH_MOVE_TO:
			it.u.path.ops[it.u.path.nops++] = DL_MOVE;
			break;
		case CAIRO_PATH_LINE_TO:
			it.u.path.ops[it.u.path.nops++] = DL_LINE;
			break;
		case CAIRO_PATH_CURVE_TO:
			it.u.path.ops[it.u.path.nops++] = DL_CURVE;
			break;
		case CAIRO_PATH_CLOSE_PATH:
			it.u.path.ops[it.u.path.nops++] = DL_CLOSE;
			break;
		}
		for (int k = 1; k <= np; k++) {
			it.u.path.pts[it.u.path.npts++] = (float)d[k].point.x;
			it.u.path.pts[it.u.path.npts++] = (float)d[k].point.y;
		}
	}
	it.u.path.fill = fill;
	it.u.path.stroke = stroke;
	it.u.path.width = (float)width;
	it.u.path.flags = flags;
	dl_list_add(l, &it);
	cairo_path_destroy(p);
	cairo_new_path(g->cr);
}
