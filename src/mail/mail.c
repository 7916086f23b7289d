/* mail.c: composing and sending a briefing by e-mail. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <curl/curl.h>
#include <gmime/gmime.h>

#include "base/util.h"
#include "mail/mail.h"

/* Address parsing; see mail.h. */
int
mail_parse_address(const char *s, char **name, char **addr, const char **why)
{
	InternetAddressList *l;
	InternetAddress *ia;
	const char *a, *at;

	*name = *addr = NULL;
	if (!mail_header_safe(s)) {
		*why = "contains a line break (CR or LF)";
		return -1;
	}
	if ((l = internet_address_list_parse(NULL, s)) == NULL ||
	    internet_address_list_length(l) != 1 ||
	    !INTERNET_ADDRESS_IS_MAILBOX(ia = internet_address_list_get_address(l, 0))) {
		if (l)
			g_object_unref(l);
		*why = "is not one e-mail address";
		return -1;
	}
	a = internet_address_mailbox_get_addr(INTERNET_ADDRESS_MAILBOX(ia));
	at = a ? strchr(a, '@') : NULL;
	if (at == NULL || at == a || at[1] == '\0' || strchr(at + 1, '@') ||
	    strchr(at + 1, '.') == NULL || strpbrk(a, " \t<>,;\"") != NULL) {
		g_object_unref(l);
		*why = "is not a valid e-mail address (expected name@domain.tld)";
		return -1;
	}
	*addr = xstrdup(a);
	if (internet_address_get_name(ia) && *internet_address_get_name(ia))
		*name = xstrdup(internet_address_get_name(ia));
	g_object_unref(l);
	return 0;
}

/* No CR or LF; see mail.h. */
int
mail_header_safe(const char *s)
{
	return s == NULL || strpbrk(s, "\r\n") == NULL;
}

/* Subject; see mail.h. */
char *
mail_subject(const struct briefing *b)
{
	char date[32];
	const struct date *dt = b->is_edition ? &b->date : &b->stories[0].date;
	const char *title = b->is_edition ? b->title : b->stories[0].title.text;
	const char *extra = b->is_edition && b->edition ? b->edition :
	    dt->prec ? date_format_long(dt, date) : NULL;

	return extra ? xasprintf("%s \xe2\x80\x94 %s", title, extra) : xstrdup(title);
}

/* <slug>-<date>.pdf; see mail.h. */
char *
mail_pdf_name(const struct briefing *b)
{
	/* Transliterated first ("Wöchentliches" -> "Wochentliches"). */
	char *src = g_str_to_ascii(b->is_edition ? b->title : b->stories[0].id, "C");
	const struct date *dt = b->is_edition ? &b->date : &b->stories[0].date;
	struct buf s;
	int dash = 0;

	buf_init(&s);
	for (const unsigned char *p = (const unsigned char *)src; *p; p++) {
		if (isalnum(*p)) {
			if (dash && s.len)
				buf_addc(&s, '-');
			buf_addc(&s, (char)tolower(*p));
			dash = 0;
		} else
			dash = 1;
	}
	g_free(src);
	if (s.len == 0)
		buf_adds(&s, "briefing");
	if (dt->prec == DATE_DAY)
		buf_printf(&s, "-%04d-%02d-%02d", dt->y, dt->m, dt->d);
	else if (dt->prec == DATE_MONTH)
		buf_printf(&s, "-%04d-%02d", dt->y, dt->m);
	else if (dt->prec == DATE_YEAR)
		buf_printf(&s, "-%04d", dt->y);
	buf_adds(&s, ".pdf");
	return buf_steal(&s);
}

static void
html_escape(struct buf *b, const char *s)
{
	for (; *s; s++)
		switch (*s) {
		case '<': buf_adds(b, "&lt;"); break;
		case '>': buf_adds(b, "&gt;"); break;
		case '&': buf_adds(b, "&amp;"); break;
		case '"': buf_adds(b, "&quot;"); break;
		default: buf_addc(b, *s);
		}
}

