/* smtp.c: sending over SMTP with libcurl.  The dialogue is followed
 * through libcurl's debug callback: to print it (BRIEFING_SMTP_TRACE)
 * with authentication hidden, to name each recipient the server refuses
 * and to quote the server's own words when something fails. */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <curl/curl.h>

#include "base/util.h"
#include "mail/mail.h"

/* What the dialogue showed. */
struct talk {
	int		 trace;
	int		 in_auth;	/* from AUTH to its last reply */
	int		 data_shown;
	size_t		 msglen;
	char		 cmd[600];	/* the last command sent */
	struct buf	 reply;		/* the reply being read */
	char		*fail_cmd, *fail_reply;	/* the first 4xx/5xx and its command */
	struct buf	 rejected;	/* "<addr> (reply)" of each refused recipient */
	size_t		 nrejected;
	const char	*p;		/* the message, for the upload */
	size_t		 left;
};

static size_t
read_cb(char *dst, size_t size, size_t n, void *arg)
{
	struct talk *t = arg;
	size_t k = size * n < t->left ? size * n : t->left;

	if (t->nrejected)
		return CURL_READFUNC_ABORT;	/* all recipients or none */
	memcpy(dst, t->p, k);
	t->p += k;
	t->left -= k;
	return k;
}

/* A command line we sent (CRLF removed). */
static void
sent(struct talk *t, const char *s, size_t n)
{
	if (t->in_auth || (n >= 5 && strncasecmp(s, "AUTH ", 5) == 0)) {
		/* AUTH PLAIN and LOGIN carry the credentials in base64: show
		 * the mechanism only. */
		if (!t->in_auth) {
			size_t m = 5 + strcspn(s + 5, " ");

			if (t->trace)
				fprintf(stderr, "> %.*s [credentials hidden]\n",
				    (int)(m < n ? m : n), s);
			snprintf(t->cmd, sizeof(t->cmd), "AUTH");
		} else if (t->trace)
			fprintf(stderr, "> [credentials hidden]\n");
		t->in_auth = 1;
		return;
	}
	if (t->trace)
		fprintf(stderr, "> %.*s\n", (int)n, s);
	snprintf(t->cmd, sizeof(t->cmd), "%.*s", (int)n, s);
}

/* The address of "RCPT TO:<a@b>" in t->cmd. */
static void
rcpt_of(const char *cmd, char *out, size_t n)
{
	const char *lt = strchr(cmd, '<'), *gt = lt ? strchr(lt, '>') : NULL;

	if (lt && gt)
		snprintf(out, n, "%.*s", (int)(gt - lt + 1), lt);
	else
		snprintf(out, n, "%s", cmd + 8);
}

/* The server's words are shown to people: control characters (a
 * terminal's escapes) become '?', and a reply is kept to REPLY_MAX bytes. */
#define REPLY_MAX	400

static void
add_clean(struct buf *b, const char *s, size_t n, size_t max)
{
	for (size_t i = 0; i < n && b->len < max; i++)
		buf_addc(b, (unsigned char)s[i] < 0x20 || s[i] == 0x7f ? '?' : s[i]);
}

