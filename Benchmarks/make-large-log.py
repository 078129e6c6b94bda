#!/usr/bin/env python3
"""Writes a snapshot whose kernel.log is 64 MB, for Benchmarks/kernel-log.sh (never committed).

Usage:  python3 Benchmarks/make-large-log.py [-o DIR] [--mb N]    # default /tmp/hvctl-large-log, 64

The snapshot is Tests/Fixtures/azure-d8ds-v5 (copied) with its kernel.log followed by lines of the
kinds a long-running Azure guest accumulates (AppArmor audit records, martian packets, systemd
sessions, SYN cookies, netvsc VF events, hv_balloon and storvsc errors), chosen by a fixed seed, so
health has real work: every line is scanned for the Hyper-V error patterns and by the recognizer.
Stdlib only, deterministic.
"""

import os
import random
import shutil
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURE = os.path.join(HERE, "..", "Tests", "Fixtures", "azure-d8ds-v5")

SAMPLES = [
    'audit: type=1400 audit({t:.3f}:{n}): apparmor="DENIED" operation="open" profile="/usr/sbin/cupsd" '
    'name="/etc/ssl/openssl.cnf" pid={n} comm="cupsd" requested_mask="r" denied_mask="r" fsuid=0 ouid=0',
    "IPv4: martian source 10.0.0.{m} from 168.63.129.16, on dev eth0",
    "EXT4-fs (sda1): re-mounted. Opts: discard,errors=remount-ro. Quota mode: none.",
    "hv_balloon: Balloon request will be partially fulfilled. Balloon floor reached.",
    "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: VF slot 1 added",
    "systemd[1]: Started session-{n}.scope - Session {n} of User azureuser.",
    "TCP: request_sock_TCP: Possible SYN flooding on port 443. Sending cookies.  Check SNMP counters.",
    "hv_storvsc f8b3781a-1e82-4818-a1c3-63d806ec15bb: tag#{m} cmd 0x28 status: scsi 0x2 srb 0x4 hv 0xc0000001",
]


def main():
    out, mb = "/tmp/hvctl-large-log", 64
    args = sys.argv[1:]
    while args:
        flag = args.pop(0)
        if flag == "-o":
            out = args.pop(0)
        elif flag == "--mb":
            mb = int(args.pop(0))
        else:
            sys.exit(__doc__)
    shutil.rmtree(out, ignore_errors=True)
    shutil.copytree(FIXTURE, out, symlinks=True)
    rng = random.Random(1)
    limit = mb << 20
    with open(os.path.join(out, "kernel.log"), "a") as log:
        size = log.tell()
        t, n = 100.0, 0
        while True:
            t += 0.01
            n += 1
            line = "[%12.6f] " % t + rng.choice(SAMPLES).format(t=t, n=n, m=n % 250) + "\n"
            if size + len(line) > limit:
                break
            log.write(line)
            size += len(line)
    print("%s: kernel.log %d bytes" % (out, size))


main()
