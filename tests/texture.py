#!/usr/bin/env python3
"""Texture of justified body text, read back from a PDF with MuPDF:

  texture.py FILE.pdf

For every full line of body text (the body face at the body size, ending at
its column's right edge, so not the last line of a paragraph), the width of
each word space over the face's natural space; prints one line of figures:
lines, median, 90th percentile, worst, lines with a space at 2x or more,
and the longest run of consecutive lines ending in a hyphen."""
import collections, re, statistics, subprocess, sys

def chars_by_line(pdf):
    """Each line as a list of (char, x0, x1, font, size)."""
    st = subprocess.run(["mutool", "draw", "-q", "-F", "stext", "-o", "-", pdf],
                        capture_output=True, text=True, check=True).stdout
    lines, cur, font, size = [], None, None, None
    tok = re.compile(r'<line |</line>|<font name="([^"]*)" size="([0-9.]+)"|'
                     r'<char quad="([-0-9.]+) [-0-9.]+ ([-0-9.]+) [^"]*"[^>]*c="([^"]*)"')
    for m in tok.finditer(st):
        t = m.group(0)
        if t.startswith("<line"):
            cur = []
        elif t == "</line>":
            if cur:
                lines.append(cur)
            cur = None
        elif m.group(1) is not None:
            font, size = m.group(1), float(m.group(2))
        elif cur is not None:
            c = m.group(5).replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"')
            cur.append((c, float(m.group(3)), float(m.group(4)), font, size))
    return lines

def texture(pdf):
    lines = chars_by_line(pdf)
    # The body face and size: the serif regular face's commonest size.
    sizes = collections.Counter(round(ch[4], 2) for l in lines for ch in l
                                if ch[3].endswith("Serif-Regular") and ch[0] != " ")
    if not sizes:
        return None
    body = sizes.most_common(1)[0][0]
    def is_body(l):
        n = sum(1 for ch in l if round(ch[4], 2) == body and "Serif" in ch[3])
        return n >= 0.8 * len(l) and len(l) > 20
    body_lines = [l for l in lines if is_body(l)]
    # A column: lines starting at the same x; its edge: the right end of
    # most of its lines (a last line ends short of it).
    def left(l): return round(l[0][1])
    def right(l):
        vis = [ch for ch in l if ch[0].strip()]
        return vis[-1][2] if vis else l[-1][2]
    edges = {}
    bycol = collections.defaultdict(list)
    for l in body_lines:
        bycol[left(l)].append(right(l))
    for x, rs in bycol.items():
        rs = sorted(rs)
        edges[x] = rs[int(len(rs) * 0.75)] if rs else 0
    ratios, worst_line, two, run, longest = [], [], 0, 0, 0
    for l in body_lines:
        e = edges[left(l)]
        full = right(l) > e - 2.0 and len(bycol[left(l)]) >= 3
        if not full:
            run = 0
            continue
        line_r = []
        for i in range(len(l) - 1):
            c, x0, x1 = l[i][0], l[i][1], l[i][2]
            if c == " " and l[i + 1][0].strip() and i > 0 and x1 - x0 > 0.5:
                line_r.append((l[i + 1][1] - x0) / (x1 - x0))
        if not line_r:
            continue
        ratios += line_r
        worst_line.append(max(line_r))
        two += max(line_r) >= 2.0
        vis = [ch for ch in l if ch[0].strip()]
        if vis and vis[-1][0] in "-\u2010" and len(vis) > 1 and vis[-2][0].isalpha():
            run += 1
            longest = max(longest, run)
        else:
            run = 0
    if not ratios:
        return None
    q = statistics.quantiles(ratios, n=10)
    return {"lines": len(worst_line), "median": statistics.median(ratios),
            "p90": q[8], "worst": max(ratios), "two": two, "hyphens": longest}

if __name__ == "__main__":
    t = texture(sys.argv[1])
    print("no justified body text" if t is None else
          f"{t['lines']} justified lines: word space median {t['median']:.2f}x, "
          f"90th percentile {t['p90']:.2f}x, worst {t['worst']:.2f}x, "
          f"{t['two']} lines at 2x or more; at most {t['hyphens']} hyphenated lines in a row")
