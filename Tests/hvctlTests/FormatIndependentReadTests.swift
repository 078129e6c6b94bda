import HyperVKit
import Testing

@testable import hvctl

/// What a command reads does not depend on the output format (issue 16): text and `--json` of the
/// same command on the same machine report the same diagnostics, in the same order. Before, `vmbus
/// devices` read the channels' attributes only for JSON, so the text listing kept quiet about an
/// unreadable or closed channel that the JSON reported.
@Suite struct FormatIndependentReadTests {
    @Test(arguments: FixturePaths.snapshotNames)
    func textAndJSONWarnTheSame(_ fixture: String) {
        for command in GoldenTests.commands {
            let arguments = ["--snapshot", FixturePaths.snapshot(fixture)] + command.arguments
            let text = try? CommandHarness.run(arguments)
            let json = try? CommandHarness.run(arguments + ["--json"])
            #expect((text == nil) == (json == nil), "\(fixture) \(command.name): one format failed")
            guard let text, let json else { continue }
            #expect(
                text.allDiagnostics.map(\.description) == json.allDiagnostics.map(\.description),
                "\(fixture) \(command.name)")
            #expect(text.status == json.status, "\(fixture) \(command.name)")
        }
    }
}
