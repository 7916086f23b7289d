/* cmd_render.c: briefing render. */
#include <errno.h>
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include "base/output.h"
#include "base/util.h"
#include "cli/cli.h"
#include "cli/engine.h"
#include "draw/png.h"

static int
is_png(const char *out)
{
	size_t n = out ? strlen(out) : 0;

	return n > 4 && strcmp(out + n - 4, ".png") == 0;
}

/* The file for page p: every {p} replaced by the page number; without
 * {p}, a document of several pages gets "-N" before ".png". */
static char *
page_name(const char *pattern, size_t p, size_t npages)
{
	struct buf b;

	if (strstr(pattern, "{p}") == NULL) {
		if (npages == 1)
			return xstrdup(pattern);
		return xasprintf("%.*s-%zu.png", (int)(strlen(pattern) - 4), pattern,
		    p + 1);
	}
	buf_init(&b);
	for (const char *s = pattern; *s;) {
		if (strncmp(s, "{p}", 3) == 0) {
			buf_printf(&b, "%zu", p + 1);
			s += 3;
		} else
			buf_addc(&b, *s++);
	}
	return buf_steal(&b);
}

/* A failure to write: the message, and the status. */
static int
write_failed(char *err)
{
	fprintf(stderr, "briefing: error: %s\n", err);
	free(err);
	return EXIT_SYSTEM;
}

/* Every page as a PNG; all of them replace the old set, or none does. */
static int
write_pngs(const struct build *b, const char *pattern, double dpi, int quiet)
{
	size_t n = dl_npages(b->doc);
	struct output_batch *ob = output_batch_new();
	char *err;

	for (size_t p = 0; p < n; p++) {
		char *bytes, *name;
		size_t len;
		int rc;

		if (png_render(b->doc, p, dpi, &bytes, &len, &err) != 0) {
			output_batch_abort(ob);
			return write_failed(err);
		}
		name = page_name(pattern, p, n);
		if (output_not_input(name, b->deps, b->ndeps, &err) != 0) {
			fprintf(stderr, "briefing: error: %s\n", err);
			free(err);
			rc = EXIT_USAGE;
		} else
			rc = output_batch_add(ob, name, bytes, len, &err) == 0 ?
			    EXIT_OK : write_failed(err);
		free(bytes);
		free(name);
		if (rc != EXIT_OK) {
			output_batch_abort(ob);
			return rc;
		}
	}
	if (output_batch_commit(ob, &err) != 0)
		return write_failed(err);
	if (!quiet)
		fprintf(stderr, "briefing: wrote %zu page%s as %s\n", n,
		    n == 1 ? "" : "s", pattern);
	return EXIT_OK;
}

static int
render_one(struct engine *e, const char *in, const char *out,
    const struct build_opts *o, const char *dump, double dpi, int quiet,
    int stats, struct diags *d)
{
	struct build *b = NULL;
	char *dflt = NULL, *err = NULL;
	int rc;

	rc = engine_build(e, in, o, d, &b);
	diags_print(d, stderr);
	if (rc != EXIT_OK) {
		build_free(b);
		return rc;
	}
	if (dump) {
		if (strcmp(dump, "model") == 0)
			model_dump(b->model, stdout);
		else
			dl_dump(b->doc, stdout);
		build_free(b);
		return EXIT_OK;
	}
	if (is_png(out)) {
		rc = write_pngs(b, out, dpi, quiet);
		build_free(b);
		return rc;
	}
	if (stats)
		fprintf(stderr, "stats: %s: parse %.2f ms, layout %.2f ms, fonts %.2f ms, "
		    "draw %.2f ms, save %.2f ms, compress %.2f ms, %zu pages, "
		    "%zu bytes\n", in, b->ms_parse, b->ms_layout, b->ms_fonts,
		    b->ms_draw, b->ms_save, b->ms_compress, dl_npages(b->doc),
		    b->pdflen);
	if (out == NULL)
		out = dflt = cli_pdf_name(in);
	if (output_not_input(out, b->deps, b->ndeps, &err) != 0) {
		fprintf(stderr, "briefing: error: %s\n", err);
		free(err);
		rc = EXIT_USAGE;
	} else if (output_write(out, b->pdf, b->pdflen, &err) != 0)
		rc = write_failed(err);
	else if (!quiet && strcmp(out, "-") != 0)
		fprintf(stderr, "briefing: wrote %s (%zu pages, %zu bytes)\n", out,
		    dl_npages(b->doc), b->pdflen);
	free(dflt);
	build_free(b);
	return rc;
}

/* What one render command asks for. */
struct render_args {
	struct build_opts o;
	const char *out, *dump;
	double dpi;
	int quiet, stats, jobs;
};

/* Read render's options into *ra.  Returns -1 when the files follow at
 * optind, else the exit status (help shown or a usage error). */
