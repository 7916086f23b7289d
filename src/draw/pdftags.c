/* pdftags.c: tagged PDF (PDF/UA-1) from the display list's structure
 * elements.  While pages are drawn, items go inside marked-content
 * sequences: "/P <</MCID n>> BDC ... EMC" for the items of one element
 * in a row, "/Artifact BMC ... EMC" for items of none.  At the end the
 * structure tree is built with every element's kids (its own marked
 * content, its child elements and Link elements for annotations) in the
 * order they first appear on the pages, which is reading order. */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <glib.h>
#include <hpdf.h>
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "base/util.h"
#include "draw/pdftags.h"

/* A marked-content sequence with an MCID, or a link annotation. */
struct mark {
	int		 elem;
	uint32_t	 page, mcid;
	HPDF_Annotation	 annot;		/* a link, else NULL */
};

/* A kid of an element in the tree being built. */
struct kid {
	int		 owner;		/* the element it belongs to */
	uint32_t	 key;		/* first appearance: a mark index */
	int		 elem;		/* a child element, or 0 */
	uint32_t	 mark;		/* else this mark */
};

struct pdftags {
	const struct dl_doc	*doc;
	HPDF_Doc		 pdf;
	struct mark		*marks;
	size_t			 nmarks, capmarks;
	int			 open;		/* -1 none, 0 artifact, else elem */
	int			 last;		/* the last element drawn */
	uint32_t		 nmcid;		/* MCIDs on the current page */
	size_t			 nlinks;
	const char		*pdfa_part, *pdfa_conf;
	int			 compress;
};

/* Start tagging; see pdftags.h. */
struct pdftags *
pdftags_new(const struct dl_doc *doc, HPDF_Doc pdf)
{
	struct pdftags *t = xcalloc(1, sizeof(*t));

	t->doc = doc;
	t->pdf = pdf;
	t->open = -1;
	return t;
}

/* Free a tagger. */
void
pdftags_free(struct pdftags *t)
{
	if (t == NULL)
		return;
	free(t->marks);
	free(t);
}

/* PDF/A identification for the XMP; see pdftags.h. */
void
pdftags_pdfa(struct pdftags *t, const char *part, const char *conf,
    int compress)
{
	t->compress = compress;
	t->pdfa_part = part;
	t->pdfa_conf = conf;
}

static struct mark *
add_mark(struct pdftags *t, int elem, size_t p)
{
	struct mark *m;

	t->marks = xgrow(t->marks, &t->capmarks, t->nmarks + 1, sizeof(*t->marks));
	m = &t->marks[t->nmarks++];
	memset(m, 0, sizeof(*m));
	m->elem = elem;
	m->page = (uint32_t)p;
	return m;
}

/* Marked content around an item; see pdftags.h. */
void
pdftags_item(struct pdftags *t, HPDF_Page page, size_t p, const struct dl_item *it)
{
	HPDF_Stream out = ((HPDF_PageAttr)page->attr)->stream;
	int want = it->elem;
	char tmp[64];

	if (want < 0 || want > dl_nelems(t->doc))
		want = 0;	/* DL_ARTIFACT, or a link marker never placed */
	if (it->kind == DL_LINK || want == t->open)
		return;
	if (t->open >= 0)
		HPDF_Stream_WriteStr(out, "EMC\n");
	if (want == 0)
		HPDF_Stream_WriteStr(out, "/Artifact BMC\n");
	else {
		struct mark *m = add_mark(t, want, p);

		m->mcid = t->nmcid++;
		snprintf(tmp, sizeof(tmp), "/%s <</MCID %u>> BDC\n",
		    dl_role_name(dl_elem(t->doc, want)->role), m->mcid);
		HPDF_Stream_WriteStr(out, tmp);
		t->last = want;
	}
	t->open = want;
}

