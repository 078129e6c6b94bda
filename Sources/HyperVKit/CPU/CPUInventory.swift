/// What each CPU is, for the offline and placement rules (reference §6): which exist, which are
/// online, which can be hot-unplugged, which are isolated, their NUMA node and, where the MSR can be
/// read, their Hyper-V VP index (a different namespace from Linux CPU numbers, §6.4).
public struct CPUInventory: Sendable, Equatable {
    public struct Entry: Sendable, Equatable {
        public var cpu: Int
        public var present: Bool
        /// nil when `online` was not captured.
        public var online: Bool?
        /// Has a `cpuN/online` file: the kernel lets it go offline (on x86 the boot CPU has none).
        /// nil when `/sys/devices/system/cpu` was not captured: then nobody knows (issue 13).
        public var hotpluggable: Bool?
        /// `isolcpus=managed_irq`: the kernel refuses channel interrupts there (§3.4).
        public var managedIRQIsolated: Bool
        public var isolated: Bool
        public var nohzFull: Bool
        public var numaNode: Int?
        public var vpIndex: Int?

        /// A CPU channel interrupts may be moved to.
        public var isHousekeeping: Bool { !managedIRQIsolated }
    }

    public var topology: CPUTopology
    public var entries: [Entry]
    public var diagnostics: [Diagnostic]

    public func entry(_ cpu: Int) -> Entry? { entries.first { $0.cpu == cpu } }

    /// VP_INDEX (reference §2.2), read only when asked: an MSR read needs root and the msr module.
    public static let vpIndexMSR: UInt32 = 0x4000_0002

    /// - Parameter channelTargets: the VMBus channels' target CPUs, the last source of the CPU list
    ///   when nothing else holds one (a capture of VMBus alone).
    public static func read(_ machine: any Machine, readVPIndex: Bool = true, channelTargets: [Int] = [])
        -> CPUInventory
    {
        var (topology, diagnostics) = CPUTopology.read(from: machine)
        topology.fillFromChannelTargets(channelTargets)
        let cmdline = machine.attribute(at: KernelCommandLine.path).map(KernelCommandLine.parse)
        let command = (try? cmdline.get()) ?? KernelCommandLine()
        let sysIsolated = machine.attribute(at: CPUTopology.isolatedPath).map { CPUList(parsing: $0) }
        let isolated = (try? sysIsolated.get()) ?? nil
        let nodes = readNodes(machine, diagnostics: &diagnostics)
        let all = Set((topology.possible?.cpus ?? []) + (topology.present?.cpus ?? []) + (topology.online?.cpus ?? []))
        var entries: [Entry] = []
        for cpu in all.sorted() {
            let path = CPUTopology.onlineFile(cpu: cpu)
            let hotpluggable: Bool?
            if topology.onlineSource != .sysfs {
                hotpluggable = nil
            } else if case .failure(.absent) = machine.attributeBytes(at: path) {
                hotpluggable = false
            } else {
                hotpluggable = true
            }
            var vpIndex: Int?
            if readVPIndex, topology.online?.contains(cpu) == true,
                case .success(let value) = machine.msr(vpIndexMSR, cpu: cpu),
                value < 1 << 16
            {
                vpIndex = Int(value)
            }
            entries.append(
                Entry(
                    cpu: cpu, present: topology.present?.contains(cpu) ?? true,
                    online: topology.online.map { $0.contains(cpu) },
                    hotpluggable: hotpluggable, managedIRQIsolated: command.managedIRQIsolated.contains(cpu),
                    isolated: isolated?.contains(cpu) ?? command.isolated.contains(cpu),
                    nohzFull: command.nohzFull.contains(cpu), numaNode: nodes[cpu], vpIndex: vpIndex))
        }
        // Without sysfs the possible CPUs are unknown: only the online ones were seen.
        if topology.possible == nil && topology.onlineSource == .sysfs { topology.possible = CPUList(all.sorted()) }
        return CPUInventory(topology: topology, entries: entries, diagnostics: diagnostics)
    }

    /// CPU → NUMA node from `/sys/devices/system/node/node<N>/cpulist`; empty without NUMA.
    static func readNodes(_ machine: any Machine, diagnostics: inout [Diagnostic]) -> [Int: Int] {
        guard case .success(let names) = machine.directory(at: nodeDirectory) else { return [:] }
        var nodes: [Int: Int] = [:]
        for name in names where name.hasPrefix("node") {
            guard let node = Int(name.dropFirst(4)) else { continue }
            let path = nodeDirectory + "/" + name + "/cpulist"
            switch machine.attribute(at: path) {
            case .success(let text):
                guard let list = CPUList(parsing: text) else {
                    diagnostics.append(Diagnostic(path: path, message: "\(path): not a CPU list"))
                    continue
                }
                for cpu in list.cpus { nodes[cpu] = node }
            case .failure(.absent): continue
            case .failure(let failure): diagnostics.append(.read(path, failure))
            }
        }
        return nodes
    }
}

extension CPUInventory {
    /// Where the NUMA nodes are listed.
    public static let nodeDirectory = "/sys/devices/system/node"

    public static let sources: [MachineSource] = [
        MachineSource(
            nodeDirectory + "/node*/cpulist", optional: true, redaction: .none, reader: "CPUInventory",
            why: "the CPUs of each NUMA node, to say where a channel's device lives")
    ]
}
