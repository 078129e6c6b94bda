/// The one place JSON is produced. Keys come out in the order each report's `encode(to:)` writes
/// them (schema_version first, raw values next to their decoded fields), which Foundation's
/// encoder on Linux does not keep; two-space indentation; `[]` and `{}` for empty collections.
/// Writing the text directly also avoids Foundation's encoder, the slowest part of `--json`.
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let root = JSONNode.Box()
        try value.encode(to: TreeEncoder(box: root, codingPath: []))
        var out = ""
        root.node.write(to: &out, indent: 0, box: root)
        return out + "\n"
    }
}

/// A JSON value being built; objects keep insertion order.
indirect enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array
    case object

    /// A mutable slot, so nested containers can be filled after they are handed out. Members and
    /// items live here and grow in place, so building a large array stays linear.
    final class Box {
        var node: JSONNode = .null
        var items: [Box] = []
        var members: [(String, Box)] = []
    }

    /// Indentation strings, made once: a channel listing writes tens of thousands of lines.
    static let indents: [String] = (0..<32).map { String(repeating: " ", count: $0 * 2) }

    static func indent(_ level: Int) -> String {
        level / 2 < indents.count ? indents[level / 2] : String(repeating: " ", count: level)
    }

    func write(to out: inout String, indent: Int, box: Box) {
        switch self {
        case .null: out += "null"
        case .bool(let value): out += value ? "true" : "false"
        case .number(let text): out += text
        case .string(let text): JSONNode.quote(text, into: &out)
        case .array:
            let items = box.items
            guard !items.isEmpty else { return out += "[]" }
            out += "[\n"
            for (index, item) in items.enumerated() {
                out += JSONNode.indent(indent + 2)
                item.node.write(to: &out, indent: indent + 2, box: item)
                out += index == items.count - 1 ? "\n" : ",\n"
            }
            out += JSONNode.indent(indent) + "]"
        case .object:
            let members = box.members
            guard !members.isEmpty else { return out += "{}" }
            out += "{\n"
            for (index, member) in members.enumerated() {
                out += JSONNode.indent(indent + 2)
                JSONNode.quote(member.0, into: &out)
                out += ": "
                member.1.node.write(to: &out, indent: indent + 2, box: member.1)
                out += index == members.count - 1 ? "\n" : ",\n"
            }
            out += JSONNode.indent(indent) + "}"
        }
    }

    /// RFC 8259 string escaping.
    static func quote(_ text: String, into out: inout String) {
        out += "\""
        // Most strings (keys, GUIDs, names) need no escape: append them whole.
        if !text.utf8.contains(where: { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }) {
            out += text
            out += "\""
            return
        }
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            default: out.unicodeScalars.append(scalar)
            }
        }
        out += "\""
    }
}

/// An `Encoder` that builds a `JSONNode` tree.
struct TreeEncoder: Encoder {
    let box: JSONNode.Box
    var codingPath: [any CodingKey]
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        if case .object = box.node {} else { box.node = .object }
        return KeyedEncodingContainer(KeyedTreeContainer<Key>(box: box, codingPath: codingPath))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        if case .array = box.node {} else { box.node = .array }
        return UnkeyedTreeContainer(box: box, codingPath: codingPath)
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleTreeContainer(box: box, codingPath: codingPath)
    }
}

/// Encodes one value into a box: scalars directly, anything else through its own `encode(to:)`.
private func encodeValue<T: Encodable>(_ value: T, into box: JSONNode.Box, codingPath: [any CodingKey]) throws {
    switch value {
    case let text as String: box.node = .string(text)
    case let flag as Bool: box.node = .bool(flag)
    case let number as Int: box.node = .number(String(number))
    case let number as Int32: box.node = .number(String(number))
    case let number as Int64: box.node = .number(String(number))
    case let number as UInt: box.node = .number(String(number))
    case let number as UInt8: box.node = .number(String(number))
    case let number as UInt16: box.node = .number(String(number))
    case let number as UInt32: box.node = .number(String(number))
    case let number as UInt64: box.node = .number(String(number))
    case let number as Double:
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "not finite"))
        }
        box.node = .number(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
    default: try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.Box
    var codingPath: [any CodingKey]

    /// The box for `key`, reusing an existing member so a key written twice keeps its first place.
    /// The box for `key`; a key written twice keeps its first place (objects are small, so a
    /// scan is cheaper than hashing every key).
    private func slot(_ key: Key) -> JSONNode.Box {
        let name = key.stringValue
        if let existing = box.members.first(where: { $0.0 == name }) { return existing.1 }
        let child = JSONNode.Box()
        box.members.append((name, child))
        return child
    }

    mutating func encodeNil(forKey key: Key) throws { slot(key).node = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: slot(key), codingPath: codingPath + [key])
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        TreeEncoder(box: slot(key), codingPath: codingPath + [key]).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(box: slot(key), codingPath: codingPath + [key]).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box, codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(box: slot(key), codingPath: codingPath + [key])
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let box: JSONNode.Box
    var codingPath: [any CodingKey]
    var count: Int { box.items.count }

    private func append() -> JSONNode.Box {
        let child = JSONNode.Box()
        box.items.append(child)
        return child
    }

    mutating func encodeNil() throws { append().node = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: append(), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        TreeEncoder(box: append(), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        TreeEncoder(box: append(), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(box: append(), codingPath: codingPath) }
}

private struct SingleTreeContainer: SingleValueEncodingContainer {
    let box: JSONNode.Box
    var codingPath: [any CodingKey]

    mutating func encodeNil() throws { box.node = .null }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try encodeValue(value, into: box, codingPath: codingPath)
    }
}
