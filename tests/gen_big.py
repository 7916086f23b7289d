#!/usr/bin/env python3
"""Writes stress stories to standard output, the same every run.

  gen_big.py timeline N   a story with N timeline events, out of order
  gen_big.py players N    a power map of N players with ties between them
  gen_big.py huge N       N paragraphs (about 700 bytes each) and 400 events
  gen_big.py chart N      a bar chart and a line chart of N values, huge and tiny
"""
import sys

kind, n = sys.argv[1], int(sys.argv[2])
print('<?xml version="1.0" encoding="UTF-8"?>')
print(f'<story id="big-{kind}" category="Energy" date="2026-06-15">')
print(f"  <title>Stress: {n} {dict(timeline='events', players='players', huge='paragraphs', chart='values')[kind]}</title>")
print("  <overview><point>Generated to test scale.</point></overview>")
if kind == "timeline":
    print("  <timeline>")
    for i in range(n):
        k = (i * 37) % n                      # a fixed shuffle
        y, m, d = 2000 + k * 26 // n, 1 + k % 12, 1 + k % 28
        date = [f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{d:02d}"][k % 3]
        print(f'    <event date="{date}">Event number {k}: a development with enough words to wrap onto a second line in the list.</event>')
    print("  </timeline>")
elif kind == "huge":
    print("  <analysis>")
    words = ("capacity contract regulator exclusivity revenue forecast interconnector "
             "procurement governance hyperscaler settlement investment").split()
    for i in range(n):
        if i % 25 == 0:
            print(f"    {'</section>' if i else ''}<section><title>Part {i // 25 + 1}</title>")
        text = " ".join(words[(i * 7 + k) % len(words)] for k in range(90))
        print(f"      <p>Paragraph {i + 1}: {text}.</p>")
    print("    </section>\n  </analysis>\n  <timeline>")
    for i in range(400):
        print(f'    <event date="{1900 + i % 126}-{1 + i % 12:02d}">Event {i + 1} of four hundred.</event>')
    print("  </timeline>")
elif kind == "chart":
    print("  <analysis><section><title>Many values</title>")
    for typ in ("bar", "line"):
        print(f'    <chart type="{typ}" unit="units"><title>{n} values, huge and tiny</title>')
        print('      <series name="A">')
        for i in range(n):
            v = [1e15, 3.5e-9, -2.5e12, 0.0004, 123456789.0][i % 5] * (1 + i / n)
            print(f'        <value label="v{i}">{v:g}</value>')
        print("      </series>\n    </chart>")
    print("  </section></analysis>")
else:
    names = ["Treasury", "Central Bank", "Grid Operator", "Utility Alliance", "Regulator",
             "Hyperscaler One", "Chip Maker", "Pension Funds", "Labour Unions",
             "Opposition Party", "City Council", "Export Agency", "Insurers", "Port Authority"]
    stances = ["gains", "loses", "mixed", "neutral"]
    print("  <power-map>")
    for i in range(n):
        nm = names[i % len(names)] + ("" if i < len(names) else f" {i}")
        print(f'    <player id="p{i}" name="{nm}" stance="{stances[i % 4]}">Role of {nm} in the story.</player>')
    for i in range(n):
        print(f'    <relation from="p{i}" to="p{(i * 5 + 3) % n}">ties {i}</relation>')
    print("  </power-map>")
print("</story>")
