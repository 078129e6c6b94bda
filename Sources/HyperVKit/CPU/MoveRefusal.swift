/// Why a channel move, an evacuation or a restore is refused before anything is written. Each
/// case is a decision the CLI maps to an exit status (a usage error, or "no" as the answer), never
/// by reading the message.
public enum MoveRefusal: Error, Sendable, Equatable, CustomStringConvertible {
    /// The negotiated version is only inferred from the host build: the kernel log does not say.
    case versionInferred(VMBusVersion)
    /// The kernel log has no `Vmbus version` line.
    case versionUnknown
    /// Older than 4.1: no MODIFYCHANNEL (reference §3.4).
    case versionTooOld(VMBusVersion)
    /// The machine has no VMBus to move channels on (or its listing could not be read).
    case noVMBus(VMBusState)
    /// A snapshot cannot be written to.
    case readOnlyMachine
    /// A CPU the user named does not exist on the machine.
    case noSuchCPU(CPUList, option: String, listed: String)
    /// The machine holds no CPU list, so the CPUs named cannot be checked.
    case noCPUList(CPUList, option: String)
    /// A target CPU is offline: it cannot receive channel interrupts.
    case targetOffline(Int, option: String)
    /// A target CPU is isolated for managed IRQs: the kernel answers EINVAL.
    case targetIsolated(Int, option: String)
    /// `--to` names a CPU that is also being evacuated.
    case targetEvacuated(Int)
    /// CPU 0 cannot go offline (reference §6.1).
    case connectCPUOffline
    /// The device is not open, so the kernel refuses to move its channels (EIO).
    case deviceNotOpen(className: String, deviceID: String)
    /// A device named by a GUID prefix matches no device, or several.
    case deviceNotFound(String, matches: Int)
    /// The device has no channel with that relid.
    case noSuchChannel(deviceID: String, relid: Int, relids: [Int])
    /// The planner found nowhere for the channels to go.
    case noDestination(EvacuationPlanner.PlanError)

    /// The user asked for something the machine cannot mean (exit 64); otherwise the answer is no (1).
    public var isUsageError: Bool {
        switch self {
        case .readOnlyMachine, .noSuchCPU, .targetOffline, .targetIsolated, .targetEvacuated, .connectCPUOffline,
            .deviceNotFound, .noSuchChannel:
            return true
        case .noVMBus, .noCPUList, .versionInferred, .versionUnknown, .versionTooOld, .deviceNotOpen, .noDestination:
            return false
        }
    }

    /// The machine itself lacks what the check needs (exit 65), rather than the answer being no.
    public var isMissingInput: Bool {
        if case .noCPUList = self { return true }
        return false
    }

    public var description: String {
        switch self {
        case .versionInferred(let version):
            return
                "the negotiated VMBus version is only inferred (\(version), from the host build): the kernel log does not say"
        case .versionUnknown:
            return
                "the negotiated VMBus version is unknown (the kernel log has no 'Vmbus version' line), so whether channels can move is unknown"
        case .versionTooOld(let version):
            return "VMBus \(version) is older than 4.1: the host cannot re-target channel interrupts (no MODIFYCHANNEL)"
        case .noVMBus(let state):
            return state.diagnostics.first?.message ?? "no VMBus: /sys/bus/vmbus does not exist"
        case .readOnlyMachine:
            return "--apply changes a running system; a snapshot is read-only"
        case .noSuchCPU(let cpus, let option, let listed):
            return "\(option): no CPU \(cpus) on this machine (\(listed))"
        case .noCPUList(let cpus, let option):
            return "\(option): the machine holds no CPU list, so CPU \(cpus) cannot be checked"
        case .targetOffline(let cpu, let option):
            return "\(option): CPU \(cpu) is offline, so it cannot receive channel interrupts"
        case .targetIsolated(let cpu, let option):
            return "\(option): CPU \(cpu) is isolated for managed IRQs (isolcpus=managed_irq), the kernel refuses it"
        case .targetEvacuated(let cpu):
            return "--to: CPU \(cpu) is also being evacuated"
        case .connectCPUOffline:
            return "CPU 0 is the VMBus connect CPU and can never go offline (reference §6.1)"
        case .deviceNotOpen(let className, let deviceID):
            return
                "\(className) \(deviceID) is not open (no driver): the kernel refuses to move its channels (EIO)"
        case .deviceNotFound(let device, let matches):
            return "device \(device): \(matches == 0 ? "no VMBus device" : "\(matches) devices") matches"
        case .noSuchChannel(let deviceID, let relid, let relids):
            return
                "device \(deviceID) has no channel \(relid) (channels: \(relids.map(String.init).joined(separator: ", ")))"
        case .noDestination(let error):
            return "\(error)"
        }
    }

    /// What the user can do about it.
    public var hint: String? {
        switch self {
        case .versionInferred: return "read the log as root, or pass --force to apply anyway"
        case .versionUnknown: return "read the log as root, or pass --force to try anyway"
        case .deviceNotFound: return "hvctl vmbus devices lists them"
        default: return nil
        }
    }
}
