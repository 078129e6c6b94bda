/// Everything the checks look at, read once per run before any check runs. A source that was not
/// needed by the selected checks is nil; one that could not be read carries why.
public struct HealthFacts: Sendable {
    public var origin: String
    public var architecture: Architecture
    public var kernelRelease: String?
    /// The hypervisor leaves, from CPUID or the kernel log (`--source auto` rules).
    public var features: FeaturesReport?
    /// Why `features` is nil.
    public var featuresFailure: ReportFailure?
    public var privileges = PartitionPrivileges()
    public var identity: HypervisorIdentity?
    public var environment: HostEnvironment?
    public var topology: CPUTopology?
    public var clocksource: ClockSource?
    public var vmbus: VMBusState?
    public var vmbusVersion: VMBusVersionReport?
    /// CPU 0's REFERENCE_TSC and CRASH_CTL; nil on arm64 or when not needed.
    public var msrs: CPUMSRReadings?
    /// The kernel log's lines, or why it could not be read.
    public var kernelLog: Result<[String], ReportFailure>?
    public var logFacts: KernelLogFacts?
    /// `hvctl kernel`'s view of the devices: why each unbound one has no driver.
    public var kernelSupport: KernelSupportReport?
    /// Every problem met while reading, in reading order.
    public var diagnostics: [Diagnostic] = []

    public init(origin: String, architecture: Architecture, kernelRelease: String?) {
        self.origin = origin
        self.architecture = architecture
        self.kernelRelease = kernelRelease
    }

    /// A genuine Hyper-V guest (`hvctl info`'s identity, reference §1.1 and its caveat).
    public var isHyperV: Bool { identity?.isGenuineHyperV == true }

    /// The skip every Hyper-V-specific check gives on another machine, so that `hyperv.detected`
    /// is the one check that fails there.
    var notHyperV: HealthFinding? {
        guard !isHyperV else { return nil }
        if identity?.isUnknown ?? true {
            return .skip("unknown whether this is a Hyper-V guest (see hyperv.detected)", .unavailable)
        }
        return .skip("not a Hyper-V guest (see hyperv.detected)", .notApplicable)
    }

    /// The host build, from CPUID 0x40000002 or the Host Build line; nil when neither was read.
    public var hostVersion: HostVersion? { features?.summary.host?.version }
}