/* The end of a page; see pdftags.h. */
void
pdftags_page_end(struct pdftags *t, HPDF_Page page, size_t p)
{
	if (t->open >= 0)
		HPDF_Stream_WriteStr(((HPDF_PageAttr)page->attr)->stream, "EMC\n");
	HPDF_Dict_AddName(page, "Tabs", "S");
	if (t->nmcid)
		HPDF_Dict_AddNumber(page, "StructParents", (HPDF_INT32)p);
	t->open = -1;
	t->last = 0;
	t->nmcid = 0;
}

/* PDFDocEncoding's bytes 0x80-0xA0 (ISO 32000-1 D.2), by code point. */
static const uint16_t pdfdoc_high[33] = {
	0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044, 0x2039,
	0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018, 0x2019, 0x201A,
	0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160, 0x0178, 0x017D, 0x0131,
	0x0142, 0x0153, 0x0161, 0x017E, 0, 0x20AC
};

/* s in PDFDocEncoding into b (NUL-terminated); 0 when a character has
 * no byte there. */
static int
pdfdoc(const char *s, struct buf *b)
{
	for (const char *p = s; *p; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);
		int byte = -1;

		if ((c >= 0x20 && c < 0x7f) || (c >= 0xa1 && c <= 0xff && c != 0xad))
			byte = (int)c;
		for (int i = 0; i < 33 && byte < 0; i++)
			if (pdfdoc_high[i] == c && c)
				byte = 0x80 + i;
		if (byte < 0)
			return 0;
		buf_addc(b, (char)byte);
	}
	buf_addc(b, '\0');
	return 1;
}

/* A text string: in PDFDocEncoding when it can be (a literal string, a
 * byte a character), else UTF-16BE with its byte-order mark. */
static HPDF_Obj_Header *
text_string(HPDF_Doc pdf, const char *s)
{
	glong n = 0;
	gunichar2 *u;
	HPDF_BYTE *b;
	HPDF_Binary r;
	struct buf d;

	buf_init(&d);
	if (s && g_utf8_validate(s, -1, NULL) && strlen(s) < 32000 && pdfdoc(s, &d)) {
		HPDF_String str = HPDF_String_New(pdf->mmgr, d.data, NULL);

		buf_free(&d);
		return (HPDF_Obj_Header *)str;
	}
	buf_free(&d);
	u = g_utf8_to_utf16(s ? s : "", -1, NULL, &n, NULL);
	if (u == NULL)
		u = g_utf8_to_utf16("", -1, NULL, &n, NULL);
	if (n > 32000)	/* libharu's strings hold 65,535 bytes at most */
		n = (u[31999] & 0xfc00) == 0xd800 ? 31999 : 32000;
	b = xmalloc(2 * (size_t)n + 2);
	b[0] = 0xfe;
	b[1] = 0xff;
	for (glong i = 0; i < n; i++) {
		b[2 + 2 * i] = (HPDF_BYTE)(u[i] >> 8);
		b[3 + 2 * i] = (HPDF_BYTE)(u[i] & 0xff);
	}
	r = HPDF_Binary_New(pdf->mmgr, b, (HPDF_UINT)(2 * n + 2));
	free(b);
	g_free(u);
	return (HPDF_Obj_Header *)r;
}

/* A link annotation; see pdftags.h. */
void
pdftags_link(struct pdftags *t, HPDF_Annotation a, HPDF_Page page, size_t p,
    const struct dl_item *it)
{
	const struct dl_link *l = &it->u.link;
	int elem = it->elem > 0 && it->elem <= dl_nelems(t->doc) ? it->elem : t->last;
	struct mark *m;
	char *what;

	(void)page;
	if (a == NULL)
		return;
	m = add_mark(t, elem > 0 ? elem : 1, p);
	m->annot = a;
	HPDF_Dict_AddNumber(a, "F", 4);	/* printed, as PDF/A wants */
	HPDF_Dict_AddNumber(a, "StructParent",
	    (HPDF_INT32)(dl_npages(t->doc) + t->nlinks++));
	if (l->uri)
		what = xasprintf("Link to %s", l->uri);
	else {
		const struct dl_dest *d = dl_dest(t->doc, l->dest);
		const struct dl_page *pg = d->page >= 0 &&
		    (size_t)d->page < dl_npages(t->doc) ? dl_page(t->doc,
		    (size_t)d->page) : NULL;

		what = xasprintf("Go to page %s", pg && pg->label ? pg->label : "");
	}
	HPDF_Dict_Add(a, "Contents", text_string(t->pdf, what));
	free(what);
}

