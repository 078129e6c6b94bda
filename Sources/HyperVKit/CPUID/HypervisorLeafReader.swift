/// Reads the raw hypervisor leaves of one CPU through the Machine seam (the reader step of
/// docs/architecture.md: raw registers in, diagnostics for what is missing; no decoding).
public struct CPUIDCapture: Sendable, Equatable {
    /// CPUID.1:ECX[31], "hypervisor present" (reference §1.1); nil when leaf 1 was not read.
    public var hypervisorPresentBit: Bool?
    /// Leaf 0: the CPU vendor string ("GenuineIntel", "AuthenticAMD"), when read.
    public var cpuVendor: String?
    /// 0x40000000 up to the maximum it names, 0x40000080-0x40000082 when "VS#1" is offered, and
    /// 0x40000100 (where KVM puts its own signature when it imitates Hyper-V).
    public var leaves: HypervisorLeaves
    public var diagnostics: [Diagnostic]

    /// True when not a single CPUID leaf could be read (arm64, or a snapshot without cpuid.txt).
    public var isEmpty: Bool { hypervisorPresentBit == nil && leaves.isEmpty }
}

public enum HypervisorLeafReader {
    /// Leaves above this are never read, whatever 0x40000000 EAX claims (Linux accepts up to
    /// 0x4000FFFF, but the TLFS defines nothing past 0x4000000C in this range).
    public static let readLimit: UInt32 = 0x4000_00FF
    /// "VS#1" (`HYPERV_VS_INTERFACE_EAX_SIGNATURE`, reference §1.12).
    public static let vsInterfaceSignature: UInt32 = 0x3123_5356
    /// Where KVM's own leaves sit when the 0x40000000 range imitates Hyper-V (`kvm_cpuid_base()`
    /// scans 0x40000000-0x4000FF00 in steps of 0x100).
    public static let kvmAlternateBase: UInt32 = 0x4000_0100

    public static func read(_ machine: any Machine, cpu: Int = 0) -> CPUIDCapture {
        var capture = CPUIDCapture(hypervisorPresentBit: nil, cpuVendor: nil, leaves: [:], diagnostics: [])
        if case .success(let leaf0) = machine.cpuid(leaf: 0, subleaf: 0, cpu: cpu) {
            capture.cpuVendor = SignatureText.text(of: [leaf0.ebx, leaf0.edx, leaf0.ecx])
        }
        if case .success(let leaf1) = machine.cpuid(leaf: 1, subleaf: 0, cpu: cpu) {
            capture.hypervisorPresentBit = leaf1.ecx & (1 << 31) != 0
        }
        let top: CPUIDRegisters
        switch machine.cpuid(leaf: 0x4000_0000, subleaf: 0, cpu: cpu) {
        case .success(let registers):
            top = registers
        case .failure(.absent):
            return capture
        case .failure(let failure):
            capture.diagnostics.append(Diagnostic(source: .cpuid, message: "\(failure)"))
            return capture
        }
        capture.leaves[0x4000_0000] = RegisterSet(top)
        let maximum = min(top.eax, readLimit)
        if maximum > 0x4000_0000 {
            for leaf in 0x4000_0001...maximum {
                read(leaf, machine, cpu, into: &capture, required: true)
            }
        }
        readVirtualizationStack(machine, cpu, into: &capture)
        read(kvmAlternateBase, machine, cpu, into: &capture, required: false)
        return capture
    }

    /// 0x40000080-0x40000082 are answered by the virtualization stack, outside 0x40000000's maximum;
    /// trusted only when 0x40000081 EAX is "VS#1" (what 6.1's `ms_hyperv_msi_ext_dest_id()` checks).
    private static func readVirtualizationStack(_ machine: any Machine, _ cpu: Int, into capture: inout CPUIDCapture) {
        guard case .success(let interface) = machine.cpuid(leaf: 0x4000_0081, subleaf: 0, cpu: cpu),
            interface.eax == vsInterfaceSignature
        else { return }
        read(0x4000_0080, machine, cpu, into: &capture, required: false)
        capture.leaves[0x4000_0081] = RegisterSet(interface)
        read(0x4000_0082, machine, cpu, into: &capture, required: true)
    }

    private static func read(
        _ leaf: UInt32, _ machine: any Machine, _ cpu: Int, into capture: inout CPUIDCapture, required: Bool
    ) {
        switch machine.cpuid(leaf: leaf, subleaf: 0, cpu: cpu) {
        case .success(let registers):
            capture.leaves[leaf] = RegisterSet(registers)
        case .failure(.absent):
            if required {
                capture.diagnostics.append(
                    Diagnostic(source: .cpuid, message: "leaf \(hex32(leaf)) of CPU \(cpu) was not captured"))
            }
        case .failure(let failure):
            capture.diagnostics.append(
                Diagnostic(source: .cpuid, message: "cannot read CPUID leaf \(hex32(leaf)) on CPU \(cpu): \(failure)"))
        }
    }
}
