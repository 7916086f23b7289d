#!/usr/bin/env python3
"""Writes an edition of N distinct stories made from the samples:

  gen_edition.py N DIR

DIR/inline.xml holds the stories inline; DIR/split.xml pulls the same
stories from DIR/stories/sNN.xml with XInclude.  Story k varies its sample
(the order of points and paragraphs, chart values, the title), so no two
stories are the same, and the output is the same every run."""
import copy, os, shutil, sys
import xml.etree.ElementTree as ET

n, out = int(sys.argv[1]), sys.argv[2]
here = os.path.dirname(os.path.abspath(__file__))
samples = os.path.join(here, "..", "samples")
bases = [os.path.join(samples, "openai-aws.xml")] + sorted(
    os.path.join(samples, "stories", f) for f in os.listdir(os.path.join(samples, "stories"))
    if f.endswith(".xml"))
trees = [ET.parse(p).getroot() for p in bases]

def rotate(parent, tag, k):
    kids = [c for c in parent if c.tag == tag]
    if len(kids) < 2:
        return
    r = k % len(kids)
    order = kids[r:] + kids[:r]
    first = list(parent).index(kids[0])
    for c in kids:
        parent.remove(c)
    for i, c in enumerate(order):
        parent.insert(first + i, c)

def vary(k):
    st = copy.deepcopy(trees[k % len(trees)])
    st.set("id", f"{st.get('id')}-{k + 1:02d}")
    title = st.find("title")
    title.text = (title.text or "") + f" (week {k + 1})"
    rotate(st.find("overview"), "point", k)
    for sec in st.iter("section"):
        rotate(sec, "p", k // len(trees))
    for v in st.iter("value"):
        v.text = f"{float(v.text) * (1 + (k % 9) / 10):.2f}".rstrip("0").rstrip(".")
    return st

os.makedirs(os.path.join(out, "stories"), exist_ok=True)
# The samples' pictures, beside the inline edition and the split stories.
for d in (out, os.path.join(out, "stories")):
    shutil.copytree(os.path.join(samples, "stories", "images"), os.path.join(d, "images"),
                    dirs_exist_ok=True)
head = ('<?xml version="1.0" encoding="UTF-8"?>\n'
        '<briefing xmlns:xi="http://www.w3.org/2001/XInclude" title="A Year of Briefings" '
        'edition="Volume 1" date="2026-12-31" audience="the board" author="Strategy Office">\n')
inline, split = [head], [head]
for k in range(n):
    body = ET.tostring(vary(k), encoding="unicode")
    inline.append(body + "\n")
    name = f"stories/s{k + 1:02d}.xml"
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write('<?xml version="1.0" encoding="UTF-8"?>\n' + body + "\n")
    split.append(f'  <xi:include href="{name}"/>\n')
for name, parts in (("inline.xml", inline), ("split.xml", split)):
    with open(os.path.join(out, name), "w", encoding="utf-8") as f:
        f.write("".join(parts) + "</briefing>\n")