static int
kid_cmp(const void *a, const void *b)
{
	const struct kid *x = a, *y = b;

	if (x->owner != y->owner)
		return x->owner < y->owner ? -1 : 1;
	if (x->key != y->key)
		return x->key < y->key ? -1 : 1;
	return x->elem < y->elem ? -1 : x->elem > y->elem;
}

/* Whether role r is a table's row or cell, kept when empty so that the
 * table stays a grid. */
static int
grid_role(enum dl_role r)
{
	return r == DL_R_TR || r == DL_R_TH || r == DL_R_TD;
}

/* The kids of every element, grouped by owner in reading order; *n set.
 * first[e] is the first mark of e or its descendants (UINT32_MAX: none). */
static struct kid *
gather_kids(struct pdftags *t, uint32_t *first, size_t *n)
{
	int ne = dl_nelems(t->doc);
	struct kid *k = xcalloc(t->nmarks + (size_t)ne + 1, sizeof(*k));
	size_t nk = 0;

	for (int e = 0; e <= ne; e++)
		first[e] = UINT32_MAX;
	for (size_t i = 0; i < t->nmarks; i++)
		for (int e = t->marks[i].elem; e >= 1 && first[e] == UINT32_MAX;
		    e = dl_elem(t->doc, e)->parent)
			first[e] = (uint32_t)i;
	/* An empty row or cell of a table with content stands where the
	 * element made before it does (a sibling or its parent). */
	for (int e = 2; e <= ne; e++)
		if (first[e] == UINT32_MAX && grid_role(dl_elem(t->doc, e)->role) &&
		    first[dl_elem(t->doc, e)->parent] != UINT32_MAX)
			first[e] = first[e - 1];
	for (size_t i = 0; i < t->nmarks; i++)
		k[nk++] = (struct kid){ t->marks[i].elem, (uint32_t)i, 0, (uint32_t)i };
	for (int e = 2; e <= ne; e++)	/* a list item's label comes first */
		if (first[e] != UINT32_MAX)
			k[nk++] = (struct kid){ dl_elem(t->doc, e)->parent,
			    dl_elem(t->doc, e)->role == DL_R_LBL ? 0 : first[e], e, 0 };
	qsort(k, nk, sizeof(*k), kid_cmp);
	*n = nk;
	return k;
}

/* An indirect dictionary. */
static HPDF_Dict
indirect_dict(HPDF_Doc pdf)
{
	HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);

	if (d && HPDF_Xref_Add(pdf->xref, d) != HPDF_OK)
		return NULL;
	return d;
}

/* The language an element speaks: its own, else its parent's. */
static const char *
elem_lang(const struct dl_doc *doc, int e, const char *doclang)
{
	for (; e > 1; e = dl_elem(doc, e)->parent)
		if (dl_elem(doc, e)->lang)
			return dl_elem(doc, e)->lang;
	return doclang;
}

/* An object reference to the annotation of mark m (its /Pg left out
 * when it is the element's own). */
static HPDF_Dict
objr_of(struct pdftags *t, HPDF_Page *pages, const struct mark *m, HPDF_Page pg)
{
	HPDF_Dict objr = HPDF_Dict_New(t->pdf->mmgr);

	if (objr == NULL)
		return NULL;
	HPDF_Dict_AddName(objr, "Type", "OBJR");
	HPDF_Dict_Add(objr, "Obj", m->annot);
	if (pages[m->page] != pg)
		HPDF_Dict_Add(objr, "Pg", pages[m->page]);
	return objr;
}

