/* xmlerr.c: the parser's errors, one per root cause, in plain words (see
 * xmlerr.h). */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "read/xmlerr.h"

struct perr {
	int	 code, warning, line, col, int1;
	char	*str1, *str2;
	int	 bare_amp, bad_tag, bad_attr, utf8, depth, charref;	/* which kind */
};

struct xmlerrs {
	struct perr	*v;
	size_t		 n, cap;
	int		 stopped;	/* a structural error: the rest cascades */
};

/* An empty list; see xmlerr.h. */
struct xmlerrs *
xmlerrs_new(void)
{
	return xcalloc(1, sizeof(struct xmlerrs));
}

static void
clear(struct xmlerrs *l)
{
	for (size_t i = 0; i < l->n; i++) {
		free(l->v[i].str1);
		free(l->v[i].str2);
	}
	l->n = 0;
	l->stopped = 0;
}

/* Free the list; see xmlerr.h. */
void
xmlerrs_free(struct xmlerrs *l)
{
	if (l == NULL)
		return;
	clear(l);
	free(l->v);
	free(l);
}

/* Errors that stand alone: after them the parser goes on reading the
 * same structure, so what it reports next is a cause of its own. */
static int
independent(const struct perr *p)
{
	switch (p->code) {
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_CHARREF:
	case XML_ERR_ENTITYREF_NO_NAME:
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
	case XML_ERR_ATTRIBUTE_REDEFINED:
	case XML_ERR_MISPLACED_CDATA_END:
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
	case XML_NS_ERR_ATTRIBUTE_REDEFINED:
	case XML_WAR_LANG_VALUE:
		return 1;
	case XML_ERR_NAME_REQUIRED:
		return p->bare_amp;
	case XML_ERR_INVALID_CHAR:
		return !p->utf8;
	default:
		return p->warning;
	}
}

/* Keep one error; see xmlerr.h.  libxml2's message is looked at only to
 * tell apart kinds that share a code; it is never shown. */
void
xmlerrs_add(struct xmlerrs *l, const xmlError *e)
{
	const char *m = e->message ? e->message : "";
	struct perr *p;

	if (l->stopped)
		return;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(*l->v));
	p = &l->v[l->n++];
	memset(p, 0, sizeof(*p));
	p->code = e->code;
	p->warning = e->level == XML_ERR_WARNING;
	p->line = e->line > 0 ? e->line : 1;
	p->col = e->int2 > 0 ? e->int2 : 1;
	p->int1 = e->int1;
	p->str1 = e->str1 ? xstrdup(e->str1) : NULL;
	p->str2 = e->str2 ? xstrdup(e->str2) : NULL;
	p->bare_amp = strstr(m, "EntityRef") != NULL;
	p->bad_tag = strstr(m, "StartTag") != NULL;
	p->bad_attr = strstr(m, "attribute name") != NULL;
	p->utf8 = strstr(m, "UTF-8") != NULL;
	p->depth = strstr(m, "Excessive depth") != NULL;
	p->charref = strstr(m, "CharRef") != NULL;
	if (!independent(p))
		l->stopped = 1;
}

/* ---- the element left open ------------------------------------------ */

struct open {
	size_t	 off, name, nlen;
};

static size_t
skip_to(const char *s, size_t n, size_t i, const char *end)
{
	const char *e = memmem(s + i, n - i, end, strlen(end));

	return e ? (size_t)(e - s) + strlen(end) : n;
}

static size_t
name_len(const char *s, size_t n, size_t i)
{
	size_t k = i;

	while (k < n && !strchr(" \t\r\n/>", s[k]))
		k++;
	return k - i;
}

/* The end of a start tag from i (past its '>'), its quotes respected;
 * *empty when it ends "/>". */
static size_t
tag_end(const char *s, size_t n, size_t i, int *empty)
{
	char q = 0;

	for (; i < n; i++) {
		if (q) {
			if (s[i] == q)
				q = 0;
		} else if (s[i] == '"' || s[i] == '\'')
			q = s[i];
		else if (s[i] == '>') {
			*empty = i > 0 && s[i - 1] == '/';
			return i + 1;
		}
	}
	*empty = 0;
	return n;
}

static void
say(struct diags *d, const struct srcmap *m, int f, size_t off,
    const char *msg)
{
	struct srcpos p = srcmap_at(m, f, off);

	diag(d, DIAG_ERROR, p.file, p.line, p.col, "%s", msg);
}

