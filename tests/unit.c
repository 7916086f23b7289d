/* unit.c: unit tests of the pure modules (dates, ticks, number formats,
 * diagnostics, link targets, atomic output).  Prints one line per failed
 * check and a "N passed, N failed" total; exits 1 on any failure. */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <hyphen.h>

#include "base/date.h"
#include "base/diag.h"
#include "base/output.h"
#include "base/util.h"
#include "lay/hyph.h"
#include "lay/linebreak.h"
#include "lay/powermap.h"
#include "lay/tieroute.h"
#include "read/quotes.h"
#include "read/streamsafe.h"
#include "base/suggest.h"
#include "base/svg.h"
#include "lay/ticks.h"
#include "lay/timeline.h"
#include "read/validate.h"

static int passed, failed;

#define CHECK(cond) check((cond), #cond, __FILE__, __LINE__)
#define CHECK_STR(a, b) check_str((a), (b), __FILE__, __LINE__)

static void
check(int ok, const char *what, const char *file, int line)
{
	if (ok)
		passed++;
	else {
		failed++;
		printf("FAIL %s:%d: %s\n", file, line, what);
	}
}

static void
check_str(const char *a, const char *b, const char *file, int line)
{
	if (strcmp(a, b) == 0)
		passed++;
	else {
		failed++;
		printf("FAIL %s:%d: \"%s\" != \"%s\"\n", file, line, a, b);
	}
}

static void
test_dates(void)
{
	struct date d;
	const char *why;
	char buf[32];

	CHECK(date_parse("2019", &d, &why) == 0 && d.prec == DATE_YEAR);
	CHECK_STR(date_format(&d, buf), "2019");
	CHECK(date_parse("2025-10", &d, &why) == 0 && d.prec == DATE_MONTH);
	CHECK_STR(date_format(&d, buf), "Oct 2025");
	CHECK(date_parse("2025-11-03", &d, &why) == 0 && d.prec == DATE_DAY);
	CHECK_STR(date_format(&d, buf), "3 Nov 2025");
	CHECK_STR(date_format_long(&d, buf), "3 November 2025");
	CHECK(date_parse("2024-02-29", &d, &why) == 0);
	CHECK(date_parse("2025-02-29", &d, &why) != 0);
	CHECK_STR(why, "no such day in that month");
	CHECK(date_parse("1900-02-29", &d, &why) != 0);
	CHECK(date_parse("2000-02-29", &d, &why) == 0);
	CHECK(date_parse("2025-13", &d, &why) != 0);
	CHECK_STR(why, "month must be 01 to 12");
	CHECK(date_parse("2025-1-3", &d, &why) != 0);
	CHECK(date_parse("0000", &d, &why) != 0);
	CHECK(date_parse("", &d, &why) != 0);
	CHECK(date_parse("20x5", &d, &why) != 0);
	CHECK(date_days(1970, 1, 1) == 0);
	CHECK(date_days(2026, 4, 28) == 20571);
	/* Axis positions: mid-period, ordered, proportional. */
	{
		struct date a, b, c;

		date_parse("2019", &a, &why);
		date_parse("2019-07", &b, &why);
		date_parse("2019-07-01", &c, &why);
		CHECK(fabs(date_axis(&a) - (date_days(2019, 7, 2) + 0.5)) < 1.0);
		CHECK(date_axis(&b) > date_axis(&c));
		CHECK(date_cmp(&a, &b) < 0 && date_cmp(&b, &c) < 0);
	}
}

static void
test_ticks(void)
{
	struct ticks t;
	char buf[48];

	ticks_nice(0, 250, 5, 1, &t);
	CHECK(t.lo == 0 && t.hi == 250 && t.step == 50 && t.n == 6);
	ticks_nice(0, 88, 5, 1, &t);
	CHECK(t.lo == 0 && t.hi == 100 && t.step == 20);
	ticks_nice(-3.5, 12, 5, 1, &t);
	CHECK(t.lo == -5 && t.hi == 15 && t.step == 5);
	ticks_nice(42, 42, 5, 1, &t);	/* one value */
	CHECK(t.lo == 0 && t.hi >= 42 && t.n >= 2);
	ticks_nice(0.001, 0.0042, 4, 0, &t);
	CHECK(t.step == 0.001 && t.decimals == 3);
	ticks_nice(-1e12, 1e12, 5, 1, &t);
	CHECK(t.n <= TICKS_MAX && t.lo <= -1e12 && t.hi >= 1e12);
	ticks_nice(0, 1e-9, 5, 1, &t);
	CHECK(t.n >= 2 && t.n <= TICKS_MAX && t.hi >= 1e-9);
	CHECK_STR(ticks_format(250, 0, buf), "250");
	CHECK_STR(ticks_format(1234567, 0, buf), "1,234,567");
	CHECK_STR(ticks_format(-3.5, 1, buf), "\xe2\x88\x92" "3.5");
	CHECK_STR(ticks_format(-0.0, 0, buf), "0");
	CHECK_STR(ticks_format(2.5, 1, buf), "2.5");
	CHECK_STR(ticks_format(2e20, 0, buf), "2e+20");
	CHECK(ticks_decimals(0.25) == 2 && ticks_decimals(50) == 0);
}

