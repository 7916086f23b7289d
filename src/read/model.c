/* model.c: freeing, dumping and digesting the model. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "read/model.h"

/* Free a briefing; NULL is ignored. */
void
model_free(struct briefing *b)
{
	if (b == NULL)
		return;
	pool_free(b->pool);
	srcmap_free(b->src);
	free(b);
}

static void
dump_rich(FILE *f, int ind, const char *tag, const struct rich *r)
{
	fprintf(f, "%*s%s @%d: %s\n", ind, "", tag, r->pos.line, r->text);
	for (size_t i = 0; i < r->nmarks; i++) {
		const struct mark *m = &r->marks[i];

		fprintf(f, "%*s%s [%zu,%zu)%s%s\n", ind + 2, "",
		    m->kind == MARK_EM ? "em" : m->kind == MARK_STRONG ? "strong" :
		    m->kind == MARK_LANG ? "span" : m->kind == MARK_SUP ? "sup" :
		    m->kind == MARK_SUB ? "sub" : "a",
		    m->start, m->end, m->href ? " " : "", m->href ? m->href : "");
	}
	for (size_t i = 0; i < r->nnotes; i++) {
		char what[32];

		snprintf(what, sizeof(what), "note %d", r->notes[i].number);
		dump_rich(f, ind + 2, what, &r->notes[i].text);
	}
}

static const char *
or_dash(const char *x)
{
	return x ? x : "-";
}

static void
dump_list(FILE *f, int ind, const struct list *l)
{
	fprintf(f, "%*slist %s\n", ind, "", l->numbered ? "number" : "bullet");
	for (size_t i = 0; i < l->nitems; i++) {
		dump_rich(f, ind + 2, "item", &l->items[i].text);
		if (l->items[i].sub)
			dump_list(f, ind + 4, l->items[i].sub);
	}
}

static void
dump_block(FILE *f, int ind, const struct block *bl)
{
	static const char *const ctype[] = { "bar", "stacked-bar", "line" };

	switch (bl->kind) {
	case BLOCK_CHART: {
		const struct chart *c = bl->chart;

		fprintf(f, "%*schart %s unit=%s\n", ind, "", ctype[c->type],
		    or_dash(c->unit));
		for (size_t m = 0; m < c->nseries; m++)
			for (size_t n = 0; n < c->series[m].nvalues; n++)
				fprintf(f, "%*s%s / %s = %g\n", ind + 2, "",
				    c->series[m].name, c->series[m].values[n].label,
				    c->series[m].values[n].v);
		break;
	}
	case BLOCK_LIST:
		dump_list(f, ind, bl->list);
		break;
	case BLOCK_CALLOUT:
		fprintf(f, "%*scallout %s\n", ind, "", or_dash(bl->callout->title));
		for (size_t i = 0; i < bl->callout->nblocks; i++)
			dump_block(f, ind + 2, &bl->callout->blocks[i]);
		break;
	case BLOCK_TABLE: {
		static const char *const al[] = { "", " left", " right", " center" };
		const struct dtable *t = bl->table;

		dump_rich(f, ind, "table", &t->title);
		if (t->caption.text)
			dump_rich(f, ind + 2, "caption", &t->caption);
		for (size_t r = 0; r < t->nrows; r++) {
			fprintf(f, "%*s%s", ind + 2, "", r < t->nhead ? "head" : "row");
			for (size_t c = 0; c < t->rows[r].ncells; c++)
				fprintf(f, " | %s%s%s", t->rows[r].cells[c].head ? "th " : "",
				    t->rows[r].cells[c].text.text,
				    al[t->rows[r].cells[c].align]);
			fputc('\n', f);
		}
		break;
	}
	case BLOCK_FIGURE:
		fprintf(f, "%*sfigure %s %dx%d%s alt=%s credit=%s\n", ind, "",
		    or_dash(bl->figure->src), bl->figure->px_w, bl->figure->px_h,
		    bl->figure->svg ? " svg" : bl->figure->is_png ? " png" : "",
		    or_dash(bl->figure->alt),
		    or_dash(bl->figure->credit));
		if (bl->figure->caption.text)
			dump_rich(f, ind + 2, "caption", &bl->figure->caption);
		break;
	case BLOCK_P:
	case BLOCK_QUOTE:
		dump_rich(f, ind, bl->kind == BLOCK_P ? "p" : "quote", &bl->text);
		break;
	}
}

