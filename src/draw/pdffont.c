/* pdffont.c: glyph-id fonts for the PDF (see pdffont.h). */
#include <math.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <glib.h>
#include <hb.h>
#include <hb-ot.h>
#include <hb-subset.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>

#include "base/util.h"
#include "draw/pdffont.h"
#include "draw/tounicode.h"

struct pdffont {
	char		*path;
	unsigned	 index;
	hb_blob_t	*blob;
	hb_face_t	*face;
	hb_font_t	*font;
	unsigned	 upem, nglyphs;
	int		 cff;		/* CFF outlines, else TrueType */
	uint8_t		*used;		/* per glyph: in the subset */
	float		*w;		/* per used glyph: advance, 1/1000 em */
	char		**text;		/* per glyph: its ToUnicode text */
	gunichar	*rev;		/* per glyph: a character whose cmap
					 * glyph it is (0: none), made when
					 * first needed */
	hb_blob_t	*program;	/* the subset font file */
	HPDF_Dict	 dict;		/* the Type0 font */
	char		 name[80];	/* subset tag + PostScript name */
};

static int
has_table(hb_face_t *face, hb_tag_t tag)
{
	hb_blob_t *b = hb_face_reference_table(face, tag);
	int yes = hb_blob_get_length(b) > 0;

	hb_blob_destroy(b);
	return yes;
}

/* Open a face; see pdffont.h. */
struct pdffont *
pdffont_open(const char *path, unsigned index, char **err)
{
	struct pdffont *f = xcalloc(1, sizeof(*f));

	f->path = xstrdup(path);
	f->index = index;
	f->blob = hb_blob_create_from_file_or_fail(path);
	if (f->blob)
		f->face = hb_face_create(f->blob, index);
	if (f->face == NULL || (f->nglyphs = hb_face_get_glyph_count(f->face)) == 0) {
		*err = xasprintf("cannot embed the face %s: no glyphs found in it",
		    path);
		pdffont_free(f);
		return NULL;
	}
	if (f->nglyphs > 65536)
		f->nglyphs = 65536;
	f->upem = hb_face_get_upem(f->face);
	f->font = hb_font_create(f->face);
	f->cff = has_table(f->face, HB_TAG('C', 'F', 'F', ' '));
	f->used = xcalloc(f->nglyphs, 1);
	f->w = xcalloc(f->nglyphs, sizeof(float));
	f->text = xcalloc(f->nglyphs, sizeof(char *));
	pdffont_use(f, 0);	/* .notdef: every font program keeps it */
	return f;
}

/* Free a face. */
void
pdffont_free(struct pdffont *f)
{
	if (f == NULL)
		return;
	if (f->text)
		for (unsigned g = 0; g < f->nglyphs; g++)
			free(f->text[g]);
	free(f->text);
	free(f->rev);
	free(f->used);
	free(f->w);
	hb_blob_destroy(f->program);
	hb_font_destroy(f->font);
	hb_face_destroy(f->face);
	hb_blob_destroy(f->blob);
	free(f->path);
	free(f);
}

/* The face's file. */
const char *
pdffont_path(const struct pdffont *f)
{
	return f->path;
}

/* A glyph's advance, exact to 1/1000 of a /W unit; see pdffont.h. */
double
pdffont_use(struct pdffont *f, uint32_t gid)
{
	if (gid >= f->nglyphs)
		gid = 0;
	if (!f->used[gid]) {
		hb_position_t adv = hb_font_get_glyph_h_advance(f->font, gid);

		f->used[gid] = 1;
		f->w[gid] = (float)(round(adv * 1e6 / f->upem) / 1000.0);
	}
	return f->w[gid];
}

/* Whether a glyph stands for text; see pdffont.h. */
int
pdffont_map(struct pdffont *f, uint32_t gid, const char *text, size_t len)
{
	if (gid >= f->nglyphs || gid == 0 || len == 0)
		return 0;
	if (f->text[gid] == NULL) {
		f->text[gid] = xstrndup(text, len);
		return 1;
	}
	return strlen(f->text[gid]) == len && memcmp(f->text[gid], text, len) == 0;
}

