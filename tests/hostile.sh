# tests/hostile.sh: hostile input and faults, round two (sourced by
# tests/run.sh, which defines ok, no, check, expect, BIN, W, T, ROOT).
# Every file opened on behalf of an input is bounded, regular and inside
# the input's folder; positions cost the same on minified files; nothing
# is lost or overwritten.  Commands that once hung run under `timeout`,
# whose limit is far above what they take: it turns a hang into a
# failure instead of a stuck suite, it measures nothing.

H=$W/hostile2
mkdir -p "$H/in/sub" "$H/out"
story() {	# id, extra attributes of <story>, extra content
	printf '<?xml version="1.0"?>\n<story id="%s"%s>\n  <title>A title</title>\n  <overview><point>One point.</point></overview>\n%s</story>\n' "$1" "$2" "$3"
}

# The output is never an input.
story s1 "" "" >"$H/in/s.xml"
cp "$H/in/s.xml" "$H/in/s.orig"
expect "render -o INPUT is refused" 2 "briefing: error: refusing to write $H/in/s.xml: it is the input $H/in/s.xml; name another output with -o" \
    "$BIN" render "$H/in/s.xml" -o "$H/in/s.xml" -q
check "render -o INPUT: the source is intact" cmp "$H/in/s.xml" "$H/in/s.orig"
ln -s s.xml "$H/in/alias.xml"
expect "render -o LINK-TO-INPUT is refused" 2 "" "$BIN" render "$H/in/s.xml" -o "$H/in/alias.xml" -q
check "render -o LINK-TO-INPUT: the source is intact" cmp "$H/in/s.xml" "$H/in/s.orig"
rm "$H/in/alias.xml"
expect "watch -o - is refused" 2 "briefing: error: watch writes a file, not standard output (its status lines go there): name one with -o
briefing: try 'briefing --help' for more information" "$BIN" watch "$H/in/s.xml" -o -

# xml:base is not part of the vocabulary and never opens anything.
story s2 ' xml:base="/dev/zero"' "" >"$H/in/base.xml"
timeout 20 "$BIN" check "$H/in/base.xml" >"$W/out" 2>&1; st=$?
[ $st -eq 1 ] && grep -q "base.xml:2:16: error: unknown attribute xml:base= on <story>" "$W/out" \
	&& ok "xml:base is refused by the schema, with its place, and opens nothing" || no "xml:base" "status $st: $(cat "$W/out")"

# A device named on the command line is read to the limit, no further.
timeout 60 "$BIN" check /dev/zero >"$W/out" 2>&1; st=$?
[ $st -eq 1 ] && grep -q "^/dev/zero: error: cannot read: it is larger than the limit of 32 MiB" "$W/out" \
	&& ok "check /dev/zero: the size limit, not endless reading" || no "check /dev/zero" "status $st: $(cat "$W/out")"
cat "$H/in/s.xml" | "$BIN" check /dev/stdin >"$W/out" 2>&1 \
	&& ok "an input read from a pipe (/dev/stdin)" || no "/dev/stdin" "$(cat "$W/out")"

# Minified inputs: every place found without scanning the line again.
python3 - "$H" <<'EOF'
import sys
h = sys.argv[1]
ev = ''.join('<event date="2020-01-%02d">Event %d happened.</event>' % (i % 28 + 1, i) for i in range(5000))
open(h + '/in/min-events.xml', 'w').write('<?xml version="1.0"?><story id="m"><title>Minified</title><overview><point>One.</point></overview><timeline>' + ev + '</timeline></story>')
sec = ''.join('<section><title>S%d</title><p>Para %d.</p></section>' % (i, i) for i in range(20000))
# The last value is not a number: its column must be exact.
open(h + '/in/min-sections.xml', 'w').write('<?xml version="1.0"?><story id="m"><title>Minified</title><overview><point>One.</point></overview><analysis>' + sec + '<section><title>T</title><chart type="bar"><title>C</title><series name="s"><value label="a">1</value><value label="b">x2</value></series></chart></section></analysis></story>')
EOF
timeout 60 "$BIN" check "$H/in/min-events.xml" >"$W/out" 2>&1 \
	&& ok "5,000 timeline events on one line check" || no "minified events" "$(tail -3 "$W/out")"
