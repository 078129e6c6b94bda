import FoundationEssentials
import HyperVKit
import HyperVLive

/// What `evacuate`, `restore` and `vmbus set-cpu` share: the checks before a move, the plan
/// printout, and applying through the writer seam with rollback (reference §3.4, §6.1).
struct MoveExecution {
    var global: GlobalOptions
    var context: CommandContext
    var vmbus: VMBusState
    var apply: Bool
    var force: Bool

    /// VMBus must be 4.1+ to move channels; an unknown version, or one only inferred from the
    /// host build, blocks `--apply` unless `--force`.
    func checkVersion(_ version: VMBusVersion?, source: String? = "kernel_log") throws(CommandFailure) -> [String] {
        if let version, source == "inferred", version >= OfflineCheck.retargetMinimum, apply, !force {
            throw CommandFailure(
                "the negotiated VMBus version is only inferred (\(version), from the host build): the kernel log does not say",
                hint: "read the log as root, or pass --force to apply anyway", status: .answerNo)
        }
        guard let version else {
            if apply && !force {
                throw CommandFailure(
                    "the negotiated VMBus version is unknown (the kernel log has no 'Vmbus version' line), so whether channels can move is unknown",
                    hint: "read the log as root, or pass --force to try anyway", status: .answerNo)
            }
            return ["hvctl: warning: the negotiated VMBus version is unknown; moves need 4.1 or newer"]
        }
        if version < OfflineCheck.retargetMinimum {
            throw CommandFailure(
                "VMBus \(version) is older than 4.1: the host cannot re-target channel interrupts (no MODIFYCHANNEL)",
                status: .answerNo)
        }
        return []
    }

    /// A target CPU must be online and may not be isolated for managed IRQs (the kernel answers
    /// EINVAL, §3.4).
    static func checkTargets(_ targets: CPUList, in inventory: CPUInventory, option: String) throws(CommandFailure) {
        try CPUArgument.checkExists(targets, in: inventory, option: option)
        for cpu in targets.cpus {
            guard let entry = inventory.entry(cpu), entry.online == true else {
                throw CommandFailure(
                    "\(option): CPU \(cpu) is offline, so it cannot receive channel interrupts", status: .usage)
            }
            if entry.managedIRQIsolated {
                throw CommandFailure(
                    "\(option): CPU \(cpu) is isolated for managed IRQs (isolcpus=managed_irq), the kernel refuses it",
                    status: .usage)
            }
        }
    }

    /// The plan as text.
    func planText(_ moves: [ChannelMove], title: String) -> String {
        var table = Table(columns: [
            Table.Column("CLASS"), Table.Column("DEVICE"), Table.Column("RELID", .right), Table.Column("FROM", .right),
            Table.Column("TO", .right),
        ])
        for move in moves {
            let device = vmbus.devices.first { $0.deviceID == move.deviceID }
            table.append([
                Table.Cell(device?.classLabel ?? "-"), Table.Cell(move.deviceID),
                Table.Cell(String(move.relid)), Table.Cell(String(move.from)), Table.Cell(String(move.to)),
            ])
        }
        let body = moves.isEmpty ? "no channel to move\n" : table.render(color: context.color)
        return title + "\n" + body
    }

    /// Applies the moves (only with --apply, on a live machine or --root tree), keeping the journal
    /// ahead of them, and describes what was done and undone.
    func execute(_ moves: [ChannelMove], journal: String?) throws(CommandFailure) -> (ChannelMover.Outcome, String) {
        guard !context.machine.isCapture else {
            throw CommandFailure("--apply changes a running system; a snapshot is read-only", status: .usage)
        }
        let recorder = try journal.map { path throws(CommandFailure) in try openJournal(path) }
        let writer: RootSysfsWriter
        do {
            writer = try RootSysfsWriter(root: global.root ?? "/")
        } catch {
            throw CommandFailure("cannot open \(global.root ?? "/") for writing: \(error)", status: .ioError)
        }
        let outcome = ChannelMover.apply(moves, machine: context.machine, writer: writer, journal: recorder)
        var text = ""
        for move in outcome.applied where !outcome.rollbackFailures.contains(where: { $0.move == move }) {
            text += "moved    \(describe(move))\n"
        }
        if let failure = outcome.failure { text += "FAILED   \(describe(failure.move)): \(failure.message)\n" }
        for move in outcome.rolledBack { text += "undone   \(describe(move))\n" }
        for failure in outcome.rollbackFailures {
            let now =
                failure.cpuNow.map { "the channel is on CPU \($0)" } ?? "where the channel is now could not be read"
            text += "NOT UNDONE \(describe(failure.move)): \(failure.message) (\(now))\n"
        }
        if let journal, let error = outcome.journalFailure {
            text += "JOURNAL  cannot write \(journal): \(error)\n"
        }
        return (outcome, text)
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

    private func describe(_ move: ChannelMove) -> String {
        "\(move.deviceID) relid \(move.relid): CPU \(move.from) -> CPU \(move.to)"
    }

    /// Applies the moves, records the outcome in the report and the text, and on a failure sets the
    /// exit status and warning. Returns whether every move stayed.
    func apply(
        _ moves: [ChannelMove], journal: String?, report: inout EvacuationReport, text: inout String,
        output: inout CommandOutput
    ) throws(CommandFailure) -> Bool {
        let (outcome, applied) = try execute(moves, journal: journal)
        report.outcome = outcome
        text += "\n" + applied
        guard let failure = MoveExecution.failure(outcome) else { return true }
        output.warnings.append(CommandRunner.line(for: failure))
        output.status = failure.status
        return false
    }

    /// The exit status and message for a failed apply: EACCES/EPERM are 77 with the root hint; a
    /// journal that could not be written is 74 (77 when denied), saying what that left moved.
    static func failure(_ outcome: ChannelMover.Outcome) -> CommandFailure? {
        let undone =
            outcome.rollbackFailures.isEmpty
            ? "every move was undone" : "\(outcome.rollbackFailures.count) move(s) could NOT be undone"
        if let failure = outcome.failure {
            if failure.errno == .EACCES || failure.errno == .EPERM {
                return CommandFailure(
                    "\(failure.message); \(undone)",
                    hint: PermissionHint.hint("writing channels/<relid>/cpu needs root"),
                    status: .permissionDenied)
            }
            return CommandFailure("\(failure.message); \(undone)", status: .ioError)
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
        return CommandFailure(
            "cannot write the journal: \(error): \(what)", hint: error.isPermissionDenied ? PermissionHint.hint() : nil,
            status: error.isPermissionDenied ? .permissionDenied : .ioError)
    }
}
