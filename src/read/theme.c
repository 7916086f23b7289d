/* theme.c: reading and checking layout files. */
#include <errno.h>
#include <stdarg.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>
#include <hb.h>
#include <libxml/parser.h>

#include "base/image.h"
#include "base/infile.h"
#include "base/util.h"
#include "read/schemas.h"
#include "read/srcmap.h"
#include "read/theme.h"
#include "read/xmlin.h"

static const char *const style_names[ST__COUNT] = {
	"body", "kicker", "tag", "meta", "headline", "point-number", "point",
	"heading", "quote", "quote-by", "chart-title", "chart-label",
	"caption", "event-date", "event", "badge", "player-name",
	"player-role", "card-quote", "card-name", "card-role", "post",
	"post-meta", "item", "header", "footer", "masthead", "cover-meta",
	"cover-headline", "cover-point", "toc-story", "toc-section"
};

static const char *const color_names[C__COUNT] = {
	"text", "muted", "rule", "accent", "paper", "tint"
};

/* Name of a style; see theme.h. */
const char *
theme_style_name(enum style_id id)
{
	return style_names[id];
}

struct tctx {
	struct theme	*t;
	struct diags	*d;
	struct srcmap	*m;
	const char	*path;
	int		 errors;
};

static void at(struct tctx *, xmlNodePtr, const char *, const char *, ...)
    __attribute__((format(printf, 4, 5)));

static void
at(struct tctx *c, xmlNodePtr n, const char *attr, const char *fmt, ...)
{
	va_list ap;
	char msg[1024];
	struct srcpos p = attr ? srcmap_attr(c->m, n, attr) : srcmap_node(c->m, n);

	va_start(ap, fmt);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	va_end(ap);
	diag(c->d, DIAG_ERROR, p.file ? p.file : c->path, p.line, p.col, "%s", msg);
	c->errors++;
}

static char *
prop(xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s = v ? xstrdup((const char *)v) : NULL;

	xmlFree(v);
	return s;
}

static double
num(struct tctx *c, xmlNodePtr n, const char *name, double lo, double hi)
{
	char *s = prop(n, name), *end;
	double v;

	if (s == NULL)
		return 0;
	errno = 0;
	v = strtod(s, &end);
	if (*s == '\0' || *end != '\0' || !isfinite(v) || v < lo || v > hi) {
		at(c, n, name, "%s must be a number from %g to %g, not '%s'", name,
		    lo, hi, s);
		v = lo;
	}
	free(s);
	return v;
}

static int
hexcolor(const char *s, uint32_t *out)
{
	size_t n = strlen(s);
	char *end;
	unsigned long v;

	if (s[0] != '#' || (n != 7 && n != 9))
		return -1;
	v = strtoul(s + 1, &end, 16);
	if (*end != '\0')
		return -1;
	*out = n == 7 ? (uint32_t)(v << 8 | 0xff) : (uint32_t)v;
	return 0;
}

static uint32_t
color(struct tctx *c, xmlNodePtr n, const char *name, const char *val)
{
	uint32_t v = 0x000000ff;

	for (int i = 0; i < C__COUNT; i++)
		if (strcmp(val, color_names[i]) == 0)
			return c->t->colors[i];
	if (hexcolor(val, &v) != 0)
		at(c, n, name, "'%s' is not a colour: write #rrggbb, #rrggbbaa "
		    "or a name from <colors>", val);
	return v;
}

