/* picture.c: raster pictures decoded for Cairo, and refitted to 300 dpi
 * at their placed size for the PDF (see picture.h). */
#include <math.h>
#include <setjmp.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <jpeglib.h>

#include "base/util.h"
#include "draw/picture.h"

/* libjpeg's errors end the decoding, not the process. */
struct jerr {
	struct jpeg_error_mgr	mgr;
	jmp_buf			jb;
};

static void
jpeg_fail(j_common_ptr ci)
{
	longjmp(((struct jerr *)(void *)ci->err)->jb, 1);
}

static void
jpeg_quiet(j_common_ptr ci, int level)
{
	(void)ci;
	(void)level;	/* warnings (a corrupt byte) are not printed */
}

/* One decoded row as Cairo's xRGB pixels: RGB, or CMYK (inverted when
 * the file says Adobe wrote it, as Photoshop's are). */
static void
put_row(const struct jpeg_decompress_struct *ci, const unsigned char *row,
    unsigned char *dst)
{
	for (JDIMENSION x = 0; x < ci->output_width; x++) {
		uint32_t r, g, b;

		if (ci->out_color_space == JCS_CMYK) {
			const unsigned char *p = row + 4 * x;
			unsigned c = p[0], m = p[1], y = p[2], k = p[3];

			if (!ci->saw_Adobe_marker)
				c = 255 - c, m = 255 - m, y = 255 - y, k = 255 - k;
			r = c * k / 255, g = m * k / 255, b = y * k / 255;
		} else
			r = row[3 * x], g = row[3 * x + 1], b = row[3 * x + 2];
		r = 0xff000000u | r << 16 | g << 8 | b;
		memcpy(dst + 4 * x, &r, 4);
	}
}

/* Decode a JPEG into a Cairo surface (libjpeg, RGB out; CMYK converted
 * plainly).  With want_w and want_h (else 0), at the smallest of 1, 1/2,
 * 1/4 or 1/8 of its size that is still at least that large: libjpeg
 * scales in the DCT, for a fraction of the work.  NULL when the file
 * cannot be decoded. */
static cairo_surface_t *
load_jpeg(const char *path, int want_w, int want_h)
{
	struct jpeg_decompress_struct ci;
	struct jerr jerr;
	cairo_surface_t *volatile s = NULL;
	unsigned char *volatile row = NULL;
	FILE *f = fopen(path, "rb");

	if (f == NULL)
		return NULL;
	ci.err = jpeg_std_error(&jerr.mgr);
	jerr.mgr.error_exit = jpeg_fail;
	jerr.mgr.emit_message = jpeg_quiet;
	jpeg_create_decompress(&ci);
	if (setjmp(jerr.jb)) {
		free(row);
		if (s)
			cairo_surface_destroy(s);
		jpeg_destroy_decompress(&ci);
		fclose(f);
		return NULL;
	}
	jpeg_stdio_src(&ci, f);
	jpeg_read_header(&ci, TRUE);
	ci.scale_num = 1;
	ci.scale_denom = 8;
	while (ci.scale_denom > 1 &&
	    ((long)(ci.image_width + ci.scale_denom - 1) / ci.scale_denom < want_w ||
	    (long)(ci.image_height + ci.scale_denom - 1) / ci.scale_denom < want_h))
		ci.scale_denom /= 2;
	ci.out_color_space = ci.jpeg_color_space == JCS_CMYK ||
	    ci.jpeg_color_space == JCS_YCCK ? JCS_CMYK : JCS_RGB;
	jpeg_start_decompress(&ci);
	s = cairo_image_surface_create(CAIRO_FORMAT_RGB24, (int)ci.output_width,
	    (int)ci.output_height);
	row = xmalloc((size_t)ci.output_width * 4);
	while (ci.output_scanline < ci.output_height) {
		unsigned char *dst = cairo_image_surface_get_data(s) +
		    (size_t)ci.output_scanline * (size_t)cairo_image_surface_get_stride(s);
		JSAMPROW rp = row;

		jpeg_read_scanlines(&ci, &rp, 1);
		put_row(&ci, row, dst);
	}
	free(row);
	cairo_surface_mark_dirty(s);
	jpeg_finish_decompress(&ci);
	jpeg_destroy_decompress(&ci);
	fclose(f);
	return s;
}

/* Decode a picture; see picture.h. */
cairo_surface_t *
picture_load(const char *path, int is_png)
{
	cairo_surface_t *s;

	if (!is_png)
		return load_jpeg(path, 0, 0);
	s = cairo_image_surface_create_from_png(path);
	if (cairo_surface_status(s) != CAIRO_STATUS_SUCCESS) {
		cairo_surface_destroy(s);
		return NULL;
	}
	return s;
}