static void
test_diags(void)
{
	struct diags *d = diags_new();
	char *out = NULL;
	size_t len = 0;
	FILE *f = open_memstream(&out, &len);

	diag(d, DIAG_ERROR, "b.xml", 3, 1, "second file");
	diag(d, DIAG_WARNING, "a.xml", 9, 2, "later");
	diag(d, DIAG_ERROR, "a.xml", 2, 7, "earlier\nfolded");
	diag(d, DIAG_ERROR, NULL, 0, 0, "no place");
	CHECK(diags_errors(d) == 3 && diags_warnings(d) == 1);
	diags_print(d, f);
	fclose(f);
	CHECK_STR(out, "briefing: error: no place\n"
	    "a.xml:2:7: error: earlier folded\n"
	    "a.xml:9:2: warning: later\n"
	    "b.xml:3:1: error: second file\n");
	free(out);
	f = open_memstream(&out, &len);
	diag(d, DIAG_WARNING, "x.xml", 1, 0, "say \"hi\"");
	diags_promote(d);
	diags_print_json(d, f);
	fclose(f);
	CHECK_STR(out, "[\n {\"file\": \"x.xml\", \"line\": 1, \"column\": 0, "
	    "\"severity\": \"error\", \"message\": \"say \\\"hi\\\"\"}\n]\n");
	free(out);
	diags_free(d);
}

static void
test_href(void)
{
	CHECK(validate_href("https://example.com/a"));
	CHECK(validate_href("HTTP://x"));
	CHECK(validate_href("mailto:a@b.c"));
	CHECK(!validate_href("javascript:alert(1)"));
	CHECK(!validate_href("file:///etc/passwd"));
	CHECK(!validate_href("ftp://x"));
	CHECK(!validate_href("https://"));
	CHECK(!validate_href("https:///path"));
	CHECK(!validate_href("https://exa mple.com/"));
	CHECK(!validate_href("https://example.com/a\tb"));
	CHECK(!validate_href("mailto:"));
	CHECK(!validate_href("mailto:nobody"));
	CHECK(validate_href("https://b\xc3\xbc" "cher.example/\xc3\xa9"));
	{
		char *u = validate_uri_encode("https://b\xc3\xbc" "cher.example/a%20b");

		CHECK(strcmp(u, "https://b%C3%BCcher.example/a%20b") == 0);
		free(u);
	}
}

static void
test_output(void)
{
	char dir[] = "/tmp/briefing-unit-XXXXXX";
	char *path, *err = NULL, *back;
	size_t n;

	CHECK(mkdtemp(dir) != NULL);
	path = xasprintf("%s/out.pdf", dir);
	CHECK(output_write(path, "first", 5, &err) == 0);
	back = read_file(path, &n);
	CHECK(back && n == 5 && memcmp(back, "first", 5) == 0);
	free(back);
	/* A failed write leaves the old file whole and no temporary behind. */
	CHECK(output_write("/nonexistent-dir/x.pdf", "x", 1, &err) == -1);
	CHECK(err && strstr(err, "cannot write /nonexistent-dir/x.pdf") != NULL);
	free(err);
	CHECK(output_write(path, "second", 6, &err) == 0);
	back = read_file(path, &n);
	CHECK(back && n == 6);
	free(back);
	unlink(path);
	CHECK(rmdir(dir) == 0);	/* fails if a temporary was left */
	free(path);
}

/* Distance from point (px, py) to the segment (ax, ay)-(bx, by). */
static double
seg_point(double ax, double ay, double bx, double by, double px, double py)
{
	double dx = bx - ax, dy = by - ay, l = dx * dx + dy * dy, t;

	t = l > 0 ? ((px - ax) * dx + (py - ay) * dy) / l : 0;
	t = t < 0 ? 0 : t > 1 ? 1 : t;
	return hypot(ax + t * dx - px, ay + t * dy - py);
}

/* Distance between two segments (0 when they cross). */
static double
seg_seg(const double *a, const double *b)
{
	double d1 = (b[2] - b[0]) * (a[1] - b[1]) - (b[3] - b[1]) * (a[0] - b[0]);
	double d2 = (b[2] - b[0]) * (a[3] - b[1]) - (b[3] - b[1]) * (a[2] - b[0]);
	double d3 = (a[2] - a[0]) * (b[1] - a[1]) - (a[3] - a[1]) * (b[0] - a[0]);
	double d4 = (a[2] - a[0]) * (b[3] - a[1]) - (a[3] - a[1]) * (b[2] - a[0]);

	if (((d1 > 0 && d2 < 0) || (d1 < 0 && d2 > 0)) &&
	    ((d3 > 0 && d4 < 0) || (d3 < 0 && d4 > 0)))
		return 0;
	return fmin(fmin(seg_point(b[0], b[1], b[2], b[3], a[0], a[1]),
	    seg_point(b[0], b[1], b[2], b[3], a[2], a[3])),
	    fmin(seg_point(a[0], a[1], a[2], a[3], b[0], b[1]),
	    seg_point(a[0], a[1], a[2], a[3], b[2], b[3])));
}

/* Distance from a segment to a rectangle (0 when it enters it). */
static double
seg_rect(const double *s, const struct tie_rect *r)
{
	const double e[4][4] = { { r->x0, r->y0, r->x1, r->y0 },
	    { r->x1, r->y0, r->x1, r->y1 }, { r->x1, r->y1, r->x0, r->y1 },
	    { r->x0, r->y1, r->x0, r->y0 } };
	double d = INFINITY;

	if (s[0] > r->x0 && s[0] < r->x1 && s[1] > r->y0 && s[1] < r->y1)
		return 0;
	for (int i = 0; i < 4; i++)
		d = fmin(d, seg_seg(s, e[i]));
	return d;
}

