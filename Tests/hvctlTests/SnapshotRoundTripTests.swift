import Foundation
import HyperVKit
import Testing

@testable import hvctl

/// Issue 6, "Done when": snapshot a fixture used as `--root` (with its CPUID and MSRs), replay the
/// result, and every command's JSON is identical to the fixture's. Values that name the snapshot's
/// own path (the machine's origin in messages) are normalised; nothing else is.
@Suite struct SnapshotRoundTripTests {
    /// Every report command, as `hvctl --snapshot S <command> --json` runs it (issue 16: kernel,
    /// health, msr and metrics too).
    static let commands: [[String]] = [
        ["info"], ["features"], ["vmbus", "devices"], ["vmbus", "channels"], ["vmbus", "version"], ["cpu", "list"],
        ["cpu", "map"], ["cpu", "offline-check", "--all"], ["kernel"], ["health"], ["msr", "--all-cpus"], ["metrics"],
    ]

    /// One command's JSON (or failure) on a snapshot, with the snapshot's path replaced.
    static func replay(_ snapshot: String, _ command: [String]) -> String {
        var text: String
        do {
            // metrics has no --json: its exposition is compared, less the two samples about the run.
            let json = command != ["metrics"]
            let output = try CommandHarness.run(["--snapshot", snapshot] + command + (json ? ["--json"] : []))
            let stdout = output.stdout.split(separator: "\n", omittingEmptySubsequences: false).filter {
                !$0.hasPrefix("hvctl_run_timestamp_seconds ") && !$0.hasPrefix("hvctl_run_duration_seconds ")
            }.joined(separator: "\n")
            text = "status \(output.status)\n" + stdout + output.stderrLines(verbose: true).joined(separator: "\n")
        } catch let failure as CommandFailure {
            text = "failure \(failure.status): \(failure.message) \(failure.hint ?? "")"
        } catch {
            text = "error \(error)"
        }
        return normalisedCapture(normalisedLineCounts(text.replacingOccurrences(of: snapshot, with: "SNAPSHOT")))
    }

