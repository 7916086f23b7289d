/* engine.h: one build, from an input file to a display list and a PDF,
 * with the set-up (fonts, hyphenation) made once and shared by every
 * build of the process (render of several files, watch, mail). */
#ifndef BRIEFING_ENGINE_H
#define BRIEFING_ENGINE_H

#include <stddef.h>

#include "base/diag.h"
#include "draw/dl.h"
#include "draw/pdf.h"
#include "read/model.h"

/* Exit statuses shared by every command. */
enum {
	EXIT_OK = 0,
	EXIT_INPUT = 1,
	EXIT_USAGE = 2,
	EXIT_SYSTEM = 3
};

struct engine;

/* The result of one build; free with build_free. */
struct build {
	struct briefing	*model;
	struct dl_doc	*doc;
	char		*pdf;		/* NULL unless asked for */
	size_t		 pdflen;
	double		 ms_parse, ms_layout, ms_pdf;
	double		 ms_fonts, ms_draw, ms_save;	/* the parts of ms_pdf */
	double		 ms_compress;	/* deflating, on other cores */
	char		**deps;		/* files read: input, includes, layout */
	struct pdf_writer *writer;	/* between layout and PDF */
	size_t		 ndeps;
	size_t		 stories_reused;	/* taken from the layout cache */
	size_t		 stories_laid;		/* laid out (and kept) */
};

struct build_opts {
	const char	*layout;	/* --layout, or NULL */
	int		 want_pdf;
	int		 check_only;	/* parse, validate, lay out; no PDF */
	int		 no_compress;	/* leave PDF streams uncompressed */
	const char	*data;		/* the input in memory (then input only names it) */
	size_t		 len;
	const char	*pdf_standard;	/* --pdf-standard ("a-2u"), or NULL */
};

/* Where fonts/ and layouts/ live: $BRIEFING_DATA, else next to the
 * program (build/.. or PREFIX/share/briefing).  Returns a static string. */
const char *engine_datadir(void);
/* Set up fonts and hyphenation.  Returns NULL with an error in d. */
struct engine *engine_open(struct diags *d);
/* From now on keep each story's pages from build to build and reuse
 * those of unchanged stories (briefing watch: an edit to one story of
 * twenty lays out one), and keep the deflated page streams and font files
 * by content, so a page whose bytes did not change is not deflated again. */
void engine_keep_layouts(struct engine *e);
/* Wait until no thread of the set-up runs (Pango matches fonts on
 * threads of its own), so that the process can fork safely. */
void engine_settle(struct engine *e);
/* Free the engine and what it keeps; NULL is ignored. */
void engine_close(struct engine *e);
/* Build one input.  Diagnostics go to d.  Returns an exit status: OK,
 * INPUT (bad input) or SYSTEM.  *out always receives a build for the
 * caller to free: on OK it is complete; otherwise only deps is set (the
 * files that were read, so a watcher can follow them). */
int engine_build(struct engine *e, const char *input,
    const struct build_opts *o, struct diags *d, struct build **out);
void build_free(struct build *b);
/* The latest SOURCE_DATE_EPOCH taken: the last second of 9999. */
#define ENGINE_EPOCH_MAX	253402300799LL

/* Check the environment's settings (SOURCE_DATE_EPOCH: whole seconds
 * from 0 to ENGINE_EPOCH_MAX).  Returns 0, or -1 with a message in *why
 * (malloc'd). */
int engine_check_env(char **why);
/* The creation date for a document: SOURCE_DATE_EPOCH when set, else the
 * briefing's date, else now. */
long long engine_epoch(const struct briefing *b);

#endif
