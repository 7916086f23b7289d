/* text.c: Pango layout, libhyphen break points, glyph runs. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyphen.h>
#include <pango/pangocairo.h>

#include "base/util.h"
#include "lay/hyph.h"
#include "lay/linebreak.h"
#include "lay/shape.h"
#include "lay/text.h"
#include "read/quotes.h"

struct typeset {
	struct fonts	*fonts;
	PangoContext	*ctx;
	void		(*face_hook)(void *, const char *);
	void		*face_ctx;
	struct dl_doc	*doc;
	struct diags	*d;
	GHashTable	*warned;	/* runs warned of in this document */
	struct shaper	*shaper;	/* words shaped, kept */
};

/* Make a typesetter; see text.h. */
struct typeset *
typeset_new(struct fonts *f)
{
	struct typeset *ts = xcalloc(1, sizeof(*ts));

	ts->fonts = f;
	ts->ctx = fonts_context(f);
	ts->warned = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	ts->shaper = shaper_new(ts->ctx);
	return ts;
}

/* Free a typesetter; NULL is ignored. */
void
typeset_free(struct typeset *ts)
{
	if (ts) {
		g_hash_table_destroy(ts->warned);
		shaper_free(ts->shaper);
	}
	free(ts);
}

/* Send text items and faces to doc from now on. */
void
typeset_set_doc(struct typeset *ts, struct dl_doc *doc)
{
	ts->doc = doc;
}

/* Call fn(ctx, path) for each face new to the current document. */
void
typeset_set_face_hook(struct typeset *ts, void (*fn)(void *, const char *),
    void *ctx)
{
	ts->face_hook = fn;
	ts->face_ctx = ctx;
}

/* Announce a face; see text.h. */
void
typeset_face_seen(struct typeset *ts, const char *path)
{
	if (ts->face_hook)
		ts->face_hook(ts->face_ctx, path);
}

/* Report missing glyphs to d from now on. */
void
typeset_set_diags(struct typeset *ts, struct diags *d)
{
	ts->d = d;
	g_hash_table_remove_all(ts->warned);
}

/* ---- hyphenation ------------------------------------------------------ */

/* Soft hyphens are inserted at the break points libhyphen allows; ins
 * records the original offsets they went in at, to move marks. */
struct insertion {
	size_t	at;		/* the original offset bytes went in before */
	size_t	total;		/* bytes inserted up to and including these */
};

struct hyphtext {
	struct buf	 out;
	struct insertion *ins;
	size_t		 nins, cap;
	size_t		*brk;	/* where zero-width spaces go, in order */
	size_t		 nbrk, brkcap, nextbrk;
};

/* A run of this many bytes without a space is looked at for breaks. */
#define LONG_RUN	256
/* Text this many characters long with no break opportunity gets one
 * after each character: the char-wrapping Pango would do, in linear
 * time (Pango shapes the rest of an unbreakable run again for every line
 * it fills: a 200,000-character word took 21 s). */
#define LONG_WORD	120

/* Record that n bytes went in before the original offset at. */
static void
inserted(struct hyphtext *h, size_t at, size_t n)
{
	h->ins = xgrow(h->ins, &h->cap, h->nins + 1, sizeof(*h->ins));
	h->ins[h->nins].at = at;
	h->ins[h->nins].total = (h->nins ? h->ins[h->nins - 1].total : 0) + n;
	h->nins++;
}

/* Record where s[0..n) (at offset base of the source) needs zero-width
 * spaces: inside every stretch of more than LONG_WORD characters that
 * Pango could not break. */
static void
long_stretches(struct hyphtext *h, const char *s, size_t n, size_t base,
    const char *lang)
{
	glong nch = g_utf8_strlen(s, (gssize)n);
	PangoLogAttr *la = xcalloc((size_t)nch + 1, sizeof(*la));
	const char *p = s;
	glong start = 0;

	pango_get_log_attrs(s, (int)n, -1, pango_language_from_string(lang ? lang :
	    "en"), la, (int)nch + 1);
	for (glong i = 1; i <= nch; i++) {
		if (i < nch && !la[i].is_line_break && !la[i].is_white)
			continue;
		if (i - start > LONG_WORD) {
			const char *q = p;

			for (glong k = start; k < i; k++, q = g_utf8_next_char(q))
				if (k > start && la[k].is_cursor_position) {
					h->brk = xgrow(h->brk, &h->brkcap, h->nbrk + 1,
					    sizeof(size_t));
					h->brk[h->nbrk++] = base + (size_t)(q - s);
				}
		}
		if (i < nch) {
			for (glong k = start; k < i; k++)
				p = g_utf8_next_char(p);
			start = i;
		}
	}
	free(la);
}

/* Find the source's long unbreakable stretches (see LONG_RUN). */
static void
find_long_words(struct hyphtext *h, const char *s, size_t n, const char *lang)
{
	size_t i = 0;

	while (i < n) {
		size_t j = i;

		while (j < n && s[j] != ' ' && s[j] != '\n' && s[j] != '\t')
			j++;
		if (j - i > LONG_RUN)
			long_stretches(h, s + i, j - i, i, lang);
		i = j < n ? j + 1 : j;
	}
}

/* Copy s[i..j) of the source into h->out with the zero-width spaces that
 * fall there. */
static void
copy_breaking(struct hyphtext *h, const char *s, size_t i, size_t j)
{
	while (i < j) {
		size_t to = h->nextbrk < h->nbrk && h->brk[h->nextbrk] < j ?
		    h->brk[h->nextbrk] : j;

		buf_add(&h->out, s + i, to - i);
		i = to;
		if (to < j) {
			buf_add(&h->out, "\xe2\x80\x8b", 3);
			inserted(h, to, 3);
			h->nextbrk++;
		}
	}
}

/* Whether c joins a compound ("non-exclusive"): a word that already holds
 * a hyphen may break there, and is not broken a second time. */
static int
is_hyphen(gunichar c)
{
	return c == '-' || c == 0x2010 || c == 0x2011;
}

static int
hyphenable(const char *w, size_t n)
{
	size_t letters = 0;
	int upper_inside = 0;

	for (const char *p = w; p < w + n; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isupper(c) && p != w)
			upper_inside = 1;
		letters++;
	}
	/* Acronyms and CamelCase names (IAM, PrivateLink) stay whole. */
	return letters >= 6 && !upper_inside;
}

/* Where libhyphen allows a break after byte i of the UTF-8 word w (n
 * bytes): brk[i] set.  Patterns in an 8-bit character set (German,
 * Dutch, Polish, Swedish) get the word in that set, one byte a letter.
 * Returns 0, or -1 when the word cannot be hyphenated with them. */
static int
break_points(HyphenDict *d, const char *w, size_t n, char *brk)
{
	char *lower = g_utf8_strdown(w, (gssize)n), *in = lower, *hy;
	char **rep = NULL;
	int *pos = NULL, *cut = NULL, rc = -1;
	gsize len = strlen(lower);

	if (len != n) {		/* case change altered byte lengths */
		g_free(lower);
		return -1;
	}
	if (!d->utf8 && (in = g_convert(lower, (gssize)n, d->cset, "UTF-8", NULL,
	    &len, NULL)) == NULL) {
		g_free(lower);
		return -1;	/* a letter the patterns' character set lacks */
	}
	hy = xcalloc(len + 5, 1);
	/* Non-standard hyphenation (replacements) is left alone. */
	if (hnj_hyphen_hyphenate2(d, in, (int)len, hy, NULL, &rep, &pos, &cut) == 0 &&
	    rep == NULL) {
		size_t c = 0;

		for (size_t i = 0; i < n; i++) {
			int last = i + 1 == n || ((unsigned char)w[i + 1] & 0xC0) != 0x80;

			brk[i] = last && (d->utf8 ? hy[i] : hy[c]) & 1;
			c += last;
		}
		rc = 0;
	}
	if (rep) {
		for (size_t i = 0; i < len; i++)
			free(rep[i]);
		free(rep);
	}
	free(pos);
	free(cut);
	free(hy);
	if (in != lower)
		g_free(in);
	g_free(lower);
	return rc;
}

