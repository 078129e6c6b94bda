/// Why a read through the `Machine` seam produced no value. No read ever traps; callers turn a
/// failure into a `Diagnostic` or a `-`/null in the report.
public enum ReadFailure: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file, leaf, register or log is not there (ENOENT, or not captured in a snapshot).
    case absent
    /// It exists but reading failed with this errno (EACCES, EIO, EINVAL, ...).
    case unreadable(Errno)
    /// It was read but cannot be used: binary where text was expected, too large, malformed.
    case invalid(String)

    public var description: String {
        switch self {
        case .absent: return "not present"
        case .unreadable(let errno): return errno.message
        case .invalid(let why): return why
        }
    }

    /// The errno behind the failure, if any (ENOENT for `absent`).
    public var errno: Errno? {
        switch self {
        case .absent: return .ENOENT
        case .unreadable(let errno): return errno
        case .invalid: return nil
        }
    }

    /// True for EACCES and EPERM: the caller needs root or a capability.
    public var isPermissionDenied: Bool {
        if case .unreadable(let errno) = self { return errno == .EACCES || errno == .EPERM }
        return false
    }
}
