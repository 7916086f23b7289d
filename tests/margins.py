#!/usr/bin/env python3
"""The right edge of justified body text: lines that end in a letter end
on the column's edge; lines that end in a hyphen hang into the margin by
part of it (hanging punctuation); none runs further.

  margins.py BBOX.html LEFT RIGHT MIN_HEIGHT

BBOX.html is `pdftotext -bbox` output.  A line counts when its words are
at least MIN_HEIGHT tall (body text, not captions), it starts within 3 pt
of LEFT (the body column, not cards or lists) and reaches within 4 pt of
RIGHT (a paragraph's short last line does not)."""
import re, sys

html = open(sys.argv[1]).read()
left, edge, minh = float(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])
bad, hung, flush = [], 0, 0
for pno, page in enumerate(html.split("<page ")[1:], 1):
    lines = {}
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" '
                         r'yMax="([\d.]+)">([^<]*)</word>', page):
        x0, y, x1, w = float(m.group(1)), round(float(m.group(2)), 1), float(m.group(3)), m.group(5)
        if float(m.group(4)) - float(m.group(2)) < minh:
            continue
        first, last = lines.get(y, (x0, (x1, w)))
        lines[y] = (min(first, x0), max(last, (x1, w)))
    for y, (x0, (x1, w)) in sorted(lines.items()):
        if abs(x0 - left) > 3 or x1 < edge - 4:
            continue
        where = f"page {pno}, {w!r} at y={y}"
        if w.endswith("-"):
            hung += 1
            if not edge + 1.5 <= x1 <= edge + 3:
                bad.append(f"{where} ends at {x1:.2f}, not hung 1.5-3 pt past {edge}")
        elif w[-1:].isalnum():
            flush += 1
            if abs(x1 - edge) > 0.1:
                bad.append(f"{where} ends at {x1:.2f}, not on the edge {edge}")
if bad or hung == 0 or flush == 0:
    sys.exit("\n".join(bad) or f"{hung} hyphenated and {flush} flush lines")
print(f"{flush} lines end on the edge, {hung} hyphens hang")
