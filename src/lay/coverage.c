/* coverage.c: characters the shipped fonts cannot draw. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "lay/coverage.h"
#include "read/srcmap.h"

struct cov {
	const struct srcmap *m;
	struct fonts	*f;
	struct diags	*d;
	GHashTable	*seen;	/* code points already reported */
	GHashTable	*runs;	/* runs (UTF-8) already reported */
	int		 missing;
};

/* Whether a character is one no face draws (and no box is drawn for
 * the ones that need no glyph). */
static int
missing(struct cov *c, gunichar ch)
{
	return ch >= 0x80 && ch != 0xAD && !fonts_covers(c->f, ch) &&
	    !g_unichar_iszerowidth(ch) && g_unichar_type(ch) != G_UNICODE_CONTROL;
}

/* Where the run of missing characters starting at p ends: spaces between
 * two missing characters belong to it (a name of two words). */
static const char *
run_end(struct cov *c, const char *p)
{
	const char *e = g_utf8_next_char(p);

	for (;;) {
		const char *q = e;

		while (*q == ' ')
			q++;
		if (*q == '\0' || !missing(c, g_utf8_get_char(q)))
			return e;
		e = g_utf8_next_char(q);
	}
}

/* Report the run [p, e): once per distinct run in the document. */
static void
report_run(struct cov *c, const char *p, const char *e, struct srcpos pos)
{
	char *run = g_strndup(p, (gsize)(e - p)), first[8];
	gunichar lo = g_utf8_get_char(p), hi = lo;
	guint32 iso = g_unicode_script_to_iso15924(g_unichar_get_script(lo));
	int n = 0, fresh = 0;
	struct srcpos at;

	if (g_hash_table_contains(c->runs, run)) {
		g_free(run);
		return;
	}
	for (const char *q = p; q < e; q = g_utf8_next_char(q)) {
		gunichar ch = g_utf8_get_char(q);

		if (ch == ' ')
			continue;
		lo = ch < lo ? ch : lo;
		hi = ch > hi ? ch : hi;
		n++;
		if (!g_hash_table_contains(c->seen, GUINT_TO_POINTER(ch))) {
			g_hash_table_add(c->seen, GUINT_TO_POINTER(ch));
			c->missing++;
			fresh = 1;
		}
	}
	g_hash_table_add(c->runs, run);
	if (!fresh)
		return;		/* every character reported already */
	first[g_unichar_to_utf8(g_utf8_get_char(p), first)] = '\0';
	/* The run's own place in the source, after the element's start
	 * (entities aside, it is written as itself). */
	at = srcmap_find(c->m, pos, first, 1 << 20);
	if (n == 1)
		diag(c->d, DIAG_WARNING, at.file, at.line, at.col, "character '%s' "
		    "(U+%04X, script %.4s) is not in the shipped fonts; it is drawn "
		    "as a box", run, (unsigned)lo, (const char *)&(guint32){
		    GUINT32_TO_BE(iso) });
	else
		diag(c->d, DIAG_WARNING, at.file, at.line, at.col, "characters '%s' "
		    "(U+%04X to U+%04X, script %.4s) are not in the shipped fonts; "
		    "they are drawn as boxes", run, (unsigned)lo, (unsigned)hi,
		    (const char *)&(guint32){ GUINT32_TO_BE(iso) });
}

static void
text(struct cov *c, const char *s, struct srcpos pos)
{
	if (s == NULL)
		return;
	for (const char *p = s; *p; ) {
		const char *e;

		if (!missing(c, g_utf8_get_char(p))) {
			p = g_utf8_next_char(p);
			continue;
		}
		e = run_end(c, p);
		report_run(c, p, e, pos);
		p = e;
	}
}

static void
rich(struct cov *c, const struct rich *r)
{
	if (r->text)
		text(c, r->text, r->pos);
	for (size_t i = 0; i < r->nnotes; i++)
		rich(c, &r->notes[i].text);
}

static void
list(struct cov *c, const struct list *l)
{
	for (size_t i = 0; i < l->nitems; i++) {
		rich(c, &l->items[i].text);
		if (l->items[i].sub)
			list(c, l->items[i].sub);
	}
}