static void
read_style(struct tctx *c, xmlNodePtr n, PangoContext *pctx)
{
	char *name = prop(n, "name"), *s;
	struct style *st = NULL;
	int id;

	for (id = 0; id < ST__COUNT; id++)
		if (strcmp(name, style_names[id]) == 0)
			break;
	if (id == ST__COUNT) {
		at(c, n, "name", "unknown style '%s'", name);
		free(name);
		return;
	}
	st = &c->t->st[id];
	if (st->size > 0)
		at(c, n, "name", "style '%s' is defined twice", name);
	free(name);
	s = prop(n, "family");
	st->sans = strcmp(s, "sans") == 0;
	free(s);
	st->size = num(c, n, "size", 4, 96);
	st->leading = xmlHasProp(n, (const xmlChar *)"leading") ?
	    num(c, n, "leading", 4, 144) : st->size * 1.3;
	st->tracking = num(c, n, "tracking", -100, 400);
	s = prop(n, "weight");
	st->bold = s && strcmp(s, "bold") == 0;
	free(s);
	s = prop(n, "italic");
	st->italic = s && strcmp(s, "yes") == 0;
	free(s);
	s = prop(n, "case");
	st->upper = s && strcmp(s, "upper") == 0;
	free(s);
	s = prop(n, "color");
	st->color = s ? color(c, n, "color", s) : c->t->colors[C_TEXT];
	free(s);
	st->desc = pango_font_description_new();
	pango_font_description_set_family(st->desc,
	    st->sans ? c->t->sans : c->t->serif);
	pango_font_description_set_weight(st->desc,
	    st->bold ? PANGO_WEIGHT_BOLD : PANGO_WEIGHT_NORMAL);
	pango_font_description_set_style(st->desc,
	    st->italic ? PANGO_STYLE_ITALIC : PANGO_STYLE_NORMAL);
	pango_font_description_set_absolute_size(st->desc, st->size * PANGO_SCALE);
	if (pctx) {
		/* The face's own extents, as Pango's metrics report them, without
		 * the sample text Pango shapes to estimate character widths. */
		PangoFont *font = pango_context_load_font(pctx, st->desc);
		hb_font_extents_t ext;
		int xs, ys;

		if (font == NULL) {
			st->ascent = st->size * 0.8;
			st->descent = st->size * 0.2;
		} else {
			hb_font_t *hb = pango_font_get_hb_font(font);

			hb_font_get_h_extents(hb, &ext);
			hb_font_get_scale(hb, &xs, &ys);
			st->ascent = ext.ascender / (double)ys * st->size;
			st->descent = -ext.descender / (double)ys * st->size;
			g_object_unref(font);
		}
	} else {
		st->ascent = st->size * 0.8;
		st->descent = st->size * 0.2;
	}
}

static void
read_colors(struct tctx *c, xmlNodePtr n)
{
	int seen[C__COUNT] = { 0 };

	for (xmlNodePtr k = n->children; k; k = k->next) {
		char *name, *val;
		int i;

		if (k->type != XML_ELEMENT_NODE)
			continue;
		name = prop(k, "name");
		val = prop(k, "value");
		for (i = 0; i < C__COUNT; i++)
			if (strcmp(name, color_names[i]) == 0)
				break;
		if (i == C__COUNT)
			at(c, k, "name", "unknown colour name '%s' (known: text, "
			    "muted, rule, accent, paper, tint)", name);
		else {
			seen[i] = 1;
			if (hexcolor(val, &c->t->colors[i]) != 0)
				at(c, k, "value", "'%s' is not a colour: write #rrggbb "
				    "or #rrggbbaa", val);
		}
		free(name);
		free(val);
	}
	for (int i = 0; i < C__COUNT; i++)
		if (!seen[i])
			at(c, n, NULL, "<colors> does not define '%s'", color_names[i]);
}

static void
read_palette(struct tctx *c, xmlNodePtr n)
{
	xmlChar *txt = xmlNodeGetContent(n);
	char *save = NULL, *copy = xstrdup((const char *)txt);

	for (char *tok = strtok_r(copy, " \t\r\n", &save); tok;
	    tok = strtok_r(NULL, " \t\r\n", &save)) {
		uint32_t v;

		if (hexcolor(tok, &v) != 0)
			at(c, n, NULL, "palette entry '%s' is not a #rrggbb colour", tok);
		else if (c->t->npalette < 8)
			c->t->palette[c->t->npalette++] = v;
	}
	if (c->t->npalette < 2)
		at(c, n, NULL, "%s", "the palette needs at least two colours");
	free(copy);
	xmlFree(txt);
}

/* Read, parse and check a layout file through the same door as the
 * stories (xmlin.c).  Returns the document, or NULL with the errors in
 * c->d; the file's SHA-256 goes into digest. */
