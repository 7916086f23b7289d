/* keep.c: what a failed send leaves behind: the PDF and the message, in
 * the current folder, under names no file has yet. */
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "base/util.h"
#include "mail/mail.h"

/* Create path, which must not exist, holding data.  Returns 0, or -1
 * with errno set (EEXIST: it exists). */
static int
write_excl(const char *path, const char *data, size_t len)
{
	int fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0644), e;

	if (fd < 0)
		return -1;
	while (len) {
		ssize_t k = write(fd, data, len);

		if (k < 0 && errno == EINTR)
			continue;
		if (k <= 0) {
			e = k < 0 ? errno : EIO;
			close(fd);
			unlink(path);
			errno = e;
			return -1;
		}
		data += k;
		len -= (size_t)k;
	}
	if (close(fd) != 0) {
		e = errno;
		unlink(path);
		errno = e;
		return -1;
	}
	return 0;
}

/* True when some recipient is a blind copy. */
int
mail_has_bcc(const struct mail *m)
{
	for (size_t i = 0; i < m->nrcpt; i++)
		if (m->rcpt[i].kind == RCPT_BCC)
			return 1;
	return 0;
}

/* Keep the PDF and the message; see mail.h. */
int
mail_keep(const char *pdfname, const char *pdf, size_t pdflen, const char *msg,
    size_t len, int bcc)
{
	size_t stem = strlen(pdfname) - 4;	/* without ".pdf" */
	char *p = NULL, *e = NULL;
	int n;

	for (n = 1; n < 1000; n++) {
		char sfx[16] = "";

		if (n > 1)
			snprintf(sfx, sizeof(sfx), "-%d", n);
		free(p);
		free(e);
		p = xasprintf("%.*s%s.pdf", (int)stem, pdfname, sfx);
		e = xasprintf("%.*s%s.eml", (int)stem, pdfname, sfx);
		if (access(p, F_OK) == 0 || access(e, F_OK) == 0)
			continue;	/* never over a file that is there */
		if (write_excl(p, pdf, pdflen) != 0) {
			if (errno == EEXIST)
				continue;
			break;
		}
		if (write_excl(e, msg, len) != 0) {
			int err = errno;

			unlink(p);
			if (err == EEXIST)
				continue;
			errno = err;
			break;
		}
		fprintf(stderr, "briefing: nothing was sent; the PDF is in %s and the "
		    "message in %s%s\n", p, e, bcc ? " (with its Bcc header: send it "
		    "with 'sendmail -t -i', which delivers the blind copies and removes "
		    "the header)" : "");
		free(p);
		free(e);
		return 0;
	}
	fprintf(stderr, "briefing: error: cannot keep the PDF and the message in the "
	    "current folder (%s: %s)\n", p, n < 1000 ? strerror(errno) :
	    "too many files of that name");
	free(p);
	free(e);
	return -1;
}
