# tests/blocks.sh: what a story holds beyond paragraphs (issue 16):
# typographic quotes, lists, callouts (sourced by tests/run.sh, which
# defines ok, no, check, expect, BIN, W, T, ROOT).

K=$W/blocks
mkdir -p "$K"
bstory() {	# file, xml:lang of the story ("" for none), analysis content
	printf '<?xml version="1.0"?>\n<story id="b1" category="markets" date="2026-03-01"%s>\n  <title>Blocks</title>\n  <overview><point>One point.</point></overview>\n  <analysis><section><title>S</title>\n%s\n  </section></analysis>\n</story>\n' \
	    "${2:+ xml:lang=\"$2\"}" "$3" >"$1"
}
ptext() { pdftotext -layout "$1" - 2>/dev/null; }

# ---- typographic quotes ---------------------------------------------
bstory "$K/q.xml" "" "<p>The employers' final \"best\" offer, the '90s, it's <span xml:lang=\"de\">\"ja\"</span> and <span xml:lang=\"fr\">\"oui\"</span>.</p>"
"$BIN" render -q "$K/q.xml" -o "$K/q.pdf" 2>"$W/err"
t=$(ptext "$K/q.pdf" | tr -s ' \n' '  ')
case $t in
*"employers’ final “best” offer, the ’90s, it’s „ja“ and « oui »."*)
	ok "quotes: English, German and French quotes and apostrophes in the PDF" ;;
*)	no "quotes: English, German and French quotes and apostrophes in the PDF" "$t" ;;
esac
ptext "$K/q.pdf" | grep -q "[\"']" && no "quotes: no straight quote is left" || ok "quotes: no straight quote is left"

# ---- lists ------------------------------------------------------------
bstory "$K/l.xml" "" '<p>Before.</p>
<list type="number"><item>First step, long enough to wrap onto a second line of the text column so that the hang shows in the layout.</item><item>Second step.<list><item>Nested one.</item><item>Nested two.</item></list></item><item>Third step.</item></list>
<list><item>A bullet.</item><item>Another bullet.</item></list>'
"$BIN" render -q "$K/l.xml" -o "$K/l.pdf" 2>"$W/err" || no "lists: render" "$(cat "$W/err")"
t=$(pdftotext "$K/l.pdf" - 2>/dev/null | tr -s ' \n' '  ')
case $t in
*"Before. 1. First step"*"2. Second step. – Nested one. – Nested two. 3. Third step. • A bullet. • Another bullet."*)
	ok "lists: numbers, bullets and a nested list in order" ;;