static void
hyphenate_word(HyphenDict *d, struct hyphtext *h, const char *w, size_t n,
    size_t at)
{
	char *brk = xcalloc(n + 1, 1);

	if (d == NULL || break_points(d, w, n, brk) != 0)
		buf_add(&h->out, w, n);
	else {
		size_t chars = 0, total = g_utf8_strlen(w, (gssize)n);

		for (size_t i = 0; i < n; i++) {
			buf_addc(&h->out, w[i]);
			if (((unsigned char)w[i] & 0xC0) != 0x80)
				chars++;
			/* At least two letters before, three after. */
			if (brk[i] && i + 1 < n && chars >= 2 && total - chars >= 3) {
				buf_add(&h->out, "\xc2\xad", 2);
				inserted(h, at + i + 1, 2);
			}
		}
	}
	free(brk);
}

/* The language at byte off of a rich text: its innermost <span xml:lang>
 * there, else the text's own. */
static const char *
lang_at(const struct rich *r, size_t off)
{
	const char *lang = r ? r->lang : NULL;
	size_t best = (size_t)-1;

	for (size_t i = 0; r && i < r->nmarks; i++) {
		const struct mark *m = &r->marks[i];

		if (m->kind == MARK_LANG && m->start <= off && off < m->end &&
		    m->end - m->start <= best) {
			best = m->end - m->start;
			lang = m->lang;
		}
	}
	return lang;
}

/* Copy text into h->out with the zero-width breaks of h->brk and, when
 * hyph is set, soft hyphens, each word by the patterns of its language
 * (lang for a text with no rich marks; none: not hyphenated); the last
 * word stays whole so a paragraph never ends on a word fragment.  Quotes
 * are typographic already (read/quotes.c, in the model for rich text,
 * in text_layout for plain). */
static void
prepare(const struct rich *r, const char *lang, struct hyphtext *h,
    const char *s, size_t n, int hyph)
{
	size_t i = 0, last = n;

	while (last > 0 && g_unichar_isalpha(g_utf8_get_char(
	    g_utf8_prev_char(s + last))))
		last = (size_t)(g_utf8_prev_char(s + last) - s);
	while (i < n) {
		size_t j = i;

		while (j < n && g_unichar_isalpha(g_utf8_get_char(s + j)))
			j = (size_t)(g_utf8_next_char(s + j) - s);
		if (j > i) {
			int breaks = h->nextbrk < h->nbrk && h->brk[h->nextbrk] < j;

			int compound = (i > 0 && is_hyphen(g_utf8_get_char(
			    g_utf8_prev_char(s + i)))) || (j < n &&
			    is_hyphen(g_utf8_get_char(s + j)));

			if (hyph && i < last && !breaks && !compound &&
			    hyphenable(s + i, j - i))
				hyphenate_word(hyph_for_lang(r ? lang_at(r, i) : lang), h,
				    s + i, j - i, i);
			else
				copy_breaking(h, s, i, j);
			i = j;
		} else {
			j = (size_t)(g_utf8_next_char(s + i) - s);
			copy_breaking(h, s, i, j);
			i = j;
		}
	}
}

/* Where the source offset off is in h->out (a binary search: a paragraph
 * may hold thousands of insertions, and every mark asks). */
static size_t
moved(const struct hyphtext *h, size_t off)
{
	size_t lo = 0, hi = h->nins;	/* count the insertions at or before off */

	while (lo < hi) {
		size_t mid = lo + (hi - lo) / 2;

		if (h->ins[mid].at <= off)
			lo = mid + 1;
		else
			hi = mid;
	}
	return off + (lo ? h->ins[lo - 1].total : 0);
}

/* ---- layout ----------------------------------------------------------- */

static uint32_t
run_color(PangoGlyphItem *gi, uint32_t def)
{
	for (GSList *a = gi->item->analysis.extra_attrs; a; a = a->next) {
		PangoAttribute *attr = a->data;

		if (attr->klass->type == PANGO_ATTR_FOREGROUND) {
			PangoColor c = ((PangoAttrColor *)attr)->color;

			return (uint32_t)(c.red >> 8) << 24 | (uint32_t)(c.green >> 8) << 16 |
			    (uint32_t)(c.blue >> 8) << 8 | 0xff;
		}
	}
	return def;
}

static int
int_cmp(const void *a, const void *b)
{
	int x = *(const int *)a, y = *(const int *)b;

	return (x > y) - (x < y);
}

/* Where the cluster starting at cl ends: the next larger start among the
 * run's sorted, distinct cluster starts, or the item's end. */
static int
cluster_end(const int *starts, int n, int cl, int end)
{
	int lo = 0, hi = n;

	while (lo < hi) {
		int mid = (lo + hi) / 2;

		if (starts[mid] <= cl)
			lo = mid + 1;
		else
			hi = mid;
	}
	return lo < n && starts[lo] < end ? starts[lo] : end;
}

/* The face's own glyph for c when it has the width of glyph g, else g.
 * A hyphen drawn for a break stands for '-' and a word's own hyphen at a
 * line's end for U+2010: each drawn with the glyph of what it stands for,
 * the PDF's text layer maps every glyph to one text (Ghostscript's
 * pdfwrite keeps that, but drops /ActualText). */
static uint32_t
twin_glyph(PangoFont *font, uint32_t g, gunichar c)
{
	hb_font_t *hb = pango_font_get_hb_font(font);
	hb_codepoint_t t;

	if (hb && hb_font_get_nominal_glyph(hb, c, &t) && t != g &&
	    hb_font_get_glyph_h_advance(hb, t) == hb_font_get_glyph_h_advance(hb, g))
		return t;
	return g;
}

/* Append to tb the text a cluster's first glyph dg stands for: the
 * cluster's n bytes at cs, but for a break's hyphen, a line's last hyphen
 * and Pango's ellipsis (whose glyph it may also change). */
static void
cluster_text(struct buf *tb, PangoItem *item, struct dl_glyph *dg,
    const char *cs, size_t n, int line_last)
{
	if (n == 2 && memcmp(cs, "\xc2\xad", 2) == 0) {
		buf_addc(tb, '-');	/* the hyphen of a break */
		dg->gid = twin_glyph(item->analysis.font, dg->gid, '-');
	} else if (line_last && n == 1 && *cs == '-') {
		/* A word's own hyphen ending a line: U+2010, so text
		 * extraction keeps it (it joins only '-'). */
		buf_add(tb, "\xe2\x80\x90", 3);
		dg->gid = twin_glyph(item->analysis.font, dg->gid, 0x2010);
	} else if (item->analysis.flags & PANGO_ANALYSIS_FLAG_IS_ELLIPSIS)
		/* Pango's ellipsis over the elided text. */
		buf_add(tb, "\xe2\x80\xa6", 3);
	else
		/* The cluster's text, without the soft hyphens a ligature
		 * may span ("ef-fi-cient"). */
		for (const char *c = cs; c < cs + n; c++)
			if (c[0] == '\xc2' && c + 1 < cs + n && c[1] == '\xad')
				c++;
			else
				buf_addc(tb, *c);
}

/* The glyph of a space in font into *gid; 0 when it has none. */
static int
space_glyph(PangoFont *font, uint32_t *gid)
{
	hb_font_t *hb = pango_font_get_hb_font(font);
	hb_codepoint_t g;

	if (hb == NULL || !hb_font_get_nominal_glyph(hb, ' ', &g) || g == 0)
		return 0;
	*gid = g;
	return 1;
}

/* Add run it to out with its last glyph, the hyphen of a break, as an
 * item of its own that stays an artifact (DL_ARTIFACT): the structure
 * tree then reads the word whole, while text extraction, which reads
 * the page, still sees "-" at the line's end and joins the word. */
static void
split_break_hyphen(struct dl_item *it, struct dl_list *out)
{
	struct dl_item h = *it;
	struct dl_glyph *g = &it->u.text.glyphs[it->u.text.nglyphs - 1];

	it->u.text.nglyphs--;
	it->u.text.textlen = g->off;
	dl_list_add(out, it);
	h.elem = DL_ARTIFACT;
	h.u.text.x += g->x;
	h.u.text.glyphs = g;
	h.u.text.nglyphs = 1;
	h.u.text.text += g->off;
	h.u.text.textlen = g->len;
	g->x = 0;
	g->off = 0;
	dl_list_add(out, &h);
}

/* The starts of a glyph string's clusters, ascending and each once;
 * *n set.  The caller frees them. */
