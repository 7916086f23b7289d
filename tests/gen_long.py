#!/usr/bin/env python3
"""Writes a long story to standard output: N sections of paragraphs of
varied lengths, for the pagination tests.  The text is varied, not random,
so the output is the same every run."""
import sys

n = int(sys.argv[1]) if len(sys.argv) > 1 else 40
words = ("the board weighed capacity against contract terms while regulators "
         "asked whether exclusive cloud arrangements shaped enterprise markets "
         "and analysts modelled revenue share caps through the decade").split()
print('<?xml version="1.0" encoding="UTF-8"?>')
print('<story id="long" category="Markets" date="2026-01-15">')
print("  <title>A long story to exercise pagination</title>")
print("  <overview><point>Many sections, many paragraphs.</point></overview>")
print("  <analysis>")
for s in range(n):
    print(f"    <section><title>Section {s + 1}: what changed and why it matters</title>")
    for p in range(1 + s % 4):
        length = 12 + (s * 7 + p * 13) % 90
        text = " ".join(words[(s + p + i) % len(words)] for i in range(length))
        print(f"      <p>{text.capitalize()}.</p>")
    print("    </section>")
print("  </analysis>")
print("</story>")
