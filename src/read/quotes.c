/* quotes.c: typographic quotes by context and language.  A double quote
 * opens after the start, a space, an opening bracket, a dash or another
 * opening quote, and closes elsewhere; a single quote between letters,
 * after a letter with no single quote open, or before a two-digit year
 * is an apostrophe.  The quote characters come from the language of the
 * quote's place (xml:lang, inherited, or a <span xml:lang>). */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "read/quotes.h"

struct qset {
	const char	*lang;		/* primary subtag */
	const char	*dopen, *dclose, *sopen, *sclose;
	int		 spaced;	/* narrow no-break space inside */
};

#define NNBSP "\xe2\x80\xaf"	/* U+202F NARROW NO-BREAK SPACE */

static const struct qset qsets[] = {
	{ "en", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99", 0 },
	{ "de", "\xe2\x80\x9e", "\xe2\x80\x9c", "\xe2\x80\x9a", "\xe2\x80\x98", 0 },
	{ "fr", "\xc2\xab", "\xc2\xbb", "\xe2\x80\xb9", "\xe2\x80\xba", 1 },
	{ "es", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9c", "\xe2\x80\x9d", 0 },
	{ "it", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9c", "\xe2\x80\x9d", 0 },
	{ "pt", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9c", "\xe2\x80\x9d", 0 },
	{ "ru", "\xc2\xab", "\xc2\xbb", "\xe2\x80\x9e", "\xe2\x80\x9c", 0 },
	{ "pl", "\xe2\x80\x9e", "\xe2\x80\x9d", "\xc2\xab", "\xc2\xbb", 0 },
	{ "nl", "\xe2\x80\x9c", "\xe2\x80\x9d", "\xe2\x80\x98", "\xe2\x80\x99", 0 },
	{ "sv", "\xe2\x80\x9d", "\xe2\x80\x9d", "\xe2\x80\x99", "\xe2\x80\x99", 0 },
	{ "ja", "\xe3\x80\x8c", "\xe3\x80\x8d", "\xe3\x80\x8e", "\xe3\x80\x8f", 0 },
};

#define APOS "\xe2\x80\x99"

/* The quote set of a BCP 47 tag by its primary subtag; English when the
 * tag is NULL or not known. */
static const struct qset *
qset_of(const char *lang)
{
	size_t n;

	if (lang == NULL)
		return &qsets[0];
	n = strcspn(lang, "-_");
	for (size_t i = 0; i < sizeof(qsets) / sizeof(qsets[0]); i++)
		if (strlen(qsets[i].lang) == n &&
		    g_ascii_strncasecmp(lang, qsets[i].lang, n) == 0)
			return &qsets[i];
	return &qsets[0];
}

/* The language at byte i: the innermost (last-starting) MARK_LANG
 * around it, else the text's. */
static const char *
lang_at(size_t i, const char *lang, const struct mark *marks, size_t nmarks)
{
	for (size_t k = 0; k < nmarks; k++)
		if (marks[k].kind == MARK_LANG && marks[k].start <= i &&
		    i < marks[k].end && marks[k].lang != NULL)
			lang = marks[k].lang;
	return lang;
}

static gunichar
prev_char(const char *text, size_t i)
{
	const char *p;

	if (i == 0)
		return 0;
	p = g_utf8_find_prev_char(text, text + i);
	return p ? g_utf8_get_char_validated(p, text + i - p) : 0;
}

static gunichar
next_char(const char *text, size_t len, size_t i)
{
	if (i + 1 >= len)
		return 0;
	return g_utf8_get_char_validated(text + i + 1, len - i - 1);
}

/* Whether a quote after c opens: at the start, after a space, an opening
 * bracket, a dash, a slash or an opening quote. */
static int
opens_after(gunichar c)
{
	if (c == 0 || c == (gunichar)-1 || c == (gunichar)-2 ||
	    g_unichar_isspace(c) || c == 0xa0 || c == 0x202f)
		return 1;
	if (c < 128 && strchr("([{<-/", (int)c) != NULL)
		return 1;
	return c == 0x2013 || c == 0x2014 || c == 0x201c || c == 0x2018 ||
	    c == 0x201e || c == 0x201a || c == 0xab || c == 0x2039;
}

static int
isword(gunichar c)
{
	return c != 0 && c < 0x110000 && g_unichar_isalnum(c);
}

/* '90s, '07: an apostrophe for the century left out. */
static int
is_year(const char *text, size_t len, size_t i)
{
	return i + 2 < len && g_ascii_isdigit(text[i + 1]) &&
	    g_ascii_isdigit(text[i + 2]) &&
	    (i + 3 == len || !g_ascii_isdigit(text[i + 3]));
}

struct qstate {
	struct buf	 out;
	size_t		*map;		/* input byte -> output byte */
	size_t		 i;		/* the input byte being read */
	int		 dopen, sopen;
};

/* Drop a space just written (French closing quotes bring their own). */
static void
drop_space(struct qstate *q)
{
	if (q->out.len == 0 || q->out.data[q->out.len - 1] != ' ')
		return;
	q->out.data[--q->out.len] = '\0';
	for (size_t j = q->i + 1; j-- > 0 && q->map[j] > q->out.len;)
		q->map[j] = q->out.len;
}

/* Write the quote for text[i] and return how many input bytes it took. */
static size_t
one_quote(struct qstate *q, const char *text, size_t len, const struct qset *qs)
{
	size_t i = q->i;
	gunichar p = prev_char(text, i), n = next_char(text, len, i);
	int open;

	if (text[i] == '\'') {
		if (isword(p) && (isword(n) || !q->sopen)) {
			buf_adds(&q->out, APOS);
			return 1;
		}
		if (opens_after(p) && is_year(text, len, i)) {
			buf_adds(&q->out, APOS);
			return 1;
		}
		open = opens_after(p) && n != ' ' && n != 0;
		q->sopen = open;
	} else {
		open = opens_after(p) && !(q->dopen && (n == ' ' || n == 0));
		q->dopen = open;
	}
	if (!open && qs->spaced) {
		drop_space(q);
		buf_adds(&q->out, NNBSP);
	}
	buf_adds(&q->out, text[i] == '"' ? (open ? qs->dopen : qs->dclose) :
	    (open ? qs->sopen : qs->sclose));
	if (open && qs->spaced) {
		buf_adds(&q->out, NNBSP);
		if (n == ' ') {
			q->map[i + 1] = q->out.len;
			return 2;
		}
	}
	return 1;
}

/* See quotes.h. */
char *
quotes_smarten(const char *text, size_t *len, const char *lang,
    struct mark *marks, size_t nmarks)
{
	struct qstate q;
	size_t n = *len;

	if (memchr(text, '\'', n) == NULL && memchr(text, '"', n) == NULL)
		return NULL;
	memset(&q, 0, sizeof(q));
	buf_init(&q.out);
	buf_add(&q.out, "", 0);
	q.map = xcalloc(n + 1, sizeof(*q.map));
	for (q.i = 0; q.i < n;) {
		q.map[q.i] = q.out.len;
		if (text[q.i] == '\'' || text[q.i] == '"') {
			const struct qset *qs = qset_of(lang_at(q.i, lang, marks, nmarks));
			size_t used = one_quote(&q, text, n, qs);

			q.i += used;
		} else
			buf_addc(&q.out, text[q.i++]);
	}
	q.map[n] = q.out.len;
	for (size_t k = 0; k < nmarks; k++) {
		marks[k].start = q.map[marks[k].start < n ? marks[k].start : n];
		marks[k].end = q.map[marks[k].end < n ? marks[k].end : n];
	}
	free(q.map);
	*len = q.out.len;
	return buf_steal(&q.out);
}