/* The bodies: title, date, then each story's headline and points. */
static void
bodies(const struct briefing *b, const char *cid, struct buf *text, struct buf *html)
{
	char date[32];
	const struct date *dt = b->is_edition ? &b->date : &b->stories[0].date;
	const char *title = b->is_edition ? b->title : b->stories[0].title.text;

	buf_init(text);
	buf_init(html);
	buf_printf(text, "%s\n", title);
	buf_adds(html, "<!DOCTYPE html><html><head><meta charset=\"utf-8\"></head>"
	    "<body style=\"margin:0;padding:24px;font-family:Georgia,serif;"
	    "color:#1c1d21;background:#ffffff\"><div style=\"max-width:640px\">"
	    "<h1 style=\"font-size:26px;margin:0 0 4px\">");
	html_escape(html, title);
	buf_adds(html, "</h1><p style=\"font-family:Arial,sans-serif;font-size:13px;"
	    "color:#676a72;margin:0 0 16px\">");
	if (b->is_edition && b->edition) {
		buf_printf(text, "%s\n", b->edition);
		html_escape(html, b->edition);
		buf_adds(html, " &middot; ");
	}
	if (dt->prec) {
		buf_printf(text, "%s\n", date_format_long(dt, date));
		html_escape(html, date);
	}
	buf_adds(text, "\nThe briefing is attached as a PDF.\n");
	buf_printf(html, "</p><img src=\"cid:%s\" width=\"600\" alt=\"The first page "
	    "of the briefing\" style=\"width:600px;max-width:100%%;border:1px solid "
	    "#c9cbd1\">", cid);
	for (size_t i = 0; i < b->nstories; i++) {
		const struct story *st = &b->stories[i];

		buf_printf(text, "\n%s%s%s\n", st->category ? st->category : "",
		    st->category ? ": " : "", st->title.text);
		buf_adds(html, "<h2 style=\"font-family:Arial,sans-serif;font-size:18px;"
		    "margin:28px 0 8px\">");
		if (st->category) {
			buf_adds(html, "<span style=\"font-size:11px;letter-spacing:1px;"
			    "color:#0b4f8a;text-transform:uppercase\">");
			html_escape(html, st->category);
			buf_adds(html, "</span><br>");
		}
		html_escape(html, st->title.text);
		buf_adds(html, "</h2><ol style=\"padding-left:20px;font-size:15px;"
		    "line-height:1.45\">");
		for (size_t k = 0; k < st->npoints; k++) {
			buf_printf(text, "  %zu. %s\n", k + 1, st->points[k].text);
			buf_adds(html, "<li style=\"margin-bottom:6px\">");
			html_escape(html, st->points[k].text);
			buf_adds(html, "</li>");
		}
		buf_adds(html, "</ol>");
	}
	buf_adds(html, "<p style=\"font-family:Arial,sans-serif;font-size:12px;"
	    "color:#676a72\">The full briefing is attached as a PDF.</p>"
	    "</div></body></html>\n");
}

static GMimePart *
binary_part(const char *type, const char *subtype, const char *data, size_t len,
    const char *filename, const char *disposition)
{
	GMimePart *p = g_mime_part_new_with_type(type, subtype);
	GMimeStream *s = g_mime_stream_mem_new_with_buffer(data, len);
	GMimeDataWrapper *w = g_mime_data_wrapper_new_with_stream(s,
	    GMIME_CONTENT_ENCODING_DEFAULT);

	g_mime_part_set_content(p, w);
	g_mime_part_set_content_encoding(p, GMIME_CONTENT_ENCODING_BASE64);
	g_mime_object_set_disposition(GMIME_OBJECT(p), disposition);
	g_mime_part_set_filename(p, filename);
	g_object_unref(w);
	g_object_unref(s);
	return p;
}

static GMimeTextPart *
text_part(const char *subtype, const char *text)
{
	GMimeTextPart *t = g_mime_text_part_new_with_subtype(subtype);

	g_mime_text_part_set_charset(t, "utf-8");
	g_mime_text_part_set_text(t, text);
	g_mime_part_set_content_encoding(GMIME_PART(t),
	    GMIME_CONTENT_ENCODING_QUOTEDPRINTABLE);
	return t;
}

