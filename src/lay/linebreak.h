/* linebreak.h: total-fit paragraph breaking (Knuth and Plass) over the
 * widths of a paragraph shaped once.  No text, no fonts: a paragraph is a
 * list of boxes, glues and penalties; unit-tested. */
#ifndef BRIEFING_LINEBREAK_H
#define BRIEFING_LINEBREAK_H

#include <stddef.h>

enum lb_kind {
	LB_BOX,		/* a word or word piece: width only */
	LB_GLUE,	/* a space: a break, with stretch and shrink */
	LB_PENALTY	/* a break with a cost, width drawn only there (a hyphen) */
};

/* A penalty at or above this never breaks; at or below its negation it
 * must break. */
#define LB_INFINITY	10000

struct lb_item {
	enum lb_kind	 kind;
	double		 width;
	double		 stretch, shrink;	/* glue, and a box's letter spacing */
	int		 penalty;		/* penalty only */
	int		 flagged;		/* a hyphen: counted in a row */
};

/* Break items[0..n) into lines of the given width.  The paragraph's end
 * is implied: the last line stretches freely (it is not justified).
 * Demerits follow TeX (line penalty 10, badness 100 r^3, adjacent
 * fitness classes, two hyphenated lines running, a hyphen ending the
 * last line but one), with at most two hyphenated lines in a row and a
 * cost for a last line shorter than a sixth of the width; penalties are
 * the caller's (a dearer hyphen in a capitalised word, say).  Tried at a
 * tolerance of r <= 1, then r <= 2.5, then any stretch (a line with no
 * space, too).  Writes the index of the item each line but the last ends
 * at (a glue or a penalty) to breaks[] (room for n entries) and returns
 * the number of lines (1 when all fits on one), or -1 when no set of
 * lines fits at all (a word wider than the line). */
int linebreak(const struct lb_item *items, size_t n, double width,
    size_t *breaks);

/* Break items[0..n) first fit, as Pango does: each line takes all it
 * can at its natural width, up to its last break that fits.  Writes
 * breaks[] and returns the number of lines as linebreak() does; -1 when a
 * word is wider than the line. */
int linebreak_greedy(const struct lb_item *items, size_t n, double width,
    size_t *breaks);

#endif
