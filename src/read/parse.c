/* parse.c: an input file -> the model.  The file is read by infile.c
 * (bounded), parsed by xmlin.c (no DTD, no entities, no network), its
 * includes done by include.c (only files in the input's folder), checked
 * against the RELAX NG schema, and built into a struct briefing whose
 * every place comes from srcmap.c. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <libxml/parser.h>

#include "base/diag.h"
#include "base/image.h"
#include "base/infile.h"
#include "base/util.h"
#include "read/include.h"
#include "read/model.h"
#include "read/parse.h"
#include "read/quotes.h"
#include "read/schemas.h"
#include "read/srcmap.h"
#include "read/validate.h"
#include "read/xmlin.h"

/* ---- tree -> model ---------------------------------------------------- */

struct builder {
	int		 notes;		/* the story's notes so far */
	struct pool	*pool;
	struct briefing	*b;
	struct srcmap	*m;
	const char	*root;		/* the input's folder: pictures stay in it */
	struct diags	*d;
	struct filelist	*read;		/* files read, for watch (may be NULL) */
};

static struct srcpos
node_pos(struct builder *bd, xmlNodePtr n)
{
	return srcmap_node(bd->m, n);
}

/* The place of an attribute: its name on the element's start tag. */
static struct srcpos
attr_pos(struct builder *bd, xmlNodePtr n, const char *name)
{
	return srcmap_attr(bd->m, n, name);
}

/* The language of n: its own xml:lang or the nearest ancestor's, kept in
 * the model's pool; NULL when none is given. */
static const char *
lang_of(struct builder *bd, xmlNodePtr n)
{
	xmlChar *l = xmlNodeGetLang(n);
	char *s;

	if (l == NULL)
		return NULL;
	s = pool_strdup(bd->pool, (const char *)l);
	xmlFree(l);
	return s;
}

static char *
attr(struct builder *bd, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = pool_strdup(bd->pool, (const char *)v);
	xmlFree(v);
	return s;
}