col=$(python3 -c "import sys; s=open(sys.argv[1]).read(); print(s.index('<value label=\"b\"')+1)" "$H/in/min-sections.xml")
timeout 60 "$BIN" check "$H/in/min-sections.xml" >"$W/out" 2>&1
grep -q "min-sections.xml:1:$col: error: chart value 'x2' is not a number" "$W/out" \
	&& ok "20,000 sections on one line: checked, the error at its exact column" || no "minified sections" "$(tail -3 "$W/out")"

# Includes: bounded, regular, inside the folder, read by briefing itself.
inc() {	# name, include element(s)
	printf '<?xml version="1.0"?>\n<briefing xmlns:xi="http://www.w3.org/2001/XInclude" title="T">\n  %s\n</briefing>\n' "$2" >"$H/in/$1"
}
story inner "" "" >"$H/in/sub/inner.xml"
mkfifo "$H/in/fifo.xml"
inc fifo-inc.xml '<xi:include href="fifo.xml"/>'
timeout 20 "$BIN" check "$H/in/fifo-inc.xml" >"$W/out" 2>&1; st=$?
[ $st -eq 1 ] && grep -q "fifo-inc.xml:3:3: error: cannot include 'fifo.xml': it is not a regular file" "$W/out" \
	&& ok "an include naming a FIFO is refused, not waited on" || no "include FIFO" "status $st: $(cat "$W/out")"
ln -s /etc/hostname "$H/in/outside.xml"
inc link-out.xml '<xi:include href="outside.xml"/>'
expect "an include through a link to outside the folder is refused" 1 "" "$BIN" check "$H/in/link-out.xml"
grep -q "link-out.xml:3:3: error: cannot include 'outside.xml': it is outside the input's folder" "$W/out" "$W/err" \
	&& ok "the link's refusal is located" || no "link refusal" "$(cat "$W/out" "$W/err")"
ln -s sub/inner.xml "$H/in/inside.xml"
inc link-in.xml '<xi:include href="inside.xml"/>'
expect "an include through a link inside the folder works" 0 "" "$BIN" check "$H/in/link-in.xml"
printf '<?xml version="1.0"?>\n<!DOCTYPE story SYSTEM "http://example.com/x.dtd">\n<story id="d"><title>T</title><overview><point>P</point></overview></story>\n' >"$H/in/sub/dtd.xml"
inc dtd-inc.xml '<xi:include href="sub/dtd.xml"/>'
expect "an included file's DOCTYPE is refused at its place" 1 "" "$BIN" check "$H/in/dtd-inc.xml"
grep -q "sub/dtd.xml:2:1: error: document type declarations are not allowed" "$W/out" \
	&& ok "the included DOCTYPE: its file, line and column" || no "included DOCTYPE" "$(cat "$W/out")"
inc loop.xml '<xi:include href="loop.xml"/>'
expect "an include loop is an error" 1 "" "$BIN" check "$H/in/loop.xml"
grep -q "loop.xml:3:3: error: cannot include .*loop.xml: it is already being included" "$W/out" \
	&& ok "the include loop is located" || no "include loop" "$(cat "$W/out")"
inc fallback.xml '<xi:include href="sub/missing.xml"><xi:fallback><xi:include href="sub/inner.xml"/></xi:fallback></xi:include>'
expect "a missing file's fallback stands in" 0 "" "$BIN" check "$H/in/fallback.xml"
inc fallback-out.xml '<xi:include href="/etc/hostname"><xi:fallback><xi:include href="sub/inner.xml"/></xi:fallback></xi:include>
  <xi:include href="sub/inner.xml"/>'
expect "a refused include is an error even with a fallback" 1 "" "$BIN" check "$H/in/fallback-out.xml"
python3 -c "import sys; open(sys.argv[1], 'w').write('word ' * 800000)" "$H/in/big.txt"
story t1 "" '  <analysis><section><title>S</title><p xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="big.txt" parse="text"/></p></section></analysis>
' >"$H/in/text-inc.xml"
# Read whole (its length is counted) in linear time, then refused as a
# paragraph longer than a paragraph may be.
timeout 60 "$BIN" check "$H/in/text-inc.xml" >"$W/out" 2>&1
grep -q "text-inc.xml:5:38: error: this text is 3999999 characters long" "$W/out" \
	&& ok "a 4 MB text include is read whole, in linear time" || no "text include" "$(tail -c 300 "$W/out")"
