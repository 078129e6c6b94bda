/// One decoded field's value, typed the way docs/json-schema.md wants it: flags are booleans, counts
/// numbers, addresses `"0x…"` strings, names strings.
public enum MSRFieldValue: Sendable, Equatable, Encodable, CustomStringConvertible {
    case bool(Bool)
    case int(UInt64)
    /// An address or a register-sized word: `"0x"` and `digits` lowercase hex digits.
    case hex(UInt64, digits: Int)
    case text(String)
    /// A quantity with a fraction (seconds, MHz).
    case number(Double)

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        switch self {
        case .bool(let flag): try container.encode(flag)
        case .int(let value): try container.encode(value)
        case .hex(let value, let digits): try container.encode(Hex.format(value, digits: digits))
        case .text(let text): try container.encode(text)
        case .number(let value): try container.encode(value)
        }
    }

    public var description: String {
        switch self {
        case .bool(let flag): return flag ? "yes" : "no"
        case .int(let value): return String(value)
        case .hex(let value, let digits): return Hex.format(value, digits: digits)
        case .text(let text): return text
        case .number(let value): return String(value)
        }
    }
}

/// An MSR value taken apart: named fields in layout order (encoded as one JSON object) and a short
/// phrase for the text table.
public struct DecodedMSR: Sendable, Equatable, Encodable {
    public struct Field: Sendable, Equatable {
        public var name: String
        public var value: MSRFieldValue

        public init(_ name: String, _ value: MSRFieldValue) {
            self.name = name
            self.value = value
        }
    }

    public var fields: [Field]
    /// `enabled, page 0x…`: what the DECODED column shows.
    public var summary: String

    public init(fields: [Field], summary: String) {
        self.fields = fields
        self.summary = summary
    }

    /// The value of the field `name`, if the layout has it.
    public subscript(name: String) -> MSRFieldValue? {
        fields.first { $0.name == name }?.value
    }

    /// The boolean field `name`; nil when absent or not a flag.
    public func flag(_ name: String) -> Bool? {
        if case .bool(let flag) = self[name] { return flag }
        return nil
    }

    /// The integer field `name` (a hex field counts); nil when absent or not a number.
    public func integer(_ name: String) -> UInt64? {
        switch self[name] {
        case .int(let value), .hex(let value, _): return value
        default: return nil
        }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: NameKey.self)
        for field in fields {
            try container.encode(field.value, forKey: NameKey(field.name))
        }
    }
}
