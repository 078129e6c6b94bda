/// The three write flows (`cpu evacuate`, `cpu restore`, `vmbus set-cpu`) from the machine's
/// state to a plan, and from a plan to what the kernel did (reference §3.4, §6.1): the checks
/// before a move, planning, applying through the writer seam with rollback and the journal, and
/// taking CPUs offline. The CLI parses, calls these, and renders the plan it gets back.
public enum ChannelMoveFlow {
    /// What the user asked for, beyond the flow's own arguments.
    public struct Request: Sendable {
        /// Make the moves (otherwise only plan them).
        public var apply: Bool
        /// Apply even when the negotiated VMBus version is unknown or only inferred.
        public var force: Bool

        public init(apply: Bool, force: Bool) {
            self.apply = apply
            self.force = force
        }
    }

    /// Plans emptying `evacuating` (onto `allowed` only, when given).
    public static func evacuation(
        _ evacuating: CPUList, to allowed: CPUList?, offline: Bool, request: Request, machine: any Machine
    ) -> Result<MovePlan, MoveRefusal> {
        let inventory = CPUInventory.read(machine, readVPIndex: false)
        do throws(MoveRefusal) {
            try MovePreconditions.exist(evacuating, in: inventory, option: "cpu-list")
            if let allowed { try MovePreconditions.targets(allowed, in: inventory, option: "--to") }
            if let allowed, let overlap = allowed.cpus.first(where: evacuating.contains) {
                throw .targetEvacuated(overlap)
            }
            if offline, evacuating.contains(0) { throw .connectCPUOffline }
            var vmbus = VMBusReader.read(machine, options: .channelTargets)
            guard vmbus.present == true else { throw .noVMBus(vmbus) }
            var plan = try MovePlan(
                machine: machine, request: request, devices: vmbus.devices,
                diagnostics: inventory.diagnostics + vmbus.diagnostics, title: "plan to evacuate CPU \(evacuating):",
                applyHint: "run again with --apply to make these moves")
            plan.warnings += leaveOutClosedDevices(on: evacuating, in: &vmbus)
            let made: EvacuationPlanner.Plan
            switch EvacuationPlanner.plan(
                evacuating: Set(evacuating.cpus), allowed: allowed.map { Set($0.cpus) }, vmbus: vmbus,
                cpus: inventory)
            {
            case .success(let planned): made = planned
            case .failure(let error): throw .noDestination(error)
            }
            plan.report = EvacuationReport(evacuating: evacuating, applied: request.apply, plan: made)
            // A CPU that can never go offline is said first: its channels can move, it cannot leave.
            let never = evacuating.cpus.compactMap { cpu -> String? in
                if cpu == 0 { return "CPU 0 is the VMBus connect CPU" }
                if inventory.entry(cpu)?.hotpluggable == false { return "CPU \(cpu) has no online file" }
                return nil
            }
            if !never.isEmpty {
                plan.notes.append(
                    never.joined(separator: "; ")
                        + ": it can never go offline (reference §6.1); these moves only take its channels elsewhere")
                plan.warnings.append(never.joined(separator: "; ") + ": it can never go offline")
            }
            return .success(plan)
        } catch {
            return .failure(error)
        }
    }

    /// Plans putting back what a journal says was moved, last move first; a channel that has moved
    /// since, or is gone, is left alone with a warning.
    public static func restore(
        _ journal: MoveJournal, named name: String, request: Request, machine: any Machine
    ) -> Result<MovePlan, MoveRefusal> {
        let vmbus = VMBusReader.read(machine, options: .channelTargets)
        guard vmbus.present == true else { return .failure(.noVMBus(vmbus)) }
        var plan: MovePlan
        do throws(MoveRefusal) {
            plan = try MovePlan(
                machine: machine, request: request, devices: vmbus.devices, diagnostics: vmbus.diagnostics,
                title: "plan to restore \(name):", applyHint: "run again with --apply to make these moves")
        } catch {
            return .failure(error)
        }
        if !journal.complete {
            plan.warnings.append(
                "\(name) is the journal of a run that did not finish: its last move may never have been made")
        }
        var moves: [ChannelMove] = []
        for move in journal.undo {
            let device = vmbus.devices.first { $0.deviceID == move.deviceID }
            guard let current = device?.channels.first(where: { $0.relid == move.relid })?.targetCPU else {
                plan.warnings.append("channel \(move.relid) of \(move.deviceID) no longer exists: skipped")
                continue
            }
            guard current == move.from else {
                plan.warnings.append(
                    "channel \(move.relid) of \(move.deviceID) is on CPU \(current), not \(move.from) as the journal left it: skipped"
                )
                continue
            }
            moves.append(move)
        }
        plan.report = EvacuationReport(
            evacuating: CPUList(moves.map(\.from)), applied: request.apply,
            plan: EvacuationPlanner.Plan(moves: moves, loadAfter: [:], destinations: []))
        return .success(plan)
    }

