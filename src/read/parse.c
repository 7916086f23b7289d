/* parse.c: an input file -> the model.  The file is read by infile.c
 * (bounded), parsed by xmlin.c (no DTD, no entities, no network), its
 * includes done by include.c (only files in the input's folder), checked
 * against the RELAX NG schema, and built into a struct briefing whose
 * every place comes from srcmap.c. */
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/infile.h"
#include "base/util.h"
#include "read/include.h"
#include "read/model.h"
#include "read/parse.h"
#include "read/schemas.h"
#include "read/srcmap.h"
#include "read/validate.h"
#include "read/xmlin.h"

/* ---- tree -> model ---------------------------------------------------- */

struct builder {
	struct pool	*pool;
	struct briefing	*b;
	struct srcmap	*m;
};

static struct srcpos
node_pos(struct builder *bd, xmlNodePtr n)
{
	return srcmap_node(bd->m, n);
}

/* The place of an attribute: its name on the element's start tag. */
static struct srcpos
attr_pos(struct builder *bd, xmlNodePtr n, const char *name)
{
	return srcmap_attr(bd->m, n, name);
}

/* The language of n: its own xml:lang or the nearest ancestor's, kept in
 * the model's pool; NULL when none is given. */
static const char *
lang_of(struct builder *bd, xmlNodePtr n)
{
	xmlChar *l = xmlNodeGetLang(n);
	char *s;

	if (l == NULL)
		return NULL;
	s = pool_strdup(bd->pool, (const char *)l);
	xmlFree(l);
	return s;
}

static char *
attr(struct builder *bd, xmlNodePtr n, const char *name)
{
	xmlChar *v = xmlGetProp(n, (const xmlChar *)name);
	char *s;

	if (v == NULL)
		return NULL;
	s = pool_strdup(bd->pool, (const char *)v);
	xmlFree(v);
	return s;
}

static int
is(xmlNodePtr n, const char *name)
{
	return n->type == XML_ELEMENT_NODE && strcmp((const char *)n->name, name) == 0;
}

static int
isspace_xml(char c)
{
	return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

struct richbuild {
	struct buf	 text;
	struct mark	*marks;
	size_t		 nmarks, cap;
	int		 space;		/* last byte was a collapsed space */
};

static void
rich_text(struct richbuild *r, const char *s)
{
	for (; *s; s++) {
		if (isspace_xml(*s)) {
			if (!r->space && r->text.len > 0)
				buf_addc(&r->text, ' ');
			r->space = 1;
		} else {
			buf_addc(&r->text, *s);
			r->space = 0;
		}
	}
}

static void
rich_walk(struct builder *bd, struct richbuild *r, xmlNodePtr n)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type == XML_TEXT_NODE || c->type == XML_CDATA_SECTION_NODE) {
			rich_text(r, (const char *)c->content);
		} else if (c->type == XML_ELEMENT_NODE) {
			struct mark m;
			size_t idx;

			memset(&m, 0, sizeof(m));
			if (is(c, "em"))
				m.kind = MARK_EM;
			else if (is(c, "strong"))
				m.kind = MARK_STRONG;
			else if (is(c, "a")) {
				m.kind = MARK_LINK;
				m.href = attr(bd, c, "href");
			} else if (is(c, "span")) {
				m.kind = MARK_LANG;
				m.lang = (char *)lang_of(bd, c);
			} else {
				rich_walk(bd, r, c);
				continue;
			}
			m.pos = node_pos(bd, c);
			m.start = r->text.len;
			r->marks = xgrow(r->marks, &r->cap, r->nmarks + 1, sizeof(m));
			idx = r->nmarks++;
			rich_walk(bd, r, c);
			m.end = r->text.len;
			r->marks[idx] = m;
		}
	}
}

