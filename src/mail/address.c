/* address.c: e-mail addresses as people write them on the command line
 * and in a <distribution>, checked and made the same for the SMTP
 * envelope and the headers (an international domain as punycode), and
 * SMTP URLs shown without their credentials. */
#include <stdlib.h>
#include <string.h>

#include <glib.h>

#include "base/util.h"
#include "mail/mail.h"

/* No CR or LF; see mail.h. */
int
mail_header_safe(const char *s)
{
	return s == NULL || strpbrk(s, "\r\n") == NULL;
}

static int
ascii_only(const char *s, size_t n)
{
	for (size_t i = 0; i < n; i++)
		if ((unsigned char)s[i] >= 0x80)
			return 0;
	return 1;
}

/* The bare address a (n bytes): local@domain.  The domain becomes ASCII
 * (IDNA); the local part must already be ASCII, since a non-ASCII one
 * needs SMTPUTF8 on every server on the way. */
static char *
check_addr(const char *a, size_t n, const char **why)
{
	const char *at = memchr(a, '@', n), *end = a + n;
	char *local, *domain, *ascii, *out;

	if (at == NULL || at == a || at + 1 == end || memchr(at + 1, '@', end - at - 1)) {
		*why = "is not a valid e-mail address (expected name@domain.tld)";
		return NULL;
	}
	for (const char *p = a; p < end; p++)
		if ((unsigned char)*p <= ' ' || *p == 0x7f || strchr("<>,;\"()[]\\", *p)) {
			*why = "is not a valid e-mail address (expected name@domain.tld)";
			return NULL;
		}
	if (!ascii_only(a, at - a)) {
		*why = "has non-ASCII letters before the @, which only servers "
		    "speaking SMTPUTF8 take; give an ASCII address";
		return NULL;
	}
	local = xstrndup(a, at - a);
	domain = xstrndup(at + 1, end - at - 1);
	ascii = g_hostname_to_ascii(domain);
	free(domain);
	if (ascii == NULL || strchr(ascii, '.') == NULL || ascii[0] == '.' ||
	    strstr(ascii, "..") || ascii[strlen(ascii) - 1] == '.') {
		g_free(ascii);
		free(local);
		*why = "is not a valid e-mail address (expected name@domain.tld; "
		    "an international domain must be a valid IDNA name)";
		return NULL;
	}
	for (const char *p = ascii; *p; p++)
		if (!g_ascii_isalnum(*p) && *p != '-' && *p != '.') {
			g_free(ascii);
			free(local);
			*why = "is not a valid e-mail address (the domain may hold "
			    "letters, digits, '-' and '.')";
			return NULL;
		}
	out = xasprintf("%s@%s", local, ascii);
	g_free(ascii);
	free(local);
	return out;
}

/* A display name as written before "<addr>": "quoted \" text" with its
 * escapes undone, or plain words (no quote, comma or semicolon: those
 * would make it a list).  Returns a new string or NULL. */
static char *
unquote_name(const char *s, size_t n, const char **why)
{
	struct buf b;

	while (n && (*s == ' ' || *s == '\t'))
		s++, n--;
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	buf_init(&b);
	if (n >= 2 && s[0] == '"' && s[n - 1] == '"') {
		for (size_t i = 1; i < n - 1; i++) {
			if (s[i] == '\\' && i + 1 < n - 1)
				i++;
			else if (s[i] == '"' || s[i] == '\\') {
				buf_free(&b);
				*why = "is not one e-mail address (a quote or backslash "
				    "in the name is not escaped)";
				return NULL;
			}
			buf_addc(&b, s[i]);
		}
	} else {
		if (memchr(s, '"', n) || memchr(s, ',', n) || memchr(s, ';', n) ||
		    memchr(s, '<', n) || memchr(s, '>', n)) {
			*why = "is not one e-mail address (put a name holding "
			    "quotes, commas or semicolons in double quotes)";
			return NULL;
		}
		buf_add(&b, s, n);
	}
	buf_addc(&b, '\0');
	return buf_steal(&b);
}

/* Address parsing; see mail.h. */
int
mail_parse_address(const char *s, char **name, char **addr, const char **why)
{
	size_t n;
	const char *lt;

	*name = *addr = NULL;
	if (!mail_header_safe(s)) {
		*why = "contains a line break (CR or LF)";
		return -1;
	}
	if (!g_utf8_validate(s, -1, NULL)) {
		*why = "is not valid UTF-8";
		return -1;
	}
	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n && (s[n - 1] == ' ' || s[n - 1] == '\t'))
		n--;
	if (n && s[n - 1] == '>') {
		lt = NULL;
		for (size_t i = n - 1; i-- > 0;)
			if (s[i] == '<') {
				lt = s + i;
				break;
			}
		if (lt == NULL) {
			*why = "is not one e-mail address";
			return -1;
		}
		if ((*addr = check_addr(lt + 1, s + n - 1 - lt - 1, why)) == NULL)
			return -1;
		if ((*name = unquote_name(s, lt - s, why)) == NULL) {
			free(*addr);
			*addr = NULL;
			return -1;
		}
		if (**name == '\0') {
			free(*name);
			*name = NULL;
		}
		return 0;
	}
	if (memchr(s, ',', n) || memchr(s, ';', n) || memchr(s, '<', n)) {
		*why = "is not one e-mail address";
		return -1;
	}
	return (*addr = check_addr(s, n, why)) ? 0 : -1;
}

/* Credentials in a URL; see mail.h. */
int
mail_url_has_userinfo(const char *url)
{
	const char *p = strstr(url, "://"), *end;

	if (p == NULL)
		return 0;
	p += 3;
	end = p + strcspn(p, "/?#");
	return memchr(p, '@', end - p) != NULL;
}

/* A URL as it may be shown; see mail.h. */
char *
mail_url_shown(const char *url)
{
	const char *p = strstr(url, "://"), *end, *at;

	if (p == NULL)
		return xstrdup(url);
	p += 3;
	end = p + strcspn(p, "/?#");
	at = NULL;
	for (const char *q = p; q < end; q++)
		if (*q == '@')
			at = q;
	if (at == NULL)
		return xstrdup(url);
	return xasprintf("%.*s%s", (int)(p - url), url, at + 1);
}