    /// Plans re-targeting one channel of the device `device` (a GUID or a unique prefix of one).
    public static func setCPU(
        device: String, relid: Int, cpu: Int, request: Request, machine: any Machine
    ) -> Result<MovePlan, MoveRefusal> {
        let inventory = CPUInventory.read(machine, readVPIndex: false)
        do throws(MoveRefusal) {
            try MovePreconditions.targets(CPUList([cpu]), in: inventory, option: "cpu")
            let vmbus = VMBusReader.read(machine, options: .channelTargets)
            guard vmbus.present == true else { throw .noVMBus(vmbus) }
            let wanted = GUIDText.normalized(device)
            let matches = vmbus.devices.filter { $0.deviceID.hasPrefix(wanted) }
            guard matches.count == 1, let target = matches.first else {
                throw .deviceNotFound(device, matches: matches.count)
            }
            guard let channel = target.channels.first(where: { $0.relid == relid }), let from = channel.targetCPU
            else {
                throw .noSuchChannel(deviceID: target.deviceID, relid: relid, relids: target.channels.map(\.relid))
            }
            guard target.isOpen else { throw .deviceNotOpen(className: target.className, deviceID: target.deviceID) }
            var plan = try MovePlan(
                machine: machine, request: request, devices: vmbus.devices,
                diagnostics: inventory.diagnostics + vmbus.diagnostics,
                title: "channel \(relid) of \(target.deviceID):", applyHint: "run again with --apply")
            plan.hintWithoutMoves = false
            let moves = from == cpu ? [] : [ChannelMove(deviceID: target.deviceID, relid: relid, from: from, to: cpu)]
            plan.report = EvacuationReport(
                evacuating: CPUList([from]), applied: request.apply,
                plan: EvacuationPlanner.Plan(moves: moves, loadAfter: [:], destinations: [cpu]))
            return .success(plan)
        } catch {
            return .failure(error)
        }
    }

    /// Channels of devices that are not open cannot be moved (the kernel answers EIO, §3.4): they
    /// are left out of the plan, with a warning each.
    static func leaveOutClosedDevices(on cpus: CPUList, in vmbus: inout VMBusState) -> [String] {
        var warnings: [String] = []
        for index in vmbus.devices.indices where !vmbus.devices[index].isOpen {
            let device = vmbus.devices[index]
            let stuck = device.channels.filter { cpus.contains($0.targetCPU ?? -1) }
            guard !stuck.isEmpty else { continue }
            warnings.append(
                "\(device.className) \(device.deviceID) is not open (no driver): its channel(s) "
                    + "\(stuck.map { String($0.relid) }.joined(separator: ",")) cannot be moved and will keep the CPU busy"
            )
            vmbus.devices[index].channels.removeAll { cpus.contains($0.targetCPU ?? -1) }
        }
        return warnings
    }

    /// Applies the plan's moves through `writer` (verifying each, undoing all on a failure, keeping
    /// `journal` ahead of them), records the outcome in the plan, and says why the run failed.
    public static func apply(
        _ plan: inout MovePlan, machine: any Machine, writer: any SysfsWriter, journal: (any MoveJournalRecorder)?
    ) -> MoveRunFailure? {
        let outcome = ChannelMover.apply(plan.report.plan.moves, machine: machine, writer: writer, journal: journal)
        plan.report.outcome = outcome
        return MoveRunFailure(outcome)
    }

    /// Takes each CPU offline through `writer` and records the kernel's answers; false when any
    /// refused.
    public static func takeOffline(_ cpus: CPUList, plan: inout MovePlan, writer: any SysfsWriter) -> Bool {
        var all = true
        for cpu in cpus.cpus {
            let result = CPUOffliner.offline(cpu, writer: writer)
            plan.report.offline.append(EvacuationReport.OfflineResult(cpu: cpu, result: result))
            if result != .done { all = false }
        }
        return all
    }
}

/// The checks every flow makes of the CPUs a user names.
public enum MovePreconditions {
    /// Every CPU must exist (be possible) on the machine.
    public static func exist(_ list: CPUList, in inventory: CPUInventory, option: String) throws(MoveRefusal) {
        let known = Set(inventory.entries.map(\.cpu))
        // No list at all is what the input lacks, not a CPU the user got wrong.
        guard !known.isEmpty else { throw .noCPUList(list, option: option) }
        let missing = list.cpus.filter { !known.contains($0) }
        guard missing.isEmpty else {
            let listed = inventory.topology.possible ?? inventory.topology.online
            let which = inventory.topology.possible == nil ? "online" : "possible"
            throw .noSuchCPU(CPUList(missing), option: option, listed: "\(which): \(listed?.description ?? "none")")
        }
    }

    /// A target CPU must exist, be online, and not be isolated for managed IRQs (the kernel answers
    /// EINVAL, §3.4).
    public static func targets(_ targets: CPUList, in inventory: CPUInventory, option: String) throws(MoveRefusal) {
        try exist(targets, in: inventory, option: option)
        for cpu in targets.cpus {
            guard let entry = inventory.entry(cpu), entry.online == true else {
                throw .targetOffline(cpu, option: option)
            }
            if entry.managedIRQIsolated { throw .targetIsolated(cpu, option: option) }
        }
    }

    /// VMBus must be 4.1+ to move channels; an unknown version, or one only inferred from the
    /// host build, blocks applying unless forced. Returns a warning when moving on regardless.
    public static func version(
        _ version: VMBusVersion?, source: VMBusVersionReport.Source?, request: ChannelMoveFlow.Request
    ) throws(MoveRefusal) -> String? {
        if let version, source == .inferred, version >= OfflineCheck.retargetMinimum, request.apply, !request.force {
            throw .versionInferred(version)
        }
        guard let version else {
            if request.apply && !request.force { throw .versionUnknown }
            return "the negotiated VMBus version is unknown; moves need 4.1 or newer"
        }
        if version < OfflineCheck.retargetMinimum { throw .versionTooOld(version) }
        return nil
    }
}
