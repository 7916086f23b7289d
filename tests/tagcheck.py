#!/usr/bin/env python3
"""Reads a PDF back and makes the checks a PDF/UA validator makes for the
rules briefing promises (tests/tags.sh runs it).

  tagcheck.py ua PDF [ALT-WORD ...]   tagged PDF/UA-1: catalog, XMP, every MCID
                                      in the tree once, all content tagged or
                                      an Artifact, headings, Alt (holding every
                                      ALT-WORD somewhere), links
  tagcheck.py pdfa PDF PART CONF      PDF/A identification, OutputIntent, /ID
  tagcheck.py order SEED.txt STRUCT.txt  every seed sentence in the structure
                                      text of pdfinfo -struct-text, in order
  tagcheck.py lang PDF TAG TEXT       an element whose text starts with TEXT
                                      has /Lang TAG
  tagcheck.py table PDF STRUCT.txt ROWS  the first Table: Caption, THead, TBody
                                      in that order, TH with /A /O /Table and
                                      /Scope, every TR as wide as the first;
                                      its text in STRUCT.txt (pdfinfo
                                      -struct-text) row by row equal to ROWS
                                      (one line a row, cells tab-separated,
                                      the first line the caption's texts)
  tagcheck.py linktext STRUCT.txt TEXT...  each TEXT is the text of a Link
                                      element (pdfinfo -struct-text) that
                                      also holds its annotation (Object)
  tagcheck.py lists STRUCT.txt KICKER...  the element after each section
                                      label KICKER is an L of LI, each with
                                      an LBody (and an Lbl for "Lbl:KICKER")
  tagcheck.py verbatim XML STRUCT.txt N  the text of every <p> of the story
                                      XML (white space collapsed) is, exactly,
                                      the text of an element of STRUCT.txt
                                      (its marked content joined as poppler
                                      joins it); at least N paragraphs, one
                                      of them broken at a hyphen
  tagcheck.py pagetext PDF XML N      pdftotext's ordinary output (lines
                                      joined by a space) holds at least N
                                      <p> of XML verbatim
  tagcheck.py tounicode PDF           every glyph code any content stream
                                      draws (pages, forms, annotation
                                      appearances) has a ToUnicode entry in
                                      its font mapping it to real text
                                      (PDF/A-2u 6.2.11.7.2)
  tagcheck.py breaks STRUCT.txt PAGE.txt  the words a line break split: in
                                      the tree one marked-content piece ends
                                      inside a word and the next goes on with
                                      it, with no "-" between; pdftotext's
                                      PAGE.txt has each word whole
Prints what fails and exits 1 on any failure.
"""
import os, re, sys
from pypdf import PdfReader
from pypdf.generic import ContentStream, DictionaryObject, ArrayObject, IndirectObject

errors = []

def err(msg):
    errors.append(msg)

def res(o):
    return o.get_object() if isinstance(o, IndirectObject) else o

def page_ids(r):
    return {p.indirect_reference.idnum: i for i, p in enumerate(r.pages)}

def walk(r, root):
    """Yields (element, parent page index) in document order, depth first."""
    pids = page_ids(r)
    stack = [(res(root), None)]
    while stack:
        el, pg = stack.pop()
        if "/Pg" in el:
            pg = pids.get(el.raw_get("/Pg").idnum, pg)
        yield el, pg
        k = el.get("/K")
        if k is None:
            continue
        kids = list(res(k)) if isinstance(res(k), ArrayObject) else [k]
        for kid in reversed(kids):
            kid_o = res(kid)
            if isinstance(kid_o, DictionaryObject) and kid_o.get("/Type") not in ("/MCR", "/OBJR"):
                stack.append((kid_o, pg))

def mcids_of(r, el, pg):
    pids = page_ids(r)
    k = el.get("/K")
    if k is None:
        return []
    kids = list(res(k)) if isinstance(res(k), ArrayObject) else [k]
    out = []
    for kid in kids:
        kid_o = res(kid)
        if isinstance(kid_o, int):
            out.append((pg, int(kid_o)))
        elif isinstance(kid_o, DictionaryObject) and kid_o.get("/Type") == "/MCR":
            out.append((pids[kid_o.raw_get("/Pg").idnum], int(kid_o["/MCID"])))
    return out

