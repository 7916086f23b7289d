/* validate.c: semantic checks over the model. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "read/validate.h"

#define E(pos, ...) diag(d, DIAG_ERROR, (pos).file, (pos).line, (pos).col, __VA_ARGS__)
#define W(pos, ...) diag(d, DIAG_WARNING, (pos).file, (pos).line, (pos).col, __VA_ARGS__)

/* Link targets we accept; see validate.h. */
int
validate_href(const char *href)
{
	return strncasecmp(href, "http://", 7) == 0 ||
	    strncasecmp(href, "https://", 8) == 0 ||
	    strncasecmp(href, "mailto:", 7) == 0;
}

static void
check_date(const char *raw, struct date *out, struct srcpos pos,
    struct diags *d, const char *what)
{
	const char *why;

	if (raw == NULL)
		return;
	if (date_parse(raw, out, &why) != 0)
		E(pos, "%s '%s' is not a valid date: %s", what, raw, why);
}

static void
check_rich(const struct rich *r, struct diags *d)
{
	for (size_t i = 0; i < r->nmarks; i++)
		if (r->marks[i].kind == MARK_LINK &&
		    !validate_href(r->marks[i].href))
			E(r->marks[i].pos, "link target '%s' is not an http, https "
			    "or mailto address", r->marks[i].href);
}

static void
check_nonempty(const struct rich *r, struct diags *d, const char *what)
{
	if (r->text && r->len == 0)
		E(r->pos, "%s is empty", what);
	check_rich(r, d);
}

/* Parse a chart number: optional sign, digits, decimals, exponent. */
static int
parse_number(const char *s, double *v)
{
	char *end;

	if (*s == '\0' || isspace((unsigned char)*s))
		return -1;
	*v = strtod(s, &end);
	if (*end != '\0' || end == s)
		return -1;
	/* strtod takes "inf", "nan" and hex: refuse all three. */
	for (const char *p = s; *p; p++)
		if (isalpha((unsigned char)*p) && *p != 'e' && *p != 'E')
			return -1;
	return isfinite(*v) ? 0 : -2;
}

static void
check_chart(struct chart *ch, struct diags *d)
{

	check_nonempty(&ch->title, d, "chart title");
	for (size_t s = 0; s < ch->nseries; s++) {
		struct chart_series *se = &ch->series[s];

		for (size_t t = 0; t < s; t++)
			if (strcmp(ch->series[t].name, se->name) == 0)
				E(se->pos, "series '%s' is named twice in this chart",
				    se->name);
		if (se->nvalues == 0)
			E(se->pos, "series '%s' has no values: give it one or more "
			    "<value label=\"...\">NUMBER</value>", se->name);
		for (size_t i = 0; i < se->nvalues; i++) {
			struct chart_value *cv = &se->values[i];
			int r = parse_number(cv->raw, &cv->v);

			if (r == -1)
				E(cv->pos, "chart value '%s' is not a number "
				    "(write digits, e.g. 250 or -3.5)", cv->raw);
			else if (r == -2)
				E(cv->pos, "chart value '%s' is too large to draw",
				    cv->raw);
			for (size_t j = 0; j < i; j++)
				if (strcmp(se->values[j].label, cv->label) == 0)
					E(cv->pos, "label '%s' appears twice in series "
					    "'%s'", cv->label, se->name);
		}
	}
	if (ch->nseries == 0)
		E(ch->pos, "chart has no series: give it one or more <series "
		    "name=\"...\"> with values");
}

static void
check_story(struct story *st, struct diags *d)
{
	check_date(st->date_raw, &st->date, st->date_pos, d, "story date");
	check_nonempty(&st->title, d, "story title");
	for (size_t i = 0; i < st->npoints; i++)
		check_nonempty(&st->points[i], d, "overview point");
	for (size_t s = 0; s < st->nsections; s++) {
		struct section *sec = &st->sections[s];

		check_nonempty(&sec->title, d, "section title");
		for (size_t i = 0; i < sec->nblocks; i++) {
			struct block *blk = &sec->blocks[i];

			if (blk->kind == BLOCK_CHART)
				check_chart(blk->chart, d);
			else
				check_nonempty(&blk->text, d,
				    blk->kind == BLOCK_P ? "paragraph" : "quote");
		}
	}
	for (size_t i = 0; i < st->nevents; i++) {
		check_date(st->events[i].date_raw, &st->events[i].date,
		    st->events[i].date_pos, d, "event date");
		check_rich(&st->events[i].text, d);
	}
	for (size_t i = 0; i < st->nplayers; i++) {
		struct player *p = &st->players[i];

		for (size_t j = 0; j < i; j++)
			if (strcmp(st->players[j].id, p->id) == 0)
				E(p->id_pos, "player id '%s' is already used on line %d",
				    p->id, st->players[j].id_pos.line);
		if (p->initials && strlen(p->initials) > 4)
			W(p->pos, "initials '%s' are long for a badge; use 1 to 3 "
			    "letters", p->initials);
		check_rich(&p->role, d);
	}
	for (size_t i = 0; i < st->nrelations; i++) {
		struct relation *r = &st->relations[i];
		int from = 0, to = 0;

		for (size_t j = 0; j < st->nplayers; j++) {
			from |= strcmp(st->players[j].id, r->from) == 0;
			to |= strcmp(st->players[j].id, r->to) == 0;
		}
		if (!from)
			E(r->from_pos, "relation from '%s' names no player", r->from);
		if (!to)
			E(r->to_pos, "relation to '%s' names no player", r->to);
		if (from && to && strcmp(r->from, r->to) == 0)
			E(r->pos, "relation from '%s' to itself", r->from);
	}
	for (size_t i = 0; i < st->nvoices; i++) {
		check_rich(&st->voices[i].text, d);
		if (st->voices[i].href && !validate_href(st->voices[i].href))
			E(st->voices[i].pos, "link target '%s' is not an http, "
			    "https or mailto address", st->voices[i].href);
	}
	for (size_t i = 0; i < st->nvideos; i++)
		if (st->videos[i].href && !validate_href(st->videos[i].href))
			E(st->videos[i].pos, "link target '%s' is not an http, "
			    "https or mailto address", st->videos[i].href);
	for (size_t i = 0; i < st->nsources; i++) {
		check_rich(&st->sources[i].title, d);
		if (st->sources[i].href && !validate_href(st->sources[i].href))
			E(st->sources[i].pos, "link target '%s' is not an http, "
			    "https or mailto address", st->sources[i].href);
	}
}

/* Run every semantic check; see validate.h. */
int
validate(struct briefing *b, struct diags *d)
{
	int before = diags_errors(d);

	check_date(b->date_raw, &b->date, b->date_pos, d, "briefing date");
	for (size_t i = 0; i < b->nstories; i++) {
		for (size_t j = 0; j < i; j++)
			if (strcmp(b->stories[j].id, b->stories[i].id) == 0)
				E(b->stories[i].id_pos, "story id '%s' is already "
				    "used at %s:%d", b->stories[i].id,
				    b->stories[j].id_pos.file,
				    b->stories[j].id_pos.line);
		check_story(&b->stories[i], d);
	}
	return diags_errors(d) - before;
}
