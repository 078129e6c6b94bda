@testable import HyperVKit

/// Raw leaves of an invented but plausible x86 Hyper-V guest, built from the reference's values:
/// "Microsoft Hv" and "Hv#1" (§1.1), the §1.3 worked example for the version, and feature words
/// whose bits are set only where the reference tables name them.
enum SummaryFixtures {
    static let vendorHyperV = RegisterSet(eax: 0x4000_000C, ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074)
    static let interfaceHv1 = RegisterSet(eax: 0x3123_7648, ebx: 0, ecx: 0, edx: 0)
    static let version = RegisterSet(eax: 0x4F7C, ebx: 0x000A_0000, ecx: 0, edx: 0x0000_0A8C)
    /// EBX: PostMessages, SignalEvents, EnableExtendedGvaRangesFlushVaList, AccessVSM, AccessVpRegisters,
    /// FastHypercallOutput, EnableExtendedHypercalls, StartVirtualProcessor; no CpuManagement, no Isolation.
    static let features = RegisterSet(eax: 0x2E7F, ebx: 0x003B_8030, ecx: 0, edx: 0x000B_EDB2)
    /// Hints: bits 2, 5, 9, 10, 11 (no Nested); spin retries 0xFFF; 46 physical address bits.
    static let hints = RegisterSet(eax: 0x0000_0E24, ebx: 0x0000_0FFF, ecx: 46, edx: 0)
    static let limits = RegisterSet(eax: 2048, ebx: 512, ecx: 0x0E4A, edx: 0)
    /// SLAT and MSR bitmaps in use, hypervisor level 0.
    static let hardware = RegisterSet(eax: 0x0000_000A, ebx: 0, ecx: 0, edx: 0)
    static let zero = RegisterSet(eax: 0, ebx: 0, ecx: 0, edx: 0)

    static let guest: HypervisorLeaves = [
        0x4000_0000: vendorHyperV, 0x4000_0001: interfaceHv1, 0x4000_0002: version, 0x4000_0003: features,
        0x4000_0004: hints, 0x4000_0005: limits, 0x4000_0006: hardware, 0x4000_0007: zero, 0x4000_0008: zero,
        0x4000_0009: zero, 0x4000_000A: zero, 0x4000_000B: zero, 0x4000_000C: zero,
    ]

    /// `guest` with some leaves replaced.
    static func guest(with changes: HypervisorLeaves) -> HypervisorLeaves {
        guest.merging(changes) { _, new in new }
    }

    /// The words the x86 kernel log gives (§7.1): privilege low/high, misc, hints, the host build.
    static let kernelLog: HypervisorLeaves = [
        0x4000_0002: version,
        0x4000_0003: RegisterSet(eax: 0x2E7F, ebx: 0x003B_8030, ecx: nil, edx: 0x000B_EDB2),
        0x4000_0004: RegisterSet(eax: 0x0000_0E24),
    ]
}
