import Testing

@testable import HyperVKit

/// `leaves()` fills the registers the log printed and nothing else (docs/json-schema.md).
@Suite struct KernelLogLeavesTests {
    @Test func emptyFactsHaveNoLeaves() {
        #expect(KernelLogFacts().leaves().isEmpty)
    }

    /// Each fact lands in its own register; distinct values catch a swap.
    @Test func everyFactLandsInItsRegister() {
        var facts = KernelLogFacts()
        facts.privilegeLow = 0x1
        facts.privilegeHigh = 0x2
        facts.ext = 0x3
        facts.misc = 0x4
        facts.hints = 0x5
        facts.nestedFeatures = 0x6
        facts.isolationGroupA = 0x7
        facts.isolationGroupB = 0x8
        facts.hostVersion = HostVersion(eax: 0x9, ebx: 0xA_000B, ecx: 0xC, edx: 0x0D00_000E)
        facts.lapicTimerFrequency = 0xF  // not a CPUID value: never in a leaf
        #expect(
            facts.leaves() == [
                0x4000_0002: RegisterSet(eax: 0x9, ebx: 0xA_000B, ecx: 0xC, edx: 0x0D00_000E),
                0x4000_0003: RegisterSet(eax: 0x1, ebx: 0x2, ecx: 0x3, edx: 0x4),
                0x4000_0004: RegisterSet(eax: 0x5),
                0x4000_000A: RegisterSet(eax: 0x6),
                0x4000_000C: RegisterSet(eax: 0x7, ebx: 0x8),
            ])
    }

    /// The oldest line prints only EAX of 0x40000003 and of 0x40000004: EBX and EDX stay nil,
    /// never zero.
    @Test func oldestLineFillsOnlyWhatItPrinted() {
        let leaves = parseLog("HyperV: features 0x2e7f, hints 0x2c").leaves()
        #expect(leaves == [0x4000_0003: RegisterSet(eax: 0x2E7F), 0x4000_0004: RegisterSet(eax: 0x2C)])
        #expect(leaves[0x4000_0003]?.ebx == nil)
        #expect(leaves[0x4000_0003]?.edx == nil)
    }

    /// 6.15's ext word is ECX.
    @Test func extIsECX() {
        let leaves = parseLog(
            "Hyper-V: privilege flags low 0xae7f, high 0x3b8030, ext 0x20, hints 0x64e24, misc 0xbed7b2"
        ).leaves()
        #expect(leaves[0x4000_0003] == RegisterSet(eax: 0xAE7F, ebx: 0x3B_8030, ecx: 0x20, edx: 0xBE_D7B2))
    }

    /// Only Group A printed would be odd, but the other register must then stay nil.
    @Test func partialIsolation() {
        var facts = KernelLogFacts()
        facts.isolationGroupB = 0xBA2
        #expect(facts.leaves() == [0x4000_000C: RegisterSet(ebx: 0xBA2)])
    }
}