/* The axis: a long empty stretch is cut out, the rest keeps order and
 * proportion within its stretch; the story's day stays on it. */
static void
test_timeline_axis(void)
{
	/* The seed: 2019, Oct 2025, 3 Nov 2025, Feb 2026, 27 and 28 Apr 2026
	 * (the story's day). */
	double a[7], b[7], x[7];
	struct tl_span sp[7];
	size_t ns;

	a[0] = date_days(2019, 1, 1), b[0] = date_days(2020, 1, 1);
	a[1] = date_days(2025, 10, 1), b[1] = date_days(2025, 11, 1);
	a[2] = date_days(2025, 11, 3), b[2] = a[2] + 1;
	a[3] = date_days(2026, 2, 1), b[3] = date_days(2026, 3, 1);
	a[4] = date_days(2026, 4, 27), b[4] = a[4] + 1;
	a[5] = date_days(2026, 4, 28), b[5] = a[5] + 1;
	a[6] = a[5], b[6] = b[5];
	ns = timeline_axis(a, b, 7, 14, 409, 18, sp);
	CHECK(ns == 2);				/* one break, after 2019 */
	CHECK(sp[0].hi <= date_days(2020, 3, 1) && sp[1].lo >= date_days(2025, 8, 1));
	CHECK(fabs(sp[1].x0 - sp[0].x1 - 18) < 1e-9 && sp[0].x0 == 14 &&
	    fabs(sp[1].x1 - 409) < 1e-9);
	/* The dense stretch gets more of the width than the lone year. */
	CHECK(sp[1].x1 - sp[1].x0 > 1.4 * (sp[0].x1 - sp[0].x0));
	for (int i = 0; i < 7; i++)
		x[i] = timeline_x(sp, ns, (a[i] + b[i]) / 2);
	for (int i = 1; i < 7; i++)
		CHECK(x[i] >= x[i - 1]);	/* order kept */
	/* Evenly spread events: no break at all, fully proportional. */
	for (int i = 0; i < 5; i++) {
		a[i] = date_days(2025, 1 + 2 * i, 1);
		b[i] = a[i] + 1;
	}
	ns = timeline_axis(a, b, 5, 0, 400, 18, sp);
	CHECK(ns == 1);
	CHECK(fabs((timeline_x(sp, ns, a[2]) - timeline_x(sp, ns, a[0])) /
	    (timeline_x(sp, ns, a[4]) - timeline_x(sp, ns, a[2])) -
	    (a[2] - a[0]) / (a[4] - a[2])) < 1e-9);
	CHECK(timeline_axis(a, b, 0, 0, 400, 18, sp) == 0);
	/* Separation: least squares, order kept, inside the bounds. */
	{
		double p[4] = { 100, 100.5, 101, 300 }, g[3] = { 7, 7, 7 };

		timeline_separate(p, g, 4, 0, 400);
		CHECK(fabs(p[1] - 100.5) < 1e-9 && fabs(p[0] - 93.5) < 1e-9 &&
		    fabs(p[2] - 107.5) < 1e-9 && p[3] == 300);
		p[0] = 1, p[1] = 1, p[2] = 2, p[3] = 399;
		timeline_separate(p, g, 4, 0, 400);
		CHECK(p[0] == 0 && p[1] == 7 && p[2] == 14 && p[3] == 399);
	}
}

/* Markers over clusters of events: no two touch, no stem touches another
 * marker or another stem, order is kept. */
static void
test_timeline_marks(void)
{
	const double r = 6.5, rowh = 2 * r + 5, clear = 3, W = 423;
	/* Day positions (already 7 apart) of: the seed; a tight cluster of
	 * 12; 30 events bunched at both ends; one wide "5-6" pill among
	 * narrow ones. */
	static const double sets[4][30] = {
		{ 87, 190, 201, 310, 391, 398 },
		{ 300, 307, 314, 321, 328, 335, 342, 349, 356, 363, 370, 377 },
		{ 14, 21, 28, 35, 42, 49, 56, 63, 70, 77, 84, 91, 98, 105, 112,
		  300, 307, 314, 321, 328, 335, 342, 349, 356, 363, 370, 377, 384,
		  391, 398 },
		{ 200, 207, 214, 221 },
	};
	static const size_t count[4] = { 6, 12, 30, 4 };

	for (int set = 0; set < 4; set++) {
		struct tl_mark m[30];
		struct tie_rect box[30];
		double stem[30][6], cy0, elbow, ay, zone = 8;
		size_t n = count[set];
		int rows, ok = 1;

		for (size_t i = 0; i < n; i++) {
			m[i].want = sets[set][i];
			m[i].hw = set == 3 && i == 1 ? 11 : r;
		}
		rows = timeline_marks(m, n, clear, 0, W);
		CHECK(rows >= 1 && rows <= 2);
		cy0 = r + (rows - 1) * rowh;
		elbow = cy0 + r + 2;
		for (size_t i = 0; i < n; i++)
			zone = fmax(zone, fabs(m[i].x - m[i].want) * 0.4);
		ay = elbow + (zone > 30 ? 30 : zone) + 3;
		for (size_t i = 0; i < n; i++) {
			double cy = cy0 - m[i].row * rowh;

			box[i] = (struct tie_rect){ m[i].x - m[i].hw, cy - r, m[i].x + m[i].hw,
			    cy + r };
			timeline_stem(&m[i], cy0, rowh, r, elbow, ay - 3.5, stem[i]);
			if (box[i].x0 < 0 || box[i].x1 > W)
				ok = 0;
			if (i > 0 && m[i].x <= m[i - 1].x)
				ok = 0;	/* order */
		}
		for (size_t i = 0; i < n; i++)
			for (size_t j = 0; j < n; j++) {
				if (i == j)
					continue;
				/* Badges apart by clear, even across rows. */
				if (j < i && box[i].x0 < box[j].x1 + clear &&
				    box[j].x0 < box[i].x1 + clear && box[i].y0 < box[j].y1 &&
				    box[j].y0 < box[i].y1)
					ok = 0;
				/* A stem's two pieces clear of every other badge and,
				 * by more than their widths, of every other stem. */
				for (int k = 0; k < 2; k++) {
					const double *s = &stem[i][2 * k];

					if (seg_rect(s, &box[j]) < 2)
						ok = 0;
					for (int q = 0; j < i && q < 2; q++)
						if (seg_seg(s, &stem[j][2 * q]) < 1)
							ok = 0;
				}
			}
		if (!ok)
			printf("FAIL timeline_marks: set %d\n", set);
		CHECK(ok);
	}
}

