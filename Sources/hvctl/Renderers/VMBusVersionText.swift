import HyperVKit

/// The text form of `hvctl vmbus version`: the version with its source and reasoning, then one row
/// per capability of reference §5.3.
struct VMBusVersionText: TableColumnSet {
    var report: VMBusVersionReport
    var color: Bool
    /// `-o`/`-n`: with either, only the capability table is printed, for a script to read.
    var layout = TableLayout.all

    static let columnKeys = ["name", "min", "available", "what"]

    func render() -> String {
        if layout.rowsAlone { return report.applicable ? capabilityTable() : "" }
        var block = KeyValueBlock()
        block.add("Version", report.version?.description ?? "unknown", report.version == nil ? .yellow : .green)
        block.add("Source", source)
        block.add("Max version (cap)", maxVersion)
        block.add("Host build", host)
        block.add("Kernel", kernel)
        if report.isolated == true {
            block.add("Isolated", "yes: VMBus \(VMBusProtocolFacts.isolatedMinimum) or newer is required")
        }
        block.add("Reasoning", report.reasoning.joined(separator: "\n"))
        let out = block.render(color: color)
        guard report.applicable else { return out }
        return out + "\n" + capabilityTable()
    }

    private func capabilityTable() -> String {
        var table = Table(columns: [
            Table.Column("NAME"), Table.Column("MIN"), Table.Column("AVAILABLE"), Table.Column("WHAT"),
        ])
        for row in report.capabilities {
            var what = row.capability.description
            if let note = row.note, report.version != nil { what += "; " + note }
            table.append([
                Table.Cell(row.capability.name), Table.Cell(row.capability.minVersion.description),
                available(row.available), Table.Cell(what),
            ])
        }
        return table.render(layout: layout, color: color)
    }

    private var source: String {
        switch report.source {
        case .kernelLog: return "kernel log"
        case .inferred: return "inferred (not read: see the reasoning)"
        case .none: return "none"
        }
    }

    private var maxVersion: String {
        guard let cap = report.maxVersion else { return "unknown" }
        return "\(cap) (hv_vmbus max_version: the newest version this guest tries, not the negotiated one)"
    }

    private var host: String {
        guard let version = report.host else { return "unknown" }
        var text = version.linuxString + ": " + (WindowsRelease.name(forBuild: version.build) ?? "unknown release")
        if let vmbus = report.hostVMBusVersion { text += "; VMBus \(vmbus) by the reference" }
        return text
    }

    private var kernel: String {
        var text = report.kernelRelease ?? "unknown"
        if let order = report.negotiationOrder, !order.isEmpty {
            text += "; tries " + order.map(\.description).joined(separator: " ")
        }
        return text
    }

    private func available(_ value: Bool?) -> Table.Cell {
        switch value {
        case .some(true): return Table.Cell("yes", .green)
        case .some(false): return Table.Cell("no", .red)
        case .none: return Table.Cell("unknown", .yellow)
        }
    }
}
