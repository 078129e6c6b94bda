/// One record as a read() of /dev/kmsg returns it (Documentation/ABI/testing/dev-kmsg):
///
/// ```
/// 6,339,5140900,-;NET: Registered protocol family 10
///  SUBSYSTEM=acpi
///  DEVICE=+acpi:PNP0A03:00
/// ```
///
/// The header is `priority,sequence,microseconds,flags` with possibly more comma-separated fields
/// before the `;` (`caller=T1` with CONFIG_PRINTK_CALLER), which the ABI says to ignore. The message
/// ends at the first newline; the kernel escapes every byte below 0x20, at or above 0x7f and `\` itself
/// as `\xHH` (`msg_add_ext_text()`, kernel/printk/printk.c), so an embedded newline arrives as `\x0a`.
/// Lines starting with a space are `KEY=value` properties.
struct KmsgRecord: Sendable, Equatable {
    /// `(facility << 3) | level`, as in a syslog `<N>` prefix.
    var priority: UInt32
    var sequence: UInt64
    /// Monotonic time of the record, in microseconds since boot.
    var microseconds: UInt64
    /// `-`, or `c` for a line fragment (the kernel rarely emits fragments; they are not merged).
    var flags: String
    /// The message with escapes undone: UTF-8 decoded, newlines real, other control characters kept
    /// as `\xHH` as `dmesg` prints them.
    var message: String
    /// The continuation lines, `KEY=value`, without the leading space.
    var properties: [String]

    var facility: UInt32 { priority >> 3 }
    var level: UInt32 { priority & 7 }

    /// Parses one record; nil when `bytes` is not one.
    static func parse<Bytes: Collection<UInt8>>(_ bytes: Bytes) -> KmsgRecord? {
        let raw = Array(bytes)
        guard let semicolon = raw.firstIndex(of: UInt8(ascii: ";")) else { return nil }
        let fields = raw[..<semicolon].split(separator: UInt8(ascii: ","), omittingEmptySubsequences: false)
        guard fields.count >= 4, let priority = UInt32(ascii: fields[0]), let sequence = UInt64(ascii: fields[1]),
            let microseconds = UInt64(ascii: fields[2])
        else { return nil }
        var lines = raw[(semicolon + 1)...].split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        let message = lines.isEmpty ? [] : Array(lines.removeFirst())
        let properties = lines.filter { $0.first == UInt8(ascii: " ") }.map {
            String(decoding: KmsgRecord.unescape($0.dropFirst()), as: UTF8.self)
        }
        return KmsgRecord(
            priority: priority, sequence: sequence, microseconds: microseconds,
            flags: String(decoding: fields[3], as: UTF8.self),
            message: DmesgText.escapingControls(String(decoding: unescape(message[...]), as: UTF8.self)),
            properties: properties)
    }

    /// `[%5lu.%06lu]`, the stamp `dmesg` and the kernel's own `print_time()` print.
    var timestamp: String {
        let seconds = String(microseconds / 1_000_000)
        let fraction = String(microseconds % 1_000_000)
        let padding = String(repeating: " ", count: max(0, 5 - seconds.count))
        return "[" + padding + seconds + "." + String(repeating: "0", count: 6 - fraction.count) + fraction + "]"
    }

    /// The record as `dmesg` lines. A message with embedded newlines gives one line per part, each
    /// with the record's stamp, as the syslog(2) interface prints it (`record_print_text()`), so both
    /// sources of the log read the same.
    var dmesgLines: [String] {
        var parts = message.split(separator: "\n", omittingEmptySubsequences: false)
        if parts.count > 1, parts.last?.isEmpty == true { parts.removeLast() }
        let stamp = timestamp
        return parts.map { $0.isEmpty ? stamp : stamp + " " + $0 }
    }

    /// Undoes the kernel's `\xHH` escaping; anything else, a malformed escape included, is kept as is.
    static func unescape(_ text: ArraySlice<UInt8>) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(text.count)
        var index = text.startIndex
        while index < text.endIndex {
            if text[index] == UInt8(ascii: "\\"), index + 3 < text.endIndex, text[index + 1] == UInt8(ascii: "x"),
                let high = hexValue(text[index + 2]), let low = hexValue(text[index + 3])
            {
                bytes.append(high << 4 | low)
                index += 4
            } else {
                bytes.append(text[index])
                index += 1
            }
        }
        return bytes
    }

    private static func hexValue(_ byte: UInt8) -> UInt8? {
        switch byte {
        case UInt8(ascii: "0")...UInt8(ascii: "9"): return byte - UInt8(ascii: "0")
        case UInt8(ascii: "a")...UInt8(ascii: "f"): return byte - UInt8(ascii: "a") + 10
        case UInt8(ascii: "A")...UInt8(ascii: "F"): return byte - UInt8(ascii: "A") + 10
        default: return nil
        }
    }
}

extension FixedWidthInteger where Self: UnsignedInteger {
    /// A decimal number made only of ASCII digits; nil for anything else, an empty field included.
    fileprivate init?(ascii digits: ArraySlice<UInt8>) {
        guard !digits.isEmpty, digits.allSatisfy({ $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }) else {
            return nil
        }
        self.init(String(decoding: digits, as: UTF8.self))
    }
}
