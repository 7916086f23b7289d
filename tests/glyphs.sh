# tests/glyphs.sh: glyph-exact text in the PDF (sourced by tests/run.sh,
# which defines ok, no, check, expect, BIN, W, T, ROOT).  Every face is a
# Type0 font of glyph ids, subset per document, with a ToUnicode CMap of
# bfchar entries; poppler, MuPDF, Ghostscript and pypdf read the PDFs
# without a warning and give the text back, also after a Ghostscript
# pdfwrite round trip.

G=$W/glyphs
mkdir -p "$G"
PY3=/usr/bin/python3	# Debian's, with python3-pypdf

# A PDF's streams, decompressed, for grep (qpdf's QDF form).
qdf() { qpdf --qdf --object-streams=disable "$1" "$2" 2>/dev/null; }

# Readers must stay silent: poppler, MuPDF (its "ICC support is not
# available" is about the mupdf-tools build, not the file), Ghostscript.
quiet_readers() {	# name, pdf
	pdftotext "$2" "$G/q.txt" 2>"$G/q.err"
	pdffonts "$2" >/dev/null 2>>"$G/q.err"
	mutool draw -q -F txt -o "$G/q-mu.txt" "$2" 2>&1 | grep -v "^warning: ICC support is not available$" >>"$G/q.err"
	gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=txtwrite -sOutputFile="$G/q-gs.txt" "$2" >>"$G/q.err" 2>&1
	$PY3 -W error -c '
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1], strict=True)
for p in r.pages:
    p.extract_text()
' "$2" >>"$G/q.err" 2>&1
	NODE_PATH=$ROOT/build/pdfjs/node_modules node "$T/pdfjs-read.js" "$2" >"$G/q-js.txt" 2>&1 ||
		grep -E "^WARN|^ERROR" "$G/q-js.txt" >>"$G/q.err" || echo "pdf.js failed" >>"$G/q.err"
	[ ! -s "$G/q.err" ] && ok "$1: poppler, MuPDF, Ghostscript, pypdf (strict) and pdf.js read it with no warning" \
		|| no "$1: readers warn" "$(head -5 "$G/q.err")"
}

S=$ROOT/samples/openai-aws.xml
"$BIN" render "$S" -o "$G/seed.pdf" -q
size=$(wc -c <"$G/seed.pdf")
# 66 KB untagged; the structure tree (about 165 elements, which libharu
# 2.3.0 cannot put in compressed object streams) adds 21 KB, 3 KB of it
# the players, media and sources as lists and links holding their text.
[ "$size" -le 88000 ] && ok "seed PDF is $size bytes (at most 88 KB, tagged)" || no "seed PDF size" "$size bytes"
pdffonts "$G/seed.pdf" 2>/dev/null | tail -n +3 >"$G/fonts"
nf=$(wc -l <"$G/fonts")
[ "$nf" -ge 4 ] && ! grep -qv "^[A-Z]\{6\}+[A-Za-z0-9-]* *CID TrueType *Identity-H *yes yes yes " "$G/fonts" \
	&& ok "seed: $nf Type0 fonts, CID TrueType, Identity-H, embedded, subset, ToUnicode" \
	|| no "seed fonts" "$(cat "$G/fonts")"
qdf "$G/seed.pdf" "$G/seed.qdf"
check "no CIDToGIDMap stream: /CIDToGIDMap /Identity in every descendant" sh -c \
	"[ \$(grep -ac '/CIDToGIDMap /Identity' '$G/seed.qdf') -eq $nf ] && ! grep -aq '/CIDToGIDMap [0-9]' '$G/seed.qdf'"
check "ToUnicode: bfchar only, no begincidrange" sh -c \
	"grep -aq 'beginbfchar' '$G/seed.qdf' && ! grep -aq 'begincidrange' '$G/seed.qdf'"
check "ToUnicode blocks hold at most 100 entries" sh -c \
	"! grep -a 'beginbf' '$G/seed.qdf' | awk '\$1 > 100 { bad = 1 } END { exit !bad }'"
check "ToUnicode codespace is two bytes" grep -aqx "<0000> <FFFF>" "$G/seed.qdf"
# /W lists only the glyphs drawn: no more entries than ToUnicode maps
# glyphs, plus .notdef and the odd glyph with no text of its own.
nw=$($PY3 -c '
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1]); n = 0
for p in r.pages:
    for f in p["/Resources"]["/Font"].values():
        w = f.get_object()["/DescendantFonts"][0].get_object()["/W"]
        n = max(n, sum(len(x) for x in w[1::2]))
