#!/usr/bin/env python3
"""Stands in for `qari import FILE.html` so that ../shared/tools/extraction_f1.py can score
trafilatura by the same rule on the same pages: reads the collection folder from
$XDG_CONFIG_HOME/qari/config.toml, extracts FILE with trafilatura (text, tables and lists
kept, comments dropped) and writes it there as a qari article (front matter, `# ` title).

usage: PATH=VENV/bin:$PATH ../shared/tools/extraction_f1.py benches/trafilatura-import.py
"""
import os, re, sys

import trafilatura


def main():
    if len(sys.argv) != 3 or sys.argv[1] != "import":
        sys.exit("usage: trafilatura-import.py import FILE.html")
    config = os.path.join(os.environ["XDG_CONFIG_HOME"], "qari", "config.toml")
    coll = re.search(r'collection\s*=\s*"([^"]*)"', open(config, encoding="utf-8").read()).group(1)
    raw = open(sys.argv[2], "rb").read()
    text = trafilatura.extract(raw, include_comments=False)
    if not text:
        sys.exit(f"{sys.argv[2]}: no article text found")
    os.makedirs(os.path.join(coll, "saved"), exist_ok=True)
    with open(os.path.join(coll, "saved", "article.md"), "w", encoding="utf-8") as f:
        f.write("---\ntitle: x\n---\n\n# x\n\n" + text + "\n")


if __name__ == "__main__":
    main()
