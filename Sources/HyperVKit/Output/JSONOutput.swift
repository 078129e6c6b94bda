/// The one place JSON is produced. Keys come out in the order each report's `encode(to:)` writes
/// them (schema_version first, raw values next to their decoded fields), which Foundation's
/// encoder on Linux does not keep; two-space indentation; `[]` and `{}` for empty collections.
///
/// Written as the report encodes itself, straight into one UTF-8 buffer: no tree of values is
/// built first (issue 15: the tree cost an allocation per value and a second walk). Unlike
/// Foundation's encoder, `encodeIfPresent` (what synthesized conformances call) writes `null` for
/// an absent optional: the contract's rule is that unknown is null, never a missing key, so a
/// report needs no hand-written `encode(to:)` just to keep its keys. A shape that does leave keys
/// out (a diagnostic's `path`/`source`/`hint`) says so in its own `encode(to:)`.
public enum JSONOutput {
    public static func render<T: Encodable>(_ value: T) throws -> String {
        String(decoding: try bytes(value), as: UTF8.self)
    }

    /// The document as UTF-8, ending in a newline.
    public static func bytes<T: Encodable>(_ value: T) throws -> [UInt8] {
        let writer = JSONStreamWriter()
        let slot = writer.topSlot()
        try writer.encodeValue(value, slot: slot)
        writer.finishSlot(slot)
        writer.close(above: -1)
        if let failure = writer.failure { throw failure }
        writer.out.append(UInt8(ascii: "\n"))
        return writer.out
    }
}

/// The output and the containers still open, innermost last. A container is closed when its
/// value's `encode(to:)` returns, or, for one handed out by `nestedContainer`, when its parent
/// (or anything outside it) is written to again.
///
/// The hot stored properties are `@exclusivity(unchecked)`: the writer is used by one encoding on
/// one thread and never lends them out across a call, and the dynamic checks on a class's stored
/// properties were 8% of `vmbus channels --json` (issue 15, callgrind).
final class JSONStreamWriter {
    @exclusivity(unchecked) var out: [UInt8] = []
    /// The first misuse seen (a container written to after it was closed, a second value in one
    /// slot): `Encoder.container` cannot throw, so it is kept and thrown at the end.
    var failure: EncodingError?

    struct Frame {
        var isObject: Bool
        var count: Int
        /// The slot the container fills; a second `container(keyedBy:)` on the same encoder
        /// finds it by this.
        let slot: Int
        /// The container's own identity, so a closed container cannot be written to.
        let id: Int
        #if DEBUG
            /// Keys written so far: a key written twice would be invalid JSON for many readers.
            var keys: [String] = []
        #endif
    }

    @exclusivity(unchecked) private(set) var stack: [Frame] = []
    /// The slot waiting for its value (`nil`: none); slots and frames are numbered as made.
    @exclusivity(unchecked) private var pendingSlot: Int?
    @exclusivity(unchecked) private var slotCount = 0
    @exclusivity(unchecked) private var frameCount = 0

    init() {
        out.reserveCapacity(1 << 16)
        stack.reserveCapacity(16)
    }

    /// A position that takes exactly one value: the document, a member or an item.
    struct Slot {
        let id: Int
        /// The depth the slot's value opens its container at.
        let depth: Int

        /// Where writes go after a misuse: it takes nothing, and every write to it is refused.
        static let dead = Slot(id: -1, depth: Int.max / 2)
    }

    /// A reference to an open container: its depth in the stack and its identity.
    struct FrameRef {
        let depth: Int
        let id: Int
    }

    func topSlot() -> Slot { newSlot(depth: 0) }

    private func newSlot(depth: Int) -> Slot {
        slotCount += 1
        pendingSlot = slotCount
        return Slot(id: slotCount, depth: depth)
    }

    func fail(_ message: String) {
        if failure == nil {
            failure = EncodingError.invalidValue((), .init(codingPath: [], debugDescription: message))
        }
    }

    /// Takes the pending slot for a scalar; false (and a failure noted) when the slot is filled.
    private func claim(_ slot: Slot) -> Bool {
        guard pendingSlot == slot.id else {
            fail("a second value was encoded into one place")
            return false
        }
        pendingSlot = nil
        return true
    }

