#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// How `hvctl snapshot` captures.
public struct SnapshotOptions: Sendable {
    /// Remove what a user would not paste into a support ticket (`Redactor`); `--no-redact` clears it.
    public var redact: Bool
    /// `hvctl <version>`, for the manifest.
    public var tool: String
    /// The manifest's `createdAt`; now when nil.
    public var createdAt: String?

    public init(redact: Bool = true, tool: String, createdAt: String? = nil) {
        self.redact = redact
        self.tool = tool
        self.createdAt = createdAt
    }
}

/// What a capture wrote.
public struct SnapshotSummary: Sendable {
    public var manifest: SnapshotManifest
    public var files: Int
    public var directories: Int
    public var links: Int
    public var bytes: Int
}

/// Captures a machine into a snapshot directory (docs/snapshot-format.md), everything read through the
/// `Machine` seam, so a live guest, a `--root` tree and a snapshot are captured alike (capturing a
/// snapshot reproduces it).
///
/// Rules: a link is kept, as a relative link, only when it resolves inside `/sys`
/// (`MachinePathResolver`); other links, binary content and oversized files are left out and listed
/// under `skipped`; a file that cannot be read is listed under `unreadable` with its errno; the
/// tree is bounded (`CaptureTree`). Nothing here writes outside `directory`.
public final class SnapshotCapture {
    let machine: any Machine
    let options: SnapshotOptions
    let tree: CaptureTree
    var redactor: Redactor
    var resolver: MachinePathResolver
    var unreadable: [String: String] = [:]
    var skipped: [String: String] = [:]
    /// Sentences for the manifest's note.
    var remarks: [String] = []
    /// Directories kept (or found not to be directories), by the path hvctl reads.
    var keptDirectories: [String: Bool] = [:]
    /// KVP pools read and redacted first, because their names are scrubbed from everything else.
    var kvpPools: [(path: String, bytes: [UInt8])] = []
    var kernelLog: Result<[String], ReadFailure> = .failure(.absent)

    /// Sysfs attributes larger than this are left out (an attribute is at most a page; binary
    /// attributes such as `ring` are never read).
    static let attributeLimit = 64 << 10

    convenience init(machine: any Machine, directory: String, options: SnapshotOptions, tree: CaptureTree? = nil) {
        self.init(machine: machine, tree: tree ?? CaptureTree(root: directory), options: options)
    }

    init(machine: any Machine, tree: CaptureTree, options: SnapshotOptions) {
        self.machine = machine
        self.options = options
        self.tree = tree
        self.redactor = Redactor(enabled: options.redact)
        self.resolver = MachinePathResolver(machine: machine)
    }

    /// Writes the snapshot of `machine` into the existing, empty `directory`.
    /// - Throws: the errno of a failed write (the capture stops; reads never stop it).
    public static func capture(_ machine: any Machine, into directory: String, options: SnapshotOptions)
        throws(ReadFailure) -> SnapshotSummary
    {
        let capture = SnapshotCapture(machine: machine, directory: directory, options: options)
        return try capture.run()
    }

    func run() throws(ReadFailure) -> SnapshotSummary {
        try prepare()
        try captureDeclaredSources()
        try captureKernelConfig()
        try writeKVPPools()
        try writeKernelLog()
        try captureCPUID()
        try captureMSRs()
        let manifest = makeManifest()
        try tree.write(SnapshotManifest.fileName, try manifest.encoded().get(), always: true)
        var summary = SnapshotSummary(manifest: manifest, files: 0, directories: 0, links: 0, bytes: tree.bytes)
        for entry in tree.entries {
            switch entry {
            case .file: summary.files += 1
            case .directory: summary.directories += 1
            case .symlink: summary.links += 1
            }
        }
        return summary
    }

    func makeManifest() -> SnapshotManifest {
        var notes = ["captured by \(options.tool) snapshot from the \(machine.kind)"]
        if !options.redact { notes.append("not redacted (--no-redact)") }
        notes += remarks
        if tree.overflow > 0, let first = tree.firstOverflow {
            skipped[first] =
                "capture limit reached (\(tree.entryLimit) entries, \(tree.byteLimit) bytes): "
                + "\(tree.overflow) entries left out from here on"
        }
        let filtered = (try? kernelLog.get()) != nil
        return SnapshotManifest(
            createdAt: options.createdAt ?? Timestamp.now(), tool: options.tool, arch: machine.architecture,
            kernelRelease: machine.kernelRelease, note: notes.joined(separator: "; "),
            unreadable: unreadable.isEmpty ? nil : unreadable, redacted: options.redact ? redactor.list : nil,
            kernelLogFilter: filtered ? KernelLogFilter.summary : nil, skipped: skipped.isEmpty ? nil : skipped)
    }

    // MARK: - Recording

    /// The snapshot path of a machine path: `/sys/x` → `sys/x`.
    static func relative(_ path: String) -> String {
        RootFileReader.relative(path)
    }

    /// Records a failed read: `unreadable` for an errno, `skipped` for content that was refused.
    func record(_ path: String, _ failure: ReadFailure) {
        switch failure {
        case .absent: return
        case .unreadable(let code): unreadable[SnapshotCapture.relative(path)] = code.name
        case .invalid(let why): skipped[SnapshotCapture.relative(path)] = why
        }
    }

    /// Why binary content is skipped: the words `Machine.attribute` uses, so a replay reads the same.
    static let binary = "binary content where text was expected"

    /// Text a snapshot may hold: UTF-8 without NUL bytes.
    static func isText(_ bytes: [UInt8]) -> Bool {
        !bytes.contains(0) && String(validating: bytes, as: UTF8.self) != nil
    }
}
