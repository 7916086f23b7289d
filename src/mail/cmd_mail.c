/* cmd_mail.c: briefing mail: render a briefing and send it, in four
 * steps: the options, the recipients (every address checked before
 * anything is rendered or sent), the message, its delivery. */
#include <getopt.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <gmime/gmime.h>

#include "base/output.h"
#include "base/util.h"
#include "cli/cli.h"
#include "cli/engine.h"
#include "mail/mail.h"

#define MAX_CLI_RCPT	64

/* One run of the command. */
struct run {
	const char		*input, *from, *eml, *smtp;
	int			 require_tls, personalize;
	int			 reproducible;	/* SOURCE_DATE_EPOCH is set */
	struct build_opts	 o;
	const char		*cli[MAX_CLI_RCPT];
	enum rcpt_kind		 cli_kind[MAX_CLI_RCPT];
	int			 ncli;
	struct mail		 m;
	struct engine		*e;
	struct build		*b;
	struct mail_view	 v;
	char			*png;		/* the chart picture, or NULL */
	size_t			 pnglen;
	long long		 when;
	GHashTable		*seen;		/* the addresses taken */
};

static const char *const kind_name[] = { "to", "cc", "bcc" };

/* The options into r.  Returns -1 to go on, or an exit status. */
static int
options(struct run *r, int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 'T' },
		{ "cc", required_argument, NULL, 'C' },
		{ "bcc", required_argument, NULL, 'B' },
		{ "from", required_argument, NULL, 'F' },
		{ "eml", required_argument, NULL, 'E' },
		{ "smtp", required_argument, NULL, 'S' },
		{ "require-tls", no_argument, NULL, 'R' },
		{ "personalize", no_argument, NULL, 'P' },
		{ "layout", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	int c;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'T':
		case 'C':
		case 'B':
			if (r->ncli == MAX_CLI_RCPT)
				return cli_usage_error("%s", "at most 64 recipients on "
				    "the command line");
			r->cli_kind[r->ncli] = c == 'T' ? RCPT_TO : c == 'C' ? RCPT_CC :
			    RCPT_BCC;
			r->cli[r->ncli++] = optarg;
			break;
		case 'F':
			r->from = optarg;
			break;
		case 'E':
			r->eml = optarg;
			break;
		case 'S':
			r->smtp = optarg;
			break;
		case 'R':
			r->require_tls = 1;
			break;
		case 'P':
			r->personalize = 1;
			break;
		case 'L':
			r->o.layout = optarg;
			break;
		case 'h':
			return cli_help("mail");
		default:
			return cli_bad_option(c, argv, longopts);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("%s", "mail takes one input file");
	r->input = argv[optind];
	if (r->smtp && mail_url_has_userinfo(r->smtp)) {
		char *shown = mail_url_shown(r->smtp);
		int rc = cli_usage_error("--smtp '%s': credentials may not be given in "
		    "the URL (they would show in the process list and in messages): "
		    "set BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, or use ~/.netrc",
		    shown);

		free(shown);
		return rc;
	}
	if (r->smtp && strncmp(r->smtp, "smtp://", 7) != 0 &&
	    strncmp(r->smtp, "smtps://", 8) != 0)
		return cli_usage_error("--smtp takes smtp://host:port or "
		    "smtps://host:port, not '%s'", r->smtp);
	if (r->personalize && r->eml)
		return cli_usage_error("%s", "--personalize sends one message per To "
		    "recipient; --eml writes one message: give one or the other");
	if (r->from == NULL || *r->from == '\0')
		return cli_usage_error("%s", "mail needs a sender: --from ADDR or "
		    "BRIEFING_FROM in the environment");
	return -1;
}

/* Add a recipient, each address once (a hash of those seen, so that a
 * long <distribution> costs no more than its length). */
static void
add_rcpt(struct run *r, const char *name, const char *addr, enum rcpt_kind k)
{
	struct mail *m = &r->m;

	if (r->seen == NULL)
		r->seen = g_hash_table_new_full(g_str_hash, g_str_equal, free, NULL);
	if (g_hash_table_contains(r->seen, addr))
		return;
	g_hash_table_add(r->seen, xstrdup(addr));
	m->rcpt = xrealloc(m->rcpt, (m->nrcpt + 1) * sizeof(*m->rcpt));
	m->rcpt[m->nrcpt].name = name ? xstrdup(name) : NULL;
	m->rcpt[m->nrcpt].addr = xstrdup(addr);
	m->rcpt[m->nrcpt].kind = k;
	m->nrcpt++;
}

/* The sender and the command line's recipients.  Returns 0, or -1 when
 * one is bad (each said). */
