/* table.h: data tables in a story's sections. */
#ifndef BRIEFING_TABLE_H
#define BRIEFING_TABLE_H

#include "lay/lay.h"

/* Lay out table t into the flow, space points below what precedes: its
 * title, its header rows (repeated at the top of every page the table
 * runs onto), its rows (never split; alternate rows tinted), its caption.
 * Columns are sized from their content within the text's width; columns
 * of numbers are aligned on the decimal point.  A table whose columns
 * cannot fit even with every text wrapped at each space is an error at
 * the table, and nothing of it is laid out. */
void table_layout(struct lay *L, const struct dtable *t, double space);
/* Report every table of b too wide for layout t's text (what `check`
 * says without laying out).  Returns the number reported. */
int table_check(const struct briefing *b, const struct theme *t,
    struct typeset *ts, struct diags *d);

#endif
