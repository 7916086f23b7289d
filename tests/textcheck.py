#!/usr/bin/env python3
"""Checks used by run.sh that need more than grep.

  textcheck.py seed SEED.txt PDFTEXT.txt   every sentence of the seed is in the text
  textcheck.py paginate DUMP.txt           headings never end a page; paragraphs
                                           split across pages keep two lines a side
  textcheck.py positions DUMP.txt BBOX.html  each run starts where layout put it
"""
import html, re, sys

def norm(s):
    # A word's own hyphen ending a line is U+2010: the word goes on.
    s = re.sub("\u2010\\s*\n\\s*", "-", s).replace("\u2010", "-")
    # A line may break after a slash (r/ OpenAI): the break is no space.
    s = re.sub(r"/\s*\n\s*", "/", s)
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    s = s.replace("->", "\u2192").replace("\u00ad", "")
    return re.sub(r"\s+", " ", s).strip()

def seed(seedfile, textfile):
    raw = open(textfile, encoding="utf-8").read()
    # Drop page furniture (running header, footer), which pdftotext puts
    # between the two halves of a sentence broken across pages.
    lines = raw.split("\n")
    footer = {l for l in lines if re.search(r"page \d+ of \d+$", l)}
    furniture = re.compile(r"^(page \d+ of \d+|.* BRIEFING · .*)$")
    titles = {l for l in lines if lines.count(l) >= 3 and len(l) > 20}
    text = norm("\n".join(l for l in lines
                          if not furniture.match(l) and l not in footer and l not in titles))
    # Page chrome of the web page the seed was copied from, not story text.
    chrome = {"Strategic Overview", "Deep Analysis", "Historical Context", "Power Map",
              "Key Players", "Source Articles", "Analysts", "The Crowd", "Broadcast"}
    missing, checked = [], 0
    for line in open(seedfile, encoding="utf-8"):
        line = line.strip()
        if len(line) < 25 or line in chrome:
            continue
        line = line.strip('"')
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", line):
            sent = norm(sent.strip('"'))
            if len(sent) < 4:
                continue
            checked += 1
            if sent not in text:
                missing.append(sent)
    for m in missing:
        print("missing:", m)
    print(f"{checked - len(missing)} of {checked} seed sentences found")
    return 1 if missing or checked < 50 else 0

def parse_dump(path, starts=None):
    pages, cur = [], None
    for line in open(path, encoding="utf-8"):
        if line.startswith("    starts ") and cur and starts is not None:
            y = cur[-1][1]
            starts[-1].extend((float(v), y) for v in line.split()[1].split(","))
        if line.startswith("page "):
            cur = []
            pages.append(cur)
            if starts is not None:
                starts.append([])
        elif line.startswith("  text ") and cur is not None:
            m = re.match(r'  text (\S+) (\S+) face=(\d+) size=(\S+) color=\S+ line=(\d+) "(.*)"$', line.rstrip("\n"))
            if m:
                cur.append((float(m[1]), float(m[2]), int(m[3]), float(m[4]), int(m[5]), m[6]))
    return pages

def paginate(dump, body=10.5, heading=13.5):
    pages = parse_dump(dump)
    bad = 0
    for no, items in enumerate(pages, 1):
        body_ys = [y for (x, y, f, s, l, t) in items if s == body]
        for (x, y, f, s, l, t) in items:
            if s == heading and not any(by > y for by in body_ys):
                print(f"page {no}: heading ends the page: {t}")
                bad += 1
    # Lines of each paragraph (source line) per page.
    per = {}
    for no, items in enumerate(pages, 1):
        for (x, y, f, s, l, t) in items:
            if s == body and l:
                per.setdefault(l, {}).setdefault(no, set()).add(round(y, 1))
    split = 0
    for l, bypage in per.items():
        if len(bypage) > 1:
            split += 1
            for no, ys in bypage.items():
                if len(ys) < 2:
                    print(f"paragraph at line {l}: a single line on page {no}")
                    bad += 1
    print(f"{len(pages)} pages, {split} paragraphs split across pages, {bad} problems")
    return 1 if bad or split == 0 else 0

def positions(dump, bbox):
    """Words from pdftotext -bbox against the display list's runs."""
    starts = []
    pages = parse_dump(dump, starts)
    words, cur = [], None
    for line in open(bbox, encoding="utf-8"):
        if "<page " in line:
            cur = []
            words.append(cur)
        m = re.search(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">(.*)</word>', line)
        if m and cur is not None:
            cur.append((float(m[1]), float(m[2]), float(m[4])))
    worst, checked = 0.0, 0
    for st, ws in zip(starts, words):
        for (x, y) in st:
            # The word poppler found on this baseline nearest this start.
            near = min((abs(wx - x) for (wx, y0, y1) in ws if y0 - 1 <= y <= y1 + 1),
                       default=99)
            worst = max(worst, near)
            checked += 1
    print(f"{checked} word starts checked, worst distance {worst:.3f} pt")
    return 0 if checked > 100 and worst <= 0.05 else 1

if __name__ == "__main__":
    cmd = sys.argv[1]
    sys.exit({"seed": seed, "paginate": paginate, "positions": positions}[cmd](*sys.argv[2:]))