/* An end tag that does not match the element open: find, by walking the
 * tags from the start, which element was left open (or which end tag
 * closes nothing), and say so at its place.  Returns 1 when found. */
static int
unbalanced(const struct srcmap *m, int f, struct diags *d)
{
	size_t n, i = 0, depth = 0, cap = 0;
	const char *s = srcmap_data(m, f, &n);
	struct open *st = NULL;
	char *msg = NULL;
	int empty;

	while (i < n && msg == NULL) {
		if (s[i] != '<') {
			i++;
		} else if (n - i >= 4 && memcmp(s + i, "<!--", 4) == 0) {
			i = skip_to(s, n, i + 4, "-->");
		} else if (n - i >= 9 && memcmp(s + i, "<![CDATA[", 9) == 0) {
			i = skip_to(s, n, i + 9, "]]>");
		} else if (n - i >= 2 && (s[i + 1] == '?' || s[i + 1] == '!')) {
			i = skip_to(s, n, i + 2, s[i + 1] == '?' ? "?>" : ">");
		} else if (n - i >= 2 && s[i + 1] == '/') {
			size_t nl = name_len(s, n, i + 2), k = depth;
			const struct open *top = depth ? &st[depth - 1] : NULL;

			while (k > 0 && (st[k - 1].nlen != nl ||
			    memcmp(s + st[k - 1].name, s + i + 2, nl) != 0))
				k--;
			if (k == depth && depth > 0) {
				depth--;
				i = skip_to(s, n, i, ">");
				continue;
			}
			if (k > 0) {
				msg = xasprintf("<%.*s> is never closed: write </%.*s> "
				    "before </%.*s>", (int)top->nlen, s + top->name,
				    (int)top->nlen, s + top->name, (int)nl, s + i + 2);
				i = top->off;
			} else if (top && top->nlen == nl &&
			    strncasecmp(s + top->name, s + i + 2, nl) == 0)
				msg = xasprintf("</%.*s> does not close <%.*s>: the "
				    "names must match exactly, in case too", (int)nl,
				    s + i + 2, (int)top->nlen, s + top->name);
			else if (top)
				msg = xasprintf("</%.*s> closes nothing: the element "
				    "open here is <%.*s>", (int)nl, s + i + 2,
				    (int)top->nlen, s + top->name);
			else
				msg = xasprintf("</%.*s> closes nothing: no element "
				    "is open here", (int)nl, s + i + 2);
		} else {
			size_t at = i;

			i = tag_end(s, n, i + 1, &empty);
			if (!empty) {
				st = xgrow(st, &cap, depth + 1, sizeof(*st));
				st[depth].off = at;
				st[depth].name = at + 1;
				st[depth++].nlen = name_len(s, n, at + 1);
			}
		}
	}
	if (msg == NULL && depth > 0) {
		const struct open *top = &st[depth - 1];

		msg = xasprintf("<%.*s> is never closed: the file ends before its "
		    "</%.*s>", (int)top->nlen, s + top->name, (int)top->nlen,
		    s + top->name);
		i = top->off;
	}
	if (msg)
		say(d, m, f, i, msg);
	free(msg);
	free(st);
	return msg != NULL;
}

/* Where the first open that no close follows stands (a comment or a
 * CDATA section left open); returns 1 and reports msg there. */
static int
unterminated(const struct srcmap *m, int f, struct diags *d, const char *open,
    const char *close, const char *msg)
{
	size_t n, i = 0;
	const char *s = srcmap_data(m, f, &n);

	while (i < n) {
		const char *o = memmem(s + i, n - i, open, strlen(open));
		size_t at;

		if (o == NULL)
			return 0;
		at = (size_t)(o - s);
		i = skip_to(s, n, at + strlen(open), close);
		if (i == n && memcmp(s + n - strlen(close), close,
		    strlen(close)) != 0) {
			say(d, m, f, at, msg);
			return 1;
		}
	}
	return 0;
}

/* ---- plain words ---------------------------------------------------- */

