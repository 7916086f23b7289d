# tests/svg.sh: SVG figures drawn as vector paths, and photos downsampled
# to 300 dpi at their placed size (issue 16).  Sourced by tests/run.sh
# after blocks.sh (which defines bstory and made $K/fig/all.pdf, the
# story of the issue's "Done when").

V=$W/svg
mkdir -p "$V/images" "$V/outside"
cp "$ROOT/samples/stories/images/interconnector.svg" "$V/images/map.svg"
pdfops() {	# PDF, page: "operator count" lines of the page's content
	/usr/bin/python3 - "$1" "$2" <<'PY'
import sys, collections, pypdf
from pypdf.generic import ContentStream
r = pypdf.PdfReader(sys.argv[1])
p = r.pages[int(sys.argv[2]) - 1]
ops = ContentStream(p.get_contents(), r).operations
c = collections.Counter(op.decode() for _, op in ops)
for k in sorted(c): print(k, c[k])
for o, op in ops:	# stroke colours and dashes, rounded
    if op in (b'RG', b'd'):
        print(op.decode(), " ".join("%.2f" % float(x) if not isinstance(x, list) else
            "[" + " ".join("%.1f" % float(y) for y in x) + "]" for x in o))
PY
}
nops() { awk -v k="$2" '$1 == k { print $2; f = 1 } END { if (!f) print 0 }' "$1"; }

# ---- the "Done when" story: only the two rasters are images -----------
n=$(pdfimages -list "$K/fig/all.pdf" 2>/dev/null | awk 'NR > 2 && $3 == "image"' | wc -l)
[ "$n" -eq 2 ] && ok "svg: the table/JPEG/PNG/SVG/lists/notes/callout story: pdfimages lists only the JPEG and the PNG" ||
	no "svg: the Done-when story lists only the two rasters" "$(pdfimages -list "$K/fig/all.pdf" 2>&1)"

# ---- an SVG figure's paths are in the page content --------------------
bstory "$V/s.xml" "" '<p>Before the map.</p><figure src="images/map.svg" alt="A map of the route" credit="Map: test"><caption>The route.</caption></figure><p>After the map.</p>'
bstory "$V/n.xml" "" '<p>Before the map.</p><p>After the map.</p>'
"$BIN" render -q "$V/s.xml" -o "$V/s.pdf" 2>"$W/err" || no "svg: render" "$(cat "$W/err")"
"$BIN" render -q "$V/n.xml" -o "$V/n.pdf"
pdfops "$V/s.pdf" 1 >"$V/s.ops"; pdfops "$V/n.pdf" 1 >"$V/n.ops"
[ "$(pdfimages -list "$V/s.pdf" 2>/dev/null | awk 'NR > 2' | wc -l)" -eq 0 ] &&
	ok "svg: no raster in the PDF for an SVG figure" || no "svg: no raster" "$(pdfimages -list "$V/s.pdf" 2>&1)"
c1=$(nops "$V/s.ops" c); c0=$(nops "$V/n.ops" c); f1=$(nops "$V/s.ops" f); s1=$(nops "$V/s.ops" S)
[ "$((c1 - c0))" -ge 500 ] && [ "$f1" -ge 10 ] && [ "$s1" -ge 10 ] &&
	ok "svg: the map's curves, fills and strokes are page content ($((c1 - c0)) curves more)" ||
	no "svg: paths in the page" "curves $c0 -> $c1, fills $f1, strokes $s1"
grep -q "^RG 0.78 0.06 0.18$" "$V/s.ops" && grep -q "^d \[[0-9.]* [0-9.]*\] 0.00$" "$V/s.ops" &&
	[ "$(nops "$V/s.ops" 'f*')" -ge 1 ] && [ "$(nops "$V/s.ops" gs)" -ge 1 ] &&
	ok "svg: the route's red dashed stroke, the lake's even-odd fill and translucency reach the PDF" ||
	no "svg: colours, dashes, even-odd, alpha" "$(grep -v '^[a-zA-Z*]* [0-9]*$' "$V/s.ops" | tr '\n' ';') f*=$(nops "$V/s.ops" 'f*')"
# Scaled to the text width: the dump's paths of the map span the measure.
"$BIN" render --dump=dl "$V/s.xml" 2>/dev/null >"$V/s.dl"
"$BIN" render --dump=dl "$V/n.xml" 2>/dev/null | awk '$1 == "path" && / stroke=/' | head -1 >"$V/rule"
w=$(awk '$1 == "path" && / fill=dde9f1ff / { n = split($0, a, " "); x0 = 1e9; x1 = -1e9
	for (i = 1; i <= n; i++) if (a[i] ~ /^[0-9.]+,[0-9.]+$/) { split(a[i], p, ","); if (p[1] < x0) x0 = p[1]; if (p[1] > x1) x1 = p[1] }
	printf "%.1f", x1 - x0; exit }' "$V/s.dl")
