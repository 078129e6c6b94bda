import Foundation
import HyperVKit
import Testing

#if canImport(Glibc)
    import Glibc
#endif

/// Issue 12 through the built binary: `--journal` never destroys what is at its path, a journal
/// that cannot be written moves nothing, and a failed sysfs write leaves the old value whole.
@Suite struct MoveSafetyTests {
    private func copy(_ name: String) throws -> (TemporaryDirectory, String) {
        let directory = try TemporaryDirectory(prefix: "hvctl-move-safety-")
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

    private func evacuate(_ root: String, journal: String) throws -> CommandHarness.ProcessResult {
        try CommandHarness.runBinary([
            "--root", root, "cpu", "evacuate", "4-7", "--apply", "--force", "--journal", journal,
        ])
    }

    @Test func anExistingDirectoryIsLeftIntactAndNothingMoves() throws {
        let (directory, root) = try copy("azure-d8ds-v5")
        let before = try channelCPUs(root)
        let taken = directory.path + "/results"
        try FileManager.default.createDirectory(atPath: taken, withIntermediateDirectories: false)
        try Data("keep me\n".utf8).write(to: URL(fileURLWithPath: taken + "/notes.txt"))
        let result = try evacuate(root, journal: taken)
        #expect(result.status == 64, "\(result.stderr)")
        #expect(
            result.stderr
                == "hvctl: \(taken) is a directory, not a regular file: not a journal, left alone (hint: name a new file for --journal)\n"
        )
        #expect(try String(contentsOfFile: taken + "/notes.txt", encoding: .utf8) == "keep me\n")
        #expect(try channelCPUs(root) == before)
    }

    @Test func anotherFileOrALinkIsNeverReplaced() throws {
        let (directory, root) = try copy("azure-d8ds-v5")
        let before = try channelCPUs(root)
        let victim = directory.path + "/victim.conf"
        try Data("important\n".utf8).write(to: URL(fileURLWithPath: victim))
        let plain = try evacuate(root, journal: victim)
        #expect(plain.status == 64)
        #expect(plain.stderr.contains("is not an hvctl move journal"))
        let link = directory.path + "/journal.json"
        #expect(symlink(victim, link) == 0)
        let linked = try evacuate(root, journal: link)
        #expect(linked.status == 64)
        #expect(linked.stderr.contains("is a symbolic link"))
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "important\n")
        #expect(try channelCPUs(root) == before)
    }

    /// The old code opened `<journal>.tmp` with O_TRUNC and followed a link planted there.
    @Test func aPlantedTemporaryLinkIsNotFollowed() throws {
        let (directory, root) = try copy("azure-d8ds-v5")
        let victim = directory.path + "/victim.conf"
        try Data("important\n".utf8).write(to: URL(fileURLWithPath: victim))
        let journal = directory.path + "/moves.json"
        #expect(symlink(victim, journal + ".tmp") == 0)
        let result = try evacuate(root, journal: journal)
        #expect(result.status == 0, "\(result.stderr)")
        #expect(try String(contentsOfFile: victim, encoding: .utf8) == "important\n")
        let recorded = try MoveJournal.decode(Array(try Data(contentsOf: URL(fileURLWithPath: journal)))).get()
        #expect(recorded.complete && recorded.moves.count == 5)
        // A journal may replace an earlier journal: it is what restore reads.
        let again = try CommandHarness.runBinary(["--root", root, "cpu", "restore", journal, "--apply", "--force"])
        #expect(again.status == 0, "\(again.stderr)")
    }

    @Test func anUnwritableJournalMovesNothingAndSaysSo() throws {
        let (directory, root) = try copy("azure-d8ds-v5")
        let before = try channelCPUs(root)
        let result = try evacuate(root, journal: directory.path + "/no/such/dir/j.json")
        #expect(result.status == 74, "\(result.stderr)")
        #expect(result.stderr.contains("hvctl: cannot write the journal: cannot create a temporary file in "))
        #expect(result.stderr.contains("no channel was moved"))
        #expect(!result.stderr.contains("NSCocoaErrorDomain"))
        #expect(result.stdout.contains("JOURNAL  cannot write"))
        #expect(try channelCPUs(root) == before)
    }

    @Test func aJournalWithoutApplyIsAUsageError() throws {
        let result = try CommandHarness.runBinary([
            "--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "cpu", "evacuate", "5", "--journal", "/tmp/x.json",
        ])
        #expect(result.status == 64)
        #expect(result.stderr.contains("--journal needs --apply"))
    }

    /// A write the file system refuses (EFBIG from RLIMIT_FSIZE=0, with SIGXFSZ ignored) must leave
    /// the attribute as it was: the old writer truncated it to nothing first.
    @Test func aFailedWriteLeavesTheOldValue() throws {
        guard FileManager.default.isExecutableFile(atPath: "/usr/bin/prlimit") else {
            Issue.record("prlimit (util-linux) is missing")
            return
        }
        let (directory, root) = try copy("azure-d8ds-v5")
        defer { withExtendedLifetime(directory) {} }
        let path = root + "/sys/bus/vmbus/devices/000d3a7c-3c9a-000d-3a7c-3c9a000d3a7c/channels/15/cpu"
        let before = try String(contentsOfFile: path, encoding: .utf8)
        let script = "trap '' XFSZ; exec /usr/bin/prlimit --fsize=0 \"$0\" \"$@\""
        let result = try CommandHarness.runExecutable(
            URL(fileURLWithPath: "/bin/sh"),
            [
                "-c", script, CommandHarness.binary.path, "--root", root, "vmbus", "set-cpu", "000d3a7c", "15", "2",
                "--apply", "--force",
            ])
        #expect(result.status == 74, "\(result.stderr)")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == before)
    }
}
