# tags2.sh, sourced by run.sh: more tagged-PDF checks (tables, links,
# lists, the structure text read as the source, every glyph's Unicode),
# each reading the PDF back with pypdf and poppler.
PY=python3
[ -x /usr/bin/python3 ] && /usr/bin/python3 -c "import pypdf" 2>/dev/null && PY=/usr/bin/python3
T2=$W/tags2
mkdir -p "$T2"
export SOURCE_DATE_EPOCH=1777334400
CC=$ROOT/samples/stories/chip-capex.xml

# ---- tables: Table > Caption, THead > TR > TH, TBody > TR > TD ----------
"$BIN" render "$CC" -o "$T2/cc.pdf" -q
pdfinfo -struct-text "$T2/cc.pdf" >"$T2/cc.txt" 2>/dev/null
printf '%s\t%s\n' "The two plans side by side" "Company guidance, September 2026; \$ billions. Change against 2026 spending." >"$T2/cc.rows"
printf '%s\t%s\t%s\t%s\n' "Line of spending" Halvorsen Kestrel Change "Memory fabs" 14.5 3.0 +22% \
	"Logic fabs" 4.0 7.5 "−9%" "Advanced packaging" 2.5 1.5 +41% Total 21.0 12.0 +12% >>"$T2/cc.rows"
$PY "$T/tagcheck.py" table "$T2/cc.pdf" "$T2/cc.txt" "$T2/cc.rows" >"$T2/table" 2>&1 \
	&& ok "tags2: a table is Table > Caption, THead > TR > TH (/Scope /Column), TBody > TR > TD, cells in row order" \
	|| no "tags2: table structure" "$(cat "$T2/table")"
$PY "$T/tagcheck.py" ua "$T2/cc.pdf" >"$T2/ua-cc" 2>&1 && ok "tags2: the table story meets the PDF/UA checks" \
	|| no "tags2: table story PDF/UA" "$(cat "$T2/ua-cc")"
# A long table over two pages, an empty cell and a row header: the header
# row repeated on the next page is an Artifact, every row a TR once.
python3 - "$CC" "$T2/long.xml" "$T2/long.rows" <<'PYEOF'
import re, sys
src = open(sys.argv[1], encoding="utf-8").read()
rows = [("Plant %d" % i, "%d.5" % i, "" if i == 7 else "%d.0" % (i * 2), "+%d%%" % i) for i in range(1, 61)]
body = "".join('<tr><th>%s</th><td>%s</td><td>%s</td><td>%s</td></tr>\n' % r for r in rows)
table = ('<table><title>Every plant</title><tr><th>Plant</th><th>Halvorsen</th><th>Kestrel</th><th>Change</th></tr>\n'
         + body + '</table>')
src = re.sub(r"<table>.*?</table>", lambda m: table, src, flags=re.S)
open(sys.argv[2], "w", encoding="utf-8").write(src)
with open(sys.argv[3], "w", encoding="utf-8") as f:
    f.write("Every plant\n")
    f.write("Plant\tHalvorsen\tKestrel\tChange\n")
    for r in rows:
        f.write("\t".join(r) + "\n")
PYEOF
"$BIN" render "$T2/long.xml" -o "$T2/long.pdf" -q
pdfinfo -struct-text "$T2/long.pdf" >"$T2/long.txt" 2>/dev/null
$PY "$T/tagcheck.py" table "$T2/long.pdf" "$T2/long.txt" "$T2/long.rows" >"$T2/ltable" 2>&1 \
	&& ok "tags2: a 60-row table over pages: one THead, every row once, an empty cell kept as a TD, row headers TH /Scope /Row" \
	|| no "tags2: long table" "$(cat "$T2/ltable")"
n=$(pdftotext -layout "$T2/long.pdf" - 2>/dev/null | grep -c "Plant *Halvorsen *Kestrel *Change")
[ "$n" -ge 2 ] && [ "$(grep -c '"Plant"' "$T2/long.txt")" -eq 1 ] \
	&& ok "tags2: the header row drawn on $n pages is tagged once (repeats are Artifacts)" \
	|| no "tags2: repeated header row" "$n drawn, $(grep -c '"Plant"' "$T2/long.txt") tagged"
$PY "$T/tagcheck.py" ua "$T2/long.pdf" >"$T2/ua-long" 2>&1 && ok "tags2: the long table meets the PDF/UA checks" \
	|| no "tags2: long table PDF/UA" "$(cat "$T2/ua-long")"

