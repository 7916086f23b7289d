/* alttext.c: alternative text for charts, the timeline and the power map,
 * said from the data they draw (the Alt of their Figure elements). */
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/alttext.h"
#include "lay/lay.h"

/* The most events the timeline's alternative text says one by one (all
 * are listed in the text under the diagram). */
#define ALT_EVENTS	60

static const char *const chart_kinds[] = { "Bar chart", "Stacked bar chart",
    "Line chart" };

/* A line chart: each series with its values in order. */
static void
alt_lines(const struct chart *c, struct buf *b)
{
	for (size_t s = 0; s < c->nseries; s++) {
		const struct chart_series *se = &c->series[s];

		buf_printf(b, " %s:", se->name && *se->name ? se->name : "Values");
		for (size_t i = 0; i < se->nvalues; i++)
			buf_printf(b, "%s %s %s", i ? ";" : "", se->values[i].label,
			    se->values[i].raw ? se->values[i].raw : "");
		buf_adds(b, ".");
	}
}

/* Bars: each category with its value per series, named in brackets when
 * there are several, and their sum when they are stacked. */
static void
alt_bars(const struct chart *c, struct buf *b)
{
	for (size_t s0 = 0; s0 < c->nseries; s0++)
		for (size_t i0 = 0; i0 < c->series[s0].nvalues; i0++) {
			const char *cat = c->series[s0].values[i0].label;
			double sum = 0;
			int n = 0, seen = 0;

			for (size_t s = 0; s < s0 && !seen; s++)	/* said already */
				for (size_t i = 0; i < c->series[s].nvalues && !seen; i++)
					seen = strcmp(c->series[s].values[i].label, cat) == 0;
			for (size_t i = 0; i < i0 && !seen; i++)
				seen = strcmp(c->series[s0].values[i].label, cat) == 0;
			if (seen)
				continue;
			buf_printf(b, " %s:", cat);
			for (size_t s = s0; s < c->nseries; s++)
				for (size_t i = 0; i < c->series[s].nvalues; i++) {
					const struct chart_value *v = &c->series[s].values[i];

					if (strcmp(v->label, cat) != 0)
						continue;
					buf_printf(b, "%s %s", n == 0 ? "" : c->type ==
					    CHART_STACKED ? " +" : ",", v->raw ? v->raw : "");
					if (c->nseries > 1 && c->series[s].name)
						buf_printf(b, " (%s)", c->series[s].name);
					sum += v->v;
					n++;
					break;
				}
			if (c->type == CHART_STACKED && n > 1)
				buf_printf(b, " = %g", sum);
			buf_adds(b, ".");
		}
}

/* A chart in words; see alttext.h. */
char *
alt_chart(const struct chart *c)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "%s", chart_kinds[c->type <= CHART_LINE ? c->type : 0]);
	if (c->title.text && *c->title.text)
		buf_printf(&b, ": %s", c->title.text);
	if (c->unit && *c->unit)
		buf_printf(&b, ", %s", c->unit);
	buf_adds(&b, ".");
	if (c->type == CHART_LINE)
		alt_lines(c, &b);
	else
		alt_bars(c, &b);
	return buf_steal(&b);
}

/* The timeline in words; see alttext.h. */
char *
alt_timeline(struct event *const *ev, size_t n)
{
	struct buf b;
	char date[32];

	buf_init(&b);
	buf_printf(&b, "Timeline of %zu event%s.", n, n == 1 ? "" : "s");
	for (size_t i = 0; i < n && i < ALT_EVENTS; i++)
		buf_printf(&b, " %zu. %s: %s", i + 1, date_format(&ev[i]->date, date),
		    ev[i]->text.text ? ev[i]->text.text : "");
	if (n > ALT_EVENTS)
		buf_printf(&b, " And %zu more, listed below.", n - ALT_EVENTS);
	return buf_steal(&b);
}

static const char *
player_name(const struct story *st, const char *id)
{
	for (size_t k = 0; k < st->nplayers; k++)
		if (strcmp(st->players[k].id, id) == 0)
			return st->players[k].name;
	return id;
}

/* The power map in words; see alttext.h. */
char *
alt_powermap(const struct story *st)
{
	struct buf b;

	buf_init(&b);
	buf_printf(&b, "Power map of %zu player%s.", st->nplayers,
	    st->nplayers == 1 ? "" : "s");
	for (size_t i = 0; i < st->nplayers; i++)
		buf_printf(&b, " %s: %s.", st->players[i].name,
		    lay_stance_word(st->players[i].stance));
	for (size_t r = 0; r < st->nrelations; r++) {
		const struct relation *rel = &st->relations[r];

		buf_printf(&b, " %s to %s: %s.", player_name(st, rel->from),
		    player_name(st, rel->to), rel->label ? rel->label : "");
	}
	return buf_steal(&b);
}
