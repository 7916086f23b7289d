/* model.h: the briefing as data.  parse.c builds it, validate.c checks it,
 * layout reads it.  Everything hangs off a struct briefing and is freed by
 * model_free; strings are UTF-8 with XML white space already collapsed. */
#ifndef BRIEFING_MODEL_H
#define BRIEFING_MODEL_H

#include <stddef.h>
#include <stdio.h>

#include "base/date.h"
#include "base/svg.h"
#include "read/srcmap.h"


enum mark_kind {
	MARK_EM,
	MARK_STRONG,
	MARK_LINK,
	MARK_LANG,	/* <span xml:lang="..">: a run in another language */
	MARK_SUP,	/* <sup> text with no raised Unicode forms */
	MARK_SUB	/* <sub> text with no lowered Unicode forms */
};

/* A styled byte range [start, end) of a rich text. */
struct mark {
	enum mark_kind	 kind;
	size_t		 start, end;
	char		*href;		/* MARK_LINK only */
	char		*lang;		/* MARK_LANG only: a BCP 47 tag */
	struct srcpos	 pos;
};

struct note;

/* Text with inline emphasis and links. */
struct rich {
	char		*text;		/* never NULL once parsed */
	size_t		 len;
	const char	*lang;		/* BCP 47 tag from xml:lang, inherited;
					 * NULL: the default, "en" */
	struct mark	*marks;
	size_t		 nmarks;
	struct note	*notes;		/* <note>s, in <p> and <item> only */
	size_t		 nnotes;
	struct srcpos	 pos;
};

/* <note>: numbered per story; its reference is the number in superscript
 * digits (ref) written into the text where the note stood. */
struct note {
	struct rich	 text;
	int		 number;
	char		*ref;
	struct srcpos	 pos;
};

enum block_kind {
	BLOCK_P,
	BLOCK_QUOTE,
	BLOCK_CHART,
	BLOCK_LIST,
	BLOCK_CALLOUT,
	BLOCK_TABLE,
	BLOCK_FIGURE
};

enum chart_type {
	CHART_BAR,
	CHART_STACKED,
	CHART_LINE
};

struct chart_value {
	char		*label;
	char		*raw;		/* the number as written */
	double		 v;
	struct srcpos	 pos;
};

struct chart_series {
	char			*name;
	struct chart_value	*values;
	size_t			 nvalues;
	struct srcpos		 pos;
};

struct chart {
	enum chart_type		 type;
	char			*unit;		/* may be NULL */
	struct rich		 title;
	struct rich		 caption;	/* text NULL when absent */
	struct chart_series	*series;
	size_t			 nseries;
	struct srcpos		 pos;
};

struct list;

struct list_item {
	struct rich	 text;
	struct list	*sub;		/* a nested list, may be NULL */
	struct srcpos	 pos;
};

/* <list type="bullet|number">. */
struct list {
	int			 numbered;
	struct list_item	*items;
	size_t			 nitems;
	struct srcpos		 pos;
};

struct block;

/* <callout title="...">: paragraphs and lists in a tinted box. */
struct callout {
	char		*title;		/* quotes made typographic */
	struct block	*blocks;	/* BLOCK_P and BLOCK_LIST only */
	size_t		 nblocks;
	struct srcpos	 pos;
};

enum cell_align {
	ALIGN_AUTO,		/* numbers on the decimal point, text left */
	ALIGN_LEFT,
	ALIGN_RIGHT,
	ALIGN_CENTER
};

struct cell {
	struct rich	 text;
	int		 head;		/* <th> */
	enum cell_align	 align;
	struct srcpos	 pos;
};

struct table_row {
	struct cell	*cells;
	size_t		 ncells;
	struct srcpos	 pos;
};

/* <table> (a data table; "table" is taken by chart.c): the leading rows of <th> cells only are its header. */
struct dtable {
	struct rich		 title;
	struct rich		 caption;	/* text NULL when absent */
	struct table_row	*rows;
	size_t			 nrows, nhead;
	struct srcpos		 pos;
};

