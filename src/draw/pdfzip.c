/* pdfzip.c: deflating libharu's streams ahead of the save (see pdfzip.h).
 *
 * The thread only reads a queued stream's buffers and writes memory of its
 * own; putting the result back into the document, which allocates through
 * libharu, happens on the document's thread in pdfzip_finish. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <stdint.h>
#include <zlib.h>
#include <hpdf.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include "base/util.h"
#include "draw/pdfzip.h"
#include "draw/zcache.h"

struct zjob {
	HPDF_Dict	 dict;
	int		 level;		/* zlib's compression level */
	unsigned char	*data;		/* deflated, once done */
	size_t		 len;
	int		 ok;
};

struct pdfzip {
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	struct zjob	*jobs;
	size_t		 n, cap, next;	/* next: the first job nobody took */
	int		 stop, running;
	double		 ms;		/* spent deflating */
	struct zcache	*cache;		/* streams deflated before, or NULL */
};

/* libharu writes the dictionary's entries, then calls this, then ">>":
 * the filter its own flag no longer names. */
static HPDF_STATUS
write_filter(HPDF_Dict dict, HPDF_Stream out)
{
	return HPDF_Stream_WriteStr(out, "/Filter /FlateDecode\012");
}

/* A memory stream with no other filter or write hook. */
static int
plain(HPDF_Dict d)
{
	return d && d->stream && d->stream->type == HPDF_STREAM_MEMORY &&
	    d->write_fn == NULL && d->filterParams == NULL;
}

/* A stream libharu would deflate, and only deflate. */
static int
eligible(HPDF_Dict d)
{
	return plain(d) && d->filter == HPDF_STREAM_FILTER_FLATE_DECODE;
}

/* Deflate a memory stream's buffers at zlib's level.  Returns 0 with
 * *out malloc'd, or -1. */
static int
deflate_stream(HPDF_Stream s, int level, unsigned char **out, size_t *len)
{
	z_stream zs;
	unsigned n = HPDF_MemStream_GetBufCount(s);
	unsigned char *buf;
	uLong cap;
	int r = Z_OK;

	memset(&zs, 0, sizeof(zs));
	if (deflateInit(&zs, level) != Z_OK)
		return -1;
	cap = deflateBound(&zs, s->size);
	buf = xmalloc(cap);
	zs.next_out = buf;
	zs.avail_out = (uInt)cap;
	for (unsigned i = 0; i < n && r == Z_OK; i++) {
		HPDF_UINT blen = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &blen);

		zs.next_in = p;
		zs.avail_in = p ? blen : 0;
		r = deflate(&zs, i + 1 == n ? Z_FINISH : Z_NO_FLUSH);
	}
	if (n == 0)
		r = deflate(&zs, Z_FINISH);
	*len = zs.total_out;
	deflateEnd(&zs);
	if (r != Z_STREAM_END) {
		free(buf);
		return -1;
	}
	*out = buf;
	return 0;
}

/* A memory stream's bytes in one piece (malloc'd) and their key. */
static unsigned char *
stream_key(HPDF_Stream s, int level, struct zkey *k)
{
	unsigned n = HPDF_MemStream_GetBufCount(s);
	unsigned char *raw = xmalloc(s->size ? s->size : 1);
	size_t at = 0;

	for (unsigned i = 0; i < n; i++) {
		HPDF_UINT blen = 0;
		HPDF_BYTE *p = HPDF_MemStream_GetBufPtr(s, i, &blen);

		if (p && blen && at + blen <= s->size) {
			memcpy(raw + at, p, blen);
			at += blen;
		}
	}
	memset(k, 0, sizeof(*k));
	k->len = at;
	k->crc = crc32(crc32(0, NULL, 0), raw, (uInt)at);
	k->adler = adler32(adler32(0, NULL, 0), raw, (uInt)at);
	k->level = level;
	return raw;
}

/* Deflate a stream, or take the bytes kept from a build before. */
static int
deflate_kept(struct zcache *c, HPDF_Stream s, int level, unsigned char **out,
    size_t *len)
{
	struct zkey k;
	unsigned char *raw;
	int rc = 0;

	if (c == NULL || s->size > UINT32_MAX)
		return deflate_stream(s, level, out, len);
	raw = stream_key(s, level, &k);
	if (!zcache_get(c, &k, raw, out, len)) {
		if ((rc = deflate_stream(s, level, out, len)) == 0)
			zcache_put(c, &k, raw, *out, *len);
	}
	free(raw);
	return rc;
}

