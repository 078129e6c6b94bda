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
        let inventory = CPUInventory.read(context.machine, readVPIndex: false)
        try MoveExecution.checkTargets(CPUList([cpu]), in: inventory, option: "cpu")
        let vmbus = VMBusReader.read(context.machine, options: .channelTargets)
        guard vmbus.present == true else { throw VMBusAbsence.failure(vmbus, machine: context.machine) }
        let wanted = GUIDText.normalized(device)
        let matches = vmbus.devices.filter { $0.deviceID.hasPrefix(wanted) }
        guard matches.count == 1, let target = matches.first else {
            let why = matches.isEmpty ? "no VMBus device" : "\(matches.count) devices"
            throw CommandFailure(
                "device \(device): \(why) matches", hint: "hvctl vmbus devices lists them", status: .usage)
        }
        guard let channel = target.channels.first(where: { $0.relid == relid }), let from = channel.targetCPU else {
            let relids = target.channels.map { String($0.relid) }.joined(separator: ", ")
            throw CommandFailure(
                "device \(target.deviceID) has no channel \(relid) (channels: \(relids))", status: .usage)
        }
        if target.state != 3 {
            throw CommandFailure(
                "\(target.className) \(target.deviceID) is not open (no driver): the kernel refuses to move its channels (EIO)",
                status: .answerNo)
        }
        let negotiated = NegotiatedVersion.read(context.machine)
        let execution = MoveExecution(global: global, context: context, vmbus: vmbus, apply: apply, force: force)
        var output = CommandOutput()
        output.warnings += try execution.checkVersion(negotiated.version, source: negotiated.source)
        output.warn(inventory.diagnostics + vmbus.diagnostics + negotiated.diagnostics)
        let moves = from == cpu ? [] : [ChannelMove(deviceID: target.deviceID, relid: relid, from: from, to: cpu)]
        let plan = EvacuationPlanner.Plan(moves: moves, loadAfter: [:], destinations: [cpu])
        var report = EvacuationReport(
            evacuating: CPUList([from]), applied: apply, plan: plan, outcome: nil, offline: [])
        var text = execution.planText(moves, title: "channel \(relid) of \(target.deviceID):")
        if apply && !moves.isEmpty {
            _ = try execution.apply(moves, journal: nil, report: &report, text: &text, output: &output)
        } else if !apply && !moves.isEmpty {
            text += "\nnothing was changed: run again with --apply\n"
        }
        report.diagnostics = output.allDiagnostics
        output.stdout = try CommandRunner.render(report, context: context) { text }
        return output
    }
}