print(n)' "$G/seed.pdf")
[ "${nw:-999}" -le 120 ] && ok "/W: at most $nw widths a face (glyphs drawn only)" || no "/W size" "$nw"
quiet_readers "seed" "$G/seed.pdf"
pdftotext "$G/seed.pdf" "$G/seed.txt" 2>/dev/null
check "seed: every sentence in pdftotext" python3 "$T/textcheck.py" seed "$T/seed.txt" "$G/seed.txt"
mutool draw -q -F txt -o "$G/seed-mu.txt" "$G/seed.pdf" 2>/dev/null
check "seed: MuPDF gives the text back" grep -q "Microsoft and OpenAI announced an amended" "$G/seed-mu.txt"
gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite -sOutputFile="$G/seed-gs.pdf" "$G/seed.pdf" 2>"$G/gs.err"
pdftotext "$G/seed-gs.pdf" "$G/seed-gs.txt" 2>>"$G/gs.err"
# Ghostscript 10.0 (Debian 12) rewrites every multi-character ToUnicode
# entry wrongly ("fi" -> U+6600 U+6900), and drops /ActualText: the words
# set with a ligature glyph are compared apart from the rest.
$PY3 - "$G/seed.txt" "$G/seed-gs.txt" >"$G/gs.cmp" 2>&1 <<'PY'
import re, sys
from collections import Counter
# Words, in any order (readers may order a page's blocks differently after
# the rewrite); a word with a ligature is compared as a placeholder.
a = Counter(re.sub(r"\S*(ff|fi|fl)\S*", "#", open(sys.argv[1], encoding="utf-8").read()).split())
b = Counter(re.sub(r"\S*[\u3400-\uffff]\S*", "#", open(sys.argv[2], encoding="utf-8").read()).split())
lost, extra = a - b, b - a
for w, n in list(lost.items())[:3] + list(extra.items())[:3]:
    print(("lost" if w in lost else "extra"), w, n)
sys.exit(1 if lost or extra else 0)
PY
if [ $? -eq 0 ] && [ ! -s "$G/gs.err" ]; then
	ok "seed: the text survives a Ghostscript pdfwrite round trip (but for words with a ligature: Ghostscript 10.0 garbles multi-character ToUnicode entries)"
else
	no "Ghostscript round trip" "$(cat "$G/gs.cmp"; head -3 "$G/gs.err")"
fi
# Ligatures: one glyph, its ToUnicode entry all its characters.
check "ligatures: the seed draws fi/ff glyphs whose ToUnicode entry is every character" \
	grep -aqiE "^<[0-9A-F]{4}> <0066006[69]>$" "$G/seed.qdf"
check "ligatures: pdftotext gives the characters back (different, efficient, office)" sh -c \
	"grep -q 'different story' '$G/seed.txt' && ! grep -q '[ﬀ-ﬆ]' '$G/seed.txt'"
"$BIN" render "$S" -o "$G/seed2.pdf" -q
check "glyph fonts are deterministic (subset tags from content)" cmp "$G/seed.pdf" "$G/seed2.pdf"

# ---- every script: the world-business sample ----------------------------
WB=$ROOT/samples/world-business.xml
"$BIN" render "$WB" -o "$G/world.pdf" 2>"$G/world.err"; st=$?
[ $st -eq 0 ] && ! grep -q "warning" "$G/world.err" \
	&& ok "world-business sample: rendered with no missing-glyph warning" || no "world-business render" "status $st: $(head -3 "$G/world.err")"
pdffonts "$G/world.pdf" 2>/dev/null >"$G/wfonts"
for face in NotoSansArabic NotoSansHebrew NotoSansDevanagari NotoSansThai NotoSansCJK NotoSerifCJK Symbola; do
	grep -q "+$face" "$G/wfonts" || missing_face="${missing_face:-} $face"
done
[ -z "${missing_face:-}" ] && ! grep -v "Identity-H *yes yes yes" "$G/wfonts" | tail -n +3 | grep -q . \
	&& ok "world-business: script faces embedded as subset Type0 fonts (CJK as CID CFF)" || no "world-business fonts" "missing:${missing_face:-} $(cat "$G/wfonts")"
