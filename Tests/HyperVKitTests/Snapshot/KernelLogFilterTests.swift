import Foundation
import Testing

@testable import HyperVKit

/// `hvctl snapshot` keeps only the kernel log lines about Hyper-V, VMBus and its drivers, the
/// clocksource and CPU hotplug (docs/snapshot-format.md): nothing the decoders use may be lost.
@Suite struct KernelLogFilterTests {
    static var fixtures: [String] { CaptureFixtures.namesWithKernelLog }

    /// Every fact the parser finds in a fixture's log it finds in the filtered log too.
    @Test(arguments: fixtures)
    func keepsEveryLineTheParserUses(_ fixture: String) throws {
        let lines = try #require(try? SnapshotMachine(path: CaptureFixtures.path(fixture)).kernelLog().get())
        let filtered = KernelLogFilter.filter(lines)
        #expect(filtered.count <= lines.count)
        var before = KernelLogParser.parse(lines)
        var after = KernelLogParser.parse(filtered)
        // Diagnostics name line numbers, which move when lines go.
        #expect(before.diagnostics.count == after.diagnostics.count)
        before.diagnostics = []
        after.diagnostics = []
        #expect(before == after)
    }

    /// Format strings of reference §7.1/§7.2, the VMBus drivers of §4 and the hotplug messages of
    /// `arch/x86/kernel/smpboot.c`, `kernel/smp.c`, `arch/arm64/kernel/smp.c` and `psci.c`.
    @Test(arguments: [
        "[    0.000000] Hypervisor detected: Microsoft Hyper-V",
        "[    0.000000] Hyper-V: privilege flags low 0xae7f, high 0x388030, hints 0x140c2c, misc 0xc0bed7b2",
        "[    1.104117] hv_vmbus: Vmbus version:5.3",
        "[    1.612305] hv_utils: Registering HyperV Utility Driver",
        "[    2.931044] hv_netvsc 6045bd3e-91c2-6045-bd3e-91c26045bd3e eth0: VF slot 1 added",
        "[    1.144071] scsi host0: storvsc_host_t",
        "[    0.278577] hv_vmbus: registering driver dxgkrnl",
        "[    0.372202] clocksource: Switched to clocksource tsc",
        "[    0.000000] tsc: Marking TSC unstable due to running on Hyper-V",
        "[  120.000001] smpboot: CPU 3 is now offline",
        "[  121.000001] smpboot: Booting Node 0 Processor 3 APIC 0x3",
        "[    0.089214] smp: Brought up 1 node, 8 CPUs",
        "[    0.012000] CPU1: Booted secondary processor 0x0000000001 [0x413fd0c1]",
        "[  130.000000] psci: CPU1 killed (polled 0 ms)",
    ])
    func keeps(_ line: String) {
        #expect(KernelLogFilter.keeps(line))
    }

    @Test(arguments: [
        "[    2.345678] EXT4-fs (sda1): mounted filesystem with ordered data mode",
        "[    3.000000] usb 1-1: new high-speed USB device number 2 using xhci_hcd",
        "[    4.000000] systemd[1]: Started Journal Service.",
        "[    0.014203] setup_percpu: NR_CPUS:8192 nr_cpumask_bits:8 nr_cpu_ids:8 nr_node_ids:1",
    ])
    func drops(_ line: String) {
        #expect(!KernelLogFilter.keeps(line))
    }

    /// A line a mail client wrapped keeps the continuation the parser joins to it.
    @Test func keepsTheContinuationOfAWrappedLine() {
        let lines = [
            "Mar  3 09:14:07 web01 kernel: [    0.000000] Hyper-V: features 0xe7f, hints 0x2c,",
            "misc 0xd7b2",
            "Mar  3 09:14:07 web01 kernel: [    0.000001] EXT4-fs (sda1): mounted",
        ]
        #expect(KernelLogFilter.filter(lines) == Array(lines.prefix(2)))
        #expect(KernelLogParser.parse(KernelLogFilter.filter(lines)).misc == 0xD7B2)
    }

    @Test func theSummaryNamesEveryTopic() {
        for rule in KernelLogFilter.rules {
            #expect(KernelLogFilter.summary.contains(rule.topic))
            #expect(rule.needles.allSatisfy { $0 == $0.lowercased() })
        }
    }
}