/* True when n badges placed in a W x H diagram sit inside it, clear of
 * the centre box and of each other. */
static int
placed_apart(size_t n, double W, double H)
{
	const double r = 15, bw = 136, bh = 90;
	double x[POWERMAP_MAX], y[POWERMAP_MAX];

	powermap_place(n, W, H, x, y);
	for (size_t i = 0; i < n; i++) {
		if (x[i] - r < 0 || x[i] + r > W || y[i] - r < 0 || y[i] + r > H)
			return 0;
		if (fabs(x[i] - W / 2) < bw / 2 + r && fabs(y[i] - H / 2) < bh / 2 + r)
			return 0;
		for (size_t j = 0; j < i; j++)
			if (hypot(x[i] - x[j], y[i] - y[j]) < 2 * r + 20)
				return 0;
	}
	return 1;
}

/* Badges apart at the diagram's full height, and at the shortest it
 * takes at a page's end. */
static void
test_powermap_place(void)
{
	for (size_t n = 1; n <= POWERMAP_MAX; n++) {
		int ok = placed_apart(n, 423, 318) &&
		    placed_apart(n, 423, powermap_min_height(n));

		if (!ok)
			printf("FAIL powermap_place: overlap with %zu players\n", n);
		CHECK(ok);
	}
	CHECK(powermap_min_height(6) < powermap_min_height(12));
}

/* A word of width w then a space (3 wide, TeX's stretch and shrink). */
static size_t
lb_word(struct lb_item *it, size_t n, double w, int space)
{
	memset(&it[n], 0, 2 * sizeof(*it));
	it[n].kind = LB_BOX;
	it[n].width = w;
	if (!space)
		return n + 1;
	it[n + 1].kind = LB_GLUE;
	it[n + 1].width = 3;
	it[n + 1].stretch = 1.5;
	it[n + 1].shrink = 1;
	return n + 2;
}

/* The adjustment ratio of the line of items [a, b) ending at break b. */
static double
lb_ratio(const struct lb_item *it, size_t a, size_t b, double width)
{
	double L = 0, y = 0, z = 0;

	for (size_t i = a; i < b; i++)
		if (it[i].kind != LB_PENALTY) {
			L += it[i].width;
			y += it[i].stretch;
			z += it[i].shrink;
		}
	if (it[b].kind == LB_PENALTY)
		L += it[b].width;
	return L <= width ? (width - L) / y : (width - L) / z;
}

/* Total-fit breaking: even lines, the tolerance kept, at most two
 * hyphenated lines in a row, -1 when nothing fits. */
