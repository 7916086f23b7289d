/* diag.h: diagnostics gathered over a run and printed together, sorted by
 * place, as FILE:LINE:COL: error: message (the format editors and CI read). */
#ifndef BRIEFING_DIAG_H
#define BRIEFING_DIAG_H

#include <stdio.h>

enum diag_level {
	DIAG_WARNING,
	DIAG_ERROR
};

/* How text diagnostics are printed: FULL adds, under each, the line of
 * the input it points at with a caret under the column; SHORT is one line
 * per diagnostic; AUTO (the default) is FULL on a terminal, else SHORT. */
enum diag_style {
	DIAG_STYLE_AUTO,
	DIAG_STYLE_FULL,
	DIAG_STYLE_SHORT
};

/* Opaque list of diagnostics; owned by the caller of diags_new. */
struct diags;

/* Make an empty list. */
struct diags *diags_new(void);
/* Free the list and every message in it. */
void diags_free(struct diags *d);
/* Add one diagnostic.  file may be NULL (then the message is printed with
 * the program name); line and col are 1-based, 0 when unknown. */
void diag(struct diags *d, enum diag_level lvl, const char *file, int line,
    int col, const char *fmt, ...) __attribute__((format(printf, 6, 7)));
/* Number of errors (warnings excluded) recorded so far. */
int diags_errors(const struct diags *d);
/* Number of warnings recorded so far. */
int diags_warnings(const struct diags *d);
/* Turn every warning into an error (--werror). */
void diags_promote(struct diags *d);
/* Keep a copy of the text of input file name, for printing the lines
 * diagnostics point at (forgotten with them when they are printed). */
void diags_source(struct diags *d, const char *name, const char *data,
    size_t len);
/* How diags_print prints (DIAG_STYLE_AUTO unless set). */
void diags_style(struct diags *d, enum diag_style style);
/* Print all diagnostics as text, sorted by file, line and column, and
 * forget them, so a later print shows only new ones.  Colour only when f
 * is a terminal and NO_COLOR is unset or empty. */
void diags_print(struct diags *d, FILE *f);
/* Print all diagnostics as a JSON array and forget them. */
void diags_print_json(struct diags *d, FILE *f);

#endif