static void
rich(struct builder *bd, xmlNodePtr n, struct rich *out)
{
	struct richbuild r;

	memset(&r, 0, sizeof(r));
	buf_init(&r.text);
	buf_add(&r.text, "", 0);
	rich_walk(bd, &r, n);
	while (r.text.len && r.text.data[r.text.len - 1] == ' ')
		r.text.data[--r.text.len] = '\0';
	out->text = pool_strndup(bd->pool, r.text.data, r.text.len);
	out->len = r.text.len;
	out->nmarks = 0;
	out->marks = r.nmarks ? pool_alloc(bd->pool, r.nmarks * sizeof(struct mark)) : NULL;
	for (size_t i = 0; i < r.nmarks; i++) {
		struct mark m = r.marks[i];

		if (m.end > out->len)
			m.end = out->len;
		if (m.start >= m.end)
			continue;	/* empty after collapsing: nothing to style */
		out->marks[out->nmarks++] = m;
	}
	out->pos = node_pos(bd, n);
	out->lang = lang_of(bd, n);
	buf_free(&r.text);
	free(r.marks);
}

static char *
plain(struct builder *bd, xmlNodePtr n)
{
	struct rich r;

	rich(bd, n, &r);
	return r.text;
}

/* Append one zeroed element to a pool array. */
#define PUSH(bd, arr, n) \
	((arr) = pool_realloc((bd)->pool, (arr), ((n) + 1) * sizeof(*(arr))), \
	 memset(&(arr)[(n)], 0, sizeof(*(arr))), &(arr)[(n)++])

static void
build_recipients(struct builder *bd, xmlNodePtr n, struct recipient **v, size_t *nv)
{
	for (xmlNodePtr c = n->children; c; c = c->next) {
		struct recipient *r;
		char *k;

		if (!is(c, "recipient"))
			continue;
		r = PUSH(bd, *v, *nv);
		r->name = attr(bd, c, "name");
		r->email = attr(bd, c, "email");
		k = attr(bd, c, "kind");
		r->kind = k == NULL || strcmp(k, "to") == 0 ? RCPT_TO :
		    strcmp(k, "cc") == 0 ? RCPT_CC : RCPT_BCC;
		r->pos = attr_pos(bd, c, "email");
	}
}

static void
build_chart(struct builder *bd, xmlNodePtr n, struct block *blk)
{
	struct chart *ch = pool_alloc(bd->pool, sizeof(*ch));
	char *t = attr(bd, n, "type");

	blk->chart = ch;
	/* A document the schema refused is built too (for the checks of
	 * validate.c): any attribute may be missing. */
	ch->type = t && strcmp(t, "bar") == 0 ? CHART_BAR :
	    t && strcmp(t, "line") == 0 ? CHART_LINE : CHART_STACKED;
	ch->unit = attr(bd, n, "unit");
	ch->pos = node_pos(bd, n);
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is(c, "title"))
			rich(bd, c, &ch->title);
		else if (is(c, "caption"))
			rich(bd, c, &ch->caption);
		else if (is(c, "series")) {
			struct chart_series *s = PUSH(bd, ch->series, ch->nseries);

			s->name = attr(bd, c, "name");
			s->pos = node_pos(bd, c);
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct chart_value *cv;

				if (!is(v, "value"))
					continue;
				cv = PUSH(bd, s->values, s->nvalues);
				cv->label = attr(bd, v, "label");
				cv->raw = plain(bd, v);
				cv->pos = node_pos(bd, v);
			}
		}
	}
}

static void
build_analysis(struct builder *bd, xmlNodePtr n, struct story *st)
{
	for (xmlNodePtr s = n->children; s; s = s->next) {
		struct section *sec;

		if (!is(s, "section"))
			continue;
		sec = PUSH(bd, st->sections, st->nsections);
		sec->pos = node_pos(bd, s);
		for (xmlNodePtr c = s->children; c; c = c->next) {
			struct block *blk;

			if (!is(c, "title") && !is(c, "p") && !is(c, "quote") &&
			    !is(c, "chart"))
				continue;	/* the schema said so already */
			if (is(c, "title")) {
				rich(bd, c, &sec->title);
				continue;
			}
			blk = PUSH(bd, sec->blocks, sec->nblocks);
			blk->pos = node_pos(bd, c);
			if (is(c, "p")) {
				blk->kind = BLOCK_P;
				rich(bd, c, &blk->text);
			} else if (is(c, "quote")) {
				blk->kind = BLOCK_QUOTE;
				blk->by = attr(bd, c, "by");
				rich(bd, c, &blk->text);
			} else {
				blk->kind = BLOCK_CHART;
				build_chart(bd, c, blk);
			}
		}
	}
}

