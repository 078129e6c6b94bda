/// `hvctl health --json` (docs/json-schema.md): the overall status, then one entry per check run with
/// the contract's `id`, `status`, `summary`, `details`, and hvctl's `severity`, `title`, `reason`,
/// `found` after them.
public struct HealthReport: Sendable, Encodable {
    public static let schemaVersion = 1

    /// What makes the run fail: `fail` checks only, or warnings too (`--fail-on warn`).
    public enum FailOn: String, Sendable, CaseIterable, Codable {
        case fail, warn
    }

    public var results: [HealthResult]
    public var failOn: FailOn
    public var origin: String
    public var diagnostics: [Diagnostic]

    public init(results: [HealthResult], failOn: FailOn, origin: String, diagnostics: [Diagnostic]) {
        self.results = results
        self.failOn = failOn
        self.origin = origin
        self.diagnostics = diagnostics
    }

    /// fail if any check failed, else warn if any warned, else pass (skips count for nothing).
    public var status: HealthStatus {
        if results.contains(where: { $0.status == .fail }) { return .fail }
        if results.contains(where: { $0.status == .warn }) { return .warn }
        return .pass
    }

    /// Whether the run fails (exit 1): a failed check, or a warning with `--fail-on warn`.
    public var failed: Bool {
        status == .fail || (failOn == .warn && status == .warn)
    }

    /// Whether this result counts against the run (a JUnit `<failure>`, a TAP `not ok`).
    public func counts(_ result: HealthResult) -> Bool {
        result.status == .fail || (failOn == .warn && result.status == .warn)
    }

    public func count(_ status: HealthStatus) -> Int { results.filter { $0.status == status }.count }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case status, checks, counts
        case failOn = "fail_on"
        case failed, origin, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(HealthReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(status, forKey: .status)
        try container.encode(results.map(ResultJSON.init), forKey: .checks)
        let counts = HealthDetails(HealthStatus.allCases.map { ($0.rawValue, .int(count($0))) })
        try container.encode(counts, forKey: .counts)
        try container.encode(failOn, forKey: .failOn)
        try container.encode(failed, forKey: .failed)
        try container.encode(origin, forKey: .origin)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    struct ResultJSON: Encodable {
        var result: HealthResult

        enum CodingKeys: String, CodingKey {
            case id, status, summary, details, severity, title, reason, found
            case skipReason = "skip_reason"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(result.id, forKey: .id)
            try container.encode(result.status, forKey: .status)
            try container.encode(result.summary, forKey: .summary)
            try container.encode(result.details, forKey: .details)
            try container.encode(result.severity, forKey: .severity)
            try container.encode(result.title, forKey: .title)
            try container.encode(result.reason, forKey: .reason)
            try container.encode(result.found, forKey: .found)
            try container.encode(result.skipReason, forKey: .skipReason)
        }
    }
}

/// Which checks run: all, those named with `--check`, minus `--skip` and the configuration's
/// `checks.skip`, always in catalogue order.
public struct HealthSelection: Sendable, Equatable {
    public var only: [String]
    public var skip: [String]

    public init(only: [String] = [], skip: [String] = []) {
        self.only = only
        self.skip = skip
    }

    /// The ids that are not checks; empty when every id is known.
    public var unknownIDs: [String] {
        (only + skip).filter { HealthCatalog.check($0) == nil }
    }

    public func checks(configuration: HealthConfiguration) -> [HealthCheck] {
        HealthCatalog.all.filter { check in
            (only.isEmpty || only.contains(check.id)) && !skip.contains(check.id)
                && !configuration.skip.contains(check.id)
        }
    }
}

/// Reads what the selected checks need, once, then runs them.
public enum HealthRunner {
    public static func run(
        _ machine: any Machine, selection: HealthSelection = HealthSelection(),
        configuration: HealthConfiguration = HealthConfiguration(), failOn: HealthReport.FailOn = .fail
    ) -> (report: HealthReport, facts: HealthFacts) {
        let checks = selection.checks(configuration: configuration)
        let inputs = checks.reduce(into: Set<HealthInput>()) { $0.formUnion($1.inputs) }
        let facts = HealthFactsReader.read(machine, inputs: inputs)
        return (evaluate(checks, facts: facts, configuration: configuration, failOn: failOn), facts)
    }

    /// The checks on facts already read (the metrics command reads more and shares them).
    public static func evaluate(
        _ checks: [HealthCheck], facts: HealthFacts, configuration: HealthConfiguration, failOn: HealthReport.FailOn
    ) -> HealthReport {
        let results = checks.map { $0.run(facts, configuration: configuration) }
        return HealthReport(results: results, failOn: failOn, origin: facts.origin, diagnostics: facts.diagnostics)
    }
}
