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

/* What a stream is looked up by: its bytes' CRC-32 and Adler-32 (zlib's,
 * fast), length and deflate level; the bytes themselves are compared
 * before a kept result is taken, so a match is exact.  Thread-safe: any
 * thread may look up and store. */
struct zkey {
	unsigned long	crc, adler;
	size_t		len;
	int		level;
};

/* The deflated bytes kept for the bytes raw[0, k->len) (whose key is k),
 * copied into a malloc'd *out, *len; 1 when found, 0 when not. */
int zcache_get(struct zcache *c, const struct zkey *k, const unsigned char *raw,
    unsigned char **out, size_t *len);

/* Keep copies of raw[0, k->len) and of data[0, len), its deflated bytes. */
void zcache_put(struct zcache *c, const struct zkey *k, const unsigned char *raw,
    const unsigned char *data, size_t len);

#endif
