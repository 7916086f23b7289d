#!/usr/bin/env python3
"""Checks a message the test SMTP server received, with Python's own MIME
parser.

  mailcheck.py EML ENVELOPE.json PDF SUBJECT ATTACHMENT-NAME RCPT... --bcc ADDR...

Structure mixed > related > alternative (text/plain, text/html) + image/png,
the PDF attached; the HTML shows the image by its Content-ID; the PDF's
bytes equal PDF; the subject decodes to SUBJECT; the envelope holds every
RCPT and Bcc address; no Bcc header; Date and Message-ID present."""
import email, email.policy, email.utils, json, sys

eml, env, pdf, subject, attname = sys.argv[1:6]
rest = sys.argv[6:]
bcc = rest[rest.index("--bcc") + 1:] if "--bcc" in rest else []
rcpts = rest[:rest.index("--bcc")] if "--bcc" in rest else rest
m = email.message_from_bytes(open(eml, "rb").read(), policy=email.policy.default)
envelope = json.load(open(env))
problems = []

def want(cond, what):
    if not cond:
        problems.append(what)

want(m.get_content_type() == "multipart/mixed", "top is multipart/mixed")
parts = list(m.iter_parts())
want(len(parts) == 2, "mixed has two parts")
rel, att = parts[0], parts[1]
want(rel.get_content_type() == "multipart/related", "first is multipart/related")
rparts = list(rel.iter_parts())
alt, img = rparts[0], rparts[1]
want(alt.get_content_type() == "multipart/alternative", "related starts with alternative")
aparts = [p.get_content_type() for p in alt.iter_parts()]
want(aparts == ["text/plain", "text/html"], f"alternative holds text and html, not {aparts}")
want(img.get_content_type() == "image/png" and img.get_content()[:8] == b"\x89PNG\r\n\x1a\n",
     "the inline picture is a PNG")
cid = (img["Content-ID"] or "").strip("<>")
html = list(alt.iter_parts())[1].get_content()
want(cid and f"cid:{cid}" in html, "the HTML shows the picture by its Content-ID")
want(att.get_content_type() == "application/pdf", "the attachment is a PDF")
want(att.get_filename() == attname, f"attachment named {att.get_filename()}, not {attname}")
want(att.get_content() == open(pdf, "rb").read(), "the attachment's bytes are the rendered PDF")
want(str(m["Subject"]) == subject, f"subject decodes to {m['Subject']!r}")
want(m["Bcc"] is None, "no Bcc header")
want(m["Date"] is not None and email.utils.parsedate_to_datetime(str(m["Date"])), "a Date")
want(m["Message-ID"] is not None, "a Message-ID")
for r in rcpts + bcc:
    want(r in envelope["to"], f"{r} in the envelope")
want(sorted(envelope["to"]) == sorted(rcpts + bcc), f"envelope is exactly {rcpts + bcc}: {envelope['to']}")
plain = list(alt.iter_parts())[0].get_content()
want("The full briefing is attached" in html and "attached as a PDF" in plain, "bodies mention the PDF")
for p in problems:
    print("mailcheck:", p)
sys.exit(1 if problems else 0)
