import Testing

@testable import HyperVKit

/// Repeated lines, junk, and huge input.
@Suite struct KernelLogRobustnessTests {
    /// Two boots in one log (or a kexec): each message's last occurrence wins, and the evidence
    /// lists only the lines whose facts survived.
    @Test func lastOccurrenceWins() {
        let facts = parseLog(
            "[    0.000000] Hyper-V: privilege flags low 0x2e7f, high 0x3b8030, hints 0x24e24, misc 0xbed7b2",
            "[    0.000000] Hyper-V: Host Build 10.0.17763.1-0-0",
            "[    0.000000] Hyper-V: Nested features: 0x1e0101",
            "[    0.404103] hv_vmbus: Vmbus version:5.2",
            "[    0.000000] Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xe0bed7b2",
            "[    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0",
            "[    0.404103] hv_vmbus: Vmbus version:5.3")
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.hints == 0x6_4E24)
        #expect(facts.misc == 0xE0BE_D7B2)
        #expect(facts.hostVersion?.build == 20348)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        // The second boot printed no nested line: the first boot's value stays (documented).
        #expect(facts.nestedFeatures == 0x1E_0101)
        #expect(
            facts.evidence == [
                "Hyper-V: Nested features: 0x1e0101",
                "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xe0bed7b2",
                "Hyper-V: Host Build 10.0.20348.2700-0-0",
                "hv_vmbus: Vmbus version:5.3",
            ])
    }

    /// A later generation of the feature line replaces an earlier one entirely: words the later
    /// line does not print become nil rather than mixing two kernels.
    @Test func laterGenerationReplacesAllWords() {
        let facts = parseLog(
            "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, ext 0x20, hints 0x64e24, misc 0xbed7b2",
            "Hyper-V: features 0x2e7f, hints 0xc2c")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.privilegeHigh == nil)
        #expect(facts.ext == nil)
        #expect(facts.misc == nil)
        #expect(facts.lineFormat == .features)
    }

    /// The legacy hv_vmbus line gives two facts; a later `Vmbus version` replaces only one.
    @Test func legacyLineKeepsTheFactNotReplaced() {
        let facts = parseLog(
            "hv_vmbus: Hyper-V Host Build:14393-10.0-0-0.1770; Vmbus version:4.0",
            "hv_vmbus: Vmbus version:5.3")
        #expect(facts.hostVersion?.build == 14393)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(facts.evidence.count == 2)
    }

    /// A corrupt later line does not erase a good earlier one; it is reported.
    @Test func corruptLaterLineKeepsEarlierValue() {
        let facts = parseLog(
            "Hyper-V: Nested features: 0x1e0101",
            "Hyper-V: Nested features: 0x1ffffffff")
        #expect(facts.nestedFeatures == 0x1E_0101)
        #expect(facts.diagnostics.count == 1)
        #expect(facts.diagnostics.first?.hasPrefix("line 2: nested features 0x1ffffffff") == true)
    }

    @Test func junkNeverCrashes() {
        var generator = SplitMix64(seed: 0x6879_7065_7276)
        var lines: [String] = []
        for _ in 0..<2000 {
            let length = Int(generator.next() % 200)
            let bytes = (0..<length).map { _ in UInt8(truncatingIfNeeded: generator.next()) }
            lines.append(String(decoding: bytes, as: UTF8.self))
        }
        lines += [
            "\u{0}\u{0}Hyper-V:\u{0}", "Hyper-V: privilege flags low 0x", "0x", "hv_vmbus: Vmbus version:",
            "Hyper-V: Host Build ----.-.-.-", "Hyper-V: Host Build 1.2.3.4-5-",
            String(repeating: "Hyper-V: ", count: 300),
            "🙂 Hyper-V: Using IPI hypercalls 🙂", "hv_vmbus: Unknown GUID: ----", "Hypervisor detected: \u{FFFD}",
        ]
        let facts = KernelLogParser.parse(lines)
        #expect(facts.usesIPIHypercalls)
        #expect(facts.privilegeLow == nil)
        #expect(facts.hostVersion == nil)
        #expect(facts.diagnostics.count <= KernelLogParser.maxDiagnostics + 1)
    }

    /// Diagnostics are capped, with one line saying how many were left out.
    @Test func diagnosticsAreCapped() {
        let lines = Array(repeating: "Hyper-V: Nested features: 0x1ffffffff", count: 500)
        let facts = KernelLogParser.parse(lines)
        #expect(facts.diagnostics.count == KernelLogParser.maxDiagnostics + 1)
        #expect(facts.diagnostics.last == "450 more problems not listed")
    }

    /// 100,000 lines (a long-running machine's whole log): linear time, last values win.
    @Test(.timeLimit(.minutes(1))) func hundredThousandLines() {
        var lines: [String] = []
        lines.reserveCapacity(100_000)
        for index in 0..<100_000 {
            switch index % 5 {
            case 0:
                lines.append(
                    "[\(index).000000] Hyper-V: privilege flags low 0x\(String(index, radix: 16)), high 0x3b8030, hints 0x64e24, misc 0xbed7b2"
                )
            case 1: lines.append("[\(index).000000] hv_vmbus: Vmbus version:5.\(index % 4)")
            case 2: lines.append("[\(index).000000] Hyper-V: privilege flags low 0xae7f, high")
            default:
                lines.append(
                    "[\(index).000000] usb 1-1: new high-speed USB device number \(index) using xhci_hcd hyper hv_")
            }
        }
        let facts = KernelLogParser.parse(lines)
        #expect(facts.privilegeLow == 99_995)
        // The last `Vmbus version` line is index 99,996: 5.(99996 % 4) = 5.0.
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 0))
        #expect(facts.evidence.count == 2)
    }

    /// The same, as one string of 100,000 lines.
    @Test(.timeLimit(.minutes(1))) func hundredThousandLinesInOneString() {
        let block = "[    0.1] Hyper-V: Host Build 10.0.20348.2700-0-0\n[    0.2] random line of text here\n"
        let text = String(repeating: block, count: 50_000) + "hv_vmbus: Vmbus version:5.3"
        let facts = KernelLogParser.parse([text])
        #expect(facts.hostVersion?.build == 20348)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
    }

    /// Megabyte lines: only their start is read (a kernel message is at most about 1 KiB), with a
    /// diagnostic, so they cost no more than a short line.
    @Test(.timeLimit(.minutes(1))) func megabyteLines() {
        let megabyte = 1 << 20
        let lines = [
            "Hyper-V: Nested features: 0x1e0101 " + String(repeating: "x", count: megabyte),
            String(repeating: "Hyper-V: privilege flags low ", count: megabyte / 29),
            String(repeating: "h", count: megabyte),
            String(repeating: "x", count: megabyte) + " Hyper-V: LAPIC Timer Frequency: 0xc3500",
            "hv_vmbus: Vmbus version:5.3",
        ]
        let facts = KernelLogParser.parse(lines)
        #expect(facts.nestedFeatures == 0x1E_0101)
        #expect(facts.lapicTimerFrequency == nil)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(facts.diagnostics.count == 4)
        #expect(facts.diagnostics.first == "line 1: \(lines[0].utf8.count) bytes long; only the first 4096 were read")
        #expect(facts.evidence.first?.utf8.count ?? 0 <= KernelLogLines.maxLineBytes)
    }

    @Test func emptyInput() {
        #expect(KernelLogParser.parse([]) == KernelLogFacts())
        #expect(KernelLogParser.parse(["", "\r", "\n\n"]) == KernelLogFacts())
    }
}

/// A small deterministic generator, so the junk test is the same on every run.
struct SplitMix64 {
    var state: UInt64

    init(seed: UInt64) { state = seed }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var value = state
        value = (value ^ (value >> 30)) &* 0xBF58_476D_1CE5_E4B9
        value = (value ^ (value >> 27)) &* 0x94D0_49BB_1331_11EB
        return value ^ (value >> 31)
    }
}
