/// A value in a check's `details`: JSON's types, objects in the order the check wrote them.
public indirect enum HealthValue: Sendable, Equatable, Encodable, ExpressibleByStringLiteral,
    ExpressibleByIntegerLiteral, ExpressibleByBooleanLiteral, ExpressibleByFloatLiteral, ExpressibleByNilLiteral,
    ExpressibleByArrayLiteral
{
    case null
    case bool(Bool)
    case int(Int)
    case number(Double)
    case string(String)
    case array([HealthValue])
    case object(HealthDetails)

    public init(stringLiteral value: String) { self = .string(value) }
    public init(integerLiteral value: Int) { self = .int(value) }
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    public init(floatLiteral value: Double) { self = .number(value) }
    public init(nilLiteral: ()) { self = .null }
    public init(arrayLiteral elements: HealthValue...) { self = .array(elements) }

    /// A string, or null.
    public static func string(_ value: String?) -> HealthValue { value.map { .string($0) } ?? .null }
    /// An integer, or null.
    public static func int(_ value: Int?) -> HealthValue { value.map { .int($0) } ?? .null }
    /// A count read as UInt64 (interrupt counters), or null; saturates rather than trapping.
    public static func count(_ value: UInt64?) -> HealthValue {
        value.map { .int(Int(clamping: $0)) } ?? .null
    }
    /// A flag, or null.
    public static func bool(_ value: Bool?) -> HealthValue { value.map { .bool($0) } ?? .null }
    /// A quantity with a fraction, rounded to `places` decimals so output is stable; or null.
    public static func number(_ value: Double?, places: Int = 3) -> HealthValue {
        guard let value, value.isFinite else { return .null }
        var scale = 1.0
        for _ in 0..<places { scale *= 10 }
        return .number((value * scale).rounded() / scale)
    }
    public static func strings(_ values: [String]) -> HealthValue { .array(values.map { .string($0) }) }
    public static func ints(_ values: [Int]) -> HealthValue { .array(values.map { .int($0) }) }

    public func encode(to encoder: any Encoder) throws {
        switch self {
        case .object(let details):
            try details.encode(to: encoder)
        case .array(let items):
            var container = encoder.unkeyedContainer()
            for item in items { try container.encode(item) }
        default:
            var container = encoder.singleValueContainer()
            switch self {
            case .null: try container.encodeNil()
            case .bool(let flag): try container.encode(flag)
            case .int(let number): try container.encode(number)
            case .number(let number): try container.encode(number)
            case .string(let text): try container.encode(text)
            case .array, .object: break
            }
        }
    }

    /// A one-line rendering for text formats (TAP's YAML, JUnit's system-out): JSON-like.
    public var inline: String {
        switch self {
        case .null: return "null"
        case .bool(let flag): return flag ? "true" : "false"
        case .int(let number): return String(number)
        case .number(let number):
            return number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number)
        case .string(let text): return text
        case .array(let items): return "[" + items.map(\.inline).joined(separator: ", ") + "]"
        case .object(let details):
            return "{" + details.entries.map { "\($0.key): \($0.value.inline)" }.joined(separator: ", ") + "}"
        }
    }
}

/// A check's `details`: an object whose keys keep the order they were written in.
public struct HealthDetails: Sendable, Equatable, Encodable, ExpressibleByDictionaryLiteral {
    public private(set) var entries: [(key: String, value: HealthValue)]

    public init(dictionaryLiteral elements: (String, HealthValue)...) {
        entries = elements.map { (key: $0.0, value: $0.1) }
    }

    public init(_ entries: [(key: String, value: HealthValue)]) {
        self.entries = entries
    }

    public var isEmpty: Bool { entries.isEmpty }

    public subscript(key: String) -> HealthValue? {
        get { entries.first { $0.key == key }?.value }
        set {
            let index = entries.firstIndex { $0.key == key }
            switch (index, newValue) {
            case (let index?, let value?): entries[index].value = value
            case (let index?, nil): entries.remove(at: index)
            case (nil, let value?): entries.append((key, value))
            case (nil, nil): break
            }
        }
    }

    public static func == (lhs: HealthDetails, rhs: HealthDetails) -> Bool {
        lhs.entries.count == rhs.entries.count
            && zip(lhs.entries, rhs.entries).allSatisfy { $0.key == $1.key && $0.value == $1.value }
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: HealthKey.self)
        for entry in entries { try container.encode(entry.value, forKey: HealthKey(entry.key)) }
    }
}

/// A coding key made from any string (details keys are data).
struct HealthKey: CodingKey {
    var stringValue: String
    var intValue: Int? { nil }
    init(_ name: String) { stringValue = name }
    init?(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
}
