/* mail_main.c: briefing-mail, the helper that briefing mail runs: the
 * mail command with the mail libraries linked in (see main.c). */
#include <stdio.h>
#include <stdlib.h>

#include <libxml/parser.h>

#include "base/output.h"
#include "cli/cli.h"
#include "read/xmlin.h"

/* In the helper, the mail command is the real one. */
int
cli_run_mail(int argc, char **argv)
{
	return cmd_mail(argc, argv);
}

int
main(int argc, char **argv)
{
	int rc;

	if (argc < 2)
		return cli_usage_error("%s", "briefing-mail is run by 'briefing mail'");
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
