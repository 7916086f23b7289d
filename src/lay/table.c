/* table.c: data tables.  Measuring first: a column's widest cell on one
 * line, and its longest word (the least it can wrap to); a column whose
 * every body cell is a number is set on the decimal point and never
 * wraps.  The columns get their natural widths when they fit, the spare
 * width going to the text columns; else the text columns wrap, sharing
 * what is left by how much they would have liked.  Each row is one slice
 * of the flow, so no row is split; the header rows are given to
 * flow_continued, which repeats them on every page the table runs onto. */
#include <math.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/diag.h"
#include "base/util.h"
#include "lay/table.h"

#define PAD_X	5.0
#define PAD_Y	3.5
#define SHORT_TABLE	6	/* body rows: never split */

struct col {
	double	 maxw, minw, w, x;
	double	 fracw;		/* widest ".25" of the column's numbers */
	int	 numeric, nbody;
};

struct tab {
	struct lay		*L;
	const struct dtable	*t;
	struct col		*cols;
	size_t			 ncols;
};

static const struct style *
cell_style(struct lay *L, const struct cell *c)
{
	return &L->t->st[c->head ? ST_CARD_NAME : ST_ITEM];
}

/* Whether s is a number as tables write them: a sign or bracket, a
 * currency sign, digits with separators, a decimal part, a percent. */
static int
is_number(const char *s)
{
	int digits = 0;

	if (*s == '-' || *s == '+' || *s == '(')
		s++;
	else if (strncmp(s, "\xe2\x88\x92", 3) == 0)	/* U+2212 minus */
		s += 3;
	if (*s == '$')
		s++;
	else if (strncmp(s, "\xe2\x82\xac", 3) == 0 || strncmp(s, "\xc2\xa3", 2) == 0)
		s += *s == '\xe2' ? 3 : 2;
	for (; *s; s++) {
		if (g_ascii_isdigit(*s))
			digits++;
		else if (*s != ',' && *s != '.')
			break;
	}
	if (*s == '%' || *s == ')')
		s++;
	return digits > 0 && *s == '\0';
}

/* The width of s's decimal part (from its last '.'); 0 without one. */
static double
frac_width(struct lay *L, const char *s, const struct style *st)
{
	const char *dot = strrchr(s, '.');

	return dot ? text_width(L->ts, dot, st) : 0;
}

/* The widest word of s. */
static double
word_width(struct lay *L, const char *s, const struct style *st)
{
	double w = 0;
	char **words = g_strsplit(s, " ", -1);

	for (char **p = words; *p; p++)
		if (**p)
			w = fmax(w, text_width(L->ts, *p, st));
	g_strfreev(words);
	return w;
}

static void
measure(struct tab *T)
{
	const struct dtable *t = T->t;

	for (size_t c = 0; c < T->ncols; c++)
		T->cols[c].numeric = 1;
	for (size_t r = t->nhead; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			const struct cell *ce = &t->rows[r].cells[c];

			if (ce->text.len == 0)
				continue;
			T->cols[c].nbody++;
			if (ce->head || ce->align != ALIGN_AUTO || !is_number(ce->text.text))
				T->cols[c].numeric = 0;
		}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			const struct cell *ce = &t->rows[r].cells[c];
			const struct style *st = cell_style(T->L, ce);
			struct col *co = &T->cols[c];

			if (r >= t->nhead && co->numeric && co->nbody)
				co->fracw = fmax(co->fracw, frac_width(T->L, ce->text.text, st));
		}
	for (size_t r = 0; r < t->nrows; r++)
		for (size_t c = 0; c < t->rows[r].ncells; c++) {
			const struct cell *ce = &t->rows[r].cells[c];
			const struct style *st = cell_style(T->L, ce);
			struct col *co = &T->cols[c];
			double w = text_width(T->L->ts, ce->text.text, st);

			if (r >= t->nhead && co->numeric && co->nbody)
				w += co->fracw - frac_width(T->L, ce->text.text, st);
			co->maxw = fmax(co->maxw, w);
			co->minw = fmax(co->minw, co->numeric && co->nbody && r >= t->nhead ?
			    w : word_width(T->L, ce->text.text, st));
		}
	for (size_t c = 0; c < T->ncols; c++) {
		T->cols[c].numeric = T->cols[c].numeric && T->cols[c].nbody;
		T->cols[c].minw = fmin(T->cols[c].minw, T->cols[c].maxw);
	}
}

