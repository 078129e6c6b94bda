#!/usr/bin/env python3
"""Writes the snapshot of a huge Hyper-V guest for Benchmarks/vmbus.sh (never committed).

Usage:  python3 Benchmarks/make-large-tree.py [-o DIR]     # default /tmp/hvctl-large-tree

416 vCPUs (the size of Azure's largest M-series VM), 64 VMBus devices, 1,988 channels. The tree is
written by Tests/Fixtures/generate.py's own functions (add_vmbus, add_cpu_sysfs, ...), so it has
exactly the fixtures' layout: sys/bus/vmbus/devices links into the ACPI VMBus device, every device
and channels/<relid>/ attribute the 6.1 kernel shows, driver links, target CPUs chosen the way
init_vp_index() chooses them, cpu<N>/online files, kernel.log with the "Vmbus version" line, and
hvctl-snapshot.json. Only the scale is invented:

  9 integration/input devices (as azure-d8ds-v5)                      9 channels
  4 SCSI controllers, (416 - 1) / 4 = 103 sub-channels each          416 channels
    (k6.1:drivers/scsi/storvsc_drv.c storvsc_vcpus_per_sub_channel = 4)
  24 NICs with `ethtool -L combined 64` (VRSS_CHANNEL_MAX,           1,536 channels
    k6.1:drivers/net/hyperv/hyperv_net.h)
  27 vPCI devices (24 accelerated-networking VFs + 3 NVMe/GPU)          27 channels

Stdlib only and deterministic, like generate.py.
"""

import os
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
sys.dont_write_bytecode = True  # leave no __pycache__ in Tests/Fixtures
sys.path.insert(0, os.path.join(HERE, "..", "Tests", "Fixtures"))
import generate as g  # noqa: E402  (the fixtures' generator: one source of the VMBus layout)

NCPU = 416
NICS = 24
NIC_CHANNELS = 64
SCSI_CONTROLLERS = 4
SCSI_CHANNELS = 1 + (NCPU - 1) // 4
VPCI = 27
NAMESPACE = uuid.UUID("6ba7b811-9dad-11d1-80b4-00c04fd430c8")  # RFC 4122 URL namespace


def azure_nic_instance(index):
    """Azure derives a NIC's instance GUID from its MAC repeated (00:0d:3a:7c:3c:9a ->
    000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c, azure-d8ds-v5); the MACs here are invented."""
    mac = "000d3a%06x" % (0x7C3C00 + index)
    text = (mac * 3)[:32]
    return str(uuid.UUID(text))


def invented(name):
    return str(uuid.uuid5(NAMESPACE, "hvctl-large-tree/" + name))


def devices():
    kinds = [("dm", "hv_balloon"), ("mouse", "hid_hyperv"), ("kbd", "hyperv_keyboard"), ("video", "hyperv_fb"),
             ("hb", "hv_utils"), ("kvp", "hv_utils"), ("shutdown", "hv_utils"), ("ts", "hv_utils")]
    out = [g.VMBusDevice(kind, relid, driver) for relid, (kind, driver) in enumerate(kinds, start=1)]
    out.append(g.VMBusDevice("vss", 9, "hv_utils", instance=invented("vss")))
    relid = 10
    nic_primaries = list(range(relid, relid + NICS))
    scsi_primaries = list(range(relid + NICS, relid + NICS + SCSI_CONTROLLERS))
    relid += NICS + SCSI_CONTROLLERS
    # Sub-channels are offered when the driver asks for them: storvsc probes first (Gen2 boot
    # disk), then netvsc, as in azure-d8ds-v5. Relids run on in that order.
    scsi_instances = [g.STD_INSTANCE["scsi-os"], g.STD_INSTANCE["scsi-tmp"]]
    scsi_instances += ["f8b3781%x-1e82-4818-a1c3-63d806ec15bb" % n for n in range(0xC, 0xC + SCSI_CONTROLLERS - 2)]
    for index, primary in enumerate(scsi_primaries):
        subs = range(relid, relid + SCSI_CHANNELS - 1)
        relid += SCSI_CHANNELS - 1
        out.append(g.VMBusDevice("scsi", primary, "hv_storvsc", instance=scsi_instances[index], subs=subs,
                                 traffic=10))
    for index, primary in enumerate(nic_primaries):
        subs = range(relid, relid + NIC_CHANNELS - 1)
        relid += NIC_CHANNELS - 1
        out.append(g.VMBusDevice("nic", primary, "hv_netvsc", instance=azure_nic_instance(index), subs=subs,
                                 traffic=20))
    for index in range(VPCI):
        out.append(g.VMBusDevice("pci", relid, "hv_pci", instance=invented("vpci%d" % index)))
        relid += 1
    return out


def kernel_log(h, khz):
    log = g.hyperv_x86_log_head(h, khz, tsc_invariant=True)
    log += [
        (0.013546, "smpboot: Allowing %d CPUs, 0 hotplug CPUs" % NCPU),
        (0.013962, "Booting paravirtualized kernel on Hyper-V"),
        (0.014203, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:%d nr_cpu_ids:%d nr_node_ids:1" % (NCPU, NCPU)),
        (0.016870, g.pv_spinlock_line(h)),
    ]
    log += g.hyperv_x86_apic_lines(h, 0.063318, x2apic=True)
    log += [
        (0.081120, "smp: Bringing up secondary CPUs ..."),
        (0.989214, "smp: Brought up 1 node, %d CPUs" % NCPU),
        (2.104117, "hv_vmbus: Vmbus version:5.3"),
        (2.141880, "hv_vmbus: registering driver hv_netvsc"),
        (2.142906, "hv_vmbus: registering driver hv_storvsc"),
    ]
    return g.render_log(log)


def build():
    # The Hyper-V registers of the azure-d8ds-v5 fixture (host build 20348, cited there).
    _snap, h, _cpuid = g.azure_d8ds_v5()
    snap = g.Snapshot("hvctl-large-tree")
    cpus = list(range(NCPU))
    snap.text("kernel.log", kernel_log(h, 2793437))
    g.add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    g.add_clocksource(snap, "tsc", ["tsc", "hyperv_clocksource_tsc_page", "acpi_pm"])
    g.add_max_version(snap, g.VMBUS_5_3)
    drivers = ["hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hv_balloon",
               "hyperv_fb", "hv_pci"]
    devs = devices()
    unreadable = g.add_vmbus(snap, g.GEN2_VMBUS, devs, NCPU, drivers, 0x416)
    snap.text("hvctl-snapshot.json", g.manifest(
        "2026-03-20T09:00:00Z", "x86_64", "6.1.0-37-cloud-amd64",
        "benchmark tree (Benchmarks/make-large-tree.py): %d vCPUs, %d VMBus devices, %d channels"
        % (NCPU, len(devs), sum(len(d.channels) for d in devs)), unreadable))
    return snap, devs


def main(argv):
    target = "/tmp/hvctl-large-tree"
    if argv[:1] == ["-o"] and len(argv) == 2:
        target = argv[1]
    elif argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    snap, devs = build()
    snap.name = os.path.basename(os.path.normpath(target))
    snap.write(os.path.dirname(os.path.abspath(target)) or "/")
    device_dir = "/".join(g.GEN2_VMBUS.split("/")) + "/"
    attributes = sum(1 for path in snap.files if path.startswith(device_dir))
    channels = sum(len(d.channels) for d in devs)
    print("%s: %d CPUs, %d devices, %d channels, %d attribute files (%d files, %d links in all)"
          % (target, NCPU, len(devs), channels, attributes, len(snap.files), len(snap.links)))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