/* HTML's entities people write most, and their characters. */
static const struct {
	const char	*name, *utf8;
	int		 code;
} html[] = {
	{ "nbsp", "a no-break space", 160 }, { "mdash", "—", 8212 },
	{ "ndash", "–", 8211 }, { "hellip", "…", 8230 },
	{ "rsquo", "’", 8217 }, { "lsquo", "‘", 8216 },
	{ "ldquo", "“", 8220 }, { "rdquo", "”", 8221 },
	{ "copy", "©", 169 }, { "reg", "®", 174 },
	{ "trade", "™", 8482 }, { "euro", "€", 8364 },
	{ "pound", "£", 163 }, { "deg", "°", 176 },
	{ "times", "×", 215 }, { "middot", "·", 183 },
	{ "bull", "•", 8226 }, { "eacute", "é", 233 },
};

/* An entity XML does not predefine: the character to type instead. */
static char *
undeclared(const char *name)
{
	for (size_t i = 0; i < sizeof(html) / sizeof(html[0]); i++)
		if (strcmp(html[i].name, name) == 0)
			return xasprintf("&%s; is not an XML entity: type %s itself, "
			    "or write &#%d; (XML knows only &amp; &lt; &gt; &quot; "
			    "and &apos;)", name, html[i].utf8, html[i].code);
	return xasprintf("&%s; is not an XML entity: XML knows only &amp; "
	    "&lt; &gt; &quot; and &apos;; type the character itself, or write "
	    "its number (&#NNN;)", name);
}

/* The plain message for an error in the markup: attributes, comments,
 * declarations, tags (a new string). */
static char *
plain_markup(const struct perr *p)
{
	const char *s1 = p->str1 ? p->str1 : "";

	switch (p->code) {
	case XML_ERR_LT_IN_ATTRIBUTE:
		return xstrdup("a '<' inside an attribute's value: is the closing "
		    "quote of a value before here missing? (a '<' in a value is "
		    "written &lt;)");
	case XML_ERR_ATTRIBUTE_NOT_STARTED:
		return xstrdup("an attribute's value must be in quotes: "
		    "name=\"value\"");
	case XML_ERR_ATTRIBUTE_NOT_FINISHED:
	case XML_ERR_LITERAL_NOT_FINISHED:
	case XML_ERR_STRING_NOT_CLOSED:
		return xstrdup("an attribute's value is not closed: its closing "
		    "quote is missing");
	case XML_ERR_ATTRIBUTE_WITHOUT_VALUE:
		return xasprintf("the attribute %s has no value: write %s=\"...\"",
		    s1, s1);
	case XML_ERR_ATTRIBUTE_REDEFINED:
	case XML_NS_ERR_ATTRIBUTE_REDEFINED:
		return xasprintf("the attribute %s is given twice on this element: "
		    "keep one", s1);
	case XML_ERR_COMMENT_NOT_FINISHED:
		return xstrdup("a comment is not closed: end it with -->");
	case XML_ERR_HYPHEN_IN_COMMENT:
		return xstrdup("-- may not stand inside a comment: write it "
		    "another way (e.g. - -)");
	case XML_ERR_PI_NOT_FINISHED:
	case XML_ERR_PI_NOT_STARTED:
		return xstrdup("a processing instruction <?...?> is not closed: "
		    "end it with ?>");
	case XML_ERR_CDATA_NOT_FINISHED:
		return xstrdup("a <![CDATA[ section is not closed: end it with ]]>");
	case XML_ERR_MISPLACED_CDATA_END:
		return xstrdup("]]> may not stand in text: write ]]&gt;");
	case XML_ERR_RESERVED_XML_NAME:
	case XML_ERR_XMLDECL_NOT_STARTED:
		return xstrdup("the XML declaration <?xml ...?> may only stand at "
		    "the very start of the file: remove what comes before it");
	case XML_ERR_XMLDECL_NOT_FINISHED:
	case XML_ERR_VERSION_MISSING:
	case XML_ERR_UNKNOWN_VERSION:
	case XML_WAR_UNKNOWN_VERSION:
		return xstrdup("the XML declaration is malformed: write <?xml "
		    "version=\"1.0\" encoding=\"UTF-8\"?>");
	case XML_ERR_UNSUPPORTED_ENCODING:
	case XML_ERR_UNKNOWN_ENCODING:
	case XML_ERR_ENCODING_NAME:
	case XML_ERR_INVALID_ENCODING:
		return xstrdup("this encoding cannot be read: save the file as "
		    "UTF-8 and write encoding=\"UTF-8\"");
	case XML_ERR_SPACE_REQUIRED:
		return xstrdup("attributes must be separated by a space");
	case XML_ERR_GT_REQUIRED:
		return xstrdup("the tag is not finished: a '>' is missing");
	case XML_ERR_LTSLASH_REQUIRED:
		return xstrdup("an end tag </...> is expected here");
	case XML_ERR_EQUAL_REQUIRED:
		return xstrdup("an attribute name must be followed by = and a "
		    "quoted value");
	case XML_ERR_TAG_NAME_MISMATCH:
		return xasprintf("<%s> (line %d) is closed by </%s>: write </%s> "
		    "first", s1, p->int1, p->str2 ? p->str2 : "?", s1);
	case XML_ERR_TAG_NOT_FINISHED:
		return xasprintf("<%s> (line %d) is never closed: the file ends "
		    "before its </%s>", s1, p->int1, s1);
	case XML_NS_ERR_UNDEFINED_NAMESPACE:
		return xasprintf("the prefix %s: is not declared: add xmlns:%s=\"...\" "
		    "(for XInclude, xmlns:xi=\"http://www.w3.org/2001/XInclude\")",
		    s1, s1);
	case XML_WAR_LANG_VALUE:
		return xasprintf("xml:lang=\"%s\" is not a language tag: use one "
		    "such as en, en-GB or de", s1);
	default:
		return xstrdup("this is not well-formed XML: check the markup "
		    "here (tags, quotes, & and <)");
	}
}

