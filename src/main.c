/* main.c: the briefing command: dispatch to a subcommand. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli.h"
#include "parse.h"

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
	  "  --dump WHAT        print the model ('model') or the display list\n"
	  "                     ('dl') to standard output instead of writing\n"
	  "  --dpi N            resolution of PNG previews (default 150)\n"
	  "  -q, --quiet        print nothing but diagnostics\n"
	  "\n"
	  "The PDF is written to a temporary file and renamed into place, so a\n"
	  "failed run leaves the previous PDF untouched.  With SOURCE_DATE_EPOCH\n"
	  "set, output is byte-for-byte reproducible.\n"
	  "\n"
	  "Exit status: 0 success, 1 bad input, 2 usage, 3 output or system failure.\n" },
};

static void
help(FILE *f)
{
	fputs("usage: briefing COMMAND [OPTIONS] FILE...\n\n"
	    "Turn XML story descriptions into polished PDF briefings.\n\n"
	    "Commands:\n", f);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		fprintf(f, "  %-8s %s\n", commands[i].name, commands[i].summary);
	fputs("  help     show help for a command: briefing help render\n\n"
	    "Options:\n"
	    "  -h, --help     show this help\n"
	    "  --version      show the version\n", f);
}

/* Help for a command; see cli.h. */
int
cli_help(const char *command)
{
	if (command == NULL) {
		help(stdout);
		return 0;
	}
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, command) == 0) {
			fputs(commands[i].usage, stdout);
			return 0;
		}
	fprintf(stderr, "briefing: unknown command '%s'\n"
	    "briefing: try 'briefing --help' for more information\n", command);
	return 2;
}

/* Usage error; see cli.h. */
int
cli_usage_error(const char *fmt, const char *arg)
{
	fputs("briefing: ", stderr);
	fprintf(stderr, fmt, arg);
	fputs("\nbriefing: try 'briefing --help' for more information\n", stderr);
	return 2;
}

int
main(int argc, char **argv)
{
	int rc;

	if (argc < 2) {
		help(stderr);
		return 2;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_help(NULL);
	if (strcmp(argv[1], "--version") == 0) {
		printf("briefing %s\n", BRIEFING_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0)
		return cli_help(argc > 2 ? argv[2] : NULL);
	if (argv[1][0] == '-')
		return cli_usage_error("unknown option '%s'", argv[1]);
	for (size_t i = 0; i < sizeof(commands) / sizeof(commands[0]); i++)
		if (strcmp(commands[i].name, argv[1]) == 0) {
			xmlInitParser();
			rc = commands[i].run(argc - 1, argv + 1);
			parse_cleanup();
			xmlCleanupParser();
			return rc;
		}
	return cli_usage_error("unknown command '%s'", argv[1]);
}
