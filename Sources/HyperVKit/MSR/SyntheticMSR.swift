/// Whether a synthetic MSR holds one value for the whole partition or one per virtual processor
/// (reference §2.1 "Scope", which follows the TLFS where it states one).
public enum MSRScope: String, Sendable, Codable, Hashable {
    /// TLFS: GUEST_OS_ID, HYPERCALL (*Hypercall Interface*), TIME_REF_COUNT (*Timers*), the reference
    /// TSC page.
    case partition
    /// TLFS: VP index and run time (*Virtual Processors*), SynIC and synthetic timers
    /// (*Inter-Partition Communication*, *Timers*), the VP assist page.
    case perVP = "per_vp"
    /// The reference writes "—": no source at hand states a scope.
    case unstated

    public var text: String {
        switch self {
        case .partition: return "partition"
        case .perVP: return "per VP"
        case .unstated: return "unstated"
        }
    }
}

/// What one 0x40000003 bit set a partition must have for an MSR to exist (reference §2.1 "Gate",
/// §2.4). Reading an MSR the partition is not granted raises #GP, which `/dev/cpu/N/msr` turns into
/// EIO (§9).
public struct MSRGate: Sendable, Hashable, CustomStringConvertible {
    /// Privilege-mask bits of 0x40000003 EAX (§1.4.1), all required.
    public var privilegeBits: [Int]
    /// Feature bits of 0x40000003 EDX (§1.4.4), all required.
    public var featureBits: [Int]

    public init(eax: [Int] = [], edx: [Int] = []) {
        self.privilegeBits = eax
        self.featureBits = edx
    }

    /// `EAX[11]+EDX[8]`: how the reference writes the gate.
    public var description: String {
        (privilegeBits.map { "EAX[\($0)]" } + featureBits.map { "EDX[\($0)]" }).joined(separator: "+")
    }

    /// Whether `privileges` grant it; nil when a word it needs is unknown.
    public func isGranted(by privileges: PartitionPrivileges) -> Bool? {
        if !privilegeBits.isEmpty {
            guard let eax = privileges.privilegeLow else { return nil }
            if !privilegeBits.allSatisfy({ eax & (1 << UInt32($0)) != 0 }) { return false }
        }
        if !featureBits.isEmpty {
            guard let edx = privileges.features else { return nil }
            if !featureBits.allSatisfy({ edx & (1 << UInt32($0)) != 0 }) { return false }
        }
        return true
    }
}

/// Which field layout of reference §2.2 an MSR has; the decoder switches on it.
public enum MSRLayout: Sendable, Hashable {
    case guestOSID
    case hypercall
    case vpIndex
    /// VP_RUNTIME, TIME_REF_COUNT, STIMERn_COUNT: a count of 100 ns units.
    case time100ns
    case referenceTSC
    case frequency
    /// VP_ASSIST_PAGE, SIEFP, SIMP: bit 0 enable, bits 63:12 the page number.
    case enabledPage
    case scontrol
    case sversion
    case sint(Int)
    case stimerConfig(Int)
    case stimerCount(Int)
    case crashParameter(Int)
    case crashControl
    case reenlightenmentControl
    case tscEmulationControl
    case tscEmulationStatus
    case tscInvariantControl
    /// No layout in the reference: shown raw.
    case raw
}

/// One synthetic MSR of reference §2.1: where it is, what it is called, who may read it.
public struct SyntheticMSR: Sendable, Hashable {
    public var index: UInt32
    /// The short name hvctl prints and accepts: the TLFS name without `HV_X64_MSR_` (`GUEST_OS_ID`).
    public var name: String
    /// The TLFS name (`HV_X64_MSR_GUEST_OS_ID`).
    public var tlfsName: String
    /// Linux 6.1's macro, newer `hvgdk_mini.h` name in brackets, or nil when Linux has none.
    public var linuxMacro: String?
    public var scope: MSRScope
    /// `RW`, `RO`, `W`.
    public var access: String
    /// nil: no privilege gates it (SIRBP), or only a nested root has it.
    public var gate: MSRGate?
    public var layout: MSRLayout
    /// Read by `hvctl msr` without names: the registers whose layout the reference gives and whose read
    /// is safe (§2.1 "hvctl read" = safe).
    public var readByDefault: Bool
    /// A counter that moves between two reads (VP_RUNTIME, TIME_REF_COUNT, STIMERn_COUNT): values that
    /// differ between CPUs say nothing.
    public var isVolatile: Bool

    /// False for the MSRs `MSRSafety` refuses; they are never read, even with `--force`.
    public var isSafeToRead: Bool { MSRSafety.isSafeToRead(index) }
}
