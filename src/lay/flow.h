/* flow.h: pagination.  Layout feeds a vertical sequence of slices (a line
 * of text, a heading, a chart, a card), each with the rule for breaking
 * before it; flow places them on pages, breaking at the last allowed
 * point when a page is full.  Headings keep with what follows, and
 * paragraphs keep two lines together at either end of a page. */
#ifndef BRIEFING_FLOW_H
#define BRIEFING_FLOW_H

#include "draw/dl.h"

/* The most pages a document may have: runaway input becomes an error
 * instead of exhausting memory. */
#define FLOW_MAX_PAGES	5000

#define F_KEEP		0x1	/* never break before this slice */
#define F_NEWPAGE	0x2	/* always start a new page before it */

struct flow;

/* A flow into doc, on pages w x h with content from (x, top) to bottom,
 * which starts on a new page. */
struct flow *flow_new(struct dl_doc *doc, double w, double h, double x,
    double top, double bottom);
/* Add a slice of height h whose items are relative to its top-left corner.
 * frame's items are taken over (frame is emptied).  space is room above
 * it, dropped at the top of a page. */
void flow_add(struct flow *f, struct dl_list *frame, double h, double space,
    int flags);
/* From the next slice added on, a page that starts inside this run of
 * slices starts with a copy of frame, h high (a "... (continued)"
 * heading); frame's items are taken over.  frame NULL ends the run. */
void flow_continued(struct flow *f, struct dl_list *frame, double h);
/* The height left on the current page below what is pending (a slice
 * that fits there, with its space, stays on this page). */
double flow_room(const struct flow *f);
/* Attach a note (frame, h high) to the next slice added: it is set at
 * the foot of that slice's page, under a short rule in colour rule, and
 * the slice goes to the next page when it does not fit with its notes.
 * frame's items are taken over. */
void flow_note(struct flow *f, struct dl_list *frame, double h, uint32_t rule);
/* Place dest at the top of the next slice added. */
void flow_mark(struct flow *f, int dest);
/* Place what is pending and end the flow's last page.  Returns the index of
 * the first page this flow made; *count gets the number of pages. */
int flow_finish(struct flow *f, int *count);
/* True when the document reached FLOW_MAX_PAGES and slices were dropped. */
int flow_overflowed(const struct flow *f);
/* Free the flow (its pages stay in the document). */
void flow_free(struct flow *f);

#endif