def link_objrs(el):
    k = res(el.get("/K"))
    kids = list(k) if isinstance(k, ArrayObject) else [k]
    return [res(x) for x in kids if isinstance(res(x), DictionaryObject)
            and res(x).get("/Type") == "/OBJR"]

def content_marks(page):
    """MCIDs in a page's content, and painting operators outside any
    marked content (neither tagged nor an Artifact)."""
    ops = ContentStream(page.get_contents(), page.pdf).operations
    stack, mcids, loose = [], [], 0
    paint = {b"TJ", b"Tj", b"'", b'"', b"f", b"F", b"f*", b"S", b"s", b"B", b"B*",
             b"b", b"b*", b"Do", b"sh"}
    for operands, op in ops:
        if op == b"BDC":
            d = operands[1] if len(operands) > 1 else {}
            if isinstance(d, DictionaryObject) and "/MCID" in d:
                mcids.append(int(d["/MCID"]))
                stack.append("mc")
            elif operands[0] == "/Artifact":
                stack.append("art")
            else:
                stack.append("span")
        elif op == b"BMC":
            stack.append("art" if operands[0] == "/Artifact" else "span")
        elif op == b"EMC":
            if not stack:
                err(f"EMC without BDC/BMC")
            else:
                stack.pop()
        elif op in paint and not any(s in ("mc", "art") for s in stack):
            loose += 1
    if stack:
        err("marked content left open at the end of a page")
    return mcids, loose

def check_ua(path, words):
    r = PdfReader(path)
    cat = r.trailer["/Root"]
    if not res(cat.get("/MarkInfo", {})).get("/Marked"):
        err("no /MarkInfo /Marked true")
    if not cat.get("/Lang"):
        err("no /Lang in the catalog")
    if not res(cat.get("/ViewerPreferences", {})).get("/DisplayDocTitle"):
        err("no /DisplayDocTitle true")
    xmp = res(cat["/Metadata"]).get_data().decode("utf-8") if "/Metadata" in cat else ""
    if "<pdfuaid:part>1</pdfuaid:part>" not in xmp:
        err("XMP lacks pdfuaid:part 1")
    title = r.metadata.title if r.metadata else None
    if not title or "<dc:title>" not in xmp:
        err("no title in Info and XMP")
    if "<xmp:CreateDate>" not in xmp:
        err("XMP lacks xmp:CreateDate")
    str_root = res(cat["/StructTreeRoot"])
    tree_mcids, headings, figures = {}, [], []
    for el, pg in walk(r, str_root["/K"]):
        s = el.get("/S")
        for m in mcids_of(r, el, pg):
            if m in tree_mcids:
                err(f"MCID {m} twice in the tree")
            tree_mcids[m] = el
        if s and re.fullmatch(r"/H[1-6]", s):
            headings.append(int(s[2]))
        if s == "/Figure":
            figures.append(str(el.get("/Alt", "")))
        if s == "/Link":
            if not link_objrs(el):
                err("a Link without OBJR")
            if not mcids_of(r, el, pg):
                err("a Link without its text (no marked content in it)")
    prev = 0
    for h in headings:
        if h > prev + 1:
            err(f"heading level skips from H{prev} to H{h}")
        prev = h
    if not figures:
        err("no Figure")
    for a in figures:
        if len(a) < 20:
            err(f"Figure without useful Alt: {a!r}")
    alltext = " ".join(figures)
    for w in words:
        if w not in alltext:
            err(f"no Figure's Alt mentions {w!r}")
    pt = res(str_root["/ParentTree"])
    nums = res(pt["/Nums"])
    ptmap = {int(nums[i]): res(nums[i + 1]) for i in range(0, len(nums), 2)}
    content = set()
    for i, page in enumerate(r.pages):
        mc, loose = content_marks(page)
        if loose:
            err(f"page {i + 1}: {loose} painting operators neither tagged nor Artifact")
        if len(mc) != len(set(mc)):
            err(f"page {i + 1}: an MCID used twice")
        if mc:
            arr = ptmap.get(int(page.get("/StructParents", -1)))
            if arr is None:
                err(f"page {i + 1}: no ParentTree entry")
                continue
            for m in mc:
                content.add((i, m))
                el = tree_mcids.get((i, m))
                if el is None:
                    err(f"page {i + 1}: MCID {m} not in the tree")
                elif m >= len(arr) or res(arr[m]) is not el:
                    err(f"page {i + 1}: ParentTree entry of MCID {m} is not its element")
        annots = [res(a) for a in page.get("/Annots", [])]
        if annots and page.get("/Tabs") != "/S":
            err(f"page {i + 1}: annotations but no /Tabs /S")
        for a in annots:
            if a.get("/Subtype") != "/Link":
                continue
            if "/Contents" not in a:
                err(f"page {i + 1}: a link without /Contents")
            el = ptmap.get(int(a.get("/StructParent", -1)))
            if el is None or el.get("/S") != "/Link" or \
                    not any(res(o["/Obj"]) is a for o in link_objrs(el)):
                err(f"page {i + 1}: a link annotation not tagged as a Link")
    for m in tree_mcids:
        if m not in content:
            err(f"the tree names MCID {m[1]} of page {m[0] + 1}, which no content has")
    print(f"{len(content)} marked-content sequences, {len(headings)} headings, "
          f"{len(figures)} figures")

