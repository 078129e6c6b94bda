/// A strict JSON (RFC 8259) reader that keeps each value's line, so a JSON configuration file gets
/// the same line-numbered errors as a TOML one (Foundation's JSONSerialization gives no line for a
/// value of the wrong type). Duplicate keys are refused: the second would silently win.
public struct ConfigJSONParser {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    /// Nesting allowed; a configuration needs three levels.
    static let maxDepth = ConfigLimits.maxDepth
    /// Keys and array items seen so far, held to `maxEntries`.
    var entryCount = 0
    /// A configuration holds at most `ConfigLimits.maxEntries`; a manifest of a large machine more.
    var maxEntries = ConfigLimits.maxEntries

    /// The one JSON reader: configurations, snapshot manifests and move journals.
    public static func parse(
        _ text: String, file: String, maxEntries: Int = ConfigLimits.maxEntries
    ) throws(HealthConfigError) -> ConfigNode {
        var parser = ConfigJSONParser(bytes: Array(text.utf8), file: file)
        parser.maxEntries = maxEntries
        parser.skipSpace()
        let root = try parser.value(depth: 0)
        parser.skipSpace()
        guard parser.index == parser.bytes.count else { throw parser.failure("unexpected text after the JSON value") }
        return root
    }

    mutating func value(depth: Int) throws(HealthConfigError) -> ConfigNode {
        guard depth < Self.maxDepth else { throw failure("nested too deeply") }
        let start = line
        guard let byte = peek else { throw failure("unexpected end of the file") }
        switch byte {
        case UInt8(ascii: "{"): return ConfigNode(try object(depth: depth), line: start)
        case UInt8(ascii: "["): return ConfigNode(try array(depth: depth), line: start)
        case UInt8(ascii: "\""): return ConfigNode(.string(try string()), line: start)
        case UInt8(ascii: "t"):
            try literal("true")
            return ConfigNode(.bool(true), line: start)
        case UInt8(ascii: "f"):
            try literal("false")
            return ConfigNode(.bool(false), line: start)
        case UInt8(ascii: "n"):
            try literal("null")
            return ConfigNode(.other("null"), line: start)
        default: return ConfigNode(try number(), line: start)
        }
    }

    mutating func object(depth: Int) throws(HealthConfigError) -> ConfigNode.Value {
        index += 1
        var entries: [(key: String, node: ConfigNode)] = []
        var seen: Set<String> = []
        skipSpace()
        if peek == UInt8(ascii: "}") {
            index += 1
            return .table(entries)
        }
        while true {
            skipSpace()
            guard peek == UInt8(ascii: "\"") else { throw failure("expected a key in double quotes") }
            let keyLine = line
            let key = try string()
            guard seen.insert(key).inserted else { throw failure("duplicate key \"\(key)\"", line: keyLine) }
            try count()
            skipSpace()
            try expect(":")
            skipSpace()
            var node = try value(depth: depth + 1)
            node.line = keyLine
            entries.append((key, node))
            skipSpace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect("}")
            return .table(entries)
        }
    }

    mutating func array(depth: Int) throws(HealthConfigError) -> ConfigNode.Value {
        index += 1
        var items: [ConfigNode] = []
        skipSpace()
        if peek == UInt8(ascii: "]") {
            index += 1
            return .array(items)
        }
        while true {
            skipSpace()
            try count()
            items.append(try value(depth: depth + 1))
            skipSpace()
            if peek == UInt8(ascii: ",") {
                index += 1
                continue
            }
            try expect("]")
            return .array(items)
        }
    }

    mutating func string() throws(HealthConfigError) -> String {
        index += 1
        var out: [UInt8] = []
        while let byte = peek {
            index += 1
            switch byte {
            case UInt8(ascii: "\""): return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"): try escape(into: &out)
            case 0..<0x20: throw failure("a control character in a string (write it as an escape)")
            default: out.append(byte)
            }
        }
        throw failure("a string is not closed")
    }

