/* fonts.h: the faces in fonts/ and nothing else.  A private fontconfig
 * configuration, one Pango font map and one context per process. */
#ifndef BRIEFING_FONTS_H
#define BRIEFING_FONTS_H

#include <pango/pango.h>

#include "base/diag.h"

struct fonts;

/* Load every .ttf in dir into a private fontconfig configuration (the
 * script fallback faces of the pinned Debian packages join it when a text
 * needs them: fonts_covers) and make
 * a Pango context laying out in points (72 dpi, no hinting, unrounded
 * positions).  Returns NULL, with an error in d, when the folder has no
 * usable face. */
struct fonts *fonts_open(const char *dir, struct diags *d);
/* Wait (a second at most) until the threads Pango starts to match and
 * sort fonts have ended: before fork, and before closing. */
void fonts_settle(void);
/* Free the context, font map and configuration. */
void fonts_close(struct fonts *f);
/* The shared Pango context (owned by f). */
PangoContext *fonts_context(struct fonts *f);
/* The file a Pango font was loaded from (owned by f), or NULL. */
const char *fonts_file(struct fonts *f, PangoFont *font);
/* True when some face can draw character c.  The first character of a
 * script the loaded faces lack adds its group of fallback faces (Arabic,
 * Hebrew, Devanagari, Thai, CJK, or Symbola for the rest) to the
 * configuration and to Pango: call it for every character of a document
 * (coverage_check does) before laying it out. */
int fonts_covers(struct fonts *f, unsigned int c);
/* True when the families named exist among the loaded faces. */
int fonts_has_family(struct fonts *f, const char *family);

#endif
