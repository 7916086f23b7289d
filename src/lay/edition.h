/* edition.h: a weekly edition's front matter: the cover (masthead,
 * edition, date, audience, the week's headlines) and the contents (every
 * story and its sections with page numbers, every line a link). */
#ifndef BRIEFING_EDITION_H
#define BRIEFING_EDITION_H

#include "lay/lay.h"

/* Lay out the cover and contents of b after its stories, which fill pages
 * [0, story_pages) and whose bookmarks are already in the document; then
 * move them to the front, number them i, ii, ... and the stories 1, 2, ...,
 * and add the briefing's own bookmarks.  Returns the number of front
 * pages. */
int edition_front(struct lay *L, const struct briefing *b, int story_pages);

#endif
