#!/usr/bin/env python3
"""Writes every hvctl test fixture (a captured-machine snapshot) under Tests/Fixtures/.

Usage:  python3 Tests/Fixtures/generate.py          # rewrite all fixtures
        python3 Tests/Fixtures/generate.py --check  # exit 1 if a committed file differs

Stdlib only and deterministic: no clock, no randomness, no environment lookups. Rerunning it must
reproduce the committed files byte for byte (directories it owns are deleted and rewritten).

Where every value comes from is written next to it ("# src: ...") and summarised in each
fixture's PROVENANCE.md, which this script also writes. Short names used in those comments:

  ref §N        /work/shared/reference/hyperv-guest-facts.md, section N
  k6.1:<path>   Linux 6.1 (Debian linux-source-6.1) source file
  qemu:<path>   QEMU source, github.com/qemu/qemu (target/i386/kvm/kvm.c, hyperv-proto.h, cpu.c)
  CAP-CS        real dmesg of a GitHub Codespaces VM (Azure, host 20348, AMD EPYC 7763, Gen1,
                5.15.0-1041-azure), public file in the search index (id 196413038)
  CAP-WSL       real dmesg of WSL2 6.6.87.2-microsoft-standard-WSL2 on host 10.0.26100.7920,
                i5-1334U, 12 CPUs, public file in the search index (id 53783958019)
  CAP-LSVMBUS   real `lsvmbus -vv` of an 8-vCPU Azure VM with 4 NICs, public doc file in the
                search index (id 23324878460)
  CAP-ACCELNET  learn.microsoft.com/azure/virtual-network/accelerated-networking-how-it-works
                (example dmesg of the VF bring-up)
  CAP-LISA      github.com/microsoft/lisa CVM suite: "Hyper-V: Isolation Config: Group A 0x1,
                Group B 0xba2" and the list of VMBus classes allowed in a CVM
  CAP-KVM       `cpuid -r` and dmesg of the KVM guest that generated these fixtures (AMD EPYC,
                family 0x19 model 0x11, Firecracker/KVM, 2 vCPUs)
  CAP-ICX       `cpuid -l 1 -1 -r` of a bare-metal Ice Lake-SP host (Xeon Platinum 8378A)
                posted on the KVM mailing list (PEBS series review, search index id 45325214735)
  modelled      no capture at hand; the comment says what the value is reasoned from
"""

import gzip
import json
import os
import shutil
import struct
import sys
import uuid

HERE = os.path.dirname(os.path.abspath(__file__))
U64 = (1 << 64) - 1


# --------------------------------------------------------------------------------------------
# Small helpers
# --------------------------------------------------------------------------------------------

def sig(text):
    """A 4-character ASCII string as the little-endian register CPUID returns it."""
    raw = text.encode("ascii").ljust(4, b"\0")
    return struct.unpack("<I", raw)[0]


def sig12(text):
    """A 12-byte vendor string as (ebx, ecx, edx)."""
    raw = text.encode("ascii").ljust(12, b"\0")
    return struct.unpack("<III", raw)


def cpulist(cpus):
    """Linux '%*pbl' bitmap-list format: '0-3,6', '' for none (lib/vsprintf.c bitmap_list_string)."""
    cpus = sorted(cpus)
    out, i = [], 0
    while i < len(cpus):
        j = i
        while j + 1 < len(cpus) and cpus[j + 1] == cpus[j] + 1:
            j += 1
        out.append(str(cpus[i]) if i == j else "%d-%d" % (cpus[i], cpus[j]))
        i = j + 1
    return ",".join(out)


class Lcg:
    """Deterministic pseudo-random counters (so interrupt counts look organic but never change)."""

    def __init__(self, seed):
        self.state = seed & 0xFFFFFFFF

    def next(self, lo, hi):
        self.state = (self.state * 1103515245 + 12345) & 0x7FFFFFFF
        return lo + self.state % (hi - lo + 1)


# --------------------------------------------------------------------------------------------
# Clocksource registration lines, computed the way the kernel computes them
# src: k6.1:kernel/time/clocksource.c __clocksource_update_freq_scale(), clocks_calc_mult_shift(),
#      clocksource_max_adjustment(), clocks_calc_max_nsecs(). Checked against real lines:
#      hyperv tsc page 10 MHz -> 0x24e6a1710/440795202120 (CAP-CS), tsc 2445.435 MHz ->
#      0x233fe0862e1/440795313989 (CAP-CS), kvm-clock 1 GHz -> 0x1cd42e4dffb/881590591483 (CAP-KVM),
#      acpi_pm -> 0xffffff/2085701024 (CAP-CS).
# --------------------------------------------------------------------------------------------

def _mult_shift(frm, to, maxsec):
    tmp = (maxsec * frm) >> 32
    sftacc = 32
    while tmp:
        tmp >>= 1
        sftacc -= 1
    sft = 32
    for sft in range(32, 0, -1):
        tmp = ((to << sft) & U64) + frm // 2
        tmp //= frm
        if (tmp >> sftacc) == 0:
            break
    return tmp & 0xFFFFFFFF, sft


