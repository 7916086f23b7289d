/* srcmap.h: where things stand in the input files.  Each file's text is
 * kept with the start of every line, and its start tags (with their
 * attributes) are found in one linear pass and paired, in document order,
 * with the elements libxml2 built from it.  A place is then a lookup,
 * never a search of the line, so positions cost the same on a minified
 * file as on a tidy one.  Nothing here reads a file: the text is handed
 * in by whoever read it (infile.c). */
#ifndef BRIEFING_SRCMAP_H
#define BRIEFING_SRCMAP_H

#include <stddef.h>

#include <libxml/tree.h>

/* A place in an input: file, 1-based line and column (in characters),
 * and the byte offset in the file (for finding things after it). */
struct srcpos {
	const char	*file;	/* owned by the srcmap, NULL when unknown */
	int		 line, col;
	size_t		 off;
};

struct srcmap;

/* An empty map.  Never fails. */
struct srcmap *srcmap_new(void);
/* Free a map and every file's text; NULL is ignored. */
void srcmap_free(struct srcmap *m);
/* Keep a copy of a file's text under name.  Returns its number. */
int srcmap_add(struct srcmap *m, const char *name, const char *data, size_t len);
/* The text of file f (NUL-terminated, owned by m) and its length. */
const char *srcmap_data(const struct srcmap *m, int f, size_t *len);
/* The name file f was added under (owned by m). */
const char *srcmap_name(const struct srcmap *m, int f);
/* Pair the elements of root's tree, in document order, with file f's
 * start tags.  Returns 0, or -1 when they do not match (the elements then
 * get line numbers from libxml2 alone). */
int srcmap_bind(struct srcmap *m, int f, xmlNodePtr root);
/* Whether a start tag of file f has more than max attributes (libxml2
 * 2.9 checks an element's attributes for duplicates in quadratic time):
 * 1 with the tag's offset in *at, else 0.  Scans the file's tags once. */
int srcmap_crowded(struct srcmap *m, int f, size_t max, size_t *at);

/* The place of byte off of file f. */
struct srcpos srcmap_at(const struct srcmap *m, int f, size_t off);
/* Where element n's start tag begins (its '<'). */
struct srcpos srcmap_node(const struct srcmap *m, const xmlNode *n);
/* Where attribute name (as written, e.g. "xml:lang") stands on n's start
 * tag; n's own place when it has no such attribute. */
struct srcpos srcmap_attr(const struct srcmap *m, const xmlNode *n,
    const char *name);
/* Where the value of attribute name begins (after the quote); as
 * srcmap_attr when unknown. */
struct srcpos srcmap_value(const struct srcmap *m, const xmlNode *n,
    const char *name);
/* Where the first character of n's own text that is not white space
 * stands (text inside child elements does not count); n's own place when
 * it has none. */
struct srcpos srcmap_text(const struct srcmap *m, const xmlNode *n);
/* The first place at or after from where needle stands, looking at most
 * limit bytes ahead; from itself when it is not found. */
struct srcpos srcmap_find(const struct srcmap *m, struct srcpos from,
    const char *needle, size_t limit);
/* The text of line line of the file named file, without its line end, and
 * its length; NULL when unknown. */
const char *srcmap_line(const struct srcmap *m, const char *file, int line,
    size_t *len);

#endif
