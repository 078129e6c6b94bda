import Foundation

@testable import HyperVKit

/// The committed fixtures, for capture tests.
enum CaptureFixtures {
    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Fixtures")

    static var names: [String] {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return entries.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0 + "/hvctl-snapshot.json").path)
        }.sorted()
    }

    /// The fixtures that hold a kernel log (the partial captures of issue 13 may not).
    static var namesWithKernelLog: [String] {
        names.filter {
            FileManager.default.fileExists(atPath: directory.appendingPathComponent($0 + "/kernel.log").path)
        }
    }

    static func path(_ name: String) -> String {
        directory.appendingPathComponent(name).path
    }
}

/// One entry of a directory tree as a test compares it.
enum TreeEntry: Equatable, CustomStringConvertible {
    case file([UInt8])
    case link(String)
    case directory

    var description: String {
        switch self {
        case .file(let bytes): return "file(\(bytes.count) bytes)"
        case .link(let target): return "link(\(target))"
        case .directory: return "directory"
        }
    }
}

enum TreeWalker {
    /// Every entry under `root`, by relative path; links are not followed.
    static func entries(_ root: String) -> [String: TreeEntry] {
        var result: [String: TreeEntry] = [:]
        let manager = FileManager.default
        guard let walker = manager.enumerator(atPath: root) else { return result }
        while let relative = walker.nextObject() as? String {
            let path = root + "/" + relative
            if let target = try? manager.destinationOfSymbolicLink(atPath: path) {
                result[relative] = .link(target)
                walker.skipDescendants()
                continue
            }
            var isDirectory: ObjCBool = false
            guard manager.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                result[relative] = .directory
            } else {
                result[relative] = .file(Array((try? Data(contentsOf: URL(fileURLWithPath: path))) ?? Data()))
            }
        }
        return result
    }

    /// Every byte of every file under `root`, for "is this secret anywhere" checks.
    static func allText(_ root: String) -> String {
        entries(root).values.map { entry -> String in
            switch entry {
            case .file(let bytes): return String(decoding: bytes, as: UTF8.self)
            case .link(let target): return target
            case .directory: return ""
            }
        }.joined(separator: "\n") + "\n" + entries(root).keys.joined(separator: "\n")
    }
}

/// Captures `machine` into a new scratch directory.
func captureForTest(_ machine: any Machine, redact: Bool = false, tree: ((String) -> CaptureTree)? = nil)
    throws -> (directory: ScratchDirectory, summary: SnapshotSummary)
{
    let scratch = try ScratchDirectory()
    let options = SnapshotOptions(redact: redact, tool: "hvctl test", createdAt: "2026-11-26T00:00:00Z")
    let capture = SnapshotCapture(
        machine: machine, directory: scratch.path, options: options, tree: tree.map { $0(scratch.path) })
    let summary = try capture.run()
    return (scratch, summary)
}