def clocksource_line(name, mask, scale, freq):
    sec = mask // freq // scale
    if not sec:
        sec = 1
    elif sec > 600 and mask > 0xFFFFFFFF:
        sec = 600
    mult, shift = _mult_shift(freq, 1000000000 // scale, sec * scale)
    adj = mult * 11 // 100
    while mult + adj > 0xFFFFFFFF or mult - adj < 0:
        mult >>= 1
        shift -= 1
        adj = mult * 11 // 100
    max_cycles = min(U64 // (mult + adj), mask)
    max_ns = ((max_cycles * (mult - adj)) >> shift) >> 1
    return "clocksource: %s: mask: 0x%x max_cycles: 0x%x, max_idle_ns: %d ns" % (name, mask, max_cycles, max_ns)


def cs_hyperv_tsc_page():
    # src: k6.1:drivers/clocksource/hyperv_timer.c clocksource_register_hz(&hyperv_cs_tsc, NSEC_PER_SEC/100)
    return clocksource_line("hyperv_clocksource_tsc_page", U64, 1, 10000000)


def cs_hyperv_msr():
    return clocksource_line("hyperv_clocksource_msr", U64, 1, 10000000)


def cs_tsc(name, khz):
    # src: k6.1:arch/x86/kernel/tsc.c clocksource_register_khz(&clocksource_tsc[_early], tsc_khz)
    return clocksource_line(name, U64, 1000, khz)


def cs_kvm_clock():
    # src: k6.1:arch/x86/kernel/kvmclock.c clocksource_register_hz(&kvm_clock, NSEC_PER_SEC)
    return clocksource_line("kvm-clock", U64, 1, 1000000000)


def cs_acpi_pm():
    # src: k6.1:drivers/clocksource/acpi_pm.c clocksource_register_hz(&clocksource_acpi_pm, PMTMR_TICKS_PER_SEC)
    return clocksource_line("acpi_pm", 0xFFFFFF, 1, 3579545)


def cs_hpet():
    # src: k6.1:arch/x86/kernel/hpet.c, 32-bit counter at the usual 14.318180 MHz
    return clocksource_line("hpet", 0xFFFFFFFF, 1, 14318180)


def cs_arch_counter(hz):
    # src: k6.1:drivers/clocksource/arm_arch_timer.c, 56-bit counter
    return clocksource_line("arch_sys_counter", (1 << 56) - 1, 1, hz)


def tsc_detected(khz):
    # src: k6.1:arch/x86/kernel/tsc.c "Detected %lu.%03lu MHz processor"
    return "tsc: Detected %d.%03d MHz processor" % (khz // 1000, khz % 1000)


# --------------------------------------------------------------------------------------------
# CPUID
# --------------------------------------------------------------------------------------------

def leaf0_vendor(text):
    """Leaf 0 spells the CPU vendor in EBX, EDX, ECX order (the hypervisor leaves use EBX, ECX, EDX)."""
    ebx, edx, ecx = sig12(text)
    return ebx, ecx, edx


VENDOR_INTEL = leaf0_vendor("GenuineIntel")   # ebx=0x756e6547 ecx=0x6c65746e edx=0x49656e69
VENDOR_AMD = leaf0_vendor("AuthenticAMD")     # ebx=0x68747541 ecx=0x444d4163 edx=0x69746e65
HV_VENDOR = sig12("Microsoft Hv")        # src: ref §1.1 step 3
HV_INTERFACE = sig("Hv#1")               # src: ref §1.1 step 4 (0x31237648)
VS_VENDOR = sig12("Microsoft VS")        # src: ref §1.12 (openvmm vmm_core/src/cpuid/mod.rs)
VS_INTERFACE = sig("VS#1")               # src: ref §1.12 HYPERV_VS_INTERFACE_EAX_SIGNATURE 0x31235356
KVM_VENDOR = sig12("KVMKVMKVM")          # "KVMKVMKVM\0\0\0"


def hyperv_leaves(h):
    """The 0x40000000.. range from a dict of register tuples (see the fixtures below).

    Leaves up to h['max'] are all present, zero when not given: Hyper-V answers every leaf in
    its range (ref §1.2). The VS leaves 0x40000080.. only where h['vs'] is given."""
    leaves = {}
    leaves[0x40000000] = (h["max"],) + HV_VENDOR
    leaves[0x40000001] = (HV_INTERFACE, 0, 0, 0)
    b = h["build"]  # (major, minor, build, service_number, service_pack, service_branch)
    # src: ref §1.3 register layout
    leaves[0x40000002] = (b[2], (b[0] << 16) | b[1], b[4], (b[5] << 24) | b[3])
    leaves[0x40000003] = h["features"]
    leaves[0x40000004] = h["hints"]
    leaves[0x40000005] = h.get("limits", (0, 0, 0, 0))
    for leaf in range(0x40000006, h["max"] + 1):
        leaves.setdefault(leaf, h.get(leaf, (0, 0, 0, 0)))
    if "vs" in h:
        leaves[0x40000080] = (0x40000082,) + VS_VENDOR
        leaves[0x40000081] = (VS_INTERFACE, 0, 0, 0)
        leaves[0x40000082] = h["vs"]
    return leaves


def render_cpuid(per_cpu):
    """`cpuid -r` text: 'CPU N:' blocks, leaves ascending (same layout as Todd Allen's tool)."""
    out = []
    for cpu in sorted(per_cpu):
        out.append("CPU %d:\n" % cpu)
        for (leaf, sub), regs in sorted(per_cpu[cpu].items()):
            out.append("   0x%08x 0x%02x: eax=0x%08x ebx=0x%08x ecx=0x%08x edx=0x%08x\n"
                       % ((leaf, sub) + tuple(regs)))
    return "".join(out)


def build_cpuid(cpus, leaf0, leaf1_for, extra):
    """Per-CPU leaves: 0x0 and 0x1 (EBX differs by APIC ID) plus the same extra leaves everywhere."""
    per_cpu = {}
    for cpu in cpus:
        leaves = {(0, 0): leaf0, (1, 0): leaf1_for(cpu)}
        for leaf, regs in extra.items():
            leaves[(leaf, 0)] = regs
        per_cpu[cpu] = leaves
    return per_cpu


def leaf1_ebx(apic_id, logical_count, clflush=8):
    # src: Intel SDM / AMD APM CPUID.1:EBX: [31:24] initial APIC ID, [23:16] max addressable
    # logical IDs in the package, [15:8] CLFLUSH line size in qwords, [7:0] brand index
    return (apic_id << 24) | (logical_count << 16) | (clflush << 8)


# --------------------------------------------------------------------------------------------
# Kernel log lines whose text is computed from the CPUID registers of the same fixture, so the
# log and cpuid.txt can never disagree.
# --------------------------------------------------------------------------------------------

def hv_privilege_line(h):
    # src: k6.1:arch/x86/kernel/cpu/mshyperv.c ms_hyperv_init_platform() (ref §7.1)
    eax, ebx, _ecx, edx = h["features"]
    return "Hyper-V: privilege flags low 0x%x, high 0x%x, hints 0x%x, misc 0x%x" % (
        eax, ebx, h["hints"][0], edx)


def hv_host_build_line(build):
    # src: k6.1:arch/x86/kernel/cpu/mshyperv.c and arch/arm64/hyperv/mshyperv.c (ref §1.3)
    major, minor, number, service, pack, branch = build
    return "Hyper-V: Host Build %d.%d.%d.%d-%d-%d" % (major, minor, number, service, pack, branch)


def hv_isolation_line(h):
    a, b, _c, _d = h[0x4000000C]
    return "Hyper-V: Isolation Config: Group A 0x%x, Group B 0x%x" % (a, b)


def hv_nested_line(h):
    return "Hyper-V: Nested features: 0x%x" % h[0x4000000A][0]


def stamp(seconds):
    """dmesg's '[%5lu.%06lu]' stamp."""
    micro = int(round(seconds * 1000000))
    return "[%5d.%06d]" % (micro // 1000000, micro % 1000000)


def render_log(lines):
    return "".join("%s %s\n" % (stamp(t), text) for t, text in lines)


# --------------------------------------------------------------------------------------------
# /proc/interrupts in the layout of k6.1:kernel/irq/proc.c show_interrupts() and
# arch/x86/kernel/irq.c arch_show_interrupts() (arm64: arch/arm64/kernel/smp.c)
# --------------------------------------------------------------------------------------------

PREC = 3  # nr_irqs < 1000 on every fixture (show_interrupts: prec grows only at 1000 IRQs)


def _cols(values):
    return "".join("%10u " % v for v in values)


def proc_interrupts_x86(ncpu, rng, irqs, config, hyperv=None, kvm=False):
    """irqs: list of (irq, chip, hwirq, handler, action). config: 'cloud' (Debian cloud kernel:
    no X86_MCE) or 'generic' (Debian amd64: X86_MCE, _THRESHOLD, _AMD). hyperv: dict with
    'hre'/'hvs' booleans, or None off Hyper-V. kvm: KVM guest (async-PF interrupts also count on
    the HYP line, k6.1:arch/x86/kernel/kvm.c allocates HYPERVISOR_CALLBACK_VECTOR)."""
    cpus = range(ncpu)
    out = ["%*s" % (PREC + 8, "") + "".join("CPU%-8d" % c for c in cpus) + "\n"]
    for irq, chip, hwirq, handler, action in irqs:
        counts = [rng.next(0, 40) if c else rng.next(100, 9000) for c in cpus]
        out.append("%*d: " % (PREC, irq) + _cols(counts) + " %8s" % chip + " %*d" % (PREC, hwirq)
                   + "-%-8s" % handler + "  %s\n" % action)

    def line(name, label, lo, hi):
        out.append("%*s: " % (PREC, name) + _cols([rng.next(lo, hi) for _ in cpus]) + "  %s\n" % label)

    line("NMI", "Non-maskable interrupts", 0, 0)
    line("LOC", "Local timer interrupts", 1000 if hyperv else 90000, 4000 if hyperv else 400000)
    line("SPU", "Spurious interrupts", 0, 0)
    line("PMI", "Performance monitoring interrupts", 0, 0)
    line("IWI", "IRQ work interrupts", 0, 30)
    line("RTR", "APIC ICR read retries", 0, 0)
    line("RES", "Rescheduling interrupts", 2000, 60000)
    line("CAL", "Function call interrupts", 1000, 40000)
    line("TLB", "TLB shootdowns", 100, 5000)
    line("TRM", "Thermal event interrupts", 0, 0)
    if config == "generic":
        line("THR", "Threshold APIC interrupts", 0, 0)
        line("DFR", "Deferred Error APIC interrupts", 0, 0)
        line("MCE", "Machine check exceptions", 0, 0)
        line("MCP", "Machine check polls", 10, 60)
    if hyperv is not None:
        line("HYP", "Hypervisor callback interrupts", 20000, 900000)
        if hyperv.get("hre"):
            line("HRE", "Hyper-V reenlightenment interrupts", 0, 0)
        if hyperv.get("hvs"):
            line("HVS", "Hyper-V stimer0 interrupts", 200000, 2000000)
    elif kvm:
        line("HYP", "Hypervisor callback interrupts", 0, 200)
    out.append("%*s: %10u\n" % (PREC, "ERR", 0))
    out.append("%*s: %10u\n" % (PREC, "MIS", 0))
    line("PIN", "Posted-interrupt notification event", 0, 0)
    line("NPI", "Nested posted-interrupt event", 0, 0)
    line("PIW", "Posted-interrupt wakeup event", 0, 0)
    return "".join(out)


def proc_interrupts_arm64(ncpu, rng, irqs):
    """arm64 selects GENERIC_IRQ_SHOW_LEVEL; GIC per-CPU interrupts have no handler name."""
    cpus = range(ncpu)
    out = ["%*s" % (PREC + 8, "") + "".join("CPU%-8d" % c for c in cpus) + "\n"]
    for irq, chip, hwirq, level, action, lo, hi in irqs:
        counts = [rng.next(lo, hi) for _ in cpus]
        out.append("%*d: " % (PREC, irq) + _cols(counts) + " %8s" % chip + " %*d" % (PREC, hwirq)
                   + " %-8s" % level + "  %s\n" % action)
    ipis = ["Rescheduling interrupts", "Function call interrupts", "CPU stop interrupts",
            "CPU stop (for crash dump) interrupts", "Timer broadcast interrupts",
            "IRQ work interrupts", "CPU wake-up interrupts"]
    for i, label in enumerate(ipis):
        lo, hi = ((1000, 50000) if i < 2 else (0, 0))
        out.append("%*s%u:%s" % (PREC - 1, "IPI", i, "") + _cols([rng.next(lo, hi) for _ in cpus])
                   + "      %s\n" % label)
    out.append("%*s: %10u\n" % (PREC, "Err", 0))
    return "".join(out)


# --------------------------------------------------------------------------------------------
# DMI (k6.1:drivers/firmware/dmi-id.c): one file per present field, "%s\n"; product_serial,
# product_uuid, board_serial, chassis_serial are mode 0400; modalias lists fields in a fixed order
# with ascii_filter() dropping spaces, control characters and ':'.
# --------------------------------------------------------------------------------------------

DMI_MODALIAS_ORDER = [("bvn", "bios_vendor"), ("bvr", "bios_version"), ("bd", "bios_date"),
                      ("br", "bios_release"), ("efr", "ec_firmware_release"),
                      ("svn", "sys_vendor"), ("pn", "product_name"), ("pvr", "product_version"),
                      ("rvn", "board_vendor"), ("rn", "board_name"), ("rvr", "board_version"),
                      ("cvn", "chassis_vendor"), ("ct", "chassis_type"), ("cvr", "chassis_version"),
                      ("sku", "product_sku")]
DMI_ROOT_ONLY = ["product_serial", "product_uuid", "board_serial", "chassis_serial"]


def dmi_modalias(fields):
    parts = ["dmi"]
    for prefix, name in DMI_MODALIAS_ORDER:
        if name in fields:
            value = "".join(c for c in fields[name] if " " < c < "\x7f" and c != ":")
            parts.append(prefix + value)
    return ":".join(parts) + ":"


# --------------------------------------------------------------------------------------------
# KVP pool (ref §11.1; tools/hv/hv_kvp_daemon.c): records of a 512-byte key and a 2048-byte
# value, NUL padded, the file created with mode 0644.
# --------------------------------------------------------------------------------------------

def kvp_pool(records):
    out = b""
    for key, value in records:
        out += key.encode("utf-8").ljust(512, b"\0") + value.encode("utf-8").ljust(2048, b"\0")
    return out


# --------------------------------------------------------------------------------------------
# The snapshot being written
# --------------------------------------------------------------------------------------------

class Snapshot:
    def __init__(self, name):
        self.name = name
        self.files = {}      # relative path -> bytes
        self.links = {}      # relative path -> relative target

    def text(self, path, content):
        self.files[path] = content.encode("utf-8")

    def binary(self, path, content):
        self.files[path] = content

    def link(self, path, target):
        self.links[path] = target

    def write(self, root):
        base = os.path.join(root, self.name)
        if os.path.lexists(base):
            shutil.rmtree(base)
        for path in sorted(self.files):
            full = os.path.join(base, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            with open(full, "wb") as handle:
                handle.write(self.files[path])
        for path in sorted(self.links):
            full = os.path.join(base, path)
            os.makedirs(os.path.dirname(full), exist_ok=True)
            os.symlink(self.links[path], full)

    def listing(self):
        return sorted(list(self.files) + list(self.links))


def manifest(created, arch, release, note, unreadable=None):
    # src: /work/shared/docs/snapshot-format.md (keys and their order)
    doc = {"format": 1, "createdAt": created, "tool": "hvctl 0.1.0", "arch": arch,
           "kernelRelease": release, "note": note}
    if unreadable:
        doc["unreadable"] = dict(sorted(unreadable.items()))
    return json.dumps(doc, indent=2) + "\n"


def add_cpu_sysfs(snap, possible, present, online, hotpluggable, isolated=(), nohz_full=()):
    """k6.1:drivers/base/cpu.c: cpumap_print_to_pagebuf(true, ...) = '%*pbl\\n'; offline =
    possible & ~online then '\\n'; isolated/nohz_full exist with CONFIG_CPU_ISOLATION and
    CONFIG_NO_HZ_FULL (both =y in Debian 6.1 amd64/cloud-amd64/arm64 configs).
    cpuN/online exists only for registered (present) CPUs that are hotpluggable."""
    base = "sys/devices/system/cpu/"
    snap.text(base + "possible", cpulist(possible) + "\n")
    snap.text(base + "present", cpulist(present) + "\n")
    snap.text(base + "online", cpulist(online) + "\n")
    snap.text(base + "offline", cpulist(sorted(set(possible) - set(online))) + "\n")
    snap.text(base + "isolated", cpulist(isolated) + "\n")
    snap.text(base + "nohz_full", cpulist(nohz_full) + "\n")
    for cpu in hotpluggable:
        snap.text(base + "cpu%d/online" % cpu, "1\n" if cpu in online else "0\n")
    # k6.1:drivers/base/node.c cpulist_read(): the node's CPUs that are online
    snap.text("sys/devices/system/node/node0/cpulist", cpulist(online) + "\n")


def add_clocksource(snap, current, available):
    # k6.1:kernel/time/clocksource.c: current "%s\n"; available "%s " each (rating order) then "\n"
    base = "sys/devices/system/clocksource/clocksource0/"
    snap.text(base + "current_clocksource", current + "\n")
    snap.text(base + "available_clocksource", "".join(n + " " for n in available) + "\n")


def add_dmi(snap, fields):
    """/sys/class/dmi/id is a symlink to ../../devices/virtual/dmi/id (class device of dmi_class)."""
    base = "sys/devices/virtual/dmi/id/"
    for name in sorted(fields):
        if name not in DMI_ROOT_ONLY:
            snap.text(base + name, fields[name] + "\n")
    alias = dmi_modalias(fields)
    snap.text(base + "modalias", alias + "\n")
    snap.text(base + "uevent", "MODALIAS=" + alias + "\n")
    snap.link("sys/class/dmi/id", "../../devices/virtual/dmi/id")


def dmi_unreadable(fields):
    return {"sys/class/dmi/id/" + n: "EACCES" for n in DMI_ROOT_ONLY if n in fields}


def add_max_version(snap, value):
    # k6.1:drivers/hv/connection.c module_param(max_version, uint, 0444), default VERSION_WIN10_V5_3
    snap.text("sys/module/hv_vmbus/parameters/max_version", "%u\n" % value)


def add_efi(snap):
    # k6.1:drivers/firmware/efi/efi.c fw_platform_size_show() "%d\n"
    snap.text("sys/firmware/efi/fw_platform_size", "64\n")


VMBUS_5_3 = (5 << 16) | 3  # 327683, ref §3.1 / §5.1


# --------------------------------------------------------------------------------------------
# Synthetic MSR captures: msr/cpu<N>.txt, one "0x<index> 0x<16 hex>" or "0x<index> <ERRNO>" line
# per MSR (docs/snapshot-format.md). The MSRs are those whose layout ref §2.2 gives and that ref
# §2.1 calls safe to read; the values are what the 6.1 code paths named below program (ref §2.3).
# --------------------------------------------------------------------------------------------

MSR_DEFAULT = ([0x40000000, 0x40000001, 0x40000002, 0x40000010, 0x40000020, 0x40000021, 0x40000022,
                0x40000023, 0x40000073, 0x40000080, 0x40000081, 0x40000082, 0x40000083]
               + [0x40000090 + n for n in range(16)] + [0x400000B0 + n for n in range(8)]
               + [0x40000100 + n for n in range(6)] + [0x40000106, 0x40000107, 0x40000108, 0x40000118])
# ref §2.1 "hvctl read": GUEST_IDLE (never: a read idles the VP), RESET, EOI, EOM, SIRBP
MSR_NEVER_READ = {0x400000F0, 0x40000003, 0x40000070, 0x40000084, 0x40000085}
assert not MSR_NEVER_READ & set(MSR_DEFAULT)

# ref §2.4: the 0x40000003 EAX bits (and EDX bits) each MSR needs
MSR_GATES = {0x40000000: ([5], []), 0x40000001: ([5], []), 0x40000002: ([6], []), 0x40000010: ([0], []),
             0x40000020: ([1], []), 0x40000021: ([9], []), 0x40000022: ([11], [8]), 0x40000023: ([11], [8]),
             0x40000073: ([4], []), 0x40000106: ([13], []), 0x40000107: ([13], []), 0x40000108: ([13], []),
             0x40000118: ([15], [])}
for _i in range(0x40000080, 0x400000A0):
    MSR_GATES[_i] = ([2], [])
for _i in range(0x400000B0, 0x400000B8):
    MSR_GATES[_i] = ([3], [])
for _i in range(0x40000100, 0x40000106):
    MSR_GATES[_i] = ([], [10])


def msr_granted(h, index):
    eax, _ebx, _ecx, edx = h["features"]
    need_eax, need_edx = MSR_GATES[index]
    return all(eax >> b & 1 for b in need_eax) and all(edx >> b & 1 for b in need_edx)


def guest_os_id(major, minor, sublevel):
    # src: ref §2.2; k6.1:include/asm-generic/mshyperv.h hv_generate_guest_id(): HV_LINUX_VENDOR_ID
    # 0x8100 << 48 | LINUX_VERSION_CODE << 16, LINUX_VERSION_CODE = (a << 16) + (b << 8) + min(c, 255)
    return (0x8100 << 48) | (((major << 16) + (minor << 8) + min(sublevel, 255)) << 16)


def render_msrs(values):
    """values: index -> int or errno name; lines in index order (snapshot-format.md)."""
    out = []
    for index in sorted(values):
        value = values[index]
        assert index not in MSR_NEVER_READ
        out.append("0x%08x %s\n" % (index, value if isinstance(value, str) else "0x%016x" % value))
    return "".join(out)


def healthy_linux_msrs(h, cpu, m):
    """One CPU of a healthy 6.1 x86 guest (ref §2.3). m: the fixture's modelled machine facts
    (kernel version, uptime, frequencies, page addresses). An MSR the partition is not granted
    reads as EIO: the capture tried it and rdmsr raised #GP (ref §2.1, §9)."""
    hints = h["hints"][0]
    edx = h["features"][3]
    gap = 370 * cpu                       # modelled: ~37 us between the reads on successive CPUs
    now = m["uptime"] + gap
    v = {
        0x40000000: guest_os_id(*m["kernel"]),                 # k6.1:arch/x86/hyperv/hv_init.c hyperv_init()
        0x40000001: m["hypercall_gpa"] | 1,                    # hypercall page enabled, not locked
        0x40000002: cpu,                                       # modelled: VP index = CPU number (ref §6.4)
        0x40000010: m["runtime"][cpu],                         # 100 ns units this VP ran
        0x40000020: now,                                       # partition reference time (100 ns)
        0x40000021: m["tsc_page_gpa"] | 1,                     # k6.1:drivers/clocksource/hyperv_timer.c
        0x40000022: m["tsc_hz"],                               # tsc_khz = TSC_FREQUENCY / 1000
        0x40000023: h["lapic_per_jiffy"] * 250,                # logged per jiffy; Debian 6.1 CONFIG_HZ=250
        0x40000073: m["vp_assist_gpa"][cpu] | 1,               # k6.1:arch/x86/hyperv/hv_init.c hv_cpu_init()
        0x40000080: 1,                                         # k6.1:drivers/hv/hv.c hv_synic_enable_regs()
        0x40000081: 1,                                         # HV_SYNIC_VERSION_1
        0x40000082: m["siefp_gpa"][cpu] | 1,
        0x40000083: m["simp_gpa"][cpu] | 1,
    }
    for n in range(16):
        v[0x40000090 + n] = 0x10000                            # reset value: masked (ref §2.2)
    # SINT2 = VMBUS_MESSAGE_SINT: HYPERVISOR_CALLBACK_VECTOR 0xF3, unmasked, auto-EOI = !hints[9]
    v[0x40000092] = 0xF3 | ((0 if hints >> 9 & 1 else 1) << 17)
    # k6.1:drivers/clocksource/hyperv_timer.c hv_ce_set_oneshot(): Enable | AutoEnable plus direct
    # mode with HYPERV_STIMER0_VECTOR 0xED (EDX[19]) = 0x1ED9, else SINTx 2 = 0x20009
    stimer0 = 0x1ED9 if edx >> 19 & 1 else 0x20009
    if cpu in m.get("stimer_expired", ()):
        stimer0 &= ~1                                          # one-shot expired, not yet re-armed
    v[0x400000B0] = stimer0
    # absolute expiry in reference time: ahead of now, or just behind it for an expired one-shot
    v[0x400000B1] = now + (-1 if cpu in m.get("stimer_expired", ()) else 1) * m["next_tick"][cpu]
    for n in range(1, 4):
        v[0x400000B0 + 2 * n] = 0                              # Linux only uses timer 0
        v[0x400000B1 + 2 * n] = 0
    for n in range(5):
        v[0x40000100 + n] = 0                                  # no crash recorded
    v[0x40000105] = m["crash_ctl"]                             # a read returns the capabilities
    v[0x40000106] = 0                                          # no nested hypervisor registered
    v[0x40000107] = 0
    v[0x40000108] = 0
    v[0x40000118] = 1                                          # k6.1:arch/x86/kernel/cpu/mshyperv.c
    assert sorted(v) == sorted(MSR_DEFAULT)
    return {index: (value if msr_granted(h, index) else "EIO") for index, value in v.items()}


def modelled_msr_machine(seed, ncpu, kernel, uptime, tsc_hz, crash_ctl, stimer_expired=()):
    """The per-fixture facts healthy_linux_msrs() needs. All modelled: page addresses are
    page-aligned guest-physical addresses in RAM (the SynIC pages come from get_zeroed_page(), the
    VP assist and hypercall pages from vmalloc, the TSC page is in the kernel image's .bss:
    k6.1:drivers/hv/hv.c hv_synic_alloc(), arch/x86/hyperv/hv_init.c, hyperv_timer.c tsc_pg);
    run times are a share of the uptime; the next stimer0 expiry is within one 4 ms jiffy."""
    rng = Lcg(seed)

    def pages(count):
        out = [0x100000000 + rng.next(0, 0x7FFFF) * 0x1000 for _ in range(count)]
        assert len(set(out)) == count
        return out

    m = {"kernel": kernel, "uptime": uptime, "tsc_hz": tsc_hz, "crash_ctl": crash_ctl,
         "stimer_expired": stimer_expired,
         "hypercall_gpa": pages(1)[0], "tsc_page_gpa": 0x02000000 + rng.next(0, 0xFFF) * 0x1000,
         "vp_assist_gpa": pages(ncpu), "simp_gpa": pages(ncpu), "siefp_gpa": pages(ncpu),
         "runtime": [uptime * rng.next(5, 40) // 100 + rng.next(0, 9999999) for _ in range(ncpu)],
         "next_tick": [rng.next(1, 40000) for _ in range(ncpu)]}
    return m


def failed_msrs(errno_name):
    """Every read failed the same way (the device could not be opened, ref §9)."""
    return {index: errno_name for index in MSR_DEFAULT}


def add_msrs(snap, per_cpu_values):
    for cpu, values in sorted(per_cpu_values.items()):
        snap.text("msr/cpu%d.txt" % cpu, render_msrs(values))


def spread(rng, count, lo, hi, align=1):
    return [rng.next(lo, hi) // align * align for _ in range(count)]


# --------------------------------------------------------------------------------------------
# Kernel config and modules (hvctl kernel; docs/snapshot-format.md "Kernel config and modules")
# --------------------------------------------------------------------------------------------

# The lines of the options hvctl reports, in the order Debian's files have them.
# src: /usr/src/linux-config-6.1/config.amd64_none_amd64.xz (Debian package linux-config-6.1
# 6.1.192-2), `xzcat ... | grep` for the options of HyperVKernelOptionCatalog
DEBIAN_AMD64_CONFIG = [
    "CONFIG_X86_MSR=m", "CONFIG_X86_CPUID=m", "CONFIG_HYPERV_VSOCKETS=m", "CONFIG_PCI_HYPERV=m",
    "CONFIG_PCI_HYPERV_INTERFACE=m", "CONFIG_HYPERV_STORAGE=m", "CONFIG_MICROSOFT_MANA=m", "CONFIG_HYPERV_NET=m",
    "CONFIG_HYPERV_KEYBOARD=m", "CONFIG_DRM_HYPERV=m", "# CONFIG_FB_HYPERV is not set",
    "CONFIG_HID_HYPERV_MOUSE=m", "CONFIG_UIO_HV_GENERIC=m", "CONFIG_HYPERV=m", "CONFIG_HYPERV_TIMER=y",
    "CONFIG_HYPERV_UTILS=m", "CONFIG_HYPERV_BALLOON=m", "CONFIG_HYPERV_IOMMU=y", "# CONFIG_HYPERV_TESTING is not set",
]
# src: same package, config.amd64_none_cloud-amd64.xz: FB_HYPERV=m, and no DRM_HYPERV line at all
# (CONFIG_DRM is not set there, so the option's dependencies are unmet and Kconfig omits it)
DEBIAN_CLOUD_AMD64_CONFIG = [
    "CONFIG_X86_MSR=m", "CONFIG_X86_CPUID=m", "CONFIG_HYPERV_VSOCKETS=m", "CONFIG_PCI_HYPERV=m",
    "CONFIG_PCI_HYPERV_INTERFACE=m", "CONFIG_HYPERV_STORAGE=m", "CONFIG_MICROSOFT_MANA=m", "CONFIG_HYPERV_NET=m",
    "CONFIG_HYPERV_KEYBOARD=m", "CONFIG_FB_HYPERV=m", "CONFIG_HID_HYPERV_MOUSE=m", "CONFIG_UIO_HV_GENERIC=m",
    "CONFIG_HYPERV=m", "CONFIG_HYPERV_TIMER=y", "CONFIG_HYPERV_UTILS=m", "CONFIG_HYPERV_BALLOON=m",
    "CONFIG_HYPERV_IOMMU=y", "# CONFIG_HYPERV_TESTING is not set",
]
# modelled: Debian's cloud-arm64 config is not at hand. Taken as cloud-amd64 without what Kconfig
# does not offer on arm64: X86_MSR/X86_CPUID (arch/x86/Kconfig), HYPERV_TIMER (def_bool HYPERV &&
# X86), HYPERV_IOMMU (depends on X86), all in k6.1 Kconfig files
DEBIAN_CLOUD_ARM64_CONFIG = [line for line in DEBIAN_CLOUD_AMD64_CONFIG
                             if not any(name in line for name in
                                        ("X86_MSR", "X86_CPUID", "HYPERV_TIMER", "HYPERV_IOMMU"))]

CONFIG_CAPTURE_HEADER = "# hvctl snapshot: only the lines of the Hyper-V options hvctl reports\n"


def add_boot_config(snap, release, lines):
    """/boot/config-<release>, as a capture keeps it: the Hyper-V lines only (snapshot-format.md)."""
    snap.text("boot/config-" + release, CONFIG_CAPTURE_HEADER + "".join(line + "\n" for line in lines))


def add_proc_config(snap, lines):
    """/proc/config.gz (CONFIG_IKCONFIG_PROC, k6.1:kernel/configs.c), filtered the same way and
    gzip-compressed; mtime 0 so the bytes never change."""
    text = CONFIG_CAPTURE_HEADER + "".join(line + "\n" for line in lines)
    snap.binary("proc/config.gz", gzip.compress(text.encode("utf-8"), compresslevel=9, mtime=0))


# Parameters and their defaults as /sys/module/<name>/parameters/<p> prints them (k6.1:
# kernel/params.c param_get_bool "Y"/"N", param_get_int "%d", param_get_uint "%u")
MODULE_PARAMETERS = {
    # k6.1:drivers/hv/hv_balloon.c: static bool hot_add = true; pressure_report_delay = 45
    "hv_balloon": {"hot_add": "Y", "pressure_report_delay": "45"},
    # k6.1:drivers/net/hyperv/netvsc_drv.c: ring_size = 128, debug = -1
    "hv_netvsc": {"debug": "-1", "ring_size": "128"},
    # k6.1:drivers/scsi/storvsc_drv.c: logging_level = STORVSC_LOGGING_ERROR (1),
    # ring_avail_percent_lowater = 10, storvsc_max_hw_queues (0), storvsc_ringbuffer_size =
    # 128 * 1024, storvsc_vcpus_per_sub_channel = 4
    "hv_storvsc": {"logging_level": "1", "ring_avail_percent_lowater": "10", "storvsc_max_hw_queues": "0",
                   "storvsc_ringbuffer_size": "131072", "storvsc_vcpus_per_sub_channel": "4"},
}


def add_modules(snap, loaded=(), builtin=(), extra_parameters=None):
    """sys/module/<name>: `initstate` (`live`) for loaded modules only (k6.1:kernel/module/main.c
    modinfo_initstate); parameters for both. A built-in module without parameters has no
    directory (k6.1:kernel/params.c param_sysfs_builtin()). hv_vmbus's max_version is written by
    add_max_version()."""
    extra_parameters = extra_parameters or {}
    for name in loaded:
        snap.text("sys/module/%s/initstate" % name, "live\n")
    for name in list(loaded) + list(builtin):
        parameters = dict(MODULE_PARAMETERS.get(name, {}))
        parameters.update(extra_parameters.get(name, {}))
        for parameter, value in sorted(parameters.items()):
            snap.text("sys/module/%s/parameters/%s" % (name, parameter), value + "\n")


def hyperv_x86_log_head(h, khz, tsc_invariant, extra_after_host=()):
    """The early x86 Hyper-V lines, in the order ms_hyperv_init_platform() prints them (6.1)."""
    lines = [
        (0.0, "Hypervisor detected: Microsoft Hyper-V"),          # k6.1:arch/x86/kernel/cpu/hypervisor.c
        (0.0, hv_privilege_line(h)),
        (0.0, hv_host_build_line(h["build"])),
    ]
    lines += [(0.0, text) for text in extra_after_host]
    if 0x4000000C in h and h["features"][1] & (1 << 22):
        lines.append((0.0, hv_isolation_line(h)))
    if h["max"] >= 0x4000000A:
        lines.append((0.0, hv_nested_line(h)))
    if h["features"][0] & (1 << 11) and h["features"][3] & (1 << 8):
        lines.append((0.0, "Hyper-V: LAPIC Timer Frequency: %#x" % h["lapic_per_jiffy"]))
    if h["hints"][0] & (1 << 2):
        lines.append((0.0, "Hyper-V: Using hypercall for remote TLB flush"))   # k6.1:arch/x86/hyperv/mmu.c
    lines.append((0.0, cs_hyperv_tsc_page()))
    if not tsc_invariant:
        lines.append((0.000003, "tsc: Marking TSC unstable due to running on Hyper-V"))
    lines.append((0.000005, tsc_detected(khz)))
    return lines


def hyperv_x86_apic_lines(h, t, x2apic):
    """hyperv_init() (apic_post_init): hv_common_init() then hv_apic_init() (k6.1:arch/x86/hyperv)."""
    lines = []
    if h["features"][3] & (1 << 10):
        lines.append((t, "Hyper-V: enabling crash_kexec_post_notifiers"))   # k6.1:drivers/hv/hv_common.c
    if h["hints"][0] & (1 << 10):
        lines.append((t + 0.000013, "Hyper-V: Using IPI hypercalls"))
    if h["hints"][0] & (1 << 3):
        lines.append((t + 0.000015, "Hyper-V: Using enlightened APIC (%s mode)" % ("x2apic" if x2apic else "xapic")))
    return lines


def pv_spinlock_line(h):
    # k6.1:arch/x86/hyperv/hv_spinlock.c: needs hints[10] (cluster IPI) and EAX[10] (guest idle)
    ok = h["hints"][0] & (1 << 10) and h["features"][0] & (1 << 10)
    return "Hyper-V: PV spinlocks %s" % ("enabled" if ok else "disabled")


def dmi_hyperv_gen2(bios_date, asset_tag, bios_version="Hyper-V UEFI Release v4.1", release="4.1"):
    # src: "Hardware name: Microsoft Corporation Virtual Machine/Virtual Machine, BIOS Hyper-V UEFI
    # Release v4.1 09/28/2024" (Azure Gen2 oops reports in the search index) and ref §11.2.
    # product_version/board_version/chassis_version "7.0", chassis_type 3, product_family and
    # product_sku: modelled (Hyper-V SMBIOS strings as commonly reported by dmidecode).
    return {
        "bios_vendor": "Microsoft Corporation", "bios_version": bios_version, "bios_date": bios_date,
        "bios_release": release, "sys_vendor": "Microsoft Corporation", "product_name": "Virtual Machine",
        "product_version": "7.0", "product_family": "Virtual Machine", "product_sku": "None",
        "product_serial": "x", "product_uuid": "x",
        "board_vendor": "Microsoft Corporation", "board_name": "Virtual Machine", "board_version": "7.0",
        "board_asset_tag": "None", "board_serial": "x",
        "chassis_vendor": "Microsoft Corporation", "chassis_type": "3", "chassis_version": "7.0",
        "chassis_asset_tag": asset_tag, "chassis_serial": "x",
    }


AZURE_ASSET_TAG = "7783-7084-3265-9085-8269-3286-77"   # src: ref §11.2


# --------------------------------------------------------------------------------------------
# VMBus (ref §3, §4, §6.2; k6.1:drivers/hv/vmbus_drv.c, channel_mgmt.c)
# --------------------------------------------------------------------------------------------

# class GUID -> (enum vmbus_device_type index, perf_device); ref §4 table, k6.1 vmbus_devs[]
VMBUS_CLASSES = {
    "32412632-86cb-44a2-9b5c-50d1417354f5": (0, True),    # IDE
    "ba6163d9-04a1-4d29-b605-72e2ffb1dc7f": (1, True),    # SCSI
    "f8615163-df3e-46c5-913f-f2d2f965ed0e": (3, True),    # NIC
    "44c4f61d-4444-4400-9d52-802e27ede19f": (5, False),   # PCIe pass-through (vPCI)
    "da0a7802-e377-4aac-8e77-0558eb1073f8": (6, False),   # synthetic video
    "f912ad6d-2b17-48ea-bd65-f927a61c7684": (7, False),   # keyboard
    "cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a": (8, False),   # mouse
    "a9a0f4e7-5a45-4d96-b827-8a841e8c03e6": (9, False),   # KVP
    "9527e630-d0ae-497b-adce-e80ab0175caf": (10, False),  # time sync
    "57164f39-9115-4e78-ab55-382f3bd5422d": (11, False),  # heartbeat
    "0e0b6031-5213-4934-818b-38d90ced39db": (12, False),  # shutdown
    "35fa2e29-ea23-4236-96ae-3a6ebacba440": (14, False),  # VSS (backup)
    "525074dc-8985-46e2-8057-a307dc18a502": (15, False),  # dynamic memory
}
CLS = {
    "ide": "32412632-86cb-44a2-9b5c-50d1417354f5", "scsi": "ba6163d9-04a1-4d29-b605-72e2ffb1dc7f",
    "nic": "f8615163-df3e-46c5-913f-f2d2f965ed0e", "pci": "44c4f61d-4444-4400-9d52-802e27ede19f",
    "video": "da0a7802-e377-4aac-8e77-0558eb1073f8", "kbd": "f912ad6d-2b17-48ea-bd65-f927a61c7684",
    "mouse": "cfa8b69e-5b4a-4cc0-b98b-8ba1a1f3f95a", "kvp": "a9a0f4e7-5a45-4d96-b827-8a841e8c03e6",
    "ts": "9527e630-d0ae-497b-adce-e80ab0175caf", "hb": "57164f39-9115-4e78-ab55-382f3bd5422d",
    "shutdown": "0e0b6031-5213-4934-818b-38d90ced39db", "vss": "35fa2e29-ea23-4236-96ae-3a6ebacba440",
    "dm": "525074dc-8985-46e2-8057-a307dc18a502",
    # unsupported Windows-only classes (k6.1 vmbus_unsupported_devs[]): device 0x10, no driver
    "avma1": "f8e65716-3cb3-4a06-9a60-1889c5cccab5", "avma2": "3375baf4-9e15-4b30-b765-67acb10d607b",
    "rdv": "276aacf4-ac15-426c-98dd-7521ad3f01fe",
    # WSL GPU-PV (dxgkrnl HV_GPUP_DXGK_GLOBAL_GUID / HV_GPUP_DXGK_VGPU_GUID): unknown to channel_mgmt.c
    "dxg-global": "dde9cbc0-5060-4436-9448-ea1254a5d177", "dxg-vgpu": "6e382d18-3336-4f4b-acc4-2b7703d4df4a",
}

# Instance GUIDs Hyper-V gives every VM (identical in CAP-LSVMBUS and other Azure/on-prem logs)
STD_INSTANCE = {
    "dm": "1eccfd72-4b41-45ef-b73a-4a6e44c12924", "mouse": "58f75a6d-d949-4320-99e1-a2a2576d581c",
    "kbd": "d34b2567-b9b6-42b9-8778-0a4ec0b955bf", "video": "5620e0c7-8062-4dce-aeb7-520c7ef76171",
    "hb": "fd149e91-82e0-4a7d-afa6-2a4166cbd7c0", "kvp": "242ff919-07db-4180-9c2e-b86cb68c8c55",
    "shutdown": "b6650ff7-33bc-4840-8048-e0676786f393", "ts": "2dd1ce17-079e-403c-b352-a1921ee207ee",
    "ide0": "00000000-0000-8899-0000-000000000000", "ide1": "00000000-0001-8899-0000-000000000000",
    "scsi-os": "f8b3781a-1e82-4818-a1c3-63d806ec15bb", "scsi-tmp": "f8b3781b-1e82-4818-a1c3-63d806ec15bb",
}


def hvsock_class(port):
    # ref §3.7: AF_VSOCK service GUID template 00000000-facb-11e6-bd58-64006a7986d3
    return "%08x-facb-11e6-bd58-64006a7986d3" % port


def vmbus_ring_data(payload):
    """Usable bytes of a ring opened with VMBUS_RING_SIZE(payload): the 4 KiB header is taken out
    of the ring (k6.1:include/linux/hyperv.h VMBUS_HEADER_ADJ, ring_buffer.c ring_datasize)."""
    total = payload if payload >= 8 * 4096 else payload + 4096
    total = (total + 4095) // 4096 * 4096
    return total - 4096


# Ring sizes per driver (both directions): ring data bytes = write_avail of an idle channel
RING_DATA = {
    "hv_netvsc": vmbus_ring_data(128 * 4096),      # netvsc_drv.c ring_size = 128 pages
    "hv_storvsc": vmbus_ring_data(128 * 1024),     # storvsc_drv.c storvsc_ringbuffer_size
    "hv_utils": vmbus_ring_data(3 * 4096),         # hv_util.c HV_UTIL_RING_SEND/RECV_SIZE
    "hv_balloon": vmbus_ring_data(16 * 1024),      # hv_balloon.c dm_ring_size
    "hv_pci": vmbus_ring_data(16 * 1024),          # pci-hyperv.c pci_ring_size
    "hyperv_keyboard": vmbus_ring_data(36 * 1024),  # hyperv-keyboard.c KBD_VSC_*_RING_BUFFER_SIZE
    "hid_hyperv": vmbus_ring_data(36 * 1024),      # hid-hyperv.c INPUTVSC_*_RING_BUFFER_SIZE
    "hyperv_fb": 256 * 1024 - 4096,                # hyperv_fb.c RING_BUFSIZE (not VMBUS_RING_SIZE)
    "hyperv_drm": 256 * 1024 - 4096,               # hyperv_drm_proto.c VMBUS_RING_BUFSIZE
    # hyperv_transport.c, VMBus >= 5.0: max(sk_sndbuf = 212992 default, 6 pages), <= 64 pages
    "hv_sock": vmbus_ring_data(212992),
    "dxgkrnl": 256 * 1024 - 4096,                  # modelled (WSL dxgkrnl ring size not checked)
}


class VMBusChannel:
    def __init__(self, relid, sub_index, primary):
        self.relid = relid
        self.sub_index = sub_index
        self.primary = primary
        self.cpu = 0
        self.monitor_id = None
        self.overrides = {}


class VMBusDevice:
    """One offer: kind selects class and (by default) the standard instance GUID."""

    def __init__(self, kind, relid, driver, instance=None, subs=(), monitor=None, cls=None, traffic=1):
        self.cls = cls or CLS[kind]
        self.instance = instance or STD_INSTANCE[kind]
        self.driver = driver
        self.traffic = traffic
        self.channels = [VMBusChannel(relid, 0, self)]
        for index, sub_relid in enumerate(subs, start=1):
            self.channels.append(VMBusChannel(sub_relid, index, self))
        dev_type, perf = VMBUS_CLASSES.get(self.cls, (16, False))
        self.dev_type = dev_type
        self.perf = perf
        # modelled: the host allocates monitor (latency-sensitive) notification for the storage
        # and network primaries; every other channel signals without a monitor
        self.monitored = perf if monitor is None else monitor


def assign_target_cpus(devices, ncpu, nodes=None):
    """init_vp_index() of k6.1:drivers/hv/channel_mgmt.c, channels processed in relid order,
    one NUMA node, no isolated CPUs: non-perf -> CPU 0; perf -> first CPU not yet in the node's
    allocation mask, skipping CPUs the same device already uses, resetting a full mask."""
    node = list(range(ncpu))
    allocated = set()
    channels = sorted((c for d in devices for c in d.channels), key=lambda c: c.relid)
    for chan in channels:
        dev = chan.primary
        if not dev.perf:
            chan.cpu = 0
            continue
        used = {c.cpu for c in dev.channels if c is not chan and c.relid < chan.relid} if chan.sub_index else set()
        target = 0
        for i in range(1, ncpu + 2):
            available = [c for c in node if c not in allocated]
            if not available:
                allocated.clear()
                available = list(node)
            target = available[0]
            allocated.add(target)
            if chan.sub_index >= ncpu or i > ncpu or target not in used:
                break
        chan.cpu = target


def modalias(cls):
    # ref §3.6: the class GUID's 16 bytes as stored (guid_t, first three fields little-endian)
    return "vmbus:" + uuid.UUID(cls).bytes_le.hex()


def add_vmbus(snap, parent, devices, ncpu, drivers, seed, retarget=None):
    """Writes sys/bus/vmbus and the device directories under `parent` (the ACPI VMBus device).
    Returns the manifest 'unreadable' entries (ring attributes of channels nobody opened).
    retarget: relid -> CPU, channels moved after init_vp_index() (writes to channels/<relid>/cpu)."""
    rng = Lcg(seed)
    assign_target_cpus(devices, ncpu)
    for chan in (c for d in devices for c in d.channels):
        chan.cpu = (retarget or {}).get(chan.relid, chan.cpu)
    monitor_id = 0
    for dev in sorted(devices, key=lambda d: d.channels[0].relid):
        if dev.monitored:
            dev.channels[0].monitor_id = monitor_id
            monitor_id += 1
    unreadable = {}
    depth = parent.count("/") + 2            # "sys/devices/.../<guid>" -> number of '..' to sys/
    for dev in devices:
        unreadable.update(add_vmbus_device(snap, parent, depth, dev, rng))
    snap.text("sys/bus/vmbus/hibernation", "0\n")   # hv_is_hibernation_supported(): no S4 (ACPI S0 S5 only)
    for name in drivers:
        base = "sys/bus/vmbus/drivers/%s/" % name
        for attr in ("bind", "unbind", "new_id", "remove_id"):   # write-only: stored empty
            snap.text(base + attr, "")
        for dev in devices:
            if dev.driver == name:
                snap.link(base + dev.instance, "../../../../" + parent[len("sys/"):] + "/" + dev.instance)
    return unreadable


def add_vmbus_device(snap, parent, depth, dev, rng):
    guid = dev.instance
    path = parent + "/" + guid + "/"
    up = "../" * (depth - 1)
    snap.link("sys/bus/vmbus/devices/" + guid, "../../../" + parent[len("sys/"):] + "/" + guid)
    opened = dev.driver is not None
    primary = dev.channels[0]
    attrs = {
        "id": "%d\n" % primary.relid,
        "state": "%d\n" % (3 if opened else 0),      # CHANNEL_OPENED_STATE / CHANNEL_OFFER_STATE
        "class_id": "{%s}\n" % dev.cls,
        "device_id": "{%s}\n" % guid,
        "modalias": modalias(dev.cls) + "\n",
        "numa_node": "0\n",
        "channel_vp_mapping": "".join("%d:%d\n" % (c.relid, c.cpu) for c in dev.channels),
        "vendor": "0x1414\n",
        "device": "0x%x\n" % dev.dev_type,
        "driver_override": "(null)\n",               # snprintf("%s\n", NULL)
        "uevent": ("DRIVER=%s\n" % dev.driver if opened else "") + "MODALIAS=%s\n" % modalias(dev.cls),
    }
    if dev.monitored:
        attrs["monitor_id"] = "%d\n" % primary.monitor_id
        for side in ("server", "client"):
            attrs["%s_monitor_pending" % side] = "0\n"
            attrs["%s_monitor_latency" % side] = "100\n"             # modelled
            attrs["%s_monitor_conn_id" % side] = "%d\n" % primary.relid  # modelled
    unreadable = {}
    data = RING_DATA.get(dev.driver, 0)
    for ring in ("out", "in"):
        names = ["intr_mask", "read_index", "write_index", "read_bytes_avail", "write_bytes_avail"]
        if not opened:
            for name in names:
                unreadable["sys/bus/vmbus/devices/%s/%s_%s" % (guid, ring, name)] = "EINVAL"
            continue
        index = rng.next(0, data // 8 - 1) * 8
        values = [0, index, index, 0, data]           # idle ring: read == write, all space free
        for name, value in zip(names, values):
            attrs["%s_%s" % (ring, name)] = "%d\n" % value
    for name, value in attrs.items():
        snap.text(path + name, value)
    if opened:
        snap.link(path + "driver", up + "bus/vmbus/drivers/" + dev.driver)
    snap.link(path + "subsystem", up + "bus/vmbus")
    for chan in dev.channels:
        unreadable.update(add_vmbus_channel(snap, path, guid, dev, chan, opened, data, rng))
    return unreadable


def add_vmbus_channel(snap, path, guid, dev, chan, opened, data, rng):
    base = path + "channels/%d/" % chan.relid
    busy = dev.traffic * (1 if chan.sub_index == 0 else 2)
    attrs = {
        "cpu": "%d\n" % chan.cpu,
        "interrupts": "%d\n" % (rng.next(1000, 90000) * busy if opened else 0),
        "events": "%d\n" % (rng.next(100, 40000) * busy if opened else 0),
        "subchannel_id": "%d\n" % chan.sub_index,
        "intr_in_full": "0\n",
        "intr_out_empty": "%d\n" % (rng.next(0, 30) if opened and dev.traffic > 1 else 0),
        "out_full_first": "0\n",
        "out_full_total": "0\n",
    }
    unreadable = {}
    if opened:
        attrs.update({"in_mask": "0\n", "out_mask": "0\n", "read_avail": "0\n", "write_avail": "%d\n" % data})
    else:
        for name in ("in_mask", "out_mask", "read_avail", "write_avail"):
            unreadable["sys/bus/vmbus/devices/%s/channels/%d/%s" % (guid, chan.relid, name)] = "EINVAL"
    if chan.monitor_id is not None:
        attrs.update({"pending": "0\n", "latency": "100\n", "monitor_id": "%d\n" % chan.monitor_id})
    attrs.update(chan.overrides)      # a fixture's deliberate state (azure-degraded's full ring)
    for name, value in attrs.items():
        snap.text(base + name, value)
    return unreadable


GEN2_VMBUS = "sys/devices/LNXSYSTM:00/LNXSYBUS:00/ACPI0004:00/MSFT1000:00"
GEN1_VMBUS = "sys/devices/LNXSYSTM:00/LNXSYBUS:00/PNP0A03:00/device:07/VMBUS:01"
WSL_VMBUS = "sys/devices/LNXSYSTM:00/LNXSYBUS:00/ACPI0004:00/VMBUS:00"


# ============================================================================================
# 1. azure-d8ds-v5
# ============================================================================================

def azure_d8ds_v5():
    snap = Snapshot("azure-d8ds-v5")
    ncpu = 8
    cpus = list(range(ncpu))
    h = {
        "max": 0x4000000C,                       # modelled: WS2022-era hosts answer up to the isolation leaf
        # src: CAP-CS "Hyper-V Host Build:20348-10.0-2-0.2762" (same Azure host build)
        "build": (10, 0, 20348, 2762, 2, 0),
        # src: CAP-CS "privilege flags low 0xae7f, high 0x388030, ... misc 0xc0bed7b2"; ECX modelled 0
        "features": (0x0000AE7F, 0x00388030, 0x00000000, 0xC0BED7B2),
        # src: CAP-CS "hints 0x140c2c"; EBX spin-retry 0xfff and ECX 46 physical address bits
        # (Ice Lake-SP) modelled
        "hints": (0x00140C2C, 0x00000FFF, 0x0000002E, 0),
        "limits": (0x00000800, 0x00000800, 0x00000000, 0),   # modelled: 2048 VPs / 2048 LPs
        0x40000006: (0x0000000E, 0, 0, 0),      # modelled: MSR bitmaps, arch PMU, SLAT in use (ref §1.7)
        # modelled from CAP-WSL's Intel host: eVMCS 1.1 + bits 17-21 (ref §1.10)
        0x4000000A: (0x003E0101, 0, 0, 0),
        "lapic_per_jiffy": 0xC3500,             # src: CAP-CS "LAPIC Timer Frequency: 0xc3500"
    }
    # src: modelled Ice Lake-SP guest (Xeon Platinum 8370C, signature 0x606a6 as in CAP-ICX); the
    # max basic leaf 0x15 is what Azure Intel VMs report as "cpuid level : 21"; ECX/EDX: the host's
    # features minus what Hyper-V hides (no MONITOR, DS, TM, PBE, TSC-deadline), plus VMX (Dv5
    # supports nested virtualization), x2APIC and the hypervisor bit 31.
    leaf0 = (0x00000015,) + VENDOR_INTEL
    extra = hyperv_leaves(h)
    per_cpu = build_cpuid(cpus, leaf0, lambda c: (0x000606A6, leaf1_ebx(c, 8), 0xFEFA3223, 0x1F8BFBFF), extra)
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2793437  # modelled: TSC_FREQUENCY/1000 of an 8370C host ("Detected 2793.437 MHz" typical of Dv5)

    log = hyperv_x86_log_head(h, khz, tsc_invariant=True)
    log += [
        (0.013546, "smpboot: Allowing 8 CPUs, 0 hotplug CPUs"),
        (0.013962, "Booting paravirtualized kernel on Hyper-V"),
        (0.014203, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:8 nr_cpu_ids:8 nr_node_ids:1"),
        (0.016870, pv_spinlock_line(h)),
    ]
    log += hyperv_x86_apic_lines(h, 0.063318, x2apic=True)
    log += [
        (0.063460, cs_tsc("tsc-early", khz)),
        (0.081120, "smp: Bringing up secondary CPUs ..."),
        (0.089214, "smp: Brought up 1 node, 8 CPUs"),
        (0.251507, "clocksource: Switched to clocksource tsc-early"),
        (0.266911, cs_acpi_pm()),
        (0.372144, cs_tsc("tsc", khz)),
        (0.372202, "clocksource: Switched to clocksource tsc"),
        (1.104117, "hv_vmbus: Vmbus version:5.3"),
        (1.130524, "hv_vmbus: registering driver hyperv_keyboard"),
        (1.141880, "hv_vmbus: registering driver hv_netvsc"),
        (1.142906, "hv_vmbus: registering driver hv_storvsc"),
        (1.144071, "scsi host0: storvsc_host_t"),
        (1.144532, "scsi host1: storvsc_host_t"),
        (1.158237, "hv_vmbus: registering driver hid_hyperv"),
        (1.612305, "hv_utils: Registering HyperV Utility Driver"),
        (1.612410, "hv_vmbus: registering driver hv_utils"),
        (1.613218, "hv_vmbus: registering driver hv_balloon"),
        (1.614096, "hv_utils: Shutdown IC version 3.2"),       # src: CAP-CS
        (1.615301, "hv_utils: Heartbeat IC version 3.0"),      # src: CAP-CS
        (1.616558, "hv_utils: TimeSync IC version 4.0"),       # src: CAP-CS
        (1.618872, "hv_balloon: Using Dynamic Memory protocol version 2.0"),   # src: CAP-CS
        (1.652091, "hv_vmbus: registering driver hyperv_fb"),  # Debian cloud config: FB_HYPERV=m, no DRM
        (1.653350, "hyperv_fb: Synthvid Version major 3, minor 5"),   # VMBus 5.3 -> SYNTHVID WIN10 (ref §5.3)
        (2.913407, "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: VF slot 1 added"),  # fmt: CAP-ACCELNET
        (2.935118, "hv_vmbus: registering driver hv_pci"),
        (2.936021, "hv_pci 8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2: PCI VMBus probing: Using version 0x10004"),
        (2.938712, "hv_pci 8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2: PCI host bridge to bus 6b5a:00"),
        (3.210447, "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: VF registering: eth1"),
        (3.210481, "mlx5_core 6b5a:00:02.0 eth1: joined to eth0"),
        (3.296310, "hv_utils: KVP IC version 4.0"),            # src: CAP-CS
        (3.856204, "hv_netvsc 000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c eth0: Data path switched to VF: enP27482s1"),
        (49.512778, "hv_balloon: Max. dynamic memory size: 32768 MB"),   # src: CAP-CS line format; D8ds_v5 = 32 GiB
    ]
    snap.text("kernel.log", render_log(log))

    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    add_clocksource(snap, "tsc", ["tsc", "hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-cloud-amd64", DEBIAN_CLOUD_AMD64_CONFIG)
    # loaded: hv_vmbus and every driver the log registers (all =m in the cloud config)
    # pci_hyperv_intf: pci-hyperv uses its hvpci_block_ops (k6.1:drivers/pci/controller/pci-hyperv.c)
    add_modules(snap, loaded=["hv_vmbus", "hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils",
                              "hv_balloon", "hyperv_fb", "pci_hyperv_intf", "pci_hyperv"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("09/28/2024", AZURE_ASSET_TAG)
    add_dmi(snap, dmi)
    # ref §11.1 keys; values modelled (host names invented)
    snap.binary("var/lib/hyperv/.kvp_pool_3", kvp_pool([
        ("HostName", "BL3PPF1C0F0A4B2"),
        ("HostingSystemEditionId", "8"),
        ("HostingSystemNestedLevel", "0"),
        ("HostingSystemOsMajor", "10"),
        ("HostingSystemOsMinor", "0"),
        ("HostingSystemProcessorArchitecture", "9"),
        ("HostingSystemProcessorIdleStateMax", "0"),
        ("HostingSystemProcessorThrottleMax", "100"),
        ("HostingSystemProcessorThrottleMin", "5"),
        ("HostingSystemSpMajor", "0"),
        ("HostingSystemSpMinor", "0"),
        ("PhysicalHostName", "BL3PPF1C0F0A4B2"),
        ("PhysicalHostNameFullyQualified", "BL3PPF1C0F0A4B2.bl3prdapp04.fabric.example"),
        ("VirtualMachineDynamicMemoryBalancingEnabled", "0"),
        ("VirtualMachineId", "4F6C2E1A-93D7-4B0E-A5C8-2D71E9B04F3A"),
        ("VirtualMachineName", "c4a1e7d2-0b5f-4e8a-9c36-71d2f08b5e49"),
    ]))
    rng = Lcg(0xA2D8)
    snap.text("proc/interrupts", proc_interrupts_x86(
        ncpu, rng, [(4, "IO-APIC", 4, "edge", "ttyS0"), (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "cloud", hyperv={"hre": True, "hvs": True}))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-cloud-amd64 "
              "root=PARTUUID=6a9e4f12-3c8b-4d05-9e71-b2c4d8a1f063 ro console=tty0 "
              "console=ttyS0,115200 earlyprintk=ttyS0,115200 consoleblank=0\n")
    # Relid order and standard instance GUIDs follow CAP-LSVMBUS (a Gen1 Azure VM: DM, IDE, mouse,
    # keyboard, video, heartbeat, KVP, shutdown, time sync, NICs, SCSI; sub-channels after the
    # primaries, vPCI last); Gen2 has no IDE. VSS instance GUID invented. Sub-channel counts:
    # netvsc min(VRSS_CHANNEL_DEFAULT 8, CPUs) = 8 channels; storvsc (8 - 1) / 4 = 1 sub-channel.
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("mouse", 2, "hid_hyperv"),
        VMBusDevice("kbd", 3, "hyperv_keyboard"),
        VMBusDevice("video", 4, "hyperv_fb"),
        VMBusDevice("hb", 5, "hv_utils"),
        VMBusDevice("kvp", 6, "hv_utils"),
        VMBusDevice("shutdown", 7, "hv_utils"),
        VMBusDevice("ts", 8, "hv_utils"),
        VMBusDevice("vss", 9, "hv_utils", instance="ae3b5c91-7d2e-4f08-9b16-c4e0a8d25f73"),
        VMBusDevice("nic", 10, "hv_netvsc", instance="000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c",
                    subs=range(15, 22), traffic=20),
        VMBusDevice("scsi", 11, "hv_storvsc", instance=STD_INSTANCE["scsi-os"], subs=[14], traffic=10),
        VMBusDevice("scsi", 12, "hv_storvsc", instance=STD_INSTANCE["scsi-tmp"], subs=[13], traffic=3),
        VMBusDevice("pci", 22, "hv_pci", instance="8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2"),
    ]
    drivers = ["hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hv_balloon",
               "hyperv_fb", "hv_pci"]
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, ncpu, drivers, 0xD8D5)
    unreadable.update(dmi_unreadable(dmi))
    # Synthetic MSRs of a healthy guest (ref §2.3), read with sudo after `modprobe msr`. Kernel
    # 6.1.192: the reference's Debian baseline (ref §0; GUEST_OS_ID 0x8100000601c00000 is ref §2.2's
    # example); Debian's uname -r (6.1.0-37) does not carry the stable sublevel. Uptime 2 h 17 min,
    # TSC 2793.437 MHz (tsc_khz above), CRASH_CTL = CrashNotify | CrashMessage: modelled.
    msr_machine = modelled_msr_machine(0xD8D5, ncpu, (6, 1, 192), 82345678901, 2793437512,
                                       0xC000000000000000, stimer_expired=[5])
    add_msrs(snap, {c: healthy_linux_msrs(h, c, msr_machine) for c in cpus})
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-14T10:22:31Z", "x86_64", "6.1.0-37-cloud-amd64",
        "fixture: Azure Standard_D8ds_v5 (Gen2, 8 vCPU Xeon Platinum 8370C) on host build 20348, "
        "VMBus 5.3, Debian 12 cloud kernel, accelerated networking; captured without root, "
        "MSRs read with sudo after modprobe msr",
        unreadable))
    return snap, h, per_cpu


# ============================================================================================
# 2. ws2016-gen1
# ============================================================================================

def ws2016_gen1():
    snap = Snapshot("ws2016-gen1")
    ncpu = 4
    cpus = list(range(ncpu))
    h = {
        "max": 0x4000000A,                      # modelled: nested-features leaf exists since WS2016
        # src: "Hyper-V Host Build:14393-10.0-0-0.576" (WS2016 guest syslog in the search index,
        # search index id 41887616674)
        "build": (10, 0, 14393, 576, 0, 0),
        # modelled: ordinary-guest privileges as on the 20348 capture minus TSC-invariant control
        # (EAX[15], WS2022+, ref §8) and the openvmm-only EDX bits 30/31; EDX keeps stimer direct
        # mode (bit 19, supported since WS2016) and crash MSRs.
        "features": (0x00002E7F, 0x00388030, 0x00000000, 0x000ED7B2),
        "hints": (0x00000C2C, 0x00000FFF, 0x0000002E, 0),    # modelled: no APICv hints
        "limits": (0x000000F0, 0x00000140, 0x00000000, 0),   # modelled: 240 VPs, 320 LPs
        0x40000006: (0x0000000E, 0, 0, 0),
        0x4000000A: (0x00000000, 0, 0, 0),      # modelled: nested virtualization not exposed
        "lapic_per_jiffy": 0x1E8480,            # modelled (value seen on client hosts in the index)
    }
    # modelled: Broadwell-EP host (Xeon E5-2680 v4, signature 0x406f1), 4 vCPUs, no SMT exposed,
    # xAPIC only (Gen1), max basic leaf 0x14
    leaf0 = (0x00000014,) + VENDOR_INTEL
    per_cpu = build_cpuid(cpus, leaf0, lambda c: (0x000406F1, leaf1_ebx(c, 4), 0xFED83203, 0x0F8BFBFF),
                          hyperv_leaves(h))
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2394455  # modelled: TSC_FREQUENCY/1000 of a 2.4 GHz Broadwell-EP host

    log = hyperv_x86_log_head(h, khz, tsc_invariant=False)
    log += [
        (0.010872, "smpboot: Allowing 4 CPUs, 0 hotplug CPUs"),
        (0.011290, "Booting paravirtualized kernel on Hyper-V"),
        (0.011422, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:4 nr_cpu_ids:4 nr_node_ids:1"),
        (0.013516, pv_spinlock_line(h)),
    ]
    log += hyperv_x86_apic_lines(h, 0.064071, x2apic=False)
    log += [
        (0.071233, "smp: Bringing up secondary CPUs ..."),
        (0.078950, "smp: Brought up 1 node, 4 CPUs"),
        # k6.1: tsc_page rating 500 (no TSC_INVARIANT) wins at clocksource_done_booting()
        (0.231884, "clocksource: Switched to clocksource hyperv_clocksource_tsc_page"),
        (0.244317, cs_acpi_pm()),
        (0.903770, "hv_vmbus: Vmbus version:4.0"),         # WS2016 = VMBus 4.0 (ref §8 consistency checks)
        (0.931208, "hv_vmbus: registering driver hyperv_keyboard"),
        (0.940366, "hv_vmbus: registering driver hv_storvsc"),
        (0.941025, "scsi host0: storvsc_host_t"),
        (0.941607, "scsi host1: storvsc_host_t"),
        (0.942118, "scsi host2: storvsc_host_t"),
        (0.948552, "hv_vmbus: registering driver hv_netvsc"),
        (0.961117, "hv_vmbus: registering driver hid_hyperv"),
        (1.402266, "hv_utils: Registering HyperV Utility Driver"),
        (1.402371, "hv_vmbus: registering driver hv_utils"),
        (1.403514, "hv_utils: Shutdown IC version 3.0"),     # modelled
        (1.404102, "hv_utils: Heartbeat IC version 3.0"),
        (1.405377, "hv_utils: TimeSync IC version 4.0"),     # WS2016 "Using TimeSync version 4.0" (index id 17296909289)
        (1.406021, "hv_vmbus: registering driver hv_balloon"),
        (1.408930, "hv_balloon: Using Dynamic Memory protocol version 2.0"),
        (1.510442, "hv_vmbus: registering driver hyperv_drm"),   # Debian amd64 config: DRM_HYPERV=m
        (1.511207, "hyperv_drm 5620e0c7-8062-4dce-aeb7-520c7ef76171: [drm] Synthvid Version major 3, minor 5"),
        (2.884132, "hv_utils: KVP IC version 4.0"),
        (2.931577, "hv_utils: VSS IC version 5.0"),          # k6.1:drivers/hv/hv_snapshot.c VSS_MAJOR 5
    ]
    snap.text("kernel.log", render_log(log))

    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    add_clocksource(snap, "hyperv_clocksource_tsc_page", ["hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-amd64", DEBIAN_AMD64_CONFIG)
    add_modules(snap, loaded=["hv_vmbus", "hyperv_keyboard", "hv_storvsc", "hv_netvsc", "hid_hyperv", "hv_utils",
                              "hv_balloon", "hyperv_drm"])
    # Gen1 = BIOS: /sys/firmware exists without efi/ (ref §11.2); pm_profile modelled (unspecified)
    snap.text("sys/firmware/acpi/pm_profile", "0\n")
    # src: "Hardware name: Microsoft Corporation Virtual Machine/Virtual Machine, BIOS 090007
    # 06/02/2017" (4.19 splat in the search index); Gen1 SMBIOS 2.3 has no bios_release/family/sku;
    # BIOS vendor American Megatrends (Hyper-V Gen1 firmware) and the non-Azure asset tag modelled
    dmi = {
        "bios_vendor": "American Megatrends Inc.", "bios_version": "090007", "bios_date": "06/02/2017",
        "sys_vendor": "Microsoft Corporation", "product_name": "Virtual Machine", "product_version": "7.0",
        "product_serial": "x", "product_uuid": "x",
        "board_vendor": "Microsoft Corporation", "board_name": "Virtual Machine", "board_version": "7.0",
        "board_serial": "x", "chassis_vendor": "Microsoft Corporation", "chassis_type": "3",
        "chassis_version": "7.0", "chassis_asset_tag": "2493-0826-4410-7366-2154-3315-92",
        "chassis_serial": "x",
    }
    add_dmi(snap, dmi)
    for name in DMI_ROOT_ONLY:   # captured as root: the 0400 attributes are readable
        snap.text("sys/devices/virtual/dmi/id/" + name, {
            "product_serial": "9784-4207-1066-8911-0143-0270-18",
            "product_uuid": "3a1f5c2e-9b07-4d8e-a6c1-58e2f9b0d4a7",
            "board_serial": "9784-4207-1066-8911-0143-0270-18",
            "chassis_serial": "9784-4207-1066-8911-0143-0270-18"}[name] + "\n")
    snap.binary("var/lib/hyperv/.kvp_pool_3", kvp_pool([
        ("HostName", "HV-HOST-07"),
        ("HostingSystemEditionId", "8"),
        ("HostingSystemNestedLevel", "0"),
        ("HostingSystemOsMajor", "10"),
        ("HostingSystemOsMinor", "0"),
        ("HostingSystemProcessorArchitecture", "9"),
        ("HostingSystemProcessorIdleStateMax", "0"),
        ("HostingSystemProcessorThrottleMax", "100"),
        ("HostingSystemProcessorThrottleMin", "100"),
        ("HostingSystemSpMajor", "0"),
        ("HostingSystemSpMinor", "0"),
        ("PhysicalHostName", "HV-HOST-07"),
        ("PhysicalHostNameFullyQualified", "HV-HOST-07.corp.example.com"),
        ("VirtualMachineDynamicMemoryBalancingEnabled", "1"),
        ("VirtualMachineId", "8C2B71E4-5D03-4F9A-B6E2-0A94C3D17F58"),
        ("VirtualMachineName", "web01"),
    ]))
    rng = Lcg(0x2016)
    snap.text("proc/interrupts", proc_interrupts_x86(
        ncpu, rng, [(1, "IO-APIC", 1, "edge", "i8042"), (4, "IO-APIC", 4, "edge", "ttyS0"),
                    (8, "IO-APIC", 8, "edge", "rtc0"), (9, "IO-APIC", 9, "fasteoi", "acpi"),
                    (12, "IO-APIC", 12, "edge", "i8042"), (14, "IO-APIC", 14, "edge", "ata_piix"),
                    (15, "IO-APIC", 15, "edge", "ata_piix")],
        "generic", hyperv={"hre": True, "hvs": True}))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-amd64 "
              "root=UUID=0d6f3b52-8e41-4a7c-9f10-6c2a5e8b3d94 ro quiet\n")
    # Gen1 order as in CAP-LSVMBUS (two IDE controllers after DM); the Windows-only AVMA/RDV
    # classes that WS2016 offers (seen as "Unknown GUID" in a 4.4-era WS2016 syslog in the index)
    # get a device but no driver in 6.1 (k6.1 vmbus_unsupported_devs[]): state 0, rings unreadable.
    # NIC 4 channels (4 CPUs); storvsc (4 - 1) / 4 = 0 sub-channels. NIC/SCSI/VSS/RDV/AVMA
    # instance GUIDs invented (on-premises hosts use random ones).
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("ide", 2, "hv_storvsc", instance=STD_INSTANCE["ide0"], traffic=4),
        VMBusDevice("ide", 3, "hv_storvsc", instance=STD_INSTANCE["ide1"]),
        VMBusDevice("mouse", 4, "hid_hyperv"),
        VMBusDevice("kbd", 5, "hyperv_keyboard"),
        VMBusDevice("video", 6, "hyperv_drm"),
        VMBusDevice("hb", 7, "hv_utils"),
        VMBusDevice("kvp", 8, "hv_utils"),
        VMBusDevice("shutdown", 9, "hv_utils"),
        VMBusDevice("ts", 10, "hv_utils"),
        VMBusDevice("vss", 11, "hv_utils", instance="6b0e4d27-91c3-4a5f-8e02-d7f3b1a96c48"),
        VMBusDevice("rdv", 12, None, instance="3f8a2c61-d4b9-4e07-a1f5-92c6e0d7b384"),
        VMBusDevice("avma1", 13, None, instance="c1d7e9a2-5f30-4b86-9d4e-0a2b7c5f1e93"),
        VMBusDevice("avma2", 14, None, instance="84e2b6f0-3a9d-47c1-b5e8-f1d06a3c9e27"),
        VMBusDevice("nic", 15, "hv_netvsc", instance="d9a14c37-2e5b-4f81-a6c0-7b3e58f2d190",
                    subs=[17, 18, 19], traffic=12),
        VMBusDevice("scsi", 16, "hv_storvsc", instance="5e2f8b14-c7a3-4d69-8b05-e4d1a7c39f62", traffic=6),
    ]
    drivers = ["hyperv_keyboard", "hv_storvsc", "hv_netvsc", "hid_hyperv", "hv_utils", "hv_balloon", "hyperv_drm"]
    unreadable = add_vmbus(snap, GEN1_VMBUS, devices, ncpu, drivers, 0x1601)
    # Synthetic MSRs (ref §2.3): EAX[15] is clear, so TSC_INVARIANT_CONTROL is not granted and the
    # capture's read of it raised #GP -> EIO (ref §2.1, §9); hints[9] clear -> SINT2 auto-EOI;
    # EDX[19] -> stimer0 direct mode. CRASH_CTL = CrashNotify only (no CrashMessage): modelled,
    # no source says which WS2016 builds offer CrashMessage. Uptime 6 d 3 h, TSC 2394.455 MHz.
    msr_machine = modelled_msr_machine(0x1601, ncpu, (6, 1, 192), 5302811234567, 2394455100,
                                       0x8000000000000000)
    add_msrs(snap, {c: healthy_linux_msrs(h, c, msr_machine) for c in cpus})
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-14T11:05:02Z", "x86_64", "6.1.0-37-amd64",
        "fixture: on-premises Windows Server 2016 Hyper-V, Generation 1 (BIOS, IDE), 4 vCPU, "
        "VMBus 4.0, Debian 12 generic kernel; captured as root", unreadable))
    return snap, h, per_cpu


# ============================================================================================
# 3. ws2019-phantom-cpus
# ============================================================================================

def ws2019_words():
    """The hypervisor leaves of the modelled WS2019 host, shared by ws2019-phantom-cpus and
    vmbus-broken."""
    return {
        "max": 0x4000000A,
        "build": (10, 0, 17763, 6054, 0, 0),    # build: ref §8 (17763 = WS2019); service number modelled
        # modelled: as ws2016-gen1 plus the VSM register bits 20/21 of EDX, still no EAX[15]
        "features": (0x00002E7F, 0x00388030, 0x00000000, 0x003ED7B2),
        # modelled: APICv host -> deprecate-AEOI (bit 9) and NoNonArchCoreSharing (bit 18)
        "hints": (0x00060E2C, 0x00000FFF, 0x0000002E, 0),
        "limits": (0x000000F0, 0x00000200, 0x00000000, 0),
        0x40000006: (0x0000000F, 0, 0, 0),
        0x4000000A: (0x00000000, 0, 0, 0),
        "lapic_per_jiffy": 0x1E8480,
    }


def ws2019_cpuid(h, online):
    # modelled: Cascade Lake host (Xeon Gold 6230, signature 0x50657), 4 vCPUs as 2 cores x 2
    # threads, x2APIC exposed (Gen2), max basic leaf 0x16
    leaf0 = (0x00000016,) + VENDOR_INTEL
    return build_cpuid(online, leaf0, lambda c: (0x00050657, leaf1_ebx(c, 4), 0xFEFA3203, 0x1F8BFBFF),
                       hyperv_leaves(h))


WS2019_KHZ = 2095078
# hv_vmbus and the drivers ws2019_log() registers (Debian amd64 config: all =m)
WS2019_MODULES = ["hv_vmbus", "hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hv_balloon",
                  "hyperv_drm"]


def ws2019_log(h, possible, booted):
    """The boot log of the modelled WS2019 guest with `possible` CPUs of which `booted` came up."""
    log = hyperv_x86_log_head(h, WS2019_KHZ, tsc_invariant=False)
    log += [
        # ref §6.3: WS2019 and older may describe more CPUs in ACPI than the VM has
        (0.012008, "smpboot: Allowing %d CPUs, %d hotplug CPUs" % (possible, possible - booted)),  # k6.1:arch/x86/kernel/smpboot.c
        (0.012403, "Booting paravirtualized kernel on Hyper-V"),
        (0.012570, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:%d nr_cpu_ids:%d nr_node_ids:1" % (possible, possible)),
        (0.014731, pv_spinlock_line(h)),
    ]
    log += hyperv_x86_apic_lines(h, 0.061906, x2apic=True)
    log += [
        (0.069355, "smp: Bringing up secondary CPUs ..."),
        (0.074418, "smp: Brought up 1 node, %d CPUs" % booted),
        (0.240016, "clocksource: Switched to clocksource hyperv_clocksource_tsc_page"),
        (0.253101, cs_acpi_pm()),
        (0.987612, "hv_vmbus: Vmbus version:5.2"),         # WS2019 = VMBus 5.2 (ref §5.1)
        (1.013477, "hv_vmbus: registering driver hyperv_keyboard"),
        (1.020155, "hv_vmbus: registering driver hv_netvsc"),
        (1.021903, "hv_vmbus: registering driver hv_storvsc"),
        (1.022846, "scsi host0: storvsc_host_t"),
        (1.034120, "hv_vmbus: registering driver hid_hyperv"),
        (1.512930, "hv_utils: Registering HyperV Utility Driver"),
        (1.513044, "hv_vmbus: registering driver hv_utils"),
        (1.514260, "hv_utils: Shutdown IC version 3.2"),     # modelled
        (1.515018, "hv_utils: Heartbeat IC version 3.0"),
        (1.516433, "hv_utils: TimeSync IC version 4.0"),
        (1.517106, "hv_vmbus: registering driver hv_balloon"),
        (1.519875, "hv_balloon: Using Dynamic Memory protocol version 2.0"),
        (1.602271, "hv_vmbus: registering driver hyperv_drm"),
        (1.603318, "hyperv_drm 5620e0c7-8062-4dce-aeb7-520c7ef76171: [drm] Synthvid Version major 3, minor 5"),
        (3.012509, "hv_utils: KVP IC version 4.0"),
    ]
    return log


def ws2019_phantom_cpus():
    snap = Snapshot("ws2019-phantom-cpus")
    online = [0, 1, 2, 3]
    possible = list(range(8))
    h = ws2019_words()
    per_cpu = ws2019_cpuid(h, online)
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    log = ws2019_log(h, len(possible), len(online))
    snap.text("kernel.log", render_log(log))

    # k6.1:arch/x86/kernel/topology.c registers only present CPUs; cpu0 is not hotpluggable
    add_cpu_sysfs(snap, possible, online, online, hotpluggable=[1, 2, 3])
    add_clocksource(snap, "hyperv_clocksource_tsc_page", ["hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-amd64", DEBIAN_AMD64_CONFIG)
    add_modules(snap, loaded=WS2019_MODULES)
    add_efi(snap)
    # src: "BIOS Hyper-V UEFI Release v4.0 12/17/2019" (several WS2019-era splats in the index)
    dmi = dmi_hyperv_gen2("12/17/2019", "0862-4417-9215-2047-3568-8012-54",
                          bios_version="Hyper-V UEFI Release v4.0", release="4.0")
    add_dmi(snap, dmi)
    rng = Lcg(0x2019)
    snap.text("proc/interrupts", proc_interrupts_x86(
        len(online), rng, [(4, "IO-APIC", 4, "edge", "ttyS0"), (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "generic", hyperv={"hre": True, "hvs": True}))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-amd64 "
              "root=UUID=5b7e2d90-1f4c-4e83-a6d2-9c0b3f71e8a5 ro quiet\n")
    # Gen2 order as azure-d8ds-v5; NIC 4 channels on the 4 online CPUs; no channel can target
    # the phantom CPUs 4-7 (init_vp_index() only walks online CPUs). NIC/SCSI/VSS GUIDs invented.
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("mouse", 2, "hid_hyperv"),
        VMBusDevice("kbd", 3, "hyperv_keyboard"),
        VMBusDevice("video", 4, "hyperv_drm"),
        VMBusDevice("hb", 5, "hv_utils"),
        VMBusDevice("kvp", 6, "hv_utils"),
        VMBusDevice("shutdown", 7, "hv_utils"),
        VMBusDevice("ts", 8, "hv_utils"),
        VMBusDevice("vss", 9, "hv_utils", instance="0f4c7a92-b1e5-43d8-96a2-5c8e3d07b1f4"),
        VMBusDevice("nic", 10, "hv_netvsc", instance="7a3e1f08-c94d-4b62-8e15-2d6f0b9c4a73",
                    subs=[12, 13, 14], traffic=12),
        VMBusDevice("scsi", 11, "hv_storvsc", instance="e6b2d905-4f7a-4c13-a8e9-31b5c0d7f286", traffic=6),
    ]
    drivers = ["hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hv_balloon", "hyperv_drm"]
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, len(online), drivers, 0x1917)
    # Captured without root while the msr module was loaded: /dev/cpu/N/msr exists (one per online
    # CPU) but is mode 0600 root, so every open failed with EACCES (ref §9).
    add_msrs(snap, {c: failed_msrs("EACCES") for c in online})
    unreadable.update(dmi_unreadable(dmi))
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-14T11:41:57Z", "x86_64", "6.1.0-37-amd64",
        "fixture: on-premises Windows Server 2019 Hyper-V, Generation 2, 4 vCPU with 4 phantom "
        "hot-add CPUs in ACPI (possible 0-7, present 0-3), VMBus 5.2; captured without root",
        unreadable))
    return snap, h, per_cpu


# ============================================================================================
# 4. wsl2-26100
# ============================================================================================

def wsl2_26100():
    snap = Snapshot("wsl2-26100")
    ncpu = 12
    cpus = list(range(ncpu))
    h = {
        "max": 0x4000000C,                      # modelled
        "build": (10, 0, 26100, 7920, 7, 0),    # src: CAP-WSL "Hyper-V: Host Build 10.0.26100.7920-7-0"
        # src: CAP-WSL "privilege flags low 0xae7f, high 0x3b8030, hints 0x9a4e24, misc 0xe0bed7b2";
        # ECX 0x42 from a 6.15+ WSL capture on a 26100 client ("ext 0x42", search index id 57853318359)
        "features": (0x0000AE7F, 0x003B8030, 0x00000042, 0xE0BED7B2),
        "hints": (0x009A4E24, 0x00000FFF, 0x00000027, 0),   # EBX/ECX modelled (39 address bits, client CPU)
        "limits": (0x00000800, 0x00000800, 0x00000000, 0),
        0x40000006: (0x0000000F, 0, 0, 0),
        0x4000000A: (0x003E0101, 0, 0, 0),      # src: CAP-WSL "Nested features: 0x3e0101"
        "lapic_per_jiffy": 0xC3500,             # src: CAP-WSL "LAPIC Timer Frequency: 0xc3500"
    }
    # src: CAP-WSL "smpboot: CPU0: 13th Gen Intel(R) Core(TM) i5-1334U (family: 0x6, model: 0xba,
    # stepping: 0x3)" -> signature 0xb06a3; SRAT lists APIC IDs 0x00-0x0b; "TSC deadline timer
    # available" and x2apic enabled; kvm_intel loads (VMX exposed). Max basic leaf 0x1f modelled.
    leaf0 = (0x0000001F,) + VENDOR_INTEL
    per_cpu = build_cpuid(cpus, leaf0, lambda c: (0x000B06A3, leaf1_ebx(c, 16), 0xFFFA3223, 0x1F8BFBFF),
                          hyperv_leaves(h))
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2495999   # src: CAP-WSL "tsc: Detected 2495.999 MHz processor"

    # 6.6 (the WSL kernel) prints the Host Build line from hv_common_init() and registers both
    # Hyper-V clocksources; the order and stamps below are those of CAP-WSL.
    log = [
        (0.0, "Hypervisor detected: Microsoft Hyper-V"),
        (0.0, hv_privilege_line(h)),
        (0.0, hv_nested_line(h)),
        (0.0, "Hyper-V: LAPIC Timer Frequency: %#x" % h["lapic_per_jiffy"]),
        (0.0, "Hyper-V: Using hypercall for remote TLB flush"),
        (0.0, cs_hyperv_tsc_page()),
        (0.0, cs_hyperv_msr()),
        (0.0, tsc_detected(khz)),
        (0.004787, "smpboot: Allowing 12 CPUs, 0 hotplug CPUs"),
        (0.004803, "Booting paravirtualized kernel on Hyper-V"),
        (0.004849, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:12 nr_cpu_ids:12 nr_node_ids:1"),
        (0.007136, pv_spinlock_line(h)),
        (0.085234, hv_host_build_line(h["build"])),
        (0.085237, "Hyper-V: enabling crash_kexec_post_notifiers"),
        (0.085328, "Hyper-V: Disabling IBT because of Hyper-V bug"),
        (0.085330, "Hyper-V: Using IPI hypercalls"),
        (0.085450, cs_tsc("tsc-early", khz)),
        (0.089456, "smp: Bringing up secondary CPUs ..."),
        (0.105919, "smp: Brought up 1 node, 12 CPUs"),
        (0.169465, "hv_vmbus: Vmbus version:5.3"),
        # the dxgkrnl classes (GPU-PV) are unknown to channel_mgmt.c
        (0.169715, "hv_vmbus: Unknown GUID: 6e382d18-3336-4f4b-acc4-2b7703d4df4a"),
        (0.169741, "hv_vmbus: Unknown GUID: dde9cbc0-5060-4436-9448-ea1254a5d177"),
        (0.173643, "clocksource: Switched to clocksource tsc-early"),
        (0.191859, cs_acpi_pm()),
        (0.194739, cs_tsc("tsc", khz)),
        (0.195796, "clocksource: Switched to clocksource tsc"),
        (0.212321, "hv_vmbus: registering driver hv_pci"),
        (0.213077, "hv_pci c4b741f5-5582-4c98-8f8b-2e082933c396: PCI VMBus probing: Using version 0x10004"),
        (0.213627, "hv_pci c4b741f5-5582-4c98-8f8b-2e082933c396: PCI host bridge to bus 5582:00"),
        (0.218205, "hv_pci cafd55ca-733f-420e-94a3-a3776f02eeaf: PCI VMBus probing: Using version 0x10004"),
        (0.218905, "hv_pci cafd55ca-733f-420e-94a3-a3776f02eeaf: PCI host bridge to bus 733f:00"),
        (0.260981, "hv_vmbus: registering driver hv_storvsc"),
        (0.262715, "scsi host0: storvsc_host_t"),
        (0.264015, "hv_vmbus: registering driver hv_netvsc"),
        (0.270755, "hv_vmbus: registering driver hyperv_keyboard"),
        (0.277157, "hv_utils: Registering HyperV Utility Driver"),
        (0.277578, "hv_vmbus: registering driver hv_utils"),
        (0.277956, "hv_vmbus: registering driver hv_balloon"),
        (0.278577, "hv_vmbus: registering driver dxgkrnl"),
        (0.278626, "hv_utils: TimeSync IC version 4.0"),
        (0.281857, "hv_balloon: Using Dynamic Memory protocol version 2.0"),
        (0.284165, "hv_balloon: Cold memory discard hint enabled with order 9"),
        (0.302891, "hv_vmbus: registering driver hv_sock"),
        (4.285749, "hv_pci 6d259806-1fc4-4466-8e9d-622bd28d0a16: PCI VMBus probing: Using version 0x10004"),
        (4.288674, "hv_pci 6d259806-1fc4-4466-8e9d-622bd28d0a16: PCI host bridge to bus 1fc4:00"),
        (48.391813, "hv_balloon: Max. dynamic memory size: 3916 MB"),
    ]
    snap.text("kernel.log", render_log(log))

    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    # 6.6 registers tsc page and msr clocksources, both lowered to rating 250 by TSC_INVARIANT
    add_clocksource(snap, "tsc", ["tsc", "hyperv_clocksource_tsc_page", "hyperv_clocksource_msr", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    # No kernel config: WSL boots its kernel from the Windows side (no /boot/config-*), and
    # /proc/config.gz needs CONFIG_IKCONFIG_PROC, which microsoft/WSL2-Linux-Kernel's config-wsl
    # sets for 5.15 (commit c36adc7c) but not in its 6.18 version (commit 03490834); for 6.6 it is
    # unconfirmed, modelled as absent. Built-in drivers (registered at 0.21-0.30 s in CAP-WSL,
    # before user space) show in /sys/module only when they have parameters; hv_utils'
    # timesync_implicit is set on the CAP-WSL command line (bool, so "Y": modelled).
    add_modules(snap, builtin=["hv_storvsc", "hv_netvsc", "hv_balloon", "hv_utils"],
                extra_parameters={"hv_utils": {"timesync_implicit": "Y"}})
    # CAP-WSL: "DMI not present or invalid." -> no /sys/class/dmi; no UEFI (kernel booted directly)
    rng = Lcg(0x26100)
    snap.text("proc/interrupts", proc_interrupts_x86(
        ncpu, rng, [(8, "IO-APIC", 8, "edge", "rtc0"), (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "generic", hyperv={"hre": True, "hvs": True}))
    # src: CAP-WSL "Command line:"
    snap.text("proc/cmdline", "initrd=\\initrd.img WSL_ROOT_INIT=1 panic=-1 nr_cpus=12 "
              "hv_utils.timesync_implicit=1 console=hvc0 debug pty.legacy_count=0 WSL_ENABLE_CRASH_DUMP=1\n")
    # Instances from CAP-WSL: vPCI c4b741f5/cafd55ca (at boot) and 6d259806 (hot-added at 4.3 s),
    # storvsc fd1d2cbd, netvsc 1007e2cb; both dxgkrnl classes; time sync and dynamic memory (no
    # heartbeat/shutdown/KVP IC lines in the log, so not offered). Relids, the dxgkrnl and hv_sock
    # instance GUIDs and the two hv_sock services (vsock ports 50000/50001) are modelled.
    # netvsc 8 channels (VRSS_CHANNEL_DEFAULT); storvsc (12 - 1) / 4 = 2 sub-channels.
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("ts", 2, "hv_utils"),
        VMBusDevice("dxg-global", 3, "dxgkrnl", instance="9b2e4f61-0c8a-4d37-b1e5-7a3f2c96d048"),
        VMBusDevice("dxg-vgpu", 4, "dxgkrnl", instance="41c7d3a8-e25f-4b90-8a6d-0f9e1b3c7d52"),
        VMBusDevice("pci", 5, "hv_pci", instance="c4b741f5-5582-4c98-8f8b-2e082933c396"),
        VMBusDevice("pci", 6, "hv_pci", instance="cafd55ca-733f-420e-94a3-a3776f02eeaf"),
        VMBusDevice("scsi", 7, "hv_storvsc", instance="fd1d2cbd-ce7c-535c-966b-eb5f811c95f0",
                    subs=[9, 10], traffic=8),
        VMBusDevice("nic", 8, "hv_netvsc", instance="1007e2cb-1e99-41a9-bb92-2213e61b5e32",
                    subs=range(11, 18), traffic=6),
        VMBusDevice("hvsock", 18, "hv_sock", cls=hvsock_class(50000),
                    instance="e17c4b09-3f2a-4d85-9c61-b40a7e2d58f3"),
        VMBusDevice("hvsock", 19, "hv_sock", cls=hvsock_class(50001),
                    instance="5a9d0e72-b8c4-41f6-a3e7-2c61f94b0d85"),
        VMBusDevice("pci", 20, "hv_pci", instance="6d259806-1fc4-4466-8e9d-622bd28d0a16"),
    ]
    drivers = ["hv_pci", "hv_storvsc", "hv_netvsc", "hyperv_keyboard", "hv_utils", "hv_balloon", "dxgkrnl", "hv_sock"]
    unreadable = add_vmbus(snap, WSL_VMBUS, devices, ncpu, drivers, 0x2610)
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T08:14:40Z", "x86_64", "6.6.87.2-microsoft-standard-WSL2",
        "fixture: WSL2 on Windows 11 24H2 (host build 26100), 12 CPUs, VMBus 5.3, GPU-PV (dxgkrnl); "
        "captured as root", unreadable))
    return snap, h, per_cpu


# ============================================================================================
# 5. azure-snp-cvm
# ============================================================================================

def azure_snp_cvm():
    snap = Snapshot("azure-snp-cvm")
    ncpu = 4
    cpus = list(range(ncpu))
    h = {
        "max": 0x4000000C,
        # ref §8: "Azure confidential-VM hosts have been seen reporting 22621"; rest modelled
        "build": (10, 0, 22621, 4317, 1, 0),
        # src: CAP-CS words of an AMD EPYC Azure VM, plus EBX[22] (isolation, ref §1.4.2)
        "features": (0x0000AE7F, 0x00788030, 0x00000000, 0xC0BED7B2),
        "hints": (0x00140C2C, 0x00000FFF, 0x00000030, 0),    # src: CAP-CS hints (AMD host); 48 address bits
        "limits": (0x00000800, 0x00000800, 0x00000000, 0),
        0x40000006: (0x0000000E, 0, 0, 0),
        0x4000000A: (0x00000000, 0, 0, 0),      # modelled: no nested virtualization in a CVM
        # src: CAP-LISA "Group A 0x1, Group B 0xba2": paravisor present; type 2 (SNP), boundary
        # active, boundary bit 46 (ref §1.11)
        0x4000000C: (0x00000001, 0x00000BA2, 0, 0),
        # ref §1.12 / openvmm vmm_core/src/cpuid/mod.rs: the paravisor answers the VS leaves;
        # properties modelled (none set)
        "vs": (0x00000000, 0, 0, 0),
        "lapic_per_jiffy": 0xC3500,
    }
    # modelled: DC4as_v5 on AMD EPYC 7763v (Milan, signature 0xa00f11), 2 cores x 2 threads,
    # max basic leaf 0x0d as Azure AMD VMs report ("cpuid level : 13")
    leaf0 = (0x0000000D,) + VENDOR_AMD
    per_cpu = build_cpuid(cpus, leaf0, lambda c: (0x00A00F11, leaf1_ebx(c, 4), 0xFEF83203, 0x178BFBFF),
                          hyperv_leaves(h))
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2445432   # src: CAP-CS "tsc: Detected 2445.432 MHz processor" (EPYC 7763 Azure host)

    log = hyperv_x86_log_head(h, khz, tsc_invariant=True)
    log += [
        (0.012950, "smpboot: Allowing 4 CPUs, 0 hotplug CPUs"),
        (0.013361, "Booting paravirtualized kernel on Hyper-V"),
        (0.013480, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:4 nr_cpu_ids:4 nr_node_ids:1"),
        (0.015601, pv_spinlock_line(h)),
    ]
    log += hyperv_x86_apic_lines(h, 0.072409, x2apic=True)
    log += [
        (0.072533, cs_tsc("tsc-early", khz)),
        (0.090288, "smp: Bringing up secondary CPUs ..."),
        (0.096107, "smp: Brought up 1 node, 4 CPUs"),
        (0.260671, "clocksource: Switched to clocksource tsc-early"),
        (0.274802, cs_acpi_pm()),
        (0.391117, cs_tsc("tsc", khz)),
        (0.391170, "clocksource: Switched to clocksource tsc"),
        # isolated VMs need VMBus >= 5.2 (k6.1:drivers/hv/connection.c)
        (1.228305, "hv_vmbus: Vmbus version:5.3"),
        (1.251770, "hv_vmbus: registering driver hv_netvsc"),
        (1.253018, "hv_vmbus: registering driver hv_storvsc"),
        (1.254106, "scsi host0: storvsc_host_t"),
        (1.701215, "hv_utils: Registering HyperV Utility Driver"),
        (1.701320, "hv_vmbus: registering driver hv_utils"),
        (1.702511, "hv_utils: Shutdown IC version 3.2"),
        (1.703680, "hv_utils: Heartbeat IC version 3.0"),
        (1.704902, "hv_utils: TimeSync IC version 4.0"),
    ]
    snap.text("kernel.log", render_log(log))

    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    add_clocksource(snap, "tsc", ["tsc", "hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-cloud-amd64", DEBIAN_CLOUD_AMD64_CONFIG)
    add_modules(snap, loaded=["hv_vmbus", "hv_netvsc", "hv_storvsc", "hv_utils"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("08/23/2024", AZURE_ASSET_TAG)
    add_dmi(snap, dmi)
    rng = Lcg(0x5AFE)
    snap.text("proc/interrupts", proc_interrupts_x86(
        ncpu, rng, [(4, "IO-APIC", 4, "edge", "ttyS0"), (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "cloud", hyperv={"hre": True, "hvs": True}))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-cloud-amd64 "
              "root=PARTUUID=e2b7c1d4-5a09-4f36-8d2e-7b14c9f0a358 ro console=tty0 "
              "console=ttyS0,115200 earlyprintk=ttyS0,115200 consoleblank=0\n")
    # only classes with allowed_in_isolated (k6.1 channel_mgmt.c; CAP-LISA list); NIC GUID invented
    devices = [
        VMBusDevice("hb", 1, "hv_utils"),
        VMBusDevice("shutdown", 2, "hv_utils"),
        VMBusDevice("ts", 3, "hv_utils"),
        VMBusDevice("nic", 4, "hv_netvsc", instance="6045bd91-a7e2-6045-bd91-a7e26045bd91",
                    subs=[6, 7, 8], traffic=10),
        VMBusDevice("scsi", 5, "hv_storvsc", instance=STD_INSTANCE["scsi-os"], traffic=6),
    ]
    drivers = ["hv_netvsc", "hv_storvsc", "hv_utils"]
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, ncpu, drivers, 0xC0C0)
    # MSRs read as root through the paravisor, which answers the guest's rdmsr of synthetic MSRs
    # (ref §2.3: the values may be the paravisor's copies). CRASH_CTL reads 0: OpenHCL reported no
    # crash_ctl bit as supported until openvmm PR #2822 (Feb 2026, "Report all crash_ctl bits as
    # supported ... they were just always 0"). Uptime 19 h, TSC 2445.432 MHz: modelled.
    msr_machine = modelled_msr_machine(0x5AFE, ncpu, (6, 1, 192), 684321098765, 2445432000, 0)
    add_msrs(snap, {c: healthy_linux_msrs(h, c, msr_machine) for c in cpus})
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T09:02:18Z", "x86_64", "6.1.0-37-cloud-amd64",
        "fixture: Azure DC4as_v5-like confidential VM (AMD SEV-SNP with paravisor), host build "
        "22621, VMBus 5.3, only CVM-allowed VMBus classes; captured as root", unreadable))
    return snap, h, per_cpu


# ============================================================================================
# 6. azure-arm64
# ============================================================================================

ARM64_WORDS = {
    # modelled (no public arm64 capture of this line found): the x86 privilege bits that exist on
    # arm64 (VP runtime, reference counter, SynIC, synthetic timers, hypercall, VP index,
    # reference TSC: bits 0-3, 5, 6, 9), the 20348 capture's high word, hints = relaxed timing,
    # cluster IPI, ExProcessorMasks (arm64 layout bits 1-3, ref §1.13), and misc = arm64 word c
    # with guest idle (bit 3) and crash registers (bit 8, ref §1.13)
    "low": 0x0000026F, "high": 0x00388030, "hints": 0x0000000E, "misc": 0x00000108,
    # src: "Hyper-V: Host Build 10.0.22477.1061-1-0" as observed on Hyper-V/ARM (linux-hyperv,
    # "[PATCH] arm64: hyperv: make the format of 'Hyper-V: Host Build' output match x86", 2022-03-04)
    "build": (10, 0, 22477, 1061, 1, 0),
}


def azure_arm64():
    snap = Snapshot("azure-arm64")
    ncpu = 4
    cpus = list(range(ncpu))
    w = ARM64_WORDS
    timer_hz = 25000000   # modelled: Ampere Altra generic timer at 25 MHz
    log = [
        (0.0, "Booting Linux on physical CPU 0x0000000000 [0x413fd0c1]"),   # Neoverse-N1 MIDR
        (0.0, "arch_timer: cp15 timer(s) running at 25.00MHz (virt)."),
        (0.0, cs_arch_counter(timer_hz)),
        # src: k6.1:arch/arm64/hyperv/mshyperv.c hyperv_init() (early_initcall), ref §7.2
        (0.011829, "Hyper-V: privilege flags low 0x%x, high 0x%x, hints 0x%x, misc 0x%x"
         % (w["low"], w["high"], w["hints"], w["misc"])),
        (0.011870, hv_host_build_line(w["build"])),
        (0.011912, "Hyper-V: enabling crash_kexec_post_notifiers"),   # misc bit 8 (arm64 layout)
        (0.012660, "smp: Bringing up secondary CPUs ..."),
        (0.018337, "smp: Brought up 1 node, 4 CPUs"),
        (0.225114, "clocksource: Switched to clocksource arch_sys_counter"),
        (1.341208, "hv_vmbus: Vmbus version:5.3"),     # modelled: host newer than WS2022
        (1.366015, "hv_vmbus: registering driver hv_netvsc"),
        (1.367321, "hv_vmbus: registering driver hv_storvsc"),
        (1.368406, "scsi host0: storvsc_host_t"),
        (1.369012, "scsi host1: storvsc_host_t"),
        (1.812773, "hv_utils: Registering HyperV Utility Driver"),
        (1.812881, "hv_vmbus: registering driver hv_utils"),
        (1.813942, "hv_utils: Shutdown IC version 3.2"),
        (1.815106, "hv_utils: Heartbeat IC version 3.0"),
        (1.816320, "hv_utils: TimeSync IC version 4.0"),
        (1.817009, "hv_vmbus: registering driver hv_balloon"),
        # src: order and text as on an arm64 Hyper-V guest (WDK 2023 boot log, search index id
        # 17126547077) and k6.1:drivers/hv/hv_balloon.c
        (1.818775, "hv_balloon: Using Dynamic Memory protocol version 2.0"),
        (1.818781, "hv_balloon: Memory hot add disabled on ARM64"),
        (2.931044, "hv_netvsc 6045bd3e-91c2-6045-bd3e-91c26045bd3e eth0: VF slot 1 added"),
        (2.951730, "hv_vmbus: registering driver hv_pci"),
        (2.952614, "hv_pci 3f0a8c21-4e7d-4b96-a1c5-98d2e6b7f410: PCI VMBus probing: Using version 0x10004"),
        (2.955118, "hv_pci 3f0a8c21-4e7d-4b96-a1c5-98d2e6b7f410: PCI host bridge to bus 4e7d:00"),
        (3.402561, "hv_utils: KVP IC version 4.0"),
    ]
    snap.text("kernel.log", render_log(log))
    # arm64: cpu_can_disable() is true for every PSCI CPU, so cpu0 has an online file too
    # (k6.1:arch/arm64/kernel/setup.c topology_init)
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus)
    add_clocksource(snap, "arch_sys_counter", ["arch_sys_counter"])   # ref §7.2: no Hyper-V clocksource on arm64
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-cloud-arm64", DEBIAN_CLOUD_ARM64_CONFIG)
    # pci_hyperv_intf: pci-hyperv uses its hvpci_block_ops (k6.1:drivers/pci/controller/pci-hyperv.c)
    add_modules(snap, loaded=["hv_vmbus", "hv_netvsc", "hv_storvsc", "hv_utils", "hv_balloon", "pci_hyperv_intf",
                              "pci_hyperv"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("06/14/2024", AZURE_ASSET_TAG)
    add_dmi(snap, dmi)
    rng = Lcg(0xA64)
    # hwirq 27 = virtual timer PPI; the VMBus PPI number (from the VMBus ACPI _CRS) is modelled
    snap.text("proc/interrupts", proc_interrupts_arm64(ncpu, rng, [
        (11, "GICv3", 27, "Level", "arch_timer", 20000, 300000),
        (13, "GICv3", 18, "Level", "Hyper-V VMbus", 2000, 90000),
    ]))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-cloud-arm64 "
              "root=PARTUUID=91c0e4a7-2d6b-4f58-b3e9-0a7c5d1f2e84 ro console=tty0 "
              "console=ttyAMA0,115200n8 earlycon=pl011,0xeffec000 consoleblank=0\n")
    # modelled: the Azure set without keyboard, mouse and video; NIC/vPCI GUIDs invented
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("hb", 2, "hv_utils"),
        VMBusDevice("kvp", 3, "hv_utils"),
        VMBusDevice("shutdown", 4, "hv_utils"),
        VMBusDevice("ts", 5, "hv_utils"),
        VMBusDevice("nic", 6, "hv_netvsc", instance="6045bd3e-91c2-6045-bd3e-91c26045bd3e",
                    subs=[9, 10, 11], traffic=15),
        VMBusDevice("scsi", 7, "hv_storvsc", instance=STD_INSTANCE["scsi-os"], traffic=8),
        VMBusDevice("scsi", 8, "hv_storvsc", instance=STD_INSTANCE["scsi-tmp"], traffic=2),
        VMBusDevice("pci", 12, "hv_pci", instance="3f0a8c21-4e7d-4b96-a1c5-98d2e6b7f410"),
    ]
    drivers = ["hv_netvsc", "hv_storvsc", "hv_utils", "hv_balloon", "hv_pci"]
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, ncpu, drivers, 0xA641)
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T10:30:05Z", "aarch64", "6.1.0-37-cloud-arm64",
        "fixture: Azure Standard_D4ps_v5-like arm64 VM (Ampere Altra, 4 vCPU), host build "
        "10.0.22477, VMBus 5.3; no CPUID on arm64, the kernel log is the only feature source; "
        "captured as root", unreadable))
    return snap, None, None


# ============================================================================================
# 7. kvm-guest
# ============================================================================================

# src: CAP-KVM, `cpuid -r` on both vCPUs of the KVM guest that generated these fixtures
KVM_LEAF0 = (0x0000001C,) + VENDOR_AMD
KVM_LEAF1 = {0: (0x00A10F11, 0x00020800, 0xFFFA3203, 0x178BFBFF),
             1: (0x00A10F11, 0x01020800, 0xFFFA3203, 0x178BFBFF)}
KVM_FEATURES = 0x01007EFB       # CAP-KVM 0x40000001 EAX


def qemu_dmi():
    # modelled: QEMU q35 defaults with Debian 12's SeaBIOS ("DMI: QEMU Standard PC (Q35 + ICH9,
    # 2009), BIOS 1.16.2-debian-1.16.2-1 04/01/2014"); QEMU emits no SMBIOS type 2 (no board_*)
    return {
        "bios_vendor": "SeaBIOS", "bios_version": "1.16.2-debian-1.16.2-1", "bios_date": "04/01/2014",
        "bios_release": "0.0", "sys_vendor": "QEMU", "product_name": "Standard PC (Q35 + ICH9, 2009)",
        "product_version": "pc-q35-7.2", "product_serial": "x", "product_uuid": "x",
        "chassis_vendor": "QEMU", "chassis_type": "1", "chassis_version": "pc-q35-7.2",
    }


def kvm_log(tsc_khz):
    return [
        (0.0, "Hypervisor detected: KVM"),                       # k6.1:arch/x86/kernel/kvm.c .name = "KVM"
        (0.0, "kvm-clock: Using msrs 4b564d01 and 4b564d00"),   # k6.1:arch/x86/kernel/kvmclock.c
        (0.000001, "kvm-clock: using sched offset of 6011534817 cycles"),
        (0.000004, cs_kvm_clock()),
        (0.000013, tsc_detected(tsc_khz)),
        (0.009871, "smpboot: Allowing 2 CPUs, 0 hotplug CPUs"),
        (0.010133, "Booting paravirtualized kernel on KVM"),
        (0.010262, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:2 nr_cpu_ids:2 nr_node_ids:1"),
        (0.011908, "kvm-guest: PV spinlocks enabled"),
        (0.084612, "kvm-guest: setup PV IPIs"),
        (0.084790, cs_tsc("tsc-early", tsc_khz)),
        (0.091304, "smp: Bringing up secondary CPUs ..."),
        (0.093177, "smp: Brought up 1 node, 2 CPUs"),
        (0.201660, "clocksource: Switched to clocksource kvm-clock"),
        (0.213554, cs_hpet()),
        (0.219120, cs_acpi_pm()),
        (0.341802, cs_tsc("tsc", tsc_khz)),
    ]


def kvm_guest():
    snap = Snapshot("kvm-guest")
    cpus = [0, 1]
    extra = {0x40000000: (0x40000001,) + KVM_VENDOR,     # CAP-KVM: eax=0x40000001 "KVMKVMKVM\0\0\0"
             0x40000001: (KVM_FEATURES, 0, 0, 0),
             0x40000100: (0, 0, 0, 0)}                   # `cpuid -r` probes it; zero here (CAP-KVM)
    per_cpu = build_cpuid(cpus, KVM_LEAF0, lambda c: KVM_LEAF1[c], extra)
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2595998   # modelled on CAP-KVM "tsc: Detected 2596.142 MHz" class of host
    snap.text("kernel.log", render_log(kvm_log(khz)))
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=[1])
    # Debian's generic kernel: the Hyper-V options are built (=m) everywhere; nothing Hyper-V is loaded here
    add_boot_config(snap, "6.1.0-37-amd64", DEBIAN_AMD64_CONFIG)
    # QEMU without invtsc keeps kvm-clock (rating 400) above tsc (300), hpet (250), acpi_pm (200)
    add_clocksource(snap, "kvm-clock", ["kvm-clock", "tsc", "hpet", "acpi_pm"])
    snap.text("sys/firmware/acpi/pm_profile", "1\n")   # modelled: SeaBIOS/QEMU FADT
    dmi = qemu_dmi()
    add_dmi(snap, dmi)
    rng = Lcg(0x4B56)
    snap.text("proc/interrupts", proc_interrupts_x86(
        2, rng, [(0, "IO-APIC", 2, "edge", "timer"), (1, "IO-APIC", 1, "edge", "i8042"),
                 (4, "IO-APIC", 4, "edge", "ttyS0"), (8, "IO-APIC", 8, "edge", "rtc0"),
                 (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "generic", hyperv=None, kvm=True))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-amd64 "
              "root=UUID=c81e3a5f-0b72-4d96-8e14-3f5a9c2d7b60 ro console=ttyS0,115200 quiet\n")
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T11:12:44Z", "x86_64", "6.1.0-37-amd64",
        "fixture: KVM/QEMU guest (q35, SeaBIOS, -cpu host on AMD EPYC), no Hyper-V and no VMBus; "
        "captured as root"))
    return snap, None, per_cpu


# ============================================================================================
# 8. bare-metal
# ============================================================================================

def bare_metal():
    snap = Snapshot("bare-metal")
    cpus = list(range(8))
    # src: CAP-ICX leaf 1 (eax=0x000606a6 ebx=0xb4800800 ecx=0x7ffefbf7 edx=0xbfebfbff): ECX[31]
    # (hypervisor) is 0. Booted with nr_cpus=8, so CPUs 0-7 are the first eight MADT entries of
    # socket 0 (APIC IDs 0, 2, ..., 14); EBX keeps the captured count field 0x80. Leaf 0 max
    # 0x1b (Ice Lake-SP). No 0x4000xxxx leaves: there is no hypervisor to answer them.
    leaf0 = (0x0000001B,) + VENDOR_INTEL
    per_cpu = build_cpuid(cpus, leaf0, lambda c: (0x000606A6, leaf1_ebx(2 * c, 0x80), 0x7FFEFBF7, 0xBFEBFBFF), {})
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2000000   # CPUID 0x15 crystal-derived TSC, TSC_KNOWN_FREQ (no refinement line)
    log = [
        (0.0, tsc_detected(khz)),
        (0.008624, "smpboot: Allowing 8 CPUs, 0 hotplug CPUs"),
        (0.008830, "setup_percpu: NR_CPUS:8192 nr_cpumask_bits:8 nr_cpu_ids:8 nr_node_ids:1"),
        (0.118604, cs_tsc("tsc-early", khz)),
        (0.259010, "smp: Bringing up secondary CPUs ..."),
        (0.270533, "smp: Brought up 1 node, 8 CPUs"),
        (0.511227, cs_hpet()),
        (0.622170, "clocksource: Switched to clocksource tsc-early"),
        (0.640025, cs_acpi_pm()),
        (0.805711, cs_tsc("tsc", khz)),
        (0.805772, "clocksource: Switched to clocksource tsc"),
    ]
    snap.text("kernel.log", render_log(log))
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    # Debian's generic kernel: the Hyper-V options are built (=m) everywhere; nothing Hyper-V is loaded here
    add_boot_config(snap, "6.1.0-37-amd64", DEBIAN_AMD64_CONFIG)
    add_clocksource(snap, "tsc", ["tsc", "hpet", "acpi_pm"])
    add_efi(snap)
    # modelled: a Supermicro Ice Lake-SP 1U server (AMI Aptio firmware)
    dmi = {
        "bios_vendor": "American Megatrends International, LLC.", "bios_version": "1.4",
        "bios_date": "08/17/2022", "bios_release": "5.22", "sys_vendor": "Supermicro",
        "product_name": "SYS-120U-TNR", "product_version": "0123456789", "product_family": "Family",
        "product_sku": "To be filled by O.E.M.", "product_serial": "x", "product_uuid": "x",
        "board_vendor": "Supermicro", "board_name": "X12DPU-6", "board_version": "1.01",
        "board_asset_tag": "Base Board Asset Tag", "board_serial": "x",
        "chassis_vendor": "Supermicro", "chassis_type": "17", "chassis_version": "0123456789",
        "chassis_asset_tag": "To be filled by O.E.M.", "chassis_serial": "x",
    }
    add_dmi(snap, dmi)
    rng = Lcg(0xBA5E)
    snap.text("proc/interrupts", proc_interrupts_x86(
        8, rng, [(0, "IO-APIC", 2, "edge", "timer"), (8, "IO-APIC", 8, "edge", "rtc0"),
                 (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "generic", hyperv=None))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-amd64 "
              "root=UUID=7e4b1c93-2a58-4f0d-b6e3-91c5d8a2f470 ro quiet nr_cpus=8\n")
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T12:00:09Z", "x86_64", "6.1.0-37-amd64",
        "fixture: bare-metal Intel Ice Lake-SP server (no hypervisor), booted with nr_cpus=8; "
        "captured without root", dmi_unreadable(dmi)))
    return snap, None, per_cpu


# ============================================================================================
# 9. kvm-hyperv-imitation
# ============================================================================================

def qemu_hyperv_words():
    """What QEMU builds for -cpu host,hv-relaxed,hv-vapic,hv-spinlocks=0x1fff,hv-vpindex,
    hv-runtime,hv-time,hv-synic,hv-stimer,hv-reset,hv-frequencies,hv-tlbflush,hv-ipi
    (src: qemu:target/i386/kvm/kvm.c kvm_hyperv_properties[] and hyperv_fill_cpuids();
    bit values from qemu:target/i386/kvm/hyperv-proto.h)."""
    eax = ((1 << 0)      # hv-runtime: HV_VP_RUNTIME_AVAILABLE
           | (1 << 1) | (1 << 9)   # hv-time: TIME_REF_COUNT + REFERENCE_TSC
           | (1 << 2)    # hv-synic
           | (1 << 3)    # hv-stimer
           | (1 << 4)    # hv-vapic: APIC_ACCESS
           | (1 << 5)    # HV_HYPERCALL_AVAILABLE, "unconditionally required"
           | (1 << 6)    # hv-vpindex
           | (1 << 7)    # hv-reset
           | (1 << 11))  # hv-frequencies: HV_ACCESS_FREQUENCY_MSRS
    ebx = (1 << 4) | (1 << 5)            # SynIC enabled -> HV_POST_MESSAGES | HV_SIGNAL_EVENTS
    edx = (1 << 8) | (1 << 3)            # FREQUENCY_MSRS_AVAILABLE; CPU_DYNAMIC_PARTITIONING always
    hints = ((1 << 5)                    # hv-relaxed
             | (1 << 2) | (1 << 11)      # hv-tlbflush: REMOTE_TLB_FLUSH + EX_PROCESSOR_MASKS
             | (1 << 10) | (1 << 11)     # hv-ipi: CLUSTER_IPI + EX_PROCESSOR_MASKS
             | (1 << 3))                 # hv-vapic without hv-avic: APIC_ACCESS_RECOMMENDED
    return eax, ebx, edx, hints


def kvm_hyperv_imitation():
    snap = Snapshot("kvm-hyperv-imitation")
    cpus = [0, 1]
    eax, ebx, edx, hints = qemu_hyperv_words()
    extra = {
        # no hv-evmcs/hv-emsr-bitmap/hv-tlbflush-direct -> no nested leaf -> max HV_CPUID_IMPLEMENT_LIMITS
        0x40000000: (0x40000005,) + HV_VENDOR,
        0x40000001: (HV_INTERFACE, 0, 0, 0),
        # QEMU >= 6.2 default hv-version-id: build 0x3839 (14393), 10.0, spack/sbranch/snumber 0
        # (qemu commit "i386: Change the default Hyper-V version to match WS2016", target/i386/cpu.c)
        0x40000002: (0x00003839, 0x000A0000, 0, 0),
        0x40000003: (eax, ebx, 0, edx),
        0x40000004: (hints, 0x00001FFF, 0, 0),     # EBX = hv-spinlocks=0x1fff (libvirt's usual value)
        # EAX = x-hv-max-vps default -1; EBX = hyperv_limits[0] = 64 (qemu:target/i386/cpu.c)
        0x40000005: (0xFFFFFFFF, 0x00000040, 0, 0),
        # KVM's own leaves move to 0x40000100 (qemu kvm.c: kvm_base = KVM_CPUID_SIGNATURE_NEXT)
        0x40000100: (0x40000101,) + KVM_VENDOR,
        0x40000101: (KVM_FEATURES, 0, 0, 0),
    }
    per_cpu = build_cpuid(cpus, KVM_LEAF0, lambda c: KVM_LEAF1[c], extra)
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2595998
    # k6.1:arch/x86/kernel/cpu/hypervisor.c keeps the highest detect() result: ms_hyperv_platform()
    # returns 0x40000000 (signature "Microsoft Hv", EAX[5] and EAX[6] set, so no warning), while
    # kvm_detect() returns the KVM base 0x40000100 -> "Hypervisor detected: KVM" and Linux never
    # runs ms_hyperv_init_platform(): no "Hyper-V: privilege flags" line, no VMBus.
    snap.text("kernel.log", render_log(kvm_log(khz)))
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=[1])
    # Debian's generic kernel: the Hyper-V options are built (=m) everywhere; nothing Hyper-V is loaded here
    add_boot_config(snap, "6.1.0-37-amd64", DEBIAN_AMD64_CONFIG)
    add_clocksource(snap, "kvm-clock", ["kvm-clock", "tsc", "hpet", "acpi_pm"])
    snap.text("sys/firmware/acpi/pm_profile", "1\n")
    add_dmi(snap, qemu_dmi())
    rng = Lcg(0x4876)
    snap.text("proc/interrupts", proc_interrupts_x86(
        2, rng, [(0, "IO-APIC", 2, "edge", "timer"), (1, "IO-APIC", 1, "edge", "i8042"),
                 (4, "IO-APIC", 4, "edge", "ttyS0"), (8, "IO-APIC", 8, "edge", "rtc0"),
                 (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "generic", hyperv=None, kvm=True))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-amd64 "
              "root=UUID=2f9a6d41-c3e8-4b07-a5d1-6e0b8c4f3a92 ro console=ttyS0,115200 quiet\n")
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T11:48:30Z", "x86_64", "6.1.0-37-amd64",
        "fixture: KVM/QEMU guest with Hyper-V enlightenments (hv-relaxed, hv-vapic, hv-time, "
        "hv-vpindex, hv-synic, hv-stimer, ...): 'Microsoft Hv' at 0x40000000, KVM at 0x40000100; "
        "captured as root"))
    return snap, None, per_cpu


# ============================================================================================
# 10. pasted-log
# ============================================================================================

def pasted_log():
    snap = Snapshot("pasted-log")
    # modelled: a Debian 10 (4.19) guest on Windows Server 2012 R2 (build 9600, 6.3, ref §8),
    # VMBus 3.0 (ref §5.1). The pre-6.1 formats are ref §7.3: "Hyper-V: features 0x%x, hints 0x%x,
    # misc 0x%x" and "Hyper-V Host Build:%d-%d.%d-%d-%d.%d" (build-major.minor-sp-branch.number).
    # Words modelled for a 2012 R2 host: no frequency MSRs, no stimer direct mode.
    features, hints, misc = 0x00000E7F, 0x0000002C, 0x0000D7B2
    host = "web01"
    pre = "Mar  3 09:14:07 %s kernel: " % host
    pre2 = "Mar  3 09:14:08 %s kernel: " % host
    lines = [
        pre + "[    0.000000] Hypervisor detected: Microsoft Hyper-V",
        # the mail client wrapped this line after "hints 0x2c," (format=flowed, no indentation)
        pre + "[    0.000000] Hyper-V: features 0x%x, hints 0x%x," % (features, hints),
        "misc 0x%x" % misc,
        pre + "[    0.000000] Hyper-V Host Build:9600-6.3-0-0.19537",
        pre + "[    0.000000] clocksource: hyperv_clocksource_tsc_page: mask: 0xffffffffffffffff max_cycles: 0x24e6a1710, max_idle_ns: 440795202120 ns",
        pre + "[    0.000000] tsc: Marking TSC unstable due to running on Hyper-V",
        pre + "[    0.000000] tsc: Detected 2599.998 MHz processor",
        pre + "[    0.041273] Booting paravirtualized kernel on Hyper-V",
        pre + "[    0.366020] clocksource: Switched to clocksource hyperv_clocksource_tsc_page",
        pre2 + "[    1.126344] hv_vmbus: Vmbus version:3.0",
        pre2 + "[    1.151839] hv_vmbus: registering driver hv_storvsc",
        pre2 + "[    1.163077] hv_vmbus: registering driver hv_netvsc",
        pre2 + "[    1.622901] hv_utils: Registering HyperV Utility Driver",
        pre2 + "[    1.623012] hv_vmbus: registering driver hv_util",
        pre2 + "[    1.624550] hv_utils: Heartbeat IC version 3.0",
        pre2 + "[    1.625871] hv_utils: Shutdown IC version 3.0",
        pre2 + "[    1.627304] hv_utils: TimeSync IC version 3.0",
        pre2 + "[    1.629418] hv_vmbus: registering driver hv_balloon",
        pre2 + "[    1.633105] hv_balloon: Using Dynamic Memory protocol version 1.0",
    ]
    snap.text("kernel.log", "\n".join(lines) + "\n")
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-16T14:20:00Z", "x86_64", "4.19.0-27-amd64",
        "fixture: partial snapshot made from a customer's pasted syslog (Debian 10 on Windows "
        "Server 2012 R2, VMBus 3.0); one line wrapped by the mail client"))
    return snap, None, None


