/* image.c: PNG and JPEG headers. */
#include <stdio.h>
#include <string.h>

#include "base/image.h"

static int
be16(const unsigned char *p)
{
	return p[0] << 8 | p[1];
}

/* Size of a PNG (IHDR) or JPEG (first SOF marker); see image.h. */
int
image_probe(const char *path, int *w, int *h, int *is_png, const char **why)
{
	unsigned char b[32];
	FILE *f = fopen(path, "rb");
	int rc = -1;

	*why = "cannot be read";
	if (f == NULL)
		return -1;
	if (fread(b, 1, 24, f) != 24) {
		*why = "is not a PNG or JPEG image";
		goto out;
	}
	if (memcmp(b, "\x89PNG\r\n\x1a\n", 8) == 0 && memcmp(b + 12, "IHDR", 4) == 0) {
		*w = (int)((unsigned)b[16] << 24 | b[17] << 16 | b[18] << 8 | b[19]);
		*h = (int)((unsigned)b[20] << 24 | b[21] << 16 | b[22] << 8 | b[23]);
		*is_png = 1;
		rc = *w > 0 && *h > 0 ? 0 : -1;
		goto out;
	}
	if (b[0] == 0xFF && b[1] == 0xD8) {
		/* Walk the markers to a start-of-frame. */
		if (fseek(f, 2, SEEK_SET) != 0)
			goto out;
		for (;;) {
			unsigned char m[4], sof[5];
			int len;

			if (fread(m, 1, 4, f) != 4 || m[0] != 0xFF)
				break;
			len = be16(m + 2);
			if (m[1] >= 0xC0 && m[1] <= 0xCF && m[1] != 0xC4 && m[1] != 0xC8 &&
			    m[1] != 0xCC) {
				if (fread(sof, 1, 5, f) != 5)
					break;
				*h = be16(sof + 1);
				*w = be16(sof + 3);
				*is_png = 0;
				rc = *w > 0 && *h > 0 ? 0 : -1;
				goto out;
			}
			if (len < 2 || fseek(f, len - 2, SEEK_CUR) != 0)
				break;
		}
	}
	*why = "is not a PNG or JPEG image";
out:
	fclose(f);
	return rc;
}
