import ArgumentParser
import HyperVKit

/// `-o COLUMNS` and `-n/--no-headings`, the same on every table command (issue 14): which columns,
/// in which order, and whether the heading line is printed. Either one asks for rows a script
/// reads, so the lines around the table (summaries, titles) are left out. Column names are the headings in lower
/// case (`relid`, `channel-irqs`), any case accepted.
struct TableLayout: Sendable, Equatable {
    /// nil: every column, in the table's order.
    var columns: [String]?
    var headings = true

    static let all = TableLayout()

    /// `-o` or `-n` was given: the table's rows are printed alone, without the lines around them.
    var rowsAlone: Bool { self != .all }

    /// Parses `-o` against the columns a command's table has; an unknown name is a usage error
    /// that lists them.
    static func parse(_ text: String?, headings: Bool, available: [String]) throws(CommandFailure) -> TableLayout {
        guard let text else { return TableLayout(columns: nil, headings: headings) }
        let names = text.split(separator: ",").map { $0.trimmingWhitespace().lowercased() }.filter { !$0.isEmpty }
        guard !names.isEmpty else { throw CommandFailure("-o names no column", status: .usage) }
        let known = Set(available)
        for name in names where !known.contains(name) {
            throw CommandFailure(
                "unknown column \"\(name)\"", hint: "columns: " + available.joined(separator: ", "), status: .usage)
        }
        return TableLayout(columns: names, headings: headings)
    }

    /// Completions for a partly typed `-o` list: the columns not named yet, after what is typed
    /// up to the last comma (`relid,c` offers `relid,cpu`, `relid,class`).
    static func completions(of prefix: String, among keys: [String]) -> [String] {
        let typed = prefix.split(separator: ",", omittingEmptySubsequences: false)
        let head = typed.dropLast().joined(separator: ",")
        let used = Set(typed.dropLast().map { $0.lowercased() })
        let lead = head.isEmpty ? "" : head + ","
        return keys.filter { !used.contains($0) }.map { lead + $0 }
    }

    /// The key of a column: its heading in lower case.
    static func key(_ header: String) -> String { header.lowercased() }
}

/// A table's column names, known before any data is read, so `-o` can be completed.
protocol TableColumnSet {
    static var columnKeys: [String] { get }
}

/// The options behind `TableLayout`, for commands whose text output is one table; `Columns`
/// names the table so the shell can complete `-o` with its columns.
struct TableOptions<Columns: TableColumnSet>: ParsableArguments {
    @Option(
        name: .customShort("o"),
        help: ArgumentHelp(
            "Comma-separated columns to print, in that order (the headings, any case); prints the table alone.",
            valueName: "columns"),
        completion: .custom { _, _, prefix in TableLayout.completions(of: prefix, among: Columns.columnKeys) })
    var columns: String?

    @Flag(name: [.customShort("n"), .long], help: "Omit the heading line, and print the table alone.")
    var noHeadings = false

    func layout(_ available: [String]) throws(CommandFailure) -> TableLayout {
        try TableLayout.parse(columns, headings: !noHeadings, available: available)
    }
}

extension Table {
    /// The table with `layout`'s columns (names `TableLayout.parse` has checked), then rendered.
    func render(layout: TableLayout, color: Bool, indent: String = "") -> String {
        guard let wanted = layout.columns else {
            return render(headings: layout.headings, color: color, indent: indent)
        }
        let keys = columns.map { TableLayout.key($0.header) }
        let indexes = wanted.compactMap { name in keys.firstIndex(of: name) }
        var selected = Table(columns: indexes.map { columns[$0] })
        for row in rows { selected.append(indexes.map { $0 < row.count ? row[$0] : Table.Cell("") }) }
        return selected.render(headings: layout.headings, color: color, indent: indent)
    }
}
