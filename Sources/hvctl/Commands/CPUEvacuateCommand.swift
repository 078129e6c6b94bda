import ArgumentParser
import HyperVKit
import HyperVLive

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
        let inventory = CPUInventory.read(context.machine, readVPIndex: false)
        let evacuating = try CPUArgument.parse(cpus, option: "cpu-list")
        try CPUArgument.checkExists(evacuating, in: inventory, option: "cpu-list")
        let allowed = try to.map { text throws(CommandFailure) -> CPUList in
            let list = try CPUArgument.parse(text, option: "--to")
            try MoveExecution.checkTargets(list, in: inventory, option: "--to")
            return list
        }
        if let allowed, let overlap = allowed.cpus.first(where: evacuating.contains) {
            throw CommandFailure("--to: CPU \(overlap) is also being evacuated", status: .usage)
        }
        if offline, evacuating.contains(0) {
            throw CommandFailure(
                "CPU 0 is the VMBus connect CPU and can never go offline (reference §6.1)", status: .usage)
        }
        var vmbus = VMBusReader.read(context.machine, options: .channelTargets)
        guard vmbus.present == true else { throw VMBusAbsence.failure(vmbus, machine: context.machine) }
        let negotiated = NegotiatedVersion.read(context.machine)
        let execution = MoveExecution(global: global, context: context, vmbus: vmbus, apply: apply, force: force)
        var output = CommandOutput()
        output.warnings += try execution.checkVersion(negotiated.version, source: negotiated.source)
        output.warn(inventory.diagnostics + vmbus.diagnostics + negotiated.diagnostics)
        let closed = closedDevices(on: evacuating, in: &vmbus)
        output.warnings += closed
        let plan: EvacuationPlanner.Plan
        switch EvacuationPlanner.plan(
            evacuating: Set(evacuating.cpus), allowed: allowed.map { Set($0.cpus) }, vmbus: vmbus, cpus: inventory)
        {
        case .success(let made): plan = made
        case .failure(let error): throw CommandFailure("\(error)", status: .answerNo)
        }
        var report = EvacuationReport(evacuating: evacuating, applied: apply, plan: plan, outcome: nil, offline: [])
        var text = execution.planText(plan.moves, title: "plan to evacuate CPU \(evacuating):")
        // A CPU that can never go offline is said first: its channels can move, it cannot leave.
        let never = evacuating.cpus.compactMap { cpu -> String? in
            if cpu == 0 && vmbus.present == true { return "CPU 0 is the VMBus connect CPU" }
            if inventory.entry(cpu)?.hotpluggable == false { return "CPU \(cpu) has no online file" }
            return nil
        }
        if !never.isEmpty {
            let note =
                "note: " + never.joined(separator: "; ")
                + ": it can never go offline (reference §6.1); these moves only take its channels elsewhere"
            text = note + "\n" + text
            output.warnings.append("hvctl: warning: " + never.joined(separator: "; ") + ": it can never go offline")
        }
        if apply {
            let succeeded = try execution.apply(
                plan.moves, journal: journal, report: &report, text: &text, output: &output)
            if succeeded && offline { text += takeOffline(evacuating, report: &report, output: &output) }
        } else {
            text += "\nnothing was changed: run again with --apply to make these moves\n"
        }
        report.diagnostics = output.allDiagnostics
        output.stdout = try CommandRunner.render(report, context: context) { text }
        return output
    }

    /// Channels of devices that are not open cannot be moved (the kernel answers EIO, §3.4): they
    /// are left out of the plan, with a warning each.
    private func closedDevices(on cpus: CPUList, in vmbus: inout VMBusState) -> [String] {
        var warnings: [String] = []
        for index in vmbus.devices.indices where vmbus.devices[index].state != 3 {
            let device = vmbus.devices[index]
            let stuck = device.channels.filter { cpus.contains($0.targetCPU ?? -1) }
            guard !stuck.isEmpty else { continue }
            warnings.append(
                "hvctl: warning: \(device.className) \(device.deviceID) is not open (no driver): its channel(s) "
                    + "\(stuck.map { String($0.relid) }.joined(separator: ",")) cannot be moved and will keep the CPU busy"
            )
            vmbus.devices[index].channels.removeAll { cpus.contains($0.targetCPU ?? -1) }
        }
        return warnings
    }

    private func takeOffline(_ cpus: CPUList, report: inout EvacuationReport, output: inout CommandOutput) -> String {
        var text = ""
        for cpu in cpus.cpus {
            let result = OfflineWriter.offline(cpu, root: global.root ?? "/")
            report.offline.append((cpu, result))
            text += "CPU \(cpu) offline: \(result)\n"
            if result != "done" { output.status = .answerNo }
        }
        return text
    }
}

/// `hvctl cpu evacuate --json`.
struct EvacuationReport: Encodable {
    var evacuating: CPUList
    var applied: Bool
    var plan: EvacuationPlanner.Plan
    var outcome: ChannelMover.Outcome?
    var offline: [(cpu: Int, result: String)]
    var diagnostics: [Diagnostic] = []

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case evacuating, applied, moves
        case loadAfter = "load_after"
        case outcome, offline, diagnostics
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(1, forKey: .schemaVersion)
        try container.encode(evacuating.description, forKey: .evacuating)
        try container.encode(applied, forKey: .applied)
        try container.encode(plan.moves, forKey: .moves)
        var load = container.nestedContainer(keyedBy: NameKey.self, forKey: .loadAfter)
        for cpu in plan.loadAfter.keys.sorted() {
            try load.encode(plan.loadAfter[cpu] ?? 0, forKey: NameKey(String(cpu)))
        }
        try container.encode(outcome.map(OutcomeJSON.init), forKey: .outcome)
        try container.encode(offline.map { OfflineJSON(cpu: $0.cpu, result: $0.result) }, forKey: .offline)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    struct OfflineJSON: Encodable {
        var cpu: Int
        var result: String
    }
}

/// The outcome of applying moves, for JSON.
struct OutcomeJSON: Encodable {
    var outcome: ChannelMover.Outcome

    enum CodingKeys: String, CodingKey {
        case succeeded, applied
        case rolledBack = "rolled_back"
        case failure
        case rollbackFailures = "rollback_failures"
        case journalFailure = "journal_failure"
    }

    struct FailureJSON: Encodable {
        var move: ChannelMove
        var message: String
        var errno: String?
        /// Where the channel is after the failure (read back), null when unknown.
        var cpuNow: Int?

        init(_ failure: ChannelMover.Failure) {
            move = failure.move
            message = failure.message
            errno = failure.errno?.name
            cpuNow = failure.cpuNow
        }

        enum CodingKeys: String, CodingKey {
            case move, message, errno
            case cpuNow = "cpu_now"
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(outcome.succeeded, forKey: .succeeded)
        try container.encode(outcome.applied, forKey: .applied)
        try container.encode(outcome.rolledBack, forKey: .rolledBack)
        try container.encode(outcome.failure.map(FailureJSON.init), forKey: .failure)
        try container.encode(outcome.rollbackFailures.map(FailureJSON.init), forKey: .rollbackFailures)
        try container.encode(outcome.journalFailure?.description, forKey: .journalFailure)
    }
}