static void
test_linebreak(void)
{
	struct lb_item it[400];
	size_t brk[400], n = 0;
	int lines, run = 0, most = 0, hyphens = 0, within = 1;

	/* Twelve words of 10, 50 wide: four to a line, three lines. */
	for (int i = 0; i < 12; i++)
		n = lb_word(it, n, 10, i < 11);
	CHECK(linebreak(it, n, 50, brk) == 3);
	CHECK(brk[0] == 7 && brk[1] == 15);
	CHECK(linebreak(it, n, 500, brk) == 1);		/* all on one line */
	/* Ninety words of 6 to 35 points: every line but the last within
	 * its shrink, no word lost, no more lines than needed. */
	{
		unsigned seed = 7;
		double total = 0;
		int ok = 1;

		n = 0;
		for (int i = 0; i < 90; i++) {
			seed = seed * 1103515245u + 12345u;
			n = lb_word(it, n, 6 + (seed >> 16) % 30, i < 89);
			total += it[n - (i < 89 ? 2 : 1)].width + (i < 89 ? 3 : 0);
		}
		lines = linebreak(it, n, 150, brk);
		CHECK(lines >= (int)(total / (150 + 30)) && lines <= (int)(total / 150) + 2);
		for (int k = 0; k + 1 < lines; k++) {
			double r = lb_ratio(it, k ? brk[k - 1] + 1 : 0, brk[k], 150);

			ok &= r >= -1 && (k == 0 || brk[k] > brk[k - 1]);
		}
		CHECK(lines > 0 && ok);
	}
	/* The same words with a hyphen in the middle of each, at 74 points
	 * (where TeX's demerits alone would hyphenate seven lines running):
	 * hyphens, but never three hyphenated lines in a row. */
	{
		unsigned seed = 7;

		n = 0;
		for (int i = 0; i < 90; i++) {
			double w;

			seed = seed * 1103515245u + 12345u;
			w = 12 + (seed >> 16) % 30;
			n = lb_word(it, n, w / 2, 0);
			memset(&it[n], 0, sizeof(it[n]));
			it[n].kind = LB_PENALTY;
			it[n].width = 2;
			it[n].penalty = 50;
			it[n++].flagged = 1;
			n = lb_word(it, n, w / 2, i < 89);
		}
	}
	lines = linebreak(it, n, 74, brk);
	CHECK(lines > 5);
	for (int k = 0; k + 1 < lines; k++) {
		double r = lb_ratio(it, k ? brk[k - 1] + 1 : 0, brk[k], 74);

		within &= r >= -1;
		run = it[brk[k]].kind == LB_PENALTY ? run + 1 : 0;
		hyphens += it[brk[k]].kind == LB_PENALTY;
		most = run > most ? run : most;
	}
	CHECK(within);
	CHECK(hyphens > 0 && most <= 2);
	/* Nothing sets well (long words, few spaces): the last pass never
	 * leaves a short word alone on a line it cannot stretch. */
	n = 0;
	n = lb_word(it, n, 10, 1);
	n = lb_word(it, n, 45, 1);
	n = lb_word(it, n, 46, 1);
	n = lb_word(it, n, 95, 0);
	lines = linebreak(it, n, 100, brk);
	CHECK(lines == 3 && brk[0] == 3);	/* "10 45 | 46 | 95", not "10 | 45 46 | 95" */
	/* A word wider than the line: no set of lines. */
	n = 0;
	n = lb_word(it, n, 30, 1);
	n = lb_word(it, n, 90, 0);
	CHECK(linebreak(it, n, 70, brk) == -1);
}

/* Tie curves keep clear of the subject box, mutual ties part, labels
 * go where they cover least. */
static void
test_tieroute(void)
{
	const double W = 423, H = 318, cx = W / 2, cy = H / 2, bw = 136, bh = 60;
	const struct tie_rect box = { cx - bw / 2, cy - bh / 2, cx + bw / 2, cy + bh / 2 };
	struct tie_rect a = { 0, 0, 10, 10 }, b = { 5, 5, 20, 20 }, c = { 10, 0, 20, 10 };
	double p[8], q[8], x, y, dx, dy;
	int crosses = 0;

	CHECK(tie_overlap(&a, &b) == 25);
	CHECK(tie_overlap(&a, &c) == 0);	/* touching is not overlapping */
	CHECK(tie_route(10, 10, 10.5, 10, 15, 0, cx, cy, bw, bh, p) == -1);
	/* Straight across the box, left to right: the curve must bend
	 * around it, not through it. */
	CHECK(tie_route(20, cy, W - 20, cy, 15, 0, cx, cy, bw, bh, p) == 0);
	for (int i = 0; i <= 100; i++) {
		tie_point(p, i / 100.0, &x, &y, &dx, &dy);
		if (x > box.x0 && x < box.x1 && y > box.y0 && y < box.y1)
			crosses = 1;
	}
	CHECK(!crosses);
	/* Ends sit just off the badges (radius 15 plus the gaps). */
	CHECK(fabs(p[0] - 37) < 1e-9 && fabs(p[6] - (W - 41)) < 1e-9);
	/* A tie away from the box is straight; its mutual twin bends left. */
	CHECK(tie_route(20, 20, 120, 20, 15, 0, cx, cy, bw, bh, p) == 0);
	CHECK(p[3] == 20 && p[5] == 20);
	CHECK(tie_route(20, 20, 120, 20, 15, 1, cx, cy, bw, bh, q) == 0);
	CHECK(q[3] > 20 && q[5] > 20);	/* y grows down: the left of east is south */
	/* Segments against rectangles. */
	{
		struct tie_rect r = { 10, 10, 20, 20 };
		struct tie_seg in = { 0, 15, 30, 15 }, by = { 0, 0, 30, 5 },
		    diag = { 0, 30, 30, 0 }, miss = { 0, 12, 8, 0 };

		CHECK(tie_seg_hits(&in, &r) && tie_seg_hits(&diag, &r));
		CHECK(!tie_seg_hits(&by, &r) && !tie_seg_hits(&miss, &r));
	}
}

/* Every tie's label sits beside its own curve, on one side of it: it
 * crosses no stroke (its own included), no badge, no other label; a
 * mutual pair's labels go to their outer sides, one each. */
