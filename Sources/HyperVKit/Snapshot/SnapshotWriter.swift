import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Where `hvctl snapshot -o` puts a capture: a directory, or a `.tar.gz` (`.tgz`) file.
public enum SnapshotDestination: Sendable, Equatable {
    case directory(String)
    case tarball(String)

    /// Trailing slashes are dropped (`-o out/` is the directory `out`), so the temporary name goes
    /// beside the destination, never inside it.
    public init(path: String) {
        var trimmed = Substring(path)
        while trimmed.count > 1 && trimmed.hasSuffix("/") { trimmed.removeLast() }
        let name = String(trimmed)
        let lower = name.lowercased()
        self = lower.hasSuffix(".tar.gz") || lower.hasSuffix(".tgz") ? .tarball(name) : .directory(name)
    }

    /// Archive and compression suffixes hvctl cannot write: `-o x.zip` must not make a directory
    /// named `x.zip` that a user then mails as if it were an archive (issue 14).
    public static let refusedSuffixes = [
        ".zip", ".tar", ".tar.xz", ".txz", ".tar.bz2", ".tbz", ".tbz2", ".tar.zst", ".tzst", ".tar.lz4", ".gz",
        ".xz", ".bz2", ".zst", ".lz4", ".7z", ".rar", ".cpio",
    ]

    /// The destination, or why `path` names a kind of file hvctl does not write.
    public static func parse(_ path: String) -> Result<SnapshotDestination, SnapshotWriteError> {
        let destination = SnapshotDestination(path: path)
        guard case .directory(let name) = destination else { return .success(destination) }
        let lower = (name.split(separator: "/").last.map(String.init) ?? name).lowercased()
        if let suffix = refusedSuffixes.first(where: { lower.hasSuffix($0) && lower.count > $0.count }) {
            return .failure(
                SnapshotWriteError(
                    message: "cannot write a \(suffix) file (\(path)): hvctl writes a directory or a .tar.gz",
                    kind: .destinationTaken))
        }
        return .success(destination)
    }

    public var path: String {
        switch self {
        case .directory(let path), .tarball(let path): return path
        }
    }
}

/// Why a snapshot could not be written.
public struct SnapshotWriteError: Error, Sendable, CustomStringConvertible {
    public enum Kind: Sendable, Equatable {
        /// The destination is taken (a non-empty directory, or not what `-o` asks for).
        case destinationTaken
        /// Writing failed with this errno.
        case io(Errno)
    }

    public var message: String
    public var kind: Kind

    public var description: String { message }
}

/// Writes a capture so that a half-written snapshot never appears (issue 6): the tree is made in a
/// temporary place and renamed into place whole.
///
/// - A directory is captured into `<dest>.tmp-XXXXXX` beside it (same file system) and renamed to
///   `<dest>`, which must not exist or be an empty directory. It is private (0700), like `mkdtemp`
///   makes it: a capture made as root may hold what only root could read.
/// - A tarball is streamed with `TarGzipWriter` into `<dest>.tmp-XXXXXX` beside it (nothing goes
///   to $TMPDIR), synced, and renamed over `<dest>`: an existing file is replaced only by a
///   complete archive. The archive holds one top-level directory named after the file.
/// - Either temporary is removed on a failure and on SIGINT/SIGTERM (`SignalCleanup`).
public enum SnapshotWriter {
    public static func write(_ machine: any Machine, to destination: SnapshotDestination, options: SnapshotOptions)
        throws(SnapshotWriteError) -> SnapshotSummary
    {
        try check(destination)
        switch destination {
        case .directory(let path): return try writeDirectory(machine, to: path, options: options)
        case .tarball(let path): return try writeTarball(machine, to: path, options: options)
        }
    }

    static func writeDirectory(_ machine: any Machine, to path: String, options: SnapshotOptions)
        throws(SnapshotWriteError) -> SnapshotSummary
    {
        let work = try makeSibling(path, directory: true).path
        let cleanup = SignalCleanup(path: work)
        defer { cleanup.forget() }
        let summary: SnapshotSummary
        do {
            summary = try SnapshotCapture(machine: machine, directory: work, options: options).run()
        } catch {
            try? FileManager.default.removeItem(atPath: work)
            throw failure("cannot write the capture in \(work)", error.errno?.code ?? EIO)
        }
        guard rename(work, path) == 0 else {
            let code = errno
            try? FileManager.default.removeItem(atPath: work)
            if code == ENOTEMPTY || code == EEXIST {
                throw SnapshotWriteError(message: "\(path) is no longer empty: not replaced", kind: .destinationTaken)
            }
            throw failure("cannot rename \(work) to \(path)", code)
        }
        AtomicFile.syncDirectory(AtomicFile.split(path).directory)
        return summary
    }

