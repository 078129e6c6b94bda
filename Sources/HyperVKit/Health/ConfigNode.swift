/// A configuration file parsed into values that remember their line, whatever the syntax (TOML or
/// JSON), so every error can name the line it is about.
public struct ConfigNode: Sendable {
    public indirect enum Value: Sendable {
        /// Keys in file order.
        case table([(key: String, node: ConfigNode)])
        case array([ConfigNode])
        case string(String)
        case integer(Int64)
        case float(Double)
        case bool(Bool)
        /// A value this schema never takes (a TOML date), named by its type.
        case other(String)
    }

    public var value: Value
    /// 1-based; 0 when unknown.
    public var line: Int

    public init(_ value: Value, line: Int) {
        self.value = value
        self.line = line
    }

    /// What the value is, for messages: `a string`, `a table`.
    var kind: String {
        switch value {
        case .table: return "a table"
        case .array: return "an array"
        case .string: return "a string"
        case .integer: return "an integer"
        case .float: return "a number"
        case .bool: return "a boolean"
        case .other(let name): return "a \(name)"
        }
    }

    /// A number, integer or not.
    var number: Double? {
        switch value {
        case .integer(let number): return Double(number)
        case .float(let number): return number
        default: return nil
        }
    }
}

/// A bad configuration file: `health.toml:7: expected a number for channels.balance.max_ratio`.
public struct HealthConfigError: Error, Sendable, Equatable, CustomStringConvertible {
    public var file: String
    /// 1-based; 0 when the problem has no line (an unreadable file).
    public var line: Int
    public var message: String

    public init(file: String, line: Int, message: String) {
        self.file = file
        self.line = line
        self.message = message
    }

    /// One line, compiler style.
    public var description: String {
        line > 0 ? "\(file):\(line): \(message)" : "\(file): \(message)"
    }
}
