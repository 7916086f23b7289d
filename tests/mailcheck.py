#!/usr/bin/env python3
"""Checks a message briefing mail made, with Python's own MIME parser.

  mailcheck.py EML ENVELOPE.json PDF SUBJECT ATTACHMENT-NAME RCPT... --bcc ADDR...
      Structure mixed > alternative (text/plain format=flowed, text/html),
      or mixed > related > alternative + image/png when there is a picture,
      then the PDF; each picture the HTML shows is a part of the message;
      the PDF's bytes equal PDF and the HTML links to it by Content-ID; the
      subject decodes to SUBJECT; the envelope holds exactly the RCPT and
      Bcc addresses; no Bcc header; Date and Message-ID present.

  mailcheck.py --text EML [POINTS...]
      The text part as RFC 3676 format=flowed: no line over 78 characters
      (and none over 72 but an unbreakable word), soft breaks end in one
      space after a word, no line starts with a space, ">" or "From "
      unstuffed; the title underlined with "=" as long as its longest
      line, each headline of an edition with "-"; the points numbered
      1, 2, ... in each story; each POINT (a piece of
      a point's text) found once the flowed paragraphs are joined; every
      reference [n] listed as a link at the end.

  mailcheck.py --html EML [TEXT | !TEXT]...
      The decoded HTML part holds each TEXT, and no !TEXT.

  mailcheck.py --header EML FIELD ADDR=NAME...
      In header FIELD, the mailbox ADDR has the display name NAME (after
      RFC 2047 decoding, as a reader shows it)."""
import email, email.policy, email.utils, json, re, sys


def parse(eml):
    return email.message_from_bytes(open(eml, "rb").read(), policy=email.policy.default)


def structure(argv):
    eml, env, pdf, subject, attname = argv[:5]
    rest = argv[5:]
    bcc = rest[rest.index("--bcc") + 1:] if "--bcc" in rest else []
    rcpts = rest[:rest.index("--bcc")] if "--bcc" in rest else rest
    m = parse(eml)
    envelope = json.load(open(env))
    problems = []

    def want(cond, what):
        if not cond:
            problems.append(what)

    want(m.get_content_type() == "multipart/mixed", "top is multipart/mixed")
    parts = list(m.iter_parts())
    want(len(parts) == 2, "mixed has two parts")
    body, att = parts[0], parts[1]
    imgs = []
    if body.get_content_type() == "multipart/related":
        rparts = list(body.iter_parts())
        body, imgs = rparts[0], rparts[1:]
    want(body.get_content_type() == "multipart/alternative", "the bodies are an alternative")
    aparts = list(body.iter_parts())
    want([p.get_content_type() for p in aparts] == ["text/plain", "text/html"],
         "alternative holds text and html")
    plain, html = aparts[0].get_content(), aparts[1].get_content()
    want(aparts[0].get_param("format") == "flowed", "the text is format=flowed")
    for img in imgs:
        cid = (img["Content-ID"] or "").strip("<>")
        want(img.get_content_type() == "image/png" and
             img.get_content()[:8] == b"\x89PNG\r\n\x1a\n", "an inline picture is a PNG")
        want(cid and f'src="cid:{cid}"' in html, "the HTML shows the picture by its Content-ID")
    for cid in re.findall(r'src="cid:([^"]+)"', html):
        want(any((i["Content-ID"] or "").strip("<>") == cid for i in imgs),
             f"the HTML shows cid:{cid}, which is no part")
    want(att.get_content_type() == "application/pdf", "the attachment is a PDF")
    want(att.get_filename() == attname, f"attachment named {att.get_filename()}, not {attname}")
    want(att.get_content() == open(pdf, "rb").read(), "the attachment's bytes are the rendered PDF")
    pcid = (att["Content-ID"] or "").strip("<>")
    want(pcid and f'href="cid:{pcid}#page=' in html, "the HTML links into the PDF")
    want(str(m["Subject"]) == subject, f"subject decodes to {m['Subject']!r}")
    want(m["Bcc"] is None, "no Bcc header")
    want(m["Date"] is not None and email.utils.parsedate_to_datetime(str(m["Date"])), "a Date")
    want(m["Message-ID"] is not None, "a Message-ID")
    want(sorted(envelope["to"]) == sorted(rcpts + bcc),
         f"envelope is exactly {rcpts + bcc}: {envelope['to']}")
    want(attname in html and attname in plain, "both bodies name the attachment")
    return problems