    /// A slot whose `encode(to:)` wrote nothing holds `null`; what it opened is closed.
    func finishSlot(_ slot: Slot) {
        if pendingSlot == slot.id {
            pendingSlot = nil
            out.append(contentsOf: "null".utf8)
        }
        close(above: slot.depth - 1)
    }

    /// The container for `slot`: opened if the slot is still empty, the same one again if this
    /// slot's encoder asks twice.
    func container(for slot: Slot, isObject: Bool) -> FrameRef {
        if pendingSlot == slot.id {
            pendingSlot = nil
            close(above: slot.depth - 1)
            frameCount += 1
            stack.append(Frame(isObject: isObject, count: 0, slot: slot.id, id: frameCount))
            out.append(UInt8(ascii: isObject ? "{" : "["))
            return FrameRef(depth: stack.count - 1, id: frameCount)
        }
        if slot.depth < stack.count, stack[slot.depth].slot == slot.id, stack[slot.depth].isObject == isObject {
            return FrameRef(depth: slot.depth, id: stack[slot.depth].id)
        }
        fail("a container was asked for in a place that already holds a value")
        // A frame that matches nothing: every write to it fails, nothing is written.
        return FrameRef(depth: slot.depth, id: -1)
    }

    /// Closes every container deeper than `depth`.
    func close(above depth: Int) {
        while stack.count > depth + 1 {
            let frame = stack.removeLast()
            if frame.count == 0 {
                out.append(UInt8(ascii: frame.isObject ? "}" : "]"))
            } else {
                out.append(UInt8(ascii: "\n"))
                indent(stack.count)
                out.append(UInt8(ascii: frame.isObject ? "}" : "]"))
            }
        }
    }

    /// Starts the next member or item of `frame` (closing what is open inside it); the slot its
    /// value goes into, or nil when the frame is closed already.
    func begin(_ frame: FrameRef, key: String?) -> Slot? {
        guard frame.depth < stack.count, stack[frame.depth].id == frame.id else {
            fail("a container was written to after it was closed")
            return nil
        }
        close(above: frame.depth)
        if pendingSlot != nil {
            // Only a value that escaped its own `encode(to:)` could leave its slot open here.
            fail("a value was left unwritten")
            pendingSlot = nil
        }
        out.append(contentsOf: (stack[frame.depth].count == 0 ? "\n" : ",\n").utf8)
        stack[frame.depth].count += 1
        indent(frame.depth + 1)
        if let key {
            #if DEBUG
                if stack[frame.depth].keys.contains(key) { fail("the key \(key) was written twice") }
                stack[frame.depth].keys.append(key)
            #endif
            quote(key)
            out.append(contentsOf: ": ".utf8)
        }
        return newSlot(depth: frame.depth + 1)
    }

    func indent(_ level: Int) {
        var remaining = 2 * level
        while remaining > 0 {
            let run = min(remaining, Self.spaces.count)
            out.append(contentsOf: Self.spaces[..<run])
            remaining -= run
        }
    }

    /// Indentation copied as a block: appending `repeatElement` went space by space.
    private static let spaces = [UInt8](repeating: UInt8(ascii: " "), count: 64)

    // MARK: Values

    func writeNull(_ slot: Slot) {
        if claim(slot) { out.append(contentsOf: "null".utf8) }
    }

    func write(_ flag: Bool, _ slot: Slot) {
        if claim(slot) { out.append(contentsOf: (flag ? "true" : "false").utf8) }
    }

    func write(_ text: String, _ slot: Slot) {
        if claim(slot) { quote(text) }
    }

    func write<N: BinaryInteger>(integer number: N, _ slot: Slot) {
        guard claim(slot) else { return }
        // Digits straight into the buffer: `String(number)` made a string per number.
        if number == 0 { return out.append(UInt8(ascii: "0")) }
        var magnitude = number.magnitude
        if number < 0 { out.append(UInt8(ascii: "-")) }
        let start = out.count
        while magnitude != 0 {
            out.append(UInt8(ascii: "0") + UInt8(truncatingIfNeeded: magnitude % 10))
            magnitude /= 10
        }
        out[start...].reverse()
    }

    func write(_ number: Double, _ slot: Slot) throws {
        guard number.isFinite else {
            throw EncodingError.invalidValue(number, .init(codingPath: [], debugDescription: "not finite"))
        }
        if number == number.rounded() && abs(number) < 1e15 {
            write(integer: Int64(number), slot)
        } else if claim(slot) {
            out.append(contentsOf: String(number).utf8)
        }
    }

