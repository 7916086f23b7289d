/* dl.c: the display-list document. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "draw/dl.h"

struct dl_doc {
	struct pool		*pool;
	struct dl_page		**pages;
	size_t			 npages, cappages;
	char			**faces;
	size_t			 nfaces, capfaces;
	struct dl_imagefile	*images;
	size_t			 nimages, capimages;
	struct dl_dest		*dests;
	size_t			 ndests, capdests;
	struct dl_bookmark	*marks;
	size_t			 nmarks, capmarks;
	struct dl_labels	*labels;
	size_t			 nlabels, caplabels;
	struct dl_elem		*elems;		/* [0] unused, [1] the root */
	size_t			 nelems, capelems;
	int			*links;		/* link markers' Link elements */
	size_t			 nlinks, caplinks;
	struct dl_info		 info;
};

static const char *const role_names[DL_R__COUNT] = {
	"Document", "Part", "Sect", "H1", "H2", "H3", "P", "L", "LI", "Lbl",
	"LBody", "BlockQuote", "Quote", "Figure", "Link", "TOC", "TOCI",
	"Caption", "Table", "THead", "TBody", "TR", "TH", "TD"
};

/* The PDF name of a role. */
const char *
dl_role_name(enum dl_role r)
{
	return r < DL_R__COUNT ? role_names[r] : "P";
}

static void
elems_init(struct dl_doc *d)
{
	if (d->nelems)
		return;
	d->elems = xgrow(d->elems, &d->capelems, 2, sizeof(*d->elems));
	memset(d->elems, 0, 2 * sizeof(*d->elems));
	d->elems[1].role = DL_R_DOCUMENT;
	d->nelems = 2;
}

/* A new structure element; see dl.h. */
int
dl_elem_new(struct dl_doc *d, int parent, enum dl_role role)
{
	struct dl_elem *e;

	elems_init(d);
	d->elems = xgrow(d->elems, &d->capelems, d->nelems + 1, sizeof(*d->elems));
	e = &d->elems[d->nelems];
	memset(e, 0, sizeof(*e));
	e->parent = parent > 0 ? parent : 1;
	e->role = role;
	return (int)d->nelems++;
}

/* Alternative text of an element. */
void
dl_elem_alt(struct dl_doc *d, int e, const char *alt)
{
	if (e > 0 && (size_t)e < d->nelems)
		d->elems[e].alt = dl_strdup(d, alt);
}

/* Language of an element. */
void
dl_elem_lang(struct dl_doc *d, int e, const char *lang)
{
	if (e > 0 && (size_t)e < d->nelems)
		d->elems[e].lang = dl_strdup(d, lang);
}

/* Element e. */
const struct dl_elem *
dl_elem(const struct dl_doc *d, int e)
{
	return &d->elems[e];
}

/* The highest element index (0 when there is none). */
int
dl_nelems(const struct dl_doc *d)
{
	return d->nelems ? (int)d->nelems - 1 : 0;
}

/* A new link marker; see dl.h. */
int
dl_link_marker(struct dl_doc *d)
{
	d->links = xgrow(d->links, &d->caplinks, d->nlinks + 1, sizeof(*d->links));
	d->links[d->nlinks++] = 0;
	return -(int)d->nlinks;
}

/* Tag the untagged items of l from index from on; see dl.h. */
void
dl_list_tag(struct dl_doc *d, struct dl_list *l, size_t from, int e)
{
	for (size_t i = from; i < l->n; i++) {
		int *el = &l->items[i].elem;

		if (*el == 0)
			*el = e;
		else if (*el < 0 && *el != DL_ARTIFACT && (size_t)-*el <= d->nlinks) {
			int *link = &d->links[-*el - 1];

			if (e <= 0)
				*el = 0;
			else {
				if (*link == 0 || dl_elem(d, *link)->parent != e)
					*link = dl_elem_new(d, e, DL_R_LINK);
				*el = *link;
			}
		}
	}
}

/* Make an empty document. */
struct dl_doc *
dl_doc_new(void)
{
	struct dl_doc *d = xcalloc(1, sizeof(*d));

	d->pool = pool_new();
	return d;
}