grep -q "CID Type 0C" "$G/wfonts" && ok "world-business: CJK faces embedded as bare CID-keyed CFF" || no "CJK CFF" "$(cat "$G/wfonts")"
quiet_readers "world-business" "$G/world.pdf"
check "pdf.js gives the Chinese, Korean and Greek names back" sh -c "grep -qF '宁德时代' '$G/q-js.txt' && grep -qF '현대자동차' '$G/q-js.txt' && grep -qF 'Τράπεζα' '$G/q-js.txt'"
"$BIN" render "$ROOT/samples/weekly.xml" -o "$G/weekly.pdf" -q
quiet_readers "weekly edition" "$G/weekly.pdf"
pdftotext "$G/world.pdf" - 2>/dev/null | sed 's/\xe2\x80\xab//g; s/\xe2\x80\xac//g' >"$G/world.txt"
# Every name, as pdftotext gives it back (poppler wraps right-to-left runs
# in embedding marks, removed above: U+202B, U+202C).
miss=""
for name in "أرامكو" "أرامكو السعودية" "טבע" "टाटा" "टाटा मोटर्स" "ปตท." "宁德时代" "トヨタ自動車" "삼성에스디아이" \
	"현대자동차" "Τράπεζα της Ελλάδος" "Газпромбанк" "Tập đoàn Vingroup" "鴻海精密" \
	"אלביט מערכות" "سابك" "ปตท. ร่วมมือกับ" "이재용" "曾毓群" "Νίκος Παπαδόπουλος" "أرامكو تدخل سوق البطاريات" \
	"טבע בעסקת הסוללות" "🔋"; do
	grep -qF "$name" "$G/world.txt" || miss="$miss [$name]"
done
[ -z "$miss" ] && ok "world-business: pdftotext gives every name back (Arabic, Hebrew, Devanagari, Thai, CJK, Korean, Greek, Cyrillic, Vietnamese, emoji)" \
	|| no "names in pdftotext" "$miss"
for name in "宁德时代" "טבע" "टाटा" "أرامكو"; do
	grep -qF "$name" "$G/world.txt" && [ "$(grep -cF "$name" "$G/world.txt")" -ge 3 ] || few="${few:-} $name"
done
[ -z "${few:-}" ] && ok "world-business: names in titles, chart labels, power map and footer all extract" || no "names everywhere" "$few"
mutool draw -q -F txt -o "$G/world-mu.txt" "$G/world.pdf" 2>/dev/null
check "MuPDF gives the CJK and Korean names back" sh -c "grep -qF '宁德时代' '$G/world-mu.txt' && grep -qF '현대자동차' '$G/world-mu.txt'"
# Devanagari reorders (the i-matra is drawn before its consonant) and
# stacks marks: such clusters carry /ActualText, so poppler gives the
# logical text back; their glyphs still map to characters for readers
# that ignore the span (no U+FFFD from MuPDF).
qdf "$G/world.pdf" "$G/world.qdf"
check "reordered clusters carry /ActualText" grep -aiq "/ActualText <FEFF" "$G/world.qdf"
check "a reordered Devanagari cluster extracts in logical order (रिलायंस)" grep -qF "रिलायंस" "$G/world.txt"
check "MuPDF: no U+FFFD for glyphs inside /ActualText spans" sh -c "! grep -q '�' '$G/world-mu.txt'"

# ---- languages: xml:lang picks the hyphenation patterns ------------------
para="Die Bundesregierung verabschiedete gestern die Energiewendegesetzgebung, nachdem die Verhandlungen zwischen Wirtschaftsministerium und Finanzministerium wochenlang andauerten; Versicherungsunternehmen, Kraftfahrzeughersteller und Rechtsschutzversicherungen begrüßten die Entscheidung ausdrücklich."
for lang in de en ja; do
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="l" xml:lang="%s">\n  <title>Bericht</title>\n  <overview><point>%s</point></overview>\n</story>\n' "$lang" "$para" >"$G/lang-$lang.xml"
	"$BIN" render "$G/lang-$lang.xml" -o "$G/lang-$lang.pdf" -q
	pdftotext -raw "$G/lang-$lang.pdf" - 2>/dev/null | sed -n '/^Die Bundes/,/ausdrücklich/p' >"$G/lang-$lang.txt"
