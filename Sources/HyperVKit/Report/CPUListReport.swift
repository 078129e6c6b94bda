/// `hvctl cpu list --json`: every CPU the kernel knows, what it is, and the VMBus channels that
/// target it.
public struct CPUListReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public var inventory: CPUInventory
    public var vmbus: VMBusState

    public init(inventory: CPUInventory, vmbus: VMBusState) {
        self.inventory = inventory
        self.vmbus = vmbus
    }

    /// Channels per CPU, in device order.
    public func channels(on cpu: Int) -> [(device: VMBusDevice, channel: VMBusChannel)] {
        vmbus.devices.flatMap { device in
            device.channels.filter { $0.targetCPU == cpu }.map { (device, $0) }
        }
    }

    public var diagnostics: [Diagnostic] { inventory.diagnostics + vmbus.diagnostics }

    /// Why a possible CPU that is not present is listed at all (reference §6.3).
    public static let phantomReason =
        "possible but not present: a hot-add CPU described by the host's ACPI tables (WS2019 and older); Hyper-V never hot-adds CPUs"

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case possible, present, online
        case onlineSource = "online_source"
        case offline, phantom, cpus, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        let topology = inventory.topology
        try container.encode(CPUListReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(topology.possible?.description, forKey: .possible)
        try container.encode(topology.present?.description, forKey: .present)
        try container.encode(topology.online?.description, forKey: .online)
        try container.encode(topology.onlineSource, forKey: .onlineSource)
        let offline = topology.possible.map { possible in
            CPUList(possible.cpus.filter { topology.online?.contains($0) != true })
        }
        try container.encode(offline?.description, forKey: .offline)
        try container.encode(topology.phantom?.description, forKey: .phantom)
        try container.encode(
            inventory.entries.map { EntryJSON(entry: $0, channels: channels(on: $0.cpu)) }, forKey: .cpus)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    struct EntryJSON: Encodable {
        var entry: CPUInventory.Entry
        var channels: [(device: VMBusDevice, channel: VMBusChannel)]

        enum CodingKeys: String, CodingKey {
            case cpu, present, online, phantom
            case phantomReason = "phantom_reason"
            case hotpluggable, housekeeping, isolated
            case nohzFull = "nohz_full"
            case numaNode = "numa_node"
            case vpIndex = "vp_index"
            case channels
        }

        struct ChannelRef: Encodable {
            var deviceID: String
            var relid: Int
            var className: String

            enum CodingKeys: String, CodingKey {
                case deviceID = "device_id"
                case relid
                case className = "class"
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(entry.cpu, forKey: .cpu)
            try container.encode(entry.present, forKey: .present)
            try container.encode(entry.online, forKey: .online)
            try container.encode(!entry.present, forKey: .phantom)
            try container.encode(entry.present ? nil : CPUListReport.phantomReason, forKey: .phantomReason)
            try container.encode(entry.hotpluggable, forKey: .hotpluggable)
            try container.encode(entry.isHousekeeping, forKey: .housekeeping)
            try container.encode(entry.isolated, forKey: .isolated)
            try container.encode(entry.nohzFull, forKey: .nohzFull)
            try container.encode(entry.numaNode, forKey: .numaNode)
            try container.encode(entry.vpIndex, forKey: .vpIndex)
            let refs = channels.map {
                ChannelRef(
                    deviceID: $0.device.deviceID, relid: $0.channel.relid,
                    className: $0.device.classLabel)
            }
            try container.encode(refs, forKey: .channels)
        }
    }
}
