/* story.h: one story's pages: the opening summary, analysis, timeline,
 * power map, voices, media and sources, and the page furniture. */
#ifndef BRIEFING_STORY_H
#define BRIEFING_STORY_H

#include "lay/lay.h"

/* Lay out one story into the flow, starting on a new page, with its
 * bookmarks. */
void story_layout(struct lay *L, const struct story *st);
/* Draw headers and footers on pages [first, first + count) of a story. */
void story_furniture(struct lay *L, const struct story *st, const char *header,
    int first, int count, int number_from, int total);

#endif
