/* rnggen.c: a build-time tool.  Reads RELAX NG schemas (XML syntax) and
 * writes C tables of what each element allows (see read/rngtab.h):
 *
 *	rnggen story:src/read/schema/story.rng layout:...layout.rng > rngtab.c
 *
 * Only the patterns the briefing schemas use are understood: element,
 * attribute, ref/define, optional, zeroOrMore, oneOrMore, choice, group,
 * interleave, mixed, text, empty, data, value.  Anything else, or a
 * pattern the tables cannot say (an optional group of several elements),
 * stops the build with a message, so the tables never quietly disagree
 * with the schema.  Built for the build machine: it exits on any error. */
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>

#define RNGNS	"http://relaxng.org/ns/structure/1.0"
#define HINTNS	"urn:x-briefing:hints"

struct attr {
	char	*name, *type, *aka;
	char	**values;
	int	 nvalues, required;
};

struct slot {
	int	 min, max;
	int	*elems;
	int	 n;
};

/* A definition being built: an element's, or a pattern's inside one. */
struct def {
	xmlNodePtr	 node;
	char		*name, *aka;
	struct attr	*attrs;
	int		 nattrs;
	struct slot	*slots;
	int		 nslots;
	int		 text, interleave;
};

static const char	*file;
static xmlNodePtr	 grammar;
static struct def	*elems;
static int		 nelems;

static void
die(xmlNodePtr n, const char *fmt, ...)
{
	va_list ap;

	fprintf(stderr, "rnggen: %s:%d: ", file, n ? (int)xmlGetLineNo(n) : 0);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputc('\n', stderr);
	exit(1);
}

static void *
grow(void *p, size_t n)
{
	if ((p = realloc(p, n ? n : 1)) == NULL) {
		fputs("rnggen: out of memory\n", stderr);
		exit(1);
	}
	return p;
}

static int
is_rng(xmlNodePtr n)
{
	return n->type == XML_ELEMENT_NODE && n->ns &&
	    strcmp((const char *)n->ns->href, RNGNS) == 0;
}

static int
named(xmlNodePtr n, const char *name)
{
	return strcmp((const char *)n->name, name) == 0;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	return (char *)xmlGetProp(n, (const xmlChar *)name);
}

static char *
hint(xmlNodePtr n)
{
	return (char *)xmlGetNsProp(n, (const xmlChar *)"aka",
	    (const xmlChar *)HINTNS);
}

/* The first RELAX NG element among n's children, or NULL. */
static xmlNodePtr
first_rng(xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (is_rng(c))
			return c;
	return NULL;
}

/* The <define> a <ref> names. */
static xmlNodePtr
define(xmlNodePtr ref)
{
	char *want = prop(ref, "name");

	if (want == NULL)
		die(ref, "<ref> without a name");
	for (xmlNodePtr c = grammar->children; c; c = c->next) {
		char *name;
		int same;

		if (!is_rng(c) || !named(c, "define"))
			continue;
		if (prop(c, "combine"))
			die(c, "<define combine=...> is not supported");
		name = prop(c, "name");
		same = name && strcmp(name, want) == 0;
		xmlFree(name);
		if (same) {
			xmlFree(want);
			return c;
		}
	}
	die(ref, "no <define name=\"%s\">", want);
	return NULL;
}

/* The index of the element definition for <element> node n. */
static int
elem_index(xmlNodePtr n)
{
	for (int i = 0; i < nelems; i++)
		if (elems[i].node == n)
			return i;
	elems = grow(elems, (size_t)(nelems + 1) * sizeof(*elems));
	memset(&elems[nelems], 0, sizeof(*elems));
	elems[nelems].node = n;
	if ((elems[nelems].name = prop(n, "name")) == NULL)
		die(n, "<element> without a name attribute (<name> is not "
		    "supported)");
	elems[nelems].aka = hint(n);
	return nelems++;
}

