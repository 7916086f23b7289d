# tags.sh, sourced by run.sh: tagged PDF (PDF/UA-1) read back with pypdf
# and poppler, the checks a validator makes for the rules briefing keeps.
PY=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import pypdf" 2>/dev/null && PY=/usr/bin/python3
TG=$W/tags
mkdir -p "$TG"
export SOURCE_DATE_EPOCH=1777334400

# ---- the seed: structure, marked content, Alt, links ------------------
"$BIN" render "$S" -o "$TG/seed.pdf" -q
pdfinfo "$TG/seed.pdf" >"$TG/info" 2>&1
grep -q "^Tagged: *yes" "$TG/info" && ok "tags: pdfinfo says Tagged: yes" || no "tags: Tagged" "$(grep Tagged "$TG/info")"
$PY "$T/tagcheck.py" ua "$TG/seed.pdf" "Microsoft: 250" "AWS: 38 (Initial deal) + 50 (Expanded investment) = 88" "1. 2019: " "3 Nov 2025" "OpenAI: Gains" \
	"Microsoft: Loses" "IP license to 2032" >"$TG/ua" 2>&1 \
	&& ok "tags: seed meets the PDF/UA checks ($(head -1 "$TG/ua"))" || no "tags: seed PDF/UA checks" "$(cat "$TG/ua")"
pdfinfo -struct-text "$TG/seed.pdf" >"$TG/struct.txt" 2>/dev/null
$PY "$T/tagcheck.py" order "$T/seed.txt" "$TG/struct.txt" >"$TG/order" 2>&1 \
	&& ok "tags: the structure text holds the seed in reading order ($(head -1 "$TG/order"))" \
	|| no "tags: structure text order" "$(cat "$TG/order")"
grep -q "page [0-9]* of [0-9]*\|(continued)" "$TG/struct.txt" \
	&& no "tags: header or footer text in the structure tree" "$(grep -m3 "page [0-9]* of\|(continued)" "$TG/struct.txt")" \
	|| ok "tags: no header, footer or continuation label in the structure tree"
grep -q "Tech briefing" "$TG/struct.txt" && no "tags: the running header is tagged" || ok "tags: the running header is an Artifact"
# The structure, in order: Document > Part > H1, Sect > H2, L > LI > Lbl + LBody.
pdfinfo -struct "$TG/seed.pdf" 2>/dev/null | sed -n '1,12p' | sed 's/ (block)//; s/ (inline)//' | tr -s ' ' | tr '\n' '|' >"$TG/tree"
grep -q "^Document| Part| P| P| H1| Sect| H2| L| LI| Lbl| LBody|" "$TG/tree" \
	&& ok "tags: Document > Part > H1, Sect > H2, L > LI > Lbl, LBody" || no "tags: tree shape" "$(cat "$TG/tree")"
n=$(grep -c "^ *Figure" "$TG/struct.txt")
[ "$n" -eq 3 ] && ok "tags: the chart, timeline and power map are Figures" || no "tags: Figures" "$n"

# ---- a German paragraph: /Lang on its element only ---------------------
sed '0,/<p>/s//<p xml:lang="de">Die Partnerschaft endet, und die Aufsicht schaut genau hin. /' "$S" >"$TG/de.xml"
"$BIN" render "$TG/de.xml" -o "$TG/de.pdf" -q
$PY "$T/tagcheck.py" lang "$TG/de.pdf" de "Die Partnerschaft" >"$TG/lang" 2>&1 \
	&& ok "tags: a German paragraph has /Lang de, the catalog en" || no "tags: /Lang" "$(cat "$TG/lang")"
$PY "$T/tagcheck.py" ua "$TG/de.pdf" >"$TG/ua-de" 2>&1 && ok "tags: the German variant meets the PDF/UA checks" \
	|| no "tags: German PDF/UA checks" "$(cat "$TG/ua-de")"

# ---- the edition: cover, contents as TOC/TOCI, links -------------------
"$BIN" render "$ROOT/samples/weekly.xml" -o "$TG/weekly.pdf" -q
$PY "$T/tagcheck.py" ua "$TG/weekly.pdf" >"$TG/ua-w" 2>&1 \
	&& ok "tags: the edition meets the PDF/UA checks ($(head -1 "$TG/ua-w"))" || no "tags: edition PDF/UA checks" "$(cat "$TG/ua-w")"
