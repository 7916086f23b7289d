/* cmd_check.c: briefing check: validate without rendering. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "cli/cli.h"
#include "cli/engine.h"

/* briefing check; see cli.h. */
int
cmd_check(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "werror", no_argument, NULL, 'W' },
		{ "format", required_argument, NULL, 'F' },
		{ "layout", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct build_opts o = { NULL, 0, 1, 0, NULL, 0, NULL };
	struct diags *d;
	struct engine *e;
	int c, werror = 0, json = 0, errors, warnings, files = 0, worst = 0;
	enum diag_style style = DIAG_STYLE_AUTO;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'W':
			werror = 1;
			break;
		case 'F':
			if (strcmp(optarg, "json") == 0)
				json = 1;
			else if (strcmp(optarg, "text") == 0)
				style = DIAG_STYLE_FULL;
			else if (strcmp(optarg, "short") == 0)
				style = DIAG_STYLE_SHORT;
			else
				return cli_usage_error("--format takes 'text', 'short' or "
				    "'json', not '%s'", optarg);
			break;
		case 'L':
			o.layout = optarg;
			break;
		case 'h':
			return cli_help("check");
		default:
			return cli_bad_option(c, argv, longopts);
		}
	}
	if (optind >= argc)
		return cli_usage_error("%s", "check needs an input file");
	if ((e = cli_engine()) == NULL)
		return EXIT_SYSTEM;
	d = diags_new();
	diags_style(d, style);
	for (int i = optind; i < argc; i++) {
		struct build *b = NULL;

		int r = engine_build(e, argv[i], &o, d, &b);

		if (r == EXIT_SYSTEM || r == EXIT_USAGE)
			worst = r > worst ? r : worst;
		build_free(b);
		files++;
	}
	engine_close(e);
	if (werror)
		diags_promote(d);
	errors = diags_errors(d);
	warnings = diags_warnings(d);
	if (json) {
		printf("{\"files\": %d, \"errors\": %d, \"warnings\": %d, "
		    "\"diagnostics\": ", files, errors, warnings);
		diags_print_json(d, stdout);
		printf("}\n");
	} else {
		diags_print(d, stdout);
		printf("%d %s checked: %d %s, %d %s\n", files,
		    files == 1 ? "file" : "files", errors,
		    errors == 1 ? "error" : "errors", warnings,
		    warnings == 1 ? "warning" : "warnings");
	}
	diags_free(d);
	return worst ? worst : errors ? EXIT_INPUT : EXIT_OK;
}