/* Print the model as a tree; see model.h. */
void
model_dump(const struct briefing *b, FILE *f)
{
	static const char *const stance[] = { "gains", "loses", "mixed", "neutral" };

	fprintf(f, "%s title=%s edition=%s date=%s\n",
	    b->is_edition ? "briefing" : "single", or_dash(b->title), or_dash(b->edition),
	    or_dash(b->date_raw));
	for (size_t i = 0; i < b->nstories; i++) {
		const struct story *st = &b->stories[i];

		fprintf(f, "story id=%s category=%s signals=%s date=%s\n",
		    st->id, or_dash(st->category), or_dash(st->signals), or_dash(st->date_raw));
		dump_rich(f, 2, "title", &st->title);
		for (size_t j = 0; j < st->npoints; j++)
			dump_rich(f, 2, "point", &st->points[j]);
		for (size_t j = 0; j < st->nsections; j++) {
			const struct section *sec = &st->sections[j];

			dump_rich(f, 2, "section", &sec->title);
			for (size_t k = 0; k < sec->nblocks; k++)
				dump_block(f, 4, &sec->blocks[k]);
		}
		for (size_t j = 0; j < st->nevents; j++)
			dump_rich(f, 2, st->events[j].date_raw, &st->events[j].text);
		for (size_t j = 0; j < st->nplayers; j++)
			fprintf(f, "  player %s %s (%s) %s\n", st->players[j].id,
			    st->players[j].name, or_dash(st->players[j].initials),
			    stance[st->players[j].stance]);
		for (size_t j = 0; j < st->nrelations; j++)
			fprintf(f, "  relation %s -> %s: %s\n", st->relations[j].from,
			    st->relations[j].to, st->relations[j].label);
		for (size_t j = 0; j < st->nvoices; j++)
			dump_rich(f, 2, st->voices[j].name, &st->voices[j].text);
		for (size_t j = 0; j < st->nvideos; j++)
			fprintf(f, "  video %s (%s)\n", st->videos[j].title,
			    or_dash(st->videos[j].outlet));
		for (size_t j = 0; j < st->nsources; j++)
			dump_rich(f, 2, "source", &st->sources[j].title);
	}
}

/* ---- digest ------------------------------------------------------------ */

static void
h_bytes(GChecksum *h, const void *p, size_t n)
{
	uint64_t len = n;

	g_checksum_update(h, (const guchar *)&len, sizeof(len));
	if (n)
		g_checksum_update(h, p, (gssize)n);
}

/* A string, told apart from NULL and from its neighbours. */
static void
h_str(GChecksum *h, const char *s)
{
	static const guchar null = 0xff;

	if (s == NULL)
		g_checksum_update(h, &null, 1);
	else
		h_bytes(h, s, strlen(s) + 1);
}

static void
h_int(GChecksum *h, long long v)
{
	int64_t x = v;

	g_checksum_update(h, (const guchar *)&x, sizeof(x));
}

static void
h_pos(GChecksum *h, const struct srcpos *p)
{
	h_str(h, p->file);
	h_int(h, p->line);
	h_int(h, p->col);
}

static void
h_date(GChecksum *h, const struct date *d)
{
	h_int(h, d->y);
	h_int(h, d->m);
	h_int(h, d->d);
	h_int(h, d->prec);
}

static void
h_rich(GChecksum *h, const struct rich *r)
{
	h_int(h, r->text != NULL);
	if (r->text)
		h_bytes(h, r->text, r->len);
	h_int(h, (long long)r->nmarks);
	for (size_t i = 0; i < r->nmarks; i++) {
		const struct mark *m = &r->marks[i];

		h_int(h, m->kind);
		h_int(h, (long long)m->start);
		h_int(h, (long long)m->end);
		h_str(h, m->href);
		h_str(h, m->lang);
		h_pos(h, &m->pos);
	}
	h_str(h, r->lang);
	h_pos(h, &r->pos);
	h_int(h, (long long)r->nnotes);
	for (size_t i = 0; i < r->nnotes; i++) {
		h_int(h, r->notes[i].number);
		h_str(h, r->notes[i].ref);
		h_pos(h, &r->notes[i].pos);
		h_rich(h, &r->notes[i].text);
	}
}