*)	no "lists: numbers, bullets and a nested list in order" "$t" ;;
esac
# The wrapped line of an item starts where its first line's text does.
pdftotext -bbox "$K/l.pdf" - 2>/dev/null >"$K/l.html"
x_first=$(grep '>First<' "$K/l.html" | sed 's/.*xMin="\([0-9.]*\)".*/\1/')
x_num=$(grep '>1\.<' "$K/l.html" | head -1 | sed 's/.*xMin="\([0-9.]*\)".*/\1/')
x_wrap=$(awk '/>First</ { y = $0; sub(/.*yMin="/, "", y); sub(/".*/, "", y) }
	/yMin=/ && y != "" { v = $0; sub(/.*yMin="/, "", v); sub(/".*/, "", v)
	  if (v - y > 5 && v - y < 20 && !done) { x = $0; sub(/.*xMin="/, "", x); sub(/".*/, "", x); print x; done = 1 } }' "$K/l.html")
x_p=$(grep '>Before\.<' "$K/l.html" | sed 's/.*xMin="\([0-9.]*\)".*/\1/')
if [ -n "$x_first" ] && [ -n "$x_wrap" ] && awk -v a="$x_first" -v b="$x_wrap" -v n="$x_num" -v p="$x_p" \
    'BEGIN { d = a - b; if (d < 0) d = -d; exit !(d < 0.5 && n + 0 >= p - 0.5 && a > n + 5) }'; then
	ok "lists: hanging numbers, wrapped lines aligned with the item's text"
else
	no "lists: hanging numbers, wrapped lines aligned with the item's text" "first=$x_first wrap=$x_wrap num=$x_num p=$x_p"
fi
"$BIN" render --dump=model "$K/l.xml" 2>/dev/null | grep -q "^        list bullet$" &&
	ok "lists: the model dump shows the nested list" || no "lists: the model dump shows the nested list"

bstory "$K/l4.xml" "" '<list><item>1<list><item>2<list><item>3<list><item>4</item></list></item></list></item></list></item></list>'
expect "lists: nested four deep is an error" 1 "" "$BIN" check "$K/l4.xml"
grep -qx "$K/l4.xml:6:40: error: a list nested 4 deep; lists nest 3 deep at most" "$W/out" &&
	ok "lists: nested four deep: the message names the list" || no "lists: nested four deep: the message names the list" "$(cat "$W/out")"
bstory "$K/le.xml" "" '<list type="dots"><item>x</item><item> </item></list>'
"$BIN" check "$K/le.xml" >"$W/out" 2>&1; st=$?
if [ $st -eq 1 ] && grep -q "le.xml:6:13: error: type=\"dots\" is not allowed; use bullet or number" "$W/out" &&
    grep -q "le.xml:6:33: error: list item is empty" "$W/out"; then ok "lists: a wrong type is a located error"
else no "lists: a wrong type is a located error" "$(cat "$W/out")"; fi

# ---- callouts ---------------------------------------------------------
# Filler paragraphs push the box down the page step by step: wherever it
# falls, its label and its last line share a page, and at least once the
# box starts a page of its own after the filler.
whole=1; moved=0; how=""
for n in 40 42 44 46 48 50 52; do
	long=""
	for i in $(seq 1 $n); do long="$long<p>Filler paragraph $i, which takes a line of the page.</p>"; done
	bstory "$K/c.xml" "" "$long<callout title=\"Bottom line\"><p>First line of the box.</p><list><item>Keep one.</item><item>Keep two.</item><item>Keep three.</item></list><p>Last line of the box.</p></callout><p>After.</p>"
	"$BIN" render -q "$K/c.xml" -o "$K/c.pdf" 2>"$W/err" || { whole=0; how="render failed"; break; }
	np=$(pdfinfo "$K/c.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
	p_title=""; p_last=""; p_fill=""
	for p in $(seq 1 "$np"); do
		pt=$(pdftotext -f "$p" -l "$p" "$K/c.pdf" - 2>/dev/null)
		echo "$pt" | grep -q "TOM LINE" && p_title=$p
		echo "$pt" | grep -q "Last line of the box" && p_last=$p
		echo "$pt" | grep -q "Filler paragraph $n," && p_fill=$p
	done
	[ -n "$p_title" ] && [ "$p_title" = "$p_last" ] || { whole=0; how="$how n=$n:$p_title/$p_last"; }
	[ -n "$p_title" ] && [ "$p_title" -gt "$p_fill" ] && moved=1
done
[ $whole = 1 ] && [ $moved = 1 ] && ok "callouts: a box is never split; one that does not fit moves to the next page whole" ||
	no "callouts: a box is never split; one that does not fit moves to the next page whole" "whole=$whole moved=$moved$how"
bstory "$K/cl.xml" "" '<callout title="x"><p>a</p><quote>no</quote></callout>'
"$BIN" check "$K/cl.xml" >"$W/out" 2>&1; st=$?
if [ $st -eq 1 ] && grep -q "cl.xml:6:.*error: .*quote" "$W/out"; then ok "callouts: only paragraphs and lists, a located error"
else no "callouts: only paragraphs and lists, a located error" "$(cat "$W/out")"; fi

# ---- tables -----------------------------------------------------------
rows=""
for i in $(seq 1 44); do
	z=""; [ $((i % 3)) = 0 ] && z=" southern coastal"
	rows="$rows<tr><td>Plant $i,$z zone</td><td>$((i * 137 % 2000)).$((i % 10))</td><td>$((i * 3))%</td></tr>"
done
bstory "$K/t.xml" "" "<p>Before the table.</p><table><title>Output by plant</title><caption>Operator figures.</caption><tr><th>Plant</th><th>Output (GWh)</th><th>Share</th></tr>$rows</table><p>After the table.</p>"
"$BIN" render -q "$K/t.xml" -o "$K/t.pdf" 2>"$W/err" || no "tables: render" "$(cat "$W/err")"
np=$(pdfinfo "$K/t.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
heads=0
for p in $(seq 1 "$np"); do
	pdftotext -f "$p" -l "$p" "$K/t.pdf" - 2>/dev/null | grep -q "Output (GWh)" && heads=$((heads + 1))
done
[ "$np" -ge 2 ] && [ "$heads" = "$np" ] && ok "tables: a 44-row table spans $np pages, its header on each" ||
	no "tables: a 44-row table spans pages, its header on each" "pages=$np headers=$heads"
order=$(pdftotext "$K/t.pdf" - 2>/dev/null | sed -n 's/^Plant \([0-9]*\),.*/\1/p' | tr '\n' ' ')
[ "$order" = "$(seq 1 44 | tr '\n' ' ')" ] && ok "tables: rows in order, none lost or split" || no "tables: rows in order, none lost or split" "$order"
# The numbers' right edges (one decimal each) within half a point.
pdftotext -bbox "$K/t.pdf" - 2>/dev/null | grep '>[0-9]*\.[0-9]<' | sed 's/.*xMax="\([0-9.]*\)".*/\1/' |
	awk '{ if (NR == 1 || $1 < lo) lo = $1; if (NR == 1 || $1 > hi) hi = $1; n++ }
	END { print n, hi - lo; exit !(n == 44 && hi - lo < 0.5) }' >"$W/al" &&
	ok "tables: 44 numbers aligned on the decimal point within half a point" ||
	no "tables: 44 numbers aligned on the decimal point within half a point" "$(cat "$W/al")"
t=$(pdftotext "$K/t.pdf" - 2>/dev/null | tr -s ' \n' '  ')
case $t in *"Plant 44, zone"*"Operator figures. After the table."*) ok "tables: the caption follows the last row" ;;
*) no "tables: the caption follows the last row" ;; esac
wide=""; for i in 1 2 3 4 5 6 7 8; do wide="$wide<td>Unbreakablewordnumber$i</td>"; done
bstory "$K/tw.xml" "" "<table><title>Far too wide</title><tr><th>a</th></tr><tr>$wide</tr></table>"
expect "tables: too wide is an error (check)" 1 "" "$BIN" check "$K/tw.xml"
grep -q "^$K/tw.xml:6:1: error: table 'Far too wide' is too wide for the page: its 8 columns need [0-9]* pt" "$W/out" &&
	ok "tables: too wide: the message names the table, located" || no "tables: too wide: the message names the table, located" "$(cat "$W/out")"
expect "tables: too wide is an error (render), no PDF" 1 "" "$BIN" render -q "$K/tw.xml" -o "$K/tw.pdf"
[ -e "$K/tw.pdf" ] && no "tables: no PDF for a table too wide" || ok "tables: no PDF for a table too wide"
bstory "$K/th.xml" "" '<table><title>T</title><tr><th>a</th></tr><tr><td align="middle">x</td></tr></table>'
"$BIN" check "$K/th.xml" >"$W/out" 2>&1
grep -q 'th.xml:6:.*align="middle" is not allowed; use left, right or center' "$W/out" && ok "tables: a wrong align is a located error" ||
	no "tables: a wrong align is a located error" "$(cat "$W/out")"

# ---- figures ----------------------------------------------------------
mkdir -p "$K/fig/images" "$K/outside"
python3 - "$K/fig/images/map.png" <<'PY'
import sys, zlib, struct
w, h = 400, 300
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
raw = b''.join(b'\0' + b''.join(bytes([200, 30, 30, 150 if (x - 200) ** 2 + (y - 150) ** 2 < 130 ** 2 else 0]) for x in range(w)) for y in range(h))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw)) + chunk(b'IEND', b''))
PY
pdftoppm -jpeg -r 40 -f 1 -l 1 "$K/t.pdf" "$K/fig/images/plant"
mv "$K/fig/images/plant-1.jpg" "$K/fig/images/plant.jpg" 2>/dev/null || mv "$K/fig/images/plant-01.jpg" "$K/fig/images/plant.jpg"
cp "$K/fig/images/map.png" "$K/outside/secret.png"
cp "$ROOT/samples/stories/images/interconnector.svg" "$K/fig/images/route.svg"
head -c 2000 "$K/fig/images/map.png" >"$K/fig/images/cut.png"
figs='<figure src="images/route.svg" alt="A route map"><caption>A vector map.</caption></figure>
<figure src="images/plant.jpg" alt="The plant from the north" credit="Photo: Nordlys Grid"><caption>The plant in winter.</caption></figure>
<figure src="images/map.png" alt="A red circle"><caption>A translucent map.</caption></figure>'
bstory "$K/fig/f.xml" "" "<p>Before the figures.</p>$figs<p>After the figures.</p>"
"$BIN" render -q "$K/fig/f.xml" -o "$K/fig/f.pdf" 2>"$W/err" || no "figures: render" "$(cat "$W/err")"
pdfimages -list "$K/fig/f.pdf" 2>/dev/null | awk 'NR > 2 { print $3, $9 }' >"$W/imgs"
[ "$(cat "$W/imgs" | tr '\n' ' ')" = "image jpeg image image smask image " ] &&
	ok "figures: the JPEG passed through, the PNG with its alpha as a soft mask" ||
	no "figures: the JPEG passed through, the PNG with its alpha as a soft mask" "$(cat "$W/imgs" | tr '\n' ' ')"
