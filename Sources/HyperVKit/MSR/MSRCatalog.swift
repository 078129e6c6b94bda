/// Every synthetic MSR of reference §2.1, with the field layout §2.2 gives it.
///
/// Sources: reference §2.1 (address map, scope, access, gate, read safety) and §2.4 (privilege
/// summary); `arch/x86/include/asm/hyperv-tlfs.h` and `include/asm-generic/hyperv-tlfs.h` (6.1) for
/// the Linux macros, newer `include/hyperv/hvgdk_mini.h` names in brackets. The nested-root copies
/// (0x40001002, 0x40001080-0x4000109F) are left out: only a nested root partition has them.
public enum MSRCatalog {
    /// In index order.
    public static let all: [SyntheticMSR] = [
        entry(0x4000_0000, "GUEST_OS_ID", .partition, "RW", gate(eax: [5]), .guestOSID),
        entry(0x4000_0001, "HYPERCALL", .partition, "RW", gate(eax: [5]), .hypercall),
        entry(
            0x4000_0002, "VP_INDEX", .perVP, "RO", gate(eax: [6]), .vpIndex,
            linux: .named("HV_REGISTER_VP_INDEX [HV_X64_MSR_VP_INDEX]")),
        entry(0x4000_0003, "RESET", .partition, "W", gate(eax: [7]), .raw, byDefault: false),
        entry(0x4000_0010, "VP_RUNTIME", .perVP, "RO", gate(eax: [0]), .time100ns, volatile: true),
        entry(
            0x4000_0020, "TIME_REF_COUNT", .partition, "RO", gate(eax: [1]), .time100ns,
            linux: .named("HV_REGISTER_TIME_REF_COUNT [HV_X64_MSR_TIME_REF_COUNT]"), volatile: true),
        entry(
            0x4000_0021, "REFERENCE_TSC", .partition, "RW", gate(eax: [9]), .referenceTSC,
            linux: .named("HV_REGISTER_REFERENCE_TSC [HV_X64_MSR_REFERENCE_TSC]")),
        entry(0x4000_0022, "TSC_FREQUENCY", .unstated, "RO", gate(eax: [11], edx: [8]), .frequency),
        entry(0x4000_0023, "APIC_FREQUENCY", .unstated, "RO", gate(eax: [11], edx: [8]), .frequency),
        entry(0x4000_0070, "EOI", .perVP, "W", gate(eax: [4]), .raw, byDefault: false),
        entry(0x4000_0071, "ICR", .perVP, "RW", gate(eax: [4]), .raw, byDefault: false),
        entry(0x4000_0072, "TPR", .perVP, "RW", gate(eax: [4]), .raw, byDefault: false),
        entry(0x4000_0073, "VP_ASSIST_PAGE", .perVP, "RW", gate(eax: [4]), .enabledPage),
        entry(
            0x4000_0080, "SCONTROL", .perVP, "RW", gate(eax: [2]), .scontrol,
            linux: .named("HV_REGISTER_SCONTROL [HV_X64_MSR_SCONTROL]")),
        entry(0x4000_0081, "SVERSION", .perVP, "RO", gate(eax: [2]), .sversion, linux: .named("HV_REGISTER_SVERSION")),
        entry(0x4000_0082, "SIEFP", .perVP, "RW", gate(eax: [2]), .enabledPage, linux: .named("HV_REGISTER_SIEFP")),
        entry(0x4000_0083, "SIMP", .perVP, "RW", gate(eax: [2]), .enabledPage, linux: .named("HV_REGISTER_SIMP")),
        entry(
            0x4000_0084, "EOM", .perVP, "W", gate(eax: [2]), .raw, linux: .named("HV_REGISTER_EOM"), byDefault: false),
        // mainline hvgdk_mini.h `union hv_synic_sirbp` (issue 13): the SynIC event-ring page.
        entry(
            0x4000_0085, "SIRBP", .perVP, "RW", gate(eax: [2]), .enabledPage, linux: .named("HV_X64_MSR_SIRBP"),
            byDefault: false),
        entry(0x4000_0090, "SINT0", .perVP, "RW", gate(eax: [2]), .sint(0), linux: .named("HV_REGISTER_SINT0")),
        entry(0x4000_0091, "SINT1", .perVP, "RW", gate(eax: [2]), .sint(1), linux: .named("HV_REGISTER_SINT1")),
        entry(0x4000_0092, "SINT2", .perVP, "RW", gate(eax: [2]), .sint(2), linux: .named("HV_REGISTER_SINT2")),
        entry(0x4000_0093, "SINT3", .perVP, "RW", gate(eax: [2]), .sint(3), linux: .named("HV_REGISTER_SINT3")),
        entry(0x4000_0094, "SINT4", .perVP, "RW", gate(eax: [2]), .sint(4), linux: .named("HV_REGISTER_SINT4")),
        entry(0x4000_0095, "SINT5", .perVP, "RW", gate(eax: [2]), .sint(5), linux: .named("HV_REGISTER_SINT5")),
        entry(0x4000_0096, "SINT6", .perVP, "RW", gate(eax: [2]), .sint(6), linux: .named("HV_REGISTER_SINT6")),
        entry(0x4000_0097, "SINT7", .perVP, "RW", gate(eax: [2]), .sint(7), linux: .named("HV_REGISTER_SINT7")),
        entry(0x4000_0098, "SINT8", .perVP, "RW", gate(eax: [2]), .sint(8), linux: .named("HV_REGISTER_SINT8")),
        entry(0x4000_0099, "SINT9", .perVP, "RW", gate(eax: [2]), .sint(9), linux: .named("HV_REGISTER_SINT9")),
        entry(0x4000_009A, "SINT10", .perVP, "RW", gate(eax: [2]), .sint(10), linux: .named("HV_REGISTER_SINT10")),
        entry(0x4000_009B, "SINT11", .perVP, "RW", gate(eax: [2]), .sint(11), linux: .named("HV_REGISTER_SINT11")),
        entry(0x4000_009C, "SINT12", .perVP, "RW", gate(eax: [2]), .sint(12), linux: .named("HV_REGISTER_SINT12")),
        entry(0x4000_009D, "SINT13", .perVP, "RW", gate(eax: [2]), .sint(13), linux: .named("HV_REGISTER_SINT13")),
        entry(0x4000_009E, "SINT14", .perVP, "RW", gate(eax: [2]), .sint(14), linux: .named("HV_REGISTER_SINT14")),
        entry(0x4000_009F, "SINT15", .perVP, "RW", gate(eax: [2]), .sint(15), linux: .named("HV_REGISTER_SINT15")),
        entry(
            0x4000_00B0, "STIMER0_CONFIG", .perVP, "RW", gate(eax: [3]), .stimerConfig(0),
            linux: .named("HV_REGISTER_STIMER0_CONFIG")),
        entry(
            0x4000_00B1, "STIMER0_COUNT", .perVP, "RW", gate(eax: [3]), .stimerCount(0),
            linux: .named("HV_REGISTER_STIMER0_COUNT"), volatile: true),
        entry(
            0x4000_00B2, "STIMER1_CONFIG", .perVP, "RW", gate(eax: [3]), .stimerConfig(1),
            linux: .named("HV_REGISTER_STIMER1_CONFIG")),
        entry(
            0x4000_00B3, "STIMER1_COUNT", .perVP, "RW", gate(eax: [3]), .stimerCount(1),
            linux: .named("HV_REGISTER_STIMER1_COUNT"), volatile: true),
        entry(
            0x4000_00B4, "STIMER2_CONFIG", .perVP, "RW", gate(eax: [3]), .stimerConfig(2),
            linux: .named("HV_REGISTER_STIMER2_CONFIG")),
        entry(
            0x4000_00B5, "STIMER2_COUNT", .perVP, "RW", gate(eax: [3]), .stimerCount(2),
            linux: .named("HV_REGISTER_STIMER2_COUNT"), volatile: true),
        entry(
            0x4000_00B6, "STIMER3_CONFIG", .perVP, "RW", gate(eax: [3]), .stimerConfig(3),
            linux: .named("HV_REGISTER_STIMER3_CONFIG")),
        entry(
            0x4000_00B7, "STIMER3_COUNT", .perVP, "RW", gate(eax: [3]), .stimerCount(3),
            linux: .named("HV_REGISTER_STIMER3_COUNT"), volatile: true),
        entry(0x4000_00F0, "GUEST_IDLE", .perVP, "R (side effect)", gate(eax: [10]), .raw, byDefault: false),
        entry(
            0x4000_0100, "CRASH_P0", .unstated, "RW", gate(edx: [10]), .crashParameter(0),
            linux: .named("HV_REGISTER_CRASH_P0 [HV_X64_MSR_CRASH_P0]")),
        entry(
            0x4000_0101, "CRASH_P1", .unstated, "RW", gate(edx: [10]), .crashParameter(1),
            linux: .named("HV_REGISTER_CRASH_P1 [HV_X64_MSR_CRASH_P1]")),
        entry(
            0x4000_0102, "CRASH_P2", .unstated, "RW", gate(edx: [10]), .crashParameter(2),
            linux: .named("HV_REGISTER_CRASH_P2 [HV_X64_MSR_CRASH_P2]")),
        entry(
            0x4000_0103, "CRASH_P3", .unstated, "RW", gate(edx: [10]), .crashParameter(3),
            linux: .named("HV_REGISTER_CRASH_P3 [HV_X64_MSR_CRASH_P3]")),
        entry(
            0x4000_0104, "CRASH_P4", .unstated, "RW", gate(edx: [10]), .crashParameter(4),
            linux: .named("HV_REGISTER_CRASH_P4 [HV_X64_MSR_CRASH_P4]")),
        entry(
            0x4000_0105, "CRASH_CTL", .unstated, "RW", gate(edx: [10]), .crashControl,
            linux: .named("HV_REGISTER_CRASH_CTL")),
        entry(0x4000_0106, "REENLIGHTENMENT_CONTROL", .unstated, "RW", gate(eax: [13]), .reenlightenmentControl),
        entry(0x4000_0107, "TSC_EMULATION_CONTROL", .unstated, "RW", gate(eax: [13]), .tscEmulationControl),
        entry(0x4000_0108, "TSC_EMULATION_STATUS", .unstated, "RW", gate(eax: [13]), .tscEmulationStatus),
        entry(
            0x4000_0114, "STIME_UNHALTED_TIMER_CONFIG", .perVP, "RW", gate(eax: [3], edx: [23]), .raw, linux: .none,
            byDefault: false),
        entry(
            0x4000_0115, "STIME_UNHALTED_TIMER_COUNT", .perVP, "RW", gate(eax: [3], edx: [23]), .raw, linux: .none,
            byDefault: false, volatile: true),
        entry(0x4000_0118, "TSC_INVARIANT_CONTROL", .unstated, "RW", gate(eax: [15]), .tscInvariantControl),
    ]