static int
is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int
isspace_xml(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct richbuild {
	struct buf	 text;
	struct mark	*marks;
	size_t		 nmarks, cap;
	struct note	*notes;
	size_t		 nnotes, notecap;
	int		 space;		/* last byte was a collapsed space */
};

static void
rich_text(struct richbuild *r, const char *s)
{
	for (; *s; s++) {
		if (isspace_xml(*s)) {
			if (!r->space && r->text.len > 0)
				buf_addc(&r->text, ' ');
			r->space = 1;
		} else {
			buf_addc(&r->text, *s);
			r->space = 0;
		}
	}
}

static void rich(struct builder *, xmlNodePtr, struct rich *);

/* A <note>: its number in superscript digits into the text, its text
 * kept with it. */
static void
rich_note(struct builder *bd, struct richbuild *r, xmlNodePtr c)
{
	static const char *const sup[] = { "\xe2\x81\xb0", "\xc2\xb9", "\xc2\xb2",
	    "\xc2\xb3", "\xe2\x81\xb4", "\xe2\x81\xb5", "\xe2\x81\xb6",
	    "\xe2\x81\xb7", "\xe2\x81\xb8", "\xe2\x81\xb9" };
	struct note *nt;
	struct buf ref;
	char num[16];

	r->notes = xgrow(r->notes, &r->notecap, r->nnotes + 1, sizeof(*nt));
	nt = &r->notes[r->nnotes++];
	memset(nt, 0, sizeof(*nt));
	nt->number = ++bd->notes;
	nt->pos = node_pos(bd, c);
	rich(bd, c, &nt->text);
	snprintf(num, sizeof(num), "%d", nt->number);
	buf_init(&ref);
	buf_add(&ref, "", 0);
	for (const char *p = num; *p; p++)
		buf_adds(&ref, sup[*p - '0']);
	/* After a space the reference would stand alone: tie it to the word. */
	while (r->text.len && r->text.data[r->text.len - 1] == ' ')
		r->text.data[--r->text.len] = '\0';
	buf_add(&r->text, ref.data, ref.len);
	r->space = 0;
	nt->ref = pool_strndup(bd->pool, ref.data, ref.len);
	buf_free(&ref);
}

/* The superscript (sup set) or subscript form of c, or NULL. */
static const char *
script_form(gunichar c, int sup)
{
	static const char *const up[] = { "\u2070", "\u00b9", "\u00b2", "\u00b3",
	    "\u2074", "\u2075", "\u2076", "\u2077", "\u2078", "\u2079" };
	static const char *const down[] = { "\u2080", "\u2081", "\u2082", "\u2083",
	    "\u2084", "\u2085", "\u2086", "\u2087", "\u2088", "\u2089" };
	static const struct { gunichar c; const char *up, *down; } other[] = {
		{ '+', "\u207a", "\u208a" }, { '-', "\u207b", "\u208b" },
		{ 0x2212, "\u207b", "\u208b" }, { '=', "\u207c", "\u208c" },
		{ '(', "\u207d", "\u208d" }, { ')', "\u207e", "\u208e" },
		{ 'n', "\u207f", "\u2099" }, { 'i', "\u2071", NULL },
		{ 'a', NULL, "\u2090" }, { 'e', NULL, "\u2091" }, { 'o', NULL, "\u2092" },
		{ 'x', NULL, "\u2093" }, { 'h', NULL, "\u2095" }, { 'k', NULL, "\u2096" },
		{ 'l', NULL, "\u2097" }, { 'm', NULL, "\u2098" }, { 'p', NULL, "\u209a" },
		{ 's', NULL, "\u209b" }, { 't', NULL, "\u209c" },
	};

	if (c >= '0' && c <= '9')
		return sup ? up[c - '0'] : down[c - '0'];
	for (size_t i = 0; i < sizeof(other) / sizeof(other[0]); i++)
		if (other[i].c == c)
			return sup ? other[i].up : other[i].down;
	return NULL;
}

/* <sup> and <sub>: the text in Unicode's raised or lowered characters
 * when each has one (the fonts draw them, and the text layer and the mail
 * keep them); otherwise the text as written under a MARK_SUP or MARK_SUB,
 * which layout sets smaller, raised or lowered. */
static void
rich_script(struct builder *bd, struct richbuild *r, xmlNodePtr c, int sup)
{
	xmlChar *content = xmlNodeGetContent(c);
	const char *s = content ? (const char *)content : "";
	struct buf out;
	const char *bad = NULL;
	struct mark m;

	buf_init(&out);
	buf_add(&out, "", 0);
	if (!g_utf8_validate(s, -1, NULL))
		bad = s;
	for (const char *p = s; bad == NULL && *p; p = g_utf8_next_char(p)) {
		const char *f = script_form(g_utf8_get_char(p), sup);

		if (f == NULL)
			bad = p;
		else
			buf_adds(&out, f);
	}
	if (bad) {
		memset(&m, 0, sizeof(m));
		m.kind = sup ? MARK_SUP : MARK_SUB;
		m.pos = node_pos(bd, c);
		m.start = r->text.len;
		rich_text(r, s);
		m.end = r->text.len;
		r->marks = xgrow(r->marks, &r->cap, r->nmarks + 1, sizeof(m));
		r->marks[r->nmarks++] = m;
	} else {
		buf_add(&r->text, out.data, out.len);
		r->space = 0;
	}
	buf_free(&out);
	xmlFree(content);
}

static void
rich_walk(struct builder *bd, struct richbuild *r, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			rich_text(r, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			struct mark m;
			size_t idx;

			if (is(c, "list"))
				continue;	/* an item's nested list: build_list */
			if (is(c, "note")) {
				rich_note(bd, r, c);
				continue;
			}
			if (is(c, "sup") || is(c, "sub")) {
				rich_script(bd, r, c, is(c, "sup"));
				continue;
			}

			memset(&m, 0, sizeof(m));
			if (is(c, "em"))
				m.kind = MARK_EM;
			else if (is(c, "strong"))
				m.kind = MARK_STRONG;
			else if (is(c, "a")) {
				m.kind = MARK_LINK;
				m.href = attr(bd, c, "href");
			} else if (is(c, "span")) {
				m.kind = MARK_LANG;
				m.lang = (char *)lang_of(bd, c);
			} else {
				rich_walk(bd, r, c);
				continue;
			}
			m.pos = node_pos(bd, c);
			m.start = r->text.len;
			r->marks = xgrow(r->marks, &r->cap, r->nmarks + 1, sizeof(m));
			idx = r->nmarks++;
			rich_walk(bd, r, c);
			m.end = r->text.len;
			r->marks[idx] = m;
		}
	}
}

