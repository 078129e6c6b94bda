/// Which kernel log lines `hvctl snapshot` keeps: those that concern Hyper-V, VMBus and its
/// drivers, the clocksource and CPU hotplug (docs/snapshot-format.md, `kernel.log`). The rest of a boot
/// log (disks, filesystems, USB, user-space daemons) is none of support's business.
///
/// The rules are data: a line is kept when it contains any needle of any rule, ignoring ASCII case.
/// They cover every message the parser recognises (reference §7; `KernelLogMessage`), the driver
/// prefixes of §7 (`hv_vmbus: `, `hv_utils: `, `hv_balloon: `, `Hyper-V: `, `clocksource: `,
/// `tsc: `), the VMBus drivers of §4 and the kernel's CPU hotplug messages
/// (`arch/x86/kernel/smpboot.c` "smpboot: CPU %u is now offline", "smpboot: Booting Node %d
/// Processor %d APIC 0x%x"; `kernel/smp.c` "smp: Brought up ..."; `arch/arm64/kernel/smp.c`
/// "CPU%u: Booted secondary processor"; `drivers/firmware/psci/psci.c` "psci: CPU%d killed").
/// A line a mail client wrapped keeps its continuation lines when the parser would join them.
public enum KernelLogFilter {
    public struct Rule: Sendable, Equatable {
        public var topic: String
        /// Lower-case ASCII substrings.
        public var needles: [String]
    }

    public static let rules: [Rule] = [
        Rule(topic: "Hyper-V", needles: ["hyper-v", "hyperv", "hypervisor"]),
        // hv_vmbus, hv_utils, hv_balloon, hv_netvsc, hv_storvsc, hv_pci, hv_sock, uio_hv_generic;
        // hid_hyperv, hyperv_fb, hyperv_keyboard and pci-hyperv match "hyperv" above.
        Rule(topic: "VMBus and its drivers", needles: ["vmbus", "hv_", "storvsc", "netvsc", "dxgkrnl"]),
        Rule(topic: "clocksource", needles: ["clocksource", "clockevent", "tsc:", "tsc-early", "arch_timer"]),
        Rule(
            topic: "CPU hotplug",
            needles: [
                "smpboot", "smp:", "cpuhp", "hotplug", "is now offline", "booting node", "booted secondary processor",
                "psci: cpu",
            ]),
    ]

    /// What the manifest says of a filtered log (`kernelLogFilter`).
    public static var summary: String {
        "lines about " + rules.map(\.topic).joined(separator: ", ") + " (hvctl snapshot's filter)"
    }

    private static let needleBytes: [[UInt8]] = rules.flatMap(\.needles).map { Array($0.utf8) }

    /// Whether a single line is kept.
    public static func keeps(_ line: String) -> Bool {
        var bytes = Array(line.utf8)
        for index in bytes.indices { bytes[index] = ASCII.lowercased(bytes[index]) }
        return needleBytes.contains { needle in contains(bytes, needle) }
    }

    /// The kept lines, in order, each followed by the lines the parser would join to it.
    public static func filter(_ lines: [String]) -> [String] {
        let split = lines.flatMap { line in
            line.contains("\n")
                ? line.split(separator: "\n", omittingEmptySubsequences: false).map(String.init) : [line]
        }
        let parsed = KernelLogLines(split).lines
        var kept: [String] = []
        var index = 0
        while index < split.count {
            guard keeps(split[index]) else {
                index += 1
                continue
            }
            let joined = KernelLogRecognizer.recognize(parsed, at: index)?.continuationLines ?? 0
            let end = min(split.count, index + 1 + joined)
            kept.append(contentsOf: split[index..<end])
            index = end
        }
        return kept
    }

    private static func contains(_ haystack: [UInt8], _ needle: [UInt8]) -> Bool {
        guard let first = needle.first, haystack.count >= needle.count else { return false }
        var start = 0
        while start + needle.count <= haystack.count {
            if haystack[start] == first && haystack[start..<start + needle.count].elementsEqual(needle) { return true }
            start += 1
        }
        return false
    }
}
