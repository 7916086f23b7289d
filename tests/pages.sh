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
