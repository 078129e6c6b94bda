/// `channels.offline_cpu`: no channel interrupt targets an offline CPU.
enum OfflineCPUChannelsCheck {
    static let check = HealthCheck(
        id: "channels.offline_cpu", severity: .fail, title: "No channel targets an offline CPU",
        reason: "The host interrupts the CPU a channel names (channels/<relid>/cpu, reference §3.3). 6.1 refuses to "
            + "offline a CPU any channel targets (EBUSY, §6.1), so a channel on an offline CPU means its "
            + "interrupts go to a CPU that does not take them, or a state read across a change; either way the "
            + "channel needs moving (hvctl vmbus set-cpu).",
        inputs: [.vmbus], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        let state: VMBusState
        switch HealthWording.vmbus(facts) {
        case .success(let read): state = read
        case .failure(let skip): return skip.finding
        }
        guard let online = state.onlineCPUs else {
            return .skip("the online CPUs are unknown (cpu/online)", .unavailable)
        }
        var stranded: [(device: VMBusDevice, channel: VMBusChannel)] = []
        var targeted = 0
        for device in state.devices {
            for channel in device.channels {
                guard let cpu = channel.targetCPU else { continue }
                targeted += 1
                if !online.contains(cpu) { stranded.append((device, channel)) }
            }
        }
        let details: HealthDetails = [
            "online": .string(online.description), "channels": .int(targeted),
            "offline_targets": .array(stranded.map { .object(HealthWording.channelDetails($0.device, $0.channel)) }),
        ]
        guard stranded.isEmpty else {
            let names = stranded.map {
                "\(HealthWording.channel($0.device, $0.channel)) on CPU \($0.channel.targetCPU ?? -1)"
            }
            return .problem(
                "\(HealthWording.count(stranded.count, "channel")) \(stranded.count == 1 ? "targets" : "target") an offline CPU: "
                    + HealthWording.list(names),
                details)
        }
        return .pass("all \(HealthWording.count(targeted, "channel")) target online CPUs (\(online))", details)
    }
}
