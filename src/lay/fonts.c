/* fonts.c: private fontconfig + Pango set-up. */
#include <dirent.h>
#include <sys/stat.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <cairo.h>
#include <fontconfig/fontconfig.h>
#include <pango/pangocairo.h>
#include <pango/pangofc-fontmap.h>
#include <pango/pangofc-font.h>

#include "base/util.h"
#include "lay/fonts.h"

struct fonts {
	FcConfig	*config;
	PangoFontMap	*map;
	PangoContext	*ctx;
	GHashTable	*files;		/* PangoFont* -> char* path */
	FcCharSet	*cover;		/* union of every face's characters */
	unsigned	 added;		/* fallback groups added (bits) */
};

/* Make each folder of path that is missing; 0 when it ends writable. */
static int
writable_dir(char *path)
{
	for (char *p = path + 1; *p; p++)
		if (*p == '/') {
			*p = '\0';
			mkdir(path, 0755);
			*p = '/';
		}
	mkdir(path, 0755);
	return access(path, W_OK | X_OK);
}

/* A private folder under the temporary directory: ours (owner, no
 * symlink, mode 0700) or nothing. */
static int
private_tmp_dir(struct buf *b)
{
	const char *t = getenv("TMPDIR");
	struct stat st;

	buf_printf(b, "%s/briefing-cache-%u", t && *t == '/' ? t : "/tmp",
	    (unsigned)getuid());
	mkdir(b->data, 0700);
	return lstat(b->data, &st) == 0 && S_ISDIR(st.st_mode) &&
	    st.st_uid == getuid() && (st.st_mode & 077) == 0 ? 0 : -1;
}

/* fontconfig's cache for the faces: $XDG_CACHE_HOME/briefing or
 * ~/.cache/briefing, else (a read-only home, a service account) a private
 * folder in /tmp, else none.  fontconfig prints an error of its own when
 * its cache folder cannot be written. */
static void
cache_dir(struct buf *b)
{
	const char *x = getenv("XDG_CACHE_HOME"), *h = getenv("HOME");

	if (x && *x == '/')
		buf_printf(b, "%s/briefing", x);
	else if (h && *h == '/')
		buf_printf(b, "%s/.cache/briefing", h);
	if (b->len && writable_dir(b->data) == 0)
		return;
	buf_free(b);
	buf_init(b);
	if (private_tmp_dir(b) != 0) {
		buf_free(b);
		buf_init(b);
	}
}

/* Fallback faces for scripts the shipped faces lack, from the Debian
 * packages the Makefile's deps target installs (fonts-noto-core,
 * fonts-noto-cjk, fonts-symbola), named one by one: no other system font
 * is ever seen.  A group is added to the configuration only when a
 * document has a character of its scripts that no loaded face has
 * (fontconfig scans an added file every time: 20 ms a CJK collection),
 * and Pango opens a file only when some text needs it. */
#define NOTO "/usr/share/fonts/truetype/noto/"
#define CJK "/usr/share/fonts/opentype/noto/"
enum { G_ARABIC, G_HEBREW, G_DEVANAGARI, G_THAI, G_CJK, G_SYMBOLS, G__COUNT };
static const char *const fallback_faces[G__COUNT][5] = {
	[G_ARABIC] = { NOTO "NotoSansArabic-Regular.ttf", NOTO "NotoSansArabic-Bold.ttf",
	    NOTO "NotoNaskhArabic-Regular.ttf", NOTO "NotoNaskhArabic-Bold.ttf" },
	[G_HEBREW] = { NOTO "NotoSansHebrew-Regular.ttf", NOTO "NotoSansHebrew-Bold.ttf",
	    NOTO "NotoSerifHebrew-Regular.ttf", NOTO "NotoSerifHebrew-Bold.ttf" },
	[G_DEVANAGARI] = { NOTO "NotoSansDevanagari-Regular.ttf",
	    NOTO "NotoSansDevanagari-Bold.ttf", NOTO "NotoSerifDevanagari-Regular.ttf",
	    NOTO "NotoSerifDevanagari-Bold.ttf" },
	[G_THAI] = { NOTO "NotoSansThai-Regular.ttf", NOTO "NotoSansThai-Bold.ttf",
	    NOTO "NotoSerifThai-Regular.ttf", NOTO "NotoSerifThai-Bold.ttf" },
	[G_CJK] = { CJK "NotoSansCJK-Regular.ttc", CJK "NotoSansCJK-Bold.ttc",
	    CJK "NotoSerifCJK-Regular.ttc", CJK "NotoSerifCJK-Bold.ttc" },
	[G_SYMBOLS] = { "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf" },
};