/* An attribute's value pattern, into a. */
static void
attr_value(struct attr *a, xmlNodePtr p, int depth)
{
	if (depth > 20)
		die(p, "references loop");
	if (p == NULL || named(p, "text")) {
		a->type = strdup("text");
	} else if (named(p, "ref")) {
		xmlNodePtr d = define(p);

		attr_value(a, first_rng(d), depth + 1);
	} else if (named(p, "data")) {
		char *t = prop(p, "type");
		int minlen = 0;

		for (xmlNodePtr c = p->children; c; c = c->next)
			if (is_rng(c) && named(c, "param")) {
				char *pn = prop(c, "name");
				xmlChar *v = xmlNodeGetContent(c);

				if (pn && strcmp(pn, "minLength") == 0)
					minlen = atoi((const char *)v);
				else
					die(c, "<param name=\"%s\"> is not "
					    "supported", pn ? pn : "");
				xmlFree(pn);
				xmlFree(v);
			}
		if (t == NULL)
			die(p, "<data> without a type");
		a->type = strdup(minlen > 0 && strcmp(t, "string") == 0 ?
		    "nonempty" : t);
		xmlFree(t);
	} else if (named(p, "value") || named(p, "choice")) {
		xmlNodePtr c0 = named(p, "value") ? p : p->children;

		a->type = strdup("enum");
		for (xmlNodePtr c = c0; c; c = named(p, "value") ? NULL : c->next) {
			if (!is_rng(c))
				continue;
			if (!named(c, "value"))
				die(c, "an attribute's <choice> may hold only "
				    "<value>s");
			a->values = grow(a->values, (size_t)(a->nvalues + 1) *
			    sizeof(char *));
			a->values[a->nvalues++] = (char *)xmlNodeGetContent(c);
		}
	} else
		die(p, "<%s> in an attribute is not supported", p->name);
}

static void
add_attr(struct def *d, xmlNodePtr n, int required)
{
	struct attr *a;

	d->attrs = grow(d->attrs, (size_t)(d->nattrs + 1) * sizeof(*d->attrs));
	a = &d->attrs[d->nattrs++];
	memset(a, 0, sizeof(*a));
	if ((a->name = prop(n, "name")) == NULL)
		die(n, "<attribute> without a name attribute");
	a->required = required;
	a->aka = hint(n);
	attr_value(a, first_rng(n), 0);
}

static void
add_slot(struct def *d, int min, int max, const int *e, int n)
{
	struct slot *s;

	d->slots = grow(d->slots, (size_t)(d->nslots + 1) * sizeof(*d->slots));
	s = &d->slots[d->nslots++];
	s->min = min;
	s->max = max;
	s->n = n;
	s->elems = grow(NULL, (size_t)n * sizeof(int));
	memcpy(s->elems, e, (size_t)n * sizeof(int));
}

/* Move what a pattern's definition t holds into d (t is emptied). */
static void
merge(struct def *d, struct def *t)
{
	for (int i = 0; i < t->nattrs; i++) {
		d->attrs = grow(d->attrs, (size_t)(d->nattrs + 1) *
		    sizeof(*d->attrs));
		d->attrs[d->nattrs++] = t->attrs[i];
	}
	for (int i = 0; i < t->nslots; i++) {
		add_slot(d, t->slots[i].min, t->slots[i].max, t->slots[i].elems,
		    t->slots[i].n);
		free(t->slots[i].elems);
	}
	d->text |= t->text;
	d->interleave |= t->interleave;
	free(t->attrs);
	free(t->slots);
	memset(t, 0, sizeof(*t));
}

static void walk(struct def *d, xmlNodePtr n, int opt, int depth);

/* The children of n as one pattern, into a fresh definition t. */
static void
walk_into(struct def *t, xmlNodePtr n, int opt, int depth)
{
	memset(t, 0, sizeof(*t));
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (is_rng(c))
			walk(t, c, opt, depth + 1);
}

