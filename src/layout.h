/* layout.h: model -> display list. */
#ifndef BRIEFING_LAYOUT_H
#define BRIEFING_LAYOUT_H

#include "diag.h"
#include "dl.h"
#include "model.h"
#include "text.h"
#include "theme.h"

/* Lay out a checked briefing with theme t.  epoch is the creation date
 * written into the document information.  Warnings (missing glyphs) go
 * to d.  Returns the new document; the caller frees it. */
struct dl_doc *layout_document(const struct briefing *b, const struct theme *t,
    struct typeset *ts, struct diags *d, long long epoch);

#endif
