/* story.c: one story's pages: the opening summary, analysis, timeline,
 * power map, voices, media and sources, and the page furniture. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/callout.h"
#include "lay/chart.h"
#include "lay/figure.h"
#include "lay/geom.h"
#include "lay/lay.h"
#include "lay/list.h"
#include "lay/powermap.h"
#include "lay/story.h"
#include "lay/table.h"
#include "lay/timeline.h"

/* True when s says nothing: NULL, empty or only white space. */
static int
blank(const char *s)
{
	while (s && *s) {
		if (strncmp(s, "\xc2\xa0", 2) == 0)	/* a no-break space */
			s += 2;
		else if (strchr(" \t\r\n", *s))
			s++;
		else
			return 0;
	}
	return 1;
}

/* True when a score is worth printing: not blank and not a zero ("0",
 * "0.0", "+0"). */
static int
score_shown(const char *s)
{
	char *end;
	double v;

	if (blank(s))
		return 0;
	v = strtod(s, &end);
	while (*end == ' ')
		end++;
	return !(end != s && *end == '\0' && v == 0);
}

static int
bookmark_here(struct lay *L, int level, const char *title)
{
	int dest = dl_dest_new(L->doc);

	dl_bookmark(L->doc, level, title, dest);
	flow_mark(L->f, dest);
	return dest;
}

/* Category tag, date and signals on one line. */
static void
opener_meta(struct lay *L, const struct story *st)
{
	struct dl_list fr = { 0 };
	const struct style *tag = &L->t->st[ST_TAG];
	double x = 0, h = 16;
	struct buf meta;
	char date[32];

	if (st->category) {
		double w = text_width(L->ts, st->category, tag) + 12;

		dl_rect(L->doc, &fr, 0, 0, (float)w, (float)h, L->accent);
		lay_frame_text(L, &fr, NULL, st->category, ST_TAG, 0,
		    (h - tag->leading) / 2, w, T_CENTER, 0);
		x = w + 10;
	}
	buf_init(&meta);
	if (st->date.prec)
		buf_adds(&meta, date_format_long(&st->date, date));
	if (st->signals)
		buf_printf(&meta, "%s%s signals", meta.len ? "  \xc2\xb7  " : "",
		    st->signals);
	if (meta.len)
		lay_frame_text(L, &fr, NULL, meta.data, ST_META, x,
		    (h - L->t->st[ST_META].leading) / 2, L->W - x, 0, 0);
	buf_free(&meta);
	flow_add(L->f, &fr, h, 0, 0);
}

/* The overview points; returns their heights plus 16 each, what the
 * opener needs to know whether the players strip still fits. */
static double
overview(struct lay *L, const struct story *st)
{
	const double numw = 36;
	double total = 0;

	int list;

	lay_kicker(L, "Strategic overview", 20, F_KEEP, "Overview");
	list = lay_group(L, DL_R_L);
	for (size_t i = 0; i < st->npoints; i++) {
		struct dl_list fr = { 0 };
		char num[32];
		double h;
		int li = lay_group(L, DL_R_LI);

		snprintf(num, sizeof(num), "%02zu", i + 1);
		h = lay_frame_text(L, &fr, &st->points[i], NULL, ST_POINT, numw, 0,
		    L->W - numw, T_JUSTIFY | T_HYPHENATE, 0);
		lay_frame_text(L, &fr, NULL, num, ST_POINT_NUM, 0,
		    L->t->st[ST_POINT].leading - L->t->st[ST_POINT_NUM].leading +
		    (L->t->st[ST_POINT_NUM].leading - L->t->st[ST_POINT].leading) / 2,
		    numw, 0, 0);
		lay_group_end(L, li);
		if (i + 1 < st->npoints)
			dl_hline(L->doc, &fr, (float)numw, (float)L->W,
			    (float)(h + 8), 0.4f, L->t->colors[C_RULE], 0);
		flow_add(L->f, &fr, h + 8, i == 0 ? 2 : 8, i == 0 ? F_KEEP : 0);
		total += h + 16;
	}
	lay_group_end(L, list);
	return total;
}