static void
test_tie_labels(void)
{
	const double W = 423, H = 318, cx = W / 2, cy = H / 2, bw = 124, bh = 90;
	const double r = 15;
	/* Six players seated as the seed's are (tied ones side by side) and
	 * its six ties: two mutual pairs and two single ties; labels of two
	 * short lines. */
	double px[6], py[6];
	static const int ties[6][2] = { { 1, 0 }, { 0, 1 }, { 2, 1 }, { 1, 2 },
	    { 5, 0 }, { 3, 2 } };
	struct tie_seg segs[6 * 12];
	struct tie_rect taken[16], box[6];
	double p[6][8];
	size_t nt = 0;
	int ok = 1, clean = 0;

	powermap_place(6, W, H, px, py);
	taken[nt++] = (struct tie_rect){ cx - bw / 2, cy - bh / 2, cx + bw / 2,
	    cy + bh / 2 };
	for (int i = 0; i < 6; i++)
		taken[nt++] = (struct tie_rect){ px[i] - r, py[i] - r, px[i] + r,
		    py[i] + r };
	for (int t = 0; t < 6; t++) {
		int a = ties[t][0], b = ties[t][1], mutual = 0;

		for (int u = 0; u < t; u++)
			mutual |= ties[u][0] == b && ties[u][1] == a;
		CHECK(tie_route(px[a], py[a], px[b], py[b], r, mutual || t == 0 || t == 2,
		    cx, cy, bw, bh, p[t]) == 0);	/* 0 and 2 have twins later */
		tie_flatten(p[t], 12, segs + 12 * t);
	}
	for (int t = 0; t < 6; t++) {
		int mutual = t < 4;

		if (tie_label_beside(p[t], 48, 20, mutual ? 1 : 0, W, H, taken, nt,
		    segs, 6 * 12, &box[t]) == 0)
			clean++;
		else
			printf("FAIL tie_label_beside: tie %d: %.0f,%.0f-%.0f,%.0f\n", t,
			    box[t].x0, box[t].y0, box[t].x1, box[t].y1);
		taken[nt++] = box[t];
		for (int q = 0; q < 6 * 12; q++)
			if (tie_seg_hits(&segs[q], &box[t]))
				ok = 0;	/* across a stroke */
		for (size_t q = 0; q + 1 < nt; q++)
			if (tie_overlap(&box[t], &taken[q]) > 0)
				ok = 0;	/* over the box, a badge or a label */
		{	/* beside its own curve: its centre within reach of it */
			double mx = (box[t].x0 + box[t].x1) / 2, my = (box[t].y0 + box[t].y1) / 2;
			double near = INFINITY;

			for (int i = 0; i <= 50; i++) {
				double x, y, dx, dy;

				tie_point(p[t], i / 50.0, &x, &y, &dx, &dy);
				near = fmin(near, hypot(x - mx, y - my));
			}
			if (near > 45)
				ok = 0;
		}
	}
	CHECK(ok);
	CHECK(clean == 6);
	/* A mutual pair, east then west: the first's label to the south of
	 * its curve, the second's to the north, apart. */
	{
		double e[8], w[8];
		struct tie_seg s2[24];
		struct tie_rect le, lw;

		tie_route(40, 40, 300, 40, r, 1, cx, 400, bw, bh, e);
		tie_route(300, 40, 40, 40, r, 1, cx, 400, bw, bh, w);
		tie_flatten(e, 12, s2);
		tie_flatten(w, 12, s2 + 12);
		CHECK(tie_label_beside(e, 50, 10, 1, W, H, NULL, 0, s2, 24, &le) == 0);
		CHECK(tie_label_beside(w, 50, 10, 1, W, H, &le, 1, s2, 24, &lw) == 0);
		CHECK(le.y0 > 40 && lw.y1 < 40);
	}
}

/* Runs of combining marks: the 31st in a row is found, starters and
 * bytes that are not UTF-8 end a run. */
static void
test_streamsafe(void)
{
	char s[200];
	size_t n = 0;

	s[n++] = 'a';
	for (int i = 0; i < 30; i++) {
		memcpy(s + n, "\xcc\x81", 2);	/* U+0301 */
		n += 2;
	}
	CHECK(streamsafe_check(s, n) == (size_t)-1);
	memcpy(s + n, "\xcc\x81", 2);
	CHECK(streamsafe_check(s, n + 2) == n);
	s[1 + 2 * 15] = '\xff';	/* a bad byte in the middle: two short runs */
	CHECK(streamsafe_check(s, n + 2) == (size_t)-1);
	CHECK(streamsafe_check("ti\xe1\xba\xbfng Vi\xe1\xbb\x87t", 15) == (size_t)-1);
	CHECK(streamsafe_check("", 0) == (size_t)-1);
}

/* "Did you mean": swaps count once, case is nearest, far words get no
 * guess, a word that is itself a candidate gets none. */
static void
test_suggest(void)
{
	static const char *const cmds[] = { "render", "check", "watch", "mail",
	    "new", "schema", "help" };
	static const char *const els[] = { "section", "title", "p", "quote",
	    "chart", "a", "em", "strong" };

	CHECK(suggest_distance("sectoin", "section") == 1);
	CHECK(suggest_distance("Title", "title") == 0);
	CHECK(suggest_distance("", "abc") == 3);
	CHECK_STR(suggest_nearest("rendr", cmds, 7), "render");
	CHECK_STR(suggest_nearest("wtach", cmds, 7), "watch");
	CHECK_STR(suggest_nearest("sectoin", els, 8), "section");
	CHECK_STR(suggest_nearest("Title", els, 8), "title");
	CHECK(suggest_nearest("xyz", cmds, 7) == NULL);
	CHECK(suggest_nearest("b", els, 8) == NULL);	/* one letter from a, em, p */
	CHECK(suggest_nearest("check", cmds, 7) == NULL);
}

static int
same_str(const char *a, const char *b)
{
	return (a == NULL && b == NULL) || (a && b && strcmp(a, b) == 0);
}

