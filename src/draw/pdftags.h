/* pdftags.h: tagged PDF from the display list's structure elements:
 * marked content around the items as pages are drawn, then the structure
 * tree, its ParentTree, the catalog's /MarkInfo, /Lang, viewer
 * preferences and the XMP metadata (ISO 32000-1 14.7-14.8, ISO 14289-1). */
#ifndef BRIEFING_PDFTAGS_H
#define BRIEFING_PDFTAGS_H

#include <hpdf.h>

#include "draw/dl.h"

struct pdftags;

/* Start tagging doc into pdf. */
struct pdftags *pdftags_new(const struct dl_doc *doc, HPDF_Doc pdf);
void pdftags_free(struct pdftags *t);
/* Before item it of page p is drawn: end and begin marked content in
 * the page's stream as its element changes (an Artifact for element 0). */
void pdftags_item(struct pdftags *t, HPDF_Page page, size_t p,
    const struct dl_item *it);
/* After page p's last item: close what is open; /Tabs and /StructParents. */
void pdftags_page_end(struct pdftags *t, HPDF_Page page, size_t p);
/* A link annotation a drawn for item it of page p: a Link element under
 * the item's element (or the last one drawn), /StructParent, /Contents. */
void pdftags_link(struct pdftags *t, HPDF_Annotation a, HPDF_Page page,
    size_t p, const struct dl_item *it);
/* Make PDF/A as well: part and conformance ("2", "U") for the XMP, an
 * sRGB OutputIntent (its profile deflated when compress is set) and a
 * /ID from the content. */
void pdftags_pdfa(struct pdftags *t, const char *part, const char *conf,
    int compress);
/* The structure tree (pages: the document's pages), catalog entries and
 * metadata.  Returns 0, or -1 with *err set (no ICC profile) or
 * when libharu failed (its error handler has the reason). */
int pdftags_finish(struct pdftags *t, const struct dl_info *info,
    HPDF_Page *pages, char **err);

#endif