/* Replace the stream's data with deflated bytes; -1 when libharu fails
 * (its error handler has then been told). */
static int
put_back(HPDF_Dict d, const unsigned char *data, size_t len)
{
	HPDF_MemStream_FreeData(d->stream);
	if (HPDF_Stream_Write(d->stream, data, (HPDF_UINT)len) != HPDF_OK)
		return -1;
	d->filter = HPDF_STREAM_FILTER_NONE;
	d->write_fn = write_filter;
	return 0;
}

/* Take the next job and deflate it, the lock released meanwhile; called
 * and returns with the lock held.  0 when no job was waiting. */
static int
take_one(struct pdfzip *z)
{
	HPDF_Dict d;
	unsigned char *data = NULL;
	size_t len = 0, i;
	double t0;
	int ok, level;

	if (z->next == z->n)
		return 0;
	i = z->next++;
	d = z->jobs[i].dict;
	level = z->jobs[i].level;
	pthread_mutex_unlock(&z->mu);
	t0 = mono_ms();
	ok = deflate_kept(z->cache, d->stream, level, &data, &len) == 0;
	pthread_mutex_lock(&z->mu);
	z->ms += mono_ms() - t0;
	z->jobs[i].data = data;
	z->jobs[i].len = len;
	z->jobs[i].ok = ok;
	return 1;
}

static void *
worker(void *arg)
{
	struct pdfzip *z = arg;

	pthread_setname_np(pthread_self(), "pdf-deflate");
	pthread_mutex_lock(&z->mu);
	for (;;) {
		while (z->next == z->n && !z->stop)
			pthread_cond_wait(&z->cv, &z->mu);
		if (!take_one(z))
			break;
	}
	pthread_mutex_unlock(&z->mu);
	return NULL;
}

/* Start a compressor; see pdfzip.h. */
struct pdfzip *
pdfzip_new(struct zcache *cache)
{
	struct pdfzip *z = xcalloc(1, sizeof(*z));

	z->cache = cache;
	pthread_mutex_init(&z->mu, NULL);
	pthread_cond_init(&z->cv, NULL);
	if (pthread_create(&z->th, NULL, worker, z) != 0) {
		pthread_mutex_destroy(&z->mu);
		pthread_cond_destroy(&z->cv);
		free(z);
		return NULL;
	}
	z->running = 1;
	return z;
}

/* Queue a finished stream; see pdfzip.h. */
void
pdfzip_add(struct pdfzip *z, HPDF_Dict stream, int best)
{
	if (z == NULL || !eligible(stream))
		return;
	pthread_mutex_lock(&z->mu);
	if (!z->stop) {
		z->jobs = xgrow(z->jobs, &z->cap, z->n + 1, sizeof(*z->jobs));
		memset(&z->jobs[z->n], 0, sizeof(*z->jobs));
		z->jobs[z->n].level = best ? Z_BEST_COMPRESSION : Z_DEFAULT_COMPRESSION;
		z->jobs[z->n++].dict = stream;
		pthread_cond_signal(&z->cv);
	}
	pthread_mutex_unlock(&z->mu);
}

/* Stop the thread once the queue is empty; with help, the calling
 * thread deflates what is left alongside it. */
static void
stop(struct pdfzip *z, int help)
{
	if (!z->running)
		return;
	pthread_mutex_lock(&z->mu);
	z->stop = 1;
	pthread_cond_signal(&z->cv);
	while (help && take_one(z))
		;
	pthread_mutex_unlock(&z->mu);
	pthread_join(z->th, NULL);
	z->running = 0;
}

/* Put the compressed streams in place; see pdfzip.h. */
int
pdfzip_finish(struct pdfzip *z, double *ms)
{
	int rc = 0;

	if (z == NULL)
		return 0;
	stop(z, 1);
	for (size_t i = 0; i < z->n; i++) {
		struct zjob *j = &z->jobs[i];

		if (j->ok && rc == 0 && put_back(j->dict, j->data, j->len) != 0)
			rc = -1;
		free(j->data);
		j->data = NULL;
	}
	z->n = z->next = 0;
	if (ms)
		*ms += z->ms;
	return rc;
}

/* Free a compressor; see pdfzip.h. */
void
pdfzip_free(struct pdfzip *z)
{
	if (z == NULL)
		return;
	stop(z, 0);
	for (size_t i = 0; i < z->n; i++)
		free(z->jobs[i].data);
	free(z->jobs);
	pthread_mutex_destroy(&z->mu);
	pthread_cond_destroy(&z->cv);
	free(z);
}
