import ArgumentParser
import HyperVKit

struct CPUOfflineCheckCommand: ParsableCommand, ReportCommand {
    static let configuration = CommandConfiguration(
        commandName: "offline-check",
        abstract: "Whether CPUs can go offline now, and every reason they cannot.",
        discussion: """
            A CPU cannot go offline while VMBus channel interrupts target it, and CPU 0, the VMBus \
            connect CPU, never can (reference §6.1). For each CPU this says why not: connect CPU, bound \
            channels (listed by device and relid), VMBus older than 4.1 (channels cannot be moved), \
            already offline, not hot-pluggable. Kernels 6.15 and newer move channels themselves when \
            VMBus is 5.3 or newer, which is said instead of blocking. A CPU is fixable when hvctl cpu \
            evacuate would unblock it; the planned moves are shown. Without a CPU list (or with --all) \
            every online CPU is checked. A CPU whose online file was not captured is never said to be \
            able to go offline (hotplug_unknown).

            Exits 0 when every requested CPU can go offline now, 1 otherwise; 65 when the machine holds \
            no CPU list at all.

            JSON (schema_version 1): vmbus_version, vmbus_version_source, kernel, cpus[] (cpu, online, \
            can_offline, blockers[] {reason, message}, channels[] {device_id, relid}, fixable, \
            planned_moves[] {device_id, relid, from, to}, kernel_moves_channels, notes[]), diagnostics. \
            Reasons: connect_cpu, bound_channels, vmbus_too_old, vmbus_version_unknown, not_hotpluggable, \
            hotplug_unknown, already_offline, not_present, no_destination.
            """)

    @OptionGroup var global: GlobalOptions

    @Argument(help: ArgumentHelp("CPUs to check, like 1-3,7 (default: every online CPU).", valueName: "cpu-list"))
    var cpus: String?

    @Flag(help: "Check every online CPU (the default without a CPU list).")
    var all = false

    func validate() throws {
        if cpus != nil && all { throw ValidationError("give a CPU list or --all, not both") }
    }

    func run() throws { try runReport() }

    func produce(_ context: CommandContext) throws(CommandFailure) -> CommandOutput {
        let vmbus = VMBusReader.read(context.machine, options: .channelTargets)
        let inventory = CPUInventory.read(context.machine, readVPIndex: false, channelTargets: vmbus.targetCPUs)
        let requested: [Int]
        if let cpus {
            let list = try CPUArgument.parse(cpus, option: "cpu-list")
            try CPUArgument.checkExists(list, in: inventory, option: "cpu-list")
            requested = list.cpus
        } else {
            requested = inventory.entries.filter { $0.online == true }.map(\.cpu)
            // Nothing to check is no answer, never "all can go offline" (issue 14).
            guard !requested.isEmpty else {
                throw CommandFailure(
                    "\(context.machine.origin) holds no list of online CPUs to check", status: .invalidInput)
            }
        }
        let negotiated = NegotiatedVersion.read(context.machine)
        let kernel = context.machine.kernelRelease.flatMap(KernelRelease.init)
        let report = OfflineCheckReport(
            verdicts: OfflineCheck.verdicts(
                requested, cpus: inventory, vmbus: vmbus, version: negotiated.version, kernel: kernel),
            version: negotiated.version, versionSource: negotiated.source, kernel: kernel,
            diagnostics: inventory.diagnostics + vmbus.diagnostics + negotiated.diagnostics)
        var output = CommandOutput()
        output.stdout = try CommandRunner.render(report, context: context) {
            OfflineCheckText(report: report, vmbus: vmbus, color: context.color).render()
        }
        output.warn(report.diagnostics)
        output.status = report.allCanOffline ? .success : .answerNo
        return output
    }
}