/* A Link element of its own for the annotation of mark m, under parent
 * (an annotation layout gave no Link element with its text). */
static HPDF_Dict
link_elem(struct pdftags *t, HPDF_Page *pages, const struct mark *m,
    HPDF_Dict parent)
{
	HPDF_Dict d = indirect_dict(t->pdf), objr;

	if (d == NULL || (objr = objr_of(t, pages, m, pages[m->page])) == NULL)
		return NULL;
	HPDF_Dict_AddName(d, "S", "Link");
	HPDF_Dict_Add(d, "P", parent);
	HPDF_Dict_Add(d, "Pg", pages[m->page]);
	HPDF_Dict_Add(d, "K", objr);
	return d;
}

/* A table header cell's attributes, /O /Table /Scope Column (a cell of
 * the THead) or Row: one indirect dictionary each, shared. */
static HPDF_Dict
th_scope(struct pdftags *t, int e, HPDF_Dict scope[2])
{
	int tr = dl_elem(t->doc, e)->parent;
	int col = dl_elem(t->doc, dl_elem(t->doc, tr)->parent)->role == DL_R_THEAD;

	if (scope[col] == NULL && (scope[col] = indirect_dict(t->pdf)) != NULL) {
		HPDF_Dict_AddName(scope[col], "O", "Table");
		HPDF_Dict_AddName(scope[col], "Scope", col ? "Column" : "Row");
	}
	return scope[col];
}

/* Element e's own entries: /S, /P, /Alt, /Lang and a TH's /A.  /Type
 * /StructElem is optional: left out, as are all bytes that say nothing. */
static void
elem_head(struct pdftags *t, HPDF_Dict *dict, int e, const char *doclang,
    HPDF_Dict scope[2])
{
	const struct dl_elem *el = dl_elem(t->doc, e);

	HPDF_Dict_AddName(dict[e], "S", dl_role_name(el->role));
	if (e > 1)
		HPDF_Dict_Add(dict[e], "P", dict[el->parent]);
	if (el->alt)
		HPDF_Dict_Add(dict[e], "Alt", text_string(t->pdf, el->alt));
	if (e > 1 && el->lang && strcasecmp(el->lang,
	    elem_lang(t->doc, el->parent, doclang)) != 0)
		HPDF_Dict_Add(dict[e], "Lang",
		    HPDF_String_New(t->pdf->mmgr, el->lang, NULL));
	if (el->role == DL_R_TH && e > 1) {
		HPDF_Dict a = th_scope(t, e, scope);

		if (a)
			HPDF_Dict_Add(dict[e], "A", a);
	}
}

/* The structure elements' kids.  dict[e] must exist for every element
 * with a first mark; linkdict[m] is set to the Link element of each
 * annotation mark m. */
static void
build_elems(struct pdftags *t, HPDF_Page *pages, HPDF_Dict *dict,
    const struct kid *k, size_t nk, HPDF_Dict *linkdict)
{
	size_t i = 0;

	while (i < nk) {
		int e = k[i].owner;
		HPDF_Array kids = HPDF_Array_New(t->pdf->mmgr);
		HPDF_Page pg = NULL;

		for (; i < nk && k[i].owner == e; i++) {
			const struct mark *m = &t->marks[k[i].mark];

			if (k[i].elem) {
				HPDF_Array_Add(kids, dict[k[i].elem]);
				continue;
			}
			if (m->annot && dl_elem(t->doc, e)->role == DL_R_LINK) {
				/* The Link element holding the link's text */
				if (pg == NULL) {
					pg = pages[m->page];
					HPDF_Dict_Add(dict[e], "Pg", pg);
				}
				HPDF_Array_Add(kids, objr_of(t, pages, m, pg));
				linkdict[k[i].mark] = dict[e];
				continue;
			}
			if (m->annot) {
				HPDF_Dict l = link_elem(t, pages, m, dict[e]);

				if (l)
					HPDF_Array_Add(kids, l);
				linkdict[k[i].mark] = l;
				continue;
			}
			if (pg == NULL) {
				pg = pages[m->page];
				HPDF_Dict_Add(dict[e], "Pg", pg);
			}
			if (pages[m->page] == pg)
				HPDF_Array_AddNumber(kids, (HPDF_INT32)m->mcid);
			else {
				HPDF_Dict r = HPDF_Dict_New(t->pdf->mmgr);

				HPDF_Dict_AddName(r, "Type", "MCR");
				HPDF_Dict_Add(r, "Pg", pages[m->page]);
				HPDF_Dict_AddNumber(r, "MCID", (HPDF_INT32)m->mcid);
				HPDF_Array_Add(kids, r);
			}
		}
		HPDF_Dict_Add(dict[e], "K", kids);
	}
}

