import Testing

@testable import HyperVKit

/// Multi-bit fields, unknown bits and unknown registers.
@Suite struct LeafFieldTests {
    func decode(_ leaf: UInt32, _ registers: RegisterSet, _ arch: Architecture = .x86_64) -> DecodedLeaf {
        LeafDecoder.decode(leaf: leaf, registers: registers, architecture: arch)
    }

    @Test func knownLeavesAreTheReferenceLeafMap() {
        let expected: [UInt32] = [
            0x4000_0000, 0x4000_0001, 0x4000_0002, 0x4000_0003, 0x4000_0004, 0x4000_0005, 0x4000_0006,
            0x4000_0007, 0x4000_0008, 0x4000_0009, 0x4000_000A, 0x4000_000B, 0x4000_000C,
            0x4000_0080, 0x4000_0081, 0x4000_0082,
        ]
        #expect(LeafCatalog.knownLeaves == expected)
        for leaf in expected { #expect(LeafCatalog.layout(for: leaf, architecture: .x86_64)?.leaf == leaf) }
    }

    /// §1.1: "Microsoft Hv" and the maximum leaf; whole-register fields leave no unknown bits.
    @Test func vendorLeaf() throws {
        let leaf = decode(
            0x4000_0000, RegisterSet(eax: 0x4000_000C, ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074))
        #expect(leaf.register(.eax)?.field("max_leaf") == 0x4000_000C)
        #expect(leaf.register(.ebx)?.field("vendor_signature") == 0x7263_694D)
        #expect(leaf.register(.edx)?.field("vendor_signature") == 0x7648_2074)
        #expect(leaf.register(.ecx)?.unknownSetBits == [])
        let interface = decode(0x4000_0001, RegisterSet(eax: 0x3123_7648, ebx: 0, ecx: 0, edx: 0))
        #expect(interface.register(.eax)?.field("interface_signature") == 0x3123_7648)
    }

    /// §1.3 worked example: EAX=0x4F7C, EBX=0x000A0000, ECX=0, EDX=0xA8C is 10.0.20348.2700-0-0.
    @Test func versionFieldsFromTheWorkedExample() throws {
        let leaf = decode(0x4000_0002, RegisterSet(eax: 0x4F7C, ebx: 0x000A_0000, ecx: 0, edx: 0x0000_0A8C))
        #expect(leaf.register(.eax)?.field("build_number") == 20348)
        #expect(leaf.register(.ebx)?.field("major_version") == 10)
        #expect(leaf.register(.ebx)?.field("minor_version") == 0)
        #expect(leaf.register(.ecx)?.field("service_pack") == 0)
        #expect(leaf.register(.edx)?.field("service_branch") == 0)
        #expect(leaf.register(.edx)?.field("service_number") == 2700)
        let branch = decode(0x4000_0002, RegisterSet(edx: 0x0500_0F00)).register(.edx)
        #expect(branch?.field("service_branch") == 5)
        #expect(branch?.field("service_number") == 0xF00)
        #expect(branch?.fields.map(\.name) == ["service_branch", "service_number"])
    }

    /// §1.4.3: ECX[3:0] is the maximum C-state; ECX[31:11] reserved.
    @Test func maxSupportedCState() throws {
        let ecx = try #require(decode(0x4000_0003, RegisterSet(ecx: 0x0000_0023)).register(.ecx))
        #expect(ecx.field("max_supported_cstate") == 3)
        #expect(ecx.flag("InvariantMperfAvailable") == true)
        #expect(ecx.unknownSetBits == [])
        let reserved = try #require(decode(0x4000_0003, RegisterSet(ecx: 1 << 11)).register(.ecx))
        #expect(reserved.unknownSetBits == [11])
    }

    /// §1.5: EBX is the whole spin-retry count (0xFFFFFFFF = never notify); ECX[6:0] physical address bits.
    @Test func spinlockRetriesAndAddressBits() throws {
        let leaf = decode(0x4000_0004, RegisterSet(eax: 0, ebx: 0xFFFF_FFFF, ecx: 0x0000_00AE, edx: 0))
        #expect(leaf.register(.ebx)?.field("spinlock_retries") == 0xFFFF_FFFF)
        #expect(leaf.register(.ebx)?.unknownSetBits == [])
        #expect(leaf.register(.ecx)?.field("implemented_physical_address_bits") == 46)
        #expect(leaf.register(.ecx)?.unknownSetBits == [7])
        let arm = decode(0x4000_0004, RegisterSet(eax: 0, ebx: 0x0FFF, ecx: nil, edx: nil), .aarch64)
        #expect(arm.register(.ebx)?.field("spinlock_retries") == 0x0FFF)
    }

    /// §1.6: the three counts.
    @Test func implementationLimits() {
        let leaf = decode(0x4000_0005, RegisterSet(eax: 2048, ebx: 512, ecx: 0x0E4A, edx: 0))
        #expect(leaf.register(.eax)?.field("max_virtual_processors") == 2048)
        #expect(leaf.register(.ebx)?.field("max_logical_processors") == 512)
        #expect(leaf.register(.ecx)?.field("max_interrupt_vectors") == 0x0E4A)
    }

    /// §1.7: EAX[13:10] hypervisor level, EBX[7:0] device domain input width, bits 31:28 reserved.
    @Test func hardwareFeatureFields() throws {
        let leaf = decode(0x4000_0006, RegisterSet(eax: 0x8000_0800 | 1 << 3, ebx: 0x0000_0130, ecx: 0, edx: 0))
        let eax = try #require(leaf.register(.eax))
        #expect(eax.field("hypervisor_level") == 2)
        #expect(eax.flag("SecondLevelAddressTranslationInUse") == true)
        #expect(eax.unknownSetBits == [31])
        #expect(leaf.register(.ebx)?.field("device_domain_input_width") == 0x30)
        #expect(leaf.register(.ebx)?.unknownSetBits == [8])
    }

    /// §1.10: EAX[7:0]/[15:8] enlightened VMCS version; bit 16 reserved.
    @Test func enlightenedVMCSVersion() throws {
        let eax = try #require(decode(0x4000_000A, RegisterSet(eax: 0x0003_0201)).register(.eax))
        #expect(eax.field("enlightened_vmcs_version_low") == 1)
        #expect(eax.field("enlightened_vmcs_version_high") == 2)
        #expect(eax.flag("NestedFlushVirtualHypercall") == true)
        #expect(eax.unknownSetBits == [16])
    }

    /// §1.11: EBX[3:0] type, EBX[5] boundary active, EBX[11:6] boundary bits; bit 4 reserved.
    @Test func isolationFields() throws {
        let ebx = try #require(decode(0x4000_000C, RegisterSet(ebx: 2 | 1 << 4 | 1 << 5 | 47 << 6)).register(.ebx))
        #expect(ebx.field("isolation_type") == 2)
        #expect(ebx.field("shared_gpa_boundary_bits") == 47)
        #expect(ebx.flag("SharedGpaBoundaryActive") == true)
        #expect(ebx.unknownSetBits == [4])
    }

    /// A reserved bit set stays visible (docs/architecture.md ("Style"): unknown values are shown raw, never dropped).
    @Test func reservedBitsAreUnknownSetBits() {
        let leaf = decode(0x4000_0003, RegisterSet(eax: 0x0100_2E7F, ebx: 1 << 9 | 1 << 10 | 1 << 18 | 1 << 31))
        #expect(leaf.register(.eax)?.unknownSetBits == [24])
        #expect(leaf.register(.ebx)?.unknownSetBits == [9, 10, 18, 31])
        #expect(leaf.register(.eax)?.raw == 0x0100_2E7F)
    }

    /// Registers with no layout (reserved, or 0x40000008/0x4000000B, layout unconfirmed) keep
    /// the raw value and list every set bit.
    @Test func registersWithoutLayoutListEveryBit() throws {
        let svm = decode(0x4000_0008, RegisterSet(eax: 0x5, ebx: 0, ecx: 0x8000_0000, edx: 0))
        #expect(svm.name == "SVM features")
        #expect(svm.register(.eax)?.unknownSetBits == [0, 2])
        #expect(svm.register(.eax)?.flags == [])
        #expect(svm.register(.eax)?.fields.isEmpty == true)
        #expect(svm.register(.ecx)?.unknownSetBits == [31])
        let ipt = decode(0x4000_000B, RegisterSet(eax: 0x3, ebx: 0, ecx: 0, edx: 0))
        #expect(ipt.register(.eax)?.unknownSetBits == [0, 1])
        let interface = decode(0x4000_0001, RegisterSet(eax: 0x3123_7648, ebx: 0x10, ecx: 0, edx: 0))
        #expect(interface.register(.ebx)?.unknownSetBits == [4])
        let unknownLeaf = decode(0x4000_0100, RegisterSet(eax: 0x1, ebx: 0, ecx: 0, edx: 0))
        #expect(unknownLeaf.register(.eax)?.unknownSetBits == [0])
    }

    /// Registers the source does not give stay nil, never zero (docs/json-schema.md).
    @Test func missingRegistersStayNil() {
        let leaf = decode(0x4000_0003, RegisterSet(eax: 0x2E7F, ebx: 0x3B_8030, ecx: nil, edx: 0x000B_EDB2))
        #expect(leaf.register(.ecx) == nil)
        #expect(leaf.registers.count == 4)
        #expect(leaf.registers.keys.contains(.ecx))
        #expect(leaf.register(.edx)?.raw == 0x000B_EDB2)
    }
}
