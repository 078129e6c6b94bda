/// Whether a CPU can go offline now, and every reason it cannot (reference §6.1).
public struct OfflineVerdict: Sendable, Equatable {
    public enum Reason: String, Sendable, Codable {
        case notPresent = "not_present"
        case alreadyOffline = "already_offline"
        case connectCPU = "connect_cpu"
        case notHotpluggable = "not_hotpluggable"
        /// `/sys/devices/system/cpu` was not captured: whether the CPU has an online file is unknown.
        case hotplugUnknown = "hotplug_unknown"
        /// A channel's target CPU could not be read at all: it may be this one.
        case targetUnknown = "target_unknown"
        case boundChannels = "bound_channels"
        case vmbusTooOld = "vmbus_too_old"
        case vmbusVersionUnknown = "vmbus_version_unknown"
        case noDestination = "no_destination"
    }

    public struct Blocker: Sendable, Equatable {
        public var reason: Reason
        public var message: String
    }

    public var cpu: Int
    public var online: Bool
    public var blockers: [Blocker]
    /// Channels whose interrupts target this CPU.
    public var channels: [(deviceID: String, relid: Int, className: String)]
    /// The kernel will move the channels itself (6.15+ with VMBus 5.3+).
    public var kernelMovesChannels: Bool
    /// An evacuation would unblock it; the moves it would make.
    public var fixable: Bool
    public var plannedMoves: [ChannelMove]
    /// What is worth knowing but does not block: transient EBUSY from pending events, channels
    /// that are not open.
    public var notes: [String]

    public var canOffline: Bool { blockers.isEmpty }

    public static func == (lhs: OfflineVerdict, rhs: OfflineVerdict) -> Bool {
        lhs.cpu == rhs.cpu && lhs.online == rhs.online && lhs.blockers == rhs.blockers
            && lhs.channels.elementsEqual(rhs.channels) { $0 == $1 }
            && lhs.kernelMovesChannels == rhs.kernelMovesChannels
            && lhs.fixable == rhs.fixable && lhs.plannedMoves == rhs.plannedMoves && lhs.notes == rhs.notes
    }
}

/// The rules of reference §6.1 as a pure function of what was read.
public enum OfflineCheck {
    /// Step 4 of `hv_synic_cleanup()`: with VMBus 4.1+, a pending channel event bit can make an offline
    /// fail with EBUSY even when no channel targets the CPU; the kernel re-checks three times.
    public static let transientBusyNote =
        "even with no channel on it, a pending channel event can make an offline fail with EBUSY for a moment: retry"

    /// VMBus 4.1 (`VERSION_WIN10_V4_1`) brought CHANNELMSG_MODIFYCHANNEL: below it channels cannot
    /// be re-targeted (§3.4, §5.3).
    public static let retargetMinimum = VMBusVersion(major: 4, minor: 1)
    /// VMBus 5.3: with a 6.15+ kernel, the kernel moves channels off a dying CPU itself.
    public static let autoMoveMinimum = VMBusVersion(major: 5, minor: 3)

