/// Plans moving every channel off some CPUs (issue 4): each channel goes to the least-loaded online
/// housekeeping CPU, same NUMA node as its current CPU first, never to a CPU being evacuated, and
/// preferably to a CPU no other channel of the same device uses (the kernel spreads a device's
/// sub-channels the same way, `init_vp_index()`, reference §6.2).
public enum EvacuationPlanner {
    public struct Plan: Sendable, Equatable {
        public var moves: [ChannelMove]
        /// Channels per CPU after the moves, over the CPUs that may receive channels.
        public var loadAfter: [Int: Int]
        /// The CPUs that could receive channels.
        public var destinations: [Int]

        public init(moves: [ChannelMove], loadAfter: [Int: Int], destinations: [Int]) {
            self.moves = moves
            self.loadAfter = loadAfter
            self.destinations = destinations
        }
    }

    public enum PlanError: Error, Equatable, CustomStringConvertible {
        /// No online housekeeping CPU is left to receive the channels.
        case noDestination(evacuating: [Int])

        public var description: String {
            switch self {
            case .noDestination(let cpus):
                return "no online housekeeping CPU is left for the channels of CPU \(CPUList(cpus))"
            }
        }
    }

    /// - Parameters:
    ///   - evacuating: the CPUs to empty.
    ///   - allowed: `--to`: only these CPUs may receive channels (nil: any).
    public static func plan(
        evacuating: Set<Int>, allowed: Set<Int>?, vmbus: VMBusState, cpus: CPUInventory
    ) -> Result<Plan, PlanError> {
        let destinations = cpus.entries.filter { entry in
            entry.online == true && entry.isHousekeeping && !evacuating.contains(entry.cpu)
                && (allowed?.contains(entry.cpu) ?? true)
        }.map(\.cpu)
        var load = Dictionary(uniqueKeysWithValues: destinations.map { ($0, 0) })
        var usedByDevice: [String: Set<Int>] = [:]
        var toMove: [(device: VMBusDevice, channel: VMBusChannel, cpu: Int)] = []
        for device in vmbus.devices {
            for channel in device.channels {
                guard let cpu = channel.targetCPU else { continue }
                if evacuating.contains(cpu) {
                    toMove.append((device, channel, cpu))
                } else {
                    load[cpu]? += 1
                    usedByDevice[device.deviceID, default: []].insert(cpu)
                }
            }
        }
        if toMove.isEmpty { return .success(Plan(moves: [], loadAfter: load, destinations: destinations)) }
        guard !destinations.isEmpty else { return .failure(.noDestination(evacuating: evacuating.sorted())) }
        var moves: [ChannelMove] = []
        for item in toMove {
            let node = cpus.entry(item.cpu)?.numaNode
            let sameNode = destinations.filter { cpus.entry($0)?.numaNode == node }
            let pool = sameNode.isEmpty ? destinations : sameNode
            let used = usedByDevice[item.device.deviceID] ?? []
            let fresh = pool.filter { !used.contains($0) }
            let choices = fresh.isEmpty ? pool : fresh
            guard let target = choices.min(by: { (load[$0] ?? 0, $0) < (load[$1] ?? 0, $1) }) else { continue }
            load[target, default: 0] += 1
            usedByDevice[item.device.deviceID, default: []].insert(target)
            moves.append(
                ChannelMove(deviceID: item.device.deviceID, relid: item.channel.relid, from: item.cpu, to: target))
        }
        return .success(Plan(moves: moves, loadAfter: load, destinations: destinations))
    }
}
