import Testing

@testable import HyperVKit

/// Lines a mail client wrapped are put back together (at most two continuation lines).
@Suite struct KernelLogWrappingTests {
    static let unwrapped = "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2"

    static func expectPrivilegeWords(_ facts: KernelLogFacts) {
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.privilegeHigh == 0x3B_8030)
        #expect(facts.hints == 0x6_4E24)
        #expect(facts.misc == 0xBE_D7B2)
    }

    @Test(arguments: [
        ["Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints", "0x64e24, misc 0xbed7b2"],
        ["[    0.000000] Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints", "  0x64e24, misc 0xbed7b2"],
        ["> [    0.000000] Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints", "> 0x64e24, misc 0xbed7b2"],
        ["> > Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints", "> >    0x64e24, misc 0xbed7b2\r"],
        ["Hyper-V: privilege flags low 0xae7f,", "high 0x3b8030, hints", "0x64e24, misc 0xbed7b2"],
        ["Hyper-V: privilege", "flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2"],
    ])
    func wrappedPrivilegeLine(_ lines: [String]) {
        let facts = KernelLogParser.parse(lines)
        Self.expectPrivilegeWords(facts)
        #expect(facts.evidence == [Self.unwrapped])
        // The join is a repair and is said once, naming the line and what was read (issue 13).
        let joined = lines.count - 1 == 1 ? "the next line" : "the next \(lines.count - 1) lines"
        #expect(
            facts.diagnostics == [
                "line 1: joined with \(joined), taken for a line a mail client wrapped: read as `\(Self.unwrapped)`"
            ])
    }

    /// Three continuation lines are more than any mail client makes of one line: not joined.
    @Test func atMostTwoContinuationLines() {
        let facts = parseLog(
            "Hyper-V: privilege flags low 0xae7f,", "high 0x3b8030,", "hints 0x64e24,", "misc 0xbed7b2")
        #expect(facts.privilegeLow == nil)
    }

    /// `features …, hints …` is complete on its own, but a wrapped `, misc …` still belongs to it.
    @Test func wrappedMiscIsNotLost() {
        let facts = parseLog("Hyper-V: features 0x2e7f, hints 0xc2c,", "misc 0x3b2")
        #expect(facts.misc == 0x3B2)
        #expect(facts.lineFormat == .featuresMisc)
        let atSpace = parseLog("Hyper-V: features 0x2e7f, hints 0xc2c", ", misc 0x3b2")
        #expect(atSpace.misc == 0x3B2)
    }

    /// A complete two-field line followed by an ordinary line: nothing is joined, and the next
    /// line is read on its own.
    @Test func completeLineIsNotJoined() {
        let facts = parseLog(
            "[    0.000000] Hyper-V: features 0x2e7f, hints 0xc2c",
            "[    0.000000] Hyper-V Host Build:14393-10.0-0-0.1770")
        #expect(facts.lineFormat == .features)
        #expect(facts.misc == nil)
        #expect(facts.hostVersion?.build == 14393)
        #expect(facts.evidence == ["Hyper-V: features 0x2e7f, hints 0xc2c", "Hyper-V Host Build:14393-10.0-0-0.1770"])
    }

    /// The lines after a wrapped one are read normally once the wrap is consumed.
    @Test func linesAfterAWrapAreRead() {
        let facts = parseLog(
            "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints",
            "0x64e24, misc 0xbed7b2",
            "[    0.000000] Hyper-V: Host Build",
            "10.0.20348.2700-0-0",
            "[    0.404103] hv_vmbus: Vmbus version:5.3")
        Self.expectPrivilegeWords(facts)
        #expect(facts.hostVersion?.serviceNumber == 2700)
        #expect(facts.vmbusVersion == VMBusVersion(major: 5, minor: 3))
        #expect(
            facts.evidence == [
                Self.unwrapped, "Hyper-V: Host Build 10.0.20348.2700-0-0", "hv_vmbus: Vmbus version:5.3",
            ])
    }

    /// A cut line followed by an unrelated message: the cut one is dropped, the next one kept.
    @Test func truncatedLineFollowedByAnotherMessage() {
        let facts = parseLog(
            "[    0.000000] Hyper-V: privilege flags low 0xae7f, high",
            "[    0.000000] Hyper-V: Host Build 10.0.20348.2700-0-0")
        #expect(facts.privilegeLow == nil)
        #expect(facts.hostVersion?.build == 20348)
    }

    @Test func wrappedLegacyVMBusLine() {
        let facts = parseLog("hv_vmbus: Hyper-V Host Build:14393-10.0-0-0.1770;", "> Vmbus version:4.0")
        #expect(facts.hostVersion?.serviceNumber == 1770)
        #expect(facts.vmbusVersion == VMBusVersion(major: 4, minor: 0))
        #expect(facts.hostBuildFormat == .legacyVMBus)
    }

    @Test func wrappedClocksourceName() {
        let facts = parseLog("clocksource: Switched to clocksource", "hyperv_clocksource_tsc_page")
        #expect(facts.clocksource == "hyperv_clocksource_tsc_page")
    }
}
