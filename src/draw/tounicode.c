/* tounicode.c: ToUnicode CMaps (see tounicode.h). */
#include <string.h>

#include <glib.h>

#include "draw/tounicode.h"

/* Four hexadecimal digits of v; see tounicode.h. */
void
tounicode_hex4(struct buf *b, unsigned v)
{
	static const char hex[] = "0123456789ABCDEF";
	char h[4] = { hex[v >> 12 & 15], hex[v >> 8 & 15], hex[v >> 4 & 15],
	    hex[v & 15] };

	buf_add(b, h, 4);
}

/* Append UTF-8 as UTF-16BE hexadecimal; see tounicode.h. */
size_t
tounicode_utf16_hex(struct buf *out, const char *s, size_t n)
{
	size_t units = 0;

	for (const char *p = s; p < s + n; p = g_utf8_next_char(p)) {
		gunichar c = g_utf8_get_char(p);

		if (c > 0x10FFFF || (c >= 0xD800 && c <= 0xDFFF))
			c = 0xFFFD;
		if (c >= 0x10000) {
			c -= 0x10000;
			tounicode_hex4(out, 0xD800 | (unsigned)(c >> 10));
			tounicode_hex4(out, 0xDC00 | (unsigned)(c & 0x3FF));
			units += 2;
		} else {
			tounicode_hex4(out, (unsigned)c);
			units++;
		}
	}
	return units;
}

/* A block of entries, written with its count when it holds 100 (the
 * most a block may hold) or at the end. */
struct block {
	struct buf	 body;
	int		 count;
	const char	*kind;		/* "bfchar" */
};

static void
block_flush(struct buf *out, struct block *b)
{
	if (b->count == 0)
		return;
	buf_printf(out, "%d begin%s\n", b->count, b->kind);
	buf_add(out, b->body.data, b->body.len);
	buf_printf(out, "end%s\n", b->kind);
	b->body.len = 0;
	b->count = 0;
}

static void
block_entry(struct buf *out, struct block *b)
{
	if (++b->count == 100)
		block_flush(out, b);
}

/* Write the CMap; see tounicode.h. */
size_t
tounicode_cmap(struct buf *out, char *const *text, size_t n)
{
	struct block chars = { .kind = "bfchar" };
	size_t mapped = 0;

	buf_init(&chars.body);
	if (n > 0x10000)
		n = 0x10000;
	buf_adds(out, "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
	    "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
	    "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
	    "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n");
	for (size_t g = 0; g < n; g++) {
		if (text[g] == NULL || text[g][0] == '\0')
			continue;
		buf_addc(&chars.body, '<');
		tounicode_hex4(&chars.body, (unsigned)g);
		buf_adds(&chars.body, "> <");
		tounicode_utf16_hex(&chars.body, text[g], strlen(text[g]));
		buf_adds(&chars.body, ">\n");
		block_entry(out, &chars);
		mapped++;
	}
	block_flush(out, &chars);
	buf_free(&chars.body);
	buf_adds(out, "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n");
	return mapped;
}
