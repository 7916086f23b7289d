/* hyphlang.c: hyphenation patterns by language (see hyph.h). */
#include <sys/stat.h>
#include <ctype.h>
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <stddef.h>
#include <stdint.h>
#include <unistd.h>

#include <hyphen.h>

#include "base/util.h"
#include "lay/hyph.h"

#ifndef HYPHEN_DIR
#define HYPHEN_DIR "/usr/share/hyphen"
#endif

/* The languages with patterns: the primary subtag, the file of its
 * default region, and the regions with files of their own (Debian's
 * hyphen-en-gb, -de, -fr, -es, -it, -nl, -pt-pt, -pl, -sv). */
static const struct {
	const char	*lang, *file, *regions;
} langs[] = {
	{ "en", NULL, "GB" },		/* en-US: compiled in */
	{ "de", "de_DE", "AT CH" },
	{ "fr", "fr", "" },
	{ "es", "es_ES", "" },
	{ "it", "it_IT", "" },
	{ "nl", "nl_NL", "" },
	{ "pt", "pt_PT", "" },
	{ "pl", "pl_PL", "" },
	{ "sv", "sv_SE", "" },
};

/* Loaded pattern files, by file name; never freed (the process's). */
static struct {
	char		 file[16];
	HyphenDict	*dict;		/* NULL: the file cannot be read */
} loaded[16];
static int nloaded;
static pthread_mutex_t mu = PTHREAD_MUTEX_INITIALIZER;

/* ---- a cache of loaded patterns ---------------------------------------
 * libhyphen spends seconds building the automaton of the German patterns
 * (292,000 states).  The automaton built once is written to the user's
 * cache folder ($XDG_CACHE_HOME/briefing or ~/.cache/briefing), keyed by
 * the pattern file's size and modification time, and read back in
 * milliseconds.  Native byte order: the cache is the machine's own. */

#define CACHE_MAGIC "briefing-hyph-1"

struct cstate {			/* a state, its strings as offsets (-1: none) */
	int32_t		 match, repl, fallback, ntrans;
	signed char	 replindex, replcut;
};

/* The cache file for a pattern file, or NULL when there is no folder. */
static char *
cache_path(const char *file, const struct stat *st)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");
	char *dir;
	char *path;

	if (x && *x == '/')
		dir = xasprintf("%s/briefing", x);
	else if (h && *h == '/')
		dir = xasprintf("%s/.cache/briefing", h);
	else
		return NULL;
	if (access(dir, W_OK | X_OK) != 0) {
		free(dir);
		return NULL;
	}
	path = xasprintf("%s/hyph_%s-%lld-%lld.bin", dir, file,
	    (long long)st->st_size, (long long)st->st_mtime);
	free(dir);
	return path;
}

static void
put(FILE *f, const void *p, size_t n)
{
	fwrite(p, 1, n, f);
}

/* Write one level: options, strings, transitions, states. */
static void
save_level(FILE *f, const HyphenDict *d)
{
	struct buf str;
	int32_t ntrans = 0, noh = -1;

	buf_init(&str);
	put(f, d, offsetof(HyphenDict, nohyphen));	/* the four minima */
	put(f, &d->nohyphenl, sizeof(int));
	put(f, &d->num_states, sizeof(int));
	put(f, d->cset, sizeof(d->cset));
	put(f, &d->utf8, sizeof(int));
	for (int i = 0; i < d->num_states; i++)
		ntrans += d->states[i].num_trans;
	put(f, &ntrans, sizeof(ntrans));
	for (int i = 0; i < d->num_states; i++)
		for (int k = 0; k < d->states[i].num_trans; k++)
			put(f, &d->states[i].trans[k], sizeof(HyphenTrans));
	for (int i = 0; i < d->num_states; i++) {
		const HyphenState *s = &d->states[i];
		struct cstate c = { -1, -1, s->fallback_state, s->num_trans,
		    s->replindex, s->replcut };

		if (s->match) {
			c.match = (int32_t)str.len;
			buf_add(&str, s->match, strlen(s->match) + 1);
		}
		if (s->repl) {
			c.repl = (int32_t)str.len;
			buf_add(&str, s->repl, strlen(s->repl) + 1);
		}
		put(f, &c, sizeof(c));
	}
	if (d->nohyphen) {
		size_t n = 0;

		for (int i = 0; i <= d->nohyphenl; i++)
			n += strlen(d->nohyphen + n) + 1;
		noh = (int32_t)str.len;
		buf_add(&str, d->nohyphen, n);
	}
	put(f, &noh, sizeof(noh));
	put(f, &str.len, sizeof(str.len));
	put(f, str.data ? str.data : "", str.len);
	buf_free(&str);
}

