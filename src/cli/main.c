/* main.c: the briefing command: dispatch to a subcommand. */
#include <errno.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "cli/cli.h"

/* briefing mail runs in a helper program, so that the mail libraries
 * (GMime, libcurl and TLS) are loaded only by the command that sends:
 * they add about 8 ms to the start of every other command.  The helper
 * sits beside the program in the build tree, and in
 * PREFIX/libexec/briefing once installed.  Returns only on failure, with
 * EXIT_SYSTEM after saying why. */
int
cli_run_mail(int argc, char **argv)
{
	static const char *const places[] = { "/briefing-mail",
	    "/../libexec/briefing/briefing-mail" };
	char exe[PATH_MAX], *slash, *helper = NULL;
	char **args;
	ssize_t n = readlink("/proc/self/exe", exe, sizeof(exe) - 1);

	if (n <= 0 || (slash = strrchr((exe[n] = '\0', exe), '/')) == NULL) {
		fprintf(stderr, "briefing: error: cannot find the mail helper\n");
		return EXIT_SYSTEM;
	}
	*slash = '\0';
	for (size_t i = 0; i < sizeof(places) / sizeof(places[0]); i++) {
		free(helper);
		helper = xasprintf("%s%s", exe, places[i]);
		if (access(helper, X_OK) == 0)
			break;
	}
	args = xcalloc((size_t)argc + 2, sizeof(char *));
	args[0] = helper;
	for (int i = 0; i < argc; i++)
		args[i + 1] = argv[i];
	execv(helper, args);
	fprintf(stderr, "briefing: error: cannot run %s: %s (the mail command is "
	    "installed with briefing)\n", helper, strerror(errno));
	free(helper);
	free(args);
	return EXIT_SYSTEM;
}

/* The briefing program: options that stand alone, then a command.
 * Returns the command's exit status. */
int
main(int argc, char **argv)
{
	if (argc < 2) {
		cli_help_all(stderr);
		return EXIT_USAGE;
	}
	if (strcmp(argv[1], "--help") == 0 || strcmp(argv[1], "-h") == 0)
		return cli_help(NULL);
	if (strcmp(argv[1], "--version") == 0 || strcmp(argv[1], "-V") == 0) {
		printf("briefing %s\n", BRIEFING_VERSION);
		return 0;
	}
	if (strcmp(argv[1], "help") == 0)
		return cli_help(argc > 2 ? argv[2] : NULL);
	if (argv[1][0] == '-')
		return cli_usage_error("unknown option '%s'", argv[1]);
	return cli_start(argc - 1, argv + 1);
}
