import HyperVKit

/// `hvctl msr` as text: one table per CPU, then the values that differ between CPUs. With `-o` or
/// `-n`, one table of every CPU's rows, for a script (`msr --all-cpus -n -o cpu,name,raw`).
struct MSRText: TableColumnSet {
    var report: MSRReport
    var color: Bool
    var layout: TableLayout = .all
    var raw: Bool

    /// Every column (the decoded view's; `--raw` has the first three).
    static var columnKeys: [String] { columnKeys(raw: false) }

    static func columnKeys(raw: Bool) -> [String] {
        raw ? ["cpu", "name", "index", "raw"] : ["cpu", "name", "index", "raw", "decoded", "expected", "ok"]
    }

    private var headings: Bool { layout.headings }

    func render() -> String {
        if layout.rowsAlone { return oneTable() }
        var blocks = report.cpus.map(cpuBlock)
        if !report.differences.isEmpty { blocks.append(differencesBlock()) }
        return blocks.joined(separator: "\n")
    }

    private func cpuBlock(_ cpu: CPUMSRReadings) -> String {
        var title = "CPU \(cpu.cpu)"
        if let vp = cpu.vpIndex { title += " (VP \(vp))" }
        var table = Table(columns: Array(columns.dropFirst()))
        for reading in cpu.readings { table.append(cells(reading)) }
        let heading = headings ? Style.bold.apply(title, enabled: color) + "\n" : ""
        return heading + table.render(headings: headings, color: color)
    }

    /// Every CPU's rows in one table with a CPU column; the CPU titles and the differences (which
    /// the rows show) are left out.
    private func oneTable() -> String {
        var table = Table(columns: columns)
        for cpu in report.cpus {
            for reading in cpu.readings { table.append(row(reading, cpu: cpu.cpu)) }
        }
        return table.render(layout: layout, color: color)
    }

    private var columns: [Table.Column] {
        let base = [Table.Column("CPU", .right), Table.Column("NAME"), Table.Column("INDEX"), Table.Column("RAW")]
        guard !raw else { return base }
        return base + [Table.Column("DECODED"), Table.Column("EXPECTED"), Table.Column("OK")]
    }

    private func row(_ reading: MSRReading, cpu: Int) -> [Table.Cell] {
        [Table.Cell(String(cpu))] + cells(reading)
    }

    private func cells(_ reading: MSRReading) -> [Table.Cell] {
        let name = Table.Cell(reading.name)
        let index = Table.Cell(hex32(reading.index))
        guard let value = reading.value else {
            let cell = Table.Cell(errorText(reading), reading.outcome == .notGranted ? .dim : .yellow)
            return raw ? [name, index, cell] : [name, index, cell, Table.Cell(reason(reading)), "-", "-"]
        }
        guard !raw else { return [name, index, Table.Cell(hex64(value))] }
        let decoded = reading.decoded?.summary ?? ""
        return [
            name, index, Table.Cell(hex64(value)), Table.Cell(decoded.isEmpty ? "-" : decoded),
            Table.Cell(reading.expectation?.expected ?? "-"), verdict(reading.expectation?.matches),
        ]
    }

    private func verdict(_ matches: Bool?) -> Table.Cell {
        switch matches {
        case .some(true): return Table.Cell("yes", .green)
        case .some(false): return Table.Cell("NO", .red)
        case .none: return Table.Cell("-")
        }
    }

    private func errorText(_ reading: MSRReading) -> String {
        (reading.errorCode ?? "").replacingUnderscores()
    }

    /// What the DECODED column says for an MSR that has no value.
    private func reason(_ reading: MSRReading) -> String {
        switch reading.outcome {
        case .value: return ""
        case .notGranted: return "needs \(reading.msr?.gate?.description ?? "a privilege") (--force reads it)"
        case .unsafe(let why): return why
        case .failed(.absent): return "not in the snapshot"
        case .failed(.invalid(let why)): return why
        case .failed(.unreadable(let errno)):
            if errno == .EIO { return "not implemented or not granted (#GP)" }
            return errno.message
        }
    }

    private func differencesBlock() -> String {
        var table = Table(columns: [
            Table.Column("NAME"), Table.Column("SCOPE"), Table.Column("EXPECTED"), Table.Column("VALUES"),
        ])
        for difference in report.differences {
            let values = difference.groups.map { group in
                "\(shortHex(group.value)) (CPU \(CPUList(group.cpus)))"
            }.joined(separator: ", ")
            table.append([
                Table.Cell(difference.msr.name), Table.Cell(difference.msr.scope.text),
                difference.expected ? Table.Cell("yes") : Table.Cell("NO", .red), Table.Cell(values),
            ])
        }
        let title = headings ? Style.bold.apply("Values that differ between CPUs", enabled: color) + "\n" : ""
        // -o picks the per-CPU tables' columns; this one keeps its own, headings as asked.
        return title + table.render(headings: headings, color: color)
    }

    private func shortHex(_ value: UInt64) -> String { Hex.format(value) }
}

extension String {
    /// `not_granted` → `not granted`, for text output.
    fileprivate func replacingUnderscores() -> String {
        String(map { $0 == "_" ? " " : $0 })
    }
}