static void
rich(struct builder *bd, xmlNodePtr n, struct rich *out)
{
	struct richbuild r;
	char *smart;
	size_t len;

	memset(&r, 0, sizeof(r));
	buf_init(&r.text);
	buf_add(&r.text, "", 0);
	rich_walk(bd, &r, n);
	while (r.text.len && r.text.data[r.text.len - 1] == ' ')
		r.text.data[--r.text.len] = '\0';
	out->lang = lang_of(bd, n);
	len = r.text.len;
	smart = quotes_smarten(r.text.data, &len, out->lang, r.marks, r.nmarks);
	out->text = pool_strndup(bd->pool, smart ? smart : r.text.data, len);
	out->len = len;
	free(smart);
	out->nmarks = 0;
	out->marks = r.nmarks ? pool_alloc(bd->pool, r.nmarks * sizeof(struct mark)) : NULL;
	for (size_t i = 0; i < r.nmarks; i++) {
		struct mark m = r.marks[i];

		if (m.end > out->len)
			m.end = out->len;
		if (m.start >= m.end)
			continue;	/* empty after collapsing: nothing to style */
		out->marks[out->nmarks++] = m;
	}
	out->nnotes = r.nnotes;
	out->notes = r.nnotes ? pool_alloc(bd->pool, r.nnotes * sizeof(struct note)) : NULL;
	if (r.nnotes)
		memcpy(out->notes, r.notes, r.nnotes * sizeof(struct note));
	out->pos = node_pos(bd, n);
	buf_free(&r.text);
	free(r.marks);
	free(r.notes);
}

static char *
plain(struct builder *bd, xmlNodePtr n)
{
	struct rich r;

	rich(bd, n, &r);
	return r.text;
}

/* Append one zeroed element to a pool array.  The capacity is the power
 * of two at or above n, so the array grows only when n is one: growing
 * by one each time copied the whole array each time (104,000 paragraphs
 * in one section took minutes where realloc cannot grow in place). */
#define PUSH(bd, arr, n) \
	(((n) & ((n) - 1)) == 0 ? (void)((arr) = pool_realloc((bd)->pool, (arr), \
	    ((n) ? 2 * (n) : 1) * sizeof(*(arr)))) : (void)0, \
	 memset(&(arr)[(n)], 0, sizeof(*(arr))), &(arr)[(n)++])

static void
build_recipients(struct builder *bd, xmlNodePtr n, struct recipient **v, size_t *nv)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		struct recipient *r;
		char *k;

		if (!is(c, "recipient"))
			continue;
		r = PUSH(bd, *v, *nv);
		r->name = attr(bd, c, "name");
		r->email = attr(bd, c, "email");
		k = attr(bd, c, "kind");
		r->kind = k == NULL || strcmp(k, "to") == 0 ? RCPT_TO :
		    strcmp(k, "cc") == 0 ? RCPT_CC : RCPT_BCC;
		r->pos = attr_pos(bd, c, "email");
	}
}

static void
build_chart(struct builder *bd, xmlNodePtr n, struct block *blk)
{
	struct chart *ch = pool_alloc(bd->pool, sizeof(*ch));
	char *t = attr(bd, n, "type");

	blk->chart = ch;
	/* A document the schema refused is built too (for the checks of
	 * validate.c): any attribute may be missing. */
	ch->type = t && strcmp(t, "bar") == 0 ? CHART_BAR :
	    t && strcmp(t, "line") == 0 ? CHART_LINE : CHART_STACKED;
	ch->unit = attr(bd, n, "unit");
	ch->pos = node_pos(bd, n);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is(c, "title"))
			rich(bd, c, &ch->title);
		else if (is(c, "caption"))
			rich(bd, c, &ch->caption);
		else if (is(c, "series")) {
			struct chart_series *s = PUSH(bd, ch->series, ch->nseries);

			s->name = attr(bd, c, "name");
			s->pos = node_pos(bd, c);
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct chart_value *cv;

				if (!is(v, "value"))
					continue;
				cv = PUSH(bd, s->values, s->nvalues);
				cv->label = attr(bd, v, "label");
				cv->raw = plain(bd, v);
				cv->pos = node_pos(bd, v);
			}
		}
	}
}

