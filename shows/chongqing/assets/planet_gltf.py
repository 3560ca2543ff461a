#!/usr/bin/env python3
"""Writes planet.gltf, the turning "山城之光" of the Chongqing flagship, as a glTF 2.0 animation.

The points are planet.py's (a Fibonacci sphere and a tilted golden ring, 5000 points, all pairs
at least 2.5 m apart), as one POINTS mesh with their colours (COLOR_0); the animation turns the planet's node 24 degrees
about the vertical, eased in and out (3u^2 - 2u^3) over 15 s, keyed 4 times a second. glTF axes:
y up, +z towards the viewer, so planet.py's show-frame (x, y, z) is written as (x, z, -y).
Starling flies it as a "frames" formation: one drone per vertex, through every keyframe.
Made here from numbers only (no third-party artwork), deterministic. Run from this folder:
python3 planet_gltf.py
"""
import base64
import json
import math
import struct

import planet

SECONDS, TURN_DEGREES, KEYS_PER_SECOND = 15.0, 24.0, 4


def main():
    pts = planet.points()
    verts = [(x, z, -y) for (x, y, z, _c) in pts]
    colours = [tuple(ch / 255.0 for ch in c) for (_x, _y, _z, c) in pts]
    n = len(verts)
    keys = int(SECONDS * KEYS_PER_SECOND) + 1
    times = [k / KEYS_PER_SECOND for k in range(keys)]
    quats = []
    for t in times:
        u = t / SECONDS
        a = math.radians(TURN_DEGREES) * u * u * (3 - 2 * u)
        quats.append((0.0, math.sin(a / 2), 0.0, math.cos(a / 2)))   # about glTF +y (up)
    blob = b"".join(struct.pack("<3f", *v) for v in verts)
    blob += b"".join(struct.pack("<3f", *c) for c in colours)
    blob += b"".join(struct.pack("<f", t) for t in times)
    blob += b"".join(struct.pack("<4f", *q) for q in quats)
    lo = [min(v[a] for v in verts) for a in range(3)]
    hi = [max(v[a] for v in verts) for a in range(3)]
    doc = {
        "asset": {"version": "2.0", "generator": "Starling planet_gltf.py (CC0)"},
        "scene": 0, "scenes": [{"nodes": [0]}],
        "nodes": [{"name": "planet", "mesh": 0}],
        "meshes": [{"name": "planet", "primitives": [{"attributes": {"POSITION": 0, "COLOR_0": 3}, "mode": 0}]}],
        "buffers": [{"byteLength": len(blob),
                     "uri": "data:application/octet-stream;base64," + base64.b64encode(blob).decode("ascii")}],
        "bufferViews": [{"buffer": 0, "byteOffset": 0, "byteLength": 12 * n},
                        {"buffer": 0, "byteOffset": 24 * n, "byteLength": 4 * keys},
                        {"buffer": 0, "byteOffset": 24 * n + 4 * keys, "byteLength": 16 * keys},
                        {"buffer": 0, "byteOffset": 12 * n, "byteLength": 12 * n}],
        "accessors": [{"bufferView": 0, "componentType": 5126, "count": n, "type": "VEC3",
                       "min": lo, "max": hi},
                      {"bufferView": 1, "componentType": 5126, "count": keys, "type": "SCALAR",
                       "min": [times[0]], "max": [times[-1]]},
                      {"bufferView": 2, "componentType": 5126, "count": keys, "type": "VEC4"},
                      {"bufferView": 3, "componentType": 5126, "count": n, "type": "VEC3"}],
        "animations": [{"name": "turn", "channels": [{"sampler": 0, "target": {"node": 0, "path": "rotation"}}],
                        "samplers": [{"input": 1, "output": 2, "interpolation": "LINEAR"}]}],
    }
    with open("planet.gltf", "w", encoding="ascii") as f:
        json.dump(doc, f, separators=(",", ":"))
        f.write("\n")
    print("wrote planet.gltf: %d vertices, %d keys over %.0f s" % (n, keys, SECONDS))


if __name__ == "__main__":
    main()
