/* shape.c: paragraphs shaped once, word by word, with the words of a
 * document kept: the same word in the same face is shaped once. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/shape.h"

#define MAX_WORDS	200000	/* kept words; past it the cache starts over */

struct shaper {
	PangoContext	*ctx;
	GHashTable	*words;		/* struct wkey -> struct wglyphs */
};

/* A word in a face, as HarfBuzz sees it. */
struct wkey {
	PangoFont	*font;
	PangoLanguage	*lang;
	int		 script, flags;
	size_t		 len;
	char		 text[];
};

struct wglyphs {
	int		 n;
	PangoGlyphInfo	*g;
	int		*cl;	/* clusters, from the word's start */
};

static guint
wkey_hash(gconstpointer p)
{
	const struct wkey *k = p;
	guint h = g_direct_hash(k->font) ^ (guint)k->script * 31u ^
	    g_direct_hash(k->lang) * 7u;

	for (size_t i = 0; i < k->len; i++)
		h = h * 33u + (unsigned char)k->text[i];
	return h;
}

static gboolean
wkey_equal(gconstpointer a, gconstpointer b)
{
	const struct wkey *x = a, *y = b;

	return x->font == y->font && x->lang == y->lang && x->script == y->script &&
	    x->flags == y->flags && x->len == y->len && memcmp(x->text, y->text,
	    x->len) == 0;
}

static void
wglyphs_free(gpointer p)
{
	struct wglyphs *w = p;

	free(w->g);
	free(w->cl);
	free(w);
}

/* Make a shaper; see shape.h. */
struct shaper *
shaper_new(PangoContext *ctx)
{
	struct shaper *s = xcalloc(1, sizeof(*s));

	s->ctx = ctx;
	s->words = g_hash_table_new_full(wkey_hash, wkey_equal, free, wglyphs_free);
	return s;
}

/* Forget the words; see shape.h. */
void
shaper_clear(struct shaper *s)
{
	if (s)
		g_hash_table_remove_all(s->words);
}

/* Free a shaper; see shape.h. */
void
shaper_free(struct shaper *s)
{
	if (s)
		g_hash_table_destroy(s->words);
	free(s);
}

/* Whether the attributes ask for what only a layout applies. */
static int
needs_layout(const char *text, size_t len, PangoAttrList *al)
{
	GSList *attrs = pango_attr_list_get_attributes(al);
	int bad = 0;

	for (GSList *a = attrs; a; a = a->next) {
		PangoAttrType t = ((PangoAttribute *)a->data)->klass->type;

		bad |= t == PANGO_ATTR_LETTER_SPACING || t == PANGO_ATTR_FONT_SCALE ||
		    t == PANGO_ATTR_BASELINE_SHIFT || t == PANGO_ATTR_RISE ||
		    t == PANGO_ATTR_FONT_FEATURES || t == PANGO_ATTR_SHAPE;
	}
	g_slist_free_full(attrs, (GDestroyNotify)pango_attribute_destroy);
	for (size_t i = 0; i < len && !bad; i++)
		bad = text[i] == '\n' || text[i] == '\r' || text[i] == '\t' ||
		    (i + 2 < len && memcmp(text + i, "\xe2\x80\xa8", 3) == 0) ||
		    (i + 2 < len && memcmp(text + i, "\xe2\x80\xa9", 3) == 0);
	return bad;
}

/* Append the glyphs of text[a, b), a word or a run of spaces inside item,
 * to gs: from the words kept when the piece stands between spaces (its
 * shape cannot depend on what is around it), else shaped here. */