/* The group of fallback faces for a character's script. */
static int
fallback_group(gunichar c)
{
	switch (g_unichar_get_script(c)) {
	case G_UNICODE_SCRIPT_ARABIC:
		return G_ARABIC;
	case G_UNICODE_SCRIPT_HEBREW:
		return G_HEBREW;
	case G_UNICODE_SCRIPT_DEVANAGARI:
		return G_DEVANAGARI;
	case G_UNICODE_SCRIPT_THAI:
		return G_THAI;
	case G_UNICODE_SCRIPT_HAN: case G_UNICODE_SCRIPT_HIRAGANA:
	case G_UNICODE_SCRIPT_KATAKANA: case G_UNICODE_SCRIPT_HANGUL:
	case G_UNICODE_SCRIPT_BOPOMOFO:
		return G_CJK;
	default:
		return G_SYMBOLS;	/* emoji, symbols: Symbola */
	}
}

/* Which fallback family serves a serif or sans text in each script:
 * accepted after the family asked for, so a Hebrew word in the serif
 * body is set in Noto Serif Hebrew, in a sans headline in Noto Sans
 * Hebrew; fontconfig then keeps the weight and slant nearest.  The
 * shipped symbol face (DejaVu Sans) comes first.  CJK faces
 * are chosen among by the text's language (xml:lang). */
static const char fallback_config[] =
	"<alias binding=\"weak\"><family>Noto Serif</family><accept>"
	"<family>DejaVu Sans</family><family>Noto Naskh Arabic</family><family>Noto Serif Hebrew</family>"
	"<family>Noto Serif Devanagari</family><family>Noto Serif Thai</family>"
	"<family>Noto Serif CJK JP</family><family>Noto Serif CJK KR</family>"
	"<family>Noto Serif CJK SC</family><family>Noto Serif CJK TC</family>"
	"<family>Symbola</family></accept></alias>"
	"<alias binding=\"weak\"><family>Noto Sans</family><accept>"
	"<family>DejaVu Sans</family><family>Noto Sans Arabic</family><family>Noto Sans Hebrew</family>"
	"<family>Noto Sans Devanagari</family><family>Noto Sans Thai</family>"
	"<family>Noto Sans CJK JP</family><family>Noto Sans CJK KR</family>"
	"<family>Noto Sans CJK SC</family><family>Noto Sans CJK TC</family>"
	"<family>Symbola</family></accept></alias>";

/* A folder of links to the group's faces in the cache folder, named for
 * their sizes and times (a package update makes a new one): fontconfig
 * caches a folder's faces and maps the cache, where a file added by
 * itself is scanned on every run (20 ms a CJK collection).  NULL when
 * there is no cache folder or a link cannot be made. */
static char *
fallback_dir(int g)
{
	struct buf cd;
	unsigned long long h = 1469598103934665603ull;
	char *dir = NULL;

	buf_init(&cd);
	cache_dir(&cd);
	for (size_t i = 0; i < 5 && fallback_faces[g][i]; i++) {
		struct stat st;

		if (stat(fallback_faces[g][i], &st) == 0)
			h = (h ^ (unsigned long long)st.st_size ^
			    ((unsigned long long)st.st_mtime << 20)) * 1099511628211ull;
	}
	if (cd.len) {
		dir = xasprintf("%s/faces-%d-%016llx", cd.data, g, h);
		mkdir(dir, 0755);
		for (size_t i = 0; dir && i < 5 && fallback_faces[g][i]; i++) {
			const char *base = strrchr(fallback_faces[g][i], '/') + 1;
			char *link = xasprintf("%s/%s", dir, base), target[4096];
			ssize_t n = readlink(link, target, sizeof(target) - 1);

			if (n < 0 || (size_t)n != strlen(fallback_faces[g][i]) ||
			    memcmp(target, fallback_faces[g][i], (size_t)n) != 0) {
				unlink(link);
				if (access(fallback_faces[g][i], R_OK) == 0 &&
				    symlink(fallback_faces[g][i], link) != 0) {
					free(dir);
					dir = NULL;
				}
			}
			free(link);
		}
	}
	buf_free(&cd);
	return dir;
}

/* Add a group of fallback faces to the configuration, their characters
 * to the cover, and tell Pango.  Returns how many faces were added. */
