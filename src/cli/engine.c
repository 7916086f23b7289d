/* engine.c: parse -> validate -> layout -> PDF, with shared set-up. */
#include <ctype.h>
#include <dirent.h>
#include <errno.h>
#include <limits.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fontconfig/fontconfig.h>

#include "base/infile.h"
#include "base/util.h"
#include "cli/engine.h"
#include "draw/pdf.h"
#include "draw/zcache.h"
#include "lay/coverage.h"
#include "lay/table.h"
#include "lay/fonts.h"
#include "lay/layout.h"
#include "lay/layoutcache.h"
#include "lay/text.h"
#include "read/parse.h"
#include "read/theme.h"
#include "read/validate.h"

struct engine {
	struct fonts		*fonts;
	struct typeset		*ts;
	struct layout_cache	*cache;		/* NULL unless kept */
	struct zcache		*kept;		/* deflated streams, NULL unless kept */
};

static int
is_datadir(const char *dir)
{
	char *l = xasprintf("%s/layouts", dir), *f = xasprintf("%s/fonts", dir);
	struct stat a, b;
	int ok = stat(l, &a) == 0 && S_ISDIR(a.st_mode) && stat(f, &b) == 0 &&
	    S_ISDIR(b.st_mode);

	free(l);
	free(f);
	return ok;
}

/* The data folder; see engine.h.  From the program's folder upwards (a
 * build tree: build/ or build/asan/), then PREFIX/share/briefing. */
const char *
engine_datadir(void)
{
	static char dir[PATH_MAX];
	char exe[PATH_MAX], *slash;
	const char *env = getenv("BRIEFING_DATA");
	ssize_t n;

	if (dir[0])
		return dir;
	if (env && *env) {
		snprintf(dir, sizeof(dir), "%s", env);
		return dir;
	}
	if ((n = readlink("/proc/self/exe", exe, sizeof(exe) - 1)) > 0) {
		exe[n] = '\0';
		for (int up = 0; up < 3 && (slash = strrchr(exe, '/')) != NULL; up++) {
			*slash = '\0';
			if (is_datadir(exe)) {
				snprintf(dir, sizeof(dir), "%s", exe);
				return dir;
			}
			if ((size_t)snprintf(dir, sizeof(dir), "%s/share/briefing", exe) <
			    sizeof(dir) && is_datadir(dir))
				return dir;
			dir[0] = '\0';
		}
	}
	snprintf(dir, sizeof(dir), "%s", DATADIR);
	return dir;
}

/* Fonts and hyphenation, once; see engine.h. */
struct engine *
engine_open(struct diags *d)
{
	struct engine *e = xcalloc(1, sizeof(*e));
	char *fontdir = xasprintf("%s/fonts", engine_datadir());

	e->fonts = fonts_open(fontdir, d);
	free(fontdir);
	if (e->fonts == NULL) {
		free(e);
		return NULL;
	}
	e->ts = typeset_new(e->fonts);
	return e;
}

/* Let background threads end; see engine.h. */
void
engine_settle(struct engine *e)
{
	fonts_settle();
}

/* Keep stories' layouts between builds; see engine.h. */
void
engine_keep_layouts(struct engine *e)
{
	if (e->cache == NULL)
		e->cache = layout_cache_new();
	if (e->kept == NULL)
		e->kept = zcache_new();
}

/* Free an engine; see engine.h. */
void
engine_close(struct engine *e)
{
	if (e == NULL)
		return;
	layout_cache_free(e->cache);
	zcache_free(e->kept);
	typeset_free(e->ts);
	fonts_close(e->fonts);
	free(e);
}

/* The layouts in layouts/, as "a4, letter". */
static char *
known_layouts(void)
{
	char *dir = xasprintf("%s/layouts", engine_datadir());
	struct dirent **list = NULL;
	struct buf b;
	int n = scandir(dir, &list, NULL, alphasort);

	buf_init(&b);
	for (int i = 0; i < n; i++) {
		size_t len = strlen(list[i]->d_name);

		if (len > 4 && strcmp(list[i]->d_name + len - 4, ".xml") == 0)
			buf_printf(&b, "%s%.*s", b.len ? ", " : "", (int)(len - 4),
			    list[i]->d_name);
		free(list[i]);
	}
	free(list);
	free(dir);
	if (b.len == 0)
		buf_adds(&b, "none");
	return buf_steal(&b);
}

static void
face_seen(void *w, const char *path)
{
	pdf_writer_face(w, path);
}

/* The face fontconfig holds for a file: its weight and slant, or -1. */
static int
face_of(const char *file, int *weight, int *slant)
{
	FcFontSet *set = FcConfigGetFonts(FcConfigGetCurrent(), FcSetApplication);

	for (int i = 0; set && i < set->nfont; i++) {
		FcChar8 *f;

		if (FcPatternGetString(set->fonts[i], FC_FILE, 0, &f) == FcResultMatch &&
		    strcmp((const char *)f, file) == 0 &&
		    FcPatternGetInteger(set->fonts[i], FC_WEIGHT, 0, weight) ==
		    FcResultMatch &&
		    FcPatternGetInteger(set->fonts[i], FC_SLANT, 0, slant) ==
		    FcResultMatch)
			return 0;
	}
	return -1;
}

