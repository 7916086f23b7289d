/* srcmap.c: places in the input files, found once per file in linear time
 * (see srcmap.h). */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "read/srcmap.h"

/* Columns count characters: the number of characters before each block
 * of this many bytes is kept, so a column costs at most a block's scan. */
#define BLOCK	64

struct tag {
	size_t		 off;		/* its '<' */
	size_t		 name_end;
	size_t		 end;		/* its '>' */
	size_t		 attr0, nattr;
};

struct tattr {
	size_t		 name, nlen;
	size_t		 value;		/* first byte after the quote */
};

struct sfile {
	char		*name;
	char		*data;
	size_t		 len;
	size_t		*lines;		/* offset of each line's start */
	size_t		 nlines;
	uint32_t	*chars;		/* characters before each block */
	int		 bom;		/* starts with a UTF-8 byte-order mark */
	struct tag	*tags;
	size_t		 ntags, captags;
	struct tattr	*attrs;
	size_t		 nattrs, capattrs;
	int		 scanned;
};

struct srcmap {
	struct sfile	*f;
	size_t		 nf, capf;
	GHashTable	*nodes;		/* xmlNode * -> (file << 32 | tag) + 1 */
};

/* An empty map; see srcmap.h. */
struct srcmap *
srcmap_new(void)
{
	struct srcmap *m = xcalloc(1, sizeof(*m));

	m->nodes = g_hash_table_new(g_direct_hash, g_direct_equal);
	return m;
}

/* Free a map; see srcmap.h. */
void
srcmap_free(struct srcmap *m)
{
	if (m == NULL)
		return;
	for (size_t i = 0; i < m->nf; i++) {
		free(m->f[i].name);
		free(m->f[i].data);
		free(m->f[i].lines);
		free(m->f[i].chars);
		free(m->f[i].tags);
		free(m->f[i].attrs);
	}
	free(m->f);
	g_hash_table_destroy(m->nodes);
	free(m);
}

/* Keep a file's text; see srcmap.h. */
int
srcmap_add(struct srcmap *m, const char *name, const char *data, size_t len)
{
	struct sfile *f;
	size_t cap = 0, nchars = 0;

	m->f = xgrow(m->f, &m->capf, m->nf + 1, sizeof(*m->f));
	f = &m->f[m->nf];
	memset(f, 0, sizeof(*f));
	f->name = xstrdup(name);
	f->data = xmalloc(len + 1);
	memcpy(f->data, data, len);
	f->data[len] = '\0';
	f->len = len;
	f->bom = len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0;
	f->chars = xcalloc(len / BLOCK + 1, sizeof(uint32_t));
	f->lines = xgrow(NULL, &cap, 1, sizeof(size_t));
	f->lines[f->nlines++] = 0;
	for (size_t i = 0; i < len; i++) {
		if (i % BLOCK == 0)
			f->chars[i / BLOCK] = (uint32_t)nchars;
		nchars += ((unsigned char)data[i] & 0xC0) != 0x80;
		if (data[i] == '\n') {
			f->lines = xgrow(f->lines, &cap, f->nlines + 1, sizeof(size_t));
			f->lines[f->nlines++] = i + 1;
		}
	}
	return (int)m->nf++;
}

/* A file's text; see srcmap.h. */
const char *
srcmap_data(const struct srcmap *m, int f, size_t *len)
{
	*len = m->f[f].len;
	return m->f[f].data;
}

/* The name a file was added under; see srcmap.h. */
const char *
srcmap_name(const struct srcmap *m, int f)
{
	return m->f[f].name;
}

/* ---- the start tags of a file ------------------------------------------ */

