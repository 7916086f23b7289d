/* compose.c: the message as MIME, with GMime: the text and HTML bodies
 * as multipart/alternative (with the chart picture, when there is one,
 * in a multipart/related around them) and the PDF attached. */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <gmime/gmime.h>

#include "base/util.h"
#include "mail/mail.h"

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

/* A display name that holds "=?" would be taken for RFC 2047 encoded
 * words by every reader: encode it whole, so that it reads as written.
 * Returns a new string (g_free), or NULL when the name may go as it is. */
static char *
literal_name(const char *name)
{
	GString *s;
	size_t n, i = 0;

	if (name == NULL || strstr(name, "=?") == NULL)
		return NULL;
	s = g_string_new(NULL);
	n = strlen(name);
	while (i < n) {
		size_t k = n - i > 45 ? 45 : n - i;
		char *b64;

		while (i + k < n && ((unsigned char)name[i + k] & 0xc0) == 0x80)
			k--;	/* whole characters in each word */
		b64 = g_base64_encode((const guchar *)name + i, k);
		g_string_append_printf(s, "%s=?utf-8?b?%s?=", s->len ? " " : "", b64);
		g_free(b64);
		i += k;
	}
	return g_string_free(s, FALSE);
}

static void
add_mailbox(InternetAddressList *l, const char *name, const char *addr)
{
	char *lit = literal_name(name);
	InternetAddress *ia = internet_address_mailbox_new(lit ? lit : name, addr);

	internet_address_set_charset(ia, "utf-8");
	internet_address_list_add(l, ia);
	g_object_unref(ia);
	g_free(lit);
}

/* With MAIL_REPRODUCIBLE, the Message-ID and the MIME boundaries come
 * from a digest of what the message holds (its date, sender, recipients,
 * bodies' sources and the PDF), so that the same input gives the same
 * bytes; otherwise GMime draws them at random. */
static char *
digest(const struct mail *m, const struct mail_view *v, const char *pdf,
    size_t pdflen, long long epoch, const char *greeting)
{
	GChecksum *c = g_checksum_new(G_CHECKSUM_SHA256);
	char *hex, when[32];

	snprintf(when, sizeof(when), "%lld", epoch);
	g_checksum_update(c, (const guchar *)when, -1);
	g_checksum_update(c, (const guchar *)m->from_addr, -1);
	for (size_t i = 0; i < m->nrcpt; i++) {
		g_checksum_update(c, (const guchar *)m->rcpt[i].addr, -1);
		g_checksum_update(c, (const guchar *)(m->rcpt[i].kind == RCPT_TO ? "t" :
		    m->rcpt[i].kind == RCPT_CC ? "c" : "b"), 1);
	}
	g_checksum_update(c, (const guchar *)v->subject, -1);
	if (greeting)
		g_checksum_update(c, (const guchar *)greeting, -1);
	g_checksum_update(c, (const guchar *)pdf, (gssize)pdflen);
	hex = xstrdup(g_checksum_get_string(c));
	g_checksum_free(c);
	return hex;
}

static GMimeMessage *
headers(const struct mail *m, const struct mail_view *v, long long epoch,
    int flags, const char *hash, char **mid)
{
	static const GMimeAddressType type[4] = { GMIME_ADDRESS_TYPE_FROM,
	    GMIME_ADDRESS_TYPE_TO, GMIME_ADDRESS_TYPE_CC, GMIME_ADDRESS_TYPE_BCC };
	GMimeMessage *msg = g_mime_message_new(TRUE);
	InternetAddressList *l[4];
	GDateTime *dt;

	/* Lists of our own, handed over whole: GMime encodes a message's
	 * header again at every address added to it. */
	for (int i = 0; i < 4; i++)
		l[i] = internet_address_list_new();
	add_mailbox(l[0], m->from_name, m->from_addr);
	for (size_t i = 0; i < m->nrcpt; i++) {
		const struct mail_rcpt *r = &m->rcpt[i];

		if (r->kind == RCPT_BCC && !(flags & MAIL_BCC))
			continue;	/* the envelope carries them */
		add_mailbox(l[r->kind == RCPT_TO ? 1 : r->kind == RCPT_CC ? 2 : 3],
		    r->name, r->addr);
	}
	for (int i = 0; i < 4; i++) {
		if (internet_address_list_length(l[i]) > 0)	/* no empty header */
			internet_address_list_append(g_mime_message_get_addresses(msg,
			    type[i]), l[i]);
		g_object_unref(l[i]);
	}
	g_mime_message_set_subject(msg, v->subject, "utf-8");
	dt = g_date_time_new_from_unix_utc(epoch);
	g_mime_message_set_date(msg, dt);
	g_date_time_unref(dt);
	if (hash)
		*mid = g_strdup_printf("%.32s.%lld@%s", hash, epoch,
		    strchr(m->from_addr, '@') + 1);
	else
		*mid = g_mime_utils_generate_message_id(strchr(m->from_addr, '@') + 1);
	g_mime_message_set_message_id(msg, *mid);
	return msg;
}

