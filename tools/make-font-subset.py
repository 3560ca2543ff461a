#!/usr/bin/python3
"""Builds Starling's bundled default font: a subset of Noto Sans CJK SC (SIL OFL 1.1).

Coverage: printable ASCII, Latin-1 Supplement, every GB2312 character (all 6763 hanzi plus the
GB2312 symbol rows: CJK punctuation, full-width forms, Greek, Cyrillic, kana), the CJK Symbols
and Punctuation block (U+3000-U+303F) and the Halfwidth and Fullwidth Forms (U+FF00-U+FFEF).
Output: a CFF-flavoured OpenType file that java.awt.Font.createFont loads on JDK 17.

Needs Debian's fonts-noto-cjk and python3-fonttools. Run from the repository root:

    /usr/bin/python3 tools/make-font-subset.py \
        /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc \
        core/src/main/resources/dev/starling/formation/fonts/StarlingNotoSansSC-Regular.otf

Deterministic: the same input font gives the same bytes (timestamps are pinned).
"""
import sys

from fontTools import subset
from fontTools.ttLib import TTCollection

FACE = "NotoSansCJKsc-Regular"          # PostScript name of the Simplified Chinese face in the TTC
FAMILY = "Starling Noto Sans SC Subset"  # renamed so it is never mistaken for the full font
PS_NAME = "StarlingNotoSansSC-Regular"
FIXED_TIMESTAMP = 0x00000000E3D0F000     # head.created/modified pinned for reproducible output


def gb2312_chars():
    """Every character GB2312 encodes: rows 0xA1-0xF7, cells 0xA1-0xFE (holes are skipped)."""
    out = []
    for hi in range(0xA1, 0xF8):
        for lo in range(0xA1, 0xFF):
            try:
                out.append(bytes([hi, lo]).decode("gb2312"))
            except UnicodeDecodeError:
                pass
    return out


def wanted_codepoints():
    cps = set(range(0x20, 0x7F)) | set(range(0xA0, 0x100))
    cps |= set(range(0x3000, 0x3040)) | set(range(0xFF00, 0xFFF0))
    chars = gb2312_chars()
    hanzi = [c for c in chars if "\u4e00" <= c <= "\u9fff"]
    if len(hanzi) != 6763:
        raise SystemExit(f"expected 6763 GB2312 hanzi, found {len(hanzi)}")
    cps |= {ord(c) for c in chars}
    return cps


def main(src, dst):
    collection = TTCollection(src)
    faces = [f for f in collection.fonts if f["name"].getDebugName(6) == FACE]
    if not faces:
        raise SystemExit(f"{src} has no face named {FACE}")
    font = faces[0]
    cmap = font.getBestCmap()
    cps = wanted_codepoints()
    missing = sorted(cp for cp in cps if cp not in cmap)
    cps = [cp for cp in sorted(cps) if cp in cmap]

    options = subset.Options()
    options.hinting = False            # outlines only: Starling never rasterises at small sizes
    options.desubroutinize = False
    options.layout_features = []       # java.awt draws cmap glyphs only: no alternates needed
    options.name_IDs = ["*"]
    options.name_languages = ["*"]
    options.notdef_outline = True
    options.recalc_timestamp = False
    subsetter = subset.Subsetter(options)
    subsetter.populate(unicodes=cps)
    subsetter.subset(font)

    name = font["name"]
    for rec in list(name.names):
        if rec.nameID in (1, 4, 16):
            rec.string = FAMILY if rec.nameID != 4 else FAMILY + " Regular"
        elif rec.nameID == 6:
            rec.string = PS_NAME
        elif rec.nameID == 3:
            rec.string = PS_NAME + ";subset of " + FACE
    if "CFF " in font:
        cff = font["CFF "].cff
        cff.fontNames = [PS_NAME]
    font["head"].created = FIXED_TIMESTAMP
    font["head"].modified = FIXED_TIMESTAMP
    font.recalcTimestamp = False      # else save() stamps the current time into head.modified
    font.save(dst, reorderTables=True)
    print(f"{dst}: {len(cps)} code points, {font['maxp'].numGlyphs} glyphs; "
          f"{len(missing)} wanted code points absent from the source: "
          + " ".join(f"U+{cp:04X}" for cp in missing[:20]))


if __name__ == "__main__":
    if len(sys.argv) != 3:
        raise SystemExit(__doc__)
    main(sys.argv[1], sys.argv[2])