/* Every style of the layout must find a face of its own weight and
 * slant: a missing regular face must not quietly set the body in bold.
 * Returns the number of errors. */
static int
check_faces(struct engine *e, const struct theme *t, struct diags *d)
{
	int errors = 0;

	for (int i = 0; i < ST__COUNT && errors == 0; i++) {
		const struct style *st = &t->st[i];
		PangoFont *font = pango_context_load_font(fonts_context(e->fonts),
		    st->desc);
		const char *file = font ? fonts_file(e->fonts, font) : NULL;
		int w, s, want_w = st->bold ? FC_WEIGHT_BOLD : FC_WEIGHT_REGULAR;
		int want_s = st->italic ? FC_SLANT_ITALIC : FC_SLANT_ROMAN;

		if (file && face_of(file, &w, &s) == 0 && (abs(w - want_w) > 30 ||
		    (s != FC_SLANT_ROMAN) != (want_s != FC_SLANT_ROMAN))) {
			diag(d, DIAG_ERROR, NULL, 0, 0, "no %s%s%s face of %s is among "
			    "the fonts (the style '%s' would be set in %s); the "
			    "installation is incomplete", st->bold ? "bold" : "regular",
			    st->italic ? " " : "", st->italic ? "italic" : "",
			    st->sans ? t->sans : t->serif, theme_style_name(i), file);
			errors++;
		}
		if (font)
			g_object_unref(font);
	}
	return errors;
}

/* The environment's settings; see engine.h. */
int
engine_check_env(char **why)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	long long v;
	char *end;

	*why = NULL;
	if (s == NULL || *s == '\0')
		return 0;
	errno = 0;
	v = strtoll(s, &end, 10);
	if (!isdigit((unsigned char)*s) || *end != '\0' || errno != 0 ||
	    v > ENGINE_EPOCH_MAX) {
		*why = xasprintf("SOURCE_DATE_EPOCH='%.40s' is not a time: give "
		    "whole seconds since 1970, from 0 to %lld (the end of 9999)", s,
		    ENGINE_EPOCH_MAX);
		return -1;
	}
	return 0;
}

/* Creation date; see engine.h. */
long long
engine_epoch(const struct briefing *b)
{
	const char *s = getenv("SOURCE_DATE_EPOCH");
	const struct date *dt = NULL;

	if (s && *s)	/* checked by engine_check_env */
		return strtoll(s, NULL, 10);
	if (b->is_edition && b->date.prec)
		dt = &b->date;
	else if (b->nstories && b->stories[0].date.prec)
		dt = &b->stories[0].date;
	if (dt)
		return (long long)date_days(dt->y, dt->m ? dt->m : 1,
		    dt->d ? dt->d : 1) * 86400;
	return (long long)time(NULL);
}

static void
add_dep(struct build *b, const char *path)
{
	for (size_t i = 0; i < b->ndeps; i++)
		if (strcmp(b->deps[i], path) == 0)
			return;
	b->deps = xrealloc(b->deps, (b->ndeps + 1) * sizeof(char *));
	b->deps[b->ndeps++] = xstrdup(path);
}

/* Find and load the layout: the command line's, else the one the input
 * names (beside the input, confined to its folder), else a4, and check
 * its faces unless the input is already known bad.  Returns the theme,
 * or NULL with *status set and the problem in d. */
static struct theme *
build_theme(struct engine *e, struct build *b, const char *input,
    const struct build_opts *o, int bad, struct diags *d, int *status)
{
	const char *lname = o->layout ? o->layout : b->model->layout ?
	    b->model->layout : "a4";
	int named = o->layout == NULL && b->model->layout;
	char *lpath, *lroot = NULL;
	struct theme *t;

	*status = EXIT_INPUT;
	if (named) {
		char *base = infile_dirname(input);

		lpath = theme_resolve(engine_datadir(), lname, base);
		if (theme_is_path(lname))
			lroot = infile_real_dir(o->data ? "./x" : input);
		free(base);
	} else
		lpath = theme_resolve(engine_datadir(), lname, NULL);
	add_dep(b, lpath);
	if (access(lpath, F_OK) != 0) {
		char *known = known_layouts();

		if (named)
			diag(d, DIAG_ERROR, b->model->layout_pos.file,
			    b->model->layout_pos.line, b->model->layout_pos.col,
			    "no layout '%s' (known: %s)", lname, known);
		else
			diag(d, DIAG_ERROR, NULL, 0, 0, "no layout '%s' (known: %s; "
			    "or give a path to a layout file)", lname, known);
		free(known);
		free(lpath);
		free(lroot);
		/* Named in the input, a mistake in it; on the command line, a
		 * usage error. */
		*status = named ? EXIT_INPUT : EXIT_USAGE;
		return NULL;
	}
	t = theme_load(lpath, lroot, fonts_context(e->fonts), d);
	free(lpath);
	free(lroot);
	if (t == NULL || bad) {
		theme_free(t);
		return NULL;
	}
	for (int i = 0; i < 2; i++) {
		const char *fam = i ? t->sans : t->serif;

		if (!fonts_has_family(e->fonts, fam)) {
			diag(d, DIAG_ERROR, t->path, 0, 0, "family '%s' is not among "
			    "the faces in %s/fonts", fam, engine_datadir());
			theme_free(t);
			return NULL;
		}
	}
	if (check_faces(e, t, d) > 0) {
		theme_free(t);
		*status = EXIT_SYSTEM;
		return NULL;
	}
	return t;
}