static int *
cluster_starts(PangoGlyphString *gs, int *n)
{
	int *starts = xcalloc((size_t)gs->num_glyphs + 1, sizeof(int));

	*n = 0;
	for (int i = 0; i < gs->num_glyphs; i++)
		starts[i] = gs->log_clusters[i];
	qsort(starts, (size_t)gs->num_glyphs, sizeof(int), int_cmp);
	for (int i = 0; i < gs->num_glyphs; i++)
		if (*n == 0 || starts[*n - 1] != starts[i])
			starts[(*n)++] = starts[i];
	return starts;
}

/* A space glyph (its id already in t->glyphs[t->nglyphs].gid) at pen
 * (Pango units), standing for one space of text. */
static void
add_space(struct dl_text *t, struct buf *tb, double pen)
{
	struct dl_glyph *dg = &t->glyphs[t->nglyphs++];

	dg->x = (float)(pen / PANGO_SCALE);
	dg->y = 0;
	dg->off = (uint32_t)tb->len;
	dg->len = 1;
	buf_addc(tb, ' ');
}

/* A visible box where no face has the glyph (coverage.c warned with its
 * place), w points wide at x on the baseline base: the same in every
 * backend. */
static void
missing_box(struct typeset *ts, struct dl_list *boxes, const struct dl_text *t,
    double x, double w, double base)
{
	struct dl_item box;

	dl_rect(ts->doc, boxes, (float)(x + w * 0.12), (float)(base - t->size * 0.72),
	    (float)(w * 0.76), (float)(t->size * 0.72), 0);
	box = boxes->items[boxes->n - 1];
	box.u.path.flags = DL_STROKE;
	box.u.path.stroke = t->color;
	box.u.path.width = (float)(t->size / 16);
	boxes->items[boxes->n - 1] = box;
}

/* Give a run its face and text and add it to out (a break's hyphen split
 * off as an item of its own when brk is its last glyph). */
static void
finish_run(struct typeset *ts, struct dl_item *it, const char *path,
    struct buf *tb, int brk, struct dl_list *out)
{
	struct dl_text *t = &it->u.text;
	size_t before = dl_nfaces(ts->doc);

	/* A face drawn for the first time: tell whoever waits for it. */
	t->face = dl_face(ts->doc, path);
	if (dl_nfaces(ts->doc) > before && ts->face_hook)
		ts->face_hook(ts->face_ctx, path);
	t->text = dl_alloc(ts->doc, tb->len + 1);
	memcpy(t->text, tb->data ? tb->data : "", tb->len);
	t->textlen = (uint32_t)tb->len;
	if (brk >= 0 && (uint32_t)brk + 1 == t->nglyphs && t->nglyphs > 1)
		split_break_hyphen(it, out);
	else
		dl_list_add(out, it);
}

/* Turn one Pango run into a text item of the line frame; line_end: it
 * ends its line, and 2: at a space the line broke at, which gets a
 * space glyph after the run's last (see below). */
static void
emit_run(struct typeset *ts, PangoGlyphItem *gi, const char *text, double x,
    double base, uint32_t color, double spacing, int line, const char *file,
    int line_end, int elem, struct dl_list *out)
{
	int last = -1, *starts, nstarts = 0;
	struct dl_list boxes = { 0 };
	PangoGlyphString *gs = gi->glyphs;
	PangoItem *item = gi->item;
	const char *path = fonts_file(ts->fonts, item->analysis.font);
	PangoFontDescription *fd;
	struct dl_item it;
	struct dl_text *t = &it.u.text;
	struct buf tb;
	double pen = 0;
	int prev_cluster = -1, brk = -1;

	if (path == NULL || gs->num_glyphs == 0)
		return;
	memset(&it, 0, sizeof(it));
	it.kind = DL_TEXT;
	it.elem = elem;
	fd = pango_font_describe_with_absolute_size(item->analysis.font);
	t->size = (float)(pango_font_description_get_size(fd) / (double)PANGO_SCALE);
	pango_font_description_free(fd);
	t->spacing = (float)spacing;
	t->color = run_color(gi, color);
	t->x = (float)x;
	t->y = (float)(base - gi->y_offset / (double)PANGO_SCALE);	/* sup, sub */
	t->line = line;
	t->rtl = item->analysis.level & 1;
	t->glyphs = dl_alloc(ts->doc, ((size_t)gs->num_glyphs + 1) *
	    sizeof(struct dl_glyph));
	buf_init(&tb);
	for (int i = 0; i < gs->num_glyphs; i++)
		if (gs->glyphs[i].glyph != PANGO_GLYPH_EMPTY)
			last = i;
	starts = cluster_starts(gs, &nstarts);
	for (int i = 0; i < gs->num_glyphs; i++) {
		PangoGlyphInfo *g = &gs->glyphs[i];
		int cl = gs->log_clusters[i];
		struct dl_glyph *dg;
		const char *cs = text + item->offset + cl;
		int cend = cluster_end(starts, nstarts, cl, item->length);

		if (g->glyph == PANGO_GLYPH_EMPTY) {
			/* The space a line broke at (Pango empties it): drawn
			 * as a space glyph, so the text reads "word word"
			 * across the break, where no one sees it. */
			if (line_end && i > last && !t->rtl && cl != prev_cluster &&
			    cend - cl == 1 && *cs == ' ' && space_glyph(item->analysis.font,
			    &t->glyphs[t->nglyphs].gid)) {
				add_space(t, &tb, pen);
				prev_cluster = cl;
			}
			pen += g->geometry.width;
			continue;
		}
		dg = &t->glyphs[t->nglyphs++];
		dg->gid = g->glyph & ~PANGO_GLYPH_UNKNOWN_FLAG;
		dg->x = (float)((pen + g->geometry.x_offset) / PANGO_SCALE);
		dg->y = (float)(g->geometry.y_offset / (double)PANGO_SCALE);
		if (g->glyph & PANGO_GLYPH_UNKNOWN_FLAG) {
			t->nglyphs--;
			missing_box(ts, &boxes, t, x + dg->x, g->geometry.width /
			    (double)PANGO_SCALE, base);
			pen += g->geometry.width;
			prev_cluster = cl;
			continue;
		}
		if (cl != prev_cluster) {
			dg->off = (uint32_t)tb.len;
			cluster_text(&tb, item, dg, cs, (size_t)(cend - cl),
			    line_end && i == last);
			dg->len = (uint32_t)(tb.len - dg->off);
			prev_cluster = cl;
			if (line_end && i == last && !t->rtl && cend - cl == 2 &&
			    memcmp(cs, "\xc2\xad", 2) == 0)
				brk = (int)t->nglyphs - 1;
		}
		pen += g->geometry.width;
	}
	/* The space a line broke at, left out of the line: drawn after it,
	 * where no one sees it, so that the text reads "word word" across
	 * the break. */
	if (line_end == 2 && !t->rtl && t->nglyphs > 0 &&
	    space_glyph(item->analysis.font, &t->glyphs[t->nglyphs].gid))
		add_space(t, &tb, pen);
	free(starts);
	dl_list_place(out, &boxes, 0, 0);
	dl_list_free(&boxes);
	if (t->nglyphs > 0)
		finish_run(ts, &it, path, &tb, brk, out);
	buf_free(&tb);
}

/* Warn when a run is set in a face of another weight or slant than its
 * text asks for (a fallback face with no bold, a Latin, Greek or Cyrillic
 * one with no italic), once per run text and face in a document. */
