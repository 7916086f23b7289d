/* pdf.c: display list -> PDF with libharu 2.3.0.
 *
 * Text goes in as the glyphs Pango chose: each face is a Type0 font of
 * pdffont.c, codes = glyph ids, and each run a TJ array whose adjustments
 * put every glyph where Pango put it, computed from the same widths the
 * fonts' /W arrays carry (see draw_text).  libharu assembles the rest:
 * pages, paths, images, links, outline, labels and information. */
#include <math.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <hpdf.h>
#include <hpdf_pages.h>

#include "base/util.h"
#include "draw/pdf.h"
#include "draw/pdffont.h"
#include "draw/pdftags.h"
#include "draw/picture.h"
#include "draw/pdfzip.h"
#include "draw/tounicode.h"

struct pctx {
	HPDF_STATUS	 err, detail;
};

static void
on_error(HPDF_STATUS err, HPDF_STATUS detail, void *data)
{
	struct pctx *p = data;

	if (p->err == 0) {
		p->err = err;
		p->detail = detail;
	}
}

static void
rgb_fill(HPDF_Page pg, uint32_t c)
{
	HPDF_Page_SetRGBFill(pg, (c >> 24 & 0xff) / 255.0f, (c >> 16 & 0xff) / 255.0f,
	    (c >> 8 & 0xff) / 255.0f);
}

static void
rgb_stroke(HPDF_Page pg, uint32_t c)
{
	HPDF_Page_SetRGBStroke(pg, (c >> 24 & 0xff) / 255.0f,
	    (c >> 16 & 0xff) / 255.0f, (c >> 8 & 0xff) / 255.0f);
}

/* Append a number to a content buffer, as short as it can be written:
 * three decimals at most, no trailing zeros, no "-0". */
static void
put_num(struct buf *b, double v)
{
	char tmp[32], *p = tmp + sizeof(tmp);
	long long m = llround(fabs(v) * 1000.0);
	long long ip = m / 1000;
	int frac = (int)(m % 1000), digits = 3;

	if (fabs(v) >= 1e15) {	/* never on a page; keep it exact anyway */
		buf_printf(b, "%.3f", v);
		return;
	}
	while (digits > 0 && frac % 10 == 0) {
		frac /= 10;
		digits--;
	}
	for (int i = 0; i < digits; i++) {
		*--p = (char)('0' + frac % 10);
		frac /= 10;
	}
	if (digits)
		*--p = '.';
	do {
		*--p = (char)('0' + ip % 10);
		ip /= 10;
	} while (ip);
	if (v < 0 && m != 0)
		*--p = '-';
	buf_add(b, p, (size_t)(tmp + sizeof(tmp) - p));
}

/* How far (pt) a glyph may sit from where the reader's pen stands before
 * the TJ array moves it: Pango's 1/1024 pt positions and the fonts' 1/1000
 * em widths round apart by a few thousandths of a point on most glyphs.
 * The pen is always compared with where Pango put the glyph, so the
 * error never adds up beyond this. */
#define PEN_SLACK	0.004

/* The text state of a page's content while one run is written: the pen
 * as the PDF reader will move it, and what is open in the stream. */
struct pen {
	struct buf	*b;
	double		 x, y;
	int		 started;	/* a text matrix is set */
	int		 array;		/* inside "[ ... ] TJ" */
	int		 hex;		/* inside "<...>" */
	int		 span;		/* inside a marked-content span */
};

static void
pen_close_array(struct pen *p)
{
	if (p->hex)
		buf_addc(p->b, '>');
	if (p->array)
		buf_adds(p->b, "] TJ\n");
	p->hex = p->array = 0;
}

static void
pen_end_span(struct pen *p)
{
	if (!p->span)
		return;
	pen_close_array(p);
	buf_adds(p->b, "EMC\n");
	p->span = 0;
}

/* Start a span whose text is text[0, len) (/ActualText, UTF-16BE). */
static void
pen_begin_span(struct pen *p, const char *text, size_t len)
{
	pen_end_span(p);
	pen_close_array(p);
	buf_adds(p->b, "/Span <</ActualText <FEFF");
	tounicode_utf16_hex(p->b, text, len);
	buf_adds(p->b, ">>> BDC\n");
	p->span = 1;
}

