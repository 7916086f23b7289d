/* cmd_schema.c: briefing schema: print a RELAX NG schema built into the
 * program, for editors that validate and complete as you type. */
#include <getopt.h>
#include <stdio.h>
#include <string.h>

#include "base/suggest.h"
#include "cli/cli.h"
#include "read/schemas.h"

/* briefing schema [story|layout]; see cli.h. */
int
cmd_schema(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	static const char *const names[] = { "story", "layout" };
	const char *which = "story", *near;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		if (c == 'h')
			return cli_help("schema");
		return cli_bad_option(c, argv, longopts);
	}
	if (optind < argc)
		which = argv[optind++];
	if (optind < argc)
		return cli_usage_error("schema takes one name (story or layout), "
		    "not '%s' too", argv[optind]);
	if (strcmp(which, "story") == 0)
		fwrite(schema_story_rng, 1, schema_story_rng_len, stdout);
	else if (strcmp(which, "layout") == 0)
		fwrite(schema_layout_rng, 1, schema_layout_rng_len, stdout);
	else if ((near = suggest_nearest(which, names, 2)) != NULL)
		return cli_usage_error("no schema '%s': did you mean '%s'? (story "
		    "or layout)", which, near);
	else
		return cli_usage_error("no schema '%s': there are story and layout",
		    which);
	if (fflush(stdout) != 0 || ferror(stdout)) {
		perror("briefing: error: cannot write the schema");
		return EXIT_SYSTEM;
	}
	return EXIT_OK;
}
