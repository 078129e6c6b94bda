/// Why a features report could not be made, with the exit status class the CLI maps it to.
public struct ReportFailure: Error, Sendable, Equatable {
    public enum Kind: Sendable, Equatable {
        /// Exit 69: the question does not apply here (no CPUID on arm64, no Hyper-V lines).
        case notApplicable
        /// Exit 65: the input lacks or garbles what is needed.
        case invalidInput
        /// Exit 77: a permission problem (the kernel log under dmesg_restrict).
        case permissionDenied
        /// Exit 74: an I/O error reading the system.
        case ioError
    }

    public var kind: Kind
    public var message: String
    public var hint: String?
    /// The source was not captured at all (a snapshot without it), as opposed to unreadable.
    public var notCaptured = false

    public init(_ kind: Kind, _ message: String, hint: String? = nil) {
        self.kind = kind
        self.message = message
        self.hint = hint
    }
}

/// Builds `FeaturesReport` from a machine: read (CPUID or kernel log) → decode → summarise.
public enum FeaturesReportBuilder {
    /// `--source auto` takes CPUID when it shows Hyper-V and the kernel log otherwise, so a pasted
    /// customer log decodes on any machine; on arm64 the kernel log is the only source (§1.13).
    public static func build(_ machine: any Machine, source request: FeatureSourceRequest) -> Result<
        FeaturesReport, ReportFailure
    > {
        var log = KernelLogReading(machine)
        return build(machine, source: request, log: &log)
    }

    /// The same, with a kernel log a caller has read (or will read) once for other purposes too.
    public static func build(_ machine: any Machine, source request: FeatureSourceRequest, log: inout KernelLogReading)
        -> Result<FeaturesReport, ReportFailure>
    {
        switch request {
        case .cpuid:
            return fromCPUID(machine)
        case .kernelLog:
            return log.facts().flatMap { fromKernelLog($0, machine: machine) }
        case .auto:
            if machine.architecture == .aarch64 { return log.facts().flatMap { fromKernelLog($0, machine: machine) } }
            let cpuid = fromCPUID(machine)
            if case .success(let report) = cpuid, report.summary.hypervisor.isHyperV { return cpuid }
            let logged = log.facts().flatMap { fromKernelLog($0, machine: machine) }
            if case .success(let report) = logged, report.summary.hypervisor.isHyperV { return .success(report) }
            // Neither source holds the words: say both, so "use --source kernel-log" is not offered
            // for a log that is not there either.
            if case .failure(let noCPUID) = cpuid, noCPUID.kind == .invalidInput, case .failure(let noLog) = logged {
                var both = ReportFailure(
                    noLog.kind == .permissionDenied ? .permissionDenied : .invalidInput,
                    "\(noCPUID.message), and \(noLog.message)", hint: noLog.hint)
                both.notCaptured = noCPUID.notCaptured && noLog.notCaptured
                return .failure(both)
            }
            return cpuid
        }
    }

    static func fromCPUID(_ machine: any Machine) -> Result<FeaturesReport, ReportFailure> {
        guard machine.architecture == .x86_64 else {
            return .failure(
                ReportFailure(
                    .notApplicable, "arm64 has no CPUID: Hyper-V's registers there are readable only by hypercall",
                    hint: "use --source kernel-log"))
        }
        let capture = HypervisorLeafReader.read(machine)
        if capture.isEmpty, let problem = capture.diagnostics.first {
            return .failure(ReportFailure(.invalidInput, problem.message))
        }
        if capture.isEmpty {
            var failure = ReportFailure(
                .invalidInput, "\(machine.origin) holds no CPUID (no cpuid.txt)", hint: "use --source kernel-log")
            failure.notCaptured = true
            return .failure(failure)
        }
        let summary = HypervisorSummary.make(
            leaves: capture.leaves, hypervisorPresentBit: capture.hypervisorPresentBit, architecture: .x86_64)
        let present = LeafPresence.presentLeaves(capture.leaves, hypervisorPresentBit: capture.hypervisorPresentBit)
        let notes = LeafPresence.kernelNotes(capture.leaves, hypervisorPresentBit: capture.hypervisorPresentBit)
        let decoded = LeafDecoder.decode(leaves: present, architecture: .x86_64).map { leaf in
            var leaf = leaf
            leaf.note = notes[leaf.leaf]
            return leaf
        }
        return .success(
            FeaturesReport(
                source: .cpuid, architecture: .x86_64, summary: summary, leaves: decoded,
                diagnostics: capture.diagnostics))
    }