# ---- links: the Link element holds the link's text and its annotation ---
"$BIN" render "$T/fixtures/links.xml" -o "$T2/links.pdf" -q
pdfinfo -struct-text "$T2/links.pdf" >"$T2/links.txt" 2>/dev/null
$PY "$T/tagcheck.py" linktext "$T2/links.txt" "the overview" "@someone  ·  X  ·  score 12" "A video" "The source article" \
	>"$T2/lt" 2>&1 && ok "tags2: inline, post, media and source links: Link > their text + OBJR ($(head -1 "$T2/lt"))" \
	|| no "tags2: link text" "$(cat "$T2/lt")"
"$BIN" render "$ROOT/samples/weekly.xml" -o "$T2/weekly.pdf" -q
pdfinfo -struct-text "$T2/weekly.pdf" >"$T2/weekly.txt" 2>/dev/null
$PY "$T/tagcheck.py" ua "$T2/weekly.pdf" >"$T2/ua-w" 2>&1 && $PY "$T/tagcheck.py" linktext "$T2/weekly.txt" "page 1" \
	"Chipmakers split on spending as memory prices recover faster than logic demand" >"$T2/lt-w" 2>&1 \
	&& ok "tags2: the edition's cover and contents links hold their text, every Link has text ($(head -1 "$T2/lt-w"))" \
	|| no "tags2: edition links" "$(cat "$T2/ua-w" "$T2/lt-w")"

# ---- players, media, sources, further ties: L > LI > (Lbl) LBody --------
sed 's|<relation from="aws" to="openai">up to \$50B investment</relation>|&<relation from="aws" to="openai">compute for model training</relation>|' \
	"$S" >"$T2/ties.xml"
"$BIN" render "$T2/ties.xml" -o "$T2/ties.pdf" -q
pdfinfo -struct-text "$T2/ties.pdf" >"$T2/ties.txt" 2>/dev/null
$PY "$T/tagcheck.py" lists "$T2/ties.txt" "KEY PLAYERS" "Lbl:MEDIA: BROADCAST" "FURTHER TIES" >"$T2/lists" 2>&1 \
	&& $PY "$T/tagcheck.py" lists "$T2/links.txt" "Lbl:SOURCES" "Lbl:MEDIA: BROADCAST" >>"$T2/lists" 2>&1 \
	&& ok "tags2: key players, media, further ties and sources are lists ($(tr '\n' ';' <"$T2/lists"))" \
	|| no "tags2: lists" "$(cat "$T2/lists")"
$PY "$T/tagcheck.py" ua "$T2/ties.pdf" >"$T2/ua-t" 2>&1 && ok "tags2: the story with further ties meets the PDF/UA checks" \
	|| no "tags2: ties PDF/UA" "$(cat "$T2/ua-t")"

# ---- the structure text reads as the source -----------------------------
# A line break inside a paragraph reads as a space, a hyphen the break
# added is an Artifact; the source's own hyphens stay.
"$BIN" render "$S" -o "$T2/seed.pdf" -q
pdfinfo -struct-text "$T2/seed.pdf" >"$T2/seed.txt" 2>/dev/null
$PY "$T/tagcheck.py" verbatim "$S" "$T2/seed.txt" 11 >"$T2/verb" 2>&1 \
	&& ok "tags2: the structure text holds the seed's paragraphs verbatim ($(head -1 "$T2/verb"))" \
	|| no "tags2: structure text verbatim" "$(cat "$T2/verb")"
pdftotext "$T2/seed.pdf" "$T2/seed-page.txt" 2>/dev/null
$PY "$T/tagcheck.py" breaks "$T2/seed.txt" "$T2/seed-page.txt" >"$T2/brk" 2>&1 \
	&& ok "tags2: a break's hyphen is an Artifact ($(head -1 "$T2/brk"))" || no "tags2: break hyphens" "$(cat "$T2/brk")"
grep -q "non-exclusive\|built-in\|per-agent" "$T2/seed.txt" && ok "tags2: the source's own hyphens stay in the tree" || no "tags2: own hyphens"
$PY "$T/tagcheck.py" pagetext "$T2/seed.pdf" "$S" 6 >"$T2/pt" 2>&1 \
	&& ok "tags2: pdftotext reads no worse ($(cat "$T2/pt"), 6 before the change)" || no "tags2: pdftotext" "$(cat "$T2/pt")"
# ---- PDF/A-2u: every glyph drawn has a Unicode value ---------------------
for f in openai-aws weekly world-business; do
	"$BIN" render "$ROOT/samples/$f.xml" --pdf-standard a-2u -o "$T2/$f-a2u.pdf" -q
	$PY "$T/tagcheck.py" tounicode "$T2/$f-a2u.pdf" >"$T2/tu-$f" 2>&1 \
		&& ok "tags2: $f a-2u: every glyph code drawn has a ToUnicode entry ($(head -1 "$T2/tu-$f"))" \
		|| no "tags2: $f a-2u ToUnicode" "$(head -5 "$T2/tu-$f")"
