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
                Table.Cell(device?.deviceClass?.shortName ?? device?.className ?? "-"), Table.Cell(move.deviceID),
                Table.Cell(String(move.relid)), Table.Cell(String(move.from)), Table.Cell(String(move.to)),
            ])
        }
        let body = moves.isEmpty ? "no channel to move\n" : table.render(color: context.color)
        return title + "\n" + body
    }

    /// Applies the moves (only with --apply, on a live machine or --root tree), writes the journal
    /// of what stayed, and describes what was done and undone.
    func execute(_ moves: [ChannelMove], journal: String?) throws(CommandFailure) -> (ChannelMover.Outcome, String) {
        guard !context.machine.isCapture else {
            throw CommandFailure("--apply changes a running system; a snapshot is read-only", status: .usage)
        }
        let writer: RootSysfsWriter
        do {
            writer = try RootSysfsWriter(root: global.root ?? "/")
        } catch {
            throw CommandFailure("cannot open \(global.root ?? "/") for writing: \(error)", status: .ioError)
        }
        let outcome = ChannelMover.apply(moves, machine: context.machine, writer: writer)
        var text = ""
        for move in outcome.applied { text += "moved    \(describe(move))\n" }
        if let failure = outcome.failure { text += "FAILED   \(describe(failure.move)): \(failure.message)\n" }
        for move in outcome.rolledBack { text += "undone   \(describe(move))\n" }
        for failure in outcome.rollbackFailures {
            text +=
                "NOT UNDONE \(describe(failure.move)): \(failure.message) (the channel stays on CPU \(failure.move.to))\n"
        }
        if let journal, !outcome.applied.isEmpty { try writeJournal(outcome.applied, to: journal) }
        return (outcome, text)
    }

    private func describe(_ move: ChannelMove) -> String {
        "\(move.deviceID) relid \(move.relid): CPU \(move.from) -> CPU \(move.to)"
    }

    /// Written to a temporary file and renamed, so a half-written journal never exists.
    func writeJournal(_ moves: [ChannelMove], to path: String) throws(CommandFailure) {
        let journal = MoveJournal(
            createdAt: Date.now.formatted(.iso8601), tool: "hvctl \(HVCtl.version)", machine: context.machine.origin,
            moves: moves)
        do {
            let text = try JSONOutput.render(journal)
            let temporary = path + ".tmp"
            try Data(text.utf8).write(to: URL(fileURLWithPath: temporary))
            try FileManager.default.removeItemIfPresent(atPath: path)
            try FileManager.default.moveItem(atPath: temporary, toPath: path)
        } catch {
            throw CommandFailure("cannot write the journal \(path): \(error)", status: .ioError)
        }
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

    /// The exit status and message for a failed apply: EACCES/EPERM are 77 with the root hint.
    static func failure(_ outcome: ChannelMover.Outcome) -> CommandFailure? {
        guard let failure = outcome.failure else { return nil }
        let undone =
            outcome.rollbackFailures.isEmpty
            ? "every move was undone" : "\(outcome.rollbackFailures.count) move(s) could NOT be undone"
        if failure.errno == .EACCES || failure.errno == .EPERM {
            return CommandFailure(
                "\(failure.message); \(undone)", hint: "writing channels/<relid>/cpu needs root",
                status: .permissionDenied)
        }
        return CommandFailure("\(failure.message); \(undone)", status: .ioError)
    }
}

extension FileManager {
    func removeItemIfPresent(atPath path: String) throws {
        if fileExists(atPath: path) { try removeItem(atPath: path) }
    }
}

/// The working directory, for relative paths given on the command line.
enum FileManagerCWD {
    static var current: String { FileManager.default.currentDirectoryPath }
}