/* The ParentTree: per page with marked content an array of the element
 * of each MCID, per link annotation its Link element. */
static HPDF_Dict
parent_tree(struct pdftags *t, HPDF_Dict *dict, HPDF_Dict *linkdict)
{
	HPDF_Dict tree = indirect_dict(t->pdf);
	HPDF_Array nums = HPDF_Array_New(t->pdf->mmgr), arr = NULL;
	uint32_t page = UINT32_MAX;
	size_t nlink = 0;

	if (tree == NULL || nums == NULL)
		return NULL;
	for (size_t i = 0; i < t->nmarks; i++) {	/* pages, in MCID order */
		const struct mark *m = &t->marks[i];

		if (m->annot)
			continue;
		if (m->page != page) {
			page = m->page;
			arr = HPDF_Array_New(t->pdf->mmgr);
			if (arr == NULL || HPDF_Xref_Add(t->pdf->xref, arr) != HPDF_OK)
				return NULL;
			HPDF_Array_AddNumber(nums, (HPDF_INT32)page);
			HPDF_Array_Add(nums, arr);
		}
		HPDF_Array_Add(arr, dict[m->elem]);
	}
	for (size_t i = 0; i < t->nmarks; i++)	/* then links, keys after pages */
		if (t->marks[i].annot && linkdict[i]) {
			HPDF_Array_AddNumber(nums,
			    (HPDF_INT32)(dl_npages(t->doc) + nlink++));
			HPDF_Array_Add(nums, linkdict[i]);
		} else if (t->marks[i].annot)
			nlink++;
	HPDF_Dict_Add(tree, "Nums", nums);
	return tree;
}

/* Append s to b with the five XML special characters escaped. */
static void
xml_text(struct buf *b, const char *s)
{
	for (; s && *s; s++)
		switch (*s) {
		case '&': buf_adds(b, "&amp;"); break;
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		case '\'': buf_adds(b, "&apos;"); break;
		default:
			if ((unsigned char)*s >= 0x20 || *s == '\t' || *s == '\n')
				buf_addc(b, *s);
		}
}

/* The XMP packet: Dublin Core, XMP basic and PDF properties matching the
 * Info dictionary, pdfuaid part 1 and, for PDF/A, pdfaid. */