done
# A compound set 24 times over: every line breaks inside it, at a German
# break (Ver-si-che-rungs-un-ter-neh-men) by the German patterns, and
# elsewhere by the English ones ("Versicherung-sunternehmen").
word=Versicherungsunternehmen
many=$(for i in 1 2 3 4 5 6 7 8 9 10 11 12 13 14 15 16 17 18 19 20 21 22 23 24; do printf '%s ' "$word"; done)
for lang in de en; do
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="l" xml:lang="%s">\n  <title>Bericht</title>\n  <overview><point>%s</point></overview>\n</story>\n' "$lang" "$many" >"$G/word-$lang.xml"
	"$BIN" render "$G/word-$lang.xml" -o "$G/word-$lang.pdf" -q
	pdftotext -raw "$G/word-$lang.pdf" - 2>/dev/null | grep -o '[A-Za-z]*-$' | sort -u >"$G/word-$lang.txt"
done
[ -s "$G/word-de.txt" ] && ! grep -vqxE 'Ver-|Versi-|Versiche-|Versicherungs-|Versicherungsun-|Versicherungsunter-|Versicherungsunterneh-' "$G/word-de.txt" \
	&& ok "xml:lang=\"de\": German patterns (Ver-si-che-rungs-un-ter-neh-men)" || no "German hyphenation" "$(cat "$G/word-de.txt")"
cmp -s "$G/word-de.txt" "$G/word-en.txt" && no "German and English patterns break alike" "$(cat "$G/word-en.txt")" || ok "the same words as English break elsewhere (other patterns)"
! grep -q -- "-$" "$G/lang-ja.txt" && [ -s "$G/lang-ja.txt" ] \
	&& ok "a language without patterns (ja) is not hyphenated" || no "no patterns, no hyphens" "$(cat "$G/lang-ja.txt")"
# A word that holds a hyphen breaks there, never a second time inside
# ("quasi-gov-ernmental", "counter-propos-als" before).
para="Regulators questioned the non-exclusive arrangement, the counter-intelligence establishment reviewed state-controlled infrastructure, hyper-competitive procurement, multi-jurisdictional cross-subsidisation, semi-autonomous interconnection, pre-negotiated indemnification, and quasi-governmental telecommunications under the co-investment framework, while over-extended conglomerates pursued anti-competitive consolidation through inter-departmental counter-proposals."
printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="l">\n  <title>Compounds</title>\n  <overview><point>One.</point></overview>\n  <analysis><section><title>S</title><p>%s</p><p>%s</p></section></analysis>\n</story>\n' "$para" "$para" >"$G/compound.xml"
: >"$G/compound.bad"
for lay in a4 letter; do
	"$BIN" render "$G/compound.xml" -o "$G/compound.pdf" -q --layout $lay
	pdftotext -raw "$G/compound.pdf" - 2>/dev/null | awk '/-$/ { w = $NF; if (substr(w, 1, length(w) - 1) ~ /-/) print }' >>"$G/compound.bad"
	pdftotext -raw "$G/compound.pdf" - 2>/dev/null | grep -c -- "-$" >>"$G/compound.n"
done
[ ! -s "$G/compound.bad" ] && [ "$(awk '{ s += $1 } END { print s }' "$G/compound.n")" -gt 2 ] \
	&& ok "compound words break at their own hyphen, never again inside a part" || no "compound broken twice" "$(cat "$G/compound.bad")"
# An inline <span xml:lang="de"> in an English paragraph: its words by the German patterns.
printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="s">\n  <title>Span</title>\n  <overview><point>The ministry said <span xml:lang="ja">%s</span></point></overview>\n</story>\n' "$para" >"$G/span.xml"
"$BIN" render "$G/span.xml" -o "$G/span.pdf" -q 2>"$G/span.err"
pdftotext -raw "$G/span.pdf" - 2>/dev/null | sed -n '/^The ministry/,/ausdrücklich/p' >"$G/span.txt"
[ -s "$G/span.txt" ] && ! grep -q -- "-$" "$G/span.txt" \
	&& ok "<span xml:lang>: its words take its language's patterns (none for ja)" || no "span language" "$(cat "$G/span.txt" "$G/span.err")"