/* Free a document and all it owns. */
void
dl_doc_free(struct dl_doc *d)
{
	if (d == NULL)
		return;
	for (size_t i = 0; i < d->npages; i++)
		dl_list_free(&d->pages[i]->list);
	free(d->pages);
	free(d->faces);
	free(d->images);
	free(d->dests);
	free(d->marks);
	free(d->labels);
	free(d->elems);
	free(d->links);
	pool_free(d->pool);
	free(d);
}

/* Zeroed memory owned by the document. */
void *
dl_alloc(struct dl_doc *d, size_t n)
{
	return pool_alloc(d->pool, n);
}

/* A string owned by the document; NULL stays NULL. */
char *
dl_strdup(struct dl_doc *d, const char *s)
{
	return pool_strdup(d->pool, s);
}

/* Face index for a font file. */
int
dl_face(struct dl_doc *d, const char *path)
{
	for (size_t i = 0; i < d->nfaces; i++)
		if (d->faces[i] == path || strcmp(d->faces[i], path) == 0)
			return (int)i;
	d->faces = xgrow(d->faces, &d->capfaces, d->nfaces + 1, sizeof(char *));
	d->faces[d->nfaces] = dl_strdup(d, path);
	return (int)d->nfaces++;
}

/* How many faces the document uses. */
size_t
dl_nfaces(const struct dl_doc *d)
{
	return d->nfaces;
}

/* The file of face number face (an index dl_face gave). */
const char *
dl_face_path(const struct dl_doc *d, int face)
{
	return d->faces[face];
}

/* Image index for a file. */
int
dl_image(struct dl_doc *d, const char *path, int w, int h, int is_png)
{
	for (size_t i = 0; i < d->nimages; i++)
		if (strcmp(d->images[i].path, path) == 0)
			return (int)i;
	d->images = xgrow(d->images, &d->capimages, d->nimages + 1,
	    sizeof(*d->images));
	d->images[d->nimages].path = dl_strdup(d, path);
	d->images[d->nimages].px_w = w;
	d->images[d->nimages].px_h = h;
	d->images[d->nimages].is_png = is_png;
	return (int)d->nimages++;
}

/* Image file number i (an index dl_image gave). */
const struct dl_imagefile *
dl_imagefile(const struct dl_doc *d, int i)
{
	return &d->images[i];
}

/* How many image files the document uses. */
size_t
dl_nimages(const struct dl_doc *d)
{
	return d->nimages;
}

/* Append a page. */
struct dl_page *
dl_add_page(struct dl_doc *d, float w, float h)
{
	struct dl_page *p = dl_alloc(d, sizeof(*p));

	p->w = w;
	p->h = h;
	d->pages = xgrow(d->pages, &d->cappages, d->npages + 1, sizeof(*d->pages));
	d->pages[d->npages++] = p;
	return p;
}

/* How many pages the document has. */
size_t
dl_npages(const struct dl_doc *d)
{
	return d->npages;
}

/* Page i, counted from 0 (i must be below dl_npages). */
struct dl_page *
dl_page(const struct dl_doc *d, size_t i)
{
	return d->pages[i];
}

static void *
dup_mem(struct dl_doc *d, const void *p, size_t n)
{
	void *q;

	if (p == NULL)
		return NULL;
	q = dl_alloc(d, n ? n : 1);
	memcpy(q, p, n);
	return q;
}

