# tests/diag.sh: diagnostics that teach (sourced by tests/run.sh, which
# defines ok, no, check, expect, BIN, W, T, ROOT, UPDATE).  Every mistake
# of tests/mistakes/ is answered at its line and column with what is
# allowed there (golden NAME.err), in words of our own, never libxml2's.

D=$W/diag
mkdir -p "$D"
MK=$T/mistakes

# ---- the corpus: each mistake's exact diagnostics ----------------------
n=0; bad=""
for f in "$MK"/*.xml; do
	m=$(basename "$f" .xml)
	n=$((n + 1))
	(cd "$MK" && "$BIN" check --format short "$m.xml" >"$D/$m.out" 2>&1; echo "exit $?" >>"$D/$m.out")
	if [ "$UPDATE" = "--update" ]; then cp "$D/$m.out" "$MK/$m.err"; fi
	if ! diff -u "$MK/$m.err" "$D/$m.out" >"$D/diff" 2>&1; then
		no "mistakes/$m.xml diagnostics" "$(cat "$D/diff")"; bad=1
	fi
done
[ "$n" -ge 25 ] && [ -z "$bad" ] && ok "mistakes: $n realistic mistakes, each answered exactly (golden .err)" \
	|| no "mistakes corpus" "$n files"

# Each answer is located (line and column at least 1) and says what is
# allowed or what to write instead.
bad=""
for f in "$MK"/*.err; do
	m=$(basename "$f" .err)
	grep -v '^exit \|checked:' "$f" | grep -qv "^$m.xml:[1-9][0-9]*:[1-9][0-9]*: error: " && bad="$bad $m"
	grep -v '^exit \|checked:' "$f" | grep -q . || bad="$bad $m(nothing)"
	grep -Eq "allowed|use |did you mean|must|write|needs|cannot|wrap|never closed|closes nothing|does not close|not a valid|remove|add it|keep one|type " "$f" \
		|| bad="$bad $m(no advice)"
done
[ -z "$bad" ] && ok "mistakes: every diagnostic at LINE:COL >= 1, with advice" || no "mistakes located" "$bad"

# No libxml2 wording anywhere: check (every format), render, and the
# broken inputs of tests/bad.
for f in "$MK"/*.xml "$T"/bad/*.xml; do
	(cd "$(dirname "$f")" && "$BIN" check --format text "$(basename "$f")"
	 "$BIN" check --format json "$(basename "$f")"
	 "$BIN" render "$(basename "$f")" -o "$D/x.pdf") >>"$D/all" 2>&1
done
if grep -En "xmlParse|xmlRelaxNG|Relax-?NG|parser error|Opening and ending tag|Premature end|Extra content at|Did not expect|failed to validate|Invalid attribute|extra content|Expecting|EntityRef|StartTag|AttValue|Specification mandates|attributes construct|Couldn't find|not proper UTF-8|Sequence '\]\]>'|Double hyphen|Comment not terminated|Element [a-z-]* |Datatype|ID [a-z]|error parsing" "$D/all" >"$D/libxml"; then
	no "no libxml2 wording in any diagnostic" "$(head -5 "$D/libxml")"
else
	ok "no libxml2 wording in any diagnostic ($(grep -c ': error: ' "$D/all") errors read)"
fi

# JSON: real places on every diagnostic of the corpus.
(cd "$MK" && "$BIN" check --format json ./*.xml >"$D/all.json")
python3 - "$D/all.json" <<'EOF' >"$D/json.out" 2>&1 && ok "check --format json: line >= 1 and column >= 1 on all $(cat "$D/json.out") diagnostics of the corpus" || no "json places" "$(cat "$D/json.out")"
import json, sys
j = json.load(open(sys.argv[1]))
d = j["diagnostics"]
bad = [x for x in d if x["line"] < 1 or x["column"] < 1 or not x["file"]]
assert not bad and len(d) >= 25 and j["errors"] == len(d), bad
print(len(d))
EOF

# render prints what check prints.
bad=""
for f in "$MK"/*.xml; do
	m=$(basename "$f" .xml)
	(cd "$MK" && "$BIN" render "$m.xml" -o "$D/r.pdf" 2>"$D/r.err" >/dev/null)
	grep -v '^exit \|checked:' "$MK/$m.err" | cmp -s - "$D/r.err" || bad="$bad $m"
done
[ -z "$bad" ] && ok "render prints the same diagnostics as check" || no "render vs check" "$bad"

# A schema error does not hide the checks of the rest of the file.
grep -q "event-no-date-and-bad-dates.xml:3:25: error: story date '2026-02-30' is not a valid date" "$MK/event-no-date-and-bad-dates.err" \
	&& grep -q "chart value '12O' is not a number" "$MK/event-no-date-and-bad-dates.err" \
	&& grep -q "needs the attribute date" "$MK/event-no-date-and-bad-dates.err" \
	&& ok "a schema error and the date and number checks, all at once" || no "all errors at once"

# ---- the terminal: the line and a caret; colour only on a terminal -----
(cd "$MK" && "$BIN" check --format text chart-type-pie.xml >"$D/text")
printf '%s\n' 'chart-type-pie.xml:14:20: error: type="pie" is not allowed; use bar, stacked-bar or line' \
	'    14 |       <chart type="pie" unit="TEU k">' \
	'       |                    ^' '1 file checked: 1 error, 0 warnings' >"$D/want"
diff -u "$D/want" "$D/text" >"$D/diff" && ok "--format text: the source line with a caret under the column" \
	|| no "caret" "$(cat "$D/diff")"
(cd "$MK" && "$BIN" check bold-b.xml >"$D/short")
[ "$(wc -l <"$D/short")" -eq 2 ] && ! grep -q '\^' "$D/short" && ! grep -q "$(printf '\033')" "$D/short" \
	&& ok "not on a terminal: one line per diagnostic, no colour" || no "short by default" "$(cat "$D/short")"
if command -v script >/dev/null 2>&1; then
	(cd "$MK" && script -qc "$BIN check bold-b.xml" /dev/null >"$D/tty" 2>&1)
	(cd "$MK" && NO_COLOR=1 script -qc "$BIN check bold-b.xml" /dev/null >"$D/nocolor" 2>&1)
	grep -q "$(printf '\033')\[1;31merror:" "$D/tty" && grep -q '\^' "$D/tty" \
		&& ! grep -q "$(printf '\033')" "$D/nocolor" && grep -q '     |' "$D/nocolor" \
		&& ok "on a terminal: source lines, in colour unless NO_COLOR is set" \
		|| no "terminal output" "$(cat -v "$D/tty" "$D/nocolor")"
fi
printf '<story id="t">\n\t<title>\tTab\t\345\244\247\345\255\246 <b>x</b></title>\n<overview><point>p</point></overview>\n</story>\n' >"$D/wide.xml"
"$BIN" check --format text "$D/wide.xml" | sed -n 3p >"$D/caret"
[ "$(cat "$D/caret")" = "$(printf '       | \t       \t   \t     ^')" ] \
	&& ok "the caret keeps its column past tabs and wide characters" || no "caret alignment" "$(cat -A "$D/caret")"
expect "--format takes text, short or json" 2 "briefing: error: --format takes 'text', 'short' or 'json', not 'xml'
briefing: try 'briefing --help' for more information" "$BIN" check --format xml "$MK/bold-b.xml"

# ---- a layout's mistakes, from its own schema ---------------------------
sed 's/<colors>/<colours>/; s/<\/colors>/<\/colours>/' "$ROOT/layouts/a4.xml" >"$D/layout.xml"
"$BIN" check --layout "$D/layout.xml" "$MK/../fixtures/links.xml" >"$D/lay" 2>&1
grep -q "layout.xml:[0-9]*:[0-9]*: error: unknown element <colours> in <layout>: did you mean <colors>?" "$D/lay" \
	&& ok "layouts: a misspelt element, with did-you-mean" || no "layout mistake" "$(cat "$D/lay")"

# ---- many errors: the check stops after 50 ----------------------------
{ echo '<story id="m"><title>t</title><overview>'
  i=0; while [ $i -lt 200 ]; do echo '<pointt>x</pointt>'; i=$((i + 1)); done
  echo '</overview></story>'; } >"$D/many.xml"
"$BIN" check "$D/many.xml" >"$D/many" 2>&1; st=$?
[ $st -eq 1 ] && [ "$(grep -c ': error: ' "$D/many")" -eq 51 ] && grep -q "the check stopped after 50" "$D/many" \
	&& ok "200 unknown elements: 50 errors, then one saying the check stopped" || no "error cap" "$(tail -3 "$D/many")"

# ---- the tables come from the schema, and only from it -----------------
B0=$(dirname "$BIN")
printf '<grammar xmlns="http://relaxng.org/ns/structure/1.0"><start><element name="a"><list><text/></list></element></start></grammar>\n' >"$D/odd.rng"
"$B0/gen/rnggen" "odd:$D/odd.rng" >/dev/null 2>"$D/gen.err"; st=$?
[ $st -eq 1 ] && grep -q "odd.rng:1: <list> is not supported by the diagnostics tables" "$D/gen.err" \
	&& ok "rnggen refuses a pattern its tables cannot say (the build stops)" || no "rnggen refusal" "status $st: $(cat "$D/gen.err")"
grep -q '{ "chart", NULL, story_e[0-9]*_a, 2,' "$B0/gen/rngtab.c" && grep -q '"gains", "loses", "mixed", "neutral", NULL' "$B0/gen/rngtab.c" \
	&& ok "rngtab.c holds the schema's elements and values" || no "generated tables"

# ---- briefing schema, briefing new --------------------------------------
"$BIN" schema >"$D/story.rng" && cmp -s "$D/story.rng" "$ROOT/src/read/schema/story.rng" \
	&& "$BIN" schema layout | cmp -s - "$ROOT/src/read/schema/layout.rng" \
	&& ok "briefing schema [story|layout] prints the schema, byte for byte" || no "schema command"
expect "schema: a wrong name, with did-you-mean" 2 "briefing: error: no schema 'layot': did you mean 'layout'? (story or layout)
briefing: try 'briefing --help' for more information" "$BIN" schema layot
bad=""
for s in "$ROOT"/samples/*.xml "$ROOT"/samples/stories/*.xml; do
	sed -n 2p "$s" | grep -q '^<?xml-model href="[./]*src/read/schema/story.rng" schematypens="http://relaxng.org/ns/structure/1.0"?>$' \
		&& [ -e "$(dirname "$s")/$(sed -n 2p "$s" | sed 's/.*href="\([^"]*\)".*/\1/')" ] || bad="$bad $s"
