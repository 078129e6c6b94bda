/// Leaf 0x40000004 (`HYPERV_CPUID_ENLIGHTMENT_INFO`), the implementation recommendations or
/// "hints" (reference §1.5; TLFS *Implementation Recommendations - 0x40000004*;
/// `arch/x86/include/asm/hyperv-tlfs.h`; openvmm `HvEnlightenmentInformation`).
///
/// Names are openvmm's fields in CamelCase (the `_deprecated` suffix dropped; the summary says
/// deprecated). The arm64 hints word has other bit positions (`Arm64Layouts`).
enum RecommendationLayout {
    /// EAX: recommendations, x86 bit positions.
    static let hints = RegisterLayout(flags: [
        BitFlag(
            0, "UseHypercallForAddressSpaceSwitch", "use a hypercall for address-space switch, not MOV CR3",
            "HV_X64_AS_SWITCH_RECOMMENDED"),
        BitFlag(
            1, "UseHypercallForLocalFlush", "use a hypercall for local TLB flush",
            "HV_X64_LOCAL_TLB_FLUSH_RECOMMENDED"),
        BitFlag(
            2, "UseHypercallForRemoteFlushAndLocalFlushEntire", "use a hypercall for remote TLB flush",
            "HV_X64_REMOTE_TLB_FLUSH_RECOMMENDED"),
        BitFlag(3, "UseApicMsrs", "use MSRs for APIC EOI/ICR/TPR", "HV_X64_APIC_ACCESS_RECOMMENDED"),
        BitFlag(
            4, "UseHvRegisterForReset", "use the hypervisor MSR for system reset", "HV_X64_SYSTEM_RESET_RECOMMENDED"),
        BitFlag(
            5, "UseRelaxedTiming", "relaxed timing: disable watchdogs relying on timely interrupts",
            "HV_X64_RELAXED_TIMING_RECOMMENDED"),
        BitFlag(6, "UseDmaRemapping", "use DMA remapping (deprecated)"),
        BitFlag(7, "UseInterruptRemapping", "use interrupt remapping (deprecated)"),
        BitFlag(
            8, "UseX2ApicMsrs",
            "use x2APIC MSRs ([conflict] TLFS rendered table: reserved; its source table names it)"),
        BitFlag(9, "DeprecateAutoEoi", "do not use auto-EOI", "HV_DEPRECATING_AEOI_RECOMMENDED"),
        BitFlag(
            10, "UseSyntheticClusterIpi", "use the SyntheticClusterIpi hypercall", "HV_X64_CLUSTER_IPI_RECOMMENDED"),
        BitFlag(
            11, "UseExProcessorMasks", "use the ExProcessorMasks interface", "HV_X64_EX_PROCESSOR_MASKS_RECOMMENDED"),
        BitFlag(
            12, "Nested", "the hypervisor is nested inside a Hyper-V partition (Linux macro: newer kernels)",
            "HV_X64_HYPERV_NESTED"),
        BitFlag(13, "UseIntForMbecSystemCalls", "use INT for MBEC system calls"),
        BitFlag(
            14, "UseVmcsEnlightenments", "use the enlightened VMCS (nested hypervisor; see 0x4000000A)",
            "HV_X64_ENLIGHTENED_VMCS_RECOMMENDED"),
        BitFlag(15, "UseSyncedTimeline", "consume the root's QPC bias"),
        BitFlag(16, "CoreSchedulerRequested", "core scheduler requested (openvmm; TLFS: reserved)"),
        BitFlag(17, "UseDirectLocalFlushEntire", "toggle CR4.PGE for a local flush of everything"),
        BitFlag(
            18, "NoNonArchitecturalCoreSharing", "a VP shares a core only with its reported SMT siblings",
            "HV_X64_NO_NONARCH_CORESHARING"),
        BitFlag(19, "UseX2Apic", "use x2APIC (openvmm; TLFS: reserved)"),
        BitFlag(20, "RestoreTimeOnResume", "restore time on resume (openvmm; TLFS: reserved)"),
        BitFlag(
            21, "UseHypercallForMmioAccess", "use hypercalls for MMIO access (Linux macro: newer kernels)",
            "HV_X64_USE_MMIO_HYPERCALLS"),
        BitFlag(22, "UseGpaPinningHypercall", "GPA-pinning hypercall (openvmm; TLFS: reserved)"),
        BitFlag(23, "WakeVps", "wake VPs (openvmm; TLFS: reserved)"),
    ])

    /// EBX: the spin-retry count, on both architectures (arm64 word b).
    static let spinlockRetries = RegisterLayout.whole(
        "spinlock_retries",
        "spinlock acquisition attempts before notifying the hypervisor; 0xFFFFFFFF = never notify "
            + "([conflict] TLFS Guest Spinlocks says 0 = never notify); Linux 6.1 does not read it")

    /// ECX[6:0]: the host's physical address width (MAXPHYADDR) as a count; 0 = not reported.
    static let physicalAddressBits = RegisterLayout(fields: [
        BitField(
            name: "implemented_physical_address_bits", low: 0, width: 7,
            summary: "host physical address width in bits (0 = not reported)")
    ])

    static let x86 = LeafLayout(
        leaf: 0x4000_0004, name: "Implementation recommendations",
        summary: "enlightenments the hypervisor recommends (hints), spin-retry count, physical address bits",
        registers: [.eax: hints, .ebx: spinlockRetries, .ecx: physicalAddressBits])
}
