/* mail_main.c: briefing-mail, the helper that briefing mail runs: the
 * mail command with the mail libraries linked in (see main.c). */
#include <stdio.h>
#include <stdlib.h>

#include "cli/cli.h"

/* In the helper, the mail command is the real one. */
int
cli_run_mail(int argc, char **argv)
{
	return cmd_mail(argc, argv);
}

int
main(int argc, char **argv)
{
	if (argc < 2)
		return cli_usage_error("%s", "briefing-mail is run by 'briefing mail'");
	return cli_start(argc - 1, argv + 1);
}
