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
	int		 missing;
};

static void
text(struct cov *c, const char *s, struct srcpos pos)
{
	if (s == NULL)
		return;
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar ch = g_utf8_get_char(p);
		char utf8[8];
		struct srcpos at;
		int n;

		if (ch < 0x80 || ch == 0xAD || fonts_covers(c->f, ch) ||
		    g_unichar_iszerowidth(ch) || g_unichar_type(ch) == G_UNICODE_CONTROL)
			continue;
		if (g_hash_table_contains(c->seen, GUINT_TO_POINTER(ch)))
			continue;
		g_hash_table_add(c->seen, GUINT_TO_POINTER(ch));
		n = g_unichar_to_utf8(ch, utf8);
		utf8[n] = '\0';
		/* The character's own place in the source, after the element's
		 * start (entities aside, it is written as itself). */
		at = srcmap_find(c->m, pos, utf8, 1 << 20);
		diag(c->d, DIAG_WARNING, at.file, at.line, at.col, "character '%s' (U+%04X) "
		    "is not in the shipped fonts%s; it is drawn as a box", utf8,
		    (unsigned)ch, ch > 0xFFFF ? " (and the PDF writer cannot embed "
		    "characters above U+FFFF)" : "");
		c->missing++;
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
	    g_direct_equal), 0 };

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
	return c.missing;
}