def text(argv):
    m = parse(argv[0])
    want_points = argv[1:]
    problems = []
    part = next(p for p in m.walk() if p.get_content_type() == "text/plain")
    if part.get_param("format") != "flowed":
        problems.append("not format=flowed")
    lines = part.get_content().replace("\r\n", "\n").split("\n")
    for i, l in enumerate(lines):
        if len(l) > 78:
            problems.append(f"line {i + 1} has {len(l)} characters")
        elif len(l) > 72 and " " in l.strip():
            problems.append(f"line {i + 1} has {len(l)} characters and could break")
        if l.endswith("  ") or (l.endswith(" ") and l != "-- " and not l.strip()):
            problems.append(f"line {i + 1} ends in a bad soft break: {l!r}")
        if l.startswith(">") or l.startswith("From "):
            problems.append(f"line {i + 1} is not space-stuffed: {l!r}")
        if l.startswith(" ") and not l.startswith("  ") and l[1:2] not in (">", "F", " "):
            problems.append(f"line {i + 1} starts with a space: {l!r}")
    # Join soft breaks as a flowed reader does.
    paras, cur = [], ""
    for l in lines:
        if l.startswith(" "):
            l = l[1:]
        cur += l
        if not l.endswith(" ") or l == "-- ":
            paras.append(cur)
            cur = ""
    title = [l for l in lines[:lines.index(paras[1])]] if len(paras) > 1 and paras[1] in lines else []
    if not (title and set(paras[1]) == {"="} and len(paras[1]) == max(len(l.rstrip()) for l in title)):
        problems.append(f"the title is not underlined with '=': {paras[:2]}")
    heads = [paras[i - 1] for i in range(1, len(paras)) if paras[i] and set(paras[i]) == {"-"}]
    nums = [int(p.split(".")[0]) for p in paras if re.match(r"^\d+\. ", p)]
    # An edition underlines each headline; a lone story's is the title.
    lists = nums.count(1) if nums else 0
    if lists != max(len(heads), 1):
        problems.append(f"{len(heads)} headlines underlined with '-', {lists} lists of points")
    if not nums or nums[0] != 1 or any(b not in (a + 1, 1) for a, b in zip(nums, nums[1:])):
        problems.append(f"points not numbered 1, 2, ...: {nums}")
    body = "\n".join(paras)
    for w in want_points:
        if w not in body:
            problems.append(f"{w!r} is not in the text")
    refs = sorted(set(int(n) for n in re.findall(r"\[(\d+)\](?!\s*\S+://)", body)))
    notes = {int(n): u for n, u in re.findall(r"^\[(\d+)\] (\S+)$", body, re.M)}
    for n in refs:
        if n not in notes:
            problems.append(f"reference [{n}] is not listed")
    return problems


def html(argv):
    m = parse(argv[0])
    h = next(p for p in m.walk() if p.get_content_type() == "text/html").get_content()
    problems = []
    for w in argv[1:]:
        if w.startswith("!") and w[1:] in h:
            problems.append(f"the HTML holds {w[1:]!r}")
        elif not w.startswith("!") and w not in h:
            problems.append(f"the HTML lacks {w!r}")
    return problems


def header(argv):
    m = parse(argv[0])
    field = argv[1]
    got = {a.addr_spec: a.display_name for a in m[field].addresses} if m[field] else {}
    problems = []
    for pair in argv[2:]:
        addr, name = pair.split("=", 1)
        if got.get(addr) != name:
            problems.append(f"{field}: {addr} has the name {got.get(addr)!r}, not {name!r}"
                            f" (raw: {m.get(field)!r})")
    return problems


if __name__ == "__main__":
    a = sys.argv[1:]
    if a[0] == "--text":
        problems = text(a[1:])
    elif a[0] == "--html":
        problems = html(a[1:])
    elif a[0] == "--header":
        problems = header(a[1:])
    else:
        problems = structure(a)
    for p in problems:
        print("mailcheck:", p)
    sys.exit(1 if problems else 0)
