import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// Issue 4 through the built binary: bad input, --apply on a copy of a fixture used as --root,
/// the journal, restore, and the exit statuses.
@Suite struct CPUCommandTests {
    /// A writable copy of a fixture.
    private func copy(_ name: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory(prefix: "hvctl-cpu-")
        let root = directory.path + "/" + name
        try FileManager.default.copyItem(atPath: FixturePaths.snapshot(name), toPath: root)
        return (directory, root)
    }

    private func channelCPUs(_ root: String) throws -> [String: Int] {
        let state = VMBusReader.read(try SnapshotMachine(path: root), options: .channelTargets)
        var result: [String: Int] = [:]
        for device in state.devices {
            for channel in device.channels { result["\(device.deviceID)/\(channel.relid)"] = channel.targetCPU }
        }
        return result
    }

    @Test(arguments: [
        (["cpu", "offline-check", "1-"], "is not a CPU list"),
        (["cpu", "offline-check", "42"], "no CPU 42 on this machine"),
        (["cpu", "evacuate", "4", "--to", "4"], "also being evacuated"),
        (["cpu", "evacuate", "4", "--to", "9"], "no CPU 9"),
        (["cpu", "evacuate", "0", "--apply", "--offline"], "connect CPU"),
        (["vmbus", "set-cpu", "000d3a7c", "99", "1"], "has no channel 99"),
        (["vmbus", "set-cpu", "ffffffff", "15", "1"], "no VMBus device matches"),
    ])
    func badInputIsAUsageError(_ arguments: [String], _ message: String) throws {
        let result = try CommandHarness.runBinary(["--snapshot", FixturePaths.snapshot("azure-d8ds-v5")] + arguments)
        #expect(result.status == 64, "\(arguments): \(result.stderr)")
        #expect(result.stderr.contains(message), "\(arguments): \(result.stderr)")
    }

    /// vmbus-broken has CPU 2 offline: it cannot receive channel interrupts (§3.4 check 5).
    @Test func anOfflineTargetIsAUsageError() throws {
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("vmbus-broken"), "cpu", "evacuate", "1", "--to", "2",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("CPU 2 is offline"))
    }

    @Test func evacuatingEveryCPULeavesNoDestination() throws {
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "cpu", "evacuate", "0-7",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("no online housekeeping CPU is left"))
    }

    @Test func offlineCheckExitsByTheVerdict() throws {
        let snapshot = FixturePaths.snapshot("azure-d8ds-v5")
        #expect(try CommandHarness.runBinary(["--snapshot", snapshot, "cpu", "offline-check", "5"]).status == 1)
        #expect(try CommandHarness.runBinary(["--snapshot", snapshot, "cpu", "offline-check", "0"]).status == 1)
        #expect(try CommandHarness.runBinary(["--snapshot", snapshot, "cpu", "offline-check", "--all"]).status == 1)
    }

    /// WS2016 negotiates VMBus 4.0: channels cannot be re-targeted (reference §5.3).
    @Test func aVMBus40GuestCannotEvacuate() throws {
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("ws2016-gen1"), "cpu", "evacuate", "3",
        ])
        #expect(result.status == 1)
        #expect(result.stderr.contains("VMBus 4.0 is older than 4.1"))
    }

    @Test func applyIsRefusedOnASnapshot() throws {
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "cpu", "evacuate", "5", "--apply",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("a snapshot is read-only"))
    }

    /// Under --root the kernel log is this machine's, which has no Vmbus line: the version is
    /// unknown and --apply needs --force; then the moves land, the journal records them, and restore
    /// puts every channel back exactly.
    @Test func applyJournalAndRestoreRoundTrip() throws {
        let (directory, root) = try copy("azure-d8ds-v5")
        let before = try channelCPUs(root)
        let journal = directory.path + "/moves.json"
        let refused = try CommandHarness.runBinary(["--root", root, "cpu", "evacuate", "4-7", "--apply"])
        #expect(refused.status == 1)
        #expect(refused.stderr.contains("--force"))
        #expect(try channelCPUs(root) == before)

        let applied = try CommandHarness.runBinary([
            "--root", root, "cpu", "evacuate", "4-7", "--apply", "--force", "--journal", journal,
        ])
        #expect(applied.status == 0, "\(applied.stderr)")
        let after = try channelCPUs(root)
        #expect(after.values.allSatisfy { !(4...7).contains($0) })
        let recorded = try MoveJournal.decode(Array(try Data(contentsOf: URL(fileURLWithPath: journal)))).get()
        #expect(recorded.moves.count == before.values.filter { (4...7).contains($0) }.count)
        for move in recorded.moves { #expect(after["\(move.deviceID)/\(move.relid)"] == move.to) }

        let restored = try CommandHarness.runBinary(["--root", root, "cpu", "restore", journal, "--apply", "--force"])
        #expect(restored.status == 0, "\(restored.stderr)")
        #expect(try channelCPUs(root) == before)
    }

    @Test func aGarbageJournalExits65NamingIt() throws {
        let directory = try TemporaryDirectory(prefix: "hvctl-journal-")
        let path = directory.path + "/bad.json"
        try Data("{nope".utf8).write(to: URL(fileURLWithPath: path))
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "cpu", "restore", path,
        ])
        #expect(result.status == 65)
        #expect(result.stderr.contains(path))
    }

    /// The command writes only through the context's writer: one that refuses with EACCES makes
    /// the run exit 77 with the root hint, every channel where it was.
    @Test func evacuateWritesThroughTheContextsWriter() throws {
        let (directory, root) = try copy("azure-d8ds-v5")
        defer { _ = directory }
        let before = try channelCPUs(root)
        let writer = RefusingWriter(.EACCES)
        let output = try CommandHarness.run(
            ["--root", root, "cpu", "evacuate", "4-7", "--apply", "--force", "--json"], writer: writer)
        #expect(writer.attempts.count == 1)
        #expect(writer.attempts.first?.hasSuffix("/cpu") == true)
        #expect(output.status == .permissionDenied)
        #expect(
            output.warnings.contains { $0.contains(PermissionHint.hint("writing channels/<relid>/cpu needs root")) })
        #expect(output.stdout.contains("\"succeeded\": false"))
        #expect(try channelCPUs(root) == before)
    }

    /// A sysfs that refuses writes with EACCES maps to 77 with the root hint.
    @Test func permissionDeniedMapsTo77() throws {
        let move = ChannelMove(deviceID: "d", relid: 1, from: 2, to: 3)
        let outcome = ChannelMover.Outcome(
            applied: [], rolledBack: [], failure: .init(move: move, message: "cannot write", errno: .EACCES),
            rollbackFailures: [])
        let failure = try #require(MoveRunFailure(outcome))
        #expect(failure.isPermissionDenied)
        let command = MoveExecution.commandFailure(failure)
        #expect(command.status == .permissionDenied)
        #expect(command.hint?.contains("root") == true)
    }
}
