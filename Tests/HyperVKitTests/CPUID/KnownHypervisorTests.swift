import Testing

@testable import HyperVKit

@Suite struct KnownHypervisorTests {
    /// Packs 12 bytes into EBX, ECX, EDX, four per register, least significant byte first.
    static func registers(_ bytes: [UInt8]) -> (ebx: UInt32, ecx: UInt32, edx: UInt32) {
        func word(_ offset: Int) -> UInt32 {
            (0..<4).reduce(0) { $0 | UInt32(bytes[offset + $1]) << UInt32($1 * 8) }
        }
        return (word(0), word(4), word(8))
    }

    static func registers(_ text: String) -> (ebx: UInt32, ecx: UInt32, edx: UInt32) {
        let bytes = Array(text.utf8)
        return registers(bytes + Array(repeating: 0, count: 12 - bytes.count))
    }

    /// Reference §1.1: EBX 0x7263694D "Micr", ECX 0x666F736F "osof", EDX 0x76482074 "t Hv".
    @Test func microsoftHvFromTheReferenceRegisters() {
        #expect(KnownHypervisor.identify(ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074) == .hyperV)
        #expect(KnownHypervisor.signatureText(ebx: 0x7263_694D, ecx: 0x666F_736F, edx: 0x7648_2074) == "Microsoft Hv")
        #expect(KnownHypervisor.hyperV.displayName == "Microsoft Hyper-V")
    }

    @Test(arguments: [
        ("Microsoft Hv", KnownHypervisor.hyperV), ("XenVMMXenVMM", .xen), ("VMwareVMware", .vmware),
        ("TCGTCGTCGTCG", .qemuTCG), ("bhyve bhyve ", .bhyve), ("ACRNACRNACRN", .acrn), ("VBoxVBoxVBox", .virtualBox),
        (" lrpepyh  vr", .parallels), ("QNXQVMBSQG", .qnx), ("KVMKVMKVM", .kvm),
    ])
    func identifiesSignature(_ text: String, _ expected: KnownHypervisor) {
        let r = Self.registers(text)
        #expect(KnownHypervisor.identify(ebx: r.ebx, ecx: r.ecx, edx: r.edx) == expected)
    }

    /// KVM pads "KVMKVMKVM" with three NULs: EBX 0x4B4D564B, ECX 0x564B4D56, EDX 0x0000004D.
    @Test func kvmSignature() {
        #expect(KnownHypervisor.identify(ebx: 0x4B4D_564B, ecx: 0x564B_4D56, edx: 0x0000_004D) == .kvm)
        #expect(
            KnownHypervisor.signatureText(ebx: 0x4B4D_564B, ecx: 0x564B_4D56, edx: 0x0000_004D) == #"KVMKVMKVM\0\0\0"#)
        #expect(KnownHypervisor.kvm.displayName == "KVM")
    }

    @Test func unknownSignatureIsNilButShownEscaped() {
        let r = Self.registers([0x41, 0x42, 0x43, 0x01, 0x5C, 0x7F, 0x80, 0xFF, 0x20, 0x7E, 0x61, 0x00])
        #expect(KnownHypervisor.identify(ebx: r.ebx, ecx: r.ecx, edx: r.edx) == nil)
        #expect(KnownHypervisor.signatureText(ebx: r.ebx, ecx: r.ecx, edx: r.edx) == #"ABC\x01\\\x7f\x80\xff ~a\0"#)
        #expect(KnownHypervisor.identify(ebx: 0, ecx: 0, edx: 0) == nil)
    }

    /// Reference §1.1 and §1.12: "Hv#1" = 0x31237648, "VS#1" = 0x31235356.
    @Test func interfaceSignatures() {
        #expect(SignatureText.text(of: [0x3123_7648]) == "Hv#1")
        #expect(SignatureText.text(of: [0x3123_5356]) == "VS#1")
    }
}