/* Key players as a strip of badges, three to a row; a long name wraps
 * (never cut) and its row grows to hold it.  Only when the strip and its
 * label fit in room, what page one has left. */
static void
players_strip(struct lay *L, const struct story *st, double room)
{
	struct dl_list fr = { 0 };
	const double r = 11, colw = L->W / 3, tw = colw - 2 * r - 12;
	double y = 0, rowh = 0;
	size_t n = st->nplayers > 6 ? 6 : st->nplayers;
	int list;

	/* The strip is laid out before its label: its section first. */
	L->tag = dl_elem_new(L->doc, L->part, DL_R_SECT);
	L->sect_ready = 1;
	/* Tagged as a list: L > LI > LBody > P (name), P (stance); the
	 * badge repeats the name's initials, an Artifact. */
	list = lay_group(L, DL_R_L);
	for (size_t i = 0; i < n; i++) {
		const struct player *p = &st->players[i];
		double x = (i % 3) * colw, h;
		char *ini = lay_initials(p->initials, p->name);
		int li = lay_group(L, DL_R_LI), body = lay_group(L, DL_R_LBODY);

		if (i % 3 == 0 && i > 0) {
			y += rowh + 8;
			rowh = 0;
		}
		lay_badge(L, &fr, x + r, y + r, r, ini, L->t->stance[p->stance]);
		free(ini);
		h = lay_frame_text(L, &fr, NULL, p->name, ST_CARD_NAME, x + 2 * r + 6,
		    y + 1, tw, 0, 0);
		h += 1 + lay_frame_text(L, &fr, NULL, lay_stance_word(p->stance),
		    ST_CARD_ROLE, x + 2 * r + 6, y + 1 + h, tw, 0,
		    L->t->stance[p->stance]);
		if (h < 2 * r)
			h = 2 * r;
		rowh = h > rowh ? h : rowh;
		lay_group_end(L, body);
		lay_group_end(L, li);
	}
	lay_group_end(L, list);
	if (y + rowh + 32 > room) {
		dl_list_free(&fr);
		L->sect_ready = 0;
		return;
	}
	lay_kicker(L, "Key players", 18, 0, NULL);
	flow_add(L->f, &fr, y + rowh, 2, F_KEEP);
}

static void
quote_block(struct lay *L, const struct block *blk)
{
	struct dl_list fr = { 0 };
	const double pad = 16;
	double h;
	int prev = lay_group(L, DL_R_BLOCKQUOTE);

	h = lay_frame_text(L, &fr, &blk->text, NULL, ST_QUOTE, pad, 0, L->W - 2 * pad,
	    T_BALANCE, 0);
	if (blk->by) {
		char *by = xasprintf("\xe2\x80\x94 %s", blk->by);

		h += 4 + lay_frame_text(L, &fr, NULL, by, ST_QUOTE_BY, pad, h + 4,
		    L->W - 2 * pad, 0, 0);
		free(by);
	}
	lay_group_end(L, prev);
	dl_rect(L->doc, &fr, 0, 2, 3, (float)(h - 4), L->accent);
	flow_add(L->f, &fr, h, 12, 0);
	/* Room after the quote is the next block's space plus this. */
	{
		struct dl_list gap = { 0 };

		flow_add(L->f, &gap, 6, 0, F_KEEP);
	}
}

