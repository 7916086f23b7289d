/* view.c: what the message shows of a build: the layout's colours and
 * families (the layout read again, as the build found it), each story's
 * first page in the PDF (from the document's bookmarks), the attachment's
 * name, pages and size. */
#include <stdlib.h>
#include <string.h>

#include "base/diag.h"
#include "base/infile.h"
#include "base/util.h"
#include "cli/engine.h"
#include "draw/dl.h"
#include "mail/mail.h"
#include "read/theme.h"

/* The layout file the build used: --layout, else the one the input
 * names (beside the input and inside its folder), else a4. */
static struct theme *
layout_of(const struct briefing *bf, const char *input, const char *opt)
{
	const char *name = opt ? opt : bf->layout ? bf->layout : "a4";
	char *path, *root = NULL;
	struct diags *d = diags_new();
	struct theme *t;

	if (opt == NULL && bf->layout) {
		char *base = infile_dirname(input);

		path = theme_resolve(engine_datadir(), name, base);
		if (theme_is_path(name))
			root = infile_real_dir(input);
		free(base);
	} else
		path = theme_resolve(engine_datadir(), name, NULL);
	t = theme_load(path, root, NULL, d);
	diags_free(d);
	free(path);
	free(root);
	return t;
}

/* The page where each story starts: its title's bookmark, at level 1 in
 * an edition (level 0 is the edition, "Contents" sits beside the
 * stories) and 0 for a lone story; matched in order. */
static void
story_pages(struct mail_view *v, const struct dl_doc *doc)
{
	int level = v->b->is_edition ? 1 : 0;
	size_t next = 0;

	for (size_t i = 0; i < dl_nbookmarks(doc) && next < v->nstories; i++) {
		const struct dl_bookmark *bm = dl_bookmark_at(doc, i);
		const struct dl_dest *ds;
		const struct dl_page *pg;

		if (bm->level != level || strcmp(bm->title, v->stories[next].st->title.text))
			continue;
		ds = dl_dest(doc, bm->dest);
		if (ds == NULL || ds->page < 0 || (size_t)ds->page >= dl_npages(doc)) {
			next++;
			continue;
		}
		pg = dl_page(doc, (size_t)ds->page);
		v->stories[next].page = ds->page + 1;
		v->stories[next].label = pg->label;
		next++;
	}
}

/* Build the view; see mail.h. */
int
mail_view_make(struct mail_view *v, const struct build *b, const char *input,
    const char *layout, char **err)
{
	const struct briefing *bf = b->model;
	struct theme *t = layout_of(bf, input, layout);

	memset(v, 0, sizeof(*v));
	if (t == NULL) {
		*err = xstrdup("cannot read the layout again for the message's colours");
		return -1;
	}
	v->b = bf;
	v->lang = bf->nstories && bf->stories[0].title.lang ?
	    bf->stories[0].title.lang : "en";
	v->text = t->colors[C_TEXT];
	v->muted = t->colors[C_MUTED];
	v->rule = t->colors[C_RULE];
	v->accent = t->colors[C_ACCENT];
	v->paper = t->colors[C_PAPER];
	v->tint = t->colors[C_TINT];
	v->serif = xstrdup(t->serif);
	v->sans = xstrdup(t->sans);
	v->body_sans = t->st[ST_POINT].sans;
	v->head_sans = t->st[ST_HEADLINE].sans;
	v->mast_sans = t->st[ST_MASTHEAD].sans;
	v->mast_color = t->st[ST_MASTHEAD].color;
	v->nstories = bf->nstories;
	v->stories = xcalloc(bf->nstories ? bf->nstories : 1, sizeof(*v->stories));
	for (size_t i = 0; i < bf->nstories; i++) {
		v->stories[i].st = &bf->stories[i];
		v->stories[i].color = theme_category_color(t, bf->stories[i].category);
	}
	theme_free(t);
	story_pages(v, b->doc);
	v->subject = mail_subject(bf);
	v->pdfname = mail_pdf_name(bf);
	v->pdflen = b->pdflen;
	v->npages = dl_npages(b->doc);
	return 0;
}

/* Free a view's strings and stories. */
void
mail_view_free(struct mail_view *v)
{
	free(v->serif);
	free(v->sans);
	free(v->stories);
	free(v->subject);
	free(v->pdfname);
	memset(v, 0, sizeof(*v));
}
