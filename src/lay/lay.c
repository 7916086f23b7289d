/* lay.c: what the layout files share: text into frames and the flow,
 * section labels, the running header, circles, badges and initials. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "lay/geom.h"
#include "lay/lay.h"

/* Story accent for styles that use the accent colour. */
uint32_t
lay_color(const struct lay *L, enum style_id s)
{
	return L->t->st[s].color == L->t->colors[C_ACCENT] ? L->accent : 0;
}

/* The structure role of text in style s; -1: an artifact. */
static int
style_role(enum style_id s)
{
	switch (s) {
	case ST_HEADLINE:
	case ST_MASTHEAD:
		return DL_R_H1;
	case ST_KICKER:
	case ST_COVER_HEAD:
		return DL_R_H2;
	case ST_HEADING:
		return DL_R_H3;
	case ST_POINT_NUM:
		return DL_R_LBL;
	case ST_POINT:
		return DL_R_LBODY;
	case ST_CAPTION:
		return DL_R_CAPTION;
	case ST_HEADER:
	case ST_FOOTER:
	case ST_BADGE:
		return -1;
	default:
		return DL_R_P;
	}
}

/* The element text in style s and language lang goes into: a new one,
 * the figure being drawn, or 0 for an artifact. */
static int
text_elem(struct lay *L, enum style_id s, const struct rich *r)
{
	int role = style_role(s), e;

	if (L->tag_into)
		return L->tag_into;
	if (L->artifact || role < 0)
		return 0;
	e = dl_elem_new(L->doc, L->tag, (enum dl_role)role);
	if (r && r->lang)
		dl_elem_lang(L->doc, e, r->lang);
	return e;
}

/* A new container; see lay.h. */
int
lay_group(struct lay *L, enum dl_role r)
{
	int prev = L->tag;

	L->tag = dl_elem_new(L->doc, L->tag, r);
	return prev;
}

/* Leave a container; see lay.h. */
void
lay_group_end(struct lay *L, int prev)
{
	L->tag = prev;
}

/* A new figure; see lay.h. */
int
lay_figure(struct lay *L, const char *alt)
{
	int fig = dl_elem_new(L->doc, L->tag, DL_R_FIGURE);

	dl_elem_alt(L->doc, fig, alt);
	L->tag_into = fig;
	return fig;
}

/* The end of a figure; see lay.h. */
void
lay_figure_end(struct lay *L, struct dl_list *l, size_t from, int fig)
{
	dl_list_tag(L->doc, l, from, fig);
	L->tag_into = 0;
}

/* Place lines into a frame; see lay.h. */
double
lay_place(struct dl_list *dst, struct tlines *tl, double x, double y)
{
	for (size_t i = 0; i < tl->n; i++)
		dl_list_place(dst, &tl->lines[i], (float)x,
		    (float)(y + i * tl->leading));
	return tl->n * tl->leading;
}

/* Text straight into a frame; see lay.h. */
double
lay_frame_text(struct lay *L, struct dl_list *dst, const struct rich *r,
    const char *plain, enum style_id s, double x, double y, double width,
    int flags, uint32_t color)
{
	struct tlines tl;
	size_t n0 = dst->n;
	double h;

	/* Past the page limit the document is an error: lay out no more. */
	if (L->f && flow_overflowed(L->f))
		return 0;
	text_layout(L->ts, r, plain, &L->t->st[s], width, flags,
	    color ? color : lay_color(L, s), &tl);
	h = lay_place(dst, &tl, x, y);
	if (tl.n)
		dl_list_tag(L->doc, dst, n0, text_elem(L, s, r));
	tlines_free(&tl);
	return h;
}

/* Text as breakable slices; see lay.h. */
double
lay_text(struct lay *L, const struct rich *r, const char *plain,
    enum style_id s, double x, double width, int flags, double space,
    int keep_first)
{
	struct tlines tl;
	unsigned char *placed;
	double h;
	int e;

	if (flow_overflowed(L->f))
		return 0;
	text_layout(L->ts, r, plain, &L->t->st[s], width, flags,
	    lay_color(L, s), &tl);
	placed = r && r->nnotes ? xcalloc(r->nnotes, 1) : NULL;
	e = tl.n ? text_elem(L, s, r) : 0;
	for (size_t i = 0; i < tl.n; i++) {
		struct dl_list fr = { 0 };
		int fl = 0;

		/* Notes go with the line of their reference. */
		notes_for_line(L, r, &tl.lines[i], placed, i + 1 == tl.n);
		dl_list_tag(L->doc, &tl.lines[i], 0, e);
		/* Break before line i only with two lines on either side, and
		 * never inside a hyphenated word (a name split across pages). */
		if (i == 0)
			fl = keep_first ? F_KEEP : 0;
		else if (i < 2 || tl.n - i < 2 || (tl.hyphen && tl.hyphen[i - 1]))
			fl = F_KEEP;
		dl_list_place(&fr, &tl.lines[i], (float)x, 0);
		flow_add(L->f, &fr, tl.leading, i == 0 ? space : 0, fl);
	}
	h = tl.n * tl.leading;
	tlines_free(&tl);
	free(placed);
	return h;
}

