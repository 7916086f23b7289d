#!/usr/bin/env python3
"""Writes an edition of N full-size stories: the seed N times, each copy's
title and paragraphs marked " [k]" so that no two are the same (issue 13's
measure, and what ../shared/peers/ sets in Typst):

  gen_full.py N FILE.xml [--split]

With --split each story goes to stories/sNN.xml beside FILE.xml, which
XIncludes them (as an edition is kept, and as watch sees it)."""
import copy, os, sys
import xml.etree.ElementTree as ET

n, out = int(sys.argv[1]), sys.argv[2]
split = "--split" in sys.argv[3:]
here = os.path.dirname(os.path.abspath(__file__))
seed = ET.parse(os.path.join(here, "..", "samples", "openai-aws.xml")).getroot()

def mark(el, k):
    """Append " [k]" to the element's text, after its last child if any."""
    kids = list(el)
    if kids:
        kids[-1].tail = (kids[-1].tail or "") + f" [{k}]"
    else:
        el.text = (el.text or "") + f" [{k}]"

parts = ['<?xml version="1.0" encoding="UTF-8"?>\n'
         '<briefing xmlns:xi="http://www.w3.org/2001/XInclude" title="Twenty Briefings" '
         'edition="Volume 1" date="2026-04-28" audience="the board" author="Strategy Office">\n']
if split:
    os.makedirs(os.path.join(os.path.dirname(os.path.abspath(out)), "stories"), exist_ok=True)
for k in range(1, n + 1):
    st = copy.deepcopy(seed)
    st.set("id", f"{st.get('id')}-{k}")
    mark(st.find("title"), k)
    for p in st.iter("p"):
        mark(p, k)
    body = ET.tostring(st, encoding="unicode")
    if split:
        name = f"stories/s{k:02d}.xml"
        with open(os.path.join(os.path.dirname(os.path.abspath(out)), name), "w",
                  encoding="utf-8") as f:
            f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n")
        parts.append(f'  <xi:include href="{name}"/>\n')
    else:
        parts.append(body + "\n")
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(parts) + "</briefing>\n")
