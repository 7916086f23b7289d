/* alttext.h: alternative text for diagrams, said from their data. */
#ifndef BRIEFING_ALTTEXT_H
#define BRIEFING_ALTTEXT_H

#include "read/model.h"

/* A chart in words: its title, unit and every series' values.  Returns a
 * new string. */
char *alt_chart(const struct chart *c);
/* The timeline diagram in words: its n events in date order (ev sorted).
 * Returns a new string. */
char *alt_timeline(struct event *const *ev, size_t n);
/* The power map in words: each player's stance and each relation.
 * Returns a new string. */
char *alt_powermap(const struct story *st);

#endif
