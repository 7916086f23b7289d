#!/usr/bin/env python3
"""Writes stress stories to standard output, the same every run.

  gen_big.py timeline N   a story with N timeline events, out of order
  gen_big.py players N    a power map of N players with ties between them
"""
import sys

kind, n = sys.argv[1], int(sys.argv[2])
print('<?xml version="1.0" encoding="UTF-8"?>')
print(f'<story id="big-{kind}" category="Energy" date="2026-06-15">')
print(f"  <title>Stress: {n} {'events' if kind == 'timeline' else 'players'}</title>")
print("  <overview><point>Generated to test scale.</point></overview>")
if kind == "timeline":
    print("  <timeline>")
    for i in range(n):
        k = (i * 37) % n                      # a fixed shuffle
        y, m, d = 2000 + k * 26 // n, 1 + k % 12, 1 + k % 28
        date = [f"{y}", f"{y}-{m:02d}", f"{y}-{m:02d}-{d:02d}"][k % 3]
        print(f'    <event date="{date}">Event number {k}: a development with enough words to wrap onto a second line in the list.</event>')
    print("  </timeline>")
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
