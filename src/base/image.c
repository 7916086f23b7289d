/* image.c: PNG and JPEG headers. */
#include <stdlib.h>
#include <string.h>

#include "base/image.h"
#include "base/infile.h"
#include "base/util.h"

#include <zlib.h>

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

static unsigned long
be32(const unsigned char *p)
{
	return (unsigned long)p[0] << 24 | (unsigned long)p[1] << 16 |
	    (unsigned long)p[2] << 8 | p[3];
}

/* Bytes of a non-interlaced PNG's filtered image data, from its IHDR;
 * 0 when interlaced or unknown. */
static unsigned long long
png_raw_size(const unsigned char *ihdr)
{
	static const int chans[] = { 1, 0, 3, 1, 2, 0, 4 };
	unsigned long w = be32(ihdr), h = be32(ihdr + 4);
	int depth = ihdr[8], type = ihdr[9];

	if (ihdr[12] != 0 || type > 6 || chans[type] == 0)
		return 0;
	return (unsigned long long)h * (1 + ((unsigned long long)w * chans[type] *
	    depth + 7) / 8);
}

/* Whether a PNG is whole: every chunk's CRC right, an IEND, and its image
 * data inflating to the size its header promises.  A picture broken
 * inside is found here, at its figure, and not by the PDF writer. */
static int
png_intact(const unsigned char *b, size_t n)
{
	z_stream z;
	unsigned char out[16384];
	unsigned long long want = png_raw_size(b + 16), got = 0;
	int zr = Z_OK, end = 0;

	memset(&z, 0, sizeof(z));
	if (inflateInit(&z) != Z_OK)
		return 0;
	for (size_t i = 8; i + 12 <= n && !end;) {
		unsigned long len = be32(b + i);

		if (len > n - i - 12 || be32(b + i + 8 + len) !=
		    crc32(0, b + i + 4, (uInt)len + 4))
			break;
		end = memcmp(b + i + 4, "IEND", 4) == 0;
		if (memcmp(b + i + 4, "IDAT", 4) == 0 && zr == Z_OK) {
			z.next_in = (unsigned char *)b + i + 8;
			z.avail_in = (uInt)len;
			do {
				z.next_out = out;
				z.avail_out = sizeof(out);
				zr = inflate(&z, Z_NO_FLUSH);
				got += sizeof(out) - z.avail_out;
			} while (zr == Z_OK && z.avail_out == 0);
			if (zr == Z_BUF_ERROR)
				zr = Z_OK;	/* wants the next IDAT */
		}
		i += len + 12;
	}
	inflateEnd(&z);
	return end && zr == Z_STREAM_END && (want == 0 || got == want);
}

/* Whether a JPEG ends with its end-of-image marker (a cut file does not). */
static int
jpeg_intact(const unsigned char *b, size_t n)
{
	while (n > 2 && b[n - 1] != 0xD9)
		n--;	/* some writers pad after the marker */
	return n > 2 && b[n - 2] == 0xFF && b[n - 1] == 0xD9;
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
	if (!(*is_png ? png_intact((const unsigned char *)data, len) :
	    jpeg_intact((const unsigned char *)data, len))) {
		free(data);
		*why = xstrdup(*is_png ? "the PNG is damaged (cut short, or its "
		    "data does not match its checksums)" : "the JPEG is cut short");
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