/* A deep copy; see dl.h. */
struct dl_doc *
dl_doc_clone(const struct dl_doc *s)
{
	struct dl_doc *d = dl_doc_new();

	for (size_t i = 0; i < s->nfaces; i++)
		dl_face(d, s->faces[i]);
	for (size_t i = 0; i < s->nimages; i++)
		dl_image(d, s->images[i].path, s->images[i].px_w, s->images[i].px_h,
		    s->images[i].is_png);
	for (size_t i = 0; i < s->npages; i++) {
		const struct dl_page *sp = s->pages[i];
		struct dl_page *p = dl_add_page(d, sp->w, sp->h);

		p->label = dl_strdup(d, sp->label);
		p->list.n = p->list.cap = sp->list.n;
		p->list.items = sp->list.n ?
		    xmalloc(sp->list.n * sizeof(*p->list.items)) : NULL;
		for (size_t k = 0; k < sp->list.n; k++) {
			struct dl_item *it = &p->list.items[k];

			*it = sp->list.items[k];
			switch (it->kind) {
			case DL_TEXT:
				it->u.text.glyphs = dup_mem(d, it->u.text.glyphs,
				    it->u.text.nglyphs * sizeof(struct dl_glyph));
				it->u.text.text = dup_mem(d, it->u.text.text,
				    it->u.text.textlen + 1);
				break;
			case DL_PATH:
				it->u.path.ops = dup_mem(d, it->u.path.ops, it->u.path.nops);
				it->u.path.pts = dup_mem(d, it->u.path.pts,
				    it->u.path.npts * sizeof(float));
				if (it->u.path.ndash)
					it->u.path.dash = dup_mem(d, it->u.path.dash,
					    it->u.path.ndash * sizeof(float));
				break;
			case DL_LINK:
				it->u.link.uri = dl_strdup(d, it->u.link.uri);
				break;
			case DL_IMAGE:
				break;
			}
		}
	}
	for (size_t i = 0; i < s->ndests; i++) {
		int k = dl_dest_new(d);

		d->dests[k] = s->dests[i];
	}
	for (size_t i = 0; i < s->nmarks; i++)
		dl_bookmark(d, s->marks[i].level, s->marks[i].title, s->marks[i].dest);
	for (size_t i = 0; i < s->nlabels; i++)
		dl_labels_add(d, s->labels[i].first_page, s->labels[i].roman,
		    s->labels[i].start);
	for (size_t i = 2; i < s->nelems; i++) {
		int e = dl_elem_new(d, s->elems[i].parent, s->elems[i].role);

		dl_elem_alt(d, e, s->elems[i].alt);
		dl_elem_lang(d, e, s->elems[i].lang);
	}
	return d;
}

/* Append a document's pages; see dl.h. */
size_t
dl_doc_absorb(struct dl_doc *d, struct dl_doc *s)
{
	size_t first = d->npages;
	int dbase = (int)d->ndests;
	int *face = xcalloc(s->nfaces + 1, sizeof(int));
	int *image = xcalloc(s->nimages + 1, sizeof(int));
	int ebase;

	elems_init(d);
	ebase = (int)d->nelems - 2;	/* s's element 2 becomes d's nelems */
	for (size_t i = 2; i < s->nelems; i++) {
		int e = dl_elem_new(d, s->elems[i].parent > 1 ?
		    s->elems[i].parent + ebase : 1, s->elems[i].role);

		d->elems[e].alt = s->elems[i].alt;	/* the pool moves too */
		d->elems[e].lang = s->elems[i].lang;
	}
	for (size_t i = 0; i < s->nfaces; i++)
		face[i] = dl_face(d, s->faces[i]);
	for (size_t i = 0; i < s->nimages; i++)
		image[i] = dl_image(d, s->images[i].path, s->images[i].px_w,
		    s->images[i].px_h, s->images[i].is_png);
	d->pages = xgrow(d->pages, &d->cappages, d->npages + s->npages,
	    sizeof(*d->pages));
	for (size_t i = 0; i < s->npages; i++) {
		struct dl_page *p = s->pages[i];

		for (size_t k = 0; k < p->list.n; k++) {
			struct dl_item *it = &p->list.items[k];

			if (it->elem > 1)
				it->elem += ebase;
			if (it->kind == DL_TEXT)
				it->u.text.face = face[it->u.text.face];
			else if (it->kind == DL_IMAGE)
				it->u.image.image = image[it->u.image.image];
			else if (it->kind == DL_LINK && it->u.link.uri == NULL &&
			    it->u.link.dest >= 0)
				it->u.link.dest += dbase;
		}
		d->pages[d->npages++] = p;
	}
	for (size_t i = 0; i < s->ndests; i++) {
		int k = dl_dest_new(d);

		d->dests[k] = s->dests[i];
		if (d->dests[k].page >= 0)
			d->dests[k].page += (int)first;
	}
	for (size_t i = 0; i < s->nmarks; i++) {
		d->marks = xgrow(d->marks, &d->capmarks, d->nmarks + 1,
		    sizeof(*d->marks));
		d->marks[d->nmarks] = s->marks[i];	/* the title moves too */
		d->marks[d->nmarks++].dest += dbase;
	}
	for (size_t i = 0; i < s->nlabels; i++)
		dl_labels_add(d, s->labels[i].first_page + (int)first,
		    s->labels[i].roman, s->labels[i].start);
	pool_adopt(d->pool, s->pool);
	free(face);
	free(image);
	free(s->pages);
	free(s->faces);
	free(s->images);
	free(s->dests);
	free(s->marks);
	free(s->labels);
	free(s->elems);
	free(s->links);		/* link markers: resolved while laid out */
	free(s);
	return first;
}

