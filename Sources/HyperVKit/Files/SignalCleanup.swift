import CRootFS

/// A temporary path that a signal must not leave behind (issue 12): registered with the C handler
/// in `CRootFS` (which removes it on SIGINT, SIGTERM, SIGHUP or SIGQUIT before the process ends),
/// forgotten once the path is renamed into place or removed normally.
public final class SignalCleanup: Sendable {
    private let slot: Int32

    public init(path: String) {
        slot = hvctl_cleanup_register(path)
    }

    /// The path is no longer temporary (renamed into place) or is gone.
    public func forget() {
        hvctl_cleanup_forget(slot)
    }

    deinit {
        hvctl_cleanup_forget(slot)
    }
}
