import Testing

@testable import HyperVKit

/// The manifest goes through the one JSON writer and the one JSON reader: what is written reads
/// back the same, with both spellings of the format-1 keys, keys sorted, absent values left out.
@Suite struct SnapshotManifestRoundTripTests {
    @Test func writtenManifestsReadBack() throws {
        let manifest = SnapshotManifest(
            createdAt: "2026-12-04T10:00:00Z", tool: "hvctl 0.1.0", arch: .aarch64, kernelRelease: "6.1.0-37-arm64",
            note: "a \"quoted\" note", unreadable: ["sys/b": "EACCES", "sys/a": "EIO"],
            redacted: ["kernel.log: 2 MACs"],
            kernelLogFilter: "lines about Hyper-V", skipped: ["sys/x": "binary content"])
        let bytes = try manifest.encoded().get()
        #expect(try SnapshotManifest.decode(bytes).get() == manifest)
        let text = String(decoding: bytes, as: UTF8.self)
        // hvctl 0.1 requires createdAt; format-1 readers know kernelRelease.
        #expect(text.contains("\"createdAt\": \"2026-12-04T10:00:00Z\""))
        #expect(text.contains("\"kernelRelease\": \"6.1.0-37-arm64\""))
        let keys = text.split(separator: "\n").filter { $0.hasPrefix("  \"") }.map { $0.split(separator: "\"")[1] }
        #expect(keys == keys.sorted())
        // The unreadable map is sorted too, so two captures of one machine differ only in time.
        #expect(text.range(of: "sys/a")!.lowerBound < text.range(of: "sys/b")!.lowerBound)
        #expect(text.hasSuffix("}\n"))
    }

    @Test func absentValuesAreLeftOut() throws {
        let manifest = SnapshotManifest(createdAt: "t", tool: "x", arch: .x86_64, kernelRelease: nil)
        let text = String(decoding: try manifest.encoded().get(), as: UTF8.self)
        #expect(!text.contains("note"))
        #expect(!text.contains("null"))
        #expect(try SnapshotManifest.decode(Array(text.utf8)).get() == manifest)
    }

    /// Format 1 as hvctl 0.1 wrote it (camelCase only), and a null where a key is optional.
    @Test func legacyAndNullReadAsBefore() throws {
        let legacy =
            #"{"format": 1, "createdAt": "c", "tool": "t", "arch": "x86_64", "kernelRelease": "r", "note": null}"#
        let manifest = try SnapshotManifest.decode(Array(legacy.utf8)).get()
        #expect(manifest.createdAt == "c")
        #expect(manifest.kernelRelease == "r")
        #expect(manifest.note == nil)
        let wrong = #"{"format": 1, "createdAt": "c", "tool": "t", "arch": "x86_64", "unreadable": {"a": 5}}"#
        #expect(SnapshotManifest.decode(Array(wrong.utf8)) == .failure(.invalid("wrong type for \"unreadable.a\"")))
    }
}
