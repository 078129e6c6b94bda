/// The words that decide which synthetic MSRs exist and what a healthy Linux guest writes to them:
/// 0x40000003 EAX (privileges, §1.4.1) and EDX (features, §1.4.4), 0x40000004 EAX (hints, §1.5).
///
/// They come from CPUID, or from the kernel's `Hyper-V: privilege flags low …, high …, hints …,
/// misc …` line when CPUID is absent (a snapshot without `cpuid.txt`, §7.1). A word neither source
/// gives stays nil.
public struct PartitionPrivileges: Sendable, Equatable {
    /// 0x40000003 EAX: the privilege mask bits 31:0, which gate the MSRs (§2.4).
    public var privilegeLow: UInt32?
    /// 0x40000003 EBX: bit 12 CpuManagement, bit 22 isolation (§1.4.2).
    public var privilegeHigh: UInt32?
    /// 0x40000003 EDX: the features word (crash MSRs EDX[10], direct timers EDX[19], §1.4.4).
    public var features: UInt32?
    /// 0x40000004 EAX: the recommendations (deprecate AutoEOI = bit 9, §1.5).
    public var hints: UInt32?
    /// Where the words came from; nil when neither CPUID nor the kernel log gave them.
    public var source: FeatureSource?
    /// Whether the machine is a Hyper-V guest at all (§1.1); nil when that cannot be told.
    public var isHyperV: Bool?

    public init(
        privilegeLow: UInt32? = nil, privilegeHigh: UInt32? = nil, features: UInt32? = nil, hints: UInt32? = nil,
        source: FeatureSource? = nil, isHyperV: Bool? = nil
    ) {
        self.privilegeLow = privilegeLow
        self.privilegeHigh = privilegeHigh
        self.features = features
        self.hints = hints
        self.source = source
        self.isHyperV = isHyperV
    }

    /// Bit `bit` of EAX; nil when EAX is unknown.
    public func privilege(_ bit: Int) -> Bool? { privilegeLow.map { $0 & (1 << UInt32(bit)) != 0 } }
    /// Bit `bit` of EDX; nil when EDX is unknown.
    public func feature(_ bit: Int) -> Bool? { features.map { $0 & (1 << UInt32(bit)) != 0 } }
    /// Bit `bit` of the hints; nil when they are unknown.
    public func hint(_ bit: Int) -> Bool? { hints.map { $0 & (1 << UInt32(bit)) != 0 } }

    /// EBX[12] CpuManagement without EBX[22]: Linux's test for "running as root partition" (§1.4.2).
    public var isRootPartition: Bool? {
        privilegeHigh.map { $0 & (1 << 12) != 0 && $0 & (1 << 22) == 0 }
    }

    /// EBX[22]: an isolated (confidential) VM, whose SynIC reads may show a paravisor's copies (§2.3).
    public var isIsolated: Bool? { privilegeHigh.map { $0 & (1 << 22) != 0 } }

    /// The words of a features report (`--source auto`: CPUID when it shows Hyper-V, else the log).
    public init(report: FeaturesReport) {
        let leaf3 = report.leaves.first { $0.leaf == 0x4000_0003 }
        let leaf4 = report.leaves.first { $0.leaf == 0x4000_0004 }
        self.init(
            privilegeLow: leaf3?.register(.eax)?.raw, privilegeHigh: leaf3?.register(.ebx)?.raw,
            features: leaf3?.register(.edx)?.raw, hints: leaf4?.register(.eax)?.raw, source: report.source,
            isHyperV: report.summary.hypervisor.isHyperV)
    }

    /// Reads the words from `machine` the way `hvctl features` does; empty when neither source has them.
    public static func read(_ machine: any Machine) -> (privileges: PartitionPrivileges, failure: ReportFailure?) {
        switch FeaturesReportBuilder.build(machine, source: .auto) {
        case .success(let report): return (PartitionPrivileges(report: report), nil)
        case .failure(let failure): return (PartitionPrivileges(), failure)
        }
    }
}