/* Draw one glyph at (gx, gy) in page space; w is its advance in 1/1000 em. */
static void
pen_glyph(struct pen *p, const struct dl_text *t, uint32_t gid, double gx,
    double gy, double w)
{
	if (!p->started || fabs(gy - p->y) > 0.001) {
		/* A new baseline (or the first): a text matrix. */
		pen_close_array(p);
		buf_adds(p->b, "1 0 0 1 ");
		put_num(p->b, gx);
		buf_addc(p->b, ' ');
		put_num(p->b, gy);
		buf_adds(p->b, " Tm\n");
		p->x = gx;
		p->y = gy;
		p->started = 1;
	}
	if (!p->array) {
		buf_addc(p->b, '[');
		p->array = 1;
	}
	if (fabs(gx - p->x) > PEN_SLACK) {
		if (p->hex)
			buf_addc(p->b, '>');
		p->hex = 0;
		put_num(p->b, -(gx - p->x) * 1000.0 / t->size);
	}
	if (!p->hex) {
		buf_addc(p->b, '<');
		p->hex = 1;
	}
	tounicode_hex4(p->b, gid);	/* a two-byte code */
	p->x = gx + w * t->size / 1000.0 + t->spacing;
}

/* Where the cluster starting at glyph i ends: at the next glyph that
 * starts text of its own. */
static uint32_t
cluster_end(const struct dl_text *t, uint32_t i)
{
	uint32_t k = i + 1;

	while (k < t->nglyphs && t->glyphs[k].len == 0)
		k++;
	return k;
}

/* Where the cluster starting at glyph i ends, with the clusters of
 * marks that follow it in a left-to-right run (glyphs that do not
 * advance: an anusvara, a combining accent drawn over the base): one
 * span for both, so that readers do not see a gap between the mark and
 * the next letter and break the word there. */
static uint32_t
cluster_end_marks(const struct dl_text *t, struct pdffont *f, uint32_t i)
{
	uint32_t e = cluster_end(t, i);

	while (!t->rtl && e < t->nglyphs) {
		const struct dl_glyph *prev = &t->glyphs[i];
		uint32_t e2 = cluster_end(t, e);
		int marks = 1;

		for (uint32_t k = i; k < e; k++)
			if (t->glyphs[k].len)
				prev = &t->glyphs[k];
		if (t->glyphs[e].off != prev->off + prev->len)
			break;
		for (uint32_t k = e; k < e2 && marks; k++)
			marks = pdffont_use(f, t->glyphs[k].gid) == 0;
		if (!marks)
			break;
		e = e2;
	}
	return e;
}

/* Draw one cluster, glyphs [i, e): plain when its one glyph's ToUnicode
 * entry says its text, else inside an /ActualText span, so that copying
 * gives the characters in logical order (ligatures, reordered marks,
 * conjuncts, a glyph drawn for a character it does not map to).  The
 * glyphs of a span still get a ToUnicode entry where one stands for a
 * character of it, for readers that ignore /ActualText. */
static void
draw_cluster(struct pen *p, float H, const struct dl_text *t, struct pdffont *f,
    uint32_t i, uint32_t e)
{
	const struct dl_glyph *g0 = &t->glyphs[i];
	const char *s = t->text + g0->off;
	uint32_t end = g0->off + g0->len;
	int plain;

	for (uint32_t k = i; k < e; k++)
		if (t->glyphs[k].len && t->glyphs[k].off + t->glyphs[k].len > end)
			end = t->glyphs[k].off + t->glyphs[k].len;
	plain = g0->len > 0 && e - i == 1 && pdffont_map(f, g0->gid, s, g0->len);
	if (!plain && end > g0->off) {
		uint32_t gids[64];
		size_t n = 0;

		pen_begin_span(p, s, end - g0->off);
		for (uint32_t k = i; k < e && n < 64; k++)
			gids[n++] = t->glyphs[k].gid;
		pdffont_map_span(f, gids, n, s, end - g0->off);
	}
	for (uint32_t k = i; k < e; k++) {
		const struct dl_glyph *g = &t->glyphs[k];

		pen_glyph(p, t, g->gid, t->x + g->x, H - (t->y + g->y),
		    pdffont_use(f, g->gid));
	}
	if (!plain)
		pen_end_span(p);
}

