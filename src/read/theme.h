/* theme.h: a layout file from layouts/ (page geometry, families, colours,
 * text styles), read and checked at run time. */
#ifndef BRIEFING_THEME_H
#define BRIEFING_THEME_H

#include <stdint.h>
#include <pango/pango.h>

#include "base/diag.h"

/* Every text style the layout code uses; a layout defines them all. */
enum style_id {
	ST_BODY, ST_KICKER, ST_TAG, ST_META, ST_HEADLINE, ST_POINT_NUM, ST_POINT,
	ST_HEADING, ST_QUOTE, ST_QUOTE_BY, ST_CHART_TITLE, ST_CHART_LABEL,
	ST_CAPTION, ST_EVENT_DATE, ST_EVENT, ST_BADGE, ST_PLAYER_NAME,
	ST_PLAYER_ROLE, ST_CARD_QUOTE, ST_CARD_NAME, ST_CARD_ROLE, ST_POST,
	ST_POST_META, ST_ITEM, ST_HEADER, ST_FOOTER, ST_MASTHEAD, ST_COVER_META,
	ST_COVER_HEAD, ST_COVER_POINT, ST_TOC_STORY, ST_TOC_SECTION,
	ST__COUNT
};

struct style {
	int			 sans, bold, italic, upper;
	double			 size, leading, tracking;	/* tracking: 1/1000 em */
	uint32_t		 color;
	PangoFontDescription	*desc;
	double			 ascent, descent;	/* from the font, points */
};

enum color_id {
	C_TEXT, C_MUTED, C_RULE, C_ACCENT, C_PAPER, C_TINT,
	C__COUNT
};

/* The sections of a story a layout may start on a new page
 * (<break before="..."/>), as bits of theme.breaks. */
enum section_kind {
	SEC_ANALYSIS, SEC_TIMELINE, SEC_POWERMAP, SEC_VOICES, SEC_MEDIA,
	SEC_SOURCES,
	SEC__COUNT
};

struct category_color {
	char		*name;
	uint32_t	 color;
};

struct theme {
	char			*path, *name;
	char			 digest[65];	/* SHA-256 of the file, hex */
	double			 page_w, page_h;
	double			 top, bottom, left, right;
	char			*serif, *sans;
	char			*logo;		/* absolute or relative to cwd, may be NULL */
	double			 logo_h;	/* height in the running header, points */
	double			 logo_aspect;	/* width / height */
	int			 logo_px_w, logo_px_h, logo_png;
	uint32_t		 colors[C__COUNT];
	uint32_t		 stance[4];	/* gains, loses, mixed, neutral */
	uint32_t		 palette[8];
	int			 npalette;
	struct category_color	*cats;
	size_t			 ncats;
	struct style		 st[ST__COUNT];
	unsigned		 breaks;	/* 1 << section_kind: new page */
};

/* Name of a style as written in layout files. */
const char *theme_style_name(enum style_id id);
/* Read and check a layout file; every problem goes to d with its place.
 * root (may be NULL) is the folder the file must be in (a layout named by
 * an input stays in the input's folder).  ctx (may be NULL) is used to
 * measure the styles' fonts.  Returns NULL on error. */
struct theme *theme_load(const char *path, const char *root, PangoContext *ctx,
    struct diags *d);
/* Free a theme; NULL is ignored. */
void theme_free(struct theme *t);
/* The accent colour of a category (case-insensitive), or the default
 * accent. */
uint32_t theme_category_color(const struct theme *t, const char *category);
/* Resolve a layout named on the command line or in the input: a path
 * when it contains '/' or ends in .xml (relative to folder base when base
 * is not NULL, else to the current folder), else layouts/NAME.xml under
 * datadir.  Returns a new string. */
char *theme_resolve(const char *datadir, const char *name, const char *base);
/* True when a layout name is a path (it holds '/' or ends in .xml). */
int theme_is_path(const char *name);

#endif
