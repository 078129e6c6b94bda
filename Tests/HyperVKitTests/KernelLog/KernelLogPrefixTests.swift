import Testing

@testable import HyperVKit

/// Whatever precedes the message (reference §7; docs/snapshot-format.md: "as `dmesg` prints them, with
/// or without stamps"), and CRLF line ends.
@Suite struct KernelLogPrefixTests {
    static let message = "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2"

    @Test(arguments: [
        "",
        "[    0.000000] ",
        "[12345.678901] ",
        "[    0.000000][    T1] ",
        "[    T1] ",
        "[    0.000000][    C1] ",
        "[    C1] ",
        "Nov 26 01:47:30 host kernel: [    0.000000] ",
        "Nov 26 01:47:30 host kernel: ",
        // A host name that itself contains "hyperv" must not hide the message after it.
        "Nov 26 01:47:30 hyperv-guest-01 kernel: [    0.000000] ",
        "2026-11-26T01:47:30.123456+00:00 vm kernel: ",
        "kernel: ",
        "6,123,456,-;",
        "6,210,0,-,caller=T1;",
        "kern  :info  : [    0.000000] ",
        "kern  :info  : [Thu Nov 26 01:47:30 2026] ",
        "<6>[    0.000000] ",
        "> [    0.000000] ",
        ">> > ",
        "\t",
    ])
    func prefixesAreSkipped(_ prefix: String) {
        for ending in ["", "\r", "  ", " \r"] {
            let facts = parseLog(prefix + Self.message + ending)
            #expect(facts.privilegeLow == 0xAE7F)
            #expect(facts.privilegeHigh == 0x3B_8030)
            #expect(facts.hints == 0x6_4E24)
            #expect(facts.misc == 0xBE_D7B2)
            #expect(facts.evidence == [Self.message])
        }
    }

    /// A whole CRLF log passed as one string is split into its lines.
    @Test func oneStringWithCRLFLines() {
        let text = [
            "[    0.000000] Hypervisor detected: Microsoft Hyper-V",
            "[    0.000000] " + Self.message,
            "[    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0",
            "[    0.404103] hv_vmbus: Vmbus version:5.3",
            "",
        ].joined(separator: "\r\n")
        let facts = KernelLogParser.parse([text])
        #expect(facts.hypervisorDetected == "Microsoft Hyper-V")
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.hostVersion?.build == 20348)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(facts.evidence.count == 4)
    }

    /// The journal's `-o short-monotonic` and the `dmesg -x` facility column on other messages.
    @Test func otherMessagesWithPrefixes() {
        let facts = parseLog(
            "[    0.404103] vm kernel: hv_vmbus: Vmbus version:5.3",
            "kern  :info  : [    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0",
            "6,1042,930116,-;clocksource: Switched to clocksource hyperv_clocksource_tsc_page")
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(facts.hostVersion?.serviceNumber == 2700)
        #expect(facts.clocksource == "hyperv_clocksource_tsc_page")
    }
}
