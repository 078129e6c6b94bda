#!/usr/bin/env bash
# hvctl health on a snapshot with a 64 MB kernel log (Benchmarks/make-large-log.py), the binary
# `make` builds, beside grep counting the lines with the driver prefix every error pattern starts
# with (into a file: GNU grep stops at the first match when stdout is /dev/null): issue 12 asks for a
# linear, cheap scan ("a few seconds"; it took 39-69 s before). Wall time by hyperfine (one run,
# both commands), instructions by callgrind on a copy without debug info (valgrind cannot read
# Swift 6.3's DWARF), peak RSS by /usr/bin/time. Needs: hyperfine, valgrind, python3. Not run in CI.
#
# Environment: RUNS (default 5), TREE (default /tmp/hvctl-large-log), MB (default 64).
set -euo pipefail
cd "$(dirname "$0")/.."
runs=${RUNS:-5}
tree=${TREE:-/tmp/hvctl-large-log}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
for tool in hyperfine valgrind python3; do
    command -v "$tool" >/dev/null || { echo "$tool not installed" >&2; exit 1; }
done
make >/dev/null
hvctl=$PWD/.build-static/hvctl
python3 Benchmarks/make-large-log.py -o "$tree" --mb "${MB:-64}"
lines=$(wc -l <"$tree/kernel.log")
echo "$(nproc) CPUs; kernel $(uname -r); $lines log lines"

hyperfine --warmup 1 --runs "$runs" --ignore-failure --export-markdown "$work/wall.md" \
    -n "hvctl health" "$hvctl --snapshot $tree health" \
    -n "grep -c hv_ (floor)" "grep -c hv_ $tree/kernel.log >$work/count" >/dev/null
cat "$work/wall.md"

objcopy --strip-debug .build-static/release/hvctl "$work/hvctl"
valgrind --tool=callgrind --callgrind-out-file="$work/cg" "$work/hvctl" --snapshot "$tree" health \
    >/dev/null 2>"$work/cg.log" || true
instructions=$(awk '/Collected/ { print $NF }' "$work/cg.log")
peak=$( { /usr/bin/time -f '%M' "$hvctl" --snapshot "$tree" health >/dev/null; } 2>&1 | tail -1)
echo
echo "hvctl health: $instructions instructions ($(awk -v i="$instructions" -v l="$lines" \
    'BEGIN { printf "%.0f", i / l }') per line), peak RSS $((peak / 1024)) MB"
