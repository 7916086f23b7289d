/* pngdiff.c: compare two PNG renderings of a page.
 *
 *   pngdiff A.png B.png [MAX_MEAN [MAX_FAR]]
 *
 * Both pictures are averaged over blocks of 4 x 4 pixels first, so that two
 * rasterisers' different anti-aliasing of the same glyph edges does not
 * count, while anything drawn in one and not the other, or misplaced by
 * more than a few pixels, does.  Prints the mean absolute difference per
 * channel (0-255) and the share of blocks whose difference in some channel
 * exceeds 64.  Exits 1 when the sizes differ or either figure is over its
 * limit (defaults 3.0 and 0.5%), 2 when a file cannot be read. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>

#include <cairo.h>

#define BLOCK 4

int
main(int argc, char **argv)
{
	cairo_surface_t *a, *b;
	double max_mean = argc > 3 ? atof(argv[3]) : 3.0;
	double max_far = argc > 4 ? atof(argv[4]) : 0.005;
	double sum = 0, mean, far_share;
	long far = 0, n;
	int w, h, sa, sb;

	if (argc < 3) {
		fprintf(stderr, "usage: pngdiff A.png B.png [MAX_MEAN [MAX_FAR]]\n");
		return 2;
	}
	a = cairo_image_surface_create_from_png(argv[1]);
	b = cairo_image_surface_create_from_png(argv[2]);
	if (cairo_surface_status(a) || cairo_surface_status(b)) {
		fprintf(stderr, "pngdiff: cannot read %s\n",
		    cairo_surface_status(a) ? argv[1] : argv[2]);
		return 2;
	}
	w = cairo_image_surface_get_width(a);
	h = cairo_image_surface_get_height(a);
	if (w != cairo_image_surface_get_width(b) ||
	    h != cairo_image_surface_get_height(b)) {
		printf("sizes differ: %dx%d and %dx%d\n", w, h,
		    cairo_image_surface_get_width(b), cairo_image_surface_get_height(b));
		return 1;
	}
	sa = cairo_image_surface_get_stride(a);
	sb = cairo_image_surface_get_stride(b);
	n = 0;
	for (int by = 0; by + BLOCK <= h; by += BLOCK)
		for (int bx = 0; bx + BLOCK <= w; bx += BLOCK) {
			double worst = 0;

			for (int c = 0; c < 3; c++) {
				double ma = 0, mb = 0, d;

				for (int y = by; y < by + BLOCK; y++)
					for (int x = bx; x < bx + BLOCK; x++) {
						ma += cairo_image_surface_get_data(a)[y * sa + 4 * x + c];
						mb += cairo_image_surface_get_data(b)[y * sb + 4 * x + c];
					}
				d = fabs(ma - mb) / (BLOCK * BLOCK);
				sum += d;
				worst = d > worst ? d : worst;
			}
			far += worst > 64;
			n++;
		}
	mean = sum / (3.0 * n);
	far_share = (double)far / n;
	printf("mean difference %.2f, %.3f%% of blocks far apart\n", mean,
	    100 * far_share);
	cairo_surface_destroy(a);
	cairo_surface_destroy(b);
	return mean > max_mean || far_share > max_far;
}
