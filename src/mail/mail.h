/* mail.h: a briefing as an e-mail.  GMime composes the message (MIME
 * structure, header encoding, base64); libcurl speaks SMTP.  Call
 * g_mime_init() before any of these, and g_mime_shutdown() after. */
#ifndef BRIEFING_MAIL_H
#define BRIEFING_MAIL_H

#include <stddef.h>

#include "read/model.h"

struct mail_rcpt {
	char		*name;		/* may be NULL */
	char		*addr;
	enum rcpt_kind	 kind;
};

struct mail {
	char			*from_name, *from_addr;
	struct mail_rcpt	*rcpt;
	size_t			 nrcpt;
};

/* Parse one address ("Name <a@b.example>" or "a@b.example") into *name
 * (NULL when none) and *addr, both malloc'd.  Returns 0, or -1 with a
 * static reason in *why: a CR or LF (header injection), not exactly one
 * mailbox, or not a plausible address. */
int mail_parse_address(const char *s, char **name, char **addr, const char **why);
/* True when s holds no CR or LF, so it may go into a header. */
int mail_header_safe(const char *s);
/* The subject: the briefing's title and edition (or date); for a lone
 * story its title and date.  malloc'd. */
char *mail_subject(const struct briefing *b);
/* The attachment's name: <slug>-<date>.pdf.  malloc'd. */
char *mail_pdf_name(const struct briefing *b);
#define MAIL_BCC	0x1	/* Bcc in the headers (for sendmail -t, which removes it) */
#define MAIL_CRLF	0x2	/* CRLF line ends, as SMTP requires */

/* Compose the message: multipart/mixed holding multipart/related (the
 * text and HTML bodies as multipart/alternative, and the cover PNG the
 * HTML shows by Content-ID) and the PDF.  Bcc recipients appear in the
 * headers only with MAIL_BCC.  epoch is the Date.  Returns the bytes
 * (malloc'd) and *len. */
char *mail_compose(const struct mail *m, const struct briefing *b,
    const char *pdf, size_t pdflen, const char *png, size_t pnglen,
    long long epoch, int flags, size_t *len);
/* Send over SMTP (smtp:// or smtps:// URL) with libcurl: STARTTLS when
 * the server offers it, required when require_tls is set; credentials
 * from BRIEFING_SMTP_USER/BRIEFING_SMTP_PASSWORD or ~/.netrc.  Returns 0,
 * or -1 with a message in *err (malloc'd). */
int mail_send_smtp(const char *url, int require_tls, const struct mail *m,
    const char *msg, size_t len, char **err);
/* Hand the message to the local sendmail (sendmail -t -i).  Returns 0, 1
 * when there is no sendmail, or -1 with a message in *err. */
int mail_send_sendmail(const char *msg, size_t len, char **err);
/* Free what a struct mail holds. */
void mail_free(struct mail *m);

#endif
