/// The record `hvctl cpu evacuate --journal FILE` writes of the moves it made, and
/// `hvctl cpu restore FILE` reads to put the channels back.
///
/// It is written ahead of every move (the move is listed before its write is tried) and once more
/// when the run ends, so at every moment it lists every channel that may have moved: after a crash
/// or a kill, `cpu restore` finds each channel where the journal says or skips it with a warning.
/// `complete` is false until the run ended normally.
public struct MoveJournal: Sendable, Encodable, Equatable {
    public static let currentVersion = 1

    public var schemaVersion: Int
    public var createdAt: String
    public var tool: String
    public var machine: String
    public var moves: [ChannelMove]
    /// The run ended (every move made, or undone after a failure) and `moves` is final.
    public var complete: Bool

    public init(createdAt: String, tool: String, machine: String, moves: [ChannelMove], complete: Bool = true) {
        self.schemaVersion = MoveJournal.currentVersion
        self.createdAt = createdAt
        self.tool = tool
        self.machine = machine
        self.moves = moves
        self.complete = complete
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case createdAt = "created_at"
        case tool, machine, moves, complete
    }

    /// Decodes a journal; every problem is a one-line reason.
    public static func decode(_ bytes: [UInt8]) -> Result<MoveJournal, ReadFailure> {
        var journal: MoveJournal
        do throws(JSONDocument.Problem) {
            let document = try JSONDocument.parse(bytes, maxEntries: 4_000_000).get()
            let version = try document.required(CodingKeys.schemaVersion.rawValue, document.int)
            var moves: [ChannelMove] = []
            for move in try document.required(CodingKeys.moves.rawValue, document.objects) {
                moves.append(
                    ChannelMove(
                        deviceID: try move.required("device_id", move.string),
                        relid: try move.required("relid", move.int), from: try move.required("from", move.int),
                        to: try move.required("to", move.int)))
            }
            journal = MoveJournal(
                createdAt: try document.required(CodingKeys.createdAt.rawValue, document.string),
                tool: try document.required(CodingKeys.tool.rawValue, document.string),
                machine: try document.required(CodingKeys.machine.rawValue, document.string), moves: moves,
                // Journals written before `complete` existed were written once, at the end.
                complete: try document.bool(CodingKeys.complete.rawValue) ?? true)
            journal.schemaVersion = version
        } catch .missing(let key) {
            return .failure(.invalid("missing key \"\(key)\""))
        } catch {
            return .failure(.invalid("not an hvctl move journal (invalid JSON)"))
        }
        guard journal.schemaVersion == currentVersion else {
            return .failure(.invalid("journal schema_version \(journal.schemaVersion) is not \(currentVersion)"))
        }
        return .success(journal)
    }

    /// The moves that undo the journal, last move first.
    public var undo: [ChannelMove] { moves.reversed().map(\.reversed) }
}
