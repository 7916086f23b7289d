/* suggest.h: "did you mean ...?" for mistyped names: the nearest of a set
 * of known names by edit distance (a swap of two neighbours counts as one
 * edit, and a difference of case alone is nearest of all).  Used for
 * element and attribute names; fit for commands and options too. */
#ifndef BRIEFING_SUGGEST_H
#define BRIEFING_SUGGEST_H

#include <stddef.h>

/* The number of edits (insert, delete, replace, swap of neighbours) that
 * turn a into b, comparing letters without regard to case. */
size_t suggest_distance(const char *a, const char *b);
/* The candidate nearest to word, when it is near enough to be what was
 * meant (the same but for case, or a few edits for a longer word: one up
 * to 4 letters, two up to 8, three beyond); the first of equals wins.
 * Words and candidates over 256 bytes are never near.  Returns one of
 * candidates (not a copy), or NULL when none is near or word is itself a
 * candidate. */
const char *suggest_nearest(const char *word, const char *const *candidates,
    size_t n);

#endif
