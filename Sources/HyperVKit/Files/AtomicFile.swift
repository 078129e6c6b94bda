#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Why a file could not be written.
public struct FileWriteError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What failed, naming the path (`cannot create /var/lib/x/.y.tmp-AbC123`).
    public var message: String
    public var errno: Errno

    public var description: String { "\(message): \(errno.message)" }

    /// EACCES and EPERM: root (or the directory's owner) is needed.
    public var isPermissionDenied: Bool { errno == .EACCES || errno == .EPERM }
}

/// The one way hvctl writes a file (issue 12 and 14): readers see the old content or the new,
/// never a part, and a crash at any point leaves one of the two.
///
/// The bytes go to a new temporary file in the same directory (`mkstemp`: O_CREAT|O_EXCL, so a
/// planted symbolic link is never followed; a name that does not end like the destination, so a
/// collector reading `*.prom` ignores it), are flushed with fsync, renamed over the destination
/// (atomic on one file system) and the directory is flushed, so the rename survives a crash. The
/// temporary file is removed on any failure and on SIGINT/SIGTERM (`SignalCleanup`).
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String, mode: mode_t = 0o644) -> Result<Void, FileWriteError> {
        let (directory, name) = split(path)
        let prefix = path.lastIndex(of: "/").map { String(path[...$0]) } ?? ""
        var template = Array((prefix + ".\(name).tmp-XXXXXX").utf8CString)
        let fd = template.withUnsafeMutableBufferPointer { buffer -> Int32 in
            guard let base = buffer.baseAddress else { return -1 }
            let fd = mkstemp(base)
            if fd >= 0 { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
            return fd
        }
        let temporary = String(decoding: template.dropLast().map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard fd >= 0 else { return .failure(error("cannot create a temporary file in \(directory)")) }
        let cleanup = SignalCleanup(path: temporary)
        defer { cleanup.forget() }
        func abandon(_ message: String) -> Result<Void, FileWriteError> {
            let failure = error(message)
            close(fd)
            unlink(temporary)
            return .failure(failure)
        }
        guard fchmod(fd, mode) == 0 else { return abandon("cannot set the mode of \(temporary)") }
        if let code = writeAll(fd, bytes) {
            errno = code.code
            return abandon("cannot write \(temporary)")
        }
        guard fsync(fd) == 0 else { return abandon("cannot flush \(temporary)") }
        guard close(fd) == 0 else {
            let failure = error("cannot write \(temporary)")
            unlink(temporary)
            return .failure(failure)
        }
        guard rename(temporary, path) == 0 else {
            let failure = error("cannot rename \(temporary) to \(path)")
            unlink(temporary)
            return .failure(failure)
        }
        syncDirectory(directory)
        return .success(())
    }

    /// Writes every byte, retrying EINTR and short writes; the errno of a failure, nil on success.
    public static func writeAll(_ fd: Int32, _ bytes: [UInt8]) -> Errno? {
        var offset = 0
        while offset < bytes.count {
            let written = bytes.withUnsafeBytes { raw in
                Glibc.write(fd, raw.baseAddress?.advanced(by: offset), raw.count - offset)
            }
            if written < 0 {
                if errno == EINTR { continue }
                return Errno(errno)
            }
            if written == 0 { return .EIO }
            offset += written
        }
        return nil
    }

    /// `a/b/c.json` → (`a/b`, `c.json`); `c.json` → (`.`, `c.json`); `/c` → (`/`, `c`).
    static func split(_ path: String) -> (directory: String, name: String) {
        guard let slash = path.lastIndex(of: "/") else { return (".", path) }
        let directory = String(path[..<slash])
        return (directory.isEmpty ? "/" : directory, String(path[path.index(after: slash)...]))
    }

    /// fsync on the directory makes the rename durable; a file system that cannot (EINVAL) is fine.
    static func syncDirectory(_ directory: String) {
        let fd = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }

    private static func error(_ message: String) -> FileWriteError {
        FileWriteError(message: message, errno: Errno(errno))
    }
}
