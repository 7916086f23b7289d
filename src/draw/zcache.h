/* zcache.h: deflated streams kept between builds (briefing watch), keyed
 * by their content: a page that did not change is not deflated again. */
#ifndef BRIEFING_ZCACHE_H
#define BRIEFING_ZCACHE_H

#include <stddef.h>

struct zcache;

/* An empty cache.  Never fails (memory aside). */
struct zcache *zcache_new(void);

/* Free a cache; NULL is ignored. */
void zcache_free(struct zcache *c);

/* Start a build: what the build before last did not use is dropped. */
void zcache_next_build(struct zcache *c);

/* The key of data given in pieces: key_add each piece, then look up.
 * Thread-safe: any thread may look up and store. */
struct zkey {
	unsigned char	sum[32];	/* SHA-256 of the bytes */
	size_t		len;
	int		level;
};

/* The deflated bytes kept for key k, copied into a malloc'd *out, *len;
 * 1 when found, 0 when not. */
int zcache_get(struct zcache *c, const struct zkey *k, unsigned char **out,
    size_t *len);

/* Keep a copy of data[0, len), the deflated bytes of key k. */
void zcache_put(struct zcache *c, const struct zkey *k,
    const unsigned char *data, size_t len);

#endif
