/// The arm64 bit maps of the synthetic registers that stand in for leaves 0x40000003,
/// 0x40000004 and 0x40000006 (reference §1.13; TLFS *Feature and Interface Discovery*, ARM64
/// sections; `arch/arm64/include/asm/hyperv-tlfs.h`).
///
/// arm64 has no CPUID: hvctl learns these words only from the kernel log
/// (`Hyper-V: privilege flags low …, high …, hints …, misc …`). The misc word is word c of
/// HvRegisterPrivilegesAndFeaturesInfo (bits 95:64 of the 128-bit value), but hvctl keeps it in
/// leaf 0x40000003 EDX, where x86 keeps its misc word, so one mapping serves both architectures
/// (docs/json-schema.md). Its bit positions differ from x86: e.g. guest crash registers are bit 8
/// here and bit 10 on x86.
enum Arm64Layouts {
    /// Word c of HvRegisterPrivilegesAndFeaturesInfo, kept in leaf 0x40000003 EDX.
    static let misc = RegisterLayout(flags: [
        BitFlag(0, "GuestDebuggingAvailable", "guest debugging"),
        BitFlag(1, "PerformanceMonitorsAvailable", "performance monitor"),
        BitFlag(2, "CpuDynamicPartitioningAvailable", "physical CPU dynamic partitioning events"),
        BitFlag(3, "GuestIdleAvailable", "virtual guest idle state"),
        BitFlag(4, "HypervisorSleepStateSupportAvailable", "hypervisor sleep state"),
        BitFlag(5, "NumaDistanceQueryAvailable", "NUMA distance query"),
        BitFlag(6, "FrequencyRegsAvailable", "timer frequency determination"),
        BitFlag(7, "SyntheticMachineCheckAvailable", "synthetic machine-check injection"),
        BitFlag(
            8, "GuestCrashRegsAvailable",
            "guest crash registers ([conflict] a TLFS crash page says bit 105; Linux uses 72 = word c bit 8)",
            "HV_FEATURE_GUEST_CRASH_MSR_AVAILABLE"),
        BitFlag(10, "DisableHypervisorAvailable", "disable hypervisor available"),
        BitFlag(12, "SintPollingModeAvailable", "SINT polling mode"),
        BitFlag(13, "DirectSyntheticTimers", "direct synthetic timers", "HV_STIMER_DIRECT_MODE_AVAILABLE"),
    ])

    /// Word a of HvRegisterFeaturesInfo (the hints).
    static let hints = RegisterLayout(flags: [
        BitFlag(0, "UseHvRegisterForReset", "use the hypervisor register for reset (always 0 on arm64; use PSCI)"),
        BitFlag(1, "UseRelaxedTiming", "relaxed timing"),
        BitFlag(2, "UseSyntheticClusterIpi", "use the SyntheticClusterIpi hypercall"),
        BitFlag(3, "UseExProcessorMasks", "use the ExProcessorMasks interface"),
        BitFlag(4, "Nested", "the hypervisor is nested"),
        BitFlag(5, "UseSyncedTimeline", "synced timeline"),
        BitFlag(21, "UseHypercallForMmioAccess", "use hypercalls for MMIO access"),
        BitFlag(22, "UseGpaPinningHypercall", "GPA-pinning hypercall"),
        BitFlag(23, "WakeVps", "wake VPs"),
        BitFlag(26, "MapPartitionEventLogBuffer", "map the partition event-log buffer"),
    ])

    /// Word a of HvRegisterHardwareFeaturesInfo (no hypervisor level on arm64).
    static let hardwareFeatures = RegisterLayout(flags: [
        BitFlag(0, "ArchitecturalPerformanceCountersInUse", "architectural performance counters"),
        BitFlag(1, "SecondLevelAddressTranslationInUse", "second-level address translation (SLAT)"),
        BitFlag(2, "DmaRemappingInUse", "DMA remapping"),
        BitFlag(3, "InterruptRemappingInUse", "interrupt remapping"),
        BitFlag(4, "MemoryPatrolScrubberPresent", "patrol scrubber"),
        BitFlag(5, "DmaProtectionInUse", "DMA protection"),
        BitFlag(6, "SyntheticTimersVolatile", "synthetic timers are volatile"),
    ])

    /// HvRegisterPrivilegesAndFeaturesInfo: words a/b as on x86, no ECX (`ext`) word, misc in EDX.
    static let features = LeafLayout(
        leaf: 0x4000_0003, name: "Features",
        summary: "partition privilege mask (words a/b) and the arm64 misc word (word c, kept in EDX)",
        registers: [
            .eax: FeatureLayout.privilegesLow, .ebx: FeatureLayout.privilegesHigh, .edx: misc,
        ])

    /// HvRegisterFeaturesInfo: word a hints, word b spin-retry count, the rest reserved.
    static let recommendations = LeafLayout(
        leaf: 0x4000_0004, name: "Implementation recommendations",
        summary: "arm64 hints (word a) and spin-retry count (word b)",
        registers: [.eax: hints, .ebx: RecommendationLayout.spinlockRetries])

    /// HvRegisterHardwareFeaturesInfo.
    static let hardware = LeafLayout(
        leaf: 0x4000_0006, name: "Hardware features",
        summary: "hardware features the hypervisor detected and uses (arm64 bit map)",
        registers: [.eax: hardwareFeatures])
}