done
# The checker itself: one entry taken out of a ToUnicode map is found.
qpdf --qdf --object-streams=disable "$T2/openai-aws-a2u.pdf" "$T2/qdf.pdf" 2>/dev/null
python3 - "$T2/qdf.pdf" "$T2/cut.pdf" <<'PYEOF'
import re, sys
d = open(sys.argv[1], "rb").read()
m = re.search(rb"beginbfchar\n(<[0-9A-F]{4}> <[0-9A-F]*>\n)", d)
open(sys.argv[2], "wb").write(d[:m.start(1)] + d[m.end(1):])
PYEOF
fix-qdf <"$T2/cut.pdf" >"$T2/cut2.pdf" 2>/dev/null
$PY "$T/tagcheck.py" tounicode "$T2/cut2.pdf" >"$T2/tu-cut" 2>&1
grep -q "has no ToUnicode entry" "$T2/tu-cut" && ok "tags2: the ToUnicode check finds a glyph with no entry" \
	|| no "tags2: ToUnicode check can fail" "$(head -3 "$T2/tu-cut")"
# Glyphs shaping adds (Thai's split vowel, Devanagari conjuncts, stacked
# marks) get a Unicode value too.
python3 - "$S" "$T2/scripts.xml" <<'PYEOF'
import sys
s = open(sys.argv[1], encoding="utf-8").read()
s = s.replace("<p>", "<p>Hindi \u0915\u094d\u0937\u0924\u094d\u0930\u093f\u092f \u0938\u094d\u0924\u094d\u0930\u0940, Thai "
              "\u0e17\u0e35\u0e48\u0e19\u0e35\u0e48 \u0e1c\u0e39\u0e49\u0e19\u0e33, Vietnamese Ti\u1ebfng Vi\u1ec7t, marks "
              "e\u0301\u0323 a\u0308\u0304, Arabic \u0627\u0644\u0639\u0631\u0628\u064a\u0629, Hebrew "
              "\u05e9\u05c1\u05b8\u05dc\u05d5\u05b9\u05dd. ", 1)
open(sys.argv[2], "w", encoding="utf-8").write(s)
PYEOF
"$BIN" render "$T2/scripts.xml" --pdf-standard a-2u -o "$T2/scripts.pdf" -q
$PY "$T/tagcheck.py" tounicode "$T2/scripts.pdf" >"$T2/tu-sc" 2>&1 \
	&& ok "tags2: Thai, Devanagari, Arabic, Hebrew and stacked marks: every glyph has a Unicode value ($(head -1 "$T2/tu-sc"))" \
	|| no "tags2: scripts ToUnicode" "$(head -5 "$T2/tu-sc")"
# The header row repeated on the third page and later keeps its rule where
# it belongs (placing a copy once moved the shared points of the one before).
"$BIN" render "$T2/long.xml" --dump dl >"$T2/long.dl" 2>/dev/null
python3 - "$T2/long.dl" >"$T2/rules" 2>&1 <<'PYEOF'
import re, sys
bad = [l.strip() for l in open(sys.argv[1]) if l.lstrip().startswith("path")
       and any(float(x) > 509.3 or float(x) < 85.9 for x in re.findall(r"[ML] ([\d.]+),", l))]
print("\n".join(bad[:3]))
sys.exit(1 if bad else 0)
PYEOF
[ $? -eq 0 ] && [ "$(grep -c '^page' "$T2/long.dl")" -ge 3 ] && ok "tags2: every repeated header row's rule lies inside the margins" \
	|| no "tags2: repeated header rule" "$(cat "$T2/rules")"

# ---- notes at the foot of a page come after the page's text in the tree --
"$BIN" render "$ROOT/samples/stories/grid-interconnector.xml" -o "$T2/grid.pdf" -q
$PY "$T/tagcheck.py" ua "$T2/grid.pdf" >"$T2/ua-g" 2>&1 && pdfinfo -struct "$T2/grid.pdf" 2>/dev/null | sed -n 2,6p | grep -q "H1" \
	&& ok "tags2: a story with a footnote: H1 first, the note after its page's text, PDF/UA checks met" \
	|| no "tags2: footnote order" "$(cat "$T2/ua-g"; pdfinfo -struct "$T2/grid.pdf" 2>/dev/null | sed -n 1,6p)"
