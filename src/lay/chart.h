/* chart.h: bar, stacked-bar and line charts: Cairo geometry and Pango
 * labels in one frame. */
#ifndef BRIEFING_CHART_H
#define BRIEFING_CHART_H

#include "lay/lay.h"

/* Lay out a checked chart (title, legend, plot, caption) into fr, at the
 * content width; returns its height. */
double chart_layout(struct lay *L, const struct chart *c, struct dl_list *fr);

#endif
