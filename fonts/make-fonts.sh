#!/bin/sh
# Rebuilds fonts/ from Debian 12 packages: the faces of the layouts' roles,
# whole (every character and glyph the face has: Latin, Greek, Cyrillic,
# Vietnamese, ligatures), copied byte for byte from fonts-noto-core, so the
# same package always gives the same files.  The PDF embeds each face
# subset to the glyphs a document draws, so a whole face costs nothing in
# the PDF.  DejaVuSans-Symbols.ttf (arrows, maths, shapes, dingbats) is cut
# from fonts-dejavu-core with python3-fonttools.
#
# Script fallback faces (Arabic, Hebrew, Devanagari, Thai, CJK, emoji) are
# not copied: they are read from their pinned packages (fonts-noto-core,
# fonts-noto-cjk, fonts-symbola, installed by `make deps`), see
# src/lay/fonts.c.
set -eu
src=${NOTO_DIR:-/usr/share/fonts/truetype/noto}
out=$(dirname "$0")
py=/usr/bin/python3
for face in NotoSerif-Regular NotoSerif-Italic NotoSerif-Bold NotoSerif-BoldItalic \
            NotoSans-Regular NotoSans-Italic NotoSans-Bold NotoSans-BoldItalic; do
	cp "$src/$face.ttf" "$out/$face.ttf"
done
rm -f "$out/NotoSansExtra-Regular.ttf"	# the whole faces cover it
common="--no-hinting --desubroutinize --no-glyph-names --notdef-outline \
--recalc-bounds --name-IDs=0,1,2,3,4,5,6,13,14 --name-languages=0x409"
# shellcheck disable=SC2086
$py -m fontTools.subset /usr/share/fonts/truetype/dejavu/DejaVuSans.ttf \
	--unicodes="U+2190-21FF,U+2200-22FF,U+2300-23FF,U+2460-24FF,U+2500-257F,U+25A0-25FF,U+2600-26FF,U+2700-27BF,U+2B00-2BFF" \
	--layout-features='' $common --output-file="$out/DejaVuSans-Symbols.ttf"
