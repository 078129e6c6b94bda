/// `hvctl cpu offline-check --json` (docs/json-schema.md): per CPU a verdict, its blockers, the
/// channels that hold it, and whether an evacuation would unblock it.
public struct OfflineCheckReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public var verdicts: [OfflineVerdict]
    public var version: VMBusVersion?
    public var versionSource: String?
    public var kernel: KernelRelease?
    public var diagnostics: [Diagnostic]

    public init(
        verdicts: [OfflineVerdict], version: VMBusVersion?, versionSource: String?, kernel: KernelRelease?,
        diagnostics: [Diagnostic]
    ) {
        self.verdicts = verdicts
        self.version = version
        self.versionSource = versionSource
        self.kernel = kernel
        self.diagnostics = diagnostics
    }

    public var allCanOffline: Bool { verdicts.allSatisfy(\.canOffline) }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case vmbusVersion = "vmbus_version"
        case vmbusVersionSource = "vmbus_version_source"
        case kernel, cpus, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(OfflineCheckReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(version, forKey: .vmbusVersion)
        try container.encode(versionSource, forKey: .vmbusVersionSource)
        try container.encode(kernel?.description, forKey: .kernel)
        try container.encode(verdicts.map(VerdictJSON.init), forKey: .cpus)
        try container.encode(diagnostics, forKey: .diagnostics)
    }

    struct VerdictJSON: Encodable {
        var verdict: OfflineVerdict

        enum CodingKeys: String, CodingKey {
            case cpu, online
            case canOffline = "can_offline"
            case blockers, channels, fixable
            case plannedMoves = "planned_moves"
            case kernelMovesChannels = "kernel_moves_channels"
            case notes
        }

        struct BlockerJSON: Encodable {
            var reason: OfflineVerdict.Reason
            var message: String
        }

        struct ChannelJSON: Encodable {
            var deviceID: String
            var relid: Int

            enum CodingKeys: String, CodingKey {
                case deviceID = "device_id"
                case relid
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(verdict.cpu, forKey: .cpu)
            try container.encode(verdict.online, forKey: .online)
            try container.encode(verdict.canOffline, forKey: .canOffline)
            try container.encode(
                verdict.blockers.map { BlockerJSON(reason: $0.reason, message: $0.message) }, forKey: .blockers)
            try container.encode(
                verdict.channels.map { ChannelJSON(deviceID: $0.deviceID, relid: $0.relid) }, forKey: .channels)
            try container.encode(verdict.fixable, forKey: .fixable)
            try container.encode(verdict.plannedMoves, forKey: .plannedMoves)
            try container.encode(verdict.kernelMovesChannels, forKey: .kernelMovesChannels)
            try container.encode(verdict.notes, forKey: .notes)
        }
    }
}

/// The negotiated VMBus version as the CPU commands need it: from the kernel log, the only place
/// it is published (reference §5.2), or inferred by `hvctl vmbus version`'s rules when the log
/// lacks it (source "inferred").
public enum NegotiatedVersion {
    public static func read(_ machine: any Machine) -> (
        version: VMBusVersion?, source: String?, diagnostics: [Diagnostic]
    ) {
        let report = VMBusVersionReportBuilder.build(machine)
        return (report.version, report.source?.rawValue, report.diagnostics)
    }
}
