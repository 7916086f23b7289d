/* text.c: the plain-text body as format=flowed (RFC 3676): paragraphs
 * wrapped at 72 characters with soft breaks (a line ending in a space),
 * headings underlined, points numbered, links as numbered references
 * listed at the end. */
#include <string.h>

#include <glib.h>

#include "base/date.h"
#include "base/util.h"
#include "mail/mail.h"

#define WIDTH	72

struct text {
	struct buf	*b;
	struct buf	 notes;		/* "[n] URL" lines */
	int		 nnotes;
};

static size_t
chars(const char *s, size_t n)
{
	return (size_t)g_utf8_strlen(s, (gssize)n);
}

/* One line as flowed text: stuffed with a space when it starts with a
 * space, ">" or "From " (so that readers take it as it is). */
static void
line(struct buf *b, const char *s, size_t n, int soft)
{
	if (n && (s[0] == ' ' || s[0] == '>' || (n >= 5 && memcmp(s, "From ", 5) == 0)))
		buf_addc(b, ' ');
	buf_add(b, s, n);
	buf_adds(b, soft ? " \n" : "\n");
}

/* A paragraph wrapped at WIDTH: every line but the last ends in a space
 * (a soft break).  A word longer than a line (a long link) stands alone.
 * Returns the width of the longest line, in characters. */
static size_t
para(struct buf *b, const char *s)
{
	size_t widest = 0;

	while (*s == ' ')
		s++;
	while (*s) {
		const char *start = s, *end = s, *p = s;
		size_t w = 0;

		/* Take words while they fit (WIDTH - 1, for the soft space). */
		while (*p) {
			const char *we = p + strcspn(p, " ");
			size_t ww = chars(p, we - p);

			if (end != start && w + 1 + ww > WIDTH - 1)
				break;
			w += (end != start ? 1 : 0) + ww;
			end = we;
			p = we;
			while (*p == ' ')
				p++;
		}
		line(b, start, end - start, *p != '\0');
		widest = w > widest ? w : widest;
		s = p;
	}
	return widest;
}

/* A heading: the text wrapped, then underlined with c. */
static void
heading(struct buf *b, const char *s, char c)
{
	size_t w = para(b, s);

	for (size_t i = 0; i < w && i < WIDTH; i++)
		buf_addc(b, c);
	buf_addc(b, '\n');
}

/* A rich text as plain text, each link followed by its reference "[n]"
 * and its target added to the notes.  Returns a new string. */
static char *
flat(struct text *t, const struct rich *r)
{
	struct buf o;

	buf_init(&o);
	for (size_t i = 0; i <= r->len; i++) {
		for (size_t k = 0; k < r->nmarks; k++) {
			const struct mark *m = &r->marks[k];

			if (m->kind != MARK_LINK || m->end != i)
				continue;
			buf_printf(&o, " [%d]", ++t->nnotes);
			buf_printf(&t->notes, "[%d] %s", t->nnotes, m->href);
			buf_addc(&t->notes, '\0');	/* one note a string */
		}
		if (i < r->len)
			buf_addc(&o, r->text[i]);
	}
	buf_addc(&o, '\0');
	return buf_steal(&o);
}

static void
story(struct text *t, const struct mail_view *v, const struct mail_story *ms)
{
	const struct story *st = ms->st;
	struct buf *b = t->b, meta;
	char date[32];

	buf_init(&meta);
	if (st->category) {
		char *up = g_utf8_strup(st->category, -1);

		buf_adds(&meta, up);
		g_free(up);
	}
	if (st->date.prec && v->b->is_edition)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "",
		    date_format_long(&st->date, date));
	buf_adds(b, "\n\n");
	if (meta.len) {
		buf_addc(&meta, '\0');
		para(b, meta.data);
	}
	buf_free(&meta);
	if (v->b->is_edition) {	/* a lone story's headline is the title */
		heading(b, st->title.text, '-');
		buf_addc(b, '\n');
	}
	for (size_t k = 0; k < st->npoints; k++) {
		char *p = flat(t, &st->points[k]), *n = xasprintf("%zu. %s", k + 1, p);

		if (k)
			buf_addc(b, '\n');
		para(b, n);
		free(n);
		free(p);
	}
	buf_addc(b, '\n');
	if (ms->page && ms->label)
		buf_printf(b, "Read the full story: page %s of the PDF.\n", ms->label);
	else if (ms->page)
		buf_printf(b, "Read the full story: page %d of the PDF.\n", ms->page);
	else
		buf_adds(b, "Read the full story in the PDF.\n");
}

/* The text body; see mail.h. */
char *
mail_text(const struct mail_view *v)
{
	const struct briefing *bf = v->b;
	const struct date *dt = bf->is_edition ? &bf->date : &bf->stories[0].date;
	struct buf b, meta;
	struct text t = { &b, { 0 }, 0 };
	char date[32], size[16], *s;

	buf_init(&b);
	buf_init(&t.notes);
	buf_init(&meta);
	heading(&b, bf->is_edition ? bf->title : bf->stories[0].title.text, '=');
	if (bf->is_edition && bf->edition)
		buf_adds(&meta, bf->edition);
	if (dt->prec)
		buf_printf(&meta, "%s%s", meta.len ? " \xc2\xb7 " : "",
		    date_format_long(dt, date));
	if (bf->audience)
		buf_printf(&meta, "%sfor %s", meta.len ? " \xc2\xb7 " : "", bf->audience);
	if (meta.len) {
		buf_addc(&meta, '\0');
		para(&b, meta.data);
	}
	buf_addc(&b, '\n');
	if (v->greeting) {
		s = xasprintf("Dear %s,", v->greeting);
		para(&b, s);
		free(s);
		buf_adds(&b, "\nThe briefing is below in short, and attached in full.\n\n");
	}
	s = xasprintf("Attached: the full briefing, %s (%zu %s, %s).", v->pdfname,
	    v->npages, v->npages == 1 ? "page" : "pages", mail_size(v->pdflen, size));
	para(&b, s);
	free(s);
	for (size_t i = 0; i < v->nstories; i++)
		story(&t, v, &v->stories[i]);
	if (t.nnotes) {
		buf_adds(&b, "\nLinks\n");
		for (size_t off = 0; off < t.notes.len; off += strlen(t.notes.data + off) + 1)
			para(&b, t.notes.data + off);
	}
	if (bf->author) {
		s = bf->audience ? xasprintf("Sent by %s for %s.", bf->author, bf->audience) :
		    xasprintf("Sent by %s.", bf->author);
		buf_adds(&b, "\n-- \n");
		para(&b, s);
		free(s);
	}
	buf_free(&t.notes);
	buf_free(&meta);
	return buf_steal(&b);
}

/* A size for people; see mail.h. */
const char *
mail_size(size_t n, char out[16])
{
	if (n >= 1000 * 1000)
		snprintf(out, 16, "%.1f MB", n / 1e6);
	else
		snprintf(out, 16, "%zu KB", (n + 999) / 1000);
	return out;
}
