/// Leaf 0x4000000C (`HYPERV_CPUID_ISOLATION_CONFIG`), the isolation (confidential VM)
/// configuration (reference §1.11; `arch/x86/include/asm/hyperv-tlfs.h`, newer
/// `include/hyperv/hvgdk_mini.h`, openvmm `HvIsolationConfiguration`; not in the TLFS).
/// Linux reads it only when leaf 0x40000003 EBX[22] (`HV_ISOLATION`) is set.
enum IsolationLayout {
    static let leaf = LeafLayout(
        leaf: 0x4000_000C, name: "Isolation configuration",
        summary: "paravisor presence, isolation type and shared GPA boundary of a confidential VM",
        registers: [
            .eax: RegisterLayout(flags: [
                BitFlag(0, "ParavisorPresent", "a paravisor runs inside the partition", "HV_PARAVISOR_PRESENT")
            ]),
            .ebx: RegisterLayout(
                flags: [
                    BitFlag(
                        5, "SharedGpaBoundaryActive", "the shared GPA boundary is in effect",
                        "HV_SHARED_GPA_BOUNDARY_ACTIVE")
                ],
                fields: [
                    BitField(
                        name: "isolation_type", low: 0, width: 4,
                        summary: "0 none, 1 VBS, 2 AMD SEV-SNP, 3 Intel TDX (newer kernels), 4 Arm CCA (openvmm)"),
                    BitField(
                        name: "shared_gpa_boundary_bits", low: 6, width: 6,
                        summary: "shared GPA boundary bit number: boundary = 1 << bits"),
                ]),
        ])
}