static struct list *
build_list(struct builder *bd, xmlNodePtr n)
{
	struct list *l = pool_alloc(bd->pool, sizeof(*l));
	char *t = attr(bd, n, "type");

	l->numbered = t != NULL && strcmp(t, "number") == 0;
	l->pos = node_pos(bd, n);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		struct list_item *it;

		if (!is(c, "item"))
			continue;
		it = PUSH(bd, l->items, l->nitems);
		it->pos = node_pos(bd, c);
		rich(bd, c, &it->text);
		for (xmlNodePtr s = c->children; s; s = s->next)
			if (is(s, "list") && it->sub == NULL)
				it->sub = build_list(bd, s);
	}
	return l;
}

static void
build_callout(struct builder *bd, xmlNodePtr n, struct block *blk)
{
	struct callout *co = pool_alloc(bd->pool, sizeof(*co));
	const char *lang = lang_of(bd, n);
	char *smart;
	size_t len;

	blk->callout = co;
	co->pos = node_pos(bd, n);
	co->title = attr(bd, n, "title");
	if (co->title != NULL) {
		len = strlen(co->title);
		if ((smart = quotes_smarten(co->title, &len, lang, NULL, 0)) != NULL) {
			co->title = pool_strdup(bd->pool, smart);
			free(smart);
		}
	}
	for (xmlNodePtr c = n->children; c; c = c->next) {
		struct block *b;

		if (!is(c, "p") && !is(c, "list"))
			continue;
		b = PUSH(bd, co->blocks, co->nblocks);
		b->pos = node_pos(bd, c);
		if (is(c, "p")) {
			b->kind = BLOCK_P;
			rich(bd, c, &b->text);
		} else {
			b->kind = BLOCK_LIST;
			b->list = build_list(bd, c);
		}
	}
}

static struct dtable *
build_table(struct builder *bd, xmlNodePtr n)
{
	struct dtable *t = pool_alloc(bd->pool, sizeof(*t));
	int heading = 1;

	t->pos = node_pos(bd, n);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		struct table_row *r;
		int all_th = 1;

		if (is(c, "title"))
			rich(bd, c, &t->title);
		else if (is(c, "caption"))
			rich(bd, c, &t->caption);
		if (!is(c, "tr"))
			continue;
		r = PUSH(bd, t->rows, t->nrows);
		r->pos = node_pos(bd, c);
		for (xmlNodePtr e = c->children; e; e = e->next) {
			struct cell *ce;
			char *a;

			if (!is(e, "th") && !is(e, "td"))
				continue;
			ce = PUSH(bd, r->cells, r->ncells);
			ce->head = is(e, "th");
			all_th &= ce->head;
			a = attr(bd, e, "align");
			ce->align = a == NULL ? ALIGN_AUTO :
			    strcmp(a, "left") == 0 ? ALIGN_LEFT :
			    strcmp(a, "right") == 0 ? ALIGN_RIGHT :
			    strcmp(a, "center") == 0 ? ALIGN_CENTER : ALIGN_AUTO;
			ce->pos = node_pos(bd, e);
			rich(bd, e, &ce->text);
		}
		if (heading && all_th && r->ncells > 0)
			t->nhead++;
		else
			heading = 0;
	}
	return t;
}

/* Whether a picture's name says SVG (.svg, any case). */
static int
is_svg_name(const char *path)
{
	size_t n = strlen(path);

	return n > 4 && g_ascii_strcasecmp(path + n - 4, ".svg") == 0;
}

/* A figure: its picture found from the folder of the file that names it
 * and probed (kind, size) inside the input's folder; a picture that
 * cannot be used leaves its reason for validate.c to report. */
