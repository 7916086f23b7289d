/* mail.h: a briefing as an e-mail.  GMime composes the message (MIME
 * structure, header encoding, base64); libcurl speaks SMTP.  Call
 * g_mime_init() before any of these, and g_mime_shutdown() after. */
#ifndef BRIEFING_MAIL_H
#define BRIEFING_MAIL_H

#include <stddef.h>
#include <stdint.h>

#include "cli/engine.h"
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

/* One story as the message shows it. */
struct mail_story {
	const struct story	*st;
	uint32_t		 color;		/* its category's, 0xRRGGBBAA */
	int			 page;		/* first page in the PDF, 1-based; 0: unknown */
	const char		*label;		/* that page's printed number, may be NULL */
};

/* What the message bodies show: the briefing, the layout's colours and
 * families, where each story starts in the attached PDF, and the PDF. */
struct mail_view {
	const struct briefing	*b;
	const char		*lang;		/* BCP 47 tag of the text */
	uint32_t		 text, muted, rule, accent, paper, tint;
	char			*serif, *sans;	/* the layout's families */
	int			 body_sans, head_sans;	/* which the body and headlines use */
	int			 mast_sans;	/* and the masthead */
	uint32_t		 mast_color;
	struct mail_story	*stories;
	size_t			 nstories;
	char			*subject, *pdfname;
	const char		*pdfcid;	/* the PDF's Content-ID, or NULL */
	const char		*greeting;	/* "Dear NAME," when set */
	size_t			 pdflen, npages;
	const char		*chart_cid;	/* an inline chart picture, or NULL */
	const char		*chart_title;
	size_t			 chart_story;	/* the story it belongs to */
	const struct rich	*chart_caption;	/* shown under it as text */
	int			 chart_w, chart_h;	/* its size in CSS pixels */
};

/* Parse one address ("Name <a@b.example>", "\"Quoted, Name\" <a@b>" or
 * "a@b.example") into *name (NULL when none; quotes and escapes undone)
 * and *addr, both malloc'd.  The domain of *addr is ASCII (an
 * international one as punycode), so the envelope and the headers carry
 * the same address.  Returns 0, or -1 with a static reason in *why: a CR
 * or LF (header injection), invalid UTF-8, not exactly one mailbox, not a
 * plausible address, or non-ASCII before the @. */
int mail_parse_address(const char *s, char **name, char **addr, const char **why);
/* True when s holds no CR or LF, so it may go into a header. */
int mail_header_safe(const char *s);
/* True when a URL carries user information (smtp://user:pass@host). */
int mail_url_has_userinfo(const char *url);
/* The URL without any user information, to show in messages.  malloc'd. */
char *mail_url_shown(const char *url);
/* The HTML body.  malloc'd. */
char *mail_html(const struct mail_view *v);
/* The plain-text body, format=flowed (RFC 3676): lines of at most 72
 * characters, soft breaks end in a space.  malloc'd. */
char *mail_text(const struct mail_view *v);
/* "1.4 MB", "820 KB": a byte count for people, into out (16 bytes). */
const char *mail_size(size_t n, char out[16]);
/* The subject: the briefing's title and edition (or date); for a lone
 * story its title and date.  malloc'd. */
char *mail_subject(const struct briefing *b);
/* The attachment's name: <slug>-<date>.pdf.  malloc'd. */
char *mail_pdf_name(const struct briefing *b);
#define MAIL_BCC	0x1	/* Bcc in the headers (for sendmail -t, which removes it) */
#define MAIL_CRLF	0x2	/* CRLF line ends, as SMTP requires */
#define MAIL_REPRODUCIBLE 0x4	/* Message-ID and boundaries from the content
				 * (SOURCE_DATE_EPOCH set), not at random */

/* Compose the message: multipart/mixed holding the bodies (text/plain
 * format=flowed and text/html as multipart/alternative; inside a
 * multipart/related with the chart picture when png is not NULL) and the
 * PDF, which has a Content-ID the HTML links to.  Bcc recipients appear
 * in the headers only with MAIL_BCC.  epoch is the Date.  Returns the
 * bytes (malloc'd) and *len. */
char *mail_compose(const struct mail *m, const struct mail_view *v,
    const char *pdf, size_t pdflen, const char *png, size_t pnglen,
    long long epoch, int flags, size_t *len);
/* Send over SMTP (smtp:// or smtps:// URL, without credentials) with
 * libcurl: STARTTLS when the server offers it, required when require_tls
 * is set; credentials from BRIEFING_SMTP_USER/BRIEFING_SMTP_PASSWORD or
 * ~/.netrc.  Nothing is sent unless every recipient is accepted.  With
 * BRIEFING_SMTP_TRACE set the dialogue goes to stderr, authentication
 * hidden.  Returns 0, or -1 with a message in *err (malloc'd) that names
 * each refused recipient and quotes the server's reply. */
int mail_send_smtp(const char *url, int require_tls, const struct mail *m,
    const char *msg, size_t len, char **err);
/* Hand the message to the local sendmail (sendmail -t -i).  Returns 0, 1
 * when there is no sendmail, or -1 with a message in *err. */
int mail_send_sendmail(const char *msg, size_t len, char **err);
/* Fill v from a build: the layout (--layout when layout is not NULL,
 * else the input's or a4) read again for its colours and families, each
 * story's first page, the PDF's name, pages and size.  Returns 0, or -1
 * with a message in *err (malloc'd). */
int mail_view_make(struct mail_view *v, const struct build *b, const char *input,
    const char *layout, char **err);
/* The picture the message shows: the briefing's first chart with a
 * caption, cut from its page and drawn at twice its shown size (at most
 * 520 x 340 CSS pixels, so 1040 x 680 pixels).  Sets v's chart_w, chart_h,
 * chart_title and chart_story.  Returns 0 with the PNG in *png (malloc'd;
 * NULL when the briefing has no chart), or -1 with a message in *err. */
int mail_chart_png(const struct build *b, struct mail_view *v, char **png,
    size_t *len, char **err);
/* Free what a view holds. */
void mail_view_free(struct mail_view *v);
/* True when some recipient of m is a blind copy. */
int mail_has_bcc(const struct mail *m);
/* After a failed send: write the PDF and the message (which holds its Bcc
 * header when bcc is set, and says so) in the current folder as
 * SLUG-DATE.pdf and .eml, or SLUG-DATE-2 and so on when a file of that
 * name exists (none is ever replaced), and say where on stderr.  Returns
 * 0, or -1 after saying why nothing could be kept. */
int mail_keep(const char *pdfname, const char *pdf, size_t pdflen,
    const char *msg, size_t len, int bcc);
/* Free what a struct mail holds. */
void mail_free(struct mail *m);

#endif
