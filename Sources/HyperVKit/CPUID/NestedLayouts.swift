/// The leaves about nested virtualization: 0x40000009 and 0x4000000A.
enum NestedLayouts {
    /// Leaf 0x40000009, features the L0 hypervisor exposes to a nested (L1) hypervisor
    /// (reference §1.9; TLFS *Nested Hypervisor Feature Identification - 0x40000009*).
    /// EAX[12] is AccessReenlightenmentControls here but bit 13 in leaf 3; whether that is a TLFS
    /// typo is unconfirmed, so this follows the TLFS table.
    static let nestedHypervisorFeatures = LeafLayout(
        leaf: 0x4000_0009, name: "Nested hypervisor features",
        summary: "virtual-MSR (EAX) and hypercall (EDX) access the L0 hypervisor gives a nested hypervisor",
        registers: [
            .eax: RegisterLayout(flags: [
                BitFlag(2, "AccessSynicRegs", "SynIC MSRs"),
                BitFlag(4, "AccessIntrCtrlRegs", "APIC EOI/ICR/TPR MSRs and the VP assist page"),
                BitFlag(5, "AccessHypercallMsrs", "GUEST_OS_ID and HYPERCALL MSRs"),
                BitFlag(6, "AccessVpIndex", "VP_INDEX MSR"),
                BitFlag(12, "AccessReenlightenmentControls", "reenlightenment MSRs (bit 13 in leaf 0x40000003)"),
            ]),
            .edx: RegisterLayout(flags: [
                BitFlag(4, "XmmRegistersForFastHypercallAvailable", "hypercall input via XMM registers"),
                BitFlag(15, "FastHypercallOutputAvailable", "hypercall output via XMM registers"),
                BitFlag(17, "SintPollingModeAvailable", "SINT polling mode"),
            ]),
        ])

    /// Leaf 0x4000000A (`HYPERV_CPUID_NESTED_FEATURES`), nested virtualization features
    /// (reference §1.10; TLFS *Hypervisor Nested Virtualization Features - 0x4000000A*, whose table
    /// says "31-21 reserved" yet defines bits 21 and 22: the bit rows are taken;
    /// `arch/x86/include/asm/hyperv-tlfs.h`; openvmm `HvNestedVirtFeaturesEax`).
    static let nestedVirtualizationFeatures = LeafLayout(
        leaf: 0x4000_000A, name: "Nested virtualization features",
        summary: "enlightened VMCS version and nested virtualization features",
        registers: [
            .eax: RegisterLayout(
                flags: [
                    BitFlag(
                        17, "NestedFlushVirtualHypercall", "direct virtual flush hypercalls",
                        "HV_X64_NESTED_DIRECT_FLUSH"),
                    BitFlag(
                        18, "FlushGuestPhysicalHypercall", "HvCallFlushGuestPhysicalAddressSpace/List",
                        "HV_X64_NESTED_GUEST_MAPPING_FLUSH"),
                    BitFlag(19, "MsrBitmap", "enlightened MSR bitmap", "HV_X64_NESTED_MSR_BITMAP"),
                    BitFlag(20, "VirtualizationException", "virtualization exceptions in the page-fault class"),
                    BitFlag(21, "DebugCtl", "non-zero GuestIa32DebugCtl (VMCS 0x2802) supported"),
                    BitFlag(
                        22, "EnlightenedNptTlb", "enlightened TLB on AMD: ASID flush keeps NPT-derived entries",
                        "HV_X64_NESTED_ENLIGHTENED_TLB"),
                ],
                fields: [
                    BitField(
                        name: "enlightened_vmcs_version_low", low: 0, width: 8,
                        summary: "lowest enlightened VMCS version supported (HV_X64_ENLIGHTENED_VMCS_VERSION)"),
                    BitField(
                        name: "enlightened_vmcs_version_high", low: 8, width: 8,
                        summary: "highest enlightened VMCS version supported"),
                ]),
            .ebx: RegisterLayout(flags: [
                BitFlag(
                    0, "PerfGlobalCtrl", "GuestPerfGlobalCtrl/HostPerfGlobalCtrl in the enlightened VMCS",
                    "HV_X64_NESTED_EVMCS1_PERF_GLOBAL_CTRL")
            ]),
        ])
}
