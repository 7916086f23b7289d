#!/bin/sh
# Rebuilds the faces in fonts/ from Debian 12 packages, cut to what a
# briefing needs, so the PDF embeds little: libharu keeps each face's cmap,
# hmtx, loca, post and name tables whole, so every glyph kept costs bytes in
# every PDF that uses the face.  Reproducible: the same packages give the
# same files.  Needs fonts-noto-core, fonts-dejavu-core and
# python3-fonttools (Debian's fontTools.subset).
#
#   Noto Serif / Noto Sans (7 faces)  Latin-1, Latin Extended-A, punctuation,
#                                      currency, letterlike symbols
#   NotoSansExtra-Regular.ttf          the rest of Latin, Greek, Cyrillic and
#                                      combining marks, as family "Noto Sans
#                                      Extra": a fallback embedded only when a
#                                      briefing uses those characters
#   DejaVuSans-Symbols.ttf             arrows, maths, shapes and dingbats
set -eu
src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
out=$(dirname "$0")
py=/usr/bin/python3
core="U+0020-007E,U+00A0-017F,U+0192,U+0218-021B,U+02C6-02C7,U+02D8-02DD,\
U+2000-206F,U+20A0-20CF,U+2100-214F,U+2212"
extra="U+0180-024F,U+0250-02FF,U+0300-036F,U+0370-03FF,U+0400-04FF,\
U+1E00-1EFF,U+2070-209F"
common="--no-hinting --desubroutinize --no-glyph-names --notdef-outline \
--recalc-bounds --name-IDs=0,1,2,3,4,5,6,13,14 --name-languages=0x409"
for face in NotoSerif-Regular NotoSerif-Italic NotoSerif-Bold NotoSerif-BoldItalic \
            NotoSans-Regular NotoSans-Bold NotoSans-Italic; do
	# shellcheck disable=SC2086
	$py -m fontTools.subset "$src/$face.ttf" --unicodes="$core" \
		--layout-features='kern,mark,mkmk,ccmp,locl' $common \
		--output-file="$out/$face.ttf"
done
# shellcheck disable=SC2086
$py -m fontTools.subset "$src/NotoSans-Regular.ttf" --unicodes="$extra" \
	--layout-features='kern,mark,mkmk,ccmp,locl' $common \
	--output-file="$out/NotoSansExtra-Regular.ttf"
# Its own family name, so that it serves only as a fallback.
$py - "$out/NotoSansExtra-Regular.ttf" <<'PY'
import sys
from fontTools.ttLib import TTFont
f = TTFont(sys.argv[1], recalcTimestamp=False)
for rec in f["name"].names:
    if rec.nameID in (1, 4, 6, 16):
        s = rec.toUnicode()
        rec.string = s.replace("Noto Sans", "Noto Sans Extra").replace("NotoSans", "NotoSansExtra")
f.save(sys.argv[1])
PY
# shellcheck disable=SC2086
$py -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
	--unicodes="U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+2B00-2BFF" \
	--layout-features='' $common --output-file="$out/DejaVuSans-Symbols.ttf"
