/// Raw register values as the JSON contract spells them: `"0x"`, lowercase, zero-padded to the
/// register width (`"0x00002e7f"`; docs/json-schema.md).
enum HexString {
    /// `value` as `0x` and exactly `digits` lowercase hex digits (more when it does not fit).
    static func format<Value: BinaryInteger>(_ value: Value, digits: Int = 8) -> String {
        let hex = String(value, radix: 16)
        return "0x" + String(repeating: "0", count: max(0, digits - hex.count)) + hex
    }

    /// Parses `0x…` (either case); nil for anything else.
    static func parse32(_ text: String) -> UInt32? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        return UInt32(text.dropFirst(2), radix: 16)
    }
}
