import HyperVKit

struct CPUListText: TableColumnSet {
    var report: CPUListReport
    var color: Bool
    var layout: TableLayout = .all

    static let columns = [
        Table.Column("CPU", .right), Table.Column("STATE"), Table.Column("HOTPLUG"), Table.Column("ROLE"),
        Table.Column("NODE", .right), Table.Column("VP", .right), Table.Column("CHANNELS", .right),
        Table.Column("CLASSES"),
    ]
    static var columnKeys: [String] { columns.map { TableLayout.key($0.header) } }

    /// ` (from …)` when the list did not come from sysfs (issue 13).
    static func source(_ topology: CPUTopology) -> String {
        guard let source = topology.onlineSource, source != .sysfs else { return "" }
        return " (from \(source.title))"
    }

    func render() -> String {
        let topology = report.inventory.topology
        var block = KeyValueBlock()
        block.add("Possible", topology.possible?.description ?? "unknown")
        block.add("Present", topology.present?.description ?? "unknown")
        block.add("Online", (topology.online?.description ?? "unknown") + CPUListText.source(topology))
        if let phantom = topology.phantom, !phantom.isEmpty {
            block.add("Phantom", "\(phantom): \(CPUListReport.phantomReason)", .yellow)
        }
        var table = Table(columns: Self.columns)
        for entry in report.inventory.entries {
            let channels = report.channels(on: entry.cpu)
            var classes: [String: Int] = [:]
            for item in channels { classes[item.device.classLabel, default: 0] += 1 }
            let classText = classes.sorted { $0.key < $1.key }.map { $0.value > 1 ? "\($0.key)x\($0.value)" : $0.key }
            table.append([
                Table.Cell(String(entry.cpu)), state(entry),
                Table.Cell(entry.hotpluggable.map { $0 ? "yes" : "no" } ?? "-"), Table.Cell(role(entry)),
                Table.Cell(entry.numaNode.map(String.init) ?? "-"), Table.Cell(entry.vpIndex.map(String.init) ?? "-"),
                Table.Cell(String(channels.count)), Table.Cell(classText.joined(separator: ",")),
            ])
        }
        // A script asking for columns or no headings wants the rows alone.
        if layout.rowsAlone { return table.render(layout: layout, color: color) }
        return block.render(color: color) + "\n" + table.render(layout: layout, color: color)
    }

    private func state(_ entry: CPUInventory.Entry) -> Table.Cell {
        if !entry.present { return Table.Cell("phantom", .yellow) }
        switch entry.online {
        case .some(true): return Table.Cell("online", .green)
        case .some(false): return Table.Cell("offline", .red)
        case .none: return Table.Cell("-")
        }
    }

    private func role(_ entry: CPUInventory.Entry) -> String {
        var roles: [String] = []
        guard entry.present else { return "-" }
        if entry.managedIRQIsolated {
            roles.append("isolated(managed_irq)")
        } else if entry.isolated {
            roles.append("isolated")
        }
        if entry.nohzFull { roles.append("nohz_full") }
        return roles.isEmpty ? "housekeeping" : roles.joined(separator: ",")
    }
}
