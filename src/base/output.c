/* output.c: temporary file + rename, in batches (see output.h). */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/output.h"
#include "base/util.h"

struct entry {
	char	*tmp, *target;
};

struct output_batch {
	struct entry	*v;
	size_t		 n, cap;
};

/* ---- temporary files a signal must remove ------------------------------ */

static char	**live;
static size_t	  nlive, caplive;

/* Changes to the list happen with the signals blocked, so the handler
 * never sees it half-changed. */
static void
block_signals(sigset_t *old)
{
	sigset_t s;

	sigemptyset(&s);
	sigaddset(&s, SIGINT);
	sigaddset(&s, SIGTERM);
	sigaddset(&s, SIGHUP);
	sigprocmask(SIG_BLOCK, &s, old);
}

static void
live_add(char *tmp)
{
	sigset_t old;

	block_signals(&old);
	live = xgrow(live, &caplive, nlive + 1, sizeof(char *));
	live[nlive++] = tmp;
	sigprocmask(SIG_SETMASK, &old, NULL);
}

static void
live_del(const char *tmp)
{
	sigset_t old;

	block_signals(&old);
	for (size_t i = 0; i < nlive; i++)
		if (live[i] == tmp) {
			live[i] = live[--nlive];
			break;
		}
	sigprocmask(SIG_SETMASK, &old, NULL);
}

/* Remove the temporary files; see output.h. */
void
output_remove_temps(void)
{
	for (size_t i = 0; i < nlive; i++)
		unlink(live[i]);
}

static void
on_signal(int sig)
{
	output_remove_temps();
	signal(sig, SIG_DFL);
	raise(sig);
}

static void
on_sigbus(int sig)
{
	static const char msg[] = "briefing: error: a file changed while it was "
	    "being read (a font rewritten in place?); nothing was written, run "
	    "again\n";

	(void)sig;
	output_remove_temps();
	if (write(STDERR_FILENO, msg, sizeof(msg) - 1) < 0)
		_exit(3);
	_exit(3);
}

/* Clean up on signals; see output.h. */
void
output_guard_signals(void)
{
	struct sigaction sa;
	int sigs[] = { SIGINT, SIGTERM, SIGHUP };

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = on_signal;
	sigemptyset(&sa.sa_mask);
	for (size_t i = 0; i < sizeof(sigs) / sizeof(sigs[0]); i++) {
		struct sigaction cur;

		/* A signal ignored by whoever started us stays ignored. */
		if (sigaction(sigs[i], NULL, &cur) == 0 && cur.sa_handler == SIG_IGN)
			continue;
		sigaction(sigs[i], &sa, NULL);
	}
	signal(SIGPIPE, SIG_IGN);
	sa.sa_handler = on_sigbus;
	sigaction(SIGBUS, &sa, NULL);
}

/* ---- writing ------------------------------------------------------------ */

static int
write_all(int fd, const char *p, size_t n)
{
	while (n > 0) {
		ssize_t w = write(fd, p, n);

		if (w < 0) {
			if (errno == EINTR)
				continue;
			return -1;
		}
		p += w;
		n -= (size_t)w;
	}
	return 0;
}

/* The file a path really names: through symbolic links, even to a file
 * that does not exist yet.  Returns a new string. */
static char *
target_of(const char *path)
{
	char *p = xstrdup(path);

	for (int hops = 0; hops < 40; hops++) {
		struct stat st;
		char link[PATH_MAX], *dir, *next;
		ssize_t n;

		if (lstat(p, &st) != 0 || !S_ISLNK(st.st_mode))
			return p;
		if ((n = readlink(p, link, sizeof(link) - 1)) <= 0)
			return p;
		link[n] = '\0';
		if (link[0] == '/' || strchr(p, '/') == NULL)
			next = xstrdup(link);
		else {
			dir = xstrndup(p, (size_t)(strrchr(p, '/') - p));
			next = xasprintf("%s/%s", dir, link);
			free(dir);
		}
		free(p);
		p = next;
	}
	return p;
}

/* Write in place: standard output, a device or a FIFO. */
static int
write_in_place(const char *path, const void *data, size_t len, char **err)
{
	int fd, rc;

	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) != 0) {
			*err = errno == EPIPE ?
			    xstrdup("cannot write to standard output: it was closed") :
			    xasprintf("cannot write to standard output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	if ((fd = open(path, O_WRONLY | O_CLOEXEC)) < 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		return -1;
	}
	rc = write_all(fd, data, len);
	if (rc != 0 || close(fd) != 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		if (rc != 0)
			close(fd);
		return -1;
	}
	return 0;
}