def check_pdfa(path, part, conf):
    r = PdfReader(path)
    cat = r.trailer["/Root"]
    xmp = res(cat["/Metadata"]).get_data().decode("utf-8")
    if f"<pdfaid:part>{part}</pdfaid:part>" not in xmp:
        err(f"XMP lacks pdfaid:part {part}")
    if f"<pdfaid:conformance>{conf}</pdfaid:conformance>" not in xmp:
        err(f"XMP lacks pdfaid:conformance {conf}")
    ois = res(cat.get("/OutputIntents", []))
    if not ois or res(ois[0]).get("/S") != "/GTS_PDFA1" or \
            "/DestOutputProfile" not in res(ois[0]):
        err("no GTS_PDFA1 OutputIntent with a DestOutputProfile")
    else:
        icc = res(res(ois[0])["/DestOutputProfile"])
        if int(icc.get("/N", 0)) != 3 or len(icc.get_data()) < 128:
            err("the OutputIntent's profile is not an RGB ICC profile")
    ident = r.trailer.get("/ID")
    if not ident or len(ident) != 2 or len(ident[0]) != 16:
        err("no /ID of two 16-byte strings")

def norm(s):
    # Lines join with nothing between them in the structure text, and a
    # hyphen drawn at a line's end cannot be told from a word's own:
    # both sides are compared without white space and hyphens.
    s = s.replace("\u00ad", "").replace("\u2010", "").replace("-", "")
    s = s.replace("\u2019", "'").replace("\u2018", "'").replace("\u201c", '"').replace("\u201d", '"')
    return re.sub(r"\s+", "", s)

def check_order(seedfile, structfile):
    quoted = [m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$',
              open(structfile, encoding="utf-8").read(), re.M)]
    text = norm("".join(quoted))
    pos, found, missing, back = -1, 0, [], []
    for line in open(seedfile, encoding="utf-8"):
        line = line.strip().strip('"')
        if len(line) < 60:
            continue
        for sent in re.split(r"(?<=[.!?])\s+(?=[A-Z\"'])", line):
            n = norm(sent.strip('"'))
            if len(n) < 20:
                continue
            at = text.find(n, pos + 1)
            if at < 0:
                at = text.find(n)
                if at < 0:
                    missing.append(sent)
                    continue
                back.append(sent)
            found += 1
            pos = at
    for m in missing:
        err(f"not in the structure text: {m}")
    if found < 40:
        err(f"only {found} seed sentences checked")
    print(f"{found} seed sentences in the structure text, {len(back)} out of order")
    # The seed is a web page's text: three of its sentences stand where
    # the page put them (a summary repeated as the first point, the
    # sources list in another order), not where the story has them.
    if len(back) > 3:
        for b in back:
            err(f"out of order: {b}")

def check_lang(path, tag, start):
    r = PdfReader(path)
    root = res(r.trailer["/Root"]["/StructTreeRoot"])
    hits = 0
    for el, pg in walk(r, root["/K"]):
        if el.get("/Lang") == tag:
            hits += 1
    if not hits:
        err(f"no element with /Lang {tag}")
    if r.trailer["/Root"].get("/Lang") == tag:
        err(f"the catalog's /Lang is {tag}, not the document's language")

def struct_lines(structfile):
    """pdfinfo -struct-text as (depth, name or None, text or None)."""
    out = []
    for line in open(structfile, encoding="utf-8"):
        line = line.rstrip("\n")
        depth = len(line) - len(line.lstrip(" "))
        body = line.strip()
        m = re.fullmatch(r'"(.*)"', body)
        if m:
            out.append((depth, None, m.group(1)))
        elif body and not body.startswith("/"):
            out.append((depth, body.split()[0].rstrip(":"), None))
    return out