/* Rotate pages so [first, end) lead; see dl.h. */
void
dl_pages_to_front(struct dl_doc *d, size_t first)
{
	size_t n = d->npages, k = n - first;
	struct dl_page **tmp;

	if (first == 0 || first >= n)
		return;
	tmp = xcalloc(n, sizeof(*tmp));
	memcpy(tmp, d->pages + first, k * sizeof(*tmp));
	memcpy(tmp + k, d->pages, first * sizeof(*tmp));
	memcpy(d->pages, tmp, n * sizeof(*tmp));
	free(tmp);
	for (size_t i = 0; i < d->ndests; i++) {
		int p = d->dests[i].page;

		if (p < 0)
			continue;
		d->dests[i].page = (size_t)p >= first ? p - (int)first : p + (int)k;
	}
}

/* New destination, not yet placed. */
int
dl_dest_new(struct dl_doc *d)
{
	d->dests = xgrow(d->dests, &d->capdests, d->ndests + 1, sizeof(*d->dests));
	d->dests[d->ndests].page = -1;
	d->dests[d->ndests].y = 0;
	return (int)d->ndests++;
}

/* Place destination dest at height y of page. */
void
dl_dest_set(struct dl_doc *d, int dest, int page, float y)
{
	d->dests[dest].page = page;
	d->dests[dest].y = y;
}

/* Destination dest (an index dl_dest_new gave). */
const struct dl_dest *
dl_dest(const struct dl_doc *d, int dest)
{
	return &d->dests[dest];
}

/* Add a bookmark. */
void
dl_bookmark(struct dl_doc *d, int level, const char *title, int dest)
{
	d->marks = xgrow(d->marks, &d->capmarks, d->nmarks + 1, sizeof(*d->marks));
	d->marks[d->nmarks].level = level;
	d->marks[d->nmarks].title = dl_strdup(d, title);
	d->marks[d->nmarks].dest = dest;
	d->nmarks++;
}

/* Insert a bookmark at pos. */
void
dl_bookmark_insert(struct dl_doc *d, size_t pos, int level, const char *title,
    int dest)
{
	if (pos > d->nmarks)
		pos = d->nmarks;
	d->marks = xgrow(d->marks, &d->capmarks, d->nmarks + 1, sizeof(*d->marks));
	memmove(d->marks + pos + 1, d->marks + pos,
	    (d->nmarks - pos) * sizeof(*d->marks));
	d->marks[pos].level = level;
	d->marks[pos].title = dl_strdup(d, title);
	d->marks[pos].dest = dest;
	d->nmarks++;
}

/* How many bookmarks the document has. */
size_t
dl_nbookmarks(const struct dl_doc *d)
{
	return d->nmarks;
}

/* Bookmark i, in document order. */
const struct dl_bookmark *
dl_bookmark_at(const struct dl_doc *d, size_t i)
{
	return &d->marks[i];
}

/* Add a page-label range. */
void
dl_labels_add(struct dl_doc *d, int first_page, int roman, int start)
{
	d->labels = xgrow(d->labels, &d->caplabels, d->nlabels + 1,
	    sizeof(*d->labels));
	d->labels[d->nlabels].first_page = first_page;
	d->labels[d->nlabels].roman = roman;
	d->labels[d->nlabels].start = start;
	d->nlabels++;
}

