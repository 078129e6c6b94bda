/// `hvctl snapshot --json` (schema_version 1): what was written where, and what the capture left
/// out or redacted (the same lists as the snapshot's `hvctl-snapshot.json`).
public struct SnapshotReport: Sendable, Encodable {
    public static let schemaVersion = 1

    public struct Unreadable: Sendable, Equatable, Encodable {
        public var path: String
        public var errno: String
    }

    public struct Skipped: Sendable, Equatable, Encodable {
        public var path: String
        public var reason: String
    }

    /// The destination as given.
    public var path: String
    /// `directory` or `tar.gz`.
    public var format: String
    public var files: Int
    public var directories: Int
    public var links: Int
    /// Bytes of captured content (before compression).
    public var bytes: Int
    /// nil with `--no-redact`.
    public var redacted: [String]?
    public var unreadable: [Unreadable]
    public var skipped: [Skipped]
    public var kernelLogFilter: String?
    public var note: String?

    public init(summary: SnapshotSummary, destination: SnapshotDestination) {
        path = destination.path
        if case .tarball = destination { format = "tar.gz" } else { format = "directory" }
        files = summary.files
        directories = summary.directories
        links = summary.links
        bytes = summary.bytes
        let manifest = summary.manifest
        redacted = manifest.redacted
        unreadable = (manifest.unreadable ?? [:]).sorted { $0.key < $1.key }.map {
            Unreadable(path: $0.key, errno: $0.value)
        }
        skipped = (manifest.skipped ?? [:]).sorted { $0.key < $1.key }.map { Skipped(path: $0.key, reason: $0.value) }
        kernelLogFilter = manifest.kernelLogFilter
        note = manifest.note
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case path, format, files, directories, links, bytes, redacted, unreadable, skipped
        case kernelLogFilter = "kernel_log_filter"
        case note, diagnostics
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(SnapshotReport.schemaVersion, forKey: .schemaVersion)
        try container.encode(path, forKey: .path)
        try container.encode(format, forKey: .format)
        try container.encode(files, forKey: .files)
        try container.encode(directories, forKey: .directories)
        try container.encode(links, forKey: .links)
        try container.encode(bytes, forKey: .bytes)
        try container.encode(redacted, forKey: .redacted)
        try container.encode(unreadable, forKey: .unreadable)
        try container.encode(skipped, forKey: .skipped)
        try container.encode(kernelLogFilter, forKey: .kernelLogFilter)
        try container.encode(note, forKey: .note)
        // Every document has diagnostics (json-schema.md); a capture's problems are its lists above.
        try container.encode([Diagnostic](), forKey: .diagnostics)
    }
}
