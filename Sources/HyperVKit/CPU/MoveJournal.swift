import FoundationEssentials

/// The record `hvctl cpu evacuate --journal FILE` writes of the moves it made, and
/// `hvctl cpu restore FILE` reads to put the channels back.
public struct MoveJournal: Sendable, Codable, Equatable {
    public static let currentVersion = 1

    public var schemaVersion: Int
    public var createdAt: String
    public var tool: String
    public var machine: String
    public var moves: [ChannelMove]

    public init(createdAt: String, tool: String, machine: String, moves: [ChannelMove]) {
        self.schemaVersion = MoveJournal.currentVersion
        self.createdAt = createdAt
        self.tool = tool
        self.machine = machine
        self.moves = moves
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case createdAt = "created_at"
        case tool, machine, moves
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