static void
fallback_style(struct typeset *ts, PangoAttrList *al, PangoGlyphItem *gi,
    const char *text, const struct rich *r)
{
	PangoItem *item = gi->item;
	PangoAttrIterator *ai;
	PangoFontDescription *want, *got;
	int wb, gb, wi, gi_;
	char *run, *key;
	struct buf b;

	if (ts->d == NULL || al == NULL)
		return;
	ai = pango_attr_list_get_iterator(al);
	do {
		int s, e;

		pango_attr_iterator_range(ai, &s, &e);
		if (item->offset >= s && item->offset < e)
			break;
	} while (pango_attr_iterator_next(ai));
	want = pango_font_description_new();
	pango_attr_iterator_get_font(ai, want, NULL, NULL);
	pango_attr_iterator_destroy(ai);
	got = pango_font_describe(item->analysis.font);
	wb = pango_font_description_get_weight(want) >= PANGO_WEIGHT_SEMIBOLD;
	gb = pango_font_description_get_weight(got) >= PANGO_WEIGHT_SEMIBOLD;
	wi = pango_font_description_get_style(want) != PANGO_STYLE_NORMAL;
	gi_ = pango_font_description_get_style(got) != PANGO_STYLE_NORMAL;
	/* Italics belong to Latin, Greek and Cyrillic type: Hebrew, Arabic,
	 * Indic, Thai and CJK faces have none, and are upright by design. */
	if (item->analysis.script != PANGO_SCRIPT_LATIN &&
	    item->analysis.script != PANGO_SCRIPT_GREEK &&
	    item->analysis.script != PANGO_SCRIPT_CYRILLIC)
		wi = gi_;
	if (wb != gb || wi != gi_) {
		buf_init(&b);
		for (const char *c = text + item->offset; c < text + item->offset +
		    item->length; c++)
			if (c[0] == '\xc2' && c[1] == '\xad')
				c++;		/* a soft hyphen */
			else
				buf_addc(&b, *c);
		run = g_strstrip(b.data ? b.data : xstrdup(""));
		key = xasprintf("%s|%s|%d%d", run, pango_font_description_get_family(got),
		    gb, gi_);
		if (*run && !g_hash_table_contains(ts->warned, key)) {
			static const char *const look[] = { "regular", "italic", "bold",
			    "bold italic" };

			diag(ts->d, DIAG_WARNING, r ? r->pos.file : NULL, r ? r->pos.line : 0,
			    r ? r->pos.col : 0, "'%s' is set in %s %s: no %s face of the "
			    "fonts has these characters", run,
			    pango_font_description_get_family(got), look[gb * 2 + gi_],
			    look[wb * 2 + wi]);
			g_hash_table_add(ts->warned, key);
		} else
			free(key);
		free(b.data ? b.data : run);
	}
	pango_font_description_free(want);
	pango_font_description_free(got);
}

static PangoAttrList *
attributes(const struct rich *r, const struct hyphtext *h, const struct style *st,
    const char *text, size_t len, int tie_last)
{
	PangoAttrList *al = pango_attr_list_new();
	PangoAttribute *a;

	a = pango_attr_font_desc_new(st->desc);
	pango_attr_list_insert(al, a);
	/* Ligatures and contextual forms stay on (HarfBuzz's defaults): the
	 * PDF draws the glyphs Pango chose, and its ToUnicode maps a ligature
	 * back to all its characters. */
	if (st->tracking != 0) {
		a = pango_attr_letter_spacing_new((int)(st->tracking * st->size / 1000.0 *
		    PANGO_SCALE));
		pango_attr_list_insert(al, a);
	}
	if (tie_last >= 0) {
		a = pango_attr_allow_breaks_new(FALSE);
		a->start_index = (guint)tie_last;
		a->end_index = (guint)tie_last + 2;
		pango_attr_list_insert(al, a);
	}
	/* An ASCII arrow ("->") is one sign: never break inside it. */
	for (const char *p = text; (p = strstr(p, "->")) != NULL; p += 2) {
		a = pango_attr_allow_breaks_new(FALSE);
		a->start_index = (guint)(p - text);
		a->end_index = (guint)(p - text) + 2;
		pango_attr_list_insert(al, a);
	}
	for (size_t i = 0; r && i < r->nmarks; i++) {
		const struct mark *m = &r->marks[i];
		guint s = (guint)(h ? moved(h, m->start) : m->start);
		guint e = (guint)(h ? moved(h, m->end) : m->end);

		if (e > len)
			e = (guint)len;
		switch (m->kind) {
		case MARK_EM:
			a = pango_attr_style_new(st->italic ? PANGO_STYLE_NORMAL :
			    PANGO_STYLE_ITALIC);
			break;
		case MARK_STRONG:
			a = pango_attr_weight_new(PANGO_WEIGHT_BOLD);
			break;
		case MARK_LINK:
			a = pango_attr_foreground_new(0x0b0b * 1, 0x4f4f, 0x8a8a);
			break;
		case MARK_LANG:
			a = pango_attr_language_new(pango_language_from_string(m->lang));
			break;
		case MARK_SUP:
		case MARK_SUB:
			/* Smaller and raised or lowered by the face's own
			 * superscript and subscript metrics. */
			a = pango_attr_font_scale_new(m->kind == MARK_SUP ?
			    PANGO_FONT_SCALE_SUPERSCRIPT : PANGO_FONT_SCALE_SUBSCRIPT);
			a->start_index = s;
			a->end_index = e;
			pango_attr_list_insert(al, a);
			a = pango_attr_baseline_shift_new(m->kind == MARK_SUP ?
			    PANGO_BASELINE_SHIFT_SUPERSCRIPT : PANGO_BASELINE_SHIFT_SUBSCRIPT);
			break;
		}
		a->start_index = s;
		a->end_index = e;
		pango_attr_list_insert(al, a);
	}
	return al;
}

/* The byte offset of the last word when it should be tied to the one
 * before (a short last word alone on a line looks like a mistake). */
static int
tie_position(const char *s, size_t n)
{
	const char *sp = NULL;

	for (const char *p = s + n; p > s; p--)
		if (p[-1] == ' ') {
			sp = p - 1;
			break;
		}
	if (sp == NULL || (size_t)(s + n - sp) > 12 || sp - s < 40)
		return -1;
	return (int)(sp - s);
}

/* ---- hanging punctuation --------------------------------------------- */

/* How far a character may hang into the margin, as a share of its width
 * (roughly microtype's defaults): stops, commas, hyphens and quotes most;
 * colons less; letters not at all. */
static double
protrusion(gunichar c, int right)
{
	switch (c) {
	case 0x201C: case 0x2018: case 0x201E: case '"': case '\'':
		return right ? 0.7 : 0.6;	/* quotes open a line, may close one */
	case 0x201D: case 0x2019:
		return right ? 0.7 : 0;
	case '.': case ',': case '-': case 0x00AD: case 0x2010: case 0x2011:
		return right ? 0.7 : 0;
	case 0x2013:
		return right ? 0.5 : 0;
	case ':': case ';':
		return right ? 0.4 : 0;
	case '!': case '?':
		return right ? 0.2 : 0;
	default:
		return 0;
	}
}

/* What a justified line needs to hang its edge punctuation: the amounts
 * at the left and the right, where its last visible character ends, and
 * the x of each space between its first and last visible characters
 * (where the line stretches or shrinks to make up), into *sp (grown
 * as needed, *cap entries; reused from line to line).  Returns the number
 * of such spaces; 0 (nothing to do) for a line with right-to-left text. */
static int
line_hang(GSList *runs, const char *text, double x0, double *ql,
    double *qr, double *end, double **spaces, size_t *cap)
{
	double x = x0, first_x = -1, last_x = -1;
	gunichar first = 0, last = 0;
	double first_w = 0, last_w = 0;
	double *sp = *spaces;
	int nsp = 0, k = 0;

	*ql = *qr = 0;
	for (GSList *rl = runs; rl; rl = rl->next) {
		PangoGlyphItem *gi = rl->data;
		PangoGlyphString *gs = gi->glyphs;
		double pen = 0;

		if (gi->item->analysis.level % 2)
			goto none;
		for (int g = 0; g < gs->num_glyphs; g++) {
			const char *cs = text + gi->item->offset + gs->log_clusters[g];
			gunichar c = g_utf8_get_char(cs);
			double w = gs->glyphs[g].geometry.width / (double)PANGO_SCALE;

			if (c == ' ') {
				sp = *spaces = xgrow(sp, cap, (size_t)nsp + 1, sizeof(*sp));
				sp[nsp++] = x + pen;
			} else if (gs->glyphs[g].glyph != PANGO_GLYPH_EMPTY && w > 0) {
				if (first_x < 0) {
					first = c;
					first_x = x + pen;
					first_w = w;
				}
				last = c;
				last_x = x + pen;
				last_w = w;
			}
			pen += w;
		}
		x += pen;
	}
	/* Only the spaces inside the text stretch. */
	for (int i = 0; i < nsp; i++)
		if (sp[i] > first_x && sp[i] < last_x)
			sp[k++] = sp[i];
	*ql = protrusion(first, 0) * first_w;
	*qr = protrusion(last, 1) * last_w;
	*end = last_x + last_w;
	if (k == 0)
		goto none;
	return k;
none:
	*ql = *qr = 0;
	return 0;
}

