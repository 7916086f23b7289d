/* date.c: parsing, checking and formatting mixed-precision dates. */
#include <stdio.h>
#include <string.h>

#include "base/date.h"

static const char *const mon_short[] = { "Jan", "Feb", "Mar", "Apr", "May",
    "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };
static const char *const mon_long[] = { "January", "February", "March",
    "April", "May", "June", "July", "August", "September", "October",
    "November", "December" };

static int
leap(int y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
mdays(int y, int m)
{
	static const int n[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31 };

	return m == 2 && leap(y) ? 29 : n[m - 1];
}

static int
digits(const char *s, int n, int *v)
{
	*v = 0;
	for (int i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		*v = *v * 10 + (s[i] - '0');
	}
	return 0;
}

/* Parse a mixed-precision date; see date.h. */
int
date_parse(const char *s, struct date *out, const char **why)
{
	size_t len = strlen(s);

	memset(out, 0, sizeof(*out));
	if ((len != 4 && len != 7 && len != 10) || digits(s, 4, &out->y) ||
	    (len >= 7 && (s[4] != '-' || digits(s + 5, 2, &out->m))) ||
	    (len == 10 && (s[7] != '-' || digits(s + 8, 2, &out->d)))) {
		*why = "expected YYYY, YYYY-MM or YYYY-MM-DD";
		return -1;
	}
	if (out->y < 1) {
		*why = "year 0000 does not exist";
		return -1;
	}
	if (len >= 7 && (out->m < 1 || out->m > 12)) {
		*why = "month must be 01 to 12";
		return -1;
	}
	if (len == 10 && (out->d < 1 || out->d > mdays(out->y, out->m))) {
		*why = "no such day in that month";
		return -1;
	}
	out->prec = len == 4 ? DATE_YEAR : len == 7 ? DATE_MONTH : DATE_DAY;
	return 0;
}

/* Short reader's form; see date.h. */
char *
date_format(const struct date *dt, char *buf)
{
	switch (dt->prec) {
	case DATE_YEAR:
		snprintf(buf, 32, "%d", dt->y);
		break;
	case DATE_MONTH:
		snprintf(buf, 32, "%s %d", mon_short[dt->m - 1], dt->y);
		break;
	case DATE_DAY:
		snprintf(buf, 32, "%d %s %d", dt->d, mon_short[dt->m - 1], dt->y);
		break;
	default:
		buf[0] = '\0';
	}
	return buf;
}

/* Long reader's form; see date.h. */
char *
date_format_long(const struct date *dt, char *buf)
{
	switch (dt->prec) {
	case DATE_YEAR:
		snprintf(buf, 32, "%d", dt->y);
		break;
	case DATE_MONTH:
		snprintf(buf, 32, "%s %d", mon_long[dt->m - 1], dt->y);
		break;
	case DATE_DAY:
		snprintf(buf, 32, "%d %s %d", dt->d, mon_long[dt->m - 1], dt->y);
		break;
	default:
		buf[0] = '\0';
	}
	return buf;
}

/* Days from 1970-01-01 (proleptic Gregorian; Howard Hinnant's method). */
long
date_days(int y, int m, int d)
{
	long era, yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = y - era * 400;
	doy = (153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1;
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return era * 146097 + doe - 719468;
}

/* Axis position of the middle of the period; see date.h. */
double
date_axis(const struct date *dt)
{
	switch (dt->prec) {
	case DATE_YEAR:
		return (date_days(dt->y, 1, 1) + date_days(dt->y + 1, 1, 1)) / 2.0;
	case DATE_MONTH:
		return date_days(dt->y, dt->m, 1) + mdays(dt->y, dt->m) / 2.0;
	case DATE_DAY:
		return date_days(dt->y, dt->m, dt->d) + 0.5;
	default:
		return 0;
	}
}

/* Order by first day, then coarser precision first. */
int
date_cmp(const struct date *a, const struct date *b)
{
	long x = date_days(a->y, a->m ? a->m : 1, a->d ? a->d : 1);
	long y = date_days(b->y, b->m ? b->m : 1, b->d ? b->d : 1);

	if (x != y)
		return x < y ? -1 : 1;
	return (int)a->prec - (int)b->prec;
}

/* Short month name; see date.h. */
const char *
date_month_short(int m)
{
	return mon_short[(m - 1) % 12];
}