# ============================================================================================
# 11. vmbus-broken
# ============================================================================================

# Instance GUIDs of vmbus-broken (on-premises hosts use random ones: all invented)
BROKEN_INSTANCE = {
    "vss": "c2a7f0e4-6b19-4d3a-8f52-e07b9d41a6c3",
    "nic": "4e8b2d71-a05c-4f36-9b1e-d3c6f8027a59",
    "scsi": "a3f61c08-7d4e-4b92-85a0-6e1b9c2d7f34",
    "serial": "0b7d3e52-c1a8-4f69-a2d4-8e5f07b31c96",
    "hvsock": "d85c1a3e-72f0-4b6d-9e28-3a4f6c0b51e7",
    "nic2": "6f2e9b04-3c8d-4a17-b5e6-1d09a7c42f83",   # hot-removed while the capture ran
}
# openvmm's VMBus serial UART interface (ref §4 "special environments"): a class 6.1 does not know
VMBUS_SERIAL_CLASS = "8b60ccf6-709f-4c11-90b5-229c959a9e6a"


def vmbus_broken():
    """A WS2019 guest (the shape of ws2019-phantom-cpus, without phantom CPUs) whose VMBus tree
    holds one instance of every defect a reader must survive; PROVENANCE.md explains each."""
    snap = Snapshot("vmbus-broken")
    cpus = [0, 1, 2, 3]
    online = [0, 1, 3]                        # CPU 2 taken offline after boot
    h = ws2019_words()
    per_cpu = ws2019_cpuid(h, online)         # snapshot-format.md: one CPU block per online CPU
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    log = ws2019_log(h, len(cpus), len(cpus))
    log += [
        # k6.1:drivers/hv/channel_mgmt.c hv_get_dev_type(): "Unknown GUID: %pUl"
        (0.988204, "hv_vmbus: Unknown GUID: " + VMBUS_SERIAL_CLASS),
        (4.117302, "hv_vmbus: registering driver hv_sock"),    # hv_sock loaded by the first AF_VSOCK socket
        (5211.904417, "smpboot: CPU 2 is now offline"),       # k6.1:arch/x86/kernel/smpboot.c native_cpu_die()
    ]
    snap.text("kernel.log", render_log(sorted(log, key=lambda line: line[0])))

    add_cpu_sysfs(snap, cpus, cpus, online, hotpluggable=[1, 2, 3])
    add_clocksource(snap, "hyperv_clocksource_tsc_page", ["hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-amd64", DEBIAN_AMD64_CONFIG)
    add_modules(snap, loaded=WS2019_MODULES + ["hv_sock"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("12/17/2019", "4127-0395-6618-2290-7741-0563-38",
                          bios_version="Hyper-V UEFI Release v4.0", release="4.0")
    add_dmi(snap, dmi)
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-amd64 "
              "root=UUID=1c4e8a27-6d93-4b05-8f7a-e2d0b93c5a61 ro quiet\n")
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("mouse", 2, "hid_hyperv"),
        VMBusDevice("kbd", 3, "hyperv_keyboard"),
        VMBusDevice("video", 4, "hyperv_drm"),
        VMBusDevice("hb", 5, "hv_utils"),
        VMBusDevice("kvp", 6, "hv_utils"),
        VMBusDevice("shutdown", 7, "hv_utils"),
        VMBusDevice("ts", 8, "hv_utils"),
        VMBusDevice("vss", 9, "hv_utils", instance=BROKEN_INSTANCE["vss"]),
        VMBusDevice("nic", 10, "hv_netvsc", instance=BROKEN_INSTANCE["nic"], subs=[12, 13, 14], traffic=12),
        VMBusDevice("scsi", 11, "hv_storvsc", instance=BROKEN_INSTANCE["scsi"], traffic=6),
        # no driver binds an unknown class: state 0, ring attributes EINVAL (in the manifest)
        VMBusDevice("serial", 15, None, cls=VMBUS_SERIAL_CLASS, instance=BROKEN_INSTANCE["serial"]),
        # an AF_VSOCK connection to port 22 (hvc.exe ssh style), ref §3.7
        VMBusDevice("hvsock", 16, "hv_sock", cls=hvsock_class(22), instance=BROKEN_INSTANCE["hvsock"]),
    ]
    drivers = ["hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hv_balloon",
               "hyperv_drm", "hv_sock"]
    # init_vp_index() ran at boot with all four CPUs online: NIC channels 10/12/13/14 -> CPUs
    # 0/2/3/1, SCSI 11 -> CPU 1, everything else CPU 0 (checked below)
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, len(cpus), drivers, 0xB20C)
    unreadable.update(dmi_unreadable(dmi))
    unreadable.update(break_vmbus_tree(snap, devices))
    # Captured without root and without the msr module (Debian builds it as a module and nothing
    # loads it): no /dev/cpu/N/msr at all, so every read failed with ENOENT (ref §9). Online CPUs only.
    add_msrs(snap, {c: failed_msrs("ENOENT") for c in online})
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-17T16:48:09Z", "x86_64", "6.1.0-37-amd64",
        "fixture: on-premises Windows Server 2019 Hyper-V, Generation 2, 4 vCPU (CPU 2 offline), "
        "VMBus 5.2; a VMBus tree with one of every defect a reader must survive (see PROVENANCE.md); "
        "captured without root", unreadable))
    return snap, h, per_cpu