/* The plain message for one error (a new string). */
static char *
plain(const struct perr *p)
{
	const char *s1 = p->str1 ? p->str1 : "";

	if (p->depth)
		return xstrdup("elements are nested too deeply: at most 256 levels "
		    "are allowed");
	switch (p->code) {
	case XML_ERR_DOCUMENT_START:
	case XML_ERR_DOCUMENT_EMPTY:
		return xstrdup("the document must begin with its element (<story "
		    "...> or <briefing ...>); only the XML declaration, comments "
		    "and white space may come before it");
	case XML_ERR_DOCUMENT_END:
		return xstrdup("something follows the end of the document's "
		    "element: a file holds one element (a <story> or a "
		    "<briefing>); remove this or move it inside");
	case XML_ERR_INVALID_HEX_CHARREF:
	case XML_ERR_INVALID_DEC_CHARREF:
	case XML_ERR_INVALID_CHARREF:
		return xstrdup("this character reference (&#...;) names a "
		    "character XML does not allow");
	case XML_ERR_INVALID_CHAR:
		if (p->charref)
			return xstrdup("this character reference (&#...;) names a "
			    "character XML does not allow");
		if (p->utf8)
			return xstrdup("the file is not UTF-8 here: save it as "
			    "UTF-8, or name its encoding in <?xml version=\"1.0\" "
			    "encoding=\"...\"?>");
		return xstrdup("a control character, which XML does not allow: "
		    "remove it");
	case XML_ERR_ENTITYREF_NO_NAME:
	case XML_ERR_NAME_REQUIRED:
		if (p->bare_amp)
			return xstrdup("a bare & must be written &amp;");
		if (p->bad_tag)
			return xstrdup("a bare < must be written &lt; (a < starts a "
			    "tag, and no element name follows it here)");
		if (p->bad_attr)
			return xstrdup("expected an attribute name or the '>' that "
			    "ends the tag: is a '>' or a quote missing before here?");
		return xstrdup("a name is missing here");
	case XML_ERR_ENTITYREF_SEMICOL_MISSING:
		return xstrdup("an entity must end with ';' (&amp; &lt; &gt; "
		    "&quot; &apos;); a bare & must be written &amp;");
	case XML_ERR_UNDECLARED_ENTITY:
	case XML_WAR_UNDECLARED_ENTITY:
		return undeclared(s1);
	default:
		return plain_markup(p);
	}
}

/* The column of the '&' an entity error is about: libxml2 reports the
 * place after the reference; the '&' before it is what to fix. */
static int
amp_col(const struct srcmap *m, const char *file, int line, int col)
{
	size_t len, i = 0, at = (size_t)-1;
	const char *s = srcmap_line(m, file, line, &len);
	int c = 1, ampc = col;

	if (s == NULL)
		return col;
	for (; i < len && c < col; c++) {
		if (s[i] == '&') {
			at = i;
			ampc = c;
		}
		i += g_utf8_skip[(unsigned char)s[i]];
	}
	return at == (size_t)-1 ? col : ampc;
}

