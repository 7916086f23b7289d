# tests/pages.sh: page craft (sourced by tests/run.sh, which defines ok,
# no, check, expect, BIN, W, T, ROOT): no empty metadata, sections that
# share pages, nothing cut off.
P=$W/pages
mkdir -p "$P"
ptext() { pdftotext -layout "$1" - 2>/dev/null; }
pcount() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Pages: *//p'; }

# Empty or zero metadata is not printed.
cat >"$P/meta.xml" <<'XML'
<?xml version="1.0"?>
<story id="meta" category="Tech" date="2026-04-28">
  <title>Metadata that says nothing</title>
  <overview><point>One point.</point></overview>
  <power-map>
    <player id="a" name="Alpha Corp" stance="gains">Leads.</player>
    <player id="b" name="Beta Holdings" stance="loses"> </player>
  </power-map>
  <voices>
    <post author="@zero" platform="X" score="0">A post nobody scored.</post>
    <post author="@zerof" platform="X" score="0.0">Another.</post>
    <post author="@some" platform="Reddit" score="12">A scored post.</post>
  </voices>
</story>
XML
"$BIN" render "$P/meta.xml" -o "$P/meta.pdf" -q
ptext "$P/meta.pdf" >"$P/meta.txt"
! grep -q "score 0" "$P/meta.txt" && grep -q "score 12" "$P/meta.txt" \
	&& ok "pages: a zero score is not printed, a real one is" \
	|| no "pages: zero score" "$(grep score "$P/meta.txt")"

# Sections follow each other: a story filling two thirds of a page (three
# points, two paragraphs, a three-event timeline) is one page.
"$BIN" render "$T/fixtures/short.xml" -o "$P/short.pdf" -q
[ "$(pcount "$P/short.pdf")" = 1 ] && ptext "$P/short.pdf" | grep -q "DEEP ANALYSIS" \
	&& ptext "$P/short.pdf" | grep -q "Share sale priced" \
	&& ok "pages: a two-thirds-page story with analysis and timeline is one page" \
	|| no "pages: short story" "$(pcount "$P/short.pdf") pages"

# A layout may start a section kind on a new page.
sed 's|^\( *\)<families |\1<break before="timeline"/>\n\1<families |' "$ROOT/layouts/a4.xml" >"$P/breaks.xml"
"$BIN" render "$T/fixtures/short.xml" --layout "$P/breaks.xml" -o "$P/short2.pdf" -q
[ "$(pcount "$P/short2.pdf")" = 2 ] && pdftotext -f 2 -l 2 "$P/short2.pdf" - 2>/dev/null | grep -q "^TIMELINE" \
	&& ok "pages: <break before=\"timeline\"/> starts the timeline on a new page" \
	|| no "pages: break before timeline" "$(pcount "$P/short2.pdf") pages"
sed 's|^\( *\)<families |\1<break before="chapter"/>\n\1<families |' "$ROOT/layouts/a4.xml" >"$P/badbreak.xml"
"$BIN" render "$T/fixtures/short.xml" --layout "$P/badbreak.xml" -o "$P/short3.pdf" -q 2>"$P/err"; st=$?
[ "$st" = 1 ] && grep -q "badbreak.xml:[0-9]*:[0-9]*: error: before=\"chapter\" is not allowed; use analysis" "$P/err" \
	&& ok "pages: an unknown section in <break before> is a located error" \
	|| no "pages: bad break" "exit $st: $(cat "$P/err")"

# A power map's roster that runs onto the next page goes under a heading.
"$BIN" render "$ROOT/samples/openai-aws.xml" -o "$P/seed.pdf" -q
ptext "$P/seed.pdf" >"$P/seed.txt"
n=$(pdfinfo "$P/seed.pdf" | sed -n 's/^Pages: *//p');
for p in $(seq 2 "$n"); do
	pdftotext -f "$p" -l "$p" "$P/seed.pdf" - 2>/dev/null >"$P/pg.txt"
	if grep -q "^POWER MAP$" "$P/pg.txt"; then pm=$p; fi
done
pdftotext -f $((pm + 1)) -l $((pm + 1)) "$P/seed.pdf" - 2>/dev/null | grep -q "POWER MAP (CONTINUED)" \
	&& ok "pages: the power-map roster continues under \"Power map (continued)\"" \
	|| no "pages: power map continued" "power map on page ${pm:-none}"

# Nothing cut off: no ellipsis the source does not have, in the seed and
# the sample edition; the key-players strip wraps a long name.
"$BIN" render "$ROOT/samples/weekly.xml" -o "$P/weekly.pdf" -q
for f in seed weekly; do
	n=$(ptext "$P/$f.pdf" | grep -c "…")
	[ "$n" = 0 ] && ok "pages: no ellipsis in the $f PDF" || no "pages: ellipsis in $f" "$(ptext "$P/$f.pdf" | grep "…" | head -3)"
done
pdftotext -f 1 -l 1 "$P/seed.pdf" - 2>/dev/null | grep -A1 "^Antitrust regulators (US,$" | grep -q "^UK, EU)$" \
	&& ok "pages: the key-players strip wraps a long name whole" \
	|| no "pages: players strip" "$(pdftotext -f 1 -l 1 "$P/seed.pdf" - 2>/dev/null | grep -A2 Antitrust)"

