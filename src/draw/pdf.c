/* pdf.c: display list -> PDF with libharu 2.3.0.
 *
 * libharu draws characters through a font's cmap, not glyph ids, and
 * rounds advance widths to 1/1000 em.  So each run is written as a TJ
 * array whose adjustments put every cluster where Pango put it, computed
 * from the same integer widths the PDF's /W arrays carry (see draw_text). */
#include <math.h>
#include <stdint.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <glib.h>
#include <hpdf.h>
#include <hpdf_pages.h>

#include "base/util.h"
#include "draw/pdf.h"
#include "draw/pdfzip.h"

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

/* A face in the document and the widths libharu gave for it so far:
 * w[c] is the width of c in 1/1000 em plus one, 0 where not asked yet. */
struct face {
	HPDF_Font	 font;
	uint16_t	*w;		/* 65,536 entries, made on first use */
};

/* The width of a character in libharu's metrics.  Asking libharu also
 * marks the glyph for the embedded subset, so each character is asked of
 * it once per document and remembered. */
static int
char_width(struct face *f, unsigned c)
{
	if (f->w == NULL)
		f->w = xcalloc(65536, sizeof(*f->w));
	if (f->w[c] == 0)
		f->w[c] = (uint16_t)(HPDF_Font_GetUnicodeWidth(f->font,
		    (HPDF_UNICODE)c) + 1);
	return f->w[c] - 1;
}

/* Width of UTF-8 text in libharu's own metrics, in points. */
static double
haru_width(struct face *f, const char *s, size_t n, double size, double spacing)
{
	double w = 0, sp = 0;

	for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c > 0xFFFF)
			continue;	/* libharu cannot draw these */
		w += char_width(f, c);
		sp += spacing;
	}
	return w * size / 1000.0 + sp;
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

/* Append a UTF-16 code unit as four hexadecimal digits. */
static void
put_hex4(struct buf *b, unsigned c)
{
	static const char hex[] = "0123456789ABCDEF";
	char h[4] = { hex[c >> 12 & 15], hex[c >> 8 & 15], hex[c >> 4 & 15],
	    hex[c & 15] };

	buf_add(b, h, 4);
}

/* Draw a run as one TJ array: text as UTF-16 code units (the CIDs of
 * libharu's Identity-H UTF-8 fonts), with a number wherever Pango's
 * position for a cluster differs from where the pen would be (kerning,
 * justification).  libharu 2.3.0 has no TJ call, so the operator is
 * written to the page's content stream directly; fonts, colour and the
 * text object still go through its API, and every character's width is
 * asked of libharu, which marks its glyph for the embedded subset. */
