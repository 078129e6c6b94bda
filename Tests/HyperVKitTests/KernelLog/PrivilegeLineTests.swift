import Testing

@testable import HyperVKit

/// Every generation of the feature line (reference §7.1, §7.2, §7.3). The words are distinct so a
/// field read into the wrong register is caught.
@Suite struct PrivilegeLineTests {
    /// 6.1 x86 (`arch/x86/kernel/cpu/mshyperv.c`): low = 0x40000003 EAX, high = EBX,
    /// hints = 0x40000004 EAX, misc = 0x40000003 EDX; printed in the order low, high, hints, misc.
    @Test func x86Linux61() {
        let facts = parseLog(
            "[    0.000000] Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2")
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.privilegeHigh == 0x3B_8030)
        #expect(facts.hints == 0x6_4E24)
        #expect(facts.misc == 0xBE_D7B2)
        #expect(facts.ext == nil)
        #expect(facts.lineFormat == .privilegeFlags)
        #expect(facts.evidence == ["Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2"])
        #expect(facts.diagnostics.isEmpty)
    }

    /// 6.15+: `ext` (0x40000003 ECX) is inserted before hints and `%#x` prints zero as `0`.
    @Test func x86Linux615WithZeroExt() {
        let facts = parseLog(
            "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, ext 0, hints 0x64e24, misc 0xe0bed7b2")
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.privilegeHigh == 0x3B_8030)
        #expect(facts.ext == 0)
        #expect(facts.hints == 0x6_4E24)
        #expect(facts.misc == 0xE0BE_D7B2)
        #expect(facts.lineFormat == .privilegeFlagsExt)
    }

    @Test func x86Linux615WithNonZeroExtAndZeroWords() {
        let facts = parseLog("Hyper-V: privilege flags low 0x2e7f, high 0, ext 0x62, hints 0, misc 0x10")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.privilegeHigh == 0)
        #expect(facts.ext == 0x62)
        #expect(facts.hints == 0)
        #expect(facts.misc == 0x10)
    }

    /// arm64 keeps the four-field `0x%x` form; misc is word c of HvRegisterPrivilegesAndFeaturesInfo
    /// (reference §1.13, §7.2). Word c bit 8 = guest crash registers, bit 13 = direct stimers.
    @Test func arm64FourFieldForm() {
        let facts = parseLog(
            "[    0.000000] Hyper-V: privilege flags low 0x2e7f, high 0x3a8030, hints 0xe, misc 0x2100")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.privilegeHigh == 0x3A_8030)
        #expect(facts.hints == 0xE)
        #expect(facts.misc == 0x2100)
        #expect(facts.lineFormat == .privilegeFlags)
    }

    /// Oldest x86: `HyperV: features 0x%x, hints 0x%x` (features = 0x40000003 EAX).
    @Test func oldestHyperVFeatures() {
        let facts = parseLog("[    0.000000] HyperV: features 0x2e7f, hints 0x2c")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.hints == 0x2C)
        #expect(facts.privilegeHigh == nil)
        #expect(facts.misc == nil)
        #expect(facts.lineFormat == .hyperVFeaturesOld)
    }

    @Test func hyphenatedFeatures() {
        let facts = parseLog("[    0.000000] Hyper-V: features 0x2e7f, hints 0xc2c")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.hints == 0xC2C)
        #expect(facts.misc == nil)
        #expect(facts.lineFormat == .features)
    }

    /// `Hyper-V: features 0x%x, hints 0x%x, misc 0x%x`: misc = 0x40000003 EDX.
    @Test func featuresWithMisc() {
        let facts = parseLog("[    0.000000] Hyper-V: features 0x2e7f, hints 0xc2c, misc 0x3b2")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.hints == 0xC2C)
        #expect(facts.misc == 0x3B2)
        #expect(facts.privilegeHigh == nil)
        #expect(facts.lineFormat == .featuresMisc)
    }

    /// Early arm64 postings: capital F (reference §7.3: case-insensitive).
    @Test func capitalFeaturesOfEarlyArm64() {
        let facts = parseLog("Hyper-V: Features 0x2e7f, hints 0xe, misc 0x2100")
        #expect(facts.privilegeLow == 0x2E7F)
        #expect(facts.hints == 0xE)
        #expect(facts.misc == 0x2100)
        #expect(facts.lineFormat == .featuresMisc)
    }

    @Test(arguments: [
        "HYPER-V: PRIVILEGE FLAGS LOW 0XAE7F, HIGH 0X3B8030, HINTS 0X64E24, MISC 0XBED7B2",
        "HyperV: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2",
        "Hyper-V: privilege flags low 0xAE7F, high 0x3B8030, hints 0x64E24, misc 0xBED7B2",
    ])
    func caseAndHyphenDoNotMatter(_ line: String) {
        let facts = parseLog(line)
        #expect(facts.privilegeLow == 0xAE7F)
        #expect(facts.privilegeHigh == 0x3B_8030)
        #expect(facts.hints == 0x6_4E24)
        #expect(facts.misc == 0xBE_D7B2)
    }

    @Test(arguments: [
        "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2zz",
        "Hyper-V: privilege flags low ae7f, high 0x3b8030, hints 0x64e24, misc 0xbed7b2",
        "Hyper-V: privilege flags low 0xae7f high 0x3b8030 hints 0x64e24 misc 0xbed7b2",
        "Hyper-V: privilege flags low 0x, high 0x3b8030, hints 0x64e24, misc 0xbed7b2",
        "Hyper-V: privilege flags low -0x1, high 0x3b8030, hints 0x64e24, misc 0xbed7b2",
        "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, ext 0x1, misc 0xbed7b2",
    ])
    func malformedLinesGiveNothing(_ line: String) {
        let facts = parseLog(line)
        #expect(facts.privilegeLow == nil)
        #expect(facts.lineFormat == nil)
        #expect(facts.evidence.isEmpty)
    }

    /// A word that cannot be a 32-bit register is refused with a diagnostic, and the whole line
    /// is ignored rather than half used.
    @Test(arguments: ["0x1ffffffff", "0x100000000", "0xffffffffffffffffffff"])
    func outOfRangeWordsAreRejected(_ value: String) {
        let facts = parseLog("Hyper-V: privilege flags low \(value), high 0x3b8030, hints 0x64e24, misc 0xbed7b2")
        #expect(facts.privilegeLow == nil)
        #expect(facts.privilegeHigh == nil)
        #expect(facts.hints == nil)
        #expect(facts.lineFormat == nil)
        #expect(facts.diagnostics.count == 1)
        #expect(facts.diagnostics.first?.contains("low \(value)") == true)
        #expect(facts.diagnostics.first?.hasPrefix("line 1: ") == true)
    }

    @Test func largestWordIsAccepted() {
        let facts = parseLog("Hyper-V: privilege flags low 0xffffffff, high 0x00000000, hints 0x0, misc 0x80000000")
        #expect(facts.privilegeLow == 0xFFFF_FFFF)
        #expect(facts.privilegeHigh == 0)
        #expect(facts.hints == 0)
        #expect(facts.misc == 0x8000_0000)
    }
}