# ---- missing characters: one warning a run --------------------------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="m">\n  <title>Names</title>\n  <overview><point>Javanese ꦲꦤꦕꦫꦏ ꦢꦠ and again ꦲꦤꦕꦫꦏ ꦢꦠ, then ꦧ alone.</point></overview>\n</story>\n' >"$G/missing.xml"
(cd "$G" && "$BIN" check missing.xml >"$G/missing.out" 2>&1; echo "exit $?" >>"$G/missing.out")
printf '%s\n' "missing.xml:4:29: warning: characters 'ꦲꦤꦕꦫꦏ ꦢꦠ' (U+A98F to U+A9B2, script Java) are not in the shipped fonts; they are drawn as boxes" \
	"missing.xml:4:63: warning: character 'ꦧ' (U+A9A7, script Java) is not in the shipped fonts; it is drawn as a box" \
	"1 file checked: 0 errors, 2 warnings" "exit 0" | diff - "$G/missing.out" >"$G/missing.diff" \
	&& ok "check: one warning per run of missing characters (range, script, line:col), a repeated run not again" \
	|| no "missing runs" "$(cat "$G/missing.diff")"

# ---- a run set in a face of another weight or slant: a warning ----------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="f">\n  <title>Rocket 🚀 launch</title>\n  <overview><point>Teva <em>טבע</em> and <em>Σύνδεσμος</em> and <strong>宁德时代</strong>.</point></overview>\n</story>\n' >"$G/fallback.xml"
(cd "$G" && "$BIN" render fallback.xml -o fallback.pdf -q >"$G/fallback.out" 2>&1; echo "exit $?" >>"$G/fallback.out")
printf '%s\n' "fallback.xml:3:3: warning: '🚀' is set in Symbola regular: no bold face of the fonts has these characters" \
	"exit 0" | diff - "$G/fallback.out" >"$G/fallback.diff" \
	&& ok "render: a run set in a fallback face of another weight is a warning (Greek italic, CJK bold, upright Hebrew in italic text are not)" \
	|| no "fallback style warning" "$(cat "$G/fallback.diff")"
(cd "$G" && "$BIN" check fallback.xml >"$G/fallback-check.out" 2>&1; echo "exit $?" >>"$G/fallback-check.out")
printf '%s\n' "fallback.xml:3:3: warning: '🚀' is set in Symbola regular: no bold face of the fonts has these characters" \
	"1 file checked: 0 errors, 1 warning" "exit 0" | diff - "$G/fallback-check.out" >"$G/fallback-check.diff" \
	&& ok "check: the same warning for a run set in a fallback face of another weight, and no PDF written" \
	|| no "check: fallback style warning" "$(cat "$G/fallback-check.diff")"
[ ! -e "$G/fallback-check.pdf" ] || no "check wrote a PDF" ""

# ---- xml:lang picks CJK glyph variants ------------------------------------
for lang in zh-Hans zh-Hant ja; do
	printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="c">\n  <title>Bone</title>\n  <overview><point>The sign <span xml:lang="%s">骨</span>.</point></overview>\n</story>\n' "$lang" >"$G/cjk-$lang.xml"
	"$BIN" render "$G/cjk-$lang.xml" -o "$G/cjk-$lang.pdf" -q
	qdf "$G/cjk-$lang.pdf" "$G/cjk-$lang.qdf"
	grep -ai "^<[0-9a-f]*> <9AA8>$" "$G/cjk-$lang.qdf" | cut -c1-6 >"$G/cjk-$lang.gid"
done
[ -s "$G/cjk-ja.gid" ] && ! cmp -s "$G/cjk-zh-Hans.gid" "$G/cjk-ja.gid" && ! cmp -s "$G/cjk-zh-Hant.gid" "$G/cjk-ja.gid" \
	&& ! cmp -s "$G/cjk-zh-Hans.gid" "$G/cjk-zh-Hant.gid" \
	&& ok "xml:lang picks the CJK glyph variant (骨: zh-Hans, zh-Hant, ja three glyphs)" \
	|| no "CJK variants" "$(cat "$G"/cjk-*.gid)"

