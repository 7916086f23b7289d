/* lay.h: what the layout files share (not for backends): the state of
 * laying out one document and the helpers every section uses. */
#ifndef BRIEFING_LAY_H
#define BRIEFING_LAY_H

#include "draw/dl.h"
#include "lay/flow.h"
#include "lay/text.h"
#include "read/model.h"
#include "read/theme.h"

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
	/* Tagging: text goes into a new element under tag (0: the root),
	 * its role from its style; into the element tag_into as it is when
	 * that is set (a diagram's labels); nowhere (an artifact) while
	 * artifact is set. */
	int			 tag, tag_into, artifact;
	int			 sect_ready;	/* the next kicker's Sect is tag */
	int			 part;		/* the story's Part: kickers open a
						 * Sect in it */
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
/* A section label's rule and text into fr at its top; returns the height
 * it takes with the room below it. */
double lay_kicker_frame(struct lay *L, struct dl_list *fr, const char *label);
/* F_NEWPAGE when the layout starts section kind k on a new page, else 0. */
int lay_break(const struct lay *L, enum section_kind k);
/* Slices added from now on continue under "LABEL (continued)" on a new
 * page; flow_continued(L->f, NULL, 0) ends that. */
void lay_continued(struct lay *L, const char *label);
/* The layout's logo in fr at (x, y), h points high; returns its width.
 * Only when the theme has a logo. */
double lay_logo(struct lay *L, struct dl_list *fr, double x, double y, double h);
/* The running header at y of fr: its text, and the layout's logo at the
 * right end when there is one. */
void lay_header(struct lay *L, struct dl_list *fr, const char *text, double y);
/* A new structure element of role r under the current container, made
 * the container; returns the previous container for lay_group_end. */
int lay_group(struct lay *L, enum dl_role r);
/* Back to the container prev (what lay_group returned). */
void lay_group_end(struct lay *L, int prev);
/* A new Figure element with alternative text alt, receiving all that is
 * drawn until lay_figure_end; returns it. */
int lay_figure(struct lay *L, const char *alt);
/* Everything in l from index from on goes into figure fig; text is tagged
 * again as usual from now on. */
void lay_figure_end(struct lay *L, struct dl_list *l, size_t from, int fig);
/* A filled circle. */
void lay_circle(struct lay *L, struct dl_list *dst, double cx, double cy,
    double r, uint32_t fill);
/* A stroked circle. */
void lay_ring(struct lay *L, struct dl_list *dst, double cx, double cy,
    double r, uint32_t color, double width);
/* A badge: a circle in a colour with the initials centred in it. */
void lay_badge(struct lay *L, struct dl_list *dst, double cx, double cy,
    double r, const char *initials, uint32_t fill);
/* The word for a stance, capitalised: "Gains", "Loses", "Mixed", "Neutral". */
const char *lay_stance_word(enum stance s);
/* Initials for a name: the attribute when given, else the first letters
 * of its first two words, upper-cased.  Returns a new string. */
char *lay_initials(const char *given, const char *name);

/* Give the flow, for the next slice, the notes of r whose reference is
 * drawn in line (a line of r's text) and not yet given; placed[] has a
 * flag per note of r.  With last set, every note not yet given goes too
 * (none is lost should a reference not be found). */
void notes_for_line(struct lay *L, const struct rich *r,
    const struct dl_list *line, unsigned char *placed, int last);
/* Give the flow every note of r, for the next slice (a callout's box). */
void notes_all(struct lay *L, const struct rich *r);

#endif