def break_vmbus_tree(snap, devices):
    """The defects of vmbus-broken, applied to the tree add_vmbus wrote. Returns the manifest
    'unreadable' entries it adds."""
    def dev(guid):
        return GEN2_VMBUS + "/" + guid + "/"

    nic = next(d for d in devices if d.instance == BROKEN_INSTANCE["nic"])
    assert [c.cpu for c in nic.channels] == [0, 2, 3, 1], "NIC channel placement changed"
    # 1. heartbeat: class_id absent (a copy that skipped a file it could not read)
    del snap.files[dev(STD_INSTANCE["hb"]) + "class_id"]
    # 2. VSS: id is not a number
    snap.text(dev(BROKEN_INSTANCE["vss"]) + "id", "abc\n")
    # 3. KVP: numa_node zero-filled (NUL bytes where "0\n" was)
    snap.binary(dev(STD_INSTANCE["kvp"]) + "numa_node", b"\0\0")
    # 4. NIC sub-channel 13: cpu empty; channel 12 keeps CPU 2, which is now offline
    snap.text(dev(BROKEN_INSTANCE["nic"]) + "channels/13/cpu", "")
    # 5. NIC channel_vp_mapping: the last line cut short, as scnprintf() cuts it at a full page
    snap.text(dev(BROKEN_INSTANCE["nic"]) + "channel_vp_mapping", "10:0\n12:2\n13:3\n14:")
    # 6. SCSI channel 11: interrupts beyond any 64-bit counter, and the hand-editor's backup copy
    #    of the channel directory (a non-numeric entry under channels/)
    scsi = dev(BROKEN_INSTANCE["scsi"]) + "channels/"
    for path in [p for p in snap.files if p.startswith(scsi + "11/")]:
        snap.binary(scsi + "11.orig/" + path[len(scsi + "11/"):], snap.files[path])
    snap.text(scsi + "11/interrupts", "99999999999999999999999\n")
    # 7. shutdown channel 7: interrupts unreadable (EACCES) at capture time
    shutdown = dev(STD_INSTANCE["shutdown"]) + "channels/7/interrupts"
    del snap.files[shutdown]
    # 8. a second NIC rescinded (hot-removed) between listing devices/ and copying its directory:
    #    the bus link dangles
    snap.link("sys/bus/vmbus/devices/" + BROKEN_INSTANCE["nic2"],
              "../../../" + GEN2_VMBUS[len("sys/"):] + "/" + BROKEN_INSTANCE["nic2"])
    return {"sys/bus/vmbus/devices/%s/channels/7/interrupts" % STD_INSTANCE["shutdown"]: "EACCES"}


