/* quotes.h: straight quotes -> typographic quotes, by context and
 * language, done once in the model so every output gets them. */
#ifndef BRIEFING_QUOTES_H
#define BRIEFING_QUOTES_H

#include <stddef.h>

#include "read/model.h"

/* Replace the straight ' and " of text[0, *len) by the quotes of the
 * language (lang, or the innermost MARK_LANG mark around each quote;
 * NULL is English): “ ” ‘ ’ in English, „ “ ‚ ‘ in German, « » with
 * narrow no-break spaces in French; an apostrophe inside a word or
 * before a year ('90s) becomes ’.  The marks' byte ranges are moved to
 * match.  Returns a new malloc'd NUL-terminated text and sets *len, or
 * NULL when the text has no straight quote (nothing changed). */
char *quotes_smarten(const char *text, size_t *len, const char *lang,
    struct mark *marks, size_t nmarks);

#endif