tw=$(awk '{ n = split($0, a, " "); x0 = 1e9; x1 = -1e9
	for (i = 1; i <= n; i++) if (a[i] ~ /^[0-9.]+,[0-9.]+$/) { split(a[i], p, ","); if (p[1] < x0) x0 = p[1]; if (p[1] > x1) x1 = p[1] }
	printf "%.1f", x1 - x0 }' "$V/rule")
[ -n "$w" ] && [ "$w" = "$tw" ] && ok "svg: scaled to the text width ($w pt)" || no "svg: scaled to the text width" "map $w, measure $tw"
previews_match "$V/s.xml" "$V/s.pdf" "$V/"
[ "$np" -eq 1 ] && [ -z "$bad" ] && ok "svg: the PNG preview of the map's page matches the PDF" || no "svg: preview matches" "$np pages;$bad"
SOURCE_DATE_EPOCH=1790000000 "$BIN" render -q "$V/s.xml" -o "$V/d1.pdf"
SOURCE_DATE_EPOCH=1790000000 "$BIN" render -q "$V/s.xml" -o "$V/d2.pdf"
check "svg: the same SVG gives the same PDF, byte for byte" cmp "$V/d1.pdf" "$V/d2.pdf"
"$BIN" render --dump=model "$V/s.xml" 2>/dev/null | grep -q "figure images/map.svg 600x330 svg alt=A map of the route" &&
	ok "svg: the model dump names the SVG and its size" || no "svg: model dump" "$("$BIN" render --dump=model "$V/s.xml" 2>&1 | grep figure)"

# ---- SVGs that cannot be carried as vectors: located errors -----------
printf 'this is not an SVG\n' >"$V/images/corrupt.svg"
svgf() { printf '<svg xmlns="http://www.w3.org/2000/svg" width="100" height="50">%s</svg>\n' "$2" >"$V/images/$1"; }
svgf grad.svg '<defs><linearGradient id="g"><stop offset="0" stop-color="red"/><stop offset="1" stop-color="blue"/></linearGradient></defs><rect width="100" height="50" fill="url(#g)"/>'
svgf blur.svg '<filter id="b"><feGaussianBlur stdDeviation="2"/></filter><rect x="10" y="10" width="20" height="20" filter="url(#b)"/>'
svgf clip.svg '<clipPath id="c"><circle cx="20" cy="20" r="10"/></clipPath><rect width="40" height="40" clip-path="url(#c)"/>'
svgf spill.svg '<rect x="50" y="10" width="200" height="20" fill="red"/>'
svgf mask.svg '<mask id="m"><rect width="50" height="50" fill="white"/></mask><rect width="40" height="40" mask="url(#m)"/>'
printf '<svg xmlns="http://www.w3.org/2000/svg"><rect width="10" height="10"/></svg>\n' >"$V/images/nosize.svg"
svgf empty.svg '<rect width="10" height="10" fill="none"/>'
cp "$V/images/map.svg" "$V/outside/map.svg"
bstory "$V/bad.xml" "" '<figure src="images/corrupt.svg" alt="a"/>
<figure src="images/grad.svg" alt="b"/>
<figure src="images/blur.svg" alt="c"/>
<figure src="images/clip.svg" alt="d"/>
<figure src="images/spill.svg" alt="e"/>
<figure src="images/mask.svg" alt="f"/>
<figure src="images/nosize.svg" alt="g"/>
<figure src="../outside/map.svg" alt="h"/>
<figure src="images/nosuch.svg" alt="i"/>
<figure src="images/empty.svg" alt="j"/>'
mkdir -p "$V/in" && mv "$V/bad.xml" "$V/in/" && rm -rf "$V/in/images" && cp -r "$V/images" "$V/in/images"
(cd "$V/in" && "$BIN" check bad.xml >"$W/out" 2>&1); st=$?
cat >"$W/want" <<'TXT'
bad.xml:6:9: error: picture 'images/corrupt.svg' cannot be used: it is not an SVG librsvg can read (XML parse error: Error domain 1 code 4 on line 1 column 1 of data: Start tag expected, '<' not found )
bad.xml:7:9: error: picture 'images/grad.svg' cannot be used: it uses a gradient (linearGradient or radialGradient), which cannot be carried as vectors; use plain colours
bad.xml:8:9: error: picture 'images/blur.svg' cannot be used: it draws a raster (an embedded <image>, a <mask>, or a filter such as a blur or a drop shadow), which cannot be carried as vectors; remove it, or use a JPEG or PNG figure
bad.xml:9:9: error: picture 'images/clip.svg' cannot be used: it has a clip path that is not a rectangle (clip-path), which cannot be carried as vectors; remove the clip or cut the shapes to it
bad.xml:10:9: error: picture 'images/spill.svg' cannot be used: it draws outside its own area (its width, height and viewBox), which would spill out of the figure; enlarge the viewBox to hold the drawing
bad.xml:11:9: error: picture 'images/mask.svg' cannot be used: it draws a raster (an embedded <image>, a <mask>, or a filter such as a blur or a drop shadow), which cannot be carried as vectors; remove it, or use a JPEG or PNG figure
bad.xml:12:9: error: picture 'images/nosize.svg' cannot be used: it has no size: give its <svg> a width and height, or a viewBox
bad.xml:15:9: error: picture 'images/empty.svg' cannot be used: it draws nothing (no visible shape)
TXT
grep "^bad.xml:\(6\|7\|8\|9\|10\|11\|12\|15\):" "$W/out" >"$W/got"
if cmp -s "$W/got" "$W/want" && [ "$st" -eq 1 ] &&
	grep -q "^bad.xml:13:9: error: picture '../outside/map.svg' cannot be used: .*outside the input's folder" "$W/out" &&
	grep -q "^bad.xml:14:9: error: picture 'images/nosuch.svg' cannot be used: .*No such file" "$W/out"; then
	ok "svg: corrupt, gradient, filter, clip, spilling, mask, sizeless, outside, missing and empty SVGs are located errors (check exits 1)"
