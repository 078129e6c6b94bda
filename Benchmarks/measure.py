#!/usr/bin/env python3
"""Runs commands directly (fork/exec, no shell) and prints median wall time and peak RSS of each.

usage: measure.py RUNS LABEL -- CMD ARGS... [--- LABEL -- CMD ARGS...]
Peak RSS is the child's own ru_maxrss from wait4(2), so each run is measured alone.
"""
import os, statistics, sys, time


def run_once(argv):
    start = time.perf_counter()
    pid = os.fork()
    if pid == 0:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, 1)
        os.dup2(devnull, 2)
        try:
            os.execv(argv[0], argv)
        finally:
            os._exit(127)
    _, status, usage = os.wait4(pid, 0)
    elapsed = time.perf_counter() - start
    return elapsed, usage.ru_maxrss, os.waitstatus_to_exitcode(status)


def main():
    runs = int(sys.argv[1])
    specs, rest = [], sys.argv[2:]
    while rest:
        label, sep = rest[0], rest[1]
        assert sep == "--", "expected LABEL -- CMD"
        end = rest.index("---") if "---" in rest else len(rest)
        specs.append((label, rest[2:end]))
        rest = rest[end + 1:]
    print(f"{'command':<34} {'runs':>5} {'median ms':>10} {'p90 ms':>8} {'peak RSS MB':>12} {'exit':>5}")
    for label, argv in specs:
        run_once(argv)  # warm the page cache
        samples = [run_once(argv) for _ in range(runs)]
        times = sorted(s[0] * 1000 for s in samples)
        rss = max(s[1] for s in samples) / 1024
        codes = {s[2] for s in samples}
        p90 = times[int(len(times) * 0.9) - 1]
        print(f"{label:<34} {runs:>5} {statistics.median(times):>10.2f} {p90:>8.2f} {rss:>12.1f} {','.join(map(str, codes)):>5}")


if __name__ == "__main__":
    main()
