import Foundation
import HyperVKit
import Testing

/// Issue 12: SIGTERM during an unpack or a capture leaves nothing behind, neither `$TMPDIR/hvctl-*`
/// (an unpacked snapshot) nor `<dest>.tmp-*` (a capture in progress), and the exit status is the
/// signal's. A capture to `.tar.gz` never uses $TMPDIR at all.
@Suite(.serialized) struct SignalCleanupTests {
    /// The 416-CPU tree of Benchmarks/make-large-tree.py, packed: unpacking and capturing it take
    /// seconds, long enough to be interrupted.
    /// Made once for the suite.
    static let shared: Result<(TemporaryDirectory, String), any Error> = Result {
        let scratch = try TemporaryDirectory(prefix: "hvctl-signal-large-")
        return (scratch, try makeLargeSnapshot(in: scratch))
    }

    private func largeSnapshot() throws -> String {
        try Self.shared.get().1
    }

    private static func makeLargeSnapshot(in scratch: TemporaryDirectory) throws -> String {
        let tree = scratch.path + "/large"
        let made = try CommandHarness.runExecutable(
            URL(fileURLWithPath: "/usr/bin/python3"),
            [FixturePaths.packageRoot.appendingPathComponent("Benchmarks/make-large-tree.py").path, "-o", tree])
        #expect(made.status == 0, "\(made.stderr)")
        let tarball = scratch.path + "/large.tar.gz"
        let packed = try CommandHarness.runExecutable(
            URL(fileURLWithPath: "/bin/tar"), ["czf", tarball, "-C", scratch.path, "large"])
        #expect(packed.status == 0)
        return tarball
    }

    private func entries(_ directory: String) -> [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []).sorted()
    }

    @Test(arguments: [(0.4, "out.tar.gz"), (2.0, "out.tar.gz"), (0.4, "out"), (2.0, "out")])
    func aSignalLeavesNoTemporaryBehind(after seconds: Double, output name: String) throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-signal-")
        let snapshot = try largeSnapshot()
        let tmp = scratch.path + "/tmp"
        let destination = scratch.path + "/dest"
        try FileManager.default.createDirectory(atPath: tmp, withIntermediateDirectories: false)
        try FileManager.default.createDirectory(atPath: destination, withIntermediateDirectories: false)
        let process = Process()
        process.executableURL = CommandHarness.binary
        process.arguments = ["--snapshot", snapshot, "snapshot", "-o", destination + "/" + name]
        process.environment = ["PATH": "/usr/bin:/bin", "TMPDIR": tmp]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        Thread.sleep(forTimeInterval: seconds)
        #expect(process.isRunning, "the capture ended before the signal: make the tree larger")
        process.terminate()
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(process.terminationStatus == SIGTERM)
        #expect(entries(tmp).isEmpty, "\(entries(tmp))")
        #expect(entries(destination).isEmpty, "\(entries(destination))")
    }

    @Test func aTarballCaptureNeverUsesTMPDIR() throws {
        let scratch = try TemporaryDirectory(prefix: "hvctl-signal-")
        // A TMPDIR that does not exist: any use of it would fail the capture (even as root).
        let tmp = scratch.path + "/no-such-tmp"
        let result = try CommandHarness.runBinary(
            ["--snapshot", FixturePaths.snapshot("azure-d8ds-v5"), "snapshot", "-o", scratch.path + "/c.tar.gz"],
            environment: ["TMPDIR": tmp])
        #expect(result.status == 0, "\(result.stderr)")
        #expect(!FileManager.default.fileExists(atPath: tmp))
    }
}
