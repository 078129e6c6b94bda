/// `hvctl cpu evacuate --json`, also `cpu restore` and `vmbus set-cpu` (docs/json-schema.md,
/// schema_version 1): the plan, and once applied what the kernel did.
public struct EvacuationReport: Sendable, Encodable {
    public var evacuating: CPUList
    public var applied: Bool
    public var plan: EvacuationPlanner.Plan
    public var outcome: ChannelMover.Outcome?
    public var offline: [OfflineResult] = []
    public var diagnostics: [Diagnostic] = []

    /// One CPU taken offline, and the kernel's answer.
    public struct OfflineResult: Sendable, Equatable, Encodable {
        public var cpu: Int
        public var result: CPUOffliner.Result

        public init(cpu: Int, result: CPUOffliner.Result) {
            self.cpu = cpu
            self.result = result
        }

        enum CodingKeys: String, CodingKey { case cpu, result }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cpu, forKey: .cpu)
            try container.encode(result.description, forKey: .result)
        }
    }

    public init(evacuating: CPUList, applied: Bool, plan: EvacuationPlanner.Plan) {
        self.evacuating = evacuating
        self.applied = applied
        self.plan = plan
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case evacuating, applied, moves
        case loadAfter = "load_after"
        case outcome, offline, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .schemaVersion)
        try container.encode(evacuating.description, forKey: .evacuating)
        try container.encode(applied, forKey: .applied)
        try container.encode(plan.moves, forKey: .moves)
        var load = container.nestedContainer(keyedBy: NameKey.self, forKey: .loadAfter)
        for cpu in plan.loadAfter.keys.sorted() {
            try load.encode(plan.loadAfter[cpu] ?? 0, forKey: NameKey(String(cpu)))
        }
        try container.encode(outcome.map(OutcomeJSON.init), forKey: .outcome)
        try container.encode(offline, forKey: .offline)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    /// The outcome of applying moves, for JSON.
    struct OutcomeJSON: Encodable {
        var outcome: ChannelMover.Outcome

        enum CodingKeys: String, CodingKey {
            case succeeded, applied
            case rolledBack = "rolled_back"
            case failure
            case rollbackFailures = "rollback_failures"
            case journalFailure = "journal_failure"
        }

        struct FailureJSON: Encodable {
            var move: ChannelMove
            var message: String
            var errno: String?
            /// Where the channel is after the failure (read back), null when unknown.
            var cpuNow: Int?

            init(_ failure: ChannelMover.Failure) {
                move = failure.move
                message = failure.message
                errno = failure.errno?.name
                cpuNow = failure.cpuNow
            }

            enum CodingKeys: String, CodingKey {
                case move, message, errno
                case cpuNow = "cpu_now"
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(outcome.succeeded, forKey: .succeeded)
            try container.encode(outcome.applied, forKey: .applied)
            try container.encode(outcome.rolledBack, forKey: .rolledBack)
            try container.encode(outcome.failure.map(FailureJSON.init), forKey: .failure)
            try container.encode(outcome.rollbackFailures.map(FailureJSON.init), forKey: .rollbackFailures)
            try container.encode(outcome.journalFailure?.description, forKey: .journalFailure)
        }
    }
}