/* Draw a run as TJ arrays of glyph ids (the codes of the face's Identity-H
 * font), with a number wherever Pango's position for a glyph differs from
 * where the pen would be (kerning, marks, justification).  Clusters go in
 * logical order: a right-to-left run is written from its last glyph back,
 * each cluster placed where Pango put it, so that readers extract the text
 * in reading order.  libharu 2.3.0 has no TJ call and draws characters,
 * not glyphs: the font is named in the page's resources through libharu
 * and the operators go into the page's content stream directly. */
static void
draw_text(HPDF_Page pg, float H, const struct dl_text *t, struct pdffont *f,
    HPDF_Dict font, float *tc)
{
	HPDF_Stream out = ((HPDF_PageAttr)pg->attr)->stream;
	const char *name = HPDF_Page_GetLocalFontName(pg, font);
	struct buf b;
	struct pen p;

	if (name == NULL || t->nglyphs == 0)
		return;
	buf_init(&b);
	memset(&p, 0, sizeof(p));
	p.b = &b;
	HPDF_Page_BeginText(pg);
	buf_printf(&b, "/%s ", name);
	put_num(&b, t->size);
	buf_adds(&b, " Tf\n");
	if (t->spacing != *tc) {
		put_num(&b, t->spacing);
		buf_adds(&b, " Tc\n");
		*tc = t->spacing;
	}
	HPDF_Stream_WriteStr(out, b.data);
	b.len = 0;
	rgb_fill(pg, t->color);
	if (t->rtl) {
		uint32_t e = t->nglyphs;

		while (e > 0) {
			uint32_t i = e - 1;

			while (i > 0 && t->glyphs[i].len == 0)
				i--;
			draw_cluster(&p, H, t, f, i, e);
			e = i;
		}
	} else
		for (uint32_t i = 0, e; i < t->nglyphs; i = e) {
			e = cluster_end_marks(t, f, i);
			draw_cluster(&p, H, t, f, i, e);
		}
	pen_end_span(&p);
	pen_close_array(&p);
	if (b.len)
		HPDF_Stream_WriteStr(out, b.data);
	HPDF_Page_EndText(pg);
	buf_free(&b);
}

/* Graphics states for transparency, one per pair of alphas in the whole
 * document (pages share them). */
struct alphas {
	HPDF_ExtGState	 gs[16];
	uint16_t	 key[16];	/* fill alpha << 8 | stroke alpha */
	int		 n;
};

static HPDF_ExtGState
alpha_state(HPDF_Doc pdf, struct alphas *a, unsigned fill, unsigned stroke)
{
	uint16_t key = (uint16_t)(fill << 8 | stroke);
	HPDF_ExtGState gs;

	for (int i = 0; i < a->n; i++)
		if (a->key[i] == key)
			return a->gs[i];
	gs = HPDF_CreateExtGState(pdf);
	HPDF_ExtGState_SetAlphaFill(gs, fill / 255.0f);
	HPDF_ExtGState_SetAlphaStroke(gs, stroke / 255.0f);
	if (a->n < 16) {
		a->key[a->n] = key;
		a->gs[a->n++] = gs;
	}
	return gs;
}

/* An SVG shape's caps, joins, miter limit and dashes.  libharu 2.3.0
 * takes dashes in whole points only, so the operator is written here. */
static void
stroke_style(HPDF_Page pg, const struct dl_path *p)
{
	static const HPDF_LineCap cap[] = { HPDF_BUTT_END, HPDF_ROUND_END,
	    HPDF_PROJECTING_SCUARE_END };
	static const HPDF_LineJoin join[] = { HPDF_MITER_JOIN, HPDF_ROUND_JOIN,
	    HPDF_BEVEL_JOIN };
	struct buf b;

	HPDF_Page_SetLineCap(pg, cap[p->cap % 3]);
	HPDF_Page_SetLineJoin(pg, join[p->join % 3]);
	HPDF_Page_SetMiterLimit(pg, p->miter >= 1 ? p->miter : 1);
	if (p->ndash == 0)
		return;
	buf_init(&b);
	buf_addc(&b, '[');
	for (uint32_t i = 0; i < p->ndash; i++) {
		if (i)
			buf_addc(&b, ' ');
		put_num(&b, p->dash[i]);
	}
	buf_adds(&b, "] ");
	put_num(&b, p->dash_off);
	buf_adds(&b, " d\n");
	HPDF_Stream_WriteStr(((HPDF_PageAttr)pg->attr)->stream, b.data);
	buf_free(&b);
}