/* Compose; see mail.h.  GMime must be initialised (g_mime_init). */
char *
mail_compose(const struct mail *m, const struct briefing *b, const char *pdf,
    size_t pdflen, const char *png, size_t pnglen, long long epoch, int flags,
    size_t *len)
{
	GMimeMessage *msg;
	GMimeMultipart *mixed, *related, *alt;
	GMimeTextPart *tp, *hp;
	GMimePart *img, *att;
	GMimeStream *out;
	GByteArray *bytes;
	GDateTime *dt;
	struct buf text, html;
	char *subject = mail_subject(b), *pdfname = mail_pdf_name(b), *mid, *cid;
	const char *domain = strchr(m->from_addr, '@') + 1;
	char *result;

	msg = g_mime_message_new(TRUE);
	g_mime_message_add_mailbox(msg, GMIME_ADDRESS_TYPE_FROM, m->from_name,
	    m->from_addr);
	for (size_t i = 0; i < m->nrcpt; i++) {
		const struct mail_rcpt *r = &m->rcpt[i];

		if (r->kind == RCPT_BCC && !(flags & MAIL_BCC))
			continue;	/* the envelope carries them */
		g_mime_message_add_mailbox(msg, r->kind == RCPT_TO ?
		    GMIME_ADDRESS_TYPE_TO : r->kind == RCPT_CC ? GMIME_ADDRESS_TYPE_CC :
		    GMIME_ADDRESS_TYPE_BCC, r->name, r->addr);
	}
	g_mime_message_set_subject(msg, subject, "utf-8");
	dt = g_date_time_new_from_unix_utc(epoch);
	g_mime_message_set_date(msg, dt);
	g_date_time_unref(dt);
	mid = g_mime_utils_generate_message_id(domain);
	g_mime_message_set_message_id(msg, mid);
	cid = xasprintf("cover.%s", mid);

	bodies(b, cid, &text, &html);
	tp = text_part("plain", text.data);
	hp = text_part("html", html.data);
	alt = g_mime_multipart_new_with_subtype("alternative");
	g_mime_multipart_add(alt, GMIME_OBJECT(tp));
	g_mime_multipart_add(alt, GMIME_OBJECT(hp));
	img = binary_part("image", "png", png, pnglen, "cover.png", "inline");
	g_mime_object_set_content_id(GMIME_OBJECT(img), cid);
	related = g_mime_multipart_new_with_subtype("related");
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(related), "type",
	    "multipart/alternative");
	g_mime_multipart_add(related, GMIME_OBJECT(alt));
	g_mime_multipart_add(related, GMIME_OBJECT(img));
	att = binary_part("application", "pdf", pdf, pdflen, pdfname, "attachment");
	mixed = g_mime_multipart_new_with_subtype("mixed");
	g_mime_multipart_add(mixed, GMIME_OBJECT(related));
	g_mime_multipart_add(mixed, GMIME_OBJECT(att));
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));

	out = g_mime_stream_mem_new();
	{
		GMimeFormatOptions *fo = g_mime_format_options_new();

		g_mime_format_options_set_newline_format(fo, flags & MAIL_CRLF ?
		    GMIME_NEWLINE_FORMAT_DOS : GMIME_NEWLINE_FORMAT_UNIX);
		g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, out);
		g_mime_format_options_free(fo);
	}
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
	result = xmalloc(bytes->len + 1);
	memcpy(result, bytes->data, bytes->len);
	result[bytes->len] = '\0';
	*len = bytes->len;

	g_object_unref(out);
	g_object_unref(tp);
	g_object_unref(hp);
	g_object_unref(alt);
	g_object_unref(img);
	g_object_unref(related);
	g_object_unref(att);
	g_object_unref(mixed);
	g_object_unref(msg);
	buf_free(&text);
	buf_free(&html);
	g_free(mid);
	free(cid);
	free(subject);
	free(pdfname);
	return result;
}

struct upload {
	const char	*p;
	size_t		 left;
};

static size_t
read_cb(char *dst, size_t size, size_t n, void *arg)
{
	struct upload *u = arg;
	size_t k = size * n < u->left ? size * n : u->left;

	memcpy(dst, u->p, k);
	u->p += k;
	u->left -= k;
	return k;
}

