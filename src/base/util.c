/* util.c: allocation wrappers, byte buffers, file reading. */
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <stddef.h>
#include <string.h>
#include <time.h>

#include "base/util.h"

static void
oom(void)
{
	fputs("briefing: out of memory\n", stderr);
	exit(3);
}

/* Allocate n bytes; exits with status 3 when memory runs out. */
void *
xmalloc(size_t n)
{
	void *p = malloc(n ? n : 1);

	if (p == NULL)
		oom();
	return p;
}

/* Allocate n zeroed elements; exits with status 3 when memory runs out. */
void *
xcalloc(size_t n, size_t size)
{
	void *p = calloc(n ? n : 1, size ? size : 1);

	if (p == NULL)
		oom();
	return p;
}

/* Resize p to n bytes; exits with status 3 when memory runs out. */
void *
xrealloc(void *p, size_t n)
{
	p = realloc(p, n ? n : 1);
	if (p == NULL)
		oom();
	return p;
}

/* Grow an array to hold need elements, doubling; exits on overflow. */
void *
xgrow(void *p, size_t *cap, size_t need, size_t size)
{
	size_t ncap;

	if (need <= *cap)
		return p;
	ncap = *cap ? *cap : 8;
	while (ncap < need) {
		if (ncap > ((size_t)-1) / 4 / size)
			oom();
		ncap *= 2;
	}
	*cap = ncap;
	return xrealloc(p, ncap * size);
}

/* Duplicate a string; exits when memory runs out. */
char *
xstrdup(const char *s)
{
	return xstrndup(s, strlen(s));
}

/* Duplicate at most n bytes of s, NUL-terminated. */
char *
xstrndup(const char *s, size_t n)
{
	char *p = xmalloc(n + 1);

	memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

/* printf into a new string; exits when memory runs out. */
char *
xasprintf(const char *fmt, ...)
{
	struct buf b;
	va_list ap;
	int n;

	buf_init(&b);
	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		oom();
	b.data = xgrow(b.data, &b.cap, (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b.data, (size_t)n + 1, fmt, ap);
	va_end(ap);
	return b.data;
}

/* Make b an empty buffer. */
void
buf_init(struct buf *b)
{
	b->data = NULL;
	b->len = b->cap = 0;
}

/* Release b's memory and leave it empty. */
void
buf_free(struct buf *b)
{
	free(b->data);
	buf_init(b);
}

/* Append n bytes. */
void
buf_add(struct buf *b, const void *p, size_t n)
{
	b->data = xgrow(b->data, &b->cap, b->len + n + 1, 1);
	if (n)
		memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

/* Append a NUL-terminated string. */
void
buf_adds(struct buf *b, const char *s)
{
	buf_add(b, s, strlen(s));
}

/* Append one byte. */
void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

/* Append formatted text. */
void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list ap;
	int n;

	va_start(ap, fmt);
	n = vsnprintf(NULL, 0, fmt, ap);
	va_end(ap);
	if (n < 0)
		return;
	b->data = xgrow(b->data, &b->cap, b->len + (size_t)n + 1, 1);
	va_start(ap, fmt);
	vsnprintf(b->data + b->len, (size_t)n + 1, fmt, ap);
	va_end(ap);
	b->len += (size_t)n;
}

/* Return the buffer's bytes (never NULL) and reset b. */
char *
buf_steal(struct buf *b)
{
	char *p;

	if (b->data == NULL)
		buf_add(b, "", 0);
	p = b->data;
	buf_init(b);
	return p;
}

/* Read a file into a NUL-terminated buffer; NULL with errno set on failure. */
char *
read_file(const char *path, size_t *len)
{
	struct buf b;
	char chunk[65536];
	size_t n;
	FILE *f;
	int err;

	if ((f = fopen(path, "rb")) == NULL)
		return NULL;
	buf_init(&b);
	buf_add(&b, "", 0);
	while ((n = fread(chunk, 1, sizeof(chunk), f)) > 0)
		buf_add(&b, chunk, n);
	if (ferror(f)) {
		err = errno ? errno : EIO;
		fclose(f);
		buf_free(&b);
		errno = err;
		return NULL;
	}
	fclose(f);
	if (len)
		*len = b.len;
	return buf_steal(&b);
}

/* Each pool allocation carries a header linking it into the pool's list. */
struct phdr {
	struct phdr	*prev, *next;
	max_align_t	 align[];
};

struct pool {
	struct phdr	 head;	/* sentinel of a circular list */
};

/* Make an empty pool. */
struct pool *
pool_new(void)
{
	struct pool *p = xmalloc(sizeof(*p));

	p->head.prev = p->head.next = &p->head;
	return p;
}

/* Allocate n zeroed bytes owned by the pool. */
void *
pool_alloc(struct pool *p, size_t n)
{
	struct phdr *h = xcalloc(1, sizeof(*h) + n);

	h->next = p->head.next;
	h->prev = &p->head;
	h->next->prev = h;
	p->head.next = h;
	return h->align;
}

/* Resize an allocation of this pool; NULL allocates. */
void *
pool_realloc(struct pool *pl, void *p, size_t n)
{
	struct phdr *h;

	if (p == NULL)
		return pool_alloc(pl, n);
	h = (struct phdr *)((char *)p - offsetof(struct phdr, align));
	h->prev->next = h->next;
	h->next->prev = h->prev;
	h = xrealloc(h, sizeof(*h) + n);
	h->next = pl->head.next;
	h->prev = &pl->head;
	h->next->prev = h;
	pl->head.next = h;
	return h->align;
}

/* Copy a string into the pool. */
char *
pool_strdup(struct pool *p, const char *s)
{
	return s ? pool_strndup(p, s, strlen(s)) : NULL;
}

/* Copy n bytes of s into the pool, NUL-terminated. */
char *
pool_strndup(struct pool *p, const char *s, size_t n)
{
	char *d = pool_alloc(p, n + 1);

	memcpy(d, s, n);
	return d;
}

/* Move every allocation of src into dst and free src. */
void
pool_adopt(struct pool *dst, struct pool *src)
{
	if (src->head.next != &src->head) {
		struct phdr *first = src->head.next, *last = src->head.prev;

		last->next = dst->head.next;
		dst->head.next->prev = last;
		dst->head.next = first;
		first->prev = &dst->head;
	}
	free(src);
}

/* Free the pool and all it holds. */
void
pool_free(struct pool *p)
{
	struct phdr *h, *next;

	if (p == NULL)
		return;
	for (h = p->head.next; h != &p->head; h = next) {
		next = h->next;
		free(h);
	}
	free(p);
}

/* Milliseconds on the monotonic clock. */
double
mono_ms(void)
{
	struct timespec ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}
