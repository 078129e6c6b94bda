/// `hvctl-snapshot.json`, the one required file of a snapshot (docs/snapshot-format.md).
///
/// Keys are snake_case, as in every JSON hvctl writes (issue 14: one vocabulary). Format 1 was
/// defined with `createdAt` and `kernelRelease`: a manifest still carries those two as well, so
/// hvctl 0.1 and other format-1 readers read new snapshots, and a reader takes either spelling of
/// every key, so snapshots already taken read. Unknown keys are ignored, so a newer minor addition
/// still reads; a newer major `format` is refused.
public struct SnapshotManifest: Sendable, Encodable, Equatable {
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

    /// One value of the manifest, for writing it with its keys sorted.
    private enum Field {
        case int(Int)
        case string(String)
        case strings([String])
        case map([String: String])
    }

    /// Every key present, both spellings of the format-1 keys (hvctl 0.1 requires createdAt),
    /// absent values left out.
    private var fields: [(key: String, value: Field)] {
        var fields: [(key: String, value: Field)] = [
            (CodingKeys.format.rawValue, .int(format)), (CodingKeys.createdAt.rawValue, .string(createdAt)),
            (LegacyKeys.createdAt.rawValue, .string(createdAt)), (CodingKeys.tool.rawValue, .string(tool)),
            (CodingKeys.arch.rawValue, .string(arch.rawValue)),
        ]
        if let kernelRelease {
            fields += [
                (CodingKeys.kernelRelease.rawValue, .string(kernelRelease)),
                (LegacyKeys.kernelRelease.rawValue, .string(kernelRelease)),
            ]
        }
        if let note { fields.append((CodingKeys.note.rawValue, .string(note))) }
        if let unreadable { fields.append((CodingKeys.unreadable.rawValue, .map(unreadable))) }
        if let redacted { fields.append((CodingKeys.redacted.rawValue, .strings(redacted))) }
        if let kernelLogFilter { fields.append((CodingKeys.kernelLogFilter.rawValue, .string(kernelLogFilter))) }
        if let skipped { fields.append((CodingKeys.skipped.rawValue, .map(skipped))) }
        return fields.sorted { $0.key < $1.key }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for (key, value) in fields {
            switch value {
            case .int(let number): try container.encode(number, forKey: NameKey(key))
            case .string(let text): try container.encode(text, forKey: NameKey(key))
            case .strings(let list): try container.encode(list, forKey: NameKey(key))
            case .map(let map):
                var nested = container.nestedContainer(keyedBy: NameKey.self, forKey: NameKey(key))
                for name in map.keys.sorted() { try nested.encode(map[name] ?? "", forKey: NameKey(name)) }
            }
        }
    }

    /// The manifest as `hvctl snapshot` writes it, through the one JSON writer: indented, keys
    /// sorted, a final newline.
    public func encoded() -> Result<[UInt8], ReadFailure> {
        guard let bytes = try? JSONOutput.bytes(self) else { return .failure(.invalid("cannot encode the manifest")) }
        return .success(bytes)
    }

    /// Decodes and validates a manifest; every problem is a one-line reason. Either spelling of
    /// the format-1 keys is read (`created_at` or `createdAt`), unknown keys are ignored.
    public static func decode(_ bytes: [UInt8]) -> Result<SnapshotManifest, ReadFailure> {
        let manifest: SnapshotManifest
        do throws(JSONDocument.Problem) {
            // A manifest lists every unreadable or skipped file: a large machine has many.
            let document = try JSONDocument.parse(bytes, maxEntries: 4_000_000).get()
            func either(_ key: CodingKeys, _ legacy: LegacyKeys) throws(JSONDocument.Problem) -> String? {
                if let value = try document.string(key.rawValue) { return value }
                return try document.string(legacy.rawValue)
            }
            let archText = try document.required(CodingKeys.arch.rawValue, document.string)
            guard let arch = Architecture(rawValue: archText) else {
                return .failure(.invalid("unknown arch (expected \"x86_64\" or \"aarch64\")"))
            }
            guard let createdAt = try either(.createdAt, .createdAt) else {
                throw .missing(CodingKeys.createdAt.rawValue)
            }
            manifest = SnapshotManifest(
                format: try document.required(CodingKeys.format.rawValue, document.int), createdAt: createdAt,
                tool: try document.required(CodingKeys.tool.rawValue, document.string), arch: arch,
                kernelRelease: try either(.kernelRelease, .kernelRelease),
                note: try document.string(CodingKeys.note.rawValue),
                unreadable: try document.stringMap(CodingKeys.unreadable.rawValue),
                redacted: try document.strings(CodingKeys.redacted.rawValue),
                kernelLogFilter: try either(.kernelLogFilter, .kernelLogFilter),
                skipped: try document.stringMap(CodingKeys.skipped.rawValue))
        } catch .missing(let key) {
            return .failure(.invalid("missing key \"\(key)\""))
        } catch .wrongType(let path) {
            return .failure(.invalid("wrong type for \"\(path)\""))
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
}