/* The shift of whatever starts at x on a hung line: left by the left
 * protrusion, then right by an equal share at each space passed.  *k is
 * a cursor into the spaces (their x ascending): it only moves back when
 * x does, so a run's glyphs in order cost one pass. */
static double
hang_shift(double x, double ql, double delta, const double *sp, int nsp,
    int *k)
{
	while (*k > 0 && sp[*k - 1] >= x - 0.001)
		(*k)--;
	while (*k < nsp && sp[*k] < x - 0.001)
		(*k)++;
	return -ql + *k * delta;
}

/* Move a line's items for hanging punctuation (see line_hang): its start
 * left by ql, and each space wider by an equal share of ql and of what
 * brings its end to right (the column's edge plus the right protrusion). */
static void
hang_line(struct dl_list *l, double ql, double right, double end,
    const double *sp, int nsp)
{
	double delta = (ql + right - end) / nsp;
	int k = 0;

	for (size_t i = 0; i < l->n; i++) {
		struct dl_item *it = &l->items[i];

		switch (it->kind) {
		case DL_TEXT:
			for (uint32_t g = 0; g < it->u.text.nglyphs; g++) {
				struct dl_glyph *dg = &it->u.text.glyphs[g];

				dg->x += (float)hang_shift(it->u.text.x + dg->x, ql, delta,
				    sp, nsp, &k);
			}
			break;
		case DL_PATH:
			for (uint32_t p = 0; p + 1 < it->u.path.npts; p += 2)
				it->u.path.pts[p] += (float)hang_shift(it->u.path.pts[p],
				    ql, delta, sp, nsp, &k);
			break;
		case DL_LINK: {
			double a = it->u.link.x, b = a + it->u.link.w;

			a += hang_shift(a, ql, delta, sp, nsp, &k);
			b += hang_shift(b, ql, delta, sp, nsp, &k);
			it->u.link.x = (float)a;
			it->u.link.w = (float)(b - a);
			break;
		}
		case DL_IMAGE:
			break;
		}
	}
}

/* A heading that wraps keeps its number of lines at the narrowest width
 * that allows it, so a short last line ("...With a Calendar / Date")
 * takes words from the lines above.  Searched to within a point. */
static void
balance(PangoLayout *lay, double width)
{
	int n = pango_layout_get_line_count(lay), w, h;
	double lo, hi = width;

	if (n < 2)
		return;
	/* n lines never fit in less than the text's length over n. */
	pango_layout_set_width(lay, -1);
	pango_layout_get_size(lay, &w, &h);
	lo = w / (double)PANGO_SCALE / n;
	while (hi - lo > 1) {
		double mid = (lo + hi) / 2;

		pango_layout_set_width(lay, (int)(mid * PANGO_SCALE));
		if (pango_layout_get_line_count(lay) <= n)
			hi = mid;
		else
			lo = mid;
	}
	pango_layout_set_width(lay, (int)(hi * PANGO_SCALE));
}

/* The link marker (dl_link_marker) of mark m of r, made on first use in
 * marker[m]. */
static int
marker_of(struct typeset *ts, int *marker, size_t m)
{
	if (marker[m] == 0)
		marker[m] = dl_link_marker(ts->doc);
	return marker[m];
}

/* The link marker of the link of r whose text holds the bytes [start,
 * start + n) of the laid-out text (see marker_of); 0 when they are in
 * no link or marker is NULL. */
static int
link_marker(struct typeset *ts, const struct rich *r, const struct hyphtext *h,
    int start, int n, int *marker)
{
	for (size_t m = 0; r && marker && m < r->nmarks; m++) {
		const struct mark *k = &r->marks[m];

		if (k->kind == MARK_LINK && (int)moved(h, k->start) <= start &&
		    start + n <= (int)moved(h, k->end))
			return marker_of(ts, marker, m);
	}
	return 0;
}

/* The link area of mark mk from x0 to x1 on a line leading high, with
 * the link's marker elem. */
static void
add_link(struct typeset *ts, const struct mark *mk, double x0, double x1,
    double leading, int elem, struct dl_list *fr)
{
	struct dl_item li;

	if (x1 - x0 < 0.5)
		return;
	memset(&li, 0, sizeof(li));
	li.kind = DL_LINK;
	li.elem = elem;
	li.u.link.x = (float)x0;
	li.u.link.y = 0;
	li.u.link.w = (float)(x1 - x0);
	li.u.link.h = (float)leading;
	/* "#N" is destination N inside the document. */
	if (mk->href[0] == '#') {
		li.u.link.uri = NULL;
		li.u.link.dest = atoi(mk->href + 1);
	} else {
		li.u.link.uri = dl_strdup(ts->doc, mk->href);
		li.u.link.dest = -1;
	}
	dl_list_add(fr, &li);
}

/* The link areas of rich text r over one laid-out line whose left edge
 * is at x, leading high, added to fr with the links' markers. */
static void
line_links(struct typeset *ts, PangoLayoutLine *line, const struct rich *r,
    const struct hyphtext *h, double leading, double x, struct dl_list *fr,
    int *marker)
{
	for (size_t m = 0; m < r->nmarks; m++) {
		const struct mark *mk = &r->marks[m];
		int *ranges = NULL, nr = 0;
		int s = (int)moved(h, mk->start);
		int e = (int)moved(h, mk->end);

		if (mk->kind != MARK_LINK || e <= line->start_index ||
		    s >= line->start_index + line->length)
			continue;
		pango_layout_line_get_x_ranges(line, s, e, &ranges, &nr);
		for (int k = 0; k < nr; k++)
			add_link(ts, mk, x + ranges[2 * k] / (double)PANGO_SCALE,
			    x + ranges[2 * k + 1] / (double)PANGO_SCALE, leading,
			    marker_of(ts, marker, m), fr);
		g_free(ranges);
	}
}

/* ---- justified paragraphs, broken as a whole ---------------------------- */

#define KP_MAX	20000	/* longer texts: Pango's greedy breaking */

/* What a paragraph's lines are drawn with. */
struct tparams {
	const char		*text;	/* with soft hyphens and breaks */
	size_t			 len;
	const struct rich	*r;	/* NULL for plain text */
	const struct hyphtext	*h;
	double			 width, spacing;
	uint32_t		 color;
	int			 line_no;
	const char		*file;
	int			 flags;	/* T_* */
	double			 ls;	/* letter spacing a glyph may take, points */
	double			 space;	/* a word space's width, points */
	int			*marker;	/* each link's marker, or NULL */
};

/* Justified text: each glyph may take up to 1% of an em of letter spacing
 * and give up half that (about what microtype's font expansion does), so
 * the word spaces stay nearer their width; the rest goes to the spaces. */
#define LS_STRETCH	0.01
#define LS_SHRINK	0.005

/* A line of a paragraph broken by linebreak(): bytes [start, end) of the
 * text, ending with a soft hyphen drawn as a hyphen when hyphen is set. */
struct kpline {
	size_t	start, end;
	int	hyphen;
};

/* The x (points) at which each cluster of a line's runs starts, NAN
 * inside a cluster; x[len] is the line's width. */
static double *
cluster_x(GSList *runs, size_t len)
{
	double *x, pen = 0;

	x = xcalloc(len + 1, sizeof(double));
	for (size_t i = 0; i <= len; i++)
		x[i] = NAN;
	for (GSList *rl = runs; rl; rl = rl->next) {
		PangoGlyphItem *gi = rl->data;

		for (int g = 0; g < gi->glyphs->num_glyphs; g++) {
			size_t b = (size_t)(gi->item->offset + gi->glyphs->log_clusters[g]);

			if (b < len && isnan(x[b]))
				x[b] = pen;
			pen += gi->glyphs->glyphs[g].geometry.width / (double)PANGO_SCALE;
		}
	}
	x[len] = pen;
	return x;
}

/* The hyphen a break draws in font (U+2010, else '-'), its width in
 * Pango units in *w; PANGO_GLYPH_EMPTY when the face has neither. */
static PangoGlyph
hyphen_glyph(PangoFont *font, int *w)
{
	hb_font_t *hb = pango_font_get_hb_font(font);
	hb_codepoint_t g;
	PangoRectangle log;

	*w = 0;
	if (hb == NULL || (!hb_font_get_nominal_glyph(hb, 0x2010, &g) &&
	    !hb_font_get_nominal_glyph(hb, '-', &g)))
		return PANGO_GLYPH_EMPTY;
	pango_font_get_glyph_extents(font, g, NULL, &log);
	*w = log.width;
	return g;
}

