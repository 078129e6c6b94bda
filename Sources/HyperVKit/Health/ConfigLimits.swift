/// What a configuration file may hold, for TOML and JSON alike (issue 12): a configuration of
/// `hvctl health` has three levels and a few dozen keys, so these bounds are far above any real
/// file and far below what makes a parser recurse out of its stack or run for seconds.
public enum ConfigLimits {
    /// Bytes, checked with fstat before the file is read.
    public static let maxBytes = 1 << 20
    /// Nesting of tables, inline tables, arrays and dotted keys.
    public static let maxDepth = 32
    /// Keys, table headers and array items together.
    public static let maxEntries = 10_000
}

/// Checks a TOML text against `ConfigLimits` before toml++ sees it: toml++ recurses once per
/// nesting level and TOMLKit copies each level's key path, so a 320 KB `[a.a.a…]` header crashed
/// the parser's stack and 40 KB took 17 s. One linear pass over the bytes, aware of strings (basic,
/// literal, multi-line) and comments; it only counts, so a text it passes may still be invalid
/// TOML, which toml++ then reports with its line.
public enum TOMLLimits {
    public static func check(_ text: String, file: String) throws(HealthConfigError) {
        var scanner = Scanner(bytes: Array(text.utf8))
        if let problem = scanner.run() {
            throw HealthConfigError(file: file, line: scanner.line, message: "invalid TOML: " + problem)
        }
    }

    struct Scanner {
        let bytes: [UInt8]
        var index = 0
        var line = 1
        var entries = 0
        /// Depth of the current `[table]` header.
        var tableDepth = 0
        /// Open `[` and `{` of the value being read.
        var brackets: [UInt8] = []
        /// Dots seen in the key being read (a dotted key nests like a table).
        var keyDots = 0
        /// Whether the next word is a key (line start, or after `{` or `,` in an inline table).
        var expectingKey = true

        mutating func run() -> String? {
            while index < bytes.count {
                let byte = bytes[index]
                switch byte {
                case 0x0A:
                    line += 1
                    index += 1
                    if brackets.isEmpty {
                        expectingKey = true
                        keyDots = 0
                    }
                case UInt8(ascii: "#"):
                    while index < bytes.count && bytes[index] != 0x0A { index += 1 }
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if let problem = skipString() { return problem }
                case UInt8(ascii: "[") where brackets.isEmpty && expectingKey:
                    if let problem = header() { return problem }
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    brackets.append(byte)
                    expectingKey = byte == UInt8(ascii: "{")
                    keyDots = 0
                    index += 1
                    if let problem = checkDepth(0) { return problem }
                    if byte == UInt8(ascii: "[") { if let problem = countEntry() { return problem } }
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    if !brackets.isEmpty { brackets.removeLast() }
                    index += 1
                case UInt8(ascii: ","):
                    if let open = brackets.last {
                        expectingKey = open == UInt8(ascii: "{")
                        keyDots = 0
                        if open == UInt8(ascii: "[") { if let problem = countEntry() { return problem } }
                    }
                    index += 1
                case UInt8(ascii: ".") where expectingKey:
                    keyDots += 1
                    index += 1
                case UInt8(ascii: "="):
                    if let problem = countEntry() { return problem }
                    if let problem = checkDepth(keyDots + 1) { return problem }
                    expectingKey = false
                    index += 1
                default:
                    index += 1
                }
            }
            return nil
        }

        /// `[a.b.c]` or `[[a.b]]`: its depth is its dotted parts.
        mutating func header() -> String? {
            var dots = 0
            index += 1
            while index < bytes.count && bytes[index] != 0x0A {
                let byte = bytes[index]
                if byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                    if let problem = skipString() { return problem }
                    continue
                }
                index += 1
                if byte == UInt8(ascii: ".") { dots += 1 }
                if byte == UInt8(ascii: "]") {
                    if index < bytes.count && bytes[index] == UInt8(ascii: "]") { index += 1 }
                    break
                }
            }
            tableDepth = dots + 1
            expectingKey = false
            return countEntry() ?? checkDepth(0)
        }

        /// Skips a string of any of the four kinds; its newlines still count as lines.
        mutating func skipString() -> String? {
            let quote = bytes[index]
            let multiline = index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote
            index += multiline ? 3 : 1
            while index < bytes.count {
                let byte = bytes[index]
                if byte == 0x0A {
                    if !multiline { return nil }
                    line += 1
                }
                if byte == UInt8(ascii: "\\") && quote == UInt8(ascii: "\"") {
                    if index + 1 < bytes.count && bytes[index + 1] == 0x0A { line += 1 }
                    index += 2
                    continue
                }
                if byte == quote {
                    if !multiline {
                        index += 1
                        return nil
                    }
                    if index + 2 < bytes.count && bytes[index + 1] == quote && bytes[index + 2] == quote {
                        index += 3
                        return nil
                    }
                }
                index += 1
            }
            return nil
        }

        mutating func countEntry() -> String? {
            entries += 1
            return entries > ConfigLimits.maxEntries
                ? "more than \(ConfigLimits.maxEntries) keys and values: not a configuration file" : nil
        }

        func checkDepth(_ key: Int) -> String? {
            tableDepth + brackets.count + key > ConfigLimits.maxDepth
                ? "nested more than \(ConfigLimits.maxDepth) levels deep: not a configuration file" : nil
        }
    }
}
