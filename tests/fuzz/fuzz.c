/* fuzz.c: libFuzzer target.  Each input is an XML document run through
 * the whole pipeline in memory: parse, validate, layout and PDF. */
#include <stddef.h>
#include <stdint.h>

#include <libxml/parser.h>

#include "engine.h"
#include "parse.h"

static struct engine *engine;

int LLVMFuzzerInitialize(int *argc, char ***argv);
int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size);

/* Fonts and hyphenation once, as the command does. */
int
LLVMFuzzerInitialize(int *argc, char ***argv)
{
	struct diags *d = diags_new();

	(void)argc;
	(void)argv;
	xmlInitParser();
	engine = engine_open(d);
	diags_print(d, stderr);
	diags_free(d);
	return engine ? 0 : 1;
}

/* One document; every outcome but a crash, hang or leak is fine. */
int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	struct diags *d = diags_new();
	struct build_opts o = { NULL, 1, 0, 0, (const char *)data, size };
	struct build *b = NULL;

	engine_build(engine, "fuzz.xml", &o, d, &b);
	build_free(b);
	diags_free(d);
	return 0;
}
