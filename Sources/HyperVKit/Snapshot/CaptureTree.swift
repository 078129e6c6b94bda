#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// The output of a capture: files, directories and relative links written beneath one private
/// directory, in the order they were made, so the same tree can be packed into a `.tar.gz`.
///
/// Bounded: at most `maxEntries` entries and `maxBytes` bytes, under what `TarGzipArchive` accepts
/// back, so every snapshot hvctl writes can be read by hvctl. What does not fit is counted, not
/// written. Writes never follow a link (O_NOFOLLOW, O_EXCL): nothing in the tree is written twice.
final class CaptureTree {
    enum Entry: Equatable {
        case directory(String)
        case file(String)
        case symlink(String, target: String)
    }

    let root: String
    private(set) var entries: [Entry] = []
    private(set) var bytes = 0
    /// Entries left out because a limit was reached; the first one's path.
    private(set) var overflow = 0
    private(set) var firstOverflow: String?
    private var directories: Set<String> = [""]
    private var paths: Set<String> = []

    static let maxEntries = 150_000
    static let maxBytes = 512 << 20
    let entryLimit: Int
    let byteLimit: Int

    init(root: String, entryLimit: Int = CaptureTree.maxEntries, byteLimit: Int = CaptureTree.maxBytes) {
        self.root = root
        self.entryLimit = entryLimit
        self.byteLimit = byteLimit
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
            if mkdir(root + "/" + current, 0o755) != 0 && errno != EEXIST { throw .unreadable(Errno(errno)) }
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
        let fd = open(root + "/" + relative, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw .unreadable(Errno(errno)) }
        defer { close(fd) }
        var offset = 0
        while offset < data.count {
            let written = data[offset...].withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            guard written > 0 else { throw .unreadable(Errno(errno)) }
            offset += written
        }
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
        guard Glibc.symlink(target, root + "/" + relative) == 0 else { throw .unreadable(Errno(errno)) }
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