    /// The MSRs `hvctl msr` reads when no name is given (`SyntheticMSR.readByDefault`).
    public static var defaults: [SyntheticMSR] { all.filter(\.readByDefault) }

    /// The MSR at `index`, if the reference names one there.
    public static func msr(at index: UInt32) -> SyntheticMSR? {
        byIndex[index]
    }

    /// A name as users write it: any case, with or without `HV_X64_MSR_` (`sint2`,
    /// `HV_X64_MSR_GUEST_OS_ID`).
    public static func msr(named name: String) -> SyntheticMSR? {
        var key = name.uppercased()
        if key.hasPrefix(tlfsPrefix) { key.removeFirst(tlfsPrefix.count) }
        return all.first { $0.name == key }
    }

    static let tlfsPrefix = "HV_X64_MSR_"

    private static let byIndex: [UInt32: SyntheticMSR] = Dictionary(
        uniqueKeysWithValues: all.map { ($0.index, $0) })

    /// The Linux macro of a row: the TLFS name, another name, or none (Linux does not define it).
    private enum LinuxName {
        case same
        case named(String)
        case none
    }

    private static func gate(eax: [Int] = [], edx: [Int] = []) -> MSRGate {
        MSRGate(eax: eax, edx: edx)
    }

    /// One row; the TLFS name is `HV_X64_MSR_<name>` for every MSR of §2.1, and so is the Linux macro
    /// unless `linux` says otherwise.
    private static func entry(
        _ index: UInt32, _ name: String, _ scope: MSRScope, _ access: String, _ gate: MSRGate?,
        _ layout: MSRLayout, linux: LinuxName = .same, byDefault: Bool = true, volatile: Bool = false
    ) -> SyntheticMSR {
        let tlfsName = tlfsPrefix + name
        let macro: String? =
            switch linux {
            case .same: tlfsName
            case .named(let given): given
            case .none: nil
            }
        return SyntheticMSR(
            index: index, name: name, tlfsName: tlfsName, linuxMacro: macro, scope: scope, access: access,
            gate: gate, layout: layout, readByDefault: byDefault, isVolatile: volatile)
    }
}
