/// A flow's plan: what it would move (or moved, once applied), and what to say around it.
public struct MovePlan: Sendable {
    public var report: EvacuationReport
    /// The devices on the bus when planned, so the plan can name each move's device class.
    public var devices: [VMBusDevice]
    /// The plan's heading (`plan to evacuate CPU 1-3:`).
    public var title: String
    /// Said before the plan: facts that change what the plan means (a CPU that can never go offline).
    public var notes: [String] = []
    /// One-line warnings for stderr, without the `hvctl: warning:` prefix.
    public var warnings: [String] = []
    public var diagnostics: [Diagnostic] = []
    /// What to run to make the moves, when they were only planned.
    public var applyHint: String
    /// Say `applyHint` even when there is nothing to move (a plan of a whole CPU says so; one
    /// channel already on its CPU needs no hint).
    public var hintWithoutMoves = true
    /// Reads the negotiated VMBus version and checks it against the request (before planning, so
    /// a machine that cannot move channels is refused first). `diagnostics` are the readers' so
    /// far; the version's own follow them.
    init(
        machine: any Machine, request: ChannelMoveFlow.Request, devices: [VMBusDevice], diagnostics: [Diagnostic],
        title: String, applyHint: String
    ) throws(MoveRefusal) {
        let negotiated = VMBusVersionReportBuilder.build(machine)
        if let warning = try MovePreconditions.version(
            negotiated.version, source: negotiated.source, request: request)
        {
            warnings.append(warning)
        }
        self.diagnostics = diagnostics + negotiated.diagnostics
        self.devices = devices
        self.title = title
        self.applyHint = applyHint
        self.report = EvacuationReport(
            evacuating: CPUList([]), applied: request.apply,
            plan: EvacuationPlanner.Plan(moves: [], loadAfter: [:], destinations: []))
    }

    /// The class name of the device a move belongs to, for the plan's table.
    public func classLabel(of move: ChannelMove) -> String? {
        devices.first { $0.deviceID == move.deviceID }?.classLabel
    }
}

/// Why applying a plan did not leave every move in place.
public enum MoveRunFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// A write or its read-back failed; every move was undone, or `undone` says how many were not.
    case write(message: String, permissionDenied: Bool)
    /// The journal could not be written: what that left moved.
    case journal(FileWriteError, left: String)

    /// The failure of an outcome, nil when every move stayed.
    public init?(_ outcome: ChannelMover.Outcome) {
        let undone =
            outcome.rollbackFailures.isEmpty
            ? "every move was undone" : "\(outcome.rollbackFailures.count) move(s) could NOT be undone"
        if let failure = outcome.failure {
            self = .write(
                message: "\(failure.message); \(undone)",
                permissionDenied: failure.errno == .EACCES || failure.errno == .EPERM)
            return
        }
        guard let error = outcome.journalFailure else { return nil }
        let what: String
        if outcome.rolledBack.isEmpty && outcome.rollbackFailures.isEmpty {
            what =
                outcome.applied.isEmpty
                ? "no channel was moved" : "every move was made; the journal lists them all but is not marked complete"
        } else {
            what =
                "the moves made were undone"
                + (outcome.rollbackFailures.isEmpty ? "" : " but \(outcome.rollbackFailures.count) could NOT be")
        }
        self = .journal(error, left: what)
    }

    /// EACCES or EPERM: root is needed.
    public var isPermissionDenied: Bool {
        switch self {
        case .write(_, let denied): return denied
        case .journal(let error, _): return error.isPermissionDenied
        }
    }

    public var description: String {
        switch self {
        case .write(let message, _): return message
        case .journal(let error, let left): return "cannot write the journal: \(error): \(left)"
        }
    }
}
