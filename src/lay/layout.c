/* layout.c: the layout stage's entry point: each story laid out alone
 * (or taken from the cache), absorbed into one document, then headers,
 * footers and, for an edition, the cover and contents. */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/edition.h"
#include "lay/geom.h"
#include "lay/lay.h"
#include "lay/layout.h"
#include "lay/layoutcache.h"
#include "lay/story.h"

/* One story, alone in a document of its own (or taken from the cache),
 * then absorbed into the whole.  Returns the index of its first page and
 * sets *count to its pages. */
static int
one_story(struct lay *L, const struct story *st, struct layout_cache *cache,
    int *count)
{
	struct dl_doc *doc = L->doc, *sd = NULL;
	char *key = cache ? lcache_key(st, L->t, L->level) : NULL;
	size_t nfaces = dl_nfaces(doc), first;

	if (key)
		sd = lcache_get(cache, key);
	if (sd == NULL) {
		int overflowed;

		sd = dl_doc_new();
		L->doc = sd;
		typeset_set_doc(L->ts, sd);
		L->f = flow_new(sd, L->t->page_w, L->t->page_h, L->t->left, L->t->top,
		    L->t->page_h - L->t->bottom);
		story_layout(L, st);
		flow_finish(L->f, count);
		overflowed = flow_overflowed(L->f);
		flow_free(L->f);
		L->f = NULL;
		L->doc = doc;
		typeset_set_doc(L->ts, doc);
		if (overflowed)
			diag(L->d, DIAG_ERROR, st->pos.file, st->pos.line, st->pos.col,
			    "the document would be longer than %d pages, the most "
			    "briefing makes", FLOW_MAX_PAGES);
		else if (key)
			lcache_put(cache, key, sd);
	}
	*count = (int)dl_npages(sd);
	first = dl_doc_absorb(doc, sd);
	/* Faces new to the whole (a cached story's) go to the PDF writer. */
	for (size_t f = nfaces; f < dl_nfaces(doc); f++)
		typeset_face_seen(L->ts, dl_face_path(doc, (int)f));
	free(key);
	return (int)first;
}

/* Lay out a whole document; see layout.h. */
struct dl_doc *
layout_document(const struct briefing *b, const struct theme *t,
    struct typeset *ts, struct diags *d, long long epoch,
    struct layout_cache *cache)
{
	struct dl_doc *doc;
	struct lay L;
	struct dl_info *info;
	struct buf kw;
	char date[32];
	const struct story *st0 = &b->stories[0];

	memset(&L, 0, sizeof(L));
	L.t = t;
	L.ts = ts;
	L.d = d;
	L.doc = doc = dl_doc_new();
	L.g = geom_new();
	L.W = t->page_w - t->left - t->right;
	typeset_set_doc(ts, L.doc);
	typeset_set_diags(ts, d);

	info = dl_info(L.doc);
	info->creator = dl_strdup(L.doc, "briefing " BRIEFING_VERSION);
	info->epoch = epoch;
	info->lang = dl_strdup(L.doc, st0->title.lang ? st0->title.lang : "en");
	buf_init(&kw);
	for (size_t i = 0; i < b->nstories; i++)
		if (b->stories[i].category && !strstr(kw.data ? kw.data : "",
		    b->stories[i].category))
			buf_printf(&kw, "%s%s", kw.len ? ", " : "",
			    b->stories[i].category);
	info->keywords = kw.len ? dl_strdup(L.doc, kw.data) : NULL;
	buf_free(&kw);

	{
		int *first = xcalloc(b->nstories, sizeof(int));
		int *count = xcalloc(b->nstories, sizeof(int));
		int total, too_long = 0;

		if (cache)
			lcache_begin(cache);
		for (size_t i = 0; i < b->nstories; i++) {
			const struct story *st = &b->stories[i];

			L.accent = theme_category_color(t, st->category);
			L.level = b->is_edition ? 1 : 0;
			first[i] = one_story(&L, st, cache, &count[i]);
			if (dl_npages(doc) > FLOW_MAX_PAGES) {
				/* Each story is held to the limit; together they
				 * are too: lay out no more. */
				diag(d, DIAG_ERROR, st->pos.file, st->pos.line, st->pos.col,
				    "with this story the edition would be longer than "
				    "%d pages, the most briefing makes", FLOW_MAX_PAGES);
				too_long = 1;
				break;
			}
		}
		if (cache)
			lcache_end(cache);
		L.doc = doc;
		typeset_set_doc(ts, doc);
		if (too_long) {
			free(first);
			free(count);
			geom_free(L.g);
			return L.doc;
		}
		/* Now the total is known: every page says "page X of Y". */
		total = (int)dl_npages(L.doc);
		for (size_t i = 0; i < b->nstories; i++) {
			const struct story *st = &b->stories[i];
			char *header;

			L.accent = theme_category_color(t, st->category);
			if (b->is_edition)
				header = xasprintf("%s%s%s", b->title,
				    b->date.prec ? " \xc2\xb7 " : "",
				    b->date.prec ? date_format_long(&b->date, date) : "");
			else
				header = xasprintf("%s briefing%s%s",
				    st->category ? st->category : "Story",
				    st->date.prec ? " \xc2\xb7 " : "",
				    st->date.prec ? date_format_long(&st->date, date) : "");
			story_furniture(&L, st, header, first[i], count[i],
			    first[i] + 1, total);
			free(header);
		}
		free(first);
		free(count);
		if (b->is_edition)
			edition_front(&L, b, total);
	}

	if (b->is_edition) {
		info->title = dl_strdup(L.doc, b->title);
		info->author = dl_strdup(L.doc, b->author);
		info->subject = dl_strdup(L.doc, b->edition ? b->edition : b->title);
	} else {
		char *subj = xasprintf("%s briefing%s%s",
		    st0->category ? st0->category : "Story",
		    st0->date.prec ? ", " : "",
		    st0->date.prec ? date_format_long(&st0->date, date) : "");

		info->title = dl_strdup(L.doc, st0->title.text);
		info->subject = dl_strdup(L.doc, subj);
		free(subj);
	}
	geom_free(L.g);
	return L.doc;
}