/* SMTP; see mail.h. */
int
mail_send_smtp(const char *url, int require_tls, const struct mail *m,
    const char *msg, size_t len, char **err)
{
	CURL *c;
	CURLcode rc;
	struct curl_slist *rcpt = NULL;
	struct upload u = { msg, len };
	char ebuf[CURL_ERROR_SIZE] = "", *from;
	const char *user = getenv("BRIEFING_SMTP_USER");
	const char *pass = getenv("BRIEFING_SMTP_PASSWORD");
	const char *ca = getenv("BRIEFING_SMTP_CA");
	long code = 0;

	*err = NULL;
	curl_global_init(CURL_GLOBAL_DEFAULT);
	if ((c = curl_easy_init()) == NULL) {
		*err = xstrdup("cannot start libcurl");
		return -1;
	}
	from = xasprintf("<%s>", m->from_addr);
	for (size_t i = 0; i < m->nrcpt; i++) {
		char *r = xasprintf("<%s>", m->rcpt[i].addr);

		rcpt = curl_slist_append(rcpt, r);
		free(r);
	}
	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, &u);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)len);
	curl_easy_setopt(c, CURLOPT_USE_SSL, require_tls ? (long)CURLUSESSL_ALL :
	    (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 300L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	if (ca && *ca)
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	if (getenv("BRIEFING_SMTP_TRACE"))
		curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);	/* the dialogue, on stderr */
	if (user && *user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, pass ? pass : "");
	} else
		curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	if (rc != CURLE_OK) {
		const char *what;

		switch (rc) {
		case CURLE_COULDNT_CONNECT:
		case CURLE_COULDNT_RESOLVE_HOST:
			what = "cannot connect to the SMTP server";
			break;
		case CURLE_LOGIN_DENIED:
			what = "the SMTP server refused the credentials";
			break;
		case CURLE_USE_SSL_FAILED:
			what = "the SMTP server does not offer TLS (STARTTLS), and "
			    "--require-tls was given";
			break;
		case CURLE_SEND_ERROR:
		case CURLE_RECV_ERROR:
			what = code >= 500 && code < 600 ?
			    "the SMTP server rejected the message or a recipient" :
			    "the SMTP conversation failed";
			break;
		case CURLE_OPERATION_TIMEDOUT:
			what = "the SMTP server did not answer in time";
			break;
		default:
			what = "sending failed";
		}
		if (code > 0)
			*err = xasprintf("%s (%s; server said %ld)", what,
			    *ebuf ? ebuf : curl_easy_strerror(rc), code);
		else
			*err = xasprintf("%s (%s)", what, *ebuf ? ebuf :
			    curl_easy_strerror(rc));
	}
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	curl_global_cleanup();
	free(from);
	return rc == CURLE_OK ? 0 : -1;
}

/* sendmail -t -i; see mail.h. */
int
mail_send_sendmail(const char *msg, size_t len, char **err)
{
	const char *paths[] = { "/usr/sbin/sendmail", "/usr/lib/sendmail" };
	const char *sm = NULL;
	FILE *p;
	char *cmd;
	int st;

	*err = NULL;
	for (size_t i = 0; i < 2 && sm == NULL; i++)
		if (access(paths[i], X_OK) == 0)
			sm = paths[i];
	if (sm == NULL)
		return 1;
	cmd = xasprintf("%s -t -i", sm);
	p = popen(cmd, "w");
	free(cmd);
	if (p == NULL) {
		*err = xasprintf("cannot run %s: %s", sm, strerror(errno));
		return -1;
	}
	if (fwrite(msg, 1, len, p) != len) {
		pclose(p);
		*err = xasprintf("cannot write to %s", sm);
		return -1;
	}
	st = pclose(p);
	if (st == -1 || !WIFEXITED(st) || WEXITSTATUS(st) != 0) {
		*err = xasprintf("%s failed (status %d)", sm, WIFEXITED(st) ?
		    WEXITSTATUS(st) : -1);
		return -1;
	}
	return 0;
}

/* Free a struct mail. */
void
mail_free(struct mail *m)
{
	free(m->from_name);
	free(m->from_addr);
	for (size_t i = 0; i < m->nrcpt; i++) {
		free(m->rcpt[i].name);
		free(m->rcpt[i].addr);
	}
	free(m->rcpt);
	memset(m, 0, sizeof(*m));
}
