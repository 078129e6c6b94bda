/// Which CPUs exist, from `/sys/devices/system/cpu/{possible,present,online,offline}`
/// (reference §6.3). On WS2019-and-older hosts `possible` can exceed `present`: phantom hot-add
/// CPUs that Hyper-V will never add.
public struct CPUTopology: Sendable, Equatable, Codable {
    public var possible: CPUList?
    public var present: CPUList?
    public var online: CPUList?
    /// Where `online` came from (issue 13): `sysfs`, or, when sysfs was not captured, the
    /// register captures, `/proc/interrupts` or the VMBus channels' target CPUs (a lower bound).
    public var onlineSource: OnlineSource?

    public enum OnlineSource: String, Sendable, Codable {
        case sysfs
        case registerCaptures = "register_captures"
        case procInterrupts = "proc_interrupts"
        case channelTargets = "channel_targets"

        /// In words, for text output.
        public var title: String {
            switch self {
            case .sysfs: return CPUTopology.onlinePath
            case .registerCaptures: return "the CPUID and MSR captures (cpuid.txt, msr/cpuN.txt)"
            case .procInterrupts: return "the CPU columns of /proc/interrupts"
            case .channelTargets: return "the VMBus channels' target CPUs (at least these)"
            }
        }
    }

    public static let directory = "/sys/devices/system/cpu"

    /// The online CPUs, as a CPU list.
    public static let onlinePath = directory + "/online"
    /// The CPUs isolated from the scheduler (`isolcpus=`), as the kernel applied them.
    public static let isolatedPath = directory + "/isolated"

    /// A CPU's own online file: read for its state, written (0) to take it offline.
    public static func onlineFile(cpu: Int) -> String { directory + "/cpu\(cpu)/online" }

    public init(possible: CPUList?, present: CPUList?, online: CPUList?) {
        self.possible = possible
        self.present = present
        self.online = online
    }

    public static func read(from machine: any Machine) -> (CPUTopology, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func list(_ name: String) -> CPUList? {
            let path = directory + "/" + name
            switch machine.attribute(at: path) {
            case .success(let text):
                guard let list = CPUList(parsing: text) else {
                    diagnostics.append(
                        Diagnostic(path: path, message: "\(path): not a CPU list: \"\(text.prefix(40))\""))
                    return nil
                }
                return list
            case .failure(.absent):
                return nil
            case .failure(let failure):
                diagnostics.append(.read(path, failure))
                return nil
            }
        }
        var topology = CPUTopology(possible: list("possible"), present: list("present"), online: list("online"))
        if topology.online != nil {
            topology.onlineSource = .sysfs
        } else if let cpus = machine.capturedRegisterCPUs {
            topology.online = CPUList(cpus)
            topology.onlineSource = .registerCaptures
        } else if case .success(let text) = machine.text(at: ProcInterrupts.path), let cpus = ProcInterrupts.cpus(text)
        {
            topology.online = CPUList(cpus)
            topology.onlineSource = .procInterrupts
        }
        return (topology, diagnostics)
    }

    /// When nothing else gave a list: the CPUs channel interrupts target, which are online (the
    /// kernel moves them off a CPU before it goes offline) but may not be all of them.
    public mutating func fillFromChannelTargets(_ targets: [Int]) {
        guard online == nil, !targets.isEmpty else { return }
        online = CPUList(Array(Set(targets)).sorted())
        onlineSource = .channelTargets
    }

    /// Possible but not present: hot-add CPUs that never arrive on Hyper-V (§6.3).
    public var phantom: CPUList? {
        guard let possible, let present else { return nil }
        return CPUList(possible.cpus.filter { !present.contains($0) })
    }

    enum CodingKeys: String, CodingKey {
        case possible, present, online
        case onlineSource = "online_source"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(possible?.description, forKey: .possible)
        try container.encode(present?.description, forKey: .present)
        try container.encode(online?.description, forKey: .online)
        try container.encode(onlineSource, forKey: .onlineSource)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        possible = try container.decodeIfPresent(String.self, forKey: .possible).flatMap { CPUList(parsing: $0) }
        present = try container.decodeIfPresent(String.self, forKey: .present).flatMap { CPUList(parsing: $0) }
        online = try container.decodeIfPresent(String.self, forKey: .online).flatMap { CPUList(parsing: $0) }
        onlineSource = try container.decodeIfPresent(OnlineSource.self, forKey: .onlineSource)
    }
}

extension CPUTopology {
    public static let sources: [MachineSource] = [
        MachineSource(
            directory + "/{possible,present,online}", redaction: .none, reader: "CPUTopology",
            why: "which CPUs exist, were hot-added and are online (phantom CPUs, offline checks)"),
        MachineSource(
            isolatedPath, optional: true, redaction: .none, reader: "CPUInventory",
            why: "isolated CPUs (isolcpus= as the kernel applied it), which channels should not target"),
        MachineSource(
            directory + "/{offline,nohz_full}", optional: true, redaction: .none, reader: "CPUTopology",
            why: "not read: kept for the engineer reading the snapshot (the offline list, nohz_full as applied)"),
        MachineSource(
            directory + "/cpu*/online", optional: true, redaction: .none, reader: "CPUTopology",
            why: "each CPU's online state (CPU 0 has none: it cannot go offline)"),
    ]
}
