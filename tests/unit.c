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
#include "lay/powermap.h"
#include "lay/tieroute.h"
#include "read/quotes.h"
#include "read/streamsafe.h"
#include "base/suggest.h"
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

static void
test_timeline_spread(void)
{
	/* Three events in a week of 2026 and one in 2019: the close ones
	 * take rows; none in a row closer than the gap. */
	const double x[] = { 10, 400, 401, 402, 403, 404 };
	double at[6];
	int row[6], ok = 1;

	timeline_spread(x, 6, 16, 3, row, at);
	for (int i = 0; i < 6; i++)
		for (int j = 0; j < i; j++)
			if (row[i] == row[j] && at[i] - at[j] < 16 - 1e-9)
				ok = 0;
	CHECK(ok);
	CHECK(row[0] == 0 && at[0] == 10);
	CHECK(row[1] == 0 && row[2] == 1 && row[3] == 2);
	CHECK(at[4] >= 416 && at[5] >= at[4]);	/* pushed right, in order */
}

static void
test_powermap_place(void)
{
	const double W = 423, H = 318, r = 15, bw = 136, bh = 90;

	for (size_t n = 1; n <= POWERMAP_MAX; n++) {
		double x[POWERMAP_MAX], y[POWERMAP_MAX];
		int ok = 1;

		powermap_place(n, W, H, x, y);
		for (size_t i = 0; i < n; i++) {
			/* Inside the diagram, clear of the centre box. */
			if (x[i] - r < 0 || x[i] + r > W || y[i] - r < 0 || y[i] + r > H)
				ok = 0;
			if (fabs(x[i] - W / 2) < bw / 2 + r && fabs(y[i] - H / 2) < bh / 2 + r)
				ok = 0;
			for (size_t j = 0; j < i; j++)
				if (hypot(x[i] - x[j], y[i] - y[j]) < 2 * r + 20)
					ok = 0;
		}
		if (!ok)
			printf("FAIL powermap_place: overlap with %zu players\n", n);
		CHECK(ok);
	}
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
	/* The label avoids a taken middle, and stays inside the diagram. */
	{
		struct tie_rect taken[1], spot;
		double lx, ly;

		tie_route(20, 20, 400, 20, 15, 0, cx, cy, bw, bh, p);
		tie_label_spot(p, 40, 10, W, H, NULL, 0, &spot, &lx, &ly);
		CHECK(fabs(lx - 208) < 1e-9 && fabs(ly - 20) < 1e-9);	/* the middle */
		taken[0] = (struct tie_rect){ 150, 0, 270, 40 };
		tie_label_spot(p, 40, 10, W, H, taken, 1, &spot, &lx, &ly);
		CHECK(tie_overlap(&spot, &taken[0]) == 0);
		CHECK(spot.x0 >= 0 && spot.x1 <= W && spot.y0 >= 0 && spot.y1 <= H);
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

int
main(void)
{
	test_dates();
	test_ticks();
	test_diags();
	test_href();
	test_output();
	test_timeline_spread();
	test_powermap_place();
	test_tieroute();
	test_streamsafe();
	test_suggest();
	test_hyph();
	test_quotes();
	printf("unit: %d passed, %d failed\n", passed, failed);
	return failed ? 1 : 0;
}