static void
build_power(struct builder *bd, xmlNodePtr n, struct story *st)
{
	st->subject = attr(bd, n, "subject");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (is(c, "player")) {
			struct player *p = PUSH(bd, st->players, st->nplayers);
			char *s = attr(bd, c, "stance");

			p->id = attr(bd, c, "id");
			p->name = attr(bd, c, "name");
			p->initials = attr(bd, c, "initials");
			p->stance = s == NULL ? STANCE_NEUTRAL :
			    strcmp(s, "gains") == 0 ? STANCE_GAINS :
			    strcmp(s, "loses") == 0 ? STANCE_LOSES :
			    strcmp(s, "mixed") == 0 ? STANCE_MIXED : STANCE_NEUTRAL;
			rich(bd, c, &p->role);
			p->pos = node_pos(bd, c);
			p->id_pos = attr_pos(bd, c, "id");
		} else if (is(c, "relation")) {
			struct relation *r = PUSH(bd, st->relations, st->nrelations);

			r->from = attr(bd, c, "from");
			r->to = attr(bd, c, "to");
			r->label = plain(bd, c);
			r->pos = node_pos(bd, c);
			r->from_pos = attr_pos(bd, c, "from");
			r->to_pos = attr_pos(bd, c, "to");
		}
	}
}

static void
build_story(struct builder *bd, xmlNodePtr n, struct story *st)
{
	st->id = attr(bd, n, "id");
	st->category = attr(bd, n, "category");
	st->signals = attr(bd, n, "signals");
	st->date_raw = attr(bd, n, "date");
	st->pos = node_pos(bd, n);
	st->id_pos = attr_pos(bd, n, "id");
	st->date_pos = attr_pos(bd, n, "date");
	for (xmlNodePtr c = n->children; c; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (is(c, "distribution"))
			build_recipients(bd, c, &st->recipients, &st->nrecipients);
		else if (is(c, "title")) {
			rich(bd, c, &st->title);
			st->short_title = attr(bd, c, "short");
		}
		else if (is(c, "overview")) {
			for (xmlNodePtr p = c->children; p; p = p->next)
				if (is(p, "point"))
					rich(bd, p, PUSH(bd, st->points, st->npoints));
		} else if (is(c, "analysis"))
			build_analysis(bd, c, st);
		else if (is(c, "timeline")) {
			for (xmlNodePtr e = c->children; e; e = e->next) {
				struct event *ev;

				if (!is(e, "event"))
					continue;
				ev = PUSH(bd, st->events, st->nevents);
				ev->date_raw = attr(bd, e, "date");
				rich(bd, e, &ev->text);
				ev->pos = node_pos(bd, e);
				ev->date_pos = attr_pos(bd, e, "date");
			}
		} else if (is(c, "power-map"))
			build_power(bd, c, st);
		else if (is(c, "voices")) {
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct voice *vo;

				if (!is(v, "voice") && !is(v, "post"))
					continue;
				vo = PUSH(bd, st->voices, st->nvoices);
				vo->pos = node_pos(bd, v);
				rich(bd, v, &vo->text);
				if (is(v, "voice")) {
					vo->kind = VOICE_ANALYST;
					vo->name = attr(bd, v, "name");
					vo->role = attr(bd, v, "role");
				} else {
					vo->kind = VOICE_POST;
					vo->name = attr(bd, v, "author");
					vo->platform = attr(bd, v, "platform");
					vo->score = attr(bd, v, "score");
					vo->href = attr(bd, v, "href");
				}
			}
		} else if (is(c, "media")) {
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct video *vi;

				if (!is(v, "video"))
					continue;
				vi = PUSH(bd, st->videos, st->nvideos);
				vi->title = attr(bd, v, "title");
				vi->outlet = attr(bd, v, "outlet");
				vi->href = attr(bd, v, "href");
				vi->pos = node_pos(bd, v);
			}
		} else if (is(c, "sources")) {
			for (xmlNodePtr v = c->children; v; v = v->next) {
				struct source *so;

				if (!is(v, "source"))
					continue;
				so = PUSH(bd, st->sources, st->nsources);
				so->outlet = attr(bd, v, "outlet");
				so->href = attr(bd, v, "href");
				rich(bd, v, &so->title);
				so->pos = node_pos(bd, v);
			}
		}
	}
}