/* A reply line from the server; a complete reply is judged. */
static void
heard(struct talk *t, const char *s, size_t n)
{
	int code;

	if (t->trace) {
		struct buf line;

		buf_init(&line);
		add_clean(&line, s, n, n);
		fprintf(stderr, "< %.*s\n", (int)line.len, line.data ? line.data : "");
		buf_free(&line);
	}
	if (n < 3 || !isdigit((unsigned char)s[0]) || !isdigit((unsigned char)s[1]) ||
	    !isdigit((unsigned char)s[2]))
		return;
	if (t->reply.len == 0)
		buf_add(&t->reply, s, 3);
	if (n > 4 && t->reply.len < REPLY_MAX) {
		buf_addc(&t->reply, ' ');
		add_clean(&t->reply, s + 4, n - 4, REPLY_MAX);
	}
	if (n > 3 && s[3] == '-')
		return;	/* more lines follow */
	code = (s[0] - '0') * 100 + (s[1] - '0') * 10 + (s[2] - '0');
	if (t->in_auth && code != 334)
		t->in_auth = 0;
	if (code >= 400 && strncasecmp(t->cmd, "RCPT TO:", 8) == 0) {
		char a[512];

		rcpt_of(t->cmd, a, sizeof(a));
		buf_printf(&t->rejected, "%s%s (\"%s\")", t->nrejected ? ", " : "", a,
		    t->reply.data);
		t->nrejected++;
	} else if (code >= 400 && t->fail_reply == NULL) {
		t->fail_cmd = xstrdup(t->cmd);
		t->fail_reply = xstrdup(t->reply.data);
	}
	t->reply.len = 0;
	t->reply.data[0] = '\0';
}

static int
debug_cb(CURL *c, curl_infotype type, char *data, size_t size, void *arg)
{
	struct talk *t = arg;
	const char *p = data, *end = data + size;

	switch (type) {
	case CURLINFO_HEADER_OUT:
	case CURLINFO_HEADER_IN:
		while (p < end) {
			const char *nl = memchr(p, '\n', end - p), *e = nl ? nl : end;
			size_t n = e - p;

			if (n && p[n - 1] == '\r')
				n--;
			if (type == CURLINFO_HEADER_OUT)
				sent(t, p, n);
			else
				heard(t, p, n);
			p = nl ? nl + 1 : end;
		}
		break;
	case CURLINFO_TEXT:
		if (t->trace) {
			struct buf line;

			buf_init(&line);
			add_clean(&line, data, size && data[size - 1] == '\n' ? size - 1 :
			    size, size);
			fprintf(stderr, "* %.*s\n", (int)line.len, line.data ? line.data : "");
			buf_free(&line);
		}
		break;
	case CURLINFO_DATA_OUT:
		if (t->trace && !t->data_shown)
			fprintf(stderr, "> [the message, %zu bytes]\n", t->msglen);
		t->data_shown = 1;
		break;
	default:
		break;
	}
	return 0;
}

/* What failed, in words, with the server's reply quoted. */
static char *
explain(const struct talk *t, CURLcode rc, long code, const char *ebuf)
{
	const char *what, *fc = t->fail_cmd ? t->fail_cmd : "";
	int temp = t->fail_reply && t->fail_reply[0] == '4';

	if (t->nrejected)
		return xasprintf("the SMTP server refused %s, so nothing was sent: %s",
		    t->nrejected == 1 ? "a recipient" : "recipients", t->rejected.data);
	if (rc == CURLE_COULDNT_CONNECT || rc == CURLE_COULDNT_RESOLVE_HOST)
		return xasprintf("cannot connect to the SMTP server (%s)", *ebuf ? ebuf :
		    curl_easy_strerror(rc));
	if (rc == CURLE_USE_SSL_FAILED)
		return xstrdup("the SMTP server does not offer TLS (STARTTLS), and "
		    "--require-tls was given");
	if (rc == CURLE_OPERATION_TIMEDOUT)
		return xstrdup("the SMTP server did not answer in time");
	if (t->fail_reply == NULL)
		return xasprintf("the SMTP conversation failed (%s%s)", *ebuf ? ebuf :
		    curl_easy_strerror(rc), code > 0 ? "" : "; the server gave no reply");
	if (rc == CURLE_LOGIN_DENIED || strcmp(fc, "AUTH") == 0)
		what = "the SMTP server refused the credentials";
	else if (strncmp(t->fail_reply, "530", 3) == 0)
		what = "the SMTP server requires authentication: set "
		    "BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, or use ~/.netrc";
	else if (strncasecmp(fc, "MAIL FROM:", 10) == 0)
		what = "the SMTP server refused the sender";
	else if (strncasecmp(fc, "DATA", 4) == 0 || t->data_shown)
		what = "the SMTP server refused the message";
	else if (strncasecmp(fc, "STARTTLS", 8) == 0)
		what = "the SMTP server could not start TLS";
	else if (*fc == '\0')
		what = "the SMTP server refused the connection";
	else
		what = "the SMTP server refused a command";
	return xasprintf("%s; it said \"%s\"%s", what, t->fail_reply, temp ?
	    " (a temporary failure: try again later)" : "");
}

