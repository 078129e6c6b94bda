/// Short names for devices and channels in summaries, as hvctl cpu offline-check writes them:
/// `nic 000d3a7c relid 15`.
enum HealthWording {
    static func device(_ device: VMBusDevice) -> String {
        device.briefName
    }

    static func channel(_ device: VMBusDevice, _ channel: VMBusChannel) -> String {
        "\(HealthWording.device(device)) relid \(channel.relid)"
    }

    /// The first few, then how many more: summaries stay one line.
    static func list(_ items: [String], limit: Int = 3) -> String {
        guard items.count > limit else { return items.joined(separator: ", ") }
        return items.prefix(limit).joined(separator: ", ") + " and \(items.count - limit) more"
    }

    /// `1 channel`, `2 channels`.
    static func count(_ number: Int, _ noun: String) -> String {
        "\(number) \(noun)\(number == 1 ? "" : "s")"
    }

    /// A channel as a details object.
    static func channelDetails(_ device: VMBusDevice, _ channel: VMBusChannel) -> HealthDetails {
        [
            "device_id": .string(device.deviceID), "class": .string(device.classLabel),
            "relid": .int(channel.relid), "cpu": .int(channel.targetCPU),
        ]
    }

    /// The VMBus state when there is one to look at, else the skip that says why not.
    static func vmbus(_ facts: HealthFacts) -> Result<VMBusState, SkipFinding> {
        if let skip = facts.notHyperV { return .failure(SkipFinding(finding: skip)) }
        guard let state = facts.vmbus else {
            return .failure(SkipFinding(finding: .skip("VMBus was not read", .unavailable)))
        }
        switch state.present {
        case .some(true): return .success(state)
        case .some(false):
            return .failure(SkipFinding(finding: .skip("no VMBus devices (see vmbus.version)", .notApplicable)))
        case .none:
            return .failure(
                SkipFinding(finding: .skip("\(facts.origin) holds no /sys/bus/vmbus (not captured)", .unavailable)))
        }
    }

    struct SkipFinding: Error {
        var finding: HealthFinding
    }
}