/* Share the width out; returns -1 (and the least width needed in *need)
 * when even wrapped the columns do not fit. */
static int
size_columns(struct tab *T, double *need)
{
	double W = T->L->W, sum_max = 0, sum_min = 0, give = 0, x = 0;
	size_t ntext = 0;

	for (size_t c = 0; c < T->ncols; c++) {
		struct col *co = &T->cols[c];

		sum_max += co->maxw + 2 * PAD_X;
		sum_min += co->minw + 2 * PAD_X;
		if (!co->numeric) {
			ntext++;
			give += co->maxw - co->minw;
		}
	}
	*need = sum_min;
	if (sum_min > W + 0.01)
		return -1;
	for (size_t c = 0; c < T->ncols; c++) {
		struct col *co = &T->cols[c];

		if (sum_max <= W) {
			co->w = co->maxw + 2 * PAD_X;
			if (!co->numeric || ntext == 0)
				co->w += (W - sum_max) / (double)(ntext ? ntext : T->ncols);
		} else if (co->numeric)
			co->w = co->minw + 2 * PAD_X;
		else
			co->w = co->minw + 2 * PAD_X + (give > 0 ?
			    (co->maxw - co->minw) / give * (W - sum_min) : 0);
		co->x = x;
		x += co->w;
	}
	return 0;
}

/* Row r as a frame at y of fr, its cells laid out in their columns, a
 * tint behind it when zebra is set, an accent rule under the last header
 * row.  Tagged as a TR of TH or TD under the element group (a THead or
 * TBody), or an artifact when group is 0.  Returns its height. */
static double
row_frame(struct tab *T, size_t r, int zebra, struct dl_list *fr, double y,
    int group)
{
	struct lay *L = T->L;
	const struct table_row *row = &T->t->rows[r];
	struct tlines *tl = xcalloc(row->ncells + 1, sizeof(*tl));
	int head = r < T->t->nhead;
	int tr = group ? dl_elem_new(L->doc, group, DL_R_TR) : 0;
	double h = 0;

	for (size_t c = 0; c < row->ncells; c++) {
		const struct cell *ce = &row->cells[c];
		const struct col *co = &T->cols[c];
		int fl;

		if (!head && co->numeric)
			fl = T_NOWRAP;
		else if (ce->align == ALIGN_RIGHT || (co->numeric && ce->align == ALIGN_AUTO))
			fl = T_RIGHT;
		else
			fl = ce->align == ALIGN_CENTER ? T_CENTER : 0;
		text_layout(L->ts, &ce->text, NULL, cell_style(L, ce), co->w - 2 * PAD_X,
		    fl, 0, &tl[c]);
		h = fmax(h, tl[c].n * tl[c].leading);
	}
	h += 2 * PAD_Y;
	if (zebra)
		dl_rect(L->doc, fr, 0, (float)y, (float)L->W, (float)h,
		    L->t->colors[C_TINT]);
	for (size_t c = 0; c < row->ncells; c++) {
		const struct cell *ce = &row->cells[c];
		const struct col *co = &T->cols[c];
		double x = co->x + PAD_X;
		size_t n0;

		if (!head && co->numeric)	/* the decimal points in a line */
			x = co->x + co->w - PAD_X - co->fracw - (tl[c].width -
			    frac_width(L, ce->text.text, cell_style(L, ce)));
		n0 = fr->n;
		lay_place(fr, &tl[c], x, y + PAD_Y);
		if (tr) {	/* every cell, empty ones too, keeps its column */
			int e = dl_elem_new(L->doc, tr, head || ce->head ?
			    DL_R_TH : DL_R_TD);

			if (ce->text.lang)
				dl_elem_lang(L->doc, e, ce->text.lang);
			dl_list_tag(L->doc, fr, n0, e);
		}
		tlines_free(&tl[c]);
	}
	if (head && r + 1 == T->t->nhead)
		dl_hline(L->doc, fr, 0, (float)L->W, (float)(y + h), 0.8f, L->accent, 0);
	free(tl);
	return h;
}

/* The header rows into fr, tagged under group (0: artifacts, as they
 * are repeated on a continuation page); returns their height. */
static double
header(struct tab *T, struct dl_list *fr, int group)
{
	double h = 0;

	for (size_t r = 0; r < T->t->nhead; r++)
		h += row_frame(T, r, 0, fr, h, group);
	return h;
}

