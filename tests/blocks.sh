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
