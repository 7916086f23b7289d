/* png.h: the PNG preview backend (Cairo).  Reads only the display list. */
#ifndef BRIEFING_PNG_H
#define BRIEFING_PNG_H

#include <stddef.h>

#include "draw/dl.h"

/* Render page (0-based) of doc at dpi into PNG bytes: *out (malloc'd,
 * caller frees) and *len.  Returns 0, or -1 with a message in *err
 * (malloc'd) when a face cannot be loaded or Cairo fails. */
int png_render(const struct dl_doc *doc, size_t page, double dpi, char **out,
    size_t *len, char **err);

#endif