static void
build_briefing(struct builder *bd, xmlNodePtr root)
{
	struct briefing *b = bd->b;

	b->pos = node_pos(bd, root);
	if (is(root, "story")) {
		b->nstories = 0;
		build_story(bd, root, PUSH(bd, b->stories, b->nstories));
		b->layout = attr(bd, root, "layout");
		b->layout_pos = attr_pos(bd, root, "layout");
		b->pdf_standard = attr(bd, root, "pdf-standard");
		return;
	}
	b->is_edition = 1;
	b->title = attr(bd, root, "title");
	b->edition = attr(bd, root, "edition");
	b->date_raw = attr(bd, root, "date");
	b->date_pos = attr_pos(bd, root, "date");
	b->audience = attr(bd, root, "audience");
	b->author = attr(bd, root, "author");
	b->layout = attr(bd, root, "layout");
	b->layout_pos = attr_pos(bd, root, "layout");
	b->pdf_standard = attr(bd, root, "pdf-standard");
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (is(c, "distribution"))
			build_recipients(bd, c, &b->recipients, &b->nrecipients);
		else if (is(c, "story"))
			build_story(bd, c, PUSH(bd, b->stories, b->nstories));
	}
}

/* ---- the parse -------------------------------------------------------- */

/* Parse, include, validate and build; data is the input's text. */
static struct briefing *
parse_buffer(const char *path, const char *root, const char *data, size_t len,
    struct diags *d, struct filelist *read)
{
	struct srcmap *m = srcmap_new();
	struct xmlin *x = xmlin_new(d, m);
	struct include_ctx ic;
	struct builder bd;
	struct briefing *b = NULL;
	xmlDocPtr doc = NULL;
	int invalid;

	if (x == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot start the XML parser");
		srcmap_free(m);
		return NULL;
	}
	if (strspn(data, " \t\r\n") == len) {
		diag(d, DIAG_ERROR, path, 1, 1, "empty file: expected a <story> or "
		    "<briefing> document");
		goto out;
	}
	if ((doc = xmlin_parse(x, path, data, len)) == NULL)
		goto out;
	memset(&ic, 0, sizeof(ic));
	ic.x = x;
	ic.m = m;
	ic.d = d;
	ic.read = read;
	ic.root = root;
	ic.budget = len < INFILE_MAX ? INFILE_MAX - len : 0;
	if (include_process(&ic, doc, path) > 0)
		goto out;
	/* A document the schema refuses is still built and checked, so that
	 * its dates, numbers and links are reported with the schema's errors
	 * (all at once); it goes no further. */
	invalid = xmlin_validate(x, doc, schema_story_rng,
	    schema_story_rng_len) > 0;
	b = xcalloc(1, sizeof(*b));
	b->pool = pool_new();
	b->src = m;
	m = NULL;
	memset(&bd, 0, sizeof(bd));
	bd.pool = b->pool;
	bd.b = b;
	bd.m = b->src;
	build_briefing(&bd, xmlDocGetRootElement(doc));
	if (invalid) {
		validate(b, d);
		model_free(b);
		b = NULL;
	}
out:
	xmlFreeDoc(doc);
	xmlin_free(x);
	srcmap_free(m);
	return b;
}

/* Parse an input file; see parse.h. */
struct briefing *
parse_file(const char *path, struct diags *d, struct filelist *read)
{
	char *data, *why, *root;
	struct briefing *b;
	size_t len;

	filelist_add(read, path);
	if (infile_read(path, NULL, INFILE_MAX, &data, &len, &why) != 0) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", why);
		free(why);
		return NULL;
	}
	if ((root = infile_real_dir(path)) == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot find the folder it is in");
		free(data);
		return NULL;
	}
	b = parse_buffer(path, root, data, len, d, read);
	free(root);
	free(data);
	return b;
}

/* Parse a document held in memory; see parse.h. */
struct briefing *
parse_memory(const char *name, const char *data, size_t len, struct diags *d,
    struct filelist *read)
{
	char *root;
	struct briefing *b;

	if (len > INFILE_MAX) {
		diag(d, DIAG_ERROR, name, 0, 0, "input is larger than the limit "
		    "of %u MiB", INFILE_MAX >> 20);
		return NULL;
	}
	if ((root = infile_real_dir("./x")) == NULL)
		root = xstrdup("/nonexistent");
	b = parse_buffer(name, root, data, len, d, read);
	free(root);
	return b;
}
