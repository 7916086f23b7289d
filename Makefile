# briefing: XML stories in, PDF briefings out.
#
#   make          build build/briefing
#   make demo     install missing packages, build, render the seed story to
#                 build/demo.pdf and the demo edition to build/weekly.pdf
#   make test     install missing packages, build, run every test
#   make asan     the test suite under AddressSanitizer + UBSan
#   make valgrind render every sample under valgrind (no leaks, no errors)
#   make fuzz     libFuzzer over the whole pipeline (FUZZ_SECONDS=600)
#   make bench    speed and size figures
#   make fonts    rebuild fonts/ from Debian's Noto faces

VERSION  = 0.1.0
PREFIX  ?= /usr/local
BUILD   ?= build
CC      ?= cc
PKGS     = libxml-2.0 pangocairo pangoft2 fontconfig freetype2 cairo glib-2.0 zlib \
           harfbuzz harfbuzz-subset
# librsvg: its headers only; src/base/svg.c opens it on the first SVG.
SVGPKGS  = librsvg-2.0
MAILPKGS = gmime-3.0 libcurl
CFLAGS  ?= -O2 -g
WARN     = -Wall -Wextra -Wshadow -Wno-unused-parameter -Wstrict-prototypes \
           -Wmissing-prototypes -Wformat=2
PCFLAGS := $(shell pkg-config --cflags $(PKGS) $(SVGPKGS) $(MAILPKGS) 2>/dev/null)
PLIBS   := $(shell pkg-config --libs $(PKGS) 2>/dev/null)
MAILLIBS := $(shell pkg-config --libs $(MAILPKGS) 2>/dev/null)
CPPFLAGS += -D_GNU_SOURCE -DBRIEFING_VERSION='"$(VERSION)"' \
           -DDATADIR='"$(PREFIX)/share/briefing"' -Isrc -I$(BUILD)/gen
LDLIBS   = $(PLIBS) -lhpdf -lhyphen -ljpeg -ldl -lm

# src/ is grouped by stage: base/ (memory, diagnostics, dates, files),
# read/ (input -> model, checks), lay/ (model -> display list: text,
# pagination, pictures), draw/ (display list -> PDF, PNG), cli/ (the
# commands and the build driver), mail/ (briefing-mail).  src/HACKING.md maps it.
SRCS = base/util.c base/diag.c base/date.c base/output.c base/image.c \
       base/infile.c base/svg.c base/cscript.c \
       read/srcmap.c read/xmlin.c read/include.c read/model.c read/parse.c \
       read/validate.c read/theme.c read/streamsafe.c read/schemacheck.c read/xmlerr.c read/quotes.c \
       base/suggest.c \
       lay/fonts.c lay/text.c lay/flow.c lay/geom.c lay/ticks.c lay/lay.c \
       lay/chart.c lay/timeline.c lay/powermap.c lay/story.c lay/edition.c \
       lay/alttext.c lay/coverage.c lay/layout.c lay/layoutcache.c lay/tieroute.c \
       lay/hyphlang.c lay/linebreak.c lay/shape.c lay/list.c lay/callout.c lay/table.c lay/figure.c \
       draw/dl.c draw/pdf.c draw/pdffont.c draw/pdftags.c draw/tounicode.c draw/pdfzip.c draw/zcache.c \
       draw/png.c draw/picture.c \
       cli/engine.c
CLI_SRCS = cli/cli.c cli/cmd_render.c cli/cmd_check.c cli/cmd_watch.c \
           cli/cmd_schema.c cli/cmd_new.c
LIB_OBJS = $(SRCS:%.c=$(BUILD)/obj/%.o) $(BUILD)/obj/schemas.o $(BUILD)/obj/hyph.o \
           $(BUILD)/obj/rngtab.o
CLI_OBJS = $(CLI_SRCS:%.c=$(BUILD)/obj/%.o)
MAIL_SRCS = mail/mail_main.c mail/cmd_mail.c mail/mail.c mail/address.c \
            mail/view.c mail/html.c mail/text.c mail/compose.c mail/smtp.c \
            mail/keep.c mail/chart.c
