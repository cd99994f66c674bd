#!/usr/bin/env python3
"""Generate src/text/tables.rs from the Unicode 15.0 data files.

Regenerate from the checkout's root with:

  python3 tools/gen_tables.py ../shared/unicode > src/text/tables.rs

Everything comes from the files in the given folder, nothing from the running Python (no
`unicodedata`, whose Unicode version depends on the Python build), so any Python 3 gives the
same bytes; tests/tables.rs checks that the checked-in file is this script's output.

- BidiMirroring.txt: the Bidi_Mirroring_Glyph pairs.
- ArabicShaping.txt: the joining types it lists.
- UnicodeData.txt: general categories and bidi classes (for the joining types below) and the
  <isolated>/<final>/<initial>/<medial> presentation-form decompositions. `<..., First>` and
  `<..., Last>` lines stand for every code point between them. A code point the file does not
  list (unassigned) has no bidi class and category Cn, so it is non-joining: that is what GNU
  FriBidi does too, even for the unassigned code points DerivedBidiClass.txt makes BN.
- DerivedCoreProperties.txt: only to check that UnicodeData.txt, which has no version header,
  is the 15.0 one (every Alphabetic code point must be listed there, every letter Alphabetic).

The script stops with a message unless every file is the Unicode 15.0.0 one.

The joining types follow GNU FriBidi's derivation: BN and explicit embeddings are "ignored" (G),
Mn and Cf are transparent (T), ArabicShaping.txt overrides both, everything else is
non-joining (U).
"""
import os
import sys

VERSION = "15.0.0"
TAGS = {"<isolated>": 0, "<final>": 1, "<initial>": 2, "<medial>": 3}
IGNORED = ("BN", "LRE", "RLE", "LRO", "RLO", "PDF")
TRANSPARENT = ("Mn", "Cf")
LETTERS = ("Lu", "Ll", "Lt", "Lm", "Lo", "Nl")


def fail(message):
    sys.exit(f"gen_tables.py: {message}")


def read_lines(folder, name):
    path = os.path.join(folder, name)
    try:
        with open(path, encoding="utf-8") as f:
            return f.read().splitlines()
    except OSError as e:
        fail(f"cannot read {path}: {e.strerror}")


def versioned_lines(folder, name):
    """The lines of a file whose first line names it, e.g. `# BidiMirroring-15.0.0.txt`."""
    lines = read_lines(folder, name)
    stem = name[: -len(".txt")]
    expected = f"# {stem}-{VERSION}.txt"
    first = lines[0].strip() if lines else ""
    if first != expected:
        fail(f"{os.path.join(folder, name)} starts with {first!r}, not {expected!r}: "
             f"the tables are generated from Unicode {VERSION} only")
    return lines


def data_fields(lines):
    for line in lines:
        line = line.split("#", 1)[0].strip()
        if line:
            yield [f.strip() for f in line.split(";")]


def code_points(field):
    """The inclusive range of a `0600` or `0600..06FF` field."""
    first, _, last = field.partition("..")
    return int(first, 16), int(last or first, 16)


def unicode_data(lines):
    """{code point: (general category, bidi class, decomposition)}, with ranges expanded."""
    chars = {}
    first = None
    for fields in data_fields(lines):
        cp, name = int(fields[0], 16), fields[1]
        props = (fields[2], fields[4], fields[5])
        if name.endswith(", First>"):
            first = cp
            continue
        if name.endswith(", Last>"):
            if first is None:
                fail(f"UnicodeData.txt: {name} at U+{cp:04X} has no First line")
            for c in range(first, cp + 1):
                chars[c] = props
            first = None
        else:
            chars[cp] = props
    return chars


def check_unicode_data_version(chars, derived_core):
    """UnicodeData.txt has no header, so check it against DerivedCoreProperties-15.0.0.txt:
    every Alphabetic code point must be listed, and every letter (L*, Nl) must be Alphabetic.
    Each Unicode version adds letters, so an older file misses some and a newer one adds some."""
    alphabetic = set()
    for fields in data_fields(derived_core):
        if fields[1] == "Alphabetic":
            lo, hi = code_points(fields[0])
            alphabetic.update(range(lo, hi + 1))
    missing = sorted(cp for cp in alphabetic if cp not in chars)
    extra = sorted(cp for cp, p in chars.items() if p[0] in LETTERS and cp not in alphabetic)
    for cps, what in ((missing, "Alphabetic in DerivedCoreProperties.txt but not listed"),
                      (extra, "a letter not Alphabetic in DerivedCoreProperties.txt")):
        if cps:
            fail(f"UnicodeData.txt is not the Unicode {VERSION} one: U+{cps[0]:04X} (and "
                 f"{len(cps) - 1} more) is {what}")


