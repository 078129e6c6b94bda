import ArgumentParser
import HyperVKit

struct VMBusSetCPUCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "set-cpu",
        abstract: "Re-target one channel's interrupt to another CPU.",
        discussion: """
            Writes CPU to /sys/bus/vmbus/devices/DEVICE/channels/RELID/cpu (reference §3.4): needs root, \
            VMBus 4.1 or newer and an open channel; the CPU must be online and not isolated for managed \
            IRQs. Without --apply it prints what it would do. The assignment is not persistent.

            JSON (schema_version 1): as hvctl cpu evacuate --json.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("The device's instance GUID (a unique prefix will do).", valueName: "device"))
    var device: String

    @Argument(help: ArgumentHelp("The channel's relid.", valueName: "relid"))
    var relid: Int

    @Argument(help: ArgumentHelp("The CPU to target.", valueName: "cpu"))
    var cpu: Int

    @Flag(help: "Make the change (otherwise only print it).")
    var apply = false

    @Flag(help: "Apply even when the negotiated VMBus version is unknown.")
    var force = false

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let execution = MoveExecution(context: context)
        let plan = try execution.plan(
            ChannelMoveFlow.setCPU(
                device: device, relid: relid, cpu: cpu, request: .init(apply: apply, force: force),
                machine: context.machine))
        return try execution.run(plan, apply: apply && !plan.report.plan.moves.isEmpty)
    }
}
