/* image.c: PNG and JPEG headers. */
#include <stdlib.h>
#include <string.h>

#include "base/image.h"
#include "base/infile.h"
#include "base/util.h"

static int
be16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

/* The size in a PNG's IHDR or a JPEG's first start-of-frame marker;
 * 0 when found. */
static int
header_size(const unsigned char *b, size_t n, int *w, int *h, int *is_png)
{
	if (n >= 24 && memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 &&
	    memcmp(b + 12, "IHDR", 4) == 0) {
		unsigned long uw = (unsigned long)b[16] << 24 | (unsigned long)b[17] << 16 |
		    (unsigned long)b[18] << 8 | b[19];
		unsigned long uh = (unsigned long)b[20] << 24 | (unsigned long)b[21] << 16 |
		    (unsigned long)b[22] << 8 | b[23];

		*w = uw > 0x7fffffff ? 0x7fffffff : (int)uw;
		*h = uh > 0x7fffffff ? 0x7fffffff : (int)uh;
		*is_png = 1;
		return *w > 0 && *h > 0 ? 0 : -1;
	}
	if (n >= 4 && b[0] == 0xFF && b[1] == 0xD8) {
		/* Walk the markers to a start-of-frame. */
		for (size_t i = 2; i + 4 <= n && b[i] == 0xFF;) {
			int len = be16(b + i + 2), m = b[i + 1];

			if (m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 &&
			    m != 0xCC) {
				if (i + 9 > n)
					return -1;
				*h = be16(b + i + 5);
				*w = be16(b + i + 7);
				*is_png = 0;
				return *w > 0 && *h > 0 ? 0 : -1;
			}
			if (len < 2)
				return -1;
			i += 2 + (size_t)len;
		}
	}
	return -1;
}

/* Size of a PNG or JPEG file; see image.h. */
int
image_probe(const char *path, const char *root, int *w, int *h, int *is_png,
    char **why)
{
	char *data;
	size_t len;

	*why = NULL;
	if (infile_read(path, root, INFILE_MAX, &data, &len, why) != 0)
		return -1;
	if (header_size((const unsigned char *)data, len, w, h, is_png) != 0) {
		free(data);
		*why = xstrdup("it is not a PNG or JPEG image");
		return -1;
	}
	free(data);
	if (*w > IMAGE_MAX_SIDE || *h > IMAGE_MAX_SIDE ||
	    (long)*w * *h > IMAGE_MAX_PIXELS) {
		*why = xasprintf("it is %d x %d pixels: more than the %d a side "
		    "and %ld million in all that are drawn", *w, *h,
		    IMAGE_MAX_SIDE, IMAGE_MAX_PIXELS / 1000000);
		return -1;
	}
	return 0;
}