/* The glyph of c in the face's cmap, or 0. */
static hb_codepoint_t
nominal(struct pdffont *f, gunichar c)
{
	hb_codepoint_t g = 0;

	return hb_font_get_nominal_glyph(f->font, c, &g) ? g : 0;
}

/* A character whose cmap glyph gid is (the lowest), or 0. */
static gunichar
reverse(struct pdffont *f, uint32_t gid)
{
	if (f->rev == NULL) {
		hb_set_t *set = hb_set_create();
		hb_codepoint_t c = HB_SET_VALUE_INVALID, g;

		f->rev = xcalloc(f->nglyphs + 1, sizeof(*f->rev));
		hb_face_collect_unicodes(f->face, set);
		while (hb_set_next(set, &c))
			if (hb_font_get_nominal_glyph(f->font, c, &g) && g < f->nglyphs &&
			    f->rev[g] == 0)
				f->rev[g] = c;
		hb_set_destroy(set);
	}
	return gid < f->nglyphs ? f->rev[gid] : 0;
}

/* Map the glyphs of a span; see pdffont.h. */
void
pdffont_map_span(struct pdffont *f, const uint32_t *gids, size_t n,
    const char *text, size_t len)
{
	struct buf rest;
	size_t first = n;

	buf_init(&rest);
	/* Characters no glyph of the span is the own glyph of. */
	for (const char *p = text; p < text + len; p = g_utf8_next_char(p)) {
		hb_codepoint_t g = nominal(f, g_utf8_get_char(p));
		size_t k = 0;

		while (k < n && gids[k] != g)
			k++;
		if (k == n || g == 0)
			buf_add(&rest, p, (size_t)(g_utf8_next_char(p) - p));
	}
	for (size_t k = 0; k < n; k++) {
		uint32_t gid = gids[k];
		int own = 0;

		if (gid >= f->nglyphs || gid == 0)
			continue;
		for (const char *p = text; p < text + len && !own; p = g_utf8_next_char(p))
			if (nominal(f, g_utf8_get_char(p)) == gid) {
				own = 1;
				if (f->text[gid] == NULL)
					f->text[gid] = xstrndup(p,
					    (size_t)(g_utf8_next_char(p) - p));
			}
		if (!own && first == n)
			first = k;
	}
	if (first < n && rest.len && f->text[gids[first]] == NULL)
		f->text[gids[first]] = xstrndup(rest.data, rest.len);
	buf_free(&rest);
	/* PDF/A-2u wants every glyph drawn to have a Unicode value: a glyph
	 * shaping added (the second part of a split vowel, a half form)
	 * gets the character the face's cmap gives it, else the span's
	 * text (the /ActualText over it says what the span reads). */
	for (size_t k = 0; k < n; k++) {
		uint32_t gid = gids[k];
		char u[8];

		if (gid >= f->nglyphs || gid == 0 || f->text[gid] != NULL)
			continue;
		if (reverse(f, gid))
			f->text[gid] = xstrndup(u, (size_t)g_unichar_to_utf8(
			    reverse(f, gid), u));
		else if (len)
			f->text[gid] = xstrndup(text, len);
	}
}

