/* diag.c: collect, sort and print diagnostics. */
#include <stdarg.h>
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/util.h"

struct entry {
	enum diag_level	 lvl;
	char		*file;
	int		 line, col;
	char		*msg;
	size_t		 seq;	/* insertion order, for a stable sort */
};

struct diags {
	struct entry	*v;
	size_t		 n, cap;
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
}

/* Free d and its messages. */
void
diags_free(struct diags *d)
{
	if (d == NULL)
		return;
	clear(d);
	free(d->v);
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
	/* One line per diagnostic: fold any newline libxml2 put in. */
	buf_init(&b);
	for (const char *p = tmp; *p; p++)
		buf_addc(&b, *p == '\n' || *p == '\r' ? ' ' : *p);
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

static const char *
lvlname(enum diag_level l)
{
	return l == DIAG_ERROR ? "error" : "warning";
}

/* Print sorted text diagnostics and forget them. */
void
diags_print(struct diags *d, FILE *f)
{
	if (d->n > 1)
		qsort(d->v, d->n, sizeof(*d->v), cmp);
	for (size_t i = 0; i < d->n; i++) {
		const struct entry *e = &d->v[i];

		if (e->file == NULL)
			fprintf(f, "briefing: %s: %s\n", lvlname(e->lvl), e->msg);
		else if (e->line == 0)
			fprintf(f, "%s: %s: %s\n", e->file, lvlname(e->lvl), e->msg);
		else if (e->col == 0)
			fprintf(f, "%s:%d: %s: %s\n", e->file, e->line,
			    lvlname(e->lvl), e->msg);
		else
			fprintf(f, "%s:%d:%d: %s: %s\n", e->file, e->line,
			    e->col, lvlname(e->lvl), e->msg);
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
