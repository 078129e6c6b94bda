/// The leaves that identify the hypervisor and its limits: 0x40000000-0x40000002, 0x40000005,
/// 0x40000007, the unconfirmed 0x40000008/0x4000000B, and the virtualization-stack leaves
/// 0x40000080-0x40000082 (reference §1.1-§1.3, §1.6, §1.8, §1.12).
enum IdentityLayouts {
    /// Leaf 0x40000000: EAX the maximum hypervisor leaf; EBX, ECX, EDX the vendor signature, four
    /// ASCII bytes each, little-endian (TLFS *Hypervisor CPUID Leaf Range - 0x40000000*).
    static let vendor = LeafLayout(
        leaf: 0x4000_0000, name: "Vendor and maximum leaf",
        summary: "maximum hypervisor leaf and vendor signature (\"Microsoft Hv\")",
        registers: [
            .eax: .whole("max_leaf", "maximum hypervisor CPUID leaf"),
            .ebx: .whole("vendor_signature", "vendor signature, bytes 0-3"),
            .ecx: .whole("vendor_signature", "vendor signature, bytes 4-7"),
            .edx: .whole("vendor_signature", "vendor signature, bytes 8-11"),
        ])

    /// Leaf 0x40000001: EAX the vendor-neutral interface signature ("Hv#1"); EBX-EDX reserved
    /// (TLFS *Hypervisor Vendor-Neutral Interface Identification*).
    static let interface = LeafLayout(
        leaf: 0x4000_0001, name: "Interface",
        summary: "vendor-neutral interface signature (\"Hv#1\")",
        registers: [.eax: .whole("interface_signature", "interface signature, four ASCII bytes")])

    /// Leaf 0x40000002, decoded by `HostVersion` (reference §1.3; `union hv_hypervisor_version_info`).
    static let version = LeafLayout(
        leaf: 0x4000_0002, name: "Hypervisor version",
        summary: "build and version of the host the hypervisor ships with",
        registers: [
            .eax: .whole("build_number", "build number"),
            .ebx: RegisterLayout(fields: [
                BitField(name: "major_version", low: 16, width: 16, summary: "major version"),
                BitField(name: "minor_version", low: 0, width: 16, summary: "minor version"),
            ]),
            .ecx: .whole("service_pack", "service pack"),
            .edx: RegisterLayout(fields: [
                BitField(name: "service_branch", low: 24, width: 8, summary: "service branch"),
                BitField(name: "service_number", low: 0, width: 24, summary: "service number"),
            ]),
        ])

    /// Leaf 0x40000005 (TLFS *Hypervisor Implementation Limits - 0x40000005*); zero = not exposed.
    static let limits = LeafLayout(
        leaf: 0x4000_0005, name: "Implementation limits",
        summary: "maximum virtual and logical processors and interrupt-remapping vectors (0 = not exposed)",
        registers: [
            .eax: .whole("max_virtual_processors", "maximum number of virtual processors supported"),
            .ebx: .whole("max_logical_processors", "maximum number of logical processors supported"),
            .ecx: .whole(
                "max_interrupt_vectors", "maximum physical interrupt vectors available for interrupt remapping"),
        ])

    /// Leaf 0x40000007, CPU management (root partition only; `arch/x86/include/asm/hyperv-tlfs.h`;
    /// not in the TLFS; Linux defines the bits but does not read the leaf).
    static let cpuManagement = LeafLayout(
        leaf: 0x4000_0007, name: "CPU management features",
        summary: "CPU management features of the root partition",
        registers: [
            .eax: RegisterLayout(flags: [
                BitFlag(0, "StartLogicalProcessor", "start logical processor", "HV_X64_START_LOGICAL_PROCESSOR"),
                BitFlag(
                    1, "CreateRootVirtualProcessor", "create root virtual processor",
                    "HV_X64_CREATE_ROOT_VIRTUAL_PROCESSOR"),
                BitFlag(2, "PerformanceCounterSync", "performance counter sync", "HV_X64_PERFORMANCE_COUNTER_SYNC"),
                BitFlag(
                    31, "ReservedIdentityBit", "Windows uses it to identify the root partition",
                    "HV_X64_RESERVED_IDENTITY_BIT"),
            ])
        ])

    /// Leaf 0x40000008: SVM features, deduced from the arm64 register order; layout unconfirmed,
    /// so every set bit is reported as unknown.
    static let svmFeatures = LeafLayout(
        leaf: 0x4000_0008, name: "SVM features",
        summary: "SVM features (layout unconfirmed; bits shown raw)", registers: [:])

    /// Leaf 0x4000000B: IPT features, deduced from the arm64 register order; layout unconfirmed.
    static let iptFeatures = LeafLayout(
        leaf: 0x4000_000B, name: "IPT features",
        summary: "Intel PT features (layout unconfirmed; bits shown raw)", registers: [:])

    /// Leaf 0x40000080: answered by the virtualization stack (openvmm `vmm_core/src/cpuid/mod.rs`;
    /// "Microsoft VS" unconfirmed for Hyper-V itself).
    static let stackVendor = LeafLayout(
        leaf: 0x4000_0080, name: "Virtualization stack vendor",
        summary: "maximum virtualization-stack leaf and vendor signature (\"Microsoft VS\")",
        registers: [
            .eax: .whole("max_leaf", "maximum virtualization-stack leaf"),
            .ebx: .whole("vendor_signature", "vendor signature, bytes 0-3"),
            .ecx: .whole("vendor_signature", "vendor signature, bytes 4-7"),
            .edx: .whole("vendor_signature", "vendor signature, bytes 8-11"),
        ])

    /// Leaf 0x40000081: "VS#1" (`HYPERV_VS_INTERFACE_EAX_SIGNATURE` = 0x31235356).
    static let stackInterface = LeafLayout(
        leaf: 0x4000_0081, name: "Virtualization stack interface",
        summary: "virtualization-stack interface signature (\"VS#1\")",
        registers: [.eax: .whole("interface_signature", "interface signature, four ASCII bytes")])

    /// Leaf 0x40000082: partition properties (openvmm `VS1_PARTITION_PROPERTIES_*`;
    /// `HYPERV_VS_PROPERTIES_EAX_*` in Linux).
    static let stackProperties = LeafLayout(
        leaf: 0x4000_0082, name: "Virtualization stack properties",
        summary: "partition properties the virtualization stack reports",
        registers: [
            .eax: RegisterLayout(flags: [
                BitFlag(0, "IsPortable", "the partition may be moved to another host"),
                BitFlag(1, "DebugDevicePresent", "a synthetic debug device is present"),
                BitFlag(
                    2, "ExtendedIoapicRte", "IOAPIC/MSI may address 15-bit APIC IDs",
                    "HYPERV_VS_PROPERTIES_EAX_EXTENDED_IOAPIC_RTE"),
                BitFlag(
                    3, "ConfidentialVmbusAvailable", "Confidential VMBus offered (Linux macro: newer kernels)",
                    "HYPERV_VS_PROPERTIES_EAX_CONFIDENTIAL_VMBUS_AVAILABLE"),
            ])
        ])
}
