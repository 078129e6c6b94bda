/// A strict JSON (RFC 8259) reader that keeps each value's line, so a JSON configuration file gets
/// the same line-numbered errors as a TOML one (Foundation's JSONSerialization gives no line for a
/// value of the wrong type). Duplicate keys are refused: the second would silently win.
public struct ConfigJSONParser {
    let bytes: [UInt8]
    let file: String
    var index = 0
    var line = 1
    /// Nesting allowed; a configuration needs three levels.
    static let maxDepth = 32

    public static func parse(_ text: String, file: String) throws(HealthConfigError) -> ConfigNode {
        var parser = ConfigJSONParser(bytes: Array(text.utf8), file: file)
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
            if entries.contains(where: { $0.key == key }) { throw failure("duplicate key \"\(key)\"", line: keyLine) }
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

    mutating func number() throws(HealthConfigError) -> ConfigNode.Value {
        let start = index
        while let byte = peek,
            byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+") || byte == UInt8(ascii: ".")
                || byte == UInt8(ascii: "e") || byte == UInt8(ascii: "E") || ASCII.isDigit(byte)
        {
            index += 1
        }
        let text = String(decoding: bytes[start..<index], as: UTF8.self)
        guard !text.isEmpty, text.first != "+", !text.hasPrefix("0") || text == "0" || text.hasPrefix("0.")
        else { throw failure(text.isEmpty ? "expected a value" : "\"\(text)\" is not a JSON number") }
        if let integer = Int64(text) { return .integer(integer) }
        guard let number = Double(text), text.last.map({ ASCII.isDigit($0.asciiValue ?? 0) }) == true else {
            throw failure("\"\(text)\" is not a JSON number")
        }
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