    public static func verdict(
        cpu: Int, cpus: CPUInventory, vmbus: VMBusState, version: VMBusVersion?, kernel: KernelRelease?
    ) -> OfflineVerdict {
        let entry = cpus.entry(cpu)
        var verdict = OfflineVerdict(
            cpu: cpu, online: entry?.online ?? false, blockers: [], channels: [], kernelMovesChannels: false,
            fixable: false, plannedMoves: [], notes: [])
        func block(_ reason: OfflineVerdict.Reason, _ message: String) {
            verdict.blockers.append(OfflineVerdict.Blocker(reason: reason, message: message))
        }
        guard let entry, entry.present else {
            block(
                .notPresent,
                "CPU \(cpu) is a phantom hot-add CPU: possible but not present; Hyper-V never adds CPUs to a running VM"
            )
            return verdict
        }
        guard entry.online != false else {
            block(.alreadyOffline, "CPU \(cpu) is already offline")
            return verdict
        }
        if cpu == 0 && vmbus.present == true {
            block(.connectCPU, "CPU 0 is the VMBus connect CPU: Hyper-V cannot change it once VMBus is connected")
        }
        switch entry.hotpluggable {
        case false?: block(.notHotpluggable, "CPU \(cpu) has no online file: the kernel does not let it go offline")
        case nil:
            block(
                .hotplugUnknown,
                "whether CPU \(cpu) may go offline is unknown: /sys/devices/system/cpu (its online file) was not captured"
            )
        case true?: break
        }
        var unknownTargets: [String] = []
        for device in vmbus.devices {
            for channel in device.channels where channel.targetCPU == cpu {
                verdict.channels.append(
                    (device.deviceID, channel.relid, device.classLabel))
            }
            for channel in device.channels where channel.targetCPU == nil {
                unknownTargets.append("\(device.briefName) relid \(channel.relid)")
            }
        }
        // A channel whose target could not be read may target this CPU: unknown is never "free".
        if !unknownTargets.isEmpty {
            block(
                .targetUnknown,
                "the target CPU of \(unknownTargets.count) channel(s) is unknown (neither cpu nor channel_vp_mapping "
                    + "could be read), and may be CPU \(cpu): " + unknownTargets.joined(separator: ", "))
        }
        if !verdict.channels.isEmpty {
            judgeChannels(&verdict, version: version, kernel: kernel)
        }
        return verdict
    }

    private static func judgeChannels(_ verdict: inout OfflineVerdict, version: VMBusVersion?, kernel: KernelRelease?) {
        func block(_ reason: OfflineVerdict.Reason, _ message: String) {
            verdict.blockers.append(OfflineVerdict.Blocker(reason: reason, message: message))
        }
        let list = verdict.channels.map {
            "\(VMBusDevice.briefName(classLabel: $0.className, deviceID: $0.deviceID)) relid \($0.relid)"
        }.joined(
            separator: ", ")
        let count = verdict.channels.count
        if let version, version >= autoMoveMinimum, let kernel, kernel >= KernelRelease.movesChannelsOnOffline {
            verdict.kernelMovesChannels = true
            verdict.notes.append(
                "kernel \(kernel) with VMBus \(version) moves the \(count) channel(s) itself when the CPU goes offline (\(list))"
            )
            return
        }
        block(.boundChannels, "\(count) channel interrupt(s) target CPU \(verdict.cpu): \(list)")
        guard let version else {
            block(
                .vmbusVersionUnknown,
                "the negotiated VMBus version is unknown, so whether channels can be moved is unknown")
            return
        }
        if version < retargetMinimum {
            block(.vmbusTooOld, "VMBus \(version) is older than 4.1: channels cannot be re-targeted (no MODIFYCHANNEL)")
        }
    }
}

extension OfflineCheck {
    /// Verdicts for several CPUs, each with the evacuation that would unblock it when only its
    /// channels stand in the way and they can be moved (VMBus ≥ 4.1, the devices open: a write to
    /// a channel that is not open fails with EIO, §3.4).
    public static func verdicts(
        _ requested: [Int], cpus: CPUInventory, vmbus: VMBusState, version: VMBusVersion?, kernel: KernelRelease?
    ) -> [OfflineVerdict] {
        requested.map { cpu in
            var verdict = verdict(cpu: cpu, cpus: cpus, vmbus: vmbus, version: version, kernel: kernel)
            guard !verdict.blockers.isEmpty, verdict.blockers.allSatisfy({ $0.reason == .boundChannels }) else {
                return verdict
            }
            let closed = vmbus.devices.filter { device in
                !device.isOpen && device.channels.contains { $0.targetCPU == cpu }
            }
            if !closed.isEmpty {
                let names = closed.map { "\($0.className) \($0.deviceID.prefix(8))" }.joined(separator: ", ")
                verdict.notes.append("not open (no driver), so its channels cannot be moved: \(names)")
                return verdict
            }
            switch EvacuationPlanner.plan(evacuating: [cpu], allowed: nil, vmbus: vmbus, cpus: cpus) {
            case .success(let plan):
                verdict.fixable = true
                verdict.plannedMoves = plan.moves
            case .failure(let error):
                verdict.blockers.append(OfflineVerdict.Blocker(reason: .noDestination, message: "\(error)"))
            }
            return verdict
        }
    }
}