# ============================================================================================
# 12. custom-kernel
# ============================================================================================

# modelled: a self-built 6.1 kernel whose config was trimmed by hand from Debian's amd64 one
# (DEBIAN_AMD64_CONFIG): CONFIG_HYPERV_NET turned off (the mistake this fixture is about),
# PCI_HYPERV, UIO_HV_GENERIC and FB_HYPERV off too; MICROSOFT_MANA then has no line at all
# (k6.1:drivers/net/ethernet/microsoft/Kconfig: depends on PCI_HYPERV)
CUSTOM_KERNEL_CONFIG = [
    "CONFIG_X86_MSR=m", "CONFIG_X86_CPUID=m", "CONFIG_HYPERV_VSOCKETS=m", "# CONFIG_PCI_HYPERV is not set",
    "# CONFIG_PCI_HYPERV_INTERFACE is not set", "CONFIG_HYPERV_STORAGE=m", "# CONFIG_HYPERV_NET is not set",
    "CONFIG_HYPERV_KEYBOARD=m", "CONFIG_DRM_HYPERV=m", "# CONFIG_FB_HYPERV is not set",
    "CONFIG_HID_HYPERV_MOUSE=m", "# CONFIG_UIO_HV_GENERIC is not set", "CONFIG_HYPERV=m", "CONFIG_HYPERV_TIMER=y",
    "CONFIG_HYPERV_UTILS=m", "CONFIG_HYPERV_BALLOON=m", "CONFIG_HYPERV_IOMMU=y", "# CONFIG_HYPERV_TESTING is not set",
]
CUSTOM_RELEASE = "6.1.119-custom"


def custom_kernel():
    """The modelled WS2019 guest of ws2019-phantom-cpus (4 CPUs, no phantom ones) running a
    self-built kernel: hv_netvsc not built, hv_utils built as a module but never loaded
    (blacklisted), so the network adapter and the five integration services stay unbound and the
    log has no IC version lines."""
    snap = Snapshot("custom-kernel")
    cpus = [0, 1, 2, 3]
    h = ws2019_words()
    per_cpu = ws2019_cpuid(h, cpus)
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    # the WS2019 boot log without what hv_netvsc and hv_utils would have printed
    log = [line for line in ws2019_log(h, len(cpus), len(cpus))
           if "hv_netvsc" not in line[1] and "hv_utils" not in line[1]]
    snap.text("kernel.log", render_log(log))

    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=[1, 2, 3])
    add_clocksource(snap, "hyperv_clocksource_tsc_page", ["hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    # CONFIG_IKCONFIG_PROC=y in this build: the config comes from /proc/config.gz
    add_proc_config(snap, CUSTOM_KERNEL_CONFIG)
    add_modules(snap, loaded=["hv_vmbus", "hyperv_keyboard", "hv_storvsc", "hid_hyperv", "hv_balloon", "hyperv_drm"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("12/17/2019", "3305-9125-4488-2716-0981-2207-64",
                          bios_version="Hyper-V UEFI Release v4.0", release="4.0")
    add_dmi(snap, dmi)
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-%s "
              "root=UUID=8d1f4a62-7c3e-4b95-a0d8-2e6f91c7b354 ro quiet\n" % CUSTOM_RELEASE)
    # Gen2 order as ws2019-phantom-cpus; NIC, SCSI and VSS instance GUIDs invented
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("mouse", 2, "hid_hyperv"),
        VMBusDevice("kbd", 3, "hyperv_keyboard"),
        VMBusDevice("video", 4, "hyperv_drm"),
        VMBusDevice("hb", 5, None),
        VMBusDevice("kvp", 6, None),
        VMBusDevice("shutdown", 7, None),
        VMBusDevice("ts", 8, None),
        VMBusDevice("vss", 9, None, instance="9c5e2a17-4d83-4f6b-b1a0-7e3d58c2f914"),
        # netvsc would open 4 channels; unbound, only the primary offer exists
        VMBusDevice("nic", 10, None, instance="2b7f9e40-61c5-4d28-93ae-0c4b7d1e5f86"),
        VMBusDevice("scsi", 11, "hv_storvsc", instance="f3a0c6d2-85b9-4e17-bc42-69d0e1a7b538", traffic=6),
    ]
    drivers = ["hyperv_keyboard", "hv_storvsc", "hid_hyperv", "hv_balloon", "hyperv_drm"]
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, len(cpus), drivers, 0xC057)
    unreadable.update(dmi_unreadable(dmi))
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-18T09:27:44Z", "x86_64", CUSTOM_RELEASE,
        "fixture: on-premises Windows Server 2019 Hyper-V, Generation 2, 4 vCPU, VMBus 5.2, a self-built "
        "6.1 kernel without hv_netvsc and with hv_utils not loaded; captured without root", unreadable))
    return snap, h, per_cpu


# ============================================================================================
# 13. azure-degraded, ws2019-no-hv-kernel, pasted-log-ws2008r2: guests hvctl health must fail
# ============================================================================================

# The NIC sub-channel whose outbound ring filled (relid 17) and what its attributes read.
DEGRADED_FULL_RING = {"out_full_first": "37\n", "out_full_total": "1843\n", "write_avail": "20480\n"}


def azure_degraded():
    """The azure-d8ds-v5 VM a day later, after three things went wrong (PROVENANCE.md): hv_balloon
    blacklisted, channels evacuated from CPUs 2-7 and never moved back, and a host-side storage
    problem (storvsc errors, a NIC ring that filled)."""
    _base, h, per_cpu = azure_d8ds_v5()
    snap = Snapshot("azure-degraded")
    ncpu = 8
    cpus = list(range(ncpu))
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    khz = 2793437
    log = hyperv_x86_log_head(h, khz, tsc_invariant=True)
    log += [
        (0.013546, "smpboot: Allowing 8 CPUs, 0 hotplug CPUs"),
        (0.013962, "Booting paravirtualized kernel on Hyper-V"),
        (0.016870, pv_spinlock_line(h)),
    ]
    log += hyperv_x86_apic_lines(h, 0.063318, x2apic=True)
    log += [
        (0.372202, "clocksource: Switched to clocksource tsc"),
        (1.104117, "hv_vmbus: Vmbus version:5.3"),
        (1.130524, "hv_vmbus: registering driver hyperv_keyboard"),
        (1.141880, "hv_vmbus: registering driver hv_netvsc"),
        (1.142906, "hv_vmbus: registering driver hv_storvsc"),
        (1.144071, "scsi host0: storvsc_host_t"),
        (1.144532, "scsi host1: storvsc_host_t"),
        (1.158237, "hv_vmbus: registering driver hid_hyperv"),
        (1.612305, "hv_utils: Registering HyperV Utility Driver"),
        (1.612410, "hv_vmbus: registering driver hv_utils"),
        # no "registering driver hv_balloon": /etc/modprobe.d blacklists it (modelled)
        (1.614096, "hv_utils: Shutdown IC version 3.2"),
        (1.615301, "hv_utils: Heartbeat IC version 3.0"),
        (1.616558, "hv_utils: TimeSync IC version 4.0"),
        (1.652091, "hv_vmbus: registering driver hyperv_fb"),
        (1.653350, "hyperv_fb: Synthvid Version major 3, minor 5"),
        (2.935118, "hv_vmbus: registering driver hv_pci"),
        (3.296310, "hv_utils: KVP IC version 4.0"),
    ]
    # CPUs 2-7 taken offline for maintenance after `hvctl cpu evacuate 2-7 --apply`, then back
    # online without `hvctl cpu restore`: k6.1:arch/x86/kernel/smpboot.c native_cpu_die() and
    # do_boot_cpu() ("Booting Node %d Processor %d APIC 0x%x")
    log += [(41002.118 + cpu / 1000, "smpboot: CPU %d is now offline" % cpu) for cpu in range(2, 8)]
    log += [(41873.502 + cpu / 1000, "smpboot: Booting Node 0 Processor %d APIC 0x%x" % (cpu, cpu))
            for cpu in range(2, 8)]
    # k6.1:drivers/scsi/storvsc_drv.c storvsc_handle_error(): "tag#%d cmd 0x%x status: scsi 0x%x
    # srb 0x%x hv 0x%x" at error level for any command but TEST_UNIT_READY; WRITE(10) 0x2a, SCSI
    # CHECK CONDITION 0x2, SRB_STATUS_ERROR 0x4, STATUS_UNSUCCESSFUL 0xc0000001 (values modelled)
    disk = STD_INSTANCE["scsi-os"]
    log += [(86012.447 + n * 0.2, "hv_storvsc %s: tag#%d cmd 0x2a status: scsi 0x2 srb 0x4 hv 0xc0000001"
             % (disk, tag)) for n, tag in enumerate([212, 87, 140])]
    snap.text("kernel.log", render_log(log))

    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    add_clocksource(snap, "tsc", ["tsc", "hyperv_clocksource_tsc_page", "acpi_pm"])
    add_max_version(snap, VMBUS_5_3)
    add_boot_config(snap, "6.1.0-37-cloud-amd64", DEBIAN_CLOUD_AMD64_CONFIG)
    # as azure-d8ds-v5, without hv_balloon: /etc/modprobe.d blacklists it, so the module is built
    # (=m in the cloud config) but never loaded and the Dynamic Memory device stays unbound
    add_modules(snap, loaded=["hv_vmbus", "hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils",
                              "hyperv_fb", "pci_hyperv_intf", "pci_hyperv"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("09/28/2024", AZURE_ASSET_TAG)
    add_dmi(snap, dmi)
    rng = Lcg(0xDE6A)
    snap.text("proc/interrupts", proc_interrupts_x86(
        ncpu, rng, [(4, "IO-APIC", 4, "edge", "ttyS0"), (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "cloud", hyperv={"hre": True, "hvs": True}))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.0-37-cloud-amd64 "
              "root=PARTUUID=6a9e4f12-3c8b-4d05-9e71-b2c4d8a1f063 ro console=tty0 "
              "console=ttyS0,115200 earlyprintk=ttyS0,115200 consoleblank=0\n")
    devices = [
        VMBusDevice("dm", 1, None),             # offered, but hv_balloon is blacklisted: unbound
        VMBusDevice("mouse", 2, "hid_hyperv"),
        VMBusDevice("kbd", 3, "hyperv_keyboard"),
        VMBusDevice("video", 4, "hyperv_fb"),
        VMBusDevice("hb", 5, "hv_utils"),
        VMBusDevice("kvp", 6, "hv_utils"),
        VMBusDevice("shutdown", 7, "hv_utils"),
        VMBusDevice("ts", 8, "hv_utils"),
        VMBusDevice("vss", 9, "hv_utils", instance="ae3b5c91-7d2e-4f08-9b16-c4e0a8d25f73"),
        VMBusDevice("nic", 10, "hv_netvsc", instance="000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c",
                    subs=range(15, 22), traffic=20),
        VMBusDevice("scsi", 11, "hv_storvsc", instance=STD_INSTANCE["scsi-os"], subs=[14], traffic=10),
        VMBusDevice("scsi", 12, "hv_storvsc", instance=STD_INSTANCE["scsi-tmp"], subs=[13], traffic=3),
        VMBusDevice("pci", 22, "hv_pci", instance="8a4d9f35-6b5a-4c1e-9d27-3e81f0c4a6b2"),
    ]
    nic = devices[9]
    nic.channels[3].overrides = DEGRADED_FULL_RING              # relid 17
    drivers = ["hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hyperv_fb", "hv_pci"]
    # the evacuation moved every channel on CPUs 2-7 to CPU 1 (the only other online CPU)
    moved = {relid: 1 for relid in (13, 14, 15, 16, 17, 19, 20, 21)}
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, ncpu, drivers, 0xDE6A, retarget=moved)
    unreadable.update(dmi_unreadable(dmi))
    msr_machine = modelled_msr_machine(0xDE6A, ncpu, (6, 1, 192), 868123456789, 2793437512, 0xC000000000000000)
    add_msrs(snap, {c: healthy_linux_msrs(h, c, msr_machine) for c in cpus})
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-15T10:40:12Z", "x86_64", "6.1.0-37-cloud-amd64",
        "fixture: the azure-d8ds-v5 VM degraded: hv_balloon blacklisted, channels left on CPU 1 "
        "after an evacuation, storvsc errors and a NIC ring that filled; MSRs read with sudo", unreadable))
    return snap, h, per_cpu