static void
draw_path(HPDF_Doc pdf, struct alphas *a, HPDF_Page pg, float H,
    const struct dl_path *p)
{
	uint32_t k = 0;
	int fill = (p->flags & DL_FILL) != 0, stroke = (p->flags & DL_STROKE) != 0;

	HPDF_Page_GSave(pg);
	if ((fill && (p->fill & 0xff) != 0xff) ||
	    (stroke && (p->stroke & 0xff) != 0xff))
		HPDF_Page_SetExtGState(pg, alpha_state(pdf, a, p->fill & 0xff,
		    p->stroke & 0xff));
	if (fill)
		rgb_fill(pg, p->fill);
	if (stroke) {
		rgb_stroke(pg, p->stroke);
		HPDF_Page_SetLineWidth(pg, p->width);
		if (p->flags & DL_STYLED)
			stroke_style(pg, p);
		else if (p->flags & DL_ROUND) {
			HPDF_Page_SetLineCap(pg, HPDF_ROUND_END);
			HPDF_Page_SetLineJoin(pg, HPDF_ROUND_JOIN);
		}
		if (p->flags & (DL_DASH | DL_DOTTED)) {
			/* libharu 2.3.0 takes whole points. */
			HPDF_UINT16 dash[2] = { p->flags & DL_DOTTED ? 1 : 2,
			    p->flags & DL_DOTTED ? 3 : 2 };

			HPDF_Page_SetDash(pg, dash, 2, 0);
		}
	}
	for (uint32_t o = 0; o < p->nops; o++) {
		const float *v = p->pts + k;

		switch (p->ops[o]) {
		case DL_MOVE:
			HPDF_Page_MoveTo(pg, v[0], H - v[1]);
			k += 2;
			break;
		case DL_LINE:
			HPDF_Page_LineTo(pg, v[0], H - v[1]);
			k += 2;
			break;
		case DL_CURVE:
			HPDF_Page_CurveTo(pg, v[0], H - v[1], v[2], H - v[3], v[4],
			    H - v[5]);
			k += 6;
			break;
		case DL_CLOSE:
			HPDF_Page_ClosePath(pg);
			break;
		}
	}
	if (fill && stroke)
		(p->flags & DL_EVENODD ? HPDF_Page_EofillStroke : HPDF_Page_FillStroke)(pg);
	else if (fill)
		(p->flags & DL_EVENODD ? HPDF_Page_Eofill : HPDF_Page_Fill)(pg);
	else
		HPDF_Page_Stroke(pg);
	HPDF_Page_GRestore(pg);
}

static HPDF_Destination
make_dest(HPDF_Page *pages, size_t npages, const struct dl_dest *d)
{
	HPDF_Destination dst;
	int p = d->page >= 0 && (size_t)d->page < npages ? d->page : 0;

	dst = HPDF_Page_CreateDestination(pages[p]);
	HPDF_Destination_SetXYZ(dst, 0, HPDF_Page_GetHeight(pages[p]) - d->y + 4, 1);
	return dst;
}

static void
set_date(HPDF_Doc pdf, long long epoch)
{
	time_t t = (time_t)epoch;
	struct tm tm;
	HPDF_Date d;

	gmtime_r(&t, &tm);
	memset(&d, 0, sizeof(d));
	d.year = tm.tm_year + 1900;
	d.month = tm.tm_mon + 1;
	d.day = tm.tm_mday;
	d.hour = tm.tm_hour;
	d.minutes = tm.tm_min;
	d.seconds = tm.tm_sec;
	d.ind = 'Z';
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_CREATION_DATE, d);
	HPDF_SetInfoDateAttr(pdf, HPDF_INFO_MOD_DATE, d);
}

/* A PDF being made: the libharu document, and the faces opened for it
 * as layout first drew with them (see pdf.h). */
struct pdf_writer {
	HPDF_Doc	 pdf;
	struct pctx	 ctx;
	int		 compress, threaded;
	struct pdffont	**fonts;	/* in the order of first use */
	size_t		 nf, capf;
	char		*err;		/* the first face that failed */
	char		 pdfa[2];	/* PDF/A-2 conformance ("U"), or "" */
	double		 ms_fonts;	/* opening and subsetting faces */
	struct zcache	*kept;		/* streams deflated in builds before */
};