static void
xmp_packet(struct pdftags *t, const struct dl_info *info, struct buf *b)
{
	time_t tt = (time_t)info->epoch;
	struct tm tm;
	char date[40];

	gmtime_r(&tt, &tm);
	strftime(date, sizeof(date), "%Y-%m-%dT%H:%M:%SZ", &tm);
	buf_adds(b, "<?xpacket begin=\"\xef\xbb\xbf\" id=\"W5M0MpCehiHzreSzNTczkc9d\"?>\n"
	    "<x:xmpmeta xmlns:x=\"adobe:ns:meta/\">\n"
	    "<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\">\n"
	    "<rdf:Description rdf:about=\"\" "
	    "xmlns:dc=\"http://purl.org/dc/elements/1.1/\" "
	    "xmlns:xmp=\"http://ns.adobe.com/xap/1.0/\" "
	    "xmlns:pdf=\"http://ns.adobe.com/pdf/1.3/\" "
	    "xmlns:pdfuaid=\"http://www.aiim.org/pdfua/ns/id/\"");
	if (t->pdfa_part)
		buf_adds(b, " xmlns:pdfaid=\"http://www.aiim.org/pdfa/ns/id/\"");
	buf_adds(b, ">\n");
	if (t->pdfa_part)	/* pdfuaid is no schema PDF/A-2 knows: described */
		buf_adds(b, "<pdfaExtension:schemas "
		    "xmlns:pdfaExtension=\"http://www.aiim.org/pdfa/ns/extension/\" "
		    "xmlns:pdfaSchema=\"http://www.aiim.org/pdfa/ns/schema#\" "
		    "xmlns:pdfaProperty=\"http://www.aiim.org/pdfa/ns/property#\">"
		    "<rdf:Bag><rdf:li rdf:parseType=\"Resource\">\n"
		    "<pdfaSchema:schema>PDF/UA Universal Accessibility Schema"
		    "</pdfaSchema:schema>\n<pdfaSchema:namespaceURI>"
		    "http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>\n"
		    "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>\n"
		    "<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType=\"Resource\">"
		    "<pdfaProperty:name>part</pdfaProperty:name>"
		    "<pdfaProperty:valueType>Integer</pdfaProperty:valueType>"
		    "<pdfaProperty:category>internal</pdfaProperty:category>"
		    "<pdfaProperty:description>Part of ISO 14289 followed"
		    "</pdfaProperty:description></rdf:li></rdf:Seq>"
		    "</pdfaSchema:property>\n</rdf:li></rdf:Bag>"
		    "</pdfaExtension:schemas>\n");
	if (info->title) {
		buf_adds(b, "<dc:title><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(b, info->title);
		buf_adds(b, "</rdf:li></rdf:Alt></dc:title>\n");
	}
	if (info->author) {
		buf_adds(b, "<dc:creator><rdf:Seq><rdf:li>");
		xml_text(b, info->author);
		buf_adds(b, "</rdf:li></rdf:Seq></dc:creator>\n");
	}
	if (info->subject) {
		buf_adds(b, "<dc:description><rdf:Alt><rdf:li xml:lang=\"x-default\">");
		xml_text(b, info->subject);
		buf_adds(b, "</rdf:li></rdf:Alt></dc:description>\n");
	}
	if (info->keywords) {
		buf_adds(b, "<pdf:Keywords>");
		xml_text(b, info->keywords);
		buf_adds(b, "</pdf:Keywords>\n");
	}
	if (info->creator) {
		buf_adds(b, "<xmp:CreatorTool>");
		xml_text(b, info->creator);
		buf_adds(b, "</xmp:CreatorTool>\n<pdf:Producer>");
		xml_text(b, info->creator);
		buf_adds(b, "</pdf:Producer>\n");
	}
	buf_printf(b, "<xmp:CreateDate>%s</xmp:CreateDate>\n"
	    "<xmp:ModifyDate>%s</xmp:ModifyDate>\n"
	    "<xmp:MetadataDate>%s</xmp:MetadataDate>\n"
	    "<pdfuaid:part>1</pdfuaid:part>\n", date, date, date);
	if (t->pdfa_part)
		buf_printf(b, "<pdfaid:part>%s</pdfaid:part>\n"
		    "<pdfaid:conformance>%s</pdfaid:conformance>\n", t->pdfa_part,
		    t->pdfa_conf);
	buf_adds(b, "</rdf:Description>\n</rdf:RDF>\n</x:xmpmeta>\n"
	    "<?xpacket end=\"w\"?>");
}

/* The catalog's /Metadata stream (never compressed, as PDF/A wants). */
static int
write_metadata(struct pdftags *t, const struct dl_info *info)
{
	HPDF_Dict s = HPDF_DictStream_New(t->pdf->mmgr, t->pdf->xref);
	struct buf b;
	int rc;

	if (s == NULL)
		return -1;
	s->filter = HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddName(s, "Type", "Metadata");
	HPDF_Dict_AddName(s, "Subtype", "XML");
	buf_init(&b);
	xmp_packet(t, info, &b);
	rc = HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)b.data,
	    (HPDF_UINT)b.len) == HPDF_OK ? 0 : -1;
	buf_free(&b);
	HPDF_Dict_Add(t->pdf->catalog, "Metadata", s);
	return rc;
}

