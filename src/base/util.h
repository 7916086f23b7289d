/* util.h: allocation that never returns NULL, a growable byte buffer,
 * and a few string helpers shared by every module. */
#ifndef BRIEFING_UTIL_H
#define BRIEFING_UTIL_H

#include <stddef.h>
#include <stdarg.h>

/* Allocation wrappers: on out-of-memory they print a message and exit
 * with status 3, so callers never check for NULL (as mandoc does). */
void *xmalloc(size_t n);
void *xcalloc(size_t n, size_t size);
void *xrealloc(void *p, size_t n);
/* Grow an array so it can hold at least need elements of size bytes;
 * *cap is updated.  Returns the (possibly moved) array. */
void *xgrow(void *p, size_t *cap, size_t need, size_t size);
char *xstrdup(const char *s);
char *xstrndup(const char *s, size_t n);
/* printf into a freshly allocated string. */
char *xasprintf(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* A growable byte buffer; data is always NUL-terminated. */
struct buf {
	char	*data;
	size_t	 len;
	size_t	 cap;
};

void buf_init(struct buf *b);
void buf_free(struct buf *b);
void buf_add(struct buf *b, const void *p, size_t n);
void buf_adds(struct buf *b, const char *s);
void buf_addc(struct buf *b, char c);
void buf_printf(struct buf *b, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* Hand the buffer's bytes to the caller (who frees them); b is reset. */
char *buf_steal(struct buf *b);

/* Read a whole file into memory.  Returns NULL and sets errno on failure. */
char *read_file(const char *path, size_t *len);



/* A pool: allocations freed together by pool_free (the model uses one). */
struct pool;

struct pool *pool_new(void);
void *pool_alloc(struct pool *p, size_t n);	/* zeroed */
/* Resize an allocation from this pool (p may be NULL: allocate). */
void *pool_realloc(struct pool *pl, void *p, size_t n);
char *pool_strdup(struct pool *p, const char *s);
char *pool_strndup(struct pool *p, const char *s, size_t n);
/* Move every allocation of src into dst (freed with it); src is freed. */
void pool_adopt(struct pool *dst, struct pool *src);
/* Free every allocation and the pool itself.  NULL is ignored. */
void pool_free(struct pool *p);
/* Milliseconds on the monotonic clock, for timings. */
double mono_ms(void);

#endif
