import HyperVKit

/// The text form of `hvctl snapshot`: where it went, how much, and what was left out or redacted,
/// so the user sees what they are about to send before they send it.
struct SnapshotText {
    var report: SnapshotReport
    var color: Bool

    func render() -> String {
        var block = KeyValueBlock()
        block.add("Wrote", "\(report.path) (\(report.format))", .green)
        block.add(
            "Content",
            "\(report.files) files, \(report.links) links, \(report.directories) directories, \(report.bytes) bytes")
        if let redacted = report.redacted {
            block.add("Redacted", redacted.isEmpty ? "nothing found to redact" : redacted.joined(separator: "\n"))
        } else {
            block.add("Redacted", "nothing (--no-redact): host and VM names, MACs and KVP values are in it", .yellow)
        }
        if !report.unreadable.isEmpty {
            block.add(
                "Unreadable", report.unreadable.map { "\($0.path): \($0.errno)" }.joined(separator: "\n"), .yellow)
        }
        if !report.skipped.isEmpty {
            block.add("Skipped", report.skipped.map { "\($0.path): \($0.reason)" }.joined(separator: "\n"))
        }
        return block.render(color: color)
    }
}