printf 'fine line\nbad \377 byte\n' >"$H/in/latin.txt"
story t2 "" '  <analysis><section><title>S</title><p xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="latin.txt" parse="text"/></p></section></analysis>
' >"$H/in/text-bad.xml"
expect "a text include that is not UTF-8" 1 "" "$BIN" check "$H/in/text-bad.xml"
grep -q "latin.txt:2:5: error: not UTF-8 text; name its encoding" "$W/out" \
	&& ok "the bad byte of a text include is located" || no "text include encoding" "$(cat "$W/out")"
sed 's/parse="text"/parse="text" encoding="ISO-8859-1"/' "$H/in/text-bad.xml" >"$H/in/text-latin.xml"
expect "a text include in a named encoding" 0 "" "$BIN" check "$H/in/text-latin.xml"

# A layout named in the input: beside the input, inside its folder.
cp "$ROOT/layouts/letter.xml" "$H/in/sub/lay.xml"
cp "$ROOT/layouts/logo.png" "$H/in/sub/"
story l1 ' layout="sub/lay.xml"' "" >"$H/in/lay-rel.xml"
(cd / && "$BIN" render "$H/in/lay-rel.xml" -o "$H/out/l.pdf" -q) && pdfinfo "$H/out/l.pdf" 2>/dev/null | grep -q "612 x 792" \
	&& ok "layout=\"sub/lay.xml\" is found beside the input, wherever the command runs" || no "relative layout"
story l2 ' layout="/dev/zero"' "" >"$H/in/lay-zero.xml"
timeout 20 "$BIN" check "$H/in/lay-zero.xml" >"$W/out" 2>&1; st=$?
[ $st -eq 1 ] && grep -q "^/dev/zero: error: cannot read the layout: it is" "$W/out" \
	&& ok "layout=\"/dev/zero\" is refused, not read" || no "layout /dev/zero" "status $st: $(cat "$W/out")"
story l3 ' layout="../../lay.xml"' "" >"$H/in/lay-out.xml"
cp "$ROOT/layouts/a4.xml" "$W/lay.xml"
expect "a layout outside the input's folder is refused" 1 "" "$BIN" check "$H/in/lay-out.xml"

# Writing: permissions kept, links written through, page sets whole.
S=$ROOT/samples/openai-aws.xml
"$BIN" render "$S" -o "$H/out/mode.pdf" -q && chmod 640 "$H/out/mode.pdf"
"$BIN" render "$S" -o "$H/out/mode.pdf" -q
[ "$(stat -c %a "$H/out/mode.pdf")" = 640 ] && ok "an existing PDF keeps its permissions" || no "mode kept" "$(stat -c %a "$H/out/mode.pdf")"
ln -s mode.pdf "$H/out/link.pdf"
"$BIN" render "$S" -o "$H/out/link.pdf" -q
[ -L "$H/out/link.pdf" ] && cmp -s "$H/out/mode.pdf" "$W/demo.pdf" \
	&& ok "an output that is a link is written through it" || no "output link"
"$BIN" render "$S" -o "$H/out/p{p}-of-{p}.png" --dpi 20 -q
[ -e "$H/out/p3-of-3.png" ] && ok "every {p} of a PNG name is the page number" || no "{p} twice" "$(ls "$H/out")"
# (the edition: its PDF is larger than a pipe's 64 KB buffer; the seed's no longer is)
("$BIN" render "$ROOT/samples/weekly.xml" -o - -q 2>"$W/err"; echo $? >"$W/st") | head -c 10 >/dev/null
[ "$(cat "$W/st")" -eq 3 ] && grep -q "standard output: it was closed" "$W/err" \
	&& ok "-o - into a closed pipe: exit 3, said so" || no "closed pipe" "status $(cat "$W/st"): $(cat "$W/err")"
