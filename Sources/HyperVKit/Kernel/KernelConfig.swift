/// A kernel `.config` as `make` writes it (`scripts/kconfig/confdata.c`): `CONFIG_X=y`,
/// `CONFIG_X=m`, `CONFIG_X="text"` or a number, and `# CONFIG_X is not set` for a visible option
/// that is off. An option whose dependencies are not met is not written at all (absent); either
/// way the code is not built.
public struct KernelConfig: Sendable, Equatable {
    public enum Value: Sendable, Hashable, CustomStringConvertible {
        /// `=y`: built into the kernel image.
        case builtIn
        /// `=m`: built as a loadable module.
        case module
        /// `# CONFIG_X is not set` (or an explicit `=n`).
        case notSet
        /// Any other value (strings, numbers), as written.
        case other(String)

        public var description: String {
            switch self {
            case .builtIn: return "y"
            case .module: return "m"
            case .notSet: return "is not set"
            case .other(let text): return text
            }
        }
    }

    /// Option name with its `CONFIG_` prefix → value. A repeated option keeps its last value.
    public var values: [String: Value]

    public init(values: [String: Value] = [:]) {
        self.values = values
    }

    public subscript(option: String) -> Value? { values[option] }

    /// Parses config text; lines that are neither assignments nor `is not set` comments (headers,
    /// blank lines, garbage) are skipped.
    public static func parse(_ text: String) -> KernelConfig {
        var values: [String: Value] = [:]
        for raw in text.utf8.split(separator: UInt8(ascii: "\n")) {
            var line = Substring(raw)
            while let last = line.last, last == "\r" || last == " " || last == "\t" { line.removeLast() }
            if line.hasPrefix("# CONFIG_"), line.hasSuffix(" is not set") {
                let name = line.dropFirst(2).dropLast(" is not set".count)
                if isName(name) { values[String(name)] = .notSet }
            } else if line.hasPrefix("CONFIG_"), let equals = line.firstIndex(of: "=") {
                let name = line[..<equals]
                guard isName(name) else { continue }
                values[String(name)] = value(line[line.index(after: equals)...])
            }
        }
        return KernelConfig(values: values)
    }

    private static func value(_ text: Substring) -> Value {
        switch text {
        case "y": return .builtIn
        case "m": return .module
        case "n": return .notSet
        default: return .other(String(text))
        }
    }

    /// `CONFIG_` followed by upper-case letters, digits and underscores (Kconfig symbol names).
    private static func isName(_ name: Substring) -> Bool {
        name.count > 7
            && name.utf8.allSatisfy { ASCII.isDigit($0) || ($0 >= 0x41 && $0 <= 0x5A) || $0 == UInt8(ascii: "_") }
    }
}
