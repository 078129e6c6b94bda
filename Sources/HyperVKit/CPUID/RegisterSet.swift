/// The four registers of one hypervisor leaf, any of which may be unknown.
///
/// CPUID fills all four. The kernel log fills only the words it prints (for example the privilege
/// line gives 0x40000003 EAX, EBX, EDX and, since 6.15, ECX); the rest stay nil and are reported as
/// null, never as zero (docs/json-schema.md).
public struct RegisterSet: Sendable, Hashable {
    public var eax: UInt32?
    public var ebx: UInt32?
    public var ecx: UInt32?
    public var edx: UInt32?

    public init(eax: UInt32? = nil, ebx: UInt32? = nil, ecx: UInt32? = nil, edx: UInt32? = nil) {
        self.eax = eax
        self.ebx = ebx
        self.ecx = ecx
        self.edx = edx
    }

    public init(_ registers: CPUIDRegisters) {
        self.init(eax: registers.eax, ebx: registers.ebx, ecx: registers.ecx, edx: registers.edx)
    }

    /// The register by its name (`eax`, `ebx`, `ecx`, `edx`).
    public subscript(register: Register) -> UInt32? {
        get {
            switch register {
            case .eax: return eax
            case .ebx: return ebx
            case .ecx: return ecx
            case .edx: return edx
            }
        }
        set {
            switch register {
            case .eax: eax = newValue
            case .ebx: ebx = newValue
            case .ecx: ecx = newValue
            case .edx: edx = newValue
            }
        }
    }

    public var isEmpty: Bool { eax == nil && ebx == nil && ecx == nil && edx == nil }
}

/// A CPUID output register.
public enum Register: String, Sendable, CaseIterable, Codable {
    case eax, ebx, ecx, edx
}

/// Raw hypervisor leaves of one machine, by leaf number, from whichever source produced them.
public typealias HypervisorLeaves = [UInt32: RegisterSet]
