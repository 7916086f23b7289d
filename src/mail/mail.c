/* mail.c: the message's subject and attachment name, the hand-over to the
 * local sendmail, and freeing a struct mail. */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/wait.h>
#include <unistd.h>

#include <glib.h>

#include "base/util.h"
#include "mail/mail.h"

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
