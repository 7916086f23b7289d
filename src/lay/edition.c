/* edition.c: cover and contents of a weekly edition. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/edition.h"

/* Bookmarks of the document, by level: story titles sit at level 1 and
 * their sections at level 2 in an edition. */
struct entry {
	const char	*title;
	int		 dest;
	int		 story;		/* index of the story it belongs to */
	int		 section;	/* 0 for the story's own entry */
};

static struct entry *
collect(struct lay *L, size_t *n)
{
	struct entry *v = NULL;
	size_t cap = 0;
	int story = -1;

	*n = 0;
	for (size_t i = 0; i < dl_nbookmarks(L->doc); i++) {
		const struct dl_bookmark *bm = dl_bookmark_at(L->doc, i);

		if (bm->level > 2)
			continue;
		if (bm->level == 1)
			story++;
		v = xgrow(v, &cap, *n + 1, sizeof(*v));
		v[*n].title = bm->title;
		v[*n].dest = bm->dest;
		v[*n].story = story;
		v[*n].section = bm->level == 2;
		(*n)++;
	}
	return v;
}

static int
page_of(struct lay *L, int dest)
{
	return dl_dest(L->doc, dest)->page + 1;	/* stories are numbered from 1 */
}

/* A link to dest over x, y, w, h, in the Link element link that holds
 * its text. */
static void
internal_link(struct lay *L, struct dl_list *fr, double x, double y, double w,
    double h, int dest, int link)
{
	struct dl_item it;

	memset(&it, 0, sizeof(it));
	it.kind = DL_LINK;
	it.u.link.x = (float)x;
	it.u.link.y = (float)y;
	it.u.link.w = (float)w;
	it.u.link.h = (float)h;
	it.u.link.dest = dest;
	it.elem = link;
	dl_list_add(fr, &it);
}

/* Dotted leader from x0 to x1 on the baseline y. */
static void
leader(struct lay *L, struct dl_list *fr, double x0, double x1, double y)
{
	if (x1 - x0 > 8)
		dl_hline(L->doc, fr, (float)(x0 + 3), (float)(x1 - 3), (float)y, 0.8f,
		    L->t->colors[C_MUTED], DL_DOTTED);
}