def table_rows(structfile):
    """The first Table's rows in the structure text: the caption's texts,
    then each TR's cells (a cell's texts joined)."""
    lines = struct_lines(structfile)
    start = next((i for i, l in enumerate(lines) if l[1] == "Table"), None)
    if start is None:
        return None
    tdepth, rows, cell, row = lines[start][0], [], None, None
    for depth, name, text in lines[start + 1:]:
        if depth <= tdepth:
            break
        if name == "Caption":
            row = []
            rows.append(row)
            cell = None
        elif name == "TR":
            row = []
            rows.append(row)
        elif name in ("TH", "TD"):
            cell = []
            row.append(cell)
        elif text is not None and row is not None:
            if cell is None:
                row.append([text])
            else:
                cell.append(text)
    return [["".join(c) for c in r] for r in rows]

def check_table(path, structfile, rowsfile):
    r = PdfReader(path)
    root = res(r.trailer["/Root"]["/StructTreeRoot"])
    table = next((el for el, pg in walk(r, root["/K"]) if el.get("/S") == "/Table"), None)
    if table is None:
        err("no Table element")
        return
    kids = [res(k) for k in res(table["/K"])]
    roles = [k.get("/S") for k in kids if isinstance(k, DictionaryObject)]
    if roles not in (["/Caption", "/THead", "/TBody"], ["/Caption", "/TBody"]):
        err(f"the Table's kids are {roles}, not Caption, THead, TBody")
    width = None
    for k in kids:
        part = k.get("/S") if isinstance(k, DictionaryObject) else None
        if part not in ("/THead", "/TBody"):
            continue
        for tr in (res(x) for x in res(k["/K"])):
            if tr.get("/S") != "/TR":
                err(f"a {tr.get('/S')} in {part}")
                continue
            cells = [res(c) for c in res(tr.get("/K", []))]
            if width is None:
                width = len(cells)
            elif len(cells) != width:
                err(f"a TR of {len(cells)} cells in a table of {width} columns")
            for c in cells:
                want = "/TH" if part == "/THead" else None
                if want and c.get("/S") != want:
                    err(f"a {c.get('/S')} in the THead")
                if c.get("/S") == "/TH":
                    a = res(c.get("/A", {}))
                    scope = "/Column" if part == "/THead" else "/Row"
                    if a.get("/O") != "/Table" or a.get("/Scope") != scope:
                        err(f"a TH in {part} without /A << /O /Table /Scope {scope} >>")
    want = [l.rstrip("\n").split("\t") for l in open(rowsfile, encoding="utf-8") if l.strip()]
    got = table_rows(structfile)
    if got != want:
        for i in range(max(len(got or []), len(want))):
            g = got[i] if got and i < len(got) else None
            w = want[i] if i < len(want) else None
            if g != w:
                err(f"row {i}: structure text {g}, wanted {w}")
    print(f"a table of {len(want) - 1} rows and {width} columns")

def elements(structfile):
    """The structure text as a tree: [name, [texts], [kids]]."""
    root = ["", [], []]
    stack = [(-1, root)]
    for depth, name, text in struct_lines(structfile):
        while stack[-1][0] >= depth:
            stack.pop()
        if name is None:
            stack[-1][1][1].append(text)
        else:
            node = [name, [], []]
            stack[-1][1][2].append(node)
            stack.append((depth, node))
    return root

def all_nodes(node):
    yield node
    for k in node[2]:
        yield from all_nodes(k)

def check_linktext(structfile, texts):
    links = [n for n in all_nodes(elements(structfile)) if n[0] == "Link"]
    for t in texts:
        hit = [n for n in links if "".join(n[1]) == t]
        if not hit:
            err(f"no Link element with the text {t!r}")
        elif not any(k[0] == "Object" for k in hit[0][2]):
            err(f"the Link of {t!r} does not hold its annotation")
    print(f"{len(links)} Link elements")

