/* tounicode.h: a font's ToUnicode CMap (ISO 32000-1 9.10.3), written
 * from what each glyph id stands for. */
#ifndef BRIEFING_TOUNICODE_H
#define BRIEFING_TOUNICODE_H

#include <stddef.h>
#include <stdint.h>

#include "base/util.h"

/* Append to out a ToUnicode CMap for two-byte codes (codespace <0000> to
 * <FFFF>, codes = glyph ids): text[g] is the UTF-8 that glyph g stands
 * for, NULL or "" for none, for g below n.  One bfchar entry a glyph, in
 * blocks of at most 100 (Ghostscript's pdfwrite misreads some bfrange
 * entries: ’ came back as "9").  Returns the number of glyphs mapped. */
size_t tounicode_cmap(struct buf *out, char *const *text, size_t n);

/* Append s (UTF-8, n bytes) as UTF-16BE hexadecimal digits, no brackets.
 * Returns the number of UTF-16 code units written. */
size_t tounicode_utf16_hex(struct buf *out, const char *s, size_t n);

/* Append the low 16 bits of v to b as four upper-case hexadecimal digits. */
void tounicode_hex4(struct buf *b, unsigned v);

#endif
