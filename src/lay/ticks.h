/* ticks.h: round ("nice") axis ticks and the numbers written on charts. */
#ifndef BRIEFING_TICKS_H
#define BRIEFING_TICKS_H

#include <stddef.h>

#define TICKS_MAX 16

struct ticks {
	double	lo, hi, step;	/* the axis runs lo..hi in steps of step */
	int	n;		/* number of ticks, lo and hi included */
	int	decimals;	/* decimals needed to write a tick */
};

/* Choose ticks covering [min, max] (min may equal max) with about want
 * intervals, at steps of 1, 2, 2.5 or 5 times a power of ten.  The axis
 * always includes zero when asked (bars start at zero). */
void ticks_nice(double min, double max, int want, int include_zero,
    struct ticks *out);
/* Write v with the given decimals, thousands separated by commas and a
 * true minus sign (U+2212).  Values from 1e15 up or below 1e-4 use an
 * exponent.  buf must hold 48 bytes.  Returns buf. */
char *ticks_format(double v, int decimals, char *buf);
/* Write a tick of axis t: like ticks_format, but one notation for the
 * whole axis (an exponent on every tick when any tick needs one). */
char *ticks_label(const struct ticks *t, double v, char *buf);
/* Decimals needed to write v exactly enough (up to 6). */
int ticks_decimals(double v);

#endif