def unenlightened_msrs(h, cpu, m):
    """CPU `cpu` of a guest whose kernel has no CONFIG_HYPERV: nothing was ever written, so every
    writable MSR holds its reset value (TLFS: GUEST_OS_ID starts at 0; SINTs masked, ref §2.2);
    the read-only ones (VP index, run time, reference counter, frequencies, SVERSION, CRASH_CTL
    capabilities) are the hypervisor's."""
    v = healthy_linux_msrs(h, cpu, m)
    for index in list(v):
        if v[index] == "EIO" or index in (0x40000002, 0x40000010, 0x40000020, 0x40000022, 0x40000023,
                                          0x40000081, 0x40000105):
            continue
        v[index] = 0x10000 if 0x40000090 <= index <= 0x4000009F else 0
    return v


def ws2019_no_hv_kernel():
    """The ws2019-phantom-cpus host running an appliance kernel built without CONFIG_HYPERV."""
    snap = Snapshot("ws2019-no-hv-kernel")
    cpus = [0, 1, 2, 3]
    h = ws2019_words()
    per_cpu = ws2019_cpuid(h, cpus)
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    # With CONFIG_HYPERVISOR_GUEST but not CONFIG_HYPERV, k6.1 arch/x86/kernel/cpu/mshyperv.c still
    # detects Hyper-V and prints the privilege, Host Build, nested and LAPIC lines and marks the TSC
    # unstable (EAX[15] clear); hyperv_init() (arch/x86/hyperv) and hyperv_timer.c are not built:
    # no TSC page clocksource, no VMBus, no crash notifiers, no PV spinlock line.
    log = [
        (0.0, "Hypervisor detected: Microsoft Hyper-V"),
        (0.0, hv_privilege_line(h)),
        (0.0, hv_host_build_line(h["build"])),
        (0.0, hv_nested_line(h)),
        (0.0, "Hyper-V: LAPIC Timer Frequency: %#x" % h["lapic_per_jiffy"]),
        (0.000003, "tsc: Marking TSC unstable due to running on Hyper-V"),
        (0.000005, tsc_detected(WS2019_KHZ)),
        (0.012008, "smpboot: Allowing 4 CPUs, 0 hotplug CPUs"),
        (0.069355, "smp: Bringing up secondary CPUs ..."),
        (0.074418, "smp: Brought up 1 node, 4 CPUs"),
        (0.253101, cs_acpi_pm()),
        (0.281447, "clocksource: Switched to clocksource acpi_pm"),
    ]
    snap.text("kernel.log", render_log(log))
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=[1, 2, 3])
    # the TSC is unstable and there is no Hyper-V clock: acpi_pm is the best left (k6.1
    # arch/x86/kernel/tsc.c does not register an unstable TSC)
    add_clocksource(snap, "acpi_pm", ["acpi_pm"])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("12/17/2019", "5530-9318-0021-4496-1747-6690-17",
                          bios_version="Hyper-V UEFI Release v4.0", release="4.0")
    add_dmi(snap, dmi)
    rng = Lcg(0x0A77)
    snap.text("proc/interrupts", proc_interrupts_x86(
        len(cpus), rng, [(4, "IO-APIC", 4, "edge", "ttyS0"), (9, "IO-APIC", 9, "fasteoi", "acpi")],
        "generic", hyperv=None))
    snap.text("proc/cmdline", "BOOT_IMAGE=/boot/vmlinuz-6.1.90-appliance "
              "root=UUID=9d3b7a61-0c4f-4e28-b5d1-6e8f2a94c07b ro quiet\n")
    msr_machine = modelled_msr_machine(0x0A77, len(cpus), (6, 1, 90), 7310452211, 2095078000, 0x8000000000000000)
    add_msrs(snap, {c: unenlightened_msrs(h, c, msr_machine) for c in cpus})
    unreadable = dmi_unreadable(dmi)
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-18T08:15:44Z", "x86_64", "6.1.90-appliance",
        "fixture: Windows Server 2019 Hyper-V guest running an appliance kernel built without "
        "CONFIG_HYPERV: no VMBus, no Hyper-V clock; MSRs read with sudo", unreadable))
    return snap, h, per_cpu


def pasted_log_ws2008r2():
    """A pasted dmesg of a Debian 12 guest moved to a Windows Server 2008 R2 host."""
    snap = Snapshot("pasted-log-ws2008r2")
    # Words modelled for a 2008 R2 hypervisor: VP runtime, reference counter, SynIC, timers, APIC,
    # hypercall and VP index MSRs (EAX bits 0-6), no reference TSC page (EAX[9]), no frequency or
    # crash MSRs; PostMessages and SignalEvents (EBX bits 4, 5); hints: remote TLB flush, APIC MSRs,
    # relaxed timing. Build 7601 = Windows Server 2008 R2 SP1 (third-party lists, ref §8).
    h = {"features": (0x0000007F, 0x00000030, 0, 0x00000000), "hints": (0x0000002C, 0, 0, 0),
         "build": (6, 1, 7601, 24545, 1, 0)}
    lines = [
        (0.0, "Hypervisor detected: Microsoft Hyper-V"),
        (0.0, hv_privilege_line(h)),
        (0.0, hv_host_build_line(h["build"])),
        (0.0, "Hyper-V: Using hypercall for remote TLB flush"),
        (0.0, cs_hyperv_msr()),                 # EAX[9] clear, EAX[1] set (ref §7.1)
        (0.000002, "tsc: Marking TSC unstable due to running on Hyper-V"),
        (0.000004, tsc_detected(2666760)),
        (0.021873, "Booting paravirtualized kernel on Hyper-V"),
        (0.302117, "clocksource: Switched to clocksource hyperv_clocksource_msr"),
        # 6.1 tries 5.3 down to 2.4 (ref §5.2); a 2008 R2 host speaks 1.1 at most: none accepted
        (5.386201, "hv_vmbus: Unable to connect to host"),
    ]
    snap.text("kernel.log", render_log(lines))
    snap.text("hvctl-snapshot.json", manifest(
        "2026-03-19T07:30:00Z", "x86_64", "6.1.0-37-amd64",
        "fixture: partial snapshot from a pasted dmesg: a Debian 12 guest on Windows Server 2008 R2, "
        "where 6.1 cannot connect VMBus"))
    return snap, None, None


# ============================================================================================
# 16. azure-vmbus-only: an old kernel's VMBus tree sent in by another collection tool
# ============================================================================================

# Attributes the 4.15 kernel does not have yet (k6.1:Documentation/ABI/stable/sysfs-bus-vmbus and
# ABI/testing/sysfs-bus-vmbus give the version each appeared in): channels/<N>/subchannel_id and
# monitor_id (4.16), intr_in_full, intr_out_empty, out_full_first, out_full_total (5.0); the
# device's numa_node (4.19) and driver_override (August 2019, 5.4); the bus's hibernation (5.12).
KERNEL_4_15_MISSING = {"subchannel_id", "monitor_id", "intr_in_full", "intr_out_empty", "out_full_first",
                       "out_full_total", "numa_node", "driver_override", "hibernation"}


def azure_vmbus_only():
    snap = Snapshot("azure-vmbus-only")
    ncpu = 64
    cpus = list(range(ncpu))
    # modelled: Azure Standard_D64s_v5 (64 vCPUs, Gen2) running Ubuntu 18.04's linux-azure 4.15;
    # a support script copied /sys/bus/vmbus, the VMBus device directories it links to, DMI and
    # the CPU lists. No cpuid.txt, no kernel log, no MSRs: only what the tree holds.
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("mouse", 2, "hid_hyperv"),
        VMBusDevice("kbd", 3, "hyperv_keyboard"),
        VMBusDevice("video", 4, "hyperv_fb"),
        VMBusDevice("hb", 5, "hv_utils"),
        VMBusDevice("kvp", 6, "hv_utils"),
        VMBusDevice("shutdown", 7, "hv_utils"),
        VMBusDevice("ts", 8, "hv_utils"),
        VMBusDevice("vss", 9, "hv_utils", instance="5b1e0a77-93c4-4d2f-8a61-0e7f3c9b24d8"),
        # netvsc: min(VRSS_CHANNEL_DEFAULT 8, CPUs) = 8 channels (k4.15 drivers/net/hyperv)
        VMBusDevice("nic", 10, "hv_netvsc", instance="000d3a2b-7f41-000d-3a2b-7f41000d3a2b",
                    subs=range(13, 20), traffic=20),
        # storvsc: (64 - 1) / storvsc_vcpus_per_sub_channel 4 = 15 sub-channels per controller
        VMBusDevice("scsi", 11, "hv_storvsc", instance=STD_INSTANCE["scsi-os"], subs=range(20, 35), traffic=10),
        VMBusDevice("scsi", 12, "hv_storvsc", instance=STD_INSTANCE["scsi-tmp"], subs=range(35, 50), traffic=3),
        VMBusDevice("pci", 50, "hv_pci", instance="b7c3e2a4-1d58-4f0a-9e63-2c8d0f5a71b9"),
    ]
    drivers = ["hyperv_keyboard", "hv_netvsc", "hv_storvsc", "hid_hyperv", "hv_utils", "hv_balloon",
               "hyperv_fb", "hv_pci"]
    add_vmbus(snap, GEN2_VMBUS, devices, ncpu, drivers, 0x64D5)
    for path in [p for p in snap.files if p.startswith("sys/") and p.rsplit("/", 1)[-1] in KERNEL_4_15_MISSING]:
        del snap.files[path]
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus[1:])
    add_efi(snap)
    dmi = dmi_hyperv_gen2("12/07/2018", AZURE_ASSET_TAG)
    add_dmi(snap, dmi)
    snap.text("hvctl-snapshot.json", manifest(
        "2026-11-30T08:12:44Z", "x86_64", "4.15.0-1113-azure",
        "fixture: VMBus tree of an Azure Standard_D64s_v5 on Ubuntu 18.04 (linux-azure 4.15) copied by a "
        "support script: sysfs only, no CPUID, no kernel log, no MSRs; manifest written by hand",
        dmi_unreadable(dmi)))
    return snap, None, None


# ============================================================================================
# 17. azure-arm64-vmbus: arm64 without root: VMBus and DMI, no kernel log, no CPUID
# ============================================================================================

def azure_arm64_vmbus():
    snap = Snapshot("azure-arm64-vmbus")
    ncpu = 4
    cpus = list(range(ncpu))
    # modelled: Azure Standard_D4ps_v5 (Ampere Altra) on Ubuntu 24.04 linux-azure 6.8, captured by
    # `hvctl snapshot` as an ordinary user: arm64 has no CPUID (ref §1.13), dmesg_restrict=1 (the
    # Ubuntu default) forbids the kernel log, the DMI serials are root-only.
    devices = [
        VMBusDevice("dm", 1, "hv_balloon"),
        VMBusDevice("hb", 2, "hv_utils"),
        VMBusDevice("kvp", 3, "hv_utils"),
        VMBusDevice("shutdown", 4, "hv_utils"),
        VMBusDevice("ts", 5, "hv_utils"),
        VMBusDevice("nic", 6, "hv_netvsc", instance="6045bd91-2ac7-6045-bd91-2ac76045bd91",
                    subs=[9, 10, 11], traffic=15),
        VMBusDevice("scsi", 7, "hv_storvsc", instance=STD_INSTANCE["scsi-os"], traffic=8),
        VMBusDevice("scsi", 8, "hv_storvsc", instance=STD_INSTANCE["scsi-tmp"], traffic=2),
        VMBusDevice("pci", 12, "hv_pci", instance="4d1e7b20-8c3f-4a59-b6d2-0f9e3a7c5b18"),
    ]
    drivers = ["hv_netvsc", "hv_storvsc", "hv_utils", "hv_balloon", "hv_pci"]
    unreadable = add_vmbus(snap, GEN2_VMBUS, devices, ncpu, drivers, 0xA64B)
    add_cpu_sysfs(snap, cpus, cpus, cpus, hotpluggable=cpus)   # arm64: every PSCI CPU has online
    add_clocksource(snap, "arch_sys_counter", ["arch_sys_counter"])
    add_max_version(snap, VMBUS_5_3)
    add_efi(snap)
    dmi = dmi_hyperv_gen2("06/14/2024", AZURE_ASSET_TAG)
    add_dmi(snap, dmi)
    unreadable.update(dmi_unreadable(dmi))
    # k6.1:kernel/printk/printk.c syslog(2) and /dev/kmsg refuse readers without CAP_SYSLOG when
    # dmesg_restrict=1: the capture records the log as EPERM (snapshot-format.md "unreadable")
    unreadable["kernel.log"] = "EPERM"
    snap.text("proc/sys/kernel/dmesg_restrict", "1\n")
    snap.text("hvctl-snapshot.json", manifest(
        "2026-11-30T09:40:12Z", "aarch64", "6.8.0-1017-azure",
        "fixture: Azure Standard_D4ps_v5 arm64 VM (Ampere Altra) on Ubuntu 24.04 linux-azure 6.8, captured "
        "without root: no CPUID on arm64, the kernel log refused (dmesg_restrict=1)", unreadable))
    return snap, None, None


# ============================================================================================
# 18/19. snp-isolation-log, tdx-isolation-log: confidential VMs' logs holding one Hyper-V line
# ============================================================================================

def isolation_log(name, group_b, kind, source):
    snap = Snapshot(name)
    # ref §7.1: "Hyper-V: Isolation Config: Group A 0x%x, Group B 0x%x" (0x4000000C EAX, EBX)
    snap.text("kernel.log", "[    0.000000] Hyper-V: Isolation Config: Group A 0x1, Group B 0x%x\n" % group_b)
    snap.text("hvctl-snapshot.json", manifest(
        "2026-11-30T10:05:00Z", "x86_64", "unknown",
        "fixture: partial snapshot made from a ticket: the one Hyper-V line of an Azure %s confidential "
        "VM's boot log (%s)" % (kind, source)))
    return snap, None, None


def snp_isolation_log():
    # src: CAP-LISA "Group A 0x1, Group B 0xba2": paravisor; type 2 (SNP), boundary active, bit 46
    return isolation_log("snp-isolation-log", 0xBA2, "SEV-SNP", "Group B 0xba2, as CAP-LISA")


def tdx_isolation_log():
    # modelled: type 3 (TDX, ref §1.11), boundary active (bit 5), boundary bit 47 (the shared bit
    # of a 48-bit guest physical address width) = 0x3 | 0x20 | (47 << 6) = 0xbe3
    return isolation_log("tdx-isolation-log", 0xBE3, "TDX", "Group B 0xbe3, modelled")


# ============================================================================================
# 20. cpuid-msr-only: registers without sysfs
# ============================================================================================

def cpuid_msr_only():
    snap = Snapshot("cpuid-msr-only")
    ncpu = 4
    cpus = list(range(ncpu))
    # modelled: the registers of an Azure Standard_D4ds_v5 (the azure-d8ds-v5 host and words, 4 of
    # its CPUs), taken by a script that ran `cpuid -r` and read /dev/cpu/N/msr as root: no sysfs,
    # no kernel log.
    h = {
        "max": 0x4000000C,
        "build": (10, 0, 20348, 2762, 2, 0),
        "features": (0x0000AE7F, 0x00388030, 0x00000000, 0xC0BED7B2),
        "hints": (0x00140C2C, 0x00000FFF, 0x0000002E, 0),
        "limits": (0x00000800, 0x00000800, 0x00000000, 0),
        0x40000006: (0x0000000E, 0, 0, 0),
        0x4000000A: (0x003E0101, 0, 0, 0),
        "lapic_per_jiffy": 0xC3500,
    }
    leaf0 = (0x00000015,) + VENDOR_INTEL
    per_cpu = build_cpuid(cpus, leaf0, lambda c: (0x000606A6, leaf1_ebx(c, 4), 0xFEFA3223, 0x1F8BFBFF),
                          hyperv_leaves(h))
    snap.text("cpuid.txt", render_cpuid(per_cpu))
    machine = modelled_msr_machine(0xC4D4, ncpu, (6, 1, 192), 72345678901, 2793437512, 0xC000000000000000)
    add_msrs(snap, {c: healthy_linux_msrs(h, c, machine) for c in cpus})
    snap.text("hvctl-snapshot.json", manifest(
        "2026-11-30T11:00:00Z", "x86_64", "6.1.0-37-cloud-amd64",
        "fixture: CPUID (cpu 0-3) and synthetic MSRs (cpu 0-3) of an Azure Standard_D4ds_v5, no sysfs and no "
        "kernel log"))
    return snap, h, per_cpu


FIXTURES = [azure_d8ds_v5, ws2016_gen1, ws2019_phantom_cpus, wsl2_26100, azure_snp_cvm,
            azure_arm64, kvm_guest, bare_metal, kvm_hyperv_imitation, pasted_log,
            vmbus_broken, custom_kernel, azure_degraded, ws2019_no_hv_kernel, pasted_log_ws2008r2,
            azure_vmbus_only, azure_arm64_vmbus, snp_isolation_log, tdx_isolation_log, cpuid_msr_only]


# ============================================================================================
# PROVENANCE.md per fixture: hand-written sources plus a register table generated from the data
# ============================================================================================

COMMON_SOURCES = """\
## Formats (every fixture)

| file | format source |
| --- | --- |
| `hvctl-snapshot.json` | /work/shared/docs/snapshot-format.md; `unreadable` lists 0400 files a non-root capture could not open |
| `cpuid.txt` | `cpuid -r` layout of Debian's `cpuid` 20230120 (checked with `cpuid -f`) |
| `kernel.log` | dmesg `[%5lu.%06lu]` stamps; message texts are the 6.1 format strings (ref §7, files named in generate.py) |
| `sys/devices/system/cpu/*` | k6.1:drivers/base/cpu.c (`%*pbl\\n`, `offline` = possible & ~online, empty list = `\\n`); `cpuN/online` only for registered hot-pluggable CPUs (x86: not cpu0, k6.1:arch/x86/kernel/topology.c) |
| `sys/devices/system/node/node0/cpulist` | k6.1:drivers/base/node.c (online CPUs of the node) |
| `clocksource0/*` | k6.1:kernel/time/clocksource.c (`available_clocksource`: each name plus a space, in rating order, then `\\n`) |
| `clocksource:` lines | mask/max_cycles/max_idle_ns computed with the kernel's own arithmetic (generate.py, verified against real lines) |
| `sys/module/hv_vmbus/parameters/max_version` | k6.1:drivers/hv/connection.c, `%u`, default `VERSION_WIN10_V5_3` = 327683 (ref §3.1) |
| `sys/module/<name>/initstate`, `parameters/*` | `live` for loaded modules only (k6.1:kernel/module/main.c modinfo_initstate); built-in code gets a directory only with parameters (k6.1:kernel/params.c param_sysfs_builtin()); parameter defaults from each driver's module_param() (generate.py MODULE_PARAMETERS); which modules are loaded: the drivers the fixture's log registers |
| `boot/config-<release>`, `proc/config.gz` | the capture's filtered copy (a header line, then only the lines of the options `hvctl kernel` reports); Debian values from `/usr/src/linux-config-6.1` (linux-config-6.1 6.1.192-2), see generate.py DEBIAN_*_CONFIG |
| DMI | k6.1:drivers/firmware/dmi-id.c: `%s\\n` per field, 0400 serial/uuid files, modalias field order and filtering |
| `proc/interrupts` | k6.1:kernel/irq/proc.c + arch/x86/kernel/irq.c (arm64: arch/arm64/kernel/smp.c); counts are deterministic filler |
| `.kvp_pool_3` | ref §11.1 and tools/hv/hv_kvp_daemon.c (512 + 2048 byte records, NUL padded) |
"""

VMBUS_SOURCES = """\
## VMBus tree (format, every fixture that has one)

| item | source |
| --- | --- |
| device attributes, formats (`{%pUl}` with braces, `vmbus:%*phN`, `0x%x`, `%d`), monitor attributes hidden without a monitor | k6.1:drivers/hv/vmbus_drv.c (vmbus_dev_attrs[], vmbus_dev_attr_is_visible()), ref §3.2 |
| channel attributes (`cpu`, `in_mask`, `out_mask`, `read_avail`, `write_avail`, `pending`/`latency`/`monitor_id` only with a monitor, counters, `subchannel_id`) | k6.1:drivers/hv/vmbus_drv.c (vmbus_chan_attrs[], vmbus_chan_attr_is_visible()), ref §3.3 |
| `device` = enum vmbus_device_type index, 0x10 for unknown/unsupported/hv_sock | k6.1:drivers/hv/channel_mgmt.c hv_get_dev_type(), ref §3.2/§4 |
| `driver_override` = `(null)` | `snprintf("%s\\n", NULL)` in driver_override_show() |
| `uevent` = `DRIVER=` (when bound) then `MODALIAS=` | drivers/base/core.c dev_uevent() + vmbus_uevent() |
| unbound device: `state` 0, ring attributes fail with EINVAL (listed in the manifest) | hv_ringbuffer_get_debuginfo() / ring attribute show routines return -EINVAL without a ring |
| target CPUs | init_vp_index() simulated in generate.py (non-perf channels on CPU 0, perf channels round-robin over one NUMA node, avoiding CPUs the device already uses) |
| sub-channel counts | netvsc: min(VRSS_CHANNEL_DEFAULT = 8, CPUs) channels; storvsc: (CPUs - 1) / storvsc_vcpus_per_sub_channel (4) |
| ring sizes → `write_avail` / `*_write_bytes_avail` of idle rings | per-driver ring sizes minus the 4 KiB header (generate.py RING_DATA, each with its source file) |
| relative links: `bus/vmbus/devices/<guid>` → `../../../devices/...`, `<device>/driver` and `subsystem` → `../` × (depth) `bus/vmbus/...`, `drivers/<name>/<guid>` → `../../../../devices/...` | sysfs computes relative links; depth from the parent path |
| parent device: Gen2 `…/LNXSYBUS:00/ACPI0004:00/MSFT1000:00/`, Gen1 `…/LNXSYBUS:00/PNP0A03:00/device:07/VMBUS:01/`, WSL2 `…/ACPI0004:00/VMBUS:00/` | Gen1: real Azure `/sys/class/net` links (CAP-LSVMBUS) and several `ubuntu-drivers devices` outputs; Gen2: Azure GPU VM paths in the search index show `ACPI0004:00/MSFT1000:00` (some captures of the same VM type show `ACPI0004:00/VMBUS:00`: the name depends on how the kernel treats the non-standard ACPI _HID "VMBUS"); WSL2: the sample symlink in microsoft/WSL `GnsEngine.cpp` |
| monitor allocation, latency 100, conn_id = relid, counters, ring indices | modelled |
| `bind`, `unbind`, `new_id`, `remove_id` in driver directories | write-only driver-core/vmbus files, stored empty as presence markers |
| `hibernation` 0 | hv_is_hibernation_supported(): the VMs' ACPI offers S0 and S5 only |
"""

