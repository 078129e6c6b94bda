/// A TOML 1.0 reader (https://toml.io/en/v1.0.0) that keeps each value's line, for `--config`.
///
/// hvctl used toml++ (through TOMLKit) before; fuzzing found that toml++ as built there aborts on
/// an assertion for two bytes of input (`[%`), and recurses once per nesting level (a 320 KB header
/// crashed it). This reader is one pass over the bytes: no recursion deeper than
/// `ConfigLimits.maxDepth`, no more than `ConfigLimits.maxEntries` keys and items, every error one
/// line naming the line it is on. It takes the whole language: the four kinds of strings with their
/// escapes, integers in four bases, floats (inf, nan), booleans, arrays, inline tables, dotted
/// keys, `[tables]` and `[[arrays of tables]]` with the rules against defining anything twice.
/// Dates and times are recognised and given as `.other("date")` etc., which no setting takes.
public struct ConfigTOMLParser {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    var entries = 0

    public static func parse(_ text: String, file: String) throws(HealthConfigError) -> ConfigNode {
        var parser = ConfigTOMLParser(bytes: Array(text.utf8), file: file)
        let root = TOMLTable(kind: .root, line: 1)
        try parser.document(root)
        return root.node()
    }

    // MARK: - Document structure

    mutating func document(_ root: TOMLTable) throws(HealthConfigError) {
        var current = root
        while true {
            skipBlank()
            guard let byte = peek else { return }
            if byte == UInt8(ascii: "[") {
                current = try header(root)
            } else {
                try keyValue(into: current, depth: current.depth)
            }
            try endOfLine()
        }
    }

    /// `[a.b]` or `[[a.b]]`: the table the following key/value lines go into.
    mutating func header(_ root: TOMLTable) throws(HealthConfigError) -> TOMLTable {
        let headerLine = line
        index += 1
        let isArray = peek == UInt8(ascii: "[")
        if isArray { index += 1 }
        skipSpace()
        let path = try key()
        skipSpace()
        try expect("]")
        if isArray { try expect("]") }
        guard path.count <= ConfigLimits.maxDepth else { throw failure(tooDeep) }
        try count()
        var table = root
        for (position, part) in path.enumerated() {
            let last = position == path.count - 1
            if last && isArray {
                return try table.appendArrayTable(part, line: headerLine, parser: self)
            }
            table = try table.descend(part, line: headerLine, defining: last, parser: self)
        }
        return table
    }

    /// `key = value`, the key dotted or not.
    mutating func keyValue(into table: TOMLTable, depth: Int) throws(HealthConfigError) {
        let keyLine = line
        let path = try key()
        guard depth + path.count <= ConfigLimits.maxDepth else { throw failure(tooDeep) }
        skipSpace()
        try expect("=")
        skipSpace()
        try count()
        var target = table
        for part in path.dropLast() { target = try target.descendDotted(part, line: keyLine, parser: self) }
        let value = try self.value(depth: depth + path.count)
        guard let name = path.last else { throw failure("expected a key") }
        try target.set(name, ConfigNode(value.value, line: keyLine), table: value.table, parser: self)
    }

    /// A bare, quoted or dotted key: its parts.
    mutating func key() throws(HealthConfigError) -> [String] {
        var parts: [String] = []
        while true {
            skipSpace()
            guard let byte = peek else { throw failure("expected a key") }
            if byte == UInt8(ascii: "\"") {
                if startsMultiline(byte) { throw failure("a key cannot be a multi-line string") }
                parts.append(try basicString())
            } else if byte == UInt8(ascii: "'") {
                if startsMultiline(byte) { throw failure("a key cannot be a multi-line string") }
                parts.append(try literalString())
            } else {
                let start = index
                while let next = peek, ConfigTOMLParser.isBareKey(next) { index += 1 }
                guard index > start else { throw failure("expected a key, found \(describe(peek))") }
                parts.append(String(decoding: bytes[start..<index], as: UTF8.self))
            }
            skipSpace()
            guard peek == UInt8(ascii: ".") else { return parts }
            index += 1
        }
    }

    // MARK: - Values

    /// A parsed value: a scalar or array as a node, or an inline table (kept as a table so that
    /// nothing can be added to it later).
    struct Parsed {
        var value: ConfigNode.Value
        var table: TOMLTable?
    }

    mutating func value(depth: Int) throws(HealthConfigError) -> Parsed {
        guard depth <= ConfigLimits.maxDepth else { throw failure(tooDeep) }
        guard let byte = peek else { throw failure("expected a value, found the end of the file") }
        switch byte {
        case UInt8(ascii: "\""):
            return Parsed(value: .string(startsMultiline(byte) ? try multilineBasicString() : try basicString()))
        case UInt8(ascii: "'"):
            return Parsed(value: .string(startsMultiline(byte) ? try multilineLiteralString() : try literalString()))
        case UInt8(ascii: "["):
            return Parsed(value: .array(try array(depth: depth)))
        case UInt8(ascii: "{"):
            let table = try inlineTable(depth: depth)
            return Parsed(value: table.node().value, table: table)
        case UInt8(ascii: "t"), UInt8(ascii: "f"):
            if matches("true") {
                index += 4
                return Parsed(value: .bool(true))
            }
            if matches("false") {
                index += 5
                return Parsed(value: .bool(false))
            }
            throw failure("expected a value, found \(describe(byte))")
        default:
            return Parsed(value: try numberOrDate())
        }
    }