pdfinfo -struct "$TG/weekly.pdf" 2>/dev/null | grep -c "^ *TOCI" >"$TG/toci"
[ "$(cat "$TG/toci")" -ge 3 ] && pdfinfo -struct "$TG/weekly.pdf" 2>/dev/null | grep -q "^ *Link" \
	&& ok "tags: the contents are a TOC of $(cat "$TG/toci") TOCI with Links" || no "tags: edition TOC" "$(cat "$TG/toci")"
"$BIN" render "$T/fixtures/links.xml" -o "$TG/links.pdf" -q
$PY "$T/tagcheck.py" ua "$TG/links.pdf" >"$TG/ua-l" 2>&1; grep -q "error: no Figure" "$TG/ua-l" \
	&& [ "$(grep -c "^error" "$TG/ua-l")" -eq 1 ] && ok "tags: every link annotation is a Link with OBJR, /StructParent and /Contents" \
	|| no "tags: links" "$(cat "$TG/ua-l")"

# ---- PDF/A-2 on request -------------------------------------------------
"$BIN" render "$S" --pdf-standard a-2u -o "$TG/a2u.pdf" -q
"$BIN" render "$S" --pdf-standard a-2u -o "$TG/a2u-again.pdf" -q
$PY "$T/tagcheck.py" pdfa "$TG/a2u.pdf" 2 U >"$TG/pdfa" 2>&1 \
	&& ok "tags: a-2u has the sRGB OutputIntent, pdfaid part 2 conformance U and an /ID" || no "tags: PDF/A-2u" "$(cat "$TG/pdfa")"
$PY "$T/tagcheck.py" ua "$TG/a2u.pdf" >"$TG/ua-a" 2>&1 && ok "tags: a-2u is tagged for PDF/UA too" || no "tags: a-2u PDF/UA" "$(cat "$TG/ua-a")"
cmp -s "$TG/a2u.pdf" "$TG/a2u-again.pdf" && ok "tags: two a-2u runs under SOURCE_DATE_EPOCH are byte-identical" || no "tags: a-2u reproducible"
qpdf --check "$TG/a2u.pdf" >/dev/null 2>&1 && ok "tags: qpdf finds no error in the a-2u file" || no "tags: qpdf --check a-2u"
$PY "$T/tagcheck.py" pdfa "$TG/seed.pdf" 2 U >/dev/null 2>&1 && no "tags: PDF/A claimed without being asked" || ok "tags: no PDF/A claim by default"
sed '0,/<story /s//<story pdf-standard="a-2b" /' "$S" >"$TG/std.xml"
"$BIN" render "$TG/std.xml" -o "$TG/std.pdf" -q
$PY "$T/tagcheck.py" pdfa "$TG/std.pdf" 2 B >"$TG/pdfa-b" 2>&1 \
	&& ok "tags: pdf-standard=\"a-2b\" on the root gives PDF/A-2b" || no "tags: pdf-standard attribute" "$(cat "$TG/pdfa-b")"
"$BIN" render "$TG/std.xml" --pdf-standard a-2a -o "$TG/std-a.pdf" -q
$PY "$T/tagcheck.py" pdfa "$TG/std-a.pdf" 2 A >/dev/null 2>&1 && ok "tags: --pdf-standard overrides the attribute" || no "tags: option over attribute"
sed '0,/<story /s//<story pdf-standard="a-1b" /' "$S" >"$TG/bad.xml"
expect "tags: a bad pdf-standard= is an input error" 1 "$TG/bad.xml:4:22: error: pdf-standard=\"a-1b\" is not allowed; use a-2b, a-2u or a-2a (did you mean a-2b?)" \
	"$BIN" render "$TG/bad.xml" -o "$TG/bad.pdf" -q
expect "tags: a bad --pdf-standard is a usage error" 2 "briefing: error: --pdf-standard takes 'a-2b', 'a-2u' or 'a-2a', not 'a-3u'
briefing: try 'briefing --help' for more information" "$BIN" render "$S" --pdf-standard a-3u -o "$TG/x.pdf"

# ---- check: a chart whose title says nothing ----------------------------
sed 's|<title>Cloud commitments to OpenAI, by provider</title>|<title> \&#160; </title>|' "$S" >"$TG/notitle.xml"
expect "tags: check warns about a chart title of only spaces" 0 "$TG/notitle.xml:28:9: warning: chart title is only spaces: the chart's alternative text for screen readers will have no title
1 file checked: 0 errors, 1 warning" sh -c '"$1" check "$2" 1>&2' sh "$BIN" "$TG/notitle.xml"
