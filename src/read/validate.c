/* validate.c: semantic checks over the model. */
#include <ctype.h>
#include <math.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <glib.h>

#include "base/util.h"
#include "read/validate.h"

#define E(pos, ...) diag(d, DIAG_ERROR, (pos).file, (pos).line, (pos).col, __VA_ARGS__)
/* A model built from a document the schema refused may lack any
 * attribute: names in messages are then empty. */
#define ORNONE(s) ((s) ? (s) : "")
#define W(pos, ...) diag(d, DIAG_WARNING, (pos).file, (pos).line, (pos).col, __VA_ARGS__)

/* Link targets we accept; see validate.h. */
int
validate_href(const char *href)
{
	const char *rest = NULL;

	for (const char *p = href; *p; p++)
		if ((unsigned char)*p <= 0x20 || *p == 0x7f)
			return 0;
	if (strncasecmp(href, "http://", 7) == 0)
		rest = href + 7;
	else if (strncasecmp(href, "https://", 8) == 0)
		rest = href + 8;
	else if (strncasecmp(href, "mailto:", 7) == 0)
		return strchr(href + 7, '@') != NULL && href[7] != '@';
	/* A host: something before the path, query or fragment. */
	return rest && *rest && *rest != '/' && *rest != '?' && *rest != '#' &&
	    *rest != ':';
}

/* Percent-encode what a URI may not hold; see validate.h. */
char *
validate_uri_encode(const char *href)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf b;

	buf_init(&b);
	for (const unsigned char *p = (const unsigned char *)href; *p; p++)
		if (*p <= 0x20 || *p >= 0x7f) {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*p >> 4]);
			buf_addc(&b, hex[*p & 15]);
		} else
			buf_addc(&b, (char)*p);
	buf_add(&b, "", 0);
	return buf_steal(&b);
}

/* A link target checked and made a URI (non-ASCII percent-encoded) in
 * place: the model's string is replaced by one from the same pool. */
static void
check_link(struct pool *pool, char **href, struct srcpos pos, struct diags *d)
{
	char *enc;

	if (*href == NULL)
		return;
	if (!validate_href(*href)) {
		E(pos, "link target '%s' is not an http or https address with a "
		    "host, or a mailto address (and holds no spaces)", *href);
		return;
	}
	enc = validate_uri_encode(*href);
	if (strlen(enc) > VALIDATE_MAX_STRING)
		E(pos, "link target is %zu bytes long; a PDF link holds at most %d",
		    strlen(enc), VALIDATE_MAX_STRING);
	else if (strcmp(enc, *href) != 0)
		*href = pool_strdup(pool, enc);
	free(enc);
}

