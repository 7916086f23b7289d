/* cmd_watch.c: briefing watch: rebuild whenever a source changes.
 *
 * Folders are watched rather than files, because editors save by writing
 * a temporary file and renaming it over the original; an event counts
 * when it names a file the last build read (the input, its includes, the
 * layout) or anything in the fonts folder. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <poll.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/inotify.h>
#include <sys/signalfd.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "base/output.h"
#include "base/util.h"
#include "cli/cli.h"
#include "cli/engine.h"

/* A burst of saves ends after this much calm: short once the last event
 * finished a file (written and closed, or renamed into place), longer
 * while one is half-saved (created, deleted or renamed away).  --debounce
 * sets the first; the second is never shorter. */
#define SETTLE_MS	5
#define QUIET_MS	40
#define DEBOUNCE_MAX	60000

struct wdir {
	int	 wd;
	char	*path;
};

struct watch {
	int		 fd;
	struct wdir	*dirs;
	size_t		 ndirs;
	char		**files;	/* absolute paths the last build read */
	size_t		 nfiles;
	char		*fontdir;
	size_t		 missing;	/* folders wanted that do not exist */
};

/* The command line to start again with after a SIGBUS. */
static char **restart_argv;

/* A file mapped into memory (a font) was cut short while a build read
 * it: what the libraries hold of it cannot be trusted, so the watcher
 * starts again, as new, once the writer has had a moment. */