def check_lists(structfile, kickers):
    nodes = list(all_nodes(elements(structfile)))
    for kicker in kickers:
        lbl = kicker.startswith("Lbl:")
        kicker = kicker[4:] if lbl else kicker
        at = next((i for i, n in enumerate(nodes) if n[0] == "H2" and "".join(n[1]) == kicker), None)
        if at is None:
            err(f"no section label {kicker!r}")
            continue
        sect = next(n for n in nodes if any(k is nodes[at] for k in n[2]))
        after = sect[2][[id(k) for k in sect[2]].index(id(nodes[at])) + 1:]
        lst = next((k for k in after if k[0] in ("L", "P")), None)
        if lst is not None and lst[0] == "L" and lbl and \
                not all(any(k[0] == "Lbl" for k in li[2]) for li in lst[2]):
            err(f"{kicker!r}: an LI without its Lbl")
        if lst is None or lst[0] != "L":
            err(f"after {kicker!r}: {lst[0] if lst else None}, not an L")
            continue
        for li in lst[2]:
            names = [k[0] for k in li[2]]
            if li[0] != "LI" or "LBody" not in names:
                err(f"{kicker!r}: a {li[0]} of {names} in the L, not an LI with an LBody")
        print(f"{kicker}: an L of {len(lst[2])} LI")

def check_verbatim(xmlfile, structfile, least):
    import xml.etree.ElementTree as ET
    # A word's own hyphen ending a line is drawn as U+2010 HYPHEN (so that
    # extraction keeps it): the one character read as the source's "-".
    texts = {}
    for n in all_nodes(elements(structfile)):
        texts.setdefault("".join(n[1]).replace("\u2010", "-"), n)
    paras = [re.sub(r"\s+", " ", "".join(p.itertext())).strip()
             for p in ET.parse(xmlfile).getroot().iter("p")]
    raw = open(structfile, encoding="utf-8").read()
    found = hyph = 0
    for p in paras:
        if p in texts:
            found += 1
            # broken at a hyphen: one of its lines ended inside a word
            quoted = texts[p][1]
            hyph += any(q[-1:].isalpha() and n[:1].isalpha() for q, n in zip(quoted, quoted[1:]))
        else:
            near = max(texts, key=lambda t: len(os.path.commonprefix([t, p])))
            k = len(os.path.commonprefix([near, p]))
            err(f"not verbatim in the structure text: ...{p[max(0, k - 30):k + 30]!r}; "
                f"the tree has ...{near[max(0, k - 30):k + 30]!r}")
    if found < int(least):
        err(f"only {found} paragraphs checked")
    if not hyph:
        err("no paragraph with a hyphenated line break among those checked")
    print(f"{found} paragraphs verbatim, {hyph} of them hyphenated at a line end")

def check_pagetext(pdf, xmlfile, least):
    import subprocess, xml.etree.ElementTree as ET
    t = subprocess.run(["pdftotext", pdf, "-"], capture_output=True, text=True).stdout
    t = re.sub(r"\s+", " ", t).replace("\u2010", "-")
    paras = [re.sub(r"\s+", " ", "".join(p.itertext())).strip()
             for p in ET.parse(xmlfile).getroot().iter("p")]
    n = sum(p in t for p in paras)
    if n < int(least):
        err(f"pdftotext gives {n} paragraphs of {len(paras)} verbatim, fewer than {least}")
    print(f"pdftotext gives {n} of {len(paras)} paragraphs verbatim")

def cmap_entries(data):
    """code -> UTF-16BE hex of a ToUnicode CMap's bfchar and bfrange."""
    text = data.decode("latin-1")
    out = {}
    for block in re.findall(r"beginbfchar(.*?)endbfchar", text, re.S):
        for src, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]*)>", block):
            out[int(src, 16)] = dst
    for block in re.findall(r"beginbfrange(.*?)endbfrange", text, re.S):
        for lo, hi, dst in re.findall(r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*(<[0-9A-Fa-f]*>|\[[^\]]*\])", block):
            lo, hi = int(lo, 16), int(hi, 16)
            if dst.startswith("["):
                for i, d in enumerate(re.findall(r"<([0-9A-Fa-f]*)>", dst)):
                    out[lo + i] = d
            else:
                base = int(dst[1:-1], 16)
                for c in range(lo, hi + 1):
                    out[c] = "%0*X" % (len(dst) - 2, base + c - lo)
    return out

