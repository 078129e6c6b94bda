import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// Every fixture through every report command, text and JSON, against committed golden files
/// (docs/architecture.md, "Tests"). `RECORD_SNAPSHOTS=1 swift test` re-records; review the diff like code.
@Suite struct GoldenTests {
    static let fixtures = FixturePaths.snapshotNames

    /// Command lines per fixture: name of the golden file → arguments after `--snapshot X`.
    static let commands: [(name: String, arguments: [String])] = [
        ("info", ["info"]),
        ("features", ["features"]),
        ("features-kernel-log", ["features", "--source", "kernel-log"]),
        ("vmbus-version", ["vmbus", "version"]),
        ("vmbus-devices", ["vmbus", "devices"]),
        ("vmbus-channels", ["vmbus", "channels"]),
        ("cpu-list", ["cpu", "list"]),
        ("cpu-map", ["cpu", "map"]),
        ("cpu-offline-check", ["cpu", "offline-check", "--all"]),
        ("cpu-evacuate", ["cpu", "evacuate", "1-3"]),
        ("msr", ["msr", "--all-cpus"]),
        ("kernel", ["kernel"]),
        ("health", ["health"]),
    ]

    /// Flags that change only the text: their text has a golden file, and their JSON must be the
    /// plain command's (a JSON golden for them would duplicate that one byte for byte).
    static let textOnly: [(name: String, arguments: [String], plain: [String])] = [
        ("features-all", ["features", "--all"], ["features"]),
        ("features-raw", ["features", "--raw"], ["features"]),
        ("vmbus-devices-vv", ["vmbus", "devices", "-vv"], ["vmbus", "devices"]),
    ]

    @Test(arguments: fixtures)
    func textOnlyFlagsLeaveTheJSONAlone(_ fixture: String) throws {
        for command in GoldenTests.textOnly {
            let snapshot = ["--snapshot", FixturePaths.snapshot(fixture), "--json"]
            let flagged = try? CommandHarness.run(snapshot + command.arguments)
            let plain = try? CommandHarness.run(snapshot + command.plain)
            #expect(flagged?.stdout == plain?.stdout, "\(fixture) \(command.name)")
            #expect(flagged?.status == plain?.status, "\(fixture) \(command.name)")
        }
    }

    @Test(arguments: fixtures)
    func textAndJSON(_ fixture: String) throws {
        let textOnly = GoldenTests.textOnly.map { (name: $0.name, arguments: $0.arguments) }
        for command in GoldenTests.commands + textOnly {
            let isTextOnly = textOnly.contains { $0.name == command.name }
            for json in isTextOnly ? [false] : [false, true] {
                let arguments =
                    ["--snapshot", FixturePaths.snapshot(fixture)] + command.arguments + (json ? ["--json"] : [])
                var rendered: String
                do {
                    let output = try CommandHarness.run(arguments)
                    rendered =
                        output.stdout + "\n--- stderr ---\n"
                        + output.stderrLines(verbose: false).joined(separator: "\n")
                        + "\n--- exit \(output.status.rawValue) ---\n"
                    if json { try checkJSON(output.stdout, fixture: fixture, command: command.name) }
                } catch let failure as CommandFailure {
                    // Under --json the binary also prints the error document on stdout: record it.
                    let document =
                        json ? (try? JSONOutput.render(CommandRunner.ErrorDocument(failure: failure))) ?? "" : ""
                    if json { try checkJSON(document, fixture: fixture, command: command.name) }
                    rendered =
                        document + "--- failure ---\n\(CommandRunner.line(for: failure))\n"
                        + "--- exit \(failure.status.rawValue) ---\n"
                }
                let suffix = json ? "json" : "txt"
                // Golden files must not depend on where the clone lives.
                let portable = rendered.replacingOccurrences(of: FixturePaths.fixtures.path, with: "Tests/Fixtures")
                Golden.assertMatches(portable, "\(fixture)/\(command.name).\(suffix)")
            }
        }
    }

    /// The JSON decodes back, with schema_version 1 and a diagnostics array at its root
    /// (docs/json-schema.md).
    private func checkJSON(_ text: String, fixture: String, command: String) throws {
        let object = try JSONSerialization.jsonObject(with: Data(text.utf8))
        let root = try #require(object as? [String: Any], "\(fixture) \(command): not a JSON object")
        #expect(root["schema_version"] as? Int == 1, "\(fixture) \(command): schema_version")
        #expect(root["diagnostics"] is [Any], "\(fixture) \(command): diagnostics")
    }
}
