#!/usr/bin/env python3
"""Draws logo.png, the mark used by layouts/letter.xml: a teal disc with
three paper-white rules of falling length, a briefing's list of points.
Standard library only (zlib and struct); run it to rebuild the file."""
import struct, zlib

S = 4                    # supersampling for smooth edges
W = H = 160
TEAL, PAPER = (0, 102, 94), (255, 255, 255)

def inside(x, y):
    cx = cy = W / 2
    if (x - cx) ** 2 + (y - cy) ** 2 > (W / 2 - 2) ** 2:
        return None
    for top, left, right in ((46, 38, 122), (74, 38, 104), (102, 38, 86)):
        if top <= y < top + 13 and left <= x < right:
            return PAPER
    return TEAL

rows = []
for y in range(H):
    row = bytearray([0])
    for x in range(W):
        acc, cov = [0, 0, 0], 0
        for sy in range(S):
            for sx in range(S):
                c = inside(x + (sx + 0.5) / S, y + (sy + 0.5) / S)
                if c:
                    cov += 1
                    for i in range(3):
                        acc[i] += c[i]
        if cov:
            px = [round(a / cov) for a in acc]
            # Blend with white where the disc's edge is partly covered.
            px = [round(p * cov / S / S + 255 * (1 - cov / S / S)) for p in px]
        else:
            px = [255, 255, 255]
        row += bytes(px)
    rows.append(bytes(row))

def chunk(kind, data):
    return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

png = b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", W, H, 8, 2, 0, 0, 0))
png += chunk(b"IDAT", zlib.compress(b"".join(rows), 9)) + chunk(b"IEND", b"")
open(__file__.rsplit("/", 1)[0] + "/logo.png" if "/" in __file__ else "logo.png", "wb").write(png)
