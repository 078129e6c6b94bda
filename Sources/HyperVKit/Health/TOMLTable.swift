/// A table being built by `ConfigTOMLParser`, with what TOML 1.0 needs to refuse a second
/// definition: how the table came to be. The rules follow the specification's "Table" and "Array
/// of Tables" sections, as Python's tomllib applies them (the differential test compares the two).
final class TOMLTable {
    enum Kind {
        case root
        /// Named by a `[header]`, or an element of `[[array]]`.
        case explicit
        /// Made on the way to a deeper `[a.b.c]` header; one later `[a.b]` may still define it.
        case implicit
        /// Made by a dotted key (`a.b = 1`); a header may add sub-tables to it, not define it.
        case dotted
        /// `{ ... }`: complete as written.
        case inline
    }

    enum Slot {
        case value(ConfigNode)
        case table(TOMLTable)
        /// `[[name]]`: its elements and the line of the first.
        case tables([TOMLTable], line: Int)
    }

    var kind: Kind
    let line: Int
    var depth = 0
    /// An inline table once its `}` is read: nothing can be added to it.
    var sealed = false
    private(set) var names: [String] = []
    private var slots: [String: Slot] = [:]

    init(kind: Kind, line: Int) {
        self.kind = kind
        self.line = line
    }

    /// The value as the decoder reads it, keys in file order.
    func node() -> ConfigNode {
        var entries: [(key: String, node: ConfigNode)] = []
        for name in names {
            switch slots[name] {
            case .value(let node): entries.append((name, node))
            case .table(let table): entries.append((name, table.node()))
            case .tables(let tables, let line):
                entries.append((name, ConfigNode(.array(tables.map { $0.node() }), line: line)))
            case nil: break
            }
        }
        return ConfigNode(.table(entries), line: line)
    }

    private func child(_ name: String, _ kind: Kind, line: Int) -> TOMLTable {
        let table = TOMLTable(kind: kind, line: line)
        table.depth = depth + 1
        names.append(name)
        slots[name] = .table(table)
        return table
    }

    /// One step of a `[header]` path: an existing table (the last element of an array of tables)
    /// or a new implicit one; `defining` for the header's last part.
    func descend(_ name: String, line: Int, defining: Bool, parser: ConfigTOMLParser) throws(HealthConfigError)
        -> TOMLTable
    {
        switch slots[name] {
        case nil:
            return child(name, defining ? .explicit : .implicit, line: line)
        case .table(let table):
            if table.kind == .inline {
                throw parser.failure("[\(name)] adds to an inline table, which is complete as written")
            }
            guard defining else { return table }
            guard table.kind == .implicit else { throw parser.failure("table \(name) is defined twice") }
            table.kind = .explicit
            return table
        case .tables(let tables, _):
            guard !defining, let last = tables.last else {
                throw parser.failure("\(name) is an array of tables, not a table")
            }
            return last
        case .value:
            throw parser.failure("\(name) is already a value, not a table")
        }
    }

    /// `[[name]]`: a new element of the array of tables.
    func appendArrayTable(_ name: String, line: Int, parser: ConfigTOMLParser) throws(HealthConfigError) -> TOMLTable {
        let element = TOMLTable(kind: .explicit, line: line)
        element.depth = depth + 1
        switch slots[name] {
        case nil:
            names.append(name)
            slots[name] = .tables([element], line: line)
        case .tables(let tables, let first):
            slots[name] = .tables(tables + [element], line: first)
        case .table, .value:
            throw parser.failure("\(name) is already defined, and not as an array of tables")
        }
        return element
    }

    /// One step of a dotted key: into a table made by dotted keys (or on the way to a header),
    /// never into one a header defined or an inline table.
    func descendDotted(_ name: String, line: Int, parser: ConfigTOMLParser) throws(HealthConfigError) -> TOMLTable {
        if sealed { throw parser.failure("an inline table is complete as written: \(name) cannot be added") }
        switch slots[name] {
        case nil:
            return child(name, .dotted, line: line)
        case .table(let table) where table.kind == .dotted || table.kind == .implicit:
            return table
        case .table(let table) where table.kind == .inline:
            throw parser.failure("\(name) is an inline table, complete as written")
        case .table:
            throw parser.failure("table \(name) is defined by a header: a dotted key cannot add to it")
        case .tables:
            throw parser.failure("\(name) is an array of tables: a dotted key cannot add to it")
        case .value:
            throw parser.failure("\(name) is already a value, not a table")
        }
    }

    /// `name = value`.
    func set(_ name: String, _ node: ConfigNode, table: TOMLTable?, parser: ConfigTOMLParser) throws(HealthConfigError)
    {
        if sealed { throw parser.failure("an inline table is complete as written: \(name) cannot be added") }
        guard slots[name] == nil else { throw parser.failure("\(name) is defined twice", line: node.line) }
        names.append(name)
        slots[name] = table.map { .table($0) } ?? .value(node)
    }
}

