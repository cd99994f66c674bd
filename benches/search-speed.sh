#!/usr/bin/env bash
# Issue 10's and issue 21's figures, each side by side with its reference in one run, in
# alternated pairs (qari, then the reference, five times; the median of each is printed), both
# warm: page cache warm and the index built. `qari search -l` ranks best first unless
# `--sort path`; rg's figure is always `rg -l -F WORD` (the reference for the whole run).
#
#   benches/search-speed.sh [COLLECTION] [WORD]
#
# COLLECTION defaults to target/bench-collection (made by ../shared/bench/make-collection on
# first use, 100,000 articles). Needs `rg` (Debian's ripgrep) and a release build
# (`cargo build --release`). The index and caches go to a fresh home under target/, so the
# first-index figure really is a first index; your own ~/.local/share/qari is not touched.
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
coll=${1:-$here/target/bench-collection}
word=${2:-الإسلامية}
qari=$here/target/release/qari
[ -x "$qari" ] || { echo "build first: cargo build --release" >&2; exit 2; }
command -v rg >/dev/null || { echo "needs rg (apt-get install ripgrep)" >&2; exit 2; }
if [ ! -d "$coll" ]; then
    python3 "$here/../shared/bench/make-collection" "$coll" 100000
fi
# qari prints absolute paths: so must rg, for the two lists to compare.
coll=$(cd "$coll" && pwd)
home=$here/target/bench-speed-home
rm -rf "$home"
export XDG_CACHE_HOME=$home/cache XDG_DATA_HOME=$home/data XDG_CONFIG_HOME=$home/config

ms() { local t0 t1; t0=$(date +%s%N); "$@" >/dev/null 2>&1 || true; t1=$(date +%s%N); echo $(((t1 - t0) / 1000000)); }
median() { printf '%s\n' "$@" | sort -n | sed -n "$((($# + 1) / 2))p"; }

echo "collection: $coll ($(find "$coll" -type f | wc -l) files, $(find "$coll" -type f -printf '%s\n' | awk '{s+=$1} END {printf "%.0f MB", s/1e6}') of text); load: $(cut -d' ' -f1-3 /proc/loadavg)"
# Warm the page cache and the library cache.
rg -l -F "$word" "$coll" >/dev/null || true
"$qari" list "$coll" >/dev/null

# First index (the library cache warm, as in the library), then one rg pass.
first=$(ms "$qari" search -l "$word" "$coll")
rg1=$(ms rg -l -F "$word" "$coll")
size=$(du -b "$home"/data/qari/index-*.db | awk '{s+=$1} END {print s}')
text=$(find "$coll" -type f -printf '%s\n' | awk '{s+=$1} END {print s}')
echo "first index: qari ${first} ms | one rg pass ${rg1} ms"
echo "index size: $((size / 1000000)) MB = $(awk "BEGIN {printf \"%.2f\", $size / $text}") x the text"

# The second search: the index is warm, but the monitor (started by the first) has not yet
# given the index a token, so this one still looks at every file.
second=$(ms "$qari" search -l "$word" "$coll")
echo "second search (walks the folder, takes the monitor's token): qari ${second} ms"

# Warm search, alternated pairs with rg, with the config folder $2 (its config decides the
# monitor).
# qari's query and options come after the config folder: `pairs LABEL CONFIG [QARI-ARGS...]`
# (default: ranked `-l` of the word), rg is always `rg -l -F WORD`.
pairs() {
    local label=$1 config=$2 q=() r=() mq mr
    shift 2
    [ $# -gt 0 ] || set -- -l "$word"
    for _ in 1 2 3 4 5; do
        q+=("$(XDG_CONFIG_HOME=$config ms "$qari" search "$@" "$coll")")
        r+=("$(ms rg -l -F "$word" "$coll")")
    done
    mq=$(median "${q[@]}") mr=$(median "${r[@]}")
    echo "warm search ($label: qari search $*): qari ${mq} ms (${q[*]}) | rg -l -F ${mr} ms (${r[*]}) | ratio $(awk "BEGIN {printf \"%.2f\", $mq / $mr}")"
}
pairs "monitor, ranked" "$XDG_CONFIG_HOME"
# Issue 21: ranked (the default) against the folder's order, a two-word query and a phrase.
pairs "monitor, folder order" "$XDG_CONFIG_HOME" -l --sort path "$word"
pairs "monitor, ranked, two words" "$XDG_CONFIG_HOME" -l "$word المملكة"
pairs "monitor, ranked, a phrase" "$XDG_CONFIG_HOME" -l '"قال الوزير"'
pairs "monitor, ranked, a two-letter word" "$XDG_CONFIG_HOME" -l "في"

# Without a monitor (monitor = false: every file's size, times and inode looked at).
mkdir -p "$home/config-nomonitor/qari"
echo "monitor = false" >"$home/config-nomonitor/qari/config.toml"
pairs "no monitor, ranked" "$home/config-nomonitor"

# Same results: every file rg finds, qari finds (qari also finds the other spellings).
missing=$(comm -13 <("$qari" search -l "$word" "$coll" | sort) <(rg -l -F "$word" "$coll" | sort) | wc -l)
echo "files rg finds that qari does not: $missing"

# Second open of the library (the list), with its peak memory.
l=()
for _ in 1 2 3; do l+=("$(ms "$qari" list "$coll")"); done
mem=$(/usr/bin/time -f %M "$qari" list "$coll" 2>&1 >/dev/null | tail -1)
echo "second open (qari list): $(median "${l[@]}") ms, ${mem} KB peak"

# The monitor ends once its socket is gone (within its 2 s tick).
rm -f "$home"/cache/qari/monitor-*.sock