/* Start a PDF; see pdf.h. */
struct pdf_writer *
pdf_writer_new(int compress, int threaded)
{
	struct pdf_writer *w = xcalloc(1, sizeof(*w));

	if ((w->pdf = HPDF_New(on_error, &w->ctx)) == NULL) {
		free(w);
		return NULL;
	}
	HPDF_SetCompressionMode(w->pdf, compress ? HPDF_COMP_ALL : HPDF_COMP_NONE);
	w->compress = compress;
	w->threaded = threaded;
	HPDF_UseUTFEncodings(w->pdf);
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	return w;
}

/* The face at path, opened on first use; NULL (and w->err) on failure. */
static struct pdffont *
writer_font(struct pdf_writer *w, const char *path)
{
	struct pdffont *f;
	char *err = NULL;
	double t0;

	for (size_t i = 0; i < w->nf; i++)
		if (strcmp(pdffont_path(w->fonts[i]), path) == 0)
			return w->fonts[i];
	if (w->err)
		return NULL;
	t0 = mono_ms();
	/* Face 0 of a collection: the display list names files, and the
	 * faces of a Noto CJK collection share their glyphs (CFF and hmtx),
	 * so the glyph ids Pango chose in any of them draw the same. */
	f = pdffont_open(path, 0, &err);
	w->ms_fonts += mono_ms() - t0;
	if (f == NULL) {
		w->err = err;
		return NULL;
	}
	w->fonts = xgrow(w->fonts, &w->capf, w->nf + 1, sizeof(*w->fonts));
	w->fonts[w->nf++] = f;
	return f;
}

/* Deflated streams to reuse; see pdf.h. */
void
pdf_writer_keep(struct pdf_writer *w, struct zcache *kept)
{
	w->kept = kept;
}

/* PDF/A-2 as well; see pdf.h. */
void
pdf_writer_pdfa(struct pdf_writer *w, char level)
{
	w->pdfa[0] = (char)(level >= 'a' && level <= 'z' ? level - 'a' + 'A' : level);
	w->pdfa[1] = '\0';
}

/* Announce a face; see pdf.h. */
void
pdf_writer_face(struct pdf_writer *w, const char *path)
{
	writer_font(w, path);
}

/* Free a writer. */
void
pdf_writer_free(struct pdf_writer *w)
{
	if (w == NULL)
		return;
	for (size_t i = 0; i < w->nf; i++)
		pdffont_free(w->fonts[i]);
	free(w->fonts);
	free(w->err);
	HPDF_Free(w->pdf);
	free(w);
}

/* What pdf_writer_finish works with: per face of the display list, its
 * font (NULL for a face no text uses) and its dictionary; the pages. */
struct job {
	struct pdf_writer	*w;
	const struct dl_doc	*doc;
	struct pdffont		**face;
	HPDF_Dict		*dict;
	size_t			 nfaces;
	HPDF_Page		*pages;
	size_t			 npages;
	struct pdfzip		*z;
	struct pdftags		*tags;
	float			*img_w, *img_h;	/* each image's largest placed size */
	char			*err;
};

/* Step 1: every face some text item uses, opened, with its font
 * dictionary made in the order of first use.  Returns 0 or -1. */
static int
collect_faces(struct job *j)
{
	const struct dl_doc *doc = j->doc;
	int *order = xcalloc(j->nfaces ? j->nfaces : 1, sizeof(int));
	size_t n = 0;

	for (size_t p = 0; p < dl_npages(doc) && j->w->err == NULL; p++) {
		const struct dl_list *l = &dl_page(doc, p)->list;

		for (size_t i = 0; i < l->n && j->w->err == NULL; i++) {
			int f;

			if (l->items[i].kind != DL_TEXT ||
			    j->face[f = l->items[i].u.text.face] != NULL)
				continue;
			if ((j->face[f] = writer_font(j->w, dl_face_path(doc, f))) != NULL)
				order[n++] = f;
		}
	}
	for (size_t i = 0; i < n && j->w->err == NULL; i++)
		if ((j->dict[order[i]] = pdffont_dict(j->face[order[i]], j->w->pdf)) == NULL)
			j->err = xstrdup("libharu cannot make a font dictionary");
	free(order);
	if (j->w->err && j->err == NULL)
		j->err = xstrdup(j->w->err);
	return j->err ? -1 : 0;
}

