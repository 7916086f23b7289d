/* diag.c: collect, sort and print diagnostics. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <glib.h>

#include "base/diag.h"
#include "base/util.h"

struct entry {
	enum diag_level	 lvl;
	char		*file;
	int		 line, col;
	char		*msg;
	size_t		 seq;	/* insertion order, for a stable sort */
};

/* An input's text, kept to show the lines diagnostics point at. */
struct source {
	char		*name;
	char		*data;
	size_t		 len;
};

struct diags {
	struct entry	*v;
	size_t		 n, cap;
	struct source	*src;
	size_t		 nsrc, capsrc;
	enum diag_style	 style;
	size_t		 seq;
	int		 errors, warnings;
};

/* Make an empty diagnostics list. */
struct diags *
diags_new(void)
{
	return xcalloc(1, sizeof(struct diags));
}

static void
clear(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++) {
		free(d->v[i].file);
		free(d->v[i].msg);
	}
	d->n = 0;
	for (size_t i = 0; i < d->nsrc; i++) {
		free(d->src[i].name);
		free(d->src[i].data);
	}
	d->nsrc = 0;
}

/* Free d and its messages. */
void
diags_free(struct diags *d)
{
	if (d == NULL)
		return;
	clear(d);
	free(d->v);
	free(d->src);
	free(d);
}

/* Record one diagnostic; see diag.h. */
void
diag(struct diags *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...)
{
	struct entry *e;
	struct buf b;
	va_list ap;
	char tmp[1024];

	va_start(ap, fmt);
	vsnprintf(tmp, sizeof(tmp), fmt, ap);
	va_end(ap);
	/* One line per diagnostic: a newline in it becomes a space, and a
	 * control character from the input ('\x9b' would start a terminal
	 * escape) a '?'. */
	buf_init(&b);
	for (const char *p = tmp; *p;) {
		gunichar u = g_utf8_get_char_validated(p, -1);
		int ok = u != (gunichar)-1 && u != (gunichar)-2;
		int n = ok ? g_utf8_skip[*(const unsigned char *)p] : 1;

		if (*p == '\n' || *p == '\r')
			buf_addc(&b, ' ');
		else if (ok && *p != '\t' && g_unichar_iscntrl(u))
			buf_addc(&b, '?');
		else
			buf_add(&b, p, (size_t)n);
		p += n;
	}
	while (b.len && b.data[b.len - 1] == ' ')
		b.data[--b.len] = '\0';
	d->v = xgrow(d->v, &d->cap, d->n + 1, sizeof(*d->v));
	e = &d->v[d->n++];
	e->lvl = lvl;
	e->file = file ? xstrdup(file) : NULL;
	e->line = line > 0 ? line : 0;
	e->col = col > 0 ? col : 0;
	e->msg = buf_steal(&b);
	e->seq = d->seq++;
	if (lvl == DIAG_ERROR)
		d->errors++;
	else
		d->warnings++;
}

/* Errors recorded so far. */
int
diags_errors(const struct diags *d)
{
	return d->errors;
}

/* Warnings recorded so far. */
int
diags_warnings(const struct diags *d)
{
	return d->warnings;
}

/* Make every warning so far an error. */
void
diags_promote(struct diags *d)
{
	for (size_t i = 0; i < d->n; i++)
		if (d->v[i].lvl == DIAG_WARNING) {
			d->v[i].lvl = DIAG_ERROR;
			d->warnings--;
			d->errors++;
		}
}

static int
cmp(const void *a, const void *b)
{
	const struct entry *x = a, *y = b;
	int c;

	if (x->file && y->file && (c = strcmp(x->file, y->file)) != 0)
		return c;
	if ((x->file == NULL) != (y->file == NULL))
		return x->file == NULL ? -1 : 1;
	if (x->line != y->line)
		return x->line < y->line ? -1 : 1;
	if (x->col != y->col)
		return x->col < y->col ? -1 : 1;
	return x->seq < y->seq ? -1 : x->seq > y->seq;
}

/* Keep an input's text; see diag.h. */
void
diags_source(struct diags *d, const char *name, const char *data, size_t len)
{
	struct source *s = NULL;

	for (size_t i = 0; i < d->nsrc && s == NULL; i++)
		if (strcmp(d->src[i].name, name) == 0) {
			s = &d->src[i];
			free(s->data);
		}
	if (s == NULL) {
		d->src = xgrow(d->src, &d->capsrc, d->nsrc + 1, sizeof(*d->src));
		s = &d->src[d->nsrc++];
		s->name = xstrdup(name);
	}
	s->data = xmalloc(len + 1);
	memcpy(s->data, data, len);
	s->data[len] = '\0';
	s->len = len;
}

/* Set how text is printed; see diag.h. */
void
diags_style(struct diags *d, enum diag_style style)
{
	d->style = style;
}

static const char *
lvlname(enum diag_level l)
{
	return l == DIAG_ERROR ? "error" : "warning";
}

