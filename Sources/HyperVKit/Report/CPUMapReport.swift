/// `hvctl cpu map`: per CPU, the VMBus channels whose interrupts target it (by device class), the
/// VMBus interrupts it took, and how unevenly they are spread (reference §6.2).
public struct CPUMapReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public struct CPU: Sendable, Equatable {
        public var cpu: Int
        public var online: Bool?
        /// Channels targeting this CPU per class short name (or class GUID), sorted by name.
        public var byClass: [(name: String, count: Int)]
        public var channels: Int { byClass.reduce(0) { $0 + $1.count } }
        /// Sum of the `interrupts` counters of the channels that target it now.
        public var channelInterrupts: UInt64?
        /// The CPU's VMBus interrupts from /proc/interrupts (HYP on x86).
        public var vmbusInterrupts: UInt64?

        public static func == (lhs: CPU, rhs: CPU) -> Bool {
            lhs.cpu == rhs.cpu && lhs.online == rhs.online && lhs.channelInterrupts == rhs.channelInterrupts
                && lhs.vmbusInterrupts == rhs.vmbusInterrupts
                && lhs.byClass.elementsEqual(rhs.byClass) { $0 == $1 }
        }
    }

    /// Max over mean across online CPUs, and the CPU with the max (1.0 = perfectly even).
    public struct Imbalance: Sendable, Equatable, Encodable {
        public var ratio: Double
        public var busiestCPU: Int
        public var mean: Double

        enum CodingKeys: String, CodingKey {
            case ratio
            case busiestCPU = "busiest_cpu"
            case mean
        }

        /// nil when no online CPU has a value or every value is zero.
        public static func of(_ values: [(cpu: Int, value: Double)]) -> Imbalance? {
            guard !values.isEmpty else { return nil }
            let mean = values.reduce(0) { $0 + $1.value } / Double(values.count)
            guard mean > 0, let busiest = values.max(by: { ($0.value, -$0.cpu) < ($1.value, -$1.cpu) }) else {
                return nil
            }
            return Imbalance(ratio: busiest.value / mean, busiestCPU: busiest.cpu, mean: mean)
        }
    }

    public var cpus: [CPU]
    /// Of all channel counts over online CPUs, max over mean. High on every healthy VM (CPU 0 takes
    /// every non-performance channel by design): kept for scripts; `performanceSpread` is the
    /// figure to judge by.
    public var channelImbalance: Imbalance?
    /// Of /proc/interrupts VMBus counts over online CPUs.
    public var interruptImbalance: Imbalance?
    /// The spread of performance channels, the one `health`'s channels.balance judges.
    public var performanceSpread: PerformanceChannelSpread?
    public var diagnostics: [Diagnostic]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case cpus
        case channelImbalance = "channel_imbalance"
        case interruptImbalance = "interrupt_imbalance"
        case performanceSpread = "performance_spread"
        case diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(CPUMapReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(cpus.map(CPUJSON.init), forKey: .cpus)
        try container.encode(channelImbalance, forKey: .channelImbalance)
        try container.encode(interruptImbalance, forKey: .interruptImbalance)
        try container.encode(performanceSpread, forKey: .performanceSpread)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    struct CPUJSON: Encodable {
        var cpu: CPU

        enum CodingKeys: String, CodingKey {
            case cpu, online, channels
            case byClass = "by_class"
            case channelInterrupts = "channel_interrupts"
            case vmbusInterrupts = "vmbus_interrupts"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(cpu.cpu, forKey: .cpu)
            try container.encode(cpu.online, forKey: .online)
            try container.encode(cpu.channels, forKey: .channels)
            var classes = container.nestedContainer(keyedBy: NameKey.self, forKey: .byClass)
            for entry in cpu.byClass { try classes.encode(entry.count, forKey: NameKey(entry.name)) }
            try container.encode(cpu.channelInterrupts, forKey: .channelInterrupts)
            try container.encode(cpu.vmbusInterrupts, forKey: .vmbusInterrupts)
        }
    }
}

public enum CPUMapReportBuilder {
    /// The map from the channels' targets and the per-CPU VMBus interrupt counts (nil: not read).
    public static func build(
        vmbus state: VMBusState, vmbusInterrupts hyp: [Int: UInt64]?, diagnostics hypDiagnostics: [Diagnostic]
    ) -> CPUMapReport {
        var diagnostics = state.diagnostics
        var perCPU: [Int: (classes: [String: Int], interrupts: UInt64?)] = [:]
        for device in state.devices {
            let name = device.classLabel
            for channel in device.channels {
                guard let cpu = channel.targetCPU else { continue }
                var entry = perCPU[cpu] ?? ([:], nil)
                entry.classes[name, default: 0] += 1
                if let count = channel.interrupts { entry.interrupts = (entry.interrupts ?? 0) &+ count }
                perCPU[cpu] = entry
            }
        }
        diagnostics += hypDiagnostics
        let online = state.onlineCPUs
        let numbers = Set(perCPU.keys).union(online?.cpus ?? []).union(hyp?.keys.map { $0 } ?? []).sorted()
        let cpus = numbers.map { cpu in
            CPUMapReport.CPU(
                cpu: cpu, online: online.map { $0.contains(cpu) },
                byClass: (perCPU[cpu]?.classes ?? [:]).sorted { $0.key < $1.key }.map { ($0.key, $0.value) },
                channelInterrupts: perCPU[cpu]?.interrupts ?? (perCPU[cpu] == nil ? 0 : nil),
                vmbusInterrupts: hyp?[cpu])
        }
        let onlineCPUs = cpus.filter { $0.online != false }
        return CPUMapReport(
            cpus: cpus,
            channelImbalance: .of(onlineCPUs.map { ($0.cpu, Double($0.channels)) }),
            interruptImbalance: .of(onlineCPUs.compactMap { cpu in cpu.vmbusInterrupts.map { (cpu.cpu, Double($0)) } }),
            performanceSpread: .of(state), diagnostics: diagnostics)
    }
}