static xmlDocPtr
read_layout(struct tctx *c, const char *root, char digest[65])
{
	struct xmlin *x;
	xmlDocPtr doc;
	char *data, *why;
	size_t len;

	if (infile_read(c->path, root, INFILE_MAX, &data, &len, &why) != 0) {
		diag(c->d, DIAG_ERROR, c->path, 0, 0, "cannot read the layout: %s", why);
		free(why);
		return NULL;
	}
	/* Read once: the bytes are parsed and digested (see theme.h). */
	{
		gchar *sum = g_compute_checksum_for_data(G_CHECKSUM_SHA256,
		    (const guchar *)data, len);

		snprintf(digest, 65, "%s", sum);
		g_free(sum);
	}
	if ((x = xmlin_new(c->d, c->m)) == NULL) {
		free(data);
		return NULL;
	}
	doc = xmlin_parse(x, c->path, data, len);
	free(data);
	if (doc && xmlin_validate(x, doc, schema_layout_rng,
	    schema_layout_rng_len) > 0) {
		xmlFreeDoc(doc);
		doc = NULL;
	}
	xmlin_free(x);
	return doc;
}

/* <page>: its size and margins, leaving room for text. */
static void
read_page(struct tctx *c, xmlNodePtr n)
{
	struct theme *t = c->t;

	t->page_w = num(c, n, "width", 144, 2000);
	t->page_h = num(c, n, "height", 144, 2000);
	t->top = num(c, n, "top", 18, 400);
	t->bottom = num(c, n, "bottom", 18, 400);
	t->left = num(c, n, "left", 18, 400);
	t->right = num(c, n, "right", 18, 400);
	if (t->page_w - t->left - t->right < 200 ||
	    t->page_h - t->top - t->bottom < 300)
		at(c, n, NULL, "%s", "the margins leave too little room: at least "
		    "200 x 300 pt of text area");
}

/* <logo>: a picture beside the layout file at path, or below it. */
static void
read_logo(struct tctx *c, xmlNodePtr n, const char *path)
{
	struct theme *t = c->t;
	char *src = prop(n, "src"), *dir = xstrdup(path);
	char *slash = strrchr(dir, '/'), *why = NULL, *ldir;

	if (src[0] == '/' || slash == NULL)
		t->logo = xstrdup(src);
	else {
		*slash = '\0';
		t->logo = xasprintf("%s/%s", dir, src);
	}
	t->logo_h = num(c, n, "height", 6, 200);
	ldir = infile_real_dir(path);
	if (ldir == NULL || image_probe(t->logo, ldir, &t->logo_px_w, &t->logo_px_h,
	    &t->logo_png, &why) != 0)
		at(c, n, "src", "logo '%s' cannot be used: %s", src,
		    why ? why : "its folder cannot be read");
	else
		t->logo_aspect = (double)t->logo_px_w / t->logo_px_h;
	free(why);
	free(ldir);
	free(src);
	free(dir);
}

/* <break before="...">: a section kind that starts a new page. */
static void
read_break(struct tctx *c, xmlNodePtr n)
{
	static const char *const kinds[SEC__COUNT] = { "analysis", "timeline",
	    "power-map", "voices", "media", "sources" };
	char *before = prop(n, "before");

	for (int k = 0; k < SEC__COUNT; k++)
		if (strcmp(before, kinds[k]) == 0)
			c->t->breaks |= 1u << k;
	free(before);
}

/* <category>: the accent of the stories of one category. */
static void
read_category(struct tctx *c, xmlNodePtr n)
{
	struct theme *t = c->t;
	char *name = prop(n, "name"), *val = prop(n, "color");

	t->cats = xrealloc(t->cats, (t->ncats + 1) * sizeof(*t->cats));
	t->cats[t->ncats].name = name;
	t->cats[t->ncats].color = color(c, n, "color", val);
	t->ncats++;
	free(val);
}

/* Load a layout; see theme.h. */
struct theme *
theme_load(const char *path, const char *root, PangoContext *pctx,
    struct diags *d)
{
	struct tctx c;
	struct theme *t;
	xmlDocPtr doc;
	xmlNodePtr root_el;
	int seen_style = 0;
	char digest[65] = "";

