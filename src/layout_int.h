/* layout_int.h: what the layout files share (not for backends). */
#ifndef BRIEFING_LAYOUT_INT_H
#define BRIEFING_LAYOUT_INT_H

#include "dl.h"
#include "flow.h"
#include "model.h"
#include "text.h"
#include "theme.h"

/* The state of laying out one document. */
struct lay {
	const struct theme	*t;
	struct typeset		*ts;
	struct dl_doc		*doc;
	struct diags		*d;
	struct flow		*f;
	struct geom		*g;		/* Cairo paths for circles */
	double			 W;		/* content width */
	uint32_t		 accent;	/* the current story's colour */
	int			 level;		/* bookmark level of a story */
};

/* The colour a style draws in for the current story: the category accent
 * where the layout says "accent", else 0 (the style's own). */
uint32_t lay_color(const struct lay *L, enum style_id s);
/* Lay out a text and add one slice per line at x within width, keeping
 * two lines together at either end of a page.  keep_first glues the first
 * line to what precedes (after a heading).  Returns the lines' height. */
double lay_text(struct lay *L, const struct rich *r, const char *plain,
    enum style_id s, double x, double width, int flags, double space,
    int keep_first);
/* Place all lines of tl into dst at (x, y); returns their height. */
double lay_place(struct dl_list *dst, struct tlines *tl, double x, double y);
/* Lay out a text straight into a frame at (x, y); returns its height. */
double lay_frame_text(struct lay *L, struct dl_list *dst, const struct rich *r,
    const char *plain, enum style_id s, double x, double y, double width,
    int flags, uint32_t color);
/* A section label ("TIMELINE") with a rule, glued to what follows; also
 * a bookmark at level L->level + 1 when bookmark is set. */
void lay_kicker(struct lay *L, const char *label, double space, int flags,
    const char *bookmark);
/* The layout's logo in fr at (x, y), h points high; returns its width.
 * Only when the theme has a logo. */
double lay_logo(struct lay *L, struct dl_list *fr, double x, double y, double h);
/* The running header at y of fr: its text, and the layout's logo at the
 * right end when there is one. */
void lay_header(struct lay *L, struct dl_list *fr, const char *text, double y);
/* A filled circle. */
void lay_circle(struct lay *L, struct dl_list *dst, double cx, double cy,
    double r, uint32_t fill);
/* A stroked circle. */
void lay_ring(struct lay *L, struct dl_list *dst, double cx, double cy,
    double r, uint32_t color, double width);
/* A badge: a circle in a colour with the initials centred in it. */
void lay_badge(struct lay *L, struct dl_list *dst, double cx, double cy,
    double r, const char *initials, uint32_t fill);
/* Initials for a name: the attribute when given, else the first letters
 * of its first two words, upper-cased.  Returns a new string. */
char *lay_initials(const char *given, const char *name);

/* Lay out one story into the flow, starting on a new page, with its
 * bookmarks. */
void story_layout(struct lay *L, const struct story *st);
/* The cache's side for layout.c (see layoutcache.c): a build starts and
 * ends; a story's key; a copy of the pages kept under a key (NULL when
 * none); keep a copy of a story's pages. */
struct layout_cache;
void lcache_begin(struct layout_cache *c);
void lcache_end(struct layout_cache *c);
char *lcache_key(const struct story *st, const struct theme *t, int level);
struct dl_doc *lcache_get(struct layout_cache *c, const char *key);
void lcache_put(struct layout_cache *c, const char *key, const struct dl_doc *doc);
/* Draw headers and footers on pages [first, first + count) of a story. */
void story_furniture(struct lay *L, const struct story *st, const char *header,
    int first, int count, int number_from, int total);

#endif
