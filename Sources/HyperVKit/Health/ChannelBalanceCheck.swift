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
        switch HealthWording.vmbus(facts) {
        case .success(let read): state = read
        case .failure(let skip): return skip.finding
        }
        guard let spread = PerformanceChannelSpread.of(state) else {
            return .skip("no performance (storage or network) channels", .notApplicable)
        }
        let counts = spread.perCPU
        let ratio = spread.ratio
        let details: HealthDetails = [
            "ratio": .number(ratio, places: 2), "max_ratio": .number(configuration.maxChannelImbalance),
            "busiest_cpu": .int(spread.busiestCPU), "busiest_channels": .int(spread.busiestChannels),
            "even_spread_max": .int(spread.evenSpreadMax), "performance_channels": .int(spread.total),
            "online_cpus": .int(counts.count),
            "per_cpu": .object(HealthDetails(counts.keys.sorted().map { (String($0), .int(counts[$0] ?? 0)) })),
        ]
        let text = spread.sentence
        guard ratio <= configuration.maxChannelImbalance else {
            return .problem(text + ", above \(format(configuration.maxChannelImbalance))", details)
        }
        return .pass(text, details)
    }

    static func format(_ value: Double) -> String { PerformanceChannelSpread.format(value) }
}
