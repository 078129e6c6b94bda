import Foundation

/// Where the test fixtures and golden files live, found from this file's path so tests run from any
/// working directory.
enum FixturePaths {
    static let testsDirectory: URL = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()
    static let fixtures = testsDirectory.appendingPathComponent("Fixtures")
    static let golden = testsDirectory.appendingPathComponent("hvctlTests/Golden")
    static let packageRoot = testsDirectory.deletingLastPathComponent()

    /// Every snapshot directory under Tests/Fixtures (one with hvctl-snapshot.json), sorted.
    static var snapshotNames: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: fixtures.path)) ?? []
        return entries.filter { name in
            FileManager.default.fileExists(atPath: fixtures.appendingPathComponent(name + "/hvctl-snapshot.json").path)
        }.sorted()
    }

    static func snapshot(_ name: String) -> String {
        fixtures.appendingPathComponent(name).path
    }
}
