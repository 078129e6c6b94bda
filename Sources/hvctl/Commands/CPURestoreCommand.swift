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
        let execution = MoveExecution(context: context)
        let plan = try execution.plan(
            ChannelMoveFlow.restore(
                record, named: journal, request: .init(apply: apply, force: force), machine: context.machine))
        return try execution.run(plan, apply: apply)
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
