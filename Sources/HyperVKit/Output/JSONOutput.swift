/// The one place JSON is produced. Keys come out in the order each report's `encode(to:)` writes
/// them (schema_version first, raw values next to their decoded fields), which Foundation's
/// encoder on Linux does not keep; two-space indentation; `[]` and `{}` for empty collections.
/// Writing the text directly also avoids Foundation's encoder, the slowest part of `--json`.
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T) throws -> String {
        let arena = JSONNode.Arena()
        let root = arena.make()
        try value.encode(to: TreeEncoder(box: root, codingPath: []))
        // Written as UTF-8 bytes, made a String once: appending to a String checks and grows it
        // on every piece, a quarter of a large `--json` (issue 15).
        var out: [UInt8] = []
        out.reserveCapacity(1 << 16)
        arena.write(root.index, to: &out, indent: 0)
        out.append(UInt8(ascii: "\n"))
        return String(decoding: out, as: UTF8.self)
    }
}

/// A JSON value being built; objects keep insertion order. Not `indirect`: no case holds a node,
/// and an indirect enum allocates a box for every string and number (issue 15).
enum JSONNode {
    case null
    case bool(Bool)
    case number(String)
    case string(String)
    case array
    case object

    /// Every node of one document, in arrays indexed by node (issue 15): a class instance per
    /// value cost an allocation, reference counting and a recursive release for each of the
    /// 100,000 values of a large channel listing. Containers are filled after they are handed
    /// out, so a node's children are kept by index, in insertion order.
    final class Arena {
        var nodes: [JSONNode] = []
        var items: [[Int]] = []
        var members: [[(String, Int)]] = []

        init() {
            nodes.reserveCapacity(1024)
            items.reserveCapacity(1024)
            members.reserveCapacity(1024)
        }

        func make() -> Box {
            nodes.append(.null)
            items.append([])
            members.append([])
            return Box(arena: self, index: nodes.count - 1)
        }

        func write(_ index: Int, to out: inout [UInt8], indent: Int) {
            switch nodes[index] {
            case .null: out.append(contentsOf: "null".utf8)
            case .bool(let value): out.append(contentsOf: (value ? "true" : "false").utf8)
            case .number(let text): out.append(contentsOf: text.utf8)
            case .string(let text): JSONNode.quote(text, into: &out)
            case .array:
                let children = items[index]
                guard !children.isEmpty else { return out.append(contentsOf: "[]".utf8) }
                out.append(contentsOf: "[\n".utf8)
                for (position, child) in children.enumerated() {
                    JSONNode.indent(indent + 2, into: &out)
                    write(child, to: &out, indent: indent + 2)
                    out.append(contentsOf: (position == children.count - 1 ? "\n" : ",\n").utf8)
                }
                JSONNode.indent(indent, into: &out)
                out.append(UInt8(ascii: "]"))
            case .object:
                let children = members[index]
                guard !children.isEmpty else { return out.append(contentsOf: "{}".utf8) }
                out.append(contentsOf: "{\n".utf8)
                for (position, member) in children.enumerated() {
                    JSONNode.indent(indent + 2, into: &out)
                    JSONNode.quote(member.0, into: &out)
                    out.append(contentsOf: ": ".utf8)
                    write(member.1, to: &out, indent: indent + 2)
                    out.append(contentsOf: (position == children.count - 1 ? "\n" : ",\n").utf8)
                }
                JSONNode.indent(indent, into: &out)
                out.append(UInt8(ascii: "}"))
            }
        }
    }

    /// A node being filled: its arena and index.
    struct Box {
        let arena: Arena
        let index: Int

        var node: JSONNode {
            get { arena.nodes[index] }
            nonmutating set { arena.nodes[index] = newValue }
        }

        var itemCount: Int { arena.items[index].count }

        /// The member `name`, made if new; a key written twice keeps its first place (objects are
        /// small, so a scan is cheaper than hashing every key).
        func member(_ name: String) -> Box {
            if let existing = arena.members[index].first(where: { $0.0 == name }) {
                return Box(arena: arena, index: existing.1)
            }
            let child = arena.make()
            arena.members[index].append((name, child.index))
            return child
        }

