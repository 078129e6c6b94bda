/// The one hex formatter: lowercase digits (as the JSON contract, the kernel's `%x` and
/// `cpuid -r` write them), after a prefix (`0x` by default), zero-padded to at least `digits`
/// and never cut.
public enum Hex {
    /// `format(0x2e7f, digits: 8)` is `0x00002e7f`; `format(7, digits: 2, prefix: "\\x")` is `\x07`.
    public static func format<Value: BinaryInteger>(_ value: Value, digits: Int = 1, prefix: String = "0x") -> String {
        let text = String(value, radix: 16)
        return prefix + String(repeating: "0", count: max(0, digits - text.count)) + text
    }
}

extension Hex {
    /// Parses `0x…` (either case), as the JSON contract's register strings; nil for anything else.
    static func parse32(_ text: String) -> UInt32? {
        guard text.hasPrefix("0x") || text.hasPrefix("0X") else { return nil }
        return UInt32(text.dropFirst(2), radix: 16)
    }
}