/* The patterns compiled in at build time are libhyphen's own automaton,
 * state for state, and hyphenate as the pattern file does. */
static void
test_hyph(void)
{
	static const char *const words[] = { "partnership", "exclusivity",
	    "infrastructure", "hyphenation", "announcement", "microsoft",
	    "revenue", "international", "interconnector", "capacity" };
	const char *dic = getenv("HYPH_DIC") ? getenv("HYPH_DIC") :
	    "/usr/share/hyphen/hyph_en_US.dic";
	HyphenDict *file = hnj_hyphen_load(dic), *a, *b;
	int levels = 0, states_same = 1;

	CHECK(file != NULL);
	if (file == NULL)
		return;
	for (a = file, b = hyph_patterns(); a && b; a = a->nextlevel, b = b->nextlevel) {
		levels++;
		CHECK(a->num_states == b->num_states);
		CHECK(a->lhmin == b->lhmin && a->rhmin == b->rhmin);
		CHECK(a->clhmin == b->clhmin && a->crhmin == b->crhmin);
		CHECK(a->nohyphenl == b->nohyphenl && a->utf8 == b->utf8);
		CHECK(strcmp(a->cset, b->cset) == 0);
		for (int i = 0; i < a->num_states && i < b->num_states; i++) {
			const HyphenState *x = &a->states[i], *y = &b->states[i];

			if (!same_str(x->match, y->match) || !same_str(x->repl, y->repl) ||
			    (x->repl && (x->replindex != y->replindex ||
			    x->replcut != y->replcut)) ||
			    x->fallback_state != y->fallback_state ||
			    x->num_trans != y->num_trans)
				states_same = 0;
			for (int j = 0; states_same && j < x->num_trans; j++)
				if (x->trans[j].ch != y->trans[j].ch ||
				    x->trans[j].new_state != y->trans[j].new_state)
					states_same = 0;
		}
	}
	CHECK(a == NULL && b == NULL && levels >= 1);
	CHECK(states_same);
	for (size_t w = 0; w < sizeof(words) / sizeof(words[0]); w++) {
		int n = (int)strlen(words[w]);
		char h1[64], h2[64];
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;

		memset(h1, 0, sizeof(h1));
		memset(h2, 0, sizeof(h2));
		hnj_hyphen_hyphenate2(file, words[w], n, h1, NULL, &rep, &pos, &cut);
		hnj_hyphen_hyphenate2(hyph_patterns(), words[w], n, h2, NULL, &rep,
		    &pos, &cut);
		CHECK_STR(h2, h1);
	}
	{	/* And the result is English hyphenation. */
		char h[32];
		char **rep = NULL;
		int *pos = NULL, *cut = NULL;

		memset(h, 0, sizeof(h));
		hnj_hyphen_hyphenate2(hyph_patterns(), "partnership", 11, h, NULL,
		    &rep, &pos, &cut);
		CHECK(h[3] & 1 && h[6] & 1);	/* part-ner-ship */
	}
	hnj_hyphen_free(file);
}

/* Smarten s in lang with no marks; "" when nothing changed. */
static char *
smart(const char *s, const char *lang)
{
	size_t len = strlen(s);
	char *r = quotes_smarten(s, &len, lang, NULL, 0);

	return r ? r : xstrdup("");
}

static void
test_quotes(void)
{
	static const struct { const char *in, *lang, *out; } t[] = {
		{ "employers' final", NULL, "employers\u2019 final" },
		{ "it's \"done\"", NULL, "it\u2019s \u201cdone\u201d" },
		{ "\"a 'b' c.\"", "en-GB", "\u201ca \u2018b\u2019 c.\u201d" },
		{ "the '90s and '07", NULL, "the \u201990s and \u201907" },
		{ "('quoted')", NULL, "(\u2018quoted\u2019)" },
		{ "er sagte \"ja\" und 'nein'", "de", "er sagte \u201eja\u201c und \u201anein\u2018" },
		{ "il dit \"oui\" !", "fr-FR", "il dit \u00ab\u202foui\u202f\u00bb !" },
		{ "il dit \" oui \" !", "fr", "il dit \u00ab\u202foui\u202f\u00bb !" },
		{ "l'homme", "fr", "l\u2019homme" },
		{ "\"Ja\"\u2014sagt er", "de-AT", "\u201eJa\u201c\u2014sagt er" },
		{ "\u2014\"x\"", NULL, "\u2014\u201cx\u201d" },
		{ "no quotes", NULL, "" },
	};

	for (size_t i = 0; i < sizeof(t) / sizeof(t[0]); i++) {
		char *r = smart(t[i].in, t[i].lang);

		CHECK_STR(r, t[i].out);
		free(r);
	}
	{
		/* marks move with the text; a German span in English text */
		const char *in = "say \"x\" <\"ja\">";
		struct mark m[2];
		size_t len = strlen(in);
		char *r;

		memset(m, 0, sizeof(m));
		m[0].kind = MARK_EM;		/* "x" with its quotes */
		m[0].start = 4;
		m[0].end = 7;
		m[1].kind = MARK_LANG;		/* "ja" */
		m[1].lang = (char *)"de";
		m[1].start = 9;
		m[1].end = 13;
		r = quotes_smarten(in, &len, NULL, m, 2);
		CHECK_STR(r, "say \u201cx\u201d <\u201eja\u201c>");
		CHECK(len == strlen(r));
		CHECK(m[0].start == 4 && m[0].end == 11);
		CHECK(m[1].start == 13 && m[1].end == 21);
		free(r);
	}
}

