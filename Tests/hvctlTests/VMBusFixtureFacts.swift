import Foundation

/// What a fixture's VMBus tree holds, read straight from its files (reference §3.2/§3.3), so the
/// command tests compare hvctl's output with the fixture, not with hvctl's earlier output.
struct VMBusFixtureFacts {
    struct Channel {
        var device: String
        var classID: String?
        var relid: Int
        var cpu: Int?
    }

    var channels: [Channel] = []

    init(_ fixture: String) throws {
        let devices = FixturePaths.fixtures.appendingPathComponent(fixture + "/sys/bus/vmbus/devices")
        let files = FileManager.default
        for device in try files.contentsOfDirectory(atPath: devices.path).sorted() {
            let directory = devices.appendingPathComponent(device)
            guard let names = try? files.contentsOfDirectory(atPath: directory.appendingPathComponent("channels").path)
            else { continue }  // a dangling link: the device vanished
            let classID = Self.text(directory.appendingPathComponent("class_id"))?
                .trimmingCharacters(in: CharacterSet(charactersIn: "{}"))
            for name in names {
                guard let relid = Int(name) else { continue }
                let cpu = Self.text(directory.appendingPathComponent("channels/\(name)/cpu")).flatMap { Int($0) }
                channels.append(Channel(device: device, classID: classID, relid: relid, cpu: cpu))
            }
        }
    }

    static func text(_ url: URL) -> String? {
        (try? String(contentsOf: url, encoding: .utf8))?.trimmingCharacters(in: .whitespacesAndNewlines)
    }
}