/* Whether the word that holds the soft hyphen at byte at begins with a
 * capital (a name: breaking it costs more). */
static int
capital_word(const char *text, size_t at)
{
	const char *p = text + at;

	while (p > text) {
		const char *q = g_utf8_prev_char(p);
		gunichar c = g_utf8_get_char(q);

		if (!g_unichar_isalpha(c) && c != 0xAD)
			break;
		p = q;
	}
	return g_unichar_isupper(g_utf8_get_char(p));
}

/* The clusters starting in [a, b). */
static size_t
clusters(const double *x, size_t a, size_t b)
{
	size_t n = 0;

	for (size_t i = a; i < b; i++)
		n += !isnan(x[i]);
	return n;
}

/* The boxes, glues and penalties of a paragraph from its cluster x and
 * Pango's break opportunities; for item k a break, ln[k] is where its
 * line ends and where the next begins (.start).  Returns the count. */
static size_t
kp_items(const PangoLogAttr *la, int nla, const char *text, size_t len,
    const double *x, double hyw, double ls, struct lb_item *it,
    struct kpline *ln)
{
	size_t n = 0, pos = 0, b = 0;

	for (int ci = 0; ci < nla && b < len; ci++, b = (size_t)(g_utf8_next_char(text + b) - text)) {
		const char *pc;
		size_t end = b;
		gunichar c;

		if (b == 0 || !la[ci].is_line_break || isnan(x[b]))
			continue;
		pc = g_utf8_prev_char(text + b);
		c = g_utf8_get_char(pc);
		memset(&it[n + 1], 0, sizeof(it[n + 1]));
		if (c == ' ') {
			while (end > 0 && text[end - 1] == ' ')
				end--;
			if (isnan(x[end]) || end <= pos)
				continue;
			it[n + 1].kind = LB_GLUE;
			it[n + 1].width = x[b] - x[end];
			it[n + 1].stretch = it[n + 1].width / 2 + clusters(x, end, b) * ls;
			it[n + 1].shrink = it[n + 1].width / 3 +	/* TeX's */
			    clusters(x, end, b) * ls * LS_SHRINK / LS_STRETCH;
		} else if (c == 0xAD) {
			end = (size_t)(pc - text);
			if (isnan(x[end]) || end <= pos)
				continue;
			it[n + 1].kind = LB_PENALTY;
			it[n + 1].width = hyw;
			it[n + 1].penalty = capital_word(text, end) ? 200 : 50;
			it[n + 1].flagged = 1;
		} else {
			int hy = c == '-' || c == 0x2010;

			it[n + 1].kind = LB_PENALTY;
			it[n + 1].penalty = hy ? 50 : 0;
			it[n + 1].flagged = hy;
		}
		memset(&it[n], 0, sizeof(it[n]));
		it[n].kind = LB_BOX;
		it[n].width = x[end] - x[pos];
		it[n].stretch = clusters(x, pos, end) * ls;
		it[n].shrink = it[n].stretch * LS_SHRINK / LS_STRETCH;
		ln[n + 1].end = it[n + 1].kind == LB_GLUE ? end : b;
		ln[n + 1].start = b;
		ln[n + 1].hyphen = c == 0xAD;
		pos = it[n + 1].kind == LB_GLUE ? b : end;
		n += 2;
	}
	memset(&it[n], 0, sizeof(it[n]));
	it[n].kind = LB_BOX;
	it[n].width = x[len] - x[pos];
	return n + 1;
}

/* The glyph items of a one-line paragraph's runs cut to [a, e): a list
 * the caller frees. */
static GSList *
cut_runs(GSList *line, const char *text, size_t a, size_t e)
{
	GSList *out = NULL;

	for (GSList *rl = line; rl; rl = rl->next) {
		PangoGlyphItem *gi = rl->data, *cp, *piece;
		size_t io = (size_t)gi->item->offset, ie = io + (size_t)gi->item->length;
		size_t s = a > io ? a : io, t = e < ie ? e : ie;

		if (s >= t)
			continue;
		cp = pango_glyph_item_copy(gi);
		if (s > io)
			pango_glyph_item_free(pango_glyph_item_split(cp, text, (int)(s - io)));
		if (t < ie) {
			piece = pango_glyph_item_split(cp, text, (int)(t - s));
			pango_glyph_item_free(cp);
			cp = piece;
		}
		out = g_slist_prepend(out, cp);
	}
	return g_slist_reverse(out);
}

/* Draw the soft hyphen ending a line (its glyph is empty in the one-line
 * layout) as the face's hyphen. */
static void
show_hyphen(GSList *runs, size_t at)
{
	PangoGlyphItem *gi = g_slist_last(runs) ? g_slist_last(runs)->data : NULL;
	PangoGlyph g;
	int w;

	if (gi == NULL || (size_t)gi->item->offset > at)
		return;
	for (int k = gi->glyphs->num_glyphs - 1; k >= 0; k--)
		if ((size_t)(gi->item->offset + gi->glyphs->log_clusters[k]) == at) {
			if ((g = hyphen_glyph(gi->item->analysis.font, &w)) ==
			    PANGO_GLYPH_EMPTY)
				return;
			gi->glyphs->glyphs[k].glyph = g;
			gi->glyphs->glyphs[k].geometry.width = w;
			gi->glyphs->glyphs[k].geometry.x_offset = 0;
			return;
		}
}

/* The glyphs of a line's text runs (at least 1), but the space glyph
 * drawn after a line that broke at a space (see emit_run), which takes
 * no part in justifying it. */
static size_t
glyph_count(const struct dl_list *l)
{
	size_t n = 0;
	const struct dl_text *last = NULL;

	for (size_t i = 0; i < l->n; i++)
		if (l->items[i].kind == DL_TEXT) {
			last = &l->items[i].u.text;
			n += last->nglyphs;
		}
	if (last && n > 1 && last->nglyphs > 0) {
		const struct dl_glyph *g = &last->glyphs[last->nglyphs - 1];

		if (g->len == 1 && last->text[g->off] == ' ')
			n--;
	}
	return n ? n : 1;
}

/* The letter spacing a justified line takes of the room it must gain
 * (extra > 0) or give up: its share of the line's stretch (or shrink),
 * each glyph never past its limit; the spaces take the rest. */
static double
letter_share(const struct tparams *tp, double extra, int nsp, size_t gaps)
{
	double lst = tp->ls, lsh = tp->ls * LS_SHRINK / LS_STRETCH, r;

	if (tp->ls <= 0 || gaps == 0)
		return 0;
	if (extra > 0) {
		r = extra / (nsp * tp->space / 2 + gaps * lst);
		return (r < 1 ? r : 1) * lst;
	}
	r = extra / (nsp * tp->space / 3 + gaps * lsh);
	return (r > -1 ? r : -1) * lsh;
}

/* Space a line's glyphs ls apart more (less when negative): each moves by
 * ls times the glyphs before it; its links and boxes move with the glyph
 * at their left edge.  Runs set Tc to match, so the PDF writes no more
 * positions than before. */
static void
letter_space(struct dl_list *l, double ls)
{
	double *gx = NULL;
	size_t ng = 0, cap = 0, j = 0;

	if (ls == 0)
		return;
	for (size_t i = 0; i < l->n; i++) {
		struct dl_text *t = &l->items[i].u.text;

		if (l->items[i].kind != DL_TEXT)
			continue;
		for (uint32_t g = 0; g < t->nglyphs; g++) {
			gx = xgrow(gx, &cap, ng + 1, sizeof(*gx));
			gx[ng++] = t->x + t->glyphs[g].x;
			t->glyphs[g].x += (float)(g * ls);
		}
		t->x += (float)(j * ls);
		t->spacing += (float)ls;
		j += t->nglyphs;
	}
	for (size_t i = 0; i < l->n; i++) {
		struct dl_item *it = &l->items[i];
		size_t k = 0;

		if (it->kind == DL_LINK) {
			double a = it->u.link.x, b = a + it->u.link.w;
			size_t kb = 0;

			while (k < ng && gx[k] < a - 0.001)
				k++;
			while (kb < ng && gx[kb] < b - 0.001)
				kb++;
			it->u.link.x = (float)(a + k * ls);
			it->u.link.w = (float)(b + kb * ls - it->u.link.x);
		} else if (it->kind == DL_PATH) {
			for (uint32_t p = 0; p + 1 < it->u.path.npts; p += 2) {
				k = 0;
				while (k < ng && gx[k] < it->u.path.pts[p] - 0.001)
					k++;
				it->u.path.pts[p] += (float)(k * ls);
			}
		}
	}
	free(gx);
}

