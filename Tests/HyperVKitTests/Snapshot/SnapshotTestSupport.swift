import Foundation

@testable import HyperVKit

/// A scratch directory for one test, removed afterwards.
final class ScratchDirectory {
    private let directory: TemporaryDirectory
    var path: String { directory.path }

    init() throws {
        directory = try TemporaryDirectory(prefix: "hvctl-test-")
    }

    /// Writes a file (creating parents) and returns its path.
    @discardableResult
    func write(_ relative: String, _ text: String) throws -> String {
        try write(relative, Array(text.utf8))
    }

    @discardableResult
    func write(_ relative: String, _ bytes: [UInt8]) throws -> String {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data(bytes).write(to: url)
        return url.path
    }

    func link(_ relative: String, to target: String) throws {
        let url = URL(fileURLWithPath: path).appendingPathComponent(relative)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: url.path, withDestinationPath: target)
    }

    /// A minimal valid manifest.
    func writeManifest(arch: String = "x86_64", extra: String = "") throws {
        try write(
            "hvctl-snapshot.json",
            """
            {"format": 1, "createdAt": "2026-11-26T00:00:00Z", "tool": "hvctl 0.1.0", "arch": "\(arch)", \
            "kernelRelease": "6.1.0-28-cloud-amd64"\(extra)}
            """)
    }
}

/// Runs a command line tool and returns its exit status.
@discardableResult
func runTool(_ path: String, _ arguments: [String], in directory: String? = nil) throws -> Int32 {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: path)
    process.arguments = arguments
    if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    process.waitUntilExit()
    return process.terminationStatus
}
