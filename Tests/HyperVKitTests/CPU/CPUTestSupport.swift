import Foundation

@testable import HyperVKit

/// Writes plain files beneath a root, as the kernel's attribute would take the value; fails on
/// chosen calls, or "succeeds" without writing, to exercise rollback.
final class TestWriter: SysfsWriter, @unchecked Sendable {
    let root: String
    var failOnCall: Int?
    var failWith: ReadFailure = .unreadable(.EIO)
    var silentlyIgnoreCall: Int?
    private(set) var writes: [(path: String, text: String)] = []
    private var calls = 0

    init(root: String) {
        self.root = root
    }

    func write(_ text: String, to path: String) -> Result<Void, ReadFailure> {
        defer { calls += 1 }
        if calls == failOnCall { return .failure(failWith) }
        if calls == silentlyIgnoreCall { return .success(()) }
        let url = URL(fileURLWithPath: root + path)
        guard FileManager.default.fileExists(atPath: url.path) else { return .failure(.absent) }
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            return .failure(.unreadable(.EIO))
        }
        writes.append((path, text))
        return .success(())
    }
}