/* An image of the display list in the document, loaded on first use. */
static HPDF_Image
job_image(struct job *j, HPDF_Image *images, int i)
{
	const struct dl_imagefile *f = dl_imagefile(j->doc, i);
	struct pctx *ctx = &j->w->ctx;

	if (images[i] == NULL) {
		int w, h;
		char *data;
		size_t len;

		if (picture_fit_size(f->px_w, f->px_h, j->img_w[i], j->img_h[i], &w, &h)) {
			/* More pixels than PICTURE_DPI at its placed size. */
			if (picture_refit(f->path, f->is_png, w, h, &data, &len) != 0) {
				j->err = xasprintf("cannot decode the image %s", f->path);
				return NULL;
			}
			images[i] = (f->is_png ? HPDF_LoadPngImageFromMem :
			    HPDF_LoadJpegImageFromMem)(j->w->pdf, (HPDF_BYTE *)data,
			    (HPDF_UINT)len);
			free(data);
		} else		/* a JPEG as it is, not recompressed */
			images[i] = f->is_png ? HPDF_LoadPngImageFromFile(j->w->pdf,
			    f->path) : HPDF_LoadJpegImageFromFile(j->w->pdf, f->path);
		if (images[i] == NULL || ctx->err) {
			j->err = xasprintf("cannot embed the image %s (libharu error "
			    "0x%04X)", f->path, (unsigned)ctx->err);
			images[i] = NULL;
		}
	}
	return images[i];
}

static HPDF_Annotation
draw_link(struct job *j, HPDF_Page page, float H, const struct dl_link *l)
{
	HPDF_Rect r = { l->x, H - l->y - l->h, l->x + l->w, H - l->y };
	HPDF_Annotation a;

	if (l->uri)
		a = HPDF_Page_CreateURILinkAnnot(page, r, l->uri);
	else
		a = HPDF_Page_CreateLinkAnnot(page, r, make_dest(j->pages, j->npages,
		    dl_dest(j->doc, l->dest)));
	HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
	return a;
}

/* Draw one page's items.  Returns 0, or -1 with j->err set. */
static int
draw_page(struct job *j, struct alphas *alphas, HPDF_Image *images, size_t p)
{
	const struct dl_page *pg = dl_page(j->doc, p);
	HPDF_Page page = j->pages[p];
	float tc = 0;

	for (size_t i = 0; i < pg->list.n; i++) {
		const struct dl_item *it = &pg->list.items[i];
		const struct dl_image *im = &it->u.image;

		pdftags_item(j->tags, page, p, it);
		switch (it->kind) {
		case DL_TEXT:
			draw_text(page, pg->h, &it->u.text, j->face[it->u.text.face],
			    j->dict[it->u.text.face], &tc);
			break;
		case DL_PATH:
			draw_path(j->w->pdf, alphas, page, pg->h, &it->u.path);
			break;
		case DL_IMAGE:
			if (job_image(j, images, im->image) == NULL)
				return -1;
			HPDF_Page_DrawImage(page, images[im->image], im->x,
			    pg->h - im->y - im->h, im->w, im->h);
			break;
		case DL_LINK:
			pdftags_link(j->tags, draw_link(j, page, pg->h, &it->u.link),
			    page, p, it);
			break;
		}
	}
	pdftags_page_end(j->tags, page, p);
	return 0;
}

/* The largest size each image is drawn at, in points, into j. */
static void
placed_sizes(struct job *j)
{
	size_t n = dl_nimages(j->doc) ? dl_nimages(j->doc) : 1;

	j->img_w = xcalloc(n, sizeof(float));
	j->img_h = xcalloc(n, sizeof(float));
	for (size_t p = 0; p < j->npages; p++) {
		const struct dl_list *l = &dl_page(j->doc, p)->list;

		for (size_t i = 0; i < l->n; i++) {
			const struct dl_image *im = &l->items[i].u.image;

			if (l->items[i].kind != DL_IMAGE)
				continue;
			if (im->w > j->img_w[im->image])
				j->img_w[im->image] = im->w;
			if (im->h > j->img_h[im->image])
				j->img_h[im->image] = im->h;
		}
	}
}

