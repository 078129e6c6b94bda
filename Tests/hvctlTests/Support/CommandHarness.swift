import Foundation
import HyperVKit

@testable import hvctl

/// Runs hvctl commands in-process (fast, for golden files) or as the built binary (for exit codes
/// and the separation of stdout and stderr).
enum CommandHarness {
    /// Parses `arguments` as the command line and runs the command's `produce` on its machine.
    /// A command told to `--apply` writes through `writer` (by default, nothing can be written).
    static func run(_ arguments: [String], writer: (any SysfsWriter)? = nil) throws -> CommandOutput {
        let command = try HVCtl.parseAsRoot(arguments)
        guard let report = command as? any ReportCommand else {
            throw HarnessError("\(arguments) is not a report command")
        }
        let machine = try report.global.openMachine()
        var context = CommandContext(machine: machine, json: report.global.json, color: false)
        if let writer { context.openWriter = { writer } }
        return try report.produce(context)
    }

    struct HarnessError: Error, CustomStringConvertible {
        var description: String
        init(_ description: String) { self.description = description }
    }

    struct ProcessResult {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// The hvctl binary SwiftPM built next to the test bundle.
    static var binary: URL {
        let bundle = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }
        let products = bundle.map { URL(fileURLWithPath: $0.bundlePath).deletingLastPathComponent() }
        return (products ?? FixturePaths.packageRoot.appendingPathComponent(".build/debug")).appendingPathComponent(
            "hvctl")
    }

    /// Runs the built binary with a clean environment (no colour, no terminal).
    static func runBinary(_ arguments: [String], environment: [String: String] = [:]) throws -> ProcessResult {
        try runExecutable(binary, arguments, environment: environment)
    }

    /// Runs any executable the same way: clean environment, stdout and stderr kept apart.
    static func runExecutable(
        _ executable: URL, _ arguments: [String], environment: [String: String] = [:]
    ) throws -> ProcessResult {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        var env = ["PATH": "/usr/bin:/bin", "TERM": "dumb"]
        env.merge(environment) { $1 }
        process.environment = env
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let stdout = out.fileHandleForReading.readDataToEndOfFile()
        let stderr = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return ProcessResult(
            status: process.terminationStatus, stdout: String(decoding: stdout, as: UTF8.self),
            stderr: String(decoding: stderr, as: UTF8.self))
    }
}
