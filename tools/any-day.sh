#!/usr/bin/env bash
# The test suite on another day, in another time zone and locale (issue 19): builds the tests
# once, then runs every test binary under libfaketime (Debian's faketime) with TZ and LANG set.
# Only the processes' clock is moved: the file system still stamps files with the real time.
#
#   tools/any-day.sh '2027-02-28 23:59:30' Asia/Riyadh ar_SA.UTF-8 [test-binary-name...]
#
# The clock starts at the given local time and runs on from there. cargo itself runs unfaked
# (its freshness checks compare file times); the tests, and the qari they start, are faked.
set -euo pipefail
cd "$(dirname "$0")/.."
day=$1 tz=$2 lang=$3
shift 3
lib=$(ls /usr/lib/*/faketime/libfaketime.so.1 2>/dev/null | head -1)
[ -n "$lib" ] || { echo "needs libfaketime (apt-get install faketime)" >&2; exit 2; }
mapfile -t bins < <(cargo test --no-run --message-format=json 2>/dev/null |
    python3 -c 'import json,sys
for l in sys.stdin:
    m = json.loads(l)
    if m.get("reason") == "compiler-artifact" and m.get("executable") and m["profile"]["test"]:
        print(m["executable"])')
failed=0
for bin in "${bins[@]}"; do
    name=$(basename "$bin" | sed 's/-[0-9a-f]*$//')
    if [ $# -gt 0 ] && ! printf '%s\n' "$@" | grep -qx "$name"; then continue; fi
    # The library, not the faketime wrapper (which waits for every process the tests leave,
    # such as a file monitor that ends by itself later); the monotonic clock stays real.
    if TZ=$tz LANG=$lang LC_ALL= CI=${CI:-true} LD_PRELOAD=$lib FAKETIME="@$day" DONT_FAKE_MONOTONIC=1 \
        "$bin" -q >"/tmp/any-day-$name.log" 2>&1; then
        echo "ok      $name ($(grep -o '[0-9]* passed' "/tmp/any-day-$name.log" | awk '{s+=$1} END {print s}') passed)"
    else
        echo "FAILED  $name (see /tmp/any-day-$name.log)"; failed=1
    fi
done
echo "day: $day, TZ=$tz, LANG=$lang: $([ $failed = 0 ] && echo all passed || echo failures)"
exit $failed
