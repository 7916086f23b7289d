#!/usr/bin/env python3
"""Writes an edition of N full-size stories: the seed N times, each copy's
title and paragraphs marked " [k]" so that no two are the same (issue 13's
measure, and what ../shared/peers/ sets in Typst):

  gen_full.py N FILE.xml"""
import copy, os, sys
import xml.etree.ElementTree as ET

n, out = int(sys.argv[1]), sys.argv[2]
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
         '<briefing title="Twenty Briefings" edition="Volume 1" date="2026-04-28" '
         'audience="the board" author="Strategy Office">\n']
for k in range(1, n + 1):
    st = copy.deepcopy(seed)
    st.set("id", f"{st.get('id')}-{k}")
    mark(st.find("title"), k)
    for p in st.iter("p"):
        mark(p, k)
    parts.append(ET.tostring(st, encoding="unicode") + "\n")
with open(out, "w", encoding="utf-8") as f:
    f.write("".join(parts) + "</briefing>\n")
