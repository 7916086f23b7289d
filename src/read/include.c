/* include.c: XInclude through infile.c and xmlin.c (see include.h). */
#include <limits.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/infile.h"
#include "base/util.h"
#include "read/include.h"
#include "read/streamsafe.h"

#define XI_NS		"http://www.w3.org/2001/XInclude"
#define MAX_DEPTH	32	/* files including files */

/* A file being included, and the one including it: a loop is a file
 * already on this chain. */
struct frame {
	const char	*real;
	const struct frame *up;
};

/* Add a path; see include.h. */
void
filelist_add(struct filelist *l, const char *path)
{
	if (l == NULL)
		return;
	for (size_t i = 0; i < l->n; i++)
		if (strcmp(l->v[i], path) == 0)
			return;
	l->v = xgrow(l->v, &l->cap, l->n + 1, sizeof(char *));
	l->v[l->n++] = xstrdup(path);
}

/* Free a list; see include.h. */
void
filelist_free(struct filelist *l)
{
	for (size_t i = 0; i < l->n; i++)
		free(l->v[i]);
	free(l->v);
	memset(l, 0, sizeof(*l));
}

static int
is_xi(const xmlNode *n, const char *local)
{
	return n->type == XML_ELEMENT_NODE && n->ns && n->ns->href &&
	    strcmp((const char *)n->ns->href, XI_NS) == 0 &&
	    strcmp((const char *)n->name, local) == 0;
}

/* Every <xi:include> at or below n, in document order, not looking
 * inside one (its fallback is handled if it is used). */