static void
add_piece(struct shaper *s, PangoItem *item, const char *text, size_t len,
    size_t a, size_t b, PangoGlyphString *gs)
{
	int keep = (a == 0 || text[a - 1] == ' ' || text[a] == ' ') &&
	    (b == len || text[b] == ' ' || text[b - 1] == ' ');
	struct wkey *k = NULL;
	struct wglyphs *w = NULL;
	int at = gs->num_glyphs, fresh = 0;

	if (keep) {
		k = xcalloc(1, sizeof(*k) + (b - a));
		k->font = item->analysis.font;
		k->lang = item->analysis.language;
		k->script = item->analysis.script;
		k->flags = item->analysis.flags;
		k->len = b - a;
		memcpy(k->text, text + a, b - a);
		w = g_hash_table_lookup(s->words, k);
	}
	if (w != NULL)
		free(k);
	else {
		PangoGlyphString *one = pango_glyph_string_new();

		pango_shape_with_flags(text + a, (int)(b - a), text, (int)len,
		    &item->analysis, one, PANGO_SHAPE_NONE);
		w = xcalloc(1, sizeof(*w));
		w->n = one->num_glyphs;
		w->g = xcalloc((size_t)w->n + 1, sizeof(*w->g));
		w->cl = xcalloc((size_t)w->n + 1, sizeof(*w->cl));
		memcpy(w->g, one->glyphs, (size_t)w->n * sizeof(*w->g));
		memcpy(w->cl, one->log_clusters, (size_t)w->n * sizeof(*w->cl));
		pango_glyph_string_free(one);
		if (k == NULL)
			fresh = 1;	/* not kept: freed below */
		else {
			if (g_hash_table_size(s->words) >= MAX_WORDS)
				g_hash_table_remove_all(s->words);
			g_hash_table_insert(s->words, k, w);
		}
	}
	pango_glyph_string_set_size(gs, at + w->n);
	memcpy(gs->glyphs + at, w->g, (size_t)w->n * sizeof(*w->g));
	for (int i = 0; i < w->n; i++)
		gs->log_clusters[at + i] = w->cl[i] + (int)a - item->offset;
	if (fresh)
		wglyphs_free(w);
}

/* The glyphs of one item, word by word. */
static PangoGlyphString *
shape_item(struct shaper *s, PangoItem *item, const char *text, size_t len)
{
	PangoGlyphString *gs = pango_glyph_string_new();
	size_t a = (size_t)item->offset, e = a + (size_t)item->length;

	while (a < e) {
		size_t b = a + 1;

		while (b < e && (text[b] == ' ') == (text[a] == ' '))
			b++;
		add_piece(s, item, text, len, a, b, gs);
		a = b;
	}
	return gs;
}

/* Break opportunities as a layout finds them: the default rules, each
 * item's script, then allow-breaks attributes. */
static PangoLogAttr *
breaks(GList *items, const char *text, size_t len, PangoAttrList *al, int *n)
{
	PangoLogAttr *la;
	int at = 0;

	*n = (int)g_utf8_strlen(text, (gssize)len) + 1;
	la = g_new0(PangoLogAttr, *n);
	pango_default_break(text, (int)len, NULL, la, *n);
	for (GList *l = items; l; l = l->next) {
		PangoItem *item = l->data;

		pango_tailor_break(text + item->offset, item->length, &item->analysis,
		    item->offset, la + at, item->num_chars + 1);
		at += item->num_chars;
	}
	pango_attr_break(text, (int)len, al, 0, la, *n);
	return la;
}

static gboolean
break_attr(PangoAttribute *a, gpointer unused)
{
	(void)unused;
	return a->klass->type == PANGO_ATTR_ALLOW_BREAKS ||
	    a->klass->type == PANGO_ATTR_INSERT_HYPHENS;
}

/* One line of runs; see shape.h. */
GSList *
shaper_line(struct shaper *s, const char *text, size_t len, PangoAttrList *al,
    PangoLogAttr **la, int *nla)
{
	GList *items;
	GSList *runs = NULL;
	PangoAttrList *shaping;

	if (len == 0 || needs_layout(text, len, al))
		return NULL;
	/* Itemised, as a layout itemises, without the attributes that only
	 * move breaks (an item split there would split a run). */
	shaping = pango_attr_list_copy(al);
	pango_attr_list_unref(pango_attr_list_filter(shaping, break_attr, NULL));
	items = pango_itemize(s->ctx, text, 0, (int)len, shaping, NULL);
	pango_attr_list_unref(shaping);
	for (GList *l = items; l; l = l->next)
		if (((PangoItem *)l->data)->analysis.level % 2) {
			g_list_free_full(items, (GDestroyNotify)pango_item_free);
			return NULL;
		}
	if (la)		/* a measurement needs none */
		*la = breaks(items, text, len, al, nla);
	for (GList *l = items; l; l = l->next) {
		PangoGlyphItem *gi = g_slice_new0(PangoGlyphItem);

		gi->item = l->data;
		gi->glyphs = shape_item(s, gi->item, text, len);
		runs = g_slist_prepend(runs, gi);
	}
	g_list_free(items);
	return g_slist_reverse(runs);
}