static void
analysis(struct lay *L, const struct story *st)
{
	if (st->nsections == 0)
		return;
	lay_kicker(L, "Deep analysis", 28, lay_break(L, SEC_ANALYSIS), "Analysis");
	for (size_t s = 0; s < st->nsections; s++) {
		const struct section *sec = &st->sections[s];
		struct dl_list fr = { 0 };
		double h;

		h = lay_frame_text(L, &fr, &sec->title, NULL, ST_HEADING, 0, 0, L->W,
		    T_BALANCE, 0);
		dl_hline(L->doc, &fr, 0, (float)L->W, (float)(h + 4), 0.6f,
		    L->accent, 0);
		bookmark_here(L, L->level + 2, sec->title.text);
		flow_add(L->f, &fr, h + 10, s == 0 ? 4 : 20, s == 0 ? F_KEEP : 0);
		for (size_t i = 0; i < sec->nblocks; i++) {
			const struct block *blk = &sec->blocks[i];

			switch (blk->kind) {
			case BLOCK_P:
				lay_text(L, &blk->text, NULL, ST_BODY, 0, L->W,
				    T_JUSTIFY | T_HYPHENATE, i == 0 ? 0 : 7, i == 0);
				break;
			case BLOCK_QUOTE:
				quote_block(L, blk);
				break;
			case BLOCK_LIST:
				list_layout(L, blk->list, i == 0 ? 4 : 7, i == 0);
				break;
			case BLOCK_CALLOUT:
				callout_layout(L, blk->callout, i == 0 ? 4 : 12);
				break;
			case BLOCK_TABLE:
				table_layout(L, blk->table, i == 0 ? 4 : 12);
				break;
			case BLOCK_FIGURE:
				figure_layout(L, blk->figure, i == 0 ? 4 : 12);
				break;
			case BLOCK_CHART: {
				struct dl_list cf = { 0 };
				double ch = chart_layout(L, blk->chart, &cf);

				flow_add(L->f, &cf, ch, i == 0 ? 4 : 12,
				    i == 0 ? F_KEEP : 0);
				{
					struct dl_list gap = { 0 };

					flow_add(L->f, &gap, 6, 0, F_KEEP);
				}
				break;
			}
			}
		}
	}
}

/* Two cards side by side; each card lays itself out at (x, 0) within w
 * and returns its height. */
typedef double (*card_fn)(struct lay *, const struct voice *, struct dl_list *,
    double x, double w);

static double
analyst_card(struct lay *L, const struct voice *v, struct dl_list *fr, double x,
    double w)
{
	const double pad = 10;
	double h = pad;

	h += lay_frame_text(L, fr, &v->text, NULL, ST_CARD_QUOTE, x + pad + 4, h,
	    w - 2 * pad - 4, T_HYPHENATE, 0);
	h += 6;
	h += lay_frame_text(L, fr, NULL, v->name, ST_CARD_NAME, x + pad + 4, h,
	    w - 2 * pad - 4, 0, 0);
	if (!blank(v->role))
		h += lay_frame_text(L, fr, NULL, v->role, ST_CARD_ROLE, x + pad + 4,
		    h, w - 2 * pad - 4, 0, 0);
	return h + pad;
}

static double
post_card(struct lay *L, const struct voice *v, struct dl_list *fr, double x,
    double w)
{
	const double pad = 9;
	struct buf meta;
	double h = pad;
	int link;

	buf_init(&meta);
	buf_adds(&meta, v->name);
	if (!blank(v->platform))
		buf_printf(&meta, "  \xc2\xb7  %s", v->platform);
	if (score_shown(v->score))
		buf_printf(&meta, "  \xc2\xb7  score %s", v->score);
	/* The link's text, in its Link element: who posted where. */
	link = v->href && !L->artifact && !L->tag_into ?
	    dl_elem_new(L->doc, dl_elem_new(L->doc, L->tag, DL_R_P), DL_R_LINK) : 0;
	if (link)
		L->tag_into = link;
	h += lay_frame_text(L, fr, NULL, meta.data, ST_POST_META, x + pad + 4, h,
	    w - 2 * pad - 4, 0, 0);
	if (link)
		L->tag_into = 0;
	buf_free(&meta);
	h += 3;
	h += lay_frame_text(L, fr, &v->text, NULL, ST_POST, x + pad + 4, h,
	    w - 2 * pad - 4, T_HYPHENATE, 0);
	if (v->href) {
		struct dl_item it;

		memset(&it, 0, sizeof(it));
		it.kind = DL_LINK;
		it.u.link.x = (float)x;
		it.u.link.w = (float)w;
		it.u.link.h = (float)(h + pad);
		it.u.link.uri = dl_strdup(L->doc, v->href);
		it.u.link.dest = -1;
		it.elem = link;
		dl_list_add(fr, &it);
	}
	return h + pad;
}

