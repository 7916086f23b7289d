/* notes.c: a note's reference is its number in superscript digits,
 * written into the text by parse.c; the line that draws it is found by
 * its text, and the note goes to the flow with that line's slice, which
 * sets it at the foot of the slice's page. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "lay/notes.h"

#define HANG	12.0	/* the note's number, right-aligned in it */

/* Whether p starts a superscript digit (¹²³ or U+2070..2079). */
static int
supdigit(const char *p, const char *end)
{
	if (end - p >= 2 && p[0] == '\xc2' && (p[1] == '\xb9' || p[1] == '\xb2' ||
	    p[1] == '\xb3'))
		return 1;
	return end - p >= 3 && p[0] == '\xe2' && p[1] == '\x81' &&
	    (unsigned char)p[2] >= 0xb0 && (unsigned char)p[2] <= 0xb9;
}

/* Whether the digit before p is a superscript one. */
static int
supdigit_before(const char *s, const char *p)
{
	return (p - s >= 2 && supdigit(p - 2, p)) || (p - s >= 3 && supdigit(p - 3, p));
}

/* Whether text holds ref as a whole number (not inside ¹²³). */
static int
holds(const char *text, size_t len, const char *ref)
{
	const char *end = text + len;
	size_t n = strlen(ref);

	for (const char *p = text; (p = memmem(p, (size_t)(end - p), ref, n)) != NULL; p++)
		if (!supdigit_before(text, p) && !supdigit(p + n, end))
			return 1;
	return 0;
}

static void
give(struct lay *L, const struct note *nt)
{
	struct dl_list fr = { 0 };
	char num[16];
	double h;

	snprintf(num, sizeof(num), "%d", nt->number);
	lay_frame_text(L, &fr, NULL, num, ST_CAPTION, 0, 0, HANG - 3, T_RIGHT, 0);
	h = lay_frame_text(L, &fr, &nt->text, NULL, ST_CAPTION, HANG, 0,
	    L->W - HANG, 0, 0);
	flow_note(L->f, &fr, h + 2, L->t->colors[C_RULE]);
}

/* Notes whose reference is in a line; see notes.h. */
void
notes_for_line(struct lay *L, const struct rich *r, const struct dl_list *line,
    unsigned char *placed, int last)
{
	struct buf text;

	if (r == NULL || r->nnotes == 0)
		return;
	buf_init(&text);
	buf_add(&text, "", 0);
	for (size_t i = 0; i < line->n; i++)
		if (line->items[i].kind == DL_TEXT)
			buf_add(&text, line->items[i].u.text.text,
			    line->items[i].u.text.textlen);
	for (size_t k = 0; k < r->nnotes; k++)
		if (!placed[k] && (last || holds(text.data, text.len, r->notes[k].ref))) {
			give(L, &r->notes[k]);
			placed[k] = 1;
		}
	buf_free(&text);
}

/* All of a text's notes; see notes.h. */
void
notes_all(struct lay *L, const struct rich *r)
{
	for (size_t k = 0; r && k < r->nnotes; k++)
		give(L, &r->notes[k]);
}
