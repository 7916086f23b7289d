/* image.h: what briefing needs to know of a raster image (a layout's
 * logo): its kind and its size in pixels, read from the file's header. */
#ifndef BRIEFING_IMAGE_H
#define BRIEFING_IMAGE_H

/* The largest image drawn: this many pixels a side, and in all. */
#define IMAGE_MAX_SIDE		16384
#define IMAGE_MAX_PIXELS	(40L * 1000 * 1000)

/* Read the size of a PNG or JPEG file, through infile_read (root as
 * there: the folder it must be in, or NULL).  Returns 0 and fills *w, *h
 * and *is_png, or -1 with a reason in *why (malloc'd, worded as
 * infile_read's): unreadable, not a PNG or JPEG, or larger than the
 * limits above. */
int image_probe(const char *path, const char *root, int *w, int *h,
    int *is_png, char **why);

#endif
