#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Where a capture's entries go: a directory on disk, or a `.tar.gz` stream.
protocol CaptureSink {
    func makeDirectory(_ relative: String) throws(ReadFailure)
    func write(_ relative: String, _ data: [UInt8]) throws(ReadFailure)
    func symlink(_ relative: String, target: String) throws(ReadFailure)
}

/// Entries written beneath a directory. Writes never follow a link (O_NOFOLLOW, O_EXCL).
struct DirectorySink: CaptureSink {
    let root: String

    func makeDirectory(_ relative: String) throws(ReadFailure) {
        if mkdir(root + "/" + relative, 0o755) != 0 && errno != EEXIST { throw .unreadable(Errno(errno)) }
    }

    func write(_ relative: String, _ data: [UInt8]) throws(ReadFailure) {
        let fd = open(root + "/" + relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unreadable(Errno(errno)) }
        defer { close(fd) }
        if let code = AtomicFile.writeAll(fd, data) { throw .unreadable(code) }
    }

    func symlink(_ relative: String, target: String) throws(ReadFailure) {
        guard Glibc.symlink(target, root + "/" + relative) == 0 else { throw .unreadable(Errno(errno)) }
    }
}

/// Entries streamed into a tarball beneath one top-level directory: a capture to `FILE.tar.gz`
/// never touches $TMPDIR, so nothing unredacted or root-only lands where others can see it.
struct TarballSink: CaptureSink {
    let writer: TarGzipWriter
    let top: String

    func makeDirectory(_ relative: String) throws(ReadFailure) {
        try writer.add(.directory(path: top + "/" + relative, mode: 0o755))
    }

    func write(_ relative: String, _ data: [UInt8]) throws(ReadFailure) {
        try writer.add(.file(path: top + "/" + relative, bytes: data))
    }

    func symlink(_ relative: String, target: String) throws(ReadFailure) {
        try writer.add(.symlink(path: top + "/" + relative, target: target))
    }
}

/// The output of a capture: files, directories and relative links, in the order they were made.
///
/// Bounded: at most `maxEntries` entries and `maxBytes` bytes, under what `SnapshotArchive` accepts
/// back, so every snapshot hvctl writes can be read by hvctl. What does not fit is counted, not
/// written. Nothing in the tree is written twice.
final class CaptureTree {
    enum Entry: Equatable {
        case directory(String)
        case file(String)
        case symlink(String, target: String)
    }

    let sink: any CaptureSink
    private(set) var entries: [Entry] = []
    private(set) var bytes = 0
    /// Entries left out because a limit was reached; the first one's path.
    private(set) var overflow = 0
    private(set) var firstOverflow: String?
    private var directories: Set<String> = [""]
    private var paths: Set<String> = []

    /// A 416-CPU guest's capture has 26k entries and 120 KB; 2048 vCPUs with every channel stay
    /// under 60k entries.
    static let maxEntries = 100_000
    static let maxBytes = 192 << 20
    let entryLimit: Int
    let byteLimit: Int

    init(sink: any CaptureSink, entryLimit: Int = CaptureTree.maxEntries, byteLimit: Int = CaptureTree.maxBytes) {
        self.sink = sink
        self.entryLimit = entryLimit
        self.byteLimit = byteLimit
    }

    convenience init(root: String, entryLimit: Int = CaptureTree.maxEntries, byteLimit: Int = CaptureTree.maxBytes) {
        self.init(sink: DirectorySink(root: root), entryLimit: entryLimit, byteLimit: byteLimit)
    }

    /// Whether something was written at `relative`.
    func contains(_ relative: String) -> Bool {
        paths.contains(relative) || directories.contains(relative)
    }

    /// Creates `relative` and its parents (mode 0755).
    func makeDirectory(_ relative: String) throws(ReadFailure) {
        guard !directories.contains(relative) else { return }
        let parts = relative.split(separator: "/")
        var current = ""
        for part in parts {
            current = current.isEmpty ? String(part) : current + "/" + part
            if directories.contains(current) { continue }
            guard room(for: current, bytes: 0) else { return }
            try sink.makeDirectory(current)
            directories.insert(current)
            entries.append(.directory(current))
        }
    }

    /// Writes a regular file (mode 0644); false when a limit left it out. `always` is for the
    /// manifest, which a snapshot cannot do without.
    @discardableResult
    func write(_ relative: String, _ data: [UInt8], always: Bool = false) throws(ReadFailure) -> Bool {
        guard !contains(relative) else { return true }
        try makeParent(of: relative)
        guard always || room(for: relative, bytes: data.count) else { return false }
        try sink.write(relative, data)
        paths.insert(relative)
        entries.append(.file(relative))
        bytes += data.count
        return true
    }

    /// Creates a symbolic link holding `target` (already checked to stay inside the tree).
    @discardableResult
    func symlink(_ relative: String, target: String) throws(ReadFailure) -> Bool {
        guard !contains(relative) else { return true }
        try makeParent(of: relative)
        guard room(for: relative, bytes: 0) else { return false }
        try sink.symlink(relative, target: target)
        paths.insert(relative)
        entries.append(.symlink(relative, target: target))
        return true
    }

    private func makeParent(of relative: String) throws(ReadFailure) {
        let parent = relative.split(separator: "/").dropLast().joined(separator: "/")
        if !parent.isEmpty { try makeDirectory(parent) }
    }

    private func room(for relative: String, bytes count: Int) -> Bool {
        if entries.count < entryLimit && bytes + count <= byteLimit { return true }
        overflow += 1
        if firstOverflow == nil { firstOverflow = relative }
        return false
    }
}
