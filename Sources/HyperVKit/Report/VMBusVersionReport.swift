/// `hvctl vmbus version --json` (docs/json-schema.md, schema_version 1): the negotiated VMBus protocol
/// version, where it comes from, the `max_version` cap, and what depends on the version (§5).
///
/// The contract's keys come first (`version`, `source`, `max_version`, `capabilities` with `name`,
/// `min_version`, `available`); hvctl's additions follow them (docs/json-schema.md).
public struct VMBusVersionReport: Sendable, Encodable {
    public static let schemaVersion = 1

    /// Where `version` comes from.
    public enum Source: String, Sendable, Codable {
        /// `hv_vmbus: Vmbus version:%d.%d`, the only place the kernel publishes it (§5.2).
        case kernelLog = "kernel_log"
        /// Re-played from the host build, the cap and the kernel release (`VMBusNegotiation`).
        case inferred
    }

    /// One capability and whether this guest has it.
    public struct Capability: Sendable, Equatable, Encodable {
        public var capability: VMBusCapability
        /// nil when unknown (version unknown, or a condition the version alone does not settle).
        public var available: Bool?
        public var note: String?

        enum CodingKeys: String, CodingKey {
            case name
            case minVersion = "min_version"
            case available, description, source
            case minKernel = "min_kernel"
            case note
        }

        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(capability.name, forKey: .name)
            try container.encode(capability.minVersion, forKey: .minVersion)
            try container.encode(available, forKey: .available)
            try container.encode(capability.description, forKey: .description)
            try container.encode(capability.source, forKey: .source)
            try container.encode(capability.minKernel?.description, forKey: .minKernel)
            try container.encode(note, forKey: .note)
        }
    }

    public var version: VMBusVersion?
    public var source: Source?
    /// `hv_vmbus.max_version`: the cap, never the negotiated version (§0.1 item 4).
    public var maxVersion: VMBusVersion?
    public var capabilities: [Capability] = []
    /// Why `version` is what it is, one sentence per step.
    public var reasoning: [String] = []
    /// Leaf 0x40000002 (or the Host Build line); nil when neither could be read.
    public var host: HostVersion?
    /// The newest VMBus version the reference pairs with the host build (§5.1, §8), if any.
    public var hostVMBusVersion: VMBusVersion?
    /// Whether a logged version agrees with the host build (§8 consistency checks); nil when there
    /// is nothing to compare.
    public var consistentWithHost: Bool?
    public var kernelRelease: String?
    /// The versions this guest tries, newest first, after the cap; nil when unknown.
    public var negotiationOrder: [VMBusVersion]?
    /// An isolated (confidential) VM, which needs VMBus 5.2 or newer; nil when unknown.
    public var isolated: Bool?
    /// Whether /sys/bus/vmbus exists; nil when the snapshot holds no /sys/bus.
    public var vmbusPresent: Bool?
    public var diagnostics: [Diagnostic] = []
    /// False when this is no Hyper-V guest with VMBus (the CLI exits 69); not encoded.
    public var applicable = false

    /// An empty report: nothing known yet.
    public init(kernelRelease: String?, vmbusPresent: Bool?) {
        self.kernelRelease = kernelRelease
        self.vmbusPresent = vmbusPresent
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case version, source
        case maxVersion = "max_version"
        case capabilities, reasoning
        case hostBuild = "host_build"
        case hostRelease = "host_release"
        case hostVMBusVersion = "host_vmbus_version"
        case consistentWithHost = "consistent_with_host"
        case kernelRelease = "kernel_release"
        case negotiationOrder = "negotiation_order"
        case isolated
        case vmbusPresent = "vmbus_present"
        case diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(VMBusVersionReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(version, forKey: .version)
        try container.encode(source, forKey: .source)
        try container.encode(maxVersion, forKey: .maxVersion)
        try container.encode(capabilities, forKey: .capabilities)
        try container.encode(reasoning, forKey: .reasoning)
        try container.encode(host?.build, forKey: .hostBuild)
        try container.encode(host.flatMap { WindowsRelease.name(forBuild: $0.build) }, forKey: .hostRelease)
        try container.encode(hostVMBusVersion, forKey: .hostVMBusVersion)
        try container.encode(consistentWithHost, forKey: .consistentWithHost)
        try container.encode(kernelRelease, forKey: .kernelRelease)
        try container.encode(negotiationOrder, forKey: .negotiationOrder)
        try container.encode(isolated, forKey: .isolated)
        try container.encode(vmbusPresent, forKey: .vmbusPresent)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}