static void
h_chart(GChecksum *h, const struct chart *c)
{
	h_int(h, c != NULL);
	if (c == NULL)
		return;
	h_int(h, c->type);
	h_str(h, c->unit);
	h_rich(h, &c->title);
	h_rich(h, &c->caption);
	h_int(h, (long long)c->nseries);
	for (size_t i = 0; i < c->nseries; i++) {
		const struct chart_series *s = &c->series[i];

		h_str(h, s->name);
		h_pos(h, &s->pos);
		h_int(h, (long long)s->nvalues);
		for (size_t k = 0; k < s->nvalues; k++) {
			h_str(h, s->values[k].label);
			h_str(h, s->values[k].raw);
			g_checksum_update(h, (const guchar *)&s->values[k].v,
			    sizeof(double));
			h_pos(h, &s->values[k].pos);
		}
	}
	h_pos(h, &c->pos);
}

static void
h_list(GChecksum *h, const struct list *l)
{
	h_int(h, l != NULL);
	if (l == NULL)
		return;
	h_int(h, l->numbered);
	h_pos(h, &l->pos);
	h_int(h, (long long)l->nitems);
	for (size_t i = 0; i < l->nitems; i++) {
		h_rich(h, &l->items[i].text);
		h_pos(h, &l->items[i].pos);
		h_list(h, l->items[i].sub);
	}
}

static void
h_table(GChecksum *h, const struct dtable *t)
{
	h_int(h, t != NULL);
	if (t == NULL)
		return;
	h_rich(h, &t->title);
	h_rich(h, &t->caption);
	h_pos(h, &t->pos);
	h_int(h, (long long)t->nhead);
	h_int(h, (long long)t->nrows);
	for (size_t r = 0; r < t->nrows; r++) {
		h_pos(h, &t->rows[r].pos);
		h_int(h, (long long)t->rows[r].ncells);
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			const struct cell *ce = &t->rows[r].cells[c];

			h_rich(h, &ce->text);
			h_int(h, ce->head);
			h_int(h, ce->align);
			h_pos(h, &ce->pos);
		}
	}
}

static void
h_figure(GChecksum *h, const struct figure *fg)
{
	h_int(h, fg != NULL);
	if (fg == NULL)
		return;
	h_str(h, fg->src);
	h_str(h, fg->alt);
	h_str(h, fg->credit);
	h_str(h, fg->path);
	h_str(h, fg->error);
	h_int(h, fg->px_w);
	h_int(h, fg->px_h);
	h_int(h, fg->is_png);
	h_int(h, fg->svg != NULL);
	if (fg->svg) {		/* its shapes are laid out, so their content counts */
		h_int(h, (long long)fg->svg->n);
		for (size_t i = 0; i < fg->svg->n; i++) {
			const struct svg_shape *sh = &fg->svg->shapes[i];

			g_checksum_update(h, sh->ops, sh->nops);
			g_checksum_update(h, (const guchar *)sh->pts,
			    sh->npts * sizeof(float));
			g_checksum_update(h, (const guchar *)&sh->color, sizeof(sh->color));
			h_int(h, sh->stroke << 1 | sh->evenodd);
			h_int(h, (long long)(sh->width * 1000) << 8 | sh->cap << 4 | sh->join);
			h_int(h, (long long)(sh->miter * 1000));
			h_int(h, (long long)(sh->dash_off * 1000));
			if (sh->ndash)
				g_checksum_update(h, (const guchar *)sh->dash,
				    sh->ndash * sizeof(float));
			h_int(h, sh->ndash);
		}
	}
	h_rich(h, &fg->caption);
	h_pos(h, &fg->pos);
	h_pos(h, &fg->src_pos);
}

