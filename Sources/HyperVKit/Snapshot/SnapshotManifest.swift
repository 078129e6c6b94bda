import FoundationEssentials

/// `hvctl-snapshot.json`, the one required file of a snapshot (snapshot-format.md).
///
/// Keys are camelCase as the format defines them. Unknown keys are ignored, so a newer minor
/// addition still reads; a newer major `format` is refused.
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