    mutating func escape(into out: inout [UInt8]) throws(HealthConfigError) {
        guard let byte = peek else { throw failure("a string is not closed") }
        index += 1
        let simple: [UInt8: UInt8] = [
            UInt8(ascii: "\""): 0x22, UInt8(ascii: "\\"): 0x5C, UInt8(ascii: "/"): 0x2F, UInt8(ascii: "b"): 0x08,
            UInt8(ascii: "f"): 0x0C, UInt8(ascii: "n"): 0x0A, UInt8(ascii: "r"): 0x0D, UInt8(ascii: "t"): 0x09,
        ]
        if let plain = simple[byte] { return out.append(plain) }
        guard byte == UInt8(ascii: "u"), index + 4 <= bytes.count,
            let code = UInt32(String(decoding: bytes[index..<index + 4], as: UTF8.self), radix: 16)
        else { throw failure("an invalid escape in a string") }
        index += 4
        // Surrogate pairs are not needed by any key or value this file takes: kept as U+FFFD.
        let scalar = Unicode.Scalar(code) ?? "\u{FFFD}"
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// One more key or array item; a file with more than `ConfigLimits.maxEntries` is refused.
    mutating func count() throws(HealthConfigError) {
        entryCount += 1
        guard entryCount <= maxEntries else {
            throw failure("more than \(maxEntries) keys and values: not a configuration file")
        }
    }

    /// RFC 8259 §6: `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`, nothing else
    /// (no `-0123`, no `+1`, no `1.`).
    mutating func number() throws(HealthConfigError) -> ConfigNode.Value {
        let start = index
        func digits() -> Int {
            let first = index
            while let byte = peek, ASCII.isDigit(byte) { index += 1 }
            return index - first
        }
        if peek == UInt8(ascii: "-") { index += 1 }
        let leadingZero = peek == UInt8(ascii: "0")
        let integerDigits = digits()
        var valid = integerDigits > 0 && !(leadingZero && integerDigits > 1)
        var isInteger = true
        if peek == UInt8(ascii: ".") {
            index += 1
            isInteger = false
            valid = valid && digits() > 0
        }
        if peek == UInt8(ascii: "e") || peek == UInt8(ascii: "E") {
            index += 1
            isInteger = false
            if peek == UInt8(ascii: "+") || peek == UInt8(ascii: "-") { index += 1 }
            valid = valid && digits() > 0
        }
        // Whatever else a number-like word holds makes it invalid too (`12abc`, `1.2.3`).
        while let byte = peek,
            ASCII.isAlphanumeric(byte) || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "+") || byte == UInt8(ascii: "-")
        {
            index += 1
            valid = false
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !text.isEmpty else { throw failure("expected a value") }
        guard valid else { throw failure("\"\(text)\" is not a JSON number") }
        if isInteger, let integer = Int64(text) { return .integer(integer) }
        guard let number = Double(text), number.isFinite else { throw failure("\"\(text)\" is out of range") }
        return .float(number)
    }

    mutating func literal(_ word: String) throws(HealthConfigError) {
        for expected in word.utf8 {
            guard peek == expected else { throw failure("expected \(word)") }
            index += 1
        }
    }

    mutating func expect(_ character: Character) throws(HealthConfigError) {
        guard let ascii = character.asciiValue, peek == ascii else {
            throw failure(peek == nil ? "unexpected end of the file (expected \(character))" : "expected \(character)")
        }
        index += 1
    }

    mutating func skipSpace() {
        while let byte = peek, byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D {
            if byte == 0x0A { line += 1 }
            index += 1
        }
    }

    var peek: UInt8? { index < bytes.count ? bytes[index] : nil }

    func failure(_ message: String, line: Int? = nil) -> HealthConfigError {
        HealthConfigError(file: file, line: line ?? self.line, message: "invalid JSON: " + message)
    }
}