/// TOML's number and date words.
enum TOMLNumber {
    /// An integer (decimal, `0x`, `0o`, `0b`, `_` between digits) or a float (fraction and/or
    /// exponent, `inf`, `nan`, with a sign); nil for anything else.
    static func parse(_ word: [UInt8]) -> ConfigNode.Value? {
        var body = word[...]
        var negative = false
        if let sign = body.first, sign == UInt8(ascii: "+") || sign == UInt8(ascii: "-") {
            negative = sign == UInt8(ascii: "-")
            body = body.dropFirst()
        }
        let text = String(decoding: body, as: UTF8.self)
        if text == "inf" { return .float(negative ? -.infinity : .infinity) }
        if text == "nan" { return .float(.nan) }
        if body.count > 2, body.first == UInt8(ascii: "0"),
            let radix = ["x": 16, "o": 8, "b": 2][String(text.dropFirst().prefix(1))]
        {
            guard word.first != UInt8(ascii: "+"), word.first != UInt8(ascii: "-") else { return nil }
            guard
                let digits = underscored(
                    Array(body.dropFirst(2)), allowed: { ASCII.hexValue($0).map { $0 < radix } ?? false })
            else { return nil }
            return UInt64(digits, radix: radix).flatMap { Int64(exactly: $0) }.map { .integer($0) }
        }
        // Decimal: integer part without leading zeros, optional fraction, optional exponent.
        let parts = splitExponent(Array(body))
        let mantissa = parts.mantissa.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard (1...2).contains(mantissa.count), let integer = underscored(Array(mantissa[0]), allowed: ASCII.isDigit),
            integer == "0" || !integer.hasPrefix("0")
        else { return nil }
        var decimal = (negative ? "-" : "") + integer
        var isFloat = false
        if mantissa.count == 2 {
            guard let fraction = underscored(Array(mantissa[1]), allowed: ASCII.isDigit) else { return nil }
            decimal += "." + fraction
            isFloat = true
        }
        if let exponent = parts.exponent {
            var digits = exponent[...]
            var sign = ""
            if let first = digits.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
                sign = first == UInt8(ascii: "-") ? "-" : ""
                digits = digits.dropFirst()
            }
            guard let value = underscored(Array(digits), allowed: ASCII.isDigit) else { return nil }
            decimal += "e" + sign + value
            isFloat = true
        }
        if !isFloat { return Int64(decimal).map { .integer($0) } }
        return Double(decimal).map { .float($0) }
    }

    private static func splitExponent(_ body: [UInt8]) -> (mantissa: [UInt8], exponent: [UInt8]?) {
        guard let e = body.firstIndex(where: { $0 == UInt8(ascii: "e") || $0 == UInt8(ascii: "E") }) else {
            return (body, nil)
        }
        return (Array(body[..<e]), Array(body[(e + 1)...]))
    }

    /// Digits with single `_` between them: the digits alone, or nil.
    private static func underscored(_ bytes: [UInt8], allowed: (UInt8) -> Bool) -> String? {
        guard let first = bytes.first, let last = bytes.last, allowed(first), allowed(last) else { return nil }
        var out: [UInt8] = []
        var previousUnderscore = false
        for byte in bytes {
            if byte == UInt8(ascii: "_") {
                if previousUnderscore { return nil }
                previousUnderscore = true
                continue
            }
            guard allowed(byte) else { return nil }
            previousUnderscore = false
            out.append(byte)
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `1979-05-27T07:32:00Z`, `1979-05-27 07:32:00.999-07:00`, `1979-05-27`, `07:32:00`: the kind
    /// of date or time, nil for other words. Shapes only, with the ranges RFC 3339 gives.
    static func dateKind(_ word: [UInt8]) -> String? {
        let text = String(decoding: word, as: UTF8.self)
        func isDate(_ part: Substring) -> Bool {
            let fields = part.split(separator: "-", omittingEmptySubsequences: false)
            guard fields.count == 3, fields[0].count == 4, fields[1].count == 2, fields[2].count == 2,
                fields.allSatisfy({ $0.allSatisfy(\.isASCIIDigit) }), let month = Int(fields[1]),
                let day = Int(fields[2])
            else { return false }
            return (1...12).contains(month) && (1...31).contains(day)
        }
        func isTime(_ part: Substring) -> Bool {
            var clock = part
            if let dot = clock.firstIndex(of: ".") {
                let fraction = clock[clock.index(after: dot)...]
                guard !fraction.isEmpty, fraction.allSatisfy(\.isASCIIDigit) else { return false }
                clock = clock[..<dot]
            }
            let fields = clock.split(separator: ":", omittingEmptySubsequences: false)
            guard fields.count == 3, fields.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
                let hour = Int(fields[0]), let minute = Int(fields[1]), let second = Int(fields[2])
            else { return false }
            return hour < 24 && minute < 60 && second <= 60
        }
        if isDate(Substring(text)) { return "date" }
        if isTime(Substring(text)) { return "time" }
        guard text.count > 11, let separator = text.firstIndex(where: { $0 == "T" || $0 == "t" || $0 == " " }) else {
            return nil
        }
        guard isDate(text[..<separator]) else { return nil }
        var rest = text[text.index(after: separator)...]
        if rest.hasSuffix("Z") || rest.hasSuffix("z") {
            rest = rest.dropLast()
        } else if let sign = rest.lastIndex(where: { $0 == "+" || $0 == "-" }) {
            let offset = rest[rest.index(after: sign)...].split(separator: ":", omittingEmptySubsequences: false)
            guard offset.count == 2, offset.allSatisfy({ $0.count == 2 && $0.allSatisfy(\.isASCIIDigit) }),
                let hours = Int(offset[0]), let minutes = Int(offset[1]), hours < 24, minutes < 60
            else { return nil }
            rest = rest[..<sign]
        } else {
            return isTime(rest) ? "date-time" : nil
        }
        return isTime(rest) ? "date-time" : nil
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}
