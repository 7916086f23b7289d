/* layoutcache.h: stories' pages kept from one build to the next (briefing
 * watch): a story whose every field, layout file and place are unchanged
 * is not laid out again. */
#ifndef BRIEFING_LAYOUTCACHE_H
#define BRIEFING_LAYOUTCACHE_H

#include <stddef.h>

#include "draw/dl.h"
#include "read/model.h"
#include "read/theme.h"

struct layout_cache;

/* An empty cache. */
struct layout_cache *layout_cache_new(void);
/* Free a cache; NULL is ignored. */
void layout_cache_free(struct layout_cache *c);
/* How many stories the last build took from the cache and laid out. */
void layout_cache_stats(const struct layout_cache *c, size_t *hits,
    size_t *misses);

/* A build starts: entries not used by the time it ends are dropped. */
void lcache_begin(struct layout_cache *c);
/* A build ends: drop the entries it did not use. */
void lcache_end(struct layout_cache *c);
/* The key of a story laid out with theme t at bookmark level level: the
 * story's digest, the layout file's and the level.  Returns a new string. */
char *lcache_key(const struct story *st, const struct theme *t, int level);
/* A copy of the pages kept under key (the caller owns it), or NULL when
 * none are. */
struct dl_doc *lcache_get(struct layout_cache *c, const char *key);
/* Keep a copy of a story's pages under key. */
void lcache_put(struct layout_cache *c, const char *key, const struct dl_doc *doc);

#endif