    /// `info`'s `capture` says when and by which build the capture was taken: a capture of a
    /// capture is newer and by this build, on purpose. The machine it describes must not differ.
    static func normalisedCapture(_ text: String) -> String {
        text.replacingOccurrences(of: #""taken_at": "[^"]*""#, with: "\"taken_at\": T", options: .regularExpression)
            .replacingOccurrences(
                of: #""tool": "hvctl [^"]*""#, with: "\"tool\": \"hvctl\"", options: .regularExpression)
    }

    /// A capture keeps only the kernel log lines about Hyper-V, VMBus, the clocksource and CPU
    /// hotplug (`KernelLogFilter`, issue 12: the rest is none of support's business), so
    /// `kernel_log.errors` scans fewer lines of a capture and numbers them differently. The
    /// errors it finds, their patterns and texts must be the same; the counts and numbers of lines
    /// are the one thing compared loosely.
    static func normalisedLineCounts(_ text: String) -> String {
        text.replacingOccurrences(
            of: #""lines_scanned": [0-9]+"#, with: "\"lines_scanned\": N", options: .regularExpression
        )
        .replacingOccurrences(of: #""line": [0-9]+"#, with: "\"line\": N", options: .regularExpression)
        .replacingOccurrences(
            of: #"from the Hyper-V drivers in [0-9]+ lines?"#, with: "from the Hyper-V drivers in N lines",
            options: .regularExpression)
    }

    /// Puts back the MSR reads that failed in the fixture (`msr/cpuN.txt` errno lines), which a
    /// root tree's stand-in device file cannot fail (FixtureRootTree): the capture wrote what the
    /// tree could give, the fixture says what the machine gave.
    static func restoreFailedMSRs(from fixture: String, in output: String) throws {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture + "/msr")) ?? []
        for name in names where name.hasPrefix("cpu") && name.hasSuffix(".txt") {
            let original = try MSRDump.parse(
                String(decoding: try FixtureRootTree.read(fixture + "/msr/" + name), as: UTF8.self)
            ).get()
            let failed = original.values.filter { if case .failure = $0.value { true } else { false } }
            guard !failed.isEmpty else { continue }
            let path = output + "/msr/" + name
            var dump =
                (try? MSRDump.parse(String(decoding: try FixtureRootTree.read(path), as: UTF8.self)).get()) ?? MSRDump()
            for (index, result) in failed { dump.values[index] = result }
            try? FileManager.default.removeItem(atPath: path)
            try FileManager.default.createDirectory(atPath: output + "/msr", withIntermediateDirectories: true)
            try FixtureRootTree.write(path, Array(dump.render().utf8))
        }
    }

    /// The commands that read MSRs (directly, or through health checks and metrics).
    static let readingMSRs: Set<[String]> = [["health"], ["msr", "--all-cpus"], ["metrics"]]

    /// The commands whose replay can match: a fixture that records ENOENT for its MSRs (the msr
    /// driver not loaded) replays as "not captured", because a capture writes no MSR file for a
    /// CPU whose device is missing (a remark says `modprobe msr` instead; SnapshotCaptureMSRTests).
    static func comparable(_ fixture: String) -> [[String]] {
        let names = (try? FileManager.default.contentsOfDirectory(atPath: fixture + "/msr")) ?? []
        let driverMissing = names.contains { name in
            let text = (try? String(contentsOfFile: fixture + "/msr/" + name, encoding: .utf8)) ?? ""
            return text.contains(" ENOENT")
        }
        return driverMissing ? commands.filter { !readingMSRs.contains($0) } : commands
    }

    static func expectSameReplays(
        _ fixture: String, _ output: String, _ label: String, commands: [[String]]? = nil
    ) {
        for command in commands ?? comparable(fixture) {
            let expected = replay(fixture, command)
            let actual = replay(output, command)
            #expect(actual == expected, "\(label): hvctl \(command.joined(separator: " ")) differs")
        }
    }

    /// Puts back the errno of each file the root tree could only make unreadable with ENXIO, after
    /// checking the capture recorded it.
    static func restorePlantedErrors(_ tree: FixtureRootTree, in output: String) throws {
        let path = output + "/" + SnapshotManifest.fileName
        var manifest = try SnapshotManifest.decode(try FixtureRootTree.read(path)).get()
        for (key, errno) in tree.planted {
            #expect(manifest.unreadable?[key] == "ENXIO", "\(key) was not recorded as unreadable")
            manifest.unreadable?[key] = errno
        }
        try FixtureRootTree.write(path, try manifest.encoded().get())
    }

    /// Fixtures with a kernel log: a --root tree's log is this machine's unless --kernel-log gives
    /// one, and "no log" cannot be given (the partial captures of issue 13 are checked through
    /// --snapshot below).
    static var withKernelLog: [String] {
        FixturePaths.snapshotNames.filter {
            FileManager.default.fileExists(atPath: FixturePaths.snapshot($0) + "/kernel.log")
        }
    }

    @Test(arguments: withKernelLog)
    func aFixtureUsedAsRootRoundTrips(_ name: String) throws {
        let fixture = FixturePaths.snapshot(name)
        let tree = try FixtureRootTree(fixture: fixture)
        let scratch = try TemporaryDirectory(prefix: "hvctl-round-trip-")
        let output = scratch.path + "/out"
        let result = try CommandHarness.runBinary([
            "--root", tree.path, "--kernel-log", fixture + "/kernel.log", "snapshot", "-o", output, "--no-redact",
        ])
        try #require(result.status == 0, "\(result.stderr)")
        #expect(result.stdout.hasPrefix("Wrote "))
        try Self.restorePlantedErrors(tree, in: output)
        try Self.restoreFailedMSRs(from: fixture, in: output)
        Self.expectSameReplays(fixture, output, name + " via --root")
    }

    /// Capturing a snapshot reproduces it (the Machine seam makes a snapshot one more machine).
    @Test(arguments: FixturePaths.snapshotNames)
    func aSnapshotOfASnapshotRoundTrips(_ name: String) throws {
        let fixture = FixturePaths.snapshot(name)
        let scratch = try TemporaryDirectory(prefix: "hvctl-round-trip-")
        let output = scratch.path + "/out"
        let result = try CommandHarness.run(["--snapshot", fixture, "snapshot", "-o", output, "--no-redact"])
        #expect(result.status == .success)
        Self.expectSameReplays(fixture, output, name + " via --snapshot")
    }

    /// MSRs through a root tree: the fixtures carry none, so this one adds the values a healthy
    /// 6.1 guest programs (reference §2.2/§2.3: GUEST_OS_ID 0x8100000601C00000, SINT2 0x200F3 with
    /// vector 0xF3 and auto-EOI, SCONTROL enable bit) and VP_INDEX = CPU number on the 8 CPUs of
    /// azure-d8ds-v5. Every value planted comes back; `cpu list` shows the VP indexes.
    @Test func msrValuesRoundTrip() throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-msr-fixture-")
        let fixture = scratch.path + "/fixture"
        let copy = try CommandHarness.runExecutable(
            URL(fileURLWithPath: "/bin/cp"), ["-a", FixturePaths.snapshot("azure-d8ds-v5"), fixture])
        try #require(copy.status == 0)
        for cpu in 0..<8 {
            let text = """
                0x40000000 0x8100000601c00000
                0x40000001 0x0000000001e8f001
                0x40000002 \(hex64(UInt64(cpu)))
                0x40000080 0x0000000000000001
                0x40000092 0x00000000000200f3

                """
            try FixtureRootTree.write(fixture + "/msr/cpu\(cpu).txt", Array(text.utf8))
        }
        let tree = try FixtureRootTree(fixture: fixture)
        let output = scratch.path + "/out"
        let result = try CommandHarness.runBinary([
            "--root", tree.path, "--kernel-log", fixture + "/kernel.log", "snapshot", "-o", output, "--no-redact",
        ])
        try #require(result.status == 0, "\(result.stderr)")
        try Self.restorePlantedErrors(tree, in: output)
        let original = try SnapshotMachine(path: fixture)
        let replay = try SnapshotMachine(path: output)
        for cpu in 0..<8 {
            for index: UInt32 in [0x4000_0000, 0x4000_0001, 0x4000_0002, 0x4000_0080, 0x4000_0092] {
                #expect(replay.msr(index, cpu: cpu) == original.msr(index, cpu: cpu))
            }
        }
        #expect(replay.msr(0x4000_0002, cpu: 5) == .success(5))
        // The MSRs not planted read as zeros from the stand-in file's holes (FixtureRootTree), so
        // the commands that read every MSR are compared by the values above instead.
        Self.expectSameReplays(
            fixture, output, "azure-d8ds-v5 with MSRs",
            commands: Self.commands.filter { !Self.readingMSRs.contains($0) })
        let list = try CommandHarness.run(["--snapshot", output, "cpu", "list", "--json"]).stdout
        #expect(list.contains("\"vp_index\": 7"))
    }
}
