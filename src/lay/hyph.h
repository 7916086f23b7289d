/* hyph.h: the English hyphenation patterns, compiled into the program at
 * build time: build/gen/hyph.c, written by src/hyphgen.c from Debian's
 * hyphen-en-us (/usr/share/hyphen/hyph_en_US.dic). */
#ifndef BRIEFING_HYPH_H
#define BRIEFING_HYPH_H

#include <hyphen.h>

/* libhyphen's automaton for the patterns: static data, never freed, only
 * read (by hnj_hyphen_hyphenate2).  Never NULL. */
HyphenDict *hyph_patterns(void);

#endif
