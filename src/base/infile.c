/* infile.c: bounded, descriptor-checked reading of input files. */
#include <errno.h>
#include <fcntl.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/infile.h"
#include "base/util.h"

/* True when real path p lies in folder root or below it. */
int
infile_within(const char *p, const char *root)
{
	size_t n = strlen(root);

	if (n == 1 && root[0] == '/')
		return p[0] == '/';
	return strncmp(p, root, n) == 0 && p[n] == '/';
}

/* The folder part of a path; see infile.h. */
char *
infile_dirname(const char *path)
{
	const char *slash = strrchr(path, '/');

	if (slash == NULL)
		return xstrdup(".");
	if (slash == path)
		return xstrdup("/");
	return xstrndup(path, (size_t)(slash - path));
}

/* The real folder of a file; see infile.h. */
char *
infile_real_dir(const char *path)
{
	char *dir = infile_dirname(path), real[PATH_MAX];

	if (realpath(dir, real) == NULL) {
		int e = errno;

		free(dir);
		errno = e;
		return NULL;
	}
	free(dir);
	return xstrdup(real);
}

/* What an opened descriptor really is, as a path. */
static int
fd_path(int fd, char *out, size_t n)
{
	char link[64];
	ssize_t k;

	snprintf(link, sizeof(link), "/proc/self/fd/%d", fd);
	if ((k = readlink(link, out, n - 1)) <= 0)
		return -1;
	out[k] = '\0';
	return 0;
}

static int
fail(char **why, int fd, char *msg)
{
	if (fd >= 0)
		close(fd);
	*why = msg;
	return -1;
}

/* Read a file; see infile.h. */
int
infile_read(const char *path, const char *root, size_t max, char **data,
    size_t *len, char **why)
{
	struct stat st;
	struct buf b;
	char real[PATH_MAX];
	int fd;

	*data = NULL;
	*len = 0;
	*why = NULL;
	/* O_NONBLOCK: opening a FIFO must not wait for a writer. */
	fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY);
	if (fd < 0) {
		int missing = errno == ENOENT || errno == ENOTDIR;

		fail(why, -1, xstrdup(strerror(errno)));
		return missing ? -2 : -1;
	}
	if (fstat(fd, &st) != 0)
		return fail(why, fd, xstrdup(strerror(errno)));
	if (S_ISDIR(st.st_mode))
		return fail(why, fd, xstrdup("it is a folder, not a file"));
	if (root != NULL) {
		if (!S_ISREG(st.st_mode))
			return fail(why, fd, xstrdup("it is not a regular file "
			    "(a device, pipe or socket is never read)"));
		if (fd_path(fd, real, sizeof(real)) != 0)
			return fail(why, fd, xstrdup("where it is cannot be told"));
		if (!infile_within(real, root))
			return fail(why, fd, xstrdup("it is outside the input's folder; "
			    "only files in that folder or below it are read"));
	}
	if (S_ISREG(st.st_mode) && (size_t)st.st_size > max)
		return fail(why, fd, xasprintf("it is larger than the limit of "
		    "%zu MiB", max >> 20));
	if (!S_ISREG(st.st_mode)) {	/* a pipe named on the command line */
		int fl = fcntl(fd, F_GETFL);

		if (fl >= 0)
			fcntl(fd, F_SETFL, fl & ~O_NONBLOCK);
	}
	buf_init(&b);
	for (;;) {
		char chunk[65536];
		size_t want = max + 1 - b.len < sizeof(chunk) ?
		    max + 1 - b.len : sizeof(chunk);
		ssize_t k = read(fd, chunk, want);

		if (k < 0 && errno == EINTR)
			continue;
		if (k < 0) {
			buf_free(&b);
			return fail(why, fd, xstrdup(strerror(errno)));
		}
		if (k == 0)
			break;
		buf_add(&b, chunk, (size_t)k);
		if (b.len > max) {
			buf_free(&b);
			return fail(why, fd, xasprintf("it is larger than the limit "
			    "of %zu MiB", max >> 20));
		}
	}
	close(fd);
	buf_add(&b, "", 0);
	*len = b.len;
	*data = buf_steal(&b);
	return 0;
}