python3 "$T/gen_long.py" 600 >"$H/in/long.xml" 2>/dev/null || cp "$S" "$H/in/long.xml"
for delay in 0.05 0.1 0.2 0.3 0.5; do
	"$BIN" render "$H/in/long.xml" -o "$H/out/sig.pdf" -q 2>/dev/null &
	p=$!; sleep $delay; kill -TERM $p 2>/dev/null; wait $p 2>/dev/null
done
ls -a "$H/out" | grep -q '^\.sig\.pdf\.' && no "temporary files left after SIGTERM" "$(ls -a "$H/out")" \
	|| ok "SIGTERM mid-render leaves no temporary file"

# Numbers and strings the PDF could not carry are located errors.
story n1 "" '  <analysis><section><title>S</title><chart type="stacked-bar"><title>Overflow</title>
    <series name="a"><value label="x">1e308</value></series><series name="b"><value label="x">-1e308</value></series>
    <series name="c"><value label="x">1e-320</value></series></chart></section></analysis>
' >"$H/in/huge.xml"
expect "chart values beyond what can be drawn are errors" 1 "" "$BIN" check "$H/in/huge.xml"
[ "$(grep -c "is too large to draw" "$W/out")" -eq 2 ] && grep -q "huge.xml:7:[0-9]*: error: chart value '1e-320' is too small to draw" "$W/out" \
	&& ok "1e308, -1e308 and 1e-320: each located" || no "huge values" "$(cat "$W/out")"
long=$(python3 -c "print('L' * 65536)")
story n2 "" "  <analysis><section><title>$long</title><p>x</p></section></analysis>
" >"$H/in/long-title.xml"
expect "a 65,536-byte section title: render refuses it" 1 "" "$BIN" render "$H/in/long-title.xml" -o "$H/out/lt.pdf" -q
grep -q "long-title.xml:5:[0-9]*: error: the section title is 65536 bytes long; a PDF title or bookmark holds at most 32767" "$W/err" \
	&& ok "the over-long title is located (render)" || no "long title render" "$(cat "$W/err")"
expect "a 65,536-byte section title: check refuses it too" 1 "" "$BIN" check "$H/in/long-title.xml"
story n3 "" '  <sources><source href="https://exa mple.com/">spaces</source><source href="https:///x">no host</source>
    <source href="https://b&#xfc;cher.example/&#xe9;t&#xe9;">umlaut</source></sources>
' >"$H/in/hrefs.xml"
expect "hrefs with spaces or without a host are errors" 1 "" "$BIN" check "$H/in/hrefs.xml"
[ "$(grep -c "is not an http or https address with a host" "$W/out")" -eq 2 ] && ok "each bad href located" || no "bad hrefs" "$(cat "$W/out")"
story n4 "" '  <sources><source href="https://b&#xfc;cher.example/&#xe9;t&#xe9;">umlaut</source></sources>
' >"$H/in/href-utf8.xml"
"$BIN" render "$H/in/href-utf8.xml" -o "$H/out/u.pdf" -q 2>/dev/null
qpdf --json "$H/out/u.pdf" | grep -q '"/URI": "u:https://b%C3%BCcher.example/%C3%A9t%C3%A9"' \
	&& ok "a non-ASCII link target is percent-encoded in /URI" || no "URI encoding" "$(qpdf --json "$H/out/u.pdf" | grep /URI)"

# The environment and the command line, checked alike by every command.
for cmd in render check; do
	expect "$cmd: a SOURCE_DATE_EPOCH out of range is a usage error" 2 \
	    "briefing: error: SOURCE_DATE_EPOCH='99999999999999' is not a time: give whole seconds since 1970, from 0 to 253402300799 (the end of 9999)" \
	    env SOURCE_DATE_EPOCH=99999999999999 "$BIN" $cmd "$S" -o "$H/out/e.pdf"
done
expect "--layout naming no layout is a usage error" 2 "briefing: error: no layout 'a5' (known: a4, letter; or give a path to a layout file)" \
    "$BIN" render "$S" --layout a5 -o "$H/out/a5.pdf"

