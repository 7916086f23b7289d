/* layout.h: model -> display list. */
#ifndef BRIEFING_LAYOUT_H
#define BRIEFING_LAYOUT_H

#include "diag.h"
#include "dl.h"
#include "model.h"
#include "text.h"
#include "theme.h"

/* Stories' pages kept from one build to the next (briefing watch): a
 * story whose every field, layout file and place are unchanged is not
 * laid out again. */
struct layout_cache;

/* An empty cache. */
struct layout_cache *layout_cache_new(void);
/* Free a cache; NULL is ignored. */
void layout_cache_free(struct layout_cache *c);
/* How many stories the last build took from the cache and laid out. */
void layout_cache_stats(const struct layout_cache *c, size_t *hits,
    size_t *misses);

/* Lay out a checked briefing with theme t.  epoch is the creation date
 * written into the document information.  Warnings (missing glyphs) go
 * to d.  cache (may be NULL) gives and keeps stories' pages.  Returns the
 * new document; the caller frees it. */
struct dl_doc *layout_document(const struct briefing *b, const struct theme *t,
    struct typeset *ts, struct diags *d, long long epoch,
    struct layout_cache *cache);

#endif
