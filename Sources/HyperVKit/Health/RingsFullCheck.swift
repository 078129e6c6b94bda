/// `rings.full`: no channel's ring buffer filled up.
enum RingsFullCheck {
    static let check = HealthCheck(
        id: "rings.full", severity: .warn, title: "Ring buffers not full",
        reason: "out_full_total counts the guest's writes that found the outbound ring full, and a ring nearly "
            + "full now means one side is not draining it (reference §3.3: out_full_first, out_full_total, "
            + "read_avail, write_avail). Either is a sign of a host or guest that cannot keep up: dropped or "
            + "delayed packets and I/O. The fill threshold is rings.max_fill_percent (default 90).",
        inputs: [.vmbus], evaluate: evaluate)

    static func evaluate(_ facts: HealthFacts, _ configuration: HealthConfiguration) -> HealthFinding {
        let state: VMBusState
        switch HealthWording.vmbus(facts) {
        case .success(let read): state = read
        case .failure(let skip): return skip.finding
        }
        let limit = configuration.maxRingFillPercent
        var flagged: [HealthValue] = []
        var names: [String] = []
        var checked = 0
        var countsUnknown = 0
        for device in state.devices {
            for channel in device.channels {
                let outbound = channel.outboundFill(ringSize: device.outboundRingSize)
                let inbound = channel.inboundFill(ringSize: device.inboundRingSize)
                guard outbound != nil || inbound != nil || channel.outFullTotal != nil else { continue }
                checked += 1
                if channel.outFullTotal == nil { countsUnknown += 1 }
                let full = (channel.outFullTotal ?? 0) > 0
                let fuller = [outbound, inbound].contains { ($0 ?? 0) > limit }
                guard full || fuller else { continue }
                flagged.append(.object(entry(device, channel, outbound: outbound, inbound: inbound)))
                names.append(describe(device, channel, outbound: outbound, inbound: inbound))
            }
        }
        let details: HealthDetails = [
            "max_fill_percent": .number(limit), "channels_checked": .int(checked), "channels": .array(flagged),
            "full_counts_unknown": .int(countsUnknown),
        ]
        guard flagged.isEmpty else {
            return .problem(
                "\(HealthWording.count(flagged.count, "channel")) full: " + HealthWording.list(names), details)
        }
        guard checked > 0 else { return .skip("no channel's ring state could be read", .unavailable) }
        // Unknown is never "no full-ring writes" (out_full_total exists since kernel 5.0).
        let writes =
            countsUnknown == 0
            ? "no full-ring writes"
            : countsUnknown == checked
                ? "full-ring writes unknown (no out_full_total: a kernel before 5.0, or not captured)"
                : "no full-ring writes on \(checked - countsUnknown), unknown on \(countsUnknown)"
        return .pass(
            "\(HealthWording.count(checked, "channel")): \(writes), every ring under \(Int(limit))% full", details)
    }

    static func entry(_ device: VMBusDevice, _ channel: VMBusChannel, outbound: Double?, inbound: Double?)
        -> HealthDetails
    {
        var entry = HealthWording.channelDetails(device, channel)
        entry["out_full_total"] = .count(channel.outFullTotal)
        entry["out_full_first"] = .count(channel.outFullFirst)
        entry["outbound_fill_percent"] = .number(outbound, places: 1)
        entry["inbound_fill_percent"] = .number(inbound, places: 1)
        return entry
    }

    static func describe(_ device: VMBusDevice, _ channel: VMBusChannel, outbound: Double?, inbound: Double?)
        -> String
    {
        var parts: [String] = []
        if let total = channel.outFullTotal, total > 0 { parts.append("out_full_total \(total)") }
        if let outbound { parts.append("outbound \(Int(outbound.rounded()))%") }
        if let inbound, inbound > 0 { parts.append("inbound \(Int(inbound.rounded()))%") }
        return HealthWording.channel(device, channel) + " (" + parts.joined(separator: ", ") + ")"
    }
}
