/// `hvctl vmbus devices --json` and `hvctl vmbus channels --json` (docs/json-schema.md): the devices
/// with their channels, and the CPU-to-channel map.
public struct VMBusReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public var state: VMBusState
    /// Device ID → the protocol its driver negotiated, for `vmbus devices`; nil when the command
    /// did not look (`vmbus channels`), which leaves `protocol_version`/`protocol_source` out.
    public var protocols: [String: DeviceProtocol]?

    public init(state: VMBusState, protocols: [String: DeviceProtocol]? = nil) {
        self.state = state
        self.protocols = protocols
    }

    /// Channels per CPU over every CPU that is online or targeted (§6.2: the map that decides which
    /// CPUs can go offline).
    public var cpuMap: [(cpu: Int, online: Bool?, channels: Int)] {
        var counts: [Int: Int] = [:]
        for device in state.devices {
            for channel in device.channels {
                if let cpu = channel.targetCPU { counts[cpu, default: 0] += 1 }
            }
        }
        let cpus = Set(counts.keys).union(state.onlineCPUs?.cpus ?? []).sorted()
        return cpus.map { cpu in (cpu, state.onlineCPUs.map { $0.contains(cpu) }, counts[cpu] ?? 0) }
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case vmbusPresent = "vmbus_present"
        case hibernation
        case maxVersion = "max_version"
        case devices, cpus, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(VMBusReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(state.present, forKey: .vmbusPresent)
        try container.encode(state.hibernation, forKey: .hibernation)
        try container.encode(state.maxVersion, forKey: .maxVersion)
        let devices = state.devices.map { device in
            DeviceJSON(
                device: device, online: state.onlineCPUs,
                protocolInfo: protocols.map { DeviceJSON.ProtocolInfo(value: $0[device.deviceID]) })
        }
        try container.encode(devices, forKey: .devices)
        try container.encode(
            cpuMap.map { CPUJSON(cpu: $0.cpu, online: $0.online, channels: $0.channels) }, forKey: .cpus)
        try container.encode(state.diagnostics, forKey: .diagnostics)
    }

    struct CPUJSON: Encodable {
        var cpu: Int
        var online: Bool?
        var channels: Int

        enum CodingKeys: String, CodingKey { case cpu, online, channels }
    }
}

/// One device as docs/json-schema.md spells it, plus hvctl's additions after the contract's keys.
struct DeviceJSON: Encodable {
    /// The protocol keys, present only when the command looked for protocols.
    struct ProtocolInfo {
        var value: DeviceProtocol?
    }

    var device: VMBusDevice
    var online: CPUList?
    var protocolInfo: ProtocolInfo? = nil

    enum CodingKeys: String, CodingKey {
        case deviceID = "device_id"
        case classID = "class_id"
        case className = "class_name"
        case relid, driver
        case numaNode = "numa_node"
        case channels
        case classShortName = "class_short_name"
        case expectedDrivers = "expected_drivers"
        case state
        case sysfsPath = "sysfs_path"
        case devicePath = "device_path"
        case monitorID = "monitor_id"
        case deviceType = "device_type"
        case modalias
        case driverOverride = "driver_override"
        case protocolVersion = "protocol_version"
        case protocolSource = "protocol_source"
        case allowedInIsolatedVM = "allowed_in_isolated_vm"
    }

    /// Whether Linux keeps this class's offers in an isolated VM: {linux_6_1, newer}; null for an
    /// unknown class.
    struct IsolationAllowance: Encodable {
        var linux61: Bool
        var newer: Bool