/* <choice> in content: one slot of every element its branches allow. */
static void
walk_choice(struct def *d, xmlNodePtr n, int opt, int depth)
{
	int *e = NULL, ne = 0, min = opt ? 0 : 1;

	for (xmlNodePtr c = n->children; c; c = c->next) {
		struct def t, one;

		if (!is_rng(c))
			continue;
		memset(&one, 0, sizeof(one));
		walk(&one, c, 0, depth + 1);
		t = one;
		if (t.nattrs)
			die(c, "attributes in a <choice> are not supported");
		if (t.nslots > 1)
			die(c, "a sequence inside a <choice> is not supported");
		if (t.nslots == 0 || t.slots[0].min == 0)
			min = 0;
		for (int i = 0; i < t.nslots; i++) {
			if (t.slots[i].max != 1)
				die(c, "a repeated branch of a <choice> is not "
				    "supported");
			for (int k = 0; k < t.slots[i].n; k++) {
				e = grow(e, (size_t)(ne + 1) * sizeof(int));
				e[ne++] = t.slots[i].elems[k];
			}
			free(t.slots[i].elems);
		}
		d->text |= t.text;
		free(t.slots);
	}
	if (ne)
		add_slot(d, min, 1, e, ne);
	free(e);
}

/* <optional>, <zeroOrMore>, <oneOrMore>: their pattern, made optional or
 * repeated. */
static void
walk_repeat(struct def *d, xmlNodePtr n, int opt, int depth)
{
	int zero = !named(n, "oneOrMore"), more = !named(n, "optional");
	struct def t;

	walk_into(&t, n, opt || zero, depth);
	if (t.nslots > 1)
		die(n, "<%s> of several elements in sequence is not supported "
		    "(the diagnostics tables cannot say it)", n->name);
	if (t.nslots == 1) {
		if (zero)
			t.slots[0].min = 0;
		if (more)
			t.slots[0].max = -1;
	}
	merge(d, &t);
}

/* One pattern n of an element's content, into d; opt: it may be absent. */
static void
walk(struct def *d, xmlNodePtr n, int opt, int depth)
{
	if (depth > 50)
		die(n, "patterns nest too deeply (a loop of references?)");
	if (named(n, "attribute")) {
		add_attr(d, n, !opt);
	} else if (named(n, "element")) {
		int i = elem_index(n);

		add_slot(d, opt ? 0 : 1, 1, &i, 1);
	} else if (named(n, "ref")) {
		xmlNodePtr def = define(n);

		for (xmlNodePtr c = def->children; c; c = c->next)
			if (is_rng(c))
				walk(d, c, opt, depth + 1);
	} else if (named(n, "text") || named(n, "data") || named(n, "value")) {
		d->text = 1;
	} else if (named(n, "empty")) {
		;
	} else if (named(n, "optional") || named(n, "zeroOrMore") ||
	    named(n, "oneOrMore")) {
		walk_repeat(d, n, opt, depth);
	} else if (named(n, "choice")) {
		walk_choice(d, n, opt, depth);
	} else if (named(n, "group") || named(n, "interleave") ||
	    named(n, "mixed")) {
		struct def t;

		walk_into(&t, n, opt, depth);
		t.interleave |= named(n, "interleave");
		t.text |= named(n, "mixed");
		merge(d, &t);
	} else
		die(n, "<%s> is not supported by the diagnostics tables "
		    "(extend src/read/rnggen.c)", n->name);
}

static void
emit_str(const char *s)
{
	if (s == NULL) {
		fputs("NULL", stdout);
		return;
	}
	putchar('"');
	for (; *s; s++)
		if (*s == '"' || *s == '\\')
			printf("\\%c", *s);
		else if ((unsigned char)*s < 0x20)
			printf("\\%03o", (unsigned char)*s);
		else
			putchar(*s);
	putchar('"');
}