static void
save(const char *path, const HyphenDict *d)
{
	char *tmp = xasprintf("%s.%ld.tmp", path, (long)getpid());
	FILE *f = fopen(tmp, "wb");
	int32_t levels = 0;

	if (f == NULL) {
		free(tmp);
		return;
	}
	for (const HyphenDict *x = d; x; x = x->nextlevel)
		levels++;
	put(f, CACHE_MAGIC, sizeof(CACHE_MAGIC));
	put(f, &levels, sizeof(levels));
	for (const HyphenDict *x = d; x; x = x->nextlevel)
		save_level(f, x);
	if (fclose(f) == 0)
		rename(tmp, path);
	unlink(tmp);
	free(tmp);
}

/* Take n bytes at *p of the m bytes left; NULL when the file is short. */
static const char *
take(const char **p, size_t *m, size_t n)
{
	const char *q = *p;

	if (n > *m)
		return NULL;
	*p += n;
	*m -= n;
	return q;
}

/* Copy n bytes at *p of the m left into dst; -1 when the file is short. */
static int
get(const char **p, size_t *m, void *dst, size_t n)
{
	const char *q = take(p, m, n);

	if (q == NULL)
		return -1;
	memcpy(dst, q, n);
	return 0;
}

/* Point a level's states at their transitions and strings; -1 when the
 * offsets do not fit. */
static int
link_states(HyphenDict *d, const char *cs, HyphenTrans *trans,
    size_t ntrans, char *str, size_t slen)
{
	size_t t = 0;

	for (int i = 0; i < d->num_states; i++) {
		struct cstate c;
		HyphenState *s = &d->states[i];

		memcpy(&c, cs + (size_t)i * sizeof(c), sizeof(c));
		if (c.match >= (int32_t)slen || c.repl >= (int32_t)slen || c.ntrans < 0 ||
		    t + (size_t)c.ntrans > ntrans)
			return -1;
		s->match = c.match >= 0 ? str + c.match : NULL;
		s->repl = c.repl >= 0 ? str + c.repl : NULL;
		s->replindex = c.replindex;
		s->replcut = c.replcut;
		s->fallback_state = c.fallback;
		s->num_trans = c.ntrans;
		s->trans = c.ntrans ? trans + t : NULL;
		t += (size_t)c.ntrans;
	}
	return 0;
}

/* Read one level back (its memory is the process's, never freed); NULL
 * when the cache is broken. */
static HyphenDict *
load_level(const char **p, size_t *m)
{
	HyphenDict *d = xcalloc(1, sizeof(*d));
	const char *cs, *q;
	int32_t ntrans = -1, noh = -1;
	size_t slen = 0;
	HyphenTrans *trans = NULL;
	char *str = NULL;

	if (get(p, m, d, offsetof(HyphenDict, nohyphen)) != 0 ||
	    get(p, m, &d->nohyphenl, sizeof(int)) != 0 ||
	    get(p, m, &d->num_states, sizeof(int)) != 0 ||
	    get(p, m, d->cset, sizeof(d->cset)) != 0 ||
	    get(p, m, &d->utf8, sizeof(int)) != 0 ||
	    get(p, m, &ntrans, sizeof(ntrans)) != 0 || ntrans < 0 ||
	    d->num_states < 0 ||
	    (q = take(p, m, (size_t)ntrans * sizeof(HyphenTrans))) == NULL ||
	    (cs = take(p, m, (size_t)d->num_states * sizeof(struct cstate))) == NULL ||
	    get(p, m, &noh, sizeof(noh)) != 0 || get(p, m, &slen, sizeof(slen)) != 0 ||
	    slen > *m)
		goto bad;
	trans = xmalloc((size_t)ntrans * sizeof(HyphenTrans) + 1);
	memcpy(trans, q, (size_t)ntrans * sizeof(HyphenTrans));
	str = xmalloc(slen + 1);
	memcpy(str, take(p, m, slen), slen);
	str[slen] = '\0';
	d->states = xcalloc((size_t)d->num_states + 1, sizeof(HyphenState));
	if (link_states(d, cs, trans, (size_t)ntrans, str, slen) != 0)
		goto bad;
	d->nohyphen = noh >= 0 && noh < (int32_t)slen ? str + noh : NULL;
	return d;
bad:
	free(d->states);
	free(trans);
	free(str);
	free(d);
	return NULL;
}

