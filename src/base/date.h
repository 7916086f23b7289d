/* date.h: dates of mixed precision ("2019", "2025-10", "2025-11-03"). */
#ifndef BRIEFING_DATE_H
#define BRIEFING_DATE_H

enum date_prec {
	DATE_NONE,	/* not parsed */
	DATE_YEAR,
	DATE_MONTH,
	DATE_DAY
};

struct date {
	int		y, m, d;	/* m, d are 0 when not given */
	enum date_prec	prec;
};

/* Parse YYYY, YYYY-MM or YYYY-MM-DD into *out, checking the calendar
 * (month 1-12, day within the month, leap years).  Returns 0 on success,
 * -1 with a static explanation in *why on failure. */
int date_parse(const char *s, struct date *out, const char **why);
/* Format as written for readers: "2019", "Oct 2025", "3 Nov 2025".
 * buf must hold 32 bytes.  Returns buf. */
char *date_format(const struct date *dt, char *buf);
/* Long form for page furniture: "2019", "October 2025", "3 November 2025". */
char *date_format_long(const struct date *dt, char *buf);
/* The short name of month m (1-12): "Jan" ... "Dec". */
const char *date_month_short(int m);
/* A day number for placing the date on a proportional axis: the middle of
 * the period the date names (mid-year, mid-month, or noon of the day),
 * in days since 1970-01-01. */
double date_axis(const struct date *dt);
/* Days since 1970-01-01 of a calendar day. */
long date_days(int y, int m, int d);
/* Compare two dates by their first day, then precision.  Returns <0, 0, >0. */
int date_cmp(const struct date *a, const struct date *b);

#endif