pdfimages -list "$K/fig/f.pdf" 2>/dev/null | awk '$3 == "image" && $4 == 400 { print $13 }' | grep -qx 150 &&
	ok "figures: a small picture is not enlarged past 150 dpi" || no "figures: a small picture is not enlarged past 150 dpi" "$(pdfimages -list "$K/fig/f.pdf" 2>&1)"
t=$(pdftotext "$K/fig/f.pdf" - 2>/dev/null | tr -s ' \n' '  ')
case $t in *"Photo: Nordlys Grid The plant in winter."*"A translucent map. After the figures."*)
	ok "figures: credit and caption under their pictures, in order" ;;
*)	no "figures: credit and caption under their pictures, in order" "$t" ;; esac
# Tagged: each picture a Figure with its alt text, lists and callouts in
# the structure text.
/usr/bin/python3 - "$K/fig/f.pdf" >"$W/figalt" 2>&1 <<'PY'
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
alts = []
def walk(e):
    e = e.get_object()
    if e.get("/S") == "/Figure" and "/Alt" in e:
        alts.append(str(e["/Alt"]))
    k = e.get("/K")
    for c in (k if isinstance(k, list) else [k] if k is not None else []):
        c = c.get_object() if hasattr(c, "get_object") else c
        if isinstance(c, dict) and "/S" in c:
            walk(c)