/* The Cairo-script reader of SVG figures (base/cscript.c). */
static int
cs(const char *script, struct svg_drawing *d, char **why, struct pool *pl)
{
	memset(d, 0, sizeof(*d));
	free(*why);
	*why = NULL;
	return cscript_read(script, strlen(script), 100, 50, pl, d, why);
}

static void
test_cscript(void)
{
	struct pool *pl = pool_new();
	struct svg_drawing d;
	char *why = NULL;
	const char *head = "%!CairoScript\n<< /content //COLOR_ALPHA /width 100 "
	    "/height 50 >> surface context\n";
	char buf[2048];

	/* A filled rectangle and its stroke (path kept by fill+), dashed,
	 * under a scale of 2: width and dashes scale, points do not. */
	snprintf(buf, sizeof(buf), "%s1 0 0 rgb set-source\nn 10 10 20 10 rectangle\n"
	    "fill+\n0 0 1 0.5 rgba set-source\n2 2 scale\n1.5 set-line-width\n"
	    "//LINE_CAP_ROUND set-line-cap\n//LINE_JOIN_BEVEL set-line-join\n"
	    "[3 1] 0.5 set-dash\nstroke+\npop\n", head);
	CHECK(cs(buf, &d, &why, pl) == 0 && d.n == 2);
	if (d.n == 2) {
		CHECK(!d.shapes[0].stroke && d.shapes[0].color == 0xff0000ffu);
		CHECK(d.shapes[0].nops == 5 && d.shapes[0].ops[4] == SVG_CLOSE);
		CHECK(d.shapes[0].pts[2] == 30 && d.shapes[0].pts[5] == 20);
		CHECK(d.shapes[1].stroke && d.shapes[1].color == 0x0000ff80u);
		CHECK(d.shapes[1].width == 3 && d.shapes[1].cap == SVG_CAP_ROUND &&
		    d.shapes[1].join == SVG_JOIN_BEVEL);
		CHECK(d.shapes[1].ndash == 2 && d.shapes[1].dash[0] == 6 &&
		    d.shapes[1].dash[1] == 2 && d.shapes[1].dash_off == 1);
	}
	/* A group with opacity 0.5 (as librsvg draws opacity="0.5"): its
	 * shapes' alpha halves; the even-odd rule is kept. */
	snprintf(buf, sizeof(buf), "%s//COLOR_ALPHA [0 0 100 50] record\n"
	    "dup /s1 exch def dup context\n//EVEN_ODD set-fill-rule\n"
	    "0.2 g set-source\nn 1 1 m 9 1 l 9 9 l h\nfill+\npop pattern\n"
	    "  set-source\n0.5 a mask\n/s1 undef\npop\n", head);
	CHECK(cs(buf, &d, &why, pl) == 0 && d.n == 1);
	if (d.n == 1)
		CHECK(d.shapes[0].color == 0x33333380u && d.shapes[0].evenodd);
	/* What cannot be carried as vectors is refused, and says so. */
	snprintf(buf, sizeof(buf), "%s0 0 1 0 linear\n", head);
	CHECK(cs(buf, &d, &why, pl) != 0 && why && strstr(why, "gradient"));
	snprintf(buf, sizeof(buf), "%sn 0 0 m 50 0 l 50 50 l h\nclip+\n", head);
	CHECK(cs(buf, &d, &why, pl) != 0 && why && strstr(why, "not a rectangle"));
	snprintf(buf, sizeof(buf), "%sn 0 0 10 10 rectangle\nclip+\nn 5 5 20 20 "
	    "rectangle\nfill+\n", head);
	CHECK(cs(buf, &d, &why, pl) != 0 && why && strstr(why, "clip path cuts"));
	snprintf(buf, sizeof(buf), "%sn 0 0 10 10 rectangle\nclip+\nn 2 2 5 5 "
	    "rectangle\nfill+\nreset-clip\n", head);
	CHECK(cs(buf, &d, &why, pl) == 0 && d.n == 1);
	snprintf(buf, sizeof(buf), "%sn 90 40 30 30 rectangle\nfill+\n", head);
	CHECK(cs(buf, &d, &why, pl) != 0 && why && strstr(why, "outside its own area"));
	snprintf(buf, sizeof(buf), "%s//MULTIPLY set-operator\n", head);
	CHECK(cs(buf, &d, &why, pl) != 0 && why && strstr(why, "MULTIPLY"));
	snprintf(buf, sizeof(buf), "%s1 2 frobnicate\n", head);
	CHECK(cs(buf, &d, &why, pl) != 0 && why && strstr(why, "'frobnicate'"));
	/* Broken scripts end in an error, never a crash. */
	CHECK(cs("m m m ) ( >> << [1 2", &d, &why, pl) != 0);
	CHECK(cs("[1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17] set-dash", &d, &why, pl) != 0);
	CHECK(cs("pop pop exch dup def", &d, &why, pl) != 0);
	free(why);
	pool_free(pl);
}

int
main(void)
{
	test_dates();
	test_ticks();
	test_diags();
	test_href();
	test_output();
	test_timeline_axis();
	test_timeline_marks();
	test_powermap_place();
	test_tieroute();
	test_linebreak();
	test_tie_labels();
	test_streamsafe();
	test_suggest();
	test_hyph();
	test_quotes();
	test_cscript();
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