static int
add_fallback_group(struct fonts *f, int g)
{
	FcFontSet *set = FcConfigGetFonts(f->config, FcSetApplication);
	int before = set ? set->nfont : 0, after;
	char *dir = fallback_dir(g);

	f->added |= 1u << g;
	if (dir == NULL || !FcConfigAppFontAddDir(f->config, (const FcChar8 *)dir))
		for (size_t i = 0; i < 5 && fallback_faces[g][i]; i++)
			if (access(fallback_faces[g][i], R_OK) == 0)
				FcConfigAppFontAddFile(f->config,
				    (const FcChar8 *)fallback_faces[g][i]);
	free(dir);
	set = FcConfigGetFonts(f->config, FcSetApplication);
	after = set ? set->nfont : 0;
	for (int i = before; i < after; i++) {
		FcCharSet *cs;

		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
			FcCharSetMerge(f->cover, cs, NULL);
	}
	if (after > before)
		pango_fc_font_map_config_changed(PANGO_FC_FONT_MAP(f->map));
	return after - before;
}

/* Open the fonts in dir; see fonts.h. */
struct fonts *
fonts_open(const char *dir, struct diags *d)
{
	struct fonts *f;
	struct buf conf, cd;
	cairo_font_options_t *fo;
	FcFontSet *set;
	DIR *dp;
	struct dirent *de;
	int nttf = 0;

	if ((dp = opendir(dir)) == NULL) {
		diag(d, DIAG_ERROR, dir, 0, 0, "cannot open the fonts folder");
		return NULL;
	}
	while ((de = readdir(dp)) != NULL) {
		size_t n = strlen(de->d_name);

		nttf += n > 4 && strcmp(de->d_name + n - 4, ".ttf") == 0;
	}
	closedir(dp);
	if (nttf == 0) {
		diag(d, DIAG_ERROR, dir, 0, 0, "no .ttf faces in the fonts folder");
		return NULL;
	}

	f = xcalloc(1, sizeof(*f));
	f->config = FcConfigCreate();
	buf_init(&conf);
	buf_init(&cd);
	cache_dir(&cd);
	buf_adds(&conf, "<?xml version=\"1.0\"?><fontconfig>");
	if (cd.len)
		buf_printf(&conf, "<cachedir>%s</cachedir>", cd.data);
	buf_adds(&conf, fallback_config);
	buf_adds(&conf, "</fontconfig>");
	FcConfigParseAndLoadFromMemory(f->config, (const FcChar8 *)conf.data, FcFalse);
	buf_free(&conf);
	buf_free(&cd);
	if (!FcConfigAppFontAddDir(f->config, (const FcChar8 *)dir) ||
	    (set = FcConfigGetFonts(f->config, FcSetApplication)) == NULL ||
	    set->nfont == 0) {
		diag(d, DIAG_ERROR, dir, 0, 0, "the faces in the fonts folder "
		    "cannot be read (missing or corrupt .ttf files)");
		FcConfigDestroy(f->config);
		free(f);
		return NULL;
	}
	/* Current from now on; the current slot and Pango's font map hold
	 * the references, so ours is dropped (fonts_close finishes it). */
	/* fontconfig skips a file it cannot read; a broken install must not
	 * quietly lay text out in some other face. */
	if ((dp = opendir(dir)) != NULL) {
		int bad = 0;

		while ((de = readdir(dp)) != NULL) {
			size_t n = strlen(de->d_name);
			char *path;
			int found = 0;

			if (n <= 4 || strcmp(de->d_name + n - 4, ".ttf") != 0)
				continue;
			path = xasprintf("%s/%s", dir, de->d_name);
			for (int i = 0; i < set->nfont && !found; i++) {
				FcChar8 *file;

				found = FcPatternGetString(set->fonts[i], FC_FILE, 0,
				    &file) == FcResultMatch &&
				    strcmp((const char *)file, path) == 0;
			}
			if (!found) {
				diag(d, DIAG_ERROR, path, 0, 0, "not a readable TrueType "
				    "face (rebuild fonts/ with make fonts)");
				bad = 1;
			}
			free(path);
		}
		closedir(dp);
		if (bad) {
			FcConfigDestroy(f->config);
			free(f);
			return NULL;
		}
	}
	FcConfigSetCurrent(f->config);
	FcConfigDestroy(f->config);

	f->map = pango_cairo_font_map_new_for_font_type(CAIRO_FONT_TYPE_FT);
	pango_fc_font_map_set_config(PANGO_FC_FONT_MAP(f->map), f->config);
	pango_cairo_font_map_set_resolution(PANGO_CAIRO_FONT_MAP(f->map), 72.0);
	f->ctx = pango_font_map_create_context(f->map);
	fo = cairo_font_options_create();
	cairo_font_options_set_hint_metrics(fo, CAIRO_HINT_METRICS_OFF);
	cairo_font_options_set_hint_style(fo, CAIRO_HINT_STYLE_NONE);
	pango_cairo_context_set_font_options(f->ctx, fo);
	cairo_font_options_destroy(fo);
	pango_cairo_context_set_resolution(f->ctx, 72.0);
	pango_context_set_round_glyph_positions(f->ctx, FALSE);
	pango_context_set_language(f->ctx, pango_language_from_string("en-us"));
	f->files = g_hash_table_new_full(g_direct_hash, g_direct_equal,
	    g_object_unref, free);
	f->cover = FcCharSetCreate();
	for (int i = 0; i < set->nfont; i++) {
		FcCharSet *cs;

		if (FcPatternGetCharSet(set->fonts[i], FC_CHARSET, 0, &cs) == FcResultMatch)
			FcCharSetMerge(f->cover, cs, NULL);
	}
	return f;
}