/* A list's or a callout's text (charts, paragraphs and quotes are the
 * caller's). */
static void
block(struct cov *c, const struct block *bl)
{
	if (bl->kind == BLOCK_LIST)
		list(c, bl->list);
	else if (bl->kind == BLOCK_FIGURE) {
		rich(c, &bl->figure->caption);
		text(c, bl->figure->credit, bl->figure->pos);
	} else if (bl->kind == BLOCK_TABLE) {
		rich(c, &bl->table->title);
		rich(c, &bl->table->caption);
		for (size_t r = 0; r < bl->table->nrows; r++)
			for (size_t k = 0; k < bl->table->rows[r].ncells; k++)
				rich(c, &bl->table->rows[r].cells[k].text);
	}
	else if (bl->kind == BLOCK_CALLOUT) {
		text(c, bl->callout->title, bl->callout->pos);
		for (size_t i = 0; i < bl->callout->nblocks; i++) {
			rich(c, &bl->callout->blocks[i].text);
			block(c, &bl->callout->blocks[i]);
		}
	}
}

/* Check a whole briefing; see coverage.h. */
int
coverage_check(const struct briefing *b, struct fonts *f, struct diags *d)
{
	struct cov c = { b->src, f, d, g_hash_table_new(g_direct_hash,
	    g_direct_equal), g_hash_table_new_full(g_str_hash, g_str_equal, g_free,
	    NULL), 0 };

	text(&c, b->title, b->pos);
	text(&c, b->edition, b->pos);
	text(&c, b->audience, b->pos);
	text(&c, b->author, b->pos);
	for (size_t i = 0; i < b->nstories; i++) {
		const struct story *st = &b->stories[i];

		text(&c, st->category, st->pos);
		text(&c, st->signals, st->pos);
		rich(&c, &st->title);
		for (size_t k = 0; k < st->npoints; k++)
			rich(&c, &st->points[k]);
		for (size_t k = 0; k < st->nsections; k++) {
			const struct section *sec = &st->sections[k];

			rich(&c, &sec->title);
			for (size_t m = 0; m < sec->nblocks; m++) {
				const struct block *bl = &sec->blocks[m];

				if (bl->kind != BLOCK_CHART) {
					block(&c, bl);
					rich(&c, &bl->text);
					text(&c, bl->by, bl->pos);
					continue;
				}
				rich(&c, &bl->chart->title);
				if (bl->chart->caption.text)
					rich(&c, &bl->chart->caption);
				text(&c, bl->chart->unit, bl->chart->pos);
				for (size_t q = 0; q < bl->chart->nseries; q++) {
					const struct chart_series *se = &bl->chart->series[q];

					text(&c, se->name, se->pos);
					for (size_t v = 0; v < se->nvalues; v++)
						text(&c, se->values[v].label, se->values[v].pos);
				}
			}
		}
		for (size_t k = 0; k < st->nevents; k++)
			rich(&c, &st->events[k].text);
		text(&c, st->subject, st->pos);
		for (size_t k = 0; k < st->nplayers; k++) {
			text(&c, st->players[k].name, st->players[k].pos);
			text(&c, st->players[k].initials, st->players[k].pos);
			rich(&c, &st->players[k].role);
		}
		for (size_t k = 0; k < st->nrelations; k++)
			text(&c, st->relations[k].label, st->relations[k].pos);
		for (size_t k = 0; k < st->nvoices; k++) {
			const struct voice *v = &st->voices[k];

			text(&c, v->name, v->pos);
			text(&c, v->role, v->pos);
			text(&c, v->platform, v->pos);
			text(&c, v->score, v->pos);
			rich(&c, &v->text);
		}
		for (size_t k = 0; k < st->nvideos; k++) {
			text(&c, st->videos[k].title, st->videos[k].pos);
			text(&c, st->videos[k].outlet, st->videos[k].pos);
		}
		for (size_t k = 0; k < st->nsources; k++) {
			text(&c, st->sources[k].outlet, st->sources[k].pos);
			rich(&c, &st->sources[k].title);
		}
	}
	g_hash_table_destroy(c.seen);
	g_hash_table_destroy(c.runs);
	return c.missing;
}