/* FNV-1a over the face's name and the glyphs used: the subset tag. */
static void
subset_name(struct pdffont *f)
{
	char ps[64];
	unsigned n = sizeof(ps);
	uint64_t h = 1469598103934665603ull;
	char tag[7];
	size_t k = 0;

	if (hb_ot_name_get_utf8(f->face, HB_OT_NAME_ID_POSTSCRIPT_NAME,
	    HB_LANGUAGE_INVALID, &n, ps) == 0)
		snprintf(ps, sizeof(ps), "Face");
	/* A PDF name without escapes: letters, digits and '-'. */
	for (char *p = ps; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-')
			*p = '-';
	for (const char *p = ps; *p; p++)
		h = (h ^ (unsigned char)*p) * 1099511628211ull;
	for (unsigned g = 0; g < f->nglyphs; g++)
		if (f->used[g]) {
			h = (h ^ (g & 0xFF)) * 1099511628211ull;
			h = (h ^ (g >> 8)) * 1099511628211ull;
		}
	for (k = 0; k < 6; k++) {
		tag[k] = (char)('A' + h % 26);
		h /= 26;
	}
	tag[6] = '\0';
	snprintf(f->name, sizeof(f->name), "%s+%s", tag, ps);
}

/* Subset the face; see pdffont.h. */
int
pdffont_subset(struct pdffont *f)
{
	static const hb_tag_t drop[] = {
		HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'),
		HB_TAG('G', 'D', 'E', 'F'), HB_TAG('B', 'A', 'S', 'E'),
		HB_TAG('J', 'S', 'T', 'F'), HB_TAG('M', 'A', 'T', 'H'),
		HB_TAG('k', 'e', 'r', 'n'), HB_TAG('D', 'S', 'I', 'G'),
		HB_TAG('h', 'd', 'm', 'x'), HB_TAG('L', 'T', 'S', 'H'),
		HB_TAG('V', 'D', 'M', 'X'), HB_TAG('v', 'h', 'e', 'a'),
		HB_TAG('v', 'm', 't', 'x'), HB_TAG('V', 'O', 'R', 'G'),
		HB_TAG('S', 'T', 'A', 'T'), HB_TAG('m', 'e', 't', 'a'),
		/* Nothing a PDF reader looks up: codes are glyph ids. */
		HB_TAG('c', 'm', 'a', 'p'), HB_TAG('n', 'a', 'm', 'e'),
		HB_TAG('p', 'o', 's', 't'), HB_TAG('g', 'a', 's', 'p'),
		HB_TAG('O', 'S', '/', '2'),
	};
	hb_subset_input_t *in = hb_subset_input_create_or_fail();
	hb_face_t *sub;
	hb_set_t *gs, *tables;

	if (in == NULL)
		return -1;
	gs = hb_subset_input_glyph_set(in);
	for (unsigned g = 0; g < f->nglyphs; g++)
		if (f->used[g])
			hb_set_add(gs, g);
	tables = hb_subset_input_set(in, HB_SUBSET_SETS_DROP_TABLE_TAG);
	for (size_t i = 0; i < sizeof(drop) / sizeof(drop[0]); i++)
		hb_set_add(tables, drop[i]);
	/* Glyph ids kept for TrueType (CID = glyph id).  A CID-keyed CFF
	 * keeps its CIDs in its charset whatever the glyph order, and
	 * keeping 65,535 glyph slots would cost its CharStrings INDEX
	 * 200 KB: its glyphs are packed instead. */
	hb_subset_input_set_flags(in, HB_SUBSET_FLAGS_NO_HINTING |
	    (f->cff ? 0 : HB_SUBSET_FLAGS_RETAIN_GIDS));
	sub = hb_subset_or_fail(f->face, in);
	hb_subset_input_destroy(in);
	if (sub == NULL)
		return -1;
	hb_blob_destroy(f->program);
	/* CFF goes in as the bare table (FontFile3 /CIDFontType0C). */
	f->program = f->cff ? hb_face_reference_table(sub, HB_TAG('C', 'F', 'F', ' ')) :
	    hb_face_reference_blob(sub);
	hb_face_destroy(sub);
	subset_name(f);
	return hb_blob_get_length(f->program) > 0 ? 0 : -1;
}

/* The Type0 dictionary, made on first use. */
HPDF_Dict
pdffont_dict(struct pdffont *f, HPDF_Doc pdf)
{
	if (f->dict == NULL) {
		f->dict = HPDF_Dict_New(pdf->mmgr);
		if (f->dict && HPDF_Xref_Add(pdf->xref, f->dict) != HPDF_OK)
			f->dict = NULL;
	}
	return f->dict;
}

/* A stream object holding data, deflated when asked (by z if given). */
static HPDF_Dict
data_stream(HPDF_Doc pdf, struct pdfzip *z, int compress, const void *data,
    size_t len)
{
	HPDF_Dict s = HPDF_DictStream_New(pdf->mmgr, pdf->xref);

	if (s == NULL)
		return NULL;
	s->filter = compress ? HPDF_STREAM_FILTER_FLATE_DECODE : HPDF_STREAM_FILTER_NONE;
	if (HPDF_Stream_Write(s->stream, data, (HPDF_UINT)len) != HPDF_OK)
		return NULL;
	if (z && compress)
		pdfzip_add(z, s, 1);
	return s;
}

/* A number, whole when it is whole. */
static HPDF_STATUS
array_num(HPDF_Array a, double v)
{
	if (v == floor(v) && fabs(v) < 1e9)
		return HPDF_Array_AddNumber(a, (HPDF_INT32)v);
	return HPDF_Array_AddReal(a, (HPDF_REAL)v);
}

/* /W: runs of consecutive used glyphs, "first [w1 w2 ...]". */
static HPDF_Array
widths(struct pdffont *f, HPDF_Doc pdf)
{
	HPDF_Array w = HPDF_Array_New(pdf->mmgr);

	for (unsigned g = 0; w && g < f->nglyphs; g++) {
		HPDF_Array run;

		if (!f->used[g])
			continue;
		HPDF_Array_AddNumber(w, (HPDF_INT32)g);
		run = HPDF_Array_New(pdf->mmgr);
		HPDF_Array_Add(w, run);
		for (; g < f->nglyphs && f->used[g]; g++)
			array_num(run, f->w[g]);
	}
	return w;
}

/* Read a big-endian 16-bit value of a table, 0 when it is too short. */
static int
table_s16(hb_face_t *face, hb_tag_t tag, unsigned off)
{
	hb_blob_t *b = hb_face_reference_table(face, tag);
	unsigned len = 0;
	const unsigned char *p = (const unsigned char *)hb_blob_get_data(b, &len);
	int v = 0;

	if (off + 2 <= len)
		v = (int16_t)(p[off] << 8 | p[off + 1]);
	hb_blob_destroy(b);
	return v;
}

/* The descriptor: metrics in 1/1000 em, and the font file. */
static HPDF_Dict
descriptor(struct pdffont *f, HPDF_Doc pdf, HPDF_Dict file)
{
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
	HPDF_Array bbox;
	hb_position_t asc = 0, desc = 0, cap = 0;
	hb_tag_t head = HB_TAG('h', 'e', 'a', 'd'), post = HB_TAG('p', 'o', 's', 't');
	double k = 1000.0 / f->upem, italic;
	int weight = table_s16(f->face, HB_TAG('O', 'S', '/', '2'), 4);

	if (d == NULL || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL;
	hb_ot_metrics_get_position_with_fallback(f->font,
	    HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &asc);
	hb_ot_metrics_get_position_with_fallback(f->font,
	    HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &desc);
	hb_ot_metrics_get_position_with_fallback(f->font,
	    HB_OT_METRICS_TAG_CAP_HEIGHT, &cap);
	italic = table_s16(f->face, post, 4) + table_s16(f->face, post, 6) / 65536.0;
	HPDF_Dict_AddName(d, "Type", "FontDescriptor");
	HPDF_Dict_AddName(d, "FontName", f->name);
	HPDF_Dict_AddNumber(d, "Flags", 4 | (italic != 0 ? 64 : 0));
	bbox = HPDF_Array_New(pdf->mmgr);
	for (unsigned off = 36; off <= 42; off += 2)
		HPDF_Array_AddNumber(bbox, (HPDF_INT32)lround(table_s16(f->face, head,
		    off) * k));
	HPDF_Dict_Add(d, "FontBBox", bbox);
	HPDF_Dict_AddReal(d, "ItalicAngle", (HPDF_REAL)italic);
	HPDF_Dict_AddNumber(d, "Ascent", (HPDF_INT32)lround(asc * k));
	HPDF_Dict_AddNumber(d, "Descent", (HPDF_INT32)lround(desc * k));
	HPDF_Dict_AddNumber(d, "CapHeight", (HPDF_INT32)lround(cap * k));
	/* No stem widths in TrueType: the usual estimate from the weight. */
	HPDF_Dict_AddNumber(d, "StemV", weight > 0 ? 10 + weight * weight / 4000 : 80);
	HPDF_Dict_Add(d, f->cff ? "FontFile3" : "FontFile2", file);
	return d;
}

static HPDF_Dict
cid_system_info(HPDF_Doc pdf)
{
	HPDF_Dict si = HPDF_Dict_New(pdf->mmgr);

	HPDF_Dict_Add(si, "Registry", HPDF_String_New(pdf->mmgr, "Adobe", NULL));
	HPDF_Dict_Add(si, "Ordering", HPDF_String_New(pdf->mmgr, "Identity", NULL));
	HPDF_Dict_AddNumber(si, "Supplement", 0);
	return si;
}

/* Write the font; see pdffont.h. */
int
pdffont_write(struct pdffont *f, HPDF_Doc pdf, struct pdfzip *z, int compress,
    char **err)
{
	HPDF_Dict t0 = pdffont_dict(f, pdf), cid, file, desc, cmap;
	HPDF_Array desc_fonts;
	unsigned len = 0;
	const char *data = f->program ? hb_blob_get_data(f->program, &len) : NULL;
	struct buf cm;

	if (t0 == NULL || data == NULL || len == 0) {
		*err = xasprintf("cannot embed the face %s: HarfBuzz could not "
		    "subset it", f->path);
		return -1;
	}
	file = data_stream(pdf, z, compress, data, len);
	if (file == NULL)
		goto fail;
	if (f->cff)
		HPDF_Dict_AddName(file, "Subtype", "CIDFontType0C");
	else
		HPDF_Dict_AddNumber(file, "Length1", (HPDF_INT32)len);
	if ((desc = descriptor(f, pdf, file)) == NULL)
		goto fail;
	cid = HPDF_Dict_New(pdf->mmgr);
	if (cid == NULL || HPDF_Xref_Add(pdf->xref, cid) != HPDF_OK)
		goto fail;
	HPDF_Dict_AddName(cid, "Type", "Font");
	HPDF_Dict_AddName(cid, "Subtype", f->cff ? "CIDFontType0" : "CIDFontType2");
	HPDF_Dict_AddName(cid, "BaseFont", f->name);
	HPDF_Dict_Add(cid, "CIDSystemInfo", cid_system_info(pdf));
	HPDF_Dict_Add(cid, "FontDescriptor", desc);
	HPDF_Dict_Add(cid, "W", widths(f, pdf));
	if (!f->cff)
		HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");

	buf_init(&cm);
	tounicode_cmap(&cm, f->text, f->nglyphs);
	cmap = data_stream(pdf, z, compress, cm.data, cm.len);
	buf_free(&cm);
	if (cmap == NULL)
		goto fail;

	HPDF_Dict_AddName(t0, "Type", "Font");
	HPDF_Dict_AddName(t0, "Subtype", "Type0");
	HPDF_Dict_AddName(t0, "BaseFont", f->name);
	HPDF_Dict_AddName(t0, "Encoding", "Identity-H");
	desc_fonts = HPDF_Array_New(pdf->mmgr);
	HPDF_Array_Add(desc_fonts, cid);
	HPDF_Dict_Add(t0, "DescendantFonts", desc_fonts);
	HPDF_Dict_Add(t0, "ToUnicode", cmap);
	return 0;
fail:
	*err = xasprintf("cannot embed the face %s: libharu could not make its "
	    "objects", f->path);
	return -1;
}