static void
cards(struct lay *L, const struct story *st, enum voice_kind kind, card_fn fn,
    uint32_t bar)
{
	const double gap = 12, w = (L->W - gap) / 2;
	const struct voice *row[2];
	int n = 0, first = 1;

	for (size_t i = 0; i <= st->nvoices; i++) {
		if (i < st->nvoices && st->voices[i].kind == kind) {
			row[n++] = &st->voices[i];
			if (n < 2)
				continue;
		}
		if (n == 0)
			continue;
		{
			struct dl_list a = { 0 }, b = { 0 }, fr = { 0 };
			int prev = lay_group(L, DL_R_BLOCKQUOTE);
			double ha = fn(L, row[0], &a, 0, w), hb = 0, h;

			lay_group_end(L, prev);
			if (n > 1) {
				prev = lay_group(L, DL_R_BLOCKQUOTE);
				hb = fn(L, row[1], &b, w + gap, w);
				lay_group_end(L, prev);
			}
			h = ha > hb ? ha : hb;

			dl_rect(L->doc, &fr, 0, 0, (float)w, (float)h, L->t->colors[C_TINT]);
			dl_rect(L->doc, &fr, 0, 0, 2.5f, (float)h, bar);
			if (n > 1) {
				dl_rect(L->doc, &fr, (float)(w + gap), 0, (float)w, (float)h,
				    L->t->colors[C_TINT]);
				dl_rect(L->doc, &fr, (float)(w + gap), 0, 2.5f, (float)h, bar);
			}
			dl_list_place(&fr, &a, 0, 0);
			dl_list_place(&fr, &b, 0, 0);
			dl_list_free(&a);
			dl_list_free(&b);
			flow_add(L->f, &fr, h, first ? 4 : gap, first ? F_KEEP : 0);
			first = 0;
			n = 0;
		}
	}
}

static void
voices(struct lay *L, const struct story *st)
{
	int analysts = 0, posts = 0;

	for (size_t i = 0; i < st->nvoices; i++) {
		analysts += st->voices[i].kind == VOICE_ANALYST;
		posts += st->voices[i].kind == VOICE_POST;
	}
	if (analysts) {
		lay_kicker(L, "Voices: the analysts", 26, lay_break(L, SEC_VOICES),
		    "Voices");
		cards(L, st, VOICE_ANALYST, analyst_card, L->accent);
	}
	if (posts) {
		lay_kicker(L, "Voices: the crowd", 22,
		    analysts ? 0 : lay_break(L, SEC_VOICES), analysts ? NULL : "Voices");
		cards(L, st, VOICE_POST, post_card, L->t->colors[C_RULE]);
	}
}

/* A link over a whole entry of w by h, tagged into the Link element
 * link that holds its text. */
static void
link_over(struct lay *L, struct dl_list *fr, const char *href, double w,
    double h, int link)
{
	struct dl_item it;

	if (href == NULL)
		return;
	memset(&it, 0, sizeof(it));
	it.kind = DL_LINK;
	it.u.link.w = (float)w;
	it.u.link.h = (float)h;
	it.u.link.uri = dl_strdup(L->doc, href);
	it.u.link.dest = -1;
	it.elem = link;
	dl_list_add(fr, &it);
}

/* An entry of a list of links (media, sources): a new LI > Lbl + LBody
 * in L->tag, the Lbl in *lbl, the LBody in L->tag, its Link element
 * (for text with an href) in *link; returns the LI's parent, for
 * lay_group_end. */