static struct figure *
build_figure(struct builder *bd, xmlNodePtr n)
{
	struct figure *fg = pool_alloc(bd->pool, sizeof(*fg));
	char *dir, *path, *why = NULL;

	fg->src = attr(bd, n, "src");
	fg->alt = attr(bd, n, "alt");
	fg->credit = attr(bd, n, "credit");
	fg->pos = node_pos(bd, n);
	fg->src_pos = attr_pos(bd, n, "src");
	for (xmlNodePtr c = n->children; c; c = c->next)
		if (is(c, "caption"))
			rich(bd, c, &fg->caption);
	if (fg->src == NULL)
		return fg;	/* the schema said so */
	dir = fg->pos.file ? infile_dirname(fg->pos.file) : xstrdup(".");
	path = fg->src[0] == '/' ? xstrdup(fg->src) : xasprintf("%s/%s", dir, fg->src);
	fg->path = pool_strdup(bd->pool, path);
	if (bd->read)
		filelist_add(bd->read, path);
	if (is_svg_name(path)) {
		if (svg_load(path, bd->root, bd->pool, &fg->svg, &why) == 0) {
			fg->px_w = fg->svg->w < 1 ? 1 : (int)(fg->svg->w + 0.5);
			fg->px_h = fg->svg->h < 1 ? 1 : (int)(fg->svg->h + 0.5);
		} else {
			fg->error = pool_strdup(bd->pool, why ? why : "it cannot be read");
			free(why);
		}
	} else if (image_probe(path, bd->root, &fg->px_w, &fg->px_h, &fg->is_png, &why) != 0) {
		fg->error = pool_strdup(bd->pool, why ? why : "it cannot be read");
		free(why);
	}
	free(path);
	free(dir);
	return fg;
}

static void
build_analysis(struct builder *bd, xmlNodePtr n, struct story *st)
{
	for (xmlNodePtr s = n->children; s; s = s->next) {
		struct section *sec;

		if (!is(s, "section"))
			continue;
		sec = PUSH(bd, st->sections, st->nsections);
		sec->pos = node_pos(bd, s);
		for (xmlNodePtr c = s->children; c; c = c->next) {
			struct block *blk;

			if (!is(c, "title") && !is(c, "p") && !is(c, "quote") &&
			    !is(c, "chart") && !is(c, "list") && !is(c, "callout") &&
			    !is(c, "table") && !is(c, "figure"))
				continue;	/* the schema said so already */
			if (is(c, "title")) {
				rich(bd, c, &sec->title);
				continue;
			}
			blk = PUSH(bd, sec->blocks, sec->nblocks);
			blk->pos = node_pos(bd, c);
			if (is(c, "p")) {
				blk->kind = BLOCK_P;
				rich(bd, c, &blk->text);
			} else if (is(c, "quote")) {
				blk->kind = BLOCK_QUOTE;
				blk->by = attr(bd, c, "by");
				rich(bd, c, &blk->text);
			} else if (is(c, "list")) {
				blk->kind = BLOCK_LIST;
				blk->list = build_list(bd, c);
			} else if (is(c, "figure")) {
				blk->kind = BLOCK_FIGURE;
				blk->figure = build_figure(bd, c);
			} else if (is(c, "table")) {
				blk->kind = BLOCK_TABLE;
				blk->table = build_table(bd, c);
			} else if (is(c, "callout")) {
				blk->kind = BLOCK_CALLOUT;
				build_callout(bd, c, blk);
			} else {
				blk->kind = BLOCK_CHART;
				build_chart(bd, c, blk);
			}
		}
	}
}