    /// Scalars directly, compared by metatype (one pointer each: a failed `as` cast walks the
    /// runtime's cast machinery); anything else through its own `encode(to:)`.
    func encodeValue<T: Encodable>(_ value: T, slot: Slot) throws {
        let type = ObjectIdentifier(T.self)
        if type == ObjectIdentifier(String.self), let text = value as? String {
            write(text, slot)
        } else if type == ObjectIdentifier(Int.self), let number = value as? Int {
            write(integer: number, slot)
        } else if type == ObjectIdentifier(Bool.self), let flag = value as? Bool {
            write(flag, slot)
        } else if type == ObjectIdentifier(Double.self), let number = value as? Double {
            try write(number, slot)
        } else if !encodeFixedWidth(value, type, slot) {
            try value.encode(to: StreamEncoder(writer: self, slot: slot))
        }
    }

    /// The fixed-width integers, by metatype (see `encodeValue`).
    private func encodeFixedWidth<T>(_ value: T, _ type: ObjectIdentifier, _ slot: Slot) -> Bool {
        switch type {
        case ObjectIdentifier(UInt32.self): if let number = value as? UInt32 { write(integer: number, slot) }
        case ObjectIdentifier(UInt64.self): if let number = value as? UInt64 { write(integer: number, slot) }
        case ObjectIdentifier(Int64.self): if let number = value as? Int64 { write(integer: number, slot) }
        case ObjectIdentifier(UInt8.self): if let number = value as? UInt8 { write(integer: number, slot) }
        case ObjectIdentifier(UInt16.self): if let number = value as? UInt16 { write(integer: number, slot) }
        case ObjectIdentifier(UInt.self): if let number = value as? UInt { write(integer: number, slot) }
        case ObjectIdentifier(Int8.self): if let number = value as? Int8 { write(integer: number, slot) }
        case ObjectIdentifier(Int16.self): if let number = value as? Int16 { write(integer: number, slot) }
        case ObjectIdentifier(Int32.self): if let number = value as? Int32 { write(integer: number, slot) }
        default: return false
        }
        return true
    }

    /// Encodes a member or item's value and closes what it opened.
    func encodeMember<T: Encodable>(_ value: T, in frame: FrameRef, key: String?) throws {
        guard let slot = begin(frame, key: key) else { return }
        try encodeValue(value, slot: slot)
        finishSlot(slot)
    }