static int
cli_recipients(struct run *r)
{
	const char *why;
	int bad = 0;

	if (mail_parse_address(r->from, &r->m.from_name, &r->m.from_addr, &why) != 0) {
		fprintf(stderr, "briefing: error: --from '%s': %s\n", r->from, why);
		bad = 1;
	}
	for (int i = 0; i < r->ncli; i++) {
		char *name, *addr;

		if (mail_parse_address(r->cli[i], &name, &addr, &why) != 0) {
			fprintf(stderr, "briefing: error: --%s '%s': %s\n",
			    kind_name[r->cli_kind[i]], r->cli[i], why);
			bad = 1;
			continue;
		}
		add_rcpt(r, name, addr, r->cli_kind[i]);
		free(name);
		free(addr);
	}
	return bad ? -1 : 0;
}

/* The <distribution>'s recipients: the address checked alone, the name
 * kept as written (GMime quotes or encodes it in the header). */
static void
input_recipients(struct run *r, struct diags *d)
{
	const struct briefing *bf = r->b->model;
	const struct recipient *rc = bf->is_edition ? bf->recipients :
	    bf->stories[0].recipients;
	size_t nr = bf->is_edition ? bf->nrecipients : bf->stories[0].nrecipients;
	char *subject = mail_subject(bf);

	for (size_t i = 0; i < nr; i++) {
		char *name, *addr;
		const char *why;

		if (!mail_header_safe(rc[i].name)) {
			diag(d, DIAG_ERROR, rc[i].pos.file, rc[i].pos.line, rc[i].pos.col,
			    "recipient '%s' has a line break in its name", rc[i].email);
			continue;
		}
		if (strchr(rc[i].email, '<') || mail_parse_address(rc[i].email,
		    &name, &addr, &why) != 0) {
			diag(d, DIAG_ERROR, rc[i].pos.file, rc[i].pos.line, rc[i].pos.col,
			    "recipient '%s' is not one valid e-mail address", rc[i].email);
			continue;
		}
		add_rcpt(r, rc[i].name && *rc[i].name ? rc[i].name : NULL, addr,
		    rc[i].kind);
		free(name);
		free(addr);
	}
	if (!mail_header_safe(subject))
		diag(d, DIAG_ERROR, bf->pos.file, bf->pos.line, bf->pos.col,
		    "the title has a line break, which cannot go into a "
		    "Subject header");
	free(subject);
}

/* Render the input and gather every recipient.  Returns an exit status. */
static int
recipients_and_build(struct run *r)
{
	struct diags *d;
	int bad = cli_recipients(r) != 0, rc;

	if ((r->e = cli_engine()) == NULL)
		return EXIT_SYSTEM;
	d = diags_new();
	rc = engine_build(r->e, r->input, &r->o, d, &r->b);
	if (rc == EXIT_OK) {
		input_recipients(r, d);
		if (diags_errors(d))
			rc = EXIT_INPUT;
	}
	diags_print(d, stderr);
	diags_free(d);
	if (rc != EXIT_OK || bad)
		return rc != EXIT_OK ? rc : EXIT_INPUT;
	if (r->m.nrcpt == 0)
		return cli_usage_error("%s", "no recipients: give --to, --cc or --bcc, "
		    "or a <distribution> in the briefing");
	return EXIT_OK;
}

/* The message's view of the build, its chart picture and its date.
 * Returns an exit status. */
static int
message(struct run *r)
{
	const char *sde = getenv("SOURCE_DATE_EPOCH");
	char *err = NULL;

	if (mail_view_make(&r->v, r->b, r->input, r->o.layout, &err) != 0 ||
	    mail_chart_png(r->b, &r->v, &r->png, &r->pnglen, &err) != 0) {
		fprintf(stderr, "briefing: error: %s\n", err);
		free(err);
		return EXIT_SYSTEM;
	}
	r->reproducible = sde && *sde;
	r->when = r->reproducible ? strtoll(sde, NULL, 10) : (long long)time(NULL);
	return EXIT_OK;
}

static char *
compose(struct run *r, const struct mail *m, const char *greeting, int flags,
    size_t *len)
{
	r->v.greeting = greeting;
	if (r->reproducible)
		flags |= MAIL_REPRODUCIBLE;
	return mail_compose(m, &r->v, r->b->pdf, r->b->pdflen, r->png, r->pnglen,
	    r->when, flags, len);
}

/* Keep what could not be sent, with its Bcc header, and say where. */
static void
keep(struct run *r, const struct mail *m, const char *greeting)
{
	size_t len;
	char *msg = compose(r, m, greeting, MAIL_BCC | MAIL_CRLF, &len);

	mail_keep(r->v.pdfname, r->b->pdf, r->b->pdflen, msg, len, mail_has_bcc(m));
	free(msg);
}

static const char *
people(size_t n)
{
	return n == 1 ? "recipient" : "recipients";
}

/* Send one message to m's recipients, through --smtp or the local
 * sendmail; on failure say why and keep it.  Returns an exit status. */
