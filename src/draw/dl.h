/* dl.h: the display list.  Layout produces it; the PDF and PNG backends
 * only read it.  A document is pages of positioned items: text runs (face,
 * size, colour, glyphs with positions, the text they draw, source line),
 * paths with fill and stroke, images, links and bookmarks.
 *
 * Units are PostScript points, origin at the page's top-left, y downwards.
 * Colours are 0xRRGGBBAA.  Everything an item points to is owned by the
 * document (struct dl_doc) and freed by dl_doc_free. */
#ifndef BRIEFING_DL_H
#define BRIEFING_DL_H

#include <stddef.h>
#include <stdint.h>
#include <stdio.h>

enum dl_kind {
	DL_TEXT,
	DL_PATH,
	DL_IMAGE,
	DL_LINK
};

/* One glyph of a text run.  Each cluster's first glyph carries the bytes
 * [off, off+len) of the run's text that it draws; later glyphs of the same
 * cluster have len 0. */
struct dl_glyph {
	uint32_t	gid;
	float		x, y;	/* relative to the run's origin */
	uint32_t	off, len;
};

struct dl_text {
	int		 face;		/* index into the document's faces */
	float		 size;
	float		 spacing;	/* extra advance after each character */
	uint32_t	 color;
	float		 x, y;		/* origin on the baseline */
	struct dl_glyph	*glyphs;
	uint32_t	 nglyphs;
	char		*text;		/* UTF-8 drawn by the glyphs */
	uint32_t	 textlen;
	int		 line;		/* source line, 0 when generated */
	int		 rtl;		/* right to left: glyphs in visual order,
					 * so clusters run backwards in the text */
};

enum dl_op {
	DL_MOVE,	/* 1 point */
	DL_LINE,	/* 1 point */
	DL_CURVE,	/* 3 points */
	DL_CLOSE	/* 0 points */
};

