/* streamsafe.c: runs of combining marks; see streamsafe.h. */
#include <glib.h>

#include "read/streamsafe.h"

/* The first non-starter too many; see streamsafe.h. */
size_t
streamsafe_check(const char *s, size_t n)
{
	size_t run = 0, i = 0;

	while (i < n) {
		unsigned char b = (unsigned char)s[i];
		gunichar c;
		const char *next;

		if (b < 0x80) {		/* ASCII: a starter */
			run = 0;
			i++;
			continue;
		}
		c = g_utf8_get_char_validated(s + i, (gssize)(n - i));
		if (c == (gunichar)-1 || c == (gunichar)-2) {
			run = 0;
			i++;
			continue;
		}
		next = g_utf8_next_char(s + i);
		if (g_unichar_combining_class(c) != 0) {
			if (++run > STREAMSAFE_MAX)
				return i;
		} else
			run = 0;
		i = (size_t)(next - s);
	}
	return (size_t)-1;
}
