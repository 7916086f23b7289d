#!/bin/sh
# Rebuilds the faces in fonts/ from Debian's fonts-noto-core, cut to the
# characters a briefing needs (Latin, Greek, Cyrillic, punctuation, currency,
# arrows, maths).  Reproducible: the same Debian package gives the same files.
# Needs fonts-noto-core, fonts-dejavu-core and python3-fonttools (Debian's fontTools.subset).
set -eu
src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
out=$(dirname "$0")
ranges="U+0020-007E,U+00A0-024F,U+0259,U+02B0-02FF,U+0300-036F,U+0370-03FF,\
U+0400-04FF,U+1E00-1EFF,U+2000-206F,U+2070-209F,U+20A0-20CF,U+2100-214F,\
U+2150-218F,U+2190-21FF,U+2200-22FF,U+2300-23FF,U+25A0-25FF,U+2600-26FF,\
U+2700-27BF,U+FB00-FB06,U+FFFD"
for face in NotoSerif-Regular NotoSerif-Italic NotoSerif-Bold NotoSerif-BoldItalic \
            NotoSans-Regular NotoSans-Bold NotoSans-Italic; do
	/usr/bin/python3 -m fontTools.subset "$src/$face.ttf" --unicodes="$ranges" \
		--layout-features='kern,mark,mkmk,ccmp,locl,tnum,lnum,onum,smcp,c2sc,case' \
		--no-hinting --desubroutinize --name-IDs='*' --name-languages='*' \
		--glyph-names=0 --notdef-outline --recalc-bounds \
		--output-file="$out/$face.ttf"
done
# A fallback for symbols Noto's text faces lack (arrows, shapes, dingbats).
/usr/bin/python3 -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
	--unicodes="U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+2B00-2BFF" \
	--layout-features='' --no-hinting --name-IDs='*' --glyph-names=0 \
	--notdef-outline --recalc-bounds --output-file="$out/DejaVuSans-Symbols.ttf"