static void
build_power(struct builder *bd, xmlNodePtr n, struct story *st)
{
	st->subject = attr(bd, n, "subject");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is(c, "player")) {
			struct player *p = PUSH(bd, st->players, st->nplayers);
			char *s = attr(bd, c, "stance");

			p->id = attr(bd, c, "id");
			p->name = attr(bd, c, "name");
			p->initials = attr(bd, c, "initials");
			p->stance = s == NULL ? STANCE_NEUTRAL :
			    strcmp(s, "gains") == 0 ? STANCE_GAINS :
			    strcmp(s, "loses") == 0 ? STANCE_LOSES :
			    strcmp(s, "mixed") == 0 ? STANCE_MIXED : STANCE_NEUTRAL;
			rich(bd, c, &p->role);
			p->pos = node_pos(bd, c);
			p->id_pos = attr_pos(bd, c, "id");
		} else if (is(c, "relation")) {
			struct relation *r = PUSH(bd, st->relations, st->nrelations);

			r->from = attr(bd, c, "from");
			r->to = attr(bd, c, "to");
			r->label = plain(bd, c);
			r->pos = node_pos(bd, c);
			r->from_pos = attr_pos(bd, c, "from");
			r->to_pos = attr_pos(bd, c, "to");
		}
	}
}

static void
build_story(struct builder *bd, xmlNodePtr n, struct story *st)
{
	bd->notes = 0;		/* notes are numbered per story */
	st->id = attr(bd, n, "id");
	st->category = attr(bd, n, "category");
	st->signals = attr(bd, n, "signals");
	st->date_raw = attr(bd, n, "date");
	st->pos = node_pos(bd, n);
	st->id_pos = attr_pos(bd, n, "id");
	st->date_pos = attr_pos(bd, n, "date");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "distribution"))
			build_recipients(bd, c, &st->recipients, &st->nrecipients);
		else if (is(c, "title")) {
			rich(bd, c, &st->title);
			st->short_title = attr(bd, c, "short");
		}
		else if (is(c, "overview")) {
			for (xmlNodePtr p = c->children; p; p = p->next)
				if (is(p, "point"))
					rich(bd, p, PUSH(bd, st->points, st->npoints));
		} else if (is(c, "analysis"))
			build_analysis(bd, c, st);
		else if (is(c, "timeline")) {
			for (xmlNodePtr e = c->children; e; e = e->next) {
				struct event *ev;

				if (!is(e, "event"))
					continue;
				ev = PUSH(bd, st->events, st->nevents);
				ev->date_raw = attr(bd, e, "date");
				rich(bd, e, &ev->text);
				ev->pos = node_pos(bd, e);
				ev->date_pos = attr_pos(bd, e, "date");
			}
		} else if (is(c, "power-map"))
			build_power(bd, c, st);
		else if (is(c, "voices")) {
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct voice *vo;

				if (!is(v, "voice") && !is(v, "post"))
					continue;
				vo = PUSH(bd, st->voices, st->nvoices);
				vo->pos = node_pos(bd, v);
				rich(bd, v, &vo->text);
				if (is(v, "voice")) {
					vo->kind = VOICE_ANALYST;
					vo->name = attr(bd, v, "name");
					vo->role = attr(bd, v, "role");
				} else {
					vo->kind = VOICE_POST;
					vo->name = attr(bd, v, "author");
					vo->platform = attr(bd, v, "platform");
					vo->score = attr(bd, v, "score");
					vo->href = attr(bd, v, "href");
				}
			}
		} else if (is(c, "media")) {
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct video *vi;

				if (!is(v, "video"))
					continue;
				vi = PUSH(bd, st->videos, st->nvideos);
				vi->title = attr(bd, v, "title");
				vi->outlet = attr(bd, v, "outlet");
				vi->href = attr(bd, v, "href");
				vi->pos = node_pos(bd, v);
			}
		} else if (is(c, "sources")) {
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct source *so;

				if (!is(v, "source"))
					continue;
				so = PUSH(bd, st->sources, st->nsources);
				so->outlet = attr(bd, v, "outlet");
				so->href = attr(bd, v, "href");
				rich(bd, v, &so->title);
				so->pos = node_pos(bd, v);
			}
		}
	}
}

