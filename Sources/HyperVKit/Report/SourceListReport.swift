/// `hvctl snapshot --list --json` (schema_version 1): every source a snapshot would collect, with
/// why it is read, whether it needs root and what the capture redacts; built from `SourceCatalog`
/// alone, so it reads nothing from any machine.
public struct SourceListReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public var sources: [MachineSource]
    /// The snapshot files that are not machine files, and what each holds.
    public var snapshotFiles: [SnapshotFile]

    public struct SnapshotFile: Sendable, Encodable {
        public var path: String
        public var holds: String
    }

    public init(sources: [MachineSource] = SourceCatalog.all) {
        self.sources = sources
        snapshotFiles = [
            SnapshotFile(
                path: SnapshotLayout.manifest,
                holds: "the manifest: when, by which hvctl, what was unreadable, skipped or redacted"),
            SnapshotFile(path: SnapshotLayout.cpuid, holds: "CPUID of every online CPU, in cpuid -r's format"),
            SnapshotFile(
                path: SnapshotLayout.msr(cpu: "N"),
                holds: "the synthetic MSRs safe to read, per online CPU, errors as errno names"),
            SnapshotFile(
                path: SnapshotLayout.kernelLog,
                holds: "the kernel log lines about Hyper-V, VMBus, its drivers, the clocksource and CPU hotplug"),
        ]
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case sources
        case snapshotFiles = "snapshot_files"
        case diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SourceListReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(sources, forKey: .sources)
        try container.encode(snapshotFiles, forKey: .snapshotFiles)
        try container.encode([Diagnostic](), forKey: .diagnostics)
    }
}