/* Section label with a rule above; see lay.h. */
void
lay_kicker(struct lay *L, const char *label, double space, int flags,
    const char *bookmark)
{
	struct dl_list fr = { 0 };
	double h;

	if (L->part && !L->sect_ready)
		L->tag = dl_elem_new(L->doc, L->part, DL_R_SECT);
	L->sect_ready = 0;
	h = lay_kicker_frame(L, &fr, label);
	if (bookmark) {
		int dest = dl_dest_new(L->doc);

		dl_bookmark(L->doc, L->level + 1, bookmark, dest);
		flow_mark(L->f, dest);
	}
	flow_add(L->f, &fr, h, space, flags);
}

/* A section label's frame; see lay.h. */
double
lay_kicker_frame(struct lay *L, struct dl_list *fr, const char *label)
{
	dl_hline(L->doc, fr, 0, (float)L->W, 0, 0.8f, L->accent, 0);
	return 14 + lay_frame_text(L, fr, NULL, label, ST_KICKER, 0, 6, L->W, 0, 0);
}

/* The flags that start a section: a new page when the layout asks. */
int
lay_break(const struct lay *L, enum section_kind k)
{
	return L->t->breaks & (1u << k) ? F_NEWPAGE : 0;
}

/* A section label for the pages a section continues on; see lay.h. */
void
lay_continued(struct lay *L, const char *label)
{
	struct dl_list fr = { 0 };
	char *text = xasprintf("%s (continued)", label);
	double h;

	L->artifact++;
	h = lay_kicker_frame(L, &fr, text);
	L->artifact--;
	free(text);
	flow_continued(L->f, &fr, h);
}

static void circle_path(struct lay *, struct dl_list *, double, double, double,
    uint32_t, uint32_t, double, int);

/* A filled circle. */
void
lay_circle(struct lay *L, struct dl_list *dst, double cx, double cy, double r,
    uint32_t fill)
{
	circle_path(L, dst, cx, cy, r, fill, 0, 0, DL_FILL);
}

/* A stroked circle. */
void
lay_ring(struct lay *L, struct dl_list *dst, double cx, double cy, double r,
    uint32_t color, double width)
{
	circle_path(L, dst, cx, cy, r, 0, color, width, DL_STROKE);
}

/* The layout's logo, h points high, with its top-left at (x, y); see
 * lay.h.  Returns its width. */
double
lay_logo(struct lay *L, struct dl_list *fr, double x, double y, double h)
{
	const struct theme *t = L->t;
	struct dl_item it;

	memset(&it, 0, sizeof(it));
	it.kind = DL_IMAGE;
	it.u.image.image = dl_image(L->doc, t->logo, t->logo_px_w, t->logo_px_h,
	    t->logo_png);
	it.u.image.x = (float)x;
	it.u.image.y = (float)y;
	it.u.image.h = (float)h;
	it.u.image.w = (float)(h * t->logo_aspect);
	dl_list_add(fr, &it);
	return it.u.image.w;
}

/* Running header; see lay.h.  Its text wraps upwards when it is too
 * long for one line. */
void
lay_header(struct lay *L, struct dl_list *fr, const char *text, double y)
{
	const struct theme *t = L->t;
	double w = L->W;

	if (t->logo) {
		double lw = t->logo_h * t->logo_aspect;

		lay_logo(L, fr, L->W - lw, y + t->st[ST_HEADER].leading - t->logo_h + 1,
		    t->logo_h);
		w -= lw + 12;
	}
	/* Never cut: a header too long for one line wraps upwards. */
	{
		struct tlines tl;

		text_layout(L->ts, NULL, text, &t->st[ST_HEADER], w, 0,
		    lay_color(L, ST_HEADER), &tl);
		lay_place(fr, &tl, 0, y - (tl.n > 1 ? (tl.n - 1) * tl.leading : 0));
		tlines_free(&tl);
	}
}

/* A circle through Cairo's arc, read back as a path. */
static void
circle_path(struct lay *L, struct dl_list *dst, double cx, double cy, double r,
    uint32_t fill, uint32_t stroke, double width, int flags)
{
	cairo_new_sub_path(geom_cr(L->g));
	cairo_arc(geom_cr(L->g), cx, cy, r, 0, 2 * M_PI);
	cairo_close_path(geom_cr(L->g));
	geom_emit(L->g, L->doc, dst, fill, stroke, width, flags);
}