static void
emit_elem_tables(const char *g, int i)
{
	const struct def *d = &elems[i];

	for (int k = 0; k < d->nattrs; k++) {
		if (d->attrs[k].nvalues == 0)
			continue;
		printf("static const char *const %s_e%d_v%d[] = { ", g, i, k);
		for (int v = 0; v < d->attrs[k].nvalues; v++) {
			emit_str(d->attrs[k].values[v]);
			fputs(", ", stdout);
		}
		puts("NULL };");
	}
	if (d->nattrs) {
		printf("static const struct rng_attr %s_e%d_a[] = {\n", g, i);
		for (int k = 0; k < d->nattrs; k++) {
			printf("\t{ ");
			emit_str(d->attrs[k].name);
			printf(", %d, ", d->attrs[k].required);
			emit_str(d->attrs[k].type);
			if (d->attrs[k].nvalues)
				printf(", %s_e%d_v%d, ", g, i, k);
			else
				printf(", NULL, ");
			emit_str(d->attrs[k].aka);
			puts(" },");
		}
		puts("};");
	}
	for (int s = 0; s < d->nslots; s++) {
		printf("static const int %s_e%d_s%d[] = {", g, i, s);
		for (int k = 0; k < d->slots[s].n; k++)
			printf(" %d,", d->slots[s].elems[k]);
		puts(" };");
	}
	if (d->nslots) {
		printf("static const struct rng_slot %s_e%d_c[] = {\n", g, i);
		for (int s = 0; s < d->nslots; s++)
			printf("\t{ %d, %d, %s_e%d_s%d, %d },\n", d->slots[s].min,
			    d->slots[s].max, g, i, s, d->slots[s].n);
		puts("};");
	}
}

/* Read one schema and write its tables as rng_<g>. */
static void
one(const char *g, const char *path)
{
	xmlDocPtr doc;
	xmlNodePtr start = NULL;
	struct def st;

	file = path;
	nelems = 0;
	elems = NULL;
	if ((doc = xmlReadFile(path, NULL, XML_PARSE_NONET)) == NULL)
		die(NULL, "cannot parse");
	grammar = xmlDocGetRootElement(doc);
	if (!is_rng(grammar) || !named(grammar, "grammar"))
		die(grammar, "the root is not a RELAX NG <grammar>");
	for (xmlNodePtr c = grammar->children; c; c = c->next)
		if (is_rng(c) && named(c, "start"))
			start = c;
	if (start == NULL)
		die(grammar, "no <start>");
	walk_into(&st, start, 0, 0);
	if (st.nattrs || st.text || st.nslots != 1)
		die(start, "<start> must be an element or a choice of elements");
	for (int i = 0; i < nelems; i++) {
		struct def t;

		walk_into(&t, elems[i].node, 0, 0);
		t.node = elems[i].node;
		t.name = elems[i].name;
		t.aka = elems[i].aka;
		elems[i] = t;
	}
	printf("\n/* %s */\n", path);
	for (int i = 0; i < nelems; i++)
		emit_elem_tables(g, i);
	printf("static const struct rng_elem %s_elems[] = {\n", g);
	for (int i = 0; i < nelems; i++) {
		const struct def *d = &elems[i];

		printf("\t{ ");
		emit_str(d->name);
		fputs(", ", stdout);
		emit_str(d->aka);
		if (d->nattrs)
			printf(", %s_e%d_a, %d", g, i, d->nattrs);
		else
			printf(", NULL, 0");
		if (d->nslots)
			printf(", %s_e%d_c, %d", g, i, d->nslots);
		else
			printf(", NULL, 0");
		printf(", %d, %d },\n", d->text, d->interleave);
	}
	puts("};");
	printf("static const int %s_start[] = {", g);
	for (int k = 0; k < st.slots[0].n; k++)
		printf(" %d,", st.slots[0].elems[k]);
	puts(" };");
	printf("const struct rng_grammar rng_%s = { \"%s\", %s_elems, %d, "
	    "%s_start, %d };\n", g, g, g, nelems, g, st.slots[0].n);
	/* The tool exits at once: its memory goes with it. */
}

/* rnggen NAME:FILE.rng...: the tables of each schema, as rng_NAME, to
 * standard output.  Exits 1 (with the place) on anything it cannot say,
 * 2 on a bad command line. */
int
main(int argc, char **argv)
{
	puts("/* Generated by src/read/rnggen.c from the schemas named below; "
	    "do not edit. */");
	puts("#include <stddef.h>\n#include \"read/rngtab.h\"");
	for (int i = 1; i < argc; i++) {
		char *colon = strchr(argv[i], ':');

		if (colon == NULL) {
			fprintf(stderr, "usage: rnggen NAME:FILE.rng ...\n");
			return 2;
		}
		*colon = '\0';
		one(argv[i], colon + 1);
	}
	return 0;
}
