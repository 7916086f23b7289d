/* cmd_mail.c: briefing mail: render a briefing and send it. */
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
#include "draw/png.h"
#include "mail/mail.h"

struct addrs {
	const char	*v[64];
	enum rcpt_kind	 kind[64];
	int		 n;
};

static int
add_rcpt(struct mail *m, const char *name, const char *addr, enum rcpt_kind k)
{
	for (size_t i = 0; i < m->nrcpt; i++)
		if (strcmp(m->rcpt[i].addr, addr) == 0)
			return 0;	/* each address once */
	m->rcpt = xrealloc(m->rcpt, (m->nrcpt + 1) * sizeof(*m->rcpt));
	m->rcpt[m->nrcpt].name = name ? xstrdup(name) : NULL;
	m->rcpt[m->nrcpt].addr = xstrdup(addr);
	m->rcpt[m->nrcpt].kind = k;
	m->nrcpt++;
	return 0;
}

/* Keep what could not be sent, and say where. */
static void
keep(const struct briefing *b, const struct build *bl, const char *msg,
    size_t len)
{
	char *pdf = mail_pdf_name(b), *eml, *err;

	eml = xasprintf("%.*s.eml", (int)(strlen(pdf) - 4), pdf);
	if (output_write(pdf, bl->pdf, bl->pdflen, &err) != 0) {
		fprintf(stderr, "briefing: %s\n", err);
		free(err);
	} else if (output_write(eml, msg, len, &err) != 0) {
		fprintf(stderr, "briefing: %s\n", err);
		free(err);
	} else
		fprintf(stderr, "briefing: nothing was sent; the PDF is in %s and the "
		    "message in %s\n", pdf, eml);
	free(pdf);
	free(eml);
}

static const char *const kind_name[] = { "to", "cc", "bcc" };

