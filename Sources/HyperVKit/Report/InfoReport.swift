/// `hvctl info --json`: one screen about the guest (schema_version 1; keys documented in
/// docs/json-schema.md). The summary keys are those of `hvctl features --json`.
public struct InfoReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public struct CPUs: Sendable, Equatable, Encodable {
        public var topology: CPUTopology
        /// Possible but never present: hot-add CPUs Hyper-V will never add (reference §6.3).
        public var phantom: CPUList?

        enum CodingKeys: String, CodingKey { case possible, present, online, phantom }

        public func encode(to encoder: any Encoder) throws {
            try topology.encode(to: encoder)
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(phantom?.description, forKey: .phantom)
        }
    }

    public struct VMBus: Sendable, Equatable, Encodable {
        /// nil when the snapshot did not capture /sys/bus.
        public var present: Bool?
        public var devices: Int?
        public var channels: Int?
        /// The negotiated version, only ever published in the kernel log (reference §5.2).
        public var version: VMBusVersion?
        public var versionSource: String?

        enum CodingKeys: String, CodingKey {
            case present, devices, channels, version
            case versionSource = "version_source"
        }
    }

    /// What the host says of itself through KVP pool 3 (reference §11.1).
    public struct HostKVP: Sendable, Equatable, Encodable {
        public var hostName: String?
        public var osVersion: String?
        public var editionID: String?
        public var nestingLevel: Int?
        public var source: String

        enum CodingKeys: String, CodingKey {
            case hostName = "host_name"
            case osVersion = "os_version"
            case editionID = "edition_id"
            case nestingLevel = "nesting_level"
            case source
        }
    }

    public var features: FeaturesReport?
    public var identity: HypervisorIdentity
    public var environment: HostEnvironment
    public var generation: VMGeneration
    public var kernelRelease: String?
    public var cpus: CPUs
    public var clocksource: ClockSource
    public var vmbus: VMBus
    public var hostKVP: HostKVP?
    /// What `hvctl kernel` reports, for the one `Kernel support` line.
    public var kernelSupport: KernelSupportReport?
    /// What the machine was captured as (snapshot or sos report); nil for a live machine.
    public var capture: CaptureDescription?
    public var diagnostics: [Diagnostic]

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case source, identity, environment, generation
        case kernelRelease = "kernel_release"
        case cpus, clocksource, vmbus
        case hostKVP = "host_kvp"
        case kernelSupport = "kernel_support"
        case capture
        case diagnostics
    }

    enum SummaryKeys: String, CodingKey, CaseIterable {
        case hypervisor, host, partition, isolation, nested, limits
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(InfoReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(features?.source, forKey: .source)
        if let summary = features?.summary {
            try summary.encode(to: encoder)
        } else {
            // Unknown, not absent: the same keys as a full report, each null.
            var unknown = encoder.container(keyedBy: SummaryKeys.self)
            for key in SummaryKeys.allCases { try unknown.encodeNil(forKey: key) }
        }
        try container.encode(identity, forKey: .identity)
        try container.encode(environment, forKey: .environment)
        try container.encode(generation, forKey: .generation)
        try container.encode(kernelRelease, forKey: .kernelRelease)
        try container.encode(cpus, forKey: .cpus)
        try container.encode(clocksource, forKey: .clocksource)
        try container.encode(vmbus, forKey: .vmbus)
        try container.encode(hostKVP, forKey: .hostKVP)
        try container.encode(kernelSupport.map(KernelSupportSummary.init), forKey: .kernelSupport)
        try container.encode(capture, forKey: .capture)
        try container.encode(diagnostics, forKey: .diagnostics)
    }
}

/// `kernel_support` in `hvctl info --json`: the summary of `hvctl kernel --json`.
struct KernelSupportSummary: Encodable {
    var report: KernelSupportReport

    enum CodingKeys: String, CodingKey {
        case configSource = "config_source"
        case hyperV = "hyperv"
        case hyperVInferred = "hyperv_inferred"
        case devicesWithLinuxDriver = "devices_with_linux_driver"
        case devicesBound = "devices_bound"
        case unexplained, problems
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(report.config.source, forKey: .configSource)
        try container.encode(report.hyperV.map { KernelSupportReport.json($0.value) }, forKey: .hyperV)
        try container.encode(report.hyperV?.inferred, forKey: .hyperVInferred)
        let known = report.vmbusPresent == true
        let withDriver = report.devicesWithDriver.count
        try container.encode(known ? withDriver : nil, forKey: .devicesWithLinuxDriver)
        try container.encode(known ? withDriver - report.unboundDevicesWithDriver.count : nil, forKey: .devicesBound)
        try container.encode(known ? report.unexplainedUnboundDevices.count : nil, forKey: .unexplained)
        try container.encode(
            report.problems.map { "\($0.brief) (\($0.classes.joined(separator: ", ")))" }, forKey: .problems)
    }
}