static void
setup(CURL *c, const char *url, int require_tls, struct talk *t,
    struct curl_slist *rcpt, const char *from, char *ebuf)
{
	const char *user = getenv("BRIEFING_SMTP_USER");
	const char *pass = getenv("BRIEFING_SMTP_PASSWORD");
	const char *ca = getenv("BRIEFING_SMTP_CA");

	curl_easy_setopt(c, CURLOPT_URL, url);
	curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
	curl_easy_setopt(c, CURLOPT_MAIL_FROM, from);
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT, rcpt);
	/* Ask about every recipient, to name all those refused; the upload
	 * then stops before a byte of the message is sent. */
	curl_easy_setopt(c, CURLOPT_MAIL_RCPT_ALLLOWFAILS, 1L);
	curl_easy_setopt(c, CURLOPT_READFUNCTION, read_cb);
	curl_easy_setopt(c, CURLOPT_READDATA, t);
	curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
	curl_easy_setopt(c, CURLOPT_INFILESIZE_LARGE, (curl_off_t)t->msglen);
	curl_easy_setopt(c, CURLOPT_USE_SSL, require_tls ? (long)CURLUSESSL_ALL :
	    (long)CURLUSESSL_TRY);
	curl_easy_setopt(c, CURLOPT_ERRORBUFFER, ebuf);
	curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 15L);
	curl_easy_setopt(c, CURLOPT_TIMEOUT, 300L);
	curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);
	curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);	/* to debug_cb, not stderr */
	curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, debug_cb);
	curl_easy_setopt(c, CURLOPT_DEBUGDATA, t);
	if (ca && *ca)
		curl_easy_setopt(c, CURLOPT_CAINFO, ca);
	if (user && *user) {
		curl_easy_setopt(c, CURLOPT_USERNAME, user);
		curl_easy_setopt(c, CURLOPT_PASSWORD, pass ? pass : "");
	} else
		curl_easy_setopt(c, CURLOPT_NETRC, (long)CURL_NETRC_OPTIONAL);
}

/* SMTP; see mail.h. */
int
mail_send_smtp(const char *url, int require_tls, const struct mail *m,
    const char *msg, size_t len, char **err)
{
	CURL *c;
	CURLcode rc;
	struct curl_slist *rcpt = NULL;
	struct talk t;
	char ebuf[CURL_ERROR_SIZE] = "", *from;
	const char *tr = getenv("BRIEFING_SMTP_TRACE");
	long code = 0;

	*err = NULL;
	if (mail_url_has_userinfo(url)) {
		*err = xstrdup("credentials may not be given in the URL");
		return -1;
	}
	memset(&t, 0, sizeof(t));
	t.trace = tr && *tr && strcmp(tr, "0") != 0;
	t.p = msg;
	t.left = t.msglen = len;
	buf_init(&t.reply);
	buf_init(&t.rejected);
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
	setup(c, url, require_tls, &t, rcpt, from, ebuf);
	rc = curl_easy_perform(c);
	curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &code);
	if (rc != CURLE_OK || t.nrejected)
		*err = explain(&t, rc, code, ebuf);
	curl_slist_free_all(rcpt);
	curl_easy_cleanup(c);
	curl_global_cleanup();
	free(from);
	free(t.fail_cmd);
	free(t.fail_reply);
	buf_free(&t.reply);
	buf_free(&t.rejected);
	return *err ? -1 : 0;
}
