// swift-format-ignore-file: AlwaysUseLowerCamelCase
// Errno constants keep their C names (EACCES, EIO): they are what users and kernel docs say.

/// An errno value with the symbolic name snapshots and JSON use (`EACCES`, `EIO`, ...).
///
/// Names and numbers are Linux's (`include/uapi/asm-generic/errno-base.h`, `errno.h`); the table is
/// spelled out instead of taken from Glibc so that a snapshot made on one machine reads the same on
/// any other.
public struct Errno: Sendable, Hashable, CustomStringConvertible {
    public let code: Int32

    public init(_ code: Int32) { self.code = code }

    /// Parses a name such as `EIO`; nil for a name Linux does not define.
    public init?(name: String) {
        guard let entry = Errno.table.first(where: { $0.name == name }) else { return nil }
        self.code = entry.code
    }

    public var name: String { Errno.table.first { $0.code == code }?.name ?? "errno \(code)" }

    /// strerror-like text in lower case, for one-line diagnostics.
    public var message: String { Errno.table.first { $0.code == code }?.text ?? "error \(code)" }

    public var description: String { name }

    public static let EPERM = Errno(1)
    public static let ENOENT = Errno(2)
    public static let EIO = Errno(5)
    public static let ENXIO = Errno(6)
    public static let EBADF = Errno(9)
    public static let EAGAIN = Errno(11)
    public static let EACCES = Errno(13)
    public static let EBUSY = Errno(16)
    public static let EEXIST = Errno(17)
    public static let ENODEV = Errno(19)
    public static let ENOTDIR = Errno(20)
    public static let EISDIR = Errno(21)
    public static let EINVAL = Errno(22)
    public static let EROFS = Errno(30)
    public static let ENOSYS = Errno(38)
    public static let ENOSPC = Errno(28)
    public static let ELOOP = Errno(40)

    private static let table: [(code: Int32, name: String, text: String)] = [
        (1, "EPERM", "operation not permitted"),
        (2, "ENOENT", "no such file"),
        (3, "ESRCH", "no such process"),
        (4, "EINTR", "interrupted system call"),
        (5, "EIO", "input/output error"),
        (6, "ENXIO", "no such device or address"),
        (7, "E2BIG", "argument list too long"),
        (9, "EBADF", "bad file descriptor"),
        (11, "EAGAIN", "resource temporarily unavailable"),
        (12, "ENOMEM", "cannot allocate memory"),
        (13, "EACCES", "permission denied"),
        (14, "EFAULT", "bad address"),
        (16, "EBUSY", "device or resource busy"),
        (17, "EEXIST", "file exists"),
        (18, "EXDEV", "invalid cross-device link"),
        (19, "ENODEV", "no such device"),
        (20, "ENOTDIR", "not a directory"),
        (21, "EISDIR", "is a directory"),
        (22, "EINVAL", "invalid argument"),
        (23, "ENFILE", "too many open files in system"),
        (24, "EMFILE", "too many open files"),
        (27, "EFBIG", "file too large"),
        (28, "ENOSPC", "no space left on device"),
        (30, "EROFS", "read-only file system"),
        (33, "EDOM", "numerical argument out of domain"),
        (34, "ERANGE", "numerical result out of range"),
        (36, "ENAMETOOLONG", "file name too long"),
        (38, "ENOSYS", "function not implemented"),
        (40, "ELOOP", "too many levels of symbolic links"),
        (61, "ENODATA", "no data available"),
        (95, "EOPNOTSUPP", "operation not supported"),
        (110, "ETIMEDOUT", "connection timed out"),
    ]
}