PROVENANCE = {
    "azure-vmbus-only": """\
# azure-vmbus-only — provenance

A **VMBus tree sent in by another collection tool**: an Azure Standard_D64s_v5 (Gen2, 64 vCPUs) on
Ubuntu 18.04's linux-azure **4.15** kernel. A support script copied `/sys/bus/vmbus`, the device
directories it links to, DMI, the firmware marker and the CPU lists; the manifest was written by
hand. There is **no `cpuid.txt`, no kernel log and no MSR capture**: whether this is Hyper-V has to
come from VMBus (only Hyper-V offers one) and DMI.

## Sources

| value | source |
| --- | --- |
| attributes absent | the 4.15 kernel predates them: `channels/<N>/subchannel_id`, `monitor_id` (4.16), `intr_in_full`, `intr_out_empty`, `out_full_first`, `out_full_total` (5.0), the device's `numa_node` (4.19), `driver_override` (2019, 5.4) and the bus's `hibernation` (5.12); versions from k6.1:Documentation/ABI/stable/sysfs-bus-vmbus and ABI/testing/sysfs-bus-vmbus |
| 13 devices, 50 channels | NIC: min(VRSS_CHANNEL_DEFAULT 8, CPUs) = 8 channels; each SCSI controller (64 - 1) / storvsc_vcpus_per_sub_channel 4 = 15 sub-channels (drivers/net/hyperv, drivers/scsi/storvsc_drv.c); the integration devices of azure-d8ds-v5; one vPCI |
| target CPUs | modelled with 6.1's init_vp_index() (4.15 spreads performance channels differently; the tree's values are what hvctl reads either way) |
| DMI | Azure Gen2 strings and Azure's chassis asset tag (ref §11.2), as azure-d8ds-v5; serials root-only (EACCES) |
| NIC and vPCI instance GUIDs | invented (the NIC's repeats a MAC-shaped prefix as Azure's do) |
""",
    "azure-arm64-vmbus": """\
# azure-arm64-vmbus — provenance

An **arm64 Azure VM captured without root**: Standard_D4ps_v5 (Ampere Altra, 4 vCPUs) on Ubuntu
24.04 linux-azure 6.8, `hvctl snapshot` run as an ordinary user. arm64 has **no CPUID** (ref §1.13)
and Ubuntu's default `kernel.dmesg_restrict=1` refuses the **kernel log** (recorded as `EPERM`), so
the only Hyper-V evidence is the VMBus tree, DMI and the firmware: the everyday case the evidence
rules are for.

## Sources

| value | source |
| --- | --- |
| kernel log `EPERM` | k6.1:kernel/printk/printk.c check_syslog_permissions(): without CAP_SYSLOG under dmesg_restrict=1, syslog(2) and /dev/kmsg fail with EPERM; `proc/sys/kernel/dmesg_restrict` holds `1` |
| VMBus devices | the azure-arm64 set (DM, heartbeat, KVP, shutdown, time sync, NIC with 4 channels, two SCSI, vPCI); instance GUIDs of the NIC and vPCI invented |
| DMI | Azure Gen2 strings and asset tag (ref §11.2); serials root-only (EACCES) |
| clocksource `arch_sys_counter` | ref §7.2 (no Hyper-V clocksource on arm64) |
| `cpuN/online` for every CPU | arm64 cpu_can_disable() (PSCI), as azure-arm64 |
""",
    "snp-isolation-log": """\
# snp-isolation-log — provenance

A **partial snapshot made from a ticket**: the only Hyper-V line of an Azure SEV-SNP confidential
VM's boot log, `Hyper-V: Isolation Config: Group A 0x1, Group B 0xba2`, and a manifest (x86_64,
kernel release unknown). Group A 0x1: paravisor present; Group B 0xba2: isolation type 2 (SNP),
shared GPA boundary active, boundary bit 46 (ref §1.11).

## Sources

| value | source |
| --- | --- |
| line format | k6.1:arch/x86/kernel/cpu/mshyperv.c ms_hyperv_init_platform(), ref §7.1 |
| Group A 0x1, Group B 0xba2 | CAP-LISA (the same values as azure-snp-cvm) |
""",
    "tdx-isolation-log": """\
# tdx-isolation-log — provenance

A **partial snapshot made from a ticket**: the only Hyper-V line of an Azure TDX confidential VM's
boot log, `Hyper-V: Isolation Config: Group A 0x1, Group B 0xbe3`, and a manifest (x86_64, kernel
release unknown). Group B 0xbe3: isolation type 3 (TDX), shared GPA boundary active, boundary bit
47 (ref §1.11).

## Sources

| value | source |
| --- | --- |
| line format | k6.1:arch/x86/kernel/cpu/mshyperv.c, ref §7.1 |
| Group B 0xbe3 | modelled: type 3 = `HV_ISOLATION_TYPE_TDX` (ref §1.11, newer kernels), bit 5 set, bits 11:6 = 47, the shared bit of a 48-bit guest physical address width |
""",
    "cpuid-msr-only": """\
# cpuid-msr-only — provenance

**Registers without sysfs**: the CPUID leaves (CPUs 0-3) and synthetic MSRs (CPUs 0-3) of an
Azure Standard_D4ds_v5, taken by a script that ran `cpuid -r` and read `/dev/cpu/N/msr` as root.
No sysfs, no kernel log: the CPU list has to come from the `CPU N:` blocks and `msr/cpuN.txt`.

## Sources

| value | source |
| --- | --- |
| hypervisor leaves, host build 20348 | as azure-d8ds-v5 (CAP-CS words), 4 CPUs |
| leaf 1 | azure-d8ds-v5's Ice Lake-SP signature, APIC IDs 0-3, 4 logical CPUs |
| MSR values | healthy 6.1 guest (ref §2.3), modelled page addresses and counters |
""",
    "custom-kernel": """\
# custom-kernel — provenance

Models the on-premises **Windows Server 2019** guest of `ws2019-phantom-cpus` (same CPUID words,
host build 17763, VMBus 5.2, Gen2; 4 CPUs, no phantom ones) running a **self-built kernel**
`6.1.119-custom` whose config was trimmed by hand from Debian's amd64 one: **CONFIG_HYPERV=m**,
**CONFIG_HYPERV_NET not set** (so the synthetic network adapter stays unbound: *driver not
built*), and **hv_utils built as a module but never loaded** (blacklisted in `/etc/modprobe.d`,
as some administrators do to keep the host's time sync away from chrony), so heartbeat, KVP,
shutdown, time sync and VSS stay unbound (*module not loaded*) and the kernel log has **no IC
version lines**. The config is read from `/proc/config.gz` (this build has CONFIG_IKCONFIG_PROC).
Captured without root. Everything about the kernel is modelled; it exists to test `hvctl kernel`
(issue 8).

## Sources

| value | source |
| --- | --- |
| CPUID, host build, boot log, DMI shape | as ws2019-phantom-cpus (`ws2019_words()`, `ws2019_log()`); the log without the lines hv_netvsc and hv_utils would print |
| config lines | modelled from DEBIAN_AMD64_CONFIG: HYPERV_NET, PCI_HYPERV, PCI_HYPERV_INTERFACE, FB_HYPERV, UIO_HV_GENERIC set to `is not set`; MICROSOFT_MANA left out (depends on PCI_HYPERV, k6.1 Kconfig) |
| `proc/config.gz` | gzip of the filtered config (k6.1:kernel/configs.c serves the config gzip-compressed) |
| loaded modules | hv_vmbus, hv_storvsc, hyperv_keyboard, hid_hyperv, hv_balloon, hyperv_drm: the drivers the log registers |
| unbound devices | state 0 and ring attributes failing with EINVAL, as for any device no driver opened (VMBus tree notes below) |
| NIC, SCSI, VSS instance GUIDs, DMI asset tag | invented |
""",
    "azure-d8ds-v5": """\
# azure-d8ds-v5 — provenance

Models an Azure **Standard_D8ds_v5** VM: Generation 2 (UEFI), 8 vCPUs on an Intel Xeon Platinum
8370C (Ice Lake-SP), Azure host OS build 20348 (Windows Server 2022 code base), VMBus 5.3,
Debian 12 with the cloud kernel 6.1.0-37-cloud-amd64, accelerated networking (Mellanox VF behind
a vPCI VMBus device). The capture is modelled as made **without root**: the four 0400 DMI files
are listed as `EACCES` in the manifest; the kernel log is what `journalctl -k` gives a member of
`systemd-journal` (Debian sets `kernel.dmesg_restrict=1`).

## Sources

| value | source |
| --- | --- |
| 0x40000003 EAX/EBX/EDX = 0xae7f / 0x388030 / 0xc0bed7b2, 0x40000004 EAX = 0x140c2c | real Azure dmesg on host 20348 (CAP-CS: GitHub Codespaces VM, `Hyper-V: privilege flags low 0xae7f, high 0x388030, hints 0x140c2c, misc 0xc0bed7b2`). That VM ran on AMD EPYC 7763; the same words are used for this Intel size — modelled |
| Host build 10.0.20348.2762, service pack 2, branch 0 | CAP-CS `Hyper-V Host Build:20348-10.0-2-0.2762` |
| LAPIC timer 0xc3500 per jiffy | CAP-CS |
| Nested features 0x3e0101 | modelled from the Intel client capture CAP-WSL (the AMD capture shows 0x4a0000, an AMD-only bit set) |
| 0x40000003 ECX = 0, 0x40000004 EBX/ECX, 0x40000005, 0x40000006 | modelled (ref §1.4.3–§1.7 meanings) |
| max hypervisor leaf 0x4000000C | modelled (WS2022-era host; the isolation leaf reads 0 in a non-isolated VM) |
| leaf 0/1 (signature 0x606a6, max basic leaf 0x15, ECX 0xfefa3223, EDX 0x1f8bfbff) | modelled Ice Lake guest: signature as CAP-ICX; features = host minus MONITOR/DS/TM/PBE/TSC-deadline, plus VMX (Dv5 supports nesting), x2APIC, hypervisor bit |
| APIC IDs 0–7, EBX[23:16] = 8 | modelled: Hyper-V numbers VPs consecutively (SRAT in CAP-WSL lists APIC 0x00–0x0b) |
| TSC 2793.437 MHz | modelled (typical Dv5 `tsc: Detected` value) |
| clocksource `tsc` with `hyperv_clocksource_tsc_page` below it | EAX[15] set → k6.1 lowers the TSC page to rating 250 (ref §2.2, hyperv_timer.c); CAP-CS switches to `tsc` |
| IC versions Shutdown 3.2, Heartbeat 3.0, TimeSync 4.0, KVP 4.0; Dynamic Memory 2.0 | CAP-CS |
| `hyperv_fb` (not `hyperv_drm`) | Debian cloud-amd64 config: FB_HYPERV=m, no DRM_HYPERV line (CONFIG_DRM is not set) |
| `boot/config-6.1.0-37-cloud-amd64` | Debian cloud-amd64 config (linux-config-6.1 6.1.192-2), Hyper-V lines only |
| loaded modules | hv_vmbus and the drivers the log registers, plus pci_hyperv_intf, whose hvpci_block_ops pci-hyperv uses |
| VF lines, NIC instance GUID built from the MAC (000d3a…), vPCI GUID → PCI domain 6b5a, `enP27482s1` | format from CAP-ACCELNET and CAP-LSVMBUS; values invented |
| DMI `Hyper-V UEFI Release v4.1` 09/28/2024, asset tag 7783-7084-3265-9085-8269-3286-77 | Azure Gen2 oops "Hardware name" lines in the search index; ref §11.2. Version strings "7.0", family, SKU: modelled |
| KVP pool 3 keys | ref §11.1; values invented (realistic Azure style) |
| `/proc/cmdline` | modelled on Debian's Azure image (serial console settings) |
| `/proc/interrupts` | cloud kernel config: no X86_MCE (no THR/DFR/MCE/MCP), HRE (EAX[13]) and HVS (EDX[19]) present |
| VMBus devices, relid order, standard instance GUIDs (DM 1eccfd72…, mouse 58f75a6d…, keyboard d34b2567…, video 5620e0c7…, heartbeat fd149e91…, KVP 242ff919…, shutdown b6650ff7…, time sync 2dd1ce17…, SCSI f8b3781a…/f8b3781b…) | CAP-LSVMBUS (an 8-vCPU Azure VM); Gen2 drops the IDE controllers; VSS instance GUID invented (VSS is offered on Azure: CAP-CS shows the hv_vss device node being created) |
| netvsc 8 channels spread over all 8 CPUs, 2 SCSI controllers with one sub-channel each, vPCI last (relid 22) | init_vp_index() + driver defaults; CAP-LSVMBUS shows the same shape (vPCI relids after all sub-channels) |
""",
    "ws2016-gen1": """\
# ws2016-gen1 — provenance

Models an on-premises **Windows Server 2016** Hyper-V host (build 14393) running a
**Generation 1** (BIOS) Debian 12 guest with the generic kernel 6.1.0-37-amd64: 4 vCPUs
(Broadwell-EP), VMBus 4.0, IDE controllers offered, TSC not invariant. Captured as root (the
0400 DMI files are present).

## Sources

| value | source |
| --- | --- |
| Host build 14393, service number 576 | WS2016 guest syslog in the search index (`Hyper-V Host Build:14393-10.0-0-0.576; Vmbus version:4.0`) |
| VMBus 4.0 | same capture; ref §8 (WS2016 ↔ 4.0) |
| 0x40000003 EAX 0x2e7f | modelled: the 20348 capture minus EAX[15] (TSC invariant control is WS2022+, ref §8/§2.2) |
| 0x40000003 EBX 0x388030, EDX 0x0ed7b2, hints 0xc2c | modelled (no APICv hints; stimer direct mode and crash MSRs kept) |
| max leaf 0x4000000A, nested features 0 | modelled (nesting not exposed to this VM) |
| LAPIC 0x1e8480, TSC 2394.455 MHz | modelled |
| `tsc: Marking TSC unstable due to running on Hyper-V`, clocksource `hyperv_clocksource_tsc_page` | k6.1:arch/x86/kernel/cpu/mshyperv.c (EAX[15] clear) |
| DMI BIOS `090007` 06/02/2017, AMI BIOS vendor, no bios_release (SMBIOS 2.3) | `Hardware name: ... BIOS 090007  06/02/2017` in the search index; vendor and non-Azure asset tag modelled |
| `hyperv_drm` | Debian amd64 config: DRM_HYPERV=m, FB_HYPERV unset |
| `boot/config-6.1.0-37-amd64`, loaded modules | Debian amd64 config (linux-config-6.1 6.1.192-2), Hyper-V lines only; hv_vmbus and the drivers the log registers |
| IC versions | Heartbeat/TimeSync/KVP 4.0 as on WS2016 captures; Shutdown 3.0 modelled; VSS 5.0 = k6.1 hv_snapshot.c VSS_MAJOR/MINOR |
| `sys/firmware/acpi/pm_profile` | present so that `/sys/firmware` exists without `efi/` (BIOS); value modelled |
| KVP pool 3 | ref §11.1; names invented (HV-HOST-07.corp.example.com, VM `web01`) |
| VMBus: two IDE controllers (00000000-0000-8899-…, 00000000-0001-8899-…) bound to hv_storvsc on CPUs 0 and 1 | CAP-LSVMBUS (Gen1 Azure: IDE relids 2/3, target CPUs 0/1) |
| VMBus: RDV, AVMA1, AVMA2 offered, no driver (state 0, ring attributes EINVAL) | the WS2016 syslog (search index id 41887616674) shows these three classes offered; k6.1 treats them as unsupported (no "Unknown GUID" line) |
| NIC 4 channels, SCSI without sub-channels | driver defaults for 4 CPUs |
""",
    "ws2019-phantom-cpus": """\
# ws2019-phantom-cpus — provenance

Models an on-premises **Windows Server 2019** Hyper-V host (build 17763), Generation 2 Debian 12
guest (6.1.0-37-amd64) with **4 present CPUs and 4 phantom hot-add CPUs**: ACPI describes 8
processors, Linux counts 4 as hot-pluggable (possible 0-7, present 0-3, online 0-3, offline 4-7)
although Hyper-V can never add them (ref §6.3). VMBus 5.2. Captured without root.

## Sources

| value | source |
| --- | --- |
| possible > present on WS2019 | ref §6.3 (Documentation/virt/hyperv/overview.rst, CPU Management) |
| `smpboot: Allowing 8 CPUs, 4 hotplug CPUs` | k6.1:arch/x86/kernel/smpboot.c prefill_possible_map() format |
| no `cpu4`..`cpu7` directories | k6.1:arch/x86/kernel/topology.c registers present CPUs only |
| `offline` = `4-7` | k6.1:drivers/base/cpu.c (possible & ~online) |
| build 17763 | ref §8; service number 6054 modelled |
| VMBus 5.2 | ref §5.1 (WS2019 ↔ 5.2) |
| 0x40000003/4 words | modelled: as ws2016-gen1 plus EDX[20:21] (VSM registers); hints with deprecate-AEOI and NoNonArchCoreSharing (APICv host) |
| CPU Cascade Lake 0x50657, 2 cores x 2 threads | modelled |
| DMI `Hyper-V UEFI Release v4.0` 12/17/2019 | several WS2019-era oops lines in the search index |
| VMBus: no channel targets CPUs 4–7 | init_vp_index() walks online CPUs only |
""",
    "wsl2-26100": """\
# wsl2-26100 — provenance

Models **WSL2** on Windows 11 24H2 (host build 26100) with the Microsoft kernel
6.6.87.2-microsoft-standard-WSL2, 12 logical CPUs (Intel Core i5-1334U), VMBus 5.3, GPU
paravirtualisation (dxgkrnl). Almost every value is from one real boot log (CAP-WSL).

## Sources

| value | source |
| --- | --- |
| privilege words 0xae7f / 0x3b8030, hints 0x9a4e24, misc 0xe0bed7b2 | CAP-WSL |
| 0x40000003 ECX 0x42 | a 6.15+ WSL boot on a 26100 client (`ext 0x42`, search index id 57853318359) |
| Host Build 10.0.26100.7920-7-0, printed late (6.6 prints it from hv_common_init()) | CAP-WSL |
| Nested 0x3e0101, LAPIC 0xc3500, TSC 2495.999 MHz | CAP-WSL |
| both `hyperv_clocksource_tsc_page` and `hyperv_clocksource_msr` registered; switch to `tsc` | CAP-WSL (6.6 behaviour) |
| `Disabling IBT because of Hyper-V bug` | CAP-WSL (Raptor Lake has IBT) |
| Unknown GUIDs 6e382d18-… and dde9cbc0-… | CAP-WSL; they are dxgkrnl's HV_GPUP_DXGK_VGPU_GUID / HV_GPUP_DXGK_GLOBAL_GUID (WSL kernel dxgkrnl sources in the search index) |
| vPCI instances c4b741f5-…, cafd55ca-…, 6d259806-…, storvsc fd1d2cbd-…, netvsc 1007e2cb-… | CAP-WSL |
| only TimeSync among the IC services, Dynamic Memory 2.0 | CAP-WSL |
| no DMI (`DMI not present or invalid.`), no UEFI | CAP-WSL |
| `/proc/cmdline` | CAP-WSL `Command line:` |
| leaf 1 signature 0xb06a3, APIC IDs 0–11 | CAP-WSL (`family: 0x6, model: 0xba, stepping: 0x3`, SRAT) |
| leaf 0 max 0x1f, leaf 1 ECX/EDX, 0x40000004 EBX/ECX, 0x40000005/6, max leaf 0x4000000C | modelled |
| max_version 327683 | 6.6 has no VMBus 6.0 (ref §5.1) |
| no kernel config | WSL loads its kernel from the Windows side (no `/boot/config-*`); `/proc/config.gz` needs CONFIG_IKCONFIG_PROC, set in microsoft/WSL2-Linux-Kernel's config-wsl for 5.15 (commit c36adc7c) but not in its 6.18 version (commit 03490834): unconfirmed for 6.6, modelled as absent |
| `sys/module/{hv_storvsc,hv_netvsc,hv_balloon,hv_utils}/parameters` without `initstate` | modelled: drivers built in (CAP-WSL registers them at 0.21–0.30 s, before user space); built-in code appears in /sys/module only with parameters (k6.1:kernel/params.c); `hv_utils.timesync_implicit=1` is on the CAP-WSL command line |
| VMBus: dxgkrnl devices (device 0x10, driver `dxgkrnl`), two hv_sock services (vsock ports 50000/50001, class `0000c350-facb-11e6-bd58-64006a7986d3` per ref §3.7), no keyboard/heartbeat/shutdown/KVP | CAP-WSL shows which drivers probe; relids, the dxgkrnl/hv_sock instance GUIDs and ports modelled |
""",
    "azure-snp-cvm": """\
# azure-snp-cvm — provenance

Models an Azure **confidential VM** (DCasv5-like, 4 vCPUs, AMD EPYC 7763v) using **AMD SEV-SNP
with a paravisor**: 0x40000003 EBX[22] (isolation) set, 0x4000000C EAX = 0x1 (paravisor present),
EBX = 0xba2 (isolation type 2 = SNP, shared-GPA boundary active, boundary bit 46). VMBus 5.3
(isolated VMs need ≥ 5.2); only the VMBus classes 6.1 allows in an isolated VM are offered
(SCSI, NIC, time sync, heartbeat, shutdown; ref §4 "CVM" column). Captured as root.

## Sources

| value | source |
| --- | --- |
| `Hyper-V: Isolation Config: Group A 0x1, Group B 0xba2` | CAP-LISA (the value Microsoft's CVM test suite expects on SNP with paravisor) |
| allowed classes | k6.1:drivers/hv/channel_mgmt.c `allowed_in_isolated`; CAP-LISA's older allowed-class list is the same set |
| EBX[22] | ref §1.4.2 / §1.11 |
| host build 22621 | ref §8 ("Azure confidential-VM hosts have been seen reporting 22621"); service numbers modelled |
| other privilege/hint words | CAP-CS (an AMD EPYC 7763 Azure VM) with EBX[22] added — modelled |
| VS leaves 0x40000080–82 | ref §1.12: answered by the virtualization stack / paravisor (openvmm); properties 0 modelled |
| kernel release 6.1 cloud | modelled so that every line uses the 6.1 formats (Azure's CVM images are usually Ubuntu linux-azure) |
| TSC 2445.432 MHz | CAP-CS (EPYC 7763 host) |
| VMBus: heartbeat, shutdown, time sync, one NIC (4 channels), one SCSI controller | allowed classes above; no KVP, VSS, balloon, video, input or vPCI in a 6.1 isolated guest |
""",
    "azure-arm64": """\
# azure-arm64 — provenance

Models an Azure **Dpsv5** (arm64, Ampere Altra, 4 vCPUs) VM with the Debian 12 cloud-arm64
kernel 6.1.0-37-cloud-arm64. There is **no `cpuid.txt`**: arm64 has no CPUID; the privilege,
hints and misc words exist only in the kernel log, and `misc` uses the **arm64 layout** of
HvRegisterPrivilegesAndFeaturesInfo word c (ref §1.13). Captured as root.

## Sources

| value | source |
| --- | --- |
| line formats | k6.1:arch/arm64/hyperv/mshyperv.c (4-field `0x%x` privilege line, `Host Build %d.%d.%d.%d-%d-%d`), ref §7.2 |
| Host Build 10.0.22477.1061-1-0 | observed on Hyper-V/ARM, quoted in the linux-hyperv thread "[PATCH] arm64: hyperv: make the format of 'Hyper-V: Host Build' output match x86" (2022-03-04; not merged, 6.1 keeps this format) |
| low 0x26f, high 0x388030, hints 0xe, misc 0x108 | modelled: x86-meaningful privilege bits dropped; hints = relaxed timing, cluster IPI, ExProcessorMasks (arm64 word a bits 1–3); misc = guest idle (bit 3) + crash registers (bit 8 → `enabling crash_kexec_post_notifiers`) |
| clocksource `arch_sys_counter` only | ref §7.2 (no Hyper-V clocksource on arm64); 25 MHz timer modelled |
| `cpu0/online` present | k6.1:arch/arm64/kernel/setup.c: hotpluggable = cpu_can_disable() (PSCI) for every CPU |
| `hv_balloon: Memory hot add disabled on ARM64` | k6.1:drivers/hv/hv_balloon.c; order as in an arm64 Hyper-V boot log (search index id 17126547077) |
| `/proc/interrupts` | k6.1:arch/arm64/kernel/smp.c arch_show_interrupts(); VMBus PPI number modelled |
| VMBus 5.3 | modelled |
| VMBus devices: DM, heartbeat, KVP, shutdown, time sync, NIC (4 channels), two SCSI, vPCI; no keyboard/mouse/video | modelled |
| `boot/config-6.1.0-37-cloud-arm64` | modelled: Debian's cloud-arm64 config is not at hand; the cloud-amd64 lines without the x86-only options (X86_MSR, X86_CPUID, HYPERV_TIMER, HYPERV_IOMMU) |
""",
    "kvm-guest": """\
# kvm-guest — provenance

Models a **KVM/QEMU** guest (q35 machine, SeaBIOS, `-cpu host` on an AMD EPYC 9004 host), Debian
12 generic kernel, 2 vCPUs. No Hyper-V: 0x40000000 is `KVMKVMKVM\\0\\0\\0` with max leaf
0x40000001, and there is no `/sys/bus/vmbus`.

## Sources

| value | source |
| --- | --- |
| leaves 0x0, 0x1 (both CPUs), 0x40000000, 0x40000001, 0x40000100 | CAP-KVM: real `cpuid -r` of the KVM guest that generated these fixtures (Firecracker/KVM on AMD family 0x19 model 0x11); `cpuid -r` probes 0x40000100 and prints it as zeros |
| kernel.log formats | k6.1:arch/x86/kernel/kvm.c (`kvm-guest: ` prefix), kvmclock.c; order as in CAP-KVM's dmesg |
| kvm-clock stays current | QEMU `-cpu host` does not pass invtsc by default, so kvm-clock (rating 400) beats tsc (300) — modelled |
| `HYP` line | k6.1:arch/x86/kernel/kvm.c allocates HYPERVISOR_CALLBACK_VECTOR for async page faults (real: CAP-KVM /proc/interrupts) |
| DMI | modelled QEMU q35 defaults and Debian 12 SeaBIOS strings |
""",
    "bare-metal": """\
# bare-metal — provenance

Models a **bare-metal** Intel Ice Lake-SP server (Supermicro, Debian 12 generic kernel) booted
with `nr_cpus=8`: CPUID.1:ECX[31] = 0, no hypervisor leaves at all, no VMBus, no Hyper-V lines.
Captured without root.

## Sources

| value | source |
| --- | --- |
| leaf 1 EAX 0x606a6, ECX 0x7ffefbf7 (bit 31 clear), EDX 0xbfebfbff, EBX count field 0x80 | CAP-ICX (`cpuid -l 1 -1 -r` on a bare-metal Xeon Platinum 8378A host) |
| APIC IDs 0, 2, …, 14 for CPUs 0–7 | modelled (first eight MADT entries of socket 0 with SMT) |
| leaf 0 max 0x1b | modelled (Ice Lake-SP) |
| clocksources tsc/hpet/acpi_pm | modelled; lines computed with the kernel arithmetic |
| DMI (Supermicro SYS-120U-TNR, AMI Aptio) | modelled |
""",
    "kvm-hyperv-imitation": """\
# kvm-hyperv-imitation — provenance

Models a **KVM/QEMU guest with QEMU's Hyper-V enlightenments**
(`-cpu host,hv-relaxed,hv-vapic,hv-spinlocks=0x1fff,hv-vpindex,hv-runtime,hv-time,hv-synic,hv-stimer,hv-reset,hv-frequencies,hv-tlbflush,hv-ipi`):
0x40000000 says "Microsoft Hv", the KVM signature moves to 0x40000100. Linux 6.1 still prints
**`Hypervisor detected: KVM`**: k6.1:arch/x86/kernel/cpu/hypervisor.c keeps the hypervisor whose
detect() returns the highest value — ms_hyperv_platform() returns 0x40000000, kvm_detect()
returns the KVM CPUID base 0x40000100 — so ms_hyperv_init_platform() never runs: no
`Hyper-V: privilege flags` line, no VMBus. (ms_hyperv_platform() prints no warning because
EAX[5] and EAX[6] are set.) The reference's caveat (ref §1.1) is exactly this case.

## Sources

| value | source |
| --- | --- |
| max leaf 0x40000005 (no hv-evmcs / hv-emsr-bitmap / hv-tlbflush-direct) | qemu:target/i386/kvm/kvm.c hyperv_fill_cpuids() |
| 0x40000002 = 0x3839 / 0x000a0000 / 0 / 0 (14393, 10.0) | QEMU ≥ 6.2 default, commit "i386: Change the default Hyper-V version to match WS2016" (qemu:target/i386/cpu.c hv-version-id-*) |
| 0x40000003 EAX 0xaff, EBX 0x30, EDX 0x108 | kvm_hyperv_properties[] bits per flag + HV_HYPERCALL_AVAILABLE always + POST_MESSAGES/SIGNAL_EVENTS with SynIC + CPU_DYNAMIC_PARTITIONING always |
| 0x40000004 EAX 0xc2c, EBX 0x1fff | hv-relaxed, hv-tlbflush, hv-ipi, hv-vapic without hv-avic (APIC_ACCESS_RECOMMENDED); hv-spinlocks=0x1fff |
| 0x40000005 EAX 0xffffffff, EBX 64 | x-hv-max-vps default -1, hyperv_limits[0] = 64 (qemu:target/i386/cpu.c) |
| 0x40000100 = 0x40000101 + "KVMKVMKVM", 0x40000101 EAX | qemu kvm.c (kvm_base = KVM_CPUID_SIGNATURE_NEXT); feature word from CAP-KVM |
| leaves 0x0/0x1 | CAP-KVM (same host CPU as kvm-guest) |
| A guest with `kvm=off` would instead print "Hypervisor detected: Microsoft Hyper-V" (seen on the KVM list with words low 0x2aff, high 0x830, hints 0x4e2c, misc 0x80d12, build 14393-10.0-0-0.0) — not modelled here | KVM mailing-list thread in the search index (id 45770733449) |
""",
    "pasted-log": """\
# pasted-log — provenance

A **partial snapshot** made from a customer's pasted log: only `hvctl-snapshot.json` (x86_64)
and `kernel.log`. The log is a syslog excerpt (`Mar  3 09:14:07 web01 kernel: [ …] …`) from a
Debian 10 guest (4.19.0-27-amd64) on **Windows Server 2012 R2** (build 9600, 6.3) with VMBus 3.0,
and the mail client **wrapped the features line** after `hints 0x2c,` (the continuation
`misc 0xd7b2` starts a line of its own, without a syslog prefix).

## Sources

| value | source |
| --- | --- |
| `Hyper-V: features 0x%x, hints 0x%x, misc 0x%x` | ref §7.3 (pre-`privilege flags` mshyperv.c) |
| `Hyper-V Host Build:9600-6.3-0-0.19537` | ref §7.3 format (build-major.minor-sp-branch.number); service number modelled |
| build 9600 = 6.3 = WS2012 R2 | ref §8 |
| VMBus 3.0 | ref §5.1 (WIN8_1) |
| features 0xe7f, hints 0x2c, misc 0xd7b2 | modelled (2012 R2: reference TSC page, no frequency MSRs → no LAPIC line) |
| TimeSync 3.0, Dynamic Memory 1.0 | modelled (TimeSync 4.0 and DM 2.0 arrived with WS2016, k6.1 hv_util.c / hv_balloon.c version lists) |
| syslog prefix `Mon dd hh:mm:ss host kernel: [stamp]` | as in real Debian syslog pastes in the search index |
| driver name `hv_util` | as printed by older kernels (WS2016 syslog in the search index); modelled for 4.19 |
""",
    "azure-degraded": """\
# azure-degraded — provenance

The **azure-d8ds-v5 VM a day later**, after three things went wrong — the fixture `hvctl health`
must fail (issue 6: a fixture that fails each check). Same host (build 20348), CPUID words, DMI,
VMBus 5.3 and kernel as azure-d8ds-v5 (its PROVENANCE.md cites them); what differs:

| state | where | source / why realistic |
| --- | --- | --- |
| Dynamic Memory device offered but **unbound**, no `drivers/hv_balloon`, no `registering driver hv_balloon` line, state 0 and ring attributes `EINVAL` | `1eccfd72-…` | `blacklist hv_balloon` in /etc/modprobe.d (modelled); an unbound device never opens its channel (k6.1 `hv_ringbuffer_get_debuginfo()` → EINVAL, ref §3.2). Fails `vmbus.devices_bound` |
| NIC sub-channels 15, 16, 17, 19, 20, 21 and SCSI sub-channels 13, 14 on **CPU 1**; CPUs 2-7 carry no channel | `channels/<relid>/cpu` | `hvctl cpu evacuate 2-7 --apply` before offlining CPUs 2-7 for maintenance; the CPUs came back (log: `smpboot: CPU N is now offline`, `Booting Node 0 Processor N`) but nothing moved the channels back — 6.1 never re-spreads them (ref §6.2: assignment happens once, at offer time). Fails `channels.balance` (10 of 12 performance channels on CPU 1, an even spread gives 2) |
| NIC sub-channel 17: `out_full_first` 37, `out_full_total` 1843, `write_avail` 20480 of 520192 (96% full) | `000d3a7c-…/channels/17` | ref §3.3 attributes; the counters grow in k6.1:drivers/hv/ring_buffer.c `hv_ringbuffer_write()` when a write finds the ring full; values modelled. Fails `rings.full` |
| three `hv_storvsc <GUID>: tag#N cmd 0x2a status: scsi 0x2 srb 0x4 hv 0xc0000001` lines | kernel.log | format string of k6.1:drivers/scsi/storvsc_drv.c `storvsc_handle_error()` (error level for any command but TEST_UNIT_READY): WRITE(10), CHECK CONDITION, SRB_STATUS_ERROR, STATUS_UNSUCCESSFUL — values modelled. `kernel_log.errors` warns |

Everything else (clock source `tsc` with TSC invariant control, the reference TSC page, CRASH_CTL
CrashNotify | CrashMessage, no phantom CPUs, every channel on an online CPU) is healthy, so each of
those checks passes here too. Captured without root (DMI serials `EACCES`), MSRs read with sudo.
""",
    "ws2019-no-hv-kernel": """\
# ws2019-no-hv-kernel — provenance

The WS2019 host of `ws2019-phantom-cpus` (same CPUID words, `ws2019_words()`; no phantom CPUs here)
running an **appliance kernel built without `CONFIG_HYPERV`** (6.1.90, `uname -r` modelled): Linux
still detects Hyper-V, but none of its Hyper-V support is there. The fixture `hvctl health` must
fail for `vmbus.version`, `clocksource` and `reference_tsc.enabled`.

| value | source |
| --- | --- |
| log: `Hypervisor detected`, `privilege flags`, `Host Build`, `Nested features`, `LAPIC Timer Frequency`, `tsc: Marking TSC unstable due to running on Hyper-V` | k6.1:arch/x86/kernel/cpu/mshyperv.c is built with `CONFIG_HYPERVISOR_GUEST` (arch/x86/kernel/cpu/Makefile) and prints these outside its `IS_ENABLED(CONFIG_HYPERV)` blocks; EAX[15] clear → TSC unstable (ref §2.2) |
| no TSC page clocksource line, no `hv_vmbus` lines, no crash notifier or PV spinlock line | `hyperv_init()` (arch/x86/hyperv), drivers/clocksource/hyperv_timer.c, drivers/hv are built only with `CONFIG_HYPERV` |
| clocksource `acpi_pm`, the only one available | an unstable TSC is never registered (k6.1:arch/x86/kernel/tsc.c `init_tsc_clocksource()`), and there is no Hyper-V clock; Hyper-V VMs have the ACPI PM timer (ref fixtures) |
| no `sys/bus/vmbus`, no `sys/module/hv_vmbus` | no VMBus driver |
| `/proc/interrupts` without a HYP line | HYPERVISOR_CALLBACK_VECTOR is allocated by the Hyper-V code only (k6.1:arch/x86/kernel/irq.c prints HYP when the vector is in use) |
| DMI Gen2 WS2019 shape, asset tag invented | as ws2019-phantom-cpus |
""",
    "pasted-log-ws2008r2": """\
# pasted-log-ws2008r2 — provenance

A **partial snapshot** (`hvctl-snapshot.json` and `kernel.log`) of a pasted `dmesg` from a Debian 12
guest (6.1.0-37-amd64) that was moved to a **Windows Server 2008 R2** Hyper-V host: the host is older
than anything Linux supports, and 6.1 cannot connect VMBus. The fixture fails `host.supported` and
`vmbus.version`; `kernel_log.errors` warns.

| value | source |
| --- | --- |
| `Hyper-V: Host Build 6.1.7601.24545-1-0` | 6.1 format (ref §1.3); 7601 = WS2008 R2 SP1, 6.1 (ref §8, third-party only: "6.1.760x"); service number modelled |
| privilege flags low 0x7f, high 0x30, hints 0x2c, misc 0x0 | modelled for a 2008 R2 hypervisor: no reference TSC page (EAX[9]), frequency or crash MSRs |
| `clocksource: hyperv_clocksource_msr: …`, `Switched to clocksource hyperv_clocksource_msr` | ref §7.1: the MSR clocksource when EAX[9] is clear and EAX[1] set |
| `hv_vmbus: Unable to connect to host` | ref §5.2, k6.1:drivers/hv/connection.c: 6.1 tries 5.3 … 2.4; WS2008 R2 speaks VMBus 1.1 (VERSION_WIN7, ref §5.1), which 6.1 does not offer |
""",
    "vmbus-broken": """\
# vmbus-broken — provenance

A **broken tree** for the reader's robustness tests (issue 3, "Bad input and races"). The machine is
the modelled WS2019 guest of `ws2019-phantom-cpus` (same CPUID words, boot log, DMI shape, VMBus
5.2, Debian 12 6.1.0-37-amd64) with 4 present CPUs and no phantom ones, **CPU 2 taken offline**
after boot, an hv_sock connection, a device of a class Linux does not know — and one instance of
every defect hvctl must survive without aborting a listing. Captured without root (DMI serials
`EACCES`). Each defect, where it sits, and why a real snapshot can contain it:

| # | defect | where | realistic because |
| --- | --- | --- | --- |
| 1 | `class_id` missing | heartbeat `fd149e91-…` | `class_id_show()` returns ENODEV while a device is being torn down (k6.1:drivers/hv/vmbus_drv.c, ref §3.2); a snapshot assembled with `cp -r` reports the failed file and carries on, so the file is simply absent and no `unreadable` entry records why |
| 2 | `id` = `abc\\n` | VSS `c2a7f0e4-…` | the kernel prints `%d`; garbage here comes from a hand-edited or damaged snapshot, which snapshot-format.md says a reader must never trust |
| 3 | `numa_node` = two NUL bytes | KVP `242ff919-…` | the classic zero-filled file after a crash: the size of `0\\n` reached the disk, its data did not (delayed allocation on ext4/XFS) |
| 4 | `channels/13/cpu` empty | NIC `4e8b2d71-…` sub-channel 13 | a copy that created the file and then failed (ENOSPC, interrupted transfer); the kernel never prints an empty `cpu` |
| 5 | `channel_vp_mapping` ends in `14:` (no CPU, no newline) | NIC `4e8b2d71-…` | the exact form of the kernel's own truncation: `channel_vp_mapping_show()` stops writing with `scnprintf()` when the page is full, cutting the last line (ref §3.2 "truncated at one page"); a 4-channel NIC only shows it after damage |
| 6 | channel 12 targets CPU 2, which `cpu/online` shows offline (`online` = `0-1,3`, `cpu2/online` = `0`) | NIC `4e8b2d71-…` sub-channel 12 | 6.1 refuses to offline a CPU a channel targets (EBUSY, ref §6.1) — but a capture is not atomic: `channels/*/cpu` read before, `cpu/online` after an operator re-targeted the channel and offlined CPU 2 (the kernel log ends with `smpboot: CPU 2 is now offline`). hvctl must flag the channel, not trust either file blindly |
| 7 | `channels/11/interrupts` = `99999999999999999999999` | SCSI `a3f61c08-…` primary | larger than any `%llu`; only a hand edit produces it (someone testing an alert), which is also where #8 comes from |
| 8 | `channels/11.orig/` (a copy of channel 11 with the original values) | SCSI `a3f61c08-…` | `vmbus_add_channel_kobj()` names channel directories `%u`; a non-numeric entry is the backup a hand-editor leaves (`cp -a 11 11.orig`) |
| 9 | `channels/7/interrupts` unreadable, `EACCES` in the manifest | shutdown `b6650ff7-…` | every 6.1 VMBus attribute is 0444 (channel `cpu` 0644), so this is not the missing-root case: it models a capture confined by an LSM (SELinux/AppArmor) or a container runtime that denies part of sysfs; the capture records it the way it records the DMI serials |
| 10 | ring attributes unreadable, `EINVAL` in the manifest (device `in_*`/`out_*` and channel `in_mask`, `out_mask`, `read_avail`, `write_avail`) | unknown-class device `0b7d3e52-…`, channel 15 | no driver binds the class, so the channel is never opened and `hv_ringbuffer_get_debuginfo()` / the channel ring show routines return EINVAL (ref §3.2/§3.3); recorded exactly as azure-d8ds-v5 records its unopened channels |
| 11 | class `8b60ccf6-709f-4c11-90b5-229c959a9e6a` (unknown to 6.1, `device` = 0x10, `hv_vmbus: Unknown GUID:` in the log) | `0b7d3e52-…` | openvmm's VMBus serial UART interface (ref §4, "special environments"; **whether Hyper-V offers it to an ordinary guest is unconfirmed**) — stands for any class a newer host offers that the kernel does not know; hvctl must show it by GUID |
| 12 | hv_sock device, class `00000016-facb-11e6-bd58-64006a7986d3` | `d85c1a3e-…`, driver `hv_sock` | ref §3.7: each AF_VSOCK connection is a device whose class is the service GUID `<port>-facb-11e6-bd58-64006a7986d3`; port 22 (an ssh connection over vsock) modelled |
| 13 | `sys/bus/vmbus/devices/6f2e9b04-…` is a dangling link | a second NIC | the host rescinded it (Gen2 network adapters can be hot-removed) between the capture's listing of `devices/` and its copy of the device directory; in sysfs the link and the directory vanish together, a capture can keep the link |

## Sources

| value | source |
| --- | --- |
| CPUID words, host build 17763, boot log, DMI shape | as ws2019-phantom-cpus (`ws2019_words()`, `ws2019_log()` in generate.py) |
| `smpboot: Allowing 4 CPUs, 0 hotplug CPUs` | k6.1:arch/x86/kernel/smpboot.c; possible = present = 0-3 (ref §6.3: WS2019 *may* describe phantom CPUs; this VM's ACPI does not) |
| `smpboot: CPU 2 is now offline` | k6.1:arch/x86/kernel/smpboot.c native_cpu_die() |
| `hv_vmbus: Unknown GUID: …` | k6.1:drivers/hv/channel_mgmt.c hv_get_dev_type() |
| `hv_vmbus: registering driver hv_sock` | k6.1:drivers/hv/vmbus_drv.c __vmbus_driver_register(); hv_sock is loaded on first use |
| cpuid.txt has blocks for CPUs 0, 1, 3 | snapshot-format.md: one block per online CPU |
| channel placement 10/12/13/14 → CPUs 0/2/3/1, SCSI 11 → 1 | init_vp_index() at boot with all four CPUs online (simulated in generate.py, asserted before the defects are applied) |
| no `proc/interrupts` | optional in snapshot-format.md; not needed by the VMBus tests |
""",
}


