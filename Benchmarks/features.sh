#!/usr/bin/env bash
# Median wall time and peak RSS of `hvctl features --json` on a fixture, beside Debian's `cpuid -f`
# decoding the same cpuid.txt (issue 2 target: within 3x of cpuid, under 10 MB). Release build.
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="/opt/swift/usr/bin:$PATH"
runs=${RUNS:-100}
fixture=${FIXTURE:-Tests/Fixtures/azure-d8ds-v5}
swift build -c release --product hvctl >/dev/null
hvctl="$(swift build -c release --show-bin-path)/hvctl"
cpuid=$(command -v cpuid || true)
[ -n "$cpuid" ] || { echo "cpuid not installed (apt-get install cpuid)" >&2; exit 1; }
echo "fixture: $fixture ($(nproc) CPUs, $(uname -r))"
python3 Benchmarks/measure.py "$runs" \
    "hvctl features --json" -- "$hvctl" --snapshot "$fixture" features --json --- \
    "hvctl features (text)" -- "$hvctl" --snapshot "$fixture" features --- \
    "hvctl info --json" -- "$hvctl" --snapshot "$fixture" info --json --- \
    "cpuid -f cpuid.txt" -- "$cpuid" -f "$fixture/cpuid.txt"
