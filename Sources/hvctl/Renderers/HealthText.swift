import HyperVKit

/// `hvctl health` as text: STATUS, ID, SUMMARY, then one line with the result (not with `-o`/`-n`). An info check that
/// found something shows `info` (its JSON status is pass).
struct HealthText {
    var report: HealthReport
    var color: Bool
    var layout: TableLayout = .all

    static let columnKeys = ["status", "id", "summary"]

    func render() -> String {
        var table = Table(columns: [Table.Column("STATUS"), Table.Column("ID"), Table.Column("SUMMARY")])
        for result in report.results {
            table.append([status(result), Table.Cell(result.id), Table.Cell(result.summary)])
        }
        var out = table.render(layout: layout, color: color)
        // A script asking for columns or no headings wants the rows alone; the exit status says the rest.
        if layout.rowsAlone { return out }
        let counts = HealthStatus.allCases.compactMap { status -> String? in
            let count = report.count(status)
            return count == 0 ? nil : "\(count) \(status.rawValue)"
        }
        let overall = Style.bold.apply(report.status.rawValue, enabled: color)
        var tail = "\nstatus: \(overall) (\(counts.joined(separator: ", ")))"
        if report.status == .warn && report.failOn == .fail {
            tail += "; warnings do not fail the run (--fail-on warn)"
        }
        out += tail + "\n"
        return out
    }

    func status(_ result: HealthResult) -> Table.Cell {
        if result.status == .pass && result.found { return Table.Cell("info", .cyan) }
        switch result.status {
        case .pass: return Table.Cell("pass", .green)
        case .warn: return Table.Cell("warn", .yellow)
        case .fail: return Table.Cell("fail", .red)
        case .skip: return Table.Cell("skip", .dim)
        }
    }
}

/// The columns `health -o` accepts: the results table's and, with `--list`, the catalogue's.
enum HealthColumns: TableColumnSet {
    static var columnKeys: [String] {
        HealthText.columnKeys + HealthListText.columnKeys.filter { !HealthText.columnKeys.contains($0) }
    }
}
