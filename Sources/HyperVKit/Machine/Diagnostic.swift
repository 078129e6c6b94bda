/// A problem met while building a report: a file that could not be read, a value that made no
/// sense. Reports carry them so that a partial read still prints what it has (architecture.md).
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case warning
        case error
    }

    /// The machine path the problem concerns (`/sys/bus/vmbus/...`), when it is a file.
    public var path: String?
    /// The source it concerns when it is not a file: `cpuid`, `kernel_log`, `msr`.
    public var source: String?
    public var message: String
    /// What to do about it: `modprobe msr`, `run as root`, ...
    public var hint: String?
    public var severity: Severity

    public init(
        path: String? = nil, source: String? = nil, message: String, hint: String? = nil,
        severity: Severity = .warning
    ) {
        self.path = path
        self.source = source
        self.message = message
        self.hint = hint
        self.severity = severity
    }

    /// A diagnostic for a failed read of `path`, with the standard hint for permission problems.
    public static func read(_ path: String, _ failure: ReadFailure, hint: String? = nil) -> Diagnostic {
        let defaultHint = failure.isPermissionDenied ? "run as root" : nil
        return Diagnostic(path: path, message: "cannot read \(path): \(failure)", hint: hint ?? defaultHint)
    }

    /// One line for stderr: `warning: cannot read X: permission denied (hint: run as root)`.
    public var description: String {
        var line = "\(severity.rawValue): \(message)"
        if let hint { line += " (hint: \(hint))" }
        return line
    }

    enum CodingKeys: String, CodingKey {
        case path, source, message, hint, severity
    }
}
