#if canImport(Glibc)
    import Glibc
#elseif canImport(Musl)
    import Musl
#endif

/// Where a move run keeps its journal. `ChannelMover` calls it before each move and when the run
/// ends; a failure stops the run (nothing more moves, what moved is undone).
public protocol MoveJournalRecorder {
    /// Records `moves` (every channel that may have moved, in order) atomically.
    func record(_ moves: [ChannelMove], complete: Bool) -> Result<Void, FileWriteError>
}

/// Why `--journal PATH` cannot be used.
public enum MoveJournalPathError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The path holds something that is not a journal hvctl wrote: it is never replaced.
    case taken(String)
    /// The path could not be examined.
    case unusable(String, LocalFile.Failure)

    public var description: String {
        switch self {
        case .taken(let message): return message
        case .unusable(let path, let failure): return "cannot use \(path) as the journal: \(failure)"
        }
    }
}

/// The journal file of `hvctl cpu evacuate --journal FILE` (issue 12): each record is written
/// with `AtomicFile` (a new temporary file beside it, fsync, rename, fsync of the directory), so
/// the file always holds a whole journal. Only a missing path or an existing hvctl journal may be
/// written: a directory, a link, a device or any other file is refused and left as it is.
public struct MoveJournalFile: MoveJournalRecorder, Sendable {
    public let path: String
    let createdAt: String
    let tool: String
    let machine: String

    /// Checks `path` before anything moves.
    public static func open(_ path: String, tool: String, machine: String) -> Result<
        MoveJournalFile, MoveJournalPathError
    > {
        var info = stat()
        if lstat(path, &info) == 0 {
            let type = info.st_mode & S_IFMT
            guard type == S_IFREG else {
                return .failure(
                    .taken("\(path) \(LocalFile.Failure.notRegular(LocalFile.kind(type))): not a journal, left alone"))
            }
            switch LocalFile.read(path, limit: MoveJournalFile.maxBytes) {
            case .success(let bytes):
                guard case .success = MoveJournal.decode(bytes) else {
                    return .failure(.taken("\(path) exists and is not an hvctl move journal: left alone"))
                }
            case .failure(let failure):
                return .failure(.unusable(path, failure))
            }
        } else if errno != ENOENT {
            return .failure(.unusable(path, .unreadable(Errno(errno))))
        }
        return .success(MoveJournalFile(path: path, createdAt: Timestamp.now(), tool: tool, machine: machine))
    }

    /// Larger than any journal (a move is about 100 bytes).
    public static let maxBytes = 16 << 20

    public func record(_ moves: [ChannelMove], complete: Bool) -> Result<Void, FileWriteError> {
        let journal = MoveJournal(createdAt: createdAt, tool: tool, machine: machine, moves: moves, complete: complete)
        let text: String
        do {
            text = try JSONOutput.render(journal)
        } catch {
            return .failure(FileWriteError(message: "cannot encode the journal \(path)", errno: .EINVAL))
        }
        return AtomicFile.write(Array(text.utf8), to: path, mode: 0o600)
    }
}
