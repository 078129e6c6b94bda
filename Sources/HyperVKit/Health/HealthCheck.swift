/// How much a check's problem counts, fixed per check (and overridable in the configuration).
public enum HealthSeverity: String, Sendable, CaseIterable, Codable {
    /// The guest is not healthy: the run fails (exit 1).
    case fail
    /// Worth attention: the run fails only with `--fail-on warn`.
    case warn
    /// Information only: never changes the result.
    case info
}

/// A check's result as docs/json-schema.md spells it (`hvctl health --json`).
public enum HealthStatus: String, Sendable, CaseIterable, Codable {
    case pass, warn, fail, skip
}

/// The sources a check reads. The runner reads the union for the selected checks, each once, before
/// any check runs (`HealthFactsReader`).
public enum HealthInput: String, Sendable, Hashable, CaseIterable {
    /// CPUID hypervisor leaves (or the kernel log's Hyper-V lines), DMI and the identity.
    case hypervisor
    case topology
    case clocksource
    /// `/sys/bus/vmbus`, every channel attribute.
    case vmbus
    /// The negotiated VMBus version (`hvctl vmbus version`'s rules).
    case vmbusVersion
    /// REFERENCE_TSC and CRASH_CTL on CPU 0.
    case msr
    case kernelLog
    /// The kernel config, `/sys/module` and the registered VMBus drivers (`hvctl kernel`).
    case kernelSupport
}

/// What a check function says about the facts.
public struct HealthFinding: Sendable, Equatable {
    public enum Kind: String, Sendable, Equatable {
        /// Nothing to report.
        case pass
        /// The condition the check looks for: reported at the check's severity.
        case problem
        /// A weaker problem (an unknown value, a tolerable but not ideal state): at most a warning.
        case caution
        /// The check does not apply here, or its source could not be read.
        case skip
    }

    public var kind: Kind
    public var summary: String
    public var details: HealthDetails
    /// Why a skip skipped; nil for the other kinds.
    public var skipReason: HealthSkipReason?

    public init(_ kind: Kind, _ summary: String, _ details: HealthDetails = [:]) {
        self.kind = kind
        self.summary = summary
        self.details = details
    }

    public static func pass(_ summary: String, _ details: HealthDetails = [:]) -> HealthFinding {
        HealthFinding(.pass, summary, details)
    }

    public static func problem(_ summary: String, _ details: HealthDetails = [:]) -> HealthFinding {
        HealthFinding(.problem, summary, details)
    }

    public static func caution(_ summary: String, _ details: HealthDetails = [:]) -> HealthFinding {
        HealthFinding(.caution, summary, details)
    }

    /// Every skip says which kind it is, so a monitor can tell "could not read it without root"
    /// from "does not apply here" (issue 14).
    public static func skip(_ summary: String, _ reason: HealthSkipReason, _ details: HealthDetails = [:])
        -> HealthFinding
    {
        var finding = HealthFinding(.skip, summary, details)
        finding.skipReason = reason
        return finding
    }
}

/// Why a check was skipped: JSON `skip_reason`, the metrics' `hvctl_health_check_skipped{reason}`.
public enum HealthSkipReason: String, Sendable, CaseIterable, Codable {
    /// The source exists but needs root or a capability (EACCES, EPERM, kernel.dmesg_restrict).
    case permission
    /// The source is not there to read: not captured, the msr driver not loaded, unreadable.
    case unavailable
    /// The check does not apply to this machine: not Hyper-V, not granted by the host, arm64, a
    /// root partition, no device of the kind it checks.
    case notApplicable = "not_applicable"
    /// Nothing is configured to compare with (`vmbus.expected_devices`, `isolation.expected`).
    case notConfigured = "not_configured"
}

/// One documented check: an id scripts select it by, the severity of its problem, a title, the
/// reason it exists (citing the reference), the sources it reads, and a pure function of the facts.
public struct HealthCheck: Sendable {
    public let id: String
    public let severity: HealthSeverity
    public let title: String
    public let reason: String
    public let inputs: Set<HealthInput>
    let evaluate: @Sendable (HealthFacts, HealthConfiguration) -> HealthFinding

    init(
        id: String, severity: HealthSeverity, title: String, reason: String, inputs: Set<HealthInput>,
        evaluate: @escaping @Sendable (HealthFacts, HealthConfiguration) -> HealthFinding
    ) {
        self.id = id
        self.severity = severity
        self.title = title
        self.reason = reason
        self.inputs = inputs
        self.evaluate = evaluate
    }

    /// Runs the check on facts already read; never reads anything itself.
    public func run(_ facts: HealthFacts, configuration: HealthConfiguration) -> HealthResult {
        let finding = evaluate(facts, configuration)
        let severity = configuration.severities[id] ?? self.severity
        return HealthResult(check: self, severity: severity, finding: finding)
    }
}

/// A check's result: the finding mapped through the severity.
public struct HealthResult: Sendable, Equatable {
    public var id: String
    public var title: String
    public var reason: String
    public var severity: HealthSeverity
    public var status: HealthStatus
    /// True when the check found what it looks for, whatever that made of the status: an info
    /// check's finding passes (text output shows `info`).
    public var found: Bool
    public var summary: String
    public var details: HealthDetails
    /// Why it was skipped, for a skipped check.
    public var skipReason: HealthSkipReason?

    init(check: HealthCheck, severity: HealthSeverity, finding: HealthFinding) {
        id = check.id
        title = check.title
        reason = check.reason
        self.severity = severity
        summary = finding.summary
        details = finding.details
        skipReason = finding.kind == .skip ? finding.skipReason : nil
        switch finding.kind {
        case .pass: (status, found) = (.pass, false)
        case .skip: (status, found) = (.skip, false)
        case .problem: (status, found) = (HealthResult.status(for: severity), true)
        case .caution: (status, found) = (severity == .info ? .pass : .warn, true)
        }
    }

    /// fail → fail, warn → warn, info → pass (an info finding never changes the result).
    static func status(for severity: HealthSeverity) -> HealthStatus {
        switch severity {
        case .fail: return .fail
        case .warn: return .warn
        case .info: return .pass
        }
    }
}