        enum CodingKeys: String, CodingKey {
            case linux61 = "linux_6_1"
            case newer
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(device.deviceID, forKey: .deviceID)
        try container.encode(device.classID, forKey: .classID)
        try container.encode(device.knownClassName, forKey: .className)
        try container.encode(device.relid, forKey: .relid)
        try container.encode(device.driver, forKey: .driver)
        try container.encode(device.numaNode, forKey: .numaNode)
        let inSize = device.inboundRingSize
        let outSize = device.outboundRingSize
        try container.encode(
            device.channels.map { ChannelJSON(channel: $0, online: online, inSize: inSize, outSize: outSize) },
            forKey: .channels)
        try container.encode(device.classIdentifier, forKey: .classShortName)
        try container.encode(device.deviceClass?.drivers ?? [], forKey: .expectedDrivers)
        try container.encode(
            device.deviceClass.map {
                IsolationAllowance(linux61: $0.allowedInIsolatedVM, newer: $0.allowedInIsolatedVMNewerKernels)
            }, forKey: .allowedInIsolatedVM)
        try container.encode(device.state, forKey: .state)
        try container.encode(device.sysfsPath, forKey: .sysfsPath)
        try container.encode(device.devicePath, forKey: .devicePath)
        try container.encode(device.monitorID, forKey: .monitorID)
        try container.encode(device.deviceType, forKey: .deviceType)
        try container.encode(device.modalias, forKey: .modalias)
        try container.encode(device.driverOverride, forKey: .driverOverride)
        if let protocolInfo {
            try container.encode(protocolInfo.value?.version, forKey: .protocolVersion)
            try container.encode(protocolInfo.value?.source, forKey: .protocolSource)
        }
    }
}

/// One channel as docs/json-schema.md spells it, plus hvctl's additions.
struct ChannelJSON: Encodable {
    var channel: VMBusChannel
    var online: CPUList?
    var inSize: Int?
    var outSize: Int?

    enum CodingKeys: String, CodingKey {
        case relid, primary
        case targetCPU = "target_cpu"
        case targetCPUOnline = "target_cpu_online"
        case targetCPUSource = "target_cpu_source"
        case interrupts, events
        case inRing = "in_ring"
        case outRing = "out_ring"
        case pending, latency
        case outFullTotal = "out_full_total"
        case outFullFirst = "out_full_first"
        case subchannelID = "subchannel_id"
        case monitorID = "monitor_id"
        case interruptsInFull = "intr_in_full"
        case interruptsOutEmpty = "intr_out_empty"
    }

    struct RingJSON: Encodable {
        var ring: VMBusChannel.Ring
        var size: Int?
        var fill: Double?

        enum CodingKeys: String, CodingKey {
            case readAvail = "read_avail"
            case writeAvail = "write_avail"
            case mask, size
            case fillPercent = "fill_percent"
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(ring.readAvailable, forKey: .readAvail)
            try container.encode(ring.writeAvailable, forKey: .writeAvail)
            try container.encode(ring.mask, forKey: .mask)
            try container.encode(size, forKey: .size)
            try container.encode(fill.map { ($0 * 10).rounded() / 10 }, forKey: .fillPercent)
        }
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(channel.relid, forKey: .relid)
        try container.encode(channel.isPrimary, forKey: .primary)
        try container.encode(channel.targetCPU, forKey: .targetCPU)
        let targetOnline: Bool? = channel.targetCPU.flatMap { cpu in online.map { $0.contains(cpu) } }
        try container.encode(targetOnline, forKey: .targetCPUOnline)
        // Where the target came from: the channel's own `cpu`, or `channel_vp_mapping` when that
        // could not be read (issue 14); null when neither could.
        let source: String? = channel.targetCPU == nil ? nil : channel.targetFromMapping ? "channel_vp_mapping" : "cpu"
        try container.encode(source, forKey: .targetCPUSource)
        try container.encode(channel.interrupts, forKey: .interrupts)
        try container.encode(channel.events, forKey: .events)
        try container.encode(
            RingJSON(ring: channel.inbound, size: inSize, fill: channel.inboundFill(ringSize: inSize)), forKey: .inRing)
        try container.encode(
            RingJSON(ring: channel.outbound, size: outSize, fill: channel.outboundFill(ringSize: outSize)),
            forKey: .outRing)
        try container.encode(channel.pending, forKey: .pending)
        try container.encode(channel.latency, forKey: .latency)
        try container.encode(channel.outFullTotal, forKey: .outFullTotal)
        try container.encode(channel.outFullFirst, forKey: .outFullFirst)
        try container.encode(channel.subchannelIndex, forKey: .subchannelID)
        try container.encode(channel.monitorID, forKey: .monitorID)
        try container.encode(channel.interruptsInFull, forKey: .interruptsInFull)
        try container.encode(channel.interruptsOutEmpty, forKey: .interruptsOutEmpty)
    }
}