def register_table(per_cpu):
    """Markdown table of the hypervisor leaves (CPU 0) and leaf 0/1, for PROVENANCE.md."""
    rows = ["| leaf | eax | ebx | ecx | edx |", "| --- | --- | --- | --- | --- |"]
    for (leaf, _sub), regs in sorted(per_cpu[0].items()):
        rows.append("| 0x%08x | 0x%08x | 0x%08x | 0x%08x | 0x%08x |" % ((leaf,) + tuple(regs)))
    return "\n".join(rows) + "\n"


MSR_PROVENANCE = {
    "azure-d8ds-v5": """\
## Synthetic MSRs (`msr/cpu0.txt` … `msr/cpu7.txt`)

A healthy Debian 6.1 guest, every MSR of ref §2.2 read on every CPU (read with sudo after
`modprobe msr`; the rest of the capture is unprivileged). GUEST_IDLE (0x400000F0) and the other MSRs
ref §2.1 marks unsafe are never read.

| MSR | value | source |
| --- | --- | --- |
| GUEST_OS_ID | `0x8100000601c00000` = 0x8100 << 48 \\| LINUX_VERSION_CODE(6.1.192) << 16 | ref §2.2 (its worked example), k6.1:include/asm-generic/mshyperv.h hv_generate_guest_id(); 6.1.192 is the reference's Debian baseline (ref §0) — Debian's `uname -r` `6.1.0-37` does not carry the sublevel, so the pairing with ABI 37 is modelled |
| HYPERCALL, REFERENCE_TSC, VP_ASSIST_PAGE, SIMP, SIEFP | bit 0 set, page addresses modelled (per-CPU pages differ per CPU) | ref §2.3; k6.1:arch/x86/hyperv/hv_init.c, drivers/clocksource/hyperv_timer.c, drivers/hv/hv.c |
| VP_INDEX | = CPU number | modelled (ref §6.4: not so in general) |
| VP_RUNTIME, TIME_REF_COUNT | 100 ns units; partition up 2 h 17 min, reads ~37 µs apart | modelled |
| TSC_FREQUENCY | 2793437512 Hz | modelled, consistent with `tsc: Detected 2793.437 MHz` (tsc_khz = TSC_FREQUENCY / 1000) |
| APIC_FREQUENCY | 200000000 Hz = LAPIC 0xc3500 per jiffy × CONFIG_HZ 250 | ref §2.2 (the log prints the MSR / HZ) |
| SCONTROL, SVERSION | 1, 1 | ref §2.2/§2.3 |
| SINT2 | `0xf3` \\| auto-EOI = `0x200f3` (hints 0x140c2c: bit 9 clear) | ref §2.3, k6.1:drivers/hv/hv.c hv_synic_enable_regs() |
| other SINTs | `0x10000` (reset value, masked) | ref §2.2 |
| STIMER0_CONFIG | `0x1ed9` (EDX[19] set: direct mode, vector 0xed); CPU 5 reads `0x1ed8`: its one-shot expired and is not yet re-armed | ref §2.3, k6.1:drivers/clocksource/hyperv_timer.c hv_ce_set_oneshot() |
| STIMER0_COUNT | absolute expiry within one 4 ms jiffy of now | modelled |
| STIMER1-3 | 0 | ref §2.3 (Linux only uses timer 0) |
| CRASH_P0-P4, CRASH_CTL | 0; `0xc000000000000000` (CrashNotify \\| CrashMessage capabilities) | ref §2.2; capability value modelled |
| REENLIGHTENMENT_CONTROL, TSC_EMULATION_* | 0 (no nested hypervisor) | ref §2.2 |
| TSC_INVARIANT_CONTROL | 1 (EAX[15] set) | ref §2.3, k6.1:arch/x86/kernel/cpu/mshyperv.c |
""",
    "ws2016-gen1": """\
## Synthetic MSRs (`msr/cpu0.txt` … `msr/cpu3.txt`)

A healthy 6.1 guest on a partition **without TSC invariant control** (0x40000003 EAX 0x2e7f: bit 15
clear). The capture read every MSR of ref §2.2 (never GUEST_IDLE or the other unsafe ones):

| MSR | value | source |
| --- | --- | --- |
| TSC_INVARIANT_CONTROL | `EIO`: not granted, the read raised #GP | ref §2.1 (gate EAX[15]), §9 (#GP → EIO); `hvctl msr` reports it `not_granted` without reading it unless `--force` |
| GUEST_OS_ID | `0x8100000601c00000` (6.1.192) | as azure-d8ds-v5 |
| SINT2 | `0x200f3` (hints 0xc2c: bit 9 clear → auto-EOI) | ref §2.3 |
| STIMER0_CONFIG | `0x1ed9` (EDX 0x0ed7b2: bit 19 set) | ref §2.3 |
| APIC_FREQUENCY | 500000000 Hz = 0x1e8480 × 250 | ref §2.2 |
| CRASH_CTL | `0x8000000000000000`: CrashNotify only | modelled (no source says which WS2016 builds offer CrashMessage) |
| REFERENCE_TSC enabled | clocksource `hyperv_clocksource_tsc_page` | ref §2.3 |
| page addresses, run times, uptime 6 d 3 h, TSC 2394455100 Hz | modelled (TSC consistent with `Detected 2394.455 MHz`) |
""",
    "ws2019-phantom-cpus": """\
## Synthetic MSRs (`msr/cpu0.txt` … `msr/cpu3.txt`)

Captured **without root** while the msr module was loaded: each `/dev/cpu/N/msr` (one per online
CPU, mode 0600 root) refused the open with `EACCES` (ref §9), so every line is `EACCES`.
""",
    "azure-snp-cvm": """\
## Synthetic MSRs (`msr/cpu0.txt` … `msr/cpu3.txt`)

Read as root; in this isolated VM the paravisor answers the guest's reads of synthetic MSRs, so
they may show its copies (ref §2.3 — hvctl does not judge the SynIC values here). Every value is a
healthy 6.1 guest's (as azure-d8ds-v5) except:

| MSR | value | source |
| --- | --- | --- |
| CRASH_CTL | `0x0000000000000000`: no crash capability | openvmm PR #2822 "virt_mshv_vtl: Report all crash_ctl bits as supported" (merged 2026-02-20): until then OpenHCL reported no crash_ctl bit as supported ("they were just always 0"). EDX[10] is set (openvmm PR #1308 set GuestCrashRegsAvailable for CVMs). Fails `msr.crash_enabled` |
| uptime 19 h, TSC 2445432000 Hz, page addresses | modelled (TSC consistent with `Detected 2445.432 MHz`) |
""",
    "azure-degraded": """\
## Synthetic MSRs (`msr/cpu0.txt` … `msr/cpu7.txt`)

A healthy 6.1 guest's values, as azure-d8ds-v5 (read with sudo after `modprobe msr`); page
addresses and run times modelled with another seed.
""",
    "ws2019-no-hv-kernel": """\
## Synthetic MSRs (`msr/cpu0.txt` … `msr/cpu3.txt`)

Read as root after `modprobe msr`. The kernel never wrote a synthetic MSR, so each writable one
holds its reset value: GUEST_OS_ID 0 (TLFS: it starts at zero; ref §2.2), HYPERCALL, REFERENCE_TSC,
VP_ASSIST_PAGE, SCONTROL, SIEFP, SIMP, STIMERs 0, SINTn `0x10000` (masked, ref §2.2). The read-only
ones are the hypervisor's: VP_INDEX, VP_RUNTIME, TIME_REF_COUNT, TSC/APIC_FREQUENCY, SVERSION 1,
CRASH_CTL `0x8000000000000000` (as ws2016-gen1, modelled). TSC_INVARIANT_CONTROL is `EIO` (EAX[15]
not granted). REFERENCE_TSC 0 fails `reference_tsc.enabled`.
""",
    "vmbus-broken": """\
## Synthetic MSRs (`msr/cpu0.txt`, `cpu1.txt`, `cpu3.txt`)

Captured without root and **without the msr module** (`CONFIG_X86_MSR=m` in Debian, loaded by
nothing): no `/dev/cpu/N/msr` exists, so every read is `ENOENT` (ref §9). CPU 2 is offline and has no
file.
""",
}


def provenance(name, per_cpu, snap):
    text = PROVENANCE[name]
    if name in MSR_PROVENANCE:
        text += "\n" + MSR_PROVENANCE[name]
    if per_cpu:
        text += "\n## CPUID registers (CPU 0; leaf 1 EBX[31:24] is each CPU's APIC ID)\n\n" + register_table(per_cpu)
    text += "\n" + COMMON_SOURCES
    if any(p.startswith("sys/bus/vmbus/") for p in snap.listing()):
        text += "\n" + VMBUS_SOURCES
    listed = [p for p in snap.listing() if p != "PROVENANCE.md" and "/channels/" not in p
              and not p.startswith("sys/devices/LNXSYSTM")]
    text += "\n## Files\n\n(VMBus device directories are listed by their `sys/bus/vmbus/devices/` links; "
    text += "each holds the attributes and `channels/` described above.)\n\n"
    text += "".join("- `%s`\n" % p for p in listed)
    return text


# ============================================================================================
# sos reports (issue 17): the same machines as sos 4.4 (Debian 12's sosreport package) writes them
# ============================================================================================
#
# src (sos layout): sos 4.x source, sos/report/plugins/__init__.py and sos/archive.py, as
# remembered (no search tool this round; say so in PROVENANCE). Files are copied at their machine
# paths; a path through a symbolic link gets that link, stored with its relative target, and the
# link's target directory (FileCacheArchive._make_leading_paths), so sys/bus/vmbus/devices/<guid>
# is a link into sys/devices/... exactly as hvctl's capture keeps it. Command output goes to
# sos_commands/<plugin>/<command line with spaces as "_">; a few get a top-level link
# (root_symlink: uname, hostname, lsmod).

SOS_VERSION = "4.4"                               # modelled: Debian 12's sosreport package, 4.4-x
SOS_LEAVES_OUT = ("hvctl-snapshot.json", "cpuid.txt", "kernel.log", "PROVENANCE.md")
# sos runs as root: the 0400 DMI files hvctl's non-root capture could not read are there.
# modelled values: Azure's serials are 0000-000x-... strings, product_uuid is the VM ID.
SOS_ROOT_DMI = {
    "azure-d8ds-v5": {"board_serial": "0000-0013-5072-3958-2916-8811-28\n",
                      "chassis_serial": "0000-0014-3409-6582-3561-9017-79\n",
                      "product_serial": "0000-0009-0276-1582-6427-0432-46\n",
                      "product_uuid": "6b1e2c5d-93a4-4f7e-8d21-0c5a7e9b3f14\n"},
}


def sos_uname(snap_name, release):
    # src: GNU coreutils uname -a order (-s -n -r -v -m, then -p -i only when known: Debian
    # prints neither), -v of Debian's 6.1.0-37 kernels ("#1 SMP PREEMPT_DYNAMIC Debian
    # 6.1.140-1 (2025-05-22)"; modelled: the exact stamp of -37 is not at hand)
    machine = "aarch64" if release.endswith("arm64") else "x86_64"
    preempt = "" if machine == "aarch64" else " PREEMPT_DYNAMIC"
    return "Linux host0 %s #1 SMP%s Debian 6.1.140-1 (2025-05-22) %s GNU/Linux\n" % (release, preempt, machine)


def sos_cpuinfo_arm64(ncpu):
    # src: k6.1:arch/arm64/kernel/cpuinfo.c c_show(); Ampere Altra = Neoverse N1, implementer
    # 0x41, part 0xd0c, r3p1; BogoMIPS 50.00 from the 25 MHz counter (2 * 25e6 / 1e6)
    block = ("processor\t: %d\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 "
             "atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp ssbs\nCPU implementer\t: 0x41\n"
             "CPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n\n")
    return "".join(block % cpu for cpu in range(ncpu))


def sos_report_tree(snap, taken, random_suffix):
    """The sos report of the machine `snap` models: its tree, sos's own files, no hvctl files."""
    manifest_doc = json.loads(snap.files["hvctl-snapshot.json"])
    release = manifest_doc["kernelRelease"]
    sos = Snapshot(snap.name)
    for path, content in snap.files.items():
        if path in SOS_LEAVES_OUT or path.startswith("msr/") or path.startswith("var/lib/hyperv/"):
            continue
        sos.binary(path, content)
    for path, target in snap.links.items():
        sos.link(path, target)
    for name, value in SOS_ROOT_DMI.get(snap.name, {}).items():
        sos.text("sys/devices/virtual/dmi/id/" + name, value)
    # kernel plugin: `uname -a`, `dmesg` (the ring buffer: here the lines the hvctl capture kept)
    sos.text("sos_commands/kernel/uname_-a", sos_uname(snap.name, release))
    sos.link("uname", "sos_commands/kernel/uname_-a")
    sos.binary("sos_commands/kernel/dmesg", snap.files["kernel.log"])
    sos.text("sos_commands/host/hostname", "host0\n")
    sos.link("hostname", "sos_commands/host/hostname")
    # processor plugin: `cpuid -r` when the cpuid package is installed (x86 only)
    if "cpuid.txt" in snap.files:
        sos.binary("sos_commands/processor/cpuid_-r", snap.files["cpuid.txt"])
    else:
        sos.text("proc/cpuinfo", sos_cpuinfo_arm64(len(cpus_in(snap))))
    # sos's own files: version.txt, the manifest, its log
    sos.text("version.txt", "sosreport: %s\n" % SOS_VERSION)
    sos.text("sos_reports/manifest.json", json.dumps({
        "version": SOS_VERSION, "cmdline": "sos report --batch", "start_time": taken,
        "compression": "xz", "tmpdir": "/var/tmp", "policy": "Debian",
        "components": {"report": {"plugins": {"hyperv": {}, "kernel": {}, "processor": {}, "hardware": {}}}},
    }, indent=4) + "\n")
    sos.text("sos_logs/sos.log", "%s INFO: [archive:TarFileArchive] initialised empty FileCacheArchive at "
             "/var/tmp/sos.%s/sosreport-host0-%s-%s\n" % (taken.split(".")[0], random_suffix,
                                                          taken.split(" ")[0], random_suffix))
    return sos


def cpus_in(snap):
    return [p for p in snap.files if p.startswith("sys/devices/system/node/node0/cpulist")] and \
        expand_cpulist(snap.files["sys/devices/system/node/node0/cpulist"].decode().strip())


def expand_cpulist(text):
    cpus = []
    for part in text.split(","):
        lo, _, hi = part.partition("-")
        cpus.extend(range(int(lo), int(hi or lo) + 1))
    return cpus


def sos_archive(tree, top):
    """The .tar.xz sos writes: one top-level directory, PAX headers (Python tarfile, which sos
    uses), files 0644, directories 0755, owner root, one fixed time; deterministic."""
    import io
    import tarfile
    mtime = 1773483751                               # 2026-03-14T10:22:31Z, the capture's time
    directories = set()
    for path in list(tree.files) + list(tree.links):
        parts = path.split("/")[:-1]
        for depth in range(1, len(parts) + 1):
            directories.add("/".join(parts[:depth]))
    out = io.BytesIO()
    with tarfile.open(fileobj=out, mode="w:xz", format=tarfile.PAX_FORMAT) as tar:
        def info(name, kind, mode, size=0):
            item = tarfile.TarInfo(top + ("/" + name if name else ""))
            item.type, item.mode, item.size, item.mtime = kind, mode, size, mtime
            item.uname = item.gname = "root"
            return item
        tar.addfile(info("", tarfile.DIRTYPE, 0o755))
        for path in sorted(directories | set(tree.files) | set(tree.links)):
            if path in tree.files:
                tar.addfile(info(path, tarfile.REGTYPE, 0o644, len(tree.files[path])), io.BytesIO(tree.files[path]))
            elif path in tree.links:
                item = info(path, tarfile.SYMTYPE, 0o777)
                item.linkname = tree.links[path]
                tar.addfile(item)
            else:
                tar.addfile(info(path, tarfile.DIRTYPE, 0o755))
    return out.getvalue()


SOS_REPORTS = [("azure-d8ds-v5", "2026-03-14 10:22:31.503211", "kqzwtnb"),
               ("azure-arm64", "2026-03-15 10:30:05.118420", "pmxhrad")]


def build_sos(snaps):
    import hashlib
    by_name = {snap.name: snap for snap in snaps}
    out = Snapshot("sos")
    for name, taken, suffix in SOS_REPORTS:
        tree = sos_report_tree(by_name[name], taken, suffix)
        for path, content in tree.files.items():
            out.binary(name + "/" + path, content)
        for path, target in tree.links.items():
            out.link(name + "/" + path, target)
        top = "sosreport-host0-%s-%s" % (taken.split(" ")[0], suffix)
        archive = sos_archive(tree, top)
        out.binary(name + ".tar.xz", archive)
        # src: sos 4 writes the archive's digest, alone on a line, to <archive>.sha256
        out.text(name + ".tar.xz.sha256", hashlib.sha256(archive).hexdigest() + "\n")
    out.text("PROVENANCE.md", SOS_PROVENANCE)
    return out


SOS_PROVENANCE = """\
# sos reports — provenance

`azure-d8ds-v5/` and `azure-arm64/` are the machines of the hvctl fixtures of the same names as
`sos report` (sos %s, Debian 12's `sosreport` package; modelled) would have collected them, as
the extracted directory; `<name>.tar.xz` is the archive sos writes (one top-level directory
`sosreport-host0-<date>-<random>/`) and `<name>.tar.xz.sha256` the digest file beside it. Written
by generate.py (`build_sos`) from the hvctl fixtures' own models: the answers hvctl gives on
both must agree (tests/SosReportEquivalenceTests), apart from what sos does not collect.

## Where sos puts what hvctl reads

**Not re-read this round**: no search tool was available, so the plugin copy specs and command
file names below are written from sos 4.x's source as remembered (sos/report/plugins/hyperv.py,
processor.py, kernel.py, hardware.py, logs.py; sos/report/plugins/__init__.py `_copy_symlink`,
`_mangle_command`; sos/archive.py `_make_leading_paths`). Check them against sos before relying
on a detail.

| hvctl reads | sos plugin: copy spec or command | in the report |
| --- | --- | --- |
| VMBus devices and channels | hyperv: `/sys/bus/vmbus/devices/*/*` (`*/*`, not `*`, so the links and their targets are taken), `/sys/bus/vmbus/drivers/`; command `lsvmbus -vv` | `sys/bus/vmbus/devices/<guid>` links into `sys/devices/...`, as on the machine |
| CPU lists | processor: every entry of `/sys/devices/system/cpu` | `sys/devices/system/cpu/` |
| CPUID | processor: command `cpuid -r` (when the cpuid package is installed; x86) | `sos_commands/processor/cpuid_-r` |
| `/proc/cpuinfo` | processor | `proc/cpuinfo` (only arm64 here: hvctl reads it only to tell the architecture without uname) |
| kernel log | kernel: command `dmesg`; logs: `journalctl --no-pager --catalog --boot`, `/var/log/*` | `sos_commands/kernel/dmesg` |
| kernel release, architecture, host | kernel: command `uname -a` (root_symlink `uname`) | `sos_commands/kernel/uname_-a`, `uname` |
| `/proc/cmdline`, module parameters, clock source | kernel: `/proc/cmdline`, `/sys/module/*/parameters`, `/sys/module/*/initstate`, `/sys/devices/system/clocksource/clocksource0/*` | same paths |
| kernel config | kernel: `/boot/config-<release>` | `boot/config-<release>`: here the Hyper-V lines the hvctl fixture holds, not Debian's whole file |
| `/proc/interrupts`, DMI | hardware: `/proc/interrupts`, `/sys/class/dmi/id/*` (command `dmidecode`) | `proc/interrupts`; `sys/class/dmi/id` link and `sys/devices/virtual/dmi/id/*`, root-only serials included (sos runs as root; values modelled) |
| sos itself | `version.txt` (`sosreport: <version>`), `sos_reports/manifest.json` (`version`, `start_time` as Python's `str(datetime)`), `sos_logs/sos.log` | same |

## Left out on purpose

- What sos never collects and hvctl would read: synthetic MSRs (no plugin reads `/dev/cpu/N/msr`)
  and the KVP pools (`/var/lib/hyperv/.kvp_pool_*`; the hyperv plugin does not copy them). hvctl
  reports both as not captured.
- Output hvctl does not read, which a real report holds: `lsvmbus -vv`, `cpuid` (decoded),
  `dmidecode`, `lsmod`, `sos_reports/sos.{txt,html,json}`, every other plugin's files.
- `dmesg` here is the hvctl fixture's `kernel.log`: the Hyper-V lines of the boot, not the whole
  ring buffer.
""" % SOS_VERSION


# ============================================================================================
# main
# ============================================================================================

def build_all():
    snaps = []
    for make in FIXTURES:
        snap, _h, per_cpu = make()
        snap.text("PROVENANCE.md", provenance(snap.name, per_cpu, snap))
        snaps.append(snap)
    return snaps + [build_sos(snaps)]


def check(snaps):
    """Compare what would be written with what is on disk; report the first differences."""
    problems = []
    for snap in snaps:
        base = os.path.join(HERE, snap.name)
        expected = set(snap.listing())
        actual = set()
        for dirpath, dirnames, filenames in os.walk(base):
            for entry in dirnames + filenames:
                full = os.path.join(dirpath, entry)
                rel = os.path.relpath(full, base)
                if os.path.islink(full) or os.path.isfile(full):
                    actual.add(rel)
        for rel in sorted(expected ^ actual):
            problems.append("%s/%s: %s" % (snap.name, rel, "missing" if rel in expected else "unexpected"))
        for rel, content in snap.files.items():
            full = os.path.join(base, rel)
            if os.path.isfile(full) and not os.path.islink(full):
                with open(full, "rb") as handle:
                    if handle.read() != content:
                        problems.append("%s/%s: content differs" % (snap.name, rel))
        for rel, target in snap.links.items():
            full = os.path.join(base, rel)
            if os.path.islink(full) and os.readlink(full) != target:
                problems.append("%s/%s: link target differs" % (snap.name, rel))
    return problems


def main(argv):
    snaps = build_all()
    if "--check" in argv:
        problems = check(snaps)
        for line in problems[:50]:
            print(line)
        return 1 if problems else 0
    for snap in snaps:
        snap.write(HERE)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
