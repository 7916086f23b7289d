/* coverage.h: every character of a briefing checked against the shipped
 * faces before layout, each missing one reported once per place with its
 * code point, line and column. */
#ifndef BRIEFING_COVERAGE_H
#define BRIEFING_COVERAGE_H

#include "base/diag.h"
#include "lay/fonts.h"
#include "read/model.h"

/* Warn about characters no shipped face can draw.  Returns how many
 * distinct characters are missing. */
int coverage_check(const struct briefing *b, struct fonts *f, struct diags *d);

#endif