/* The cover: one page, as many headlines as fit. */
static void
cover(struct lay *L, const struct briefing *b, const struct entry *e, size_t ne)
{
	const struct theme *t = L->t;
	struct dl_page *pg = dl_add_page(L->doc, (float)t->page_w, (float)t->page_h);
	struct dl_list fr = { 0 };
	const double W = L->W, bottom = t->page_h - t->top - t->bottom;
	double y = 0;
	struct buf meta;
	char date[32];
	size_t shown = 0;
	int dest = dl_dest_new(L->doc);

	dl_dest_set(L->doc, dest, (int)dl_npages(L->doc) - 1, (float)t->top);
	dl_bookmark_insert(L->doc, 0, 0, b->title, dest);
	if (t->logo) {
		lay_logo(L, &fr, 0, 0, t->logo_h * 2.4);
		y += t->logo_h * 2.4 + 14;
	}
	y += lay_frame_text(L, &fr, NULL, b->title, ST_MASTHEAD, 0, y, W, 0, 0);
	buf_init(&meta);
	if (b->edition)
		buf_adds(&meta, b->edition);
	if (b->date.prec)
		buf_printf(&meta, "%s%s", meta.len ? "  \xc2\xb7  " : "",
		    date_format_long(&b->date, date));
	if (b->audience)
		buf_printf(&meta, "%sFor %s", meta.len ? "  \xc2\xb7  " : "", b->audience);
	if (meta.len)
		y += 6 + lay_frame_text(L, &fr, NULL, meta.data, ST_COVER_META, 0, y + 6,
		    W, 0, 0);
	buf_free(&meta);
	y += 12;
	dl_rect(L->doc, &fr, 0, (float)y, (float)W, 2.2f, t->colors[C_ACCENT]);
	y += 16;
	y += lay_frame_text(L, &fr, NULL, "In this edition", ST_KICKER, 0, y, W, 0,
	    t->colors[C_ACCENT]) + 6;

	for (size_t i = 0; i < b->nstories; i++) {
		const struct story *st = &b->stories[i];
		struct dl_list item = { 0 };
		uint32_t acc = theme_category_color(t, st->category);
		const struct style *tag = &t->st[ST_TAG];
		double h = 0, x = 0, more = t->st[ST_COVER_META].leading + 8;
		int sdest = -1, lk = 0;

		for (size_t k = 0; k < ne; k++)
			if (e[k].story == (int)i && !e[k].section)
				sdest = e[k].dest;
		if (st->category) {
			double w = text_width(L->ts, st->category, tag) + 10;

			dl_rect(L->doc, &item, 0, 1, (float)w, 12, acc);
			lay_frame_text(L, &item, NULL, st->category, ST_TAG, 0,
			    1 + (12 - tag->leading) / 2, w, T_CENTER, 0);
			x = w + 8;
		}
		{
			char pno[32];

			snprintf(pno, sizeof(pno), "page %d", sdest >= 0 ? page_of(L, sdest) : 0);
			/* "page N" is the text of the link to the story. */
			if (sdest >= 0 && !L->artifact && !L->tag_into)
				lk = L->tag_into = dl_elem_new(L->doc,
				    dl_elem_new(L->doc, L->tag, DL_R_P), DL_R_LINK);
			lay_frame_text(L, &item, NULL, pno, ST_META, x, 0.5, W - x, 0, 0);
			if (lk)
				L->tag_into = 0;
		}
		h = 16;
		h += lay_frame_text(L, &item, &st->title, NULL, ST_COVER_HEAD, 0, h, W,
		    T_BALANCE, 0);
		if (st->npoints)
			h += 2 + lay_frame_text(L, &item, &st->points[0], NULL,
			    ST_COVER_POINT, 0, h + 2, W, T_JUSTIFY | T_HYPHENATE, 0);
		if (sdest >= 0)
			internal_link(L, &item, 0, 0, W, h, sdest, lk);
		/* Room for this one and, if any remain, the line saying so. */
		if (y + h + (i + 1 < b->nstories ? more : 0) > bottom - 24 && shown > 0) {
			dl_list_free(&item);
			break;
		}
		dl_list_place(&fr, &item, 0, (float)y);
		dl_list_free(&item);
		y += h + 8;
		dl_hline(L->doc, &fr, 0, (float)W, (float)y, 0.4f, t->colors[C_RULE], 0);
		y += 10;
		shown++;
	}
	if (shown < b->nstories) {
		char *msg = xasprintf("And %zu more %s in this edition: see the contents.",
		    b->nstories - shown, b->nstories - shown == 1 ? "story" : "stories");

		y += lay_frame_text(L, &fr, NULL, msg, ST_COVER_META, 0, y, W, 0,
		    t->colors[C_ACCENT]);
		free(msg);
	}
	if (b->author) {
		char *by = xasprintf("Prepared by %s", b->author);

		lay_frame_text(L, &fr, NULL, by, ST_META, 0, bottom - 4, W, 0, 0);
		free(by);
	}
	dl_list_place(&pg->list, &fr, (float)t->left, (float)t->top);
	dl_list_free(&fr);
}

/* The contents: a line per story with leaders to its page, then its
 * sections on one line, each a link. */
