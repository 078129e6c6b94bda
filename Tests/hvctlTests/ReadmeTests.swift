import Foundation
import Testing

/// The README's examples are what hvctl prints: every ```console block's `$ hvctl …` command is
/// run as the built binary from the package root and its stdout compared with the block.
@Suite struct ReadmeTests {
    struct Example: CustomStringConvertible {
        var arguments: [String]
        var expected: String
        var description: String { arguments.joined(separator: " ") }
    }

    static var examples: [Example] {
        let url = FixturePaths.packageRoot.appendingPathComponent("README.md")
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        var examples: [Example] = []
        var current: Example?
        var inConsole = false
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            if line == "```console" {
                inConsole = true
            } else if inConsole && line == "```" {
                if let example = current { examples.append(example) }
                current = nil
                inConsole = false
            } else if inConsole && line.hasPrefix("$ hvctl") {
                if let example = current { examples.append(example) }
                current = Example(arguments: line.dropFirst(8).split(separator: " ").map(String.init), expected: "")
            } else if inConsole {
                current?.expected += line + "\n"
            }
        }
        return examples
    }

    /// Every ```console block is closed before the next opens (a merge once left one open, and
    /// the next example silently became part of it).
    @Test func consoleBlocksAreClosed() throws {
        let text = try String(contentsOf: FixturePaths.packageRoot.appendingPathComponent("README.md"), encoding: .utf8)
        var open = false
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            if line.hasPrefix("```") && line != "```" {
                #expect(!open, "README.md:\(number + 1) opens a block inside another")
                open = true
            } else if line == "```" {
                open = !open
            }
        }
        #expect(!open, "README.md ends inside a block")
    }

    @Test func thereAreExamples() {
        #expect(ReadmeTests.examples.count >= 4)
    }

    @Test(arguments: examples)
    func exampleOutputIsReal(_ example: Example) throws {
        let process = Process()
        process.executableURL = CommandHarness.binary
        process.arguments = example.arguments
        process.currentDirectoryURL = FixturePaths.packageRoot
        process.environment = ["PATH": "/usr/bin:/bin", "TERM": "dumb"]
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        #expect(String(decoding: data, as: UTF8.self) == example.expected, "README example: hvctl \(example)")
    }
}