/* Step 2: the pages, each deflated on another core once drawn.  Returns
 * 0, or -1 with j->err set when an image cannot be embedded. */
static int
draw_pages(struct job *j)
{
	HPDF_Image *images = xcalloc(dl_nimages(j->doc) ? dl_nimages(j->doc) : 1,
	    sizeof(HPDF_Image));
	struct alphas alphas;
	int rc = 0;

	memset(&alphas, 0, sizeof(alphas));
	placed_sizes(j);
	for (size_t p = 0; p < j->npages; p++) {
		j->pages[p] = HPDF_AddPage(j->w->pdf);
		HPDF_Page_SetWidth(j->pages[p], dl_page(j->doc, p)->w);
		HPDF_Page_SetHeight(j->pages[p], dl_page(j->doc, p)->h);
	}
	for (size_t p = 0; p < j->npages && j->w->ctx.err == 0 && rc == 0; p++) {
		HPDF_PageAttr pa = j->pages[p]->attr;

		rc = draw_page(j, &alphas, images, p);
		/* Finished only when nothing is left open for libharu to
		 * close at save time. */
		if (pa->gmode == HPDF_GMODE_PAGE_DESCRIPTION && pa->gstate &&
		    pa->gstate->prev == NULL)
			pdfzip_add(j->z, pa->contents, 0);
	}
	free(images);
	free(j->img_w);
	free(j->img_h);
	j->img_w = j->img_h = NULL;
	return rc;
}

/* Step 3: each face subset to the glyphs the pages drew, and written.
 * Returns 0, or -1 with j->err set. */
static int
write_fonts(struct job *j)
{
	for (size_t f = 0; f < j->nfaces; f++) {
		if (j->face[f] == NULL || j->dict[f] == NULL)
			continue;
		if (pdffont_subset(j->face[f]) != 0) {
			j->err = xasprintf("cannot embed the face %s: HarfBuzz could "
			    "not subset it", pdffont_path(j->face[f]));
			return -1;
		}
		if (pdffont_write(j->face[f], j->w->pdf, j->z, j->w->compress,
		    &j->err) != 0)
			return -1;
		j->dict[f] = NULL;	/* written once, however many faces share it */
		for (size_t g = f + 1; g < j->nfaces; g++)
			if (j->face[g] == j->face[f])
				j->dict[g] = NULL;
	}
	return 0;
}

/* Step 4: bookmarks, a parent per level. */
static void
write_outline(struct job *j)
{
	HPDF_Doc pdf = j->w->pdf;
	HPDF_Outline parent[8] = { NULL };
	HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");

	if (dl_nbookmarks(j->doc) == 0 || j->w->ctx.err)
		return;
	for (size_t i = 0; i < dl_nbookmarks(j->doc); i++) {
		const struct dl_bookmark *bm = dl_bookmark_at(j->doc, i);
		int lv = bm->level < 7 ? bm->level : 7;
		HPDF_Outline o;

		while (lv > 0 && parent[lv - 1] == NULL)
			lv--;
		o = HPDF_CreateOutline(pdf, lv ? parent[lv - 1] : NULL, bm->title, enc);
		HPDF_Outline_SetDestination(o, make_dest(j->pages, j->npages,
		    dl_dest(j->doc, bm->dest)));
		HPDF_Outline_SetOpened(o, lv < 1);
		parent[lv] = o;
		for (int k = lv + 1; k < 8; k++)
			parent[k] = NULL;
	}
	HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
}

/* Step 5: page labels and the document information. */
static void
write_info(struct job *j)
{
	HPDF_Doc pdf = j->w->pdf;
	const struct dl_info *info = dl_info((struct dl_doc *)j->doc);

	for (size_t i = 0; i < dl_nlabels(j->doc); i++) {
		const struct dl_labels *lb = dl_labels_at(j->doc, i);

		HPDF_AddPageLabel(pdf, (HPDF_UINT)lb->first_page, lb->roman ?
		    HPDF_PAGE_NUM_STYLE_LOWER_ROMAN : HPDF_PAGE_NUM_STYLE_DECIMAL,
		    (HPDF_UINT)lb->start, NULL);
	}
	if (info->title)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_TITLE, info->title);
	if (info->subject)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_SUBJECT, info->subject);
	if (info->author)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_AUTHOR, info->author);
	if (info->keywords)
		HPDF_SetInfoAttr(pdf, HPDF_INFO_KEYWORDS, info->keywords);
	if (info->creator) {
		HPDF_SetInfoAttr(pdf, HPDF_INFO_CREATOR, info->creator);
		HPDF_SetInfoAttr(pdf, HPDF_INFO_PRODUCER, info->creator);
	}
	set_date(pdf, info->epoch);
}

