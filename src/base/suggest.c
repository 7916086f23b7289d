/* suggest.c: the nearest known name to a mistyped one (see suggest.h). */
#include <ctype.h>
#include <stdlib.h>
#include <string.h>

#include "base/suggest.h"
#include "base/util.h"

/* Longer words are never compared (the table costs their product). */
#define SUGGEST_MAX	256

static int
same(char a, char b)
{
	return tolower((unsigned char)a) == tolower((unsigned char)b);
}

static size_t
min3(size_t a, size_t b, size_t c)
{
	size_t m = a < b ? a : b;

	return m < c ? m : c;
}

/* Edit distance with swaps (optimal string alignment); see suggest.h. */
size_t
suggest_distance(const char *a, const char *b)
{
	size_t la = strlen(a), lb = strlen(b), w = lb + 1, r;
	size_t *d = xmalloc((la + 1) * w * sizeof(*d));

	for (size_t i = 0; i <= la; i++)
		d[i * w] = i;
	for (size_t j = 0; j <= lb; j++)
		d[j] = j;
	for (size_t i = 1; i <= la; i++)
		for (size_t j = 1; j <= lb; j++) {
			size_t cost = same(a[i - 1], b[j - 1]) ? 0 : 1;

			d[i * w + j] = min3(d[(i - 1) * w + j] + 1,
			    d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost);
			if (i > 1 && j > 1 && same(a[i - 1], b[j - 2]) &&
			    same(a[i - 2], b[j - 1]) &&
			    d[(i - 2) * w + j - 2] + 1 < d[i * w + j])
				d[i * w + j] = d[(i - 2) * w + j - 2] + 1;
		}
	r = d[la * w + lb];
	free(d);
	return r;
}

/* How many edits still count as a slip of the fingers on a word this
 * long. */
static size_t
allowed(size_t len)
{
	return len <= 4 ? 1 : len <= 8 ? 2 : 3;
}

/* The nearest candidate; see suggest.h. */
const char *
suggest_nearest(const char *word, const char *const *candidates, size_t n)
{
	const char *best = NULL;
	size_t bestd = (size_t)-1, wl = strlen(word);

	if (wl > SUGGEST_MAX)
		return NULL;	/* no slip of the fingers is that long */
	for (size_t i = 0; i < n; i++) {
		size_t d, cl;

		if (candidates[i] == NULL)
			continue;
		if (strcmp(word, candidates[i]) == 0)
			return NULL;
		if ((cl = strlen(candidates[i])) > SUGGEST_MAX)
			continue;
		d = suggest_distance(word, candidates[i]);
		/* Nothing that is all edits: "b" is not a slip for "a". */
		if (d >= (wl < cl ? wl : cl) && d > 0)
			continue;
		if (d > allowed(wl > cl ? wl : cl))
			continue;
		if (d < bestd) {
			best = candidates[i];
			bestd = d;
		}
	}
	return best;
}