/* Badge with centred initials. */
void
lay_badge(struct lay *L, struct dl_list *dst, double cx, double cy, double r,
    const char *initials, uint32_t fill)
{
	const struct style *st = &L->t->st[ST_BADGE];
	struct tlines tl;

	lay_circle(L, dst, cx, cy, r, fill);
	text_layout(L->ts, NULL, initials, st, 2 * r, T_CENTER, 0, &tl);
	if (tl.n > 0) {
		/* Centre the cap height on the circle's centre. */
		double capmid = st->ascent * 0.36;

		dl_list_place(dst, &tl.lines[0], (float)(cx - r),
		    (float)(cy + capmid - tl.baseline));
	}
	tlines_free(&tl);
}

/* Initials; see lay.h. */
char *
lay_initials(const char *given, const char *name)
{
	struct buf b;
	int words = 0, start = 1;

	if (given)
		return g_utf8_strup(given, -1);
	buf_init(&b);
	for (const char *p = name; *p && words < 2; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (g_unichar_isalnum(c) && start) {
			char u[8];
			int n = g_unichar_to_utf8(g_unichar_toupper(c), u);

			buf_add(&b, u, (size_t)n);
			words++;
		}
		start = !g_unichar_isalnum(c) && c != '\'' && c != 0x2019;
	}
	return buf_steal(&b);
}


/* A stance in a word; see lay.h. */
const char *
lay_stance_word(enum stance s)
{
	static const char *const word[] = { "Gains", "Loses", "Mixed", "Neutral" };

	return word[s];
}

/* ---- notes ------------------------------------------------------------
 * A note's reference is its number in superscript digits, written into
 * the text by parse.c; the line that draws it is found by its text, and
 * the note goes to the flow with that line's slice, which sets it at the
 * foot of the slice's page. */

#define HANG	12.0	/* the note's number, right-aligned in it */

/* Whether p starts a superscript digit (¹²³ or U+2070..2079). */
static int
supdigit(const char *p, const char *end)
{
	if (end - p >= 2 && p[0] == '\xc2' && (p[1] == '\xb9' || p[1] == '\xb2' ||
	    p[1] == '\xb3'))
		return 1;
	return end - p >= 3 && p[0] == '\xe2' && p[1] == '\x81' &&
	    (unsigned char)p[2] >= 0xb0 && (unsigned char)p[2] <= 0xb9;
}

/* Whether the digit before p is a superscript one. */
static int
supdigit_before(const char *s, const char *p)
{
	return (p - s >= 2 && supdigit(p - 2, p)) || (p - s >= 3 && supdigit(p - 3, p));
}

/* Whether text holds ref as a whole number (not inside ¹²³). */
static int
holds(const char *text, size_t len, const char *ref)
{
	const char *end = text + len;
	size_t n = strlen(ref);

	for (const char *p = text; (p = memmem(p, (size_t)(end - p), ref, n)) != NULL; p++)
		if (!supdigit_before(text, p) && !supdigit(p + n, end))
			return 1;
	return 0;
}

static void
give(struct lay *L, const struct note *nt)
{
	struct dl_list fr = { 0 };
	char num[16];
	double h;

	snprintf(num, sizeof(num), "%d", nt->number);
	lay_frame_text(L, &fr, NULL, num, ST_CAPTION, 0, 0, HANG - 3, T_RIGHT, 0);
	h = lay_frame_text(L, &fr, &nt->text, NULL, ST_CAPTION, HANG, 0,
	    L->W - HANG, 0, 0);
	flow_note(L->f, &fr, h + 2, L->t->colors[C_RULE]);
}

/* Notes whose reference is in a line; see notes.h. */
void
notes_for_line(struct lay *L, const struct rich *r, const struct dl_list *line,
    unsigned char *placed, int last)
{
	struct buf text;

	if (r == NULL || r->nnotes == 0)
		return;
	buf_init(&text);
	buf_add(&text, "", 0);
	for (size_t i = 0; i < line->n; i++)
		if (line->items[i].kind == DL_TEXT)
			buf_add(&text, line->items[i].u.text.text,
			    line->items[i].u.text.textlen);
	for (size_t k = 0; k < r->nnotes; k++)
		if (!placed[k] && (last || holds(text.data, text.len, r->notes[k].ref))) {
			give(L, &r->notes[k]);
			placed[k] = 1;
		}
	buf_free(&text);
}

/* All of a text's notes; see notes.h. */
void
notes_all(struct lay *L, const struct rich *r)
{
	for (size_t k = 0; r && k < r->nnotes; k++)
		give(L, &r->notes[k]);
}