def glyph_codes(ops, fonts, used, seen_forms, resources):
    """Adds (font object id, code) for every glyph shown in ops."""
    font = None
    for operands, op in ops:
        if op == b"Tf":
            font = res(fonts.get(operands[0])) if fonts is not None else None
            if font is None:
                err(f"Tf names {operands[0]}, which the resources lack")
        elif op in (b"Tj", b"'", b'"', b"TJ"):
            strings = operands[0] if op == b"TJ" else [operands[-1]]
            for st in strings:
                if isinstance(st, (int, float)) or not hasattr(st, "original_bytes"):
                    continue
                b = st.original_bytes
                two = font is not None and font.get("/Subtype") == "/Type0"
                codes = [b[i] << 8 | b[i + 1] for i in range(0, len(b) - 1, 2)] if two else list(b)
                for c in codes:
                    used.setdefault(id(font), [font, set()])[1].add(c)
        elif op == b"Do" and resources is not None:
            xo = res(res(resources.get("/XObject", {})).get(operands[0]))
            if xo is not None and xo.get("/Subtype") == "/Form" and id(xo) not in seen_forms:
                seen_forms.add(id(xo))
                r = res(xo.get("/Resources", resources))
                glyph_codes(ContentStream(xo, xo.pdf if hasattr(xo, "pdf") else None).operations,
                            res(r.get("/Font", {})), used, seen_forms, r)

def check_tounicode(path):
    r = PdfReader(path, strict=True)
    used, seen = {}, set()
    for page in r.pages:
        resources = res(page.get("/Resources", {}))
        fonts = res(resources.get("/Font", {}))
        glyph_codes(ContentStream(page.get_contents(), r).operations, fonts, used, seen, resources)
        for a in page.get("/Annots", []):
            ap = res(res(a).get("/AP", {})).get("/N")
            if ap is not None:
                ap = res(ap)
                ar = res(ap.get("/Resources", {}))
                glyph_codes(ContentStream(ap, r).operations, res(ar.get("/Font", {})), used, seen, ar)
    total = 0
    for font, codes in used.values():
        if font is None:
            continue
        name = font.get("/BaseFont")
        tu = font.get("/ToUnicode")
        if tu is None:
            err(f"font {name} has no ToUnicode")
            continue
        m = cmap_entries(res(tu).get_data())
        for c in sorted(codes):
            total += 1
            u = m.get(c)
            if u is None:
                err(f"font {name}: glyph code {c:04X} has no ToUnicode entry")
            elif u == "" or u.upper() in ("0000", "FEFF", "FFFE"):
                err(f"font {name}: glyph code {c:04X} maps to {u!r}, no text")
    print(f"{total} glyph codes in {len(used)} fonts, each with its Unicode")

def check_breaks(structfile, pagefile):
    page = re.sub(r"\s+", " ", open(pagefile, encoding="utf-8").read())
    words = []
    for n in all_nodes(elements(structfile)):
        for a, b in zip(n[1], n[1][1:]):
            if a.endswith("-") and b[:1].islower():
                err(f"a break's hyphen in the tree: {a[-20:]!r} / {b[:20]!r}")
            if a[-1:].isalpha() and b[:1].isalpha() and b[:1].islower():
                words.append(re.search(r"\w+$", a).group(0) + re.match(r"\w+", b).group(0))
    for w in words:
        if not re.search(r"\b" + re.escape(w) + r"\b", page):
            err(f"pdftotext does not have {w!r} whole")
    if len(words) < 5:
        err(f"only {len(words)} words split by a break found")
    print(f"{len(words)} words split at a line end read whole, in the tree and in pdftotext")

def main():
    cmd = sys.argv[1]
    if cmd == "ua":
        check_ua(sys.argv[2], sys.argv[3:])
    elif cmd == "pdfa":
        check_pdfa(*sys.argv[2:5])
    elif cmd == "order":
        check_order(sys.argv[2], sys.argv[3])
    elif cmd == "lang":
        check_lang(*sys.argv[2:5])
    elif cmd == "tounicode":
        check_tounicode(sys.argv[2])
    elif cmd == "breaks":
        check_breaks(sys.argv[2], sys.argv[3])
    elif cmd == "pagetext":
        check_pagetext(*sys.argv[2:5])
    elif cmd == "verbatim":
        check_verbatim(*sys.argv[2:5])
    elif cmd == "linktext":
        check_linktext(sys.argv[2], sys.argv[3:])
    elif cmd == "lists":
        check_lists(sys.argv[2], sys.argv[3:])
    elif cmd == "table":
        check_table(*sys.argv[2:5])
    for e in errors[:30]:
        print("error:", e)
    return 1 if errors else 0

sys.exit(main())