/* Emit line i of a paragraph: its runs, its links, and its alignment:
 * a justified line but the last has its spaces widened or narrowed to the
 * column's edge with punctuation hung, as Pango's justified lines are; a
 * centred or right-aligned line is moved over. */
static void
set_line(struct typeset *ts, GSList *line, PangoAttrList *al,
    const struct tparams *tp, const double *x, const struct kpline *ln,
    int last, struct tlines *out, size_t i, double **spaces, size_t *spcap)
{
	GSList *runs = cut_runs(line, tp->text, ln->start, ln->end);
	double ql, qr, end, w = 0, dx = 0;
	int nsp;

	if (ln->hyphen)
		show_hyphen(runs, ln->end - 2);
	for (GSList *rl = runs; rl; rl = rl->next)
		w += pango_glyph_string_get_width(((PangoGlyphItem *)rl->data)->glyphs) /
		    (double)PANGO_SCALE;
	if (!(tp->flags & T_NOWRAP))
		dx = (tp->flags & T_CENTER) ? (tp->width - w) / 2 :
		    (tp->flags & T_RIGHT) ? tp->width - w : 0;
	for (GSList *rl = runs; rl; rl = rl->next) {
		PangoGlyphItem *gi = rl->data;

		fallback_style(ts, al, gi, tp->text, tp->r);
		emit_run(ts, gi, tp->text, dx + x[gi->item->offset] - x[ln->start],
		    out->baseline, tp->color, tp->spacing, tp->line_no, tp->file,
		    rl->next != NULL ? 0 : !last && !ln->hyphen && ln->end < tp->len &&
		    tp->text[ln->end] == ' ' ? 2 : 1, link_marker(ts, tp->r, tp->h, gi->item->offset,
		    gi->item->length, tp->marker), &out->lines[i]);
	}
	for (size_t m = 0; tp->r && m < tp->r->nmarks; m++) {
		const struct mark *mk = &tp->r->marks[m];
		size_t s = moved(tp->h, mk->start), e = moved(tp->h, mk->end);

		if (mk->kind != MARK_LINK || e <= ln->start || s >= ln->end)
			continue;
		s = s > ln->start ? s : ln->start;
		e = e < ln->end ? e : ln->end;
		while (s < e && isnan(x[s]))
			s++;
		while (e > s && isnan(x[e]))
			e--;
		add_link(ts, mk, dx + x[s] - x[ln->start], dx + x[e] - x[ln->start],
		    out->leading, marker_of(ts, tp->marker, m), &out->lines[i]);
	}
	if ((tp->flags & T_JUSTIFY) && !last && (nsp = line_hang(runs, tp->text, 0,
	    &ql, &qr, &end, spaces, spcap)) > 0) {
		size_t gaps = glyph_count(&out->lines[i]) - 1;
		double ls = letter_share(tp, ql + tp->width + qr - end, nsp, gaps);

		hang_line(&out->lines[i], ql, tp->width + qr - gaps * ls, end, *spaces,
		    nsp);
		letter_space(&out->lines[i], ls);
		w = tp->width;
	}
	if (w > out->width)
		out->width = w;
	g_slist_free_full(runs, (GDestroyNotify)pango_glyph_item_free);
}

/* First fit at a width, balanced: a heading keeps its number of lines at
 * the narrowest width that allows it (to within a point), so a short
 * last line takes words from the lines above.  Returns the lines. */
static int
balanced(const struct lb_item *it, size_t n, double width, double natural,
    size_t *brk)
{
	int lines = linebreak_greedy(it, n, width, brk);
	double lo, hi = width;

	if (lines < 2)
		return lines;
	lo = natural / lines;
	while (hi - lo > 1) {
		double mid = (lo + hi) / 2;
		int k = linebreak_greedy(it, n, mid, brk);

		if (k > 0 && k <= lines)
			hi = mid;
		else
			lo = mid;
	}
	return linebreak_greedy(it, n, hi, brk);
}

/* Lay out a text shaped once on one line (shape.c) and broken over its
 * widths: a justified paragraph as a whole (linebreak.c's total fit), the
 * rest first fit as Pango breaks it (balanced where flags ask), or not at
 * all (T_NOWRAP).  Returns 0, or -1 when it cannot (what only a layout
 * sets, a word wider than the line): then Pango lays it out. */
static int
fit_text(struct typeset *ts, PangoAttrList *al, const struct tparams *tp0,
    struct tlines *out)
{
	struct tparams sp = *tp0, *tp = &sp;
	PangoLogAttr *la = NULL;
	int nla = 0, lines, w;
	/* A line never broken needs no break opportunities. */
	GSList *line = shaper_line(ts->shaper, tp->text, tp->len, al,
	    (tp->flags & T_NOWRAP) ? NULL : &la, &nla);
	double *x, hyw = 0, *spaces = NULL;
	struct lb_item *it;
	struct kpline *ln;
	size_t n, *brk, cap = 0;

	if (line == NULL)
		return -1;
	x = cluster_x(line, tp->len);
	hyphen_glyph(((PangoGlyphItem *)line->data)->item->analysis.font, &w);
	hyw = w / (double)PANGO_SCALE;
	it = xcalloc(2 * tp->len + 2, sizeof(*it));
	ln = xcalloc(2 * tp->len + 2, sizeof(*ln));
	brk = xcalloc(2 * tp->len + 2, sizeof(*brk));
	n = la ? kp_items(la, nla, tp->text, tp->len, x, hyw, tp->ls, it, ln) : 0;
	for (size_t k = 0; k < n; k++)
		if (it[k].kind == LB_GLUE) {
			sp.space = it[k].width;	/* what set_line shares out */
			break;
		}
	if (tp->flags & T_NOWRAP)
		lines = 1;
	else if (tp->flags & T_JUSTIFY)
		lines = linebreak(it, n, tp->width, brk);
	else if ((tp->flags & T_BALANCE) && !(tp->flags & (T_CENTER | T_RIGHT)))
		lines = balanced(it, n, tp->width, x[tp->len], brk);
	else
		lines = linebreak_greedy(it, n, tp->width, brk);
	if (lines > 0) {
		out->n = (size_t)lines;
		out->lines = xcalloc(out->n, sizeof(struct dl_list));
		out->hyphen = xcalloc(out->n, 1);
		for (int k = 0; k < lines; k++) {
			struct kpline l = { k ? ln[brk[k - 1]].start : 0,
			    k + 1 < lines ? ln[brk[k]].end : tp->len,
			    k + 1 < lines && ln[brk[k]].hyphen };

			set_line(ts, line, al, tp, x, &l, k + 1 == lines, out, (size_t)k,
			    &spaces, &cap);
			out->hyphen[k] = (unsigned char)l.hyphen;
		}
	}
	free(spaces);
	free(brk);
	free(ln);
	free(it);
	free(x);
	g_free(la);
	g_slist_free_full(line, (GDestroyNotify)pango_glyph_item_free);
	return lines > 0 ? 0 : -1;
}

/* A Pango layout of h's text in style st, width wide, set as flags ask
 * (tie: where the last word is tied to the one before, or -1). */
static PangoLayout *
new_layout(struct typeset *ts, const struct rich *r, const struct hyphtext *h,
    const struct style *st, double width, int flags, int tie)
{
	PangoLayout *lay = pango_layout_new(ts->ctx);
	const char *text = h->out.data ? h->out.data : "";
	PangoAttrList *al = attributes(r, h, st, text, h->out.len, tie);

	pango_layout_set_text(lay, text, (int)h->out.len);
	pango_layout_set_attributes(lay, al);
	pango_attr_list_unref(al);
	if (!(flags & T_NOWRAP)) {
		pango_layout_set_width(lay, (int)(width * PANGO_SCALE));
		pango_layout_set_wrap(lay, PANGO_WRAP_WORD_CHAR);
	}
	if (flags & T_ELLIPSIZE)
		pango_layout_set_ellipsize(lay, PANGO_ELLIPSIZE_END);
	pango_layout_set_justify(lay, (flags & T_JUSTIFY) != 0);
	pango_layout_set_alignment(lay, (flags & T_CENTER) ? PANGO_ALIGN_CENTER :
	    (flags & T_RIGHT) ? PANGO_ALIGN_RIGHT : PANGO_ALIGN_LEFT);
	return lay;
}

