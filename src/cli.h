/* cli.h: the subcommands, one file each. */
#ifndef BRIEFING_CLI_H
#define BRIEFING_CLI_H

/* Each runs a subcommand with its own argv (argv[0] is the command name)
 * and returns the process exit status. */
int cmd_render(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_mail(int argc, char **argv);

/* Print "briefing: unknown option '...'" and the hint; returns 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a command's help text to stdout. Returns 0, or 2 for an unknown
 * command. */
int cli_help(const char *command);

#endif
