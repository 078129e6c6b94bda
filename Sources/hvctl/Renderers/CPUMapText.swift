import HyperVKit

/// `hvctl cpu map` as text: a column per performance class present (their channels are the ones
/// spread over CPUs), the rest together as OTHER, then the imbalance figures.
struct CPUMapText: TableColumnSet {
    var report: CPUMapReport
    var color: Bool
    var layout: TableLayout = .all

    /// Every column a map can have: a per-class column for each performance class (shown when
    /// the class has channels, or when -o names it).
    static var columnKeys: [String] {
        ["cpu", "online", "channels"] + DeviceClassCatalog.all.filter(\.isPerformanceCritical).map(\.shortName)
            + ["other", "channel-irqs", "vmbus-irqs"]
    }

    func render() -> String {
        let perfNames = Set(DeviceClassCatalog.all.filter(\.isPerformanceCritical).map(\.shortName))
        let present = Set(report.cpus.flatMap { $0.byClass.map(\.name) })
        let named = Set(layout.columns ?? [])
        let spread = perfNames.filter { present.contains($0) || named.contains($0) }.sorted()
        var columns = [Table.Column("CPU", .right), Table.Column("ONLINE"), Table.Column("CHANNELS", .right)]
        columns += spread.map { Table.Column($0.uppercased(), .right) }
        columns += [
            Table.Column("OTHER", .right), Table.Column("CHANNEL-IRQS", .right), Table.Column("VMBUS-IRQS", .right),
        ]
        var table = Table(columns: columns)
        for cpu in report.cpus {
            let counts = Dictionary(cpu.byClass.map { ($0.name, $0.count) }) { first, _ in first }
            let other = cpu.byClass.filter { !spread.contains($0.name) }.reduce(0) { $0 + $1.count }
            var row = [
                Table.Cell(String(cpu.cpu)),
                cpu.online == false ? Table.Cell("no", .red) : Table.Cell(cpu.online == true ? "yes" : "-"),
                Table.Cell(String(cpu.channels), cpu.online == false && cpu.channels > 0 ? .red : nil),
            ]
            row += spread.map { Table.Cell(String(counts[$0] ?? 0)) }
            row += [
                Table.Cell(String(other)), Table.Cell(cpu.channelInterrupts.map(String.init) ?? "-"),
                Table.Cell(cpu.vmbusInterrupts.map(String.init) ?? "-"),
            ]
            table.append(row)
        }
        // A script asking for columns or no headings wants the rows alone.
        if layout.rowsAlone { return table.render(layout: layout, color: color) }
        return table.render(layout: layout, color: color) + "\n" + summary()
    }

    private func summary() -> String {
        var block = KeyValueBlock()
        // The figure health's channels.balance judges: performance channels only (issue 14).
        block.add(
            "Channel spread", report.performanceSpread?.sentence ?? "no performance (storage or network) channels")
        block.add("Interrupt spread", describe(report.interruptImbalance, unit: "VMBus interrupts (/proc/interrupts)"))
        return block.render(color: color)
    }

    private func describe(_ imbalance: CPUMapReport.Imbalance?, unit: String) -> String {
        guard let imbalance else { return "unknown" }
        let ratio = (imbalance.ratio * 100).rounded() / 100
        return "busiest CPU \(imbalance.busiestCPU) has \(ratio)x the mean of \(unit) across online CPUs"
    }
}