static int
link_entry(struct lay *L, const char *href, int *lbl, int *link)
{
	int prev = lay_group(L, DL_R_LI);

	*lbl = dl_elem_new(L->doc, L->tag, DL_R_LBL);
	lay_group(L, DL_R_LBODY);
	*link = href ? dl_elem_new(L->doc, L->tag, DL_R_LINK) : 0;
	return prev;
}

static void
media(struct lay *L, const struct story *st)
{
	const double tx = 18;
	int list;

	if (st->nvideos == 0)
		return;
	lay_kicker(L, "Media: broadcast", 26, lay_break(L, SEC_MEDIA), "Media");
	list = lay_group(L, DL_R_L);	/* L > LI > Lbl (the triangle), LBody */
	for (size_t i = 0; i < st->nvideos; i++) {
		const struct video *v = &st->videos[i];
		struct dl_list fr = { 0 };
		int lbl, link, li = link_entry(L, v->href, &lbl, &link);
		double h;

		/* A play triangle as a path: no font needed for it. */
		cairo_move_to(geom_cr(L->g), 2, 3.2);
		cairo_line_to(geom_cr(L->g), 9, 7);
		cairo_line_to(geom_cr(L->g), 2, 10.8);
		cairo_close_path(geom_cr(L->g));
		geom_emit(L->g, L->doc, &fr, L->accent, 0, 0, DL_FILL);
		dl_list_tag(L->doc, &fr, 0, lbl);
		dl_elem_alt(L->doc, lbl, "Video");
		L->tag_into = link;
		h = lay_frame_text(L, &fr, NULL, v->title, ST_ITEM, tx, 0, L->W - tx,
		    0, v->href ? L->accent : 0);
		L->tag_into = 0;
		if (v->outlet)
			h += lay_frame_text(L, &fr, NULL, v->outlet, ST_CARD_ROLE, tx, h,
			    L->W - tx, 0, 0);
		link_over(L, &fr, v->href, L->W, h, link);
		lay_group_end(L, li);
		flow_add(L->f, &fr, h, i == 0 ? 4 : 6, i == 0 ? F_KEEP : 0);
	}
	lay_group_end(L, list);
}

static void
sources(struct lay *L, const struct story *st)
{
	const double tx = 22;
	int list;

	if (st->nsources == 0)
		return;
	lay_kicker(L, "Sources", 26, lay_break(L, SEC_SOURCES), "Sources");
	list = lay_group(L, DL_R_L);	/* L > LI > Lbl (the number), LBody */
	for (size_t i = 0; i < st->nsources; i++) {
		const struct source *s = &st->sources[i];
		struct dl_list fr = { 0 };
		char num[32];
		double h = 0;
		int lbl, link, li = link_entry(L, s->href, &lbl, &link);

		snprintf(num, sizeof(num), "%zu", i + 1);
		L->tag_into = lbl;
		lay_frame_text(L, &fr, NULL, num, ST_POST_META, 0, 1, tx - 6, T_RIGHT,
		    L->accent);
		L->tag_into = 0;
		if (s->outlet)
			h += lay_frame_text(L, &fr, NULL, s->outlet, ST_CARD_NAME, tx, 0,
			    L->W - tx, 0, 0);
		L->tag_into = link;
		h += lay_frame_text(L, &fr, &s->title, NULL, ST_ITEM, tx, h, L->W - tx,
		    0, s->href ? L->accent : 0);
		L->tag_into = 0;
		link_over(L, &fr, s->href, L->W, h, link);
		lay_group_end(L, li);
		flow_add(L->f, &fr, h, i == 0 ? 4 : 6, i == 0 ? F_KEEP : 0);
	}
	lay_group_end(L, list);
}