/* A text that becomes a PDF string (document information, bookmarks). */
static void
check_length(const char *s, struct srcpos pos, struct diags *d, const char *what)
{
	if (s && strlen(s) > VALIDATE_MAX_STRING)
		E(pos, "%s is %zu bytes long; a PDF title or bookmark holds at most "
		    "%d", what, strlen(s), VALIDATE_MAX_STRING);
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

/* A block of text's links, and its length: Pango measures a paragraph's
 * unbroken width in 32-bit units (2,097,151 pt), past which it silently
 * stops breaking lines; VALIDATE_MAX_TEXT characters stay well inside at
 * any size a layout sets text. */
static void
check_rich(struct pool *pool, struct rich *r, struct diags *d)
{
	if (r->text && r->len > VALIDATE_MAX_TEXT) {
		glong n = g_utf8_strlen(r->text, (gssize)r->len);

		if (n > VALIDATE_MAX_TEXT)
			E(r->pos, "this text is %ld characters long; a paragraph or any "
			    "other block of text holds at most %d (split it into "
			    "paragraphs)", (long)n, VALIDATE_MAX_TEXT);
	}
	for (size_t i = 0; i < r->nmarks; i++)
		if (r->marks[i].kind == MARK_LINK)
			check_link(pool, &r->marks[i].href, r->marks[i].pos, d);
	for (size_t i = 0; i < r->nnotes; i++) {
		if (r->notes[i].text.len == 0)
			E(r->notes[i].pos, "note %d is empty", r->notes[i].number);
		check_rich(pool, &r->notes[i].text, d);
	}
}

static void
check_nonempty(struct pool *pool, struct rich *r, struct diags *d,
    const char *what)
{
	if (r->text && r->len == 0)
		E(r->pos, "%s is empty", what);
	check_rich(pool, r, d);
}

/* True (after reporting it) when name was seen before in set; the set
 * maps names to the place they were first seen. */
static int
seen_before(GHashTable *set, const char *name, const struct srcpos *pos)
{
	if (g_hash_table_contains(set, name))
		return 1;
	g_hash_table_insert(set, (gpointer)name, (gpointer)pos);
	return 0;
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
	if (!isfinite(*v) || fabs(*v) > VALIDATE_MAX_VALUE)
		return -2;
	if (*v != 0 && fabs(*v) < VALIDATE_MIN_VALUE)
		return -3;
	return 0;
}

static void
check_values(struct chart_series *se, struct diags *d)
{
	GHashTable *labels = g_hash_table_new(g_str_hash, g_str_equal);

	for (size_t i = 0; i < se->nvalues; i++) {
		struct chart_value *cv = &se->values[i];
		int r = parse_number(cv->raw, &cv->v);

		if (r == -1)
			E(cv->pos, "chart value '%s' is not a number "
			    "(write digits, e.g. 250 or -3.5)", cv->raw);
		else if (r == -2)
			E(cv->pos, "chart value '%s' is too large to draw (at most "
			    "1e18 either side of zero: use a larger unit)", cv->raw);
		else if (r == -3)
			E(cv->pos, "chart value '%s' is too small to draw (0, or at "
			    "least 1e-9 either side of zero: use a smaller unit)",
			    cv->raw);
		if (cv->label && seen_before(labels, cv->label, &cv->pos))
			E(cv->pos, "label '%s' appears twice in series '%s'",
			    cv->label, ORNONE(se->name));
	}
	g_hash_table_destroy(labels);
}

/* True when UTF-8 text s holds only white space (no-break spaces too). */
static int
blank_text(const char *s)
{
	for (; *s; s = g_utf8_next_char(s))
		if (!g_unichar_isspace(g_utf8_get_char(s)))
			return 0;
	return 1;
}

static void
check_chart(struct pool *pool, struct chart *ch, struct diags *d)
{
	GHashTable *names = g_hash_table_new(g_str_hash, g_str_equal);
	GHashTable *cats = g_hash_table_new(g_str_hash, g_str_equal);
	int too_many = 0;

	check_nonempty(pool, &ch->title, d, "chart title");
	if (ch->title.text && ch->title.len && blank_text(ch->title.text))
		W(ch->title.pos, "chart title is only spaces: the chart's "
		    "alternative text for screen readers will have no title");
	if (ch->caption.text)
		check_rich(pool, &ch->caption, d);
	if (ch->nseries > VALIDATE_MAX_SERIES)
		E(ch->series[VALIDATE_MAX_SERIES].pos, "a chart holds at most %d series; "
		    "this is the %zuth", VALIDATE_MAX_SERIES, (size_t)VALIDATE_MAX_SERIES + 1);
	/* Its table is series by labels: both are bounded. */
	for (size_t s = 0; s < ch->nseries && !too_many; s++)
		for (size_t i = 0; i < ch->series[s].nvalues; i++) {
			if (ch->series[s].values[i].label == NULL)
				continue;	/* the schema's error says so */
			g_hash_table_add(cats, (gpointer)ch->series[s].values[i].label);
			if (g_hash_table_size(cats) > VALIDATE_MAX_LABELS) {
				E(ch->series[s].values[i].pos, "a chart holds at most %d "
				    "different labels; this is one more", VALIDATE_MAX_LABELS);
				too_many = 1;
				break;
			}
		}
	g_hash_table_destroy(cats);
	for (size_t s = 0; s < ch->nseries; s++) {
		struct chart_series *se = &ch->series[s];

		if (se->name && seen_before(names, se->name, &se->pos))
			E(se->pos, "series '%s' is named twice in this chart",
			    se->name);
		if (se->nvalues == 0)
			E(se->pos, "series '%s' has no values: give it one or more "
			    "<value label=\"...\">NUMBER</value>", ORNONE(se->name));
		check_values(se, d);
	}
	g_hash_table_destroy(names);
	if (ch->nseries == 0)
		E(ch->pos, "chart has no series: give it one or more <series "
		    "name=\"...\"> with values");
}

static void
check_players(struct pool *pool, struct story *st, struct diags *d)
{
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);
	int anon = 0;

	for (size_t i = 0; i < st->nplayers; i++) {
		struct player *p = &st->players[i];
		const struct srcpos *first = p->id ? g_hash_table_lookup(ids,
		    p->id) : NULL;

		if (p->id == NULL)
			anon = 1;	/* the schema said so */
		else if (first)
			E(p->id_pos, "player id '%s' is already used on line %d",
			    p->id, first->line);
		else
			g_hash_table_insert(ids, p->id, &p->id_pos);
		if (p->initials && strlen(p->initials) > 4)
			W(p->pos, "initials '%s' are long for a badge; use 1 to 3 "
			    "letters", p->initials);
		check_rich(pool, &p->role, d);
	}
	for (size_t i = 0; i < st->nrelations; i++) {
		struct relation *r = &st->relations[i];
		int from, to;

		if (r->from == NULL || r->to == NULL || anon)
			continue;	/* the schema said so (and a player with no
					   id could be the one named) */
		from = g_hash_table_contains(ids, r->from);
		to = g_hash_table_contains(ids, r->to);
		if (!from)
			E(r->from_pos, "relation from '%s' names no player", r->from);
		if (!to)
			E(r->to_pos, "relation to '%s' names no player", r->to);
		if (from && to && strcmp(r->from, r->to) == 0)
			E(r->pos, "relation from '%s' to itself", r->from);
	}
	g_hash_table_destroy(ids);
}