/* The automaton from the cache file, or NULL when it is missing or not
 * one this program wrote. */
static HyphenDict *
load_cached(const char *path)
{
	size_t len, m;
	char *data = path ? read_file(path, &len) : NULL;
	const char *p = data, *q;
	HyphenDict *top = NULL, **next = &top;
	int32_t levels;

	if (data == NULL)
		return NULL;
	m = len;
	if ((q = take(&p, &m, sizeof(CACHE_MAGIC))) == NULL ||
	    memcmp(q, CACHE_MAGIC, sizeof(CACHE_MAGIC)) != 0 ||
	    (q = take(&p, &m, sizeof(levels))) == NULL) {
		free(data);
		return NULL;
	}
	memcpy(&levels, q, sizeof(levels));
	for (int32_t i = 0; i < levels; i++) {
		if ((*next = load_level(&p, &m)) == NULL) {
			free(data);
			return NULL;	/* a broken cache: load the patterns */
		}
		next = &(*next)->nextlevel;
	}
	free(data);
	return top;
}

/* The patterns of one file: from the cache, else parsed (and cached). */
static HyphenDict *
load_patterns(const char *file)
{
	char *path = xasprintf("%s/hyph_%s.dic", HYPHEN_DIR, file), *cache;
	struct stat st;
	HyphenDict *d = NULL;

	if (stat(path, &st) == 0 && access(path, R_OK) == 0) {
		cache = cache_path(file, &st);
		if ((d = load_cached(cache)) == NULL &&
		    (d = hnj_hyphen_load(path)) != NULL && cache)
			save(cache, d);
		free(cache);
	}
	free(path);
	return d;
}

/* The patterns of one file, loaded once. */
static HyphenDict *
load(const char *file)
{
	HyphenDict *d = NULL;
	int i;

	pthread_mutex_lock(&mu);
	for (i = 0; i < nloaded && strcmp(loaded[i].file, file) != 0; i++)
		;
	if (i < nloaded)
		d = loaded[i].dict;
	else if (nloaded < (int)(sizeof(loaded) / sizeof(loaded[0]))) {
		d = load_patterns(file);
		snprintf(loaded[nloaded].file, sizeof(loaded[nloaded].file), "%s", file);
		loaded[nloaded++].dict = d;
	}
	pthread_mutex_unlock(&mu);
	return d;
}

/* The patterns for a language; see hyph.h. */
HyphenDict *
hyph_for_lang(const char *tag)
{
	char lang[9] = "", region[4] = "", file[16];
	size_t n = 0;

	if (tag == NULL || *tag == '\0')
		tag = "en";
	while (n < 8 && isalpha((unsigned char)tag[n])) {
		lang[n] = (char)tolower((unsigned char)tag[n]);
		n++;
	}
	lang[n] = '\0';
	if (isalpha((unsigned char)tag[n]))
		return NULL;		/* not a language subtag */
	/* The region: the first two-letter subtag after the language. */
	for (const char *p = tag + n; *p; ) {
		size_t k;

		p += strspn(p, "-_");
		k = strcspn(p, "-_");
		if (k == 2 && isalpha((unsigned char)p[0]) && isalpha((unsigned char)p[1])) {
			region[0] = (char)toupper((unsigned char)p[0]);
			region[1] = (char)toupper((unsigned char)p[1]);
			break;
		}
		p += k;
	}
	for (size_t i = 0; i < sizeof(langs) / sizeof(langs[0]); i++) {
		if (strcmp(langs[i].lang, lang) != 0)
			continue;
		if (region[0] && strstr(langs[i].regions, region)) {
			snprintf(file, sizeof(file), "%s_%s", lang, region);
			return load(file);
		}
		return langs[i].file ? load(langs[i].file) : hyph_patterns();
	}
	return NULL;
}