def joining_ranges(chars, shaping):
    """Sorted inclusive (first, last, type) ranges of the joining types other than U."""
    joining = {}
    for cp, (category, bidi, _) in chars.items():
        if bidi in IGNORED:
            joining[cp] = "G"
        if category in TRANSPARENT:
            joining[cp] = "T"
    for fields in data_fields(shaping):
        joining[int(fields[0], 16)] = fields[2]
    ranges = []
    for cp in sorted(joining):
        t = joining[cp]
        if t == "U":
            continue
        if ranges and ranges[-1][1] == cp - 1 and ranges[-1][2] == t:
            ranges[-1][1] = cp
        else:
            ranges.append([cp, cp, t])
    return ranges


def presentation_forms(chars):
    """{letter: [isolated, final, initial, medial]}, a missing form being the letter itself."""
    forms = {}
    for cp in sorted(chars):
        d = chars[cp][2].split()
        if len(d) == 2 and d[0] in TAGS:
            base = int(d[1], 16)
            forms.setdefault(base, [base, base, base, base])[TAGS[d[0]]] = cp
    return forms


def render(mirrors, ranges, forms):
    out = []
    w = out.append
    w("//! Unicode tables for mirroring and Arabic shaping, generated by tools/gen_tables.py from\n")
    w(f"//! the Unicode {VERSION} BidiMirroring.txt, ArabicShaping.txt and UnicodeData.txt.\n")
    w("//! Do not edit; regenerate with\n")
    w("//! `python3 tools/gen_tables.py ../shared/unicode > src/text/tables.rs`.\n\n")
    w("/// Bidi_Mirroring_Glyph pairs, sorted by the first code point.\n")
    w("pub const MIRRORS: &[(char, char)] = &[\n")
    for a, b in mirrors:
        w(f"    ('\\u{{{a:04X}}}', '\\u{{{b:04X}}}'),\n")
    w("];\n\n")
    w("/// Joining types other than U (non-joining), as sorted inclusive ranges.\n")
    w("pub const JOINING: &[(char, char, Joining)] = &[\n")
    for a, b, t in ranges:
        w(f"    ('\\u{{{a:04X}}}', '\\u{{{b:04X}}}', Joining::{t}),\n")
    w("];\n\n")
    w("/// Presentation forms [isolated, final, initial, medial] of each letter that has any;\n")
    w("/// a missing form is the letter itself.\n")
    w("pub const FORMS: &[(char, [char; 4])] = &[\n")
    for base in sorted(forms):
        f = ", ".join(f"'\\u{{{c:04X}}}'" for c in forms[base])
        w(f"    ('\\u{{{base:04X}}}', [{f}]),\n")
    w("];\n\n")
    w("/// Joining type of a character (Unicode 9.2, as GNU FriBidi derives it).\n")
    w("#[derive(Clone, Copy, Debug, PartialEq, Eq)]\n")
    w("pub enum Joining {\n")
    w("    /// Right-joining: joins the preceding letter only.\n    R,\n")
    w("    /// Left-joining: joins the following letter only.\n    L,\n")
    w("    /// Dual-joining.\n    D,\n")
    w("    /// Join-causing (tatweel, ZWJ): joins both sides but has no forms.\n    C,\n")
    w("    /// Non-joining.\n    U,\n")
    w("    /// Transparent (marks, format characters): skipped, level checked.\n    T,\n")
    w("    /// Ignored (BN, explicit embeddings): skipped entirely.\n    G,\n")
    w("}\n")
    return "".join(out)


def main(folder):
    mirroring = versioned_lines(folder, "BidiMirroring.txt")
    shaping = versioned_lines(folder, "ArabicShaping.txt")
    derived_core = versioned_lines(folder, "DerivedCoreProperties.txt")
    chars = unicode_data(read_lines(folder, "UnicodeData.txt"))
    check_unicode_data_version(chars, derived_core)

    mirrors = sorted((int(a, 16), int(b, 16)) for a, b in data_fields(mirroring))
    text = render(mirrors, joining_ranges(chars, shaping), presentation_forms(chars))
    # Bytes, so that no platform turns the newlines into CRLF.
    sys.stdout.buffer.write(text.encode("ascii"))


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "../shared/unicode")