/* Lay out b's model with t (freed here) into b->doc; with o->want_pdf a
 * PDF writer starts embedding each face as layout first uses it.
 * Returns EXIT_OK, or EXIT_INPUT past the page limit. */
static int
build_layout(struct engine *e, struct build *b, struct theme *t,
    const struct build_opts *o, struct diags *d)
{
	int before = diags_errors(d);
	/* The PDF writer loads each face on a second core as soon as layout
	 * first draws with it. */
	struct pdf_writer *w = o->want_pdf ? pdf_writer_new(!o->no_compress, 1) : NULL;

	if (w) {
		const char *std = o->pdf_standard ? o->pdf_standard :
		    b->model->pdf_standard;

		/* "a-2b", "a-2u", "a-2a": the schema and the option allow
		 * no other. */
		if (std && strncmp(std, "a-2", 3) == 0)
			pdf_writer_pdfa(w, std[3]);
		if (e->kept) {
			zcache_next_build(e->kept);
			pdf_writer_keep(w, e->kept);
		}
		typeset_set_face_hook(e->ts, face_seen, w);
	}
	b->doc = layout_document(b->model, t, e->ts, d, engine_epoch(b->model), e->cache);
	layout_cache_stats(e->cache, &b->stories_reused, &b->stories_laid);
	typeset_set_face_hook(e->ts, NULL, NULL);
	theme_free(t);
	if (diags_errors(d) > before) {
		pdf_writer_free(w);
		return EXIT_INPUT;	/* over the page limit */
	}
	b->writer = w;
	return EXIT_OK;
}

/* Write b->doc as PDF into b->pdf, with the stages' times.  Returns
 * EXIT_OK or EXIT_SYSTEM (the reason in d). */
static int
build_pdf(struct build *b, struct diags *d)
{
	double t0 = mono_ms();
	char *err = NULL;
	struct pdf_stats ps;
	int r;

	if (b->writer == NULL) {
		diag(d, DIAG_ERROR, NULL, 0, 0, "cannot start libharu");
		return EXIT_SYSTEM;
	}
	r = pdf_writer_finish(b->writer, b->doc, &b->pdf, &b->pdflen, &ps, &err);
	pdf_writer_free(b->writer);
	b->writer = NULL;
	if (r != 0) {
		diag(d, DIAG_ERROR, NULL, 0, 0, "%s", err);
		free(err);
		return EXIT_SYSTEM;
	}
	b->ms_pdf = mono_ms() - t0;
	b->ms_fonts = ps.fonts;
	b->ms_draw = ps.draw;
	b->ms_save = ps.save;
	b->ms_compress = ps.compress;
	return EXIT_OK;
}

/* One build; see engine.h. */
int
engine_build(struct engine *e, const char *input, const struct build_opts *o,
    struct diags *d, struct build **out)
{
	struct build *b = xcalloc(1, sizeof(*b));
	struct filelist read = { NULL, 0, 0 };
	struct theme *t;
	double t0 = mono_ms(), t1;
	int bad, status;

	*out = b;
	b->model = o->data ? parse_memory(input, o->data, o->len, d, &read) :
	    parse_file(input, d, &read);
	for (size_t i = 0; i < read.n; i++)
		add_dep(b, read.v[i]);
	filelist_free(&read);
	if (b->model == NULL)
		return EXIT_INPUT;
	bad = validate(b->model, d) > 0;
	coverage_check(b->model, e->fonts, d);
	if ((t = build_theme(e, b, input, o, bad, d, &status)) == NULL)
		return status;
	t1 = mono_ms();
	b->ms_parse = t1 - t0;
	if (o->check_only && bad) {
		table_check(b->model, t, e->ts, d);	/* tables too wide */
		theme_free(t);
		return EXIT_OK;
	}
	/* check lays a sound document out too, for what only layout finds
	 * (a run set in another weight, a table too wide, the page limit). */
	status = build_layout(e, b, t, o, d);
	b->ms_layout = mono_ms() - t1;
	if (o->check_only || status != EXIT_OK)
		return o->check_only ? EXIT_OK : status;
	return o->want_pdf ? build_pdf(b, d) : EXIT_OK;
}

/* Free a build and all it holds; NULL is ignored. */
void
build_free(struct build *b)
{
	if (b == NULL)
		return;
	model_free(b->model);
	pdf_writer_free(b->writer);
	dl_doc_free(b->doc);
	free(b->pdf);
	for (size_t i = 0; i < b->ndeps; i++)
		free(b->deps[i]);
	free(b->deps);
	free(b);
}