/* Lists nest this deep at most: each level takes an indent from the
 * text's width. */
#define LIST_MAX_DEPTH	3

static void
check_list(struct pool *pool, struct list *l, int depth, struct diags *d)
{
	if (depth > LIST_MAX_DEPTH) {
		E(l->pos, "a list nested %d deep; lists nest %d deep at most",
		    depth, LIST_MAX_DEPTH);
		return;
	}
	for (size_t i = 0; i < l->nitems; i++) {
		check_nonempty(pool, &l->items[i].text, d, "list item");
		if (l->items[i].sub)
			check_list(pool, l->items[i].sub, depth + 1, d);
	}
}

static void
check_block(struct pool *pool, struct block *blk, struct diags *d)
{
	switch (blk->kind) {
	case BLOCK_CHART:
		check_chart(pool, blk->chart, d);
		break;
	case BLOCK_LIST:
		check_list(pool, blk->list, 1, d);
		break;
	case BLOCK_FIGURE:
		if (blk->figure->error)
			E(blk->figure->src_pos, "picture '%s' cannot be used: %s",
			    blk->figure->src, blk->figure->error);
		if (blk->figure->caption.text)
			check_rich(pool, &blk->figure->caption, d);
		break;
	case BLOCK_TABLE:
		check_nonempty(pool, &blk->table->title, d, "table title");
		for (size_t r = 0; r < blk->table->nrows; r++)
			for (size_t c = 0; c < blk->table->rows[r].ncells; c++)
				check_rich(pool, &blk->table->rows[r].cells[c].text, d);
		if (blk->table->nhead == blk->table->nrows)
			E(blk->table->pos, "a table of header rows only: rows of "
			    "<td> cells follow the <th> rows");
		break;
	case BLOCK_CALLOUT:
		if (blk->callout->title)
			check_length(blk->callout->title, blk->callout->pos, d,
			    "the callout's title");
		for (size_t i = 0; i < blk->callout->nblocks; i++)
			check_block(pool, &blk->callout->blocks[i], d);
		break;
	case BLOCK_P:
	case BLOCK_QUOTE:
		check_nonempty(pool, &blk->text, d,
		    blk->kind == BLOCK_P ? "paragraph" : "quote");
		break;
	}
}

