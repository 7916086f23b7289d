/* hyph.h: hyphenation patterns by language.  The English (US) patterns
 * are compiled into the program at build time: build/gen/hyph.c, written
 * by src/lay/hyphgen.c from Debian's hyphen-en-us
 * (/usr/share/hyphen/hyph_en_US.dic); the others are read from Debian's
 * hyphen-* packages when a text first needs them. */
#ifndef BRIEFING_HYPH_H
#define BRIEFING_HYPH_H

#include <hyphen.h>

/* libhyphen's automaton for the patterns: static data, never freed, only
 * read (by hnj_hyphen_hyphenate2).  Never NULL. */
HyphenDict *hyph_patterns(void);

/* The patterns for a BCP 47 language tag (NULL or "": "en"): en (en-US,
 * compiled in; en-GB), de (de-AT, de-CH), fr, es, it, nl, pt, pl and sv,
 * each file loaded once per process and kept.  NULL for a language
 * without patterns, whose words are then not hyphenated. */
HyphenDict *hyph_for_lang(const char *tag);

#endif
