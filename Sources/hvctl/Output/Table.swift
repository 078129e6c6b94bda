import HyperVKit

/// A text table: UPPERCASE headers, columns aligned by their width in terminal columns
/// (`DisplayWidth`), no trailing spaces
/// (docs/architecture.md). Columns are data, so `-o`, `--list-columns` and completion can share them.
struct Table: Sendable {
    enum Alignment: Sendable {
        case left, right
    }

    struct Column: Sendable {
        var header: String
        var alignment: Alignment

        init(_ header: String, _ alignment: Alignment = .left) {
            self.header = header
            self.alignment = alignment
        }
    }

    struct Cell: Sendable, ExpressibleByStringLiteral {
        var text: String
        var style: Style?

        init(_ text: String, _ style: Style? = nil) {
            self.text = text
            self.style = style
        }

        init(stringLiteral value: String) {
            self.init(value)
        }
    }

    var columns: [Column]
    var rows: [[Cell]] = []

    init(columns: [Column]) {
        self.columns = columns
    }

    mutating func append(_ row: [Cell]) {
        rows.append(row)
    }

    /// Renders with two spaces between columns; the last column is never padded.
    func render(headings: Bool = true, color: Bool = false, indent: String = "") -> String {
        var widths = columns.map { headings ? DisplayWidth.of($0.header) : 0 }
        for row in rows {
            for (index, cell) in row.enumerated() where index < widths.count {
                widths[index] = max(widths[index], DisplayWidth.of(cell.text))
            }
        }
        var out = ""
        if headings {
            out += line(columns.map { Cell($0.header, .bold) }, widths: widths, color: color, indent: indent)
        }
        for row in rows {
            out += line(row, widths: widths, color: color, indent: indent)
        }
        return out
    }

    private func line(_ cells: [Cell], widths: [Int], color: Bool, indent: String) -> String {
        var parts: [String] = []
        for (index, column) in columns.enumerated() {
            let cell = index < cells.count ? cells[index] : Cell("")
            let padding = String(repeating: " ", count: max(0, widths[index] - DisplayWidth.of(cell.text)))
            let styled = cell.style.map { $0.apply(cell.text, enabled: color) } ?? cell.text
            let isLast = index == columns.count - 1
            switch column.alignment {
            case .left: parts.append(isLast ? styled : styled + padding)
            case .right: parts.append(padding + styled)
            }
        }
        var text = indent + parts.joined(separator: "  ")
        while text.last == " " { text.removeLast() }
        return text + "\n"
    }
}

/// `Key   value` lines with the keys padded to one width, for one-screen summaries such as `info`.
struct KeyValueBlock: Sendable {
    var entries: [(key: String, value: String, style: Style?)] = []

    mutating func add(_ key: String, _ value: String, _ style: Style? = nil) {
        entries.append((key, value, style))
    }

    func render(color: Bool) -> String {
        let width = entries.map { DisplayWidth.of($0.key) }.max() ?? 0
        var out = ""
        for entry in entries {
            let key = Style.bold.apply(entry.key, enabled: color)
            let padding = String(repeating: " ", count: width - DisplayWidth.of(entry.key) + 2)
            let lines = entry.value.split(separator: "\n", omittingEmptySubsequences: false)
            for (index, line) in lines.enumerated() {
                let value = entry.style.map { $0.apply(String(line), enabled: color) } ?? String(line)
                let prefix = index == 0 ? key + padding : String(repeating: " ", count: width + 2)
                var text = prefix + value
                while text.last == " " { text.removeLast() }
                out += text + "\n"
            }
        }
        return out
    }
}