/* Lay out a text with Pango (what fit_text cannot set): lay's lines
 * into out, each run emitted, links marked, justified lines but the last
 * hung and brought to the edge. */
static void
layout_lines(struct typeset *ts, PangoLayout *lay, const struct tparams *tp,
    struct tlines *out)
{
	PangoLayoutIter *iter;
	double *spaces = NULL;	/* hanging punctuation: a line's spaces */
	size_t spcap = 0, i = 0;

	out->n = (size_t)pango_layout_get_line_count(lay);
	out->lines = xcalloc(out->n, sizeof(struct dl_list));
	out->hyphen = xcalloc(out->n, 1);
	iter = pango_layout_get_iter(lay);
	do {
		PangoLayoutLine *line = pango_layout_iter_get_line_readonly(iter);
		PangoRectangle log;
		double x;

		if (i >= out->n)
			break;
		out->hyphen[i] = line->length >= 2 && memcmp(tp->text + line->start_index +
		    line->length - 2, "\xc2\xad", 2) == 0;
		pango_layout_iter_get_line_extents(iter, NULL, &log);
		x = log.x / (double)PANGO_SCALE;
		if (log.width / (double)PANGO_SCALE > out->width)
			out->width = log.width / (double)PANGO_SCALE;
		for (GSList *rl = line->runs; rl; rl = rl->next) {
			PangoGlyphItem *gi = rl->data;
			int w = pango_glyph_string_get_width(gi->glyphs);

			fallback_style(ts, pango_layout_get_attributes(lay), gi, tp->text,
			    tp->r);
			emit_run(ts, gi, tp->text, x, out->baseline, tp->color, tp->spacing,
			    tp->line_no, tp->file, rl->next == NULL, link_marker(ts, tp->r,
			    tp->h, gi->item->offset, gi->item->length, tp->marker), &out->lines[i]);
			x += w / (double)PANGO_SCALE;
		}
		if (tp->marker)
			line_links(ts, line, tp->r, tp->h, out->leading, log.x /
			    (double)PANGO_SCALE, &out->lines[i], tp->marker);
		/* Justified lines but the last: punctuation at their edges hangs
		 * into the margins, so the column looks straight; and a line
		 * Pango let run past the edge (a hyphen added after the break
		 * was measured) is brought back to it. */
		if ((tp->flags & T_JUSTIFY) && i + 1 < out->n) {
			double ql = 0, qr = 0, end = 0;
			int nsp = line_hang(line->runs, tp->text, log.x / (double)PANGO_SCALE,
			    &ql, &qr, &end, &spaces, &spcap);

			if (nsp > 0 && (ql > 0 || fabs(tp->width + qr - end) > 0.01))
				hang_line(&out->lines[i], ql, tp->width + qr, end, spaces, nsp);
		}
		i++;
	} while (pango_layout_iter_next_line(iter));
	out->n = i;
	free(spaces);
	pango_layout_iter_free(iter);
}

/* Lay out a text; see text.h. */
void
text_layout(struct typeset *ts, const struct rich *r, const char *plain,
    const struct style *st, double width, int flags, uint32_t color,
    struct tlines *out)
{
	PangoLayout *lay;
	struct hyphtext h;
	const char *src = r ? r->text : plain;
	const char *lang = NULL;	/* of a text with no marks left */
	size_t srclen = r ? r->len : strlen(plain);
	char *upper = NULL, *smart = NULL;
	const char *text;
	size_t len;
	int tie, kp;
	int *mk = NULL;		/* each link's marker (dl_link_marker) */

	memset(out, 0, sizeof(*out));
	memset(&h, 0, sizeof(h));
	buf_init(&h.out);
	if (color == 0)
		color = st->color;
	if (st->upper && (r == NULL || r->nmarks == 0)) {
		lang = r ? r->lang : NULL;
		upper = g_utf8_strup(src, (gssize)srclen);
		src = upper;
		srclen = strlen(upper);
		r = NULL;
	}
	if (r == NULL && (smart = quotes_smarten(src, &srclen, lang, NULL, 0)) != NULL)
		src = smart;	/* plain text gets typographic quotes here */
	if (!(flags & T_NOWRAP) && srclen > LONG_RUN)
		find_long_words(&h, src, srclen, r ? r->lang : lang);
	prepare(r, lang, &h, src, srclen, (flags & T_HYPHENATE) != 0);
	text = h.out.data ? h.out.data : "";
	len = h.out.len;
	tie = (flags & T_JUSTIFY) ? tie_position(text, len) : -1;

	/* Text is shaped once on one line and broken over its widths; Pango
	 * lays out what that cannot set (ellipsized, right-to-left...). */
	kp = !(flags & T_ELLIPSIZE) && !((flags & T_JUSTIFY) && (flags & (T_NOWRAP |
	    T_CENTER | T_RIGHT))) && len <= KP_MAX;
	out->leading = st->leading;
	out->baseline = (st->leading - (st->ascent + st->descent)) / 2 + st->ascent;
	for (size_t m = 0; r && m < r->nmarks && !mk; m++)
		if (r->marks[m].kind == MARK_LINK)
			mk = xcalloc(r->nmarks, sizeof(*mk));
	{
		struct tparams tp = { text, len, r, &h, width, st->tracking * st->size /
		    1000.0, color, r ? r->pos.line : 0, r ? r->pos.file : NULL, flags,
		    (flags & T_JUSTIFY) ? LS_STRETCH * st->size : 0, st->size / 4, mk };

		if (kp) {
			PangoAttrList *al = attributes(r, &h, st, text, len, tie);

			kp = fit_text(ts, al, &tp, out) == 0;
			pango_attr_list_unref(al);
		}
		if (!kp) {
			lay = new_layout(ts, r, &h, st, width, flags, tie);
			if ((flags & T_BALANCE) && !(flags & (T_NOWRAP | T_ELLIPSIZE |
			    T_CENTER | T_RIGHT | T_JUSTIFY)))
				balance(lay, width);
			layout_lines(ts, lay, &tp, out);
			g_object_unref(lay);
		}
	}
	free(mk);
	buf_free(&h.out);
	free(h.ins);
	free(h.brk);
	free(smart);
	g_free(upper);
}

/* Free line frames. */
void
tlines_free(struct tlines *t)
{
	for (size_t i = 0; i < t->n; i++)
		dl_list_free(&t->lines[i]);
	free(t->lines);
	free(t->hyphen);
	memset(t, 0, sizeof(*t));
}

/* Natural one-line width. */
double
text_width(struct typeset *ts, const char *plain, const struct style *st)
{
	char *upper = st->upper ? g_utf8_strup(plain, -1) : NULL;
	const char *src = upper ? upper : plain;
	char *smart;
	const char *text;
	size_t len;
	PangoAttrList *al;
	PangoLogAttr *la = NULL;
	GSList *runs;
	int nla, w = 0, h;

	/* Measured as text_layout sets it: with typographic quotes, shaped
	 * once (the words kept), or by a layout where that cannot be. */
	len = strlen(src);
	smart = quotes_smarten(src, &len, NULL, NULL, 0);
	text = smart ? smart : src;
	al = attributes(NULL, NULL, st, text, len, -1);
	if ((runs = shaper_line(ts->shaper, text, len, al, NULL, &nla)) != NULL) {
		for (GSList *rl = runs; rl; rl = rl->next)
			w += pango_glyph_string_get_width(((PangoGlyphItem *)rl->data)->glyphs);
		g_slist_free_full(runs, (GDestroyNotify)pango_glyph_item_free);
		g_free(la);
	} else {
		PangoLayout *lay = pango_layout_new(ts->ctx);

		pango_layout_set_text(lay, text, (int)len);
		pango_layout_set_attributes(lay, al);
		pango_layout_get_size(lay, &w, &h);
		g_object_unref(lay);
	}
	pango_attr_list_unref(al);
	free(smart);
	g_free(upper);
	return w / (double)PANGO_SCALE;
}
