/// Hypervisors recognised by the vendor signature of leaf 0x40000000 EBX/ECX/EDX: twelve ASCII
/// bytes, four per register, each register little-endian (TLFS *Hypervisor CPUID Leaf Range*;
/// Linux matches "Microsoft Hv" in `arch/x86/kernel/cpu/mshyperv.c`).
///
/// The signature identifies the vendor for display only: KVM and Xen can emulate Hyper-V and
/// then answer "Microsoft Hv" themselves (reference §1.1 caveat).
public enum KnownHypervisor: String, Sendable, Codable, CaseIterable {
    case hyperV = "hyperv"
    case kvm
    case xen
    case vmware
    case qemuTCG = "qemu_tcg"
    case bhyve
    case acrn
    case virtualBox = "virtualbox"
    case parallels
    case qnx

    /// The signature as text, trailing NULs removed (KVM pads "KVMKVMKVM" with three).
    public var signature: String {
        switch self {
        case .hyperV: return "Microsoft Hv"
        case .kvm: return "KVMKVMKVM"
        case .xen: return "XenVMMXenVMM"
        case .vmware: return "VMwareVMware"
        case .qemuTCG: return "TCGTCGTCGTCG"
        case .bhyve: return "bhyve bhyve "
        case .acrn: return "ACRNACRNACRN"
        case .virtualBox: return "VBoxVBoxVBox"
        case .parallels: return " lrpepyh  vr"
        case .qnx: return "QNXQVMBSQG"
        }
    }

    /// A name for people.
    public var displayName: String {
        switch self {
        case .hyperV: return "Microsoft Hyper-V"
        case .kvm: return "KVM"
        case .xen: return "Xen"
        case .vmware: return "VMware"
        case .qemuTCG: return "QEMU TCG"
        case .bhyve: return "bhyve"
        case .acrn: return "ACRN"
        case .virtualBox: return "VirtualBox"
        case .parallels: return "Parallels"
        case .qnx: return "QNX Hypervisor"
        }
    }

    /// The hypervisor whose signature is in these registers, nil for an unknown one.
    public static func identify(ebx: UInt32, ecx: UInt32, edx: UInt32) -> KnownHypervisor? {
        var bytes = SignatureText.bytes(of: [ebx, ecx, edx])
        while bytes.last == 0 { bytes.removeLast() }
        return allCases.first { Array($0.signature.utf8) == bytes }
    }

    /// The hypervisor whose escaped signature text (`signatureText`) this is; trailing NULs
    /// (`\0`) do not count, as KVM pads "KVMKVMKVM" with three.
    public static func identify(vendorText: String) -> KnownHypervisor? {
        var text = Substring(vendorText)
        while text.hasSuffix("\\0") { text = text.dropLast(2) }
        return allCases.first { $0.signature == text }
    }

    /// The 12-character signature text of these registers, non-printable bytes escaped
    /// (`KVMKVMKVM\0\0\0`).
    public static func signatureText(ebx: UInt32, ecx: UInt32, edx: UInt32) -> String {
        SignatureText.text(of: [ebx, ecx, edx])
    }
}

/// ASCII signatures packed into registers, four bytes each, least significant byte first.
public enum SignatureText {
    /// The bytes of `registers`, in register order, each register little-endian.
    public static func bytes(of registers: [UInt32]) -> [UInt8] {
        registers.flatMap { value in (0..<4).map { UInt8(truncatingIfNeeded: value >> UInt32($0 * 8)) } }
    }

    /// The registers as text: printable ASCII as is, NUL as `\0`, a backslash as `\\`, anything
    /// else as `\xNN`, so every byte stays visible and the text stays one line.
    public static func text(of registers: [UInt32]) -> String {
        bytes(of: registers).map(escape).joined()
    }

    /// The registers as a signature a script can compare: trailing NULs dropped (KVM pads
    /// "KVMKVMKVM" with three), and nil unless what remains is printable ASCII (issue 14: JSON
    /// says "KVMKVMKVM" or null, never `\\0` escapes; KVM's 0x40000001 EAX holds feature bits,
    /// not an interface signature).
    public static func printable(of registers: [UInt32]) -> String? {
        var bytes = bytes(of: registers)
        while bytes.last == 0 { bytes.removeLast() }
        guard !bytes.isEmpty, bytes.allSatisfy({ (0x20...0x7E).contains($0) }) else { return nil }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func escape(_ byte: UInt8) -> String {
        switch byte {
        case 0: return "\\0"
        case UInt8(ascii: "\\"): return "\\\\"
        case 0x20...0x7E: return String(UnicodeScalar(byte))
        default: return Hex.format(byte, digits: 2, prefix: "\\x")
        }
    }
}
