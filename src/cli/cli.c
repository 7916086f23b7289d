/* cli.c: the command table, help texts and usage errors, shared by the
 * briefing program and its mail helper. */
#include <getopt.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "base/output.h"
#include "base/suggest.h"
#include "base/util.h"
#include "cli/cli.h"
#include "read/xmlin.h"

struct command {
	const char	*name;
	int		(*run)(int, char **);
	const char	*summary;
	const char	*usage;
};

static const struct command commands[] = {
	{ "render", cmd_render, "render stories or an edition to PDF or PNG",
	  "usage: briefing render FILE.xml... [-o OUT] [--layout NAME] [-j N]\n"
	  "\n"
	  "Render each FILE.xml (a <story> or a <briefing> edition) to a PDF,\n"
	  "or with -o NAME.png to PNG previews of its pages: 'page-{p}.png'\n"
	  "names each page; without {p}, pages are NAME-1.png, NAME-2.png...\n"
	  "\n"
	  "  -o, --output OUT   write OUT instead of FILE.pdf; '-' is standard\n"
	  "                     output.  Only with a single input.\n"
	  "  --layout NAME      a layout from layouts/ (a4, letter) or a path to\n"
	  "                     a layout file; default: the input's layout=, else a4\n"
	  "  -j, --jobs N       render several files N at a time (default 1), each\n"
	  "                     to its own PDF, sharing the font set-up\n"
	  "  --dump WHAT        print the model ('model') or the display list\n"
	  "                     ('dl') to standard output instead of writing\n"
	  "  --dpi N            resolution of PNG previews (default 150)\n"
	  "  --stats            print the time each stage took, pages and size\n"
	  "  --no-compress      leave the PDF's streams uncompressed (to read them)\n"
	  "  --pdf-standard S   PDF/A-2 as well: a-2b, a-2u or a-2a (default: the\n"
	  "                     input's pdf-standard=, else tagged PDF/UA-1 only)\n"
	  "  -q, --quiet        print nothing but diagnostics\n"
	  "\n"
	  "The PDF is written to a temporary file and renamed into place, so a\n"
	  "failed run leaves the previous PDF untouched.  With SOURCE_DATE_EPOCH\n"
	  "set, output is byte-for-byte reproducible.\n"
	  "\n"
	  "Exit status: 0 success, 1 bad input, 2 usage, 3 output or system failure.\n" },
	{ "check", cmd_check, "validate inputs without rendering",
	  "usage: briefing check FILE.xml... [--werror] [--format text|short|json] [--layout NAME]\n"
	  "\n"
	  "Check each FILE.xml as render would, without writing a PDF: the schema,\n"
	  "dates, numbers, ids and links, every included file, the layout, and that\n"
	  "every character can be drawn with the shipped fonts (a missing one is a\n"
	  "warning naming the character, its code point and its place); a sound\n"
	  "input is laid out too (a run set in a face of another weight, a table\n"
	  "too wide for the page).\n"
	  "\n"
	  "Prints each problem as FILE:LINE:COL: error|warning: message, saying\n"
	  "what was found and what is allowed there, then a summary line.\n"
	  "\n"
	  "  --werror           treat warnings as errors\n"
	  "  --format FORMAT    text: each problem with the line it is on and a\n"
	  "                     caret under its column (the default on a terminal,\n"
	  "                     in colour unless NO_COLOR is set); short: one line\n"
	  "                     per problem (the default otherwise); json: one\n"
	  "                     JSON object\n"
	  "  --layout NAME      check against this layout instead of the input's\n"
	  "\n"
	  "Exit status: 0 clean or warnings only, 1 errors, 2 usage, 3 system failure.\n" },
	{ "new", cmd_new, "write a commented skeleton of a story or an edition",
	  "usage: briefing new [--edition] FILE.xml\n"
	  "\n"
	  "Write FILE.xml: a story with every part, each with a comment saying\n"
	  "what goes there, that passes check as it is; with --edition, a\n"
	  "<briefing> edition holding one such story.  The story's id comes from\n"
	  "the file's name.  An existing file is never written over.\n"
	  "\n"
	  "  --edition          an edition instead of a single story\n"
	  "\n"
	  "Exit status: 0 written, 2 usage or the file exists, 3 write failure.\n" },
	{ "schema", cmd_schema, "print the RELAX NG schema of stories or layouts",
	  "usage: briefing schema [story|layout]\n"
	  "\n"
	  "Print the RELAX NG schema (XML syntax) that inputs are checked\n"
	  "against: story (the default) for stories and editions, layout for\n"
	  "layout files.  Editors with RELAX NG support (Emacs nXML, oXygen,\n"
	  "VS Code with an XML extension) validate and complete as you type with\n"
	  "it: save it, or point a file's <?xml-model href=\"...\"\n"
	  "schematypens=\"http://relaxng.org/ns/structure/1.0\"?> at the copy\n"
	  "installed in " DATADIR "/schema.\n"
	  "\n"
	  "Exit status: 0 printed, 2 usage.\n" },
	{ "watch", cmd_watch, "re-render whenever a source changes",
	  "usage: briefing watch FILE.xml [-o OUT.pdf] [--layout NAME] [--debounce MS]\n"
	  "\n"
	  "Render FILE.xml, then watch it, every file it includes, its layout and\n"
	  "the fonts folder, and render again after each change.  A burst of saves\n"
	  "makes one build; editors that save by renaming are followed.  Only the\n"
	  "stories that changed are laid out again; the PDF is the one render\n"
	  "would write.  Each build prints one line: the time, pages and\n"
	  "milliseconds (for an edition, how many stories were laid out), or the\n"
	  "errors.  A failed build leaves the last good PDF in place, and the PDF\n"
	  "is replaced atomically, so an open viewer always reloads a whole file.\n"
	  "\n"
	  "  -o, --output OUT   write OUT instead of FILE.pdf\n"
	  "  --layout NAME      a layout from layouts/ or a path to one\n"
	  "  --debounce MS      wait this long after the last save before building\n"
	  "                     (default 5; 40 while a file is half-saved)\n"
	  "\n"
	  "Stops cleanly on Ctrl-C (status 0).\n" },
	{ "mail", cli_run_mail, "render a briefing and e-mail it",
	  "usage: briefing mail FILE.xml --to ADDR [--to ADDR...] [--cc ADDR] [--bcc ADDR]\n"
	  "                     [--from ADDR] [--eml FILE | --smtp URL [--require-tls]]\n"
	  "                     [--personalize]\n"
	  "\n"
	  "Render FILE.xml and send one message: the subject from the title and\n"
	  "edition (or date), a text and an HTML body with each story's headline\n"
	  "and points, the first chart as an inline picture, the PDF attached as\n"
	  "SLUG-DATE.pdf.  Recipients come from the options and from a\n"
	  "<distribution> in the file; Bcc recipients are never in the headers.\n"
	  "\n"
	  "  --to, --cc, --bcc ADDR   recipients (\"Name <a@b.example>\" or a@b.example)\n"
	  "  --from ADDR        the sender (default: $BRIEFING_FROM)\n"
	  "  --eml FILE         write the message to FILE instead of sending it\n"
	  "  --smtp URL         send through smtp://HOST:PORT or smtps://HOST:PORT,\n"
	  "                     with STARTTLS when the server offers it\n"
	  "  --require-tls      refuse to send without TLS\n"
	  "  --personalize      one message per To recipient, \"Dear NAME,\"; one\n"
	  "                     more for the Cc and Bcc recipients\n"
	  "  --layout NAME      a layout from layouts/ or a path to one\n"
	  "\n"
	  "Without --smtp the message goes to the local sendmail (sendmail -t -i).\n"
	  "Credentials come from BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, or\n"
	  "~/.netrc, never the command line; BRIEFING_SMTP_CA names a CA bundle to\n"
	  "trust for a private server.  A bad address is an input error and nothing\n"
	  "is sent.  When sending fails the PDF and the message are kept in the\n"
	  "current folder and their names printed.\n"
	  "\n"
	  "Exit status: 0 sent, 1 bad input or address, 2 usage, 3 sending failed.\n" },
};