    static func fromKernelLog(_ facts: KernelLogFacts, machine: any Machine) -> Result<FeaturesReport, ReportFailure> {
        let leaves = facts.leaves()
        // Any Hyper-V line makes it a Hyper-V log (issue 13): decode what is there, the rest null.
        guard !leaves.isEmpty || facts.hyperVLines > 0 else {
            return .failure(ReportFailure(.notApplicable, "the kernel log of \(machine.origin) has no Hyper-V line"))
        }
        let summary = HypervisorSummary.make(
            leaves: leaves, hypervisorPresentBit: nil, architecture: machine.architecture,
            fromHyperVLog: facts.hyperVLines > 0)
        let decoded = LeafDecoder.decode(leaves: leaves, architecture: machine.architecture)
        let diagnostics = facts.diagnostics.map { Diagnostic(source: .kernelLog, message: $0) }
        return .success(
            FeaturesReport(
                source: .kernelLog, architecture: machine.architecture, summary: summary, leaves: decoded,
                diagnostics: diagnostics))
    }
}

/// The kernel log of one machine, read and parsed at most once however many parts of a report
/// need it.
public struct KernelLogReading {
    private let machine: any Machine
    private var cachedLines: Result<[String], ReportFailure>?
    private var cached: Result<KernelLogFacts, ReportFailure>?

    public init(_ machine: any Machine) {
        self.machine = machine
    }

    /// The log's lines, read once (the health checks scan them for driver errors as well).
    public mutating func lines() -> Result<[String], ReportFailure> {
        if let cachedLines { return cachedLines }
        let result = KernelLogSource.read(machine)
        cachedLines = result
        return result
    }

    public mutating func facts() -> Result<KernelLogFacts, ReportFailure> {
        if let cached { return cached }
        let result = lines().map { KernelLogParser.parse($0) }
        cached = result
        return result
    }
}

/// Reading the kernel log with the failure a user can act on.
public enum KernelLogSource {
    /// The log's lines, or a failure whose message names the log and whose hint says what to do
    /// (dmesg_restrict, root).
    public static func read(_ machine: any Machine) -> Result<[String], ReportFailure> {
        switch machine.kernelLog() {
        case .success(let lines):
            return .success(lines)
        case .failure(.absent):
            return .failure(absence(machine))
        case .failure(let failure) where failure.isPermissionDenied:
            return .failure(
                ReportFailure(.permissionDenied, "cannot read the kernel log: \(failure)", hint: restrictHint(machine)))
        case .failure(.invalid(let why)):
            return .failure(ReportFailure(.invalidInput, "cannot use the kernel log of \(machine.origin): \(why)"))
        case .failure(let failure):
            return .failure(ReportFailure(.ioError, "cannot read the kernel log: \(failure)"))
        }
    }

    /// The failure for a machine without a kernel log (a snapshot captured without `kernel.log`).
    public static func absence(_ machine: any Machine) -> ReportFailure {
        var failure = ReportFailure(.invalidInput, "\(machine.origin) has no kernel log (kernel.log)")
        failure.notCaptured = true
        return failure
    }

    /// `kernel.dmesg_restrict`: 1 forbids the log to users without CAP_SYSLOG.
    public static let dmesgRestrictPath = SourceCatalog.kernelSysctlDirectory + "/dmesg_restrict"

    /// The kernel's log device: one record per read (`Documentation/ABI/testing/dev-kmsg`).
    public static let kmsgPath = "/dev/kmsg"

    /// `kernel.dmesg_restrict=1` forbids the log to users without CAP_SYSLOG.
    static func restrictHint(_ machine: any Machine) -> String {
        if case .success("1") = machine.attribute(at: dmesgRestrictPath) {
            return "kernel.dmesg_restrict is 1: run as root or grant CAP_SYSLOG"
        }
        return "run as root"
    }
}

extension KernelLogSource {
    public static let sources: [MachineSource] = [
        MachineSource(
            dmesgRestrictPath, .text, optional: true, redaction: .none, reader: "KernelLogSource",
            why: "kernel.dmesg_restrict: why the kernel log could not be read"),
        MachineSource(
            kmsgPath, .kernelLog, rootOnly: true, reader: "KernelLogSource",
            why:
                "the kernel log: the negotiated VMBus version, host build, isolation and driver lines (root with dmesg_restrict)"
        ),
    ]
}