done
[ -z "$bad" ] && ok "the samples name the schema in an <?xml-model?> that resolves" || no "xml-model" "$bad"
mkdir -p "$D/new"
(cd "$D/new" && "$BIN" new story.xml >/dev/null && "$BIN" check story.xml >"$D/new.out" 2>&1) \
	&& grep -q "0 errors, 0 warnings" "$D/new.out" && grep -q '<story id="story"' "$D/new/story.xml" \
	&& ok "new story.xml: a skeleton that passes check" || no "new story" "$(cat "$D/new.out")"
(cd "$D/new" && "$BIN" new --edition weekly.xml >/dev/null && "$BIN" render -q weekly.xml 2>"$D/new.err") \
	&& [ -s "$D/new/weekly.pdf" ] && grep -q '^<briefing ' "$D/new/weekly.xml" \
	&& ok "new --edition weekly.xml: an edition that renders" || no "new edition" "$(cat "$D/new.err")"
echo "kept" >"$D/new/keep.xml"
expect "new never writes over a file" 2 "briefing: error: keep.xml already exists; new never writes over a file: name another
briefing: try 'briefing --help' for more information" sh -c "cd '$D/new' && '$BIN' new keep.xml"
[ "$(cat "$D/new/keep.xml")" = "kept" ] && ok "the existing file is untouched" || no "new overwrote"
(cd "$D/new" && SOURCE_DATE_EPOCH=0 "$BIN" new --edition e1.xml >/dev/null && SOURCE_DATE_EPOCH=0 "$BIN" new --edition e2.xml >/dev/null)
sed 's/e1\.xml/F/g' "$D/new/e1.xml" | cmp -s - "$(sed 's/e2\.xml/F/g' "$D/new/e2.xml" >"$D/e2"; echo "$D/e2")" && grep -q 'date="1970-01-01"' "$D/new/e1.xml" \
	&& ok "new is deterministic under SOURCE_DATE_EPOCH" || no "new deterministic"
"$BIN" help new | grep -q "^usage: briefing new \[--edition\] FILE.xml" && "$BIN" help schema | grep -q "^usage: briefing schema \[story|layout\]" \
	&& "$BIN" --help | grep -q "^  schema " && ok "help documents new and schema" || no "help new/schema"

# A control character from the input (C1 CSI, U+009B) never reaches the
# terminal: '?' in the message, in the source line too.
printf '<story id="a"><title>t</title><overview><point>x</point></overview><power-map><player id="p" name="n" stance="win\302\23331m">r</player></power-map></story>\n' >"$D/csi.xml"
"$BIN" check --format text "$D/csi.xml" >"$D/csi" 2>&1
grep -q 'stance="win?31m" is not allowed' "$D/csi" && ! grep -q "$(printf '\302\233')" "$D/csi" \
	&& ok "control characters of the input are printed as '?'" || no "control characters" "$(cat -A "$D/csi")"
