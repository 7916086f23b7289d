/* notes.h: numbered notes at the foot of the page of their reference. */
#ifndef BRIEFING_NOTES_H
#define BRIEFING_NOTES_H

#include "lay/lay.h"

/* Give the flow, for the next slice, the notes of r whose reference is
 * drawn in line (a line of r's text) and not yet given; placed[] has a
 * flag per note of r.  With last set, every note not yet given goes too
 * (none is lost should a reference not be found). */
void notes_for_line(struct lay *L, const struct rich *r,
    const struct dl_list *line, unsigned char *placed, int last);
/* Give the flow every note of r, for the next slice (a callout's box). */
void notes_all(struct lay *L, const struct rich *r);

#endif