    /// Streams the capture into `<path>.tmp-XXXXXX` beside the destination (never into $TMPDIR),
    /// syncs it and renames it over `path`.
    static func writeTarball(_ machine: any Machine, to path: String, options: SnapshotOptions)
        throws(SnapshotWriteError) -> SnapshotSummary
    {
        let (temp, fd) = try makeSibling(path, directory: false)
        let cleanup = SignalCleanup(path: temp)
        var done = false
        defer {
            close(fd)
            if !done { unlink(temp) }
            cleanup.forget()
        }
        let summary: SnapshotSummary
        do {
            let writer = try TarGzipWriter(descriptor: dup(fd), mtime: Int(time(nil)))
            let top = topDirectory(path)
            try writer.add(.directory(path: top, mode: 0o755))
            let tree = CaptureTree(sink: TarballSink(writer: writer, top: top))
            summary = try SnapshotCapture(machine: machine, tree: tree, options: options).run()
            try writer.finish()
        } catch {
            throw failure("cannot write \(temp)", error.errno?.code ?? EIO)
        }
        guard fsync(fd) == 0 else { throw failure("cannot write \(temp)", errno) }
        guard rename(temp, path) == 0 else { throw failure("cannot rename \(temp) to \(path)", errno) }
        done = true
        AtomicFile.syncDirectory(AtomicFile.split(path).directory)
        return summary
    }

    /// Refuses a destination that would be clobbered: a non-empty directory, or something other
    /// than a directory (for `-o DIR`) or a regular file (for `-o FILE.tar.gz`).
    static func check(_ destination: SnapshotDestination) throws(SnapshotWriteError) {
        let path = destination.path
        var info = stat()
        guard lstat(path, &info) == 0 else {
            if errno == ENOENT { return }
            throw failure("cannot use \(path)", errno)
        }
        let type = info.st_mode & S_IFMT
        switch destination {
        case .directory:
            guard type == S_IFDIR else {
                throw SnapshotWriteError(message: "\(path) exists and is not a directory", kind: .destinationTaken)
            }
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            guard entries.isEmpty else {
                throw SnapshotWriteError(
                    message: "\(path) exists and is not empty: name a new directory", kind: .destinationTaken)
            }
        case .tarball:
            guard type == S_IFREG else {
                throw SnapshotWriteError(message: "\(path) exists and is not a regular file", kind: .destinationTaken)
            }
        }
    }

    /// The archive's top-level directory: the file name without `.tar.gz` / `.tgz`.
    static func topDirectory(_ path: String) -> String {
        var name = path.split(separator: "/").last.map(String.init) ?? "snapshot"
        for suffix in [".tar.gz", ".tgz"] where name.hasSuffix(suffix) { name = String(name.dropLast(suffix.count)) }
        return name.isEmpty || name == "." || name == ".." ? "snapshot" : name
    }

    /// A new directory (`mkdtemp`) or file (`mkstemp`) named `<path>.tmp-XXXXXX`.
    static func makeSibling(_ path: String, directory: Bool) throws(SnapshotWriteError) -> (path: String, fd: Int32) {
        var template = Array((path + ".tmp-XXXXXX").utf8CString)
        var fd: Int32 = -1
        let made = template.withUnsafeMutableBufferPointer { buffer -> Bool in
            guard let base = buffer.baseAddress else { return false }
            if directory { return mkdtemp(base) != nil }
            fd = mkstemp(base)
            return fd >= 0 && fcntl(fd, F_SETFD, FD_CLOEXEC) == 0
        }
        guard made else { throw failure("cannot create \(path).tmp-XXXXXX", errno) }
        let bytes = template.dropLast().map { UInt8(bitPattern: $0) }
        return (String(decoding: bytes, as: UTF8.self), fd)
    }

    static func failure(_ message: String, _ code: Int32) -> SnapshotWriteError {
        SnapshotWriteError(message: "\(message): \(Errno(code).message)", kind: .io(Errno(code)))
    }
}
