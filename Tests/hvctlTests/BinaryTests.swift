import Foundation
import Testing

/// The built binary: exit statuses, stdout and stderr kept apart, help (docs/architecture.md, "Tests").
@Suite struct BinaryTests {
    @Test func helpDocumentsTheExitStatuses() throws {
        let result = try CommandHarness.runBinary(["--help"])
        #expect(result.status == 0)
        for line in [
            " 0  success", " 1  the answer is no", "64  usage error", "65  the input is invalid",
            "69  not applicable", "74  an I/O error", "77  permission denied",
        ] {
            #expect(result.stdout.contains(line), "--help lacks \"\(line)\"")
        }
    }

    @Test func versionPrintsTheToolVersion() throws {
        let result = try CommandHarness.runBinary(["--version"])
        #expect(result.status == 0)
        #expect(result.stdout == "0.1.0\n")
    }

    @Test func usageErrorsExit64() throws {
        #expect(try CommandHarness.runBinary(["features", "--source", "nonsense"]).status == 64)
        #expect(try CommandHarness.runBinary(["--snapshot", "a", "--root", "b", "info"]).status == 64)
        #expect(try CommandHarness.runBinary(["no-such-command"]).status == 64)
    }

    @Test func anUnreadableSnapshotExits65WithOneLineOnStderr() throws {
        let result = try CommandHarness.runBinary(["--snapshot", "/nonexistent/snapshot", "info"])
        #expect(result.status == 65)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr.hasPrefix("hvctl: "))
        #expect(result.stderr.split(separator: "\n").count == 1)
        #expect(result.stderr.contains("/nonexistent/snapshot"))
    }
}
