/// The synthetic MSRs `hvctl snapshot` reads on every online CPU into `msr/cpu<N>.txt`.
///
/// Reference §2.1, the rows whose "hvctl read" column says **safe**: GUEST_OS_ID, HYPERCALL,
/// VP_INDEX, VP_RUNTIME, TIME_REF_COUNT, REFERENCE_TSC, TSC_FREQUENCY, APIC_FREQUENCY,
/// VP_ASSIST_PAGE, SCONTROL, SVERSION, SIEFP, SIMP, SINT0-15, STIMER0-3 CONFIG/COUNT, CRASH_P0-P4,
/// CRASH_CTL, REENLIGHTENMENT_CONTROL, TSC_EMULATION_CONTROL/STATUS and TSC_INVARIANT_CONTROL.
/// Left out: the "do not read" and "never read" rows (RESET, EOI, GUEST_IDLE), the pointless and
/// unconfirmed ones (EOM, SIRBP), and those marked "not needed" or "optional" (ICR, TPR, the
/// unhalted timer, the nested-root registers). `MSRSafety` is asked as well, so a row this list got
/// wrong can never reach the device.
///
/// One function on purpose: when the MSR catalogue (`Sources/HyperVKit/MSR/`) lands, this becomes
/// "every catalogue entry marked safe".
public enum SnapshotMSRs {
    public static func indices() -> [UInt32] {
        let ranges: [ClosedRange<UInt32>] = [
            0x4000_0000...0x4000_0002,  // GUEST_OS_ID, HYPERCALL, VP_INDEX
            0x4000_0010...0x4000_0010,  // VP_RUNTIME
            0x4000_0020...0x4000_0023,  // TIME_REF_COUNT, REFERENCE_TSC, TSC_FREQUENCY, APIC_FREQUENCY
            0x4000_0073...0x4000_0073,  // VP_ASSIST_PAGE
            0x4000_0080...0x4000_0083,  // SCONTROL, SVERSION, SIEFP, SIMP
            0x4000_0090...0x4000_009F,  // SINT0-15
            0x4000_00B0...0x4000_00B7,  // STIMER0-3 CONFIG and COUNT
            0x4000_0100...0x4000_0108,  // CRASH_P0-P4, CRASH_CTL, REENLIGHTENMENT, TSC_EMULATION_*
            0x4000_0118...0x4000_0118,  // TSC_INVARIANT_CONTROL
        ]
        return ranges.flatMap { Array($0) }.filter(MSRSafety.isSafeToRead)
    }
}
