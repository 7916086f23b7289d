/* image.h: what briefing needs to know of a raster image (a layout's
 * logo): its kind and its size in pixels, read from the file's header. */
#ifndef BRIEFING_IMAGE_H
#define BRIEFING_IMAGE_H

/* Read the size of a PNG or JPEG file.  Returns 0 and fills *w, *h and
 * *is_png, or -1 with a static reason in *why. */
int image_probe(const char *path, int *w, int *h, int *is_png, const char **why);

#endif