        func appendItem() -> Box {
            let child = arena.make()
            arena.items[index].append(child.index)
            return child
        }
    }

    static func indent(_ level: Int, into out: inout [UInt8]) {
        out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: level))
    }

    /// RFC 8259 string escaping, byte by byte: only `"`, `\` and control bytes change, and every
    /// other UTF-8 byte (a multi-byte character's too) is copied as it is.
    static func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        for byte in text.utf8 {
            switch byte {
            case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
            case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
            case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
            case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
            case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
            case 0..<0x20:
                let digits = Array("0123456789abcdef".utf8)
                out.append(contentsOf: "\\u00".utf8)
                out.append(digits[Int(byte >> 4)])
                out.append(digits[Int(byte & 0xf)])
            default: out.append(byte)
            }
        }
        out.append(UInt8(ascii: "\""))
    }
}

/// An `Encoder` that builds a `JSONNode` tree. `codingPath` stays the root's: no report reads it,
/// and appending each key to a fresh array of existentials was a large part of `--json` (issue 15).
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
    // Compared by metatype, one pointer each: a failed `as` cast walks the runtime's cast
    // machinery, and every struct, array and optional failed ten of them before (issue 15).
    let type = ObjectIdentifier(T.self)
    if type == ObjectIdentifier(String.self), let text = value as? String {
        box.node = .string(text)
    } else if type == ObjectIdentifier(Int.self), let number = value as? Int {
        box.node = .number(String(number))
    } else if type == ObjectIdentifier(Bool.self), let flag = value as? Bool {
        box.node = .bool(flag)
    } else if type == ObjectIdentifier(Double.self), let number = value as? Double {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: codingPath, debugDescription: "not finite"))
        }
        box.node = .number(number == number.rounded() && abs(number) < 1e15 ? String(Int64(number)) : String(number))
    } else if let number = integerText(value, type) {
        box.node = .number(number)
    } else {
        try value.encode(to: TreeEncoder(box: box, codingPath: codingPath))
    }
}

/// The fixed-width integers, by metatype (see `encodeValue`).
private func integerText<T>(_ value: T, _ type: ObjectIdentifier) -> String? {
    switch type {
    case ObjectIdentifier(Int8.self): return (value as? Int8).map { String($0) }
    case ObjectIdentifier(Int16.self): return (value as? Int16).map { String($0) }
    case ObjectIdentifier(Int32.self): return (value as? Int32).map { String($0) }
    case ObjectIdentifier(Int64.self): return (value as? Int64).map { String($0) }
    case ObjectIdentifier(UInt.self): return (value as? UInt).map { String($0) }
    case ObjectIdentifier(UInt8.self): return (value as? UInt8).map { String($0) }
    case ObjectIdentifier(UInt16.self): return (value as? UInt16).map { String($0) }
    case ObjectIdentifier(UInt32.self): return (value as? UInt32).map { String($0) }
    case ObjectIdentifier(UInt64.self): return (value as? UInt64).map { String($0) }
    default: return nil
    }
}

private struct KeyedTreeContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let box: JSONNode.Box
    var codingPath: [any CodingKey]

    /// The box for `key` (see `JSONNode.Box.member`).
    private func slot(_ key: Key) -> JSONNode.Box { box.member(key.stringValue) }

    mutating func encodeNil(forKey key: Key) throws { slot(key).node = .null }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try encodeValue(value, into: slot(key), codingPath: codingPath)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        TreeEncoder(box: slot(key), codingPath: codingPath).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        TreeEncoder(box: slot(key), codingPath: codingPath).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder { TreeEncoder(box: box, codingPath: codingPath) }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        TreeEncoder(box: slot(key), codingPath: codingPath)
    }
}

private struct UnkeyedTreeContainer: UnkeyedEncodingContainer {
    let box: JSONNode.Box
    var codingPath: [any CodingKey]
    var count: Int { box.itemCount }

    private func append() -> JSONNode.Box { box.appendItem() }

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