static int
is_space(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

/* The offset just past the first occurrence of end at or after i, or the
 * file's length. */
static size_t
skip_past(const struct sfile *f, size_t i, const char *end)
{
	const char *p = memmem(f->data + i, f->len - i, end, strlen(end));

	return p ? (size_t)(p - f->data) + strlen(end) : f->len;
}

/* Record the start tag at i; returns the offset past its '>'. */
static size_t
scan_tag(struct sfile *f, size_t i)
{
	const char *s = f->data;
	struct tag *t;
	size_t k = i + 1;

	f->tags = xgrow(f->tags, &f->captags, f->ntags + 1, sizeof(*f->tags));
	t = &f->tags[f->ntags++];
	memset(t, 0, sizeof(*t));
	t->off = i;
	t->attr0 = f->nattrs;
	while (k < f->len && !is_space(s[k]) && s[k] != '>' && s[k] != '/')
		k++;
	t->name_end = k;
	for (;;) {
		struct tattr *a;
		char q;

		while (k < f->len && is_space(s[k]))
			k++;
		if (k >= f->len || s[k] == '>' || s[k] == '/')
			break;
		f->attrs = xgrow(f->attrs, &f->capattrs, f->nattrs + 1,
		    sizeof(*f->attrs));
		a = &f->attrs[f->nattrs++];
		t->nattr++;
		a->name = k;
		while (k < f->len && !is_space(s[k]) && s[k] != '=' && s[k] != '>')
			k++;
		a->nlen = k - a->name;
		while (k < f->len && (is_space(s[k]) || s[k] == '='))
			k++;
		if (k >= f->len || (s[k] != '"' && s[k] != '\''))
			break;
		q = s[k++];
		a->value = k;
		while (k < f->len && s[k] != q)
			k++;
		k++;
	}
	while (k < f->len && s[k] != '>')
		k++;
	t->end = k;
	return k + 1;
}

/* Every start tag of a well-formed file, in order, in one pass. */
static void
scan(struct sfile *f)
{
	const char *s = f->data;
	size_t i = 0;

	f->scanned = 1;
	while (i < f->len) {
		const char *lt = memchr(s + i, '<', f->len - i);

		if (lt == NULL)
			break;
		i = (size_t)(lt - s);
		if (f->len - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
			i = skip_past(f, i + 4, "-->");
		else if (f->len - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0)
			i = skip_past(f, i + 9, "]]>");
		else if (f->len - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!'))
			i = skip_past(f, i + 2, s[i + 1] == '?' ? "?>" : ">");
		else if (f->len - i >= 2 && s[i + 1] == '/')
			i = skip_past(f, i + 2, ">");
		else
			i = scan_tag(f, i);
	}
}

static int
same_name(const struct sfile *f, const struct tag *t, const xmlNode *n)
{
	const char *s = f->data + t->off + 1;
	size_t len = t->name_end - t->off - 1, pl = 0;
	const char *local = (const char *)n->name;

	if (n->ns && n->ns->prefix) {
		pl = strlen((const char *)n->ns->prefix);
		if (len <= pl || memcmp(s, n->ns->prefix, pl) != 0 || s[pl] != ':')
			return 0;
		s += pl + 1;
		len -= pl + 1;
	}
	return strlen(local) == len && memcmp(s, local, len) == 0;
}

/* Pair elements with start tags; see srcmap.h. */
int
srcmap_bind(struct srcmap *m, int fi, xmlNodePtr root)
{
	struct sfile *f = &m->f[fi];
	size_t k = 0;
	xmlNodePtr n = root;

	if (!f->scanned)
		scan(f);
	/* Document order without recursion: nesting may be deep. */
	while (n) {
		if (n->type == XML_ELEMENT_NODE) {
			if (k >= f->ntags || !same_name(f, &f->tags[k], n))
				return -1;
			g_hash_table_insert(m->nodes, n, GSIZE_TO_POINTER(
			    ((gsize)fi << 32 | k) + 1));
			k++;
			if (n->children) {
				n = n->children;
				continue;
			}
		}
		while (n && n != root && n->next == NULL)
			n = n->parent;
		if (n == NULL || n == root)
			break;
		n = n->next;
	}
	return 0;
}

/* ---- places -------------------------------------------------------------- */

static size_t
chars_before(const struct sfile *f, size_t off)
{
	size_t n = f->chars[off / BLOCK];

	for (size_t i = off / BLOCK * BLOCK; i < off; i++)
		n += ((unsigned char)f->data[i] & 0xC0) != 0x80;
	return n;
}

/* The place of a byte offset; see srcmap.h. */
struct srcpos
srcmap_at(const struct srcmap *m, int fi, size_t off)
{
	const struct sfile *f = &m->f[fi];
	struct srcpos p;
	size_t lo = 0, hi = f->nlines;

	if (off > f->len)
		off = f->len;
	while (hi - lo > 1) {
		size_t mid = (lo + hi) / 2;

		if (f->lines[mid] <= off)
			lo = mid;
		else
			hi = mid;
	}
	p.file = f->name;
	p.line = (int)lo + 1;
	p.col = (int)(chars_before(f, off) - chars_before(f, f->lines[lo])) + 1;
	if (lo == 0 && f->bom && off >= 3)
		p.col--;
	p.off = off;
	return p;
}

/* The file and start tag of a bound element, or -1. */
static int
lookup(const struct srcmap *m, const xmlNode *n, size_t *tag)
{
	gsize v;

	for (; n; n = n->parent) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if ((v = GPOINTER_TO_SIZE(g_hash_table_lookup(m->nodes, n))) != 0) {
			*tag = (v - 1) & 0xffffffffu;
			return (int)((v - 1) >> 32);
		}
	}
	return -1;
}

/* Where an element starts; see srcmap.h. */
struct srcpos
srcmap_node(const struct srcmap *m, const xmlNode *n)
{
	struct srcpos none = { NULL, 0, 0, 0 };
	size_t t;
	int fi = lookup(m, n, &t);

	if (fi < 0)
		return none;
	return srcmap_at(m, fi, m->f[fi].tags[t].off);
}

static const struct tattr *
find_attr(const struct srcmap *m, const xmlNode *n, const char *name, int *fi)
{
	size_t t, nl = strlen(name);
	const struct sfile *f;

	if ((*fi = lookup(m, n, &t)) < 0 || g_hash_table_lookup(m->nodes, n) == NULL)
		return NULL;
	f = &m->f[*fi];
	for (size_t i = 0; i < f->tags[t].nattr; i++) {
		const struct tattr *a = &f->attrs[f->tags[t].attr0 + i];

		if (a->nlen == nl && memcmp(f->data + a->name, name, nl) == 0)
			return a;
	}
	return NULL;
}

/* Where an attribute stands; see srcmap.h. */
struct srcpos
srcmap_attr(const struct srcmap *m, const xmlNode *n, const char *name)
{
	int fi;
	const struct tattr *a = find_attr(m, n, name, &fi);

	return a ? srcmap_at(m, fi, a->name) : srcmap_node(m, n);
}

/* Where an attribute's value begins; see srcmap.h. */
struct srcpos
srcmap_value(const struct srcmap *m, const xmlNode *n, const char *name)
{
	int fi;
	const struct tattr *a = find_attr(m, n, name, &fi);

	return a && a->value ? srcmap_at(m, fi, a->value) : srcmap_attr(m, n, name);
}

/* The end of the markup starting at i (a tag, comment, or instruction):
 * the offset past it, and whether it opens an element (depth + 1), closes
 * one (- 1) or neither. */
static size_t
markup_end(const struct sfile *f, size_t i, int *depth)
{
	const char *s = f->data;
	char q = 0;

	if (f->len - i >= 4 && memcmp(s + i, "<!--", 4) == 0)
		return skip_past(f, i + 4, "-->");
	if (f->len - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!'))
		return skip_past(f, i + 2, s[i + 1] == '?' ? "?>" : ">");
	if (f->len - i >= 2 && s[i + 1] == '/') {
		--*depth;
		return skip_past(f, i + 2, ">");
	}
	for (size_t k = i + 1; k < f->len; k++) {
		if (q) {
			q = s[k] == q ? 0 : q;
			continue;
		}
		if (s[k] == '"' || s[k] == '\'')
			q = s[k];
		else if (s[k] == '>') {
			if (s[k - 1] != '/')
				++*depth;
			return k + 1;
		}
	}
	return f->len;
}

/* Where an element's own text begins; see srcmap.h. */
struct srcpos
srcmap_text(const struct srcmap *m, const xmlNode *n)
{
	size_t t, i;
	int fi = lookup(m, n, &t), depth = 0;
	const struct sfile *f;

	if (fi < 0 || g_hash_table_lookup(m->nodes, n) == NULL)
		return srcmap_node(m, n);
	f = &m->f[fi];
	if (f->tags[t].end > 0 && f->data[f->tags[t].end - 1] == '/')
		return srcmap_node(m, n);	/* <empty/> */
	for (i = f->tags[t].end + 1; i < f->len;) {
		char c = f->data[i];

		if (c == '<' && f->len - i >= 9 &&
		    memcmp(f->data + i, "<![CDATA[", 9) == 0 && depth == 0) {
			i += 9;
			continue;	/* its text is the element's own */
		}
		if (c == '<') {
			if (depth == 0 && i + 1 < f->len && f->data[i + 1] == '/')
				break;
			i = markup_end(f, i, &depth);
			continue;
		}
		if (depth == 0 && !is_space(c) && !(c == ']' &&
		    f->len - i >= 3 && memcmp(f->data + i, "]]>", 3) == 0))
			return srcmap_at(m, fi, i);
		i++;
	}
	return srcmap_node(m, n);
}

static int
file_of(const struct srcmap *m, const char *name)
{
	if (name == NULL)
		return -1;
	for (size_t i = 0; i < m->nf; i++)
		if (m->f[i].name == name || strcmp(m->f[i].name, name) == 0)
			return (int)i;
	return -1;
}

/* Find a string after a place; see srcmap.h. */
struct srcpos
srcmap_find(const struct srcmap *m, struct srcpos from, const char *needle,
    size_t limit)
{
	int fi = file_of(m, from.file);
	const struct sfile *f;
	const char *hit;
	size_t n;

	if (fi < 0 || from.off >= m->f[fi].len)
		return from;
	f = &m->f[fi];
	n = f->len - from.off < limit ? f->len - from.off : limit;
	hit = memmem(f->data + from.off, n, needle, strlen(needle));
	return hit ? srcmap_at(m, fi, (size_t)(hit - f->data)) : from;
}

/* A line's text; see srcmap.h. */
const char *
srcmap_line(const struct srcmap *m, const char *file, int line, size_t *len)
{
	int fi = file_of(m, file);
	const struct sfile *f;
	size_t a, b;

	if (fi < 0 || line < 1 || (size_t)line > m->f[fi].nlines)
		return NULL;
	f = &m->f[fi];
	a = f->lines[line - 1];
	b = (size_t)line < f->nlines ? f->lines[line] : f->len;
	while (b > a && (f->data[b - 1] == '\n' || f->data[b - 1] == '\r'))
		b--;
	*len = b - a;
	return f->data + a;
}

/* The first start tag with more than max attributes; see srcmap.h. */
int
srcmap_crowded(struct srcmap *m, int fi, size_t max, size_t *at)
{
	struct sfile *f = &m->f[fi];

	if (!f->scanned)
		scan(f);
	for (size_t i = 0; i < f->ntags; i++)
		if (f->tags[i].nattr > max) {
			*at = f->tags[i].off;
			return 1;
		}
	return 0;
}