static void
contents(struct lay *L, const struct entry *e, size_t ne, int *dest_out)
{
	const struct theme *t = L->t;
	const struct style *ss = &t->st[ST_TOC_STORY];
	const double numw = 30, pw = 34, W = L->W;
	int dest = dl_dest_new(L->doc), first = 1;

	*dest_out = dest;
	flow_mark(L->f, dest);
	int toc, toci = 0;

	lay_kicker(L, "Contents", 0, F_NEWPAGE, NULL);
	toc = lay_group(L, DL_R_TOC);
	for (size_t i = 0; i < ne; i++) {
		struct dl_list fr = { 0 };
		struct tlines tl;
		struct rich secs;
		struct buf sb;
		struct mark *marks = NULL;
		size_t nm = 0, cap = 0;
		char num[32], pno[32];
		double h, lastw;
		int lk;

		if (e[i].section)
			continue;
		toci = lay_group(L, DL_R_TOCI);
		snprintf(num, sizeof(num), "%02d", e[i].story + 1);
		snprintf(pno, sizeof(pno), "%d", page_of(L, e[i].dest));
		lay_frame_text(L, &fr, NULL, num, ST_TOC_STORY, 0, 0, numw, 0,
		    t->colors[C_ACCENT]);
		text_layout(L->ts, NULL, e[i].title, ss, W - numw - pw, 0, 0, &tl);
		{
			size_t n0 = fr.n;

			/* The title is the text of the link to the story. */
			h = lay_place(&fr, &tl, numw, 0);
			lk = dl_elem_new(L->doc, dl_elem_new(L->doc, L->tag, DL_R_P),
			    DL_R_LINK);
			dl_list_tag(L->doc, &fr, n0, lk);
		}
		{
			/* The last line's width, for the leader. */
			const struct dl_list *ll = &tl.lines[tl.n - 1];
			double x1 = 0;

			for (size_t k = 0; k < ll->n; k++)
				if (ll->items[k].kind == DL_TEXT) {
					const struct dl_text *tx = &ll->items[k].u.text;
					const struct dl_glyph *g = &tx->glyphs[tx->nglyphs - 1];

					x1 = tx->x + g->x + tx->size * 0.55;
				}
			lastw = x1;
		}
		leader(L, &fr, numw + lastw, W - text_width(L->ts, pno, ss), h - tl.leading +
		    tl.baseline);
		lay_frame_text(L, &fr, NULL, pno, ST_TOC_STORY, W - pw, h - tl.leading,
		    pw, T_RIGHT, 0);
		internal_link(L, &fr, 0, 0, W, h, e[i].dest, lk);
		tlines_free(&tl);

		/* Sections: "Overview 3 · Analysis 4 · ...", each a link. */
		buf_init(&sb);
		for (size_t k = i + 1; k < ne && e[k].section; k++) {
			char *href = xasprintf("#%d", e[k].dest);
			size_t start;

			if (sb.len)
				buf_adds(&sb, "   \xc2\xb7   ");
			start = sb.len;
			buf_printf(&sb, "%s\xc2\xa0%d", e[k].title, page_of(L, e[k].dest));
			marks = xgrow(marks, &cap, nm + 1, sizeof(*marks));
			memset(&marks[nm], 0, sizeof(*marks));
			marks[nm].kind = MARK_LINK;
			marks[nm].start = start;
			marks[nm].end = sb.len;
			marks[nm].href = href;
			nm++;
		}
		if (sb.len) {
			memset(&secs, 0, sizeof(secs));
			secs.text = sb.data;
			secs.len = sb.len;
			secs.marks = marks;
			secs.nmarks = nm;
			h += 1 + lay_frame_text(L, &fr, &secs, NULL, ST_TOC_SECTION, numw,
			    h + 1, W - numw, 0, 0);
		}
		for (size_t k = 0; k < nm; k++)
			free(marks[k].href);
		free(marks);
		buf_free(&sb);
		flow_add(L->f, &fr, h, first ? 10 : 9, first ? F_KEEP : 0);
		first = 0;
		lay_group_end(L, toci);
	}
	lay_group_end(L, toc);
}

/* Front matter; see edition.h. */
int
edition_front(struct lay *L, const struct briefing *b, int story_pages)
{
	const struct theme *t = L->t;
	size_t ne;
	struct entry *e = collect(L, &ne);
	int first, count, cdest;
	char date[32];
	char *header;

	L->accent = t->colors[C_ACCENT];
	L->part = L->tag = dl_elem_new(L->doc, 0, DL_R_PART);
	cover(L, b, e, ne);
	L->part = L->tag = dl_elem_new(L->doc, 0, DL_R_PART);
	L->f = flow_new(L->doc, t->page_w, t->page_h, t->left, t->top,
	    t->page_h - t->bottom);
	contents(L, e, ne, &cdest);
	L->part = L->tag = 0;
	first = flow_finish(L->f, &count);
	flow_free(L->f);
	L->f = NULL;
	dl_bookmark_insert(L->doc, 1, 1, "Contents", cdest);

	/* Contents pages carry the running header and a roman folio. */
	header = xasprintf("%s%s%s", b->title, b->date.prec ? " \xc2\xb7 " : "",
	    b->date.prec ? date_format_long(&b->date, date) : "");
	for (int i = 0; i < count; i++) {
		struct dl_page *pg = dl_page(L->doc, (size_t)(first + i));
		struct dl_list fr = { 0 };
		const double fy = t->page_h - t->bottom + 20;
		static const char *const roman[] = { "ii", "iii", "iv", "v", "vi",
		    "vii", "viii", "ix", "x", "xi", "xii", "xiii", "xiv", "xv" };
		const char *folio = i < 14 ? roman[i] : "";
		double nw = text_width(L->ts, folio, &t->st[ST_FOOTER]);

		dl_hline(L->doc, &fr, 0, (float)L->W, 0, 0.4f, t->colors[C_RULE], 0);
		lay_frame_text(L, &fr, NULL, "Contents", ST_FOOTER, 0, 5, L->W / 2, 0, 0);
		lay_frame_text(L, &fr, NULL, folio, ST_FOOTER, L->W - nw - 1, 5, nw + 1,
		    T_RIGHT, 0);
		lay_header(L, &fr, header, -fy + t->top - 30);
		dl_list_place(&pg->list, &fr, (float)t->left, (float)fy);
		dl_list_free(&fr);
	}
	free(header);
	free(e);
	dl_pages_to_front(L->doc, (size_t)story_pages);
	dl_labels_add(L->doc, 0, 1, 1);
	dl_labels_add(L->doc, 1 + count, 0, 1);
	return 1 + count;
}
