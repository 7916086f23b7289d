/* cli.h: the subcommands, one file each. */
#ifndef BRIEFING_CLI_H
#define BRIEFING_CLI_H

#include <getopt.h>
#include <stdio.h>

#include "cli/engine.h"

/* Each runs a subcommand with its own argv (argv[0] is the command name)
 * and returns the process exit status. */
int cmd_render(int argc, char **argv);
int cmd_check(int argc, char **argv);
int cmd_watch(int argc, char **argv);
int cmd_mail(int argc, char **argv);
int cmd_schema(int argc, char **argv);
int cmd_new(int argc, char **argv);

/* The mail command as this program runs it (a helper program, or the
 * command itself inside that helper). */
int cli_run_mail(int argc, char **argv);
/* Run the subcommand named argv[0]; returns its exit status. */
int cli_dispatch(int argc, char **argv);
/* Print the general help to f. */
void cli_help_all(FILE *f);

/* The default output of an input: FILE.xml -> FILE.pdf.  malloc'd. */
char *cli_pdf_name(const char *in);
/* Open the engine (fonts, hyphenation); on failure print why and return
 * NULL (the command then exits with status 3). */
struct engine *cli_engine(void);

/* After getopt_long returned c ('?' or ':') for argv with longopts: the
 * usage error for an unknown option (naming the nearest long option when
 * one is near) or a missing value; returns 2. */
int cli_bad_option(int c, char **argv, const struct option *longopts);
/* Print "briefing: unknown option '...'" and the hint; returns 2. */
int cli_usage_error(const char *fmt, ...) __attribute__((format(printf, 1, 2)));
/* Print a command's help text to stdout. Returns 0, or 2 for an unknown
 * command. */
int cli_help(const char *command);

/* Run the command argv[0] (argc words) after the set-up every command
 * shares: signals that remove temporary files, SOURCE_DATE_EPOCH checked,
 * libxml2 started and cleaned up.  Returns the exit status (EXIT_USAGE
 * for a bad environment). */
int cli_start(int argc, char **argv);

#endif
