/* rngtab.h: what the RELAX NG schemas allow, as tables: for each element
 * its attributes (required or not, their allowed values or datatype) and
 * its content (a sequence, or an interleave, of slots, each a choice of
 * elements with how often it may occur, and whether text may stand
 * there).  build/gen/rngtab.c is written at build time by src/read/rnggen.c
 * from the schemas in src/read/schema/, so the schemas stay the one source of truth;
 * schemacheck.c reads these tables to explain, in plain words, what a
 * document got wrong. */
#ifndef BRIEFING_RNGTAB_H
#define BRIEFING_RNGTAB_H

/* An attribute an element may carry. */
struct rng_attr {
	const char		*name;		/* as written: "id", "xml:lang" */
	int			 required;
	const char		*type;		/* "text", "nonempty", "NCName",
						   "language", "enum", or another
						   XML Schema datatype's name */
	const char *const	*values;	/* enum: NULL-terminated, else NULL */
	const char		*aka;		/* names people write instead, space-
						   separated (the schema's h:aka), or
						   NULL */
};

/* One place in an element's content: one of elems, at least min and at
 * most max times (max -1: no limit). */
struct rng_slot {
	int			 min, max;
	const int		*elems;		/* indexes into rng_grammar.elems */
	int			 nelems;
};

/* One element definition (an element name may have several, in different
 * places: a story's <title> and a chart's <title>). */
struct rng_elem {
	const char		*name;
	const char		*aka;		/* as rng_attr.aka */
	const struct rng_attr	*attrs;
	int			 nattrs;
	const struct rng_slot	*slots;
	int			 nslots;
	int			 text;		/* text may stand among the children */
	int			 interleave;	/* slots in any order */
};

/* A schema: its element definitions and those its document may start
 * with. */
struct rng_grammar {
	const char		*name;		/* "story", "layout" */
	const struct rng_elem	*elems;
	int			 nelems;
	const int		*start;
	int			 nstart;
};

extern const struct rng_grammar rng_story;
extern const struct rng_grammar rng_layout;

#endif
