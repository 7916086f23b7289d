/* picture.h: raster pictures for the backends: decoded into Cairo
 * surfaces (the PNG preview draws them so), and refitted to fewer pixels
 * (decoded, scaled, encoded again) so that a PDF carries no more than
 * PICTURE_DPI at a picture's placed size. */
#ifndef BRIEFING_PICTURE_H
#define BRIEFING_PICTURE_H

#include <stddef.h>

#include <cairo.h>

/* The most pixels per inch a PDF carries of a placed picture. */
#define PICTURE_DPI	300.0
/* The quality a refitted JPEG is encoded at (libjpeg's 0-100 scale). */
#define PICTURE_JPEG_QUALITY	88

/* Decode a PNG (Cairo) or JPEG (libjpeg, RGB out) file into an image
 * surface.  Returns NULL when the file cannot be read or decoded. */
cairo_surface_t *picture_load(const char *path, int is_png);

/* The pixel size (*w, *h) a px_w x px_h picture placed at wpt x hpt
 * points is carried at: its own, or PICTURE_DPI at the placed size when
 * it has more.  Returns 1 when that is smaller than its own. */
int picture_fit_size(int px_w, int px_h, double wpt, double hpt, int *w, int *h);

/* The picture at path scaled to w x h pixels (a JPEG first decoded
 * smaller in the DCT when it is twice that or more, then Cairo's good
 * filter) and encoded again: a JPEG as a baseline JPEG at
 * PICTURE_JPEG_QUALITY, a PNG as an 8-bit PNG with its alpha kept.  The
 * same input gives the same bytes.  Returns 0 with *data (malloc'd) and *len, or -1 when the file
 * cannot be decoded. */
int picture_refit(const char *path, int is_png, int w, int h, char **data,
    size_t *len);

#endif
