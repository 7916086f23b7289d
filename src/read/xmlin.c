/* xmlin.c: every XML file through one set of rules (see xmlin.h). */
#include <stdlib.h>
#include <stdarg.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xmlIO.h>

#include "base/util.h"
#include "read/rngtab.h"
#include "read/schemacheck.h"
#include "read/schemas.h"
#include "read/streamsafe.h"
#include "read/xmlerr.h"
#include "read/xmlin.h"

struct xmlin {
	struct diags		*d;
	struct srcmap		*m;
	xmlParserCtxtPtr	 ctxt;	/* one dictionary for the input's files */
	const char		*name;	/* the file being parsed */
	struct xmlerrs		*errs;	/* its syntax errors */
	int			 errors;
};

/* libxml2 is never to open anything itself: no DTD, no entity, no
 * XInclude (parse.c includes files through infile.c). */
static xmlParserInputPtr
refuse_all(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	(void)url;
	(void)id;
	(void)ctxt;
	return NULL;
}

/* A parser for one input; see xmlin.h. */
struct xmlin *
xmlin_new(struct diags *d, struct srcmap *m)
{
	struct xmlin *x = xcalloc(1, sizeof(*x));

	x->d = d;
	x->m = m;
	x->errs = xmlerrs_new();
	xmlSetExternalEntityLoader(refuse_all);
	if ((x->ctxt = xmlNewParserCtxt()) == NULL) {
		xmlerrs_free(x->errs);
		free(x);
		return NULL;
	}
	return x;
}

/* Free a parser; see xmlin.h. */
void
xmlin_free(struct xmlin *x)
{
	if (x == NULL)
		return;
	xmlFreeParserCtxt(x->ctxt);
	xmlerrs_free(x->errs);
	free(x);
}

/* Syntax errors are kept, then reported once per root cause. */
static void
on_parse_error(void *ctx, xmlErrorPtr e)
{
	struct xmlin *x = ctx;

	xmlerrs_add(x->errs, e);
}

/* Look through the prolog (XML declaration, comments, processing
 * instructions) for a DOCTYPE, so that no DTD is ever parsed.  Returns 1
 * and its byte offset when one is found. */
static int
find_doctype(const char *s, size_t n, size_t *at)
{
	size_t i = 0;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		    s[i] == '\n'))
			i++;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);

			if (e == NULL)
				return 0;
			i = (size_t)(e - s) + 3;
		} else if (i + 2 <= n && memcmp(s + i, "<?", 2) == 0) {
			const char *e = memmem(s + i + 2, n - i - 2, "?>", 2);

			if (e == NULL)
				return 0;
			i = (size_t)(e - s) + 2;
		} else
			break;
	}
	if (i + 9 > n || memcmp(s + i, "<!DOCTYPE", 9) != 0)
		return 0;
	*at = i;
	return 1;
}

/* UTF-16 with a byte-order mark, as UTF-8 (a new string), else NULL. */
static char *
from_utf16(const char *data, size_t len, size_t *outlen)
{
	const char *enc = NULL;
	gsize w = 0;
	char *u;

	if (len >= 2 && (unsigned char)data[0] == 0xFF && (unsigned char)data[1] == 0xFE)
		enc = "UTF-16LE";
	else if (len >= 2 && (unsigned char)data[0] == 0xFE &&
	    (unsigned char)data[1] == 0xFF)
		enc = "UTF-16BE";
	if (enc == NULL)
		return NULL;
	u = g_convert(data + 2, (gssize)(len - 2), "UTF-8", enc, NULL, &w, NULL);
	if (u == NULL)
		return NULL;
	*outlen = w;
	return u;
}

/* Whether data holds only white space; see xmlin.h. */
int
xmlin_blank(const char *data, size_t len)
{
	for (size_t i = 0; i < len; i++)
		if (!strchr(" \t\r\n", data[i]) || data[i] == '\0')
			return 0;
	return 1;
}

/* An error at byte at of file f, the input refused before parsing. */
static void __attribute__((format(printf, 4, 5)))
refuse(struct xmlin *x, int f, size_t at, const char *fmt, ...)
{
	struct srcpos p = srcmap_at(x->m, f, at);
	char *msg;
	va_list ap;

	va_start(ap, fmt);
	msg = g_strdup_vprintf(fmt, ap);
	va_end(ap);
	diag(x->d, DIAG_ERROR, p.file, p.line, p.col, "%s", msg);
	g_free(msg);
}

/* Attributes an element may have (the schema's elements have at most
 * ten, namespace declarations included). */
#define XMLIN_MAX_ATTRS	64

