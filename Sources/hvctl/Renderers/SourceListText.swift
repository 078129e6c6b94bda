import HyperVKit

/// The text form of `hvctl snapshot --list`: each source, why hvctl reads it, and what a capture
/// does with it, so a user asked for a snapshot sees what it will hold before running it.
struct SourceListText {
    var report: SourceListReport

    func render() -> String {
        var lines = ["A snapshot holds each of these that the machine has:", ""]
        for source in report.sources {
            lines.append(source.pattern)
            lines.append("    " + source.why)
            var facts = ["read by " + source.reader]
            if source.form != .attribute { facts.append(SourceListText.form(source.form)) }
            if source.rootOnly { facts.append("root only") }
            if source.optional { facts.append("optional") }
            facts.append("redacted: " + SourceListText.redaction(source.redaction))
            lines.append("    " + facts.joined(separator: " · "))
        }
        lines += ["", "and the snapshot's own files:", ""]
        let width = report.snapshotFiles.map(\.path.count).max() ?? 0
        for file in report.snapshotFiles {
            lines.append(file.path.padding(toLength: width + 2) + file.holds)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func form(_ form: MachineSource.Form) -> String {
        switch form {
        case .attribute: "attribute"
        case .directory: "directory (kept even when empty)"
        case .text: "text file"
        case .kernelConfig: "only the Hyper-V options' lines kept"
        case .kvpPool: "binary KVP records"
        case .kernelLog: "kept as kernel.log, filtered"
        case .registers: "kept as a register dump"
        case .redactionOnly: "read, never written into the snapshot"
        }
    }

    static func redaction(_ redaction: MachineSource.Redaction) -> String {
        switch redaction {
        case .none: "nothing (no names in it)"
        case .names: "host, VM and domain names, addresses, MACs, the VM ID"
        case .whole: "the whole value"
        case .values: "every value (keys kept)"
        }
    }
}

extension String {
    /// Pads with spaces to `length` characters (never truncates).
    fileprivate func padding(toLength length: Int) -> String {
        count >= length ? self : self + String(repeating: " ", count: length - count)
    }
}