static int
send_one(struct run *r, const struct mail *m, const char *greeting)
{
	size_t len;
	char *msg, *err = NULL;
	int rc = EXIT_OK;

	if (r->smtp) {
		char *shown = mail_url_shown(r->smtp);

		msg = compose(r, m, greeting, MAIL_CRLF, &len);
		if (mail_send_smtp(r->smtp, r->require_tls, m, msg, len, &err) != 0) {
			fprintf(stderr, "briefing: error: %s: %s\n", shown, err);
			keep(r, m, greeting);
			rc = EXIT_SYSTEM;
		} else
			fprintf(stderr, "briefing: sent to %zu %s through %s\n", m->nrcpt,
			    people(m->nrcpt), shown);
		free(shown);
		free(err);
		free(msg);
		return rc;
	}
	/* The local sendmail takes Bcc from the headers and removes it. */
	msg = compose(r, m, greeting, MAIL_BCC, &len);
	switch (mail_send_sendmail(msg, len, &err)) {
	case 0:
		fprintf(stderr, "briefing: handed to sendmail for %zu %s\n", m->nrcpt,
		    people(m->nrcpt));
		break;
	case 1:
		fprintf(stderr, "briefing: error: no --smtp server given and no local "
		    "sendmail: use --smtp smtp://HOST:PORT (credentials in "
		    "BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, or ~/.netrc)\n");
		keep(r, m, greeting);
		rc = EXIT_SYSTEM;
		break;
	default:
		fprintf(stderr, "briefing: error: %s\n", err);
		keep(r, m, greeting);
		rc = EXIT_SYSTEM;
	}
	free(err);
	free(msg);
	return rc;
}

/* --personalize: one message to each To recipient, greeting them by
 * name, then one copy for the Cc and Bcc recipients together.  Stops at
 * the first failure, saying who has it already.  Returns an exit status. */
static int
send_each(struct run *r)
{
	struct mail one = r->m;
	struct mail_rcpt *copies = xcalloc(r->m.nrcpt, sizeof(*copies));
	size_t ncopies = 0, sent = 0, nto = 0;
	int rc = EXIT_OK;

	for (size_t i = 0; i < r->m.nrcpt; i++)
		if (r->m.rcpt[i].kind != RCPT_TO)
			copies[ncopies++] = r->m.rcpt[i];
		else
			nto++;
	for (size_t i = 0; i < r->m.nrcpt && rc == EXIT_OK; i++) {
		if (r->m.rcpt[i].kind != RCPT_TO)
			continue;
		one.rcpt = &r->m.rcpt[i];
		one.nrcpt = 1;
		if ((rc = send_one(r, &one, r->m.rcpt[i].name)) == EXIT_OK)
			sent++;
	}
	if (rc == EXIT_OK && ncopies) {
		one.rcpt = copies;
		one.nrcpt = ncopies;
		rc = send_one(r, &one, NULL);
	}
	if (rc != EXIT_OK)
		fprintf(stderr, "briefing: --personalize: %zu of the %zu To recipients "
		    "had their message before this failure; nothing more was sent\n",
		    sent, nto);
	free(copies);
	return rc;
}

/* Write, send or hand over the message.  Returns an exit status. */
static int
delivery(struct run *r)
{
	size_t len;
	char *msg, *err = NULL;
	int rc = EXIT_OK;

	if (r->personalize)
		return send_each(r);
	if (r->eml == NULL)
		return send_one(r, &r->m, NULL);
	msg = compose(r, &r->m, NULL, MAIL_CRLF, &len);
	if (output_write(r->eml, msg, len, &err) != 0) {
		fprintf(stderr, "briefing: error: %s\n", err);
		rc = EXIT_SYSTEM;
	} else
		fprintf(stderr, "briefing: wrote %s (%zu bytes) for %zu %s%s\n",
		    r->eml, len, r->m.nrcpt, people(r->m.nrcpt), mail_has_bcc(&r->m) ?
		    "; the Bcc recipients are not in it (they travel only in "
		    "the envelope)" : "");
	free(err);
	free(msg);
	return rc;
}

/* briefing mail; see cli.h. */
int
cmd_mail(int argc, char **argv)
{
	struct run r;
	int rc;

	memset(&r, 0, sizeof(r));
	r.o.want_pdf = 1;
	r.from = getenv("BRIEFING_FROM");
	if ((rc = options(&r, argc, argv)) >= 0)
		return rc;
	g_mime_init();
	rc = recipients_and_build(&r);
	if (rc == EXIT_OK)
		rc = message(&r);
	if (rc == EXIT_OK)
		rc = delivery(&r);
	free(r.png);
	mail_view_free(&r.v);
	build_free(r.b);
	engine_close(r.e);
	mail_free(&r.m);
	if (r.seen)
		g_hash_table_destroy(r.seen);
	g_mime_shutdown();
	return rc;
}
