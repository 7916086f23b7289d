/* fuzz.c: libFuzzer target.  Each input is an XML document run through
 * the whole pipeline in memory: parse, validate, layout and PDF; then
 * once more with every story taken from the layout cache (as briefing
 * watch does), which must give the same bytes. */
#include <stddef.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>

#include "cli/engine.h"
#include "read/parse.h"

static struct engine *engine;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fonts once, as the command does; layouts kept, as watch does. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diags *d = diags_new();

	(void)argc;
	(void)argv;
	setenv("SOURCE_DATE_EPOCH", "1777334400", 1);
	xmlInitParser();
	engine = engine_open(d);
	diags_print(d, stderr);
	diags_free(d);
	if (engine)
		engine_keep_layouts(engine);
	return engine ? 0 : 1;
}

/* One document; every outcome but a crash, hang, leak or a rebuild from
 * kept pages that differs is fine. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags *d = diags_new();
	struct build_opts o = { NULL, 1, 0, 0, (const char *)data, size };
	struct build *b = NULL, *again = NULL;

	if (engine_build(engine, "fuzz.xml", &o, d, &b) == EXIT_OK && b->pdf) {
		struct diags *d2 = diags_new();

		if (engine_build(engine, "fuzz.xml", &o, d2, &again) != EXIT_OK ||
		    again->pdflen != b->pdflen ||
		    memcmp(again->pdf, b->pdf, b->pdflen) != 0) {
			fprintf(stderr, "fuzz: the rebuild from kept pages differs\n");
			abort();
		}
		diags_free(d2);
	}
	build_free(again);
	build_free(b);
	diags_free(d);
	return 0;
}
