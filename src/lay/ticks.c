/* ticks.c: nice numbers for axes. */
#include <math.h>
#include <stdio.h>
#include <string.h>

#include "lay/ticks.h"

static double
nice_step(double rough)
{
	double mag = pow(10, floor(log10(rough)));
	double f = rough / mag;

	if (f <= 1)
		f = 1;
	else if (f <= 2)
		f = 2;
	else if (f <= 2.5)
		f = 2.5;
	else if (f <= 5)
		f = 5;
	else
		f = 10;
	return f * mag;
}

/* Decimals a value needs; see ticks.h. */
int
ticks_decimals(double v)
{
	v = fabs(v);
	for (int d = 0; d <= 6; d++) {
		double s = pow(10, d);

		if (fabs(v * s - round(v * s)) < 1e-6 * (v * s > 1 ? v * s : 1))
			return d;
	}
	return 6;
}

/* Choose ticks; see ticks.h. */
void
ticks_nice(double min, double max, int want, int include_zero, struct ticks *out)
{
	double step;

	if (include_zero) {
		if (min > 0)
			min = 0;
		if (max < 0)
			max = 0;
	}
	if (!(max > min)) {	/* one value, or all equal */
		double m = fabs(max) > 0 ? fabs(max) : 1;

		min -= m / 2;
		max += m / 2;
		if (include_zero && min < 0 && max > 0 && min * max < 0) {
			if (fabs(min) < fabs(max))
				min = 0;
			else
				max = 0;
		}
	}
	if (want < 2)
		want = 2;
	step = nice_step((max - min) / want);
	/* Keep the tick count within bounds for any range. */
	while ((ceil(max / step - 1e-9) - floor(min / step + 1e-9)) > TICKS_MAX - 1)
		step = nice_step(step * 1.5);
	out->step = step;
	out->lo = floor(min / step + 1e-9) * step;
	out->hi = ceil(max / step - 1e-9) * step;
	out->n = (int)llround((out->hi - out->lo) / step) + 1;
	out->decimals = ticks_decimals(step);
	if (out->decimals < ticks_decimals(out->lo))
		out->decimals = ticks_decimals(out->lo);
}

/* Format a chart number; see ticks.h. */
char *
ticks_format(double v, int decimals, char *buf)
{
	char raw[48], *p = buf;
	const char *dot, *digits;
	size_t intlen;

	if (v == 0)
		v = 0;	/* no "-0" */
	if (fabs(v) >= 1e15 || (fabs(v) < 1e-4 && v != 0)) {
		snprintf(raw, sizeof(raw), "%.3g", fabs(v));
	} else
		snprintf(raw, sizeof(raw), "%.*f", decimals, fabs(v));
	if (v < 0 && strspn(raw, "0.") != strlen(raw)) {
		memcpy(p, "\xe2\x88\x92", 3);	/* U+2212 MINUS SIGN */
		p += 3;
	}
	if (strchr(raw, 'e')) {
		strcpy(p, raw);
		return buf;
	}
	digits = raw;
	dot = strchr(raw, '.');
	intlen = dot ? (size_t)(dot - raw) : strlen(raw);
	for (size_t i = 0; i < intlen; i++) {
		*p++ = digits[i];
		if ((intlen - i - 1) % 3 == 0 && i + 1 < intlen)
			*p++ = ',';
	}
	strcpy(p, raw + intlen);
	return buf;
}

/* One notation per axis; see ticks.h. */
char *
ticks_label(const struct ticks *t, double v, char *buf)
{
	double big = fmax(fabs(t->lo), fabs(t->hi));

	if (big >= 1e15 || t->step < 1e-4) {
		char raw[48], *p = buf;

		if (fabs(v) < t->step / 1e6)
			return strcpy(buf, "0");
		snprintf(raw, sizeof(raw), "%.3g", fabs(v));
		if (v < 0) {
			memcpy(p, "\xe2\x88\x92", 3);
			p += 3;
		}
		strcpy(p, raw);
		return buf;
	}
	return ticks_format(v, t->decimals, buf);
}
