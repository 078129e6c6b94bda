/// Which CPUs exist, from `/sys/devices/system/cpu/{possible,present,online,offline}`
/// (reference §6.3). On WS2019-and-older hosts `possible` can exceed `present`: phantom hot-add
/// CPUs that Hyper-V will never add.
public struct CPUTopology: Sendable, Equatable, Codable {
    public var possible: CPUList?
    public var present: CPUList?
    public var online: CPUList?

    public static let directory = "/sys/devices/system/cpu"

    public init(possible: CPUList?, present: CPUList?, online: CPUList?) {
        self.possible = possible
        self.present = present
        self.online = online
    }

    public static func read(from machine: any Machine) -> (CPUTopology, [Diagnostic]) {
        var diagnostics: [Diagnostic] = []
        func list(_ name: String) -> CPUList? {
            let path = directory + "/" + name
            switch machine.attribute(at: path) {
            case .success(let text):
                guard let list = CPUList(parsing: text) else {
                    diagnostics.append(
                        Diagnostic(path: path, message: "\(path): not a CPU list: \"\(text.prefix(40))\""))
                    return nil
                }
                return list
            case .failure(.absent):
                return nil
            case .failure(let failure):
                diagnostics.append(.read(path, failure))
                return nil
            }
        }
        let topology = CPUTopology(possible: list("possible"), present: list("present"), online: list("online"))
        return (topology, diagnostics)
    }

    /// Possible but not present: hot-add CPUs that never arrive on Hyper-V (§6.3).
    public var phantom: CPUList? {
        guard let possible, let present else { return nil }
        return CPUList(possible.cpus.filter { !present.contains($0) })
    }

    enum CodingKeys: String, CodingKey {
        case possible, present, online
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(possible?.description, forKey: .possible)
        try container.encode(present?.description, forKey: .present)
        try container.encode(online?.description, forKey: .online)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        possible = try container.decodeIfPresent(String.self, forKey: .possible).flatMap { CPUList(parsing: $0) }
        present = try container.decodeIfPresent(String.self, forKey: .present).flatMap { CPUList(parsing: $0) }
        online = try container.decodeIfPresent(String.self, forKey: .online).flatMap { CPUList(parsing: $0) }
    }
}