else
	no "svg: bad SVGs are located errors" "exit $st; $(diff "$W/want" "$W/got"; grep ':1[34]:' "$W/out")"
fi
expect "svg: a bad SVG stops render with exit 1" 1 "" "$BIN" render -q "$V/in/bad.xml" -o "$V/bad.pdf"
[ -e "$V/bad.pdf" ] && no "svg: no PDF for a bad SVG" || ok "svg: no PDF for a bad SVG"

# ---- watch: an edited SVG is laid out again ---------------------------
WD=$V/watch
mkdir -p "$WD/images"
cp "$V/images/map.svg" "$WD/images/map.svg"
cp "$V/s.xml" "$WD/s.xml"
sed 's/id="b1"/id="b2"/' "$V/n.xml" >"$WD/n.xml"
printf '<?xml version="1.0"?>\n<briefing xmlns:xi="http://www.w3.org/2001/XInclude" title="SVG watch" date="2026-03-02">\n  <xi:include href="s.xml"/>\n  <xi:include href="n.xml"/>\n</briefing>\n' >"$WD/e.xml"
(cd "$WD" && exec "$BIN" watch e.xml -o out.pdf >log 2>&1) &
WPID=$!
if wait_builds 1; then
	edit "$WD/images/map.svg" 'stroke="#c8102e" stroke-width="5"' 'stroke="#009e73" stroke-width="5"'
	if wait_builds 2 && tail -1 "$WD/log" | grep -q "1 of 2 stories laid out$"; then
		for p in 1 2 3 4 5; do pdfops "$WD/out.pdf" "$p" 2>/dev/null; done | grep -q "^RG 0.00 0.62 0.45$" &&
			ok "watch: an edited SVG figure is laid out again (the cache digest sees its shapes)" ||
			no "watch: edited SVG" "$(cat "$WD/log")"
	else
		no "watch: edited SVG rebuilds" "$(cat "$WD/log")"
	fi
else
	no "watch: SVG story first build" "$(cat "$WD/log")"
fi
kill "$WPID" 2>/dev/null; wait "$WPID" 2>/dev/null