static void
find_includes(xmlNodePtr top, xmlNodePtr **v, size_t *nv, size_t *cap)
{
	xmlNodePtr n = top;

	while (n) {
		int down = 0;

		if (is_xi(n, "include")) {
			*v = xgrow(*v, cap, *nv + 1, sizeof(xmlNodePtr));
			(*v)[(*nv)++] = n;
		} else if (n->type == XML_ELEMENT_NODE && n->children) {
			n = n->children;
			down = 1;
		}
		if (down)
			continue;
		while (n && n != top && n->next == NULL)
			n = n->parent;
		if (n == NULL || n == top)
			break;
		n = n->next;
	}
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetNoNsProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

/* href relative to the folder of the file that names it. */
static char *
resolve(const char *from, const char *href)
{
	char *dir, *p;

	if (strncmp(href, "file://", 7) == 0)
		href += 7;
	if (href[0] == '/')
		return xstrdup(href);
	dir = infile_dirname(from);
	p = strcmp(dir, ".") == 0 ? xstrdup(href) : xasprintf("%s/%s", dir, href);
	free(dir);
	return p;
}

static int process_list(struct include_ctx *, xmlNodePtr, const char *,
    const struct frame *, int);

static int error_at(struct include_ctx *, const xmlNode *, const char *, ...)
    __attribute__((format(printf, 3, 4)));

/* An error at an include element; returns 1 (one error). */
static int
error_at(struct include_ctx *c, const xmlNode *n, const char *fmt, ...)
{
	struct srcpos p = srcmap_node(c->m, n);
	char msg[1024];
	va_list ap;

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag(c->d, DIAG_ERROR, p.file, p.line, p.col, "%s", msg);
	return 1;
}

/* A file that does not exist: its <xi:fallback>'s content stands in. */
static int
use_fallback(struct include_ctx *c, xmlNodePtr inc, xmlNodePtr fb,
    const char *name, const struct frame *up, int depth)
{
	xmlNodePtr *moved = NULL;
	size_t n = 0, cap = 0;
	int errors = 0;

	for (xmlNodePtr k = fb->children, next; k; k = next) {
		next = k->next;
		xmlUnlinkNode(k);
		if (k->type == XML_ELEMENT_NODE) {
			moved = xgrow(moved, &cap, n + 1, sizeof(*moved));
			moved[n++] = k;
		}
		xmlAddPrevSibling(inc, k);
	}
	xmlUnlinkNode(inc);
	xmlFreeNode(inc);
	/* What came in may include files of its own (each element is
	 * processed once, even when an include replaces it). */
	for (size_t i = 0; i < n; i++)
		errors += process_list(c, moved[i], name, up, depth);
	free(moved);
	return errors;
}

/* Where the text of a text include goes wrong: not UTF-8, or a control
 * character XML does not allow.  Returns 0 when it is fine. */
static int
check_text(struct include_ctx *c, const char *path, const char *s, size_t n,
    int converted)
{
	const char *end = NULL;
	size_t at;
	int f;

	if (!g_utf8_validate(s, (gssize)n, &end)) {
		f = srcmap_add(c->m, path, s, n);
		{
			struct srcpos p = srcmap_at(c->m, f, (size_t)(end - s));

			diag(c->d, DIAG_ERROR, p.file, p.line, p.col, "not UTF-8 text%s",
			    converted ? "" : "; name its encoding with encoding=\"...\" "
			    "on the include");
		}
		return 1;
	}
	if ((at = streamsafe_check(s, n)) != (size_t)-1) {
		struct srcpos p;

		f = srcmap_add(c->m, path, s, n);
		p = srcmap_at(c->m, f, at);
		diag(c->d, DIAG_ERROR, p.file, p.line, p.col, "more than %d combining "
		    "marks in a row on one character (Unicode's stream-safe limit)",
		    STREAMSAFE_MAX);
		return 1;
	}
	for (size_t i = 0; i < n; i++) {
		unsigned char ch = (unsigned char)s[i];

		if (ch < 0x20 && ch != '\t' && ch != '\n' && ch != '\r') {
			struct srcpos p;

			f = srcmap_add(c->m, path, s, n);
			p = srcmap_at(c->m, f, i);
			diag(c->d, DIAG_ERROR, p.file, p.line, p.col, "control character "
			    "U+%04X is not allowed in XML text", (unsigned)ch);
			return 1;
		}
	}
	return 0;
}

/* parse="text": the file's characters replace the include. */
static int
include_text(struct include_ctx *c, xmlNodePtr inc, const char *path,
    char *data, size_t len, const char *enc)
{
	char *conv = NULL;
	gsize w = 0;
	xmlNodePtr t;

	if (enc && g_ascii_strcasecmp(enc, "UTF-8") != 0 &&
	    g_ascii_strcasecmp(enc, "US-ASCII") != 0) {
		conv = g_convert(data, (gssize)len, "UTF-8", enc, NULL, &w, NULL);
		if (conv == NULL)
			return error_at(c, inc, "%s is not text in the encoding "
			    "'%s' (or that encoding is unknown)", path, enc);
		data = conv;
		len = w;
	}
	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0) {
		data += 3;
		len -= 3;
	}
	if (check_text(c, path, data, len, conv != NULL)) {
		g_free(conv);
		return 1;
	}
	t = xmlNewDocTextLen(inc->doc, (const xmlChar *)data, (int)len);
	g_free(conv);
	xmlReplaceNode(inc, t);
	xmlFreeNode(inc);
	return 0;
}

/* parse="xml": the file's root element replaces the include, after its
 * own includes are done. */