/* The byte of line (its text s, len bytes) where column col stands. */
static size_t
col_byte(const char *s, size_t len, int col)
{
	size_t i = 0;

	for (int c = 1; i < len && c < col; c++)
		i += g_utf8_skip[(unsigned char)s[i]];
	return i < len ? i : len;
}

/* An attribute given twice: the column of its second name on the line,
 * which libxml2 reports past; col when not found. */
static int
second_attr_col(const struct srcmap *m, const char *file, int line, int col,
    const char *name)
{
	size_t len, nl = strlen(name), end;
	const char *s = srcmap_line(m, file, line, &len);

	if (s == NULL || nl == 0)
		return col;
	for (end = col_byte(s, len, col); end > nl; end--)
		if (strchr(" \t", s[end - nl - 1]) &&
		    memcmp(s + end - nl, name, nl) == 0)
			return (int)g_utf8_strlen(s, (gssize)(end - nl)) + 1;
	return col;
}

/* A '<' inside a value: most often the value before it lost its closing
 * quote.  Reports, at that attribute (the last name=" before the '<'),
 * that its quote is missing; returns 0 when there is none to name. */
static int
open_quote(const struct srcmap *m, int f, struct diags *d, int line, int col)
{
	size_t n, at, i;
	const char *s = srcmap_data(m, f, &n), *l;
	char *msg;

	if ((l = srcmap_line(m, srcmap_name(m, f), line, &i)) == NULL)
		return 0;
	at = (size_t)(l - s) + col_byte(l, i, col);
	for (i = at; i > 1; i--)
		if (s[i - 1] == '"' || s[i - 1] == '\'') {
			size_t eq = i - 2, name;

			while (eq > 0 && strchr(" \t\r\n", s[eq]))
				eq--;
			if (s[eq] != '=')
				return 0;
			while (eq > 0 && strchr(" \t\r\n", s[eq - 1]))
				eq--;
			for (name = eq; name > 0 && !strchr(" \t\r\n<", s[name - 1]);
			    name--)
				;
			if (name == eq)
				return 0;
			msg = xasprintf("the value of %.*s= has no closing quote: add "
			    "it (a '<' in a value is written &lt;)", (int)(eq - name),
			    s + name);
			say(d, m, f, name, msg);
			free(msg);
			return 1;
		}
	return 0;
}

/* Report the errors kept; see xmlerr.h. */
int
xmlerrs_report(struct xmlerrs *l, const struct srcmap *m, int f,
    struct diags *d)
{
	const char *file = srcmap_name(m, f);
	int errors = 0;

	for (size_t i = 0; i < l->n; i++) {
		const struct perr *p = &l->v[i];
		char *msg;

		errors += !p->warning;
		if ((p->code == XML_ERR_TAG_NAME_MISMATCH ||
		    p->code == XML_ERR_TAG_NOT_FINISHED) && unbalanced(m, f, d))
			continue;
		if (p->code == XML_ERR_COMMENT_NOT_FINISHED && unterminated(m, f,
		    d, "<!--", "-->", "this comment is never closed: end it with "
		    "-->"))
			continue;
		if (p->code == XML_ERR_CDATA_NOT_FINISHED && unterminated(m, f,
		    d, "<![CDATA[", "]]>", "this <![CDATA[ section is never "
		    "closed: end it with ]]>"))
			continue;
		if (p->code == XML_ERR_LT_IN_ATTRIBUTE && open_quote(m, f, d,
		    p->line, p->col))
			continue;
		if (p->code == XML_ERR_ATTRIBUTE_REDEFINED && p->str1) {
			msg = plain(p);
			diag(d, DIAG_ERROR, file, p->line, second_attr_col(m, file,
			    p->line, p->col, p->str1), "%s", msg);
			free(msg);
			continue;
		}
		msg = plain(p);
		diag(d, p->warning ? DIAG_WARNING : DIAG_ERROR, file, p->line,
		    p->bare_amp || p->code == XML_ERR_ENTITYREF_SEMICOL_MISSING ||
		    p->code == XML_ERR_UNDECLARED_ENTITY ||
		    p->code == XML_WAR_UNDECLARED_ENTITY ? amp_col(m, file, p->line,
		    p->col) : p->col, "%s", msg);
		free(msg);
	}
	clear(l);
	return errors;
}
