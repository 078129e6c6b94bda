import ArgumentParser
import HyperVKit

struct CPURestoreCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "restore",
        abstract: "Put channels back where a journal of hvctl cpu evacuate says they were.",
        discussion: """
            Reads the journal hvctl cpu evacuate --journal FILE wrote and moves each channel back to the \
            CPU it came from, last move first. A channel that has moved since (its CPU is no longer the \
            one the journal moved it to) is left alone with a warning. Without --apply it prints the plan \
            and changes nothing; with --apply it writes, verifies, and undoes everything on a failure, like \
            evacuate.

            JSON (schema_version 1): as hvctl cpu evacuate --json.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(
        help: ArgumentHelp("The journal written by hvctl cpu evacuate --journal.", valueName: "file"),
        completion: .file())
    var journal: String

    @Flag(help: "Make the moves (otherwise only the plan is printed).")
    var apply = false

    @Flag(help: "Apply even when the negotiated VMBus version is unknown.")
    var force = false

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let record = try readJournal()
        let vmbus = VMBusReader.read(context.machine, options: .channelTargets)
        guard vmbus.present == true else { throw VMBusAbsence.failure(vmbus, machine: context.machine) }
        let negotiated = NegotiatedVersion.read(context.machine)
        let execution = MoveExecution(global: global, context: context, vmbus: vmbus, apply: apply, force: force)
        var output = CommandOutput()
        output.warnings += try execution.checkVersion(negotiated.version, source: negotiated.source)
        output.warn(vmbus.diagnostics + negotiated.diagnostics)
        if !record.complete {
            output.warnings.append(
                "hvctl: warning: \(journal) is the journal of a run that did not finish: its last move may never have been made"
            )
        }
        var moves: [ChannelMove] = []
        for move in record.undo {
            let device = vmbus.devices.first { $0.deviceID == move.deviceID }
            let current = device?.channels.first { $0.relid == move.relid }?.targetCPU
            guard let current else {
                output.warnings.append(
                    "hvctl: warning: channel \(move.relid) of \(move.deviceID) no longer exists: skipped")
                continue
            }
            guard current == move.from else {
                output.warnings.append(
                    "hvctl: warning: channel \(move.relid) of \(move.deviceID) is on CPU \(current), not \(move.from) as the journal left it: skipped"
                )
                continue
            }
            moves.append(move)
        }
        let evacuated = CPUList(moves.map(\.from))
        let plan = EvacuationPlanner.Plan(moves: moves, loadAfter: [:], destinations: [])
        var report = EvacuationReport(evacuating: evacuated, applied: apply, plan: plan, outcome: nil, offline: [])
        var text = execution.planText(moves, title: "plan to restore \(journal):")
        if apply {
            _ = try execution.apply(moves, journal: nil, report: &report, text: &text, output: &output)
        } else {
            text += "\nnothing was changed: run again with --apply to make these moves\n"
        }
        report.diagnostics = output.allDiagnostics
        output.stdout = try CommandRunner.render(report, context: context) { text }
        return output
    }

    private func readJournal() throws(CommandFailure) -> MoveJournal {
        switch LocalFile.read(journal, limit: MoveJournalFile.maxBytes) {
        case .success(let bytes):
            switch MoveJournal.decode(bytes) {
            case .success(let record): return record
            case .failure(let failure):
                throw CommandFailure("cannot use the journal \(journal): \(failure)", status: .invalidInput)
            }
        case .failure(let failure):
            let status: ExitStatus = failure.isPermissionDenied ? .permissionDenied : .invalidInput
            throw CommandFailure("cannot use the journal \(journal): \(failure)", status: status)
        }
    }
}