/* How many page-label ranges the document has. */
size_t
dl_nlabels(const struct dl_doc *d)
{
	return d->nlabels;
}

/* Page-label range i, in page order. */
const struct dl_labels *
dl_labels_at(const struct dl_doc *d, size_t i)
{
	return &d->labels[i];
}

/* The document information (title, author...), to read or fill in. */
struct dl_info *
dl_info(struct dl_doc *d)
{
	return &d->info;
}

/* Append a copy of it to l. */
struct dl_item *
dl_list_add(struct dl_list *l, const struct dl_item *it)
{
	l->items = xgrow(l->items, &l->cap, l->n + 1, sizeof(*l->items));
	l->items[l->n] = *it;
	return &l->items[l->n++];
}

/* Move src's items into dst, translated.  Path points are moved in place:
 * a frame is placed exactly once. */
void
dl_list_place(struct dl_list *dst, const struct dl_list *src, float dx, float dy)
{
	dst->items = xgrow(dst->items, &dst->cap, dst->n + src->n, sizeof(*dst->items));
	for (size_t i = 0; i < src->n; i++) {
		struct dl_item *it = &dst->items[dst->n++];

		*it = src->items[i];
		switch (it->kind) {
		case DL_TEXT:
			it->u.text.x += dx;
			it->u.text.y += dy;
			break;
		case DL_PATH:
			for (uint32_t k = 0; k + 1 < it->u.path.npts; k += 2) {
				it->u.path.pts[k] += dx;
				it->u.path.pts[k + 1] += dy;
			}
			break;
		case DL_IMAGE:
			it->u.image.x += dx;
			it->u.image.y += dy;
			break;
		case DL_LINK:
			it->u.link.x += dx;
			it->u.link.y += dy;
			break;
		}
	}
}

/* Free the item array of l. */
void
dl_list_free(struct dl_list *l)
{
	free(l->items);
	l->items = NULL;
	l->n = l->cap = 0;
}

static struct dl_item *
new_path(struct dl_doc *d, struct dl_list *l, uint32_t nops, uint32_t npts)
{
	struct dl_item it;

	memset(&it, 0, sizeof(it));
	it.kind = DL_PATH;
	it.u.path.ops = dl_alloc(d, nops);
	it.u.path.nops = nops;
	it.u.path.pts = dl_alloc(d, npts * sizeof(float));
	it.u.path.npts = npts;
	return dl_list_add(l, &it);
}

/* A filled rectangle. */
void
dl_rect(struct dl_doc *d, struct dl_list *l, float x, float y, float w, float h,
    uint32_t fill)
{
	struct dl_item *it = new_path(d, l, 5, 8);
	float *p = it->u.path.pts;

	it->u.path.ops[0] = DL_MOVE;
	it->u.path.ops[1] = DL_LINE;
	it->u.path.ops[2] = DL_LINE;
	it->u.path.ops[3] = DL_LINE;
	it->u.path.ops[4] = DL_CLOSE;
	p[0] = x;	p[1] = y;
	p[2] = x + w;	p[3] = y;
	p[4] = x + w;	p[5] = y + h;
	p[6] = x;	p[7] = y + h;
	it->u.path.fill = fill;
	it->u.path.flags = DL_FILL;
}

/* A horizontal stroked line. */
void
dl_hline(struct dl_doc *d, struct dl_list *l, float x0, float x1, float y,
    float width, uint32_t color, int flags)
{
	struct dl_item *it = new_path(d, l, 2, 4);

	it->u.path.ops[0] = DL_MOVE;
	it->u.path.ops[1] = DL_LINE;
	it->u.path.pts[0] = x0;
	it->u.path.pts[1] = y;
	it->u.path.pts[2] = x1;
	it->u.path.pts[3] = y;
	it->u.path.stroke = color;
	it->u.path.width = width;
	it->u.path.flags = DL_STROKE | flags;
}

