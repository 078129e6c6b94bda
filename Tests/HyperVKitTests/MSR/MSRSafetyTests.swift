import HyperVKit
import Testing

@Suite struct MSRSafetyTests {
    /// Reference §2.1, "hvctl read" column: GUEST_IDLE (never read: a read idles the VP), RESET (do not
    /// access), EOI (write-only) and EOM (pointless). SIRBP, "skip" there while unconfirmed, is a plain
    /// register in mainline (`union hv_synic_sirbp`, issue 13) and is read when named.
    @Test(arguments: [0x4000_00F0, 0x4000_0003, 0x4000_0070, 0x4000_0084] as [UInt32])
    func refusesMSRsWhoseReadIsUnsafeOrMeaningless(index: UInt32) {
        #expect(!MSRSafety.isSafeToRead(index))
        #expect(MSRSafety.refusal(index) != nil)
    }

    /// Reference §2.1 marks these "safe": GUEST_OS_ID, HYPERCALL, VP_INDEX, VP_RUNTIME, TIME_REF_COUNT,
    /// REFERENCE_TSC, TSC/APIC frequency, VP_ASSIST_PAGE, SCONTROL, SVERSION, SIEFP, SIMP, SINT0, SINT15,
    /// STIMER0_CONFIG, STIMER3_COUNT, CRASH_P0, CRASH_CTL, TSC_INVARIANT_CONTROL.
    @Test(
        arguments: [
            0x4000_0000, 0x4000_0001, 0x4000_0002, 0x4000_0010, 0x4000_0020, 0x4000_0021, 0x4000_0022,
            0x4000_0023, 0x4000_0073, 0x4000_0080, 0x4000_0081, 0x4000_0082, 0x4000_0083, 0x4000_0090,
            0x4000_009F, 0x4000_00B0, 0x4000_00B7, 0x4000_0100, 0x4000_0105, 0x4000_0118, 0x4000_0085,
        ] as [UInt32])
    func allowsTheMSRsTheReferenceCallsSafe(index: UInt32) {
        #expect(MSRSafety.isSafeToRead(index))
        #expect(MSRSafety.refusal(index) == nil)
    }

    @Test func guestIdleRefusalSaysWhy() {
        #expect(MSRSafety.refusal(0x4000_00F0)?.contains("GUEST_IDLE") == true)
    }
}
