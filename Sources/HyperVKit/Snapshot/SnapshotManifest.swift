import FoundationEssentials

/// `hvctl-snapshot.json`, the one required file of a snapshot (docs/snapshot-format.md).
///
/// Keys are snake_case, as in every JSON hvctl writes (issue 14: one vocabulary). Format 1 was
/// defined with `createdAt` and `kernelRelease`: a manifest still carries those two as well, so
/// hvctl 0.1 and other format-1 readers read new snapshots, and a reader takes either spelling of
/// every key, so snapshots already taken read. Unknown keys are ignored, so a newer minor addition
/// still reads; a newer major `format` is refused.
public struct SnapshotManifest: Sendable, Codable, Equatable {
    /// The format version this build reads and writes.
    public static let currentFormat = 1
    public static let fileName = "hvctl-snapshot.json"

    public var format: Int
    public var createdAt: String
    public var tool: String
    public var arch: Architecture
    public var kernelRelease: String?
    public var note: String?
    /// Paths (relative to the snapshot root) that could not be read at capture time, with the errno
    /// name of the failure, e.g. `{"sys/class/dmi/id/product_serial": "EACCES"}`.
    public var unreadable: [String: String]?
    /// What the capture redacted, one line per path (`"kernel.log: 2 MAC addresses"`); absent when
    /// the capture was made with `--no-redact` (or by hand).
    public var redacted: [String]?
    /// Set when `kernel.log` holds only some lines of the machine's log: which ones.
    public var kernelLogFilter: String?
    /// What the capture left out on purpose, with the reason: a link that leaves `/sys`, binary
    /// content, a file over the size limit (`{"sys/bus/vmbus/devices/x": "link to /etc leaves /sys"}`).
    public var skipped: [String: String]?

    public init(
        format: Int = SnapshotManifest.currentFormat, createdAt: String, tool: String, arch: Architecture,
        kernelRelease: String?, note: String? = nil, unreadable: [String: String]? = nil, redacted: [String]? = nil,
        kernelLogFilter: String? = nil, skipped: [String: String]? = nil
    ) {
        self.format = format
        self.createdAt = createdAt
        self.tool = tool
        self.arch = arch
        self.kernelRelease = kernelRelease
        self.note = note
        self.unreadable = unreadable
        self.redacted = redacted
        self.kernelLogFilter = kernelLogFilter
        self.skipped = skipped
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case format, tool, arch, note, unreadable, redacted, skipped
        case createdAt = "created_at"
        case kernelRelease = "kernel_release"
        case kernelLogFilter = "kernel_log_filter"
    }

    /// The camelCase spellings format 1 was published with.
    enum LegacyKeys: String, CodingKey {
        case createdAt, kernelRelease, kernelLogFilter
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let legacy = try decoder.container(keyedBy: LegacyKeys.self)
        format = try container.decode(Int.self, forKey: .format)
        if let created = try container.decodeIfPresent(String.self, forKey: .createdAt) {
            createdAt = created
        } else if let created = try legacy.decodeIfPresent(String.self, forKey: .createdAt) {
            createdAt = created
        } else {
            throw DecodingError.keyNotFound(
                CodingKeys.createdAt, .init(codingPath: [], debugDescription: "no created_at (or createdAt)"))
        }
        tool = try container.decode(String.self, forKey: .tool)
        arch = try container.decode(Architecture.self, forKey: .arch)
        kernelRelease =
            try container.decodeIfPresent(String.self, forKey: .kernelRelease)
            ?? legacy.decodeIfPresent(String.self, forKey: .kernelRelease)
        note = try container.decodeIfPresent(String.self, forKey: .note)
        unreadable = try container.decodeIfPresent([String: String].self, forKey: .unreadable)
        redacted = try container.decodeIfPresent([String].self, forKey: .redacted)
        kernelLogFilter =
            try container.decodeIfPresent(String.self, forKey: .kernelLogFilter)
            ?? legacy.decodeIfPresent(String.self, forKey: .kernelLogFilter)
        skipped = try container.decodeIfPresent([String: String].self, forKey: .skipped)
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(format, forKey: .format)
        try container.encode(createdAt, forKey: .createdAt)
        try container.encode(tool, forKey: .tool)
        try container.encode(arch, forKey: .arch)
        try container.encodeIfPresent(kernelRelease, forKey: .kernelRelease)
        try container.encodeIfPresent(note, forKey: .note)
        try container.encodeIfPresent(unreadable, forKey: .unreadable)
        try container.encodeIfPresent(redacted, forKey: .redacted)
        try container.encodeIfPresent(kernelLogFilter, forKey: .kernelLogFilter)
        try container.encodeIfPresent(skipped, forKey: .skipped)
        // For format-1 readers that know only the original spelling (hvctl 0.1 requires createdAt).
        var legacy = encoder.container(keyedBy: LegacyKeys.self)
        try legacy.encode(createdAt, forKey: .createdAt)
        try legacy.encodeIfPresent(kernelRelease, forKey: .kernelRelease)
    }

    /// The manifest as `hvctl snapshot` writes it: indented JSON, keys sorted, a final newline.
    public func encoded() -> Result<[UInt8], ReadFailure> {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        guard let data = try? encoder.encode(self) else { return .failure(.invalid("cannot encode the manifest")) }
        return .success(Array(data) + [0x0A])
    }

    /// Decodes and validates a manifest; every problem is a one-line reason.
    public static func decode(_ bytes: [UInt8]) -> Result<SnapshotManifest, ReadFailure> {
        let manifest: SnapshotManifest
        do {
            manifest = try JSONDecoder().decode(SnapshotManifest.self, from: Data(bytes))
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(.invalid("missing key \"\(key.stringValue)\""))
        } catch let DecodingError.typeMismatch(_, context) {
            return .failure(.invalid("wrong type for \(codingPath(context))"))
        } catch let DecodingError.dataCorrupted(context) {
            if context.codingPath.last?.stringValue == "arch" {
                return .failure(.invalid("unknown arch (expected \"x86_64\" or \"aarch64\")"))
            }
            return .failure(.invalid("not valid JSON"))
        } catch {
            return .failure(.invalid("not valid JSON"))
        }
        guard manifest.format >= 1 else { return .failure(.invalid("format \(manifest.format) is not a version")) }
        guard manifest.format <= currentFormat else {
            return .failure(
                .invalid("snapshot format \(manifest.format) is newer than this hvctl reads (\(currentFormat))"))
        }
        return .success(manifest)
    }

    private static func codingPath(_ context: DecodingError.Context) -> String {
        let path = context.codingPath.map(\.stringValue).joined(separator: ".")
        return path.isEmpty ? "the document" : "\"\(path)\""
    }
}