static char *
bytes_of(GMimeMessage *msg, int flags, size_t *len)
{
	GMimeStream *out = g_mime_stream_mem_new();
	GMimeFormatOptions *fo = g_mime_format_options_new();
	GByteArray *bytes;
	char *result;

	g_mime_format_options_set_newline_format(fo, flags & MAIL_CRLF ?
	    GMIME_NEWLINE_FORMAT_DOS : GMIME_NEWLINE_FORMAT_UNIX);
	g_mime_object_write_to_stream(GMIME_OBJECT(msg), fo, out);
	g_mime_format_options_free(fo);
	bytes = g_mime_stream_mem_get_byte_array(GMIME_STREAM_MEM(out));
	result = xmalloc(bytes->len + 1);
	memcpy(result, bytes->data, bytes->len);
	result[bytes->len] = '\0';
	*len = bytes->len;
	g_object_unref(out);
	return result;
}

/* Compose; see mail.h.  GMime must be initialised (g_mime_init). */
char *
mail_compose(const struct mail *m, const struct mail_view *view, const char *pdf,
    size_t pdflen, const char *png, size_t pnglen, long long epoch, int flags,
    size_t *len)
{
	struct mail_view v = *view;
	GMimeMessage *msg;
	GMimeMultipart *mixed, *alt, *related = NULL;
	GMimeTextPart *tp, *hp;
	GMimePart *img = NULL, *att;
	char *mid, *pdfcid, *chartcid, *text, *html, *result, *hash;

	hash = flags & MAIL_REPRODUCIBLE ? digest(m, view, pdf, pdflen, epoch,
	    view->greeting) : NULL;
	msg = headers(m, view, epoch, flags, hash, &mid);
	pdfcid = xasprintf("pdf.%s", mid);
	chartcid = xasprintf("chart.%s", mid);
	v.pdfcid = pdfcid;
	v.chart_cid = png ? chartcid : NULL;
	text = mail_text(&v);
	html = mail_html(&v);
	tp = text_part("plain", text);
	g_mime_object_set_content_type_parameter(GMIME_OBJECT(tp), "format", "flowed");
	hp = text_part("html", html);
	alt = g_mime_multipart_new_with_subtype("alternative");
	g_mime_multipart_add(alt, GMIME_OBJECT(tp));
	g_mime_multipart_add(alt, GMIME_OBJECT(hp));
	att = binary_part("application", "pdf", pdf, pdflen, v.pdfname, "attachment");
	g_mime_object_set_content_id(GMIME_OBJECT(att), pdfcid);
	mixed = g_mime_multipart_new_with_subtype("mixed");
	if (png) {
		img = binary_part("image", "png", png, pnglen, "chart.png", "inline");
		g_mime_object_set_content_id(GMIME_OBJECT(img), chartcid);
		related = g_mime_multipart_new_with_subtype("related");
		g_mime_object_set_content_type_parameter(GMIME_OBJECT(related), "type",
		    "multipart/alternative");
		g_mime_multipart_add(related, GMIME_OBJECT(alt));
		g_mime_multipart_add(related, GMIME_OBJECT(img));
		g_mime_multipart_add(mixed, GMIME_OBJECT(related));
	} else
		g_mime_multipart_add(mixed, GMIME_OBJECT(alt));
	g_mime_multipart_add(mixed, GMIME_OBJECT(att));
	if (hash) {
		char *bd[3];

		for (int i = 0; i < 3; i++)
			bd[i] = xasprintf("=-bm-%.24s-%d", hash, i);
		g_mime_multipart_set_boundary(mixed, bd[0]);
		g_mime_multipart_set_boundary(alt, bd[1]);
		if (related)
			g_mime_multipart_set_boundary(related, bd[2]);
		for (int i = 0; i < 3; i++)
			free(bd[i]);
	}
	g_mime_message_set_mime_part(msg, GMIME_OBJECT(mixed));
	result = bytes_of(msg, flags, len);

	g_object_unref(tp);
	g_object_unref(hp);
	g_object_unref(alt);
	if (img) {
		g_object_unref(img);
		g_object_unref(related);
	}
	g_object_unref(att);
	g_object_unref(mixed);
	g_object_unref(msg);
	free(text);
	free(html);
	g_free(mid);
	free(pdfcid);
	free(chartcid);
	free(hash);
	return result;
}
