#!/usr/bin/env bash
# Issue 20's throughput figure: article extraction over Mozilla Readability's 130 test pages,
# qari (benches/extraction.rs: html::decode + html::extract, in process) and trafilatura
# (benches/extraction_speed.py: trafilatura.extract on the same bytes, in process) in one run,
# both warm: the pages are decompressed into memory before timing, and each side makes one
# untimed pass first. Each prints its median pass as pages/s and MB/s of HTML.
#
#   benches/extraction-speed.sh [PAGES_DIR]
#
# PAGES_DIR defaults to ../shared/extraction/readability. Needs trafilatura importable by
# $PYTHON (default python3): `pip install trafilatura lxml_html_clean` (in a venv, say; then
# PYTHON=venv/bin/python).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
pages=${1:-$here/../shared/extraction/readability}
python=${PYTHON:-python3}
"$python" -c "import trafilatura" 2>/dev/null || {
    echo "needs trafilatura: pip install trafilatura lxml_html_clean (then PYTHON=...)" >&2
    exit 2
}
echo "pages: $pages; load: $(cut -d' ' -f1-3 /proc/loadavg)"
cd "$here"
QARI_EXTRACTION_PAGES=$pages cargo bench --quiet --bench extraction 2>/dev/null | sed 's/^/qari  /'
"$python" "$here/benches/extraction_speed.py" "$pages" 5