/* The size a placed picture is carried at; see picture.h. */
int
picture_fit_size(int px_w, int px_h, double wpt, double hpt, int *w, int *h)
{
	double k = fmax(wpt * PICTURE_DPI / 72 / px_w, hpt * PICTURE_DPI / 72 / px_h);

	*w = px_w;
	*h = px_h;
	if (!(k < 1) || px_w <= 0 || px_h <= 0)
		return 0;
	*w = (int)ceil(px_w * k - 1e-6);
	*h = (int)ceil(px_h * k - 1e-6);
	if (*w < 1)
		*w = 1;
	if (*h < 1)
		*h = 1;
	return *w < px_w || *h < px_h;
}

static cairo_status_t
to_buf(void *closure, const unsigned char *data, unsigned int n)
{
	buf_add(closure, data, n);
	return CAIRO_STATUS_SUCCESS;
}

/* Encode an RGB24 surface as a baseline JPEG in memory. */
static void
encode_jpeg(cairo_surface_t *s, char **data, size_t *len)
{
	struct jpeg_compress_struct ci;
	struct jpeg_error_mgr jerr;
	unsigned char *out = NULL, *row;
	unsigned long n = 0;
	int w = cairo_image_surface_get_width(s), h = cairo_image_surface_get_height(s);
	int stride = cairo_image_surface_get_stride(s);
	const unsigned char *px = cairo_image_surface_get_data(s);

	ci.err = jpeg_std_error(&jerr);
	jpeg_create_compress(&ci);
	jpeg_mem_dest(&ci, &out, &n);
	ci.image_width = (JDIMENSION)w;
	ci.image_height = (JDIMENSION)h;
	ci.input_components = 3;
	ci.in_color_space = JCS_RGB;
	jpeg_set_defaults(&ci);
	jpeg_set_quality(&ci, PICTURE_JPEG_QUALITY, TRUE);
	ci.optimize_coding = TRUE;
	ci.dct_method = JDCT_ISLOW;
	jpeg_start_compress(&ci, TRUE);
	row = xmalloc((size_t)w * 3);
	while (ci.next_scanline < ci.image_height) {
		const uint32_t *src = (const uint32_t *)(const void *)(px +
		    (size_t)ci.next_scanline * (size_t)stride);
		JSAMPROW rp = row;

		for (int x = 0; x < w; x++) {
			row[3 * x] = (unsigned char)(src[x] >> 16);
			row[3 * x + 1] = (unsigned char)(src[x] >> 8);
			row[3 * x + 2] = (unsigned char)src[x];
		}
		jpeg_write_scanlines(&ci, &rp, 1);
	}
	free(row);
	jpeg_finish_compress(&ci);
	jpeg_destroy_compress(&ci);
	*data = xmalloc(n ? n : 1);
	memcpy(*data, out, n);
	*len = n;
	free(out);
}

/* Scale and encode a picture again; see picture.h. */
int
picture_refit(const char *path, int is_png, int w, int h, char **data,
    size_t *len)
{
	cairo_surface_t *src, *dst;
	cairo_t *cr;
	struct buf b;
	int sw, sh;

	*data = NULL;
	*len = 0;
	src = is_png ? picture_load(path, 1) : load_jpeg(path, w, h);
	if (src == NULL)
		return -1;
	sw = cairo_image_surface_get_width(src);
	sh = cairo_image_surface_get_height(src);
	dst = cairo_image_surface_create(is_png ? cairo_image_surface_get_format(src) :
	    CAIRO_FORMAT_RGB24, w, h);
	cr = cairo_create(dst);
	cairo_scale(cr, (double)w / sw, (double)h / sh);
	cairo_set_source_surface(cr, src, 0, 0);
	cairo_pattern_set_filter(cairo_get_source(cr), CAIRO_FILTER_GOOD);
	cairo_pattern_set_extend(cairo_get_source(cr), CAIRO_EXTEND_PAD);
	cairo_set_operator(cr, CAIRO_OPERATOR_SOURCE);
	cairo_paint(cr);
	cairo_destroy(cr);
	cairo_surface_destroy(src);
	cairo_surface_flush(dst);
	if (!is_png)
		encode_jpeg(dst, data, len);
	else {
		buf_init(&b);
		if (cairo_surface_write_to_png_stream(dst, to_buf, &b) !=
		    CAIRO_STATUS_SUCCESS) {
			buf_free(&b);
			cairo_surface_destroy(dst);
			return -1;
		}
		*len = b.len;
		*data = buf_steal(&b);
	}
	cairo_surface_destroy(dst);
	return 0;
}