static int
include_xml(struct include_ctx *c, xmlNodePtr inc, const char *path,
    const char *data, size_t len, const struct frame *fr, int depth)
{
	size_t i = 0;
	int before = diags_errors(c->d), errors;
	xmlDocPtr sub;
	xmlNodePtr root;

	if (len >= 3 && memcmp(data, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	while (i < len && strchr(" \t\r\n", data[i]))
		i++;
	if (i < len && data[i] != '<' && (unsigned char)data[0] != 0xFF &&
	    (unsigned char)data[0] != 0xFE)
		return error_at(c, inc, "%s is not XML; to include it as text, "
		    "write parse=\"text\"", path);
	if ((sub = xmlin_parse(c->x, path, data, len)) == NULL) {
		errors = diags_errors(c->d) - before;
		return errors > 0 ? errors : 1;
	}
	root = xmlDocGetRootElement(sub);
	errors = process_list(c, root, path, fr, depth + 1);
	root = xmlDocGetRootElement(sub);	/* an include may have been it */
	if (root) {
		xmlUnlinkNode(root);
		xmlSetTreeDoc(root, inc->doc);
		xmlReplaceNode(inc, root);
		xmlFreeNode(inc);
	}
	xmlFreeDoc(sub);
	return errors;
}

static xmlNodePtr
fallback_of(xmlNodePtr inc)
{
	for (xmlNodePtr k = inc->children; k; k = k->next)
		if (is_xi(k, "fallback"))
			return k;
	return NULL;
}

/* Check an include's attributes; 0 when it can go ahead. */
static int
check_include(struct include_ctx *c, xmlNodePtr inc, const char *href,
    const char *parse, int depth)
{
	if (href == NULL || *href == '\0')
		return error_at(c, inc, "<xi:include> needs href=\"...\": the file "
		    "to include");
	if (xmlHasProp(inc, (const xmlChar *)"xpointer"))
		return error_at(c, inc, "xpointer is not supported: include a whole "
		    "file");
	if (parse && strcmp(parse, "xml") != 0 && strcmp(parse, "text") != 0)
		return error_at(c, inc, "parse=\"%s\" is not allowed; use xml or "
		    "text", parse);
	if (strstr(href, "://") && strncmp(href, "file://", 7) != 0)
		return error_at(c, inc, "refusing to include '%s': only local files "
		    "are included", href);
	if (depth >= MAX_DEPTH)
		return error_at(c, inc, "includes are nested more than 32 deep at "
		    "'%s'", href);
	return 0;
}

/* Do one include found in the file called name. */
static int
include_one(struct include_ctx *c, xmlNodePtr inc, const char *name,
    const struct frame *up, int depth)
{
	char *href = prop(inc, "href"), *parse = prop(inc, "parse");
	char *enc = prop(inc, "encoding"), *path = NULL, *data = NULL, *why = NULL;
	char real[PATH_MAX];
	size_t len = 0;
	int rc, errors = 0;
	struct frame fr;

	if ((errors = check_include(c, inc, href, parse, depth)) != 0)
		goto out;
	path = resolve(name, href);
	filelist_add(c->read, path);
	rc = infile_read(path, c->root, INFILE_MAX, &data, &len, &why);
	if (rc == -2 && fallback_of(inc)) {
		errors = use_fallback(c, inc, fallback_of(inc), name, up, depth);
		goto out;
	}
	if (rc != 0) {
		errors = error_at(c, inc, "cannot include '%s': %s", href, why);
		goto out;
	}
	if (len > c->budget) {
		errors = error_at(c, inc, "cannot include %s: the input and the "
		    "files it includes are larger than 32 MiB together", path);
		goto out;
	}
	c->budget -= len;
	fr.real = realpath(path, real) ? real : path;
	fr.up = up;
	for (const struct frame *f = up; f; f = f->up)
		if (f->real && strcmp(f->real, fr.real) == 0) {
			errors = error_at(c, inc, "cannot include %s: it is already "
			    "being included (the includes make a loop)", path);
			goto out;
		}
	if (parse && strcmp(parse, "text") == 0)
		errors = include_text(c, inc, path, data, len, enc);
	else
		errors = include_xml(c, inc, path, data, len, &fr, depth);
out:
	free(href);
	free(parse);
	free(enc);
	free(path);
	free(data);
	free(why);
	return errors;
}

static int
process_list(struct include_ctx *c, xmlNodePtr top, const char *name,
    const struct frame *up, int depth)
{
	xmlNodePtr *v = NULL;
	size_t n = 0, cap = 0;
	int errors = 0;

	find_includes(top, &v, &n, &cap);
	for (size_t i = 0; i < n; i++)
		errors += include_one(c, v[i], name, up, depth);
	free(v);
	return errors;
}

/* Do every include; see include.h. */
int
include_process(struct include_ctx *c, xmlDocPtr doc, const char *name)
{
	char real[PATH_MAX];
	struct frame top = { realpath(name, real) ? real : NULL, NULL };
	int errors = process_list(c, xmlDocGetRootElement(doc), name, &top, 0);

	return errors;
}
