/// How evenly the channels of performance devices (storage, network: `perf_device`) are spread
/// over the online CPUs (reference §6.2, `init_vp_index()`). Every other class's channels
/// interrupt CPU 0 by design, so counting them would call every healthy VM unbalanced: `cpu map`
/// and the `channels.balance` check both judge by this one figure (issue 14).
public struct PerformanceChannelSpread: Sendable, Equatable, Encodable {
    /// Performance channels per online CPU (every online CPU present, zeros included).
    public var perCPU: [Int: Int]
    public var total: Int
    /// The most an even spread puts on one CPU: ceil(total / online CPUs).
    public var evenSpreadMax: Int
    public var busiestCPU: Int
    public var busiestChannels: Int
    /// busiestChannels / evenSpreadMax (1.0 = as even as the counts allow).
    public var ratio: Double

    /// nil without performance channels on online CPUs. `online` nil: the CPUs channels target.
    public static func of(_ state: VMBusState) -> PerformanceChannelSpread? {
        let online =
            state.onlineCPUs?.cpus ?? Array(Set(state.devices.flatMap { $0.channels.compactMap(\.targetCPU) }))
        var counts = Dictionary(uniqueKeysWithValues: online.map { ($0, 0) })
        for device in state.devices where device.deviceClass?.isPerformanceCritical == true {
            for channel in device.channels {
                guard let cpu = channel.targetCPU, counts[cpu] != nil else { continue }
                counts[cpu, default: 0] += 1
            }
        }
        let total = counts.values.reduce(0, +)
        guard total > 0, !counts.isEmpty else { return nil }
        let even = (total + counts.count - 1) / counts.count
        let busiest = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) } ?? (key: 0, value: 0)
        return PerformanceChannelSpread(
            perCPU: counts, total: total, evenSpreadMax: even, busiestCPU: busiest.key,
            busiestChannels: busiest.value, ratio: Double(busiest.value) / Double(even))
    }

    /// `2.0`, `1.33`: two decimals at most.
    public static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) + ".0" : String(rounded)
    }

    /// "CPU 1 has 2 of 4 performance channels; an even spread over 3 online CPUs gives at most 2 (ratio 1.0)".
    public var sentence: String {
        let cpus = perCPU.count == 1 ? "1 online CPU" : "\(perCPU.count) online CPUs"
        return "CPU \(busiestCPU) has \(busiestChannels) of \(total) performance channels; an even spread over "
            + "\(cpus) gives at most \(evenSpreadMax) (ratio \(Self.format(ratio)))"
    }

    enum CodingKeys: String, CodingKey {
        case ratio
        case busiestCPU = "busiest_cpu"
        case busiestChannels = "busiest_channels"
        case evenSpreadMax = "even_spread_max"
        case total = "performance_channels"
        case onlineCPUs = "online_cpus"
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode((ratio * 100).rounded() / 100, forKey: .ratio)
        try container.encode(busiestCPU, forKey: .busiestCPU)
        try container.encode(busiestChannels, forKey: .busiestChannels)
        try container.encode(evenSpreadMax, forKey: .evenSpreadMax)
        try container.encode(total, forKey: .total)
        try container.encode(perCPU.count, forKey: .onlineCPUs)
    }
}
