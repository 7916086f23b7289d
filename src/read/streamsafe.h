/* streamsafe.h: Unicode's stream-safe limit on combining marks.  A base
 * character followed by thousands of combining marks makes HarfBuzz's
 * normalizer quadratic (60,000 marks: 9 s); real text never stacks more
 * than a handful, and Unicode's Stream-Safe Text Format (UAX #15) allows
 * 30 in a row. */
#ifndef BRIEFING_STREAMSAFE_H
#define BRIEFING_STREAMSAFE_H

#include <stddef.h>

/* Combining marks (non-starters) allowed in a row. */
#define STREAMSAFE_MAX	30

/* The offset in s[0..n) of the first non-starter past STREAMSAFE_MAX in a
 * row, or (size_t)-1 when there is none.  Bytes that are not UTF-8 end a
 * run (they are reported elsewhere). */
size_t streamsafe_check(const char *s, size_t n);

#endif