/* Line line of a kept input, and its length; NULL when not kept. */
static const char *
source_line(const struct diags *d, const char *file, int line, size_t *len)
{
	for (size_t i = 0; i < d->nsrc; i++) {
		const char *p, *e, *end;

		if (strcmp(d->src[i].name, file) != 0)
			continue;
		p = d->src[i].data;
		end = p + d->src[i].len;
		for (int l = 1; l < line && p < end; l++) {
			const char *nl = memchr(p, '\n', (size_t)(end - p));

			p = nl ? nl + 1 : end;
		}
		if (p >= end && line > 1)
			return NULL;
		e = memchr(p, '\n', (size_t)(end - p));
		e = e ? e : end;
		if (e > p && e[-1] == '\r')
			e--;
		*len = (size_t)(e - p);
		return p;
	}
	return NULL;
}

/* How many columns character c takes on a terminal. */
static int
cells(gunichar c)
{
	return g_unichar_iswide(c) ? 2 : 1;
}

#define SHOWN	100	/* characters of a long line shown around the column */

/* Under a diagnostic: its line (a window of it when long, control
 * characters as '?'), and a caret under its column. */
static void
print_source(FILE *f, const char *s, size_t len, int line, int col, int colour)
{
	const char *p = s, *end = s + len;
	struct buf under;
	int c = 1, from = 1, w;

	if ((size_t)g_utf8_strlen(s, (gssize)len) > SHOWN && col > SHOWN / 2)
		from = col - SHOWN / 3;	/* a long line: the part around col */
	w = fprintf(f, " %5d | ", line) - 2;
	buf_init(&under);
	buf_add(&under, "", 0);
	if (from > 1) {
		fputs("...", f);
		buf_adds(&under, "   ");
	}
	for (; p < end && c < from + SHOWN; c++) {
		gunichar u = g_utf8_get_char_validated(p, end - p);
		int n = u == (gunichar)-1 || u == (gunichar)-2 ? 1 :
		    g_utf8_skip[*(const unsigned char *)p];

		if (c >= from) {
			if (*p == '\t')
				fputc('\t', f);
			else if (u == (gunichar)-1 || u == (gunichar)-2 ||
			    g_unichar_iscntrl(u))
				fputc('?', f);
			else
				fwrite(p, 1, (size_t)n, f);
			if (c < col)
				buf_adds(&under, *p == '\t' ? "\t" :
				    n > 1 && cells(u) == 2 ? "  " : " ");
		}
		p += n;
	}
	if (p < end)
		fputs("...", f);
	fprintf(f, "\n%*s| %s%s^%s\n", w, "", colour ? "\033[1;32m" : "",
	    under.data, colour ? "\033[0m" : "");
	buf_free(&under);
}

/* Whether to print in colour on f: a terminal, and NO_COLOR unset or
 * empty (https://no-color.org). */
static int
use_colour(FILE *f)
{
	const char *nc = getenv("NO_COLOR");

	return isatty(fileno(f)) && (nc == NULL || *nc == '\0');
}

/* Print sorted text diagnostics and forget them. */
void
diags_print(struct diags *d, FILE *f)
{
	int colour = use_colour(f), full = d->style == DIAG_STYLE_FULL ||
	    (d->style == DIAG_STYLE_AUTO && isatty(fileno(f)));
	const char *b = colour ? "\033[1m" : "", *o = colour ? "\033[0m" : "";

	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp);
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->v[i];
		const char *lc = !colour ? "" : e->lvl == DIAG_ERROR ?
		    "\033[1;31m" : "\033[1;35m", *line;
		size_t len;

		if (e->file == NULL)
			fprintf(f, "%sbriefing:%s ", b, o);
		else if (e->line == 0)
			fprintf(f, "%s%s:%s ", b, e->file, o);
		else if (e->col == 0)
			fprintf(f, "%s%s:%d:%s ", b, e->file, e->line, o);
		else
			fprintf(f, "%s%s:%d:%d:%s ", b, e->file, e->line, e->col, o);
		fprintf(f, "%s%s:%s %s\n", lc, lvlname(e->lvl), o, e->msg);
		if (full && e->file && e->line > 0 &&
		    (line = source_line(d, e->file, e->line, &len)) != NULL)
			print_source(f, line, len, e->line, e->col > 0 ? e->col : 1,
			    colour);
	}
	clear(d);
}

static void
json_str(FILE *f, const char *s)
{
	fputc('"', f);
	for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
		if (*p == '"' || *p == '\\')
			fprintf(f, "\\%c", *p);
		else if (*p < 0x20)
			fprintf(f, "\\u%04x", *p);
		else
			fputc(*p, f);
	}
	fputc('"', f);
}

/* Print sorted diagnostics as a JSON array and forget them. */
void
diags_print_json(struct diags *d, FILE *f)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp);
	fputs("[", f);
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->v[i];

		fputs(i ? ",\n {" : "\n {", f);
		fputs("\"file\": ", f);
		if (e->file)
			json_str(f, e->file);
		else
			fputs("null", f);
		fprintf(f, ", \"line\": %d, \"column\": %d, \"severity\": \"%s\", "
		    "\"message\": ", e->line, e->col, lvlname(e->lvl));
		json_str(f, e->msg);
		fputs("}", f);
	}
	fputs(d->n ? "\n]\n" : "]\n", f);
	clear(d);
}