    mutating func array(depth: Int) throws(HealthConfigError) -> [ConfigNode] {
        index += 1
        var items: [ConfigNode] = []
        while true {
            try skipBlankInArray()
            if peek == UInt8(ascii: "]") {
                index += 1
                return items
            }
            let itemLine = line
            try count()
            let item = try value(depth: depth + 1)
            items.append(ConfigNode(item.value, line: itemLine))
            try skipBlankInArray()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard peek == UInt8(ascii: "]") else {
                throw failure("expected , or ] in an array, found \(describe(peek))")
            }
        }
    }

    /// `{ a = 1, b.c = "x" }`: on one line, no trailing comma.
    mutating func inlineTable(depth: Int) throws(HealthConfigError) -> TOMLTable {
        let table = TOMLTable(kind: .inline, line: line)
        table.depth = depth
        index += 1
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            table.sealed = true
            return table
        }
        while true {
            skipSpace()
            try keyValue(into: table, depth: depth)
            skipSpace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            guard peek == UInt8(ascii: "}") else {
                throw failure("expected , or } in an inline table (on one line), found \(describe(peek))")
            }
            index += 1
            table.sealed = true
            return table
        }
    }

    // MARK: - Strings

    func startsMultiline(_ quote: UInt8) -> Bool {
        index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
    }

    mutating func basicString() throws(HealthConfigError) -> String {
        index += 1
        var out: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return try text(out)
            case UInt8(ascii: "\\"): try escape(into: &out)
            case 0x0A, 0x0D: throw failure("a string is not closed on its line")
            default:
                try checkControl(byte)
                out.append(byte)
            }
        }
        throw failure("a string is not closed")
    }

    mutating func multilineBasicString() throws(HealthConfigError) -> String {
        index += 3
        skipNewline()
        var out: [UInt8] = []
        while let byte = peek {
            if byte == UInt8(ascii: "\"") && startsMultiline(byte) {
                index += 3
                // Up to two more quotes belong to the string.
                for _ in 0..<2 where peek == UInt8(ascii: "\"") {
                    out.append(0x22)
                    index += 1
                }
                return try text(out)
            }
            index += 1
            if byte == UInt8(ascii: "\\") {
                // A backslash at the end of a line trims the newline and the blanks after it.
                var look = index
                while look < bytes.count, bytes[look] == 0x20 || bytes[look] == 0x09 { look += 1 }
                if look < bytes.count, bytes[look] == 0x0A || bytes[look] == 0x0D {
                    index = look
                    skipBlankAndNewlines()
                    continue
                }
                try escape(into: &out)
                continue
            }
            if byte == 0x0A { line += 1 } else if byte != 0x0D { try checkControl(byte) }
            out.append(byte)
        }
        throw failure("a multi-line string is not closed")
    }

    mutating func literalString() throws(HealthConfigError) -> String {
        index += 1
        let start = index
        while let byte = peek {
            if byte == UInt8(ascii: "'") {
                index += 1
                return try text(Array(bytes[start..<index - 1]))
            }
            if byte == 0x0A || byte == 0x0D { throw failure("a string is not closed on its line") }
            try checkControl(byte)
            index += 1
        }
        throw failure("a string is not closed")
    }

    mutating func multilineLiteralString() throws(HealthConfigError) -> String {
        index += 3
        skipNewline()
        var out: [UInt8] = []
        while let byte = peek {
            if byte == UInt8(ascii: "'") && startsMultiline(byte) {
                index += 3
                for _ in 0..<2 where peek == UInt8(ascii: "'") {
                    out.append(0x27)
                    index += 1
                }
                return try text(out)
            }
            index += 1
            if byte == 0x0A { line += 1 } else if byte != 0x0D { try checkControl(byte) }
            out.append(byte)
        }
        throw failure("a multi-line string is not closed")
    }

    mutating func escape(into out: inout [UInt8]) throws(HealthConfigError) {
        guard let byte = peek else { throw failure("a string is not closed") }
        index += 1
        switch byte {
        case UInt8(ascii: "b"): out.append(0x08)
        case UInt8(ascii: "t"): out.append(0x09)
        case UInt8(ascii: "n"): out.append(0x0A)
        case UInt8(ascii: "f"): out.append(0x0C)
        case UInt8(ascii: "r"): out.append(0x0D)
        case UInt8(ascii: "\""): out.append(0x22)
        case UInt8(ascii: "\\"): out.append(0x5C)
        case UInt8(ascii: "u"), UInt8(ascii: "U"):
            let length = byte == UInt8(ascii: "u") ? 4 : 8
            guard index + length <= bytes.count,
                let code = UInt32(String(decoding: bytes[index..<index + length], as: UTF8.self), radix: 16),
                let scalar = Unicode.Scalar(code)
            else { throw failure("an invalid \\\(Character(Unicode.Scalar(byte))) escape (not a Unicode scalar)") }
            index += length
            out.append(contentsOf: Array(String(Character(scalar)).utf8))
        default:
            throw failure("an invalid escape \\\(describe(byte)) in a string")
        }
    }

    func text(_ bytes: [UInt8]) throws(HealthConfigError) -> String {
        guard let string = String(validating: bytes, as: UTF8.self) else { throw failure("a string is not UTF-8") }
        return string
    }

    // MARK: - Numbers and dates

    /// The word up to the next delimiter: a number, `inf`/`nan`, or a date-time (which may hold one
    /// space between date and time).
    mutating func numberOrDate() throws(HealthConfigError) -> ConfigNode.Value {
        let start = index
        while let byte = peek, ConfigTOMLParser.isValueWord(byte) { index += 1 }
        // `1979-05-27 07:32:00`: a date, one space, a time.
        if index - start == 10, peek == 0x20, index + 1 < bytes.count, ASCII.isDigit(bytes[index + 1]),
            bytes[start + 4] == UInt8(ascii: "-")
        {
            index += 1
            while let byte = peek, ConfigTOMLParser.isValueWord(byte) { index += 1 }
        }
        let word = Array(bytes[start..<index])
        guard !word.isEmpty else { throw failure("expected a value, found \(describe(peek))") }
        if let value = TOMLNumber.parse(word) { return value }
        if let kind = TOMLNumber.dateKind(word) { return .other(kind) }
        throw failure("\"\(String(decoding: word, as: UTF8.self))\" is not a TOML value")
    }

    // MARK: - Lexical helpers

    static func isBareKey(_ byte: UInt8) -> Bool {
        ASCII.isDigit(byte) || (0x41...0x5A).contains(byte) || (0x61...0x7A).contains(byte) || byte == 0x2D
            || byte == 0x5F
    }

    static func isValueWord(_ byte: UInt8) -> Bool {
        isBareKey(byte) || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".") || byte == UInt8(ascii: ":")
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func matches(_ word: String) -> Bool {
        let word = Array(word.utf8)
        guard index + word.count <= bytes.count, bytes[index..<index + word.count].elementsEqual(word) else {
            return false
        }
        return index + word.count == bytes.count || !ConfigTOMLParser.isValueWord(bytes[index + word.count])
    }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 { index += 1 }
    }

    mutating func skipNewline() {
        if peek == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        if peek == 0x0A {
            index += 1
            line += 1
        }
    }

    mutating func skipBlankAndNewlines() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { line += 1 }
            index += 1
        }
    }

    /// Blank lines and comment lines between statements.
    mutating func skipBlank() {
        while true {
            skipBlankAndNewlines()
            guard peek == UInt8(ascii: "#") else { return }
            while let byte = peek, byte != 0x0A { index += 1 }
        }
    }

    /// Newlines and comments are allowed anywhere inside an array.
    mutating func skipBlankInArray() throws(HealthConfigError) {
        while true {
            skipBlankAndNewlines()
            guard peek == UInt8(ascii: "#") else { return }
            try comment()
        }
    }

    mutating func comment() throws(HealthConfigError) {
        while let byte = peek, byte != 0x0A {
            if byte != 0x0D { try checkControl(byte) }
            index += 1
        }
    }

    /// After a statement: blanks, an optional comment, then a newline or the end.
    mutating func endOfLine() throws(HealthConfigError) {
        skipSpace()
        if peek == UInt8(ascii: "#") { try comment() }
        if peek == 0x0D, index + 1 < bytes.count, bytes[index + 1] == 0x0A { index += 1 }
        guard let byte = peek else { return }
        guard byte == 0x0A else { throw failure("expected the end of the line, found \(describe(byte))") }
        index += 1
        line += 1
    }

    mutating func expect(_ character: Character) throws(HealthConfigError) {
        guard let ascii = character.asciiValue, peek == ascii else {
            throw failure("expected \(character), found \(describe(peek))")
        }
        index += 1
    }

    func checkControl(_ byte: UInt8) throws(HealthConfigError) {
        if (byte < 0x20 && byte != 0x09) || byte == 0x7F {
            throw failure("control character \(Hex.format(byte)) (TOML allows none but tab)")
        }
    }

    mutating func count() throws(HealthConfigError) {
        entries += 1
        guard entries <= ConfigLimits.maxEntries else {
            throw failure("more than \(ConfigLimits.maxEntries) keys and values: not a configuration file")
        }
    }

    var tooDeep: String { "nested more than \(ConfigLimits.maxDepth) levels deep: not a configuration file" }

    func describe(_ byte: UInt8?) -> String {
        guard let byte else { return "the end of the file" }
        if byte == 0x0A { return "the end of the line" }
        if byte >= 0x21 && byte < 0x7F { return "'\(Character(Unicode.Scalar(byte)))'" }
        return "byte \(Hex.format(byte))"
    }

    func failure(_ message: String, line: Int? = nil) -> HealthConfigError {
        HealthConfigError(file: file, line: line ?? self.line, message: "invalid TOML: " + message)
    }
}