/* True while a thread of Pango's own runs: Pango 1.50 matches and sorts
 * each new fontset on threads named "[pango] ..." that it never joins. */
static int
pango_threads_running(void)
{
	DIR *dir = opendir("/proc/self/task");
	struct dirent *e;
	int busy = 0;

	if (dir == NULL)
		return 0;
	while (!busy && (e = readdir(dir)) != NULL) {
		char path[300], comm[32] = "";
		FILE *fp;

		if (e->d_name[0] == '.')
			continue;
		snprintf(path, sizeof(path), "/proc/self/task/%s/comm", e->d_name);
		if ((fp = fopen(path, "r")) == NULL)
			continue;
		if (fgets(comm, sizeof(comm), fp) && strncmp(comm, "[pango] ", 8) == 0)
			busy = 1;
		fclose(fp);
	}
	closedir(dir);
	return busy;
}

/* Wait for Pango's threads; see fonts.h. */
void
fonts_settle(void)
{
	for (int i = 0; i < 5000 && pango_threads_running(); i++)
		usleep(200);
}

/* Release everything. */
void
fonts_close(struct fonts *f)
{
	if (f == NULL)
		return;
	/* Let Pango's own threads finish before the process tears down what
	 * they still use. */
	fonts_settle();
	g_hash_table_destroy(f->files);
	FcCharSetDestroy(f->cover);
	g_object_unref(f->ctx);
	g_object_unref(f->map);
	/* The configuration stays current (fontconfig holds it) for the rest
	 * of the process: FcFini would assert while Pango's caches live. */
	free(f);
}

/* The shared Pango context, owned by f. */
PangoContext *
fonts_context(struct fonts *f)
{
	return f->ctx;
}

/* File behind a font, cached per font object. */
const char *
fonts_file(struct fonts *f, PangoFont *font)
{
	const char *path;
	FcPattern *pat;
	FcChar8 *file = NULL;

	if ((path = g_hash_table_lookup(f->files, font)) != NULL)
		return path;
	if (!PANGO_IS_FC_FONT(font))
		return NULL;
	pat = pango_fc_font_get_pattern(PANGO_FC_FONT(font));
	if (pat == NULL || FcPatternGetString(pat, FC_FILE, 0, &file) != FcResultMatch)
		return NULL;
	g_hash_table_insert(f->files, g_object_ref(font), xstrdup((const char *)file));
	return g_hash_table_lookup(f->files, font);
}

/* Whether a character can be drawn; see fonts.h. */
int
fonts_covers(struct fonts *f, unsigned int c)
{
	int g;

	if (FcCharSetHasChar(f->cover, c))
		return 1;
	g = fallback_group(c);
	if (f->added & (1u << g))
		return 0;
	add_fallback_group(f, g);
	return FcCharSetHasChar(f->cover, c);
}

/* Whether a family is among our faces. */
int
fonts_has_family(struct fonts *f, const char *family)
{
	FcFontSet *set = FcConfigGetFonts(f->config, FcSetApplication);

	for (int i = 0; set && i < set->nfont; i++) {
		FcChar8 *fam;

		for (int k = 0; FcPatternGetString(set->fonts[i], FC_FAMILY, k,
		    &fam) == FcResultMatch; k++)
			if (strcmp((const char *)fam, family) == 0)
				return 1;
	}
	return 0;
}