/* The catalog's entries for a tagged document. */
static void
write_catalog(struct pdftags *t, HPDF_Dict root, const char *lang)
{
	HPDF_Dict cat = t->pdf->catalog;
	HPDF_Dict mi = HPDF_Dict_New(t->pdf->mmgr);
	HPDF_Dict vp = HPDF_Dict_New(t->pdf->mmgr);

	HPDF_Dict_Add(cat, "StructTreeRoot", root);
	HPDF_Dict_AddBoolean(mi, "Marked", HPDF_TRUE);
	HPDF_Dict_Add(cat, "MarkInfo", mi);
	HPDF_Dict_Add(cat, "Lang", HPDF_String_New(t->pdf->mmgr, lang, NULL));
	HPDF_Dict_AddBoolean(vp, "DisplayDocTitle", HPDF_TRUE);
	HPDF_Dict_Add(cat, "ViewerPreferences", vp);
}

/* Where Debian keeps an sRGB profile: Ghostscript's (libgs-common),
 * colord's (colord-data), icc-profiles-free's. */
static const char *const srgb_paths[] = {
	"/usr/share/color/icc/ghostscript/srgb.icc",
	"/usr/share/color/icc/colord/sRGB.icc",
	"/usr/share/color/icc/sRGB.icc",
};

/* The catalog's sRGB OutputIntent.  Returns 0, or -1 with *err set. */
static int
write_output_intent(struct pdftags *t, char **err)
{
	gchar *icc = NULL;
	gsize len = 0;
	const char *path = NULL;
	HPDF_Dict s, oi;
	HPDF_Array arr;

	for (size_t i = 0; i < sizeof(srgb_paths) / sizeof(*srgb_paths) && !icc; i++)
		if (g_file_get_contents(srgb_paths[i], &icc, &len, NULL))
			path = srgb_paths[i];
	if (icc == NULL || len < 128 || memcmp(icc + 16, "RGB ", 4) != 0) {
		*err = xasprintf("PDF/A needs an sRGB ICC profile and there is none "
		    "in %s (Debian package libgs-common)", srgb_paths[0]);
		g_free(icc);
		return -1;
	}
	(void)path;
	s = HPDF_DictStream_New(t->pdf->mmgr, t->pdf->xref);
	oi = HPDF_Dict_New(t->pdf->mmgr);
	arr = HPDF_Array_New(t->pdf->mmgr);
	if (s == NULL || oi == NULL || arr == NULL) {
		g_free(icc);
		return -1;
	}
	s->filter = t->compress ? HPDF_STREAM_FILTER_FLATE_DECODE :
	    HPDF_STREAM_FILTER_NONE;
	HPDF_Dict_AddNumber(s, "N", 3);
	HPDF_Stream_Write(s->stream, (const HPDF_BYTE *)icc, (HPDF_UINT)len);
	g_free(icc);
	HPDF_Dict_AddName(oi, "Type", "OutputIntent");
	HPDF_Dict_AddName(oi, "S", "GTS_PDFA1");
	HPDF_Dict_Add(oi, "OutputConditionIdentifier",
	    HPDF_String_New(t->pdf->mmgr, "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(oi, "Info", HPDF_String_New(t->pdf->mmgr,
	    "sRGB IEC61966-2.1", NULL));
	HPDF_Dict_Add(oi, "DestOutputProfile", s);
	HPDF_Array_Add(arr, oi);
	HPDF_Dict_Add(t->pdf->catalog, "OutputIntents", arr);
	return 0;
}

/* The trailer's /ID: twice the MD5 of what the pages show and the
 * document information, so that equal input gives equal bytes. */
