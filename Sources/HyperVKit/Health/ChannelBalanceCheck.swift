/// `channels.balance`: performance channels are spread over the online CPUs.
enum ChannelBalanceCheck {
    static let check = HealthCheck(
        id: "channels.balance", severity: .warn, title: "Channel interrupts spread over CPUs",
        reason: "Linux spreads the channels of performance devices (storage, network: perf_device) over the "
            + "online CPUs when the host offers them, and sends every other channel to CPU 0 (reference §6.2, "
            + "init_vp_index()). So only performance channels are counted, and the busiest CPU is compared with "
            + "the fewest an even spread could give it: ceil(channels / online CPUs). A ratio above "
            + "channels.balance.max_ratio (default 2.0) means one CPU takes the interrupts of several queues: "
            + "channels moved by hand and not moved back, or evacuated CPUs that came back.",
        inputs: [.vmbus], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        let state: VMBusState
        switch HealthText.vmbus(facts) {
        case .success(let read): state = read
        case .failure(let skip): return skip.finding
        }
        let online = state.onlineCPUs?.cpus ?? Array(Set(state.devices.flatMap { $0.channels.compactMap(\.targetCPU) }))
        var counts = Dictionary(uniqueKeysWithValues: online.map { ($0, 0) })
        for device in state.devices where device.deviceClass?.isPerformanceCritical == true {
            for channel in device.channels {
                guard let cpu = channel.targetCPU, counts[cpu] != nil else { continue }
                counts[cpu, default: 0] += 1
            }
        }
        let total = counts.values.reduce(0, +)
        guard total > 0, !counts.isEmpty else { return .skip("no performance (storage or network) channels") }
        let even = (total + counts.count - 1) / counts.count
        let busiest = counts.max { ($0.value, -$0.key) < ($1.value, -$1.key) } ?? (key: 0, value: 0)
        let ratio = Double(busiest.value) / Double(even)
        let details: HealthDetails = [
            "ratio": .number(ratio, places: 2), "max_ratio": .number(configuration.maxChannelImbalance),
            "busiest_cpu": .int(busiest.key), "busiest_channels": .int(busiest.value), "even_spread_max": .int(even),
            "performance_channels": .int(total), "online_cpus": .int(counts.count),
            "per_cpu": .object(HealthDetails(counts.keys.sorted().map { (String($0), .int(counts[$0] ?? 0)) })),
        ]
        let text =
            "CPU \(busiest.key) has \(busiest.value) of \(total) performance channels; an even spread over "
            + "\(HealthText.count(counts.count, "online CPU")) gives at most \(even) (ratio \(format(ratio)))"
        guard ratio <= configuration.maxChannelImbalance else {
            return .problem(text + ", above \(format(configuration.maxChannelImbalance))", details)
        }
        return .pass(text, details)
    }

    /// `2.0`, `1.33`: two decimals at most.
    static func format(_ value: Double) -> String {
        let rounded = (value * 100).rounded() / 100
        return rounded == rounded.rounded() ? String(Int64(rounded)) + ".0" : String(rounded)
    }
}