static void
check_sections(struct pool *pool, struct story *st, struct diags *d)
{
	for (size_t s = 0; s < st->nsections; s++) {
		struct section *sec = &st->sections[s];

		check_nonempty(pool, &sec->title, d, "section title");
		check_length(sec->title.text, sec->title.pos, d, "the section title");
		for (size_t i = 0; i < sec->nblocks; i++)
			check_block(pool, &sec->blocks[i], d);
	}
}

static void
check_story(struct pool *pool, struct story *st, struct diags *d)
{
	check_date(st->date_raw, &st->date, st->date_pos, d, "story date");
	check_nonempty(pool, &st->title, d, "story title");
	check_length(st->title.text, st->title.pos, d, "the story title");
	if (st->category && g_utf8_strlen(st->category, -1) > 100)
		E(st->pos, "category is %ld characters long; a category is a tag "
		    "of 100 at most", (long)g_utf8_strlen(st->category, -1));
	for (size_t i = 0; i < st->npoints; i++)
		check_nonempty(pool, &st->points[i], d, "overview point");
	check_sections(pool, st, d);
	for (size_t i = 0; i < st->nevents; i++) {
		check_date(st->events[i].date_raw, &st->events[i].date,
		    st->events[i].date_pos, d, "event date");
		check_rich(pool, &st->events[i].text, d);
	}
	check_players(pool, st, d);
	for (size_t i = 0; i < st->nvoices; i++) {
		check_rich(pool, &st->voices[i].text, d);
		check_link(pool, &st->voices[i].href, st->voices[i].pos, d);
	}
	for (size_t i = 0; i < st->nvideos; i++)
		check_link(pool, &st->videos[i].href, st->videos[i].pos, d);
	for (size_t i = 0; i < st->nsources; i++) {
		check_rich(pool, &st->sources[i].title, d);
		check_link(pool, &st->sources[i].href, st->sources[i].pos, d);
	}
}

/* The briefing's own fields that become PDF strings, and the keywords
 * (every category once) they add up to. */
static void
check_briefing(struct briefing *b, struct diags *d)
{
	GHashTable *cats = g_hash_table_new(g_str_hash, g_str_equal);
	size_t kw = 0;

	check_date(b->date_raw, &b->date, b->date_pos, d, "briefing date");
	check_length(b->title, b->pos, d, "the briefing title");
	check_length(b->edition, b->pos, d, "the edition");
	check_length(b->author, b->pos, d, "the author");
	for (size_t i = 0; i < b->nstories; i++) {
		const char *c = b->stories[i].category;

		if (c == NULL || g_hash_table_contains(cats, c))
			continue;
		g_hash_table_add(cats, (gpointer)c);
		kw += strlen(c) + 2;
		if (kw > VALIDATE_MAX_STRING) {
			E(b->stories[i].pos, "the categories of the stories add up to "
			    "more than %d bytes of keywords; use fewer categories",
			    VALIDATE_MAX_STRING);
			break;
		}
	}
	g_hash_table_destroy(cats);
}

/* Run every semantic check; see validate.h. */
int
validate(struct briefing *b, struct diags *d)
{
	int before = diags_errors(d);
	GHashTable *ids = g_hash_table_new(g_str_hash, g_str_equal);

	check_briefing(b, d);
	for (size_t i = 0; i < b->nstories; i++) {
		const struct srcpos *first = b->stories[i].id ?
		    g_hash_table_lookup(ids, b->stories[i].id) : NULL;

		if (b->stories[i].id == NULL)
			;	/* the schema said so */
		else if (first)
			E(b->stories[i].id_pos, "story id '%s' is already used at "
			    "%s:%d", b->stories[i].id, first->file, first->line);
		else
			g_hash_table_insert(ids, b->stories[i].id,
			    &b->stories[i].id_pos);
		check_story(b->pool, &b->stories[i], d);
	}
	g_hash_table_destroy(ids);
	return diags_errors(d) - before;
}
