/* list.h: bulleted and numbered lists, with hanging markers. */
#ifndef BRIEFING_LIST_H
#define BRIEFING_LIST_H

#include "lay/lay.h"

/* Where a block's rows (one line of text each, or a gap) go: into the
 * flow, or to a caller that gathers them (a callout's box). */
struct rows {
	void	(*emit)(void *ctx, struct dl_list *fr, double h, double space,
		    int flags);
	void	*ctx;
};

/* Lay out list l with its left edge at x, width points wide: one row per
 * line, the bullet or number hanging left of the item's first line on
 * its baseline, nested lists indented by the hang.  space goes above the
 * first row; keep_first glues it to what precedes. */
void list_rows(struct lay *L, const struct list *l, double x, double width,
    double space, int keep_first, const struct rows *out);
/* A list of a section into the flow, across the text's width. */
void list_layout(struct lay *L, const struct list *l, double space,
    int keep_first);

#endif