/* Where each word after a space starts, for position tests. */
static void
dump_starts(const struct dl_text *t, FILE *f)
{
	int space = 0, any = 0;

	for (uint32_t i = 0; i < t->nglyphs; i++) {
		const struct dl_glyph *g = &t->glyphs[i];

		if (g->len == 0)
			continue;
		if (t->text[g->off] == ' ')
			space = 1;
		else {
			if (space)
				fprintf(f, "%s%.3f", any++ ? "," : "    starts ",
				    t->x + g->x);
			space = 0;
		}
	}
	if (any)
		fputc('\n', f);
}

/* Text dump; see dl.h. */
void
dl_dump(const struct dl_doc *d, FILE *f)
{
	static const char opc[] = "MLCZ";

	for (size_t i = 0; i < d->nfaces; i++) {
		const char *base = strrchr(d->faces[i], '/');

		fprintf(f, "face %zu %s\n", i, base ? base + 1 : d->faces[i]);
	}
	for (size_t p = 0; p < d->npages; p++) {
		const struct dl_page *pg = d->pages[p];

		fprintf(f, "page %zu %.2f x %.2f label=%s\n", p + 1, pg->w, pg->h,
		    pg->label ? pg->label : "-");
		for (size_t i = 0; i < pg->list.n; i++) {
			const struct dl_item *it = &pg->list.items[i];

			switch (it->kind) {
			case DL_TEXT:
				fprintf(f, "  text %.2f %.2f face=%d size=%.2f "
				    "color=%08x line=%d \"%.*s\"\n", it->u.text.x,
				    it->u.text.y, it->u.text.face, it->u.text.size,
				    it->u.text.color, it->u.text.line,
				    (int)it->u.text.textlen, it->u.text.text);
				dump_starts(&it->u.text, f);
				break;
			case DL_PATH: {
				const struct dl_path *pa = &it->u.path;
				uint32_t k = 0;

				fprintf(f, "  path");
				if (pa->flags & DL_FILL)
					fprintf(f, " fill=%08x", pa->fill);
				if (pa->flags & DL_STROKE)
					fprintf(f, " stroke=%08x w=%.2f", pa->stroke,
					    pa->width);
				if (pa->flags & DL_EVENODD)
					fprintf(f, " evenodd");
				if (pa->flags & DL_STYLED) {
					fprintf(f, " cap=%d join=%d miter=%.2f",
					    pa->cap, pa->join, pa->miter);
					for (uint32_t q = 0; q < pa->ndash; q++)
						fprintf(f, "%s%.2f", q ? "," : " dash=",
						    pa->dash[q]);
					if (pa->ndash)
						fprintf(f, "@%.2f", pa->dash_off);
				}
				for (uint32_t o = 0; o < pa->nops; o++) {
					int np = pa->ops[o] == DL_CURVE ? 3 :
					    pa->ops[o] == DL_CLOSE ? 0 : 1;

					fprintf(f, " %c", opc[pa->ops[o]]);
					for (int q = 0; q < np && k + 1 < pa->npts; q++, k += 2)
						fprintf(f, " %.2f,%.2f", pa->pts[k],
						    pa->pts[k + 1]);
				}
				fputc('\n', f);
				break;
			}
			case DL_IMAGE:
				fprintf(f, "  image %d %.2f %.2f %.2f %.2f\n",
				    it->u.image.image, it->u.image.x, it->u.image.y,
				    it->u.image.w, it->u.image.h);
				break;
			case DL_LINK:
				fprintf(f, "  link %.2f %.2f %.2f %.2f %s%d\n",
				    it->u.link.x, it->u.link.y, it->u.link.w,
				    it->u.link.h, it->u.link.uri ? it->u.link.uri : "dest=",
				    it->u.link.uri ? 0 : it->u.link.dest);
				break;
			}
		}
	}
	for (size_t i = 0; i < d->nmarks; i++)
		fprintf(f, "bookmark %d \"%s\" page=%d y=%.2f\n", d->marks[i].level,
		    d->marks[i].title, d->dests[d->marks[i].dest].page + 1,
		    d->dests[d->marks[i].dest].y);
}