# The running footer: <title short>, else the whole title when it fits,
# else the category and date.
foot() {	# title element, category attribute
	printf '<?xml version="1.0"?>\n<story id="f" %s date="2026-05-04">\n  %s\n  <overview><point>One point.</point></overview>\n</story>\n' "$2" "$1"
}
long="A very long headline about a merger between two regional carriers that regulators in three countries must now approve"
foot "<title>$long</title>" 'category="Markets"' >"$P/f1.xml"
foot "<title short=\"Carriers merge, pending approval\">$long</title>" 'category="Markets"' >"$P/f2.xml"
foot "<title>Carriers merge</title>" 'category="Markets"' >"$P/f3.xml"
for i in 1 2 3; do "$BIN" render "$P/f$i.xml" -o "$P/f$i.pdf" -q; done
ptext "$P/f1.pdf" | grep -q "^ *Markets · 4 May 2026  *page 1 of 1" \
	&& ok "pages: a title too long for the footer gives way to category and date" \
	|| no "pages: footer long title" "$(ptext "$P/f1.pdf" | grep "page 1 of")"
ptext "$P/f2.pdf" | grep -q "^ *Carriers merge, pending approval  *page 1 of 1" \
	&& ok "pages: the footer uses <title short>" \
	|| no "pages: footer short title" "$(ptext "$P/f2.pdf" | grep "page 1 of")"
ptext "$P/f3.pdf" | grep -q "^ *Carriers merge  *page 1 of 1" \
	&& ok "pages: the footer prints a title that fits" \
	|| no "pages: footer title" "$(ptext "$P/f3.pdf" | grep "page 1 of")"

# Timeline: events on one day share a marker ("3–4"); a long empty
# stretch is cut out of the axis (its years are not all labelled).
"$BIN" render "$T/fixtures/sameday.xml" -o "$P/sameday.pdf" -q
ptext "$P/sameday.pdf" >"$P/sameday.txt"
grep -q "3–4" "$P/sameday.txt" && ! grep -qE "(^| )(2020|2022|2024)( |$)" "$P/sameday.txt" \
	&& grep -q "Story date" "$P/sameday.txt" \
	&& ok "pages: same-day events share a marker, the empty years are cut from the axis" \
	|| no "pages: timeline axis" "$(head -20 "$P/sameday.txt")"

# The power map's subject box prints a long subject whole (it widens).
subj="The regional grid operator's decision on whether data-centre campuses that commit first, with financial security, should be connected first, and what that means for the queue of speculative requests behind them"
printf '<?xml version="1.0"?>\n<story id="s"><title>Subject</title><overview><point>One.</point></overview>\n<power-map subject="%s"><player id="a" name="Alpha" stance="gains">A.</player><player id="b" name="Beta" stance="loses">B.</player><relation from="a" to="b">sues</relation></power-map></story>\n' "$subj" >"$P/subj.xml"
"$BIN" render "$P/subj.xml" -o "$P/subj.pdf" -q
ptext "$P/subj.pdf" | tr -s ' \n' '  ' | grep -q "queue of speculative requests behind them" \
	&& ok "pages: a long power-map subject is printed whole" \
	|| no "pages: power-map subject" "$(ptext "$P/subj.pdf" | grep -i -A3 "regional")"

# A running header too long for its line wraps instead of being cut.
htitle="The weekly briefing for the executive committee, the board's risk and audit subcommittees and the regional managing directors"
printf '<?xml version="1.0"?>\n<briefing title="%s" date="2026-09-18">\n<story id="a" date="2026-09-14"><title>One</title><overview><point>A point.</point></overview>\n<analysis><section><title>More</title><p>%s</p></section></analysis></story>\n</briefing>\n' "$htitle" "$(printf 'A sentence that fills the page. %.0s' $(seq 260))" >"$P/header.xml"
"$BIN" render "$P/header.xml" -o "$P/header.pdf" -q
n=$(pcount "$P/header.pdf")
pdftotext -f "$n" -l "$n" "$P/header.pdf" - 2>/dev/null | tr '\n' ' ' | grep -qi "regional managing directors" \
	&& ! ptext "$P/header.pdf" | grep -q "…" \
	&& ok "pages: a long running header wraps, whole" \
	|| no "pages: long header" "$(pdftotext -f "$n" -l "$n" "$P/header.pdf" - 2>/dev/null | head -3)"

# Charts cut nothing: a category label too long for its column wraps (its
# row grows), a line's end label wraps; no ellipsis in the text.
"$BIN" render "$T/fixtures/long-labels.xml" -o "$P/ll.pdf" -q
pdftotext "$P/ll.pdf" - 2>/dev/null | tr '\n' ' ' >"$P/ll.txt"
! grep -q "…" "$P/ll.txt" && grep -q "Tensor Processing Unit capacity reservation" "$P/ll.txt" \
	&& grep -q "OpenAI to Microsoft under the 2030 cap" "$P/ll.txt" \
	&& ok "pages: long chart labels wrap whole, no ellipsis" || no "pages: chart labels cut" "$(cat "$P/ll.txt")"