/* Step 6: serialise the document into memory.  Returns 0, or -1 with
 * j->err set. */
static int
save_pdf(struct job *j, char **out, size_t *len)
{
	HPDF_Doc pdf = j->w->pdf;
	struct pctx *ctx = &j->w->ctx;
	struct buf b;

	if (ctx->err || HPDF_SaveToStream(pdf) != HPDF_OK || ctx->err) {
		j->err = xasprintf("libharu failed (error 0x%04X, detail %u)",
		    (unsigned)ctx->err, (unsigned)ctx->detail);
		return -1;
	}
	buf_init(&b);
	HPDF_ResetStream(pdf);
	for (;;) {
		HPDF_BYTE chunk[65536];
		HPDF_UINT32 n = sizeof(chunk);
		HPDF_STATUS rs = HPDF_ReadFromStream(pdf, chunk, &n);

		buf_add(&b, chunk, n);
		if (rs == HPDF_STREAM_EOF || n == 0)
			break;
		if (rs != HPDF_OK) {
			buf_free(&b);
			j->err = xstrdup("cannot read the PDF back from libharu");
			return -1;
		}
	}
	*len = b.len;
	*out = buf_steal(&b);
	return 0;
}

/* Write the document; see pdf.h. */
int
pdf_writer_finish(struct pdf_writer *w, const struct dl_doc *doc, char **out,
    size_t *len, struct pdf_stats *stats, char **err)
{
	struct pdf_stats st = { 0, 0, 0, 0 };
	struct job j;
	double t0 = mono_ms(), t1, t2;
	int rc = -1;

	*out = NULL;
	*len = 0;
	*err = NULL;
	memset(&j, 0, sizeof(j));
	j.w = w;
	j.doc = doc;
	j.nfaces = dl_nfaces(doc);
	j.face = xcalloc(j.nfaces ? j.nfaces : 1, sizeof(*j.face));
	j.dict = xcalloc(j.nfaces ? j.nfaces : 1, sizeof(*j.dict));
	j.npages = dl_npages(doc);
	j.pages = xcalloc(j.npages ? j.npages : 1, sizeof(HPDF_Page));
	j.tags = pdftags_new(doc, w->pdf);
	if (w->pdfa[0])
		pdftags_pdfa(j.tags, "2", w->pdfa, w->compress);
	if (collect_faces(&j) != 0)
		goto out;
	if (w->compress && w->threaded)
		j.z = pdfzip_new(w->kept);
	if (draw_pages(&j) != 0)
		goto out;
	t1 = mono_ms();
	if (write_fonts(&j) != 0)
		goto out;
	t2 = mono_ms();
	if (pdfzip_finish(j.z, &st.compress) != 0 && w->ctx.err == 0)
		w->ctx.err = HPDF_FAILD_TO_ALLOC_MEM;
	write_outline(&j);
	write_info(&j);
	if (w->ctx.err == 0 && pdftags_finish(j.tags, dl_info((struct dl_doc *)doc),
	    j.pages, &j.err) != 0) {
		if (j.err)
			goto out;
		if (w->ctx.err == 0)
			w->ctx.err = HPDF_FAILD_TO_ALLOC_MEM;
	}
	st.fonts = w->ms_fonts + (t2 - t1);
	st.draw = mono_ms() - t0 - (t2 - t1);
	t0 = mono_ms();
	if (save_pdf(&j, out, len) != 0)
		goto out;
	st.save = mono_ms() - t0;
	if (stats)
		*stats = st;
	rc = 0;
out:
	*err = j.err;
	pdfzip_free(j.z);
	pdftags_free(j.tags);
	free(j.face);
	free(j.dict);
	free(j.pages);
	return rc;
}