static void
write_id(struct pdftags *t, const struct dl_info *info)
{
	GChecksum *ck = g_checksum_new(G_CHECKSUM_MD5);
	guint8 digest[16];
	gsize dlen = sizeof(digest);
	HPDF_Array id = HPDF_Array_New(t->pdf->mmgr);
	char num[64];

	for (size_t p = 0; p < dl_npages(t->doc); p++) {
		const struct dl_list *l = &dl_page(t->doc, p)->list;

		for (size_t i = 0; i < l->n; i++) {
			const struct dl_item *it = &l->items[i];

			snprintf(num, sizeof(num), "%zu %d %d|", p, it->kind, it->elem);
			g_checksum_update(ck, (const guchar *)num, -1);
			if (it->kind == DL_TEXT) {
				snprintf(num, sizeof(num), "%.2f %.2f %.2f|", it->u.text.x,
				    it->u.text.y, it->u.text.size);
				g_checksum_update(ck, (const guchar *)num, -1);
				g_checksum_update(ck, (const guchar *)it->u.text.text,
				    it->u.text.textlen);
			} else if (it->kind == DL_PATH && it->u.path.npts)
				g_checksum_update(ck, (const guchar *)it->u.path.pts,
				    it->u.path.npts * sizeof(float));
		}
	}
	snprintf(num, sizeof(num), "|%lld|", info->epoch);
	g_checksum_update(ck, (const guchar *)num, -1);
	if (info->title)
		g_checksum_update(ck, (const guchar *)info->title, -1);
	g_checksum_get_digest(ck, digest, &dlen);
	g_checksum_free(ck);
	HPDF_Array_Add(id, HPDF_Binary_New(t->pdf->mmgr, digest, 16));
	HPDF_Array_Add(id, HPDF_Binary_New(t->pdf->mmgr, digest, 16));
	HPDF_Dict_Add(t->pdf->trailer, "ID", id);
}

/* The tree and the rest; see pdftags.h. */
int
pdftags_finish(struct pdftags *t, const struct dl_info *info, HPDF_Page *pages,
    char **err)
{
	int ne = dl_nelems(t->doc) > 0 ? dl_nelems(t->doc) : 1;
	uint32_t *first = xcalloc((size_t)ne + 1, sizeof(*first));
	HPDF_Dict *dict = xcalloc((size_t)ne + 1, sizeof(*dict));
	HPDF_Dict *linkdict = xcalloc(t->nmarks + 1, sizeof(*linkdict));
	const char *lang = info->lang && *info->lang ? info->lang : "en";
	HPDF_Dict root = indirect_dict(t->pdf), tree, scope[2] = { NULL, NULL };
	struct kid *k;
	size_t nk;
	int rc = -1;

	k = gather_kids(t, first, &nk);
	if (root == NULL)
		goto out;
	for (int e = 1; e <= ne; e++)
		if (e == 1 || first[e] != UINT32_MAX)
			if ((dict[e] = indirect_dict(t->pdf)) == NULL)
				goto out;
	for (int e = 1; e <= ne; e++)
		if (dict[e])
			elem_head(t, dict, e, lang, scope);
	build_elems(t, pages, dict, k, nk, linkdict);
	HPDF_Dict_Add(dict[1], "P", root);
	if ((tree = parent_tree(t, dict, linkdict)) == NULL)
		goto out;
	HPDF_Dict_AddName(root, "Type", "StructTreeRoot");
	HPDF_Dict_Add(root, "K", dict[1]);
	HPDF_Dict_Add(root, "ParentTree", tree);
	HPDF_Dict_AddNumber(root, "ParentTreeNextKey",
	    (HPDF_INT32)(dl_npages(t->doc) + t->nlinks));
	write_catalog(t, root, lang);
	rc = write_metadata(t, info);
	if (rc == 0 && t->pdfa_part) {
		rc = write_output_intent(t, err);
		write_id(t, info);
	}
out:
	free(k);
	free(first);
	free(dict);
	free(linkdict);
	return rc;
}