    /// RFC 8259 string escaping, byte by byte: only `"`, `\` and control bytes change, and every
    /// other UTF-8 byte (a multi-byte character's too) is copied as it is.
    func quote(_ text: String, into out: inout [UInt8]) {
        out.append(UInt8(ascii: "\""))
        var text = text
        text.withUTF8 { bytes in
            var plainStart = 0
            for (position, byte) in bytes.enumerated() where byte < 0x20 || byte == 0x22 || byte == 0x5C {
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart..<position]))
                plainStart = position + 1
                switch byte {
                case UInt8(ascii: "\""): out.append(contentsOf: "\\\"".utf8)
                case UInt8(ascii: "\\"): out.append(contentsOf: "\\\\".utf8)
                case UInt8(ascii: "\n"): out.append(contentsOf: "\\n".utf8)
                case UInt8(ascii: "\r"): out.append(contentsOf: "\\r".utf8)
                case UInt8(ascii: "\t"): out.append(contentsOf: "\\t".utf8)
                default:
                    let digits: StaticString = "0123456789abcdef"
                    out.append(contentsOf: "\\u00".utf8)
                    out.append(digits.utf8Start[Int(byte >> 4)])
                    out.append(digits.utf8Start[Int(byte & 0xf)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[plainStart...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    private func quote(_ text: String) { quote(text, into: &out) }
}

/// The `Encoder` handed to a value's `encode(to:)`: its writer and the slot it fills.
/// `codingPath` is always empty: no report reads it, and building it per value was a large part
/// of `--json` (issue 15).
struct StreamEncoder: Encoder {
    let writer: JSONStreamWriter
    let slot: JSONStreamWriter.Slot
    var codingPath: [any CodingKey] { [] }
    var userInfo: [CodingUserInfoKey: Any] { [:] }

    func container<Key: CodingKey>(keyedBy type: Key.Type) -> KeyedEncodingContainer<Key> {
        KeyedEncodingContainer(
            KeyedStreamContainer<Key>(writer: writer, frame: writer.container(for: slot, isObject: true)))
    }

    func unkeyedContainer() -> any UnkeyedEncodingContainer {
        UnkeyedStreamContainer(writer: writer, frame: writer.container(for: slot, isObject: false))
    }

    func singleValueContainer() -> any SingleValueEncodingContainer {
        SingleStreamContainer(writer: writer, slot: slot)
    }
}

private struct KeyedStreamContainer<Key: CodingKey>: KeyedEncodingContainerProtocol {
    let writer: JSONStreamWriter
    let frame: JSONStreamWriter.FrameRef
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil(forKey key: Key) throws {
        guard let slot = writer.begin(frame, key: key.stringValue) else { return }
        writer.writeNull(slot)
    }

    mutating func encode<T: Encodable>(_ value: T, forKey key: Key) throws {
        try writer.encodeMember(value, in: frame, key: key.stringValue)
    }

    // An absent optional is `null`, as docs/json-schema.md asks of every key (issue 15): synthesized
    // conformances call these, so a report needs no hand-written `encode(to:)` to keep its keys.
    mutating func encodeIfPresent(_ value: Bool?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: String?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Double?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Float?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int8?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int16?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int32?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: Int64?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt8?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt16?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt32?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent(_ value: UInt64?, forKey key: Key) throws { try encodeOptional(value, forKey: key) }
    mutating func encodeIfPresent<T: Encodable>(_ value: T?, forKey key: Key) throws {
        try encodeOptional(value, forKey: key)
    }

    private mutating func encodeOptional<T: Encodable>(_ value: T?, forKey key: Key) throws {
        if let value { try encode(value, forKey: key) } else { try encodeNil(forKey: key) }
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type, forKey key: Key)
        -> KeyedEncodingContainer<NestedKey>
    {
        let slot = writer.begin(frame, key: key.stringValue) ?? JSONStreamWriter.Slot.dead
        return StreamEncoder(writer: writer, slot: slot).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer(forKey key: Key) -> any UnkeyedEncodingContainer {
        let slot = writer.begin(frame, key: key.stringValue) ?? JSONStreamWriter.Slot.dead
        return StreamEncoder(writer: writer, slot: slot).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail("superEncoder is not supported")
        return StreamEncoder(writer: writer, slot: .dead)
    }

    mutating func superEncoder(forKey key: Key) -> any Encoder {
        writer.fail("superEncoder is not supported")
        return StreamEncoder(writer: writer, slot: .dead)
    }
}

private struct UnkeyedStreamContainer: UnkeyedEncodingContainer {
    let writer: JSONStreamWriter
    let frame: JSONStreamWriter.FrameRef
    var codingPath: [any CodingKey] { [] }
    var count: Int {
        frame.depth < writer.stack.count && writer.stack[frame.depth].id == frame.id
            ? writer.stack[frame.depth].count : 0
    }

    mutating func encodeNil() throws {
        guard let slot = writer.begin(frame, key: nil) else { return }
        writer.writeNull(slot)
    }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.encodeMember(value, in: frame, key: nil)
    }

    mutating func nestedContainer<NestedKey: CodingKey>(keyedBy keyType: NestedKey.Type) -> KeyedEncodingContainer<
        NestedKey
    > {
        let slot = writer.begin(frame, key: nil) ?? JSONStreamWriter.Slot.dead
        return StreamEncoder(writer: writer, slot: slot).container(keyedBy: keyType)
    }

    mutating func nestedUnkeyedContainer() -> any UnkeyedEncodingContainer {
        let slot = writer.begin(frame, key: nil) ?? JSONStreamWriter.Slot.dead
        return StreamEncoder(writer: writer, slot: slot).unkeyedContainer()
    }

    mutating func superEncoder() -> any Encoder {
        writer.fail("superEncoder is not supported")
        return StreamEncoder(writer: writer, slot: .dead)
    }
}

private struct SingleStreamContainer: SingleValueEncodingContainer {
    let writer: JSONStreamWriter
    let slot: JSONStreamWriter.Slot
    var codingPath: [any CodingKey] { [] }

    mutating func encodeNil() throws { writer.writeNull(slot) }

    mutating func encode<T: Encodable>(_ value: T) throws {
        try writer.encodeValue(value, slot: slot)
    }
}