# ---- xml:lang picks the quotation marks -----------------------------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="q">\n  <title>Quotes "here", don'"'"'t</title>\n  <overview><point>English "double" and '"'"'single'"'"'. <span xml:lang="de">Deutsch "doppelt" und '"'"'einfach'"'"'.</span> <span xml:lang="fr">Français "double".</span> <span xml:lang="ja">日本語 "引用"</span></point></overview>\n</story>\n' >"$G/quotes.xml"
"$BIN" render "$G/quotes.xml" -o "$G/quotes.pdf" -q
pdftotext "$G/quotes.pdf" - 2>/dev/null | tr '\n' ' ' >"$G/quotes.txt"
grep -qF "Quotes “here”, don’t" "$G/quotes.txt" && grep -qF "English “double” and ‘single’." "$G/quotes.txt" \
	&& grep -qF "Deutsch „doppelt“ und ‚einfach‘." "$G/quotes.txt" && grep -qF "Français « double »." "$G/quotes.txt" \
	&& grep -qF "日本語 「引用」" "$G/quotes.txt" \
	&& ok "straight quotes become the language's marks (en, de, fr with narrow spaces, ja), apostrophes ’" \
	|| no "quote style" "$(cat "$G/quotes.txt")"

# ---- the world-business PDF looks like its PNG preview, page for page -----
previews_match "$WB" "$G/world.pdf" "$G/w"
[ "$np" -ge 2 ] && [ -z "$bad" ] && ok "world-business: Arabic, Hebrew, Devanagari, Thai, CJK, Korean in the PDF as in the PNG preview ($np pages)" \
	|| no "world-business PDF vs preview" "$np pages;$bad"

# ---- the German automaton's cache -----------------------------------------
mkdir -p "$G/xdg/briefing"
XDG_CACHE_HOME=$G/xdg "$BIN" render "$G/lang-de.xml" -o "$G/cache1.pdf" -q
c=$(ls "$G"/xdg/briefing/hyph_de_DE-*.bin 2>/dev/null | head -1)
[ -n "$c" ] && [ -s "$c" ] && cmp -s "$G/cache1.pdf" "$G/lang-de.pdf" \
	&& ok "the German patterns' automaton is cached, and the PDF is the same" || no "hyphenation cache" "$(ls "$G/xdg/briefing")"
if [ -n "$c" ]; then
	head -c 100000 "$c" >"$G/trunc" && cat "$G/trunc" >"$c"
	XDG_CACHE_HOME=$G/xdg "$BIN" render "$G/lang-de.xml" -o "$G/cache2.pdf" -q
	cmp -s "$G/cache2.pdf" "$G/lang-de.pdf" && [ "$(wc -c <"$c")" -gt 100000 ] \
		&& ok "a truncated cache is read as broken: the patterns are loaded again, the same PDF" || no "broken hyphenation cache"
fi

# ---- Greek, Cyrillic, Vietnamese keep the face of their text -------------
printf '<?xml version="1.0" encoding="UTF-8"?>\n<story id="g">\n  <title>Τράπεζα της Ελλάδος και Газпромбанк</title>\n  <overview><point>Body <em>Tập đoàn Vingroup</em> και Ελλάδα.</point></overview>\n</story>\n' >"$G/greek.xml"
"$BIN" render "$G/greek.xml" --dump dl >"$G/greek.dl" 2>"$G/greek.err"
faces=$(sed -n 's/^face \([0-9]*\) \(.*\)$/\1=\2/p' "$G/greek.dl" | tr '\n' ' ')
title=$(grep -m1 'Τράπεζα' "$G/greek.dl" | sed 's/.*face=\([0-9]*\).*/\1/')
em=$(grep -m1 'Vingroup' "$G/greek.dl" | sed 's/.*face=\([0-9]*\).*/\1/')
echo " $faces" | grep -q " $title=NotoSans-Bold.ttf" && echo " $faces" | grep -q " $em=NotoSerif-Italic.ttf" \
	&& ! grep -q "warning" "$G/greek.err" \
	&& ok "Greek and Cyrillic in a bold headline are bold, Vietnamese in serif italic is serif italic (whole faces)" \
	|| no "Greek/Vietnamese faces" "title face $title, em face $em: $faces $(cat "$G/greek.err")"
"$BIN" render "$G/greek.xml" -o "$G/greek.pdf" -q
pdftotext "$G/greek.pdf" - 2>/dev/null | grep -q "Τράπεζα της Ελλάδος και Газпромбанк" \
	&& ok "Greek and Cyrillic words keep their spaces" || no "Greek spaces"
