import FoundationEssentials

#if canImport(Glibc)
    import Glibc
#endif

/// A private (0700) directory under $TMPDIR that is removed, with everything in it, when the
/// last reference goes away, or when SIGINT/SIGTERM ends the process first (`SignalCleanup`).
public final class TemporaryDirectory: Sendable {
    public let path: String
    private let cleanup: SignalCleanup

    /// Creates `$TMPDIR/<prefix>XXXXXX` with mkdtemp (mode 0700).
    public init(prefix: String) throws(ReadFailure) {
        let base = ProcessInfo.processInfo.environment["TMPDIR"].flatMap { $0.isEmpty ? nil : $0 } ?? "/tmp"
        var template = Array((base + "/" + prefix + "XXXXXX").utf8CString)
        let created = template.withUnsafeMutableBufferPointer { buffer -> String? in
            guard let baseAddress = buffer.baseAddress, mkdtemp(baseAddress) != nil else { return nil }
            return String(cString: baseAddress)
        }
        guard let created else { throw .unreadable(Errno(errno)) }
        path = created
        cleanup = SignalCleanup(path: created)
    }

    deinit {
        try? FileManager.default.removeItem(atPath: path)
        cleanup.forget()
    }
}
