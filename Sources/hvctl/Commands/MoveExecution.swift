import HyperVKit

/// What `evacuate`, `restore` and `vmbus set-cpu` share in the CLI: the exit status of each typed
/// refusal, and running a library plan (`ChannelMoveFlow`) to its output: applying it through the
/// context's writer when asked, then rendering.
struct MoveExecution {
    var context: CommandContext

    /// The exit status of a refusal: a usage error (64), input that lacks what is needed (65), or
    /// "no" as the answer (1); a missing VMBus says why as the other VMBus commands do.
    static func failure(_ refusal: MoveRefusal, machine: any Machine) -> CommandFailure {
        if case .noVMBus(let state) = refusal { return VMBusAbsence.failure(state, machine: machine) }
        return CommandFailure(refusal.description, hint: refusal.hint, status: status(of: refusal))
    }

    static func status(of refusal: MoveRefusal) -> ExitStatus {
        refusal.isUsageError ? .usage : refusal.isMissingInput ? .invalidInput : .answerNo
    }

    /// The plan of a flow, or its refusal as a command failure.
    func plan(_ result: Result<MovePlan, MoveRefusal>) throws(CommandFailure) -> MovePlan {
        switch result {
        case .success(let plan): return plan
        case .failure(let refusal): throw MoveExecution.failure(refusal, machine: context.machine)
        }
    }

    /// Applies the plan when asked (`journal` kept ahead of the moves; `offline` CPUs taken offline
    /// once every move stayed), and renders it.
    func run(
        _ plan: MovePlan, apply: Bool, journal: String? = nil, offline: CPUList? = nil
    ) throws(CommandFailure) -> CommandOutput {
        var plan = plan
        var output = CommandOutput()
        output.warnings += plan.warnings.map { "hvctl: warning: " + $0 }
        output.warn(plan.diagnostics)
        if apply {
            guard !context.machine.isCapture else {
                throw MoveExecution.failure(.readOnlyMachine, machine: context.machine)
            }
            let recorder = try journal.map { path throws(CommandFailure) in try openJournal(path) }
            let writer = try context.openWriter()
            if let failure = ChannelMoveFlow.apply(&plan, machine: context.machine, writer: writer, journal: recorder) {
                let command = MoveExecution.commandFailure(failure)
                output.warnings.append(CommandRunner.line(for: command))
                output.status = command.status
            } else if let offline, !ChannelMoveFlow.takeOffline(offline, plan: &plan, writer: writer) {
                output.status = .answerNo
            }
        }
        plan.report.diagnostics = output.allDiagnostics
        let report = plan.report
        let text = MovePlanText(plan: plan, journal: journal, color: context.color)
        output.stdout = try CommandRunner.render(report, context: context) { text.render() }
        return output
    }

    /// EACCES/EPERM are 77 with the root hint; anything else that failed is 74.
    static func commandFailure(_ failure: MoveRunFailure) -> CommandFailure {
        let hint: String?
        switch failure {
        case .write:
            hint = failure.isPermissionDenied ? PermissionHint.hint("writing channels/<relid>/cpu needs root") : nil
        case .journal: hint = failure.isPermissionDenied ? PermissionHint.hint() : nil
        }
        return CommandFailure(
            failure.description, hint: hint, status: failure.isPermissionDenied ? .permissionDenied : .ioError)
    }

    /// The journal must be writable before anything moves; a path that holds anything but an
    /// hvctl journal is refused, never replaced.
    private func openJournal(_ path: String) throws(CommandFailure) -> MoveJournalFile {
        switch MoveJournalFile.open(path, tool: "hvctl \(HVCtl.version)", machine: context.machine.origin) {
        case .success(let file): return file
        case .failure(.taken(let message)):
            throw CommandFailure(message, hint: "name a new file for --journal", status: .usage)
        case .failure(let error):
            if case .unusable(_, let failure) = error, failure.isPermissionDenied {
                throw CommandFailure(error.description, hint: PermissionHint.hint(), status: .permissionDenied)
            }
            throw CommandFailure(error.description, status: .ioError)
        }
    }
}
