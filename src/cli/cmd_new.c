/* cmd_new.c: briefing new: write a commented skeleton of a story, or of
 * an edition, that passes check; never over an existing file. */
#include <errno.h>
#include <fcntl.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "base/util.h"
#include "cli/cli.h"

/* The parts of a story, with comments saying what goes in each.  %s: the
 * story's id and date. */
static const char story_body[] =
"<story id=\"%s\" date=\"%s\" category=\"Topic\">\n"
"  <!-- The headline: one sentence. -->\n"
"  <title>What happened, in one line</title>\n"
"  <!-- The points a reader must take away, one <point> each. -->\n"
"  <overview>\n"
"    <point>The first thing to know.</point>\n"
"    <point>Why it matters.</point>\n"
"  </overview>\n"
"  <!-- Everything below is optional, but keeps this order: analysis,\n"
"       timeline, power-map, voices, media, sources. -->\n"
"  <analysis>\n"
"    <section>\n"
"      <title>A section heading</title>\n"
"      <p>A paragraph. Text may hold <em>emphasis</em>, <strong>strong\n"
"      words</strong> and <a href=\"https://example.com\">links</a>.</p>\n"
"      <quote by=\"Someone quoted\">A pull quote.</quote>\n"
"      <!-- A chart: type is bar, stacked-bar or line; values are numbers.\n"
"      <chart type=\"bar\" unit=\"$B\">\n"
"        <title>What the chart shows</title>\n"
"        <series name=\"2026\">\n"
"          <value label=\"First\">10</value>\n"
"          <value label=\"Second\">12.5</value>\n"
"        </series>\n"
"      </chart>\n"
"      -->\n"
"    </section>\n"
"  </analysis>\n"
"  <!-- Dates are YYYY, YYYY-MM or YYYY-MM-DD. -->\n"
"  <timeline>\n"
"    <event date=\"%s\">What happened that day.</event>\n"
"  </timeline>\n"
"  <!-- Who gains and who loses: stance is gains, loses, mixed or neutral;\n"
"       a relation joins two players by their ids. -->\n"
"  <power-map>\n"
"    <player id=\"first\" name=\"First player\" stance=\"gains\">Their "
"role.</player>\n"
"    <player id=\"second\" name=\"Second player\" stance=\"loses\">Their "
"role.</player>\n"
"    <relation from=\"first\" to=\"second\">what passes between "
"them</relation>\n"
"  </power-map>\n"
"  <voices>\n"
"    <voice name=\"A name\" role=\"Their role\">What they said or "
"think.</voice>\n"
"  </voices>\n"
"  <sources>\n"
"    <source outlet=\"An outlet\" href=\"https://example.com\">The title of "
"the article</source>\n"
"  </sources>\n"
"</story>\n";

static const char head[] =
"<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
"<?xml-model href=\"" DATADIR "/schema/story.rng\"\n"
"            schematypens=\"http://relaxng.org/ns/structure/1.0\"?>\n"
"<!-- Check it with 'briefing check %s', make the PDF with\n"
"     'briefing render %s'; 'briefing schema' prints every element and\n"
"     attribute allowed (editors use it through the line above). -->\n";

/* An id from the file's name: its letters, digits, '-', '_' and '.', the
 * rest as '-', starting with a letter (malloc'd). */
static char *
id_from(const char *path)
{
	const char *base = strrchr(path, '/') ? strrchr(path, '/') + 1 : path;
	size_t n = strlen(base);
	struct buf b;

	if (n > 4 && strcmp(base + n - 4, ".xml") == 0)
		n -= 4;
	buf_init(&b);
	if (n == 0 || !((base[0] >= 'a' && base[0] <= 'z') ||
	    (base[0] >= 'A' && base[0] <= 'Z')))
		buf_adds(&b, "story-");
	for (size_t i = 0; i < n && i < 64; i++) {
		char c = base[i];

		buf_addc(&b, (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' || c == '.' ?
		    c : '-');
	}
	return buf_steal(&b);
}

/* Today (or SOURCE_DATE_EPOCH's day, checked by main) as YYYY-MM-DD. */
static void
today(char out[16])
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	time_t t = s && *s ? (time_t)strtoll(s, NULL, 10) : time(NULL);
	struct tm tm;

	gmtime_r(&t, &tm);
	strftime(out, 16, "%Y-%m-%d", &tm);
}

/* The skeleton's text for path (malloc'd). */
static char *
skeleton(const char *path, int edition)
{
	char day[16], *id = id_from(path);
	struct buf b;

	today(day);
	buf_init(&b);
	/* A comment may not hold "--" nor end with "-". */
	if (strstr(path, "--") || path[strlen(path) - 1] == '-')
		path = "FILE.xml";
	buf_printf(&b, head, path, path);
	if (edition)
		buf_printf(&b, "<!-- An edition: a cover and contents, then its "
		    "stories.  Each story can\n     stand here, or come from a "
		    "file of its own:\n       <xi:include href=\"stories/one.xml\"/>"
		    "\n-->\n<briefing xmlns:xi=\"http://www.w3.org/2001/XInclude\"\n"
		    "          title=\"The Briefing\" edition=\"Issue 1\" date=\"%s\"\n"
		    "          audience=\"its readers\" author=\"its authors\">\n",
		    day);
	buf_printf(&b, story_body, edition ? "first-story" : id, day, day);
	if (edition)
		buf_adds(&b, "</briefing>\n");
	free(id);
	return buf_steal(&b);
}

/* Write text to path, which must not exist.  Returns an exit status. */
static int
write_new(const char *path, const char *text)
{
	size_t len = strlen(text), off = 0;
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);

	if (fd < 0 && errno == EEXIST)
		return cli_usage_error("%s already exists; new never writes over "
		    "a file: name another", path);
	if (fd < 0) {
		fprintf(stderr, "briefing: error: cannot create %s: %s\n", path,
		    strerror(errno));
		return EXIT_SYSTEM;
	}
	while (off < len) {
		ssize_t w = write(fd, text + off, len - off);

		if (w < 0 && errno == EINTR)
			continue;
		if (w <= 0) {
			fprintf(stderr, "briefing: error: cannot write %s: %s\n",
			    path, strerror(errno));
			close(fd);
			unlink(path);
			return EXIT_SYSTEM;
		}
		off += (size_t)w;
	}
	if (close(fd) != 0) {
		fprintf(stderr, "briefing: error: cannot write %s: %s\n", path,
		    strerror(errno));
		unlink(path);
		return EXIT_SYSTEM;
	}
	return EXIT_OK;
}

/* briefing new [--edition] FILE.xml; see cli.h. */
int
cmd_new(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "edition", no_argument, NULL, 'E' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c, edition = 0, r;
	char *text;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (c == 'E')
			edition = 1;
		else if (c == 'h')
			return cli_help("new");
		else
			return cli_bad_option(c, argv, longopts);
	}
	if (optind >= argc)
		return cli_usage_error("%s", "new needs the name of the file to "
		    "write");
	if (optind + 1 < argc)
		return cli_usage_error("new writes one file, not '%s' too",
		    argv[optind + 1]);
	text = skeleton(argv[optind], edition);
	r = write_new(argv[optind], text);
	free(text);
	if (r == EXIT_OK)
		printf("wrote %s: check it with 'briefing check %s'\n",
		    argv[optind], argv[optind]);
	return r;
}