/* briefing mail; see cli.h. */
int
cmd_mail(int argc, char **argv)
{
	static const struct option longopts[] = {
		{ "to", required_argument, NULL, 'T' },
		{ "cc", required_argument, NULL, 'C' },
		{ "bcc", required_argument, NULL, 'B' },
		{ "from", required_argument, NULL, 'F' },
		{ "eml", required_argument, NULL, 'E' },
		{ "smtp", required_argument, NULL, 'S' },
		{ "require-tls", no_argument, NULL, 'R' },
		{ "layout", required_argument, NULL, 'L' },
		{ "help", no_argument, NULL, 'h' },
		{ NULL, 0, NULL, 0 }
	};
	struct build_opts o = { NULL, 1, 0, 0, NULL, 0 };
	struct addrs cli = { { 0 }, { 0 }, 0 };
	const char *from = getenv("BRIEFING_FROM"), *eml = NULL, *smtp = NULL;
	struct mail m;
	struct diags *d;
	struct engine *e = NULL;
	struct build *b = NULL;
	char *msg = NULL, *png = NULL, *err = NULL;
	size_t msglen = 0, pnglen = 0;
	int c, require_tls = 0, rc = EXIT_OK, bad = 0;
	long long when;

	opterr = 0;
	optind = 1;
	while ((c = getopt_long(argc, argv, ":h", longopts, NULL)) != -1) {
		switch (c) {
		case 'T':
		case 'C':
		case 'B':
			if (cli.n == 64)
				return cli_usage_error("%s", "at most 64 recipients on "
				    "the command line");
			cli.kind[cli.n] = c == 'T' ? RCPT_TO : c == 'C' ? RCPT_CC : RCPT_BCC;
			cli.v[cli.n++] = optarg;
			break;
		case 'F':
			from = optarg;
			break;
		case 'E':
			eml = optarg;
			break;
		case 'S':
			smtp = optarg;
			if (strncmp(smtp, "smtp://", 7) != 0 && strncmp(smtp, "smtps://", 8) != 0)
				return cli_usage_error("--smtp takes smtp://host:port or "
				    "smtps://host:port, not '%s'", smtp);
			break;
		case 'R':
			require_tls = 1;
			break;
		case 'L':
			o.layout = optarg;
			break;
		case 'h':
			return cli_help("mail");
		default:
			return cli_bad_option(c, argv, longopts);
		}
	}
	if (optind != argc - 1)
		return cli_usage_error("%s", "mail takes one input file");
	if (from == NULL || *from == '\0')
		return cli_usage_error("%s", "mail needs a sender: --from ADDR or "
		    "BRIEFING_FROM in the environment");

	/* Every address is checked before anything is rendered or sent. */
	g_mime_init();
	memset(&m, 0, sizeof(m));
	{
		const char *why;

		if (mail_parse_address(from, &m.from_name, &m.from_addr, &why) != 0) {
			fprintf(stderr, "briefing: --from '%s': %s\n", from, why);
			bad = 1;
		}
		for (int i = 0; i < cli.n; i++) {
			char *name, *addr;

			if (mail_parse_address(cli.v[i], &name, &addr, &why) != 0) {
				fprintf(stderr, "briefing: --%s '%s': %s\n",
				    kind_name[cli.kind[i]], cli.v[i], why);
				bad = 1;
				continue;
			}
			add_rcpt(&m, name, addr, cli.kind[i]);
			free(name);
			free(addr);
		}
	}
	if ((e = cli_engine()) == NULL) {
		mail_free(&m);
		g_mime_shutdown();
		return EXIT_SYSTEM;
	}
	d = diags_new();
	rc = engine_build(e, argv[optind], &o, d, &b);
	if (rc == EXIT_OK) {
		const struct briefing *bf = b->model;
		const struct recipient *r = bf->is_edition ? bf->recipients :
		    bf->stories[0].recipients;
		size_t nr = bf->is_edition ? bf->nrecipients : bf->stories[0].nrecipients;
		char *subject = mail_subject(bf);

		for (size_t i = 0; i < nr; i++) {
			char *name, *addr;
			const char *why;
			char *full = r[i].name ? xasprintf("\"%s\" <%s>", r[i].name,
			    r[i].email) : xstrdup(r[i].email);

			if (!mail_header_safe(r[i].name) ||
			    mail_parse_address(full, &name, &addr, &why) != 0) {
				diag(d, DIAG_ERROR, r[i].pos.file, r[i].pos.line, r[i].pos.col,
				    "recipient '%s' %s", r[i].email,
				    mail_header_safe(r[i].name) ? "is not one valid e-mail "
				    "address" : "has a line break in its name");
				free(full);
				continue;
			}
			add_rcpt(&m, name, addr, r[i].kind);
			free(name);
			free(addr);
			free(full);
		}
		if (!mail_header_safe(subject))
			diag(d, DIAG_ERROR, bf->pos.file, bf->pos.line, bf->pos.col,
			    "the title has a line break, which cannot go into a "
			    "Subject header");
		free(subject);
		if (diags_errors(d))
			rc = EXIT_INPUT;
	}
	diags_print(d, stderr);
	diags_free(d);
	if (rc != EXIT_OK || bad) {
		rc = rc != EXIT_OK ? rc : EXIT_INPUT;
		goto out;
	}
	if (m.nrcpt == 0) {
		rc = cli_usage_error("%s", "no recipients: give --to, --cc or --bcc, "
		    "or a <distribution> in the briefing");
		goto out;
	}
	if (png_render(b->doc, 0, 110, &png, &pnglen, &err) != 0) {
		fprintf(stderr, "briefing: %s\n", err);
		rc = EXIT_SYSTEM;
		goto out;
	}
	{
		const char *sde = getenv("SOURCE_DATE_EPOCH");

		when = sde && *sde ? strtoll(sde, NULL, 10) : (long long)time(NULL);
	}
	if (eml) {
		msg = mail_compose(&m, b->model, b->pdf, b->pdflen, png, pnglen, when,
		    MAIL_CRLF, &msglen);
		if (output_write(eml, msg, msglen, &err) != 0) {
			fprintf(stderr, "briefing: %s\n", err);
			rc = EXIT_SYSTEM;
		} else
			fprintf(stderr, "briefing: wrote %s (%zu bytes) for %zu %s\n",
			    eml, msglen, m.nrcpt, m.nrcpt == 1 ? "recipient" : "recipients");
		goto out;
	}
	if (smtp) {
		msg = mail_compose(&m, b->model, b->pdf, b->pdflen, png, pnglen, when,
		    MAIL_CRLF, &msglen);
		if (mail_send_smtp(smtp, require_tls, &m, msg, msglen, &err) != 0) {
			fprintf(stderr, "briefing: %s: %s\n", smtp, err);
			keep(b->model, b, msg, msglen);
			rc = EXIT_SYSTEM;
		} else
			fprintf(stderr, "briefing: sent to %zu %s through %s\n", m.nrcpt,
			    m.nrcpt == 1 ? "recipient" : "recipients", smtp);
		goto out;
	}
	/* No server named: the local sendmail, which takes Bcc from the
	 * headers and removes it. */
	msg = mail_compose(&m, b->model, b->pdf, b->pdflen, png, pnglen, when,
	    MAIL_BCC, &msglen);
	switch (mail_send_sendmail(msg, msglen, &err)) {
	case 0:
		fprintf(stderr, "briefing: handed to sendmail for %zu %s\n", m.nrcpt,
		    m.nrcpt == 1 ? "recipient" : "recipients");
		break;
	case 1:
		fprintf(stderr, "briefing: no --smtp server given and no local "
		    "sendmail: use --smtp smtp://HOST:PORT (credentials in "
		    "BRIEFING_SMTP_USER and BRIEFING_SMTP_PASSWORD, or ~/.netrc)\n");
		keep(b->model, b, msg, msglen);
		rc = EXIT_SYSTEM;
		break;
	default:
		fprintf(stderr, "briefing: %s\n", err);
		keep(b->model, b, msg, msglen);
		rc = EXIT_SYSTEM;
	}
out:
	free(err);
	free(msg);
	free(png);
	build_free(b);
	engine_close(e);
	mail_free(&m);
	g_mime_shutdown();
	return rc;
}
