#!/usr/bin/env python3
"""Checks used by run.sh that need more than grep.

  textcheck.py seed SEED.txt PDFTEXT.txt   every sentence of the seed is in the text
  textcheck.py paginate DUMP.txt           headings never end a page; paragraphs
                                           split across pages keep two lines a side
  textcheck.py positions DUMP.txt BBOX.html  each run starts where layout put it
  textcheck.py edition PDF QPDF.json       bookmarks and contents links reach the
                                           right pages; labels and footers agree
"""
import html, json, re, sys

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

def _page_text(pdf, n, crop=None):
    import subprocess
    args = ["pdftotext", "-f", str(n), "-l", str(n)]
    if crop:
        args += ["-x", str(int(crop[0])), "-y", str(int(crop[1])),
                 "-W", str(int(crop[2]) + 1), "-H", str(int(crop[3]) + 1)]
    out = subprocess.run(args + [pdf, "-"], capture_output=True, text=True).stdout
    return re.sub(r"\s+", " ", out).strip()

def _roman(n):
    vals = [(10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")]
    r = ""
    for v, s in vals:
        while n >= v:
            r, n = r + s, n - v
    return r

def edition(pdf, jsonfile):
    """Bookmarks, contents links, page labels and footers of an edition."""
    j = json.load(open(jsonfile))
    objs = j["qpdf"][1]
    pages = {p["object"]: p["pageposfrom1"] for p in j["pages"]}
    npages = len(j["pages"])
    # Labels from /PageLabels ranges.
    ranges = sorted((r["index"], r["label"]) for r in j["pagelabels"])
    label = {}
    for i in range(npages):
        start, lab = [r for r in ranges if r[0] <= i][-1]
        num = lab.get("/St", 1) + i - start
        label[i + 1] = _roman(num) if lab.get("/S") == "/r" else str(num)
    bad, checked = [], 0
    texts = {n: _page_text(pdf, n).lower() for n in range(1, npages + 1)}

    def walk(nodes):
        nonlocal checked
        for o in nodes:
            words = o["title"].lower()[:28].strip()
            checked += 1
            if words not in texts[o["destpageposfrom1"]]:
                bad.append(f"bookmark '{o['title']}' -> page {o['destpageposfrom1']} lacks it")
            walk(o["kids"])
    walk(j["outlines"])
    links = 0
    for p in j["pages"]:
        n = p["pageposfrom1"]
        if not label[n].isalpha() or n == 1:
            continue            # contents pages are the roman ones after the cover
        pg = objs["obj:" + p["object"]]["value"]
        height = pg["/MediaBox"][3]
        for a in pg.get("/Annots", []):
            an = objs["obj:" + a]["value"]
            dest = an.get("/Dest")
            if dest is None:
                continue
            if isinstance(dest, str):
                dest = objs["obj:" + dest]["value"]
            target = pages[dest[0]]
            x0, y0, x1, y1 = an["/Rect"]
            shown = _page_text(pdf, n, (x0, height - y1, x1 - x0, y1 - y0))
            m = re.search(r"(\d+)$", shown)
            links += 1
            if not m or m.group(1) != label[target]:
                bad.append(f"contents link '{shown}' goes to page labelled {label[target]}")
            title = re.sub(r"[\d.\s]+$", "", re.sub(r"^\d\d ", "", shown)).lower()[:24].strip()
            if title and title not in texts[target]:
                bad.append(f"contents link '{shown}': page {target} lacks '{title}'")
    # Footers agree with labels on story pages.
    total = sum(1 for v in label.values() if v.isdigit())
    for n, lab in label.items():
        if lab.isdigit() and f"page {lab} of {total}" not in texts[n]:
            bad.append(f"page {n} (label {lab}) footer does not say page {lab} of {total}")
    for b in bad:
        print(b)
    print(f"{checked} bookmarks, {links} contents links, {npages} pages checked; {len(bad)} problems")
    return 1 if bad or links == 0 or checked == 0 else 0

if __name__ == "__main__":
    cmd = sys.argv[1]
    sys.exit({"seed": seed, "paginate": paginate, "positions": positions,
              "edition": edition}[cmd](*sys.argv[2:]))