/* Measure t and size its columns; on failure report it and return -1. */
static int
fit(struct tab *T)
{
	const struct dtable *t = T->t;
	double need;

	for (size_t r = 0; r < t->nrows; r++)
		T->ncols = t->rows[r].ncells > T->ncols ? t->rows[r].ncells : T->ncols;
	T->cols = xcalloc(T->ncols + 1, sizeof(*T->cols));
	measure(T);
	if (size_columns(T, &need) == 0)
		return 0;
	diag(T->L->d, DIAG_ERROR, t->pos.file, t->pos.line, t->pos.col,
	    "table '%s' is too wide for the page: its %zu columns need "
	    "%.0f pt with their texts wrapped at every space, and the text "
	    "is %.0f pt wide; drop columns or shorten their longest words",
	    t->title.text, T->ncols, need, T->L->W);
	return -1;
}

/* Check that every table fits; see table.h. */
int
table_check(const struct briefing *b, const struct theme *t,
    struct typeset *ts, struct diags *d)
{
	struct lay L;
	int bad = 0;

	memset(&L, 0, sizeof(L));
	L.t = t;
	L.ts = ts;
	L.d = d;
	L.W = t->page_w - t->left - t->right;
	for (size_t s = 0; s < b->nstories; s++)
		for (size_t k = 0; k < b->stories[s].nsections; k++) {
			const struct section *sec = &b->stories[s].sections[k];

			for (size_t i = 0; i < sec->nblocks; i++) {
				struct tab T = { &L, sec->blocks[i].table, NULL, 0 };

				if (sec->blocks[i].kind != BLOCK_TABLE)
					continue;
				bad += fit(&T) < 0;
				free(T.cols);
			}
		}
	return bad;
}

/* Lay out a table; see table.h. */
void
table_layout(struct lay *L, const struct dtable *t, double space)
{
	struct tab T = { L, t, NULL, 0 };
	struct dl_list fr = { 0 }, again = { 0 };
	int tagged = L->tag_into == 0 && !L->artifact;
	int table = 0, cap = 0, into = L->tag_into, head = 0, body = 0;
	double h;

	if (flow_overflowed(L->f))
		return;
	if (fit(&T) < 0) {
		free(T.cols);
		return;
	}
	/* Tagged: Table > Caption (title and note), THead > TR > TH,
	 * TBody > TR > TD. */
	if (tagged) {
		table = dl_elem_new(L->doc, L->tag, DL_R_TABLE);
		cap = dl_elem_new(L->doc, table, DL_R_CAPTION);
		if (t->nhead)
			head = dl_elem_new(L->doc, table, DL_R_THEAD);
		if (t->nrows > t->nhead)
			body = dl_elem_new(L->doc, table, DL_R_TBODY);
		L->tag_into = cap;
	}
	h = lay_frame_text(L, &fr, &t->title, NULL, ST_CHART_TITLE, 0, 0, L->W,
	    T_BALANCE, 0);
	L->tag_into = into;
	flow_add(L->f, &fr, h + 4, space, 0);
	h = header(&T, &fr, head);
	flow_add(L->f, &fr, h, 0, F_KEEP);
	if (h > 0) {
		header(&T, &again, 0);
		flow_continued(L->f, &again, h);
	}
	for (size_t r = t->nhead; r < t->nrows; r++) {
		size_t b = r - t->nhead, nb = t->nrows - t->nhead;

		/* A short table moves whole; a long one breaks with two rows
		 * at least on either side. */
		h = row_frame(&T, r, b % 2 == 1, &fr, 0, body);
		flow_add(L->f, &fr, h, 0, nb <= SHORT_TABLE || b < 2 || nb - b < 2 ?
		    F_KEEP : 0);
	}
	flow_continued(L->f, NULL, 0);
	dl_hline(L->doc, &fr, 0, (float)L->W, 0, 0.5f, L->t->colors[C_RULE], 0);
	h = 1;
	if (tagged)
		L->tag_into = cap;
	if (t->caption.text)
		h = 4 + lay_frame_text(L, &fr, &t->caption, NULL, ST_CAPTION, 0, 4,
		    L->W, 0, 0);
	L->tag_into = into;
	flow_add(L->f, &fr, h, 0, F_KEEP);
	free(T.cols);
}
