/* schemacheck.c: a document against its schema's tables, each problem
 * said in plain words at its place (see schemacheck.h). */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/tree.h>

#include "base/suggest.h"
#include "base/util.h"
#include "read/schemacheck.h"

#define MAX_ERRORS	50

struct ctx {
	const struct rng_grammar	*g;
	const struct srcmap		*m;
	struct diags			*d;
	const char			*file;
	int				 errors;
};

/* A place made whole: the node's line from libxml2 when the map has none. */
static struct srcpos
fix(const struct ctx *c, struct srcpos p, const xmlNode *n)
{
	if (p.file == NULL || p.line <= 0) {
		p.file = c->file;
		p.line = n && xmlGetLineNo(n) > 0 ? (int)xmlGetLineNo(n) : 1;
		p.col = 1;
	}
	if (p.col <= 0)
		p.col = 1;
	return p;
}

static void report(struct ctx *c, struct srcpos p, const char *fmt, ...)
    __attribute__((format(printf, 3, 4)));

static void
report(struct ctx *c, struct srcpos p, const char *fmt, ...)
{
	char msg[1024];
	va_list ap;

	if (c->errors > MAX_ERRORS)
		return;
	if (c->errors == MAX_ERRORS) {
		diag(c->d, DIAG_ERROR, p.file, p.line, p.col, "more schema errors "
		    "follow; the check stopped after %d (fix these first)",
		    MAX_ERRORS);
		c->errors++;
		return;
	}
	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag(c->d, DIAG_ERROR, p.file, p.line, p.col, "%s", msg);
	c->errors++;
}

/* A buffer's text, "" when nothing was added. */
static const char *
txt(const struct buf *b)
{
	return b->data ? b->data : "";
}

/* Whether an element is named without a prefix, as the schema's are: in
 * no namespace, or in a default one (xmlns="...", said where it is
 * declared). */
static int
no_prefix(const xmlNode *n)
{
	return n->ns == NULL || n->ns->prefix == NULL;
}

/* The name of an element or attribute as written: prefix:name. */
static void
qname(char *out, size_t size, const xmlNs *ns, const xmlChar *name)
{
	if (ns && ns->prefix)
		snprintf(out, size, "%s:%s", ns->prefix, name);
	else
		snprintf(out, size, "%s", name);
}

/* Names joined as "a, b or c", each between pre and post. */
static void
join(struct buf *b, const char *const *v, int n, const char *pre,
    const char *post, const char *last)
{
	for (int i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(b, i == n - 1 ? last : ", ");
		buf_printf(b, "%s%s%s", pre, v[i], post);
	}
}

/* Whether a space-separated list (a schema's h:aka) holds word. */
static int
aka_has(const char *aka, const char *word)
{
	size_t wl = strlen(word);

	for (const char *p = aka; p && *p;) {
		size_t l = strcspn(p, " ");

		if (l == wl && strncmp(p, word, l) == 0)
			return 1;
		p += l;
		p += strspn(p, " ");
	}
	return 0;
}

/* ---- attributes ------------------------------------------------------- */

/* A value with the white space around it removed, as RELAX NG compares
 * tokens (the caller frees it). */
static char *
trimmed(const char *v)
{
	size_t n;

	v += strspn(v, " \t\r\n");
	n = strlen(v);
	while (n && strchr(" \t\r\n", v[n - 1]))
		n--;
	return xstrndup(v, n);
}