MAIL_OBJS = $(MAIL_SRCS:%.c=$(BUILD)/obj/%.o)
HDRS = $(wildcard src/*/*.h)
BIN = $(BUILD)/briefing

all: $(BIN) $(BUILD)/briefing-mail

$(BIN): $(LIB_OBJS) $(CLI_OBJS) $(BUILD)/obj/cli/main.o
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(LDLIBS)

# briefing mail runs this helper: only it loads GMime, libcurl and TLS.
$(BUILD)/briefing-mail: $(LIB_OBJS) $(CLI_OBJS) $(MAIL_OBJS)
	$(CC) $(CFLAGS) $(LDFLAGS) -o $@ $^ $(MAILLIBS) $(LDLIBS)

$(BUILD)/obj/%.o: src/%.c $(HDRS) $(BUILD)/gen/schemas.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(PCFLAGS) $(CFLAGS) $(WARN) -c -o $@ $<

$(BUILD)/obj/schemas.o: $(BUILD)/gen/schemas.c
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# The hyphenation patterns, compiled in (see src/lay/hyph.h).  The generator
# runs on the build machine, so it is built without sanitizers.
HYPH_DIC ?= /usr/share/hyphen/hyph_en_US.dic
$(BUILD)/gen/hyphgen: src/lay/hyphgen.c
	@mkdir -p $(BUILD)/gen
	$(CC) -O2 $(WARN) -o $@ $< -lhyphen

$(BUILD)/gen/hyph.c: $(BUILD)/gen/hyphgen $(HYPH_DIC)
	$(BUILD)/gen/hyphgen $(HYPH_DIC) > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/hyph.o: $(BUILD)/gen/hyph.c src/lay/hyph.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

$(BUILD)/gen/schemas.c: src/read/schema/story.rng src/read/schema/layout.rng src/read/embed.sh
	@mkdir -p $(BUILD)/gen
	sh src/read/embed.sh src/read/schema/story.rng src/read/schema/layout.rng > $@.tmp && mv $@.tmp $@

# What the schemas allow, as tables for plain-worded schema errors
# (src/read/rngtab.h), generated from the schemas themselves.
$(BUILD)/gen/rnggen: src/read/rnggen.c
	@mkdir -p $(BUILD)/gen
	$(CC) -O2 $(WARN) $(shell pkg-config --cflags libxml-2.0) -o $@ $< \
	    $(shell pkg-config --libs libxml-2.0)

$(BUILD)/gen/rngtab.c: $(BUILD)/gen/rnggen src/read/schema/story.rng src/read/schema/layout.rng
	$(BUILD)/gen/rnggen story:src/read/schema/story.rng \
	    layout:src/read/schema/layout.rng > $@.tmp && mv $@.tmp $@

$(BUILD)/obj/rngtab.o: $(BUILD)/gen/rngtab.c src/read/rngtab.h
	@mkdir -p $(dir $@)
	$(CC) $(CPPFLAGS) $(CFLAGS) -c -o $@ $<

# Unit tests of the pure modules link the same objects.
$(BUILD)/unit: tests/unit.c $(LIB_OBJS)
	$(CC) $(CPPFLAGS) $(PCFLAGS) $(CFLAGS) $(WARN) -o $@ $^ $(LDLIBS)

$(BUILD)/pngdiff: tests/pngdiff.c
	$(CC) $(PCFLAGS) $(CFLAGS) $(WARN) -o $@ $< $(PLIBS) -lm

# libFuzzer: the pipeline built with clang and sanitizers; FUZZ_SECONDS of
# fuzzing from tests/fuzz/seeds; crashes land in build/fuzz/ (keep each
# one in tests/fuzz/regress/, which the test suite replays).
FUZZ_SECONDS ?= 600
$(BUILD)/briefing-fuzz: tests/fuzz/fuzz.c $(LIB_OBJS)
	$(CC) $(CPPFLAGS) $(PCFLAGS) $(CFLAGS) -fsanitize=fuzzer,address,undefined -o $@ $^ $(LDLIBS)

fuzz: deps
	$(MAKE) BUILD=build/fuzz CC=clang \
	    CFLAGS="-O1 -g -fno-omit-frame-pointer -fsanitize=fuzzer-no-link,address,undefined" \
	    build/fuzz/briefing-fuzz
	mkdir -p build/fuzz/corpus
	ASAN_OPTIONS=detect_leaks=0 build/fuzz/briefing-fuzz build/fuzz/corpus tests/fuzz/seeds \
	    -dict=tests/fuzz/briefing.dict -max_total_time=$(FUZZ_SECONDS) -max_len=32768 \
	    -timeout=20 -rss_limit_mb=2048 -artifact_prefix=build/fuzz/ -print_final_stats=1

deps:
	@sh .ci/install-deps
	@sh .ci/install-pdfjs

demo: deps
	$(MAKE) all
	$(BIN) render samples/openai-aws.xml -o $(BUILD)/demo.pdf
	$(BIN) render samples/weekly.xml -o $(BUILD)/weekly.pdf

test: deps
	$(MAKE) all $(BUILD)/unit $(BUILD)/pngdiff
	sh tests/run.sh $(BUILD)

asan: deps
	$(MAKE) BUILD=build/asan CFLAGS="-O1 -g -fsanitize=address,undefined -fno-omit-frame-pointer -fno-sanitize-recover=undefined" \
	    LDFLAGS="-fsanitize=address,undefined" all build/asan/unit build/asan/pngdiff
	ASAN_OPTIONS=detect_leaks=0 UBSAN_OPTIONS=print_stacktrace=1 sh tests/run.sh build/asan

valgrind: deps
	$(MAKE) all
	sh tests/valgrind.sh $(BUILD)

bench: all
	python3 tests/bench.py $(BUILD)

fonts:
	sh fonts/make-fonts.sh

# Installed as Debian users expect; DESTDIR stages, PREFIX places.
BINDIR     = $(PREFIX)/bin
LIBEXECDIR = $(PREFIX)/libexec/briefing
SHAREDIR   = $(PREFIX)/share/briefing
MANDIR     = $(PREFIX)/share/man/man1
BASHCOMP   = $(PREFIX)/share/bash-completion/completions
ZSHCOMP    = $(PREFIX)/share/zsh/site-functions
SHAREDIRS  = $(SHAREDIR)/fonts $(SHAREDIR)/layouts $(SHAREDIR)/schema

install: all
	install -d $(DESTDIR)$(BINDIR) $(DESTDIR)$(LIBEXECDIR) $(DESTDIR)$(MANDIR) \
	    $(DESTDIR)$(BASHCOMP) $(DESTDIR)$(ZSHCOMP) $(SHAREDIRS:%=$(DESTDIR)%)
	install -m 755 $(BIN) $(DESTDIR)$(BINDIR)/
	install -m 755 $(BUILD)/briefing-mail $(DESTDIR)$(LIBEXECDIR)/
	install -m 644 fonts/*.ttf fonts/OFL.txt fonts/DejaVu-LICENSE.txt fonts/README \
	    $(DESTDIR)$(SHAREDIR)/fonts
	install -m 644 layouts/*.xml layouts/*.png $(DESTDIR)$(SHAREDIR)/layouts
	install -m 644 src/read/schema/*.rng $(DESTDIR)$(SHAREDIR)/schema
	install -m 644 src/cli/briefing.1 $(DESTDIR)$(MANDIR)/briefing.1
	install -m 644 src/cli/completion/briefing.bash $(DESTDIR)$(BASHCOMP)/briefing
	install -m 644 src/cli/completion/_briefing $(DESTDIR)$(ZSHCOMP)/_briefing

# Removes what install wrote and briefing's own folders; in a DESTDIR
# staging tree, the folders install made too when they are left empty.
uninstall:
	rm -f $(DESTDIR)$(BINDIR)/briefing $(DESTDIR)$(LIBEXECDIR)/briefing-mail \
	    $(DESTDIR)$(MANDIR)/briefing.1 $(DESTDIR)$(BASHCOMP)/briefing \
	    $(DESTDIR)$(ZSHCOMP)/_briefing
	rm -rf $(DESTDIR)$(SHAREDIR)
	-rmdir $(DESTDIR)$(LIBEXECDIR)
	if [ -n "$(DESTDIR)" ] && [ -d "$(DESTDIR)$(PREFIX)" ]; then \
	    find "$(DESTDIR)$(PREFIX)" -depth -type d -empty -delete; fi

clean:
	rm -rf build

.PHONY: all deps demo test asan valgrind fuzz bench fonts install uninstall clean
