import HyperVKit

/// A write seam that refuses every write with one errno and counts the attempts, to show that a
/// command writes only through the writer its context hands it.
final class RefusingWriter: SysfsWriter, @unchecked Sendable {
    let errno: Errno
    private(set) var attempts: [String] = []

    init(_ errno: Errno) {
        self.errno = errno
    }

    func write(_ text: String, to path: String) -> Result<Void, ReadFailure> {
        attempts.append(path)
        return .failure(.unreadable(errno))
    }
}