static int
render_options(int argc, char **argv, struct render_args *ra)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "layout", required_argument, NULL, 'L' },
		{ "dump", required_argument, NULL, 'D' },
		{ "quiet", no_argument, NULL, 'q' },
		{ "dpi", required_argument, NULL, 'r' },
		{ "stats", no_argument, NULL, 'S' },
		{ "jobs", required_argument, NULL, 'j' },
		{ "no-compress", no_argument, NULL, 'Z' },
		{ "pdf-standard", required_argument, NULL, 'P' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:qhj:", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			ra->out = optarg;
			break;
		case 'L':
			ra->o.layout = optarg;
			break;
		case 'D':
			if (strcmp(optarg, "model") != 0 && strcmp(optarg, "dl") != 0)
				return cli_usage_error("--dump takes 'model' or 'dl', "
				    "not '%s'", optarg);
			ra->dump = optarg;
			ra->o.want_pdf = 0;
			break;
		case 'q':
			ra->quiet = 1;
			break;
		case 'S':
			ra->stats = 1;
			break;
		case 'j':
			ra->jobs = (int)strtol(optarg, &end, 10);
			if (*end != '\0' || ra->jobs < 1 || ra->jobs > 64)
				return cli_usage_error("-j takes a number from 1 to 64, "
				    "not '%s'", optarg);
			break;
		case 'Z':
			ra->o.no_compress = 1;
			break;
		case 'P':
			if (strcmp(optarg, "a-2b") != 0 && strcmp(optarg, "a-2u") != 0 &&
			    strcmp(optarg, "a-2a") != 0)
				return cli_usage_error("--pdf-standard takes 'a-2b', "
				    "'a-2u' or 'a-2a', not '%s'", optarg);
			ra->o.pdf_standard = optarg;
			break;
		case 'r':
			ra->dpi = strtod(optarg, &end);
			if (*end != '\0' || !(ra->dpi >= 10 && ra->dpi <= 1200))
				return cli_usage_error("--dpi takes a number from 10 to "
				    "1200, not '%s'", optarg);
			break;
		case 'h':
			return cli_help("render");
		default:
			return cli_bad_option(c, argv, longopts);
		}
	}
	return -1;
}

/* Render the files argv[first], argv[first + step], ... in turn.
 * Returns the worst exit status. */
static int
render_some(struct engine *e, char **argv, int first, int argc, int step,
    const struct render_args *ra, struct diags *d)
{
	int rc = EXIT_OK;

	for (int i = first; i < argc; i += step) {
		int r = render_one(e, argv[i], ra->out, &ra->o, ra->dump, ra->dpi,
		    ra->quiet, ra->stats, d);

		rc = r > rc ? r : rc;
	}
	return rc;
}

/* Render argv[optind..] in ra->jobs worker processes that share the
 * set-up already made (copy-on-write); each takes every jobs-th file.
 * Returns the worst of their statuses. */
static int
render_parallel(struct engine *e, int argc, char **argv,
    const struct render_args *ra, struct diags *d)
{
	pid_t *pids = xcalloc((size_t)ra->jobs, sizeof(pid_t));
	int rc = EXIT_OK;

	engine_settle(e);
	fflush(NULL);
	for (int k = 0; k < ra->jobs; k++) {
		if ((pids[k] = fork()) == 0) {
			int wrc = render_some(e, argv, optind + k, argc, ra->jobs, ra, d);

			fflush(NULL);
			_exit(wrc);
		}
		if (pids[k] < 0) {
			fprintf(stderr, "briefing: error: cannot start a worker: %s\n",
			    strerror(errno));
			rc = EXIT_SYSTEM;
		}
	}
	for (int k = 0; k < ra->jobs; k++) {
		int st;

		if (pids[k] > 0 && waitpid(pids[k], &st, 0) == pids[k])
			rc = WIFEXITED(st) && WEXITSTATUS(st) > rc ? WEXITSTATUS(st) :
			    WIFEXITED(st) ? rc : EXIT_SYSTEM;
	}
	free(pids);
	return rc;
}

/* briefing render; see cli.h. */
int
cmd_render(int argc, char **argv)
{
	struct render_args ra = { .o = { NULL, 1, 0, 0, NULL, 0, NULL }, .dpi = 150,
	    .jobs = 1 };
	struct diags *d;
	struct engine *e;
	int rc;

	if ((rc = render_options(argc, argv, &ra)) >= 0)
		return rc;
	if (optind >= argc)
		return cli_usage_error("%s", "render needs an input file");
	if (ra.out && argc - optind > 1)
		return cli_usage_error("%s", "-o works with a single input file");
	if (is_png(ra.out))
		ra.o.want_pdf = 0;
	if (ra.out && strcmp(ra.out, "-") == 0 && ra.dump == NULL &&
	    isatty(STDOUT_FILENO))
		return cli_usage_error("%s", "refusing to write a PDF to a terminal: "
		    "redirect standard output, or name a file with -o");
	if ((e = cli_engine()) == NULL)
		return EXIT_SYSTEM;
	d = diags_new();
	if (ra.jobs > argc - optind)
		ra.jobs = argc - optind;
	rc = ra.jobs > 1 ? render_parallel(e, argc, argv, &ra, d) :
	    render_some(e, argv, optind, argc, 1, &ra, d);
	engine_close(e);
	diags_free(d);
	return rc;
}