/* An empty batch; see output.h. */
struct output_batch *
output_batch_new(void)
{
	return xcalloc(1, sizeof(struct output_batch));
}

/* The permissions a new file gets: an existing target's, else the
 * default for the process. */
static mode_t
mode_for(const char *target)
{
	struct stat st;
	mode_t um;

	if (stat(target, &st) == 0 && S_ISREG(st.st_mode))
		return st.st_mode & 07777;
	um = umask(0);
	umask(um);
	return 0666 & ~um;
}

/* Write one file's temporary; see output.h. */
int
output_batch_add(struct output_batch *b, const char *path, const void *data,
    size_t len, char **err)
{
	struct stat st;
	char *target, *tmp, *slash;
	int fd;

	*err = NULL;
	if (strcmp(path, "-") == 0)
		return write_in_place(path, data, len, err);
	target = target_of(path);
	if (stat(target, &st) == 0 && !S_ISREG(st.st_mode)) {
		int rc;

		if (S_ISDIR(st.st_mode)) {
			*err = xasprintf("cannot write %s: it is a folder", path);
			free(target);
			return -1;
		}
		/* A device or pipe (/dev/stdout, a FIFO) is written in place:
		 * renaming over it would replace the device itself. */
		rc = write_in_place(target, data, len, err);
		free(target);
		return rc;
	}
	slash = strrchr(target, '/');
	tmp = slash ? xasprintf("%.*s/.%s.XXXXXX", (int)(slash - target), target,
	    slash + 1) : xasprintf(".%s.XXXXXX", target);
	if ((fd = mkstemp(tmp)) < 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		free(tmp);
		free(target);
		return -1;
	}
	live_add(tmp);
	if (write_all(fd, data, len) != 0 || fchmod(fd, mode_for(target)) != 0 ||
	    fsync(fd) != 0 || close(fd) != 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		live_del(tmp);
		free(tmp);
		free(target);
		return -1;
	}
	b->v = xgrow(b->v, &b->cap, b->n + 1, sizeof(*b->v));
	b->v[b->n].tmp = tmp;
	b->v[b->n++].target = target;
	return 0;
}

static void
batch_free(struct output_batch *b, int unlink_rest)
{
	for (size_t i = 0; i < b->n; i++) {
		if (b->v[i].tmp) {
			if (unlink_rest)
				unlink(b->v[i].tmp);
			live_del(b->v[i].tmp);
		}
		free(b->v[i].tmp);
		free(b->v[i].target);
	}
	free(b->v);
	free(b);
}

/* Put every file in place; see output.h. */
int
output_batch_commit(struct output_batch *b, char **err)
{
	*err = NULL;
	for (size_t i = 0; i < b->n; i++) {
		if (rename(b->v[i].tmp, b->v[i].target) != 0) {
			*err = xasprintf("cannot write %s: %s", b->v[i].target,
			    strerror(errno));
			batch_free(b, 1);
			return -1;
		}
		live_del(b->v[i].tmp);
		free(b->v[i].tmp);
		b->v[i].tmp = NULL;
	}
	batch_free(b, 0);
	return 0;
}

/* Drop a batch; see output.h. */
void
output_batch_abort(struct output_batch *b)
{
	if (b)
		batch_free(b, 1);
}

/* One file; see output.h. */
int
output_write(const char *path, const void *data, size_t len, char **err)
{
	struct output_batch *b = output_batch_new();

	if (output_batch_add(b, path, data, len, err) != 0) {
		output_batch_abort(b);
		return -1;
	}
	return output_batch_commit(b, err);
}

/* Never over an input; see output.h. */
int
output_not_input(const char *path, char *const *inputs, size_t n, char **err)
{
	struct stat o, s;

	*err = NULL;
	if (strcmp(path, "-") == 0 || stat(path, &o) != 0 || !S_ISREG(o.st_mode))
		return 0;
	for (size_t i = 0; i < n; i++)
		if (stat(inputs[i], &s) == 0 && s.st_dev == o.st_dev &&
		    s.st_ino == o.st_ino) {
			*err = xasprintf("refusing to write %s: it is the input %s; "
			    "name another output with -o", path, inputs[i]);
			return -1;
		}
	return 0;
}
