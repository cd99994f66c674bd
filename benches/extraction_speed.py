#!/usr/bin/env python3
"""trafilatura's side of benches/extraction-speed.sh: the same pages as benches/extraction.rs
(Readability's 130 test pages, source.html.gz, decompressed into memory first), one warm-up pass,
then PASSES timed passes of trafilatura.extract(bytes) (it decodes the bytes itself, as qari's
side runs html::decode); prints the median pass as pages/s and MB/s (1 MB = 10^6 bytes).

usage: extraction_speed.py PAGES_DIR [PASSES]
"""
import gzip, os, statistics, sys, time

import trafilatura


def main():
    root = sys.argv[1]
    passes = int(sys.argv[2]) if len(sys.argv) > 2 else 5
    names = sorted(n for n in os.listdir(root) if os.path.isfile(os.path.join(root, n, "source.html.gz")))
    pages = [gzip.open(os.path.join(root, n, "source.html.gz")).read() for n in names]
    size = sum(len(p) for p in pages)
    for p in pages:
        trafilatura.extract(p)
    times = []
    for _ in range(passes):
        t0 = time.perf_counter()
        for p in pages:
            trafilatura.extract(p)
        times.append(time.perf_counter() - t0)
    t = statistics.median(times)
    print(f"trafilatura {trafilatura.__version__}: {len(pages)} pages, {size / 1e6:.1f} MB, "
          f"median pass {t * 1000:.0f} ms: {len(pages) / t:.1f} pages/s, {size / 1e6 / t:.2f} MB/s")


if __name__ == "__main__":
    main()
