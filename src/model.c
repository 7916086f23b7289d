/* model.c: freeing and dumping the model. */
#include <stdlib.h>

#include "model.h"
#include "util.h"

/* Free a briefing; NULL is ignored. */
void
model_free(struct briefing *b)
{
	if (b == NULL)
		return;
	pool_free(b->pool);
	free(b);
}

static void
dump_rich(FILE *f, int ind, const char *tag, const struct rich *r)
{
	fprintf(f, "%*s%s @%d: %s\n", ind, "", tag, r->pos.line, r->text);
	for (size_t i = 0; i < r->nmarks; i++) {
		const struct mark *m = &r->marks[i];

		fprintf(f, "%*s%s [%zu,%zu)%s%s\n", ind + 2, "",
		    m->kind == MARK_EM ? "em" : m->kind == MARK_STRONG ? "strong" : "a",
		    m->start, m->end, m->href ? " " : "", m->href ? m->href : "");
	}
}

static const char *
s(const char *x)
{
	return x ? x : "-";
}

/* Print the model as a tree; see model.h. */
void
model_dump(const struct briefing *b, FILE *f)
{
	static const char *const stance[] = { "gains", "loses", "mixed", "neutral" };
	static const char *const ctype[] = { "bar", "stacked-bar", "line" };

	fprintf(f, "%s title=%s edition=%s date=%s\n",
	    b->is_edition ? "briefing" : "single", s(b->title), s(b->edition),
	    s(b->date_raw));
	for (size_t i = 0; i < b->nstories; i++) {
		const struct story *st = &b->stories[i];

		fprintf(f, "story id=%s category=%s signals=%s date=%s\n",
		    st->id, s(st->category), s(st->signals), s(st->date_raw));
		dump_rich(f, 2, "title", &st->title);
		for (size_t j = 0; j < st->npoints; j++)
			dump_rich(f, 2, "point", &st->points[j]);
		for (size_t j = 0; j < st->nsections; j++) {
			const struct section *sec = &st->sections[j];

			dump_rich(f, 2, "section", &sec->title);
			for (size_t k = 0; k < sec->nblocks; k++) {
				const struct block *bl = &sec->blocks[k];

				if (bl->kind == BLOCK_CHART) {
					const struct chart *c = bl->chart;

					fprintf(f, "    chart %s unit=%s\n", ctype[c->type],
					    s(c->unit));
					for (size_t m = 0; m < c->nseries; m++)
						for (size_t n = 0; n < c->series[m].nvalues; n++)
							fprintf(f, "      %s / %s = %g\n",
							    c->series[m].name,
							    c->series[m].values[n].label,
							    c->series[m].values[n].v);
				} else
					dump_rich(f, 4, bl->kind == BLOCK_P ? "p" : "quote",
					    &bl->text);
			}
		}
		for (size_t j = 0; j < st->nevents; j++)
			dump_rich(f, 2, st->events[j].date_raw, &st->events[j].text);
		for (size_t j = 0; j < st->nplayers; j++)
			fprintf(f, "  player %s %s (%s) %s\n", st->players[j].id,
			    st->players[j].name, s(st->players[j].initials),
			    stance[st->players[j].stance]);
		for (size_t j = 0; j < st->nrelations; j++)
			fprintf(f, "  relation %s -> %s: %s\n", st->relations[j].from,
			    st->relations[j].to, st->relations[j].label);
		for (size_t j = 0; j < st->nvoices; j++)
			dump_rich(f, 2, st->voices[j].name, &st->voices[j].text);
		for (size_t j = 0; j < st->nvideos; j++)
			fprintf(f, "  video %s (%s)\n", st->videos[j].title,
			    s(st->videos[j].outlet));
		for (size_t j = 0; j < st->nsources; j++)
			dump_rich(f, 2, "source", &st->sources[j].title);
	}
}