/* Parse one file; see xmlin.h. */
xmlDocPtr
xmlin_parse(struct xmlin *x, const char *name, const char *data, size_t len)
{
	int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES;
	char *utf8 = NULL;
	size_t at, ulen = 0;
	xmlDocPtr doc;
	int f;

	if ((utf8 = from_utf16(data, len, &ulen)) != NULL) {
		data = utf8;
		len = ulen;
		opts |= XML_PARSE_IGNORE_ENC;
	}
	f = srcmap_add(x->m, name, data, len);
	x->name = srcmap_name(x->m, f);
	diags_source(x->d, x->name, data, len);
	x->errors = 0;
	if (xmlin_blank(data, len)) {
		diag(x->d, DIAG_ERROR, x->name, 1, 1, "empty file: expected an XML "
		    "document");
		g_free(utf8);
		return NULL;
	}
	/* What libxml2 must never see: a DTD, and what it handles in
	 * quadratic time. */
	if (find_doctype(data, len, &at))
		refuse(x, f, at, "%s", "document type declarations are not allowed "
		    "(DTDs and entities are never loaded); remove the <!DOCTYPE ...>");
	else if ((at = streamsafe_check(data, len)) != (size_t)-1)
		refuse(x, f, at, "more than %d combining marks in a row on one "
		    "character (Unicode's stream-safe limit)", STREAMSAFE_MAX);
	else if (srcmap_crowded(x->m, f, XMLIN_MAX_ATTRS, &at))
		refuse(x, f, at, "this element has more than %d attributes; no "
		    "element of a briefing needs so many", XMLIN_MAX_ATTRS);
	else
		at = (size_t)-1;
	if (at != (size_t)-1) {
		g_free(utf8);
		return NULL;
	}
	xmlSetStructuredErrorFunc(x, on_parse_error);
	doc = xmlCtxtReadMemory(x->ctxt, data, (int)len, x->name, NULL, opts);
	xmlSetStructuredErrorFunc(NULL, NULL);
	x->errors = xmlerrs_report(x->errs, x->m, f, x->d);
	g_free(utf8);
	if (doc && (doc->intSubset || doc->extSubset)) {
		diag(x->d, DIAG_ERROR, x->name, 1, 1, "document type declarations "
		    "are not allowed; remove the <!DOCTYPE ...>");
		x->errors++;
	}
	if (doc == NULL || x->errors) {
		if (doc == NULL && x->errors == 0)
			diag(x->d, DIAG_ERROR, x->name, 1, 1, "not a well-formed XML "
			    "document");
		xmlFreeDoc(doc);
		return NULL;
	}
	srcmap_bind(x->m, f, xmlDocGetRootElement(doc));
	return doc;
}

/* ---- RELAX NG ----------------------------------------------------------- */

/* What libxml2's validator found: only whether the document is valid,
 * and the first node it did not accept (its words are never shown). */
struct vctx {
	int		 errors;
	xmlNodePtr	 first;
};

static void
on_valid_error(void *ctx, xmlErrorPtr e)
{
	struct vctx *v = ctx;

	if (v->first == NULL && e->node)
		v->first = e->node;
	v->errors++;
}

/* Compiled schemas, by the address of their text. */
static struct {
	const char	*text;
	xmlRelaxNGPtr	 rng;
} compiled[4];

static xmlRelaxNGPtr
compile(const char *text, size_t len)
{
	xmlRelaxNGParserCtxtPtr pc;
	int i;

	for (i = 0; i < 4 && compiled[i].text; i++)
		if (compiled[i].text == text)
			return compiled[i].rng;
	if (i == 4)
		return NULL;
	pc = xmlRelaxNGNewMemParserCtxt(text, (int)len);
	compiled[i].rng = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	compiled[i].text = compiled[i].rng ? text : NULL;
	return compiled[i].rng;
}

/* The tables generated from a built-in schema's text. */
static const struct rng_grammar *
tables(const char *schema)
{
	if (schema == schema_story_rng)
		return &rng_story;
	if (schema == schema_layout_rng)
		return &rng_layout;
	return NULL;
}

/* Check a document against a schema; see xmlin.h.  libxml2 decides; the
 * schema's tables say what is wrong, in plain words, at its place. */
int
xmlin_validate(struct xmlin *x, xmlDocPtr doc, const char *schema, size_t len)
{
	struct vctx v = { 0, NULL };
	xmlRelaxNGPtr rng = compile(schema, len);
	const struct rng_grammar *g = tables(schema);
	xmlRelaxNGValidCtxtPtr vc;
	int r, errors = 0;

	if (rng == NULL) {
		diag(x->d, DIAG_ERROR, NULL, 0, 0, "internal error: a schema does "
		    "not compile");
		return 1;
	}
	vc = xmlRelaxNGNewValidCtxt(rng);
	xmlRelaxNGSetValidStructuredErrors(vc, on_valid_error, &v);
	r = xmlRelaxNGValidateDoc(vc, doc);
	xmlRelaxNGFreeValidCtxt(vc);
	if (r == 0)
		return 0;
	if (g)
		errors = schemacheck(g, doc, x->m, x->d, x->name);
	if (errors == 0) {
		xmlNodePtr n = v.first ? v.first : xmlDocGetRootElement(doc);
		struct srcpos p = srcmap_node(x->m, n);

		if (p.file == NULL || p.line <= 0) {
			p.file = x->name;
			p.line = n && xmlGetLineNo(n) > 0 ? (int)xmlGetLineNo(n) : 1;
			p.col = 1;
		}
		diag(x->d, DIAG_ERROR, p.file, p.line, p.col > 0 ? p.col : 1,
		    "<%s> does not match the schema here (see 'briefing schema')",
		    n && n->name ? (const char *)n->name : "?");
		errors = 1;
	}
	return errors;
}

/* Forget compiled schemas; see xmlin.h. */
void
xmlin_cleanup(void)
{
	for (int i = 0; i < 4; i++) {
		if (compiled[i].rng)
			xmlRelaxNGFree(compiled[i].rng);
		compiled[i].rng = NULL;
		compiled[i].text = NULL;
	}
}
