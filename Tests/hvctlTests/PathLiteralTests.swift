import Foundation
import Testing

/// Issue 16: an OS path is spelled only where a reader declares its sources (files holding a
/// `MachineSource`), and each path in one file only, so a reader that reads a new file cannot do
/// it behind the declarations' back and two files never drift apart on one path.
@Suite struct PathLiteralTests {
    private struct Spelling: Hashable {
        var path: String
        var file: String
        var line: Int
        /// The file declares sources (holds a `MachineSource`).
        var inDeclarations: Bool
    }

    private func spellings() throws -> [Spelling] {
        let sources = FixturePaths.packageRoot.appendingPathComponent("Sources")
        let files = try #require(FileManager.default.enumerator(atPath: sources.path)).compactMap { $0 as? String }
            .filter { $0.hasSuffix(".swift") }
        // `"/sys…"`, `"/proc…"`, … at the start of a string literal, up to the end of the literal,
        // an interpolation or a space (a message that names a path).
        let literal = #/"(/(?:sys|proc|dev|var|boot|etc|run)(?:/[^"\\\s]*)?)(?=["\\\s])/#
        var found: [Spelling] = []
        for file in files.sorted() {
            let text = try String(contentsOf: sources.appendingPathComponent(file), encoding: .utf8)
            let declares = text.contains("MachineSource(")
            for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
                if line.trimmingPrefix(while: \.isWhitespace).hasPrefix("//") { continue }
                for match in line.matches(of: literal) {
                    found.append(
                        Spelling(path: String(match.output.1), file: file, line: number + 1, inDeclarations: declares))
                }
            }
        }
        return found
    }

    @Test func osPathsAreSpelledOnlyWhereSourcesAreDeclared() throws {
        let found = try spellings()
        #expect(found.count > 10, "the scan found too few paths to be scanning the sources")
        for spelling in found where !spelling.inDeclarations {
            Issue.record("\(spelling.file):\(spelling.line) spells \(spelling.path) outside the source declarations")
        }
    }

    @Test func noPathIsSpelledInTwoFiles() throws {
        let byPath = Dictionary(grouping: try spellings(), by: \.path)
        for (path, spellings) in byPath.sorted(by: { $0.key < $1.key }) {
            let files = Set(spellings.map(\.file))
            if files.count > 1 { Issue.record("\(path) is spelled in \(files.sorted().joined(separator: ", "))") }
        }
    }
}
