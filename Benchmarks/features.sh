#!/usr/bin/env bash
# Median wall time and peak RSS of `hvctl features --json` on a fixture, beside Debian's `cpuid -f`
# decoding the same cpuid.txt (issue 2 target: within 3x of cpuid, under 10 MB). Measures the
# shipped build (what make builds and the .deb installs: fully static, issue 15) and the dynamic one.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs=${RUNS:-100}
fixture=${FIXTURE:-Tests/Fixtures/azure-d8ds-v5}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cc -O2 -o "$work/measure" Benchmarks/measure.c
swift build -c release --product hvctl >/dev/null
dynamic="$(swift build -c release --show-bin-path)/hvctl"
make --no-print-directory >/dev/null # the shipped binary: fully static, stripped (issue 15)
static=.build-static/hvctl
cpuid=$(command -v cpuid || true)
[ -n "$cpuid" ] || { echo "cpuid not installed (apt-get install cpuid)" >&2; exit 1; }
echo "fixture: $fixture; $(nproc) CPUs; kernel $(uname -r); $runs runs each"
printf '%-34s %5s %10s %8s %12s %5s %8s\n' command runs "median ms" "p90 ms" "peak RSS MB" exit "CPU ms"
m() { "$work/measure" "$runs" "$@"; }
m "cpuid -f cpuid.txt" "$cpuid" -f "$fixture/cpuid.txt"
m "hvctl features --json (static)" "$static" --snapshot "$fixture" features --json
m "hvctl features (static)" "$static" --snapshot "$fixture" features
m "hvctl info --json (static)" "$static" --snapshot "$fixture" info --json
m "hvctl --version (static)" "$static" --version
m "hvctl features --json (dynamic)" "$dynamic" --snapshot "$fixture" features --json
