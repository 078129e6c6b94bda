import ArgumentParser
import HyperVKit

struct CPUEvacuateCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "evacuate",
        abstract: "Move every VMBus channel interrupt off CPUs, so they can go offline.",
        discussion: """
            Plans moving every channel off the given CPUs onto the least-loaded online housekeeping CPU, \
            same NUMA node first, never onto a CPU being evacuated, spreading one device's channels. \
            Without --apply it prints the plan and changes nothing. With --apply it writes each channel's \
            cpu attribute (reference §3.4; needs root and VMBus 4.1 or newer), reads it back, and on any \
            failure undoes the moves already made, in reverse, saying what was done and undone. \
            --journal FILE (with --apply) records the moves so that hvctl cpu restore FILE can put the \
            channels back: it is written before the first move and ahead of each, atomically, and if it \
            cannot be written nothing moves (or what moved is undone; exit 74). A FILE that exists and is \
            not an hvctl journal (a directory, a link, any other file) is refused (exit 64), never touched. \
            --offline then takes the CPUs offline and reports the kernel's answer. The assignment is not \
            persistent: a reboot, or a device re-creating its sub-channels, assigns CPUs afresh.

            JSON (schema_version 1): evacuating, applied (bool), moves[] {device_id, relid, from, to}, \
            load_after {cpu: channels}, outcome (with --apply: applied[], rolled_back[], failure, \
            rollback_failures[] {move, message, errno, cpu_now}, journal_failure), offline[] {cpu, result}, \
            diagnostics.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("CPUs to empty, like 1-3,7.", valueName: "cpu-list"))
    var cpus: String

    @Option(help: ArgumentHelp("Only move channels to these CPUs.", valueName: "cpu-list"))
    var to: String?

    @Flag(help: "Make the moves (otherwise only the plan is printed).")
    var apply = false

    @Flag(help: "After the moves, write 0 to each CPU's online file.")
    var offline = false

    @Option(
        help: ArgumentHelp("Write the moves made to FILE, for hvctl cpu restore.", valueName: "file"),
        completion: .file())
    var journal: String?

    @Flag(help: "Apply even when the negotiated VMBus version is unknown.")
    var force = false

    func validate() throws {
        if offline && !apply { throw ValidationError("--offline needs --apply") }
        if journal != nil && !apply { throw ValidationError("--journal needs --apply (without it nothing moves)") }
    }

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let evacuating = try CPUArgument.parse(cpus, option: "cpu-list")
        let allowed = try to.map { text throws(CommandFailure) in try CPUArgument.parse(text, option: "--to") }
        let execution = MoveExecution(context: context)
        let plan = try execution.plan(
            ChannelMoveFlow.evacuation(
                evacuating, to: allowed, offline: offline, request: .init(apply: apply, force: force),
                machine: context.machine))
        return try execution.run(plan, apply: apply, journal: journal, offline: offline ? evacuating : nil)
    }
}