static void
h_block(GChecksum *h, const struct block *b)
{
	h_int(h, b->kind);
	h_rich(h, &b->text);
	h_str(h, b->by);
	h_chart(h, b->chart);
	h_list(h, b->list);
	h_table(h, b->table);
	h_figure(h, b->figure);
	h_int(h, b->callout != NULL);
	if (b->callout) {
		h_str(h, b->callout->title);
		h_pos(h, &b->callout->pos);
		h_int(h, (long long)b->callout->nblocks);
		for (size_t i = 0; i < b->callout->nblocks; i++)
			h_block(h, &b->callout->blocks[i]);
	}
	h_pos(h, &b->pos);
}

/* Digest of everything a story holds; see model.h. */
void
model_story_digest(const struct story *st, char out[65])
{
	GChecksum *h = g_checksum_new(G_CHECKSUM_SHA256);

	h_str(h, st->id);
	h_str(h, st->category);
	h_str(h, st->signals);
	h_str(h, st->date_raw);
	h_date(h, &st->date);
	h_rich(h, &st->title);
	h_str(h, st->short_title);
	h_int(h, (long long)st->npoints);
	for (size_t i = 0; i < st->npoints; i++)
		h_rich(h, &st->points[i]);
	h_int(h, (long long)st->nsections);
	for (size_t i = 0; i < st->nsections; i++) {
		const struct section *sec = &st->sections[i];

		h_rich(h, &sec->title);
		h_pos(h, &sec->pos);
		h_int(h, (long long)sec->nblocks);
		for (size_t k = 0; k < sec->nblocks; k++)
			h_block(h, &sec->blocks[k]);
	}
	h_int(h, (long long)st->nevents);
	for (size_t i = 0; i < st->nevents; i++) {
		const struct event *e = &st->events[i];

		h_str(h, e->date_raw);
		h_date(h, &e->date);
		h_rich(h, &e->text);
		h_pos(h, &e->pos);
		h_pos(h, &e->date_pos);
	}
	h_str(h, st->subject);
	h_int(h, (long long)st->nplayers);
	for (size_t i = 0; i < st->nplayers; i++) {
		const struct player *p = &st->players[i];

		h_str(h, p->id);
		h_str(h, p->name);
		h_str(h, p->initials);
		h_int(h, p->stance);
		h_rich(h, &p->role);
		h_pos(h, &p->pos);
		h_pos(h, &p->id_pos);
	}
	h_int(h, (long long)st->nrelations);
	for (size_t i = 0; i < st->nrelations; i++) {
		const struct relation *r = &st->relations[i];

		h_str(h, r->from);
		h_str(h, r->to);
		h_str(h, r->label);
		h_pos(h, &r->pos);
		h_pos(h, &r->from_pos);
		h_pos(h, &r->to_pos);
	}
	h_int(h, (long long)st->nvoices);
	for (size_t i = 0; i < st->nvoices; i++) {
		const struct voice *v = &st->voices[i];

		h_int(h, v->kind);
		h_str(h, v->name);
		h_str(h, v->role);
		h_str(h, v->platform);
		h_str(h, v->score);
		h_str(h, v->href);
		h_rich(h, &v->text);
		h_pos(h, &v->pos);
	}
	h_int(h, (long long)st->nvideos);
	for (size_t i = 0; i < st->nvideos; i++) {
		h_str(h, st->videos[i].title);
		h_str(h, st->videos[i].outlet);
		h_str(h, st->videos[i].href);
		h_pos(h, &st->videos[i].pos);
	}
	h_int(h, (long long)st->nsources);
	for (size_t i = 0; i < st->nsources; i++) {
		h_str(h, st->sources[i].outlet);
		h_str(h, st->sources[i].href);
		h_rich(h, &st->sources[i].title);
		h_pos(h, &st->sources[i].pos);
	}
	h_int(h, (long long)st->nrecipients);
	for (size_t i = 0; i < st->nrecipients; i++) {
		h_str(h, st->recipients[i].name);
		h_str(h, st->recipients[i].email);
		h_int(h, st->recipients[i].kind);
		h_pos(h, &st->recipients[i].pos);
	}
	h_pos(h, &st->pos);
	h_pos(h, &st->id_pos);
	h_pos(h, &st->date_pos);
	snprintf(out, 65, "%s", g_checksum_get_string(h));
	g_checksum_free(h);
}