#define DL_FILL		0x1
#define DL_STROKE	0x2
#define DL_ROUND	0x4	/* round caps and joins */
#define DL_DASH		0x8	/* dashed: 2 pt on, 2 pt off */
#define DL_DOTTED	0x10	/* dotted leaders: 1 pt on, 3 pt off */
#define DL_EVENODD	0x20	/* filled by the even-odd rule */
#define DL_STYLED	0x40	/* stroked with cap, join, miter and dash below
				 * (an SVG figure's shapes) */

/* With DL_STYLED: caps butt, round, square; joins miter, round, bevel
 * (the numbering of Cairo and of PDF). */
enum { DL_CAP_BUTT, DL_CAP_ROUND, DL_CAP_SQUARE };
enum { DL_JOIN_MITER, DL_JOIN_ROUND, DL_JOIN_BEVEL };

struct dl_path {
	uint8_t		*ops;
	uint32_t	 nops;
	float		*pts;		/* x, y pairs */
	uint32_t	 npts;		/* number of floats */
	uint32_t	 fill, stroke;
	float		 width;
	int		 flags;
	uint8_t		 cap, join;	/* DL_STYLED */
	float		 miter;		/* DL_STYLED */
	float		*dash;		/* DL_STYLED: ndash on/off lengths, or NULL */
	uint32_t	 ndash;
	float		 dash_off;
};

struct dl_image {
	float		 x, y, w, h;
	int		 image;		/* index into the document's images */
};

struct dl_link {
	float		 x, y, w, h;
	char		*uri;		/* external target, or NULL */
	int		 dest;		/* internal destination index, or -1 */
};

struct dl_item {
	enum dl_kind	kind;
	int		elem;	/* structure element it belongs to (see
				 * dl_elem_new); 0: an artifact (running
				 * header, rule, tint, decoration); below 0
				 * a link marker (dl_link_marker), for layout,
				 * or DL_ARTIFACT */
	union {
		struct dl_text	text;
		struct dl_path	path;
		struct dl_image	image;
		struct dl_link	link;
	} u;
};

/* dl_item.elem of an item that stays an artifact wherever it is placed
 * (dl_list_tag leaves it): a hyphen a line break added, which is no part
 * of the text the structure tree reads. */
#define DL_ARTIFACT	INT32_MIN

/* What a structure element is, for tagged PDF (ISO 32000-1 14.8.4). */
enum dl_role {
	DL_R_DOCUMENT,	/* the root, element 1 */
	DL_R_PART, DL_R_SECT, DL_R_H1, DL_R_H2, DL_R_H3, DL_R_P,
	DL_R_L, DL_R_LI, DL_R_LBL, DL_R_LBODY, DL_R_BLOCKQUOTE, DL_R_QUOTE,
	DL_R_FIGURE, DL_R_LINK, DL_R_TOC, DL_R_TOCI, DL_R_CAPTION,
	DL_R_TABLE, DL_R_THEAD, DL_R_TBODY, DL_R_TR, DL_R_TH, DL_R_TD,
	DL_R__COUNT
};

/* A structure element: items name it by index (dl_item.elem).  Its
 * children are the elements naming it as parent and its own items, in
 * the order they first appear on the pages. */
struct dl_elem {
	int		 parent;	/* 0 for the root */
	enum dl_role	 role;
	const char	*alt;		/* alternative text (Figure), or NULL */
	const char	*lang;		/* BCP 47 tag, or NULL: the parent's */
};

/* The PDF name of a role ("P", "H1", "Figure"). */
const char *dl_role_name(enum dl_role r);

/* A list of items: a page's content, or a frame being built by layout. */
struct dl_list {
	struct dl_item	*items;
	size_t		 n, cap;
};

struct dl_page {
	float		 w, h;
	struct dl_list	 list;
	char		*label;		/* what the page is called ("ii", "3") */
};

/* A named place: a page and a height on it. */
struct dl_dest {
	int	page;
	float	y;
};

struct dl_bookmark {
	int	 level;		/* 0 = top */
	char	*title;
	int	 dest;
};

/* A raster image (a layout's logo): file path and pixel size. */
struct dl_imagefile {
	char	*path;
	int	 px_w, px_h;
	int	 is_png;
};

/* Page numbering style of a range of pages, for PDF page labels. */
struct dl_labels {
	int	first_page;	/* index of the first page of the range */
	int	roman;		/* lower-case roman, else decimal */
	int	start;		/* number of the first page */
};

struct dl_info {
	char	*title, *subject, *author, *keywords, *creator;
	char	*lang;		/* the document's language (BCP 47), or NULL */
	long long epoch;	/* creation date, seconds since 1970 */
};

/* Opaque document. */
struct dl_doc;

/* Make an empty document. */
struct dl_doc *dl_doc_new(void);
/* Free the document, its pages and everything items point to. */
void dl_doc_free(struct dl_doc *doc);
/* Allocate memory owned by the document (zeroed). */
void *dl_alloc(struct dl_doc *doc, size_t n);
/* Copy a string into the document. */
char *dl_strdup(struct dl_doc *doc, const char *s);

/* Index of the face at path, adding it when new. */
int dl_face(struct dl_doc *doc, const char *path);
size_t dl_nfaces(const struct dl_doc *doc);
const char *dl_face_path(const struct dl_doc *doc, int face);

/* Index of an image file, adding it when new. */
int dl_image(struct dl_doc *doc, const char *path, int px_w, int px_h, int is_png);
const struct dl_imagefile *dl_imagefile(const struct dl_doc *doc, int i);
size_t dl_nimages(const struct dl_doc *doc);

/* Append a page of the given size; returns it. */
struct dl_page *dl_add_page(struct dl_doc *doc, float w, float h);
size_t dl_npages(const struct dl_doc *doc);
struct dl_page *dl_page(const struct dl_doc *doc, size_t i);

/* Move pages [first, end) before all others, keeping their order, and
 * renumber destinations to match (front matter laid out last). */
void dl_pages_to_front(struct dl_doc *doc, size_t first);

/* A deep copy of doc: pages, items and all they point to, faces, images,
 * destinations, bookmarks and labels (a cached layout handed out). */
struct dl_doc *dl_doc_clone(const struct dl_doc *doc);
/* Append src's pages to dst, with everything they refer to: faces and
 * images are merged (item indices renumbered), destinations, bookmarks
 * and labels follow with their pages.  src is consumed (its memory moves
 * to dst).  Returns the index in dst of src's first page. */
size_t dl_doc_absorb(struct dl_doc *dst, struct dl_doc *src);

/* Make a destination (page may be set later with dl_dest_set). */
int dl_dest_new(struct dl_doc *doc);
void dl_dest_set(struct dl_doc *doc, int dest, int page, float y);
const struct dl_dest *dl_dest(const struct dl_doc *doc, int dest);

/* Add a bookmark pointing at dest; bookmarks keep the order they are added. */
void dl_bookmark(struct dl_doc *doc, int level, const char *title, int dest);
/* Insert a bookmark before the one at index pos. */
void dl_bookmark_insert(struct dl_doc *doc, size_t pos, int level,
    const char *title, int dest);
size_t dl_nbookmarks(const struct dl_doc *doc);
const struct dl_bookmark *dl_bookmark_at(const struct dl_doc *doc, size_t i);

/* Page label ranges, in page order. */
void dl_labels_add(struct dl_doc *doc, int first_page, int roman, int start);
size_t dl_nlabels(const struct dl_doc *doc);
const struct dl_labels *dl_labels_at(const struct dl_doc *doc, size_t i);

/* A new structure element under parent (0: under the root Document);
 * returns its index, at least 2 (1 is the root). */
int dl_elem_new(struct dl_doc *doc, int parent, enum dl_role role);
/* Give element e alternative text or a language (copied; NULL: none). */
void dl_elem_alt(struct dl_doc *doc, int e, const char *alt);
void dl_elem_lang(struct dl_doc *doc, int e, const char *lang);
/* Element e (1 .. dl_nelems); element 0 does not exist. */
const struct dl_elem *dl_elem(const struct dl_doc *doc, int e);
/* The highest element index. */
int dl_nelems(const struct dl_doc *doc);
/* Give every item of l from index from on that has no element yet
 * element e; items carrying a link marker go into that link's Link
 * element under e (made on first use), or become artifacts when e is 0. */
void dl_list_tag(struct dl_doc *doc, struct dl_list *l, size_t from, int e);
/* A new link marker: a negative element number layout gives the text
 * runs and annotations of one link until dl_list_tag places them. */
int dl_link_marker(struct dl_doc *doc);

/* Document information; strings are copied. */
struct dl_info *dl_info(struct dl_doc *doc);

/* Append an item to a list (the item is copied; pointers are shared). */
struct dl_item *dl_list_add(struct dl_list *l, const struct dl_item *it);
/* Append every item of src to dst, moved by (dx, dy). */
void dl_list_place(struct dl_list *dst, const struct dl_list *src, float dx, float dy);
/* Free a list's item array (not what the items point to). */
void dl_list_free(struct dl_list *l);

/* Helpers that build path items in a list. */
void dl_rect(struct dl_doc *doc, struct dl_list *l, float x, float y, float w,
    float h, uint32_t fill);
void dl_hline(struct dl_doc *doc, struct dl_list *l, float x0, float x1, float y,
    float width, uint32_t color, int flags);

/* Print the document as text: one line per page and item, positions to
 * 0.01 pt.  For --dump=dl and golden tests. */
void dl_dump(const struct dl_doc *doc, FILE *f);

#endif
