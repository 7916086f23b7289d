/* coverage.h: every character of a briefing checked against the shipped
 * faces before layout; each run of missing characters (a word or a name
 * in a script no face has) reported once, with its range of code points,
 * its script, line and column. */
#ifndef BRIEFING_COVERAGE_H
#define BRIEFING_COVERAGE_H

#include "base/diag.h"
#include "lay/fonts.h"
#include "read/model.h"

/* Warn about characters no shipped face can draw.  Returns how many
 * distinct characters are missing. */
int coverage_check(const struct briefing *b, struct fonts *f, struct diags *d);

#endif