static void
on_sigbus(int sig)
{
	static const char msg[] = "briefing: a file changed while it was being "
	    "read (a font rewritten in place?); starting again\n";
	struct timespec pause = { 0, 200 * 1000 * 1000 };

	(void)sig;
	output_remove_temps();
	if (write(STDOUT_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	nanosleep(&pause, NULL);
	execv("/proc/self/exe", restart_argv);
	_exit(3);
}

/* Start again on SIGBUS: the same command, with the signals the watcher
 * blocks unblocked by exec's inherited mask being reset in main. */
static void
restart_on_sigbus(int argc, char **argv)
{
	struct sigaction sa;

	restart_argv = xcalloc((size_t)argc + 2, sizeof(char *));
	restart_argv[0] = "briefing";
	for (int i = 0; i < argc; i++)
		restart_argv[i + 1] = argv[i];
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_sigbus;
	sigemptyset(&sa.sa_mask);
	sa.sa_flags = SA_NODEFER;
	sigaction(SIGBUS, &sa, NULL);
}

/* While a folder is missing (removed by a checkout or an rsync), look
 * for it again this often. */
#define RETRY_MS	250

/* An absolute path for p, even when the file itself is gone. */
static char *
absolute(const char *p)
{
	char buf[PATH_MAX], *dir, *slash, *r;

	if (realpath(p, buf))
		return xstrdup(buf);
	dir = xstrdup(p);
	slash = strrchr(dir, '/');
	if (slash == NULL) {
		free(dir);
		if (getcwd(buf, sizeof(buf)) == NULL)
			return xstrdup(p);
		return xasprintf("%s/%s", buf, p);
	}
	*slash = '\0';
	r = realpath(*dir ? dir : "/", buf) ? xasprintf("%s/%s", buf, slash + 1) :
	    xstrdup(p);
	free(dir);
	return r;
}

static char *
parent(const char *abs)
{
	const char *slash = strrchr(abs, '/');

	return slash && slash != abs ? xstrndup(abs, (size_t)(slash - abs)) :
	    xstrdup("/");
}

/* Watch exactly the folders the files (and the fonts folder) live in.
 * Returns how many of them are watched now that were not before. */
static size_t
rewatch(struct watch *w, char **files, size_t n)
{
	char **want = xcalloc(n + 1, sizeof(char *));
	size_t nwant = 0, added = 0;

	if (files != w->files) {
		for (size_t i = 0; i < w->nfiles; i++)
			free(w->files[i]);
		free(w->files);
		w->files = files;
		w->nfiles = n;
	}
	w->missing = 0;
	for (size_t i = 0; i <= n; i++) {
		char *d = i < n ? parent(files[i]) : xstrdup(w->fontdir);
		int dup = 0;

		for (size_t k = 0; k < nwant; k++)
			dup |= strcmp(want[k], d) == 0;
		if (dup)
			free(d);
		else
			want[nwant++] = d;
	}
	/* Drop folders no longer needed (a removed XInclude). */
	for (size_t i = 0; i < w->ndirs;) {
		int keep = 0;

		for (size_t k = 0; k < nwant; k++)
			keep |= strcmp(want[k], w->dirs[i].path) == 0;
		if (keep) {
			i++;
			continue;
		}
		inotify_rm_watch(w->fd, w->dirs[i].wd);
		free(w->dirs[i].path);
		w->dirs[i] = w->dirs[--w->ndirs];
	}
	for (size_t k = 0; k < nwant; k++) {
		int have = 0, wd;

		for (size_t i = 0; i < w->ndirs; i++)
			have |= strcmp(want[k], w->dirs[i].path) == 0;
		if (have) {
			free(want[k]);
			continue;
		}
		wd = inotify_add_watch(w->fd, want[k], IN_CLOSE_WRITE | IN_MOVED_TO |
		    IN_MOVED_FROM | IN_CREATE | IN_DELETE | IN_ATTRIB |
		    IN_DELETE_SELF | IN_MOVE_SELF | IN_ONLYDIR);
		if (wd < 0) {
			w->missing++;
			free(want[k]);
			continue;
		}
		w->dirs = xrealloc(w->dirs, (w->ndirs + 1) * sizeof(*w->dirs));
		w->dirs[w->ndirs].wd = wd;
		w->dirs[w->ndirs].path = want[k];
		w->ndirs++;
		added++;
	}
	free(want);
	return added;
}

/* A watched folder went away (removed, or renamed away): stop counting
 * on its watch; the main loop looks for it again.  Returns 0 when wd is
 * not watched (rewatch let it go: its IN_IGNORED is no change). */
static int
lost(struct watch *w, int wd)
{
	for (size_t i = 0; i < w->ndirs; i++)
		if (w->dirs[i].wd == wd) {
			inotify_rm_watch(w->fd, wd);
			free(w->dirs[i].path);
			w->dirs[i] = w->dirs[--w->ndirs];
			w->missing++;
			return 1;
		}
	return 0;
}

#define CHANGED_SOURCE	1
#define CHANGED_FONTS	2
#define HALF_SAVED	4

/* Read pending events: CHANGED_SOURCE when one names a file of the build,
 * CHANGED_FONTS when the fonts folder changed, or 0; plus HALF_SAVED when
 * the last such event left a file half-saved (*half carries that state
 * from one read to the next). */
static int
relevant(struct watch *w, int *half)
{
	char buf[16384] __attribute__((aligned(__alignof__(struct inotify_event))));
	ssize_t n;
	int hit = 0;

	while ((n = read(w->fd, buf, sizeof(buf))) > 0) {
		for (char *p = buf; p < buf + n;) {
			const struct inotify_event *ev = (const struct inotify_event *)p;

			p += sizeof(*ev) + ev->len;
			if (ev->mask & (IN_DELETE_SELF | IN_MOVE_SELF | IN_IGNORED)) {
				if (lost(w, ev->wd))
					hit |= CHANGED_SOURCE;
				continue;
			}
			if (ev->len == 0)
				continue;
			for (size_t i = 0; i < w->ndirs; i++) {
				char *path;
				int mine = 0;

				if (w->dirs[i].wd != ev->wd)
					continue;
				if (strcmp(w->dirs[i].path, w->fontdir) == 0) {
					hit |= CHANGED_FONTS;
					mine = 1;
				}
				path = xasprintf("%s/%s", w->dirs[i].path, ev->name);
				for (size_t k = 0; k < w->nfiles; k++)
					if (strcmp(w->files[k], path) == 0) {
						hit |= CHANGED_SOURCE;
						mine = 1;
					}
				free(path);
				if (mine)
					*half = (ev->mask & (IN_CREATE | IN_DELETE |
					    IN_MOVED_FROM)) != 0;
			}
		}
	}
	return hit ? hit | (*half ? HALF_SAVED : 0) : 0;
}

static void
stamp(char *buf)
{
	time_t t = time(NULL);
	struct tm tm;

	localtime_r(&t, &tm);
	strftime(buf, 16, "%H:%M:%S", &tm);
}

/* One build: PDF written atomically; its diagnostics are printed and its
 * one-line summary left in line (printed by the caller once the watches
 * are in place, so that a save right after the line is never missed).
 * *started gets the wall-clock time the build began.  Returns the files
 * to watch. */
static char **
build_once(struct engine *e, const char *in, const char *out,
    const struct build_opts *o, size_t *nfiles, char *line, size_t linesz,
    struct timespec *started)
{
	struct diags *d = diags_new();
	struct build *b = NULL;
	struct timespec t0, t1;
	char when[16], *err = NULL, **files;
	int rc;

	clock_gettime(CLOCK_REALTIME, started);
	clock_gettime(CLOCK_MONOTONIC, &t0);
	rc = engine_build(e, in, o, d, &b);
	if (rc == EXIT_OK && output_not_input(out, b->deps, b->ndeps, &err) != 0) {
		diag(d, DIAG_ERROR, NULL, 0, 0, "%s", err);
		free(err);
		rc = EXIT_USAGE;
	} else if (rc == EXIT_OK && output_write(out, b->pdf, b->pdflen, &err) != 0) {
		diag(d, DIAG_ERROR, NULL, 0, 0, "%s", err);
		free(err);
		rc = EXIT_SYSTEM;
	}
	clock_gettime(CLOCK_MONOTONIC, &t1);
	stamp(when);
	diags_print(d, stdout);
	fflush(stdout);
	if (rc == EXIT_OK) {
		size_t ns = b->stories_reused + b->stories_laid;
		char stories[64] = "";

		/* An edition says how many stories had to be laid out again. */
		if (ns > 1)
			snprintf(stories, sizeof(stories), ", %zu of %zu stories laid out",
			    b->stories_laid, ns);
		snprintf(line, linesz, "%s  %s: %zu pages in %.0f ms%s\n", when, out,
		    dl_npages(b->doc), (t1.tv_sec - t0.tv_sec) * 1e3 +
		    (t1.tv_nsec - t0.tv_nsec) / 1e6, stories);
	}
	else {
		int n = diags_errors(d);

		snprintf(line, linesz, "%s  build failed: %d %s; %s is unchanged\n",
		    when, n, n == 1 ? "error" : "errors", out);
	}
	files = xcalloc(b->ndeps + 1, sizeof(char *));
	for (size_t i = 0; i < b->ndeps; i++)
		files[i] = absolute(b->deps[i]);
	*nfiles = b->ndeps;
	build_free(b);
	diags_free(d);
	return files;
}

/* True when a file changed since t (it may have been saved before its
 * folder was watched).  The inode's change time is the kernel's clock,
 * whatever a file's modification time says (touch -d can set that in the
 * future). */
static int
changed_since(char **files, size_t n, const struct timespec *t)
{
	for (size_t i = 0; i < n; i++) {
		struct stat st;

		if (stat(files[i], &st) != 0)
			continue;
		if (st.st_ctim.tv_sec > t->tv_sec || (st.st_ctim.tv_sec == t->tv_sec &&
		    st.st_ctim.tv_nsec >= t->tv_nsec))
			return 1;
	}
	return 0;
}

/* Build, watch what the build read, then say how it went; build again
 * while a file changed before its watch was in place. */
static void
build_and_watch(struct engine *e, struct watch *w, const char *in,
    const char *out, const struct build_opts *o)
{
	for (int round = 0; round < 5; round++) {
		struct timespec started;
		char line[PATH_MAX + 128];
		size_t n;
		char **files = build_once(e, in, out, o, &n, line, sizeof(line), &started);

		rewatch(w, files, n);
		fputs(line, stdout);
		fflush(stdout);
		if (!changed_since(w->files, w->nfiles, &started))
			return;
	}
}

/* Read watch's options.  Returns -1 when the input is at optind, else
 * the exit status (help shown or a usage error). */
static int
watch_options(int argc, char **argv, struct build_opts *o, char **out,
    long *settle)
{
	static const struct option longopts[] = {
		{ "output", required_argument, NULL, 'o' },
		{ "layout", required_argument, NULL, 'L' },
		{ "debounce", required_argument, NULL, 'D' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	char *end;
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":o:h", longopts, NULL)) != -1) {
		switch (c) {
		case 'o':
			*out = optarg;
			break;
		case 'L':
			o->layout = optarg;
			break;
		case 'D':
			*settle = strtol(optarg, &end, 10);
			if (*optarg == '\0' || *end != '\0' || *settle < 0 ||
			    *settle > DEBOUNCE_MAX)
				return cli_usage_error("--debounce takes milliseconds "
				    "from 0 to %d, not '%s'", DEBOUNCE_MAX, optarg);
			break;
		case 'h':
			return cli_help("watch");
		default:
			return cli_bad_option(c, argv, longopts);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("%s", "watch takes one input file");
	if (*out && strcmp(*out, "-") == 0)
		return cli_usage_error("%s", "watch writes a file, not standard output "
		    "(its status lines go there): name one with -o");
	return -1;
}

/* A signalfd for SIGINT and SIGTERM.  Returns it, or -1. */
static int
quit_signals(void)
{
	sigset_t mask;

	/* A background job may start with SIGINT ignored, and an ignored
	 * signal never reaches a signalfd: take both back first. */
	signal(SIGINT, SIG_DFL);
	signal(SIGTERM, SIG_DFL);
	sigemptyset(&mask);
	sigaddset(&mask, SIGINT);
	sigaddset(&mask, SIGTERM);
	sigprocmask(SIG_BLOCK, &mask, NULL);
	return signalfd(-1, &mask, SFD_CLOEXEC);
}

/* Wait for the next change worth a build, letting a burst of saves
 * settle for settle ms.  Returns what changed (CHANGED_*), or 0 when
 * it is time to stop (a signal, or poll failed). */
static int
next_change(struct watch *w, int sfd, long settle)
{
	for (;;) {
		struct pollfd pf[2] = { { w->fd, POLLIN, 0 }, { sfd, POLLIN, 0 } };
		int what = 0, half = 0, r;

		r = poll(pf, 2, w->missing ? RETRY_MS : -1);
		if ((r < 0 && errno != EINTR) || pf[1].revents)
			return 0;
		/* A folder that went away may be back (a checkout, an rsync). */
		if (r == 0 && w->missing && rewatch(w, w->files, w->nfiles) > 0)
			what = CHANGED_SOURCE;
		if (pf[0].revents)
			what |= relevant(w, &half);
		if (what == 0)
			continue;
		/* Let the burst settle: one build for many saves. */
		for (;;) {
			struct pollfd q[2] = { { w->fd, POLLIN, 0 }, { sfd, POLLIN, 0 } };
			int qr = poll(q, 2, (int)(half && settle < QUIET_MS ? QUIET_MS :
			    settle));

			if (qr <= 0 || q[1].revents)
				break;
			what |= relevant(w, &half);
		}
		return what;
	}
}

/* Load the faces again into a new engine; keeps *e when that fails. */
static void
reload_fonts(struct engine **e)
{
	struct diags *d = diags_new();
	struct engine *ne;

	if ((ne = engine_open(d)) != NULL) {
		engine_close(*e);
		*e = ne;
		engine_keep_layouts(*e);
	}
	diags_print(d, stdout);
	diags_free(d);
}

/* Forget every watched folder and file. */
static void
watch_free(struct watch *w)
{
	for (size_t i = 0; i < w->ndirs; i++)
		free(w->dirs[i].path);
	free(w->dirs);
	for (size_t i = 0; i < w->nfiles; i++)
		free(w->files[i]);
	free(w->files);
	free(w->fontdir);
	if (w->fd >= 0)
		close(w->fd);
}

/* briefing watch; see cli.h. */
int
cmd_watch(int argc, char **argv)
{
	struct build_opts o = { NULL, 1, 0, 0, NULL, 0, NULL };
	struct watch w;
	struct engine *e;
	char *out = NULL, *fd;
	int sfd, rc, what;
	long settle = SETTLE_MS;

	if ((rc = watch_options(argc, argv, &o, &out, &settle)) >= 0)
		return rc;
	restart_on_sigbus(argc, argv);
	if ((e = cli_engine()) == NULL)
		return EXIT_SYSTEM;
	/* Rebuilds lay out only the stories that changed. */
	engine_keep_layouts(e);
	sfd = quit_signals();
	memset(&w, 0, sizeof(w));
	w.fd = inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
	if (sfd < 0 || w.fd < 0) {
		fprintf(stderr, "briefing: error: cannot watch files: %s\n",
		    strerror(errno));
		watch_free(&w);
		if (sfd >= 0)
			close(sfd);
		engine_close(e);
		return EXIT_SYSTEM;
	}
	fd = xasprintf("%s/fonts", engine_datadir());
	w.fontdir = absolute(fd);
	free(fd);
	out = out ? xstrdup(out) : cli_pdf_name(argv[optind]);
	build_and_watch(e, &w, argv[optind], out, &o);
	while ((what = next_change(&w, sfd, settle)) != 0) {
		if (what & CHANGED_FONTS)	/* faces changed: load them again */
			reload_fonts(&e);
		build_and_watch(e, &w, argv[optind], out, &o);
	}
	watch_free(&w);
	free(out);
	close(sfd);
	engine_close(e);
	return EXIT_OK;
}