# ---- photos: downsampled to 300 dpi at their placed size ---------------
# A 4000 x 3000 photo (the map page rendered big) and a 3000 x 2000 PNG
# with alpha, both placed at the text width (about 6 inches: 1760 pixels
# at 300 dpi); the small JPEG of blocks.sh passes through untouched.
pdftoppm -jpeg -jpegopt quality=92 -scale-to-x 4000 -scale-to-y 3000 -f 1 -l 1 "$V/s.pdf" "$V/images/big"
mv "$V/images/big-1.jpg" "$V/images/big.jpg" 2>/dev/null || mv "$V/images/big-01.jpg" "$V/images/big.jpg"
python3 - "$V/images/big.png" <<'PY'
import sys, zlib, struct
w, h = 3000, 2000
def chunk(t, d): return struct.pack('>I', len(d)) + t + d + struct.pack('>I', zlib.crc32(t + d) & 0xffffffff)
rows = [b'\0' + bytes(b for x in range(w) for b in (x * 255 // w, y * 255 // 8, 120, 255 if (x // 50 + y) % 2 else 90)) for y in range(8)]
raw = b''.join(rows[(y // 100) % 8] for y in range(h))
open(sys.argv[1], 'wb').write(b'\x89PNG\r\n\x1a\n' + chunk(b'IHDR', struct.pack('>IIBBBBB', w, h, 8, 6, 0, 0, 0)) + chunk(b'IDAT', zlib.compress(raw, 6)) + chunk(b'IEND', b''))
PY
cp "$K/fig/images/plant.jpg" "$V/images/small.jpg"
bstory "$V/p.xml" "" '<figure src="images/big.jpg" alt="A big photo"/><figure src="images/small.jpg" alt="A small photo"/><figure src="images/big.png" alt="A big translucent picture"/>'
SOURCE_DATE_EPOCH=1790000000 "$BIN" render -q "$V/p.xml" -o "$V/p.pdf" 2>"$W/err" || no "photos: render" "$(cat "$W/err")"
SOURCE_DATE_EPOCH=1790000000 "$BIN" render -q "$V/p.xml" -o "$V/p2.pdf"
pdfimages -list "$V/p.pdf" 2>/dev/null | awk 'NR > 2 { print $3, $4, $5, $9, $13 }' >"$V/imgs"
"$BIN" render --dump=dl "$V/p.xml" 2>/dev/null | awk '$1 == "image" { print $5, $6 }' >"$V/placed"
want() { awk -v n="$1" 'NR == n { w = $1 / 72 * 300; h = $2 / 72 * 300; printf "%d %d", (w == int(w)) ? w : int(w) + 1, (h == int(h)) ? h : int(h) + 1 }' "$V/placed"; }
near() { awk -v a="$1" -v b="$2" -v c="$3" -v d="$4" 'BEGIN { exit !((a - c) ^ 2 <= 4 && (b - d) ^ 2 <= 4) }'; }
jw=$(awk 'NR == 1 && $4 == "jpeg" { print $2, $3 }' "$V/imgs"); pw=$(awk 'NR == 3 { print $2, $3 }' "$V/imgs")
mw=$(awk 'NR == 4 && $1 == "smask" { print $2, $3 }' "$V/imgs")
# shellcheck disable=SC2086
if [ -n "$jw" ] && near $jw $(want 1) && awk 'NR == 1 { exit !($5 >= 299 && $5 <= 301) }' "$V/imgs"; then
	ok "photos: a 4000 x 3000 JPEG at the text width is carried at 300 dpi ($jw pixels for $(want 1))"
else
	no "photos: a large JPEG is downsampled to 300 dpi" "$(cat "$V/imgs" | tr '\n' ';') want $(want 1)"
fi
# shellcheck disable=SC2086
[ -n "$pw" ] && [ -n "$mw" ] && near $pw $(want 3) && [ "$pw" = "$mw" ] &&
	ok "photos: a 3000 x 2000 PNG is carried at 300 dpi with its alpha ($pw pixels, soft mask too)" ||
	no "photos: a large PNG is downsampled with its alpha" "$(cat "$V/imgs" | tr '\n' ';') want $(want 3)"
bstory "$V/pj.xml" "" '<figure src="images/big.jpg" alt="A big photo"/>'
"$BIN" render -q "$V/pj.xml" -o "$V/pj.pdf"
big=$(wc -c <"$V/images/big.jpg"); pdf=$(wc -c <"$V/pj.pdf")
[ "$pdf" -lt $((big / 2)) ] && ok "photos: the PDF of the large photo ($pdf bytes) is much smaller than the photo ($big bytes)" ||
	no "photos: the PDF is small" "$pdf bytes for a $big-byte photo"
/usr/bin/python3 - "$V/p.pdf" "$V/images/small.jpg" >"$W/dct" 2>&1 <<'PY'
import sys, pypdf
r = pypdf.PdfReader(sys.argv[1])
want = open(sys.argv[2], 'rb').read()
found = []
for pg in r.pages:
    xo = pg["/Resources"].get("/XObject", {})
    for k in xo:
        o = xo[k].get_object()
        f = o.get("/Filter")
        if "/DCTDecode" in (f if isinstance(f, list) else [f]):
            found.append(o._data == want)
print(found)
PY
[ "$(cat "$W/dct")" = "[False, True]" ] && ok "photos: a JPEG not over 300 dpi is passed through byte for byte (the large one is not)" ||
	no "photos: small JPEG passed through" "$(cat "$W/dct")"
check "photos: the same photos give the same PDF, byte for byte" cmp "$V/p.pdf" "$V/p2.pdf"
previews_match "$V/p.xml" "$V/p.pdf" "$V/p"
[ "$np" -ge 1 ] && [ -z "$bad" ] && ok "photos: the PNG preview matches the PDF on all $np pages" || no "photos: preview matches" "$np pages;$bad"
