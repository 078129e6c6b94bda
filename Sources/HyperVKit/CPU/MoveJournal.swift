import FoundationEssentials

/// The record `hvctl cpu evacuate --journal FILE` writes of the moves it made, and
/// `hvctl cpu restore FILE` reads to put the channels back.
///
/// It is written ahead of every move (the move is listed before its write is tried) and once more
/// when the run ends, so at every moment it lists every channel that may have moved: after a crash
/// or a kill, `cpu restore` finds each channel where the journal says or skips it with a warning.
/// `complete` is false until the run ended normally.
public struct MoveJournal: Sendable, Codable, Equatable {
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

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        schemaVersion = try container.decode(Int.self, forKey: .schemaVersion)
        createdAt = try container.decode(String.self, forKey: .createdAt)
        tool = try container.decode(String.self, forKey: .tool)
        machine = try container.decode(String.self, forKey: .machine)
        moves = try container.decode([ChannelMove].self, forKey: .moves)
        // Journals written before `complete` existed were written once, at the end.
        complete = try container.decodeIfPresent(Bool.self, forKey: .complete) ?? true
    }

    /// Decodes a journal; every problem is a one-line reason.
    public static func decode(_ bytes: [UInt8]) -> Result<MoveJournal, ReadFailure> {
        do {
            let journal = try JSONDecoder().decode(MoveJournal.self, from: Data(bytes))
            guard journal.schemaVersion == currentVersion else {
                return .failure(.invalid("journal schema_version \(journal.schemaVersion) is not \(currentVersion)"))
            }
            return .success(journal)
        } catch let DecodingError.keyNotFound(key, _) {
            return .failure(.invalid("missing key \"\(key.stringValue)\""))
        } catch {
            return .failure(.invalid("not an hvctl move journal (invalid JSON)"))
        }
    }

    /// The moves that undo the journal, last move first.
    public var undo: [ChannelMove] { moves.reversed().map(\.reversed) }
}
