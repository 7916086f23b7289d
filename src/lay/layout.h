/* layout.h: the layout stage: model -> display list. */
#ifndef BRIEFING_LAYOUT_H
#define BRIEFING_LAYOUT_H

#include "base/diag.h"
#include "draw/dl.h"
#include "lay/text.h"
#include "read/model.h"
#include "read/theme.h"

struct layout_cache;

/* Lay out a checked briefing with theme t.  epoch is the creation date
 * written into the document information.  Warnings (missing glyphs) go
 * to d.  cache (may be NULL) gives and keeps stories' pages.  Returns the
 * new document; the caller frees it. */
struct dl_doc *layout_document(const struct briefing *b, const struct theme *t,
    struct typeset *ts, struct diags *d, long long epoch,
    struct layout_cache *cache);

#endif