walk(r.trailer["/Root"]["/StructTreeRoot"])
print("|".join(a for a in alts if a in ("The plant from the north", "A red circle")))
PY
[ "$(cat "$W/figalt")" = "The plant from the north|A red circle" ] && ok "figures: tagged as Figures with their alt text" ||
	no "figures: tagged as Figures with their alt text" "$(cat "$W/figalt")"
"$BIN" render -q "$ROOT/samples/weekly.xml" -o "$W/wk-tags.pdf"
pdfinfo -struct-text "$W/wk-tags.pdf" 2>/dev/null | tr -s ' \n' '  ' >"$W/wk-struct"
grep -q 'LI (block) Lbl (block) "•" LBody (block) "Watch the deposit' "$W/wk-struct" &&
	grep -q "The interconnector will very likely be approved" "$W/wk-struct" &&
	ok "lists (L, LI, Lbl, LBody) and callouts are in the structure tree" ||
	no "lists and callouts in the structure tree" "$(grep -o 'BOTTOM LINE.\{0,200\}' "$W/wk-struct")"
"$BIN" render -q "$K/fig/f.xml" -o "$K/fig/f-{p}.png" --dpi 30 2>"$W/err" && ok "figures: the PNG preview draws them" ||
	no "figures: the PNG preview draws them" "$(cat "$W/err")"
