import Foundation
import Synchronization
import Testing

@testable import HyperVKit

/// A snapshot appears whole or not at all, and never over something it would clobber (issue 6).
@Suite struct SnapshotWriterTests {
    static let options = SnapshotOptions(redact: false, tool: "hvctl test", createdAt: "2026-11-26T00:00:00Z")

    static func fixture(_ name: String = "wsl2-26100") throws -> SnapshotMachine {
        try SnapshotMachine(path: CaptureFixtures.path(name))
    }

    @Test func refusesANonEmptyDirectoryAndWrongKinds() throws {
        let scratch = try ScratchDirectory()
        try scratch.write("taken/file", "x")
        try scratch.write("plain", "x")
        try FileManager.default.createDirectory(atPath: scratch.path + "/dir.tar.gz", withIntermediateDirectories: true)
        for destination in [
            SnapshotDestination(path: scratch.path + "/taken"), SnapshotDestination(path: scratch.path + "/plain"),
            SnapshotDestination(path: scratch.path + "/dir.tar.gz"),
        ] {
            #expect {
                try SnapshotWriter.write(try Self.fixture(), to: destination, options: Self.options)
            } throws: { error in
                (error as? SnapshotWriteError)?.kind == .destinationTaken
            }
        }
        #expect(try String(contentsOfFile: scratch.path + "/taken/file", encoding: .utf8) == "x")
        #expect(
            try FileManager.default.contentsOfDirectory(atPath: scratch.path).sorted() == [
                "dir.tar.gz", "plain", "taken",
            ])
    }

    @Test func fillsAnEmptyDirectoryAndLeavesNoTemporaryName() throws {
        let scratch = try ScratchDirectory()
        try FileManager.default.createDirectory(atPath: scratch.path + "/out", withIntermediateDirectories: true)
        let summary = try SnapshotWriter.write(
            try Self.fixture(), to: SnapshotDestination(path: scratch.path + "/out/"), options: Self.options)
        #expect(summary.files > 0)
        #expect(try SnapshotMachine(path: scratch.path + "/out").manifest.tool == "hvctl test")
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["out"])
    }

    /// The tarball holds one top-level directory named after it, and reads back as the same machine.
    @Test func aTarballReadsBack() throws {
        let scratch = try ScratchDirectory()
        let path = scratch.path + "/case-42.tar.gz"
        _ = try SnapshotWriter.write(try Self.fixture(), to: .tarball(path), options: Self.options)
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path) == ["case-42.tar.gz"])
        let replay = try SnapshotMachine(path: path)
        #expect(replay.rootPath.hasSuffix("/case-42"))
        let directory = scratch.path + "/dir"
        _ = try SnapshotWriter.write(try Self.fixture(), to: .directory(directory), options: Self.options)
        var fromDirectory = TreeWalker.entries(directory)
        var fromTarball = TreeWalker.entries(replay.rootPath)
        fromDirectory[SnapshotManifest.fileName] = nil
        fromTarball[SnapshotManifest.fileName] = nil
        #expect(fromTarball == fromDirectory)
        #expect(replay.cpuidCPUs == Array(0..<12))
    }

    /// Mid-capture, the destination still holds what it held: an old tarball, an empty directory.
    @Test func theDestinationIsUntouchedUntilTheEnd() throws {
        let scratch = try ScratchDirectory()
        let tarball = scratch.path + "/old.tar.gz"
        try scratch.write("old.tar.gz", "the previous snapshot")
        try FileManager.default.createDirectory(atPath: scratch.path + "/empty", withIntermediateDirectories: true)
        let seen = Mutex<[String]>([])
        let root = scratch.path
        let tarballSpy = SpyMachine(base: try Self.fixture()) {
            let old = (try? String(contentsOfFile: tarball, encoding: .utf8)) ?? "replaced"
            seen.withLock { $0.append(old) }
        }
        let directorySpy = SpyMachine(base: try Self.fixture()) {
            let entries = (try? FileManager.default.contentsOfDirectory(atPath: root + "/empty")) ?? ["gone"]
            seen.withLock { $0.append("[" + entries.joined() + "]") }
        }
        _ = try SnapshotWriter.write(tarballSpy, to: .tarball(tarball), options: Self.options)
        _ = try SnapshotWriter.write(directorySpy, to: .directory(root + "/empty"), options: Self.options)
        let observed = seen.withLock { $0 }
        #expect(!observed.isEmpty)
        #expect(Set(observed) == ["the previous snapshot", "[]"])
        #expect(try SnapshotMachine(path: tarball).manifest.tool == "hvctl test")
        #expect(try SnapshotMachine(path: scratch.path + "/empty").manifest.tool == "hvctl test")
    }

    /// A capture that fails half-way leaves nothing behind: no destination, no temporary directory.
    @Test func aFailedCaptureLeavesNothing() throws {
        let scratch = try ScratchDirectory()
        let root = scratch.path
        let spy = SpyMachine(base: try Self.fixture()) {
            // Pull the working directory away: the next write fails.
            for name in (try? FileManager.default.contentsOfDirectory(atPath: root)) ?? [] {
                try? FileManager.default.removeItem(atPath: root + "/" + name)
            }
        }
        #expect {
            try SnapshotWriter.write(spy, to: .directory(scratch.path + "/out"), options: Self.options)
        } throws: { error in
            guard case .io = (error as? SnapshotWriteError)?.kind else { return false }
            return true
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: scratch.path).isEmpty)
    }

    @Test func namesTheTopDirectoryAfterTheFile() {
        #expect(SnapshotWriter.topDirectory("/tmp/case.tar.gz") == "case")
        #expect(SnapshotWriter.topDirectory("x.tgz") == "x")
        #expect(SnapshotWriter.topDirectory(".tar.gz") == "snapshot")
        #expect(SnapshotDestination(path: "a.tgz") == .tarball("a.tgz"))
        #expect(SnapshotDestination(path: "a.tar") == .directory("a.tar"))
        #expect(SnapshotDestination(path: "out//") == .directory("out"))
        #expect(SnapshotDestination(path: "/") == .directory("/"))
    }
}

/// A snapshot that runs `probe` when the capture reads CPUID leaf 0 of CPU 0: after the sysfs tree
/// and the kernel log were written, before the manifest.
struct SpyMachine: Machine {
    let base: SnapshotMachine
    let probe: @Sendable () -> Void

    init(base: SnapshotMachine, probe: @escaping @Sendable () -> Void) {
        self.base = base
        self.probe = probe
    }

    var origin: String { base.origin }
    var architecture: Architecture { base.architecture }
    var kernelRelease: String? { base.kernelRelease }
    func file(at path: String) -> Result<[UInt8], ReadFailure> { base.file(at: path) }
    func directory(at path: String) -> Result<[String], ReadFailure> { base.directory(at: path) }
    func link(at path: String) -> Result<String, ReadFailure> { base.link(at: path) }
    func msr(_ index: UInt32, cpu: Int) -> Result<UInt64, ReadFailure> { base.msr(index, cpu: cpu) }
    func kernelLog() -> Result<[String], ReadFailure> { base.kernelLog() }

    func cpuid(leaf: UInt32, subleaf: UInt32, cpu: Int) -> Result<CPUIDRegisters, ReadFailure> {
        if leaf == 0 && cpu == 0 { probe() }
        return base.cpuid(leaf: leaf, subleaf: subleaf, cpu: cpu)
    }
}