# watch: a folder removed and made again (a checkout), a modification time
# in the future, and a SIGBUS (a mapped font cut short) are all survived.
WH=$H/watch
wlog() { n=$(grep -c "pages in [0-9]* ms" "$WH/log" 2>/dev/null); echo "${n:-0}"; }
wwait() { i=0; while [ "$(wlog)" -lt "$1" ] && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done; [ "$(wlog)" -ge "$1" ]; }
mkdir -p "$WH/d"
story w1 "" "" >"$WH/d/s.xml"
(cd "$WH" && exec "$BIN" watch d/s.xml -o out.pdf >log 2>&1) &
WPID=$!
wwait 1 || no "watch (hostile): first build" "$(cat "$WH/log")"
rm -r "$WH/d"
i=0; while ! grep -q "build failed" "$WH/log" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
mkdir "$WH/d"
story w1 "" "" | sed 's/A title/Back again/' >"$WH/d/s.xml"
wwait 2 && i=0; while ! pdftotext "$WH/out.pdf" - 2>/dev/null | grep -q "Back again" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
pdftotext "$WH/out.pdf" - 2>/dev/null | grep -q "Back again" \
	&& ok "watch: the input's folder removed and made again is watched again" || no "watch: folder recreated" "$(cat "$WH/log")"
# The builds the folder's return set off must all be done first: wait
# until the count holds still for two seconds.
n=$(wlog); i=0
while [ $i -lt 30 ]; do sleep 2; [ "$(wlog)" -eq "$n" ] && break; n=$(wlog); i=$((i + 1)); done
touch -d "2035-01-01" "$WH/d/s.xml"
wwait $((n + 1)); sleep 1.5
[ "$(wlog)" -eq $((n + 1)) ] && ok "watch: a modification time in the future makes one build" || no "watch: future mtime" "$(wlog) builds after $n"
n=$(wlog)
kill -BUS $WPID
i=0; while ! grep -q "starting again" "$WH/log" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
wwait $((n + 1)) && kill -0 $WPID 2>/dev/null \
	&& ok "watch: a SIGBUS restarts the watcher, which builds and goes on" || no "watch: SIGBUS" "$(cat "$WH/log")"
story w1 "" "" | sed 's/A title/After the restart/' >"$WH/d/s.xml"
i=0; while ! pdftotext "$WH/out.pdf" - 2>/dev/null | grep -q "After the restart" && [ $i -lt 600 ]; do sleep 0.1; i=$((i + 1)); done
pdftotext "$WH/out.pdf" - 2>/dev/null | grep -q "After the restart" \
	&& ok "watch: after the restart, a save rebuilds" || no "watch: after SIGBUS" "$(cat "$WH/log")"
kill -INT $WPID; wait $WPID

