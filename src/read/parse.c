/* parse.c: libxml2 -> model.  No network, no DTDs, no external entities;
 * XInclude only of files inside the input's own folder. */
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include <libxml/parser.h>
#include <libxml/relaxng.h>
#include <libxml/xinclude.h>
#include <libxml/xmlIO.h>

#include "base/util.h"
#include "read/model.h"
#include "read/parse.h"
#include "read/schemas.h"

/* ---- files read by the last parse ------------------------------------ */

static char	**read_list;
static size_t	  nread, capread;

static void
note_read(const char *path)
{
	for (size_t i = 0; i < nread; i++)
		if (strcmp(read_list[i], path) == 0)
			return;
	read_list = xgrow(read_list, &capread, nread + 1, sizeof(char *));
	read_list[nread++] = xstrdup(path);
}

static void
forget_read(void)
{
	for (size_t i = 0; i < nread; i++)
		free(read_list[i]);
	nread = 0;
}

/* Files the last parse read or tried to include; see parse.h. */
const char *const *
parse_files_read(size_t *n)
{
	*n = nread;
	return (const char *const *)read_list;
}

/* ---- source files, for columns ---------------------------------------- */

struct srcfile {
	char		*name;
	char		*data;
	size_t		 len;
	size_t		*lines;	/* offset of each line's start */
	size_t		 nlines;
};

static struct srcfile	*srcs;
static size_t		 nsrcs, capsrcs;

