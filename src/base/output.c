/* output.c: temporary file + rename. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "base/output.h"
#include "base/util.h"

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

/* Atomic write; see output.h.  A path that names a device or a pipe is
 * written in place, since only regular files can be renamed over. */
int
output_write(const char *path, const void *data, size_t len, char **err)
{
	char *tmp, *dir, *slash;
	mode_t um;
	int fd;

	*err = NULL;
	if (strcmp(path, "-") == 0) {
		if (write_all(STDOUT_FILENO, data, len) != 0) {
			*err = xasprintf("cannot write to standard output: %s",
			    strerror(errno));
			return -1;
		}
		return 0;
	}
	/* A device or pipe (/dev/stdout, a FIFO) is written in place:
	 * renaming over it would replace the device itself. */
	{
		struct stat st;

		if (stat(path, &st) == 0 && !S_ISREG(st.st_mode)) {
			if (S_ISDIR(st.st_mode)) {
				*err = xasprintf("cannot write %s: Is a directory", path);
				return -1;
			}
			if ((fd = open(path, O_WRONLY)) < 0 ||
			    write_all(fd, data, len) != 0 || close(fd) != 0) {
				*err = xasprintf("cannot write %s: %s", path,
				    strerror(errno));
				if (fd >= 0)
					close(fd);
				return -1;
			}
			return 0;
		}
	}
	dir = xstrdup(path);
	slash = strrchr(dir, '/');
	if (slash == NULL)
		tmp = xasprintf(".%s.XXXXXX", path);
	else {
		*slash = '\0';
		tmp = xasprintf("%s/.%s.XXXXXX", slash == dir ? "" : dir, slash + 1);
	}
	free(dir);
	if ((fd = mkstemp(tmp)) < 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		free(tmp);
		return -1;
	}
	um = umask(0);
	umask(um);
	if (write_all(fd, data, len) != 0 || fchmod(fd, 0666 & ~um) != 0 ||
	    fsync(fd) != 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		close(fd);
		unlink(tmp);
		free(tmp);
		return -1;
	}
	if (close(fd) != 0 || rename(tmp, path) != 0) {
		*err = xasprintf("cannot write %s: %s", path, strerror(errno));
		unlink(tmp);
		free(tmp);
		return -1;
	}
	free(tmp);
	return 0;
}