/* The general help text. */
void
cli_help_all(FILE *f)
{
	fputs("usage: briefing COMMAND [OPTIONS] FILE...\n\n"
	    "Turn XML story descriptions into polished PDF briefings.\n\n"
	    "Commands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("  help     show help for a command: briefing help render\n\n"
	    "Options:\n"
	    "  -h, --help     show this help\n"
	    "  -V, --version  show the version\n", f);
}

/* Help for a command; see cli.h. */
int
cli_help(const char *command)
{
	if (command == NULL || strcmp(command, "help") == 0) {
		cli_help_all(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, command) == 0) {
			fputs(commands[i].usage, stdout);
			return 0;
		}
	fprintf(stderr, "briefing: error: unknown command '%s'\n"
	    "briefing: try 'briefing --help' for more information\n", command);
	return 2;
}

/* Usage error; see cli.h. */
int
cli_usage_error(const char *fmt, ...)
{
	va_list ap;

	fputs("briefing: error: ", stderr);
	va_start(ap, fmt);
	vfprintf(stderr, fmt, ap);
	va_end(ap);
	fputs("\nbriefing: try 'briefing --help' for more information\n", stderr);
	return 2;
}

/* Run the command named argv[0] with its arguments; see cli.h. */
int
cli_dispatch(int argc, char **argv)
{
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, argv[0]) == 0)
			return commands[i].run(argc, argv);
	{
		const char *names[sizeof(commands) / sizeof(commands[0]) + 1];
		const char *near;
		size_t n = 0;

		for (; n < sizeof(commands) / sizeof(commands[0]); n++)
			names[n] = commands[n].name;
		names[n++] = "help";
		if ((near = suggest_nearest(argv[0], names, n)) != NULL)
			return cli_usage_error("unknown command '%s': did you mean "
			    "'%s'?", argv[0], near);
	}
	return cli_usage_error("unknown command '%s'", argv[0]);
}