static struct srcfile *
src_get(const char *name)
{
	struct srcfile *s;
	size_t cap = 0;

	for (size_t i = 0; i < nsrcs; i++)
		if (strcmp(srcs[i].name, name) == 0)
			return &srcs[i];
	srcs = xgrow(srcs, &capsrcs, nsrcs + 1, sizeof(*srcs));
	s = &srcs[nsrcs++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	if ((s->data = read_file(name, &s->len)) == NULL)
		return s;
	s->lines = xgrow(NULL, &cap, 1, sizeof(size_t));
	s->lines[s->nlines++] = 0;
	for (size_t i = 0; i < s->len; i++)
		if (s->data[i] == '\n') {
			s->lines = xgrow(s->lines, &cap, s->nlines + 1, sizeof(size_t));
			s->lines[s->nlines++] = i + 1;
		}
	return s;
}

/* Keep a copy of an input already in memory, so columns are found
 * without reading the file again. */
static void
src_put(const char *name, const char *data, size_t len)
{
	struct srcfile *s;
	size_t cap = 0;

	for (size_t i = 0; i < nsrcs; i++)
		if (strcmp(srcs[i].name, name) == 0) {
			free(srcs[i].name);
			free(srcs[i].data);
			free(srcs[i].lines);
			srcs[i] = srcs[--nsrcs];
			break;
		}
	srcs = xgrow(srcs, &capsrcs, nsrcs + 1, sizeof(*srcs));
	s = &srcs[nsrcs++];
	memset(s, 0, sizeof(*s));
	s->name = xstrdup(name);
	s->data = xstrndup(data, len);
	s->len = len;
	s->lines = xgrow(NULL, &cap, 1, sizeof(size_t));
	s->lines[s->nlines++] = 0;
	for (size_t i = 0; i < len; i++)
		if (data[i] == '\n') {
			s->lines = xgrow(s->lines, &cap, s->nlines + 1, sizeof(size_t));
			s->lines[s->nlines++] = i + 1;
		}
}

/* Column of needle on a line; see parse.h. */
int
srcpos_column(const char *file, int *line, const char *needle)
{
	struct srcfile *s;
	size_t nl = strlen(needle);

	if (file == NULL || *line <= 0 || (s = src_get(file))->data == NULL)
		return 0;
	for (int l = *line; l > 0 && l > *line - 40; l--) {
		size_t a, b;
		const char *hit = NULL;

		if ((size_t)l > s->nlines)
			continue;
		a = s->lines[l - 1];
		b = (size_t)l < s->nlines ? s->lines[l] : s->len;
		/* The last occurrence on the line is nearest the node's end. */
		for (size_t i = a; i + nl <= b; i++)
			if (memcmp(s->data + i, needle, nl) == 0)
				hit = s->data + i;
		if (hit) {
			int col = 1;

			/* Count characters, not bytes. */
			for (const char *p = s->data + a; p < hit; p++)
				if (((unsigned char)*p & 0xC0) != 0x80)
					col++;
			*line = l;
			return col;
		}
	}
	return 0;
}

/* Forget cached sources. */
void
parse_cleanup(void)
{
	for (size_t i = 0; i < nsrcs; i++) {
		free(srcs[i].name);
		free(srcs[i].data);
		free(srcs[i].lines);
	}
	free(srcs);
	srcs = NULL;
	nsrcs = capsrcs = 0;
	forget_read();
	free(read_list);
	read_list = NULL;
	capread = 0;
}

/* ---- libxml2 errors and the entity loader ----------------------------- */

struct pctx {
	struct diags	*d;
	const char	*path;		/* the main input as the user named it */
	char		*root;		/* real path of the input's folder */
	char		*refusal;	/* why the loader refused the last file */
	int		 errors;
};

static __thread struct pctx *tcur;

static void
on_xml_error(void *ctx, xmlErrorPtr e)
{
	struct pctx *p = ctx;
	const char *file = e->file ? e->file : p->path;
	int line = e->line, col = e->int2;
	char *msg;
	xmlChar *base = NULL;
	size_t n;

	/* Cascades of an error already reported say nothing new. */
	if (p->errors > 0 && e->message &&
	    (strstr(e->message, "has extra content") ||
	    strstr(e->message, "failed to validate content")))
		return;
	/* The loader refused a file: say why, where it was included. */
	if (p->refusal && e->domain == XML_FROM_XINCLUDE && e->message &&
	    strncmp(e->message, "could not load", 14) == 0) {
		msg = p->refusal;
		p->refusal = NULL;
		line = e->line;
		col = 0;
		if (e->node) {
			line = (int)xmlGetLineNo(e->node);
			col = srcpos_column(file, &line, "<xi:include");
		}
		diag(p->d, DIAG_ERROR, file, line, col, "%s", msg);
		p->errors++;
		free(msg);
		return;
	}
	if (e->node && ((xmlNodePtr)e->node)->type == XML_ELEMENT_NODE) {
		xmlNodePtr node = e->node;

		line = (int)xmlGetLineNo(node);
		if (node->doc && (base = xmlNodeGetBase(node->doc, node)))
			file = (const char *)base;
		msg = node->ns && node->ns->prefix ?
		    xasprintf("<%s:%s", node->ns->prefix, node->name) :
		    xasprintf("<%s", node->name);
		col = srcpos_column(file, &line, msg);
		free(msg);
	}
	if (e->domain == XML_FROM_RELAXNGV)
		col = col > 0 ? col : 0;
	if (e->message && strstr(e->message, "Excessive depth in document") != NULL)
		msg = xstrdup("elements are nested too deeply: at most 256 levels "
		    "are allowed");
	else
		msg = xstrdup(e->message ? e->message : "malformed input");
	n = strlen(msg);
	while (n && (msg[n - 1] == '\n' || msg[n - 1] == ' '))
		msg[--n] = '\0';
	if (e->level == XML_ERR_WARNING)
		diag(p->d, DIAG_WARNING, file, line, col, "%s", msg);
	else {
		diag(p->d, DIAG_ERROR, file, line, col, "%s", msg);
		p->errors++;
	}
	free(msg);
	xmlFree(base);
}

static xmlExternalEntityLoader default_loader;

/* Only XInclude reaches here (DTDs and entities are never loaded): allow a
 * file inside the input's folder, refuse everything else. */
static xmlParserInputPtr
safe_loader(const char *url, const char *id, xmlParserCtxtPtr ctxt)
{
	struct pctx *p = tcur;
	char real[PATH_MAX];
	const char *path = url;
	struct stat st;

	(void)id;
	if (p == NULL || url == NULL)
		return NULL;
	free(p->refusal);
	p->refusal = NULL;
	if (strncmp(path, "file://", 7) == 0)
		path += 7;
	if (strstr(path, "://") == NULL)
		note_read(path);
	if (strstr(path, "://") != NULL)
		p->refusal = xasprintf("refusing to load '%s': only local files "
		    "are included", url);
	else if (realpath(path, real) == NULL)
		p->refusal = xasprintf("cannot include '%s': %s", path,
		    strerror(errno));
	else if (strncmp(real, p->root, strlen(p->root)) != 0 ||
	    real[strlen(p->root)] != '/')
		p->refusal = xasprintf("refusing to include '%s': only files in "
		    "the input's folder or below it may be included", path);
	else if (stat(real, &st) == 0 && (size_t)st.st_size > PARSE_MAX_BYTES)
		p->refusal = xasprintf("cannot include '%s': larger than the "
		    "limit of %u MiB", path, PARSE_MAX_BYTES >> 20);
	if (p->refusal)
		return NULL;
	return default_loader(path, NULL, ctxt);
}

/* ---- tree -> model ---------------------------------------------------- */

struct builder {
	struct pool	*pool;
	struct briefing	*b;
	xmlDocPtr	 doc;
	struct diags	*d;
};

static const char *
intern_file(struct builder *bd, const char *name)
{
	struct briefing *b = bd->b;

	for (size_t i = 0; i < b->nfiles; i++)
		if (strcmp(b->files[i], name) == 0)
			return b->files[i];
	b->files = pool_realloc(bd->pool, b->files, (b->nfiles + 1) * sizeof(char *));
	b->files[b->nfiles] = pool_strdup(bd->pool, name);
	return b->files[b->nfiles++];
}

static struct srcpos
node_pos(struct builder *bd, xmlNodePtr n)
{
	struct srcpos pos;
	xmlChar *base = xmlNodeGetBase(bd->doc, n);
	char needle[128];

	pos.file = intern_file(bd, base ? (const char *)base : bd->b->files[0]);
	xmlFree(base);
	pos.line = (int)xmlGetLineNo(n);
	snprintf(needle, sizeof(needle), "<%s", (const char *)n->name);
	pos.col = srcpos_column(pos.file, &pos.line, needle);
	return pos;
}

/* The place of an attribute: its name on the element's start tag. */
static struct srcpos
attr_pos(struct builder *bd, xmlNodePtr n, const char *name)
{
	struct srcpos pos = node_pos(bd, n);
	int line = (int)xmlGetLineNo(n), col;
	char needle[128];

	snprintf(needle, sizeof(needle), "%s=", name);
	if ((col = srcpos_column(pos.file, &line, needle)) > 0 &&
	    line >= pos.line) {
		pos.line = line;
		pos.col = col;
	}
	return pos;
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
	ch->type = strcmp(t, "bar") == 0 ? CHART_BAR :
	    strcmp(t, "line") == 0 ? CHART_LINE : CHART_STACKED;
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

			if (c->type != XML_ELEMENT_NODE)
				continue;
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
			p->stance = strcmp(s, "gains") == 0 ? STANCE_GAINS :
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
		else if (is(c, "title"))
			rich(bd, c, &st->title);
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
	for (xmlNodePtr c = root->children; c; c = c->next) {
		if (is(c, "distribution"))
			build_recipients(bd, c, &b->recipients, &b->nrecipients);
		else if (is(c, "story"))
			build_story(bd, c, PUSH(bd, b->stories, b->nstories));
	}
}

/* ---- the parse -------------------------------------------------------- */

static xmlRelaxNGPtr schema;

static xmlRelaxNGPtr
story_schema(void)
{
	xmlRelaxNGParserCtxtPtr pc;

	if (schema)
		return schema;
	pc = xmlRelaxNGNewMemParserCtxt(schema_story_rng, (int)schema_story_rng_len);
	schema = xmlRelaxNGParse(pc);
	xmlRelaxNGFreeParserCtxt(pc);
	return schema;
}

static void
doctype_error(struct pctx *p, const char *file, int line, int col)
{
	diag(p->d, DIAG_ERROR, file, line, col,
	    "document type declarations are not allowed (DTDs and entities "
	    "are never loaded); remove the <!DOCTYPE ...>");
	p->errors++;
}

/* Look through the prolog (XML declaration, comments, processing
 * instructions) for a DOCTYPE, so that no DTD is ever parsed.  Returns 1
 * and the place when one is found. */
static int
find_doctype(const char *s, size_t n, int *line, int *col)
{
	size_t i = 0;
	const char *nl;

	if (n >= 3 && memcmp(s, "\xef\xbb\xbf", 3) == 0)
		i = 3;
	for (;;) {
		while (i < n && (s[i] == ' ' || s[i] == '\t' || s[i] == '\r' ||
		    s[i] == '\n'))
			i++;
		if (i + 4 <= n && memcmp(s + i, "<!--", 4) == 0) {
			const char *e = memmem(s + i + 4, n - i - 4, "-->", 3);

			if (e == NULL)
				return 0;
			i = (size_t)(e - s) + 3;
		} else if (i + 2 <= n && memcmp(s + i, "<?", 2) == 0) {
			const char *e = memmem(s + i + 2, n - i - 2, "?>", 2);

			if (e == NULL)
				return 0;
			i = (size_t)(e - s) + 2;
		} else
			break;
	}
	if (i + 9 > n || memcmp(s + i, "<!DOCTYPE", 9) != 0)
		return 0;
	*line = 1;
	*col = 1;
	for (const char *q = s; q < s + i; q++)
		if (*q == '\n')
			++*line;
	nl = s + i;
	while (nl > s && nl[-1] != '\n')
		nl--;
	*col = (int)(s + i - nl) + 1;
	return 1;
}

static struct briefing *parse_buffer(const char *path, const char *root,
    const char *data, size_t len, struct diags *d);

/* Parse an input file; see parse.h. */
struct briefing *
parse_file(const char *path, struct diags *d)
{
	char real[PATH_MAX], *slash, *root, *data;
	struct stat st;
	struct briefing *b;
	size_t len;

	if (stat(path, &st) != 0 || realpath(path, real) == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	if (S_ISDIR(st.st_mode)) {
		diag(d, DIAG_ERROR, path, 0, 0, "is a directory, not an XML file");
		return NULL;
	}
	if ((size_t)st.st_size > PARSE_MAX_BYTES) {
		diag(d, DIAG_ERROR, path, 0, 0, "file is larger than the limit "
		    "of %u MiB", PARSE_MAX_BYTES >> 20);
		return NULL;
	}
	if ((data = read_file(path, &len)) == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot read: %s", strerror(errno));
		return NULL;
	}
	slash = strrchr(real, '/');
	root = xstrndup(real, slash && slash != real ? (size_t)(slash - real) : 1);
	if (strcmp(root, "/") == 0)
		root[0] = '\0';
	b = parse_buffer(path, root, data, len, d);
	free(root);
	free(data);
	return b;
}

/* Parse a document held in memory; see parse.h. */
struct briefing *
parse_memory(const char *name, const char *data, size_t len, struct diags *d)
{
	char cwd[PATH_MAX];

	if (len > PARSE_MAX_BYTES) {
		diag(d, DIAG_ERROR, name, 0, 0, "input is larger than the limit "
		    "of %u MiB", PARSE_MAX_BYTES >> 20);
		return NULL;
	}
	if (getcwd(cwd, sizeof(cwd)) == NULL)
		strcpy(cwd, "/nonexistent");
	return parse_buffer(name, cwd, data, len, d);
}

static struct briefing *
parse_buffer(const char *path, const char *root, const char *data, size_t len,
    struct diags *d)
{
	struct pctx p;
	struct builder bd;
	xmlParserCtxtPtr ctxt = NULL;
	xmlDocPtr doc = NULL;
	xmlRelaxNGValidCtxtPtr vc;
	struct briefing *b = NULL;
	int opts = XML_PARSE_NONET | XML_PARSE_NOCDATA | XML_PARSE_BIG_LINES |
	    XML_PARSE_NOXINCNODE;
	int line, col;

	memset(&p, 0, sizeof(p));
	p.d = d;
	p.path = path;
	forget_read();
	note_read(path);
	src_put(path, data, len);
	if (len == 0) {
		diag(d, DIAG_ERROR, path, 1, 1, "empty file: expected a <story> "
		    "or <briefing> document");
		return NULL;
	}
	if (find_doctype(data, len, &line, &col)) {
		doctype_error(&p, path, line, col);
		return NULL;
	}
	p.root = xstrdup(root);
	tcur = &p;
	if (default_loader == NULL)
		default_loader = xmlGetExternalEntityLoader();
	xmlSetExternalEntityLoader(safe_loader);
	xmlSetStructuredErrorFunc(&p, on_xml_error);

	ctxt = xmlNewParserCtxt();
	if (ctxt == NULL) {
		diag(d, DIAG_ERROR, path, 0, 0, "cannot start the XML parser");
		goto out;
	}
	doc = xmlCtxtReadMemory(ctxt, data, (int)len, path, NULL, opts);
	if (doc == NULL || p.errors)
		goto out;
	if (doc->intSubset || doc->extSubset) {
		doctype_error(&p, path, 1, 0);
		goto out;
	}
	if (xmlXIncludeProcessFlags(doc, opts) < 0 || p.errors) {
		if (p.errors == 0) {
			diag(d, DIAG_ERROR, path, 0, 0, "XInclude processing failed");
			p.errors++;
		}
		goto out;
	}
	if (story_schema() == NULL) {
		diag(d, DIAG_ERROR, NULL, 0, 0, "internal error: the story schema "
		    "does not compile");
		p.errors++;
		goto out;
	}
	vc = xmlRelaxNGNewValidCtxt(schema);
	xmlRelaxNGSetValidStructuredErrors(vc, on_xml_error, &p);
	if (xmlRelaxNGValidateDoc(vc, doc) != 0 && p.errors == 0) {
		diag(d, DIAG_ERROR, path, 0, 0, "does not match the briefing schema");
		p.errors++;
	}
	xmlRelaxNGFreeValidCtxt(vc);
	if (p.errors)
		goto out;

	b = xcalloc(1, sizeof(*b));
	b->pool = pool_new();
	memset(&bd, 0, sizeof(bd));
	bd.pool = b->pool;
	bd.b = b;
	bd.doc = doc;
	bd.d = d;
	b->files = pool_alloc(b->pool, sizeof(char *));
	b->files[0] = pool_strdup(b->pool, path);
	b->nfiles = 1;
	build_briefing(&bd, xmlDocGetRootElement(doc));
out:
	xmlSetStructuredErrorFunc(NULL, NULL);
	xmlSetExternalEntityLoader(default_loader);
	tcur = NULL;
	if (doc)
		xmlFreeDoc(doc);
	if (ctxt)
		xmlFreeParserCtxt(ctxt);
	if (p.refusal) {	/* refused, and libxml2 said nothing of it */
		diag(d, DIAG_ERROR, path, 0, 0, "%s", p.refusal);
		free(p.refusal);
		model_free(b);
		b = NULL;
	}
	free(p.root);
	return b;
}