static int
is_alpha(char ch)
{
	return (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z');
}

/* XML Schema's language: letters (1 to 8), then -subtags of letters and
 * digits (1 to 8). */
static int
is_language(const char *s)
{
	int first = 1;

	for (;;) {
		size_t n = 0;

		while (s[n] && s[n] != '-' && n < 9 && (is_alpha(s[n]) ||
		    (!first && s[n] >= '0' && s[n] <= '9')))
			n++;
		if (n == 0 || n > 8 || (s[n] && s[n] != '-'))
			return 0;
		if (s[n] == '\0')
			return 1;
		s += n + 1;
		first = 0;
	}
}

static int
enum_count(const struct rng_attr *a)
{
	int n = 0;

	while (a->values && a->values[n])
		n++;
	return n;
}

/* What an attribute's value may be, for messages: "(bar, stacked-bar or
 * line)", or "" when anything goes. */
static void
attr_hint(struct buf *b, const struct rng_attr *a)
{
	if (strcmp(a->type, "enum") == 0) {
		buf_adds(b, " (");
		join(b, a->values, enum_count(a), "", "", " or ");
		buf_adds(b, ")");
	} else if (strcmp(a->type, "NCName") == 0)
		buf_adds(b, " (a name of letters, digits, '-', '_' and '.', "
		    "starting with a letter)");
	else if (strcmp(a->type, "language") == 0)
		buf_adds(b, " (a language tag such as en, en-GB or de)");
}

/* A value as messages quote it: at most 60 bytes, cut at a character's
 * start and marked "..." when longer (the caller frees it). */
static char *
clipped(const char *v)
{
	size_t n = strlen(v);

	if (n <= 60)
		return xstrdup(v);
	n = 57;
	while (n > 0 && ((unsigned char)v[n] & 0xC0) == 0x80)
		n--;
	return xasprintf("%.*s...", (int)n, v);
}

static void
check_value(struct ctx *c, const xmlNode *n, const struct rng_attr *a,
    const char *value)
{
	struct srcpos p = fix(c, srcmap_value(c->m, n, a->name), n);
	char *t = trimmed(value), *v = clipped(value);
	struct buf b;

	buf_init(&b);
	if (strcmp(a->type, "nonempty") == 0 && value[0] == '\0')
		report(c, p, "%s=\"\" must not be empty: write the %s of this "
		    "<%s>", a->name, a->name, n->name);
	else if (strcmp(a->type, "NCName") == 0 &&
	    xmlValidateNCName((const xmlChar *)t, 0) != 0)
		report(c, p, "%s=\"%s\" is not a valid name: use letters, digits, "
		    "'-', '_' and '.', starting with a letter (e.g. oil-prices)",
		    a->name, v);
	else if (strcmp(a->type, "language") == 0 && !is_language(t))
		report(c, p, "%s=\"%s\" is not a language tag: use one such as "
		    "en, en-GB or de", a->name, v);
	else if (strcmp(a->type, "enum") == 0) {
		int i, nv = enum_count(a);
		const char *near;

		for (i = 0; i < nv && strcmp(a->values[i], t) != 0; i++)
			;
		if (i == nv) {
			join(&b, a->values, nv, "", "", " or ");
			near = suggest_nearest(t, a->values, (size_t)nv);
			if (near)
				buf_printf(&b, " (did you mean %s?)", near);
			report(c, p, "%s=\"%s\" is not allowed; use %s", a->name, v,
			    txt(&b));
		}
	}
	buf_free(&b);
	free(t);
	free(v);
}

/* An attribute the element does not take: say which it does, and which
 * was meant when one is near.  Returns the name meant (e's), or NULL. */
static const char *
unknown_attr(struct ctx *c, const xmlNode *n, const struct rng_elem *e,
    const char *name)
{
	struct srcpos p = fix(c, srcmap_attr(c->m, n, name), n);
	const char *names[64], *near = NULL;
	int k, nn = e->nattrs < 64 ? e->nattrs : 64;
	struct buf b;

	for (k = 0; k < nn; k++) {
		names[k] = e->attrs[k].name;
		if (near == NULL && aka_has(e->attrs[k].aka, name))
			near = names[k];
	}
	if (near == NULL)
		near = suggest_nearest(name, names, (size_t)nn);
	buf_init(&b);
	if (near)
		buf_printf(&b, ": did you mean %s=?", near);
	if (nn == 0)
		buf_printf(&b, " (<%s> takes no attributes)", n->name);
	else {
		buf_adds(&b, " (allowed: ");
		join(&b, names, nn, "", "=", ", ");
		buf_adds(&b, ")");
	}
	report(c, p, "unknown attribute %s= on <%s>%s", name, n->name, txt(&b));
	buf_free(&b);
	return near;
}

/* Every attribute of n, and every attribute e requires. */
static void
check_attrs(struct ctx *c, const xmlNode *n, const struct rng_elem *e)
{
	char name[256];

	const char *meant_attrs[16];
	int nmeant = 0;

	for (const xmlAttr *a = n->properties; a; a = a->next) {
		int k;

		qname(name, sizeof(name), a->ns, a->name);
		for (k = 0; k < e->nattrs && strcmp(e->attrs[k].name, name); k++)
			;
		if (k == e->nattrs) {
			const char *m = unknown_attr(c, n, e, name);

			if (m && nmeant < 16)
				meant_attrs[nmeant++] = m;
		}
		else {
			xmlChar *v = xmlNodeListGetString(n->doc, a->children, 1);

			check_value(c, n, &e->attrs[k], v ? (const char *)v : "");
			xmlFree(v);
		}
	}
	for (int k = 0; k < e->nattrs; k++) {
		const xmlAttr *a;
		struct buf b;
		int i;

		if (!e->attrs[k].required)
			continue;
		for (a = n->properties; a; a = a->next) {
			qname(name, sizeof(name), a->ns, a->name);
			if (strcmp(name, e->attrs[k].name) == 0)
				break;
		}
		for (i = 0; i < nmeant && meant_attrs[i] != e->attrs[k].name; i++)
			;
		if (a || i < nmeant)
			continue;	/* there, or misspelt (said already) */
		buf_init(&b);
		attr_hint(&b, &e->attrs[k]);
		report(c, fix(c, srcmap_node(c->m, n), n), "element <%s> needs the "
		    "attribute %s%s", n->name, e->attrs[k].name, txt(&b));
		buf_free(&b);
	}
}

/* ---- content ---------------------------------------------------------- */

/* Element names of slots [from, to) of e, each once, into v (at most max);
 * returns how many. */
static int
slot_names(const struct ctx *c, const struct rng_elem *e, int from, int to,
    const char **v, int max)
{
	int n = 0;

	for (int s = from; s < to && s < e->nslots; s++)
		for (int k = 0; k < e->slots[s].nelems; k++) {
			const char *name = c->g->elems[e->slots[s].elems[k]].name;
			int i;

			for (i = 0; i < n && strcmp(v[i], name) != 0; i++)
				;
			if (i == n && n < max)
				v[n++] = name;
		}
	return n;
}

/* The slots allowed at a point: the current one if it may take more, then
 * those after it up to the first that must be filled.  Returns the end
 * (exclusive) and sets *from. */
static int
allowed_span(const struct rng_elem *e, int cur, int count, int *from)
{
	int s;

	if (e->interleave) {
		*from = 0;
		return e->nslots;
	}
	*from = cur < e->nslots && (e->slots[cur].max < 0 ||
	    count < e->slots[cur].max) ? cur : cur + 1;
	if (cur < e->nslots && count < e->slots[cur].min)
		return cur + 1;
	for (s = cur + 1; s < e->nslots; s++)
		if (e->slots[s].min > 0)
			return s + 1;
	return e->nslots;
}

/* The slot of e holding an element named name, at or after from; its
 * definition in *def.  Returns -1 when none does. */
static int
find_slot(const struct ctx *c, const struct rng_elem *e, const char *name,
    int from, int *def)
{
	for (int s = from; s < e->nslots; s++)
		for (int k = 0; k < e->slots[s].nelems; k++)
			if (strcmp(c->g->elems[e->slots[s].elems[k]].name, name) == 0) {
				*def = e->slots[s].elems[k];
				return s;
			}
	return -1;
}

/* The first definition of an element named name anywhere, or -1. */
static int
find_any(const struct ctx *c, const char *name)
{
	for (int i = 0; i < c->g->nelems; i++)
		if (strcmp(c->g->elems[i].name, name) == 0)
			return i;
	return -1;
}

/* The elements an element named name may stand in, as "<a>, <b> or
 * <c>" (three at most, then "and others"), into b; returns how many. */
static int
homes_of(const struct ctx *c, const char *name, struct buf *b)
{
	const char *v[4];
	int n = 0;

	for (int p = 0; p < c->g->nelems; p++)
		for (int s = 0; s < c->g->elems[p].nslots; s++)
			for (int k = 0; k < c->g->elems[p].slots[s].nelems; k++) {
				const char *pn = c->g->elems[p].name;
				int i;

				if (strcmp(c->g->elems[c->g->elems[p].slots[s].elems[k]].name,
				    name) != 0)
					continue;
				for (i = 0; i < n && strcmp(v[i], pn) != 0; i++)
					;
				if (i == n && n < 4)
					v[n++] = pn;
			}
	join(b, v, n < 4 ? n : 3, "<", ">", n < 4 ? " or " : ", ");
	if (n == 4)
		buf_adds(b, " and others");
	return n;
}

/* Which of the names allowed was meant by name: one the schema lists it
 * as also known as, or the nearest by spelling. */
static const char *
meant(const struct ctx *c, const struct rng_elem *e, const char *name,
    const char *const *allowed, int n)
{
	for (int s = 0; s < e->nslots; s++)
		for (int k = 0; k < e->slots[s].nelems; k++) {
			const struct rng_elem *x = &c->g->elems[e->slots[s].elems[k]];

			if (aka_has(x->aka, name))
				return x->name;
		}
	return suggest_nearest(name, allowed, (size_t)n);
}

/* The element among e's children that text should be wrapped in: one
 * that takes text, those that may repeat first; NULL when none does. */
static const struct rng_elem *
text_child(const struct ctx *c, const struct rng_elem *e)
{
	for (int pass = 0; pass < 2; pass++)
		for (int s = 0; s < e->nslots; s++)
			for (int k = 0; k < e->slots[s].nelems; k++) {
				const struct rng_elem *x = &c->g->elems[e->slots[s].elems[k]];

				if (x->text && (pass == 1 || e->slots[s].max < 0))
					return x;
			}
	return NULL;
}

/* Where text belongs, when it may not stand directly in e: the element
 * that should wrap it, or the child of e to put that element in.  Writes
 * the advice to b. */
static void
text_hint(const struct ctx *c, const struct rng_elem *e, struct buf *b)
{
	const struct rng_elem *inner = text_child(c, e);

	if (inner) {
		buf_printf(b, "; wrap it in <%s>...</%s>", inner->name,
		    inner->name);
		return;
	}
	for (int s = 0; s < e->nslots; s++)
		for (int k = 0; k < e->slots[s].nelems; k++) {
			const struct rng_elem *x = &c->g->elems[e->slots[s].elems[k]];

			if ((inner = text_child(c, x)) != NULL) {
				buf_printf(b, ": it holds <%s> elements; write the text "
				    "in a <%s> inside a <%s>", x->name, inner->name,
				    x->name);
				return;
			}
		}
	if (e->nslots == 0)
		buf_printf(b, ": <%s> holds nothing, only attributes (write it "
		    "as <%s ... />)", e->name, e->name);
}

static void check_elem(struct ctx *c, const xmlNode *n, int ei);

/* Where a sequence's children have got to. */
struct seq {
	int		 cur, count;	/* slot, and elements in it so far */
	int		 quiet;		/* an unknown child: no "needs" cascade */
	const char	*last;		/* the element that set cur */
	int		 counts[64];	/* interleave: elements in each slot */
};

/* A child element no slot of e holds: say what is allowed there, and
 * which element was meant.  Returns the slot of the element meant (its
 * definition in *def), or -1. */
static int
stray(struct ctx *c, const xmlNode *n, const struct rng_elem *e,
    const xmlNode *ch, const char *name, struct seq *q, int *def)
{
	const char *allowed[64], *all[64], *near = NULL;
	int from, to = allowed_span(e, q->cur, q->count, &from), other, s = -1;
	int na = slot_names(c, e, from, to, allowed, 64);
	int nall = slot_names(c, e, 0, e->nslots, all, 64);
	struct buf b, h;

	if (no_prefix(ch) && (near = meant(c, e, name, allowed, na)) == NULL)
		near = meant(c, e, name, all, nall);
	other = no_prefix(ch) ? find_any(c, name) : -1;
	buf_init(&b);
	buf_init(&h);
	if (na) {
		buf_adds(&b, " (allowed here: ");
		join(&b, allowed, na, "<", ">", ", ");
		buf_adds(&b, ")");
	} else if (e->nslots == 0)
		buf_printf(&b, " (<%s> holds no elements)", e->name);
	else
		buf_printf(&b, " (nothing more may stand in this <%s>)", e->name);
	if (near)
		report(c, fix(c, srcmap_node(c->m, ch), ch), "unknown element <%s> "
		    "in <%s>: did you mean <%s>?%s", name, n->name, near, txt(&b));
	else if (other >= 0 && homes_of(c, name, &h) > 0)
		report(c, fix(c, srcmap_node(c->m, ch), ch), "<%s> cannot stand in "
		    "<%s>: it belongs in %s%s", name, n->name, txt(&h), txt(&b));
	else
		report(c, fix(c, srcmap_node(c->m, ch), ch), "unknown element <%s> "
		    "in <%s>%s", name, n->name, txt(&b));
	buf_free(&b);
	buf_free(&h);
	if (near)
		s = find_slot(c, e, near, 0, def);
	else if (other >= 0)
		check_elem(c, ch, other);	/* what it holds, all the same */
	q->quiet |= s < 0;
	return s;
}

/* What slots [from, to) of e lack, as "<a> and at least one <b>", into b;
 * returns how many lack. */
static int
lacking(const struct ctx *c, const struct rng_elem *e, const struct seq *q,
    int from, int to, struct buf *b)
{
	int n = 0;

	for (int s = from; s < to; s++) {
		const char *v[64];
		int have = e->interleave ? (s < 64 ? q->counts[s] : 1) : s == q->cur ? q->count : 0;
		int nv;

		if (have >= e->slots[s].min)
			continue;
		nv = slot_names(c, e, s, s + 1, v, 64);
		buf_adds(b, n++ ? " and " : "");
		buf_adds(b, e->slots[s].max < 0 ? "at least one " : "");
		join(b, v, nv, "<", ">", " or ");
	}
	return n;
}

/* The order of e's parts, for messages: "title, overview, analysis". */
static void
order_of(const struct ctx *c, const struct rng_elem *e, struct buf *b)
{
	const char *v[64];
	int n = slot_names(c, e, 0, e->nslots, v, 64);

	join(b, v, n, "", "", ", ");
}

/* One child element ch of n (whose definition is e), in sequence. */
static void
child(struct ctx *c, const xmlNode *n, const struct rng_elem *e,
    const xmlNode *ch, struct seq *q)
{
	char name[256];
	int def = -1, s = -1, guessed = 0;
	struct buf b;

	qname(name, sizeof(name), ch->ns, ch->name);
	if (no_prefix(ch) && (s = find_slot(c, e, name, q->cur, &def)) < 0)
		s = find_slot(c, e, name, 0, &def);
	if (s < 0) {
		if ((s = stray(c, n, e, ch, name, q, &def)) < 0)
			return;
		guessed = 1;
	}
	buf_init(&b);
	if (e->interleave) {
		if (s < 64 && ++q->counts[s] > e->slots[s].max && e->slots[s].max > 0 &&
		    !guessed)
			report(c, fix(c, srcmap_node(c->m, ch), ch), "a second <%s> "
			    "in <%s>: only one is allowed", name, n->name);
	} else if (s < q->cur) {
		order_of(c, e, &b);
		if (!guessed)
			report(c, fix(c, srcmap_node(c->m, ch), ch), "<%s> cannot "
			    "come after <%s>; the parts of <%s> go in this order: "
			    "%s", name, q->last, n->name, txt(&b));
	} else if (s == q->cur && q->count > 0) {
		if (++q->count > e->slots[s].max && e->slots[s].max > 0 &&
		    !guessed)
			report(c, fix(c, srcmap_node(c->m, ch), ch), "a second <%s> "
			    "in <%s>: only one is allowed", name, n->name);
	} else {
		if (lacking(c, e, q, q->cur, s, &b) && !q->quiet && !guessed)
			report(c, fix(c, srcmap_node(c->m, ch), ch), "element <%s> "
			    "needs %s before <%s>", n->name, txt(&b), name);
		q->cur = s;
		q->count = 1;
		q->last = (const char *)ch->name;
	}
	buf_free(&b);
	check_elem(c, ch, def);
}

static int
blank(const xmlChar *s)
{
	return s == NULL || s[strspn((const char *)s, " \t\r\n")] == '\0';
}

/* The children of n, whose definition is e. */
static void
check_content(struct ctx *c, const xmlNode *n, const struct rng_elem *e)
{
	struct seq q;
	struct buf b;
	int text_said = 0;

	memset(&q, 0, sizeof(q));
	q.last = (const char *)n->name;
	for (const xmlNode *ch = n->children; ch; ch = ch->next) {
		if ((ch->type == XML_TEXT_NODE || ch->type == XML_CDATA_SECTION_NODE)
		    && !e->text && !text_said && !blank(ch->content)) {
			buf_init(&b);
			text_hint(c, e, &b);
			report(c, fix(c, srcmap_text(c->m, n), n), "text cannot stand "
			    "directly in <%s>%s", n->name, txt(&b));
			buf_free(&b);
			text_said = 1;
		} else if (ch->type == XML_ELEMENT_NODE)
			child(c, n, e, ch, &q);
	}
	buf_init(&b);
	if (!q.quiet && lacking(c, e, &q, e->interleave ? 0 : q.cur, e->nslots,
	    &b))
		report(c, fix(c, srcmap_node(c->m, n), n), "element <%s> needs %s",
		    n->name, txt(&b));
	buf_free(&b);
}

static void
check_elem(struct ctx *c, const xmlNode *n, int ei)
{
	const struct rng_elem *e = &c->g->elems[ei];

	if (c->errors > MAX_ERRORS)
		return;
	for (const xmlNs *ns = n->nsDef; ns; ns = ns->next)
		if (ns->prefix == NULL && ns->href && ns->href[0])
			report(c, fix(c, srcmap_node(c->m, n), n), "xmlns=\"%s\" puts "
			    "<%s> and all it holds in a namespace; briefing's elements "
			    "are in none: remove it", ns->href, n->name);
	check_attrs(c, n, e);
	check_content(c, n, e);
}

/* Check a document against a schema's tables; see schemacheck.h. */
int
schemacheck(const struct rng_grammar *g, xmlDocPtr doc,
    const struct srcmap *m, struct diags *d, const char *file)
{
	struct ctx c = { g, m, d, file, 0 };
	xmlNodePtr root = xmlDocGetRootElement(doc);
	const char *names[16];
	char name[256];
	int i, n = g->nstart < 16 ? g->nstart : 16;

	if (root == NULL)
		return 0;
	qname(name, sizeof(name), root->ns, root->name);
	for (i = 0; i < n; i++) {
		names[i] = g->elems[g->start[i]].name;
		if (no_prefix(root) && strcmp(names[i], name) == 0)
			break;
	}
	if (i == n) {
		const char *near = !no_prefix(root) ? NULL : suggest_nearest(name, names,
		    (size_t)n);
		struct buf b;

		buf_init(&b);
		join(&b, names, n, "<", ">", " or ");
		buf_printf(&b, ", not <%s>", name);
		if (near)
			buf_printf(&b, ": did you mean <%s>?", near);
		report(&c, fix(&c, srcmap_node(m, root), root), "the document must "
		    "be a %s", txt(&b));
		buf_free(&b);
		for (i = 0; near && i < n && strcmp(names[i], near) != 0; i++)
			;
		if (near == NULL)
			return c.errors;
	}
	check_elem(&c, root, g->start[i]);
	return c.errors;
}
