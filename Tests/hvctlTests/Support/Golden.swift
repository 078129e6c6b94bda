import Foundation
import Testing

/// Compares output with a committed golden file; `RECORD_SNAPSHOTS=1` rewrites it instead. A
/// re-record is reviewed like code (docs/architecture.md).
enum Golden {
    static var recording: Bool { ProcessInfo.processInfo.environment["RECORD_SNAPSHOTS"] == "1" }

    static func assertMatches(
        _ actual: String, _ relativePath: String, sourceLocation: SourceLocation = #_sourceLocation
    ) {
        let url = FixturePaths.golden.appendingPathComponent(relativePath)
        if recording {
            try? FileManager.default.createDirectory(
                at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try? actual.write(to: url, atomically: true, encoding: .utf8)
            return
        }
        guard let expected = try? String(contentsOf: url, encoding: .utf8) else {
            Issue.record("no golden file \(relativePath): run with RECORD_SNAPSHOTS=1", sourceLocation: sourceLocation)
            return
        }
        if expected != actual {
            Issue.record(
                "\(relativePath) differs:\n\(firstDifference(expected, actual))", sourceLocation: sourceLocation)
        }
    }

    /// The first differing line, with its number, for a readable failure.
    static func firstDifference(_ expected: String, _ actual: String) -> String {
        let left = expected.split(separator: "\n", omittingEmptySubsequences: false)
        let right = actual.split(separator: "\n", omittingEmptySubsequences: false)
        for index in 0..<max(left.count, right.count) {
            let expectedLine = index < left.count ? String(left[index]) : "<end>"
            let actualLine = index < right.count ? String(right[index]) : "<end>"
            if expectedLine != actualLine {
                return "line \(index + 1)\n  expected: \(expectedLine)\n  actual:   \(actualLine)"
            }
        }
        return "(trailing difference)"
    }
}
