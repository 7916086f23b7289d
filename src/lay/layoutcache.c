/* layoutcache.c: stories' pages kept between builds (see layoutcache.h).
 *
 * An entry is one story laid out alone: a display-list document of its
 * pages, with its own faces, destinations and bookmarks, as layout.c
 * then absorbs into the whole.  Entries are found by the story's digest
 * (every field, positions included), the layout file's digest and the
 * bookmark level; a build hands out copies, and drops what it did not
 * use, so the cache holds one briefing's stories at most. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/layoutcache.h"

struct centry {
	char		*key;
	struct dl_doc	*doc;
	unsigned	 used;		/* the build that last used it */
};

struct layout_cache {
	struct centry	*v;
	size_t		 n, cap;
	unsigned	 build;
	size_t		 hits, misses;	/* in the current build */
};

/* An empty cache; see layoutcache.h. */
struct layout_cache *
layout_cache_new(void)
{
	return xcalloc(1, sizeof(struct layout_cache));
}

/* Free a cache; see layoutcache.h. */
void
layout_cache_free(struct layout_cache *c)
{
	if (c == NULL)
		return;
	for (size_t i = 0; i < c->n; i++) {
		free(c->v[i].key);
		dl_doc_free(c->v[i].doc);
	}
	free(c->v);
	free(c);
}

/* Stories reused and laid out by the last build; see layoutcache.h. */
void
layout_cache_stats(const struct layout_cache *c, size_t *hits, size_t *misses)
{
	*hits = c ? c->hits : 0;
	*misses = c ? c->misses : 0;
}

/* Start a build; see layoutcache.h. */
void
lcache_begin(struct layout_cache *c)
{
	c->build++;
	c->hits = c->misses = 0;
}

/* Drop what the build did not use; see layoutcache.h. */
void
lcache_end(struct layout_cache *c)
{
	size_t k = 0;

	for (size_t i = 0; i < c->n; i++) {
		if (c->v[i].used == c->build) {
			c->v[k++] = c->v[i];
			continue;
		}
		free(c->v[i].key);
		dl_doc_free(c->v[i].doc);
	}
	c->n = k;
}

/* The key of a story under theme t at bookmark level: a new string. */
char *
lcache_key(const struct story *st, const struct theme *t, int level)
{
	char digest[65];

	model_story_digest(st, digest);
	return xasprintf("%s %s %d", digest, t->digest, level);
}

/* A copy of the pages kept under key, or NULL; see layoutcache.h. */
struct dl_doc *
lcache_get(struct layout_cache *c, const char *key)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0) {
			c->v[i].used = c->build;
			c->hits++;
			return dl_doc_clone(c->v[i].doc);
		}
	c->misses++;
	return NULL;
}

/* Keep a copy of doc under key; see layoutcache.h. */
void
lcache_put(struct layout_cache *c, const char *key, const struct dl_doc *doc)
{
	for (size_t i = 0; i < c->n; i++)
		if (strcmp(c->v[i].key, key) == 0)
			return;
	c->v = xgrow(c->v, &c->cap, c->n + 1, sizeof(*c->v));
	c->v[c->n].key = xstrdup(key);
	c->v[c->n].doc = dl_doc_clone(doc);
	c->v[c->n].used = c->build;
	c->n++;
}