bstory "$K/fig/bad.xml" "" '<figure src="images/nosuch.jpg" alt="a"/>
<figure src="../outside/secret.png" alt="b"/>
<figure src="images/cut.png" alt="c"/>
<figure src="bad.xml" alt="d"/>
<figure src="images/map.png"/>'
(cd "$K/fig" && "$BIN" check bad.xml >"$W/out" 2>&1); st=$?
sed 's/: error: .*cannot be used: \(.\{0,28\}\).*/: \1/' "$W/out" >"$W/got"
cat >"$W/want" <<'TXT'
bad.xml:6:9: No such file or directory
bad.xml:7:9: it is outside the input's fo
bad.xml:8:9: the PNG is damaged (cut shor
bad.xml:9:9: it is not a PNG or JPEG imag
TXT
if grep -q "^bad.xml:10:1: error: .*alt" "$W/out" && grep -v "^bad.xml:10:\|checked" "$W/got" | cmp -s - "$W/want"; then
	ok "figures: missing, outside, damaged, not a picture and no alt are located errors"
else
	no "figures: missing, outside, damaged, not a picture and no alt are located errors" "$(cat "$W/out")"
fi

# ---- notes ------------------------------------------------------------
fill=""
for i in $(seq 1 34); do fill="$fill<p>Filler paragraph $i, which takes a line or two of the page and says very little at all.</p>"; done
bstory "$K/n.xml" "" "<p>Demand rose 40%<note>Operator's forecast, September 2026.</note> in a year, and the letter<note>Letter of 3 September 2026.</note> asks for more.</p>$fill<list><item>An item with a note<note>The third note.</note> in it.</item></list><callout title=\"Bottom line\"><p>A callout note<note>The fourth note.</note>.</p></callout>"
"$BIN" render -q "$K/n.xml" -o "$K/n.pdf" 2>"$W/err" || no "notes: render" "$(cat "$W/err")"
np=$(pdfinfo "$K/n.pdf" 2>/dev/null | sed -n 's/^Pages: *//p')
bad=""
for spec in "40%¹:^ *1 Operator’s forecast" "letter²:^ *2 Letter of 3 September" "note³ in it:^ *3 The third note" "note⁴\.:^ *4 The fourth note"; do
	ref=${spec%%:*}; body=${spec#*:}
	pr=""; pn=""
	for p in $(seq 1 "$np"); do
		pdftotext -f "$p" -l "$p" "$K/n.pdf" - 2>/dev/null >"$W/pg"
		grep -q "$ref" "$W/pg" && pr=$p
		grep -q "$body" "$W/pg" && pn=$p
	done
	[ -n "$pr" ] && [ "$pr" = "$pn" ] || bad="$bad [$ref: reference on $pr, note on $pn]"
done
[ -z "$bad" ] && [ "$np" -ge 2 ] && ok "notes: four notes, each at the foot of its reference's page ($np pages)" ||
	no "notes: four notes, each at the foot of its reference's page" "pages=$np$bad"
# The notes sit under the text, above the footer, in a smaller type.
pdftotext -bbox -f 1 -l 1 "$K/n.pdf" - 2>/dev/null >"$W/bb"
y_note=$(grep '>Operator’s<' "$W/bb" | sed 's/.*yMin="\([0-9.]*\)".*/\1/')
y_text=$(grep '>Filler<' "$W/bb" | tail -1 | sed 's/.*yMin="\([0-9.]*\)".*/\1/')
awk -v n="$y_note" -v t="$y_text" 'BEGIN { exit !(n > t + 10) }' &&
	ok "notes: below the page's last line of text" || no "notes: below the page's last line of text" "note=$y_note text=$y_text"
"$BIN" render --dump=model "$K/n.xml" 2>/dev/null | grep -q "^      note 2 @6: Letter of 3 September 2026.$" &&
	ok "notes: numbered in the model dump" || no "notes: numbered in the model dump"
bstory "$K/ne.xml" "" '<p>x<note> </note></p>'
"$BIN" check "$K/ne.xml" >"$W/out" 2>&1
grep -q "ne.xml:6:5: error: note 1 is empty" "$W/out" && ok "notes: an empty note is a located error" || no "notes: an empty note is a located error" "$(cat "$W/out")"
printf '<?xml version="1.0"?>\n<story id="x">\n  <title>T<note>no</note></title>\n  <overview><point>P</point></overview>\n</story>\n' >"$K/nt.xml"
"$BIN" check "$K/nt.xml" >"$W/out" 2>&1
grep -q "nt.xml:3:11: error: <note> cannot stand in <title>: it belongs in <p> or <item>" "$W/out" && ok "notes: only in paragraphs and list items (a located error elsewhere)" ||
	no "notes: only in paragraphs and list items (a located error elsewhere)" "$(cat "$W/out")"

# ---- sub and sup ------------------------------------------------------
bstory "$K/ss.xml" "" '<p>Emissions of CO<sub>2</sub> per m<sup>2</sup>, 10<sup>-6</sup>, the 1<sup>st</sup> and x<sub>i,j</sub> here.</p>'
"$BIN" render -q "$K/ss.xml" -o "$K/ss.pdf" 2>"$W/err"
t=$(pdftotext "$K/ss.pdf" - 2>/dev/null | tr -s ' \n' '  ')
case $t in *"Emissions of CO₂ per m², 10⁻⁶, the 1st and xi,j here."*) ok "sub and sup: raised and lowered digits and signs, letters with no such form in the text layer as written" ;;
*) no "sub and sup: raised and lowered digits and signs, letters with no such form in the text layer as written" "$t" ;; esac
[ -s "$W/err" ] && no "sub and sup: no warning" "$(cat "$W/err")" || ok "sub and sup: no warning"
# 'st' and 'i,j' have no Unicode forms: set smaller, 'st' above the line's
# baseline and 'i,j' below it (read back with MuPDF: size and baseline y).
mutool draw -q -F stext -o "$K/ss.stext" "$K/ss.pdf" 2>/dev/null
/usr/bin/python3 - "$K/ss.stext" >"$W/ss.out" <<'PY'
import re, sys
s = open(sys.argv[1], encoding="utf-8").read()
size = None
chars = []
for m in re.finditer(r'<font name="[^"]*" size="([0-9.]+)"|<char [^>]*y="([0-9.]+)"[^>]*c="([^"]*)"', s):
    if m.group(1):
        size = float(m.group(1))
    else:
        chars.append((m.group(3), float(m.group(2)), size))