static void
draw_text(HPDF_Page pg, float H, const struct dl_text *t, struct face *f)
{
	HPDF_Stream out = ((HPDF_PageAttr)pg->attr)->stream;
	struct buf b;
	double pen = 0, y = 0;
	int open = 0, started = 0;

	buf_init(&b);
	HPDF_Page_BeginText(pg);
	HPDF_Page_SetFontAndSize(pg, f->font, t->size);
	HPDF_Page_SetCharSpace(pg, t->spacing);
	rgb_fill(pg, t->color);
	for (uint32_t i = 0; i < t->nglyphs; i++) {
		const struct dl_glyph *g = &t->glyphs[i];
		double gx = t->x + g->x, gy = H - (t->y + g->y);
		const char *s = t->text + g->off, *e = s + g->len;

		if (g->len == 0)
			continue;
		if ((unsigned char)s[0] >= 0xF0)
			continue;	/* above U+FFFF: libharu cannot draw it */
		if (!started || fabs(gy - y) > 0.001) {
			/* A new baseline (or the first): a text matrix. */
			if (started)
				buf_adds(&b, open ? ">] TJ\n" : "] TJ\n");
			buf_adds(&b, "1 0 0 1 ");
			put_num(&b, gx);
			buf_addc(&b, ' ');
			put_num(&b, gy);
			buf_adds(&b, " Tm [");
			open = 0;
			pen = gx;
			y = gy;
			started = 1;
		} else if (fabs(gx - pen) > 0.0005) {
			buf_adds(&b, open ? ">" : "");
			put_num(&b, -(gx - pen) * 1000.0 / t->size);
			open = 0;
		}
		if (!open) {
			buf_addc(&b, '<');
			open = 1;
		}
		for (const char *p = s; p < e; p = g_utf8_next_char(p)) {
			gunichar c = g_utf8_get_char(p);

			if (c > 0xFFFF)
				continue;
			put_hex4(&b, (unsigned)c);
		}
		pen = gx + haru_width(f, s, (size_t)(e - s), t->size, t->spacing);
	}
	if (started) {
		buf_adds(&b, open ? ">] TJ\n" : "] TJ\n");
		HPDF_Stream_WriteStr(out, b.data);
	}
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
		if (p->flags & DL_ROUND) {
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
		HPDF_Page_FillStroke(pg);
	else if (fill)
		HPDF_Page_Fill(pg);
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

/* A PDF being made: the libharu document, and the faces loaded into it
 * so far, by a thread while layout runs (see pdf.h). */
struct pdf_writer {
	HPDF_Doc	 pdf;
	struct pctx	 ctx;
	pthread_t	 th;
	pthread_mutex_t	 mu;
	pthread_cond_t	 cv;
	int		 threaded, done, compress;
	char		**queue;	/* face files in the order of first use */
	HPDF_Font	*fonts;		/* fonts[i] for queue[i], once loaded */
	size_t		 nq, capq, capf, loaded;
	char		*err;		/* the first face that failed */
	double		 ms_fonts;	/* loading faces */
	double		 ms_maps;	/* of which deflating their maps */
};

/* Load one face into the document; NULL (and w->err) on failure. */
static HPDF_Font
load_face(struct pdf_writer *w, const char *path)
{
	const char *name;
	double t0 = mono_ms();
	HPDF_Font f = NULL;

	if (w->err == NULL) {
		name = HPDF_LoadTTFontFromFile(w->pdf, path, HPDF_TRUE);
		if (name && w->ctx.err == 0)
			f = HPDF_GetFont(w->pdf, name, "UTF-8");
		/* Its 128 KB CIDToGIDMap is final: deflate it here, on the
		 * loading thread, rather than in the save. */
		if (f && w->ctx.err == 0 && w->compress) {
			double t1 = mono_ms();

			pdfzip_font_map(f);
			w->ms_maps += mono_ms() - t1;
		}
		if (f == NULL || w->ctx.err)
			w->err = xasprintf("cannot embed the face %s (libharu error "
			    "0x%04X)", path, (unsigned)w->ctx.err);
	}
	w->ms_fonts += mono_ms() - t0;
	return f;
}

static void *
loader(void *arg)
{
	struct pdf_writer *w = arg;

	pthread_setname_np(pthread_self(), "pdf-fonts");
	pthread_mutex_lock(&w->mu);
	for (;;) {
		const char *path;
		HPDF_Font f;

		while (w->loaded == w->nq && !w->done)
			pthread_cond_wait(&w->cv, &w->mu);
		if (w->loaded == w->nq)
			break;
		path = w->queue[w->loaded];
		pthread_mutex_unlock(&w->mu);
		f = load_face(w, path);
		pthread_mutex_lock(&w->mu);
		w->fonts[w->loaded++] = f;
	}
	pthread_mutex_unlock(&w->mu);
	return NULL;
}

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
	HPDF_UseUTFEncodings(w->pdf);
	HPDF_SetCurrentEncoder(w->pdf, "UTF-8");
	pthread_mutex_init(&w->mu, NULL);
	pthread_cond_init(&w->cv, NULL);
	w->threaded = threaded && pthread_create(&w->th, NULL, loader, w) == 0;
	return w;
}

/* Announce a face; see pdf.h. */
void
pdf_writer_face(struct pdf_writer *w, const char *path)
{
	pthread_mutex_lock(&w->mu);
	for (size_t i = 0; i < w->nq; i++)
		if (strcmp(w->queue[i], path) == 0) {
			pthread_mutex_unlock(&w->mu);
			return;
		}
	w->queue = xgrow(w->queue, &w->capq, w->nq + 1, sizeof(char *));
	w->fonts = xgrow(w->fonts, &w->capf, w->nq + 1, sizeof(HPDF_Font));
	w->queue[w->nq] = xstrdup(path);
	w->fonts[w->nq] = NULL;
	w->nq++;
	if (!w->threaded)
		w->fonts[w->loaded++] = load_face(w, path);
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
}

static void
writer_stop(struct pdf_writer *w)
{
	if (!w->threaded)
		return;
	pthread_mutex_lock(&w->mu);
	w->done = 1;
	pthread_cond_signal(&w->cv);
	pthread_mutex_unlock(&w->mu);
	pthread_join(w->th, NULL);
	w->threaded = 0;
}

/* Free a writer (its thread stopped first). */
void
pdf_writer_free(struct pdf_writer *w)
{
	if (w == NULL)
		return;
	writer_stop(w);
	for (size_t i = 0; i < w->nq; i++)
		free(w->queue[i]);
	free(w->queue);
	free(w->fonts);
	free(w->err);
	pthread_mutex_destroy(&w->mu);
	pthread_cond_destroy(&w->cv);
	HPDF_Free(w->pdf);
	free(w);
}

/* Write the document; see pdf.h. */
int
pdf_writer_finish(struct pdf_writer *w, const struct dl_doc *doc, char **out,
    size_t *len, struct pdf_stats *stats, char **err)
{
	struct pdf_stats st = { 0, 0, 0, 0 };
	double t0, t1;
	HPDF_Doc pdf = w->pdf;
	struct face *faces;
	struct alphas alphas;
	HPDF_Image *images;
	HPDF_Page *pages;
	size_t np = dl_npages(doc), nf = dl_nfaces(doc);
	const struct dl_info *info = dl_info((struct dl_doc *)doc);
	int *used;
	struct buf b;
	struct pdfzip *z = NULL;
	int rc = -1;
#define ctx w->ctx

	*out = NULL;
	*len = 0;
	*err = NULL;
	writer_stop(w);

	/* Every face some text item uses, in the order of first use (loaded
	 * already when layout announced it). */
	faces = xcalloc(nf ? nf : 1, sizeof(*faces));
	memset(&alphas, 0, sizeof(alphas));
	used = xcalloc(nf ? nf : 1, sizeof(int));
	for (size_t p = 0; p < np; p++) {
		const struct dl_list *l = &dl_page(doc, p)->list;

		for (size_t i = 0; i < l->n; i++)
			if (l->items[i].kind == DL_TEXT)
				used[l->items[i].u.text.face] = 1;
	}
	for (size_t f = 0; f < nf; f++) {
		const char *path = dl_face_path(doc, (int)f);
		size_t k;

		if (!used[f])
			continue;
		for (k = 0; k < w->nq && strcmp(w->queue[k], path) != 0; k++)
			;
		if (k == w->nq)
			pdf_writer_face(w, path);
		faces[f].font = w->fonts[k];
	}
	if (w->err) {
		*err = xstrdup(w->err);
		goto out;
	}
	images = xcalloc(dl_nimages(doc) ? dl_nimages(doc) : 1, sizeof(HPDF_Image));

	t1 = mono_ms();
	st.fonts = w->ms_fonts - w->ms_maps;
	st.compress = w->ms_maps;
	pages = xcalloc(np ? np : 1, sizeof(HPDF_Page));
	for (size_t p = 0; p < np; p++) {
		pages[p] = HPDF_AddPage(pdf);
		HPDF_Page_SetWidth(pages[p], dl_page(doc, p)->w);
		HPDF_Page_SetHeight(pages[p], dl_page(doc, p)->h);
	}
	/* Each page's content is deflated on another core once drawn. */
	if (w->compress)
		z = pdfzip_new();
	for (size_t p = 0; p < np && ctx.err == 0; p++) {
		const struct dl_page *pg = dl_page(doc, p);
		HPDF_PageAttr pa;

		for (size_t i = 0; i < pg->list.n; i++) {
			const struct dl_item *it = &pg->list.items[i];

			switch (it->kind) {
			case DL_TEXT:
				draw_text(pages[p], pg->h, &it->u.text,
				    &faces[it->u.text.face]);
				break;
			case DL_PATH:
				draw_path(pdf, &alphas, pages[p], pg->h, &it->u.path);
				break;
			case DL_IMAGE: {
				const struct dl_image *im = &it->u.image;

				if (images[im->image] == NULL) {
					const struct dl_imagefile *f = dl_imagefile(doc, im->image);

					images[im->image] = f->is_png ?
					    HPDF_LoadPngImageFromFile(pdf, f->path) :
					    HPDF_LoadJpegImageFromFile(pdf, f->path);
					if (images[im->image] == NULL || ctx.err) {
						*err = xasprintf("cannot embed the image %s "
						    "(libharu error 0x%04X)", f->path,
						    (unsigned)ctx.err);
						free(pages);
						free(images);
						goto out;
					}
				}
				HPDF_Page_DrawImage(pages[p], images[im->image], im->x,
				    pg->h - im->y - im->h, im->w, im->h);
				break;
			}
			case DL_LINK: {
				const struct dl_link *l = &it->u.link;
				HPDF_Rect r = { l->x, pg->h - l->y - l->h, l->x + l->w,
				    pg->h - l->y };
				HPDF_Annotation a;

				if (l->uri)
					a = HPDF_Page_CreateURILinkAnnot(pages[p], r, l->uri);
				else
					a = HPDF_Page_CreateLinkAnnot(pages[p], r,
					    make_dest(pages, np, dl_dest(doc, l->dest)));
				HPDF_LinkAnnot_SetBorderStyle(a, 0, 0, 0);
				break;
			}
			}
		}
		/* Finished only when nothing is left open for libharu to
		 * close at save time. */
		pa = pages[p]->attr;
		if (pa->gmode == HPDF_GMODE_PAGE_DESCRIPTION && pa->gstate &&
		    pa->gstate->prev == NULL)
			pdfzip_add(z, pa->contents);
	}
	free(images);
	if (pdfzip_finish(z, &st.compress) != 0 && ctx.err == 0)
		ctx.err = HPDF_FAILD_TO_ALLOC_MEM;

	/* Bookmarks: a parent per level. */
	if (dl_nbookmarks(doc) > 0 && ctx.err == 0) {
		HPDF_Outline parent[8] = { NULL };
		HPDF_Encoder enc = HPDF_GetEncoder(pdf, "UTF-8");

		for (size_t i = 0; i < dl_nbookmarks(doc); i++) {
			const struct dl_bookmark *bm = dl_bookmark_at(doc, i);
			int lv = bm->level < 7 ? bm->level : 7;
			HPDF_Outline o;

			while (lv > 0 && parent[lv - 1] == NULL)
				lv--;
			o = HPDF_CreateOutline(pdf, lv ? parent[lv - 1] : NULL, bm->title,
			    enc);
			HPDF_Outline_SetDestination(o, make_dest(pages, np,
			    dl_dest(doc, bm->dest)));
			HPDF_Outline_SetOpened(o, lv < 1);
			parent[lv] = o;
			for (int k = lv + 1; k < 8; k++)
				parent[k] = NULL;
		}
		HPDF_SetPageMode(pdf, HPDF_PAGE_MODE_USE_OUTLINE);
	}
	for (size_t i = 0; i < dl_nlabels(doc); i++) {
		const struct dl_labels *lb = dl_labels_at(doc, i);

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
	free(pages);
	t0 = mono_ms();
	st.draw = t0 - t1;

	if (ctx.err || HPDF_SaveToStream(pdf) != HPDF_OK || ctx.err) {
		*err = xasprintf("libharu failed (error 0x%04X, detail %u)",
		    (unsigned)ctx.err, (unsigned)ctx.detail);
		goto out;
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
			*err = xstrdup("cannot read the PDF back from libharu");
			goto out;
		}
	}
	*len = b.len;
	*out = buf_steal(&b);
	st.save = mono_ms() - t0;
	if (stats)
		*stats = st;
	rc = 0;
out:
	pdfzip_free(z);
	for (size_t f = 0; f < nf; f++)
		free(faces[f].w);
	free(faces);
	free(used);
	return rc;
#undef ctx
}