/* FILE.xml -> FILE.pdf (any other name gets .pdf added); see cli.h. */
char *
cli_pdf_name(const char *in)
{
	size_t n = strlen(in);

	if (n > 4 && strcmp(in + n - 4, ".xml") == 0)
		return xasprintf("%.*s.pdf", (int)(n - 4), in);
	return xasprintf("%s.pdf", in);
}

/* The shared set-up, or NULL after printing why; see cli.h. */
struct engine *
cli_engine(void)
{
	struct diags *d = diags_new();
	struct engine *e = engine_open(d);

	diags_print(d, stderr);
	diags_free(d);
	return e;
}

/* getopt's complaint, in briefing's words, with the nearest long option
 * when one is near; see cli.h. */
int
cli_bad_option(int c, char **argv, const struct option *longopts)
{
	const char *arg = argv[optind - 1], *near = NULL;

	if (c == ':')
		return cli_usage_error("option '%s' needs a value", arg);
	if (strncmp(arg, "--", 2) == 0 && longopts) {
		const char *names[64];
		size_t n = 0, len = strcspn(arg + 2, "=");
		char *word = xstrndup(arg + 2, len);

		for (; longopts[n].name && n < 64; n++)
			names[n] = longopts[n].name;
		near = suggest_nearest(word, names, n);
		free(word);
	}
	if (near)
		return cli_usage_error("unknown option '%s': did you mean '--%s'?", arg,
		    near);
	return cli_usage_error("unknown option '%s'", arg);
}

/* The set-up every command shares, then the command; see cli.h. */
int
cli_start(int argc, char **argv)
{
	char *why;
	int rc;

	output_guard_signals();
	if (engine_check_env(&why) != 0) {
		fprintf(stderr, "briefing: error: %s\n", why);
		free(why);
		return EXIT_USAGE;
	}
	xmlInitParser();
	rc = cli_dispatch(argc, argv);
	xmlin_cleanup();
	xmlCleanupParser();
	return rc;
}
