/* main.c: the briefing command: dispatch to a subcommand. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <libxml/parser.h>

#include "base/output.h"
#include "cli/cli.h"
#include "read/xmlin.h"

/* briefing mail runs in a helper program, so that the mail libraries
 * (GMime, libcurl and TLS) are loaded only by the command that sends:
 * they add about 8 ms to the start of every other command. */
int
cli_run_mail(int argc, char **argv)
{
	char exe[PATH_MAX], *slash, *helper;
	char **args;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0) {
		fprintf(stderr, "briefing: cannot find the mail helper\n");
		return EXIT_SYSTEM;
	}
	exe[n] = '\0';
	slash = strrchr(exe, '/');
	*slash = '\0';
	helper = malloc(strlen(exe) + sizeof("/briefing-mail"));
	args = calloc((size_t)argc + 2, sizeof(char *));
	if (helper == NULL || args == NULL) {
		fputs("briefing: out of memory\n", stderr);
		return EXIT_SYSTEM;
	}
	strcpy(helper, exe);
	strcat(helper, "/briefing-mail");
	args[0] = helper;
	for (int i = 0; i < argc; i++)
		args[i + 1] = argv[i];
	execv(helper, args);
	fprintf(stderr, "briefing: cannot run %s: %s (the mail command is "
	    "installed with briefing)\n", helper, strerror(errno));
	free(helper);
	free(args);
	return EXIT_SYSTEM;
}

int
main(int argc, char **argv)
{
	int rc;

	if (argc < 2) {
		cli_help_all(stderr);
		return EXIT_USAGE;
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
	output_guard_signals();
	{
		char *why;

		if (engine_check_env(&why) != 0) {
			fprintf(stderr, "briefing: error: %s\n", why);
			free(why);
			return EXIT_USAGE;
		}
	}
	xmlInitParser();
	rc = cli_dispatch(argc - 1, argv + 1);
	xmlin_cleanup();
	xmlCleanupParser();
	return rc;
}