want = list("the 1st and xi,j here")
i = next(k for k in range(len(chars)) if [c for c, _, _ in chars[k:k + len(want)]] == want)
base, body = chars[i][1], chars[i][2]
st = chars[i + 5:i + 7]
ij = chars[i + 13:i + 16]
print("ok" if "".join(c for c, _, _ in st) == "st" and "".join(c for c, _, _ in ij) == "i,j"
      and all(sz < body * 0.8 and y < base - 1 for _, y, sz in st)
      and all(sz < body * 0.8 and y > base + 0.5 for _, y, sz in ij) else
      "bad %r %r %r" % (chars[i], st, ij))
PY
grep -qx ok "$W/ss.out" && ok "sub and sup: letters with no such form are set smaller, raised or lowered (MuPDF's sizes and baselines)" \
	|| no "sub and sup: letters set smaller, raised or lowered" "$(cat "$W/ss.out")"
printf '<?xml version="1.0"?>\n<story id="b1" category="markets" date="2026-03-01">\n  <title>Blocks</title>\n  <overview><point>The 1<sup>st</sup> of x<sub>i</sub> and m<sup>2</sup>.</point></overview>\n</story>\n' >"$K/ssm.xml"
"$BIN" mail "$K/ssm.xml" --to a@example.com --from b@example.com --eml "$K/ssm.eml" 2>"$W/err"
/usr/bin/python3 -c '
import email, sys
from email import policy
m = email.message_from_binary_file(open(sys.argv[1], "rb"), policy=policy.default)
parts = {p.get_content_type(): p.get_content() for p in m.walk() if p.get_content_maintype() == "text"}
print("ok" if "The 1<sup>st</sup> of x<sub>i</sub> and m²." in parts["text/html"] and "The 1st of xi and m²." in parts["text/plain"] else "bad")
' "$K/ssm.eml" 2>&1 | grep -qx ok && ok "sub and sup: the mail HTML marks them <sup> and <sub>, the text keeps them as written" \
	|| no "sub and sup in the mail" "$(cat "$W/err")"

# ---- all of them in one story: the PNG preview draws what the PDF does --
bstory "$K/fig/all.xml" "" "<p>Demand rose<note>First note.</note> fast.</p>$figs<list><item>One<note>Second note.</note>.</item></list><list type=\"number\"><item>Two.</item></list><callout title=\"Bottom line\"><p>Boxed<note>Third note.</note>.</p></callout><table><title>Output by plant</title><tr><th>Plant</th><th>Output (GWh)</th><th>Share</th></tr>$rows</table>"
"$BIN" render -q "$K/fig/all.xml" -o "$K/fig/all.pdf" 2>"$W/err" || no "all blocks: render" "$(cat "$W/err")"
"$BIN" render -q "$K/fig/all.xml" -o "$K/fig/prev-{p}.png" --dpi 72 2>"$W/err"
pdftoppm -r 72 -png "$K/fig/all.pdf" "$K/fig/ref" 2>/dev/null
np=0; bad=""
for f in "$K"/fig/ref-*.png; do
	p=$(basename "$f" .png | sed 's/^ref-0*//')
	np=$((np + 1))
	"$B/pngdiff" "$K/fig/prev-$p.png" "$f" 6 0.005 >"$W/pd" 2>&1 || bad="$bad page $p: $(cat "$W/pd")"
done
[ "$np" -ge 3 ] && [ -z "$bad" ] && ok "all blocks: the Cairo preview matches pdftoppm on all $np pages" ||
	no "all blocks: the Cairo preview matches pdftoppm" "$np pages;$bad"