	memset(&c, 0, sizeof(c));
	c.d = d;
	c.path = path;
	c.m = srcmap_new();
	if ((doc = read_layout(&c, root, digest)) == NULL) {
		srcmap_free(c.m);
		return NULL;
	}

	t = c.t = xcalloc(1, sizeof(*t));
	t->path = xstrdup(path);
	memcpy(t->digest, digest, sizeof(t->digest));
	root_el = xmlDocGetRootElement(doc);
	t->name = prop(root_el, "name");
	/* Families and colours first: styles refer to them. */
	for (xmlNodePtr n = root_el->children; n; n = n->next) {
		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)n->name, "families") == 0) {
			t->serif = prop(n, "serif");
			t->sans = prop(n, "sans");
		} else if (strcmp((const char *)n->name, "colors") == 0)
			read_colors(&c, n);
	}
	for (xmlNodePtr n = root_el->children; n; n = n->next) {
		const char *nm = (const char *)n->name;

		if (n->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp(nm, "page") == 0)
			read_page(&c, n);
		else if (strcmp(nm, "logo") == 0)
			read_logo(&c, n, path);
		else if (strcmp(nm, "break") == 0)
			read_break(&c, n);
		else if (strcmp(nm, "palette") == 0)
			read_palette(&c, n);
		else if (strcmp(nm, "category") == 0)
			read_category(&c, n);
		else if (strcmp(nm, "style") == 0) {
			read_style(&c, n, pctx);
			seen_style = 1;
		}
	}
	if (seen_style) {
		struct buf miss;

		buf_init(&miss);
		for (int i = 0; i < ST__COUNT; i++)
			if (t->st[i].size == 0)
				buf_printf(&miss, "%s%s", miss.len ? ", " : "", style_names[i]);
		if (miss.len)
			at(&c, root_el, NULL, "the layout does not define these styles: %s",
			    miss.data);
		buf_free(&miss);
	}
	/* Stance colours follow the palette: Okabe-Ito green, vermillion,
	 * orange and a neutral grey read apart in colour and in greyscale. */
	t->stance[0] = t->npalette > 2 ? t->palette[2] : 0x009e73ff;
	t->stance[1] = t->npalette > 5 ? t->palette[5] : 0xd55e00ff;
	t->stance[2] = t->npalette > 1 ? t->palette[1] : 0xe69f00ff;
	t->stance[3] = t->colors[C_MUTED];
	xmlFreeDoc(doc);
	srcmap_free(c.m);
	if (c.errors) {
		theme_free(t);
		return NULL;
	}
	return t;
}

/* Free a theme. */
void
theme_free(struct theme *t)
{
	if (t == NULL)
		return;
	for (int i = 0; i < ST__COUNT; i++)
		if (t->st[i].desc)
			pango_font_description_free(t->st[i].desc);
	for (size_t i = 0; i < t->ncats; i++)
		free(t->cats[i].name);
	free(t->cats);
	free(t->path);
	free(t->name);
	free(t->serif);
	free(t->sans);
	free(t->logo);
	free(t);
}

/* Accent colour of a category. */
uint32_t
theme_category_color(const struct theme *t, const char *category)
{
	for (size_t i = 0; category && i < t->ncats; i++)
		if (strcasecmp(t->cats[i].name, category) == 0)
			return t->cats[i].color;
	return t->colors[C_ACCENT];
}

/* Whether a layout name is a path; see theme.h. */
int
theme_is_path(const char *name)
{
	size_t n = strlen(name);

	return strchr(name, '/') || (n > 4 && strcmp(name + n - 4, ".xml") == 0);
}

/* Resolve a layout name to a path; see theme.h. */
char *
theme_resolve(const char *datadir, const char *name, const char *base)
{
	if (theme_is_path(name)) {
		if (base && name[0] != '/' && strcmp(base, ".") != 0)
			return xasprintf("%s/%s", base, name);
		return xstrdup(name);
	}
	return xasprintf("%s/layouts/%s.xml", datadir, name);
}