/* One story into the flow; see story.h. */
void
story_layout(struct lay *L, const struct story *st)
{
	struct tlines head;
	double used;
	int h1;

	L->part = L->tag = dl_elem_new(L->doc, 0, DL_R_PART);
	L->sect_ready = 0;
	bookmark_here(L, L->level, st->title.text);
	opener_meta(L, st);
	text_layout(L->ts, &st->title, NULL, &L->t->st[ST_HEADLINE], L->W,
	    T_BALANCE, 0, &head);
	used = 16 + 14 + head.n * head.leading;
	h1 = dl_elem_new(L->doc, L->part, DL_R_H1);
	if (st->title.lang)
		dl_elem_lang(L->doc, h1, st->title.lang);
	for (size_t i = 0; i < head.n; i++) {
		struct dl_list fr = { 0 };

		dl_list_tag(L->doc, &head.lines[i], 0, h1);
		dl_list_place(&fr, &head.lines[i], 0, 0);
		flow_add(L->f, &fr, head.leading, i == 0 ? 14 : 0, F_KEEP);
	}
	tlines_free(&head);
	/* The strip goes where the summary leaves room on page one. */
	{
		double h = used + 20 + 28 + overview(L, st);

		if (st->nplayers)
			players_strip(L, st, L->t->page_h - L->t->top - L->t->bottom - h);
	}
	analysis(L, st);
	timeline_layout(L, st);
	powermap_layout(L, st);
	voices(L, st);
	media(L, st);
	sources(L, st);
	L->part = L->tag = 0;
}

/* What the running footer calls the story, never cut: the short title
 * when given, else the whole title when it fits in width, else the
 * category and date; the title wraps when there is nothing else.
 * Returns a new string. */
static char *
footer_title(struct lay *L, const struct story *st, double width)
{
	const struct style *fs = &L->t->st[ST_FOOTER];
	struct buf b;
	char date[32];

	if (!blank(st->short_title))
		return xstrdup(st->short_title);
	if (text_width(L->ts, st->title.text, fs) <= width)
		return xstrdup(st->title.text);
	buf_init(&b);
	if (!blank(st->category))
		buf_adds(&b, st->category);
	if (st->date.prec)
		buf_printf(&b, "%s%s", b.len ? " \xc2\xb7 " : "",
		    date_format_long(&st->date, date));
	if (b.len == 0)
		buf_adds(&b, st->title.text);
	return buf_steal(&b);
}

/* Headers and footers; see story.h. */
void
story_furniture(struct lay *L, const struct story *st, const char *header,
    int first, int count, int number_from, int total)
{
	const struct theme *t = L->t;
	const double x = t->left, W = L->W;
	const double fy = t->page_h - t->bottom + 20;
	double fw = W * 0.72;
	char *foot;

	/* The widest "page X of Y" this story prints leaves the room. */
	{
		char *num = xasprintf("page %d of %d", total, total);
		double nw = text_width(L->ts, num, &t->st[ST_FOOTER]);

		if (W - nw - 36 < fw)
			fw = W - nw - 36;
		free(num);
	}
	foot = footer_title(L, st, fw);
	for (int i = 0; i < count; i++) {
		struct dl_page *pg = dl_page(L->doc, (size_t)(first + i));
		char *num = xasprintf("page %d of %d", number_from + i, total);
		double nw = text_width(L->ts, num, &t->st[ST_FOOTER]);
		struct dl_list fr = { 0 };

		dl_hline(L->doc, &fr, 0, (float)W, 0, 0.4f, t->colors[C_RULE], 0);
		lay_frame_text(L, &fr, NULL, foot, ST_FOOTER, 0, 5, fw, 0, 0);
		lay_frame_text(L, &fr, NULL, num, ST_FOOTER, W - nw - 1, 5, nw + 1,
		    T_RIGHT, 0);
		if (i > 0)
			lay_header(L, &fr, header, -fy + t->top - 30);
		dl_list_place(&pg->list, &fr, (float)x, (float)fy);
		dl_list_free(&fr);
		free(num);
	}
	free(foot);
}
