import Testing

@testable import HyperVKit

@Suite struct HypervisorSummaryTests {
    typealias Fixtures = SummaryFixtures

    func summary(
        _ leaves: HypervisorLeaves, present: Bool? = true, _ arch: Architecture = .x86_64
    ) -> HypervisorSummary {
        HypervisorSummary.make(leaves: leaves, hypervisorPresentBit: present, architecture: arch)
    }

    @Test func hyperVGuest() throws {
        let s = summary(Fixtures.guest)
        #expect(s.hypervisor.present)
        #expect(s.hypervisor.vendor == "Microsoft Hv")
        #expect(s.hypervisor.interface == "Hv#1")
        #expect(s.hypervisor.isHyperV)
        #expect(s.hypervisor.maxLeaf == 0x4000_000C)
        let host = try #require(s.host)
        #expect(host.version == HostVersion(eax: 0x4F7C, ebx: 0x000A_0000, ecx: 0, edx: 0xA8C))
        #expect(host.release == "Windows Server 2022 (LTSC 2022)")
        #expect(s.partition.role == .child)
        #expect(
            s.isolation == .init(type: HypervisorSummary.IsolationType.none, paravisor: nil, sharedGpaBoundaryBits: nil)
        )
        #expect(s.nested == false)
        #expect(s.limits == .init(maxVirtualProcessors: 2048, maxLogicalProcessors: 512))
    }

    /// Mainline `hv_identify_partition_type()` (issue 13): with CreatePartitions (EBX[0]) and
    /// without Isolation (EBX[22]), root when CpuManagement (EBX[12]) is set too, else L1VH; a child
    /// otherwise. Linux 6.1 (`ms_hyperv_init_platform()`, §1.4.2): root when EBX[12] is set and
    /// EBX[22] clear, whatever EBX[0] says.
    static let roles: [(ebx: UInt32, role: HypervisorSummary.Role, linux61: HypervisorSummary.Role)] = [
        (0x003B_8030, .child, .child),
        (0x003B_9030, .child, .root),  // + bit 12 alone: 6.1's root, not mainline's
        (0x003B_9031, .root, .root),  // + bits 0 and 12
        (0x003B_8031, .l1vh, .child),  // + bit 0 alone: L1VH
        (0x007B_9031, .child, .child),  // + bits 0, 12 and 22: isolation rules root out
        (0x007B_8031, .child, .child),  // + bits 0 and 22
        (0x007B_8030, .child, .child),  // + bit 22
    ]

    @Test(arguments: roles.indices)
    func partitionRole(_ index: Int) {
        let (ebx, role, linux61) = Self.roles[index]
        let leaves = Fixtures.guest(with: [0x4000_0003: RegisterSet(eax: 0x2E7F, ebx: ebx, ecx: 0, edx: 0)])
        #expect(summary(leaves).partition.role == role)
        #expect(summary(leaves).partition.roleLinux61 == linux61)
    }

    struct IsolationCase: Sendable {
        let eax: UInt32
        let ebx: UInt32
        let type: HypervisorSummary.IsolationType
        let paravisor: Bool
        let bits: Int?
    }

    /// §1.11: type from EBX[3:0] (0-3, 4 = Arm CCA as openvmm names it, else unknown), paravisor from
    /// EAX[0], boundary bits only with EBX[5].
    static let isolationCases: [IsolationCase] = [
        IsolationCase(eax: 0, ebx: 0x0000_0001, type: .vbs, paravisor: false, bits: nil),
        IsolationCase(eax: 1, ebx: 0x0000_0BA2, type: .snp, paravisor: true, bits: 46),  // 2 | 1 << 5 | 46 << 6
        IsolationCase(eax: 0, ebx: 0x0000_0BE3, type: .tdx, paravisor: false, bits: 47),  // 3 | 1 << 5 | 47 << 6
        IsolationCase(eax: 1, ebx: 0x0000_0B82, type: .snp, paravisor: true, bits: nil),  // 2 | 46 << 6, no bit 5
        IsolationCase(eax: 0, ebx: 0x0000_0000, type: .none, paravisor: false, bits: nil),
        IsolationCase(eax: 0, ebx: 0x0000_0004, type: .cca, paravisor: false, bits: nil),
        IsolationCase(eax: 0, ebx: 0x0000_0005, type: .unknown, paravisor: false, bits: nil),
        IsolationCase(eax: 0, ebx: 0x0000_000F, type: .unknown, paravisor: false, bits: nil),
    ]

    @Test(arguments: isolationCases)
    func isolation(_ c: IsolationCase) {
        let leaves = Fixtures.guest(with: [
            0x4000_0003: RegisterSet(eax: 0x2E7F, ebx: 0x007B_8030, ecx: 0, edx: 0),
            0x4000_000C: RegisterSet(eax: c.eax, ebx: c.ebx, ecx: 0, edx: 0),
        ])
        let isolation = summary(leaves).isolation
        #expect(isolation.type == c.type)
        #expect(isolation.paravisor == c.paravisor)
        #expect(isolation.sharedGpaBoundaryBits == c.bits)
    }

    /// Linux reads leaf 0x4000000C only when EBX[22] is set; without it the partition is not isolated.
    @Test func isolationLeafIgnoredWithoutTheIsolationPrivilege() {
        let leaves = Fixtures.guest(with: [0x4000_000C: RegisterSet(eax: 1, ebx: 2 | 1 << 5 | 46 << 6, ecx: 0, edx: 0)])
        #expect(
            summary(leaves).isolation
                == .init(type: HypervisorSummary.IsolationType.none, paravisor: nil, sharedGpaBoundaryBits: nil))
    }

    /// §1.2: a leaf above the maximum is absent, so an isolated partition whose maximum stops
    /// before 0x4000000C has an unknown isolation type, not "none".
    /// Newer kernels read 0x4000000C whenever EBX[22] is set, even above the maximum leaf (issue 13):
    /// decoded, with a note saying why (`LeafPresence.kernelNotes`).
    @Test func isolationLeafAboveMaxLeafIsReadWithANote() {
        var vendor = Fixtures.vendorHyperV
        vendor.eax = 0x4000_000B
        let leaves = Fixtures.guest(with: [
            0x4000_0000: vendor,
            0x4000_0003: RegisterSet(eax: 0x2E7F, ebx: 1 << 22, ecx: 0, edx: 0),
            0x4000_000C: RegisterSet(eax: 1, ebx: 2, ecx: 0, edx: 0),
        ])
        #expect(summary(leaves).isolation == .init(type: .snp, paravisor: true, sharedGpaBoundaryBits: nil))
        #expect(LeafPresence.kernelNotes(leaves, hypervisorPresentBit: true)[0x4000_000C]?.contains("EBX[22]") == true)
        // Without EBX[22] the leaf above the maximum stays out.
        var plain = leaves
        plain[0x4000_0003] = RegisterSet(eax: 0x2E7F, ebx: 0, ecx: 0, edx: 0)
        #expect(LeafPresence.presentLeaves(plain, hypervisorPresentBit: true)[0x4000_000C] == nil)
    }

    /// Nested when hints bit 12 (x86) / bit 4 (arm64) is set or the leaf-6 hypervisor level is non-zero.
    @Test func nested() {
        #expect(summary(Fixtures.guest(with: [0x4000_0004: RegisterSet(eax: 1 << 12)])).nested == true)
        #expect(summary(Fixtures.guest(with: [0x4000_0006: RegisterSet(eax: 1 << 10)])).nested == true)
        #expect(summary(Fixtures.guest).nested == false)
        let bothUnknown = Fixtures.guest.filter { $0.key != 0x4000_0004 && $0.key != 0x4000_0006 }
        #expect(summary(bothUnknown).nested == nil)
        let arm: HypervisorLeaves = [0x4000_0003: Fixtures.features, 0x4000_0004: RegisterSet(eax: 1 << 4)]
        #expect(summary(arm, present: nil, .aarch64).nested == true)
        let armBit12: HypervisorLeaves = [0x4000_0003: Fixtures.features, 0x4000_0004: RegisterSet(eax: 1 << 12)]
        #expect(summary(armBit12, present: nil, .aarch64).nested == false)
    }

    /// A kernel-log source: what the log gives is decoded, the rest is nil (docs/json-schema.md).
    @Test(arguments: [Architecture.x86_64, .aarch64])
    func kernelLogSource(_ arch: Architecture) throws {
        let s = summary(Fixtures.kernelLog, present: nil, arch)
        #expect(s.hypervisor == .init(present: true, vendor: nil, interface: nil, isHyperV: true, maxLeaf: nil))
        #expect(s.host?.version.build == 20348)
        #expect(s.partition.role == .child)
        #expect(
            s.isolation == .init(type: HypervisorSummary.IsolationType.none, paravisor: nil, sharedGpaBoundaryBits: nil)
        )
        #expect(s.nested == false)
        #expect(s.limits == .init(maxVirtualProcessors: nil, maxLogicalProcessors: nil))
    }

    /// The isolation privilege without leaf 0x4000000C (not logged on arm64) gives an unknown type.
    @Test func kernelLogIsolatedWithoutConfig() {
        let leaves: HypervisorLeaves = [0x4000_0003: RegisterSet(eax: 0x2E7F, ebx: 1 << 22, edx: 0)]
        #expect(summary(leaves, present: nil).isolation.type == nil)
        let withHost: HypervisorLeaves = [0x4000_0002: RegisterSet(eax: 0x4F7C)]
        #expect(summary(withHost, present: nil).host == nil)
    }

    @Test func nothingKnown() {
        let s = summary([:], present: nil)
        #expect(s.hypervisor == .init(present: false, vendor: nil, interface: nil, isHyperV: false, maxLeaf: nil))
        #expect(s.host == nil)
        #expect(s.partition.role == nil)
        #expect(s.isolation.type == nil)
        #expect(s.nested == nil)
    }

    /// CPUID.1:ECX[31] clear: the 0x4000xxxx leaves are not hypervisor data (§1.1 step 1).
    @Test func hypervisorBitClear() {
        let s = summary(Fixtures.guest, present: false)
        #expect(s.hypervisor == .init(present: false, vendor: nil, interface: nil, isHyperV: false, maxLeaf: nil))
        #expect(s.host == nil)
        #expect(s.partition.role == nil)
    }

    /// KVM's own signature: reported as it is, not Hyper-V, nothing else decoded.
    @Test func kvmIsNotHyperV() {
        let leaves: HypervisorLeaves = [
            0x4000_0000: RegisterSet(eax: 0x4000_0001, ebx: 0x4B4D_564B, ecx: 0x564B_4D56, edx: 0x0000_004D),
            0x4000_0001: RegisterSet(eax: 0x0100_7AFB, ebx: 0, ecx: 0, edx: 0),
            0x4000_0003: Fixtures.features,
        ]
        let s = summary(leaves)
        // Printable, without the NUL padding (issue 14); the escaped form stays for messages.
        #expect(s.hypervisor.vendor == "KVMKVMKVM")
        #expect(s.hypervisor.vendorEscaped == #"KVMKVMKVM\0\0\0"#)
        // KVM's 0x40000001 EAX is feature bits (KVM_FEATURE_*), not an interface signature.
        #expect(s.hypervisor.interface == nil)
        #expect(s.hypervisor.isHyperV == false)
        #expect(s.hypervisor.present)
        #expect(s.partition.role == nil)
        #expect(s.host == nil)
    }

    /// A signature with a byte that is not printable ASCII is null in JSON, never `\x` escapes.
    @Test func aNonPrintableSignatureIsNil() {
        let leaves: HypervisorLeaves = [
            0x4000_0000: RegisterSet(eax: 0x4000_0005, ebx: 0x4B4D_01FF, ecx: 0x564B_4D56, edx: 0x0000_004D),
            0x4000_0001: RegisterSet(eax: 0x3123_7648, ebx: 0, ecx: 0, edx: 0),
        ]
        let s = summary(leaves)
        #expect(s.hypervisor.vendor == nil)
        #expect(s.hypervisor.vendorEscaped == #"\xff\x01MKVMKVM\0\0\0"#)
        #expect(s.hypervisor.interface == "Hv#1")
    }

    /// §1.1 step 2: Linux needs 0x40000005 <= max leaf <= 0x4000FFFF.
    @Test(arguments: [UInt32(0x4000_0004), 0x4001_0000])
    func maxLeafOutOfRangeIsNotHyperV(_ maxLeaf: UInt32) {
        var vendor = Fixtures.vendorHyperV
        vendor.eax = maxLeaf
        let s = summary(Fixtures.guest(with: [0x4000_0000: vendor]))
        #expect(s.hypervisor.vendor == "Microsoft Hv")
        #expect(s.hypervisor.isHyperV == false)
        #expect(s.hypervisor.maxLeaf == maxLeaf)
    }

    /// Zero limits mean "not exposed" (§1.6); an unlisted build has no release name (§8).
    @Test func zeroLimitsAndUnknownBuild() {
        let leaves = Fixtures.guest(with: [
            0x4000_0005: Fixtures.zero, 0x4000_0002: RegisterSet(eax: 20349, ebx: 0x000A_0000, ecx: 0, edx: 0),
        ])
        let s = summary(leaves)
        #expect(s.limits == .init(maxVirtualProcessors: nil, maxLogicalProcessors: nil))
        #expect(s.host?.version.build == 20349)
        #expect(s.host?.release == nil)
    }
}
