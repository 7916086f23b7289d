/* zcache.c: deflated streams by content, across builds. */
#include <pthread.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "draw/zcache.h"

struct zentry {
	struct zkey	 key;
	unsigned char	*raw;		/* the bytes, compared on a match */
	unsigned char	*data;
	size_t		 len;
	unsigned	 used;		/* the last build that used it */
};

struct zcache {
	pthread_mutex_t	 mu;
	GHashTable	*map;		/* struct zkey * -> struct zentry * */
	unsigned	 build;
};

static guint
key_hash(gconstpointer p)
{
	const struct zkey *k = p;

	return (guint)(k->crc ^ k->adler * 31u ^ k->len ^ (unsigned)k->level);
}

static gboolean
key_equal(gconstpointer a, gconstpointer b)
{
	const struct zkey *x = a, *y = b;

	return x->len == y->len && x->level == y->level && x->crc == y->crc &&
	    x->adler == y->adler;
}

static void
entry_free(gpointer p)
{
	struct zentry *e = p;

	free(e->raw);
	free(e->data);
	free(e);
}

/* A cache; see zcache.h. */
struct zcache *
zcache_new(void)
{
	struct zcache *c = xcalloc(1, sizeof(*c));

	pthread_mutex_init(&c->mu, NULL);
	c->map = g_hash_table_new_full(key_hash, key_equal, NULL, entry_free);
	return c;
}

/* Free a cache; see zcache.h. */
void
zcache_free(struct zcache *c)
{
	if (c == NULL)
		return;
	g_hash_table_destroy(c->map);
	pthread_mutex_destroy(&c->mu);
	free(c);
}

static gboolean
stale(gpointer key, gpointer value, gpointer data)
{
	const struct zentry *e = value;
	unsigned build = *(const unsigned *)data;

	(void)key;
	return e->used + 1 < build;
}

/* The next build; see zcache.h. */
void
zcache_next_build(struct zcache *c)
{
	if (c == NULL)
		return;
	pthread_mutex_lock(&c->mu);
	c->build++;
	g_hash_table_foreach_remove(c->map, stale, &c->build);
	pthread_mutex_unlock(&c->mu);
}

/* Look up; see zcache.h. */
int
zcache_get(struct zcache *c, const struct zkey *k, const unsigned char *raw,
    unsigned char **out, size_t *len)
{
	struct zentry *e;
	int found = 0;

	pthread_mutex_lock(&c->mu);
	if ((e = g_hash_table_lookup(c->map, k)) != NULL &&
	    memcmp(e->raw, raw, k->len) == 0) {
		e->used = c->build;
		*out = xmalloc(e->len ? e->len : 1);
		memcpy(*out, e->data, e->len);
		*len = e->len;
		found = 1;
	}
	pthread_mutex_unlock(&c->mu);
	return found;
}

/* Keep; see zcache.h. */
void
zcache_put(struct zcache *c, const struct zkey *k, const unsigned char *raw,
    const unsigned char *data, size_t len)
{
	struct zentry *e = xcalloc(1, sizeof(*e));

	e->key = *k;
	e->raw = xmalloc(k->len ? k->len : 1);
	memcpy(e->raw, raw, k->len);
	e->data = xmalloc(len ? len : 1);
	memcpy(e->data, data, len);
	e->len = len;
	pthread_mutex_lock(&c->mu);
	e->used = c->build;
	g_hash_table_replace(c->map, &e->key, e);
	pthread_mutex_unlock(&c->mu);
}