# A face missing from the installation is said, not replaced by another.
mkdir -p "$H/data/fonts"
cp -r "$ROOT/layouts" "$H/data/"
cp "$ROOT"/fonts/*.ttf "$H/data/fonts/"
rm "$H/data/fonts/NotoSerif-Regular.ttf"
expect "the regular body face missing: exit 3, said" 3 "" env BRIEFING_DATA="$H/data" "$BIN" render "$S" -o "$H/out/nobody.pdf"
grep -q "^briefing: error: no regular face of Noto Serif is among the fonts (the style 'body' would be set in" "$W/err" \
	&& [ ! -e "$H/out/nobody.pdf" ] && ok "the missing face is named, and no PDF is written" || no "missing body face" "$(cat "$W/err")"

# Words of 65,000 characters (no break anywhere), five paragraphs of
# them: char-wrapped in linear time (it was quadratic: Pango shaped the
# rest of the word again for every line, 200,000 characters took 21 s),
# every character kept, nothing added.  A longer block of text is a
# located error: past about 2 million points of unbroken width Pango
# silently stops breaking lines.
{
	printf '<?xml version="1.0"?>\n<story id="lw">\n  <title>T</title>\n  <overview><point>One.</point></overview>\n'
	printf '  <analysis><section><title>S</title>\n'
	for k in 1 2 3 4 5; do
		printf '<p>Before <a href="https://e.example/">'
		python3 -c "print('x' * 65000, end='')"
		printf '</a> after.</p>\n'
	done
	printf '</section></analysis>\n</story>\n'
} >"$H/in/lw.xml"
if timeout 60 "$BIN" render "$H/in/lw.xml" -o "$H/out/lw.pdf" -q 2>"$H/err"; then
	pdftotext "$H/out/lw.pdf" - 2>/dev/null >"$H/lw.txt"
	nx=$(tr -cd 'x' <"$H/lw.txt" | wc -c)
	[ "$nx" -eq 325000 ] && ! grep -q "$(printf '\342\200\213')" "$H/lw.txt" \
		&& [ "$(grep -c "Before" "$H/lw.txt")" -eq 5 ] && grep -q "after\." "$H/lw.txt" \
		&& ok "65,000-character words are laid out in linear time, every character kept" \
		|| no "65,000-character words" "$nx x's"
else
	no "65,000-character words" "status $? $(head -3 "$H/err")"
fi
python3 -c "print('<?xml version=\"1.0\"?>\n<story id=\"lt\">\n  <title>T</title>\n  <overview><point>One.</point></overview>\n  <analysis><section><title>S</title>\n    <p>' + 'word ' * 14000 + '</p></section></analysis>\n</story>')" >"$H/in/lt.xml"
msg="$H/in/lt.xml:6:5: error: this text is 69999 characters long; a paragraph or any other block of text holds at most 65536 (split it into paragraphs)"
expect "render: a paragraph of 70,000 characters is a located error" 1 "$msg" "$BIN" render "$H/in/lt.xml"
expect "check: the same error" 1 "" "$BIN" check "$H/in/lt.xml"
grep -qxF "$msg" "$W/out" && ok "check: the same message" || no "check: long paragraph message" "$(cat "$W/out")"

# Twenty thousand ties among three players: the diagram draws the first
# of each pair and lists the rest in words, in linear time (each tie once
# looked for its counterpart among all the others, and each label among
# all the labels placed: 65 s).
python3 -c "
pl = ''.join('<player id=\"%s\" name=\"%s\" stance=\"gains\">r</player>' % (c, c.upper()) for c in 'abc')
rel = ''.join('<relation from=\"%s\" to=\"%s\">l%d</relation>' % ('abc'[i % 3], 'abc'[(i + 1) % 3], i) for i in range(20000))
print('<?xml version=\"1.0\"?>\n<story id=\"t\"><title>T</title><overview><point>P.</point></overview><power-map>' + pl + rel + '</power-map></story>')
" >"$H/in/ties.xml"
if timeout 60 "$BIN" render "$H/in/ties.xml" -o "$H/out/ties.pdf" -q 2>"$H/err"; then
	n=$(pdftotext "$H/out/ties.pdf" - 2>/dev/null | grep -cE '^[ABC] to [ABC]: l[0-9]+$')
	[ "$n" -eq 19997 ] && ok "20,000 ties: three drawn, the rest listed, in linear time" ||
	    no "20,000 ties" "$n listed"
else
	no "20,000 ties" "status $? $(head -3 "$H/err")"
fi

# Charts: labels found by hash (a 50,000-value line chart took 34 s), and
# the table of series by labels bounded: 10,000 labels draw, one more or
# a 65th series is a located error.
chart() {	# type, number of labels, number of series
	python3 -c "
import sys
t, n, m = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
vals = ''.join('<value label=\"v%d\">%d</value>' % (i, i) for i in range(n))
ser = ''.join('<series name=\"s%d\">%s</series>' % (k, vals) for k in range(m))
print('<?xml version=\"1.0\"?>\n<story id=\"c\"><title>T</title><overview><point>P.</point></overview>'
      '<analysis><section><title>S</title>\n<chart type=\"%s\"><title>C</title>%s</chart></section></analysis></story>' % (t, ser))
" "$@"
}
chart line 10000 2 >"$H/in/c1.xml"
chart bar 10000 1 >"$H/in/c2.xml"
timeout 60 "$BIN" render "$H/in/c1.xml" -o "$H/out/c1.pdf" -q 2>"$H/err" &&
    timeout 60 "$BIN" render "$H/in/c2.xml" -o "$H/out/c2.pdf" -q 2>>"$H/err" &&
    ok "charts of 10,000 labels draw, in linear time" || no "10,000-label charts" "$(head -3 "$H/err")"
chart bar 10001 1 >"$H/in/c3.xml"
expect "a chart of 10,001 labels is a located error" 1 "" "$BIN" check "$H/in/c3.xml"
grep -q "c3.xml:3:[0-9]*: error: a chart holds at most 10000 different labels; this is one more" "$W/out" &&
    ok "the label past the limit is located" || no "10,001 labels" "$(cat "$W/out")"
chart line 1 65 >"$H/in/c4.xml"
expect "a chart of 65 series is a located error" 1 "" "$BIN" check "$H/in/c4.xml"
grep -q "c4.xml:3:[0-9]*: error: a chart holds at most 64 series; this is the 65th" "$W/out" &&
    ok "the 65th series is located" || no "65 series" "$(cat "$W/out")"

# An element with 50,000 attributes: refused before libxml2 2.9 checks
# them for duplicates in quadratic time (3 s; a 32 MiB file, hours).
python3 -c "print('<?xml version=\"1.0\"?>\n<story id=\"s\" ' + ' '.join('a%d=\"x\"' % i for i in range(50000)) + '><title>T</title><overview><point>P.</point></overview></story>')" >"$H/in/attrs.xml"
expect "50,000 attributes: refused, located" 1 "" timeout 60 "$BIN" check "$H/in/attrs.xml"
grep -qxF "$H/in/attrs.xml:2:1: error: this element has more than 64 attributes; no element of a briefing needs so many" "$W/out" \
	&& ok "the crowded element is named" || no "50,000 attributes" "$(cat "$W/out")"

# Combining marks: 30 in a row are fine, one more is a located error, in
# the story and in a text include alike (60,000 on one letter kept
# HarfBuzz's normalizer busy for 9 s).
marks() { python3 -c "import sys; sys.stdout.write('a' + '\u0301' * int(sys.argv[1]))" "$1"; }
story m1 "" "  <analysis><section><title>S</title><p>ok $(marks 30) ok</p></section></analysis>
" >"$H/in/marks-ok.xml"
expect "30 combining marks on a letter are fine" 0 "" "$BIN" check "$H/in/marks-ok.xml"
story m2 "" "  <analysis><section><title>S</title><p>x $(marks 60000) y</p></section></analysis>
" >"$H/in/marks.xml"
expect "60,000 combining marks: a located error" 1 "" timeout 60 "$BIN" check "$H/in/marks.xml"
grep -qxF "$H/in/marks.xml:5:74: error: more than 30 combining marks in a row on one character (Unicode's stream-safe limit)" "$W/out" \
	&& ok "the 31st mark is located" || no "combining marks" "$(cat "$W/out")"
{ printf 'line one\nab'; marks 40; } >"$H/in/marks.txt"
story m3 "" '  <analysis><section><title>S</title><p xmlns:xi="http://www.w3.org/2001/XInclude"><xi:include href="marks.txt" parse="text"/></p></section></analysis>
' >"$H/in/marks-inc.xml"
expect "combining marks in a text include: a located error" 1 "" "$BIN" check "$H/in/marks-inc.xml"
grep -qF "$H/in/marks.txt:2:34: error: more than 30 combining marks" "$W/out" \
	&& ok "the mark is located in the included text" || no "marks in text include" "$(cat "$W/out")"

# The page limit holds for an edition as a whole, not only story by story
# (an edition of 3,000 two-page stories made 6,001 pages).
python3 -c "
ps = '<p>w</p>' * 104000
st = lambda i: '<story id=\"s%d\"><title>T%d</title><overview><point>P.</point></overview><analysis><section><title>S</title>%s</section></analysis></story>' % (i, i, ps)
print('<?xml version=\"1.0\"?>\n<briefing title=\"B\">\n' + st(1) + '\n' + st(2) + '\n</briefing>')
" >"$H/in/pages.xml"
expect "an edition over 5,000 pages is an error at the story that crosses the limit" 1 \
    "$H/in/pages.xml:4:1: error: with this story the edition would be longer than 5000 pages, the most briefing makes" \
    "$BIN" render "$H/in/pages.xml" -o "$H/out/pages.pdf"
[ ! -e "$H/out/pages.pdf" ] && ok "and no PDF is written" || no "page limit: a PDF was written"
