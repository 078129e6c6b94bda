import Foundation

@testable import HyperVKit

/// Writes plain files beneath a root, as the kernel's attribute would take the value; fails on
/// chosen calls, or "succeeds" without writing, to exercise rollback.
final class TestWriter: SysfsWriter, @unchecked Sendable {
    let root: String
    var failOnCall: Int?
    /// More calls that fail (with `failWith`), e.g. an undo after the first failure.
    var failOnCalls: Set<Int> = []
    var failWith: ReadFailure = .unreadable(.EIO)
    var silentlyIgnoreCall: Int?
    private(set) var writes: [(path: String, text: String)] = []
    private var calls = 0

    init(root: String) {
        self.root = root
    }

    func write(_ text: String, to path: String) -> Result<Void, ReadFailure> {
        defer { calls += 1 }
        if calls == failOnCall || failOnCalls.contains(calls) { return .failure(failWith) }
        if calls == silentlyIgnoreCall { return .success(()) }
        let url = URL(fileURLWithPath: root + path)
        guard FileManager.default.fileExists(atPath: url.path) else { return .failure(.absent) }
        do {
            try Data(text.utf8).write(to: url)
        } catch {
            return .failure(.unreadable(.EIO))
        }
        writes.append((path, text))
        events.append("write \(path) \(text.dropLast())")
        return .success(())
    }

    /// Writes and journal records in the order they happened (a `TestJournal` sharing this writer
    /// adds its records here).
    var events: [String] = []
}

/// A journal that records in memory, can fail its Nth record, and logs into the writer's events.
final class TestJournal: MoveJournalRecorder, @unchecked Sendable {
    let writer: TestWriter
    var failOnRecord: Int?
    private(set) var records: [(moves: [ChannelMove], complete: Bool)] = []
    private var calls = 0

    init(writer: TestWriter) {
        self.writer = writer
    }

    func record(_ moves: [ChannelMove], complete: Bool) -> Result<Void, FileWriteError> {
        defer { calls += 1 }
        if calls == failOnRecord { return .failure(FileWriteError(message: "cannot create", errno: .ENOSPC)) }
        records.append((moves, complete))
        writer.events.append("journal \(moves.count)\(complete ? " complete" : "")")
        return .success(())
    }
}
