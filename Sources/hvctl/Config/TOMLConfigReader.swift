import HyperVKit
import TOMLKit

/// Reads a TOML configuration with TOMLKit (toml++), then gives each value the line it was
/// written on: TOMLKit reports lines for syntax errors but not for values, so `TOMLLineIndex`
/// finds each key's line in the text itself.
enum TOMLConfigReader {
    static func parse(_ text: String, file: String) throws(HealthConfigError) -> ConfigNode {
        let table: TOMLTable
        do {
            table = try TOMLTable(string: text)
        } catch let error as TOMLParseError {
            throw HealthConfigError(
                file: file, line: error.source.begin.line, message: "invalid TOML: \(error.description)")
        } catch {
            throw HealthConfigError(file: file, line: 0, message: "invalid TOML: \(error)")
        }
        let index = TOMLLineIndex(text)
        return convert(table, path: [], line: 1, index: index)
    }

    static func convert(_ table: TOMLTable, path: [String], line: Int, index: TOMLLineIndex) -> ConfigNode {
        var entries: [(key: String, node: ConfigNode)] = []
        for key in table.keys {
            guard let value = table[key]?.tomlValue else { continue }
            let keyPath = path + [key]
            let keyLine = index.line(of: keyPath) ?? line
            entries.append((key, convert(value, path: keyPath, line: keyLine, index: index)))
        }
        // toml++ keeps keys sorted; report them in file order so the first problem is the first line.
        entries.sort { ($0.node.line, $0.key) < ($1.node.line, $1.key) }
        return ConfigNode(.table(entries), line: line)
    }

    static func convert(_ value: TOMLValue, path: [String], line: Int, index: TOMLLineIndex) -> ConfigNode {
        switch value.type {
        case .table:
            guard let table = value.table else { return ConfigNode(.other("table"), line: line) }
            return convert(table, path: path, line: line, index: index)
        case .array:
            let items = (value.array.map { Array($0) } ?? []).map {
                convert($0.tomlValue, path: path, line: line, index: index)
            }
            return ConfigNode(.array(items), line: line)
        case .string: return ConfigNode(value.string.map { .string($0) } ?? .other("string"), line: line)
        case .int: return ConfigNode(value.int.map { .integer(Int64($0)) } ?? .other("integer"), line: line)
        case .double: return ConfigNode(value.double.map { .float($0) } ?? .other("float"), line: line)
        case .bool: return ConfigNode(value.bool.map { .bool($0) } ?? .other("boolean"), line: line)
        case .date: return ConfigNode(.other("date"), line: line)
        case .time: return ConfigNode(.other("time"), line: line)
        case .dateTime: return ConfigNode(.other("date-time"), line: line)
        }
    }
}

/// The line of each key of a TOML document: `[table]` and `[[array]]` headers, and `key = value`
/// lines (bare, quoted and dotted keys) inside them. Lines inside multi-line strings are ignored.
/// It is only asked about documents toml++ accepted, so it can be simple.
struct TOMLLineIndex {
    private var lines: [String: Int] = [:]

    init(_ text: String) {
        var table: [String] = []
        var inMultiline = false
        for (offset, raw) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let number = offset + 1
            let quotes = raw.components(of: "\"\"\"") + raw.components(of: "'''")
            if inMultiline {
                if quotes % 2 == 1 { inMultiline = false }
                continue
            }
            let line = raw.drop { $0 == " " || $0 == "\t" }
            if line.hasPrefix("[") {
                let inner = line.drop { $0 == "[" }.prefix { $0 != "]" }
                table = TOMLLineIndex.keyPath(Substring(inner))
                record(table, number)
            } else if let equals = TOMLLineIndex.assignment(line) {
                record(table + TOMLLineIndex.keyPath(line[..<equals]), number)
            }
            if quotes % 2 == 1 { inMultiline = true }
        }
    }

    private mutating func record(_ path: [String], _ line: Int) {
        let key = path.joined(separator: "\u{1F}")
        if lines[key] == nil { lines[key] = line }
    }

    func line(of path: [String]) -> Int? { lines[path.joined(separator: "\u{1F}")] }

    /// Where the `=` of a key/value line is, outside quotes; nil for other lines.
    static func assignment(_ line: Substring) -> Substring.Index? {
        var quote: Character?
        for index in line.indices {
            let character = line[index]
            if let open = quote {
                if character == open { quote = nil }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "=" {
                return index
            } else if character == "#" {
                return nil
            }
        }
        return nil
    }

    /// `a."b.c" . d` → ["a", "b.c", "d"].
    static func keyPath(_ text: Substring) -> [String] {
        var parts: [String] = []
        var current = ""
        var quote: Character?
        for character in text {
            if let open = quote {
                if character == open { quote = nil } else { current.append(character) }
            } else if character == "\"" || character == "'" {
                quote = character
            } else if character == "." {
                parts.append(current)
                current = ""
            } else if character != " " && character != "\t" {
                current.append(character)
            }
        }
        parts.append(current)
        return parts
    }
}

extension Substring {
    /// How many times `needle` occurs (without overlaps).
    fileprivate func components(of needle: String) -> Int {
        var count = 0
        var rest = self[...]
        while let found = rest.firstRange(of: needle) {
            count += 1
            rest = rest[found.upperBound...]
        }
        return count
    }
}