static void
build_briefing(struct builder *bd, xmlNodePtr root)
{
	struct briefing *b = bd->b;

	b->pos = node_pos(bd, root);
	if (is(root, "story")) {
		b->nstories = 0;
		build_story(bd, root, PUSH(bd, b->stories, b->nstories));
		b->layout = attr(bd, root, "layout");
		b->layout_pos = attr_pos(bd, root, "layout");
		b->pdf_standard = attr(bd, root, "pdf-standard");
		return;
	}
	b->is_edition = 1;
	b->title = attr(bd, root, "title");
	b->edition = attr(bd, root, "edition");
	b->date_raw = attr(bd, root, "date");
	b->date_pos = attr_pos(bd, root, "date");
	b->audience = attr(bd, root, "audience");
	b->author = attr(bd, root, "author");
	b->layout = attr(bd, root, "layout");
	b->layout_pos = attr_pos(bd, root, "layout");
	b->pdf_standard = attr(bd, root, "pdf-standard");
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (is(c, "distribution"))
			build_recipients(bd, c, &b->recipients, &b->nrecipients);
		else if (is(c, "story"))
			build_story(bd, c, PUSH(bd, b->stories, b->nstories));
	}
}

/* ---- the parse -------------------------------------------------------- */

/* Parse, include, validate and build; data is the input's text. */
static struct briefing *
parse_buffer(const char *path, const char *root, const char *data, size_t len,
    struct diags *d, struct filelist *read)
{
	struct srcmap *m = srcmap_new();
	struct xmlin *x = xmlin_new(d, m);
	struct include_ctx ic;
	struct builder bd;
	struct briefing *b = NULL;
	xmlDocPtr doc = NULL;
	int invalid;

	if (x == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot start the XML parser");
		srcmap_free(m);
		return NULL;
	}
	if (xmlin_blank(data, len)) {
		diag(d, DIAG_ERROR, path, 1, 1, "empty file: expected a <story> or "
		    "<briefing> document");
		goto out;
	}
	if ((doc = xmlin_parse(x, path, data, len)) == NULL)
		goto out;
	memset(&ic, 0, sizeof(ic));
	ic.x = x;
	ic.m = m;
	ic.d = d;
	ic.read = read;
	ic.root = root;
	ic.budget = len < INFILE_MAX ? INFILE_MAX - len : 0;
	if (include_process(&ic, doc, path) > 0)
		goto out;
	/* A document the schema refuses is still built and checked, so that
	 * its dates, numbers and links are reported with the schema's errors
	 * (all at once); it goes no further. */
	invalid = xmlin_validate(x, doc, schema_story_rng,
	    schema_story_rng_len) > 0;
	b = xcalloc(1, sizeof(*b));
	b->pool = pool_new();
	b->src = m;
	m = NULL;
	memset(&bd, 0, sizeof(bd));
	bd.pool = b->pool;
	bd.b = b;
	bd.m = b->src;
	bd.root = root;
	bd.d = d;
	bd.read = read;
	build_briefing(&bd, xmlDocGetRootElement(doc));
	if (invalid) {
		validate(b, d);
		model_free(b);
		b = NULL;
	}
out:
	xmlFreeDoc(doc);
	xmlin_free(x);
	srcmap_free(m);
	return b;
}

/* Parse an input file; see parse.h. */
struct briefing *
parse_file(const char *path, struct diags *d, struct filelist *read)
{
	char *data, *why, *root;
	struct briefing *b;
	size_t len;

	filelist_add(read, path);
	if (infile_read(path, NULL, INFILE_MAX, &data, &len, &why) != 0) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", why);
		free(why);
		return NULL;
	}
	if ((root = infile_real_dir(path)) == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot find the folder it is in");
		free(data);
		return NULL;
	}
	b = parse_buffer(path, root, data, len, d, read);
	free(root);
	free(data);
	return b;
}

/* Parse a document held in memory; see parse.h. */
struct briefing *
parse_memory(const char *name, const char *data, size_t len, struct diags *d,
    struct filelist *read)
{
	char *root;
	struct briefing *b;

	if (len > INFILE_MAX) {
		diag(d, DIAG_ERROR, name, 0, 0, "input is larger than the limit "
		    "of %u MiB", INFILE_MAX >> 20);
		return NULL;
	}
	if ((root = infile_real_dir("./x")) == NULL)
		root = xstrdup("/nonexistent");
	b = parse_buffer(name, root, data, len, d, read);
	free(root);
	return b;
}
