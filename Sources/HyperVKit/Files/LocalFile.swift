#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// A file the user named on the command line (a configuration, a move journal, a pasted log), read
/// from this machine's file system, not through the `Machine` seam.
///
/// It is opened non-blocking (a FIFO cannot hang the read), must be a regular file, and its size is
/// checked with fstat before a byte is read, so a mistaken path to a 2 GiB file, `/dev/zero` or a
/// FIFO fails at once with a message that says what the path is (issue 12).
public enum LocalFile {
    public enum Failure: Error, Sendable, Equatable, CustomStringConvertible {
        case absent
        /// Not a regular file: the kind, in words ("a directory", "a FIFO", "a character device").
        case notRegular(String)
        case tooLarge(size: Int, limit: Int)
        case unreadable(Errno)

        public var description: String {
            switch self {
            case .absent: return "no such file"
            case .notRegular(let kind): return "is \(kind), not a regular file"
            case .tooLarge(let size, let limit): return "is \(size) bytes, more than the \(limit) bytes allowed"
            case .unreadable(let code): return code.message
            }
        }

        /// EACCES/EPERM: the caller needs more privilege.
        public var isPermissionDenied: Bool {
            if case .unreadable(let code) = self { return code == .EACCES || code == .EPERM }
            return false
        }
    }

    public static func read(_ path: String, limit: Int) -> Result<[UInt8], Failure> {
        let fd = open(path, O_RDONLY | O_NONBLOCK | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { return .failure(errno == ENOENT ? .absent : .unreadable(Errno(errno))) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.unreadable(Errno(errno))) }
        let type = info.st_mode & S_IFMT
        guard type == S_IFREG else { return .failure(.notRegular(kind(type))) }
        let size = Int(info.st_size)
        guard size <= limit else { return .failure(.tooLarge(size: size, limit: limit)) }
        var bytes = [UInt8](repeating: 0, count: size + 1)
        var filled = 0
        while filled < bytes.count {
            let got = bytes.withUnsafeMutableBytes { raw in
                Glibc.read(fd, raw.baseAddress?.advanced(by: filled), raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                return .failure(.unreadable(Errno(errno)))
            }
            if got == 0 { break }
            filled += got
            // A file that grows while it is read is still held to the limit.
            if filled > limit { return .failure(.tooLarge(size: filled, limit: limit)) }
        }
        return .success(Array(bytes.prefix(filled)))
    }

    /// What a non-regular file is, for the message.
    public static func kind(_ type: mode_t) -> String {
        switch type {
        case S_IFDIR: return "a directory"
        case S_IFIFO: return "a FIFO"
        case S_IFCHR: return "a character device"
        case S_IFBLK: return "a block device"
        case S_IFSOCK: return "a socket"
        case S_IFLNK: return "a symbolic link"
        default: return "not a regular file"
        }
    }

    /// What a path is, following links: a directory, a regular file or another kind (named as
    /// `kind` names it), or why `stat` failed.
    public enum PathKind: Sendable, Equatable {
        case directory
        case regular
        case other(String)
    }

    public static func pathKind(_ path: String) -> Result<PathKind, ReadFailure> {
        var info = stat()
        guard stat(path, &info) == 0 else { return .failure(errno == ENOENT ? .absent : .unreadable(Errno(errno))) }
        switch info.st_mode & S_IFMT {
        case S_IFDIR: return .success(.directory)
        case S_IFREG: return .success(.regular)
        case let type: return .success(.other(kind(type)))
        }
    }
}