/* <figure src alt credit>: a JPEG, PNG or SVG picture. */
struct figure {
	char		*src, *alt, *credit;	/* as written; credit may be NULL */
	char		*path;		/* src from the story file's folder */
	char		*error;		/* why the picture cannot be used, or NULL */
	int		 px_w, px_h, is_png;
	struct svg_drawing *svg;	/* an SVG's shapes (in the pool), or NULL */
	struct rich	 caption;	/* text NULL when absent */
	struct srcpos	 pos, src_pos;
};

struct block {
	enum block_kind	 kind;
	struct rich	 text;		/* paragraph or quote */
	char		*by;		/* quote attribution, may be NULL */
	struct chart	*chart;
	struct list	*list;		/* BLOCK_LIST */
	struct callout	*callout;	/* BLOCK_CALLOUT */
	struct dtable	*table;		/* BLOCK_TABLE */
	struct figure	*figure;	/* BLOCK_FIGURE */
	struct srcpos	 pos;
};

struct section {
	struct rich	 title;
	struct block	*blocks;
	size_t		 nblocks;
	struct srcpos	 pos;
};

struct event {
	char		*date_raw;
	struct date	 date;
	struct rich	 text;
	struct srcpos	 pos, date_pos;
};

enum stance {
	STANCE_GAINS,
	STANCE_LOSES,
	STANCE_MIXED,
	STANCE_NEUTRAL
};

struct player {
	char		*id, *name, *initials;
	enum stance	 stance;
	struct rich	 role;
	struct srcpos	 pos, id_pos;
};

struct relation {
	char		*from, *to, *label;
	struct srcpos	 pos, from_pos, to_pos;
};

enum voice_kind {
	VOICE_ANALYST,
	VOICE_POST
};

struct voice {
	enum voice_kind	 kind;
	char		*name;		/* analyst name or post author */
	char		*role;		/* analyst role, may be NULL */
	char		*platform;	/* post only, may be NULL */
	char		*score;		/* post only, may be NULL */
	char		*href;		/* post only, may be NULL */
	struct rich	 text;
	struct srcpos	 pos;
};

struct video {
	char		*title, *outlet, *href;
	struct srcpos	 pos;
};

struct source {
	char		*outlet, *href;
	struct rich	 title;
	struct srcpos	 pos;
};

enum rcpt_kind {
	RCPT_TO,
	RCPT_CC,
	RCPT_BCC
};

struct recipient {
	char		*name, *email;
	enum rcpt_kind	 kind;
	struct srcpos	 pos;
};

/* Every field is part of model_story_digest (model.c). */
struct story {
	char			*id, *category, *signals, *date_raw;
	struct date		 date;
	struct rich		 title;
	char			*short_title;	/* <title short>, may be NULL */
	struct rich		*points;
	size_t			 npoints;
	struct section		*sections;
	size_t			 nsections;
	struct event		*events;
	size_t			 nevents;
	char			*subject;	/* power-map centre, may be NULL */
	struct player		*players;
	size_t			 nplayers;
	struct relation		*relations;
	size_t			 nrelations;
	struct voice		*voices;
	size_t			 nvoices;
	struct video		*videos;
	size_t			 nvideos;
	struct source		*sources;
	size_t			 nsources;
	struct recipient	*recipients;
	size_t			 nrecipients;
	struct srcpos		 pos, id_pos, date_pos;
};

/* A whole input: an edition (<briefing>) or a lone <story>. */
struct briefing {
	int			 is_edition;
	char			*title, *edition, *date_raw, *audience, *author;
	char			*layout;	/* layout named in the input, may be NULL */
	struct srcpos		 layout_pos;
	char			*pdf_standard;	/* pdf-standard= ("a-2u"), or NULL */
	struct date		 date;
	struct recipient	*recipients;
	size_t			 nrecipients;
	struct story		*stories;
	size_t			 nstories;
	struct srcmap		*src;		/* the input files' text and places */
	struct srcpos		 pos, date_pos;
	struct pool		*pool;
};

/* Free a briefing and everything it holds.  NULL is ignored. */
void model_free(struct briefing *b);
/* Print the model as an indented tree, for --dump=model and golden tests. */
void model_dump(const struct briefing *b, FILE *f);
/* SHA-256 of every field of a story, positions included, as 64 hex
 * digits: equal digests, equal layouts (briefing watch reuses a story's
 * pages by it).  A field added to the story model must be added here. */
void model_story_digest(const struct story *st, char out[65]);

#endif
