/// A problem met while building a report: a file that could not be read, a value that made no
/// sense. Reports carry them so that a partial read still prints what it has (docs/architecture.md).
public struct Diagnostic: Sendable, Hashable, Codable, CustomStringConvertible {
    public enum Severity: String, Sendable, Hashable, Codable {
        case warning
        case error
    }

    /// What a diagnostic that names no file concerns. One vocabulary (docs/json-schema.md,
    /// "Sources"): JSON says `kernel_log`, text says "kernel log", options say `kernel-log`.
    public enum Source: String, Sendable, Hashable, Codable, CaseIterable {
        case cpuid
        case kernelLog = "kernel_log"
        case msr
        case vmbus
        /// The hypervisor registers, from CPUID or the kernel log (whichever `features` used).
        case features
        /// hvctl's own judgement (a move's precondition, a summary of several files).
        case hvctl
    }

    /// The machine path the problem concerns (`/sys/bus/vmbus/...`), when it is a file.
    public var path: String?
    /// The source it concerns when it is not a file.
    public var source: Source?
    public var message: String
    /// What to do about it: `modprobe msr`, `run as root`, ...
    public var hint: String?
    public var severity: Severity

    public init(
        path: String? = nil, source: Source? = nil, message: String, hint: String? = nil,
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

    /// The contract's one shape with keys left out: `path` or `source`, whichever it concerns,
    /// and `hint` only when there is one. Every other absent value is `null`.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        if let path { try container.encode(path, forKey: .path) }
        if let source { try container.encode(source, forKey: .source) }
        try container.encode(message, forKey: .message)
        if let hint { try container.encode(hint, forKey: .hint) }
        try container.encode(severity, forKey: .severity)
    }
}
