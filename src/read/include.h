/* include.h: XInclude, done by briefing rather than libxml2, so that
 * every included file is read by infile.c (bounded, a regular file,
 * confined to the input's folder by its opened descriptor) and parsed by
 * xmlin.c (no DTD, located errors), text includes are read in linear
 * time, and nothing like xml:base is ever followed.
 *
 * Supported: <xi:include href="..."> with parse="xml" (the default) or
 * parse="text" (with an optional encoding="..."), and <xi:fallback>,
 * which stands in only when the file does not exist; a file refused for
 * where it is, what it is or its size is an error whatever the fallback. */
#ifndef BRIEFING_INCLUDE_H
#define BRIEFING_INCLUDE_H

#include <stddef.h>

#include <libxml/tree.h>

#include "base/diag.h"
#include "read/xmlin.h"

/* The files a parse read or tried to read, the input first: what a
 * watcher must watch.  Paths as the input named them (relative to the
 * current folder). */
struct filelist {
	char	**v;
	size_t	  n, cap;
};

/* Add path to the list unless it is there. */
void filelist_add(struct filelist *l, const char *path);
/* Free the list's paths and array; the list is left empty. */
void filelist_free(struct filelist *l);

/* Everything one input's includes need. */
struct include_ctx {
	struct xmlin	*x;
	struct srcmap	*m;
	struct diags	*d;
	struct filelist	*read;		/* files read or tried (may be NULL) */
	const char	*root;		/* real path of the input's folder */
	size_t		 budget;	/* bytes that may still be read */
};

/* Replace every <xi:include> in the tree of doc (parsed from the file
 * called name) by what it names, recursively.  Returns the number of
 * errors reported to c->d (0: the tree holds no XInclude elements). */
int include_process(struct include_ctx *c, xmlDocPtr doc, const char *name);

#endif
